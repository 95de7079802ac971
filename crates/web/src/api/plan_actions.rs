//! JSON operations for the plan's smaller actions: reflections and their
//! comments, grade-level activities, the annual review, the profile and
//! observations, and the 18+ sharing choice. Each parses its body into the
//! domain input type and calls the same use case as the page.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_app::plan::{activities, profile, reflections, review, sharing};
use ssp_app::StudentAccess;
use ssp_domain::plan::activity::ActivityEntry;
use ssp_domain::plan::profile::{NewObservation, ProfileInput};
use ssp_domain::plan::reflection::{NewComment, NewReflection};
use ssp_domain::plan::review::SignAs;
use ssp_domain::plan::sharing::SharingChoice;
use ssp_domain::person::PersonName;
use time::OffsetDateTime;
use uuid::Uuid;

use super::plan::{ActivityJson, CreatedJson, ReviewJson};
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;

/// The signed-in caller's access to the student; the use case asks the
/// access module for the action.
pub(crate) async fn student(state: &AppState, ctx: &Ctx, id: &str) -> Result<StudentAccess, AppError> {
    ctx.session().map_err(|_| AppError::Unauthenticated)?;
    Ok(StudentAccess::load(state, &ctx.actor()?, id).await?)
}

pub(crate) fn created(id: Uuid) -> Response {
    (StatusCode::CREATED, Json(CreatedJson { id })).into_response()
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ReflectionBody {
    pub prompt: String,
    pub body: String,
}

/// The student writes a reflection to a prompt.
pub async fn add_reflection(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(body): Json<ReflectionBody>,
) -> Result<Response, AppError> {
    let access = student(&state, &ctx, &id).await?;
    let input = NewReflection::parse(&body.prompt, &body.body);
    Ok(created(reflections::add(&state, &access, input).await?))
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct CommentBody {
    pub body: String,
}

#[derive(Serialize)]
pub struct CommentJson {
    pub body: String,
    pub author: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// Comments on one of the student's reflections.
pub async fn comments(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, reflection)): Path<(String, String)>,
) -> Result<Json<Vec<CommentJson>>, AppError> {
    let access = student(&state, &ctx, &id).await?;
    let rows = reflections::comments(&state, &access, &reflection).await?;
    Ok(Json(
        rows.into_iter()
            .map(|c| CommentJson {
                body: c.body,
                author: PersonName { given: c.given_name, family: c.family_name, preferred: c.preferred_name }.display(),
                created_at: c.created_at,
            })
            .collect(),
    ))
}

/// Anyone who may read the plan comments on a reflection.
pub async fn add_comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, reflection)): Path<(String, String)>,
    Json(body): Json<CommentBody>,
) -> Result<Response, AppError> {
    let access = student(&state, &ctx, &id).await?;
    // A malformed id is an unknown reflection, once access is decided.
    let reflection = reflection.parse().unwrap_or(Uuid::nil());
    reflections::comment(&state, &access, reflection, NewComment::parse(&body.body)).await?;
    Ok(StatusCode::CREATED.into_response())
}

/// The grade-level activities of the student's grade this school year.
pub async fn activities(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<ActivityJson>>, AppError> {
    let access = student(&state, &ctx, &id).await?;
    let today = state.now().date();
    let list = activities::list(&state, &access).await?;
    Ok(Json(list.iter().map(|a| ActivityJson::of(a, today)).collect()))
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ActivityBody {
    /// `done` or `exempt`.
    pub state: String,
    /// Why it is exempt (3–300 characters; staff only).
    pub reason: String,
}

/// Records an activity done or exempt.
pub async fn record_activity(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, key)): Path<(String, String)>,
    Json(body): Json<ActivityBody>,
) -> Result<Response, AppError> {
    let access = student(&state, &ctx, &id).await?;
    let input = ActivityEntry::parse(&body.state, &body.reason);
    activities::record(&state, &access, &key, input).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The latest annual review (`null` before any signature).
pub async fn review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Option<ReviewJson>>, AppError> {
    let access = student(&state, &ctx, &id).await?;
    Ok(Json(review::latest(&state, &access).await?.map(ReviewJson::from)))
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct SignBody {
    /// Empty or the actor's own slot to sign; `guardian_attempt` to log an
    /// attempt to reach a guardian (the plan manager only).
    #[serde(rename = "as")]
    pub as_: String,
}

#[derive(Serialize)]
pub struct SignedJson {
    /// student, plan_manager, guardian or guardian_attempt.
    pub slot: &'static str,
}

/// Signs this year's review (or logs a guardian attempt).
pub async fn sign_review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(body): Json<SignBody>,
) -> Result<Response, AppError> {
    let access = student(&state, &ctx, &id).await?;
    let slot = review::sign(&state, &access, SignAs::parse(&body.as_)).await?;
    let slot = review::slot_name(slot);
    Ok((StatusCode::CREATED, Json(SignedJson { slot })).into_response())
}

#[derive(Serialize)]
pub struct ObservationJson {
    /// strength, interest or need.
    pub kind: String,
    pub body: String,
    pub author: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

#[derive(Serialize)]
pub struct ProfileJson {
    pub strengths: String,
    pub interests: String,
    pub needs: String,
    pub activities: String,
    pub observations: Vec<ObservationJson>,
}

fn observations_json(rows: Vec<ssp_db::repo::profile::ObservationRow>) -> Vec<ObservationJson> {
    rows.into_iter()
        .map(|o| ObservationJson {
            kind: o.kind,
            body: o.body,
            author: PersonName { given: o.given_name, family: o.family_name, preferred: o.preferred_name }.display(),
            created_at: o.created_at,
        })
        .collect()
}

/// The student's profile in their own words, with the team's observations.
pub async fn profile(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<ProfileJson>, AppError> {
    let access = student(&state, &ctx, &id).await?;
    let (p, observations) = profile::show(&state, &access).await?;
    Ok(Json(ProfileJson {
        strengths: p.strengths,
        interests: p.interests,
        needs: p.needs,
        activities: p.activities,
        observations: observations_json(observations),
    }))
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ProfileBody {
    pub strengths: String,
    pub interests: String,
    pub needs: String,
    pub activities: String,
}

/// The student rewrites their profile (each answer up to 2000 characters).
pub async fn update_profile(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<ProfileBody>,
) -> Result<Response, AppError> {
    let access = student(&state, &ctx, &id).await?;
    let input = ProfileInput::parse(&b.strengths, &b.interests, &b.needs, &b.activities);
    profile::update(&state, &access, input).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The team's observations of the student.
pub async fn observations(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<ObservationJson>>, AppError> {
    let access = student(&state, &ctx, &id).await?;
    let (_, observations) = profile::show(&state, &access).await?;
    Ok(Json(observations_json(observations)))
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ObservationBody {
    /// strength, interest or need.
    pub kind: String,
    pub body: String,
}

/// A team member adds an observation.
pub async fn add_observation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(body): Json<ObservationBody>,
) -> Result<Response, AppError> {
    let access = student(&state, &ctx, &id).await?;
    let input = NewObservation::parse(&body.kind, &body.body);
    Ok(created(profile::observe(&state, &access, input).await?))
}

#[derive(Serialize)]
pub struct SharingJson {
    /// Whether the student is old enough (18+) to choose.
    pub eligible: bool,
    pub shares_with_guardians: bool,
}

/// Whether an eligible student shares the plan with their guardians.
pub async fn sharing(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<SharingJson>, AppError> {
    let access = student(&state, &ctx, &id).await?;
    let (eligible, shares_with_guardians) = sharing::show(&state, &access).await?;
    Ok(Json(SharingJson {
        eligible,
        shares_with_guardians,
    }))
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct SharingBody {
    /// `yes` or `no`.
    pub share: String,
}

/// An eligible student shares the plan with guardians, or stops.
pub async fn set_sharing(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(body): Json<SharingBody>,
) -> Result<Response, AppError> {
    let access = student(&state, &ctx, &id).await?;
    sharing::set(&state, &access, SharingChoice::parse(&body.share)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

impl ActivityJson {
    pub fn of(a: &ssp_app::status::StudentActivity, today: time::Date) -> Self {
        ActivityJson {
            key: a.template.key,
            required: a.template.required,
            due: a.due,
            status: ssp_domain::plan::activity::status(a.state, a.due, today).as_str(),
            exempt_reason: a.exempt_reason.clone(),
        }
    }
}

impl From<ssp_db::repo::plan::ReviewRow> for ReviewJson {
    fn from(r: ssp_db::repo::plan::ReviewRow) -> Self {
        ReviewJson {
            school_year: r.school_year,
            student_signed_at: r.student_signed_at,
            manager_signed_at: r.manager_signed_at,
            guardian_signed_at: r.guardian_signed_at,
            guardian_attempts: r.guardian_attempts,
        }
    }
}
