//! The transcript: loaded from the student information system as CSV
//! (columns shaped like Ed-Fi's CourseTranscript, `docs/ACADEMICS.md`), one
//! transaction, a bad row reported with line and column and skipped, a
//! repeated load changing nothing; transfer credit typed by staff; and a
//! student's academic record: GPA, the graduation-requirement audit with
//! the date of its data, and on-track.

use std::io::Read;

use ssp_db::repo::academics::catalog as catalog_repo;
use ssp_db::repo::academics::transcripts::{self, EntryRow};
use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::repo::students;
use ssp_domain::academics::audit::{audit, Audit, AuditInput};
use ssp_domain::academics::on_track::{
    grade9_on_track, on_track_to_graduate, Grade9OnTrack, Grade9Rule, GraduationOnTrack,
};
use ssp_domain::academics::transcript::{gpa, Gpa, TranscriptEntry, TranscriptEntryRaw};
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::{PersonId, StudentId};
use time::{Date, OffsetDateTime};

use super::catalog::{column_of, LoadReport, Loader};
use super::csv_file::{self, FileRefusal, RowProblem};
use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::App;

/// The transcript file's columns: (CSV column, the domain field it fills).
pub const COLUMNS: [(&str, &str); 11] = [
    ("studentUniqueId", "student"),
    ("courseCode", "course_code"),
    ("courseTitle", "title"),
    ("schoolYear", "school_year"),
    ("term", "term"),
    ("whenTakenGradeLevel", "grade_level"),
    ("finalLetterGradeEarned", "mark"),
    ("attemptedCredits", "credits_attempted"),
    ("earnedCredits", "credits_earned"),
    ("courseLevelCharacteristic", "rigor"),
    ("academicSubject", "subject_area"),
];

/// The columns a transcript file must have.
pub const REQUIRED: [&str; 5] = [
    "studentUniqueId",
    "courseCode",
    "schoolYear",
    "term",
    "attemptedCredits",
];

fn row_of(e: &TranscriptEntry, source: &str, now: OffsetDateTime) -> EntryRow {
    EntryRow {
        course_code: e.course_code.as_str().to_owned(),
        title: e.title.clone(),
        school_year: e.school_year.0,
        term: e.term.key().to_owned(),
        grade_level: e.grade_level.map(i32::from),
        mark: e.mark.clone(),
        credits_attempted: e.credits_attempted.0 as i32,
        credits_earned: e.credits_earned.0 as i32,
        rigor: e.rigor.key().to_owned(),
        subject_area: e.subject_area.map(|a| a.key().to_owned()),
        source: source.to_owned(),
        updated_at: now,
    }
}

/// Loads a transcript file into the actor's district (a district
/// administrator; the caller checks the role). Rows name the student by
/// local or state student id; an unknown student, a mark not on the scale,
/// negative credits or earned above attempted are row problems.
pub async fn load(app: &App, by: &Loader, input: impl Read) -> Result<Result<LoadReport, FileRefusal>, Error> {
    let rows = match csv_file::read(input, &REQUIRED) {
        Ok(r) => r,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let rules = super::rules::of(app, by.district).await?;
    let scale = &rules.scale;
    let mut report = LoadReport::default();
    let mut good: Vec<(StudentId, TranscriptEntry)> = Vec::new();
    // Every student the file names, looked up in batches (local id first:
    // a number that is one student's local id and another's state id is
    // the local one's).
    let mut numbers: Vec<&str> = rows
        .iter()
        .map(|r| r.get("studentUniqueId"))
        .filter(|n| !n.is_empty())
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    let mut ids: std::collections::HashMap<String, uuid::Uuid> = std::collections::HashMap::new();
    for (number, person) in students::find_by_numbers(app.db(), by.district, &numbers).await? {
        ids.entry(number).or_insert(person);
    }
    for r in &rows {
        let number = r.get("studentUniqueId");
        let student = ids.get(number).copied();
        let raw = TranscriptEntryRaw {
            course_code: r.get("courseCode"),
            title: r.get("courseTitle"),
            school_year: r.get("schoolYear"),
            term: r.get("term"),
            grade_level: r.get("whenTakenGradeLevel"),
            mark: r.get("finalLetterGradeEarned"),
            credits_attempted: r.get("attemptedCredits"),
            credits_earned: r.get("earnedCredits"),
            rigor: r.get("courseLevelCharacteristic"),
            subject_area: r.get("academicSubject"),
        };
        let parsed = TranscriptEntry::parse(&raw, scale);
        let mut problems = Vec::new();
        if student.is_none() {
            problems.push(RowProblem {
                line: r.line,
                column: Some("studentUniqueId".into()),
                code: if number.is_empty() {
                    "required"
                } else {
                    "unknown_student"
                }
                .into(),
            });
        }
        if let Err(rejected) = &parsed {
            for f in &rejected.fields {
                problems.push(RowProblem {
                    line: r.line,
                    column: column_of(&COLUMNS, f.field),
                    code: f.code.to_owned(),
                });
            }
        }
        match (student, parsed) {
            (Some(s), Ok(e)) if problems.is_empty() => good.push((StudentId(s), e)),
            _ => report.problems.extend(problems),
        }
    }
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let mut touched = std::collections::HashSet::new();
    for (student, e) in &good {
        if transcripts::upsert(&mut tx, by.district, *student, &row_of(e, "import", now), None, now).await? {
            report.updated += 1;
            touched.insert(*student);
        } else {
            report.unchanged += 1;
        }
    }
    let mut ev = AuditEvent::new(AuditAction::TranscriptsLoaded, now);
    ev.actor = by.person;
    ev.district_id = Some(by.district);
    ev.record_kind = Some("transcript");
    ev.request_id = Some(by.request_id.clone());
    ev.detail = Some(format!("{}; {} students", report.summary(), touched.len()));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    let catalog = super::catalog_of(&catalog_repo::list(app.db(), by.district).await?);
    let mut touched: Vec<StudentId> = touched.into_iter().collect();
    touched.sort_unstable_by_key(|s| s.0);
    for student in &touched {
        super::course_plan::refresh_status_with(app, by.district, *student, &catalog, &rules).await?;
    }
    // The GPA and grade-9 flags follow the transcript.
    crate::support::recompute::after_commit(
        app,
        by.district,
        &touched,
        crate::support::recompute::FROM_TRANSCRIPT,
        &by.request_id,
    )
    .await;
    // `updated` counts written rows (new or changed): the store cannot tell
    // a new row from a changed one without reading it first.
    Ok(Ok(report))
}

/// Staff who may edit the plan's staff side record transfer credit (or
/// correct an entry) by hand.
/// The entry is parsed on the district's grade scale.
pub async fn add_transfer(app: &App, access: &StudentAccess, raw: &TranscriptEntryRaw<'_>) -> Result<(), Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    if access.is_self() {
        return Err(Error::Forbidden("transcript_by_staff_only"));
    }
    let rules = super::rules::of(app, access.facts.district_id).await?;
    let e = TranscriptEntry::parse(raw, &rules.scale)?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    transcripts::upsert(
        w.tx(),
        access.facts.district_id,
        access.student(),
        &row_of(&e, "transfer", now),
        Some(PersonId(access.actor.0)),
        now,
    )
    .await?;
    let mut ev = w.event(AuditAction::TranscriptEntryRecorded, RecordKind::Plan);
    ev.record_id = Some(format!(
        "{}:{}:{}",
        e.course_code.as_str(),
        e.school_year.0,
        e.term.key()
    ));
    w.commit_with(ev).await?;
    crate::support::recompute::after_commit(
        app,
        access.facts.district_id,
        &[access.student()],
        crate::support::recompute::FROM_TRANSCRIPT,
        &access.caller().request_id,
    )
    .await;
    Ok(())
}

/// A student's academic record.
#[derive(Debug, Clone)]
pub struct Record {
    pub grade: i32,
    pub class_of: i32,
    pub entries: Vec<TranscriptEntry>,
    pub sources: Vec<String>,
    pub gpa: Gpa,
    pub audit: Audit,
    /// When the newest transcript data was written (None: no transcript).
    pub as_of: Option<Date>,
    pub grade9: Option<Grade9OnTrack>,
    pub graduation: Option<GraduationOnTrack>,
}

/// The transcript, GPA, audit and on-track of a student (a read of the
/// plan, audited for anyone but the student).
pub async fn record(app: &App, access: &StudentAccess) -> Result<Record, Error> {
    access.require(app, RecordKind::Plan, Action::View).await?;
    let db = app.db();
    let h = students::header(db, access.student()).await?.ok_or(Error::NotFound)?;
    let rules = super::rules::of(app, access.facts.district_id).await?;
    let scale = rules.scale.clone();
    let rows = transcripts::for_student(db, access.student()).await?;
    let as_of = rows.iter().map(|r| r.updated_at).max().map(|t| t.date());
    let mut entries = Vec::new();
    let mut sources = Vec::new();
    for r in &rows {
        if let Some(e) = super::entry_of(r, &scale) {
            entries.push(e);
            sources.push(r.source.clone());
        }
    }
    let catalog = super::catalog_of(&catalog_repo::list(db, access.facts.district_id).await?);
    let set = rules.requirement_set(h.graduation_year);
    let today = app.now().date();
    let capstone_passed = crate::portfolio::capstone::passed(app, access.student()).await?;
    let audit = audit(&AuditInput {
        set: &set,
        catalog: &catalog,
        transcript: &entries,
        plan: None,
        capstone_passed,
        as_of: as_of.unwrap_or(today),
    });
    let high_school = h.grade_level >= 9;
    Ok(Record {
        grade: h.grade_level,
        class_of: h.graduation_year,
        gpa: gpa(&entries, &scale),
        grade9: high_school.then(|| {
            grade9_on_track(
                &entries,
                &catalog,
                &scale,
                h.graduation_year,
                today,
                &Grade9Rule::default(),
            )
        }),
        graduation: high_school.then(|| on_track_to_graduate(&audit, h.graduation_year, today)),
        audit,
        entries,
        sources,
        as_of,
    })
}
