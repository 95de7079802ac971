//! The interactions log: meetings and contacts with the student and family,
//! each with a sensitivity class, and their follow-up tasks with owners.

use sqlx::FromRow;
use ssp_domain::access::Sensitivity;
use ssp_domain::{OrgId, PersonId, StudentId};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, FromRow)]
pub struct InteractionRow {
    pub id: Uuid,
    pub student_id: Uuid,
    pub kind: String,
    pub occurred_on: Date,
    pub participants: String,
    pub family_present: bool,
    pub notes: String,
    pub sensitivity: String,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub student_given: String,
    pub student_preferred: Option<String>,
}

/// Interactions of these students in the allowed classes, newest first.
/// `family_only` keeps those with the family present.
pub async fn list(
    db: &Db,
    students: &[StudentId],
    classes: &[Sensitivity],
    family_only: bool,
) -> Result<Vec<InteractionRow>, DbError> {
    if students.is_empty() || classes.is_empty() {
        return Ok(vec![]);
    }
    let mut n = 0;
    let mut next = || {
        n += 1;
        format!("${n}")
    };
    let student_params: Vec<String> = students.iter().map(|_| next()).collect();
    let class_params: Vec<String> = classes.iter().map(|_| next()).collect();
    let family = if family_only { " AND i.family_present" } else { "" };
    let sql = format!(
        "SELECT i.id, i.student_id, i.kind, i.occurred_on, i.participants, i.family_present, i.notes, i.sensitivity, \
                p.given_name, p.family_name, p.preferred_name, sp.given_name AS student_given, \
                sp.preferred_name AS student_preferred \
         FROM interactions i JOIN persons p ON p.id = i.author_id JOIN persons sp ON sp.id = i.student_id \
         WHERE i.student_id IN ({}) AND i.sensitivity IN ({}){family} ORDER BY i.occurred_on DESC, i.created_at DESC LIMIT 200",
        student_params.join(", "),
        class_params.join(", ")
    );
    Ok(with_reader!(db, |p| {
        let mut q = sqlx::query_as(&sql);
        for s in students {
            q = q.bind(s.0);
        }
        for c in classes {
            q = q.bind(c.as_str());
        }
        q.fetch_all(p).await
    })?)
}

pub struct NewInteraction<'a> {
    pub district: OrgId,
    pub student: StudentId,
    pub kind: &'a str,
    pub occurred_on: Date,
    pub participants: &'a str,
    pub family_present: bool,
    pub notes: &'a str,
    pub sensitivity: Sensitivity,
    pub author: PersonId,
}

pub async fn add(tx: &mut Tx, i: &NewInteraction<'_>, now: OffsetDateTime) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO interactions (id, district_id, student_id, kind, occurred_on, participants, family_present, notes, \
               sensitivity, author_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(i.district.0)
        .bind(i.student.0)
        .bind(i.kind)
        .bind(i.occurred_on)
        .bind(i.participants)
        .bind(i.family_present)
        .bind(i.notes)
        .bind(i.sensitivity.as_str())
        .bind(i.author.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

#[derive(Debug, Clone, FromRow)]
pub struct FollowUpRow {
    pub id: Uuid,
    pub interaction_id: Uuid,
    pub description: String,
    pub due_on: Option<Date>,
    pub done_at: Option<OffsetDateTime>,
    pub owner_given: Option<String>,
    pub owner_family: Option<String>,
}

pub async fn follow_ups(db: &Db, student: StudentId) -> Result<Vec<FollowUpRow>, DbError> {
    let sql = "SELECT f.id, f.interaction_id, f.description, f.due_on, f.done_at, p.given_name AS owner_given, p.family_name AS owner_family \
               FROM interaction_follow_ups f LEFT JOIN persons p ON p.id = f.owner_id WHERE f.student_id = $1 ORDER BY f.due_on, f.created_at";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

#[allow(clippy::too_many_arguments)]
pub async fn add_follow_up(
    tx: &mut Tx,
    district: OrgId,
    interaction: Uuid,
    student: StudentId,
    description: &str,
    owner: Option<PersonId>,
    due_on: Option<Date>,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO interaction_follow_ups (id, district_id, interaction_id, student_id, description, owner_id, due_on, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .bind(interaction)
        .bind(student.0)
        .bind(description)
        .bind(owner.map(|o| o.0))
        .bind(due_on)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

/// Marks a follow-up of this student done; false when there is no such
/// open follow-up.
pub async fn complete_follow_up(
    tx: &mut Tx,
    student: StudentId,
    id: Uuid,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE interaction_follow_ups SET done_at = $3 WHERE id = $1 AND student_id = $2 AND done_at IS NULL";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(student.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The student and their siblings: the students who share an active
/// guardian with this one (for the family view of the log).
pub async fn family_of(db: &Db, student: StudentId) -> Result<Vec<Uuid>, DbError> {
    let sql = "SELECT DISTINCT g2.student_id FROM guardian_links g1 JOIN guardian_links g2 ON g2.guardian_id = g1.guardian_id \
               WHERE g1.student_id = $1 AND g1.status = 'active' AND g2.status = 'active'";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}
