//! The ssp domain: types and rules with no IO.
//!
//! Everything here is plain data and pure functions, so the rules can be
//! table-tested without a database or a web server.

pub mod academics;
pub mod access;
pub mod audit;
pub mod auth;
pub mod career;
pub mod district;
pub mod email;
pub mod grade;
pub mod ids;
pub mod input;
pub mod invitation;
pub mod language;
pub mod org;
pub mod partners;
pub mod person;
pub mod plan;
pub mod portfolio;
pub mod records;
pub mod role;
pub mod roster_sync;
pub mod school_year;
pub mod sign_in;
pub mod support;
pub mod team;

pub use email::Email;
pub use grade::GradeLevel;
pub use ids::*;
pub use language::Language;
pub use role::{HomeRole, StaffRole};
pub use school_year::SchoolYear;

/// An error from parsing a value a person typed or a file held.
///
/// `code` is a stable snake_case key, also used as the translation key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {detail}")]
pub struct ParseError {
    pub code: &'static str,
    pub detail: String,
}

impl ParseError {
    pub fn new(code: &'static str, detail: impl Into<String>) -> Self {
        Self {
            code,
            detail: detail.into(),
        }
    }
}
