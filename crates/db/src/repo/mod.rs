//! Repositories: the queries, grouped by what they are about. Each function
//! takes the `Db` (reads) or a `Tx` (writes) visibly, so a caller can see
//! which statements share a transaction.

pub mod academics;
pub mod access;
pub mod account_tokens;
pub mod accounts;
pub mod address_throttle;
pub mod audit;
pub mod auth_settings;
pub mod bulk;
pub mod career;
pub(crate) mod copy;
pub mod corrections;
pub mod credentials;
pub mod home;
pub mod identity_providers;
pub mod interactions;
pub mod invitations;
pub mod notes;
pub mod notices;
pub mod orgs;
pub mod outbox;
pub mod partners;
pub mod people;
pub mod plan;
pub mod portfolio;
pub mod profile;
pub mod queues;
pub mod roster;
pub mod roster_digest;
pub mod roster_export;
pub mod roster_safety;
pub mod roster_sync;
pub mod sessions;
pub mod settings;
pub mod students;
pub mod support;
pub mod team;
pub mod throttle;
