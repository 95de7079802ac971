//! One-time account links: invitations and password resets. Only the
//! SHA-256 of a token (or of a letter's code) is stored.

use sqlx::FromRow;
use ssp_domain::{AccountId, OrgId, PersonId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone)]
pub struct NewToken<'a> {
    pub token_hash: &'a str,
    /// `invitation` or `reset`.
    pub kind: &'static str,
    pub account: AccountId,
    pub district: OrgId,
    /// The address the link was sent to (confirmed when it is used).
    pub email: Option<&'a str>,
    /// `email`, `letter` or `link` (shown to copy).
    pub channel: &'static str,
    pub created_by: Option<PersonId>,
    pub now: OffsetDateTime,
    pub expires_at: OffsetDateTime,
}

pub async fn insert(tx: &mut Tx, t: &NewToken<'_>) -> Result<(), DbError> {
    let sql = "INSERT INTO account_tokens (token_hash, kind, account_id, district_id, email, channel, created_by, created_at, expires_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(t.token_hash)
        .bind(t.kind)
        .bind(t.account.0)
        .bind(t.district.0)
        .bind(t.email)
        .bind(t.channel)
        .bind(t.created_by.map(|p| p.0))
        .bind(t.now)
        .bind(t.expires_at)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// A stored token with the account it opens.
#[derive(Debug, Clone, FromRow)]
pub struct TokenRow {
    pub account_id: Uuid,
    pub person_id: Uuid,
    pub district_id: Uuid,
    pub email: Option<String>,
    pub expires_at: OffsetDateTime,
    pub used_at: Option<OffsetDateTime>,
    pub username: String,
    pub given_name: String,
    pub family_name: String,
    pub preferred_language: String,
    pub ui_language: Option<String>,
    pub disabled: bool,
    pub person_active: bool,
}

/// The token of this kind with this hash, used or not, expired or not (the
/// caller tells the person which).
pub async fn find(db: &Db, token_hash: &str, kind: &str) -> Result<Option<TokenRow>, DbError> {
    let sql = "SELECT t.account_id, a.person_id, t.district_id, t.email, t.expires_at, t.used_at, a.username, \
                      p.given_name, p.family_name, p.preferred_language, a.ui_language, a.disabled, (p.status = 'active') AS person_active \
               FROM account_tokens t JOIN accounts a ON a.id = t.account_id JOIN persons p ON p.id = a.person_id \
               WHERE t.token_hash = $1 AND t.kind = $2";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(token_hash)
        .bind(kind)
        .fetch_optional(p)
        .await)?)
}

/// Marks the token used, if it still was unused and unexpired; `false`
/// when another request used it first (so a link works exactly once).
pub async fn use_once(tx: &mut Tx, token_hash: &str, now: OffsetDateTime) -> Result<bool, DbError> {
    let sql = "UPDATE account_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(token_hash)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Ends every unused token of `kind` for the account (a new invitation
/// replaces the old; a reset ends the other reset links).
pub async fn revoke_unused(tx: &mut Tx, account: AccountId, kind: &str, now: OffsetDateTime) -> Result<u64, DbError> {
    let sql = "UPDATE account_tokens SET expires_at = $3 WHERE account_id = $1 AND kind = $2 AND used_at IS NULL AND expires_at > $3";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(account.0)
        .bind(kind)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))
    .map_err(Into::into)
}

/// How many tokens of `kind` the account got since `since`.
pub async fn count_recent(db: &Db, account: AccountId, kind: &str, since: OffsetDateTime) -> Result<i64, DbError> {
    let sql = "SELECT COUNT(*) FROM account_tokens WHERE account_id = $1 AND kind = $2 AND created_at > $3";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(account.0)
        .bind(kind)
        .bind(since)
        .fetch_one(p)
        .await)?)
}
