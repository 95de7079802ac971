//! Records kept beside the plan, as parsed input: a note, the reason for
//! opening a restricted class (break-glass), an interaction with an
//! optional follow-up.

use time::Date;

use crate::access::Sensitivity;
use crate::input::{self, FieldError, Fields, Rejected};
use crate::plan::goal::parse_iso_date;
use crate::PersonId;

/// The longest note, in characters.
pub const NOTE_MAX_CHARS: usize = 4000;
/// The shortest and longest break-glass reason, in characters.
pub const REASON_MIN_CHARS: usize = 10;
pub const REASON_MAX_CHARS: usize = 500;
/// The longest interaction notes, in characters.
pub const INTERACTION_NOTES_MAX_CHARS: usize = 4000;
/// The longest participants line and follow-up task, in characters.
pub const SHORT_TEXT_MAX_CHARS: usize = 300;

/// A new record's class: none (blank) is [`Sensitivity::DEFAULT_FOR_NEW`].
/// Code: `unknown_choice`.
pub fn new_class(raw: &str) -> Result<Sensitivity, FieldError> {
    Sensitivity::from_form(raw).map_err(|_| FieldError::new("sensitivity", "unknown_choice"))
}

/// The class a new record asks for, as far as it can be read from the
/// raw value (for the access check made before the input is answered).
pub fn class_asked(raw: &str) -> Sensitivity {
    new_class(raw).unwrap_or(Sensitivity::DEFAULT_FOR_NEW)
}

/// A note: its class and 1–4000 characters once trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNote {
    pub sensitivity: Sensitivity,
    pub body: String,
}

impl NewNote {
    /// Fields `sensitivity` and `body`; the input's code is `invalid_note`.
    pub fn parse(sensitivity: &str, body: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let sensitivity = f.check(new_class(sensitivity));
        let body = f.check(input::text("body", body, 1..=NOTE_MAX_CHARS));
        f.finish("invalid_note", || NewNote {
            sensitivity: sensitivity.expect("checked"),
            body: body.expect("checked"),
        })
    }
}

/// Opening a restricted class of notes with a reason of 10–500 characters
/// (line breaks become spaces: the reason goes into one audit detail).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakGlass {
    pub sensitivity: Sensitivity,
    pub reason: String,
}

impl BreakGlass {
    /// Fields `sensitivity` (a class, required) and `reason`; the input's
    /// code is `invalid_break_glass`.
    pub fn parse(sensitivity: &str, reason: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let class = f.check(input::choice(
            "sensitivity",
            sensitivity,
            &Sensitivity::ALL.map(|s| (s.as_str(), s)),
        ));
        let reason = f.check(input::text("reason", reason, REASON_MIN_CHARS..=REASON_MAX_CHARS));
        f.finish("invalid_break_glass", || BreakGlass {
            sensitivity: class.expect("checked"),
            reason: reason.expect("checked"),
        })
    }

    /// The reason on one line, as the audit row keeps it.
    pub fn reason_line(&self) -> String {
        self.reason.replace(['\r', '\n'], " ")
    }
}

/// The kinds of interaction, in the order forms offer them.
pub const INTERACTION_KINDS: [&str; 7] = [
    "advisory_meeting",
    "mentor_meeting",
    "family_conference",
    "team_meeting",
    "phone_call",
    "home_visit",
    "message",
];

/// A task that follows an interaction: who does it (someone on the team,
/// which the use case checks: `follow_up_owner` `not_on_team`) and by when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub description: String,
    pub owner: Option<PersonId>,
    pub due_on: Option<Date>,
}

/// A meeting or contact, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInteraction {
    pub sensitivity: Sensitivity,
    pub kind: &'static str,
    pub occurred_on: Date,
    pub participants: String,
    pub family_present: bool,
    pub notes: String,
    /// None when no follow-up task was typed.
    pub follow_up: Option<FollowUp>,
}

/// What a form or a JSON body holds for an interaction (blank: not given).
#[derive(Debug, Clone, Default)]
pub struct InteractionFields<'a> {
    pub sensitivity: &'a str,
    pub kind: &'a str,
    pub occurred_on: &'a str,
    pub participants: &'a str,
    pub family_present: bool,
    pub notes: &'a str,
    pub follow_up: &'a str,
    pub follow_up_owner: &'a str,
    pub follow_up_due: &'a str,
}

impl NewInteraction {
    /// Fields in form order: `sensitivity`, `kind`, `occurred_on` (blank is
    /// today; a later day is `in_future`), `notes` (1–4000), `participants`
    /// and `follow_up` (up to 300 each), `follow_up_due` (a date),
    /// `follow_up_owner` (a person id). The input's code is
    /// `invalid_interaction`.
    pub fn parse(raw: &InteractionFields<'_>, today: Date) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let sensitivity = f.check(new_class(raw.sensitivity));
        let kinds = INTERACTION_KINDS.map(|k| (k, k));
        let kind = f.check(input::choice("kind", raw.kind, &kinds));
        let occurred_on = f.check(match raw.occurred_on.trim() {
            "" => Ok(today),
            s => match parse_iso_date(s) {
                Ok(d) if d <= today => Ok(d),
                Ok(_) => Err(FieldError::new("occurred_on", "in_future")),
                Err(_) => Err(FieldError::new("occurred_on", "invalid_date")),
            },
        });
        let notes = f.check(input::text("notes", raw.notes, 1..=INTERACTION_NOTES_MAX_CHARS));
        let participants = f.check(input::text("participants", raw.participants, 0..=SHORT_TEXT_MAX_CHARS));
        let follow_up = f.check(input::text("follow_up", raw.follow_up, 0..=SHORT_TEXT_MAX_CHARS));
        let due_on = f.check(match raw.follow_up_due.trim() {
            "" => Ok(None),
            s => parse_iso_date(s)
                .map(Some)
                .map_err(|_| FieldError::new("follow_up_due", "invalid_date")),
        });
        let owner = f.check(match raw.follow_up_owner.trim() {
            "" => Ok(None),
            s => s
                .parse::<PersonId>()
                .map(Some)
                .map_err(|_| FieldError::new("follow_up_owner", "invalid")),
        });
        f.finish("invalid_interaction", || {
            let follow_up = follow_up.expect("checked");
            NewInteraction {
                sensitivity: sensitivity.expect("checked"),
                kind: kind.expect("checked"),
                occurred_on: occurred_on.expect("checked"),
                participants: participants.expect("checked"),
                family_present: raw.family_present,
                notes: notes.expect("checked"),
                follow_up: (!follow_up.is_empty()).then(|| FollowUp {
                    description: follow_up,
                    owner: owner.expect("checked"),
                    due_on: due_on.expect("checked"),
                }),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_note_has_a_class_and_some_words() {
        let n = NewNote::parse("", "  Called home. ").unwrap();
        assert_eq!((n.sensitivity, n.body.as_str()), (Sensitivity::Staff, "Called home."));
        assert_eq!(
            NewNote::parse("restricted_health", "x").unwrap().sensitivity,
            Sensitivity::RestrictedHealth
        );
        let bad = NewNote::parse("secret", " ").unwrap_err();
        assert_eq!(bad.error, "invalid_note");
        assert_eq!(
            bad.fields,
            vec![
                FieldError::new("sensitivity", "unknown_choice"),
                FieldError::new("body", "required")
            ]
        );
        assert_eq!(
            NewNote::parse("staff", &"x".repeat(NOTE_MAX_CHARS + 1))
                .unwrap_err()
                .first(),
            Some(FieldError::new("body", "too_long"))
        );
        assert_eq!(class_asked("secret"), Sensitivity::Staff);
        assert_eq!(class_asked("shared"), Sensitivity::Shared);
    }

    #[test]
    fn break_glass_needs_a_class_and_a_reason_of_ten_to_five_hundred_characters() {
        let b = BreakGlass::parse("restricted_social", " Safety concern\nreported today ").unwrap();
        assert_eq!(b.sensitivity, Sensitivity::RestrictedSocial);
        assert_eq!(b.reason_line(), "Safety concern reported today");
        assert_eq!(
            BreakGlass::parse("restricted_health", "too short").unwrap_err().first(),
            Some(FieldError::new("reason", "too_short"))
        );
        assert_eq!(
            BreakGlass::parse("restricted_health", "").unwrap_err().first(),
            Some(FieldError::new("reason", "required"))
        );
        assert!(BreakGlass::parse("restricted_health", &"é".repeat(REASON_MAX_CHARS)).is_ok());
        assert_eq!(
            BreakGlass::parse("restricted_health", &"é".repeat(REASON_MAX_CHARS + 1))
                .unwrap_err()
                .first(),
            Some(FieldError::new("reason", "too_long"))
        );
        let bad = BreakGlass::parse("", "a good enough reason").unwrap_err();
        assert_eq!(bad.error, "invalid_break_glass");
        assert_eq!(bad.first(), Some(FieldError::new("sensitivity", "required")));
    }

    fn fields<'a>() -> InteractionFields<'a> {
        InteractionFields {
            kind: "phone_call",
            notes: "Talked about the science fair",
            ..Default::default()
        }
    }

    #[test]
    fn an_interaction_is_a_known_kind_on_a_past_day_with_notes() {
        let today = date!(2027 - 03 - 10);
        let i = NewInteraction::parse(&fields(), today).unwrap();
        assert_eq!(
            (i.sensitivity, i.kind, i.occurred_on, i.follow_up),
            (Sensitivity::Staff, "phone_call", today, None)
        );
        let future = InteractionFields {
            occurred_on: "2027-03-11",
            ..fields()
        };
        assert_eq!(
            NewInteraction::parse(&future, today).unwrap_err().first(),
            Some(FieldError::new("occurred_on", "in_future"))
        );
        let bad = InteractionFields {
            kind: "lunch",
            occurred_on: "yesterday",
            notes: "",
            participants: &"p".repeat(SHORT_TEXT_MAX_CHARS + 1),
            ..fields()
        };
        let r = NewInteraction::parse(&bad, today).unwrap_err();
        assert_eq!(r.error, "invalid_interaction");
        assert_eq!(
            r.fields,
            vec![
                FieldError::new("kind", "unknown_choice"),
                FieldError::new("occurred_on", "invalid_date"),
                FieldError::new("notes", "required"),
                FieldError::new("participants", "too_long"),
            ]
        );
    }

    #[test]
    fn a_follow_up_has_an_optional_owner_and_due_date() {
        let today = date!(2027 - 03 - 10);
        let owner = uuid::Uuid::now_v7().to_string();
        let with = InteractionFields {
            follow_up: " Send the form ",
            follow_up_owner: &owner,
            follow_up_due: "2027-03-20",
            ..fields()
        };
        let f = NewInteraction::parse(&with, today).unwrap().follow_up.unwrap();
        assert_eq!(f.description, "Send the form");
        assert_eq!(f.due_on, Some(date!(2027 - 03 - 20)));
        assert_eq!(f.owner.map(|o| o.0.to_string()), Some(owner.clone()));
        let bad = InteractionFields {
            follow_up: "Send the form",
            follow_up_owner: "someone",
            follow_up_due: "soon",
            ..fields()
        };
        assert_eq!(
            NewInteraction::parse(&bad, today).unwrap_err().fields,
            vec![
                FieldError::new("follow_up_due", "invalid_date"),
                FieldError::new("follow_up_owner", "invalid")
            ]
        );
    }
}
