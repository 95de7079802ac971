//! `/admin/portfolio`: a district administrator sets how many pieces of best
//! work a student may mark each school year and keeps the district's own
//! competencies (add, retire, offer again). Links to the capstone rubric.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use ssp_app::portfolio::settings;
use ssp_domain::input::Rejected;
use ssp_domain::portfolio::best_work::{parse_best_work_limit, MAX_BEST_WORK_LIMIT};
use ssp_domain::Language;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/portfolio", get(show))
        .route("/admin/portfolio/best-work", post(save_best_work))
        .route("/admin/portfolio/competencies", post(add_competency))
        .route("/admin/portfolio/competencies/{key}/retire", post(retire))
        .route("/admin/portfolio/competencies/{key}/restore", post(restore))
}

#[derive(Template)]
#[template(path = "portfolio_settings.html")]
struct SettingsPage {
    page: Page,
    max_best_work: String,
    max_limit: u32,
    is_default: bool,
    /// (key, name, retired)
    competencies: Vec<(String, String, bool)>,
    best_problems: Vec<String>,
    competency_problems: Vec<String>,
    new_key: String,
    new_name: String,
    saved: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Saved {
    saved: Option<String>,
}

/// One line per refused field: "Name: what is wrong".
fn problems(lang: Language, r: &Rejected) -> Vec<String> {
    r.fields
        .iter()
        .map(|f| {
            crate::i18n::t_args(
                lang,
                "portfolio-settings-problem",
                &[
                    (
                        "field",
                        crate::i18n::t(lang, &format!("portfolio-settings-field-{}", f.field.replace('_', "-"))),
                    ),
                    (
                        "what",
                        crate::i18n::t(lang, &format!("portfolio-settings-code-{}", f.code.replace('_', "-"))),
                    ),
                ],
            )
        })
        .collect()
}

#[derive(Default)]
struct Forms {
    max_best_work: Option<String>,
    best_problems: Vec<String>,
    new_key: String,
    new_name: String,
    competency_problems: Vec<String>,
    saved: Option<String>,
}

async fn render_page(state: &AppState, ctx: &Ctx, forms: Forms, status: StatusCode) -> Result<Response, AppError> {
    let district = ctx.session()?.district_id;
    let s = settings::of_district(state, district).await?;
    let page = Page::new(ctx, "portfolio-settings-title");
    let mut res = render(&SettingsPage {
        page,
        max_best_work: forms.max_best_work.unwrap_or_else(|| s.max_best_work.to_string()),
        max_limit: MAX_BEST_WORK_LIMIT,
        is_default: s.is_default,
        competencies: s
            .competencies
            .iter()
            .map(|c| (c.key.to_string(), c.name.clone(), c.retired))
            .collect(),
        best_problems: forms.best_problems,
        competency_problems: forms.competency_problems,
        new_key: forms.new_key,
        new_name: forms.new_name,
        saved: forms
            .saved
            .map(|s| crate::i18n::t(ctx.lang, &format!("portfolio-settings-saved-{s}"))),
    })?;
    *res.status_mut() = status;
    Ok(res)
}

async fn show(State(state): State<AppState>, ctx: Ctx, Query(q): Query<Saved>) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let saved = q
        .saved
        .filter(|s| ["best", "added", "retired", "restored"].contains(&s.as_str()));
    render_page(
        &state,
        &ctx,
        Forms {
            saved,
            ..Forms::default()
        },
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
struct BestWorkForm {
    #[serde(default)]
    max_best_work: String,
}

async fn save_best_work(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(f): Form<BestWorkForm>,
) -> Result<Response, AppError> {
    ctx.district_admin()?;
    match settings::save_max_best_work(&state, &ctx.actor()?, parse_best_work_limit(&f.max_best_work)).await {
        Ok(()) => Ok(Redirect::to("/admin/portfolio?saved=best#best-work").into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let forms = Forms {
                max_best_work: Some(f.max_best_work),
                best_problems: problems(ctx.lang, &r),
                ..Forms::default()
            };
            render_page(&state, &ctx, forms, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct CompetencyForm {
    #[serde(default)]
    key: String,
    #[serde(default)]
    name: String,
}

async fn add_competency(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(f): Form<CompetencyForm>,
) -> Result<Response, AppError> {
    ctx.district_admin()?;
    match settings::add_competency(&state, &ctx.actor()?, &f.key, &f.name).await {
        Ok(_) => Ok(Redirect::to("/admin/portfolio?saved=added#competencies").into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let forms = Forms {
                competency_problems: problems(ctx.lang, &r),
                new_key: f.key,
                new_name: f.name,
                ..Forms::default()
            };
            render_page(&state, &ctx, forms, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn retire(State(state): State<AppState>, ctx: Ctx, Path(key): Path<String>) -> Result<Response, AppError> {
    ctx.district_admin()?;
    settings::set_retired(&state, &ctx.actor()?, &key, true).await?;
    Ok(Redirect::to("/admin/portfolio?saved=retired#competencies").into_response())
}

async fn restore(State(state): State<AppState>, ctx: Ctx, Path(key): Path<String>) -> Result<Response, AppError> {
    ctx.district_admin()?;
    settings::set_retired(&state, &ctx.actor()?, &key, false).await?;
    Ok(Redirect::to("/admin/portfolio?saved=restored#competencies").into_response())
}
