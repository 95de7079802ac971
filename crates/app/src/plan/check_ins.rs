//! Check-ins on a goal: checking one as typed against its goal, and
//! adding it.

use ssp_db::repo::plan::{self, GoalRow, NewCheckIn};
use ssp_domain::access::RecordKind;
use ssp_domain::audit::AuditAction;
use ssp_domain::plan::goal::parse_iso_date;
use ssp_domain::plan::MeasureKind;
use time::Date;
use uuid::Uuid;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::App;

pub const MAX_CHECK_IN_TEXT: usize = 2000;

/// Why a check-in was refused: a stable code (translation key
/// `checkin-error-<code>`) and, for a bad value, the allowed range.
#[derive(Debug, Clone)]
pub struct CheckInProblem {
    pub code: &'static str,
    pub detail: String,
}

/// Checks a check-in as typed against its goal.
pub fn validate_check_in(
    goal: &GoalRow,
    on_date: &str,
    value: &str,
    note: &str,
    reflection: &str,
    today: Date,
) -> Result<(Date, f64), CheckInProblem> {
    let problem = |code: &'static str, detail: String| CheckInProblem { code, detail };
    if goal.status != "active" {
        return Err(problem("not_active", String::new()));
    }
    let on_date = if on_date.trim().is_empty() {
        today
    } else {
        parse_iso_date(on_date).map_err(|_| problem("date", String::new()))?
    };
    if on_date > today {
        return Err(problem("future", String::new()));
    }
    // Progress is measured from the day the goal started.
    let started = goal.activated_on.unwrap_or(goal.created_at.date());
    if on_date < started {
        return Err(problem("before_start", started.to_string()));
    }
    let measure = MeasureKind::parse(&goal.measure_kind).unwrap_or(MeasureKind::Count);
    let value = measure.parse_value(value).map_err(|e| problem("value", e.detail))?;
    if note.chars().count() > MAX_CHECK_IN_TEXT || reflection.chars().count() > MAX_CHECK_IN_TEXT {
        return Err(problem("long", MAX_CHECK_IN_TEXT.to_string()));
    }
    Ok((on_date, value))
}

/// A check-in that passed [`validate_check_in`].
pub struct CheckInEntry<'a> {
    pub on_date: Date,
    pub value: f64,
    pub note: &'a str,
    pub reflection: &'a str,
}

pub async fn add_check_in(
    app: &App,
    access: &StudentAccess,
    goal: &GoalRow,
    entry: &CheckInEntry<'_>,
) -> Result<Uuid, Error> {
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let row = NewCheckIn {
        district: access.facts.district_id,
        student: access.student(),
        goal: goal.id,
        on_date: entry.on_date,
        value: entry.value,
        note: entry.note.trim(),
        reflection: entry.reflection.trim(),
        author: access.actor,
    };
    let check_in = plan::insert_check_in(w.tx(), &row, now).await?;
    w.commit(AuditAction::CheckInCreated, RecordKind::Plan, check_in).await?;
    Ok(check_in)
}
