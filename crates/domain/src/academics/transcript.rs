//! The transcript: courses taken with their term, mark and credits (shaped
//! like Ed-Fi's CourseTranscript), the district's grade scale, and the GPA.
//!
//! An entry without a mark is a course the student is taking now (in
//! progress); its credits attempted are what it will earn if passed.

use super::course::{CourseCode, Rigor, SubjectArea};
use super::credits::{Credits, Points};
use super::keyed_enum;
use crate::input::{self, FieldError, Fields, Rejected};
use crate::SchoolYear;

keyed_enum!(
    /// When in the school year a course ran (Ed-Fi's term descriptors).
    Term, "unknown_term", {
        Year => "year",
        Semester1 => "semester_1",
        Semester2 => "semester_2",
        Quarter1 => "quarter_1",
        Quarter2 => "quarter_2",
        Quarter3 => "quarter_3",
        Quarter4 => "quarter_4",
        Summer => "summer",
    }
);

impl Term {
    /// How many semester marks a mark in this term stands for: a full-year
    /// mark is two semesters' worth; any shorter term counts as one (a
    /// failed quarter is still a failed grading period).
    pub fn semesters(self) -> u32 {
        match self {
            Term::Year => 2,
            _ => 1,
        }
    }
}

/// One mark of a grade scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleMark {
    /// As the SIS writes it (`A-`, `P`, `W`); matched without regard to case.
    pub mark: String,
    /// Grade points, or `None` for a mark outside the GPA (P, NP, W, I).
    pub points: Option<Points>,
    /// A passing mark: the course earns its credit.
    pub earns_credit: bool,
    /// A failing mark (F, NP): counts as a failure for on-track and the
    /// early-warning rules. W and I are neither passing nor failing.
    pub failing: bool,
}

impl ScaleMark {
    /// One mark of a district's scale, as typed on the admin page. Fields
    /// `mark` (`required`, `too_long`: 1–4 characters, no blank space:
    /// `invalid_mark`), `points` (blank for a mark outside the GPA, else
    /// 0–10: `invalid_points`, `negative_points`, `too_precise`,
    /// `too_many`), `earns_credit` and `failing` (`invalid_boolean`; both
    /// at once: `failing` `passing_and_failing`). The input's code is
    /// `invalid_scale_mark`.
    pub fn parse(mark: &str, points: &str, earns_credit: &str, failing: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let mark = f.check(input::text("mark", mark, 1..=4).and_then(|m| {
            if m.chars().any(char::is_whitespace) {
                Err(FieldError::new("mark", "invalid_mark"))
            } else {
                Ok(m)
            }
        }));
        let points = f.check(match points.trim() {
            "" => Ok(None),
            p => Points::parse(p)
                .map_err(|e| FieldError::new("points", e.code))
                .and_then(|p| {
                    if p > Points(1000) {
                        Err(FieldError::new("points", "too_many"))
                    } else {
                        Ok(Some(p))
                    }
                }),
        });
        let earns = f.check(super::course::boolean("earns_credit", earns_credit));
        let failing = f.check(super::course::boolean("failing", failing));
        if earns == Some(true) && failing == Some(true) {
            f.push("failing", "passing_and_failing");
        }
        f.finish("invalid_scale_mark", || ScaleMark {
            mark: mark.expect("checked"),
            points: points.expect("checked"),
            earns_credit: earns.expect("checked"),
            failing: failing.expect("checked"),
        })
    }
}

/// The district's grade scale: each mark, its points, whether it passes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradeScale {
    pub marks: Vec<ScaleMark>,
    /// The most a weighted course may score (the default scale: 5.00, so an
    /// A in an AP course is 5.00 and an A+ does not go past it).
    pub weighted_max: Points,
}

impl GradeScale {
    /// The default letter scale: A+ and A 4.00, A- 3.67, B+ 3.33, B 3.00,
    /// B- 2.67, C+ 2.33, C 2.00, C- 1.67, D+ 1.33, D 1.00, D- 0.67, F 0
    /// (failing); P pass and NP no pass (failing) outside the GPA; W
    /// withdrawn and I incomplete, neither passing nor failing. Weighted
    /// points stop at 5.00.
    pub fn default_letter() -> Self {
        let graded = |mark: &str, points: u32| ScaleMark {
            mark: mark.to_owned(),
            points: Some(Points(points)),
            earns_credit: points > 0,
            failing: points == 0,
        };
        let other = |mark: &str, earns_credit: bool, failing: bool| ScaleMark {
            mark: mark.to_owned(),
            points: None,
            earns_credit,
            failing,
        };
        GradeScale {
            marks: vec![
                graded("A+", 400),
                graded("A", 400),
                graded("A-", 367),
                graded("B+", 333),
                graded("B", 300),
                graded("B-", 267),
                graded("C+", 233),
                graded("C", 200),
                graded("C-", 167),
                graded("D+", 133),
                graded("D", 100),
                graded("D-", 67),
                graded("F", 0),
                other("P", true, false),
                other("NP", false, true),
                other("W", false, false),
                other("I", false, false),
            ],
            weighted_max: Points(500),
        }
    }

    /// Whether an edited scale is coherent. The input's code is
    /// `invalid_grade_scale`; field codes: `marks` `required` (none),
    /// `duplicate_mark` (the same mark twice, in any case);
    /// `weighted_max` `below_points` (lower than a mark's own points).
    pub fn check(&self) -> Result<(), Rejected> {
        let mut fields = Vec::new();
        if self.marks.is_empty() {
            fields.push(FieldError::new("marks", "required"));
        }
        let dup = self
            .marks
            .iter()
            .enumerate()
            .any(|(i, m)| self.marks[..i].iter().any(|o| o.mark.eq_ignore_ascii_case(&m.mark)));
        if dup {
            fields.push(FieldError::new("marks", "duplicate_mark"));
        }
        if self
            .marks
            .iter()
            .any(|m| m.points.is_some_and(|p| p > self.weighted_max))
        {
            fields.push(FieldError::new("weighted_max", "below_points"));
        }
        Rejected::or("invalid_grade_scale", fields, || ())
    }

    /// The scale's mark spelled `raw` (trimmed, any case).
    pub fn mark(&self, raw: &str) -> Option<&ScaleMark> {
        let raw = raw.trim();
        self.marks.iter().find(|m| m.mark.eq_ignore_ascii_case(raw))
    }

    /// The points a mark scores in a course of `rigor`, weighted or not;
    /// `None` for a mark outside the GPA. The rigor bonus goes only to a
    /// passing mark, and weighted points stop at `weighted_max`.
    pub fn points(&self, mark: &ScaleMark, rigor: Rigor, weighted: bool) -> Option<Points> {
        let p = mark.points?;
        if !weighted || !mark.earns_credit {
            return Some(p);
        }
        let with_bonus = p.0 + rigor.weighted_bonus();
        Some(Points(with_bonus.min(self.weighted_max.0.max(p.0))))
    }
}

impl GradeScale {
    /// A district's scale from its typed marks and weighted maximum, then
    /// [`GradeScale::check`]ed. `weighted_max` codes: `required`,
    /// `invalid_points`, `negative_points`, `too_precise`, `too_many` (over
    /// 10). The input's code is `invalid_grade_scale`.
    pub fn parse(marks: Vec<ScaleMark>, weighted_max: &str) -> Result<Self, Rejected> {
        let max = match weighted_max.trim() {
            "" => Err(FieldError::new("weighted_max", "required")),
            m => Points::parse(m)
                .map_err(|e| FieldError::new("weighted_max", e.code))
                .and_then(|p| {
                    if p > Points(1000) {
                        Err(FieldError::new("weighted_max", "too_many"))
                    } else {
                        Ok(p)
                    }
                }),
        };
        let max = max.map_err(|f| Rejected::new("invalid_grade_scale", vec![f]))?;
        let scale = GradeScale {
            marks,
            weighted_max: max,
        };
        scale.check()?;
        Ok(scale)
    }

    /// One mark as the admin page shows it: mark, points, earns_credit,
    /// failing (the inverse of [`ScaleMark::parse`]).
    pub fn raw_mark(m: &ScaleMark) -> [String; 4] {
        let yes = |b: bool| if b { "true" } else { "false" }.to_owned();
        [
            m.mark.clone(),
            m.points.map(|p| p.to_string()).unwrap_or_default(),
            yes(m.earns_credit),
            yes(m.failing),
        ]
    }
}

/// One course on the transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscriptEntry {
    pub course_code: CourseCode,
    /// As the transcript shows it (may be blank: the catalog's title).
    pub title: String,
    pub school_year: SchoolYear,
    pub term: Term,
    /// The grade the student was in (Ed-Fi `WhenTakenGradeLevel`), if known.
    pub grade_level: Option<u8>,
    /// The mark in the scale's spelling; `None` while the course is under way.
    pub mark: Option<String>,
    pub credits_attempted: Credits,
    pub credits_earned: Credits,
    pub rigor: Rigor,
    /// The requirement category, for a course not in the catalog (transfer
    /// credit); `None` means "as the catalog says".
    pub subject_area: Option<SubjectArea>,
}

impl TranscriptEntry {
    /// Whether the course is under way (no mark yet).
    pub fn in_progress(&self) -> bool {
        self.mark.is_none()
    }

    /// The scale's mark, if the entry has one the scale knows.
    pub fn scale_mark<'s>(&self, scale: &'s GradeScale) -> Option<&'s ScaleMark> {
        self.mark.as_deref().and_then(|m| scale.mark(m))
    }
}

/// A transcript row as typed (transfer credit) or read from the CSV.
#[derive(Debug, Clone, Copy, Default)]
pub struct TranscriptEntryRaw<'a> {
    pub course_code: &'a str,
    pub title: &'a str,
    /// `2027`, `2026-2027` or `2026-27` (the year ending in June 2027).
    pub school_year: &'a str,
    pub term: &'a str,
    /// Blank when unknown.
    pub grade_level: &'a str,
    /// Blank while the course is under way.
    pub mark: &'a str,
    pub credits_attempted: &'a str,
    /// Blank means 0.
    pub credits_earned: &'a str,
    /// Blank means standard.
    pub rigor: &'a str,
    /// Blank means "as the catalog says".
    pub subject_area: &'a str,
}

/// `2027`, `2026-2027`, `2026–2027` or `2026-27`: the school year ending in
/// that spring (1990–2100). Code `invalid_school_year`.
pub fn parse_school_year(field: &'static str, raw: &str) -> Result<SchoolYear, FieldError> {
    let bad = || FieldError::new(field, "invalid_school_year");
    let s = raw.trim();
    if s.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    let num = |t: &str| -> Result<i32, FieldError> {
        if t.bytes().all(|b| b.is_ascii_digit()) && !t.is_empty() {
            t.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let end = match s.split_once(['-', '–', '/']) {
        None => num(s)?,
        Some((a, b)) => {
            let start = num(a.trim())?;
            let b = b.trim();
            let end = match b.len() {
                2 => start - start % 100 + num(b)? + if num(b)? < start % 100 { 100 } else { 0 },
                4 => num(b)?,
                _ => return Err(bad()),
            };
            if end != start + 1 {
                return Err(bad());
            }
            end
        }
    };
    if (1990..=2100).contains(&end) {
        Ok(SchoolYear(end))
    } else {
        Err(bad())
    }
}

fn credits_field(field: &'static str, raw: &str, blank: Option<Credits>) -> Result<Credits, FieldError> {
    if raw.trim().is_empty() {
        return blank.ok_or(FieldError::new(field, "required"));
    }
    Credits::parse(raw)
        .map_err(|e| FieldError::new(field, e.code))
        .and_then(|c| {
            if c > Credits::whole(10) {
                Err(FieldError::new(field, "too_many"))
            } else {
                Ok(c)
            }
        })
}

impl TranscriptEntry {
    /// The input's code is `invalid_transcript_entry`. Field codes:
    /// - `course_code`: `required`, `too_long`, `invalid_course_code`;
    /// - `title`: `too_long` (0–200);
    /// - `school_year`: `required`, `invalid_school_year`;
    /// - `term`: `required`, `unknown_choice`;
    /// - `grade_level`: `invalid_grade` (6–12 or blank);
    /// - `mark`: `unknown_mark` (not on the district's scale);
    /// - `credits_attempted`: `required`, `invalid_credits`,
    ///   `negative_credits`, `too_precise`, `too_many` (over 10);
    /// - `credits_earned`: the same, and `more_than_attempted`,
    ///   `earned_while_in_progress` (no mark yet), `earned_without_passing_mark`
    ///   (F, NP, W, I earn nothing);
    /// - `rigor`, `subject_area`: `unknown_choice`.
    pub fn parse(raw: &TranscriptEntryRaw<'_>, scale: &GradeScale) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let code = f.check(CourseCode::parse(raw.course_code).map_err(|e| FieldError::new("course_code", e.code)));
        let title = f.check(input::text("title", raw.title, 0..=super::course::TITLE_MAX_CHARS));
        let year = f.check(parse_school_year("school_year", raw.school_year));
        let term = f.check(input::choice("term", raw.term, &Term::choices()));
        let grade = f.check(match raw.grade_level.trim() {
            "" => Ok(None),
            g => match g.parse::<u8>() {
                Ok(g) if (6..=12).contains(&g) => Ok(Some(g)),
                _ => Err(FieldError::new("grade_level", "invalid_grade")),
            },
        });
        let mark = f.check(match raw.mark.trim() {
            "" => Ok(None),
            m => scale.mark(m).map(Some).ok_or(FieldError::new("mark", "unknown_mark")),
        });
        let attempted = f.check(credits_field("credits_attempted", raw.credits_attempted, None));
        let earned = f.check(credits_field("credits_earned", raw.credits_earned, Some(Credits::ZERO)));
        if let (Some(a), Some(e), Some(m)) = (attempted, earned, mark) {
            let problem = if e.is_zero() {
                None
            } else if e > a {
                Some("more_than_attempted")
            } else if m.is_none() {
                Some("earned_while_in_progress")
            } else if m.is_some_and(|m| !m.earns_credit) {
                Some("earned_without_passing_mark")
            } else {
                None
            };
            if let Some(code) = problem {
                f.push("credits_earned", code);
            }
        }
        let rigor = f.check(match raw.rigor.trim() {
            "" => Ok(Rigor::Standard),
            r => Rigor::parse(r).map_err(|_| FieldError::new("rigor", "unknown_choice")),
        });
        let area = f.check(match raw.subject_area.trim() {
            "" => Ok(None),
            a => SubjectArea::parse(a)
                .map(Some)
                .map_err(|_| FieldError::new("subject_area", "unknown_choice")),
        });
        f.finish("invalid_transcript_entry", || TranscriptEntry {
            course_code: code.expect("checked"),
            title: title.expect("checked"),
            school_year: year.expect("checked"),
            term: term.expect("checked"),
            grade_level: grade.expect("checked"),
            mark: mark.expect("checked").map(|m| m.mark.clone()),
            credits_attempted: attempted.expect("checked"),
            credits_earned: earned.expect("checked"),
            rigor: rigor.expect("checked"),
            subject_area: area.expect("checked"),
        })
    }
}

/// A grade-point average and what went into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Gpa {
    /// `None` when no course has points yet.
    pub unweighted: Option<Points>,
    /// With the rigor bonus, capped by the scale.
    pub weighted: Option<Points>,
    /// Courses that counted: a mark with points and credits attempted.
    pub courses_used: usize,
    /// Their credits attempted (the weights).
    pub credits_used: Credits,
}

/// The GPA of `entries` on `scale`: each course's points weighted by its
/// credits attempted, rounded half up to the hundredth. Courses under way,
/// marks outside the GPA (P, NP, W, I), marks the scale does not know and
/// courses worth no credit are left out.
pub fn gpa(entries: &[TranscriptEntry], scale: &GradeScale) -> Gpa {
    let (mut plain, mut weighted, mut weight, mut used) = (0u64, 0u64, 0u64, 0usize);
    for e in entries {
        let Some(m) = e.scale_mark(scale) else { continue };
        let (Some(p), Some(w)) = (scale.points(m, e.rigor, false), scale.points(m, e.rigor, true)) else {
            continue;
        };
        let credits = u64::from(e.credits_attempted.0);
        if credits == 0 {
            continue;
        }
        plain += u64::from(p.0) * credits;
        weighted += u64::from(w.0) * credits;
        weight += credits;
        used += 1;
    }
    let avg = |sum: u64| (weight > 0).then(|| Points(((sum + weight / 2) / weight) as u32));
    Gpa {
        unweighted: avg(plain),
        weighted: avg(weighted),
        courses_used: used,
        credits_used: Credits(weight as u32),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A finished year-long course: 1 credit, earned if the mark passes.
    pub(crate) fn entry(code: &str, year: i32, mark: Option<&str>) -> TranscriptEntry {
        let scale = GradeScale::default_letter();
        let earns = mark.and_then(|m| scale.mark(m)).is_some_and(|m| m.earns_credit);
        TranscriptEntry {
            course_code: CourseCode::parse(code).unwrap(),
            title: String::new(),
            school_year: SchoolYear(year),
            term: Term::Year,
            grade_level: None,
            mark: mark.map(str::to_owned),
            credits_attempted: Credits::whole(1),
            credits_earned: if earns { Credits::whole(1) } else { Credits::ZERO },
            rigor: Rigor::Standard,
            subject_area: None,
        }
    }

    fn raw() -> TranscriptEntryRaw<'static> {
        TranscriptEntryRaw {
            course_code: "ENG9",
            title: "English 9",
            school_year: "2025-26",
            term: "year",
            grade_level: "9",
            mark: "b+",
            credits_attempted: "1",
            credits_earned: "1",
            rigor: "",
            subject_area: "",
        }
    }

    #[test]
    fn academics_school_year_spellings() {
        for (raw, want) in [
            ("2027", Ok(2027)),
            ("2026-2027", Ok(2027)),
            ("2026–27", Ok(2027)),
            ("2099-00", Ok(2100)),
            ("2026-28", Err("invalid_school_year")),
            ("2027-2026", Err("invalid_school_year")),
            ("27", Err("invalid_school_year")),
            ("next", Err("invalid_school_year")),
            ("", Err("required")),
        ] {
            assert_eq!(
                parse_school_year("school_year", raw).map(|y| y.0).map_err(|e| e.code),
                want,
                "{raw:?}"
            );
        }
    }

    #[test]
    fn academics_transcript_entry_parses_and_normalizes_the_mark() {
        let e = TranscriptEntry::parse(&raw(), &GradeScale::default_letter()).unwrap();
        assert_eq!(e.mark.as_deref(), Some("B+"));
        assert_eq!(e.school_year, SchoolYear(2026));
        assert_eq!(
            (e.credits_attempted, e.credits_earned),
            (Credits::whole(1), Credits::whole(1))
        );
        let under_way = TranscriptEntryRaw {
            mark: "",
            credits_earned: "",
            ..raw()
        };
        assert!(TranscriptEntry::parse(&under_way, &GradeScale::default_letter())
            .unwrap()
            .in_progress());
    }

    #[test]
    fn academics_transcript_entry_field_codes() {
        let cases: Vec<(TranscriptEntryRaw, (&str, &str))> = vec![
            (
                TranscriptEntryRaw {
                    course_code: "",
                    ..raw()
                },
                ("course_code", "required"),
            ),
            (
                TranscriptEntryRaw {
                    school_year: "soon",
                    ..raw()
                },
                ("school_year", "invalid_school_year"),
            ),
            (
                TranscriptEntryRaw {
                    term: "trimester",
                    ..raw()
                },
                ("term", "unknown_choice"),
            ),
            (
                TranscriptEntryRaw {
                    grade_level: "13",
                    ..raw()
                },
                ("grade_level", "invalid_grade"),
            ),
            (TranscriptEntryRaw { mark: "E", ..raw() }, ("mark", "unknown_mark")),
            (
                TranscriptEntryRaw {
                    credits_attempted: "-1",
                    ..raw()
                },
                ("credits_attempted", "negative_credits"),
            ),
            (
                TranscriptEntryRaw {
                    credits_attempted: "",
                    ..raw()
                },
                ("credits_attempted", "required"),
            ),
            (
                TranscriptEntryRaw {
                    credits_earned: "1.5",
                    ..raw()
                },
                ("credits_earned", "more_than_attempted"),
            ),
            (
                TranscriptEntryRaw { mark: "F", ..raw() },
                ("credits_earned", "earned_without_passing_mark"),
            ),
            (
                TranscriptEntryRaw { mark: "W", ..raw() },
                ("credits_earned", "earned_without_passing_mark"),
            ),
            (
                TranscriptEntryRaw { mark: "", ..raw() },
                ("credits_earned", "earned_while_in_progress"),
            ),
            (
                TranscriptEntryRaw {
                    rigor: "gifted",
                    ..raw()
                },
                ("rigor", "unknown_choice"),
            ),
            (
                TranscriptEntryRaw {
                    subject_area: "math",
                    ..raw()
                },
                ("subject_area", "unknown_choice"),
            ),
        ];
        for (input, want) in cases {
            let err = TranscriptEntry::parse(&input, &GradeScale::default_letter()).unwrap_err();
            assert_eq!(err.error, "invalid_transcript_entry");
            assert_eq!(
                err.fields.iter().map(|f| (f.field, f.code)).collect::<Vec<_>>(),
                [want],
                "{input:?}"
            );
        }
        // A failing mark that earns nothing is fine.
        let failed = TranscriptEntryRaw {
            mark: "F",
            credits_earned: "0",
            ..raw()
        };
        assert!(TranscriptEntry::parse(&failed, &GradeScale::default_letter()).is_ok());
    }

    #[test]
    fn academics_default_scale_marks() {
        let s = GradeScale::default_letter();
        let f = s.mark("f").unwrap();
        assert!(f.failing && !f.earns_credit && f.points == Some(Points(0)));
        let p = s.mark("P").unwrap();
        assert!(p.earns_credit && !p.failing && p.points.is_none());
        for m in ["W", "I"] {
            let m = s.mark(m).unwrap();
            assert!(!m.earns_credit && !m.failing && m.points.is_none());
        }
        assert!(s.mark("NP").unwrap().failing);
        assert!(s.mark("E").is_none());
    }

    #[test]
    fn academics_scale_mark_parse_and_scale_check() {
        let m = ScaleMark::parse("A-", "3.67", "yes", "").unwrap();
        assert_eq!(
            (m.mark.as_str(), m.points, m.earns_credit, m.failing),
            ("A-", Some(Points(367)), true, false)
        );
        assert_eq!(ScaleMark::parse("P", "", "1", "0").unwrap().points, None);
        let codes = |r: Result<ScaleMark, Rejected>| {
            r.unwrap_err()
                .fields
                .iter()
                .map(|f| (f.field, f.code))
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(ScaleMark::parse("", "4", "y", "n")), [("mark", "required")]);
        assert_eq!(
            codes(ScaleMark::parse("A A", "4", "y", "n")),
            [("mark", "invalid_mark")]
        );
        assert_eq!(codes(ScaleMark::parse("EXCEL", "4", "y", "n")), [("mark", "too_long")]);
        assert_eq!(
            codes(ScaleMark::parse("A", "-1", "y", "n")),
            [("points", "negative_points")]
        );
        assert_eq!(codes(ScaleMark::parse("A", "11", "y", "n")), [("points", "too_many")]);
        assert_eq!(
            codes(ScaleMark::parse("A", "4", "y", "y")),
            [("failing", "passing_and_failing")]
        );
        assert_eq!(
            codes(ScaleMark::parse("A", "4", "sure", "n")),
            [("earns_credit", "invalid_boolean")]
        );

        assert_eq!(GradeScale::default_letter().check(), Ok(()));
        let mut s = GradeScale::default_letter();
        s.marks.push(ScaleMark::parse("a", "4", "y", "n").unwrap());
        s.weighted_max = Points(300);
        let r = s.check().unwrap_err();
        assert_eq!(
            r.fields,
            [
                FieldError::new("marks", "duplicate_mark"),
                FieldError::new("weighted_max", "below_points")
            ]
        );
    }

    #[test]
    fn academics_weighted_points_bonus_and_cap() {
        let s = GradeScale::default_letter();
        let pts = |m: &str, r: Rigor| s.points(s.mark(m).unwrap(), r, true);
        assert_eq!(pts("A", Rigor::Ap), Some(Points(500)));
        assert_eq!(pts("A+", Rigor::Ap), Some(Points(500)), "capped at 5.00");
        assert_eq!(pts("B", Rigor::Honors), Some(Points(350)));
        assert_eq!(pts("B", Rigor::Cte), Some(Points(300)));
        assert_eq!(pts("F", Rigor::Ap), Some(Points(0)), "no bonus on a failing mark");
        assert_eq!(pts("P", Rigor::Ap), None);
    }

    #[test]
    fn academics_gpa_table() {
        let s = GradeScale::default_letter();
        let with = |code: &str, mark: Option<&str>, rigor: Rigor, credits: u32| TranscriptEntry {
            rigor,
            credits_attempted: Credits(credits),
            ..entry(code, 2026, mark)
        };
        // Nothing graded yet.
        assert_eq!(gpa(&[], &s), Gpa::default());
        assert_eq!(gpa(&[with("A", None, Rigor::Standard, 100)], &s).courses_used, 0);
        // A (1 credit) and C (1 credit): 3.00 either way.
        let g = gpa(
            &[
                with("A", Some("A"), Rigor::Standard, 100),
                with("B", Some("C"), Rigor::Standard, 100),
            ],
            &s,
        );
        assert_eq!(
            (g.unweighted, g.weighted, g.courses_used),
            (Some(Points(300)), Some(Points(300)), 2)
        );
        // Credit-weighted: A in 1 credit, F in 0.5 → 4×1/1.5 = 2.67; P, W and I left out.
        let g = gpa(
            &[
                with("A", Some("A"), Rigor::Standard, 100),
                with("B", Some("F"), Rigor::Standard, 50),
                with("C", Some("P"), Rigor::Standard, 100),
                with("D", Some("W"), Rigor::Standard, 100),
                with("E", Some("I"), Rigor::Standard, 100),
            ],
            &s,
        );
        assert_eq!(
            (g.unweighted, g.courses_used, g.credits_used),
            (Some(Points(267)), 2, Credits(150))
        );
        // Weighted: AP A (5.00) and honors B (3.50) → 4.25; unweighted 3.50.
        let g = gpa(
            &[
                with("A", Some("A"), Rigor::Ap, 100),
                with("B", Some("B"), Rigor::Honors, 100),
            ],
            &s,
        );
        assert_eq!((g.unweighted, g.weighted), (Some(Points(350)), Some(Points(425))));
        // A- (3.67) and B+ (3.33) → 3.50 exactly.
        let g = gpa(
            &[
                with("A", Some("A-"), Rigor::Standard, 100),
                with("B", Some("B+"), Rigor::Standard, 100),
            ],
            &s,
        );
        assert_eq!(g.unweighted, Some(Points(350)));
    }

    #[test]
    fn academics_grade_scale_parse_round_trips_and_refuses() {
        let default = GradeScale::default_letter();
        let marks = |s: &GradeScale| {
            s.marks
                .iter()
                .map(|m| {
                    let [a, b, c, d] = GradeScale::raw_mark(m);
                    ScaleMark::parse(&a, &b, &c, &d).unwrap()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(GradeScale::parse(marks(&default), "5"), Ok(default.clone()));
        let codes = |m: Vec<ScaleMark>, max: &str| {
            GradeScale::parse(m, max)
                .unwrap_err()
                .fields
                .iter()
                .map(|f| (f.field, f.code))
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(marks(&default), ""), [("weighted_max", "required")]);
        assert_eq!(codes(marks(&default), "-1"), [("weighted_max", "negative_points")]);
        assert_eq!(codes(marks(&default), "11"), [("weighted_max", "too_many")]);
        assert_eq!(codes(marks(&default), "3.5"), [("weighted_max", "below_points")]);
        let mut twice = marks(&default);
        twice.push(ScaleMark::parse("a", "4", "true", "false").unwrap());
        assert_eq!(codes(twice, "5"), [("marks", "duplicate_mark")]);
        assert_eq!(codes(vec![], "5"), [("marks", "required")]);
    }
}
