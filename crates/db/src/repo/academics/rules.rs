//! A district's own academic rules: graduation requirement sets and the
//! settings row (grade scale, weighted maximum, the course plan's credits a
//! year). The JSON columns are written and parsed by the use cases.

use sqlx::FromRow;
use ssp_domain::{OrgId, PersonId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct SetRow {
    pub id: Uuid,
    pub position: i32,
    pub name: String,
    pub first_class: Option<i32>,
    pub last_class: Option<i32>,
    /// Hundredths of a credit.
    pub total_credits: i32,
    /// JSON array of categories.
    pub categories: String,
    pub updated_at: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct SettingsRow {
    /// JSON array of marks; `None`: the default scale.
    pub grade_scale: Option<String>,
    /// Hundredths of a grade point.
    pub weighted_max: i32,
    /// Hundredths of a credit.
    pub year_credit_limit: i32,
    pub updated_at: OffsetDateTime,
}

const SET_COLUMNS: &str = "id, position, name, first_class, last_class, total_credits, categories, updated_at";

/// The district's sets in the order they are tried.
pub async fn sets(db: &Db, district: OrgId) -> Result<Vec<SetRow>, DbError> {
    let sql =
        format!("SELECT {SET_COLUMNS} FROM graduation_requirement_sets WHERE district_id = $1 ORDER BY position, id");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(district.0)
        .fetch_all(p)
        .await)?)
}

/// Adds a set after the district's others.
pub async fn insert_set(
    tx: &mut Tx,
    district: OrgId,
    s: &SetRow,
    by: Option<PersonId>,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO graduation_requirement_sets (id, district_id, position, name, first_class, last_class, \
               total_credits, categories, updated_by, updated_at) \
               VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM graduation_requirement_sets WHERE district_id = $2), \
               $3, $4, $5, $6, $7, $8, $9)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(s.id)
        .bind(district.0)
        .bind(s.name.as_str())
        .bind(s.first_class)
        .bind(s.last_class)
        .bind(s.total_credits)
        .bind(s.categories.as_str())
        .bind(by.map(|p| p.0))
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Rewrites one of the district's sets; false when there is no such set.
pub async fn update_set(
    tx: &mut Tx,
    district: OrgId,
    s: &SetRow,
    by: Option<PersonId>,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql =
        "UPDATE graduation_requirement_sets SET name = $1, first_class = $2, last_class = $3, total_credits = $4, \
               categories = $5, updated_by = $6, updated_at = $7 WHERE id = $8 AND district_id = $9";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(s.name.as_str())
        .bind(s.first_class)
        .bind(s.last_class)
        .bind(s.total_credits)
        .bind(s.categories.as_str())
        .bind(by.map(|p| p.0))
        .bind(now)
        .bind(s.id)
        .bind(district.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Removes one of the district's sets; false when there is no such set.
pub async fn delete_set(tx: &mut Tx, district: OrgId, id: Uuid) -> Result<bool, DbError> {
    let sql = "DELETE FROM graduation_requirement_sets WHERE id = $1 AND district_id = $2";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The district's settings row, if it has one.
pub async fn settings(db: &Db, district: OrgId) -> Result<Option<SettingsRow>, DbError> {
    let sql =
        "SELECT grade_scale, weighted_max, year_credit_limit, updated_at FROM academic_settings WHERE district_id = $1";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(district.0)
        .fetch_optional(p)
        .await)?)
}

/// Writes the district's settings row.
pub async fn put_settings(tx: &mut Tx, district: OrgId, s: &SettingsRow, by: Option<PersonId>) -> Result<(), DbError> {
    let sql = "INSERT INTO academic_settings (district_id, grade_scale, weighted_max, year_credit_limit, updated_by, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (district_id) DO UPDATE SET grade_scale = excluded.grade_scale, \
               weighted_max = excluded.weighted_max, year_credit_limit = excluded.year_credit_limit, \
               updated_by = excluded.updated_by, updated_at = excluded.updated_at";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(district.0)
        .bind(s.grade_scale.as_deref())
        .bind(s.weighted_max)
        .bind(s.year_credit_limit)
        .bind(by.map(|p| p.0))
        .bind(s.updated_at)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The distinct marks on the district's transcripts (a scale may not drop
/// one that is in use).
pub async fn marks_in_use(db: &Db, district: OrgId) -> Result<Vec<String>, DbError> {
    let sql = "SELECT DISTINCT mark FROM transcript_entries WHERE district_id = $1 AND mark IS NOT NULL ORDER BY mark";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(district.0)
        .fetch_all(p)
        .await)?)
}

/// Students of the district whose standing depends on the district's
/// rules or catalog: those with a transcript entry or a course plan.
pub async fn students_with_records(db: &Db, district: OrgId) -> Result<Vec<Uuid>, DbError> {
    let sql = "SELECT student_id FROM transcript_entries WHERE district_id = $1 \
               UNION SELECT student_id FROM course_plans WHERE district_id = $1";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(district.0)
        .fetch_all(p)
        .await)?)
}
