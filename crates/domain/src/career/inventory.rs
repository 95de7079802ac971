//! The interest inventory as a student answers it: 60 answers on a
//! five-point like/dislike scale (0 strongly dislike … 4 strongly like),
//! saved as the student goes; each area's score is the sum of its ten
//! answers (0–40); the interest code is the top three areas.

use super::items::ITEMS;
use super::Area;
use crate::ParseError;

/// How many items the inventory asks.
pub const ITEM_COUNT: usize = 60;
/// The highest answer (strongly like).
pub const MAX_ANSWER: u8 = 4;
/// The highest area score: ten items × 4.
pub const MAX_AREA_SCORE: u8 = 40;

/// A student's answers so far, item by item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers([Option<u8>; ITEM_COUNT]);

impl Default for Answers {
    fn default() -> Self {
        Answers([None; ITEM_COUNT])
    }
}

impl Answers {
    /// From the stored form: one character per item, `0`–`4` or `-`.
    /// A string of the wrong length or with another character is refused
    /// (`invalid_inventory_answers`), never read as partly answered.
    pub fn from_stored(s: &str) -> Result<Self, ParseError> {
        let bad = || ParseError::new("invalid_inventory_answers", format!("stored answers {s:?}"));
        if s.chars().count() != ITEM_COUNT {
            return Err(bad());
        }
        let mut out = [None; ITEM_COUNT];
        for (slot, c) in out.iter_mut().zip(s.chars()) {
            *slot = match c {
                '-' => None,
                '0'..='4' => Some(c as u8 - b'0'),
                _ => return Err(bad()),
            };
        }
        Ok(Answers(out))
    }

    /// The stored form.
    pub fn to_stored(&self) -> String {
        self.0.iter().map(|a| a.map_or('-', |v| char::from(b'0' + v))).collect()
    }

    /// Records an answer: item 0–59, value 0–4. Code `invalid_answer`.
    pub fn answer(&mut self, item: usize, value: u8) -> Result<(), ParseError> {
        if item >= ITEM_COUNT || value > MAX_ANSWER {
            return Err(ParseError::new(
                "invalid_answer",
                format!("item {item}, answer {value}"),
            ));
        }
        self.0[item] = Some(value);
        Ok(())
    }

    pub fn get(&self, item: usize) -> Option<u8> {
        self.0.get(item).copied().flatten()
    }

    pub fn answered(&self) -> usize {
        self.0.iter().filter(|a| a.is_some()).count()
    }

    pub fn is_complete(&self) -> bool {
        self.answered() == ITEM_COUNT
    }

    /// The first unanswered item (where "continue" takes the student), or
    /// None when every item is answered.
    pub fn next_unanswered(&self) -> Option<usize> {
        self.0.iter().position(Option::is_none)
    }

    /// The six area scores, counting only what is answered.
    pub fn scores(&self) -> Scores {
        let mut s = [0u8; 6];
        for (item, answer) in ITEMS.iter().zip(self.0.iter()) {
            s[item.area.index()] += answer.unwrap_or(0);
        }
        Scores(s)
    }
}

/// The six area scores (0–40 each) in RIASEC order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scores(pub [u8; 6]);

impl Scores {
    pub fn of(&self, area: Area) -> u8 {
        self.0[area.index()]
    }

    /// The stored form: six numbers joined by commas.
    pub fn to_stored(&self) -> String {
        self.0.map(|v| v.to_string()).join(",")
    }

    /// The areas from highest to lowest score, ties in RIASEC order.
    pub fn ranked(&self) -> [Area; 6] {
        let mut areas = Area::ALL;
        areas.sort_by(|a, b| self.of(*b).cmp(&self.of(*a)).then(a.cmp(b)));
        areas
    }

    /// The interest code: the top three areas by score (ties in RIASEC
    /// order), leaving out areas that scored 0 — a student who disliked
    /// everything has no code rather than an arbitrary one.
    pub fn code(&self) -> Vec<Area> {
        self.ranked().into_iter().filter(|a| self.of(*a) > 0).take(3).collect()
    }

    /// The code as letters, e.g. `SIA`.
    pub fn code_letters(&self) -> String {
        self.code().into_iter().map(Area::letter).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(f: impl Fn(usize) -> Option<u8>) -> Answers {
        let mut a = Answers::default();
        for i in 0..ITEM_COUNT {
            if let Some(v) = f(i) {
                a.answer(i, v).unwrap();
            }
        }
        a
    }

    #[test]
    fn each_area_scores_its_ten_answers_from_0_to_40() {
        let all_like = answers(|_| Some(4));
        assert_eq!(all_like.scores(), Scores([40; 6]));
        let none = answers(|_| Some(0));
        assert_eq!(none.scores(), Scores([0; 6]));
        // Only the social items liked.
        let social = answers(|i| Some(if ITEMS[i].area == Area::Social { 4 } else { 1 }));
        assert_eq!(social.scores(), Scores([10, 10, 10, 40, 10, 10]));
    }

    #[test]
    fn the_code_is_the_top_three_with_ties_in_riasec_order_and_no_zero_area() {
        let cases: [([u8; 6], &str); 6] = [
            ([10, 30, 25, 40, 5, 0], "SIA"),
            ([20, 20, 20, 20, 20, 20], "RIA"),
            ([0, 0, 0, 0, 0, 12], "C"),
            ([0, 0, 0, 0, 0, 0], ""),
            ([5, 5, 9, 9, 1, 0], "ASR"),
            ([40, 0, 0, 0, 40, 3], "REC"),
        ];
        for (scores, code) in cases {
            assert_eq!(Scores(scores).code_letters(), code, "{scores:?}");
        }
    }

    #[test]
    fn answers_round_trip_through_the_stored_form_and_bad_forms_are_refused() {
        let a = answers(|i| (i % 3 != 0).then_some((i % 5) as u8));
        let stored = a.to_stored();
        assert_eq!(stored.len(), ITEM_COUNT);
        assert_eq!(Answers::from_stored(&stored), Ok(a.clone()));
        assert_eq!(a.next_unanswered(), Some(0));
        assert_eq!(a.answered(), 40);
        assert!(!a.is_complete());
        for bad in [
            "",
            "-".repeat(59).as_str(),
            &"5".repeat(60),
            &format!("{}x", "-".repeat(59)),
        ] {
            assert!(Answers::from_stored(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn an_answer_outside_the_scale_or_the_items_is_refused() {
        let mut a = Answers::default();
        assert!(a.answer(60, 2).is_err());
        assert!(a.answer(0, 5).is_err());
        assert!(a.answer(59, 4).is_ok());
        assert_eq!(a.get(59), Some(4));
        assert_eq!(a.next_unanswered(), Some(0));
    }
}
