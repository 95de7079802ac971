//! The student's profile in their own words, and a team member's
//! observation of a strength, interest or need, as parsed input.

use crate::input::{self, Fields, Rejected};

/// The longest profile answer or observation, in characters.
pub const MAX_PROFILE_CHARS: usize = 2000;

/// The profile as typed: four answers, each at most 2000 characters once
/// trimmed (any may be empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileInput {
    pub strengths: String,
    pub interests: String,
    pub needs: String,
    pub activities: String,
}

impl ProfileInput {
    /// Fields `strengths`, `interests`, `needs`, `activities`; the input's
    /// code is `invalid_profile`.
    pub fn parse(strengths: &str, interests: &str, needs: &str, activities: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let mut answer = |field, raw| f.check(input::text(field, raw, 0..=MAX_PROFILE_CHARS));
        let strengths = answer("strengths", strengths);
        let interests = answer("interests", interests);
        let needs = answer("needs", needs);
        let activities = answer("activities", activities);
        f.finish("invalid_profile", || ProfileInput {
            strengths: strengths.expect("checked"),
            interests: interests.expect("checked"),
            needs: needs.expect("checked"),
            activities: activities.expect("checked"),
        })
    }
}

/// What an observation is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObservationKind {
    Strength,
    Interest,
    Need,
}

impl ObservationKind {
    pub const ALL: [ObservationKind; 3] = [
        ObservationKind::Strength,
        ObservationKind::Interest,
        ObservationKind::Need,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ObservationKind::Strength => "strength",
            ObservationKind::Interest => "interest",
            ObservationKind::Need => "need",
        }
    }
}

/// A team member's observation: a kind and 1–2000 characters once trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewObservation {
    pub kind: ObservationKind,
    pub body: String,
}

impl NewObservation {
    /// Fields `kind` and `body`; the input's code is `invalid_observation`.
    pub fn parse(kind: &str, body: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let kind = f.check(input::choice(
            "kind",
            kind,
            &ObservationKind::ALL.map(|k| (k.as_str(), k)),
        ));
        let body = f.check(input::text("body", body, 1..=MAX_PROFILE_CHARS));
        f.finish("invalid_observation", || NewObservation {
            kind: kind.expect("checked"),
            body: body.expect("checked"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::FieldError;

    #[test]
    fn profile_answers_are_trimmed_and_at_most_2000_characters() {
        let p = ProfileInput::parse(" Drawing ", "", "", "Band").unwrap();
        assert_eq!((p.strengths.as_str(), p.interests.as_str()), ("Drawing", ""));
        let long = "é".repeat(MAX_PROFILE_CHARS + 1);
        let r = ProfileInput::parse("", "", &long, "").unwrap_err();
        assert_eq!(r.error, "invalid_profile");
        assert_eq!(r.fields, vec![FieldError::new("needs", "too_long")]);
        assert!(ProfileInput::parse(&"é".repeat(MAX_PROFILE_CHARS), "", "", "").is_ok());
    }

    #[test]
    fn an_observation_has_a_known_kind_and_some_words() {
        let o = NewObservation::parse("need", " Quiet place to study ").unwrap();
        assert_eq!(
            (o.kind, o.body.as_str()),
            (ObservationKind::Need, "Quiet place to study")
        );
        let r = NewObservation::parse("wish", "").unwrap_err();
        assert_eq!(
            r.fields,
            vec![
                FieldError::new("kind", "unknown_choice"),
                FieldError::new("body", "required")
            ]
        );
        assert_eq!(
            NewObservation::parse("strength", &"x".repeat(MAX_PROFILE_CHARS + 1))
                .unwrap_err()
                .first(),
            Some(FieldError::new("body", "too_long"))
        );
    }
}
