//! A student's interventions: the list with each one's tier, owner, status
//! and when its next check is due (overdue marked), the form to start one
//! from the district's library, and one intervention's page: its progress
//! chart against the goal line (with the points as a table), a point's
//! form, the ending with its outcome, links and sharing with the family.
//! The student and guardians with rights see the shared ones only.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use ssp_app::support::interventions::{self as cases, StartLinks};
use ssp_app::StudentAccess;
use ssp_db::repo::support::interventions::InterventionRow;
use ssp_db::repo::support::needs as need_repo;
use ssp_db::repo::{students, team};
use ssp_domain::access::Sensitivity;
use ssp_domain::person::PersonName;
use ssp_domain::support::intervention::{
    progress_chart, Cadence, Ending, InterventionRaw, Link, Outcome as EndOutcome, ProgressPoint, Tier,
};
use ssp_domain::support::strategy::Strategy;
use uuid::Uuid;

use super::needs::rejected_message;
use crate::context::Ctx;
use crate::error::{error_message, AppError};
use crate::state::AppState;
use crate::ui::pages::{render, Draft, Page};
use crate::ui::plan::page::display_name;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/students/{id}/interventions", get(list).post(start))
        .route("/students/{id}/interventions/{intervention}", get(detail))
        .route("/students/{id}/interventions/{intervention}/points", post(add_point))
        .route("/students/{id}/interventions/{intervention}/end", post(end))
        .route("/students/{id}/interventions/{intervention}/sharing", post(sharing))
        .route("/students/{id}/interventions/{intervention}/links", post(link))
}

/// A strategy's name: the district's own, or the shipped one's translation.
pub(super) fn strategy_name(page: &Page, library: &[Strategy], key: &str) -> String {
    match library
        .iter()
        .find(|s| s.key.as_str() == key)
        .and_then(|s| s.name.clone())
    {
        Some(name) => name,
        None => {
            let k = format!("strategy-{}", key.replace('_', "-"));
            if crate::i18n::has(page.lang, &k) {
                page.t(&k)
            } else {
                key.to_owned()
            }
        }
    }
}

fn key_label(page: &Page, prefix: &str, key: &str) -> String {
    page.t(&format!("{prefix}-{}", key.replace('_', "-")))
}

struct Summary {
    id: String,
    strategy: String,
    tier: String,
    owner: String,
    status: String,
    active: bool,
    shared: bool,
    measure: String,
    due: Option<String>,
    overdue: bool,
    period: String,
}

fn summary(page: &Page, library: &[Strategy], r: &InterventionRow, today: time::Date) -> Summary {
    let due = cases::check_due(r, today);
    let end = ssp_domain::support::intervention::planned_end(r.start_on, r.planned_weeks.max(1) as u32);
    Summary {
        id: r.id.to_string(),
        strategy: strategy_name(page, library, &r.strategy_key),
        tier: key_label(page, "tier", &r.tier),
        owner: PersonName {
            given: r.owner_given.clone(),
            family: r.owner_family.clone(),
            preferred: r.owner_preferred.clone(),
        }
        .display(),
        status: match &r.outcome {
            Some(o) => format!(
                "{} · {}",
                key_label(page, "intervention-status", &r.status),
                key_label(page, "outcome", o)
            ),
            None => key_label(page, "intervention-status", &r.status),
        },
        active: r.status == "active",
        shared: r.shared_with_family,
        measure: r.measure.clone(),
        due: due.map(|d| page.date(d.due_on)),
        overdue: due.is_some_and(|d| d.overdue),
        period: format!("{} – {}", page.date(r.start_on), page.date(end)),
    }
}

#[derive(Template)]
#[template(path = "interventions.html")]
struct ListPage {
    page: Page,
    student_id: String,
    student_name: String,
    staff: bool,
    can_start: bool,
    error: Option<String>,
    draft: Draft,
    strategies: Vec<(String, String)>,
    tiers: Vec<(&'static str, String)>,
    owners: Vec<(String, String)>,
    cadences: Vec<(&'static str, String)>,
    needs: Vec<(String, String)>,
    today: String,
    items: Vec<Summary>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    render_list(&state, &ctx, &access, None, Draft::default()).await
}

async fn render_list(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    error: Option<String>,
    draft: Draft,
) -> Result<Response, AppError> {
    let rows = cases::list(state, access).await?;
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "interventions-title");
    let district = access.facts.district_id;
    let every = cases::every_strategy(state, district).await?;
    let today = state.now().date();
    let items = rows.iter().map(|r| summary(&page, &every, r, today)).collect();
    let can_start = cases::may_write(access);
    let (mut strategies, mut owners, mut needs) = (vec![], vec![], vec![]);
    if can_start {
        strategies = cases::library(state, district)
            .await?
            .iter()
            .map(|s| {
                let name = strategy_name(&page, &every, s.key.as_str());
                (
                    s.key.as_str().to_owned(),
                    format!("{name} ({})", key_label(&page, "tier", s.tier.key())),
                )
            })
            .collect();
        owners.push((access.actor.0.to_string(), page.t("sn-owner-me")));
        let pm = team::plan_manager_history(state.db(), access.student()).await?;
        let members = team::members(state.db(), access.student()).await?;
        let people = pm
            .into_iter()
            .filter(|p| p.ended_at.is_none())
            .map(|p| (p.staff_id, p.given_name, p.family_name, p.preferred_name))
            .chain(
                members
                    .into_iter()
                    .map(|m| (m.staff_id, m.given_name, m.family_name, m.preferred_name)),
            );
        for (pid, given, family, preferred) in people {
            let id = pid.to_string();
            if !owners.iter().any(|(o, _)| *o == id) {
                owners.push((
                    id,
                    PersonName {
                        given,
                        family,
                        preferred,
                    }
                    .display(),
                ));
            }
        }
        needs = need_repo::list(state.db(), access.student(), &ssp_app::support::needs::readable(access))
            .await?
            .into_iter()
            .filter(|n| !matches!(n.status.as_str(), "met" | "no_longer_needed"))
            .filter(|n| n.sensitivity != Sensitivity::Shared.as_str())
            .map(|n| {
                let desc: String = n.description.chars().take(60).collect();
                (
                    n.id.to_string(),
                    format!("{}: {desc}", key_label(&page, "need-kind", &n.kind)),
                )
            })
            .collect();
    }
    let tiers = Tier::ALL
        .iter()
        .map(|t| (t.key(), key_label(&page, "tier", t.key())))
        .collect();
    let cadences = [Cadence::Weekly, Cadence::EveryTwoWeeks, Cadence::Monthly]
        .into_iter()
        .map(|c| (c.as_str(), key_label(&page, "cadence", c.as_str())))
        .collect();
    let code = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = render(&ListPage {
        page,
        student_id: access.student().to_string(),
        student_name: display_name(&h),
        staff: cases::reads_staff(access),
        can_start,
        error,
        draft,
        strategies,
        tiers,
        owners,
        cadences,
        needs,
        today: today.to_string(),
        items,
    })?;
    Ok((code, html).into_response())
}

#[derive(Deserialize)]
pub struct StartForm {
    #[serde(default)]
    strategy: String,
    #[serde(default)]
    tier: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    start_on: String,
    #[serde(default)]
    planned_weeks: String,
    #[serde(default)]
    cadence: String,
    #[serde(default)]
    measure: String,
    #[serde(default)]
    baseline: String,
    #[serde(default)]
    goal: String,
    #[serde(default)]
    shared_with_family: Option<String>,
    #[serde(default)]
    need: String,
}

pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<StartForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let library = cases::library(&state, access.facts.district_id).await?;
    let raw = InterventionRaw {
        strategy: &f.strategy,
        tier: &f.tier,
        owner: &f.owner,
        start_on: &f.start_on,
        planned_weeks: &f.planned_weeks,
        cadence: &f.cadence,
        measure: &f.measure,
        baseline: &f.baseline,
        goal: &f.goal,
    };
    let links = StartLinks {
        need: f.need.trim().parse::<Uuid>().ok(),
        ..StartLinks::default()
    };
    let shared = f.shared_with_family.is_some();
    match cases::start(&state, &access, raw.parse(&library), shared, links).await {
        Ok(new) => Ok(Redirect::to(&format!("/students/{}/interventions/{new}", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let draft = Draft::new(
                "start",
                vec![
                    ("strategy", f.strategy),
                    ("tier", f.tier),
                    ("owner", f.owner),
                    ("start_on", f.start_on),
                    ("planned_weeks", f.planned_weeks),
                    ("cadence", f.cadence),
                    ("measure", f.measure),
                    ("baseline", f.baseline),
                    ("goal", f.goal),
                    ("need", f.need),
                ],
            );
            render_list(&state, &ctx, &access, Some(rejected_message(ctx.lang, &r)), draft).await
        }
        Err(e) => Err(e.into()),
    }
}

struct PointView {
    on: String,
    value: String,
    expected: String,
    note: String,
    by: String,
}

#[derive(Template)]
#[template(path = "intervention.html")]
struct DetailPage {
    page: Page,
    student_id: String,
    student_name: String,
    s: Summary,
    baseline: String,
    goal: String,
    cadence: String,
    outcome_note: Option<String>,
    chart: String,
    points: Vec<PointView>,
    links: Vec<String>,
    staff: bool,
    can_write: bool,
    error: Option<String>,
    draft: Draft,
    today: String,
    outcomes: Vec<(&'static str, String)>,
}

pub async fn detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, intervention)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    render_detail(&state, &ctx, &access, &intervention, None, Draft::default()).await
}

async fn render_detail(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    intervention: &str,
    error: Option<String>,
    draft: Draft,
) -> Result<Response, AppError> {
    let d = cases::get(state, access, intervention).await?;
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "interventions-title");
    let every = cases::every_strategy(state, access.facts.district_id).await?;
    let today = state.now().date();
    let s = summary(&page, &every, &d.row, today);
    let r = &d.row;
    let domain_points: Vec<ProgressPoint> = d
        .points
        .iter()
        .map(|p| ProgressPoint {
            on: p.on_date,
            value: p.value,
            note: p.note.clone(),
        })
        .collect();
    let weeks = r.planned_weeks.max(1) as u32;
    let chart_data = progress_chart(r.start_on, weeks, r.baseline, r.goal_value, &domain_points);
    let label = page.t_args(
        "intervention-chart-label",
        &[
            ("measure", r.measure.clone()),
            ("count", d.points.len().to_string()),
            ("baseline", crate::chart::number(r.baseline)),
            ("goal", crate::chart::number(r.goal_value)),
            (
                "latest",
                d.points
                    .last()
                    .map_or_else(|| "—".to_owned(), |p| crate::chart::number(p.value)),
            ),
        ],
    );
    let chart = crate::chart::progress_chart(&label, &chart_data, r.start_on);
    let points = d
        .points
        .iter()
        .map(|p| PointView {
            on: page.date(p.on_date),
            value: crate::chart::number(p.value),
            expected: crate::chart::number(chart_data.expected_at((p.on_date - r.start_on).whole_days())),
            note: p.note.clone(),
            by: PersonName {
                given: p.given_name.clone(),
                family: p.family_name.clone(),
                preferred: p.preferred_name.clone(),
            }
            .display(),
        })
        .collect();
    let links = d
        .links
        .iter()
        .map(|(k, id)| format!("{}: {id}", key_label(&page, "link-kind", k)))
        .collect();
    let outcomes = EndOutcome::ALL
        .iter()
        .map(|o| (o.key(), key_label(&page, "outcome", o.key())))
        .collect();
    let code = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = render(&DetailPage {
        student_id: access.student().to_string(),
        student_name: display_name(&h),
        baseline: crate::chart::number(r.baseline),
        goal: crate::chart::number(r.goal_value),
        cadence: key_label(&page, "cadence", &r.cadence),
        outcome_note: r.outcome_note.clone().filter(|n| !n.is_empty()),
        chart,
        points,
        links,
        staff: cases::reads_staff(access),
        can_write: cases::may_write(access),
        error,
        draft,
        today: today.to_string(),
        outcomes,
        s,
        page,
    })?;
    Ok((code, html).into_response())
}

fn back(access: &StudentAccess, intervention: &str) -> Response {
    Redirect::to(&format!("/students/{}/interventions/{intervention}", access.student())).into_response()
}

/// A refusal shown on the intervention's page, or the error it is.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    intervention: &str,
    e: ssp_app::Error,
    draft: Draft,
) -> Result<Response, AppError> {
    let msg = match e {
        ssp_app::Error::Rejected(r) => rejected_message(ctx.lang, &r),
        ssp_app::Error::Conflict(code) => error_message(ctx.lang, code),
        e => return Err(e.into()),
    };
    render_detail(state, ctx, access, intervention, Some(msg), draft).await
}

#[derive(Deserialize)]
pub struct PointForm {
    #[serde(default)]
    on: String,
    #[serde(default)]
    value: String,
    #[serde(default)]
    note: String,
}

pub async fn add_point(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, intervention)): Path<(String, String)>,
    Form(f): Form<PointForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    match cases::add_point(&state, &access, &intervention, &f.on, &f.value, &f.note).await {
        Ok(_) => Ok(back(&access, &intervention)),
        Err(e) => {
            let draft = Draft::new("point", vec![("on", f.on), ("value", f.value), ("note", f.note)]);
            refused(&state, &ctx, &access, &intervention, e, draft).await
        }
    }
}

#[derive(Deserialize)]
pub struct EndForm {
    #[serde(default)]
    end: String,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    note: String,
}

pub async fn end(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, intervention)): Path<(String, String)>,
    Form(f): Form<EndForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = Ending::parse(&f.end, &f.outcome, &f.note);
    match cases::end(&state, &access, &intervention, input).await {
        Ok(()) => Ok(back(&access, &intervention)),
        Err(e) => {
            let draft = Draft::new("end", vec![("end", f.end), ("outcome", f.outcome), ("note", f.note)]);
            refused(&state, &ctx, &access, &intervention, e, draft).await
        }
    }
}

#[derive(Deserialize)]
pub struct SharingForm {
    #[serde(default)]
    share: String,
}

pub async fn sharing(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, intervention)): Path<(String, String)>,
    Form(f): Form<SharingForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    cases::set_shared(&state, &access, &intervention, f.share == "yes").await?;
    Ok(back(&access, &intervention))
}

#[derive(Deserialize)]
pub struct LinkForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    target: String,
}

pub async fn link(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, intervention)): Path<(String, String)>,
    Form(f): Form<LinkForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = Link::parse(&f.kind, &f.target);
    match cases::link(&state, &access, &intervention, input).await {
        Ok(()) => Ok(back(&access, &intervention)),
        Err(e) => {
            let draft = Draft::new("link", vec![("kind", f.kind), ("target", f.target)]);
            refused(&state, &ctx, &access, &intervention, e, draft).await
        }
    }
}
