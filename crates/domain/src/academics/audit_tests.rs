//! Table tests of the audit against Connecticut's rules.

use time::macros::date;

use super::*;
use crate::academics::course::tests::course;
use crate::academics::course::{CatalogCourse, CourseTag};
use crate::academics::course_plan::{CoursePlan, PlanYear};
use crate::academics::requirements::{connecticut_default, ClassRange, CourseMatch, RequirementCategory};
use crate::academics::transcript::tests::entry;
use crate::academics::transcript::TranscriptEntry;

use RequirementStatus::{InProgress, Met, Missing, Planned};

const AS_OF: Date = date!(2026 - 12 - 01); // school year 2027

/// H1–H14 humanities, S1–S12 STEM, PE1–PE2, HS1, WL1–WL2, CAP, E1–E4
/// electives, PF (humanities, personal finance, 0.5), PFSTEM (STEM,
/// personal finance, 0.5), ENGH (humanities tagged english).
fn catalog() -> Catalog {
    let mut all: Vec<CatalogCourse> = Vec::new();
    let mut add = |prefix: &str, n: u32, area: SubjectArea| {
        for i in 1..=n {
            all.push(course(&format!("{prefix}{i}"), area));
        }
    };
    add("H", 14, SubjectArea::Humanities);
    add("S", 12, SubjectArea::Stem);
    add("PE", 2, SubjectArea::PeWellness);
    add("HS", 1, SubjectArea::HealthSafety);
    add("WL", 2, SubjectArea::WorldLanguage);
    add("E", 4, SubjectArea::Elective);
    all.push(course("CAP", SubjectArea::MasteryAssessment));
    let half_pf = |code: &str, area| {
        let mut c = course(code, area);
        c.credits = Credits(50);
        c.term_length = crate::academics::course::TermLength::Semester;
        c.tags = vec![CourseTag::known(CourseTag::PERSONAL_FINANCE)];
        c
    };
    all.push(half_pf("PF", SubjectArea::Humanities));
    all.push(half_pf("PFSTEM", SubjectArea::Stem));
    let mut eng = course("ENGH", SubjectArea::Humanities);
    eng.tags = vec![CourseTag::known(CourseTag::ENGLISH)];
    all.push(eng);
    Catalog::new(all)
}

/// Passed (mark B) in school year 2026, one entry per code.
fn passed(codes: &[&str]) -> Vec<TranscriptEntry> {
    codes.iter().map(|c| earned(c)).collect()
}

fn earned(code: &str) -> TranscriptEntry {
    let cat = catalog();
    let mut e = entry(code, 2026, Some("B"));
    if let Some(c) = cat.get(&e.course_code) {
        e.credits_attempted = c.credits;
        e.credits_earned = c.credits;
    }
    e
}

fn range(prefix: &str, n: u32) -> Vec<String> {
    (1..=n).map(|i| format!("{prefix}{i}")).collect()
}

/// A complete class-of-2026 record: 9 H, 9 S, PE, health, language,
/// capstone course, 3 electives = 25.
fn graduate_codes() -> Vec<String> {
    let mut v = range("H", 9);
    v.extend(range("S", 9));
    v.extend(["PE1", "HS1", "WL1", "CAP", "E1", "E2", "E3"].map(String::from));
    v
}

fn run(set: &RequirementSet, transcript: &[TranscriptEntry], plan: Option<&CoursePlan>, capstone: bool) -> Audit {
    audit(&AuditInput {
        set,
        catalog: &catalog(),
        transcript,
        plan,
        capstone_passed: capstone,
        as_of: AS_OF,
    })
}

fn statuses(a: &Audit) -> Vec<(&str, RequirementStatus)> {
    a.requirements.iter().map(|r| (r.key.as_str(), r.status)).collect()
}

fn codes(list: &[CountedCourse]) -> Vec<String> {
    list.iter().map(|c| c.code.to_string()).collect()
}

fn refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn academics_audit_empty_transcript_misses_everything() {
    let a = run(&connecticut_default(2026), &[], None, false);
    assert!(a
        .requirements
        .iter()
        .all(|r| r.status == Missing && r.remaining == r.min_credits && r.courses.is_empty()));
    assert_eq!((a.total.status, a.total.remaining), (Missing, Credits::whole(25)));
    assert_eq!(
        a.missing(),
        [
            "humanities",
            "stem",
            "pe_wellness",
            "health_safety",
            "world_language",
            "mastery_assessment",
            "elective",
            "total"
        ]
    );
    assert!(!a.covered() && !a.complete());
    assert_eq!(a.as_of, AS_OF);
    assert_eq!(
        a.requirement("stem").unwrap().explanation.english(),
        "9 of 9 credits not yet on the transcript or the plan."
    );
}

#[test]
fn academics_audit_complete_connecticut_graduate() {
    let t = passed(&refs(&graduate_codes()));
    let a = run(&connecticut_default(2026), &t, None, false);
    assert!(a.requirements.iter().all(|r| r.status == Met), "{:?}", statuses(&a));
    assert!(a.complete() && a.covered());
    assert_eq!((a.total.earned, a.total.remaining), (Credits::whole(25), Credits::ZERO));
    assert_eq!(codes(&a.requirement("elective").unwrap().courses), ["E1", "E2", "E3"]);
    assert_eq!(codes(&a.requirement("mastery_assessment").unwrap().courses), ["CAP"]);
    assert!(a.extra.is_empty());
    let h = a.requirement("humanities").unwrap();
    assert_eq!(
        h.explanation,
        Explanation::Met {
            earned: Credits::whole(9),
            min: Credits::whole(9)
        }
    );
    assert_eq!(h.explanation.english(), "9 of 9 credits earned.");
}

#[test]
fn academics_audit_humanities_overflow_into_electives_then_past_the_minimum() {
    // 13 humanities, no electives: 9 count toward humanities, 3 overflow
    // into electives, the 13th counts past the humanities minimum.
    let mut c = range("H", 13);
    c.extend(range("S", 9));
    c.extend(["PE1", "HS1", "WL1", "CAP"].map(String::from));
    let a = run(&connecticut_default(2026), &passed(&refs(&c)), None, false);
    let h = a.requirement("humanities").unwrap();
    let e = a.requirement("elective").unwrap();
    assert_eq!((e.status, e.earned), (Met, Credits::whole(3)));
    assert!(
        codes(&e.courses).iter().all(|c| c.starts_with('H')),
        "electives filled by humanities"
    );
    assert_eq!((h.status, h.earned, h.courses.len()), (Met, Credits::whole(10), 10));
    assert!(a.extra.is_empty());
    assert_eq!(a.total.earned, Credits::whole(26));
    assert!(a.complete());
    // The electives' humanities courses are not also counted in humanities.
    assert!(h
        .courses
        .iter()
        .all(|c| !codes(&e.courses).contains(&c.code.to_string())));
    assert!(h.elsewhere.contains(&(e.courses[0].code.clone(), "elective".into())));
}

#[test]
fn academics_audit_refuses_double_counting_between_primary_categories() {
    // A district set where a tagged English course could count toward
    // either "english" or "humanities": it counts once, toward the more
    // specific category.
    let cat = |key: &str, m: CourseMatch| RequirementCategory {
        key: key.into(),
        name: key.into(),
        min_credits: Credits::whole(1),
        matches: m,
        counted_inside: vec![],
        met_by_capstone: false,
    };
    let set = RequirementSet {
        name: "test".into(),
        classes: ClassRange::default(),
        total_credits: Credits::whole(2),
        categories: vec![
            cat("humanities", CourseMatch::areas(&[SubjectArea::Humanities])),
            cat("english", CourseMatch::tags(&[CourseTag::ENGLISH])),
        ],
    };
    assert_eq!(set.check(), Ok(()));
    let a = run(&set, &passed(&["ENGH"]), None, false);
    assert_eq!(statuses(&a), [("humanities", Missing), ("english", Met)]);
    assert_eq!(
        a.requirement("humanities").unwrap().elsewhere,
        [(CourseCode::parse("ENGH").unwrap(), "english".to_string())]
    );
    assert_eq!(a.total.earned, Credits::whole(1), "one credit, counted once");
    // A second humanities course fills humanities; the English course stays put.
    let a = run(&set, &passed(&["ENGH", "H1"]), None, false);
    assert_eq!(statuses(&a), [("humanities", Met), ("english", Met)]);
}

#[test]
fn academics_audit_2027_personal_finance_counted_inside_humanities() {
    let set = connecticut_default(2027);
    let mut c = graduate_codes();
    assert_eq!(
        run(&set, &passed(&refs(&c)), None, false)
            .requirement("personal_finance")
            .unwrap()
            .status,
        Missing
    );
    // Personal finance (a humanities half credit) counts toward both
    // humanities (or the electives it overflows to) and personal finance.
    c.push("PF".into());
    let a = run(&set, &passed(&refs(&c)), None, false);
    let pf = a.requirement("personal_finance").unwrap();
    assert_eq!((pf.status, codes(&pf.courses)), (Met, vec!["PF".to_string()]));
    assert_eq!(pf.counted_inside, ["humanities", "elective"]);
    assert!(codes(&a.requirement("humanities").unwrap().courses).contains(&"PF".to_string()));
    assert_eq!(
        a.total.earned,
        Credits(2550),
        "the half credit counts once toward the total"
    );
    assert!(a.complete());
}

#[test]
fn academics_audit_personal_finance_in_stem_does_not_double_count() {
    let set = connecticut_default(2027);
    // PFSTEM is needed for STEM (8 + 0.5 of 9): it counts there and not
    // toward personal finance.
    let mut c: Vec<String> = graduate_codes().into_iter().filter(|c| c != "S9").collect();
    c.push("PFSTEM".into());
    let a = run(&set, &passed(&refs(&c)), None, false);
    let pf = a.requirement("personal_finance").unwrap();
    assert_eq!((pf.status, pf.courses.len()), (Missing, 0));
    assert_eq!(
        pf.elsewhere,
        [(CourseCode::parse("PFSTEM").unwrap(), "stem".to_string())]
    );
    assert_eq!(a.requirement("stem").unwrap().earned, Credits(850));
    // With a full STEM record it is not needed there: it counts as an
    // elective beyond the minimum, and so inside electives.
    let mut c = graduate_codes();
    c.push("PFSTEM".into());
    let a = run(&set, &passed(&refs(&c)), None, false);
    assert_eq!(a.requirement("personal_finance").unwrap().status, Met);
    assert!(codes(&a.requirement("elective").unwrap().courses).contains(&"PFSTEM".to_string()));
    assert_eq!(
        a.requirement("stem").unwrap().earned,
        Credits::whole(9),
        "STEM took S1–S9, not PFSTEM"
    );
}

#[test]
fn academics_audit_failing_mark_earns_nothing() {
    let mut t = passed(&refs(&graduate_codes()));
    t[0] = entry("H1", 2026, Some("F"));
    let a = run(&connecticut_default(2026), &t, None, false);
    let h = a.requirement("humanities").unwrap();
    assert_eq!(
        (h.status, h.earned, h.remaining),
        (Missing, Credits::whole(8), Credits::whole(1))
    );
    assert!(!codes(&h.courses).contains(&"H1".to_string()));
    assert_eq!(a.total.earned, Credits::whole(24));
    // W and I earn nothing either.
    for m in ["W", "I", "NP"] {
        t[0] = entry("H1", 2026, Some(m));
        assert_eq!(
            run(&connecticut_default(2026), &t, None, false).total.earned,
            Credits::whole(24),
            "{m}"
        );
    }
}

#[test]
fn academics_audit_in_progress_courses() {
    let mut t = passed(&refs(&graduate_codes()));
    t[0] = entry("H1", 2027, None);
    let a = run(&connecticut_default(2026), &t, None, false);
    let h = a.requirement("humanities").unwrap();
    assert_eq!(
        (h.status, h.earned, h.in_progress, h.remaining),
        (InProgress, Credits::whole(8), Credits::whole(1), Credits::ZERO)
    );
    assert_eq!(h.explanation.key(), "in_progress");
    assert_eq!(
        h.courses.last().map(|c| c.state),
        Some(CourseState::InProgress),
        "earned first"
    );
    assert_eq!(a.total.status, InProgress);
    assert!(a.covered() && !a.complete());
}

#[test]
fn academics_audit_planned_only() {
    // Class of 2028 on 2026-12-01 is in grade 11 (school year 2027). Grade 9
    // and 10 plan years are history; grade 11 and 12 courses count as planned
    // unless the transcript already has them this year.
    let plan = CoursePlan {
        class_of: 2028,
        years: vec![
            PlanYear::parse("9", "WL2").unwrap(),
            PlanYear::parse("11", "WL1 PE1").unwrap(),
            PlanYear::parse("12", "HS1 UNKNOWN").unwrap(),
        ],
    };
    let t = vec![entry("PE1", 2027, None)];
    let a = run(&connecticut_default(2028), &t, Some(&plan), false);
    let r = |k| a.requirement(k).unwrap();
    assert_eq!(
        (r("world_language").status, r("world_language").planned),
        (Planned, Credits::whole(1))
    );
    assert_eq!(
        codes(&r("world_language").courses),
        ["WL1"],
        "the grade-9 plan year is history"
    );
    assert_eq!(r("health_safety").status, Planned);
    assert_eq!(r("pe_wellness").status, InProgress, "the transcript wins over the plan");
    assert_eq!(r("pe_wellness").planned, Credits::ZERO);
    assert_eq!(r("humanities").status, Missing);
    assert_eq!(r("world_language").explanation.key(), "planned");
    assert_eq!(
        (a.total.in_progress, a.total.planned),
        (Credits::whole(1), Credits::whole(2))
    );
}

#[test]
fn academics_audit_planned_course_already_passed_is_not_counted_twice() {
    let plan = CoursePlan {
        class_of: 2028,
        years: vec![PlanYear::parse("11", "WL1 WL1").unwrap()],
    };
    let a = run(&connecticut_default(2028), &passed(&["WL1"]), Some(&plan), false);
    let wl = a.requirement("world_language").unwrap();
    assert_eq!((wl.earned, wl.planned), (Credits::whole(1), Credits::ZERO));
    assert_eq!(a.total.planned, Credits::ZERO);
    // Under way now and planned again next year: counted once, in progress.
    let plan = CoursePlan {
        class_of: 2028,
        years: vec![PlanYear::parse("12", "WL1").unwrap()],
    };
    let a = run(
        &connecticut_default(2028),
        &[entry("WL1", 2027, None)],
        Some(&plan),
        false,
    );
    assert_eq!(
        (a.total.in_progress, a.total.planned),
        (Credits::whole(1), Credits::ZERO)
    );
    // Failed, and planned again: the retake counts as planned.
    let a = run(
        &connecticut_default(2028),
        &[entry("WL1", 2026, Some("F"))],
        Some(&plan),
        false,
    );
    assert_eq!(a.requirement("world_language").unwrap().status, Planned);
}

#[test]
fn academics_audit_earned_credit_fills_before_planned() {
    let plan = CoursePlan {
        class_of: 2028,
        years: vec![PlanYear::parse("12", "WL2").unwrap()],
    };
    let a = run(&connecticut_default(2028), &passed(&["WL1"]), Some(&plan), false);
    let wl = a.requirement("world_language").unwrap();
    assert_eq!((wl.status, codes(&wl.courses)), (Met, vec!["WL1".to_string()]));
    assert_eq!(
        codes(&a.requirement("elective").unwrap().courses),
        ["WL2"],
        "the extra language is an elective"
    );
}

#[test]
fn academics_audit_capstone_flag_meets_the_mastery_assessment() {
    let codes_without_cap: Vec<String> = graduate_codes().into_iter().filter(|c| c != "CAP").collect();
    let t = passed(&refs(&codes_without_cap));
    let a = run(&connecticut_default(2026), &t, None, false);
    assert_eq!(a.requirement("mastery_assessment").unwrap().status, Missing);
    let a = run(&connecticut_default(2026), &t, None, true);
    let m = a.requirement("mastery_assessment").unwrap();
    assert_eq!(
        (m.status, m.explanation, m.remaining),
        (Met, Explanation::MetByCapstone, Credits::ZERO)
    );
    // The capstone is not a credit: 24 of 25.
    assert_eq!((a.total.status, a.total.remaining), (Missing, Credits::whole(1)));
}

#[test]
fn academics_audit_transfer_credit_uses_its_own_area() {
    let mut t = entry("XFER-SPAN", 2026, Some("A"));
    t.subject_area = Some(SubjectArea::WorldLanguage);
    let a = run(&connecticut_default(2026), &[t], None, false);
    assert_eq!(a.requirement("world_language").unwrap().status, Met);
    // Without an area, an unknown course is an elective.
    let a = run(
        &connecticut_default(2026),
        &[entry("XFER-ART", 2026, Some("A"))],
        None,
        false,
    );
    assert_eq!(codes(&a.requirement("elective").unwrap().courses), ["XFER-ART"]);
}

#[test]
fn academics_audit_before_2023_civics_inside_social_studies() {
    let tagged = |code: &str, tags: &[&'static str]| {
        let mut c = course(code, SubjectArea::Humanities);
        c.tags = tags.iter().map(|t| CourseTag::known(t)).collect();
        c
    };
    let cat = Catalog::new([
        tagged("CIV", &[CourseTag::CIVICS]),
        tagged("USH", &[CourseTag::SOCIAL_STUDIES]),
    ]);
    let set = connecticut_default(2020);
    let a = audit(&AuditInput {
        set: &set,
        catalog: &cat,
        transcript: &[entry("CIV", 2019, Some("B")), entry("USH", 2019, Some("B"))],
        plan: None,
        capstone_passed: false,
        as_of: AS_OF,
    });
    let ss = a.requirement("social_studies").unwrap();
    assert_eq!((ss.status, ss.earned), (Missing, Credits::whole(2)));
    assert_eq!(a.requirement("civics").unwrap().status, Met);
}
