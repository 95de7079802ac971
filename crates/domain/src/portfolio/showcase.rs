//! A showcase: artifacts the student selects to share with someone outside
//! the school (a college, an employer, a scholarship committee) through a
//! link that expires — 30 days by default, at most 180 — and that the
//! student can revoke at any time. Restricted artifacts are never shared.
//! The link's token works like a verification link's
//! ([`super::verification`]): random bytes from the caller, only the hash
//! stored; unlike it, a showcase link may be opened many times.

use time::{Duration, OffsetDateTime};

use super::verification::{self, TokenHash, TOKEN_BYTES};
use crate::input::{Fields, Rejected};
use crate::ArtifactId;

/// The most artifacts in one showcase.
pub const MAX_ITEMS: usize = 100;
/// How long a showcase link works unless the student chooses.
pub const DEFAULT_DAYS: u32 = 30;
/// The longest a student may choose.
pub const MAX_DAYS: u32 = 180;

/// A showcase as the form sends it.
#[derive(Debug, Clone, Copy, Default)]
pub struct ShowcaseRaw<'a> {
    /// The selected artifacts' ids, in the order to show them.
    pub items: &'a [String],
    /// Blank for the default (30).
    pub expires_in_days: &'a str,
}

/// A showcase that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewShowcase {
    pub items: Vec<ArtifactId>,
    pub days: u32,
}

impl ShowcaseRaw<'_> {
    /// Fields `items` (blank entries skipped; `required` when none,
    /// `too_many` over 100, `invalid_id`, `duplicate_item`,
    /// `restricted_item` when one is in `restricted`) and `expires_in_days`
    /// (blank is 30; 1–180: `invalid_number`, `out_of_range`). Whether each
    /// artifact is the student's is the use case's question. The input's
    /// code is `invalid_showcase`.
    pub fn parse(&self, restricted: &[ArtifactId]) -> Result<NewShowcase, Rejected> {
        let mut f = Fields::new();
        let mut items: Vec<ArtifactId> = Vec::new();
        let mut problem = None;
        for raw in self.items.iter().filter(|r| !r.trim().is_empty()) {
            let Ok(id) = raw.parse::<ArtifactId>() else {
                problem = Some("invalid_id");
                break;
            };
            if items.contains(&id) {
                problem = Some("duplicate_item");
                break;
            }
            if restricted.contains(&id) {
                problem = Some("restricted_item");
                break;
            }
            items.push(id);
        }
        match problem {
            Some(code) => f.push("items", code),
            None if items.is_empty() => f.push("items", "required"),
            None if items.len() > MAX_ITEMS => f.push("items", "too_many"),
            None => {}
        }
        let days = f.check(super::number_field(
            "expires_in_days",
            self.expires_in_days,
            1..=MAX_DAYS,
            DEFAULT_DAYS,
        ));
        f.finish("invalid_showcase", || NewShowcase {
            items,
            days: days.expect("checked"),
        })
    }
}

/// What is stored for a share link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShowcaseLink {
    pub hash: TokenHash,
    pub expires_at: OffsetDateTime,
    pub revoked_at: Option<OffsetDateTime>,
}

impl ShowcaseLink {
    /// A new link from `random`, working from `now` for `days`; returns the
    /// token for the URL (never stored) and the link to store.
    pub fn issue(random: [u8; TOKEN_BYTES], now: OffsetDateTime, days: u32) -> (String, ShowcaseLink) {
        let issued = verification::issue(random, now, Duration::days(i64::from(days)));
        let link = ShowcaseLink {
            hash: issued.stored.hash,
            expires_at: issued.stored.expires_at,
            revoked_at: None,
        };
        (issued.token, link)
    }

    /// The link revoked at `now` (revoking twice keeps the first time).
    pub fn revoke(self, now: OffsetDateTime) -> ShowcaseLink {
        ShowcaseLink {
            revoked_at: self.revoked_at.or(Some(now)),
            ..self
        }
    }
}

/// Whether the showcase may be viewed at `now`: not revoked and not yet
/// expired (it works until `expires_at`, exclusive).
pub fn is_viewable(link: &ShowcaseLink, now: OffsetDateTime) -> bool {
    link.revoked_at.is_none() && now < link.expires_at
}

/// The items a viewer sees: the shared ones, minus any restricted since
/// the link was made, in the shared order.
pub fn visible_items(shared: &[ArtifactId], restricted_now: &[ArtifactId]) -> Vec<ArtifactId> {
    shared.iter().copied().filter(|a| !restricted_now.contains(a)).collect()
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;
    use uuid::Uuid;

    use super::*;
    use crate::input::FieldError;

    const NOW: OffsetDateTime = datetime!(2027-04-01 12:00 UTC);

    fn id(n: u128) -> ArtifactId {
        ArtifactId(Uuid::from_u128(n))
    }

    fn strings(ids: &[ArtifactId]) -> Vec<String> {
        ids.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_showcase_selects_artifacts_and_a_lifetime() {
        let items = strings(&[id(2), id(1)]);
        let ok = ShowcaseRaw {
            items: &items,
            expires_in_days: "",
        }
        .parse(&[id(3)])
        .unwrap();
        assert_eq!(ok.items, [id(2), id(1)], "in the student's order");
        assert_eq!(ok.days, 30);
        let hundred = strings(&(1..=100).map(id).collect::<Vec<_>>());
        let ok = ShowcaseRaw {
            items: &hundred,
            expires_in_days: "180",
        }
        .parse(&[])
        .unwrap();
        assert_eq!((ok.items.len(), ok.days), (100, 180));
    }

    #[test]
    fn a_showcase_is_refused_with_a_code_per_field() {
        let one = strings(&[id(1)]);
        let many = strings(&(10..=110).map(id).collect::<Vec<_>>());
        let twice = strings(&[id(1), id(2), id(1)]);
        let restricted = strings(&[id(1), id(7)]);
        let garbage = vec!["not-an-id".to_owned()];
        let blank = vec![" ".to_owned()];
        for (items, days, want) in [
            (&blank, "", ("items", "required")),
            (&many, "", ("items", "too_many")),
            (&twice, "", ("items", "duplicate_item")),
            (&restricted, "", ("items", "restricted_item")),
            (&garbage, "", ("items", "invalid_id")),
            (&one, "0", ("expires_in_days", "out_of_range")),
            (&one, "181", ("expires_in_days", "out_of_range")),
            (&one, "a month", ("expires_in_days", "invalid_number")),
        ] {
            let err = ShowcaseRaw {
                items,
                expires_in_days: days,
            }
            .parse(&[id(7)])
            .unwrap_err();
            assert_eq!(err.error, "invalid_showcase");
            assert_eq!(err.fields, vec![FieldError::new(want.0, want.1)], "{days:?}");
        }
    }

    #[test]
    fn a_link_is_viewable_until_it_expires_or_is_revoked() {
        let (token, link) = ShowcaseLink::issue([3u8; 32], NOW, 30);
        assert_eq!(TokenHash::of_presented(&token), Some(link.hash));
        assert_eq!(link.expires_at, datetime!(2027-05-01 12:00 UTC));
        assert!(is_viewable(&link, NOW));
        assert!(is_viewable(&link, link.expires_at - Duration::seconds(1)));
        assert!(!is_viewable(&link, link.expires_at));
        let revoked = link.revoke(NOW + Duration::days(1));
        assert!(!is_viewable(&revoked, NOW + Duration::days(2)));
        assert_eq!(
            revoked.revoke(NOW + Duration::days(5)).revoked_at,
            Some(NOW + Duration::days(1))
        );
    }

    #[test]
    fn an_artifact_restricted_after_sharing_is_no_longer_shown() {
        assert_eq!(visible_items(&[id(1), id(2), id(3)], &[id(2)]), [id(1), id(3)]);
    }
}
