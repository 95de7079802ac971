//! What a use case can answer besides success. The web layer maps each
//! variant to an HTTP status and keeps the code as the stable error code
//! (and translation key `error-<code>`).

use ssp_db::DbError;
use ssp_domain::input::Rejected;
use ssp_domain::ParseError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Unknown, malformed or out of the actor's scope (the same answer, by
    /// design; the denial is already audited).
    #[error("not found")]
    NotFound,
    /// A value failed a rule; the code names the rule and the field.
    #[error("invalid input: {0}")]
    Invalid(ParseError),
    /// Input refused by its domain type's rules, every field at fault.
    #[error("rejected: {0}")]
    Rejected(Rejected),
    /// The actor may see the record but not do this to it.
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    /// The record's state does not allow it (already exists, has comments…).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// A reference to something that does not exist in this district.
    #[error("invalid reference")]
    InvalidReference,
    #[error("internal error: {0:#}")]
    Internal(#[from] anyhow::Error),
}

impl Error {
    /// A refused value, with its stable code and an English detail.
    pub fn invalid(code: &'static str, detail: impl Into<String>) -> Self {
        Error::Invalid(ParseError::new(code, detail))
    }
}

impl From<ParseError> for Error {
    fn from(e: ParseError) -> Self {
        Error::Invalid(e)
    }
}

impl From<Rejected> for Error {
    fn from(e: Rejected) -> Self {
        Error::Rejected(e)
    }
}

impl From<DbError> for Error {
    fn from(e: DbError) -> Self {
        match e {
            DbError::NotFound => Error::NotFound,
            DbError::Conflict { constraint } => Error::Conflict(conflict_code(&constraint)),
            DbError::Invalid { .. } => Error::InvalidReference,
            other => Error::Internal(anyhow::Error::new(other)),
        }
    }
}

/// Names the field a unique index protects, so the message can say which
/// value is taken ("That username is taken").
pub fn conflict_code(constraint: &str) -> &'static str {
    match constraint {
        "accounts_username_uq" => "username_taken",
        "accounts_email_uq" => "email_taken",
        "career_pathways_district_id_name_uq" => "pathway_name_taken",
        "partners_district_id_name_uq" => "partner_name_taken",
        "resources_district_id_name_uq" => "resource_name_taken",
        _ => "already_exists",
    }
}
