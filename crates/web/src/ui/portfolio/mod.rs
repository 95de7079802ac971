//! Portfolio pages: a student's artifacts, best work, collections and
//! showcases (`artifacts.rs`); experiences outside the classroom and the
//! supervisor's verification page (`experiences.rs`); changing an
//! experience and removing unverified hours (`experience_edit.rs`); the capstone
//! (`capstone.rs`); competency names and choices (`competencies.rs`);
//! the district's portfolio settings (`settings.rs`).

pub mod artifacts;
pub mod capstone;
pub mod competencies;
pub mod experience_edit;
pub mod experiences;
pub mod settings;

use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(artifacts::routes())
        .merge(experiences::routes())
        .merge(experience_edit::routes())
        .merge(capstone::routes())
        .merge(settings::routes())
}
