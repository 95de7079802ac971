//! `/admin/support`: a district administrator sets the early-warning
//! thresholds (every field checked against its range, nothing saved when
//! one is out of it) and which staff role owns each kind of flag, and loads
//! attendance, behaviour and course-mark files (all or nothing; every row
//! problem with its line and column). Saving recomputes the district's
//! flags in the background.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_app::academics::catalog::{LoadReport, Loader};
use ssp_app::support::loads::{self, Indicator};
use ssp_app::support::{recompute, settings};
use ssp_domain::input::Rejected;
use ssp_domain::support::flag::{FlagKind, Routing};
use ssp_domain::support::rules::{self, ThresholdsRaw};
use ssp_domain::{Language, StaffRole};

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::academics::UPLOAD_LIMIT;
use crate::ui::pages::{render, Page};

struct Outcome {
    heading: String,
    summary: String,
    problems: Vec<String>,
    refused: bool,
}

#[derive(Template)]
#[template(path = "support_settings.html")]
struct SettingsPage {
    page: Page,
    /// (field, label, value, hint)
    fields: Vec<(&'static str, String, String, String)>,
    /// (kind key, kind name, chosen role key)
    routes: Vec<(&'static str, String, String)>,
    roles: Vec<(&'static str, String)>,
    problems: Vec<String>,
    saved: bool,
    is_default: bool,
    refreshing: bool,
    outcome: Option<Outcome>,
}

const FIELDS: [&str; 7] = [
    "chronic_absence_percent",
    "min_days_enrolled",
    "suspension_days",
    "low_gpa",
    "stale_after_days",
    "grade9_min_credits",
    "grade9_max_core_fs",
];

/// A field's range as the page writes it.
fn range_of(field: &str) -> (String, String) {
    let r = |r: &std::ops::RangeInclusive<u32>| (r.start().to_string(), r.end().to_string());
    match field {
        "chronic_absence_percent" => r(&rules::ABSENCE_PERCENT),
        "min_days_enrolled" => r(&rules::MIN_DAYS_ENROLLED),
        "suspension_days" => r(&rules::SUSPENSION_DAYS),
        "low_gpa" => (rules::LOW_GPA.start().to_string(), rules::LOW_GPA.end().to_string()),
        "stale_after_days" => r(&rules::STALE_AFTER_DAYS),
        "grade9_min_credits" => (
            rules::GRADE9_MIN_CREDITS.start().to_string(),
            rules::GRADE9_MIN_CREDITS.end().to_string(),
        ),
        _ => r(&rules::GRADE9_MAX_CORE_FS),
    }
}

fn label(lang: Language, field: &str) -> String {
    crate::i18n::t(lang, &format!("support-field-{}", field.replace('_', "-")))
}

/// One line per refused field: "Label: what is wrong (between a and b)".
fn problems(lang: Language, r: &Rejected) -> Vec<String> {
    r.fields
        .iter()
        .map(|f| {
            let (min, max) = range_of(f.field);
            let name = if FIELDS.contains(&f.field) {
                label(lang, f.field)
            } else {
                FlagKind::parse(f.field)
                    .map(|k| crate::i18n::t(lang, &format!("support-kind-{}", k.key().replace('_', "-"))))
                    .unwrap_or_else(|_| f.field.to_owned())
            };
            let what = crate::i18n::t_args(
                lang,
                &format!("support-code-{}", f.code.replace('_', "-")),
                &[("min", min), ("max", max)],
            );
            crate::i18n::t_args(lang, "support-problem", &[("field", name), ("what", what)])
        })
        .collect()
}

#[derive(Default)]
struct Typed {
    values: Option<Vec<String>>,
    routes: Option<Vec<String>>,
    problems: Vec<String>,
    outcome: Option<Outcome>,
    saved: bool,
}

async fn render_page(state: &AppState, ctx: &Ctx, typed: Typed, status: StatusCode) -> Result<Response, AppError> {
    let district = ctx.session()?.district_id;
    let s = settings::of(state, district).await?;
    let lang = ctx.lang;
    let t = &s.thresholds;
    let current = [
        t.chronic_absence_percent.to_string(),
        t.min_days_enrolled.to_string(),
        t.suspension_days.to_string(),
        t.low_gpa.to_string(),
        t.stale_after_days.to_string(),
        t.grade9.min_credits.to_string(),
        t.grade9.max_core_semester_fs.to_string(),
    ];
    let values = typed.values.unwrap_or_else(|| current.to_vec());
    let fields = FIELDS
        .iter()
        .zip(values)
        .map(|(f, v)| {
            let (min, max) = range_of(f);
            let hint = crate::i18n::t_args(lang, "support-range", &[("min", min), ("max", max)]);
            (*f, label(lang, f), v, hint)
        })
        .collect();
    let chosen = typed.routes.unwrap_or_else(|| {
        settings::routes_by_kind(&s.routing)
            .into_iter()
            .map(|(_, r)| r)
            .collect()
    });
    let routes = FlagKind::ALL
        .iter()
        .zip(chosen)
        .map(|(k, r)| {
            (
                k.key(),
                crate::i18n::t(lang, &format!("support-kind-{}", k.key().replace('_', "-"))),
                r,
            )
        })
        .collect();
    let roles = StaffRole::ALL
        .iter()
        .filter(|r| **r != StaffRole::DistrictAdmin)
        .map(|r| {
            (
                r.as_str(),
                crate::i18n::t(lang, &format!("role-{}", r.as_str().replace('_', "-"))),
            )
        })
        .collect();
    let page = Page::new(ctx, "support-settings-title");
    let mut res = render(&SettingsPage {
        page,
        fields,
        routes,
        roles,
        problems: typed.problems,
        saved: typed.saved,
        is_default: s.is_default,
        refreshing: recompute::running(state, district),
        outcome: typed.outcome,
    })?;
    *res.status_mut() = status;
    Ok(res)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Saved {
    saved: Option<String>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Query(q): Query<Saved>) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let typed = Typed {
        saved: q.saved.is_some(),
        ..Typed::default()
    };
    render_page(&state, &ctx, typed, StatusCode::OK).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SettingsForm {
    chronic_absence_percent: String,
    min_days_enrolled: String,
    suspension_days: String,
    low_gpa: String,
    stale_after_days: String,
    grade9_min_credits: String,
    grade9_max_core_fs: String,
    route_chronic_absence: String,
    route_suspension: String,
    route_course_failure: String,
    route_low_gpa: String,
    route_grade9_off_track: String,
}

pub async fn save(State(state): State<AppState>, ctx: Ctx, Form(f): Form<SettingsForm>) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let raw = ThresholdsRaw {
        chronic_absence_percent: &f.chronic_absence_percent,
        min_days_enrolled: &f.min_days_enrolled,
        suspension_days: &f.suspension_days,
        low_gpa: &f.low_gpa,
        stale_after_days: &f.stale_after_days,
        grade9_min_credits: &f.grade9_min_credits,
        grade9_max_core_fs: &f.grade9_max_core_fs,
    };
    let routes = [
        &f.route_chronic_absence,
        &f.route_suspension,
        &f.route_course_failure,
        &f.route_low_gpa,
        &f.route_grade9_off_track,
    ];
    let pairs: Vec<(&str, &str)> = FlagKind::ALL
        .iter()
        .zip(routes)
        .map(|(k, r)| (k.key(), r.as_str()))
        .collect();
    match settings::save(&state, &ctx.actor()?, raw.parse(), Routing::parse(&pairs)).await {
        Ok(()) => Ok(Redirect::to("/admin/support?saved=1").into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let typed = Typed {
                values: Some(vec![
                    f.chronic_absence_percent.clone(),
                    f.min_days_enrolled.clone(),
                    f.suspension_days.clone(),
                    f.low_gpa.clone(),
                    f.stale_after_days.clone(),
                    f.grade9_min_credits.clone(),
                    f.grade9_max_core_fs.clone(),
                ]),
                routes: Some(routes.iter().map(|r| (*r).clone()).collect()),
                problems: problems(ctx.lang, &r),
                ..Typed::default()
            };
            render_page(&state, &ctx, typed, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

/// An indicator file from the page's form (`kind`, `file`).
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
    let which = Indicator::parse(&kind).ok_or(AppError::BadRequest("malformed_form"))?;
    let heading = t(&format!("support-load-{}", which.key()));
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
            match loads::load(&state, &by, which, b.as_slice()).await? {
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
    let typed = Typed {
        outcome: Some(outcome),
        ..Typed::default()
    };
    render_page(&state, &ctx, typed, status).await
}

fn outcome_of(lang: Language, heading: String, r: &LoadReport) -> Outcome {
    if !r.problems.is_empty() {
        let problems = r
            .problems
            .iter()
            .take(500)
            .map(|p| {
                let what = problem_text(lang, &p.code);
                match &p.column {
                    Some(c) => crate::i18n::t_args(
                        lang,
                        "catalog-problem-column",
                        &[("line", p.line.to_string()), ("column", c.clone()), ("what", what)],
                    ),
                    None => {
                        crate::i18n::t_args(lang, "catalog-problem", &[("line", p.line.to_string()), ("what", what)])
                    }
                }
            })
            .collect();
        return Outcome {
            heading,
            summary: crate::i18n::t_args(
                lang,
                "support-load-refused",
                &[("problems", r.problems.len().to_string())],
            ),
            problems,
            refused: true,
        };
    }
    Outcome {
        heading,
        summary: crate::i18n::t_args(
            lang,
            "support-loaded",
            &[
                ("updated", r.updated.to_string()),
                ("unchanged", r.unchanged.to_string()),
            ],
        ),
        problems: Vec::new(),
        refused: false,
    }
}

/// A row problem's words: the support messages first, then the academic
/// loads' (which name the shared codes).
fn problem_text(lang: Language, code: &str) -> String {
    let key = format!("support-row-{}", code.replace('_', "-"));
    if crate::i18n::has(lang, &key) {
        crate::i18n::t(lang, &key)
    } else {
        crate::ui::academics::record::problem_text(lang, code)
    }
}
