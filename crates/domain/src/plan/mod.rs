//! The plan itself (DESIGN §4): its three domains, goals and their measures,
//! the grade-level scope and sequence of activities, the annual review and
//! the district's headline "up-to-date plan" rule. Pure rules over plain data.

pub mod activity;
pub mod check_in;
pub mod correction;
pub mod domain;
pub mod goal;
pub mod profile;
pub mod reflection;
pub mod review;
pub mod sharing;
pub mod steps;
pub mod up_to_date;

pub use activity::{ActivityState, ActivityStatus, ActivityTemplate};
pub use domain::PlanDomain;
pub use goal::{CheckInCadence, FieldError, GoalInput, GoalStatus, MeasureKind, ValidGoal};
pub use review::Signer;
pub use up_to_date::{ActivityFacts, Condition, Failure, GoalFacts, PlanFacts, ReviewFacts, UpToDate, UpToDateRule};
