//! The plan's use cases: goals (with their action steps and supports),
//! check-ins, reflections and comments, corrections, grade-level
//! activities, the annual review, the profile and the 18+ sharing choice.

pub mod activities;
pub mod check_ins;
pub mod corrections;
pub mod goals;
pub mod profile;
pub mod reflections;
pub mod review;
pub mod sharing;
