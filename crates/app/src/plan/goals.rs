//! Goals: creating one (the student's own starts active; staff suggest).

use ssp_db::repo::plan::{self, NewGoal};
use ssp_db::repo::{audit, students};
use ssp_domain::access::RecordKind;
use ssp_domain::audit::AuditAction;
use ssp_domain::plan::{GoalStatus, ValidGoal};
use uuid::Uuid;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::{status, App};

/// Creates a goal: the student's own goal starts active; a staff member's
/// is a suggestion (a draft) until the student accepts it.
pub async fn create_goal(app: &App, access: &StudentAccess, goal: &ValidGoal) -> Result<Uuid, Error> {
    let now = app.now();
    let own = access.is_self();
    let status = if own { GoalStatus::Active } else { GoalStatus::Draft };
    let h = students::header(app.db(), access.student())
        .await?
        .ok_or(Error::NotFound)?;
    let mut tx = app.db().begin().await?;
    let goal_id = plan::insert_goal(
        &mut tx,
        &NewGoal {
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
            status: status.as_str(),
            suggested_by: (!own).then_some(access.actor),
            created_by: access.actor,
            activated_on: own.then_some(now.date()),
        },
        now,
    )
    .await?;
    let mut ev = access.event(app, AuditAction::GoalCreated, RecordKind::Plan);
    ev.record_id = Some(goal_id.to_string());
    audit::record(&mut tx, &ev).await?;
    status::recompute(&mut tx, access.facts.district_id, access.student(), h.grade_level, now).await?;
    tx.commit().await?;
    Ok(goal_id)
}
