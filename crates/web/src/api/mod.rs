//! The JSON API (`/api/v1`): the plan's data with the same access rules as
//! the pages (every student route goes through `StudentAccess`), described
//! by an OpenAPI 3.1 document at `/api/openapi.json`.
//!
//! Authentication is the session cookie; writes also need the session's
//! CSRF token in the `x-csrf-token` header (GET `/api/v1/session` gives it).

pub mod openapi;
pub mod plan;
pub mod plan_actions;
pub mod plan_goals;

use axum::routing::{get, post, put};
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
        .route(
            "/api/v1/students/{id}/reflections",
            get(plan::reflections).post(plan_actions::add_reflection),
        )
        .route(
            "/api/v1/students/{id}/reflections/{reflection}/comments",
            get(plan_actions::comments).post(plan_actions::add_comment),
        )
        .route("/api/v1/students/{id}/activities", get(plan_actions::activities))
        .route(
            "/api/v1/students/{id}/activities/{key}",
            put(plan_actions::record_activity),
        )
        .route("/api/v1/students/{id}/review", get(plan_actions::review))
        .route(
            "/api/v1/students/{id}/review/signatures",
            post(plan_actions::sign_review),
        )
        .route(
            "/api/v1/students/{id}/profile",
            get(plan_actions::profile).put(plan_actions::update_profile),
        )
        .route(
            "/api/v1/students/{id}/observations",
            get(plan_actions::observations).post(plan_actions::add_observation),
        )
        .route(
            "/api/v1/students/{id}/sharing",
            get(plan_actions::sharing).put(plan_actions::set_sharing),
        )
        .route("/api/v1/students/{id}/goals/{goal}", put(plan_goals::update_goal))
        .route("/api/v1/students/{id}/goals/{goal}/status", put(plan_goals::set_status))
        .route(
            "/api/v1/students/{id}/goals/{goal}/steps",
            get(plan_goals::steps).post(plan_goals::add_step),
        )
        .route(
            "/api/v1/students/{id}/goals/{goal}/steps/{step}/done",
            post(plan_goals::complete_step),
        )
        .route(
            "/api/v1/students/{id}/goals/{goal}/supports",
            get(plan_goals::supports).post(plan_goals::add_support),
        )
        .route("/api/v1/students/{id}/interactions", get(plan::interactions))
}
