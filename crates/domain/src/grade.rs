//! Grade levels served by a Student Success Plan: 6 through 12.

use std::fmt;

use crate::ParseError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GradeLevel(u8);

impl GradeLevel {
    pub const MIN: u8 = 6;
    pub const MAX: u8 = 12;

    pub fn new(n: i64) -> Result<Self, ParseError> {
        if (Self::MIN as i64..=Self::MAX as i64).contains(&n) {
            Ok(Self(n as u8))
        } else {
            Err(ParseError::new(
                "invalid_grade_level",
                format!("grade {n} is outside 6–12"),
            ))
        }
    }

    /// Parses "6".."12" and the OneRoster codes "06".."12".
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        raw.trim()
            .parse::<i64>()
            .map_err(|_| ParseError::new("invalid_grade_level", format!("not a grade: {raw:?}")))
            .and_then(Self::new)
    }

    pub fn get(self) -> u8 {
        self.0
    }

    pub fn all() -> impl Iterator<Item = GradeLevel> {
        (Self::MIN..=Self::MAX).map(GradeLevel)
    }

    /// Middle school is grades 6–8; high school is 9–12.
    pub fn is_high_school(self) -> bool {
        self.0 >= 9
    }
}

impl fmt::Display for GradeLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grade_table() {
        for (input, ok) in [
            ("6", true),
            ("06", true),
            ("12", true),
            ("5", false),
            ("13", false),
            ("K", false),
            ("", false),
        ] {
            assert_eq!(GradeLevel::parse(input).is_ok(), ok, "{input:?}");
        }
        assert_eq!(GradeLevel::all().count(), 7);
    }
}
