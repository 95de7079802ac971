//! academicSessions, courses, classes and enrollments: each row resolved
//! against what earlier files (or ssp) hold, then applied.

use std::collections::HashSet;

use ssp_db::repo::roster::{self as repo, ClassRec, CourseRec, EnrollmentRec, SessionRec};

use super::index::{Index, Pending};
use super::rows::{self, SessionRow};
use super::{collect, stream, Run};
use crate::ImportError;

impl Run<'_> {
    pub(super) async fn sessions(&mut self) -> Result<(), ImportError> {
        const FILE: &str = "academicSessions";
        let mut index = Index::from_stored(repo::load_sessions(&mut self.tx, self.district).await?);
        if let Some(mode) = self.mode(FILE) {
            let mut waiting: Vec<(u64, SessionRow)> = Vec::new();
            for (line, row) in collect(&self.pkg, FILE, rows::session).await? {
                self.row_read(FILE);
                match row {
                    Ok(r) => waiting.push((line, r)),
                    Err(bad) => self.bad(FILE, line, bad),
                }
            }
            // Parents before children (a school year before its terms).
            let mut pending = Pending::<SessionRec>::new();
            loop {
                let in_file: HashSet<String> = waiting.iter().map(|(_, r)| r.head.sid.clone()).collect();
                let (ready, later): (Vec<_>, Vec<_>) = waiting.into_iter().partition(|(_, r)| match &r.parent {
                    None => true,
                    Some(p) => !in_file.contains(p) || index.map.get(p.as_str()).is_some_and(|s| s.seen),
                });
                if ready.is_empty() {
                    for (line, r) in later {
                        let bad = (
                            Some("parentSourcedId"),
                            format!("session {:?} is its own ancestor", r.head.sid),
                        );
                        self.bad(FILE, line, bad);
                    }
                    break;
                }
                for (line, r) in ready {
                    let parent_id = match &r.parent {
                        None => None,
                        Some(p) => match index.id(p) {
                            Some(id) => Some(id),
                            None => {
                                self.bad(FILE, line, (Some("parentSourcedId"), format!("unknown session {p:?}")));
                                continue;
                            }
                        },
                    };
                    let rec = SessionRec {
                        title: r.title,
                        session_type: r.session_type,
                        start_date: r.start_date,
                        end_date: r.end_date,
                        parent_id,
                        school_year: r.school_year,
                    };
                    self.upsert(
                        &mut index,
                        &mut pending,
                        (FILE, line),
                        "academic sessions",
                        &r.head,
                        rec,
                        mode,
                    )
                    .await?;
                }
                pending.flush(&mut self.tx, self.district, self.now).await?;
                if later.is_empty() {
                    break;
                }
                waiting = later;
            }
            self.close(&mut index, &mut pending, mode, "academic sessions").await?;
            self.file_done(FILE);
        }
        self.look.sessions = index.ids();
        Ok(())
    }

    pub(super) async fn courses(&mut self) -> Result<(), ImportError> {
        const FILE: &str = "courses";
        let mut index = Index::from_stored(repo::load_courses(&mut self.tx, self.district).await?);
        if let Some(mode) = self.mode(FILE) {
            let mut pending = Pending::<CourseRec>::new();
            let mut rx = stream(&self.pkg, FILE, rows::course);
            while let Some(batch) = self.next_batch(&mut rx, FILE).await? {
                for (line, row) in batch {
                    self.row_read(FILE);
                    let Some(r) = self.good(FILE, line, row) else { continue };
                    let Some(&(org_id, _)) = self.look.orgs.get(r.org.as_str()) else {
                        self.bad(FILE, line, (Some("orgSourcedId"), format!("unknown org {:?}", r.org)));
                        continue;
                    };
                    let rec = CourseRec {
                        org_id,
                        title: r.title,
                        course_code: r.course_code,
                        grades: r.grades,
                        subjects: r.subjects,
                    };
                    self.upsert(&mut index, &mut pending, (FILE, line), "courses", &r.head, rec, mode)
                        .await?;
                }
            }
            self.close(&mut index, &mut pending, mode, "courses").await?;
            self.file_done(FILE);
        }
        self.look.courses = index.ids();
        Ok(())
    }

    pub(super) async fn classes(&mut self) -> Result<(), ImportError> {
        const FILE: &str = "classes";
        let mut index = Index::from_stored(repo::load_classes(&mut self.tx, self.district).await?);
        if let Some(mode) = self.mode(FILE) {
            let mut pending = Pending::<ClassRec>::new();
            let mut rx = stream(&self.pkg, FILE, rows::class);
            while let Some(batch) = self.next_batch(&mut rx, FILE).await? {
                for (line, row) in batch {
                    self.row_read(FILE);
                    let Some(r) = self.good(FILE, line, row) else { continue };
                    let Some(&course_id) = self.look.courses.get(r.course.as_str()) else {
                        self.bad(
                            FILE,
                            line,
                            (Some("courseSourcedId"), format!("unknown course {:?}", r.course)),
                        );
                        continue;
                    };
                    let school_id = match self.look.orgs.get(r.school.as_str()) {
                        Some(&(id, "school")) => id,
                        Some(_) => {
                            self.bad(
                                FILE,
                                line,
                                (Some("schoolSourcedId"), format!("{:?} is not a school", r.school)),
                            );
                            continue;
                        }
                        None => {
                            self.bad(
                                FILE,
                                line,
                                (Some("schoolSourcedId"), format!("unknown school {:?}", r.school)),
                            );
                            continue;
                        }
                    };
                    let mut terms = Vec::with_capacity(r.terms.len());
                    let mut unknown = None;
                    for t in &r.terms {
                        match self.look.sessions.get(t.as_str()) {
                            Some(&id) => terms.push(id),
                            None => unknown = Some(t.clone()),
                        }
                    }
                    if let Some(t) = unknown {
                        self.bad(
                            FILE,
                            line,
                            (Some("termSourcedIds"), format!("unknown academic session {t:?}")),
                        );
                        continue;
                    }
                    terms.sort();
                    terms.dedup();
                    let rec = ClassRec {
                        course_id,
                        school_id,
                        title: r.title,
                        class_code: r.class_code,
                        class_type: r.class_type,
                        periods: r.periods,
                        terms,
                    };
                    self.upsert(&mut index, &mut pending, (FILE, line), "classes", &r.head, rec, mode)
                        .await?;
                }
            }
            self.close(&mut index, &mut pending, mode, "classes").await?;
            self.file_done(FILE);
        }
        self.look.classes = index.map.iter().map(|(k, s)| (k.clone(), (s.id, s.kept))).collect();
        Ok(())
    }

    pub(super) async fn enrollments(&mut self) -> Result<(), ImportError> {
        const FILE: &str = "enrollments";
        let Some(mode) = self.mode(FILE) else { return Ok(()) };
        let mut index = Index::<EnrollmentRec>::new();
        ssp_db::repo::roster_digest::enrollments(&mut self.tx, self.district, &mut |d| index.load_digest(d)).await?;
        let mut pending = Pending::<EnrollmentRec>::new();
        let mut rx = stream(&self.pkg, FILE, rows::enrollment);
        while let Some(batch) = self.next_batch(&mut rx, FILE).await? {
            for (line, row) in batch {
                self.row_read(FILE);
                let Some(r) = self.good(FILE, line, row) else { continue };
                let Some(role) = r.role else {
                    self.skip(
                        FILE,
                        line,
                        Some("role"),
                        format!("ssp keeps student and teacher enrollments, not {}", r.role_name),
                    );
                    continue;
                };
                let Some(&(class_id, class_school)) = self.look.classes.get(r.class.as_str()) else {
                    self.bad(
                        FILE,
                        line,
                        (Some("classSourcedId"), format!("unknown class {:?}", r.class)),
                    );
                    continue;
                };
                match self.look.orgs.get(r.school.as_str()) {
                    Some(&(id, _)) if id == class_school => {}
                    Some(_) => {
                        let why = format!("class {:?} is not taught at {:?}", r.class, r.school);
                        self.bad(FILE, line, (Some("schoolSourcedId"), why));
                        continue;
                    }
                    None => {
                        self.bad(
                            FILE,
                            line,
                            (Some("schoolSourcedId"), format!("unknown school {:?}", r.school)),
                        );
                        continue;
                    }
                }
                let Some(&person_id) = self.look.persons.get(r.user.as_str()) else {
                    if self.look.not_loaded.contains(r.user.as_str()) {
                        let why = format!("user {:?} was not loaded (see users.csv)", r.user);
                        self.skip(FILE, line, Some("userSourcedId"), why);
                    } else {
                        self.bad(
                            FILE,
                            line,
                            (Some("userSourcedId"), format!("unknown user {:?}", r.user)),
                        );
                    }
                    continue;
                };
                let rec = EnrollmentRec {
                    class_id,
                    person_id,
                    role,
                    is_primary: r.primary,
                    begin_date: r.begin_date,
                    end_date: r.end_date,
                };
                self.upsert(
                    &mut index,
                    &mut pending,
                    (FILE, line),
                    "enrollments",
                    &r.head,
                    rec,
                    mode,
                )
                .await?;
            }
        }
        self.close(&mut index, &mut pending, mode, "enrollments").await?;
        self.file_done(FILE);
        Ok(())
    }
}
