//! The district's early-warning settings and the flags: one per student and
//! kind, with owner, next step, the numbers behind it, and its history.

use sqlx::FromRow;
use ssp_domain::{OrgId, PersonId, StudentId};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

/// A district's saved thresholds and routing (credits and points are
/// hundredths).
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct SettingsRow {
    pub chronic_absence_percent: i32,
    pub min_days_enrolled: i32,
    pub suspension_days: i32,
    pub low_gpa: i32,
    pub stale_after_days: i32,
    pub grade9_min_credits: i32,
    pub grade9_max_core_fs: i32,
    pub routing: String,
}

pub async fn settings(db: &Db, district: OrgId) -> Result<Option<SettingsRow>, DbError> {
    let sql = "SELECT chronic_absence_percent, min_days_enrolled, suspension_days, low_gpa, stale_after_days, grade9_min_credits, \
               grade9_max_core_fs, routing FROM support_settings WHERE district_id = $1";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(district.0)
        .fetch_optional(p)
        .await)?)
}

pub async fn put_settings(
    tx: &mut Tx,
    district: OrgId,
    s: &SettingsRow,
    by: PersonId,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO support_settings (district_id, chronic_absence_percent, min_days_enrolled, suspension_days, low_gpa, \
               stale_after_days, grade9_min_credits, grade9_max_core_fs, routing, updated_by, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (district_id) DO UPDATE SET \
               chronic_absence_percent = excluded.chronic_absence_percent, min_days_enrolled = excluded.min_days_enrolled, \
               suspension_days = excluded.suspension_days, low_gpa = excluded.low_gpa, stale_after_days = excluded.stale_after_days, \
               grade9_min_credits = excluded.grade9_min_credits, grade9_max_core_fs = excluded.grade9_max_core_fs, \
               routing = excluded.routing, updated_by = excluded.updated_by, updated_at = excluded.updated_at";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(district.0)
        .bind(s.chronic_absence_percent)
        .bind(s.min_days_enrolled)
        .bind(s.suspension_days)
        .bind(s.low_gpa)
        .bind(s.stale_after_days)
        .bind(s.grade9_min_credits)
        .bind(s.grade9_max_core_fs)
        .bind(s.routing.as_str())
        .bind(by.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// One flag as stored.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct FlagRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub school_id: Uuid,
    pub student_id: Uuid,
    pub kind: String,
    pub status: String,
    pub rule: String,
    pub evidence: String,
    pub as_of: Date,
    pub source: String,
    pub stale: bool,
    pub owner_id: Uuid,
    pub owner_basis: String,
    pub next_step: String,
    pub next_step_due: Date,
    pub resolved_note: Option<String>,
    pub opened_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

const FLAG_COLUMNS: &str =
    "f.id, f.district_id, f.school_id, f.student_id, f.kind, f.status, f.rule, f.evidence, f.as_of, f.source, \
     f.stale, f.owner_id, f.owner_basis, f.next_step, f.next_step_due, f.resolved_note, f.opened_at, f.updated_at";

/// Every flag of these students (any status).
pub async fn for_students(db: &Db, students: &[StudentId], kinds: &[&str]) -> Result<Vec<FlagRow>, DbError> {
    let ids: Vec<Uuid> = students.iter().map(|s| s.0).collect();
    if ids.is_empty() || kinds.is_empty() {
        return Ok(Vec::new());
    }
    Ok(with_reader!(db, |p| {
        let mut qb = sqlx::QueryBuilder::new(format!("SELECT {FLAG_COLUMNS} FROM flags f WHERE f.student_id IN ("));
        let mut sep = qb.separated(", ");
        for id in &ids {
            sep.push_bind(*id);
        }
        qb.push(") AND f.kind IN (");
        let mut sep = qb.separated(", ");
        for k in kinds {
            sep.push_bind(*k);
        }
        qb.push(") ORDER BY f.student_id, f.kind");
        qb.build_query_as().fetch_all(p).await
    })?)
}

/// One flag of a student.
pub async fn get(db: &Db, student: StudentId, id: Uuid) -> Result<Option<FlagRow>, DbError> {
    let sql = format!("SELECT {FLAG_COLUMNS} FROM flags f WHERE f.student_id = $1 AND f.id = $2");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(student.0)
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

/// Writes every changeable column of a flag (status, evidence, owner, next
/// step, note).
pub async fn update(tx: &mut Tx, f: &FlagRow) -> Result<(), DbError> {
    let sql = "UPDATE flags SET status = $2, rule = $3, evidence = $4, as_of = $5, source = $6, stale = $7, owner_id = $8, \
               owner_basis = $9, next_step = $10, next_step_due = $11, resolved_note = $12, school_id = $13, updated_at = $14 \
               WHERE id = $1";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(f.id)
        .bind(f.status.as_str())
        .bind(f.rule.as_str())
        .bind(f.evidence.as_str())
        .bind(f.as_of)
        .bind(f.source.as_str())
        .bind(f.stale)
        .bind(f.owner_id)
        .bind(f.owner_basis.as_str())
        .bind(f.next_step.as_str())
        .bind(f.next_step_due)
        .bind(f.resolved_note.as_deref())
        .bind(f.school_id)
        .bind(f.updated_at)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// Refreshes many flags at once (a recomputation's new evidence, as-of
/// date, stale mark and school): only the columns the system owns, so an
/// owner's edit made meanwhile (status, owner, next step) stands. As many
/// rows per statement as fit, each matched by id.
pub async fn refresh_many(tx: &mut Tx, rows: &[FlagRow]) -> Result<(), DbError> {
    const COLS: usize = 8;
    let per = (crate::repo::bulk::MAX_BINDS / COLS).max(1);
    with_tx!(tx, |c| {
        for part in rows.chunks(per) {
            let mut qb = sqlx::QueryBuilder::new(
                "WITH v (id, rule, evidence, as_of, source, stale, school_id, updated_at) AS (",
            );
            qb.push_values(part, |mut b, f| {
                b.push_bind(f.id)
                    .push_bind(f.rule.as_str())
                    .push_bind(f.evidence.as_str())
                    .push_bind(f.as_of)
                    .push_bind(f.source.as_str())
                    .push_bind(f.stale)
                    .push_bind(f.school_id)
                    .push_bind(f.updated_at);
            });
            qb.push(
                ") UPDATE flags SET rule = v.rule, evidence = v.evidence, as_of = v.as_of, source = v.source, \
                 stale = v.stale, school_id = v.school_id, updated_at = v.updated_at FROM v WHERE flags.id = v.id",
            );
            qb.build().execute(&mut *c).await?;
        }
    });
    Ok(())
}

/// The system's moves of many flags (clear, reopen), each written whole
/// but only if the flag's status, owner and next step are still `read`'s
/// (an owner's edit meanwhile wins; the next recomputation tries again).
/// The ids of the flags moved.
pub async fn move_many(tx: &mut Tx, rows: &[(FlagRow, FlagRow)]) -> Result<Vec<Uuid>, DbError> {
    const COLS: usize = 17;
    let per = (crate::repo::bulk::MAX_BINDS / COLS).max(1);
    let mut moved = Vec::with_capacity(rows.len());
    with_tx!(tx, |c| {
        for part in rows.chunks(per) {
            let mut qb = sqlx::QueryBuilder::new(
                "WITH v (id, status, rule, evidence, as_of, source, stale, owner_id, owner_basis, next_step, next_step_due, \
                 resolved_note, school_id, updated_at, read_status, read_owner, read_next_step) AS (",
            );
            qb.push_values(part, |mut b, (f, read)| {
                b.push_bind(f.id)
                    .push_bind(f.status.as_str())
                    .push_bind(f.rule.as_str())
                    .push_bind(f.evidence.as_str())
                    .push_bind(f.as_of)
                    .push_bind(f.source.as_str())
                    .push_bind(f.stale)
                    .push_bind(f.owner_id)
                    .push_bind(f.owner_basis.as_str())
                    .push_bind(f.next_step.as_str())
                    .push_bind(f.next_step_due)
                    .push_bind(f.resolved_note.as_deref())
                    .push_bind(f.school_id)
                    .push_bind(f.updated_at)
                    .push_bind(read.status.as_str())
                    .push_bind(read.owner_id)
                    .push_bind(read.next_step.as_str());
            });
            qb.push(
                ") UPDATE flags SET status = v.status, rule = v.rule, evidence = v.evidence, as_of = v.as_of, source = v.source, \
                 stale = v.stale, owner_id = v.owner_id, owner_basis = v.owner_basis, next_step = v.next_step, \
                 next_step_due = v.next_step_due, resolved_note = v.resolved_note, school_id = v.school_id, \
                 updated_at = v.updated_at FROM v WHERE flags.id = v.id AND flags.status = v.read_status \
                 AND flags.owner_id = v.read_owner AND flags.next_step = v.read_next_step RETURNING flags.id",
            );
            let ids: Vec<Uuid> = qb.build_query_scalar().fetch_all(&mut *c).await?;
            moved.extend(ids);
        }
    });
    Ok(moved)
}

/// One line of a flag's history.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct EventRow {
    pub at: OffsetDateTime,
    pub actor_id: Option<Uuid>,
    pub actor_name: Option<String>,
    pub event: String,
    pub status: String,
    pub detail: String,
}

/// Inserts many new flags at once (a recomputation's openings).
pub async fn insert_many(tx: &mut Tx, rows: &[FlagRow]) -> Result<(), DbError> {
    crate::repo::bulk::bulk_insert!(
        tx,
        "INSERT INTO flags (id, district_id, school_id, student_id, kind, status, rule, evidence, as_of, source, stale, \
         owner_id, owner_basis, next_step, next_step_due, resolved_note, opened_at, updated_at) ",
        rows,
        18,
        |b, f| b
            .push_bind(f.id)
            .push_bind(f.district_id)
            .push_bind(f.school_id)
            .push_bind(f.student_id)
            .push_bind(f.kind.as_str())
            .push_bind(f.status.as_str())
            .push_bind(f.rule.as_str())
            .push_bind(f.evidence.as_str())
            .push_bind(f.as_of)
            .push_bind(f.source.as_str())
            .push_bind(f.stale)
            .push_bind(f.owner_id)
            .push_bind(f.owner_basis.as_str())
            .push_bind(f.next_step.as_str())
            .push_bind(f.next_step_due)
            .push_bind(f.resolved_note.as_deref())
            .push_bind(f.opened_at)
            .push_bind(f.updated_at)
    )
}

/// A line of a flag's history to insert.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub flag: Uuid,
    pub at: OffsetDateTime,
    pub actor: Option<PersonId>,
    pub event: &'static str,
    pub status: String,
    pub detail: String,
}

/// Inserts many lines of flag history at once.
pub async fn add_events(tx: &mut Tx, rows: &[NewEvent]) -> Result<(), DbError> {
    crate::repo::bulk::bulk_insert!(
        tx,
        "INSERT INTO flag_events (id, flag_id, at, actor_id, event, status, detail) ",
        rows,
        7,
        |b, e| b
            .push_bind(Uuid::now_v7())
            .push_bind(e.flag)
            .push_bind(e.at)
            .push_bind(e.actor.map(|a| a.0))
            .push_bind(e.event)
            .push_bind(e.status.as_str())
            .push_bind(e.detail.as_str())
    )
}

pub async fn add_event(
    tx: &mut Tx,
    flag: Uuid,
    at: OffsetDateTime,
    actor: Option<PersonId>,
    event: &str,
    status: &str,
    detail: &str,
) -> Result<(), DbError> {
    let sql = "INSERT INTO flag_events (id, flag_id, at, actor_id, event, status, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(Uuid::now_v7())
        .bind(flag)
        .bind(at)
        .bind(actor.map(|a| a.0))
        .bind(event)
        .bind(status)
        .bind(detail)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// The history of a student's flags, as (flag, event), oldest first.
pub async fn events(db: &Db, student: StudentId) -> Result<Vec<(Uuid, EventRow)>, DbError> {
    #[derive(FromRow)]
    struct Row {
        flag_id: Uuid,
        #[sqlx(flatten)]
        event: EventRow,
    }
    let sql = "SELECT e.flag_id, e.at, e.actor_id, CASE WHEN p.id IS NULL THEN NULL ELSE p.given_name || ' ' || p.family_name END \
               AS actor_name, e.event, e.status, e.detail FROM flag_events e JOIN flags f ON f.id = e.flag_id \
               LEFT JOIN persons p ON p.id = e.actor_id WHERE f.student_id = $1 ORDER BY e.at, e.id";
    let rows: Vec<Row> = with_reader!(db, |p| sqlx::query_as(sql).bind(student.0).fetch_all(p).await)?;
    Ok(rows.into_iter().map(|r| (r.flag_id, r.event)).collect())
}

/// A flag on a list, with its student's and owner's names.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ListedFlag {
    pub id: Uuid,
    pub student_id: Uuid,
    pub student_name: String,
    pub kind: String,
    pub status: String,
    pub owner_name: String,
    pub next_step: String,
    pub next_step_due: Date,
    pub as_of: Date,
    pub stale: bool,
}

/// The active flags a staff member owns, overdue (earliest due) first.
pub async fn open_for_owner(db: &Db, owner: PersonId) -> Result<Vec<ListedFlag>, DbError> {
    let sql = "SELECT f.id, f.student_id, COALESCE(sp.preferred_name, sp.given_name) || ' ' || sp.family_name AS student_name, \
               f.kind, f.status, o.given_name || ' ' || o.family_name AS owner_name, f.next_step, f.next_step_due, f.as_of, f.stale \
               FROM flags f JOIN persons sp ON sp.id = f.student_id JOIN persons o ON o.id = f.owner_id \
               WHERE f.owner_id = $1 AND f.status IN ('open', 'acknowledged', 'in_progress') \
               ORDER BY f.next_step_due, f.opened_at";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(owner.0)
        .fetch_all(p)
        .await)?)
}

/// Every student of the district with indicator data or a flag (for a
/// recomputation after the thresholds change).
pub async fn students_with_data(db: &Db, district: OrgId) -> Result<Vec<Uuid>, DbError> {
    let sql = "SELECT student_id FROM attendance_readings WHERE district_id = $1 \
               UNION SELECT student_id FROM behaviour_readings WHERE district_id = $1 \
               UNION SELECT student_id FROM course_marks WHERE district_id = $1 \
               UNION SELECT student_id FROM transcript_entries WHERE district_id = $1 \
               UNION SELECT student_id FROM flags WHERE district_id = $1";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(district.0)
        .fetch_all(p)
        .await)?)
}

/// Display names of people by id.
pub async fn names(db: &Db, ids: &[Uuid]) -> Result<std::collections::HashMap<Uuid, String>, DbError> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    let rows: Vec<(Uuid, String)> = with_reader!(db, |p| {
        let mut qb = sqlx::QueryBuilder::new("SELECT id, given_name || ' ' || family_name FROM persons WHERE id IN (");
        let mut sep = qb.separated(", ");
        for id in ids {
            sep.push_bind(*id);
        }
        qb.push(")");
        qb.build_query_as().fetch_all(p).await
    })?;
    Ok(rows.into_iter().collect())
}

/// Active staff at the student's school, as (person, name, role), by name:
/// the people a flag may be reassigned to (each still checked).
pub async fn staff_at_school(db: &Db, student: StudentId) -> Result<Vec<(Uuid, String, String)>, DbError> {
    let sql = "SELECT p.id, p.given_name || ' ' || p.family_name, a.role FROM students s \
               JOIN staff_assignments a ON a.org_id = s.school_id AND a.status = 'active' \
               JOIN persons p ON p.id = a.person_id AND p.status = 'active' \
               WHERE s.person_id = $1 ORDER BY p.family_name, p.given_name, p.id, a.role";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}
