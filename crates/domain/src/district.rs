//! District-wide settings as parsed input: the up-to-date rule's grace
//! period, the guardian-signature requirement and which grade-level
//! activities the district uses and requires.

use crate::input::{Fields, Rejected};
use crate::plan::activity::default_scope_and_sequence;

/// The longest grace period, in days.
pub const GRACE_MAX_DAYS: i32 = 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPlanSettings {
    pub grace_days: i32,
    pub require_guardian_signature: bool,
    /// Activity keys the district does not use.
    pub disabled: Vec<&'static str>,
    /// Required activity keys the district keeps but does not require.
    pub optional: Vec<&'static str>,
}

impl NewPlanSettings {
    /// `grace_days` (0–60; codes `required`, `invalid_number`,
    /// `out_of_range`), the signature box, and each activity's choice as
    /// `activity(key)` gives it: `required`, `optional`, `off` or none
    /// (field `activities`, code `unknown_choice`). The input's code is
    /// `invalid_plan_settings`.
    pub fn parse<'a>(
        grace_days: &str,
        require_guardian_signature: bool,
        activity: impl Fn(&str) -> Option<&'a str>,
    ) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let grace = match grace_days.trim() {
            "" => {
                f.push("grace_days", "required");
                None
            }
            g => match g.parse::<i32>() {
                Ok(g) if (0..=GRACE_MAX_DAYS).contains(&g) => Some(g),
                Ok(_) => {
                    f.push("grace_days", "out_of_range");
                    None
                }
                Err(_) => {
                    f.push("grace_days", "invalid_number");
                    None
                }
            },
        };
        let mut disabled = Vec::new();
        let mut optional = Vec::new();
        let mut unknown = false;
        for t in default_scope_and_sequence() {
            match activity(t.key) {
                Some("off") => disabled.push(t.key),
                Some("optional") if t.required => optional.push(t.key),
                Some("required") | Some("optional") | None => {}
                Some(_) => unknown = true,
            }
        }
        if unknown {
            f.push("activities", "unknown_choice");
        }
        f.finish("invalid_plan_settings", || NewPlanSettings {
            grace_days: grace.expect("checked"),
            require_guardian_signature,
            disabled,
            optional,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::FieldError;

    #[test]
    fn grace_is_zero_to_sixty_days_and_activities_are_known_choices() {
        let first = default_scope_and_sequence().into_iter().find(|t| t.required).unwrap();
        let s = NewPlanSettings::parse(" 14 ", true, |k| (k == first.key).then_some("optional")).unwrap();
        assert_eq!((s.grace_days, s.require_guardian_signature), (14, true));
        assert_eq!(s.optional, vec![first.key]);
        assert!(s.disabled.is_empty());
        let off = NewPlanSettings::parse("0", false, |_| Some("off")).unwrap();
        assert_eq!(off.disabled.len(), default_scope_and_sequence().len());
        for (raw, code) in [
            ("61", "out_of_range"),
            ("-1", "out_of_range"),
            ("two", "invalid_number"),
            ("", "required"),
        ] {
            assert_eq!(
                NewPlanSettings::parse(raw, false, |_| None).unwrap_err().first(),
                Some(FieldError::new("grace_days", code)),
                "{raw}"
            );
        }
        assert_eq!(
            NewPlanSettings::parse("7", false, |_| Some("maybe"))
                .unwrap_err()
                .first(),
            Some(FieldError::new("activities", "unknown_choice"))
        );
    }
}
