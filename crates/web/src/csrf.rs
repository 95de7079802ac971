//! CSRF protection for every state-changing request: the `Origin` (or
//! `Referer`) must be this site, and the request must carry the token bound
//! to the session (or, before sign-in, to the `ssp_csrf` cookie) in the
//! `csrf` form field or the `x-csrf-token` header. Small enough to audit.
//!
//! A file upload (`multipart/form-data`) is streamed to disk by its handler
//! and cannot be read here first, so it carries the token in the `csrf`
//! query parameter of the form's action instead; its body is passed on
//! unread only when that token is right.

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::auth::token::constant_time_eq;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;

pub const FORM_FIELD: &str = "csrf";
pub const HEADER: &str = "x-csrf-token";

pub async fn verify_csrf(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    match check(&state, req).await {
        Ok(req) => next.run(req).await,
        Err(e) => e.into_response(),
    }
}

async fn check(state: &AppState, req: Request) -> Result<Request, AppError> {
    if !same_origin(state, &req) {
        return Err(AppError::Forbidden("csrf_failed"));
    }
    let expected = req
        .extensions()
        .get::<Ctx>()
        .map(|c| c.csrf_token().to_owned())
        .ok_or(AppError::Forbidden("csrf_failed"))?;
    if let Some(sent) = req.headers().get(HEADER).and_then(|v| v.to_str().ok()) {
        return if constant_time_eq(sent, &expected) {
            Ok(req)
        } else {
            Err(AppError::Forbidden("csrf_failed"))
        };
    }
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if content_type.starts_with("multipart/form-data") {
        let sent = req.uri().query().and_then(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == FORM_FIELD)
                .map(|(_, v)| v.into_owned())
        });
        return match sent {
            Some(sent) if constant_time_eq(&sent, &expected) => Ok(req),
            _ => Err(AppError::Forbidden("csrf_failed")),
        };
    }
    if !content_type.starts_with("application/x-www-form-urlencoded") {
        return Err(AppError::Forbidden("csrf_failed"));
    }
    let (parts, body) = req.into_parts();
    let bytes = to_bytes(body, state.config().body_limit)
        .await
        .map_err(|_| AppError::PayloadTooLarge)?;
    let sent = url::form_urlencoded::parse(&bytes)
        .find(|(k, _)| k == FORM_FIELD)
        .map(|(_, v)| v.into_owned());
    match sent {
        Some(sent) if constant_time_eq(&sent, &expected) => Ok(Request::from_parts(parts, Body::from(bytes))),
        _ => Err(AppError::Forbidden("csrf_failed")),
    }
}

/// The request's `Origin` (or, failing that, `Referer`) names this site:
/// the configured public URL or the `Host` the request was sent to.
fn same_origin(state: &AppState, req: &Request) -> bool {
    let headers = req.headers();
    let claimed = headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .filter(|o| *o != "null")
        .map(str::to_owned)
        .or_else(|| {
            headers
                .get(header::REFERER)
                .and_then(|v| v.to_str().ok())
                .and_then(|r| url::Url::parse(r).ok())
                .map(|u| u.origin().ascii_serialization())
        });
    let Some(claimed) = claimed else { return false };
    let Ok(claimed) = url::Url::parse(&claimed) else {
        return false;
    };
    if claimed.origin() == state.config().public_url.origin() {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    match (host, claimed.host_str()) {
        (Some(host), Some(ch)) => {
            let claimed_host = match claimed.port() {
                Some(p) => format!("{ch}:{p}"),
                None => ch.to_owned(),
            };
            claimed_host.eq_ignore_ascii_case(host)
        }
        _ => false,
    }
}
