//! Roster safety: the district's deactivation limit, uploads kept until an
//! administrator confirms an import above it, and the deactivated people
//! of a district with their reactivation.

use ssp_domain::{OrgId, PersonId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

// ------------------------------------------------------------------ the limit

const LIMIT_SQL: &str = "SELECT deactivation_limit_percent FROM district_roster_settings WHERE district_id = $1";

/// The district's deactivation limit in percent, if it set one.
pub async fn deactivation_limit(db: &Db, district: Uuid) -> Result<Option<i64>, DbError> {
    let v: Option<i32> = with_reader!(db, |p| sqlx::query_scalar(LIMIT_SQL)
        .bind(district)
        .fetch_optional(p)
        .await)?;
    Ok(v.map(i64::from))
}

/// The same, read inside an import's transaction.
pub async fn deactivation_limit_in_tx(tx: &mut Tx, district: Uuid) -> Result<Option<i64>, DbError> {
    let v: Option<i32> = with_tx!(tx, |c| sqlx::query_scalar(LIMIT_SQL)
        .bind(district)
        .fetch_optional(&mut *c)
        .await)?;
    Ok(v.map(i64::from))
}

/// Saves the district's limit (0–100, checked by the table too).
pub async fn set_deactivation_limit(
    tx: &mut Tx,
    district: OrgId,
    percent: u8,
    by: PersonId,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO district_roster_settings (district_id, deactivation_limit_percent, updated_by, updated_at) \
               VALUES ($1, $2, $3, $4) ON CONFLICT (district_id) DO UPDATE SET \
               deactivation_limit_percent = excluded.deactivation_limit_percent, \
               updated_by = excluded.updated_by, updated_at = excluded.updated_at";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(district.0)
        .bind(i32::from(percent))
        .bind(by.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// The district's active people (persons of every kind), in `tx`.
pub async fn active_people(tx: &mut Tx, district: Uuid) -> Result<i64, DbError> {
    let sql = "SELECT COUNT(*) FROM persons WHERE district_id = $1 AND status = 'active'";
    Ok(with_tx!(tx, |c| sqlx::query_scalar(sql)
        .bind(district)
        .fetch_one(&mut *c)
        .await)?)
}

// ------------------------------------------------------------ held uploads

/// Marks whether import `id`'s package is kept for a confirmation.
pub async fn set_awaiting_confirmation(tx: &mut Tx, id: Uuid, awaiting: bool) -> Result<(), DbError> {
    let sql = "UPDATE roster_imports SET awaiting_confirmation = $2 WHERE id = $1";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(awaiting)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// Whether import `id` waits for a confirmation with its package kept.
pub async fn awaiting_confirmation(db: &Db, id: Uuid) -> Result<bool, DbError> {
    let sql = "SELECT awaiting_confirmation FROM roster_imports WHERE id = $1";
    let v: Option<bool> = with_reader!(db, |p| sqlx::query_scalar(sql).bind(id).fetch_optional(p).await)?;
    Ok(v.unwrap_or(false))
}

/// Every import waiting for a confirmation (their packages are kept).
pub async fn imports_awaiting_confirmation(db: &Db) -> Result<Vec<Uuid>, DbError> {
    let sql = "SELECT id FROM roster_imports WHERE awaiting_confirmation";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql).fetch_all(p).await)?)
}

/// Whether an import of the district started after `after` was applied
/// (a kept package is then out of date).
pub async fn imported_since(db: &Db, district: Uuid, after: OffsetDateTime) -> Result<bool, DbError> {
    let sql = "SELECT COUNT(*) FROM roster_imports WHERE district_id = $1 AND created_at > $2 \
               AND state = 'succeeded' AND NOT dry_run";
    let n: i64 = with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(district)
        .bind(after)
        .fetch_one(p)
        .await)?;
    Ok(n > 0)
}

// --------------------------------------------------------- deactivated people

/// One deactivated person, as the administrator's list shows them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DeactivatedPerson {
    pub id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    /// `student`, `staff`, `guardian` or `person`.
    pub kind: String,
    /// The student number (OneRoster `identifier`), for students.
    pub local_id: Option<String>,
    pub source_id: Option<String>,
    pub deactivated_at: OffsetDateTime,
}

const KIND_SQL: &str = "CASE WHEN s.person_id IS NOT NULL THEN 'student' \
    WHEN EXISTS (SELECT 1 FROM staff_assignments a WHERE a.person_id = p.id) THEN 'staff' \
    WHEN EXISTS (SELECT 1 FROM guardian_links g WHERE g.guardian_id = p.id) THEN 'guardian' \
    ELSE 'person' END";

/// `%text%` for LIKE, with LIKE's own characters taken literally.
fn like_pattern(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('%');
    for ch in text.to_lowercase().chars() {
        if matches!(ch, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push('%');
    out
}

fn filter_sql(search: Option<&str>) -> &'static str {
    if search.is_some() {
        " AND (LOWER(p.given_name || ' ' || p.family_name) LIKE $2 ESCAPE '\\' \
           OR LOWER(p.family_name || ', ' || p.given_name) LIKE $2 ESCAPE '\\' \
           OR LOWER(COALESCE(p.preferred_name, '')) LIKE $2 ESCAPE '\\' \
           OR s.local_id = $3 OR p.source_id = $3)"
    } else {
        ""
    }
}

/// How many deactivated people of the district match `search` (a name,
/// part of one, or an exact student number or sourcedId).
pub async fn count_deactivated(db: &Db, district: Uuid, search: Option<&str>) -> Result<i64, DbError> {
    let sql = format!(
        "SELECT COUNT(*) FROM persons p LEFT JOIN students s ON s.person_id = p.id \
         WHERE p.district_id = $1 AND p.status = 'inactive'{}",
        filter_sql(search)
    );
    let pattern = search.map(like_pattern);
    Ok(with_reader!(db, |p| {
        let mut q = sqlx::query_scalar(&sql).bind(district);
        if let Some(s) = search {
            q = q.bind(pattern.as_deref()).bind(s);
        }
        q.fetch_one(p).await
    })?)
}

/// One page of the district's deactivated people, by family then given name.
pub async fn deactivated(
    db: &Db,
    district: Uuid,
    search: Option<&str>,
    limit: i64,
    offset: i64,
) -> Result<Vec<DeactivatedPerson>, DbError> {
    let n = if search.is_some() { 4 } else { 2 };
    let sql = format!(
        "SELECT p.id, p.given_name, p.family_name, p.preferred_name, {KIND_SQL} AS kind, s.local_id, p.source_id, \
                p.updated_at AS deactivated_at \
         FROM persons p LEFT JOIN students s ON s.person_id = p.id \
         WHERE p.district_id = $1 AND p.status = 'inactive'{} \
         ORDER BY p.family_name, p.given_name, p.id LIMIT ${n} OFFSET ${}",
        filter_sql(search),
        n + 1
    );
    let pattern = search.map(like_pattern);
    Ok(with_reader!(db, |p| {
        let mut q = sqlx::query_as(&sql).bind(district);
        if let Some(s) = search {
            q = q.bind(pattern.as_deref()).bind(s);
        }
        q.bind(limit).bind(offset).fetch_all(p).await
    })?)
}

/// What came back with a reactivated person.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reactivated {
    pub student: bool,
    pub guardian_links: u64,
    pub staff_roles: u64,
    pub enrollments: u64,
}

/// Makes a deactivated person of `district` active again, with their
/// sign-in, their student record (so their plan is seen again) and the
/// links, staff roles and enrollments that went inactive with them (the
/// same import deactivated them at the same moment as the person).
/// `None` when the id is not an inactive person of this district.
pub async fn reactivate(
    tx: &mut Tx,
    district: OrgId,
    person: Uuid,
    now: OffsetDateTime,
) -> Result<Option<Reactivated>, DbError> {
    let check = "SELECT COUNT(*) FROM persons WHERE id = $1 AND district_id = $2 AND status = 'inactive'";
    let found: i64 = with_tx!(&mut *tx, |c| sqlx::query_scalar(check)
        .bind(person)
        .bind(district.0)
        .fetch_one(&mut *c)
        .await)?;
    if found == 0 {
        return Ok(None);
    }
    // Deactivated together with the person: the same `updated_at`.
    const SAME_TIME: &str = "updated_at = (SELECT updated_at FROM persons WHERE id = $1)";
    let statements = [
        format!(
            "UPDATE guardian_links SET status = 'active', updated_at = $2 WHERE status = 'inactive' AND {SAME_TIME} \
             AND ((student_id = $1 AND guardian_id IN (SELECT id FROM persons WHERE status = 'active')) \
               OR (guardian_id = $1 AND student_id IN (SELECT person_id FROM students WHERE status = 'active')))"
        ),
        format!(
            "UPDATE staff_assignments SET status = 'active', updated_at = $2 \
             WHERE person_id = $1 AND status = 'inactive' AND {SAME_TIME}"
        ),
        format!(
            "UPDATE enrollments SET status = 'active', updated_at = $2 \
             WHERE person_id = $1 AND status = 'inactive' AND {SAME_TIME} \
             AND class_id IN (SELECT id FROM classes WHERE status = 'active')"
        ),
        "UPDATE students SET status = 'active', updated_at = $2 WHERE person_id = $1 AND status = 'inactive'"
            .to_owned(),
        "UPDATE accounts SET disabled = FALSE WHERE person_id = $1 AND disabled AND $2 IS NOT NULL".to_owned(),
        "UPDATE persons SET status = 'active', updated_at = $2 WHERE id = $1".to_owned(),
    ];
    let mut counts = [0u64; 6];
    for (i, sql) in statements.iter().enumerate() {
        counts[i] = with_tx!(&mut *tx, |c| sqlx::query(sql)
            .bind(person)
            .bind(now)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected()))?;
    }
    Ok(Some(Reactivated {
        guardian_links: counts[0],
        staff_roles: counts[1],
        enrollments: counts[2],
        student: counts[3] > 0,
    }))
}
