//! Corrections: an author edits or deletes their own check-in or
//! reflection within the correction window; the old value is kept as a
//! revision.

use ssp_db::repo::corrections::{self, CheckInChange, NewRevision};
use ssp_db::repo::plan::{self, GoalRow};
use ssp_domain::access::RecordKind;
use ssp_domain::audit::AuditAction;
use ssp_domain::plan::correction::may_correct;
use ssp_domain::PersonId;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::App;

use ssp_domain::plan::check_in::CheckInInput;
use ssp_domain::plan::reflection::NewReflection;

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
) -> Result<(), Error> {
    if may_correct(author, access.actor, written_at, now) {
        Ok(())
    } else {
        Err(Error::Forbidden("correction_not_allowed"))
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
    app: &App,
    access: &StudentAccess,
    goal: &GoalRow,
    old: &plan::CheckInRow,
    entry: Option<&CheckInInput>,
) -> Result<(), Error> {
    require_correctable(access, PersonId(old.author_id), old.created_at, app.now())?;
    let correction = if entry.is_some() {
        Correction::Edit
    } else {
        Correction::Delete
    };
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let old_value = check_in_json(old);
    corrections::add_revision(
        w.tx(),
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
                note: &e.note,
                reflection: &e.reflection,
            };
            corrections::update_check_in(w.tx(), goal.id, old.id, &change, now).await?
        }
        None => corrections::delete_check_in(w.tx(), goal.id, old.id).await?,
    };
    if !found {
        return Err(Error::NotFound);
    }
    let action = match correction {
        Correction::Edit => AuditAction::CheckInCorrected,
        Correction::Delete => AuditAction::CheckInDeleted,
    };
    w.commit(action, RecordKind::Plan, old.id).await
}

/// The student corrects (`Some((prompt, body))`) or deletes (`None`) their
/// own reflection within the correction window. A reflection others have
/// commented on can be corrected but not deleted.
pub async fn correct_reflection(
    app: &App,
    access: &StudentAccess,
    old: &plan::ReflectionRow,
    new: Option<&NewReflection>,
) -> Result<(), Error> {
    require_correctable(access, PersonId(access.student().0), old.created_at, app.now())?;
    let correction = if new.is_some() {
        Correction::Edit
    } else {
        Correction::Delete
    };
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    if correction == Correction::Delete && corrections::has_comments(w.tx(), old.id).await? {
        return Err(Error::Conflict("reflection_has_comments"));
    }
    let old_value = reflection_json(old);
    corrections::add_revision(
        w.tx(),
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
        Some(new) => {
            corrections::update_reflection(w.tx(), access.student(), old.id, new.prompt.as_str(), &new.body, now)
                .await?
        }
        None => corrections::delete_uncommented_reflection(w.tx(), access.student(), old.id).await?,
    };
    if !found {
        return Err(Error::NotFound);
    }
    let action = match correction {
        Correction::Edit => AuditAction::ReflectionCorrected,
        Correction::Delete => AuditAction::ReflectionDeleted,
    };
    w.commit(action, RecordKind::Plan, old.id).await
}
