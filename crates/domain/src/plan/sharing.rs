//! An eligible (18+) student's choice to share the plan with guardians.

use crate::input::{self, Rejected};

/// Whether the plan is shared with guardians, as parsed input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SharingChoice {
    pub share: bool,
}

impl SharingChoice {
    /// Field `share`: `yes` or `no`; the input's code is `invalid_sharing`.
    pub fn parse(raw: &str) -> Result<Self, Rejected> {
        input::choice("share", raw, &[("yes", true), ("no", false)])
            .map(|share| SharingChoice { share })
            .map_err(|e| Rejected::new("invalid_sharing", vec![e]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sharing_is_yes_or_no() {
        assert_eq!(SharingChoice::parse("yes"), Ok(SharingChoice { share: true }));
        assert_eq!(SharingChoice::parse("no"), Ok(SharingChoice { share: false }));
        assert_eq!(
            SharingChoice::parse("maybe").unwrap_err().fields[0].code,
            "unknown_choice"
        );
        assert_eq!(SharingChoice::parse("").unwrap_err().fields[0].code, "required");
    }
}
