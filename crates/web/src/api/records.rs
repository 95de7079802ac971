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
use uuid::Uuid;

use crate::api::team::{access_of, CreatedJson};
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use ssp_app::records::notes as note_cases;
use ssp_app::StudentAccess;

#[derive(Serialize)]
pub struct NoteJson {
    pub id: Uuid,
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

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct NotesQuery {
    /// One class; none: every class the caller may read without a reason.
    pub class: Option<String>,
}

/// The student's notes, newest first: of one class, or of every class the
/// caller may read without a reason. A class that needs break-glass is
/// not found here (POST `notes/break-glass` opens it with a reason).
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

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct NoteBody {
    /// Blank: staff only.
    pub sensitivity: String,
    pub body: String,
}

/// A new note in a class the caller may write.
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

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct BreakGlassBody {
    pub sensitivity: String,
    /// 10–500 characters, kept in the audit log and sent to the plan manager.
    pub reason: String,
}

/// Opens a restricted class with a reason (audited; the plan manager is
/// told) and answers its notes.
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

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct InteractionBody {
    /// Blank: staff only.
    pub sensitivity: String,
    pub kind: String,
    /// Blank: today.
    pub occurred_on: String,
    pub participants: String,
    pub family_present: bool,
    pub notes: String,
    /// A follow-up task (blank: none), its owner (a team member's person id)
    /// and due date.
    pub follow_up: String,
    pub follow_up_owner: String,
    pub follow_up_due: String,
}

/// Logs an interaction, with a follow-up when one is given.
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

#[derive(Serialize)]
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
pub async fn follow_up_done(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, follow_up)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    ssp_app::records::interactions::follow_up_done(&state, &access, &follow_up).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
