//! Our own CSS and JavaScript, compiled into the binary (no CDN, nothing
//! fetched from elsewhere).

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

const APP_CSS: &str = include_str!("../static/app.css");
const PRINT_CSS: &str = include_str!("../static/print.css");
const APP_JS: &str = include_str!("../static/app.js");

fn asset(body: &'static str, content_type: &'static str) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

pub async fn app_css() -> Response {
    asset(APP_CSS, "text/css; charset=utf-8")
}

pub async fn print_css() -> Response {
    asset(PRINT_CSS, "text/css; charset=utf-8")
}

pub async fn app_js() -> Response {
    asset(APP_JS, "text/javascript; charset=utf-8")
}
