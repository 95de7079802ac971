//! JSON handlers for academic planning: a student's academic record
//! (transcript, GPA, the graduation-requirement audit, on-track), transfer
//! credit, and the multi-year course plan with its submit / approve /
//! return / acknowledge. The same use cases as the pages
//! (`ssp_app::academics`); the use cases ask the access module.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_app::academics::{course_plan, transcript};
use ssp_domain::academics::transcript::TranscriptEntryRaw;
use utoipa::ToSchema;

use crate::api::openapi::{ErrorJson, RejectedJson, StudentPath};
use crate::api::plan::actions::student as access_of;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
#[schema(as = TranscriptEntry)]
pub struct EntryJson {
    pub course_code: String,
    pub title: String,
    /// The school year's spring (2026 = 2025–2026).
    pub school_year: i32,
    pub term: &'static str,
    pub grade_level: Option<u8>,
    /// None while the course is under way.
    pub mark: Option<String>,
    pub credits_attempted: String,
    pub credits_earned: String,
    pub rigor: &'static str,
    /// `import` or `transfer`.
    pub source: String,
}

#[derive(Serialize, ToSchema)]
#[schema(as = RequirementResult)]
pub struct RequirementJson {
    pub key: String,
    pub name: String,
    /// `met`, `in_progress`, `planned`, `missing`.
    pub status: &'static str,
    pub min_credits: String,
    pub earned: String,
    pub in_progress: String,
    pub planned: String,
    pub remaining: String,
    /// The courses counted toward it.
    pub courses: Vec<String>,
    /// Why, in English (pages say it in the reader's language).
    pub explanation: String,
}

#[derive(Serialize, ToSchema)]
#[schema(as = AcademicRecord)]
pub struct RecordJson {
    pub class_of: i32,
    pub grade: i32,
    /// The date of the newest transcript data (None: no transcript yet).
    #[schema(format = Date)]
    pub as_of: Option<String>,
    pub gpa_unweighted: Option<String>,
    pub gpa_weighted: Option<String>,
    pub transcript: Vec<EntryJson>,
    pub requirement_set: String,
    pub requirements: Vec<RequirementJson>,
    pub total_status: &'static str,
    pub total_remaining: String,
    /// Grades 9–12 only.
    pub on_track_to_graduate: Option<bool>,
    pub grade9_on_track: Option<bool>,
}

#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/academics",
    operation_id = "getAcademicRecord",
    summary = "The student's transcript, GPA, graduation-requirement audit (with the date of its data) and on-track",
    params(StudentPath),
    responses((status = 200, description = "OK", body = RecordJson))
)]
pub async fn record(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<RecordJson>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let r = transcript::record(&state, &access).await?;
    Ok(Json(RecordJson {
        class_of: r.class_of,
        grade: r.grade,
        as_of: r.as_of.map(|d| d.to_string()),
        gpa_unweighted: r.gpa.unweighted.map(|p| p.to_string()),
        gpa_weighted: r.gpa.weighted.map(|p| p.to_string()),
        transcript: r
            .entries
            .iter()
            .zip(&r.sources)
            .map(|(e, source)| EntryJson {
                course_code: e.course_code.as_str().to_owned(),
                title: e.title.clone(),
                school_year: e.school_year.0,
                term: e.term.key(),
                grade_level: e.grade_level,
                mark: e.mark.clone(),
                credits_attempted: e.credits_attempted.to_string(),
                credits_earned: e.credits_earned.to_string(),
                rigor: e.rigor.key(),
                source: source.clone(),
            })
            .collect(),
        requirement_set: r.audit.set_name.clone(),
        requirements: r
            .audit
            .requirements
            .iter()
            .map(|q| RequirementJson {
                key: q.key.clone(),
                name: q.name.clone(),
                status: q.status.key(),
                min_credits: q.min_credits.to_string(),
                earned: q.earned.to_string(),
                in_progress: q.in_progress.to_string(),
                planned: q.planned.to_string(),
                remaining: q.remaining.to_string(),
                courses: q.courses.iter().map(|c| c.code.as_str().to_owned()).collect(),
                explanation: q.explanation.english(),
            })
            .collect(),
        total_status: r.audit.total.status.key(),
        total_remaining: r.audit.total.remaining.to_string(),
        on_track_to_graduate: r.graduation.as_ref().map(|g| g.on_track),
        grade9_on_track: r.grade9.as_ref().map(|g| g.on_track),
    }))
}

/// Transfer credit (or a corrected entry).
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = TransferCreditInput)]
pub struct TransferBody {
    #[schema(required = true)]
    pub course_code: String,
    pub title: String,
    /// `2026`, `2025-2026` or `2025-26`.
    #[schema(required = true)]
    pub school_year: String,
    /// `year`, `semester_1`, `semester_2`, `quarter_1`…`quarter_4`, `summer`.
    #[schema(required = true)]
    pub term: String,
    /// On the district's scale; blank while under way.
    pub mark: String,
    #[schema(required = true)]
    pub credits_attempted: String,
    pub credits_earned: String,
    pub rigor: String,
    /// The requirement category, for a course not in the catalog.
    pub subject_area: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/academics/transcript",
    operation_id = "recordTransferCredit",
    summary = "Staff record transfer credit (or correct an entry) on the student's transcript",
    params(StudentPath),
    request_body = TransferBody,
    responses(
        (status = 204, description = "Saved."),
        (status = 403, description = "transcript_by_staff_only.", body = ErrorJson),
        (status = 422, description = "invalid_transcript_entry: course_code, school_year, term, mark (unknown_mark), credits_attempted, credits_earned (negative_credits, more_than_attempted, earned_without_passing_mark), rigor, subject_area.", body = RejectedJson),
    )
)]
pub async fn add_transfer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<TransferBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let raw = TranscriptEntryRaw {
        course_code: &b.course_code,
        title: &b.title,
        school_year: &b.school_year,
        term: &b.term,
        grade_level: "",
        mark: &b.mark,
        credits_attempted: &b.credits_attempted,
        credits_earned: &b.credits_earned,
        rigor: &b.rigor,
        subject_area: &b.subject_area,
    };
    transcript::add_transfer(&state, &access, &raw).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Serialize, ToSchema)]
#[schema(as = PlanProblem)]
pub struct ProblemJson {
    pub grade: u8,
    pub course: Option<String>,
    /// `unknown_course`, `not_offered_to_grade`, `prerequisite_missing`, `too_many_credits`, `repeated_course`, `already_passed`.
    pub code: &'static str,
    pub prerequisite: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = CoursePlanYear)]
pub struct YearJson {
    pub grade: u8,
    pub courses: Vec<String>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = CoursePlan)]
pub struct PlanJson {
    /// 0 when there is no plan yet.
    pub version: i32,
    /// `none`, `draft`, `submitted`, `approved`, `returned`.
    pub status: String,
    pub comment: String,
    pub acknowledged: bool,
    pub years: Vec<YearJson>,
    pub problems: Vec<ProblemJson>,
    /// What changed since the last approved version, per grade.
    pub changes: Vec<YearJson>,
    pub removed_since_approved: Vec<YearJson>,
    /// Each requirement's status if the plan is followed.
    pub projected: Vec<(String, &'static str)>,
}

#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/course-plan",
    operation_id = "getCoursePlan",
    summary = "The student's multi-year course plan: its years, problems, projected audit and what changed since the approved version",
    params(StudentPath),
    responses((status = 200, description = "OK", body = PlanJson))
)]
pub async fn plan(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Json<PlanJson>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let v = course_plan::show(&state, &access).await?;
    let year = |grade: u8, courses: &[ssp_domain::academics::course::CourseCode]| YearJson {
        grade,
        courses: courses.iter().map(|c| c.as_str().to_owned()).collect(),
    };
    Ok(Json(PlanJson {
        version: v.latest.as_ref().map_or(0, |l| l.version),
        status: v.latest.as_ref().map_or("none".to_owned(), |l| l.status.clone()),
        comment: v.latest.as_ref().map(|l| l.comment.clone()).unwrap_or_default(),
        acknowledged: v.latest.as_ref().is_some_and(|l| l.acknowledged_at.is_some()),
        years: v.plan.years.iter().map(|y| year(y.grade, &y.courses)).collect(),
        problems: v
            .problems
            .iter()
            .map(|p| ProblemJson {
                grade: p.grade,
                course: p.course.as_ref().map(|c| c.as_str().to_owned()),
                code: p.code,
                prerequisite: p.prerequisite.as_ref().map(|c| c.as_str().to_owned()),
            })
            .collect(),
        changes: v.changes.iter().map(|c| year(c.grade, &c.added)).collect(),
        removed_since_approved: v.changes.iter().map(|c| year(c.grade, &c.removed)).collect(),
        projected: v
            .projected
            .requirements
            .iter()
            .map(|q| (q.key.clone(), q.status.key()))
            .collect(),
    }))
}

/// A course added to or removed from a year of the plan.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CoursePlanChange)]
pub struct ChangeBody {
    /// 8–12.
    #[schema(required = true)]
    pub grade: String,
    #[schema(required = true)]
    pub course: String,
    /// True to remove; false (the default) to add.
    pub remove: bool,
}

#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/course-plan/courses",
    operation_id = "changeCoursePlan",
    summary = "The student adds a course to a year of the plan, or removes one; a change that breaks a rule is refused with the problems and saves nothing",
    params(StudentPath),
    request_body = ChangeBody,
    responses(
        (status = 204, description = "Saved."),
        (status = 403, description = "course_plan_by_student_only.", body = ErrorJson),
        (status = 409, description = "course_plan_past_year.", body = ErrorJson),
        (status = 422, description = "plan_change_refused (the problems in `problems`), or invalid_grade / invalid_course_code.", body = ErrorJson),
    )
)]
pub async fn change(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<ChangeBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    match course_plan::change(&state, &access, &b.grade, &b.course, !b.remove).await? {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(course_plan::Refused(problems)) => {
            let body = serde_json::json!({
                "error": "plan_change_refused",
                "problems": problems.iter().map(|p| serde_json::json!({
                    "grade": p.grade,
                    "course": p.course.as_ref().map(|c| c.as_str()),
                    "code": p.code,
                    "prerequisite": p.prerequisite.as_ref().map(|c| c.as_str()),
                })).collect::<Vec<_>>(),
            });
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response())
        }
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/course-plan/submit",
    operation_id = "submitCoursePlan",
    summary = "The student submits the plan for approval (a plan that breaks a rule cannot be)",
    params(StudentPath),
    responses(
        (status = 204, description = "Submitted."),
        (status = 403, description = "course_plan_by_student_only.", body = ErrorJson),
        (status = 409, description = "course_plan_empty, course_plan_not_a_draft, course_plan_has_problems.", body = ErrorJson),
    )
)]
pub async fn submit(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    course_plan::submit(&state, &access).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Approve, or return with a comment.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CoursePlanDecision)]
pub struct DecisionBody {
    pub approve: bool,
    /// Required when returning; up to 2000 characters.
    pub comment: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/course-plan/decision",
    operation_id = "decideCoursePlan",
    summary = "Staff approve the submitted plan or return it with a comment",
    params(StudentPath),
    request_body = DecisionBody,
    responses(
        (status = 204, description = "Decided."),
        (status = 403, description = "course_plan_decided_by_staff.", body = ErrorJson),
        (status = 409, description = "course_plan_empty, course_plan_not_submitted.", body = ErrorJson),
        (status = 422, description = "invalid_plan_decision: comment (required when returning, too_long).", body = RejectedJson),
    )
)]
pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<DecisionBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    course_plan::decide(&state, &access, b.approve, &b.comment).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/course-plan/acknowledge",
    operation_id = "acknowledgeCoursePlan",
    summary = "A guardian with educational rights acknowledges the approved plan",
    params(StudentPath),
    responses(
        (status = 204, description = "Acknowledged."),
        (status = 403, description = "course_plan_acknowledged_by_guardian.", body = ErrorJson),
        (status = 409, description = "course_plan_empty, course_plan_not_approved.", body = ErrorJson),
    )
)]
pub async fn acknowledge(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    course_plan::acknowledge(&state, &access).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
