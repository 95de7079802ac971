//! Notes about a student, and break-glass: opening a restricted class with
//! a reason, audited, the plan manager told.

use ssp_db::repo::notes;
use ssp_db::repo::notices::{self, NewNotice};
use ssp_db::repo::team;
use ssp_domain::access::{after_break_glass, Action, Decision, RecordKind, Sensitivity};
use ssp_domain::audit::AuditAction;
use ssp_domain::records::{BreakGlass, NewNote};
use ssp_domain::PersonId;
use uuid::Uuid;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::{App, Parsed};

/// A new note in a class the actor may write. The access check is made for
/// the class asked (the default class when the input was refused), before
/// the input is answered.
pub async fn create(app: &App, access: &StudentAccess, input: Parsed<NewNote>) -> Result<Uuid, Error> {
    let class = input.as_ref().map_or(Sensitivity::DEFAULT_FOR_NEW, |n| n.sensitivity);
    access.require(app, RecordKind::Note(class), Action::Create).await?;
    let input = input?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let note = notes::add(
        w.tx(),
        access.facts.district_id,
        access.student(),
        access.actor,
        input.sensitivity,
        &input.body,
        now,
    )
    .await?;
    w.commit(AuditAction::NoteCreated, RecordKind::Note(input.sensitivity), note)
        .await?;
    Ok(note)
}

/// The classes of notes the actor may read without a reason.
pub fn readable(access: &StudentAccess) -> Vec<Sensitivity> {
    Sensitivity::ALL
        .into_iter()
        .filter(|s| access.decide(RecordKind::Note(*s), Action::View).is_allowed())
        .collect()
}

/// The classes the actor may open only with a reason (break-glass).
pub fn behind_glass(access: &StudentAccess) -> Vec<Sensitivity> {
    Sensitivity::ALL
        .into_iter()
        .filter(|s| access.decide(RecordKind::Note(*s), Action::View) == Decision::BreakGlass)
        .collect()
}

/// Someone who may read no class, not even with a reason, gets the
/// audited not-found of an unknown student.
pub async fn require_some_class(app: &App, access: &StudentAccess) -> Result<(), Error> {
    if readable(access).is_empty() && behind_glass(access).is_empty() {
        access
            .require(app, RecordKind::Note(Sensitivity::Shared), Action::View)
            .await?;
    }
    Ok(())
}

/// Opens a class with a reason: the reason is audited and the plan manager
/// (when it is someone else) gets a notice. A class that is no
/// break-glass case for the actor (nor already readable) is the audited
/// not-found. Returns the class opened.
pub async fn break_glass(app: &App, access: &StudentAccess, input: Parsed<BreakGlass>) -> Result<Sensitivity, Error> {
    require_some_class(app, access).await?;
    let input = input?;
    let kind = RecordKind::Note(input.sensitivity);
    if after_break_glass(access.decide(kind, Action::View), true) == Decision::Deny {
        access.require(app, kind, Action::View).await?;
        return Err(Error::NotFound);
    }
    let plan_manager = team::current_plan_manager(app.db(), access.student()).await?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    if let Some(pm) = plan_manager.filter(|pm| *pm != access.actor.0) {
        notices::add(
            w.tx(),
            &NewNotice {
                district: access.facts.district_id,
                recipient: PersonId(pm),
                kind: "break_glass",
                student: Some(access.student()),
                actor: Some(access.actor),
                detail: Some(&input.reason),
                now,
            },
        )
        .await?;
    }
    let mut ev = w.event(AuditAction::BreakGlass, kind);
    ev.detail = Some(format!("reason={}", input.reason_line()));
    w.commit_with(ev).await?;
    tracing::warn!(
        class = input.sensitivity.as_str(),
        "break-glass access to a restricted record"
    );
    Ok(input.sensitivity)
}
