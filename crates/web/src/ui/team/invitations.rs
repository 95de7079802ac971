//! Inviting families to sign in: each guardian's status on the team page
//! (joined / invited / never invited), an invitation by email or as a
//! printable letter, and "invite all families of this school" with its
//! progress (the page refreshes itself while the batch runs).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_app::accounts::invitations::{self, Channel};
use ssp_app::StudentAccess;
use ssp_db::repo::invitations as repo;
use uuid::Uuid;

use crate::context::Ctx;
use crate::error::AppError;
use crate::i18n;
use crate::mail_jobs;
use crate::state::AppState;
use crate::ui::auth::error_message;
use crate::ui::pages::{render, Page};

/// Each guardian link's sign-in status as the team page words it, and
/// whether the guardian has joined (set a password).
pub(crate) async fn guardian_statuses(
    state: &AppState,
    access: &StudentAccess,
    page: &Page,
) -> Result<HashMap<Uuid, (String, bool)>, AppError> {
    let now = state.now();
    let rows = repo::sign_in_status(state.db(), access.student()).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let joined = r.has_password == Some(true);
            let text = match (joined, r.invited_at, r.invitation_expires_at) {
                (true, _, _) => page.t("guardian-joined"),
                (false, Some(at), Some(exp)) if exp > now => page.t1("guardian-invited", "date", page.when(at)),
                (false, Some(_), _) => page.t("guardian-invitation-expired"),
                _ => page.t("guardian-never-invited"),
            };
            (r.link_id, (text, joined))
        })
        .collect())
}

/// The student's school, when the viewer may invite all of its families.
pub(crate) async fn school_link(state: &AppState, access: &StudentAccess) -> Result<Option<String>, AppError> {
    let school = access.facts.school_id.0;
    Ok(invitations::may_invite_at(state.app(), &access.caller(), school)
        .await?
        .map(|_| school.to_string()))
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    how: String,
}

#[derive(Template)]
#[template(path = "invitation_letter.html")]
struct LetterPage {
    page: Page,
    /// Printed in the family's language.
    letter_lang: &'static str,
    greeting: String,
    body: String,
    code_label: String,
    code: Option<String>,
    link_label: String,
    link: String,
    expires: String,
    /// Email without SMTP: a link to copy, not a letter.
    copy_only: bool,
    back: String,
}

pub async fn invite(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, link)): Path<(String, String)>,
    Form(f): Form<InviteForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let channel = match f.how.as_str() {
        "email" => Channel::Email,
        "letter" => Channel::Letter,
        _ => {
            // Access first: a stranger learns nothing from a bad form.
            invitations::require_may_invite(state.app(), &access).await?;
            return Err(AppError::BadRequest("bad_request"));
        }
    };
    let back = format!("/students/{}/team", access.student());
    let invited = match invitations::invite(state.app(), &mail_jobs::mail(&state), &access, &link, channel).await {
        Ok(i) => i,
        Err(e @ (ssp_app::Error::Invalid(_) | ssp_app::Error::Conflict(_) | ssp_app::Error::Forbidden(_))) => {
            let code = match &e {
                ssp_app::Error::Invalid(p) => p.code,
                ssp_app::Error::Conflict(c) | ssp_app::Error::Forbidden(c) => c,
                _ => "bad_request",
            };
            let page = Page::new(&ctx, "team-title");
            let error = Some(error_message(page.lang, code));
            let res = super::members::page_response(&state, &ctx, &access, page, None, error).await?;
            return Ok(res);
        }
        Err(e) => return Err(e.into()),
    };
    if invited.emailed {
        return Ok(Redirect::to(&format!("{back}?done=invited")).into_response());
    }
    let lang = invited.language;
    let zone = ctx.session.as_ref().and_then(|s| s.time_zone.clone());
    let expires = crate::when::Local::new(zone.as_deref(), lang).date(invited.expires_at.date());
    let page = Page::new(&ctx, "invitation-letter-title");
    let html = render(&LetterPage {
        page,
        letter_lang: lang.code(),
        greeting: i18n::t_args(lang, "letter-greeting", &[("name", invited.guardian_name.clone())]),
        body: i18n::t(
            lang,
            if invited.code.is_some() {
                "letter-body"
            } else {
                "letter-copy-body"
            },
        ),
        code_label: i18n::t(lang, "letter-code-label"),
        code: invited.code.clone(),
        link_label: i18n::t(lang, "letter-link-label"),
        link: invited.link.clone().unwrap_or_default(),
        expires: i18n::t_args(lang, "letter-expires", &[("date", expires)]),
        copy_only: invited.code.is_none(),
        back,
    })?;
    Ok((StatusCode::OK, html).into_response())
}

#[derive(Template)]
#[template(path = "school_invitations.html")]
struct SchoolPage {
    page: Page,
    school_id: String,
    school_name: String,
    to_invite: i64,
    running: bool,
    progress: Option<String>,
    error: Option<String>,
    smtp: bool,
}

async fn school_view(state: &AppState, ctx: &Ctx, school: &str, error: Option<String>) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let school: Uuid = school.parse().map_err(|_| AppError::NotFound)?;
    let Some(name) = invitations::may_invite_at(state.app(), &actor, school).await? else {
        return Err(AppError::NotFound);
    };
    let page = Page::new(ctx, "invite-school-title");
    let to_invite = repo::count_school_guardians_to_invite(state.db(), ssp_domain::OrgId(school)).await?;
    let batch = invitations::latest_batch(state.app(), school).await?;
    let running = batch.as_ref().is_some_and(|b| b.finished_at.is_none());
    let progress = batch.map(|b| {
        let args = [
            ("done", b.done.to_string()),
            ("total", b.total.to_string()),
            ("invited", b.invited.to_string()),
            ("skipped", b.skipped.to_string()),
        ];
        let key = if b.finished_at.is_some() {
            "invite-school-finished"
        } else {
            "invite-school-progress"
        };
        i18n::t_args(page.lang, key, &args)
    });
    let status = if error.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    let html = render(&SchoolPage {
        page,
        school_id: school.to_string(),
        school_name: name,
        to_invite,
        running,
        progress,
        error,
        smtp: state.config().smtp.is_some(),
    })?;
    Ok((status, html).into_response())
}

pub async fn school_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    school_view(&state, &ctx, &id, None).await
}

pub async fn school_start(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let school: Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    match invitations::start_school_batch(state.app(), &mail_jobs::mail(&state), &actor, school).await {
        Ok(_) => Ok(Redirect::to(&format!("/schools/{school}/invitations")).into_response()),
        Err(ssp_app::Error::Conflict(code)) => {
            school_view(&state, &ctx, &id, Some(error_message(ctx.lang, code))).await
        }
        Err(e) => Err(e.into()),
    }
}
