//! `/partners`: the district's resource directory (search by words and
//! category) for staff and partner users; for its maintainers (community
//! school coordinators, district administrators) the CSV import — all or
//! nothing, each problem with its line and column — and the loop metrics
//! per school and partner, the partner organisations and the forms to add
//! one or a resource (`maintain.rs` has each entry's own page); for
//! district administrators the reminder age.

use std::collections::HashMap;

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use ssp_app::partners::{directory, maintains_directory, metrics, referrals};
use ssp_domain::partners::metrics::LoopMetrics;
use ssp_domain::partners::{category, ServiceCategory};

use super::label;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/partners", get(show))
        .route("/partners/import", post(import))
        .route("/partners/settings", post(settings))
}

struct Entry {
    id: String,
    name: String,
    who: String,
    categories: String,
    grades: String,
    languages: String,
    details: String,
    places: String,
}

struct MetricsRow {
    name: String,
    total: u32,
    by_status: String,
    to_acceptance: String,
    to_service: String,
    closed: String,
}

#[derive(Template)]
#[template(path = "partners_directory.html")]
struct DirectoryPage {
    page: Page,
    q: String,
    category: String,
    categories: Vec<(&'static str, String)>,
    entries: Vec<Entry>,
    maintainer: bool,
    district_admin: bool,
    reminder_days: u32,
    notice: Option<String>,
    problems: Vec<(u64, String, String)>,
    metrics: Vec<MetricsRow>,
    /// The partner organisations (id, name), for maintainers.
    partners: Vec<(String, String)>,
    /// The add-a-partner form's values and its refusal.
    new_partner: HashMap<String, String>,
    partner_error: Option<String>,
}

impl DirectoryPage {
    fn np(&self, k: &str) -> String {
        self.new_partner.get(k).cloned().unwrap_or_default()
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Search {
    q: String,
    category: String,
    imported: Option<usize>,
    removed: Option<u8>,
}

fn metrics_row(page: &Page, name: String, m: &LoopMetrics) -> MetricsRow {
    let days = |d: Option<i64>| d.map_or("—".to_owned(), |d| d.to_string());
    MetricsRow {
        name,
        total: m.total,
        by_status: m
            .by_status
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| format!("{} {n}", label(page.lang, "referral-status", s.key())))
            .collect::<Vec<_>>()
            .join(", "),
        to_acceptance: days(m.median_days_to_acceptance),
        to_service: days(m.median_days_to_first_service),
        closed: m.closed_with_outcome.map_or("—".to_owned(), |p| format!("{p} %")),
    }
}

/// What the page shows besides the directory: the import's problems, or
/// the add-a-partner form's values and refusal.
#[derive(Default)]
struct Extra {
    problems: Vec<(u64, String, String)>,
    new_partner: HashMap<String, String>,
    partner_error: Option<(StatusCode, String)>,
}

/// The page again after the add-a-partner form was refused.
pub(super) async fn render_with_partner_form(
    state: &AppState,
    ctx: &Ctx,
    new_partner: HashMap<String, String>,
    refused: (StatusCode, String),
) -> Result<Response, AppError> {
    let extra = Extra {
        new_partner,
        partner_error: Some(refused),
        ..Extra::default()
    };
    render_page(state, ctx, Search::default(), extra).await
}

async fn render_page(state: &AppState, ctx: &Ctx, s: Search, extra: Extra) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let rows = directory::list(state, &actor, &s.q, &s.category).await?;
    let page = Page::new(ctx, "partners-directory-title");
    let maintainer = maintains_directory(state, &actor).await?;
    let district_admin = ctx.session()?.is_district_admin();
    let entries = rows
        .into_iter()
        .map(|r| Entry {
            id: r.id.to_string(),
            who: r
                .partner_name
                .clone()
                .unwrap_or_else(|| page.t("partners-school-opportunity")),
            categories: category::split(&r.categories)
                .unwrap_or_default()
                .iter()
                .map(|c| label(page.lang, "partner-category", c.key()))
                .collect::<Vec<_>>()
                .join(", "),
            grades: format!("{}–{}", r.grade_min, r.grade_max),
            languages: if r.languages.is_empty() {
                page.t("partners-any-language")
            } else {
                r.languages.replace(',', ", ")
            },
            details: [&r.eligibility, &r.location, &r.hours, &r.cost, &r.contact]
                .into_iter()
                .filter(|t| !t.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" · "),
            places: match r.capacity {
                Some(c) => page.t1("partners-places-left", "count", (i64::from(c) - r.taken).max(0)),
                None => String::new(),
            },
            name: r.name,
        })
        .collect();
    let metrics = if maintainer {
        let m = metrics::metrics(state, &actor).await?;
        let mut rows = vec![metrics_row(&page, page.t("partners-metrics-district"), &m.total)];
        rows.extend(m.schools.iter().map(|g| metrics_row(&page, g.name.clone(), &g.metrics)));
        rows.extend(
            m.partners
                .iter()
                .map(|g| metrics_row(&page, g.name.clone(), &g.metrics)),
        );
        rows
    } else {
        vec![]
    };
    let partners = if maintainer {
        directory::partners(state, &actor)
            .await?
            .into_iter()
            .map(|p| (p.id.to_string(), p.name))
            .collect()
    } else {
        vec![]
    };
    let (code, partner_error) = match extra.partner_error {
        Some((code, message)) => (code, Some(message)),
        None if !extra.problems.is_empty() => (StatusCode::UNPROCESSABLE_ENTITY, None),
        None => (StatusCode::OK, None),
    };
    let notice = match (s.imported, s.removed) {
        (Some(n), _) => Some(page.t1("partners-imported", "count", n)),
        (None, Some(_)) => Some(page.t("partners-removed")),
        _ => None,
    };
    let html = render(&DirectoryPage {
        q: s.q,
        category: s.category,
        categories: ServiceCategory::ALL
            .iter()
            .map(|c| (c.key(), label(page.lang, "partner-category", c.key())))
            .collect(),
        entries,
        maintainer,
        district_admin,
        reminder_days: referrals::reminder_days(state, actor.district).await?,
        notice,
        problems: extra.problems,
        metrics,
        partners,
        new_partner: extra.new_partner,
        partner_error,
        page,
    })?;
    Ok((code, html).into_response())
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Query(s): Query<Search>) -> Result<Response, AppError> {
    render_page(&state, &ctx, s, Extra::default()).await
}

pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    ssp_app::partners::require_maintainer(&state, &actor).await?;
    let form = form.map_err(|_| AppError::BadRequest("malformed_form"))?;
    let up = crate::upload::read(&state, form).await?;
    let bytes = match &up.staged {
        Some(f) if !up.too_big => tokio::fs::read(&f.path)
            .await
            .map_err(|e| AppError::Internal(e.into()))?,
        _ => Vec::new(),
    };
    up.discard().await;
    let out = directory::import_csv(&state, &actor, &bytes).await?;
    if out.problems.is_empty() {
        return Ok(Redirect::to(&format!("/partners?imported={}", out.saved)).into_response());
    }
    let problems = out
        .problems
        .into_iter()
        .map(|p| {
            let code = p.code.replace('_', "-");
            let key = format!("partners-problem-{code}");
            let text = if crate::i18n::has(ctx.lang, &key) {
                crate::i18n::t(ctx.lang, &key)
            } else if crate::i18n::has(ctx.lang, &format!("sn-problem-{code}")) {
                crate::i18n::t(ctx.lang, &format!("sn-problem-{code}"))
            } else {
                p.code.clone()
            };
            (p.line, p.column.unwrap_or_default(), text)
        })
        .collect();
    let extra = Extra {
        problems,
        ..Extra::default()
    };
    render_page(&state, &ctx, Search::default(), extra).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SettingsForm {
    reminder_days: String,
}

pub async fn settings(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(f): Form<SettingsForm>,
) -> Result<Response, AppError> {
    match referrals::set_reminder_days(&state, &ctx.actor()?, &f.reminder_days).await {
        Ok(_) => Ok(Redirect::to("/partners#settings").into_response()),
        Err(ssp_app::Error::Rejected(r)) => Err(AppError::Invalid(ssp_domain::ParseError::new(
            "invalid_partner_settings",
            r.to_string(),
        ))),
        Err(e) => Err(e.into()),
    }
}
