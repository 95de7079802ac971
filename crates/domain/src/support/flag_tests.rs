use time::macros::date;
use uuid::Uuid;

use super::*;
use crate::support::tests::codes;

const TODAY: Date = date!(2026 - 03 - 02);

fn note() -> ResolutionNote {
    ResolutionNote::parse("Attendance contract signed; absences down.").unwrap()
}

fn person(n: u128) -> PersonId {
    PersonId(Uuid::from_u128(n))
}

#[test]
fn flag_kinds_and_statuses_round_trip_their_keys() {
    for k in FlagKind::ALL {
        assert_eq!(FlagKind::parse(k.key()), Ok(*k));
    }
    for s in FlagStatus::ALL {
        assert_eq!(FlagStatus::parse(s.key()), Ok(*s));
    }
    assert_eq!(
        FlagKind::ALL.iter().map(|k| k.key()).collect::<Vec<_>>(),
        [
            "chronic_absence",
            "suspension",
            "course_failure",
            "low_gpa",
            "grade9_off_track"
        ]
    );
    assert_eq!(FlagKind::parse("truancy").unwrap_err().code, "unknown_flag_kind");
}

#[test]
fn every_legal_flag_move() {
    use FlagStatus::*;
    let cases = [
        (Open, FlagEvent::Acknowledge, Acknowledged),
        (Open, FlagEvent::StartWork, InProgress),
        (Acknowledged, FlagEvent::StartWork, InProgress),
        (Acknowledged, FlagEvent::Resolve(note()), Resolved),
        (InProgress, FlagEvent::Resolve(note()), Resolved),
        (Open, FlagEvent::Clear, Cleared),
        (Acknowledged, FlagEvent::Clear, Cleared),
        (InProgress, FlagEvent::Clear, Cleared),
        (Resolved, FlagEvent::Clear, Cleared),
        (Cleared, FlagEvent::Reopen, Open),
    ];
    for (from, event, to) in cases {
        assert_eq!(transition(from, &event), Ok(to), "{} {}", from.key(), event.key());
    }
}

#[test]
fn illegal_flag_moves_are_refused_with_a_code() {
    use FlagStatus::*;
    let cases = [
        (Open, FlagEvent::Resolve(note())),
        (Acknowledged, FlagEvent::Acknowledge),
        (InProgress, FlagEvent::Acknowledge),
        (Resolved, FlagEvent::StartWork),
        (Resolved, FlagEvent::Reopen),
        (Cleared, FlagEvent::Clear),
        (Cleared, FlagEvent::Acknowledge),
        (Open, FlagEvent::Reopen),
    ];
    for (from, event) in cases {
        let err = transition(from, &event).unwrap_err();
        assert_eq!(
            (err.code, err.from, err.event),
            (ILLEGAL_FLAG_MOVE, from.key(), event.key())
        );
    }
}

#[test]
fn staff_work_flags_and_the_system_clears_and_reopens_them() {
    assert_eq!(FlagEvent::Resolve(note()).by(), Mover::Staff);
    assert_eq!(FlagEvent::StartWork.by(), Mover::Staff);
    assert_eq!(FlagEvent::Clear.by(), Mover::System);
    assert_eq!(FlagEvent::Reopen.by(), Mover::System);
}

#[test]
fn the_system_clears_what_no_longer_fires_and_reopens_a_relapse() {
    use FlagStatus::*;
    assert_eq!(system_move(Open, false), Some(FlagEvent::Clear));
    assert_eq!(system_move(InProgress, false), Some(FlagEvent::Clear));
    assert_eq!(system_move(Resolved, false), Some(FlagEvent::Clear));
    assert_eq!(system_move(Cleared, true), Some(FlagEvent::Reopen));
    assert_eq!(system_move(Resolved, true), None, "a resolved flag stays resolved");
    assert_eq!(system_move(Acknowledged, true), None);
    assert_eq!(system_move(Cleared, false), None);
}

#[test]
fn only_open_acknowledged_and_in_progress_flags_are_active() {
    let active: Vec<_> = FlagStatus::ALL
        .iter()
        .filter(|s| s.is_active())
        .map(|s| s.key())
        .collect();
    assert_eq!(active, ["open", "acknowledged", "in_progress"]);
}

#[test]
fn resolving_needs_a_note() {
    assert_eq!(
        codes(ResolutionNote::parse("  ").unwrap_err()),
        vec![("note", "required")]
    );
    assert_eq!(
        ResolutionNote::parse(&"n".repeat(2001)).unwrap_err().error,
        "invalid_flag_resolution"
    );
}

#[test]
fn a_next_step_needs_text_and_a_due_date_not_in_the_past() {
    let ok = NextStep::parse("Call home about absences", "2026-03-02", TODAY).unwrap();
    assert_eq!(ok.due_on, TODAY);
    let cases = [
        ("Call home", "", vec![("due_on", "next_step_without_date")]),
        ("Call home", "2026-03-01", vec![("due_on", "date_in_past")]),
        ("Call home", "next week", vec![("due_on", "invalid_date")]),
        ("", "2026-04-01", vec![("text", "required")]),
    ];
    for (text, due, want) in cases {
        let err = NextStep::parse(text, due, TODAY).unwrap_err();
        assert_eq!(err.error, "invalid_next_step");
        assert_eq!(codes(err), want, "{text:?} {due:?}");
    }
    let long = "x".repeat(501);
    assert_eq!(
        codes(NextStep::parse(&long, "2026-04-01", TODAY).unwrap_err()),
        vec![("text", "too_long")]
    );
}

#[test]
fn a_next_step_is_overdue_the_day_after_it_is_due() {
    assert!(!overdue(TODAY, TODAY));
    assert!(overdue(date!(2026 - 03 - 01), TODAY));
    assert!(!overdue(date!(2026 - 03 - 03), TODAY));
}

#[test]
fn routing_parses_from_the_settings_form() {
    let r = Routing::parse(&[
        ("chronic_absence", "social_worker"),
        ("low_gpa", ""),
        ("suspension", "school-admin"),
    ])
    .unwrap();
    assert_eq!(r.role_for(FlagKind::ChronicAbsence), Some(StaffRole::SocialWorker));
    assert_eq!(r.role_for(FlagKind::LowGpa), None, "blank is the plan manager");
    assert_eq!(r.role_for(FlagKind::Suspension), Some(StaffRole::SchoolAdmin));
    assert_eq!(r.routes().count(), 2);
}

#[test]
fn routing_refuses_unknown_kinds_roles_district_roles_and_duplicates() {
    let err = Routing::parse(&[
        ("truancy", "counselor"),
        ("low_gpa", "janitor"),
        ("suspension", "district_admin"),
        ("chronic_absence", "nurse"),
        ("chronic_absence", "counselor"),
    ])
    .unwrap_err();
    assert_eq!(err.error, "invalid_flag_routing");
    assert_eq!(
        codes(err),
        vec![
            ("kind", "unknown_choice"),
            ("low_gpa", "unknown_choice"),
            ("suspension", "not_a_school_role"),
            ("chronic_absence", "duplicate"),
        ]
    );
}

#[test]
fn the_plan_manager_owns_a_flag_by_default() {
    let pm = person(1);
    let staff = [(StaffRole::Counselor, person(2))];
    let owner = choose_owner(FlagKind::LowGpa, &Routing::new(), Some(pm), &staff).unwrap();
    assert_eq!(
        owner,
        Owner {
            person: pm,
            basis: OwnerBasis::PlanManager
        }
    );
}

#[test]
fn a_routed_kind_goes_to_the_first_holder_of_the_role() {
    let routing = Routing::new().route(FlagKind::ChronicAbsence, StaffRole::SocialWorker);
    let staff = [
        (StaffRole::Counselor, person(2)),
        (StaffRole::SocialWorker, person(3)),
        (StaffRole::SocialWorker, person(4)),
    ];
    let owner = choose_owner(FlagKind::ChronicAbsence, &routing, Some(person(1)), &staff).unwrap();
    assert_eq!(
        owner,
        Owner {
            person: person(3),
            basis: OwnerBasis::Routed(StaffRole::SocialWorker)
        }
    );
    let other = choose_owner(FlagKind::Suspension, &routing, Some(person(1)), &staff).unwrap();
    assert_eq!(other.basis, OwnerBasis::PlanManager, "only the routed kind is routed");
}

#[test]
fn a_routed_role_nobody_holds_falls_back_to_the_plan_manager() {
    let routing = Routing::new().route(FlagKind::Suspension, StaffRole::SchoolAdmin);
    let staff = [(StaffRole::Counselor, person(2))];
    let owner = choose_owner(FlagKind::Suspension, &routing, Some(person(1)), &staff).unwrap();
    assert_eq!(owner.basis, OwnerBasis::PlanManager);
}

#[test]
fn without_a_plan_manager_the_fallback_order_decides() {
    let staff = [
        (StaffRole::Teacher, person(5)),
        (StaffRole::SchoolAdmin, person(6)),
        (StaffRole::Nurse, person(7)),
    ];
    let owner = choose_owner(FlagKind::CourseFailure, &Routing::new(), None, &staff).unwrap();
    assert_eq!(
        owner,
        Owner {
            person: person(6),
            basis: OwnerBasis::Fallback(StaffRole::SchoolAdmin)
        }
    );
    let only_teacher = [(StaffRole::Teacher, person(5))];
    let owner = choose_owner(FlagKind::CourseFailure, &Routing::new(), None, &only_teacher).unwrap();
    assert_eq!(
        owner.basis,
        OwnerBasis::Fallback(StaffRole::Teacher),
        "anyone is better than no one"
    );
}

#[test]
fn nobody_at_all_is_a_clear_none() {
    assert_eq!(choose_owner(FlagKind::LowGpa, &Routing::new(), None, &[]), None);
}

#[test]
fn the_fallback_order_names_every_staff_role_once() {
    for role in StaffRole::ALL {
        assert_eq!(
            FALLBACK_ORDER.iter().filter(|r| **r == role).count(),
            1,
            "{}",
            role.as_str()
        );
    }
}
