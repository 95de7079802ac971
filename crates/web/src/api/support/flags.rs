//! JSON for students who need support: a student information system
//! pushes one student's attendance, behaviour or course mark (the flags
//! follow at once); staff read a student's flags and work them (the page's
//! twins); a staff member reads their own open flags.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_app::support::flags::{self, Move};
use ssp_app::support::loads::{self, Indicator};
use ssp_domain::support::flag::{FlagKind, FlagStatus, NextStep, ResolutionNote};
use time::{Date, OffsetDateTime};
use utoipa::openapi::schema::Schema;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::api::openapi::{one_of, ErrorJson, RejectedJson, StudentPath};
use crate::api::plan::actions::student as access_of;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(push_attendance))
        .routes(routes!(push_behaviour))
        .routes(routes!(push_course_mark))
        .routes(routes!(list))
        .routes(routes!(acknowledge))
        .routes(routes!(start_work))
        .routes(routes!(resolve))
        .routes(routes!(set_next_step))
        .routes(routes!(reassign))
        .routes(routes!(mine))
}

fn kinds() -> Schema {
    one_of(FlagKind::ALL.iter().map(|k| k.key()))
}
fn statuses() -> Schema {
    one_of(FlagStatus::ALL.iter().map(|k| k.key()))
}

async fn push(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    which: Indicator,
    fields: HashMap<&str, String>,
) -> Result<Response, AppError> {
    let access = access_of(state, ctx, id).await?;
    loads::push(state, &access, which, &fields).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// This school year's attendance of one student.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = AttendanceInput)]
pub struct AttendanceBody {
    /// Whole days, 0–366.
    #[schema(required = true)]
    pub days_enrolled: String,
    /// Days absent, excused (blank: 0).
    pub excused: String,
    pub unexcused: String,
    /// Out-of-school suspension and other disciplinary removal.
    pub disciplinary: String,
    /// The date the numbers are true as of (not in the future).
    #[schema(required = true, format = Date)]
    pub as_of: String,
    /// Where the data came from, 1–100 characters.
    #[schema(required = true)]
    pub source: String,
}

/// A student information system pushes a student's attendance.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/attendance",
    operation_id = "pushAttendance",
    summary = "Replaces the student's attendance for the as-of date's school year and recomputes their flags",
    params(StudentPath),
    request_body = AttendanceBody,
    responses(
        (status = 204, description = "Stored (or unchanged); flags recomputed."),
        (status = 422, description = "invalid_attendance: days_enrolled (required), excused, unexcused, disciplinary (invalid_number, negative_number, too_large), days_absent (more_than_enrolled), as_of (required, invalid_date, in_future), source (required, too_long).", body = RejectedJson),
    )
)]
pub async fn push_attendance(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<AttendanceBody>,
) -> Result<Response, AppError> {
    let fields = HashMap::from([
        ("days_enrolled", b.days_enrolled),
        ("excused", b.excused),
        ("unexcused", b.unexcused),
        ("disciplinary", b.disciplinary),
        ("as_of", b.as_of),
        ("source", b.source),
    ]);
    push(&state, &ctx, &id, Indicator::Attendance, fields).await
}

/// This school year's behaviour of one student.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = BehaviourInput)]
pub struct BehaviourBody {
    /// 0–1,000 (blank: 0).
    pub incidents: String,
    /// 0–366 (blank: 0).
    pub in_school_suspension_days: String,
    pub out_of_school_suspension_days: String,
    #[schema(required = true, format = Date)]
    pub as_of: String,
    #[schema(required = true)]
    pub source: String,
}

/// A student information system pushes a student's behaviour.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/behaviour",
    operation_id = "pushBehaviour",
    summary = "Replaces the student's behaviour for the as-of date's school year and recomputes their flags",
    params(StudentPath),
    request_body = BehaviourBody,
    responses(
        (status = 204, description = "Stored (or unchanged); flags recomputed."),
        (status = 422, description = "invalid_behaviour: incidents, in_school_suspension_days, out_of_school_suspension_days (invalid_number, negative_number, too_large), as_of (required, invalid_date, in_future), source (required, too_long).", body = RejectedJson),
    )
)]
pub async fn push_behaviour(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<BehaviourBody>,
) -> Result<Response, AppError> {
    let fields = HashMap::from([
        ("incidents", b.incidents),
        ("in_school_suspension_days", b.in_school_suspension_days),
        ("out_of_school_suspension_days", b.out_of_school_suspension_days),
        ("as_of", b.as_of),
        ("source", b.source),
    ]);
    push(&state, &ctx, &id, Indicator::Behaviour, fields).await
}

/// One course's mark for one term.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CourseMarkInput)]
pub struct MarkBody {
    #[schema(required = true)]
    pub course_code: String,
    /// math, english_language_arts, science, social_studies, other.
    #[schema(required = true)]
    pub subject: String,
    /// year, semester or quarter.
    #[schema(required = true)]
    pub term_length: String,
    /// yes/no (blank: no).
    pub failing: String,
    #[schema(required = true, format = Date)]
    pub term_ends_on: String,
    #[schema(required = true, format = Date)]
    pub as_of: String,
    #[schema(required = true)]
    pub source: String,
}

/// A student information system pushes one course mark.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/course-marks",
    operation_id = "pushCourseMark",
    summary = "Stores one course mark of the student (per course and term end) and recomputes their flags",
    params(StudentPath),
    request_body = MarkBody,
    responses(
        (status = 204, description = "Stored (or unchanged); flags recomputed."),
        (status = 422, description = "invalid_course_mark: course_code (required, too_long, invalid_course_code), subject and term_length (required, unknown_choice), failing (invalid_boolean), term_ends_on (required, invalid_date), as_of (required, invalid_date, in_future), source (required, too_long).", body = RejectedJson),
    )
)]
pub async fn push_course_mark(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<MarkBody>,
) -> Result<Response, AppError> {
    let fields = HashMap::from([
        ("course_code", b.course_code),
        ("subject", b.subject),
        ("term_length", b.term_length),
        ("failing", b.failing),
        ("term_ends_on", b.term_ends_on),
        ("as_of", b.as_of),
        ("source", b.source),
    ]);
    push(&state, &ctx, &id, Indicator::Marks, fields).await
}

/// One line of a flag's history.
#[derive(Serialize, ToSchema)]
#[schema(as = FlagEvent)]
pub struct EventJson {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// Absent: the system (the rules).
    pub actor_id: Option<Uuid>,
    /// raise, acknowledge, start_work, resolve, clear, reopen, next_step, reassign.
    pub event: String,
    pub status: String,
}

/// A flag with the numbers behind it.
#[derive(Serialize, ToSchema)]
#[schema(as = Flag)]
pub struct FlagJson {
    pub id: Uuid,
    #[schema(schema_with = kinds)]
    pub kind: &'static str,
    #[schema(schema_with = statuses)]
    pub status: &'static str,
    /// The rule's key (chronic_absence, suspension, course_failure_high_school, …).
    pub rule: String,
    /// The numbers behind the flag and the rule's thresholds, as strings.
    pub evidence: HashMap<String, String>,
    pub as_of: Date,
    pub source: String,
    /// The data is older than the district's stale age.
    pub stale: bool,
    pub owner_id: Uuid,
    pub owner_name: String,
    /// plan_manager, routed:<role>, fallback:<role>, reassigned.
    pub owner_basis: String,
    /// Blank: the default next step (review the data, contact the family).
    pub next_step: String,
    pub next_step_due: Date,
    pub overdue: bool,
    pub resolved_note: Option<String>,
    pub history: Vec<EventJson>,
}

fn evidence_map(s: &str) -> HashMap<String, String> {
    serde_json::from_str::<HashMap<String, String>>(s).unwrap_or_default()
}

/// The student's flags (staff only).
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/flags",
    operation_id = "listFlags",
    summary = "The student's early-warning flags, active first, with their numbers and history",
    params(StudentPath),
    responses((status = 200, description = "The flags.", body = Vec<FlagJson>))
)]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<FlagJson>>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let list = flags::of_student(&state, &access).await?;
    Ok(Json(
        list.into_iter()
            .map(|f| FlagJson {
                id: f.row.id,
                kind: f.kind.key(),
                status: f.status.key(),
                rule: f.row.rule.clone(),
                evidence: evidence_map(&f.row.evidence),
                as_of: f.row.as_of,
                source: f.row.source.clone(),
                stale: f.row.stale,
                owner_id: f.row.owner_id,
                owner_name: f.owner_name.clone(),
                owner_basis: f.row.owner_basis.clone(),
                next_step: f.row.next_step.clone(),
                next_step_due: f.row.next_step_due,
                overdue: f.overdue,
                resolved_note: f.row.resolved_note.clone(),
                history: f
                    .history
                    .iter()
                    .map(|e| EventJson {
                        at: e.at,
                        actor_id: e.actor_id,
                        event: e.event.clone(),
                        status: e.status.clone(),
                    })
                    .collect(),
            })
            .collect(),
    ))
}

/// A flag of the student's.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct FlagPath {
    /// The student's id (UUID).
    id: Uuid,
    /// The flag's id (UUID).
    flag: Uuid,
}

async fn act(state: &AppState, ctx: &Ctx, id: &str, flag: &str, m: Move) -> Result<Response, AppError> {
    let access = access_of(state, ctx, id).await?;
    flags::act(state, &access, flag, m).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The owner has seen the flag.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/flags/{flag}/acknowledge",
    operation_id = "acknowledgeFlag",
    summary = "Acknowledges an open flag",
    params(FlagPath),
    responses(
        (status = 204, description = "Acknowledged."),
        (status = 409, description = "illegal_flag_move: the flag is not open.", body = ErrorJson),
    )
)]
pub async fn acknowledge(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, flag)): Path<(String, String)>,
) -> Result<Response, AppError> {
    act(&state, &ctx, &id, &flag, Move::Acknowledge).await
}

/// Work starts on the flag.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/flags/{flag}/start",
    operation_id = "startFlagWork",
    summary = "Starts work on an open or acknowledged flag",
    params(FlagPath),
    responses(
        (status = 204, description = "In progress."),
        (status = 409, description = "illegal_flag_move: the flag is not open or acknowledged.", body = ErrorJson),
    )
)]
pub async fn start_work(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, flag)): Path<(String, String)>,
) -> Result<Response, AppError> {
    act(&state, &ctx, &id, &flag, Move::StartWork).await
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = FlagResolutionInput)]
pub struct ResolveBody {
    /// 1–2,000 characters.
    #[schema(required = true)]
    pub note: String,
}

/// Staff resolve the flag with a note.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/flags/{flag}/resolve",
    operation_id = "resolveFlag",
    summary = "Resolves an acknowledged or in-progress flag with a note",
    params(FlagPath),
    request_body = ResolveBody,
    responses(
        (status = 204, description = "Resolved."),
        (status = 409, description = "illegal_flag_move: the flag is not acknowledged or in progress.", body = ErrorJson),
        (status = 422, description = "invalid_flag_resolution: note (required, too_long).", body = RejectedJson),
    )
)]
pub async fn resolve(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, flag)): Path<(String, String)>,
    Json(b): Json<ResolveBody>,
) -> Result<Response, AppError> {
    act(&state, &ctx, &id, &flag, Move::Resolve(ResolutionNote::parse(&b.note))).await
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = FlagNextStepInput)]
pub struct NextStepBody {
    /// 1–500 characters.
    #[schema(required = true)]
    pub text: String,
    /// Required; today or later.
    #[schema(required = true, format = Date)]
    pub due_on: String,
}

/// Staff set the flag's next step and its due date.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/flags/{flag}/next-step",
    operation_id = "setFlagNextStep",
    summary = "Sets an active flag's next step with its due date",
    params(FlagPath),
    request_body = NextStepBody,
    responses(
        (status = 204, description = "Set."),
        (status = 409, description = "illegal_flag_move: the flag is closed.", body = ErrorJson),
        (status = 422, description = "invalid_next_step: text (required, too_long), due_on (next_step_without_date, invalid_date, date_in_past).", body = RejectedJson),
    )
)]
pub async fn set_next_step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, flag)): Path<(String, String)>,
    Json(b): Json<NextStepBody>,
) -> Result<Response, AppError> {
    let today = state.now().date();
    act(
        &state,
        &ctx,
        &id,
        &flag,
        Move::NextStep(NextStep::parse(&b.text, &b.due_on, today)),
    )
    .await
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = FlagReassignInput)]
pub struct ReassignBody {
    /// The new owner's person id: staff who may work the student's flags.
    #[schema(required = true)]
    pub owner: String,
}

/// Staff give the flag to someone else.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/flags/{flag}/reassign",
    operation_id = "reassignFlag",
    summary = "Gives an active flag to another staff member who may work the student's flags",
    params(FlagPath),
    request_body = ReassignBody,
    responses(
        (status = 204, description = "Reassigned."),
        (status = 409, description = "illegal_flag_move (the flag is closed) or flag_owner_without_access (that person may not work this student's flags).", body = ErrorJson),
    )
)]
pub async fn reassign(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, flag)): Path<(String, String)>,
    Json(b): Json<ReassignBody>,
) -> Result<Response, AppError> {
    act(&state, &ctx, &id, &flag, Move::Reassign(b.owner)).await
}

/// A flag the caller owns.
#[derive(Serialize, ToSchema)]
#[schema(as = OwnedFlag)]
pub struct MineJson {
    pub id: Uuid,
    pub student_id: Uuid,
    pub student_name: String,
    #[schema(schema_with = kinds)]
    pub kind: &'static str,
    #[schema(schema_with = statuses)]
    pub status: &'static str,
    pub next_step: String,
    pub next_step_due: Date,
    pub overdue: bool,
    pub stale: bool,
}

/// The caller's open flags.
#[utoipa::path(
    get,
    path = "/api/v1/flags",
    operation_id = "myFlags",
    summary = "The active flags the signed-in staff member owns, overdue first",
    responses((status = 200, description = "The flags.", body = Vec<MineJson>))
)]
pub async fn mine(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Vec<MineJson>>, AppError> {
    ctx.session().map_err(|_| AppError::Unauthenticated)?;
    let list = flags::mine(&state, &ctx.actor()?).await?;
    Ok(Json(
        list.into_iter()
            .map(|l| MineJson {
                id: l.flag.id,
                student_id: l.flag.student_id,
                student_name: l.flag.student_name.clone(),
                kind: l.kind.key(),
                status: l.status.key(),
                next_step: l.flag.next_step.clone(),
                next_step_due: l.flag.next_step_due,
                overdue: l.overdue,
                stale: l.flag.stale,
            })
            .collect(),
    ))
}
