//! A district's portfolio settings (the best-work maximum) and its own
//! competencies; and portfolio work attached to a check-in as evidence.

use sqlx::FromRow;
use ssp_domain::{OrgId, PersonId, StudentId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

/// The district's best-work maximum, if it set one.
pub async fn max_best_work(db: &Db, district: OrgId) -> Result<Option<u32>, DbError> {
    let sql = "SELECT max_best_work FROM portfolio_settings WHERE district_id = $1";
    let n: Option<i32> = with_reader!(db, |p| sqlx::query_scalar(sql).bind(district.0).fetch_optional(p).await)?;
    Ok(n.map(|n| n.max(0) as u32))
}

pub async fn put_max_best_work(
    tx: &mut Tx,
    district: OrgId,
    max: u32,
    by: PersonId,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql =
        "INSERT INTO portfolio_settings (district_id, max_best_work, updated_by, updated_at) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (district_id) DO UPDATE SET max_best_work = excluded.max_best_work, \
               updated_by = excluded.updated_by, updated_at = excluded.updated_at";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(district.0)
        .bind(max as i32)
        .bind(by.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct CompetencyRow {
    pub key: String,
    pub name: String,
    pub retired_at: Option<OffsetDateTime>,
}

/// Every competency the district added, retired ones included, by name.
pub async fn competencies(db: &Db, district: OrgId) -> Result<Vec<CompetencyRow>, DbError> {
    let sql = "SELECT key, name, retired_at FROM district_competencies WHERE district_id = $1 ORDER BY name, key";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(district.0)
        .fetch_all(p)
        .await)?)
}

pub async fn insert_competency(
    tx: &mut Tx,
    district: OrgId,
    key: &str,
    name: &str,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO district_competencies (district_id, key, name, created_at) VALUES ($1, $2, $3, $4)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(district.0)
        .bind(key)
        .bind(name)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// Retires (`Some(now)`) or brings back (`None`) a competency; false when
/// the district has no such key.
pub async fn set_competency_retired(
    tx: &mut Tx,
    district: OrgId,
    key: &str,
    retired_at: Option<OffsetDateTime>,
) -> Result<bool, DbError> {
    let sql = "UPDATE district_competencies SET retired_at = $1 WHERE district_id = $2 AND key = $3";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(retired_at)
        .bind(district.0)
        .bind(key)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Attaches one of the student's artifacts to a check-in; false when the
/// artifact is not the student's.
pub async fn attach_to_check_in(
    tx: &mut Tx,
    student: StudentId,
    check_in: Uuid,
    artifact: Uuid,
) -> Result<bool, DbError> {
    let sql = "INSERT INTO check_in_evidence (check_in_id, artifact_id) \
               SELECT $1, a.id FROM artifacts a WHERE a.id = $2 AND a.student_id = $3";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(check_in)
        .bind(artifact)
        .bind(student.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The work attached to each check-in of a goal: (check-in, artifact id,
/// title, private), by check-in then title.
pub async fn check_in_evidence_for_goal(db: &Db, goal: Uuid) -> Result<Vec<(Uuid, Uuid, String, bool)>, DbError> {
    let sql = "SELECT e.check_in_id, a.id, a.title, a.private FROM check_in_evidence e \
               JOIN goal_check_ins c ON c.id = e.check_in_id JOIN artifacts a ON a.id = e.artifact_id \
               WHERE c.goal_id = $1 ORDER BY e.check_in_id, a.title";
    Ok(with_reader!(db, |p| sqlx::query_as(sql).bind(goal).fetch_all(p).await)?)
}

/// Detaches an artifact from every check-in (before it is removed).
pub async fn detach_artifact(tx: &mut Tx, artifact: Uuid) -> Result<(), DbError> {
    with_tx!(tx, |c| sqlx::query(
        "DELETE FROM check_in_evidence WHERE artifact_id = $1"
    )
    .bind(artifact)
    .execute(&mut *c)
    .await
    .map(|_| ()))?;
    Ok(())
}
