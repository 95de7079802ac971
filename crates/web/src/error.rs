//! One error type at the edge. Each error has an HTTP status and a stable
//! snake_case code that is also its translation key (`error-<code>`); the
//! cause is logged with the request id and never shown.
//!
//! Handlers return `AppError`; its response carries an [`ErrorPage`]
//! marker that the `render_error_pages` middleware turns into a full page
//! in the user's language (so an error never needs the request to render).

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use ssp_db::DbError;
use ssp_domain::input::{FieldError, Rejected};
use ssp_domain::{Language, ParseError};

use crate::context::{RequestId, ResolvedCtx, ResolvedLang};
use crate::state::AppState;
use crate::ui::pages;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// Not signed in (or the session ended): go to the sign-in page.
    #[error("sign-in required")]
    SignInRequired,
    /// Not signed in, on the JSON API (answered 401, not a redirect).
    #[error("not signed in")]
    Unauthenticated,
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// A value a person typed failed a rule; the code names the rule.
    #[error("invalid input: {0}")]
    Invalid(ParseError),
    /// An input its domain type refused: its code and every field at fault.
    #[error("rejected: {0}")]
    Rejected(Rejected),
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("too many requests")]
    TooManyRequests,
    #[error("service unavailable")]
    Unavailable,
    #[error("internal error: {0:#}")]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::SignInRequired => StatusCode::SEE_OTHER,
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Invalid(_) | AppError::Rejected(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable code, shown to API clients and used as translation key.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::SignInRequired => "sign_in_required",
            AppError::Unauthenticated => "unauthenticated",
            AppError::BadRequest(c) | AppError::Conflict(c) | AppError::Forbidden(c) => c,
            AppError::Invalid(p) => p.code,
            AppError::Rejected(r) => r.error,
            AppError::PayloadTooLarge => "payload_too_large",
            AppError::TooManyRequests => "too_many_requests",
            AppError::Unavailable => "unavailable",
            AppError::Internal(_) => "internal",
        }
    }
}

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        ssp_app::Error::from(e).into()
    }
}

/// A use case's answer, with its HTTP status.
impl From<ssp_app::Error> for AppError {
    fn from(e: ssp_app::Error) -> Self {
        use ssp_app::Error as E;
        match e {
            E::NotFound => AppError::NotFound,
            E::Invalid(p) => AppError::Invalid(p),
            E::Rejected(r) => AppError::Rejected(r),
            E::Forbidden(code) => AppError::Forbidden(code),
            E::Conflict(code) => AppError::Conflict(code),
            E::InvalidReference => AppError::BadRequest("invalid_reference"),
            E::Internal(e) => AppError::Internal(e),
        }
    }
}

pub use ssp_app::error::conflict_code;

/// Marker on an error response, read by `render_error_pages`.
#[derive(Debug, Clone)]
pub struct ErrorPage {
    pub code: &'static str,
    /// Logged, never shown.
    pub cause: Option<String>,
    /// The fields at fault of a rejected input (the API lists them).
    pub fields: Vec<FieldError>,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::SignInRequired = self {
            return Redirect::to("/sign-in").into_response();
        }
        let status = self.status();
        let cause = match &self {
            AppError::Internal(e) => Some(format!("{e:#}")),
            _ => None,
        };
        let mut res = status.into_response();
        let fields = match &self {
            AppError::Rejected(r) => r.fields.clone(),
            _ => Vec::new(),
        };
        res.extensions_mut().insert(ErrorPage {
            code: self.code(),
            cause,
            fields,
        });
        res
    }
}

/// Turns every error response without a body of its own (our `AppError`s,
/// axum's 404/405/413/422 rejections, a caught panic) into a page in the
/// user's language that names the request id to quote.
pub async fn render_error_pages(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let fallback_lang = crate::context::language_from_headers(req.headers());
    let request_id = req.extensions().get::<RequestId>().cloned().unwrap_or_default();
    let is_api = req.uri().path().starts_with("/api/");
    let path = req.uri().path().to_owned();
    let wants_json = is_api
        || req
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|a| a.contains("application/json") && !a.contains("text/html"));
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let marker = res.extensions().get::<ErrorPage>().cloned();
    let rendered = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html") || v.as_bytes().starts_with(b"application/json"));
    if marker.is_none() && rendered {
        return res; // a handler rendered its own answer (a form with errors, a JSON problem)
    }
    let code = marker.as_ref().map(|m| m.code).unwrap_or(match status {
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE | StatusCode::UNPROCESSABLE_ENTITY | StatusCode::BAD_REQUEST => {
            "malformed_form"
        }
        s if s.is_server_error() => "internal",
        _ => "bad_request",
    });
    let code = if is_api && code == "malformed_form" {
        "malformed_json"
    } else {
        code
    };
    let fields: Vec<serde_json::Value> = marker
        .as_ref()
        .map(|m| {
            m.fields
                .iter()
                .map(|f| serde_json::json!({ "field": f.field, "code": f.code }))
                .collect()
        })
        .unwrap_or_default();
    if status.is_server_error() {
        let cause = marker
            .and_then(|m| m.cause)
            .unwrap_or_else(|| "no cause recorded".into());
        tracing::error!(request_id = %request_id.0, status = status.as_u16(), %cause, "request failed");
    } else {
        tracing::info!(request_id = %request_id.0, status = status.as_u16(), code, "request refused");
    }
    if let Some(ResolvedCtx(ctx)) = res.extensions().get::<ResolvedCtx>() {
        if let Err(e) = audit_refusal(&state, ctx, status, code, &path).await {
            tracing::error!(request_id = %request_id.0, error = %e, "could not audit a refusal");
        }
    }
    let lang = res
        .extensions()
        .get::<ResolvedLang>()
        .map(|l| l.0)
        .unwrap_or(fallback_lang);
    let mut out = if wants_json {
        let mut body = serde_json::json!({
            "error": code,
            "message": error_message(lang, code),
            "request_id": request_id.0,
        });
        if !fields.is_empty() {
            body["fields"] = serde_json::Value::Array(fields);
        }
        (status, axum::Json(body)).into_response()
    } else {
        (
            status,
            pages::error_page(
                res.extensions().get::<ResolvedCtx>().map(|c| &c.0),
                lang,
                status,
                code,
                &error_message(lang, code),
                &request_id.0,
            ),
        )
            .into_response()
    };
    // Keep cookies the inner layers set (a cleared session, say).
    for v in res.headers().get_all(header::SET_COOKIE) {
        out.headers_mut().append(header::SET_COOKIE, v.clone());
    }
    if let Some(loc) = res.headers().get(header::RETRY_AFTER) {
        out.headers_mut().insert(header::RETRY_AFTER, loc.clone());
    }
    out.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    out
}

/// Writes an `access_denied` row for a signed-in person's refusal that the
/// access module did not already record: a forbidden action on a student's
/// record (403) and an administrator's page refused to someone else (404).
/// (A 404 on a student route is audited by `StudentAccess` itself.)
async fn audit_refusal(
    state: &AppState,
    ctx: &crate::context::Ctx,
    status: StatusCode,
    code: &str,
    path: &str,
) -> anyhow::Result<()> {
    let Some(session) = ctx.session.as_ref() else {
        return Ok(());
    };
    let student_route = path
        .strip_prefix("/students/")
        .or_else(|| path.strip_prefix("/api/v1/students/"));
    // (Record kinds, not error codes: named before the match.)
    const STUDENT: &str = "student";
    const ADMIN_PAGE: &str = "admin_page";
    let kind = match (status, student_route) {
        (StatusCode::FORBIDDEN, Some(_)) => STUDENT,
        (StatusCode::NOT_FOUND, None) if path.starts_with("/admin/") || path == "/admin" => ADMIN_PAGE,
        _ => return Ok(()),
    };
    let mut ev = ssp_db::repo::audit::AuditEvent::new(ssp_domain::audit::AuditAction::AccessDenied, state.now());
    ev.actor = Some(session.person_id);
    ev.district_id = Some(session.district_id);
    ev.record_kind = Some(kind);
    ev.request_id = Some(ctx.request_id.0.clone());
    // A refused action happens after the access module found the student
    // (except a CSRF refusal, which comes first): name them then.
    let student_id = student_route
        .and_then(|rest| rest.split('/').next())
        .and_then(|id| id.parse::<uuid::Uuid>().ok());
    if code != "csrf_failed" {
        ev.student = student_id.map(ssp_domain::StudentId);
    }
    ev.record_id = Some(path.chars().take(200).collect());
    ev.detail = Some(format!("{} {code}", status.as_u16()));
    state.audit().write(ev).await
}

/// The sentence a person reads for an error code.
pub fn error_message(lang: Language, code: &str) -> String {
    let key = format!("error-{}", code.replace('_', "-"));
    if crate::i18n::has(lang, &key) {
        crate::i18n::t(lang, &key)
    } else {
        crate::i18n::t(lang, "error-bad-request")
    }
}
