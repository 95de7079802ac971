//! Interventions: a strategy from the district's library at a tier, with an
//! owner, a start, a planned length, a monitoring cadence and a goal; the
//! progress points recorded against it, when the next check is due, the
//! chart's numbers (points against the goal line), and how it ended.

use time::{Date, Duration};

use super::strategy::{Strategy, StrategyKey};
use super::{in_range, past_date, IllegalMove};
use crate::academics::keyed_enum;
use crate::input::{self, FieldError, Fields, Rejected};
use crate::PersonId;

/// How often progress is checked: the plan's goal cadence (weekly, every
/// two weeks, monthly = 30 days), so goals and interventions speak alike.
pub use crate::plan::goal::CheckInCadence as Cadence;

keyed_enum!(
    /// The tier of support (multi-tiered systems of support).
    Tier, "unknown_tier", {
        /// Tier 1: universal, for every student.
        Universal => "tier_1",
        /// Tier 2: targeted, often in small groups.
        Targeted => "tier_2",
        /// Tier 3: intensive and individual.
        Intensive => "tier_3",
    }
);

impl Tier {
    /// 1, 2 or 3.
    pub fn number(self) -> u8 {
        match self {
            Tier::Universal => 1,
            Tier::Targeted => 2,
            Tier::Intensive => 3,
        }
    }
}

/// Planned length in weeks.
pub const PLANNED_WEEKS: std::ops::RangeInclusive<u32> = 1..=52;
/// The longest measure name.
pub const MEASURE_MAX_CHARS: usize = 100;
/// The largest value (either sign) a baseline, goal or point may hold.
pub const MAX_VALUE: f64 = 1_000_000.0;
/// The longest note on a progress point.
pub const POINT_NOTE_MAX_CHARS: usize = 500;

/// An intervention as the form sends it.
#[derive(Debug, Clone, Copy, Default)]
pub struct InterventionRaw<'a> {
    pub strategy: &'a str,
    /// Blank: the strategy's own tier.
    pub tier: &'a str,
    pub owner: &'a str,
    pub start_on: &'a str,
    pub planned_weeks: &'a str,
    pub cadence: &'a str,
    /// What is measured: `days attended per week`, `assignments turned in (%)`.
    pub measure: &'a str,
    pub baseline: &'a str,
    pub goal: &'a str,
}

/// An intervention that passed every rule.
#[derive(Debug, Clone, PartialEq)]
pub struct NewIntervention {
    pub strategy: StrategyKey,
    pub tier: Tier,
    pub owner: PersonId,
    pub start_on: Date,
    pub planned_weeks: u32,
    pub cadence: Cadence,
    pub measure: String,
    pub baseline: f64,
    pub goal: f64,
}

impl NewIntervention {
    /// The planned end: the start plus the planned weeks.
    pub fn planned_end(&self) -> Date {
        planned_end(self.start_on, self.planned_weeks)
    }
}

/// `start` plus `weeks` weeks.
pub fn planned_end(start: Date, weeks: u32) -> Date {
    start
        .checked_add(Duration::weeks(i64::from(weeks)))
        .unwrap_or(Date::MAX)
}

impl InterventionRaw<'_> {
    /// Fields `strategy` (`required`, `unknown_choice`: not in `library`),
    /// `tier` (blank: the strategy's; `unknown_choice`), `owner`
    /// (`required`, `invalid_id`; that the owner is staff with access is the
    /// use case's question), `start_on` (`required`, `invalid_date`),
    /// `planned_weeks` (1–52: `required`, `invalid_number`, `out_of_range`),
    /// `cadence` (`required`, `unknown_choice`), `measure` (1–100:
    /// `required`, `too_long`), `baseline` and `goal` (`required`,
    /// `invalid_number`, `out_of_range` beyond ±1,000,000; `goal`
    /// `same_as_baseline`). The input's code is `invalid_intervention`.
    pub fn parse(&self, library: &[Strategy]) -> Result<NewIntervention, Rejected> {
        let mut f = Fields::new();
        let strategy = f.check(if self.strategy.trim().is_empty() {
            Err(FieldError::new("strategy", "required"))
        } else {
            library
                .iter()
                .find(|s| s.key.as_str() == self.strategy.trim())
                .ok_or(FieldError::new("strategy", "unknown_choice"))
        });
        let tier = f.check(match self.tier.trim() {
            "" => Ok(strategy.map(|s| s.tier)),
            t => input::choice("tier", t, &Tier::choices()).map(Some),
        });
        let owner = f.check(if self.owner.trim().is_empty() {
            Err(FieldError::new("owner", "required"))
        } else {
            self.owner
                .parse::<PersonId>()
                .map_err(|_| FieldError::new("owner", "invalid_id"))
        });
        let start = f.check(crate::portfolio::date_field("start_on", self.start_on));
        let weeks = f.check(in_range("planned_weeks", self.planned_weeks, PLANNED_WEEKS));
        let cadence = f.check(match self.cadence.trim() {
            "" => Err(FieldError::new("cadence", "required")),
            c => Cadence::parse(c).map_err(|_| FieldError::new("cadence", "unknown_choice")),
        });
        let measure = f.check(input::text("measure", self.measure, 1..=MEASURE_MAX_CHARS));
        let baseline = f.check(value("baseline", self.baseline));
        let goal = f.check(value("goal", self.goal).and_then(|g| {
            if baseline == Some(g) {
                Err(FieldError::new("goal", "same_as_baseline"))
            } else {
                Ok(g)
            }
        }));
        f.finish("invalid_intervention", || NewIntervention {
            strategy: strategy.expect("checked").key.clone(),
            tier: tier.flatten().expect("checked"),
            owner: owner.expect("checked"),
            start_on: start.expect("checked"),
            planned_weeks: weeks.expect("checked"),
            cadence: cadence.expect("checked"),
            measure: measure.expect("checked"),
            baseline: baseline.expect("checked"),
            goal: goal.expect("checked"),
        })
    }
}

/// A measured value. Codes `required`, `invalid_number`, `out_of_range`.
fn value(field: &'static str, raw: &str) -> Result<f64, FieldError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    match s.parse::<f64>() {
        Ok(v) if !v.is_finite() => Err(FieldError::new(field, "invalid_number")),
        Ok(v) if v.abs() > MAX_VALUE => Err(FieldError::new(field, "out_of_range")),
        Ok(v) => Ok(v),
        Err(_) => Err(FieldError::new(field, "invalid_number")),
    }
}

/// One measurement of progress.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressPoint {
    pub on: Date,
    pub value: f64,
    /// May be empty.
    pub note: String,
}

impl ProgressPoint {
    /// Fields `on` (`required`, `invalid_date`, `before_start`: before the
    /// intervention's start, `in_future`: after `today`), `value`
    /// (`required`, `invalid_number`, `out_of_range`), `note` (up to 500:
    /// `too_long`). The input's code is `invalid_progress_point`.
    pub fn parse(on: &str, value_raw: &str, note: &str, start_on: Date, today: Date) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let on = f.check(past_date("on", on, today).and_then(|d| {
            if d < start_on {
                Err(FieldError::new("on", "before_start"))
            } else {
                Ok(d)
            }
        }));
        let v = f.check(value("value", value_raw));
        let note = f.check(input::text("note", note, 0..=POINT_NOTE_MAX_CHARS));
        f.finish("invalid_progress_point", || ProgressPoint {
            on: on.expect("checked"),
            value: v.expect("checked"),
            note: note.expect("checked"),
        })
    }
}

/// When the next progress check is due, and whether that is past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckDue {
    pub due_on: Date,
    /// `today` is after `due_on`.
    pub overdue: bool,
}

/// One cadence after the latest point (or after the start, before any).
pub fn next_check_due(start: Date, cadence: Cadence, points: &[ProgressPoint], today: Date) -> CheckDue {
    let since = points.iter().map(|p| p.on).max().unwrap_or(start).max(start);
    let due_on = since.checked_add(Duration::days(cadence.days())).unwrap_or(Date::MAX);
    CheckDue {
        due_on,
        overdue: today > due_on,
    }
}

keyed_enum!(
    /// Where an intervention stands.
    InterventionStatus, "unknown_intervention_status", {
        Active => "active",
        /// Ran its course.
        Completed => "completed",
        /// Stopped early.
        Discontinued => "discontinued",
    }
);

keyed_enum!(
    /// How an intervention ended against its goal.
    Outcome, "unknown_outcome", {
        Met => "met",
        PartlyMet => "partly_met",
        NotMet => "not_met",
    }
);

/// How an intervention ends; each records its outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InterventionEvent {
    Complete(Outcome),
    Discontinue(Outcome),
}

impl InterventionEvent {
    /// `complete` or `discontinue`.
    pub fn key(self) -> &'static str {
        match self {
            InterventionEvent::Complete(_) => "complete",
            InterventionEvent::Discontinue(_) => "discontinue",
        }
    }

    pub fn outcome(self) -> Outcome {
        match self {
            InterventionEvent::Complete(o) | InterventionEvent::Discontinue(o) => o,
        }
    }
}

/// The longest note on an intervention's outcome.
pub const OUTCOME_NOTE_MAX_CHARS: usize = 1_000;

/// How an intervention ends, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ending {
    pub event: InterventionEvent,
    /// May be empty.
    pub note: String,
}

impl Ending {
    /// Fields `end` (`complete` or `discontinue`: `required`,
    /// `unknown_choice`), `outcome` (`required`, `unknown_choice`), `note`
    /// (up to 1,000: `too_long`). The input's code is `invalid_ending`.
    pub fn parse(end: &str, outcome: &str, note: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let end = f.check(input::choice("end", end, &[("complete", true), ("discontinue", false)]));
        let outcome = f.check(input::choice("outcome", outcome, &Outcome::choices()));
        let note = f.check(input::text("note", note, 0..=OUTCOME_NOTE_MAX_CHARS));
        f.finish("invalid_ending", || {
            let outcome = outcome.expect("checked");
            Ending {
                event: if end.expect("checked") {
                    InterventionEvent::Complete(outcome)
                } else {
                    InterventionEvent::Discontinue(outcome)
                },
                note: note.expect("checked"),
            }
        })
    }
}

keyed_enum!(
    /// What an intervention may answer.
    LinkKind, "unknown_link_kind", {
        /// An early-warning flag.
        Flag => "flag",
        Need => "need",
        Goal => "goal",
    }
);

/// A link from an intervention to what it answers, as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub kind: LinkKind,
    pub target: uuid::Uuid,
}

impl Link {
    /// Fields `kind` (`required`, `unknown_choice`) and `target`
    /// (`required`, `invalid_id`). The input's code is `invalid_link`. That
    /// the target is the student's is the use case's question.
    pub fn parse(kind: &str, target: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let kind = f.check(input::choice("kind", kind, &LinkKind::choices()));
        let target = f.check(match target.trim() {
            "" => Err(FieldError::new("target", "required")),
            t => t
                .parse::<uuid::Uuid>()
                .map_err(|_| FieldError::new("target", "invalid_id")),
        });
        f.finish("invalid_link", || Link {
            kind: kind.expect("checked"),
            target: target.expect("checked"),
        })
    }
}

/// The code of a refused intervention move.
pub const ILLEGAL_INTERVENTION_MOVE: &str = "illegal_intervention_move";

impl InterventionStatus {
    /// Active → completed or discontinued (with the event's outcome); both
    /// are final. Anything else is `illegal_intervention_move`.
    pub fn transition(self, event: InterventionEvent) -> Result<InterventionStatus, IllegalMove> {
        match (self, event) {
            (InterventionStatus::Active, InterventionEvent::Complete(_)) => Ok(InterventionStatus::Completed),
            (InterventionStatus::Active, InterventionEvent::Discontinue(_)) => Ok(InterventionStatus::Discontinued),
            _ => Err(IllegalMove {
                code: ILLEGAL_INTERVENTION_MOVE,
                from: self.key(),
                event: event.key(),
            }),
        }
    }
}

/// A progress chart as plain numbers: x is days since the start, y the
/// measured value. The goal line runs straight from the baseline at the
/// start to the goal at the planned end.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressChart {
    /// Days from the start to the planned end.
    pub planned_days: i64,
    /// `[(0, baseline), (planned_days, goal)]`.
    pub goal_line: [(i64, f64); 2],
    /// Each point, in date order.
    pub points: Vec<(i64, f64)>,
    /// The x axis: 0 to the planned end or the last point, if later.
    pub x_max: i64,
    /// The y axis: covers the baseline, the goal and every point.
    pub y_min: f64,
    pub y_max: f64,
}

impl ProgressChart {
    /// The goal line's value on day `x` (past the planned end: the goal).
    pub fn expected_at(&self, x: i64) -> f64 {
        let [(_, from), (end, to)] = self.goal_line;
        if end <= 0 {
            return to;
        }
        from + (to - from) * (x.clamp(0, end) as f64 / end as f64)
    }
}

/// The chart of an intervention's points against its goal line.
pub fn progress_chart(
    start: Date,
    planned_weeks: u32,
    baseline: f64,
    goal: f64,
    points: &[ProgressPoint],
) -> ProgressChart {
    let planned_days = (planned_end(start, planned_weeks) - start).whole_days();
    let mut xy: Vec<(i64, f64)> = points.iter().map(|p| ((p.on - start).whole_days(), p.value)).collect();
    xy.sort_by_key(|(x, _)| *x);
    let values = || [baseline, goal].into_iter().chain(xy.iter().map(|(_, y)| *y));
    ProgressChart {
        planned_days,
        goal_line: [(0, baseline), (planned_days, goal)],
        x_max: xy.last().map_or(planned_days, |(x, _)| (*x).max(planned_days)),
        y_min: values().fold(f64::INFINITY, f64::min),
        y_max: values().fold(f64::NEG_INFINITY, f64::max),
        points: xy,
    }
}

#[cfg(test)]
#[path = "intervention_tests.rs"]
mod tests;
