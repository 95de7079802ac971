//! Sign-in accounts of a district's people: `prepare` (an account for every
//! active rostered student, guardian and staff member who has none, with no
//! password) and `manage` (the district administrator's accounts page:
//! search, disable, enable, end all sessions).

pub mod manage;
pub mod prepare;
