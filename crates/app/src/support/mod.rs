//! Students who need support (issue 17): needs (by sensitivity, with
//! break-glass for the restricted ones) and tiered interventions with
//! progress monitoring.

pub mod interventions;
pub mod needs;
