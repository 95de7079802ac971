//! Community partners (issue 18): the resource directory, partner users,
//! consents, referrals and their steps, the record of disclosures and the
//! district's reminder age. Lists of categories, languages, interest areas
//! and keywords are stored comma-joined; the rules read them in the domain.

use sqlx::FromRow;
use ssp_domain::{OrgId, PersonId, StudentId};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

// ---- partners -------------------------------------------------------------

#[derive(Debug, Clone, FromRow)]
pub struct PartnerRow {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub contact: String,
}

/// Adds a partner (with the id `id`), or updates the one of that name;
/// answers its id.
pub async fn upsert_partner(
    tx: &mut Tx,
    id: Uuid,
    district: OrgId,
    name: &str,
    description: &str,
    contact: &str,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let sql = "INSERT INTO partners (id, district_id, name, description, contact, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $6) \
               ON CONFLICT (district_id, name) DO UPDATE SET description = excluded.description, \
               contact = excluded.contact, updated_at = excluded.updated_at RETURNING id";
    Ok(with_tx!(tx, |c| sqlx::query_scalar(sql)
        .bind(id)
        .bind(district.0)
        .bind(name)
        .bind(description)
        .bind(contact)
        .bind(now)
        .fetch_one(&mut *c)
        .await)?)
}

pub async fn partners(db: &Db, district: OrgId) -> Result<Vec<PartnerRow>, DbError> {
    let sql = "SELECT id, name, description, contact FROM partners WHERE district_id = $1 ORDER BY name LIMIT 1000";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(district.0)
        .fetch_all(p)
        .await)?)
}

pub async fn partner(db: &Db, district: OrgId, id: Uuid) -> Result<Option<PartnerRow>, DbError> {
    let sql = "SELECT id, name, description, contact FROM partners WHERE district_id = $1 AND id = $2";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(district.0)
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

/// The partner of that name in the district, inside a transaction (the
/// CSV import looks its rows' partners up there).
pub async fn partner_by_name(tx: &mut Tx, district: OrgId, name: &str) -> Result<Option<Uuid>, DbError> {
    let sql = "SELECT id FROM partners WHERE district_id = $1 AND name = $2";
    Ok(with_tx!(tx, |c| sqlx::query_scalar(sql)
        .bind(district.0)
        .bind(name)
        .fetch_optional(&mut *c)
        .await)?)
}

/// The categories of every service a partner offers, comma-joined lists.
pub async fn served(db: &Db, partner: Uuid) -> Result<Vec<String>, DbError> {
    let sql = "SELECT categories FROM resources WHERE partner_id = $1";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(partner)
        .fetch_all(p)
        .await)?)
}

/// Adds a partner; a name taken in the district is the conflict
/// `partners_district_id_name_uq`.
pub async fn insert_partner(
    tx: &mut Tx,
    id: Uuid,
    district: OrgId,
    p: (&str, &str, &str),
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO partners (id, district_id, name, description, contact, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $6)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .bind(p.0)
        .bind(p.1)
        .bind(p.2)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// Changes a partner's name, description and contact; false when the
/// district has no partner with that id.
pub async fn update_partner(
    tx: &mut Tx,
    district: OrgId,
    id: Uuid,
    p: (&str, &str, &str),
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE partners SET name = $3, description = $4, contact = $5, updated_at = $6 \
               WHERE district_id = $1 AND id = $2";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(district.0)
        .bind(id)
        .bind(p.0)
        .bind(p.1)
        .bind(p.2)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// What still refers to a partner: (referrals, consents and disclosures —
/// the student's record, kept; partner users).
pub async fn partner_ties(tx: &mut Tx, id: Uuid) -> Result<(i64, i64), DbError> {
    let sql = "SELECT (SELECT COUNT(*) FROM referrals WHERE partner_id = $1) \
                    + (SELECT COUNT(*) FROM consents WHERE partner_id = $1) \
                    + (SELECT COUNT(*) FROM disclosures WHERE partner_id = $1), \
                      (SELECT COUNT(*) FROM partner_users WHERE partner_id = $1)";
    Ok(with_tx!(tx, |c| sqlx::query_as(sql).bind(id).fetch_one(&mut *c).await)?)
}

/// Deletes a partner and its services (the caller checked nothing else
/// refers to it); false when the district has no partner with that id.
pub async fn delete_partner(tx: &mut Tx, district: OrgId, id: Uuid) -> Result<bool, DbError> {
    let services = "DELETE FROM resources WHERE district_id = $1 AND partner_id = $2";
    let partner = "DELETE FROM partners WHERE district_id = $1 AND id = $2";
    let n = with_tx!(tx, |c| {
        sqlx::query(services).bind(district.0).bind(id).execute(&mut *c).await?;
        sqlx::query(partner)
            .bind(district.0)
            .bind(id)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(n == 1)
}

// ---- resources ------------------------------------------------------------

#[derive(Debug, Clone, FromRow)]
pub struct ResourceRow {
    pub id: Uuid,
    pub partner_id: Option<Uuid>,
    pub partner_name: Option<String>,
    pub kind: String,
    pub name: String,
    pub categories: String,
    pub description: String,
    pub eligibility: String,
    pub grade_min: i32,
    pub grade_max: i32,
    pub languages: String,
    pub location: String,
    pub hours: String,
    pub cost: String,
    pub capacity: Option<i32>,
    pub contact: String,
    pub interest_areas: String,
    pub keywords: String,
    /// Open referrals and enrolments (sent, accepted, in service).
    pub taken: i64,
}

/// A resource as the use case writes it (lists already joined).
pub struct ResourceWrite<'a> {
    pub district: OrgId,
    pub partner: Option<Uuid>,
    pub kind: &'a str,
    pub name: &'a str,
    pub categories: &'a str,
    pub description: &'a str,
    pub eligibility: &'a str,
    pub grade_min: i32,
    pub grade_max: i32,
    pub languages: &'a str,
    pub location: &'a str,
    pub hours: &'a str,
    pub cost: &'a str,
    pub capacity: Option<i32>,
    pub contact: &'a str,
    pub interest_areas: &'a str,
    pub keywords: &'a str,
}

/// Adds a resource (with the id `id`) or updates the one of that name;
/// answers its id.
pub async fn upsert_resource(
    tx: &mut Tx,
    id: Uuid,
    r: &ResourceWrite<'_>,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let sql = "INSERT INTO resources (id, district_id, partner_id, kind, name, categories, description, eligibility, \
               grade_min, grade_max, languages, location, hours, cost, capacity, contact, interest_areas, keywords, \
               created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19) \
               ON CONFLICT (district_id, name) DO UPDATE SET partner_id = excluded.partner_id, kind = excluded.kind, \
               categories = excluded.categories, description = excluded.description, \
               eligibility = excluded.eligibility, grade_min = excluded.grade_min, grade_max = excluded.grade_max, \
               languages = excluded.languages, location = excluded.location, hours = excluded.hours, \
               cost = excluded.cost, capacity = excluded.capacity, contact = excluded.contact, \
               interest_areas = excluded.interest_areas, keywords = excluded.keywords, \
               updated_at = excluded.updated_at RETURNING id";
    Ok(with_tx!(tx, |c| sqlx::query_scalar(sql)
        .bind(id)
        .bind(r.district.0)
        .bind(r.partner)
        .bind(r.kind)
        .bind(r.name)
        .bind(r.categories)
        .bind(r.description)
        .bind(r.eligibility)
        .bind(r.grade_min)
        .bind(r.grade_max)
        .bind(r.languages)
        .bind(r.location)
        .bind(r.hours)
        .bind(r.cost)
        .bind(r.capacity)
        .bind(r.contact)
        .bind(r.interest_areas)
        .bind(r.keywords)
        .bind(now)
        .fetch_one(&mut *c)
        .await)?)
}

/// Binds `$3`…`$18` of a resource write: partner to keywords.
macro_rules! bind_resource {
    ($q:expr, $r:expr) => {
        $q.bind($r.partner)
            .bind($r.kind)
            .bind($r.name)
            .bind($r.categories)
            .bind($r.description)
            .bind($r.eligibility)
            .bind($r.grade_min)
            .bind($r.grade_max)
            .bind($r.languages)
            .bind($r.location)
            .bind($r.hours)
            .bind($r.cost)
            .bind($r.capacity)
            .bind($r.contact)
            .bind($r.interest_areas)
            .bind($r.keywords)
    };
}

/// Adds a resource (with the id `id`); a name taken in the district is
/// the conflict `resources_district_id_name_uq`.
pub async fn insert_resource(tx: &mut Tx, id: Uuid, r: &ResourceWrite<'_>, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "INSERT INTO resources (id, district_id, partner_id, kind, name, categories, description, eligibility, \
               grade_min, grade_max, languages, location, hours, cost, capacity, contact, interest_areas, keywords, \
               created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19)";
    with_tx!(tx, |c| bind_resource!(sqlx::query(sql).bind(id).bind(r.district.0), r)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// Rewrites a resource of the district; false when it has none with that
/// id. A name taken by another resource is the conflict
/// `resources_district_id_name_uq`.
pub async fn update_resource(
    tx: &mut Tx,
    id: Uuid,
    r: &ResourceWrite<'_>,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE resources SET partner_id = $3, kind = $4, name = $5, categories = $6, description = $7, \
               eligibility = $8, grade_min = $9, grade_max = $10, languages = $11, location = $12, hours = $13, \
               cost = $14, capacity = $15, contact = $16, interest_areas = $17, keywords = $18, updated_at = $19 \
               WHERE id = $1 AND district_id = $2";
    let n = with_tx!(tx, |c| bind_resource!(sqlx::query(sql).bind(id).bind(r.district.0), r)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The partner of a resource (none for a school opportunity).
pub async fn resource_partner(tx: &mut Tx, id: Uuid) -> Result<Option<Uuid>, DbError> {
    let sql = "SELECT partner_id FROM resources WHERE id = $1";
    Ok(with_tx!(tx, |c| sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(&mut *c)
        .await)?)
}

/// The district's resource of this name, if any.
pub async fn resource_by_name(tx: &mut Tx, district: OrgId, name: &str) -> Result<Option<Uuid>, DbError> {
    let sql = "SELECT id FROM resources WHERE district_id = $1 AND name = $2";
    Ok(with_tx!(tx, |c| sqlx::query_scalar(sql)
        .bind(district.0)
        .bind(name)
        .fetch_optional(&mut *c)
        .await)?)
}

/// How many referrals and enrolments (any state) name a resource.
pub async fn resource_referrals(tx: &mut Tx, id: Uuid) -> Result<i64, DbError> {
    let sql = "SELECT COUNT(*) FROM referrals WHERE resource_id = $1";
    Ok(with_tx!(tx, |c| sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(&mut *c)
        .await)?)
}

/// Deletes a resource of the district; false when it has none with that id.
pub async fn delete_resource(tx: &mut Tx, district: OrgId, id: Uuid) -> Result<bool, DbError> {
    let sql = "DELETE FROM resources WHERE district_id = $1 AND id = $2";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(district.0)
        .bind(id)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

const RESOURCE_COLUMNS: &str = "r.id, r.partner_id, pa.name AS partner_name, r.kind, r.name, r.categories, \
     r.description, r.eligibility, r.grade_min, r.grade_max, r.languages, r.location, r.hours, r.cost, r.capacity, \
     r.contact, r.interest_areas, r.keywords, \
     (SELECT COUNT(*) FROM referrals f WHERE f.resource_id = r.id AND f.status IN ('sent', 'accepted', 'in_service')) AS taken";

/// The district's directory, by name; `q` filters on the name, the
/// partner's name, the categories and the keywords (lower-cased
/// substring); `category` on one category key.
pub async fn resources(db: &Db, district: OrgId, q: &str, category: &str) -> Result<Vec<ResourceRow>, DbError> {
    let q = format!("%{}%", q.trim().to_lowercase());
    let category = format!("%{}%", category.trim());
    let sql = format!(
        "SELECT {RESOURCE_COLUMNS} FROM resources r LEFT JOIN partners pa ON pa.id = r.partner_id \
         WHERE r.district_id = $1 AND (LOWER(r.name) LIKE $2 OR LOWER(COALESCE(pa.name, '')) LIKE $2 \
         OR r.categories LIKE $2 OR r.keywords LIKE $2) AND r.categories LIKE $3 ORDER BY r.name LIMIT 2000"
    );
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(district.0)
        .bind(&q)
        .bind(&category)
        .fetch_all(p)
        .await)?)
}

pub async fn resource(db: &Db, district: OrgId, id: Uuid) -> Result<Option<ResourceRow>, DbError> {
    let sql = format!(
        "SELECT {RESOURCE_COLUMNS} FROM resources r LEFT JOIN partners pa ON pa.id = r.partner_id \
         WHERE r.district_id = $1 AND r.id = $2"
    );
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(district.0)
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

// ---- partner users --------------------------------------------------------

pub async fn add_partner_user(
    tx: &mut Tx,
    district: OrgId,
    person: PersonId,
    partner: Uuid,
    by: PersonId,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO partner_users (person_id, partner_id, district_id, created_by, created_at) \
               VALUES ($1, $2, $3, $4, $5)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(person.0)
        .bind(partner)
        .bind(district.0)
        .bind(by.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// The organisation a person works for as a partner user.
pub async fn partner_of(db: &Db, person: PersonId) -> Result<Option<Uuid>, DbError> {
    let sql = "SELECT partner_id FROM partner_users WHERE person_id = $1";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(person.0)
        .fetch_optional(p)
        .await)?)
}

#[derive(Debug, Clone, FromRow)]
pub struct PartnerUserRow {
    pub person_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub username: Option<String>,
    pub email: Option<String>,
}

pub async fn partner_users(db: &Db, partner: Uuid) -> Result<Vec<PartnerUserRow>, DbError> {
    let sql = "SELECT u.person_id, p.given_name, p.family_name, a.username, p.email FROM partner_users u \
               JOIN persons p ON p.id = u.person_id LEFT JOIN accounts a ON a.person_id = u.person_id \
               WHERE u.partner_id = $1 ORDER BY p.family_name, p.given_name";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(partner)
        .fetch_all(p)
        .await)?)
}

/// Changes a partner user's names and email; false when the person is not
/// a user of that partner.
pub async fn update_partner_user(
    tx: &mut Tx,
    partner: Uuid,
    person: PersonId,
    names: (&str, &str, Option<&str>),
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE persons SET given_name = $3, family_name = $4, email = $5, updated_at = $6 \
               WHERE id = $2 AND id IN (SELECT person_id FROM partner_users WHERE partner_id = $1)";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(partner)
        .bind(person.0)
        .bind(names.0)
        .bind(names.1)
        .bind(names.2)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Ends a partner user: the tie to the organisation goes, the account is
/// disabled and its sessions end (the person and what they did stay in the
/// record). False when the person is not a user of that partner.
pub async fn remove_partner_user(tx: &mut Tx, partner: Uuid, person: PersonId) -> Result<bool, DbError> {
    let tie = "DELETE FROM partner_users WHERE partner_id = $1 AND person_id = $2";
    let account = "UPDATE accounts SET disabled = TRUE WHERE person_id = $1";
    let sessions = "DELETE FROM sessions WHERE account_id IN (SELECT id FROM accounts WHERE person_id = $1)";
    let n = with_tx!(tx, |c| {
        let n = sqlx::query(tie)
            .bind(partner)
            .bind(person.0)
            .execute(&mut *c)
            .await?
            .rows_affected();
        if n == 1 {
            sqlx::query(account).bind(person.0).execute(&mut *c).await?;
            sqlx::query(sessions).bind(person.0).execute(&mut *c).await?;
        }
        Ok::<_, sqlx::Error>(n)
    })?;
    Ok(n == 1)
}

// ---- consents -------------------------------------------------------------

#[derive(Debug, Clone, FromRow)]
pub struct ConsentRow {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub partner_name: String,
    pub categories: String,
    pub purpose: String,
    pub granted_on: Date,
    pub expires_on: Date,
    pub method: String,
    pub granted_by: Option<Uuid>,
    pub signer_name: Option<String>,
    pub scan_key: Option<String>,
    pub language: String,
    pub revoked_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
}

pub struct ConsentWrite<'a> {
    pub id: Uuid,
    pub district: OrgId,
    pub student: StudentId,
    pub partner: Uuid,
    pub categories: &'a str,
    pub purpose: &'a str,
    pub granted_on: Date,
    pub expires_on: Date,
    pub method: &'a str,
    pub granted_by: Option<PersonId>,
    pub signer_name: Option<&'a str>,
    pub scan_key: Option<&'a str>,
    pub language: &'a str,
    pub recorded_by: PersonId,
}

pub async fn insert_consent(tx: &mut Tx, c: &ConsentWrite<'_>, now: OffsetDateTime) -> Result<Uuid, DbError> {
    let id = c.id;
    let sql = "INSERT INTO consents (id, district_id, student_id, partner_id, categories, purpose, granted_on, \
               expires_on, method, granted_by, signer_name, scan_key, language, recorded_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";
    with_tx!(tx, |x| sqlx::query(sql)
        .bind(id)
        .bind(c.district.0)
        .bind(c.student.0)
        .bind(c.partner)
        .bind(c.categories)
        .bind(c.purpose)
        .bind(c.granted_on)
        .bind(c.expires_on)
        .bind(c.method)
        .bind(c.granted_by.map(|p| p.0))
        .bind(c.signer_name)
        .bind(c.scan_key)
        .bind(c.language)
        .bind(c.recorded_by.0)
        .bind(now)
        .execute(&mut *x)
        .await
        .map(|_| ()))?;
    Ok(id)
}

/// Revokes a consent of the student; false when there is no such consent
/// or it was already revoked.
pub async fn revoke_consent(
    tx: &mut Tx,
    student: StudentId,
    id: Uuid,
    by: PersonId,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE consents SET revoked_at = $1, revoked_by = $2 \
               WHERE id = $3 AND student_id = $4 AND revoked_at IS NULL";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(now)
        .bind(by.0)
        .bind(id)
        .bind(student.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

const CONSENT_COLUMNS: &str = "c.id, c.partner_id, pa.name AS partner_name, c.categories, c.purpose, c.granted_on, \
     c.expires_on, c.method, c.granted_by, c.signer_name, c.scan_key, c.language, c.revoked_at, c.created_at";

/// The student's consents, newest first; `partner` narrows to one.
pub async fn consents(db: &Db, student: StudentId, partner: Option<Uuid>) -> Result<Vec<ConsentRow>, DbError> {
    let sql = format!(
        "SELECT {CONSENT_COLUMNS} FROM consents c JOIN partners pa ON pa.id = c.partner_id \
         WHERE c.student_id = $1 AND ($2 IS NULL OR c.partner_id = $2) ORDER BY c.created_at DESC, c.id DESC LIMIT 500"
    );
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(student.0)
        .bind(partner)
        .fetch_all(p)
        .await)?)
}

pub async fn consent(db: &Db, student: StudentId, id: Uuid) -> Result<Option<ConsentRow>, DbError> {
    let sql = format!(
        "SELECT {CONSENT_COLUMNS} FROM consents c JOIN partners pa ON pa.id = c.partner_id \
         WHERE c.student_id = $1 AND c.id = $2"
    );
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(student.0)
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

// ---- referrals ------------------------------------------------------------

#[derive(Debug, Clone, FromRow)]
pub struct ReferralRow {
    pub id: Uuid,
    pub student_id: Uuid,
    pub school_id: Option<Uuid>,
    pub resource_id: Uuid,
    pub resource_name: String,
    pub partner_id: Option<Uuid>,
    pub partner_name: Option<String>,
    pub kind: String,
    pub category: String,
    pub need_id: Option<Uuid>,
    pub goal_id: Option<Uuid>,
    pub reason: String,
    pub status: String,
    pub sent_on: Date,
    pub accepted_on: Option<Date>,
    pub declined_on: Option<Date>,
    pub first_service_on: Option<Date>,
    pub closed_on: Option<Date>,
    pub outcome: Option<String>,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
}

const REFERRAL_COLUMNS: &str =
    "f.id, f.student_id, s.school_id, f.resource_id, r.name AS resource_name, f.partner_id, \
     pa.name AS partner_name, f.kind, f.category, f.need_id, f.goal_id, f.reason, f.status, f.sent_on, f.accepted_on, \
     f.declined_on, f.first_service_on, f.closed_on, f.outcome, p.given_name, p.family_name, p.preferred_name";
const REFERRAL_FROM: &str = "referrals f JOIN resources r ON r.id = f.resource_id \
     LEFT JOIN partners pa ON pa.id = f.partner_id JOIN students s ON s.person_id = f.student_id \
     JOIN persons p ON p.id = f.student_id";

pub struct ReferralWrite<'a> {
    pub id: Uuid,
    pub district: OrgId,
    pub student: StudentId,
    pub resource: Uuid,
    pub partner: Option<Uuid>,
    pub kind: &'a str,
    pub category: &'a str,
    pub need: Option<Uuid>,
    pub goal: Option<Uuid>,
    pub reason: &'a str,
    pub sent_on: Date,
    pub created_by: PersonId,
}

pub async fn insert_referral(tx: &mut Tx, r: &ReferralWrite<'_>, now: OffsetDateTime) -> Result<Uuid, DbError> {
    let id = r.id;
    let sql = "INSERT INTO referrals (id, district_id, student_id, resource_id, partner_id, kind, category, need_id, \
               goal_id, reason, status, sent_on, created_by, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'sent', $11, $12, $13, $13)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(r.district.0)
        .bind(r.student.0)
        .bind(r.resource)
        .bind(r.partner)
        .bind(r.kind)
        .bind(r.category)
        .bind(r.need)
        .bind(r.goal)
        .bind(r.reason)
        .bind(r.sent_on)
        .bind(r.created_by.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(id)
}

/// The referral's new status and dates.
pub struct ReferralState<'a> {
    pub status: &'a str,
    pub accepted_on: Option<Date>,
    pub declined_on: Option<Date>,
    pub first_service_on: Option<Date>,
    pub closed_on: Option<Date>,
    pub outcome: Option<&'a str>,
}

/// Stores a move, only if the referral is still at `from` (so two moves at
/// once cannot both apply); false otherwise.
pub async fn update_referral(
    tx: &mut Tx,
    id: Uuid,
    from: &str,
    s: &ReferralState<'_>,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE referrals SET status = $1, accepted_on = $2, declined_on = $3, first_service_on = $4, \
               closed_on = $5, outcome = $6, updated_at = $7 WHERE id = $8 AND status = $9";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(s.status)
        .bind(s.accepted_on)
        .bind(s.declined_on)
        .bind(s.first_service_on)
        .bind(s.closed_on)
        .bind(s.outcome)
        .bind(now)
        .bind(id)
        .bind(from)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// A step as the use case writes it.
pub struct StepWrite<'a> {
    pub id: Uuid,
    pub referral: Uuid,
    pub event: &'a str,
    pub on: Date,
    pub note: &'a str,
    pub sensitivity: &'a str,
    pub actor: PersonId,
}

pub async fn add_step(tx: &mut Tx, s: &StepWrite<'_>, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "INSERT INTO referral_steps (id, referral_id, event, on_date, note, sensitivity, actor_id, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(s.id)
        .bind(s.referral)
        .bind(s.event)
        .bind(s.on)
        .bind(s.note)
        .bind(s.sensitivity)
        .bind(s.actor.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct StepRow {
    pub event: String,
    pub on_date: Date,
    pub note: String,
    pub sensitivity: String,
    pub given_name: String,
    pub family_name: String,
}

/// A referral's steps of the given classes, in order.
pub async fn steps(db: &Db, referral: Uuid, classes: &[&str]) -> Result<Vec<StepRow>, DbError> {
    if classes.is_empty() {
        return Ok(vec![]);
    }
    let placeholders: Vec<String> = (0..classes.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "SELECT t.event, t.on_date, t.note, t.sensitivity, p.given_name, p.family_name FROM referral_steps t \
         JOIN persons p ON p.id = t.actor_id WHERE t.referral_id = $1 AND t.sensitivity IN ({}) \
         ORDER BY t.created_at, t.id",
        placeholders.join(", ")
    );
    Ok(with_reader!(db, |p| {
        let mut q = sqlx::query_as(&sql).bind(referral);
        for c in classes {
            q = q.bind(*c);
        }
        q.fetch_all(p).await
    })?)
}

pub async fn referrals_of_student(db: &Db, student: StudentId) -> Result<Vec<ReferralRow>, DbError> {
    let sql = format!(
        "SELECT {REFERRAL_COLUMNS} FROM {REFERRAL_FROM} WHERE f.student_id = $1 \
         ORDER BY f.created_at DESC, f.id DESC LIMIT 500"
    );
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

pub async fn referrals_of_partner(db: &Db, partner: Uuid) -> Result<Vec<ReferralRow>, DbError> {
    let sql = format!(
        "SELECT {REFERRAL_COLUMNS} FROM {REFERRAL_FROM} WHERE f.partner_id = $1 \
         ORDER BY f.created_at DESC, f.id DESC LIMIT 2000"
    );
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(partner)
        .fetch_all(p)
        .await)?)
}

pub async fn referral(db: &Db, id: Uuid) -> Result<Option<ReferralRow>, DbError> {
    let sql = format!("SELECT {REFERRAL_COLUMNS} FROM {REFERRAL_FROM} WHERE f.id = $1");
    Ok(with_reader!(db, |p| sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

// ---- loop metrics ---------------------------------------------------------

/// Referrals (not enrolments) of one school, partner and status.
#[derive(Debug, Clone, FromRow)]
pub struct StatusCount {
    pub school_id: Option<Uuid>,
    pub school_name: Option<String>,
    pub partner_id: Option<Uuid>,
    pub partner_name: Option<String>,
    pub status: String,
    pub n: i64,
    /// Of those, closed with an outcome.
    pub closed_with_outcome: i64,
}

/// How many referrals of one school and partner took `days` days from sent
/// to the step (`acceptance` or `first_service`).
#[derive(Debug, Clone, FromRow)]
pub struct DaysCount {
    pub school_id: Option<Uuid>,
    pub partner_id: Option<Uuid>,
    pub step: String,
    pub days: i64,
    pub n: i64,
}

/// The loop metrics' counts for the district, aggregated in SQL: referrals
/// per school, partner and status, and the days to acceptance and to the
/// first service as (days, how many) per school and partner — one row per
/// distinct value, so nothing is cut however many referrals there are.
pub async fn loop_counts(db: &Db, district: OrgId) -> Result<(Vec<StatusCount>, Vec<DaysCount>), DbError> {
    let by_status = "SELECT s.school_id, o.name AS school_name, f.partner_id, pa.name AS partner_name, f.status, \
                COUNT(*) AS n, \
                SUM(CASE WHEN f.status = 'closed' AND f.outcome IS NOT NULL THEN 1 ELSE 0 END) AS closed_with_outcome \
         FROM referrals f JOIN students s ON s.person_id = f.student_id \
         LEFT JOIN orgs o ON o.id = s.school_id LEFT JOIN partners pa ON pa.id = f.partner_id \
         WHERE f.district_id = $1 AND f.kind = 'referral' \
         GROUP BY s.school_id, o.name, f.partner_id, pa.name, f.status";
    // Whole days between two dates: the one place the engines differ.
    let between = |to: &str| match db.engine() {
        "postgres" => format!("CAST(f.{to} - f.sent_on AS BIGINT)"),
        _ => format!("CAST(julianday(f.{to}) - julianday(f.sent_on) AS INTEGER)"),
    };
    let days_of = |step: &str, to: &str| {
        let d = between(to);
        format!(
            "SELECT s.school_id, f.partner_id, '{step}' AS step, {d} AS days, COUNT(*) AS n \
             FROM referrals f JOIN students s ON s.person_id = f.student_id \
             WHERE f.district_id = $1 AND f.kind = 'referral' AND f.{to} IS NOT NULL \
             GROUP BY s.school_id, f.partner_id, {d}"
        )
    };
    let days = format!(
        "{} UNION ALL {}",
        days_of("acceptance", "accepted_on"),
        days_of("first_service", "first_service_on")
    );
    Ok(with_reader!(db, |p| {
        let counts = sqlx::query_as(by_status).bind(district.0).fetch_all(p).await?;
        let days = sqlx::query_as(&days).bind(district.0).fetch_all(p).await?;
        Ok::<_, sqlx::Error>((counts, days))
    })?)
}

/// For the demo's referrals: (student, guardian with educational rights,
/// plan manager, the guardian's language) of the district's active
/// students in grades 6–11, none of them a showcase (`demo.`) account or
/// its family, the showcase counselor's students first; a student shows
/// once a guardian and manager pair.
pub async fn demo_referral_students(tx: &mut Tx, district: OrgId) -> Result<Vec<(Uuid, Uuid, Uuid, String)>, DbError> {
    let sql = "SELECT s.person_id, g.guardian_id, pm.staff_id, gp.preferred_language FROM students s \
               JOIN persons p ON p.id = s.person_id \
               JOIN guardian_links g ON g.student_id = s.person_id AND g.status = 'active' AND g.educational_rights \
               JOIN persons gp ON gp.id = g.guardian_id \
               JOIN plan_managers pm ON pm.student_id = s.person_id AND pm.ended_at IS NULL \
               WHERE p.district_id = $1 AND s.status = 'active' AND s.grade_level BETWEEN 6 AND 11 \
                 AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.username LIKE 'demo.%' \
                     AND (a.person_id = s.person_id OR a.person_id IN \
                          (SELECT l.guardian_id FROM guardian_links l WHERE l.student_id = s.person_id))) \
               ORDER BY CASE WHEN EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = pm.staff_id \
                     AND a.username = 'demo.counselor') THEN 0 ELSE 1 END, s.person_id, g.guardian_id, pm.staff_id \
               LIMIT 200";
    Ok(with_tx!(tx, |c| sqlx::query_as(sql)
        .bind(district.0)
        .fetch_all(&mut *c)
        .await)?)
}

// ---- disclosures ----------------------------------------------------------

pub struct DisclosureWrite<'a> {
    pub district: OrgId,
    pub student: StudentId,
    pub partner: Uuid,
    pub person: PersonId,
    pub referral: Option<Uuid>,
    pub consent: Uuid,
    pub categories: &'a str,
    pub purpose: &'a str,
}

pub async fn insert_disclosure(tx: &mut Tx, d: &DisclosureWrite<'_>, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "INSERT INTO disclosures (id, district_id, student_id, partner_id, person_id, referral_id, consent_id, \
               categories, purpose, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(Uuid::now_v7())
        .bind(d.district.0)
        .bind(d.student.0)
        .bind(d.partner)
        .bind(d.person.0)
        .bind(d.referral)
        .bind(d.consent)
        .bind(d.categories)
        .bind(d.purpose)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct DisclosureRow {
    pub at: OffsetDateTime,
    pub partner_name: String,
    pub given_name: String,
    pub family_name: String,
    pub categories: String,
    pub purpose: String,
}

/// The student's record of disclosures, newest first.
pub async fn disclosures(db: &Db, student: StudentId) -> Result<Vec<DisclosureRow>, DbError> {
    let sql = "SELECT d.at, pa.name AS partner_name, p.given_name, p.family_name, d.categories, d.purpose \
               FROM disclosures d JOIN partners pa ON pa.id = d.partner_id JOIN persons p ON p.id = d.person_id \
               WHERE d.student_id = $1 ORDER BY d.at DESC LIMIT 1000";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

// ---- settings -------------------------------------------------------------

/// The district's reminder age, if it set one.
pub async fn reminder_days(db: &Db, district: OrgId) -> Result<Option<i32>, DbError> {
    let sql = "SELECT reminder_days FROM partner_settings WHERE district_id = $1";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(district.0)
        .fetch_optional(p)
        .await)?)
}

pub async fn set_reminder_days(tx: &mut Tx, district: OrgId, days: i32, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "INSERT INTO partner_settings (district_id, reminder_days, updated_at) VALUES ($1, $2, $3) \
               ON CONFLICT (district_id) DO UPDATE SET reminder_days = excluded.reminder_days, \
               updated_at = excluded.updated_at";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(district.0)
        .bind(days)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// The languages of the student and their active guardians.
pub async fn family_languages(db: &Db, student: StudentId) -> Result<Vec<String>, DbError> {
    let sql = "SELECT preferred_language FROM persons WHERE id = $1 \
               UNION SELECT contact_language FROM guardian_links WHERE student_id = $1 AND status = 'active'";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

/// The student's open needs: id, kind, class.
pub async fn open_needs(db: &Db, student: StudentId) -> Result<Vec<(Uuid, String, String)>, DbError> {
    let sql =
        "SELECT id, kind, sensitivity FROM needs WHERE student_id = $1 AND status IN ('identified', 'in_progress')";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}
