//! An eligible (18+) student shares the plan with their guardians, or stops.

use ssp_db::repo::students;
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::plan::sharing::SharingChoice;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::{App, Parsed};

pub async fn set(app: &App, access: &StudentAccess, input: Parsed<SharingChoice>) -> Result<(), Error> {
    access.require(app, RecordKind::SharingChoice, Action::Edit).await?;
    let SharingChoice { share } = input?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    students::set_sharing(w.tx(), access.student(), share, now).await?;
    let mut ev = w.event(AuditAction::SharingChanged, RecordKind::SharingChoice);
    ev.detail = Some(format!("shares_with_guardians={share}"));
    w.commit_with(ev).await
}

/// Whether the student is eligible to choose and whether the plan is
/// shared (a read of the sharing choice, audited).
pub async fn show(app: &App, access: &StudentAccess) -> Result<(bool, bool), Error> {
    access.require(app, RecordKind::SharingChoice, Action::View).await?;
    Ok((access.facts.facts.eligible, access.facts.facts.shares_with_guardians))
}
