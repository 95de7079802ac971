//! Password reset by email: the request page answers the same whatever was
//! typed; the link page sets a new password.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_app::accounts::reset;

use super::error_message;
use crate::auth::address::ClientAddress;
use crate::context::Ctx;
use crate::error::AppError;
use crate::mail_jobs;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

#[derive(Template)]
#[template(path = "password_forgot.html")]
struct ForgotPage {
    page: Page,
    sent: bool,
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
    /// The link cannot be used: no form, only the message and a way on.
    dead: bool,
}

pub async fn forgot_form(ctx: Ctx) -> Result<Response, AppError> {
    render(&ForgotPage {
        page: Page::new(&ctx, "reset-title"),
        sent: false,
        error: None,
    })
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    login: String,
}

pub async fn forgot_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    ClientAddress(address): ClientAddress,
    Form(f): Form<ForgotForm>,
) -> Result<Response, AppError> {
    let page = Page::new(&ctx, "reset-title");
    if f.login.trim().is_empty() || f.login.len() > 254 {
        let error = Some(page.t("sign-in-missing-login"));
        let html = render(&ForgotPage {
            page,
            sent: false,
            error,
        })?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
    }
    match reset::request(
        state.app(),
        &mail_jobs::mail(&state),
        &f.login,
        &address,
        &ctx.request_id.0,
    )
    .await
    {
        Ok(()) => render(&ForgotPage {
            page,
            sent: true,
            error: None,
        }),
        Err(ssp_app::Error::Conflict(code)) => {
            let error = Some(error_message(page.lang, code));
            let html = render(&ForgotPage {
                page,
                sent: false,
                error,
            })?;
            Ok((StatusCode::TOO_MANY_REQUESTS, html).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

fn set_page(ctx: &Ctx, token: &str, username: &str, error: Option<String>, dead: bool) -> SetPage {
    let page = Page::new(ctx, "reset-set-title");
    SetPage {
        heading: page.t("reset-set-title"),
        intro: page.t("reset-set-intro"),
        action: format!("/password/reset/{token}"),
        username: username.to_owned(),
        page,
        error,
        dead,
    }
}

pub async fn reset_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    match reset::open(state.app(), &token).await {
        Ok(link) => render(&set_page(&ctx, &token, &link.username, None, false)),
        Err(ssp_app::Error::Invalid(p)) => {
            let html = render(&set_page(&ctx, "", "", Some(error_message(ctx.lang, p.code)), true))?;
            Ok((StatusCode::GONE, html).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct SetForm {
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
}

pub async fn reset_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(f): Form<SetForm>,
) -> Result<Response, AppError> {
    let link = match reset::open(state.app(), &token).await {
        Ok(l) => l,
        Err(ssp_app::Error::Invalid(p)) => {
            let html = render(&set_page(&ctx, "", "", Some(error_message(ctx.lang, p.code)), true))?;
            return Ok((StatusCode::GONE, html).into_response());
        }
        Err(e) => return Err(e.into()),
    };
    if f.new != f.confirm {
        let html = render(&set_page(
            &ctx,
            &token,
            &link.username,
            Some(error_message(ctx.lang, "password_mismatch")),
            false,
        ))?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
    }
    match reset::complete(state.app(), &token, &f.new, &ctx.request_id.0).await {
        Ok(_) => Ok(Redirect::to("/sign-in?done=reset").into_response()),
        Err(ssp_app::Error::Invalid(p)) => {
            let dead = p.code.starts_with("link_");
            let html = render(&set_page(
                &ctx,
                &token,
                &link.username,
                Some(error_message(ctx.lang, p.code)),
                dead,
            ))?;
            let status = if dead {
                StatusCode::GONE
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            Ok((status, html).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
