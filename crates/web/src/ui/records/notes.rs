//! Notes about a student. Each note has a sensitivity class; the list shows
//! only the classes the access module allows. A restricted class that needs
//! break-glass offers a form asking for a reason: opening it is audited and
//! the plan manager is told.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_db::repo::{notes, students};
use ssp_domain::access::{Action, Decision, RecordKind, Sensitivity};
use ssp_domain::person::PersonName;
use ssp_domain::records::{BreakGlass, NewNote, NOTE_MAX_CHARS, REASON_MIN_CHARS};

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};
use crate::ui::plan::page::display_name;
use ssp_app::StudentAccess;

struct NoteView {
    class: &'static str,
    meta: String,
    body: String,
}

/// One class an author may give a new note or interaction, with who will
/// read it. The first is [`Sensitivity::DEFAULT_FOR_NEW`] when the author
/// may write it (every staff author may), so a form starts on staff only.
pub(super) struct ClassChoice {
    pub value: &'static str,
    pub label: String,
    pub help: String,
    pub selected: bool,
}

/// The classes the actor may create, in [`Sensitivity::CHOICE_ORDER`].
pub(super) fn class_choices(access: &StudentAccess, page: &Page) -> Vec<ClassChoice> {
    let mut choices: Vec<ClassChoice> = Sensitivity::CHOICE_ORDER
        .into_iter()
        .filter(|s| access.decide(RecordKind::Note(*s), Action::Create).is_allowed())
        .map(|s| ClassChoice {
            value: s.as_str(),
            label: page.t(&class_key(s)),
            help: page.t(&format!("sensitivity-help-{}", s.as_str().replace('_', "-"))),
            selected: s == Sensitivity::DEFAULT_FOR_NEW,
        })
        .collect();
    if !choices.iter().any(|c| c.selected) {
        if let Some(first) = choices.first_mut() {
            first.selected = true;
        }
    }
    choices
}

#[derive(Template)]
#[template(path = "notes.html")]
struct NotesPage {
    page: Page,
    student_id: String,
    student_name: String,
    error: Option<String>,
    draft: String,
    writable: Vec<ClassChoice>,
    glass: Vec<(&'static str, String)>,
    notes: Vec<NoteView>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    render_notes(&state, &ctx, &access, None, None, String::new()).await
}

/// The page with the classes the actor may read, plus `opened` (a
/// restricted class just opened with a reason).
async fn render_notes(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    opened: Option<Sensitivity>,
    error: Option<String>,
    draft: String,
) -> Result<Response, AppError> {
    let mut readable: Vec<Sensitivity> = Sensitivity::ALL
        .into_iter()
        .filter(|s| access.decide(RecordKind::Note(*s), Action::View).is_allowed())
        .collect();
    let glass_classes: Vec<Sensitivity> = Sensitivity::ALL
        .into_iter()
        .filter(|s| access.decide(RecordKind::Note(*s), Action::View) == Decision::BreakGlass)
        .filter(|s| Some(*s) != opened)
        .collect();
    if readable.is_empty() && glass_classes.is_empty() && opened.is_none() {
        // Nothing here for this actor: the same answer as an unknown student.
        access
            .require(state, RecordKind::Note(Sensitivity::Shared), Action::View)
            .await?;
    }
    for s in &readable {
        let reason = match access.decide(RecordKind::Note(*s), Action::View) {
            Decision::Allow(r) => r,
            _ => continue,
        };
        access.audit_view(state, RecordKind::Note(*s), reason).await?;
    }
    readable.extend(opened);
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "notes-title");
    let counts = notes::counts(state.db(), access.student()).await?;
    let glass = glass_classes
        .iter()
        .filter_map(|s| {
            let n = counts
                .iter()
                .find(|(c, _)| c == s.as_str())
                .map(|(_, n)| *n)
                .unwrap_or(0);
            (n > 0).then(|| {
                let label = crate::i18n::t_args(
                    page.lang,
                    "break-glass-hidden",
                    &[("count", n.to_string()), ("class", page.t(&class_key(*s)))],
                );
                (s.as_str(), label)
            })
        })
        .collect();
    let writable = class_choices(access, &page);
    let notes = notes::list(state.db(), access.student(), &readable)
        .await?
        .into_iter()
        .map(|n| {
            let class = Sensitivity::parse(&n.sensitivity).unwrap_or(Sensitivity::Staff);
            let author = PersonName {
                given: n.given_name,
                family: n.family_name,
                preferred: n.preferred_name,
            }
            .display();
            NoteView {
                class: class.as_str(),
                meta: format!("{} · {author} · {}", page.when(n.created_at), page.t(&class_key(class))),
                body: n.body,
            }
        })
        .collect();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = render(&NotesPage {
        page,
        student_id: access.student().to_string(),
        student_name: display_name(&h),
        error,
        draft,
        writable,
        glass,
        notes,
    })?;
    Ok((status, html).into_response())
}

pub(super) fn class_key(s: Sensitivity) -> String {
    format!("sensitivity-{}", s.as_str().replace('_', "-"))
}

#[derive(Deserialize)]
pub struct NoteForm {
    #[serde(default)]
    body: String,
    /// None posted: [`Sensitivity::DEFAULT_FOR_NEW`], never shared.
    #[serde(default)]
    sensitivity: String,
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<NoteForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = NewNote::parse(&form.sensitivity, &form.body);
    match ssp_app::records::notes::create(&state, &access, input).await {
        Ok(_) => Ok(Redirect::to(&format!("/students/{}/notes", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let key = match r.first() {
                Some(f) if f.field == "sensitivity" => return Err(AppError::BadRequest("malformed_form")),
                Some(f) if f.code == "too_long" => "notes-error-long",
                _ => "notes-error-empty",
            };
            let msg = crate::i18n::t_args(ctx.lang, key, &[("max", NOTE_MAX_CHARS.to_string())]);
            let draft: String = form.body.chars().take(NOTE_MAX_CHARS).collect();
            render_notes(&state, &ctx, &access, None, Some(msg), draft).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct BreakGlassForm {
    sensitivity: String,
    #[serde(default)]
    reason: String,
}

pub async fn break_glass(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<BreakGlassForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = BreakGlass::parse(&form.sensitivity, &form.reason);
    match ssp_app::records::notes::break_glass(&state, &access, input).await {
        Ok(opened) => render_notes(&state, &ctx, &access, Some(opened), None, String::new()).await,
        Err(ssp_app::Error::Rejected(r)) if r.first().is_some_and(|f| f.field == "reason") => {
            let msg = crate::i18n::t_args(ctx.lang, "break-glass-error", &[("min", REASON_MIN_CHARS.to_string())]);
            render_notes(&state, &ctx, &access, None, Some(msg), String::new()).await
        }
        Err(ssp_app::Error::Rejected(_)) => Err(AppError::BadRequest("malformed_form")),
        Err(e) => Err(e.into()),
    }
}
