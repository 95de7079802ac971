//! Two-factor sign-in: TOTP (RFC 6238: SHA-1, six digits, 30 seconds, one
//! step either side) with ten single-use recovery codes, stored hashed.
//! A district may require it of staff with district- or school-wide roles
//! (district administrators, school administrators, counselors); anyone
//! may turn it on. A code is accepted once: the time step of the last code
//! used is kept, so a code seen over a shoulder cannot be replayed. SSO
//! sign-ins never reach this step: the provider's MFA counts.

use ssp_db::repo::audit;
use ssp_db::repo::auth_settings;
use ssp_db::repo::credentials::{self, AccountRow};
use ssp_domain::audit::AuditAction;
use ssp_domain::{AccountId, OrgId, PersonId, StaffRole};
use time::OffsetDateTime;
use totp_rs::{Algorithm, Secret, TOTP};

use super::account_event;
use super::secret::{normalise_recovery_code, recovery_code, sha256_hex};
use crate::error::Error;
use crate::App;

/// Recovery codes issued at enrolment.
pub const RECOVERY_CODES: usize = 10;
/// Wrong codes allowed in one sign-in before it starts over.
pub const MAX_ATTEMPTS: i64 = 5;
/// How long the step between password and code lasts.
pub const CHALLENGE_LIFETIME: time::Duration = time::Duration::minutes(10);
const STEP: u64 = 30;

/// The roles a district's "require two-factor" setting applies to.
pub fn role_needs_mfa(role: StaffRole) -> bool {
    matches!(
        role,
        StaffRole::DistrictAdmin | StaffRole::SchoolAdmin | StaffRole::Counselor
    )
}

/// What a right password leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondFactor {
    /// Straight in.
    None,
    /// A code from the authenticator app (or a recovery code).
    Code,
    /// The district requires it and the person has not set it up yet.
    Enrol,
}

pub async fn second_factor(app: &App, a: &AccountRow) -> Result<SecondFactor, Error> {
    if a.totp_enabled_at.is_some() {
        return Ok(SecondFactor::Code);
    }
    let settings = auth_settings::get(app.db(), OrgId(a.district_id)).await?;
    if !settings.require_staff_mfa {
        return Ok(SecondFactor::None);
    }
    let roles = credentials::staff_roles(app.db(), PersonId(a.person_id)).await?;
    let needs = roles
        .iter()
        .filter_map(|r| StaffRole::parse(r).ok())
        .any(role_needs_mfa);
    Ok(if needs { SecondFactor::Enrol } else { SecondFactor::None })
}

/// A new random secret (160 bits), base32 as authenticator apps take it.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut bytes);
    Secret::Raw(bytes.to_vec()).to_encoded().to_string()
}

fn totp(secret_b32: &str, account_name: &str) -> Result<TOTP, Error> {
    let bytes = Secret::Encoded(secret_b32.to_owned())
        .to_bytes()
        .map_err(|e| Error::Internal(anyhow::anyhow!("stored TOTP secret unreadable: {e:?}")))?;
    // Neither part may hold a colon in an otpauth URI.
    let name = account_name.replace(':', "");
    TOTP::new(Algorithm::SHA1, 6, 1, STEP, bytes, Some("ssp".to_owned()), name)
        .map_err(|e| Error::Internal(anyhow::anyhow!("TOTP: {e:?}")))
}

/// The `otpauth://` URI an authenticator app scans.
pub fn otpauth_uri(secret_b32: &str, account_name: &str) -> Result<String, Error> {
    Ok(totp(secret_b32, account_name)?.get_url())
}

/// The code of `secret` at `at` (for tests and for showing nothing else).
pub fn code_at(secret_b32: &str, at: OffsetDateTime) -> Result<String, Error> {
    Ok(totp(secret_b32, "x")?.generate(at.unix_timestamp().max(0) as u64))
}

/// The time step whose code `typed` is, within one step of `now`.
fn matching_step(secret_b32: &str, typed: &str, now: OffsetDateTime) -> Result<Option<i64>, Error> {
    let code: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    let t = totp(secret_b32, "x")?;
    let current = now.unix_timestamp().max(0) as u64 / STEP;
    for step in [current.saturating_sub(1), current, current + 1] {
        if t.generate(step * STEP) == code {
            return Ok(Some(step as i64));
        }
    }
    Ok(None)
}

/// Checks a code (six digits) or a recovery code for an enrolled account,
/// using it up. `false` for a wrong, replayed or used code.
pub async fn verify(app: &App, a: &AccountRow, typed: &str, request_id: &str) -> Result<bool, Error> {
    let Some(secret) = &a.totp_secret else { return Ok(false) };
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let account = AccountId(a.id);
    let ok = match matching_step(secret, typed, now)? {
        Some(step) => credentials::advance_totp_step(&mut tx, account, step).await?,
        None => {
            let code = normalise_recovery_code(typed);
            let used =
                code.len() == 10 && credentials::use_recovery_code(&mut tx, account, &sha256_hex(&code), now).await?;
            if used {
                let mut ev = account_event(
                    AuditAction::MfaRecoveryCodeUsed,
                    now,
                    Some(PersonId(a.person_id)),
                    OrgId(a.district_id),
                    request_id,
                );
                ev.record_id = Some(PersonId(a.person_id).to_string());
                audit::record(&mut tx, &ev).await?;
            }
            used
        }
    };
    if !ok {
        let mut ev = account_event(
            AuditAction::MfaFailed,
            now,
            Some(PersonId(a.person_id)),
            OrgId(a.district_id),
            request_id,
        );
        ev.record_id = Some(PersonId(a.person_id).to_string());
        audit::record(&mut tx, &ev).await?;
    }
    tx.commit().await?;
    Ok(ok)
}

/// Turns two-factor on once the person typed a right code for `secret`;
/// returns the recovery codes to show once (only their hashes are kept).
/// `Err(Invalid("mfa_code_wrong"))` when the code does not match.
pub async fn enrol(
    app: &App,
    a: &AccountRow,
    secret: &str,
    typed: &str,
    request_id: &str,
) -> Result<Vec<String>, Error> {
    let now = app.now();
    let Some(step) = matching_step(secret, typed, now)? else {
        return Err(Error::invalid("mfa_code_wrong", "the code does not match"));
    };
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| recovery_code()).collect();
    let hashes: Vec<String> = codes.iter().map(|c| sha256_hex(&normalise_recovery_code(c))).collect();
    let mut tx = app.db().begin().await?;
    credentials::enable_totp(&mut tx, AccountId(a.id), secret, step, &hashes, now).await?;
    let mut ev = account_event(
        AuditAction::MfaEnrolled,
        now,
        Some(PersonId(a.person_id)),
        OrgId(a.district_id),
        request_id,
    );
    ev.record_id = Some(PersonId(a.person_id).to_string());
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_matches_its_step_and_the_neighbours_only() {
        let s = new_secret();
        let now = OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
        let code = code_at(&s, now).unwrap();
        assert!(matching_step(&s, &code, now).unwrap().is_some());
        assert!(matching_step(&s, &code, now + time::Duration::seconds(30))
            .unwrap()
            .is_some());
        assert!(matching_step(&s, &code, now + time::Duration::minutes(5))
            .unwrap()
            .is_none());
        assert!(matching_step(&s, "12345", now).unwrap().is_none());
        assert!(otpauth_uri(&s, "demo.counselor")
            .unwrap()
            .starts_with("otpauth://totp/ssp:demo.counselor?"));
    }
}
