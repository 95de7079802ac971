//! The sign-in and sign-out services: each opens one transaction, makes
//! its change and writes its audit row in it.

use ssp_app::accounts::mfa::{self, SecondFactor};
use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::repo::{accounts, address_throttle, credentials, sessions, throttle};
use ssp_domain::audit::AuditAction;
use ssp_domain::{AccountId, OrgId, PersonId};
use time::OffsetDateTime;

use super::{password, token};
use crate::context::Session;
use crate::error::AppError;
use crate::state::AppState;

#[derive(Debug)]
pub enum SignInOutcome {
    /// Signed in; `token` goes into the session cookie.
    SignedIn { token: String },
    /// The password was right; a second factor comes next. `challenge`
    /// goes into the `ssp_mfa` cookie; `enrol` when the district requires
    /// two-factor and the person has not set it up.
    SecondFactor { challenge: String, enrol: bool },
    /// Wrong login or password (which one is never said).
    Failed,
    /// Too many failures for this login name or from this address; try
    /// again after `until`.
    Locked { until: OffsetDateTime },
    /// The password was right, but the account is deactivated (the person
    /// left the roster): only someone who knows the password learns this.
    Deactivated,
}

/// Normalises what a person typed as their login (username or email).
pub fn normalise_login(raw: &str) -> String {
    raw.trim().to_lowercase()
}

pub async fn sign_in(
    state: &AppState,
    login_raw: &str,
    password_typed: &str,
    previous_session: Option<&str>,
    address: &str,
    request_id: &str,
) -> Result<SignInOutcome, AppError> {
    let login = normalise_login(login_raw);
    let now = state.now();
    let rules = state.config().throttle;
    let address_rules = state.config().address_throttle;
    let record = throttle::get(state.db(), &login).await?;
    let address_record = address_throttle::get(state.db(), address).await?;
    let locked = rules
        .check(record.as_ref(), now)
        .err()
        .into_iter()
        .chain(address_rules.check(address_record.as_ref(), now).err())
        .max();
    if let Some(until) = locked {
        let mut tx = state.db().begin().await?;
        let mut ev = AuditEvent::new(AuditAction::SignInLocked, now);
        ev.request_id = Some(request_id.to_owned());
        audit::record(&mut tx, &ev).await?;
        tx.commit().await?;
        return Ok(SignInOutcome::Locked { until });
    }
    let account = if login.is_empty() || login.len() > 254 {
        None
    } else {
        accounts::find_by_login(state.db(), &login).await?
    };
    let ok = password::verify(
        account.as_ref().map(|a| a.password_hash.clone()),
        password_typed.to_owned(),
    )
    .await?;
    let deactivated = account.as_ref().filter(|a| ok && (a.disabled || !a.person_active));
    if let Some(a) = deactivated {
        // Not counted towards the back-off: the password was right.
        let mut tx = state.db().begin().await?;
        let mut ev = AuditEvent::new(AuditAction::SignInFailed, now);
        ev.actor = Some(PersonId(a.person_id));
        ev.district_id = Some(OrgId(a.district_id));
        ev.request_id = Some(request_id.to_owned());
        ev.detail = Some("account deactivated".to_owned());
        audit::record(&mut tx, &ev).await?;
        tx.commit().await?;
        return Ok(SignInOutcome::Deactivated);
    }
    let account = account.filter(|a| ok && !a.disabled && a.person_active);

    if let Some(a) = &account {
        // The password was right: a second factor may come first.
        let row = credentials::account(state.db(), AccountId(a.id))
            .await?
            .ok_or(AppError::NotFound)?;
        let need = mfa::second_factor(state.app(), &row).await?;
        if need != SecondFactor::None {
            let challenge = token::random();
            let pending = (need == SecondFactor::Enrol).then(mfa::new_secret);
            let mut tx = state.db().begin().await?;
            credentials::insert_challenge(
                &mut tx,
                &token::hash(&challenge),
                AccountId(a.id),
                pending.as_deref(),
                now,
            )
            .await?;
            throttle::clear(&mut tx, &login).await?;
            tx.commit().await?;
            return Ok(SignInOutcome::SecondFactor {
                challenge,
                enrol: need == SecondFactor::Enrol,
            });
        }
    }

    let mut tx = state.db().begin().await?;
    let outcome = match account {
        Some(a) => {
            throttle::clear(&mut tx, &login).await?;
            let token = open_session(
                &mut tx,
                AccountId(a.id),
                PersonId(a.person_id),
                OrgId(a.district_id),
                previous_session,
                now,
                request_id,
            )
            .await?;
            SignInOutcome::SignedIn { token }
        }
        None => {
            let next = rules.after_failure(record.as_ref(), now);
            throttle::put(&mut tx, &login, &next).await?;
            let next_address = address_rules.after_failure(address_record.as_ref(), now);
            address_throttle::put(&mut tx, address, &next_address).await?;
            let mut ev = AuditEvent::new(AuditAction::SignInFailed, now);
            ev.request_id = Some(request_id.to_owned());
            audit::record(&mut tx, &ev).await?;
            match next.locked_until.into_iter().chain(next_address.locked_until).max() {
                Some(until) => SignInOutcome::Locked { until },
                None => SignInOutcome::Failed,
            }
        }
    };
    tx.commit().await?;
    Ok(outcome)
}

/// Starts a session in `tx` (replacing `previous`), records the sign-in
/// and audits it; returns the cookie token.
pub async fn open_session(
    tx: &mut ssp_db::Tx,
    account: AccountId,
    person: PersonId,
    district: OrgId,
    previous: Option<&str>,
    now: OffsetDateTime,
    request_id: &str,
) -> Result<String, AppError> {
    let token = token::random();
    if let Some(old) = previous {
        sessions::delete(tx, &token::hash(old)).await?;
    }
    sessions::insert(tx, &token::hash(&token), account, &token::random(), now).await?;
    accounts::record_sign_in(tx, account, now).await?;
    let mut ev = AuditEvent::new(AuditAction::SignIn, now);
    ev.actor = Some(person);
    ev.district_id = Some(district);
    ev.request_id = Some(request_id.to_owned());
    audit::record(tx, &ev).await?;
    Ok(token)
}

/// Ends a session on the server and audits the sign-out.
pub async fn sign_out(state: &AppState, session: &Session, request_id: &str) -> Result<(), AppError> {
    let now = state.now();
    let mut tx = state.db().begin().await?;
    sessions::delete(&mut tx, &session.token_hash).await?;
    let mut ev = AuditEvent::new(AuditAction::SignOut, now);
    ev.actor = Some(session.person_id);
    ev.district_id = Some(session.district_id);
    ev.request_id = Some(request_id.to_owned());
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes an expired session (no audit row: nobody acted).
pub async fn end_session(state: &AppState, token_hash: &str) -> Result<(), AppError> {
    let mut tx = state.db().begin().await?;
    sessions::delete(&mut tx, token_hash).await?;
    tx.commit().await?;
    Ok(())
}

/// Opens a session for an account a single sign-on vouched for (the
/// password back-off does not apply: a locked name still signs in through
/// its provider) and audits the sign-in with `detail`. Returns the token.
pub async fn open_sso_session(
    state: &AppState,
    signed_in: &ssp_app::sign_in::sso::SignedIn,
    previous_session: Option<&str>,
    request_id: &str,
) -> Result<String, AppError> {
    let now = state.now();
    let token = token::random();
    let mut tx = state.db().begin().await?;
    if let Some(old) = previous_session {
        sessions::delete(&mut tx, &token::hash(old)).await?;
    }
    sessions::insert(&mut tx, &token::hash(&token), signed_in.account, &token::random(), now).await?;
    accounts::record_sign_in(&mut tx, signed_in.account, now).await?;
    let mut ev = AuditEvent::new(AuditAction::SignIn, now);
    ev.actor = Some(signed_in.person);
    ev.district_id = Some(signed_in.district);
    ev.request_id = Some(request_id.to_owned());
    ev.record_kind = Some("identity_provider");
    ev.record_id = Some(signed_in.provider.to_string());
    ev.detail = Some("single sign-on".to_owned());
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(token)
}
