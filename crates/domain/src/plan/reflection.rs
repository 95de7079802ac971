//! A student's prompted reflection and a comment on one, as parsed input.

use crate::input::{self, Fields, Rejected};

/// The prompts a student answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    Strengths,
    Improve,
    Next,
}

impl Prompt {
    pub const ALL: [Prompt; 3] = [Prompt::Strengths, Prompt::Improve, Prompt::Next];

    pub fn as_str(self) -> &'static str {
        match self {
            Prompt::Strengths => "strengths",
            Prompt::Improve => "improve",
            Prompt::Next => "next",
        }
    }

    fn choices() -> [(&'static str, Prompt); 3] {
        Self::ALL.map(|p| (p.as_str(), p))
    }
}

/// The longest reflection, in characters.
pub const REFLECTION_MAX_CHARS: usize = 4000;
/// The longest comment on a reflection, in characters.
pub const COMMENT_MAX_CHARS: usize = 1000;

/// A reflection as typed: one of the prompts, and 1–4000 characters once
/// blank space is trimmed. Also what a correction replaces it with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReflection {
    pub prompt: Prompt,
    pub body: String,
}

impl NewReflection {
    /// Fields `prompt` and `body`; the input's code is `invalid_reflection`.
    pub fn parse(prompt: &str, body: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let prompt = f.check(input::choice("prompt", prompt, &Prompt::choices()));
        let body = f.check(input::text("body", body, 1..=REFLECTION_MAX_CHARS));
        f.finish("invalid_reflection", || NewReflection {
            prompt: prompt.expect("checked"),
            body: body.expect("checked"),
        })
    }
}

/// A comment on a reflection: 1–1000 characters once trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewComment {
    pub body: String,
}

impl NewComment {
    /// Field `body`; the input's code is `invalid_comment`.
    pub fn parse(body: &str) -> Result<Self, Rejected> {
        input::text("body", body, 1..=COMMENT_MAX_CHARS)
            .map(|body| NewComment { body })
            .map_err(|e| Rejected::new("invalid_comment", vec![e]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::FieldError;

    #[test]
    fn a_reflection_needs_a_known_prompt_and_some_words() {
        let r = NewReflection::parse("next", "  Find a summer job.  ").unwrap();
        assert_eq!((r.prompt, r.body.as_str()), (Prompt::Next, "Find a summer job."));
        let bad = NewReflection::parse("whatever", " ").unwrap_err();
        assert_eq!(bad.error, "invalid_reflection");
        assert_eq!(
            bad.fields,
            vec![
                FieldError::new("prompt", "unknown_choice"),
                FieldError::new("body", "required")
            ]
        );
        let long = "é".repeat(REFLECTION_MAX_CHARS + 1);
        assert_eq!(
            NewReflection::parse("strengths", &long).unwrap_err().first(),
            Some(FieldError::new("body", "too_long"))
        );
        assert!(NewReflection::parse("strengths", &"é".repeat(REFLECTION_MAX_CHARS)).is_ok());
    }

    #[test]
    fn a_comment_is_short_and_not_blank() {
        assert_eq!(NewComment::parse(" Proud of you ").unwrap().body, "Proud of you");
        assert_eq!(NewComment::parse("\n").unwrap_err().error, "invalid_comment");
        assert!(NewComment::parse(&"x".repeat(COMMENT_MAX_CHARS + 1)).is_err());
    }
}
