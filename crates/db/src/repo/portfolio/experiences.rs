//! Experiences outside the classroom, the hours logged on them, and the
//! supervisor's single-use verification links (stored by the token's hex
//! SHA-256 only).

use sqlx::FromRow;
use ssp_domain::{OrgId, PersonId, StudentId};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ExperienceRow {
    pub id: Uuid,
    pub kind: String,
    pub organisation: String,
    pub supervisor_name: String,
    pub supervisor_email: Option<String>,
    pub start_on: Date,
    pub end_on: Option<Date>,
    pub reflection: String,
    pub competencies: String,
    pub created_at: OffsetDateTime,
}

const EXPERIENCE_COLS: &str = "id, kind, organisation, supervisor_name, supervisor_email, start_on, end_on, \
                               reflection, competencies, created_at";

/// The student's experiences, newest first.
pub async fn list(db: &Db, student: StudentId) -> Result<Vec<ExperienceRow>, DbError> {
    let sql = format!(
        "SELECT {EXPERIENCE_COLS} FROM experiences WHERE student_id = $1 ORDER BY start_on DESC, created_at DESC"
    );
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

/// One of the student's experiences (None when it is not theirs).
pub async fn get(db: &Db, student: StudentId, id: Uuid) -> Result<Option<ExperienceRow>, DbError> {
    let sql = format!("SELECT {EXPERIENCE_COLS} FROM experiences WHERE id = $1 AND student_id = $2");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(id)
        .bind(student.0)
        .fetch_optional(p)
        .await)?)
}

/// A new experience, as stored.
pub struct NewExperienceRow<'a> {
    pub kind: &'a str,
    pub organisation: &'a str,
    pub supervisor_name: &'a str,
    pub supervisor_email: Option<&'a str>,
    pub start_on: Date,
    pub end_on: Option<Date>,
    pub reflection: &'a str,
    pub competencies: &'a str,
}

pub async fn add(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    e: &NewExperienceRow<'_>,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO experiences (id, district_id, student_id, kind, organisation, supervisor_name, \
               supervisor_email, start_on, end_on, reflection, competencies, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .bind(student.0)
        .bind(e.kind)
        .bind(e.organisation)
        .bind(e.supervisor_name)
        .bind(e.supervisor_email)
        .bind(e.start_on)
        .bind(e.end_on)
        .bind(e.reflection)
        .bind(e.competencies)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

/// Changes an experience the student keeps; false when it is not theirs.
pub async fn update(
    tx: &mut Tx,
    student: StudentId,
    id: Uuid,
    e: &NewExperienceRow<'_>,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE experiences SET kind = $1, organisation = $2, supervisor_name = $3, supervisor_email = $4, \
               start_on = $5, end_on = $6, reflection = $7, competencies = $8, updated_at = $9 \
               WHERE id = $10 AND student_id = $11";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(e.kind)
        .bind(e.organisation)
        .bind(e.supervisor_name)
        .bind(e.supervisor_email)
        .bind(e.start_on)
        .bind(e.end_on)
        .bind(e.reflection)
        .bind(e.competencies)
        .bind(now)
        .bind(id)
        .bind(student.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Ends the experience's unused verification links now (its supervisor's
/// address changed); how many.
pub async fn expire_open_links(tx: &mut Tx, experience: Uuid, now: OffsetDateTime) -> Result<u64, DbError> {
    let sql = "UPDATE hours_verification_links SET expires_at = $1 \
               WHERE experience_id = $2 AND used_at IS NULL AND expires_at > $1";
    Ok(with_tx!(tx, |c| sqlx::query(sql)
        .bind(now)
        .bind(experience)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// Removes an unverified hours entry of the student's experience; false
/// when there is no such unverified entry.
pub async fn remove_unverified_hours(
    tx: &mut Tx,
    student: StudentId,
    experience: Uuid,
    entry: Uuid,
) -> Result<bool, DbError> {
    let sql = "DELETE FROM experience_hours WHERE id = $1 AND experience_id = $2 AND student_id = $3 \
               AND verified_by IS NULL";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(entry)
        .bind(experience)
        .bind(student.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct HoursRow {
    pub id: Uuid,
    pub experience_id: Uuid,
    pub worked_on: Date,
    pub hundredths: i32,
    pub note: String,
    pub verified_by: Option<String>,
    pub verified_at: Option<OffsetDateTime>,
    pub verifier_email: Option<String>,
}

const HOURS_COLS: &str = "id, experience_id, worked_on, hundredths, note, verified_by, verified_at, verifier_email";

/// Every hours entry of the student, by date.
pub async fn hours(db: &Db, student: StudentId) -> Result<Vec<HoursRow>, DbError> {
    let sql = format!("SELECT {HOURS_COLS} FROM experience_hours WHERE student_id = $1 ORDER BY worked_on, created_at");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

/// The hours the student logged on `on`, across all their experiences.
pub async fn hours_on(tx: &mut Tx, student: StudentId, on: Date) -> Result<Vec<i32>, DbError> {
    let sql = "SELECT hundredths FROM experience_hours WHERE student_id = $1 AND worked_on = $2";
    Ok(with_tx!(tx, |c| sqlx::query_scalar(sql)
        .bind(student.0)
        .bind(on)
        .fetch_all(&mut *c)
        .await)?)
}

#[allow(clippy::too_many_arguments)]
pub async fn add_hours(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    experience: Uuid,
    on: Date,
    hundredths: i32,
    note: &str,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO experience_hours (id, district_id, student_id, experience_id, worked_on, hundredths, note, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .bind(student.0)
        .bind(experience)
        .bind(on)
        .bind(hundredths)
        .bind(note)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

/// Staff verify every unverified entry of an experience; the number verified.
pub async fn verify_by_staff(
    tx: &mut Tx,
    student: StudentId,
    experience: Uuid,
    staff: PersonId,
    now: OffsetDateTime,
) -> Result<u64, DbError> {
    let sql = "UPDATE experience_hours SET verified_by = 'staff', verified_at = $1, verifier_id = $2 \
               WHERE student_id = $3 AND experience_id = $4 AND verified_by IS NULL";
    Ok(with_tx!(tx, |c| sqlx::query(sql)
        .bind(now)
        .bind(staff.0)
        .bind(student.0)
        .bind(experience)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// A new verification link, as stored.
pub struct NewLink<'a> {
    pub district: OrgId,
    pub student: StudentId,
    pub experience: Uuid,
    pub token_hash: &'a str,
    pub sent_to: &'a str,
    pub channel: &'a str,
    pub created_by: PersonId,
    pub expires_at: OffsetDateTime,
}

/// Stores a link, retires the experience's earlier unused links (they
/// expire now) and lists on it every unverified entry; the number listed.
pub async fn add_link(tx: &mut Tx, l: &NewLink<'_>, now: OffsetDateTime) -> Result<(Uuid, u64), DbError> {
    let id = Uuid::now_v7();
    let retire = "UPDATE hours_verification_links SET expires_at = $1 \
                  WHERE experience_id = $2 AND used_at IS NULL AND expires_at > $1";
    with_tx!(tx, |c| sqlx::query(retire)
        .bind(now)
        .bind(l.experience)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    let sql = "INSERT INTO hours_verification_links (id, district_id, student_id, experience_id, token_hash, sent_to, \
               channel, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(l.district.0)
        .bind(l.student.0)
        .bind(l.experience)
        .bind(l.token_hash)
        .bind(l.sent_to)
        .bind(l.channel)
        .bind(l.created_by.0)
        .bind(now)
        .bind(l.expires_at)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    let list = "UPDATE experience_hours SET link_id = $1 WHERE experience_id = $2 AND verified_by IS NULL";
    let n = with_tx!(tx, |c| sqlx::query(list)
        .bind(id)
        .bind(l.experience)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok((id, n))
}

/// A link with what its page shows: the experience and the student's
/// first name and last initial (nothing else of theirs).
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct LinkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub experience_id: Uuid,
    pub sent_to: String,
    pub expires_at: OffsetDateTime,
    pub used_at: Option<OffsetDateTime>,
    pub kind: String,
    pub organisation: String,
    pub supervisor_name: String,
    pub given_name: String,
    pub preferred_name: Option<String>,
    pub family_name: String,
}

const LINK_SQL: &str =
    "SELECT l.id, l.district_id, l.student_id, l.experience_id, l.sent_to, l.expires_at, l.used_at, \
     e.kind, e.organisation, e.supervisor_name, p.given_name, p.preferred_name, p.family_name \
     FROM hours_verification_links l JOIN experiences e ON e.id = l.experience_id \
     JOIN persons p ON p.id = l.student_id WHERE l.token_hash = $1";

pub async fn link_by_hash(db: &Db, token_hash: &str) -> Result<Option<LinkRow>, DbError> {
    Ok(with_reader!(db, |p| sqlx::query_as(LINK_SQL)
        .bind(token_hash)
        .fetch_optional(p)
        .await)?)
}

/// The same, read in the answering transaction.
pub async fn link_by_hash_tx(tx: &mut Tx, token_hash: &str) -> Result<Option<LinkRow>, DbError> {
    Ok(with_tx!(tx, |c| sqlx::query_as(LINK_SQL)
        .bind(token_hash)
        .fetch_optional(&mut *c)
        .await)?)
}

/// The unverified entries a link lists.
pub async fn link_hours(db: &Db, link: Uuid) -> Result<Vec<HoursRow>, DbError> {
    let sql = format!(
        "SELECT {HOURS_COLS} FROM experience_hours WHERE link_id = $1 AND verified_by IS NULL ORDER BY worked_on, created_at"
    );
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(link)
        .fetch_all(p)
        .await)?)
}

/// Marks the link used with the supervisor's answer; false when it was
/// already used (a second answer racing the first).
pub async fn answer_link(
    tx: &mut Tx,
    link: Uuid,
    response: &str,
    note: &str,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE hours_verification_links SET used_at = $1, response = $2, response_note = $3 \
               WHERE id = $4 AND used_at IS NULL";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(now)
        .bind(response)
        .bind(note)
        .bind(link)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// The supervisor confirms every unverified entry the link lists; the
/// number verified.
pub async fn verify_by_supervisor(tx: &mut Tx, link: Uuid, email: &str, now: OffsetDateTime) -> Result<u64, DbError> {
    let sql = "UPDATE experience_hours SET verified_by = 'supervisor', verified_at = $1, verifier_email = $2 \
               WHERE link_id = $3 AND verified_by IS NULL";
    Ok(with_tx!(tx, |c| sqlx::query(sql)
        .bind(now)
        .bind(email)
        .bind(link)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// The latest link of each of the student's experiences (what the page
/// says about verification: sent, expires, declined with a note).
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct LinkStatusRow {
    pub experience_id: Uuid,
    pub sent_to: String,
    pub channel: String,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    pub used_at: Option<OffsetDateTime>,
    pub response: Option<String>,
    pub response_note: String,
}

pub async fn latest_links(db: &Db, student: StudentId) -> Result<Vec<LinkStatusRow>, DbError> {
    let sql = "SELECT experience_id, sent_to, channel, created_at, expires_at, used_at, response, response_note \
               FROM hours_verification_links l WHERE student_id = $1 AND created_at = \
               (SELECT MAX(created_at) FROM hours_verification_links m WHERE m.experience_id = l.experience_id)";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}
