//! A district administrator's identity providers (the caller has checked
//! the role): add one, remove one, list them without their secrets. Each
//! change is one transaction with its audit row; the secret is in neither
//! the audit row nor any log line.

use ssp_db::repo::identity_providers::{self as repo, ProviderSummary};
use ssp_domain::audit::AuditAction;
use ssp_domain::sign_in::NewIdentityProvider;
use uuid::Uuid;

use crate::actor::Actor;
use crate::admin::DistrictWrite;
use crate::error::Error;
use crate::{App, Parsed};

pub async fn list(app: &App, actor: &Actor) -> Result<Vec<ProviderSummary>, Error> {
    Ok(repo::list_for_district(app.db(), actor.district).await?)
}

/// Adds a provider to the actor's district; returns its id.
pub async fn add(app: &App, actor: &Actor, input: Parsed<NewIdentityProvider>) -> Result<Uuid, Error> {
    let input = input?;
    let id = Uuid::now_v7();
    let mut w = DistrictWrite::begin(app, actor).await?;
    let now = w.now();
    repo::insert(w.tx(), id, actor.district, &input, now).await?;
    let detail = format!(
        "added {id}: issuer={} client_id={} match={} claim={}",
        input.issuer_url,
        input.client_id,
        input.match_field.as_str(),
        input.match_claim
    );
    w.commit(AuditAction::IdentityProviderSaved, "identity_provider", detail)
        .await?;
    Ok(id)
}

/// Removes one of the district's providers with its linked identities.
pub async fn remove(app: &App, actor: &Actor, id: Uuid) -> Result<(), Error> {
    let mut w = DistrictWrite::begin(app, actor).await?;
    if !repo::delete(w.tx(), actor.district, id).await? {
        return Err(Error::NotFound);
    }
    w.commit(
        AuditAction::IdentityProviderRemoved,
        "identity_provider",
        format!("removed {id}"),
    )
    .await
}
