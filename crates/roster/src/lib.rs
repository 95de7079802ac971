//! roster
pub mod export;
