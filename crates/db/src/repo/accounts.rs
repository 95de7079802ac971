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

/// A rostered person who has no account yet.
#[derive(Debug, Clone, FromRow)]
pub struct Unaccounted {
    pub id: Uuid,
    pub email: Option<String>,
    pub source_id: Option<String>,
    pub preferred_language: String,
    /// The roster's `username`, as the last import kept it.
    pub roster_username: Option<String>,
}

/// The district's active students, guardians and staff with no account.
pub async fn rostered_without_account(tx: &mut Tx, district: Uuid) -> Result<Vec<Unaccounted>, DbError> {
    let sql = "SELECT p.id, p.email, p.source_id, p.preferred_language, p.roster_username FROM persons p \
               WHERE p.district_id = $1 AND p.status = 'active' \
                 AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = p.id) \
                 AND (EXISTS (SELECT 1 FROM students s WHERE s.person_id = p.id AND s.status = 'active') \
                   OR EXISTS (SELECT 1 FROM guardian_links g WHERE g.guardian_id = p.id AND g.status = 'active') \
                   OR EXISTS (SELECT 1 FROM staff_assignments t WHERE t.person_id = p.id AND t.status = 'active')) \
               ORDER BY p.id";
    Ok(with_tx!(tx, |c| sqlx::query_as(sql)
        .bind(district)
        .fetch_all(&mut *c)
        .await)?)
}

/// Every username and account email in use (both are unique across the
/// whole instance).
pub async fn taken_names(tx: &mut Tx) -> Result<Vec<(String, Option<String>)>, DbError> {
    Ok(with_tx!(tx, |c| sqlx::query_as(
        "SELECT username, email FROM accounts"
    )
    .fetch_all(&mut *c)
    .await)?)
}

/// A person of the district as the accounts page lists them.
#[derive(Debug, Clone, FromRow)]
pub struct AccountListing {
    pub person_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub person_active: bool,
    pub account_id: Option<Uuid>,
    pub username: Option<String>,
    /// A password is set (the stored hash is a PHC string, not `!`).
    pub has_password: Option<bool>,
    pub disabled: Option<bool>,
    pub last_sign_in_at: Option<OffsetDateTime>,
    pub sessions: i64,
}

/// People of `district` whose given, family or preferred name, username or
/// email starts with `q` (lower-cased by the caller), by family name.
pub async fn search_district(db: &Db, district: Uuid, q: &str, limit: i64) -> Result<Vec<AccountListing>, DbError> {
    let sql = "SELECT p.id AS person_id, p.given_name, p.family_name, p.preferred_name, (p.status = 'active') AS person_active, \
                      a.id AS account_id, a.username, (a.password_hash LIKE '$%') AS has_password, a.disabled, a.last_sign_in_at, \
                      (SELECT COUNT(*) FROM sessions s WHERE s.account_id = a.id) AS sessions \
               FROM persons p LEFT JOIN accounts a ON a.person_id = p.id \
               WHERE p.district_id = $1 AND (lower(p.given_name) LIKE $2 OR lower(p.family_name) LIKE $2 \
                     OR lower(p.preferred_name) LIKE $2 OR a.username LIKE $2 OR lower(p.email) LIKE $2) \
               ORDER BY p.family_name, p.given_name, p.id LIMIT $3";
    let pattern = format!("{}%", q.replace(['%', '_', '\\'], ""));
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(district)
        .bind(pattern)
        .bind(limit)
        .fetch_all(p)
        .await)?)
}

/// The account's person, if the account belongs to `district`.
pub async fn person_in_district(tx: &mut Tx, district: Uuid, account: AccountId) -> Result<Option<Uuid>, DbError> {
    let sql = "SELECT a.person_id FROM accounts a JOIN persons p ON p.id = a.person_id WHERE a.id = $1 AND p.district_id = $2";
    Ok(with_tx!(tx, |c| sqlx::query_scalar(sql)
        .bind(account.0)
        .bind(district)
        .fetch_optional(&mut *c)
        .await)?)
}

pub async fn set_disabled(tx: &mut Tx, id: AccountId, disabled: bool) -> Result<(), DbError> {
    let sql = "UPDATE accounts SET disabled = $2 WHERE id = $1";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id.0)
        .bind(disabled)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Whether an account may sign in, and whose it is.
#[derive(Debug, Clone, FromRow)]
pub struct SignInState {
    pub person_id: Uuid,
    pub district_id: Uuid,
    pub disabled: bool,
    pub person_active: bool,
}

pub async fn sign_in_state(tx: &mut Tx, id: AccountId) -> Result<Option<SignInState>, DbError> {
    let sql = "SELECT a.person_id, p.district_id, a.disabled, (p.status = 'active') AS person_active \
               FROM accounts a JOIN persons p ON p.id = a.person_id WHERE a.id = $1";
    Ok(with_tx!(tx, |c| sqlx::query_as(sql)
        .bind(id.0)
        .fetch_optional(&mut *c)
        .await)?)
}
