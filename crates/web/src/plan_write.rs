//! The plan's write services, shared by the pages and the JSON API: each
//! opens one transaction, writes, records the audit row and refreshes the
//! plan's stored up-to-date status before committing.

use ssp_db::repo::corrections::{self, CheckInChange, NewRevision};
use ssp_db::repo::plan::{self, GoalRow, NewCheckIn, NewGoal};
use ssp_db::repo::{audit, students};
use ssp_domain::access::RecordKind;
use ssp_domain::audit::AuditAction;
use ssp_domain::plan::correction::may_correct;
use ssp_domain::plan::goal::parse_iso_date;
use ssp_domain::plan::{GoalStatus, MeasureKind, ValidGoal};
use ssp_domain::PersonId;
use time::Date;
use uuid::Uuid;

use crate::access::StudentAccess;
use crate::app::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::plan_service;

pub const MAX_CHECK_IN_TEXT: usize = 2000;

/// Creates a goal: the student's own goal starts active; a staff member's
/// is a suggestion (a draft) until the student accepts it.
pub async fn create_goal(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    goal: &ValidGoal,
) -> Result<Uuid, AppError> {
    let now = state.now();
    let own = access.is_self();
    let status = if own { GoalStatus::Active } else { GoalStatus::Draft };
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let mut tx = state.db().begin().await?;
    let goal_id = plan::insert_goal(
        &mut tx,
        &NewGoal {
            district: access.facts.district_id,
            student: access.student(),
            domain: goal.domain.as_str(),
            statement: &goal.statement,
            why_it_matters: &goal.why_it_matters,
            measure_kind: goal.measure_kind.as_str(),
            baseline: goal.baseline,
            target: goal.target,
            due_date: goal.due_date,
            cadence: goal.cadence.as_str(),
            status: status.as_str(),
            suggested_by: (!own).then_some(access.actor),
            created_by: access.actor,
            activated_on: own.then_some(now.date()),
        },
        now,
    )
    .await?;
    let mut ev = access.event(state, ctx, AuditAction::GoalCreated, RecordKind::Plan);
    ev.record_id = Some(goal_id.to_string());
    audit::record(&mut tx, &ev).await?;
    plan_service::recompute(&mut tx, access.facts.district_id, access.student(), h.grade_level, now).await?;
    tx.commit().await?;
    Ok(goal_id)
}

/// Why a check-in was refused: a stable code (translation key
/// `checkin-error-<code>`) and, for a bad value, the allowed range.
#[derive(Debug, Clone)]
pub struct CheckInProblem {
    pub code: &'static str,
    pub detail: String,
}

/// Checks a check-in as typed against its goal.
pub fn validate_check_in(
    goal: &GoalRow,
    on_date: &str,
    value: &str,
    note: &str,
    reflection: &str,
    today: Date,
) -> Result<(Date, f64), CheckInProblem> {
    let problem = |code: &'static str, detail: String| CheckInProblem { code, detail };
    if goal.status != "active" {
        return Err(problem("not_active", String::new()));
    }
    let on_date = if on_date.trim().is_empty() {
        today
    } else {
        parse_iso_date(on_date).map_err(|_| problem("date", String::new()))?
    };
    if on_date > today {
        return Err(problem("future", String::new()));
    }
    // Progress is measured from the day the goal started.
    let started = goal.activated_on.unwrap_or(goal.created_at.date());
    if on_date < started {
        return Err(problem("before_start", started.to_string()));
    }
    let measure = MeasureKind::parse(&goal.measure_kind).unwrap_or(MeasureKind::Count);
    let value = measure.parse_value(value).map_err(|e| problem("value", e.detail))?;
    if note.chars().count() > MAX_CHECK_IN_TEXT || reflection.chars().count() > MAX_CHECK_IN_TEXT {
        return Err(problem("long", MAX_CHECK_IN_TEXT.to_string()));
    }
    Ok((on_date, value))
}

/// A check-in that passed [`validate_check_in`].
pub struct CheckInEntry<'a> {
    pub on_date: Date,
    pub value: f64,
    pub note: &'a str,
    pub reflection: &'a str,
}

pub async fn add_check_in(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    goal: &GoalRow,
    entry: &CheckInEntry<'_>,
) -> Result<Uuid, AppError> {
    let CheckInEntry {
        on_date,
        value,
        note,
        reflection,
    } = *entry;
    let now = state.now();
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let mut tx = state.db().begin().await?;
    let check_in = plan::insert_check_in(
        &mut tx,
        &NewCheckIn {
            district: access.facts.district_id,
            student: access.student(),
            goal: goal.id,
            on_date,
            value,
            note: note.trim(),
            reflection: reflection.trim(),
            author: access.actor,
        },
        now,
    )
    .await?;
    let mut ev = access.event(state, ctx, AuditAction::CheckInCreated, RecordKind::Plan);
    ev.record_id = Some(check_in.to_string());
    audit::record(&mut tx, &ev).await?;
    plan_service::recompute(&mut tx, access.facts.district_id, access.student(), h.grade_level, now).await?;
    tx.commit().await?;
    Ok(check_in)
}

/// The record as it was, kept as JSON in its revision row.
fn check_in_json(c: &plan::CheckInRow) -> String {
    serde_json::json!({
        "on_date": c.on_date.to_string(),
        "value": c.value,
        "note": c.note,
        "reflection": c.reflection,
        "author_id": c.author_id,
        "created_at": c.created_at.unix_timestamp(),
        "edited_at": c.edited_at.map(|t| t.unix_timestamp()),
    })
    .to_string()
}

fn reflection_json(r: &plan::ReflectionRow) -> String {
    serde_json::json!({
        "prompt": r.prompt,
        "body": r.body,
        "created_at": r.created_at.unix_timestamp(),
        "edited_at": r.edited_at.map(|t| t.unix_timestamp()),
    })
    .to_string()
}

/// Refuses a correction by anyone but the author, or after the window.
fn require_correctable(
    access: &StudentAccess,
    author: PersonId,
    written_at: time::OffsetDateTime,
    now: time::OffsetDateTime,
) -> Result<(), AppError> {
    if may_correct(author, access.actor, written_at, now) {
        Ok(())
    } else {
        Err(AppError::Forbidden("correction_not_allowed"))
    }
}

/// What a correction does to the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Correction {
    Edit,
    Delete,
}

impl Correction {
    fn change(self) -> &'static str {
        match self {
            Correction::Edit => "edited",
            Correction::Delete => "deleted",
        }
    }
}

/// The author corrects (`entry`) or deletes (`None`) their own check-in
/// within the correction window. The old value is kept as a revision, the
/// change is audited and the plan's status refreshed.
pub async fn correct_check_in(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    goal: &GoalRow,
    old: &plan::CheckInRow,
    entry: Option<&CheckInEntry<'_>>,
) -> Result<(), AppError> {
    let now = state.now();
    require_correctable(access, PersonId(old.author_id), old.created_at, now)?;
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let correction = if entry.is_some() {
        Correction::Edit
    } else {
        Correction::Delete
    };
    let mut tx = state.db().begin().await?;
    let old_value = check_in_json(old);
    corrections::add_revision(
        &mut tx,
        &NewRevision {
            district: access.facts.district_id,
            student: access.student(),
            record_kind: "check_in",
            record_id: old.id,
            change: correction.change(),
            old_value: &old_value,
            by: access.actor,
        },
        now,
    )
    .await?;
    let found = match entry {
        Some(e) => {
            let change = CheckInChange {
                on_date: e.on_date,
                value: e.value,
                note: e.note.trim(),
                reflection: e.reflection.trim(),
            };
            corrections::update_check_in(&mut tx, goal.id, old.id, &change, now).await?
        }
        None => corrections::delete_check_in(&mut tx, goal.id, old.id).await?,
    };
    if !found {
        return Err(AppError::NotFound);
    }
    let action = match correction {
        Correction::Edit => AuditAction::CheckInCorrected,
        Correction::Delete => AuditAction::CheckInDeleted,
    };
    let mut ev = access.event(state, ctx, action, RecordKind::Plan);
    ev.record_id = Some(old.id.to_string());
    audit::record(&mut tx, &ev).await?;
    plan_service::recompute(&mut tx, access.facts.district_id, access.student(), h.grade_level, now).await?;
    tx.commit().await?;
    Ok(())
}

/// The student corrects (`Some((prompt, body))`) or deletes (`None`) their
/// own reflection within the correction window. A reflection others have
/// commented on can be corrected but not deleted.
pub async fn correct_reflection(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    old: &plan::ReflectionRow,
    new: Option<(&str, &str)>,
) -> Result<(), AppError> {
    let now = state.now();
    require_correctable(access, PersonId(access.student().0), old.created_at, now)?;
    let correction = if new.is_some() {
        Correction::Edit
    } else {
        Correction::Delete
    };
    let mut tx = state.db().begin().await?;
    if correction == Correction::Delete && corrections::has_comments(&mut tx, old.id).await? {
        return Err(AppError::Conflict("reflection_has_comments"));
    }
    let old_value = reflection_json(old);
    corrections::add_revision(
        &mut tx,
        &NewRevision {
            district: access.facts.district_id,
            student: access.student(),
            record_kind: "reflection",
            record_id: old.id,
            change: correction.change(),
            old_value: &old_value,
            by: access.actor,
        },
        now,
    )
    .await?;
    let found = match new {
        Some((prompt, body)) => {
            corrections::update_reflection(&mut tx, access.student(), old.id, prompt, body.trim(), now).await?
        }
        None => corrections::delete_uncommented_reflection(&mut tx, access.student(), old.id).await?,
    };
    if !found {
        return Err(AppError::NotFound);
    }
    let action = match correction {
        Correction::Edit => AuditAction::ReflectionCorrected,
        Correction::Delete => AuditAction::ReflectionDeleted,
    };
    let mut ev = access.event(state, ctx, action, RecordKind::Plan);
    ev.record_id = Some(old.id.to_string());
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(())
}
