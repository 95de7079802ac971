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
    pub up_to_date: Option<bool>,
    pub overdue_check_ins: Option<i32>,
    /// How many rows the whole list has (the same on every row).
    pub total: i64,
}

/// Which plans a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    All,
    UpToDate,
    NotUpToDate,
    OverdueCheckIns,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Name,
    Grade,
    /// Plans needing attention first: not up to date, most overdue first.
    Status,
}

/// Filters a caseload or student list can apply on top of the scope.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub status: StatusFilter,
    /// 0 for any grade.
    pub grade: i32,
    pub school: Option<Uuid>,
    pub sort: SortBy,
}

/// One page of the students in `scope` that pass `filter`, and the total.
pub async fn page(
    db: &Db,
    scope: &ListScope,
    filter: &ListFilter,
    today: Date,
    limit: i64,
    offset: i64,
) -> Result<(Vec<StudentListRow>, i64), DbError> {
    let status_sql = match filter.status {
        StatusFilter::All => "",
        StatusFilter::UpToDate => " AND COALESCE(ps.up_to_date, FALSE)",
        StatusFilter::NotUpToDate => " AND NOT COALESCE(ps.up_to_date, FALSE)",
        StatusFilter::OverdueCheckIns => " AND COALESCE(ps.overdue_check_ins, 0) > 0",
    };
    let order = match filter.sort {
        SortBy::Name => "p.family_name, p.given_name, s.person_id",
        SortBy::Grade => "s.grade_level, p.family_name, p.given_name, s.person_id",
        SortBy::Status => {
            "COALESCE(ps.up_to_date, FALSE), COALESCE(ps.overdue_check_ins, 0) DESC, p.family_name, p.given_name, s.person_id"
        }
    };
    let (scope_filter, binds) = scope_sql(scope, today, 5);
    let sql = format!(
        "SELECT s.person_id, p.given_name, p.family_name, p.preferred_name, s.grade_level, o.name AS school_name, s.local_id, \
                ps.up_to_date, ps.overdue_check_ins, COUNT(*) OVER () AS total \
         FROM students s JOIN persons p ON p.id = s.person_id JOIN orgs o ON o.id = s.school_id \
         LEFT JOIN plan_status ps ON ps.student_id = s.person_id \
         WHERE s.status = 'active' AND ($3 = 0 OR s.grade_level = $3) AND ($4 IS NULL OR s.school_id = $4){status_sql} AND {scope_filter} \
         ORDER BY {order} LIMIT $1 OFFSET $2"
    );
    let rows: Vec<StudentListRow> = with_reader!(db, |p| {
        let q = sqlx::query_as(&sql)
            .bind(limit)
            .bind(offset)
            .bind(filter.grade)
            .bind(filter.school);
        bind_scope!(q, binds).fetch_all(p).await
    })?;
    // One statement: the window count rides along with the page. A page
    // past the end has no rows to carry it, so count separately then.
    let total = match rows.first() {
        Some(r) => r.total,
        None if offset == 0 => 0,
        None => {
            let (count_filter, count_binds) = scope_sql(scope, today, 3);
            let count_sql = format!(
                "SELECT COUNT(*) FROM students s LEFT JOIN plan_status ps ON ps.student_id = s.person_id \
                 WHERE s.status = 'active' AND ($1 = 0 OR s.grade_level = $1) AND ($2 IS NULL OR s.school_id = $2){status_sql} AND {count_filter}"
            );
            with_reader!(db, |p| {
                let cq = sqlx::query_scalar(&count_sql).bind(filter.grade).bind(filter.school);
                bind_scope!(cq, count_binds).fetch_one(p).await
            })?
        }
    };
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
