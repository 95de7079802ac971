//! Notes about a student, each with a sensitivity class.

use sqlx::FromRow;
use ssp_domain::access::Sensitivity;
use ssp_domain::{OrgId, PersonId, StudentId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, FromRow)]
pub struct NoteRow {
    pub id: Uuid,
    pub sensitivity: String,
    pub body: String,
    pub created_at: OffsetDateTime,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
}

/// The student's notes of the given classes only (the caller passes the
/// classes the access module allowed), newest first.
pub async fn list(db: &Db, student: StudentId, classes: &[Sensitivity]) -> Result<Vec<NoteRow>, DbError> {
    if classes.is_empty() {
        return Ok(vec![]);
    }
    let placeholders: Vec<String> = (0..classes.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "SELECT n.id, n.sensitivity, n.body, n.created_at, p.given_name, p.family_name, p.preferred_name \
         FROM notes n JOIN persons p ON p.id = n.author_id \
         WHERE n.student_id = $1 AND n.sensitivity IN ({}) ORDER BY n.created_at DESC, n.id DESC LIMIT 200",
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

/// How many notes of each class exist (so a page can say "2 restricted
/// notes need a reason to open" without reading them).
pub async fn counts(db: &Db, student: StudentId) -> Result<Vec<(String, i64)>, DbError> {
    let sql = "SELECT sensitivity, COUNT(*) FROM notes WHERE student_id = $1 GROUP BY sensitivity";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

pub async fn add(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    author: PersonId,
    sensitivity: Sensitivity,
    body: &str,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO notes (id, district_id, student_id, author_id, sensitivity, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .bind(student.0)
        .bind(author.0)
        .bind(sensitivity.as_str())
        .bind(body)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}
