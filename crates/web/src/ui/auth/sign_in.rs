//! The sign-in page, the sign-in form, and sign-out.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use axum_extra::extract::CookieJar;
use serde::Deserialize;

use crate::auth::address::ClientAddress;
use crate::auth::service::{self, SignInOutcome};
use crate::context::{Ctx, SESSION_COOKIE};
use crate::error::AppError;
use crate::i18n;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage {
    page: Page,
    login: String,
    error: Option<String>,
    signed_out: bool,
    /// "Sign in with …" buttons (`ui/auth/sso.rs`).
    providers: Vec<super::sso::ProviderLink>,
    /// A message after a reset, an accepted invitation or a second factor
    /// that has to start over.
    notice: Option<String>,
}

/// The sign-in page with a message from the single sign-on flow (a
/// provider down, a refusal): the password form stays usable beside it.
pub(crate) async fn page_with_message(
    state: &AppState,
    ctx: &Ctx,
    status: StatusCode,
    message: String,
) -> Result<Response, AppError> {
    let html = render(&SignInPage {
        page: Page::new(ctx, "sign-in"),
        login: String::new(),
        error: Some(message),
        signed_out: false,
        providers: super::sso::provider_links(state).await?,
        notice: None,
    })?;
    Ok((status, html).into_response())
}

#[derive(Deserialize)]
pub struct SignInQuery {
    #[serde(default)]
    signed_out: Option<String>,
    #[serde(default)]
    done: Option<String>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Query(q): Query<SignInQuery>) -> Result<Response, AppError> {
    if ctx.session.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    render(&SignInPage {
        page: Page::new(&ctx, "sign-in"),
        login: String::new(),
        error: None,
        signed_out: q.signed_out.is_some(),
        providers: super::sso::provider_links(&state).await?,
        notice: q.done.as_deref().and_then(|d| match d {
            "reset" | "invitation" | "mfa-restart" => Some(i18n::t(ctx.lang, &format!("sign-in-done-{d}"))),
            _ => None,
        }),
    })
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    login: String,
    #[serde(default)]
    password: String,
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    ClientAddress(address): ClientAddress,
    jar: CookieJar,
    Form(form): Form<SignInForm>,
) -> Result<Response, AppError> {
    let page = Page::new(&ctx, "sign-in");
    let providers = super::sso::provider_links(&state).await?;
    let refuse = |status: StatusCode, key: &str, args: Option<i64>, login: &str| {
        let error = Some(match args {
            Some(minutes) => page.t1(key, "minutes", minutes),
            None => page.t(key),
        });
        let tmpl = SignInPage {
            page: Page::new(&ctx, "sign-in"),
            login: login.chars().take(254).collect(),
            error,
            signed_out: false,
            providers: providers.clone(),
            notice: None,
        };
        render(&tmpl).map(|r| (status, r).into_response())
    };
    if form.login.trim().is_empty() || form.password.is_empty() {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, "sign-in-missing", None, &form.login);
    }
    if form.login.len() > 254 || form.password.len() > 1024 {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, "sign-in-too-long", None, "");
    }
    let previous = jar.get(SESSION_COOKIE).map(|c| c.value().to_owned());
    let outcome = service::sign_in(
        &state,
        &form.login,
        &form.password,
        previous.as_deref(),
        &address,
        &ctx.request_id.0,
    )
    .await?;
    match outcome {
        SignInOutcome::SignedIn { token } => {
            let jar = jar.add(state.cookie(SESSION_COOKIE, token));
            Ok((jar, Redirect::to("/")).into_response())
        }
        SignInOutcome::SecondFactor { challenge, enrol } => {
            let jar = jar.add(state.cookie(super::mfa::MFA_COOKIE, challenge));
            let to = if enrol { "/sign-in/enrol" } else { "/sign-in/code" };
            Ok((jar, Redirect::to(to)).into_response())
        }
        SignInOutcome::Failed => refuse(StatusCode::UNAUTHORIZED, "sign-in-failed", None, &form.login),
        SignInOutcome::Deactivated => refuse(StatusCode::FORBIDDEN, "sign-in-deactivated", None, &form.login),
        SignInOutcome::Locked { until } => {
            let minutes = ((until - state.now()).whole_seconds() + 59) / 60;
            let mut res = refuse(
                StatusCode::TOO_MANY_REQUESTS,
                "sign-in-locked",
                Some(minutes.max(1)),
                &form.login,
            )?;
            if let Ok(v) = axum::http::HeaderValue::from_str(&(minutes.max(1) * 60).to_string()) {
                res.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
            }
            Ok(res)
        }
    }
}

pub async fn sign_out(State(state): State<AppState>, ctx: Ctx, jar: CookieJar) -> Result<Response, AppError> {
    if let Some(session) = &ctx.session {
        service::sign_out(&state, session, &ctx.request_id.0).await?;
    }
    let jar = jar.add(state.removal_cookie(SESSION_COOKIE));
    Ok((jar, Redirect::to("/sign-in?signed_out=1")).into_response())
}
