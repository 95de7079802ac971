//! JSON handlers for the portfolio's artifacts: the list (what the caller
//! may see; guardians never get private work), adding a link or a text,
//! uploading a file (a streamed `multipart/form-data` form, as the page's),
//! marking best work and private, and removing. The same use cases as the
//! page.

use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_app::portfolio::artifacts;
use ssp_domain::portfolio::artifact::ArtifactRaw;
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
        .routes(routes!(list, add))
        .routes(routes!(set_flags, remove))
        // The upload streams to disk under its own limit, not the body limit.
        .merge(
            OpenApiRouter::new()
                .routes(routes!(upload))
                .layer(DefaultBodyLimit::disable()),
        )
}

fn kinds() -> Schema {
    one_of(["file", "link", "text"])
}

fn domains() -> Schema {
    one_of(["academic", "career", "sep"])
}

/// A piece of work in the portfolio.
#[derive(Serialize, ToSchema)]
#[schema(as = Artifact)]
pub struct ArtifactJson {
    pub id: Uuid,
    #[schema(schema_with = kinds)]
    pub kind: String,
    pub title: String,
    pub description: String,
    pub reflection: String,
    #[schema(schema_with = domains)]
    pub domain: String,
    /// The school year's spring (2027 = 2026–2027).
    pub school_year: i32,
    pub competencies: Vec<String>,
    pub url: Option<String>,
    pub body: Option<String>,
    /// For a file: its name, detected type and size, and where to get it.
    pub file_name: Option<String>,
    pub file_type: Option<String>,
    pub file_bytes: Option<i64>,
    pub file_url: Option<String>,
    pub best_work: bool,
    pub private: bool,
    /// The goal it is evidence for.
    pub goal_id: Option<Uuid>,
}

#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/portfolio",
    operation_id = "listArtifacts",
    summary = "The student's portfolio, newest first (guardians never get private work)",
    params(StudentPath),
    responses((status = 200, description = "OK", body = Vec<ArtifactJson>))
)]
pub async fn list(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let student = access.student();
    let items = artifacts::list(&state, &access).await?;
    Ok(Json(
        items
            .into_iter()
            .map(|a| {
                let r = a.row;
                ArtifactJson {
                    file_url: r
                        .file_key
                        .as_ref()
                        .map(|_| format!("/students/{student}/portfolio/{}/file", r.id)),
                    id: r.id,
                    kind: r.kind,
                    title: r.title,
                    description: r.description,
                    reflection: r.reflection,
                    domain: r.domain,
                    school_year: r.school_year,
                    competencies: a.competencies,
                    url: r.url,
                    body: r.body,
                    file_name: r.file_name,
                    file_type: r.file_type,
                    file_bytes: r.file_bytes,
                    best_work: r.best_work,
                    private: r.private,
                    goal_id: r.goal_id,
                }
            })
            .collect::<Vec<_>>(),
    )
    .into_response())
}

/// A link or a text to add.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = ArtifactInput)]
pub struct ArtifactBody {
    /// `link` or `text` (a file goes to `POST .../portfolio/files`).
    #[schema(required = true)]
    pub kind: String,
    #[schema(required = true)]
    pub title: String,
    pub description: String,
    pub reflection: String,
    #[schema(required = true, schema_with = domains)]
    pub domain: String,
    /// `2027`, `2026-2027` or `2026-27`.
    #[schema(required = true)]
    pub school_year: String,
    pub competencies: Vec<String>,
    pub url: String,
    pub body: String,
    /// One of the student's goals this work is evidence for.
    pub goal_id: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/portfolio",
    operation_id = "addArtifact",
    summary = "The student adds a link or a text to their portfolio",
    params(StudentPath),
    request_body = ArtifactBody,
    responses(
        (status = 201, description = "Added.", body = CreatedJson),
        (status = 403, description = "portfolio_by_student_only: only the student adds work.", body = ErrorJson),
        (status = 422, description = "invalid_artifact: kind (required, unknown_choice, file_by_upload), title (required, too_long), description and reflection (too_long), domain (required, unknown_choice), school_year (required, invalid_school_year), competencies (unknown_competency, too_many), url (required, too_long, invalid_url, not_http), body (required, too_long).", body = RejectedJson),
    )
)]
pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<ArtifactBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    if b.kind == "file" {
        return Err(AppError::Rejected(ssp_domain::input::Rejected::one(
            "invalid_artifact",
            "kind",
            "file_by_upload",
        )));
    }
    let raw = ArtifactRaw {
        kind: &b.kind,
        title: &b.title,
        description: &b.description,
        reflection: &b.reflection,
        domain: &b.domain,
        school_year: &b.school_year,
        competencies: &b.competencies,
        url: &b.url,
        body: &b.body,
    };
    let goal = (!b.goal_id.is_empty()).then_some(b.goal_id.as_str());
    let id = artifacts::add(&state, &access, &raw, None, goal).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response())
}

#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct ArtifactPath {
    /// The student's id.
    id: String,
    /// The artifact's id.
    artifact: String,
}

/// Best work and private.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = ArtifactMarks)]
pub struct FlagsBody {
    pub best_work: bool,
    pub private: bool,
}

#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/portfolio/{artifact}",
    operation_id = "markArtifact",
    summary = "The student marks a piece of work as best work and/or private",
    params(ArtifactPath),
    request_body = FlagsBody,
    responses(
        (status = 204, description = "Saved."),
        (status = 403, description = "portfolio_by_student_only.", body = ErrorJson),
        (status = 409, description = "best_work_limit: the school year already has the most best work the district allows (5 unless it set its own).", body = ErrorJson),
    )
)]
pub async fn set_flags(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, artifact)): Path<(String, String)>,
    Json(b): Json<FlagsBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let artifact = Uuid::parse_str(&artifact).map_err(|_| AppError::NotFound)?;
    artifacts::set_flags(&state, &access, artifact, b.best_work, b.private).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(
    delete,
    path = "/api/v1/students/{id}/portfolio/{artifact}",
    operation_id = "removeArtifact",
    summary = "The student removes a piece of work (and its file)",
    params(ArtifactPath),
    responses(
        (status = 204, description = "Removed."),
        (status = 403, description = "portfolio_by_student_only.", body = ErrorJson),
    )
)]
pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, artifact)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let artifact = Uuid::parse_str(&artifact).map_err(|_| AppError::NotFound)?;
    artifacts::remove(&state, &access, artifact).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A file with its details, as `multipart/form-data`.
#[derive(ToSchema)]
#[schema(as = ArtifactFileInput)]
#[allow(dead_code)]
pub struct UploadForm {
    /// The file (its type is judged from its content; the name's extension
    /// must agree). At most the server's upload limit (50 MB by default).
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
    #[schema(required = true)]
    title: String,
    description: String,
    reflection: String,
    /// `academic`, `career`, `sep`.
    #[schema(required = true)]
    domain: String,
    /// `2027`, `2026-2027` or `2026-27`.
    #[schema(required = true)]
    school_year: String,
    /// Competency keys; repeat the field for several.
    competencies: Vec<String>,
    /// One of the student's goals this work is evidence for.
    goal_id: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/portfolio/files",
    operation_id = "uploadArtifact",
    summary = "The student uploads a file to the portfolio (streamed; type from the content)",
    params(StudentPath),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Added.", body = CreatedJson),
        (status = 400, description = "malformed_form: not a multipart form.", body = ErrorJson),
        (status = 403, description = "portfolio_by_student_only.", body = ErrorJson),
        (status = 422, description = "invalid_artifact: file (required, too_large, over_quota, type_mismatch, unknown_type, active_content, zip_bomb), title, domain, school_year, competencies.", body = RejectedJson),
    )
)]
pub async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    if !access.is_self() {
        // Answered before a byte of the upload is read.
        access
            .require(
                &state,
                ssp_domain::access::RecordKind::Plan,
                ssp_domain::access::Action::Edit,
            )
            .await?;
        return Err(AppError::Forbidden("portfolio_by_student_only"));
    }
    let form = form.map_err(|_| AppError::BadRequest("malformed_form"))?;
    let up = crate::upload::read(&state, form).await?;
    let result = if up.too_big {
        Err(ssp_app::Error::Rejected(ssp_domain::input::Rejected::one(
            "invalid_artifact",
            "file",
            ssp_domain::portfolio::content::ContentRefusal::TooLarge.code(),
        )))
    } else {
        let competencies = up.all("competencies");
        let raw = ArtifactRaw {
            kind: "file",
            title: up.get("title"),
            description: up.get("description"),
            reflection: up.get("reflection"),
            domain: up.get("domain"),
            school_year: up.get("school_year"),
            competencies: &competencies,
            url: "",
            body: "",
        };
        let goal = up.get("goal_id");
        artifacts::add(
            &state,
            &access,
            &raw,
            up.staged.as_ref(),
            (!goal.is_empty()).then_some(goal),
        )
        .await
    };
    up.discard().await;
    let id = result?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response())
}
