//! The roster importer's statements: read a district's roster records as
//! they stand, insert new ones many rows per statement, update changed
//! ones one by one, and switch records active or inactive. Nothing here
//! ever deletes a row, so plans hang on to their students.
//!
//! Every function runs inside the import's one transaction.

use futures::TryStreamExt;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::bulk::{bulk_insert, MAX_BINDS};
use crate::{with_reader, with_tx, Db, DbError, Tx};

/// A roster record as it stands in the database (or as the file wants it).
#[derive(Debug, Clone)]
pub struct Stored<R> {
    pub id: Uuid,
    pub source_id: String,
    pub rec: R,
    pub active: bool,
    pub modified: Option<OffsetDateTime>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OrgRec {
    /// `district` or `school`.
    pub kind: &'static str,
    pub name: String,
    pub identifier: Option<String>,
    pub parent_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SessionRec {
    pub title: String,
    pub session_type: &'static str,
    pub start_date: Date,
    pub end_date: Date,
    pub parent_id: Option<Uuid>,
    pub school_year: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CourseRec {
    pub org_id: Uuid,
    pub title: String,
    pub course_code: Option<String>,
    pub grades: Option<String>,
    pub subjects: Option<String>,
    pub subject_codes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClassRec {
    pub course_id: Uuid,
    pub school_id: Uuid,
    pub title: String,
    pub class_code: Option<String>,
    pub class_type: &'static str,
    pub periods: Option<String>,
    pub subject_codes: Option<String>,
    /// Sorted, without repeats.
    pub terms: Vec<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PersonRec {
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub pronouns: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// OneRoster `username`, `middleName` and `userIds` (comma-joined),
    /// kept for the export; sign-in names live on accounts.
    pub username: Option<String>,
    pub middle_name: Option<String>,
    pub user_ids: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StudentRec {
    pub school_id: Uuid,
    pub local_id: Option<String>,
    pub grade_level: i32,
    pub graduation_year: i32,
    pub birth_date: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EnrollmentRec {
    pub class_id: Uuid,
    pub person_id: Uuid,
    /// `student` or `teacher`.
    pub role: &'static str,
    pub is_primary: bool,
    pub begin_date: Option<Date>,
    pub end_date: Option<Date>,
}

/// A student row (keyed by its person).
#[derive(Debug, Clone)]
pub struct StoredStudent {
    pub person_id: Uuid,
    pub rec: StudentRec,
    pub active: bool,
}

/// A staff assignment the roster owns (teacher, counselor, school or
/// district administrator).
#[derive(Debug, Clone)]
pub struct StoredAssignment {
    pub id: Uuid,
    pub person_id: Uuid,
    pub org_id: Uuid,
    pub role: &'static str,
    pub active: bool,
}

#[derive(Debug, Clone)]
pub struct StoredLink {
    pub id: Uuid,
    pub student_id: Uuid,
    pub guardian_id: Uuid,
    pub relationship: &'static str,
    pub active: bool,
}

/// A role ssp has no use for (aide, proctor), kept for the export.
#[derive(Debug, Clone)]
pub struct StoredOtherRole {
    pub id: Uuid,
    pub person_id: Uuid,
    pub org_id: Uuid,
    pub role: &'static str,
    pub active: bool,
}

/// The OneRoster roles kept in `roster_other_roles`.
pub const OTHER_ROLES: [&str; 2] = ["aide", "proctor"];

/// The staff roles a roster sets; the others (social worker, nurse, …)
/// are kept by ssp and never touched by an import.
pub const ROSTER_STAFF_ROLES: [&str; 4] = ["teacher", "counselor", "school_admin", "district_admin"];

fn known(value: &str, options: &[&'static str]) -> &'static str {
    options.iter().copied().find(|o| *o == value).unwrap_or("")
}

fn non_empty(v: Option<String>) -> Option<String> {
    v.filter(|s| !s.is_empty())
}

fn is_active(status: &str) -> bool {
    status == "active"
}

/// A table whose rows are switched active or inactive by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Orgs,
    AcademicSessions,
    Courses,
    Classes,
    Persons,
    Students,
    StaffAssignments,
    GuardianLinks,
    Enrollments,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Orgs => "orgs",
            Table::AcademicSessions => "academic_sessions",
            Table::Courses => "courses",
            Table::Classes => "classes",
            Table::Persons => "persons",
            Table::Students => "students",
            Table::StaffAssignments => "staff_assignments",
            Table::GuardianLinks => "guardian_links",
            Table::Enrollments => "enrollments",
        }
    }
    fn key(self) -> &'static str {
        match self {
            Table::Students => "person_id",
            _ => "id",
        }
    }
}

// ---------------------------------------------------------------- districts

/// The district whose org carries `source_id`, with its name.
pub async fn district_by_source(db: &Db, source_id: &str) -> Result<Option<(Uuid, String)>, DbError> {
    let sql = "SELECT id, name FROM orgs WHERE kind = 'district' AND source_id = $1 ORDER BY id LIMIT 1";
    Ok(with_reader!(db, |pool| sqlx::query_as(sql)
        .bind(source_id)
        .fetch_optional(pool)
        .await?))
}

/// The district's name and source id.
pub async fn district(db: &Db, id: Uuid) -> Result<Option<(String, Option<String>)>, DbError> {
    let sql = "SELECT name, source_id FROM orgs WHERE kind = 'district' AND id = $1";
    Ok(with_reader!(db, |pool| sqlx::query_as(sql)
        .bind(id)
        .fetch_optional(pool)
        .await?))
}

/// The source id of the only district, when ssp has exactly one.
pub async fn only_district(db: &Db) -> Result<Option<String>, DbError> {
    let sql = "SELECT source_id FROM orgs WHERE kind = 'district' AND source_id IS NOT NULL LIMIT 2";
    let rows: Vec<(String,)> = with_reader!(db, |pool| sqlx::query_as(sql).fetch_all(pool).await?);
    Ok(if rows.len() == 1 { Some(rows[0].0.clone()) } else { None })
}

/// The one state org, if there is exactly one (new districts hang under it).
pub async fn only_state(tx: &mut Tx) -> Result<Option<Uuid>, DbError> {
    let rows: Vec<(Uuid,)> = with_tx!(tx, |conn| sqlx::query_as(
        "SELECT id FROM orgs WHERE kind = 'state' LIMIT 2"
    )
    .fetch_all(&mut *conn)
    .await?);
    Ok(if rows.len() == 1 { Some(rows[0].0) } else { None })
}

// ------------------------------------------------------------------- loading

type OrgRow = (
    Uuid,
    String,
    String,
    String,
    Option<String>,
    Option<Uuid>,
    String,
    Option<OffsetDateTime>,
);

pub async fn load_orgs(tx: &mut Tx, district_id: Uuid) -> Result<Vec<Stored<OrgRec>>, DbError> {
    let sql = "SELECT id, source_id, kind, name, identifier, parent_id, status, roster_modified_at FROM orgs \
               WHERE district_id = $1 AND source_id IS NOT NULL AND kind IN ('district', 'school')";
    let rows: Vec<OrgRow> = with_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(district_id)
        .fetch_all(&mut *conn)
        .await?);
    Ok(rows
        .into_iter()
        .map(
            |(id, source_id, kind, name, identifier, parent_id, status, modified)| Stored {
                id,
                source_id,
                rec: OrgRec {
                    kind: known(&kind, &["district", "school"]),
                    name,
                    identifier: non_empty(identifier),
                    parent_id,
                },
                active: is_active(&status),
                modified,
            },
        )
        .collect())
}

type SessionRow = (
    Uuid,
    String,
    String,
    String,
    Date,
    Date,
    Option<Uuid>,
    i32,
    String,
    Option<OffsetDateTime>,
);

pub async fn load_sessions(tx: &mut Tx, district_id: Uuid) -> Result<Vec<Stored<SessionRec>>, DbError> {
    let sql = "SELECT id, source_id, title, session_type, start_date, end_date, parent_id, school_year, status, roster_modified_at \
               FROM academic_sessions WHERE district_id = $1 AND source_id IS NOT NULL";
    let rows: Vec<SessionRow> = with_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(district_id)
        .fetch_all(&mut *conn)
        .await?);
    Ok(rows
        .into_iter()
        .map(
            |(id, source_id, title, kind, start_date, end_date, parent_id, school_year, status, modified)| Stored {
                id,
                source_id,
                rec: SessionRec {
                    title,
                    session_type: known(&kind, &SESSION_TYPES),
                    start_date,
                    end_date,
                    parent_id,
                    school_year,
                },
                active: is_active(&status),
                modified,
            },
        )
        .collect())
}

pub const SESSION_TYPES: [&str; 4] = ["schoolYear", "semester", "term", "gradingPeriod"];

type CourseRow = (
    Uuid,
    String,
    Uuid,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    Option<OffsetDateTime>,
);

pub async fn load_courses(tx: &mut Tx, district_id: Uuid) -> Result<Vec<Stored<CourseRec>>, DbError> {
    let sql = "SELECT id, source_id, org_id, title, course_code, grades, subjects, subject_codes, status, roster_modified_at \
               FROM courses WHERE district_id = $1 AND source_id IS NOT NULL";
    let rows: Vec<CourseRow> = with_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(district_id)
        .fetch_all(&mut *conn)
        .await?);
    Ok(rows
        .into_iter()
        .map(
            |(id, source_id, org_id, title, code, grades, subjects, subject_codes, status, modified)| Stored {
                id,
                source_id,
                rec: CourseRec {
                    org_id,
                    title,
                    course_code: non_empty(code),
                    grades: non_empty(grades),
                    subjects: non_empty(subjects),
                    subject_codes: non_empty(subject_codes),
                },
                active: is_active(&status),
                modified,
            },
        )
        .collect())
}

type ClassRow = (
    Uuid,
    String,
    Uuid,
    Uuid,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<OffsetDateTime>,
);

pub async fn load_classes(tx: &mut Tx, district_id: Uuid) -> Result<Vec<Stored<ClassRec>>, DbError> {
    let sql = "SELECT id, source_id, course_id, school_id, title, class_code, class_type, periods, subject_codes, status, roster_modified_at \
               FROM classes WHERE district_id = $1 AND source_id IS NOT NULL ORDER BY id";
    let terms_sql = "SELECT cs.class_id, cs.academic_session_id FROM class_sessions cs \
                     JOIN classes c ON c.id = cs.class_id WHERE c.district_id = $1 ORDER BY cs.class_id";
    let (rows, terms): (Vec<ClassRow>, Vec<(Uuid, Uuid)>) = with_tx!(tx, |conn| {
        let rows = sqlx::query_as(sql).bind(district_id).fetch_all(&mut *conn).await?;
        let terms = sqlx::query_as(terms_sql)
            .bind(district_id)
            .fetch_all(&mut *conn)
            .await?;
        (rows, terms)
    });
    let mut by_class: std::collections::HashMap<Uuid, Vec<Uuid>> = std::collections::HashMap::new();
    for (class, term) in terms {
        by_class.entry(class).or_default().push(term);
    }
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                source_id,
                course_id,
                school_id,
                title,
                code,
                class_type,
                periods,
                subject_codes,
                status,
                modified,
            )| {
                let mut terms = by_class.remove(&id).unwrap_or_default();
                terms.sort();
                terms.dedup();
                Stored {
                    id,
                    source_id,
                    rec: ClassRec {
                        course_id,
                        school_id,
                        title,
                        class_code: non_empty(code),
                        class_type: known(&class_type, &["homeroom", "scheduled"]),
                        periods: non_empty(periods),
                        subject_codes: non_empty(subject_codes),
                        terms,
                    },
                    active: is_active(&status),
                    modified,
                }
            },
        )
        .collect())
}

type PersonRow = (
    Uuid,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    Option<OffsetDateTime>,
);

/// Streams the district's roster persons to `each` (there can be a
/// million; they are not collected here).
pub async fn load_persons(
    tx: &mut Tx,
    district_id: Uuid,
    each: &mut (dyn FnMut(Stored<PersonRec>) + Send),
) -> Result<(), DbError> {
    let sql = "SELECT id, source_id, given_name, family_name, preferred_name, pronouns, email, phone, \
               roster_username, middle_name, user_ids, status, roster_modified_at \
               FROM persons WHERE district_id = $1 AND source_id IS NOT NULL";
    let convert = |(
        id,
        source_id,
        given_name,
        family_name,
        preferred,
        pronouns,
        email,
        phone,
        username,
        middle,
        user_ids,
        status,
        modified,
    ): PersonRow| {
        Stored {
            id,
            source_id,
            rec: PersonRec {
                given_name,
                family_name,
                preferred_name: non_empty(preferred),
                pronouns: non_empty(pronouns),
                email: non_empty(email),
                phone: non_empty(phone),
                username: non_empty(username),
                middle_name: non_empty(middle),
                user_ids: non_empty(user_ids),
            },
            active: is_active(&status),
            modified,
        }
    };
    with_tx!(tx, |conn| {
        let mut rows = sqlx::query_as::<_, PersonRow>(sql).bind(district_id).fetch(&mut *conn);
        while let Some(row) = rows.try_next().await? {
            each(convert(row));
        }
    });
    Ok(())
}

type StudentRow = (Uuid, Uuid, Option<String>, i32, i32, Option<Date>, String);

pub async fn load_students(tx: &mut Tx, district_id: Uuid) -> Result<Vec<StoredStudent>, DbError> {
    let sql = "SELECT person_id, school_id, local_id, grade_level, graduation_year, birth_date, status \
               FROM students WHERE district_id = $1";
    let rows: Vec<StudentRow> = with_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(district_id)
        .fetch_all(&mut *conn)
        .await?);
    Ok(rows
        .into_iter()
        .map(
            |(person_id, school_id, local_id, grade_level, graduation_year, birth_date, status)| StoredStudent {
                person_id,
                rec: StudentRec {
                    school_id,
                    local_id: non_empty(local_id),
                    grade_level,
                    graduation_year,
                    birth_date,
                },
                active: is_active(&status),
            },
        )
        .collect())
}

/// The roles the roster manages, of people the roster manages (those with a
/// `source_id`): an administrator made with `ssp admin create-user` is never
/// in the file, and a bulk import must not take their role away.
pub async fn load_assignments(tx: &mut Tx, district_id: Uuid) -> Result<Vec<StoredAssignment>, DbError> {
    let sql = "SELECT id, person_id, org_id, role, status FROM staff_assignments WHERE district_id = $1 \
               AND role IN ('teacher', 'counselor', 'school_admin', 'district_admin') \
               AND person_id IN (SELECT id FROM persons WHERE district_id = $1 AND source_id IS NOT NULL)";
    let rows: Vec<(Uuid, Uuid, Uuid, String, String)> = with_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(district_id)
        .fetch_all(&mut *conn)
        .await?);
    Ok(rows
        .into_iter()
        .map(|(id, person_id, org_id, role, status)| StoredAssignment {
            id,
            person_id,
            org_id,
            role: known(&role, &ROSTER_STAFF_ROLES),
            active: is_active(&status),
        })
        .collect())
}

pub async fn load_links(tx: &mut Tx, district_id: Uuid) -> Result<Vec<StoredLink>, DbError> {
    let sql = "SELECT id, student_id, guardian_id, relationship, status FROM guardian_links WHERE district_id = $1";
    let rows: Vec<(Uuid, Uuid, Uuid, String, String)> = with_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(district_id)
        .fetch_all(&mut *conn)
        .await?);
    Ok(rows
        .into_iter()
        .map(|(id, student_id, guardian_id, relationship, status)| StoredLink {
            id,
            student_id,
            guardian_id,
            relationship: known(&relationship, &["parent", "guardian", "relative", "other"]),
            active: is_active(&status),
        })
        .collect())
}

type EnrollmentRow = (
    Uuid,
    String,
    Uuid,
    Uuid,
    String,
    bool,
    Option<Date>,
    Option<Date>,
    String,
    Option<OffsetDateTime>,
);

/// Streams the district's roster enrollments to `each`.
pub async fn load_enrollments(
    tx: &mut Tx,
    district_id: Uuid,
    each: &mut (dyn FnMut(Stored<EnrollmentRec>) + Send),
) -> Result<(), DbError> {
    let sql = "SELECT id, source_id, class_id, person_id, role, is_primary, begin_date, end_date, status, roster_modified_at \
               FROM enrollments WHERE district_id = $1 AND source_id IS NOT NULL";
    let convert =
        |(id, source_id, class_id, person_id, role, is_primary, begin_date, end_date, status, modified): EnrollmentRow| {
            Stored {
                id,
                source_id,
                rec: EnrollmentRec {
                    class_id,
                    person_id,
                    role: known(&role, &["student", "teacher", "aide"]),
                    is_primary,
                    begin_date,
                    end_date,
                },
                active: is_active(&status),
                modified,
            }
        };
    with_tx!(tx, |conn| {
        let mut rows = sqlx::query_as::<_, EnrollmentRow>(sql)
            .bind(district_id)
            .fetch(&mut *conn);
        while let Some(row) = rows.try_next().await? {
            each(convert(row));
        }
    });
    Ok(())
}

// ------------------------------------------------------------------- writing

fn status(active: bool) -> &'static str {
    if active {
        "active"
    } else {
        "inactive"
    }
}

pub async fn insert_orgs(
    tx: &mut Tx,
    district_id: Uuid,
    rows: &[Stored<OrgRec>],
    now: OffsetDateTime,
) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO orgs (id, kind, parent_id, district_id, name, identifier, source_id, status, roster_modified_at, created_at, updated_at) ",
        rows,
        11,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.rec.kind)
            .push_bind(r.rec.parent_id)
            .push_bind(if r.rec.kind == "district" { r.id } else { district_id })
            .push_bind(r.rec.name.as_str())
            .push_bind(r.rec.identifier.as_deref())
            .push_bind(r.source_id.as_str())
            .push_bind(status(r.active))
            .push_bind(r.modified)
            .push_bind(now)
            .push_bind(now)
    )
}

pub async fn update_org(tx: &mut Tx, r: &Stored<OrgRec>, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "UPDATE orgs SET name = $2, identifier = $3, parent_id = $4, status = $5, roster_modified_at = $6, updated_at = $7 \
               WHERE id = $1";
    with_tx!(tx, |conn| sqlx::query(sql)
        .bind(r.id)
        .bind(r.rec.name.as_str())
        .bind(r.rec.identifier.as_deref())
        .bind(r.rec.parent_id)
        .bind(status(r.active))
        .bind(r.modified)
        .bind(now)
        .execute(&mut *conn)
        .await
        .map(|_| ())?);
    Ok(())
}

pub async fn insert_sessions(
    tx: &mut Tx,
    district_id: Uuid,
    rows: &[Stored<SessionRec>],
    now: OffsetDateTime,
) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO academic_sessions (id, district_id, source_id, title, session_type, start_date, end_date, parent_id, school_year, status, roster_modified_at, created_at, updated_at) ",
        rows,
        13,
        |b, r| b
            .push_bind(r.id)
            .push_bind(district_id)
            .push_bind(r.source_id.as_str())
            .push_bind(r.rec.title.as_str())
            .push_bind(r.rec.session_type)
            .push_bind(r.rec.start_date)
            .push_bind(r.rec.end_date)
            .push_bind(r.rec.parent_id)
            .push_bind(r.rec.school_year)
            .push_bind(status(r.active))
            .push_bind(r.modified)
            .push_bind(now)
            .push_bind(now)
    )
}

pub async fn update_session(tx: &mut Tx, r: &Stored<SessionRec>, now: OffsetDateTime) -> Result<(), DbError> {
    let sql =
        "UPDATE academic_sessions SET title = $2, session_type = $3, start_date = $4, end_date = $5, parent_id = $6, \
               school_year = $7, status = $8, roster_modified_at = $9, updated_at = $10 WHERE id = $1";
    with_tx!(tx, |conn| sqlx::query(sql)
        .bind(r.id)
        .bind(r.rec.title.as_str())
        .bind(r.rec.session_type)
        .bind(r.rec.start_date)
        .bind(r.rec.end_date)
        .bind(r.rec.parent_id)
        .bind(r.rec.school_year)
        .bind(status(r.active))
        .bind(r.modified)
        .bind(now)
        .execute(&mut *conn)
        .await
        .map(|_| ())?);
    Ok(())
}

pub async fn insert_courses(
    tx: &mut Tx,
    district_id: Uuid,
    rows: &[Stored<CourseRec>],
    now: OffsetDateTime,
) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO courses (id, district_id, source_id, org_id, title, course_code, grades, subjects, subject_codes, status, roster_modified_at, created_at, updated_at) ",
        rows,
        13,
        |b, r| b
            .push_bind(r.id)
            .push_bind(district_id)
            .push_bind(r.source_id.as_str())
            .push_bind(r.rec.org_id)
            .push_bind(r.rec.title.as_str())
            .push_bind(r.rec.course_code.as_deref())
            .push_bind(r.rec.grades.as_deref())
            .push_bind(r.rec.subjects.as_deref())
            .push_bind(r.rec.subject_codes.as_deref())
            .push_bind(status(r.active))
            .push_bind(r.modified)
            .push_bind(now)
            .push_bind(now)
    )
}

pub async fn update_course(tx: &mut Tx, r: &Stored<CourseRec>, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "UPDATE courses SET org_id = $2, title = $3, course_code = $4, grades = $5, subjects = $6, status = $7, \
               roster_modified_at = $8, updated_at = $9, subject_codes = $10 WHERE id = $1";
    with_tx!(tx, |conn| sqlx::query(sql)
        .bind(r.id)
        .bind(r.rec.org_id)
        .bind(r.rec.title.as_str())
        .bind(r.rec.course_code.as_deref())
        .bind(r.rec.grades.as_deref())
        .bind(r.rec.subjects.as_deref())
        .bind(status(r.active))
        .bind(r.modified)
        .bind(now)
        .bind(r.rec.subject_codes.as_deref())
        .execute(&mut *conn)
        .await
        .map(|_| ())?);
    Ok(())
}

pub async fn insert_classes(
    tx: &mut Tx,
    district_id: Uuid,
    rows: &[Stored<ClassRec>],
    now: OffsetDateTime,
) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO classes (id, district_id, source_id, course_id, school_id, title, class_code, class_type, periods, subject_codes, status, roster_modified_at, created_at, updated_at) ",
        rows,
        14,
        |b, r| b
            .push_bind(r.id)
            .push_bind(district_id)
            .push_bind(r.source_id.as_str())
            .push_bind(r.rec.course_id)
            .push_bind(r.rec.school_id)
            .push_bind(r.rec.title.as_str())
            .push_bind(r.rec.class_code.as_deref())
            .push_bind(r.rec.class_type)
            .push_bind(r.rec.periods.as_deref())
            .push_bind(r.rec.subject_codes.as_deref())
            .push_bind(status(r.active))
            .push_bind(r.modified)
            .push_bind(now)
            .push_bind(now)
    )?;
    let terms: Vec<(Uuid, Uuid)> = rows
        .iter()
        .flat_map(|r| r.rec.terms.iter().map(move |t| (r.id, *t)))
        .collect();
    bulk_insert!(
        tx,
        "INSERT INTO class_sessions (class_id, academic_session_id) ",
        terms,
        2,
        |b, r| b.push_bind(r.0).push_bind(r.1)
    )
}

pub async fn update_class(tx: &mut Tx, r: &Stored<ClassRec>, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "UPDATE classes SET course_id = $2, school_id = $3, title = $4, class_code = $5, class_type = $6, periods = $7, \
               status = $8, roster_modified_at = $9, updated_at = $10, subject_codes = $11 WHERE id = $1";
    with_tx!(tx, |conn| {
        sqlx::query(sql)
            .bind(r.id)
            .bind(r.rec.course_id)
            .bind(r.rec.school_id)
            .bind(r.rec.title.as_str())
            .bind(r.rec.class_code.as_deref())
            .bind(r.rec.class_type)
            .bind(r.rec.periods.as_deref())
            .bind(status(r.active))
            .bind(r.modified)
            .bind(now)
            .bind(r.rec.subject_codes.as_deref())
            .execute(&mut *conn)
            .await?;
        sqlx::query("DELETE FROM class_sessions WHERE class_id = $1")
            .bind(r.id)
            .execute(&mut *conn)
            .await?;
        for term in &r.rec.terms {
            sqlx::query("INSERT INTO class_sessions (class_id, academic_session_id) VALUES ($1, $2)")
                .bind(r.id)
                .bind(*term)
                .execute(&mut *conn)
                .await?;
        }
    });
    Ok(())
}

pub async fn insert_persons(
    tx: &mut Tx,
    district_id: Uuid,
    rows: &[Stored<PersonRec>],
    now: OffsetDateTime,
) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO persons (id, district_id, source_id, given_name, family_name, preferred_name, pronouns, email, phone, roster_username, middle_name, user_ids, status, roster_modified_at, created_at, updated_at) ",
        rows,
        16,
        |b, r| b
            .push_bind(r.id)
            .push_bind(district_id)
            .push_bind(r.source_id.as_str())
            .push_bind(r.rec.given_name.as_str())
            .push_bind(r.rec.family_name.as_str())
            .push_bind(r.rec.preferred_name.as_deref())
            .push_bind(r.rec.pronouns.as_deref())
            .push_bind(r.rec.email.as_deref())
            .push_bind(r.rec.phone.as_deref())
            .push_bind(r.rec.username.as_deref())
            .push_bind(r.rec.middle_name.as_deref())
            .push_bind(r.rec.user_ids.as_deref())
            .push_bind(status(r.active))
            .push_bind(r.modified)
            .push_bind(now)
            .push_bind(now)
    )
}

/// Updates a person; a person who leaves the roster also loses sign-in
/// (and gets it back on return).
pub async fn update_person(tx: &mut Tx, r: &Stored<PersonRec>, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "UPDATE persons SET given_name = $2, family_name = $3, preferred_name = $4, pronouns = $5, email = $6, phone = $7, \
               status = $8, roster_modified_at = $9, updated_at = $10, roster_username = $11, middle_name = $12, user_ids = $13 \
               WHERE id = $1";
    with_tx!(tx, |conn| {
        sqlx::query(sql)
            .bind(r.id)
            .bind(r.rec.given_name.as_str())
            .bind(r.rec.family_name.as_str())
            .bind(r.rec.preferred_name.as_deref())
            .bind(r.rec.pronouns.as_deref())
            .bind(r.rec.email.as_deref())
            .bind(r.rec.phone.as_deref())
            .bind(status(r.active))
            .bind(r.modified)
            .bind(now)
            .bind(r.rec.username.as_deref())
            .bind(r.rec.middle_name.as_deref())
            .bind(r.rec.user_ids.as_deref())
            .execute(&mut *conn)
            .await?;
        sqlx::query("UPDATE accounts SET disabled = $2 WHERE person_id = $1 AND disabled <> $2")
            .bind(r.id)
            .bind(!r.active)
            .execute(&mut *conn)
            .await?;
    });
    Ok(())
}

pub async fn insert_students(
    tx: &mut Tx,
    district_id: Uuid,
    rows: &[StoredStudent],
    now: OffsetDateTime,
) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO students (person_id, district_id, school_id, local_id, grade_level, graduation_year, birth_date, status, created_at, updated_at) ",
        rows,
        10,
        |b, r| b
            .push_bind(r.person_id)
            .push_bind(district_id)
            .push_bind(r.rec.school_id)
            .push_bind(r.rec.local_id.as_deref())
            .push_bind(r.rec.grade_level)
            .push_bind(r.rec.graduation_year)
            .push_bind(r.rec.birth_date)
            .push_bind(status(r.active))
            .push_bind(now)
            .push_bind(now)
    )
}

pub async fn update_student(tx: &mut Tx, r: &StoredStudent, now: OffsetDateTime) -> Result<(), DbError> {
    let sql =
        "UPDATE students SET school_id = $2, local_id = $3, grade_level = $4, graduation_year = $5, birth_date = $6, \
               status = $7, updated_at = $8 WHERE person_id = $1";
    with_tx!(tx, |conn| sqlx::query(sql)
        .bind(r.person_id)
        .bind(r.rec.school_id)
        .bind(r.rec.local_id.as_deref())
        .bind(r.rec.grade_level)
        .bind(r.rec.graduation_year)
        .bind(r.rec.birth_date)
        .bind(status(r.active))
        .bind(now)
        .execute(&mut *conn)
        .await
        .map(|_| ())?);
    Ok(())
}

pub async fn insert_assignments(
    tx: &mut Tx,
    district_id: Uuid,
    rows: &[StoredAssignment],
    now: OffsetDateTime,
) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO staff_assignments (id, district_id, person_id, org_id, role, status, created_at, updated_at) ",
        rows,
        8,
        |b, r| b
            .push_bind(r.id)
            .push_bind(district_id)
            .push_bind(r.person_id)
            .push_bind(r.org_id)
            .push_bind(r.role)
            .push_bind(status(r.active))
            .push_bind(now)
            .push_bind(now)
    )
}

pub async fn reactivate_assignment(tx: &mut Tx, id: Uuid, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "UPDATE staff_assignments SET status = 'active', updated_at = $2 WHERE id = $1";
    with_tx!(tx, |conn| sqlx::query(sql)
        .bind(id)
        .bind(now)
        .execute(&mut *conn)
        .await
        .map(|_| ())?);
    Ok(())
}

/// (person, org) of the district's active staff roles that ssp keeps
/// itself (social worker, nurse, …): the export writes them as `aide`, so
/// an aide row for such a person and org is what ssp already holds.
pub async fn load_ssp_only_roles(tx: &mut Tx, district_id: Uuid) -> Result<Vec<(Uuid, Uuid)>, DbError> {
    let sql = "SELECT person_id, org_id FROM staff_assignments WHERE district_id = $1 AND status = 'active' \
               AND role NOT IN ('teacher', 'counselor', 'school_admin', 'district_admin')";
    Ok(with_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(district_id)
        .fetch_all(&mut *conn)
        .await?))
}

/// The district's kept aide and proctor roles.
pub async fn load_other_roles(tx: &mut Tx, district_id: Uuid) -> Result<Vec<StoredOtherRole>, DbError> {
    let sql = "SELECT id, person_id, org_id, role, status FROM roster_other_roles WHERE district_id = $1";
    let rows: Vec<(Uuid, Uuid, Uuid, String, String)> = with_tx!(tx, |conn| sqlx::query_as(sql)
        .bind(district_id)
        .fetch_all(&mut *conn)
        .await?);
    Ok(rows
        .into_iter()
        .map(|(id, person_id, org_id, role, status)| StoredOtherRole {
            id,
            person_id,
            org_id,
            role: known(&role, &OTHER_ROLES),
            active: is_active(&status),
        })
        .collect())
}

pub async fn insert_other_roles(
    tx: &mut Tx,
    district_id: Uuid,
    rows: &[StoredOtherRole],
    now: OffsetDateTime,
) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO roster_other_roles (id, district_id, person_id, org_id, role, status, created_at, updated_at) ",
        rows,
        8,
        |b, r| b
            .push_bind(r.id)
            .push_bind(district_id)
            .push_bind(r.person_id)
            .push_bind(r.org_id)
            .push_bind(r.role)
            .push_bind(status(r.active))
            .push_bind(now)
            .push_bind(now)
    )
}

/// Switches kept aide and proctor roles active or inactive.
pub async fn set_other_roles(tx: &mut Tx, ids: &[Uuid], active: bool, now: OffsetDateTime) -> Result<(), DbError> {
    for part in ids.chunks(MAX_BINDS / 2) {
        with_tx!(&mut *tx, |conn| {
            let mut qb = sqlx::QueryBuilder::new("UPDATE roster_other_roles SET status = ");
            qb.push_bind(status(active));
            qb.push(", updated_at = ");
            qb.push_bind(now);
            qb.push(" WHERE id IN (");
            let mut list = qb.separated(", ");
            for id in part {
                list.push_bind(*id);
            }
            list.push_unseparated(")");
            qb.build().execute(&mut *conn).await?;
        });
    }
    Ok(())
}

/// New guardian links; parents and guardians hold educational rights,
/// other relatives do not until a school changes it.
pub async fn insert_links(
    tx: &mut Tx,
    district_id: Uuid,
    rows: &[StoredLink],
    now: OffsetDateTime,
) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO guardian_links (id, district_id, student_id, guardian_id, relationship, educational_rights, status, created_at, updated_at) ",
        rows,
        9,
        |b, r| b
            .push_bind(r.id)
            .push_bind(district_id)
            .push_bind(r.student_id)
            .push_bind(r.guardian_id)
            .push_bind(r.relationship)
            .push_bind(r.relationship != "relative")
            .push_bind(status(r.active))
            .push_bind(now)
            .push_bind(now)
    )
}

/// Changes a link's relationship or status; educational rights stay as
/// the school set them.
pub async fn update_link(tx: &mut Tx, r: &StoredLink, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "UPDATE guardian_links SET relationship = $2, status = $3, updated_at = $4 WHERE id = $1";
    with_tx!(tx, |conn| sqlx::query(sql)
        .bind(r.id)
        .bind(r.relationship)
        .bind(status(r.active))
        .bind(now)
        .execute(&mut *conn)
        .await
        .map(|_| ())?);
    Ok(())
}

pub async fn insert_enrollments(
    tx: &mut Tx,
    district_id: Uuid,
    rows: &[Stored<EnrollmentRec>],
    now: OffsetDateTime,
) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO enrollments (id, district_id, source_id, class_id, person_id, role, is_primary, begin_date, end_date, status, roster_modified_at, created_at, updated_at) ",
        rows,
        13,
        |b, r| b
            .push_bind(r.id)
            .push_bind(district_id)
            .push_bind(r.source_id.as_str())
            .push_bind(r.rec.class_id)
            .push_bind(r.rec.person_id)
            .push_bind(r.rec.role)
            .push_bind(r.rec.is_primary)
            .push_bind(r.rec.begin_date)
            .push_bind(r.rec.end_date)
            .push_bind(status(r.active))
            .push_bind(r.modified)
            .push_bind(now)
            .push_bind(now)
    )
}

pub async fn update_enrollment(tx: &mut Tx, r: &Stored<EnrollmentRec>, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "UPDATE enrollments SET class_id = $2, person_id = $3, role = $4, is_primary = $5, begin_date = $6, end_date = $7, \
               status = $8, roster_modified_at = $9, updated_at = $10 WHERE id = $1";
    with_tx!(tx, |conn| sqlx::query(sql)
        .bind(r.id)
        .bind(r.rec.class_id)
        .bind(r.rec.person_id)
        .bind(r.rec.role)
        .bind(r.rec.is_primary)
        .bind(r.rec.begin_date)
        .bind(r.rec.end_date)
        .bind(status(r.active))
        .bind(r.modified)
        .bind(now)
        .execute(&mut *conn)
        .await
        .map(|_| ())?);
    Ok(())
}

/// Marks rows inactive (never deletes them). Persons also lose sign-in,
/// and their sessions end.
pub async fn deactivate(tx: &mut Tx, table: Table, ids: &[Uuid], now: OffsetDateTime) -> Result<(), DbError> {
    let (name, key) = (table.name(), table.key());
    let mut statements = vec![(
        format!("UPDATE {name} SET status = 'inactive', updated_at = "),
        key,
        true,
    )];
    if table == Table::Persons {
        statements.push(("UPDATE accounts SET disabled = TRUE".to_owned(), "person_id", false));
    }
    for part in ids.chunks(MAX_BINDS / 2) {
        for (head, key, with_time) in &statements {
            with_tx!(&mut *tx, |conn| {
                let mut qb = sqlx::QueryBuilder::new(head.as_str());
                if *with_time {
                    qb.push_bind(now);
                }
                qb.push(format!(" WHERE {key} IN ("));
                let mut list = qb.separated(", ");
                for id in part {
                    list.push_bind(*id);
                }
                list.push_unseparated(")");
                qb.build().execute(&mut *conn).await?;
            });
        }
        if table == Table::Persons {
            end_sessions_of_persons(&mut *tx, part).await?;
        }
    }
    Ok(())
}

async fn end_sessions_of_persons(tx: &mut Tx, persons: &[Uuid]) -> Result<(), DbError> {
    with_tx!(&mut *tx, |conn| {
        let mut qb = sqlx::QueryBuilder::new(
            "DELETE FROM sessions WHERE account_id IN (SELECT id FROM accounts WHERE person_id IN (",
        );
        let mut list = qb.separated(", ");
        for id in persons {
            list.push_bind(*id);
        }
        list.push_unseparated("))");
        qb.build().execute(&mut *conn).await?;
    });
    Ok(())
}

/// Removes persons the running import created a moment ago and then
/// found it should not keep (nothing refers to them yet).
pub async fn delete_new_persons(tx: &mut Tx, ids: &[Uuid]) -> Result<(), DbError> {
    for part in ids.chunks(MAX_BINDS) {
        with_tx!(&mut *tx, |conn| {
            let mut qb = sqlx::QueryBuilder::new("DELETE FROM persons WHERE id IN (");
            let mut list = qb.separated(", ");
            for id in part {
                list.push_bind(*id);
            }
            list.push_unseparated(")");
            qb.build().execute(&mut *conn).await?;
        });
    }
    Ok(())
}

/// A `tobedeleted` row: one record goes inactive (a person also loses
/// sign-in), keeping its fields and taking the row's `dateLastModified`.
pub async fn deactivate_row(
    tx: &mut Tx,
    table: Table,
    id: Uuid,
    modified: Option<OffsetDateTime>,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let name = table.name();
    let sql = format!(
        "UPDATE {name} SET status = 'inactive', roster_modified_at = COALESCE($2, roster_modified_at), updated_at = $3 \
         WHERE id = $1"
    );
    with_tx!(tx, |conn| {
        sqlx::query(&sql)
            .bind(id)
            .bind(modified)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        if table == Table::Persons {
            sqlx::query("UPDATE accounts SET disabled = TRUE WHERE person_id = $1")
                .bind(id)
                .execute(&mut *conn)
                .await?;
            sqlx::query("DELETE FROM sessions WHERE account_id IN (SELECT id FROM accounts WHERE person_id = $1)")
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
    });
    Ok(())
}

// -------------------------------------------------------------------- history

/// One import in the history.
#[derive(Debug, Clone)]
pub struct ImportRow {
    pub id: Uuid,
    pub district_id: Option<Uuid>,
    pub started_by: Option<Uuid>,
    pub started_by_name: Option<String>,
    pub source_name: String,
    pub dry_run: bool,
    pub state: String,
    pub version: Option<String>,
    pub message: Option<String>,
    pub summary: Option<String>,
    pub issues_total: i64,
    pub created_at: OffsetDateTime,
    pub finished_at: Option<OffsetDateTime>,
}

pub struct NewImport<'a> {
    pub id: Uuid,
    pub district_id: Option<Uuid>,
    pub started_by: Option<Uuid>,
    pub source_name: &'a str,
    pub dry_run: bool,
}

pub async fn create_import(db: &Db, new: &NewImport<'_>, now: OffsetDateTime) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    let sql = "INSERT INTO roster_imports (id, district_id, started_by, source_name, dry_run, state, created_at) \
               VALUES ($1, $2, $3, $4, $5, 'queued', $6)";
    with_tx!(&mut tx, |conn| sqlx::query(sql)
        .bind(new.id)
        .bind(new.district_id)
        .bind(new.started_by)
        .bind(new.source_name)
        .bind(new.dry_run)
        .bind(now)
        .execute(&mut *conn)
        .await
        .map(|_| ())?);
    tx.commit().await
}

pub async fn mark_running(db: &Db, id: Uuid) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    with_tx!(&mut tx, |conn| sqlx::query(
        "UPDATE roster_imports SET state = 'running' WHERE id = $1 AND state = 'queued'"
    )
    .bind(id)
    .execute(&mut *conn)
    .await
    .map(|_| ())?);
    tx.commit().await
}

/// An import's row-level issue, as kept for the downloadable report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueRow {
    pub file: String,
    pub line: i64,
    pub column: Option<String>,
    pub severity: &'static str,
    pub reason: String,
}

pub struct Finished<'a> {
    pub id: Uuid,
    pub district_id: Option<Uuid>,
    pub state: &'a str,
    pub version: Option<&'a str>,
    /// For a refusal, `<refusal code>: <English message>` (pages translate
    /// the code); a failure starts `interrupted:` or `database error`.
    pub message: Option<&'a str>,
    pub summary: Option<&'a str>,
    pub issues_total: i64,
    pub issues: &'a [IssueRow],
}

/// Records how an import ended, in `tx` (the import's own transaction when
/// it succeeded, so the history and the change land together).
pub async fn finish_import(tx: &mut Tx, f: &Finished<'_>, now: OffsetDateTime) -> Result<(), DbError> {
    let sql =
        "UPDATE roster_imports SET district_id = COALESCE($2, district_id), state = $3, version = $4, message = $5, \
               summary = $6, issues_total = $7, finished_at = $8 WHERE id = $1";
    with_tx!(&mut *tx, |conn| sqlx::query(sql)
        .bind(f.id)
        .bind(f.district_id)
        .bind(f.state)
        .bind(f.version)
        .bind(f.message)
        .bind(f.summary)
        .bind(f.issues_total)
        .bind(now)
        .execute(&mut *conn)
        .await
        .map(|_| ())?);
    let numbered: Vec<(i64, &IssueRow)> = f.issues.iter().enumerate().map(|(i, r)| (i as i64 + 1, r)).collect();
    bulk_insert!(
        tx,
        "INSERT INTO roster_import_issues (import_id, seq, file, line, col, severity, reason) ",
        numbered,
        7,
        |b, r| b
            .push_bind(f.id)
            .push_bind(r.0)
            .push_bind(r.1.file.as_str())
            .push_bind(r.1.line)
            .push_bind(r.1.column.as_deref())
            .push_bind(r.1.severity)
            .push_bind(r.1.reason.as_str())
    )
}

/// Whether any import is queued or running (one at a time: SQLite has one
/// writer, and two imports of one district would fight over its rows).
pub async fn active_import(db: &Db) -> Result<Option<Uuid>, DbError> {
    let sql = "SELECT id FROM roster_imports WHERE state IN ('queued', 'running') LIMIT 1";
    Ok(with_reader!(db, |pool| sqlx::query_scalar(sql)
        .fetch_optional(pool)
        .await?))
}

/// Imports left `queued` or `running` by a server that stopped: their
/// transaction was rolled back, so they changed nothing.
pub async fn fail_interrupted(db: &Db, now: OffsetDateTime) -> Result<u64, DbError> {
    let mut tx = db.begin().await?;
    let n = with_tx!(&mut tx, |conn| {
        sqlx::query(
        "UPDATE roster_imports SET state = 'failed', message = 'interrupted: the server stopped during the import; nothing was changed', \
         finished_at = $1 WHERE state IN ('queued', 'running')"
    )
    .bind(now)
    .execute(&mut *conn)
    .await
    .map(|r| r.rows_affected())?
    });
    tx.commit().await?;
    Ok(n)
}

type ImportTuple = (
    Uuid,
    Option<Uuid>,
    Option<Uuid>,
    Option<String>,
    String,
    bool,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
    OffsetDateTime,
    Option<OffsetDateTime>,
);

const IMPORT_COLUMNS: &str = "i.id, i.district_id, i.started_by, \
    (SELECT p.given_name || ' ' || p.family_name FROM persons p WHERE p.id = i.started_by), \
    i.source_name, i.dry_run, i.state, i.version, i.message, i.summary, i.issues_total, i.created_at, i.finished_at";

fn import_row(t: ImportTuple) -> ImportRow {
    ImportRow {
        id: t.0,
        district_id: t.1,
        started_by: t.2,
        started_by_name: t.3,
        source_name: t.4,
        dry_run: t.5,
        state: t.6,
        version: t.7,
        message: t.8,
        summary: t.9,
        issues_total: t.10,
        created_at: t.11,
        finished_at: t.12,
    }
}

pub async fn get_import(db: &Db, id: Uuid) -> Result<Option<ImportRow>, DbError> {
    let sql = format!("SELECT {IMPORT_COLUMNS} FROM roster_imports i WHERE i.id = $1");
    let row: Option<ImportTuple> = with_reader!(db, |pool| sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?);
    Ok(row.map(import_row))
}

/// The district's imports, newest first.
pub async fn list_imports(db: &Db, district_id: Uuid, limit: i64) -> Result<Vec<ImportRow>, DbError> {
    let sql = format!(
        "SELECT {IMPORT_COLUMNS} FROM roster_imports i WHERE i.district_id = $1 ORDER BY i.created_at DESC, i.id DESC LIMIT $2"
    );
    let rows: Vec<ImportTuple> = with_reader!(db, |pool| sqlx::query_as(&sql)
        .bind(district_id)
        .bind(limit)
        .fetch_all(pool)
        .await?);
    Ok(rows.into_iter().map(import_row).collect())
}

pub async fn import_issues(db: &Db, id: Uuid) -> Result<Vec<IssueRow>, DbError> {
    let sql = "SELECT file, line, col, severity, reason FROM roster_import_issues WHERE import_id = $1 ORDER BY seq";
    let rows: Vec<(String, i64, Option<String>, String, String)> =
        with_reader!(db, |pool| sqlx::query_as(sql).bind(id).fetch_all(pool).await?);
    Ok(rows
        .into_iter()
        .map(|(file, line, column, severity, reason)| IssueRow {
            file,
            line,
            column,
            severity: known(&severity, &["error", "skipped", "warning"]),
            reason,
        })
        .collect())
}

/// Replaces the kept demographics (sex, race/ethnicity category) of these
/// students: the fairness audit's only source. Rows: (student, sex, race).
pub async fn upsert_demographics(
    tx: &mut Tx,
    district_id: Uuid,
    rows: &[(Uuid, Option<&'static str>, &'static str)],
    now: OffsetDateTime,
) -> Result<(), DbError> {
    for part in rows.chunks(MAX_BINDS / 2) {
        with_tx!(&mut *tx, |conn| {
            let mut qb = sqlx::QueryBuilder::new("DELETE FROM student_demographics WHERE student_id IN (");
            let mut sep = qb.separated(", ");
            for (id, _, _) in part {
                sep.push_bind(*id);
            }
            qb.push(")");
            qb.build().execute(&mut *conn).await.map(|_| ())
        })?;
    }
    bulk_insert!(
        tx,
        "INSERT INTO student_demographics (student_id, district_id, sex, race_ethnicity, updated_at) ",
        rows,
        5,
        |b, r| b
            .push_bind(r.0)
            .push_bind(district_id)
            .push_bind(r.1)
            .push_bind(r.2)
            .push_bind(now)
    )
}
