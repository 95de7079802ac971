//! "My career list" and the career exploration log. An exploration can be
//! evidence for one of the student's career-domain goals.

use ssp_db::repo::career::occupations;
use ssp_db::repo::career::saved::{self, ExplorationRow, NewExplorationRow, SavedCareerRow};
use ssp_db::repo::plan as plan_repo;
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::career::input::{NewExploration, SavedCareerNote};
use uuid::Uuid;

use super::student_only;
use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::{App, Parsed};

pub async fn list(app: &App, access: &StudentAccess) -> Result<Vec<SavedCareerRow>, Error> {
    access.require(app, RecordKind::Plan, Action::View).await?;
    Ok(saved::list(app.db(), access.student()).await?)
}

/// The student saves an occupation (again: the note is replaced).
pub async fn save(
    app: &App,
    access: &StudentAccess,
    code: &str,
    input: Parsed<SavedCareerNote>,
) -> Result<Uuid, Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    student_only(access, "career_list_by_student_only")?;
    let note = input?;
    let occupation = occupations::get(app.db(), code.trim())
        .await?
        .ok_or(Error::InvalidReference)?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let id = saved::save(
        w.tx(),
        access.facts.district_id,
        access.student(),
        &occupation.code,
        &note.0,
        now,
    )
    .await?;
    let mut ev = w.event(AuditAction::CareerSaved, RecordKind::Plan);
    ev.record_id = Some(occupation.code.clone());
    w.commit_with(ev).await?;
    Ok(id)
}

/// The student takes an occupation off their list.
pub async fn remove(app: &App, access: &StudentAccess, code: &str) -> Result<(), Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    student_only(access, "career_list_by_student_only")?;
    let mut w = PlanWrite::begin(app, access).await?;
    if !saved::remove(w.tx(), access.student(), code.trim()).await? {
        return Err(Error::NotFound);
    }
    let mut ev = w.event(AuditAction::CareerRemoved, RecordKind::Plan);
    ev.record_id = Some(code.trim().to_owned());
    w.commit_with(ev).await
}

pub async fn explorations(app: &App, access: &StudentAccess) -> Result<Vec<ExplorationRow>, Error> {
    access.require(app, RecordKind::Plan, Action::View).await?;
    Ok(saved::explorations(app.db(), access.student()).await?)
}

/// The student logs an exploration activity with a reflection, optionally
/// about an occupation and as evidence for one of their career goals.
pub async fn log_exploration(
    app: &App,
    access: &StudentAccess,
    input: Parsed<NewExploration>,
    code: Option<&str>,
    goal: Option<&str>,
) -> Result<Uuid, Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    student_only(access, "exploration_by_student_only")?;
    let e = input?;
    let code = match code.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => Some(
            occupations::get(app.db(), c)
                .await?
                .ok_or(Error::InvalidReference)?
                .code,
        ),
        None => None,
    };
    let goal_id = match goal.map(str::trim).filter(|g| !g.is_empty()) {
        Some(g) => {
            let id: Uuid = g.parse().map_err(|_| Error::InvalidReference)?;
            let goal = plan_repo::goal(app.db(), access.student(), id)
                .await?
                .ok_or(Error::InvalidReference)?;
            if goal.domain != "career" {
                return Err(Error::invalid(
                    "evidence_not_a_career_goal",
                    "the goal is not one of the student's career goals",
                ));
            }
            Some(id)
        }
        None => None,
    };
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let id = saved::add_exploration(
        w.tx(),
        access.facts.district_id,
        access.student(),
        &NewExplorationRow {
            kind: e.kind.key(),
            occurred_on: e.occurred_on,
            title: &e.title,
            code: code.as_deref(),
            reflection: &e.reflection,
            goal_id,
        },
        now,
    )
    .await?;
    let mut ev = w.event(AuditAction::ExplorationLogged, RecordKind::Plan);
    ev.record_id = Some(id.to_string());
    ev.detail = Some(e.kind.key().to_owned());
    w.commit_with(ev).await?;
    Ok(id)
}
