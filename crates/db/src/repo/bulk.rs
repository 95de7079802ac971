//! Bulk inserts for generated or imported rosters: many rows per statement,
//! inside the caller's transaction. Used by the demo generator and the
//! roster importer; on PostgreSQL large batches go through `COPY` (`copy.rs`).

use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{DbError, Tx};

/// SQLite allows 32,766 bound values per statement and PostgreSQL 65,535;
/// stay well under both.
pub(crate) const MAX_BINDS: usize = 16_000;

/// Inserts `$rows` in the caller's transaction: on PostgreSQL a batch of
/// [`COPY_FROM`](crate::repo::copy::COPY_FROM) rows or more is streamed with
/// `COPY … FROM STDIN`; otherwise as many rows per `INSERT` as fit under
/// [`MAX_BINDS`]. The row closure's `push_bind` calls serve both. Also used
/// by the roster importer.
macro_rules! bulk_insert {
    ($tx:expr, $head:expr, $rows:expr, $cols:expr, |$b:ident, $r:ident| $push:expr) => {{
        let rows = $rows;
        match &mut *$tx {
            $crate::Tx::Postgres(t) if rows.len() >= $crate::repo::copy::COPY_FROM => {
                let conn: &mut sqlx::PgConnection = &mut *t;
                let mut text = $crate::repo::copy::CopyText::new($head);
                let mut next = rows.iter();
                $crate::repo::copy::copy_in(conn, &mut text, |$b| {
                    while !$b.full() {
                        let Some($r) = next.next() else { return false };
                        $push;
                        $b.end_row();
                    }
                    true
                })
                .await?;
            }
            tx => {
                let per = ($crate::repo::bulk::MAX_BINDS / $cols).max(1);
                $crate::with_tx!(tx, |conn| {
                    for part in rows.chunks(per) {
                        let mut qb = sqlx::QueryBuilder::new($head);
                        qb.push_values(part, |mut $b, $r| {
                            $push;
                        });
                        qb.build().execute(&mut *conn).await?;
                    }
                });
            }
        }
        Ok::<(), $crate::DbError>(())
    }};
}
pub(crate) use bulk_insert;

pub struct OrgRow {
    pub id: Uuid,
    pub kind: &'static str,
    pub parent_id: Option<Uuid>,
    pub district_id: Option<Uuid>,
    pub name: String,
    pub identifier: Option<String>,
    pub school_level: Option<&'static str>,
    pub source_id: String,
}

pub async fn orgs(tx: &mut Tx, rows: &[OrgRow], now: OffsetDateTime) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO orgs (id, kind, parent_id, district_id, name, identifier, school_level, source_id, status, created_at, updated_at) ",
        rows,
        10,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.kind)
            .push_bind(r.parent_id)
            .push_bind(r.district_id)
            .push_bind(r.name.as_str())
            .push_bind(r.identifier.as_deref())
            .push_bind(r.school_level)
            .push_bind(r.source_id.as_str())
            .push_bind("active")
            .push_bind(now)
            .push_bind(now)
    )
}

pub struct AcademicSessionRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub source_id: String,
    pub title: String,
    pub session_type: &'static str,
    pub start_date: Date,
    pub end_date: Date,
    pub parent_id: Option<Uuid>,
    pub school_year: i32,
}

pub async fn academic_sessions(tx: &mut Tx, rows: &[AcademicSessionRow], now: OffsetDateTime) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO academic_sessions (id, district_id, source_id, title, session_type, start_date, end_date, parent_id, school_year, created_at, updated_at) ",
        rows,
        11,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.source_id.as_str())
            .push_bind(r.title.as_str())
            .push_bind(r.session_type)
            .push_bind(r.start_date)
            .push_bind(r.end_date)
            .push_bind(r.parent_id)
            .push_bind(r.school_year)
            .push_bind(now)
            .push_bind(now)
    )
}

pub struct CourseRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub source_id: String,
    pub org_id: Uuid,
    pub title: String,
    pub course_code: String,
    pub grades: String,
    pub subjects: String,
}

pub async fn courses(tx: &mut Tx, rows: &[CourseRow], now: OffsetDateTime) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO courses (id, district_id, source_id, org_id, title, course_code, grades, subjects, created_at, updated_at) ",
        rows,
        10,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.source_id.as_str())
            .push_bind(r.org_id)
            .push_bind(r.title.as_str())
            .push_bind(r.course_code.as_str())
            .push_bind(r.grades.as_str())
            .push_bind(r.subjects.as_str())
            .push_bind(now)
            .push_bind(now)
    )
}

pub struct ClassRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub source_id: String,
    pub course_id: Uuid,
    pub school_id: Uuid,
    pub title: String,
    pub class_code: String,
    pub periods: String,
    pub term_id: Uuid,
}

pub async fn classes(tx: &mut Tx, rows: &[ClassRow], now: OffsetDateTime) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO classes (id, district_id, source_id, course_id, school_id, title, class_code, class_type, periods, created_at, updated_at) ",
        rows,
        11,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.source_id.as_str())
            .push_bind(r.course_id)
            .push_bind(r.school_id)
            .push_bind(r.title.as_str())
            .push_bind(r.class_code.as_str())
            .push_bind("scheduled")
            .push_bind(r.periods.as_str())
            .push_bind(now)
            .push_bind(now)
    )?;
    bulk_insert!(
        tx,
        "INSERT INTO class_sessions (class_id, academic_session_id) ",
        rows,
        2,
        |b, r| b.push_bind(r.id).push_bind(r.term_id)
    )
}

pub struct PersonRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub source_id: String,
    pub given_name: &'static str,
    pub family_name: &'static str,
    pub preferred_name: Option<&'static str>,
    pub pronouns: Option<&'static str>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub preferred_language: &'static str,
}

pub async fn persons(tx: &mut Tx, rows: &[PersonRow], now: OffsetDateTime) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO persons (id, district_id, source_id, given_name, family_name, preferred_name, pronouns, email, phone, preferred_language, created_at, updated_at) ",
        rows,
        12,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.source_id.as_str())
            .push_bind(r.given_name)
            .push_bind(r.family_name)
            .push_bind(r.preferred_name)
            .push_bind(r.pronouns)
            .push_bind(r.email.as_deref())
            .push_bind(r.phone.as_deref())
            .push_bind(r.preferred_language)
            .push_bind(now)
            .push_bind(now)
    )
}

pub struct StudentRow {
    pub person_id: Uuid,
    pub district_id: Uuid,
    pub school_id: Uuid,
    pub state_student_id: String,
    pub local_id: String,
    pub grade_level: i32,
    pub graduation_year: i32,
    pub birth_date: Date,
}

pub async fn students(tx: &mut Tx, rows: &[StudentRow], now: OffsetDateTime) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO students (person_id, district_id, school_id, state_student_id, local_id, grade_level, graduation_year, birth_date, created_at, updated_at) ",
        rows,
        10,
        |b, r| b
            .push_bind(r.person_id)
            .push_bind(r.district_id)
            .push_bind(r.school_id)
            .push_bind(r.state_student_id.as_str())
            .push_bind(r.local_id.as_str())
            .push_bind(r.grade_level)
            .push_bind(r.graduation_year)
            .push_bind(r.birth_date)
            .push_bind(now)
            .push_bind(now)
    )
}

pub struct GuardianLinkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub guardian_id: Uuid,
    pub relationship: &'static str,
    pub educational_rights: bool,
    pub contact_language: &'static str,
    pub household: i32,
}

pub async fn guardian_links(tx: &mut Tx, rows: &[GuardianLinkRow], now: OffsetDateTime) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO guardian_links (id, district_id, student_id, guardian_id, relationship, educational_rights, contact_language, household, created_at, updated_at) ",
        rows,
        10,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.guardian_id)
            .push_bind(r.relationship)
            .push_bind(r.educational_rights)
            .push_bind(r.contact_language)
            .push_bind(r.household)
            .push_bind(now)
            .push_bind(now)
    )
}

pub struct StaffRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub person_id: Uuid,
    pub org_id: Uuid,
    pub role: &'static str,
}

pub async fn staff_assignments(tx: &mut Tx, rows: &[StaffRow], now: OffsetDateTime) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO staff_assignments (id, district_id, person_id, org_id, role, created_at, updated_at) ",
        rows,
        7,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.person_id)
            .push_bind(r.org_id)
            .push_bind(r.role)
            .push_bind(now)
            .push_bind(now)
    )
}

pub struct EnrollmentRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub source_id: String,
    pub class_id: Uuid,
    pub person_id: Uuid,
    pub role: &'static str,
    pub is_primary: bool,
    pub begin_date: Date,
    pub end_date: Date,
}

pub async fn enrollments(tx: &mut Tx, rows: &[EnrollmentRow], now: OffsetDateTime) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO enrollments (id, district_id, source_id, class_id, person_id, role, is_primary, begin_date, end_date, created_at, updated_at) ",
        rows,
        11,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.source_id.as_str())
            .push_bind(r.class_id)
            .push_bind(r.person_id)
            .push_bind(r.role)
            .push_bind(r.is_primary)
            .push_bind(r.begin_date)
            .push_bind(r.end_date)
            .push_bind(now)
            .push_bind(now)
    )
}

pub struct AccountRow {
    pub id: Uuid,
    pub person_id: Uuid,
    pub username: String,
    pub email: Option<String>,
    pub ui_language: Option<&'static str>,
}

/// Accounts that share one password hash (the demo's shared password).
pub async fn accounts(
    tx: &mut Tx,
    rows: &[AccountRow],
    password_hash: &str,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO accounts (id, person_id, username, email, password_hash, ui_language, disabled, created_at) ",
        rows,
        8,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.person_id)
            .push_bind(r.username.as_str())
            .push_bind(r.email.as_deref())
            .push_bind(password_hash)
            .push_bind(r.ui_language)
            .push_bind(false)
            .push_bind(now)
    )
}
