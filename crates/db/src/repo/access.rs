//! The facts the access module needs about one actor and one student, and
//! the SQL form of a list scope. The decision itself is made in
//! `ssp_domain::access`; this file only reads.

use ssp_domain::access::{ListScope, Relationship, ScopePart, StudentFacts, TeamRole};
use ssp_domain::{OrgId, PersonId, StaffRole, StudentId};
use time::Date;
use uuid::Uuid;

use crate::{with_reader, Db, DbError};

/// Everything `decide` needs, for one actor and one student.
#[derive(Debug, Clone)]
pub struct AccessFacts {
    pub student: StudentId,
    pub district_id: OrgId,
    pub school_id: OrgId,
    pub relationship: Relationship,
    pub facts: StudentFacts,
}

/// The date on or before which a student born then is 18 today.
pub fn eligible_cutoff(today: Date) -> Date {
    today.replace_year(today.year() - 18).unwrap_or_else(|_| {
        // 29 February: the 18th birthday is taken as 1 March.
        Date::from_calendar_date(today.year() - 18, time::Month::March, 1).unwrap_or(today)
    })
}

#[derive(sqlx::FromRow)]
struct StudentRow {
    district_id: Uuid,
    school_id: Uuid,
    birth_date: Option<Date>,
    shares_with_guardians: bool,
    guardian_rights: Option<bool>,
    is_plan_manager: bool,
    teaches: bool,
}

/// Loads the facts, or `None` when the student does not exist (which the
/// caller answers with 404, like a denial).
pub async fn facts(db: &Db, actor: PersonId, student: StudentId, today: Date) -> Result<Option<AccessFacts>, DbError> {
    let sql = "SELECT s.district_id, s.school_id, s.birth_date, s.shares_with_guardians, \
          (SELECT g.educational_rights FROM guardian_links g WHERE g.student_id = s.person_id AND g.guardian_id = $2 AND g.status = 'active' \
             ORDER BY g.educational_rights DESC LIMIT 1) AS guardian_rights, \
          EXISTS (SELECT 1 FROM plan_managers pm WHERE pm.student_id = s.person_id AND pm.staff_id = $2 AND pm.ended_at IS NULL) AS is_plan_manager, \
          EXISTS (SELECT 1 FROM enrollments se JOIN enrollments te ON te.class_id = se.class_id JOIN classes c ON c.id = se.class_id \
             WHERE se.person_id = s.person_id AND se.role = 'student' AND se.status = 'active' AND (se.end_date IS NULL OR se.end_date >= $3) \
               AND te.person_id = $2 AND te.role = 'teacher' AND te.status = 'active' AND (te.end_date IS NULL OR te.end_date >= $3) \
               AND c.status = 'active') AS teaches \
        FROM students s WHERE s.person_id = $1 AND s.status = 'active'";
    let team_sql = "SELECT team_role FROM team_members WHERE student_id = $1 AND staff_id = $2 AND status = 'active'";
    let staff_sql = "SELECT role, org_id FROM staff_assignments WHERE person_id = $1 AND status = 'active'";
    let (row, team, staff): (Option<StudentRow>, Vec<String>, Vec<(String, Uuid)>) = with_reader!(db, |p| {
        let row = sqlx::query_as(sql)
            .bind(student.0)
            .bind(actor.0)
            .bind(today)
            .fetch_optional(p)
            .await?;
        let team = sqlx::query_scalar(team_sql)
            .bind(student.0)
            .bind(actor.0)
            .fetch_all(p)
            .await?;
        let staff = sqlx::query_as(staff_sql).bind(actor.0).fetch_all(p).await?;
        Ok::<_, sqlx::Error>((row, team, staff))
    })?;
    let Some(row) = row else { return Ok(None) };
    let eligible = row.birth_date.is_some_and(|b| b <= eligible_cutoff(today));
    let school_roles = staff
        .iter()
        .filter(|(_, org)| *org == row.school_id)
        .filter_map(|(r, _)| StaffRole::parse(r).ok())
        .collect();
    let district_admin = staff
        .iter()
        .any(|(r, org)| r == StaffRole::DistrictAdmin.as_str() && *org == row.district_id);
    Ok(Some(AccessFacts {
        student,
        district_id: OrgId(row.district_id),
        school_id: OrgId(row.school_id),
        relationship: Relationship {
            is_self: actor.0 == student.0,
            guardian_with_rights: row.guardian_rights,
            team_roles: team.iter().filter_map(|t| TeamRole::parse(t).ok()).collect(),
            is_plan_manager: row.is_plan_manager,
            teaches_student: row.teaches,
            school_roles,
            district_admin,
        },
        facts: StudentFacts {
            eligible,
            shares_with_guardians: row.shares_with_guardians,
        },
    }))
}

/// One person who stands in some relationship to a student, with all of
/// them merged into one [`Relationship`] (the same facts [`facts`] gathers
/// for that person as the actor), for `decide` to answer what they may see.
#[derive(Debug, Clone)]
pub struct Related {
    pub person: PersonId,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub relationship: Relationship,
}

#[derive(sqlx::FromRow)]
struct RelatedRow {
    person_id: Uuid,
    source: String,
    role: Option<String>,
    given_name: String,
    family_name: String,
    preferred_name: Option<String>,
}

/// Everyone the access module could let reach this student's records: the
/// student, active guardians, the plan manager, team members, every active
/// staff assignment at the student's school, teachers of the student's
/// current classes and the district's administrators, each once. One
/// statement, however many staff the school has; the caller asks `decide`
/// and drops those it answers "no" to everywhere.
pub async fn related_people(db: &Db, facts: &AccessFacts, today: Date) -> Result<Vec<Related>, DbError> {
    // The branches mirror the lookups in `facts`, one per field of
    // `Relationship`, so both read the same relationship.
    let sql = "SELECT r.person_id, r.source, r.role, p.given_name, p.family_name, p.preferred_name FROM ( \
          SELECT s.person_id AS person_id, 'self' AS source, NULL AS role FROM students s WHERE s.person_id = $1 \
          UNION ALL SELECT g.guardian_id, 'guardian', CASE WHEN g.educational_rights THEN 'rights' ELSE 'no_rights' END \
             FROM guardian_links g WHERE g.student_id = $1 AND g.status = 'active' \
          UNION ALL SELECT pm.staff_id, 'plan_manager', NULL FROM plan_managers pm WHERE pm.student_id = $1 AND pm.ended_at IS NULL \
          UNION ALL SELECT t.staff_id, 'team', t.team_role FROM team_members t WHERE t.student_id = $1 AND t.status = 'active' \
          UNION ALL SELECT a.person_id, 'school', a.role FROM staff_assignments a WHERE a.org_id = $2 AND a.status = 'active' \
          UNION ALL SELECT a.person_id, 'district', a.role FROM staff_assignments a \
             WHERE a.org_id = $3 AND a.status = 'active' AND a.role = 'district_admin' \
          UNION ALL SELECT DISTINCT te.person_id, 'teacher', NULL \
             FROM enrollments se JOIN enrollments te ON te.class_id = se.class_id JOIN classes c ON c.id = se.class_id \
             WHERE se.person_id = $1 AND se.role = 'student' AND se.status = 'active' AND (se.end_date IS NULL OR se.end_date >= $4) \
               AND te.role = 'teacher' AND te.status = 'active' AND (te.end_date IS NULL OR te.end_date >= $4) \
               AND c.status = 'active' \
        ) r JOIN persons p ON p.id = r.person_id";
    let rows: Vec<RelatedRow> = with_reader!(db, |p| sqlx::query_as(sql)
        .bind(facts.student.0)
        .bind(facts.school_id.0)
        .bind(facts.district_id.0)
        .bind(today)
        .fetch_all(p)
        .await)?;
    let mut people: Vec<Related> = Vec::new();
    let mut index: std::collections::HashMap<Uuid, usize> = std::collections::HashMap::new();
    for row in rows {
        let i = *index.entry(row.person_id).or_insert_with(|| {
            people.push(Related {
                person: PersonId(row.person_id),
                given_name: row.given_name.clone(),
                family_name: row.family_name.clone(),
                preferred_name: row.preferred_name.clone(),
                relationship: Relationship::default(),
            });
            people.len() - 1
        });
        let rel = &mut people[i].relationship;
        let role = row.role.as_deref().unwrap_or_default();
        match row.source.as_str() {
            "self" => rel.is_self = true,
            "guardian" => {
                rel.guardian_with_rights = Some(rel.guardian_with_rights == Some(true) || role == "rights");
            }
            "plan_manager" => rel.is_plan_manager = true,
            "team" => rel.team_roles.extend(TeamRole::parse(role).ok()),
            "school" => rel.school_roles.extend(StaffRole::parse(role).ok()),
            "district" => rel.district_admin = true,
            "teacher" => rel.teaches_student = true,
            _ => {}
        }
    }
    for p in &mut people {
        p.relationship.team_roles.sort();
        p.relationship.team_roles.dedup();
        p.relationship.school_roles.sort();
        p.relationship.school_roles.dedup();
    }
    Ok(people)
}

/// A bound value of a scope filter.
#[derive(Debug, Clone, Copy)]
pub enum ScopeBind {
    Id(Uuid),
    Date(Date),
}

/// `s.person_id IN (…)` for a scope, with its binds numbered from `first`.
/// An empty scope matches nothing.
pub fn scope_sql(scope: &ListScope, today: Date, first: usize) -> (String, Vec<ScopeBind>) {
    match scope_union(scope, today, first) {
        (Some(union), binds) => (format!("s.person_id IN ({union})"), binds),
        (None, binds) => ("1 = 0".into(), binds),
    }
}

/// The scope's students as one `UNION` whose column is `scope_id`, to
/// drive a query from a small scope (`FROM (…) sc CROSS JOIN students s`);
/// `None` for an empty scope.
pub fn scope_union(scope: &ListScope, today: Date, first: usize) -> (Option<String>, Vec<ScopeBind>) {
    let mut parts = Vec::new();
    let mut binds = Vec::new();
    let mut n = first;
    let mut next = |b: ScopeBind, binds: &mut Vec<ScopeBind>| {
        binds.push(b);
        let p = format!("${n}");
        n += 1;
        p
    };
    for part in &scope.parts {
        let sql = match part {
            ScopePart::Student(me) => {
                let p = next(ScopeBind::Id(me.0), &mut binds);
                format!("SELECT person_id AS scope_id FROM students WHERE person_id = {p}")
            }
            ScopePart::ChildrenOf(me) => {
                let p = next(ScopeBind::Id(me.0), &mut binds);
                let d = next(ScopeBind::Date(eligible_cutoff(today)), &mut binds);
                format!(
                    "SELECT g.student_id AS scope_id FROM guardian_links g JOIN students gs ON gs.person_id = g.student_id \
                     WHERE g.guardian_id = {p} AND g.status = 'active' AND g.educational_rights \
                     AND (gs.birth_date IS NULL OR gs.birth_date > {d} OR gs.shares_with_guardians)"
                )
            }
            ScopePart::ManagedBy(me) => {
                let p = next(ScopeBind::Id(me.0), &mut binds);
                format!("SELECT student_id AS scope_id FROM plan_managers WHERE staff_id = {p} AND ended_at IS NULL")
            }
            ScopePart::TeamOf(me) => {
                let p = next(ScopeBind::Id(me.0), &mut binds);
                format!("SELECT student_id AS scope_id FROM team_members WHERE staff_id = {p} AND status = 'active'")
            }
            ScopePart::TaughtBy(me) => {
                let p = next(ScopeBind::Id(me.0), &mut binds);
                let d = next(ScopeBind::Date(today), &mut binds);
                format!(
                    "SELECT se.person_id AS scope_id FROM enrollments te JOIN enrollments se ON se.class_id = te.class_id \
                     WHERE te.person_id = {p} AND te.role = 'teacher' AND te.status = 'active' \
                     AND se.role = 'student' AND se.status = 'active' AND (se.end_date IS NULL OR se.end_date >= {d})"
                )
            }
            ScopePart::School(org) => {
                let p = next(ScopeBind::Id(org.0), &mut binds);
                format!("SELECT person_id AS scope_id FROM students WHERE school_id = {p}")
            }
            ScopePart::District(org) => {
                let p = next(ScopeBind::Id(org.0), &mut binds);
                format!("SELECT person_id AS scope_id FROM students WHERE district_id = {p}")
            }
        };
        parts.push(sql);
    }
    if parts.is_empty() {
        return (None, binds);
    }
    (Some(parts.join(" UNION ")), binds)
}

/// The same scope as [`scope_sql`], tested row by row on a joined
/// `students s`: for short lists driven by another table (a person's
/// follow-ups, the roster of one class), where building the whole scope of
/// a school or district first would cost more than the list.
pub fn scope_row_sql(scope: &ListScope, today: Date, first: usize) -> (String, Vec<ScopeBind>) {
    let mut parts = Vec::new();
    let mut binds = Vec::new();
    let mut n = first;
    let mut next = |b: ScopeBind, binds: &mut Vec<ScopeBind>| {
        binds.push(b);
        let p = format!("${n}");
        n += 1;
        p
    };
    for part in &scope.parts {
        let sql = match part {
            ScopePart::Student(me) => format!("s.person_id = {}", next(ScopeBind::Id(me.0), &mut binds)),
            ScopePart::ChildrenOf(me) => {
                let p = next(ScopeBind::Id(me.0), &mut binds);
                let d = next(ScopeBind::Date(eligible_cutoff(today)), &mut binds);
                format!(
                    "EXISTS (SELECT 1 FROM guardian_links g WHERE g.student_id = s.person_id AND g.guardian_id = {p} \
                     AND g.status = 'active' AND g.educational_rights \
                     AND (s.birth_date IS NULL OR s.birth_date > {d} OR s.shares_with_guardians))"
                )
            }
            ScopePart::ManagedBy(me) => {
                let p = next(ScopeBind::Id(me.0), &mut binds);
                format!(
                    "EXISTS (SELECT 1 FROM plan_managers pm WHERE pm.student_id = s.person_id AND pm.staff_id = {p} AND pm.ended_at IS NULL)"
                )
            }
            ScopePart::TeamOf(me) => {
                let p = next(ScopeBind::Id(me.0), &mut binds);
                format!(
                    "EXISTS (SELECT 1 FROM team_members tm WHERE tm.student_id = s.person_id AND tm.staff_id = {p} AND tm.status = 'active')"
                )
            }
            ScopePart::TaughtBy(me) => {
                let p = next(ScopeBind::Id(me.0), &mut binds);
                let d = next(ScopeBind::Date(today), &mut binds);
                format!(
                    "EXISTS (SELECT 1 FROM enrollments se JOIN enrollments te ON te.class_id = se.class_id \
                     WHERE se.person_id = s.person_id AND se.role = 'student' AND se.status = 'active' \
                     AND (se.end_date IS NULL OR se.end_date >= {d}) \
                     AND te.person_id = {p} AND te.role = 'teacher' AND te.status = 'active')"
                )
            }
            ScopePart::School(org) => format!("s.school_id = {}", next(ScopeBind::Id(org.0), &mut binds)),
            ScopePart::District(org) => format!("s.district_id = {}", next(ScopeBind::Id(org.0), &mut binds)),
        };
        parts.push(sql);
    }
    if parts.is_empty() {
        return ("1 = 0".into(), binds);
    }
    (format!("({})", parts.join(" OR ")), binds)
}

/// Binds scope values onto a query of either engine.
#[macro_export]
macro_rules! bind_scope {
    ($q:expr, $binds:expr) => {{
        let mut q = $q;
        for b in $binds.iter() {
            q = match b {
                $crate::repo::access::ScopeBind::Id(u) => q.bind(*u),
                $crate::repo::access::ScopeBind::Date(d) => q.bind(*d),
            };
        }
        q
    }};
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn eighteenth_birthdays() {
        assert_eq!(eligible_cutoff(date!(2026 - 11 - 02)), date!(2008 - 11 - 02));
        assert_eq!(eligible_cutoff(date!(2028 - 02 - 29)), date!(2010 - 03 - 01));
    }

    #[test]
    fn an_empty_scope_matches_nothing() {
        let (sql, binds) = scope_sql(&ListScope::default(), date!(2026 - 11 - 02), 1);
        assert_eq!(sql, "1 = 0");
        assert!(binds.is_empty());
    }
}
