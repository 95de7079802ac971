//! JSON handlers for the records beside the plan: notes by class (a
//! restricted class only through break-glass with a reason, as on the
//! page: opening it answers its notes, once), interactions and their
//! follow-ups. Each write calls the same use case as the page.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_db::repo::{interactions, notes};
use ssp_domain::access::{Action, RecordKind, Sensitivity};
use ssp_domain::input::{self, Rejected};
use ssp_domain::person::PersonName;
use ssp_domain::records::{BreakGlass, InteractionFields, NewInteraction, NewNote};
use time::{Date, OffsetDateTime};
use utoipa::openapi::schema::Schema;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::api::openapi::RejectedJson;
use crate::api::openapi::{one_of, StudentPath};
use crate::api::plan::interaction_kinds;
use crate::api::team::{access_of, CreatedJson};
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use ssp_app::records::notes as note_cases;
use ssp_app::StudentAccess;

fn classes() -> Schema {
    one_of(Sensitivity::ALL.map(|s| s.as_str()))
}

fn new_classes() -> Schema {
    one_of(std::iter::once("").chain(Sensitivity::ALL.map(|s| s.as_str())))
}

/// A follow-up of the student.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct FollowUpPath {
    /// The student's id (UUID).
    id: Uuid,
    /// The follow-up's id (UUID).
    follow_up: Uuid,
}

#[derive(Serialize, ToSchema)]
pub struct NoteJson {
    pub id: Uuid,
    #[schema(schema_with = classes)]
    pub sensitivity: String,
    pub body: String,
    pub author: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

async fn notes_of(
    state: &AppState,
    access: &StudentAccess,
    classes: &[Sensitivity],
) -> Result<Vec<NoteJson>, AppError> {
    let rows = notes::list(state.db(), access.student(), classes).await?;
    Ok(rows
        .into_iter()
        .map(|n| NoteJson {
            id: n.id,
            sensitivity: n.sensitivity,
            body: n.body,
            author: PersonName {
                given: n.given_name,
                family: n.family_name,
                preferred: n.preferred_name,
            }
            .display(),
            created_at: n.created_at,
        })
        .collect())
}

#[derive(Deserialize, Default, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default, deny_unknown_fields)]
pub struct NotesQuery {
    /// One class (shared, staff, restricted_health, restricted_social); none: every class the caller may read without a reason.
    pub class: Option<String>,
}

/// The student's notes, newest first: of one class, or of every class the
/// caller may read without a reason. A class that needs break-glass is
/// not found here (POST `notes/break-glass` opens it with a reason).
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/notes",
    operation_id = "listNotes",
    summary = "The student's notes, newest first, of one class or of every class readable without a reason (a class that needs break-glass answers 404 here)",
    params(StudentPath, NotesQuery),
    responses(
        (status = 200, description = "OK", body = Vec<NoteJson>),
        (status = 422, description = "invalid_class: class (unknown_choice).", body = RejectedJson),
    )
)]
pub async fn list_notes(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<NotesQuery>,
) -> Result<Json<Vec<NoteJson>>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    note_cases::require_some_class(&state, &access).await?;
    let classes = match q.class.as_deref() {
        None => note_cases::readable(&access),
        Some(raw) => {
            let choices = Sensitivity::ALL.map(|s| (s.as_str(), s));
            let class = input::choice("class", raw, &choices)
                .map_err(|e| AppError::Rejected(Rejected::new("invalid_class", vec![e])))?;
            vec![class]
        }
    };
    for s in &classes {
        access.require(&state, RecordKind::Note(*s), Action::View).await?;
    }
    Ok(Json(notes_of(&state, &access, &classes).await?))
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct NoteBody {
    /// Blank: staff only.
    #[schema(schema_with = new_classes)]
    pub sensitivity: String,
    /// 1–4000 characters.
    #[schema(required = true)]
    pub body: String,
}

/// A new note in a class the caller may write.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/notes",
    operation_id = "createNote",
    summary = "Write a note in a class the caller may write",
    params(StudentPath),
    request_body = NoteBody,
    responses(
        (status = 201, description = "Created.", body = CreatedJson),
        (status = 422, description = "invalid_note: sensitivity (unknown_choice), body (required, too_long).", body = RejectedJson),
    )
)]
pub async fn create_note(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(body): Json<NoteBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let input = NewNote::parse(&body.sensitivity, &body.body);
    let id = note_cases::create(&state, &access, input).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response())
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct BreakGlassBody {
    #[schema(required = true, schema_with = classes)]
    pub sensitivity: String,
    /// 10–500 characters, kept in the audit log and sent to the plan manager.
    #[schema(required = true)]
    pub reason: String,
}

/// Opens a restricted class with a reason (audited; the plan manager is
/// told) and answers its notes.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/notes/break-glass",
    operation_id = "breakGlass",
    summary = "Open a restricted class of notes with a reason (audited; the plan manager is told); answers its notes",
    params(StudentPath),
    request_body = BreakGlassBody,
    responses(
        (status = 200, description = "The class's notes, newest first.", body = Vec<NoteJson>),
        (status = 422, description = "invalid_break_glass: sensitivity (required, unknown_choice), reason (required, too_short, too_long).", body = RejectedJson),
    )
)]
pub async fn break_glass(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(body): Json<BreakGlassBody>,
) -> Result<Json<Vec<NoteJson>>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let input = BreakGlass::parse(&body.sensitivity, &body.reason);
    let opened = note_cases::break_glass(&state, &access, input).await?;
    Ok(Json(notes_of(&state, &access, &[opened]).await?))
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct InteractionBody {
    /// Blank: staff only.
    #[schema(schema_with = new_classes)]
    pub sensitivity: String,
    #[schema(required = true, schema_with = interaction_kinds)]
    pub kind: String,
    /// Blank: today; never a later day.
    #[schema(format = Date)]
    pub occurred_on: String,
    pub participants: String,
    pub family_present: bool,
    /// 1–4000 characters.
    #[schema(required = true)]
    pub notes: String,
    /// A follow-up task (blank: none), its owner (a team member's person id)
    /// and due date.
    pub follow_up: String,
    #[schema(format = Uuid)]
    pub follow_up_owner: String,
    #[schema(format = Date)]
    pub follow_up_due: String,
}

/// Logs an interaction, with a follow-up when one is given.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/interactions",
    operation_id = "createInteraction",
    summary = "Log an interaction (staff only), with a follow-up task when one is given",
    params(StudentPath),
    request_body = InteractionBody,
    responses(
        (status = 201, description = "Created.", body = CreatedJson),
        (status = 403, description = "interactions_by_staff_only: the student cannot log one.", body = super::openapi::ErrorJson),
        (status = 422, description = "invalid_interaction: sensitivity, kind (required, unknown_choice), occurred_on (invalid_date, in_future), notes (required, too_long), participants and follow_up (too_long), follow_up_due (invalid_date), follow_up_owner (invalid, not_on_team).", body = RejectedJson),
    )
)]
pub async fn create_interaction(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<InteractionBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let fields = InteractionFields {
        sensitivity: &b.sensitivity,
        kind: &b.kind,
        occurred_on: &b.occurred_on,
        participants: &b.participants,
        family_present: b.family_present,
        notes: &b.notes,
        follow_up: &b.follow_up,
        follow_up_owner: &b.follow_up_owner,
        follow_up_due: &b.follow_up_due,
    };
    let input = NewInteraction::parse(&fields, state.now().date());
    let id = ssp_app::records::interactions::create(&state, &access, input).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response())
}

#[derive(Serialize, ToSchema)]
pub struct FollowUpJson {
    pub id: Uuid,
    pub interaction_id: Uuid,
    pub description: String,
    pub owner: Option<String>,
    pub due_on: Option<Date>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub done_at: Option<OffsetDateTime>,
}

/// The student's follow-up tasks (staff who may read staff notes).
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/follow-ups",
    operation_id = "listFollowUps",
    summary = "The student's follow-up tasks, by due date (staff who may read staff notes)",
    params(StudentPath),
    responses((status = 200, description = "OK", body = Vec<FollowUpJson>))
)]
pub async fn follow_ups(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<FollowUpJson>>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    access
        .require(&state, RecordKind::Note(Sensitivity::Staff), Action::View)
        .await?;
    let rows = interactions::follow_ups(state.db(), access.student()).await?;
    Ok(Json(
        rows.into_iter()
            .map(|f| FollowUpJson {
                id: f.id,
                interaction_id: f.interaction_id,
                description: f.description,
                owner: match (f.owner_given, f.owner_family) {
                    (Some(g), Some(fam)) => Some(format!("{g} {fam}")),
                    _ => None,
                },
                due_on: f.due_on,
                done_at: f.done_at,
            })
            .collect(),
    ))
}

/// Marks a follow-up done.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/follow-ups/{follow_up}/done",
    operation_id = "completeFollowUp",
    summary = "Mark a follow-up done",
    params(FollowUpPath),
    responses((status = 204, description = "Done."))
)]
pub async fn follow_up_done(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, follow_up)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    ssp_app::records::interactions::follow_up_done(&state, &access, &follow_up).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
