//! Text never carries a NUL character: PostgreSQL refuses one in `text`
//! (the request would fail with a 500) while SQLite would store it, so the
//! two engines would disagree. Every form, JSON body and query string with
//! a NUL (`%00`, `\u0000` or a raw 0x00 byte) is refused with 422
//! `text_has_nul` before any handler runs, so nothing is changed.

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use ssp_domain::ParseError;

use crate::error::AppError;
use crate::state::AppState;

fn refused() -> Response {
    AppError::Invalid(ParseError::new("text_has_nul", "text cannot contain a NUL character")).into_response()
}

/// Whether `bytes` (a query, form or JSON text) holds a NUL, raw or escaped.
pub fn has_nul(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return true;
    }
    let lower = bytes.to_ascii_lowercase();
    lower.windows(3).any(|w| w == b"%00") || lower.windows(6).any(|w| w == b"\\u0000")
}

pub async fn refuse_nul(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.uri().query().is_some_and(|q| has_nul(q.as_bytes())) {
        return refused();
    }
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let textual =
        content_type.starts_with("application/x-www-form-urlencoded") || content_type.starts_with("application/json");
    if !textual {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, state.config().body_limit).await else {
        return AppError::PayloadTooLarge.into_response();
    };
    if has_nul(&bytes) {
        return refused();
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

#[cfg(test)]
mod tests {
    use super::has_nul;

    #[test]
    fn nul_is_found_raw_percent_encoded_or_json_escaped() {
        let cases: [(&[u8], bool); 7] = [
            (b"body=hello", false),
            (b"body=a%00b", true),
            (b"body=a%2500b", false),
            (br#"{"note":"a\u0000b"}"#, true),
            (br#"{"note":"a\U0000b"}"#, true),
            (b"a\0b", true),
            (br#"{"note":"\\u0000"}"#, true),
        ];
        for (input, expected) in cases {
            assert_eq!(has_nul(input), expected, "{}", String::from_utf8_lossy(input));
        }
    }
}
