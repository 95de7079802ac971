//! Records beside the plan: notes (by class, with break-glass for the
//! restricted ones), interactions and their follow-ups.

pub mod interactions;
pub mod notes;
