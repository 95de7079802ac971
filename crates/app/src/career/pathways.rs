//! The district's own career pathways and academies, linked to clusters
//! (a district administrator keeps them; the caller checks the role).

use ssp_db::repo::career::pathways::{self, PathwayRow};
use ssp_domain::audit::AuditAction;
use ssp_domain::career::input::PathwayInput;
use ssp_domain::OrgId;
use uuid::Uuid;

use crate::actor::Actor;
use crate::admin::DistrictWrite;
use crate::error::Error;
use crate::{App, Parsed};

pub async fn list(app: &App, district: OrgId) -> Result<Vec<PathwayRow>, Error> {
    Ok(pathways::list(app.db(), district).await?)
}

/// Adds a pathway; a name the district already uses is `pathway_name_taken`.
pub async fn add(app: &App, actor: &Actor, input: Parsed<PathwayInput>) -> Result<Uuid, Error> {
    let p = input?;
    let mut w = DistrictWrite::begin(app, actor).await?;
    let now = w.now();
    let id = pathways::add(
        w.tx(),
        actor.district,
        &p.name,
        &p.description,
        p.legacy_cluster.map(|c| c.key()),
        p.cluster_2024.map(|c| c.key()),
        now,
    )
    .await?;
    w.commit(AuditAction::PathwaySaved, "career_pathway", format!("added {id}"))
        .await?;
    Ok(id)
}

pub async fn remove(app: &App, actor: &Actor, id: &str) -> Result<(), Error> {
    let id: Uuid = id.parse().map_err(|_| Error::NotFound)?;
    let mut w = DistrictWrite::begin(app, actor).await?;
    if !pathways::remove(w.tx(), actor.district, id).await? {
        return Err(Error::NotFound);
    }
    w.commit(AuditAction::PathwayRemoved, "career_pathway", format!("removed {id}"))
        .await
}
