//! Career development pages: the student's career page with "my career
//! list" and the exploration log (`overview.rs`), the interest inventory one
//! question per screen and its results (`inventory.rs`), work values and
//! strengths (`ratings.rs`), careers that fit (`matches.rs`), occupation
//! search, pages and clusters (`occupations.rs`), and the postsecondary plan
//! (`postsecondary.rs`). The district's pathways are under `admin/`.

pub mod inventory;
pub mod matches;
pub mod occupations;
pub mod overview;
pub mod postsecondary;
pub mod ratings;

use axum::routing::{get, post};
use axum::Router;
use ssp_domain::career::Area;

use crate::state::AppState;
use crate::ui::pages::Page;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/students/{id}/career", get(overview::show))
        .route(
            "/students/{id}/career/inventory",
            get(inventory::take).post(inventory::answer),
        )
        .route("/students/{id}/career/results", get(inventory::results))
        .route(
            "/students/{id}/career/values",
            get(ratings::values_form).post(ratings::save_values),
        )
        .route(
            "/students/{id}/career/strengths",
            get(ratings::strengths_form).post(ratings::save_strengths),
        )
        .route("/students/{id}/career/matches", get(matches::show))
        .route("/students/{id}/career/saved", post(overview::save))
        .route("/students/{id}/career/saved/{code}/remove", post(overview::remove))
        .route("/students/{id}/career/explorations", post(overview::log_exploration))
        .route("/students/{id}/postsecondary", get(postsecondary::show))
        .route("/students/{id}/postsecondary/paths", post(postsecondary::set_paths))
        .route(
            "/students/{id}/postsecondary/programs",
            post(postsecondary::add_program),
        )
        .route(
            "/students/{id}/postsecondary/programs/{program}/status",
            post(postsecondary::set_program_status),
        )
        .route("/students/{id}/postsecondary/steps", post(postsecondary::add_step))
        .route(
            "/students/{id}/postsecondary/steps/{step}/done",
            post(postsecondary::set_step_done),
        )
        .route("/students/{id}/postsecondary/comments", post(postsecondary::comment))
        .route("/careers", get(occupations::search))
        .route("/careers/clusters", get(occupations::clusters))
        .route("/careers/{code}", get(occupations::show))
}

/// An area's name in the reader's language.
pub fn area_name(page: &Page, a: Area) -> String {
    page.t(&format!("riasec-{}", a.key()))
}

/// The chart of six area scores (0–40), with its text for screen readers.
pub fn scores_chart(page: &Page, scores: &[u8; 6]) -> String {
    let bars: Vec<(String, f64)> = Area::ALL
        .iter()
        .map(|a| (area_name(page, *a), f64::from(scores[a.index()])))
        .collect();
    let label = format!(
        "{}: {}",
        page.t("inventory-chart-label"),
        bars.iter()
            .map(|(n, v)| format!("{n} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    crate::chart::bars(&label, &bars, 40.0)
}
