//! Correcting what one wrote: the author of a check-in, or the student who
//! wrote a reflection, may change or delete it within the correction window
//! (`ssp_domain::plan::correction`). The old value is kept and the change
//! audited by the write services in `plan_write.rs`.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use ssp_db::repo::plan::{self, CheckInRow, GoalRow, ReflectionRow};
use ssp_db::repo::students;
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::plan::correction::{may_correct, CORRECTION_WINDOW};
use ssp_domain::plan::reflection::{NewReflection, Prompt, REFLECTION_MAX_CHARS};
use ssp_domain::plan::MeasureKind;
use ssp_domain::PersonId;

use crate::ui::plan::actions::{reflection_message_key, ReflectionForm};

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Draft, Page};
use crate::ui::plan::goals::{check_in_problem_message, load_goal, value_as_typed, CheckInForm};
use crate::ui::plan::page::display_name;
use ssp_app::StudentAccess;

#[derive(Template)]
#[template(path = "check_in_edit.html")]
struct CheckInEditPage {
    page: Page,
    student_id: String,
    student_name: String,
    g: GoalRow,
    check_in_id: String,
    value_label: String,
    reflection_label: String,
    window_note: String,
    error: Option<String>,
    draft: Draft,
}

#[derive(Template)]
#[template(path = "reflection_edit.html")]
struct ReflectionEditPage {
    page: Page,
    student_id: String,
    reflection_id: String,
    prompts: Vec<(&'static str, String)>,
    window_note: String,
    can_delete: bool,
    error: Option<String>,
    draft: Draft,
}

fn parse_id(raw: &str) -> Result<uuid::Uuid, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

/// The check-in, if the actor may still correct it (else the page is not
/// there for them: 404).
async fn correctable_check_in(
    state: &AppState,
    access: &StudentAccess,
    g: &GoalRow,
    raw: &str,
) -> Result<CheckInRow, AppError> {
    let c = plan::check_in(state.db(), g.id, parse_id(raw)?)
        .await?
        .ok_or(AppError::NotFound)?;
    if !may_correct(PersonId(c.author_id), access.actor, c.created_at, state.now()) {
        return Err(AppError::Forbidden("correction_not_allowed"));
    }
    Ok(c)
}

/// The student (through the access module), the goal and the check-in the
/// actor may still correct, for each of the three check-in routes.
async fn check_in_to_correct(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    goal: &str,
    check_in: &str,
) -> Result<(StudentAccess, GoalRow, CheckInRow), AppError> {
    let access = StudentAccess::load(state, &ctx.actor()?, id).await?;
    access.require(state, RecordKind::Plan, Action::Create).await?;
    let g = load_goal(state, &access, goal).await?;
    let c = correctable_check_in(state, &access, &g, check_in).await?;
    Ok((access, g, c))
}

fn window_note(page: &Page) -> String {
    page.t1("correction-window", "days", CORRECTION_WINDOW.whole_days())
}

async fn check_in_page(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    g: GoalRow,
    check_in: uuid::Uuid,
    error: Option<String>,
    draft: Draft,
) -> Result<Response, AppError> {
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "correction-check-in-title");
    let measure = MeasureKind::parse(&g.measure_kind).unwrap_or(MeasureKind::Count);
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = render(&CheckInEditPage {
        student_id: access.student().to_string(),
        student_name: display_name(&h),
        check_in_id: check_in.to_string(),
        value_label: page.t(&format!("checkin-value-{}", measure.as_str().replace('_', "-"))),
        window_note: window_note(&page),
        reflection_label: page.t(&crate::i18n::Reader::of(access.is_self()).key("checkin-reflection")),
        error,
        draft,
        g,
        page,
    })?;
    Ok((status, html).into_response())
}

pub async fn edit_check_in(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal, check_in)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let (access, g, c) = check_in_to_correct(&state, &ctx, &id, &goal, &check_in).await?;
    let measure = MeasureKind::parse(&g.measure_kind).unwrap_or(MeasureKind::Count);
    let draft = CheckInForm {
        on_date: c.on_date.to_string(),
        value: value_as_typed(ctx.lang, measure, c.value),
        note: c.note.clone(),
        reflection: c.reflection.clone(),
        evidence: String::new(),
    }
    .draft();
    check_in_page(&state, &ctx, &access, g, c.id, None, draft).await
}

pub async fn save_check_in(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal, check_in)): Path<(String, String, String)>,
    Form(form): Form<CheckInForm>,
) -> Result<Response, AppError> {
    let (access, g, c) = check_in_to_correct(&state, &ctx, &id, &goal, &check_in).await?;
    let input = form.parse(&g, state.now().date());
    match input {
        Ok(entry) => {
            ssp_app::plan::corrections::correct_check_in(&state, &access, &g, &c, Some(&entry)).await?;
            Ok(Redirect::to(&format!("/students/{}/goals/{}", access.student(), g.id)).into_response())
        }
        Err(r) => {
            let msg = check_in_problem_message(&ctx, &r, &g);
            check_in_page(&state, &ctx, &access, g, c.id, Some(msg), form.draft()).await
        }
    }
}

pub async fn delete_check_in(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal, check_in)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let (access, g, c) = check_in_to_correct(&state, &ctx, &id, &goal, &check_in).await?;
    ssp_app::plan::corrections::correct_check_in(&state, &access, &g, &c, None).await?;
    Ok(Redirect::to(&format!("/students/{}/goals/{}", access.student(), g.id)).into_response())
}

/// The reflection, if the actor is the student and may still correct it.
async fn correctable_reflection(
    state: &AppState,
    access: &StudentAccess,
    raw: &str,
) -> Result<ReflectionRow, AppError> {
    let r = plan::reflection(state.db(), access.student(), parse_id(raw)?)
        .await?
        .ok_or(AppError::NotFound)?;
    if !may_correct(PersonId(access.student().0), access.actor, r.created_at, state.now()) {
        return Err(AppError::Forbidden("correction_not_allowed"));
    }
    Ok(r)
}

/// The student (through the access module) and the reflection she may
/// still correct, for each of the three reflection routes.
async fn reflection_to_correct(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    reflection: &str,
) -> Result<(StudentAccess, ReflectionRow), AppError> {
    let access = StudentAccess::load(state, &ctx.actor()?, id).await?;
    access.require(state, RecordKind::Plan, Action::Create).await?;
    let r = correctable_reflection(state, &access, reflection).await?;
    Ok((access, r))
}

async fn reflection_page(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    r: &ReflectionRow,
    error: Option<String>,
    draft: Draft,
) -> Result<Response, AppError> {
    let page = Page::new(ctx, "correction-reflection-title");
    let comments = plan::reflection_comments(state.db(), access.student()).await?;
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = render(&ReflectionEditPage {
        student_id: access.student().to_string(),
        reflection_id: r.id.to_string(),
        prompts: Prompt::ALL
            .iter()
            .map(|p| (p.as_str(), page.t(&format!("prompt-{}", p.as_str()))))
            .collect(),
        window_note: window_note(&page),
        can_delete: !comments.iter().any(|c| c.reflection_id == r.id),
        error,
        draft,
        page,
    })?;
    Ok((status, html).into_response())
}

pub async fn edit_reflection(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, reflection)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (access, r) = reflection_to_correct(&state, &ctx, &id, &reflection).await?;
    let draft = Draft::new(
        "reflection",
        vec![("prompt", r.prompt.clone()), ("body", r.body.clone())],
    );
    reflection_page(&state, &ctx, &access, &r, None, draft).await
}

pub async fn save_reflection(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, reflection)): Path<(String, String)>,
    Form(form): Form<ReflectionForm>,
) -> Result<Response, AppError> {
    let (access, r) = reflection_to_correct(&state, &ctx, &id, &reflection).await?;
    let draft = Draft::new(
        "reflection",
        vec![("prompt", form.prompt.clone()), ("body", form.body.clone())],
    );
    match NewReflection::parse(&form.prompt, &form.body) {
        Ok(new) => {
            ssp_app::plan::corrections::correct_reflection(&state, &access, &r, Some(&new)).await?;
            Ok(Redirect::to(&format!("/students/{}#reflections", access.student())).into_response())
        }
        Err(rejected) => {
            let msg = crate::i18n::t_args(
                ctx.lang,
                reflection_message_key(&rejected),
                &[("max", REFLECTION_MAX_CHARS.to_string())],
            );
            reflection_page(&state, &ctx, &access, &r, Some(msg), draft).await
        }
    }
}

pub async fn delete_reflection(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, reflection)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (access, r) = reflection_to_correct(&state, &ctx, &id, &reflection).await?;
    ssp_app::plan::corrections::correct_reflection(&state, &access, &r, None).await?;
    Ok(Redirect::to(&format!("/students/{}#reflections", access.student())).into_response())
}
