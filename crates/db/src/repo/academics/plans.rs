//! Course plans, one row per version.

use sqlx::FromRow;
use ssp_domain::{OrgId, PersonId, StudentId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct PlanRow {
    pub id: Uuid,
    pub version: i32,
    pub status: String,
    pub years: String,
    pub comment: String,
    pub decided_by: Option<Uuid>,
    pub decided_at: Option<OffsetDateTime>,
    pub acknowledged_by: Option<Uuid>,
    pub acknowledged_at: Option<OffsetDateTime>,
    pub updated_at: OffsetDateTime,
}

const COLUMNS: &str =
    "id, version, status, years, comment, decided_by, decided_at, acknowledged_by, acknowledged_at, updated_at";

/// Every version of the student's plan, newest first.
pub async fn versions(db: &Db, student: StudentId) -> Result<Vec<PlanRow>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM course_plans WHERE student_id = $1 ORDER BY version DESC");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

/// The newest version, read inside the write that changes it.
pub async fn latest_in_tx(tx: &mut Tx, student: StudentId) -> Result<Option<PlanRow>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM course_plans WHERE student_id = $1 ORDER BY version DESC LIMIT 1");
    Ok(with_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(student.0)
        .fetch_optional(&mut *c)
        .await)?)
}

pub async fn insert(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    version: i32,
    years: &str,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO course_plans (id, district_id, student_id, version, status, years, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, 'draft', $5, $6, $6)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .bind(student.0)
        .bind(version)
        .bind(years)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

/// Rewrites a version's courses; it becomes a draft again.
pub async fn set_years(tx: &mut Tx, id: Uuid, years: &str, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "UPDATE course_plans SET years = $1, status = 'draft', updated_at = $2 WHERE id = $3";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(years)
        .bind(now)
        .bind(id)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn set_status(tx: &mut Tx, id: Uuid, status: &str, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "UPDATE course_plans SET status = $1, updated_at = $2 WHERE id = $3";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(status)
        .bind(now)
        .bind(id)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// A counselor's decision: approved or returned, with a comment.
pub async fn decide(
    tx: &mut Tx,
    id: Uuid,
    status: &str,
    comment: &str,
    by: PersonId,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "UPDATE course_plans SET status = $1, comment = $2, decided_by = $3, decided_at = $4, updated_at = $4 WHERE id = $5";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(status)
        .bind(comment)
        .bind(by.0)
        .bind(now)
        .bind(id)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn acknowledge(tx: &mut Tx, id: Uuid, by: PersonId, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "UPDATE course_plans SET acknowledged_by = $1, acknowledged_at = $2 WHERE id = $3";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(by.0)
        .bind(now)
        .bind(id)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Stores a student's academic standing (see the `academic_status` table).
pub async fn put_status(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    on_track: Option<bool>,
    grade9_on_track: Option<bool>,
    plan_status: &str,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO academic_status (student_id, district_id, on_track, grade9_on_track, plan_status, refreshed_at) \
               VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (student_id) DO UPDATE SET on_track = excluded.on_track, \
               grade9_on_track = excluded.grade9_on_track, plan_status = excluded.plan_status, refreshed_at = excluded.refreshed_at";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(student.0)
        .bind(district.0)
        .bind(on_track)
        .bind(grade9_on_track)
        .bind(plan_status)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The stored standing of listed students: (student, on track, plan status).
pub async fn statuses_of(db: &Db, students: &[Uuid]) -> Result<Vec<(Uuid, Option<bool>, String)>, DbError> {
    if students.is_empty() {
        return Ok(Vec::new());
    }
    with_reader!(db, |p| {
        let mut qb = sqlx::QueryBuilder::new(
            "SELECT student_id, on_track, plan_status FROM academic_status WHERE student_id IN (",
        );
        let mut sep = qb.separated(", ");
        for s in students {
            sep.push_bind(*s);
        }
        qb.push(")");
        Ok(qb.build_query_as().fetch_all(p).await?)
    })
}
