//! The use cases: one function per action a person can take on a plan,
//! with no HTTP types. Each takes the caller ([`Actor`], or a loaded
//! [`access::StudentAccess`]) and input already parsed into a domain type,
//! asks the access module, runs in one transaction ([`write::PlanWrite`]),
//! writes the audit row, refreshes the plan's stored up-to-date status, and
//! returns a domain result or a typed [`Error`]. Pages, the JSON API, the
//! CLI and background jobs call these functions; none opens its own
//! transaction for a plan write.
//!
//! Input arrives as [`Parsed`]: the domain type, or the rejection its
//! `parse` gave. A use case asks the access module first and only then
//! answers a rejection, so someone outside the student's circle gets the
//! same audited not-found for bad input as for good.
//!
//! Folders follow the product's areas, like the web layer: `plan/`
//! (goals, check-ins, corrections, reflections, activities, review,
//! profile), `team/`, `records/` (notes, interactions), `admin/`,
//! `accounts/` (passwords, invitations, reset, two-factor) and `mail/`
//! (the outbox and its SMTP sender).

pub mod academics;
pub mod access;
pub mod accounts;
pub mod actor;
pub mod admin;
pub mod audit_writer;
pub mod career;
pub mod clock;
pub mod error;
pub mod home;
pub mod mail;
pub mod partners;
pub mod plan;
pub mod portfolio;
pub mod records;
pub mod sign_in;
pub mod status;
pub mod support;
pub mod team;
pub mod write;

use std::sync::Arc;

use ssp_db::Db;
use time::OffsetDateTime;

pub use access::StudentAccess;
pub use actor::Actor;
pub use audit_writer::AuditWriter;
pub use clock::{Clock, SystemClock};
pub use error::Error;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Input as its domain type parsed it: the value, or why it was refused.
pub type Parsed<T> = std::result::Result<T, ssp_domain::input::Rejected>;

struct Inner {
    db: Db,
    clock: Arc<dyn Clock>,
    audit: AuditWriter,
    catalog: career::catalog::CatalogCache,
    standings: academics::standing::Registry,
    flag_refresh: support::recompute::Registry,
    files: std::sync::OnceLock<portfolio::files::Files>,
}

/// What every use case needs: the database, the clock and the group-commit
/// writer for audit rows of reads. Cheap to clone.
#[derive(Clone)]
pub struct App(Arc<Inner>);

impl App {
    /// Starts the audit writer on the current tokio runtime.
    pub fn new(db: Db, clock: Arc<dyn Clock>) -> Self {
        let audit = AuditWriter::spawn(db.clone());
        Self(Arc::new(Inner {
            db,
            clock,
            audit,
            catalog: Default::default(),
            standings: Default::default(),
            flag_refresh: Default::default(),
            files: Default::default(),
        }))
    }

    pub fn db(&self) -> &Db {
        &self.0.db
    }

    /// The group-commit writer for audit rows of reads.
    pub fn audit(&self) -> &AuditWriter {
        &self.0.audit
    }

    pub fn now(&self) -> OffsetDateTime {
        self.0.clock.now()
    }

    /// The loaded occupations in memory (see [`career::catalog`]).
    pub fn catalog(&self) -> &career::catalog::CatalogCache {
        &self.0.catalog
    }

    /// Sets where portfolio files are kept (once, at start-up; a second
    /// call is ignored).
    pub fn set_files(&self, files: portfolio::files::Files) {
        let _ = self.0.files.set(files);
    }

    /// Where portfolio files are kept.
    pub fn files(&self) -> Result<&portfolio::files::Files, Error> {
        self.0
            .files
            .get()
            .ok_or_else(|| Error::Internal(anyhow::anyhow!("no file store was set up")))
    }

    /// The districts whose flags are being recomputed in the background.
    pub(crate) fn flag_refresh(&self) -> &support::recompute::Registry {
        &self.0.flag_refresh
    }

    /// The districts whose academic standings are being recomputed.
    pub(crate) fn standings(&self) -> &academics::standing::Registry {
        &self.0.standings
    }
}
