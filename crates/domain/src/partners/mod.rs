//! Community partners and school opportunities (issue 18): the resource
//! directory, the matcher that proposes supports and opportunities for a
//! student with the reason for each, family consent to share with a
//! partner, the referral state machine with its dates and reminders, and the
//! loop metrics — pure rules, table-tested.
//!
//! Nothing here reads a clock or a database: the caller passes `today`.
//! Who may see what of a referred student is decided by
//! [`crate::access::decide_partner`], from a [`consent::Consent`]'s state.

pub mod category;
pub mod consent;
pub mod directory;
pub mod matcher;
pub mod metrics;
pub mod referral;

pub use category::ServiceCategory;
pub use consent::{Consent, ConsentState, NewConsent};
pub use directory::{NewResource, ResourceKind};
pub use matcher::{propose, Proposal, ProposalReason};
pub use referral::{Outcome, Referral, ReferralEvent, ReferralStatus};

use crate::support::IllegalMove;
