//! Password reset by email: the request answers the same whether or not an
//! account has that name or address (the page never says); a link lasts an
//! hour and works once; completing it sets the password, ends every
//! session of the account and lifts the sign-in back-off on its names, so
//! a locked-out person gets back in through the link.

use ssp_db::repo::account_tokens::{self, NewToken};
use ssp_db::repo::credentials::{self, AccountRow};
use ssp_db::repo::{address_throttle, audit, throttle};
use ssp_domain::audit::AuditAction;
use ssp_domain::auth::SignInThrottle;
use ssp_domain::{AccountId, OrgId, PersonId};
use time::Duration;

use super::secret::{link_token, looks_like_link_token, sha256_hex};
use super::{account_event, mail_language, open_token, parse_new_password, password};
use crate::error::Error;
use crate::mail::{self, Mail};
use crate::App;

/// How long a reset link works.
pub const LINK_LIFETIME: Duration = Duration::hours(1);
/// Reset emails one account gets per hour at most (more requests are
/// answered the same but send nothing).
pub const PER_ACCOUNT_PER_HOUR: i64 = 3;
/// Reset requests one address may make: 10 in 15 minutes, then a pause.
pub const PER_ADDRESS: SignInThrottle = SignInThrottle {
    max_failures: 10,
    window: Duration::minutes(15),
    lock: Duration::minutes(15),
    max_lock: Duration::hours(24),
};

fn address_key(address: &str) -> String {
    format!("reset\t{address}")
}

/// Asks for a reset link for `login_raw` (a username or an email address).
/// `Ok(())` whatever the login names; `Err(Conflict("reset_rate_limited"))`
/// when this address has asked too often (which says nothing about
/// accounts).
pub async fn request(
    app: &App,
    mail: &Mail<'_>,
    login_raw: &str,
    address: &str,
    request_id: &str,
) -> Result<(), Error> {
    let now = app.now();
    let key = address_key(address);
    let record = address_throttle::get(app.db(), &key).await?;
    if PER_ADDRESS.check(record.as_ref(), now).is_err() {
        return Err(Error::Conflict("reset_rate_limited"));
    }
    let login = login_raw.trim().to_lowercase();
    let mut tx = app.db().begin().await?;
    address_throttle::put(&mut tx, &key, &PER_ADDRESS.after_failure(record.as_ref(), now)).await?;
    let account = if login.is_empty() || login.len() > 254 {
        None
    } else {
        credentials::account_by_login(app.db(), &login).await?
    };
    let usable = account
        .filter(|a| a.email.is_some() && !a.disabled && a.person_active && a.password_hash != password::NO_PASSWORD);
    if let Some(a) = usable {
        let recent = recent_resets(app, &a).await?;
        if recent < PER_ACCOUNT_PER_HOUR && mail.smtp_configured {
            send_link(&mut tx, app, mail, &a, request_id).await?;
        } else if !mail.smtp_configured {
            tracing::warn!(request_id, "password reset asked for, but no SMTP server is configured");
        }
    }
    tx.commit().await?;
    Ok(())
}

async fn recent_resets(app: &App, a: &AccountRow) -> Result<i64, Error> {
    let since = app.now() - Duration::hours(1);
    Ok(account_tokens::count_recent(app.db(), AccountId(a.id), "reset", since).await?)
}

async fn send_link(
    tx: &mut ssp_db::Tx,
    app: &App,
    mail: &Mail<'_>,
    a: &AccountRow,
    request_id: &str,
) -> Result<(), Error> {
    let now = app.now();
    let token = link_token();
    let email = a.email.as_deref().unwrap_or_default();
    let district = OrgId(a.district_id);
    account_tokens::revoke_unused(tx, AccountId(a.id), "reset", now).await?;
    account_tokens::insert(
        tx,
        &NewToken {
            token_hash: &sha256_hex(&token),
            kind: "reset",
            account: AccountId(a.id),
            district,
            email: Some(email),
            channel: "email",
            created_by: None,
            now,
            expires_at: now + LINK_LIFETIME,
        },
    )
    .await?;
    let lang = mail_language(a.ui_language.as_deref(), &a.preferred_language);
    let link = format!("{}/password/reset/{token}", mail.public_url);
    let subject = mail.messages.text(lang, "mail-reset-subject", &[]);
    let body = mail.messages.text(
        lang,
        "mail-reset-body",
        &[
            ("name", a.given_name.clone()),
            ("link", link),
            ("username", a.username.clone()),
        ],
    );
    mail::queue(tx, Some(district), "password_reset", email, &subject, &body, now).await?;
    let mut ev = account_event(
        AuditAction::PasswordResetRequested,
        now,
        Some(PersonId(a.person_id)),
        district,
        request_id,
    );
    ev.record_id = Some(PersonId(a.person_id).to_string());
    audit::record(tx, &ev).await?;
    Ok(())
}

/// Who a reset link is for (to greet them on the form).
#[derive(Debug, Clone)]
pub struct ResetLink {
    pub given_name: String,
    pub username: String,
}

/// Opens a reset link: forged, used and expired links are refused with
/// their own codes (`link_unknown`, `link_used`, `link_expired`).
pub async fn open(app: &App, token: &str) -> Result<ResetLink, Error> {
    if !looks_like_link_token(token) {
        return Err(Error::invalid("link_unknown", "not a link token"));
    }
    let row = open_token(app, &sha256_hex(token), "reset").await?;
    Ok(ResetLink {
        given_name: row.given_name,
        username: row.username,
    })
}

/// Sets the new password from a reset link; every session of the account
/// ends and the back-off on its username and email is lifted.
pub async fn complete(app: &App, token: &str, new_raw: &str, request_id: &str) -> Result<ResetLink, Error> {
    if !looks_like_link_token(token) {
        return Err(Error::invalid("link_unknown", "not a link token"));
    }
    let hash_of_token = sha256_hex(token);
    let row = open_token(app, &hash_of_token, "reset").await?;
    let account = credentials::account(app.db(), AccountId(row.account_id))
        .await?
        .ok_or_else(|| Error::invalid("link_unknown", "account gone"))?;
    let new = parse_new_password(new_raw, &account, row.email.as_deref())?;
    let hash = password::hash(&new).await?;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    if !account_tokens::use_once(&mut tx, &hash_of_token, now).await? {
        return Err(Error::invalid("link_used", "used meanwhile"));
    }
    credentials::set_password(&mut tx, AccountId(account.id), &hash).await?;
    let ended = credentials::end_sessions(&mut tx, AccountId(account.id), None).await?;
    throttle::clear(&mut tx, &account.username).await?;
    if let Some(e) = &account.email {
        throttle::clear(&mut tx, e).await?;
    }
    let mut ev = account_event(
        AuditAction::PasswordReset,
        now,
        Some(PersonId(account.person_id)),
        OrgId(account.district_id),
        request_id,
    );
    ev.record_id = Some(PersonId(account.person_id).to_string());
    ev.detail = Some(format!("sessions_ended={ended}"));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(ResetLink {
        given_name: row.given_name,
        username: account.username,
    })
}
