//! A district's sign-in settings: whether staff with district- or
//! school-wide roles must use a second factor, and how long invitations
//! last.

use sqlx::FromRow;
use ssp_domain::{OrgId, PersonId};
use time::OffsetDateTime;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, Copy, PartialEq, Eq, FromRow)]
pub struct AuthSettings {
    pub require_staff_mfa: bool,
    pub invitation_days: i64,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            require_staff_mfa: false,
            invitation_days: 14,
        }
    }
}

pub async fn get(db: &Db, district: OrgId) -> Result<AuthSettings, DbError> {
    let sql = "SELECT require_staff_mfa, invitation_days FROM district_auth_settings WHERE district_id = $1";
    let row: Option<AuthSettings> = with_reader!(db, |p| sqlx::query_as(sql).bind(district.0).fetch_optional(p).await)?;
    Ok(row.unwrap_or_default())
}

pub async fn put(
    tx: &mut Tx,
    district: OrgId,
    s: &AuthSettings,
    by: PersonId,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO district_auth_settings (district_id, require_staff_mfa, invitation_days, updated_by, updated_at) \
               VALUES ($1, $2, $3, $4, $5) ON CONFLICT (district_id) DO UPDATE SET require_staff_mfa = excluded.require_staff_mfa, \
               invitation_days = excluded.invitation_days, updated_by = excluded.updated_by, updated_at = excluded.updated_at";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(district.0)
        .bind(s.require_staff_mfa)
        .bind(s.invitation_days)
        .bind(by.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}
