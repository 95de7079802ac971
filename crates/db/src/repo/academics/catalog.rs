//! The district's course catalog, one row per course code.

use sqlx::FromRow;
use ssp_domain::OrgId;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct CatalogRow {
    pub code: String,
    pub title: String,
    /// Hundredths of a credit.
    pub credits: i32,
    pub term_length: String,
    pub subject_area: String,
    /// Comma-separated.
    pub tags: String,
    pub sced: Option<String>,
    pub rigor: String,
    pub grade_min: i32,
    pub grade_max: i32,
    /// Comma-separated course codes.
    pub prerequisites: String,
    /// Comma-separated pathway ids.
    pub pathways: String,
    pub core: bool,
    pub repeatable: bool,
}

const COLUMNS: &str = "code, title, credits, term_length, subject_area, tags, sced, rigor, grade_min, grade_max, prerequisites, pathways, core, repeatable";

/// The district's catalog in code order.
pub async fn list(db: &Db, district: OrgId) -> Result<Vec<CatalogRow>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM catalog_courses WHERE district_id = $1 ORDER BY code");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(district.0)
        .fetch_all(p)
        .await)?)
}

/// Inserts or replaces a course by its code.
pub async fn upsert(tx: &mut Tx, district: OrgId, c: &CatalogRow, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "INSERT INTO catalog_courses (id, district_id, code, title, credits, term_length, subject_area, tags, sced, rigor, \
               grade_min, grade_max, prerequisites, pathways, core, repeatable, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) \
               ON CONFLICT (district_id, code) DO UPDATE SET title = excluded.title, credits = excluded.credits, \
               term_length = excluded.term_length, subject_area = excluded.subject_area, tags = excluded.tags, sced = excluded.sced, \
               rigor = excluded.rigor, grade_min = excluded.grade_min, grade_max = excluded.grade_max, \
               prerequisites = excluded.prerequisites, pathways = excluded.pathways, core = excluded.core, \
               repeatable = excluded.repeatable, updated_at = excluded.updated_at";
    with_tx!(tx, |conn| sqlx::query(sql)
        .bind(Uuid::now_v7())
        .bind(district.0)
        .bind(c.code.as_str())
        .bind(c.title.as_str())
        .bind(c.credits)
        .bind(c.term_length.as_str())
        .bind(c.subject_area.as_str())
        .bind(c.tags.as_str())
        .bind(c.sced.as_deref())
        .bind(c.rigor.as_str())
        .bind(c.grade_min)
        .bind(c.grade_max)
        .bind(c.prerequisites.as_str())
        .bind(c.pathways.as_str())
        .bind(c.core)
        .bind(c.repeatable)
        .bind(now)
        .execute(&mut *conn)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}
