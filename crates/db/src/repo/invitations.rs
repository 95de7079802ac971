//! What inviting a guardian reads: the guardian behind a link, the
//! sign-in status of a student's guardians, a school's guardians for the
//! bulk invitation, and the bulk runs themselves.

use sqlx::FromRow;
use ssp_domain::{OrgId, PersonId, StudentId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

/// The guardian of one active link to one student.
#[derive(Debug, Clone, FromRow)]
pub struct GuardianContact {
    pub guardian_id: Uuid,
    pub district_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub email: Option<String>,
    /// The language the family gets messages in (the link's, else the person's).
    pub contact_language: String,
    pub account_id: Option<Uuid>,
    pub username: Option<String>,
    pub has_password: Option<bool>,
}

const CONTACT_SQL: &str =
    "SELECT g.guardian_id, g.district_id, p.given_name, p.family_name, p.email, g.contact_language, \
     a.id AS account_id, a.username, (a.password_hash <> '!') AS has_password \
     FROM guardian_links g JOIN persons p ON p.id = g.guardian_id LEFT JOIN accounts a ON a.person_id = g.guardian_id";

/// The guardian of link `link` of `student` (active link, active person).
pub async fn guardian_of_link(db: &Db, student: StudentId, link: Uuid) -> Result<Option<GuardianContact>, DbError> {
    let sql =
        format!("{CONTACT_SQL} WHERE g.id = $1 AND g.student_id = $2 AND g.status = 'active' AND p.status = 'active'");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(link)
        .bind(student.0)
        .fetch_optional(p)
        .await)?)
}

/// Sign-in status of each guardian of a student: whether they have set a
/// password, and their latest invitation.
#[derive(Debug, Clone, FromRow)]
pub struct GuardianSignIn {
    pub link_id: Uuid,
    pub has_password: Option<bool>,
    pub last_sign_in_at: Option<OffsetDateTime>,
    pub invited_at: Option<OffsetDateTime>,
    pub invitation_expires_at: Option<OffsetDateTime>,
}

pub async fn sign_in_status(db: &Db, student: StudentId) -> Result<Vec<GuardianSignIn>, DbError> {
    let sql = "SELECT g.id AS link_id, (a.password_hash <> '!') AS has_password, a.last_sign_in_at, \
                      (SELECT MAX(t.created_at) FROM account_tokens t WHERE t.account_id = a.id AND t.kind = 'invitation') AS invited_at, \
                      (SELECT MAX(t.expires_at) FROM account_tokens t WHERE t.account_id = a.id AND t.kind = 'invitation') AS invitation_expires_at \
               FROM guardian_links g LEFT JOIN accounts a ON a.person_id = g.guardian_id \
               WHERE g.student_id = $1 AND g.status = 'active'";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

/// A page of a school's guardians (of its active students) who have no
/// password yet, in id order after `after`.
pub async fn school_guardians_to_invite(
    db: &Db,
    school: OrgId,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<GuardianContact>, DbError> {
    let sql = "SELECT p.id AS guardian_id, p.district_id, p.given_name, p.family_name, p.email, \
          COALESCE((SELECT g3.contact_language FROM guardian_links g3 WHERE g3.guardian_id = p.id AND g3.status = 'active' \
             ORDER BY g3.created_at LIMIT 1), p.preferred_language) AS contact_language, \
          a.id AS account_id, a.username, (a.password_hash <> '!') AS has_password \
        FROM persons p LEFT JOIN accounts a ON a.person_id = p.id \
        WHERE p.id IN (SELECT g2.guardian_id FROM guardian_links g2 JOIN students s ON s.person_id = g2.student_id \
             WHERE s.school_id = $1 AND s.status = 'active' AND g2.status = 'active') \
          AND p.status = 'active' AND (a.id IS NULL OR a.password_hash = '!') AND p.id > $2 \
        ORDER BY p.id LIMIT $3";
    let after = after.unwrap_or(Uuid::nil());
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(school.0)
        .bind(after)
        .bind(limit)
        .fetch_all(p)
        .await)?)
}

pub async fn count_school_guardians_to_invite(db: &Db, school: OrgId) -> Result<i64, DbError> {
    let sql =
        "SELECT COUNT(DISTINCT g.guardian_id) FROM guardian_links g JOIN students s ON s.person_id = g.student_id \
               JOIN persons p ON p.id = g.guardian_id LEFT JOIN accounts a ON a.person_id = g.guardian_id \
               WHERE s.school_id = $1 AND s.status = 'active' AND g.status = 'active' AND p.status = 'active' \
                 AND (a.id IS NULL OR a.password_hash = '!')";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(school.0)
        .fetch_one(p)
        .await)?)
}

/// A bulk invitation run.
#[derive(Debug, Clone, FromRow)]
pub struct Batch {
    pub id: Uuid,
    pub district_id: Uuid,
    pub school_id: Uuid,
    pub created_by: Uuid,
    pub request_id: String,
    pub total: i64,
    pub done: i64,
    pub invited: i64,
    pub skipped: i64,
    pub last_guardian: Option<Uuid>,
    pub created_at: OffsetDateTime,
    pub finished_at: Option<OffsetDateTime>,
}

const BATCH_SQL: &str =
    "SELECT id, district_id, school_id, created_by, request_id, total, done, invited, skipped, last_guardian, \
     created_at, finished_at FROM invitation_batches";

pub async fn insert_batch(
    tx: &mut Tx,
    district: OrgId,
    school: OrgId,
    by: PersonId,
    request_id: &str,
    total: i64,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO invitation_batches (id, district_id, school_id, created_by, request_id, total, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .bind(school.0)
        .bind(by.0)
        .bind(request_id)
        .bind(total)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

/// The school's running batch, if any.
pub async fn running_batch(db: &Db, school: OrgId) -> Result<Option<Batch>, DbError> {
    let sql = format!("{BATCH_SQL} WHERE school_id = $1 AND finished_at IS NULL ORDER BY created_at DESC LIMIT 1");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(school.0)
        .fetch_optional(p)
        .await)?)
}

pub async fn latest_batch(db: &Db, school: OrgId) -> Result<Option<Batch>, DbError> {
    let sql = format!("{BATCH_SQL} WHERE school_id = $1 ORDER BY created_at DESC LIMIT 1");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(school.0)
        .fetch_optional(p)
        .await)?)
}

/// The oldest unfinished batch of any school (the worker's next job).
pub async fn next_unfinished(db: &Db) -> Result<Option<Batch>, DbError> {
    let sql = format!("{BATCH_SQL} WHERE finished_at IS NULL ORDER BY created_at LIMIT 1");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql).fetch_optional(p).await)?)
}

/// Records one page of progress (in the transaction that wrote its
/// invitations, so a crash never invites the same page twice).
pub async fn advance_batch(
    tx: &mut Tx,
    id: Uuid,
    last: Option<Uuid>,
    invited: i64,
    skipped: i64,
    finished: Option<OffsetDateTime>,
) -> Result<(), DbError> {
    let sql = "UPDATE invitation_batches SET last_guardian = COALESCE($2, last_guardian), invited = invited + $3, \
               skipped = skipped + $4, done = done + $3 + $4, finished_at = $5 WHERE id = $1";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(last)
        .bind(invited)
        .bind(skipped)
        .bind(finished)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The schools where the person is a school administrator.
pub async fn schools_administered(db: &Db, person: PersonId) -> Result<Vec<(Uuid, String)>, DbError> {
    let sql = "SELECT o.id, o.name FROM staff_assignments sa JOIN orgs o ON o.id = sa.org_id \
               WHERE sa.person_id = $1 AND sa.role = 'school_admin' AND sa.status = 'active' AND o.kind = 'school' ORDER BY o.name";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(person.0)
        .fetch_all(p)
        .await)?)
}

/// A school of the district (for district administrators), with its name.
pub async fn school_in_district(db: &Db, district: OrgId, school: Uuid) -> Result<Option<String>, DbError> {
    let sql = "SELECT name FROM orgs WHERE id = $1 AND district_id = $2 AND kind = 'school'";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(school)
        .bind(district.0)
        .fetch_optional(p)
        .await)?)
}

/// The guardian whose account is `account`, in `district` (through the
/// first of their active links), for "resend invitation" on the accounts
/// page; `None` when the account is not an active guardian's there.
pub async fn guardian_of_account(db: &Db, district: OrgId, account: Uuid) -> Result<Option<GuardianContact>, DbError> {
    let sql = format!(
        "{CONTACT_SQL} WHERE a.id = $1 AND g.district_id = $2 AND g.status = 'active' AND p.status = 'active' \
         ORDER BY g.id LIMIT 1"
    );
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(account)
        .bind(district.0)
        .fetch_optional(p)
        .await)?)
}

/// Which of `people` are an active guardian of a student in `district`.
pub async fn guardians_among(db: &Db, district: OrgId, people: &[Uuid]) -> Result<Vec<Uuid>, DbError> {
    if people.is_empty() {
        return Ok(Vec::new());
    }
    Ok(with_reader!(db, |p| {
        let mut qb =
            sqlx::QueryBuilder::new("SELECT DISTINCT g.guardian_id FROM guardian_links g WHERE g.district_id = ");
        qb.push_bind(district.0);
        qb.push(" AND g.status = 'active' AND g.guardian_id IN (");
        let mut list = qb.separated(", ");
        for id in people {
            list.push_bind(*id);
        }
        list.push_unseparated(")");
        qb.build_query_scalar().fetch_all(p).await
    })?)
}
