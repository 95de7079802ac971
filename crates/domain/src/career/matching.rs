//! "Careers that fit my interests": how closely a student's six scores fit
//! an occupation's six O*NET interest ratings. The fit is the Pearson
//! correlation of the two profiles (shape, not level: a student who likes
//! everything a little and one who likes everything a lot rank the same
//! careers first), shown as 0–100.

use super::inventory::Scores;
use super::Area;

/// An occupation as the matcher sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate<'a> {
    pub code: &'a str,
    /// O*NET's six occupational-interest ratings (1–7) in RIASEC order;
    /// None when O*NET has none for the occupation.
    pub interests: Option<[f64; 6]>,
}

/// Why an occupation matched, for the student to read.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub code: String,
    /// 0–100: (correlation + 1) × 50, rounded.
    pub fit: u8,
    /// The student's top areas that are also among the occupation's top
    /// three ratings, in the student's order.
    pub shared: Vec<Area>,
    /// The occupation's top three areas by rating.
    pub occupation_top: Vec<Area>,
}

/// What the matcher gives back: ranked matches and the occupations it could
/// not score (no interest data), which the page lists instead of hiding.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ranking {
    pub matches: Vec<Match>,
    pub unscored: Vec<String>,
}

/// Pearson correlation of two six-value profiles; None when either is flat
/// (every value the same), where the correlation is undefined.
pub fn correlation(a: &[f64; 6], b: &[f64; 6]) -> Option<f64> {
    let mean = |v: &[f64; 6]| v.iter().sum::<f64>() / 6.0;
    let (ma, mb) = (mean(a), mean(b));
    let (mut cov, mut va, mut vb) = (0.0, 0.0, 0.0);
    for i in 0..6 {
        let (da, db) = (a[i] - ma, b[i] - mb);
        cov += da * db;
        va += da * da;
        vb += db * db;
    }
    if va < 1e-9 || vb < 1e-9 {
        return None;
    }
    Some(cov / (va.sqrt() * vb.sqrt()))
}

/// The top three areas of an occupation's ratings (ties in RIASEC order).
pub fn top_areas(interests: &[f64; 6]) -> Vec<Area> {
    let mut areas = Area::ALL;
    areas.sort_by(|a, b| {
        interests[b.index()]
            .partial_cmp(&interests[a.index()])
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(b))
    });
    areas.into_iter().take(3).collect()
}

/// Ranks the candidates by fit, best first (ties by code, so the order is
/// stable). A student whose scores are all equal gets no ranking: every
/// candidate would fit the same, and the page says so.
pub fn rank(scores: &Scores, candidates: &[Candidate<'_>]) -> Option<Ranking> {
    let student = scores.0.map(f64::from);
    // Flat scores: nothing to rank on.
    correlation(&student, &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0])?;
    let code = scores.code();
    let mut out = Ranking::default();
    for c in candidates {
        let Some(interests) = c.interests else {
            out.unscored.push(c.code.to_owned());
            continue;
        };
        let Some(r) = correlation(&student, &interests) else {
            out.unscored.push(c.code.to_owned());
            continue;
        };
        let occupation_top = top_areas(&interests);
        let shared = code.iter().copied().filter(|a| occupation_top.contains(a)).collect();
        out.matches.push(Match {
            code: c.code.to_owned(),
            fit: ((r + 1.0) * 50.0).round().clamp(0.0, 100.0) as u8,
            shared,
            occupation_top,
        });
    }
    out.matches
        .sort_by(|a, b| b.fit.cmp(&a.fit).then_with(|| a.code.cmp(&b.code)));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(code: &str, i: [f64; 6]) -> Candidate<'_> {
        Candidate {
            code,
            interests: Some(i),
        }
    }

    #[test]
    fn the_occupation_with_the_same_shape_ranks_first() {
        // A social-investigative student.
        let scores = Scores([8, 30, 12, 38, 10, 6]);
        let nurse = c("29-1141.00", [2.5, 5.0, 2.0, 6.5, 2.8, 3.0]);
        let carpenter = c("47-2031.00", [7.0, 3.0, 3.5, 1.5, 2.5, 3.5]);
        let accountant = c("13-2011.00", [1.5, 3.5, 1.2, 2.0, 4.0, 7.0]);
        let ranking = rank(&scores, &[carpenter, accountant, nurse]).unwrap();
        let order: Vec<_> = ranking.matches.iter().map(|m| m.code.as_str()).collect();
        assert_eq!(order, ["29-1141.00", "13-2011.00", "47-2031.00"]);
        let best = &ranking.matches[0];
        assert!(best.fit > 90, "{best:?}");
        assert_eq!(best.shared, vec![Area::Social, Area::Investigative]);
        assert!(ranking.matches[2].fit < 50);
    }

    #[test]
    fn occupations_without_interest_data_are_listed_as_unscored_not_dropped() {
        let scores = Scores([40, 0, 0, 0, 0, 10]);
        let ranking = rank(
            &scores,
            &[
                Candidate {
                    code: "11-9199.00",
                    interests: None,
                },
                c("47-2031.00", [7.0, 3.0, 3.5, 1.5, 2.5, 3.5]),
                c("00-0000.00", [3.0; 6]),
            ],
        )
        .unwrap();
        assert_eq!(ranking.matches.len(), 1);
        assert_eq!(ranking.unscored, vec!["11-9199.00".to_owned(), "00-0000.00".to_owned()]);
    }

    #[test]
    fn flat_scores_give_no_ranking() {
        assert_eq!(rank(&Scores([20; 6]), &[c("a", [1.0, 2.0, 3.0, 4.0, 5.0, 6.0])]), None);
    }

    #[test]
    fn correlation_is_one_for_the_same_shape_and_minus_one_for_the_opposite() {
        let a = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let b = a.map(|v| v * 3.0 + 1.0);
        let opp = a.map(|v| 7.0 - v);
        assert!((correlation(&a, &b).unwrap() - 1.0).abs() < 1e-9);
        assert!((correlation(&a, &opp).unwrap() + 1.0).abs() < 1e-9);
        assert_eq!(correlation(&a, &[2.0; 6]), None);
        assert_eq!(
            top_areas(&[1.0, 6.0, 2.0, 6.0, 3.0, 0.0]),
            vec![Area::Investigative, Area::Social, Area::Enterprising]
        );
    }
}
