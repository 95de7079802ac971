//! The access matrix: every persona × record kind × action, positive and
//! negative, written out so a reviewer can read the policy at a glance.
//! `Y` allow, `B` break-glass (a reason is required), `-` deny.
//! Columns: View, Create, Edit, Sign, Export, Disclose.
//! Rows: Plan, Team, AccessLog, SharingChoice, Comment, shared / staff /
//! restricted-health / restricted-social notes, then the same four classes
//! of support records (flags, needs, interventions), decided as notes are.

use super::*;
use crate::StaffRole;

fn rel() -> Relationship {
    Relationship::default()
}

const MINOR: StudentFacts = StudentFacts {
    eligible: false,
    shares_with_guardians: false,
};
const ADULT: StudentFacts = StudentFacts {
    eligible: true,
    shares_with_guardians: false,
};
const ADULT_SHARING: StudentFacts = StudentFacts {
    eligible: true,
    shares_with_guardians: true,
};

const NOTHING: [&str; 13] = ["------"; 13];

fn personas() -> Vec<(&'static str, Relationship, StudentFacts, [&'static str; 13])> {
    vec![
        (
            "student (minor)",
            Relationship { is_self: true, ..rel() },
            MINOR,
            [
                "YYYYY-", "Y---Y-", "Y---Y-", "Y-----", "YY----", "Y-----", "------", "------", "------", "Y-----",
                "------", "------", "------",
            ],
        ),
        (
            "student (18+)",
            Relationship { is_self: true, ..rel() },
            ADULT,
            [
                "YYYYY-", "Y---Y-", "Y---Y-", "Y-Y---", "YY----", "Y-----", "------", "------", "------", "Y-----",
                "------", "------", "------",
            ],
        ),
        (
            "guardian with rights",
            Relationship {
                guardian_with_rights: Some(true),
                ..rel()
            },
            MINOR,
            [
                "Y--YY-", "Y-----", "Y-----", "------", "YY----", "Y-----", "------", "------", "------", "Y-----",
                "------", "------", "------",
            ],
        ),
        (
            "guardian without rights",
            Relationship {
                guardian_with_rights: Some(false),
                ..rel()
            },
            MINOR,
            NOTHING,
        ),
        (
            "guardian of an 18+ student who does not share",
            Relationship {
                guardian_with_rights: Some(true),
                ..rel()
            },
            ADULT,
            NOTHING,
        ),
        (
            "guardian of an 18+ student who shares",
            Relationship {
                guardian_with_rights: Some(true),
                ..rel()
            },
            ADULT_SHARING,
            [
                "Y--YY-", "Y-----", "Y-----", "------", "YY----", "Y-----", "------", "------", "------", "Y-----",
                "------", "------", "------",
            ],
        ),
        (
            "plan manager",
            Relationship {
                is_plan_manager: true,
                team_roles: vec![TeamRole::Counselor],
                ..rel()
            },
            MINOR,
            [
                "YYYYYY", "YYY-Y-", "Y---Y-", "Y---Y-", "YY----", "YYY-YY", "YYY-YY", "YYY-YY", "YYY-YY", "YYY-YY",
                "YYY-YY", "YYY-YY", "YYY-YY",
            ],
        ),
        (
            "team mentor",
            Relationship {
                team_roles: vec![TeamRole::MentorAdvisor],
                ..rel()
            },
            MINOR,
            [
                "YYY---", "Y-----", "------", "Y-----", "YY----", "YYY---", "YYY---", "------", "------", "YYY---",
                "YYY---", "------", "------",
            ],
        ),
        (
            "team nurse",
            Relationship {
                team_roles: vec![TeamRole::Nurse],
                ..rel()
            },
            MINOR,
            [
                "YYY---", "Y-----", "------", "Y-----", "YY----", "YYY---", "YYY---", "YYY---", "------", "YYY---",
                "YYY---", "YYY---", "------",
            ],
        ),
        (
            "team social worker",
            Relationship {
                team_roles: vec![TeamRole::SocialWorker],
                ..rel()
            },
            MINOR,
            [
                "YYY---", "Y-----", "------", "Y-----", "YY----", "YYY---", "YYY---", "------", "YYY---", "YYY---",
                "YYY---", "------", "YYY---",
            ],
        ),
        (
            "teacher of a current class",
            Relationship {
                teaches_student: true,
                school_roles: vec![StaffRole::Teacher],
                ..rel()
            },
            MINOR,
            [
                "YY----", "Y-----", "------", "Y-----", "YY----", "YYY---", "YYY---", "------", "------", "YYY---",
                "YYY---", "------", "------",
            ],
        ),
        (
            "counselor at the school, not on the team",
            Relationship {
                school_roles: vec![StaffRole::Counselor],
                ..rel()
            },
            MINOR,
            [
                "YYY-Y-", "YYY---", "------", "Y-----", "YY----", "YYY---", "YYY---", "B-----", "B-----", "YYY---",
                "YYY---", "B-----", "B-----",
            ],
        ),
        (
            "school administrator",
            Relationship {
                school_roles: vec![StaffRole::SchoolAdmin],
                ..rel()
            },
            MINOR,
            [
                "YYY-Y-", "YYY---", "Y-----", "Y-----", "YY----", "YYY---", "YYY---", "B-----", "B-----", "YYY---",
                "YYY---", "B-----", "B-----",
            ],
        ),
        (
            "school nurse, not on the team",
            Relationship {
                school_roles: vec![StaffRole::Nurse],
                ..rel()
            },
            MINOR,
            [
                "YYY---", "Y-----", "------", "Y-----", "YY----", "YYY---", "YYY---", "YYY---", "B-----", "YYY---",
                "YYY---", "YYY---", "B-----",
            ],
        ),
        (
            "district administrator",
            Relationship {
                district_admin: true,
                ..rel()
            },
            MINOR,
            [
                "YY--Y-", "YYY---", "Y---Y-", "Y-----", "YY----", "YY----", "YY----", "B-----", "B-----", "YY----",
                "YY----", "B-----", "B-----",
            ],
        ),
        (
            "family partnership specialist at the school, not on the team",
            Relationship {
                school_roles: vec![StaffRole::FamilyPartnershipSpecialist],
                ..rel()
            },
            MINOR,
            // School-wide for the plan; never break-glass.
            [
                "YYY---", "Y-----", "------", "Y-----", "YY----", "YYY---", "YYY---", "------", "------", "YYY---",
                "YYY---", "------", "------",
            ],
        ),
        (
            "community school coordinator at the school, not on the team",
            Relationship {
                school_roles: vec![StaffRole::CommunitySchoolCoordinator],
                ..rel()
            },
            MINOR,
            [
                "YYY---", "Y-----", "------", "Y-----", "YY----", "YYY---", "YYY---", "------", "------", "YYY---",
                "YYY---", "------", "------",
            ],
        ),
        (
            "teacher elsewhere (no relationship)",
            Relationship {
                school_roles: vec![],
                ..rel()
            },
            MINOR,
            NOTHING,
        ),
    ]
}

fn symbol(d: Decision) -> char {
    match d {
        Decision::Allow(_) => 'Y',
        Decision::BreakGlass => 'B',
        Decision::Deny => '-',
    }
}

#[test]
fn the_access_matrix_holds_for_every_persona_kind_and_action() {
    let mut failures = Vec::new();
    for (name, rel, facts, rows) in personas() {
        assert_eq!(rows.len(), RecordKind::ALL.len(), "{name}: one row per record kind");
        for (kind, row) in RecordKind::ALL.iter().zip(rows) {
            let got: String = Action::ALL
                .iter()
                .map(|a| symbol(decide(&rel, facts, *kind, *a)))
                .collect();
            if got != row {
                failures.push(format!("{name} / {}: want {row}, got {got}", kind.as_str()));
            }
        }
    }
    assert!(failures.is_empty(), "access matrix differs:\n{}", failures.join("\n"));
}

#[test]
fn every_record_kind_has_a_distinct_audit_name_and_declared_sensitivity() {
    let mut names: Vec<&str> = RecordKind::ALL.iter().map(|k| k.as_str()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), RecordKind::ALL.len());
    for s in Sensitivity::ALL {
        assert!(
            RecordKind::ALL.iter().any(|k| k.sensitivity() == s),
            "some kind is {s:?}"
        );
    }
}

#[test]
fn break_glass_needs_a_reason() {
    let counselor = Relationship {
        school_roles: vec![StaffRole::Counselor],
        ..rel()
    };
    let d = decide(
        &counselor,
        MINOR,
        RecordKind::Note(Sensitivity::RestrictedHealth),
        Action::View,
    );
    assert_eq!(d, Decision::BreakGlass);
    assert_eq!(after_break_glass(d, false), Decision::BreakGlass);
    assert_eq!(after_break_glass(d, true), Decision::Allow(Reason::BreakGlass));
    // Break-glass never turns a plain denial into access.
    assert_eq!(after_break_glass(Decision::Deny, true), Decision::Deny);
}

#[test]
fn list_scope_matches_each_role() {
    let me = PersonId::new();
    let school = OrgId::new();
    let district = OrgId::new();
    let cases = [
        (
            ActorStanding {
                person: Some(me),
                is_student: true,
                ..Default::default()
            },
            vec![ScopePart::Student(me)],
        ),
        (
            ActorStanding {
                person: Some(me),
                is_guardian: true,
                ..Default::default()
            },
            vec![ScopePart::ChildrenOf(me)],
        ),
        (
            ActorStanding {
                person: Some(me),
                staff: vec![(StaffRole::Teacher, school)],
                ..Default::default()
            },
            vec![ScopePart::ManagedBy(me), ScopePart::TeamOf(me), ScopePart::TaughtBy(me)],
        ),
        (
            ActorStanding {
                person: Some(me),
                staff: vec![(StaffRole::Counselor, school)],
                ..Default::default()
            },
            vec![
                ScopePart::ManagedBy(me),
                ScopePart::TeamOf(me),
                ScopePart::School(school),
            ],
        ),
        (
            ActorStanding {
                person: Some(me),
                staff: vec![(StaffRole::DistrictAdmin, district)],
                ..Default::default()
            },
            vec![
                ScopePart::ManagedBy(me),
                ScopePart::TeamOf(me),
                ScopePart::District(district),
            ],
        ),
        (
            ActorStanding {
                person: Some(me),
                staff: vec![(StaffRole::FamilyPartnershipSpecialist, school)],
                ..Default::default()
            },
            vec![
                ScopePart::ManagedBy(me),
                ScopePart::TeamOf(me),
                ScopePart::School(school),
            ],
        ),
        (ActorStanding::default(), vec![]),
    ];
    for (actor, want) in cases {
        assert_eq!(list_scope(&actor).parts, want, "{actor:?}");
    }
}

#[test]
fn a_new_note_defaults_to_staff_only_which_every_note_author_may_write() {
    assert_eq!(Sensitivity::from_form(""), Ok(Sensitivity::Staff));
    assert_eq!(Sensitivity::from_form("  "), Ok(Sensitivity::Staff));
    assert_eq!(Sensitivity::from_form("shared"), Ok(Sensitivity::Shared));
    assert!(Sensitivity::from_form("public").is_err());
    assert_eq!(Sensitivity::CHOICE_ORDER[0], Sensitivity::DEFAULT_FOR_NEW);
    for s in Sensitivity::ALL {
        assert!(Sensitivity::CHOICE_ORDER.contains(&s), "{s:?} is offered");
    }
    assert!(!Sensitivity::DEFAULT_FOR_NEW.is_restricted());
    assert_ne!(Sensitivity::DEFAULT_FOR_NEW, Sensitivity::Shared);
    for (name, rel, facts, _) in personas() {
        let writes_any = Sensitivity::ALL
            .iter()
            .any(|s| decide(&rel, facts, RecordKind::Note(*s), Action::Create).is_allowed());
        if writes_any {
            assert!(
                decide(
                    &rel,
                    facts,
                    RecordKind::Note(Sensitivity::DEFAULT_FOR_NEW),
                    Action::Create
                )
                .is_allowed(),
                "{name} may write notes but not the default class"
            );
        }
    }
}

/// The partner persona: one row per situation, one column per action
/// (View, Create, Edit, Sign, Export, Disclose), for a vision/dental
/// referral and for a category outside the consent. The tie is built from
/// a stored consent on the day, so revocation and expiry are the real
/// rules of [`crate::partners::Consent`].
#[test]
fn partner_matrix_referred_consented_revoked_expired() {
    use crate::partners::{Consent, ServiceCategory as C};
    use time::macros::date;
    let today = date!(2026 - 12 - 06);
    let consent = |revoked: bool, expires_on| Consent {
        categories: vec![C::VisionDental],
        granted_on: date!(2026 - 11 - 01),
        expires_on,
        revoked,
    };
    let tie = |referred: bool, c: Option<Consent>| PartnerTie {
        referred,
        consented: c
            .filter(|c| c.state_on(today) == crate::partners::ConsentState::Active)
            .map(|c| c.categories)
            .unwrap_or_default(),
    };
    let active = Some(consent(false, date!(2027 - 06 - 30)));
    let rows: Vec<(&str, PartnerTie, &str, &str)> = vec![
        // (situation, tie, vision_dental, health)
        (
            "referred, consent active",
            tie(true, active.clone()),
            "Y-Y---",
            "------",
        ),
        (
            "referred, consent revoked",
            tie(true, Some(consent(true, date!(2027 - 06 - 30)))),
            "------",
            "------",
        ),
        (
            "referred, consent expired",
            tie(true, Some(consent(false, date!(2026 - 12 - 05)))),
            "------",
            "------",
        ),
        (
            "referred, consent ends today",
            tie(true, Some(consent(false, today))),
            "Y-Y---",
            "------",
        ),
        ("referred, no consent", tie(true, None), "------", "------"),
        ("not referred, consent active", tie(false, active), "------", "------"),
        ("a stranger", PartnerTie::default(), "------", "------"),
    ];
    for (situation, tie, vision, health) in rows {
        for (category, want) in [(C::VisionDental, vision), (C::Health, health)] {
            let got: String = Action::ALL
                .iter()
                .map(|a| match decide_partner(&tie, category, *a) {
                    Decision::Allow(Reason::Partner) => 'Y',
                    Decision::Allow(_) => '?',
                    Decision::BreakGlass => 'B',
                    Decision::Deny => '-',
                })
                .collect();
            assert_eq!(got, want, "{situation}, {}", category.key());
        }
    }
}

/// A partner user is no one to the school: with no school relationship
/// `decide` refuses every record kind, so partner access goes only through
/// [`decide_partner`].
#[test]
fn a_partner_user_has_no_school_access() {
    for kind in RecordKind::ALL {
        for action in Action::ALL {
            assert_eq!(decide(&rel(), MINOR, kind, action), Decision::Deny);
        }
    }
    assert_eq!(Reason::Partner.as_str(), "partner");
}
