//! The multi-year course plan (grade 8 through 12): the courses a student
//! means to take each year, its checks (known course, open to the grade,
//! prerequisites, credits per year, no repeats) and the difference between
//! two versions ("what changed since the approved version").

use std::collections::BTreeMap;

use uuid::Uuid;

use super::course::{split_list, Catalog, CatalogCourse, CourseCode};
use super::credits::Credits;
use super::transcript::TranscriptEntry;
use crate::input::{FieldError, Fields, Rejected};
use crate::SchoolYear;

/// The grades a course plan covers.
pub const PLAN_GRADES: std::ops::RangeInclusive<u8> = 8..=12;

/// One year of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanYear {
    /// 8–12.
    pub grade: u8,
    /// In the order the student listed them.
    pub courses: Vec<CourseCode>,
}

impl PlanYear {
    /// Fields `grade` (`required`, `invalid_grade`: 8–12) and `courses`
    /// (codes separated by commas, semicolons or spaces:
    /// `invalid_course_code`; blank is an empty year). The input's code is
    /// `invalid_plan_year`.
    pub fn parse(grade: &str, courses: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let grade = f.check(match grade.trim() {
            "" => Err(FieldError::new("grade", "required")),
            g => g
                .parse::<u8>()
                .ok()
                .filter(|g| PLAN_GRADES.contains(g))
                .ok_or(FieldError::new("grade", "invalid_grade")),
        });
        let mut codes = Vec::new();
        for c in split_list(courses) {
            match CourseCode::parse(c) {
                Ok(c) => codes.push(c),
                Err(_) => {
                    f.push("courses", "invalid_course_code");
                    break;
                }
            }
        }
        f.finish("invalid_plan_year", || PlanYear {
            grade: grade.expect("checked"),
            courses: codes,
        })
    }
}

/// A student's course plan.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CoursePlan {
    /// The student's graduating class: grade 12 is the school year ending
    /// in June of it.
    pub class_of: i32,
    pub years: Vec<PlanYear>,
}

impl CoursePlan {
    /// The school year the student is in `grade`.
    pub fn school_year(&self, grade: u8) -> SchoolYear {
        school_year_of_grade(self.class_of, grade)
    }

    pub fn year(&self, grade: u8) -> Option<&PlanYear> {
        self.years.iter().find(|y| y.grade == grade)
    }

    /// Every planned course with its grade, years in grade order.
    pub fn courses(&self) -> impl Iterator<Item = (u8, &CourseCode)> {
        let mut years: Vec<&PlanYear> = self.years.iter().collect();
        years.sort_by_key(|y| y.grade);
        years
            .into_iter()
            .flat_map(|y| y.courses.iter().map(move |c| (y.grade, c)))
    }
}

/// The school year a student of `class_of` is in `grade`.
pub fn school_year_of_grade(class_of: i32, grade: u8) -> SchoolYear {
    SchoolYear(class_of - (12 - i32::from(grade)))
}

/// The district's limits on a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanRules {
    /// The most credits in one year (default 8: a full schedule).
    pub max_credits_per_year: Credits,
}

impl Default for PlanRules {
    fn default() -> Self {
        PlanRules {
            max_credits_per_year: Credits::whole(8),
        }
    }
}

/// One problem with a plan, at a year and (mostly) a course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanProblem {
    pub grade: u8,
    /// The course at fault (for `too_many_credits`, the one that goes over).
    pub course: Option<CourseCode>,
    /// `unknown_course`, `not_offered_to_grade`, `prerequisite_missing`,
    /// `too_many_credits`, `repeated_course` (planned twice),
    /// `already_passed` (earned on the transcript), `duplicate_year`,
    /// `invalid_grade`.
    pub code: &'static str,
    /// For `prerequisite_missing`, the prerequisite not met.
    pub prerequisite: Option<CourseCode>,
}

impl PlanProblem {
    fn new(grade: u8, course: Option<&CourseCode>, code: &'static str) -> Self {
        PlanProblem {
            grade,
            course: course.cloned(),
            code,
            prerequisite: None,
        }
    }

    /// The plan form's field: `grade` for a year's problem, else `courses`.
    pub fn field(&self) -> &'static str {
        match self.code {
            "duplicate_year" | "invalid_grade" => "grade",
            _ => "courses",
        }
    }
}

/// Checks a plan against the catalog, the transcript and the district's
/// rules; every problem, years in grade order, courses in plan order.
///
/// A prerequisite is met by a course in an earlier year of the plan, by a
/// course passed on the transcript, or by one on the transcript under way
/// in an earlier school year than the year that needs it. A course may be
/// planned once, and not at all once passed, unless the catalog marks it
/// repeatable.
pub fn check_plan(
    plan: &CoursePlan,
    catalog: &Catalog,
    transcript: &[TranscriptEntry],
    rules: &PlanRules,
) -> Vec<PlanProblem> {
    let mut problems = Vec::new();
    let mut years: Vec<&PlanYear> = plan.years.iter().collect();
    years.sort_by_key(|y| y.grade);
    let mut seen_grades = Vec::new();
    let mut planned_before: Vec<(u8, &CourseCode)> = Vec::new();
    for year in years {
        if !PLAN_GRADES.contains(&year.grade) {
            problems.push(PlanProblem::new(year.grade, None, "invalid_grade"));
            continue;
        }
        if seen_grades.contains(&year.grade) {
            problems.push(PlanProblem::new(year.grade, None, "duplicate_year"));
            continue;
        }
        seen_grades.push(year.grade);
        let school_year = plan.school_year(year.grade);
        let mut credits = Credits::ZERO;
        let mut over = false;
        for (i, code) in year.courses.iter().enumerate() {
            let Some(course) = catalog.get(code) else {
                problems.push(PlanProblem::new(year.grade, Some(code), "unknown_course"));
                continue;
            };
            if !course.open_to_grade(year.grade) {
                problems.push(PlanProblem::new(year.grade, Some(code), "not_offered_to_grade"));
            }
            for pre in &course.prerequisites {
                let in_plan = planned_before.iter().any(|(g, c)| *g < year.grade && *c == pre);
                let on_transcript = transcript.iter().any(|e| {
                    &e.course_code == pre
                        && (!e.credits_earned.is_zero() || (e.in_progress() && e.school_year < school_year))
                });
                if !in_plan && !on_transcript {
                    problems.push(PlanProblem {
                        prerequisite: Some(pre.clone()),
                        ..PlanProblem::new(year.grade, Some(code), "prerequisite_missing")
                    });
                }
            }
            if !course.repeatable {
                let twice = planned_before.iter().any(|(_, c)| *c == code) || year.courses[..i].contains(code);
                let passed = transcript
                    .iter()
                    .any(|e| &e.course_code == code && !e.credits_earned.is_zero());
                if twice {
                    problems.push(PlanProblem::new(year.grade, Some(code), "repeated_course"));
                } else if passed {
                    problems.push(PlanProblem::new(year.grade, Some(code), "already_passed"));
                }
            }
            credits += course.credits;
            if credits > rules.max_credits_per_year && !over {
                over = true;
                problems.push(PlanProblem::new(year.grade, Some(code), "too_many_credits"));
            }
        }
        planned_before.extend(year.courses.iter().map(|c| (year.grade, c)));
    }
    problems
}

/// The credits planned in each year (courses the catalog knows).
pub fn credits_by_year(plan: &CoursePlan, catalog: &Catalog) -> BTreeMap<u8, Credits> {
    let mut out = BTreeMap::new();
    for (grade, code) in plan.courses() {
        let c = catalog.get(code).map(|c| c.credits).unwrap_or_default();
        *out.entry(grade).or_insert(Credits::ZERO) += c;
    }
    out
}

/// What changed in one year between two versions of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearChange {
    pub grade: u8,
    /// In the new version's order.
    pub added: Vec<CourseCode>,
    /// In the old version's order.
    pub removed: Vec<CourseCode>,
}

/// What changed from `old` (say, the approved version) to `new`, year by
/// year in grade order, only the years that changed. A course moved from
/// one year to another shows as removed from the first and added to the
/// second; a course planned twice and now once shows one removal.
pub fn diff(old: &CoursePlan, new: &CoursePlan) -> Vec<YearChange> {
    let grades: std::collections::BTreeSet<u8> = old.years.iter().chain(&new.years).map(|y| y.grade).collect();
    let courses_of = |p: &CoursePlan, g: u8| -> Vec<CourseCode> {
        p.years
            .iter()
            .filter(|y| y.grade == g)
            .flat_map(|y| y.courses.iter().cloned())
            .collect()
    };
    // Multiset difference: each occurrence in `a` not matched by one in `b`.
    let minus = |a: &[CourseCode], b: &[CourseCode]| -> Vec<CourseCode> {
        let mut left: Vec<Option<&CourseCode>> = b.iter().map(Some).collect();
        a.iter()
            .filter(|c| match left.iter_mut().find(|l| l.is_some_and(|l| l == *c)) {
                Some(slot) => {
                    *slot = None;
                    false
                }
                None => true,
            })
            .cloned()
            .collect()
    };
    grades
        .into_iter()
        .filter_map(|g| {
            let (o, n) = (courses_of(old, g), courses_of(new, g));
            let change = YearChange {
                grade: g,
                added: minus(&n, &o),
                removed: minus(&o, &n),
            };
            (!change.added.is_empty() || !change.removed.is_empty()).then_some(change)
        })
        .collect()
}

/// Courses to suggest for `grade` from the student's saved careers'
/// `pathways`: catalog courses linked to one of them, open to the grade,
/// not already in the plan or passed, whose prerequisites the plan or the
/// transcript meets before that year; in catalog (code) order.
pub fn suggest<'c>(
    catalog: &'c Catalog,
    pathways: &[Uuid],
    plan: &CoursePlan,
    transcript: &[TranscriptEntry],
    grade: u8,
) -> Vec<&'c CatalogCourse> {
    let planned = |code: &CourseCode| plan.courses().any(|(_, c)| c == code);
    let passed = |code: &CourseCode| {
        transcript
            .iter()
            .any(|e| &e.course_code == code && !e.credits_earned.is_zero())
    };
    let before = |code: &CourseCode| {
        plan.courses().any(|(g, c)| g < grade && c == code)
            || transcript.iter().any(|e| {
                &e.course_code == code
                    && (!e.credits_earned.is_zero() || (e.in_progress() && e.school_year < plan.school_year(grade)))
            })
    };
    catalog
        .courses()
        .filter(|c| c.pathways.iter().any(|p| pathways.contains(p)))
        .filter(|c| c.open_to_grade(grade))
        .filter(|c| c.repeatable || (!planned(&c.code) && !passed(&c.code)))
        .filter(|c| c.prerequisites.iter().all(before))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::academics::course::tests::course;
    use crate::academics::course::SubjectArea;
    use crate::academics::transcript::tests::entry;

    fn code(s: &str) -> CourseCode {
        CourseCode::parse(s).unwrap()
    }

    fn year(grade: u8, codes: &str) -> PlanYear {
        PlanYear::parse(&grade.to_string(), codes).unwrap()
    }

    fn catalog() -> Catalog {
        let mut alg2 = course("ALG2", SubjectArea::Stem);
        alg2.prerequisites = vec![code("ALG1")];
        let mut calc = course("CALC", SubjectArea::Stem);
        calc.prerequisites = vec![code("ALG2")];
        calc.grades = (11, 12);
        let mut band = course("BAND", SubjectArea::Elective);
        band.repeatable = true;
        let mut alg1 = course("ALG1", SubjectArea::Stem);
        alg1.grades = (8, 12);
        Catalog::new([alg1, alg2, calc, band, course("ENG9", SubjectArea::Humanities)])
    }

    fn problems(plan: &CoursePlan, transcript: &[TranscriptEntry]) -> Vec<(u8, String, &'static str)> {
        check_plan(plan, &catalog(), transcript, &PlanRules::default())
            .into_iter()
            .map(|p| (p.grade, p.course.map(|c| c.to_string()).unwrap_or_default(), p.code))
            .collect()
    }

    #[test]
    fn academics_plan_year_parse() {
        assert_eq!(year(9, "ENG9, ALG1;BAND").courses.len(), 3);
        assert_eq!(PlanYear::parse("9", "").unwrap().courses, []);
        let codes = |g: &str, c: &str| {
            PlanYear::parse(g, c)
                .unwrap_err()
                .fields
                .iter()
                .map(|f| (f.field, f.code))
                .collect::<Vec<_>>()
        };
        assert_eq!(codes("7", "ENG9"), [("grade", "invalid_grade")]);
        assert_eq!(
            codes("", "A/B"),
            [("grade", "required"), ("courses", "invalid_course_code")]
        );
    }

    #[test]
    fn academics_plan_checks_table() {
        let plan = |years: Vec<PlanYear>| CoursePlan { class_of: 2030, years };
        // A good plan: prerequisites in order, band every year.
        let good = plan(vec![
            year(8, "ALG1"),
            year(9, "ALG2 BAND ENG9"),
            year(10, "BAND"),
            year(11, "CALC BAND"),
        ]);
        assert_eq!(problems(&good, &[]), []);
        // Prerequisite in the same year does not count; an unknown course is named.
        assert_eq!(
            problems(&plan(vec![year(9, "ALG1 ALG2 XYZ")]), &[]),
            [
                (9, "ALG2".into(), "prerequisite_missing"),
                (9, "XYZ".into(), "unknown_course")
            ]
        );
        // Prerequisite met by the transcript: passed, or under way in an earlier year.
        assert_eq!(
            problems(&plan(vec![year(10, "ALG2")]), &[entry("ALG1", 2027, Some("C"))]),
            []
        );
        assert_eq!(
            problems(&plan(vec![year(10, "ALG2")]), &[entry("ALG1", 2027, None)]),
            []
        );
        assert_eq!(
            problems(&plan(vec![year(10, "ALG2")]), &[entry("ALG1", 2027, Some("F"))]),
            [(10, "ALG2".into(), "prerequisite_missing")],
            "a failed prerequisite is not met"
        );
        // Grade range, repeats, and a course already passed.
        assert_eq!(
            problems(&plan(vec![year(9, "ALG1 CALC"), year(10, "ALG1")]), &[]),
            [
                (9, "CALC".into(), "not_offered_to_grade"),
                (9, "CALC".into(), "prerequisite_missing"),
                (10, "ALG1".into(), "repeated_course")
            ]
        );
        assert_eq!(
            problems(&plan(vec![year(10, "ENG9")]), &[entry("ENG9", 2027, Some("B"))]),
            [(10, "ENG9".into(), "already_passed")]
        );
        // Nine one-credit courses go over the default 8: the ninth is named.
        let nine = plan(vec![year(9, "ENG9 BAND BAND BAND BAND BAND BAND BAND BAND")]);
        assert_eq!(problems(&nine, &[]), [(9, "BAND".into(), "too_many_credits")]);
        // The same grade twice.
        let p = check_plan(
            &plan(vec![year(9, ""), year(9, "")]),
            &catalog(),
            &[],
            &PlanRules::default(),
        );
        assert_eq!(
            p.iter().map(|p| (p.code, p.field())).collect::<Vec<_>>(),
            [("duplicate_year", "grade")]
        );
    }

    #[test]
    fn academics_missing_prerequisite_names_it() {
        let p = check_plan(
            &CoursePlan {
                class_of: 2030,
                years: vec![year(11, "CALC")],
            },
            &catalog(),
            &[],
            &PlanRules::default(),
        );
        assert_eq!(p[0].prerequisite, Some(code("ALG2")));
        assert_eq!(p[0].field(), "courses");
    }

    #[test]
    fn academics_plan_diff_per_year() {
        let approved = CoursePlan {
            class_of: 2030,
            years: vec![year(9, "ENG9 ALG1 BAND"), year(10, "ALG2 BAND")],
        };
        let now = CoursePlan {
            class_of: 2030,
            years: vec![year(9, "ENG9 BAND"), year(10, "ALG1 BAND BAND"), year(11, "CALC")],
        };
        let d = diff(&approved, &now);
        let show = |v: &[CourseCode]| v.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(d.len(), 3);
        assert_eq!(
            (d[0].grade, show(&d[0].added), show(&d[0].removed)),
            (9, vec![], vec!["ALG1".to_string()])
        );
        assert_eq!(
            (d[1].grade, show(&d[1].added), show(&d[1].removed)),
            (10, vec!["ALG1".to_string(), "BAND".into()], vec!["ALG2".to_string()])
        );
        assert_eq!((d[2].grade, show(&d[2].added)), (11, vec!["CALC".to_string()]));
        assert_eq!(diff(&now, &now), []);
    }

    #[test]
    fn academics_plan_school_years_and_credits() {
        let p = CoursePlan {
            class_of: 2030,
            years: vec![year(10, "ALG2 BAND"), year(9, "ENG9")],
        };
        assert_eq!(p.school_year(12), SchoolYear(2030));
        assert_eq!(p.school_year(9), SchoolYear(2027));
        assert_eq!(p.courses().map(|(g, _)| g).collect::<Vec<_>>(), [9, 10, 10]);
        let c = credits_by_year(&p, &catalog());
        assert_eq!((c[&9], c[&10]), (Credits::whole(1), Credits::whole(2)));
    }

    #[test]
    fn academics_suggestions_follow_pathways_and_prerequisites() {
        let health = Uuid::from_u128(1);
        let mut bio = course("BIO", SubjectArea::Stem);
        bio.pathways = vec![health];
        let mut anat = course("ANAT", SubjectArea::Stem);
        anat.pathways = vec![health];
        anat.prerequisites = vec![code("BIO")];
        let mut art = course("ART", SubjectArea::Humanities);
        art.pathways = vec![Uuid::from_u128(2)];
        let cat = Catalog::new([bio, anat, art]);
        let empty = CoursePlan {
            class_of: 2030,
            years: vec![],
        };
        let names = |v: Vec<&CatalogCourse>| v.iter().map(|c| c.code.to_string()).collect::<Vec<_>>();
        assert_eq!(names(suggest(&cat, &[health], &empty, &[], 9)), ["BIO"]);
        let with_bio = CoursePlan {
            class_of: 2030,
            years: vec![year(9, "BIO")],
        };
        assert_eq!(names(suggest(&cat, &[health], &with_bio, &[], 10)), ["ANAT"]);
        assert_eq!(names(suggest(&cat, &[], &empty, &[], 9)), Vec::<String>::new());
    }
}
