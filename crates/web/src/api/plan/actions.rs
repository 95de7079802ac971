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
use ssp_domain::person::PersonName;
use ssp_domain::plan::activity::ActivityEntry;
use ssp_domain::plan::profile::{NewObservation, ObservationKind, ProfileInput};
use ssp_domain::plan::reflection::{NewComment, NewReflection, Prompt};
use ssp_domain::plan::review::SignAs;
use ssp_domain::plan::sharing::SharingChoice;
use time::OffsetDateTime;
use utoipa::openapi::schema::Schema;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::api::openapi::{one_of, RejectedJson, StudentPath};
use crate::api::plan::{ActivityJson, CreatedJson, ReviewJson};
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;

/// The signed-in caller's access to the student; the use case asks the
/// access module for the action.
/// The caller's access to the student: 401 when not signed in, an audited
/// 404 when the id is unknown or out of scope. Every API handler starts here.
pub(crate) async fn student(state: &AppState, ctx: &Ctx, id: &str) -> Result<StudentAccess, AppError> {
    ctx.session().map_err(|_| AppError::Unauthenticated)?;
    Ok(StudentAccess::load(state, &ctx.actor()?, id).await?)
}

pub(crate) fn created(id: Uuid) -> Response {
    (StatusCode::CREATED, Json(CreatedJson { id })).into_response()
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = ReflectionInput)]
pub struct ReflectionBody {
    #[schema(schema_with = prompts)]
    pub prompt: String,
    pub body: String,
}

/// The student writes a reflection to a prompt.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/reflections",
    operation_id = "createReflection",
    summary = "The student writes a reflection to a prompt",
    params(StudentPath),
    request_body = ReflectionBody,
    responses((status = 201, description = "Created.", body = CreatedJson), (status = 422, description = "invalid_reflection: prompt (required, unknown_choice), body (required, too_long: 4000 characters)", body = RejectedJson), (status = 403, description = "reflection_by_student_only: only the student writes reflections.", body = crate::api::openapi::ErrorJson))
)]
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

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CommentInput)]
pub struct CommentBody {
    pub body: String,
}

#[derive(Serialize, ToSchema)]
#[schema(as = Comment)]
pub struct CommentJson {
    pub body: String,
    pub author: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// Comments on one of the student's reflections.
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/reflections/{reflection}/comments",
    operation_id = "listComments",
    summary = "The comments on one of the student's reflections, oldest first",
    params(ReflectionPath),
    responses((status = 200, description = "OK", body = Vec<CommentJson>))
)]
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
                author: PersonName {
                    given: c.given_name,
                    family: c.family_name,
                    preferred: c.preferred_name,
                }
                .display(),
                created_at: c.created_at,
            })
            .collect(),
    ))
}

/// Anyone who may read the plan comments on a reflection.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/reflections/{reflection}/comments",
    operation_id = "createComment",
    summary = "Comment on one of the student's reflections",
    params(ReflectionPath),
    request_body = CommentBody,
    responses((status = 201, description = "Created."), (status = 422, description = "invalid_comment: body (required, too_long: 1000 characters)", body = RejectedJson))
)]
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
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/activities",
    operation_id = "listActivities",
    summary = "The grade-level activities of the student's grade this school year",
    params(StudentPath),
    responses((status = 200, description = "OK", body = Vec<ActivityJson>))
)]
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

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = ActivityInput)]
pub struct ActivityBody {
    #[schema(schema_with = activity_entries)]
    pub state: String,
    /// Why it is exempt (3–300 characters; staff only).
    pub reason: String,
}

/// Records an activity done or exempt.
#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/activities/{key}",
    operation_id = "recordActivity",
    summary = "Record a grade-level activity done (student or staff) or exempt with a reason (staff only)",
    params(ActivityPath),
    request_body = ActivityBody,
    responses((status = 204, description = "Recorded."), (status = 422, description = "invalid_activity: state (required, unknown_choice), reason (required, too_short, too_long: 3 to 300 characters)", body = RejectedJson), (status = 403, description = "exempt_by_staff_only: a student cannot exempt an activity.", body = crate::api::openapi::ErrorJson))
)]
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
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/review",
    operation_id = "getReview",
    summary = "The latest annual review and its signatures (null before any)",
    params(StudentPath),
    responses((status = 200, description = "OK", body = Option<ReviewJson>))
)]
pub async fn review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Option<ReviewJson>>, AppError> {
    let access = student(&state, &ctx, &id).await?;
    Ok(Json(review::latest(&state, &access).await?.map(ReviewJson::from)))
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = SignatureInput)]
pub struct SignBody {
    /// Empty or the actor's own slot to sign; `guardian_attempt` to log an
    /// attempt to reach a guardian (the plan manager only).
    #[serde(rename = "as")]
    #[schema(schema_with = sign_as)]
    pub as_: String,
}

#[derive(Serialize, ToSchema)]
#[schema(as = Signed)]
pub struct SignedJson {
    #[schema(schema_with = slots)]
    pub slot: &'static str,
}

/// Signs this year's review (or logs a guardian attempt).
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/review/signatures",
    operation_id = "signReview",
    summary = "Sign this year's review in the caller's own slot, or log the plan manager's attempt to reach a guardian",
    params(StudentPath),
    request_body = SignBody,
    responses((status = 201, description = "Signed.", body = SignedJson), (status = 422, description = "invalid_signature: as (unknown_choice), a RejectedJson; or review_not_ready (no active or met goal) or already_signed, an Error.", body = RejectedJson), (status = 403, description = "cannot_sign: the caller has no signature slot; attempt_by_plan_manager_only.", body = crate::api::openapi::ErrorJson))
)]
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

#[derive(Serialize, ToSchema)]
#[schema(as = Observation)]
pub struct ObservationJson {
    #[schema(schema_with = observation_kinds)]
    pub kind: String,
    pub body: String,
    pub author: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

#[derive(Serialize, ToSchema)]
#[schema(as = Profile)]
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
            author: PersonName {
                given: o.given_name,
                family: o.family_name,
                preferred: o.preferred_name,
            }
            .display(),
            created_at: o.created_at,
        })
        .collect()
}

/// The student's profile in their own words, with the team's observations.
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/profile",
    operation_id = "getProfile",
    summary = "The student's profile in their own words, with the team's observations",
    params(StudentPath),
    responses((status = 200, description = "OK", body = ProfileJson))
)]
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

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = ProfileInput)]
pub struct ProfileBody {
    pub strengths: String,
    pub interests: String,
    pub needs: String,
    pub activities: String,
}

/// The student rewrites their profile (each answer up to 2000 characters).
#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/profile",
    operation_id = "updateProfile",
    summary = "The student rewrites their profile",
    params(StudentPath),
    request_body = ProfileBody,
    responses((status = 204, description = "Saved."), (status = 422, description = "invalid_profile: strengths, interests, needs or activities (too_long: 2000 characters)", body = RejectedJson), (status = 403, description = "profile_by_student_only.", body = crate::api::openapi::ErrorJson))
)]
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
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/observations",
    operation_id = "listObservations",
    summary = "The team's observations of the student, oldest first",
    params(StudentPath),
    responses((status = 200, description = "OK", body = Vec<ObservationJson>))
)]
pub async fn observations(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<ObservationJson>>, AppError> {
    let access = student(&state, &ctx, &id).await?;
    let (_, observations) = profile::show(&state, &access).await?;
    Ok(Json(observations_json(observations)))
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = ObservationInput)]
pub struct ObservationBody {
    #[schema(schema_with = observation_kinds)]
    pub kind: String,
    pub body: String,
}

/// A team member adds an observation.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/observations",
    operation_id = "createObservation",
    summary = "A team member notes a strength, interest or need",
    params(StudentPath),
    request_body = ObservationBody,
    responses((status = 201, description = "Created.", body = CreatedJson), (status = 422, description = "invalid_observation: kind (required, unknown_choice), body (required, too_long: 2000 characters)", body = RejectedJson), (status = 403, description = "observation_by_staff_only.", body = crate::api::openapi::ErrorJson))
)]
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

#[derive(Serialize, ToSchema)]
#[schema(as = Sharing)]
pub struct SharingJson {
    /// Whether the student is old enough (18+) to choose.
    pub eligible: bool,
    pub shares_with_guardians: bool,
}

/// Whether an eligible student shares the plan with their guardians.
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/sharing",
    operation_id = "getSharing",
    summary = "Whether an eligible (18+) student shares the plan with guardians",
    params(StudentPath),
    responses((status = 200, description = "OK", body = SharingJson))
)]
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

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = SharingInput)]
pub struct SharingBody {
    #[schema(schema_with = yes_no)]
    pub share: String,
}

/// An eligible student shares the plan with guardians, or stops.
#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/sharing",
    operation_id = "setSharing",
    summary = "An eligible (18+) student shares the plan with guardians, or stops",
    params(StudentPath),
    request_body = SharingBody,
    responses((status = 204, description = "Saved."), (status = 422, description = "invalid_sharing: share (required, unknown_choice)", body = RejectedJson))
)]
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

fn sign_as() -> Schema {
    one_of(["", "student", "plan_manager", "guardian", "guardian_attempt"])
}

fn slots() -> Schema {
    one_of(["student", "plan_manager", "guardian", "guardian_attempt"])
}

fn observation_kinds() -> Schema {
    one_of(ObservationKind::ALL.map(|k| k.as_str()))
}

fn activity_entries() -> Schema {
    one_of(["done", "exempt"])
}

fn yes_no() -> Schema {
    one_of(["yes", "no"])
}

fn prompts() -> Schema {
    one_of(Prompt::ALL.map(|p| p.as_str()))
}

/// A reflection of the student.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct ReflectionPath {
    /// The student's id (UUID).
    id: Uuid,
    /// The reflection's id (UUID).
    reflection: Uuid,
}

/// A grade-level activity of the student's grade.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct ActivityPath {
    /// The student's id (UUID).
    id: Uuid,
    /// The activity's key, e.g. g10_annual_review.
    key: String,
}
