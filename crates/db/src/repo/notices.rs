//! In-app notices to a person (for now: break-glass alerts to the plan
//! manager).

use sqlx::FromRow;
use ssp_domain::{OrgId, PersonId, StudentId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

pub struct NewNotice<'a> {
    pub district: OrgId,
    pub recipient: PersonId,
    pub kind: &'static str,
    pub student: Option<StudentId>,
    pub actor: Option<PersonId>,
    pub detail: Option<&'a str>,
    pub now: OffsetDateTime,
}

pub async fn add(tx: &mut Tx, n: &NewNotice<'_>) -> Result<(), DbError> {
    let sql = "INSERT INTO notices (id, district_id, recipient_id, kind, student_id, actor_id, detail, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(Uuid::now_v7())
        .bind(n.district.0)
        .bind(n.recipient.0)
        .bind(n.kind)
        .bind(n.student.map(|s| s.0))
        .bind(n.actor.map(|a| a.0))
        .bind(n.detail)
        .bind(n.now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct NoticeRow {
    pub id: Uuid,
    pub kind: String,
    pub student_id: Option<Uuid>,
    pub detail: Option<String>,
    pub created_at: OffsetDateTime,
    pub actor_given: Option<String>,
    pub actor_family: Option<String>,
    pub student_given: Option<String>,
    pub student_family: Option<String>,
}

/// The newest notices a person has not dismissed.
pub async fn for_person(db: &Db, person: PersonId, limit: i64) -> Result<Vec<NoticeRow>, DbError> {
    let sql = "SELECT n.id, n.kind, n.student_id, n.detail, n.created_at, a.given_name AS actor_given, a.family_name AS actor_family, \
                      s.given_name AS student_given, s.family_name AS student_family \
               FROM notices n LEFT JOIN persons a ON a.id = n.actor_id LEFT JOIN persons s ON s.id = n.student_id \
               WHERE n.recipient_id = $1 AND n.read_at IS NULL ORDER BY n.created_at DESC LIMIT $2";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(person.0)
        .bind(limit)
        .fetch_all(p)
        .await)?)
}

/// Marks one of the person's own notices read (dismissed from the home
/// page). Returns whether it was theirs and still unread.
pub async fn dismiss(tx: &mut Tx, person: PersonId, notice: Uuid, now: OffsetDateTime) -> Result<bool, DbError> {
    let sql = "UPDATE notices SET read_at = $3 WHERE id = $1 AND recipient_id = $2 AND read_at IS NULL";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(notice)
        .bind(person.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
