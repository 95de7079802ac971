//! JSON handlers for the portfolio: artifacts (`artifacts.rs`),
//! experiences (`experiences.rs`), the capstone (`capstone.rs`), the
//! district's portfolio settings, showcases and collections (`sharing.rs`). Each
//! module's `router()` registers its operations (with `routes!`, as in
//! `api/mod.rs`).

pub mod artifacts;
pub mod capstone;
pub mod experiences;
pub mod sharing;

use utoipa_axum::router::OpenApiRouter;

use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(artifacts::router())
        .merge(experiences::router())
        .merge(capstone::router())
        .merge(sharing::router())
}
