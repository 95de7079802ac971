//! JSON operations on one goal: rewording it, moving its status, its
//! action steps and its supports. Each parses its body into the domain
//! input type and calls the same use case as the goal page.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_app::plan::goals;
use ssp_domain::person::PersonName;
use ssp_domain::plan::steps::{NewStep, NewSupport, StatusChange};
use ssp_domain::plan::GoalStatus;
use time::{Date, OffsetDateTime};
use utoipa::openapi::schema::Schema;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::api::openapi::RejectedJson;
use crate::api::openapi::{one_of, GoalPath};
use crate::api::plan::actions::{created, student};
use crate::api::plan::{CreatedJson, GoalBody};
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;

/// Rewords a goal (the student, or the suggesting staff member while it is
/// a suggestion); its measure kind is fixed once it has check-ins
/// (`measure_locked`).
#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/goals/{goal}",
    operation_id = "updateGoal",
    summary = "Reword a goal (the student, or the suggesting staff member while it is a suggestion)",
    params(GoalPath),
    request_body = GoalBody,
    responses((status = 204, description = "Saved."), (status = 422, description = "invalid_goal: each field's problem, as for createGoal, and measure_kind measure_locked once the goal has check-ins.", body = RejectedJson), (status = 403, description = "goal_edit_not_allowed.", body = crate::api::openapi::ErrorJson))
)]
pub async fn update_goal(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
    Json(body): Json<GoalBody>,
) -> Result<Response, AppError> {
    let access = student(&state, &ctx, &id).await?;
    let measure_kind = body.measure_kind.clone();
    let input = body.input().parse(state.now().date());
    goals::update(&state, &access, &goal, &measure_kind, input).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = StatusInput)]
pub struct StatusBody {
    #[schema(schema_with = statuses)]
    pub status: String,
}

/// Moves a goal's status (only the moves the status rule allows:
/// `illegal_transition`; a goal moved meanwhile is a 409).
#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/goals/{goal}/status",
    operation_id = "setGoalStatus",
    summary = "Move a goal to another status (only the moves the status rule allows; accepting a suggestion is the student's)",
    params(GoalPath),
    request_body = StatusBody,
    responses((status = 204, description = "Moved."), (status = 422, description = "invalid_status: status (required, unknown_choice, illegal_transition).", body = RejectedJson), (status = 409, description = "goal_changed_meanwhile: someone moved the goal first.", body = crate::api::openapi::ErrorJson))
)]
pub async fn set_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
    Json(body): Json<StatusBody>,
) -> Result<Response, AppError> {
    let access = student(&state, &ctx, &id).await?;
    goals::set_status(&state, &access, &goal, StatusChange::parse(&body.status)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Serialize, ToSchema)]
#[schema(as = Step)]
pub struct StepJson {
    pub id: Uuid,
    pub description: String,
    pub owner: Option<String>,
    pub due_on: Option<Date>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub done_at: Option<OffsetDateTime>,
}

/// A goal's action steps.
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/goals/{goal}/steps",
    operation_id = "listSteps",
    summary = "A goal's action steps, by due date",
    params(GoalPath),
    responses((status = 200, description = "OK", body = Vec<StepJson>))
)]
pub async fn steps(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
) -> Result<Json<Vec<StepJson>>, AppError> {
    let access = student(&state, &ctx, &id).await?;
    let rows = goals::steps(&state, &access, &goal).await?;
    Ok(Json(
        rows.into_iter()
            .map(|s| StepJson {
                id: s.id,
                description: s.description,
                owner: match (s.owner_given, s.owner_family) {
                    (Some(given), Some(family)) => Some(
                        PersonName {
                            given,
                            family,
                            preferred: s.owner_preferred,
                        }
                        .display(),
                    ),
                    _ => None,
                },
                due_on: s.due_on,
                done_at: s.done_at,
            })
            .collect(),
    ))
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = StepInput)]
pub struct StepBody {
    /// 1–300 characters.
    pub description: String,
    /// The student's or a team member's person id, or empty.
    pub owner: String,
    /// `YYYY-MM-DD`, today or later, or empty.
    #[schema(format = Date)]
    pub due_on: String,
}

/// Adds an action step to a goal.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/goals/{goal}/steps",
    operation_id = "createStep",
    summary = "Add an action step with an owner (the student or a team member) and a due date",
    params(GoalPath),
    request_body = StepBody,
    responses((status = 201, description = "Created.", body = CreatedJson), (status = 422, description = "invalid_step: description (required, too_long: 300 characters), due_on (invalid_date, in_past), owner (invalid_owner, not_on_team).", body = RejectedJson))
)]
pub async fn add_step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
    Json(body): Json<StepBody>,
) -> Result<Response, AppError> {
    let access = student(&state, &ctx, &id).await?;
    let input = NewStep::parse(&body.description, &body.due_on, &body.owner, state.now().date());
    Ok(created(goals::add_step(&state, &access, &goal, input).await?))
}

/// Marks an action step done.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/goals/{goal}/steps/{step}/done",
    operation_id = "completeStep",
    summary = "Mark an action step done",
    params(StepPath),
    responses((status = 204, description = "Done."))
)]
pub async fn complete_step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal, step)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let access = student(&state, &ctx, &id).await?;
    goals::complete_step(&state, &access, &goal, &step).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Serialize, ToSchema)]
#[schema(as = Support)]
pub struct SupportJson {
    pub description: String,
    pub provider: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// The supports linked to a goal.
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/goals/{goal}/supports",
    operation_id = "listSupports",
    summary = "The supports linked to a goal, oldest first",
    params(GoalPath),
    responses((status = 200, description = "OK", body = Vec<SupportJson>))
)]
pub async fn supports(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
) -> Result<Json<Vec<SupportJson>>, AppError> {
    let access = student(&state, &ctx, &id).await?;
    let rows = goals::supports(&state, &access, &goal).await?;
    Ok(Json(
        rows.into_iter()
            .map(|s| SupportJson {
                description: s.description,
                provider: s.provider,
                created_at: s.created_at,
            })
            .collect(),
    ))
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = SupportInput)]
pub struct SupportBody {
    /// What helps (1–300 characters).
    pub description: String,
    /// Who gives it (up to 200 characters, may be empty).
    pub provider: String,
}

/// Links a support to a goal.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/goals/{goal}/supports",
    operation_id = "createSupport",
    summary = "Link a support to a goal (what helps, and who gives it)",
    params(GoalPath),
    request_body = SupportBody,
    responses((status = 201, description = "Created.", body = CreatedJson), (status = 422, description = "invalid_support: description (required, too_long: 300 characters), provider (too_long: 200 characters).", body = RejectedJson))
)]
pub async fn add_support(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
    Json(body): Json<SupportBody>,
) -> Result<Response, AppError> {
    let access = student(&state, &ctx, &id).await?;
    let input = NewSupport::parse(&body.description, &body.provider);
    Ok(created(goals::add_support(&state, &access, &goal, input).await?))
}

fn statuses() -> Schema {
    one_of(GoalStatus::ALL.map(|s| s.as_str()))
}

/// An action step of a goal of the student.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct StepPath {
    /// The student's id (UUID).
    id: Uuid,
    /// The goal's id (UUID).
    goal: Uuid,
    /// The step's id (UUID).
    step: Uuid,
}
