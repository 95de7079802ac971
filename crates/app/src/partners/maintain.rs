//! One directory entry at a time, for the `/partners` pages: add, change
//! and remove a partner organisation or a resource. Maintainers only (as
//! the API and the CSV import); a name taken is a conflict rather than a
//! silent update of the other entry, and nothing that the student's record
//! refers to (referrals, consents, disclosures) is ever removed.

use ssp_db::repo::audit;
use ssp_db::repo::partners::{self as repo, PartnerRow, ResourceRow};
use ssp_domain::audit::AuditAction;
use ssp_domain::partners::directory::{NewPartner, NewResource};
use uuid::Uuid;

use super::directory::{write_resource, Target};
use super::{event, require_maintainer};
use crate::error::Error;
use crate::{Actor, App, Parsed};

fn parse_id(raw: &str) -> Result<Uuid, Error> {
    raw.trim().parse().map_err(|_| Error::NotFound)
}

/// A partner of the actor's district, for its edit page.
pub async fn partner(app: &App, actor: &Actor, id: &str) -> Result<PartnerRow, Error> {
    require_maintainer(app, actor).await?;
    repo::partner(app.db(), actor.district, parse_id(id)?)
        .await?
        .ok_or(Error::NotFound)
}

async fn audited(
    app: &App,
    actor: &Actor,
    tx: &mut ssp_db::Tx,
    action: AuditAction,
    kind: &'static str,
    id: Uuid,
) -> Result<(), Error> {
    let mut ev = event(app, actor, action);
    ev.record_kind = Some(kind);
    ev.record_id = Some(id.to_string());
    audit::record(tx, &ev).await?;
    Ok(())
}

/// Adds a partner organisation; a name the district already has is
/// `partner_name_taken`.
pub async fn add_partner(app: &App, actor: &Actor, input: Parsed<NewPartner>) -> Result<Uuid, Error> {
    require_maintainer(app, actor).await?;
    let p = input?;
    let id = Uuid::now_v7();
    let mut tx = app.db().begin().await?;
    repo::insert_partner(
        &mut tx,
        id,
        actor.district,
        (&p.name, &p.description, &p.contact),
        app.now(),
    )
    .await?;
    audited(app, actor, &mut tx, AuditAction::PartnerSaved, "partner", id).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a partner's name, description and contact.
pub async fn update_partner(app: &App, actor: &Actor, id: &str, input: Parsed<NewPartner>) -> Result<(), Error> {
    require_maintainer(app, actor).await?;
    let id = parse_id(id)?;
    let p = input?;
    let mut tx = app.db().begin().await?;
    if !repo::update_partner(
        &mut tx,
        actor.district,
        id,
        (&p.name, &p.description, &p.contact),
        app.now(),
    )
    .await?
    {
        return Err(Error::NotFound);
    }
    audited(app, actor, &mut tx, AuditAction::PartnerSaved, "partner", id).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a partner and its services. Refused while a referral, consent
/// or disclosure names it (`partner_has_records`: the student's record
/// keeps them) or while it has user accounts (`partner_has_users`: end
/// them first).
pub async fn remove_partner(app: &App, actor: &Actor, id: &str) -> Result<(), Error> {
    require_maintainer(app, actor).await?;
    let id = parse_id(id)?;
    repo::partner(app.db(), actor.district, id)
        .await?
        .ok_or(Error::NotFound)?;
    let mut tx = app.db().begin().await?;
    let (records, users) = repo::partner_ties(&mut tx, id).await?;
    if records > 0 {
        return Err(Error::Conflict("partner_has_records"));
    }
    if users > 0 {
        return Err(Error::Conflict("partner_has_users"));
    }
    if !repo::delete_partner(&mut tx, actor.district, id).await? {
        return Err(Error::NotFound);
    }
    audited(app, actor, &mut tx, AuditAction::PartnerRemoved, "partner", id).await?;
    tx.commit().await?;
    Ok(())
}

/// A resource of the actor's district, for its edit page.
pub async fn resource(app: &App, actor: &Actor, id: &str) -> Result<ResourceRow, Error> {
    require_maintainer(app, actor).await?;
    repo::resource(app.db(), actor.district, parse_id(id)?)
        .await?
        .ok_or(Error::NotFound)
}

/// Adds a resource; a name the district already has is
/// `resource_name_taken`, a partner it does not have `unknown_partner`.
pub async fn add_resource(app: &App, actor: &Actor, input: Parsed<NewResource>) -> Result<Uuid, Error> {
    require_maintainer(app, actor).await?;
    let r = input?;
    let mut tx = app.db().begin().await?;
    let id = write_resource(&mut tx, actor, &r, app.now(), Target::New).await?;
    audited(app, actor, &mut tx, AuditAction::ResourceSaved, "resource", id).await?;
    tx.commit().await?;
    Ok(id)
}

/// Rewrites a resource. Its partner cannot change once something was
/// referred to it (`partner: has_referrals`): those referrals were made,
/// and consented to, for that organisation.
pub async fn update_resource(app: &App, actor: &Actor, id: &str, input: Parsed<NewResource>) -> Result<(), Error> {
    let before = resource(app, actor, id).await?;
    let r = input?;
    let mut tx = app.db().begin().await?;
    // `write_resource` refuses a new partner for a resource with referrals.
    let id = write_resource(&mut tx, actor, &r, app.now(), Target::Id(before.id)).await?;
    audited(app, actor, &mut tx, AuditAction::ResourceSaved, "resource", id).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a resource; refused while a referral or enrolment names it
/// (`resource_has_referrals`).
pub async fn remove_resource(app: &App, actor: &Actor, id: &str) -> Result<(), Error> {
    let r = resource(app, actor, id).await?;
    let mut tx = app.db().begin().await?;
    if repo::resource_referrals(&mut tx, r.id).await? > 0 {
        return Err(Error::Conflict("resource_has_referrals"));
    }
    if !repo::delete_resource(&mut tx, actor.district, r.id).await? {
        return Err(Error::NotFound);
    }
    audited(app, actor, &mut tx, AuditAction::ResourceRemoved, "resource", r.id).await?;
    tx.commit().await?;
    Ok(())
}
