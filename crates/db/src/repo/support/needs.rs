//! A student's needs, each stored with the sensitivity class its kind
//! gives, so a list is filtered in the database by the classes the reader
//! may see.

use sqlx::FromRow;
use ssp_domain::access::Sensitivity;
use ssp_domain::{OrgId, PersonId, StudentId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, FromRow)]
pub struct NeedRow {
    pub id: Uuid,
    pub kind: String,
    pub sensitivity: String,
    pub description: String,
    pub what_is_being_done: String,
    pub source: String,
    pub status: String,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
}

const COLUMNS: &str = "n.id, n.kind, n.sensitivity, n.description, n.what_is_being_done, n.source, n.status, \
                       n.created_at, n.updated_at, p.given_name, p.family_name, p.preferred_name";

/// The student's needs of the given classes only (the caller passes the
/// classes the access module allowed): open ones first, newest first.
pub async fn list(db: &Db, student: StudentId, classes: &[Sensitivity]) -> Result<Vec<NeedRow>, DbError> {
    if classes.is_empty() {
        return Ok(vec![]);
    }
    let placeholders: Vec<String> = (0..classes.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "SELECT {COLUMNS} FROM needs n JOIN persons p ON p.id = n.created_by \
         WHERE n.student_id = $1 AND n.sensitivity IN ({}) \
         ORDER BY CASE WHEN n.status IN ('met', 'no_longer_needed') THEN 1 ELSE 0 END, n.created_at DESC, n.id DESC \
         LIMIT 200",
        placeholders.join(", ")
    );
    Ok(with_reader!(db, |p| {
        let mut q = sqlx::query_as(&sql).bind(student.0);
        for c in classes {
            q = q.bind(c.as_str());
        }
        q.fetch_all(p).await
    })?)
}

/// One of the student's needs, whatever its class (the caller checks it).
pub async fn get(db: &Db, student: StudentId, id: Uuid) -> Result<Option<NeedRow>, DbError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM needs n JOIN persons p ON p.id = n.created_by WHERE n.student_id = $1 AND n.id = $2"
    );
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(student.0)
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

/// How many needs of each class exist (so a page can say "1 need is
/// restricted" without reading it).
pub async fn counts(db: &Db, student: StudentId) -> Result<Vec<(String, i64)>, DbError> {
    let sql = "SELECT sensitivity, COUNT(*) FROM needs WHERE student_id = $1 GROUP BY sensitivity";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

/// A need as the use case writes it.
pub struct NewNeedRow<'a> {
    pub district: OrgId,
    pub student: StudentId,
    pub kind: &'a str,
    pub sensitivity: Sensitivity,
    pub description: &'a str,
    pub what_is_being_done: &'a str,
    pub source: &'a str,
    pub created_by: PersonId,
}

pub async fn insert(tx: &mut Tx, n: &NewNeedRow<'_>, now: OffsetDateTime) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO needs (id, district_id, student_id, kind, sensitivity, description, what_is_being_done, \
               source, status, created_by, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'identified', $9, $10, $10)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(n.district.0)
        .bind(n.student.0)
        .bind(n.kind)
        .bind(n.sensitivity.as_str())
        .bind(n.description)
        .bind(n.what_is_being_done)
        .bind(n.source)
        .bind(n.created_by.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(id)
}

/// Sets a need's status and "what is being done"; false when the student
/// has no such need.
pub async fn update(
    tx: &mut Tx,
    student: StudentId,
    id: Uuid,
    status: &str,
    what_is_being_done: &str,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql =
        "UPDATE needs SET status = $1, what_is_being_done = $2, updated_at = $3 WHERE id = $4 AND student_id = $5";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(status)
        .bind(what_is_being_done)
        .bind(now)
        .bind(id)
        .bind(student.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
