//! The district's library of intervention strategies: a stable key and the
//! tier it usually serves. Districts start from [`default_library`] — well
//! known strategies, named in the translations by key — and add their own.

use super::intervention::Tier;
use crate::input::{self, FieldError, Fields, Rejected};
use crate::ParseError;

/// A strategy's stable key: 2–60 of `a-z`, `0-9` and `_`, starting with a
/// letter (`check_and_connect`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StrategyKey(String);

impl StrategyKey {
    pub const MAX_CHARS: usize = 60;

    /// Trimmed; code `invalid_strategy_key`.
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        let s = raw.trim();
        let ok = (2..=Self::MAX_CHARS).contains(&s.len())
            && s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if ok {
            Ok(StrategyKey(s.to_owned()))
        } else {
            Err(ParseError::new(
                "invalid_strategy_key",
                format!("not a strategy key: {s:?}"),
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One strategy of a district's library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strategy {
    pub key: StrategyKey,
    /// The tier it usually serves; an intervention may use it at another.
    pub tier: Tier,
    /// The district's own name; `None` for a default strategy (named by the
    /// translations).
    pub name: Option<String>,
}

/// The default library: `(key, tier)`.
pub const DEFAULT_STRATEGIES: [(&str, Tier); 16] = [
    // Tier 1: for every student, a student gets them on purpose.
    ("attendance_recognition", Tier::Universal),
    ("positive_behaviour_supports", Tier::Universal),
    ("advisory_check_ins", Tier::Universal),
    // Tier 2: targeted, often in small groups.
    ("check_and_connect", Tier::Targeted),
    ("check_in_check_out", Tier::Targeted),
    ("attendance_contract", Tier::Targeted),
    ("family_attendance_conference", Tier::Targeted),
    ("daily_behaviour_report_card", Tier::Targeted),
    ("small_group_tutoring", Tier::Targeted),
    ("small_group_sel", Tier::Targeted),
    ("mentoring", Tier::Targeted),
    ("credit_recovery", Tier::Targeted),
    // Tier 3: intensive and individual.
    ("individual_tutoring", Tier::Intensive),
    ("functional_behaviour_assessment", Tier::Intensive),
    ("individual_counseling", Tier::Intensive),
    ("wraparound_services", Tier::Intensive),
];

/// [`DEFAULT_STRATEGIES`] as a library.
pub fn default_library() -> Vec<Strategy> {
    DEFAULT_STRATEGIES
        .iter()
        .map(|(key, tier)| Strategy {
            key: StrategyKey::parse(key).expect("default keys are valid"),
            tier: *tier,
            name: None,
        })
        .collect()
}

/// The longest strategy name.
pub const NAME_MAX_CHARS: usize = 200;

impl Strategy {
    /// A district's own strategy. Fields `key` (`required`,
    /// `invalid_strategy_key`, `duplicate`: already in `library`), `name`
    /// (1–200: `required`, `too_long`), `tier` (`required`,
    /// `unknown_choice`). The input's code is `invalid_strategy`.
    pub fn parse(key: &str, name: &str, tier: &str, library: &[Strategy]) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let key = f.check(if key.trim().is_empty() {
            Err(FieldError::new("key", "required"))
        } else {
            StrategyKey::parse(key)
                .map_err(|e| FieldError::new("key", e.code))
                .and_then(|k| {
                    if library.iter().any(|s| s.key == k) {
                        Err(FieldError::new("key", "duplicate"))
                    } else {
                        Ok(k)
                    }
                })
        });
        let name = f.check(input::text("name", name, 1..=NAME_MAX_CHARS));
        let tier = f.check(input::choice("tier", tier, &Tier::choices()));
        f.finish("invalid_strategy", || Strategy {
            key: key.expect("checked"),
            tier: tier.expect("checked"),
            name: Some(name.expect("checked")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::support::tests::codes;

    #[test]
    fn the_default_library_has_every_tier_and_unique_keys() {
        let lib = default_library();
        assert_eq!(lib.len(), 16);
        for tier in Tier::ALL {
            assert!(lib.iter().any(|s| s.tier == *tier), "{}", tier.key());
        }
        for (i, s) in lib.iter().enumerate() {
            assert!(lib[..i].iter().all(|o| o.key != s.key), "{}", s.key.as_str());
        }
        let cnc = lib.iter().find(|s| s.key.as_str() == "check_and_connect").unwrap();
        assert_eq!(cnc.tier, Tier::Targeted);
    }

    #[test]
    fn strategy_keys_are_lowercase_snake_case() {
        for (raw, ok) in [
            ("mentoring", true),
            (" tutoring_2 ", true),
            ("Mentoring", false),
            ("2tutoring", false),
            ("check-in", false),
            ("x", false),
            ("", false),
        ] {
            assert_eq!(StrategyKey::parse(raw).is_ok(), ok, "{raw:?}");
        }
        assert_eq!(
            StrategyKey::parse(&"a".repeat(61)).unwrap_err().code,
            "invalid_strategy_key"
        );
    }

    #[test]
    fn a_district_adds_its_own_strategy() {
        let lib = default_library();
        let s = Strategy::parse("reading_buddies", "Reading buddies", "tier_2", &lib).unwrap();
        assert_eq!((s.tier, s.name.as_deref()), (Tier::Targeted, Some("Reading buddies")));
        let err = Strategy::parse("mentoring", "", "tier_4", &lib).unwrap_err();
        assert_eq!(err.error, "invalid_strategy");
        assert_eq!(
            codes(err),
            vec![("key", "duplicate"), ("name", "required"), ("tier", "unknown_choice")]
        );
    }
}
