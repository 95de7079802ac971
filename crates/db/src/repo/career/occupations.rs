//! The O*NET occupation tables: replaced as a whole by a load, read by
//! search, the occupation page and the matcher.

use sqlx::{FromRow, QueryBuilder};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::repo::bulk::bulk_insert;
use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, PartialEq, FromRow)]
pub struct OccupationRow {
    pub code: String,
    pub title: String,
    pub description: String,
    pub job_zone: Option<i32>,
    pub interest_r: Option<f64>,
    pub interest_i: Option<f64>,
    pub interest_a: Option<f64>,
    pub interest_s: Option<f64>,
    pub interest_e: Option<f64>,
    pub interest_c: Option<f64>,
    pub high_points: String,
    pub legacy_cluster: String,
    pub cluster_2024: String,
}

impl OccupationRow {
    /// The six ratings in RIASEC order, when O*NET has all six.
    pub fn interests(&self) -> Option<[f64; 6]> {
        Some([
            self.interest_r?,
            self.interest_i?,
            self.interest_a?,
            self.interest_s?,
            self.interest_e?,
            self.interest_c?,
        ])
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AltTitleRow {
    pub code: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelatedRow {
    pub code: String,
    pub related_code: String,
    pub tier: String,
    pub rank: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct JobZoneRow {
    pub zone: i32,
    pub name: String,
    pub experience: String,
    pub education: String,
    pub training: String,
    pub examples: String,
}

/// What one load wrote, and how it compared with what was there.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct LoadRow {
    pub release: String,
    pub loaded_at: OffsetDateTime,
    pub occupations: i32,
    pub added: i32,
    pub removed: i32,
    pub changed: i32,
    pub summary: String,
}

const COLUMNS: &str = "code, title, description, job_zone, interest_r, interest_i, interest_a, interest_s, interest_e, interest_c, high_points, legacy_cluster, cluster_2024";

/// Every occupation, in code order (the loader compares against it).
pub async fn all(db: &Db) -> Result<Vec<OccupationRow>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM occupations ORDER BY code");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql).fetch_all(p).await)?)
}

/// Every alternate title as (code, lower-cased title), for the in-memory
/// search.
pub async fn all_titles_lower(db: &Db) -> Result<Vec<(String, String)>, DbError> {
    let sql = "SELECT code, title_lower FROM occupation_titles ORDER BY code, title_lower";
    Ok(with_reader!(db, |p| sqlx::query_as(sql).fetch_all(p).await)?)
}

/// The id of the latest load (None before the first).
pub async fn latest_load_id(db: &Db) -> Result<Option<Uuid>, DbError> {
    let sql = "SELECT id FROM occupation_loads ORDER BY loaded_at DESC, id DESC LIMIT 1";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql).fetch_optional(p).await)?)
}

pub async fn count(db: &Db) -> Result<i64, DbError> {
    Ok(with_reader!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM occupations"
    )
    .fetch_one(p)
    .await)?)
}

pub async fn get(db: &Db, code: &str) -> Result<Option<OccupationRow>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM occupations WHERE code = $1");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(code)
        .fetch_optional(p)
        .await)?)
}

/// Titles of the given codes (for saved careers and explorations).
pub async fn titles(db: &Db, codes: &[String]) -> Result<Vec<(String, String)>, DbError> {
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    with_reader!(db, |p| {
        let mut qb = QueryBuilder::new("SELECT code, title FROM occupations WHERE code IN (");
        let mut sep = qb.separated(", ");
        for c in codes {
            sep.push_bind(c.as_str());
        }
        qb.push(")");
        Ok(qb.build_query_as().fetch_all(p).await?)
    })
}

/// A search of occupations by title or alternate title, with filters
/// (answered from the in-memory catalog, `ssp_app::career::catalog`).
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// Words typed, lower-cased; blank lists everything.
    pub query: String,
    /// Job zones to keep (empty: all). Occupations without a job zone are
    /// kept only when no zone is chosen.
    pub zones: Vec<i32>,
    /// An interest letter (`R` … `C`): occupations with it among their
    /// high points.
    pub area: Option<char>,
    pub legacy_cluster: Option<String>,
    pub cluster_2024: Option<String>,
    pub limit: i64,
    pub offset: i64,
}

/// Alternate titles of one occupation (the first `limit`, alphabetical).
pub async fn alternate_titles(db: &Db, code: &str, limit: i64) -> Result<Vec<String>, DbError> {
    let sql = "SELECT title FROM occupation_titles WHERE code = $1 ORDER BY title LIMIT $2";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(code)
        .bind(limit)
        .fetch_all(p)
        .await)?)
}

/// Related occupations, in O*NET's order (the ones still loaded).
pub async fn related(db: &Db, code: &str) -> Result<Vec<(String, String, String)>, DbError> {
    let sql = "SELECT r.related_code, o.title, r.tier FROM occupation_related r JOIN occupations o ON o.code = r.related_code \
               WHERE r.code = $1 ORDER BY r.rank";
    Ok(with_reader!(db, |p| sqlx::query_as(sql).bind(code).fetch_all(p).await)?)
}

pub async fn job_zones(db: &Db) -> Result<Vec<JobZoneRow>, DbError> {
    let sql = "SELECT zone, name, experience, education, training, examples FROM job_zones ORDER BY zone";
    Ok(with_reader!(db, |p| sqlx::query_as(sql).fetch_all(p).await)?)
}

pub async fn latest_load(db: &Db) -> Result<Option<LoadRow>, DbError> {
    let sql = "SELECT release, loaded_at, occupations, added, removed, changed, summary FROM occupation_loads ORDER BY loaded_at DESC LIMIT 1";
    Ok(with_reader!(db, |p| sqlx::query_as(sql).fetch_optional(p).await)?)
}

/// Everything a load writes, replacing what was there.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    pub occupations: Vec<OccupationRow>,
    pub alternate_titles: Vec<AltTitleRow>,
    pub related: Vec<RelatedRow>,
    pub job_zones: Vec<JobZoneRow>,
}

/// Replaces the O*NET tables in the caller's transaction and records the
/// load. Student records keep their codes (no foreign key), so a retired
/// code is shown as such rather than deleting what a student saved.
pub async fn replace(tx: &mut Tx, t: &Tables, load: &LoadRow) -> Result<(), DbError> {
    with_tx!(&mut *tx, |c| {
        for sql in [
            "DELETE FROM occupation_titles",
            "DELETE FROM occupation_related",
            "DELETE FROM job_zones",
            "DELETE FROM occupations",
        ] {
            sqlx::query(sql).execute(&mut *c).await?;
        }
    });
    bulk_insert!(
        tx,
        "INSERT INTO occupations (code, title, description, job_zone, interest_r, interest_i, interest_a, interest_s, interest_e, interest_c, high_points, legacy_cluster, cluster_2024) ",
        &t.occupations,
        13,
        |b, r| b
            .push_bind(r.code.as_str())
            .push_bind(r.title.as_str())
            .push_bind(r.description.as_str())
            .push_bind(r.job_zone)
            .push_bind(r.interest_r)
            .push_bind(r.interest_i)
            .push_bind(r.interest_a)
            .push_bind(r.interest_s)
            .push_bind(r.interest_e)
            .push_bind(r.interest_c)
            .push_bind(r.high_points.as_str())
            .push_bind(r.legacy_cluster.as_str())
            .push_bind(r.cluster_2024.as_str())
    )?;
    bulk_insert!(
        tx,
        "INSERT INTO occupation_titles (code, title, title_lower) ",
        &t.alternate_titles,
        3,
        |b, r| b
            .push_bind(r.code.as_str())
            .push_bind(r.title.as_str())
            .push_bind(r.title.to_lowercase())
    )?;
    bulk_insert!(
        tx,
        "INSERT INTO occupation_related (code, related_code, tier, rank) ",
        &t.related,
        4,
        |b, r| b
            .push_bind(r.code.as_str())
            .push_bind(r.related_code.as_str())
            .push_bind(r.tier.as_str())
            .push_bind(r.rank)
    )?;
    bulk_insert!(
        tx,
        "INSERT INTO job_zones (zone, name, experience, education, training, examples) ",
        &t.job_zones,
        6,
        |b, r| b
            .push_bind(r.zone)
            .push_bind(r.name.as_str())
            .push_bind(r.experience.as_str())
            .push_bind(r.education.as_str())
            .push_bind(r.training.as_str())
            .push_bind(r.examples.as_str())
    )?;
    let sql = "INSERT INTO occupation_loads (id, release, loaded_at, occupations, added, removed, changed, summary) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(Uuid::now_v7())
        .bind(load.release.as_str())
        .bind(load.loaded_at)
        .bind(load.occupations)
        .bind(load.added)
        .bind(load.removed)
        .bind(load.changed)
        .bind(load.summary.as_str())
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}
