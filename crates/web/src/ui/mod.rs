//! The HTML pages, one module per page or action. Every route under
//! `/students/{id}` goes through `crate::access::StudentAccess`.

pub mod access_log;
pub mod audit;
pub mod classes;
pub mod corrections;
pub mod deactivated;
pub mod goals;
pub mod home;
pub mod interactions;
pub mod language;
pub mod notes;
pub mod pages;
pub mod plan_actions;
pub mod plan_settings;
pub mod roster;
pub mod sign_in;
pub mod student;
pub mod students;
pub mod team;
pub mod work_queue;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

use crate::app::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home::show))
        .route("/sign-in", get(sign_in::show).post(sign_in::submit))
        .route("/sign-out", post(sign_in::sign_out))
        .route("/language", post(language::change))
        .route("/notices/{id}/dismiss", post(work_queue::dismiss))
        .route("/students", get(students::list))
        .route("/classes/{id}", get(classes::show))
        .route("/students/{id}", get(student::show))
        .route("/students/{id}/sharing", post(student::set_sharing))
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
            post(plan_actions::add_comment),
        )
        .route("/students/{id}/reflections", post(plan_actions::add_reflection))
        .route("/students/{id}/activities/{key}", post(plan_actions::record_activity))
        .route("/students/{id}/review/sign", post(plan_actions::sign_review))
        .route("/students/{id}/profile", post(plan_actions::update_profile))
        .route("/students/{id}/observations", post(plan_actions::add_observation))
        .route(
            "/students/{id}/interactions",
            get(interactions::show).post(interactions::create),
        )
        .route(
            "/students/{id}/follow-ups/{follow_up}/done",
            post(interactions::follow_up_done),
        )
        .route("/students/{id}/team", get(team::show).post(team::add))
        .route("/students/{id}/team/{member}/remove", post(team::remove))
        .route("/students/{id}/plan-manager", post(team::reassign))
        .route("/students/{id}/guardians/{link}/rights", post(team::set_rights))
        .route("/students/{id}/access-log", get(access_log::show))
        .route("/students/{id}/notes", get(notes::show).post(notes::create))
        .route("/students/{id}/notes/break-glass", post(notes::break_glass))
        .route("/admin/audit", get(audit::search))
        .route(
            "/admin/plan-settings",
            get(plan_settings::show).post(plan_settings::save),
        )
        .route("/admin/audit.csv", get(audit::export_csv))
        .route("/admin/time-zone", post(plan_settings::save_time_zone))
        // The package is streamed to disk, so this route alone takes a large body.
        .route(
            "/admin/roster",
            get(roster::show)
                .post(roster::upload)
                .layer(DefaultBodyLimit::max(crate::roster_jobs::UPLOAD_BODY_LIMIT)),
        )
        .route("/admin/roster/limit", get(roster::limit_page).post(roster::save_limit))
        .route("/admin/roster/{id}", get(roster::detail).post(roster::decide))
        .route("/admin/roster/{id}/issues.csv", get(roster::issues_csv))
        .route(
            "/admin/people/deactivated",
            get(deactivated::list).post(deactivated::reactivate),
        )
}
