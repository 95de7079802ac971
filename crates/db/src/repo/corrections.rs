//! Corrections to check-ins and reflections by their authors: the update or
//! deletion, and the revision row that keeps the old value (as JSON).

use ssp_domain::{OrgId, PersonId, StudentId};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

/// What was changed, and how.
pub struct NewRevision<'a> {
    pub district: OrgId,
    pub student: StudentId,
    /// `check_in` or `reflection`.
    pub record_kind: &'static str,
    pub record_id: Uuid,
    /// `edited` or `deleted`.
    pub change: &'static str,
    /// The record as it was before the change, as JSON.
    pub old_value: &'a str,
    pub by: PersonId,
}

pub async fn add_revision(tx: &mut Tx, r: &NewRevision<'_>, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "INSERT INTO plan_revisions (id, district_id, student_id, record_kind, record_id, change, old_value, changed_by, changed_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(Uuid::now_v7())
        .bind(r.district.0)
        .bind(r.student.0)
        .bind(r.record_kind)
        .bind(r.record_id)
        .bind(r.change)
        .bind(r.old_value)
        .bind(r.by.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// How many revisions a record has (edits and the deletion).
pub async fn revision_count(db: &Db, record_id: Uuid) -> Result<i64, DbError> {
    let sql = "SELECT COUNT(*) FROM plan_revisions WHERE record_id = $1";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(record_id)
        .fetch_one(p)
        .await)?)
}

/// The old values kept for a record, oldest first: (change, old value JSON).
pub async fn revisions(db: &Db, record_id: Uuid) -> Result<Vec<(String, String)>, DbError> {
    let sql = "SELECT change, old_value FROM plan_revisions WHERE record_id = $1 ORDER BY changed_at, id";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(record_id)
        .fetch_all(p)
        .await)?)
}

/// The corrected check-in.
pub struct CheckInChange<'a> {
    pub on_date: Date,
    pub value: f64,
    pub note: &'a str,
    pub reflection: &'a str,
}

/// Rewrites a check-in of this goal; false when it is not there.
pub async fn update_check_in(
    tx: &mut Tx,
    goal: Uuid,
    id: Uuid,
    change: &CheckInChange<'_>,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE goal_check_ins SET on_date = $3, value = $4, note = $5, reflection = $6, edited_at = $7 \
               WHERE goal_id = $1 AND id = $2";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(goal)
        .bind(id)
        .bind(change.on_date)
        .bind(change.value)
        .bind(change.note)
        .bind(change.reflection)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

pub async fn delete_check_in(tx: &mut Tx, goal: Uuid, id: Uuid) -> Result<bool, DbError> {
    let sql = "DELETE FROM goal_check_ins WHERE goal_id = $1 AND id = $2";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(goal)
        .bind(id)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

pub async fn update_reflection(
    tx: &mut Tx,
    student: StudentId,
    id: Uuid,
    prompt: &str,
    body: &str,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE reflections SET prompt = $3, body = $4, edited_at = $5 WHERE student_id = $1 AND id = $2";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(student.0)
        .bind(id)
        .bind(prompt)
        .bind(body)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Deletes a reflection nobody has commented on (comments are other
/// people's words: a commented reflection can be corrected, not deleted).
/// False when it is not there or has comments.
pub async fn delete_uncommented_reflection(tx: &mut Tx, student: StudentId, id: Uuid) -> Result<bool, DbError> {
    let sql = "DELETE FROM reflections WHERE student_id = $1 AND id = $2 \
               AND NOT EXISTS (SELECT 1 FROM reflection_comments c WHERE c.reflection_id = reflections.id)";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(student.0)
        .bind(id)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Whether anyone commented on this reflection.
pub async fn has_comments(tx: &mut Tx, id: Uuid) -> Result<bool, DbError> {
    let sql = "SELECT COUNT(*) FROM reflection_comments WHERE reflection_id = $1";
    let n: i64 = with_tx!(tx, |c| sqlx::query_scalar(sql).bind(id).fetch_one(&mut *c).await)?;
    Ok(n > 0)
}
