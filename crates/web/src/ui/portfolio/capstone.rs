//! The capstone page (phone-first for students): the student writes and
//! submits the proposal, adds milestones and attaches final products; staff
//! approve or return the proposal, type the mentor's feedback, schedule the
//! presentation with its panel, enter each panelist's sheet and record the
//! result. A refused form shows why on the page, keeps what was typed and
//! changes nothing. District administrators edit the rubric on
//! `/admin/capstone-rubric`.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use ssp_app::academics::catalog::Loader;
use ssp_app::portfolio::capstone::{self, parse_panel, CriterionInput, FinalProduct, LevelInput, RubricInput};
use ssp_app::StudentAccess;
use ssp_db::repo::students;
use ssp_domain::academics::Points;
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::input::{FieldError, Rejected};
use ssp_domain::portfolio::capstone::{
    CapstoneStatus, MentorFeedback, NewMilestone, PresentationDate, ProposalRaw, ReturnComment,
};
use ssp_domain::Language;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Draft, Page};
use crate::ui::plan::page::display_name;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/students/{id}/capstone", get(show))
        .route("/students/{id}/capstone/proposal", post(save_proposal))
        .route("/students/{id}/capstone/approve", post(approve))
        .route("/students/{id}/capstone/return", post(return_proposal))
        .route("/students/{id}/capstone/milestones", post(add_milestone))
        .route("/students/{id}/capstone/milestones/{m}/done", post(milestone_done))
        .route("/students/{id}/capstone/milestones/{m}/feedback", post(feedback))
        .route("/students/{id}/capstone/products", post(attach_product))
        .route("/students/{id}/capstone/presentation", post(schedule))
        .route("/students/{id}/capstone/presented", post(mark_presented))
        .route("/students/{id}/capstone/panel/{p}/sheet", post(enter_sheet))
        .route("/students/{id}/capstone/result", post(record_result))
        .route("/students/{id}/capstone/reopen", post(reopen))
        .route("/students/{id}/capstone/withdraw", post(withdraw))
        .route("/admin/capstone-rubric", get(rubric_page).post(save_rubric))
}

struct Milestone {
    id: String,
    title: String,
    due: String,
    done: bool,
    overdue: bool,
    feedback: String,
}

struct Product {
    title: String,
    url: String,
}

struct Panelist {
    id: String,
    name: String,
    /// The levels entered, one per criterion ("" before the sheet is in).
    levels: Vec<String>,
    scored: bool,
}

impl Panelist {
    fn level(&self, i: &usize) -> &str {
        self.levels.get(*i).map_or("", String::as_str)
    }
}

struct Criterion {
    name: String,
    description: String,
}

#[derive(Template)]
#[template(path = "capstone.html")]
struct CapstonePage {
    page: Page,
    student_id: String,
    student_name: String,
    is_self: bool,
    staff: bool,
    started: bool,
    status: &'static str,
    status_label: String,
    attempt: u32,
    next_step: Option<String>,
    question: String,
    plan: String,
    mentor: String,
    mentor_email: String,
    return_comment: String,
    presentation: Option<String>,
    presentation_value: String,
    milestones: Vec<Milestone>,
    products: Vec<Product>,
    /// The student's portfolio work to attach: (id, title).
    work: Vec<(String, String)>,
    panel: Vec<Panelist>,
    panel_names: String,
    criteria: Vec<Criterion>,
    /// (number, name) of each level, lowest first.
    levels: Vec<(String, String)>,
    results: Vec<String>,
    error: Option<String>,
    problems: Vec<String>,
    draft: Draft,
}

impl CapstonePage {
    fn is(&self, status: &str) -> bool {
        self.status == status
    }
    fn editable_proposal(&self) -> bool {
        self.is_self && (!self.started || self.is("draft") || self.is("returned") || self.is("withdrawn"))
    }
    fn working(&self) -> bool {
        self.is("approved") || self.is("ready_to_present")
    }
}

async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    render_page(&state, &ctx, &access, None, Draft::default()).await
}

fn field_label(lang: Language, field: &str) -> String {
    crate::i18n::t(lang, &format!("capstone-field-{}", field.replace('_', "-")))
}

fn problem_text(lang: Language, code: &str) -> String {
    let key = format!("capstone-code-{}", code.replace('_', "-"));
    if crate::i18n::has(lang, &key) {
        crate::i18n::t(lang, &key)
    } else {
        crate::i18n::t(lang, "capstone-code-invalid")
    }
}

fn problems(lang: Language, fields: &[FieldError]) -> Vec<String> {
    fields
        .iter()
        .map(|f| {
            crate::i18n::t_args(
                lang,
                "capstone-rubric-problem",
                &[
                    ("field", field_label(lang, f.field)),
                    ("what", problem_text(lang, f.code)),
                ],
            )
        })
        .collect()
}

async fn render_page(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    refused: Option<(StatusCode, String, Vec<String>)>,
    draft: Draft,
) -> Result<Response, AppError> {
    let view = capstone::show(state, access).await?;
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "capstone-title");
    let today = state.now().date();
    let staff = !access.is_self() && access.decide(RecordKind::Plan, Action::Edit).is_allowed();
    let c = view.capstone;
    let rubric = c.as_ref().map_or(&view.rubric, |c| &c.rubric).clone();
    let status = c.as_ref().map_or(CapstoneStatus::Draft, |c| c.state.status);
    let next_step = match status {
        CapstoneStatus::Draft => Some("capstone-next-draft"),
        CapstoneStatus::Returned => Some("capstone-next-returned"),
        CapstoneStatus::Approved => Some("capstone-next-approved"),
        CapstoneStatus::Passed => Some("capstone-passed-credit"),
        _ => None,
    }
    .filter(|_| access.is_self() || status == CapstoneStatus::Passed)
    .map(|k| page.t(k));
    let criteria_count = rubric.criteria.len();
    // The student's own portfolio (titles for attached work and the picker).
    let portfolio = ssp_db::repo::portfolio::artifacts::for_student(state.db(), access.student()).await?;
    let work: Vec<(String, String)> = if access.is_self() {
        portfolio.iter().map(|a| (a.id.to_string(), a.title.clone())).collect()
    } else {
        Vec::new()
    };
    let html = render(&CapstonePage {
        work,
        student_id: access.student().to_string(),
        student_name: display_name(&h),
        is_self: access.is_self(),
        staff,
        started: c.is_some(),
        status: status.key(),
        status_label: page.t(&format!("capstone-status-{}", status.key())),
        attempt: c.as_ref().map_or(1, |c| c.state.attempt),
        next_step,
        question: c.as_ref().map(|c| c.question.clone()).unwrap_or_default(),
        plan: c.as_ref().map(|c| c.plan.clone()).unwrap_or_default(),
        mentor: c.as_ref().map(|c| c.mentor_name.clone()).unwrap_or_default(),
        mentor_email: c.as_ref().and_then(|c| c.mentor_email.clone()).unwrap_or_default(),
        return_comment: c.as_ref().map(|c| c.return_comment.clone()).unwrap_or_default(),
        presentation: c.as_ref().and_then(|c| c.state.presentation_on).map(|d| page.date(d)),
        presentation_value: c
            .as_ref()
            .and_then(|c| c.state.presentation_on)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        milestones: c
            .as_ref()
            .map(|c| {
                c.milestones
                    .iter()
                    .map(|m| Milestone {
                        id: m.id.to_string(),
                        title: m.title.clone(),
                        due: page.date(m.due_on),
                        done: m.done_on.is_some(),
                        overdue: m.done_on.is_none() && m.due_on < today,
                        feedback: m.feedback.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        products: c
            .as_ref()
            .map(|c| {
                c.products
                    .iter()
                    .map(|p| match p.artifact_id {
                        Some(a) => Product {
                            title: portfolio
                                .iter()
                                .find(|w| w.id == a)
                                .map(|w| w.title.clone())
                                .unwrap_or_else(|| page.t("capstone-product-artifact")),
                            url: format!("/students/{}/portfolio#a-{a}", access.student()),
                        },
                        None => Product {
                            title: p.title.clone(),
                            url: p.url.clone(),
                        },
                    })
                    .collect()
            })
            .unwrap_or_default(),
        panel_names: c
            .as_ref()
            .map(|c| c.panel.iter().map(|p| p.name.clone()).collect::<Vec<_>>().join("\n"))
            .unwrap_or_default(),
        panel: c
            .as_ref()
            .map(|c| {
                c.panel
                    .iter()
                    .map(|p| Panelist {
                        id: p.id.to_string(),
                        name: p.name.clone(),
                        levels: match &p.levels {
                            Some(l) => l.split(',').map(str::to_owned).collect(),
                            None => vec![String::new(); criteria_count],
                        },
                        scored: p.levels.is_some(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        criteria: rubric
            .criteria
            .iter()
            .map(|c| Criterion {
                name: c.name.clone(),
                description: c.description.clone(),
            })
            .collect(),
        levels: rubric
            .levels
            .iter()
            .enumerate()
            .map(|(i, l)| ((i + 1).to_string(), format!("{} ({})", l.name, l.points)))
            .collect(),
        results: c
            .as_ref()
            .map(|c| {
                c.results
                    .iter()
                    .map(|r| {
                        page.t_args(
                            "capstone-result-line",
                            &[
                                ("attempt", r.attempt.to_string()),
                                (
                                    "result",
                                    page.t(if r.passed {
                                        "capstone-result-passed"
                                    } else {
                                        "capstone-result-not-passed"
                                    }),
                                ),
                                ("overall", Points(r.overall.max(0) as u32).to_string()),
                            ],
                        )
                    })
                    .collect()
            })
            .unwrap_or_default(),
        error: refused.as_ref().map(|r| r.1.clone()),
        problems: refused.as_ref().map(|r| r.2.clone()).unwrap_or_default(),
        draft,
        page,
    })?;
    let status = refused.map_or(StatusCode::OK, |r| r.0);
    Ok((status, html).into_response())
}

fn back(access: &StudentAccess, anchor: &str) -> Response {
    Redirect::to(&format!("/students/{}/capstone#{anchor}", access.student())).into_response()
}

/// The page again with why the form was refused (422 for input, 409 for a
/// move the capstone's state does not allow, 403 for the wrong person),
/// or the error itself (not found, internal).
async fn answer(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    result: Result<(), ssp_app::Error>,
    anchor: &str,
    draft: Draft,
) -> Result<Response, AppError> {
    use ssp_app::Error as E;
    let lang = ctx.lang;
    let refused = match result {
        Ok(()) => return Ok(back(access, anchor)),
        Err(E::Rejected(r)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            crate::i18n::t(lang, &format!("error-{}", r.error.replace('_', "-"))),
            problems(lang, &r.fields),
        ),
        Err(E::Conflict(code)) => (
            StatusCode::CONFLICT,
            crate::i18n::t(lang, &format!("error-{}", code.replace('_', "-"))),
            Vec::new(),
        ),
        Err(E::Forbidden(code)) => (
            StatusCode::FORBIDDEN,
            crate::i18n::t(lang, &format!("error-{}", code.replace('_', "-"))),
            Vec::new(),
        ),
        Err(e) => return Err(e.into()),
    };
    render_page(state, ctx, access, Some(refused), draft).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProposalForm {
    question: String,
    plan: String,
    mentor_name: String,
    mentor_email: String,
    submit: String,
}

async fn save_proposal(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<ProposalForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let raw = ProposalRaw {
        question: &f.question,
        plan: &f.plan,
        mentor_name: &f.mentor_name,
        mentor_email: &f.mentor_email,
    };
    let r = capstone::save_proposal(&state, &access, &raw, !f.submit.is_empty())
        .await
        .map(|_| ());
    let draft = Draft::new(
        "proposal",
        vec![
            ("question", f.question.clone()),
            ("plan", f.plan.clone()),
            ("mentor_name", f.mentor_name.clone()),
            ("mentor_email", f.mentor_email.clone()),
        ],
    );
    answer(&state, &ctx, &access, r, "proposal", draft).await
}

async fn approve(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let r = capstone::approve(&state, &access).await;
    answer(&state, &ctx, &access, r, "proposal", Draft::default()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CommentForm {
    comment: String,
}

async fn return_proposal(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<CommentForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let r = capstone::return_proposal(&state, &access, ReturnComment::parse(&f.comment)).await;
    let draft = Draft::new("return", vec![("comment", f.comment)]);
    answer(&state, &ctx, &access, r, "proposal", draft).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MilestoneForm {
    title: String,
    due_on: String,
}

async fn add_milestone(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<MilestoneForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let r = capstone::add_milestone(&state, &access, NewMilestone::parse(&f.title, &f.due_on))
        .await
        .map(|_| ());
    let draft = Draft::new("milestone", vec![("title", f.title), ("due_on", f.due_on)]);
    answer(&state, &ctx, &access, r, "milestones", draft).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DoneForm {
    done: String,
}

async fn milestone_done(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, m)): Path<(String, String)>,
    Form(f): Form<DoneForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let r = capstone::set_milestone_done(&state, &access, &m, f.done != "no").await;
    answer(&state, &ctx, &access, r, "milestones", Draft::default()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FeedbackForm {
    feedback: String,
}

async fn feedback(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, m)): Path<(String, String)>,
    Form(f): Form<FeedbackForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let r = capstone::milestone_feedback(&state, &access, &m, MentorFeedback::parse(&f.feedback)).await;
    answer(&state, &ctx, &access, r, "milestones", Draft::default()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProductForm {
    artifact_id: String,
    title: String,
    url: String,
}

async fn attach_product(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<ProductForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let r = capstone::attach_product(&state, &access, FinalProduct::parse(&f.artifact_id, &f.title, &f.url))
        .await
        .map(|_| ());
    let draft = Draft::new("product", vec![("title", f.title), ("url", f.url)]);
    answer(&state, &ctx, &access, r, "products", draft).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ScheduleForm {
    presentation_on: String,
    panel: String,
}

async fn schedule(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<ScheduleForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let today = state.now().date();
    let r = capstone::schedule(
        &state,
        &access,
        PresentationDate::parse(&f.presentation_on, today),
        parse_panel(&f.panel),
    )
    .await;
    let draft = Draft::new(
        "schedule",
        vec![("presentation_on", f.presentation_on), ("panel", f.panel)],
    );
    answer(&state, &ctx, &access, r, "presentation", draft).await
}

async fn mark_presented(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let r = capstone::mark_presented(&state, &access).await;
    answer(&state, &ctx, &access, r, "presentation", Draft::default()).await
}

/// A sheet: `c0`, `c1`, … the level number for each criterion.
async fn enter_sheet(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, p)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let levels = sheet_levels(&pairs);
    let r = capstone::enter_sheet(&state, &access, &p, &levels).await;
    answer(&state, &ctx, &access, r, "scoring", Draft::default()).await
}

/// `c0`… in order; a gap is a blank answer.
fn sheet_levels(pairs: &[(String, String)]) -> Vec<String> {
    let mut levels: Vec<String> = Vec::new();
    for (k, v) in pairs {
        let Some(i) = k.strip_prefix('c').and_then(|n| n.parse::<usize>().ok()) else {
            continue;
        };
        if i >= 32 {
            continue;
        }
        if levels.len() <= i {
            levels.resize(i + 1, String::new());
        }
        levels[i] = v.clone();
    }
    levels
}

async fn record_result(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let r = capstone::record_result(&state, &access).await.map(|_| ());
    answer(&state, &ctx, &access, r, "results", Draft::default()).await
}

async fn reopen(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let r = capstone::reopen(&state, &access).await;
    answer(&state, &ctx, &access, r, "status", Draft::default()).await
}

async fn withdraw(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let r = capstone::withdraw(&state, &access).await;
    answer(&state, &ctx, &access, r, "status", Draft::default()).await
}

/// Blank rows the rubric form offers for adding criteria or levels.
const SPARE_ROWS: usize = 2;

#[derive(Template)]
#[template(path = "capstone_rubric.html")]
struct RubricPage {
    page: Page,
    /// (row number, name, description)
    criteria: Vec<(usize, String, String)>,
    /// (row number, name, points)
    levels: Vec<(usize, String, String)>,
    min_average: String,
    no_criterion_below: String,
    problems: Vec<String>,
    saved: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RubricQuery {
    saved: Option<String>,
}

fn rubric_html(ctx: &Ctx, input: &RubricInput, problems: Vec<String>, saved: bool) -> Result<Response, AppError> {
    let page = Page::new(ctx, "capstone-rubric-title");
    let mut criteria: Vec<(usize, String, String)> = input
        .criteria
        .iter()
        .map(|c| (0, c.name.clone(), c.description.clone()))
        .collect();
    criteria.extend((0..SPARE_ROWS).map(|_| (0, String::new(), String::new())));
    let mut levels: Vec<(usize, String, String)> = input
        .levels
        .iter()
        .map(|l| (0, l.name.clone(), l.points.clone()))
        .collect();
    levels.extend((0..SPARE_ROWS).map(|_| (0, String::new(), String::new())));
    for (i, r) in criteria.iter_mut().enumerate() {
        r.0 = i + 1;
    }
    for (i, r) in levels.iter_mut().enumerate() {
        r.0 = i + 1;
    }
    render(&RubricPage {
        page,
        criteria,
        levels,
        min_average: input.min_average.clone(),
        no_criterion_below: input.no_criterion_below.clone(),
        problems,
        saved,
    })
}

async fn rubric_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<RubricQuery>,
) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let district = ctx.session()?.district_id;
    let rubric = capstone::rubric_of(&state, district).await?;
    rubric_html(&ctx, &RubricInput::of(&rubric), Vec::new(), q.saved.is_some())
}

/// The form's rows: `cN_name`, `cN_description`, `lN_name`, `lN_points`.
fn rubric_input_of(pairs: &[(String, String)]) -> RubricInput {
    let mut input = RubricInput::default();
    for (k, v) in pairs {
        match k.as_str() {
            "min_average" => input.min_average = v.clone(),
            "no_criterion_below" => input.no_criterion_below = v.clone(),
            _ => {
                let Some((row, field)) = k.split_once('_') else {
                    continue;
                };
                let (kind, n) = row.split_at(1);
                let Ok(i) = n.parse::<usize>() else { continue };
                if i >= 40 {
                    continue;
                }
                match kind {
                    "c" => {
                        if input.criteria.len() <= i {
                            input.criteria.resize(i + 1, CriterionInput::default());
                        }
                        match field {
                            "name" => input.criteria[i].name = v.clone(),
                            "description" => input.criteria[i].description = v.clone(),
                            _ => {}
                        }
                    }
                    "l" => {
                        if input.levels.len() <= i {
                            input.levels.resize(i + 1, LevelInput::default());
                        }
                        match field {
                            "name" => input.levels[i].name = v.clone(),
                            "points" => input.levels[i].points = v.clone(),
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    input
}

async fn save_rubric(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let input = rubric_input_of(&pairs);
    let by = Loader::from(&ctx.actor()?);
    match capstone::save_rubric(&state, &by, &input).await? {
        Ok(()) => Ok(Redirect::to("/admin/capstone-rubric?saved=1").into_response()),
        Err(Rejected { fields, .. }) => {
            let mut html = rubric_html(&ctx, &input, problems(ctx.lang, &fields), false)?;
            *html.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(html)
        }
    }
}
