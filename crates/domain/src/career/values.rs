//! The work-values inventory and the list of strengths a student rates
//! themself on.
//!
//! The six work values are the ones O*NET uses to describe what a job offers
//! (achievement, independence, recognition, relationships, support, working
//! conditions); the statements are ssp's own words.

use crate::ParseError;

/// What a student wants from a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WorkValue {
    /// Using one's abilities and seeing results.
    Achievement,
    /// Deciding and trying things on one's own.
    Independence,
    /// Being respected and able to move up.
    Recognition,
    /// Good co-workers, helping others, work one believes is right.
    Relationships,
    /// Fair management that backs workers up and trains them.
    Support,
    /// Pay, security, variety and a good place to work.
    WorkingConditions,
}

impl WorkValue {
    /// All six, in the order above (the order of scores everywhere in ssp).
    pub const ALL: [WorkValue; 6] = [
        WorkValue::Achievement,
        WorkValue::Independence,
        WorkValue::Recognition,
        WorkValue::Relationships,
        WorkValue::Support,
        WorkValue::WorkingConditions,
    ];

    /// The stored key, also the Fluent id's tail (`value-achievement`).
    pub fn key(self) -> &'static str {
        match self {
            WorkValue::Achievement => "achievement",
            WorkValue::Independence => "independence",
            WorkValue::Recognition => "recognition",
            WorkValue::Relationships => "relationships",
            WorkValue::Support => "support",
            WorkValue::WorkingConditions => "working_conditions",
        }
    }

    /// Position in [`WorkValue::ALL`] (0–5).
    pub fn index(self) -> usize {
        self as usize
    }

    /// From a key (`working_conditions`, any case).
    pub fn parse(s: &str) -> Result<Self, ParseError> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|v| v.key().eq_ignore_ascii_case(s))
            .ok_or_else(|| ParseError::new("unknown_work_value", format!("unknown work value {s:?}")))
    }
}

/// One statement of the work-values inventory, in English and Spanish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueItem {
    /// The value the statement counts towards.
    pub value: WorkValue,
    /// English text ("A job where …").
    pub en: &'static str,
    /// Spanish text ("Un trabajo donde …").
    pub es: &'static str,
}

const fn item(value: WorkValue, en: &'static str, es: &'static str) -> ValueItem {
    ValueItem { value, en, es }
}

use WorkValue::{
    Achievement as ACH, Independence as IND, Recognition as REC, Relationships as REL, Support as SUP,
    WorkingConditions as WC,
};

/// 18 statements, 3 per value, interleaved; the student answers how important each is on a 1–4 scale
/// ("not important" … "very important"). Original wording ("A job where I can see the results of my work").
pub const VALUE_ITEMS: [ValueItem; 18] = [
    item(
        ACH,
        "A job where I can see the results of my work",
        "Un trabajo donde pueda ver los resultados de mi esfuerzo",
    ),
    item(
        IND,
        "A job where I can decide how to do my work",
        "Un trabajo donde pueda decidir cómo hacer mis tareas",
    ),
    item(
        REC,
        "A job where people notice when I do good work",
        "Un trabajo donde se note cuando hago un buen trabajo",
    ),
    item(
        REL,
        "A job where I get along with the people I work with",
        "Un trabajo donde me lleve bien con mis compañeros",
    ),
    item(
        SUP,
        "A job with a boss who treats everyone fairly",
        "Un trabajo con jefes que traten a todos con justicia",
    ),
    item(WC, "A job that pays well", "Un trabajo con un buen sueldo"),
    item(
        ACH,
        "A job that lets me get better at hard things",
        "Un trabajo que me permita mejorar en cosas difíciles",
    ),
    item(
        IND,
        "A job where I can try out my own ideas",
        "Un trabajo donde pueda probar mis propias ideas",
    ),
    item(
        REC,
        "A job that other people look up to",
        "Un trabajo que otras personas admiren",
    ),
    item(
        REL,
        "A job where I help other people",
        "Un trabajo donde ayude a otras personas",
    ),
    item(
        SUP,
        "A job where I get training to learn new skills",
        "Un trabajo donde me capaciten para aprender cosas nuevas",
    ),
    item(
        WC,
        "A job that is steady, so I don't worry about losing it",
        "Un trabajo estable, sin miedo a perderlo",
    ),
    item(
        ACH,
        "A job where I finish things I am proud of",
        "Un trabajo donde termine cosas que me llenen de orgullo",
    ),
    item(
        IND,
        "A job where nobody watches over me all the time",
        "Un trabajo donde nadie me esté vigilando todo el tiempo",
    ),
    item(
        REC,
        "A job where I can move up to a higher position",
        "Un trabajo donde pueda ascender a un puesto más alto",
    ),
    item(
        REL,
        "A job that never asks me to do something I think is wrong",
        "Un trabajo que nunca me pida hacer algo que me parezca mal",
    ),
    item(
        SUP,
        "A job where my company backs me up when I need help",
        "Un trabajo donde la empresa me apoye cuando necesite ayuda",
    ),
    item(
        WC,
        "A job where I do different things each day",
        "Un trabajo donde haga cosas distintas cada día",
    ),
];

/// Strengths a student rates themself on (1 still learning … 4 one of my strengths), keys snake_case;
/// each key is also the Fluent id's tail (`strength-math`).
pub const STRENGTHS: [&str; 12] = [
    "working_with_hands",
    "math",
    "reading_writing",
    "science",
    "art_design",
    "music_performance",
    "helping_people",
    "leading_others",
    "organizing",
    "technology",
    "speaking",
    "sports_fitness",
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn career_values_parse_back() {
        for v in WorkValue::ALL {
            assert_eq!(WorkValue::parse(v.key()), Ok(v));
            assert_eq!(WorkValue::ALL[v.index()], v);
        }
        assert_eq!(WorkValue::parse("money").unwrap_err().code, "unknown_work_value");
    }

    #[test]
    fn career_values_three_items_each_interleaved() {
        for v in WorkValue::ALL {
            assert_eq!(VALUE_ITEMS.iter().filter(|i| i.value == v).count(), 3, "{v:?}");
        }
        for (i, item) in VALUE_ITEMS.iter().enumerate() {
            assert_eq!(item.value, WorkValue::ALL[i % 6], "item {i}: {}", item.en);
        }
    }

    #[test]
    fn career_values_have_no_duplicates() {
        let en: HashSet<_> = VALUE_ITEMS.iter().map(|i| i.en).collect();
        let es: HashSet<_> = VALUE_ITEMS.iter().map(|i| i.es).collect();
        assert_eq!((en.len(), es.len()), (18, 18));
        for i in VALUE_ITEMS {
            assert!(
                i.en.starts_with("A job ") && i.es.starts_with("Un trabajo "),
                "{}",
                i.en
            );
            assert!(i.en.chars().count() <= 70 && i.es.chars().count() <= 70, "{}", i.en);
        }
    }

    #[test]
    fn career_strengths_are_unique_snake_case_keys() {
        assert_eq!(STRENGTHS.iter().collect::<HashSet<_>>().len(), STRENGTHS.len());
        for s in STRENGTHS {
            assert!(
                !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{s}"
            );
        }
    }
}
