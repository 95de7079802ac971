//! A district's early-warning thresholds and routing: read by every
//! recomputation, changed by a district administrator (the caller checks
//! the role), audited; a change recomputes the district's flags in the
//! background.

use ssp_db::repo::support::flags::{self as repo, SettingsRow};
use ssp_domain::academics::on_track::Grade9Rule;
use ssp_domain::academics::{Credits, Points};
use ssp_domain::audit::AuditAction;
use ssp_domain::input::Rejected;
use ssp_domain::support::flag::{FlagKind, Routing};
use ssp_domain::support::rules::Thresholds;
use ssp_domain::OrgId;

use crate::actor::Actor;
use crate::admin::DistrictWrite;
use crate::error::Error;
use crate::{App, Parsed};

/// The district's settings, or the defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportSettings {
    pub thresholds: Thresholds,
    pub routing: Routing,
    /// No row saved: the national defaults, every kind to the plan manager.
    pub is_default: bool,
}

/// `kind=role;kind=role`.
fn routing_text(r: &Routing) -> String {
    r.routes()
        .map(|(k, role)| format!("{}={}", k.key(), role.as_str()))
        .collect::<Vec<_>>()
        .join(";")
}

fn routing_of(text: &str) -> Routing {
    let pairs: Vec<(&str, &str)> = text.split(';').filter_map(|p| p.split_once('=')).collect();
    // A stored pair that no longer parses is left out (the kind goes to
    // the plan manager) rather than failing every recomputation.
    pairs
        .iter()
        .fold(Routing::new(), |acc, pair| match Routing::parse(&[*pair]) {
            Ok(one) => one.routes().fold(acc, |a, (k, r)| a.route(k, r)),
            Err(_) => acc,
        })
}

pub async fn of(app: &App, district: OrgId) -> Result<SupportSettings, Error> {
    Ok(match repo::settings(app.db(), district).await? {
        None => SupportSettings {
            thresholds: Thresholds::default(),
            routing: Routing::new(),
            is_default: true,
        },
        Some(r) => SupportSettings {
            thresholds: Thresholds {
                chronic_absence_percent: r.chronic_absence_percent.max(0) as u32,
                min_days_enrolled: r.min_days_enrolled.max(0) as u32,
                suspension_days: r.suspension_days.max(0) as u32,
                low_gpa: Points(r.low_gpa.max(0) as u32),
                stale_after_days: r.stale_after_days.max(0) as u32,
                grade9: Grade9Rule {
                    min_credits: Credits(r.grade9_min_credits.max(0) as u32),
                    max_core_semester_fs: r.grade9_max_core_fs.max(0) as u32,
                },
            },
            routing: routing_of(&r.routing),
            is_default: false,
        },
    })
}

/// Saves thresholds (`ThresholdsRaw::parse`) and routing (`Routing::parse`)
/// together: a refusal of either saves nothing (both refusals' fields are
/// reported, under `invalid_support_settings`). Then recomputes the
/// district's flags in the background.
pub async fn save(
    app: &App,
    actor: &Actor,
    thresholds: Parsed<Thresholds>,
    routing: Parsed<Routing>,
) -> Result<(), Error> {
    let (t, r) = match (thresholds, routing) {
        (Ok(t), Ok(r)) => (t, r),
        (t, r) => {
            let mut fields = Vec::new();
            fields.extend(t.err().map(|e| e.fields).unwrap_or_default());
            fields.extend(r.err().map(|e| e.fields).unwrap_or_default());
            return Err(Error::Rejected(Rejected {
                error: "invalid_support_settings",
                fields,
            }));
        }
    };
    let row = SettingsRow {
        chronic_absence_percent: t.chronic_absence_percent as i32,
        min_days_enrolled: t.min_days_enrolled as i32,
        suspension_days: t.suspension_days as i32,
        low_gpa: t.low_gpa.0 as i32,
        stale_after_days: t.stale_after_days as i32,
        grade9_min_credits: t.grade9.min_credits.0 as i32,
        grade9_max_core_fs: t.grade9.max_core_semester_fs as i32,
        routing: routing_text(&r),
    };
    let mut w = DistrictWrite::begin(app, actor).await?;
    let now = w.now();
    repo::put_settings(w.tx(), actor.district, &row, actor.person, now).await?;
    let detail = format!(
        "absence={}% after {} days; suspension={}; low_gpa={}; stale={}; grade9={}/{}; routing={}",
        t.chronic_absence_percent,
        t.min_days_enrolled,
        t.suspension_days,
        t.low_gpa,
        t.stale_after_days,
        t.grade9.min_credits,
        t.grade9.max_core_semester_fs,
        row.routing
    );
    w.commit(AuditAction::SupportSettingsSaved, "support_settings", detail)
        .await?;
    super::recompute::refresh_district_in_background(app, actor.district);
    Ok(())
}

/// The routed role key of each kind ("" for the plan manager), in kind order.
pub fn routes_by_kind(r: &Routing) -> Vec<(FlagKind, String)> {
    FlagKind::ALL
        .iter()
        .map(|k| {
            (
                *k,
                r.role_for(*k).map(|role| role.as_str().to_owned()).unwrap_or_default(),
            )
        })
        .collect()
}
