//! Best work and collections. A student marks a few artifacts of each
//! school year as their best work (the district sets how many, 5 by
//! default), and gathers artifacts into named, ordered collections
//! ("Engineering", "Senior showcase").

use crate::input::{self, Fields, Rejected};
use crate::ArtifactId;

/// How many artifacts a student may mark as best work in one school year,
/// unless the district says otherwise.
pub const DEFAULT_MAX_BEST_WORK: u32 = 5;
/// The most a district may allow.
pub const MAX_BEST_WORK_LIMIT: u32 = 50;
/// The longest collection name.
pub const COLLECTION_NAME_MAX_CHARS: usize = 120;

/// A rule refused a change to best work or a collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BestWorkRefusal {
    /// The year already has the district's maximum of best work.
    #[error("best_work_limit")]
    Limit,
    /// The artifact is already in the collection.
    #[error("duplicate_item")]
    DuplicateItem,
    /// The artifact is not in the collection.
    #[error("not_in_collection")]
    NotInCollection,
}

impl BestWorkRefusal {
    /// `best_work_limit`, `duplicate_item`, `not_in_collection`.
    pub fn code(self) -> &'static str {
        match self {
            BestWorkRefusal::Limit => "best_work_limit",
            BestWorkRefusal::DuplicateItem => "duplicate_item",
            BestWorkRefusal::NotInCollection => "not_in_collection",
        }
    }
}

/// Whether `artifact` may be marked as best work for its school year, given
/// the artifacts already marked for that year and the district's maximum.
/// Marking one that is already marked is allowed (nothing changes).
/// Refusal `best_work_limit`.
pub fn may_mark_best_work(already: &[ArtifactId], artifact: ArtifactId, max: u32) -> Result<(), BestWorkRefusal> {
    if already.contains(&artifact) || already.len() < max as usize {
        Ok(())
    } else {
        Err(BestWorkRefusal::Limit)
    }
}

/// The district's maximum, as its settings form sends it: blank is the
/// default (5). Field `max_best_work` (1–50: `invalid_number`,
/// `out_of_range`); the input's code is `invalid_best_work_limit`.
pub fn parse_best_work_limit(raw: &str) -> Result<u32, Rejected> {
    let mut f = Fields::new();
    let n = f.check(super::number_field(
        "max_best_work",
        raw,
        1..=MAX_BEST_WORK_LIMIT,
        DEFAULT_MAX_BEST_WORK,
    ));
    f.finish("invalid_best_work_limit", || n.expect("checked"))
}

/// A collection's name, 1–120 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionName(pub String);

impl CollectionName {
    /// Field `name` (`required`, `too_long`); the input's code is
    /// `invalid_collection`.
    pub fn parse(raw: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let name = f.check(input::text("name", raw, 1..=COLLECTION_NAME_MAX_CHARS));
        f.finish("invalid_collection", || CollectionName(name.expect("checked")))
    }
}

/// How to move one artifact within a collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// One place earlier (the first stays first).
    Up,
    /// One place later (the last stays last).
    Down,
    /// To this position, counted from 0; past the end means last.
    To(usize),
}

/// A collection's artifacts in order, with no artifact twice. Refusal
/// `duplicate_item`.
pub fn check_items(items: &[ArtifactId]) -> Result<(), BestWorkRefusal> {
    for (i, a) in items.iter().enumerate() {
        if items[..i].contains(a) {
            return Err(BestWorkRefusal::DuplicateItem);
        }
    }
    Ok(())
}

/// The order after adding `item` at the end. Refusal `duplicate_item`.
pub fn add_item(items: &[ArtifactId], item: ArtifactId) -> Result<Vec<ArtifactId>, BestWorkRefusal> {
    if items.contains(&item) {
        return Err(BestWorkRefusal::DuplicateItem);
    }
    let mut out = items.to_vec();
    out.push(item);
    Ok(out)
}

/// The order after moving `item`. Refusal `not_in_collection`.
pub fn move_item(items: &[ArtifactId], item: ArtifactId, to: Move) -> Result<Vec<ArtifactId>, BestWorkRefusal> {
    let from = items
        .iter()
        .position(|a| *a == item)
        .ok_or(BestWorkRefusal::NotInCollection)?;
    let last = items.len() - 1;
    let target = match to {
        Move::Up => from.saturating_sub(1),
        Move::Down => (from + 1).min(last),
        Move::To(p) => p.min(last),
    };
    let mut out = items.to_vec();
    let moved = out.remove(from);
    out.insert(target, moved);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::input::FieldError;

    fn ids(n: u128) -> Vec<ArtifactId> {
        (1..=n).map(|i| ArtifactId(Uuid::from_u128(i))).collect()
    }

    #[test]
    fn best_work_stops_at_the_districts_maximum() {
        let a = ids(6);
        for (marked, candidate, max, want) in [
            (0, 0, 5, Ok(())),
            (4, 4, 5, Ok(())),
            (5, 5, 5, Err(BestWorkRefusal::Limit)),
            (5, 0, 5, Ok(())),
            (3, 3, 3, Err(BestWorkRefusal::Limit)),
            (5, 5, 6, Ok(())),
        ] {
            assert_eq!(
                may_mark_best_work(&a[..marked], a[candidate], max),
                want,
                "{marked} marked, max {max}"
            );
        }
        assert_eq!(BestWorkRefusal::Limit.code(), "best_work_limit");
    }

    #[test]
    fn the_district_sets_the_maximum_between_one_and_fifty() {
        assert_eq!(parse_best_work_limit(""), Ok(5));
        assert_eq!(parse_best_work_limit("8"), Ok(8));
        for (raw, code) in [
            ("0", "out_of_range"),
            ("51", "out_of_range"),
            ("five", "invalid_number"),
        ] {
            let err = parse_best_work_limit(raw).unwrap_err();
            assert_eq!(err.error, "invalid_best_work_limit");
            assert_eq!(err.fields, vec![FieldError::new("max_best_work", code)], "{raw}");
        }
    }

    #[test]
    fn a_collection_needs_a_name_of_at_most_120_characters() {
        assert_eq!(
            CollectionName::parse("  Engineering "),
            Ok(CollectionName("Engineering".into()))
        );
        for (raw, code) in [("", "required"), (&*"n".repeat(121), "too_long")] {
            let err = CollectionName::parse(raw).unwrap_err();
            assert_eq!(err.error, "invalid_collection");
            assert_eq!(err.fields, vec![FieldError::new("name", code)]);
        }
    }

    #[test]
    fn moving_an_artifact_gives_the_new_order() {
        let a = ids(4);
        let (w, x, y, z) = (a[0], a[1], a[2], a[3]);
        for (item, to, want) in [
            (y, Move::Up, vec![w, y, x, z]),
            (w, Move::Up, vec![w, x, y, z]),
            (x, Move::Down, vec![w, y, x, z]),
            (z, Move::Down, vec![w, x, y, z]),
            (z, Move::To(0), vec![z, w, x, y]),
            (w, Move::To(2), vec![x, y, w, z]),
            (x, Move::To(99), vec![w, y, z, x]),
        ] {
            assert_eq!(move_item(&a, item, to), Ok(want), "{to:?}");
        }
        let stranger = ArtifactId(Uuid::from_u128(99));
        assert_eq!(move_item(&a, stranger, Move::Up), Err(BestWorkRefusal::NotInCollection));
        assert_eq!(
            move_item(&[], stranger, Move::To(0)),
            Err(BestWorkRefusal::NotInCollection)
        );
    }

    #[test]
    fn an_artifact_is_in_a_collection_once() {
        let a = ids(3);
        assert_eq!(add_item(&a[..2], a[2]), Ok(a.clone()));
        assert_eq!(add_item(&a, a[0]), Err(BestWorkRefusal::DuplicateItem));
        assert_eq!(check_items(&a), Ok(()));
        assert_eq!(check_items(&[a[0], a[1], a[0]]), Err(BestWorkRefusal::DuplicateItem));
        assert_eq!(BestWorkRefusal::DuplicateItem.code(), "duplicate_item");
    }
}
