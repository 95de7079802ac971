//! The course catalog: what planning needs to know about a course — its
//! credits, the graduation-requirement category it counts toward, its
//! rigor, grades, prerequisites, term length and linked pathways.
//!
//! **Subject area and tags.** A course has exactly one [`SubjectArea`]: the
//! Connecticut requirement category its credit counts toward by default.
//! Finer facts are [`CourseTag`]s, district-editable keys such as
//! `english`, `civics` or `personal_finance`. Personal finance is a *tag*,
//! not an area: the class-of-2027 half credit is counted *inside*
//! humanities or electives (PA 23-21), so a personal-finance course is a
//! humanities (or elective) course tagged `personal_finance`. The older
//! 20-credit rule (English, social studies, …) matches courses by tag too.
//!
//! **Core.** Whether a course is core for grade-9 on-track (English,
//! mathematics, science, social studies) is the catalog's `core` flag, set
//! by the district; it is not derived from the area, since "humanities"
//! also holds fine arts and "STEM" holds technology electives.

use std::collections::BTreeMap;
use std::fmt;

use uuid::Uuid;

use super::credits::Credits;
use super::keyed_enum;
use crate::input::{self, FieldError, Fields, Rejected};
use crate::ParseError;

keyed_enum!(
    /// The graduation-requirement category a course counts toward
    /// (Connecticut, class of 2023 onward).
    SubjectArea, "unknown_subject_area", {
        /// English, social studies (civics included), fine arts, humanities electives.
        Humanities => "humanities",
        /// Mathematics, science, technology, engineering, STEM electives.
        Stem => "stem",
        PeWellness => "pe_wellness",
        HealthSafety => "health_safety",
        WorldLanguage => "world_language",
        /// The locally designed capstone that shows mastery.
        MasteryAssessment => "mastery_assessment",
        /// Local electives: anything else.
        Elective => "elective",
    }
);

keyed_enum!(
    /// How demanding a course is; decides the weighted-GPA bonus.
    Rigor, "unknown_rigor", {
        Standard => "standard",
        Honors => "honors",
        /// Advanced Placement.
        Ap => "ap",
        /// International Baccalaureate.
        Ib => "ib",
        /// Dual or concurrent enrollment with a partner college (e.g. UConn ECE).
        DualCredit => "dual_credit",
        /// Career and technical education.
        Cte => "cte",
        /// A college course taken through an early-college program.
        EarlyCollege => "early_college",
    }
);

impl Rigor {
    /// The default weighted-GPA bonus in hundredths of a point: honors
    /// +0.5; AP, IB, dual credit and early college (college-level work)
    /// +1.0; standard and CTE none. A district's [`GradeScale`] may cap the
    /// result.
    ///
    /// [`GradeScale`]: super::transcript::GradeScale
    pub fn weighted_bonus(self) -> u32 {
        match self {
            Rigor::Standard | Rigor::Cte => 0,
            Rigor::Honors => 50,
            Rigor::Ap | Rigor::Ib | Rigor::DualCredit | Rigor::EarlyCollege => 100,
        }
    }
}

keyed_enum!(
    /// How long a course runs.
    TermLength, "unknown_term_length", {
        Year => "year",
        Semester => "semester",
        Quarter => "quarter",
    }
);

impl TermLength {
    /// The most credit a course of this length may carry (a sanity bound,
    /// not a rule of any state): a year 2 (double-period courses), a
    /// semester 1, a quarter 0.5.
    pub fn max_credits(self) -> Credits {
        match self {
            TermLength::Year => Credits::whole(2),
            TermLength::Semester => Credits::whole(1),
            TermLength::Quarter => Credits(50),
        }
    }
}

/// A course code as the district's SIS spells it: 1–20 letters, digits,
/// `-`, `_` or `.`, compared exactly (case matters, as in most SIS).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CourseCode(String);

impl CourseCode {
    pub const MAX_CHARS: usize = 20;

    /// Codes `required`, `too_long`, `invalid_course_code`.
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(ParseError::new("required", "a course code is required"));
        }
        if s.chars().count() > Self::MAX_CHARS {
            return Err(ParseError::new("too_long", format!("course code too long: {s:?}")));
        }
        if !s
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        {
            return Err(ParseError::new(
                "invalid_course_code",
                format!("not a course code: {s:?}"),
            ));
        }
        Ok(CourseCode(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CourseCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A SCED course code (NCES School Courses for the Exchange of Data): five
/// digits — the two-digit subject area (`01` English language and
/// literature … `23` non-subject-specific; `51`–`73` prior-to-secondary)
/// and a three-digit course identifier — optionally followed by the course
/// level letter (`B` basic, `G` general, `E` enriched, `H` honors, `X` no
/// level). Stored upper-case: `03051H`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ScedCode(String);

impl ScedCode {
    /// Code `invalid_sced`.
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        let s = raw.trim().to_ascii_uppercase();
        let b = s.as_bytes();
        let digits_ok = b.len() >= 5 && b[..5].iter().all(u8::is_ascii_digit) && &b[..2] != b"00";
        let level_ok = match b.len() {
            5 => true,
            6 => matches!(b[5], b'B' | b'G' | b'E' | b'H' | b'X'),
            _ => false,
        };
        if digits_ok && level_ok {
            Ok(ScedCode(s))
        } else {
            Err(ParseError::new("invalid_sced", format!("not a SCED code: {raw:?}")))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The two-digit SCED subject area (`"03"`: life and physical sciences).
    pub fn subject_area(&self) -> &str {
        &self.0[..2]
    }
}

/// A district-editable fact about a course that a requirement can match:
/// a snake_case key of 1–40 characters (`personal_finance`, `civics`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CourseTag(String);

impl CourseTag {
    /// Counts toward the class-of-2027 personal-finance half credit.
    pub const PERSONAL_FINANCE: &'static str = "personal_finance";
    /// The keys the shipped pre-2023 Connecticut rule matches.
    pub const ENGLISH: &'static str = "english";
    pub const SOCIAL_STUDIES: &'static str = "social_studies";
    pub const CIVICS: &'static str = "civics";
    pub const MATHEMATICS: &'static str = "mathematics";
    pub const SCIENCE: &'static str = "science";
    pub const FINE_ARTS: &'static str = "fine_arts";
    pub const VOCATIONAL: &'static str = "vocational";

    /// Code `invalid_tag`. Upper case is folded to lower.
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        let s = raw.trim().to_ascii_lowercase();
        let ok = (1..=40).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            && s.as_bytes()[0].is_ascii_lowercase();
        if ok {
            Ok(CourseTag(s))
        } else {
            Err(ParseError::new("invalid_tag", format!("not a tag: {raw:?}")))
        }
    }

    /// A tag from a known-good key (the constants above).
    pub fn known(key: &'static str) -> Self {
        CourseTag(key.to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A course in the district's catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogCourse {
    pub code: CourseCode,
    pub title: String,
    /// 0–2 in quarter steps.
    pub credits: Credits,
    pub term_length: TermLength,
    pub subject_area: SubjectArea,
    /// Sorted, without repeats.
    pub tags: Vec<CourseTag>,
    pub sced: Option<ScedCode>,
    pub rigor: Rigor,
    /// The lowest and highest grade that may take it (6–12).
    pub grades: (u8, u8),
    /// Courses to pass (or be taking) first; sorted, without repeats.
    pub prerequisites: Vec<CourseCode>,
    /// The district's career pathways the course belongs to.
    pub pathways: Vec<Uuid>,
    /// Core for grade-9 on-track (English, mathematics, science, social studies).
    pub core: bool,
    /// May be taken more than once for credit (band, a seminar).
    pub repeatable: bool,
}

impl CatalogCourse {
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t.as_str() == tag)
    }

    /// Whether a student in `grade` may take it.
    pub fn open_to_grade(&self, grade: u8) -> bool {
        (self.grades.0..=self.grades.1).contains(&grade)
    }
}

/// The longest course title, in characters.
pub const TITLE_MAX_CHARS: usize = 200;

/// A catalog row as typed on the admin page or read from the CSV. Lists
/// (`tags`, `prerequisites`, `pathways`) are separated by commas,
/// semicolons or spaces; booleans accept `true/false`, `yes/no`, `y/n`,
/// `1/0`, `on` and blank (false).
#[derive(Debug, Clone, Copy, Default)]
pub struct CatalogCourseRaw<'a> {
    pub code: &'a str,
    pub title: &'a str,
    pub credits: &'a str,
    pub term_length: &'a str,
    pub subject_area: &'a str,
    pub tags: &'a str,
    pub sced: &'a str,
    /// Blank means `standard`.
    pub rigor: &'a str,
    pub grade_min: &'a str,
    pub grade_max: &'a str,
    pub prerequisites: &'a str,
    pub pathways: &'a str,
    pub core: &'a str,
    pub repeatable: &'a str,
}

/// Splits a list field on commas, semicolons and blank space.
pub fn split_list(raw: &str) -> impl Iterator<Item = &str> {
    raw.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
}

/// A yes/no field. Code `invalid_boolean`.
pub fn boolean(field: &'static str, raw: &str) -> Result<bool, FieldError> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "" | "false" | "no" | "n" | "0" | "off" => Ok(false),
        "true" | "yes" | "y" | "1" | "on" => Ok(true),
        _ => Err(FieldError::new(field, "invalid_boolean")),
    }
}

fn grade_field(field: &'static str, raw: &str) -> Result<u8, FieldError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    match s.parse::<u8>() {
        Ok(g) if (6..=12).contains(&g) => Ok(g),
        _ => Err(FieldError::new(field, "invalid_grade")),
    }
}

fn keyed<T: Copy>(
    field: &'static str,
    raw: &str,
    parse: impl Fn(&str) -> Result<T, ParseError>,
) -> Result<T, FieldError> {
    if raw.trim().is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    parse(raw).map_err(|_| FieldError::new(field, "unknown_choice"))
}

impl CatalogCourse {
    /// The input's code is `invalid_course`. Field codes:
    /// - `code`: `required`, `too_long`, `invalid_course_code`;
    /// - `title`: `required`, `too_long` (1–200);
    /// - `credits`: `required`, `invalid_credits`, `negative_credits`,
    ///   `too_precise`, `too_many` (over 2), `not_quarter_step`,
    ///   `too_many_for_term` (over the term length's bound);
    /// - `term_length`, `subject_area`: `required`, `unknown_choice`;
    ///   `rigor`: `unknown_choice` (blank is standard);
    /// - `tags`: `invalid_tag`; `sced`: `invalid_sced` (blank is none);
    /// - `grade_min`, `grade_max`: `required`, `invalid_grade` (6–12);
    ///   `grade_max`: `before_min`;
    /// - `prerequisites`: `invalid_course_code`, `self_prerequisite`;
    /// - `pathways`: `invalid_pathway` (not an id);
    /// - `core`, `repeatable`: `invalid_boolean`.
    pub fn parse(raw: &CatalogCourseRaw<'_>) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let code = f.check(CourseCode::parse(raw.code).map_err(|e| FieldError::new("code", e.code)));
        let title = f.check(input::text("title", raw.title, 1..=TITLE_MAX_CHARS));
        let credits = f.check(if raw.credits.trim().is_empty() {
            Err(FieldError::new("credits", "required"))
        } else {
            Credits::parse(raw.credits)
                .map_err(|e| FieldError::new("credits", e.code))
                .and_then(|c| {
                    if c > Credits::whole(2) {
                        Err(FieldError::new("credits", "too_many"))
                    } else if !c.in_quarter_steps() {
                        Err(FieldError::new("credits", "not_quarter_step"))
                    } else {
                        Ok(c)
                    }
                })
        });
        let term_length = f.check(keyed("term_length", raw.term_length, TermLength::parse));
        if let (Some(c), Some(t)) = (credits, term_length) {
            if c > t.max_credits() {
                f.push("credits", "too_many_for_term");
            }
        }
        let subject_area = f.check(keyed("subject_area", raw.subject_area, SubjectArea::parse));
        let mut tags = Vec::new();
        for t in split_list(raw.tags) {
            match CourseTag::parse(t) {
                Ok(t) => tags.push(t),
                Err(_) => {
                    f.push("tags", "invalid_tag");
                    break;
                }
            }
        }
        tags.sort();
        tags.dedup();
        let sced = f.check(if raw.sced.trim().is_empty() {
            Ok(None)
        } else {
            ScedCode::parse(raw.sced)
                .map(Some)
                .map_err(|_| FieldError::new("sced", "invalid_sced"))
        });
        let rigor = f.check(if raw.rigor.trim().is_empty() {
            Ok(Rigor::Standard)
        } else {
            Rigor::parse(raw.rigor).map_err(|_| FieldError::new("rigor", "unknown_choice"))
        });
        let grade_min = f.check(grade_field("grade_min", raw.grade_min));
        let grade_max = f.check(grade_field("grade_max", raw.grade_max));
        if let (Some(lo), Some(hi)) = (grade_min, grade_max) {
            if hi < lo {
                f.push("grade_max", "before_min");
            }
        }
        let mut prerequisites = Vec::new();
        for p in split_list(raw.prerequisites) {
            match CourseCode::parse(p) {
                Ok(p) if code.as_ref() == Some(&p) => {
                    f.push("prerequisites", "self_prerequisite");
                    break;
                }
                Ok(p) => prerequisites.push(p),
                Err(_) => {
                    f.push("prerequisites", "invalid_course_code");
                    break;
                }
            }
        }
        prerequisites.sort();
        prerequisites.dedup();
        let mut pathways = Vec::new();
        for p in split_list(raw.pathways) {
            match Uuid::parse_str(p) {
                Ok(id) => pathways.push(id),
                Err(_) => {
                    f.push("pathways", "invalid_pathway");
                    break;
                }
            }
        }
        pathways.sort();
        pathways.dedup();
        let core = f.check(boolean("core", raw.core));
        let repeatable = f.check(boolean("repeatable", raw.repeatable));
        f.finish("invalid_course", || CatalogCourse {
            code: code.expect("checked"),
            title: title.expect("checked"),
            credits: credits.expect("checked"),
            term_length: term_length.expect("checked"),
            subject_area: subject_area.expect("checked"),
            tags,
            sced: sced.expect("checked"),
            rigor: rigor.expect("checked"),
            grades: (grade_min.expect("checked"), grade_max.expect("checked")),
            prerequisites,
            pathways,
            core: core.expect("checked"),
            repeatable: repeatable.expect("checked"),
        })
    }
}

/// The district's catalog, by course code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog(BTreeMap<CourseCode, CatalogCourse>);

impl Catalog {
    pub fn new(courses: impl IntoIterator<Item = CatalogCourse>) -> Self {
        Catalog(courses.into_iter().map(|c| (c.code.clone(), c)).collect())
    }

    pub fn get(&self, code: &CourseCode) -> Option<&CatalogCourse> {
        self.0.get(code)
    }

    pub fn courses(&self) -> impl Iterator<Item = &CatalogCourse> {
        self.0.values()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A catalog course for tests: one year-long credit, grades 9–12.
    pub(crate) fn course(code: &str, area: SubjectArea) -> CatalogCourse {
        CatalogCourse {
            code: CourseCode::parse(code).unwrap(),
            title: code.to_owned(),
            credits: Credits::whole(1),
            term_length: TermLength::Year,
            subject_area: area,
            tags: vec![],
            sced: None,
            rigor: Rigor::Standard,
            grades: (9, 12),
            prerequisites: vec![],
            pathways: vec![],
            core: false,
            repeatable: false,
        }
    }

    fn raw() -> CatalogCourseRaw<'static> {
        CatalogCourseRaw {
            code: "ENG9",
            title: "English 9",
            credits: "1",
            term_length: "year",
            subject_area: "humanities",
            tags: "english, Humanities_core",
            sced: "01001g",
            rigor: "",
            grade_min: "9",
            grade_max: "9",
            prerequisites: "",
            pathways: "",
            core: "yes",
            repeatable: "",
        }
    }

    #[test]
    fn academics_keys_parse_back() {
        for a in SubjectArea::ALL {
            assert_eq!(SubjectArea::parse(a.key()), Ok(*a));
        }
        for r in Rigor::ALL {
            assert_eq!(Rigor::parse(r.key()), Ok(*r));
        }
        for t in TermLength::ALL {
            assert_eq!(TermLength::parse(t.key()), Ok(*t));
        }
        assert_eq!(SubjectArea::parse("math").unwrap_err().code, "unknown_subject_area");
        assert_eq!(Rigor::parse("gifted").unwrap_err().code, "unknown_rigor");
        assert_eq!(TermLength::parse("trimester").unwrap_err().code, "unknown_term_length");
        assert_eq!(SubjectArea::parse(" PE_Wellness "), Ok(SubjectArea::PeWellness));
    }

    #[test]
    fn academics_rigor_bonus_rule() {
        let bonus: Vec<_> = Rigor::ALL.iter().map(|r| (r.key(), r.weighted_bonus())).collect();
        assert_eq!(
            bonus,
            [
                ("standard", 0),
                ("honors", 50),
                ("ap", 100),
                ("ib", 100),
                ("dual_credit", 100),
                ("cte", 0),
                ("early_college", 100)
            ]
        );
    }

    #[test]
    fn academics_codes_table() {
        for (raw, ok) in [
            ("ENG9", true),
            ("MTH-200.1", true),
            ("a_b", true),
            ("", false),
            ("ENG 9", false),
            ("é", false),
        ] {
            assert_eq!(CourseCode::parse(raw).is_ok(), ok, "{raw:?}");
        }
        assert_eq!(CourseCode::parse(&"X".repeat(21)).unwrap_err().code, "too_long");
        for (raw, ok) in [
            ("01001", true),
            ("03051h", true),
            ("23001X", true),
            ("0100", false),
            ("00001", false),
            ("01001Q", false),
            ("01001HH", false),
            ("0100A", false),
        ] {
            assert_eq!(ScedCode::parse(raw).is_ok(), ok, "{raw:?}");
        }
        assert_eq!(ScedCode::parse("03051h").unwrap().as_str(), "03051H");
        assert_eq!(ScedCode::parse("03051").unwrap().subject_area(), "03");
        assert_eq!(
            CourseTag::parse("Personal_Finance").unwrap().as_str(),
            "personal_finance"
        );
        for bad in ["", "1st", "a-b", "a b"] {
            assert!(CourseTag::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn academics_catalog_course_parses_a_good_row() {
        let c = CatalogCourse::parse(&raw()).unwrap();
        assert_eq!(c.code.as_str(), "ENG9");
        assert_eq!(c.credits, Credits::whole(1));
        assert_eq!(c.rigor, Rigor::Standard);
        assert_eq!(
            c.tags.iter().map(CourseTag::as_str).collect::<Vec<_>>(),
            ["english", "humanities_core"]
        );
        assert_eq!(c.sced.as_ref().map(ScedCode::as_str), Some("01001G"));
        assert!(c.core && !c.repeatable && c.open_to_grade(9) && !c.open_to_grade(10));
        let id = Uuid::from_u128(7);
        let with_lists = CatalogCourseRaw {
            prerequisites: "ALG1; GEO ALG1",
            pathways: &format!("{id}"),
            ..raw()
        };
        let c = CatalogCourse::parse(&with_lists).unwrap();
        assert_eq!(
            c.prerequisites.iter().map(CourseCode::as_str).collect::<Vec<_>>(),
            ["ALG1", "GEO"]
        );
        assert_eq!(c.pathways, [id]);
    }

    #[test]
    fn academics_catalog_course_field_codes() {
        let cases: Vec<(CatalogCourseRaw, Vec<(&str, &str)>)> = vec![
            (CatalogCourseRaw { code: "", ..raw() }, vec![("code", "required")]),
            (CatalogCourseRaw { title: " ", ..raw() }, vec![("title", "required")]),
            (CatalogCourseRaw { credits: "", ..raw() }, vec![("credits", "required")]),
            (
                CatalogCourseRaw { credits: "-1", ..raw() },
                vec![("credits", "negative_credits")],
            ),
            (
                CatalogCourseRaw {
                    credits: "2.5",
                    ..raw()
                },
                vec![("credits", "too_many")],
            ),
            (
                CatalogCourseRaw {
                    credits: "0.3",
                    ..raw()
                },
                vec![("credits", "not_quarter_step")],
            ),
            (
                CatalogCourseRaw {
                    credits: "1",
                    term_length: "quarter",
                    ..raw()
                },
                vec![("credits", "too_many_for_term")],
            ),
            (
                CatalogCourseRaw {
                    term_length: "",
                    ..raw()
                },
                vec![("term_length", "required")],
            ),
            (
                CatalogCourseRaw {
                    subject_area: "math",
                    ..raw()
                },
                vec![("subject_area", "unknown_choice")],
            ),
            (
                CatalogCourseRaw {
                    tags: "ok, no-dash",
                    ..raw()
                },
                vec![("tags", "invalid_tag")],
            ),
            (
                CatalogCourseRaw { sced: "123", ..raw() },
                vec![("sced", "invalid_sced")],
            ),
            (
                CatalogCourseRaw {
                    rigor: "gifted",
                    ..raw()
                },
                vec![("rigor", "unknown_choice")],
            ),
            (
                CatalogCourseRaw {
                    grade_min: "5",
                    ..raw()
                },
                vec![("grade_min", "invalid_grade")],
            ),
            (
                CatalogCourseRaw {
                    grade_min: "11",
                    grade_max: "10",
                    ..raw()
                },
                vec![("grade_max", "before_min")],
            ),
            (
                CatalogCourseRaw {
                    prerequisites: "ENG9",
                    ..raw()
                },
                vec![("prerequisites", "self_prerequisite")],
            ),
            (
                CatalogCourseRaw {
                    prerequisites: "A/B",
                    ..raw()
                },
                vec![("prerequisites", "invalid_course_code")],
            ),
            (
                CatalogCourseRaw {
                    pathways: "nope",
                    ..raw()
                },
                vec![("pathways", "invalid_pathway")],
            ),
            (
                CatalogCourseRaw { core: "maybe", ..raw() },
                vec![("core", "invalid_boolean")],
            ),
            (
                CatalogCourseRaw {
                    code: "",
                    title: "",
                    ..raw()
                },
                vec![("code", "required"), ("title", "required")],
            ),
        ];
        for (input, want) in cases {
            let err = CatalogCourse::parse(&input).unwrap_err();
            assert_eq!(err.error, "invalid_course");
            let got: Vec<_> = err.fields.iter().map(|f| (f.field, f.code)).collect();
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn academics_term_length_bounds() {
        assert_eq!(TermLength::Year.max_credits(), Credits::whole(2));
        assert_eq!(TermLength::Semester.max_credits(), Credits::whole(1));
        assert_eq!(TermLength::Quarter.max_credits(), Credits(50));
    }

    #[test]
    fn academics_catalog_finds_by_code() {
        let cat = Catalog::new([
            course("ENG9", SubjectArea::Humanities),
            course("BIO", SubjectArea::Stem),
        ]);
        assert_eq!(cat.len(), 2);
        assert_eq!(
            cat.get(&CourseCode::parse("BIO").unwrap()).map(|c| c.subject_area),
            Some(SubjectArea::Stem)
        );
        assert!(cat.get(&CourseCode::parse("bio").unwrap()).is_none(), "codes are exact");
    }
}
