//! Read models for the home pages of each role.

use sqlx::FromRow;
use ssp_domain::{OrgId, PersonId};
use uuid::Uuid;

use crate::{with_reader, Db, DbError};

/// A student as a home page lists them.
#[derive(Debug, Clone, FromRow)]
pub struct StudentCard {
    pub person_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub pronouns: Option<String>,
    pub grade_level: i32,
    pub graduation_year: i32,
    pub school_name: String,
}

const STUDENT_CARD: &str = "SELECT p.id AS person_id, p.given_name, p.family_name, p.preferred_name, p.pronouns, \
     s.grade_level, s.graduation_year, o.name AS school_name \
     FROM students s JOIN persons p ON p.id = s.person_id JOIN orgs o ON o.id = s.school_id";

pub async fn student_card(db: &Db, student: PersonId) -> Result<Option<StudentCard>, DbError> {
    let sql = format!("{STUDENT_CARD} WHERE s.person_id = $1");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(student.0)
        .fetch_optional(p)
        .await)?)
}

/// The children whose plans a guardian may see: an active link with
/// educational rights, and for an eligible (18+) student, only if they share
/// (the same rule as `ssp_domain::access`).
pub async fn children_of(db: &Db, guardian: PersonId, today: time::Date) -> Result<Vec<StudentCard>, DbError> {
    let sql = format!(
        "{STUDENT_CARD} JOIN guardian_links g ON g.student_id = s.person_id \
         WHERE g.guardian_id = $1 AND g.status = 'active' AND g.educational_rights AND s.status = 'active' \
         AND (s.birth_date IS NULL OR s.birth_date > $2 OR s.shares_with_guardians) ORDER BY p.given_name"
    );
    let cutoff = super::access::eligible_cutoff(today);
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(guardian.0)
        .bind(cutoff)
        .fetch_all(p)
        .await)?)
}

#[derive(Debug, Clone, FromRow)]
pub struct GuardianCard {
    pub link_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub relationship: String,
    pub educational_rights: bool,
    pub contact_language: String,
}

pub async fn guardians_of(db: &Db, student: PersonId) -> Result<Vec<GuardianCard>, DbError> {
    let sql = "SELECT g.id AS link_id, p.given_name, p.family_name, p.preferred_name, g.relationship, g.educational_rights, g.contact_language \
               FROM guardian_links g JOIN persons p ON p.id = g.guardian_id \
               WHERE g.student_id = $1 AND g.status = 'active' ORDER BY g.household, p.given_name";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

#[derive(Debug, Clone, FromRow)]
pub struct ClassCard {
    pub id: Uuid,
    pub title: String,
    pub class_code: Option<String>,
    pub periods: Option<String>,
    pub school_name: String,
    pub students: i64,
}

/// Active classes a teacher is enrolled in as teacher, with class sizes.
pub async fn classes_taught(db: &Db, teacher: PersonId) -> Result<Vec<ClassCard>, DbError> {
    let sql = "SELECT c.id, c.title, c.class_code, c.periods, o.name AS school_name, \
                 (SELECT COUNT(*) FROM enrollments se WHERE se.class_id = c.id AND se.role = 'student' AND se.status = 'active') AS students \
               FROM enrollments e JOIN classes c ON c.id = e.class_id JOIN orgs o ON o.id = c.school_id \
               WHERE e.person_id = $1 AND e.role = 'teacher' AND e.status = 'active' AND c.status = 'active' \
               ORDER BY c.periods, c.title";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(teacher.0)
        .fetch_all(p)
        .await)?)
}

/// One active class with its school (the class page's header).
pub async fn class(db: &Db, class: Uuid) -> Result<Option<ClassCard>, DbError> {
    let sql = "SELECT c.id, c.title, c.class_code, c.periods, o.name AS school_name, \
                 (SELECT COUNT(*) FROM enrollments se WHERE se.class_id = c.id AND se.role = 'student' AND se.status = 'active') AS students \
               FROM classes c JOIN orgs o ON o.id = c.school_id WHERE c.id = $1 AND c.status = 'active'";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(class)
        .fetch_optional(p)
        .await)?)
}

/// Whether a person teaches a class (an active teacher enrollment).
pub async fn teaches_class(db: &Db, teacher: PersonId, class: Uuid) -> Result<bool, DbError> {
    let sql = "SELECT EXISTS (SELECT 1 FROM enrollments WHERE class_id = $1 AND person_id = $2 AND role = 'teacher' AND status = 'active')";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(class)
        .bind(teacher.0)
        .fetch_one(p)
        .await)?)
}

/// A student on a class roster.
#[derive(Debug, Clone, FromRow)]
pub struct RosterRow {
    pub person_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub grade_level: i32,
    pub local_id: Option<String>,
    pub up_to_date: Option<bool>,
    pub overdue_check_ins: Option<i32>,
}

/// The current students of a class that `scope` lets the reader see, by name.
pub async fn class_roster(
    db: &Db,
    class: Uuid,
    scope: &ssp_domain::access::ListScope,
    today: time::Date,
) -> Result<Vec<RosterRow>, DbError> {
    let (scope_filter, binds) = super::access::scope_row_sql(scope, today, 3);
    let sql = format!(
        "SELECT s.person_id, p.given_name, p.family_name, p.preferred_name, s.grade_level, s.local_id, \
                ps.up_to_date, ps.overdue_check_ins \
         FROM enrollments se JOIN students s ON s.person_id = se.person_id JOIN persons p ON p.id = s.person_id \
         LEFT JOIN plan_status ps ON ps.student_id = s.person_id \
         WHERE se.class_id = $1 AND se.role = 'student' AND se.status = 'active' AND (se.end_date IS NULL OR se.end_date >= $2) \
           AND s.status = 'active' AND {scope_filter} \
         ORDER BY p.family_name, p.given_name, p.id"
    );
    Ok(with_reader!(db, |p| {
        let q = sqlx::query_as(&sql).bind(class).bind(today);
        crate::bind_scope!(q, binds).fetch_all(p).await
    })?)
}

#[derive(Debug, Clone, FromRow)]
pub struct SchoolCard {
    pub id: Uuid,
    pub name: String,
    pub school_level: Option<String>,
    pub students: i64,
    pub staff: i64,
}

const SCHOOL_CARD: &str = "SELECT o.id, o.name, o.school_level, \
     (SELECT COUNT(*) FROM students s WHERE s.school_id = o.id AND s.status = 'active') AS students, \
     (SELECT COUNT(DISTINCT a.person_id) FROM staff_assignments a WHERE a.org_id = o.id AND a.status = 'active') AS staff \
     FROM orgs o";

/// The active schools of a district: (id, name), by name.
pub async fn school_names_of_district(db: &Db, district: OrgId) -> Result<Vec<(Uuid, String)>, DbError> {
    let sql =
        "SELECT id, name FROM orgs WHERE district_id = $1 AND kind = 'school' AND status = 'active' ORDER BY name";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(district.0)
        .fetch_all(p)
        .await)?)
}

/// Schools of a district with their student and staff counts (grouped
/// once over the district's index, not counted school by school).
pub async fn schools_of_district(db: &Db, district: OrgId) -> Result<Vec<SchoolCard>, DbError> {
    let sql = "SELECT o.id, o.name, o.school_level, COALESCE(sc.n, 0) AS students, COALESCE(st.n, 0) AS staff FROM orgs o \
         LEFT JOIN (SELECT school_id, COUNT(*) AS n FROM students WHERE district_id = $1 AND status = 'active' GROUP BY school_id) sc \
           ON sc.school_id = o.id \
         LEFT JOIN (SELECT a.org_id, COUNT(DISTINCT a.person_id) AS n FROM staff_assignments a JOIN orgs ao ON ao.id = a.org_id \
                    WHERE ao.district_id = $1 AND a.status = 'active' GROUP BY a.org_id) st ON st.org_id = o.id \
         WHERE o.district_id = $1 AND o.kind = 'school' AND o.status = 'active' ORDER BY o.name";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(district.0)
        .fetch_all(p)
        .await)?)
}

pub async fn school(db: &Db, school: OrgId) -> Result<Option<SchoolCard>, DbError> {
    let sql = format!("{SCHOOL_CARD} WHERE o.id = $1 AND o.kind = 'school'");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(school.0)
        .fetch_optional(p)
        .await)?)
}

/// Active students per grade at one school.
pub async fn grade_counts(db: &Db, school: OrgId) -> Result<Vec<(i32, i64)>, DbError> {
    let sql = "SELECT grade_level, COUNT(*) FROM students WHERE school_id = $1 AND status = 'active' \
               GROUP BY grade_level ORDER BY grade_level";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(school.0)
        .fetch_all(p)
        .await)?)
}

/// Active staff per role at one school.
pub async fn staff_counts(db: &Db, school: OrgId) -> Result<Vec<(String, i64)>, DbError> {
    let sql = "SELECT role, COUNT(*) FROM staff_assignments WHERE org_id = $1 AND status = 'active' GROUP BY role ORDER BY role";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(school.0)
        .fetch_all(p)
        .await)?)
}
