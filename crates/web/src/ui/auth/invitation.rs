//! Accepting an invitation: from the emailed link, or by typing the code of
//! a printed letter; the guardian sets a password and can sign in.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_app::accounts::invitations;

use super::error_message;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

#[derive(Template)]
#[template(path = "invitation_code.html")]
struct CodePage {
    page: Page,
    code: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "password_set.html")]
struct SetPage {
    page: Page,
    heading: String,
    intro: String,
    action: String,
    username: String,
    error: Option<String>,
    dead: bool,
}

pub async fn code_form(ctx: Ctx) -> Result<Response, AppError> {
    render(&CodePage {
        page: Page::new(&ctx, "invitation-title"),
        code: String::new(),
        error: None,
    })
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
}

fn set_page(
    ctx: &Ctx,
    action: String,
    view: Option<&invitations::InvitationView>,
    error: Option<String>,
    dead: bool,
) -> SetPage {
    let page = Page::new(ctx, "invitation-title");
    let intro = match view {
        Some(v) => page.t1("invitation-intro", "name", &v.given_name),
        None => String::new(),
    };
    SetPage {
        heading: page.t("invitation-title"),
        intro,
        action,
        username: view.map(|v| v.username.clone()).unwrap_or_default(),
        page,
        error,
        dead,
    }
}

/// A typed letter code: when it opens, the password form (the code rides
/// along in a hidden field); otherwise the code form with the reason.
pub async fn code_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(f): Form<CodeForm>,
) -> Result<Response, AppError> {
    let code = f.code.trim().to_owned();
    let view = match invitations::open(state.app(), &code).await {
        Ok(v) => v,
        Err(ssp_app::Error::Invalid(p)) => {
            let html = render(&CodePage {
                page: Page::new(&ctx, "invitation-title"),
                code: code.chars().take(40).collect(),
                error: Some(error_message(ctx.lang, p.code)),
            })?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
        }
        Err(e) => return Err(e.into()),
    };
    let Some(code_norm) = ssp_domain::invitation::normalise_code(&code) else {
        return Err(AppError::NotFound);
    };
    let action = format!("/invitation/{code_norm}");
    render(&set_page(&ctx, action, Some(&view), None, false))
}

pub async fn accept_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    match invitations::open(state.app(), &token).await {
        Ok(v) => render(&set_page(&ctx, format!("/invitation/{token}"), Some(&v), None, false)),
        Err(ssp_app::Error::Invalid(p)) => {
            let html = render(&set_page(
                &ctx,
                String::new(),
                None,
                Some(error_message(ctx.lang, p.code)),
                true,
            ))?;
            Ok((StatusCode::GONE, html).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn accept_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(f): Form<CodeForm>,
) -> Result<Response, AppError> {
    let action = format!("/invitation/{token}");
    let view = match invitations::open(state.app(), &token).await {
        Ok(v) => v,
        Err(ssp_app::Error::Invalid(p)) => {
            let html = render(&set_page(
                &ctx,
                String::new(),
                None,
                Some(error_message(ctx.lang, p.code)),
                true,
            ))?;
            return Ok((StatusCode::GONE, html).into_response());
        }
        Err(e) => return Err(e.into()),
    };
    if f.new != f.confirm {
        let error = Some(error_message(ctx.lang, "password_mismatch"));
        let html = render(&set_page(&ctx, action, Some(&view), error, false))?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
    }
    match invitations::accept(state.app(), &token, &f.new, &ctx.request_id.0).await {
        Ok(_) => Ok(Redirect::to("/sign-in?done=invitation").into_response()),
        Err(ssp_app::Error::Invalid(p)) => {
            let dead = p.code.starts_with("link_");
            let error = Some(error_message(ctx.lang, p.code));
            let html = render(&set_page(&ctx, action, Some(&view), error, dead))?;
            let status = if dead {
                StatusCode::GONE
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            Ok((status, html).into_response())
        }
        Err(ssp_app::Error::Conflict(code)) => {
            let error = Some(error_message(ctx.lang, code));
            let html = render(&set_page(&ctx, action, Some(&view), error, false))?;
            Ok((StatusCode::CONFLICT, html).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
