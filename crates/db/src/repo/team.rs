//! The SSP team of a student and its plan manager (with history).

use sqlx::FromRow;
use ssp_domain::access::TeamRole;
use ssp_domain::{OrgId, PersonId, StudentId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

#[derive(Debug, Clone, FromRow)]
pub struct TeamMemberRow {
    pub id: Uuid,
    pub staff_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub team_role: String,
    pub created_at: OffsetDateTime,
}

pub async fn members(db: &Db, student: StudentId) -> Result<Vec<TeamMemberRow>, DbError> {
    let sql = "SELECT t.id, t.staff_id, p.given_name, p.family_name, p.preferred_name, t.team_role, t.created_at \
               FROM team_members t JOIN persons p ON p.id = t.staff_id \
               WHERE t.student_id = $1 AND t.status = 'active' ORDER BY t.team_role, p.family_name";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

/// Adds a member; the same person in the same team role twice is
/// `DbError::Conflict { constraint: "team_members_active_uq" }`.
pub async fn add_member(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    staff: PersonId,
    role: TeamRole,
    added_by: PersonId,
    now: OffsetDateTime,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let sql =
        "INSERT INTO team_members (id, district_id, student_id, staff_id, team_role, status, added_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, 'active', $6, $7)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .bind(student.0)
        .bind(staff.0)
        .bind(role.as_str())
        .bind(added_by.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

/// Ends a membership; returns the staff member and role when one was
/// ended (none when the id is not an active member of this student's team).
pub async fn end_member(
    tx: &mut Tx,
    student: StudentId,
    member: Uuid,
    now: OffsetDateTime,
) -> Result<Option<(Uuid, String)>, DbError> {
    let find = "SELECT staff_id, team_role FROM team_members WHERE id = $1 AND student_id = $2 AND status = 'active'";
    let end = "UPDATE team_members SET status = 'inactive', ended_at = $3 WHERE id = $1 AND student_id = $2 AND status = 'active'";
    let found: Option<(Uuid, String)> = with_tx!(tx, |c| {
        let found = sqlx::query_as(find)
            .bind(member)
            .bind(student.0)
            .fetch_optional(&mut *c)
            .await?;
        sqlx::query(end)
            .bind(member)
            .bind(student.0)
            .bind(now)
            .execute(&mut *c)
            .await?;
        Ok::<_, sqlx::Error>(found)
    })?;
    Ok(found)
}

#[derive(Debug, Clone, FromRow)]
pub struct PlanManagerRow {
    pub staff_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub started_at: OffsetDateTime,
    pub ended_at: Option<OffsetDateTime>,
}

/// Current plan manager first, then past ones, newest first.
pub async fn plan_manager_history(db: &Db, student: StudentId) -> Result<Vec<PlanManagerRow>, DbError> {
    let sql = "SELECT m.staff_id, p.given_name, p.family_name, p.preferred_name, m.started_at, m.ended_at \
               FROM plan_managers m JOIN persons p ON p.id = m.staff_id WHERE m.student_id = $1 \
               ORDER BY CASE WHEN m.ended_at IS NULL THEN 0 ELSE 1 END, m.started_at DESC";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(student.0)
        .fetch_all(p)
        .await)?)
}

pub async fn current_plan_manager(db: &Db, student: StudentId) -> Result<Option<Uuid>, DbError> {
    let sql = "SELECT staff_id FROM plan_managers WHERE student_id = $1 AND ended_at IS NULL";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(student.0)
        .fetch_optional(p)
        .await)?)
}

/// Makes `staff` the plan manager, ending the current one's term in the same
/// transaction (so there is never zero or two).
pub async fn assign_plan_manager(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    staff: PersonId,
    by: PersonId,
    now: OffsetDateTime,
) -> Result<Option<Uuid>, DbError> {
    let current = "SELECT staff_id FROM plan_managers WHERE student_id = $1 AND ended_at IS NULL";
    let end = "UPDATE plan_managers SET ended_at = $2 WHERE student_id = $1 AND ended_at IS NULL";
    let insert = "INSERT INTO plan_managers (id, district_id, student_id, staff_id, assigned_by, started_at) \
                  VALUES ($1, $2, $3, $4, $5, $6)";
    let previous: Option<Uuid> = with_tx!(tx, |c| {
        let previous = sqlx::query_scalar(current)
            .bind(student.0)
            .fetch_optional(&mut *c)
            .await?;
        sqlx::query(end).bind(student.0).bind(now).execute(&mut *c).await?;
        sqlx::query(insert)
            .bind(Uuid::now_v7())
            .bind(district.0)
            .bind(student.0)
            .bind(staff.0)
            .bind(by.0)
            .bind(now)
            .execute(&mut *c)
            .await?;
        Ok::<_, sqlx::Error>(previous)
    })?;
    Ok(previous)
}

#[derive(Debug, Clone, FromRow)]
pub struct StaffChoice {
    pub person_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub role: String,
}

/// Staff assigned to a school in a team role, for the "add to team" form.
pub async fn staff_of_school(db: &Db, school: OrgId) -> Result<Vec<StaffChoice>, DbError> {
    let sql = "SELECT p.id AS person_id, p.given_name, p.family_name, p.preferred_name, a.role \
               FROM staff_assignments a JOIN persons p ON p.id = a.person_id \
               WHERE a.org_id = $1 AND a.status = 'active' AND a.role <> 'school_admin' AND a.role <> 'district_admin' \
               ORDER BY a.role, p.family_name, p.given_name";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(school.0)
        .fetch_all(p)
        .await)?)
}

/// Whether `person` holds `role` at `school` (a team member must).
pub async fn holds_role_at(db: &Db, person: PersonId, school: OrgId, role: &str) -> Result<bool, DbError> {
    let sql = "SELECT EXISTS (SELECT 1 FROM staff_assignments WHERE person_id = $1 AND org_id = $2 AND role = $3 AND status = 'active')";
    Ok(with_reader!(db, |p| sqlx::query_scalar(sql)
        .bind(person.0)
        .bind(school.0)
        .bind(role)
        .fetch_one(p)
        .await)?)
}

/// Bulk team rows for the demo generator.
pub struct TeamRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub staff_id: Uuid,
    pub team_role: &'static str,
}

pub struct PlanManagerBulkRow {
    pub id: Uuid,
    pub district_id: Uuid,
    pub student_id: Uuid,
    pub staff_id: Uuid,
}

pub async fn bulk_team(tx: &mut Tx, rows: &[TeamRow], now: OffsetDateTime) -> Result<(), DbError> {
    with_tx!(tx, |conn| {
        for part in rows.chunks(2_000) {
            let mut qb = sqlx::QueryBuilder::new(
                "INSERT INTO team_members (id, district_id, student_id, staff_id, team_role, status, created_at) ",
            );
            qb.push_values(part, |mut b, r| {
                b.push_bind(r.id)
                    .push_bind(r.district_id)
                    .push_bind(r.student_id)
                    .push_bind(r.staff_id)
                    .push_bind(r.team_role)
                    .push_bind("active")
                    .push_bind(now);
            });
            qb.build().execute(&mut *conn).await?;
        }
    });
    Ok(())
}

pub async fn bulk_plan_managers(tx: &mut Tx, rows: &[PlanManagerBulkRow], now: OffsetDateTime) -> Result<(), DbError> {
    with_tx!(tx, |conn| {
        for part in rows.chunks(2_500) {
            let mut qb = sqlx::QueryBuilder::new(
                "INSERT INTO plan_managers (id, district_id, student_id, staff_id, started_at) ",
            );
            qb.push_values(part, |mut b, r| {
                b.push_bind(r.id)
                    .push_bind(r.district_id)
                    .push_bind(r.student_id)
                    .push_bind(r.staff_id)
                    .push_bind(now);
            });
            qb.build().execute(&mut *conn).await?;
        }
    });
    Ok(())
}

/// Grants or withdraws a guardian's educational rights (a custody order, a
/// change the family reports); false when the link is not this student's.
pub async fn set_educational_rights(
    tx: &mut Tx,
    student: StudentId,
    link: Uuid,
    rights: bool,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let sql = "UPDATE guardian_links SET educational_rights = $3, updated_at = $4 WHERE id = $1 AND student_id = $2 AND status = 'active'";
    let n = with_tx!(tx, |c| sqlx::query(sql)
        .bind(link)
        .bind(student.0)
        .bind(rights)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
