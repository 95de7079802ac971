//! `/partner`: a partner user's referrals — students referred to their
//! organisation while a consent covers the category (each shown is a
//! disclosure) — and the step form to accept, decline, record a service or
//! close, one list at a time (new, waiting for a first service, receiving
//! services, waiting too long: the home page links to each). Anyone else,
//! or another organisation's referral, is a 404.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use ssp_app::partners::partner_users::{self, Show};
use ssp_domain::partners::referral::Outcome;
use ssp_domain::person::PersonName;

use super::label;
use super::student::StepFields;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/partner", get(show))
        .route("/partner/referrals/{referral}", post(step))
}

struct Row {
    id: String,
    student: String,
    grade: i32,
    school: String,
    what: String,
    category: String,
    need: String,
    reason: String,
    status: String,
    purpose: String,
    until: String,
    open: bool,
    overdue: bool,
}

#[derive(Template)]
#[template(path = "partners_partner.html")]
struct PartnerPage {
    page: Page,
    error: Option<String>,
    rows: Vec<Row>,
    /// (link, label, current) of the lists: all, new, to first service…
    filters: Vec<(String, String, bool)>,
    events: Vec<(&'static str, String)>,
    outcomes: Vec<(&'static str, String)>,
}

/// The lists the page offers, by their `show` value.
const LISTS: [(&str, &str); 5] = [
    ("", "partners-show-all"),
    ("new", "partners-show-new"),
    ("to_first_service", "partners-show-to-first-service"),
    ("in_service", "partners-show-in-service"),
    ("too_long", "partners-show-too-long"),
];

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShowQuery {
    show: String,
}

async fn render_page(state: &AppState, ctx: &Ctx, show: &str, error: Option<String>) -> Result<Response, AppError> {
    let rows = partner_users::referrals(state, &ctx.actor()?, Show::parse(show)).await?;
    let page = Page::new(ctx, "partners-partner-title");
    let current = if Show::parse(show) == Show::All { "" } else { show };
    let filters = LISTS
        .iter()
        .map(|(v, key)| {
            let link = if v.is_empty() {
                "/partner".to_owned()
            } else {
                format!("/partner?show={v}")
            };
            (link, page.t(key), *v == current)
        })
        .collect();
    let rows = rows
        .into_iter()
        .map(|p| Row {
            id: p.row.id.to_string(),
            student: PersonName {
                given: p.row.given_name.clone(),
                family: p.row.family_name.clone(),
                preferred: p.row.preferred_name.clone(),
            }
            .display(),
            grade: p.grade,
            school: p.school,
            what: p.row.resource_name.clone(),
            category: label(page.lang, "partner-category", &p.row.category),
            need: p.need.unwrap_or_default(),
            reason: p.row.reason.clone(),
            status: label(page.lang, "referral-status", &p.row.status),
            purpose: p.purpose,
            until: page.date(p.consent_expires_on),
            open: !matches!(p.row.status.as_str(), "declined" | "closed"),
            overdue: p.overdue,
        })
        .collect();
    let code = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = render(&PartnerPage {
        error,
        rows,
        filters,
        events: ["accept", "decline", "record_service", "close"]
            .into_iter()
            .map(|e| (e, label(page.lang, "referral-event", e)))
            .collect(),
        outcomes: Outcome::ALL
            .iter()
            .map(|o| (o.key(), label(page.lang, "referral-outcome", o.key())))
            .collect(),
        page,
    })?;
    Ok((code, html).into_response())
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ShowQuery>) -> Result<Response, AppError> {
    render_page(&state, &ctx, &q.show, None).await
}

pub async fn step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(referral): Path<String>,
    Form(f): Form<StepFields>,
) -> Result<Response, AppError> {
    let parsed = f.form().parse(state.now().date());
    let error = match partner_users::move_step(&state, &ctx.actor()?, &referral, parsed).await {
        Ok(()) => return Ok(Redirect::to(&format!("/partner#referral-{referral}")).into_response()),
        Err(ssp_app::Error::Rejected(r)) => super::rejected_message(ctx.lang, &r),
        Err(ssp_app::Error::Conflict(code)) => crate::error::error_message(ctx.lang, code),
        Err(e) => return Err(e.into()),
    };
    render_page(&state, &ctx, "", Some(error)).await
}
