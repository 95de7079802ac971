//! Students who need support: indicator readings (`readings.rs`), the
//! district's early-warning settings and the flags with their history
//! (`flags.rs`).

pub mod flags;
pub mod readings;
