//! JSON handlers for the plan. Thin: parse, authorize through
//! `StudentAccess`, call the same repositories and write services as the
//! pages, serialize.

pub mod actions;
pub mod goals;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_db::repo::plan::{self as plan_repo, GoalRow};
use ssp_db::repo::{interactions as interactions_repo, students};
use ssp_domain::access::{Action, RecordKind, Sensitivity};
use ssp_domain::input::Rejected;
use ssp_domain::plan::check_in::CheckInInput;
use ssp_domain::plan::goal::progress;
use ssp_domain::plan::goal::{CheckInCadence, GoalStatus, MeasureKind};
use ssp_domain::plan::GoalInput;
use ssp_domain::plan::PlanDomain;
use ssp_domain::Language;
use ssp_domain::SchoolYear;
use time::{Date, OffsetDateTime};
use utoipa::openapi::schema::Schema;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::api::openapi::{one_of, CheckInPath, GoalPath, StudentPath};

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use ssp_app::status as plan_service;
use ssp_app::StudentAccess;

// The codes a string field may hold, for `#[schema(schema_with = ...)]`.
fn domains() -> Schema {
    one_of(PlanDomain::ALL.map(PlanDomain::as_str))
}
fn measure_kinds() -> Schema {
    one_of(MeasureKind::ALL.map(MeasureKind::as_str))
}
fn cadences() -> Schema {
    one_of(CheckInCadence::ALL.map(CheckInCadence::as_str))
}
fn goal_statuses() -> Schema {
    one_of(GoalStatus::ALL.map(GoalStatus::as_str))
}
fn languages() -> Schema {
    one_of(Language::ALL.map(Language::code))
}
fn sensitivities() -> Schema {
    one_of(Sensitivity::ALL.map(Sensitivity::as_str))
}
fn failure_codes() -> Schema {
    one_of([
        "not_reviewed_this_year",
        "missing_signature",
        "no_goal_in_domain",
        "check_in_overdue",
        "activity_overdue",
    ])
}
fn conditions() -> Schema {
    one_of(ssp_domain::plan::up_to_date::Condition::ALL.map(|c| c.as_str()))
}
fn activity_statuses() -> Schema {
    use ssp_domain::plan::ActivityStatus as S;
    one_of([S::Done, S::Exempt, S::Due, S::Overdue, S::Upcoming].map(S::as_str))
}
fn field_error_codes() -> Schema {
    one_of([
        "required",
        "too_short",
        "too_long",
        "invalid_measure_value",
        "target_equals_baseline",
        "invalid_date",
        "date_in_past",
        "date_too_far",
        "invalid_choice",
    ])
}
fn reflection_prompts() -> Schema {
    one_of(["strengths", "improve", "next"])
}
pub(crate) fn interaction_kinds() -> Schema {
    one_of(ssp_domain::records::INTERACTION_KINDS)
}

#[derive(Serialize, ToSchema)]
#[schema(as = Session)]
pub struct SessionJson {
    pub person_id: Uuid,
    pub name: String,
    /// Send it as `x-csrf-token` with every write.
    pub csrf_token: String,
    #[schema(schema_with = languages)]
    pub language: &'static str,
}

/// Who is signed in, and the token writes must send as `x-csrf-token`.
#[utoipa::path(
    get,
    path = "/api/v1/session",
    operation_id = "getSession",
    summary = "Who is signed in, and the CSRF token for writes",
    responses((status = 200, description = "OK", body = SessionJson))
)]
pub async fn session(ctx: Ctx) -> Result<Json<SessionJson>, AppError> {
    let s = ctx.session().map_err(|_| AppError::Unauthenticated)?;
    Ok(Json(SessionJson {
        person_id: s.person_id.0,
        name: s.name.display(),
        csrf_token: s.csrf_token.clone(),
        language: ctx.lang.code(),
    }))
}

async fn authorize(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    kind: RecordKind,
    action: Action,
) -> Result<StudentAccess, AppError> {
    let access = actions::student(state, ctx, id).await?;
    access.require(state, kind, action).await?;
    Ok(access)
}

#[derive(Serialize, ToSchema)]
#[schema(as = Goal)]
pub struct GoalJson {
    pub id: Uuid,
    #[schema(schema_with = domains)]
    pub domain: String,
    pub statement: String,
    pub why_it_matters: String,
    #[schema(schema_with = measure_kinds)]
    pub measure_kind: String,
    pub baseline: f64,
    pub target: f64,
    pub due_date: Date,
    #[schema(schema_with = cadences)]
    pub cadence: String,
    #[schema(schema_with = goal_statuses)]
    pub status: String,
    /// Suggested by a staff member (not written by the student).
    pub suggested: bool,
    pub activated_on: Option<Date>,
    pub last_check_in: Option<Date>,
    pub last_value: Option<f64>,
    pub check_ins: i64,
    /// 0.0–1.0 of the way from baseline to target.
    #[schema(minimum = 0, maximum = 1)]
    pub progress: f64,
}

impl From<&GoalRow> for GoalJson {
    fn from(g: &GoalRow) -> Self {
        GoalJson {
            id: g.id,
            domain: g.domain.clone(),
            statement: g.statement.clone(),
            why_it_matters: g.why_it_matters.clone(),
            measure_kind: g.measure_kind.clone(),
            baseline: g.baseline,
            target: g.target,
            due_date: g.due_date,
            cadence: g.cadence.clone(),
            status: g.status.clone(),
            suggested: g.suggested_by.is_some(),
            activated_on: g.activated_on,
            last_check_in: g.last_check_in,
            last_value: g.last_value,
            check_ins: g.check_ins,
            progress: progress(g.baseline, g.target, g.last_value),
        }
    }
}

/// One reason the plan is not up to date.
#[derive(Serialize, ToSchema)]
#[schema(as = Failure)]
pub struct FailureJson {
    #[schema(schema_with = failure_codes)]
    pub code: &'static str,
    /// Which part of the rule: reviewed, goals_in_every_domain, check_ins_current, activities_done.
    #[schema(schema_with = conditions)]
    pub condition: &'static str,
}

#[derive(Serialize, ToSchema)]
#[schema(as = Activity)]
pub struct ActivityJson {
    pub key: &'static str,
    pub required: bool,
    pub due: Date,
    #[schema(schema_with = activity_statuses)]
    pub status: &'static str,
    pub exempt_reason: Option<String>,
}

/// This school year's review and its signatures (RFC 3339 times).
#[derive(Serialize, ToSchema)]
#[schema(as = Review)]
pub struct ReviewJson {
    pub school_year: i32,
    #[serde(with = "time::serde::rfc3339::option")]
    pub student_signed_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub manager_signed_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub guardian_signed_at: Option<OffsetDateTime>,
    pub guardian_attempts: i32,
}

#[derive(Serialize, ToSchema)]
#[schema(as = Plan)]
pub struct PlanJson {
    pub student_id: Uuid,
    pub name: String,
    #[schema(minimum = 6, maximum = 12)]
    pub grade_level: i32,
    pub school: String,
    pub graduation_year: i32,
    pub up_to_date: bool,
    pub failures: Vec<FailureJson>,
    pub goals: Vec<GoalJson>,
    pub activities: Vec<ActivityJson>,
    pub review: Option<ReviewJson>,
}

#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/plan",
    operation_id = "getPlan",
    summary = "The plan with its up-to-date status, goals, activities and review",
    params(StudentPath),
    responses((status = 200, description = "OK", body = PlanJson))
)]
pub async fn plan(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Json<PlanJson>, AppError> {
    let access = authorize(&state, &ctx, &id, RecordKind::Plan, Action::View).await?;
    let db = state.db();
    let student = access.student();
    let h = students::header(db, student).await?.ok_or(AppError::NotFound)?;
    let today = state.now().date();
    let goals = plan_repo::goals(db, student).await?;
    let records = plan_repo::activity_records(db, student).await?;
    let review = plan_repo::latest_review(db, student).await?;
    let settings = ssp_db::repo::settings::get(db, access.facts.district_id).await?;
    let activities = plan_service::activities_for(h.grade_level, SchoolYear::containing(today), &records, &settings);
    let verdict =
        plan_service::rule_for(&settings).evaluate(&plan_service::facts(&goals, &activities, review.as_ref(), today));
    Ok(Json(PlanJson {
        student_id: student.0,
        name: crate::ui::plan::page::display_name(&h),
        grade_level: h.grade_level,
        school: h.school_name.clone(),
        graduation_year: h.graduation_year,
        up_to_date: verdict.up_to_date,
        failures: verdict
            .failures
            .iter()
            .map(|f| FailureJson {
                code: f.code(),
                condition: f.condition().as_str(),
            })
            .collect(),
        goals: goals.iter().map(GoalJson::from).collect(),
        activities: activities.iter().map(|a| ActivityJson::of(a, today)).collect(),
        review: review.map(ReviewJson::from),
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/goals",
    operation_id = "listGoals",
    summary = "The student's goals",
    params(StudentPath),
    responses((status = 200, description = "OK", body = Vec<GoalJson>))
)]
pub async fn goals(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<GoalJson>>, AppError> {
    let access = authorize(&state, &ctx, &id, RecordKind::Plan, Action::View).await?;
    let goals = plan_repo::goals(state.db(), access.student()).await?;
    Ok(Json(goals.iter().map(GoalJson::from).collect()))
}

/// A missing field reads as empty, and is refused as `required` (422).
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = GoalInput)]
pub struct GoalBody {
    #[schema(required = true, schema_with = domains)]
    pub domain: String,
    #[schema(required = true, min_length = 5, max_length = 300)]
    pub statement: String,
    #[schema(max_length = 1000)]
    pub why_it_matters: String,
    #[schema(required = true, schema_with = measure_kinds)]
    pub measure_kind: String,
    /// Parsed by the measure kind: 0–100, a whole count, 1–5, or yes/no.
    #[schema(required = true)]
    pub baseline: String,
    /// Parsed as the baseline is.
    #[schema(required = true)]
    pub target: String,
    #[schema(required = true, format = Date)]
    pub due_date: String,
    #[schema(required = true, schema_with = cadences)]
    pub cadence: String,
}

impl GoalBody {
    /// The body's raw answers, for the domain's goal rules.
    pub fn input(self) -> GoalInput {
        GoalInput {
            domain: self.domain,
            statement: self.statement,
            why_it_matters: self.why_it_matters,
            measure_kind: self.measure_kind,
            baseline: self.baseline,
            target: self.target,
            due_date: self.due_date,
            cadence: self.cadence,
        }
    }
}

/// One field's problem.
#[derive(Serialize, ToSchema)]
#[schema(as = FieldError)]
pub struct FieldErrorJson {
    pub field: &'static str,
    #[schema(schema_with = field_error_codes)]
    pub code: &'static str,
}

#[derive(Serialize, ToSchema)]
#[schema(as = InvalidGoal)]
pub struct InvalidJson {
    /// Always `invalid_goal`.
    #[schema(schema_with = invalid_goal)]
    pub error: &'static str,
    pub fields: Vec<FieldErrorJson>,
}

fn invalid_goal() -> Schema {
    one_of(["invalid_goal"])
}

#[derive(Serialize, ToSchema)]
#[schema(as = Created)]
pub struct CreatedJson {
    pub id: Uuid,
}

#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/goals",
    operation_id = "createGoal",
    summary = "Create a goal (the student's own starts active; a staff member's is a suggestion)",
    params(StudentPath),
    request_body = GoalBody,
    responses(
        (status = 201, description = "Created.", body = CreatedJson),
        (status = 422, description = "invalid_goal: each field's problem.", body = InvalidJson),
    )
)]
pub async fn create_goal(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(body): Json<GoalBody>,
) -> Result<Response, AppError> {
    let access = crate::api::plan::actions::student(&state, &ctx, &id).await?;
    let input = body.input().parse(state.now().date());
    let id = ssp_app::plan::goals::create_goal(&state, &access, input).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response())
}

#[derive(Serialize, ToSchema)]
#[schema(as = CheckIn)]
pub struct CheckInJson {
    pub id: Uuid,
    pub on_date: Date,
    pub value: f64,
    pub note: String,
    pub reflection: String,
    /// The writer's display name.
    pub author: String,
    /// Portfolio artifacts attached as evidence (private ones only for the
    /// student and staff).
    pub evidence: Vec<Uuid>,
}

async fn goal_of(state: &AppState, access: &StudentAccess, goal: &str) -> Result<GoalRow, AppError> {
    let goal: Uuid = goal.parse().map_err(|_| AppError::NotFound)?;
    plan_repo::goal(state.db(), access.student(), goal)
        .await?
        .ok_or(AppError::NotFound)
}

#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/goals/{goal}/check-ins",
    operation_id = "listCheckIns",
    summary = "A goal's check-ins, oldest first",
    params(GoalPath),
    responses((status = 200, description = "OK", body = Vec<CheckInJson>))
)]
pub async fn check_ins(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
) -> Result<Json<Vec<CheckInJson>>, AppError> {
    let access = authorize(&state, &ctx, &id, RecordKind::Plan, Action::View).await?;
    let g = goal_of(&state, &access, &goal).await?;
    let rows = plan_repo::check_ins(state.db(), g.id).await?;
    let sees_private = access.decide(RecordKind::Plan, Action::Edit).is_allowed();
    let attached = ssp_db::repo::portfolio::settings::check_in_evidence_for_goal(state.db(), g.id).await?;
    Ok(Json(
        rows.into_iter()
            .map(|c| CheckInJson {
                evidence: attached
                    .iter()
                    .filter(|(ci, _, _, private)| *ci == c.id && (sees_private || !*private))
                    .map(|(_, a, _, _)| *a)
                    .collect(),
                id: c.id,
                on_date: c.on_date,
                value: c.value,
                note: c.note,
                reflection: c.reflection,
                author: ssp_domain::person::PersonName {
                    given: c.given_name,
                    family: c.family_name,
                    preferred: c.preferred_name,
                }
                .display(),
            })
            .collect(),
    ))
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CheckInInput)]
pub struct CheckInBody {
    /// Today when omitted; never in the future.
    #[schema(format = Date)]
    pub on_date: String,
    /// Parsed by the goal's measure kind.
    #[schema(required = true)]
    pub value: String,
    #[schema(max_length = 2000)]
    pub note: String,
    #[schema(max_length = 2000)]
    pub reflection: String,
    /// Ids of the student's own portfolio artifacts attached as evidence
    /// (the student only).
    #[serde(default)]
    pub evidence: Vec<Uuid>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = Problem)]
pub struct ProblemJson {
    /// Stable snake_case code.
    pub error: String,
    /// What is wrong, in English.
    pub detail: String,
}

/// The 422 of a check-in the write rules refuse (its own body, not `Error`).
#[derive(utoipa::IntoResponses)]
#[response(
    status = 422,
    description = "Refused: check_in_not_active, check_in_date, check_in_future, check_in_before_start, check_in_value or check_in_long."
)]
pub struct CheckInRefused(#[allow(dead_code)] ProblemJson);

/// The 403 of a correction by someone else, or too late.
#[derive(utoipa::IntoResponses)]
#[response(
    status = 403,
    description = "correction_not_allowed: not the author, or more than 7 days after writing."
)]
pub struct CorrectionNotAllowed(#[allow(dead_code)] crate::api::openapi::ErrorJson);

#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/goals/{goal}/check-ins",
    operation_id = "createCheckIn",
    summary = "Add a check-in to an active goal",
    params(GoalPath),
    request_body = CheckInBody,
    responses((status = 201, description = "Created.", body = CreatedJson), CheckInRefused)
)]
pub async fn create_check_in(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
    Json(body): Json<CheckInBody>,
) -> Result<Response, AppError> {
    let access = authorize(&state, &ctx, &id, RecordKind::Plan, Action::Create).await?;
    let g = goal_of(&state, &access, &goal).await?;
    match ssp_app::plan::check_ins::add_check_in(
        &state,
        &access,
        &g,
        body.parse(&g, state.now().date()),
        &body.evidence,
    )
    .await
    {
        Ok(id) => Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response()),
        Err(ssp_app::Error::Rejected(r)) => Ok(check_in_refused(&r, &g)),
        Err(e) => Err(e.into()),
    }
}

impl CheckInBody {
    /// The check-in as sent, judged against its goal.
    fn parse(&self, g: &GoalRow, today: Date) -> Result<CheckInInput, Rejected> {
        let goal = ssp_app::plan::check_ins::goal_facts(g);
        CheckInInput::parse(&goal, &self.on_date, &self.value, &self.note, &self.reflection, today)
    }
}

/// A refused check-in as its stable code (`check_in_<rule>`) and detail.
fn check_in_refused(r: &Rejected, g: &GoalRow) -> Response {
    let p = ssp_app::plan::check_ins::CheckInProblem::of(r, g);
    let body = ProblemJson {
        error: format!("check_in_{}", p.code),
        detail: p.detail,
    };
    (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
}

/// One check-in of the goal (whether it may be corrected is the write
/// service's to say).
async fn check_in_of(state: &AppState, g: &GoalRow, raw: &str) -> Result<plan_repo::CheckInRow, AppError> {
    let id: Uuid = raw.parse().map_err(|_| AppError::NotFound)?;
    plan_repo::check_in(state.db(), g.id, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The author corrects a check-in (within 7 days; the old value is kept).
#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/goals/{goal}/check-ins/{check_in}",
    operation_id = "correctCheckIn",
    summary = "The author corrects a check-in (for 7 days after writing it; the old value is kept and the change audited)",
    params(CheckInPath),
    request_body = CheckInBody,
    responses((status = 204, description = "Corrected."), CorrectionNotAllowed, CheckInRefused)
)]
pub async fn correct_check_in(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal, check_in)): Path<(String, String, String)>,
    Json(body): Json<CheckInBody>,
) -> Result<Response, AppError> {
    let access = authorize(&state, &ctx, &id, RecordKind::Plan, Action::Create).await?;
    let g = goal_of(&state, &access, &goal).await?;
    let old = check_in_of(&state, &g, &check_in).await?;
    match body.parse(&g, state.now().date()) {
        Ok(entry) => {
            ssp_app::plan::corrections::correct_check_in(&state, &access, &g, &old, Some(&entry)).await?;
            Ok(StatusCode::NO_CONTENT.into_response())
        }
        Err(r) => Ok(check_in_refused(&r, &g)),
    }
}

/// The author deletes a check-in (within 7 days; a copy is kept).
#[utoipa::path(
    delete,
    path = "/api/v1/students/{id}/goals/{goal}/check-ins/{check_in}",
    operation_id = "deleteCheckIn",
    summary = "The author deletes a check-in (for 7 days after writing it; a copy is kept and the deletion audited)",
    params(CheckInPath),
    responses((status = 204, description = "Deleted."), CorrectionNotAllowed)
)]
pub async fn delete_check_in(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal, check_in)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let access = authorize(&state, &ctx, &id, RecordKind::Plan, Action::Create).await?;
    let g = goal_of(&state, &access, &goal).await?;
    let old = check_in_of(&state, &g, &check_in).await?;
    ssp_app::plan::corrections::correct_check_in(&state, &access, &g, &old, None).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Serialize, ToSchema)]
#[schema(as = Reflection)]
pub struct ReflectionJson {
    pub id: Uuid,
    #[schema(schema_with = reflection_prompts)]
    pub prompt: String,
    pub body: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/reflections",
    operation_id = "listReflections",
    summary = "The student's reflections, newest first",
    params(StudentPath),
    responses((status = 200, description = "OK", body = Vec<ReflectionJson>))
)]
pub async fn reflections(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<ReflectionJson>>, AppError> {
    let access = authorize(&state, &ctx, &id, RecordKind::Plan, Action::View).await?;
    let rows = plan_repo::reflections(state.db(), access.student()).await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| ReflectionJson {
                id: r.id,
                prompt: r.prompt,
                body: r.body,
                created_at: r.created_at,
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
#[schema(as = Interaction)]
pub struct InteractionJson {
    pub id: Uuid,
    #[schema(schema_with = interaction_kinds)]
    pub kind: String,
    pub occurred_on: Date,
    pub participants: String,
    pub family_present: bool,
    pub notes: String,
    #[schema(schema_with = sensitivities)]
    pub sensitivity: String,
    pub author: String,
}

/// Interactions in the classes the actor may read (never restricted ones
/// without break-glass, which only the pages offer).
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/interactions",
    operation_id = "listInteractions",
    summary = "Logged interactions in the sensitivity classes the caller may read",
    params(StudentPath),
    responses((status = 200, description = "OK", body = Vec<InteractionJson>))
)]
pub async fn interactions(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<InteractionJson>>, AppError> {
    ctx.session().map_err(|_| AppError::Unauthenticated)?;
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let classes: Vec<Sensitivity> = Sensitivity::ALL
        .into_iter()
        .filter(|s| access.decide(RecordKind::Note(*s), Action::View).is_allowed())
        .collect();
    if classes.is_empty() {
        access
            .require(&state, RecordKind::Note(Sensitivity::Shared), Action::View)
            .await?;
    }
    for s in &classes {
        access.require(&state, RecordKind::Note(*s), Action::View).await?;
    }
    let rows = interactions_repo::list(state.db(), &[access.student()], &classes, false).await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| InteractionJson {
                id: r.id,
                kind: r.kind,
                occurred_on: r.occurred_on,
                participants: r.participants,
                family_present: r.family_present,
                notes: r.notes,
                sensitivity: r.sensitivity,
                author: format!("{} {}", r.given_name, r.family_name),
            })
            .collect(),
    ))
}
