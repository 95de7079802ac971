//! Each student's transcript: courses taken with term, mark and credits.

use sqlx::FromRow;
use ssp_domain::{OrgId, PersonId, StudentId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct EntryRow {
    pub course_code: String,
    pub title: String,
    pub school_year: i32,
    pub term: String,
    pub grade_level: Option<i32>,
    pub mark: Option<String>,
    /// Hundredths of a credit.
    pub credits_attempted: i32,
    pub credits_earned: i32,
    pub rigor: String,
    pub subject_area: Option<String>,
    pub source: String,
    pub updated_at: OffsetDateTime,
}

/// The student's transcript, oldest year first.
pub async fn for_student(db: &Db, student: StudentId) -> Result<Vec<EntryRow>, DbError> {
    let sql = "SELECT course_code, title, school_year, term, grade_level, mark, credits_attempted, credits_earned, rigor, \
               subject_area, source, updated_at FROM transcript_entries WHERE student_id = $1 ORDER BY school_year, term, course_code";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

/// Inserts or replaces the entry for (student, course, year, term); true
/// when something changed.
#[allow(clippy::too_many_arguments)]
pub async fn upsert(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    e: &EntryRow,
    by: Option<PersonId>,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    // Only a changed row is written, so a second import of the same file
    // changes nothing (and its count says so).
    let sql = "INSERT INTO transcript_entries (id, district_id, student_id, course_code, title, school_year, term, grade_level, mark, \
               credits_attempted, credits_earned, rigor, subject_area, source, recorded_by, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) \
               ON CONFLICT (student_id, course_code, school_year, term) DO UPDATE SET title = excluded.title, \
               grade_level = excluded.grade_level, mark = excluded.mark, credits_attempted = excluded.credits_attempted, \
               credits_earned = excluded.credits_earned, rigor = excluded.rigor, subject_area = excluded.subject_area, \
               source = excluded.source, recorded_by = excluded.recorded_by, updated_at = excluded.updated_at \
               WHERE transcript_entries.title <> excluded.title OR transcript_entries.grade_level IS DISTINCT FROM excluded.grade_level \
               OR transcript_entries.mark IS DISTINCT FROM excluded.mark OR transcript_entries.credits_attempted <> excluded.credits_attempted \
               OR transcript_entries.credits_earned <> excluded.credits_earned OR transcript_entries.rigor <> excluded.rigor \
               OR transcript_entries.subject_area IS DISTINCT FROM excluded.subject_area";
    let n = with_tx!(tx, |conn| sqlx::query(sql)
        .bind(Uuid::now_v7())
        .bind(district.0)
        .bind(student.0)
        .bind(e.course_code.as_str())
        .bind(e.title.as_str())
        .bind(e.school_year)
        .bind(e.term.as_str())
        .bind(e.grade_level)
        .bind(e.mark.as_deref())
        .bind(e.credits_attempted)
        .bind(e.credits_earned)
        .bind(e.rigor.as_str())
        .bind(e.subject_area.as_deref())
        .bind(e.source.as_str())
        .bind(by.map(|b| b.0))
        .bind(now)
        .execute(&mut *conn)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}
