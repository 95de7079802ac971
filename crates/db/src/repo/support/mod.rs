//! Students who need support (issue 17): indicator readings
//! (`readings.rs`), the district's early-warning settings and the flags
//! with their history (`flags.rs`), needs, and tiered interventions with
//! their progress points, links and the district's own strategies.

pub mod bulk;
pub mod fairness;
pub mod flags;
pub mod interventions;
pub mod needs;
pub mod readings;
