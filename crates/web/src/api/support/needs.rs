//! JSON handlers for a student's needs: the list (the classes the caller may
//! read; a restricted class only through break-glass with a reason, as on
//! the page), recording one, and changing its status and what is being
//! done. Each calls the same use case as the page.

use axum::extract::{Path, State};
use axum::response::Response;
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_app::support::needs as cases;
use ssp_db::repo::support::needs::NeedRow;
use ssp_domain::access::Sensitivity;
use ssp_domain::person::PersonName;
use ssp_domain::records::BreakGlass;
use ssp_domain::support::need::{NeedChange, NeedKind, NeedSource, NeedStatus, NewNeed};
use time::OffsetDateTime;
use utoipa::openapi::schema::Schema;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::api::openapi::{one_of, ErrorJson, RejectedJson, StudentPath};
use crate::api::plan::actions::{created, student as access_of};
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, record))
        .routes(routes!(break_glass))
        .routes(routes!(change))
}

fn kinds() -> Schema {
    one_of(NeedKind::ALL.iter().map(|k| k.key()))
}
fn statuses() -> Schema {
    one_of(NeedStatus::ALL.iter().map(|s| s.key()))
}
fn new_statuses() -> Schema {
    one_of(std::iter::once("").chain(NeedStatus::ALL.iter().map(|s| s.key())))
}
fn sources() -> Schema {
    one_of(NeedSource::ALL.iter().map(|s| s.key()))
}
fn classes() -> Schema {
    one_of(Sensitivity::ALL.map(|s| s.as_str()))
}

/// A need of the student.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct NeedPath {
    /// The student's id (UUID).
    id: Uuid,
    /// The need's id (UUID).
    need: Uuid,
}

/// A student's need.
#[derive(Serialize, ToSchema)]
#[schema(as = Need)]
pub struct NeedJson {
    pub id: Uuid,
    #[schema(schema_with = kinds)]
    pub kind: String,
    /// Who may read it; follows from the kind.
    #[schema(schema_with = classes)]
    pub sensitivity: String,
    pub description: String,
    pub what_is_being_done: String,
    #[schema(schema_with = sources)]
    pub source: String,
    #[schema(schema_with = statuses)]
    pub status: String,
    pub recorded_by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

fn json(rows: Vec<NeedRow>) -> Vec<NeedJson> {
    rows.into_iter()
        .map(|n| NeedJson {
            id: n.id,
            kind: n.kind,
            sensitivity: n.sensitivity,
            description: n.description,
            what_is_being_done: n.what_is_being_done,
            source: n.source,
            status: n.status,
            recorded_by: PersonName {
                given: n.given_name,
                family: n.family_name,
                preferred: n.preferred_name,
            }
            .display(),
            created_at: n.created_at,
            updated_at: n.updated_at,
        })
        .collect()
}

/// The student's needs the caller may read without a reason (staff only).
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/needs",
    operation_id = "listNeeds",
    summary = "The student's needs of the classes the caller may read without a reason, open ones first (staff only; a restricted class needs break-glass)",
    params(StudentPath),
    responses((status = 200, description = "OK", body = Vec<NeedJson>))
)]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<NeedJson>>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    Ok(Json(json(cases::list(&state, &access, None).await?)))
}

#[derive(Deserialize, Default, ToSchema)]
#[schema(as = NeedBody)]
#[serde(default, deny_unknown_fields)]
pub struct NeedBody {
    /// Decides who may read it: health and vision_dental are restricted to
    /// the nurse and plan manager, social_emotional to the social worker.
    #[schema(required = true, schema_with = kinds)]
    pub kind: String,
    /// 1–2000 characters.
    #[schema(required = true)]
    pub description: String,
    /// Up to 2000 characters.
    pub what_is_being_done: String,
    /// Blank: team.
    #[schema(schema_with = sources)]
    pub source: String,
}

/// Records a need (staff who may write its class).
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/needs",
    operation_id = "recordNeed",
    summary = "Record a need; its kind decides who may read it, and the caller must be allowed to write that class",
    params(StudentPath),
    request_body = NeedBody,
    responses(
        (status = 201, description = "Created.", body = crate::api::plan::CreatedJson),
        (status = 422, description = "invalid_need: kind and source (required, unknown_choice), description (required, too_long), what_is_being_done (too_long).", body = RejectedJson),
    )
)]
pub async fn record(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<NeedBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let source = if b.source.trim().is_empty() { "team" } else { &b.source };
    let input = NewNeed::parse(&b.kind, &b.description, &b.what_is_being_done, source);
    let id = cases::record(&state, &access, input).await?;
    Ok(created(id))
}

#[derive(Deserialize, Default, ToSchema)]
#[schema(as = NeedChangeBody)]
#[serde(default, deny_unknown_fields)]
pub struct NeedChangeBody {
    /// Blank: keep the status.
    #[schema(schema_with = new_statuses)]
    pub status: String,
    /// Up to 2000 characters; replaces the current text.
    pub what_is_being_done: String,
}

/// Changes a need's status and what is being done.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/needs/{need}",
    operation_id = "changeNeed",
    summary = "Move a need's status (identified → in_progress → met or no_longer_needed; a closed need may be identified again) and set what is being done",
    params(NeedPath),
    request_body = NeedChangeBody,
    responses(
        (status = 204, description = "Changed."),
        (status = 409, description = "illegal_need_move: the status cannot move there from where it is.", body = ErrorJson),
        (status = 422, description = "invalid_need_change: status (unknown_choice), what_is_being_done (too_long).", body = RejectedJson),
    )
)]
pub async fn change(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, need)): Path<(String, String)>,
    Json(b): Json<NeedChangeBody>,
) -> Result<axum::http::StatusCode, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let input = NeedChange::parse(&b.status, &b.what_is_being_done);
    cases::change(&state, &access, &need, input).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

#[derive(Deserialize, Default, ToSchema)]
#[schema(as = NeedsBreakGlassBody)]
#[serde(default, deny_unknown_fields)]
pub struct BreakGlassBody {
    #[schema(required = true, schema_with = classes)]
    pub sensitivity: String,
    /// 10–500 characters, kept in the audit log and sent to the plan manager.
    #[schema(required = true)]
    pub reason: String,
}

/// Opens a restricted class of needs with a reason and answers its needs.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/needs/break-glass",
    operation_id = "breakGlassNeeds",
    summary = "Open a restricted class of needs with a reason (audited; the plan manager is told); answers its needs",
    params(StudentPath),
    request_body = BreakGlassBody,
    responses(
        (status = 200, description = "The class's needs.", body = Vec<NeedJson>),
        (status = 422, description = "invalid_break_glass: sensitivity (required, unknown_choice), reason (required, too_short, too_long).", body = RejectedJson),
    )
)]
pub async fn break_glass(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<BreakGlassBody>,
) -> Result<Json<Vec<NeedJson>>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let input = BreakGlass::parse(&b.sensitivity, &b.reason);
    let opened = cases::break_glass(&state, &access, input).await?;
    let rows = ssp_db::repo::support::needs::list(state.db(), access.student(), &[opened]).await?;
    Ok(Json(json(rows)))
}
