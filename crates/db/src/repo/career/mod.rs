//! Career development's SQL: the O*NET reference tables and their loads
//! (`occupations.rs`), the district's pathways (`pathways.rs`), and each
//! student's inventories and self-ratings (`inventories.rs`), saved careers
//! and exploration log (`saved.rs`), and postsecondary plan
//! (`postsecondary.rs`).

pub mod inventories;
pub mod occupations;
pub mod pathways;
pub mod postsecondary;
pub mod saved;
