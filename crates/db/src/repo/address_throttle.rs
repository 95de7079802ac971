//! Failed sign-ins (and reset requests) counted per client address, beside
//! the per-login-name count in `throttle.rs`, with the same rule
//! (`ssp_domain::auth::SignInThrottle`, with its own limits).

use ssp_domain::auth::FailureRecord;
use time::OffsetDateTime;

use crate::{with_reader, with_tx, Db, DbError, Tx};

pub async fn get(db: &Db, address: &str) -> Result<Option<FailureRecord>, DbError> {
    let sql = "SELECT failures, window_start, locked_until FROM sign_in_address_failures WHERE address = $1";
    let row: Option<(i64, OffsetDateTime, Option<OffsetDateTime>)> =
        with_reader!(db, |p| sqlx::query_as(sql).bind(address).fetch_optional(p).await)?;
    Ok(row.map(|(failures, window_start, locked_until)| FailureRecord {
        failures: failures.clamp(0, u32::MAX as i64) as u32,
        window_start,
        locked_until,
    }))
}

pub async fn put(tx: &mut Tx, address: &str, rec: &FailureRecord) -> Result<(), DbError> {
    let sql =
        "INSERT INTO sign_in_address_failures (address, failures, window_start, locked_until) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (address) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start, \
               locked_until = excluded.locked_until";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(address)
        .bind(rec.failures as i64)
        .bind(rec.window_start)
        .bind(rec.locked_until)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}
