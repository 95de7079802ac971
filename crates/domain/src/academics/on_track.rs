//! On track: the grade-9 on-track indicator (Allensworth & Easton, 2005)
//! and "on track to graduate" (credits earned against the expected pace,
//! and whether transcript and plan cover every requirement). Each returns
//! the verdict, the reasons and the numbers behind it, for the plan page,
//! the caseload and the early-warning rules.
//!
//! **Core course** is the catalog's `core` flag (the district marks its
//! English, mathematics, science and social-studies courses); a course not
//! in the catalog is not core. **Full-year credits** are credits: a
//! full-year course is worth one, two semester courses make one.
//! **Semester Fs**: a failing mark (F, NP) for a full year counts as two
//! semester Fs; any shorter term as one.

use time::Date;

use super::audit::Audit;
use super::course::{Catalog, CourseCode};
use super::course_plan::school_year_of_grade;
use super::credits::Credits;
use super::keyed_enum;
use super::transcript::{GradeScale, TranscriptEntry};
use crate::SchoolYear;

/// The grade-9 thresholds (a district may change them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grade9Rule {
    /// Credits to earn in grade 9 (default 5).
    pub min_credits: Credits,
    /// Semester Fs allowed in core courses (default 1).
    pub max_core_semester_fs: u32,
}

impl Default for Grade9Rule {
    fn default() -> Self {
        Grade9Rule {
            min_credits: Credits::whole(5),
            max_core_semester_fs: 1,
        }
    }
}

keyed_enum!(
    /// Why a student is off track in grade 9.
    Grade9Reason, "unknown_grade9_reason", {
        /// Fewer credits than the rule asks (after the year; during it,
        /// fewer than the courses under way could still bring).
        TooFewCredits => "too_few_credits",
        /// More semester Fs in core courses than the rule allows.
        TooManyCoreFs => "too_many_core_fs",
    }
);

/// The grade-9 verdict and its numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grade9OnTrack {
    pub on_track: bool,
    /// Empty when on track.
    pub reasons: Vec<Grade9Reason>,
    pub credits_earned: Credits,
    /// Credits of grade-9 courses still under way.
    pub credits_in_progress: Credits,
    pub credits_needed: Credits,
    pub core_semester_fs: u32,
    pub core_fs_allowed: u32,
    /// The core courses failed, in transcript order.
    pub failed_core_courses: Vec<CourseCode>,
    /// The grade-9 school year is over at `as_of`: the verdict is final.
    pub year_over: bool,
    /// The school year that was (or is) the student's grade 9.
    pub grade9_year: SchoolYear,
}

/// The grade-9 on-track indicator for a student of `class_of` as of a
/// date. Grade-9 entries are those marked grade 9, or with no grade and in
/// the student's grade-9 school year. While grade 9 is under way the
/// credit test counts the courses under way too (the verdict is
/// provisional); after it, only earned credit.
pub fn grade9_on_track(
    transcript: &[TranscriptEntry],
    catalog: &Catalog,
    scale: &GradeScale,
    class_of: i32,
    as_of: Date,
    rule: &Grade9Rule,
) -> Grade9OnTrack {
    let grade9_year = school_year_of_grade(class_of, 9);
    let year_over = as_of > grade9_year.end();
    let grade9 = transcript.iter().filter(|e| match e.grade_level {
        Some(g) => g == 9,
        None => e.school_year == grade9_year,
    });
    let (mut earned, mut under_way, mut fs) = (Credits::ZERO, Credits::ZERO, 0);
    let mut failed = Vec::new();
    for e in grade9 {
        if e.in_progress() {
            under_way += e.credits_attempted;
            continue;
        }
        earned += e.credits_earned;
        let core = catalog.get(&e.course_code).is_some_and(|c| c.core);
        if core && e.scale_mark(scale).is_some_and(|m| m.failing) {
            fs += e.term.semesters();
            failed.push(e.course_code.clone());
        }
    }
    let mut reasons = Vec::new();
    let reachable = if year_over { earned } else { earned + under_way };
    if reachable < rule.min_credits {
        reasons.push(Grade9Reason::TooFewCredits);
    }
    if fs > rule.max_core_semester_fs {
        reasons.push(Grade9Reason::TooManyCoreFs);
    }
    Grade9OnTrack {
        on_track: reasons.is_empty(),
        reasons,
        credits_earned: earned,
        credits_in_progress: under_way,
        credits_needed: rule.min_credits,
        core_semester_fs: fs,
        core_fs_allowed: rule.max_core_semester_fs,
        failed_core_courses: failed,
        year_over,
        grade9_year,
    }
}

keyed_enum!(
    /// Why a student is not on track to graduate.
    GraduationReason, "unknown_graduation_reason", {
        /// Fewer credits earned than the pace expects by now.
        BehindPace => "behind_pace",
        /// Transcript and plan together leave a requirement missing.
        PlanIncomplete => "plan_incomplete",
    }
);

/// The "on track to graduate" verdict and its numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraduationOnTrack {
    pub on_track: bool,
    /// Empty when on track.
    pub reasons: Vec<GraduationReason>,
    pub credits_earned: Credits,
    /// What the pace expects by now: the total × the high-school years
    /// completed ÷ 4.
    pub credits_expected: Credits,
    /// High-school years completed before the school year of `as_of` (0–4).
    pub years_completed: u32,
    /// The keys of the requirements nothing covers (`total` for the total).
    pub not_covered: Vec<String>,
}

/// The credits the pace expects after `years_completed` of 4 years
/// (rounded down to the hundredth): 25 credits → 6.25 a year.
pub fn expected_credits(total: Credits, years_completed: u32) -> Credits {
    Credits(total.0 * years_completed.min(4) / 4)
}

/// Whether a student of `class_of` is on track to graduate as of a date:
/// credits earned at least the expected pace, and the audit (transcript
/// and plan) covering every requirement.
pub fn on_track_to_graduate(audit: &Audit, class_of: i32, as_of: Date) -> GraduationOnTrack {
    let grade9_year = school_year_of_grade(class_of, 9);
    let now = SchoolYear::containing(as_of);
    let years_completed = (now.0 - grade9_year.0).clamp(0, 4) as u32;
    let expected = expected_credits(audit.total.required, years_completed);
    let mut reasons = Vec::new();
    if audit.total.earned < expected {
        reasons.push(GraduationReason::BehindPace);
    }
    let not_covered: Vec<String> = audit.missing().into_iter().map(str::to_owned).collect();
    if !not_covered.is_empty() {
        reasons.push(GraduationReason::PlanIncomplete);
    }
    GraduationOnTrack {
        on_track: reasons.is_empty(),
        reasons,
        credits_earned: audit.total.earned,
        credits_expected: expected,
        years_completed,
        not_covered,
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::academics::audit::{audit, AuditInput};
    use crate::academics::course::tests::course;
    use crate::academics::course::SubjectArea;
    use crate::academics::course_plan::{CoursePlan, PlanYear};
    use crate::academics::requirements::connecticut_default;
    use crate::academics::transcript::tests::entry;
    use crate::academics::transcript::Term;

    // Class of 2029: grade 9 is the 2025–26 school year (SchoolYear(2026)).
    const CLASS: i32 = 2029;

    fn catalog() -> Catalog {
        let core = |code: &str, area| {
            let mut c = course(code, area);
            c.core = true;
            c
        };
        Catalog::new([
            core("ENG9", SubjectArea::Humanities),
            core("ALG1", SubjectArea::Stem),
            core("BIO", SubjectArea::Stem),
            core("USH", SubjectArea::Humanities),
            course("ART", SubjectArea::Humanities),
            course("PE9", SubjectArea::PeWellness),
            course("SPAN1", SubjectArea::WorldLanguage),
        ])
    }

    fn year9(code: &str, mark: Option<&str>, term: Term) -> TranscriptEntry {
        let mut e = entry(code, 2026, mark);
        if term != Term::Year {
            e.term = term;
            e.credits_attempted = Credits(50);
            e.credits_earned = if e.credits_earned.is_zero() {
                Credits::ZERO
            } else {
                Credits(50)
            };
        }
        e
    }

    fn check(t: &[TranscriptEntry], as_of: Date) -> Grade9OnTrack {
        grade9_on_track(
            t,
            &catalog(),
            &GradeScale::default_letter(),
            CLASS,
            as_of,
            &Grade9Rule::default(),
        )
    }

    const AFTER: Date = date!(2026 - 07 - 15);
    const DURING: Date = date!(2026 - 01 - 15);

    #[test]
    fn academics_grade9_on_track_table() {
        use Term::{Semester1 as S1, Semester2 as S2, Year as Y};
        let five = ["ENG9", "ALG1", "BIO", "USH", "ART"];
        let pass_all: Vec<_> = five.iter().map(|c| year9(c, Some("C"), Y)).collect();
        /// (case, transcript, on track, reasons, core semester Fs)
        type Case = (&'static str, Vec<TranscriptEntry>, bool, Vec<Grade9Reason>, u32);
        let cases: Vec<Case> = vec![
            ("five credits, no F", pass_all.clone(), true, vec![], 0),
            (
                "one semester F in a core course is allowed",
                [pass_all.clone(), vec![year9("ENG9", Some("F"), S2)]].concat(),
                true,
                vec![],
                1,
            ),
            (
                "two semester Fs in core courses",
                [
                    pass_all.clone(),
                    vec![year9("ENG9", Some("F"), S1), year9("ALG1", Some("F"), S2)],
                ]
                .concat(),
                false,
                vec![Grade9Reason::TooManyCoreFs],
                2,
            ),
            (
                "a full-year core F is two semester Fs, and costs the credit",
                [pass_all[1..].to_vec(), vec![year9("ENG9", Some("F"), Y)]].concat(),
                false,
                vec![Grade9Reason::TooFewCredits, Grade9Reason::TooManyCoreFs],
                2,
            ),
            (
                "Fs outside core courses do not count toward the F limit",
                [
                    pass_all.clone(),
                    vec![year9("PE9", Some("F"), S1), year9("SPAN1", Some("F"), S2)],
                ]
                .concat(),
                true,
                vec![],
                0,
            ),
            (
                "four credits",
                pass_all[..4].to_vec(),
                false,
                vec![Grade9Reason::TooFewCredits],
                0,
            ),
        ];
        for (name, t, on_track, reasons, fs) in cases {
            let r = check(&t, AFTER);
            assert_eq!(
                (r.on_track, r.reasons, r.core_semester_fs),
                (on_track, reasons, fs),
                "{name}"
            );
            assert!(r.year_over);
        }
    }

    #[test]
    fn academics_grade9_numbers_and_provisional_verdict() {
        let t = vec![
            year9("ENG9", Some("B"), Term::Year),
            year9("ALG1", None, Term::Year),
            year9("BIO", None, Term::Year),
            year9("USH", None, Term::Year),
            year9("ART", None, Term::Year),
        ];
        let r = check(&t, DURING);
        assert!(
            r.on_track && !r.year_over,
            "courses under way can still bring 5 credits"
        );
        assert_eq!(
            (r.credits_earned, r.credits_in_progress, r.credits_needed),
            (Credits::whole(1), Credits::whole(4), Credits::whole(5))
        );
        assert_eq!(r.grade9_year, SchoolYear(2026));
        // The same record after the year: marks never came, credits short.
        assert_eq!(check(&t, AFTER).reasons, [Grade9Reason::TooFewCredits]);
        // Courses from grade 10 do not count; an entry's own grade wins over its year.
        let mut tenth = entry("ENG9", 2027, Some("A"));
        tenth.grade_level = Some(10);
        let mut ninth_elsewhere = entry("ALG1", 2025, Some("F"));
        ninth_elsewhere.grade_level = Some(9);
        let r = check(&[tenth, ninth_elsewhere], AFTER);
        assert_eq!((r.credits_earned, r.core_semester_fs), (Credits::ZERO, 2));
        assert_eq!(r.failed_core_courses, [CourseCode::parse("ALG1").unwrap()]);
    }

    fn graduation(t: &[TranscriptEntry], plan: Option<&CoursePlan>, as_of: Date) -> GraduationOnTrack {
        let set = connecticut_default(CLASS);
        let cat = catalog();
        let a = audit(&AuditInput {
            set: &set,
            catalog: &cat,
            transcript: t,
            plan,
            capstone_passed: false,
            as_of,
        });
        on_track_to_graduate(&a, CLASS, as_of)
    }

    #[test]
    fn academics_expected_pace() {
        assert_eq!(expected_credits(Credits::whole(25), 0), Credits::ZERO);
        assert_eq!(expected_credits(Credits::whole(25), 1), Credits(625));
        assert_eq!(expected_credits(Credits::whole(25), 3), Credits(1875));
        assert_eq!(expected_credits(Credits::whole(25), 9), Credits::whole(25));
        assert_eq!(expected_credits(Credits::whole(20), 2), Credits::whole(10));
    }

    #[test]
    fn academics_on_track_to_graduate_pace_and_plan() {
        // In grade 10 (one year done): 6.25 expected.
        let in_grade_10 = date!(2026 - 10 - 01);
        let six: Vec<_> = ["ENG9", "ALG1", "BIO", "USH", "ART", "PE9"]
            .iter()
            .map(|c| year9(c, Some("B"), Term::Year))
            .collect();
        let r = graduation(&six, None, in_grade_10);
        assert_eq!(
            (r.years_completed, r.credits_expected, r.credits_earned),
            (1, Credits(625), Credits::whole(6))
        );
        assert_eq!(
            r.reasons,
            [GraduationReason::BehindPace, GraduationReason::PlanIncomplete]
        );
        assert!(r.not_covered.contains(&"total".to_string()) && r.not_covered.contains(&"world_language".to_string()));
        // In grade 9 nothing is expected yet; the plan still has to cover everything.
        let r = graduation(&[], None, date!(2025 - 10 - 01));
        assert_eq!(
            (r.years_completed, r.reasons.as_slice()),
            (0, &[GraduationReason::PlanIncomplete][..])
        );
        // Seven credits and a plan that covers every requirement (personal
        // finance included, class of 2029): on track.
        let mut seven = six.clone();
        seven.push(year9("SPAN1", Some("A"), Term::Year));
        let many = |prefix: &str, n: u32| (1..=n).map(|i| format!("{prefix}{i}")).collect::<Vec<_>>().join(" ");
        let mut cat_courses: Vec<_> = catalog().courses().cloned().collect();
        for i in 1..=8 {
            cat_courses.push(course(&format!("H{i}"), SubjectArea::Humanities));
            cat_courses.push(course(&format!("S{i}"), SubjectArea::Stem));
        }
        cat_courses.push(course("HS1", SubjectArea::HealthSafety));
        cat_courses.push(course("CAP", SubjectArea::MasteryAssessment));
        cat_courses.push(course("E1", SubjectArea::Elective));
        cat_courses.push(course("E2", SubjectArea::Elective));
        let mut pf = course("PF", SubjectArea::Humanities);
        pf.credits = Credits(50);
        pf.tags = vec![crate::academics::course::CourseTag::known("personal_finance")];
        cat_courses.push(pf);
        let cat = Catalog::new(cat_courses);
        let plan = CoursePlan {
            class_of: CLASS,
            years: vec![
                PlanYear::parse("10", &format!("{} HS1", many("H", 4))).unwrap(),
                PlanYear::parse("11", &format!("{} E2", many("S", 6))).unwrap(),
                PlanYear::parse("12", "H5 H6 H7 S7 S8 CAP E1 PF").unwrap(),
            ],
        };
        let set = connecticut_default(CLASS);
        let a = audit(&AuditInput {
            set: &set,
            catalog: &cat,
            transcript: &seven,
            plan: Some(&plan),
            capstone_passed: false,
            as_of: in_grade_10,
        });
        assert!(a.covered(), "{:?}", a.missing());
        let r = on_track_to_graduate(&a, CLASS, in_grade_10);
        assert!(r.on_track, "{r:?}");
        assert!(r.not_covered.is_empty());
    }
}
