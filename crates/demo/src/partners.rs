//! The district's resource directory (issue 18): the school opportunities
//! every district's schools offer — the volleyball team and the Lego club
//! among them — and community partners with their services; in the
//! showcase district, the partner user `demo.partner` of the vision clinic.
//! Answers the accounts it made. Ids come from the district's generator, so the same seed gives the same
//! rows.

use ssp_db::repo::partners::{self as repo, ResourceWrite};
use ssp_db::repo::{accounts, people};
use ssp_db::Tx;
use ssp_domain::{AccountId, OrgId, PersonId};
use time::OffsetDateTime;
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
        "Eye exams and glasses",
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
    now: OffsetDateTime,
) -> Result<u64, DemoError> {
    let district_id = OrgId(district);
    let mut partner_ids = Vec::new();
    for (name, description, contact) in PARTNERS {
        partner_ids.push(repo::upsert_partner(tx, next_id(), district_id, name, description, contact, now).await?);
    }
    for (kind, name, partner, categories, (lo, hi), languages, capacity, areas, keywords, hours, cost, location) in
        ENTRIES
    {
        let partner = partner.map(|i| partner_ids[i]);
        let contact = partner.map_or("Community school coordinator", |_| "");
        repo::upsert_resource(
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
        return Ok(1);
    }
    Ok(0)
}
