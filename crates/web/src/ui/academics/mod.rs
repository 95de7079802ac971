//! Academic planning pages: a student's academic record — transcript, GPA,
//! the graduation-requirement audit with its explanation and the date of
//! its data, on-track — and transfer credit typed by staff (`record.rs`);
//! the district's course catalog and the catalog and transcript CSV loads
//! (`catalog.rs`); the district's graduation requirement sets, grade scale
//! and plan credit limit (`graduation.rs`); the multi-year course plan
//! (`plan.rs`).

pub mod catalog;
pub mod graduation;
pub mod plan;
pub mod record;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

/// The largest CSV the admin page takes (bigger files: `ssp import`).
pub const UPLOAD_LIMIT: usize = 20 << 20;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/students/{id}/academics", get(record::show))
        .route("/students/{id}/academics/transcript", post(record::add_transfer))
        .route("/students/{id}/course-plan", get(plan::show).post(plan::change))
        .route("/students/{id}/course-plan/submit", post(plan::submit))
        .route("/students/{id}/course-plan/decision", post(plan::decide))
        .route("/students/{id}/course-plan/acknowledge", post(plan::acknowledge))
        .route("/admin/catalog", get(catalog::show))
        .route("/admin/catalog/course", post(catalog::save_course))
        .route("/admin/graduation", get(graduation::show))
        .route("/admin/graduation/sets", post(graduation::add_set))
        .route("/admin/graduation/sets/{id}", post(graduation::change_set))
        .route("/admin/graduation/sets/{id}/remove", post(graduation::remove_set))
        .route("/admin/graduation/scale", post(graduation::save_settings))
        .route(
            "/admin/catalog/upload",
            post(catalog::upload).layer(DefaultBodyLimit::max(UPLOAD_LIMIT + (64 << 10))),
        )
}
