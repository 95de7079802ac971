//! Consent to share a student's information with one partner: which
//! categories, for what purpose, until when; granted electronically by a
//! guardian with educational rights or the eligible student (18+), or
//! recorded by staff from a signed paper form with its scan. Revocation
//! takes effect at once. Nothing about a student reaches a partner without
//! a consent that is active on the day and covers the category.

use time::Date;

use super::category::ServiceCategory;
use crate::academics::keyed_enum;
use crate::input::{self, Fields, Rejected};

keyed_enum!(
    /// How a consent was given.
    ConsentMethod, "unknown_consent_method", {
        /// On ssp's page, by the guardian or the eligible student.
        Electronic => "electronic",
        /// A signed paper form, recorded by staff with its scan.
        Paper => "paper",
    }
);

/// Where a consent stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConsentState {
    /// Granted, not yet expired nor revoked: the partner may read the
    /// consented categories.
    Active,
    /// Past its end date.
    Expired,
    /// Revoked by the family (or staff on their word).
    Revoked,
}

impl ConsentState {
    pub fn key(self) -> &'static str {
        match self {
            ConsentState::Active => "active",
            ConsentState::Expired => "expired",
            ConsentState::Revoked => "revoked",
        }
    }
}

/// A stored consent, as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    pub categories: Vec<ServiceCategory>,
    pub granted_on: Date,
    /// The last day it holds.
    pub expires_on: Date,
    pub revoked: bool,
}

impl Consent {
    /// Its state on `today`: revoked wins over expired.
    pub fn state_on(&self, today: Date) -> ConsentState {
        if self.revoked {
            ConsentState::Revoked
        } else if today > self.expires_on || today < self.granted_on {
            ConsentState::Expired
        } else {
            ConsentState::Active
        }
    }

    /// Whether a partner may read `category` of the student on `today`.
    pub fn covers(&self, category: ServiceCategory, today: Date) -> bool {
        self.state_on(today) == ConsentState::Active && self.categories.contains(&category)
    }
}

/// Who may grant consent for a student.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grantor {
    /// The actor is the student.
    pub is_self: bool,
    /// The student is 18 or older.
    pub student_eligible: bool,
    /// The actor is a guardian with educational rights.
    pub guardian_with_rights: bool,
}

impl Grantor {
    /// A guardian with educational rights for a minor; the student
    /// themself once eligible (rights pass to them at 18).
    pub fn may_grant(self) -> bool {
        if self.student_eligible {
            self.is_self
        } else {
            self.guardian_with_rights && !self.is_self
        }
    }
}

/// The longest a consent may run: a year and a day covers a school year.
pub const MAX_CONSENT_DAYS: i64 = 366;
/// The longest purpose.
pub const PURPOSE_MAX_CHARS: usize = 500;

/// A consent as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewConsent {
    pub categories: Vec<ServiceCategory>,
    pub purpose: String,
    pub expires_on: Date,
}

impl NewConsent {
    /// `categories` (`required`, `unknown_choice`, `not_served` when the
    /// partner offers none of that category), `purpose` (1–500: `required`,
    /// `too_long`), `expires_on` (`required`, `invalid_date`, `in_past`,
    /// `too_far` past a year). The input's code is `invalid_consent`.
    pub fn parse(
        categories: &str,
        purpose: &str,
        expires_on: &str,
        served: &[ServiceCategory],
        today: Date,
    ) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let cats = f.check(super::directory::categories("categories", categories));
        if let Some(c) = &cats {
            if c.iter().any(|c| !served.contains(c)) {
                f.push("categories", "not_served");
            }
        }
        let purpose = f.check(input::text("purpose", purpose, 1..=PURPOSE_MAX_CHARS));
        let expires = f.check(crate::portfolio::date_field("expires_on", expires_on).and_then(|d| {
            if d < today {
                Err(input::FieldError::new("expires_on", "in_past"))
            } else if (d - today).whole_days() > MAX_CONSENT_DAYS {
                Err(input::FieldError::new("expires_on", "too_far"))
            } else {
                Ok(d)
            }
        }));
        f.finish("invalid_consent", || NewConsent {
            categories: cats.expect("checked"),
            purpose: purpose.expect("checked"),
            expires_on: expires.expect("checked"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::support::tests::codes;
    use time::macros::date;
    use ServiceCategory as C;

    const TODAY: Date = date!(2026 - 12 - 06);

    fn consent(revoked: bool) -> Consent {
        Consent {
            categories: vec![C::VisionDental],
            granted_on: date!(2026 - 12 - 01),
            expires_on: date!(2027 - 06 - 30),
            revoked,
        }
    }

    #[test]
    fn a_consent_is_active_from_grant_to_its_last_day_until_revoked() {
        for (day, revoked, want) in [
            (date!(2026 - 12 - 01), false, ConsentState::Active),
            (date!(2027 - 06 - 30), false, ConsentState::Active),
            (date!(2027 - 07 - 01), false, ConsentState::Expired),
            (date!(2026 - 11 - 30), false, ConsentState::Expired),
            (TODAY, true, ConsentState::Revoked),
            (date!(2027 - 07 - 01), true, ConsentState::Revoked),
        ] {
            assert_eq!(consent(revoked).state_on(day), want, "{day} revoked={revoked}");
        }
    }

    #[test]
    fn a_consent_covers_only_its_categories_while_active() {
        let c = consent(false);
        assert!(c.covers(C::VisionDental, TODAY));
        assert!(!c.covers(C::Health, TODAY));
        assert!(!c.covers(C::VisionDental, date!(2027 - 07 - 01)));
        assert!(!consent(true).covers(C::VisionDental, TODAY));
    }

    #[test]
    fn who_may_grant() {
        for (is_self, eligible, rights, want) in [
            (false, false, true, true),   // guardian with rights, minor
            (false, false, false, false), // guardian without rights
            (true, false, false, false),  // a minor student
            (true, true, false, true),    // the eligible student
            (false, true, true, false),   // guardian after 18
        ] {
            let g = Grantor {
                is_self,
                student_eligible: eligible,
                guardian_with_rights: rights,
            };
            assert_eq!(g.may_grant(), want, "{g:?}");
        }
    }

    #[test]
    fn a_consent_for_categories_the_partner_does_not_serve_is_refused() {
        let err = NewConsent::parse(
            "vision_dental,health",
            "Eye exam",
            "2027-06-30",
            &[C::VisionDental],
            TODAY,
        )
        .unwrap_err();
        assert_eq!(err.error, "invalid_consent");
        assert_eq!(codes(err), [("categories", "not_served")]);
        let ok = NewConsent::parse(
            "vision_dental",
            "Eye exam and glasses",
            "2027-06-30",
            &[C::VisionDental, C::Health],
            TODAY,
        )
        .unwrap();
        assert_eq!(ok.categories, [C::VisionDental]);
    }

    #[test]
    fn a_consent_ends_between_today_and_a_year_from_now() {
        for (raw, want) in [
            ("2026-12-06", None),
            ("2027-12-07", None),
            ("2027-12-08", Some("too_far")),
            ("2026-12-05", Some("in_past")),
            ("", Some("required")),
            ("next june", Some("invalid_date")),
        ] {
            let got = NewConsent::parse("food", "Pantry", raw, &[C::Food], TODAY)
                .err()
                .map(|e| e.fields[0].code);
            assert_eq!(got, want, "{raw:?}");
        }
        assert_eq!(
            codes(NewConsent::parse("", "", "2027-01-01", &[], TODAY).unwrap_err()),
            [("categories", "required"), ("purpose", "required")]
        );
    }
}
