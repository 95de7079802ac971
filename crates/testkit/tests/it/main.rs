//! The integration suite: one binary, run on SQLite by default and on
//! PostgreSQL when SSP_TEST_DATABASE_URL is set.

mod academics;
mod access;
mod accounts;
mod api;
mod api_career;
mod auth;
mod career;
mod cli;
mod copy;
mod corrections;
mod csrf;
mod db;
mod errors;
mod graduation;
mod home;
mod i18n;
mod invitations;
mod living_demo;
mod mail;
mod mfa;
mod plan;
mod plan_forms;
mod privacy;
mod queues;
mod reset;
mod roster_page;
mod roster_real;
mod roster_safety;
mod roster_sync;
mod sso;
mod support;
mod twins;
mod twins_plan;
mod twins_team;
