//! The capstone's use cases: the student writes and submits the proposal,
//! staff who may edit the plan's staff side approve or return it, milestones
//! (with the mentor's feedback) and final products follow, staff schedule
//! the presentation with its panel, mark it presented, enter each
//! panelist's rubric sheet and record the result. Every move goes through
//! the domain's [`transition`]; an illegal one answers 409 and changes
//! nothing. A passed capstone meets the graduation audit's
//! mastery-based diploma assessment ([`passed`]).
//!
//! The district's rubric ([`rubric_of`], [`save_rubric`]) is stored as the
//! editor's JSON and parsed by the domain on every read; a capstone keeps a
//! copy of the rubric from the moment it is presented, so the panel scores
//! against what it saw.

use serde::{Deserialize, Serialize};
use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::repo::portfolio::capstones::{self as repo, CapstoneRow, MilestoneRow, PanelistRow, ProductRow, ResultRow};
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::input::{FieldError, Rejected};
use ssp_domain::portfolio::capstone::{
    transition, CapstoneEvent, CapstoneState, CapstoneStatus, IllegalMove, MentorFeedback, NewMilestone,
    PresentationDate, Proposal, ProposalRaw, ReturnComment,
};
use ssp_domain::portfolio::rubric::{
    self, default_rubric, parse_sheet, CriterionRaw, LevelRaw, Rubric, RubricRaw, ScoreResult,
};
use ssp_domain::{OrgId, PersonId, StudentId};
use uuid::Uuid;

use crate::academics::catalog::Loader;
use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::{App, Parsed};

/// The most panelists on one panel.
pub const MAX_PANELISTS: usize = 8;

/// A student's capstone as the page shows it.
#[derive(Debug, Clone)]
pub struct Capstone {
    pub id: Uuid,
    pub state: CapstoneState,
    pub question: String,
    pub plan: String,
    pub mentor_name: String,
    pub mentor_email: Option<String>,
    /// Staff's comment when the proposal was last returned.
    pub return_comment: String,
    pub milestones: Vec<MilestoneRow>,
    pub products: Vec<ProductRow>,
    /// The current attempt's panel and their sheets.
    pub panel: Vec<PanelistRow>,
    /// Each scored attempt's result, first attempt first.
    pub results: Vec<ResultRow>,
    /// The rubric the panel scores with: the copy taken when presented, or
    /// the district's.
    pub rubric: Rubric,
}

/// What the page shows: the capstone (None: not started) and the
/// district's rubric.
#[derive(Debug, Clone)]
pub struct CapstoneView {
    pub capstone: Option<Capstone>,
    pub rubric: Rubric,
    /// A new capstone may be started (none yet, or the last was withdrawn).
    pub can_start: bool,
}

/// Whether the student has passed a capstone (a system read, not audited:
/// the graduation audit asks it inside reads that are already audited).
pub async fn passed(app: &App, student: StudentId) -> Result<bool, Error> {
    Ok(repo::has_passed(app.db(), student).await?)
}

fn state_of(row: &CapstoneRow, products: usize) -> Result<CapstoneState, Error> {
    Ok(CapstoneState {
        status: CapstoneStatus::parse(&row.status)?,
        final_products: products as u32,
        presentation_on: row.presentation_on,
        attempt: row.attempt.max(1) as u32,
    })
}

/// The capstone (a read of the plan, audited for anyone but the student).
pub async fn show(app: &App, access: &StudentAccess) -> Result<CapstoneView, Error> {
    access.require(app, RecordKind::Plan, Action::View).await?;
    let db = app.db();
    let district = rubric_of(app, access.facts.district_id).await?;
    let Some(row) = repo::current(db, access.student()).await? else {
        return Ok(CapstoneView {
            capstone: None,
            rubric: district,
            can_start: true,
        });
    };
    let products = repo::products(db, row.id).await?;
    let state = state_of(&row, products.len())?;
    let rubric = row
        .rubric
        .as_deref()
        .and_then(stored_rubric)
        .unwrap_or_else(|| district.clone());
    let capstone = Capstone {
        id: row.id,
        state,
        milestones: repo::milestones(db, row.id).await?,
        panel: repo::panel(db, row.id, row.attempt).await?,
        results: repo::results(db, row.id).await?,
        products,
        rubric,
        question: row.question,
        plan: row.plan,
        mentor_name: row.mentor_name,
        mentor_email: row.mentor_email,
        return_comment: row.return_comment,
    };
    Ok(CapstoneView {
        can_start: state.status == CapstoneStatus::Withdrawn,
        capstone: Some(capstone),
        rubric: district,
    })
}

/// Who takes a write: the student, or staff who may edit the plan's staff
/// side (the student's team, counselors and school staff with access).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum By {
    Student,
    Staff,
    Either,
}

/// A write on the student's current capstone, inside one transaction.
struct CapstoneWrite<'a> {
    w: PlanWrite<'a>,
    row: CapstoneRow,
    state: CapstoneState,
    by_student: bool,
}

async fn begin<'a>(app: &'a App, access: &'a StudentAccess, by: By) -> Result<CapstoneWrite<'a>, Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    match (by, access.is_self()) {
        (By::Student, false) => return Err(Error::Forbidden("capstone_by_student_only")),
        (By::Staff, true) => return Err(Error::Forbidden("capstone_by_staff_only")),
        _ => {}
    }
    let mut w = PlanWrite::begin(app, access).await?;
    let row = repo::current_in(w.tx(), access.student())
        .await?
        .ok_or(Error::Conflict("capstone_not_started"))?;
    let products = repo::products(app.db(), row.id).await?;
    let state = state_of(&row, products.len())?;
    Ok(CapstoneWrite {
        w,
        row,
        state,
        by_student: access.is_self(),
    })
}

/// The message for an illegal move, by what was tried.
fn refusal(e: IllegalMove) -> Error {
    Error::Conflict(match e.event {
        "submit_proposal" => "capstone_already_submitted",
        "approve" | "return" => "capstone_not_proposed",
        "add_milestone" | "complete_milestone" | "attach_final_product" | "schedule_presentation" => {
            "capstone_not_in_progress"
        }
        "mark_presented" => "capstone_not_ready",
        "score" => "capstone_not_presented",
        "reopen" => "capstone_not_failed",
        "withdraw" => "capstone_cannot_withdraw",
        _ => "illegal_capstone_move",
    })
}

impl CapstoneWrite<'_> {
    /// The state after `event`, or 409 with nothing changed.
    fn next(&self, event: &CapstoneEvent) -> Result<CapstoneState, Error> {
        transition(&self.state, event).map_err(refusal)
    }

    /// Stores the new state (with what the move carries) and commits with
    /// its audit row.
    async fn moved(
        mut self,
        event: &CapstoneEvent,
        next: CapstoneState,
        extra: repo::Move<'_>,
        actor: PersonId,
    ) -> Result<(), Error> {
        let now = self.w.now();
        let m = repo::Move {
            status: next.status.key(),
            attempt: next.attempt as i32,
            presentation_on: next.presentation_on,
            decided_by: (!self.by_student).then_some(actor),
            ..extra
        };
        repo::set_state(self.w.tx(), self.row.id, &m, now).await?;
        let mut ev = self.w.event(AuditAction::CapstoneMoved, RecordKind::Plan);
        ev.record_id = Some(self.row.id.to_string());
        ev.detail = Some(format!("{}:{}", event.key(), next.status.key()));
        self.w.commit_with(ev).await
    }

    async fn commit(self, action: AuditAction, record: impl ToString, detail: &str) -> Result<(), Error> {
        let mut ev = self.w.event(action, RecordKind::Plan);
        ev.record_id = Some(record.to_string());
        ev.detail = Some(detail.to_owned());
        self.w.commit_with(ev).await
    }
}

fn no_extra<'a>() -> repo::Move<'a> {
    repo::Move {
        status: "",
        attempt: 1,
        presentation_on: None,
        return_comment: None,
        rubric: None,
        decided_by: None,
    }
}

/// The student writes (or rewrites) the proposal; `submit` also submits it
/// for approval. The first save starts the capstone (none yet, or the last
/// was withdrawn). Blank fields are kept in a draft; submitting needs the
/// question, the plan and the mentor (422 `invalid_capstone_proposal`).
pub async fn save_proposal(
    app: &App,
    access: &StudentAccess,
    raw: &ProposalRaw<'_>,
    submit: bool,
) -> Result<Uuid, Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    if !access.is_self() {
        return Err(Error::Forbidden("capstone_by_student_only"));
    }
    let parsed = raw.parse();
    let proposal: Option<Proposal> = match parsed {
        Ok(p) => Some(p),
        Err(r) if !submit && r.fields.iter().all(|f| f.code == "required") => None,
        Err(r) => return Err(Error::Rejected(r)),
    };
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let current = repo::current_in(w.tx(), access.student()).await?;
    let (id, state) = match current {
        None => (
            repo::insert(w.tx(), access.facts.district_id, access.student(), now).await?,
            CapstoneState::new(),
        ),
        Some(row) if row.status == CapstoneStatus::Withdrawn.key() => (
            repo::insert(w.tx(), access.facts.district_id, access.student(), now).await?,
            CapstoneState::new(),
        ),
        Some(row) => {
            let products = repo::products(app.db(), row.id).await?;
            (row.id, state_of(&row, products.len())?)
        }
    };
    match state.status {
        CapstoneStatus::Draft | CapstoneStatus::Returned => {}
        CapstoneStatus::Passed => return Err(Error::Conflict("capstone_already_passed")),
        _ => return Err(Error::Conflict("capstone_proposal_locked")),
    }
    let (question, plan, mentor, email) = match &proposal {
        Some(p) => (
            p.question.clone(),
            p.plan.clone(),
            p.mentor.name.clone(),
            p.mentor.email.as_ref().map(|e| e.as_str().to_owned()),
        ),
        None => (
            raw.question.trim().to_owned(),
            raw.plan.trim().to_owned(),
            raw.mentor_name.trim().to_owned(),
            Some(raw.mentor_email.trim().to_owned()).filter(|e| !e.is_empty()),
        ),
    };
    repo::set_proposal(w.tx(), id, &question, &plan, &mentor, email.as_deref(), now).await?;
    let mut ev = w.event(AuditAction::CapstoneProposalSaved, RecordKind::Plan);
    ev.record_id = Some(id.to_string());
    w.record(&ev).await?;
    if let (true, Some(p)) = (submit, proposal) {
        let event = CapstoneEvent::SubmitProposal(p);
        let next = transition(&state, &event).map_err(refusal)?;
        let m = repo::Move {
            status: next.status.key(),
            attempt: next.attempt as i32,
            presentation_on: next.presentation_on,
            ..no_extra()
        };
        repo::set_state(w.tx(), id, &m, now).await?;
        let mut ev = w.event(AuditAction::CapstoneMoved, RecordKind::Plan);
        ev.record_id = Some(id.to_string());
        ev.detail = Some(format!("{}:{}", event.key(), next.status.key()));
        w.record(&ev).await?;
    }
    w.finish().await?;
    Ok(id)
}

/// Staff approve the submitted proposal: the work starts.
pub async fn approve(app: &App, access: &StudentAccess) -> Result<(), Error> {
    let c = begin(app, access, By::Staff).await?;
    let event = CapstoneEvent::Approve;
    let next = c.next(&event)?;
    c.moved(&event, next, no_extra(), access.actor).await
}

/// Staff send the proposal back with a comment.
pub async fn return_proposal(app: &App, access: &StudentAccess, comment: Parsed<ReturnComment>) -> Result<(), Error> {
    let c = begin(app, access, By::Staff).await?;
    let comment = comment?;
    let event = CapstoneEvent::Return(comment.clone());
    let next = c.next(&event)?;
    let extra = repo::Move {
        return_comment: Some(&comment.0),
        ..no_extra()
    };
    c.moved(&event, next, extra, access.actor).await
}

/// The student or staff add a milestone while the work is in progress.
pub async fn add_milestone(app: &App, access: &StudentAccess, input: Parsed<NewMilestone>) -> Result<Uuid, Error> {
    let mut c = begin(app, access, By::Either).await?;
    let m = input?;
    c.next(&CapstoneEvent::AddMilestone(m.clone()))?;
    let now = c.w.now();
    let id = repo::add_milestone(
        c.w.tx(),
        access.facts.district_id,
        c.row.id,
        &m.title,
        m.due_on,
        access.actor,
        now,
    )
    .await?;
    c.commit(AuditAction::CapstoneMilestoneSaved, id, "added").await?;
    Ok(id)
}

/// The student marks a milestone done today (or not done).
pub async fn set_milestone_done(app: &App, access: &StudentAccess, milestone: &str, done: bool) -> Result<(), Error> {
    let mut c = begin(app, access, By::Student).await?;
    c.next(&CapstoneEvent::CompleteMilestone)?;
    let id: Uuid = milestone.trim().parse().map_err(|_| Error::NotFound)?;
    let today = c.w.now().date();
    if !repo::set_milestone_done(c.w.tx(), c.row.id, id, done.then_some(today)).await? {
        return Err(Error::NotFound);
    }
    c.commit(
        AuditAction::CapstoneMilestoneSaved,
        id,
        if done { "done" } else { "not_done" },
    )
    .await
}

/// The mentor's feedback on a milestone, typed by staff (the mentor has no
/// account, or is the team member who mentors).
pub async fn milestone_feedback(
    app: &App,
    access: &StudentAccess,
    milestone: &str,
    input: Parsed<MentorFeedback>,
) -> Result<(), Error> {
    let mut c = begin(app, access, By::Staff).await?;
    let feedback = input?;
    let id: Uuid = milestone.trim().parse().map_err(|_| Error::NotFound)?;
    if !repo::set_feedback(c.w.tx(), c.row.id, id, &feedback.0, access.actor).await? {
        return Err(Error::NotFound);
    }
    c.commit(AuditAction::CapstoneMilestoneSaved, id, "feedback").await
}

/// A final product: an artifact of the student's portfolio, or a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FinalProduct {
    Artifact(Uuid),
    Link { title: String, url: String },
}

impl FinalProduct {
    /// An artifact's id, or a link's title (1–200) and `http(s)://` address
    /// (up to 2,000). The input's code is `invalid_final_product`; fields
    /// `artifact_id` (`invalid_id`), `title` (`required`, `too_long`), `url`
    /// (`required`, `invalid_url`).
    pub fn parse(artifact_id: &str, title: &str, url: &str) -> Result<Self, Rejected> {
        let code = "invalid_final_product";
        if !artifact_id.trim().is_empty() {
            return artifact_id
                .trim()
                .parse()
                .map(FinalProduct::Artifact)
                .map_err(|_| Rejected::one(code, "artifact_id", "invalid_id"));
        }
        let mut fields = Vec::new();
        let title = title.trim();
        if title.is_empty() {
            fields.push(FieldError::new("title", "required"));
        } else if title.chars().count() > 200 {
            fields.push(FieldError::new("title", "too_long"));
        }
        let url = url.trim();
        if url.is_empty() {
            fields.push(FieldError::new("url", "required"));
        } else if !(url.starts_with("https://") || url.starts_with("http://"))
            || url.len() > 2_000
            || url.chars().any(char::is_whitespace)
            || url.split("://").nth(1).is_none_or(str::is_empty)
        {
            fields.push(FieldError::new("url", "invalid_url"));
        }
        if fields.is_empty() {
            Ok(FinalProduct::Link {
                title: title.to_owned(),
                url: url.to_owned(),
            })
        } else {
            Err(Rejected::new(code, fields))
        }
    }
}

/// The student attaches a final product; with a presentation date set, the
/// capstone is then ready to present.
pub async fn attach_product(app: &App, access: &StudentAccess, input: Parsed<FinalProduct>) -> Result<Uuid, Error> {
    let mut c = begin(app, access, By::Student).await?;
    let product = input?;
    let event = CapstoneEvent::AttachFinalProduct;
    let next = c.next(&event)?;
    let now = c.w.now();
    if let FinalProduct::Artifact(a) = &product {
        // Only a piece of the student's own portfolio.
        ssp_db::repo::portfolio::artifacts::get(app.db(), access.student(), *a)
            .await?
            .ok_or(Error::InvalidReference)?;
    }
    let id = match &product {
        FinalProduct::Artifact(a) => {
            repo::add_product(c.w.tx(), access.facts.district_id, c.row.id, Some(*a), "", "", now).await?
        }
        FinalProduct::Link { title, url } => {
            repo::add_product(c.w.tx(), access.facts.district_id, c.row.id, None, title, url, now).await?
        }
    };
    let m = repo::Move {
        status: next.status.key(),
        attempt: next.attempt as i32,
        presentation_on: next.presentation_on,
        ..no_extra()
    };
    repo::set_state(c.w.tx(), c.row.id, &m, now).await?;
    let mut ev = c.w.event(AuditAction::CapstoneProductAttached, RecordKind::Plan);
    ev.record_id = Some(id.to_string());
    ev.detail = Some(next.status.key().to_owned());
    c.w.commit_with(ev).await?;
    Ok(id)
}

/// The panel's names, one per line (or separated by commas): 1–8 names of
/// 1–200 characters, none twice. Code `invalid_panel`, field `panel`:
/// `required`, `too_many`, `too_long`, `duplicate_name`.
pub fn parse_panel(raw: &str) -> Result<Vec<String>, Rejected> {
    let names: Vec<String> = raw
        .split(['\n', ','])
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect();
    let problem = if names.is_empty() {
        Some("required")
    } else if names.len() > MAX_PANELISTS {
        Some("too_many")
    } else if names.iter().any(|n| n.chars().count() > 200) {
        Some("too_long")
    } else {
        let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
        lower
            .iter()
            .enumerate()
            .any(|(i, n)| lower[..i].contains(n))
            .then_some("duplicate_name")
    };
    match problem {
        Some(code) => Err(Rejected::one("invalid_panel", "panel", code)),
        None => Ok(names),
    }
}

/// Staff set (or move) the presentation date, not in the past, and name
/// its panel; with a final product attached the capstone is then ready.
pub async fn schedule(
    app: &App,
    access: &StudentAccess,
    date: Parsed<PresentationDate>,
    panel: Parsed<Vec<String>>,
) -> Result<(), Error> {
    let mut c = begin(app, access, By::Staff).await?;
    let (date, panel) = match (date, panel) {
        (Ok(d), Ok(p)) => (d, p),
        (Err(mut a), Err(b)) => {
            a.fields.extend(b.fields);
            return Err(Error::Rejected(a));
        }
        (Err(e), _) | (_, Err(e)) => return Err(Error::Rejected(e)),
    };
    let event = CapstoneEvent::SchedulePresentation(date);
    let next = c.next(&event)?;
    repo::set_panel(
        c.w.tx(),
        access.facts.district_id,
        c.row.id,
        next.attempt as i32,
        &panel,
    )
    .await?;
    c.moved(&event, next, no_extra(), access.actor).await
}

/// Staff mark the capstone presented; the rubric the panel scores with is
/// kept with it from now on.
pub async fn mark_presented(app: &App, access: &StudentAccess) -> Result<(), Error> {
    let c = begin(app, access, By::Staff).await?;
    let event = CapstoneEvent::MarkPresented;
    let next = c.next(&event)?;
    let rubric = rubric_of(app, access.facts.district_id).await?;
    let json = to_stored(&rubric)?;
    let extra = repo::Move {
        rubric: Some(&json),
        ..no_extra()
    };
    c.moved(&event, next, extra, access.actor).await
}

fn rubric_of_row(row: &CapstoneRow) -> Option<Rubric> {
    row.rubric.as_deref().and_then(stored_rubric)
}

/// Staff enter one panelist's sheet: for each criterion, the level's
/// number (1 = lowest). Only once presented (409 `capstone_not_presented`);
/// a blank criterion is 422 `invalid_score` (`incomplete_score`). A sheet
/// entered again replaces the first.
pub async fn enter_sheet(app: &App, access: &StudentAccess, panelist: &str, levels: &[String]) -> Result<(), Error> {
    let mut c = begin(app, access, By::Staff).await?;
    if c.state.status != CapstoneStatus::Presented {
        return Err(Error::Conflict("capstone_not_presented"));
    }
    let rubric = rubric_of_row(&c.row).ok_or(Error::Conflict("capstone_not_presented"))?;
    let id: Uuid = panelist.trim().parse().map_err(|_| Error::NotFound)?;
    let raw: Vec<&str> = levels.iter().map(String::as_str).collect();
    let scores = parse_sheet(&rubric, PersonId(id), &raw)?;
    let stored = scores
        .iter()
        .map(|s| (s.level + 1).to_string())
        .collect::<Vec<_>>()
        .join(",");
    let now = c.w.now();
    if !repo::set_sheet(c.w.tx(), c.row.id, id, &stored, access.actor, now).await? {
        return Err(Error::NotFound);
    }
    c.commit(AuditAction::CapstoneSheetEntered, id, &stored).await
}

/// The panel's scores as the domain reads them (a missing sheet leaves
/// that panelist out).
fn scores_of(rubric: &Rubric, panel: &[PanelistRow]) -> Vec<rubric::PanelScore> {
    panel
        .iter()
        .filter_map(|p| {
            let levels: Vec<&str> = p.levels.as_deref()?.split(',').collect();
            parse_sheet(rubric, PersonId(p.id), &levels).ok()
        })
        .flatten()
        .collect()
}

/// The result the panel's sheets give, once every panelist's is in.
pub fn panel_result(rubric: &Rubric, panel: &[PanelistRow]) -> Option<ScoreResult> {
    if panel.is_empty() || panel.iter().any(|p| p.levels.is_none()) {
        return None;
    }
    rubric::result(rubric, &scores_of(rubric, panel)).ok()
}

/// Staff record the result once every panelist's sheet is in (409
/// `capstone_panel_incomplete` before): passed or not passed by the
/// rubric's rule. The student's graduation standing is refreshed after.
pub async fn record_result(app: &App, access: &StudentAccess) -> Result<bool, Error> {
    let mut c = begin(app, access, By::Staff).await?;
    if c.state.status != CapstoneStatus::Presented {
        return Err(refusal(IllegalMove {
            from: c.state.status,
            event: "score",
        }));
    }
    let rubric = rubric_of_row(&c.row).ok_or(Error::Conflict("capstone_not_presented"))?;
    let panel = repo::panel_in(c.w.tx(), c.row.id, c.row.attempt).await?;
    let result = panel_result(&rubric, &panel).ok_or(Error::Conflict("capstone_panel_incomplete"))?;
    let event = CapstoneEvent::Score { passed: result.passed };
    let next = c.next(&event)?;
    let now = c.w.now();
    let means = result
        .criterion_means
        .iter()
        .map(|m| m.0.to_string())
        .collect::<Vec<_>>()
        .join(",");
    repo::add_result(
        c.w.tx(),
        access.facts.district_id,
        c.row.id,
        c.row.attempt,
        result.passed,
        result.overall.0 as i32,
        &means,
        access.actor,
        now,
    )
    .await?;
    c.moved(&event, next, no_extra(), access.actor).await?;
    crate::academics::course_plan::refresh_status(app, access.facts.district_id, access.student()).await?;
    Ok(result.passed)
}

/// Staff reopen a capstone that did not pass: the next attempt, products
/// kept, a new date and panel to set.
pub async fn reopen(app: &App, access: &StudentAccess) -> Result<(), Error> {
    let c = begin(app, access, By::Staff).await?;
    let event = CapstoneEvent::Reopen;
    let next = c.next(&event)?;
    c.moved(&event, next, no_extra(), access.actor).await
}

/// The student or staff withdraw the capstone (not once presented).
pub async fn withdraw(app: &App, access: &StudentAccess) -> Result<(), Error> {
    let c = begin(app, access, By::Either).await?;
    let event = CapstoneEvent::Withdraw;
    let next = c.next(&event)?;
    c.moved(&event, next, no_extra(), access.actor).await
}

/// One criterion as typed (and as stored, in the rubric's JSON).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CriterionInput {
    pub name: String,
    pub description: String,
}

/// One level as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LevelInput {
    pub name: String,
    /// A whole number, 0–100.
    pub points: String,
}

/// A rubric as typed on `/admin/capstone-rubric` or sent to the API (and as
/// stored).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RubricInput {
    pub criteria: Vec<CriterionInput>,
    /// Lowest first.
    pub levels: Vec<LevelInput>,
    /// A decimal such as `2.5`.
    pub min_average: String,
    /// Blank, or a level's number counting from 1 (lowest).
    pub no_criterion_below: String,
}

impl RubricInput {
    pub fn of(r: &Rubric) -> Self {
        RubricInput {
            criteria: r
                .criteria
                .iter()
                .map(|c| CriterionInput {
                    name: c.name.clone(),
                    description: c.description.clone(),
                })
                .collect(),
            levels: r
                .levels
                .iter()
                .map(|l| LevelInput {
                    name: l.name.clone(),
                    points: l.points.to_string(),
                })
                .collect(),
            min_average: r.pass.min_average.to_string(),
            no_criterion_below: r
                .pass
                .no_criterion_below
                .map(|i| (i + 1).to_string())
                .unwrap_or_default(),
        }
    }

    /// The domain's parse (`invalid_rubric`, each problem by field).
    pub fn parse(&self) -> Result<Rubric, Rejected> {
        let criteria: Vec<CriterionRaw> = self
            .criteria
            .iter()
            .map(|c| CriterionRaw {
                name: &c.name,
                description: &c.description,
            })
            .collect();
        let levels: Vec<LevelRaw> = self
            .levels
            .iter()
            .map(|l| LevelRaw {
                name: &l.name,
                points: &l.points,
            })
            .collect();
        RubricRaw {
            criteria: &criteria,
            levels: &levels,
            min_average: &self.min_average,
            no_criterion_below: &self.no_criterion_below,
        }
        .parse()
    }
}

fn to_stored(r: &Rubric) -> Result<String, Error> {
    serde_json::to_string(&RubricInput::of(r)).map_err(|e| Error::Internal(e.into()))
}

/// A stored rubric, if it still parses (the rules' code may have changed).
fn stored_rubric(json: &str) -> Option<Rubric> {
    serde_json::from_str::<RubricInput>(json).ok()?.parse().ok()
}

/// The district's rubric, or the shipped default.
pub async fn rubric_of(app: &App, district: OrgId) -> Result<Rubric, Error> {
    Ok(repo::rubric(app.db(), district)
        .await?
        .as_deref()
        .and_then(stored_rubric)
        .unwrap_or_else(default_rubric))
}

/// A district administrator saves the district's rubric (the caller checks
/// the role, as for the graduation rules). `Ok(Err)`: refused with every
/// problem, nothing changed. Capstones already presented keep the rubric
/// they were presented under.
pub async fn save_rubric(app: &App, by: &Loader, input: &RubricInput) -> Result<Result<(), Rejected>, Error> {
    let rubric = match input.parse() {
        Ok(r) => r,
        Err(r) => return Ok(Err(r)),
    };
    let json = to_stored(&rubric)?;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    repo::put_rubric(&mut tx, by.district, &json, by.person, now).await?;
    let mut ev = AuditEvent::new(AuditAction::CapstoneRubricSaved, now);
    ev.actor = by.person;
    ev.district_id = Some(by.district);
    ev.record_kind = Some("capstone_rubric");
    ev.request_id = Some(by.request_id.clone());
    ev.detail = Some(format!(
        "{} criteria, {} levels",
        rubric.criteria.len(),
        rubric.levels.len()
    ));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(Ok(()))
}
