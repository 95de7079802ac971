//! Work queues on the home pages: what waits for a staff member (their
//! follow-ups and action steps, overdue check-ins on goals they support,
//! reviews to sign, suggestions waiting for the student, referrals waiting
//! too long at a step) and for a guardian
//! (a signature, new shared notes and comments). Every list is bounded and
//! filtered by the actor's access scope in SQL.

use sqlx::FromRow;
use ssp_domain::access::ListScope;
use ssp_domain::PersonId;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::access::{scope_row_sql, scope_union};
use crate::{bind_scope, with_reader, Db, DbError};

/// How many items a queue shows; the count says how many there are.
pub const QUEUE_LIMIT: i64 = 20;

/// One item of a queue: a student, the record to act on, its words and date.
#[derive(Debug, Clone, FromRow)]
pub struct QueueItem {
    pub student_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    /// The goal (steps, suggestions) or interaction (follow-ups).
    pub record_id: Uuid,
    pub text: String,
    pub due_on: Option<Date>,
    /// How many items the whole queue has (the same on every row).
    pub total: i64,
}

/// A bounded queue: its first items and how many there are in all.
#[derive(Debug, Clone, Default)]
pub struct Queue {
    pub items: Vec<QueueItem>,
    pub total: i64,
}

impl Queue {
    fn from_rows(items: Vec<QueueItem>) -> Queue {
        let total = items.first().map(|i| i.total).unwrap_or(0);
        Queue { items, total }
    }
}

const PERSON: &str = "s.person_id AS student_id, p.given_name, p.family_name, p.preferred_name";

/// Runs a queue query: `$1` is the actor, `$2` the limit, `$3` the due-by
/// date when `until` is given; the scope's binds follow.
async fn run(
    db: &Db,
    sql: &str,
    me: PersonId,
    until: Option<Date>,
    scope: &ListScope,
    today: Date,
) -> Result<Queue, DbError> {
    let first = if until.is_some() { 4 } else { 3 };
    let (scope_filter, binds) = scope_row_sql(scope, today, first);
    let sql = sql.replace("{scope}", &scope_filter);
    let rows: Vec<QueueItem> = with_reader!(db, |p| {
        let mut q = sqlx::query_as(&sql).bind(me.0).bind(QUEUE_LIMIT);
        if let Some(d) = until {
            q = q.bind(d);
        }
        bind_scope!(q, binds).fetch_all(p).await
    })?;
    Ok(Queue::from_rows(rows))
}

/// Open follow-ups from interactions that `me` owns, due by `until`
/// (overdue first). Follow-ups of restricted interactions show only to
/// their author.
pub async fn follow_ups(db: &Db, me: PersonId, until: Date, scope: &ListScope, today: Date) -> Result<Queue, DbError> {
    let sql = format!(
        "SELECT {PERSON}, f.interaction_id AS record_id, f.description AS text, f.due_on, COUNT(*) OVER () AS total \
         FROM interaction_follow_ups f JOIN interactions i ON i.id = f.interaction_id \
         JOIN students s ON s.person_id = f.student_id JOIN persons p ON p.id = s.person_id \
         WHERE f.owner_id = $1 AND f.done_at IS NULL AND f.due_on <= $3 AND s.status = 'active' \
           AND (i.sensitivity IN ('shared', 'staff') OR i.author_id = $1) AND {{scope}} \
         ORDER BY f.due_on, f.id LIMIT $2"
    );
    run(db, &sql, me, Some(until), scope, today).await
}

/// Open action steps `me` owns on goals still in play, due by `until`.
pub async fn action_steps(
    db: &Db,
    me: PersonId,
    until: Date,
    scope: &ListScope,
    today: Date,
) -> Result<Queue, DbError> {
    let sql = format!(
        "SELECT {PERSON}, a.goal_id AS record_id, a.description AS text, a.due_on, COUNT(*) OVER () AS total \
         FROM goal_action_steps a JOIN goals g ON g.id = a.goal_id \
         JOIN students s ON s.person_id = a.student_id JOIN persons p ON p.id = s.person_id \
         WHERE a.owner_id = $1 AND a.done_at IS NULL AND a.due_on <= $3 AND g.status IN ('active', 'draft') \
           AND s.status = 'active' AND {{scope}} \
         ORDER BY a.due_on, a.id LIMIT $2"
    );
    run(db, &sql, me, Some(until), scope, today).await
}

/// Active early-warning flags `me` owns whose next step is due by `until`
/// (overdue first); `text` is the flag's kind.
pub async fn flag_next_steps(
    db: &Db,
    me: PersonId,
    until: Date,
    scope: &ListScope,
    today: Date,
) -> Result<Queue, DbError> {
    let sql = format!(
        "SELECT {PERSON}, f.id AS record_id, f.kind AS text, f.next_step_due AS due_on, COUNT(*) OVER () AS total \
         FROM flags f JOIN students s ON s.person_id = f.student_id JOIN persons p ON p.id = s.person_id \
         WHERE f.owner_id = $1 AND f.status IN ('open', 'acknowledged', 'in_progress') AND f.next_step_due <= $3 \
           AND s.status = 'active' AND {{scope}} \
         ORDER BY f.next_step_due, f.id LIMIT $2"
    );
    run(db, &sql, me, Some(until), scope, today).await
}

/// Active flags in the actor's scope owned by someone else whose next step
/// is overdue (before `today`), oldest first: what a school sees waiting.
/// `text` is the flag's kind.
pub async fn overdue_flags_of_others(db: &Db, me: PersonId, scope: &ListScope, today: Date) -> Result<Queue, DbError> {
    let sql = format!(
        "SELECT {PERSON}, f.id AS record_id, f.kind AS text, f.next_step_due AS due_on, COUNT(*) OVER () AS total \
         FROM flags f JOIN students s ON s.person_id = f.student_id JOIN persons p ON p.id = s.person_id \
         WHERE f.owner_id <> $1 AND f.status IN ('open', 'acknowledged', 'in_progress') AND f.next_step_due < $3 \
           AND s.status = 'active' AND {{scope}} \
         ORDER BY f.next_step_due, f.id LIMIT $2"
    );
    run(db, &sql, me, Some(today), scope, today).await
}

/// Open referrals and enrolments that have sat at their step since before
/// `cutoff` (today less the district's reminder age), of students `me`
/// referred or manages the plan of, oldest first. `due_on` is the day of
/// the current step (the caller adds the reminder age); `text` is the
/// status and the resource's name, `status|name`.
pub async fn referrals_too_long(
    db: &Db,
    me: PersonId,
    cutoff: Date,
    scope: &ListScope,
    today: Date,
) -> Result<Queue, DbError> {
    // A referral receiving services never waits (the domain's `overdue`).
    let since = "CASE f.status WHEN 'accepted' THEN COALESCE(f.accepted_on, f.sent_on) ELSE f.sent_on END";
    let sql = format!(
        "SELECT {PERSON}, f.id AS record_id, f.status || '|' || r.name AS text, {since} AS due_on, \
                COUNT(*) OVER () AS total \
         FROM referrals f JOIN resources r ON r.id = f.resource_id \
         JOIN students s ON s.person_id = f.student_id JOIN persons p ON p.id = s.person_id \
         WHERE f.status IN ('sent', 'accepted') AND {since} < $3 \
           AND (f.created_by = $1 OR EXISTS (SELECT 1 FROM plan_managers pm WHERE pm.student_id = f.student_id \
                AND pm.staff_id = $1 AND pm.ended_at IS NULL)) \
           AND s.status = 'active' AND {{scope}} \
         ORDER BY {since}, f.id LIMIT $2"
    );
    run(db, &sql, me, Some(cutoff), scope, today).await
}

/// Goals `me` suggested that the student has not started yet (oldest first).
pub async fn suggested_waiting(db: &Db, me: PersonId, scope: &ListScope, today: Date) -> Result<Queue, DbError> {
    let sql = format!(
        "SELECT {PERSON}, g.id AS record_id, g.statement AS text, g.due_date AS due_on, COUNT(*) OVER () AS total \
         FROM goals g JOIN students s ON s.person_id = g.student_id JOIN persons p ON p.id = s.person_id \
         WHERE g.suggested_by = $1 AND g.status = 'draft' AND s.status = 'active' AND {{scope}} \
         ORDER BY g.created_at, g.id LIMIT $2"
    );
    run(db, &sql, me, None, scope, today).await
}

/// This year's reviews of students `me` manages that the student has signed
/// and the plan manager has not.
pub async fn reviews_to_sign(db: &Db, me: PersonId, school_year: i32) -> Result<Queue, DbError> {
    let sql = format!(
        "SELECT {PERSON}, r.id AS record_id, '' AS text, CAST(NULL AS DATE) AS due_on, COUNT(*) OVER () AS total \
         FROM plan_managers pm JOIN plan_reviews r ON r.student_id = pm.student_id \
         JOIN students s ON s.person_id = pm.student_id JOIN persons p ON p.id = s.person_id \
         WHERE pm.staff_id = $1 AND pm.ended_at IS NULL AND r.school_year = $2 \
           AND r.student_signed_at IS NOT NULL AND r.manager_signed_at IS NULL AND s.status = 'active' \
         ORDER BY r.student_signed_at, r.id LIMIT $3"
    );
    let rows: Vec<QueueItem> = with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(me.0)
        .bind(school_year)
        .bind(QUEUE_LIMIT)
        .fetch_all(p)
        .await)?;
    Ok(Queue::from_rows(rows))
}

/// An active goal of a supported student, with its last check-in, for the
/// overdue check-in queue (the rule itself is `ssp_domain::plan`'s).
#[derive(Debug, Clone, FromRow)]
pub struct GoalToCheck {
    pub student_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub goal_id: Uuid,
    pub statement: String,
    pub cadence: String,
    pub activated_on: Option<Date>,
    pub last_check_in: Option<Date>,
}

/// Active goals of the students in `scope` (the people `me` supports) whose
/// stored plan status counts an overdue check-in.
pub async fn goals_with_overdue_check_ins(
    db: &Db,
    scope: &ListScope,
    today: Date,
) -> Result<Vec<GoalToCheck>, DbError> {
    // Driven from the (small) set of supported students: CROSS JOIN keeps
    // SQLite from scanning every plan with an overdue check-in first.
    let (Some(union), binds) = scope_union(scope, today, 1) else {
        return Ok(vec![]);
    };
    let sql = format!(
        "SELECT {PERSON}, g.id AS goal_id, g.statement, g.cadence, g.activated_on, \
                (SELECT MAX(c.on_date) FROM goal_check_ins c WHERE c.goal_id = g.id) AS last_check_in \
         FROM ({union}) sc CROSS JOIN students s CROSS JOIN plan_status ps \
         JOIN persons p ON p.id = s.person_id \
         JOIN goals g ON g.student_id = s.person_id AND g.status = 'active' \
         WHERE s.person_id = sc.scope_id AND ps.student_id = s.person_id \
           AND ps.overdue_check_ins > 0 AND s.status = 'active' \
         ORDER BY p.family_name, p.given_name, g.id"
    );
    Ok(with_reader!(db, |p| {
        let q = sqlx::query_as(&sql);
        bind_scope!(q, binds).fetch_all(p).await
    })?)
}

/// What waits for a guardian on one child's plan.
#[derive(Debug, Clone, FromRow)]
pub struct ChildWaiting {
    /// This year's review is under way (signed by the student or the plan
    /// manager) and not yet signed by a guardian.
    pub review_to_sign: bool,
    /// Shared notes written by others since `since`.
    pub new_notes: i64,
    /// Comments on reflections written by others since `since`.
    pub new_comments: i64,
}

pub async fn waiting_for_guardian(
    db: &Db,
    guardian: PersonId,
    student: Uuid,
    school_year: i32,
    since: OffsetDateTime,
) -> Result<ChildWaiting, DbError> {
    let sql = "SELECT \
          EXISTS (SELECT 1 FROM plan_reviews r WHERE r.student_id = $1 AND r.school_year = $3 \
                  AND (r.student_signed_at IS NOT NULL OR r.manager_signed_at IS NOT NULL) \
                  AND r.guardian_signed_at IS NULL) AS review_to_sign, \
          (SELECT COUNT(*) FROM notes n WHERE n.student_id = $1 AND n.sensitivity = 'shared' \
                  AND n.created_at >= $4 AND n.author_id <> $2) AS new_notes, \
          (SELECT COUNT(*) FROM reflection_comments c WHERE c.student_id = $1 \
                  AND c.created_at >= $4 AND c.author_id <> $2) AS new_comments";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student)
        .bind(guardian.0)
        .bind(school_year)
        .bind(since)
        .fetch_one(p)
        .await)?)
}

/// A guardian's children who are 18 or older and have not chosen to share
/// their plan: (id, given, family, preferred). Only the names are read.
pub async fn adult_children_not_sharing(
    db: &Db,
    guardian: PersonId,
    today: Date,
) -> Result<Vec<(Uuid, String, String, Option<String>)>, DbError> {
    let sql = "SELECT p.id, p.given_name, p.family_name, p.preferred_name \
               FROM guardian_links g JOIN students s ON s.person_id = g.student_id JOIN persons p ON p.id = s.person_id \
               WHERE g.guardian_id = $1 AND g.status = 'active' AND g.educational_rights AND s.status = 'active' \
                 AND s.birth_date IS NOT NULL AND s.birth_date <= $2 AND NOT s.shares_with_guardians \
               ORDER BY p.given_name, p.id";
    let cutoff = super::access::eligible_cutoff(today);
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(guardian.0)
        .bind(cutoff)
        .fetch_all(p)
        .await)?)
}
