//! Each person's home page: its work queues and in-app notices.

pub mod page;
pub mod partner;
pub mod work_queue;

use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(page::show))
        .route("/notices/{id}/dismiss", post(work_queue::dismiss))
}
