//! The interest inventory: one question per screen (a phone first), the
//! progress shown, each answer saved as it is given so the student can
//! leave and come back; then the results with a chart, the interest code,
//! what each area means, and a comparison of the years taken.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_app::career::inventory::{self, InventoryYear};
use ssp_app::StudentAccess;
use ssp_db::repo::students;
use ssp_domain::career::inventory::{Answers, ITEM_COUNT, MAX_ANSWER};
use ssp_domain::career::items::ITEMS;
use ssp_domain::career::Area;
use ssp_domain::{Language, SchoolYear};

use super::{area_name, scores_chart};
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};
use crate::ui::plan::page::display_name;

#[derive(Template)]
#[template(path = "career_inventory.html")]
struct ItemPage {
    page: Page,
    student_id: String,
    number: usize,
    item: usize,
    text: String,
    answered: usize,
    total: usize,
    choices: Vec<(u8, String, bool)>,
    previous: Option<usize>,
    error: bool,
}

#[derive(Deserialize)]
pub struct ItemQuery {
    item: Option<String>,
}

fn current(history: &[InventoryYear], year: SchoolYear) -> Answers {
    history
        .iter()
        .find(|y| y.school_year == year)
        .map(|y| y.answers.clone())
        .unwrap_or_default()
}

/// The next question (or the one asked for); staff and family are taken to
/// the results: the inventory is the student's to answer.
pub async fn take(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<ItemQuery>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let history = inventory::history(&state, &access).await?;
    if !access.is_self() {
        return Ok(Redirect::to(&format!("/students/{}/career/results", access.student())).into_response());
    }
    let answers = current(&history, SchoolYear::containing(state.now().date()));
    let asked = q.item.and_then(|i| i.parse::<usize>().ok()).filter(|i| *i < ITEM_COUNT);
    match asked.or_else(|| answers.next_unanswered()) {
        Some(item) => render_item(&ctx, &access, &answers, item, false, StatusCode::OK),
        None => Ok(Redirect::to(&format!("/students/{}/career/results", access.student())).into_response()),
    }
}

fn render_item(
    ctx: &Ctx,
    access: &StudentAccess,
    answers: &Answers,
    item: usize,
    error: bool,
    status: StatusCode,
) -> Result<Response, AppError> {
    let page = Page::new(ctx, "inventory-title");
    let it = ITEMS[item];
    let text = match page.lang {
        Language::Es => it.es,
        Language::En => it.en,
    };
    let given = answers.get(item);
    let choices = (0..=MAX_ANSWER)
        .map(|v| (v, page.t(&format!("inventory-answer-{v}")), given == Some(v)))
        .collect();
    let html = render(&ItemPage {
        student_id: access.student().to_string(),
        number: item + 1,
        item,
        text: text.to_owned(),
        answered: answers.answered(),
        total: ITEM_COUNT,
        choices,
        previous: item.checked_sub(1),
        error,
        page,
    })?;
    Ok((status, html).into_response())
}

#[derive(Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    item: String,
    #[serde(default)]
    answer: String,
}

/// Saves one answer and moves to the next unanswered question (after this
/// one, then from the start), or to the results when none is left.
pub async fn answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let item = form.item.trim().parse::<usize>().ok().filter(|i| *i < ITEM_COUNT);
    if form.answer.trim().is_empty() {
        if let (Some(item), true) = (item, access.is_self()) {
            // No choice made: ask the same question again, saying so.
            let history = inventory::history(&state, &access).await?;
            let answers = current(&history, SchoolYear::containing(state.now().date()));
            return render_item(&ctx, &access, &answers, item, true, StatusCode::UNPROCESSABLE_ENTITY);
        }
    }
    let answers = inventory::answer(&state, &access, &form.item, &form.answer).await?;
    let at = item.unwrap_or(0);
    let next = (at + 1..ITEM_COUNT).chain(0..at).find(|i| answers.get(*i).is_none());
    let to = match next {
        Some(i) => format!("/students/{}/career/inventory?item={i}", access.student()),
        None => format!("/students/{}/career/results", access.student()),
    };
    Ok(Redirect::to(&to).into_response())
}

struct AreaRow {
    name: String,
    score: u8,
    short: String,
    explain: String,
}

struct YearColumn {
    label: String,
    scores: [u8; 6],
    code: String,
}

#[derive(Template)]
#[template(path = "career_results.html")]
struct ResultsPage {
    page: Page,
    student_id: String,
    student_name: String,
    is_self: bool,
    /// The latest completed inventory (a half-finished one is never scored).
    latest: Option<YearColumn>,
    /// Answers so far when the latest inventory is not finished.
    in_progress: Option<usize>,
    total: usize,
    chart: String,
    code_names: Vec<String>,
    areas: Vec<AreaRow>,
    years: Vec<YearColumn>,
    /// Each area's name and its score in each of `years`.
    compare: Vec<(String, Vec<u8>)>,
    can_retake: bool,
}

fn year_label(y: SchoolYear) -> String {
    format!("{}–{}", y.0 - 1, y.0)
}

pub async fn results(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let history = inventory::history(&state, &access).await?;
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(&ctx, "inventory-results-title");
    let this_year = SchoolYear::containing(state.now().date());
    let column = |y: &InventoryYear| {
        let s = y.scores();
        YearColumn {
            label: year_label(y.school_year),
            scores: s.0,
            code: s.code_letters(),
        }
    };
    let latest_year = inventory::latest_scores(&history);
    let latest = latest_year.map(column);
    let in_progress = history
        .first()
        .filter(|y| y.completed_at.is_none())
        .map(|y| y.answers.answered());
    let (chart, code_names, areas) = match latest_year {
        Some(y) => {
            let s = y.scores();
            let areas = s
                .ranked()
                .into_iter()
                .map(|a: Area| AreaRow {
                    name: area_name(&page, a),
                    score: s.of(a),
                    short: page.t(&format!("riasec-{}-short", a.key())),
                    explain: page.t(&format!("riasec-{}-explain", a.key())),
                })
                .collect();
            (
                scores_chart(&page, &s.0),
                s.code().into_iter().map(|a| area_name(&page, a)).collect(),
                areas,
            )
        }
        None => (String::new(), Vec::new(), Vec::new()),
    };
    let years: Vec<YearColumn> = history
        .iter()
        .filter(|y| y.completed_at.is_some())
        .map(column)
        .collect();
    let compare = Area::ALL
        .iter()
        .map(|a| {
            (
                area_name(&page, *a),
                years.iter().map(|y| y.scores[a.index()]).collect(),
            )
        })
        .collect();
    let html = render(&ResultsPage {
        student_id: access.student().to_string(),
        student_name: display_name(&h),
        is_self: access.is_self(),
        in_progress,
        total: ITEM_COUNT,
        can_retake: access.is_self()
            && in_progress.is_none()
            && latest_year.is_some_and(|y| y.school_year != this_year),
        latest,
        chart,
        code_names,
        areas,
        years,
        compare,
        page,
    })?;
    Ok(html)
}
