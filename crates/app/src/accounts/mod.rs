//! Sign-in accounts and their credentials:
//! - `prepare`: an account for every active rostered student, guardian and
//!   staff member who has none, with no password (single sign-on until an
//!   invitation is accepted); `manage`: the district administrator's
//!   accounts page (search, disable, enable, end all sessions);
//! - passwords (hashing, changing one's own, the strength rule at every
//!   place a password is set), family invitations, password reset by email,
//!   two-factor sign-in (TOTP with recovery codes), and the district's
//!   sign-in settings. One-time links keep only their SHA-256
//!   (`secret.rs`). Mail goes through `crate::mail`'s outbox.

pub mod invitations;
pub mod manage;
pub mod mfa;
pub mod password;
pub mod passwords;
pub mod prepare;
pub mod reset;
pub mod secret;
pub mod settings;

use ssp_db::repo::account_tokens::{self, TokenRow};
use ssp_db::repo::audit::AuditEvent;
use ssp_db::repo::credentials::AccountRow;
use ssp_domain::audit::AuditAction;
use ssp_domain::person::NewPassword;
use ssp_domain::{Language, OrgId, PersonId};
use time::OffsetDateTime;

use crate::error::Error;
use crate::App;

/// The words an attacker tries first against this person's password.
pub fn personal_words(username: &str, email: Option<&str>, given: &str, family: &str) -> Vec<String> {
    let mut words = vec![username.to_owned(), given.to_owned(), family.to_owned()];
    if let Some(e) = email {
        words.push(e.to_owned());
        if let Some(local) = e.split('@').next() {
            words.push(local.to_owned());
        }
    }
    words
}

/// Parses a new password against the account's personal words (and an
/// address a link was sent to, which may not be on the account yet).
pub fn parse_new_password(raw: &str, a: &AccountRow, also: Option<&str>) -> Result<NewPassword, Error> {
    let mut words = personal_words(&a.username, a.email.as_deref(), &a.given_name, &a.family_name);
    if let Some(e) = also {
        words.extend(personal_words("", Some(e), "", ""));
    }
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    NewPassword::parse_for(raw, &refs).map_err(Error::Invalid)
}

/// The language a person reads mail in: the one they picked for pages,
/// else their roster language.
pub fn mail_language(ui: Option<&str>, preferred: &str) -> Language {
    ui.and_then(|l| Language::parse(l).ok())
        .or_else(|| Language::parse(preferred).ok())
        .unwrap_or(Language::En)
}

/// Why a one-time link or code does not open: never issued (or mistyped),
/// already used, or expired. Each has its own message.
pub(crate) async fn open_token(app: &App, hash: &str, kind: &str) -> Result<TokenRow, Error> {
    let row = account_tokens::find(app.db(), hash, kind)
        .await?
        .ok_or_else(|| Error::invalid("link_unknown", "no such link"))?;
    if row.used_at.is_some() {
        return Err(Error::invalid("link_used", "already used"));
    }
    if row.expires_at <= app.now() {
        return Err(Error::invalid("link_expired", "expired"));
    }
    if row.disabled || !row.person_active {
        return Err(Error::invalid("link_unknown", "account not active"));
    }
    Ok(row)
}

/// An audit row about an account, written by its owner or by staff.
pub(crate) fn account_event(
    action: AuditAction,
    now: OffsetDateTime,
    actor: Option<PersonId>,
    district: OrgId,
    request_id: &str,
) -> AuditEvent {
    let mut ev = AuditEvent::new(action, now);
    ev.actor = actor;
    ev.district_id = Some(district);
    ev.record_kind = Some("account");
    ev.request_id = Some(request_id.to_owned());
    ev
}
