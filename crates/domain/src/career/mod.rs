//! Career development: the interest inventory (RIASEC), work values and
//! strengths, occupation matching, career clusters and the crosswalk from
//! O*NET-SOC codes, and the postsecondary plan — pure rules, table-tested.

pub mod cluster;
pub mod items;
pub mod postsecondary;
pub mod riasec;
pub mod values;

pub use riasec::Area;
