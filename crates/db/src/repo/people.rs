//! People and what they are to the school: staff assignments, guardian
//! links, student records. `actor_facts` is what the web layer needs to
//! build an `Actor` at each request.

use sqlx::FromRow;
use ssp_domain::{OrgId, PersonId, StaffAssignmentId, StaffRole};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone)]
pub struct NewPerson<'a> {
    pub id: PersonId,
    pub district_id: OrgId,
    pub source_id: Option<&'a str>,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub preferred_name: Option<&'a str>,
    pub email: Option<&'a str>,
    pub preferred_language: &'a str,
}

pub async fn insert_person(tx: &mut Tx, p: &NewPerson<'_>, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "INSERT INTO persons (id, district_id, source_id, given_name, family_name, preferred_name, email, preferred_language, status, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9, $9)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(p.id.0)
        .bind(p.district_id.0)
        .bind(p.source_id)
        .bind(p.given_name)
        .bind(p.family_name)
        .bind(p.preferred_name)
        .bind(p.email)
        .bind(p.preferred_language)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn insert_staff_assignment(
    tx: &mut Tx,
    district: OrgId,
    person: PersonId,
    org: OrgId,
    role: StaffRole,
    now: OffsetDateTime,
) -> Result<StaffAssignmentId, DbError> {
    let id = StaffAssignmentId::new();
    let sql =
        "INSERT INTO staff_assignments (id, district_id, person_id, org_id, role, status, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, 'active', $6, $6)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id.0)
        .bind(district.0)
        .bind(person.0)
        .bind(org.0)
        .bind(role.as_str())
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

/// One active staff assignment with its organisation.
#[derive(Debug, Clone, FromRow)]
pub struct StaffFact {
    pub role: String,
    pub org_id: Uuid,
    pub org_name: String,
    pub org_kind: String,
}

/// Everything about a person that decides their home page and, later,
/// their access: staff assignments, whether they are a guardian, whether
/// they are a student.
#[derive(Debug, Clone, Default)]
pub struct ActorFacts {
    pub staff: Vec<StaffFact>,
    pub is_guardian: bool,
    pub is_student: bool,
    /// A community partner organisation's user (issue 18).
    pub is_partner_user: bool,
}

pub async fn actor_facts(db: &Db, person: PersonId) -> Result<ActorFacts, DbError> {
    let staff_sql = "SELECT s.role, s.org_id, o.name AS org_name, o.kind AS org_kind \
                     FROM staff_assignments s JOIN orgs o ON o.id = s.org_id \
                     WHERE s.person_id = $1 AND s.status = 'active' ORDER BY o.name, s.role";
    let flags_sql = "SELECT \
          EXISTS (SELECT 1 FROM guardian_links WHERE guardian_id = $1 AND status = 'active'), \
          EXISTS (SELECT 1 FROM students WHERE person_id = $1 AND status = 'active'), \
          EXISTS (SELECT 1 FROM partner_users WHERE person_id = $1)";
    type Flags = (bool, bool, bool);
    let (staff, (is_guardian, is_student, is_partner_user)): (Vec<StaffFact>, Flags) = with_reader!(db, |p| {
        let staff = sqlx::query_as(staff_sql).bind(person.0).fetch_all(p).await?;
        let flags = sqlx::query_as(flags_sql).bind(person.0).fetch_one(p).await?;
        Ok::<_, sqlx::Error>((staff, flags))
    })?;
    Ok(ActorFacts {
        staff,
        is_guardian,
        is_student,
        is_partner_user,
    })
}

/// The id of the person with this username, if any.
pub async fn person_by_username(db: &Db, username: &str) -> Result<Option<Uuid>, DbError> {
    let sql = "SELECT person_id FROM accounts WHERE username = $1";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(username)
        .fetch_optional(p)
        .await)?)
}
