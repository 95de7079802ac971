//! The early-warning rules: the district's [`Thresholds`], everything a rule
//! may see about one student ([`FlagInput`] — never a protected attribute),
//! and [`evaluate`], which returns each rule that fires with its threshold,
//! the numbers behind it, the data's as-of date and whether it is stale.
//!
//! Decisions the reference leaves open:
//! - **Course failure counts final marks** (the term ended by the marks'
//!   as-of date) **of the as-of date's school year**; a mark during the term
//!   is a progress report, and last year's failures do not flag forever.
//! - **Quarter-length marks never fire it**: the rules name semester
//!   courses (high school) and course failures (middle grades); a quarter
//!   mark is usually a grading period inside a longer course whose semester
//!   or year mark carries the failure, so counting it would flag twice and
//!   earlier than the research's thresholds.
//! - **GPA is a high-school rule** (as in the reference's table); middle
//!   grades use the mathematics/ELA failure.
//! - **Grade-9 off track fires in grades 9 and 10** (the verdict is made
//!   during grade 9 and final just after it); later the graduation pace
//!   takes over.

use std::ops::RangeInclusive;

use time::Date;

use super::flag::FlagKind;
use super::indicators::{is_stale, Attendance, Behaviour, CourseMark, CourseSubject, DataSource, Reading};
use super::{in_range, Percent};
use crate::academics::course::TermLength;
use crate::academics::on_track::{Grade9OnTrack, Grade9Rule};
use crate::academics::{Credits, Points};
use crate::input::{FieldError, Fields, Rejected};
use crate::{GradeLevel, SchoolYear};

/// Chronic absence: the share of enrolled days, in percent.
pub const ABSENCE_PERCENT: RangeInclusive<u32> = 1..=50;
/// Days enrolled before chronic absence is judged.
pub const MIN_DAYS_ENROLLED: RangeInclusive<u32> = 0..=90;
/// Suspension days that flag.
pub const SUSPENSION_DAYS: RangeInclusive<u32> = 1..=30;
/// The low-GPA line on a 4-point scale (0.50–4.00).
pub const LOW_GPA: RangeInclusive<Points> = Points(50)..=Points(400);
/// Days after which indicator data is stale.
pub const STALE_AFTER_DAYS: RangeInclusive<u32> = 1..=365;
/// Grade-9 credits to earn (1–8).
pub const GRADE9_MIN_CREDITS: RangeInclusive<Credits> = Credits(100)..=Credits(800);
/// Grade-9 semester Fs allowed in core courses.
pub const GRADE9_MAX_CORE_FS: RangeInclusive<u32> = 0..=4;

/// A district's thresholds. The defaults are the common national ones
/// (National High School Center, Attendance Works, Allensworth & Easton).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    /// Missed at least this percent of enrolled days (default 10).
    pub chronic_absence_percent: u32,
    /// …once enrolled at least this many days (default 20).
    pub min_days_enrolled: u32,
    /// At least this many suspension days, in or out of school (default 1).
    pub suspension_days: u32,
    /// An unweighted GPA at or below this (default 2.00).
    pub low_gpa: Points,
    /// Data older than this many days is marked stale (default 45).
    pub stale_after_days: u32,
    /// The grade-9 on-track rule the caller computes [`Grade9OnTrack`] with.
    pub grade9: Grade9Rule,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            chronic_absence_percent: 10,
            min_days_enrolled: 20,
            suspension_days: 1,
            low_gpa: Points(200),
            stale_after_days: 45,
            grade9: Grade9Rule::default(),
        }
    }
}

/// Thresholds as the settings form sends them (every field required).
#[derive(Debug, Clone, Copy, Default)]
pub struct ThresholdsRaw<'a> {
    pub chronic_absence_percent: &'a str,
    pub min_days_enrolled: &'a str,
    pub suspension_days: &'a str,
    pub low_gpa: &'a str,
    pub stale_after_days: &'a str,
    pub grade9_min_credits: &'a str,
    pub grade9_max_core_fs: &'a str,
}

impl ThresholdsRaw<'_> {
    /// Each field within its range (the constants above, which pages show
    /// in the message): `required`, `invalid_number`, `out_of_range`;
    /// `low_gpa` and `grade9_min_credits` take two decimals (`too_precise`).
    /// The input's code is `invalid_thresholds`.
    pub fn parse(&self) -> Result<Thresholds, Rejected> {
        let mut f = Fields::new();
        let percent = f.check(in_range(
            "chronic_absence_percent",
            self.chronic_absence_percent,
            ABSENCE_PERCENT,
        ));
        let min_days = f.check(in_range("min_days_enrolled", self.min_days_enrolled, MIN_DAYS_ENROLLED));
        let suspension = f.check(in_range("suspension_days", self.suspension_days, SUSPENSION_DAYS));
        let gpa = f.check(decimal("low_gpa", self.low_gpa, Points::parse).and_then(|p| {
            LOW_GPA
                .contains(&p)
                .then_some(p)
                .ok_or(FieldError::new("low_gpa", "out_of_range"))
        }));
        let stale = f.check(in_range("stale_after_days", self.stale_after_days, STALE_AFTER_DAYS));
        let credits = f.check(
            decimal("grade9_min_credits", self.grade9_min_credits, Credits::parse).and_then(|c| {
                GRADE9_MIN_CREDITS
                    .contains(&c)
                    .then_some(c)
                    .ok_or(FieldError::new("grade9_min_credits", "out_of_range"))
            }),
        );
        let fs = f.check(in_range(
            "grade9_max_core_fs",
            self.grade9_max_core_fs,
            GRADE9_MAX_CORE_FS,
        ));
        f.finish("invalid_thresholds", || Thresholds {
            chronic_absence_percent: percent.expect("checked"),
            min_days_enrolled: min_days.expect("checked"),
            suspension_days: suspension.expect("checked"),
            low_gpa: gpa.expect("checked"),
            stale_after_days: stale.expect("checked"),
            grade9: Grade9Rule {
                min_credits: credits.expect("checked"),
                max_core_semester_fs: fs.expect("checked"),
            },
        })
    }
}

/// A number with up to two decimals (points, credits); a negative one is
/// out of range.
fn decimal<T>(
    field: &'static str,
    raw: &str,
    parse: impl Fn(&str) -> Result<T, crate::ParseError>,
) -> Result<T, FieldError> {
    if raw.trim().is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    parse(raw).map_err(|e| {
        let code = match e.code {
            "too_precise" => "too_precise",
            c if c.starts_with("negative") => "out_of_range",
            _ => "invalid_number",
        };
        FieldError::new(field, code)
    })
}

/// Everything a rule sees about one student. There is no field for a
/// protected attribute (race, ethnicity, sex, disability, English-learner
/// status, income or meal status), and a test keeps it so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagInput {
    pub grade_level: GradeLevel,
    pub attendance: Option<Reading<Attendance>>,
    pub behaviour: Option<Reading<Behaviour>>,
    /// This year's course marks (earlier ones are ignored by the rule).
    pub marks: Option<Reading<Vec<CourseMark>>>,
    /// The unweighted GPA (`academics::transcript::gpa`), as of the
    /// transcript's date.
    pub gpa: Option<Reading<Points>>,
    /// `academics::on_track::grade9_on_track`, computed with
    /// [`Thresholds::grade9`].
    pub grade9: Option<Reading<Grade9OnTrack>>,
}

impl FlagInput {
    /// The field names, kept equal to the struct's by a test.
    pub const FIELDS: &'static [&'static str] = &["grade_level", "attendance", "behaviour", "marks", "gpa", "grade9"];
}

/// Which threshold a finding met, with its values (pages word it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Missed at least `percent` % of enrolled days, after `min_days_enrolled`.
    ChronicAbsence { percent: u32, min_days_enrolled: u32 },
    /// At least `min_days` days of suspension, in or out of school.
    Suspension { min_days: u32 },
    /// High school: any failed course of a semester or longer.
    HighSchoolCourseFailure,
    /// Middle grades: a failed mathematics or English/ELA course.
    MiddleGradesCourseFailure,
    /// An unweighted GPA at or below `at_most`.
    LowGpa { at_most: Points },
    /// Grade 9: fewer credits than `min_credits` or more core semester Fs
    /// than `max_core_semester_fs`.
    Grade9OffTrack {
        min_credits: Credits,
        max_core_semester_fs: u32,
    },
}

impl Rule {
    /// The stable key, the Fluent id's tail.
    pub fn key(&self) -> &'static str {
        match self {
            Rule::ChronicAbsence { .. } => "chronic_absence",
            Rule::Suspension { .. } => "suspension",
            Rule::HighSchoolCourseFailure => "course_failure_high_school",
            Rule::MiddleGradesCourseFailure => "course_failure_middle_grades",
            Rule::LowGpa { .. } => "low_gpa",
            Rule::Grade9OffTrack { .. } => "grade9_off_track",
        }
    }
}

/// The numbers behind a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evidence {
    /// e.g. absent 14 of 120 days = 11.7 %, with the split by kind.
    Absence { attendance: Attendance, percent: Percent },
    /// Suspension days in and out of school, and incidents.
    Suspension(Behaviour),
    /// The failed courses that count, in the reading's order.
    FailedCourses(Vec<CourseMark>),
    /// The unweighted GPA.
    Gpa(Points),
    /// The grade-9 verdict with its reasons and numbers.
    Grade9(Grade9OnTrack),
}

/// A rule that fires for a student.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: FlagKind,
    pub rule: Rule,
    pub evidence: Evidence,
    /// The date the data is true as of, and where it came from.
    pub as_of: Date,
    pub source: DataSource,
    /// The data is older than [`Thresholds::stale_after_days`].
    pub stale: bool,
}

/// Every rule that fires, in [`FlagKind`] order. Data that is missing
/// raises nothing.
pub fn evaluate(input: &FlagInput, t: &Thresholds, today: Date) -> Vec<Finding> {
    let finding = |kind, rule, evidence, as_of: Date, source: &DataSource| Finding {
        kind,
        rule,
        evidence,
        as_of,
        source: source.clone(),
        stale: is_stale(as_of, today, t.stale_after_days),
    };
    let high_school = input.grade_level.is_high_school();
    let mut out = Vec::new();

    if let Some(r) = &input.attendance {
        let a = r.value;
        let judged = a.days_enrolled > 0 && a.days_enrolled >= t.min_days_enrolled;
        if judged
            && u64::from(a.days_absent()) * 100 >= u64::from(t.chronic_absence_percent) * u64::from(a.days_enrolled)
        {
            let rule = Rule::ChronicAbsence {
                percent: t.chronic_absence_percent,
                min_days_enrolled: t.min_days_enrolled,
            };
            let percent = Percent::of(a.days_absent(), a.days_enrolled).unwrap_or_default();
            let evidence = Evidence::Absence { attendance: a, percent };
            out.push(finding(FlagKind::ChronicAbsence, rule, evidence, r.as_of, &r.source));
        }
    }
    if let Some(r) = &input.behaviour {
        if r.value.suspension_days() >= t.suspension_days {
            let rule = Rule::Suspension {
                min_days: t.suspension_days,
            };
            out.push(finding(
                FlagKind::Suspension,
                rule,
                Evidence::Suspension(r.value),
                r.as_of,
                &r.source,
            ));
        }
    }
    if let Some(r) = &input.marks {
        let year = SchoolYear::containing(r.as_of);
        let failed: Vec<CourseMark> = r
            .value
            .iter()
            .filter(|m| m.failing && m.is_final(r.as_of) && SchoolYear::containing(m.term_ends_on) == year)
            .filter(|m| m.term_length != TermLength::Quarter)
            .filter(|m| high_school || matches!(m.subject, CourseSubject::Math | CourseSubject::EnglishLanguageArts))
            .cloned()
            .collect();
        if !failed.is_empty() {
            let rule = if high_school {
                Rule::HighSchoolCourseFailure
            } else {
                Rule::MiddleGradesCourseFailure
            };
            out.push(finding(
                FlagKind::CourseFailure,
                rule,
                Evidence::FailedCourses(failed),
                r.as_of,
                &r.source,
            ));
        }
    }
    if let Some(r) = input.gpa.as_ref().filter(|_| high_school) {
        if r.value <= t.low_gpa {
            let rule = Rule::LowGpa { at_most: t.low_gpa };
            out.push(finding(
                FlagKind::LowGpa,
                rule,
                Evidence::Gpa(r.value),
                r.as_of,
                &r.source,
            ));
        }
    }
    if let Some(r) = input
        .grade9
        .as_ref()
        .filter(|_| matches!(input.grade_level.get(), 9 | 10))
    {
        if !r.value.on_track {
            let rule = Rule::Grade9OffTrack {
                min_credits: r.value.credits_needed,
                max_core_semester_fs: r.value.core_fs_allowed,
            };
            let evidence = Evidence::Grade9(r.value.clone());
            out.push(finding(FlagKind::Grade9OffTrack, rule, evidence, r.as_of, &r.source));
        }
    }
    out
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
