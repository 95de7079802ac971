//! Students who need support (issue 17): indicator data with its as-of date
//! and source, the early-warning rules and their district thresholds, flags
//! with an owner and a next step, needs, tiered interventions with progress
//! monitoring, and the fairness audit of flag rates — pure rules,
//! table-tested.
//!
//! Nothing here reads a clock or a database: the caller passes `today`.
//! No protected attribute ever reaches a rule ([`rules::FlagInput`] has no
//! field for one); they appear only in [`fairness`], in aggregate.

pub mod demographics;
pub mod fairness;
pub mod flag;
pub mod indicators;
pub mod intervention;
pub mod need;
pub mod rules;
pub mod strategy;

use std::fmt;
use std::ops::RangeInclusive;

use time::Date;

use crate::input::FieldError;

/// A share in tenths of a percent, rounded half up: `Percent(117)` is
/// 11.7 %. Pages write it with [`fmt::Display`] (`11.7`) and add the sign
/// in the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Percent(pub u32);

impl Percent {
    /// `part` of `whole`, or `None` when `whole` is zero.
    pub fn of(part: u32, whole: u32) -> Option<Percent> {
        (whole > 0).then(|| {
            let (part, whole) = (u64::from(part), u64::from(whole));
            Percent(((part * 1000 + whole / 2) / whole) as u32)
        })
    }

    /// Tenths of a percent.
    pub fn tenths(self) -> u32 {
        self.0
    }
}

/// One decimal: `11.7`, `10.0`, `0.0`.
impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.0 / 10, self.0 % 10)
    }
}

/// A move a support state machine (flag, need, intervention) does not
/// allow. `code` is `illegal_flag_move`, `illegal_need_move` or
/// `illegal_intervention_move`; `from` and `event` are stable keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {event} from {from}")]
pub struct IllegalMove {
    pub code: &'static str,
    pub from: &'static str,
    pub event: &'static str,
}

/// A whole number from 0 to `max` as typed; blank is `blank` (or `required`
/// when `blank` is `None`). Codes `required`, `invalid_number`,
/// `negative_number`, `too_large`.
pub(crate) fn whole_number(field: &'static str, raw: &str, max: u32, blank: Option<u32>) -> Result<u32, FieldError> {
    let s = raw.trim();
    if s.is_empty() {
        return blank.ok_or(FieldError::new(field, "required"));
    }
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if s.strip_prefix('-').is_some_and(digits) {
        return Err(FieldError::new(field, "negative_number"));
    }
    if !digits(s) {
        return Err(FieldError::new(field, "invalid_number"));
    }
    match s.parse::<u32>() {
        Ok(n) if n <= max => Ok(n),
        _ => Err(FieldError::new(field, "too_large")),
    }
}

/// A required whole number within `range`. Codes `required`,
/// `invalid_number`, `out_of_range`.
pub(crate) fn in_range(field: &'static str, raw: &str, range: RangeInclusive<u32>) -> Result<u32, FieldError> {
    match whole_number(field, raw, u32::MAX, None) {
        Ok(n) if range.contains(&n) => Ok(n),
        Ok(_) => Err(FieldError::new(field, "out_of_range")),
        Err(e) if matches!(e.code, "negative_number" | "too_large") => Err(FieldError::new(field, "out_of_range")),
        Err(e) => Err(e),
    }
}

/// A required `YYYY-MM-DD` date that is not after `today`. Codes
/// `required`, `invalid_date`, `in_future`.
pub(crate) fn past_date(field: &'static str, raw: &str, today: Date) -> Result<Date, FieldError> {
    crate::portfolio::date_field(field, raw).and_then(|d| {
        if d > today {
            Err(FieldError::new(field, "in_future"))
        } else {
            Ok(d)
        }
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::input::Rejected;

    /// The `(field, code)` pairs of a rejection, in order.
    pub(crate) fn codes(r: Rejected) -> Vec<(&'static str, &'static str)> {
        r.fields.into_iter().map(|f| (f.field, f.code)).collect()
    }

    #[test]
    fn a_percent_rounds_half_up_to_a_tenth() {
        assert_eq!(Percent::of(14, 120), Some(Percent(117)));
        assert_eq!(Percent::of(12, 120), Some(Percent(100)));
        assert_eq!(Percent::of(1, 8), Some(Percent(125)));
        assert_eq!(Percent::of(1, 3), Some(Percent(333)));
        assert_eq!(Percent::of(2, 3), Some(Percent(667)));
        assert_eq!(Percent::of(0, 0), None);
        assert_eq!(Percent(117).to_string(), "11.7");
        assert_eq!(Percent(1000).to_string(), "100.0");
    }

    #[test]
    fn whole_numbers_name_what_is_wrong() {
        for (raw, want) in [
            ("12", Ok(12)),
            (" 0 ", Ok(0)),
            ("366", Ok(366)),
            ("", Ok(7)),
            ("367", Err("too_large")),
            ("99999999999", Err("too_large")),
            ("-1", Err("negative_number")),
            ("1.5", Err("invalid_number")),
            ("ten", Err("invalid_number")),
            ("-", Err("invalid_number")),
        ] {
            assert_eq!(
                whole_number("days", raw, 366, Some(7)).map_err(|e| e.code),
                want,
                "{raw:?}"
            );
        }
        assert_eq!(whole_number("days", " ", 366, None).unwrap_err().code, "required");
    }

    #[test]
    fn a_number_outside_its_range_is_out_of_range_whatever_its_sign() {
        for (raw, want) in [
            ("1", Ok(1)),
            ("50", Ok(50)),
            ("0", Err("out_of_range")),
            ("51", Err("out_of_range")),
            ("-10", Err("out_of_range")),
            ("99999999999", Err("out_of_range")),
            ("", Err("required")),
            ("ten", Err("invalid_number")),
        ] {
            assert_eq!(in_range("percent", raw, 1..=50).map_err(|e| e.code), want, "{raw:?}");
        }
    }

    #[test]
    fn a_past_date_may_be_today_but_not_tomorrow() {
        let today = time::macros::date!(2026 - 03 - 02);
        assert_eq!(past_date("as_of", "2026-03-02", today), Ok(today));
        assert_eq!(past_date("as_of", "2026-03-03", today).unwrap_err().code, "in_future");
        assert_eq!(past_date("as_of", "", today).unwrap_err().code, "required");
        assert_eq!(past_date("as_of", "3/2/2026", today).unwrap_err().code, "invalid_date");
    }
}
