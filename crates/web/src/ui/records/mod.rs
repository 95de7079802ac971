//! The records kept about a student beside the plan: notes (by
//! sensitivity class, with break-glass), interactions and their follow-ups,
//! and the access log ("who viewed this plan").

pub mod access_log;
pub mod interactions;
pub mod notes;

use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/students/{id}/interactions",
            get(interactions::show).post(interactions::create),
        )
        .route(
            "/students/{id}/follow-ups/{follow_up}/done",
            post(interactions::follow_up_done),
        )
        .route("/students/{id}/access-log", get(access_log::show))
        .route("/students/{id}/notes", get(notes::show).post(notes::create))
        .route("/students/{id}/notes/break-glass", post(notes::break_glass))
}
