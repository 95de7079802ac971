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

/// A student's kept demographics (the fairness audit's only source).
pub struct DemographicsRow {
    pub student_id: Uuid,
    pub district_id: Uuid,
    pub sex: Option<&'static str>,
    pub race_ethnicity: &'static str,
}

pub async fn student_demographics(tx: &mut Tx, rows: &[DemographicsRow], now: OffsetDateTime) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO student_demographics (student_id, district_id, sex, race_ethnicity, updated_at) ",
        rows,
        5,
        |b, r| b
            .push_bind(r.student_id)
            .push_bind(r.district_id)
            .push_bind(r.sex)
            .push_bind(r.race_ethnicity)
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

// The plan content of a generated district (goals and their check-ins,
// action steps and supports, reflections and comments, activities, reviews
// and snapshots, the stored status, interactions and follow-ups, notes).
// Texts are mostly `&'static str` from the generator's phrase tables.

pub struct PlanProfileRow {
    pub student_id: Uuid,
    pub district_id: Uuid,
    pub strengths: &'static str,
    pub interests: &'static str,
    pub needs: &'static str,
    pub activities: &'static str,
    pub updated_at: OffsetDateTime,
}

pub async fn plan_profiles(tx: &mut Tx, rows: &[PlanProfileRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO plan_profiles (student_id, district_id, strengths, interests, needs, activities, updated_at) ",
        rows,
        7,
        |b, r| b
            .push_bind(r.student_id)
            .push_bind(r.district_id)
            .push_bind(r.strengths)
            .push_bind(r.interests)
            .push_bind(r.needs)
            .push_bind(r.activities)
            .push_bind(r.updated_at)
    )
}

pub struct GoalBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub domain: &'static str,
    pub statement: &'static str,
    pub why_it_matters: &'static str,
    pub measure_kind: &'static str,
    pub baseline: f64,
    pub target: f64,
    pub due_date: Date,
    pub cadence: &'static str,
    pub status: &'static str,
    pub suggested_by: Option<Uuid>,
    pub created_by: Uuid,
    pub activated_on: Option<Date>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

pub async fn goals(tx: &mut Tx, rows: &[GoalBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO goals (id, district_id, student_id, domain, statement, why_it_matters, measure_kind, baseline, target, \
         due_date, cadence, status, suggested_by, created_by, activated_on, created_at, updated_at) ",
        rows,
        17,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.domain)
            .push_bind(r.statement)
            .push_bind(r.why_it_matters)
            .push_bind(r.measure_kind)
            .push_bind(r.baseline)
            .push_bind(r.target)
            .push_bind(r.due_date)
            .push_bind(r.cadence)
            .push_bind(r.status)
            .push_bind(r.suggested_by)
            .push_bind(r.created_by)
            .push_bind(r.activated_on)
            .push_bind(r.created_at)
            .push_bind(r.updated_at)
    )
}

pub struct CheckInBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub goal_id: Uuid,
    pub student_id: Uuid,
    pub on_date: Date,
    pub value: f64,
    pub note: &'static str,
    pub reflection: &'static str,
    pub author_id: Uuid,
    pub created_at: OffsetDateTime,
}

pub async fn check_ins(tx: &mut Tx, rows: &[CheckInBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO goal_check_ins (id, district_id, goal_id, student_id, on_date, value, note, reflection, author_id, created_at) ",
        rows,
        10,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.goal_id)
            .push_bind(r.student_id)
            .push_bind(r.on_date)
            .push_bind(r.value)
            .push_bind(r.note)
            .push_bind(r.reflection)
            .push_bind(r.author_id)
            .push_bind(r.created_at)
    )
}

pub struct ActionStepBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub goal_id: Uuid,
    pub student_id: Uuid,
    pub description: &'static str,
    pub owner_id: Option<Uuid>,
    pub due_on: Option<Date>,
    pub done_at: Option<OffsetDateTime>,
    pub created_by: Uuid,
    pub created_at: OffsetDateTime,
}

pub async fn action_steps(tx: &mut Tx, rows: &[ActionStepBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO goal_action_steps (id, district_id, goal_id, student_id, description, owner_id, due_on, done_at, created_by, created_at) ",
        rows,
        10,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.goal_id)
            .push_bind(r.student_id)
            .push_bind(r.description)
            .push_bind(r.owner_id)
            .push_bind(r.due_on)
            .push_bind(r.done_at)
            .push_bind(r.created_by)
            .push_bind(r.created_at)
    )
}

pub struct SupportBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub goal_id: Uuid,
    pub student_id: Uuid,
    pub description: &'static str,
    pub provider: &'static str,
    pub created_by: Uuid,
    pub created_at: OffsetDateTime,
}

pub async fn supports(tx: &mut Tx, rows: &[SupportBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO goal_supports (id, district_id, goal_id, student_id, description, provider, created_by, created_at) ",
        rows,
        8,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.goal_id)
            .push_bind(r.student_id)
            .push_bind(r.description)
            .push_bind(r.provider)
            .push_bind(r.created_by)
            .push_bind(r.created_at)
    )
}

pub struct ReflectionBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub prompt: &'static str,
    pub body: &'static str,
    pub created_at: OffsetDateTime,
}

pub async fn reflections(tx: &mut Tx, rows: &[ReflectionBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO reflections (id, district_id, student_id, prompt, body, created_at) ",
        rows,
        6,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.prompt)
            .push_bind(r.body)
            .push_bind(r.created_at)
    )
}

pub struct CommentBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub reflection_id: Uuid,
    pub student_id: Uuid,
    pub author_id: Uuid,
    pub body: &'static str,
    pub created_at: OffsetDateTime,
}

pub async fn reflection_comments(tx: &mut Tx, rows: &[CommentBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO reflection_comments (id, district_id, reflection_id, student_id, author_id, body, created_at) ",
        rows,
        7,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.reflection_id)
            .push_bind(r.student_id)
            .push_bind(r.author_id)
            .push_bind(r.body)
            .push_bind(r.created_at)
    )
}

pub struct ActivityBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub activity_key: &'static str,
    pub school_year: i32,
    pub state: &'static str,
    pub exempt_reason: Option<&'static str>,
    pub recorded_by: Uuid,
    pub recorded_at: OffsetDateTime,
}

pub async fn student_activities(tx: &mut Tx, rows: &[ActivityBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO student_activities (id, district_id, student_id, activity_key, school_year, state, exempt_reason, recorded_by, recorded_at) ",
        rows,
        9,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.activity_key)
            .push_bind(r.school_year)
            .push_bind(r.state)
            .push_bind(r.exempt_reason)
            .push_bind(r.recorded_by)
            .push_bind(r.recorded_at)
    )
}

pub struct ReviewBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub school_year: i32,
    pub student_signed_at: Option<OffsetDateTime>,
    pub manager_id: Option<Uuid>,
    pub manager_signed_at: Option<OffsetDateTime>,
    pub guardian_id: Option<Uuid>,
    pub guardian_signed_at: Option<OffsetDateTime>,
    pub guardian_attempts: i32,
    pub created_at: OffsetDateTime,
}

pub async fn plan_reviews(tx: &mut Tx, rows: &[ReviewBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO plan_reviews (id, district_id, student_id, school_year, student_signed_at, manager_id, manager_signed_at, \
         guardian_id, guardian_signed_at, guardian_attempts, created_at) ",
        rows,
        11,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.school_year)
            .push_bind(r.student_signed_at)
            .push_bind(r.manager_id)
            .push_bind(r.manager_signed_at)
            .push_bind(r.guardian_id)
            .push_bind(r.guardian_signed_at)
            .push_bind(r.guardian_attempts)
            .push_bind(r.created_at)
    )
}

pub struct SnapshotBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub school_year: i32,
    /// The plan-year snapshot as JSON (the app's `plan_service::Snapshot`).
    pub snapshot: String,
    pub created_at: OffsetDateTime,
}

pub async fn plan_year_snapshots(tx: &mut Tx, rows: &[SnapshotBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO plan_year_snapshots (id, district_id, student_id, school_year, snapshot, created_at) ",
        rows,
        6,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.school_year)
            .push_bind(r.snapshot.as_str())
            .push_bind(r.created_at)
    )
}

pub struct PlanStatusBulkRow {
    pub student_id: Uuid,
    pub district_id: Uuid,
    pub up_to_date: bool,
    /// Failure codes, comma-separated, as `plan_service::recompute` stores them.
    pub failures: String,
    pub overdue_check_ins: i32,
    pub computed_at: OffsetDateTime,
}

pub async fn plan_statuses(tx: &mut Tx, rows: &[PlanStatusBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO plan_status (student_id, district_id, up_to_date, failures, overdue_check_ins, computed_at) ",
        rows,
        6,
        |b, r| b
            .push_bind(r.student_id)
            .push_bind(r.district_id)
            .push_bind(r.up_to_date)
            .push_bind(r.failures.as_str())
            .push_bind(r.overdue_check_ins)
            .push_bind(r.computed_at)
    )
}

pub struct InteractionBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub kind: &'static str,
    pub occurred_on: Date,
    pub participants: &'static str,
    pub family_present: bool,
    pub notes: &'static str,
    pub sensitivity: &'static str,
    pub author_id: Uuid,
    pub created_at: OffsetDateTime,
}

pub async fn interactions(tx: &mut Tx, rows: &[InteractionBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO interactions (id, district_id, student_id, kind, occurred_on, participants, family_present, notes, sensitivity, \
         author_id, created_at) ",
        rows,
        11,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.kind)
            .push_bind(r.occurred_on)
            .push_bind(r.participants)
            .push_bind(r.family_present)
            .push_bind(r.notes)
            .push_bind(r.sensitivity)
            .push_bind(r.author_id)
            .push_bind(r.created_at)
    )
}

pub struct FollowUpBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub interaction_id: Uuid,
    pub student_id: Uuid,
    pub description: &'static str,
    pub owner_id: Option<Uuid>,
    pub due_on: Option<Date>,
    pub done_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
}

pub async fn follow_ups(tx: &mut Tx, rows: &[FollowUpBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO interaction_follow_ups (id, district_id, interaction_id, student_id, description, owner_id, due_on, done_at, created_at) ",
        rows,
        9,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.interaction_id)
            .push_bind(r.student_id)
            .push_bind(r.description)
            .push_bind(r.owner_id)
            .push_bind(r.due_on)
            .push_bind(r.done_at)
            .push_bind(r.created_at)
    )
}

pub struct NoteBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub author_id: Uuid,
    pub sensitivity: &'static str,
    pub body: &'static str,
    pub created_at: OffsetDateTime,
}

pub async fn notes(tx: &mut Tx, rows: &[NoteBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO notes (id, district_id, student_id, author_id, sensitivity, body, created_at) ",
        rows,
        7,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.author_id)
            .push_bind(r.sensitivity)
            .push_bind(r.body)
            .push_bind(r.created_at)
    )
}

// Career development (the demo's interest inventories, ratings, saved
// careers, explorations, postsecondary plans and district pathways).

pub struct CareerPathwayBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub name: &'static str,
    pub description: &'static str,
    pub legacy_cluster: Option<&'static str>,
    pub cluster_2024: Option<&'static str>,
    pub created_at: OffsetDateTime,
}

pub async fn career_pathways(tx: &mut Tx, rows: &[CareerPathwayBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO career_pathways (id, district_id, name, description, legacy_cluster, cluster_2024, created_at, updated_at) ",
        rows,
        8,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.name)
            .push_bind(r.description)
            .push_bind(r.legacy_cluster)
            .push_bind(r.cluster_2024)
            .push_bind(r.created_at)
            .push_bind(r.created_at)
    )
}

pub struct CareerInventoryBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub school_year: i32,
    /// 60 characters, `0`–`4` or `-` (not answered).
    pub answers: String,
    pub started_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub completed_at: Option<OffsetDateTime>,
}

pub async fn career_inventories(tx: &mut Tx, rows: &[CareerInventoryBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO career_inventories (id, district_id, student_id, school_year, answers, started_at, updated_at, completed_at) ",
        rows,
        8,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.school_year)
            .push_bind(r.answers.as_str())
            .push_bind(r.started_at)
            .push_bind(r.updated_at)
            .push_bind(r.completed_at)
    )
}

pub struct CareerSelfRatingBulkRow {
    pub student_id: Uuid,
    pub district_id: Uuid,
    /// One character per work-value statement (`1`–`4`, `-`).
    pub work_values: String,
    /// One character per strength (`1`–`4`, `-`).
    pub strengths: String,
    pub updated_at: OffsetDateTime,
}

pub async fn career_self_ratings(tx: &mut Tx, rows: &[CareerSelfRatingBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO career_self_ratings (student_id, district_id, work_values, strengths, updated_at) ",
        rows,
        5,
        |b, r| b
            .push_bind(r.student_id)
            .push_bind(r.district_id)
            .push_bind(r.work_values.as_str())
            .push_bind(r.strengths.as_str())
            .push_bind(r.updated_at)
    )
}

pub struct SavedCareerBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    /// An O*NET-SOC code.
    pub code: &'static str,
    pub note: &'static str,
    pub saved_at: OffsetDateTime,
}

pub async fn saved_careers(tx: &mut Tx, rows: &[SavedCareerBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO saved_careers (id, district_id, student_id, code, note, saved_at) ",
        rows,
        6,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.code)
            .push_bind(r.note)
            .push_bind(r.saved_at)
    )
}

pub struct CareerExplorationBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    /// `career_fair`, `job_shadow`, `informational_interview`, `research` or `visit`.
    pub kind: &'static str,
    pub occurred_on: Date,
    pub title: &'static str,
    pub code: Option<&'static str>,
    pub reflection: &'static str,
    pub created_at: OffsetDateTime,
}

pub async fn career_explorations(tx: &mut Tx, rows: &[CareerExplorationBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO career_explorations (id, district_id, student_id, kind, occurred_on, title, code, reflection, created_at) ",
        rows,
        9,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.kind)
            .push_bind(r.occurred_on)
            .push_bind(r.title)
            .push_bind(r.code)
            .push_bind(r.reflection)
            .push_bind(r.created_at)
    )
}

pub struct PostsecondaryPlanBulkRow {
    pub student_id: Uuid,
    pub district_id: Uuid,
    /// Path keys joined by commas (`four_year,two_year`).
    pub paths: String,
    pub updated_at: OffsetDateTime,
}

pub async fn postsecondary_plans(tx: &mut Tx, rows: &[PostsecondaryPlanBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO postsecondary_plans (student_id, district_id, paths, updated_at) ",
        rows,
        4,
        |b, r| b
            .push_bind(r.student_id)
            .push_bind(r.district_id)
            .push_bind(r.paths.as_str())
            .push_bind(r.updated_at)
    )
}

pub struct PostsecondaryProgramBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub name: &'static str,
    pub path: &'static str,
    pub status: &'static str,
    pub note: &'static str,
    pub updated_at: OffsetDateTime,
}

pub async fn postsecondary_programs(tx: &mut Tx, rows: &[PostsecondaryProgramBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO postsecondary_programs (id, district_id, student_id, name, path, status, note, updated_at) ",
        rows,
        8,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.name)
            .push_bind(r.path)
            .push_bind(r.status)
            .push_bind(r.note)
            .push_bind(r.updated_at)
    )
}

pub struct PostsecondaryStepBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    /// A shipped step's key, or `None` for the student's own step.
    pub step_key: Option<&'static str>,
    pub title: &'static str,
    pub due_on: Date,
    pub done_on: Option<Date>,
    pub updated_at: OffsetDateTime,
}

pub async fn postsecondary_steps(tx: &mut Tx, rows: &[PostsecondaryStepBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO postsecondary_steps (id, district_id, student_id, step_key, title, due_on, done_on, updated_at) ",
        rows,
        8,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.step_key)
            .push_bind(r.title)
            .push_bind(r.due_on)
            .push_bind(r.done_on)
            .push_bind(r.updated_at)
    )
}

/// A course of a district's catalog (see `catalog_courses`); credits in
/// hundredths, lists comma-separated.
pub struct CatalogCourseBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub code: &'static str,
    pub title: &'static str,
    pub credits: i32,
    pub term_length: &'static str,
    pub subject_area: &'static str,
    pub tags: String,
    pub sced: Option<String>,
    pub rigor: &'static str,
    pub grade_min: i32,
    pub grade_max: i32,
    pub prerequisites: String,
    pub pathways: String,
    pub core: bool,
    pub repeatable: bool,
    pub updated_at: OffsetDateTime,
}

pub async fn catalog_courses(tx: &mut Tx, rows: &[CatalogCourseBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO catalog_courses (id, district_id, code, title, credits, term_length, subject_area, tags, sced, rigor, \
         grade_min, grade_max, prerequisites, pathways, core, repeatable, updated_at) ",
        rows,
        17,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.code)
            .push_bind(r.title)
            .push_bind(r.credits)
            .push_bind(r.term_length)
            .push_bind(r.subject_area)
            .push_bind(r.tags.as_str())
            .push_bind(r.sced.as_deref())
            .push_bind(r.rigor)
            .push_bind(r.grade_min)
            .push_bind(r.grade_max)
            .push_bind(r.prerequisites.as_str())
            .push_bind(r.pathways.as_str())
            .push_bind(r.core)
            .push_bind(r.repeatable)
            .push_bind(r.updated_at)
    )
}

/// One course on a student's transcript (see `transcript_entries`);
/// credits in hundredths, `mark` `None` while under way.
pub struct TranscriptEntryBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub course_code: &'static str,
    pub title: &'static str,
    pub school_year: i32,
    pub term: &'static str,
    pub grade_level: Option<i32>,
    pub mark: Option<&'static str>,
    pub credits_attempted: i32,
    pub credits_earned: i32,
    pub rigor: &'static str,
    pub updated_at: OffsetDateTime,
}

pub async fn transcript_entries(tx: &mut Tx, rows: &[TranscriptEntryBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO transcript_entries (id, district_id, student_id, course_code, title, school_year, term, grade_level, mark, \
         credits_attempted, credits_earned, rigor, subject_area, source, recorded_by, updated_at) ",
        rows,
        16,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.course_code)
            .push_bind(r.title)
            .push_bind(r.school_year)
            .push_bind(r.term)
            .push_bind(r.grade_level)
            .push_bind(r.mark)
            .push_bind(r.credits_attempted)
            .push_bind(r.credits_earned)
            .push_bind(r.rigor)
            .push_bind(None::<&str>)
            .push_bind("import")
            .push_bind(None::<Uuid>)
            .push_bind(r.updated_at)
    )
}

/// One version of a student's course plan (see `course_plans`).
pub struct CoursePlanBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub version: i32,
    /// `draft`, `submitted`, `approved` or `returned`.
    pub status: &'static str,
    /// One line per grade: `9=ENG9,ALG1`.
    pub years: String,
    pub comment: &'static str,
    pub decided_by: Option<Uuid>,
    pub decided_at: Option<OffsetDateTime>,
    pub acknowledged_by: Option<Uuid>,
    pub acknowledged_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

pub async fn course_plans(tx: &mut Tx, rows: &[CoursePlanBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO course_plans (id, district_id, student_id, version, status, years, comment, decided_by, decided_at, \
         acknowledged_by, acknowledged_at, created_at, updated_at) ",
        rows,
        13,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.version)
            .push_bind(r.status)
            .push_bind(r.years.as_str())
            .push_bind(r.comment)
            .push_bind(r.decided_by)
            .push_bind(r.decided_at)
            .push_bind(r.acknowledged_by)
            .push_bind(r.acknowledged_at)
            .push_bind(r.created_at)
            .push_bind(r.updated_at)
    )
}

/// A student's stored academic standing (see `academic_status`).
pub struct AcademicStatusBulkRow {
    pub student_id: Uuid,
    pub district_id: Uuid,
    pub on_track: Option<bool>,
    pub grade9_on_track: Option<bool>,
    pub plan_status: &'static str,
    pub refreshed_at: OffsetDateTime,
}

pub async fn academic_statuses(tx: &mut Tx, rows: &[AcademicStatusBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO academic_status (student_id, district_id, on_track, grade9_on_track, plan_status, refreshed_at) ",
        rows,
        6,
        |b, r| b
            .push_bind(r.student_id)
            .push_bind(r.district_id)
            .push_bind(r.on_track)
            .push_bind(r.grade9_on_track)
            .push_bind(r.plan_status)
            .push_bind(r.refreshed_at)
    )
}

/// A piece of a student's portfolio (see `artifacts`): a text, a link or a
/// file already in the file store under `file_key`.
pub struct ArtifactBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    /// `file`, `link` or `text`.
    pub kind: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub reflection: &'static str,
    /// `academic`, `career` or `sep`.
    pub domain: &'static str,
    pub school_year: i32,
    /// Competency keys separated by commas.
    pub competencies: String,
    pub url: Option<&'static str>,
    pub body: Option<&'static str>,
    pub file_key: Option<String>,
    pub file_name: Option<&'static str>,
    pub file_type: Option<&'static str>,
    pub file_bytes: Option<i64>,
    pub private: bool,
    pub best_work: bool,
    pub goal_id: Option<Uuid>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

pub async fn artifacts(tx: &mut Tx, rows: &[ArtifactBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO artifacts (id, district_id, student_id, kind, title, description, reflection, domain, school_year, \
         competencies, url, body, file_key, file_name, file_type, file_bytes, has_thumbnail, private, best_work, goal_id, \
         created_at, updated_at) ",
        rows,
        22,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.kind)
            .push_bind(r.title)
            .push_bind(r.description)
            .push_bind(r.reflection)
            .push_bind(r.domain)
            .push_bind(r.school_year)
            .push_bind(r.competencies.as_str())
            .push_bind(r.url)
            .push_bind(r.body)
            .push_bind(r.file_key.as_deref())
            .push_bind(r.file_name)
            .push_bind(r.file_type)
            .push_bind(r.file_bytes)
            .push_bind(false)
            .push_bind(r.private)
            .push_bind(r.best_work)
            .push_bind(r.goal_id)
            .push_bind(r.created_at)
            .push_bind(r.updated_at)
    )
}

/// A named, ordered group of a student's work (see `portfolio_collections`).
pub struct PortfolioCollectionBulkRow {
    pub id: Uuid,
    pub student_id: Uuid,
    pub name: &'static str,
    /// Artifact ids in order, separated by commas.
    pub items: String,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

pub async fn portfolio_collections(tx: &mut Tx, rows: &[PortfolioCollectionBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO portfolio_collections (id, student_id, name, items, created_at, updated_at) ",
        rows,
        6,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.student_id)
            .push_bind(r.name)
            .push_bind(r.items.as_str())
            .push_bind(r.created_at)
            .push_bind(r.updated_at)
    )
}

/// An experience outside the classroom (see `experiences`).
pub struct ExperienceBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub kind: &'static str,
    pub organisation: &'static str,
    pub supervisor_name: String,
    pub supervisor_email: Option<String>,
    pub start_on: Date,
    /// `None` while ongoing.
    pub end_on: Option<Date>,
    pub reflection: &'static str,
    /// Competency keys separated by commas.
    pub competencies: String,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

pub async fn experiences(tx: &mut Tx, rows: &[ExperienceBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO experiences (id, district_id, student_id, kind, organisation, supervisor_name, supervisor_email, \
         start_on, end_on, reflection, competencies, created_at, updated_at) ",
        rows,
        13,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.kind)
            .push_bind(r.organisation)
            .push_bind(r.supervisor_name.as_str())
            .push_bind(r.supervisor_email.as_deref())
            .push_bind(r.start_on)
            .push_bind(r.end_on)
            .push_bind(r.reflection)
            .push_bind(r.competencies.as_str())
            .push_bind(r.created_at)
            .push_bind(r.updated_at)
    )
}

/// Hours logged on an experience (see `experience_hours`), verified by the
/// supervisor (their email) or by staff (their person id), or not yet.
pub struct ExperienceHoursBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub experience_id: Uuid,
    pub worked_on: Date,
    /// Hundredths of an hour, in quarter-hour steps.
    pub hundredths: i32,
    pub note: &'static str,
    /// `supervisor` or `staff`.
    pub verified_by: Option<&'static str>,
    pub verified_at: Option<OffsetDateTime>,
    pub verifier_id: Option<Uuid>,
    pub verifier_email: Option<String>,
    pub created_at: OffsetDateTime,
}

pub async fn experience_hours(tx: &mut Tx, rows: &[ExperienceHoursBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO experience_hours (id, district_id, student_id, experience_id, worked_on, hundredths, note, link_id, \
         verified_by, verified_at, verifier_id, verifier_email, created_at) ",
        rows,
        13,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.experience_id)
            .push_bind(r.worked_on)
            .push_bind(r.hundredths)
            .push_bind(r.note)
            .push_bind(None::<Uuid>)
            .push_bind(r.verified_by)
            .push_bind(r.verified_at)
            .push_bind(r.verifier_id)
            .push_bind(r.verifier_email.as_deref())
            .push_bind(r.created_at)
    )
}

/// A student's capstone (see `capstones`): its stored status must be one
/// the domain's state machine reaches.
pub struct CapstoneBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub attempt: i32,
    pub status: &'static str,
    pub question: &'static str,
    pub plan: &'static str,
    pub mentor_name: String,
    pub mentor_email: Option<String>,
    pub return_comment: &'static str,
    pub presentation_on: Option<Date>,
    /// The rubric (JSON) as it stood when presented.
    pub rubric: Option<&'static str>,
    pub decided_by: Option<Uuid>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

pub async fn capstones(tx: &mut Tx, rows: &[CapstoneBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO capstones (id, district_id, student_id, attempt, status, question, plan, mentor_name, mentor_email, \
         return_comment, presentation_on, rubric, decided_by, created_at, updated_at) ",
        rows,
        15,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.attempt)
            .push_bind(r.status)
            .push_bind(r.question)
            .push_bind(r.plan)
            .push_bind(r.mentor_name.as_str())
            .push_bind(r.mentor_email.as_deref())
            .push_bind(r.return_comment)
            .push_bind(r.presentation_on)
            .push_bind(r.rubric)
            .push_bind(r.decided_by)
            .push_bind(r.created_at)
            .push_bind(r.updated_at)
    )
}

/// A capstone milestone (see `capstone_milestones`).
pub struct CapstoneMilestoneBulkRow {
    pub id: Uuid,
    pub capstone_id: Uuid,
    pub district_id: Uuid,
    pub title: &'static str,
    pub due_on: Date,
    pub done_on: Option<Date>,
    pub feedback: &'static str,
    pub feedback_by: Option<Uuid>,
    pub added_by: Uuid,
    pub created_at: OffsetDateTime,
}

pub async fn capstone_milestones(tx: &mut Tx, rows: &[CapstoneMilestoneBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO capstone_milestones (id, capstone_id, district_id, title, due_on, done_on, feedback, feedback_by, \
         added_by, created_at) ",
        rows,
        10,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.capstone_id)
            .push_bind(r.district_id)
            .push_bind(r.title)
            .push_bind(r.due_on)
            .push_bind(r.done_on)
            .push_bind(r.feedback)
            .push_bind(r.feedback_by)
            .push_bind(r.added_by)
            .push_bind(r.created_at)
    )
}

/// A capstone's final product (see `capstone_products`): one of the
/// student's artifacts, or a titled link.
pub struct CapstoneProductBulkRow {
    pub id: Uuid,
    pub capstone_id: Uuid,
    pub district_id: Uuid,
    pub artifact_id: Option<Uuid>,
    pub title: &'static str,
    pub url: &'static str,
    pub created_at: OffsetDateTime,
}

pub async fn capstone_products(tx: &mut Tx, rows: &[CapstoneProductBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO capstone_products (id, capstone_id, district_id, artifact_id, title, url, created_at) ",
        rows,
        7,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.capstone_id)
            .push_bind(r.district_id)
            .push_bind(r.artifact_id)
            .push_bind(r.title)
            .push_bind(r.url)
            .push_bind(r.created_at)
    )
}

/// A panelist of a capstone's attempt and, once entered, their sheet (see
/// `capstone_panelists`).
pub struct CapstonePanelistBulkRow {
    pub id: Uuid,
    pub capstone_id: Uuid,
    pub district_id: Uuid,
    pub attempt: i32,
    pub position: i32,
    pub name: String,
    /// Each criterion's level (1 = lowest), comma-separated.
    pub levels: Option<String>,
    pub entered_by: Option<Uuid>,
    pub entered_at: Option<OffsetDateTime>,
}

pub async fn capstone_panelists(tx: &mut Tx, rows: &[CapstonePanelistBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO capstone_panelists (id, capstone_id, district_id, attempt, position, name, levels, entered_by, \
         entered_at) ",
        rows,
        9,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.capstone_id)
            .push_bind(r.district_id)
            .push_bind(r.attempt)
            .push_bind(r.position)
            .push_bind(r.name.as_str())
            .push_bind(r.levels.as_deref())
            .push_bind(r.entered_by)
            .push_bind(r.entered_at)
    )
}

/// A scored attempt's result (see `capstone_results`); means in hundredths.
pub struct CapstoneResultBulkRow {
    pub capstone_id: Uuid,
    pub attempt: i32,
    pub district_id: Uuid,
    pub passed: bool,
    pub overall: i32,
    /// Each criterion's mean, comma-separated, in rubric order.
    pub criterion_means: String,
    pub recorded_by: Uuid,
    pub recorded_at: OffsetDateTime,
}

pub async fn capstone_results(tx: &mut Tx, rows: &[CapstoneResultBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO capstone_results (capstone_id, attempt, district_id, passed, overall, criterion_means, recorded_by, \
         recorded_at) ",
        rows,
        8,
        |b, r| b
            .push_bind(r.capstone_id)
            .push_bind(r.attempt)
            .push_bind(r.district_id)
            .push_bind(r.passed)
            .push_bind(r.overall)
            .push_bind(r.criterion_means.as_str())
            .push_bind(r.recorded_by)
            .push_bind(r.recorded_at)
    )
}
