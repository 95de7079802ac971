//! A student's needs: the classes the reader may see, a form to record one
//! (only the kinds whose class the reader may write), each need's status and
//! "what is being done", and break-glass for a restricted class (a reason,
//! audited, the plan manager told), as for notes.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Form, Router};
use serde::Deserialize;
use ssp_app::support::needs as cases;
use ssp_app::StudentAccess;
use ssp_db::repo::students;
use ssp_domain::access::{Action, RecordKind, Sensitivity};
use ssp_domain::input::Rejected;
use ssp_domain::person::PersonName;
use ssp_domain::records::{BreakGlass, REASON_MIN_CHARS};
use ssp_domain::support::need::{NeedChange, NeedKind, NeedStatus, NewNeed};
use ssp_domain::Language;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Draft, Page};
use crate::ui::plan::page::display_name;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/students/{id}/needs", axum::routing::get(show).post(create))
        .route("/students/{id}/needs/break-glass", post(break_glass))
        .route("/students/{id}/needs/{need}", post(change))
}

struct NeedView {
    id: String,
    kind: String,
    class: &'static str,
    class_label: String,
    status: String,
    closed: bool,
    description: String,
    doing: String,
    meta: String,
    editable: bool,
    /// The statuses it may move to, with their labels.
    moves: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "needs.html")]
struct NeedsPage {
    page: Page,
    student_id: String,
    student_name: String,
    error: Option<String>,
    error_for: String,
    draft: Draft,
    kinds: Vec<(&'static str, String)>,
    sources: Vec<(&'static str, String)>,
    glass: Vec<(&'static str, String)>,
    needs: Vec<NeedView>,
}

#[derive(Default)]
struct Outcome {
    opened: Option<Sensitivity>,
    error: Option<String>,
    error_for: String,
    draft: Draft,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    render_page(&state, &ctx, &access, Outcome::default()).await
}

fn label(page: &Page, prefix: &str, key: &str) -> String {
    page.t(&format!("{prefix}-{}", key.replace('_', "-")))
}

async fn render_page(state: &AppState, ctx: &Ctx, access: &StudentAccess, o: Outcome) -> Result<Response, AppError> {
    let rows = cases::list(state, access, o.opened).await?;
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "needs-title");
    let counts = cases::counts(state, access).await?;
    let glass = cases::behind_glass(access)
        .into_iter()
        .filter(|s| Some(*s) != o.opened)
        .filter_map(|s| {
            let n = counts.iter().find(|(c, _)| *c == s).map_or(0, |(_, n)| *n);
            (n > 0).then(|| {
                let text = page.t_args(
                    "needs-hidden",
                    &[
                        ("count", n.to_string()),
                        ("class", label(&page, "sensitivity", s.as_str())),
                    ],
                );
                (s.as_str(), text)
            })
        })
        .collect();
    let kinds = NeedKind::ALL
        .iter()
        .filter(|k| {
            access
                .decide(RecordKind::Support(k.sensitivity()), Action::Create)
                .is_allowed()
        })
        .map(|k| (k.key(), label(&page, "need-kind", k.key())))
        .collect();
    let sources = ["team", "student_profile"]
        .into_iter()
        .map(|s| (s, label(&page, "need-source", s)))
        .collect();
    let needs = rows
        .into_iter()
        .map(|n| {
            let class = Sensitivity::parse(&n.sensitivity).unwrap_or(Sensitivity::Staff);
            let status = NeedStatus::parse(&n.status).unwrap_or(NeedStatus::Identified);
            let by = PersonName {
                given: n.given_name,
                family: n.family_name,
                preferred: n.preferred_name,
            }
            .display();
            NeedView {
                id: n.id.to_string(),
                kind: label(&page, "need-kind", &n.kind),
                class: class.as_str(),
                class_label: label(&page, "sensitivity", class.as_str()),
                status: label(&page, "need-status", status.key()),
                closed: status.is_closed(),
                description: n.description,
                doing: n.what_is_being_done,
                meta: format!(
                    "{} · {by} · {}",
                    page.when(n.created_at),
                    label(&page, "need-source", &n.source)
                ),
                editable: access.decide(RecordKind::Support(class), Action::Edit).is_allowed(),
                moves: NeedStatus::ALL
                    .iter()
                    .filter(|to| status.transition(**to).is_ok())
                    .map(|to| (to.key(), label(&page, "need-status", to.key())))
                    .collect(),
            }
        })
        .collect();
    let code = if o.error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = render(&NeedsPage {
        page,
        student_id: access.student().to_string(),
        student_name: display_name(&h),
        error: o.error,
        error_for: o.error_for,
        draft: o.draft,
        kinds,
        sources,
        glass,
        needs,
    })?;
    Ok((code, html).into_response())
}

/// "Description: required. …" — each refused field with its reason.
pub(super) fn rejected_message(lang: Language, r: &Rejected) -> String {
    r.fields
        .iter()
        .map(|f| {
            let field = f.field.replace('_', "-");
            let code = f.code.replace('_', "-");
            let specific = format!("sn-problem-{field}-{code}");
            let problem = if crate::i18n::has(lang, &specific) {
                crate::i18n::t(lang, &specific)
            } else {
                crate::i18n::t(lang, &format!("sn-problem-{code}"))
            };
            format!("{}: {problem}", crate::i18n::t(lang, &format!("sn-field-{field}")))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn back(access: &StudentAccess, anchor: &str) -> Response {
    Redirect::to(&format!("/students/{}/needs#{anchor}", access.student())).into_response()
}

#[derive(Deserialize)]
pub struct NeedForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    what_is_being_done: String,
    #[serde(default)]
    source: String,
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<NeedForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let source = if f.source.trim().is_empty() { "team" } else { &f.source };
    let input = NewNeed::parse(&f.kind, &f.description, &f.what_is_being_done, source);
    match cases::record(&state, &access, input).await {
        Ok(need) => Ok(back(&access, &format!("need-{need}"))),
        Err(ssp_app::Error::Rejected(r)) => {
            let o = Outcome {
                error: Some(rejected_message(ctx.lang, &r)),
                draft: Draft::new(
                    "need",
                    vec![
                        ("kind", f.kind),
                        ("description", f.description),
                        ("what_is_being_done", f.what_is_being_done),
                        ("source", f.source),
                    ],
                ),
                ..Outcome::default()
            };
            render_page(&state, &ctx, &access, o).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    what_is_being_done: String,
}

pub async fn change(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, need)): Path<(String, String)>,
    Form(f): Form<ChangeForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = NeedChange::parse(&f.status, &f.what_is_being_done);
    let error = match cases::change(&state, &access, &need, input).await {
        Ok(()) => return Ok(back(&access, &format!("need-{need}"))),
        Err(ssp_app::Error::Rejected(r)) => rejected_message(ctx.lang, &r),
        Err(ssp_app::Error::Conflict(code)) => crate::error::error_message(ctx.lang, code),
        Err(e) => return Err(e.into()),
    };
    let o = Outcome {
        error: Some(error),
        error_for: need,
        draft: Draft::new("change", vec![("what_is_being_done", f.what_is_being_done)]),
        ..Outcome::default()
    };
    render_page(&state, &ctx, &access, o).await
}

#[derive(Deserialize)]
pub struct BreakGlassForm {
    #[serde(default)]
    sensitivity: String,
    #[serde(default)]
    reason: String,
}

pub async fn break_glass(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<BreakGlassForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = BreakGlass::parse(&f.sensitivity, &f.reason);
    match cases::break_glass(&state, &access, input).await {
        Ok(opened) => {
            let o = Outcome {
                opened: Some(opened),
                ..Outcome::default()
            };
            render_page(&state, &ctx, &access, o).await
        }
        Err(ssp_app::Error::Rejected(r)) if r.first().is_some_and(|f| f.field == "reason") => {
            let msg = crate::i18n::t_args(ctx.lang, "break-glass-error", &[("min", REASON_MIN_CHARS.to_string())]);
            let o = Outcome {
                error: Some(msg),
                ..Outcome::default()
            };
            render_page(&state, &ctx, &access, o).await
        }
        Err(ssp_app::Error::Rejected(_)) => Err(AppError::BadRequest("malformed_form")),
        Err(e) => Err(e.into()),
    }
}
