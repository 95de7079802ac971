//! The matcher: for one student, the supports and opportunities of the
//! directory ranked from their needs, strengths and interests, each with
//! the reasons it was proposed ("needs glasses → vision partner; likes
//! building → Lego club"), and filtered by grade, language and
//! availability. Pure: the caller gathers the student's signals and the
//! directory.
//!
//! **Score.** Each open need a resource serves counts 100 (a need comes
//! before an interest); each word of the student's interests, strengths or
//! goals among its keywords counts 20 (a goal's word says which goal it
//! serves); each of the student's top three interest areas it suits counts
//! 30, 20 or 10 by rank. A resource with no reason is not proposed. Ties
//! go to the resource with places left, then by name.
//!
//! **Filters.** The student's grade must be within the resource's grades;
//! when the resource names languages, one of them must be the student's or
//! the family's; a resource with no places left is not proposed.

use uuid::Uuid;

use super::category::ServiceCategory;
use super::directory::ResourceKind;
use crate::career::riasec::Area;
use crate::support::need::NeedKind;

/// Where a word the student or team wrote comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordSource {
    /// The profile's interests (the student's words) or the inventory.
    Interest,
    /// The profile's strengths.
    Strength,
    /// A goal's statement; the goal it belongs to.
    Goal(Uuid),
}

/// What is known about the student, gathered by the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StudentSignals {
    pub grade: u8,
    /// The student's and the family's language tags (`en`, `es`).
    pub languages: Vec<String>,
    /// Open needs: id and kind.
    pub needs: Vec<(Uuid, NeedKind)>,
    /// The interest code, strongest first (from the career inventory).
    pub interest_code: Vec<Area>,
    /// Texts with their source: profile interests, strengths, goals.
    pub texts: Vec<(WordSource, String)>,
}

/// One entry of the directory, as the matcher sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: Uuid,
    pub name: String,
    pub kind: ResourceKind,
    pub categories: Vec<ServiceCategory>,
    pub grade_min: u8,
    pub grade_max: u8,
    pub languages: Vec<String>,
    /// Places left; `None`: no limit.
    pub places_left: Option<u32>,
    pub interest_areas: Vec<Area>,
    pub keywords: Vec<String>,
}

/// Why a resource was proposed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProposalReason {
    /// It serves this open need.
    MeetsNeed { need: Uuid, kind: NeedKind },
    /// It suits an interest area of the student's code (rank 0 is the strongest).
    InterestArea { area: Area, rank: usize },
    /// A word the student wrote is among its keywords.
    Word { word: String, source: WordSource },
}

impl ProposalReason {
    fn score(&self) -> u32 {
        match self {
            ProposalReason::MeetsNeed { .. } => 100,
            ProposalReason::InterestArea { rank, .. } => 30u32.saturating_sub(10 * *rank as u32),
            ProposalReason::Word { .. } => 20,
        }
    }

    /// The goal this reason serves, if any.
    pub fn goal(&self) -> Option<Uuid> {
        match self {
            ProposalReason::Word {
                source: WordSource::Goal(g),
                ..
            } => Some(*g),
            _ => None,
        }
    }

    /// The need this reason serves, if any.
    pub fn need(&self) -> Option<Uuid> {
        match self {
            ProposalReason::MeetsNeed { need, .. } => Some(*need),
            _ => None,
        }
    }
}

/// One proposal: a resource, its score and every reason, strongest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub resource: Uuid,
    pub name: String,
    pub kind: ResourceKind,
    pub score: u32,
    pub reasons: Vec<ProposalReason>,
}

impl Proposal {
    /// What an accepted proposal is linked to: the first need it meets, else
    /// the first goal it serves.
    pub fn serves(&self) -> (Option<Uuid>, Option<Uuid>) {
        let need = self.reasons.iter().find_map(ProposalReason::need);
        let goal = if need.is_some() {
            None
        } else {
            self.reasons.iter().find_map(ProposalReason::goal)
        };
        (need, goal)
    }
}

/// The lower-case words of a text, three letters or more.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
}

/// Whether a keyword matches a word: equal, or the word is the keyword with
/// a plural or verb ending (`build` ~ `building`, `club` ~ `clubs`).
fn matches_word(keyword: &str, word: &str) -> bool {
    if keyword == word {
        return true;
    }
    let stem = |w: &str| -> String {
        for suffix in ["ing", "es", "s"] {
            if let Some(s) = w.strip_suffix(suffix) {
                if s.chars().count() >= 3 {
                    return s.to_owned();
                }
            }
        }
        w.to_owned()
    };
    stem(keyword) == stem(word)
}

/// Whether the student can take part at all (grade, language, places).
pub fn eligible(student: &StudentSignals, c: &Candidate) -> bool {
    let grade_ok = (c.grade_min..=c.grade_max).contains(&student.grade);
    let language_ok = c.languages.is_empty() || c.languages.iter().any(|l| student.languages.contains(l));
    let open = c.places_left != Some(0);
    grade_ok && language_ok && open
}

/// The proposals for a student, best first.
pub fn propose(student: &StudentSignals, directory: &[Candidate]) -> Vec<Proposal> {
    let mut out: Vec<Proposal> = directory
        .iter()
        .filter(|c| eligible(student, c))
        .filter_map(|c| {
            let mut reasons = Vec::new();
            for (need, kind) in &student.needs {
                if c.categories.contains(&ServiceCategory::for_need(*kind)) {
                    reasons.push(ProposalReason::MeetsNeed {
                        need: *need,
                        kind: *kind,
                    });
                }
            }
            for (rank, area) in student.interest_code.iter().take(3).enumerate() {
                if c.interest_areas.contains(area) {
                    reasons.push(ProposalReason::InterestArea { area: *area, rank });
                }
            }
            let mut seen: Vec<(String, WordSource)> = Vec::new();
            for (source, text) in &student.texts {
                for word in words(text) {
                    if c.keywords.iter().any(|k| matches_word(k, &word))
                        && !seen.iter().any(|(w, s)| *w == word && s == source)
                    {
                        seen.push((word.clone(), *source));
                        reasons.push(ProposalReason::Word { word, source: *source });
                    }
                }
            }
            if reasons.is_empty() {
                return None;
            }
            reasons.sort_by_key(|r| std::cmp::Reverse(r.score()));
            Some(Proposal {
                resource: c.id,
                name: c.name.clone(),
                kind: c.kind,
                score: reasons.iter().map(ProposalReason::score).sum(),
                reasons,
            })
        })
        .collect();
    let open = |id: Uuid| {
        directory
            .iter()
            .find(|c| c.id == id)
            .is_some_and(|c| c.places_left.is_some_and(|n| n > 0))
    };
    out.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| open(b.resource).cmp(&open(a.resource)))
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ServiceCategory as C;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn candidate(n: u128, name: &str, kind: ResourceKind, categories: &[C], keywords: &[&str]) -> Candidate {
        Candidate {
            id: id(n),
            name: name.into(),
            kind,
            categories: categories.to_vec(),
            grade_min: 6,
            grade_max: 12,
            languages: vec![],
            places_left: None,
            interest_areas: vec![],
            keywords: keywords.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn directory() -> Vec<Candidate> {
        use ResourceKind::*;
        vec![
            Candidate {
                interest_areas: vec![Area::Realistic, Area::Investigative],
                ..candidate(
                    1,
                    "Lego club",
                    SchoolOpportunity,
                    &[C::Enrichment],
                    &["lego", "build", "robots"],
                )
            },
            candidate(
                2,
                "Volleyball team",
                SchoolOpportunity,
                &[C::Enrichment],
                &["volleyball", "sports"],
            ),
            Candidate {
                languages: vec!["en".into(), "es".into()],
                ..candidate(
                    3,
                    "Clear Sight vision clinic",
                    PartnerService,
                    &[C::VisionDental],
                    &["glasses"],
                )
            },
            candidate(4, "Food pantry", PartnerService, &[C::Food], &[]),
            Candidate {
                grade_min: 9,
                ..candidate(
                    5,
                    "Math tutoring (high school)",
                    SchoolOpportunity,
                    &[C::Academic],
                    &["math"],
                )
            },
        ]
    }

    fn student() -> StudentSignals {
        StudentSignals {
            grade: 7,
            languages: vec!["es".into()],
            needs: vec![(id(100), NeedKind::VisionDental)],
            interest_code: vec![Area::Realistic, Area::Artistic, Area::Social],
            texts: vec![
                (WordSource::Interest, "I like building things with Lego".into()),
                (WordSource::Goal(id(200)), "Improve my math grade to a B".into()),
            ],
        }
    }

    #[test]
    fn needs_glasses_goes_to_the_vision_partner_and_likes_building_to_the_lego_club() {
        let got = propose(&student(), &directory());
        let names: Vec<_> = got.iter().map(|p| (p.name.as_str(), p.score)).collect();
        // Math tutoring is grade 9+ and the student is in grade 7; the
        // pantry and volleyball have no reason.
        assert_eq!(names, [("Clear Sight vision clinic", 100), ("Lego club", 70)]);
        assert_eq!(
            got[0].reasons,
            [ProposalReason::MeetsNeed {
                need: id(100),
                kind: NeedKind::VisionDental
            }]
        );
        assert_eq!(got[0].serves(), (Some(id(100)), None));
        assert_eq!(
            got[1].reasons,
            [
                ProposalReason::InterestArea {
                    area: Area::Realistic,
                    rank: 0
                },
                ProposalReason::Word {
                    word: "building".into(),
                    source: WordSource::Interest
                },
                ProposalReason::Word {
                    word: "lego".into(),
                    source: WordSource::Interest
                },
            ]
        );
    }

    #[test]
    fn a_goal_word_links_the_proposal_to_the_goal() {
        let s = StudentSignals { grade: 10, ..student() };
        let got = propose(&s, &directory());
        let tutoring = got.iter().find(|p| p.resource == id(5)).expect("grade 10 may join");
        assert_eq!(tutoring.serves(), (None, Some(id(200))));
        assert_eq!(tutoring.score, 20);
    }

    #[test]
    fn filters_grade_language_and_places() {
        let s = student();
        let mut d = directory();
        // (change, proposed?)
        type Change = Box<dyn Fn(&mut Candidate)>;
        let cases: Vec<(&str, Change, bool)> = vec![
            ("as listed", Box::new(|_| {}), true),
            ("english only", Box::new(|c| c.languages = vec!["en".into()]), false),
            ("spanish listed", Box::new(|c| c.languages = vec!["es".into()]), true),
            ("full", Box::new(|c| c.places_left = Some(0)), false),
            ("one place", Box::new(|c| c.places_left = Some(1)), true),
            ("grades 8-12", Box::new(|c| c.grade_min = 8), false),
            ("grades 6-7", Box::new(|c| c.grade_max = 7), true),
        ];
        for (what, change, want) in cases {
            let mut c = d[2].clone();
            change(&mut c);
            d[2] = c.clone();
            assert_eq!(eligible(&s, &c), want, "{what}");
            assert_eq!(propose(&s, &[c]).len(), usize::from(want), "{what}");
            d = directory();
        }
    }

    #[test]
    fn ties_go_to_open_places_then_name() {
        let s = StudentSignals {
            needs: vec![(id(1), NeedKind::Food)],
            ..Default::default()
        };
        let s = StudentSignals { grade: 8, ..s };
        let a = candidate(10, "B pantry", ResourceKind::PartnerService, &[C::Food], &[]);
        let b = Candidate {
            places_left: Some(3),
            ..candidate(11, "C pantry", ResourceKind::PartnerService, &[C::Food], &[])
        };
        let c = candidate(12, "A pantry", ResourceKind::PartnerService, &[C::Food], &[]);
        let got: Vec<_> = propose(&s, &[a, b, c]).into_iter().map(|p| p.name).collect();
        assert_eq!(got, ["C pantry", "A pantry", "B pantry"]);
    }

    #[test]
    fn words_match_by_stem_not_by_substring() {
        for (k, w, want) in [
            ("build", "building", true),
            ("club", "clubs", true),
            ("lego", "lego", true),
            ("art", "party", false),
            ("math", "mathematics", false),
        ] {
            assert_eq!(matches_word(k, w), want, "{k} ~ {w}");
        }
    }

    #[test]
    fn a_student_with_no_signals_gets_no_proposals() {
        let s = StudentSignals {
            grade: 7,
            ..Default::default()
        };
        assert!(propose(&s, &directory()).is_empty());
    }
}
