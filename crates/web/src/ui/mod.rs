//! The HTML pages, one module per page or action.

pub mod home;
pub mod language;
pub mod pages;
pub mod sign_in;

use axum::routing::{get, post};
use axum::Router;

use crate::app::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home::show))
        .route("/sign-in", get(sign_in::show).post(sign_in::submit))
        .route("/sign-out", post(sign_in::sign_out))
        .route("/language", post(language::change))
}
