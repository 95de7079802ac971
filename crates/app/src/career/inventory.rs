//! The interest inventory: answered one item at a time and saved as the
//! student goes (leave and come back), once per school year; the last
//! answer completes it, keeps the scores, and marks the grade's "interest
//! inventory" activity done.

use ssp_db::repo::career::inventories::{self, InventoryRow};
use ssp_db::repo::plan;
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::career::inventory::{Answers, Scores};
use ssp_domain::plan::activity::{default_scope_and_sequence, ActivityState};
use ssp_domain::SchoolYear;
use time::OffsetDateTime;

use super::student_only;
use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::App;

/// One school year's inventory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InventoryYear {
    pub school_year: SchoolYear,
    pub answers: Answers,
    pub started_at: OffsetDateTime,
    pub completed_at: Option<OffsetDateTime>,
}

impl InventoryYear {
    pub fn scores(&self) -> Scores {
        self.answers.scores()
    }

    fn from_row(r: InventoryRow) -> Result<Self, Error> {
        Ok(InventoryYear {
            school_year: SchoolYear(r.school_year),
            answers: Answers::from_stored(&r.answers)?,
            started_at: r.started_at,
            completed_at: r.completed_at,
        })
    }
}

/// Every year's inventory of the student, the latest year first (a read,
/// audited for anyone but the student).
pub async fn history(app: &App, access: &StudentAccess) -> Result<Vec<InventoryYear>, Error> {
    access.require(app, RecordKind::Plan, Action::View).await?;
    inventories::for_student(app.db(), access.student())
        .await?
        .into_iter()
        .map(InventoryYear::from_row)
        .collect()
}

/// The latest completed inventory's scores, if any (for the matcher).
pub fn latest_scores(history: &[InventoryYear]) -> Option<&InventoryYear> {
    history.iter().find(|y| y.completed_at.is_some())
}

/// The student answers item `item` (0–59) with `value` (0–4) in this
/// school year's inventory; returns the answers so far. The answer that
/// completes the inventory marks the grade's inventory activity done.
pub async fn answer(app: &App, access: &StudentAccess, item: &str, value: &str) -> Result<Answers, Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    student_only(access, "inventory_by_student_only")?;
    let item: usize = item
        .trim()
        .parse()
        .map_err(|_| Error::invalid("invalid_answer", format!("item {item:?}")))?;
    let value: u8 = value
        .trim()
        .parse()
        .map_err(|_| Error::invalid("invalid_answer", format!("answer {value:?}")))?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let year = SchoolYear::containing(now.date());
    let existing = inventories::get_in_tx(w.tx(), access.student(), year.0).await?;
    let mut answers = match &existing {
        Some(r) => Answers::from_stored(&r.answers)?,
        None => Answers::default(),
    };
    answers.answer(item, value)?;
    let was_complete = existing.as_ref().and_then(|r| r.completed_at);
    let completed_at = was_complete.or_else(|| answers.is_complete().then_some(now));
    let id = inventories::put(
        w.tx(),
        access.facts.district_id,
        access.student(),
        year.0,
        &answers.to_stored(),
        completed_at,
        now,
    )
    .await?;
    if was_complete.is_none() && completed_at.is_some() {
        // This answer completed it: the grade's inventory activity is done.
        let grade = w.grade();
        if let Some(t) = default_scope_and_sequence()
            .into_iter()
            .find(|t| t.grade.get() as i32 == grade && t.key.contains("interest_inventory"))
        {
            plan::record_activity(
                w.tx(),
                access.facts.district_id,
                access.student(),
                t.key,
                year.0,
                ActivityState::Done.as_str(),
                None,
                access.actor,
                now,
            )
            .await?;
            let mut ev = w.event(AuditAction::ActivityRecorded, RecordKind::Plan);
            ev.record_id = Some(t.key.to_owned());
            ev.detail = Some("done".into());
            w.record(&ev).await?;
        }
        let mut ev = w.event(AuditAction::CareerInventoryCompleted, RecordKind::Plan);
        ev.record_id = Some(id.to_string());
        ev.detail = Some(format!("code={}", answers.scores().code_letters()));
        w.commit_with(ev).await?;
    } else {
        let mut ev = w.event(AuditAction::CareerInventoryAnswered, RecordKind::Plan);
        ev.record_id = Some(id.to_string());
        ev.detail = Some(format!("item={item}"));
        w.commit_with(ev).await?;
    }
    Ok(answers)
}

/// Where a listed student's inventory stands, for a caseload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    NotTaken,
    /// The latest inventory is unfinished (and no earlier one is complete).
    InProgress,
    /// The latest completed inventory's code (may be empty: every area 0).
    Code(String),
}

/// The inventory standing of each listed student (one query for a page of
/// a list the caller has already filtered by the access module's scope).
pub async fn standings(
    app: &App,
    students: &[uuid::Uuid],
) -> Result<std::collections::HashMap<uuid::Uuid, Standing>, Error> {
    let mut out = std::collections::HashMap::new();
    // Latest year first: the first completed one gives the code.
    for (student, row) in inventories::of_students(app.db(), students).await? {
        let entry = out.entry(student).or_insert(Standing::InProgress);
        if *entry == Standing::InProgress && row.completed_at.is_some() {
            if let Ok(a) = Answers::from_stored(&row.answers) {
                *entry = Standing::Code(a.scores().code_letters());
            }
        }
    }
    Ok(out)
}
