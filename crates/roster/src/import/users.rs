//! users.csv, with roles.csv (1.2) and demographics.csv joined in: each
//! user becomes a person and, by role, a student (grades 6–12 only), a
//! guardian linked through `agentSourcedIds`, or staff with roster-owned
//! role assignments.

use ssp_domain::support::demographics::StudentDemographics;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use ssp_db::repo::roster::{
    self as repo, PersonRec, StoredAssignment, StoredLink, StoredOtherRole, StoredStudent, StudentRec, Table,
};
use time::Date;
use uuid::Uuid;

use super::index::{Change, Index, Pending};
use super::rows::{self, Grade, RoleRow, UserRow};
use super::{collect, stream, Cause, Run, Why};
use crate::package::{Mode, Version};
use crate::ImportError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Student,
    Guardian,
    Staff,
}

impl Who {
    fn kind(self) -> &'static str {
        match self {
            Who::Student => "students",
            Who::Guardian => "guardians",
            Who::Staff => "staff",
        }
    }
}

/// One role of a user, from users.csv (1.1) or roles.csv (1.2).
struct UserRole {
    role: &'static str,
    org: String,
    primary: bool,
    /// Its line in roles.csv (1.2).
    line: Option<u64>,
}

/// The ssp staff role a OneRoster role gives at an org of `org_kind`.
fn staff_role(role: &str, org_kind: &str) -> Option<&'static str> {
    match role {
        "teacher" => Some("teacher"),
        "counselor" => Some("counselor"),
        "principal" | "siteAdministrator" => Some("school_admin"),
        "districtAdministrator" | "systemAdministrator" => Some("district_admin"),
        "administrator" if org_kind == "school" => Some("school_admin"),
        "administrator" => Some("district_admin"),
        _ => None,
    }
}

fn guardian_role(role: &str) -> Option<&'static str> {
    match role {
        "parent" => Some("parent"),
        "guardian" => Some("guardian"),
        "relative" => Some("relative"),
        _ => None,
    }
}

struct StudentSlot {
    rec: StudentRec,
    active: bool,
    seen: bool,
}

struct AssignmentSlot {
    id: Uuid,
    active: bool,
    seen: bool,
}

impl Run<'_> {
    pub(super) async fn users(&mut self) -> Result<(), ImportError> {
        const FILE: &str = "users";
        let mut persons = Index::<PersonRec>::new();
        ssp_db::repo::roster_digest::persons(&mut self.tx, self.district, &mut |d| persons.load_digest(d)).await?;
        let Some(mode) = self.mode(FILE) else {
            self.look.persons = persons.ids();
            return Ok(());
        };

        let births = self.demographics().await?;
        let mut roles = self.roles().await?;

        let mut students: HashMap<Uuid, StudentSlot> = repo::load_students(&mut self.tx, self.district)
            .await?
            .into_iter()
            .map(|s: StoredStudent| {
                (
                    s.person_id,
                    StudentSlot {
                        rec: s.rec,
                        active: s.active,
                        seen: false,
                    },
                )
            })
            .collect();
        let mut local_ids: HashMap<String, Uuid> = students
            .iter()
            .filter_map(|(p, s)| s.rec.local_id.clone().map(|l| (l, *p)))
            .collect();
        let mut assignments: HashMap<(Uuid, Uuid, &'static str), AssignmentSlot> =
            repo::load_assignments(&mut self.tx, self.district)
                .await?
                .into_iter()
                .map(|a| {
                    (
                        (a.person_id, a.org_id, a.role),
                        AssignmentSlot {
                            id: a.id,
                            active: a.active,
                            seen: false,
                        },
                    )
                })
                .collect();

        let mut other_roles: HashMap<(Uuid, Uuid, &'static str), AssignmentSlot> =
            repo::load_other_roles(&mut self.tx, self.district)
                .await?
                .into_iter()
                .map(|a| {
                    let slot = AssignmentSlot {
                        id: a.id,
                        active: a.active,
                        seen: false,
                    };
                    ((a.person_id, a.org_id, a.role), slot)
                })
                .collect();
        let ssp_only: HashSet<(Uuid, Uuid)> = repo::load_ssp_only_roles(&mut self.tx, self.district)
            .await?
            .into_iter()
            .collect();
        let mut new_other: Vec<StoredOtherRole> = Vec::new();
        let mut other_on: Vec<Uuid> = Vec::new();

        let existing_links = repo::load_links(&mut self.tx, self.district).await?;
        let guardians_before: HashSet<Uuid> = existing_links.iter().map(|l| l.guardian_id).collect();
        let was = |pid: Uuid, who: Who, students: &HashMap<Uuid, StudentSlot>| {
            if students.contains_key(&pid) {
                Who::Student
            } else if guardians_before.contains(&pid) {
                Who::Guardian
            } else {
                who
            }
        };

        let mut pending = Pending::<PersonRec>::new();
        let mut new_students: Vec<StoredStudent> = Vec::new();
        let mut changed_students: Vec<StoredStudent> = Vec::new();
        let mut new_assignments: Vec<StoredAssignment> = Vec::new();
        let mut reactivated: Vec<Uuid> = Vec::new();
        let mut agents: Vec<(u64, Uuid, Who, Vec<String>)> = Vec::new();
        let mut relationship: HashMap<Uuid, &'static str> = HashMap::new();
        let mut gone: Vec<Uuid> = Vec::new();
        let mut new_guardians: Vec<(u64, Uuid, String, Vec<u64>)> = Vec::new();

        let mut rx = stream(&self.pkg, FILE, rows::user);
        while let Some(batch) = self.next_batch(&mut rx, FILE).await? {
            for (line, row) in batch {
                self.row_read(FILE);
                let Some(r): Option<UserRow> = self.good(FILE, line, row) else {
                    continue;
                };
                let sid = r.head.sid.clone();
                if mode == Mode::Bulk && persons.map.get(sid.as_str()).is_some_and(|s| s.seen) {
                    let why = format!("sourcedId {sid:?} appears more than once in this file; the first row was kept");
                    self.bad(FILE, line, (Some("sourcedId"), why));
                    continue;
                }
                let cause_here = move |why: Why| Cause { file: FILE, line, why };

                // Who is this? (Only asked of active rows.)
                let user_roles: Vec<UserRole> = match (&r.roles_1_1, self.pkg.version) {
                    (Some((Some(role), orgs)), Version::V1_1) => orgs
                        .iter()
                        .enumerate()
                        .map(|(i, org)| UserRole {
                            role,
                            org: org.clone(),
                            primary: i == 0,
                            line: None,
                        })
                        .collect(),
                    (Some((None, _)), Version::V1_1) => {
                        let why = "the user's role is an extension (ext:…), which ssp does not keep".to_owned();
                        self.skip(FILE, line, Some("role"), why);
                        self.look
                            .not_loaded
                            .insert(sid.into(), cause_here(Why::Skipped("extension role")));
                        continue;
                    }
                    _ => roles.take(&sid),
                };
                let person_only = r.head.active && user_roles.is_empty();
                if person_only && mode == Mode::Bulk {
                    if let Some(&role_line) = roles.ext_only.get(sid.as_str()) {
                        let why = format!(
                            "the user's only roles are extensions (ext:…, roles.csv line {role_line}), which ssp does not keep"
                        );
                        self.skip(FILE, line, Some("sourcedId"), why);
                        self.look
                            .not_loaded
                            .insert(sid.into(), cause_here(Why::Skipped("extension roles only")));
                        continue;
                    }
                    let (column, why) = if self.pkg.version == Version::V1_2 {
                        ("sourcedId", "no row in roles.csv gives this user a role")
                    } else {
                        ("orgSourcedIds", "the user has no org in orgSourcedIds")
                    };
                    self.bad(FILE, line, (Some(column), why.to_owned()));
                    self.look
                        .not_loaded
                        .insert(sid.into(), cause_here(Why::Rejected(Some(column))));
                    continue;
                }
                let who = if user_roles.iter().any(|u| u.role == "student") {
                    Who::Student
                } else if user_roles.iter().any(|u| guardian_role(u.role).is_some()) {
                    Who::Guardian
                } else {
                    Who::Staff
                };

                // A student must be in grades 6–12 at a known school.
                let mut student = None;
                if r.head.active && who == Who::Student {
                    let grade = match r.grade {
                        Some(Grade::InScope(g)) => g,
                        Some(Grade::OutOfScope) => {
                            let why = "the student is outside grades 6–12, which ssp plans cover".to_owned();
                            self.skip(FILE, line, Some("grades"), why);
                            self.skip_roles(&user_roles);
                            let why = Why::Skipped("outside grades 06–12");
                            self.look.not_loaded.insert(sid.into(), cause_here(why));
                            continue;
                        }
                        None => {
                            // As grade 05: ssp keeps grades 06–12 only, and a
                            // student without a grade may be in any.
                            let why =
                                "the student has no grade; ssp keeps students in grades 06–12, so it was not loaded"
                                    .to_owned();
                            self.skip(FILE, line, Some("grades"), why);
                            self.skip_roles(&user_roles);
                            let why = Why::Skipped("no grade");
                            self.look.not_loaded.insert(sid.into(), cause_here(why));
                            continue;
                        }
                    };
                    let school_sid = user_roles
                        .iter()
                        .filter(|u| u.role == "student")
                        .max_by_key(|u| u.primary)
                        .map(|u| u.org.clone())
                        .or_else(|| r.primary_org.clone())
                        .unwrap_or_default();
                    let school_id = match self.look.orgs.get(school_sid.as_str()) {
                        Some(&(id, "school")) => id,
                        _ => {
                            let column = if self.pkg.version == Version::V1_1 {
                                "orgSourcedIds"
                            } else {
                                "sourcedId"
                            };
                            let why = match self.look.cause("orgs", &school_sid) {
                                Some(cause) => format!(
                                    "the student's school is missing: {}",
                                    cause.describe("org", &school_sid)
                                ),
                                None => format!("the student's school {school_sid:?} is not a known school"),
                            };
                            self.bad(FILE, line, (Some(column), why));
                            self.look
                                .not_loaded
                                .insert(sid.into(), cause_here(Why::Rejected(Some(column))));
                            continue;
                        }
                    };
                    let existing_id = persons.id(&sid);
                    if let Some(local) = &r.identifier {
                        if let Some(other) = local_ids.get(local) {
                            if Some(*other) != existing_id {
                                let why = format!("identifier {local:?} already belongs to another student");
                                self.bad(FILE, line, (Some("identifier"), why));
                                let why = Why::Rejected(Some("identifier"));
                                self.look.not_loaded.insert(sid.into(), cause_here(why));
                                continue;
                            }
                        }
                    }
                    let birth_date: Option<Date> = match &births {
                        Some(b) => b.get(sid.as_str()).and_then(|&(d, _, _)| d),
                        None => existing_id
                            .and_then(|p| students.get(&p))
                            .and_then(|s| s.rec.birth_date),
                    };
                    student = Some(StudentRec {
                        school_id,
                        local_id: r.identifier.clone(),
                        grade_level: grade,
                        graduation_year: self.school_year + 12 - grade,
                        birth_date,
                    });
                }

                let (change, write) = match persons.apply(&sid, r.person, r.head.active, r.head.modified, mode) {
                    Ok(done) => done,
                    Err(bad) => {
                        self.bad(FILE, line, bad);
                        continue;
                    }
                };
                if change == Change::Nothing && mode == Mode::Bulk {
                    self.skip(FILE, line, Some("status"), super::TOBEDELETED.to_owned());
                }
                if !r.head.active {
                    let why = Why::Skipped("marked tobedeleted");
                    self.look
                        .not_loaded
                        .entry(sid.as_str().into())
                        .or_insert(cause_here(why));
                }
                self.write(&mut pending, write).await?;
                let Some(pid) = persons.id(&sid) else { continue };
                match change {
                    Change::Stale => {
                        self.stale(FILE, line, change);
                        continue;
                    }
                    Change::Deactivated => {
                        self.count(was(pid, who, &students).kind(), Change::Deactivated);
                        gone.push(pid);
                        continue;
                    }
                    Change::Nothing => continue,
                    _ => {}
                }
                if person_only {
                    // A delta row without roles: the person's fields only.
                    self.count(was(pid, who, &students).kind(), change);
                    continue;
                }

                let mut derived = Change::Unchanged;
                if let Some(rec) = student {
                    if let Some(local) = &rec.local_id {
                        local_ids.insert(local.clone(), pid);
                    }
                    match students.get_mut(&pid) {
                        Some(slot) => {
                            slot.seen = true;
                            if slot.rec != rec || !slot.active {
                                slot.rec = rec.clone();
                                slot.active = true;
                                derived = Change::Updated;
                                changed_students.push(StoredStudent {
                                    person_id: pid,
                                    rec,
                                    active: true,
                                });
                            }
                        }
                        None => {
                            students.insert(
                                pid,
                                StudentSlot {
                                    rec: rec.clone(),
                                    active: true,
                                    seen: true,
                                },
                            );
                            new_students.push(StoredStudent {
                                person_id: pid,
                                rec,
                                active: true,
                            });
                        }
                    }
                }
                if who == Who::Guardian {
                    if let Some(rel) = user_roles.iter().find_map(|u| guardian_role(u.role)) {
                        relationship.insert(pid, rel);
                    }
                }
                for u in &user_roles {
                    let Some(&(org_id, org_kind)) = self.look.orgs.get(u.org.as_str()) else {
                        if u.role != "student" {
                            let column = if self.pkg.version == Version::V1_1 {
                                "orgSourcedIds"
                            } else {
                                "sourcedId"
                            };
                            let why = format!(
                                "the {} role names an unknown org {:?}; that role was not loaded",
                                u.role, u.org
                            );
                            self.bad(FILE, line, (Some(column), why));
                        }
                        continue;
                    };
                    if let Some(other) = repo::OTHER_ROLES.iter().copied().find(|o| *o == u.role) {
                        if other == "aide" && ssp_only.contains(&(pid, org_id)) {
                            // ssp's own role (a nurse, …), as the export writes it.
                            continue;
                        }
                        match other_roles.get_mut(&(pid, org_id, other)) {
                            Some(slot) if !slot.seen => {
                                slot.seen = true;
                                if !slot.active {
                                    slot.active = true;
                                    other_on.push(slot.id);
                                    self.count("other roles", Change::Updated);
                                } else {
                                    self.count("other roles", Change::Unchanged);
                                }
                            }
                            Some(_) => {}
                            None => {
                                let id = Uuid::now_v7();
                                let slot = AssignmentSlot {
                                    id,
                                    active: true,
                                    seen: true,
                                };
                                other_roles.insert((pid, org_id, other), slot);
                                new_other.push(StoredOtherRole {
                                    id,
                                    person_id: pid,
                                    org_id,
                                    role: other,
                                    active: true,
                                });
                                self.count("other roles", Change::Created);
                            }
                        }
                        continue;
                    }
                    let Some(role) = staff_role(u.role, org_kind) else {
                        continue;
                    };
                    let org_id = if role == "district_admin" {
                        self.district
                    } else {
                        org_id
                    };
                    match assignments.get_mut(&(pid, org_id, role)) {
                        Some(slot) => {
                            if !slot.seen && !slot.active {
                                reactivated.push(slot.id);
                                derived = Change::Updated;
                                self.count("staff roles", Change::Updated);
                            } else if !slot.seen {
                                self.count("staff roles", Change::Unchanged);
                            }
                            slot.seen = true;
                            slot.active = true;
                        }
                        None => {
                            let id = Uuid::now_v7();
                            assignments.insert(
                                (pid, org_id, role),
                                AssignmentSlot {
                                    id,
                                    active: true,
                                    seen: true,
                                },
                            );
                            new_assignments.push(StoredAssignment {
                                id,
                                person_id: pid,
                                org_id,
                                role,
                                active: true,
                            });
                            if change != Change::Created {
                                derived = Change::Updated;
                            }
                            self.count("staff roles", Change::Created);
                        }
                    }
                }
                if !r.agents.is_empty() && who != Who::Staff {
                    agents.push((line, pid, who, r.agents));
                }
                if who == Who::Guardian && change == Change::Created {
                    let role_lines = user_roles.iter().filter_map(|u| u.line).collect();
                    new_guardians.push((line, pid, sid.clone(), role_lines));
                }
                let overall = match (change, derived) {
                    (Change::Created, _) => Change::Created,
                    (Change::Updated, _) | (_, Change::Updated) => Change::Updated,
                    _ => Change::Unchanged,
                };
                self.count(who.kind(), overall);

                if new_students.len() + changed_students.len() >= 5_000 {
                    pending.flush(&mut self.tx, self.district, self.now).await?;
                    self.flush_students(&mut new_students, &mut changed_students).await?;
                }
            }
        }
        pending.flush(&mut self.tx, self.district, self.now).await?;
        self.flush_students(&mut new_students, &mut changed_students).await?;
        repo::insert_assignments(&mut self.tx, self.district, &new_assignments, self.now).await?;
        for id in &reactivated {
            repo::reactivate_assignment(&mut self.tx, *id, self.now).await?;
        }
        repo::insert_other_roles(&mut self.tx, self.district, &new_other, self.now).await?;
        repo::set_other_roles(&mut self.tx, &other_on, true, self.now).await?;
        if let Some(births) = &births {
            // A birth date is kept for a student ssp keeps; every other
            // row says why it was not used.
            let mut lines: Vec<(u64, String)> = births
                .iter()
                .filter_map(|(sid, &(_, l, _))| {
                    let why = match (self.look.not_loaded.get(sid.as_str()), persons.id(sid)) {
                        (Some(cause), _) => cause.describe("user", sid),
                        (None, Some(pid)) if students.contains_key(&pid) => return None,
                        (None, Some(_)) => {
                            format!("user {sid:?} is not a student; ssp keeps birth dates of students only")
                        }
                        (None, None) if mode == Mode::Bulk => format!("user {sid:?} is not in users.csv"),
                        (None, None) => return None,
                    };
                    Some((l, why))
                })
                .collect();
            lines.sort_unstable();
            for (l, why) in lines {
                self.skip("demographics", l, Some("sourcedId"), why);
            }
            // Sex and race/ethnicity, kept apart for the fairness audit only.
            let kept: Vec<(uuid::Uuid, Option<&'static str>, &'static str)> = births
                .iter()
                .filter_map(|(sid, &(_, _, d))| {
                    let pid = persons.id(sid)?;
                    students
                        .contains_key(&pid)
                        .then(|| (pid, d.sex.map(|s| s.key()), d.race_ethnicity.key()))
                })
                .collect();
            repo::upsert_demographics(&mut self.tx, self.district, &kept, self.now).await?;
        }
        for (sid, rows) in roles.by_user.drain() {
            match self.look.not_loaded.get(&*sid) {
                // The user's row was there but not loaded: its roles follow it.
                Some(cause) => {
                    let why = cause.describe("user", &sid);
                    for r in &rows {
                        self.report.push(crate::Issue::skipped(
                            "roles",
                            r.line,
                            Some("userSourcedId"),
                            why.clone(),
                        ));
                    }
                }
                None => {
                    if let Some(first) = rows.first() {
                        let why = format!("user {sid:?} is not in users.csv");
                        self.bad("roles", first.line, (Some("userSourcedId"), why));
                    }
                }
            }
        }

        // Guardian links, from both directions of agentSourcedIds.
        let mut wanted: HashMap<(Uuid, Uuid), &'static str> = HashMap::new();
        let existing_rel: HashMap<(Uuid, Uuid), &'static str> = existing_links
            .iter()
            .map(|l| ((l.student_id, l.guardian_id), l.relationship))
            .collect();
        for (line, pid, who, names) in agents {
            for name in names {
                let Some(other) = persons.id(&name) else {
                    if !self.look.is_not_loaded(name.as_str()) {
                        let why = format!("unknown user {name:?}; the other links on this row were loaded");
                        self.bad(FILE, line, (Some("agentSourcedIds"), why));
                    }
                    continue;
                };
                let (student, guardian) = match who {
                    Who::Student => (pid, other),
                    _ => (other, pid),
                };
                if !students
                    .get(&student)
                    .is_some_and(|s| s.active && (s.seen || mode == Mode::Delta))
                {
                    continue;
                }
                let rel = relationship
                    .get(&guardian)
                    .copied()
                    .or_else(|| existing_rel.get(&(student, guardian)).copied())
                    .unwrap_or("guardian");
                if relationship.contains_key(&guardian) || who == Who::Student && persons_active(&persons, &name) {
                    wanted.insert((student, guardian), rel);
                }
            }
        }
        // A guardian new in this package but linked to no student ssp
        // keeps (say, only to a grade-5 sibling) is not loaded.
        let linked: HashSet<Uuid> = wanted.keys().map(|&(_, g)| g).collect();
        let unlinked: Vec<(u64, Uuid, String, Vec<u64>)> = new_guardians
            .into_iter()
            .filter(|(_, pid, _, _)| !linked.contains(pid))
            .collect();
        if !unlinked.is_empty() {
            let ids: Vec<Uuid> = unlinked.iter().map(|u| u.1).collect();
            repo::delete_new_persons(&mut self.tx, &ids).await?;
            for (line, _, sid, role_lines) in unlinked {
                persons.map.remove(sid.as_str());
                let why = "the guardian is linked to no student ssp keeps, so was not loaded".to_owned();
                self.skip(FILE, line, Some("agentSourcedIds"), why);
                for l in role_lines {
                    self.skip("roles", l, Some("userSourcedId"), not_loaded(&sid));
                }
                let cause = Cause {
                    file: FILE,
                    line,
                    why: Why::Skipped("a guardian linked to no student ssp keeps"),
                };
                self.look.not_loaded.insert(sid.into(), cause);
                if let Some(c) = self.counts.get_mut("guardians") {
                    c.created = c.created.saturating_sub(1);
                }
            }
        }
        let gone_set: HashSet<Uuid> = gone.iter().copied().collect();
        let mut new_links = Vec::new();
        let mut link_off = Vec::new();
        let mut seen_links = HashSet::new();
        for link in &existing_links {
            let key = (link.student_id, link.guardian_id);
            match wanted.get(&key) {
                Some(&rel) => {
                    seen_links.insert(key);
                    if !link.active || link.relationship != rel {
                        let row = StoredLink {
                            relationship: rel,
                            active: true,
                            ..link.clone()
                        };
                        repo::update_link(&mut self.tx, &row, self.now).await?;
                        self.count("guardian links", Change::Updated);
                    } else {
                        self.count("guardian links", Change::Unchanged);
                    }
                }
                None => {
                    let leaves = mode == Mode::Bulk
                        || gone_set.contains(&link.student_id)
                        || gone_set.contains(&link.guardian_id);
                    if link.active && leaves {
                        link_off.push(link.id);
                    }
                }
            }
        }
        for (&(student_id, guardian_id), &rel) in &wanted {
            if !seen_links.contains(&(student_id, guardian_id)) {
                new_links.push(StoredLink {
                    id: Uuid::now_v7(),
                    student_id,
                    guardian_id,
                    relationship: rel,
                    active: true,
                });
            }
        }
        new_links.sort_by_key(|l| (l.student_id, l.guardian_id));
        self.counts.entry("guardian links").or_default().created += new_links.len() as u64;
        repo::insert_links(&mut self.tx, self.district, &new_links, self.now).await?;
        self.deactivate(Table::GuardianLinks, &link_off, "guardian links")
            .await?;

        // Who left: in bulk, everyone the file did not name; in delta,
        // the `tobedeleted` rows (already marked above).
        if mode == Mode::Bulk {
            let left = persons.unseen_active();
            let (mut s, mut g, mut t) = (Vec::new(), Vec::new(), Vec::new());
            for pid in left {
                if students.contains_key(&pid) {
                    s.push(pid);
                } else if guardians_before.contains(&pid) {
                    g.push(pid);
                } else {
                    t.push(pid);
                }
            }
            self.deactivate(Table::Persons, &s, "students").await?;
            self.deactivate(Table::Persons, &g, "guardians").await?;
            self.deactivate(Table::Persons, &t, "staff").await?;
        } else if !gone.is_empty() {
            repo::deactivate(&mut self.tx, Table::Persons, &gone, self.now).await?;
        }
        let student_off: Vec<Uuid> = students
            .iter()
            .filter(|(p, s)| s.active && (mode == Mode::Bulk && !s.seen || gone_set.contains(p)))
            .map(|(p, _)| *p)
            .collect();
        repo::deactivate(&mut self.tx, Table::Students, &student_off, self.now).await?;
        let roles_off: Vec<Uuid> = assignments
            .iter()
            .filter(|((p, _, _), a)| a.active && (mode == Mode::Bulk && !a.seen || gone_set.contains(p)))
            .map(|(_, a)| a.id)
            .collect();
        self.deactivate(Table::StaffAssignments, &roles_off, "staff roles")
            .await?;
        let other_off: Vec<Uuid> = other_roles
            .iter()
            .filter(|((p, _, _), a)| a.active && (mode == Mode::Bulk && !a.seen || gone_set.contains(p)))
            .map(|(_, a)| a.id)
            .collect();
        repo::set_other_roles(&mut self.tx, &other_off, false, self.now).await?;
        self.counts.entry("other roles").or_default().deactivated += other_off.len() as u64;

        self.look.persons = persons.ids();
        self.file_done(FILE);
        Ok(())
    }

    async fn flush_students(
        &mut self,
        new: &mut Vec<StoredStudent>,
        changed: &mut Vec<StoredStudent>,
    ) -> Result<(), ImportError> {
        repo::insert_students(&mut self.tx, self.district, new, self.now).await?;
        new.clear();
        for s in changed.drain(..) {
            repo::update_student(&mut self.tx, &s, self.now).await?;
        }
        Ok(())
    }

    /// demographics.csv: birth dates (and the demographics kept for the
    /// fairness audit) by sourcedId, if the package has it.
    #[allow(clippy::type_complexity)]
    async fn demographics(
        &mut self,
    ) -> Result<Option<HashMap<String, (Option<Date>, u64, StudentDemographics)>>, ImportError> {
        const FILE: &str = "demographics";
        if self.mode(FILE).is_none() {
            return Ok(None);
        }
        let mut births = HashMap::new();
        let (parsed, warnings) = collect(&self.pkg, FILE, rows::demographic).await?;
        for (line, w) in warnings {
            self.warn(FILE, line, w);
        }
        for (line, row) in parsed {
            self.row_read(FILE);
            match self.good(FILE, line, row) {
                Some(d) if d.active => {
                    births.insert(d.sid, (d.birth_date, line, d.demographics));
                }
                _ => {}
            }
        }
        self.file_done(FILE);
        Ok(Some(births))
    }

    /// roles.csv (1.2): each user's roles by sourcedId, kept compact (a
    /// million rows at state scale): org sourcedIds are interned and a
    /// repeated role sourcedId is caught through a 128-bit hash.
    async fn roles(&mut self) -> Result<Roles, ImportError> {
        const FILE: &str = "roles";
        let mut roles = Roles::default();
        if self.pkg.version != Version::V1_2 || self.mode(FILE).is_none() {
            return Ok(roles);
        }
        let mut seen = HashSet::new();
        let mode = self.mode(FILE).unwrap_or(Mode::Bulk);
        let mut rx = stream(&self.pkg, FILE, |row, mode, version| {
            let sid = row.text("sourcedId").map(key128).unwrap_or_default();
            rows::role(row, mode, version).map(|r| (sid, r))
        });
        while let Some(batch) = self.next_batch(&mut rx, FILE).await? {
            for (line, row) in batch {
                self.row_read(FILE);
                let Some((sid, r)) = self.good(FILE, line, row) else {
                    continue;
                };
                if mode == Mode::Bulk && !seen.insert(sid) {
                    let why = format!(
                        "sourcedId {:?} appears more than once in this file; the first row was kept",
                        r.sid
                    );
                    self.bad(FILE, line, (Some("sourcedId"), why));
                    continue;
                }
                if r.role.is_none() {
                    let why = "the role is an extension (ext:…), which ssp does not keep".to_owned();
                    self.skip(FILE, line, Some("role"), why);
                    if r.active {
                        roles.ext_only.entry(r.user.into_boxed_str()).or_insert(line);
                    }
                    continue;
                }
                roles.add(r);
            }
        }
        self.file_done(FILE);
        Ok(roles)
    }
}

/// A 128-bit hash of a sourcedId, for sets of a million where a collision
/// (odds around 10^-26) would only misreport a duplicate.
fn key128(s: &str) -> u128 {
    let half = |salt: u8| {
        let mut h = std::hash::DefaultHasher::new();
        salt.hash(&mut h);
        s.hash(&mut h);
        h.finish()
    };
    (u128::from(half(0)) << 64) | u128::from(half(1))
}

/// One row of roles.csv as kept until its user's row comes.
struct RoleEntry {
    line: u64,
    org: u32,
    role: &'static str,
    primary: bool,
    active: bool,
}

/// roles.csv by user sourcedId.
#[derive(Default)]
struct Roles {
    by_user: HashMap<Box<str>, Vec<RoleEntry>>,
    /// Users with an extension role (skipped), by the role's line: a user
    /// with no other role is skipped, not an error.
    ext_only: HashMap<Box<str>, u64>,
    orgs: Vec<Box<str>>,
    org_index: HashMap<Box<str>, u32>,
}

impl Roles {
    fn add(&mut self, r: RoleRow) {
        let org = match self.org_index.get(r.org.as_str()) {
            Some(&i) => i,
            None => {
                let i = u32::try_from(self.orgs.len()).unwrap_or(u32::MAX);
                self.orgs.push(r.org.clone().into_boxed_str());
                self.org_index.insert(r.org.into_boxed_str(), i);
                i
            }
        };
        let entry = RoleEntry {
            line: r.line,
            org,
            role: r.role.unwrap_or_default(),
            primary: r.primary,
            active: r.active,
        };
        self.by_user
            .entry(r.user.into_boxed_str())
            .or_insert_with(|| Vec::with_capacity(1))
            .push(entry);
    }

    /// The active roles of one user (taken out of the table).
    fn take(&mut self, user: &str) -> Vec<UserRole> {
        let orgs = &self.orgs;
        self.by_user
            .remove(user)
            .unwrap_or_default()
            .into_iter()
            .filter(|r| r.active)
            .map(|r| UserRole {
                role: r.role,
                org: orgs.get(r.org as usize).map(|o| o.to_string()).unwrap_or_default(),
                primary: r.primary,
                line: Some(r.line),
            })
            .collect()
    }
}

fn not_loaded(sid: &str) -> String {
    format!("user {sid:?} was not loaded (see users.csv)")
}

impl Run<'_> {
    /// The roles.csv rows of a user who is skipped are skipped with it.
    fn skip_roles(&mut self, roles: &[UserRole]) {
        for l in roles.iter().filter_map(|u| u.line) {
            let why = "the user was not loaded (see users.csv)".to_owned();
            self.skip("roles", l, Some("userSourcedId"), why);
        }
    }
}

fn persons_active(persons: &Index<PersonRec>, sid: &str) -> bool {
    persons.map.get(sid).is_some_and(|s| s.active)
}
