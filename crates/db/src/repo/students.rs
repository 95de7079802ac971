//! Student lists filtered by an access scope, and one student's header.

use sqlx::FromRow;
use ssp_domain::access::ListScope;
use ssp_domain::StudentId;
use time::Date;
use uuid::Uuid;

use super::access::scope_sql;
use crate::{bind_scope, with_reader, Db, DbError};

#[derive(Debug, Clone, FromRow)]
pub struct StudentListRow {
    pub person_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub grade_level: i32,
    pub school_name: String,
    pub local_id: Option<String>,
}

/// One page of the students in `scope`, by family name, and the total.
pub async fn page(
    db: &Db,
    scope: &ListScope,
    today: Date,
    limit: i64,
    offset: i64,
) -> Result<(Vec<StudentListRow>, i64), DbError> {
    let (filter, binds) = scope_sql(scope, today, 3);
    let sql = format!(
        "SELECT s.person_id, p.given_name, p.family_name, p.preferred_name, s.grade_level, o.name AS school_name, s.local_id \
         FROM students s JOIN persons p ON p.id = s.person_id JOIN orgs o ON o.id = s.school_id \
         WHERE s.status = 'active' AND {filter} \
         ORDER BY p.family_name, p.given_name, s.person_id LIMIT $1 OFFSET $2"
    );
    let (count_filter, count_binds) = scope_sql(scope, today, 1);
    let count_sql = format!("SELECT COUNT(*) FROM students s WHERE s.status = 'active' AND {count_filter}");
    let (rows, total) = with_reader!(db, |p| {
        let q = sqlx::query_as(&sql).bind(limit).bind(offset);
        let rows: Vec<StudentListRow> = bind_scope!(q, binds).fetch_all(p).await?;
        let total: i64 = bind_scope!(sqlx::query_scalar(&count_sql), count_binds)
            .fetch_one(p)
            .await?;
        Ok::<_, sqlx::Error>((rows, total))
    })?;
    Ok((rows, total))
}

#[derive(Debug, Clone, FromRow)]
pub struct StudentHeader {
    pub person_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub pronouns: Option<String>,
    pub grade_level: i32,
    pub graduation_year: i32,
    pub school_name: String,
    pub birth_date: Option<Date>,
    pub shares_with_guardians: bool,
    pub local_id: Option<String>,
}

pub async fn header(db: &Db, student: StudentId) -> Result<Option<StudentHeader>, DbError> {
    let sql = "SELECT s.person_id, p.given_name, p.family_name, p.preferred_name, p.pronouns, s.grade_level, s.graduation_year, \
                      o.name AS school_name, s.birth_date, s.shares_with_guardians, s.local_id \
               FROM students s JOIN persons p ON p.id = s.person_id JOIN orgs o ON o.id = s.school_id WHERE s.person_id = $1";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_optional(p)
        .await)?)
}

pub async fn set_sharing(
    tx: &mut crate::Tx,
    student: StudentId,
    shares: bool,
    now: time::OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "UPDATE students SET shares_with_guardians = $2, updated_at = $3 WHERE person_id = $1";
    crate::with_tx!(tx, |c| sqlx::query(sql)
        .bind(student.0)
        .bind(shares)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Finds a student of a district by local or state id (for the audit search).
pub async fn find_by_number(db: &Db, district: ssp_domain::OrgId, number: &str) -> Result<Option<Uuid>, DbError> {
    let sql =
        "SELECT person_id FROM students WHERE district_id = $1 AND (local_id = $2 OR state_student_id = $2) LIMIT 1";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(district.0)
        .bind(number.trim())
        .fetch_optional(p)
        .await)?)
}
