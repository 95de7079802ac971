//! The annual review: signing it (the student, the plan manager or a
//! guardian, whichever the actor is), or the plan manager's logged attempt
//! to reach a guardian. The last required signature completes the grade's
//! "annual review" activity and keeps the plan-year snapshot.

use ssp_db::repo::plan::{self, ReviewRow, SignatureSlot};
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::plan::activity::default_scope_and_sequence;
use ssp_domain::plan::review::SignAs;
use ssp_domain::plan::Condition;
use ssp_domain::SchoolYear;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::status;
use crate::write::PlanWrite;
use crate::{App, Parsed};

/// The slot the actor signs in, if any: the student, the plan manager, or a
/// guardian with educational rights.
pub fn signature_slot(access: &StudentAccess) -> Option<SignatureSlot> {
    let rel = &access.facts.relationship;
    if rel.is_self {
        Some(SignatureSlot::Student)
    } else if rel.is_plan_manager {
        Some(SignatureSlot::Manager)
    } else if rel.guardian_with_rights == Some(true) {
        Some(SignatureSlot::Guardian)
    } else {
        None
    }
}

/// The stored and audited name of a slot.
pub fn slot_name(slot: SignatureSlot) -> &'static str {
    match slot {
        SignatureSlot::Student => "student",
        SignatureSlot::Manager => "plan_manager",
        SignatureSlot::Guardian => "guardian",
        SignatureSlot::GuardianAttempt => "guardian_attempt",
    }
}

/// Signs this year's review; answers the slot signed.
pub async fn sign(app: &App, access: &StudentAccess, input: Parsed<SignAs>) -> Result<SignatureSlot, Error> {
    access.require(app, RecordKind::Plan, Action::Sign).await?;
    let slot = match input? {
        SignAs::GuardianAttempt if access.facts.relationship.is_plan_manager => SignatureSlot::GuardianAttempt,
        SignAs::GuardianAttempt => return Err(Error::Forbidden("attempt_by_plan_manager_only")),
        SignAs::Own => signature_slot(access).ok_or(Error::Forbidden("cannot_sign"))?,
    };
    let goals = plan::goals(app.db(), access.student()).await?;
    if !goals.iter().any(|g| g.status == "active" || g.status == "met") {
        return Err(Error::invalid("review_not_ready", "the plan needs a goal first"));
    }
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let year = SchoolYear::containing(now.date());
    let (district, student) = (access.facts.district_id, access.student());
    if !plan::sign_review(w.tx(), district, student, year.0, slot, access.actor, now).await? {
        return Err(Error::invalid("already_signed", "already signed"));
    }
    let mut ev = w.event(AuditAction::ReviewSigned, RecordKind::Plan);
    ev.detail = Some(slot_name(slot).to_owned());
    ev.record_id = Some(year.0.to_string());
    w.record(&ev).await?;
    if w.refresh().await?.holds(Condition::Reviewed) {
        // The last required signature completes this grade's "annual
        // review" activity (unless it was already done or exempted).
        let key = format!("g{}_annual_review", w.grade());
        let records = plan::activity_records_in_tx(w.tx(), student).await?;
        let in_scope = default_scope_and_sequence().iter().any(|t| t.key == key);
        let recorded = records.iter().any(|r| r.activity_key == key && r.state != "pending");
        if in_scope && !recorded {
            plan::record_activity(w.tx(), district, student, &key, year.0, "done", None, access.actor, now).await?;
            let mut ev = w.event(AuditAction::ActivityRecorded, RecordKind::Plan);
            ev.record_id = Some(key);
            ev.detail = Some("done".to_owned());
            w.record(&ev).await?;
            w.refresh().await?;
        }
        let records = plan::activity_records_in_tx(w.tx(), student).await?;
        let goals = plan::goals_in_tx(w.tx(), student).await?;
        let snap = status::snapshot(year, &goals, &records);
        let json = serde_json::to_string(&snap).map_err(|e| Error::Internal(e.into()))?;
        plan::save_snapshot(w.tx(), district, student, year.0, &json, now).await?;
    }
    w.finish().await?;
    Ok(slot)
}

/// The latest annual review (a read, audited).
pub async fn latest(app: &App, access: &StudentAccess) -> Result<Option<ReviewRow>, Error> {
    access.require(app, RecordKind::Plan, Action::View).await?;
    Ok(plan::latest_review(app.db(), access.student()).await?)
}
