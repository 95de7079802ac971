//! The district administrator's plan settings: the up-to-date rule's grace
//! period and guardian-signature requirement, and which grade-level
//! activities the district uses and requires; and the district's sign-in
//! settings (two-factor for staff, how long invitations last).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_db::repo::auth_settings::{self, AuthSettings};
use ssp_db::repo::settings::{self, PlanSettings};
use ssp_domain::district::NewPlanSettings;
use ssp_domain::plan::activity::default_scope_and_sequence;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};
use crate::when::{is_time_zone, DEFAULT_TIME_ZONE, TIME_ZONES};

struct ActivityRow {
    grade: u8,
    key: &'static str,
    title: String,
    value: &'static str,
    options: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "plan_settings.html")]
struct SettingsPage {
    page: Page,
    saved: bool,
    error: Option<String>,
    grace_days: i32,
    require_guardian: bool,
    activities: Vec<ActivityRow>,
    /// The district's time zone and the zones offered.
    time_zone: String,
    time_zones: Vec<(&'static str, String)>,
    /// Sign-in settings.
    auth: AuthSettings,
}

#[derive(Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Query(q): Query<SavedQuery>) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let s = settings::get(state.db(), ctx.session()?.district_id).await?;
    let auth = auth_settings::get(state.db(), ctx.session()?.district_id).await?;
    render_page(&ctx, &s, auth, q.saved.is_some(), None, StatusCode::OK)
}

fn render_page(
    ctx: &Ctx,
    s: &PlanSettings,
    auth: AuthSettings,
    saved: bool,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let page = Page::new(ctx, "settings-title");
    let activities = default_scope_and_sequence()
        .into_iter()
        .map(|t| {
            let value = if s.is_disabled(t.key) {
                "off"
            } else if !t.required || s.is_optional(t.key) {
                "optional"
            } else {
                "required"
            };
            let mut options = Vec::new();
            if t.required {
                options.push(("required", page.t("settings-required")));
            }
            options.push(("optional", page.t("settings-optional")));
            options.push(("off", page.t("settings-off")));
            ActivityRow {
                grade: t.grade.get(),
                key: t.key,
                title: page.t(t.title_key),
                value,
                options,
            }
        })
        .collect();
    let time_zone = ctx
        .session()?
        .time_zone
        .clone()
        .filter(|z| is_time_zone(z))
        .unwrap_or_else(|| DEFAULT_TIME_ZONE.to_owned());
    let time_zones = TIME_ZONES
        .iter()
        .map(|z| (*z, z.replace('_', " ")))
        .chain((!TIME_ZONES.contains(&time_zone.as_str())).then(|| ("", time_zone.clone())))
        .filter(|(z, _)| !z.is_empty())
        .collect();
    let html = render(&SettingsPage {
        time_zone,
        time_zones,
        page,
        saved,
        error,
        grace_days: s.grace_days,
        require_guardian: s.require_guardian_signature,
        activities,
        auth,
    })?;
    Ok((status, html).into_response())
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let input = NewPlanSettings::parse(
        form.get("grace_days").map_or("", String::as_str),
        form.contains_key("require_guardian_signature"),
        |key| form.get(&format!("a_{key}")).map(String::as_str),
    );
    match ssp_app::admin::settings::save(&state, &ctx.actor()?, input).await {
        Ok(()) => Ok(Redirect::to("/admin/plan-settings?saved=1").into_response()),
        Err(ssp_app::Error::Rejected(r)) if r.first().is_some_and(|f| f.field == "grace_days") => {
            refused(&state, &ctx, "settings-error-grace").await
        }
        Err(ssp_app::Error::Rejected(_)) => Err(AppError::BadRequest("malformed_form")),
        Err(e) => Err(e.into()),
    }
}

/// The page again with the current settings and a message; nothing saved.
async fn refused(state: &AppState, ctx: &Ctx, key: &str) -> Result<Response, AppError> {
    let current = settings::get(state.db(), ctx.session()?.district_id).await?;
    let auth = auth_settings::get(state.db(), ctx.session()?.district_id).await?;
    let msg = crate::i18n::t(ctx.lang, key);
    render_page(ctx, &current, auth, false, Some(msg), StatusCode::UNPROCESSABLE_ENTITY)
}

#[derive(Deserialize)]
pub struct TimeZoneForm {
    #[serde(default)]
    time_zone: String,
}

/// The district's time zone, in which every page shows dates and times.
pub async fn save_time_zone(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<TimeZoneForm>,
) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let zone = form.time_zone.trim();
    if !is_time_zone(zone) {
        return refused(&state, &ctx, "settings-error-time-zone").await;
    }
    ssp_app::admin::settings::save_time_zone(&state, &ctx.actor()?, zone).await?;
    Ok(Redirect::to("/admin/plan-settings?saved=1").into_response())
}

#[derive(Deserialize)]
pub struct SignInSettingsForm {
    #[serde(default)]
    require_staff_mfa: Option<String>,
    #[serde(default)]
    invitation_days: String,
}

/// Two-factor for district admins, school admins and counselors; how many
/// days an invitation lasts.
pub async fn save_sign_in(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<SignInSettingsForm>,
) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let require = form.require_staff_mfa.is_some();
    match ssp_app::accounts::settings::save(&state, &ctx.actor()?, require, &form.invitation_days).await {
        Ok(()) => Ok(Redirect::to("/admin/plan-settings?saved=1").into_response()),
        Err(ssp_app::Error::Invalid(p)) => refused(&state, &ctx, &format!("error-{}", p.code.replace('_', "-"))).await,
        Err(e) => Err(e.into()),
    }
}
