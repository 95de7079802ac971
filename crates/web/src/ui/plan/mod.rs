//! The plan: its page (`page.rs`, with the 18+ sharing switch), goals,
//! check-ins, action steps and supports (`goals.rs`), reflections and
//! comments, grade-level activities, the annual review and the profile
//! (`actions.rs`), and an author's corrections (`corrections.rs`).

pub mod actions;
pub mod corrections;
pub mod goals;
pub mod page;

use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/students/{id}", get(page::show))
        .route("/students/{id}/sharing", post(page::set_sharing))
        .route("/students/{id}/goals", post(goals::create))
        .route("/students/{id}/goals/new", get(goals::new_form))
        .route("/students/{id}/goals/{goal}", get(goals::show).post(goals::update))
        .route("/students/{id}/goals/{goal}/edit", get(goals::edit_form))
        .route("/students/{id}/goals/{goal}/check-ins", post(goals::check_in))
        .route("/students/{id}/goals/{goal}/status", post(goals::set_status))
        .route("/students/{id}/goals/{goal}/steps", post(goals::add_step))
        .route("/students/{id}/goals/{goal}/supports", post(goals::add_support))
        .route(
            "/students/{id}/goals/{goal}/steps/{step}/done",
            post(goals::complete_step),
        )
        .route(
            "/students/{id}/goals/{goal}/check-ins/{check_in}/edit",
            get(corrections::edit_check_in),
        )
        .route(
            "/students/{id}/goals/{goal}/check-ins/{check_in}",
            post(corrections::save_check_in),
        )
        .route(
            "/students/{id}/goals/{goal}/check-ins/{check_in}/delete",
            post(corrections::delete_check_in),
        )
        .route(
            "/students/{id}/reflections/{reflection}/edit",
            get(corrections::edit_reflection),
        )
        .route(
            "/students/{id}/reflections/{reflection}",
            post(corrections::save_reflection),
        )
        .route(
            "/students/{id}/reflections/{reflection}/delete",
            post(corrections::delete_reflection),
        )
        .route(
            "/students/{id}/reflections/{reflection}/comments",
            post(actions::add_comment),
        )
        .route("/students/{id}/reflections", post(actions::add_reflection))
        .route("/students/{id}/activities/{key}", post(actions::record_activity))
        .route("/students/{id}/review/sign", post(actions::sign_review))
        .route("/students/{id}/profile", post(actions::update_profile))
        .route("/students/{id}/observations", post(actions::add_observation))
}
