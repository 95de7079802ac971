//! The resource directory: school opportunities (clubs, tutoring, sports,
//! mentoring) and partner organisations' services, each with categories,
//! eligibility, grades, languages, location, hours, cost, capacity and
//! contact. One input type serves the form and each CSV row, so the CSV
//! import names the same fields (columns) and codes as the form.

use super::category::ServiceCategory;
use crate::academics::keyed_enum;
use crate::career::riasec::Area;
use crate::input::{self, FieldError, Fields, Rejected};

keyed_enum!(
    /// Who offers a resource.
    ResourceKind, "unknown_resource_kind", {
        /// A club, team, tutoring or mentoring the school runs: accepted
        /// as an enrolment, nothing leaves the school.
        SchoolOpportunity => "school_opportunity",
        /// A partner organisation's service: accepted as a referral, under
        /// consent.
        PartnerService => "partner_service",
    }
);

/// The lowest and highest grade ssp serves.
pub const GRADES: std::ops::RangeInclusive<u8> = 6..=12;
/// The longest description, eligibility, hours, cost, location or contact.
pub const RESOURCE_TEXT_MAX_CHARS: usize = 1_000;
/// The longest name.
pub const RESOURCE_NAME_MAX_CHARS: usize = 120;
/// The most keywords a resource carries.
pub const MAX_KEYWORDS: usize = 20;

/// A resource as typed or read from a CSV row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewResource {
    pub kind: ResourceKind,
    pub name: String,
    /// For a partner service: the organisation's name (looked up by the
    /// caller). Empty for a school opportunity.
    pub partner: String,
    pub categories: Vec<ServiceCategory>,
    pub description: String,
    pub eligibility: String,
    pub grade_min: u8,
    pub grade_max: u8,
    /// Lower-case language tags (`en`, `es`, `pt`); empty: any.
    pub languages: Vec<String>,
    pub location: String,
    pub hours: String,
    pub cost: String,
    /// Places left; `None`: no limit.
    pub capacity: Option<u32>,
    pub contact: String,
    /// Interest areas it suits (RIASEC letters as typed: `RI`).
    pub interest_areas: Vec<Area>,
    /// Lower-case words matched against a student's interests, strengths
    /// and goals (`lego`, `building`, `volleyball`).
    pub keywords: Vec<String>,
}

/// The form or CSV columns, in order.
pub const COLUMNS: [&str; 16] = [
    "kind",
    "name",
    "partner",
    "categories",
    "description",
    "eligibility",
    "grade_min",
    "grade_max",
    "languages",
    "location",
    "hours",
    "cost",
    "capacity",
    "contact",
    "interest_areas",
    "keywords",
];

impl NewResource {
    /// Parses the fields named in [`COLUMNS`] (`get` answers "" for a
    /// missing one). Codes: `kind`/`categories` (`required`,
    /// `unknown_choice`), `name` (`required`, `too_long`), `partner`
    /// (`required` for a partner service, `not_for_school` for a school
    /// opportunity), grades (`invalid_number`, `out_of_range`,
    /// `grades_reversed` on `grade_max`), `languages` (`invalid_language`),
    /// `capacity` (`invalid_number`, `too_large`), `interest_areas`
    /// (`unknown_choice`), `keywords` (`too_many`), texts (`too_long`).
    /// The input's code is `invalid_resource`.
    pub fn parse(get: impl Fn(&str) -> String) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let kind = f.check(input::choice("kind", &get("kind"), &ResourceKind::choices()));
        let name = f.check(input::text("name", &get("name"), 1..=RESOURCE_NAME_MAX_CHARS));
        let partner = f.check(input::text("partner", &get("partner"), 0..=RESOURCE_NAME_MAX_CHARS));
        match (kind, partner.as_deref()) {
            (Some(ResourceKind::PartnerService), Some("")) => f.push("partner", "required"),
            (Some(ResourceKind::SchoolOpportunity), Some(p)) if !p.is_empty() => f.push("partner", "not_for_school"),
            _ => {}
        }
        let categories = f.check(categories("categories", &get("categories")));
        let text =
            |f: &mut Fields, field: &'static str| f.check(input::text(field, &get(field), 0..=RESOURCE_TEXT_MAX_CHARS));
        let description = text(&mut f, "description");
        let eligibility = text(&mut f, "eligibility");
        let grade_min = f.check(grade("grade_min", &get("grade_min"), *GRADES.start()));
        let grade_max = f.check(grade("grade_max", &get("grade_max"), *GRADES.end()));
        if let (Some(lo), Some(hi)) = (grade_min, grade_max) {
            if lo > hi {
                f.push("grade_max", "grades_reversed");
            }
        }
        let languages = f.check(languages("languages", &get("languages")));
        let location = text(&mut f, "location");
        let hours = text(&mut f, "hours");
        let cost = text(&mut f, "cost");
        let capacity = f.check(match get("capacity").trim() {
            "" => Ok(None),
            s => crate::support::whole_number("capacity", s, 100_000, None).map(Some),
        });
        let contact = text(&mut f, "contact");
        let interest_areas = f.check(areas("interest_areas", &get("interest_areas")));
        let keywords = f.check(keywords("keywords", &get("keywords")));
        f.finish("invalid_resource", || NewResource {
            kind: kind.expect("checked"),
            name: name.expect("checked"),
            partner: partner.expect("checked"),
            categories: categories.expect("checked"),
            description: description.expect("checked"),
            eligibility: eligibility.expect("checked"),
            grade_min: grade_min.expect("checked"),
            grade_max: grade_max.expect("checked"),
            languages: languages.expect("checked"),
            location: location.expect("checked"),
            hours: hours.expect("checked"),
            cost: cost.expect("checked"),
            capacity: capacity.expect("checked"),
            contact: contact.expect("checked"),
            interest_areas: interest_areas.expect("checked"),
            keywords: keywords.expect("checked"),
        })
    }
}

fn list(raw: &str) -> impl Iterator<Item = &str> {
    raw.split([',', ';', ' ']).map(str::trim).filter(|s| !s.is_empty())
}

/// One or more categories, comma-separated. Codes `required`, `unknown_choice`.
pub fn categories(field: &'static str, raw: &str) -> Result<Vec<ServiceCategory>, FieldError> {
    let mut v = Vec::new();
    for key in list(raw) {
        v.push(input::choice(field, key, &ServiceCategory::choices())?);
    }
    v.sort();
    v.dedup();
    if v.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    Ok(v)
}

fn grade(field: &'static str, raw: &str, blank: u8) -> Result<u8, FieldError> {
    let n = crate::support::whole_number(field, raw, 99, Some(u32::from(blank))).map_err(|e| {
        FieldError::new(
            field,
            if e.code == "invalid_number" {
                "invalid_number"
            } else {
                "out_of_range"
            },
        )
    })?;
    let n = n as u8;
    if GRADES.contains(&n) {
        Ok(n)
    } else {
        Err(FieldError::new(field, "out_of_range"))
    }
}

/// Language tags: two or three letters, lower-cased. Code `invalid_language`.
pub fn languages(field: &'static str, raw: &str) -> Result<Vec<String>, FieldError> {
    let mut v = Vec::new();
    for tag in list(raw) {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(FieldError::new(field, "invalid_language"));
        }
        v.push(primary.to_ascii_lowercase());
    }
    v.sort();
    v.dedup();
    Ok(v)
}

fn areas(field: &'static str, raw: &str) -> Result<Vec<Area>, FieldError> {
    let mut v = Vec::new();
    for c in raw.chars().filter(|c| !c.is_whitespace() && *c != ',') {
        let area = Area::ALL
            .into_iter()
            .find(|a| a.letter().eq_ignore_ascii_case(&c))
            .ok_or(FieldError::new(field, "unknown_choice"))?;
        v.push(area);
    }
    v.sort();
    v.dedup();
    Ok(v)
}

fn keywords(field: &'static str, raw: &str) -> Result<Vec<String>, FieldError> {
    let mut v: Vec<String> = list(raw).map(str::to_lowercase).collect();
    v.sort();
    v.dedup();
    if v.len() > MAX_KEYWORDS {
        return Err(FieldError::new(field, "too_many"));
    }
    if v.iter().any(|k| k.chars().count() > 40) {
        return Err(FieldError::new(field, "too_long"));
    }
    Ok(v)
}

/// A partner organisation as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPartner {
    pub name: String,
    pub description: String,
    pub contact: String,
}

impl NewPartner {
    /// `name` (1–120), `description` and `contact` (up to 1,000). The input's
    /// code is `invalid_partner`.
    pub fn parse(name: &str, description: &str, contact: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let name = f.check(input::text("name", name, 1..=RESOURCE_NAME_MAX_CHARS));
        let description = f.check(input::text("description", description, 0..=RESOURCE_TEXT_MAX_CHARS));
        let contact = f.check(input::text("contact", contact, 0..=RESOURCE_TEXT_MAX_CHARS));
        f.finish("invalid_partner", || NewPartner {
            name: name.expect("checked"),
            description: description.expect("checked"),
            contact: contact.expect("checked"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::support::tests::codes;
    use std::collections::HashMap;

    fn row(pairs: &[(&str, &str)]) -> impl Fn(&str) -> String {
        let m: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |k| m.get(k).cloned().unwrap_or_default()
    }

    #[test]
    fn the_lego_club_parses_with_defaults() {
        let r = NewResource::parse(row(&[
            ("kind", "school_opportunity"),
            ("name", "Lego club"),
            ("categories", "enrichment"),
            ("languages", "en, ES-mx"),
            ("interest_areas", "ri"),
            ("keywords", "Lego building robots"),
        ]))
        .unwrap();
        assert_eq!((r.grade_min, r.grade_max, r.capacity), (6, 12, None));
        assert_eq!(r.languages, ["en", "es"]);
        assert_eq!(r.interest_areas, [Area::Realistic, Area::Investigative]);
        assert_eq!(r.keywords, ["building", "lego", "robots"]);
        assert_eq!(r.categories, [ServiceCategory::Enrichment]);
    }

    #[test]
    fn a_partner_service_needs_its_partner_and_a_school_club_has_none() {
        let err = NewResource::parse(row(&[
            ("kind", "partner_service"),
            ("name", "Eye exams"),
            ("categories", "vision_dental"),
        ]))
        .unwrap_err();
        assert_eq!(codes(err), [("partner", "required")]);
        let err = NewResource::parse(row(&[
            ("kind", "school_opportunity"),
            ("name", "Volleyball"),
            ("partner", "YMCA"),
            ("categories", "enrichment"),
        ]))
        .unwrap_err();
        assert_eq!(codes(err), [("partner", "not_for_school")]);
    }

    #[test]
    fn a_bad_resource_names_every_bad_column() {
        let err = NewResource::parse(row(&[
            ("kind", "club"),
            ("categories", "food,pets"),
            ("grade_min", "9"),
            ("grade_max", "8"),
            ("languages", "english"),
            ("capacity", "many"),
            ("interest_areas", "RX"),
        ]))
        .unwrap_err();
        assert_eq!(err.error, "invalid_resource");
        assert_eq!(
            codes(err),
            [
                ("kind", "unknown_choice"),
                ("name", "required"),
                ("categories", "unknown_choice"),
                ("grade_max", "grades_reversed"),
                ("languages", "invalid_language"),
                ("capacity", "invalid_number"),
                ("interest_areas", "unknown_choice"),
            ]
        );
    }

    #[test]
    fn grades_outside_six_to_twelve_are_out_of_range() {
        for (raw, want) in [
            ("6", Ok(6)),
            ("12", Ok(12)),
            ("", Ok(6)),
            ("5", Err("out_of_range")),
            ("13", Err("out_of_range")),
            ("-1", Err("out_of_range")),
            ("x", Err("invalid_number")),
        ] {
            assert_eq!(grade("grade_min", raw, 6).map_err(|e| e.code), want, "{raw:?}");
        }
    }

    #[test]
    fn a_partner_needs_a_name() {
        assert_eq!(
            codes(NewPartner::parse(" ", "", "").unwrap_err()),
            [("name", "required")]
        );
        assert_eq!(
            NewPartner::parse("Clear Sight Clinic", "", "555-0100").unwrap().name,
            "Clear Sight Clinic"
        );
    }
}
