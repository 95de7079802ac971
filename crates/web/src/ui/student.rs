//! One student's page: who they are, links to the parts the actor may see,
//! and an eligible student's choice to share the plan with their family.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_db::repo::students::{self, StudentHeader};
use ssp_domain::access::{Action, Decision, RecordKind, Sensitivity};
use ssp_domain::audit::AuditAction;
use ssp_domain::person::PersonName;

use super::pages::{render, Page};
use crate::access::StudentAccess;
use crate::app::AppState;
use crate::context::Ctx;
use crate::error::AppError;

struct Sharing {
    state: String,
    can_change: bool,
    next_value: &'static str,
    button: String,
}

#[derive(Template)]
#[template(path = "student.html")]
struct StudentPage {
    page: Page,
    name: String,
    h: StudentHeader,
    show_local_id: bool,
    can_notes: bool,
    can_log: bool,
    sharing: Option<Sharing>,
    back_href: &'static str,
    back_label: String,
}

pub fn display_name(h: &StudentHeader) -> String {
    PersonName {
        given: h.given_name.clone(),
        family: h.family_name.clone(),
        preferred: h.preferred_name.clone(),
    }
    .display()
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx, &id).await?;
    access.require(&state, &ctx, RecordKind::Plan, Action::View).await?;
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(&ctx, "student-title");
    let can_notes = Sensitivity::ALL
        .iter()
        .any(|s| access.decide(RecordKind::Note(*s), Action::View) != Decision::Deny);
    let can_log = access.decide(RecordKind::AccessLog, Action::View).is_allowed();
    let sharing = access.facts.facts.eligible.then(|| {
        let shares = access.facts.facts.shares_with_guardians;
        let can_change = access.decide(RecordKind::SharingChoice, Action::Edit).is_allowed();
        Sharing {
            state: page.t(if shares { "sharing-on" } else { "sharing-off" }),
            can_change,
            next_value: if shares { "no" } else { "yes" },
            button: page.t(if shares { "sharing-stop" } else { "sharing-start" }),
        }
    });
    let staff = ctx.session.as_ref().is_some_and(|s| s.is_staff());
    render(&StudentPage {
        name: display_name(&h),
        show_local_id: staff,
        back_href: if staff { "/students" } else { "/" },
        back_label: page.t(if staff { "nav-students" } else { "nav-home" }),
        page,
        h,
        can_notes,
        can_log,
        sharing,
    })
}

#[derive(Deserialize)]
pub struct SharingForm {
    share: String,
}

/// An eligible student (18+) shares the plan with their guardians, or
/// stops sharing it.
pub async fn set_sharing(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<SharingForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx, &id).await?;
    access
        .require(&state, &ctx, RecordKind::SharingChoice, Action::Edit)
        .await?;
    let share = match form.share.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::BadRequest("malformed_form")),
    };
    let mut tx = state.db().begin().await?;
    students::set_sharing(&mut tx, access.student(), share, state.now()).await?;
    let mut ev = access.event(&state, &ctx, AuditAction::SharingChanged, RecordKind::SharingChoice);
    ev.detail = Some(format!("shares_with_guardians={share}"));
    ssp_db::repo::audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/students/{}", access.student())).into_response())
}
