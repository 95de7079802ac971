//! Changing one's own password: the current one is required, the new one
//! passes the strength rule, and every other session of the account ends.

use ssp_db::repo::audit;
use ssp_db::repo::credentials;
use ssp_domain::audit::AuditAction;
use ssp_domain::{AccountId, OrgId, PersonId};

use super::{account_event, parse_new_password, password};
use crate::error::Error;
use crate::{Actor, App};

/// Changes the signed-in person's password. `keep_session` is the hash of
/// the session making the change, which stays signed in.
pub async fn change_own(
    app: &App,
    actor: &Actor,
    account: AccountId,
    keep_session: &str,
    current: &str,
    new_raw: &str,
) -> Result<u64, Error> {
    let a = credentials::account(app.db(), account).await?.ok_or(Error::NotFound)?;
    if !password::verify(Some(a.password_hash.clone()), current.to_owned()).await? {
        return Err(Error::invalid(
            "password_current_wrong",
            "the current password is not right",
        ));
    }
    let new = parse_new_password(new_raw, &a, None)?;
    if new.expose() == current {
        return Err(Error::invalid(
            "password_unchanged",
            "the new password is the current one",
        ));
    }
    let hash = password::hash(&new).await?;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    credentials::set_password(&mut tx, account, &hash).await?;
    let ended = credentials::end_sessions(&mut tx, account, Some(keep_session)).await?;
    let mut ev = account_event(
        AuditAction::PasswordChanged,
        now,
        Some(actor.person),
        OrgId(a.district_id),
        &actor.request_id,
    );
    ev.record_id = Some(PersonId(a.person_id).to_string());
    ev.detail = Some(format!("other_sessions_ended={ended}"));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(ended)
}
