//! Support data for one school's students, as a district would have it two
//! months into the school year: this year's attendance for every student
//! (as a student information system sends it, as of the last school day),
//! behaviour incidents and suspensions for the few who have them, first-
//! quarter course marks, needs the team recorded, and tiered interventions
//! with their progress points. Flags are not written here: the app's own
//! rules raise them from this data (`ssp demo` recomputes every district's
//! flags once the rows are in, as a load through the page or the CLI does).
//!
//! Rates (national figures for a district like the demo's; Attendance
//! Works, the Civil Rights Data Collection):
//! - chronically absent (≥ 10 % of enrolled days, any reason): about 12 % in
//!   grades 6–8, 17 % in grades 9–11 and 22 % in grade 12 — some 16 % of all
//!   students; a few percent enrolled after the first day;
//! - behaviour incidents this year: about 9 % of students, more among the
//!   chronically absent; at least one day of suspension: about 3 %;
//! - a failing first-quarter mark: about 4 % of marks (15 % for the
//!   chronically absent); quarter marks are progress, so no course-failure
//!   flag comes from them until the semester ends;
//! - needs: about 9 % of students (more with chronic absence or a
//!   suspension), at every status;
//! - interventions: about half the chronically absent (tier 2, tier 3 for
//!   the most absent), half the suspended, and a few others for an
//!   academic or social-emotional need, each with a progress point per
//!   monitoring period and an outcome when its planned length has passed.
//!
//! Drawn from its own random stream and id range (a [`SupportGen`]), so
//! everything generated before it stays the same.

pub(crate) mod flags;
mod texts;

use std::collections::HashMap;

use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use ssp_db::repo::bulk::TranscriptEntryBulkRow;
use ssp_db::repo::support::bulk::{
    self, InterventionBulkRow, InterventionLinkBulkRow, InterventionPointBulkRow, NeedBulkRow,
};
use ssp_db::repo::support::readings::{AttendanceRow, BehaviourRow, MarkRow};
use ssp_db::{DbError, Tx};
use ssp_domain::support::need::NeedKind;
use ssp_domain::SchoolYear;
use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time, Weekday};
use uuid::Uuid;

use crate::academics::DemoCatalog;
use crate::ids::IdGen;
use crate::plans::{PlanCtx, PlanStudent, SchoolStaff};
use crate::DemoSummary;

/// What the demo's student information system is called in the rows.
pub(crate) const SOURCE: &str = "demo-sis";

/// The seeded state of one district's support data.
pub(crate) struct SupportGen {
    pub rng: ChaCha8Rng,
    pub ids: IdGen,
    /// `false`: no support data (`DemoOptions::plans`).
    pub enabled: bool,
}

/// Rows ready for the bulk inserts, in foreign-key order.
#[derive(Default)]
pub(crate) struct SupportBatch {
    pub district_id: Uuid,
    pub attendance: Vec<AttendanceRow>,
    pub behaviour: Vec<BehaviourRow>,
    pub marks: Vec<MarkRow>,
    pub needs: Vec<NeedBulkRow>,
    pub interventions: Vec<InterventionBulkRow>,
    pub points: Vec<InterventionPointBulkRow>,
    pub links: Vec<InterventionLinkBulkRow>,
    /// Students at or above 10 % absence with enough days enrolled.
    pub chronically_absent: u64,
    pub suspended: u64,
}

impl SupportBatch {
    pub(crate) async fn insert(&self, tx: &mut Tx, now: OffsetDateTime) -> Result<(), DbError> {
        bulk::attendance(tx, self.district_id, &self.attendance, now).await?;
        bulk::behaviour(tx, self.district_id, &self.behaviour, now).await?;
        bulk::marks(tx, self.district_id, &self.marks, now).await?;
        bulk::needs(tx, &self.needs).await?;
        bulk::interventions(tx, &self.interventions).await?;
        bulk::intervention_points(tx, &self.points).await?;
        bulk::intervention_links(tx, &self.links).await
    }

    pub(crate) fn tally(&self, summary: &mut DemoSummary) {
        summary.attendance_readings += self.attendance.len() as u64;
        summary.behaviour_readings += self.behaviour.len() as u64;
        summary.course_marks += self.marks.len() as u64;
        summary.chronically_absent += self.chronically_absent;
        summary.suspended += self.suspended;
        summary.needs += self.needs.len() as u64;
        summary.interventions += self.interventions.len() as u64;
        summary.intervention_points += self.points.len() as u64;
    }
}

/// The last school day before `today` (the data's as-of date).
pub(crate) fn as_of(today: Date) -> Date {
    let mut d = today - Duration::days(1);
    while matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
        d -= Duration::days(1);
    }
    d
}

/// School days from the first day of the fall semester (the last
/// Thursday of August) to `to`: weekdays, less Labor Day and Columbus Day.
fn school_days(year: SchoolYear, to: Date) -> u32 {
    let first = Date::from_calendar_date(year.0 - 1, Month::August, 27).unwrap_or(to);
    let holidays = [
        first_monday(year.0 - 1, Month::September),
        first_monday(year.0 - 1, Month::October) + Duration::weeks(1),
    ];
    let mut n = 0;
    let mut d = first;
    while d <= to {
        if !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) && !holidays.contains(&d) {
            n += 1;
        }
        d += Duration::days(1);
    }
    n
}

fn first_monday(year: i32, month: Month) -> Date {
    let mut d = Date::from_calendar_date(year, month, 1).unwrap_or(Date::MIN);
    while d.weekday() != Weekday::Monday {
        d += Duration::days(1);
    }
    d
}

/// The first quarter's last day: the last Friday of October.
fn quarter_1_end(year: SchoolYear) -> Date {
    let mut d = Date::from_calendar_date(year.0 - 1, Month::October, 31).unwrap_or(Date::MIN);
    while d.weekday() != Weekday::Friday {
        d -= Duration::days(1);
    }
    d
}

/// One student's draw: how much they missed and whether they were
/// suspended, which the rest follows.
struct Draw {
    days_enrolled: u32,
    absent: u32,
    chronic: bool,
    suspended: bool,
}

/// Builds the school's support rows. `transcript` is the school's academic
/// rows (this year's courses give the high-school marks' course codes).
pub(crate) fn build_support(
    gen: &mut SupportGen,
    ctx: &PlanCtx,
    staff: &SchoolStaff,
    students: &[PlanStudent],
    catalog: &DemoCatalog,
    transcript: &[TranscriptEntryBulkRow],
) -> SupportBatch {
    let mut b = SupportBatch {
        district_id: ctx.district_id,
        ..Default::default()
    };
    if !gen.enabled {
        return b;
    }
    let year = SchoolYear::containing(ctx.today);
    let as_of = as_of(ctx.today);
    let full_days = school_days(year, as_of);
    let q1_end = quarter_1_end(year);
    let subjects: HashMap<&str, &'static str> = catalog
        .courses
        .iter()
        .map(|c| (c.code, subject_of(c.course.tags.iter().map(|t| t.as_str()))))
        .collect();
    let mut this_year: HashMap<Uuid, Vec<&TranscriptEntryBulkRow>> = HashMap::new();
    for e in transcript
        .iter()
        .filter(|e| e.school_year == year.0 && e.mark.is_none())
    {
        this_year.entry(e.student_id).or_default().push(e);
    }
    let at = |d: Date, h: u8| PrimitiveDateTime::new(d, Time::from_hms(h, 0, 0).unwrap_or(Time::MIDNIGHT)).assume_utc();

    for s in students {
        let draw = draw(&mut gen.rng, s.grade, full_days);
        b.chronically_absent += u64::from(draw.chronic && draw.days_enrolled >= 20);
        b.suspended += u64::from(draw.suspended);
        attendance(&mut gen.rng, &mut b, s, &draw, year, as_of);
        behaviour(&mut gen.rng, &mut b, s, &draw, year, as_of);

        // First-quarter marks: this year's courses (high school) or the
        // middle grades' core four and one more.
        let fail_p = if draw.chronic { 0.15 } else { 0.04 };
        let mark = |code: String, subject: &str, failing: bool| MarkRow {
            student_id: s.id,
            course_code: code,
            term_ends_on: q1_end,
            subject: subject.to_owned(),
            term_length: "quarter".to_owned(),
            failing,
            as_of,
            source: SOURCE.to_owned(),
        };
        if s.grade >= 9 {
            for e in this_year.get(&s.id).map(Vec::as_slice).unwrap_or(&[]) {
                if e.term == "year" || e.term == "semester_1" {
                    let subject = subjects.get(e.course_code).copied().unwrap_or("other");
                    let failing = gen.rng.gen_bool(fail_p);
                    b.marks.push(mark(e.course_code.to_owned(), subject, failing));
                }
            }
        } else {
            for (prefix, subject) in MIDDLE_COURSES {
                let failing = gen.rng.gen_bool(fail_p);
                b.marks.push(mark(format!("{prefix}{}", s.grade), subject, failing));
            }
        }

        let need = need(&mut gen.rng, &mut gen.ids, &mut b, ctx, staff, s, &draw, &at);
        intervention(gen, &mut b, ctx, staff, s, &draw, need, &at);
    }
    b
}

const MIDDLE_COURSES: [(&str, &str); 5] = [
    ("MATH", "math"),
    ("ELA", "english_language_arts"),
    ("SCI", "science"),
    ("SS", "social_studies"),
    ("PE", "other"),
];

/// The mark file's subject for a catalog course's tags.
fn subject_of<'a>(mut tags: impl Iterator<Item = &'a str>) -> &'static str {
    tags.find_map(|t| match t {
        "mathematics" => Some("math"),
        "english" => Some("english_language_arts"),
        "science" => Some("science"),
        "social_studies" => Some("social_studies"),
        _ => None,
    })
    .unwrap_or("other")
}

fn draw(rng: &mut ChaCha8Rng, grade: i32, full_days: u32) -> Draw {
    let days_enrolled = if rng.gen_bool(0.05) && full_days > 10 {
        rng.gen_range(8..full_days)
    } else {
        full_days
    };
    let chronic_p = match grade {
        ..=8 => 0.12,
        9..=11 => 0.17,
        _ => 0.22,
    };
    let chronic = rng.gen_bool(chronic_p);
    let rate: f64 = if chronic {
        if rng.gen_bool(0.2) {
            rng.gen_range(0.30..0.55)
        } else {
            rng.gen_range(0.10..0.30)
        }
    } else if rng.gen_bool(0.6) {
        rng.gen_range(0.0..0.04)
    } else {
        rng.gen_range(0.04..0.099)
    };
    let days = f64::from(days_enrolled);
    // At or above 10 % when chronic, below it when not.
    let tenth = (days * 0.1).ceil() as u32;
    let absent = if chronic {
        ((days * rate).round() as u32).max(tenth).min(days_enrolled)
    } else {
        ((days * rate).round() as u32).min(tenth.saturating_sub(1))
    };
    let incident_p = if chronic { 0.19 } else { 0.07 };
    let suspended = rng.gen_bool(incident_p * 0.32);
    Draw {
        days_enrolled,
        absent,
        chronic,
        suspended,
    }
}

fn attendance(rng: &mut ChaCha8Rng, b: &mut SupportBatch, s: &PlanStudent, d: &Draw, year: SchoolYear, as_of: Date) {
    let disciplinary = if d.suspended {
        rng.gen_range(0..=d.absent.min(3))
    } else {
        0
    };
    let rest = d.absent - disciplinary;
    let unexcused = (f64::from(rest) * rng.gen_range(0.25..0.6)).round() as u32;
    b.attendance.push(AttendanceRow {
        student_id: s.id,
        school_year: year.0,
        days_enrolled: d.days_enrolled as i32,
        excused: (rest - unexcused) as i32,
        unexcused: unexcused as i32,
        disciplinary: disciplinary as i32,
        as_of,
        source: SOURCE.to_owned(),
    });
}

fn behaviour(rng: &mut ChaCha8Rng, b: &mut SupportBatch, s: &PlanStudent, d: &Draw, year: SchoolYear, as_of: Date) {
    let incident_p = if d.chronic { 0.19 } else { 0.07 };
    // A suspension comes with an incident; others have minor ones only.
    if !d.suspended && !rng.gen_bool(incident_p * 0.68) {
        return;
    }
    let incidents = *[1, 1, 1, 2, 2, 3, 4].choose(rng).unwrap_or(&1);
    let (iss, oss) = if d.suspended {
        let days = rng.gen_range(1..=3);
        if rng.gen_bool(0.5) {
            (days, 0)
        } else {
            (0, days)
        }
    } else {
        (0, 0)
    };
    b.behaviour.push(BehaviourRow {
        student_id: s.id,
        school_year: year.0,
        incidents,
        iss_days: iss,
        oss_days: oss,
        as_of,
        source: SOURCE.to_owned(),
    });
}

/// Who on the school's staff records and owns a kind of need.
fn need_owner(kind: NeedKind, staff: &SchoolStaff, manager: Uuid) -> Uuid {
    match kind {
        NeedKind::Health | NeedKind::VisionDental => staff.nurse,
        NeedKind::SocialEmotional | NeedKind::Housing | NeedKind::Food | NeedKind::Clothing => staff.social_worker,
        NeedKind::AttendanceBarrier | NeedKind::Transportation => staff.fps,
        NeedKind::Academic => manager,
    }
}

/// Maybe a need; returns its id and kind.
#[allow(clippy::too_many_arguments)]
fn need(
    rng: &mut ChaCha8Rng,
    ids: &mut IdGen,
    b: &mut SupportBatch,
    ctx: &PlanCtx,
    staff: &SchoolStaff,
    s: &PlanStudent,
    d: &Draw,
    at: &dyn Fn(Date, u8) -> OffsetDateTime,
) -> Option<(Uuid, NeedKind)> {
    let p = 0.05 + if d.chronic { 0.2 } else { 0.0 } + if d.suspended { 0.1 } else { 0.0 };
    if !rng.gen_bool(p) {
        return None;
    }
    let weighted: [(NeedKind, u32); 9] = [
        (NeedKind::Academic, 25),
        (NeedKind::SocialEmotional, 20),
        (NeedKind::AttendanceBarrier, if d.chronic { 25 } else { 4 }),
        (NeedKind::Transportation, 8),
        (NeedKind::Health, 8),
        (NeedKind::VisionDental, 8),
        (NeedKind::Food, 7),
        (NeedKind::Clothing, 6),
        (NeedKind::Housing, 6),
    ];
    let kind = weighted.choose_weighted(rng, |(_, w)| *w).map(|(k, _)| *k).ok()?;
    let status = *[
        "identified",
        "identified",
        "in_progress",
        "in_progress",
        "in_progress",
        "met",
        "met",
        "no_longer_needed",
    ]
    .choose(rng)
    .unwrap_or(&"identified");
    let (description, doing) = texts::need(kind, rng);
    let created = ctx.today - Duration::days(rng.gen_range(5..60));
    let updated = (created + Duration::days(rng.gen_range(0..20))).min(ctx.today - Duration::days(1));
    let id = ids.next();
    b.needs.push(NeedBulkRow {
        id,
        district_id: ctx.district_id,
        student_id: s.id,
        kind: kind.key(),
        sensitivity: kind.sensitivity().as_str(),
        description,
        what_is_being_done: if status == "identified" { "" } else { doing },
        status,
        created_by: need_owner(kind, staff, s.manager),
        created_at: at(created, 10),
        updated_at: at(updated.max(created), 14),
    });
    Some((id, kind))
}

/// Maybe an intervention, with its progress points and what it serves.
#[allow(clippy::too_many_arguments)]
fn intervention(
    gen: &mut SupportGen,
    b: &mut SupportBatch,
    ctx: &PlanCtx,
    staff: &SchoolStaff,
    s: &PlanStudent,
    d: &Draw,
    need: Option<(Uuid, NeedKind)>,
    at: &dyn Fn(Date, u8) -> OffsetDateTime,
) {
    let rng = &mut gen.rng;
    let absent_pct = 100.0 * f64::from(d.absent) / f64::from(d.days_enrolled.max(1));
    let plan: Option<texts::Plan> = if d.chronic && d.days_enrolled >= 20 && rng.gen_bool(0.5) {
        Some(if absent_pct >= 25.0 && rng.gen_bool(0.3) {
            texts::plan("wraparound_services", absent_pct)
        } else {
            let key = *[
                "check_and_connect",
                "attendance_contract",
                "family_attendance_conference",
            ]
            .choose(rng)
            .unwrap_or(&"check_and_connect");
            texts::plan(key, absent_pct)
        })
    } else if d.suspended && rng.gen_bool(0.5) {
        let key = *["check_in_check_out", "daily_behaviour_report_card"]
            .choose(rng)
            .unwrap_or(&"check_in_check_out");
        Some(texts::plan(key, absent_pct))
    } else {
        match need.map(|(_, k)| k) {
            Some(NeedKind::Academic) if rng.gen_bool(0.6) => Some(texts::plan("small_group_tutoring", absent_pct)),
            Some(NeedKind::SocialEmotional) if rng.gen_bool(0.6) => Some(texts::plan(
                if rng.gen_bool(0.3) {
                    "individual_counseling"
                } else {
                    "small_group_sel"
                },
                absent_pct,
            )),
            _ if rng.gen_bool(0.01) => Some(texts::plan("mentoring", absent_pct)),
            _ => None,
        }
    };
    let Some(plan) = plan else { return };
    let owner = match plan.family {
        texts::Family::Attendance => {
            if rng.gen_bool(0.6) {
                staff.fps
            } else {
                s.manager
            }
        }
        texts::Family::Behaviour | texts::Family::Feelings => staff.social_worker,
        texts::Family::Academic | texts::Family::Mentoring => s.mentor.unwrap_or(s.manager),
    };
    let weeks_ago = rng.gen_range(2..=10);
    let mut start = ctx.today - Duration::weeks(weeks_ago);
    while start.weekday() != Weekday::Monday {
        start -= Duration::days(1);
    }
    let planned_weeks = *[6, 8, 8, 10, 12].choose(rng).unwrap_or(&8);
    let (cadence, step) = if rng.gen_bool(0.6) {
        ("weekly", 7)
    } else {
        ("every_two_weeks", 14)
    };
    let ends = start + Duration::weeks(planned_weeks);
    let id = gen.ids.next();
    // Progress: a point each period so far, most of the way to the goal
    // for most students, flat or worse for some.
    let response: f64 = *[1.0, 0.9, 0.7, 0.5, 0.2, 0.0, -0.2].choose(rng).unwrap_or(&0.5);
    let mut day = start + Duration::days(step);
    let last = ends.min(ctx.today - Duration::days(1));
    let periods = ((last - start).whole_days() / step).max(1) as f64;
    let mut k = 0.0;
    let mut values = Vec::new();
    while day <= last {
        k += 1.0;
        let trend = plan.baseline + (plan.goal - plan.baseline) * response * (k / periods).min(1.0);
        let noise = rng.gen_range(-1.0..1.0) * (plan.goal - plan.baseline).abs() * 0.12;
        let value = ((trend + noise).clamp(plan.min, plan.max) * 10.0).round() / 10.0;
        values.push(value);
        b.points.push(InterventionPointBulkRow {
            id: gen.ids.next(),
            intervention_id: id,
            on_date: day,
            value,
            note: texts::point_note(rng, value, plan.baseline, plan.goal),
            recorded_by: owner,
            recorded_at: at(day, 15),
        });
        day += Duration::days(step);
    }
    let over = ends < ctx.today;
    let (status, outcome, note) = if over {
        let reached = values
            .last()
            .map(|v| (v - plan.baseline) / (plan.goal - plan.baseline))
            .unwrap_or(0.0);
        let (outcome, note) = texts::outcome(reached);
        ("completed", Some(outcome), Some(note))
    } else if rng.gen_bool(0.03) {
        ("discontinued", None, Some(texts::DISCONTINUED))
    } else {
        ("active", None, None)
    };
    b.interventions.push(InterventionBulkRow {
        id,
        district_id: ctx.district_id,
        student_id: s.id,
        strategy_key: plan.strategy,
        tier: plan.tier,
        owner_id: owner,
        start_on: start,
        planned_weeks: planned_weeks as i32,
        cadence,
        measure: plan.measure,
        baseline: plan.baseline,
        goal_value: plan.goal,
        shared_with_family: rng.gen_bool(0.7),
        status,
        outcome,
        outcome_note: note,
        created_at: at(start, 9),
        updated_at: at(last.max(start), 16),
    });
    if let Some((need_id, _)) = need {
        b.links.push(InterventionLinkBulkRow {
            intervention_id: id,
            target_kind: "need",
            target_id: need_id,
            created_at: at(start, 9),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_data_is_as_of_the_last_school_day() {
        // 2026-11-02 is a Monday: the Friday before.
        assert_eq!(as_of(date!(2026 - 11 - 02)), date!(2026 - 10 - 30));
        assert_eq!(as_of(date!(2026 - 11 - 04)), date!(2026 - 11 - 03));
        assert_eq!(quarter_1_end(SchoolYear(2027)), date!(2026 - 10 - 30));
    }

    #[test]
    fn school_days_leave_out_weekends_and_holidays() {
        // 27 Aug – 30 Oct 2026: 47 weekdays, less Labor Day and Columbus Day.
        assert_eq!(school_days(SchoolYear(2027), date!(2026 - 10 - 30)), 45);
    }

    #[test]
    fn absence_rates_follow_the_draw() {
        use rand::SeedableRng;
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let (mut chronic, mut wrong) = (0, 0);
        for i in 0..20_000 {
            let d = draw(&mut rng, 6 + (i % 7), 45);
            let pct = 100 * d.absent / d.days_enrolled;
            if d.chronic {
                chronic += 1;
            }
            if d.chronic != (d.absent * 10 >= d.days_enrolled) || pct > 100 {
                wrong += 1;
            }
        }
        assert_eq!(wrong, 0, "chronic exactly when at or above 10 %");
        let share = f64::from(chronic) / 20_000.0;
        assert!((0.14..0.19).contains(&share), "{share}");
    }
}
