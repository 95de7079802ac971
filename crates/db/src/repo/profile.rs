//! The plan's profile: strengths, interests, needs and activities in the
//! student's own words, and observations noted by the team.

use sqlx::FromRow;
use ssp_domain::{OrgId, PersonId, StudentId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, Default, FromRow)]
pub struct ProfileRow {
    pub strengths: String,
    pub interests: String,
    pub needs: String,
    pub activities: String,
}

pub async fn get(db: &Db, student: StudentId) -> Result<Option<ProfileRow>, DbError> {
    let sql = "SELECT strengths, interests, needs, activities FROM plan_profiles WHERE student_id = $1";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_optional(p)
        .await)?)
}

pub async fn put(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    p: &ProfileRow,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO plan_profiles (student_id, district_id, strengths, interests, needs, activities, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (student_id) DO UPDATE SET strengths = excluded.strengths, \
               interests = excluded.interests, needs = excluded.needs, activities = excluded.activities, updated_at = excluded.updated_at";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(student.0)
        .bind(district.0)
        .bind(&p.strengths)
        .bind(&p.interests)
        .bind(&p.needs)
        .bind(&p.activities)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct ObservationRow {
    pub kind: String,
    pub body: String,
    pub created_at: OffsetDateTime,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
}

pub async fn observations(db: &Db, student: StudentId) -> Result<Vec<ObservationRow>, DbError> {
    let sql = "SELECT o.kind, o.body, o.created_at, p.given_name, p.family_name, p.preferred_name FROM profile_observations o \
               JOIN persons p ON p.id = o.author_id WHERE o.student_id = $1 ORDER BY o.created_at DESC LIMIT 100";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

pub async fn add_observation(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    author: PersonId,
    kind: &str,
    body: &str,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO profile_observations (id, district_id, student_id, author_id, kind, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .bind(student.0)
        .bind(author.0)
        .bind(kind)
        .bind(body)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}
