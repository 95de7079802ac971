//! Changing one's own password (every signed-in person): the current
//! password is required; the other sessions end.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

use super::error_message;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

#[derive(Template)]
#[template(path = "account_password.html")]
struct PasswordPage {
    page: Page,
    error: Option<String>,
    done: bool,
}

#[derive(Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

pub async fn show(ctx: Ctx, Query(q): Query<DoneQuery>) -> Result<Response, AppError> {
    ctx.session()?;
    render(&PasswordPage {
        page: Page::new(&ctx, "password-change-title"),
        error: None,
        done: q.done.is_some(),
    })
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(f): Form<PasswordForm>,
) -> Result<Response, AppError> {
    let s = ctx.session()?;
    let refuse = |code: &str| {
        let page = Page::new(&ctx, "password-change-title");
        let error = Some(error_message(page.lang, code));
        render(&PasswordPage {
            page,
            error,
            done: false,
        })
        .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response())
    };
    if f.current.len() > 1024 || f.new.len() > 1024 {
        return refuse("password_too_long");
    }
    if f.new != f.confirm {
        return refuse("password_mismatch");
    }
    match ssp_app::accounts::passwords::change_own(
        state.app(),
        &ctx.actor()?,
        s.account_id,
        &s.token_hash,
        &f.current,
        &f.new,
    )
    .await
    {
        Ok(_) => Ok(Redirect::to("/account/password?done=1").into_response()),
        Err(ssp_app::Error::Invalid(p)) => refuse(p.code),
        Err(e) => Err(e.into()),
    }
}
