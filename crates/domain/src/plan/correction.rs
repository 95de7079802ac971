//! Correcting what one wrote: the author of a check-in or a reflection may
//! edit or delete it for a short while after writing it. Every correction
//! keeps the old value (a revision row) and is audited; after the window the
//! record stands as written, so a plan's history cannot be rewritten later.

use time::{Duration, OffsetDateTime};

use crate::PersonId;

/// How long after writing a check-in or reflection its author may change it.
pub const CORRECTION_WINDOW: Duration = Duration::days(7);

/// Whether `actor` may still edit or delete a record `author` wrote at
/// `written_at`.
pub fn may_correct(author: PersonId, actor: PersonId, written_at: OffsetDateTime, now: OffsetDateTime) -> bool {
    author == actor && now >= written_at && now - written_at <= CORRECTION_WINDOW
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;
    use uuid::Uuid;

    use super::*;

    #[test]
    fn only_the_author_within_the_window_may_correct() {
        let author = PersonId(Uuid::from_u128(1));
        let other = PersonId(Uuid::from_u128(2));
        let at = datetime!(2026-10-01 12:00 UTC);
        let cases = [
            (author, at, true, "the author, right away"),
            (
                author,
                at + Duration::days(7),
                true,
                "the author, on the last moment of the window",
            ),
            (
                author,
                at + Duration::days(7) + Duration::seconds(1),
                false,
                "the author, after the window",
            ),
            (other, at, false, "someone else, right away"),
            (
                author,
                at - Duration::minutes(1),
                false,
                "a clock before the record was written",
            ),
        ];
        for (actor, now, expected, case) in cases {
            assert_eq!(may_correct(author, actor, at, now), expected, "{case}");
        }
    }
}
