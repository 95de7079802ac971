//! The district's course catalog (a district administrator's page) and the
//! CSV loads of the catalog and of transcripts: a file is checked and
//! loaded in one transaction; the page shows what was created, updated and
//! unchanged and every row problem with its line and column. Files over
//! 20 MB go through `ssp import catalog|transcripts`.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ssp_app::academics::catalog::{self, LoadReport, Loader};
use ssp_app::academics::transcript;

use super::UPLOAD_LIMIT;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

struct CourseLine {
    code: String,
    title: String,
    credits: String,
    area: String,
    rigor: String,
    grades: String,
    prerequisites: String,
}

struct Outcome {
    heading: String,
    summary: String,
    problems: Vec<String>,
    refused: bool,
}

#[derive(Template)]
#[template(path = "catalog.html")]
struct CatalogPage {
    page: Page,
    courses: Vec<CourseLine>,
    outcome: Option<Outcome>,
}

fn require_admin(ctx: &Ctx) -> Result<(), AppError> {
    if ctx.session()?.is_district_admin() {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    require_admin(&ctx)?;
    render_page(&state, &ctx, None, StatusCode::OK).await
}

async fn render_page(
    state: &AppState,
    ctx: &Ctx,
    outcome: Option<Outcome>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let district = ctx.session()?.district_id;
    let page = Page::new(ctx, "catalog-title");
    let courses = catalog::list(state, district)
        .await?
        .into_iter()
        .map(|c| CourseLine {
            code: c.code.as_str().to_owned(),
            title: c.title.clone(),
            credits: c.credits.to_string(),
            area: page.t(&format!("academics-area-{}", c.subject_area.key().replace('_', "-"))),
            rigor: page.t(&format!("academics-rigor-{}", c.rigor.key().replace('_', "-"))),
            grades: format!("{}–{}", c.grades.0, c.grades.1),
            prerequisites: c
                .prerequisites
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    let html = render(&CatalogPage { page, courses, outcome })?;
    Ok((status, html).into_response())
}

/// A catalog or transcript file from the page's form (`kind`, `file`).
pub async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    require_admin(&ctx)?;
    let mut form = form.map_err(|_| AppError::BadRequest("malformed_form"))?;
    let mut kind = String::new();
    let mut bytes: Option<Vec<u8>> = None;
    let mut too_big = false;
    while let Some(mut field) = form
        .next_field()
        .await
        .map_err(|_| AppError::BadRequest("malformed_form"))?
    {
        match field.name() {
            Some("kind") => kind = field.text().await.map_err(|_| AppError::BadRequest("malformed_form"))?,
            Some("file") => {
                let mut buf = Vec::new();
                while let Some(chunk) = field
                    .chunk()
                    .await
                    .map_err(|_| AppError::BadRequest("malformed_form"))?
                {
                    if buf.len() + chunk.len() > UPLOAD_LIMIT {
                        too_big = true;
                        break;
                    }
                    buf.extend_from_slice(&chunk);
                }
                bytes = Some(buf);
            }
            _ => {}
        }
    }
    let lang = ctx.lang;
    let t = |k: &str| crate::i18n::t(lang, k);
    let heading = match kind.as_str() {
        "catalog" => t("catalog-load-catalog"),
        "transcripts" => t("catalog-load-transcripts"),
        _ => return Err(AppError::BadRequest("malformed_form")),
    };
    let refuse = |why: String| Outcome {
        heading: heading.clone(),
        summary: why,
        problems: Vec::new(),
        refused: true,
    };
    let outcome = match bytes {
        _ if too_big => refuse(t("catalog-too-big")),
        None => refuse(t("catalog-no-file")),
        Some(b) if b.is_empty() => refuse(t("catalog-no-file")),
        Some(b) => {
            let by = Loader::from(&ctx.actor()?);
            let result = if kind == "catalog" {
                catalog::load(&state, &by, b.as_slice()).await?
            } else {
                transcript::load(&state, &by, b.as_slice()).await?
            };
            match result {
                Err(refusal) => refuse(crate::i18n::t_args(
                    lang,
                    "catalog-refused",
                    &[("why", refusal.to_string())],
                )),
                Ok(report) => outcome_of(lang, heading.clone(), &report),
            }
        }
    };
    let status = if outcome.refused {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    render_page(&state, &ctx, Some(outcome), status).await
}

fn outcome_of(lang: ssp_domain::Language, heading: String, r: &LoadReport) -> Outcome {
    let summary = crate::i18n::t_args(
        lang,
        "catalog-loaded",
        &[
            ("created", r.created.to_string()),
            ("updated", r.updated.to_string()),
            ("unchanged", r.unchanged.to_string()),
            ("problems", r.problems.len().to_string()),
        ],
    );
    let problems = r
        .problems
        .iter()
        .take(500)
        .map(|p| {
            let what = super::record::problem_text(lang, &p.code);
            match &p.column {
                Some(c) => crate::i18n::t_args(
                    lang,
                    "catalog-problem-column",
                    &[("line", p.line.to_string()), ("column", c.clone()), ("what", what)],
                ),
                None => crate::i18n::t_args(lang, "catalog-problem", &[("line", p.line.to_string()), ("what", what)]),
            }
        })
        .collect();
    Outcome {
        heading,
        summary,
        problems,
        refused: false,
    }
}
