//! JSON handlers for a student's interventions: the list (staff read all;
//! the student and guardians with rights only those shared with the
//! family), one with its progress points, the goal line and when the next
//! check is due, starting one from the district's library, progress
//! points, the ending with its outcome, links and sharing. Each calls the
//! same use case as the page.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_app::support::interventions::{self as cases, StartLinks};
use ssp_db::repo::support::interventions::InterventionRow;
use ssp_domain::support::intervention::{
    planned_end, progress_chart, Cadence, Ending, InterventionRaw, InterventionStatus, Link, LinkKind, Outcome,
    ProgressPoint, Tier,
};
use time::{Date, OffsetDateTime};
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
        .routes(routes!(list, start))
        .routes(routes!(detail))
        .routes(routes!(add_point))
        .routes(routes!(end))
        .routes(routes!(set_sharing))
        .routes(routes!(link))
}

fn tiers() -> Schema {
    one_of(Tier::ALL.iter().map(|t| t.key()))
}
fn new_tiers() -> Schema {
    one_of(std::iter::once("").chain(Tier::ALL.iter().map(|t| t.key())))
}
fn cadences() -> Schema {
    one_of([Cadence::Weekly, Cadence::EveryTwoWeeks, Cadence::Monthly].map(|c| c.as_str()))
}
fn statuses() -> Schema {
    one_of(InterventionStatus::ALL.iter().map(|s| s.key()))
}
fn outcomes() -> Schema {
    one_of(Outcome::ALL.iter().map(|o| o.key()))
}
fn ends() -> Schema {
    one_of(["complete", "discontinue"])
}
fn link_kinds() -> Schema {
    one_of(LinkKind::ALL.iter().map(|k| k.key()))
}

/// An intervention of the student.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct InterventionPath {
    /// The student's id (UUID).
    id: Uuid,
    /// The intervention's id (UUID).
    intervention: Uuid,
}

/// A student's intervention.
#[derive(Serialize, ToSchema)]
#[schema(as = Intervention)]
pub struct InterventionJson {
    pub id: Uuid,
    /// A key of the district's library (shipped or the district's own).
    pub strategy: String,
    #[schema(schema_with = tiers)]
    pub tier: String,
    /// The owner's person id.
    pub owner_id: Uuid,
    pub owner: String,
    pub start_on: Date,
    pub planned_weeks: i32,
    pub planned_end: Date,
    #[schema(schema_with = cadences)]
    pub cadence: String,
    pub measure: String,
    pub baseline: f64,
    pub goal: f64,
    pub shared_with_family: bool,
    #[schema(schema_with = statuses)]
    pub status: String,
    /// Once ended.
    #[schema(schema_with = outcomes)]
    pub outcome: Option<String>,
    pub outcome_note: Option<String>,
    /// When the next progress check is due (absent once ended).
    pub next_check_due: Option<Date>,
    pub check_overdue: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

fn json(r: InterventionRow, today: Date) -> InterventionJson {
    let due = cases::check_due(&r, today);
    InterventionJson {
        planned_end: planned_end(r.start_on, r.planned_weeks.max(1) as u32),
        owner: ssp_domain::person::PersonName {
            given: r.owner_given,
            family: r.owner_family,
            preferred: r.owner_preferred,
        }
        .display(),
        id: r.id,
        strategy: r.strategy_key,
        tier: r.tier,
        owner_id: r.owner_id,
        start_on: r.start_on,
        planned_weeks: r.planned_weeks,
        cadence: r.cadence,
        measure: r.measure,
        baseline: r.baseline,
        goal: r.goal_value,
        shared_with_family: r.shared_with_family,
        status: r.status,
        outcome: r.outcome,
        outcome_note: r.outcome_note,
        next_check_due: due.map(|d| d.due_on),
        check_overdue: due.is_some_and(|d| d.overdue),
        created_at: r.created_at,
    }
}

/// The student's interventions the caller may read.
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/interventions",
    operation_id = "listInterventions",
    summary = "The student's interventions, active first: all of them for staff, those shared with the family for the student and guardians with rights",
    params(StudentPath),
    responses((status = 200, description = "OK", body = Vec<InterventionJson>))
)]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<InterventionJson>>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let today = state.now().date();
    let rows = cases::list(&state, &access).await?;
    Ok(Json(rows.into_iter().map(|r| json(r, today)).collect()))
}

/// A progress measurement.
#[derive(Serialize, ToSchema)]
#[schema(as = ProgressPoint)]
pub struct PointJson {
    pub id: Uuid,
    pub on: Date,
    pub value: f64,
    /// The goal line's value that day.
    pub expected: f64,
    pub note: String,
}

/// What an intervention answers.
#[derive(Serialize, ToSchema)]
#[schema(as = InterventionLink)]
pub struct LinkJson {
    #[schema(schema_with = link_kinds)]
    pub kind: String,
    pub target: Uuid,
}

/// An intervention with its progress points and links.
#[derive(Serialize, ToSchema)]
#[schema(as = InterventionDetail)]
pub struct DetailJson {
    pub intervention: InterventionJson,
    /// By date.
    pub points: Vec<PointJson>,
    /// Staff only (empty for the family).
    pub links: Vec<LinkJson>,
}

/// One intervention.
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/interventions/{intervention}",
    operation_id = "getIntervention",
    summary = "One intervention with its progress points against the goal line (a staff-only one answers 404 to the family)",
    params(InterventionPath),
    responses((status = 200, description = "OK", body = DetailJson))
)]
pub async fn detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, intervention)): Path<(String, String)>,
) -> Result<Json<DetailJson>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let d = cases::get(&state, &access, &intervention).await?;
    let domain: Vec<ProgressPoint> = d
        .points
        .iter()
        .map(|p| ProgressPoint {
            on: p.on_date,
            value: p.value,
            note: String::new(),
        })
        .collect();
    let chart = progress_chart(
        d.row.start_on,
        d.row.planned_weeks.max(1) as u32,
        d.row.baseline,
        d.row.goal_value,
        &domain,
    );
    let start = d.row.start_on;
    let points = d
        .points
        .into_iter()
        .map(|p| PointJson {
            id: p.id,
            on: p.on_date,
            value: p.value,
            expected: chart.expected_at((p.on_date - start).whole_days()),
            note: p.note,
        })
        .collect();
    let links = d
        .links
        .into_iter()
        .map(|(kind, target)| LinkJson { kind, target })
        .collect();
    Ok(Json(DetailJson {
        intervention: json(d.row, state.now().date()),
        points,
        links,
    }))
}

#[derive(Deserialize, Default, ToSchema)]
#[schema(as = InterventionBody)]
#[serde(default, deny_unknown_fields)]
pub struct StartBody {
    /// A key of the district's library (shipped defaults and the district's
    /// own, not retired).
    #[schema(required = true)]
    pub strategy: String,
    /// Blank: the strategy's usual tier.
    #[schema(schema_with = new_tiers)]
    pub tier: String,
    /// The caller, the plan manager or a team member (person id).
    #[schema(required = true, format = Uuid)]
    pub owner: String,
    #[schema(required = true, format = Date)]
    pub start_on: String,
    /// 1–52.
    #[schema(required = true)]
    pub planned_weeks: String,
    #[schema(required = true, schema_with = cadences)]
    pub cadence: String,
    /// 1–100 characters: what is measured.
    #[schema(required = true)]
    pub measure: String,
    #[schema(required = true)]
    pub baseline: String,
    #[schema(required = true)]
    pub goal: String,
    pub shared_with_family: bool,
    /// A need, goal or early-warning flag it answers.
    pub need: Option<Uuid>,
    pub goal_id: Option<Uuid>,
    pub flag: Option<Uuid>,
}

/// Starts an intervention.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/interventions",
    operation_id = "startIntervention",
    summary = "Start an intervention from the district's library, with its owner, length, cadence, measure and goal",
    params(StudentPath),
    request_body = StartBody,
    responses(
        (status = 201, description = "Created.", body = crate::api::plan::CreatedJson),
        (status = 422, description = "invalid_intervention: strategy (required, unknown_choice), tier (unknown_choice), owner (required, invalid_id, not_on_team), start_on (required, invalid_date), planned_weeks (required, invalid_number, out_of_range), cadence (required, unknown_choice), measure (required, too_long), baseline and goal (required, invalid_number, out_of_range; goal same_as_baseline). Or invalid_link: target (unknown).", body = RejectedJson),
    )
)]
pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<StartBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let library = cases::library(&state, access.facts.district_id).await?;
    let raw = InterventionRaw {
        strategy: &b.strategy,
        tier: &b.tier,
        owner: &b.owner,
        start_on: &b.start_on,
        planned_weeks: &b.planned_weeks,
        cadence: &b.cadence,
        measure: &b.measure,
        baseline: &b.baseline,
        goal: &b.goal,
    };
    let links = StartLinks {
        need: b.need,
        goal: b.goal_id,
        flag: b.flag,
    };
    let id = cases::start(&state, &access, raw.parse(&library), b.shared_with_family, links).await?;
    Ok(created(id))
}

#[derive(Deserialize, Default, ToSchema)]
#[schema(as = ProgressPointBody)]
#[serde(default, deny_unknown_fields)]
pub struct PointBody {
    /// From the start to today.
    #[schema(required = true, format = Date)]
    pub on: String,
    #[schema(required = true)]
    pub value: String,
    /// Up to 500 characters.
    pub note: String,
}

/// Adds a progress point.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/interventions/{intervention}/points",
    operation_id = "addProgressPoint",
    summary = "Add a progress point to an active intervention",
    params(InterventionPath),
    request_body = PointBody,
    responses(
        (status = 201, description = "Created.", body = crate::api::plan::CreatedJson),
        (status = 409, description = "intervention_ended: an ended intervention takes no points.", body = ErrorJson),
        (status = 422, description = "invalid_progress_point: on (required, invalid_date, before_start, in_future), value (required, invalid_number, out_of_range), note (too_long).", body = RejectedJson),
    )
)]
pub async fn add_point(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, intervention)): Path<(String, String)>,
    Json(b): Json<PointBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let id = cases::add_point(&state, &access, &intervention, &b.on, &b.value, &b.note).await?;
    Ok(created(id))
}

#[derive(Deserialize, Default, ToSchema)]
#[schema(as = InterventionEndingBody)]
#[serde(default, deny_unknown_fields)]
pub struct EndBody {
    #[schema(required = true, schema_with = ends)]
    pub end: String,
    #[schema(required = true, schema_with = outcomes)]
    pub outcome: String,
    /// Up to 1000 characters.
    pub note: String,
}

/// Completes or discontinues an intervention with its outcome.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/interventions/{intervention}/end",
    operation_id = "endIntervention",
    summary = "Complete or discontinue an active intervention with its outcome against the goal",
    params(InterventionPath),
    request_body = EndBody,
    responses(
        (status = 204, description = "Ended."),
        (status = 409, description = "illegal_intervention_move: it has already ended.", body = ErrorJson),
        (status = 422, description = "invalid_ending: end and outcome (required, unknown_choice), note (too_long).", body = RejectedJson),
    )
)]
pub async fn end(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, intervention)): Path<(String, String)>,
    Json(b): Json<EndBody>,
) -> Result<StatusCode, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let input = Ending::parse(&b.end, &b.outcome, &b.note);
    cases::end(&state, &access, &intervention, input).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, Default, ToSchema)]
#[schema(as = InterventionSharingBody)]
#[serde(default, deny_unknown_fields)]
pub struct SharingBody {
    /// True: the student and guardians with rights read it.
    #[schema(required = true)]
    pub shared_with_family: bool,
}

/// Shares an intervention with the family, or makes it staff only.
#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/interventions/{intervention}/sharing",
    operation_id = "setInterventionSharing",
    summary = "Share an intervention with the student and family, or make it staff only",
    params(InterventionPath),
    request_body = SharingBody,
    responses((status = 204, description = "Saved."))
)]
pub async fn set_sharing(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, intervention)): Path<(String, String)>,
    Json(b): Json<SharingBody>,
) -> Result<StatusCode, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    cases::set_shared(&state, &access, &intervention, b.shared_with_family).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, Default, ToSchema)]
#[schema(as = InterventionLinkBody)]
#[serde(default, deny_unknown_fields)]
pub struct LinkBody {
    #[schema(required = true, schema_with = link_kinds)]
    pub kind: String,
    /// The need's, goal's or flag's id.
    #[schema(required = true, format = Uuid)]
    pub target: String,
}

/// Links an intervention to a need, goal or flag.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/interventions/{intervention}/links",
    operation_id = "linkIntervention",
    summary = "Link an intervention to a need or goal of the student, or to an early-warning flag",
    params(InterventionPath),
    request_body = LinkBody,
    responses(
        (status = 204, description = "Linked."),
        (status = 422, description = "invalid_link: kind (required, unknown_choice), target (required, invalid_id, unknown).", body = RejectedJson),
    )
)]
pub async fn link(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, intervention)): Path<(String, String)>,
    Json(b): Json<LinkBody>,
) -> Result<StatusCode, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let input = Link::parse(&b.kind, &b.target);
    cases::link(&state, &access, &intervention, input).await?;
    Ok(StatusCode::NO_CONTENT)
}
