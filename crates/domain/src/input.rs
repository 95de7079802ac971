//! Parse, don't validate: what a person typed (a form or a JSON body)
//! becomes a domain input type through its `parse`, which carries the
//! rules (text lengths, allowed choices, dates, reasons). A use case takes
//! only parsed input, so a value that reached it has passed every rule.
//!
//! A refused input is a [`Rejected`]: a stable code for the whole input
//! (`invalid_reflection`) and one [`FieldError`] per field at fault, each
//! with a stable code (`required`, `too_long`, `unknown_choice`…). The API
//! answers it as a 422 with those codes; a page shows each field's message
//! beside the form with what was typed.

use std::ops::RangeInclusive;

/// One problem with one field. `field` names the input's field as the
/// form and the JSON body spell it; `code` is stable (and the last part of
/// the page's translation key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub code: &'static str,
}

impl FieldError {
    pub fn new(field: &'static str, code: &'static str) -> Self {
        Self { field, code }
    }
}

/// An input refused by its rules: every field at fault, in form order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{error}: {}", fields.iter().map(|f| format!("{}={}", f.field, f.code)).collect::<Vec<_>>().join(", "))]
pub struct Rejected {
    /// The input's stable code, e.g. `invalid_reflection`.
    pub error: &'static str,
    pub fields: Vec<FieldError>,
}

impl Rejected {
    pub fn new(error: &'static str, fields: Vec<FieldError>) -> Self {
        Self { error, fields }
    }

    /// One field at fault.
    pub fn one(error: &'static str, field: &'static str, code: &'static str) -> Self {
        Self::new(error, vec![FieldError::new(field, code)])
    }

    /// The first problem (pages show one message per form).
    pub fn first(&self) -> Option<FieldError> {
        self.fields.first().copied()
    }

    /// `Ok(value)` when no field failed, else this rejection.
    pub fn or<T>(error: &'static str, fields: Vec<FieldError>, value: impl FnOnce() -> T) -> Result<T, Rejected> {
        if fields.is_empty() {
            Ok(value())
        } else {
            Err(Self::new(error, fields))
        }
    }
}

/// Collects field problems while an input is parsed.
#[derive(Debug, Default)]
pub struct Fields(Vec<FieldError>);

impl Fields {
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps `Ok` values and records the field error of an `Err`.
    pub fn check<T>(&mut self, r: Result<T, FieldError>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }

    pub fn push(&mut self, field: &'static str, code: &'static str) {
        self.0.push(FieldError::new(field, code));
    }

    /// The rejection, if any field failed; else `value()` (which may
    /// unwrap what `check` kept: every field passed).
    pub fn finish<T>(self, error: &'static str, value: impl FnOnce() -> T) -> Result<T, Rejected> {
        Rejected::or(error, self.0, value)
    }
}

/// Text trimmed of surrounding blank space whose length in characters is
/// within `chars`. Codes: `required` (empty when at least one character is
/// needed), `too_short`, `too_long`.
pub fn text(field: &'static str, raw: &str, chars: RangeInclusive<usize>) -> Result<String, FieldError> {
    let t = raw.trim();
    let n = t.chars().count();
    if n == 0 && *chars.start() > 0 {
        Err(FieldError::new(field, "required"))
    } else if n < *chars.start() {
        Err(FieldError::new(field, "too_short"))
    } else if n > *chars.end() {
        Err(FieldError::new(field, "too_long"))
    } else {
        Ok(t.to_owned())
    }
}

/// One of `choices`, exactly as spelled. Codes: `required`, `unknown_choice`.
pub fn choice<T: Copy>(field: &'static str, raw: &str, choices: &[(&str, T)]) -> Result<T, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    choices
        .iter()
        .find(|(k, _)| *k == raw)
        .map(|(_, v)| *v)
        .ok_or(FieldError::new(field, "unknown_choice"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_measured_in_characters() {
        assert_eq!(text("body", "  hola  ", 1..=4), Ok("hola".into()));
        assert_eq!(text("body", "ñañá", 1..=4), Ok("ñañá".into()));
        assert_eq!(text("body", "ñañáx", 1..=4), Err(FieldError::new("body", "too_long")));
        assert_eq!(text("body", "   ", 1..=4), Err(FieldError::new("body", "required")));
        assert_eq!(
            text("reason", "ab", 3..=10),
            Err(FieldError::new("reason", "too_short"))
        );
        assert_eq!(text("why", "", 0..=10), Ok(String::new()));
    }

    #[test]
    fn a_choice_must_be_spelled_as_offered() {
        let choices = [("done", 1), ("exempt", 2)];
        assert_eq!(choice("state", "exempt", &choices), Ok(2));
        assert_eq!(choice("state", "", &choices), Err(FieldError::new("state", "required")));
        assert_eq!(
            choice("state", "Done", &choices),
            Err(FieldError::new("state", "unknown_choice"))
        );
    }

    #[test]
    fn fields_collect_every_problem_in_order() {
        let mut f = Fields::new();
        let a = f.check(text("a", "", 1..=3));
        let b = f.check(text("b", "long text", 1..=3));
        assert!(a.is_none() && b.is_none());
        let r = f.finish("invalid_thing", || ()).unwrap_err();
        assert_eq!(r.error, "invalid_thing");
        assert_eq!(
            r.fields,
            vec![FieldError::new("a", "required"), FieldError::new("b", "too_long")]
        );
        assert_eq!(Fields::new().finish("invalid_thing", || 7), Ok(7));
    }
}
