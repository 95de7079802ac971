//! Roster sync settings: per district, where its OneRoster 1.2 REST
//! endpoint is, the client credentials, the schedule, and where the last
//! pull left off (`watermark`). The secret is read only by the sync itself;
//! [`SyncSettings`]'s `Debug` never prints it.

use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

/// One district's sync settings as stored.
#[derive(Clone, sqlx::FromRow)]
pub struct SyncSettings {
    pub district_id: Uuid,
    pub base_url: String,
    pub token_url: String,
    pub client_id: String,
    pub client_secret: String,
    /// Hours between scheduled pulls; `None`: on demand only.
    pub every_hours: Option<i32>,
    /// The latest `dateLastModified` the last applied pull held.
    pub watermark: Option<String>,
    pub last_run_at: Option<OffsetDateTime>,
    pub last_import_id: Option<Uuid>,
    pub next_run_at: Option<OffsetDateTime>,
}

impl std::fmt::Debug for SyncSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncSettings")
            .field("district_id", &self.district_id)
            .field("base_url", &self.base_url)
            .field("token_url", &self.token_url)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<set>")
            .field("every_hours", &self.every_hours)
            .field("watermark", &self.watermark)
            .finish_non_exhaustive()
    }
}

const COLUMNS: &str = "district_id, base_url, token_url, client_id, client_secret, every_hours, watermark, \
                       last_run_at, last_import_id, next_run_at";

pub async fn get(db: &Db, district: Uuid) -> Result<Option<SyncSettings>, DbError> {
    let sql = format!("SELECT {COLUMNS} FROM roster_sync_settings WHERE district_id = $1");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(district)
        .fetch_optional(p)
        .await)?)
}

/// Districts whose scheduled pull is due at `now`.
pub async fn due(db: &Db, now: OffsetDateTime) -> Result<Vec<Uuid>, DbError> {
    let sql = "SELECT district_id FROM roster_sync_settings \
               WHERE every_hours IS NOT NULL AND next_run_at IS NOT NULL AND next_run_at <= $1 \
               ORDER BY next_run_at";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(now)
        .fetch_all(p)
        .await)?)
}

/// What an administrator saves. `client_secret: None` keeps the stored one.
#[derive(Clone)]
pub struct SettingsInput<'a> {
    pub base_url: &'a str,
    pub token_url: &'a str,
    pub client_id: &'a str,
    pub client_secret: Option<&'a str>,
    pub every_hours: Option<i32>,
}

/// Saves the settings; a changed endpoint or client starts over with a
/// full pull (the watermark belongs to the old source).
pub async fn save(
    tx: &mut Tx,
    district: Uuid,
    input: &SettingsInput<'_>,
    next_run_at: Option<OffsetDateTime>,
    by: Option<Uuid>,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO roster_sync_settings (district_id, base_url, token_url, client_id, client_secret, \
               every_hours, next_run_at, updated_by, updated_at) \
               VALUES ($1, $2, $3, $4, COALESCE($5, ''), $6, $7, $8, $9) \
               ON CONFLICT (district_id) DO UPDATE SET \
               watermark = CASE WHEN roster_sync_settings.base_url = excluded.base_url \
                   AND roster_sync_settings.client_id = excluded.client_id \
                   THEN roster_sync_settings.watermark ELSE NULL END, \
               base_url = excluded.base_url, token_url = excluded.token_url, client_id = excluded.client_id, \
               client_secret = COALESCE($5, roster_sync_settings.client_secret), \
               every_hours = excluded.every_hours, next_run_at = excluded.next_run_at, \
               updated_by = excluded.updated_by, updated_at = excluded.updated_at";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(district)
        .bind(input.base_url)
        .bind(input.token_url)
        .bind(input.client_id)
        .bind(input.client_secret)
        .bind(input.every_hours)
        .bind(next_run_at)
        .bind(by)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// Records that a pull ran (whatever its outcome) and when the next one is
/// due; `watermark: Some` after a pull that was applied.
pub async fn record_run(
    db: &Db,
    district: Uuid,
    import_id: Uuid,
    ran_at: OffsetDateTime,
    watermark: Option<&str>,
) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    let settings: Option<(Option<i32>,)> = with_tx!(&mut tx, |c| sqlx::query_as(
        "SELECT every_hours FROM roster_sync_settings WHERE district_id = $1"
    )
    .bind(district)
    .fetch_optional(&mut *c)
    .await)?;
    let next = settings
        .and_then(|(h,)| h)
        .map(|h| ran_at + time::Duration::hours(i64::from(h)));
    let sql = "UPDATE roster_sync_settings SET last_run_at = $2, last_import_id = $3, next_run_at = $4, \
               watermark = COALESCE($5, watermark) WHERE district_id = $1";
    with_tx!(&mut tx, |c| sqlx::query(sql)
        .bind(district)
        .bind(ran_at)
        .bind(import_id)
        .bind(next)
        .bind(watermark)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    tx.commit().await
}
