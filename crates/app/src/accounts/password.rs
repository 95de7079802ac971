//! Argon2id password hashes, computed off the async threads. An account
//! prepared for SSO or waiting for an invitation stores `'!'`, which no
//! password matches.

use std::sync::OnceLock;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use ssp_domain::person::NewPassword;

/// What `accounts.password_hash` holds for an account with no password.
pub use ssp_domain::sign_in::NO_PASSWORD;

/// Hashes a new password (Argon2id with the crate's OWASP defaults).
pub async fn hash(password: &NewPassword) -> anyhow::Result<String> {
    let pw = password.expose().to_owned();
    tokio::task::spawn_blocking(move || hash_blocking(&pw)).await?
}

pub fn hash_blocking(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
}

/// Checks `password` against a stored hash. With no stored hash (unknown
/// account), no password (`'!'`) or anything else that is not a PHC string,
/// it checks against a dummy one, so every case takes as long, and answers
/// no.
pub async fn verify(stored: Option<String>, password: String) -> anyhow::Result<bool> {
    tokio::task::spawn_blocking(move || {
        let usable = stored.filter(|s| s != NO_PASSWORD && PasswordHash::new(s).is_ok());
        let real = usable.is_some();
        let target = usable.unwrap_or_else(|| dummy_hash().to_owned());
        let parsed = PasswordHash::new(&target).map_err(|e| anyhow::anyhow!("stored hash unreadable: {e}"))?;
        let ok = Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok();
        Ok(ok && real)
    })
    .await?
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_blocking("no account has this password").unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn no_password_matches_an_account_without_one() {
        assert!(!verify(Some(NO_PASSWORD.into()), "!".into()).await.unwrap());
        assert!(!verify(None, "anything".into()).await.unwrap());
        assert!(!verify(Some(String::new()), "".into()).await.unwrap());
        assert!(!verify(Some("not a hash".into()), "not a hash".into()).await.unwrap());
        let h = hash_blocking("violet lantern orbit 42").unwrap();
        assert!(verify(Some(h.clone()), "violet lantern orbit 42".into()).await.unwrap());
        assert!(!verify(Some(h), "violet lantern orbit 43".into()).await.unwrap());
    }
}
