//! The application: the router (every area's routes, assembled once here)
//! with its middleware stack, and a server that a test can start on port 0.

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration as StdDuration;

use axum::extract::DefaultBodyLimit;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::get;
use axum::Router;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

use crate::context::RequestId;
pub use crate::state::{AppState, WebConfig};
use crate::{api, assets, context, csrf, error, headers, ops, text_guard, ui};

/// The whole site: pages, assets, health endpoints and the middleware.
pub fn router(state: AppState) -> Router {
    let body_limit = state.config().body_limit;
    Router::new()
        .merge(ui::routes())
        .merge(api::routes())
        .route("/static/app.css", get(assets::app_css))
        .route("/static/print.css", get(assets::print_css))
        .route("/static/app.js", get(assets::app_js))
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .fallback(|| async { error::AppError::NotFound })
        // Innermost first: these run last on the way in.
        .layer(from_fn_with_state(state.clone(), text_guard::refuse_nul))
        .layer(from_fn_with_state(state.clone(), csrf::verify_csrf))
        .layer(from_fn_with_state(state.clone(), context::load_context))
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(CatchPanicLayer::new())
        .layer(from_fn_with_state(state.clone(), error::render_error_pages))
        .layer(from_fn_with_state(state.clone(), headers::security_headers))
        .layer(
            TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<_>| {
                let id = req
                    .extensions()
                    .get::<RequestId>()
                    .map(|r| r.0.clone())
                    .unwrap_or_default();
                // Paths hold ids, never names; query strings are left out.
                tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.uri().path())
            }),
        )
        .layer(from_fn(headers::server_timing))
        .layer(from_fn(context::assign_request_id))
        .with_state(state)
}

/// A bound server, ready to run. Tests bind to port 0.
pub struct Application {
    listener: TcpListener,
    state: AppState,
}

impl Application {
    pub async fn bind(addr: SocketAddr, state: AppState) -> std::io::Result<Self> {
        let listener = TcpListener::bind(addr).await?;
        Ok(Self { listener, state })
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown` resolves, then finishes in-flight requests.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        // An import a crash or restart cut short changed nothing: say so.
        crate::roster_jobs::recover(&self.state).await;
        let sweeper = tokio::spawn(sweep_sessions(self.state.clone()));
        let mailer = tokio::spawn(crate::mail_jobs::run(self.state.clone()));
        let syncs = tokio::spawn(crate::roster_sync_jobs::schedule(self.state.clone()));
        let app = router(self.state.clone());
        // The peer address feeds the per-address sign-in back-off.
        let result = axum::serve(self.listener, app.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(shutdown)
            .await;
        sweeper.abort();
        mailer.abort();
        syncs.abort();
        self.state.db().close().await;
        result
    }
}

/// Every ten minutes: deletes expired sessions, refreshes aged plan
/// statuses and, once a day, sweeps the GPA and grade-9 flags.
async fn sweep_sessions(state: AppState) {
    let mut tick = tokio::time::interval(StdDuration::from_secs(600));
    // The day the GPA and grade-9 flags were last swept (the first sweep
    // comes with the next day, not with every start).
    let mut flags_swept = state.now().date();
    loop {
        tick.tick().await;
        let now = state.now();
        if now.date() != flags_swept {
            flags_swept = now.date();
            let app = state.app().clone();
            tokio::spawn(async move {
                use ssp_app::support::recompute;
                match recompute::every_district_of(&app, recompute::FROM_TRANSCRIPT, "daily-sweep").await {
                    Ok(c) => tracing::info!(opened = c.opened, moved = c.moved, "GPA and grade-9 flags swept"),
                    Err(e) => tracing::warn!(error = %e, "could not sweep the GPA and grade-9 flags"),
                }
            });
        }
        let life = state.config().session;
        match ssp_db::repo::sessions::delete_expired(state.db(), now - life.idle, now - life.absolute).await {
            Ok(n) if n > 0 => tracing::info!(removed = n, "expired sessions removed"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "could not remove expired sessions"),
        }
        // Plan statuses age with the calendar (a check-in becomes overdue
        // with no write at all): refresh yesterday's in batches.
        match ssp_app::status::refresh_stale(state.db(), now, 2_000).await {
            Ok(n) if n > 0 => tracing::info!(refreshed = n, "plan statuses refreshed"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "could not refresh plan statuses"),
        }
    }
}
