#![recursion_limit = "512"]
//! The web layer: axum routers for the HTML pages, sign-in and sessions,
//! CSRF, security headers, error pages and translations.
//!
//! Request flow: request id → trace → security headers → error pages →
//! panic guard → request context (session, language) → CSRF → route.

pub mod api;
pub mod app;
pub mod assets;
pub mod auth;
pub mod chart;
pub mod context;
pub mod csrf;
pub mod error;
pub mod headers;
pub mod i18n;
pub mod mail_jobs;
pub mod ops;
pub mod roster_jobs;
pub mod roster_sync_jobs;
pub mod state;
pub mod text_guard;
pub mod ui;
pub mod upload;
pub mod when;

pub use app::Application;
pub use error::AppError;
pub use ssp_app::{Clock, SystemClock};
pub use state::{AppState, WebConfig};
