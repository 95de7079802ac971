//! The SSP team: members added and removed, the plan manager reassigned
//! (the history kept), guardians' educational rights.

pub mod members;
