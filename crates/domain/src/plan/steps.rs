//! A goal's action steps, its supports and a change of its status, as
//! parsed input.

use time::Date;

use crate::input::{self, Fields, Rejected};
use crate::plan::goal::parse_iso_date;
use crate::plan::GoalStatus;
use crate::PersonId;

/// The longest action step or support description, in characters.
pub const STEP_MAX_CHARS: usize = 300;
/// The longest support provider, in characters.
pub const PROVIDER_MAX_CHARS: usize = 200;

/// An action step as typed: 1–300 characters, an optional due date (today
/// or later) and an optional owner (whether the owner is the student or on
/// the team is the use case's to check).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStep {
    pub description: String,
    pub due_on: Option<Date>,
    pub owner: Option<PersonId>,
}

impl NewStep {
    /// Fields `description`, `due_on` (`YYYY-MM-DD`; codes `invalid_date`,
    /// `in_past`) and `owner` (`invalid_owner`); the input's code is
    /// `invalid_step`.
    pub fn parse(description: &str, due_on: &str, owner: &str, today: Date) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let description = f.check(input::text("description", description, 1..=STEP_MAX_CHARS));
        let due_on = if due_on.trim().is_empty() {
            None
        } else {
            match parse_iso_date(due_on) {
                Ok(d) if d >= today => Some(d),
                Ok(_) => {
                    f.push("due_on", "in_past");
                    None
                }
                Err(_) => {
                    f.push("due_on", "invalid_date");
                    None
                }
            }
        };
        let owner = if owner.trim().is_empty() {
            None
        } else {
            match owner.trim().parse::<PersonId>() {
                Ok(o) => Some(o),
                Err(_) => {
                    f.push("owner", "invalid_owner");
                    None
                }
            }
        };
        f.finish("invalid_step", || NewStep {
            description: description.expect("checked"),
            due_on,
            owner,
        })
    }
}

/// A support linked to a goal: what helps (1–300 characters) and who gives
/// it (up to 200, may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSupport {
    pub description: String,
    pub provider: String,
}

impl NewSupport {
    /// Fields `description` and `provider`; the input's code is
    /// `invalid_support`.
    pub fn parse(description: &str, provider: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let description = f.check(input::text("description", description, 1..=STEP_MAX_CHARS));
        let provider = f.check(input::text("provider", provider, 0..=PROVIDER_MAX_CHARS));
        f.finish("invalid_support", || NewSupport {
            description: description.expect("checked"),
            provider: provider.expect("checked"),
        })
    }
}

/// The status a goal is moved to (whether the move is allowed from where
/// it is is the use case's to check, code `illegal_transition`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusChange {
    pub to: GoalStatus,
}

impl StatusChange {
    /// Field `status`; the input's code is `invalid_status`.
    pub fn parse(raw: &str) -> Result<Self, Rejected> {
        input::choice("status", raw, &GoalStatus::ALL.map(|s| (s.as_str(), s)))
            .map(|to| StatusChange { to })
            .map_err(|e| Rejected::new("invalid_status", vec![e]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::FieldError;
    use time::macros::date;

    const TODAY: Date = date!(2027 - 03 - 01);

    #[test]
    fn a_step_needs_words_and_a_date_not_in_the_past() {
        let owner = uuid::Uuid::now_v7().to_string();
        let s = NewStep::parse(" Ask for tutoring ", "2027-03-01", &owner, TODAY).unwrap();
        assert_eq!(s.description, "Ask for tutoring");
        assert_eq!(s.due_on, Some(TODAY));
        assert!(s.owner.is_some());
        assert_eq!(NewStep::parse("Study", " ", "", TODAY).unwrap().due_on, None);
        let r = NewStep::parse("", "2027-02-28", "someone", TODAY).unwrap_err();
        assert_eq!(r.error, "invalid_step");
        assert_eq!(
            r.fields,
            vec![
                FieldError::new("description", "required"),
                FieldError::new("due_on", "in_past"),
                FieldError::new("owner", "invalid_owner"),
            ]
        );
        assert_eq!(
            NewStep::parse(&"x".repeat(301), "03/01/2027", "", TODAY)
                .unwrap_err()
                .fields,
            vec![
                FieldError::new("description", "too_long"),
                FieldError::new("due_on", "invalid_date")
            ]
        );
    }

    #[test]
    fn a_support_has_a_description_and_maybe_a_provider() {
        let s = NewSupport::parse(" Weekly tutoring ", "").unwrap();
        assert_eq!((s.description.as_str(), s.provider.as_str()), ("Weekly tutoring", ""));
        let r = NewSupport::parse(" ", &"p".repeat(201)).unwrap_err();
        assert_eq!(r.error, "invalid_support");
        assert_eq!(
            r.fields,
            vec![
                FieldError::new("description", "required"),
                FieldError::new("provider", "too_long")
            ]
        );
    }

    #[test]
    fn a_status_is_one_of_the_goal_statuses() {
        assert_eq!(StatusChange::parse("met").unwrap().to, GoalStatus::Met);
        assert_eq!(StatusChange::parse("won").unwrap_err().fields[0].code, "unknown_choice");
    }
}
