//! JSON handlers for the SSP team: members, the plan manager (with
//! history), guardians and their educational rights. Each write calls the
//! same use case as the team page.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_db::repo::{home, team};
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::team::{GuardianRights, NewMember, NewPlanManager};
use ssp_domain::PersonId;
use time::OffsetDateTime;
use utoipa::openapi::schema::Schema;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::api::openapi::{one_of, RejectedJson, StudentPath};
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::team::members::name;
use ssp_app::team::members;

/// The signed-in caller's access to the student (401 when not signed in;
/// an unknown or out-of-scope student is the audited 404).
pub(crate) use super::plan::actions::student as access_of;

#[derive(Serialize, ToSchema)]
pub struct MemberJson {
    /// The membership's id (to remove it).
    pub id: Uuid,
    pub staff_id: Uuid,
    pub name: String,
    #[schema(schema_with = team_roles)]
    pub team_role: String,
    #[serde(with = "time::serde::rfc3339")]
    pub added_at: OffsetDateTime,
}

/// The student's SSP team (current members).
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/team",
    operation_id = "listTeam",
    summary = "The student's SSP team (current members)",
    params(StudentPath),
    responses((status = 200, description = "OK", body = Vec<MemberJson>))
)]
pub async fn members(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<MemberJson>>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    access.require(&state, RecordKind::Team, Action::View).await?;
    let rows = team::members(state.db(), access.student()).await?;
    Ok(Json(
        rows.into_iter()
            .map(|m| MemberJson {
                id: m.id,
                staff_id: m.staff_id,
                name: name(m.given_name, m.family_name, m.preferred_name),
                team_role: m.team_role,
                added_at: m.created_at,
            })
            .collect(),
    ))
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct MemberBody {
    /// A staff member of the student's school (person id).
    #[schema(required = true, format = Uuid)]
    pub staff_id: String,
    /// A role the staff member holds at the school.
    #[schema(required = true, schema_with = team_roles)]
    pub team_role: String,
}

pub use super::plan::CreatedJson;

pub(crate) fn team_roles() -> Schema {
    one_of(ssp_domain::access::TeamRole::ALL.map(|r| r.as_str()))
}

/// A membership of the student's team.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct MemberPath {
    /// The student's id (UUID).
    id: Uuid,
    /// The membership's id (UUID), from the team list.
    member: Uuid,
}

/// A guardian link of the student.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct GuardianLinkPath {
    /// The student's id (UUID).
    id: Uuid,
    /// The guardian link's id (UUID), from the guardians list.
    link: Uuid,
}

/// Adds a staff member of the student's school to the team in a role they
/// hold there.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/team",
    operation_id = "addTeamMember",
    summary = "Add a staff member of the student's school to the team, in a role they hold there",
    params(StudentPath),
    request_body = MemberBody,
    responses(
        (status = 201, description = "Added.", body = CreatedJson),
        (status = 409, description = "already_exists: already on the team in that role.", body = super::openapi::ErrorJson),
        (status = 422, description = "invalid_team_member: staff_id (required, invalid, not_at_school), team_role (required, unknown_choice).", body = RejectedJson),
    )
)]
pub async fn add_member(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(body): Json<MemberBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let input = NewMember::parse(&body.staff_id, &body.team_role);
    let id = members::add(&state, &access, input).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response())
}

/// Ends a membership of the team.
#[utoipa::path(
    delete,
    path = "/api/v1/students/{id}/team/{member}",
    operation_id = "removeTeamMember",
    summary = "End a membership of the team",
    params(MemberPath),
    responses((status = 204, description = "Removed."))
)]
pub async fn remove_member(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, member)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    members::remove(&state, &access, &member).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Serialize, ToSchema)]
pub struct PlanManagerTermJson {
    pub staff_id: Uuid,
    pub name: String,
    #[serde(with = "time::serde::rfc3339")]
    pub started_at: OffsetDateTime,
    /// None for the current plan manager.
    #[serde(with = "time::serde::rfc3339::option")]
    pub ended_at: Option<OffsetDateTime>,
}

#[derive(Serialize, ToSchema)]
pub struct PlanManagerJson {
    pub current: Option<PlanManagerTermJson>,
    /// Every term, the current one first, then past ones newest first.
    pub history: Vec<PlanManagerTermJson>,
}

/// The plan manager and the history of plan managers.
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/plan-manager",
    operation_id = "getPlanManager",
    summary = "The plan manager and the history of plan managers",
    params(StudentPath),
    responses((status = 200, description = "OK", body = PlanManagerJson))
)]
pub async fn plan_manager(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<PlanManagerJson>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    access.require(&state, RecordKind::Team, Action::View).await?;
    let history: Vec<PlanManagerTermJson> = team::plan_manager_history(state.db(), access.student())
        .await?
        .into_iter()
        .map(|m| PlanManagerTermJson {
            staff_id: m.staff_id,
            name: name(m.given_name, m.family_name, m.preferred_name),
            started_at: m.started_at,
            ended_at: m.ended_at,
        })
        .collect();
    let current = history
        .iter()
        .find(|m| m.ended_at.is_none())
        .map(|m| PlanManagerTermJson {
            staff_id: m.staff_id,
            name: m.name.clone(),
            started_at: m.started_at,
            ended_at: None,
        });
    Ok(Json(PlanManagerJson { current, history }))
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PlanManagerBody {
    /// A staff member of the student's school (person id).
    #[schema(required = true, format = Uuid)]
    pub staff_id: String,
}

/// Makes one of the school's staff the plan manager (the previous term
/// ends and stays in the history).
#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/plan-manager",
    operation_id = "reassignPlanManager",
    summary = "Make one of the school's staff the plan manager (the previous term ends and stays in the history)",
    params(StudentPath),
    request_body = PlanManagerBody,
    responses(
        (status = 204, description = "Reassigned."),
        (status = 422, description = "invalid_plan_manager: staff_id (required, invalid, not_at_school).", body = RejectedJson),
    )
)]
pub async fn reassign_plan_manager(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(body): Json<PlanManagerBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    members::reassign(&state, &access, NewPlanManager::parse(&body.staff_id)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Serialize, ToSchema)]
pub struct GuardianJson {
    /// The guardian link's id (to change its rights).
    pub link_id: Uuid,
    pub name: String,
    pub relationship: String,
    pub educational_rights: bool,
    pub contact_language: String,
}

/// The student's guardians and whether each holds educational rights.
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/guardians",
    operation_id = "listGuardians",
    summary = "The student's guardians and whether each holds educational rights",
    params(StudentPath),
    responses((status = 200, description = "OK", body = Vec<GuardianJson>))
)]
pub async fn guardians(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<GuardianJson>>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    access.require(&state, RecordKind::Team, Action::View).await?;
    let rows = home::guardians_of(state.db(), PersonId(access.student().0)).await?;
    Ok(Json(
        rows.into_iter()
            .map(|g| GuardianJson {
                link_id: g.link_id,
                name: name(g.given_name, g.family_name, g.preferred_name),
                relationship: g.relationship,
                educational_rights: g.educational_rights,
                contact_language: g.contact_language,
            })
            .collect(),
    ))
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct RightsBody {
    #[schema(required = true)]
    pub educational_rights: Option<bool>,
}

/// Grants or withdraws a guardian's educational rights.
#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/guardians/{link}/rights",
    operation_id = "setGuardianRights",
    summary = "Grant or withdraw a guardian's educational rights",
    params(GuardianLinkPath),
    request_body = RightsBody,
    responses(
        (status = 204, description = "Changed."),
        (status = 422, description = "invalid_guardian_rights: educational_rights (required).", body = RejectedJson),
    )
)]
pub async fn set_rights(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, link)): Path<(String, String)>,
    Json(body): Json<RightsBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let input = GuardianRights::parse(body.educational_rights);
    members::set_rights(&state, &access, &link, input).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
