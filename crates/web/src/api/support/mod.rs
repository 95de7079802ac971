//! JSON handlers for students who need support (issue 17): needs
//! (`needs.rs`) and tiered interventions (`interventions.rs`). Each
//! module's `router()` registers its operations (with `routes!`, as in
//! `api/mod.rs`).

pub mod interventions;
pub mod needs;
