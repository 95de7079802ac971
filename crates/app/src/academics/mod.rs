//! Academic planning's use cases: the course catalog and its CSV load
//! (`catalog.rs`), the transcript — CSV load from the student information
//! system and transfer credit by hand — and a student's academic record:
//! GPA, the graduation-requirement audit and on-track (`transcript.rs`),
//! the CSV reading both loads share (`csv_file.rs`), the district's own
//! requirement sets, grade scale and plan limit (`rules.rs`), the
//! multi-year course plan (`course_plan.rs`) and recomputing a district's
//! stored standings after its catalog or rules change (`standing.rs`).
//!
//! Transcript and audit are plan records (`RecordKind::Plan`): whoever may
//! read the plan reads them (audited for anyone but the student); staff who
//! may edit the plan's staff side add transfer credit.

pub mod catalog;
pub mod course_plan;
pub mod csv_file;
pub mod rules;
pub mod standing;
pub mod transcript;

use ssp_db::repo::academics::catalog::CatalogRow;
use ssp_db::repo::academics::transcripts::EntryRow;
use ssp_domain::academics::course::{Catalog, CatalogCourse, CatalogCourseRaw};
use ssp_domain::academics::credits::Credits;
use ssp_domain::academics::transcript::{GradeScale, TranscriptEntry, TranscriptEntryRaw};

/// A stored catalog row as the domain's course (a row that no longer parses
/// — the rules changed — is left out rather than failing the page).
pub fn course_of(r: &CatalogRow) -> Option<CatalogCourse> {
    let credits = Credits(r.credits as u32).to_string();
    let (min, max) = (r.grade_min.to_string(), r.grade_max.to_string());
    CatalogCourse::parse(&CatalogCourseRaw {
        code: &r.code,
        title: &r.title,
        credits: &credits,
        term_length: &r.term_length,
        subject_area: &r.subject_area,
        tags: &r.tags,
        sced: r.sced.as_deref().unwrap_or(""),
        rigor: &r.rigor,
        grade_min: &min,
        grade_max: &max,
        prerequisites: &r.prerequisites,
        pathways: &r.pathways,
        core: if r.core { "true" } else { "false" },
        repeatable: if r.repeatable { "true" } else { "false" },
    })
    .ok()
}

/// The district's catalog as the domain's.
pub fn catalog_of(rows: &[CatalogRow]) -> Catalog {
    Catalog::new(rows.iter().filter_map(course_of))
}

/// A stored transcript row as the domain's entry.
pub fn entry_of(r: &EntryRow, scale: &GradeScale) -> Option<TranscriptEntry> {
    let year = r.school_year.to_string();
    let grade = r.grade_level.map(|g| g.to_string()).unwrap_or_default();
    let attempted = Credits(r.credits_attempted as u32).to_string();
    let earned = Credits(r.credits_earned as u32).to_string();
    TranscriptEntry::parse(
        &TranscriptEntryRaw {
            course_code: &r.course_code,
            title: &r.title,
            school_year: &year,
            term: &r.term,
            grade_level: &grade,
            mark: r.mark.as_deref().unwrap_or(""),
            credits_attempted: &attempted,
            credits_earned: &earned,
            rigor: &r.rigor,
            subject_area: r.subject_area.as_deref().unwrap_or(""),
        },
        scale,
    )
    .ok()
}
