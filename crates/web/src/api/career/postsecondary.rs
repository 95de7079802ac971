//! JSON handlers for the postsecondary plan (grades 9–12): the intended
//! paths, programs with their status, key steps with due dates, and the
//! team's comments. The student writes it, the team comments, guardians
//! read it; each write calls the same use case as the page.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_app::career::postsecondary::{self, FIRST_GRADE};
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::career::input::{IntendedPaths, NewProgram, NewStep, PlanComment};
use ssp_domain::career::postsecondary::{PostsecondaryPath, ProgramStatus};
use ssp_domain::input::Rejected;
use ssp_domain::person::PersonName;
use time::{Date, OffsetDateTime};
use utoipa::openapi::schema::Schema;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::array_of;
use crate::api::openapi::{one_of, ErrorJson, RejectedJson, StudentPath};
use crate::api::plan::actions::student as access_of;
use crate::api::plan::CreatedJson;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;

fn paths() -> Schema {
    one_of(PostsecondaryPath::ALL.map(PostsecondaryPath::key))
}
fn path_list() -> Schema {
    array_of(paths())
}
fn statuses() -> Schema {
    one_of(ProgramStatus::ALL.map(ProgramStatus::key))
}

/// A program or institution on the plan.
#[derive(Serialize, ToSchema)]
#[schema(as = PostsecondaryProgram)]
pub struct ProgramJson {
    pub id: Uuid,
    pub name: String,
    #[schema(schema_with = paths)]
    pub path: String,
    #[schema(schema_with = statuses)]
    pub status: String,
    pub note: String,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

/// A key step: a shipped one for the student's paths and class, or the
/// student's own.
#[derive(Serialize, ToSchema)]
#[schema(as = PostsecondaryStep)]
pub struct StepJson {
    /// What `PUT .../steps/{step}/done` takes: the shipped step's key, or the student's own step's id.
    pub step: String,
    /// The shipped step's key (None: the student's own step).
    pub key: Option<&'static str>,
    /// In the caller's language for a shipped step; as written for the student's own.
    pub title: String,
    /// The grade (9–12) of a shipped step.
    pub grade: Option<i32>,
    pub due_on: Date,
    pub done_on: Option<Date>,
}

/// A comment from the student's team.
#[derive(Serialize, ToSchema)]
#[schema(as = PostsecondaryComment)]
pub struct CommentJson {
    pub id: Uuid,
    pub body: String,
    pub author: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// The postsecondary plan.
#[derive(Serialize, ToSchema)]
#[schema(as = Postsecondary)]
pub struct PostsecondaryJson {
    /// The student's grade level.
    pub grade: i32,
    /// False before grade 9: the plan starts then (writes answer 409 `postsecondary_from_grade_9`).
    pub started: bool,
    /// The paths the student intends.
    #[schema(schema_with = path_list)]
    pub paths: Vec<&'static str>,
    pub programs: Vec<ProgramJson>,
    /// By due date.
    pub steps: Vec<StepJson>,
    pub comments: Vec<CommentJson>,
}

/// The student's postsecondary plan.
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/postsecondary",
    operation_id = "getPostsecondaryPlan",
    summary = "The student's postsecondary plan: intended paths, programs, key steps by due date, the team's comments",
    params(StudentPath),
    responses((status = 200, description = "OK", body = PostsecondaryJson))
)]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<PostsecondaryJson>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let plan = postsecondary::show(&state, &access).await?;
    Ok(Json(PostsecondaryJson {
        grade: plan.grade,
        started: plan.grade >= FIRST_GRADE,
        paths: plan.paths.0.iter().map(|p| p.key()).collect(),
        programs: plan
            .programs
            .into_iter()
            .map(|p| ProgramJson {
                id: p.id,
                name: p.name,
                path: p.path,
                status: p.status,
                note: p.note,
                updated_at: p.updated_at,
            })
            .collect(),
        steps: plan
            .steps
            .into_iter()
            .map(|s| StepJson {
                step: s
                    .key
                    .map_or_else(|| s.id.map(|i| i.to_string()).unwrap_or_default(), str::to_owned),
                key: s.key,
                title: match s.key {
                    Some(k) => crate::i18n::t(ctx.lang, &format!("postsec-step-{k}")),
                    None => s.title,
                },
                grade: s.grade,
                due_on: s.due_on,
                done_on: s.done_on,
            })
            .collect(),
        comments: plan
            .comments
            .into_iter()
            .map(|c| CommentJson {
                id: c.id,
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
    }))
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = PathsInput)]
pub struct PathsBody {
    /// At least one.
    #[schema(required = true, schema_with = path_list)]
    pub paths: Vec<String>,
}

/// The student sets the paths they intend.
#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/postsecondary/paths",
    operation_id = "setPostsecondaryPaths",
    summary = "The student sets the postsecondary paths they intend (at least one)",
    params(StudentPath),
    request_body = PathsBody,
    responses(
        (status = 204, description = "Saved."),
        (status = 403, description = "postsecondary_by_student_only: only the student changes the plan.", body = ErrorJson),
        (status = 409, description = "postsecondary_from_grade_9: the student is not in grade 9 yet.", body = ErrorJson),
        (status = 422, description = "invalid_paths: paths (required, unknown_choice).", body = RejectedJson),
    )
)]
pub async fn set_paths(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(body): Json<PathsBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    postsecondary::set_paths(&state, &access, IntendedPaths::parse(&body.paths)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = ProgramInput)]
pub struct ProgramBody {
    /// 1–200 characters.
    #[schema(required = true)]
    pub name: String,
    #[schema(required = true, schema_with = paths)]
    pub path: String,
    #[schema(required = true, schema_with = statuses)]
    pub status: String,
    /// 0–500 characters.
    pub note: String,
}

/// The student adds a program or institution.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/postsecondary/programs",
    operation_id = "addPostsecondaryProgram",
    summary = "The student adds a program or institution to the plan",
    params(StudentPath),
    request_body = ProgramBody,
    responses(
        (status = 201, description = "Added.", body = CreatedJson),
        (status = 403, description = "postsecondary_by_student_only: only the student changes the plan.", body = ErrorJson),
        (status = 409, description = "postsecondary_from_grade_9: the student is not in grade 9 yet.", body = ErrorJson),
        (status = 422, description = "invalid_program: name (required, too_long), path and status (required, unknown_choice), note (too_long).", body = RejectedJson),
    )
)]
pub async fn add_program(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<ProgramBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let input = NewProgram::parse(&b.name, &b.path, &b.status, &b.note);
    let id = postsecondary::add_program(&state, &access, input).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response())
}

/// A program on the student's plan.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct ProgramPath {
    /// The student's id (UUID).
    id: Uuid,
    /// The program's id (UUID).
    program: Uuid,
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = ProgramStatusInput)]
pub struct ProgramStatusBody {
    #[schema(required = true, schema_with = statuses)]
    pub status: String,
}

/// The student changes a program's status.
#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/postsecondary/programs/{program}/status",
    operation_id = "setPostsecondaryProgramStatus",
    summary = "The student changes a program's status",
    params(ProgramPath),
    request_body = ProgramStatusBody,
    responses(
        (status = 204, description = "Changed."),
        (status = 403, description = "postsecondary_by_student_only: only the student changes the plan.", body = ErrorJson),
        (status = 409, description = "postsecondary_from_grade_9: the student is not in grade 9 yet.", body = ErrorJson),
        (status = 422, description = "unknown_program_status: not one of the statuses.", body = ErrorJson),
    )
)]
pub async fn set_program_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, program)): Path<(String, String)>,
    Json(body): Json<ProgramStatusBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    postsecondary::set_program_status(&state, &access, &program, &body.status).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = PostsecondaryStepInput)]
pub struct StepBody {
    /// 1–200 characters.
    #[schema(required = true)]
    pub title: String,
    #[schema(required = true, format = Date)]
    pub due_on: String,
}

/// The student adds a key step of their own.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/postsecondary/steps",
    operation_id = "addPostsecondaryStep",
    summary = "The student adds a key step of their own, with a due date",
    params(StudentPath),
    request_body = StepBody,
    responses(
        (status = 201, description = "Added.", body = CreatedJson),
        (status = 403, description = "postsecondary_by_student_only: only the student changes the plan.", body = ErrorJson),
        (status = 409, description = "postsecondary_from_grade_9: the student is not in grade 9 yet.", body = ErrorJson),
        (status = 422, description = "invalid_step: title (required, too_long), due_on (required, invalid_date).", body = RejectedJson),
    )
)]
pub async fn add_step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<StepBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let id = postsecondary::add_step(&state, &access, NewStep::parse(&b.title, &b.due_on)).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response())
}

/// A key step on the student's plan.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct StepPath {
    /// The student's id (UUID).
    id: Uuid,
    /// A shipped step's key, or the id (UUID) of the student's own step (the plan's `step`).
    step: String,
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = StepDoneInput)]
pub struct StepDoneBody {
    /// True: done today; false: not done.
    #[schema(required = true)]
    pub done: Option<bool>,
}

/// The student marks a key step done today, or not done.
#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/postsecondary/steps/{step}/done",
    operation_id = "setPostsecondaryStepDone",
    summary = "The student marks a key step done today, or not done",
    params(StepPath),
    request_body = StepDoneBody,
    responses(
        (status = 204, description = "Changed."),
        (status = 403, description = "postsecondary_by_student_only: only the student changes the plan.", body = ErrorJson),
        (status = 409, description = "postsecondary_from_grade_9: the student is not in grade 9 yet.", body = ErrorJson),
        (status = 422, description = "invalid_step_done: done (required).", body = RejectedJson),
    )
)]
pub async fn set_step_done(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, step)): Path<(String, String)>,
    Json(body): Json<StepDoneBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let Some(done) = body.done else {
        // Nothing to hand the use case: still refuse an actor who may not
        // edit the plan with the access module's audited 404 first.
        access.require(&state, RecordKind::Plan, Action::Edit).await?;
        return Err(AppError::Rejected(Rejected::one(
            "invalid_step_done",
            "done",
            "required",
        )));
    };
    postsecondary::set_step_done(&state, &access, &step, done).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = PostsecondaryCommentInput)]
pub struct CommentBody {
    /// 1–2000 characters.
    #[schema(required = true)]
    pub body: String,
}

/// Someone on the student's team comments on the plan.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/postsecondary/comments",
    operation_id = "commentOnPostsecondaryPlan",
    summary = "Someone on the student's team (not the student or a guardian) comments on the plan",
    params(StudentPath),
    request_body = CommentBody,
    responses(
        (status = 201, description = "Added.", body = CreatedJson),
        (status = 403, description = "postsecondary_comment_by_staff_only: the student and guardians do not comment.", body = ErrorJson),
        (status = 422, description = "invalid_comment: body (required, too_long).", body = RejectedJson),
    )
)]
pub async fn comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<CommentBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let id = postsecondary::comment(&state, &access, PlanComment::parse(&b.body)).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response())
}
