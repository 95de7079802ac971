//! Experiences outside the classroom (phone-first for students): the list
//! with hours and totals by school year and kind, verified and not; forms
//! to add an experience, log hours and send the supervisor a verification
//! link; staff verify directly. The supervisor's page (`/verify-hours/…`)
//! is public: it shows the student's first name and last initial, the
//! experience and the listed hours, and takes a confirm or a decline.

use super::competencies::Competencies;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use ssp_app::portfolio::experiences::{self, verified_by, VerificationSent};
use ssp_app::StudentAccess;
use ssp_db::repo::students;
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::input::Rejected;
use ssp_domain::portfolio::experience::{ExperienceKind, ExperienceRaw, Hours, HoursRaw, VerifiedBy};
use ssp_domain::portfolio::verification::SupervisorResponse;
use ssp_domain::Language;

use crate::context::Ctx;
use crate::error::{error_message, AppError};
use crate::mail_jobs::mail;
use crate::state::AppState;
use crate::ui::pages::{render, Draft, Page};
use crate::ui::plan::page::display_name;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/students/{id}/experiences", get(show).post(add))
        .route("/students/{id}/experiences/{experience}/hours", post(log_hours))
        .route(
            "/students/{id}/experiences/{experience}/verification",
            post(send_verification),
        )
        .route("/students/{id}/experiences/{experience}/verify", post(verify_by_staff))
        .route("/verify-hours/{token}", get(supervisor_page).post(supervisor_answer))
}

/// A kind's name in the reader's language.
pub fn kind_name(lang: Language, kind: ExperienceKind) -> String {
    crate::i18n::t(lang, &format!("exp-kind-{}", kind.key().replace('_', "-")))
}

struct HoursLine {
    id: String,
    date: String,
    hours: String,
    note: String,
    verified: Option<String>,
}

struct ExperienceView {
    id: String,
    kind: String,
    organisation: String,
    supervisor: String,
    has_email: bool,
    dates: String,
    reflection: String,
    competencies: Vec<String>,
    hours: Vec<HoursLine>,
    verified: String,
    unverified: String,
    has_unverified: bool,
    link_status: Option<String>,
    declined_note: Option<String>,
}

struct TotalRow {
    year: String,
    kind: String,
    verified: String,
    unverified: String,
}

#[derive(Template)]
#[template(path = "experiences.html")]
struct ExperiencesPage {
    page: Page,
    student_id: String,
    student_name: String,
    is_self: bool,
    can_verify: bool,
    items: Vec<ExperienceView>,
    totals: Vec<TotalRow>,
    wbl_verified: String,
    wbl_unverified: String,
    kinds: Vec<(&'static str, String)>,
    /// (framework legend, [(key, name)])
    competencies: Vec<(String, Vec<(String, String)>)>,
    error: Option<String>,
    /// Which experience's form the error is about.
    error_for: String,
    sent: Option<SentView>,
    draft: Draft,
}

struct SentView {
    message: String,
    link: Option<String>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    render_page(&state, &ctx, &access, Outcome::default()).await
}

#[derive(Default)]
struct Outcome {
    error: Option<String>,
    error_for: String,
    sent: Option<SentView>,
    draft: Draft,
}

async fn render_page(state: &AppState, ctx: &Ctx, access: &StudentAccess, o: Outcome) -> Result<Response, AppError> {
    let data = experiences::show(state, access).await?;
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "exp-title");
    let lang = ctx.lang;
    let names = Competencies::load(state, access.facts.district_id, lang).await?;
    let items = data
        .items
        .iter()
        .map(|e| {
            let total = e.total();
            let dates = match e.row.end_on {
                Some(end) => format!("{} – {}", page.date(e.row.start_on), page.date(end)),
                None => page.t1("exp-since", "date", page.date(e.row.start_on)),
            };
            let link_status = e.link.as_ref().map(|l| match (l.response.as_deref(), l.used_at) {
                (Some("confirmed"), _) => page.t1("exp-link-confirmed", "email", &l.sent_to),
                (Some("declined"), _) => page.t1("exp-link-declined", "email", &l.sent_to),
                _ if l.expires_at <= state.now() => page.t1("exp-link-expired", "email", &l.sent_to),
                _ => page.t_args(
                    "exp-link-pending",
                    &[("email", l.sent_to.clone()), ("date", page.when(l.expires_at))],
                ),
            });
            ExperienceView {
                id: e.row.id.to_string(),
                kind: kind_name(lang, e.kind),
                organisation: e.row.organisation.clone(),
                supervisor: e.row.supervisor_name.clone(),
                has_email: e.row.supervisor_email.is_some(),
                dates,
                reflection: e.row.reflection.clone(),
                competencies: e
                    .row
                    .competencies
                    .split(',')
                    .filter(|c| !c.is_empty())
                    .map(|c| names.label(c))
                    .collect(),
                hours: e
                    .hours
                    .iter()
                    .map(|x| HoursLine {
                        id: x.id.to_string(),
                        date: page.date(x.worked_on),
                        hours: Hours(u32::try_from(x.hundredths).unwrap_or(0)).to_string(),
                        note: x.note.clone(),
                        verified: verified_by(x.verified_by.as_deref()).map(|v| match v {
                            VerifiedBy::Supervisor => page.t("exp-verified-supervisor"),
                            VerifiedBy::Staff => page.t("exp-verified-staff"),
                        }),
                    })
                    .collect(),
                verified: total.verified.to_string(),
                unverified: total.unverified.to_string(),
                has_unverified: total.unverified > Hours::ZERO,
                link_status,
                declined_note: e
                    .link
                    .as_ref()
                    .filter(|l| l.response.as_deref() == Some("declined"))
                    .map(|l| l.response_note.clone()),
            }
        })
        .collect();
    let totals = data
        .totals
        .iter()
        .rev()
        .map(|((year, kind), t)| TotalRow {
            year: year.to_string(),
            kind: kind_name(lang, *kind),
            verified: t.verified.to_string(),
            unverified: t.unverified.to_string(),
        })
        .collect();
    let can_verify = !access.is_self() && access.decide(RecordKind::Plan, Action::Edit).is_allowed();
    let status = if o.error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = render(&ExperiencesPage {
        student_id: access.student().to_string(),
        student_name: display_name(&h),
        is_self: access.is_self(),
        can_verify,
        items,
        totals,
        wbl_verified: data.work_based_learning.verified.to_string(),
        wbl_unverified: data.work_based_learning.unverified.to_string(),
        kinds: ExperienceKind::ALL
            .iter()
            .map(|k| (k.key(), kind_name(lang, *k)))
            .collect(),
        competencies: names.choices(),
        error: o.error,
        error_for: o.error_for,
        sent: o.sent,
        draft: o.draft,
        page,
    })?;
    Ok((status, html).into_response())
}

/// "Hours: can't be negative. Date: …" — each refused field with its reason.
pub(super) fn rejected_message(lang: Language, r: &Rejected) -> String {
    r.fields
        .iter()
        .map(|f| {
            let field = f.field.replace('_', "-");
            let code = f.code.replace('_', "-");
            let specific = format!("exp-problem-{field}-{code}");
            let problem = if crate::i18n::has(lang, &specific) {
                crate::i18n::t(lang, &specific)
            } else {
                crate::i18n::t(lang, &format!("exp-problem-{code}"))
            };
            format!("{}: {problem}", crate::i18n::t(lang, &format!("exp-field-{field}")))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn back(access: &StudentAccess, anchor: &str) -> Response {
    Redirect::to(&format!("/students/{}/experiences#{anchor}", access.student())).into_response()
}

#[derive(Deserialize)]
pub struct ExperienceForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    supervisor_name: String,
    #[serde(default)]
    supervisor_email: String,
    #[serde(default)]
    start_on: String,
    #[serde(default)]
    end_on: String,
    #[serde(default)]
    reflection: String,
}

pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let competencies: Vec<String> = form
        .iter()
        .filter(|(k, _)| k == "competency")
        .map(|(_, v)| v.clone())
        .collect();
    let get = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let f = ExperienceForm {
        kind: get("kind"),
        organisation: get("organisation"),
        supervisor_name: get("supervisor_name"),
        supervisor_email: get("supervisor_email"),
        start_on: get("start_on"),
        end_on: get("end_on"),
        reflection: get("reflection"),
    };
    let offered = ssp_app::portfolio::settings::of_district(&state, access.facts.district_id)
        .await?
        .offered();
    let raw = ExperienceRaw {
        kind: &f.kind,
        organisation: &f.organisation,
        supervisor_name: &f.supervisor_name,
        supervisor_email: &f.supervisor_email,
        start_on: &f.start_on,
        end_on: &f.end_on,
        reflection: &f.reflection,
        competencies: &competencies,
    };
    match experiences::add(&state, &access, raw.parse(&offered)).await {
        Ok(new) => Ok(back(&access, &format!("exp-{new}"))),
        Err(ssp_app::Error::Rejected(r)) => {
            let draft = Draft::new(
                "experience",
                vec![
                    ("kind", f.kind),
                    ("organisation", f.organisation),
                    ("supervisor_name", f.supervisor_name),
                    ("supervisor_email", f.supervisor_email),
                    ("start_on", f.start_on),
                    ("end_on", f.end_on),
                    ("reflection", f.reflection),
                ],
            );
            let o = Outcome {
                error: Some(rejected_message(ctx.lang, &r)),
                error_for: "new".into(),
                draft,
                ..Outcome::default()
            };
            render_page(&state, &ctx, &access, o).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct HoursForm {
    #[serde(default)]
    date: String,
    #[serde(default)]
    hours: String,
    #[serde(default)]
    note: String,
}

pub async fn log_hours(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, experience)): Path<(String, String)>,
    Form(f): Form<HoursForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let raw = HoursRaw {
        date: &f.date,
        hours: &f.hours,
        note: &f.note,
    };
    match experiences::log_hours(&state, &access, &experience, raw.parse()).await {
        Ok(_) => Ok(back(&access, &format!("exp-{experience}"))),
        Err(ssp_app::Error::Rejected(r)) => {
            let o = Outcome {
                error: Some(rejected_message(ctx.lang, &r)),
                error_for: experience.clone(),
                draft: Draft::new("hours", vec![("date", f.date), ("hours", f.hours), ("note", f.note)]),
                ..Outcome::default()
            };
            render_page(&state, &ctx, &access, o).await
        }
        Err(e) => Err(e.into()),
    }
}

fn sent_view(page_lang: Language, s: &VerificationSent) -> SentView {
    let key = if s.emailed { "exp-sent-emailed" } else { "exp-sent-copy" };
    SentView {
        message: crate::i18n::t_args(page_lang, key, &[("email", s.to.clone())]),
        link: s.link.clone(),
    }
}

pub async fn send_verification(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, experience)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let m = mail(&state);
    match experiences::send_verification(&state, &m, ctx.lang, &access, &experience).await {
        Ok(sent) => {
            let o = Outcome {
                sent: Some(sent_view(ctx.lang, &sent)),
                ..Outcome::default()
            };
            render_page(&state, &ctx, &access, o).await
        }
        Err(ssp_app::Error::Conflict(code)) => {
            let o = Outcome {
                error: Some(error_message(ctx.lang, code)),
                error_for: experience,
                ..Outcome::default()
            };
            let page = render_page(&state, &ctx, &access, o).await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn verify_by_staff(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, experience)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    match experiences::verify_by_staff(&state, &access, &experience).await {
        Ok(_) => Ok(back(&access, &format!("exp-{experience}"))),
        Err(ssp_app::Error::Conflict(code)) => {
            let o = Outcome {
                error: Some(error_message(ctx.lang, code)),
                error_for: experience,
                ..Outcome::default()
            };
            let page = render_page(&state, &ctx, &access, o).await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "verify_hours.html")]
struct SupervisorPage {
    page: Page,
    action: String,
    /// Why the link does not work (then nothing else is shown).
    dead: Option<String>,
    /// After an answer.
    done: Option<String>,
    error: Option<String>,
    intro: String,
    hours: Vec<(String, String, String)>,
    total: String,
    note: String,
}

fn supervisor_shell(ctx: &Ctx, token: &str) -> SupervisorPage {
    SupervisorPage {
        page: Page::new(ctx, "verify-hours-title"),
        action: format!("/verify-hours/{token}"),
        dead: None,
        done: None,
        error: None,
        intro: String::new(),
        hours: vec![],
        total: String::new(),
        note: String::new(),
    }
}

async fn supervisor_view(
    state: &AppState,
    ctx: &Ctx,
    token: &str,
    mut p: SupervisorPage,
) -> Result<Response, AppError> {
    match experiences::open_link(state, token).await {
        Ok(v) => {
            p.intro = p.page.t_args(
                "verify-hours-intro",
                &[
                    ("supervisor", v.supervisor_name.clone()),
                    ("student", v.student.clone()),
                    ("kind", kind_name(ctx.lang, v.kind)),
                    ("organisation", v.organisation.clone()),
                ],
            );
            p.total = v.total().to_string();
            p.hours = v
                .hours
                .iter()
                .map(|(d, h, n)| (p.page.date(*d), h.to_string(), n.clone()))
                .collect();
            let status = if p.error.is_some() {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::OK
            };
            Ok((status, render(&p)?).into_response())
        }
        Err(ssp_app::Error::Invalid(e)) => {
            p.dead = Some(dead_message(ctx.lang, e.code));
            p.error = None;
            Ok((StatusCode::GONE, render(&p)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// Why a supervisor's link does not work, said for a supervisor.
fn dead_message(lang: Language, code: &str) -> String {
    crate::i18n::t(
        lang,
        match code {
            "link_used" => "verify-hours-used",
            "link_expired" => "verify-hours-expired",
            _ => "verify-hours-invalid",
        },
    )
}

pub async fn supervisor_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let p = supervisor_shell(&ctx, &token);
    supervisor_view(&state, &ctx, &token, p).await
}

#[derive(Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    note: String,
}

pub async fn supervisor_answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(f): Form<AnswerForm>,
) -> Result<Response, AppError> {
    let mut p = supervisor_shell(&ctx, &token);
    let response = SupervisorResponse::parse(&f.action, &f.note);
    match experiences::answer_link(&state, &token, response, &ctx.request_id.0).await {
        Ok(answer) => {
            p.done = Some(p.page.t(match answer {
                SupervisorResponse::ConfirmAll => "verify-hours-confirmed",
                SupervisorResponse::Decline { .. } => "verify-hours-declined",
            }));
            Ok(render(&p)?.into_response())
        }
        Err(ssp_app::Error::Rejected(_)) => {
            p.error = Some(p.page.t("verify-hours-note-required"));
            p.note = f.note.chars().take(500).collect();
            supervisor_view(&state, &ctx, &token, p).await
        }
        Err(ssp_app::Error::Invalid(e)) => {
            p.dead = Some(dead_message(ctx.lang, e.code));
            Ok((StatusCode::GONE, render(&p)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
