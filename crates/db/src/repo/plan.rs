//! The plan: goals and their check-ins, reflections, grade-level activity
//! records, the annual review, and the stored up-to-date status.

use sqlx::FromRow;
use ssp_domain::{OrgId, PersonId, StudentId};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, FromRow)]
pub struct GoalRow {
    pub id: Uuid,
    pub domain: String,
    pub statement: String,
    pub why_it_matters: String,
    pub measure_kind: String,
    pub baseline: f64,
    pub target: f64,
    pub due_date: Date,
    pub cadence: String,
    pub status: String,
    pub suggested_by: Option<Uuid>,
    pub activated_on: Option<Date>,
    pub created_at: OffsetDateTime,
    pub last_check_in: Option<Date>,
    pub last_value: Option<f64>,
    pub check_ins: i64,
}

const GOAL_COLUMNS: &str = "g.id, g.domain, g.statement, g.why_it_matters, g.measure_kind, g.baseline, g.target, g.due_date, \
     g.cadence, g.status, g.suggested_by, g.activated_on, g.created_at, \
     (SELECT MAX(c.on_date) FROM goal_check_ins c WHERE c.goal_id = g.id) AS last_check_in, \
     (SELECT c.value FROM goal_check_ins c WHERE c.goal_id = g.id ORDER BY c.on_date DESC, c.created_at DESC LIMIT 1) AS last_value, \
     (SELECT COUNT(*) FROM goal_check_ins c WHERE c.goal_id = g.id) AS check_ins";

pub async fn goals(db: &Db, student: StudentId) -> Result<Vec<GoalRow>, DbError> {
    let sql = format!("SELECT {GOAL_COLUMNS} FROM goals g WHERE g.student_id = $1 ORDER BY g.domain, g.created_at");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

pub async fn goals_in_tx(tx: &mut Tx, student: StudentId) -> Result<Vec<GoalRow>, DbError> {
    let sql = format!("SELECT {GOAL_COLUMNS} FROM goals g WHERE g.student_id = $1 ORDER BY g.domain, g.created_at");
    Ok(with_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(student.0)
        .fetch_all(&mut *c)
        .await)?)
}

/// One goal of this student (a goal id of another student is `None`).
pub async fn goal(db: &Db, student: StudentId, goal: Uuid) -> Result<Option<GoalRow>, DbError> {
    let sql = format!("SELECT {GOAL_COLUMNS} FROM goals g WHERE g.student_id = $1 AND g.id = $2");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(student.0)
        .bind(goal)
        .fetch_optional(p)
        .await)?)
}

pub struct NewGoal<'a> {
    pub district: OrgId,
    pub student: StudentId,
    pub domain: &'a str,
    pub statement: &'a str,
    pub why_it_matters: &'a str,
    pub measure_kind: &'a str,
    pub baseline: f64,
    pub target: f64,
    pub due_date: Date,
    pub cadence: &'a str,
    pub status: &'a str,
    pub suggested_by: Option<PersonId>,
    pub created_by: PersonId,
    pub activated_on: Option<Date>,
}

pub async fn insert_goal(tx: &mut Tx, g: &NewGoal<'_>, now: OffsetDateTime) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO goals (id, district_id, student_id, domain, statement, why_it_matters, measure_kind, baseline, target, \
               due_date, cadence, status, suggested_by, created_by, activated_on, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(g.district.0)
        .bind(g.student.0)
        .bind(g.domain)
        .bind(g.statement)
        .bind(g.why_it_matters)
        .bind(g.measure_kind)
        .bind(g.baseline)
        .bind(g.target)
        .bind(g.due_date)
        .bind(g.cadence)
        .bind(g.status)
        .bind(g.suggested_by.map(|p| p.0))
        .bind(g.created_by.0)
        .bind(g.activated_on)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

/// Moves a goal to `status` if it is still in `from` (so two people changing
/// it at once cannot both win); returns whether it changed.
pub async fn set_goal_status(
    tx: &mut Tx,
    goal: Uuid,
    from: &str,
    status: &str,
    activated_on: Option<Date>,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE goals SET status = $3, activated_on = COALESCE(activated_on, $4), updated_at = $5 \
               WHERE id = $1 AND status = $2";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(goal)
        .bind(from)
        .bind(status)
        .bind(activated_on)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

#[derive(Debug, Clone, FromRow)]
pub struct CheckInRow {
    pub id: Uuid,
    pub on_date: Date,
    pub value: f64,
    pub note: String,
    pub reflection: String,
    pub author_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub created_at: OffsetDateTime,
    pub edited_at: Option<OffsetDateTime>,
}

const CHECK_IN_COLUMNS: &str = "c.id, c.on_date, c.value, c.note, c.reflection, c.author_id, \
     p.given_name, p.family_name, p.preferred_name, c.created_at, c.edited_at \
     FROM goal_check_ins c JOIN persons p ON p.id = c.author_id";

pub async fn check_ins(db: &Db, goal: Uuid) -> Result<Vec<CheckInRow>, DbError> {
    let sql = format!("SELECT {CHECK_IN_COLUMNS} WHERE c.goal_id = $1 ORDER BY c.on_date, c.created_at");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(goal)
        .fetch_all(p)
        .await)?)
}

/// Every check-in of the student, for the printed plan.
pub async fn check_ins_of_student(db: &Db, student: StudentId) -> Result<Vec<(Uuid, CheckInRow)>, DbError> {
    #[derive(FromRow)]
    struct Row {
        goal_id: Uuid,
        #[sqlx(flatten)]
        c: CheckInRow,
    }
    let sql = format!("SELECT c.goal_id, {CHECK_IN_COLUMNS} WHERE c.student_id = $1 ORDER BY c.on_date, c.created_at");
    let rows: Vec<Row> = with_reader!(db, |p| sqlx::query_as(&sql).bind(student.0).fetch_all(p).await)?;
    Ok(rows.into_iter().map(|r| (r.goal_id, r.c)).collect())
}

/// One check-in of one goal, or `None`.
pub async fn check_in(db: &Db, goal: Uuid, check_in: Uuid) -> Result<Option<CheckInRow>, DbError> {
    let sql = format!("SELECT {CHECK_IN_COLUMNS} WHERE c.goal_id = $1 AND c.id = $2");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(goal)
        .bind(check_in)
        .fetch_optional(p)
        .await)?)
}

pub struct NewCheckIn<'a> {
    pub district: OrgId,
    pub student: StudentId,
    pub goal: Uuid,
    pub on_date: Date,
    pub value: f64,
    pub note: &'a str,
    pub reflection: &'a str,
    pub author: PersonId,
}

pub async fn insert_check_in(tx: &mut Tx, c: &NewCheckIn<'_>, now: OffsetDateTime) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO goal_check_ins (id, district_id, goal_id, student_id, on_date, value, note, reflection, author_id, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    with_tx!(tx, |conn| sqlx::query(sql)
        .bind(id)
        .bind(c.district.0)
        .bind(c.goal)
        .bind(c.student.0)
        .bind(c.on_date)
        .bind(c.value)
        .bind(c.note)
        .bind(c.reflection)
        .bind(c.author.0)
        .bind(now)
        .execute(&mut *conn)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

#[derive(Debug, Clone, FromRow)]
pub struct ReflectionRow {
    pub id: Uuid,
    pub prompt: String,
    pub body: String,
    pub created_at: OffsetDateTime,
    pub edited_at: Option<OffsetDateTime>,
}

pub async fn reflections(db: &Db, student: StudentId) -> Result<Vec<ReflectionRow>, DbError> {
    let sql = "SELECT id, prompt, body, created_at, edited_at FROM reflections WHERE student_id = $1 \
               ORDER BY created_at DESC LIMIT 50";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

/// One reflection of this student, or `None`.
pub async fn reflection(db: &Db, student: StudentId, id: Uuid) -> Result<Option<ReflectionRow>, DbError> {
    let sql = "SELECT id, prompt, body, created_at, edited_at FROM reflections WHERE student_id = $1 AND id = $2";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

pub async fn insert_reflection(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    prompt: &str,
    body: &str,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO reflections (id, district_id, student_id, prompt, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .bind(student.0)
        .bind(prompt)
        .bind(body)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

#[derive(Debug, Clone, FromRow)]
pub struct ActivityRecord {
    pub activity_key: String,
    pub school_year: i32,
    pub state: String,
    pub exempt_reason: Option<String>,
}

/// Every activity record of the student (all years: what is done is never
/// asked again).
pub async fn activity_records(db: &Db, student: StudentId) -> Result<Vec<ActivityRecord>, DbError> {
    let sql = "SELECT activity_key, school_year, state, exempt_reason FROM student_activities WHERE student_id = $1";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

pub async fn activity_records_in_tx(tx: &mut Tx, student: StudentId) -> Result<Vec<ActivityRecord>, DbError> {
    let sql = "SELECT activity_key, school_year, state, exempt_reason FROM student_activities WHERE student_id = $1";
    Ok(with_tx!(tx, |c| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(&mut *c)
        .await)?)
}

#[allow(clippy::too_many_arguments)]
pub async fn record_activity(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    key: &str,
    school_year: i32,
    state: &str,
    exempt_reason: Option<&str>,
    by: PersonId,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO student_activities (id, district_id, student_id, activity_key, school_year, state, exempt_reason, recorded_by, recorded_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
               ON CONFLICT (student_id, activity_key, school_year) DO UPDATE SET state = excluded.state, \
               exempt_reason = excluded.exempt_reason, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(Uuid::now_v7())
        .bind(district.0)
        .bind(student.0)
        .bind(key)
        .bind(school_year)
        .bind(state)
        .bind(exempt_reason)
        .bind(by.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct ReviewRow {
    pub id: Uuid,
    pub school_year: i32,
    pub student_signed_at: Option<OffsetDateTime>,
    pub manager_signed_at: Option<OffsetDateTime>,
    pub guardian_signed_at: Option<OffsetDateTime>,
    pub guardian_attempts: i32,
}

const REVIEW_SQL: &str =
    "SELECT id, school_year, student_signed_at, manager_signed_at, guardian_signed_at, guardian_attempts \
     FROM plan_reviews WHERE student_id = $1 ORDER BY school_year DESC LIMIT 1";

/// The most recent review (of any year).
pub async fn latest_review(db: &Db, student: StudentId) -> Result<Option<ReviewRow>, DbError> {
    Ok(with_reader!(db, |p| sqlx::query_as(REVIEW_SQL)
        .bind(student.0)
        .fetch_optional(p)
        .await)?)
}

pub async fn latest_review_in_tx(tx: &mut Tx, student: StudentId) -> Result<Option<ReviewRow>, DbError> {
    Ok(with_tx!(tx, |c| sqlx::query_as(REVIEW_SQL)
        .bind(student.0)
        .fetch_optional(&mut *c)
        .await)?)
}

/// Which signature a signing writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureSlot {
    Student,
    Manager,
    Guardian,
    /// Not a signature: the plan manager logged an attempt to reach a guardian.
    GuardianAttempt,
}

/// Records a signature (or an attempt) on the review of `school_year`,
/// creating the review row when it is the first. Returns false when that
/// signature was already there (nothing changed).
pub async fn sign_review(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    school_year: i32,
    slot: SignatureSlot,
    by: PersonId,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let ensure =
        "INSERT INTO plan_reviews (id, district_id, student_id, school_year, created_at) VALUES ($1, $2, $3, $4, $5) \
                  ON CONFLICT (student_id, school_year) DO NOTHING";
    let update = match slot {
        SignatureSlot::Student => {
            "UPDATE plan_reviews SET student_signed_at = $3 WHERE student_id = $1 AND school_year = $2 AND student_signed_at IS NULL AND $4 IS NOT NULL"
        }
        SignatureSlot::Manager => {
            "UPDATE plan_reviews SET manager_signed_at = $3, manager_id = $4 WHERE student_id = $1 AND school_year = $2 AND manager_signed_at IS NULL"
        }
        SignatureSlot::Guardian => {
            "UPDATE plan_reviews SET guardian_signed_at = $3, guardian_id = $4 WHERE student_id = $1 AND school_year = $2 AND guardian_signed_at IS NULL"
        }
        SignatureSlot::GuardianAttempt => {
            "UPDATE plan_reviews SET guardian_attempts = guardian_attempts + 1 WHERE student_id = $1 AND school_year = $2 AND $3 IS NOT NULL AND $4 IS NOT NULL"
        }
    };
    let n = with_tx!(tx, |c| {
        sqlx::query(ensure)
            .bind(Uuid::now_v7())
            .bind(district.0)
            .bind(student.0)
            .bind(school_year)
            .bind(now)
            .execute(&mut *c)
            .await?;
        sqlx::query(update)
            .bind(student.0)
            .bind(school_year)
            .bind(now)
            .bind(by.0)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(n == 1)
}

pub async fn save_snapshot(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    school_year: i32,
    snapshot: &str,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO plan_year_snapshots (id, district_id, student_id, school_year, snapshot, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
               ON CONFLICT (student_id, school_year) DO UPDATE SET snapshot = excluded.snapshot, created_at = excluded.created_at";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(Uuid::now_v7())
        .bind(district.0)
        .bind(student.0)
        .bind(school_year)
        .bind(snapshot)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The snapshot of an earlier year, for "what changed since last year".
pub async fn snapshot(db: &Db, student: StudentId, school_year: i32) -> Result<Option<String>, DbError> {
    let sql = "SELECT snapshot FROM plan_year_snapshots WHERE student_id = $1 AND school_year = $2";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(student.0)
        .bind(school_year)
        .fetch_optional(p)
        .await)?)
}

#[derive(Debug, Clone, FromRow)]
pub struct StatusRow {
    pub up_to_date: bool,
    pub failures: String,
    pub overdue_check_ins: i32,
    pub computed_at: OffsetDateTime,
}

pub async fn status(db: &Db, student: StudentId) -> Result<Option<StatusRow>, DbError> {
    let sql = "SELECT up_to_date, failures, overdue_check_ins, computed_at FROM plan_status WHERE student_id = $1";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_optional(p)
        .await)?)
}

pub async fn put_status(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    up_to_date: bool,
    failures: &str,
    overdue_check_ins: i32,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO plan_status (student_id, district_id, up_to_date, failures, overdue_check_ins, computed_at) \
               VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (student_id) DO UPDATE SET up_to_date = excluded.up_to_date, \
               failures = excluded.failures, overdue_check_ins = excluded.overdue_check_ins, computed_at = excluded.computed_at";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(student.0)
        .bind(district.0)
        .bind(up_to_date)
        .bind(failures)
        .bind(overdue_check_ins)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Plans whose stored status was computed before `before` (so a day has
/// passed and a check-in or activity may have become overdue):
/// (student, district, grade).
pub async fn stale_statuses(db: &Db, before: OffsetDateTime, limit: i64) -> Result<Vec<(Uuid, Uuid, i32)>, DbError> {
    let sql = "SELECT ps.student_id, ps.district_id, s.grade_level FROM plan_status ps JOIN students s ON s.person_id = ps.student_id \
               WHERE ps.computed_at < $1 AND s.status = 'active' ORDER BY ps.computed_at LIMIT $2";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(before)
        .bind(limit)
        .fetch_all(p)
        .await)?)
}

#[derive(Debug, Clone, FromRow)]
pub struct ActionStepRow {
    pub id: Uuid,
    pub description: String,
    pub due_on: Option<Date>,
    pub done_at: Option<OffsetDateTime>,
    pub owner_given: Option<String>,
    pub owner_family: Option<String>,
    pub owner_preferred: Option<String>,
}

pub async fn action_steps(db: &Db, goal: Uuid) -> Result<Vec<ActionStepRow>, DbError> {
    let sql = "SELECT s.id, s.description, s.due_on, s.done_at, p.given_name AS owner_given, p.family_name AS owner_family, \
               p.preferred_name AS owner_preferred \
               FROM goal_action_steps s LEFT JOIN persons p ON p.id = s.owner_id WHERE s.goal_id = $1 ORDER BY s.due_on, s.created_at";
    Ok(with_reader!(db, |p| sqlx::query_as(sql).bind(goal).fetch_all(p).await)?)
}

pub struct NewActionStep<'a> {
    pub district: OrgId,
    pub goal: Uuid,
    pub student: StudentId,
    pub description: &'a str,
    pub owner: Option<PersonId>,
    pub due_on: Option<Date>,
    pub created_by: PersonId,
}

pub async fn add_action_step(tx: &mut Tx, s: &NewActionStep<'_>, now: OffsetDateTime) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO goal_action_steps (id, district_id, goal_id, student_id, description, owner_id, due_on, created_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(s.district.0)
        .bind(s.goal)
        .bind(s.student.0)
        .bind(s.description)
        .bind(s.owner.map(|o| o.0))
        .bind(s.due_on)
        .bind(s.created_by.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

/// Marks a step of this goal done; false when there is no such open step.
pub async fn complete_action_step(tx: &mut Tx, goal: Uuid, step: Uuid, now: OffsetDateTime) -> Result<bool, DbError> {
    let sql = "UPDATE goal_action_steps SET done_at = $3 WHERE id = $1 AND goal_id = $2 AND done_at IS NULL";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(step)
        .bind(goal)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

#[derive(Debug, Clone, FromRow)]
pub struct CommentRow {
    pub reflection_id: Uuid,
    pub body: String,
    pub created_at: OffsetDateTime,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
}

pub async fn reflection_comments(db: &Db, student: StudentId) -> Result<Vec<CommentRow>, DbError> {
    let sql = "SELECT c.reflection_id, c.body, c.created_at, p.given_name, p.family_name, p.preferred_name FROM reflection_comments c \
               JOIN persons p ON p.id = c.author_id WHERE c.student_id = $1 ORDER BY c.created_at";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

/// Adds a comment to a reflection of this student; false when the
/// reflection is not this student's.
pub async fn add_comment(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    reflection: Uuid,
    author: PersonId,
    body: &str,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql =
        "INSERT INTO reflection_comments (id, district_id, reflection_id, student_id, author_id, body, created_at) \
               SELECT $1, $2, r.id, r.student_id, $5, $6, $7 FROM reflections r WHERE r.id = $3 AND r.student_id = $4";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(Uuid::now_v7())
        .bind(district.0)
        .bind(reflection)
        .bind(student.0)
        .bind(author.0)
        .bind(body)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Rewrites a goal's wording and measures (not its status).
pub async fn update_goal(tx: &mut Tx, goal: Uuid, g: &NewGoal<'_>, now: OffsetDateTime) -> Result<bool, DbError> {
    let sql = "UPDATE goals SET domain = $2, statement = $3, why_it_matters = $4, measure_kind = $5, baseline = $6, target = $7, \
               due_date = $8, cadence = $9, updated_at = $10 WHERE id = $1 AND student_id = $11";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(goal)
        .bind(g.domain)
        .bind(g.statement)
        .bind(g.why_it_matters)
        .bind(g.measure_kind)
        .bind(g.baseline)
        .bind(g.target)
        .bind(g.due_date)
        .bind(g.cadence)
        .bind(now)
        .bind(g.student.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

#[derive(Debug, Clone, FromRow)]
pub struct SupportRow {
    pub description: String,
    pub provider: String,
    pub created_at: OffsetDateTime,
}

pub async fn supports(db: &Db, goal: Uuid) -> Result<Vec<SupportRow>, DbError> {
    let sql = "SELECT description, provider, created_at FROM goal_supports WHERE goal_id = $1 ORDER BY created_at";
    Ok(with_reader!(db, |p| sqlx::query_as(sql).bind(goal).fetch_all(p).await)?)
}

#[allow(clippy::too_many_arguments)]
pub async fn add_support(
    tx: &mut Tx,
    district: OrgId,
    goal: Uuid,
    student: StudentId,
    description: &str,
    provider: &str,
    by: PersonId,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO goal_supports (id, district_id, goal_id, student_id, description, provider, created_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .bind(goal)
        .bind(student.0)
        .bind(description)
        .bind(provider)
        .bind(by.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}
