//! Capstones: the current capstone of a student, its milestones, final
//! products, the panel of each attempt with their sheets, results, and the
//! district's rubric (JSON the domain parses).

use sqlx::FromRow;
use ssp_domain::{OrgId, PersonId, StudentId};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct CapstoneRow {
    pub id: Uuid,
    pub attempt: i32,
    pub status: String,
    pub question: String,
    pub plan: String,
    pub mentor_name: String,
    pub mentor_email: Option<String>,
    pub return_comment: String,
    pub presentation_on: Option<Date>,
    pub rubric: Option<String>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

const COLUMNS: &str = "id, attempt, status, question, plan, mentor_name, mentor_email, return_comment, \
                       presentation_on, rubric, created_at, updated_at";

/// The student's latest capstone (the open one, or the last passed or
/// withdrawn).
pub async fn current(db: &Db, student: StudentId) -> Result<Option<CapstoneRow>, DbError> {
    let sql =
        format!("SELECT {COLUMNS} FROM capstones WHERE student_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(student.0)
        .fetch_optional(p)
        .await)?)
}

/// The same inside a write (the row as the write sees it).
pub async fn current_in(tx: &mut Tx, student: StudentId) -> Result<Option<CapstoneRow>, DbError> {
    let sql =
        format!("SELECT {COLUMNS} FROM capstones WHERE student_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1");
    Ok(with_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(student.0)
        .fetch_optional(&mut *c)
        .await)?)
}

/// Whether the student has a passed capstone.
pub async fn has_passed(db: &Db, student: StudentId) -> Result<bool, DbError> {
    let sql = "SELECT COUNT(*) FROM capstones WHERE student_id = $1 AND status = 'passed'";
    let n: i64 = with_reader!(db, |p| sqlx::query_scalar(sql).bind(student.0).fetch_one(p).await)?;
    Ok(n > 0)
}

pub async fn insert(tx: &mut Tx, district: OrgId, student: StudentId, now: OffsetDateTime) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO capstones (id, district_id, student_id, attempt, status, created_at, updated_at) \
               VALUES ($1, $2, $3, 1, 'draft', $4, $4)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .bind(student.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

pub async fn set_proposal(
    tx: &mut Tx,
    id: Uuid,
    question: &str,
    plan: &str,
    mentor_name: &str,
    mentor_email: Option<&str>,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "UPDATE capstones SET question = $1, plan = $2, mentor_name = $3, mentor_email = $4, updated_at = $5 \
               WHERE id = $6";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(question)
        .bind(plan)
        .bind(mentor_name)
        .bind(mentor_email)
        .bind(now)
        .bind(id)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Stores a move: the status, attempt, presentation date and (when given)
/// the staff member who decided and the return comment or rubric.
#[derive(Debug, Clone)]
pub struct Move<'a> {
    pub status: &'a str,
    pub attempt: i32,
    pub presentation_on: Option<Date>,
    pub return_comment: Option<&'a str>,
    pub rubric: Option<&'a str>,
    pub decided_by: Option<PersonId>,
}

pub async fn set_state(tx: &mut Tx, id: Uuid, m: &Move<'_>, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "UPDATE capstones SET status = $1, attempt = $2, presentation_on = $3, \
               return_comment = COALESCE($4, return_comment), rubric = COALESCE($5, rubric), \
               decided_by = COALESCE($6, decided_by), updated_at = $7 WHERE id = $8";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(m.status)
        .bind(m.attempt)
        .bind(m.presentation_on)
        .bind(m.return_comment)
        .bind(m.rubric)
        .bind(m.decided_by.map(|p| p.0))
        .bind(now)
        .bind(id)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct MilestoneRow {
    pub id: Uuid,
    pub title: String,
    pub due_on: Date,
    pub done_on: Option<Date>,
    pub feedback: String,
}

pub async fn milestones(db: &Db, capstone: Uuid) -> Result<Vec<MilestoneRow>, DbError> {
    let sql = "SELECT id, title, due_on, done_on, feedback FROM capstone_milestones WHERE capstone_id = $1 \
               ORDER BY due_on, id";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(capstone)
        .fetch_all(p)
        .await)?)
}

pub async fn add_milestone(
    tx: &mut Tx,
    district: OrgId,
    capstone: Uuid,
    title: &str,
    due_on: Date,
    by: PersonId,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO capstone_milestones (id, capstone_id, district_id, title, due_on, added_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(capstone)
        .bind(district.0)
        .bind(title)
        .bind(due_on)
        .bind(by.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

/// Marks a milestone done (or not); false when it is not the capstone's.
pub async fn set_milestone_done(tx: &mut Tx, capstone: Uuid, id: Uuid, done_on: Option<Date>) -> Result<bool, DbError> {
    let sql = "UPDATE capstone_milestones SET done_on = $1 WHERE id = $2 AND capstone_id = $3";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(done_on)
        .bind(id)
        .bind(capstone)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// The mentor's feedback on a milestone; false when it is not the capstone's.
pub async fn set_feedback(
    tx: &mut Tx,
    capstone: Uuid,
    id: Uuid,
    feedback: &str,
    by: PersonId,
) -> Result<bool, DbError> {
    let sql = "UPDATE capstone_milestones SET feedback = $1, feedback_by = $2 WHERE id = $3 AND capstone_id = $4";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(feedback)
        .bind(by.0)
        .bind(id)
        .bind(capstone)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ProductRow {
    pub id: Uuid,
    pub artifact_id: Option<Uuid>,
    pub title: String,
    pub url: String,
}

pub async fn products(db: &Db, capstone: Uuid) -> Result<Vec<ProductRow>, DbError> {
    let sql =
        "SELECT id, artifact_id, title, url FROM capstone_products WHERE capstone_id = $1 ORDER BY created_at, id";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(capstone)
        .fetch_all(p)
        .await)?)
}

pub async fn add_product(
    tx: &mut Tx,
    district: OrgId,
    capstone: Uuid,
    artifact: Option<Uuid>,
    title: &str,
    url: &str,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO capstone_products (id, capstone_id, district_id, artifact_id, title, url, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(capstone)
        .bind(district.0)
        .bind(artifact)
        .bind(title)
        .bind(url)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct PanelistRow {
    pub id: Uuid,
    pub position: i32,
    pub name: String,
    pub levels: Option<String>,
}

pub async fn panel(db: &Db, capstone: Uuid, attempt: i32) -> Result<Vec<PanelistRow>, DbError> {
    let sql = "SELECT id, position, name, levels FROM capstone_panelists WHERE capstone_id = $1 AND attempt = $2 \
               ORDER BY position";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(capstone)
        .bind(attempt)
        .fetch_all(p)
        .await)?)
}

pub async fn panel_in(tx: &mut Tx, capstone: Uuid, attempt: i32) -> Result<Vec<PanelistRow>, DbError> {
    let sql = "SELECT id, position, name, levels FROM capstone_panelists WHERE capstone_id = $1 AND attempt = $2 \
               ORDER BY position";
    Ok(with_tx!(tx, |c| sqlx::query_as(sql)
        .bind(capstone)
        .bind(attempt)
        .fetch_all(&mut *c)
        .await)?)
}

/// Names the attempt's panel (replacing one named before: no sheet exists
/// until the capstone is presented).
pub async fn set_panel(
    tx: &mut Tx,
    district: OrgId,
    capstone: Uuid,
    attempt: i32,
    names: &[String],
) -> Result<(), DbError> {
    let sql = "DELETE FROM capstone_panelists WHERE capstone_id = $1 AND attempt = $2";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(capstone)
        .bind(attempt)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    let sql = "INSERT INTO capstone_panelists (id, capstone_id, district_id, attempt, position, name) \
               VALUES ($1, $2, $3, $4, $5, $6)";
    for (i, name) in names.iter().enumerate() {
        with_tx!(tx, |c| sqlx::query(sql)
            .bind(Uuid::now_v7())
            .bind(capstone)
            .bind(district.0)
            .bind(attempt)
            .bind(i as i32)
            .bind(name)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected()))?;
    }
    Ok(())
}

/// A panelist's sheet (replacing one entered before); false when the
/// panelist is not on the capstone's panel.
pub async fn set_sheet(
    tx: &mut Tx,
    capstone: Uuid,
    panelist: Uuid,
    levels: &str,
    by: PersonId,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE capstone_panelists SET levels = $1, entered_by = $2, entered_at = $3 \
               WHERE id = $4 AND capstone_id = $5";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(levels)
        .bind(by.0)
        .bind(now)
        .bind(panelist)
        .bind(capstone)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ResultRow {
    pub attempt: i32,
    pub passed: bool,
    pub overall: i32,
    pub criterion_means: String,
    pub recorded_at: OffsetDateTime,
}

pub async fn results(db: &Db, capstone: Uuid) -> Result<Vec<ResultRow>, DbError> {
    let sql = "SELECT attempt, passed, overall, criterion_means, recorded_at FROM capstone_results \
               WHERE capstone_id = $1 ORDER BY attempt";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(capstone)
        .fetch_all(p)
        .await)?)
}

#[allow(clippy::too_many_arguments)]
pub async fn add_result(
    tx: &mut Tx,
    district: OrgId,
    capstone: Uuid,
    attempt: i32,
    passed: bool,
    overall: i32,
    criterion_means: &str,
    by: PersonId,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO capstone_results (capstone_id, attempt, district_id, passed, overall, criterion_means, \
               recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(capstone)
        .bind(attempt)
        .bind(district.0)
        .bind(passed)
        .bind(overall)
        .bind(criterion_means)
        .bind(by.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The district's rubric as stored (JSON), if it has one.
pub async fn rubric(db: &Db, district: OrgId) -> Result<Option<String>, DbError> {
    let sql = "SELECT rubric FROM capstone_rubrics WHERE district_id = $1";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(district.0)
        .fetch_optional(p)
        .await)?)
}

pub async fn put_rubric(
    tx: &mut Tx,
    district: OrgId,
    rubric: &str,
    by: Option<PersonId>,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO capstone_rubrics (district_id, rubric, updated_by, updated_at) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (district_id) DO UPDATE SET rubric = excluded.rubric, updated_by = excluded.updated_by, \
               updated_at = excluded.updated_at";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(district.0)
        .bind(rubric)
        .bind(by.map(|p| p.0))
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}
