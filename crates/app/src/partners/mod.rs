//! Community partners (issue 18): the resource directory and its CSV
//! import (`directory.rs`) and its entries one at a time (`maintain.rs`),
//! the matcher's proposals for a student
//! (`matching.rs`), family consent (`consent.rs`), referrals and
//! enrolments with their state machine (`referrals.rs`), what partner
//! users see and do under consent, with the record of disclosures
//! (`partner_users.rs`), and the loop metrics (`metrics.rs`).

pub mod consent;
pub mod directory;
pub mod maintain;
pub mod matching;
pub mod metrics;
pub mod partner_users;
pub mod referrals;

use ssp_db::repo::people;
use ssp_domain::StaffRole;

use crate::error::Error;
use crate::{Actor, App};

/// Whether the actor maintains the district's directory: a district
/// administrator or a community school coordinator.
pub async fn maintains_directory(app: &App, actor: &Actor) -> Result<bool, Error> {
    let facts = people::actor_facts(app.db(), actor.person).await?;
    Ok(facts.staff.iter().any(|s| {
        matches!(
            StaffRole::parse(&s.role),
            Ok(StaffRole::DistrictAdmin | StaffRole::CommunitySchoolCoordinator)
        )
    }))
}

/// Whether the actor is staff of the district (any staff role).
pub async fn is_staff(app: &App, actor: &Actor) -> Result<bool, Error> {
    Ok(!people::actor_facts(app.db(), actor.person).await?.staff.is_empty())
}

/// Refuses anyone who does not maintain the directory: `Forbidden` for
/// other staff, not found for everyone else.
pub async fn require_maintainer(app: &App, actor: &Actor) -> Result<(), Error> {
    if maintains_directory(app, actor).await? {
        Ok(())
    } else if is_staff(app, actor).await? {
        Err(Error::Forbidden("may_not_maintain_directory"))
    } else {
        Err(Error::NotFound)
    }
}

/// An audit event by the actor, not about one student.
pub(crate) fn event(
    app: &App,
    actor: &Actor,
    action: ssp_domain::audit::AuditAction,
) -> ssp_db::repo::audit::AuditEvent {
    let mut ev = ssp_db::repo::audit::AuditEvent::new(action, app.now());
    ev.actor = Some(actor.person);
    ev.district_id = Some(actor.district);
    ev.request_id = Some(actor.request_id.clone());
    ev
}
