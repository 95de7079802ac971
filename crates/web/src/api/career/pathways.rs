//! JSON handlers for the district's career pathways: everyone signed in
//! reads their district's list; district administrators add and remove
//! (the same use cases as `/admin/pathways`).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_app::career::pathways;
use ssp_domain::career::input::PathwayInput;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::api::openapi::RejectedJson;
use crate::api::plan::CreatedJson;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
#[schema(as = Pathway)]
pub struct PathwayJson {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub legacy_cluster: Option<String>,
    pub cluster_2024: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/pathways",
    operation_id = "listPathways",
    summary = "The district's own career pathways and academies, with their clusters",
    responses((status = 200, description = "OK", body = Vec<PathwayJson>))
)]
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Vec<PathwayJson>>, AppError> {
    let district = ctx.session().map_err(|_| AppError::Unauthenticated)?.district_id;
    Ok(Json(
        pathways::list(&state, district)
            .await?
            .into_iter()
            .map(|p| PathwayJson {
                id: p.id,
                name: p.name,
                description: p.description,
                legacy_cluster: p.legacy_cluster,
                cluster_2024: p.cluster_2024,
            })
            .collect(),
    ))
}

/// A new pathway: a name and at least one cluster key.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = PathwayInput)]
pub struct PathwayBody {
    #[schema(required = true)]
    pub name: String,
    pub description: String,
    pub legacy_cluster: String,
    pub cluster_2024: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/pathways",
    operation_id = "addPathway",
    summary = "A district administrator adds a pathway (others: 404)",
    request_body = PathwayBody,
    responses(
        (status = 201, description = "Added.", body = CreatedJson),
        (status = 409, description = "pathway_name_taken.", body = crate::api::openapi::ErrorJson),
        (status = 422, description = "invalid_pathway: name (required, too_long), description (too_long), legacy_cluster / cluster_2024 (unknown_choice; one is required).", body = RejectedJson),
    )
)]
pub async fn add(State(state): State<AppState>, ctx: Ctx, Json(b): Json<PathwayBody>) -> Result<Response, AppError> {
    ctx.api_district_admin()?;
    let input = PathwayInput::parse(&b.name, &b.description, &b.legacy_cluster, &b.cluster_2024);
    let id = pathways::add(&state, &ctx.actor()?, input).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response())
}

#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct PathwayPath {
    /// The pathway's id.
    id: String,
}

#[utoipa::path(
    delete,
    path = "/api/v1/pathways/{id}",
    operation_id = "removePathway",
    summary = "A district administrator removes a pathway (others, or an unknown id: 404)",
    params(PathwayPath),
    responses((status = 204, description = "Removed."))
)]
pub async fn remove(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    ctx.api_district_admin()?;
    pathways::remove(&state, &ctx.actor()?, &id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
