//! Goal rules as tables: the status matrix, measure values, the goal form
//! and progress.

use super::*;
use time::macros::date;

/// Every (from, to) pair. Rows `from` and columns `to`, both in
/// `GoalStatus::ALL` order: draft, active, met, not_met, revised,
/// discontinued. `Y` legal, `-` refused.
const TRANSITIONS: [(GoalStatus, &str); 6] = [
    (GoalStatus::Draft, "-Y---Y"),
    (GoalStatus::Active, "--YYYY"),
    (GoalStatus::Met, "------"),
    (GoalStatus::NotMet, "----Y-"),
    (GoalStatus::Revised, "-Y---Y"),
    (GoalStatus::Discontinued, "------"),
];

#[test]
fn goal_status_transition_matrix() {
    for (from, row) in TRANSITIONS {
        for (to, cell) in GoalStatus::ALL.into_iter().zip(row.chars()) {
            let got = from.transition(to);
            match cell {
                'Y' => assert_eq!(got, Ok(to), "{} -> {}", from.as_str(), to.as_str()),
                _ => assert_eq!(
                    got.map_err(|e| e.code),
                    Err("illegal_goal_transition"),
                    "{} -> {}",
                    from.as_str(),
                    to.as_str()
                ),
            }
        }
    }
}

#[test]
fn final_statuses_have_no_moves_out() {
    for from in GoalStatus::ALL {
        let any_move = GoalStatus::ALL.into_iter().any(|to| from.transition(to).is_ok());
        assert_eq!(from.is_final(), !any_move, "{}", from.as_str());
    }
}

#[test]
fn enums_round_trip_through_their_keys() {
    for s in GoalStatus::ALL {
        assert_eq!(GoalStatus::parse(s.as_str()), Ok(s));
    }
    for m in MeasureKind::ALL {
        assert_eq!(MeasureKind::parse(m.as_str()), Ok(m));
    }
    for c in CheckInCadence::ALL {
        assert_eq!(CheckInCadence::parse(c.as_str()), Ok(c));
    }
    assert_eq!(
        GoalStatus::parse("notmet").map_err(|e| e.code),
        Err("invalid_goal_status")
    );
    assert_eq!(
        MeasureKind::parse("yesno").map_err(|e| e.code),
        Err("invalid_measure_kind")
    );
    assert_eq!(
        CheckInCadence::parse("daily").map_err(|e| e.code),
        Err("invalid_check_in_cadence")
    );
}

#[test]
fn cadence_days() {
    let days: Vec<i64> = CheckInCadence::ALL.into_iter().map(CheckInCadence::days).collect();
    assert_eq!(days, [7, 14, 30]);
}

#[test]
fn measure_values_table() {
    use MeasureKind::*;
    for (kind, raw, expected) in [
        (Percent, "0", Some(0.0)),
        (Percent, "100", Some(100.0)),
        (Percent, "87.5", Some(87.5)),
        (Percent, " 92% ", Some(92.0)),
        (Percent, "100.01", None),
        (Percent, "-1", None),
        (Percent, "NaN", None),
        (Percent, "inf", None),
        (Percent, "ninety", None),
        (Percent, "", None),
        (Count, "0", Some(0.0)),
        (Count, "12", Some(12.0)),
        (Count, "1000000", Some(1_000_000.0)),
        (Count, "1000001", None),
        (Count, "-3", None),
        (Count, "2.5", None),
        (Count, "1,000", None),
        (Scale, "1", Some(1.0)),
        (Scale, "5", Some(5.0)),
        (Scale, "0", None),
        (Scale, "6", None),
        (Scale, "3.5", None),
        (YesNo, "yes", Some(1.0)),
        (YesNo, "YES", Some(1.0)),
        (YesNo, "true", Some(1.0)),
        (YesNo, "1", Some(1.0)),
        (YesNo, "no", Some(0.0)),
        (YesNo, "False", Some(0.0)),
        (YesNo, "0", Some(0.0)),
        (YesNo, "sí", Some(1.0)),
        (YesNo, "Sí", Some(1.0)),
        (YesNo, "si", Some(1.0)),
        (YesNo, "maybe", None),
        (YesNo, "2", None),
    ] {
        let got = kind.parse_value(raw);
        match expected {
            Some(v) => assert_eq!(got, Ok(v), "{} {raw:?}", kind.as_str()),
            None => assert_eq!(
                got.map_err(|e| e.code),
                Err("invalid_measure_value"),
                "{} {raw:?}",
                kind.as_str()
            ),
        }
    }
}

#[test]
fn measure_bounds_are_the_ones_values_are_checked_against() {
    use MeasureKind::*;
    assert_eq!(Percent.bounds(), Some((0, 100)));
    assert_eq!(Count.bounds(), Some((0, MeasureKind::MAX_COUNT)));
    assert_eq!(Scale.bounds(), Some((1, 5)));
    assert_eq!(YesNo.bounds(), None);
    for kind in [Percent, Count, Scale] {
        let (min, max) = kind.bounds().unwrap();
        assert!(kind.parse_value(&min.to_string()).is_ok());
        assert!(kind.parse_value(&max.to_string()).is_ok());
        assert!(kind.parse_value(&(min - 1).to_string()).is_err());
        assert!(kind.parse_value(&(max + 1).to_string()).is_err());
    }
}

#[test]
fn measure_value_errors_say_the_allowed_range() {
    for (kind, needle) in [
        (MeasureKind::Percent, "0 to 100"),
        (MeasureKind::Count, "0 to 1,000,000"),
        (MeasureKind::Scale, "1 to 5"),
        (MeasureKind::YesNo, "yes or no"),
    ] {
        let err = kind.parse_value("x").map_err(|e| e.detail);
        assert!(
            matches!(&err, Err(d) if d.contains(needle)),
            "{}: {err:?}",
            kind.as_str()
        );
    }
}

const TODAY: Date = date!(2026 - 09 - 15);

fn good() -> GoalInput {
    GoalInput {
        domain: "academic".into(),
        statement: "Raise my algebra grade to a B".into(),
        why_it_matters: "I want to take chemistry next year".into(),
        measure_kind: "percent".into(),
        baseline: "68".into(),
        target: "80".into(),
        due_date: "2027-01-31".into(),
        cadence: "every_two_weeks".into(),
    }
}

#[test]
fn a_good_goal_is_parsed_and_trimmed() {
    let input = GoalInput {
        statement: "  Raise my algebra grade to a B  ".into(),
        ..good()
    };
    assert_eq!(
        validate_goal(&input, TODAY),
        Ok(ValidGoal {
            domain: PlanDomain::Academic,
            statement: "Raise my algebra grade to a B".into(),
            why_it_matters: "I want to take chemistry next year".into(),
            measure_kind: MeasureKind::Percent,
            baseline: 68.0,
            target: 80.0,
            due_date: date!(2027 - 01 - 31),
            cadence: CheckInCadence::EveryTwoWeeks,
        })
    );
}

fn errors(input: GoalInput) -> Vec<(&'static str, &'static str)> {
    match validate_goal(&input, TODAY) {
        Ok(_) => vec![],
        Err(e) => e.into_iter().map(|f| (f.field, f.code)).collect(),
    }
}

/// The good goal with one field changed.
fn with(field: &str, value: &str) -> GoalInput {
    let mut input = good();
    let slot = match field {
        "domain" => &mut input.domain,
        "statement" => &mut input.statement,
        "why_it_matters" => &mut input.why_it_matters,
        "measure_kind" => &mut input.measure_kind,
        "baseline" => &mut input.baseline,
        "target" => &mut input.target,
        "due_date" => &mut input.due_date,
        "cadence" => &mut input.cadence,
        other => panic!("no field {other}"),
    };
    *slot = value.to_string();
    input
}

#[test]
fn goal_form_table() {
    let x = |n: usize| "x".repeat(n);
    // (field, value, expected code or "" for valid)
    for (field, value, expected) in [
        ("domain", " ", "required"),
        ("domain", "sports", "invalid_choice"),
        ("domain", "sep", ""),
        ("statement", "   ", "required"),
        ("statement", " Read ", "too_short"),
        ("statement", "Read!", ""),
        ("statement", &x(300), ""),
        ("statement", &x(301), "too_long"),
        // Characters, not bytes: 300 accented letters are 600 bytes.
        ("statement", &"é".repeat(300), ""),
        ("why_it_matters", "", ""),
        ("why_it_matters", &x(1000), ""),
        ("why_it_matters", &x(1001), "too_long"),
        ("measure_kind", "", "required"),
        ("measure_kind", "grade", "invalid_choice"),
        ("baseline", "", "required"),
        ("baseline", "120", "invalid_measure_value"),
        ("target", "", "required"),
        ("target", "high", "invalid_measure_value"),
        ("target", "68.0", "target_equals_baseline"),
        ("due_date", "", "required"),
        ("due_date", "01/31/2027", "invalid_date"),
        ("due_date", "2027-02-30", "invalid_date"),
        ("due_date", "2026-09-15", ""),
        ("due_date", "2026-09-14", "date_in_past"),
        ("due_date", "2032-09-15", ""),
        ("due_date", "2032-09-16", "date_too_far"),
        ("cadence", "", "required"),
        ("cadence", "daily", "invalid_choice"),
        ("cadence", "monthly", ""),
    ] {
        let expected: Vec<(&str, &str)> = match expected {
            "" => vec![],
            code => vec![(field, code)],
        };
        assert_eq!(errors(with(field, value)), expected, "{field} = {value:?}");
    }
}

#[test]
fn values_are_parsed_by_the_measure_kind() {
    for (kind, baseline, target, expected) in [
        ("yes_no", "no", "yes", vec![]),
        ("yes_no", "0", "false", vec![("target", "target_equals_baseline")]),
        // Reducing absences: a target below the baseline is fine.
        ("count", "12", "3", vec![]),
        ("count", "12", "3.5", vec![("target", "invalid_measure_value")]),
        ("scale", "2", "4", vec![]),
        (
            "scale",
            "0",
            "6",
            vec![
                ("baseline", "invalid_measure_value"),
                ("target", "invalid_measure_value"),
            ],
        ),
    ] {
        let input = GoalInput {
            measure_kind: kind.into(),
            baseline: baseline.into(),
            target: target.into(),
            ..good()
        };
        assert_eq!(errors(input), expected, "{kind}: {baseline} -> {target}");
    }
}

#[test]
fn every_problem_is_reported_at_once_in_form_order() {
    let input = GoalInput {
        domain: "x".into(),
        statement: "hi".into(),
        why_it_matters: "y".repeat(1001),
        measure_kind: "scale".into(),
        baseline: "0".into(),
        target: "9".into(),
        due_date: "2020-01-01".into(),
        cadence: "".into(),
    };
    assert_eq!(
        errors(input),
        [
            ("domain", "invalid_choice"),
            ("statement", "too_short"),
            ("why_it_matters", "too_long"),
            ("baseline", "invalid_measure_value"),
            ("target", "invalid_measure_value"),
            ("due_date", "date_in_past"),
            ("cadence", "required"),
        ]
    );
}

#[test]
fn values_are_not_judged_without_a_measure_kind() {
    let input = GoalInput {
        measure_kind: "".into(),
        baseline: "".into(),
        target: "anything".into(),
        ..good()
    };
    assert_eq!(errors(input), [("measure_kind", "required")]);
}

#[test]
fn six_years_from_leap_day_is_february_28() {
    let leap_day = date!(2028 - 02 - 29);
    let ok = GoalInput {
        due_date: "2034-02-28".into(),
        ..good()
    };
    let too_far = GoalInput {
        due_date: "2034-03-01".into(),
        ..good()
    };
    assert!(validate_goal(&ok, leap_day).is_ok());
    assert_eq!(
        validate_goal(&too_far, leap_day).map_err(|e| e[0].code),
        Err("date_too_far")
    );
}

#[test]
fn progress_table() {
    for (baseline, target, latest, expected) in [
        (68.0, 80.0, None, 0.0),
        (68.0, 80.0, Some(68.0), 0.0),
        (68.0, 80.0, Some(74.0), 0.5),
        (68.0, 80.0, Some(80.0), 1.0),
        (68.0, 80.0, Some(95.0), 1.0),
        (68.0, 80.0, Some(50.0), 0.0),
        // Reducing absences from 12 to 4.
        (12.0, 4.0, Some(10.0), 0.25),
        (12.0, 4.0, Some(4.0), 1.0),
        (12.0, 4.0, Some(0.0), 1.0),
        (12.0, 4.0, Some(15.0), 0.0),
        (0.0, 1.0, Some(1.0), 1.0),
        (68.0, 80.0, Some(f64::NAN), 0.0),
        (5.0, 5.0, Some(5.0), 1.0),
    ] {
        assert_eq!(
            progress(baseline, target, latest),
            expected,
            "{baseline} -> {target} at {latest:?}"
        );
    }
}

#[test]
fn check_in_dates() {
    let activated = date!(2026 - 09 - 01);
    assert_eq!(days_since_check_in(Some(activated), None, TODAY), Some(14));
    assert_eq!(
        days_since_check_in(Some(activated), Some(date!(2026 - 09 - 10)), TODAY),
        Some(5)
    );
    assert_eq!(days_since_check_in(None, None, TODAY), None);
    assert_eq!(
        next_check_in_due(CheckInCadence::Weekly, activated, None),
        date!(2026 - 09 - 08)
    );
    assert_eq!(
        next_check_in_due(CheckInCadence::Monthly, activated, Some(date!(2026 - 09 - 10))),
        date!(2026 - 10 - 10)
    );
}
