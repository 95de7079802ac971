//! The course catalog: loaded from a CSV file with documented columns
//! (`docs/ACADEMICS.md`) in one transaction — a bad row is reported with
//! its line and column and skipped, a second load of the same file changes
//! nothing — and read for planning and the audit.

use std::io::Read;

use ssp_db::repo::academics::catalog::{self, CatalogRow};
use ssp_db::repo::audit::{self, AuditEvent};
use ssp_domain::academics::course::{CatalogCourse, CatalogCourseRaw};
use ssp_domain::audit::AuditAction;
use ssp_domain::OrgId;

use super::csv_file::{self, FileRefusal, RowProblem};
use crate::error::Error;
use crate::App;

/// The catalog file's columns: (CSV column, the domain field it fills).
pub const COLUMNS: [(&str, &str); 14] = [
    ("courseCode", "code"),
    ("courseTitle", "title"),
    ("credits", "credits"),
    ("termLength", "term_length"),
    ("subjectArea", "subject_area"),
    ("tags", "tags"),
    ("scedCode", "sced"),
    ("rigor", "rigor"),
    ("minGrade", "grade_min"),
    ("maxGrade", "grade_max"),
    ("prerequisites", "prerequisites"),
    ("pathways", "pathways"),
    ("core", "core"),
    ("repeatable", "repeatable"),
];

/// The columns a catalog file must have.
pub const REQUIRED: [&str; 7] = [
    "courseCode",
    "courseTitle",
    "credits",
    "termLength",
    "subjectArea",
    "minGrade",
    "maxGrade",
];

/// Who loads a file, into which district: a district administrator on
/// the admin page, or the command line (no person; the request id says
/// `cli`).
#[derive(Debug, Clone)]
pub struct Loader {
    pub district: OrgId,
    pub person: Option<ssp_domain::PersonId>,
    pub request_id: String,
}

impl From<&crate::actor::Actor> for Loader {
    fn from(a: &crate::actor::Actor) -> Self {
        Loader {
            district: a.district,
            person: Some(a.person),
            request_id: a.request_id.clone(),
        }
    }
}

/// What a load did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub problems: Vec<RowProblem>,
}

impl LoadReport {
    /// One line for the CLI and the admin page.
    pub fn summary(&self) -> String {
        format!(
            "{} created, {} updated, {} unchanged, {} row(s) with problems",
            self.created,
            self.updated,
            self.unchanged,
            self.problems.len()
        )
    }
}

pub(crate) fn column_of(columns: &[(&'static str, &'static str)], field: &str) -> Option<String> {
    columns.iter().find(|(_, f)| *f == field).map(|(c, _)| (*c).to_owned())
}

/// The stored form of a course.
pub fn row_of(c: &CatalogCourse) -> CatalogRow {
    let join = |v: Vec<String>| v.join(",");
    CatalogRow {
        code: c.code.as_str().to_owned(),
        title: c.title.clone(),
        credits: c.credits.0 as i32,
        term_length: c.term_length.key().to_owned(),
        subject_area: c.subject_area.key().to_owned(),
        tags: join(c.tags.iter().map(|t| t.as_str().to_owned()).collect()),
        sced: c.sced.as_ref().map(|s| s.as_str().to_owned()),
        rigor: c.rigor.key().to_owned(),
        grade_min: i32::from(c.grades.0),
        grade_max: i32::from(c.grades.1),
        prerequisites: join(c.prerequisites.iter().map(|p| p.as_str().to_owned()).collect()),
        pathways: join(c.pathways.iter().map(|p| p.to_string()).collect()),
        core: c.core,
        repeatable: c.repeatable,
    }
}

/// Loads a catalog file into the actor's district (a district
/// administrator; the caller checks the role). A refused file changes
/// nothing.
pub async fn load(app: &App, by: &Loader, input: impl Read) -> Result<Result<LoadReport, FileRefusal>, Error> {
    let rows = match csv_file::read(input, &REQUIRED) {
        Ok(r) => r,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let existing = catalog::list(app.db(), by.district).await?;
    let mut report = LoadReport::default();
    let mut parsed: Vec<(u64, CatalogRow)> = Vec::new();
    for r in &rows {
        let raw = CatalogCourseRaw {
            code: r.get("courseCode"),
            title: r.get("courseTitle"),
            credits: r.get("credits"),
            term_length: r.get("termLength"),
            subject_area: r.get("subjectArea"),
            tags: r.get("tags"),
            sced: r.get("scedCode"),
            rigor: r.get("rigor"),
            grade_min: r.get("minGrade"),
            grade_max: r.get("maxGrade"),
            prerequisites: r.get("prerequisites"),
            pathways: r.get("pathways"),
            core: r.get("core"),
            repeatable: r.get("repeatable"),
        };
        match CatalogCourse::parse(&raw) {
            Ok(c) => {
                let row = row_of(&c);
                if let Some((first, _)) = parsed.iter().find(|(_, p)| p.code == row.code) {
                    report.problems.push(RowProblem {
                        line: r.line,
                        column: Some("courseCode".into()),
                        code: format!("duplicate_course_code (line {first})"),
                    });
                    continue;
                }
                parsed.push((r.line, row));
            }
            Err(rejected) => {
                for f in rejected.fields {
                    report.problems.push(RowProblem {
                        line: r.line,
                        column: column_of(&COLUMNS, f.field),
                        code: f.code.to_owned(),
                    });
                }
            }
        }
    }
    let now = app.now();
    let mut tx = app.db().begin().await?;
    for (_, row) in &parsed {
        match existing.iter().find(|e| e.code == row.code) {
            Some(e) if e == row => {
                report.unchanged += 1;
                continue;
            }
            Some(_) => report.updated += 1,
            None => report.created += 1,
        }
        catalog::upsert(&mut tx, by.district, row, now).await?;
    }
    let mut ev = AuditEvent::new(AuditAction::CatalogLoaded, now);
    ev.actor = by.person;
    ev.district_id = Some(by.district);
    ev.record_kind = Some("catalog");
    ev.request_id = Some(by.request_id.clone());
    ev.detail = Some(report.summary());
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(Ok(report))
}

/// The district's catalog, in code order.
pub async fn list(app: &App, district: OrgId) -> Result<Vec<CatalogCourse>, Error> {
    Ok(catalog::list(app.db(), district)
        .await?
        .iter()
        .filter_map(super::course_of)
        .collect())
}

/// A district administrator adds or changes one course (by its code) on
/// the catalog page.
pub async fn save_one(app: &App, by: &Loader, input: crate::Parsed<CatalogCourse>) -> Result<(), Error> {
    let course = input?;
    let now = app.now();
    let mut tx = app.db().begin().await?;
    catalog::upsert(&mut tx, by.district, &row_of(&course), now).await?;
    let mut ev = AuditEvent::new(AuditAction::CatalogCourseSaved, now);
    ev.actor = by.person;
    ev.district_id = Some(by.district);
    ev.record_kind = Some("catalog");
    ev.record_id = Some(course.code.as_str().to_owned());
    ev.request_id = Some(by.request_id.clone());
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(())
}
