//! `/partner`: a partner user's referrals — students referred to their
//! organisation while a consent covers the category (each shown is a
//! disclosure) — and the step form to accept, decline, record a service or
//! close. Anyone else, or another organisation's referral, is a 404.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use ssp_app::partners::partner_users;
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
}

#[derive(Template)]
#[template(path = "partners_partner.html")]
struct PartnerPage {
    page: Page,
    error: Option<String>,
    rows: Vec<Row>,
    events: Vec<(&'static str, String)>,
    outcomes: Vec<(&'static str, String)>,
}

async fn render_page(state: &AppState, ctx: &Ctx, error: Option<String>) -> Result<Response, AppError> {
    let rows = partner_users::referrals(state, &ctx.actor()?).await?;
    let page = Page::new(ctx, "partners-partner-title");
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

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    render_page(&state, &ctx, None).await
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
    render_page(&state, &ctx, Some(error)).await
}
