//! The up-to-date rule as tables: a plan that passes, then each condition
//! failing alone, several together, and the boundary days.

use super::*;
use time::macros::date;
use time::Duration;

/// In the 2026–27 school year.
const TODAY: Date = date!(2026 - 10 - 20);
const THIS_YEAR: SchoolYear = SchoolYear(2027);

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn days_ago(n: i64) -> Date {
    TODAY - Duration::days(n)
}

fn signed_review() -> ReviewFacts {
    ReviewFacts {
        school_year: THIS_YEAR,
        student_signed: true,
        manager_signed: true,
        guardian_signed: true,
        guardian_attempt_logged: false,
    }
}

fn goal(n: u128, domain: PlanDomain, status: GoalStatus) -> GoalFacts {
    GoalFacts {
        id: id(n),
        domain,
        status,
        cadence: CheckInCadence::Weekly,
        activated_on: Some(days_ago(30)),
        last_check_in: Some(days_ago(3)),
    }
}

fn activity(key: &str, due: Date, state: ActivityState) -> ActivityFacts {
    ActivityFacts {
        key: key.into(),
        due,
        state,
        required: true,
    }
}

/// A plan that meets every condition.
fn up_to_date_plan() -> PlanFacts {
    PlanFacts {
        today: TODAY,
        review: Some(signed_review()),
        goals: vec![
            goal(1, PlanDomain::Academic, GoalStatus::Active),
            goal(2, PlanDomain::Career, GoalStatus::Met),
            goal(3, PlanDomain::Sep, GoalStatus::Active),
        ],
        activities: vec![
            activity("g9_interest_inventory", date!(2026 - 09 - 30), ActivityState::Done),
            activity("g9_annual_review", date!(2026 - 10 - 15), ActivityState::Exempt),
            activity(
                "g9_four_year_plan_review",
                date!(2026 - 11 - 30),
                ActivityState::Pending,
            ),
        ],
    }
}

fn failures(facts: &PlanFacts) -> Vec<Failure> {
    UpToDateRule::default().evaluate(facts).failures
}

#[test]
fn a_complete_plan_is_up_to_date() {
    let verdict = UpToDateRule::default().evaluate(&up_to_date_plan());
    assert_eq!(
        verdict,
        UpToDate {
            up_to_date: true,
            failures: vec![]
        }
    );
    assert!(Condition::ALL.into_iter().all(|c| verdict.holds(c)));
}

#[test]
fn each_condition_failing_alone() {
    type Change = fn(&mut PlanFacts);
    let cases: Vec<(&str, Change, Vec<Failure>)> = vec![
        (
            "(a) never reviewed",
            |f| f.review = None,
            vec![Failure::NotReviewedThisYear { last_reviewed: None }],
        ),
        (
            "(a) reviewed last school year",
            |f| {
                f.review = Some(ReviewFacts {
                    school_year: SchoolYear(2026),
                    ..signed_review()
                })
            },
            vec![Failure::NotReviewedThisYear {
                last_reviewed: Some(SchoolYear(2026)),
            }],
        ),
        (
            "(a) student has not signed",
            |f| {
                f.review = Some(ReviewFacts {
                    student_signed: false,
                    ..signed_review()
                })
            },
            vec![Failure::MissingSignature { who: Signer::Student }],
        ),
        (
            "(a) plan manager has not signed",
            |f| {
                f.review = Some(ReviewFacts {
                    manager_signed: false,
                    ..signed_review()
                })
            },
            vec![Failure::MissingSignature {
                who: Signer::PlanManager,
            }],
        ),
        (
            "(a) no guardian signature and no attempt",
            |f| {
                f.review = Some(ReviewFacts {
                    guardian_signed: false,
                    ..signed_review()
                })
            },
            vec![Failure::MissingSignature { who: Signer::Guardian }],
        ),
        (
            "(b) no academic goal",
            |f| f.goals.retain(|g| g.domain != PlanDomain::Academic),
            vec![Failure::NoGoalInDomain(PlanDomain::Academic)],
        ),
        (
            "(b) the career goal is only a draft",
            |f| f.goals[1].status = GoalStatus::Draft,
            vec![Failure::NoGoalInDomain(PlanDomain::Career)],
        ),
        (
            "(b) the SEP goal was not met",
            |f| f.goals[2].status = GoalStatus::NotMet,
            vec![Failure::NoGoalInDomain(PlanDomain::Sep)],
        ),
        (
            "(c) an active goal's check-in is overdue",
            |f| f.goals[0].last_check_in = Some(days_ago(20)),
            vec![Failure::CheckInOverdue {
                goal: id(1),
                days_since: 20,
                allowed: 14,
            }],
        ),
        (
            "(d) a required activity is overdue",
            |f| f.activities[1].state = ActivityState::Pending,
            vec![Failure::ActivityOverdue {
                key: "g9_annual_review".into(),
                due: date!(2026 - 10 - 15),
            }],
        ),
    ];
    for (name, change, expected) in cases {
        let mut facts = up_to_date_plan();
        change(&mut facts);
        let verdict = UpToDateRule::default().evaluate(&facts);
        assert!(!verdict.up_to_date, "{name}");
        assert_eq!(verdict.failures, expected, "{name}");
        let failed: Vec<Condition> = Condition::ALL.into_iter().filter(|c| !verdict.holds(*c)).collect();
        assert_eq!(failed.len(), 1, "{name}: only one condition fails");
    }
}

#[test]
fn several_conditions_fail_together_in_order() {
    let mut facts = up_to_date_plan();
    facts.review = Some(ReviewFacts {
        student_signed: false,
        guardian_signed: false,
        ..signed_review()
    });
    facts.goals = vec![goal(9, PlanDomain::Career, GoalStatus::Active)];
    facts.goals[0].last_check_in = None;
    facts.goals[0].activated_on = Some(days_ago(40));
    facts.activities[0].state = ActivityState::Pending;
    let verdict = UpToDateRule::default().evaluate(&facts);
    assert!(!verdict.up_to_date);
    assert_eq!(
        verdict.failures,
        [
            Failure::MissingSignature { who: Signer::Student },
            Failure::MissingSignature { who: Signer::Guardian },
            Failure::NoGoalInDomain(PlanDomain::Academic),
            Failure::NoGoalInDomain(PlanDomain::Sep),
            Failure::CheckInOverdue {
                goal: id(9),
                days_since: 40,
                allowed: 14
            },
            Failure::ActivityOverdue {
                key: "g9_interest_inventory".into(),
                due: date!(2026 - 09 - 30)
            },
        ]
    );
    let codes: Vec<&str> = verdict.failures.iter().map(Failure::code).collect();
    assert_eq!(
        codes,
        [
            "missing_signature",
            "missing_signature",
            "no_goal_in_domain",
            "no_goal_in_domain",
            "check_in_overdue",
            "activity_overdue"
        ]
    );
    let letters: Vec<char> = verdict.failures.iter().map(|f| f.condition().letter()).collect();
    assert_eq!(letters, ['a', 'a', 'b', 'b', 'c', 'd']);
}

#[test]
fn an_empty_plan_fails_everything_it_can() {
    let facts = PlanFacts {
        today: TODAY,
        review: None,
        goals: vec![],
        activities: vec![],
    };
    let codes: Vec<&str> = failures(&facts).iter().map(Failure::code).collect();
    assert_eq!(
        codes,
        [
            "not_reviewed_this_year",
            "no_goal_in_domain",
            "no_goal_in_domain",
            "no_goal_in_domain"
        ]
    );
}

#[test]
fn last_years_review_reports_no_missing_signatures() {
    let mut facts = up_to_date_plan();
    facts.review = Some(ReviewFacts {
        school_year: SchoolYear(2026),
        student_signed: false,
        manager_signed: false,
        guardian_signed: false,
        guardian_attempt_logged: false,
    });
    assert_eq!(
        failures(&facts),
        [Failure::NotReviewedThisYear {
            last_reviewed: Some(SchoolYear(2026))
        }]
    );
}

#[test]
fn the_school_year_turns_on_july_first() {
    let mut facts = up_to_date_plan();
    facts.review = Some(ReviewFacts {
        school_year: SchoolYear(2026),
        ..signed_review()
    });
    for g in &mut facts.goals {
        g.activated_on = Some(date!(2026 - 06 - 01));
        g.last_check_in = Some(date!(2026 - 06 - 25));
    }
    facts.activities.clear();
    facts.today = date!(2026 - 06 - 30);
    assert!(UpToDateRule::default().evaluate(&facts).up_to_date);
    facts.today = date!(2026 - 07 - 01);
    assert_eq!(
        failures(&facts),
        [Failure::NotReviewedThisYear {
            last_reviewed: Some(SchoolYear(2026))
        }]
    );
}

#[test]
fn guardian_part_of_the_review_table() {
    for (signed, attempt, required, ok) in [
        (true, false, true, true),
        (false, true, true, true),
        (true, true, true, true),
        (false, false, true, false),
        (false, false, false, true),
        (true, false, false, true),
    ] {
        let mut facts = up_to_date_plan();
        facts.review = Some(ReviewFacts {
            guardian_signed: signed,
            guardian_attempt_logged: attempt,
            ..signed_review()
        });
        let rule = UpToDateRule {
            require_guardian_signature: required,
            ..UpToDateRule::default()
        };
        let verdict = rule.evaluate(&facts);
        assert_eq!(
            verdict.up_to_date, ok,
            "signed={signed} attempt={attempt} required={required}"
        );
    }
}

#[test]
fn turning_off_the_guardian_signature_still_needs_student_and_manager() {
    let mut facts = up_to_date_plan();
    facts.review = Some(ReviewFacts {
        student_signed: false,
        manager_signed: false,
        guardian_signed: false,
        ..signed_review()
    });
    let rule = UpToDateRule {
        require_guardian_signature: false,
        ..UpToDateRule::default()
    };
    assert_eq!(
        rule.evaluate(&facts).failures,
        [
            Failure::MissingSignature { who: Signer::Student },
            Failure::MissingSignature {
                who: Signer::PlanManager
            },
        ]
    );
}

#[test]
fn check_in_boundary_days() {
    // (cadence, grace, days since last check-in, overdue?)
    for (cadence, grace, days, overdue) in [
        (CheckInCadence::Weekly, 7, 14, false),
        (CheckInCadence::Weekly, 7, 15, true),
        (CheckInCadence::EveryTwoWeeks, 7, 21, false),
        (CheckInCadence::EveryTwoWeeks, 7, 22, true),
        (CheckInCadence::Monthly, 7, 37, false),
        (CheckInCadence::Monthly, 7, 38, true),
        (CheckInCadence::Weekly, 0, 7, false),
        (CheckInCadence::Weekly, 0, 8, true),
        (CheckInCadence::Monthly, 14, 44, false),
        (CheckInCadence::Monthly, 14, 45, true),
        // A negative grace is treated as none.
        (CheckInCadence::Weekly, -3, 7, false),
        // A check-in dated after today is not overdue.
        (CheckInCadence::Weekly, 7, -2, false),
    ] {
        let mut facts = up_to_date_plan();
        facts.goals[0].cadence = cadence;
        facts.goals[0].activated_on = Some(days_ago(100));
        facts.goals[0].last_check_in = Some(days_ago(days));
        let rule = UpToDateRule {
            grace_days: grace,
            ..UpToDateRule::default()
        };
        let expected = if overdue {
            vec![Failure::CheckInOverdue {
                goal: id(1),
                days_since: days,
                allowed: cadence.days() + grace.max(0),
            }]
        } else {
            vec![]
        };
        assert_eq!(
            rule.evaluate(&facts).failures,
            expected,
            "{} grace {grace} after {days} days",
            cadence.as_str()
        );
    }
}

#[test]
fn a_goal_never_checked_in_counts_from_its_activation() {
    for (activated_days_ago, overdue) in [(14, false), (15, true)] {
        let mut facts = up_to_date_plan();
        facts.goals[0].last_check_in = None;
        facts.goals[0].activated_on = Some(days_ago(activated_days_ago));
        assert_eq!(
            !failures(&facts).is_empty(),
            overdue,
            "activated {activated_days_ago} days ago"
        );
    }
}

#[test]
fn an_active_goal_with_no_dates_counts_from_the_start_of_the_school_year() {
    let mut facts = up_to_date_plan();
    facts.goals[0].last_check_in = None;
    facts.goals[0].activated_on = None;
    assert_eq!(
        failures(&facts),
        [Failure::CheckInOverdue {
            goal: id(1),
            days_since: (TODAY - THIS_YEAR.start()).whole_days(),
            allowed: 14
        }]
    );
}

#[test]
fn only_active_goals_need_check_ins() {
    let mut facts = up_to_date_plan();
    facts.goals.push(GoalFacts {
        last_check_in: Some(days_ago(200)),
        ..goal(4, PlanDomain::Academic, GoalStatus::Met)
    });
    for status in [
        GoalStatus::Draft,
        GoalStatus::NotMet,
        GoalStatus::Revised,
        GoalStatus::Discontinued,
    ] {
        facts.goals.push(GoalFacts {
            activated_on: None,
            last_check_in: None,
            ..goal(5, PlanDomain::Sep, status)
        });
    }
    assert_eq!(failures(&facts), []);
}

#[test]
fn activity_boundary_and_scope_table() {
    // (due, state, required, overdue?)
    for (due, state, required, overdue) in [
        (date!(2026 - 10 - 19), ActivityState::Pending, true, true),
        // Due today: not late until tomorrow.
        (date!(2026 - 10 - 20), ActivityState::Pending, true, false),
        (date!(2026 - 10 - 21), ActivityState::Pending, true, false),
        (date!(2026 - 10 - 19), ActivityState::Done, true, false),
        (date!(2026 - 10 - 19), ActivityState::Exempt, true, false),
        // Optional activities never count.
        (date!(2026 - 09 - 01), ActivityState::Pending, false, false),
        // First day of this school year counts; last year's do not.
        (date!(2026 - 07 - 01), ActivityState::Pending, true, true),
        (date!(2026 - 06 - 30), ActivityState::Pending, true, false),
    ] {
        let mut facts = up_to_date_plan();
        facts.activities = vec![ActivityFacts {
            key: "k".into(),
            due,
            state,
            required,
        }];
        let expected = if overdue {
            vec![Failure::ActivityOverdue { key: "k".into(), due }]
        } else {
            vec![]
        };
        assert_eq!(failures(&facts), expected, "{due} {state:?} required={required}");
    }
}

#[test]
fn failure_codes_and_conditions_are_stable() {
    for (failure, code, condition) in [
        (
            Failure::NotReviewedThisYear { last_reviewed: None },
            "not_reviewed_this_year",
            Condition::Reviewed,
        ),
        (
            Failure::MissingSignature { who: Signer::Guardian },
            "missing_signature",
            Condition::Reviewed,
        ),
        (
            Failure::NoGoalInDomain(PlanDomain::Sep),
            "no_goal_in_domain",
            Condition::GoalsInEveryDomain,
        ),
        (
            Failure::CheckInOverdue {
                goal: id(1),
                days_since: 1,
                allowed: 0,
            },
            "check_in_overdue",
            Condition::CheckInsCurrent,
        ),
        (
            Failure::ActivityOverdue {
                key: "k".into(),
                due: TODAY,
            },
            "activity_overdue",
            Condition::ActivitiesDone,
        ),
    ] {
        assert_eq!(failure.code(), code);
        assert_eq!(failure.condition(), condition, "{code}");
    }
    let keys: Vec<(char, &str)> = Condition::ALL.into_iter().map(|c| (c.letter(), c.as_str())).collect();
    assert_eq!(
        keys,
        [
            ('a', "reviewed"),
            ('b', "goals_in_every_domain"),
            ('c', "check_ins_current"),
            ('d', "activities_done")
        ]
    );
}

#[test]
fn default_rule_is_seven_days_grace_with_guardian() {
    assert_eq!(
        UpToDateRule::default(),
        UpToDateRule {
            grace_days: 7,
            require_guardian_signature: true
        }
    );
    assert_eq!(UpToDateRule::default().allowed_days(CheckInCadence::Monthly), 37);
}
