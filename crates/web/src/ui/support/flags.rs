//! `/students/{id}/flags`: each flag with its rule in words, the numbers
//! behind it, the data's as-of date (marked when stale), its owner and next
//! step (overdue marked) and its history; staff who may work the student's
//! support records acknowledge, start work, set a next step (a date is
//! required), reassign and resolve with a note. `/flags`: the signed-in
//! staff member's open flags, overdue first.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_app::support::flags::{self, Move};
use ssp_app::StudentAccess;
use ssp_db::repo::students;
use ssp_db::repo::support::flags as flags_repo;
use ssp_domain::support::flag::{FlagStatus, NextStep, ResolutionNote};
use ssp_domain::Language;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};
use crate::ui::plan::page::display_name;

struct FlagView {
    id: String,
    kind: String,
    status_key: &'static str,
    status: String,
    rule: String,
    numbers: String,
    /// "Data as of … (source: …)".
    as_of: String,
    stale: bool,
    error: Option<String>,
    owner: String,
    basis: String,
    next_step: String,
    due: String,
    overdue: bool,
    active: bool,
    can_acknowledge: bool,
    can_start: bool,
    can_resolve: bool,
    resolved_note: Option<String>,
    /// (when, who, what)
    history: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "flags.html")]
struct FlagsPage {
    page: Page,
    student_id: String,
    student_name: String,
    flags: Vec<FlagView>,
    /// (person id, "name — role")
    staff: Vec<(String, String)>,
}

fn kind_name(lang: Language, key: &str) -> String {
    crate::i18n::t(lang, &format!("support-kind-{}", key.replace('_', "-")))
}

fn basis_text(lang: Language, basis: &str) -> String {
    match basis.split_once(':') {
        Some((b, role)) => crate::i18n::t_args(
            lang,
            &format!("support-basis-{b}"),
            &[(
                "role",
                crate::i18n::t(lang, &format!("role-{}", role.replace('_', "-"))),
            )],
        ),
        None => crate::i18n::t(lang, &format!("support-basis-{}", basis.replace('_', "-"))),
    }
}

async fn render_page(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    error: Option<(String, String)>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(state, &ctx.actor()?, id).await?;
    let list = flags::of_student(state, &access).await?;
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "support-flags-title");
    let lang = page.lang;
    let views = list
        .into_iter()
        .map(|f| {
            let (rule, numbers) =
                super::early_warning::rule_and_numbers(lang, &f.row.rule, &f.row.kind, &f.row.evidence);
            let history = f
                .history
                .iter()
                .map(|e| {
                    let who = e.actor_name.clone().unwrap_or_else(|| page.t("support-system"));
                    let what = page.t(&format!("support-event-{}", e.event.replace('_', "-")));
                    (page.when(e.at), who, what)
                })
                .collect();
            FlagView {
                id: f.row.id.to_string(),
                kind: kind_name(lang, &f.row.kind),
                status_key: f.status.key(),
                status: page.t(&format!("support-status-{}", f.status.key().replace('_', "-"))),
                rule,
                numbers,
                as_of: page.t_args(
                    "support-as-of",
                    &[("date", page.date(f.row.as_of)), ("source", f.row.source.clone())],
                ),
                error: error
                    .as_ref()
                    .filter(|(id, _)| *id == f.row.id.to_string())
                    .map(|(_, m)| m.clone()),
                stale: f.row.stale,
                owner: f.owner_name.clone(),
                basis: basis_text(lang, &f.row.owner_basis),
                next_step: if f.row.next_step.is_empty() {
                    page.t("support-next-step-default")
                } else {
                    f.row.next_step.clone()
                },
                due: page.date(f.row.next_step_due),
                overdue: f.overdue,
                active: f.status.is_active(),
                can_acknowledge: f.status == FlagStatus::Open,
                can_start: matches!(f.status, FlagStatus::Open | FlagStatus::Acknowledged),
                can_resolve: matches!(f.status, FlagStatus::Acknowledged | FlagStatus::InProgress),
                resolved_note: f.row.resolved_note.clone(),
                history,
            }
        })
        .collect();
    let staff = flags_repo::staff_at_school(state.db(), access.student())
        .await?
        .into_iter()
        .map(|(p, name, role)| {
            let role = crate::i18n::t(lang, &format!("role-{}", role.replace('_', "-")));
            (p.to_string(), format!("{name} — {role}"))
        })
        .collect();
    let mut res = render(&FlagsPage {
        page,
        student_id: id.to_owned(),
        student_name: display_name(&h),
        flags: views,
        staff,
    })?;
    *res.status_mut() = status;
    Ok(res)
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    render_page(&state, &ctx, &id, None, StatusCode::OK).await
}

/// Runs a move and answers: back to the page, or the page with the
/// refusal's words beside the flag.
async fn run(state: &AppState, ctx: &Ctx, id: &str, flag: &str, m: Move) -> Result<Response, AppError> {
    let access = StudentAccess::load(state, &ctx.actor()?, id).await?;
    let lang = ctx.lang;
    let refusal = match flags::act(state, &access, flag, m).await {
        Ok(()) => return Ok(Redirect::to(&format!("/students/{id}/flags#flag-{flag}")).into_response()),
        Err(ssp_app::Error::Rejected(r)) => r
            .fields
            .iter()
            .map(|f| crate::i18n::t(lang, &format!("support-code-{}", f.code.replace('_', "-"))))
            .collect::<Vec<_>>()
            .join(" "),
        Err(ssp_app::Error::Conflict(code)) => crate::i18n::t(lang, &format!("error-{}", code.replace('_', "-"))),
        Err(e) => return Err(e.into()),
    };
    render_page(
        state,
        ctx,
        id,
        Some((flag.to_owned(), refusal)),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

pub async fn acknowledge(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, flag)): Path<(String, String)>,
) -> Result<Response, AppError> {
    run(&state, &ctx, &id, &flag, Move::Acknowledge).await
}

pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, flag)): Path<(String, String)>,
) -> Result<Response, AppError> {
    run(&state, &ctx, &id, &flag, Move::StartWork).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NoteForm {
    note: String,
}

pub async fn resolve(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, flag)): Path<(String, String)>,
    Form(f): Form<NoteForm>,
) -> Result<Response, AppError> {
    run(&state, &ctx, &id, &flag, Move::Resolve(ResolutionNote::parse(&f.note))).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NextStepForm {
    text: String,
    due_on: String,
}

pub async fn next_step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, flag)): Path<(String, String)>,
    Form(f): Form<NextStepForm>,
) -> Result<Response, AppError> {
    let today = state.now().date();
    run(
        &state,
        &ctx,
        &id,
        &flag,
        Move::NextStep(NextStep::parse(&f.text, &f.due_on, today)),
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReassignForm {
    owner: String,
}

pub async fn reassign(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, flag)): Path<(String, String)>,
    Form(f): Form<ReassignForm>,
) -> Result<Response, AppError> {
    run(&state, &ctx, &id, &flag, Move::Reassign(f.owner)).await
}

struct MineLine {
    student_id: String,
    flag_id: String,
    student: String,
    kind: String,
    status: String,
    next_step: String,
    due: String,
    overdue: bool,
    stale: bool,
}

#[derive(Template)]
#[template(path = "my_flags.html")]
struct MinePage {
    page: Page,
    lines: Vec<MineLine>,
}

pub async fn mine(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let list = flags::mine(&state, &actor).await?;
    let page = Page::new(&ctx, "support-mine-title");
    let lines = list
        .into_iter()
        .map(|l| MineLine {
            student_id: l.flag.student_id.to_string(),
            flag_id: l.flag.id.to_string(),
            student: l.flag.student_name.clone(),
            kind: kind_name(page.lang, l.kind.key()),
            status: page.t(&format!("support-status-{}", l.status.key().replace('_', "-"))),
            next_step: if l.flag.next_step.is_empty() {
                page.t("support-next-step-default")
            } else {
                l.flag.next_step.clone()
            },
            due: page.date(l.flag.next_step_due),
            overdue: l.overdue,
            stale: l.flag.stale,
        })
        .collect();
    render(&MinePage { page, lines })
}
