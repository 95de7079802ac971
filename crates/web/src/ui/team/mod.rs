//! The SSP team: its members, the plan manager (with history), guardians'
//! educational rights, who can see what, and inviting families to sign in.

pub mod invitations;
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
        .route("/students/{id}/guardians/{link}/invite", post(invitations::invite))
        .route(
            "/schools/{id}/invitations",
            get(invitations::school_page).post(invitations::school_start),
        )
}
