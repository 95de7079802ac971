//! Goals: their status machine, how progress is measured, how often they are
//! checked in on, and the rules a new or edited goal must meet.

use time::macros::format_description;
use time::{Date, Duration, Month};

use super::PlanDomain;
use crate::ParseError;

/// Where a goal stands. Moves between statuses go through
/// [`GoalStatus::transition`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GoalStatus {
    Draft,
    Active,
    Met,
    NotMet,
    Revised,
    Discontinued,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 6] = [
        GoalStatus::Draft,
        GoalStatus::Active,
        GoalStatus::Met,
        GoalStatus::NotMet,
        GoalStatus::Revised,
        GoalStatus::Discontinued,
    ];

    /// The stored and translated key.
    pub fn as_str(self) -> &'static str {
        match self {
            GoalStatus::Draft => "draft",
            GoalStatus::Active => "active",
            GoalStatus::Met => "met",
            GoalStatus::NotMet => "not_met",
            GoalStatus::Revised => "revised",
            GoalStatus::Discontinued => "discontinued",
        }
    }

    pub fn parse(s: &str) -> Result<Self, ParseError> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| ParseError::new("invalid_goal_status", format!("unknown goal status {s:?}")))
    }

    /// Met and discontinued goals stay that way; a new goal is written instead.
    pub fn is_final(self) -> bool {
        matches!(self, GoalStatus::Met | GoalStatus::Discontinued)
    }

    /// The status after moving to `to`, or `illegal_goal_transition`.
    ///
    /// | from         | legal moves to                        |
    /// |--------------|---------------------------------------|
    /// | draft        | active, discontinued                  |
    /// | active       | met, not_met, revised, discontinued   |
    /// | revised      | active, discontinued                  |
    /// | not_met      | revised (to try again)                |
    /// | met          | — (final)                             |
    /// | discontinued | — (final)                             |
    ///
    /// Staying in the same status is not a move.
    pub fn transition(self, to: GoalStatus) -> Result<GoalStatus, ParseError> {
        use GoalStatus::*;
        let legal = matches!(
            (self, to),
            (Draft, Active | Discontinued)
                | (Active, Met | NotMet | Revised | Discontinued)
                | (Revised, Active | Discontinued)
                | (NotMet, Revised)
        );
        if legal {
            Ok(to)
        } else {
            Err(ParseError::new(
                "illegal_goal_transition",
                format!("a goal cannot go from {} to {}", self.as_str(), to.as_str()),
            ))
        }
    }
}

/// How progress on a goal is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MeasureKind {
    /// 0–100, decimals allowed.
    Percent,
    /// A whole number from 0 to 1,000,000.
    Count,
    /// A whole number from 1 to 5.
    Scale,
    /// Yes (1.0) or no (0.0).
    YesNo,
}

impl MeasureKind {
    pub const ALL: [MeasureKind; 4] = [
        MeasureKind::Percent,
        MeasureKind::Count,
        MeasureKind::Scale,
        MeasureKind::YesNo,
    ];

    /// The largest count a goal can measure.
    pub const MAX_COUNT: i64 = 1_000_000;

    /// The stored and translated key.
    pub fn as_str(self) -> &'static str {
        match self {
            MeasureKind::Percent => "percent",
            MeasureKind::Count => "count",
            MeasureKind::Scale => "scale",
            MeasureKind::YesNo => "yes_no",
        }
    }

    pub fn parse(s: &str) -> Result<Self, ParseError> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| ParseError::new("invalid_measure_kind", format!("unknown measure kind {s:?}")))
    }

    /// The smallest and largest value a goal of this kind can hold (`None`
    /// for yes/no). Pages render the range from these, in the reader's
    /// language.
    pub fn bounds(self) -> Option<(i64, i64)> {
        match self {
            MeasureKind::Percent => Some((0, 100)),
            MeasureKind::Count => Some((0, Self::MAX_COUNT)),
            MeasureKind::Scale => Some((1, 5)),
            MeasureKind::YesNo => None,
        }
    }

    /// The values the measure takes, in English (the detail of a refused
    /// value).
    pub fn allowed(self) -> &'static str {
        match self {
            MeasureKind::Percent => "a number from 0 to 100",
            MeasureKind::Count => "a whole number from 0 to 1,000,000",
            MeasureKind::Scale => "a whole number from 1 to 5",
            MeasureKind::YesNo => "yes or no",
        }
    }

    /// A baseline, target or check-in value as typed, as a number; fails with
    /// `invalid_measure_value` and the allowed range in the detail (English,
    /// for logs and API clients; pages use [`MeasureKind::bounds`]). Yes/no
    /// answers are taken in English and Spanish.
    pub fn parse_value(self, raw: &str) -> Result<f64, ParseError> {
        let s = raw.trim();
        let invalid = |allowed: &str| ParseError::new("invalid_measure_value", allowed.to_string());
        let (min, max) = self.bounds().unwrap_or((0, 1));
        match self {
            MeasureKind::Percent => {
                let allowed = self.allowed();
                let number = s.strip_suffix('%').unwrap_or(s).trim();
                match number.parse::<f64>() {
                    Ok(v) if v.is_finite() && (min as f64..=max as f64).contains(&v) => Ok(v),
                    _ => Err(invalid(allowed)),
                }
            }
            MeasureKind::Count => {
                let allowed = self.allowed();
                match s.parse::<i64>() {
                    Ok(v) if (min..=max).contains(&v) => Ok(v as f64),
                    _ => Err(invalid(allowed)),
                }
            }
            MeasureKind::Scale => {
                let allowed = self.allowed();
                match s.parse::<i64>() {
                    Ok(v) if (min..=max).contains(&v) => Ok(v as f64),
                    _ => Err(invalid(allowed)),
                }
            }
            MeasureKind::YesNo => match s.to_lowercase().as_str() {
                "yes" | "true" | "1" | "sí" | "si" => Ok(1.0),
                "no" | "false" | "0" => Ok(0.0),
                _ => Err(invalid(self.allowed())),
            },
        }
    }
}

/// How often a goal is checked in on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CheckInCadence {
    Weekly,
    EveryTwoWeeks,
    Monthly,
}

impl CheckInCadence {
    pub const ALL: [CheckInCadence; 3] = [
        CheckInCadence::Weekly,
        CheckInCadence::EveryTwoWeeks,
        CheckInCadence::Monthly,
    ];

    /// The stored and translated key.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckInCadence::Weekly => "weekly",
            CheckInCadence::EveryTwoWeeks => "every_two_weeks",
            CheckInCadence::Monthly => "monthly",
        }
    }

    pub fn parse(s: &str) -> Result<Self, ParseError> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| ParseError::new("invalid_check_in_cadence", format!("unknown cadence {s:?}")))
    }

    /// Days between expected check-ins.
    pub fn days(self) -> i64 {
        match self {
            CheckInCadence::Weekly => 7,
            CheckInCadence::EveryTwoWeeks => 14,
            CheckInCadence::Monthly => 30,
        }
    }
}

/// A goal as typed into the form: every field a raw string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoalInput {
    pub domain: String,
    pub statement: String,
    pub why_it_matters: String,
    pub measure_kind: String,
    pub baseline: String,
    pub target: String,
    /// `YYYY-MM-DD`.
    pub due_date: String,
    pub cadence: String,
}

/// A goal that passed [`validate_goal`]: text trimmed, values parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidGoal {
    pub domain: PlanDomain,
    pub statement: String,
    /// May be empty.
    pub why_it_matters: String,
    pub measure_kind: MeasureKind,
    pub baseline: f64,
    pub target: f64,
    pub due_date: Date,
    pub cadence: CheckInCadence,
}

pub use crate::input::FieldError;

impl GoalInput {
    /// The goal as [`validate_goal`] judges it, every problem in one
    /// rejection whose code is `invalid_goal`.
    pub fn parse(&self, today: Date) -> Result<ValidGoal, crate::input::Rejected> {
        validate_goal(self, today).map_err(|fields| crate::input::Rejected::new("invalid_goal", fields))
    }
}

/// Statement length in characters, after trimming.
pub const STATEMENT_CHARS: std::ops::RangeInclusive<usize> = 5..=300;
/// The longest "why it matters", in characters.
pub const WHY_MAX_CHARS: usize = 1000;
/// How far ahead a due date may be, in years.
pub const MAX_YEARS_AHEAD: i32 = 6;

/// Checks a goal as typed; on failure returns every problem, one per field,
/// in form order, so the form can show them all at once.
pub fn validate_goal(input: &GoalInput, today: Date) -> Result<ValidGoal, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut fail = |field, code| errors.push(FieldError::new(field, code));

    let domain = choice(&input.domain, PlanDomain::parse)
        .map_err(|code| fail("domain", code))
        .ok();

    let statement = input.statement.trim();
    match statement.chars().count() {
        0 => fail("statement", "required"),
        n if n < *STATEMENT_CHARS.start() => fail("statement", "too_short"),
        n if n > *STATEMENT_CHARS.end() => fail("statement", "too_long"),
        _ => {}
    }

    let why = input.why_it_matters.trim();
    if why.chars().count() > WHY_MAX_CHARS {
        fail("why_it_matters", "too_long");
    }

    let measure_kind = choice(&input.measure_kind, MeasureKind::parse)
        .map_err(|code| fail("measure_kind", code))
        .ok();
    // Values can only be judged once the measure kind is known.
    let (mut baseline, mut target) = (None, None);
    if let Some(kind) = measure_kind {
        baseline = measure_value(kind, &input.baseline)
            .map_err(|c| fail("baseline", c))
            .ok();
        target = measure_value(kind, &input.target).map_err(|c| fail("target", c)).ok();
        if let (Some(b), Some(t)) = (baseline, target) {
            if b == t {
                fail("target", "target_equals_baseline");
            }
        }
    }

    let due_date = match input.due_date.trim() {
        "" => {
            fail("due_date", "required");
            None
        }
        raw => match parse_iso_date(raw) {
            Err(_) => {
                fail("due_date", "invalid_date");
                None
            }
            Ok(d) if d < today => {
                fail("due_date", "date_in_past");
                None
            }
            Ok(d) if d > years_after(today, MAX_YEARS_AHEAD) => {
                fail("due_date", "date_too_far");
                None
            }
            Ok(d) => Some(d),
        },
    };

    let cadence = choice(&input.cadence, CheckInCadence::parse)
        .map_err(|code| fail("cadence", code))
        .ok();

    match (domain, measure_kind, baseline, target, due_date, cadence) {
        (Some(domain), Some(measure_kind), Some(baseline), Some(target), Some(due_date), Some(cadence))
            if errors.is_empty() =>
        {
            Ok(ValidGoal {
                domain,
                statement: statement.to_string(),
                why_it_matters: why.to_string(),
                measure_kind,
                baseline,
                target,
                due_date,
                cadence,
            })
        }
        _ => Err(errors),
    }
}

/// A required choice: `required` when blank, `invalid_choice` when unknown.
fn choice<T>(raw: &str, parse: fn(&str) -> Result<T, ParseError>) -> Result<T, &'static str> {
    if raw.trim().is_empty() {
        return Err("required");
    }
    parse(raw).map_err(|_| "invalid_choice")
}

fn measure_value(kind: MeasureKind, raw: &str) -> Result<f64, &'static str> {
    if raw.trim().is_empty() {
        return Err("required");
    }
    kind.parse_value(raw).map_err(|e| e.code)
}

/// Parses a `YYYY-MM-DD` date, as an HTML date input sends it.
pub fn parse_iso_date(raw: &str) -> Result<Date, ParseError> {
    Date::parse(raw.trim(), format_description!("[year]-[month]-[day]"))
        .map_err(|_| ParseError::new("invalid_date", format!("not a YYYY-MM-DD date: {raw:?}")))
}

/// The same day `years` later; February 29 becomes February 28 in a common
/// year. Saturates at the last representable date.
fn years_after(date: Date, years: i32) -> Date {
    date.replace_year(date.year() + years)
        .or_else(|_| Date::from_calendar_date(date.year() + years, Month::February, 28))
        .unwrap_or(Date::MAX)
}

/// How far a goal has come from its baseline to its target, from 0.0 to 1.0.
/// Works in either direction (raising a grade or reducing absences); no
/// check-in yet is 0.0, and overshooting the target is 1.0.
pub fn progress(baseline: f64, target: f64, latest: Option<f64>) -> f64 {
    let Some(latest) = latest else {
        return 0.0;
    };
    let span = target - baseline;
    if span == 0.0 {
        // A valid goal never has target == baseline; any value meets it.
        return if latest.is_nan() { 0.0 } else { 1.0 };
    }
    let fraction = (latest - baseline) / span;
    if fraction.is_nan() {
        return 0.0;
    }
    fraction.clamp(0.0, 1.0)
}

/// Days since a goal was last checked in on, counting from its activation
/// when it has none; `None` when neither date is known.
pub fn days_since_check_in(activated_on: Option<Date>, last_check_in: Option<Date>, today: Date) -> Option<i64> {
    last_check_in.or(activated_on).map(|since| (today - since).whole_days())
}

/// The date a goal's next check-in is expected.
pub fn next_check_in_due(cadence: CheckInCadence, activated_on: Date, last_check_in: Option<Date>) -> Date {
    let since = last_check_in.unwrap_or(activated_on);
    since.checked_add(Duration::days(cadence.days())).unwrap_or(Date::MAX)
}

#[cfg(test)]
#[path = "goal_tests.rs"]
mod tests;
