//! The email outbox (see `docs/EMAIL.md`): rows written in the transaction
//! of the change that causes them, claimed by the sender with a lease,
//! marked sent or pushed back after a failure. A row is never deleted
//! before it is sent.

use sqlx::FromRow;
use ssp_domain::OrgId;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

/// An email to send.
#[derive(Debug, Clone)]
pub struct NewEmail<'a> {
    pub district: Option<OrgId>,
    /// What it is about (`invitation`, `password_reset`), for operators.
    pub kind: &'static str,
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

/// Queues an email in the caller's transaction: it is sent only if that
/// transaction commits.
pub async fn enqueue(tx: &mut Tx, e: &NewEmail<'_>, now: OffsetDateTime) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO outbox (id, district_id, kind, to_address, subject, body_text, created_at, attempts, next_attempt_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $7)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(e.district.map(|d| d.0))
        .bind(e.kind)
        .bind(e.to)
        .bind(e.subject)
        .bind(e.body)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

/// A claimed row.
#[derive(Debug, Clone, FromRow)]
pub struct OutboxRow {
    pub id: Uuid,
    pub kind: String,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    pub attempts: i64,
}

/// Claims up to `limit` due rows for `lease`: their `next_attempt_at`
/// moves to `now + lease` and `attempts` goes up, so another sender (or
/// this one after a crash) takes them again only once the lease is over.
/// On PostgreSQL the rows are locked with `FOR UPDATE SKIP LOCKED`, so
/// several `ssp serve` processes never claim the same row; SQLite has one
/// writer.
pub async fn claim_due(db: &Db, now: OffsetDateTime, lease: Duration, limit: i64) -> Result<Vec<OutboxRow>, DbError> {
    let mut tx = db.begin().await?;
    let select_lite = "SELECT id, kind, to_address, subject, body_text, attempts FROM outbox \
                       WHERE sent_at IS NULL AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2";
    let select_pg = "SELECT id, kind, to_address, subject, body_text, attempts FROM outbox \
                     WHERE sent_at IS NULL AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2 \
                     FOR UPDATE SKIP LOCKED";
    let update = "UPDATE outbox SET next_attempt_at = $2, attempts = attempts + 1 WHERE id = $1";
    let rows: Vec<OutboxRow> = match &mut tx {
        Tx::Sqlite(c) => {
            sqlx::query_as(select_lite)
                .bind(now)
                .bind(limit)
                .fetch_all(&mut **c)
                .await?
        }
        Tx::Postgres(c) => {
            sqlx::query_as(select_pg)
                .bind(now)
                .bind(limit)
                .fetch_all(&mut **c)
                .await?
        }
    };
    for r in &rows {
        with_tx!(&mut tx, |c| sqlx::query(update)
            .bind(r.id)
            .bind(now + lease)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected()))?;
    }
    tx.commit().await?;
    Ok(rows
        .into_iter()
        .map(|r| OutboxRow {
            attempts: r.attempts + 1,
            ..r
        })
        .collect())
}

pub async fn mark_sent(db: &Db, id: Uuid, now: OffsetDateTime) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    with_tx!(&mut tx, |c| sqlx::query(
        "UPDATE outbox SET sent_at = $2, last_error = NULL WHERE id = $1"
    )
    .bind(id)
    .bind(now)
    .execute(&mut *c)
    .await
    .map(|r| r.rows_affected()))?;
    tx.commit().await
}

/// Records a failed attempt; the row is due again at `next`.
pub async fn mark_failed(db: &Db, id: Uuid, next: OffsetDateTime, error: &str) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    let error: String = error.chars().take(500).collect();
    with_tx!(&mut tx, |c| sqlx::query(
        "UPDATE outbox SET next_attempt_at = $2, last_error = $3 WHERE id = $1"
    )
    .bind(id)
    .bind(next)
    .bind(&error)
    .execute(&mut *c)
    .await
    .map(|r| r.rows_affected()))?;
    tx.commit().await
}

/// What an operator (and a test) reads about the queue.
#[derive(Debug, Clone, FromRow)]
pub struct OutboxStatus {
    pub id: Uuid,
    pub kind: String,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    pub attempts: i64,
    pub next_attempt_at: OffsetDateTime,
    pub last_error: Option<String>,
    pub sent_at: Option<OffsetDateTime>,
}

/// Every row, oldest first.
pub async fn all(db: &Db) -> Result<Vec<OutboxStatus>, DbError> {
    let sql = "SELECT id, kind, to_address, subject, body_text, attempts, next_attempt_at, last_error, sent_at \
               FROM outbox ORDER BY created_at, id";
    Ok(with_reader!(db, |p| sqlx::query_as(sql).fetch_all(p).await)?)
}
