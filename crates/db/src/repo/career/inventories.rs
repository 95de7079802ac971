//! The interest inventory (one per student and school year, saved answer by
//! answer) and the work-values and strengths self-ratings (the latest).

use sqlx::FromRow;
use ssp_domain::{OrgId, StudentId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct InventoryRow {
    pub id: Uuid,
    pub school_year: i32,
    pub answers: String,
    pub started_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub completed_at: Option<OffsetDateTime>,
}

/// Every year's inventory of the student, the latest year first.
pub async fn for_student(db: &Db, student: StudentId) -> Result<Vec<InventoryRow>, DbError> {
    let sql = "SELECT id, school_year, answers, started_at, updated_at, completed_at FROM career_inventories \
               WHERE student_id = $1 ORDER BY school_year DESC";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

/// The inventory of one school year, read inside the write that changes it.
pub async fn get_in_tx(tx: &mut Tx, student: StudentId, year: i32) -> Result<Option<InventoryRow>, DbError> {
    let sql = "SELECT id, school_year, answers, started_at, updated_at, completed_at FROM career_inventories \
               WHERE student_id = $1 AND school_year = $2";
    Ok(with_tx!(tx, |c| sqlx::query_as(sql)
        .bind(student.0)
        .bind(year)
        .fetch_optional(&mut *c)
        .await)?)
}

/// Writes the year's answers (creating the row on the first answer) and
/// returns its id.
pub async fn put(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    year: i32,
    answers: &str,
    completed_at: Option<OffsetDateTime>,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let sql = "INSERT INTO career_inventories (id, district_id, student_id, school_year, answers, started_at, updated_at, completed_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $6, $7) ON CONFLICT (student_id, school_year) DO UPDATE SET \
               answers = excluded.answers, updated_at = excluded.updated_at, completed_at = excluded.completed_at RETURNING id";
    Ok(with_tx!(tx, |c| sqlx::query_scalar(sql)
        .bind(Uuid::now_v7())
        .bind(district.0)
        .bind(student.0)
        .bind(year)
        .bind(answers)
        .bind(now)
        .bind(completed_at)
        .fetch_one(&mut *c)
        .await)?)
}

#[derive(Debug, Clone, PartialEq, Eq, Default, FromRow)]
pub struct SelfRatingsRow {
    pub work_values: String,
    pub strengths: String,
    pub updated_at: Option<OffsetDateTime>,
}

pub async fn self_ratings(db: &Db, student: StudentId) -> Result<Option<SelfRatingsRow>, DbError> {
    let sql = "SELECT work_values, strengths, updated_at FROM career_self_ratings WHERE student_id = $1";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_optional(p)
        .await)?)
}

/// Saves the work values (`Some`) or the strengths (`Some`), keeping the other.
pub async fn put_self_ratings(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    work_values: Option<&str>,
    strengths: Option<&str>,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO career_self_ratings (student_id, district_id, work_values, strengths, updated_at) \
               VALUES ($1, $2, COALESCE($3, ''), COALESCE($4, ''), $5) ON CONFLICT (student_id) DO UPDATE SET \
               work_values = COALESCE($3, career_self_ratings.work_values), strengths = COALESCE($4, career_self_ratings.strengths), \
               updated_at = excluded.updated_at";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(student.0)
        .bind(district.0)
        .bind(work_values)
        .bind(strengths)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The inventories of the listed students (a caseload page): student,
/// school year, answers and when completed, latest year first.
pub async fn of_students(db: &Db, students: &[Uuid]) -> Result<Vec<(Uuid, InventoryRow)>, DbError> {
    if students.is_empty() {
        return Ok(Vec::new());
    }
    #[derive(FromRow)]
    struct Row {
        student_id: Uuid,
        id: Uuid,
        school_year: i32,
        answers: String,
        started_at: OffsetDateTime,
        updated_at: OffsetDateTime,
        completed_at: Option<OffsetDateTime>,
    }
    let rows: Vec<Row> = with_reader!(db, |p| {
        let mut qb = sqlx::QueryBuilder::new(
            "SELECT student_id, id, school_year, answers, started_at, updated_at, completed_at FROM career_inventories WHERE student_id IN (",
        );
        let mut sep = qb.separated(", ");
        for s in students {
            sep.push_bind(*s);
        }
        qb.push(") ORDER BY school_year DESC");
        qb.build_query_as().fetch_all(p).await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.student_id,
                InventoryRow {
                    id: r.id,
                    school_year: r.school_year,
                    answers: r.answers,
                    started_at: r.started_at,
                    updated_at: r.updated_at,
                    completed_at: r.completed_at,
                },
            )
        })
        .collect())
}
