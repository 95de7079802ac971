//! Career development's use cases: the interest inventory
//! (`inventory.rs`), work values and strengths (`ratings.rs`), occupation
//! search, pages and matches (`occupations.rs`), "my career list" and the
//! exploration log (`saved.rs`), the postsecondary plan
//! (`postsecondary.rs`), the district's pathways (`pathways.rs`) and the
//! O*NET data loads (`onet.rs`).
//!
//! Career records are part of the plan (`RecordKind::Plan`, shared): the
//! student writes them; the team, the guardians and the student read them;
//! counselors and the rest of the team comment on the postsecondary plan.

pub mod catalog;
pub mod inventory;
pub mod occupations;
pub mod onet;
pub mod pathways;
pub mod postsecondary;
pub mod ratings;
pub mod saved;

use crate::access::StudentAccess;
use crate::error::Error;

/// Career writes are the student's own (the plan belongs to the student).
fn student_only(access: &StudentAccess, code: &'static str) -> Result<(), Error> {
    if access.is_self() {
        Ok(())
    } else {
        Err(Error::Forbidden(code))
    }
}
