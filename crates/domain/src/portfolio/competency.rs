//! Competency tags on artifacts and experiences, from four frameworks:
//! CASEL 5, P21 (21st-century skills), ASCA Mindsets & Behaviors (2021),
//! and the district's own. A tag is a stable string key,
//! `<framework>:<name>` (`casel:self_awareness`, `p21:critical_thinking`,
//! `asca:B-SMS-5`, `district:robotics`); pages name the built-ins through
//! Fluent ids made from the key ([`CompetencyKey::fluent_tail`]), and the
//! district's own through the names the district gave them.

use std::fmt;

use crate::academics::keyed_enum;
use crate::input::{self, FieldError, Fields, Rejected};

keyed_enum!(
    /// Where a competency comes from; the key's prefix.
    Framework, "unknown_framework", {
        /// CASEL 5 social and emotional competencies.
        Casel => "casel",
        /// P21 framework for 21st-century learning.
        P21 => "p21",
        /// ASCA Student Standards: Mindsets & Behaviors for Student Success (2021).
        Asca => "asca",
        /// Defined by the district (`district:<snake_case>`).
        District => "district",
    }
);

/// CASEL 5: self-awareness, self-management, social awareness,
/// relationship skills, responsible decision-making.
pub const CASEL: &[&str] = &[
    "casel:self_awareness",
    "casel:self_management",
    "casel:social_awareness",
    "casel:relationship_skills",
    "casel:responsible_decision_making",
];

/// P21: the 4Cs (creativity and innovation, critical thinking and problem
/// solving, communication, collaboration); information, media and
/// technology skills (information literacy, media literacy, ICT literacy);
/// life and career skills (flexibility and adaptability, initiative and
/// self-direction, social and cross-cultural skills, productivity and
/// accountability, leadership and responsibility).
pub const P21: &[&str] = &[
    "p21:creativity_innovation",
    "p21:critical_thinking",
    "p21:communication",
    "p21:collaboration",
    "p21:information_literacy",
    "p21:media_literacy",
    "p21:ict_literacy",
    "p21:flexibility_adaptability",
    "p21:initiative_self_direction",
    "p21:social_cross_cultural",
    "p21:productivity_accountability",
    "p21:leadership_responsibility",
];

/// ASCA Mindsets & Behaviors (2021), by code: mindsets M 1–6; behaviours in
/// learning strategies B-LS 1–10, self-management skills B-SMS 1–10 and
/// social skills B-SS 1–10. The standards' wording belongs in the Fluent
/// messages (take it from ASCA's published list), e.g. `B-SMS 5`
/// "perseverance to achieve long- and short-term goals".
pub const ASCA: &[&str] = &[
    "asca:M-1",
    "asca:M-2",
    "asca:M-3",
    "asca:M-4",
    "asca:M-5",
    "asca:M-6",
    "asca:B-LS-1",
    "asca:B-LS-2",
    "asca:B-LS-3",
    "asca:B-LS-4",
    "asca:B-LS-5",
    "asca:B-LS-6",
    "asca:B-LS-7",
    "asca:B-LS-8",
    "asca:B-LS-9",
    "asca:B-LS-10",
    "asca:B-SMS-1",
    "asca:B-SMS-2",
    "asca:B-SMS-3",
    "asca:B-SMS-4",
    "asca:B-SMS-5",
    "asca:B-SMS-6",
    "asca:B-SMS-7",
    "asca:B-SMS-8",
    "asca:B-SMS-9",
    "asca:B-SMS-10",
    "asca:B-SS-1",
    "asca:B-SS-2",
    "asca:B-SS-3",
    "asca:B-SS-4",
    "asca:B-SS-5",
    "asca:B-SS-6",
    "asca:B-SS-7",
    "asca:B-SS-8",
    "asca:B-SS-9",
    "asca:B-SS-10",
];

/// The most tags on one artifact or experience.
pub const MAX_TAGS: usize = 12;
/// The longest snake_case name of a district competency (after `district:`).
pub const DISTRICT_KEY_MAX_CHARS: usize = 60;
/// The longest name a district gives its own competency.
pub const DISTRICT_NAME_MAX_CHARS: usize = 120;

/// The built-in competencies grouped by framework, in display order
/// (CASEL, P21, ASCA). The district's own are its data, not listed here.
pub fn built_ins() -> [(Framework, &'static [&'static str]); 3] {
    [
        (Framework::Casel, CASEL),
        (Framework::P21, P21),
        (Framework::Asca, ASCA),
    ]
}

/// A competency tag's key: a built-in one or a well-formed district key.
/// Whether a district key exists in *this* district is [`parse_tags`]'s
/// question.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CompetencyKey(String);

impl CompetencyKey {
    /// A built-in key, spelled exactly (`casel:self_awareness`; ASCA codes
    /// also in any case, `asca:b-sms-5` becomes `asca:B-SMS-5`), or
    /// `district:<snake_case>` (lower-case letters, digits and `_`, starting
    /// with a letter, at most 60). `None` for anything else.
    pub fn parse(raw: &str) -> Option<Self> {
        let s = raw.trim();
        if let Some(k) = built_ins()
            .iter()
            .flat_map(|(_, keys)| keys.iter())
            .find(|k| **k == s || (k.starts_with("asca:") && k.eq_ignore_ascii_case(s)))
        {
            return Some(CompetencyKey((*k).to_owned()));
        }
        let name = s.strip_prefix("district:")?;
        is_snake(name, DISTRICT_KEY_MAX_CHARS).then(|| CompetencyKey(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The framework named by the key's prefix.
    pub fn framework(&self) -> Framework {
        let prefix = self.0.split(':').next().unwrap_or_default();
        Framework::parse(prefix).unwrap_or(Framework::District)
    }

    /// Whether this is one of the built-ins (the others are the district's).
    pub fn is_built_in(&self) -> bool {
        self.framework() != Framework::District
    }

    /// The key as the tail of a Fluent message id: lower case, `:` and `_`
    /// become `-` (`asca:B-SMS-5` → `asca-b-sms-5`, `casel:self_awareness` →
    /// `casel-self-awareness`); a page looks up `competency-<tail>`.
    pub fn fluent_tail(&self) -> String {
        self.0
            .chars()
            .map(|c| match c {
                ':' | '_' => '-',
                c => c.to_ascii_lowercase(),
            })
            .collect()
    }
}

impl fmt::Display for CompetencyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn is_snake(s: &str, max: usize) -> bool {
    (1..=max).contains(&s.len())
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The tags chosen for an artifact or experience, as the form sends them
/// (blank entries are skipped, repeats kept once, in order). A tag must be a
/// built-in or one of the district's own (`district`). Codes on `field`:
/// `unknown_competency`, `too_many` (over 12).
pub fn parse_tags(
    field: &'static str,
    raw: &[String],
    district: &[CompetencyKey],
) -> Result<Vec<CompetencyKey>, FieldError> {
    let mut tags: Vec<CompetencyKey> = Vec::new();
    for r in raw.iter().filter(|r| !r.trim().is_empty()) {
        let key = CompetencyKey::parse(r)
            .filter(|k| k.is_built_in() || district.contains(k))
            .ok_or(FieldError::new(field, "unknown_competency"))?;
        if !tags.contains(&key) {
            tags.push(key);
        }
    }
    if tags.len() > MAX_TAGS {
        return Err(FieldError::new(field, "too_many"));
    }
    Ok(tags)
}

/// A competency the district adds to its own framework.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictCompetency {
    pub key: CompetencyKey,
    pub name: String,
}

impl DistrictCompetency {
    /// Fields `key` (snake_case, 1–60, with or without the `district:`
    /// prefix: `required`, `invalid_key`; one the district already has:
    /// `duplicate_key`) and `name` (1–120). The input's code is
    /// `invalid_competency`.
    pub fn parse(key: &str, name: &str, existing: &[CompetencyKey]) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let raw = key.trim();
        let snake = raw.strip_prefix("district:").unwrap_or(raw);
        let key = f.check(if raw.is_empty() {
            Err(FieldError::new("key", "required"))
        } else if !is_snake(snake, DISTRICT_KEY_MAX_CHARS) {
            Err(FieldError::new("key", "invalid_key"))
        } else {
            let k = CompetencyKey(format!("district:{snake}"));
            if existing.contains(&k) {
                Err(FieldError::new("key", "duplicate_key"))
            } else {
                Ok(k)
            }
        });
        let name = f.check(input::text("name", name, 1..=DISTRICT_NAME_MAX_CHARS));
        f.finish("invalid_competency", || DistrictCompetency {
            key: key.expect("checked"),
            name: name.expect("checked"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn the_built_ins_are_the_four_frameworks_published_lists() {
        assert_eq!(CASEL.len(), 5);
        assert_eq!(P21.len(), 12);
        assert_eq!(ASCA.len(), 6 + 10 + 10 + 10);
        for (framework, keys) in built_ins() {
            for k in keys {
                let key = CompetencyKey::parse(k).unwrap();
                assert_eq!(key.framework(), framework, "{k}");
                assert!(key.is_built_in());
                let tail = key.fluent_tail();
                assert!(
                    tail.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                    "{tail}"
                );
            }
        }
        let all: Vec<_> = built_ins().iter().flat_map(|(_, k)| k.iter()).collect();
        let mut unique = all.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), all.len(), "no key twice");
    }

    #[test]
    fn keys_parse_and_map_to_fluent_ids() {
        for (raw, want, tail) in [
            (
                "casel:self_awareness",
                Some("casel:self_awareness"),
                "casel-self-awareness",
            ),
            (
                " p21:critical_thinking ",
                Some("p21:critical_thinking"),
                "p21-critical-thinking",
            ),
            ("asca:B-SMS-5", Some("asca:B-SMS-5"), "asca-b-sms-5"),
            ("asca:b-sms-5", Some("asca:B-SMS-5"), "asca-b-sms-5"),
            (
                "district:robotics_2",
                Some("district:robotics_2"),
                "district-robotics-2",
            ),
        ] {
            let k = CompetencyKey::parse(raw);
            assert_eq!(k.as_ref().map(CompetencyKey::as_str), want, "{raw:?}");
            assert_eq!(k.unwrap().fluent_tail(), tail);
        }
        for bad in [
            "",
            "casel:grit",
            "CASEL:self_awareness",
            "asca:B-SMS-11",
            "asca:M-0",
            "district:",
            "district:Robotics",
            "district:2d_art",
            "district:has space",
            "robotics",
        ] {
            assert_eq!(CompetencyKey::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn tags_must_be_known_are_kept_once_and_at_most_twelve() {
        let district = vec![CompetencyKey::parse("district:robotics").unwrap()];
        let ok = parse_tags(
            "competencies",
            &strings(&[
                "casel:self_management",
                "",
                "district:robotics",
                "casel:self_management",
            ]),
            &district,
        )
        .unwrap();
        assert_eq!(
            ok.iter().map(CompetencyKey::as_str).collect::<Vec<_>>(),
            ["casel:self_management", "district:robotics"]
        );
        assert_eq!(parse_tags("competencies", &[], &district), Ok(vec![]));
        let unknown_district = parse_tags("competencies", &strings(&["district:welding"]), &district);
        assert_eq!(unknown_district.unwrap_err().code, "unknown_competency");
        assert_eq!(
            parse_tags("competencies", &strings(&["grit"]), &district).unwrap_err(),
            FieldError::new("competencies", "unknown_competency")
        );
        let twelve: Vec<String> = P21.iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(parse_tags("competencies", &twelve, &district).unwrap().len(), 12);
        let mut thirteen = twelve.clone();
        thirteen.push(CASEL[0].to_owned());
        assert_eq!(
            parse_tags("competencies", &thirteen, &district).unwrap_err().code,
            "too_many"
        );
    }

    #[test]
    fn a_district_competency_needs_a_new_snake_key_and_a_name() {
        let existing = vec![CompetencyKey::parse("district:robotics").unwrap()];
        let ok = DistrictCompetency::parse("welding_safety", "Welding safety", &existing).unwrap();
        assert_eq!(ok.key.as_str(), "district:welding_safety");
        assert_eq!(ok.key.framework(), Framework::District);
        assert!(DistrictCompetency::parse("district:welding", "Welding", &existing).is_ok());
        for (key, name, want) in [
            ("", "x", vec![("key", "required")]),
            ("Welding Safety", "x", vec![("key", "invalid_key")]),
            ("robotics", "x", vec![("key", "duplicate_key")]),
            ("welding", "", vec![("name", "required")]),
            ("welding", "n".repeat(121).as_str(), vec![("name", "too_long")]),
        ] {
            let err = DistrictCompetency::parse(key, name, &existing).unwrap_err();
            assert_eq!(err.error, "invalid_competency");
            let got: Vec<_> = err.fields.iter().map(|f| (f.field, f.code)).collect();
            assert_eq!(got, want, "{key:?}");
        }
    }
}
