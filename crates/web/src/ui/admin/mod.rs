//! District administration: plan settings and time zone, the audit log,
//! the roster import and its OneRoster REST sync, deactivated people,
//! sign-in accounts, the district's identity providers and its career
//! pathways.

pub mod accounts;
pub mod audit;
pub mod deactivated;
pub mod pathways;
pub mod plan_settings;
pub mod roster;
pub mod roster_sync;
pub mod sign_in_providers;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/audit", get(audit::search))
        .route("/admin/audit.csv", get(audit::export_csv))
        .route(
            "/admin/plan-settings",
            get(plan_settings::show).post(plan_settings::save),
        )
        .route("/admin/time-zone", post(plan_settings::save_time_zone))
        .route("/admin/sign-in-settings", post(plan_settings::save_sign_in))
        // The package is streamed to disk, so this route alone takes a large body.
        .route(
            "/admin/roster",
            get(roster::show)
                .post(roster::upload)
                .layer(DefaultBodyLimit::max(crate::roster_jobs::UPLOAD_BODY_LIMIT)),
        )
        .route("/admin/roster/limit", get(roster::limit_page).post(roster::save_limit))
        .route("/admin/roster/sync", get(roster_sync::show).post(roster_sync::save))
        .route("/admin/roster/sync/run", post(roster_sync::run_now))
        .route("/admin/roster/{id}", get(roster::detail).post(roster::decide))
        .route("/admin/roster/{id}/issues.csv", get(roster::issues_csv))
        .route(
            "/admin/people/deactivated",
            get(deactivated::list).post(deactivated::reactivate),
        )
        .route("/admin/pathways", get(pathways::show).post(pathways::add))
        .route("/admin/pathways/{id}/remove", post(pathways::remove))
        .route("/admin/accounts", get(accounts::show))
        .route("/admin/accounts/prepare", post(accounts::prepare))
        .route("/admin/accounts/{id}", post(accounts::act))
        .route(
            "/admin/sign-in-providers",
            get(sign_in_providers::show).post(sign_in_providers::add),
        )
        .route("/admin/sign-in-providers/{id}/remove", post(sign_in_providers::remove))
}
