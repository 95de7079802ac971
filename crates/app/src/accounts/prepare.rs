//! Accounts for rostered people. After a roster import (and from a button
//! on the accounts page) every active student, guardian and staff member of
//! the district who has no account gets one: username from the roster's
//! `username` when it is free (else the fallbacks of
//! [`ssp_domain::sign_in::username_candidates`]), the roster email when no
//! other account has it, the person's preferred language, and no password
//! ([`ssp_domain::sign_in::NO_PASSWORD`]): they sign in through the
//! district's identity provider until an invitation lets them set one.

use std::collections::{HashMap, HashSet};

use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::repo::{accounts, bulk};
use ssp_domain::audit::AuditAction;
use ssp_domain::sign_in::{username_candidates, NO_PASSWORD};
use ssp_domain::{Language, OrgId, PersonId};
use uuid::Uuid;

use crate::error::Error;
use crate::App;

/// Who asked: the administrator (page button, roster page import) or
/// nobody (the command-line import).
#[derive(Debug, Clone, Default)]
pub struct PreparedBy {
    pub person: Option<PersonId>,
    pub request_id: Option<String>,
}

/// Prepares the accounts in one transaction, audited as
/// `accounts_prepared` with the count; returns how many were made.
/// `roster_usernames` maps a `sourcedId` to its roster `username`.
pub async fn prepare(
    app: &App,
    district: OrgId,
    by: &PreparedBy,
    roster_usernames: &HashMap<String, String>,
) -> Result<usize, Error> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let people = accounts::rostered_without_account(&mut tx, district.0).await?;
    if people.is_empty() {
        return Ok(0);
    }
    let mut names = HashSet::new();
    let mut emails = HashSet::new();
    for (u, e) in accounts::taken_names(&mut tx).await? {
        names.insert(u);
        if let Some(e) = e {
            emails.insert(e);
        }
    }
    let mut rows = Vec::with_capacity(people.len());
    for p in people {
        let roster = p
            .source_id
            .as_deref()
            .and_then(|s| roster_usernames.get(s))
            .map(String::as_str)
            .or(p.roster_username.as_deref().filter(|u| !u.trim().is_empty()));
        let Some(username) = username_candidates(roster, p.email.as_deref(), p.source_id.as_deref(), p.id)
            .into_iter()
            .find(|c| !names.contains(c) && !emails.contains(c))
        else {
            continue;
        };
        let email = p
            .email
            .as_deref()
            .map(|e| e.trim().to_lowercase())
            .filter(|e| !e.is_empty() && !emails.contains(e) && !names.contains(e));
        names.insert(username.clone());
        if let Some(e) = &email {
            emails.insert(e.clone());
        }
        rows.push(bulk::AccountRow {
            id: Uuid::now_v7(),
            person_id: p.id,
            username,
            email,
            ui_language: Language::parse(&p.preferred_language).ok().map(Language::code),
        });
    }
    bulk::accounts(&mut tx, &rows, NO_PASSWORD, now).await?;
    let mut ev = AuditEvent::new(AuditAction::AccountsPrepared, now);
    ev.actor = by.person;
    ev.district_id = Some(district);
    ev.request_id = by.request_id.clone();
    ev.record_kind = Some("account");
    ev.detail = Some(format!("{} accounts without a password", rows.len()));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(rows.len())
}
