//! Random secrets for one-time links, letter codes and recovery codes, and
//! the SHA-256 that is all the database keeps of them.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::{Rng, RngCore};
use sha2::{Digest, Sha256};
use ssp_domain::invitation::CODE_ALPHABET;

/// 256 random bits, base64url without padding (43 characters), for links.
pub fn link_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Whether `s` has the shape of a [`link_token`].
pub fn looks_like_link_token(s: &str) -> bool {
    s.len() == 43 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A 16-character letter code (80 random bits) from the unambiguous
/// alphabet of `ssp_domain::invitation`.
pub fn letter_code() -> String {
    random_from_alphabet(16)
}

/// A recovery code: 10 characters (50 random bits) in two groups.
pub fn recovery_code() -> String {
    let raw = random_from_alphabet(10);
    format!("{}-{}", &raw[..5], &raw[5..])
}

/// A recovery code as typed, normalised (upper case, no spaces or dashes).
pub fn normalise_recovery_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn random_from_alphabet(n: usize) -> String {
    let mut rng = rand::rngs::OsRng;
    (0..n)
        .map(|_| CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())] as char)
        .collect()
}

/// The hex SHA-256 of a secret, which is what the database stores.
pub fn sha256_hex(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_random_and_well_formed() {
        assert_ne!(link_token(), link_token());
        assert!(looks_like_link_token(&link_token()));
        let code = letter_code();
        assert_eq!(
            ssp_domain::invitation::normalise_code(&code).as_deref(),
            Some(code.as_str())
        );
        let r = recovery_code();
        assert_eq!(r.len(), 11);
        assert_eq!(normalise_recovery_code(&r.to_lowercase()).len(), 10);
        assert_eq!(sha256_hex("x").len(), 64);
    }
}
