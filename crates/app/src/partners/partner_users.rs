//! Partner users: staff of a partner organisation with an account in the
//! district, tied to their organisation. They see only students referred to
//! their organisation, only while a consent for it is active, only the
//! consented category (`ssp_domain::access::decide_partner`); they accept
//! or decline, record services and close. Every view of a student's
//! information is written to the record of disclosures (34 CFR 99.32) and
//! audited; anything else — another organisation's referral, a revoked or
//! expired consent, a guessed id — is an audited not-found.

use ssp_db::repo::partners::{self as repo, DisclosureRow, DisclosureWrite, ReferralRow, StepRow};
use ssp_db::repo::{audit, credentials, people, students};
use ssp_domain::access::{decide_partner, Action, PartnerTie, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::input::{self, Fields, Rejected};
use ssp_domain::partners::ServiceCategory;
use ssp_domain::{PersonId, StudentId};
use uuid::Uuid;

use super::referrals::{self, Step};
use super::{event, require_maintainer};
use crate::access::{deny, StudentAccess};
use crate::error::Error;
use crate::{Actor, App};

/// A new partner user as typed.
#[derive(Debug, Clone, Default)]
pub struct PartnerUserForm {
    pub given_name: String,
    pub family_name: String,
    pub username: String,
    pub email: String,
}

/// Creates a partner user's person and account (no password: they set one
/// through "forgot password" or an SSO sign-in). Maintainers of the
/// directory only. A taken username is the conflict `username_taken`.
pub async fn create(app: &App, actor: &Actor, partner: &str, form: &PartnerUserForm) -> Result<PersonId, Error> {
    let partner = maintained_partner(app, actor, partner).await?;
    let (given, family, username, email) = parse_form(form, true)?;
    let now = app.now();
    let person = PersonId::new();
    let mut tx = app.db().begin().await?;
    if credentials::username_taken(&mut tx, &username).await? {
        return Err(Error::Conflict("username_taken"));
    }
    people::insert_person(
        &mut tx,
        &people::NewPerson {
            id: person,
            district_id: actor.district,
            source_id: None,
            given_name: &given,
            family_name: &family,
            preferred_name: None,
            email: (!email.is_empty()).then_some(email.as_str()),
            preferred_language: "en",
        },
        now,
    )
    .await?;
    credentials::insert_without_password(&mut tx, person, &username, "en", now).await?;
    repo::add_partner_user(&mut tx, actor.district, person, partner.id, actor.person, now).await?;
    let mut ev = event(app, actor, AuditAction::PartnerUserCreated);
    ev.record_kind = Some("partner_user");
    ev.record_id = Some(person.to_string());
    ev.detail = Some(format!("partner={}", partner.id));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(person)
}

/// The names, username (when `with_username`) and email of the form, or
/// every field at fault (`invalid_partner_user`).
fn parse_form(form: &PartnerUserForm, with_username: bool) -> Result<(String, String, String, String), Error> {
    let mut f = Fields::new();
    let given = f.check(input::text("given_name", &form.given_name, 1..=100));
    let family = f.check(input::text("family_name", &form.family_name, 1..=100));
    let username = if with_username {
        f.check(input::text("username", &form.username.to_lowercase(), 3..=64))
    } else {
        Some(String::new())
    };
    let email = f.check(input::text("email", &form.email, 0..=254));
    if let Some(u) = &username {
        if !u
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'))
        {
            f.push("username", "invalid_username");
        }
    }
    f.finish("invalid_partner_user", || ())?;
    Ok((
        given.expect("checked"),
        family.expect("checked"),
        username.expect("checked"),
        email.expect("checked"),
    ))
}

/// A partner of the actor's district, by its id as typed (maintainers).
async fn maintained_partner(app: &App, actor: &Actor, partner: &str) -> Result<repo::PartnerRow, Error> {
    require_maintainer(app, actor).await?;
    match partner.trim().parse::<Uuid>() {
        Ok(id) => repo::partner(app.db(), actor.district, id).await?,
        Err(_) => None,
    }
    .ok_or(Error::NotFound)
}

fn person_id(raw: &str) -> Result<PersonId, Error> {
    raw.trim().parse::<Uuid>().map(PersonId).map_err(|_| Error::NotFound)
}

/// Changes a partner user's names and email (the username stays: it is
/// how they sign in).
pub async fn update(
    app: &App,
    actor: &Actor,
    partner: &str,
    person: &str,
    form: &PartnerUserForm,
) -> Result<(), Error> {
    let partner = maintained_partner(app, actor, partner).await?;
    let person = person_id(person)?;
    let (given, family, _, email) = parse_form(form, false)?;
    let mut tx = app.db().begin().await?;
    let email = (!email.is_empty()).then_some(email.as_str());
    if !repo::update_partner_user(&mut tx, partner.id, person, (&given, &family, email), app.now()).await? {
        return Err(Error::NotFound);
    }
    let mut ev = event(app, actor, AuditAction::PartnerUserChanged);
    ev.record_kind = Some("partner_user");
    ev.record_id = Some(person.to_string());
    ev.detail = Some(format!("partner={}", partner.id));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(())
}

/// Ends a partner user: no longer tied to the organisation, the account
/// disabled and signed out everywhere. What they read stays in the record
/// of disclosures.
pub async fn remove(app: &App, actor: &Actor, partner: &str, person: &str) -> Result<(), Error> {
    let partner = maintained_partner(app, actor, partner).await?;
    let person = person_id(person)?;
    let mut tx = app.db().begin().await?;
    if !repo::remove_partner_user(&mut tx, partner.id, person).await? {
        return Err(Error::NotFound);
    }
    let mut ev = event(app, actor, AuditAction::PartnerUserRemoved);
    ev.record_kind = Some("partner_user");
    ev.record_id = Some(person.to_string());
    ev.detail = Some(format!("partner={}", partner.id));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(())
}

/// The organisation the actor works for, or not found.
pub async fn my_partner(app: &App, actor: &Actor) -> Result<Uuid, Error> {
    repo::partner_of(app.db(), actor.person).await?.ok_or(Error::NotFound)
}

/// Whether the actor is a partner user.
pub async fn is_partner_user(app: &App, actor: &Actor) -> Result<bool, Error> {
    Ok(repo::partner_of(app.db(), actor.person).await?.is_some())
}

/// A referred student as a partner user sees them: the referral, the
/// student's name, grade and school, the need it serves (when the consent
/// covers its category), the consent's purpose and last day.
#[derive(Debug, Clone)]
pub struct PartnerReferral {
    pub row: ReferralRow,
    pub grade: i32,
    pub school: String,
    pub need: Option<String>,
    pub purpose: String,
    pub consent_expires_on: time::Date,
    /// Events and days only (the school's notes stay at the school).
    pub steps: Vec<StepRow>,
    /// Sitting at its step longer than the district's reminder age.
    pub overdue: bool,
}

/// The tie and the consent row that makes it, for one referral.
async fn tie(app: &App, partner: Uuid, row: &ReferralRow) -> Result<(PartnerTie, Option<repo::ConsentRow>), Error> {
    let Ok(category) = ServiceCategory::parse(&row.category) else {
        return Ok((PartnerTie::default(), None));
    };
    let referred = row.partner_id == Some(partner);
    let consent = if referred {
        super::consent::active_for(app, StudentId(row.student_id), partner, category).await?
    } else {
        None
    };
    let tie = PartnerTie {
        referred,
        consented: consent
            .as_ref()
            .map(|c| super::consent::rule(c).categories)
            .unwrap_or_default(),
    };
    Ok((tie, consent))
}

async fn view(app: &App, row: ReferralRow, consent: repo::ConsentRow) -> Result<PartnerReferral, Error> {
    let student = StudentId(row.student_id);
    let header = students::header(app.db(), student).await?.ok_or(Error::NotFound)?;
    let need = match row.need_id {
        Some(id) => ssp_db::repo::support::needs::get(app.db(), student, id)
            .await?
            .map(|n| n.description),
        None => None,
    };
    let steps = repo::steps(
        app.db(),
        row.id,
        &["shared", "staff", "restricted_health", "restricted_social"],
    )
    .await?
    .into_iter()
    .map(|mut s| {
        s.note = String::new();
        s
    })
    .collect();
    Ok(PartnerReferral {
        grade: header.grade_level,
        school: header.school_name,
        need,
        purpose: consent.purpose.clone(),
        consent_expires_on: consent.expires_on,
        steps,
        row,
        overdue: false,
    })
}

/// Writes the disclosure and its audit row for one referral shown.
async fn disclose(
    app: &App,
    actor: &Actor,
    partner: Uuid,
    row: &ReferralRow,
    consent: &repo::ConsentRow,
) -> Result<(), Error> {
    let now = app.now();
    let student = StudentId(row.student_id);
    let mut tx = app.db().begin().await?;
    repo::insert_disclosure(
        &mut tx,
        &DisclosureWrite {
            district: actor.district,
            student,
            partner,
            person: actor.person,
            referral: Some(row.id),
            consent: consent.id,
            categories: &row.category,
            purpose: &consent.purpose,
        },
        now,
    )
    .await?;
    let mut ev = event(app, actor, AuditAction::PartnerDisclosure);
    ev.student = Some(student);
    ev.record_kind = Some("referral");
    ev.record_id = Some(row.id.to_string());
    ev.detail = Some(format!("reason=partner category={}", row.category));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(())
}

/// Which of the organisation's referrals a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Show {
    #[default]
    All,
    /// Sent: to accept or decline.
    New,
    /// Accepted, no service given yet.
    ToFirstService,
    /// Receiving services.
    InService,
    /// Sitting at their step longer than the district's reminder age.
    TooLong,
}

impl Show {
    /// `new`, `to_first_service`, `in_service`, `too_long`; anything else
    /// is all.
    pub fn parse(raw: &str) -> Show {
        match raw {
            "new" => Show::New,
            "to_first_service" => Show::ToFirstService,
            "in_service" => Show::InService,
            "too_long" => Show::TooLong,
            _ => Show::All,
        }
    }

    fn wants(self, row: &ReferralRow, overdue: bool) -> bool {
        match self {
            Show::All => true,
            Show::New => row.status == "sent",
            Show::ToFirstService => row.status == "accepted",
            Show::InService => row.status == "in_service",
            Show::TooLong => overdue,
        }
    }
}

/// The referrals to the actor's organisation they may see now (others are
/// left out), those `show` picks. Each student shown is a disclosure.
pub async fn referrals(app: &App, actor: &Actor, show: Show) -> Result<Vec<PartnerReferral>, Error> {
    let partner = my_partner(app, actor).await?;
    let days = referrals::reminder_days(app, actor.district).await?;
    let today = app.now().date();
    let mut out = Vec::new();
    for row in repo::referrals_of_partner(app.db(), partner).await? {
        // A row the machine cannot read is left out, not the whole list.
        let Ok(rule) = referrals::rule(&row) else {
            tracing::warn!(referral = %row.id, "a referral that does not parse was left out of a partner's list");
            continue;
        };
        let overdue = rule.overdue(days, today);
        if !show.wants(&row, overdue) {
            continue;
        }
        let (tie, consent) = tie(app, partner, &row).await?;
        let category = ServiceCategory::parse(&row.category).unwrap_or(ServiceCategory::Enrichment);
        if let (true, Some(consent)) = (decide_partner(&tie, category, Action::View).is_allowed(), consent) {
            disclose(app, actor, partner, &row, &consent).await?;
            let mut view = view(app, row, consent).await?;
            view.overdue = overdue;
            out.push(view);
        }
    }
    Ok(out)
}

/// What waits for a partner user's organisation, counted over the
/// referrals they may see, naming no one (so nothing is disclosed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Waiting {
    pub partner_name: String,
    pub new: u32,
    pub to_first_service: u32,
    pub in_service: u32,
    pub too_long: u32,
}

/// The counts for a partner user's home page.
pub async fn waiting(app: &App, actor: &Actor) -> Result<Waiting, Error> {
    let partner = my_partner(app, actor).await?;
    let days = referrals::reminder_days(app, actor.district).await?;
    let today = app.now().date();
    let mut w = Waiting {
        partner_name: repo::partner(app.db(), actor.district, partner)
            .await?
            .map(|p| p.name)
            .unwrap_or_default(),
        ..Waiting::default()
    };
    for row in repo::referrals_of_partner(app.db(), partner).await? {
        if matches!(row.status.as_str(), "declined" | "closed") {
            continue;
        }
        let (tie, _) = tie(app, partner, &row).await?;
        let category = ServiceCategory::parse(&row.category).unwrap_or(ServiceCategory::Enrichment);
        if !decide_partner(&tie, category, Action::View).is_allowed() {
            continue;
        }
        match row.status.as_str() {
            "sent" => w.new += 1,
            "accepted" => w.to_first_service += 1,
            "in_service" => w.in_service += 1,
            _ => {}
        }
        if referrals::rule(&row).is_ok_and(|r| r.overdue(days, today)) {
            w.too_long += 1;
        }
    }
    Ok(w)
}

/// Finds a referral the actor may act on, or writes the audited denial
/// and answers not-found (another organisation's, no active consent, a
/// guessed or malformed id).
async fn allowed(
    app: &App,
    actor: &Actor,
    raw: &str,
    action: Action,
) -> Result<(Uuid, ReferralRow, repo::ConsentRow), Error> {
    let partner = my_partner(app, actor).await?;
    let row = match raw.trim().parse::<Uuid>() {
        Ok(id) => repo::referral(app.db(), id).await?,
        Err(_) => None,
    };
    if let Some(row) = row {
        let (tie, consent) = tie(app, partner, &row).await?;
        let category = ServiceCategory::parse(&row.category).unwrap_or(ServiceCategory::Enrichment);
        if let (true, Some(consent)) = (decide_partner(&tie, category, action).is_allowed(), consent) {
            return Ok((partner, row, consent));
        }
        let detail = format!("partner:referral:{}", action.as_str());
        deny(app, actor, Some(StudentId(row.student_id)), raw, &detail).await?;
    } else {
        deny(app, actor, None, raw, "partner:unknown_referral").await?;
    }
    Err(Error::NotFound)
}

/// One referral to the actor's organisation (a disclosure).
pub async fn open(app: &App, actor: &Actor, referral: &str) -> Result<PartnerReferral, Error> {
    let (partner, row, consent) = allowed(app, actor, referral, Action::View).await?;
    disclose(app, actor, partner, &row, &consent).await?;
    view(app, row, consent).await
}

/// The partner user accepts, declines, records a service or closes.
pub async fn move_step(app: &App, actor: &Actor, referral: &str, step: Result<Step, Rejected>) -> Result<(), Error> {
    let (_, row, _) = allowed(app, actor, referral, Action::Edit).await?;
    let mut step = step?;
    // A partner's note is read by the school's staff, never the family.
    step.sensitivity = ssp_domain::access::Sensitivity::Staff;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let next = referrals::apply(&mut tx, &row, &step, actor.person, now).await?;
    let mut ev = event(app, actor, AuditAction::ReferralMoved);
    ev.student = Some(StudentId(row.student_id));
    ev.record_kind = Some("referral");
    ev.record_id = Some(row.id.to_string());
    ev.detail = Some(format!(
        "event={} status={} by=partner",
        step.event.key(),
        next.status.key()
    ));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(())
}

/// The student's record of disclosures: the family and staff who may see
/// the plan (audited).
pub async fn disclosures(app: &App, access: &StudentAccess) -> Result<Vec<DisclosureRow>, Error> {
    access.require(app, RecordKind::Plan, Action::View).await?;
    Ok(repo::disclosures(app.db(), access.student()).await?)
}

/// The partner users of one organisation (maintainers).
pub async fn users(app: &App, actor: &Actor, partner: Uuid) -> Result<Vec<repo::PartnerUserRow>, Error> {
    require_maintainer(app, actor).await?;
    repo::partner(app.db(), actor.district, partner)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(repo::partner_users(app.db(), partner).await?)
}
