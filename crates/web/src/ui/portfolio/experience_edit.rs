//! Changing an experience (the student's own): the same fields as adding
//! one, filled in; and removing an hours entry not yet verified. Once hours
//! are verified, the kind, organisation and supervisor stay as confirmed.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use ssp_app::portfolio::experiences;
use ssp_app::StudentAccess;
use ssp_domain::portfolio::experience::{ExperienceKind, ExperienceRaw};

use super::competencies::Competencies;
use super::experiences::{back, kind_name, rejected_message};
use crate::context::Ctx;
use crate::error::{error_message, AppError};
use crate::state::AppState;
use crate::ui::pages::{render, Page};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/students/{id}/experiences/{experience}/edit",
            get(edit_page).post(save),
        )
        .route(
            "/students/{id}/experiences/{experience}/hours/{entry}/remove",
            post(remove_hours),
        )
}

/// The form's values, as stored or as typed.
#[derive(Default, Clone)]
struct Values {
    kind: String,
    organisation: String,
    supervisor_name: String,
    supervisor_email: String,
    start_on: String,
    end_on: String,
    reflection: String,
    competencies: Vec<String>,
}

/// A framework's legend and its tags: (key, name, checked).
type TagGroup = (String, Vec<(String, String, bool)>);

#[derive(Template)]
#[template(path = "experience_edit.html")]
struct EditPage {
    page: Page,
    student_id: String,
    experience_id: String,
    v: Values,
    kinds: Vec<(&'static str, String)>,
    /// (legend, [(key, name, checked)])
    competencies: Vec<TagGroup>,
    locked: bool,
    error: Option<String>,
}

async fn render_edit(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    experience: &str,
    typed: Option<Values>,
    error: Option<String>,
) -> Result<Response, AppError> {
    if !access.is_self() {
        return Err(AppError::NotFound);
    }
    let data = experiences::show(state, access).await?;
    let e = data
        .items
        .into_iter()
        .find(|e| e.row.id.to_string() == experience)
        .ok_or(AppError::NotFound)?;
    let stored = Values {
        kind: e.row.kind.clone(),
        organisation: e.row.organisation.clone(),
        supervisor_name: e.row.supervisor_name.clone(),
        supervisor_email: e.row.supervisor_email.clone().unwrap_or_default(),
        start_on: e.row.start_on.to_string(),
        end_on: e.row.end_on.map(|d| d.to_string()).unwrap_or_default(),
        reflection: e.row.reflection.clone(),
        competencies: e
            .row
            .competencies
            .split(',')
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect(),
    };
    let v = typed.unwrap_or(stored);
    let names = Competencies::load(state, access.facts.district_id, ctx.lang).await?;
    let mut competencies: Vec<TagGroup> = names
        .choices()
        .into_iter()
        .map(|(legend, keys)| {
            let keys = keys
                .into_iter()
                .map(|(k, name)| {
                    let on = v.competencies.contains(&k);
                    (k, name, on)
                })
                .collect();
            (legend, keys)
        })
        .collect();
    // A tag the work already has but the district no longer offers stays
    // choosable here, so saving does not drop it silently.
    let offered: Vec<String> = competencies
        .iter()
        .flat_map(|(_, keys)| keys.iter().map(|(k, _, _)| k.clone()))
        .collect();
    let kept: Vec<(String, String, bool)> = v
        .competencies
        .iter()
        .filter(|k| !offered.contains(k))
        .map(|k| (k.clone(), names.label(k), true))
        .collect();
    if !kept.is_empty() {
        competencies.push((crate::i18n::t(ctx.lang, "exp-edit-kept-tags"), kept));
    }
    let locked = e.hours.iter().any(|h| h.verified_by.is_some());
    let page = Page::new(ctx, "exp-edit-title");
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut res = render(&EditPage {
        page,
        student_id: access.student().to_string(),
        experience_id: experience.to_owned(),
        v,
        kinds: ExperienceKind::ALL
            .iter()
            .map(|k| (k.key(), kind_name(ctx.lang, *k)))
            .collect(),
        competencies,
        locked,
        error,
    })?;
    *res.status_mut() = status;
    Ok(res)
}

async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, experience)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    access
        .require(
            &state,
            ssp_domain::access::RecordKind::Plan,
            ssp_domain::access::Action::Edit,
        )
        .await?;
    render_edit(&state, &ctx, &access, &experience, None, None).await
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, experience)): Path<(String, String)>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let get = |name: &str| -> String {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let v = Values {
        kind: get("kind"),
        organisation: get("organisation"),
        supervisor_name: get("supervisor_name"),
        supervisor_email: get("supervisor_email"),
        start_on: get("start_on"),
        end_on: get("end_on"),
        reflection: get("reflection"),
        competencies: form
            .iter()
            .filter(|(k, _)| k == "competency")
            .map(|(_, v)| v.clone())
            .collect(),
    };
    // Tags the work already had stay allowed (a retired one is kept).
    let settings = ssp_app::portfolio::settings::of_district(&state, access.facts.district_id).await?;
    let allowed: Vec<_> = settings.competencies.iter().map(|c| c.key.clone()).collect();
    let raw = ExperienceRaw {
        kind: &v.kind,
        organisation: &v.organisation,
        supervisor_name: &v.supervisor_name,
        supervisor_email: &v.supervisor_email,
        start_on: &v.start_on,
        end_on: &v.end_on,
        reflection: &v.reflection,
        competencies: &v.competencies,
    };
    match experiences::edit(&state, &access, &experience, raw.parse(&allowed)).await {
        Ok(()) => Ok(back(&access, &format!("exp-{experience}"))),
        Err(ssp_app::Error::Rejected(r)) => {
            let msg = rejected_message(ctx.lang, &r);
            render_edit(&state, &ctx, &access, &experience, Some(v), Some(msg)).await
        }
        Err(ssp_app::Error::Conflict(code)) => {
            let msg = error_message(ctx.lang, code);
            render_edit(&state, &ctx, &access, &experience, Some(v), Some(msg)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn remove_hours(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, experience, entry)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    experiences::remove_hours(&state, &access, &experience, &entry).await?;
    Ok(back(&access, &format!("exp-{experience}")))
}
