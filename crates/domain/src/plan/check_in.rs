//! A check-in on a goal as parsed input: the date it is for, the value on
//! the goal's measure, and a note and reflection.

use time::Date;

use crate::input::{Fields, Rejected};
use crate::plan::goal::parse_iso_date;
use crate::plan::MeasureKind;

/// The longest note or reflection on a check-in, in characters.
pub const MAX_CHECK_IN_TEXT: usize = 2000;

/// What a check-in is judged against: its goal as it is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckInGoal {
    pub active: bool,
    /// The day progress is measured from (the goal became active).
    pub started: Date,
    pub measure: MeasureKind,
}

/// A check-in that passed every rule: text trimmed, the value parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckInInput {
    pub on_date: Date,
    pub value: f64,
    pub note: String,
    pub reflection: String,
}

impl CheckInInput {
    /// The input's code is `invalid_check_in`; each field's code is the
    /// rule it broke (and the page's `checkin-error-<code>`): `goal`
    /// `not_active` (alone); `on_date` `date`, `future` or `before_start`
    /// (an empty date is today); `value` `value` (outside the measure's
    /// range); `note` or `reflection` `long` (over 2000 characters).
    pub fn parse(
        goal: &CheckInGoal,
        on_date: &str,
        value: &str,
        note: &str,
        reflection: &str,
        today: Date,
    ) -> Result<Self, Rejected> {
        const ERROR: &str = "invalid_check_in";
        if !goal.active {
            return Err(Rejected::one(ERROR, "goal", "not_active"));
        }
        let mut f = Fields::new();
        let on_date = if on_date.trim().is_empty() {
            Some(today)
        } else {
            match parse_iso_date(on_date) {
                Err(_) => {
                    f.push("on_date", "date");
                    None
                }
                Ok(d) if d > today => {
                    f.push("on_date", "future");
                    None
                }
                Ok(d) if d < goal.started => {
                    f.push("on_date", "before_start");
                    None
                }
                Ok(d) => Some(d),
            }
        };
        let value = goal
            .measure
            .parse_value(value)
            .map_err(|_| f.push("value", "value"))
            .ok();
        let mut text = |field, raw: &str| {
            let t = raw.trim();
            if t.chars().count() > MAX_CHECK_IN_TEXT {
                f.push(field, "long");
            }
            t.to_owned()
        };
        let note = text("note", note);
        let reflection = text("reflection", reflection);
        f.finish(ERROR, || CheckInInput {
            on_date: on_date.expect("checked"),
            value: value.expect("checked"),
            note,
            reflection,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::FieldError;
    use time::macros::date;

    const TODAY: Date = date!(2027 - 03 - 10);
    const GOAL: CheckInGoal = CheckInGoal {
        active: true,
        started: date!(2027 - 03 - 01),
        measure: MeasureKind::Percent,
    };

    #[test]
    fn a_check_in_is_for_a_day_since_the_start_with_a_value_in_range() {
        let c = CheckInInput::parse(&GOAL, "", "74%", " Quiz went well ", "", TODAY).unwrap();
        assert_eq!((c.on_date, c.value, c.note.as_str()), (TODAY, 74.0, "Quiz went well"));
        let first = |on: &str, v: &str| {
            CheckInInput::parse(&GOAL, on, v, "", "", TODAY)
                .unwrap_err()
                .first()
                .unwrap()
        };
        assert_eq!(first("2027-03-11", "70"), FieldError::new("on_date", "future"));
        assert_eq!(first("2027-02-28", "70"), FieldError::new("on_date", "before_start"));
        assert_eq!(first("March 3", "70"), FieldError::new("on_date", "date"));
        assert_eq!(first("2027-03-05", "101"), FieldError::new("value", "value"));
        let long = "é".repeat(MAX_CHECK_IN_TEXT + 1);
        let r = CheckInInput::parse(&GOAL, "", "70", "", &long, TODAY).unwrap_err();
        assert_eq!(
            (r.error, r.fields.clone()),
            ("invalid_check_in", vec![FieldError::new("reflection", "long")])
        );
    }

    #[test]
    fn only_an_active_goal_takes_check_ins() {
        let done = CheckInGoal { active: false, ..GOAL };
        let r = CheckInInput::parse(&done, "nonsense", "x", "", "", TODAY).unwrap_err();
        assert_eq!(r.fields, vec![FieldError::new("goal", "not_active")]);
    }
}
