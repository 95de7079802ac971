//! Sign-in accounts.

use sqlx::FromRow;
use ssp_domain::{AccountId, PersonId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone)]
pub struct NewAccount<'a> {
    pub id: AccountId,
    pub person_id: PersonId,
    pub username: &'a str,
    pub email: Option<&'a str>,
    pub password_hash: &'a str,
    pub ui_language: Option<&'a str>,
    pub now: OffsetDateTime,
}

/// Creates an account. A taken username or email is `DbError::Conflict`
/// with constraint `accounts_username_uq` or `accounts_email_uq`.
pub async fn insert(tx: &mut Tx, a: &NewAccount<'_>) -> Result<(), DbError> {
    let sql =
        "INSERT INTO accounts (id, person_id, username, email, password_hash, ui_language, disabled, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, FALSE, $7)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(a.id.0)
        .bind(a.person_id.0)
        .bind(a.username)
        .bind(a.email)
        .bind(a.password_hash)
        .bind(a.ui_language)
        .bind(a.now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// What sign-in needs to know about an account.
#[derive(Debug, Clone, FromRow)]
pub struct LoginAccount {
    pub id: Uuid,
    pub person_id: Uuid,
    pub district_id: Uuid,
    pub password_hash: String,
    pub disabled: bool,
    /// The person is active (a roster import deactivates people who left).
    pub person_active: bool,
}

/// Finds the account whose username or email is `login` (lower-cased).
pub async fn find_by_login(db: &Db, login: &str) -> Result<Option<LoginAccount>, DbError> {
    let sql =
        "SELECT a.id, a.person_id, p.district_id, a.password_hash, a.disabled, (p.status = 'active') AS person_active \
               FROM accounts a JOIN persons p ON p.id = a.person_id \
               WHERE a.username = $1 OR a.email = $1 \
               ORDER BY CASE WHEN a.username = $1 THEN 0 ELSE 1 END LIMIT 1";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(login)
        .fetch_optional(p)
        .await)?)
}

pub async fn record_sign_in(tx: &mut Tx, id: AccountId, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "UPDATE accounts SET last_sign_in_at = $2 WHERE id = $1";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Remembers the page language a person picked.
pub async fn set_ui_language(tx: &mut Tx, id: AccountId, lang: &str) -> Result<(), DbError> {
    let sql = "UPDATE accounts SET ui_language = $2 WHERE id = $1";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id.0)
        .bind(lang)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn count(db: &Db) -> Result<i64, DbError> {
    Ok(with_reader!(db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM accounts"
    )
    .fetch_one(p)
    .await)?)
}
