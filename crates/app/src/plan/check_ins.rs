//! Check-ins on a goal: what a check-in is judged against, and adding one.

use ssp_db::repo::plan::{self, GoalRow, NewCheckIn};
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::input::Rejected;
use ssp_domain::plan::check_in::{CheckInGoal, CheckInInput, MAX_CHECK_IN_TEXT};
use ssp_domain::plan::{GoalStatus, MeasureKind};
use uuid::Uuid;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::{App, Parsed};

/// The goal as a check-in on it is judged (see [`CheckInInput::parse`]).
pub fn goal_facts(goal: &GoalRow) -> CheckInGoal {
    CheckInGoal {
        active: goal.status == GoalStatus::Active.as_str(),
        // Progress is measured from the day the goal started.
        started: goal.activated_on.unwrap_or(goal.created_at.date()),
        measure: MeasureKind::parse(&goal.measure_kind).unwrap_or(MeasureKind::Count),
    }
}

/// Why a check-in was refused, as one message says it: a stable code
/// (translation key `checkin-error-<code>`, API error `check_in_<code>`)
/// and, for a bad value, date or length, the allowed range, start or limit.
#[derive(Debug, Clone)]
pub struct CheckInProblem {
    pub code: &'static str,
    pub detail: String,
}

impl CheckInProblem {
    /// The first rule a refused check-in on `goal` broke.
    pub fn of(r: &Rejected, goal: &GoalRow) -> Self {
        let facts = goal_facts(goal);
        let code = r.first().map_or("value", |f| f.code);
        let detail = match code {
            "before_start" => facts.started.to_string(),
            "value" => facts.measure.allowed().to_owned(),
            "long" => MAX_CHECK_IN_TEXT.to_string(),
            _ => String::new(),
        };
        CheckInProblem { code, detail }
    }
}

/// Adds a check-in to the goal (access to create is asked first).
/// `evidence`: pieces of the student's own portfolio attached to it — the
/// student only (`portfolio_by_student_only`); an id that is not one of
/// their artifacts refuses the whole check-in (`invalid_reference`).
pub async fn add_check_in(
    app: &App,
    access: &StudentAccess,
    goal: &GoalRow,
    input: Parsed<CheckInInput>,
    evidence: &[Uuid],
) -> Result<Uuid, Error> {
    access.require(app, RecordKind::Plan, Action::Create).await?;
    let entry = input?;
    if !evidence.is_empty() && !access.is_self() {
        return Err(Error::Forbidden("portfolio_by_student_only"));
    }
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let row = NewCheckIn {
        district: access.facts.district_id,
        student: access.student(),
        goal: goal.id,
        on_date: entry.on_date,
        value: entry.value,
        note: &entry.note,
        reflection: &entry.reflection,
        author: access.actor,
    };
    let check_in = plan::insert_check_in(w.tx(), &row, now).await?;
    for artifact in evidence {
        if !ssp_db::repo::portfolio::settings::attach_to_check_in(w.tx(), access.student(), check_in, *artifact).await?
        {
            return Err(Error::InvalidReference);
        }
    }
    let mut ev = w.event(AuditAction::CheckInCreated, RecordKind::Plan);
    ev.record_id = Some(check_in.to_string());
    if !evidence.is_empty() {
        ev.detail = Some(format!("evidence={}", evidence.len()));
    }
    w.commit_with(ev).await?;
    Ok(check_in)
}
