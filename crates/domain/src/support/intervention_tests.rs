use time::macros::date;

use super::*;
use crate::support::strategy::default_library;
use crate::support::tests::codes;

const TODAY: Date = date!(2026 - 03 - 02);
const START: Date = date!(2026 - 02 - 02);
const OWNER: &str = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

fn raw<'a>() -> InterventionRaw<'a> {
    InterventionRaw {
        strategy: "check_and_connect",
        tier: "",
        owner: OWNER,
        start_on: "2026-02-02",
        planned_weeks: "8",
        cadence: "weekly",
        measure: "days attended per week",
        baseline: "3",
        goal: "4.5",
    }
}

fn point(on: Date, value: f64) -> ProgressPoint {
    ProgressPoint {
        on,
        value,
        note: String::new(),
    }
}

#[test]
fn tiers_are_numbered_one_to_three() {
    let n: Vec<_> = Tier::ALL.iter().map(|t| (t.key(), t.number())).collect();
    assert_eq!(n, [("tier_1", 1), ("tier_2", 2), ("tier_3", 3)]);
}

#[test]
fn an_intervention_takes_its_strategys_tier_unless_one_is_chosen() {
    let lib = default_library();
    let i = raw().parse(&lib).unwrap();
    assert_eq!((i.strategy.as_str(), i.tier), ("check_and_connect", Tier::Targeted));
    assert_eq!(
        (i.planned_weeks, i.cadence, i.baseline, i.goal),
        (8, Cadence::Weekly, 3.0, 4.5)
    );
    assert_eq!(i.planned_end(), date!(2026 - 03 - 30));
    let intensified = InterventionRaw {
        tier: "tier_3",
        ..raw()
    }
    .parse(&lib)
    .unwrap();
    assert_eq!(intensified.tier, Tier::Intensive);
}

#[test]
fn an_intervention_names_every_bad_field() {
    let bad = InterventionRaw {
        strategy: "yoga",
        tier: "tier_9",
        owner: "someone",
        start_on: "soon",
        planned_weeks: "53",
        cadence: "daily",
        measure: "",
        baseline: "lots",
        goal: "2e7",
    };
    let err = bad.parse(&default_library()).unwrap_err();
    assert_eq!(err.error, "invalid_intervention");
    assert_eq!(
        codes(err),
        vec![
            ("strategy", "unknown_choice"),
            ("tier", "unknown_choice"),
            ("owner", "invalid_id"),
            ("start_on", "invalid_date"),
            ("planned_weeks", "out_of_range"),
            ("cadence", "unknown_choice"),
            ("measure", "required"),
            ("baseline", "invalid_number"),
            ("goal", "out_of_range"),
        ]
    );
}

#[test]
fn an_intervention_needs_its_required_fields_and_a_goal_that_moves() {
    let blank = InterventionRaw {
        strategy: "",
        owner: "",
        planned_weeks: "0",
        cadence: "",
        goal: "3.0",
        ..raw()
    };
    assert_eq!(
        codes(blank.parse(&default_library()).unwrap_err()),
        vec![
            ("strategy", "required"),
            ("owner", "required"),
            ("planned_weeks", "out_of_range"),
            ("cadence", "required"),
            ("goal", "same_as_baseline"),
        ]
    );
    assert_eq!(
        codes(
            InterventionRaw { goal: "NaN", ..raw() }
                .parse(&default_library())
                .unwrap_err()
        ),
        vec![("goal", "invalid_number")]
    );
}

#[test]
fn a_progress_point_falls_between_the_start_and_today() {
    let p = ProgressPoint::parse("2026-02-09", "3.5", "Came every day but Friday", START, TODAY).unwrap();
    assert_eq!((p.on, p.value), (date!(2026 - 02 - 09), 3.5));
    assert!(
        ProgressPoint::parse("2026-02-02", "3", "", START, TODAY).is_ok(),
        "on the start"
    );
    assert!(
        ProgressPoint::parse("2026-03-02", "3", "", START, TODAY).is_ok(),
        "today"
    );
    let cases = [
        ("2026-02-01", "3", vec![("on", "before_start")]),
        ("2026-03-03", "3", vec![("on", "in_future")]),
        ("", "", vec![("on", "required"), ("value", "required")]),
    ];
    for (on, value, want) in cases {
        let err = ProgressPoint::parse(on, value, "", START, TODAY).unwrap_err();
        assert_eq!(err.error, "invalid_progress_point");
        assert_eq!(codes(err), want, "{on:?}");
    }
    let long = "n".repeat(501);
    assert_eq!(
        codes(ProgressPoint::parse("2026-02-09", "3", &long, START, TODAY).unwrap_err()),
        vec![("note", "too_long")]
    );
}

#[test]
fn the_next_check_is_one_cadence_after_the_latest_point() {
    let points = [point(date!(2026 - 02 - 16), 3.5), point(date!(2026 - 02 - 09), 3.0)];
    let due = next_check_due(START, Cadence::Weekly, &points, TODAY);
    assert_eq!(
        due,
        CheckDue {
            due_on: date!(2026 - 02 - 23),
            overdue: true
        }
    );
    let due = next_check_due(START, Cadence::Monthly, &points, TODAY);
    assert_eq!(
        due,
        CheckDue {
            due_on: date!(2026 - 03 - 18),
            overdue: false
        }
    );
}

#[test]
fn before_any_point_the_first_check_is_one_cadence_after_the_start() {
    let due = next_check_due(START, Cadence::EveryTwoWeeks, &[], date!(2026 - 02 - 16));
    assert_eq!(
        due,
        CheckDue {
            due_on: date!(2026 - 02 - 16),
            overdue: false
        }
    );
    assert!(next_check_due(START, Cadence::EveryTwoWeeks, &[], date!(2026 - 02 - 17)).overdue);
}

#[test]
fn an_active_intervention_completes_or_is_discontinued_with_an_outcome() {
    use InterventionStatus::*;
    let done = InterventionEvent::Complete(Outcome::PartlyMet);
    assert_eq!(Active.transition(done), Ok(Completed));
    assert_eq!(done.outcome(), Outcome::PartlyMet);
    assert_eq!(
        Active.transition(InterventionEvent::Discontinue(Outcome::NotMet)),
        Ok(Discontinued)
    );
}

#[test]
fn a_finished_intervention_cannot_end_again() {
    use InterventionStatus::*;
    for from in [Completed, Discontinued] {
        for event in [
            InterventionEvent::Complete(Outcome::Met),
            InterventionEvent::Discontinue(Outcome::Met),
        ] {
            let err = from.transition(event).unwrap_err();
            assert_eq!(
                (err.code, err.from, err.event),
                (ILLEGAL_INTERVENTION_MOVE, from.key(), event.key())
            );
        }
    }
}

#[test]
fn the_chart_draws_points_against_a_straight_goal_line() {
    let points = [point(date!(2026 - 02 - 16), 3.5), point(date!(2026 - 02 - 09), 2.5)];
    let c = progress_chart(START, 8, 3.0, 4.5, &points);
    assert_eq!(c.planned_days, 56);
    assert_eq!(c.goal_line, [(0, 3.0), (56, 4.5)]);
    assert_eq!(c.points, [(7, 2.5), (14, 3.5)], "in date order");
    assert_eq!((c.x_max, c.y_min, c.y_max), (56, 2.5, 4.5));
    assert_eq!(c.expected_at(28), 3.75);
    assert_eq!(c.expected_at(0), 3.0);
    assert_eq!(
        c.expected_at(90),
        4.5,
        "after the planned end the line stays at the goal"
    );
}

#[test]
fn the_chart_works_for_goals_that_go_down_and_points_past_the_end() {
    let points = [point(date!(2026 - 04 - 13), 1.0)];
    let c = progress_chart(START, 4, 6.0, 2.0, &points);
    assert_eq!(c.goal_line, [(0, 6.0), (28, 2.0)]);
    assert_eq!((c.x_max, c.y_min, c.y_max), (70, 1.0, 6.0));
    assert_eq!(c.expected_at(14), 4.0);
}

#[test]
fn an_ending_names_its_event_and_outcome() {
    let e = Ending::parse("discontinue", "not_met", "Moved schools").unwrap();
    assert_eq!(e.event, InterventionEvent::Discontinue(Outcome::NotMet));
    assert_eq!(e.note, "Moved schools");
    let err = Ending::parse("pause", "", "").unwrap_err();
    assert_eq!(err.error, "invalid_ending");
    assert_eq!(codes(err), vec![("end", "unknown_choice"), ("outcome", "required")]);
}

#[test]
fn a_link_names_a_kind_and_an_id() {
    let id = uuid::Uuid::now_v7();
    let l = Link::parse("need", &id.to_string()).unwrap();
    assert_eq!((l.kind, l.target), (LinkKind::Need, id));
    let err = Link::parse("plan", "not-an-id").unwrap_err();
    assert_eq!(codes(err), vec![("kind", "unknown_choice"), ("target", "invalid_id")]);
}
