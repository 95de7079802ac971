//! "My career list" (saved occupations with the student's note) and the
//! career exploration log.

use sqlx::FromRow;
use ssp_domain::{OrgId, StudentId};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct SavedCareerRow {
    pub id: Uuid,
    pub code: String,
    /// None when the code is not in the loaded O*NET release any more.
    pub title: Option<String>,
    pub note: String,
    pub saved_at: OffsetDateTime,
}

pub async fn list(db: &Db, student: StudentId) -> Result<Vec<SavedCareerRow>, DbError> {
    let sql = "SELECT s.id, s.code, o.title, s.note, s.saved_at FROM saved_careers s LEFT JOIN occupations o ON o.code = s.code \
               WHERE s.student_id = $1 ORDER BY s.saved_at DESC";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

/// Saves a career (again: the note is replaced) and returns its id.
pub async fn save(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    code: &str,
    note: &str,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let sql = "INSERT INTO saved_careers (id, district_id, student_id, code, note, saved_at) VALUES ($1, $2, $3, $4, $5, $6) \
               ON CONFLICT (student_id, code) DO UPDATE SET note = excluded.note RETURNING id";
    Ok(with_tx!(tx, |c| sqlx::query_scalar(sql)
        .bind(Uuid::now_v7())
        .bind(district.0)
        .bind(student.0)
        .bind(code)
        .bind(note)
        .bind(now)
        .fetch_one(&mut *c)
        .await)?)
}

/// Removes a saved career; false when the student had not saved it.
pub async fn remove(tx: &mut Tx, student: StudentId, code: &str) -> Result<bool, DbError> {
    let sql = "DELETE FROM saved_careers WHERE student_id = $1 AND code = $2";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(student.0)
        .bind(code)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ExplorationRow {
    pub id: Uuid,
    pub kind: String,
    pub occurred_on: Date,
    pub title: String,
    pub code: Option<String>,
    pub reflection: String,
    pub goal_id: Option<Uuid>,
    pub goal_statement: Option<String>,
}

pub async fn explorations(db: &Db, student: StudentId) -> Result<Vec<ExplorationRow>, DbError> {
    let sql =
        "SELECT e.id, e.kind, e.occurred_on, e.title, e.code, e.reflection, e.goal_id, g.statement AS goal_statement \
               FROM career_explorations e LEFT JOIN goals g ON g.id = e.goal_id WHERE e.student_id = $1 \
               ORDER BY e.occurred_on DESC, e.created_at DESC";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

/// Explorations offered as evidence on one goal.
pub async fn explorations_for_goal(db: &Db, goal: Uuid) -> Result<Vec<ExplorationRow>, DbError> {
    let sql = "SELECT e.id, e.kind, e.occurred_on, e.title, e.code, e.reflection, e.goal_id, g.statement AS goal_statement \
               FROM career_explorations e LEFT JOIN goals g ON g.id = e.goal_id WHERE e.goal_id = $1 ORDER BY e.occurred_on DESC";
    Ok(with_reader!(db, |p| sqlx::query_as(sql).bind(goal).fetch_all(p).await)?)
}

pub struct NewExplorationRow<'a> {
    pub kind: &'a str,
    pub occurred_on: Date,
    pub title: &'a str,
    pub code: Option<&'a str>,
    pub reflection: &'a str,
    pub goal_id: Option<Uuid>,
}

pub async fn add_exploration(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    e: &NewExplorationRow<'_>,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO career_explorations (id, district_id, student_id, kind, occurred_on, title, code, reflection, goal_id, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .bind(student.0)
        .bind(e.kind)
        .bind(e.occurred_on)
        .bind(e.title)
        .bind(e.code)
        .bind(e.reflection)
        .bind(e.goal_id)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}
