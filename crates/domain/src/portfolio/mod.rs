//! The portfolio (issue 16): artifacts of a student's best work with their
//! reflections and competency tags, best-work selections and collections,
//! the capstone project, experiences outside the classroom with their hours
//! and supervisor verification, and share links to a showcase — pure rules,
//! table-tested.
//!
//! Nothing here reads a clock, a database or a random source: the caller
//! passes today's date, the current time and random bytes. Uploaded files
//! are judged by their content ([`content`]), never by their name.

pub mod artifact;
pub mod best_work;
pub mod capstone;
pub mod competency;
pub mod content;
pub mod experience;
pub mod rubric;
pub mod showcase;
pub mod verification;

pub use competency::CompetencyKey;

use time::Date;

use crate::input::FieldError;
use crate::plan::goal::parse_iso_date;

/// A required `YYYY-MM-DD` date. Codes `required`, `invalid_date`.
pub(crate) fn date_field(field: &'static str, raw: &str) -> Result<Date, FieldError> {
    if raw.trim().is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    parse_iso_date(raw).map_err(|_| FieldError::new(field, "invalid_date"))
}

/// An optional `YYYY-MM-DD` date: blank is `None`. Code `invalid_date`.
pub(crate) fn optional_date_field(field: &'static str, raw: &str) -> Result<Option<Date>, FieldError> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        date_field(field, raw).map(Some)
    }
}

/// Blank, or a valid address. Code `invalid_email`.
pub(crate) fn optional_email(field: &'static str, raw: &str) -> Result<Option<crate::Email>, FieldError> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        crate::Email::parse(raw)
            .map(Some)
            .map_err(|_| FieldError::new(field, "invalid_email"))
    }
}

/// An optional whole number within `range`; blank is `default`. Codes
/// `invalid_number`, `out_of_range`.
pub(crate) fn number_field(
    field: &'static str,
    raw: &str,
    range: std::ops::RangeInclusive<u32>,
    default: u32,
) -> Result<u32, FieldError> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(default);
    }
    if s.starts_with('-') && s[1..].bytes().all(|b| b.is_ascii_digit()) && s.len() > 1 {
        return Err(FieldError::new(field, "out_of_range"));
    }
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FieldError::new(field, "invalid_number"));
    }
    match s.parse::<u32>() {
        Ok(n) if range.contains(&n) => Ok(n),
        _ => Err(FieldError::new(field, "out_of_range")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_default_when_blank_and_stay_in_range() {
        for (raw, want) in [
            ("", Ok(30)),
            (" 7 ", Ok(7)),
            ("180", Ok(180)),
            ("181", Err("out_of_range")),
            ("0", Err("out_of_range")),
            ("-3", Err("out_of_range")),
            ("99999999999", Err("out_of_range")),
            ("ten", Err("invalid_number")),
            ("1.5", Err("invalid_number")),
        ] {
            assert_eq!(
                number_field("days", raw, 1..=180, 30).map_err(|e| e.code),
                want,
                "{raw:?}"
            );
        }
    }

    #[test]
    fn dates_are_iso_and_optional_ones_may_be_blank() {
        assert_eq!(date_field("on", "").unwrap_err().code, "required");
        assert_eq!(date_field("on", "5/1/2027").unwrap_err().code, "invalid_date");
        assert_eq!(optional_date_field("on", " "), Ok(None));
        assert!(optional_date_field("on", "2027-05-01").unwrap().is_some());
    }
}
