//! Single sign-on pages: "Sign in with …" starts a sign-in with one of the
//! district's identity providers, and the provider sends the person back
//! to the callback, which opens a session or shows why not on the sign-in
//! page (whose password form keeps working when a provider is down). The
//! flow itself is `ssp_app::sign_in::sso`.

use std::time::Instant;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, SameSite};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use ssp_app::sign_in::sso::{self, Callback, SsoRefusal};
use uuid::Uuid;

use crate::auth::service;
use crate::context::{Ctx, SESSION_COOKIE};
use crate::error::AppError;
use crate::state::AppState;

/// Holds the `state` of the sign-in under way, so the callback only
/// completes in the browser that started it.
const SSO_COOKIE: &str = "ssp_sso";

/// A "Sign in with …" button on the sign-in page.
#[derive(Debug, Clone)]
pub struct ProviderLink {
    pub id: Uuid,
    pub label: String,
}

/// The enabled providers, labelled for the page's language.
pub(crate) async fn provider_links(state: &AppState) -> Result<Vec<ProviderLink>, AppError> {
    let buttons = ssp_db::repo::identity_providers::buttons(state.db()).await?;
    Ok(buttons
        .into_iter()
        .map(|b| ProviderLink {
            id: b.id,
            label: b.name,
        })
        .collect())
}

fn redirect_uri(state: &AppState) -> String {
    state
        .config()
        .public_url
        .join("/sign-in/sso/callback")
        .map(String::from)
        .unwrap_or_default()
}

fn sso_cookie(state: &AppState, value: String) -> Cookie<'static> {
    let mut c = Cookie::new(SSO_COOKIE, value);
    c.set_http_only(true);
    // Lax: the provider's redirect back is a top-level GET, which carries it.
    c.set_same_site(SameSite::Lax);
    c.set_path("/sign-in/sso");
    c.set_secure(state.config().secure_cookies());
    c.set_max_age(time::Duration::minutes(10));
    c
}

async fn refused(state: &AppState, ctx: &Ctx, reason: SsoRefusal) -> Result<Response, AppError> {
    let status = match reason {
        SsoRefusal::ProviderUnavailable => StatusCode::SERVICE_UNAVAILABLE,
        SsoRefusal::UnknownState | SsoRefusal::Expired | SsoRefusal::ProviderRefused => StatusCode::BAD_REQUEST,
        _ => StatusCode::FORBIDDEN,
    };
    let message = crate::i18n::t(ctx.lang, &format!("sso-refused-{}", reason.code()));
    super::sign_in::page_with_message(state, ctx, status, message).await
}

/// `GET /sign-in/sso/{provider}`: off to the provider.
pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    Path(provider): Path<String>,
) -> Result<Response, AppError> {
    let provider = Uuid::parse_str(&provider).map_err(|_| AppError::NotFound)?;
    match sso::start(&state, provider, &redirect_uri(&state)).await? {
        Ok(started) => {
            let jar = jar.add(sso_cookie(&state, started.state));
            Ok((jar, Redirect::to(started.url.as_str())).into_response())
        }
        Err(reason) => refused(&state, &ctx, reason).await,
    }
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    #[serde(default)]
    state: String,
    code: Option<String>,
    /// The provider's error code (`access_denied`…) instead of a code.
    #[serde(default)]
    error: Option<String>,
}

/// `GET /sign-in/sso/callback?state=&code=`: the provider sent the person back.
pub async fn callback(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    Query(q): Query<CallbackQuery>,
) -> Result<Response, AppError> {
    let started = Instant::now();
    // A state this browser did not start is treated as unknown (and audited).
    let bound = jar
        .get(SSO_COOKIE)
        .is_some_and(|c| !q.state.is_empty() && crate::auth::token::constant_time_eq(c.value(), &q.state));
    let state_param = if bound { q.state.as_str() } else { "" };
    let code = q.code.as_deref().filter(|_| q.error.is_none());
    let redirect = redirect_uri(&state);
    let finished = sso::finish(
        &state,
        Callback {
            state: state_param,
            code,
            redirect: &redirect,
            request_id: &ctx.request_id.0,
        },
    )
    .await?;
    let jar = jar.add({
        let mut c = sso_cookie(&state, String::new());
        c.make_removal();
        c
    });
    let mut res = match finished.outcome {
        Ok(signed_in) => {
            let previous = jar.get(SESSION_COOKIE).map(|c| c.value().to_owned());
            let token = service::open_sso_session(&state, &signed_in, previous.as_deref(), &ctx.request_id.0).await?;
            let jar = jar.add(state.cookie(SESSION_COOKIE, token));
            (jar, Redirect::to("/")).into_response()
        }
        Err(reason) => (jar, refused(&state, &ctx, reason).await?).into_response(),
    };
    let total = started.elapsed();
    let server = total.saturating_sub(finished.provider_time);
    tracing::info!(
        request_id = %ctx.request_id.0,
        server_ms = server.as_secs_f64() * 1000.0,
        provider_ms = finished.provider_time.as_secs_f64() * 1000.0,
        "single sign-on callback"
    );
    res.extensions_mut()
        .insert(crate::headers::ProviderWait(finished.provider_time));
    Ok(res)
}
