//! A student's academic record: the transcript with GPA, the
//! graduation-requirement audit (each requirement met, in progress,
//! planned or missing, the courses counted, why, and the date of the
//! transcript data), grade-9 on-track and on track to graduate; staff who
//! may edit the plan's staff side add transfer credit.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_app::academics::transcript;
use ssp_app::StudentAccess;
use ssp_db::repo::students;
use ssp_domain::academics::audit::{Explanation, RequirementStatus};
use ssp_domain::academics::course::{Rigor, SubjectArea};
use ssp_domain::academics::transcript::{Term, TranscriptEntry, TranscriptEntryRaw};
use ssp_domain::access::{Action, RecordKind};

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Draft, Page};
use crate::ui::plan::page::display_name;

struct EntryLine {
    year: String,
    term: String,
    code: String,
    title: String,
    mark: String,
    attempted: String,
    earned: String,
    rigor: String,
    transfer: bool,
}

struct RequirementLine {
    name: String,
    status: &'static str,
    status_label: String,
    why: String,
    courses: String,
}

#[derive(Template)]
#[template(path = "academics.html")]
struct RecordPage {
    page: Page,
    student_id: String,
    student_name: String,
    entries: Vec<EntryLine>,
    gpa_unweighted: String,
    gpa_weighted: String,
    as_of: String,
    set_name: String,
    requirements: Vec<RequirementLine>,
    total: String,
    total_status: &'static str,
    total_label: String,
    grade9: Option<String>,
    graduation: Option<String>,
    can_add: bool,
    terms: Vec<(&'static str, String)>,
    rigors: Vec<(&'static str, String)>,
    areas: Vec<(&'static str, String)>,
    error: Option<String>,
    draft: Draft,
}

fn why(page: &Page, e: Explanation) -> String {
    let args: Vec<(&'static str, String)> = match e {
        Explanation::MetByCapstone => vec![],
        Explanation::Met { earned, min } => vec![("earned", earned.to_string()), ("min", min.to_string())],
        Explanation::InProgress {
            earned,
            in_progress,
            min,
        } => vec![
            ("earned", earned.to_string()),
            ("in_progress", in_progress.to_string()),
            ("min", min.to_string()),
        ],
        Explanation::Planned {
            earned,
            in_progress,
            planned,
            min,
        } => vec![
            ("earned", earned.to_string()),
            ("in_progress", in_progress.to_string()),
            ("planned", planned.to_string()),
            ("min", min.to_string()),
        ],
        Explanation::Missing { remaining, min } => vec![("remaining", remaining.to_string()), ("min", min.to_string())],
    };
    crate::i18n::t_args(
        page.lang,
        &format!("academics-why-{}", e.key().replace('_', "-")),
        &args,
    )
}

fn status_label(page: &Page, s: RequirementStatus) -> String {
    page.t(&format!("academics-status-{}", s.key().replace('_', "-")))
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
    let r = transcript::record(state, access).await?;
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "academics-title");
    let entries = r
        .entries
        .iter()
        .zip(&r.sources)
        .map(|(e, source): (&TranscriptEntry, &String)| EntryLine {
            year: format!("{}–{}", e.school_year.0 - 1, e.school_year.0),
            term: page.t(&format!("academics-term-{}", e.term.key().replace('_', "-"))),
            code: e.course_code.as_str().to_owned(),
            title: e.title.clone(),
            mark: e.mark.clone().unwrap_or_else(|| page.t("academics-under-way")),
            attempted: e.credits_attempted.to_string(),
            earned: e.credits_earned.to_string(),
            rigor: if e.rigor == Rigor::Standard {
                String::new()
            } else {
                page.t(&format!("academics-rigor-{}", e.rigor.key().replace('_', "-")))
            },
            transfer: source == "transfer",
        })
        .collect();
    let requirements = r
        .audit
        .requirements
        .iter()
        .map(|q| RequirementLine {
            name: {
                let key = format!("academics-req-{}", q.key.replace('_', "-"));
                if crate::i18n::has(page.lang, &key) {
                    page.t(&key)
                } else {
                    q.name.clone()
                }
            },
            status: q.status.key(),
            status_label: status_label(&page, q.status),
            why: why(&page, q.explanation),
            courses: q
                .courses
                .iter()
                .map(|c| format!("{} ({})", c.title, c.credits))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    let grade9 = r.grade9.as_ref().map(|g| {
        if g.on_track {
            page.t1("academics-grade9-on-track", "earned", g.credits_earned)
        } else {
            crate::i18n::t_args(
                page.lang,
                "academics-grade9-off-track",
                &[
                    ("earned", g.credits_earned.to_string()),
                    ("needed", g.credits_needed.to_string()),
                    ("fs", g.core_semester_fs.to_string()),
                ],
            )
        }
    });
    let graduation = r.graduation.as_ref().map(|g| {
        let args = [
            ("earned", g.credits_earned.to_string()),
            ("expected", g.credits_expected.to_string()),
        ];
        if g.on_track {
            crate::i18n::t_args(page.lang, "academics-graduation-on-track", &args)
        } else {
            crate::i18n::t_args(page.lang, "academics-graduation-off-track", &args)
        }
    });
    let can_add = !access.is_self() && access.decide(RecordKind::Plan, Action::Edit).is_allowed();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = render(&RecordPage {
        student_id: access.student().to_string(),
        student_name: display_name(&h),
        entries,
        gpa_unweighted: r.gpa.unweighted.map_or_else(|| "—".into(), |p| p.to_string()),
        gpa_weighted: r.gpa.weighted.map_or_else(|| "—".into(), |p| p.to_string()),
        as_of: r
            .as_of
            .map_or_else(|| page.t("academics-no-transcript"), |d| page.date(d)),
        set_name: r.audit.set_name.clone(),
        requirements,
        total: why(&page, r.audit.total.explanation),
        total_status: r.audit.total.status.key(),
        total_label: status_label(&page, r.audit.total.status),
        grade9,
        graduation,
        can_add,
        terms: Term::ALL
            .iter()
            .map(|t| {
                (
                    t.key(),
                    page.t(&format!("academics-term-{}", t.key().replace('_', "-"))),
                )
            })
            .collect(),
        rigors: Rigor::ALL
            .iter()
            .map(|x| {
                (
                    x.key(),
                    page.t(&format!("academics-rigor-{}", x.key().replace('_', "-"))),
                )
            })
            .collect(),
        areas: SubjectArea::ALL
            .iter()
            .map(|a| {
                (
                    a.key(),
                    page.t(&format!("academics-area-{}", a.key().replace('_', "-"))),
                )
            })
            .collect(),
        error,
        draft,
        page,
    })?;
    Ok((status, html).into_response())
}

#[derive(Deserialize)]
pub struct TransferForm {
    #[serde(default)]
    course_code: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    school_year: String,
    #[serde(default)]
    term: String,
    #[serde(default)]
    mark: String,
    #[serde(default)]
    credits_attempted: String,
    #[serde(default)]
    credits_earned: String,
    #[serde(default)]
    rigor: String,
    #[serde(default)]
    subject_area: String,
}

pub async fn add_transfer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<TransferForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let raw = TranscriptEntryRaw {
        course_code: &f.course_code,
        title: &f.title,
        school_year: &f.school_year,
        term: &f.term,
        grade_level: "",
        mark: &f.mark,
        credits_attempted: &f.credits_attempted,
        credits_earned: &f.credits_earned,
        rigor: &f.rigor,
        subject_area: &f.subject_area,
    };
    match transcript::add_transfer(&state, &access, &raw).await {
        Ok(()) => Ok(Redirect::to(&format!("/students/{}/academics#transcript", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let msgs: Vec<String> = r
                .fields
                .iter()
                .map(|x| {
                    crate::i18n::t_args(
                        ctx.lang,
                        "academics-transfer-problem",
                        &[
                            (
                                "field",
                                crate::i18n::t(ctx.lang, &format!("academics-field-{}", x.field.replace('_', "-"))),
                            ),
                            ("code", problem_text(ctx.lang, x.code)),
                        ],
                    )
                })
                .collect();
            let draft = Draft::new(
                "transfer",
                vec![
                    ("course_code", f.course_code.clone()),
                    ("title", f.title.clone()),
                    ("school_year", f.school_year.clone()),
                    ("term", f.term.clone()),
                    ("mark", f.mark.clone()),
                    ("credits_attempted", f.credits_attempted.clone()),
                    ("credits_earned", f.credits_earned.clone()),
                    ("rigor", f.rigor.clone()),
                    ("subject_area", f.subject_area.clone()),
                ],
            );
            render_page(&state, &ctx, &access, Some(msgs.join(" ")), draft).await
        }
        Err(e) => Err(e.into()),
    }
}

/// A field or row problem's code in words ("not on the grade scale"), or a
/// general "not valid" for a code without its own message.
pub fn problem_text(lang: ssp_domain::Language, code: &str) -> String {
    let key = format!("academics-code-{}", code.replace('_', "-"));
    if crate::i18n::has(lang, &key) {
        crate::i18n::t(lang, &key)
    } else {
        crate::i18n::t(lang, "academics-code-invalid")
    }
}
