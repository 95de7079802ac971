//! Roster safety: a district's limit on the share of its active people one
//! import may deactivate. An import above it stops after counting (nothing
//! changed) until someone confirms, so a truncated export cannot lock a
//! whole district out in one go.

use serde::{Deserialize, Serialize};

/// The limit a district has until it sets its own.
pub const DEFAULT_LIMIT_PERCENT: u8 = 10;

/// A district's deactivation limit: a whole percentage, 0–100.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeactivationLimit(u8);

/// What was typed is not a whole number from 0 to 100.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the deactivation limit is a whole number of percent from 0 to 100")]
pub struct BadLimit;

impl DeactivationLimit {
    /// Parses what an administrator typed: `15`, ` 15 `, `15 %` or `15%`.
    pub fn parse(raw: &str) -> Result<Self, BadLimit> {
        let digits = raw.trim().trim_end_matches('%').trim_end();
        match digits.parse::<u8>() {
            Ok(p) if p <= 100 && !digits.starts_with('+') => Ok(Self(p)),
            _ => Err(BadLimit),
        }
    }

    /// A stored value; out-of-range values (the table forbids them) fall
    /// back to the default.
    pub fn from_stored(percent: i64) -> Self {
        u8::try_from(percent)
            .ok()
            .filter(|p| *p <= 100)
            .map_or_else(Self::default, Self)
    }

    pub fn percent(self) -> u8 {
        self.0
    }
}

impl Default for DeactivationLimit {
    fn default() -> Self {
        Self(DEFAULT_LIMIT_PERCENT)
    }
}

/// How many people an import deactivates, out of how many were active,
/// and the district's limit at the time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deactivations {
    /// Students, guardians and staff the import deactivates.
    pub people: u64,
    /// The district's active people before the import.
    pub active: u64,
    pub limit_percent: u8,
}

impl Deactivations {
    /// More than the limit's share of the active people would go.
    pub fn over_limit(&self) -> bool {
        self.people > 0 && u128::from(self.people) * 100 > u128::from(self.limit_percent) * u128::from(self.active)
    }

    /// The share deactivated, with one decimal (`9.5`); `0` with nobody active.
    pub fn percent_text(&self) -> String {
        if self.active == 0 {
            return "0".to_owned();
        }
        let tenths = (u128::from(self.people) * 1000 + u128::from(self.active) / 2) / u128::from(self.active);
        if tenths % 10 == 0 {
            format!("{}", tenths / 10)
        } else {
            format!("{}.{}", tenths / 10, tenths % 10)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_is_a_whole_percentage_from_0_to_100() {
        for (raw, want) in [
            ("10", Some(10)),
            (" 0 ", Some(0)),
            ("100", Some(100)),
            ("15 %", Some(15)),
            ("15%", Some(15)),
        ] {
            assert_eq!(
                DeactivationLimit::parse(raw).ok().map(DeactivationLimit::percent),
                want,
                "{raw}"
            );
        }
        for raw in ["", "101", "-1", "+5", "7.5", "ten", "%", "1000"] {
            assert_eq!(DeactivationLimit::parse(raw), Err(BadLimit), "{raw:?}");
        }
        assert_eq!(DeactivationLimit::from_stored(250).percent(), DEFAULT_LIMIT_PERCENT);
    }

    #[test]
    fn only_more_than_the_limit_is_over_it() {
        let d = |people, active, limit_percent| Deactivations {
            people,
            active,
            limit_percent,
        };
        assert!(!d(10, 100, 10).over_limit(), "exactly the limit is allowed");
        assert!(d(11, 100, 10).over_limit());
        assert!(d(1, 100, 0).over_limit(), "a 0 % limit asks for every deactivation");
        assert!(!d(0, 100, 0).over_limit());
        assert!(!d(100, 100, 100).over_limit(), "100 % never asks");
        assert!(!d(0, 0, 10).over_limit());
        assert_eq!(d(2, 21, 5).percent_text(), "9.5");
        assert_eq!(d(1, 4, 5).percent_text(), "25");
        assert_eq!(d(0, 0, 5).percent_text(), "0");
    }
}
