//! Students who need support (issue 17): needs, tiered interventions with
//! their progress charts, and the district's own intervention strategies.

pub mod interventions;
pub mod needs;
pub mod strategies;
