//! Goals: creating one (the student's own starts active; staff suggest),
//! rewording it, moving its status, its action steps and its supports.

use ssp_db::repo::plan::{self, ActionStepRow, GoalRow, NewActionStep, NewGoal, SupportRow};
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::input::{FieldError, Rejected};
use ssp_domain::plan::steps::{NewStep, NewSupport, StatusChange};
use ssp_domain::plan::{GoalStatus, ValidGoal};
use uuid::Uuid;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::{App, Parsed};

/// One of the student's goals by its id as given; anything else (a
/// malformed id, another student's goal) is not found.
pub async fn load(app: &App, access: &StudentAccess, raw: &str) -> Result<GoalRow, Error> {
    let goal: Uuid = raw.parse().map_err(|_| Error::NotFound)?;
    plan::goal(app.db(), access.student(), goal)
        .await?
        .ok_or(Error::NotFound)
}

/// The goal's columns as the repositories take them.
fn new_goal<'a>(access: &StudentAccess, goal: &'a ValidGoal, status: &'a str) -> NewGoal<'a> {
    NewGoal {
        district: access.facts.district_id,
        student: access.student(),
        domain: goal.domain.as_str(),
        statement: &goal.statement,
        why_it_matters: &goal.why_it_matters,
        measure_kind: goal.measure_kind.as_str(),
        baseline: goal.baseline,
        target: goal.target,
        due_date: goal.due_date,
        cadence: goal.cadence.as_str(),
        status,
        suggested_by: None,
        created_by: access.actor,
        activated_on: None,
    }
}

/// Creates a goal: the student's own goal starts active; a staff member's
/// is a suggestion (a draft) until the student accepts it.
pub async fn create_goal(app: &App, access: &StudentAccess, input: Parsed<ValidGoal>) -> Result<Uuid, Error> {
    access.require(app, RecordKind::Plan, Action::Create).await?;
    let goal = input?;
    let own = access.is_self();
    let status = if own { GoalStatus::Active } else { GoalStatus::Draft };
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let row = NewGoal {
        suggested_by: (!own).then_some(access.actor),
        activated_on: own.then_some(now.date()),
        ..new_goal(access, &goal, status.as_str())
    };
    let goal_id = plan::insert_goal(w.tx(), &row, now).await?;
    w.commit(AuditAction::GoalCreated, RecordKind::Plan, goal_id).await?;
    Ok(goal_id)
}

/// Who may reword a goal: the student, or the staff member who suggested it
/// while it is still a suggestion. Finished goals are not reworded.
pub fn may_reword(access: &StudentAccess, g: &GoalRow) -> bool {
    let status = GoalStatus::parse(&g.status).unwrap_or(GoalStatus::Draft);
    !status.is_final() && (access.is_self() || (status == GoalStatus::Draft && g.suggested_by == Some(access.actor.0)))
}

/// Rewords a goal. Its measure kind (`measure_kind` as typed) cannot change
/// once it has check-ins: their values were taken on the old measure.
pub async fn update(
    app: &App,
    access: &StudentAccess,
    goal: &str,
    measure_kind: &str,
    input: Parsed<ValidGoal>,
) -> Result<(), Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    let g = load(app, access, goal).await?;
    if !may_reword(access, &g) {
        return Err(Error::Forbidden("goal_edit_not_allowed"));
    }
    let input = if g.check_ins > 0 && measure_kind.trim() != g.measure_kind {
        let mut fields = input.err().map(|r| r.fields).unwrap_or_default();
        fields.push(FieldError::new("measure_kind", "measure_locked"));
        Err(Rejected::new("invalid_goal", fields))
    } else {
        input
    };
    let valid = input?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let row = NewGoal {
        activated_on: g.activated_on,
        ..new_goal(access, &valid, &g.status)
    };
    plan::update_goal(w.tx(), g.id, &row, now).await?;
    w.commit(AuditAction::GoalEdited, RecordKind::Plan, g.id).await
}

/// Moves a goal to another status, if the status rule allows the move.
/// Accepting a suggested goal is the student's choice. A goal someone else
/// moved meanwhile is a conflict (`goal_changed_meanwhile`).
pub async fn set_status(
    app: &App,
    access: &StudentAccess,
    goal: &str,
    input: Parsed<StatusChange>,
) -> Result<(), Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    let g = load(app, access, goal).await?;
    let StatusChange { to } = input?;
    let from = GoalStatus::parse(&g.status).map_err(|e| Error::Internal(e.into()))?;
    let accepting = from == GoalStatus::Draft && to == GoalStatus::Active;
    if from.transition(to).is_err() || (accepting && !access.is_self()) {
        return Err(Rejected::one("invalid_status", "status", "illegal_transition").into());
    }
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let activated = (to == GoalStatus::Active).then_some(now.date());
    if !plan::set_goal_status(w.tx(), g.id, from.as_str(), to.as_str(), activated, now).await? {
        return Err(Error::Conflict("goal_changed_meanwhile"));
    }
    let mut ev = w.event(AuditAction::GoalStatusChanged, RecordKind::Plan);
    ev.record_id = Some(g.id.to_string());
    ev.detail = Some(format!("{}->{}", from.as_str(), to.as_str()));
    w.commit_with(ev).await
}

/// Adds an action step; its owner must be the student or on the team
/// (field `owner`, code `not_on_team`).
pub async fn add_step(app: &App, access: &StudentAccess, goal: &str, input: Parsed<NewStep>) -> Result<Uuid, Error> {
    access.require(app, RecordKind::Plan, Action::Create).await?;
    let g = load(app, access, goal).await?;
    let step = input?;
    if let Some(owner) = step.owner.filter(|o| o.0 != access.student().0) {
        let team = ssp_db::repo::team::members(app.db(), access.student()).await?;
        if !team.iter().any(|m| m.staff_id == owner.0) {
            return Err(Rejected::one("invalid_step", "owner", "not_on_team").into());
        }
    }
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let row = NewActionStep {
        district: access.facts.district_id,
        goal: g.id,
        student: access.student(),
        description: &step.description,
        owner: step.owner,
        due_on: step.due_on,
        created_by: access.actor,
    };
    let id = plan::add_action_step(w.tx(), &row, now).await?;
    w.commit(AuditAction::ActionStepAdded, RecordKind::Plan, id).await?;
    Ok(id)
}

/// Marks an action step done (an unknown or already done step is not found).
pub async fn complete_step(app: &App, access: &StudentAccess, goal: &str, step: &str) -> Result<(), Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    let g = load(app, access, goal).await?;
    let step: Uuid = step.parse().map_err(|_| Error::NotFound)?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    if !plan::complete_action_step(w.tx(), g.id, step, now).await? {
        return Err(Error::NotFound);
    }
    w.commit(AuditAction::ActionStepDone, RecordKind::Plan, step).await
}

/// Links a support to a goal (what helps, and who gives it).
pub async fn add_support(
    app: &App,
    access: &StudentAccess,
    goal: &str,
    input: Parsed<NewSupport>,
) -> Result<Uuid, Error> {
    access.require(app, RecordKind::Plan, Action::Create).await?;
    let g = load(app, access, goal).await?;
    let support = input?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let (district, student) = (access.facts.district_id, access.student());
    let (description, provider) = (&support.description, &support.provider);
    let id = plan::add_support(
        w.tx(),
        district,
        g.id,
        student,
        description,
        provider,
        access.actor,
        now,
    )
    .await?;
    w.commit(AuditAction::SupportLinked, RecordKind::Plan, id).await?;
    Ok(id)
}

/// A goal's action steps (a read, audited).
pub async fn steps(app: &App, access: &StudentAccess, goal: &str) -> Result<Vec<ActionStepRow>, Error> {
    access.require(app, RecordKind::Plan, Action::View).await?;
    let g = load(app, access, goal).await?;
    Ok(plan::action_steps(app.db(), g.id).await?)
}

/// A goal's supports (a read, audited).
pub async fn supports(app: &App, access: &StudentAccess, goal: &str) -> Result<Vec<SupportRow>, Error> {
    access.require(app, RecordKind::Plan, Action::View).await?;
    let g = load(app, access, goal).await?;
    Ok(plan::supports(app.db(), g.id).await?)
}
