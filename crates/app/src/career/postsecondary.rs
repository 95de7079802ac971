//! The postsecondary plan (grades 9–12): the paths the student intends,
//! programs or institutions with their status, key steps by grade with due
//! dates (the shipped steps for the student's paths and class, plus their
//! own), and comments from the team. Guardians read it like the rest of
//! the plan.

use ssp_db::repo::career::postsecondary::{self as repo, CommentRow, ProgramRow};
use ssp_db::repo::students;
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::career::input::{IntendedPaths, NewProgram, NewStep, PlanComment};
use ssp_domain::career::postsecondary::{ProgramStatus, StepTemplate, DEFAULT_STEPS};
use ssp_domain::SchoolYear;
use time::{Date, Month};
use uuid::Uuid;

use super::student_only;
use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::{App, Parsed};

/// The first grade with a postsecondary plan.
pub const FIRST_GRADE: i32 = 9;

/// A key step as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The stored row (None: a shipped step not touched yet).
    pub id: Option<Uuid>,
    /// The shipped step's key (its title is translated), or None for the
    /// student's own step (its title is `title`).
    pub key: Option<&'static str>,
    pub title: String,
    pub grade: Option<i32>,
    pub due_on: Date,
    pub done_on: Option<Date>,
}

#[derive(Debug, Clone)]
pub struct PostsecondaryPlan {
    /// The student's grade (the page explains the plan starts in grade 9).
    pub grade: i32,
    pub paths: IntendedPaths,
    pub programs: Vec<ProgramRow>,
    pub steps: Vec<Step>,
    pub comments: Vec<CommentRow>,
}

/// A shipped step's due date for a student of the class of `graduation`:
/// grade 12 is the school year ending in the graduation year.
pub fn due_date(t: &StepTemplate, graduation: i32) -> Date {
    let year = SchoolYear(graduation - (12 - i32::from(t.grade)));
    let calendar = if t.month >= 7 { year.0 - 1 } else { year.0 };
    Month::try_from(t.month)
        .ok()
        .and_then(|m| Date::from_calendar_date(calendar, m, t.day.clamp(1, m.length(calendar))).ok())
        .unwrap_or_else(|| year.end())
}

/// The plan (a read, audited for anyone but the student).
pub async fn show(app: &App, access: &StudentAccess) -> Result<PostsecondaryPlan, Error> {
    access.require(app, RecordKind::Plan, Action::View).await?;
    let db = app.db();
    let h = students::header(db, access.student()).await?.ok_or(Error::NotFound)?;
    let paths = IntendedPaths::from_stored(&repo::paths(db, access.student()).await?.unwrap_or_default());
    let stored = repo::steps(db, access.student()).await?;
    let mut steps: Vec<Step> = DEFAULT_STEPS
        .iter()
        .filter(|t| t.paths.is_empty() || paths.0.is_empty() || t.paths.iter().any(|p| paths.0.contains(p)))
        .map(|t| {
            let row = stored.iter().find(|s| s.step_key.as_deref() == Some(t.key));
            Step {
                id: row.map(|r| r.id),
                key: Some(t.key),
                title: String::new(),
                grade: Some(i32::from(t.grade)),
                due_on: row.map_or_else(|| due_date(t, h.graduation_year), |r| r.due_on),
                done_on: row.and_then(|r| r.done_on),
            }
        })
        .collect();
    steps.extend(stored.iter().filter(|s| s.step_key.is_none()).map(|s| Step {
        id: Some(s.id),
        key: None,
        title: s.title.clone(),
        grade: None,
        due_on: s.due_on,
        done_on: s.done_on,
    }));
    steps.sort_by_key(|s| s.due_on);
    Ok(PostsecondaryPlan {
        grade: h.grade_level,
        paths,
        programs: repo::programs(db, access.student()).await?,
        steps,
        comments: repo::comments(db, access.student()).await?,
    })
}

/// Writes by the student, from grade 9.
async fn begin<'a>(app: &'a App, access: &'a StudentAccess) -> Result<PlanWrite<'a>, Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    student_only(access, "postsecondary_by_student_only")?;
    let w = PlanWrite::begin(app, access).await?;
    if w.grade() < FIRST_GRADE {
        return Err(Error::Conflict("postsecondary_from_grade_9"));
    }
    Ok(w)
}

async fn commit(w: PlanWrite<'_>, record: impl ToString, detail: &str) -> Result<(), Error> {
    let mut ev = w.event(AuditAction::PostsecondaryUpdated, RecordKind::Plan);
    ev.record_id = Some(record.to_string());
    ev.detail = Some(detail.to_owned());
    w.commit_with(ev).await
}

/// The student sets the paths they intend.
pub async fn set_paths(app: &App, access: &StudentAccess, input: Parsed<IntendedPaths>) -> Result<(), Error> {
    let mut w = begin(app, access).await?;
    let paths = input?;
    let now = w.now();
    repo::put_paths(
        w.tx(),
        access.facts.district_id,
        access.student(),
        &paths.to_stored(),
        now,
    )
    .await?;
    commit(w, "paths", &paths.to_stored()).await
}

pub async fn add_program(app: &App, access: &StudentAccess, input: Parsed<NewProgram>) -> Result<Uuid, Error> {
    let mut w = begin(app, access).await?;
    let p = input?;
    let now = w.now();
    let id = repo::add_program(
        w.tx(),
        access.facts.district_id,
        access.student(),
        &p.name,
        p.path.key(),
        p.status.key(),
        &p.note,
        now,
    )
    .await?;
    commit(w, id, p.status.key()).await?;
    Ok(id)
}

pub async fn set_program_status(app: &App, access: &StudentAccess, program: &str, status: &str) -> Result<(), Error> {
    let mut w = begin(app, access).await?;
    let status = ProgramStatus::parse(status)?;
    let id: Uuid = program.parse().map_err(|_| Error::NotFound)?;
    let now = w.now();
    if !repo::set_program_status(w.tx(), access.student(), id, status.key(), now).await? {
        return Err(Error::NotFound);
    }
    commit(w, id, status.key()).await
}

/// Marks a step done today (or not done): a shipped step by its key, the
/// student's own by its id.
pub async fn set_step_done(app: &App, access: &StudentAccess, step: &str, done: bool) -> Result<(), Error> {
    let mut w = begin(app, access).await?;
    let now = w.now();
    let done_on = done.then(|| now.date());
    let step = step.trim();
    if let Some(t) = DEFAULT_STEPS.iter().find(|t| t.key == step) {
        let stored = repo::steps(app.db(), access.student()).await?;
        match stored.iter().find(|s| s.step_key.as_deref() == Some(t.key)) {
            Some(s) => {
                repo::set_step_done(w.tx(), access.student(), s.id, done_on, now).await?;
            }
            None => {
                let h = students::header(app.db(), access.student())
                    .await?
                    .ok_or(Error::NotFound)?;
                repo::add_step(
                    w.tx(),
                    access.facts.district_id,
                    access.student(),
                    Some(t.key),
                    "",
                    due_date(t, h.graduation_year),
                    done_on,
                    now,
                )
                .await?;
            }
        }
        return commit(w, t.key, if done { "step_done" } else { "step_not_done" }).await;
    }
    let id: Uuid = step.parse().map_err(|_| Error::NotFound)?;
    if !repo::set_step_done(w.tx(), access.student(), id, done_on, now).await? {
        return Err(Error::NotFound);
    }
    commit(w, id, if done { "step_done" } else { "step_not_done" }).await
}

/// The student adds a step of their own.
pub async fn add_step(app: &App, access: &StudentAccess, input: Parsed<NewStep>) -> Result<Uuid, Error> {
    let mut w = begin(app, access).await?;
    let s = input?;
    let now = w.now();
    let id = repo::add_step(
        w.tx(),
        access.facts.district_id,
        access.student(),
        None,
        &s.title,
        s.due_on,
        None,
        now,
    )
    .await?;
    commit(w, id, "step_added").await?;
    Ok(id)
}

/// Someone on the student's team or school staff (whoever may edit the
/// plan's staff side: not the student, a guardian, a teacher or a district
/// administrator) comments.
pub async fn comment(app: &App, access: &StudentAccess, input: Parsed<PlanComment>) -> Result<Uuid, Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    if access.is_self() {
        return Err(Error::Forbidden("postsecondary_comment_by_staff_only"));
    }
    let body = input?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let id = repo::add_comment(
        w.tx(),
        access.facts.district_id,
        access.student(),
        access.actor,
        &body.0,
        now,
    )
    .await?;
    w.commit(AuditAction::PostsecondaryCommented, RecordKind::Plan, id)
        .await?;
    Ok(id)
}
