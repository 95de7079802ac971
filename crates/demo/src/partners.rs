//! The district's resource directory (issue 18): the school opportunities
//! every district's schools offer — the volleyball team and the Lego club
//! among them — and community partners with their services; in the
//! showcase district, the partner user `demo.partner` of the vision clinic
//! and the clinic's work: consents (in force, one revoked, one expired)
//! and referrals at every step, a few waiting too long. Answers the
//! accounts it made. Ids come from the district's generator and days count
//! back from the demo's today, so the same seed gives the same rows.

use ssp_db::repo::partners::{self as repo, ConsentWrite, ReferralState, ReferralWrite, ResourceWrite, StepWrite};
use ssp_db::repo::{accounts, people};
use ssp_db::Tx;
use ssp_domain::{AccountId, OrgId, PersonId, StudentId};
use time::{Date, Duration, OffsetDateTime};
use uuid::Uuid;

use crate::DemoError;

/// The showcase partner user (vision clinic staff).
pub(crate) const PARTNER_USER: &str = "demo.partner";

/// (kind, name, partner index, categories, grades, languages, capacity,
/// interest areas, keywords, hours, cost, location)
type Entry = (
    &'static str,
    &'static str,
    Option<usize>,
    &'static str,
    (i32, i32),
    &'static str,
    Option<i32>,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const PARTNERS: [(&str, &str, &str); 3] = [
    (
        "Clear Sight Vision Clinic",
        "Free eye exams and glasses for students.",
        "(860) 555-0140 · clinic@clearsight.example.org",
    ),
    (
        "Harbor City Food Bank",
        "Weekend food bags and a family pantry.",
        "(860) 555-0166",
    ),
    (
        "Riverside Youth Mentors",
        "One-to-one mentoring with a trained adult volunteer.",
        "(860) 555-0182",
    ),
];

/// The clinic's service the demo's referrals go to.
const EYE_EXAMS: &str = "Eye exams and glasses";

const ENTRIES: [Entry; 7] = [
    (
        "school_opportunity",
        "Lego club",
        None,
        "enrichment",
        (6, 12),
        "",
        Some(16),
        "RI",
        "lego,building,robots,engineering",
        "Tuesdays 3:00–4:30 pm",
        "Free",
        "Room 114",
    ),
    (
        "school_opportunity",
        "Volleyball team",
        None,
        "enrichment",
        (9, 12),
        "",
        Some(14),
        "S",
        "volleyball,sports,team",
        "Mon/Wed 3:00–5:00 pm",
        "Free",
        "Gym",
    ),
    (
        "school_opportunity",
        "After-school math tutoring",
        None,
        "academic",
        (6, 12),
        "en,es",
        Some(20),
        "IC",
        "math,algebra,homework",
        "Mon–Thu 3:00–4:00 pm",
        "Free",
        "Library",
    ),
    (
        "school_opportunity",
        "Art studio",
        None,
        "enrichment",
        (6, 12),
        "",
        None,
        "A",
        "art,drawing,painting",
        "Fridays 3:00–4:30 pm",
        "Free",
        "Room 201",
    ),
    (
        "partner_service",
        EYE_EXAMS,
        Some(0),
        "vision_dental,health",
        (6, 12),
        "en,es",
        None,
        "",
        "glasses,eyes,vision",
        "Saturdays 9:00 am–noon",
        "Free",
        "12 Main Street",
    ),
    (
        "partner_service",
        "Weekend food bags",
        Some(1),
        "food",
        (6, 12),
        "en,es,pt",
        None,
        "",
        "food,hungry,meals",
        "Fridays at school",
        "Free",
        "At school",
    ),
    (
        "partner_service",
        "One-to-one mentoring",
        Some(2),
        "mentoring,social_emotional",
        (6, 12),
        "en",
        Some(25),
        "SE",
        "mentor,leadership",
        "One hour a week",
        "Free",
        "Community center",
    ),
];

pub(crate) async fn seed(
    tx: &mut Tx,
    mut next_id: impl FnMut() -> Uuid,
    district: Uuid,
    showcase: bool,
    password_hash: &str,
    today: Date,
    now: OffsetDateTime,
) -> Result<u64, DemoError> {
    let district_id = OrgId(district);
    let mut partner_ids = Vec::new();
    let mut service_ids = Vec::new();
    for (name, description, contact) in PARTNERS {
        partner_ids.push(repo::upsert_partner(tx, next_id(), district_id, name, description, contact, now).await?);
    }
    for (kind, name, partner, categories, (lo, hi), languages, capacity, areas, keywords, hours, cost, location) in
        ENTRIES
    {
        let partner = partner.map(|i| partner_ids[i]);
        let contact = partner.map_or("Community school coordinator", |_| "");
        let id = repo::upsert_resource(
            tx,
            next_id(),
            &ResourceWrite {
                district: district_id,
                partner,
                kind,
                name,
                categories,
                description: "",
                eligibility: "",
                grade_min: lo,
                grade_max: hi,
                languages,
                location,
                hours,
                cost,
                capacity,
                contact,
                interest_areas: areas,
                keywords,
            },
            now,
        )
        .await?;
        service_ids.push((name, id));
    }
    if showcase {
        let person = PersonId(next_id());
        people::insert_person(
            tx,
            &people::NewPerson {
                id: person,
                district_id,
                source_id: None,
                given_name: "Ana",
                family_name: "Lopez",
                preferred_name: None,
                email: None,
                preferred_language: "en",
            },
            now,
        )
        .await?;
        accounts::insert(
            tx,
            &accounts::NewAccount {
                id: AccountId(next_id()),
                person_id: person,
                username: PARTNER_USER,
                email: None,
                password_hash,
                ui_language: None,
                now,
            },
        )
        .await?;
        repo::add_partner_user(tx, district_id, person, partner_ids[0], person, now).await?;
        // The clinic's work, on its eye-exam service.
        let eye_exams = service_ids
            .iter()
            .find(|(name, _)| *name == EYE_EXAMS)
            .map(|(_, id)| *id)
            .expect("the demo directory lists the clinic's eye exams");
        clinic_work(
            tx,
            &mut next_id,
            district_id,
            (partner_ids[0], eye_exams),
            person,
            today,
            now,
        )
        .await?;
        return Ok(1);
    }
    Ok(0)
}

/// One student's story with the clinic, in days before today: the consent
/// (granted, last day, revoked) and the referral (sent, accepted or
/// declined, first service, closed with an outcome).
struct Story {
    consent: (i64, i64, Option<i64>),
    sent: i64,
    accepted: Option<i64>,
    declined: Option<i64>,
    first_service: Option<i64>,
    closed: Option<(i64, &'static str)>,
}

const fn story(
    sent: i64,
    accepted: Option<i64>,
    first_service: Option<i64>,
    closed: Option<(i64, &'static str)>,
) -> Story {
    Story {
        consent: (sent + 1, -180, None),
        sent,
        accepted,
        declined: None,
        first_service,
        closed,
    }
}

/// Every step of the loop, and the consents' three states.
const STORIES: [Story; 9] = [
    // New: to accept or decline; the second has waited too long.
    story(2, None, None, None),
    story(20, None, None, None),
    // Accepted, waiting for a first service; the second too long.
    story(9, Some(6), None, None),
    story(30, Some(27), None, None),
    // Receiving services.
    story(25, Some(21), Some(8), None),
    // Declined.
    Story {
        declined: Some(57),
        ..story(60, None, None, None)
    },
    // Closed with an outcome while the consent was in force; it has
    // expired since, so the clinic no longer sees it.
    Story {
        consent: (100, 10, None),
        ..story(90, Some(86), Some(75), Some((20, "need_met")))
    },
    // The family withdrew and revoked the consent.
    Story {
        consent: (55, -300, Some(30)),
        ..story(50, None, None, Some((30, "family_withdrew")))
    },
    // Closed, the consent still in force.
    story(70, Some(68), Some(60), Some((12, "partly_met"))),
];

/// Consents and referrals to the vision clinic for students of the
/// showcase district who have a guardian with educational rights and a
/// plan manager (the showcase counselor's students first), none of them a
/// showcase account or its family.
async fn clinic_work(
    tx: &mut Tx,
    next_id: &mut impl FnMut() -> Uuid,
    district: OrgId,
    (partner, service): (Uuid, Uuid),
    ana: PersonId,
    today: Date,
    now: OffsetDateTime,
) -> Result<(), DemoError> {
    let rows = repo::demo_referral_students(tx, district).await?;
    let mut students: Vec<(Uuid, Uuid, Uuid, String)> = Vec::new();
    for row in rows {
        if !students.iter().any(|s| s.0 == row.0) {
            students.push(row);
        }
    }
    let day = |n: i64| today - Duration::days(n);
    let at = |n: i64| now - Duration::days(n);
    for (story, (student, guardian, manager, language)) in STORIES.iter().zip(students) {
        let (granted, last, revoked) = story.consent;
        let consent = repo::insert_consent(
            tx,
            &ConsentWrite {
                id: next_id(),
                district,
                student: StudentId(student),
                partner,
                categories: "vision_dental",
                purpose: "Eye exam and glasses",
                granted_on: day(granted),
                expires_on: day(last),
                method: "electronic",
                granted_by: Some(PersonId(guardian)),
                signer_name: None,
                scan_key: None,
                language: if language == "es" { "es" } else { "en" },
                recorded_by: PersonId(guardian),
            },
            at(granted),
        )
        .await?;
        if let Some(r) = revoked {
            repo::revoke_consent(tx, StudentId(student), consent, PersonId(guardian), at(r)).await?;
        }
        let referral = repo::insert_referral(
            tx,
            &ReferralWrite {
                id: next_id(),
                district,
                student: StudentId(student),
                resource: service,
                partner: Some(partner),
                kind: "referral",
                category: "vision_dental",
                need: None,
                goal: None,
                reason: "Has trouble reading the board; needs an eye exam.",
                sent_on: day(story.sent),
                created_by: PersonId(manager),
            },
            at(story.sent),
        )
        .await?;
        let mut steps: Vec<(&str, i64, PersonId)> = Vec::new();
        if let Some(d) = story.accepted {
            steps.push(("accept", d, ana));
        }
        if let Some(d) = story.declined {
            steps.push(("decline", d, ana));
        }
        if let Some(d) = story.first_service {
            steps.push(("record_service", d, ana));
        }
        if let Some((d, outcome)) = story.closed {
            let by = if outcome == "family_withdrew" {
                PersonId(manager)
            } else {
                ana
            };
            steps.push(("close", d, by));
        }
        for (event, d, actor) in &steps {
            repo::add_step(
                tx,
                &StepWrite {
                    id: next_id(),
                    referral,
                    event,
                    on: day(*d),
                    note: "",
                    sensitivity: "staff",
                    actor: *actor,
                },
                at(*d),
            )
            .await?;
        }
        let status = match (story.closed, story.first_service, story.declined, story.accepted) {
            (Some(_), ..) => "closed",
            (None, Some(_), ..) => "in_service",
            (None, None, Some(_), _) => "declined",
            (None, None, None, Some(_)) => "accepted",
            _ => "sent",
        };
        if status != "sent" {
            let last = steps.last().map_or(story.sent, |s| s.1);
            repo::update_referral(
                tx,
                referral,
                "sent",
                &ReferralState {
                    status,
                    accepted_on: story.accepted.map(day),
                    declined_on: story.declined.map(day),
                    first_service_on: story.first_service.map(day),
                    closed_on: story.closed.map(|(d, _)| day(d)),
                    outcome: story.closed.map(|(_, o)| o),
                },
                at(last),
            )
            .await?;
        }
    }
    Ok(())
}
