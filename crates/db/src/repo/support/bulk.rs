//! Bulk inserts of support data for the demo generator: indicator readings,
//! needs, interventions with their progress points and links. Many rows per
//! statement (`COPY` on PostgreSQL), inside the caller's transaction.

use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::readings::{AttendanceRow, BehaviourRow, MarkRow};
use crate::repo::bulk::bulk_insert;
use crate::{with_tx, DbError, Tx};

pub async fn attendance(
    tx: &mut Tx,
    district: Uuid,
    rows: &[AttendanceRow],
    now: OffsetDateTime,
) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO attendance_readings (student_id, school_year, district_id, days_enrolled, excused, unexcused, \
         disciplinary, as_of, source, loaded_at) ",
        rows,
        10,
        |b, r| b
            .push_bind(r.student_id)
            .push_bind(r.school_year)
            .push_bind(district)
            .push_bind(r.days_enrolled)
            .push_bind(r.excused)
            .push_bind(r.unexcused)
            .push_bind(r.disciplinary)
            .push_bind(r.as_of)
            .push_bind(r.source.as_str())
            .push_bind(now)
    )
}

pub async fn behaviour(tx: &mut Tx, district: Uuid, rows: &[BehaviourRow], now: OffsetDateTime) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO behaviour_readings (student_id, school_year, district_id, incidents, iss_days, oss_days, as_of, \
         source, loaded_at) ",
        rows,
        9,
        |b, r| b
            .push_bind(r.student_id)
            .push_bind(r.school_year)
            .push_bind(district)
            .push_bind(r.incidents)
            .push_bind(r.iss_days)
            .push_bind(r.oss_days)
            .push_bind(r.as_of)
            .push_bind(r.source.as_str())
            .push_bind(now)
    )
}

pub async fn marks(tx: &mut Tx, district: Uuid, rows: &[MarkRow], now: OffsetDateTime) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO course_marks (student_id, course_code, term_ends_on, district_id, subject, term_length, failing, \
         as_of, source, loaded_at) ",
        rows,
        10,
        |b, r| b
            .push_bind(r.student_id)
            .push_bind(r.course_code.as_str())
            .push_bind(r.term_ends_on)
            .push_bind(district)
            .push_bind(r.subject.as_str())
            .push_bind(r.term_length.as_str())
            .push_bind(r.failing)
            .push_bind(r.as_of)
            .push_bind(r.source.as_str())
            .push_bind(now)
    )
}

/// A need as the team recorded it (see `needs`).
pub struct NeedBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub kind: &'static str,
    pub sensitivity: &'static str,
    pub description: &'static str,
    pub what_is_being_done: &'static str,
    pub status: &'static str,
    pub created_by: Uuid,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

pub async fn needs(tx: &mut Tx, rows: &[NeedBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO needs (id, district_id, student_id, kind, sensitivity, description, what_is_being_done, source, \
         status, created_by, created_at, updated_at) ",
        rows,
        12,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.kind)
            .push_bind(r.sensitivity)
            .push_bind(r.description)
            .push_bind(r.what_is_being_done)
            .push_bind("team")
            .push_bind(r.status)
            .push_bind(r.created_by)
            .push_bind(r.created_at)
            .push_bind(r.updated_at)
    )
}

/// A tiered intervention (see `interventions`).
pub struct InterventionBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub strategy_key: &'static str,
    pub tier: &'static str,
    pub owner_id: Uuid,
    pub start_on: Date,
    pub planned_weeks: i32,
    pub cadence: &'static str,
    pub measure: &'static str,
    pub baseline: f64,
    pub goal_value: f64,
    pub shared_with_family: bool,
    pub status: &'static str,
    pub outcome: Option<&'static str>,
    pub outcome_note: Option<&'static str>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

pub async fn interventions(tx: &mut Tx, rows: &[InterventionBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO interventions (id, district_id, student_id, strategy_key, tier, owner_id, start_on, planned_weeks, \
         cadence, measure, baseline, goal_value, shared_with_family, status, outcome, outcome_note, created_by, \
         created_at, updated_at) ",
        rows,
        19,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.district_id)
            .push_bind(r.student_id)
            .push_bind(r.strategy_key)
            .push_bind(r.tier)
            .push_bind(r.owner_id)
            .push_bind(r.start_on)
            .push_bind(r.planned_weeks)
            .push_bind(r.cadence)
            .push_bind(r.measure)
            .push_bind(r.baseline)
            .push_bind(r.goal_value)
            .push_bind(r.shared_with_family)
            .push_bind(r.status)
            .push_bind(r.outcome)
            .push_bind(r.outcome_note)
            .push_bind(r.owner_id)
            .push_bind(r.created_at)
            .push_bind(r.updated_at)
    )
}

/// One progress point (see `intervention_points`).
pub struct InterventionPointBulkRow {
    pub id: Uuid,
    pub intervention_id: Uuid,
    pub on_date: Date,
    pub value: f64,
    pub note: &'static str,
    pub recorded_by: Uuid,
    pub recorded_at: OffsetDateTime,
}

pub async fn intervention_points(tx: &mut Tx, rows: &[InterventionPointBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO intervention_points (id, intervention_id, on_date, value, note, recorded_by, recorded_at) ",
        rows,
        7,
        |b, r| b
            .push_bind(r.id)
            .push_bind(r.intervention_id)
            .push_bind(r.on_date)
            .push_bind(r.value)
            .push_bind(r.note)
            .push_bind(r.recorded_by)
            .push_bind(r.recorded_at)
    )
}

/// What an intervention serves: `need` or `goal` (see `intervention_links`).
pub struct InterventionLinkBulkRow {
    pub intervention_id: Uuid,
    pub target_kind: &'static str,
    pub target_id: Uuid,
    pub created_at: OffsetDateTime,
}

pub async fn intervention_links(tx: &mut Tx, rows: &[InterventionLinkBulkRow]) -> Result<(), DbError> {
    bulk_insert!(
        tx,
        "INSERT INTO intervention_links (intervention_id, target_kind, target_id, created_at) ",
        rows,
        4,
        |b, r| b
            .push_bind(r.intervention_id)
            .push_bind(r.target_kind)
            .push_bind(r.target_id)
            .push_bind(r.created_at)
    )
}

/// Links each active demo intervention to its student's flag of the kind
/// it answers (attendance strategies → chronic absence, behaviour ones →
/// suspension, tutoring → a low GPA). Returns the links made.
pub async fn link_interventions_to_flags(tx: &mut Tx) -> Result<u64, DbError> {
    let sql = "INSERT INTO intervention_links (intervention_id, target_kind, target_id, created_at) \
               SELECT i.id, 'flag', f.id, i.created_at FROM interventions i JOIN flags f ON f.student_id = i.student_id \
               AND f.kind = CASE \
                 WHEN i.strategy_key IN ('check_and_connect', 'attendance_contract', 'family_attendance_conference', 'wraparound_services') THEN 'chronic_absence' \
                 WHEN i.strategy_key IN ('check_in_check_out', 'daily_behaviour_report_card') THEN 'suspension' \
                 WHEN i.strategy_key = 'small_group_tutoring' THEN 'low_gpa' \
                 ELSE '' END \
               WHERE i.status = 'active'";
    Ok(with_tx!(tx, |c| sqlx::query(sql)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// An open flag for the demo's "the team has worked its flags" step.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OpenFlag {
    pub id: Uuid,
    pub owner_id: Uuid,
    pub kind: String,
    /// An intervention answers it.
    pub linked: bool,
}

/// Every open flag, oldest first, and whether an intervention answers it.
pub async fn open_flags(tx: &mut Tx) -> Result<Vec<OpenFlag>, DbError> {
    let sql = "SELECT f.id, f.owner_id, f.kind, EXISTS (SELECT 1 FROM intervention_links l \
               WHERE l.target_kind = 'flag' AND l.target_id = f.id) AS linked \
               FROM flags f WHERE f.status = 'open' ORDER BY f.student_id, f.kind";
    Ok(with_tx!(tx, |c| sqlx::query_as(sql).fetch_all(&mut *c).await)?)
}

/// Moves the flags `ids` to `status` with a next step due on `due`.
pub async fn set_flags(
    tx: &mut Tx,
    ids: &[Uuid],
    status: &str,
    next_step: &str,
    due: Date,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    for part in ids.chunks(1_000) {
        with_tx!(tx, |c| {
            let mut qb = sqlx::QueryBuilder::new("UPDATE flags SET status = ");
            qb.push_bind(status)
                .push(", next_step = ")
                .push_bind(next_step)
                .push(", next_step_due = ")
                .push_bind(due)
                .push(", updated_at = ")
                .push_bind(now)
                .push(" WHERE id IN (");
            let mut sep = qb.separated(", ");
            for id in part {
                sep.push_bind(*id);
            }
            qb.push(")");
            qb.build().execute(&mut *c).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// Moves every flag's opening (and its "raise" event) back to `opened`.
pub async fn backdate_flags(tx: &mut Tx, opened: OffsetDateTime) -> Result<(), DbError> {
    with_tx!(tx, |c| sqlx::query("UPDATE flags SET opened_at = $1")
        .bind(opened)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    with_tx!(tx, |c| sqlx::query(
        "UPDATE flag_events SET at = $1 WHERE event = 'raise'"
    )
    .bind(opened)
    .execute(&mut *c)
    .await
    .map(|_| ()))?;
    Ok(())
}
