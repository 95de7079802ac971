//! The postsecondary plan: intended paths, programs with their status, key
//! steps (shipped steps marked done, or the student's own) and counselors'
//! comments.

use sqlx::FromRow;
use ssp_domain::{OrgId, PersonId, StudentId};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

pub async fn paths(db: &Db, student: StudentId) -> Result<Option<String>, DbError> {
    let sql = "SELECT paths FROM postsecondary_plans WHERE student_id = $1";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(student.0)
        .fetch_optional(p)
        .await)?)
}

pub async fn put_paths(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    paths: &str,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO postsecondary_plans (student_id, district_id, paths, updated_at) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (student_id) DO UPDATE SET paths = excluded.paths, updated_at = excluded.updated_at";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(student.0)
        .bind(district.0)
        .bind(paths)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ProgramRow {
    pub id: Uuid,
    pub name: String,
    pub path: String,
    pub status: String,
    pub note: String,
    pub updated_at: OffsetDateTime,
}

pub async fn programs(db: &Db, student: StudentId) -> Result<Vec<ProgramRow>, DbError> {
    let sql = "SELECT id, name, path, status, note, updated_at FROM postsecondary_programs WHERE student_id = $1 ORDER BY name";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

#[allow(clippy::too_many_arguments)]
pub async fn add_program(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    name: &str,
    path: &str,
    status: &str,
    note: &str,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO postsecondary_programs (id, district_id, student_id, name, path, status, note, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .bind(student.0)
        .bind(name)
        .bind(path)
        .bind(status)
        .bind(note)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

/// Moves a program to `status`; false when the program is not the student's.
pub async fn set_program_status(
    tx: &mut Tx,
    student: StudentId,
    id: Uuid,
    status: &str,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE postsecondary_programs SET status = $1, updated_at = $2 WHERE id = $3 AND student_id = $4";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(status)
        .bind(now)
        .bind(id)
        .bind(student.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct StepRow {
    pub id: Uuid,
    pub step_key: Option<String>,
    pub title: String,
    pub due_on: Date,
    pub done_on: Option<Date>,
}

pub async fn steps(db: &Db, student: StudentId) -> Result<Vec<StepRow>, DbError> {
    let sql =
        "SELECT id, step_key, title, due_on, done_on FROM postsecondary_steps WHERE student_id = $1 ORDER BY due_on";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

/// A step: a shipped one (`step_key`) when marked done, or the student's own.
#[allow(clippy::too_many_arguments)]
pub async fn add_step(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    step_key: Option<&str>,
    title: &str,
    due_on: Date,
    done_on: Option<Date>,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql =
        "INSERT INTO postsecondary_steps (id, district_id, student_id, step_key, title, due_on, done_on, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .bind(student.0)
        .bind(step_key)
        .bind(title)
        .bind(due_on)
        .bind(done_on)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

/// Marks a stored step done (or not); false when it is not the student's.
pub async fn set_step_done(
    tx: &mut Tx,
    student: StudentId,
    id: Uuid,
    done_on: Option<Date>,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE postsecondary_steps SET done_on = $1, updated_at = $2 WHERE id = $3 AND student_id = $4";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(done_on)
        .bind(now)
        .bind(id)
        .bind(student.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct CommentRow {
    pub id: Uuid,
    pub body: String,
    pub created_at: OffsetDateTime,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
}

pub async fn comments(db: &Db, student: StudentId) -> Result<Vec<CommentRow>, DbError> {
    let sql = "SELECT c.id, c.body, c.created_at, p.given_name, p.family_name, p.preferred_name FROM postsecondary_comments c \
               JOIN persons p ON p.id = c.author_id WHERE c.student_id = $1 ORDER BY c.created_at DESC LIMIT 100";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

pub async fn add_comment(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    author: PersonId,
    body: &str,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO postsecondary_comments (id, district_id, student_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .bind(student.0)
        .bind(author.0)
        .bind(body)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}
