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
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::plan::GoalBody;
use super::plan_actions::{created, student};
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;

/// Rewords a goal (the student, or the suggesting staff member while it is
/// a suggestion); its measure kind is fixed once it has check-ins
/// (`measure_locked`).
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

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct StatusBody {
    /// The status to move to (draft, active, met, not_met, revised, discontinued).
    pub status: String,
}

/// Moves a goal's status (only the moves the status rule allows:
/// `illegal_transition`; a goal moved meanwhile is a 409).
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

#[derive(Serialize)]
pub struct StepJson {
    pub id: Uuid,
    pub description: String,
    pub owner: Option<String>,
    pub due_on: Option<Date>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub done_at: Option<OffsetDateTime>,
}

/// A goal's action steps.
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

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct StepBody {
    /// 1–300 characters.
    pub description: String,
    /// The student's or a team member's person id, or empty.
    pub owner: String,
    /// `YYYY-MM-DD`, today or later, or empty.
    pub due_on: String,
}

/// Adds an action step to a goal.
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
pub async fn complete_step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal, step)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let access = student(&state, &ctx, &id).await?;
    goals::complete_step(&state, &access, &goal, &step).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Serialize)]
pub struct SupportJson {
    pub description: String,
    pub provider: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// The supports linked to a goal.
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

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct SupportBody {
    /// What helps (1–300 characters).
    pub description: String,
    /// Who gives it (up to 200 characters, may be empty).
    pub provider: String,
}

/// Links a support to a goal.
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
