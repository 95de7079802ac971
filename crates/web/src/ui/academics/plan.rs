//! The multi-year course plan page: each year from the student's grade to
//! 12 with its courses and credits, a course picker of the catalog courses
//! open to that grade (and suggestions from the student's saved careers'
//! pathways), the checks as the student goes, the projected audit, what
//! changed since the approved version, and submit / approve / return /
//! acknowledge.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_app::academics::course_plan::{self, Refused, GRADES};
use ssp_app::StudentAccess;
use ssp_db::repo::students;
use ssp_domain::academics::course_plan::{credits_by_year, suggest, PlanProblem};
use ssp_domain::access::{Action, RecordKind};

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};
use crate::ui::plan::page::display_name;

struct YearBlock {
    grade: u8,
    credits: String,
    courses: Vec<(String, String, String)>,
    offered: Vec<(String, String)>,
    /// Courses of the pathways of the student's saved careers.
    suggested: Vec<(String, String)>,
    editable: bool,
}

#[derive(Template)]
#[template(path = "course_plan.html")]
struct PlanPage {
    page: Page,
    student_id: String,
    student_name: String,
    status: String,
    version: i32,
    comment: String,
    acknowledged: bool,
    years: Vec<YearBlock>,
    problems: Vec<String>,
    requirements: Vec<(String, String, &'static str)>,
    changes: Vec<String>,
    can_submit: bool,
    can_decide: bool,
    can_acknowledge: bool,
    error: Option<String>,
}

fn problem_line(page: &Page, p: &PlanProblem) -> String {
    crate::i18n::t_args(
        page.lang,
        &format!("plan-problem-{}", p.code.replace('_', "-")),
        &[
            ("grade", p.grade.to_string()),
            (
                "course",
                p.course.as_ref().map(|c| c.as_str().to_owned()).unwrap_or_default(),
            ),
            (
                "prerequisite",
                p.prerequisite
                    .as_ref()
                    .map(|c| c.as_str().to_owned())
                    .unwrap_or_default(),
            ),
        ],
    )
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    render_page(&state, &ctx, &access, None).await
}

async fn render_page(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    error: Option<String>,
) -> Result<Response, AppError> {
    let v = course_plan::show(state, access).await?;
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "plan-courses-title");
    let credits = credits_by_year(&v.plan, &v.catalog);
    let first = (v.grade.clamp(8, 12)) as u8;
    let years = GRADES
        .filter(|g| *g >= first)
        .map(|g| {
            let courses = v
                .plan
                .year(g)
                .map(|y| {
                    y.courses
                        .iter()
                        .map(|c| {
                            let (title, cr) = v.catalog.get(c).map_or((String::new(), String::new()), |k| {
                                (k.title.clone(), k.credits.to_string())
                            });
                            (c.as_str().to_owned(), title, cr)
                        })
                        .collect()
                })
                .unwrap_or_default();
            YearBlock {
                grade: g,
                credits: credits.get(&g).map(|c| c.to_string()).unwrap_or_else(|| "0".into()),
                courses,
                offered: v
                    .catalog
                    .courses()
                    .filter(|c| c.open_to_grade(g))
                    .map(|c| {
                        (
                            c.code.as_str().to_owned(),
                            format!("{} {} ({})", c.code.as_str(), c.title, c.credits),
                        )
                    })
                    .collect(),
                suggested: suggest(&v.catalog, &v.pathways, &v.plan, &v.transcript, g)
                    .into_iter()
                    .map(|c| (c.code.as_str().to_owned(), format!("{} {}", c.code.as_str(), c.title)))
                    .collect(),
                editable: access.is_self(),
            }
        })
        .collect();
    let status_key = v.latest.as_ref().map_or("none".to_owned(), |l| l.status.clone());
    let staff_editor = !access.is_self() && access.decide(RecordKind::Plan, Action::Edit).is_allowed();
    let guardian = access.facts.relationship.guardian_with_rights == Some(true);
    let html = render(&PlanPage {
        student_id: access.student().to_string(),
        student_name: display_name(&h),
        status: page.t(&format!("plan-courses-status-{status_key}")),
        version: v.latest.as_ref().map_or(0, |l| l.version),
        comment: v.latest.as_ref().map(|l| l.comment.clone()).unwrap_or_default(),
        acknowledged: v.latest.as_ref().is_some_and(|l| l.acknowledged_at.is_some()),
        can_submit: access.is_self() && matches!(status_key.as_str(), "draft" | "returned") && v.problems.is_empty(),
        can_decide: staff_editor && status_key == "submitted",
        can_acknowledge: guardian
            && status_key == "approved"
            && v.latest.as_ref().is_some_and(|l| l.acknowledged_at.is_none()),
        years,
        problems: v.problems.iter().map(|p| problem_line(&page, p)).collect(),
        requirements: v
            .projected
            .requirements
            .iter()
            .map(|q| {
                let key = format!("academics-req-{}", q.key.replace('_', "-"));
                let name = if crate::i18n::has(page.lang, &key) {
                    page.t(&key)
                } else {
                    q.name.clone()
                };
                (
                    name,
                    page.t(&format!("academics-status-{}", q.status.key().replace('_', "-"))),
                    q.status.key(),
                )
            })
            .collect(),
        changes: v
            .changes
            .iter()
            .map(|c| {
                crate::i18n::t_args(
                    page.lang,
                    "plan-courses-change",
                    &[
                        ("grade", c.grade.to_string()),
                        (
                            "added",
                            c.added.iter().map(|x| x.as_str()).collect::<Vec<_>>().join(", "),
                        ),
                        (
                            "removed",
                            c.removed.iter().map(|x| x.as_str()).collect::<Vec<_>>().join(", "),
                        ),
                    ],
                )
            })
            .collect(),
        error: error.clone(),
        page,
    })?;
    let code = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((code, html).into_response())
}

#[derive(Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    grade: String,
    #[serde(default)]
    course: String,
    #[serde(default)]
    remove: String,
}

pub async fn change(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<ChangeForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let add = f.remove.is_empty();
    match course_plan::change(&state, &access, &f.grade, &f.course, add).await? {
        Ok(()) => Ok(Redirect::to(&format!(
            "/students/{}/course-plan#grade-{}",
            access.student(),
            f.grade.trim()
        ))
        .into_response()),
        Err(Refused(problems)) => {
            let page = Page::new(&ctx, "plan-courses-title");
            let msg = problems
                .iter()
                .map(|p| problem_line(&page, p))
                .collect::<Vec<_>>()
                .join(" ");
            render_page(
                &state,
                &ctx,
                &access,
                Some(crate::i18n::t_args(ctx.lang, "plan-courses-refused", &[("why", msg)])),
            )
            .await
        }
    }
}

pub async fn submit(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    course_plan::submit(&state, &access).await?;
    Ok(Redirect::to(&format!("/students/{}/course-plan", access.student())).into_response())
}

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    comment: String,
}

pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<DecisionForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    // Out of scope is a 404 (audited) whatever the form holds.
    access.require(&state, RecordKind::Plan, Action::Edit).await?;
    let approve = match f.decision.as_str() {
        "approve" => true,
        "return" => false,
        _ => return Err(AppError::BadRequest("malformed_form")),
    };
    match course_plan::decide(&state, &access, approve, &f.comment).await {
        Ok(()) => Ok(Redirect::to(&format!("/students/{}/course-plan", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(_)) => {
            let msg = crate::i18n::t(ctx.lang, "plan-courses-return-needs-comment");
            render_page(&state, &ctx, &access, Some(msg)).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn acknowledge(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    course_plan::acknowledge(&state, &access).await?;
    Ok(Redirect::to(&format!("/students/{}/course-plan", access.student())).into_response())
}
