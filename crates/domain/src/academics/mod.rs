//! Academic planning (issue 15): the course catalog, the transcript and its
//! GPA, graduation requirement sets (Connecticut's by default), the
//! requirement audit, grade-9 and graduation on-track, and the multi-year
//! course plan with its checks — pure rules, table-tested.
//!
//! Credits and grade points are exact (hundredths, [`Credits`], [`Points`]);
//! nothing here reads a clock or a database: the caller passes the date the
//! transcript data is as of.

pub mod audit;
pub mod course;
pub mod course_plan;
pub mod credits;
pub mod on_track;
pub mod requirements;
pub mod transcript;

pub use credits::{Credits, Points};

/// An enum of stable snake_case keys: `ALL`, `key()` and `parse()` (any
/// case, trimmed; an unknown key is a [`crate::ParseError`] with `$code`).
macro_rules! keyed_enum {
    ($(#[$meta:meta])* $name:ident, $code:literal, { $($(#[$vmeta:meta])* $variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored key, also the Fluent id's tail.
            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key),+
                }
            }

            /// From a key (any case, trimmed).
            pub fn parse(s: &str) -> Result<Self, $crate::ParseError> {
                let s = s.trim();
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.key().eq_ignore_ascii_case(s))
                    .ok_or_else(|| $crate::ParseError::new($code, format!("unknown {}: {s:?}", stringify!($name))))
            }

            /// The `(key, value)` pairs for [`crate::input::choice`].
            pub fn choices() -> Vec<(&'static str, $name)> {
                Self::ALL.iter().map(|v| (v.key(), *v)).collect()
            }
        }
    };
}
pub(crate) use keyed_enum;
