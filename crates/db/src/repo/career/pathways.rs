//! The district's own career pathways and academies, linked to clusters.

use sqlx::FromRow;
use ssp_domain::OrgId;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct PathwayRow {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub legacy_cluster: Option<String>,
    pub cluster_2024: Option<String>,
}

pub async fn list(db: &Db, district: OrgId) -> Result<Vec<PathwayRow>, DbError> {
    let sql = "SELECT id, name, description, legacy_cluster, cluster_2024 FROM career_pathways WHERE district_id = $1 ORDER BY name";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(district.0)
        .fetch_all(p)
        .await)?)
}

/// Adds a pathway; a name the district already has is
/// `DbError::Conflict { constraint: "career_pathways_district_id_name_uq" }`.
pub async fn add(
    tx: &mut Tx,
    district: OrgId,
    name: &str,
    description: &str,
    legacy: Option<&str>,
    modern: Option<&str>,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO career_pathways (id, district_id, name, description, legacy_cluster, cluster_2024, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $7)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .bind(name)
        .bind(description)
        .bind(legacy)
        .bind(modern)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

/// Removes a pathway of the district; false when there is none with that id.
pub async fn remove(tx: &mut Tx, district: OrgId, id: Uuid) -> Result<bool, DbError> {
    let sql = "DELETE FROM career_pathways WHERE id = $1 AND district_id = $2";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}
