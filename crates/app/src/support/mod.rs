//! Students who need support (issue 17): the district's early-warning
//! settings (`settings.rs`), the indicator loads from CSV files and the
//! API (`loads.rs`), recomputing a student's flags when their data changes
//! (`recompute.rs`) and the flag actions and lists (`flags.rs`); needs (by
//! sensitivity, with break-glass for the restricted ones) and tiered
//! interventions with progress monitoring; the fairness audit of flag
//! rates by subgroup (`fairness.rs`).
//!
//! Flags are staff records (`RecordKind::Support(Sensitivity::Staff)`):
//! students and families never see them.

pub mod fairness;
pub mod flags;
pub mod interventions;
pub mod loads;
pub mod needs;
pub mod recompute;
pub mod settings;

use ssp_domain::access::{RecordKind, Sensitivity};

/// The access kind of a flag.
pub const FLAG: RecordKind = RecordKind::Support(Sensitivity::Staff);

/// Days from a flag's opening to its default next step's due date.
pub const DEFAULT_NEXT_STEP_DAYS: i64 = 7;
