//! Finding students: the caseload and district lists with search, and a
//! class's roster.

pub mod classes;
pub mod list;

use axum::routing::get;
use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/students", get(list::list))
        .route("/classes/{id}", get(classes::show))
}
