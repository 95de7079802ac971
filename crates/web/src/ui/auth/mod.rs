//! Signing in and out.

pub mod sign_in;
pub mod sso;

use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/sign-in", get(sign_in::show).post(sign_in::submit))
        .route("/sign-out", post(sign_in::sign_out))
        .route("/sign-in/sso/callback", get(sso::callback))
        .route("/sign-in/sso/{provider}", get(sso::start))
}
