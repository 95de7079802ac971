//! The JSON API (`/api/v1`): the plan's data with the same access rules as
//! the pages (every student route goes through `StudentAccess`), described
//! by an OpenAPI 3.1 document at `/api/openapi.json`.
//!
//! Authentication is the session cookie; writes also need the session's
//! CSRF token in the `x-csrf-token` header (GET `/api/v1/session` gives it).

pub mod openapi;
pub mod plan;
pub mod records;
pub mod team;

use axum::routing::{delete, get, post, put};
use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/openapi.json", get(openapi::document))
        .route("/api/v1/session", get(plan::session))
        .route("/api/v1/students/{id}/plan", get(plan::plan))
        .route("/api/v1/students/{id}/goals", get(plan::goals).post(plan::create_goal))
        .route(
            "/api/v1/students/{id}/goals/{goal}/check-ins",
            get(plan::check_ins).post(plan::create_check_in),
        )
        .route(
            "/api/v1/students/{id}/goals/{goal}/check-ins/{check_in}",
            put(plan::correct_check_in).delete(plan::delete_check_in),
        )
        .route("/api/v1/students/{id}/reflections", get(plan::reflections))
        .route(
            "/api/v1/students/{id}/interactions",
            get(plan::interactions).post(records::create_interaction),
        )
        .route("/api/v1/students/{id}/team", get(team::members).post(team::add_member))
        .route("/api/v1/students/{id}/team/{member}", delete(team::remove_member))
        .route(
            "/api/v1/students/{id}/plan-manager",
            get(team::plan_manager).put(team::reassign_plan_manager),
        )
        .route("/api/v1/students/{id}/guardians", get(team::guardians))
        .route("/api/v1/students/{id}/guardians/{link}/rights", put(team::set_rights))
        .route(
            "/api/v1/students/{id}/notes",
            get(records::list_notes).post(records::create_note),
        )
        .route("/api/v1/students/{id}/notes/break-glass", post(records::break_glass))
        .route("/api/v1/students/{id}/follow-ups", get(records::follow_ups))
        .route(
            "/api/v1/students/{id}/follow-ups/{follow_up}/done",
            post(records::follow_up_done),
        )
}
