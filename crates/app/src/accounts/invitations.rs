//! Family invitations: a plan manager, a school administrator or a district
//! administrator invites a student's guardian by email (a link) or by a
//! printed letter (a one-time code), in the family's language. The link or
//! code works once, expires (the district's setting, 14 days by default),
//! lets the guardian set a password that passes the strength rule, and
//! confirms the email it was sent to. A guardian with no account gets one
//! first, without a password (`'!'`): its username is the guardian's email
//! address, or `guardian.<8 hex>` when there is none or it is taken.
//!
//! "Invite all families of this school" is a batch row worked through by
//! the background worker ([`run_batch_step`]), a page at a time.

use ssp_db::repo::account_tokens::{self, NewToken};
use ssp_db::repo::invitations::{self, Batch, GuardianContact};
use ssp_db::repo::{audit, auth_settings, credentials, team};
use ssp_db::Tx;
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::invitation::{format_code, may_invite_guardian, may_invite_school, normalise_code};
use ssp_domain::{AccountId, Language, OrgId, PersonId, StaffRole, StudentId};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::secret::{letter_code, link_token, looks_like_link_token, sha256_hex};
use super::{account_event, open_token, parse_new_password, password};
use crate::error::Error;
use crate::mail::{self, Mail};
use crate::{Actor, App, StudentAccess};

/// How the invitation reaches the family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Email,
    Letter,
}

/// What the page shows after inviting.
#[derive(Debug, Clone)]
pub struct Invited {
    pub guardian_name: String,
    pub language: Language,
    pub expires_at: OffsetDateTime,
    /// Emailed (queued in the outbox).
    pub emailed: bool,
    /// The link to print or to copy (a letter, or email without SMTP).
    pub link: Option<String>,
    /// The letter's code, in groups of four.
    pub code: Option<String>,
}

/// Invites the guardian of `link` (a guardian link id of this student).
pub async fn invite(
    app: &App,
    mail: &Mail<'_>,
    access: &StudentAccess,
    link: &str,
    channel: Channel,
) -> Result<Invited, Error> {
    require_may_invite(app, access).await?;
    let link: Uuid = link.parse().map_err(|_| Error::NotFound)?;
    let guardian = invitations::guardian_of_link(app.db(), access.student(), link)
        .await?
        .ok_or(Error::NotFound)?;
    if guardian.has_password == Some(true) {
        return Err(Error::Conflict("guardian_already_joined"));
    }
    if channel == Channel::Email && guardian.email.as_deref().is_none_or(str::is_empty) {
        return Err(Error::invalid("guardian_has_no_email", "no email address on file"));
    }
    let caller = access.caller();
    let days = auth_settings::get(app.db(), caller.district).await?.invitation_days;
    let mut tx = app.db().begin().await?;
    let invited = write_invitation(
        &mut tx,
        app,
        mail,
        &guardian,
        channel,
        days,
        &caller,
        Some(access.student()),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(invited)
}

/// Invites (again) the guardian whose account is `account`, by email, from
/// the district administrator's accounts page. Refused: not a district
/// administrator, or not an active guardian's account of the district
/// (not found); already joined (conflict); no email address (invalid).
pub async fn resend_for_account(
    app: &App,
    mail: &Mail<'_>,
    actor: &Actor,
    account: AccountId,
) -> Result<Invited, Error> {
    if !team::holds_role_at(app.db(), actor.person, actor.district, "district_admin").await? {
        return Err(Error::NotFound);
    }
    let guardian = invitations::guardian_of_account(app.db(), actor.district, account.0)
        .await?
        .ok_or(Error::NotFound)?;
    if guardian.has_password == Some(true) {
        return Err(Error::Conflict("guardian_already_joined"));
    }
    if guardian.email.as_deref().is_none_or(str::is_empty) {
        return Err(Error::invalid("guardian_has_no_email", "no email address on file"));
    }
    let days = auth_settings::get(app.db(), actor.district).await?.invitation_days;
    let mut tx = app.db().begin().await?;
    let invited = write_invitation(&mut tx, app, mail, &guardian, Channel::Email, days, actor, None, None).await?;
    tx.commit().await?;
    Ok(invited)
}

/// Refuses anyone but the student's plan manager, a school administrator of
/// the school and district administrators: those who may see the team get
/// `Forbidden("may_not_invite")`, others the audited not-found. Asked before
/// any input is looked at.
pub async fn require_may_invite(app: &App, access: &StudentAccess) -> Result<(), Error> {
    if may_invite_guardian(&access.facts.relationship) {
        return Ok(());
    }
    if access.decide(RecordKind::Team, Action::View).is_allowed() {
        return Err(Error::Forbidden("may_not_invite"));
    }
    access.refuse(app, RecordKind::Team, Action::Create).await?;
    Err(Error::NotFound)
}

/// The account of the guardian, created without a password if missing.
async fn ensure_account(
    tx: &mut Tx,
    g: &GuardianContact,
    lang: Language,
    now: OffsetDateTime,
) -> Result<AccountId, Error> {
    if let Some(id) = g.account_id {
        return Ok(AccountId(id));
    }
    let by_email = g
        .email
        .as_deref()
        .map(|e| e.trim().to_lowercase())
        .filter(|e| !e.is_empty());
    let fallback = format!("guardian.{}", &g.guardian_id.simple().to_string()[24..]);
    let username = match by_email {
        Some(e) if !credentials::username_taken(tx, &e).await? => e,
        _ => fallback,
    };
    Ok(credentials::insert_without_password(tx, PersonId(g.guardian_id), &username, lang.code(), now).await?)
}

#[allow(clippy::too_many_arguments)]
async fn write_invitation(
    tx: &mut Tx,
    app: &App,
    mail: &Mail<'_>,
    g: &GuardianContact,
    channel: Channel,
    days: i64,
    caller: &Actor,
    student: Option<StudentId>,
    batch: Option<Uuid>,
) -> Result<Invited, Error> {
    let now = app.now();
    let lang = Language::parse(&g.contact_language).unwrap_or(Language::En);
    let account = ensure_account(tx, g, lang, now).await?;
    account_tokens::revoke_unused(tx, account, "invitation", now).await?;
    let expires_at = now + Duration::days(days);
    let email = g.email.as_deref().map(|e| e.trim().to_lowercase());
    let (secret, code) = match channel {
        Channel::Email => (link_token(), None),
        Channel::Letter => {
            let c = letter_code();
            (c.clone(), Some(format_code(&c)))
        }
    };
    let emailed = channel == Channel::Email && mail.smtp_configured;
    let link = match channel {
        Channel::Email => format!("{}/invitation/{secret}", mail.public_url),
        Channel::Letter => format!("{}/invitation", mail.public_url),
    };
    let stored_channel = match (channel, emailed) {
        (Channel::Letter, _) => "letter",
        (Channel::Email, true) => "email",
        (Channel::Email, false) => "link",
    };
    account_tokens::insert(
        tx,
        &NewToken {
            token_hash: &sha256_hex(&secret),
            kind: "invitation",
            account,
            district: OrgId(g.district_id),
            email: email.as_deref(),
            channel: stored_channel,
            created_by: Some(caller.person),
            now,
            expires_at,
        },
    )
    .await?;
    if emailed {
        let to = email.as_deref().unwrap_or_default();
        let subject = mail.messages.text(lang, "mail-invitation-subject", &[]);
        let body = mail.messages.text(
            lang,
            "mail-invitation-body",
            &[
                ("name", g.given_name.clone()),
                ("link", link.clone()),
                ("days", days.to_string()),
            ],
        );
        mail::queue(tx, Some(OrgId(g.district_id)), "invitation", to, &subject, &body, now).await?;
    }
    let mut ev = account_event(
        AuditAction::InvitationSent,
        now,
        Some(caller.person),
        caller.district,
        &caller.request_id,
    );
    ev.student = student;
    ev.record_id = Some(g.guardian_id.to_string());
    ev.detail = Some(match batch {
        Some(b) => format!("channel={stored_channel} batch={b}"),
        None => format!("channel={stored_channel}"),
    });
    audit::record(tx, &ev).await?;
    Ok(Invited {
        guardian_name: format!("{} {}", g.given_name, g.family_name),
        language: lang,
        expires_at,
        emailed,
        link: (!emailed).then_some(link),
        code,
    })
}

/// Who an invitation is for, to greet them on the form.
#[derive(Debug, Clone)]
pub struct InvitationView {
    pub given_name: String,
    pub username: String,
    pub email: Option<String>,
    pub language: Language,
}

/// The stored hash for what was typed or followed: a link token, or a
/// letter's code (typed with or without dashes).
fn secret_hash(secret: &str) -> Result<String, Error> {
    if looks_like_link_token(secret) {
        return Ok(sha256_hex(secret));
    }
    normalise_code(secret)
        .map(|c| sha256_hex(&c))
        .ok_or_else(|| Error::invalid("link_unknown", "not an invitation code"))
}

/// Opens an invitation: forged, used and expired ones are refused with
/// their own codes.
pub async fn open(app: &App, secret: &str) -> Result<InvitationView, Error> {
    let row = open_token(app, &secret_hash(secret)?, "invitation").await?;
    Ok(InvitationView {
        given_name: row.given_name,
        username: row.username,
        email: row.email,
        language: super::mail_language(row.ui_language.as_deref(), &row.preferred_language),
    })
}

/// Accepts an invitation: sets the password (strength-checked), confirms
/// the email it was sent to, and uses the invitation up. A weak password
/// changes nothing and leaves the invitation usable.
pub async fn accept(app: &App, secret: &str, new_raw: &str, request_id: &str) -> Result<InvitationView, Error> {
    let hash_of_secret = secret_hash(secret)?;
    let row = open_token(app, &hash_of_secret, "invitation").await?;
    let account = credentials::account(app.db(), AccountId(row.account_id))
        .await?
        .ok_or_else(|| Error::invalid("link_unknown", "account gone"))?;
    let new = parse_new_password(new_raw, &account, row.email.as_deref())?;
    let hash = password::hash(&new).await?;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    if !account_tokens::use_once(&mut tx, &hash_of_secret, now).await? {
        return Err(Error::invalid("link_used", "used meanwhile"));
    }
    credentials::set_password(&mut tx, AccountId(account.id), &hash).await?;
    if let Some(email) = &row.email {
        match credentials::confirm_email(&mut tx, AccountId(account.id), email, now).await {
            Ok(()) => {}
            // Another account holds the address: keep the invitation's
            // password, leave the email unset.
            Err(ssp_db::DbError::Conflict { .. }) => return Err(Error::Conflict("email_taken")),
            Err(e) => return Err(e.into()),
        }
    }
    let mut ev = account_event(
        AuditAction::InvitationAccepted,
        now,
        Some(PersonId(account.person_id)),
        OrgId(account.district_id),
        request_id,
    );
    ev.record_id = Some(PersonId(account.person_id).to_string());
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(InvitationView {
        given_name: row.given_name,
        username: account.username,
        email: row.email,
        language: super::mail_language(row.ui_language.as_deref(), &row.preferred_language),
    })
}

// ---- inviting a whole school ----------------------------------------------

/// Whether the actor may invite every family of `school` (a school of
/// their district): its school administrators and district administrators.
pub async fn may_invite_at(app: &App, actor: &Actor, school: Uuid) -> Result<Option<String>, Error> {
    let Some(name) = invitations::school_in_district(app.db(), actor.district, school).await? else {
        return Ok(None);
    };
    let school_admin = team::holds_role_at(app.db(), actor.person, OrgId(school), "school_admin").await?;
    let district_admin = team::holds_role_at(app.db(), actor.person, actor.district, "district_admin").await?;
    let roles: Vec<StaffRole> = if school_admin {
        vec![StaffRole::SchoolAdmin]
    } else {
        vec![]
    };
    Ok(may_invite_school(&roles, district_admin).then_some(name))
}

/// Starts inviting every family of the school who has no password yet (by
/// email; families without an address are counted as skipped, for letters).
/// A batch already running is returned instead of a second one.
pub async fn start_school_batch(app: &App, mail: &Mail<'_>, actor: &Actor, school: Uuid) -> Result<Uuid, Error> {
    if may_invite_at(app, actor, school).await?.is_none() {
        return Err(Error::NotFound);
    }
    if !mail.smtp_configured {
        return Err(Error::Conflict("smtp_not_configured"));
    }
    if let Some(b) = invitations::running_batch(app.db(), OrgId(school)).await? {
        return Ok(b.id);
    }
    let total = invitations::count_school_guardians_to_invite(app.db(), OrgId(school)).await?;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let id = invitations::insert_batch(
        &mut tx,
        actor.district,
        OrgId(school),
        actor.person,
        &actor.request_id,
        total,
        now,
    )
    .await?;
    let mut ev = account_event(
        AuditAction::InvitationBatchStarted,
        now,
        Some(actor.person),
        actor.district,
        &actor.request_id,
    );
    ev.record_kind = Some("school");
    ev.record_id = Some(school.to_string());
    ev.detail = Some(format!("batch={id} families={total}"));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(id)
}

/// Guardians invited per step of a batch.
pub const BATCH_PAGE: i64 = 50;

/// Works one page of the oldest unfinished batch; `true` if one was worked
/// (call again), `false` when none is left. Each page commits its
/// invitations, emails and progress together.
pub async fn run_batch_step(app: &App, mail: &Mail<'_>) -> Result<bool, Error> {
    let Some(batch) = invitations::next_unfinished(app.db()).await? else {
        return Ok(false);
    };
    step(app, mail, &batch).await?;
    Ok(true)
}

async fn step(app: &App, mail: &Mail<'_>, batch: &Batch) -> Result<(), Error> {
    let page =
        invitations::school_guardians_to_invite(app.db(), OrgId(batch.school_id), batch.last_guardian, BATCH_PAGE)
            .await?;
    let days = auth_settings::get(app.db(), OrgId(batch.district_id))
        .await?
        .invitation_days;
    let caller = Actor {
        person: PersonId(batch.created_by),
        district: OrgId(batch.district_id),
        request_id: batch.request_id.clone(),
    };
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let (mut invited, mut skipped) = (0, 0);
    for g in &page {
        if g.email.as_deref().is_none_or(str::is_empty) {
            skipped += 1;
            continue;
        }
        write_invitation(
            &mut tx,
            app,
            mail,
            g,
            Channel::Email,
            days,
            &caller,
            None,
            Some(batch.id),
        )
        .await?;
        invited += 1;
    }
    let last = page.last().map(|g| g.guardian_id);
    let finished = ((page.len() as i64) < BATCH_PAGE).then_some(now);
    invitations::advance_batch(&mut tx, batch.id, last, invited, skipped, finished).await?;
    tx.commit().await?;
    Ok(())
}

/// The latest batch of a school, for its progress.
pub async fn latest_batch(app: &App, school: Uuid) -> Result<Option<Batch>, Error> {
    Ok(invitations::latest_batch(app.db(), OrgId(school)).await?)
}
