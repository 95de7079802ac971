//! Students who need support (issue 17): needs, and tiered interventions
//! with their progress points, links and the district's own strategies.

pub mod interventions;
pub mod needs;
