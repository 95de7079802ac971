//! The profile: the student writes it in their own words; team members add
//! observations of a strength, interest or need (signed with their name).

use ssp_db::repo::profile::{self, ObservationRow, ProfileRow};
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::plan::profile::{NewObservation, ProfileInput};
use uuid::Uuid;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::{App, Parsed};

/// The student rewrites their profile.
pub async fn update(app: &App, access: &StudentAccess, input: Parsed<ProfileInput>) -> Result<(), Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    if !access.is_self() {
        return Err(Error::Forbidden("profile_by_student_only"));
    }
    let input = input?;
    let row = ProfileRow {
        strengths: input.strengths,
        interests: input.interests,
        needs: input.needs,
        activities: input.activities,
    };
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    profile::put(w.tx(), access.facts.district_id, access.student(), &row, now).await?;
    let ev = w.event(AuditAction::ProfileUpdated, RecordKind::Plan);
    w.commit_with(ev).await
}

/// A team member (not the student) adds an observation.
pub async fn observe(app: &App, access: &StudentAccess, input: Parsed<NewObservation>) -> Result<Uuid, Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    if access.is_self() {
        return Err(Error::Forbidden("observation_by_staff_only"));
    }
    let input = input?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let id = profile::add_observation(
        w.tx(),
        access.facts.district_id,
        access.student(),
        access.actor,
        input.kind.as_str(),
        &input.body,
        now,
    )
    .await?;
    w.commit(AuditAction::ObservationAdded, RecordKind::Plan, id).await?;
    Ok(id)
}

/// The profile (empty answers when none is written) and the team's
/// observations (a read, audited).
pub async fn show(app: &App, access: &StudentAccess) -> Result<(ProfileRow, Vec<ObservationRow>), Error> {
    access.require(app, RecordKind::Plan, Action::View).await?;
    let p = profile::get(app.db(), access.student()).await?.unwrap_or_default();
    let o = profile::observations(app.db(), access.student()).await?;
    Ok((p, o))
}
