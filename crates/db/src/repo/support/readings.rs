//! Indicator readings: attendance and behaviour (one current row per student
//! and school year) and course marks by term. Writes only change a row whose
//! values differ, so loading the same file twice changes nothing.

use sqlx::FromRow;
use ssp_domain::{OrgId, StudentId};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct AttendanceRow {
    pub student_id: Uuid,
    pub school_year: i32,
    pub days_enrolled: i32,
    pub excused: i32,
    pub unexcused: i32,
    pub disciplinary: i32,
    pub as_of: Date,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct BehaviourRow {
    pub student_id: Uuid,
    pub school_year: i32,
    pub incidents: i32,
    pub iss_days: i32,
    pub oss_days: i32,
    pub as_of: Date,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct MarkRow {
    pub student_id: Uuid,
    pub course_code: String,
    pub term_ends_on: Date,
    pub subject: String,
    pub term_length: String,
    pub failing: bool,
    pub as_of: Date,
    pub source: String,
}

/// Inserts or replaces the student's attendance for the school year; true
/// when something changed.
pub async fn put_attendance(
    tx: &mut Tx,
    district: OrgId,
    r: &AttendanceRow,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "INSERT INTO attendance_readings (student_id, school_year, district_id, days_enrolled, excused, unexcused, disciplinary, \
               as_of, source, loaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
               ON CONFLICT (student_id, school_year) DO UPDATE SET days_enrolled = excluded.days_enrolled, excused = excluded.excused, \
               unexcused = excluded.unexcused, disciplinary = excluded.disciplinary, as_of = excluded.as_of, source = excluded.source, \
               loaded_at = excluded.loaded_at \
               WHERE attendance_readings.days_enrolled <> excluded.days_enrolled OR attendance_readings.excused <> excluded.excused \
               OR attendance_readings.unexcused <> excluded.unexcused OR attendance_readings.disciplinary <> excluded.disciplinary \
               OR attendance_readings.as_of <> excluded.as_of OR attendance_readings.source <> excluded.source";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(r.student_id)
        .bind(r.school_year)
        .bind(district.0)
        .bind(r.days_enrolled)
        .bind(r.excused)
        .bind(r.unexcused)
        .bind(r.disciplinary)
        .bind(r.as_of)
        .bind(r.source.as_str())
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// Inserts or replaces the student's behaviour for the school year; true
/// when something changed.
pub async fn put_behaviour(
    tx: &mut Tx,
    district: OrgId,
    r: &BehaviourRow,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "INSERT INTO behaviour_readings (student_id, school_year, district_id, incidents, iss_days, oss_days, as_of, source, \
               loaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
               ON CONFLICT (student_id, school_year) DO UPDATE SET incidents = excluded.incidents, iss_days = excluded.iss_days, \
               oss_days = excluded.oss_days, as_of = excluded.as_of, source = excluded.source, loaded_at = excluded.loaded_at \
               WHERE behaviour_readings.incidents <> excluded.incidents OR behaviour_readings.iss_days <> excluded.iss_days \
               OR behaviour_readings.oss_days <> excluded.oss_days OR behaviour_readings.as_of <> excluded.as_of \
               OR behaviour_readings.source <> excluded.source";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(r.student_id)
        .bind(r.school_year)
        .bind(district.0)
        .bind(r.incidents)
        .bind(r.iss_days)
        .bind(r.oss_days)
        .bind(r.as_of)
        .bind(r.source.as_str())
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// Inserts or replaces one course mark; true when something changed.
pub async fn put_mark(tx: &mut Tx, district: OrgId, r: &MarkRow, now: OffsetDateTime) -> Result<bool, DbError> {
    let sql = "INSERT INTO course_marks (student_id, course_code, term_ends_on, district_id, subject, term_length, failing, as_of, \
               source, loaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
               ON CONFLICT (student_id, course_code, term_ends_on) DO UPDATE SET subject = excluded.subject, \
               term_length = excluded.term_length, failing = excluded.failing, as_of = excluded.as_of, source = excluded.source, \
               loaded_at = excluded.loaded_at \
               WHERE course_marks.subject <> excluded.subject OR course_marks.term_length <> excluded.term_length \
               OR course_marks.failing <> excluded.failing OR course_marks.as_of <> excluded.as_of \
               OR course_marks.source <> excluded.source";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(r.student_id)
        .bind(r.course_code.as_str())
        .bind(r.term_ends_on)
        .bind(district.0)
        .bind(r.subject.as_str())
        .bind(r.term_length.as_str())
        .bind(r.failing)
        .bind(r.as_of)
        .bind(r.source.as_str())
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// Everything the rules read about some students, in one statement per
/// table.
#[derive(Debug, Default)]
pub struct Readings {
    pub attendance: Vec<AttendanceRow>,
    pub behaviour: Vec<BehaviourRow>,
    pub marks: Vec<MarkRow>,
}

fn in_list<'a, DB: sqlx::Database>(qb: &mut sqlx::QueryBuilder<'a, DB>, ids: &'a [Uuid])
where
    Uuid: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
{
    qb.push(" IN (");
    let mut sep = qb.separated(", ");
    for id in ids {
        sep.push_bind(*id);
    }
    qb.push(")");
}

/// The readings of `students` (at most a few hundred per call): of each
/// table asked for, in one statement.
pub async fn for_students(
    db: &Db,
    students: &[StudentId],
    attendance: bool,
    behaviour: bool,
    marks: bool,
) -> Result<Readings, DbError> {
    let ids: Vec<Uuid> = students.iter().map(|s| s.0).collect();
    let mut out = Readings::default();
    if ids.is_empty() {
        return Ok(out);
    }
    let ids = ids.as_slice();
    if attendance {
        out.attendance = with_reader!(db, |p| {
            let mut qb = sqlx::QueryBuilder::new(
                "SELECT student_id, school_year, days_enrolled, excused, unexcused, disciplinary, as_of, source \
                 FROM attendance_readings WHERE student_id",
            );
            in_list(&mut qb, ids);
            qb.push(" ORDER BY student_id, school_year");
            qb.build_query_as().fetch_all(p).await
        })?;
    }
    if behaviour {
        out.behaviour = with_reader!(db, |p| {
            let mut qb = sqlx::QueryBuilder::new(
                "SELECT student_id, school_year, incidents, iss_days, oss_days, as_of, source FROM behaviour_readings \
                 WHERE student_id",
            );
            in_list(&mut qb, ids);
            qb.push(" ORDER BY student_id, school_year");
            qb.build_query_as().fetch_all(p).await
        })?;
    }
    if marks {
        out.marks = with_reader!(db, |p| {
            let mut qb = sqlx::QueryBuilder::new(
                "SELECT student_id, course_code, term_ends_on, subject, term_length, failing, as_of, source FROM course_marks \
                 WHERE student_id",
            );
            in_list(&mut qb, ids);
            qb.push(" ORDER BY student_id, term_ends_on, course_code");
            qb.build_query_as().fetch_all(p).await
        })?;
    }
    Ok(out)
}

/// What the rules and the owner choice need about each student: school,
/// grade, class, plan manager.
#[derive(Debug, Clone, FromRow)]
pub struct StudentFacts {
    pub person_id: Uuid,
    pub district_id: Uuid,
    pub school_id: Uuid,
    pub grade_level: i32,
    pub graduation_year: i32,
    pub plan_manager: Option<Uuid>,
}

pub async fn student_facts(db: &Db, students: &[StudentId]) -> Result<Vec<StudentFacts>, DbError> {
    let ids: Vec<Uuid> = students.iter().map(|s| s.0).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids = ids.as_slice();
    Ok(with_reader!(db, |p| {
        let mut qb = sqlx::QueryBuilder::new(
            "SELECT s.person_id, s.district_id, s.school_id, s.grade_level, s.graduation_year, m.staff_id AS plan_manager \
             FROM students s LEFT JOIN plan_managers m ON m.student_id = s.person_id AND m.ended_at IS NULL \
             WHERE s.person_id",
        );
        in_list(&mut qb, ids);
        qb.build_query_as().fetch_all(p).await
    })?)
}

/// Active staff assignments at these schools, as (school, role, person), in
/// a stable order (the first holder of a role owns routed flags).
pub async fn role_holders(db: &Db, schools: &[Uuid]) -> Result<Vec<(Uuid, String, Uuid)>, DbError> {
    if schools.is_empty() {
        return Ok(Vec::new());
    }
    Ok(with_reader!(db, |p| {
        let mut qb = sqlx::QueryBuilder::new(
            "SELECT a.org_id, a.role, a.person_id FROM staff_assignments a JOIN persons p ON p.id = a.person_id \
             WHERE a.status = 'active' AND p.status = 'active' AND a.org_id",
        );
        in_list(&mut qb, schools);
        qb.push(" ORDER BY a.org_id, a.role, a.created_at, a.person_id");
        qb.build_query_as().fetch_all(p).await
    })?)
}

/// The transcript rows of `students` with their student (for the GPA and
/// grade-9 rules), oldest year first.
pub async fn transcripts(
    db: &Db,
    students: &[StudentId],
) -> Result<Vec<(Uuid, crate::repo::academics::transcripts::EntryRow)>, DbError> {
    #[derive(FromRow)]
    struct Row {
        student_id: Uuid,
        #[sqlx(flatten)]
        entry: crate::repo::academics::transcripts::EntryRow,
    }
    let ids: Vec<Uuid> = students.iter().map(|s| s.0).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids = ids.as_slice();
    let rows: Vec<Row> = with_reader!(db, |p| {
        let mut qb = sqlx::QueryBuilder::new(
            "SELECT student_id, course_code, title, school_year, term, grade_level, mark, credits_attempted, credits_earned, rigor, \
             subject_area, source, updated_at FROM transcript_entries WHERE student_id",
        );
        in_list(&mut qb, ids);
        qb.push(" ORDER BY student_id, school_year, term, course_code");
        qb.build_query_as().fetch_all(p).await
    })?;
    Ok(rows.into_iter().map(|r| (r.student_id, r.entry)).collect())
}
