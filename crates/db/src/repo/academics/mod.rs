//! Academic planning's SQL: the district's course catalog (`catalog.rs`) and
//! each student's transcript (`transcripts.rs`). Credits are hundredths.

pub mod catalog;
pub mod plans;
pub mod rules;
pub mod transcripts;
