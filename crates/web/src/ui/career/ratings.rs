//! Work values and strengths: one short form each, every statement or
//! strength a group of four choices; blank is allowed (the student revisits).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use ssp_app::career::ratings::{self, Which};
use ssp_app::StudentAccess;
use ssp_domain::career::self_ratings::Ratings;
use ssp_domain::career::values::{STRENGTHS, VALUE_ITEMS};
use ssp_domain::Language;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

struct Row {
    index: usize,
    text: String,
    /// (value, label, chosen) for each point of the scale.
    choices: Vec<(u8, String, bool)>,
    /// The chosen answer's label, or "—".
    answer: String,
}

#[derive(Template)]
#[template(path = "career_ratings.html")]
struct RatingsPage {
    page: Page,
    student_id: String,
    action: &'static str,
    intro: String,
    is_self: bool,
    rows: Vec<Row>,
    error: bool,
}

fn rows(page: &Page, which: Which, r: &Ratings, scale: &[(u8, String)]) -> Vec<Row> {
    let row = |index: usize, text: String| {
        let current = r.get(index);
        Row {
            index,
            text,
            choices: scale
                .iter()
                .map(|(v, l)| (*v, l.clone(), current == Some(*v)))
                .collect(),
            answer: scale
                .iter()
                .find(|(v, _)| current == Some(*v))
                .map_or_else(|| "—".to_owned(), |(_, l)| l.clone()),
        }
    };
    match which {
        Which::WorkValues => VALUE_ITEMS
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let text = match page.lang {
                    Language::Es => item.es,
                    Language::En => item.en,
                };
                row(i, text.to_owned())
            })
            .collect(),
        Which::Strengths => STRENGTHS
            .iter()
            .enumerate()
            .map(|(i, k)| row(i, page.t(&format!("strength-{k}"))))
            .collect(),
    }
}

async fn render_form(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    which: Which,
    error: bool,
) -> Result<Response, AppError> {
    let current = ratings::show(state, access).await?;
    let (title, action, intro, scale_key, r) = match which {
        Which::WorkValues => (
            "values-title",
            "values",
            "values-intro",
            "value-answer",
            &current.work_values,
        ),
        Which::Strengths => (
            "strengths-title",
            "strengths",
            "strengths-intro",
            "strength-answer",
            &current.strengths,
        ),
    };
    let page = Page::new(ctx, title);
    let scale: Vec<(u8, String)> = (1..=4).map(|v| (v, page.t(&format!("{scale_key}-{v}")))).collect();
    let html = render(&RatingsPage {
        student_id: access.student().to_string(),
        action,
        intro: page.t(intro),
        is_self: access.is_self(),
        rows: rows(&page, which, r, &scale),
        error,
        page,
    })?;
    let status = if error {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, html).into_response())
}

pub async fn values_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    render_form(&state, &ctx, &access, Which::WorkValues, false).await
}

pub async fn strengths_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    render_form(&state, &ctx, &access, Which::Strengths, false).await
}

async fn save(
    state: AppState,
    ctx: Ctx,
    id: String,
    form: HashMap<String, String>,
    which: Which,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let n = match which {
        Which::WorkValues => VALUE_ITEMS.len(),
        Which::Strengths => STRENGTHS.len(),
    };
    let raw: Vec<&str> = (0..n)
        .map(|i| form.get(&format!("r{i}")).map_or("", String::as_str))
        .collect();
    match ratings::save(&state, &access, which, Ratings::parse(&raw, n)).await {
        Ok(()) => Ok(Redirect::to(&format!("/students/{}/career#values-strengths", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(_)) => render_form(&state, &ctx, &access, which, true).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn save_values(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    save(state, ctx, id, form, Which::WorkValues).await
}

pub async fn save_strengths(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    save(state, ctx, id, form, Which::Strengths).await
}
