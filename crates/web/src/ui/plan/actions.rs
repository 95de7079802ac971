//! Smaller plan actions: a student's reflection and comments on it,
//! recording a grade-level activity as done or exempt, signing the annual
//! review, the profile and observations. Each parses its form, calls its
//! use case in `ssp_app::plan` and renders.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_app::plan::{activities, profile, reflections, review};
use ssp_domain::input::Rejected;
use ssp_domain::plan::activity::ActivityEntry;
use ssp_domain::plan::profile::{NewObservation, ProfileInput};
use ssp_domain::plan::reflection::{NewComment, NewReflection, REFLECTION_MAX_CHARS};
use ssp_domain::plan::review::SignAs;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::Draft;
use ssp_app::StudentAccess;

#[derive(Deserialize)]
pub struct ReflectionForm {
    #[serde(default)]
    pub prompt: String,
    #[serde(default)]
    pub body: String,
}

/// The message key for a refused reflection or comment.
pub fn reflection_message_key(r: &Rejected) -> &'static str {
    match r.first().map(|f| (f.field, f.code)) {
        Some(("prompt", _)) => "reflection-error-prompt",
        Some((_, "too_long")) if r.error == "invalid_comment" => "comment-error-long",
        Some(_) if r.error == "invalid_comment" => "comment-error-empty",
        Some((_, "too_long")) => "reflection-error-long",
        _ => "reflection-error-empty",
    }
}

/// The plan page again, with the message beside the refused form and what
/// was typed still in it.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    key: &str,
    draft: Draft,
) -> Result<Response, AppError> {
    let msg = crate::i18n::t_args(
        ctx.lang,
        key,
        &[
            ("max", REFLECTION_MAX_CHARS.to_string()),
            ("max_profile", MAX_PROFILE_CHARS.to_string()),
        ],
    );
    crate::ui::plan::page::plan_page(state, ctx, access, Some(msg), draft).await
}

/// A student writes a prompted reflection (their own words only).
pub async fn add_reflection(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<ReflectionForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = NewReflection::parse(&form.prompt, &form.body);
    match reflections::add(&state, &access, input).await {
        Ok(_) => Ok(Redirect::to(&format!("/students/{}#reflections", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let draft = Draft::new("reflection", vec![("prompt", form.prompt), ("body", form.body)]);
            refused(&state, &ctx, &access, reflection_message_key(&r), draft).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct ActivityForm {
    #[serde(default)]
    state: String,
    #[serde(default)]
    reason: String,
}

/// Marks a grade-level activity done (student or staff) or exempt with a
/// reason (staff only).
pub async fn record_activity(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, key)): Path<(String, String)>,
    Form(form): Form<ActivityForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = ActivityEntry::parse(&form.state, &form.reason);
    match activities::record(&state, &access, &key, input).await {
        Ok(()) => Ok(Redirect::to(&format!("/students/{}#activities", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(r)) if r.first().is_some_and(|f| f.field == "reason") => {
            let draft = Draft::new("exempt", vec![("key", key), ("reason", form.reason)]);
            refused(&state, &ctx, &access, "activity-error-exempt-reason", draft).await
        }
        Err(ssp_app::Error::Rejected(_)) => Err(AppError::BadRequest("malformed_form")),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct SignForm {
    #[serde(default, rename = "as")]
    as_: String,
}

/// Signs this year's review as the student, the plan manager or a guardian
/// (whichever the actor is), or logs the plan manager's attempt to reach a
/// guardian. When the review is complete, the plan-year snapshot is kept.
pub async fn sign_review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<SignForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    review::sign(&state, &access, SignAs::parse(&form.as_)).await?;
    Ok(Redirect::to(&format!("/students/{}#review", access.student())).into_response())
}

pub use ssp_domain::plan::profile::MAX_PROFILE_CHARS;

#[derive(Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    strengths: String,
    #[serde(default)]
    interests: String,
    #[serde(default)]
    needs: String,
    #[serde(default)]
    activities: String,
}

/// The student writes their profile in their own words.
pub async fn update_profile(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<ProfileForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = ProfileInput::parse(&form.strengths, &form.interests, &form.needs, &form.activities);
    match profile::update(&state, &access, input).await {
        Ok(()) => Ok(Redirect::to(&format!("/students/{}#profile", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(_)) => {
            let ProfileForm {
                strengths,
                interests,
                needs,
                activities,
            } = form;
            let fields = vec![
                ("strengths", strengths),
                ("interests", interests),
                ("needs", needs),
                ("activities", activities),
            ];
            refused(
                &state,
                &ctx,
                &access,
                "profile-error-long",
                Draft::new("profile", fields),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct ObservationForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    body: String,
}

/// A team member notes a strength, interest or need (signed with their name).
pub async fn add_observation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<ObservationForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = NewObservation::parse(&form.kind, &form.body);
    let r = match profile::observe(&state, &access, input).await {
        Ok(_) => return Ok(Redirect::to(&format!("/students/{}#profile", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(r)) => r,
        Err(e) => return Err(e.into()),
    };
    let key = match r.first().map(|f| (f.field, f.code)) {
        Some(("body", "too_long")) => "observation-error-long",
        Some(("body", _)) => "observation-error-empty",
        _ => return Err(AppError::BadRequest("malformed_form")),
    };
    let draft = Draft::new("observation", vec![("kind", form.kind), ("body", form.body)]);
    refused(&state, &ctx, &access, key, draft).await
}

#[derive(Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    body: String,
}

/// Anyone who may read the plan comments on a reflection.
pub async fn add_comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, reflection)): Path<(String, String)>,
    Form(form): Form<CommentForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let reflection_id: uuid::Uuid = reflection.parse().map_err(|_| AppError::NotFound)?;
    match reflections::comment(&state, &access, reflection_id, NewComment::parse(&form.body)).await {
        Ok(()) => Ok(Redirect::to(&format!("/students/{}#reflections", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let draft = Draft::new("comment", vec![("reflection", reflection), ("body", form.body)]);
            refused(&state, &ctx, &access, reflection_message_key(&r), draft).await
        }
        Err(e) => Err(e.into()),
    }
}
