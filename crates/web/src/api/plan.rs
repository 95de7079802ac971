//! JSON handlers for the plan. Thin: parse, authorize through
//! `StudentAccess`, call the same repositories and write services as the
//! pages, serialize.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_db::repo::plan::{self as plan_repo, GoalRow};
use ssp_db::repo::{interactions as interactions_repo, students};
use ssp_domain::access::{Action, RecordKind, Sensitivity};
use ssp_domain::plan::goal::progress;
use ssp_domain::input::Rejected;
use ssp_domain::plan::check_in::CheckInInput;
use ssp_domain::plan::GoalInput;
use ssp_domain::SchoolYear;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use ssp_app::status as plan_service;
use ssp_app::StudentAccess;

#[derive(Serialize)]
pub struct SessionJson {
    pub person_id: Uuid,
    pub name: String,
    pub csrf_token: String,
    pub language: &'static str,
}

/// Who is signed in, and the token writes must send as `x-csrf-token`.
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
    ctx.session().map_err(|_| AppError::Unauthenticated)?;
    let access = StudentAccess::load(state, &ctx.actor()?, id).await?;
    access.require(state, kind, action).await?;
    Ok(access)
}

#[derive(Serialize)]
pub struct GoalJson {
    pub id: Uuid,
    pub domain: String,
    pub statement: String,
    pub why_it_matters: String,
    pub measure_kind: String,
    pub baseline: f64,
    pub target: f64,
    pub due_date: Date,
    pub cadence: String,
    pub status: String,
    pub suggested: bool,
    pub activated_on: Option<Date>,
    pub last_check_in: Option<Date>,
    pub last_value: Option<f64>,
    pub check_ins: i64,
    /// 0.0–1.0 of the way from baseline to target.
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

#[derive(Serialize)]
pub struct FailureJson {
    pub code: &'static str,
    /// Which part of the rule: reviewed, goals_in_every_domain, check_ins_current, activities_done.
    pub condition: &'static str,
}

#[derive(Serialize)]
pub struct ActivityJson {
    pub key: &'static str,
    pub required: bool,
    pub due: Date,
    pub status: &'static str,
    pub exempt_reason: Option<String>,
}

#[derive(Serialize)]
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

#[derive(Serialize)]
pub struct PlanJson {
    pub student_id: Uuid,
    pub name: String,
    pub grade_level: i32,
    pub school: String,
    pub graduation_year: i32,
    pub up_to_date: bool,
    pub failures: Vec<FailureJson>,
    pub goals: Vec<GoalJson>,
    pub activities: Vec<ActivityJson>,
    pub review: Option<ReviewJson>,
}

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

pub async fn goals(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<GoalJson>>, AppError> {
    let access = authorize(&state, &ctx, &id, RecordKind::Plan, Action::View).await?;
    let goals = plan_repo::goals(state.db(), access.student()).await?;
    Ok(Json(goals.iter().map(GoalJson::from).collect()))
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct GoalBody {
    pub domain: String,
    pub statement: String,
    pub why_it_matters: String,
    pub measure_kind: String,
    pub baseline: String,
    pub target: String,
    pub due_date: String,
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

#[derive(Serialize)]
pub struct FieldErrorJson {
    pub field: &'static str,
    pub code: &'static str,
}

#[derive(Serialize)]
pub struct InvalidJson {
    pub error: &'static str,
    pub fields: Vec<FieldErrorJson>,
}

#[derive(Serialize)]
pub struct CreatedJson {
    pub id: Uuid,
}

pub async fn create_goal(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(body): Json<GoalBody>,
) -> Result<Response, AppError> {
    let access = super::plan_actions::student(&state, &ctx, &id).await?;
    let input = body.input().parse(state.now().date());
    let id = ssp_app::plan::goals::create_goal(&state, &access, input).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response())
}

#[derive(Serialize)]
pub struct CheckInJson {
    pub id: Uuid,
    pub on_date: Date,
    pub value: f64,
    pub note: String,
    pub reflection: String,
    pub author: String,
}

async fn goal_of(state: &AppState, access: &StudentAccess, goal: &str) -> Result<GoalRow, AppError> {
    let goal: Uuid = goal.parse().map_err(|_| AppError::NotFound)?;
    plan_repo::goal(state.db(), access.student(), goal)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn check_ins(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
) -> Result<Json<Vec<CheckInJson>>, AppError> {
    let access = authorize(&state, &ctx, &id, RecordKind::Plan, Action::View).await?;
    let g = goal_of(&state, &access, &goal).await?;
    let rows = plan_repo::check_ins(state.db(), g.id).await?;
    Ok(Json(
        rows.into_iter()
            .map(|c| CheckInJson {
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

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct CheckInBody {
    pub on_date: String,
    pub value: String,
    pub note: String,
    pub reflection: String,
}

#[derive(Serialize)]
pub struct ProblemJson {
    pub error: String,
    pub detail: String,
}

pub async fn create_check_in(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
    Json(body): Json<CheckInBody>,
) -> Result<Response, AppError> {
    let access = authorize(&state, &ctx, &id, RecordKind::Plan, Action::Create).await?;
    let g = goal_of(&state, &access, &goal).await?;
    match ssp_app::plan::check_ins::add_check_in(&state, &access, &g, body.parse(&g, state.now().date())).await {
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

#[derive(Serialize)]
pub struct ReflectionJson {
    pub id: Uuid,
    pub prompt: String,
    pub body: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

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

#[derive(Serialize)]
pub struct InteractionJson {
    pub id: Uuid,
    pub kind: String,
    pub occurred_on: Date,
    pub participants: String,
    pub family_present: bool,
    pub notes: String,
    pub sensitivity: String,
    pub author: String,
}

/// Interactions in the classes the actor may read (never restricted ones
/// without break-glass, which only the pages offer).
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
