//! The home page's own writes: a person's notices.

pub mod notices;
