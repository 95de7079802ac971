//! The HTML pages, grouped by the product's areas. Each area's `mod.rs`
//! lists its routes; [`routes`] assembles them once. Every route under
//! `/students/{id}` goes through `ssp_app::StudentAccess`.
//!
//! * `auth/` — sign-in and sign-out, single sign-on
//! * `home/` — each person's home page, its work queues and notices
//! * `students/` — finding students: the caseload and district lists, a class roster
//! * `plan/` — the plan: its page, goals and check-ins, reflections,
//!   activities, the annual review, the profile, corrections
//! * `academics/` — a student's transcript, GPA, graduation audit and
//!   on-track; transfer credit; the course catalog and the CSV loads
//! * `career/` — the interest inventory and results, work values and
//!   strengths, careers that fit, my career list and the exploration log,
//!   occupation search and pages, clusters, the postsecondary plan
//! * `team/` — the SSP team, the plan manager, guardians' rights
//! * `records/` — notes, interactions and follow-ups, the access log
//! * `support/` — early-warning flags and settings, needs, tiered
//!   interventions and their progress charts,
//!   the district's own strategies
//! * `admin/` — district settings, the audit log, the roster import,
//!   deactivated people, accounts, identity providers, career pathways
//!
//! Shared by all: `pages.rs` (the page chrome, drafts of refused forms) and
//! `language.rs` (the language menu).

pub mod academics;
pub mod admin;
pub mod auth;
pub mod career;
pub mod home;
pub mod language;
pub mod pages;
pub mod partners;
pub mod plan;
pub mod portfolio;
pub mod records;
pub mod students;
pub mod support;
pub mod team;

use axum::routing::post;
use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/language", post(language::change))
        .merge(auth::routes())
        .merge(home::routes())
        .merge(students::routes())
        .merge(plan::routes())
        .merge(career::routes())
        .merge(academics::routes())
        .merge(portfolio::routes())
        .merge(team::routes())
        .merge(records::routes())
        .merge(support::needs::routes())
        .merge(support::interventions::routes())
        .merge(support::strategies::routes())
        .merge(support::fairness::routes())
        .merge(admin::routes())
        .merge(support::early_warning::routes())
        .merge(partners::routes())
}
