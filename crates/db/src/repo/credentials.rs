//! Passwords, email confirmation, two-factor secrets, recovery codes, the
//! two-factor step of sign-in, and ending an account's sessions.

use sqlx::FromRow;
use ssp_domain::{AccountId, PersonId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

/// An account with what setting a password, sending it mail and its
/// second factor need.
#[derive(Debug, Clone, FromRow)]
pub struct AccountRow {
    pub id: Uuid,
    pub person_id: Uuid,
    pub district_id: Uuid,
    pub username: String,
    pub email: Option<String>,
    pub password_hash: String,
    pub ui_language: Option<String>,
    pub preferred_language: String,
    pub given_name: String,
    pub family_name: String,
    pub disabled: bool,
    pub person_active: bool,
    pub totp_secret: Option<String>,
    pub totp_enabled_at: Option<OffsetDateTime>,
    pub totp_last_step: Option<i64>,
}

const ACCOUNT_SQL: &str =
    "SELECT a.id, a.person_id, p.district_id, a.username, a.email, a.password_hash, a.ui_language, \
     p.preferred_language, p.given_name, p.family_name, a.disabled, (p.status = 'active') AS person_active, \
     a.totp_secret, a.totp_enabled_at, a.totp_last_step \
     FROM accounts a JOIN persons p ON p.id = a.person_id";

pub async fn account(db: &Db, id: AccountId) -> Result<Option<AccountRow>, DbError> {
    let sql = format!("{ACCOUNT_SQL} WHERE a.id = $1");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(id.0)
        .fetch_optional(p)
        .await)?)
}

pub async fn account_of_person(db: &Db, person: PersonId) -> Result<Option<AccountRow>, DbError> {
    let sql = format!("{ACCOUNT_SQL} WHERE a.person_id = $1");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(person.0)
        .fetch_optional(p)
        .await)?)
}

/// The account whose username or email is `login` (lower-cased).
pub async fn account_by_login(db: &Db, login: &str) -> Result<Option<AccountRow>, DbError> {
    let sql = format!(
        "{ACCOUNT_SQL} WHERE a.username = $1 OR a.email = $1 ORDER BY CASE WHEN a.username = $1 THEN 0 ELSE 1 END LIMIT 1"
    );
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(login)
        .fetch_optional(p)
        .await)?)
}

pub async fn set_password(tx: &mut Tx, account: AccountId, hash: &str) -> Result<(), DbError> {
    with_tx!(tx, |c| sqlx::query(
        "UPDATE accounts SET password_hash = $2 WHERE id = $1"
    )
    .bind(account.0)
    .bind(hash)
    .execute(&mut *c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Sets the account's email (the address a link proved) as confirmed. A
/// taken address is `DbError::Conflict { constraint: "accounts_email_uq" }`.
pub async fn confirm_email(tx: &mut Tx, account: AccountId, email: &str, now: OffsetDateTime) -> Result<(), DbError> {
    with_tx!(tx, |c| sqlx::query(
        "UPDATE accounts SET email = $2, email_confirmed_at = $3 WHERE id = $1"
    )
    .bind(account.0)
    .bind(email)
    .bind(now)
    .execute(&mut *c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Ends the account's sessions but `keep` (the token hash of the session
/// that made the change); returns how many ended.
pub async fn end_sessions(tx: &mut Tx, account: AccountId, keep: Option<&str>) -> Result<u64, DbError> {
    let sql = "DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(account.0)
        .bind(keep.unwrap_or(""))
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))
    .map_err(Into::into)
}

/// Creates an account with no password (`'!'`, the convention for
/// accounts that sign in by SSO or wait for an invitation).
pub async fn insert_without_password(
    tx: &mut Tx,
    person: PersonId,
    username: &str,
    ui_language: &str,
    now: OffsetDateTime,
) -> Result<AccountId, DbError> {
    let id = AccountId(Uuid::now_v7());
    let sql =
        "INSERT INTO accounts (id, person_id, username, email, password_hash, ui_language, disabled, created_at) \
               VALUES ($1, $2, $3, NULL, '!', $4, FALSE, $5)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id.0)
        .bind(person.0)
        .bind(username)
        .bind(ui_language)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

/// Whether a username is taken.
pub async fn username_taken(tx: &mut Tx, username: &str) -> Result<bool, DbError> {
    let n: i64 = with_tx!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM accounts WHERE username = $1"
    )
    .bind(username)
    .fetch_one(&mut *c)
    .await)?;
    Ok(n > 0)
}

// ---- two-factor ------------------------------------------------------------

/// Turns TOTP on with this secret (base32) and replaces the recovery codes.
pub async fn enable_totp(
    tx: &mut Tx,
    account: AccountId,
    secret: &str,
    step: i64,
    recovery_hashes: &[String],
    now: OffsetDateTime,
) -> Result<(), DbError> {
    with_tx!(tx, |c| {
        sqlx::query("UPDATE accounts SET totp_secret = $2, totp_enabled_at = $3, totp_last_step = $4 WHERE id = $1")
            .bind(account.0)
            .bind(secret)
            .bind(now)
            .bind(step)
            .execute(&mut *c)
            .await?;
        sqlx::query("DELETE FROM mfa_recovery_codes WHERE account_id = $1")
            .bind(account.0)
            .execute(&mut *c)
            .await?;
        for h in recovery_hashes {
            sqlx::query("INSERT INTO mfa_recovery_codes (account_id, code_hash) VALUES ($1, $2)")
                .bind(account.0)
                .bind(h)
                .execute(&mut *c)
                .await?;
        }
        Ok::<u64, sqlx::Error>(0)
    })?;
    Ok(())
}

/// Records that the code of time step `step` was used, if no code of this
/// or a later step was; `false` means a replayed code.
pub async fn advance_totp_step(tx: &mut Tx, account: AccountId, step: i64) -> Result<bool, DbError> {
    let sql =
        "UPDATE accounts SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(account.0)
        .bind(step)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Uses a recovery code once; `false` when it is unknown or used.
pub async fn use_recovery_code(
    tx: &mut Tx,
    account: AccountId,
    code_hash: &str,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE mfa_recovery_codes SET used_at = $3 WHERE account_id = $1 AND code_hash = $2 AND used_at IS NULL";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(account.0)
        .bind(code_hash)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

pub async fn recovery_codes_left(db: &Db, account: AccountId) -> Result<i64, DbError> {
    let sql = "SELECT COUNT(*) FROM mfa_recovery_codes WHERE account_id = $1 AND used_at IS NULL";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(account.0)
        .fetch_one(p)
        .await)?)
}

/// The step between a right password and a session.
#[derive(Debug, Clone, FromRow)]
pub struct Challenge {
    pub account_id: Uuid,
    pub created_at: OffsetDateTime,
    pub attempts: i64,
    /// A secret offered for enrolment, not yet confirmed by a code.
    pub pending_secret: Option<String>,
}

pub async fn insert_challenge(
    tx: &mut Tx,
    token_hash: &str,
    account: AccountId,
    pending_secret: Option<&str>,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO mfa_challenges (token_hash, account_id, created_at, attempts, pending_secret) VALUES ($1, $2, $3, 0, $4)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(token_hash)
        .bind(account.0)
        .bind(now)
        .bind(pending_secret)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn challenge(db: &Db, token_hash: &str) -> Result<Option<Challenge>, DbError> {
    let sql = "SELECT account_id, created_at, attempts, pending_secret FROM mfa_challenges WHERE token_hash = $1";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(token_hash)
        .fetch_optional(p)
        .await)?)
}

pub async fn count_challenge_attempt(tx: &mut Tx, token_hash: &str) -> Result<(), DbError> {
    with_tx!(tx, |c| sqlx::query(
        "UPDATE mfa_challenges SET attempts = attempts + 1 WHERE token_hash = $1"
    )
    .bind(token_hash)
    .execute(&mut *c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn delete_challenge(tx: &mut Tx, token_hash: &str) -> Result<(), DbError> {
    with_tx!(tx, |c| sqlx::query("DELETE FROM mfa_challenges WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Staff roles of a person (active assignments), as stored.
pub async fn staff_roles(db: &Db, person: PersonId) -> Result<Vec<String>, DbError> {
    let sql = "SELECT DISTINCT role FROM staff_assignments WHERE person_id = $1 AND status = 'active'";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(person.0)
        .fetch_all(p)
        .await)?)
}
