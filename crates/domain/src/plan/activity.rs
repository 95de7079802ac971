//! The grade-level scope and sequence: activities each grade does in a school
//! year, their state and computed status, and the shipped default for grades
//! 6–12 (a district may replace it).

use time::{Date, Month};

use crate::{GradeLevel, ParseError, SchoolYear};

/// What has been recorded about one student's activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActivityState {
    Done,
    /// Excused, with a reason recorded by staff.
    Exempt,
    Pending,
}

impl ActivityState {
    pub const ALL: [ActivityState; 3] = [ActivityState::Done, ActivityState::Exempt, ActivityState::Pending];

    /// The stored key.
    pub fn as_str(self) -> &'static str {
        match self {
            ActivityState::Done => "done",
            ActivityState::Exempt => "exempt",
            ActivityState::Pending => "pending",
        }
    }

    pub fn parse(s: &str) -> Result<Self, ParseError> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| ParseError::new("invalid_activity_state", format!("unknown activity state {s:?}")))
    }
}

/// What an activity list shows, computed from its state, due date and today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActivityStatus {
    Done,
    Exempt,
    /// Pending and due within the next [`DUE_SOON_DAYS`] days (or today).
    Due,
    /// Pending and its due date has passed.
    Overdue,
    /// Pending and due later than that.
    Upcoming,
}

impl ActivityStatus {
    /// The translated key.
    pub fn as_str(self) -> &'static str {
        match self {
            ActivityStatus::Done => "done",
            ActivityStatus::Exempt => "exempt",
            ActivityStatus::Due => "due",
            ActivityStatus::Overdue => "overdue",
            ActivityStatus::Upcoming => "upcoming",
        }
    }
}

/// How many days ahead a pending activity counts as due rather than upcoming.
pub const DUE_SOON_DAYS: i64 = 30;

/// An activity's status on `today`. An activity due today is due, not yet
/// overdue: it becomes overdue the day after.
pub fn status(state: ActivityState, due: Date, today: Date) -> ActivityStatus {
    match state {
        ActivityState::Done => ActivityStatus::Done,
        ActivityState::Exempt => ActivityStatus::Exempt,
        ActivityState::Pending => {
            let days_left = (due - today).whole_days();
            if days_left < 0 {
                ActivityStatus::Overdue
            } else if days_left <= DUE_SOON_DAYS {
                ActivityStatus::Due
            } else {
                ActivityStatus::Upcoming
            }
        }
    }
}

/// One activity in a scope and sequence: what a grade does and by when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActivityTemplate {
    /// Stable key, e.g. `g6_first_goals`; stored with each student's activity.
    pub key: &'static str,
    pub grade: GradeLevel,
    /// Fluent message id of the title, e.g. `activity-g6-first-goals`.
    pub title_key: &'static str,
    /// Month and day due; a month from July on is in the school year's first
    /// calendar year, January to June in its second.
    pub due_month: u8,
    pub due_day: u8,
    /// Counts toward the up-to-date rule, condition (d).
    pub required: bool,
}

impl ActivityTemplate {
    /// The due date in `year`. A day past the month's end (February 29 in a
    /// common year) falls to the month's last day; an impossible month falls
    /// to the year's last day, so a bad district setting cannot panic.
    pub fn due_date(&self, year: SchoolYear) -> Date {
        let Ok(month) = Month::try_from(self.due_month) else {
            return year.end();
        };
        let calendar_year = if self.due_month >= 7 { year.0 - 1 } else { year.0 };
        let last_day = month.length(calendar_year);
        let day = self.due_day.clamp(1, last_day);
        Date::from_calendar_date(calendar_year, month, day).unwrap_or_else(|_| year.end())
    }
}

/// The shipped default: (grade, key, title key, month, day, required), in
/// grade then due-date order.
const DEFAULT_SCOPE: [(u8, &str, &str, u8, u8, bool); 22] = [
    (
        6,
        "g6_interest_inventory",
        "activity-g6-interest-inventory",
        9,
        30,
        true,
    ),
    (6, "g6_first_goals", "activity-g6-first-goals", 10, 15, true),
    (6, "g6_annual_review", "activity-g6-annual-review", 10, 31, true),
    (7, "g7_annual_review", "activity-g7-annual-review", 10, 31, true),
    (
        7,
        "g7_career_exploration",
        "activity-g7-career-exploration",
        1,
        31,
        true,
    ),
    (7, "g7_reflection", "activity-g7-reflection", 5, 31, true),
    (
        8,
        "g8_interest_inventory_update",
        "activity-g8-interest-inventory-update",
        9,
        30,
        false,
    ),
    (8, "g8_annual_review", "activity-g8-annual-review", 10, 31, true),
    (
        8,
        "g8_high_school_course_plan",
        "activity-g8-high-school-course-plan",
        3,
        15,
        true,
    ),
    (9, "g9_annual_review", "activity-g9-annual-review", 10, 31, true),
    (
        9,
        "g9_four_year_plan_review",
        "activity-g9-four-year-plan-review",
        11,
        30,
        true,
    ),
    (
        9,
        "g9_first_portfolio_artifact",
        "activity-g9-first-portfolio-artifact",
        1,
        31,
        true,
    ),
    (10, "g10_annual_review", "activity-g10-annual-review", 10, 31, true),
    (
        10,
        "g10_career_pathway_choice",
        "activity-g10-career-pathway-choice",
        3,
        31,
        true,
    ),
    (
        10,
        "g10_work_based_learning",
        "activity-g10-work-based-learning",
        5,
        31,
        true,
    ),
    (11, "g11_annual_review", "activity-g11-annual-review", 10, 31, true),
    (
        11,
        "g11_college_career_visit",
        "activity-g11-college-career-visit",
        4,
        30,
        true,
    ),
    (
        11,
        "g11_postsecondary_plan",
        "activity-g11-postsecondary-plan",
        5,
        31,
        true,
    ),
    (12, "g12_annual_review", "activity-g12-annual-review", 10, 31, true),
    (12, "g12_transition_plan", "activity-g12-transition-plan", 3, 31, true),
    (12, "g12_capstone", "activity-g12-capstone", 5, 15, true),
    (
        12,
        "g12_portfolio_best_work",
        "activity-g12-portfolio-best-work",
        5,
        31,
        false,
    ),
];

/// The shipped scope and sequence for grades 6–12, ordered by grade then due
/// date: first goals and an interest inventory in grade 6 through a capstone
/// and transition plan in grade 12, with an annual plan review every grade.
pub fn default_scope_and_sequence() -> Vec<ActivityTemplate> {
    DEFAULT_SCOPE
        .iter()
        .filter_map(|&(grade, key, title_key, due_month, due_day, required)| {
            Some(ActivityTemplate {
                key,
                grade: GradeLevel::new(grade.into()).ok()?,
                title_key,
                due_month,
                due_day,
                required,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn status_table() {
        let today = date!(2026 - 10 - 01);
        for (state, due, expected) in [
            (ActivityState::Done, date!(2026 - 09 - 01), ActivityStatus::Done),
            (ActivityState::Exempt, date!(2026 - 09 - 01), ActivityStatus::Exempt),
            (ActivityState::Pending, date!(2026 - 09 - 30), ActivityStatus::Overdue),
            (ActivityState::Pending, date!(2026 - 10 - 01), ActivityStatus::Due),
            (ActivityState::Pending, date!(2026 - 10 - 31), ActivityStatus::Due),
            (ActivityState::Pending, date!(2026 - 11 - 01), ActivityStatus::Upcoming),
            (ActivityState::Done, date!(2027 - 05 - 01), ActivityStatus::Done),
        ] {
            assert_eq!(status(state, due, today), expected, "{state:?} due {due}");
        }
    }

    #[test]
    fn activity_state_round_trips() {
        for s in ActivityState::ALL {
            assert_eq!(ActivityState::parse(s.as_str()), Ok(s));
        }
        assert_eq!(
            ActivityState::parse("overdue").map_err(|e| e.code),
            Err("invalid_activity_state")
        );
    }

    fn template(due_month: u8, due_day: u8) -> ActivityTemplate {
        ActivityTemplate {
            key: "k",
            grade: GradeLevel::new(9).unwrap(),
            title_key: "activity-k",
            due_month,
            due_day,
            required: true,
        }
    }

    #[test]
    fn due_dates_fall_in_the_right_calendar_year() {
        let year = SchoolYear(2027); // 2026–27
        for (month, day, expected) in [
            (7, 1, date!(2026 - 07 - 01)),
            (10, 31, date!(2026 - 10 - 31)),
            (12, 31, date!(2026 - 12 - 31)),
            (1, 1, date!(2027 - 01 - 01)),
            (6, 30, date!(2027 - 06 - 30)),
            (2, 29, date!(2027 - 02 - 28)),
            (4, 31, date!(2027 - 04 - 30)),
            (13, 1, date!(2027 - 06 - 30)),
            (0, 1, date!(2027 - 06 - 30)),
        ] {
            assert_eq!(template(month, day).due_date(year), expected, "{month}/{day}");
        }
        assert_eq!(template(2, 29).due_date(SchoolYear(2028)), date!(2028 - 02 - 29));
    }

    #[test]
    fn default_scope_covers_every_grade_with_an_annual_review() {
        let scope = default_scope_and_sequence();
        assert_eq!(scope.len(), DEFAULT_SCOPE.len(), "every row has a valid grade");
        for grade in GradeLevel::all() {
            let review = format!("g{grade}_annual_review");
            assert!(
                scope.iter().any(|t| t.grade == grade && t.key == review && t.required),
                "grade {grade}"
            );
        }
        for key in [
            "g6_first_goals",
            "g6_interest_inventory",
            "g7_career_exploration",
            "g7_reflection",
            "g8_high_school_course_plan",
            "g9_four_year_plan_review",
            "g9_first_portfolio_artifact",
            "g10_work_based_learning",
            "g10_career_pathway_choice",
            "g11_postsecondary_plan",
            "g11_college_career_visit",
            "g12_capstone",
            "g12_transition_plan",
        ] {
            assert!(scope.iter().any(|t| t.key == key && t.required), "{key}");
        }
    }

    #[test]
    fn default_keys_are_unique_and_name_their_grade_and_title() {
        let scope = default_scope_and_sequence();
        let mut keys: Vec<&str> = scope.iter().map(|t| t.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), scope.len(), "duplicate key");
        for t in &scope {
            assert!(t.key.starts_with(&format!("g{}_", t.grade)), "{}", t.key);
            assert_eq!(
                t.title_key,
                format!("activity-{}", t.key.replace('_', "-")),
                "{}",
                t.key
            );
        }
    }

    #[test]
    fn default_due_dates_are_real_days_in_the_school_year() {
        for t in default_scope_and_sequence() {
            for year in [SchoolYear(2027), SchoolYear(2028)] {
                let month = Month::try_from(t.due_month).expect("valid month");
                let calendar_year = if t.due_month >= 7 { year.0 - 1 } else { year.0 };
                assert!(t.due_day <= month.length(calendar_year), "{}", t.key);
                let due = t.due_date(year);
                assert!(year.start() <= due && due <= year.end(), "{} due {due}", t.key);
            }
        }
    }

    #[test]
    fn default_scope_is_ordered_by_grade_then_due_date() {
        let scope = default_scope_and_sequence();
        let year = SchoolYear(2027);
        assert!(scope
            .windows(2)
            .all(|w| (w[0].grade, w[0].due_date(year)) <= (w[1].grade, w[1].due_date(year))));
        assert_eq!(scope.first().map(|t| t.key), Some("g6_interest_inventory"));
    }
}

/// How long an exemption's reason is, in characters once trimmed.
pub const EXEMPT_REASON_CHARS: std::ops::RangeInclusive<usize> = 3..=300;

/// What is recorded about a grade-level activity, as parsed input: done, or
/// exempt with a reason of 3–300 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActivityEntry {
    Done,
    Exempt { reason: String },
}

impl ActivityEntry {
    /// Fields `state` (`done` or `exempt`) and `reason` (only for
    /// `exempt`); the input's code is `invalid_activity`.
    pub fn parse(state: &str, reason: &str) -> Result<Self, crate::input::Rejected> {
        use crate::input::{choice, text, Rejected};
        let error = |e| Rejected::new("invalid_activity", vec![e]);
        match choice("state", state, &[("done", false), ("exempt", true)]).map_err(error)? {
            false => Ok(ActivityEntry::Done),
            true => text("reason", reason, EXEMPT_REASON_CHARS)
                .map(|reason| ActivityEntry::Exempt { reason })
                .map_err(error),
        }
    }

    pub fn state(&self) -> ActivityState {
        match self {
            ActivityEntry::Done => ActivityState::Done,
            ActivityEntry::Exempt { .. } => ActivityState::Exempt,
        }
    }

    pub fn exempt_reason(&self) -> Option<&str> {
        match self {
            ActivityEntry::Done => None,
            ActivityEntry::Exempt { reason } => Some(reason),
        }
    }
}

#[cfg(test)]
mod entry_tests {
    use super::*;
    use crate::input::FieldError;

    #[test]
    fn done_needs_nothing_and_exempt_needs_a_reason() {
        assert_eq!(ActivityEntry::parse("done", "ignored"), Ok(ActivityEntry::Done));
        let e = ActivityEntry::parse("exempt", "  Transferred in May  ").unwrap();
        assert_eq!(e.exempt_reason(), Some("Transferred in May"));
        assert_eq!(e.state(), ActivityState::Exempt);
        let short = ActivityEntry::parse("exempt", " ab ").unwrap_err();
        assert_eq!(short.error, "invalid_activity");
        assert_eq!(short.first(), Some(FieldError::new("reason", "too_short")));
        assert_eq!(
            ActivityEntry::parse("exempt", &"x".repeat(301)).unwrap_err().first(),
            Some(FieldError::new("reason", "too_long"))
        );
        assert!(ActivityEntry::parse("exempt", &"x".repeat(300)).is_ok());
        assert_eq!(
            ActivityEntry::parse("pending", "").unwrap_err().first(),
            Some(FieldError::new("state", "unknown_choice"))
        );
    }
}
