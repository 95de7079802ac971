//! `/students/{id}/partners`: the student's supports and opportunities.
//! Staff see the matcher's proposals with their reasons and accept one as a
//! referral or an enrolment; everyone who may see the plan sees the
//! referrals (what, to whom, the status and its dates), the consents and
//! the record of disclosures; a guardian with educational rights (or the
//! eligible student) grants and revokes consent here, in their language.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use ssp_app::partners::consent::{self as consents, ConsentForm};
use ssp_app::partners::partner_users;
use ssp_app::partners::referrals::{self, ReferralForm, StepForm};
use ssp_app::partners::{directory, matching};
use ssp_app::StudentAccess;
use ssp_db::repo::students;
use ssp_domain::access::{Action, RecordKind, Sensitivity};
use ssp_domain::partners::category;
use ssp_domain::partners::referral::{Outcome, ReferralStatus};
use ssp_domain::partners::{ConsentState, ProposalReason, ServiceCategory};

use super::{label, rejected_message};
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};
use crate::ui::plan::page::display_name;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/students/{id}/partners", get(show))
        .route("/students/{id}/partners/consents", post(grant))
        .route("/students/{id}/partners/consents/paper", post(paper))
        .route("/students/{id}/partners/consents/{consent}/revoke", post(revoke))
        .route("/students/{id}/partners/referrals", post(refer))
        .route("/students/{id}/partners/referrals/{referral}", post(step))
}

struct ProposalView {
    resource_id: String,
    name: String,
    who: String,
    reasons: Vec<String>,
    need: String,
    goal: String,
    reason_line: String,
}

struct ReferralView {
    id: String,
    what: String,
    to: String,
    kind: String,
    status: String,
    dates: Vec<(String, String)>,
    overdue: bool,
    open: bool,
    steps: Vec<String>,
}

struct ConsentView {
    id: String,
    partner: String,
    categories: String,
    purpose: String,
    until: String,
    how: String,
    state: String,
    active: bool,
}

#[derive(Template)]
#[template(path = "partners_student.html")]
struct StudentPartnersPage {
    page: Page,
    student_id: String,
    student_name: String,
    error: Option<String>,
    staff: bool,
    may_grant: bool,
    may_record_paper: bool,
    may_revoke: bool,
    proposals: Vec<ProposalView>,
    referrals: Vec<ReferralView>,
    consents: Vec<ConsentView>,
    disclosures: Vec<(String, String, String, String)>,
    partners: Vec<(String, String)>,
    categories: Vec<(&'static str, String)>,
    events: Vec<(&'static str, String)>,
    outcomes: Vec<(&'static str, String)>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    render_page(&state, &ctx, &access, None).await
}

fn reason_text(page: &Page, r: &ProposalReason) -> String {
    match r {
        ProposalReason::MeetsNeed { kind, .. } => page.t1(
            "partners-reason-need",
            "need",
            label(page.lang, "need-kind", kind.key()),
        ),
        ProposalReason::InterestArea { area, .. } => {
            page.t1("partners-reason-area", "area", label(page.lang, "riasec", area.key()))
        }
        ProposalReason::Word { word, .. } => page.t1("partners-reason-word", "word", word.clone()),
    }
}

async fn render_page(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    error: Option<String>,
) -> Result<Response, AppError> {
    // Everyone who may see the plan; the referrals' list audits the view.
    let referral_rows = referrals::list(state, access).await?;
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "partners-student-title");
    let staff = !access.is_self()
        && access
            .decide(RecordKind::Support(Sensitivity::Staff), Action::Create)
            .is_allowed();
    let proposals = if staff {
        matching::proposals(state, access)
            .await?
            .into_iter()
            .map(|p| {
                let (need, goal) = p.proposal.serves();
                let reasons: Vec<String> = p.proposal.reasons.iter().map(|r| reason_text(&page, r)).collect();
                ProposalView {
                    resource_id: p.resource.id.to_string(),
                    who: p
                        .resource
                        .partner_name
                        .clone()
                        .unwrap_or_else(|| page.t("partners-school-opportunity")),
                    name: p.resource.name,
                    reason_line: reasons.join("; "),
                    reasons,
                    need: need.map(|n| n.to_string()).unwrap_or_default(),
                    goal: goal.map(|g| g.to_string()).unwrap_or_default(),
                }
            })
            .collect()
    } else {
        vec![]
    };
    let referrals = referral_rows
        .into_iter()
        .map(|v| {
            let r = v.row;
            let status = ReferralStatus::parse(&r.status).unwrap_or(ReferralStatus::Sent);
            let mut dates = vec![(page.t("referral-status-sent"), page.date(r.sent_on))];
            for (key, d) in [
                ("accepted", r.accepted_on),
                ("declined", r.declined_on),
                ("in_service", r.first_service_on),
                ("closed", r.closed_on),
            ] {
                if let Some(d) = d {
                    dates.push((label(page.lang, "referral-status", key), page.date(d)));
                }
            }
            let mut status_text = label(page.lang, "referral-status", status.key());
            if let Some(o) = &r.outcome {
                status_text = format!("{status_text} · {}", label(page.lang, "referral-outcome", o));
            }
            ReferralView {
                id: r.id.to_string(),
                what: r.resource_name,
                to: r.partner_name.unwrap_or_else(|| page.t("partners-school-opportunity")),
                kind: label(page.lang, "referral-kind", &r.kind),
                status: status_text,
                dates,
                overdue: v.overdue,
                open: !matches!(status, ReferralStatus::Declined | ReferralStatus::Closed),
                steps: v
                    .steps
                    .into_iter()
                    .filter(|s| !s.note.is_empty())
                    .map(|s| {
                        format!(
                            "{} · {} {}: {}",
                            page.date(s.on_date),
                            s.given_name,
                            s.family_name,
                            s.note
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    let consents = consents::list(state, access)
        .await?
        .into_iter()
        .map(|c| ConsentView {
            id: c.row.id.to_string(),
            partner: c.row.partner_name,
            categories: c
                .categories
                .iter()
                .map(|k| label(page.lang, "partner-category", k.key()))
                .collect::<Vec<_>>()
                .join(", "),
            purpose: c.row.purpose,
            until: page.date(c.row.expires_on),
            how: match &c.row.signer_name {
                Some(n) => page.t1("partners-consent-paper", "name", n.clone()),
                None => page.t("partners-consent-electronic"),
            },
            state: label(page.lang, "consent-state", c.state.key()),
            active: c.state == ConsentState::Active,
        })
        .collect();
    let disclosures = partner_users::disclosures(state, access)
        .await?
        .into_iter()
        .map(|d| {
            let cats = category::split(&d.categories)
                .unwrap_or_default()
                .iter()
                .map(|k| label(page.lang, "partner-category", k.key()))
                .collect::<Vec<_>>()
                .join(", ");
            (
                page.when(d.at),
                format!("{} ({} {})", d.partner_name, d.given_name, d.family_name),
                cats,
                d.purpose,
            )
        })
        .collect();
    let may_grant = consents::may_grant(access);
    let partners = if may_grant || consents::staff_may_record(access) {
        directory::partners_in(state, access.facts.district_id)
            .await?
            .into_iter()
            .map(|p| (p.id.to_string(), p.name))
            .collect()
    } else {
        vec![]
    };
    let code = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = render(&StudentPartnersPage {
        student_id: access.student().to_string(),
        student_name: display_name(&h),
        error,
        staff,
        may_grant,
        may_record_paper: consents::staff_may_record(access),
        may_revoke: may_grant || consents::staff_may_record(access),
        proposals,
        referrals,
        consents,
        disclosures,
        partners,
        categories: ServiceCategory::ALL
            .iter()
            .map(|c| (c.key(), label(page.lang, "partner-category", c.key())))
            .collect(),
        events: ["accept", "decline", "record_service", "close"]
            .into_iter()
            .map(|e| (e, label(page.lang, "referral-event", e)))
            .collect(),
        outcomes: Outcome::ALL
            .iter()
            .map(|o| (o.key(), label(page.lang, "referral-outcome", o.key())))
            .collect(),
        page,
    })?;
    Ok((code, html).into_response())
}

fn back(access: &StudentAccess, anchor: &str) -> Response {
    Redirect::to(&format!("/students/{}/partners#{anchor}", access.student())).into_response()
}

/// The message of a refusal the page shows beside its forms.
fn message(ctx: &Ctx, e: ssp_app::Error) -> Result<String, AppError> {
    match e {
        ssp_app::Error::Rejected(r) => Ok(rejected_message(ctx.lang, &r)),
        ssp_app::Error::Conflict(code) | ssp_app::Error::Forbidden(code) => {
            Ok(crate::error::error_message(ctx.lang, code))
        }
        e => Err(e.into()),
    }
}

pub async fn grant(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let field = |name: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let form = ConsentForm {
        partner: field("partner").join(""),
        categories: field("categories").join(","),
        purpose: field("purpose").join(""),
        expires_on: field("expires_on").join(""),
    };
    match consents::grant(&state, &access, &form, ctx.lang).await {
        Ok(_) => Ok(back(&access, "consents")),
        Err(e) => {
            let msg = message(&ctx, e)?;
            render_page(&state, &ctx, &access, Some(msg)).await
        }
    }
}

/// Staff record a signed paper consent with its scan (multipart; the CSRF
/// token rides in the action's query). Refused before a byte is read for
/// anyone who may not record one.
pub async fn paper(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    if !consents::staff_may_record(&access) {
        access
            .require(&state, RecordKind::Support(Sensitivity::Staff), Action::Create)
            .await?;
        return Err(AppError::NotFound);
    }
    let form = form.map_err(|_| AppError::BadRequest("malformed_form"))?;
    let up = crate::upload::read(&state, form).await?;
    let consent = ConsentForm {
        partner: up.get("partner").to_owned(),
        categories: up.all("categories").join(","),
        purpose: up.get("purpose").to_owned(),
        expires_on: up.get("expires_on").to_owned(),
    };
    let result = consents::record_paper(
        &state,
        &access,
        &consent,
        up.get("signer_name"),
        up.staged.as_ref(),
        up.too_big,
    )
    .await;
    up.discard().await;
    match result {
        Ok(_) => Ok(back(&access, "consents")),
        Err(e) => {
            let msg = message(&ctx, e)?;
            render_page(&state, &ctx, &access, Some(msg)).await
        }
    }
}

pub async fn revoke(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, consent)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    match consents::revoke(&state, &access, &consent).await {
        Ok(()) => Ok(back(&access, "consents")),
        Err(e) => {
            let msg = message(&ctx, e)?;
            render_page(&state, &ctx, &access, Some(msg)).await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReferForm {
    resource: String,
    need: String,
    goal: String,
    reason: String,
}

pub async fn refer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<ReferForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let form = ReferralForm {
        resource: f.resource,
        need: f.need,
        goal: f.goal,
        reason: f.reason,
    };
    match referrals::make(&state, &access, &form).await {
        Ok(r) => Ok(back(&access, &format!("referral-{r}"))),
        Err(e) => {
            let msg = message(&ctx, e)?;
            render_page(&state, &ctx, &access, Some(msg)).await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StepFields {
    event: String,
    on: String,
    outcome: String,
    note: String,
    sensitivity: String,
}

impl StepFields {
    pub(crate) fn form(self) -> StepForm {
        StepForm {
            event: self.event,
            on: self.on,
            outcome: self.outcome,
            note: self.note,
            sensitivity: self.sensitivity,
        }
    }
}

pub async fn step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, referral)): Path<(String, String)>,
    Form(f): Form<StepFields>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let parsed = f.form().parse(state.now().date());
    match referrals::move_step(&state, &access, &referral, parsed).await {
        Ok(()) => Ok(back(&access, &format!("referral-{referral}"))),
        Err(e) => {
            let msg = message(&ctx, e)?;
            render_page(&state, &ctx, &access, Some(msg)).await
        }
    }
}
