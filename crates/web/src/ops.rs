//! Health endpoints for load balancers and orchestrators.

use axum::extract::State;
use axum::http::StatusCode;

use crate::state::AppState;

/// The process is up.
pub async fn healthz() -> &'static str {
    "ok"
}

/// The database answers and is migrated to this build's schema.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if state.db().is_ready().await {
        (StatusCode::OK, "ready")
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "database not reachable or not migrated",
        )
    }
}
