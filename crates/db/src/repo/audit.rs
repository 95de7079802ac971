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
