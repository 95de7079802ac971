//! The student's career page: where the inventory stands and the interest
//! code, work values and strengths, "my career list" with why each was
//! saved, and the career exploration log with its reflections (which can be
//! evidence for a career goal).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_app::career::{inventory, ratings, saved};
use ssp_app::StudentAccess;
use ssp_db::repo::{plan as plan_repo, students};
use ssp_domain::career::input::{NewExploration, SavedCareerNote};
use ssp_domain::career::postsecondary::ExplorationKind;
use ssp_domain::career::self_ratings::{ranked_values, top_strengths};
use ssp_domain::SchoolYear;

use super::area_name;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Draft, Page};
use crate::ui::plan::page::display_name;

struct Saved {
    code: String,
    title: String,
    retired: bool,
    note: String,
    saved_on: String,
}

struct Exploration {
    meta: String,
    title: String,
    occupation: Option<(String, String)>,
    reflection: String,
    goal: Option<String>,
}

#[derive(Template)]
#[template(path = "career.html")]
struct CareerPage {
    page: Page,
    student_id: String,
    student_name: String,
    is_self: bool,
    /// "not_started", "in_progress", "done_this_year", "done_earlier"
    inventory_state: &'static str,
    answered: usize,
    code: String,
    code_names: Vec<String>,
    values: Vec<String>,
    strengths: Vec<String>,
    saved: Vec<Saved>,
    explorations: Vec<Exploration>,
    kinds: Vec<(&'static str, String)>,
    goals: Vec<(String, String)>,
    today: String,
    error: Option<String>,
    draft: Draft,
    show_postsecondary: bool,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    render_page(&state, &ctx, &access, None, Draft::default()).await
}

async fn render_page(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    error: Option<String>,
    draft: Draft,
) -> Result<Response, AppError> {
    let history = inventory::history(state, access).await?;
    let self_ratings = ratings::show(state, access).await?;
    let saved_rows = saved::list(state, access).await?;
    let exploration_rows = saved::explorations(state, access).await?;
    let db = state.db();
    let h = students::header(db, access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "career-title");
    let this_year = SchoolYear::containing(state.now().date());
    let latest = history.first();
    let inventory_state = match latest {
        None => "not_started",
        Some(y) if y.completed_at.is_none() => "in_progress",
        Some(y) if y.school_year == this_year => "done_this_year",
        Some(_) => "done_earlier",
    };
    let completed = inventory::latest_scores(&history);
    let (code, code_names) = match completed {
        Some(y) => {
            let s = y.scores();
            (
                s.code_letters(),
                s.code().into_iter().map(|a| area_name(&page, a)).collect(),
            )
        }
        None => (String::new(), Vec::new()),
    };
    let values = ranked_values(&self_ratings.work_values)
        .into_iter()
        .take(3)
        .map(|(v, _)| page.t(&format!("value-{}", v.key())))
        .collect();
    let strengths = top_strengths(&self_ratings.strengths)
        .into_iter()
        .map(|(k, _)| page.t(&format!("strength-{k}")))
        .collect();
    let saved = saved_rows
        .into_iter()
        .map(|s| Saved {
            retired: s.title.is_none(),
            title: s.title.unwrap_or_else(|| s.code.clone()),
            code: s.code,
            note: s.note,
            saved_on: page.date(s.saved_at.date()),
        })
        .collect();
    let mut titles = std::collections::HashMap::new();
    let codes: Vec<String> = exploration_rows.iter().filter_map(|e| e.code.clone()).collect();
    for (c, t) in ssp_db::repo::career::occupations::titles(db, &codes).await? {
        titles.insert(c, t);
    }
    let explorations = exploration_rows
        .into_iter()
        .map(|e| Exploration {
            meta: format!(
                "{} · {}",
                page.date(e.occurred_on),
                page.t(&format!("exploration-{}", e.kind))
            ),
            title: e.title,
            occupation: e.code.map(|c| (c.clone(), titles.get(&c).cloned().unwrap_or(c))),
            reflection: e.reflection,
            goal: e.goal_statement,
        })
        .collect();
    let goals = if access.is_self() {
        plan_repo::goals(db, access.student())
            .await?
            .into_iter()
            .filter(|g| g.domain == "career" && (g.status == "active" || g.status == "draft"))
            .map(|g| (g.id.to_string(), g.statement))
            .collect()
    } else {
        Vec::new()
    };
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = render(&CareerPage {
        student_id: access.student().to_string(),
        student_name: display_name(&h),
        is_self: access.is_self(),
        inventory_state,
        answered: latest.map_or(0, |y| y.answers.answered()),
        code,
        code_names,
        values,
        strengths,
        saved,
        explorations,
        kinds: ExplorationKind::ALL
            .iter()
            .map(|k| (k.key(), page.t(&format!("exploration-{}", k.key()))))
            .collect(),
        goals,
        today: state.now().date().to_string(),
        error,
        draft,
        show_postsecondary: h.grade_level >= 8,
        page,
    })?;
    Ok((status, html).into_response())
}

#[derive(Deserialize)]
pub struct SaveForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    note: String,
    /// Where to go back to (an occupation page or the matches).
    #[serde(default)]
    back: String,
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<SaveForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    match saved::save(&state, &access, &form.code, SavedCareerNote::parse(&form.note)).await {
        Ok(_) => {
            let back = if form.back.starts_with("/careers/") || form.back.starts_with("/students/") {
                form.back
            } else {
                format!("/students/{}/career", access.student())
            };
            Ok(Redirect::to(&back).into_response())
        }
        Err(ssp_app::Error::Rejected(_)) => {
            let msg = crate::i18n::t(ctx.lang, "career-error-note");
            render_page(&state, &ctx, &access, Some(msg), Draft::default()).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, code)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    saved::remove(&state, &access, &code).await?;
    Ok(Redirect::to(&format!("/students/{}/career", access.student())).into_response())
}

#[derive(Deserialize)]
pub struct ExplorationForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    occurred_on: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    reflection: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    goal: String,
}

fn exploration_error_key(field: &str) -> &'static str {
    match field {
        "kind" => "exploration-error-kind",
        "occurred_on" => "exploration-error-date",
        "title" => "exploration-error-title",
        _ => "exploration-error-reflection",
    }
}

pub async fn log_exploration(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<ExplorationForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = NewExploration::parse(
        &form.kind,
        &form.occurred_on,
        &form.title,
        &form.reflection,
        state.now().date(),
    );
    let draft = || {
        Draft::new(
            "exploration",
            vec![
                ("kind", form.kind.clone()),
                ("occurred_on", form.occurred_on.clone()),
                ("title", form.title.clone()),
                ("reflection", form.reflection.clone()),
            ],
        )
    };
    match saved::log_exploration(&state, &access, input, Some(&form.code), Some(&form.goal)).await {
        Ok(_) => Ok(Redirect::to(&format!("/students/{}/career#explorations", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let key = exploration_error_key(r.first().map_or("", |f| f.field));
            let msg = crate::i18n::t(ctx.lang, key);
            render_page(&state, &ctx, &access, Some(msg), draft()).await
        }
        Err(ssp_app::Error::Invalid(e)) if e.code == "evidence_not_a_career_goal" => {
            let msg = crate::i18n::t(ctx.lang, "exploration-error-goal");
            render_page(&state, &ctx, &access, Some(msg), draft()).await
        }
        Err(e) => Err(e.into()),
    }
}
