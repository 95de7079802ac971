//! The district administrator's accounts page (the caller has checked the
//! role): find people and how they sign in, disable or enable an account,
//! end all of its sessions. Each action is one transaction with its audit
//! row; an account outside the administrator's district is not found.

use ssp_db::repo::accounts::{self, AccountListing};
use ssp_db::repo::identity_providers::{self, LinkedIdentity};
use ssp_db::repo::sessions;
use ssp_domain::audit::AuditAction;
use ssp_domain::AccountId;

use crate::actor::Actor;
use crate::admin::DistrictWrite;
use crate::error::Error;
use crate::App;

/// People shown per search.
pub const SEARCH_LIMIT: i64 = 50;

/// A person found, with their linked identities.
#[derive(Debug)]
pub struct Found {
    pub person: AccountListing,
    pub identities: Vec<LinkedIdentity>,
}

/// People of the actor's district whose name, username or email starts
/// with `q` (no student records are read: names and sign-in facts only).
pub async fn search(app: &App, actor: &Actor, q: &str) -> Result<Vec<Found>, Error> {
    let q = q.trim().to_lowercase();
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let people = accounts::search_district(app.db(), actor.district.0, &q, SEARCH_LIMIT).await?;
    let ids: Vec<_> = people.iter().filter_map(|p| p.account_id).collect();
    let mut links = identity_providers::links_of(app.db(), &ids).await?;
    Ok(people
        .into_iter()
        .map(|person| {
            let (mine, rest) = links.drain(..).partition(|l| Some(l.account_id) == person.account_id);
            links = rest;
            Found {
                person,
                identities: mine,
            }
        })
        .collect())
}

/// What an administrator does to an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountAction {
    Disable,
    Enable,
    EndSessions,
}

impl AccountAction {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "disable" => Some(Self::Disable),
            "enable" => Some(Self::Enable),
            "end-sessions" => Some(Self::EndSessions),
            _ => None,
        }
    }
}

/// Disables (and signs out), enables, or signs out an account of the
/// actor's district. Returns how many sessions ended.
pub async fn act(app: &App, actor: &Actor, account: AccountId, action: AccountAction) -> Result<u64, Error> {
    let mut w = DistrictWrite::begin(app, actor).await?;
    let Some(person) = accounts::person_in_district(w.tx(), actor.district.0, account).await? else {
        return Err(Error::NotFound);
    };
    let ended = match action {
        AccountAction::Disable => {
            accounts::set_disabled(w.tx(), account, true).await?;
            sessions::delete_for_account(w.tx(), account).await?
        }
        AccountAction::Enable => {
            accounts::set_disabled(w.tx(), account, false).await?;
            0
        }
        AccountAction::EndSessions => sessions::delete_for_account(w.tx(), account).await?,
    };
    let (audit, what) = match action {
        AccountAction::Disable => (AuditAction::AccountDisabled, "disabled"),
        AccountAction::Enable => (AuditAction::AccountEnabled, "enabled"),
        AccountAction::EndSessions => (AuditAction::SessionsEnded, "sessions ended"),
    };
    w.commit(
        audit,
        "account",
        format!(
            "account {} of person {person}: {what}, {ended} sessions ended",
            account.0
        ),
    )
    .await?;
    Ok(ended)
}
