//! academicSessions, courses, classes and enrollments: each row resolved
//! against what earlier files (or ssp) hold, then applied.

use std::collections::HashSet;

use ssp_db::repo::roster::{self as repo, ClassRec, CourseRec, EnrollmentRec, SessionRec};

use super::index::{Index, Pending};
use super::rows::{self, SessionRow};
use super::{collect, stream, Cause, Run, Why};
use crate::ImportError;

impl Run<'_> {
    pub(super) async fn sessions(&mut self) -> Result<(), ImportError> {
        const FILE: &str = "academicSessions";
        let mut index = Index::from_stored(repo::load_sessions(&mut self.tx, self.district).await?);
        if let Some(mode) = self.mode(FILE) {
            let mut waiting: Vec<(u64, SessionRow)> = Vec::new();
            let (parsed, warnings) = collect(&self.pkg, FILE, rows::session).await?;
            for (line, w) in warnings {
                self.warn(FILE, line, w);
            }
            for (line, row) in parsed {
                self.row_read(FILE);
                let Some(r) = self.good(FILE, line, row) else { continue };
                let Some(_) = r.session_type else {
                    let why = format!(
                        "the session type {} is an extension, which ssp does not keep",
                        r.type_name
                    );
                    self.skip(FILE, line, Some("type"), why);
                    let why = Why::Skipped("its type is an extension ssp does not keep");
                    self.look.note(FILE, &r.head.sid, Cause { file: FILE, line, why });
                    continue;
                };
                waiting.push((line, r));
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
                        self.reject(FILE, line, &r.head.sid, bad);
                    }
                    break;
                }
                for (line, r) in ready {
                    let parent_id = match &r.parent {
                        None => None,
                        Some(p) => match index.id(p) {
                            Some(id) => Some(id),
                            None => {
                                self.missing((FILE, line, "parentSourcedId"), "academic session", FILE, p);
                                let why = Why::Rejected(Some("parentSourcedId"));
                                self.look.note(FILE, &r.head.sid, Cause { file: FILE, line, why });
                                continue;
                            }
                        },
                    };
                    let rec = SessionRec {
                        title: r.title,
                        session_type: r.session_type.unwrap_or_default(),
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
                        self.missing((FILE, line, "orgSourcedId"), "org", "orgs", &r.org);
                        let why = Why::Skipped("its org is not in ssp");
                        self.look.note(FILE, &r.head.sid, Cause { file: FILE, line, why });
                        continue;
                    };
                    let rec = CourseRec {
                        org_id,
                        title: r.title,
                        course_code: r.course_code,
                        grades: r.grades,
                        subjects: r.subjects,
                        subject_codes: r.subject_codes,
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
                    // Every missing reference of the row is reported, not only the first.
                    let mut ok = true;
                    let course_id = self.look.courses.get(r.course.as_str()).copied();
                    if course_id.is_none() {
                        self.missing((FILE, line, "courseSourcedId"), "course", "courses", &r.course);
                        ok = false;
                    }
                    let school_id = match self.look.orgs.get(r.school.as_str()) {
                        Some(&(id, "school")) => Some(id),
                        Some(_) => {
                            let why = format!("{:?} is not a school", r.school);
                            self.bad(FILE, line, (Some("schoolSourcedId"), why));
                            ok = false;
                            None
                        }
                        None => {
                            self.missing((FILE, line, "schoolSourcedId"), "school", "orgs", &r.school);
                            ok = false;
                            None
                        }
                    };
                    let mut terms = Vec::with_capacity(r.terms.len());
                    for t in &r.terms {
                        match self.look.sessions.get(t.as_str()) {
                            Some(&id) => terms.push(id),
                            None => {
                                let at = (FILE, line, "termSourcedIds");
                                self.missing(at, "academic session", "academicSessions", t);
                                ok = false;
                            }
                        }
                    }
                    let (true, Some(course_id), Some(school_id)) = (ok, course_id, school_id) else {
                        let why = Why::Skipped("a course, school or term it names is not in ssp");
                        self.look.note(FILE, &r.head.sid, Cause { file: FILE, line, why });
                        continue;
                    };
                    terms.sort();
                    terms.dedup();
                    let rec = ClassRec {
                        course_id,
                        school_id,
                        title: r.title,
                        class_code: r.class_code,
                        class_type: r.class_type,
                        periods: r.periods,
                        subject_codes: r.subject_codes,
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
                let mut ok = true;
                let class = self.look.classes.get(r.class.as_str()).copied();
                if class.is_none() {
                    self.missing((FILE, line, "classSourcedId"), "class", "classes", &r.class);
                    ok = false;
                }
                match (self.look.orgs.get(r.school.as_str()), class) {
                    (Some(&(id, _)), Some((_, class_school))) if id != class_school => {
                        let why = format!("class {:?} is not taught at {:?}", r.class, r.school);
                        self.bad(FILE, line, (Some("schoolSourcedId"), why));
                        ok = false;
                    }
                    (Some(_), _) => {}
                    (None, _) => {
                        self.missing((FILE, line, "schoolSourcedId"), "school", "orgs", &r.school);
                        ok = false;
                    }
                }
                let person = self.look.persons.get(r.user.as_str()).copied();
                if person.is_none() {
                    self.missing((FILE, line, "userSourcedId"), "user", "users", &r.user);
                    ok = false;
                }
                let (true, Some((class_id, _)), Some(person_id)) = (ok, class, person) else {
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
