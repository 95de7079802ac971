//! Argon2id password hashes: the implementation lives with the account use
//! cases (`ssp_app::accounts::password`); re-exported here for the sign-in
//! service and the CLI.

pub use ssp_app::accounts::password::{hash, hash_blocking, verify, NO_PASSWORD};
