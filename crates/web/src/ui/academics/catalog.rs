//! The district's course catalog (a district administrator's page) and the
//! CSV loads of the catalog and of transcripts: a file is checked and
//! loaded in one transaction; the page shows what was created, updated and
//! unchanged and every row problem with its line and column. Files over
//! 20 MB go through `ssp import catalog|transcripts`.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use ssp_app::academics::catalog::{self, LoadReport, Loader};
use ssp_app::academics::transcript;
use ssp_domain::academics::course::{CatalogCourse, CatalogCourseRaw, Rigor, SubjectArea, TermLength};

use super::UPLOAD_LIMIT;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Draft, Page};

struct CourseLine {
    /// The course's fields as the edit form takes them.
    form: Vec<(&'static str, String)>,
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
    /// The one-course form: what was typed (a refused form) or the course
    /// being edited.
    draft: Draft,
    error: Option<String>,
    /// The district's standings being recomputed after a catalog change.
    refreshing: Option<String>,
    terms: Vec<(&'static str, String)>,
    areas: Vec<(&'static str, String)>,
    rigors: Vec<(&'static str, String)>,
}

#[derive(Deserialize)]
pub struct ShowQuery {
    edit: Option<String>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ShowQuery>) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let form = Form {
        edit: q.edit,
        ..Form::default()
    };
    render_with(&state, &ctx, None, StatusCode::OK, form).await
}

async fn render_page(
    state: &AppState,
    ctx: &Ctx,
    outcome: Option<Outcome>,
    status: StatusCode,
) -> Result<Response, AppError> {
    render_with(state, ctx, outcome, status, Form::default()).await
}

/// The one-course form's state.
#[derive(Default)]
struct Form {
    edit: Option<String>,
    draft: Option<Draft>,
    error: Option<String>,
}

async fn render_with(
    state: &AppState,
    ctx: &Ctx,
    outcome: Option<Outcome>,
    status: StatusCode,
    form: Form,
) -> Result<Response, AppError> {
    let district = ctx.session()?.district_id;
    let page = Page::new(ctx, "catalog-title");
    let courses: Vec<CourseLine> = catalog::list(state, district)
        .await?
        .into_iter()
        .map(|c| CourseLine {
            form: course_fields(&c),
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
    let draft = match (form.draft, &form.edit) {
        (Some(d), _) => d,
        (None, Some(code)) => courses
            .iter()
            .find(|c| &c.code == code)
            .map(|c| Draft::new("course", c.form.clone()))
            .unwrap_or_default(),
        (None, None) => Draft::default(),
    };
    let key = |p: &str, k: &str| format!("{p}-{}", k.replace('_', "-"));
    let refreshing = ssp_app::academics::standing::progress(state, district).map(|p| {
        page.t_args(
            "catalog-refreshing",
            &[("done", p.done.to_string()), ("total", p.total.to_string())],
        )
    });
    let html = render(&CatalogPage {
        refreshing,
        terms: TermLength::ALL
            .iter()
            .map(|t| (t.key(), page.t(&key("catalog-term", t.key()))))
            .collect(),
        areas: SubjectArea::ALL
            .iter()
            .map(|a| (a.key(), page.t(&key("academics-area", a.key()))))
            .collect(),
        rigors: Rigor::ALL
            .iter()
            .map(|r| (r.key(), page.t(&key("academics-rigor", r.key()))))
            .collect(),
        page,
        courses,
        outcome,
        draft,
        error: form.error,
    })?;
    Ok((status, html).into_response())
}

fn course_fields(c: &CatalogCourse) -> Vec<(&'static str, String)> {
    let join = |v: Vec<String>| v.join(", ");
    vec![
        ("code", c.code.as_str().to_owned()),
        ("title", c.title.clone()),
        ("credits", c.credits.to_string()),
        ("term_length", c.term_length.key().to_owned()),
        ("subject_area", c.subject_area.key().to_owned()),
        ("tags", join(c.tags.iter().map(|t| t.as_str().to_owned()).collect())),
        (
            "sced",
            c.sced.as_ref().map(|s| s.as_str().to_owned()).unwrap_or_default(),
        ),
        ("rigor", c.rigor.key().to_owned()),
        ("grade_min", c.grades.0.to_string()),
        ("grade_max", c.grades.1.to_string()),
        (
            "prerequisites",
            join(c.prerequisites.iter().map(|p| p.as_str().to_owned()).collect()),
        ),
        ("pathways", join(c.pathways.iter().map(|p| p.to_string()).collect())),
        ("core", if c.core { "yes" } else { "" }.to_owned()),
        ("repeatable", if c.repeatable { "yes" } else { "" }.to_owned()),
    ]
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CourseForm {
    code: String,
    title: String,
    credits: String,
    term_length: String,
    subject_area: String,
    tags: String,
    sced: String,
    rigor: String,
    grade_min: String,
    grade_max: String,
    prerequisites: String,
    pathways: String,
    core: String,
    repeatable: String,
}

/// A district administrator adds or changes one course.
pub async fn save_course(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(f): axum::Form<CourseForm>,
) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let raw = CatalogCourseRaw {
        code: &f.code,
        title: &f.title,
        credits: &f.credits,
        term_length: &f.term_length,
        subject_area: &f.subject_area,
        tags: &f.tags,
        sced: &f.sced,
        rigor: &f.rigor,
        grade_min: &f.grade_min,
        grade_max: &f.grade_max,
        prerequisites: &f.prerequisites,
        pathways: &f.pathways,
        core: &f.core,
        repeatable: &f.repeatable,
    };
    let by = Loader::from(&ctx.actor()?);
    match catalog::save_one(&state, &by, CatalogCourse::parse(&raw)).await {
        Ok(()) => {
            ssp_app::academics::standing::refresh_district_in_background(&state, by.district);
            Ok(Redirect::to("/admin/catalog#courses").into_response())
        }
        Err(ssp_app::Error::Rejected(r)) => {
            let lang = ctx.lang;
            let msg = r
                .fields
                .iter()
                .map(|x| {
                    format!(
                        "{}: {}",
                        crate::i18n::t(lang, &format!("catalog-field-{}", x.field.replace('_', "-"))),
                        super::record::problem_text(lang, x.code)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            let draft = Draft::new(
                "course",
                vec![
                    ("code", f.code.clone()),
                    ("title", f.title.clone()),
                    ("credits", f.credits.clone()),
                    ("term_length", f.term_length.clone()),
                    ("subject_area", f.subject_area.clone()),
                    ("tags", f.tags.clone()),
                    ("sced", f.sced.clone()),
                    ("rigor", f.rigor.clone()),
                    ("grade_min", f.grade_min.clone()),
                    ("grade_max", f.grade_max.clone()),
                    ("prerequisites", f.prerequisites.clone()),
                    ("pathways", f.pathways.clone()),
                    ("core", f.core.clone()),
                    ("repeatable", f.repeatable.clone()),
                ],
            );
            let form = Form {
                edit: None,
                draft: Some(draft),
                error: Some(crate::i18n::t_args(lang, "catalog-course-refused", &[("why", msg)])),
            };
            render_with(&state, &ctx, None, StatusCode::UNPROCESSABLE_ENTITY, form).await
        }
        Err(e) => Err(e.into()),
    }
}

/// A catalog or transcript file from the page's form (`kind`, `file`).
pub async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let form = form.map_err(|_| AppError::BadRequest("malformed_form"))?;
    let up = crate::upload::read_small(form, UPLOAD_LIMIT).await?;
    let (kind, too_big, bytes) = (up.get("kind").to_owned(), up.too_big, up.bytes);
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
                Ok(report) => {
                    if kind == "catalog" && report.created + report.updated > 0 {
                        ssp_app::academics::standing::refresh_district_in_background(&state, by.district);
                    }
                    outcome_of(lang, heading.clone(), &report)
                }
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
