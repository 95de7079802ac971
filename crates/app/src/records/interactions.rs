//! Interactions (meetings and contacts) with an optional follow-up task,
//! and marking a follow-up done.

use ssp_db::repo::interactions::{self, NewInteraction as Row};
use ssp_db::repo::team;
use ssp_domain::access::{Action, RecordKind, Sensitivity};
use ssp_domain::audit::AuditAction;
use ssp_domain::input::Rejected;
use ssp_domain::records::NewInteraction;
use uuid::Uuid;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::{App, Parsed};

/// Logs an interaction (staff only) in a class the actor may write, with
/// its follow-up when one was typed; the follow-up's owner must be on the
/// team (`follow_up_owner` `not_on_team`). Returns the interaction's id.
pub async fn create(app: &App, access: &StudentAccess, input: Parsed<NewInteraction>) -> Result<Uuid, Error> {
    let class = input.as_ref().map_or(Sensitivity::DEFAULT_FOR_NEW, |i| i.sensitivity);
    access.require(app, RecordKind::Note(class), Action::Create).await?;
    if access.is_self() {
        return Err(Error::Forbidden("interactions_by_staff_only"));
    }
    let input = input?;
    if let Some(owner) = input.follow_up.as_ref().and_then(|f| f.owner) {
        let members = team::members(app.db(), access.student()).await?;
        if !members.iter().any(|m| m.staff_id == owner.0) {
            return Err(Rejected::one("invalid_interaction", "follow_up_owner", "not_on_team").into());
        }
    }
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let id = interactions::add(
        w.tx(),
        &Row {
            district: access.facts.district_id,
            student: access.student(),
            kind: input.kind,
            occurred_on: input.occurred_on,
            participants: &input.participants,
            family_present: input.family_present,
            notes: &input.notes,
            sensitivity: input.sensitivity,
            author: access.actor,
        },
        now,
    )
    .await?;
    if let Some(f) = &input.follow_up {
        interactions::add_follow_up(
            w.tx(),
            access.facts.district_id,
            id,
            access.student(),
            &f.description,
            f.owner,
            f.due_on,
            now,
        )
        .await?;
    }
    w.commit(AuditAction::InteractionLogged, RecordKind::Note(input.sensitivity), id)
        .await?;
    Ok(id)
}

/// Marks one of the student's follow-ups done (staff who may edit staff
/// notes; an unknown follow-up is not found).
pub async fn follow_up_done(app: &App, access: &StudentAccess, follow_up: &str) -> Result<(), Error> {
    let kind = RecordKind::Note(Sensitivity::Staff);
    access.require(app, kind, Action::Edit).await?;
    let id: Uuid = follow_up.trim().parse().map_err(|_| Error::NotFound)?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    if !interactions::complete_follow_up(w.tx(), access.student(), id, now).await? {
        return Err(Error::NotFound);
    }
    w.commit(AuditAction::FollowUpDone, kind, id).await
}
