//! The plan's use cases: goals, check-ins, reflections and comments,
//! corrections (activities, the review and the profile join them here).

pub mod check_ins;
pub mod corrections;
pub mod goals;
pub mod reflections;
