//! One sign-in through a district's identity provider, in two halves.
//! [`start`] keeps the `state` (hashed), `nonce` and PKCE verifier on the
//! server for ten minutes and returns the provider's URL. [`finish`] takes
//! that row (deleted as it is read: a replayed `state` finds nothing),
//! exchanges the code, has the ID token checked, and finds the account: by
//! the identity linked at an earlier sign-in, else by the configured claim
//! among the district's active rostered people, linking it. No account is
//! ever created here; every refusal is audited with its reason.

use std::time::Duration;

use sha2::{Digest, Sha256};
use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::repo::identity_providers::{self as repo, IdentityProvider};
use ssp_domain::audit::AuditAction;
use ssp_domain::sign_in::MatchField;
use ssp_domain::{AccountId, OrgId, PersonId};
use uuid::Uuid;

use super::oidc::{self, OidcError, ProviderTime};
use crate::error::Error;
use crate::App;

/// How long a started sign-in waits for its callback.
pub const LOGIN_LIFETIME: time::Duration = time::Duration::minutes(10);

/// Why a sign-in through a provider was refused. The code is stable: the
/// page's message is `sso-refused-<code>` and the audit row's detail has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SsoRefusal {
    /// The `state` is unknown: forged, or already used (a replay).
    UnknownState,
    /// The sign-in was started more than ten minutes ago.
    Expired,
    /// The provider could not be reached or answered nonsense.
    ProviderUnavailable,
    /// The provider sent the person back with an error (they cancelled…),
    /// or refused the code.
    ProviderRefused,
    /// The ID token failed a check (signature, issuer, audience, expiry, nonce).
    InvalidToken,
    /// The token lacks the claim the district matches on, or its email is
    /// marked unverified.
    MissingClaim,
    /// Nobody in the district's roster has that value.
    UnknownPerson,
    /// More than one person has it (a shared family email…).
    Ambiguous,
    /// The person or their account is deactivated.
    Deactivated,
    /// The person is rostered but has no account yet.
    NoAccount,
}

impl SsoRefusal {
    pub fn code(self) -> &'static str {
        match self {
            SsoRefusal::UnknownState => "unknown-state",
            SsoRefusal::Expired => "expired",
            SsoRefusal::ProviderUnavailable => "provider-unavailable",
            SsoRefusal::ProviderRefused => "provider-refused",
            SsoRefusal::InvalidToken => "invalid-token",
            SsoRefusal::MissingClaim => "missing-claim",
            SsoRefusal::UnknownPerson => "unknown-person",
            SsoRefusal::Ambiguous => "ambiguous",
            SsoRefusal::Deactivated => "deactivated",
            SsoRefusal::NoAccount => "no-account",
        }
    }
}

/// Where to send the browser, and the `state` to bind to it (a cookie).
#[derive(Debug)]
pub struct Started {
    pub url: url::Url,
    pub state: String,
}

/// The answer of [`finish`], with the time spent waiting for the provider.
#[derive(Debug)]
pub struct Finished {
    pub outcome: Result<SignedIn, SsoRefusal>,
    pub provider_time: Duration,
}

/// The account to open a session for.
#[derive(Debug, Clone, Copy)]
pub struct SignedIn {
    pub account: AccountId,
    pub person: PersonId,
    pub district: OrgId,
    pub provider: Uuid,
    /// This sign-in linked the identity (its first through this provider).
    pub linked: bool,
}

fn hash(state: &str) -> String {
    Sha256::digest(state.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Starts a sign-in with an enabled provider. `None`: no such provider.
pub async fn start(app: &App, provider_id: Uuid, redirect: &str) -> Result<Result<Started, SsoRefusal>, Error> {
    let Some(provider) = repo::get(app.db(), provider_id).await?.filter(|p| p.enabled) else {
        return Err(Error::NotFound);
    };
    let mut spent = ProviderTime::default();
    let auth = match oidc::authorize(&provider, redirect, &mut spent).await {
        Ok(a) => a,
        Err(e) => {
            tracing::warn!(provider = %provider.id, error = %e, "identity provider unavailable");
            return Ok(Err(SsoRefusal::ProviderUnavailable));
        }
    };
    let now = app.now();
    let mut tx = app.db().begin().await?;
    repo::insert_login(
        &mut tx,
        &hash(&auth.state),
        provider.id,
        &auth.nonce,
        &auth.pkce_verifier,
        now,
        now + LOGIN_LIFETIME,
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(Started {
        url: auth.url,
        state: auth.state,
    }))
}

/// What came back to the callback.
#[derive(Debug)]
pub struct Callback<'a> {
    pub state: &'a str,
    /// The code, or `None` when the provider sent an `error` instead.
    pub code: Option<&'a str>,
    pub redirect: &'a str,
    pub request_id: &'a str,
}

/// Finishes a sign-in: see the module comment.
pub async fn finish(app: &App, cb: Callback<'_>) -> Result<Finished, Error> {
    let mut spent = ProviderTime::default();
    let outcome = run(app, &cb, &mut spent).await?;
    Ok(Finished {
        outcome,
        provider_time: spent.0,
    })
}

async fn run(app: &App, cb: &Callback<'_>, spent: &mut ProviderTime) -> Result<Result<SignedIn, SsoRefusal>, Error> {
    let now = app.now();
    // Taken in its own transaction, so the state is spent whatever follows.
    let mut tx = app.db().begin().await?;
    let pending = repo::take_login(&mut tx, &hash(cb.state)).await?;
    tx.commit().await?;
    let Some(pending) = pending else {
        return refuse(app, cb, None, SsoRefusal::UnknownState, "").await;
    };
    let Some(provider) = repo::get(app.db(), pending.provider_id).await?.filter(|p| p.enabled) else {
        return refuse(app, cb, None, SsoRefusal::UnknownState, "provider removed").await;
    };
    if pending.expires_at < now {
        return refuse(app, cb, Some(&provider), SsoRefusal::Expired, "").await;
    }
    let Some(code) = cb.code else {
        return refuse(
            app,
            cb,
            Some(&provider),
            SsoRefusal::ProviderRefused,
            "error from provider",
        )
        .await;
    };
    let identity = match oidc::exchange(
        &provider,
        cb.redirect,
        code,
        &pending.pkce_verifier,
        &pending.nonce,
        spent,
    )
    .await
    {
        Ok(i) => i,
        Err(e) => {
            let reason = match &e {
                OidcError::Unavailable(_) => SsoRefusal::ProviderUnavailable,
                OidcError::CodeRefused(_) => SsoRefusal::ProviderRefused,
                OidcError::InvalidToken(_) => SsoRefusal::InvalidToken,
            };
            return refuse(app, cb, Some(&provider), reason, &e.to_string()).await;
        }
    };

    let mut tx = app.db().begin().await?;
    if let Some(account) = repo::linked_account(&mut tx, provider.id, &identity.subject).await? {
        let account = AccountId(account);
        let state = ssp_db::repo::accounts::sign_in_state(&mut tx, account).await?;
        let Some(state) = state.filter(|s| s.district_id == provider.district_id) else {
            drop(tx);
            return refuse(
                app,
                cb,
                Some(&provider),
                SsoRefusal::UnknownPerson,
                "linked account gone",
            )
            .await;
        };
        if state.disabled || !state.person_active {
            drop(tx);
            return refuse(app, cb, Some(&provider), SsoRefusal::Deactivated, "linked account").await;
        }
        repo::touch_link(&mut tx, provider.id, &identity.subject, now).await?;
        tx.commit().await?;
        return Ok(Ok(SignedIn {
            account,
            person: PersonId(state.person_id),
            district: OrgId(provider.district_id),
            provider: provider.id,
            linked: false,
        }));
    }

    let field = provider.match_field();
    let value = identity.claim(&provider.match_claim).filter(|v| !v.trim().is_empty());
    let unverified = field == MatchField::Email
        && provider.match_claim == "email"
        && identity.claims.get("email_verified") == Some(&serde_json::Value::Bool(false));
    let Some(value) = value.filter(|_| !unverified) else {
        drop(tx);
        let why = if unverified {
            "email not verified"
        } else {
            "claim absent"
        };
        return refuse(app, cb, Some(&provider), SsoRefusal::MissingClaim, why).await;
    };
    let people = repo::rostered_people(&mut tx, provider.district_id, field, &value).await?;
    let person = match people.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        _ => {
            drop(tx);
            return refuse(app, cb, Some(&provider), SsoRefusal::Ambiguous, field.as_str()).await;
        }
    };
    let Some(person) = person else {
        drop(tx);
        return refuse(app, cb, Some(&provider), SsoRefusal::UnknownPerson, field.as_str()).await;
    };
    if !person.person_active || person.account_disabled == Some(true) {
        drop(tx);
        return refuse(app, cb, Some(&provider), SsoRefusal::Deactivated, "").await;
    }
    let Some(account) = person.account_id else {
        drop(tx);
        return refuse(app, cb, Some(&provider), SsoRefusal::NoAccount, "").await;
    };
    repo::link(&mut tx, provider.id, &identity.subject, AccountId(account), now).await?;
    let mut ev = AuditEvent::new(AuditAction::IdentityLinked, now);
    ev.actor = Some(PersonId(person.person_id));
    ev.district_id = Some(OrgId(provider.district_id));
    ev.request_id = Some(cb.request_id.to_owned());
    ev.record_kind = Some("identity_provider");
    ev.record_id = Some(provider.id.to_string());
    ev.detail = Some(format!("matched on {}", field.as_str()));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(Ok(SignedIn {
        account: AccountId(account),
        person: PersonId(person.person_id),
        district: OrgId(provider.district_id),
        provider: provider.id,
        linked: true,
    }))
}

/// Audits a refusal (the reason's code and a cause free of names and
/// secrets) and answers it.
async fn refuse(
    app: &App,
    cb: &Callback<'_>,
    provider: Option<&IdentityProvider>,
    reason: SsoRefusal,
    cause: &str,
) -> Result<Result<SignedIn, SsoRefusal>, Error> {
    tracing::info!(request_id = %cb.request_id, reason = reason.code(), cause, "single sign-on refused");
    let mut tx = app.db().begin().await?;
    let mut ev = AuditEvent::new(AuditAction::SsoRefused, app.now());
    ev.district_id = provider.map(|p| OrgId(p.district_id));
    ev.request_id = Some(cb.request_id.to_owned());
    ev.record_kind = Some("identity_provider");
    ev.record_id = provider.map(|p| p.id.to_string());
    let cause: String = cause.chars().take(300).collect();
    ev.detail = Some(if cause.is_empty() {
        reason.code().to_owned()
    } else {
        format!("{}: {cause}", reason.code())
    });
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(Err(reason))
}
