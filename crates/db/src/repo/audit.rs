//! The append-only audit log. Rows are written inside the transaction of
//! the change they record, so a change and its audit row commit together.

use sqlx::FromRow;
use ssp_domain::audit::AuditAction;
use ssp_domain::{AuditEventId, OrgId, PersonId, StudentId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone)]
pub struct AuditEvent {
    pub at: OffsetDateTime,
    pub district_id: Option<OrgId>,
    pub actor: Option<PersonId>,
    pub action: AuditAction,
    pub student: Option<StudentId>,
    pub record_kind: Option<&'static str>,
    pub record_id: Option<String>,
    pub request_id: Option<String>,
    /// Free text for the auditor; never a student's name.
    pub detail: Option<String>,
}

impl AuditEvent {
    pub fn new(action: AuditAction, at: OffsetDateTime) -> Self {
        Self {
            at,
            district_id: None,
            actor: None,
            action,
            student: None,
            record_kind: None,
            record_id: None,
            request_id: None,
            detail: None,
        }
    }
}

pub async fn record(tx: &mut Tx, ev: &AuditEvent) -> Result<(), DbError> {
    let sql = "INSERT INTO audit_events (id, at, district_id, actor_person_id, action, student_id, record_kind, record_id, request_id, detail) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(AuditEventId::new().0)
        .bind(ev.at)
        .bind(ev.district_id.map(|d| d.0))
        .bind(ev.actor.map(|a| a.0))
        .bind(ev.action.as_str())
        .bind(ev.student.map(|s| s.0))
        .bind(ev.record_kind)
        .bind(ev.record_id.as_deref())
        .bind(ev.request_id.as_deref())
        .bind(ev.detail.as_deref())
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct AuditRow {
    pub at: OffsetDateTime,
    pub actor_person_id: Option<Uuid>,
    pub action: String,
    pub record_kind: Option<String>,
    pub record_id: Option<String>,
    pub request_id: Option<String>,
    pub detail: Option<String>,
}

/// The newest events first.
pub async fn recent(db: &Db, limit: i64) -> Result<Vec<AuditRow>, DbError> {
    let sql = "SELECT at, actor_person_id, action, record_kind, record_id, request_id, detail \
               FROM audit_events ORDER BY at DESC, id DESC LIMIT $1";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(limit)
        .fetch_all(p)
        .await)?)
}

/// Writes many events in one transaction (the web layer's group commit).
pub async fn record_many(tx: &mut Tx, events: &[AuditEvent]) -> Result<(), DbError> {
    crate::repo::bulk::bulk_insert!(
        tx,
        "INSERT INTO audit_events (id, at, district_id, actor_person_id, action, student_id, record_kind, record_id, \
         request_id, detail) ",
        events,
        10,
        |b, ev| b
            .push_bind(AuditEventId::new().0)
            .push_bind(ev.at)
            .push_bind(ev.district_id.map(|d| d.0))
            .push_bind(ev.actor.map(|a| a.0))
            .push_bind(ev.action.as_str())
            .push_bind(ev.student.map(|s| s.0))
            .push_bind(ev.record_kind)
            .push_bind(ev.record_id.as_deref())
            .push_bind(ev.request_id.as_deref())
            .push_bind(ev.detail.as_deref())
    )
}

/// One line of "who viewed my plan".
#[derive(Debug, Clone, FromRow)]
pub struct ViewRow {
    pub at: OffsetDateTime,
    pub action: String,
    pub record_kind: Option<String>,
    pub detail: Option<String>,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub preferred_name: Option<String>,
}

/// Reads of a student's records by anyone other than the student, newest first.
/// Views of a student's records by anyone but the student, newest first,
/// only of the record kinds named in `kinds` (the viewer's own reach: the
/// caller passes the kinds the access module lets the viewer see, so a
/// family is never told that a restricted note exists).
pub async fn views_of_student(
    db: &Db,
    student: StudentId,
    kinds: &[&str],
    limit: i64,
) -> Result<Vec<ViewRow>, DbError> {
    if kinds.is_empty() {
        return Ok(vec![]);
    }
    let placeholders: Vec<String> = (0..kinds.len()).map(|i| format!("${}", i + 3)).collect();
    let sql = format!(
        "SELECT e.at, e.action, e.record_kind, e.detail, p.given_name, p.family_name, p.preferred_name \
         FROM audit_events e LEFT JOIN persons p ON p.id = e.actor_person_id \
         WHERE e.student_id = $1 AND e.action IN ('record_viewed', 'break_glass') \
           AND (e.actor_person_id IS NULL OR e.actor_person_id <> $1) \
           AND e.record_kind IN ({}) \
         ORDER BY e.at DESC, e.id DESC LIMIT $2",
        placeholders.join(", ")
    );
    Ok(with_reader!(db, |p| {
        let mut q = sqlx::query_as(&sql).bind(student.0).bind(limit);
        for k in kinds {
            q = q.bind(*k);
        }
        q.fetch_all(p).await
    })?)
}

/// Filters for the district administrator's audit search.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub district: Option<OrgId>,
    pub student: Option<uuid::Uuid>,
    pub actor: Option<uuid::Uuid>,
    pub from: Option<OffsetDateTime>,
    pub until: Option<OffsetDateTime>,
}

#[derive(Debug, Clone, FromRow)]
pub struct AuditSearchRow {
    pub id: Uuid,
    pub at: OffsetDateTime,
    pub action: String,
    pub record_kind: Option<String>,
    pub record_id: Option<String>,
    pub request_id: Option<String>,
    pub detail: Option<String>,
    pub actor_person_id: Option<Uuid>,
    pub student_id: Option<Uuid>,
    pub actor_username: Option<String>,
    pub actor_given: Option<String>,
    pub actor_family: Option<String>,
    pub student_local_id: Option<String>,
}

/// Newest first; `before` continues after the last row of a previous page.
pub async fn search(
    db: &Db,
    f: &AuditFilter,
    before: Option<(OffsetDateTime, Uuid)>,
    limit: i64,
) -> Result<Vec<AuditSearchRow>, DbError> {
    let mut sql = String::from(
        "SELECT e.id, e.at, e.action, e.record_kind, e.record_id, e.request_id, e.detail, e.actor_person_id, e.student_id, \
                a.username AS actor_username, p.given_name AS actor_given, p.family_name AS actor_family, s.local_id AS student_local_id \
         FROM audit_events e LEFT JOIN accounts a ON a.person_id = e.actor_person_id \
         LEFT JOIN persons p ON p.id = e.actor_person_id LEFT JOIN students s ON s.person_id = e.student_id WHERE 1 = 1",
    );
    // Each optional filter gets a fixed parameter number, so one statement
    // text serves every combination on both engines.
    sql.push_str(" AND ($1 IS NULL OR e.district_id = $1)");
    sql.push_str(" AND ($2 IS NULL OR e.student_id = $2)");
    sql.push_str(" AND ($3 IS NULL OR e.actor_person_id = $3)");
    sql.push_str(" AND ($4 IS NULL OR e.at >= $4)");
    sql.push_str(" AND ($5 IS NULL OR e.at < $5)");
    sql.push_str(" AND ($6 IS NULL OR e.at < $6 OR (e.at = $6 AND e.id < $7))");
    sql.push_str(" ORDER BY e.at DESC, e.id DESC LIMIT $8");
    let sql = match db {
        // PostgreSQL needs the types of parameters that only meet NULL.
        Db::Postgres(_) => sql
            .replace("$1 IS NULL", "$1::uuid IS NULL")
            .replace("$2 IS NULL", "$2::uuid IS NULL")
            .replace("$3 IS NULL", "$3::uuid IS NULL")
            .replace("$4 IS NULL", "$4::timestamptz IS NULL")
            .replace("$5 IS NULL", "$5::timestamptz IS NULL")
            .replace("$6 IS NULL", "$6::timestamptz IS NULL"),
        Db::Sqlite(_) => sql,
    };
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(f.district.map(|d| d.0))
        .bind(f.student)
        .bind(f.actor)
        .bind(f.from)
        .bind(f.until)
        .bind(before.map(|b| b.0))
        .bind(before.map(|b| b.1))
        .bind(limit)
        .fetch_all(p)
        .await)?)
}
