//! Interventions: a strategy at a tier with an owner, a planned length, a
//! cadence and a goal; their progress points; what each answers (a flag, a
//! need or a goal, by kind and id); and the district's own strategies.

use sqlx::FromRow;
use ssp_domain::{OrgId, PersonId, StudentId};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, FromRow)]
pub struct InterventionRow {
    pub id: Uuid,
    pub strategy_key: String,
    pub tier: String,
    pub owner_id: Uuid,
    pub owner_given: String,
    pub owner_family: String,
    pub owner_preferred: Option<String>,
    pub start_on: Date,
    pub planned_weeks: i32,
    pub cadence: String,
    pub measure: String,
    pub baseline: f64,
    pub goal_value: f64,
    pub shared_with_family: bool,
    pub status: String,
    pub outcome: Option<String>,
    pub outcome_note: Option<String>,
    pub created_at: OffsetDateTime,
    /// The latest progress point's date, if any.
    pub last_point_on: Option<Date>,
}

const COLUMNS: &str = "i.id, i.strategy_key, i.tier, i.owner_id, p.given_name AS owner_given, \
     p.family_name AS owner_family, p.preferred_name AS owner_preferred, i.start_on, i.planned_weeks, i.cadence, \
     i.measure, i.baseline, i.goal_value, i.shared_with_family, i.status, i.outcome, i.outcome_note, i.created_at, \
     (SELECT MAX(x.on_date) FROM intervention_points x WHERE x.intervention_id = i.id) AS last_point_on";

/// The student's interventions (only those shared with the family when
/// `shared_only`): active first, newest first.
pub async fn list(db: &Db, student: StudentId, shared_only: bool) -> Result<Vec<InterventionRow>, DbError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM interventions i JOIN persons p ON p.id = i.owner_id \
         WHERE i.student_id = $1 AND (i.shared_with_family OR NOT $2) \
         ORDER BY CASE WHEN i.status = 'active' THEN 0 ELSE 1 END, i.start_on DESC, i.id DESC LIMIT 200"
    );
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(student.0)
        .bind(shared_only)
        .fetch_all(p)
        .await)?)
}

/// One of the student's interventions.
pub async fn get(db: &Db, student: StudentId, id: Uuid) -> Result<Option<InterventionRow>, DbError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM interventions i JOIN persons p ON p.id = i.owner_id \
         WHERE i.student_id = $1 AND i.id = $2"
    );
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(student.0)
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

/// An intervention as the use case writes it.
pub struct NewInterventionRow<'a> {
    pub district: OrgId,
    pub student: StudentId,
    pub strategy_key: &'a str,
    pub tier: &'a str,
    pub owner: PersonId,
    pub start_on: Date,
    pub planned_weeks: u32,
    pub cadence: &'a str,
    pub measure: &'a str,
    pub baseline: f64,
    pub goal_value: f64,
    pub shared_with_family: bool,
    pub created_by: PersonId,
}

pub async fn insert(tx: &mut Tx, n: &NewInterventionRow<'_>, now: OffsetDateTime) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO interventions (id, district_id, student_id, strategy_key, tier, owner_id, start_on, \
               planned_weeks, cadence, measure, baseline, goal_value, shared_with_family, status, created_by, \
               created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'active', $14, $15, $15)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(n.district.0)
        .bind(n.student.0)
        .bind(n.strategy_key)
        .bind(n.tier)
        .bind(n.owner.0)
        .bind(n.start_on)
        .bind(n.planned_weeks as i32)
        .bind(n.cadence)
        .bind(n.measure)
        .bind(n.baseline)
        .bind(n.goal_value)
        .bind(n.shared_with_family)
        .bind(n.created_by.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(id)
}

/// Ends an active intervention with its status and outcome; false when it
/// was no longer active (or is not the student's).
pub async fn end(
    tx: &mut Tx,
    student: StudentId,
    id: Uuid,
    status: &str,
    outcome: &str,
    note: &str,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE interventions SET status = $1, outcome = $2, outcome_note = $3, updated_at = $4 \
               WHERE id = $5 AND student_id = $6 AND status = 'active'";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(status)
        .bind(outcome)
        .bind(note)
        .bind(now)
        .bind(id)
        .bind(student.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Shares an intervention with the family or stops sharing it.
pub async fn set_shared(
    tx: &mut Tx,
    student: StudentId,
    id: Uuid,
    shared: bool,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE interventions SET shared_with_family = $1, updated_at = $2 WHERE id = $3 AND student_id = $4";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(shared)
        .bind(now)
        .bind(id)
        .bind(student.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

#[derive(Debug, Clone, FromRow)]
pub struct PointRow {
    pub id: Uuid,
    pub on_date: Date,
    pub value: f64,
    pub note: String,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
}

/// An intervention's progress points by date.
pub async fn points(db: &Db, intervention: Uuid) -> Result<Vec<PointRow>, DbError> {
    let sql = "SELECT x.id, x.on_date, x.value, x.note, p.given_name, p.family_name, p.preferred_name \
               FROM intervention_points x JOIN persons p ON p.id = x.recorded_by \
               WHERE x.intervention_id = $1 ORDER BY x.on_date, x.recorded_at";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(intervention)
        .fetch_all(p)
        .await)?)
}

#[allow(clippy::too_many_arguments)]
pub async fn add_point(
    tx: &mut Tx,
    intervention: Uuid,
    on: Date,
    value: f64,
    note: &str,
    by: PersonId,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO intervention_points (id, intervention_id, on_date, value, note, recorded_by, recorded_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(intervention)
        .bind(on)
        .bind(value)
        .bind(note)
        .bind(by.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(id)
}

/// What an intervention answers: `(kind, id)` with kind `flag`, `need` or
/// `goal`.
pub async fn links(db: &Db, intervention: Uuid) -> Result<Vec<(String, Uuid)>, DbError> {
    let sql = "SELECT target_kind, target_id FROM intervention_links WHERE intervention_id = $1 \
               ORDER BY target_kind, created_at";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(intervention)
        .fetch_all(p)
        .await)?)
}

/// Links an intervention to a flag, need or goal (linking twice is a
/// no-op).
pub async fn add_link(
    tx: &mut Tx,
    intervention: Uuid,
    kind: &str,
    target: Uuid,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO intervention_links (intervention_id, target_kind, target_id, created_at) \
               VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(intervention)
        .bind(kind)
        .bind(target)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// Whether `goal` is one of the student's goals.
pub async fn is_goal_of(db: &Db, student: StudentId, goal: Uuid) -> Result<bool, DbError> {
    let sql = "SELECT EXISTS (SELECT 1 FROM goals WHERE id = $1 AND student_id = $2)";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(goal)
        .bind(student.0)
        .fetch_one(p)
        .await)?)
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct StrategyRow {
    pub key: String,
    pub name: String,
    pub tier: String,
    pub retired_at: Option<OffsetDateTime>,
}

/// Every strategy the district added, retired ones included, by name.
pub async fn strategies(db: &Db, district: OrgId) -> Result<Vec<StrategyRow>, DbError> {
    let sql = "SELECT key, name, tier, retired_at FROM support_strategies WHERE district_id = $1 ORDER BY name, key";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(district.0)
        .fetch_all(p)
        .await)?)
}

pub async fn insert_strategy(
    tx: &mut Tx,
    district: OrgId,
    key: &str,
    name: &str,
    tier: &str,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO support_strategies (district_id, key, name, tier, created_at) VALUES ($1, $2, $3, $4, $5)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(district.0)
        .bind(key)
        .bind(name)
        .bind(tier)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// Retires (`Some(now)`) or brings back (`None`) a strategy; false when the
/// district has no such key.
pub async fn set_strategy_retired(
    tx: &mut Tx,
    district: OrgId,
    key: &str,
    retired_at: Option<OffsetDateTime>,
) -> Result<bool, DbError> {
    let sql = "UPDATE support_strategies SET retired_at = $1 WHERE district_id = $2 AND key = $3";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(retired_at)
        .bind(district.0)
        .bind(key)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
