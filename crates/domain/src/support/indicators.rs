//! Indicator data, the ABCs of early warning: attendance, behaviour and
//! course marks. Each is a [`Reading`]: the values, the date they are true
//! as of, and where they came from — a flag shows all three.

use time::Date;

use super::{past_date, whole_number};
use crate::academics::course::{boolean, CourseCode, TermLength};
use crate::academics::keyed_enum;
use crate::input::{self, FieldError, Fields, Rejected};

/// The longest source name, in characters.
pub const SOURCE_MAX_CHARS: usize = 100;
/// The most days a count of days may hold (a calendar year).
pub const MAX_DAYS: u32 = 366;
/// The most behaviour incidents a reading may hold.
pub const MAX_INCIDENTS: u32 = 1_000;

/// Where indicator data came from: `sis nightly`, `manual entry`,
/// `OneRoster import` (1–100 characters).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DataSource(String);

impl DataSource {
    /// Field `source`: `required`, `too_long`.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        input::text("source", raw, 1..=SOURCE_MAX_CHARS).map(DataSource)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Indicator values with the date they are true as of and their source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading<T> {
    pub value: T,
    pub as_of: Date,
    pub source: DataSource,
}

impl<T> Reading<T> {
    /// `value` as of a typed date with a typed source. Fields `as_of`
    /// (`required`, `invalid_date`, `in_future`: after `today`) and
    /// `source` (`required`, `too_long`); the input's code is
    /// `invalid_reading`.
    pub fn parse(value: T, as_of: &str, source: &str, today: Date) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let (as_of, source) = provenance(&mut f, as_of, source, today);
        f.finish("invalid_reading", || Reading {
            value,
            as_of: as_of.expect("checked"),
            source: source.expect("checked"),
        })
    }

    /// Whole days from the as-of date to `today` (negative if after it).
    pub fn age_days(&self, today: Date) -> i64 {
        (today - self.as_of).whole_days()
    }

    /// Older than `stale_after_days`: the data is shown, marked stale.
    pub fn is_stale(&self, today: Date, stale_after_days: u32) -> bool {
        is_stale(self.as_of, today, stale_after_days)
    }
}

/// Data as of `as_of` is stale on `today` when more than
/// `stale_after_days` old (exactly that old is still fresh).
pub fn is_stale(as_of: Date, today: Date, stale_after_days: u32) -> bool {
    (today - as_of).whole_days() > i64::from(stale_after_days)
}

fn provenance(f: &mut Fields, as_of: &str, source: &str, today: Date) -> (Option<Date>, Option<DataSource>) {
    (
        f.check(past_date("as_of", as_of, today)),
        f.check(DataSource::parse(source)),
    )
}

keyed_enum!(
    /// Why a day was missed. Connecticut's chronic absence counts all three.
    AbsenceKind, "unknown_absence_kind", {
        Excused => "excused",
        Unexcused => "unexcused",
        /// Out-of-school suspension and other disciplinary removal.
        Disciplinary => "disciplinary",
    }
);

/// Days enrolled and days absent by kind, this school year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Attendance {
    pub days_enrolled: u32,
    pub excused: u32,
    pub unexcused: u32,
    pub disciplinary: u32,
}

impl Attendance {
    /// Days absent for any reason.
    pub fn days_absent(&self) -> u32 {
        self.excused + self.unexcused + self.disciplinary
    }

    /// Days absent of one kind.
    pub fn absent(&self, kind: AbsenceKind) -> u32 {
        match kind {
            AbsenceKind::Excused => self.excused,
            AbsenceKind::Unexcused => self.unexcused,
            AbsenceKind::Disciplinary => self.disciplinary,
        }
    }

    /// The summary of daily records: the days enrolled and one kind per
    /// day missed.
    pub fn tally(days_enrolled: u32, days_missed: impl IntoIterator<Item = AbsenceKind>) -> Self {
        let mut a = Attendance {
            days_enrolled,
            ..Attendance::default()
        };
        for kind in days_missed {
            match kind {
                AbsenceKind::Excused => a.excused += 1,
                AbsenceKind::Unexcused => a.unexcused += 1,
                AbsenceKind::Disciplinary => a.disciplinary += 1,
            }
        }
        a
    }
}

/// Attendance as a form or a file row sends it.
#[derive(Debug, Clone, Copy, Default)]
pub struct AttendanceRaw<'a> {
    pub days_enrolled: &'a str,
    /// Blank is 0.
    pub excused: &'a str,
    /// Blank is 0.
    pub unexcused: &'a str,
    /// Blank is 0.
    pub disciplinary: &'a str,
    pub as_of: &'a str,
    pub source: &'a str,
}

impl AttendanceRaw<'_> {
    /// Fields `days_enrolled` (`required`), `excused`, `unexcused`,
    /// `disciplinary` (blank is 0): whole days up to 366 (`invalid_number`,
    /// `negative_number`, `too_large`); `days_absent` `more_than_enrolled`
    /// when the three kinds add up to more than the days enrolled; `as_of`
    /// and `source` as [`Reading::parse`]. The input's code is
    /// `invalid_attendance`.
    pub fn parse(&self, today: Date) -> Result<Reading<Attendance>, Rejected> {
        let mut f = Fields::new();
        let enrolled = f.check(whole_number("days_enrolled", self.days_enrolled, MAX_DAYS, None));
        let excused = f.check(whole_number("excused", self.excused, MAX_DAYS, Some(0)));
        let unexcused = f.check(whole_number("unexcused", self.unexcused, MAX_DAYS, Some(0)));
        let disciplinary = f.check(whole_number("disciplinary", self.disciplinary, MAX_DAYS, Some(0)));
        if let (Some(n), Some(e), Some(u), Some(d)) = (enrolled, excused, unexcused, disciplinary) {
            if e + u + d > n {
                f.push("days_absent", "more_than_enrolled");
            }
        }
        let (as_of, source) = provenance(&mut f, self.as_of, self.source, today);
        f.finish("invalid_attendance", || Reading {
            value: Attendance {
                days_enrolled: enrolled.expect("checked"),
                excused: excused.expect("checked"),
                unexcused: unexcused.expect("checked"),
                disciplinary: disciplinary.expect("checked"),
            },
            as_of: as_of.expect("checked"),
            source: source.expect("checked"),
        })
    }
}

/// Behaviour incidents and suspension days, this school year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Behaviour {
    pub incidents: u32,
    pub in_school_suspension_days: u32,
    pub out_of_school_suspension_days: u32,
}

impl Behaviour {
    /// Suspension days, in school and out of school.
    pub fn suspension_days(&self) -> u32 {
        self.in_school_suspension_days + self.out_of_school_suspension_days
    }
}

/// Behaviour as a form or a file row sends it (blank is 0).
#[derive(Debug, Clone, Copy, Default)]
pub struct BehaviourRaw<'a> {
    pub incidents: &'a str,
    pub in_school_suspension_days: &'a str,
    pub out_of_school_suspension_days: &'a str,
    pub as_of: &'a str,
    pub source: &'a str,
}

impl BehaviourRaw<'_> {
    /// Fields `incidents` (up to 1,000), `in_school_suspension_days` and
    /// `out_of_school_suspension_days` (up to 366): blank is 0;
    /// `invalid_number`, `negative_number`, `too_large`; `as_of` and
    /// `source` as [`Reading::parse`]. The input's code is
    /// `invalid_behaviour`.
    pub fn parse(&self, today: Date) -> Result<Reading<Behaviour>, Rejected> {
        let mut f = Fields::new();
        let incidents = f.check(whole_number("incidents", self.incidents, MAX_INCIDENTS, Some(0)));
        let iss = f.check(whole_number(
            "in_school_suspension_days",
            self.in_school_suspension_days,
            MAX_DAYS,
            Some(0),
        ));
        let oss = f.check(whole_number(
            "out_of_school_suspension_days",
            self.out_of_school_suspension_days,
            MAX_DAYS,
            Some(0),
        ));
        let (as_of, source) = provenance(&mut f, self.as_of, self.source, today);
        f.finish("invalid_behaviour", || Reading {
            value: Behaviour {
                incidents: incidents.expect("checked"),
                in_school_suspension_days: iss.expect("checked"),
                out_of_school_suspension_days: oss.expect("checked"),
            },
            as_of: as_of.expect("checked"),
            source: source.expect("checked"),
        })
    }
}

keyed_enum!(
    /// The subject of a course, as the early-warning rules need it (the
    /// middle-grades rule looks at mathematics and English/ELA).
    CourseSubject, "unknown_course_subject", {
        Math => "math",
        /// English / English language arts.
        EnglishLanguageArts => "english_language_arts",
        Science => "science",
        SocialStudies => "social_studies",
        Other => "other",
    }
);

/// One course's mark for one term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseMark {
    pub course_code: CourseCode,
    pub subject: CourseSubject,
    /// How long the marked term is: a full year, a semester or a quarter.
    pub term_length: TermLength,
    /// The mark is failing on the district's scale (F, NP).
    pub failing: bool,
    pub term_ends_on: Date,
}

impl CourseMark {
    /// The term has ended by `as_of`: the mark is final, not a progress
    /// report.
    pub fn is_final(&self, as_of: Date) -> bool {
        self.term_ends_on <= as_of
    }
}

/// A course mark as a form or a file row sends it.
#[derive(Debug, Clone, Copy, Default)]
pub struct CourseMarkRaw<'a> {
    pub course_code: &'a str,
    pub subject: &'a str,
    /// `year`, `semester` or `quarter`.
    pub term_length: &'a str,
    /// Yes/no; blank is no.
    pub failing: &'a str,
    pub term_ends_on: &'a str,
}

impl CourseMarkRaw<'_> {
    /// Fields `course_code` (`required`, `too_long`,
    /// `invalid_course_code`), `subject` and `term_length` (`required`,
    /// `unknown_choice`), `failing` (`invalid_boolean`), `term_ends_on`
    /// (`required`, `invalid_date`; a date after the reading's as-of date
    /// is a term under way). The input's code is `invalid_course_mark`; the
    /// marks' as-of date and source are the [`Reading`]'s.
    pub fn parse(&self) -> Result<CourseMark, Rejected> {
        let mut f = Fields::new();
        let code = f.check(CourseCode::parse(self.course_code).map_err(|e| FieldError::new("course_code", e.code)));
        let subject = f.check(input::choice("subject", self.subject, &CourseSubject::choices()));
        let term = f.check(input::choice("term_length", self.term_length, &TermLength::choices()));
        let failing = f.check(boolean("failing", self.failing));
        let ends = f.check(crate::portfolio::date_field("term_ends_on", self.term_ends_on));
        f.finish("invalid_course_mark", || CourseMark {
            course_code: code.expect("checked"),
            subject: subject.expect("checked"),
            term_length: term.expect("checked"),
            failing: failing.expect("checked"),
            term_ends_on: ends.expect("checked"),
        })
    }
}

/// What one school day was for a student, from a daily attendance event
/// (Ed-Fi's `StudentSchoolAttendanceEvent` categories).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DayAttendance {
    /// In attendance, tardy, an early departure or a partial day.
    Present,
    Excused,
    Unexcused,
    /// Out-of-school suspension and other disciplinary removal.
    Disciplinary,
}

impl DayAttendance {
    /// An event's category, as Ed-Fi names it (`In Attendance`, `Excused
    /// Absence`, `Unexcused Absence`, `Tardy`, `Early departure`,
    /// `Partial`) or in snake case, any letter case; `Disciplinary Absence`
    /// for a suspension day. Field `category`: `required`, `unknown_choice`.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let key: String = raw
            .trim()
            .chars()
            .map(|c| {
                if c == ' ' || c == '-' {
                    '_'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        match key.as_str() {
            "" => Err(FieldError::new("category", "required")),
            "in_attendance" | "present" | "tardy" | "early_departure" | "partial" => Ok(DayAttendance::Present),
            "excused_absence" | "excused" => Ok(DayAttendance::Excused),
            "unexcused_absence" | "unexcused" => Ok(DayAttendance::Unexcused),
            "disciplinary_absence" | "disciplinary" | "out_of_school_suspension" => Ok(DayAttendance::Disciplinary),
            _ => Err(FieldError::new("category", "unknown_choice")),
        }
    }
}

/// A school year's attendance from its daily events: every date with an
/// event is a day enrolled, counted once; a date with several events
/// counts as its most serious absence (present < excused < unexcused <
/// disciplinary). The file must carry every school day (present days too)
/// for the days enrolled to be right.
pub fn attendance_of_days(days: impl IntoIterator<Item = (Date, DayAttendance)>) -> Attendance {
    let mut by_date: std::collections::BTreeMap<Date, DayAttendance> = std::collections::BTreeMap::new();
    for (date, day) in days {
        let e = by_date.entry(date).or_insert(day);
        *e = (*e).max(day);
    }
    let mut a = Attendance {
        days_enrolled: by_date.len() as u32,
        excused: 0,
        unexcused: 0,
        disciplinary: 0,
    };
    for day in by_date.values() {
        match day {
            DayAttendance::Present => {}
            DayAttendance::Excused => a.excused += 1,
            DayAttendance::Unexcused => a.unexcused += 1,
            DayAttendance::Disciplinary => a.disciplinary += 1,
        }
    }
    a
}

#[cfg(test)]
mod tests {
    #[test]
    fn daily_events_add_up_to_the_years_attendance() {
        use super::DayAttendance as D;
        // The days, and (days enrolled, excused, unexcused, disciplinary).
        type Case<'a> = (&'a [(Date, D)], (u32, u32, u32, u32));
        let cases: &[Case] = &[
            (&[], (0, 0, 0, 0)),
            (&[(date!(2026 - 09 - 01), D::Present)], (1, 0, 0, 0)),
            (
                &[
                    (date!(2026 - 09 - 01), D::Present),
                    (date!(2026 - 09 - 02), D::Excused),
                    (date!(2026 - 09 - 03), D::Unexcused),
                    (date!(2026 - 09 - 04), D::Disciplinary),
                ],
                (4, 1, 1, 1),
            ),
            // Two events on one day: the day once, as its worst.
            (
                &[
                    (date!(2026 - 09 - 01), D::Present),
                    (date!(2026 - 09 - 01), D::Unexcused),
                ],
                (1, 0, 1, 0),
            ),
            (
                &[(date!(2026 - 09 - 01), D::Excused), (date!(2026 - 09 - 01), D::Excused)],
                (1, 1, 0, 0),
            ),
        ];
        for (days, (n, e, u, d)) in cases {
            let a = super::attendance_of_days(days.iter().copied());
            assert_eq!(
                (a.days_enrolled, a.excused, a.unexcused, a.disciplinary),
                (*n, *e, *u, *d),
                "{days:?}"
            );
        }
    }

    #[test]
    fn event_categories_read_as_ed_fi_names_them() {
        use super::DayAttendance as D;
        for (raw, want) in [
            ("In Attendance", Ok(D::Present)),
            ("Tardy", Ok(D::Present)),
            ("Early departure", Ok(D::Present)),
            ("excused absence", Ok(D::Excused)),
            ("Unexcused Absence", Ok(D::Unexcused)),
            ("unexcused_absence", Ok(D::Unexcused)),
            ("Disciplinary Absence", Ok(D::Disciplinary)),
            ("", Err("required")),
            ("Absent-ish", Err("unknown_choice")),
        ] {
            assert_eq!(D::parse(raw).map_err(|e| e.code), want, "{raw}");
        }
    }

    use time::macros::date;

    use super::*;
    use crate::support::tests::codes;

    const TODAY: Date = date!(2026 - 03 - 02);

    fn attendance<'a>(enrolled: &'a str, excused: &'a str, unexcused: &'a str, disc: &'a str) -> AttendanceRaw<'a> {
        AttendanceRaw {
            days_enrolled: enrolled,
            excused,
            unexcused,
            disciplinary: disc,
            as_of: "2026-02-27",
            source: "sis nightly",
        }
    }

    #[test]
    fn attendance_parses_with_its_as_of_date_and_source() {
        let r = attendance("120", "6", "7", "1").parse(TODAY).unwrap();
        assert_eq!(r.value.days_absent(), 14);
        assert_eq!(r.value.absent(AbsenceKind::Unexcused), 7);
        assert_eq!((r.as_of, r.source.as_str()), (date!(2026 - 02 - 27), "sis nightly"));
    }

    #[test]
    fn blank_absence_kinds_are_zero_but_days_enrolled_is_required() {
        let r = attendance("30", "", "2", "").parse(TODAY).unwrap();
        assert_eq!(r.value, Attendance::tally(30, [AbsenceKind::Unexcused; 2]));
        let err = attendance("", "", "", "").parse(TODAY).unwrap_err();
        assert_eq!(err.error, "invalid_attendance");
        assert_eq!(codes(err), vec![("days_enrolled", "required")]);
    }

    #[test]
    fn days_absent_cannot_exceed_days_enrolled() {
        assert!(attendance("10", "4", "4", "2").parse(TODAY).is_ok());
        let err = attendance("10", "4", "4", "3").parse(TODAY).unwrap_err();
        assert_eq!(codes(err), vec![("days_absent", "more_than_enrolled")]);
    }

    #[test]
    fn attendance_refuses_negative_and_impossible_numbers() {
        let err = attendance("-5", "x", "400", "1.5").parse(TODAY).unwrap_err();
        assert_eq!(
            codes(err),
            vec![
                ("days_enrolled", "negative_number"),
                ("excused", "invalid_number"),
                ("unexcused", "too_large"),
                ("disciplinary", "invalid_number"),
            ]
        );
    }

    #[test]
    fn an_as_of_date_in_the_future_or_an_empty_source_is_refused() {
        let mut raw = attendance("20", "", "", "");
        raw.as_of = "2026-03-03";
        raw.source = "  ";
        assert_eq!(
            codes(raw.parse(TODAY).unwrap_err()),
            vec![("as_of", "in_future"), ("source", "required")]
        );
        raw.as_of = "2026-03-02";
        raw.source = "manual entry";
        assert!(raw.parse(TODAY).is_ok(), "today is not the future");
        let long = "s".repeat(101);
        raw.source = &long;
        assert_eq!(codes(raw.parse(TODAY).unwrap_err()), vec![("source", "too_long")]);
    }

    #[test]
    fn daily_records_tally_by_kind() {
        use AbsenceKind::*;
        let a = Attendance::tally(40, [Excused, Unexcused, Unexcused, Disciplinary]);
        assert_eq!((a.excused, a.unexcused, a.disciplinary, a.days_absent()), (1, 2, 1, 4));
    }

    #[test]
    fn behaviour_adds_both_kinds_of_suspension() {
        let raw = BehaviourRaw {
            incidents: "3",
            in_school_suspension_days: "1",
            out_of_school_suspension_days: "2",
            as_of: "2026-03-01",
            source: "sis",
        };
        let r = raw.parse(TODAY).unwrap();
        assert_eq!((r.value.incidents, r.value.suspension_days()), (3, 3));
        let blank = BehaviourRaw {
            as_of: "2026-03-01",
            source: "sis",
            ..BehaviourRaw::default()
        };
        assert_eq!(blank.parse(TODAY).unwrap().value, Behaviour::default());
    }

    #[test]
    fn behaviour_refuses_negative_days_and_a_future_date() {
        let raw = BehaviourRaw {
            incidents: "1001",
            in_school_suspension_days: "-1",
            out_of_school_suspension_days: "",
            as_of: "2027-01-01",
            source: "sis",
        };
        let err = raw.parse(TODAY).unwrap_err();
        assert_eq!(err.error, "invalid_behaviour");
        assert_eq!(
            codes(err),
            vec![
                ("incidents", "too_large"),
                ("in_school_suspension_days", "negative_number"),
                ("as_of", "in_future"),
            ]
        );
    }

    #[test]
    fn a_course_mark_names_its_subject_term_and_failure() {
        let raw = CourseMarkRaw {
            course_code: "ALG1",
            subject: "math",
            term_length: "semester",
            failing: "yes",
            term_ends_on: "2026-01-23",
        };
        let m = raw.parse().unwrap();
        assert_eq!(
            (m.subject, m.term_length, m.failing),
            (CourseSubject::Math, TermLength::Semester, true)
        );
        assert!(m.is_final(date!(2026 - 01 - 23)) && !m.is_final(date!(2026 - 01 - 22)));
        let bad = CourseMarkRaw {
            course_code: "ALG 1",
            subject: "maths",
            term_length: "trimester",
            failing: "maybe",
            term_ends_on: "",
        };
        let err = bad.parse().unwrap_err();
        assert_eq!(err.error, "invalid_course_mark");
        assert_eq!(
            codes(err),
            vec![
                ("course_code", "invalid_course_code"),
                ("subject", "unknown_choice"),
                ("term_length", "unknown_choice"),
                ("failing", "invalid_boolean"),
                ("term_ends_on", "required"),
            ]
        );
    }

    #[test]
    fn a_reading_is_stale_only_when_older_than_the_stale_age() {
        let r = Reading::parse((), "2026-01-16", "sis", TODAY).unwrap();
        assert_eq!(r.age_days(TODAY), 45);
        assert!(!r.is_stale(TODAY, 45), "exactly the stale age is still fresh");
        assert!(r.is_stale(TODAY, 44));
        assert_eq!(
            codes(Reading::parse((), "2026-03-09", "", TODAY).unwrap_err()),
            vec![("as_of", "in_future"), ("source", "required")]
        );
    }
}
