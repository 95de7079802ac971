//! The capstone rubric and the panel's scores. A rubric is criteria ×
//! levels: every criterion is scored on the same ascending levels, each
//! worth some points; the district edits it. A capstone passes when the
//! average points reach the rubric's minimum and, optionally, no criterion
//! averages below a given level.
//!
//! Scoring: each panelist gives each criterion one level. A criterion's
//! mean is over the panelists; the overall mean is over every score (the
//! same as the mean of the criterion means, since scoring is complete).
//! Means are shown in hundredths, rounded half up; the pass rule compares
//! exact sums, so rounding never decides a result.

use crate::academics::Points;
use crate::input::{FieldError, Fields, Rejected};
use crate::PersonId;

/// The most criteria.
pub const MAX_CRITERIA: usize = 12;
/// Levels allowed: 2–6.
pub const LEVELS: std::ops::RangeInclusive<usize> = 2..=6;
/// The longest criterion or level name.
pub const NAME_MAX_CHARS: usize = 200;
/// The longest criterion description.
pub const DESCRIPTION_MAX_CHARS: usize = 2_000;
/// The most points a level may carry.
pub const MAX_POINTS: u32 = 100;

/// One thing the panel judges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Criterion {
    pub name: String,
    /// What the panel looks for (may be empty).
    pub description: String,
}

/// One level of the scale, worth `points`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Level {
    pub name: String,
    pub points: u32,
}

/// When a capstone passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PassRule {
    /// The overall mean must be at least this.
    pub min_average: Points,
    /// If set, every criterion's mean must be at least the points of this
    /// level (an index into the levels, 0 is the lowest).
    pub no_criterion_below: Option<usize>,
}

/// A district's capstone rubric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rubric {
    pub criteria: Vec<Criterion>,
    /// Lowest first, points strictly ascending.
    pub levels: Vec<Level>,
    pub pass: PassRule,
}

/// The rubric shipped by default: four criteria (research & question,
/// process & evidence, product, presentation & reflection) on four levels
/// (beginning 1, developing 2, proficient 3, exemplary 4). A capstone
/// passes with an overall mean of at least 2.5 and no criterion at
/// beginning — each criterion's mean at least 2 (developing). The names
/// are English starting text the district edits.
pub fn default_rubric() -> Rubric {
    let criterion = |name: &str, description: &str| Criterion {
        name: name.to_owned(),
        description: description.to_owned(),
    };
    let level = |name: &str, points| Level {
        name: name.to_owned(),
        points,
    };
    Rubric {
        criteria: vec![
            criterion(
                "Research & question",
                "A focused question, grounded in credible sources.",
            ),
            criterion(
                "Process & evidence",
                "Planned work, milestones met, evidence of learning and revision.",
            ),
            criterion("Product", "A final product that answers the question with quality."),
            criterion(
                "Presentation & reflection",
                "Clear presentation to the panel; honest reflection on growth.",
            ),
        ],
        levels: vec![
            level("Beginning", 1),
            level("Developing", 2),
            level("Proficient", 3),
            level("Exemplary", 4),
        ],
        pass: PassRule {
            min_average: Points(250),
            no_criterion_below: Some(1),
        },
    }
}

/// A criterion as the rubric editor sends it.
#[derive(Debug, Clone, Copy, Default)]
pub struct CriterionRaw<'a> {
    pub name: &'a str,
    pub description: &'a str,
}

/// A level as the rubric editor sends it.
#[derive(Debug, Clone, Copy, Default)]
pub struct LevelRaw<'a> {
    pub name: &'a str,
    /// A whole number, 0–100.
    pub points: &'a str,
}

/// A rubric as the editor sends it: rows of criteria, rows of levels
/// (lowest first), and the pass rule.
#[derive(Debug, Clone, Copy, Default)]
pub struct RubricRaw<'a> {
    pub criteria: &'a [CriterionRaw<'a>],
    pub levels: &'a [LevelRaw<'a>],
    /// A decimal such as `2.5`.
    pub min_average: &'a str,
    /// Blank for none, or a level's number counting from 1 (lowest).
    pub no_criterion_below: &'a str,
}

impl RubricRaw<'_> {
    /// The input's code is `invalid_rubric`. Rows with a blank name *and*
    /// blank other cells are dropped (empty rows of a form). Field codes:
    /// `criteria` — `blank_name`, `too_long` (name over 200 or description
    /// over 2,000), then [`Rubric::check`]'s; `levels` — `blank_name`,
    /// `too_long`, `invalid_points` (not a whole number 0–100), then
    /// [`Rubric::check`]'s; `min_average` — `required`, `invalid_points`,
    /// then [`Rubric::check`]'s; `no_criterion_below` — `invalid_level`.
    pub fn parse(&self) -> Result<Rubric, Rejected> {
        let mut f = Fields::new();
        let mut criteria = Vec::new();
        let mut criteria_ok = true;
        for c in self
            .criteria
            .iter()
            .filter(|c| !(c.name.trim().is_empty() && c.description.trim().is_empty()))
        {
            let (name, description) = (c.name.trim(), c.description.trim());
            let problem = if name.is_empty() {
                Some("blank_name")
            } else if name.chars().count() > NAME_MAX_CHARS || description.chars().count() > DESCRIPTION_MAX_CHARS {
                Some("too_long")
            } else {
                None
            };
            if let Some(code) = problem {
                f.push("criteria", code);
                criteria_ok = false;
                break;
            }
            criteria.push(Criterion {
                name: name.to_owned(),
                description: description.to_owned(),
            });
        }
        let mut levels = Vec::new();
        let mut levels_ok = true;
        for l in self
            .levels
            .iter()
            .filter(|l| !(l.name.trim().is_empty() && l.points.trim().is_empty()))
        {
            let name = l.name.trim();
            let points = l.points.trim();
            let parsed = (!points.is_empty() && points.bytes().all(|b| b.is_ascii_digit()))
                .then(|| points.parse::<u32>().ok())
                .flatten()
                .filter(|p| *p <= MAX_POINTS);
            let problem = if name.is_empty() {
                Some("blank_name")
            } else if name.chars().count() > NAME_MAX_CHARS {
                Some("too_long")
            } else if parsed.is_none() {
                Some("invalid_points")
            } else {
                None
            };
            match (problem, parsed) {
                (None, Some(points)) => levels.push(Level {
                    name: name.to_owned(),
                    points,
                }),
                (code, _) => {
                    f.push("levels", code.unwrap_or("invalid_points"));
                    levels_ok = false;
                    break;
                }
            }
        }
        let min_average = f.check(match self.min_average.trim() {
            "" => Err(FieldError::new("min_average", "required")),
            m => Points::parse(m).map_err(|_| FieldError::new("min_average", "invalid_points")),
        });
        let below = f.check(match self.no_criterion_below.trim() {
            "" => Ok(None),
            n => n
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1 && (!levels_ok || *n <= levels.len()))
                .map(|n| Some(n - 1))
                .ok_or(FieldError::new("no_criterion_below", "invalid_level")),
        });
        let rubric = Rubric {
            criteria,
            levels,
            pass: PassRule {
                min_average: min_average.unwrap_or(Points::ZERO),
                no_criterion_below: below.flatten(),
            },
        };
        // The whole-rubric rules, for the fields that parsed.
        if let Err(rejected) = rubric.check() {
            for p in rejected.fields {
                let parsed = match p.field {
                    "criteria" => criteria_ok,
                    "levels" => levels_ok,
                    "min_average" => min_average.is_some(),
                    _ => below.is_some(),
                };
                if parsed {
                    f.push(p.field, p.code);
                }
            }
        }
        f.finish("invalid_rubric", || rubric).map_err(|mut r| {
            let order = ["criteria", "levels", "min_average", "no_criterion_below"];
            r.fields.sort_by_key(|e| order.iter().position(|f| *f == e.field));
            r
        })
    }
}

impl Rubric {
    /// The rules a rubric keeps (also for one read back from storage). The
    /// input's code is `invalid_rubric`. Fields: `criteria` — `required`
    /// (none), `too_many` (over 12), `duplicate_name` (names compared
    /// ignoring case); `levels` — `too_few` (under 2), `too_many` (over 6),
    /// `not_ascending` (points must rise strictly from the first level),
    /// `duplicate_name`; `min_average` — `out_of_range` (above the top
    /// level's points or below the lowest's: nobody or everybody would
    /// pass); `no_criterion_below` — `invalid_level` (not a level).
    pub fn check(&self) -> Result<(), Rejected> {
        let mut f = Fields::new();
        let dup = |names: Vec<&str>| {
            let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
            lower.iter().enumerate().any(|(i, n)| lower[..i].contains(n))
        };
        if self.criteria.is_empty() {
            f.push("criteria", "required");
        } else if self.criteria.len() > MAX_CRITERIA {
            f.push("criteria", "too_many");
        } else if dup(self.criteria.iter().map(|c| c.name.as_str()).collect()) {
            f.push("criteria", "duplicate_name");
        }
        let levels_ok = LEVELS.contains(&self.levels.len())
            && self.levels.windows(2).all(|w| w[0].points < w[1].points)
            && !dup(self.levels.iter().map(|l| l.name.as_str()).collect());
        if self.levels.len() < *LEVELS.start() {
            f.push("levels", "too_few");
        } else if self.levels.len() > *LEVELS.end() {
            f.push("levels", "too_many");
        } else if !self.levels.windows(2).all(|w| w[0].points < w[1].points) {
            f.push("levels", "not_ascending");
        } else if dup(self.levels.iter().map(|l| l.name.as_str()).collect()) {
            f.push("levels", "duplicate_name");
        }
        if let (true, Some(lowest), Some(top)) = (levels_ok, self.levels.first(), self.levels.last()) {
            let min = self.pass.min_average.0;
            if min > top.points * 100 || min < lowest.points * 100 {
                f.push("min_average", "out_of_range");
            }
        }
        if self.pass.no_criterion_below.is_some_and(|i| i >= self.levels.len()) {
            f.push("no_criterion_below", "invalid_level");
        }
        f.finish("invalid_rubric", || ())
    }
}

/// One panelist's level for one criterion (indexes into the rubric).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PanelScore {
    pub panelist: PersonId,
    pub criterion: usize,
    pub level: usize,
}

/// Why a set of scores cannot give a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ScoreRefusal {
    /// No scores, or a panelist left a criterion unscored.
    #[error("incomplete_score")]
    Incomplete,
    /// A level the rubric does not have.
    #[error("unknown_level")]
    UnknownLevel,
    /// A criterion the rubric does not have.
    #[error("unknown_criterion")]
    UnknownCriterion,
    /// A panelist scored the same criterion twice.
    #[error("duplicate_score")]
    Duplicate,
}

impl ScoreRefusal {
    /// `incomplete_score`, `unknown_level`, `unknown_criterion`,
    /// `duplicate_score`.
    pub fn code(self) -> &'static str {
        match self {
            ScoreRefusal::Incomplete => "incomplete_score",
            ScoreRefusal::UnknownLevel => "unknown_level",
            ScoreRefusal::UnknownCriterion => "unknown_criterion",
            ScoreRefusal::Duplicate => "duplicate_score",
        }
    }
}

/// A panel's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreResult {
    /// Each criterion's mean points over the panelists, in rubric order.
    pub criterion_means: Vec<Points>,
    /// The mean over every score.
    pub overall: Points,
    pub passed: bool,
    pub panelists: usize,
}

/// The result of a complete scoring: every panelist has scored every
/// criterion exactly once with a level of the rubric. Refusals
/// `unknown_criterion`, `unknown_level`, `duplicate_score`,
/// `incomplete_score`.
pub fn result(rubric: &Rubric, scores: &[PanelScore]) -> Result<ScoreResult, ScoreRefusal> {
    let mut panelists: Vec<PersonId> = Vec::new();
    for s in scores {
        if s.criterion >= rubric.criteria.len() {
            return Err(ScoreRefusal::UnknownCriterion);
        }
        if s.level >= rubric.levels.len() {
            return Err(ScoreRefusal::UnknownLevel);
        }
        if !panelists.contains(&s.panelist) {
            panelists.push(s.panelist);
        }
    }
    for (i, s) in scores.iter().enumerate() {
        if scores[..i]
            .iter()
            .any(|t| t.panelist == s.panelist && t.criterion == s.criterion)
        {
            return Err(ScoreRefusal::Duplicate);
        }
    }
    let n = panelists.len() as u64;
    if n == 0 || scores.len() as u64 != n * rubric.criteria.len() as u64 {
        return Err(ScoreRefusal::Incomplete);
    }
    let points = |s: &PanelScore| u64::from(rubric.levels[s.level].points);
    let sums: Vec<u64> = (0..rubric.criteria.len())
        .map(|c| scores.iter().filter(|s| s.criterion == c).map(points).sum())
        .collect();
    let total: u64 = sums.iter().sum();
    let mean = |sum: u64, count: u64| Points(((sum * 200 + count) / (2 * count)) as u32);
    let count = n * rubric.criteria.len() as u64;
    let average_ok = total * 100 >= u64::from(rubric.pass.min_average.0) * count;
    let floor_ok = rubric.pass.no_criterion_below.is_none_or(|level| {
        let floor = u64::from(rubric.levels.get(level).map_or(0, |l| l.points));
        sums.iter().all(|sum| *sum >= floor * n)
    });
    Ok(ScoreResult {
        criterion_means: sums.iter().map(|s| mean(*s, n)).collect(),
        overall: mean(total, count),
        passed: average_ok && floor_ok,
        panelists: panelists.len(),
    })
}

/// One panelist's sheet as the scoring form sends it: for each criterion
/// in rubric order, the chosen level's number counting from 1. The input's
/// code is `invalid_score`; field `levels`: `incomplete_score` (a criterion
/// left blank, or fewer answers than criteria), `unknown_level`.
pub fn parse_sheet(rubric: &Rubric, panelist: PersonId, levels: &[&str]) -> Result<Vec<PanelScore>, Rejected> {
    let reject = |code| Rejected::one("invalid_score", "levels", code);
    if levels.len() < rubric.criteria.len() || levels.iter().any(|l| l.trim().is_empty()) {
        return Err(reject("incomplete_score"));
    }
    if levels.len() > rubric.criteria.len() {
        return Err(reject("unknown_level"));
    }
    levels
        .iter()
        .enumerate()
        .map(|(criterion, raw)| {
            raw.trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=rubric.levels.len()).contains(n))
                .map(|n| PanelScore {
                    panelist,
                    criterion,
                    level: n - 1,
                })
                .ok_or_else(|| reject("unknown_level"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;

    fn person(n: u128) -> PersonId {
        PersonId(Uuid::from_u128(n))
    }

    /// Scores from rows of levels (1-based), one row per panelist.
    fn sheet(rows: &[&[usize]]) -> Vec<PanelScore> {
        rows.iter()
            .enumerate()
            .flat_map(|(p, row)| {
                row.iter().enumerate().map(move |(c, l)| PanelScore {
                    panelist: person(p as u128 + 1),
                    criterion: c,
                    level: l - 1,
                })
            })
            .collect()
    }

    #[test]
    fn the_default_rubric_keeps_its_own_rules() {
        let r = default_rubric();
        assert_eq!(r.check(), Ok(()));
        assert_eq!(r.criteria.len(), 4);
        assert_eq!(r.levels.iter().map(|l| l.points).collect::<Vec<_>>(), [1, 2, 3, 4]);
    }

    #[test]
    fn the_default_rubric_passes_at_two_and_a_half_with_no_criterion_at_beginning() {
        let r = default_rubric();
        for (rows, overall, passed) in [
            (&[&[3, 3, 3, 3][..]][..], 300, true),
            (&[&[2, 3, 2, 3]], 250, true),
            (&[&[2, 2, 3, 2]], 225, false),
            (&[&[1, 4, 4, 4]], 325, false),
            (&[&[1, 4, 4, 4], &[3, 4, 4, 4]], 350, true),
            (&[&[1, 2, 2, 2], &[2, 3, 3, 3], &[2, 3, 3, 3]], 242, false),
        ] {
            let got = result(&r, &sheet(rows)).unwrap();
            assert_eq!((got.overall.0, got.passed), (overall, passed), "{rows:?}");
            assert_eq!(got.panelists, rows.len());
        }
        let two = result(&r, &sheet(&[&[1, 4, 4, 4], &[2, 4, 4, 3]])).unwrap();
        assert_eq!(
            two.criterion_means,
            [Points(150), Points(400), Points(400), Points(350)]
        );
        assert!(!two.passed, "research averages 1.5, below developing");
        let thirds = result(&r, &sheet(&[&[2, 2, 2, 2], &[2, 2, 2, 2], &[3, 2, 2, 2]])).unwrap();
        assert_eq!(thirds.criterion_means[0], Points(233));
    }

    #[test]
    fn scoring_must_be_complete_known_and_once_each() {
        let r = default_rubric();
        let mut twice = sheet(&[&[3, 3, 3, 3]]);
        twice.push(twice[0]);
        let mut unknown_level = sheet(&[&[3, 3, 3, 3]]);
        unknown_level[2].level = 4;
        let mut unknown_criterion = sheet(&[&[3, 3, 3, 3]]);
        unknown_criterion[3].criterion = 4;
        for (scores, want) in [
            (vec![], ScoreRefusal::Incomplete),
            (sheet(&[&[3, 3, 3]]), ScoreRefusal::Incomplete),
            (sheet(&[&[3, 3, 3, 3], &[3, 3]]), ScoreRefusal::Incomplete),
            (twice, ScoreRefusal::Duplicate),
            (unknown_level, ScoreRefusal::UnknownLevel),
            (unknown_criterion, ScoreRefusal::UnknownCriterion),
        ] {
            assert_eq!(result(&r, &scores), Err(want), "{want:?}");
        }
        assert_eq!(ScoreRefusal::Incomplete.code(), "incomplete_score");
        assert_eq!(ScoreRefusal::Duplicate.code(), "duplicate_score");
    }

    #[test]
    fn a_sheet_gives_one_level_per_criterion() {
        let r = default_rubric();
        let ok = parse_sheet(&r, person(1), &["3", "4", " 2 ", "1"]).unwrap();
        assert_eq!(ok.iter().map(|s| s.level).collect::<Vec<_>>(), [2, 3, 1, 0]);
        for (levels, code) in [
            (&["3", "3", "3"][..], "incomplete_score"),
            (&["3", "", "3", "3"], "incomplete_score"),
            (&["3", "5", "3", "3"], "unknown_level"),
            (&["3", "0", "3", "3"], "unknown_level"),
            (&["3", "x", "3", "3"], "unknown_level"),
            (&["3", "3", "3", "3", "3"], "unknown_level"),
        ] {
            let err = parse_sheet(&r, person(1), levels).unwrap_err();
            assert_eq!(err.error, "invalid_score");
            assert_eq!(err.fields, vec![FieldError::new("levels", code)], "{levels:?}");
        }
    }

    fn criteria<'a>(names: &[&'a str]) -> Vec<CriterionRaw<'a>> {
        names
            .iter()
            .map(|n| CriterionRaw {
                name: n,
                description: "",
            })
            .collect()
    }

    fn levels<'a>(rows: &[(&'a str, &'a str)]) -> Vec<LevelRaw<'a>> {
        rows.iter().map(|(name, points)| LevelRaw { name, points }).collect()
    }

    fn codes(r: Rejected) -> Vec<(&'static str, &'static str)> {
        assert_eq!(r.error, "invalid_rubric");
        r.fields.iter().map(|f| (f.field, f.code)).collect()
    }

    #[test]
    fn a_district_rubric_parses_from_its_editor() {
        let c = criteria(&["Inquiry", "Craft", ""]);
        let l = levels(&[("Not yet", "0"), ("Met", "1"), ("", "")]);
        let r = RubricRaw {
            criteria: &c,
            levels: &l,
            min_average: "0.75",
            no_criterion_below: "",
        }
        .parse()
        .unwrap();
        assert_eq!(r.criteria.len(), 2, "the blank row is dropped");
        assert_eq!(r.levels[1].points, 1);
        assert_eq!(r.pass.min_average, Points(75));
        assert_eq!(r.pass.no_criterion_below, None);
        let rr = RubricRaw {
            criteria: &c,
            levels: &l,
            min_average: "1",
            no_criterion_below: "2",
        }
        .parse()
        .unwrap();
        assert_eq!(rr.pass.no_criterion_below, Some(1));
    }

    type Case<'a> = (
        Vec<CriterionRaw<'a>>,
        Vec<LevelRaw<'a>>,
        &'a str,
        &'a str,
        Vec<(&'a str, &'a str)>,
    );

    #[test]
    fn a_rubric_is_refused_with_a_code_per_field() {
        let ok_c = criteria(&["Inquiry", "Craft"]);
        let ok_l = levels(&[("Low", "1"), ("High", "2")]);
        let thirteen: Vec<String> = (0..13).map(|i| format!("C{i}")).collect();
        let thirteen: Vec<&str> = thirteen.iter().map(String::as_str).collect();
        let long = "n".repeat(201);
        let cases: Vec<Case> = vec![
            (vec![], ok_l.clone(), "1.5", "", vec![("criteria", "required")]),
            (
                criteria(&thirteen),
                ok_l.clone(),
                "1.5",
                "",
                vec![("criteria", "too_many")],
            ),
            (
                criteria(&["Craft", "craft"]),
                ok_l.clone(),
                "1.5",
                "",
                vec![("criteria", "duplicate_name")],
            ),
            (
                vec![CriterionRaw {
                    name: "",
                    description: "no name",
                }],
                ok_l.clone(),
                "1.5",
                "",
                vec![("criteria", "blank_name")],
            ),
            (
                criteria(&[&long]),
                ok_l.clone(),
                "1.5",
                "",
                vec![("criteria", "too_long")],
            ),
            (
                ok_c.clone(),
                levels(&[("Only", "1")]),
                "1",
                "",
                vec![("levels", "too_few")],
            ),
            (
                ok_c.clone(),
                levels(&[
                    ("a", "1"),
                    ("b", "2"),
                    ("c", "3"),
                    ("d", "4"),
                    ("e", "5"),
                    ("f", "6"),
                    ("g", "7"),
                ]),
                "1",
                "",
                vec![("levels", "too_many")],
            ),
            (
                ok_c.clone(),
                levels(&[("Low", "2"), ("High", "2")]),
                "2",
                "",
                vec![("levels", "not_ascending")],
            ),
            (
                ok_c.clone(),
                levels(&[("High", "3"), ("Low", "1")]),
                "2",
                "",
                vec![("levels", "not_ascending")],
            ),
            (
                ok_c.clone(),
                levels(&[("Met", "1"), ("met", "2")]),
                "1",
                "",
                vec![("levels", "duplicate_name")],
            ),
            (
                ok_c.clone(),
                levels(&[("Low", "one"), ("High", "2")]),
                "1",
                "",
                vec![("levels", "invalid_points")],
            ),
            (
                ok_c.clone(),
                levels(&[("Low", "-1"), ("High", "2")]),
                "1",
                "",
                vec![("levels", "invalid_points")],
            ),
            (
                ok_c.clone(),
                levels(&[("Low", "1"), ("High", "101")]),
                "1",
                "",
                vec![("levels", "invalid_points")],
            ),
            (
                ok_c.clone(),
                levels(&[("", "1"), ("High", "2")]),
                "1",
                "",
                vec![("levels", "blank_name")],
            ),
            (ok_c.clone(), ok_l.clone(), "", "", vec![("min_average", "required")]),
            (
                ok_c.clone(),
                ok_l.clone(),
                "two",
                "",
                vec![("min_average", "invalid_points")],
            ),
            (
                ok_c.clone(),
                ok_l.clone(),
                "2.5",
                "",
                vec![("min_average", "out_of_range")],
            ),
            (
                ok_c.clone(),
                ok_l.clone(),
                "0.5",
                "",
                vec![("min_average", "out_of_range")],
            ),
            (
                ok_c.clone(),
                ok_l.clone(),
                "1.5",
                "3",
                vec![("no_criterion_below", "invalid_level")],
            ),
            (
                ok_c.clone(),
                ok_l.clone(),
                "1.5",
                "0",
                vec![("no_criterion_below", "invalid_level")],
            ),
            (
                vec![],
                levels(&[("Only", "1")]),
                "",
                "x",
                vec![
                    ("criteria", "required"),
                    ("levels", "too_few"),
                    ("min_average", "required"),
                    ("no_criterion_below", "invalid_level"),
                ],
            ),
        ];
        for (c, l, min, below, want) in cases {
            let raw = RubricRaw {
                criteria: &c,
                levels: &l,
                min_average: min,
                no_criterion_below: below,
            };
            assert_eq!(codes(raw.parse().unwrap_err()), want, "{min} {below} {c:?} {l:?}");
        }
    }
}
