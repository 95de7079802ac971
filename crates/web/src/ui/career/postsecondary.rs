//! The postsecondary plan (grades 9–12): the paths the student intends,
//! programs or institutions with their status, key steps with due dates,
//! and the team's comments. Guardians read it; the student writes it.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_app::career::postsecondary::{self, FIRST_GRADE};
use ssp_app::StudentAccess;
use ssp_db::repo::students;
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::career::input::{IntendedPaths, NewProgram, NewStep, PlanComment};
use ssp_domain::career::postsecondary::{PostsecondaryPath, ProgramStatus};
use ssp_domain::person::PersonName;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Draft, Page};
use crate::ui::plan::page::display_name;

struct Program {
    id: String,
    name: String,
    path: String,
    status: &'static str,
    status_label: String,
    note: String,
}

struct Step {
    key: String,
    title: String,
    due: String,
    done: bool,
    overdue: bool,
}

struct Comment {
    meta: String,
    body: String,
}

#[derive(Template)]
#[template(path = "postsecondary.html")]
struct PostsecondaryPage {
    page: Page,
    student_id: String,
    student_name: String,
    is_self: bool,
    too_early: bool,
    can_comment: bool,
    paths: Vec<(&'static str, String, bool)>,
    chosen: Vec<String>,
    programs: Vec<Program>,
    statuses: Vec<(&'static str, String)>,
    steps: Vec<Step>,
    comments: Vec<Comment>,
    error: Option<String>,
    draft: Draft,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    render_page(&state, &ctx, &access, None, Draft::default()).await
}

async fn render_page(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    error: Option<String>,
    draft: Draft,
) -> Result<Response, AppError> {
    let plan = postsecondary::show(state, access).await?;
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "postsecondary-title");
    let today = state.now().date();
    let staff_editor = !access.is_self() && access.decide(RecordKind::Plan, Action::Edit).is_allowed();
    let html = render(&PostsecondaryPage {
        student_id: access.student().to_string(),
        student_name: display_name(&h),
        is_self: access.is_self() && plan.grade >= FIRST_GRADE,
        too_early: plan.grade < FIRST_GRADE,
        can_comment: staff_editor,
        paths: PostsecondaryPath::ALL
            .iter()
            .map(|p| {
                (
                    p.key(),
                    page.t(&format!("postsec-path-{}", p.key())),
                    plan.paths.0.contains(p),
                )
            })
            .collect(),
        chosen: plan
            .paths
            .0
            .iter()
            .map(|p| page.t(&format!("postsec-path-{}", p.key())))
            .collect(),
        programs: plan
            .programs
            .into_iter()
            .map(|p| {
                let status = ProgramStatus::parse(&p.status).map_or("researching", |s| s.key());
                Program {
                    id: p.id.to_string(),
                    path: page.t(&format!("postsec-path-{}", p.path)),
                    status_label: page.t(&format!("postsec-status-{status}")),
                    status,
                    name: p.name,
                    note: p.note,
                }
            })
            .collect(),
        statuses: ProgramStatus::ALL
            .iter()
            .map(|s| (s.key(), page.t(&format!("postsec-status-{}", s.key()))))
            .collect(),
        steps: plan
            .steps
            .into_iter()
            .map(|s| Step {
                key: s
                    .key
                    .map_or_else(|| s.id.map(|i| i.to_string()).unwrap_or_default(), str::to_owned),
                title: match s.key {
                    Some(k) => page.t(&format!("postsec-step-{k}")),
                    None => s.title,
                },
                due: page.date(s.due_on),
                done: s.done_on.is_some(),
                overdue: s.done_on.is_none() && s.due_on < today,
            })
            .collect(),
        comments: plan
            .comments
            .into_iter()
            .map(|c| Comment {
                meta: format!(
                    "{} · {}",
                    PersonName {
                        given: c.given_name,
                        family: c.family_name,
                        preferred: c.preferred_name,
                    }
                    .display(),
                    page.when(c.created_at)
                ),
                body: c.body,
            })
            .collect(),
        error: error.clone(),
        draft,
        page,
    })?;
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, html).into_response())
}

fn back(access: &StudentAccess, anchor: &str) -> Response {
    Redirect::to(&format!("/students/{}/postsecondary#{anchor}", access.student())).into_response()
}

async fn refused(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    key: &str,
    draft: Draft,
) -> Result<Response, AppError> {
    render_page(state, ctx, access, Some(crate::i18n::t(ctx.lang, key)), draft).await
}

pub async fn set_paths(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let raw: Vec<String> = form.into_iter().filter(|(k, _)| k == "path").map(|(_, v)| v).collect();
    match postsecondary::set_paths(&state, &access, IntendedPaths::parse(&raw)).await {
        Ok(()) => Ok(back(&access, "paths")),
        Err(ssp_app::Error::Rejected(_)) => {
            refused(&state, &ctx, &access, "postsec-error-paths", Draft::default()).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct ProgramForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    path: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    note: String,
}

pub async fn add_program(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<ProgramForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    match postsecondary::add_program(&state, &access, NewProgram::parse(&f.name, &f.path, &f.status, &f.note)).await {
        Ok(_) => Ok(back(&access, "programs")),
        Err(ssp_app::Error::Rejected(_)) => {
            let draft = Draft::new(
                "program",
                vec![
                    ("name", f.name),
                    ("path", f.path),
                    ("status", f.status),
                    ("note", f.note),
                ],
            );
            refused(&state, &ctx, &access, "postsec-error-program", draft).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
}

pub async fn set_program_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, program)): Path<(String, String)>,
    Form(f): Form<StatusForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    postsecondary::set_program_status(&state, &access, &program, &f.status).await?;
    Ok(back(&access, "programs"))
}

#[derive(Deserialize)]
pub struct StepForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    due_on: String,
}

pub async fn add_step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<StepForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    match postsecondary::add_step(&state, &access, NewStep::parse(&f.title, &f.due_on)).await {
        Ok(_) => Ok(back(&access, "steps")),
        Err(ssp_app::Error::Rejected(_)) => {
            let draft = Draft::new("step", vec![("title", f.title), ("due_on", f.due_on)]);
            refused(&state, &ctx, &access, "postsec-error-step", draft).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct DoneForm {
    #[serde(default)]
    done: String,
}

pub async fn set_step_done(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, step)): Path<(String, String)>,
    Form(f): Form<DoneForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    postsecondary::set_step_done(&state, &access, &step, f.done != "no").await?;
    Ok(back(&access, "steps"))
}

#[derive(Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    body: String,
}

pub async fn comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<CommentForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    match postsecondary::comment(&state, &access, PlanComment::parse(&f.body)).await {
        Ok(_) => Ok(back(&access, "comments")),
        Err(ssp_app::Error::Rejected(_)) => {
            let draft = Draft::new("comment", vec![("body", f.body)]);
            refused(&state, &ctx, &access, "postsec-error-comment", draft).await
        }
        Err(e) => Err(e.into()),
    }
}
