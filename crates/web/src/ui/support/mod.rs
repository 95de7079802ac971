//! Students who need support (issue 17): early-warning flags
//! (`early_warning.rs` routes `flags.rs` and `settings.rs`), needs, tiered
//! interventions with their progress charts, and the district's own
//! intervention strategies.

pub mod early_warning;
pub mod fairness;
pub mod flags;
pub mod interventions;
pub mod needs;
pub mod settings;
pub mod strategies;
