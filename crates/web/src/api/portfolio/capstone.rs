//! JSON handlers for the capstone: the student's proposal, staff's
//! decision, milestones with the mentor's feedback, final products, the
//! presentation and its panel, the panel's sheets and the result — the same
//! use cases as the page, so an illegal move answers 409 here too — and the
//! district's rubric (district administrators; others get 404).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_app::academics::catalog::Loader;
use ssp_app::portfolio::capstone::{self, parse_panel, CriterionInput, FinalProduct, LevelInput, RubricInput};
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::portfolio::capstone::{
    CapstoneStatus, MentorFeedback, NewMilestone, PresentationDate, ProposalRaw, ReturnComment,
};
use ssp_domain::portfolio::rubric::Rubric;
use time::{Date, OffsetDateTime};
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
        .routes(routes!(show))
        .routes(routes!(save_proposal))
        .routes(routes!(decide))
        .routes(routes!(add_milestone))
        .routes(routes!(set_milestone))
        .routes(routes!(attach_product))
        .routes(routes!(schedule))
        .routes(routes!(mark_presented))
        .routes(routes!(enter_sheet))
        .routes(routes!(record_result))
        .routes(routes!(reopen))
        .routes(routes!(withdraw))
        .routes(routes!(show_rubric, save_rubric))
}

fn statuses() -> Schema {
    one_of(CapstoneStatus::ALL.iter().map(|s| s.key()))
}

/// A milestone of the capstone.
#[derive(Serialize, ToSchema)]
#[schema(as = CapstoneMilestone)]
pub struct MilestoneJson {
    pub id: Uuid,
    pub title: String,
    pub due_on: Date,
    pub done_on: Option<Date>,
    /// The mentor's feedback (empty: none yet).
    pub feedback: String,
}

/// A final product: a portfolio artifact, or a link.
#[derive(Serialize, ToSchema)]
#[schema(as = CapstoneProduct)]
pub struct ProductJson {
    pub id: Uuid,
    pub artifact_id: Option<Uuid>,
    pub title: String,
    pub url: String,
}

/// A panel member of the current attempt and their sheet.
#[derive(Serialize, ToSchema)]
#[schema(as = CapstonePanelist)]
pub struct PanelistJson {
    /// What `PUT .../panel/{panelist}/sheet` takes.
    pub id: Uuid,
    pub name: String,
    /// The level (1 = lowest) per criterion in rubric order; null before the sheet is in.
    pub levels: Option<Vec<u32>>,
}

/// A scored attempt.
#[derive(Serialize, ToSchema)]
#[schema(as = CapstoneResult)]
pub struct ResultJson {
    pub attempt: i32,
    pub passed: bool,
    /// The mean over every score, e.g. `3.25`.
    pub overall: String,
    /// Each criterion's mean, in rubric order.
    pub criterion_means: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub recorded_at: OffsetDateTime,
}

/// A rubric: criteria × levels and the pass rule.
#[derive(Serialize, Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CapstoneRubric)]
pub struct RubricJson {
    /// 1–12 criteria.
    pub criteria: Vec<CriterionJson>,
    /// 2–6 levels, lowest first, points strictly rising.
    pub levels: Vec<LevelJson>,
    /// The overall mean needed to pass, e.g. `2.5`.
    pub min_average: String,
    /// Blank, or a level's number (1 = lowest) no criterion's mean may fall below.
    pub no_criterion_below: String,
}

#[derive(Serialize, Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CapstoneCriterion)]
pub struct CriterionJson {
    pub name: String,
    pub description: String,
}

#[derive(Serialize, Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CapstoneLevel)]
pub struct LevelJson {
    pub name: String,
    /// A whole number, 0–100.
    pub points: String,
}

impl RubricJson {
    fn of(r: &Rubric) -> Self {
        let i = RubricInput::of(r);
        RubricJson {
            criteria: i
                .criteria
                .into_iter()
                .map(|c| CriterionJson {
                    name: c.name,
                    description: c.description,
                })
                .collect(),
            levels: i
                .levels
                .into_iter()
                .map(|l| LevelJson {
                    name: l.name,
                    points: l.points,
                })
                .collect(),
            min_average: i.min_average,
            no_criterion_below: i.no_criterion_below,
        }
    }

    fn input(self) -> RubricInput {
        RubricInput {
            criteria: self
                .criteria
                .into_iter()
                .map(|c| CriterionInput {
                    name: c.name,
                    description: c.description,
                })
                .collect(),
            levels: self
                .levels
                .into_iter()
                .map(|l| LevelInput {
                    name: l.name,
                    points: l.points,
                })
                .collect(),
            min_average: self.min_average,
            no_criterion_below: self.no_criterion_below,
        }
    }
}

/// The student's capstone (null before one is started) and the rubric it
/// is scored with.
#[derive(Serialize, ToSchema)]
#[schema(as = Capstone)]
pub struct CapstoneJson {
    pub capstone: Option<CapstoneBody>,
    /// The capstone's rubric (the copy kept when presented), else the district's.
    pub rubric: RubricJson,
}

#[derive(Serialize, ToSchema)]
#[schema(as = CapstoneRecord)]
pub struct CapstoneBody {
    pub id: Uuid,
    #[schema(schema_with = statuses)]
    pub status: &'static str,
    /// 1, then 2 after a reopen, …
    pub attempt: u32,
    pub question: String,
    pub plan: String,
    pub mentor_name: String,
    pub mentor_email: Option<String>,
    /// Staff's comment when the proposal was last returned.
    pub return_comment: String,
    pub presentation_on: Option<Date>,
    pub milestones: Vec<MilestoneJson>,
    pub products: Vec<ProductJson>,
    pub panel: Vec<PanelistJson>,
    pub results: Vec<ResultJson>,
}

/// The student's capstone.
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/capstone",
    operation_id = "getCapstone",
    summary = "The student's capstone: proposal, status, milestones, final products, presentation, panel sheets, results and rubric",
    params(StudentPath),
    responses((status = 200, description = "OK", body = CapstoneJson))
)]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<CapstoneJson>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let view = capstone::show(&state, &access).await?;
    let rubric = view.capstone.as_ref().map_or(&view.rubric, |c| &c.rubric);
    let rubric = RubricJson::of(rubric);
    let capstone = view.capstone.map(|c| CapstoneBody {
        id: c.id,
        status: c.state.status.key(),
        attempt: c.state.attempt,
        presentation_on: c.state.presentation_on,
        question: c.question,
        plan: c.plan,
        mentor_name: c.mentor_name,
        mentor_email: c.mentor_email,
        return_comment: c.return_comment,
        milestones: c
            .milestones
            .into_iter()
            .map(|m| MilestoneJson {
                id: m.id,
                title: m.title,
                due_on: m.due_on,
                done_on: m.done_on,
                feedback: m.feedback,
            })
            .collect(),
        products: c
            .products
            .into_iter()
            .map(|p| ProductJson {
                id: p.id,
                artifact_id: p.artifact_id,
                title: p.title,
                url: p.url,
            })
            .collect(),
        panel: c
            .panel
            .into_iter()
            .map(|p| PanelistJson {
                id: p.id,
                name: p.name,
                levels: p.levels.map(|l| l.split(',').filter_map(|n| n.parse().ok()).collect()),
            })
            .collect(),
        results: c
            .results
            .into_iter()
            .map(|r| ResultJson {
                attempt: r.attempt,
                passed: r.passed,
                overall: points(r.overall),
                criterion_means: r
                    .criterion_means
                    .split(',')
                    .filter_map(|n| n.parse::<i32>().ok())
                    .map(points)
                    .collect(),
                recorded_at: r.recorded_at,
            })
            .collect(),
    });
    Ok(Json(CapstoneJson { capstone, rubric }))
}

fn points(hundredths: i32) -> String {
    ssp_domain::academics::Points(hundredths.max(0) as u32).to_string()
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CapstoneProposalInput)]
pub struct ProposalBody {
    /// 1–500 characters (may be blank in a draft).
    pub question: String,
    /// 1–4,000 characters (may be blank in a draft).
    pub plan: String,
    /// 1–200 characters (may be blank in a draft).
    pub mentor_name: String,
    /// Blank, or an email address.
    pub mentor_email: String,
    /// Also submit it for approval (then every field but the email is required).
    pub submit: bool,
}

/// The student writes the proposal (and submits it).
#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/capstone/proposal",
    operation_id = "saveCapstoneProposal",
    summary = "The student writes the capstone proposal (starting the capstone) and, with submit, submits it for approval",
    params(StudentPath),
    request_body = ProposalBody,
    responses(
        (status = 200, description = "Saved.", body = CreatedJson),
        (status = 403, description = "capstone_by_student_only.", body = ErrorJson),
        (status = 409, description = "capstone_proposal_locked (submitted or approved), capstone_already_passed.", body = ErrorJson),
        (status = 422, description = "invalid_capstone_proposal: question, plan, mentor_name (required, too_long), mentor_email (invalid_email).", body = RejectedJson),
    )
)]
pub async fn save_proposal(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<ProposalBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let raw = ProposalRaw {
        question: &b.question,
        plan: &b.plan,
        mentor_name: &b.mentor_name,
        mentor_email: &b.mentor_email,
    };
    let id = capstone::save_proposal(&state, &access, &raw, b.submit).await?;
    Ok(Json(CreatedJson { id }).into_response())
}

fn decisions() -> Schema {
    one_of(["approve", "return"])
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CapstoneDecisionInput)]
pub struct DecisionBody {
    #[schema(required = true, schema_with = decisions)]
    pub decision: String,
    /// Required to return: 1–2,000 characters.
    pub comment: String,
}

/// Staff approve or return the submitted proposal.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/capstone/decision",
    operation_id = "decideCapstoneProposal",
    summary = "Staff approve the submitted capstone proposal or return it with a comment",
    params(StudentPath),
    request_body = DecisionBody,
    responses(
        (status = 204, description = "Decided."),
        (status = 403, description = "capstone_by_staff_only.", body = ErrorJson),
        (status = 409, description = "capstone_not_proposed, capstone_not_started.", body = ErrorJson),
        (status = 422, description = "invalid_capstone_return: comment (required, too_long); unknown_choice: decision.", body = RejectedJson),
    )
)]
pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<DecisionBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    match b.decision.as_str() {
        "approve" => capstone::approve(&state, &access).await?,
        "return" => capstone::return_proposal(&state, &access, ReturnComment::parse(&b.comment)).await?,
        _ => {
            // Out of scope answers 404 before the choice is judged.
            access.require(&state, RecordKind::Plan, Action::Edit).await?;
            return Err(AppError::Rejected(ssp_domain::input::Rejected::one(
                "unknown_choice",
                "decision",
                "unknown_choice",
            )));
        }
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CapstoneMilestoneInput)]
pub struct MilestoneBody {
    /// 1–200 characters.
    #[schema(required = true)]
    pub title: String,
    /// YYYY-MM-DD.
    #[schema(required = true)]
    pub due_on: String,
}

/// The student or staff add a milestone.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/capstone/milestones",
    operation_id = "addCapstoneMilestone",
    summary = "The student or staff add a milestone to the capstone in progress",
    params(StudentPath),
    request_body = MilestoneBody,
    responses(
        (status = 201, description = "Added.", body = CreatedJson),
        (status = 409, description = "capstone_not_in_progress, capstone_not_started.", body = ErrorJson),
        (status = 422, description = "invalid_milestone: title (required, too_long), due_on (required, invalid_date).", body = RejectedJson),
    )
)]
pub async fn add_milestone(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<MilestoneBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let id = capstone::add_milestone(&state, &access, NewMilestone::parse(&b.title, &b.due_on)).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response())
}

/// A milestone of the student's capstone.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct MilestonePath {
    /// The student's id (UUID).
    id: Uuid,
    /// The milestone's id (UUID).
    milestone: Uuid,
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CapstoneMilestoneChange)]
pub struct MilestoneChange {
    /// The student marks it done (true) or not done (false).
    pub done: Option<bool>,
    /// Staff type the mentor's feedback (1–2,000 characters).
    pub feedback: Option<String>,
}

/// The student marks a milestone done; staff give the mentor's feedback.
#[utoipa::path(
    patch,
    path = "/api/v1/students/{id}/capstone/milestones/{milestone}",
    operation_id = "changeCapstoneMilestone",
    summary = "The student marks a milestone done or not; staff record the mentor's feedback",
    params(MilestonePath),
    request_body = MilestoneChange,
    responses(
        (status = 204, description = "Changed."),
        (status = 403, description = "capstone_by_student_only (done), capstone_by_staff_only (feedback).", body = ErrorJson),
        (status = 409, description = "capstone_not_in_progress.", body = ErrorJson),
        (status = 422, description = "invalid_feedback: feedback (required, too_long; required also when neither done nor feedback is given).", body = RejectedJson),
    )
)]
pub async fn set_milestone(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, milestone)): Path<(String, String)>,
    Json(b): Json<MilestoneChange>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    if b.done.is_none() && b.feedback.is_none() {
        // Nothing to change: out of scope answers 404 first.
        access.require(&state, RecordKind::Plan, Action::Edit).await?;
        return Err(AppError::Rejected(ssp_domain::input::Rejected::one(
            "invalid_feedback",
            "feedback",
            "required",
        )));
    }
    if let Some(done) = b.done {
        capstone::set_milestone_done(&state, &access, &milestone, done).await?;
    }
    if let Some(f) = b.feedback {
        capstone::milestone_feedback(&state, &access, &milestone, MentorFeedback::parse(&f)).await?;
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CapstoneProductInput)]
pub struct ProductBody {
    /// An artifact of the student's portfolio; or blank, with a title and url.
    pub artifact_id: String,
    /// 1–200 characters.
    pub title: String,
    /// An http(s) address.
    pub url: String,
}

/// The student attaches a final product.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/capstone/products",
    operation_id = "attachCapstoneProduct",
    summary = "The student attaches a final product: a portfolio artifact or a titled link",
    params(StudentPath),
    request_body = ProductBody,
    responses(
        (status = 201, description = "Attached.", body = CreatedJson),
        (status = 403, description = "capstone_by_student_only.", body = ErrorJson),
        (status = 409, description = "capstone_not_in_progress, capstone_not_started.", body = ErrorJson),
        (status = 422, description = "invalid_final_product: artifact_id (invalid_id), title (required, too_long), url (required, invalid_url).", body = RejectedJson),
    )
)]
pub async fn attach_product(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<ProductBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let input = FinalProduct::parse(&b.artifact_id, &b.title, &b.url);
    let id = capstone::attach_product(&state, &access, input).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response())
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CapstonePresentationInput)]
pub struct ScheduleBody {
    /// YYYY-MM-DD, not in the past.
    #[schema(required = true)]
    pub presentation_on: String,
    /// 1–8 names, none twice.
    #[schema(required = true)]
    pub panel: Vec<String>,
}

/// Staff set the presentation date and its panel.
#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/capstone/presentation",
    operation_id = "scheduleCapstonePresentation",
    summary = "Staff set (or move) the presentation date and name its panel",
    params(StudentPath),
    request_body = ScheduleBody,
    responses(
        (status = 204, description = "Scheduled."),
        (status = 403, description = "capstone_by_staff_only.", body = ErrorJson),
        (status = 409, description = "capstone_not_in_progress, capstone_not_started.", body = ErrorJson),
        (status = 422, description = "invalid_presentation_date: presentation_on (required, invalid_date, date_in_past), panel (required, too_many, too_long, duplicate_name).", body = RejectedJson),
    )
)]
pub async fn schedule(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<ScheduleBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let today = state.now().date();
    capstone::schedule(
        &state,
        &access,
        PresentationDate::parse(&b.presentation_on, today),
        parse_panel(&b.panel.join("\n")),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Staff mark the capstone presented.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/capstone/presented",
    operation_id = "markCapstonePresented",
    summary = "Staff mark the capstone presented (it needs a final product and a date); the rubric is kept with it",
    params(StudentPath),
    responses(
        (status = 204, description = "Presented."),
        (status = 403, description = "capstone_by_staff_only.", body = ErrorJson),
        (status = 409, description = "capstone_not_ready, capstone_not_started.", body = ErrorJson),
    )
)]
pub async fn mark_presented(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    capstone::mark_presented(&state, &access).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A panel member of the student's capstone.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct PanelistPath {
    /// The student's id (UUID).
    id: Uuid,
    /// The panelist's id (UUID).
    panelist: Uuid,
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CapstoneSheetInput)]
pub struct SheetBody {
    /// The level's number (1 = lowest) for each criterion, in rubric order.
    #[schema(required = true)]
    pub levels: Vec<String>,
}

/// Staff enter a panelist's sheet.
#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/capstone/panel/{panelist}/sheet",
    operation_id = "enterCapstoneSheet",
    summary = "Staff enter (or replace) one panelist's rubric sheet once the capstone is presented",
    params(PanelistPath),
    request_body = SheetBody,
    responses(
        (status = 204, description = "Entered."),
        (status = 403, description = "capstone_by_staff_only.", body = ErrorJson),
        (status = 409, description = "capstone_not_presented.", body = ErrorJson),
        (status = 422, description = "invalid_score: levels (incomplete_score, unknown_level).", body = RejectedJson),
    )
)]
pub async fn enter_sheet(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, panelist)): Path<(String, String)>,
    Json(b): Json<SheetBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    capstone::enter_sheet(&state, &access, &panelist, &b.levels).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The result recorded.
#[derive(Serialize, ToSchema)]
#[schema(as = CapstoneOutcome)]
pub struct OutcomeJson {
    pub passed: bool,
}

/// Staff record the result.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/capstone/result",
    operation_id = "recordCapstoneResult",
    summary = "Staff record the result once every panelist's sheet is in: passed or not passed by the rubric's rule",
    params(StudentPath),
    responses(
        (status = 200, description = "Recorded.", body = OutcomeJson),
        (status = 403, description = "capstone_by_staff_only.", body = ErrorJson),
        (status = 409, description = "capstone_not_presented, capstone_panel_incomplete.", body = ErrorJson),
    )
)]
pub async fn record_result(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<OutcomeJson>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let passed = capstone::record_result(&state, &access).await?;
    Ok(Json(OutcomeJson { passed }))
}

/// Staff reopen a capstone that did not pass.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/capstone/reopen",
    operation_id = "reopenCapstone",
    summary = "Staff reopen a capstone that did not pass: the next attempt (products kept, a new date and panel to set)",
    params(StudentPath),
    responses(
        (status = 204, description = "Reopened."),
        (status = 403, description = "capstone_by_staff_only.", body = ErrorJson),
        (status = 409, description = "capstone_not_failed.", body = ErrorJson),
    )
)]
pub async fn reopen(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    capstone::reopen(&state, &access).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The student or staff withdraw the capstone.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/capstone/withdraw",
    operation_id = "withdrawCapstone",
    summary = "The student or staff withdraw the capstone (not once presented); a new one may then start",
    params(StudentPath),
    responses(
        (status = 204, description = "Withdrawn."),
        (status = 409, description = "capstone_cannot_withdraw.", body = ErrorJson),
    )
)]
pub async fn withdraw(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    capstone::withdraw(&state, &access).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The district's capstone rubric.
#[utoipa::path(
    get,
    path = "/api/v1/capstone-rubric",
    operation_id = "getCapstoneRubric",
    summary = "The district's capstone rubric (district administrators)",
    responses((status = 200, description = "OK", body = RubricJson))
)]
pub async fn show_rubric(State(state): State<AppState>, ctx: Ctx) -> Result<Json<RubricJson>, AppError> {
    ctx.api_district_admin()?;
    let by = Loader::from(&ctx.actor()?);
    Ok(Json(RubricJson::of(&capstone::rubric_of(&state, by.district).await?)))
}

/// A district administrator replaces the rubric.
#[utoipa::path(
    put,
    path = "/api/v1/capstone-rubric",
    operation_id = "saveCapstoneRubric",
    summary = "A district administrator replaces the capstone rubric (capstones already presented keep theirs)",
    request_body = RubricJson,
    responses(
        (status = 204, description = "Saved."),
        (status = 422, description = "invalid_rubric: criteria (required, too_many, duplicate_name, blank_name, too_long), levels (too_few, too_many, not_ascending, duplicate_name, blank_name, invalid_points), min_average (required, invalid_points, out_of_range), no_criterion_below (invalid_level).", body = RejectedJson),
    )
)]
pub async fn save_rubric(
    State(state): State<AppState>,
    ctx: Ctx,
    Json(b): Json<RubricJson>,
) -> Result<Response, AppError> {
    ctx.api_district_admin()?;
    let by = Loader::from(&ctx.actor()?);
    capstone::save_rubric(&state, &by, &b.input())
        .await?
        .map_err(AppError::Rejected)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
