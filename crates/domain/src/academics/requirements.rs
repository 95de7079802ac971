//! Graduation requirement sets: a total and categories with minimum
//! credits, per graduating class. Connecticut's rules are the shipped
//! default ([`connecticut_default`]); a district may edit them or add its
//! own ([`RequirementSet::check`] keeps an edited set coherent).
//!
//! A category is either **primary** — its courses are counted once, toward
//! it and nothing else — or a **sub-requirement** counted *inside* other
//! categories (`counted_inside`): Connecticut's class-of-2027 personal
//! finance half credit is met by a course that already counts toward
//! humanities or electives. That is the only double counting a rule allows.

use super::course::{boolean, split_list, CatalogCourse, CourseTag, SubjectArea, TITLE_MAX_CHARS};
use super::credits::Credits;
use crate::input::{self, FieldError, Fields, Rejected};

/// Which courses count toward a category: a course whose area is one of
/// `areas` or that carries one of `tags`. Both empty: any course (local
/// electives).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CourseMatch {
    pub areas: Vec<SubjectArea>,
    pub tags: Vec<CourseTag>,
}

impl CourseMatch {
    pub fn areas(areas: &[SubjectArea]) -> Self {
        CourseMatch {
            areas: areas.to_vec(),
            tags: vec![],
        }
    }

    pub fn tags(tags: &[&'static str]) -> Self {
        CourseMatch {
            areas: vec![],
            tags: tags.iter().map(|t| CourseTag::known(t)).collect(),
        }
    }

    /// Any course at all.
    pub fn any() -> Self {
        CourseMatch::default()
    }

    pub fn is_any(&self) -> bool {
        self.areas.is_empty() && self.tags.is_empty()
    }

    /// Whether a course of `area` carrying `tags` counts.
    pub fn matches(&self, area: SubjectArea, tags: &[CourseTag]) -> bool {
        self.is_any() || self.areas.contains(&area) || self.tags.iter().any(|t| tags.contains(t))
    }

    /// Whether a catalog course counts.
    pub fn matches_course(&self, c: &CatalogCourse) -> bool {
        self.matches(c.subject_area, &c.tags)
    }

    /// Lower is more specific: tags alone, then areas, then any course;
    /// within each, fewer choices first. The audit fills the most specific
    /// categories first so a course goes where few others could.
    pub fn specificity(&self) -> (u8, usize) {
        let kind = match (self.areas.is_empty(), self.tags.is_empty()) {
            (true, false) => 0,
            (false, true) => 1,
            (false, false) => 2,
            (true, true) => 3,
        };
        (kind, self.areas.len() + self.tags.len())
    }
}

/// One category of a requirement set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequirementCategory {
    /// Stable snake_case key; the shipped ones are also the Fluent id's tail
    /// (`academics-req-humanities`).
    pub key: String,
    /// The district's name for it (the shipped sets carry the English name).
    pub name: String,
    pub min_credits: Credits,
    pub matches: CourseMatch,
    /// Empty for a primary category; else the keys of the primary
    /// categories this sub-requirement is counted inside.
    pub counted_inside: Vec<String>,
    /// A passed capstone (the student's record says so) meets it whatever
    /// the credits: the mastery-based diploma assessment.
    pub met_by_capstone: bool,
}

impl RequirementCategory {
    pub fn is_sub_requirement(&self) -> bool {
        !self.counted_inside.is_empty()
    }
}

/// A category as a district admin types it. Lists (`areas`, `tags`,
/// `counted_inside`) are separated by commas, semicolons or spaces.
#[derive(Debug, Clone, Copy, Default)]
pub struct RequirementCategoryRaw<'a> {
    pub key: &'a str,
    pub name: &'a str,
    pub min_credits: &'a str,
    pub areas: &'a str,
    pub tags: &'a str,
    pub counted_inside: &'a str,
    pub met_by_capstone: &'a str,
}

impl RequirementCategory {
    /// The input's code is `invalid_requirement`. Field codes: `key`
    /// (`required`, `invalid_key`: snake_case, 1–40), `name` (`required`,
    /// `too_long`: 1–200), `min_credits` (`required`, `invalid_credits`,
    /// `negative_credits`, `too_precise`, `too_many`: over 40), `areas`
    /// (`unknown_choice`), `tags` (`invalid_tag`), `counted_inside`
    /// (`invalid_key`, `self_parent`), `met_by_capstone` (`invalid_boolean`).
    /// Whether the parents exist is the set's [`RequirementSet::check`].
    pub fn parse(raw: &RequirementCategoryRaw<'_>) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let is_key = |k: &str| {
            (1..=40).contains(&k.len())
                && k.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        };
        let key = f.check(match raw.key.trim() {
            "" => Err(FieldError::new("key", "required")),
            k if is_key(k) => Ok(k.to_owned()),
            _ => Err(FieldError::new("key", "invalid_key")),
        });
        let name = f.check(input::text("name", raw.name, 1..=TITLE_MAX_CHARS));
        let min = f.check(match raw.min_credits.trim() {
            "" => Err(FieldError::new("min_credits", "required")),
            m => Credits::parse(m)
                .map_err(|e| FieldError::new("min_credits", e.code))
                .and_then(|c| {
                    if c > Credits::whole(40) {
                        Err(FieldError::new("min_credits", "too_many"))
                    } else {
                        Ok(c)
                    }
                }),
        });
        let mut areas = Vec::new();
        for a in split_list(raw.areas) {
            match SubjectArea::parse(a) {
                Ok(a) if !areas.contains(&a) => areas.push(a),
                Ok(_) => {}
                Err(_) => {
                    f.push("areas", "unknown_choice");
                    break;
                }
            }
        }
        let mut tags = Vec::new();
        for t in split_list(raw.tags) {
            match CourseTag::parse(t) {
                Ok(t) if !tags.contains(&t) => tags.push(t),
                Ok(_) => {}
                Err(_) => {
                    f.push("tags", "invalid_tag");
                    break;
                }
            }
        }
        let mut parents: Vec<String> = Vec::new();
        for p in split_list(raw.counted_inside) {
            if !is_key(p) {
                f.push("counted_inside", "invalid_key");
                break;
            }
            if key.as_deref() == Some(p) {
                f.push("counted_inside", "self_parent");
                break;
            }
            if !parents.iter().any(|q| q == p) {
                parents.push(p.to_owned());
            }
        }
        let capstone = f.check(boolean("met_by_capstone", raw.met_by_capstone));
        f.finish("invalid_requirement", || RequirementCategory {
            key: key.expect("checked"),
            name: name.expect("checked"),
            min_credits: min.expect("checked"),
            matches: CourseMatch { areas, tags },
            counted_inside: parents,
            met_by_capstone: capstone.expect("checked"),
        })
    }
}

/// The graduating classes a set applies to, both ends included; `None` is
/// open-ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClassRange {
    pub first: Option<i32>,
    pub last: Option<i32>,
}

impl ClassRange {
    pub fn contains(self, class_of: i32) -> bool {
        self.first.is_none_or(|f| class_of >= f) && self.last.is_none_or(|l| class_of <= l)
    }
}

/// A set of graduation requirements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequirementSet {
    pub name: String,
    pub classes: ClassRange,
    pub total_credits: Credits,
    /// In the order the audit shows them.
    pub categories: Vec<RequirementCategory>,
}

impl RequirementSet {
    pub fn applies_to(&self, class_of: i32) -> bool {
        self.classes.contains(class_of)
    }

    pub fn category(&self, key: &str) -> Option<&RequirementCategory> {
        self.categories.iter().find(|c| c.key == key)
    }

    /// Whether an edited set is coherent. The input's code is
    /// `invalid_requirement_set`; field codes: `name` `required`;
    /// `classes` `last_before_first`; `total_credits` `required` (zero);
    /// `categories`: `invalid_key` (not snake_case), `duplicate_key`,
    /// `unknown_parent` (counted inside a category that is not a primary one
    /// of this set), `categories_exceed_total` (primary minimums add up to
    /// more than the total).
    pub fn check(&self) -> Result<(), Rejected> {
        let mut fields = Vec::new();
        if self.name.trim().is_empty() {
            fields.push(FieldError::new("name", "required"));
        }
        if let (Some(f), Some(l)) = (self.classes.first, self.classes.last) {
            if l < f {
                fields.push(FieldError::new("classes", "last_before_first"));
            }
        }
        if self.total_credits.is_zero() {
            fields.push(FieldError::new("total_credits", "required"));
        }
        let mut problem = None;
        for (i, c) in self.categories.iter().enumerate() {
            let key_ok = !c.key.is_empty()
                && c.key.len() <= 40
                && c.key
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !key_ok {
                problem = problem.or(Some("invalid_key"));
            } else if self.categories[..i].iter().any(|o| o.key == c.key) {
                problem = problem.or(Some("duplicate_key"));
            }
            for parent in &c.counted_inside {
                if !self
                    .categories
                    .iter()
                    .any(|p| &p.key == parent && !p.is_sub_requirement())
                {
                    problem = problem.or(Some("unknown_parent"));
                }
            }
        }
        let primary: Credits = self
            .categories
            .iter()
            .filter(|c| !c.is_sub_requirement())
            .map(|c| c.min_credits)
            .sum();
        if primary > self.total_credits {
            problem = problem.or(Some("categories_exceed_total"));
        }
        if let Some(code) = problem {
            fields.push(FieldError::new("categories", code));
        }
        Rejected::or("invalid_requirement_set", fields, || ())
    }
}

/// A set's own fields as a district admin types them (the categories are
/// parsed one by one with [`RequirementCategory::parse`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct RequirementSetRaw<'a> {
    pub name: &'a str,
    /// The first and last graduating class it applies to; blank is open.
    pub first_class: &'a str,
    pub last_class: &'a str,
    pub total_credits: &'a str,
}

/// A graduating class as typed: a year from 2000 to 2100.
fn class_year(field: &'static str, raw: &str) -> Result<Option<i32>, FieldError> {
    match raw.trim() {
        "" => Ok(None),
        y => match y.parse::<i32>() {
            Ok(y) if (2000..=2100).contains(&y) => Ok(Some(y)),
            _ => Err(FieldError::new(field, "invalid_class_year")),
        },
    }
}

impl RequirementSet {
    /// A set from its typed fields and its already parsed categories, then
    /// [`RequirementSet::check`]ed. Field codes besides `check`'s: `name`
    /// `too_long` (over 200); `first_class`/`last_class`
    /// `invalid_class_year` (a year 2000–2100, or blank); `total_credits`
    /// `required`, `invalid_credits`, `negative_credits`, `too_precise`,
    /// `too_many` (over 60); `categories` `required` (none).
    pub fn parse(raw: &RequirementSetRaw<'_>, categories: Vec<RequirementCategory>) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let name = f.check(input::text("name", raw.name, 1..=TITLE_MAX_CHARS));
        let first = f.check(class_year("first_class", raw.first_class));
        let last = f.check(class_year("last_class", raw.last_class));
        let total = f.check(match raw.total_credits.trim() {
            "" => Err(FieldError::new("total_credits", "required")),
            t => Credits::parse(t)
                .map_err(|e| FieldError::new("total_credits", e.code))
                .and_then(|c| match c {
                    c if c.is_zero() => Err(FieldError::new("total_credits", "required")),
                    c if c > Credits::whole(60) => Err(FieldError::new("total_credits", "too_many")),
                    c => Ok(c),
                }),
        });
        if categories.is_empty() {
            f.push("categories", "required");
        }
        let set = f.finish("invalid_requirement_set", || RequirementSet {
            name: name.expect("checked"),
            classes: ClassRange {
                first: first.expect("checked"),
                last: last.expect("checked"),
            },
            total_credits: total.expect("checked"),
            categories,
        })?;
        set.check()?;
        Ok(set)
    }

    /// The set's own fields as the admin page shows them (the inverse of
    /// [`RequirementSet::parse`]).
    pub fn raw_fields(&self) -> [(&'static str, String); 4] {
        let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
        [
            ("name", self.name.clone()),
            ("first_class", year(self.classes.first)),
            ("last_class", year(self.classes.last)),
            ("total_credits", self.total_credits.to_string()),
        ]
    }
}

impl RequirementCategory {
    /// The category as the admin page shows it (the inverse of
    /// [`RequirementCategory::parse`]): key, name, min_credits, areas, tags,
    /// counted_inside, met_by_capstone.
    pub fn raw_fields(&self) -> [(&'static str, String); 7] {
        [
            ("key", self.key.clone()),
            ("name", self.name.clone()),
            ("min_credits", self.min_credits.to_string()),
            (
                "areas",
                self.matches
                    .areas
                    .iter()
                    .map(|a| a.key())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            (
                "tags",
                self.matches
                    .tags
                    .iter()
                    .map(|t| t.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            ("counted_inside", self.counted_inside.join(", ")),
            (
                "met_by_capstone",
                if self.met_by_capstone { "true" } else { "false" }.into(),
            ),
        ]
    }
}

fn category(key: &str, name: &str, min_hundredths: u32, matches: CourseMatch) -> RequirementCategory {
    RequirementCategory {
        key: key.to_owned(),
        name: name.to_owned(),
        min_credits: Credits(min_hundredths),
        matches,
        counted_inside: vec![],
        met_by_capstone: false,
    }
}

/// Connecticut's rule for a graduating class (CGS 10-221a):
/// - classes before 2023: 20 credits — 4 English, 3 social studies (0.5
///   civics inside it), 3 mathematics, 2 science, 1 physical education, 1
///   arts or vocational education, 6 electives; matched by course tags
///   (`english`, `social_studies`, `civics`, `mathematics`, `science`,
///   `fine_arts`, `vocational`) and the PE area;
/// - class of 2023 onward (PA 17-42): 25 credits — 9 humanities, 9 STEM,
///   1 PE and wellness, 1 health and safety, 1 world language, 1
///   mastery-based diploma assessment (met by a passed capstone), 3 local
///   electives;
/// - class of 2027 onward (PA 23-21): the same, plus 0.5 personal finance
///   (courses tagged `personal_finance`) counted inside humanities or
///   electives; the total stays 25.
pub fn connecticut_default(class_of: i32) -> RequirementSet {
    use SubjectArea::*;
    if class_of < 2023 {
        let mut civics = category("civics", "Civics", 50, CourseMatch::tags(&[CourseTag::CIVICS]));
        civics.counted_inside = vec!["social_studies".into()];
        return RequirementSet {
            name: "Connecticut, classes before 2023".into(),
            classes: ClassRange {
                first: None,
                last: Some(2022),
            },
            total_credits: Credits::whole(20),
            categories: vec![
                category("english", "English", 400, CourseMatch::tags(&[CourseTag::ENGLISH])),
                category(
                    "social_studies",
                    "Social studies",
                    300,
                    CourseMatch::tags(&[CourseTag::SOCIAL_STUDIES, CourseTag::CIVICS]),
                ),
                civics,
                category(
                    "mathematics",
                    "Mathematics",
                    300,
                    CourseMatch::tags(&[CourseTag::MATHEMATICS]),
                ),
                category("science", "Science", 200, CourseMatch::tags(&[CourseTag::SCIENCE])),
                category(
                    "physical_education",
                    "Physical education",
                    100,
                    CourseMatch::areas(&[PeWellness]),
                ),
                category(
                    "arts_vocational",
                    "Arts or vocational education",
                    100,
                    CourseMatch::tags(&[CourseTag::FINE_ARTS, CourseTag::VOCATIONAL]),
                ),
                category("elective", "Electives", 600, CourseMatch::any()),
            ],
        };
    }
    let mut mastery = category(
        "mastery_assessment",
        "Mastery-based diploma assessment",
        100,
        CourseMatch::areas(&[MasteryAssessment]),
    );
    mastery.met_by_capstone = true;
    let mut categories = vec![
        category("humanities", "Humanities", 900, CourseMatch::areas(&[Humanities])),
        category("stem", "STEM", 900, CourseMatch::areas(&[Stem])),
        category(
            "pe_wellness",
            "Physical education and wellness",
            100,
            CourseMatch::areas(&[PeWellness]),
        ),
        category(
            "health_safety",
            "Health and safety education",
            100,
            CourseMatch::areas(&[HealthSafety]),
        ),
        category(
            "world_language",
            "World language",
            100,
            CourseMatch::areas(&[WorldLanguage]),
        ),
        mastery,
        category("elective", "Local electives", 300, CourseMatch::any()),
    ];
    let (name, classes) = if class_of < 2027 {
        (
            "Connecticut, classes of 2023–2026",
            ClassRange {
                first: Some(2023),
                last: Some(2026),
            },
        )
    } else {
        let mut pf = category(
            "personal_finance",
            "Personal financial management and financial literacy",
            50,
            CourseMatch::tags(&[CourseTag::PERSONAL_FINANCE]),
        );
        pf.counted_inside = vec!["humanities".into(), "elective".into()];
        categories.push(pf);
        (
            "Connecticut, class of 2027 onward",
            ClassRange {
                first: Some(2027),
                last: None,
            },
        )
    };
    RequirementSet {
        name: name.into(),
        classes,
        total_credits: Credits::whole(25),
        categories,
    }
}

/// The set that applies to `class_of`: the first of the district's own sets
/// that does, else Connecticut's default.
pub fn set_for(district_sets: &[RequirementSet], class_of: i32) -> RequirementSet {
    district_sets
        .iter()
        .find(|s| s.applies_to(class_of))
        .cloned()
        .unwrap_or_else(|| connecticut_default(class_of))
}

#[cfg(test)]
mod tests {
    use super::*;

    impl RequirementCategory {
        fn renamed(mut self, name: &str) -> Self {
            self.name = name.into();
            self
        }
    }

    fn keys(s: &RequirementSet) -> Vec<(&str, String)> {
        s.categories
            .iter()
            .map(|c| (c.key.as_str(), c.min_credits.to_string()))
            .collect()
    }

    #[test]
    fn academics_connecticut_2023_rule() {
        let s = connecticut_default(2025);
        assert_eq!(s.total_credits, Credits::whole(25));
        assert_eq!(
            keys(&s),
            [
                ("humanities", "9".to_string()),
                ("stem", "9".into()),
                ("pe_wellness", "1".into()),
                ("health_safety", "1".into()),
                ("world_language", "1".into()),
                ("mastery_assessment", "1".into()),
                ("elective", "3".into()),
            ]
        );
        assert!(s.category("mastery_assessment").unwrap().met_by_capstone);
        assert!(s.applies_to(2023) && s.applies_to(2026) && !s.applies_to(2027) && !s.applies_to(2022));
        assert_eq!(s.check(), Ok(()));
        assert_eq!(connecticut_default(2023), s);
    }

    #[test]
    fn academics_connecticut_2027_adds_personal_finance_inside_the_25() {
        let s = connecticut_default(2027);
        assert_eq!(s.total_credits, Credits::whole(25));
        let pf = s.category("personal_finance").unwrap();
        assert_eq!(pf.min_credits, Credits(50));
        assert_eq!(pf.counted_inside, ["humanities", "elective"]);
        assert_eq!(s.check(), Ok(()), "a sub-requirement does not add to the 25");
        assert!(s.applies_to(2040) && !s.applies_to(2026));
        assert!(connecticut_default(2026).category("personal_finance").is_none());
    }

    #[test]
    fn academics_connecticut_before_2023_is_the_20_credit_rule() {
        let s = connecticut_default(2022);
        assert_eq!(s.total_credits, Credits::whole(20));
        assert_eq!(s.category("english").unwrap().min_credits, Credits::whole(4));
        assert_eq!(s.category("civics").unwrap().counted_inside, ["social_studies"]);
        assert_eq!(s.check(), Ok(()));
        assert!(s.applies_to(1999) && !s.applies_to(2023));
    }

    #[test]
    fn academics_requirement_set_check_codes() {
        let base = connecticut_default(2027);
        let field_codes = |s: &RequirementSet| {
            s.check()
                .map_err(|r| r.fields.iter().map(|f| (f.field, f.code)).collect::<Vec<_>>())
                .err()
                .unwrap_or_default()
        };
        let mut s = base.clone();
        s.name = " ".into();
        s.classes = ClassRange {
            first: Some(2030),
            last: Some(2029),
        };
        assert_eq!(
            field_codes(&s),
            [("name", "required"), ("classes", "last_before_first")]
        );
        let mut s = base.clone();
        s.categories[1].key = "humanities".into();
        assert_eq!(field_codes(&s), [("categories", "duplicate_key")]);
        let mut s = base.clone();
        s.categories[0].key = "Humanities!".into();
        assert_eq!(field_codes(&s)[0], ("categories", "invalid_key"));
        let mut s = base.clone();
        s.categories[7].counted_inside = vec!["arts".into()];
        assert_eq!(field_codes(&s), [("categories", "unknown_parent")]);
        let mut s = base.clone();
        s.categories[0].min_credits = Credits::whole(10);
        assert_eq!(field_codes(&s), [("categories", "categories_exceed_total")]);
        let mut s = base;
        s.total_credits = Credits::ZERO;
        assert_eq!(
            field_codes(&s),
            [("total_credits", "required"), ("categories", "categories_exceed_total")]
        );
    }

    #[test]
    fn academics_requirement_category_parse() {
        let raw = RequirementCategoryRaw {
            key: "personal_finance",
            name: "Personal finance",
            min_credits: "0.5",
            areas: "",
            tags: "personal_finance",
            counted_inside: "humanities; elective",
            met_by_capstone: "",
        };
        let c = RequirementCategory::parse(&raw).unwrap();
        assert_eq!(
            c,
            connecticut_default(2027)
                .category("personal_finance")
                .unwrap()
                .clone()
                .renamed("Personal finance")
        );
        let any = RequirementCategory::parse(&RequirementCategoryRaw {
            tags: "",
            counted_inside: "",
            ..raw
        })
        .unwrap();
        assert!(any.matches.is_any() && !any.is_sub_requirement());
        let codes = |r: RequirementCategoryRaw| {
            RequirementCategory::parse(&r)
                .unwrap_err()
                .fields
                .iter()
                .map(|f| (f.field, f.code))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            codes(RequirementCategoryRaw {
                key: "Personal Finance",
                ..raw
            }),
            [("key", "invalid_key")]
        );
        assert_eq!(
            codes(RequirementCategoryRaw { name: "", ..raw }),
            [("name", "required")]
        );
        assert_eq!(
            codes(RequirementCategoryRaw { min_credits: "", ..raw }),
            [("min_credits", "required")]
        );
        assert_eq!(
            codes(RequirementCategoryRaw {
                min_credits: "41",
                ..raw
            }),
            [("min_credits", "too_many")]
        );
        assert_eq!(
            codes(RequirementCategoryRaw {
                areas: "stem math",
                ..raw
            }),
            [("areas", "unknown_choice")]
        );
        assert_eq!(
            codes(RequirementCategoryRaw { tags: "a-b", ..raw }),
            [("tags", "invalid_tag")]
        );
        assert_eq!(
            codes(RequirementCategoryRaw {
                counted_inside: "personal_finance",
                ..raw
            }),
            [("counted_inside", "self_parent")]
        );
        assert_eq!(
            codes(RequirementCategoryRaw {
                met_by_capstone: "maybe",
                ..raw
            }),
            [("met_by_capstone", "invalid_boolean")]
        );
    }

    #[test]
    fn academics_course_match_and_specificity() {
        let tag = [CourseTag::known(CourseTag::PERSONAL_FINANCE)];
        assert!(CourseMatch::any().matches(SubjectArea::Stem, &[]));
        assert!(CourseMatch::areas(&[SubjectArea::Stem]).matches(SubjectArea::Stem, &[]));
        assert!(!CourseMatch::areas(&[SubjectArea::Stem]).matches(SubjectArea::Humanities, &tag));
        assert!(CourseMatch::tags(&[CourseTag::PERSONAL_FINANCE]).matches(SubjectArea::Elective, &tag));
        let mut order = [
            CourseMatch::any(),
            CourseMatch::areas(&[SubjectArea::Stem, SubjectArea::Humanities]),
            CourseMatch::areas(&[SubjectArea::Stem]),
            CourseMatch::tags(&[CourseTag::CIVICS]),
        ];
        order.sort_by_key(CourseMatch::specificity);
        assert_eq!(order[0], CourseMatch::tags(&[CourseTag::CIVICS]));
        assert_eq!(order[1], CourseMatch::areas(&[SubjectArea::Stem]));
        assert!(order[3].is_any());
    }

    #[test]
    fn academics_requirement_set_parse_round_trips_and_refuses() {
        let base = connecticut_default(2027);
        let fields = base.raw_fields();
        let get = |k: &str| fields.iter().find(|(f, _)| *f == k).unwrap().1.clone();
        let cats = |s: &RequirementSet| {
            s.categories
                .iter()
                .map(|c| {
                    let r = c.raw_fields();
                    let v = |i: usize| r[i].1.clone();
                    let (key, name, min, areas, tags, inside, cap) = (v(0), v(1), v(2), v(3), v(4), v(5), v(6));
                    RequirementCategory::parse(&RequirementCategoryRaw {
                        key: &key,
                        name: &name,
                        min_credits: &min,
                        areas: &areas,
                        tags: &tags,
                        counted_inside: &inside,
                        met_by_capstone: &cap,
                    })
                    .unwrap()
                })
                .collect::<Vec<_>>()
        };
        let (name, first, last, total) = (get("name"), get("first_class"), get("last_class"), get("total_credits"));
        let raw = RequirementSetRaw {
            name: &name,
            first_class: &first,
            last_class: &last,
            total_credits: &total,
        };
        assert_eq!(
            RequirementSet::parse(&raw, cats(&base)),
            Ok(base.clone()),
            "what the page shows parses back"
        );
        let codes = |raw: RequirementSetRaw, c: Vec<RequirementCategory>| {
            RequirementSet::parse(&raw, c)
                .unwrap_err()
                .fields
                .iter()
                .map(|f| (f.field, f.code))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            codes(
                RequirementSetRaw {
                    first_class: "1999",
                    last_class: "soon",
                    ..raw
                },
                cats(&base)
            ),
            [
                ("first_class", "invalid_class_year"),
                ("last_class", "invalid_class_year")
            ]
        );
        assert_eq!(
            codes(
                RequirementSetRaw {
                    total_credits: "-3",
                    ..raw
                },
                cats(&base)
            ),
            [("total_credits", "negative_credits")]
        );
        assert_eq!(
            codes(
                RequirementSetRaw {
                    total_credits: "0",
                    ..raw
                },
                cats(&base)
            ),
            [("total_credits", "required")]
        );
        assert_eq!(
            codes(
                RequirementSetRaw {
                    total_credits: "61",
                    ..raw
                },
                cats(&base)
            ),
            [("total_credits", "too_many")]
        );
        assert_eq!(codes(raw, vec![]), [("categories", "required")]);
        assert_eq!(
            codes(
                RequirementSetRaw {
                    total_credits: "20",
                    ..raw
                },
                cats(&base)
            ),
            [("categories", "categories_exceed_total")],
            "the coherence check runs after the fields parse"
        );
    }

    #[test]
    fn academics_district_set_wins_over_the_default() {
        let mut mine = connecticut_default(2030);
        mine.name = "Our 26-credit rule".into();
        mine.total_credits = Credits::whole(26);
        mine.classes = ClassRange {
            first: Some(2029),
            last: None,
        };
        assert_eq!(set_for(std::slice::from_ref(&mine), 2030).name, "Our 26-credit rule");
        assert_eq!(set_for(&[mine], 2028).name, "Connecticut, class of 2027 onward");
    }
}
