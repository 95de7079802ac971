//! Organisations: the state, districts and schools.

use sqlx::FromRow;
use ssp_domain::org::{OrgKind, SchoolLevel};
use ssp_domain::OrgId;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone)]
pub struct NewOrg {
    pub id: OrgId,
    pub kind: OrgKind,
    pub parent_id: Option<OrgId>,
    /// For a district, its own id; for a school, its district; for the
    /// state, none.
    pub district_id: Option<OrgId>,
    pub name: String,
    pub identifier: Option<String>,
    pub school_level: Option<SchoolLevel>,
    pub source_id: Option<String>,
}

pub async fn insert(tx: &mut Tx, o: &NewOrg, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "INSERT INTO orgs (id, kind, parent_id, district_id, name, identifier, school_level, source_id, status, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9, $9)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(o.id.0)
        .bind(o.kind.as_str())
        .bind(o.parent_id.map(|p| p.0))
        .bind(o.district_id.map(|d| d.0))
        .bind(&o.name)
        .bind(o.identifier.as_deref())
        .bind(o.school_level.map(SchoolLevel::as_str))
        .bind(o.source_id.as_deref())
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct OrgRow {
    pub id: Uuid,
    pub kind: String,
    pub name: String,
    pub school_level: Option<String>,
}

/// Active districts by name.
pub async fn districts(db: &Db) -> Result<Vec<OrgRow>, DbError> {
    let sql =
        "SELECT id, kind, name, school_level FROM orgs WHERE kind = 'district' AND status = 'active' ORDER BY name";
    Ok(with_reader!(db, |p| sqlx::query_as(sql).fetch_all(p).await)?)
}

pub async fn count(db: &Db) -> Result<i64, DbError> {
    Ok(with_reader!(db, |p| sqlx::query_scalar("SELECT COUNT(*) FROM orgs")
        .fetch_one(p)
        .await)?)
}

/// The state org, if one exists (a district created on an empty database
/// gets none).
pub async fn state(db: &Db) -> Result<Option<OrgRow>, DbError> {
    let sql = "SELECT id, kind, name, school_level FROM orgs WHERE kind = 'state' ORDER BY id LIMIT 1";
    Ok(with_reader!(db, |p| sqlx::query_as(sql).fetch_optional(p).await)?)
}

/// Sets a district's time zone (an IANA name the caller has checked).
pub async fn set_time_zone(
    tx: &mut Tx,
    district: OrgId,
    time_zone: &str,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE orgs SET time_zone = $2, updated_at = $3 WHERE id = $1 AND kind = 'district'";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(district.0)
        .bind(time_zone)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
