//! Server-side SVG charts (no script, no third-party library): a goal's
//! check-ins against its baseline and target, with a text summary for
//! screen readers.

use std::fmt::Write;

use ssp_domain::plan::MeasureKind;
use time::Date;

use crate::ui::pages::Page;

const W: f64 = 640.0;
const H: f64 = 240.0;
const PAD_L: f64 = 48.0;
const PAD_R: f64 = 16.0;
const PAD_T: f64 = 16.0;
const PAD_B: f64 = 32.0;

/// A value as people read it for its measure.
pub fn format_value(measure: MeasureKind, v: f64) -> String {
    match measure {
        MeasureKind::Percent => format!("{}%", trim(v)),
        MeasureKind::YesNo => (if v >= 0.5 { "✓" } else { "✗" }).to_owned(),
        _ => trim(v),
    }
}

fn trim(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The chart as an inline `<svg>` element (already escaped).
pub fn goal_chart(
    page: &Page,
    measure: MeasureKind,
    baseline: f64,
    target: f64,
    start: Date,
    due: Date,
    points: &[(Date, f64)],
) -> String {
    let first = points.iter().map(|p| p.0).min().map_or(start, |d| d.min(start));
    let last = points.iter().map(|p| p.0).max().map_or(due, |d| d.max(due));
    let span = ((last - first).whole_days().max(1)) as f64;
    let (mut lo, mut hi) = (baseline.min(target), baseline.max(target));
    for (_, v) in points {
        lo = lo.min(*v);
        hi = hi.max(*v);
    }
    // Some room above and below, without leaving the measure's range.
    let pad = ((hi - lo) * 0.15).max(1.0);
    lo -= pad;
    hi += pad;
    if measure == MeasureKind::Percent {
        lo = lo.max(0.0);
        hi = hi.min(100.0);
    } else {
        lo = lo.max(0.0);
    }
    if (hi - lo).abs() < 1e-9 {
        hi = lo + 1.0;
    }
    let x = |d: Date| PAD_L + (d - first).whole_days() as f64 / span * (W - PAD_L - PAD_R);
    let y = |v: f64| PAD_T + (1.0 - (v - lo) / (hi - lo)) * (H - PAD_T - PAD_B);

    let label = crate::i18n::t_args(
        page.lang,
        "chart-label",
        &[
            ("count", points.len().to_string()),
            ("baseline", format_value(measure, baseline)),
            ("target", format_value(measure, target)),
            (
                "latest",
                points
                    .last()
                    .map(|p| format_value(measure, p.1))
                    .unwrap_or_else(|| "—".into()),
            ),
        ],
    );
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"chart\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(&label)
    );
    // Axes.
    let _ = write!(
        s,
        "<line class=\"axis\" x1=\"{PAD_L}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/><line class=\"axis\" x1=\"{PAD_L}\" y1=\"{PAD_T}\" x2=\"{PAD_L}\" y2=\"{}\"/>",
        H - PAD_B,
        W - PAD_R,
        H - PAD_B,
        H - PAD_B
    );
    for (v, class, key) in [
        (baseline, "baseline", "chart-baseline"),
        (target, "target", "chart-target"),
    ] {
        let yy = y(v);
        let _ = write!(
            s,
            "<line class=\"{class}\" x1=\"{PAD_L}\" y1=\"{yy:.1}\" x2=\"{}\" y2=\"{yy:.1}\"/><text class=\"chart-label\" x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            W - PAD_R,
            W - PAD_R,
            yy - 4.0,
            esc(&format!("{} {}", page.t(key), format_value(measure, v)))
        );
    }
    let _ = write!(
        s,
        "<text class=\"chart-label\" x=\"{PAD_L}\" y=\"{}\">{first}</text><text class=\"chart-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{last}</text>",
        H - 10.0,
        W - PAD_R,
        H - 10.0
    );
    let due_x = x(due);
    let _ = write!(
        s,
        "<line class=\"due\" x1=\"{due_x:.1}\" y1=\"{PAD_T}\" x2=\"{due_x:.1}\" y2=\"{}\"/>",
        H - PAD_B
    );
    if !points.is_empty() {
        let path: Vec<String> = points
            .iter()
            .map(|(d, v)| format!("{:.1},{:.1}", x(*d), y(*v)))
            .collect();
        let _ = write!(s, "<polyline class=\"series\" points=\"{}\"/>", path.join(" "));
        for (d, v) in points {
            let _ = write!(
                s,
                "<circle class=\"point\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\"><title>{}: {}</title></circle>",
                x(*d),
                y(*v),
                d,
                esc(&format_value(measure, *v))
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// An intervention's progress points against its goal line (from the
/// baseline at the start to the goal at the planned end), as an inline
/// `<svg>`. `label` is what a screen reader hears; the page also lists the
/// points in a table.
pub fn progress_chart(label: &str, chart: &ssp_domain::support::intervention::ProgressChart, start: Date) -> String {
    let span = chart.x_max.max(1) as f64;
    let (mut lo, mut hi) = (chart.y_min, chart.y_max);
    let pad = ((hi - lo) * 0.15).max(1.0);
    lo -= pad;
    hi += pad;
    if chart.y_min >= 0.0 {
        lo = lo.max(0.0);
    }
    let x = |d: i64| PAD_L + d as f64 / span * (W - PAD_L - PAD_R);
    let y = |v: f64| PAD_T + (1.0 - (v - lo) / (hi - lo)) * (H - PAD_T - PAD_B);
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"chart\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(label)
    );
    let _ = write!(
        s,
        "<line class=\"axis\" x1=\"{PAD_L}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/><line class=\"axis\" x1=\"{PAD_L}\" y1=\"{PAD_T}\" x2=\"{PAD_L}\" y2=\"{}\"/>",
        H - PAD_B,
        W - PAD_R,
        H - PAD_B,
        H - PAD_B
    );
    let [(x0, y0), (x1, y1)] = chart.goal_line;
    let _ = write!(
        s,
        "<line class=\"target goal-line\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\"/>",
        x(x0),
        y(y0),
        x(x1),
        y(y1)
    );
    let end = start.checked_add(time::Duration::days(chart.x_max)).unwrap_or(start);
    let _ = write!(
        s,
        "<text class=\"chart-label\" x=\"{PAD_L}\" y=\"{}\">{start}</text><text class=\"chart-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{end}</text>",
        H - 10.0,
        W - PAD_R,
        H - 10.0
    );
    for (v, anchor_y) in [(lo, H - PAD_B), (hi, PAD_T + 10.0)] {
        let _ = write!(
            s,
            "<text class=\"chart-label\" x=\"{}\" y=\"{anchor_y:.1}\" text-anchor=\"end\">{}</text>",
            PAD_L - 4.0,
            trim(v)
        );
    }
    if !chart.points.is_empty() {
        let path: Vec<String> = chart
            .points
            .iter()
            .map(|(d, v)| format!("{:.1},{:.1}", x(*d), y(*v)))
            .collect();
        let _ = write!(s, "<polyline class=\"series\" points=\"{}\"/>", path.join(" "));
        for (d, v) in &chart.points {
            let on = start.checked_add(time::Duration::days(*d)).unwrap_or(start);
            let _ = write!(
                s,
                "<circle class=\"point\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\"><title>{on}: {}</title></circle>",
                x(*d),
                y(*v),
                trim(*v)
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// A number as people read it: whole numbers without decimals, others to
/// one decimal.
pub fn number(v: f64) -> String {
    trim(v)
}

/// A horizontal bar chart (an interest profile: six areas scored 0–40, or an
/// occupation's six ratings 1–7). `label` is what a screen reader hears: the
/// bars' values, which the page also gives as text.
pub fn bars(label: &str, bars: &[(String, f64)], max: f64) -> String {
    const BW: f64 = 640.0;
    const ROW: f64 = 34.0;
    const NAME_W: f64 = 150.0;
    const VALUE_W: f64 = 48.0;
    let h = ROW * bars.len() as f64 + 8.0;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"chart bars\" viewBox=\"0 0 {BW} {h}\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(label)
    );
    let span = BW - NAME_W - VALUE_W;
    for (i, (name, v)) in bars.iter().enumerate() {
        let y = 4.0 + ROW * i as f64;
        let w = if max > 0.0 {
            (v / max).clamp(0.0, 1.0) * span
        } else {
            0.0
        };
        let _ = write!(
            s,
            "<text class=\"chart-label\" x=\"0\" y=\"{:.1}\">{}</text><rect class=\"track\" x=\"{NAME_W}\" y=\"{:.1}\" width=\"{span:.1}\" height=\"20\" rx=\"3\"/><rect class=\"bar\" x=\"{NAME_W}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"20\" rx=\"3\"/><text class=\"chart-label\" x=\"{BW}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            y + 15.0,
            esc(name),
            y + 1.0,
            y + 1.0,
            y + 15.0,
            esc(&format_number(*v))
        );
    }
    s.push_str("</svg>");
    s
}

fn format_number(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_naturally() {
        assert_eq!(format_value(MeasureKind::Percent, 92.0), "92%");
        assert_eq!(format_value(MeasureKind::Count, 3.5), "3.5");
        assert_eq!(format_value(MeasureKind::YesNo, 1.0), "✓");
    }
}
