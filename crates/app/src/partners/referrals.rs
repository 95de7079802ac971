//! Referrals to partners and enrolments in school opportunities, linked to
//! the need or goal they serve, through the loop: sent → accepted or
//! declined → first service → closed with an outcome
//! ([`ssp_domain::partners::referral`]). A referral to a partner needs an
//! active consent for that partner covering its category; an enrolment in a
//! school opportunity shares nothing outside the school and needs none.
//! The family reads what was referred, to whom and its status.

use ssp_db::repo::partners::{self as repo, ReferralRow, ReferralState, ReferralWrite, StepRow, StepWrite};
use ssp_domain::access::{Action, RecordKind, Sensitivity};
use ssp_domain::audit::AuditAction;
use ssp_domain::input::{self, Fields, Rejected};
use ssp_domain::partners::category;
use ssp_domain::partners::directory::ResourceKind;
use ssp_domain::partners::referral::{Outcome, Referral, ReferralEvent, ReferralStatus, DEFAULT_REMINDER_DAYS};
use ssp_domain::partners::ServiceCategory;
use ssp_domain::support::need::NeedKind;
use ssp_domain::{OrgId, PersonId};
use time::Date;
use uuid::Uuid;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::App;

/// Staff make and move referrals: those who may write the student's
/// staff-only support records.
const STAFF_KIND: RecordKind = RecordKind::Support(Sensitivity::Staff);
/// The family reads the list through the plan.
const FAMILY_KIND: RecordKind = RecordKind::Plan;

/// A referral as typed: the resource, the need or goal it serves, why.
#[derive(Debug, Clone, Default)]
pub struct ReferralForm {
    pub resource: String,
    pub need: String,
    pub goal: String,
    pub reason: String,
}

/// A step as typed: the event (`accept`, `decline`, `record_service`,
/// `close`), its day, the outcome when closing, a note and its class.
#[derive(Debug, Clone, Default)]
pub struct StepForm {
    pub event: String,
    pub on: String,
    pub outcome: String,
    pub note: String,
    pub sensitivity: String,
}

/// A parsed step.
#[derive(Debug, Clone)]
pub struct Step {
    pub event: ReferralEvent,
    pub on: Date,
    pub note: String,
    pub sensitivity: Sensitivity,
}

impl StepForm {
    /// `event` (`required`, `unknown_choice`), `on` (blank: today;
    /// `invalid_date`), `outcome` (required to close), `note` (up to
    /// 2,000), `sensitivity` (blank: staff). Code `invalid_referral_step`.
    pub fn parse(&self, today: Date) -> Result<Step, Rejected> {
        let mut f = Fields::new();
        let events = [("accept", 0), ("decline", 1), ("record_service", 2), ("close", 3)];
        let event = f.check(input::choice("event", &self.event, &events));
        let on = f.check(match self.on.trim() {
            "" => Ok(today),
            raw => time::Date::parse(raw, &time::format_description::well_known::Iso8601::DATE)
                .map_err(|_| input::FieldError::new("on", "invalid_date")),
        });
        let outcome = match (event, self.outcome.trim()) {
            (Some(3), "") => {
                f.push("outcome", "required");
                None
            }
            (_, "") => None,
            (_, raw) => f.check(input::choice("outcome", raw, &Outcome::choices())),
        };
        let note = f.check(input::text("note", &self.note, 0..=2_000));
        let sensitivity = f.check(
            Sensitivity::from_form(&self.sensitivity)
                .map_err(|_| input::FieldError::new("sensitivity", "unknown_choice")),
        );
        f.finish("invalid_referral_step", || Step {
            event: match event.expect("checked") {
                0 => ReferralEvent::Accept,
                1 => ReferralEvent::Decline,
                2 => ReferralEvent::RecordService,
                _ => ReferralEvent::Close(outcome.expect("checked")),
            },
            on: on.expect("checked"),
            note: note.expect("checked"),
            sensitivity: sensitivity.expect("checked"),
        })
    }
}

/// Makes a referral (a partner's service) or an enrolment (a school
/// opportunity) for the student. Refused: an unknown resource or need
/// (`invalid_referral`), a full resource (`resource_full`), a partner
/// referral without an active consent covering its category
/// (`consent_required`).
pub async fn make(app: &App, access: &StudentAccess, form: &ReferralForm) -> Result<Uuid, Error> {
    access.require(app, STAFF_KIND, Action::Create).await?;
    let district = access.facts.district_id;
    let mut f = Fields::new();
    let resource = match form.resource.trim().parse::<Uuid>() {
        Ok(id) => repo::resource(app.db(), district, id).await?,
        Err(_) => None,
    };
    if resource.is_none() {
        f.push(
            "resource",
            if form.resource.trim().is_empty() {
                "required"
            } else {
                "unknown_choice"
            },
        );
    }
    let need = match form.need.trim() {
        "" => None,
        raw => {
            let found = match raw.parse::<Uuid>() {
                Ok(id) => repo::open_needs(app.db(), access.student())
                    .await?
                    .into_iter()
                    .find(|(n, _, _)| *n == id),
                Err(_) => None,
            };
            if found.is_none() {
                f.push("need", "unknown_choice");
            }
            found
        }
    };
    let goal = match form.goal.trim() {
        "" => None,
        raw => {
            let id = raw.parse::<Uuid>().ok();
            let goals = ssp_db::repo::plan::goals(app.db(), access.student()).await?;
            let found = id.filter(|id| goals.iter().any(|g| g.id == *id));
            if found.is_none() {
                f.push("goal", "unknown_choice");
            }
            found
        }
    };
    let reason = f.check(input::text("reason", &form.reason, 0..=1_000));
    f.finish("invalid_referral", || ())?;
    let resource = resource.expect("checked");
    let reason = reason.expect("checked");
    let categories = category::split(&resource.categories).map_err(|e| Error::Internal(e.into()))?;
    // The category the referral is about: the need's, when it serves one.
    let need_category = need
        .as_ref()
        .and_then(|(_, kind, _)| NeedKind::parse(kind).ok())
        .map(ServiceCategory::for_need);
    let category = match need_category {
        Some(c) if categories.contains(&c) => c,
        Some(_) => return Err(Rejected::one("invalid_referral", "need", "not_served").into()),
        None => *categories.first().ok_or(Error::Conflict("resource_has_no_category"))?,
    };
    if let Some(cap) = resource.capacity {
        if resource.taken >= i64::from(cap) {
            return Err(Error::Conflict("resource_full"));
        }
    }
    let kind = ResourceKind::parse(&resource.kind).map_err(|e| Error::Internal(e.into()))?;
    if kind == ResourceKind::PartnerService {
        let partner = resource.partner_id.ok_or(Error::Conflict("resource_has_no_partner"))?;
        if super::consent::active_for(app, access.student(), partner, category)
            .await?
            .is_none()
        {
            return Err(Error::Conflict("consent_required"));
        }
    }
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let id = repo::insert_referral(
        w.tx(),
        &ReferralWrite {
            id: Uuid::now_v7(),
            district,
            student: access.student(),
            resource: resource.id,
            partner: resource.partner_id,
            kind: match kind {
                ResourceKind::PartnerService => "referral",
                ResourceKind::SchoolOpportunity => "enrolment",
            },
            category: category.key(),
            need: need.map(|(id, _, _)| id),
            goal,
            reason: &reason,
            sent_on: now.date(),
            created_by: access.actor,
        },
        now,
    )
    .await?;
    let mut ev = w.event(AuditAction::ReferralMade, STAFF_KIND);
    ev.record_id = Some(id.to_string());
    ev.detail = Some(format!("resource={} category={}", resource.id, category.key()));
    w.commit_with(ev).await?;
    Ok(id)
}

/// The rule's view of a stored referral.
pub fn rule(row: &ReferralRow) -> Result<Referral, Error> {
    Ok(Referral {
        status: ReferralStatus::parse(&row.status).map_err(|e| Error::Internal(e.into()))?,
        sent_on: row.sent_on,
        accepted_on: row.accepted_on,
        declined_on: row.declined_on,
        first_service_on: row.first_service_on,
        closed_on: row.closed_on,
        outcome: row.outcome.as_deref().and_then(|o| Outcome::parse(o).ok()),
    })
}

/// Applies a step to a referral and stores it with the step row. A move
/// the machine does not allow is the conflict `illegal_referral_move`; a
/// day before the last step or after today `referral_date_out_of_order`.
pub(crate) async fn apply(
    tx: &mut ssp_db::Tx,
    row: &ReferralRow,
    step: &Step,
    actor: PersonId,
    now: time::OffsetDateTime,
) -> Result<Referral, Error> {
    let current = rule(row)?;
    let next = current
        .apply(step.event, step.on, now.date())
        .map_err(|e| Error::Conflict(e.code()))?;
    let stored = repo::update_referral(
        tx,
        row.id,
        current.status.key(),
        &ReferralState {
            status: next.status.key(),
            accepted_on: next.accepted_on,
            declined_on: next.declined_on,
            first_service_on: next.first_service_on,
            closed_on: next.closed_on,
            outcome: next.outcome.map(|o| o.key()),
        },
        now,
    )
    .await?;
    if !stored {
        return Err(Error::Conflict("illegal_referral_move"));
    }
    repo::add_step(
        tx,
        &StepWrite {
            id: Uuid::now_v7(),
            referral: row.id,
            event: step.event.key(),
            on: step.on,
            note: &step.note,
            sensitivity: step.sensitivity.as_str(),
            actor,
        },
        now,
    )
    .await?;
    Ok(next)
}

/// Staff move a referral or an enrolment of the student a step.
pub async fn move_step(
    app: &App,
    access: &StudentAccess,
    referral: &str,
    step: Result<Step, Rejected>,
) -> Result<(), Error> {
    access.require(app, STAFF_KIND, Action::Edit).await?;
    let row = match referral.trim().parse::<Uuid>() {
        Ok(id) => repo::referral(app.db(), id)
            .await?
            .filter(|r| r.student_id == access.student().0),
        Err(_) => None,
    };
    let Some(row) = row else {
        access.refuse(app, STAFF_KIND, Action::Edit).await?;
        return Err(Error::NotFound);
    };
    let step = step?;
    if !access
        .decide(RecordKind::Support(step.sensitivity), Action::Create)
        .is_allowed()
    {
        return Err(Rejected::one("invalid_referral_step", "sensitivity", "not_allowed").into());
    }
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let next = apply(w.tx(), &row, &step, access.actor, now).await?;
    let mut ev = w.event(AuditAction::ReferralMoved, STAFF_KIND);
    ev.record_id = Some(row.id.to_string());
    ev.detail = Some(format!("event={} status={}", step.event.key(), next.status.key()));
    w.commit_with(ev).await
}

/// A referral as the list shows it.
#[derive(Debug, Clone)]
pub struct ReferralView {
    pub row: ReferralRow,
    /// Sitting at its step longer than the district's reminder age.
    pub overdue: bool,
    /// The steps whose notes the reader may see.
    pub steps: Vec<StepRow>,
}

/// The district's reminder age in days (14 unless it chose another).
pub async fn reminder_days(app: &App, district: OrgId) -> Result<u32, Error> {
    Ok(repo::reminder_days(app.db(), district)
        .await?
        .map_or(DEFAULT_REMINDER_DAYS, |d| d.max(1) as u32))
}

/// The student's referrals and enrolments: staff and the family (who see
/// what was referred, to whom and its status, and the notes shared with
/// them). Audited.
pub async fn list(app: &App, access: &StudentAccess) -> Result<Vec<ReferralView>, Error> {
    access.require(app, FAMILY_KIND, Action::View).await?;
    let classes: Vec<&str> = Sensitivity::ALL
        .into_iter()
        .filter(|s| access.decide(RecordKind::Support(*s), Action::View).is_allowed())
        .map(|s| s.as_str())
        .collect();
    let days = reminder_days(app, access.facts.district_id).await?;
    let today = app.now().date();
    let mut out = Vec::new();
    for row in repo::referrals_of_student(app.db(), access.student()).await? {
        let overdue = rule(&row)?.overdue(days, today);
        let steps = repo::steps(app.db(), row.id, &classes).await?;
        out.push(ReferralView { row, overdue, steps });
    }
    Ok(out)
}

/// Sets the district's reminder age (district administrators): 1–365 days.
pub async fn set_reminder_days(app: &App, actor: &crate::Actor, raw: &str) -> Result<u32, Error> {
    let facts = ssp_db::repo::people::actor_facts(app.db(), actor.person).await?;
    if !facts.staff.iter().any(|s| s.role == "district_admin") {
        return Err(if facts.staff.is_empty() {
            Error::NotFound
        } else {
            Error::Forbidden("may_not_change_partner_settings")
        });
    }
    let days = match raw.trim().parse::<u32>() {
        Ok(d) if (1..=365).contains(&d) => d,
        _ => return Err(Rejected::one("invalid_partner_settings", "reminder_days", "out_of_range").into()),
    };
    let now = app.now();
    let mut tx = app.db().begin().await?;
    repo::set_reminder_days(&mut tx, actor.district, days as i32, now).await?;
    let mut ev = super::event(app, actor, AuditAction::PartnerSettingsChanged);
    ev.detail = Some(format!("reminder_days={days}"));
    ssp_db::repo::audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(days)
}
