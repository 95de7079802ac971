//! Career development: the interest inventory (RIASEC), work values and
//! strengths, occupation matching, career clusters and the crosswalk from
//! O*NET-SOC codes, and the postsecondary plan — pure rules, table-tested.

pub mod cluster;
pub mod input;
pub mod inventory;
pub mod items;
pub mod matching;
pub mod postsecondary;
pub mod riasec;
pub mod self_ratings;
pub mod values;

pub use riasec::Area;
