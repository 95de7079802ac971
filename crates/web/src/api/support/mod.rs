//! JSON handlers for students who need support (issue 17): early-warning
//! flags and the indicator pushes (`flags.rs`), needs (`needs.rs`) and
//! tiered interventions (`interventions.rs`). Each
//! module's `router()` registers its operations (with `routes!`, as in
//! `api/mod.rs`).

pub mod admin;
pub mod flags;
pub mod interventions;
pub mod needs;
