//! A district's plan settings: the up-to-date rule's thresholds and its
//! changes to the shipped grade-level scope and sequence.

use sqlx::FromRow;
use ssp_domain::{OrgId, PersonId};
use time::OffsetDateTime;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct PlanSettings {
    pub grace_days: i32,
    pub require_guardian_signature: bool,
    /// Activity keys the district does not use, comma-separated.
    pub disabled_activities: String,
    /// Activity keys the district keeps but does not require.
    pub optional_activities: String,
}

impl Default for PlanSettings {
    fn default() -> Self {
        Self {
            grace_days: 7,
            require_guardian_signature: true,
            disabled_activities: String::new(),
            optional_activities: String::new(),
        }
    }
}

impl PlanSettings {
    pub fn is_disabled(&self, key: &str) -> bool {
        self.disabled_activities.split(',').any(|k| k == key)
    }

    pub fn is_optional(&self, key: &str) -> bool {
        self.optional_activities.split(',').any(|k| k == key)
    }
}

const SQL: &str = "SELECT grace_days, require_guardian_signature, disabled_activities, optional_activities \
     FROM district_plan_settings WHERE district_id = $1";

/// The district's settings, or the defaults.
pub async fn get(db: &Db, district: OrgId) -> Result<PlanSettings, DbError> {
    let row: Option<PlanSettings> = with_reader!(db, |p| sqlx::query_as(SQL).bind(district.0).fetch_optional(p).await)?;
    Ok(row.unwrap_or_default())
}

pub async fn get_in_tx(tx: &mut Tx, district: OrgId) -> Result<PlanSettings, DbError> {
    let row: Option<PlanSettings> = with_tx!(tx, |c| sqlx::query_as(SQL)
        .bind(district.0)
        .fetch_optional(&mut *c)
        .await)?;
    Ok(row.unwrap_or_default())
}

/// Saves the settings and marks the district's stored plan statuses stale,
/// so the background refresh recomputes them under the new rule.
pub async fn put(
    tx: &mut Tx,
    district: OrgId,
    s: &PlanSettings,
    by: PersonId,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let upsert = "INSERT INTO district_plan_settings (district_id, grace_days, require_guardian_signature, disabled_activities, \
                  optional_activities, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                  ON CONFLICT (district_id) DO UPDATE SET grace_days = excluded.grace_days, \
                  require_guardian_signature = excluded.require_guardian_signature, disabled_activities = excluded.disabled_activities, \
                  optional_activities = excluded.optional_activities, updated_by = excluded.updated_by, updated_at = excluded.updated_at";
    let stale = "UPDATE plan_status SET computed_at = $2 WHERE district_id = $1";
    let epoch = OffsetDateTime::UNIX_EPOCH;
    with_tx!(tx, |c| {
        sqlx::query(upsert)
            .bind(district.0)
            .bind(s.grace_days)
            .bind(s.require_guardian_signature)
            .bind(&s.disabled_activities)
            .bind(&s.optional_activities)
            .bind(by.0)
            .bind(now)
            .execute(&mut *c)
            .await?;
        sqlx::query(stale)
            .bind(district.0)
            .bind(epoch)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}
