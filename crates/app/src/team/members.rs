//! Changes to a student's team. Each needs the access module's leave to
//! change the team (`Team` `Create` to add, `Edit` for the rest), asked
//! before the input is looked at.

use ssp_db::repo::team;
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::input::Rejected;
use ssp_domain::team::{GuardianRights, NewMember, NewPlanManager};
use uuid::Uuid;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::{App, Parsed};

/// A record's id from a path: anything but a UUID is not found.
fn record_id(raw: &str) -> Result<Uuid, Error> {
    raw.trim().parse().map_err(|_| Error::NotFound)
}

/// Adds a staff member who holds the role at the student's school
/// (`staff_id` `not_at_school` otherwise; already on the team in that role:
/// conflict `already_exists`). Returns the membership's id.
pub async fn add(app: &App, access: &StudentAccess, input: Parsed<NewMember>) -> Result<Uuid, Error> {
    access.require(app, RecordKind::Team, Action::Create).await?;
    let input = input?;
    if !team::holds_role_at(app.db(), input.staff, access.facts.school_id, input.role.as_str()).await? {
        return Err(Rejected::one("invalid_team_member", "staff_id", "not_at_school").into());
    }
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let member = team::add_member(
        w.tx(),
        access.facts.district_id,
        access.student(),
        input.staff,
        input.role,
        access.actor,
        now,
    )
    .await?;
    let mut ev = w.event(AuditAction::TeamMemberAdded, RecordKind::Team);
    ev.record_id = Some(member.to_string());
    ev.detail = Some(format!("team_role={}", input.role.as_str()));
    w.commit_with(ev).await?;
    Ok(member)
}

/// Ends a membership of this student's team (another student's, or an
/// unknown one, is not found).
pub async fn remove(app: &App, access: &StudentAccess, member: &str) -> Result<(), Error> {
    access.require(app, RecordKind::Team, Action::Edit).await?;
    let member = record_id(member)?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let (_, role) = team::end_member(w.tx(), access.student(), member, now)
        .await?
        .ok_or(Error::NotFound)?;
    let mut ev = w.event(AuditAction::TeamMemberRemoved, RecordKind::Team);
    ev.record_id = Some(member.to_string());
    ev.detail = Some(format!("team_role={role}"));
    w.commit_with(ev).await
}

/// Makes one of the school's staff the plan manager; the previous term
/// ends and stays in the history (`staff_id` `not_at_school` otherwise).
pub async fn reassign(app: &App, access: &StudentAccess, input: Parsed<NewPlanManager>) -> Result<(), Error> {
    access.require(app, RecordKind::Team, Action::Edit).await?;
    let input = input?;
    let eligible = team::staff_of_school(app.db(), access.facts.school_id).await?;
    if !eligible.iter().any(|c| c.person_id == input.staff.0) {
        return Err(Rejected::one("invalid_plan_manager", "staff_id", "not_at_school").into());
    }
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let previous = team::assign_plan_manager(
        w.tx(),
        access.facts.district_id,
        access.student(),
        input.staff,
        access.actor,
        now,
    )
    .await?;
    let mut ev = w.event(AuditAction::PlanManagerAssigned, RecordKind::Team);
    ev.record_id = Some(input.staff.to_string());
    ev.detail = previous.map(|p| format!("previous={p}"));
    w.commit_with(ev).await
}

/// Grants or withdraws a guardian's educational rights over this student
/// (`link` is the guardian link's id; another student's is not found).
pub async fn set_rights(
    app: &App,
    access: &StudentAccess,
    link: &str,
    input: Parsed<GuardianRights>,
) -> Result<(), Error> {
    access.require(app, RecordKind::Team, Action::Edit).await?;
    let link = record_id(link)?;
    let rights = input?.educational_rights;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    if !team::set_educational_rights(w.tx(), access.student(), link, rights, now).await? {
        return Err(Error::NotFound);
    }
    let mut ev = w.event(AuditAction::GuardianRightsChanged, RecordKind::Team);
    ev.record_id = Some(link.to_string());
    ev.detail = Some(format!("educational_rights={rights}"));
    w.commit_with(ev).await
}
