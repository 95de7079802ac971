//! Server-side sessions. The table is shared by every `ssp` process, so a
//! sign-out on one ends the session on all.

use sqlx::FromRow;
use ssp_domain::AccountId;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

pub async fn insert(
    tx: &mut Tx,
    token_hash: &str,
    account: AccountId,
    csrf_token: &str,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(token_hash)
        .bind(account.0)
        .bind(csrf_token)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// A live session joined with who it belongs to.
#[derive(Debug, Clone, FromRow)]
pub struct SessionRow {
    pub account_id: Uuid,
    pub person_id: Uuid,
    pub district_id: Uuid,
    pub csrf_token: String,
    pub created_at: OffsetDateTime,
    pub last_seen_at: OffsetDateTime,
    pub ui_language: Option<String>,
    pub disabled: bool,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    /// The district's time zone, if it chose one.
    pub time_zone: Option<String>,
}

pub async fn find(db: &Db, token_hash: &str) -> Result<Option<SessionRow>, DbError> {
    let sql = "SELECT s.account_id, a.person_id, p.district_id, s.csrf_token, s.created_at, s.last_seen_at, \
                      a.ui_language, a.disabled, p.given_name, p.family_name, p.preferred_name, d.time_zone \
               FROM sessions s JOIN accounts a ON a.id = s.account_id JOIN persons p ON p.id = a.person_id \
               LEFT JOIN orgs d ON d.id = p.district_id \
               WHERE s.token_hash = $1";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(token_hash)
        .fetch_optional(p)
        .await)?)
}

/// Moves the idle clock forward. Callers do this at most once a minute
/// per session so a busy page does not turn every read into a write.
pub async fn touch(db: &Db, token_hash: &str, now: OffsetDateTime) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    let sql = "UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1";
    with_tx!(&mut tx, |c| sqlx::query(sql)
        .bind(token_hash)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    tx.commit().await
}

pub async fn delete(tx: &mut Tx, token_hash: &str) -> Result<bool, DbError> {
    let sql = "DELETE FROM sessions WHERE token_hash = $1";
    let r = with_tx!(tx, |c| sqlx::query(sql)
        .bind(token_hash)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(r > 0)
}

/// Deletes sessions idle since `idle_before` or created before
/// `created_before`; returns how many.
pub async fn delete_expired(
    db: &Db,
    idle_before: OffsetDateTime,
    created_before: OffsetDateTime,
) -> Result<u64, DbError> {
    let mut tx = db.begin().await?;
    let sql = "DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2";
    let n = with_tx!(&mut tx, |c| sqlx::query(sql)
        .bind(idle_before)
        .bind(created_before)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(n)
}

pub async fn count_for_account(db: &Db, account: AccountId) -> Result<i64, DbError> {
    let sql = "SELECT COUNT(*) FROM sessions WHERE account_id = $1";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(account.0)
        .fetch_one(p)
        .await)?)
}

/// Ends every session of an account; returns how many.
pub async fn delete_for_account(tx: &mut Tx, account: AccountId) -> Result<u64, DbError> {
    let sql = "DELETE FROM sessions WHERE account_id = $1";
    Ok(with_tx!(tx, |c| sqlx::query(sql)
        .bind(account.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}
