//! `/admin/strategies`: a district administrator sees the shipped library
//! of intervention strategies and keeps the district's own beside it (add,
//! retire, offer again). The shipped library works without any of this.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use ssp_app::support::interventions as cases;
use ssp_domain::support::intervention::Tier;
use ssp_domain::support::strategy::default_library;

use super::interventions::strategy_name;
use super::needs::rejected_message;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Draft, Page};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/strategies", get(show).post(add))
        .route("/admin/strategies/retire", post(retire))
}

#[derive(Template)]
#[template(path = "strategies.html")]
struct StrategiesPage {
    page: Page,
    /// (name, tier)
    shipped: Vec<(String, String)>,
    /// (key, name, tier, retired)
    own: Vec<(String, String, String, bool)>,
    tiers: Vec<(&'static str, String)>,
    error: Option<String>,
    draft: Draft,
}

fn tier_label(page: &Page, t: Tier) -> String {
    page.t(&format!("tier-{}", t.key().replace('_', "-")))
}

async fn render_page(state: &AppState, ctx: &Ctx, error: Option<String>, draft: Draft) -> Result<Response, AppError> {
    let district = ctx.session()?.district_id;
    let page = Page::new(ctx, "strategies-title");
    let lib = default_library();
    let shipped = lib
        .iter()
        .map(|s| (strategy_name(&page, &lib, s.key.as_str()), tier_label(&page, s.tier)))
        .collect();
    let own = cases::own_strategies(state, district)
        .await?
        .into_iter()
        .map(|o| {
            (
                o.strategy.key.as_str().to_owned(),
                o.strategy.name.clone().unwrap_or_default(),
                tier_label(&page, o.strategy.tier),
                o.retired,
            )
        })
        .collect();
    let tiers = Tier::ALL.iter().map(|t| (t.key(), tier_label(&page, *t))).collect();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = render(&StrategiesPage {
        page,
        shipped,
        own,
        tiers,
        error,
        draft,
    })?;
    Ok((status, html).into_response())
}

async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.district_admin()?;
    render_page(&state, &ctx, None, Draft::default()).await
}

#[derive(Deserialize)]
struct AddForm {
    #[serde(default)]
    key: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    tier: String,
}

async fn add(State(state): State<AppState>, ctx: Ctx, Form(f): Form<AddForm>) -> Result<Response, AppError> {
    ctx.district_admin()?;
    match cases::add_strategy(&state, &ctx.actor()?, &f.key, &f.name, &f.tier).await {
        Ok(_) => Ok(Redirect::to("/admin/strategies").into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let draft = Draft::new("strategy", vec![("key", f.key), ("name", f.name), ("tier", f.tier)]);
            render_page(&state, &ctx, Some(rejected_message(ctx.lang, &r)), draft).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct RetireForm {
    #[serde(default)]
    key: String,
    #[serde(default)]
    retire: String,
}

async fn retire(State(state): State<AppState>, ctx: Ctx, Form(f): Form<RetireForm>) -> Result<Response, AppError> {
    ctx.district_admin()?;
    cases::set_strategy_retired(&state, &ctx.actor()?, &f.key, f.retire == "yes").await?;
    Ok(Redirect::to("/admin/strategies").into_response())
}
