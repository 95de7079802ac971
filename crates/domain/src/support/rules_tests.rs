use time::macros::date;

use super::*;
use crate::academics::course::CourseCode;
use crate::academics::on_track::Grade9Reason;
use crate::support::tests::codes;
use crate::support::Percent;

const TODAY: Date = date!(2026 - 03 - 02);
const AS_OF: Date = date!(2026 - 02 - 27);

fn reading<T>(value: T) -> Reading<T> {
    Reading::parse(value, "2026-02-27", "sis nightly", TODAY).unwrap()
}

fn student(grade: i64) -> FlagInput {
    FlagInput {
        grade_level: GradeLevel::new(grade).unwrap(),
        attendance: None,
        behaviour: None,
        marks: None,
        gpa: None,
        grade9: None,
    }
}

fn absent(days: u32, enrolled: u32) -> Option<Reading<Attendance>> {
    Some(reading(Attendance {
        days_enrolled: enrolled,
        excused: days / 2,
        unexcused: days - days / 2,
        disciplinary: 0,
    }))
}

fn mark(code: &str, subject: CourseSubject, term: TermLength, failing: bool, ends: Date) -> CourseMark {
    CourseMark {
        course_code: CourseCode::parse(code).unwrap(),
        subject,
        term_length: term,
        failing,
        term_ends_on: ends,
    }
}

const SEMESTER_1_END: Date = date!(2026 - 01 - 23);

fn failed(code: &str, subject: CourseSubject, term: TermLength) -> CourseMark {
    mark(code, subject, term, true, SEMESTER_1_END)
}

fn kinds(input: &FlagInput) -> Vec<FlagKind> {
    evaluate(input, &Thresholds::default(), TODAY)
        .into_iter()
        .map(|f| f.kind)
        .collect()
}

fn off_track() -> Grade9OnTrack {
    Grade9OnTrack {
        on_track: false,
        reasons: vec![Grade9Reason::TooManyCoreFs],
        credits_earned: Credits::whole(5),
        credits_in_progress: Credits::ZERO,
        credits_needed: Credits::whole(5),
        core_semester_fs: 2,
        core_fs_allowed: 1,
        failed_core_courses: vec![CourseCode::parse("ENG9").unwrap(), CourseCode::parse("ALG1").unwrap()],
        year_over: false,
        grade9_year: SchoolYear(2026),
    }
}

#[test]
fn no_data_raises_no_flag() {
    for grade in 6..=12 {
        assert_eq!(kinds(&student(grade)), []);
    }
}

#[test]
fn chronic_absence_shows_the_rule_and_the_numbers() {
    let mut s = student(10);
    s.attendance = absent(14, 120);
    let f = evaluate(&s, &Thresholds::default(), TODAY);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].kind, FlagKind::ChronicAbsence);
    assert_eq!(
        f[0].rule,
        Rule::ChronicAbsence {
            percent: 10,
            min_days_enrolled: 20
        }
    );
    let Evidence::Absence { attendance, percent } = f[0].evidence else {
        panic!("{:?}", f[0].evidence)
    };
    assert_eq!(
        (attendance.days_absent(), attendance.days_enrolled, percent),
        (14, 120, Percent(117))
    );
    assert_eq!(
        (f[0].as_of, f[0].source.as_str(), f[0].stale),
        (AS_OF, "sis nightly", false)
    );
}

#[test]
fn chronic_absence_table() {
    // (case, absent, enrolled, flagged)
    let cases = [
        ("exactly 10 %", 12, 120, true),
        ("just under 10 %", 11, 120, false),
        ("exactly the minimum days enrolled", 2, 20, true),
        ("below the minimum days enrolled", 5, 19, false),
        ("nothing missed", 0, 150, false),
        ("every day missed", 40, 40, true),
    ];
    for (case, days, enrolled, flagged) in cases {
        let mut s = student(7);
        s.attendance = absent(days, enrolled);
        assert_eq!(kinds(&s) == [FlagKind::ChronicAbsence], flagged, "{case}");
    }
}

#[test]
fn every_kind_of_absence_counts_toward_chronic_absence() {
    let mut s = student(8);
    s.attendance = Some(reading(Attendance {
        days_enrolled: 30,
        excused: 1,
        unexcused: 1,
        disciplinary: 1,
    }));
    assert_eq!(kinds(&s), [FlagKind::ChronicAbsence]);
}

#[test]
fn no_days_enrolled_is_never_chronic_absence_even_with_no_minimum() {
    let t = Thresholds {
        min_days_enrolled: 0,
        ..Thresholds::default()
    };
    let mut s = student(9);
    s.attendance = absent(0, 0);
    assert!(evaluate(&s, &t, TODAY).is_empty());
}

#[test]
fn suspension_table() {
    // (case, in school, out of school, threshold, flagged)
    let cases = [
        ("one day in school", 1, 0, 1, true),
        ("one day out of school", 0, 1, 1, true),
        ("none", 0, 0, 1, false),
        ("both kinds add up to the threshold", 1, 2, 3, true),
        ("under a raised threshold", 1, 1, 3, false),
    ];
    for (case, iss, oss, threshold, flagged) in cases {
        let mut s = student(11);
        s.behaviour = Some(reading(Behaviour {
            incidents: 2,
            in_school_suspension_days: iss,
            out_of_school_suspension_days: oss,
        }));
        let t = Thresholds {
            suspension_days: threshold,
            ..Thresholds::default()
        };
        let f = evaluate(&s, &t, TODAY);
        assert_eq!(!f.is_empty(), flagged, "{case}");
        if flagged {
            assert_eq!(f[0].rule, Rule::Suspension { min_days: threshold });
        }
    }
}

#[test]
fn high_school_flags_any_failed_semester_or_year_course() {
    use CourseSubject::*;
    for (subject, term) in [
        (Science, TermLength::Semester),
        (Other, TermLength::Semester),
        (Math, TermLength::Year),
    ] {
        let mut s = student(10);
        s.marks = Some(reading(vec![failed("X1", subject, term)]));
        let f = evaluate(&s, &Thresholds::default(), TODAY);
        assert_eq!(f.len(), 1, "{subject:?} {term:?}");
        assert_eq!(f[0].rule, Rule::HighSchoolCourseFailure);
    }
}

#[test]
fn middle_grades_flag_failed_math_or_ela_only() {
    use CourseSubject::*;
    for (subject, flagged) in [
        (Math, true),
        (EnglishLanguageArts, true),
        (Science, false),
        (SocialStudies, false),
        (Other, false),
    ] {
        let mut s = student(7);
        s.marks = Some(reading(vec![failed("C1", subject, TermLength::Semester)]));
        let f = evaluate(&s, &Thresholds::default(), TODAY);
        assert_eq!(!f.is_empty(), flagged, "{subject:?}");
        if flagged {
            assert_eq!(f[0].rule, Rule::MiddleGradesCourseFailure);
        }
    }
}

#[test]
fn quarter_length_failures_do_not_flag() {
    for grade in [7, 10] {
        let mut s = student(grade);
        s.marks = Some(reading(vec![failed("ALG1", CourseSubject::Math, TermLength::Quarter)]));
        assert_eq!(kinds(&s), [], "grade {grade}");
    }
}

#[test]
fn a_failure_lists_only_the_courses_that_count() {
    use CourseSubject::*;
    let mut s = student(8);
    s.marks = Some(reading(vec![
        failed("MATH8", Math, TermLength::Semester),
        failed("SCI8", Science, TermLength::Semester),
        mark("ELA8", EnglishLanguageArts, TermLength::Semester, false, SEMESTER_1_END),
        failed("ELA8Q", EnglishLanguageArts, TermLength::Quarter),
    ]));
    let f = evaluate(&s, &Thresholds::default(), TODAY);
    let Evidence::FailedCourses(courses) = &f[0].evidence else {
        panic!("{:?}", f[0].evidence)
    };
    let codes: Vec<_> = courses.iter().map(|c| c.course_code.as_str()).collect();
    assert_eq!(codes, ["MATH8"]);
}

#[test]
fn a_failing_mark_during_the_term_does_not_flag() {
    let mut s = student(11);
    let under_way = mark(
        "CHEM",
        CourseSubject::Science,
        TermLength::Semester,
        true,
        date!(2026 - 06 - 15),
    );
    s.marks = Some(reading(vec![under_way]));
    assert_eq!(kinds(&s), []);
}

#[test]
fn a_failure_from_an_earlier_school_year_does_not_flag() {
    let mut s = student(11);
    let last_year = mark(
        "CHEM",
        CourseSubject::Science,
        TermLength::Semester,
        true,
        date!(2025 - 06 - 13),
    );
    s.marks = Some(reading(vec![last_year]));
    assert_eq!(kinds(&s), []);
}

#[test]
fn low_gpa_table() {
    // (case, grade, gpa, flagged)
    let cases = [
        ("exactly 2.00", 10, 200, true),
        ("2.01", 10, 201, false),
        ("1.50", 12, 150, true),
        ("middle grades have no GPA rule", 8, 150, false),
    ];
    for (case, grade, gpa, flagged) in cases {
        let mut s = student(grade);
        s.gpa = Some(reading(Points(gpa)));
        assert_eq!(kinds(&s) == [FlagKind::LowGpa], flagged, "{case}");
    }
    let mut s = student(10);
    s.gpa = Some(reading(Points(180)));
    let f = evaluate(&s, &Thresholds::default(), TODAY);
    assert_eq!(
        (f[0].rule, &f[0].evidence),
        (Rule::LowGpa { at_most: Points(200) }, &Evidence::Gpa(Points(180)))
    );
}

#[test]
fn grade9_off_track_reuses_the_academics_verdict() {
    let mut s = student(9);
    s.grade9 = Some(reading(off_track()));
    let f = evaluate(&s, &Thresholds::default(), TODAY);
    assert_eq!(f[0].kind, FlagKind::Grade9OffTrack);
    assert_eq!(
        f[0].rule,
        Rule::Grade9OffTrack {
            min_credits: Credits::whole(5),
            max_core_semester_fs: 1
        }
    );
    assert_eq!(f[0].evidence, Evidence::Grade9(off_track()));
    let mut on = off_track();
    on.on_track = true;
    on.reasons.clear();
    s.grade9 = Some(reading(on));
    assert_eq!(kinds(&s), []);
}

#[test]
fn grade9_off_track_fires_in_grades_9_and_10_only() {
    for (grade, flagged) in [(8, false), (9, true), (10, true), (11, false)] {
        let mut s = student(grade);
        s.grade9 = Some(reading(off_track()));
        assert_eq!(kinds(&s) == [FlagKind::Grade9OffTrack], flagged, "grade {grade}");
    }
}

#[test]
fn findings_come_in_flag_kind_order() {
    let mut s = student(9);
    s.grade9 = Some(reading(off_track()));
    s.gpa = Some(reading(Points(120)));
    s.marks = Some(reading(vec![failed(
        "ENG9",
        CourseSubject::EnglishLanguageArts,
        TermLength::Semester,
    )]));
    s.behaviour = Some(reading(Behaviour {
        incidents: 1,
        in_school_suspension_days: 0,
        out_of_school_suspension_days: 2,
    }));
    s.attendance = absent(30, 100);
    assert_eq!(kinds(&s), FlagKind::ALL);
}

#[test]
fn data_older_than_the_stale_age_is_marked_stale() {
    let mut s = student(10);
    s.attendance = absent(20, 100);
    for (age, stale) in [(45, false), (46, true), (0, false)] {
        let today = AS_OF + time::Duration::days(age);
        let f = evaluate(&s, &Thresholds::default(), today);
        assert_eq!(f[0].stale, stale, "{age} days old");
    }
    let strict = |days| Thresholds {
        stale_after_days: days,
        ..Thresholds::default()
    };
    assert!(!evaluate(&s, &strict(3), TODAY)[0].stale, "3 days old, stale after 3");
    assert!(evaluate(&s, &strict(2), TODAY)[0].stale, "3 days old, stale after 2");
}

fn raw<'a>() -> ThresholdsRaw<'a> {
    ThresholdsRaw {
        chronic_absence_percent: "10",
        min_days_enrolled: "20",
        suspension_days: "1",
        low_gpa: "2.0",
        stale_after_days: "45",
        grade9_min_credits: "5",
        grade9_max_core_fs: "1",
    }
}

#[test]
fn the_default_thresholds_parse_from_their_form() {
    assert_eq!(raw().parse(), Ok(Thresholds::default()));
}

#[test]
fn thresholds_at_the_edges_of_their_ranges_are_accepted() {
    let low = ThresholdsRaw {
        chronic_absence_percent: "1",
        min_days_enrolled: "0",
        suspension_days: "1",
        low_gpa: "0.5",
        stale_after_days: "1",
        grade9_min_credits: "1",
        grade9_max_core_fs: "0",
    };
    assert!(low.parse().is_ok());
    let high = ThresholdsRaw {
        chronic_absence_percent: "50",
        min_days_enrolled: "90",
        suspension_days: "30",
        low_gpa: "4.00",
        stale_after_days: "365",
        grade9_min_credits: "8",
        grade9_max_core_fs: "4",
    };
    assert!(high.parse().is_ok());
}

#[test]
fn a_threshold_outside_its_sensible_range_is_refused() {
    let bad = ThresholdsRaw {
        chronic_absence_percent: "51",
        min_days_enrolled: "91",
        suspension_days: "0",
        low_gpa: "0.49",
        stale_after_days: "366",
        grade9_min_credits: "8.25",
        grade9_max_core_fs: "-1",
    };
    let err = bad.parse().unwrap_err();
    assert_eq!(err.error, "invalid_thresholds");
    assert_eq!(
        codes(err),
        vec![
            ("chronic_absence_percent", "out_of_range"),
            ("min_days_enrolled", "out_of_range"),
            ("suspension_days", "out_of_range"),
            ("low_gpa", "out_of_range"),
            ("stale_after_days", "out_of_range"),
            ("grade9_min_credits", "out_of_range"),
            ("grade9_max_core_fs", "out_of_range"),
        ]
    );
}

#[test]
fn thresholds_must_be_numbers() {
    let mut r = raw();
    r.chronic_absence_percent = "";
    r.suspension_days = "one";
    r.low_gpa = "2.005";
    r.stale_after_days = "4.5";
    r.grade9_min_credits = "-2";
    assert_eq!(
        codes(r.parse().unwrap_err()),
        vec![
            ("chronic_absence_percent", "required"),
            ("suspension_days", "invalid_number"),
            ("low_gpa", "too_precise"),
            ("stale_after_days", "invalid_number"),
            ("grade9_min_credits", "out_of_range"),
        ]
    );
}

#[test]
fn a_raised_absence_threshold_is_applied() {
    let t = ThresholdsRaw {
        chronic_absence_percent: "20",
        ..raw()
    }
    .parse()
    .unwrap();
    let mut s = student(10);
    s.attendance = absent(14, 120);
    assert!(evaluate(&s, &t, TODAY).is_empty());
    s.attendance = absent(24, 120);
    assert_eq!(
        evaluate(&s, &t, TODAY)[0].rule,
        Rule::ChronicAbsence {
            percent: 20,
            min_days_enrolled: 20
        }
    );
}

/// The names of a struct's fields, written once: the destructuring is
/// exhaustive, so a new field breaks compilation until it is listed here.
macro_rules! field_names {
    ($ty:ident $(<$arg:ty>)? { $($field:ident),* $(,)? }) => {{
        #[allow(dead_code)]
        fn exhaustive(x: $ty $(<$arg>)?) {
            let $ty { $($field: _),* } = x;
        }
        [$(stringify!($field)),*]
    }};
}

/// A field name that names a protected attribute (or a common proxy code
/// for one: ELL, LEP, IEP, FRL…).
fn names_protected_attribute(name: &str) -> bool {
    const STEMS: [&str; 16] = [
        "race", "racial", "ethnic", "hispanic", "sex", "gender", "disab", "handicap", "learner", "income", "poverty",
        "meal", "lunch", "econom", "immigra", "language",
    ];
    const CODES: [&str; 12] = [
        "el", "ell", "lep", "esl", "ml", "iep", "sped", "swd", "504", "frl", "frpl", "ed",
    ];
    let name = name.to_ascii_lowercase();
    STEMS.iter().any(|s| name.contains(s)) || name.split('_').any(|w| CODES.contains(&w))
}

#[test]
fn the_protected_attribute_check_catches_such_names() {
    for name in [
        "race",
        "ethnicity",
        "sex",
        "gender_identity",
        "has_disability",
        "ell_status",
        "english_learner",
    ] {
        assert!(names_protected_attribute(name), "{name}");
    }
    for name in [
        "free_lunch",
        "meal_status",
        "low_income",
        "economically_disadvantaged",
        "iep",
        "section_504",
    ] {
        assert!(names_protected_attribute(name), "{name}");
    }
    for name in FlagInput::FIELDS {
        assert!(!names_protected_attribute(name), "{name}");
    }
}

#[test]
fn flag_input_fields_lists_every_field() {
    let names = field_names!(FlagInput {
        grade_level,
        attendance,
        behaviour,
        marks,
        gpa,
        grade9
    });
    assert_eq!(names, FlagInput::FIELDS);
}

#[test]
fn no_rule_input_has_a_field_for_a_protected_attribute() {
    let nested: [&[&str]; 6] = [
        FlagInput::FIELDS,
        &field_names!(Reading<()> { value, as_of, source }),
        &field_names!(Attendance {
            days_enrolled,
            excused,
            unexcused,
            disciplinary
        }),
        &field_names!(Behaviour {
            incidents,
            in_school_suspension_days,
            out_of_school_suspension_days
        }),
        &field_names!(CourseMark {
            course_code,
            subject,
            term_length,
            failing,
            term_ends_on
        }),
        &field_names!(Grade9OnTrack {
            on_track,
            reasons,
            credits_earned,
            credits_in_progress,
            credits_needed,
            core_semester_fs,
            core_fs_allowed,
            failed_core_courses,
            year_over,
            grade9_year,
        }),
    ];
    for name in nested.iter().flat_map(|n| n.iter()) {
        assert!(
            !names_protected_attribute(name),
            "a rule input names a protected attribute: {name}"
        );
    }
}
