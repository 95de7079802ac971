//! The work-values inventory and the strengths self-rating as answered:
//! each stored as one character per statement or strength (`1`–`4`, `-`
//! for not answered), so a student can leave some blank and revisit.

use super::values::{WorkValue, STRENGTHS, VALUE_ITEMS};
use crate::input::Rejected;

/// Answers on a 1–4 scale, one per position; `n` positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ratings(Vec<Option<u8>>);

impl Ratings {
    /// From the stored form; anything unreadable (a different length, an
    /// unknown character — a district on an older list) reads as blank.
    pub fn from_stored(s: &str, n: usize) -> Self {
        let mut v: Vec<Option<u8>> = s
            .chars()
            .map(|c| match c {
                '1'..='4' => Some(c as u8 - b'0'),
                _ => None,
            })
            .collect();
        v.resize(n, None);
        Ratings(v)
    }

    pub fn to_stored(&self) -> String {
        self.0.iter().map(|a| a.map_or('-', |v| char::from(b'0' + v))).collect()
    }

    /// From a form: one raw value per position (blank: not answered).
    /// Anything but blank or 1–4 refuses the whole form: `invalid_ratings`
    /// with field `ratings`, `unknown_choice`.
    pub fn parse(raw: &[&str], n: usize) -> Result<Self, Rejected> {
        if raw.len() != n {
            return Err(Rejected::one("invalid_ratings", "ratings", "unknown_choice"));
        }
        let mut v = Vec::with_capacity(n);
        for r in raw {
            v.push(match r.trim() {
                "" => None,
                s => match s.parse::<u8>() {
                    Ok(x @ 1..=4) => Some(x),
                    _ => return Err(Rejected::one("invalid_ratings", "ratings", "unknown_choice")),
                },
            });
        }
        Ok(Ratings(v))
    }

    pub fn get(&self, i: usize) -> Option<u8> {
        self.0.get(i).copied().flatten()
    }

    pub fn answered(&self) -> usize {
        self.0.iter().filter(|a| a.is_some()).count()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The work values from most to least important to the student: each
/// value's score is the sum of its statements' answers (3–12 when all are
/// answered); values with no answer are left out; ties in the list's order.
pub fn ranked_values(r: &Ratings) -> Vec<(WorkValue, u8)> {
    let mut out: Vec<(WorkValue, u8)> = WorkValue::ALL
        .into_iter()
        .filter_map(|v| {
            let answers: Vec<u8> = VALUE_ITEMS
                .iter()
                .enumerate()
                .filter(|(_, item)| item.value == v)
                .filter_map(|(i, _)| r.get(i))
                .collect();
            (!answers.is_empty()).then(|| (v, answers.iter().sum()))
        })
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// The strengths the student rated 4 ("one of my strengths") or 3.
pub fn top_strengths(r: &Ratings) -> Vec<(&'static str, u8)> {
    let mut out: Vec<(&'static str, u8)> = STRENGTHS
        .iter()
        .enumerate()
        .filter_map(|(i, k)| r.get(i).filter(|v| *v >= 3).map(|v| (*k, v)))
        .collect();
    out.sort_by_key(|a| std::cmp::Reverse(a.1));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_round_trip_and_bad_values_refuse_the_form() {
        let r = Ratings::parse(&["1", "", "4", "3"], 4).unwrap();
        assert_eq!(r.to_stored(), "1-43");
        assert_eq!(Ratings::from_stored("1-43", 4), r);
        assert_eq!(Ratings::from_stored("1-4", 4).to_stored(), "1-4-");
        assert_eq!(r.answered(), 3);
        assert!(Ratings::parse(&["5", "", "", ""], 4).is_err());
        assert!(Ratings::parse(&["x", "", "", ""], 4).is_err());
        assert!(Ratings::parse(&["1"], 4).is_err());
    }

    #[test]
    fn values_rank_by_the_sum_of_their_statements() {
        let n = VALUE_ITEMS.len();
        let raw: Vec<String> = VALUE_ITEMS
            .iter()
            .map(|i| {
                if i.value == WorkValue::Relationships {
                    "4"
                } else if i.value == WorkValue::Recognition {
                    ""
                } else {
                    "2"
                }
                .to_owned()
            })
            .collect();
        let refs: Vec<&str> = raw.iter().map(String::as_str).collect();
        let r = Ratings::parse(&refs, n).unwrap();
        let ranked = ranked_values(&r);
        assert_eq!(ranked[0], (WorkValue::Relationships, 12));
        assert!(
            ranked.iter().all(|(v, _)| *v != WorkValue::Recognition),
            "unanswered values are left out"
        );
        assert_eq!(ranked.len(), 5);
    }

    #[test]
    fn top_strengths_are_those_rated_three_or_four_best_first() {
        let mut raw = vec![""; STRENGTHS.len()];
        raw[0] = "3";
        raw[2] = "4";
        raw[3] = "2";
        let r = Ratings::parse(&raw, STRENGTHS.len()).unwrap();
        assert_eq!(top_strengths(&r), vec![(STRENGTHS[2], 4), (STRENGTHS[0], 3)]);
    }
}
