//! Reads for the OneRoster export: one district's active roster, streamed
//! row by row in `source_id` order (each query walks an index on
//! `(district_id, source_id)`), so a district of any size is written
//! without holding a table in memory. Lists inside a row (terms, agents,
//! assignments) come comma-joined from `string_agg`; the caller sorts them.
//!
//! Only rows with a `source_id` are exported: OneRoster needs a
//! `sourcedId`, and the importer matches on it.

use futures::stream::BoxStream;
use futures::{StreamExt, TryStreamExt};
use sqlx::FromRow;
use time::Date;
use uuid::Uuid;

use crate::{with_reader, Db, DbError};

/// A district that can be exported, as the command line names it.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct DistrictRef {
    pub id: Uuid,
    pub source_id: Option<String>,
    pub name: String,
}

/// Active districts, by source id (districts without one last).
pub async fn districts(db: &Db) -> Result<Vec<DistrictRef>, DbError> {
    let sql = "SELECT id, source_id, name FROM orgs WHERE kind = 'district' AND status = 'active' \
               ORDER BY CASE WHEN source_id IS NULL THEN 1 ELSE 0 END, source_id, name";
    Ok(with_reader!(db, |p| sqlx::query_as(sql).fetch_all(p).await)?)
}

/// The active district with this id, if there is one.
pub async fn district(db: &Db, id: Uuid) -> Result<Option<DistrictRef>, DbError> {
    let sql = "SELECT id, source_id, name FROM orgs WHERE id = $1 AND kind = 'district' AND status = 'active'";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

/// Row counts taken before writing, for a progress bar's length. Cheap
/// index counts, so an estimate of the package, not its exact size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, FromRow)]
pub struct SizeEstimate {
    pub persons: i64,
    pub students: i64,
    pub courses: i64,
    pub classes: i64,
    pub enrollments: i64,
}

pub async fn estimate(db: &Db, district_id: Uuid) -> Result<SizeEstimate, DbError> {
    let sql = "SELECT \
         (SELECT COUNT(*) FROM persons WHERE district_id = $1 AND source_id IS NOT NULL AND status = 'active') AS persons, \
         (SELECT COUNT(*) FROM students WHERE district_id = $1 AND status = 'active') AS students, \
         (SELECT COUNT(*) FROM courses WHERE district_id = $1 AND source_id IS NOT NULL AND status = 'active') AS courses, \
         (SELECT COUNT(*) FROM classes WHERE district_id = $1 AND source_id IS NOT NULL AND status = 'active') AS classes, \
         (SELECT COUNT(*) FROM enrollments WHERE district_id = $1 AND source_id IS NOT NULL AND status = 'active') AS enrollments";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(district_id)
        .fetch_one(p)
        .await)?)
}

/// Streams `sql` (one `$1`: the district id) as rows of `T`.
fn stream<'a, T>(db: &'a Db, sql: &'static str, district_id: Uuid) -> BoxStream<'a, Result<T, DbError>>
where
    T: Send + Unpin + 'a,
    T: for<'r> FromRow<'r, sqlx::sqlite::SqliteRow> + for<'r> FromRow<'r, sqlx::postgres::PgRow>,
{
    with_reader!(db, |p| sqlx::query_as::<_, T>(sql)
        .bind(district_id)
        .fetch(p)
        .map_err(DbError::from)
        .boxed())
}

/// The district itself and its schools (never the state).
#[derive(Debug, Clone, FromRow)]
pub struct OrgRow {
    pub source_id: String,
    pub name: String,
    /// `district` or `school`.
    pub kind: String,
    pub identifier: Option<String>,
    /// For a school, its district's source id.
    pub parent_source_id: Option<String>,
}

pub fn orgs(db: &Db, district_id: Uuid) -> BoxStream<'_, Result<OrgRow, DbError>> {
    const SQL: &str = "SELECT o.source_id, o.name, o.kind, o.identifier, \
         CASE WHEN o.kind = 'school' THEN d.source_id END AS parent_source_id \
         FROM orgs o JOIN orgs d ON d.id = o.district_id \
         WHERE o.district_id = $1 AND o.kind IN ('district', 'school') AND o.status = 'active' \
         AND o.source_id IS NOT NULL \
         ORDER BY CASE WHEN o.kind = 'district' THEN 0 ELSE 1 END, o.source_id";
    stream(db, SQL, district_id)
}

#[derive(Debug, Clone, FromRow)]
pub struct AcademicSessionRow {
    pub source_id: String,
    pub title: String,
    pub session_type: String,
    pub start_date: Date,
    pub end_date: Date,
    pub parent_source_id: Option<String>,
    pub school_year: i32,
}

pub fn academic_sessions(db: &Db, district_id: Uuid) -> BoxStream<'_, Result<AcademicSessionRow, DbError>> {
    const SQL: &str = "SELECT a.source_id, a.title, a.session_type, a.start_date, a.end_date, \
         parent.source_id AS parent_source_id, a.school_year \
         FROM academic_sessions a LEFT JOIN academic_sessions parent ON parent.id = a.parent_id \
         WHERE a.district_id = $1 AND a.status = 'active' AND a.source_id IS NOT NULL \
         ORDER BY a.source_id";
    stream(db, SQL, district_id)
}

#[derive(Debug, Clone, FromRow)]
pub struct CourseRow {
    pub source_id: String,
    pub title: String,
    pub course_code: Option<String>,
    /// Comma-joined, as stored.
    pub grades: Option<String>,
    pub org_source_id: String,
    /// Comma-joined, as stored.
    pub subjects: Option<String>,
    pub subject_codes: Option<String>,
}

/// Courses of an exported org.
pub fn courses(db: &Db, district_id: Uuid) -> BoxStream<'_, Result<CourseRow, DbError>> {
    const SQL: &str = "SELECT c.source_id, c.title, c.course_code, c.grades, o.source_id AS org_source_id, c.subjects, c.subject_codes \
         FROM courses c JOIN orgs o ON o.id = c.org_id \
         WHERE c.district_id = $1 AND c.status = 'active' AND c.source_id IS NOT NULL \
         AND o.status = 'active' AND o.source_id IS NOT NULL AND o.kind IN ('district', 'school') \
         ORDER BY c.source_id";
    stream(db, SQL, district_id)
}

#[derive(Debug, Clone, FromRow)]
pub struct ClassRow {
    pub source_id: String,
    pub title: String,
    pub course_source_id: String,
    pub class_code: Option<String>,
    pub class_type: String,
    pub school_source_id: String,
    /// Source ids of the class's active terms, comma-joined, unsorted.
    pub term_source_ids: Option<String>,
    pub periods: Option<String>,
    pub subject_codes: Option<String>,
}

/// Classes whose course and school are exported too.
pub fn classes(db: &Db, district_id: Uuid) -> BoxStream<'_, Result<ClassRow, DbError>> {
    const SQL: &str = "SELECT c.source_id, c.title, co.source_id AS course_source_id, c.class_code, c.class_type, \
         sch.source_id AS school_source_id, \
         (SELECT string_agg(a.source_id, ',') FROM class_sessions cs \
            JOIN academic_sessions a ON a.id = cs.academic_session_id \
            WHERE cs.class_id = c.id AND a.status = 'active' AND a.source_id IS NOT NULL) AS term_source_ids, \
         c.periods, c.subject_codes \
         FROM classes c JOIN courses co ON co.id = c.course_id JOIN orgs sch ON sch.id = c.school_id \
         JOIN orgs co_org ON co_org.id = co.org_id \
         WHERE c.district_id = $1 AND c.status = 'active' AND c.source_id IS NOT NULL \
         AND co.status = 'active' AND co.source_id IS NOT NULL \
         AND co_org.status = 'active' AND co_org.source_id IS NOT NULL AND co_org.kind IN ('district', 'school') \
         AND sch.status = 'active' AND sch.source_id IS NOT NULL AND sch.kind IN ('district', 'school') \
         ORDER BY c.source_id";
    stream(db, SQL, district_id)
}

/// SQL: whether person `p` is exported — active, with a source id, and a
/// student, a guardian on an active link, or staff with an active
/// assignment (the same people [`users`] streams).
macro_rules! exported_person {
    () => {
        "p.status = 'active' AND p.source_id IS NOT NULL AND ( \
         EXISTS (SELECT 1 FROM students xs WHERE xs.person_id = p.id AND xs.status = 'active') \
         OR EXISTS (SELECT 1 FROM guardian_links xg WHERE xg.guardian_id = p.id AND xg.status = 'active') \
         OR EXISTS (SELECT 1 FROM staff_assignments xa JOIN orgs xo ON xo.id = xa.org_id \
            WHERE xa.person_id = p.id AND xa.status = 'active' \
            AND xo.status = 'active' AND xo.source_id IS NOT NULL AND xo.kind IN ('district', 'school')) \
         OR EXISTS (SELECT 1 FROM roster_other_roles xr JOIN orgs xo ON xo.id = xr.org_id \
            WHERE xr.person_id = p.id AND xr.status = 'active' \
            AND xo.status = 'active' AND xo.source_id IS NOT NULL AND xo.kind IN ('district', 'school')))"
    };
}

/// One exported person with everything users.csv and roles.csv need.
#[derive(Debug, Clone, FromRow)]
pub struct UserRow {
    pub source_id: String,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub pronouns: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The OneRoster username the roster gave, if any.
    pub roster_username: Option<String>,
    pub middle_name: Option<String>,
    pub user_ids: Option<String>,
    /// The sign-in name of the person's account, if they have one.
    pub username: Option<String>,
    /// `None` when the person has no account.
    pub disabled: Option<bool>,
    /// Set for an active student: their school's source id.
    pub student_school_source_id: Option<String>,
    pub local_id: Option<String>,
    pub grade_level: Option<i32>,
    /// Set for a guardian: the relationship on their first active link.
    pub guardian_relationship: Option<String>,
    /// For a student: their guardians' source ids (active links),
    /// comma-joined, unsorted.
    pub guardian_source_ids: Option<String>,
    /// For a guardian: their students' source ids (active links),
    /// comma-joined, unsorted.
    pub student_source_ids: Option<String>,
    /// Active staff assignments as `orgSourceId:role`, comma-joined,
    /// unsorted.
    pub assignments: Option<String>,
    /// Active aide and proctor roles as `orgSourceId:role`, comma-joined,
    /// unsorted.
    pub other_roles: Option<String>,
}

/// The district's exported people, by source id.
pub fn users(db: &Db, district_id: Uuid) -> BoxStream<'_, Result<UserRow, DbError>> {
    const SQL: &str = concat!(
        "SELECT p.source_id, p.given_name, p.family_name, p.preferred_name, p.pronouns, p.email, p.phone, \
         p.roster_username, p.middle_name, p.user_ids, acc.username, acc.disabled, \
         sch.source_id AS student_school_source_id, s.local_id, s.grade_level, \
         (SELECT gl.relationship FROM guardian_links gl WHERE gl.guardian_id = p.id AND gl.status = 'active' \
            ORDER BY gl.created_at, gl.id LIMIT 1) AS guardian_relationship, \
         (SELECT string_agg(gp.source_id, ',') FROM guardian_links gl JOIN persons gp ON gp.id = gl.guardian_id \
            WHERE s.person_id IS NOT NULL AND gl.student_id = p.id AND gl.status = 'active' \
            AND gp.status = 'active' AND gp.source_id IS NOT NULL) AS guardian_source_ids, \
         (SELECT string_agg(sp.source_id, ',') FROM guardian_links gl JOIN persons sp ON sp.id = gl.student_id \
            JOIN students st ON st.person_id = gl.student_id \
            WHERE gl.guardian_id = p.id AND gl.status = 'active' AND st.status = 'active' \
            AND sp.status = 'active' AND sp.source_id IS NOT NULL) AS student_source_ids, \
         (SELECT string_agg(o.source_id || ':' || sa.role, ',') FROM staff_assignments sa JOIN orgs o ON o.id = sa.org_id \
            WHERE sa.person_id = p.id AND sa.status = 'active' \
            AND o.status = 'active' AND o.source_id IS NOT NULL AND o.kind IN ('district', 'school')) AS assignments, \
         (SELECT string_agg(o.source_id || ':' || r.role, ',') FROM roster_other_roles r JOIN orgs o ON o.id = r.org_id \
            WHERE r.person_id = p.id AND r.status = 'active' \
            AND o.status = 'active' AND o.source_id IS NOT NULL AND o.kind IN ('district', 'school')) AS other_roles \
         FROM persons p \
         LEFT JOIN accounts acc ON acc.person_id = p.id \
         LEFT JOIN students s ON s.person_id = p.id AND s.status = 'active' \
         LEFT JOIN orgs sch ON sch.id = s.school_id \
         WHERE p.district_id = $1 AND ",
        exported_person!(),
        " ORDER BY p.source_id"
    );
    stream(db, SQL, district_id)
}

#[derive(Debug, Clone, FromRow)]
pub struct EnrollmentRow {
    pub source_id: String,
    pub class_source_id: String,
    pub school_source_id: String,
    pub user_source_id: String,
    /// `student` or `teacher`.
    pub role: String,
    pub is_primary: bool,
    pub begin_date: Option<Date>,
    pub end_date: Option<Date>,
}

/// Student and teacher enrollments in exported classes of exported people.
pub fn enrollments(db: &Db, district_id: Uuid) -> BoxStream<'_, Result<EnrollmentRow, DbError>> {
    const SQL: &str = concat!(
        "SELECT e.source_id, c.source_id AS class_source_id, sch.source_id AS school_source_id, \
         p.source_id AS user_source_id, e.role, e.is_primary, e.begin_date, e.end_date \
         FROM enrollments e JOIN classes c ON c.id = e.class_id JOIN orgs sch ON sch.id = c.school_id \
         JOIN courses co ON co.id = c.course_id JOIN orgs co_org ON co_org.id = co.org_id \
         JOIN persons p ON p.id = e.person_id \
         WHERE e.district_id = $1 AND e.status = 'active' AND e.source_id IS NOT NULL \
         AND e.role IN ('student', 'teacher') \
         AND c.status = 'active' AND c.source_id IS NOT NULL \
         AND sch.status = 'active' AND sch.source_id IS NOT NULL \
         AND sch.kind IN ('district', 'school') \
         AND co.status = 'active' AND co.source_id IS NOT NULL \
         AND co_org.status = 'active' AND co_org.source_id IS NOT NULL AND co_org.kind IN ('district', 'school') \
         AND ",
        exported_person!(),
        " ORDER BY e.source_id"
    );
    stream(db, SQL, district_id)
}

#[derive(Debug, Clone, FromRow)]
pub struct DemographicsRow {
    pub source_id: String,
    pub birth_date: Date,
}

/// Active students with a birth date.
pub fn demographics(db: &Db, district_id: Uuid) -> BoxStream<'_, Result<DemographicsRow, DbError>> {
    const SQL: &str = "SELECT p.source_id, s.birth_date FROM persons p JOIN students s ON s.person_id = p.id \
         WHERE p.district_id = $1 AND p.status = 'active' AND p.source_id IS NOT NULL \
         AND s.status = 'active' AND s.birth_date IS NOT NULL \
         ORDER BY p.source_id";
    stream(db, SQL, district_id)
}
