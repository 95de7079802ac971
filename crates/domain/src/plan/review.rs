//! The annual review: who signs the plan each school year, and when a
//! signature may be added.

use crate::ParseError;

/// Who signs a plan's annual review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Signer {
    Student,
    PlanManager,
    Guardian,
}

impl Signer {
    pub const ALL: [Signer; 3] = [Signer::Student, Signer::PlanManager, Signer::Guardian];

    /// The stored and translated key.
    pub fn as_str(self) -> &'static str {
        match self {
            Signer::Student => "student",
            Signer::PlanManager => "plan_manager",
            Signer::Guardian => "guardian",
        }
    }

    pub fn parse(s: &str) -> Result<Self, ParseError> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| ParseError::new("invalid_signer", format!("unknown signer {s:?}")))
    }
}

/// Whether a signer may sign this year's review now. `review_ready` means the
/// plan has something to review (at least one goal); the caller decides it.
pub fn can_sign(review_ready: bool, already_signed: bool) -> Result<(), ParseError> {
    if !review_ready {
        return Err(ParseError::new(
            "review_not_ready",
            "add at least one goal before the plan is signed",
        ));
    }
    if already_signed {
        return Err(ParseError::new(
            "already_signed",
            "this review is already signed by this person",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signing_table() {
        for (ready, signed, expected) in [
            (true, false, Ok(())),
            (false, false, Err("review_not_ready")),
            (false, true, Err("review_not_ready")),
            (true, true, Err("already_signed")),
        ] {
            assert_eq!(
                can_sign(ready, signed).map_err(|e| e.code),
                expected,
                "ready={ready} signed={signed}"
            );
        }
    }

    #[test]
    fn signer_round_trips() {
        for s in Signer::ALL {
            assert_eq!(Signer::parse(s.as_str()), Ok(s));
        }
        assert_eq!(Signer::parse("manager").map_err(|e| e.code), Err("invalid_signer"));
    }
}

/// What a signing records, as parsed input: the actor's own signature (the
/// slot is who they are to the student), or the plan manager's logged
/// attempt to reach a guardian.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignAs {
    Own,
    GuardianAttempt,
}

impl SignAs {
    /// Field `as`: empty or a signer's key (`student`, `plan_manager`,
    /// `guardian`) signs in the actor's own slot; `guardian_attempt` logs an
    /// attempt. The input's code is `invalid_signature`.
    pub fn parse(raw: &str) -> Result<Self, crate::input::Rejected> {
        let raw = raw.trim();
        if raw.is_empty() || Signer::parse(raw).is_ok() {
            Ok(SignAs::Own)
        } else if raw == "guardian_attempt" {
            Ok(SignAs::GuardianAttempt)
        } else {
            Err(crate::input::Rejected::one("invalid_signature", "as", "unknown_choice"))
        }
    }
}

#[cfg(test)]
mod sign_tests {
    use super::*;

    #[test]
    fn a_signature_is_ones_own_or_a_logged_attempt() {
        assert_eq!(SignAs::parse(""), Ok(SignAs::Own));
        assert_eq!(SignAs::parse("plan_manager"), Ok(SignAs::Own));
        assert_eq!(SignAs::parse("guardian_attempt"), Ok(SignAs::GuardianAttempt));
        let bad = SignAs::parse("principal").unwrap_err();
        assert_eq!((bad.error, bad.fields[0].code), ("invalid_signature", "unknown_choice"));
    }
}
