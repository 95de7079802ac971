//! JSON handlers for the rest of the portfolio: the district's portfolio
//! settings (everyone signed in reads them; district administrators change
//! the best-work maximum and the district's own competencies), a student's
//! showcases (list, create — the link is returned once —, revoke) and
//! collections (list, create, add / move / take out an item, remove). The
//! same use cases as the pages.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_app::portfolio::artifacts::{self, CollectionChange};
use ssp_app::portfolio::settings;
use ssp_domain::portfolio::best_work::parse_best_work_limit;
use time::OffsetDateTime;
use utoipa::openapi::schema::Schema;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::api::openapi::{one_of, ErrorJson, RejectedJson, StudentPath};
use crate::api::plan::actions::student as access_of;
use crate::api::plan::CreatedJson;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_settings, put_settings))
        .routes(routes!(add_competency))
        .routes(routes!(retire_competency))
        .routes(routes!(list_showcases, create_showcase))
        .routes(routes!(revoke_showcase))
        .routes(routes!(list_collections, create_collection))
        .routes(routes!(change_collection, remove_collection))
}

/// One of the district's own competencies.
#[derive(Serialize, ToSchema)]
#[schema(as = DistrictCompetency)]
pub struct CompetencyJson {
    /// `district:<snake_case>`; the tag to send on artifacts and experiences.
    pub key: String,
    pub name: String,
    /// Retired: kept on work already tagged, no longer accepted on new work.
    pub retired: bool,
}

/// The district's portfolio settings.
#[derive(Serialize, ToSchema)]
#[schema(as = PortfolioSettings)]
pub struct SettingsJson {
    /// Pieces of best work a student may mark in one school year.
    pub max_best_work: u32,
    /// Whether that is ssp's default (5) rather than the district's own.
    pub is_default: bool,
    pub competencies: Vec<CompetencyJson>,
}

#[utoipa::path(
    get,
    path = "/api/v1/portfolio/settings",
    operation_id = "getPortfolioSettings",
    summary = "The district's best-work maximum and its own competencies",
    responses((status = 200, description = "OK", body = SettingsJson))
)]
pub async fn get_settings(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let district = ctx.session().map_err(|_| AppError::Unauthenticated)?.district_id;
    let s = settings::of_district(&state, district).await?;
    Ok(Json(SettingsJson {
        max_best_work: s.max_best_work,
        is_default: s.is_default,
        competencies: s
            .competencies
            .into_iter()
            .map(|c| CompetencyJson {
                key: c.key.to_string(),
                name: c.name,
                retired: c.retired,
            })
            .collect(),
    })
    .into_response())
}

/// The best-work maximum to set.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = PortfolioSettingsInput)]
pub struct SettingsBody {
    /// 1–50, as a string or number.
    #[schema(required = true, value_type = String)]
    pub max_best_work: serde_json::Value,
}

#[utoipa::path(
    put,
    path = "/api/v1/portfolio/settings",
    operation_id = "putPortfolioSettings",
    summary = "A district administrator sets the best-work maximum",
    request_body = SettingsBody,
    responses(
        (status = 204, description = "Saved."),
        (status = 404, description = "Not a district administrator.", body = ErrorJson),
        (status = 422, description = "invalid_best_work_limit: max_best_work is not 1–50.", body = RejectedJson),
    )
)]
pub async fn put_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    Json(b): Json<SettingsBody>,
) -> Result<Response, AppError> {
    ctx.api_district_admin()?;
    let actor = ctx.actor()?;
    let raw = match &b.max_best_work {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    };
    settings::save_max_best_work(&state, &actor, parse_best_work_limit(&raw)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A competency of the district's own.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = DistrictCompetencyInput)]
pub struct CompetencyBody {
    /// snake_case, with or without `district:`.
    #[schema(required = true)]
    pub key: String,
    #[schema(required = true, max_length = 120)]
    pub name: String,
}

/// The key the competency was stored under.
#[derive(Serialize, ToSchema)]
#[schema(as = CompetencyKey)]
pub struct KeyJson {
    pub key: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/portfolio/competencies",
    operation_id = "addDistrictCompetency",
    summary = "A district administrator adds one of the district's own competencies",
    request_body = CompetencyBody,
    responses(
        (status = 201, description = "Added.", body = KeyJson),
        (status = 404, description = "Not a district administrator.", body = ErrorJson),
        (status = 422, description = "invalid_competency: key (required, invalid_key, duplicate_key), name.", body = RejectedJson),
    )
)]
pub async fn add_competency(
    State(state): State<AppState>,
    ctx: Ctx,
    Json(b): Json<CompetencyBody>,
) -> Result<Response, AppError> {
    ctx.api_district_admin()?;
    let actor = ctx.actor()?;
    let key = settings::add_competency(&state, &actor, &b.key, &b.name).await?;
    Ok((StatusCode::CREATED, Json(KeyJson { key: key.to_string() })).into_response())
}

#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct CompetencyPath {
    /// `district:<snake_case>`.
    key: String,
}

/// Retire or offer again.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CompetencyState)]
pub struct RetireBody {
    pub retired: bool,
}

#[utoipa::path(
    put,
    path = "/api/v1/portfolio/competencies/{key}",
    operation_id = "retireDistrictCompetency",
    summary = "A district administrator retires a competency of its own, or offers it again",
    params(CompetencyPath),
    request_body = RetireBody,
    responses(
        (status = 204, description = "Saved."),
        (status = 404, description = "Not a district administrator, or no such competency.", body = ErrorJson),
    )
)]
pub async fn retire_competency(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<String>,
    Json(b): Json<RetireBody>,
) -> Result<Response, AppError> {
    ctx.api_district_admin()?;
    let actor = ctx.actor()?;
    settings::set_retired(&state, &actor, &key, b.retired).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

fn showcase_states() -> Schema {
    one_of(["live", "expired", "revoked"])
}

/// A showcase: work the student shares through a link.
#[derive(Serialize, ToSchema)]
#[schema(as = Showcase)]
pub struct ShowcaseJson {
    pub id: Uuid,
    pub title: String,
    #[schema(schema_with = showcase_states)]
    pub state: &'static str,
    #[schema(value_type = String, format = DateTime)]
    pub expires_at: String,
    pub views: i64,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_view: Option<String>,
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/showcases",
    operation_id = "listShowcases",
    summary = "The student's showcases with their views",
    params(StudentPath),
    responses((status = 200, description = "OK", body = Vec<ShowcaseJson>))
)]
pub async fn list_showcases(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let list = artifacts::showcases(&state, &access).await?;
    Ok(Json(
        list.into_iter()
            .map(|s| ShowcaseJson {
                id: s.row.id,
                title: s.row.title,
                state: if s.row.revoked_at.is_some() {
                    "revoked"
                } else if s.live {
                    "live"
                } else {
                    "expired"
                },
                expires_at: rfc3339(s.row.expires_at),
                views: s.views,
                last_view: s.last_view.map(rfc3339),
            })
            .collect::<Vec<_>>(),
    )
    .into_response())
}

/// A showcase to create.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = ShowcaseInput)]
pub struct ShowcaseBody {
    #[schema(required = true, max_length = 120)]
    pub title: String,
    /// Ids of the student's own, not private, artifacts, in order.
    #[schema(required = true)]
    pub items: Vec<String>,
    /// How long the link lives, in days (blank: the default).
    pub days: String,
}

/// The new showcase and its link (shown once; only its hash is kept).
#[derive(Serialize, ToSchema)]
#[schema(as = ShowcaseCreated)]
pub struct ShowcaseCreatedJson {
    /// The path to share, `/showcase/{token}`.
    pub link: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/showcases",
    operation_id = "createShowcase",
    summary = "The student shares chosen work through an expiring link",
    params(StudentPath),
    request_body = ShowcaseBody,
    responses(
        (status = 201, description = "Created.", body = ShowcaseCreatedJson),
        (status = 403, description = "portfolio_by_student_only.", body = ErrorJson),
        (status = 422, description = "invalid_showcase: title, items (none, not yours, private), days.", body = RejectedJson),
    )
)]
pub async fn create_showcase(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<ShowcaseBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let token = artifacts::create_showcase(&state, &access, &b.title, &b.items, &b.days).await?;
    Ok((
        StatusCode::CREATED,
        Json(ShowcaseCreatedJson {
            link: format!("/showcase/{token}"),
        }),
    )
        .into_response())
}

#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct ShowcasePath {
    /// The student's id.
    id: String,
    /// The showcase's id.
    showcase: String,
}

#[utoipa::path(
    delete,
    path = "/api/v1/students/{id}/showcases/{showcase}",
    operation_id = "revokeShowcase",
    summary = "The student revokes a showcase link (at once)",
    params(ShowcasePath),
    responses(
        (status = 204, description = "Revoked."),
        (status = 403, description = "portfolio_by_student_only.", body = ErrorJson),
    )
)]
pub async fn revoke_showcase(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, showcase)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let showcase = Uuid::parse_str(&showcase).map_err(|_| AppError::NotFound)?;
    artifacts::revoke_showcase(&state, &access, showcase).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A named, ordered group of the student's work.
#[derive(Serialize, ToSchema)]
#[schema(as = Collection)]
pub struct CollectionJson {
    pub id: Uuid,
    pub name: String,
    /// Artifact ids in the student's order (only those the caller may see).
    pub items: Vec<Uuid>,
}

#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/collections",
    operation_id = "listCollections",
    summary = "The student's collections (guardians never see private work in them)",
    params(StudentPath),
    responses((status = 200, description = "OK", body = Vec<CollectionJson>))
)]
pub async fn list_collections(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let visible: Vec<Uuid> = artifacts::list(&state, &access)
        .await?
        .into_iter()
        .map(|a| a.row.id)
        .collect();
    let list = artifacts::collections(&state, &access, &visible).await?;
    Ok(Json(
        list.into_iter()
            .map(|c| CollectionJson {
                id: c.id,
                name: c.name,
                items: c.items,
            })
            .collect::<Vec<_>>(),
    )
    .into_response())
}

/// A collection's name.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CollectionInput)]
pub struct CollectionBody {
    #[schema(required = true, max_length = 120)]
    pub name: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/collections",
    operation_id = "createCollection",
    summary = "The student makes a collection",
    params(StudentPath),
    request_body = CollectionBody,
    responses(
        (status = 201, description = "Created.", body = CreatedJson),
        (status = 403, description = "portfolio_by_student_only.", body = ErrorJson),
        (status = 422, description = "invalid_collection: name.", body = RejectedJson),
    )
)]
pub async fn create_collection(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<CollectionBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let id = artifacts::create_collection(&state, &access, &b.name).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response())
}

#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct CollectionPath {
    /// The student's id.
    id: String,
    /// The collection's id.
    collection: String,
}

fn changes() -> Schema {
    one_of(["add", "up", "down", "take_out"])
}

/// One change to a collection's items.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CollectionChange)]
pub struct ChangeBody {
    #[schema(schema_with = changes, required = true)]
    pub change: String,
    /// The artifact it applies to.
    #[schema(required = true)]
    pub artifact: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/collections/{collection}",
    operation_id = "changeCollection",
    summary = "The student adds work to a collection, moves it up or down, or takes it out",
    params(CollectionPath),
    request_body = ChangeBody,
    responses(
        (status = 204, description = "Saved."),
        (status = 400, description = "invalid_reference: not one of the student's artifacts.", body = ErrorJson),
        (status = 403, description = "portfolio_by_student_only.", body = ErrorJson),
        (status = 409, description = "duplicate_item, not_in_collection.", body = ErrorJson),
        (status = 422, description = "unknown change.", body = RejectedJson),
    )
)]
pub async fn change_collection(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, collection)): Path<(String, String)>,
    Json(b): Json<ChangeBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    // Access first: an outsider learns nothing from a malformed body.
    access
        .require(
            &state,
            ssp_domain::access::RecordKind::Plan,
            ssp_domain::access::Action::Edit,
        )
        .await?;
    let collection = Uuid::parse_str(&collection).map_err(|_| AppError::NotFound)?;
    let artifact = Uuid::parse_str(b.artifact.trim()).map_err(|_| AppError::BadRequest("invalid_reference"))?;
    let change = match b.change.as_str() {
        "add" => CollectionChange::Add(artifact),
        "up" => CollectionChange::Up(artifact),
        "down" => CollectionChange::Down(artifact),
        "take_out" => CollectionChange::TakeOut(artifact),
        _ => {
            return Err(ssp_app::Error::from(ssp_domain::input::Rejected::new(
                "invalid_collection_change",
                vec![ssp_domain::input::FieldError::new("change", "unknown_choice")],
            ))
            .into())
        }
    };
    artifacts::change_collection(&state, &access, collection, change).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(
    delete,
    path = "/api/v1/students/{id}/collections/{collection}",
    operation_id = "removeCollection",
    summary = "The student removes a collection (the work stays in the portfolio)",
    params(CollectionPath),
    responses(
        (status = 204, description = "Removed."),
        (status = 403, description = "portfolio_by_student_only.", body = ErrorJson),
    )
)]
pub async fn remove_collection(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, collection)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let collection = Uuid::parse_str(&collection).map_err(|_| AppError::NotFound)?;
    artifacts::change_collection(&state, &access, collection, CollectionChange::Remove).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
