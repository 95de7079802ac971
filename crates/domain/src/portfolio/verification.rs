//! Single-use, expiring links: a supervisor confirms a student's hours
//! without an account, and a showcase is shared the same way
//! ([`super::showcase`]). The token is 32 random bytes the caller draws
//! (the domain stays pure), sent in the link as URL-safe base64 without
//! padding; only its SHA-256 is stored, so a database leak reveals no
//! working link. A verification link lasts 14 days by default.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use crate::input::{self, Fields, Rejected};

/// How many random bytes a token has.
pub const TOKEN_BYTES: usize = 32;
/// How long a supervisor's verification link works.
pub const DEFAULT_LIFETIME: Duration = Duration::days(14);
/// The longest note a supervisor may add when declining.
pub const NOTE_MAX_CHARS: usize = 500;

/// The SHA-256 of a token's bytes: what is stored and looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TokenHash(pub [u8; 32]);

impl TokenHash {
    /// The hash of a presented token, or `None` if the text is not a token
    /// (not URL-safe base64 of exactly 32 bytes).
    pub fn of_presented(presented: &str) -> Option<Self> {
        let bytes = URL_SAFE_NO_PAD.decode(presented.trim()).ok()?;
        (bytes.len() == TOKEN_BYTES).then(|| Self::of_bytes(&bytes))
    }

    fn of_bytes(bytes: &[u8]) -> Self {
        TokenHash(Sha256::digest(bytes).into())
    }

    /// Compares in constant time (every byte, whatever differs first).
    pub fn matches(&self, other: &TokenHash) -> bool {
        self.0.iter().zip(other.0.iter()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
    }
}

/// What is stored for a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredToken {
    pub hash: TokenHash,
    pub expires_at: OffsetDateTime,
    /// Set when the link was used (a supervisor answered).
    pub used_at: Option<OffsetDateTime>,
}

/// A new link: the token to put in the URL (shown once, never stored) and
/// what to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedToken {
    /// URL-safe base64 without padding (43 characters).
    pub token: String,
    pub stored: StoredToken,
}

/// A link from `random` (32 bytes from the operating system's generator),
/// valid from `now` for `lifetime`.
pub fn issue(random: [u8; TOKEN_BYTES], now: OffsetDateTime, lifetime: Duration) -> IssuedToken {
    IssuedToken {
        token: URL_SAFE_NO_PAD.encode(random),
        stored: StoredToken {
            hash: TokenHash::of_bytes(&random),
            expires_at: now + lifetime,
            used_at: None,
        },
    }
}

/// Why a link does not work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LinkRefusal {
    /// The token is malformed or is not this link's.
    #[error("link_invalid")]
    Invalid,
    /// Already used once.
    #[error("link_used")]
    Used,
    /// Past its expiry.
    #[error("link_expired")]
    Expired,
}

impl LinkRefusal {
    /// `link_invalid`, `link_used`, `link_expired`.
    pub fn code(self) -> &'static str {
        match self {
            LinkRefusal::Invalid => "link_invalid",
            LinkRefusal::Used => "link_used",
            LinkRefusal::Expired => "link_expired",
        }
    }
}

/// Whether `presented` opens the link `stored` at `now`. The token is
/// judged first (so a wrong token learns nothing about the link), then
/// use, then expiry: the link works until `expires_at`, exclusive.
/// Refusals `link_invalid`, `link_used`, `link_expired`.
pub fn check(stored: &StoredToken, presented: &str, now: OffsetDateTime) -> Result<(), LinkRefusal> {
    let hash = TokenHash::of_presented(presented).ok_or(LinkRefusal::Invalid)?;
    if !stored.hash.matches(&hash) {
        return Err(LinkRefusal::Invalid);
    }
    if stored.used_at.is_some() {
        return Err(LinkRefusal::Used);
    }
    if now >= stored.expires_at {
        return Err(LinkRefusal::Expired);
    }
    Ok(())
}

/// What a supervisor answers on the verification page: they confirm all
/// the hours the link lists, or decline them with a note. There is no
/// partial confirmation: a supervisor who disagrees with one entry declines
/// and says which, and the student corrects and sends a new link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SupervisorResponse {
    /// Every listed entry becomes verified by the supervisor.
    ConfirmAll,
    /// None is verified; the note goes to the student and their counselor.
    Decline { note: String },
}

impl SupervisorResponse {
    /// Fields `action` (`confirm` or `decline`: `required`,
    /// `unknown_choice`) and `note` (for a decline 1–500: `required`,
    /// `too_long`; ignored on a confirm). The input's code is
    /// `invalid_verification_response`.
    pub fn parse(action: &str, note: &str) -> Result<Self, Rejected> {
        #[derive(Clone, Copy)]
        enum Action {
            Confirm,
            Decline,
        }
        let mut f = Fields::new();
        let action = f.check(input::choice(
            "action",
            action,
            &[("confirm", Action::Confirm), ("decline", Action::Decline)],
        ));
        let response = match action {
            Some(Action::Confirm) => Some(SupervisorResponse::ConfirmAll),
            Some(Action::Decline) => f
                .check(input::text("note", note, 1..=NOTE_MAX_CHARS))
                .map(|note| SupervisorResponse::Decline { note }),
            None => None,
        };
        f.finish("invalid_verification_response", || response.expect("checked"))
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;
    use crate::input::FieldError;

    const NOW: OffsetDateTime = datetime!(2027-03-01 09:00 UTC);

    fn issued() -> IssuedToken {
        issue([7u8; 32], NOW, DEFAULT_LIFETIME)
    }

    #[test]
    fn a_token_is_url_safe_and_only_its_hash_is_stored() {
        let t = issued();
        assert_eq!(t.token.len(), 43);
        assert!(t
            .token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert_eq!(t.stored.expires_at, datetime!(2027-03-15 09:00 UTC));
        assert_eq!(t.stored.used_at, None);
        assert_ne!(&t.stored.hash.0[..], &[7u8; 32][..], "the token itself is not stored");
        assert_eq!(TokenHash::of_presented(&t.token), Some(t.stored.hash));
        let other = issue([8u8; 32], NOW, DEFAULT_LIFETIME);
        assert_ne!(other.token, t.token);
        assert!(!t.stored.hash.matches(&other.stored.hash));
    }

    #[test]
    fn a_link_works_once_before_it_expires() {
        let t = issued();
        let used = StoredToken {
            used_at: Some(NOW),
            ..t.stored
        };
        let short = URL_SAFE_NO_PAD.encode([7u8; 16]);
        let wrong = issue([9u8; 32], NOW, DEFAULT_LIFETIME).token;
        let expiry = t.stored.expires_at;
        let padded = format!("{}=", t.token);
        use LinkRefusal::*;
        for (stored, presented, now, want) in [
            (t.stored, t.token.as_str(), NOW, Ok(())),
            (t.stored, t.token.as_str(), expiry - Duration::seconds(1), Ok(())),
            (t.stored, t.token.as_str(), expiry, Err(Expired)),
            (t.stored, t.token.as_str(), expiry + Duration::days(30), Err(Expired)),
            (used, t.token.as_str(), NOW, Err(Used)),
            (used, t.token.as_str(), expiry + Duration::days(1), Err(Used)),
            (t.stored, wrong.as_str(), NOW, Err(Invalid)),
            (used, wrong.as_str(), expiry, Err(Invalid)),
            (t.stored, short.as_str(), NOW, Err(Invalid)),
            (t.stored, "", NOW, Err(Invalid)),
            (t.stored, "not base64!", NOW, Err(Invalid)),
            (t.stored, padded.as_str(), NOW, Err(Invalid)),
        ] {
            assert_eq!(check(&stored, presented, now), want, "{presented:?} at {now}");
        }
        assert_eq!(Expired.code(), "link_expired");
        assert_eq!(Used.code(), "link_used");
        assert_eq!(Invalid.code(), "link_invalid");
    }

    #[test]
    fn a_supervisor_confirms_all_or_declines_with_a_note() {
        assert_eq!(
            SupervisorResponse::parse("confirm", ""),
            Ok(SupervisorResponse::ConfirmAll)
        );
        assert_eq!(
            SupervisorResponse::parse("decline", " Only 3 hours on March 2. "),
            Ok(SupervisorResponse::Decline {
                note: "Only 3 hours on March 2.".into()
            })
        );
        for (action, note, field, code) in [
            ("", "", "action", "required"),
            ("approve", "", "action", "unknown_choice"),
            ("decline", "", "note", "required"),
            ("decline", "n".repeat(501).as_str(), "note", "too_long"),
        ] {
            let err = SupervisorResponse::parse(action, note).unwrap_err();
            assert_eq!(err.error, "invalid_verification_response");
            assert_eq!(err.fields, vec![FieldError::new(field, code)], "{action} {note:?}");
        }
    }
}
