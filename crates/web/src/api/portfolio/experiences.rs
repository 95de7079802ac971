//! JSON handlers for experiences outside the classroom: the list with
//! hours and totals by school year and kind, adding an experience, logging
//! hours, sending the supervisor a verification link, and staff verifying
//! directly. Each calls the same use case as the page. (The supervisor's
//! answer is a public page, `/verify-hours/{token}`, not an API operation.)

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_app::portfolio::experiences::{self, verified_by};
use ssp_domain::portfolio::experience::{ExperienceKind, ExperienceRaw, Hours, HoursRaw, VerifiedBy};
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
use crate::mail_jobs::mail;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, add))
        .routes(routes!(edit))
        .routes(routes!(log_hours))
        .routes(routes!(remove_hours))
        .routes(routes!(send_verification))
        .routes(routes!(verify))
}

fn kinds() -> Schema {
    one_of(ExperienceKind::ALL.iter().map(|k| k.key()))
}
fn verifiers() -> Schema {
    one_of(["supervisor", "staff"])
}

/// Hours logged for one date.
#[derive(Serialize, ToSchema)]
#[schema(as = ExperienceHours)]
pub struct HoursJson {
    pub id: Uuid,
    pub date: Date,
    /// Decimal hours in quarter steps ("1.5").
    pub hours: String,
    pub note: String,
    /// Who verified them (absent: not verified yet).
    #[schema(schema_with = verifiers)]
    pub verified_by: Option<&'static str>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub verified_at: Option<OffsetDateTime>,
}

/// The latest verification link sent for an experience.
#[derive(Serialize, ToSchema)]
#[schema(as = HoursVerificationLink)]
pub struct LinkJson {
    pub sent_to: String,
    /// `email` (queued) or `link` (shown to copy).
    pub channel: String,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    /// `confirmed` or `declined` once the supervisor answered.
    pub response: Option<String>,
    /// The supervisor's note when declining.
    pub response_note: String,
}

/// An experience outside the classroom with its hours.
#[derive(Serialize, ToSchema)]
#[schema(as = Experience)]
pub struct ExperienceJson {
    pub id: Uuid,
    #[schema(schema_with = kinds)]
    pub kind: &'static str,
    pub organisation: String,
    pub supervisor_name: String,
    pub supervisor_email: Option<String>,
    pub start_on: Date,
    /// Absent while ongoing.
    pub end_on: Option<Date>,
    pub reflection: String,
    /// Competency keys (`casel:self_management`, `p21:communication`…).
    pub competencies: Vec<String>,
    pub hours: Vec<HoursJson>,
    pub verified_hours: String,
    pub unverified_hours: String,
    pub latest_link: Option<LinkJson>,
}

/// Hours of one kind in one school year.
#[derive(Serialize, ToSchema)]
#[schema(as = ExperienceTotal)]
pub struct TotalJson {
    /// The year the school year ends (2027 is 2026–27).
    pub school_year: i32,
    #[schema(schema_with = kinds)]
    pub kind: &'static str,
    pub verified_hours: String,
    pub unverified_hours: String,
}

/// The student's experiences and totals.
#[derive(Serialize, ToSchema)]
#[schema(as = Experiences)]
pub struct ExperiencesJson {
    /// Newest first.
    pub experiences: Vec<ExperienceJson>,
    /// By school year (newest first) and kind.
    pub totals: Vec<TotalJson>,
    /// Internships, job shadows, apprenticeships and clinicals over all years.
    pub work_based_learning_verified: String,
    pub work_based_learning_unverified: String,
}

fn hours_text(h: i32) -> String {
    Hours(u32::try_from(h).unwrap_or(0)).to_string()
}

/// The student's experiences outside the classroom.
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/experiences",
    operation_id = "getExperiences",
    summary = "The student's experiences outside the classroom with their hours, and totals by school year and kind, verified and not",
    params(StudentPath),
    responses((status = 200, description = "OK", body = ExperiencesJson))
)]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<ExperiencesJson>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let data = experiences::show(&state, &access).await?;
    Ok(Json(ExperiencesJson {
        experiences: data
            .items
            .iter()
            .map(|e| {
                let t = e.total();
                ExperienceJson {
                    id: e.row.id,
                    kind: e.kind.key(),
                    organisation: e.row.organisation.clone(),
                    supervisor_name: e.row.supervisor_name.clone(),
                    supervisor_email: e.row.supervisor_email.clone(),
                    start_on: e.row.start_on,
                    end_on: e.row.end_on,
                    reflection: e.row.reflection.clone(),
                    competencies: e
                        .row
                        .competencies
                        .split(',')
                        .filter(|c| !c.is_empty())
                        .map(str::to_owned)
                        .collect(),
                    hours: e
                        .hours
                        .iter()
                        .map(|h| HoursJson {
                            id: h.id,
                            date: h.worked_on,
                            hours: hours_text(h.hundredths),
                            note: h.note.clone(),
                            verified_by: verified_by(h.verified_by.as_deref()).map(|v| match v {
                                VerifiedBy::Supervisor => "supervisor",
                                VerifiedBy::Staff => "staff",
                            }),
                            verified_at: h.verified_at,
                        })
                        .collect(),
                    verified_hours: t.verified.to_string(),
                    unverified_hours: t.unverified.to_string(),
                    latest_link: e.link.as_ref().map(|l| LinkJson {
                        sent_to: l.sent_to.clone(),
                        channel: l.channel.clone(),
                        expires_at: l.expires_at,
                        response: l.response.clone(),
                        response_note: l.response_note.clone(),
                    }),
                }
            })
            .collect(),
        totals: data
            .totals
            .iter()
            .rev()
            .map(|((year, kind), t)| TotalJson {
                school_year: year.0,
                kind: kind.key(),
                verified_hours: t.verified.to_string(),
                unverified_hours: t.unverified.to_string(),
            })
            .collect(),
        work_based_learning_verified: data.work_based_learning.verified.to_string(),
        work_based_learning_unverified: data.work_based_learning.unverified.to_string(),
    }))
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = ExperienceInput)]
pub struct ExperienceBody {
    #[schema(required = true, schema_with = kinds)]
    pub kind: String,
    /// 1–200 characters.
    #[schema(required = true)]
    pub organisation: String,
    /// 1–200 characters.
    #[schema(required = true)]
    pub supervisor_name: String,
    /// Blank: hours are verified by staff.
    pub supervisor_email: String,
    #[schema(required = true, format = Date)]
    pub start_on: String,
    /// Blank while ongoing.
    #[schema(format = Date)]
    pub end_on: String,
    /// 0–4,000 characters.
    pub reflection: String,
    /// Competency keys, at most 12.
    pub competencies: Vec<String>,
}

/// The student adds an experience.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/experiences",
    operation_id = "addExperience",
    summary = "The student adds an experience outside the classroom",
    params(StudentPath),
    request_body = ExperienceBody,
    responses(
        (status = 201, description = "Added.", body = CreatedJson),
        (status = 403, description = "experiences_by_student_only: only the student adds experiences.", body = ErrorJson),
        (status = 422, description = "invalid_experience: kind (required, unknown_choice), organisation and supervisor_name (required, too_long), supervisor_email (invalid_email), start_on (required, invalid_date), end_on (invalid_date, end_before_start), reflection (too_long), competencies (unknown_competency, too_many).", body = RejectedJson),
    )
)]
pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<ExperienceBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let offered = ssp_app::portfolio::settings::of_district(&state, access.facts.district_id)
        .await?
        .offered();
    let raw = ExperienceRaw {
        kind: &b.kind,
        organisation: &b.organisation,
        supervisor_name: &b.supervisor_name,
        supervisor_email: &b.supervisor_email,
        start_on: &b.start_on,
        end_on: &b.end_on,
        reflection: &b.reflection,
        competencies: &b.competencies,
    };
    let id = experiences::add(&state, &access, raw.parse(&offered)).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response())
}

/// An experience of the student's.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct ExperiencePath {
    /// The student's id (UUID).
    id: Uuid,
    /// The experience's id (UUID).
    experience: Uuid,
}

/// The student changes an experience.
#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/experiences/{experience}",
    operation_id = "editExperience",
    summary = "The student changes an experience (once hours are verified, its kind, organisation and supervisor stay)",
    params(ExperiencePath),
    request_body = ExperienceBody,
    responses(
        (status = 204, description = "Saved."),
        (status = 403, description = "experiences_by_student_only.", body = ErrorJson),
        (status = 409, description = "experience_has_verified_hours: the kind, organisation or supervisor would change after hours were verified.", body = ErrorJson),
        (status = 422, description = "invalid_experience: as when adding, and start_on or end_on hours_outside_dates (logged hours would fall outside).", body = RejectedJson),
    )
)]
pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, experience)): Path<(String, String)>,
    Json(b): Json<ExperienceBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    // The district's competencies, retired ones too: a tag the experience
    // already has is kept.
    let allowed: Vec<_> = ssp_app::portfolio::settings::of_district(&state, access.facts.district_id)
        .await?
        .competencies
        .into_iter()
        .map(|c| c.key)
        .collect();
    let raw = ExperienceRaw {
        kind: &b.kind,
        organisation: &b.organisation,
        supervisor_name: &b.supervisor_name,
        supervisor_email: &b.supervisor_email,
        start_on: &b.start_on,
        end_on: &b.end_on,
        reflection: &b.reflection,
        competencies: &b.competencies,
    };
    experiences::edit(&state, &access, &experience, raw.parse(&allowed)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// An hours entry of an experience.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct HoursEntryPath {
    /// The student's id (UUID).
    id: Uuid,
    /// The experience's id (UUID).
    experience: Uuid,
    /// The hours entry's id (UUID).
    entry: Uuid,
}

/// The student removes an unverified hours entry.
#[utoipa::path(
    delete,
    path = "/api/v1/students/{id}/experiences/{experience}/hours/{entry}",
    operation_id = "removeExperienceHours",
    summary = "The student removes an hours entry not yet verified",
    params(HoursEntryPath),
    responses(
        (status = 204, description = "Removed."),
        (status = 403, description = "experiences_by_student_only.", body = ErrorJson),
        (status = 409, description = "hours_verified: verified hours stay.", body = ErrorJson),
    )
)]
pub async fn remove_hours(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, experience, entry)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    experiences::remove_hours(&state, &access, &experience, &entry).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = ExperienceHoursInput)]
pub struct HoursBody {
    #[schema(required = true, format = Date)]
    pub date: String,
    /// Decimal hours in quarter steps, more than 0 and at most 24 ("1.5").
    #[schema(required = true)]
    pub hours: String,
    /// 0–500 characters.
    pub note: String,
}

/// The student logs hours on an experience.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/experiences/{experience}/hours",
    operation_id = "logExperienceHours",
    summary = "The student logs hours for a date on an experience (within its dates, not in the future, at most 24 a day)",
    params(ExperiencePath),
    request_body = HoursBody,
    responses(
        (status = 201, description = "Logged.", body = CreatedJson),
        (status = 403, description = "experiences_by_student_only: only the student logs hours.", body = ErrorJson),
        (status = 422, description = "invalid_hours: date (required, invalid_date, outside_dates), hours (required, negative_hours, invalid_number, not_quarter_step, too_many, exceeds_day), note (too_long). Nothing is stored.", body = RejectedJson),
    )
)]
pub async fn log_hours(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, experience)): Path<(String, String)>,
    Json(b): Json<HoursBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let raw = HoursRaw {
        date: &b.date,
        hours: &b.hours,
        note: &b.note,
    };
    let id = experiences::log_hours(&state, &access, &experience, raw.parse()).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response())
}

/// A verification link made.
#[derive(Serialize, ToSchema)]
#[schema(as = HoursVerificationSent)]
pub struct SentJson {
    pub sent_to: String,
    /// True: emailed (queued in the outbox). False: `link` is to be sent by hand.
    pub emailed: bool,
    /// The link to copy, when no email server is configured.
    pub link: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    /// How many unverified entries it lists.
    pub entries: u64,
}

/// The student asks the supervisor to confirm the unverified hours.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/experiences/{experience}/verification",
    operation_id = "sendHoursVerification",
    summary = "The student sends the supervisor a single-use link (14 days) to confirm the experience's unverified hours; an earlier unused link stops working",
    params(ExperiencePath),
    responses(
        (status = 201, description = "Sent, or made to copy.", body = SentJson),
        (status = 403, description = "experiences_by_student_only: only the student sends it.", body = ErrorJson),
        (status = 409, description = "experience_has_no_supervisor_email, or no_unverified_hours.", body = ErrorJson),
    )
)]
pub async fn send_verification(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, experience)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let m = mail(&state);
    let s = experiences::send_verification(&state, &m, ctx.lang, &access, &experience).await?;
    Ok((
        StatusCode::CREATED,
        Json(SentJson {
            sent_to: s.to,
            emailed: s.emailed,
            link: s.link,
            expires_at: s.expires_at,
            entries: s.entries,
        }),
    )
        .into_response())
}

/// How many entries were verified.
#[derive(Serialize, ToSchema)]
#[schema(as = HoursVerified)]
pub struct VerifiedJson {
    pub entries: u64,
}

/// Staff verify the experience's unverified hours.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/experiences/{experience}/verify",
    operation_id = "verifyExperienceHours",
    summary = "Staff who may edit the plan verify every unverified entry of the experience",
    params(ExperiencePath),
    responses(
        (status = 200, description = "Verified.", body = VerifiedJson),
        (status = 403, description = "hours_verified_by_staff_or_supervisor: the student cannot verify their own hours.", body = ErrorJson),
        (status = 409, description = "no_unverified_hours.", body = ErrorJson),
    )
)]
pub async fn verify(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, experience)): Path<(String, String)>,
) -> Result<Json<VerifiedJson>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let entries = experiences::verify_by_staff(&state, &access, &experience).await?;
    Ok(Json(VerifiedJson { entries }))
}
