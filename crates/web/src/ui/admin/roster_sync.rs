//! The district administrator's roster sync page (`/admin/roster/sync`):
//! where the district's OneRoster 1.2 REST endpoint is, the client
//! credentials (the secret is stored, never shown back: the page only says
//! that one is set), the schedule, the last and next run, and "run now".
//! Runs land in the roster import history (`/admin/roster`).

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_db::repo::roster as history;
use ssp_db::repo::roster_sync::{self, SyncSettings};
use ssp_domain::roster_sync::NewRosterSync;

use crate::context::{Ctx, Session};
use crate::error::AppError;
use crate::roster_sync_jobs::{self, NotStarted};
use crate::state::AppState;
use crate::ui::pages::{render, Page};

/// The schedules offered, in hours (none: off).
const SCHEDULES: [i32; 6] = [1, 3, 6, 12, 24, 168];

/// What the form shows: the stored values, or what was typed.
#[derive(Default)]
struct FormValues {
    base_url: String,
    token_url: String,
    client_id: String,
    every_hours: String,
}

struct LastRun {
    when: String,
    href: String,
    state_label: String,
}

#[derive(Template)]
#[template(path = "roster_sync.html")]
struct SyncPage {
    page: Page,
    form: FormValues,
    secret_set: bool,
    /// Field → its message, for a refused form.
    errors: Vec<(&'static str, String)>,
    notice: Option<String>,
    error: Option<String>,
    configured: bool,
    last_run: Option<LastRun>,
    next_run: Option<String>,
    schedules: Vec<(String, String)>,
}

impl SyncPage {
    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m.as_str())
    }
}

#[derive(Deserialize)]
pub struct PageQuery {
    saved: Option<String>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    let session = ctx.district_admin()?;
    let notice = q.saved.is_some().then(|| crate::i18n::t(ctx.lang, "sync-saved"));
    render_page(&state, &ctx, session, None, Vec::new(), notice, None, StatusCode::OK).await
}

#[allow(clippy::too_many_arguments)]
async fn render_page(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    typed: Option<FormValues>,
    errors: Vec<(&'static str, String)>,
    notice: Option<String>,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let page = Page::new(ctx, "sync-title");
    let stored = roster_sync::get(state.db(), session.district_id.0).await?;
    let form = typed.unwrap_or_else(|| stored.as_ref().map(values_of).unwrap_or_default());
    let last_run = match stored.as_ref().and_then(|s| s.last_import_id) {
        Some(id) => history::get_import(state.db(), id).await?.map(|row| LastRun {
            when: page.when(row.created_at),
            href: format!("/admin/roster/{}", row.id),
            state_label: page.t(&format!("roster-state-{}", shown_state(&row.state))),
        }),
        None => None,
    };
    let next_run = stored
        .as_ref()
        .filter(|s| s.every_hours.is_some())
        .and_then(|s| s.next_run_at)
        .map(|t| page.when(t));
    let mut schedules = vec![(String::new(), page.t("sync-schedule-off"))];
    schedules.extend(
        SCHEDULES
            .iter()
            .map(|h| (h.to_string(), page.t1("sync-schedule-every", "hours", *h))),
    );
    let html = render(&SyncPage {
        page,
        form,
        secret_set: stored.as_ref().is_some_and(|s| !s.client_secret.is_empty()),
        errors,
        notice,
        error,
        configured: stored.is_some(),
        last_run,
        next_run,
        schedules,
    })?;
    Ok((status, html).into_response())
}

fn shown_state(state: &str) -> &'static str {
    match state {
        "queued" => "queued",
        "running" => "running",
        "succeeded" => "succeeded",
        "refused" => "refused",
        _ => "failed",
    }
}

fn values_of(s: &SyncSettings) -> FormValues {
    FormValues {
        base_url: s.base_url.clone(),
        token_url: s.token_url.clone(),
        client_id: s.client_id.clone(),
        every_hours: s.every_hours.map(|h| h.to_string()).unwrap_or_default(),
    }
}

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    base_url: String,
    #[serde(default)]
    token_url: String,
    #[serde(default)]
    client_id: String,
    #[serde(default)]
    client_secret: String,
    #[serde(default)]
    every_hours: String,
}

/// `POST /admin/roster/sync`: saves the settings (audited); an empty
/// secret keeps the stored one.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<SettingsForm>,
) -> Result<Response, AppError> {
    let session = ctx.district_admin()?;
    let stored = roster_sync::get(state.db(), session.district_id.0).await?;
    let has_secret = stored.as_ref().is_some_and(|s| !s.client_secret.is_empty());
    let input = NewRosterSync::parse(
        &form.base_url,
        &form.token_url,
        &form.client_id,
        &form.client_secret,
        &form.every_hours,
        has_secret,
    );
    match ssp_app::admin::roster_sync::save(&state, &ctx.actor()?, input).await {
        Ok(()) => Ok(Redirect::to("/admin/roster/sync?saved=1").into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let errors = r
                .fields
                .iter()
                .map(|f| (f.field, crate::i18n::t(ctx.lang, &format!("sync-error-{}", f.field))))
                .collect();
            // What was typed comes back — except the secret, never echoed.
            let typed = FormValues {
                base_url: form.base_url.chars().take(2_000).collect(),
                token_url: form.token_url.chars().take(2_000).collect(),
                client_id: form.client_id.chars().take(2_000).collect(),
                every_hours: form.every_hours.chars().take(4).collect(),
            };
            render_page(
                &state,
                &ctx,
                session,
                Some(typed),
                errors,
                None,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct RunForm {
    #[serde(default)]
    full: Option<String>,
}

/// `POST /admin/roster/sync/run`: queues a pull now and shows its progress
/// on its history page.
pub async fn run_now(State(state): State<AppState>, ctx: Ctx, Form(form): Form<RunForm>) -> Result<Response, AppError> {
    let session = ctx.district_admin()?;
    let full = form.full.is_some();
    match roster_sync_jobs::start(&state, session.district_id.0, Some(session.person_id.0), full).await? {
        Ok(id) => Ok(Redirect::to(&format!("/admin/roster/{id}")).into_response()),
        Err(why) => {
            let (key, status) = match why {
                NotStarted::Busy => ("sync-run-busy", StatusCode::CONFLICT),
                NotStarted::NotConfigured => ("sync-not-configured", StatusCode::UNPROCESSABLE_ENTITY),
            };
            let msg = crate::i18n::t(ctx.lang, key);
            render_page(&state, &ctx, session, None, Vec::new(), None, Some(msg), status).await
        }
    }
}
