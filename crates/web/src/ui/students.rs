//! The students list: the caseload (students one manages or is on the team
//! of) or everyone the actor may see, filtered in the database by the scope
//! the access module gives.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use ssp_db::repo::students;
use ssp_domain::access::{list_scope, ListScope, ScopePart};
use ssp_domain::person::PersonName;

use super::pages::{render, Page};
use crate::app::AppState;
use crate::context::Ctx;
use crate::error::AppError;

pub const PAGE_SIZE: i64 = 50;

#[derive(Deserialize)]
pub struct ListQuery {
    view: Option<String>,
    page: Option<String>,
}

struct Row {
    id: String,
    name: String,
    grade: i32,
    school: String,
    local_id: String,
}

#[derive(Template)]
#[template(path = "students.html")]
struct StudentsPage {
    page: Page,
    view: &'static str,
    show_tabs: bool,
    summary: String,
    rows: Vec<Row>,
    prev: Option<i64>,
    next: Option<i64>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> Result<Response, AppError> {
    let session = ctx.session()?;
    if !session.is_staff() {
        // Students and families reach their plans from the home page.
        return Ok(Redirect::to("/").into_response());
    }
    let full = list_scope(&session.standing());
    let caseload = ListScope {
        parts: full
            .parts
            .iter()
            .filter(|p| matches!(p, ScopePart::ManagedBy(_) | ScopePart::TeamOf(_)))
            .cloned()
            .collect(),
    };
    let view = match q.view.as_deref() {
        Some("all") => "all",
        Some("caseload") | None => "caseload",
        Some(_) => return Err(AppError::BadRequest("bad_request")),
    };
    let page_no: i64 = match q.page.as_deref() {
        None => 1,
        Some(p) => p
            .parse()
            .ok()
            .filter(|n| (1..=100_000).contains(n))
            .ok_or(AppError::BadRequest("bad_request"))?,
    };
    let scope = if view == "all" { &full } else { &caseload };
    let (rows, total) = students::page(
        state.db(),
        scope,
        state.now().date(),
        PAGE_SIZE,
        (page_no - 1) * PAGE_SIZE,
    )
    .await?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let page = Page::new(&ctx, "students-title");
    let args = [
        ("count", total.to_string()),
        ("page", page_no.to_string()),
        ("pages", pages.to_string()),
    ];
    let summary = crate::i18n::t_args(page.lang, "students-summary", &args);
    let rows = rows
        .into_iter()
        .map(|r| Row {
            id: r.person_id.to_string(),
            name: PersonName {
                given: r.given_name,
                family: r.family_name,
                preferred: r.preferred_name,
            }
            .sortable(),
            grade: r.grade_level,
            school: r.school_name,
            local_id: r.local_id.unwrap_or_default(),
        })
        .collect();
    render(&StudentsPage {
        page,
        view,
        show_tabs: full.parts.len() > caseload.parts.len(),
        summary,
        rows,
        prev: (page_no > 1).then(|| page_no - 1),
        next: (page_no < pages).then(|| page_no + 1),
    })
}
