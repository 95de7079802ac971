//! The SSP team: its members, the plan manager (with history), guardians'
//! educational rights, and who can see what.

pub mod members;

use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/students/{id}/team", get(members::show).post(members::add))
        .route("/students/{id}/team/{member}/remove", post(members::remove))
        .route("/students/{id}/plan-manager", post(members::reassign))
        .route("/students/{id}/guardians/{link}/rights", post(members::set_rights))
}
