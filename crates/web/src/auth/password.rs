//! Argon2id password hashes, computed off the async threads.

use std::sync::OnceLock;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use ssp_domain::person::NewPassword;

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
/// account) or one that is not a PHC string (an account with no password,
/// `ssp_domain::sign_in::NO_PASSWORD`), it checks against a dummy hash and
/// refuses, so every case takes as long as a wrong password.
pub async fn verify(stored: Option<String>, password: String) -> anyhow::Result<bool> {
    tokio::task::spawn_blocking(move || {
        let stored = stored.filter(|h| PasswordHash::new(h).is_ok());
        let has_password = stored.is_some();
        let target = stored.unwrap_or_else(|| dummy_hash().to_owned());
        let parsed = PasswordHash::new(&target).map_err(|e| anyhow::anyhow!("stored hash unreadable: {e}"))?;
        let ok = Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok();
        Ok(ok && has_password)
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
    async fn an_account_without_a_password_refuses_every_password() {
        let real = hash_blocking("correct horse battery").unwrap();
        assert!(verify(Some(real), "correct horse battery".into()).await.unwrap());
        for typed in ["", "!", "no account has this password"] {
            assert!(!verify(Some(ssp_domain::sign_in::NO_PASSWORD.into()), typed.into())
                .await
                .unwrap());
            assert!(!verify(None, typed.into()).await.unwrap());
        }
    }
}
