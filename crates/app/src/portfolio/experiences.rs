//! Experiences outside the classroom: the student adds an experience
//! (work-based learning, community service, extracurricular, dual credit,
//! out-of-school program) and logs hours on it; the hours are verified by
//! the supervisor through a single-use, expiring link (emailed through the
//! outbox, or shown to copy when no SMTP server is configured) without an
//! account, or by staff who may edit the plan. Totals by school year and
//! kind, verified and not. Guardians and staff with plan access read.

use std::collections::BTreeMap;

use rand::RngCore;
use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::repo::portfolio::experiences::{
    self as repo, ExperienceRow, HoursRow, LinkRow, LinkStatusRow, NewExperienceRow, NewLink,
};
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::input::Rejected;
use ssp_domain::portfolio::experience::{
    check_entry, totals, work_based_learning_total, ExperienceDates, ExperienceKind, Hours, HoursEntry, HoursTotal,
    LoggedHours, NewExperience, VerifiedBy,
};
use ssp_domain::portfolio::verification::{self, LinkRefusal, StoredToken, SupervisorResponse, TokenHash};
use ssp_domain::{Language, OrgId, ParseError, SchoolYear, StudentId};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::mail::{self, Mail};
use crate::write::PlanWrite;
use crate::{App, Parsed};

/// An experience with its hours and its latest verification link.
#[derive(Debug, Clone)]
pub struct Experience {
    pub row: ExperienceRow,
    pub kind: ExperienceKind,
    /// By date.
    pub hours: Vec<HoursRow>,
    pub link: Option<LinkStatusRow>,
}

impl Experience {
    pub fn total(&self) -> HoursTotal {
        let mut t = HoursTotal::default();
        for h in &self.hours {
            let hours = Hours(u32::try_from(h.hundredths).unwrap_or(0));
            if h.verified_by.is_some() {
                t.verified = t.verified + hours;
            } else {
                t.unverified = t.unverified + hours;
            }
        }
        t
    }

    pub fn dates(&self) -> ExperienceDates {
        ExperienceDates {
            start_on: self.row.start_on,
            end_on: self.row.end_on,
        }
    }
}

/// The student's experiences page.
#[derive(Debug, Clone)]
pub struct Experiences {
    /// Newest first.
    pub items: Vec<Experience>,
    /// By school year and kind, verified and not.
    pub totals: BTreeMap<(SchoolYear, ExperienceKind), HoursTotal>,
    /// Work-based learning over all years.
    pub work_based_learning: HoursTotal,
}

/// Whose hours a stored `verified_by` names.
pub fn verified_by(stored: Option<&str>) -> Option<VerifiedBy> {
    match stored {
        Some("supervisor") => Some(VerifiedBy::Supervisor),
        Some("staff") => Some(VerifiedBy::Staff),
        _ => None,
    }
}

/// The experiences, hours and totals (a read, audited for anyone but the
/// student).
pub async fn show(app: &App, access: &StudentAccess) -> Result<Experiences, Error> {
    access.require(app, RecordKind::Plan, Action::View).await?;
    let db = app.db();
    let rows = repo::list(db, access.student()).await?;
    let hours = repo::hours(db, access.student()).await?;
    let links = repo::latest_links(db, access.student()).await?;
    let mut logged = Vec::with_capacity(hours.len());
    let items: Vec<Experience> = rows
        .into_iter()
        .filter_map(|row| {
            let kind = ExperienceKind::parse(&row.kind).ok()?;
            let mine: Vec<HoursRow> = hours.iter().filter(|h| h.experience_id == row.id).cloned().collect();
            logged.extend(mine.iter().map(|h| LoggedHours {
                kind,
                on: h.worked_on,
                hours: Hours(u32::try_from(h.hundredths).unwrap_or(0)),
                verified_by: verified_by(h.verified_by.as_deref()),
            }));
            let link = links.iter().find(|l| l.experience_id == row.id).cloned();
            Some(Experience {
                row,
                kind,
                hours: mine,
                link,
            })
        })
        .collect();
    Ok(Experiences {
        items,
        totals: totals(&logged),
        work_based_learning: work_based_learning_total(&logged),
    })
}

/// Writes by the student (the portfolio is theirs).
async fn begin_student<'a>(app: &'a App, access: &'a StudentAccess) -> Result<PlanWrite<'a>, Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    if !access.is_self() {
        return Err(Error::Forbidden("experiences_by_student_only"));
    }
    PlanWrite::begin(app, access).await
}

async fn experience_of(app: &App, access: &StudentAccess, raw: &str) -> Result<ExperienceRow, Error> {
    let id: Uuid = raw.trim().parse().map_err(|_| Error::NotFound)?;
    repo::get(app.db(), access.student(), id).await?.ok_or(Error::NotFound)
}

/// The student adds an experience.
pub async fn add(app: &App, access: &StudentAccess, input: Parsed<NewExperience>) -> Result<Uuid, Error> {
    let mut w = begin_student(app, access).await?;
    let e = input?;
    let now = w.now();
    let email = e.supervisor_email.as_ref().map(ToString::to_string);
    let competencies = e
        .competencies
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect::<Vec<_>>()
        .join(",");
    let id = repo::add(
        w.tx(),
        access.facts.district_id,
        access.student(),
        &NewExperienceRow {
            kind: e.kind.key(),
            organisation: &e.organisation,
            supervisor_name: &e.supervisor_name,
            supervisor_email: email.as_deref(),
            start_on: e.dates.start_on,
            end_on: e.dates.end_on,
            reflection: &e.reflection,
            competencies: &competencies,
        },
        now,
    )
    .await?;
    let mut ev = w.event(AuditAction::ExperienceLogged, RecordKind::Plan);
    ev.record_id = Some(id.to_string());
    ev.detail = Some(format!("kind={}", e.kind.key()));
    w.commit_with(ev).await?;
    Ok(id)
}

/// The student changes one of their experiences. Every logged entry must
/// still fall within the dates (`invalid_experience` on `start_on` or
/// `end_on`: `hours_outside_dates`). Once any hours are verified, the kind,
/// organisation and supervisor stay as the supervisor confirmed them
/// (`experience_has_verified_hours`); the reflection, competencies and
/// dates may still change. A new supervisor address ends the unused links
/// sent to the old one.
pub async fn edit(
    app: &App,
    access: &StudentAccess,
    experience: &str,
    input: Parsed<NewExperience>,
) -> Result<(), Error> {
    let mut w = begin_student(app, access).await?;
    let row = experience_of(app, access, experience).await?;
    let e = input?;
    let now = w.now();
    let logged: Vec<HoursRow> = repo::hours(app.db(), access.student())
        .await?
        .into_iter()
        .filter(|h| h.experience_id == row.id)
        .collect();
    let email = e.supervisor_email.as_ref().map(ToString::to_string);
    let identity_changed = e.kind.key() != row.kind
        || e.organisation != row.organisation
        || e.supervisor_name != row.supervisor_name
        || email != row.supervisor_email;
    if identity_changed && logged.iter().any(|h| h.verified_by.is_some()) {
        return Err(Error::Conflict("experience_has_verified_hours"));
    }
    if logged.iter().any(|h| h.worked_on < e.dates.start_on) {
        return Err(Error::Rejected(Rejected::one(
            "invalid_experience",
            "start_on",
            "hours_outside_dates",
        )));
    }
    if let Some(end) = e.dates.end_on {
        if logged.iter().any(|h| h.worked_on > end) {
            return Err(Error::Rejected(Rejected::one(
                "invalid_experience",
                "end_on",
                "hours_outside_dates",
            )));
        }
    }
    let competencies = e
        .competencies
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect::<Vec<_>>()
        .join(",");
    repo::update(
        w.tx(),
        access.student(),
        row.id,
        &NewExperienceRow {
            kind: e.kind.key(),
            organisation: &e.organisation,
            supervisor_name: &e.supervisor_name,
            supervisor_email: email.as_deref(),
            start_on: e.dates.start_on,
            end_on: e.dates.end_on,
            reflection: &e.reflection,
            competencies: &competencies,
        },
        now,
    )
    .await?;
    if email != row.supervisor_email {
        repo::expire_open_links(w.tx(), row.id, now).await?;
    }
    let mut ev = w.event(AuditAction::ExperienceChanged, RecordKind::Plan);
    ev.record_id = Some(row.id.to_string());
    w.commit_with(ev).await
}

/// The student removes an hours entry that is not verified yet (a verified
/// one stays: `hours_verified`).
pub async fn remove_hours(app: &App, access: &StudentAccess, experience: &str, entry: &str) -> Result<(), Error> {
    let mut w = begin_student(app, access).await?;
    let row = experience_of(app, access, experience).await?;
    let entry: Uuid = entry.trim().parse().map_err(|_| Error::NotFound)?;
    if !repo::remove_unverified_hours(w.tx(), access.student(), row.id, entry).await? {
        let exists = repo::hours(app.db(), access.student())
            .await?
            .iter()
            .any(|h| h.id == entry && h.experience_id == row.id);
        return Err(if exists {
            Error::Conflict("hours_verified")
        } else {
            Error::NotFound
        });
    }
    let mut ev = w.event(AuditAction::HoursRemoved, RecordKind::Plan);
    ev.record_id = Some(entry.to_string());
    ev.detail = Some(format!("experience={}", row.id));
    w.commit_with(ev).await
}

/// The student logs hours on one of their experiences: the date within the
/// experience's dates (and not after today), at most 24 hours on a date
/// across all their experiences. A refusal is `invalid_hours` on `date`
/// (`outside_dates`) or `hours` (`exceeds_day`); nothing is stored.
pub async fn log_hours(
    app: &App,
    access: &StudentAccess,
    experience: &str,
    input: Parsed<HoursEntry>,
) -> Result<Uuid, Error> {
    let mut w = begin_student(app, access).await?;
    let row = experience_of(app, access, experience).await?;
    let entry = input?;
    let now = w.now();
    let same_day: Vec<Hours> = repo::hours_on(w.tx(), access.student(), entry.on)
        .await?
        .into_iter()
        .map(|h| Hours(u32::try_from(h).unwrap_or(0)))
        .collect();
    let dates = ExperienceDates {
        start_on: row.start_on,
        end_on: row.end_on,
    };
    if let Err(refusal) = check_entry(dates, &entry, &same_day, now.date()) {
        let field = match refusal {
            ssp_domain::portfolio::experience::HoursRefusal::OutsideDates => "date",
            ssp_domain::portfolio::experience::HoursRefusal::ExceedsDay => "hours",
        };
        return Err(Error::Rejected(Rejected::one("invalid_hours", field, refusal.code())));
    }
    let hundredths = i32::try_from(entry.hours.hundredths()).map_err(|_| Error::NotFound)?;
    let id = repo::add_hours(
        w.tx(),
        access.facts.district_id,
        access.student(),
        row.id,
        entry.on,
        hundredths,
        &entry.note,
        now,
    )
    .await?;
    let mut ev = w.event(AuditAction::HoursLogged, RecordKind::Plan);
    ev.record_id = Some(id.to_string());
    ev.detail = Some(format!("experience={} hours={}", row.id, entry.hours));
    w.commit_with(ev).await?;
    Ok(id)
}

/// What the page says after a verification link was made.
#[derive(Debug, Clone)]
pub struct VerificationSent {
    pub to: String,
    pub expires_at: OffsetDateTime,
    /// Queued in the outbox.
    pub emailed: bool,
    /// The link to copy (when no SMTP server is configured).
    pub link: Option<String>,
    /// How many entries it lists.
    pub entries: u64,
}

/// The student sends the supervisor a link to confirm the experience's
/// unverified hours (an earlier unused link stops working). Refused with
/// `experience_has_no_supervisor_email` or `no_unverified_hours`.
pub async fn send_verification(
    app: &App,
    mail: &Mail<'_>,
    lang: Language,
    access: &StudentAccess,
    experience: &str,
) -> Result<VerificationSent, Error> {
    let mut w = begin_student(app, access).await?;
    let row = experience_of(app, access, experience).await?;
    let Some(to) = row.supervisor_email.clone().filter(|e| !e.trim().is_empty()) else {
        return Err(Error::Conflict("experience_has_no_supervisor_email"));
    };
    let now = w.now();
    let mut random = [0u8; verification::TOKEN_BYTES];
    rand::rngs::OsRng.fill_bytes(&mut random);
    let issued = verification::issue(random, now, verification::DEFAULT_LIFETIME);
    let emailed = mail.smtp_configured;
    let hash = hex(&issued.stored.hash);
    let (link_id, entries) = repo::add_link(
        w.tx(),
        &NewLink {
            district: access.facts.district_id,
            student: access.student(),
            experience: row.id,
            token_hash: &hash,
            sent_to: &to,
            channel: if emailed { "email" } else { "link" },
            created_by: access.actor,
            expires_at: issued.stored.expires_at,
        },
        now,
    )
    .await?;
    if entries == 0 {
        return Err(Error::Conflict("no_unverified_hours"));
    }
    let url = format!("{}/verify-hours/{}", mail.public_url, issued.token);
    if emailed {
        let h = ssp_db::repo::students::header(app.db(), access.student())
            .await?
            .ok_or(Error::NotFound)?;
        let student = short_name(h.preferred_name.as_deref().unwrap_or(&h.given_name), &h.family_name);
        let days = verification::DEFAULT_LIFETIME.whole_days();
        let subject = mail
            .messages
            .text(lang, "mail-hours-verification-subject", &[("student", student.clone())]);
        let body = mail.messages.text(
            lang,
            "mail-hours-verification-body",
            &[
                ("supervisor", row.supervisor_name.clone()),
                ("student", student),
                ("organisation", row.organisation.clone()),
                ("link", url.clone()),
                ("days", days.to_string()),
            ],
        );
        mail::queue(
            w.tx(),
            Some(access.facts.district_id),
            "hours_verification",
            &to,
            &subject,
            &body,
            now,
        )
        .await?;
    }
    let mut ev = w.event(AuditAction::HoursVerificationSent, RecordKind::Plan);
    ev.record_id = Some(link_id.to_string());
    ev.detail = Some(format!(
        "experience={} channel={} entries={entries}",
        row.id,
        if emailed { "email" } else { "link" }
    ));
    w.commit_with(ev).await?;
    Ok(VerificationSent {
        to,
        expires_at: issued.stored.expires_at,
        emailed,
        link: (!emailed).then_some(url),
        entries,
    })
}

/// Staff who may edit the plan verify the experience's unverified hours
/// themselves. The student cannot (`hours_verified_by_staff_or_supervisor`);
/// nothing to verify is `no_unverified_hours`.
pub async fn verify_by_staff(app: &App, access: &StudentAccess, experience: &str) -> Result<u64, Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    if access.is_self() {
        return Err(Error::Forbidden("hours_verified_by_staff_or_supervisor"));
    }
    let row = experience_of(app, access, experience).await?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let n = repo::verify_by_staff(w.tx(), access.student(), row.id, access.actor, now).await?;
    if n == 0 {
        return Err(Error::Conflict("no_unverified_hours"));
    }
    let mut ev = w.event(AuditAction::HoursVerified, RecordKind::Plan);
    ev.record_id = Some(row.id.to_string());
    ev.detail = Some(format!("by=staff entries={n}"));
    w.commit_with(ev).await?;
    Ok(n)
}

/// What the supervisor's page shows: the student's first name and last
/// initial, the experience, and the hours the link lists.
#[derive(Debug, Clone)]
pub struct LinkView {
    pub student: String,
    pub kind: ExperienceKind,
    pub organisation: String,
    pub supervisor_name: String,
    pub hours: Vec<(Date, Hours, String)>,
    pub expires_at: OffsetDateTime,
}

impl LinkView {
    pub fn total(&self) -> Hours {
        self.hours.iter().map(|(_, h, _)| *h).sum()
    }
}

/// Opens a supervisor's link. Refused as `Error::Invalid` with
/// `link_invalid`, `link_used` or `link_expired` (the page then shows no data).
pub async fn open_link(app: &App, token: &str) -> Result<LinkView, Error> {
    let link = find_link(app, token).await?;
    let kind = ExperienceKind::parse(&link.kind).map_err(|_| refusal(LinkRefusal::Invalid))?;
    let hours = repo::link_hours(app.db(), link.id).await?;
    Ok(LinkView {
        student: short_name(
            link.preferred_name.as_deref().unwrap_or(&link.given_name),
            &link.family_name,
        ),
        kind,
        organisation: link.organisation,
        supervisor_name: link.supervisor_name,
        hours: hours
            .into_iter()
            .map(|h| (h.worked_on, Hours(u32::try_from(h.hundredths).unwrap_or(0)), h.note))
            .collect(),
        expires_at: link.expires_at,
    })
}

async fn find_link(app: &App, token: &str) -> Result<LinkRow, Error> {
    let hash = TokenHash::of_presented(token).ok_or(refusal(LinkRefusal::Invalid))?;
    let link = repo::link_by_hash(app.db(), &hex(&hash))
        .await?
        .ok_or(refusal(LinkRefusal::Invalid))?;
    judge(&link, &hash, token, app.now())?;
    Ok(link)
}

fn judge(link: &LinkRow, hash: &TokenHash, token: &str, now: OffsetDateTime) -> Result<(), Error> {
    let stored = StoredToken {
        hash: *hash,
        expires_at: link.expires_at,
        used_at: link.used_at,
    };
    verification::check(&stored, token, now).map_err(refusal)
}

fn refusal(r: LinkRefusal) -> Error {
    Error::Invalid(ParseError::new(r.code(), r.to_string()))
}

/// The supervisor's answer: confirm every listed entry, or decline with a
/// note. The link is used up either way; audited with no actor and the
/// supervisor's email in the detail.
pub async fn answer_link(
    app: &App,
    token: &str,
    response: Parsed<SupervisorResponse>,
    request_id: &str,
) -> Result<SupervisorResponse, Error> {
    let hash = TokenHash::of_presented(token).ok_or(refusal(LinkRefusal::Invalid))?;
    let response = response?;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let link = repo::link_by_hash_tx(&mut tx, &hex(&hash))
        .await?
        .ok_or(refusal(LinkRefusal::Invalid))?;
    judge(&link, &hash, token, now)?;
    let (answer, note) = match &response {
        SupervisorResponse::ConfirmAll => ("confirmed", ""),
        SupervisorResponse::Decline { note } => ("declined", note.as_str()),
    };
    if !repo::answer_link(&mut tx, link.id, answer, note, now).await? {
        return Err(refusal(LinkRefusal::Used));
    }
    let (action, entries) = match response {
        SupervisorResponse::ConfirmAll => (
            AuditAction::HoursVerified,
            repo::verify_by_supervisor(&mut tx, link.id, &link.sent_to, now).await?,
        ),
        SupervisorResponse::Decline { .. } => (AuditAction::HoursDeclined, 0),
    };
    let mut ev = AuditEvent::new(action, now);
    ev.district_id = Some(OrgId(link.district_id));
    ev.student = Some(StudentId(link.student_id));
    ev.record_kind = Some(RecordKind::Plan.as_str());
    ev.record_id = Some(link.experience_id.to_string());
    ev.request_id = Some(request_id.to_owned());
    ev.detail = Some(format!("by=supervisor email={} entries={entries}", link.sent_to));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(response)
}

/// "Maya R.": the first name and the family name's initial, all a
/// supervisor's page or email shows of the student.
pub fn short_name(first: &str, family: &str) -> String {
    match family.chars().next() {
        Some(c) => format!("{first} {c}."),
        None => first.to_owned(),
    }
}

fn hex(hash: &TokenHash) -> String {
    hash.0.iter().map(|b| format!("{b:02x}")).collect()
}
