//! Indicator data in: CSV files (columns shaped like Ed-Fi's attendance,
//! discipline and grade records, `docs/SUPPORT.md`) and the JSON API of a
//! student information system pushing one student's change.
//!
//! A file is all or nothing: every row's problems are reported with line
//! and column, and when there is any, nothing is written. A good file is
//! written in one transaction; only changed rows are written, so loading it
//! again changes nothing. The affected students' flags are recomputed after
//! the commit.

use std::collections::HashMap;
use std::io::Read;

use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::repo::students;
use ssp_db::repo::support::readings::{self, AttendanceRow, BehaviourRow, MarkRow};
use ssp_db::Tx;
use ssp_domain::access::Action;
use ssp_domain::audit::AuditAction;
use ssp_domain::input::Rejected;
use ssp_domain::support::flag::FlagKind;
use ssp_domain::support::indicators::{
    attendance_of_days, Attendance, AttendanceRaw, Behaviour, BehaviourRaw, CourseMark, CourseMarkRaw, DayAttendance,
    Reading,
};
use ssp_domain::{OrgId, SchoolYear, StudentId};
use time::{Date, OffsetDateTime};

use crate::academics::catalog::{LoadReport, Loader};
use crate::academics::csv_file::{self, FileRefusal, RowProblem};
use crate::access::StudentAccess;
use crate::error::Error;
use crate::App;

/// Which indicator a file or a push carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Indicator {
    Attendance,
    /// Attendance as daily events, one row per student and school day
    /// (files only; written as each school year's totals).
    AttendanceEvents,
    Behaviour,
    Marks,
}

impl Indicator {
    pub const ALL: [Indicator; 4] = [
        Indicator::Attendance,
        Indicator::AttendanceEvents,
        Indicator::Behaviour,
        Indicator::Marks,
    ];

    /// `attendance`, `attendance-events`, `behaviour`, `marks` (the CLI's
    /// and the page's word).
    pub fn key(self) -> &'static str {
        match self {
            Indicator::Attendance => "attendance",
            Indicator::AttendanceEvents => "attendance-events",
            Indicator::Behaviour => "behaviour",
            Indicator::Marks => "marks",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.key() == s)
    }

    /// The flags this data feeds: the only ones a change of it can move
    /// (a load recomputes just these).
    pub fn flag_kinds(self) -> &'static [FlagKind] {
        match self {
            Indicator::Attendance | Indicator::AttendanceEvents => &[FlagKind::ChronicAbsence],
            Indicator::Behaviour => &[FlagKind::Suspension],
            Indicator::Marks => &[FlagKind::CourseFailure],
        }
    }

    /// The file's columns: (CSV column, the domain field it fills).
    pub fn columns(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Indicator::Attendance => &ATTENDANCE_COLUMNS,
            Indicator::AttendanceEvents => &ATTENDANCE_EVENT_COLUMNS,
            Indicator::Behaviour => &BEHAVIOUR_COLUMNS,
            Indicator::Marks => &MARK_COLUMNS,
        }
    }

    /// The columns a file must have.
    pub fn required(self) -> &'static [&'static str] {
        match self {
            Indicator::Attendance => &["studentUniqueId", "daysEnrolled", "asOfDate"],
            Indicator::AttendanceEvents => &["studentUniqueId", "eventDate", "attendanceEventCategory"],
            Indicator::Behaviour => &["studentUniqueId", "asOfDate"],
            Indicator::Marks => &[
                "studentUniqueId",
                "courseCode",
                "academicSubject",
                "termLength",
                "termEndDate",
                "asOfDate",
            ],
        }
    }
}

pub const ATTENDANCE_COLUMNS: [(&str, &str); 7] = [
    ("studentUniqueId", "student"),
    ("daysEnrolled", "days_enrolled"),
    ("excusedAbsences", "excused"),
    ("unexcusedAbsences", "unexcused"),
    ("disciplinaryAbsences", "disciplinary"),
    ("asOfDate", "as_of"),
    ("sourceSystem", "source"),
];

/// Ed-Fi's `StudentSchoolAttendanceEvent`, one row per student and day.
pub const ATTENDANCE_EVENT_COLUMNS: [(&str, &str); 4] = [
    ("studentUniqueId", "student"),
    ("eventDate", "as_of"),
    ("attendanceEventCategory", "category"),
    ("sourceSystem", "source"),
];

pub const BEHAVIOUR_COLUMNS: [(&str, &str); 6] = [
    ("studentUniqueId", "student"),
    ("incidents", "incidents"),
    ("inSchoolSuspensionDays", "in_school_suspension_days"),
    ("outOfSchoolSuspensionDays", "out_of_school_suspension_days"),
    ("asOfDate", "as_of"),
    ("sourceSystem", "source"),
];

pub const MARK_COLUMNS: [(&str, &str); 8] = [
    ("studentUniqueId", "student"),
    ("courseCode", "course_code"),
    ("academicSubject", "subject"),
    ("termLength", "term_length"),
    ("failing", "failing"),
    ("termEndDate", "term_ends_on"),
    ("asOfDate", "as_of"),
    ("sourceSystem", "source"),
];

/// The source written when a file row leaves `sourceSystem` blank.
pub const FILE_SOURCE: &str = "file";

/// One row's values, ready to write.
#[derive(Debug, Clone)]
enum Row {
    Attendance(AttendanceRow),
    /// One school day from a daily event (added up before writing).
    Day(StudentId, Date, DayAttendance, String),
    Behaviour(BehaviourRow),
    Mark(MarkRow),
}

fn attendance_row(student: StudentId, r: &Reading<Attendance>) -> AttendanceRow {
    AttendanceRow {
        student_id: student.0,
        school_year: SchoolYear::containing(r.as_of).0,
        days_enrolled: r.value.days_enrolled as i32,
        excused: r.value.excused as i32,
        unexcused: r.value.unexcused as i32,
        disciplinary: r.value.disciplinary as i32,
        as_of: r.as_of,
        source: r.source.as_str().to_owned(),
    }
}

fn behaviour_row(student: StudentId, r: &Reading<Behaviour>) -> BehaviourRow {
    BehaviourRow {
        student_id: student.0,
        school_year: SchoolYear::containing(r.as_of).0,
        incidents: r.value.incidents as i32,
        iss_days: r.value.in_school_suspension_days as i32,
        oss_days: r.value.out_of_school_suspension_days as i32,
        as_of: r.as_of,
        source: r.source.as_str().to_owned(),
    }
}

fn mark_row(student: StudentId, m: &CourseMark, as_of: Date, source: &str) -> MarkRow {
    MarkRow {
        student_id: student.0,
        course_code: m.course_code.as_str().to_owned(),
        term_ends_on: m.term_ends_on,
        subject: m.subject.key().to_owned(),
        term_length: m.term_length.key().to_owned(),
        failing: m.failing,
        as_of,
        source: source.to_owned(),
    }
}

/// Parses one row's values for `student` (fields named as the domain names
/// them).
fn parse_row(which: Indicator, get: &dyn Fn(&str) -> String, student: StudentId, today: Date) -> Result<Row, Rejected> {
    let source = {
        let s = get("source");
        if s.is_empty() {
            FILE_SOURCE.to_owned()
        } else {
            s
        }
    };
    match which {
        Indicator::Attendance => {
            let (n, e, u, d, a) = (
                get("days_enrolled"),
                get("excused"),
                get("unexcused"),
                get("disciplinary"),
                get("as_of"),
            );
            let raw = AttendanceRaw {
                days_enrolled: &n,
                excused: &e,
                unexcused: &u,
                disciplinary: &d,
                as_of: &a,
                source: &source,
            };
            raw.parse(today).map(|r| Row::Attendance(attendance_row(student, &r)))
        }
        Indicator::AttendanceEvents => {
            // One day of one student; `load` adds the days up.
            let reading = Reading::parse((), &get("as_of"), &source, today);
            let day = DayAttendance::parse(&get("category"));
            match (reading, day) {
                (Ok(r), Ok(day)) => Ok(Row::Day(student, r.as_of, day, r.source.as_str().to_owned())),
                (r, d) => {
                    let mut fields = r.err().map(|e| e.fields).unwrap_or_default();
                    fields.extend(d.err());
                    Err(Rejected {
                        error: "invalid_reading",
                        fields,
                    })
                }
            }
        }
        Indicator::Behaviour => {
            let (i, iss, oss, a) = (
                get("incidents"),
                get("in_school_suspension_days"),
                get("out_of_school_suspension_days"),
                get("as_of"),
            );
            let raw = BehaviourRaw {
                incidents: &i,
                in_school_suspension_days: &iss,
                out_of_school_suspension_days: &oss,
                as_of: &a,
                source: &source,
            };
            raw.parse(today).map(|r| Row::Behaviour(behaviour_row(student, &r)))
        }
        Indicator::Marks => {
            let (c, s, t, f, e, a) = (
                get("course_code"),
                get("subject"),
                get("term_length"),
                get("failing"),
                get("term_ends_on"),
                get("as_of"),
            );
            let mark = CourseMarkRaw {
                course_code: &c,
                subject: &s,
                term_length: &t,
                failing: &f,
                term_ends_on: &e,
            }
            .parse();
            let reading = Reading::parse((), &a, &source, today);
            match (mark, reading) {
                (Ok(m), Ok(r)) => Ok(Row::Mark(mark_row(student, &m, r.as_of, r.source.as_str()))),
                (m, r) => {
                    let mut fields = m.err().map(|e| e.fields).unwrap_or_default();
                    fields.extend(r.err().map(|e| e.fields).unwrap_or_default());
                    Err(Rejected {
                        error: "invalid_course_mark",
                        fields,
                    })
                }
            }
        }
    }
}

/// Daily events → one attendance row per student and school year: the days
/// added up ([`attendance_of_days`]), as of the latest day, from its source.
fn add_up_days(rows: Vec<Row>) -> Vec<Row> {
    // (student, school year) → its days, with each day's source.
    type Days = Vec<(Date, DayAttendance, String)>;
    let mut years: std::collections::BTreeMap<(uuid::Uuid, i32), Days> = std::collections::BTreeMap::new();
    for row in rows {
        if let Row::Day(student, date, day, source) = row {
            years
                .entry((student.0, SchoolYear::containing(date).0))
                .or_default()
                .push((date, day, source));
        }
    }
    years
        .into_iter()
        .filter_map(|((student, year), days)| {
            let (as_of, _, source) = days.iter().max_by_key(|(d, ..)| *d)?.clone();
            let a = attendance_of_days(days.iter().map(|(d, day, _)| (*d, *day)));
            Some(Row::Attendance(AttendanceRow {
                student_id: student,
                school_year: year,
                days_enrolled: a.days_enrolled as i32,
                excused: a.excused as i32,
                unexcused: a.unexcused as i32,
                disciplinary: a.disciplinary as i32,
                as_of,
                source,
            }))
        })
        .collect()
}

async fn write(tx: &mut Tx, district: OrgId, row: &Row, now: OffsetDateTime) -> Result<bool, Error> {
    Ok(match row {
        Row::Attendance(r) => readings::put_attendance(tx, district, r, now).await?,
        Row::Behaviour(r) => readings::put_behaviour(tx, district, r, now).await?,
        Row::Mark(r) => readings::put_mark(tx, district, r, now).await?,
        Row::Day(..) => unreachable!("days are added up into attendance before writing"),
    })
}

fn student_of(row: &Row) -> StudentId {
    StudentId(match row {
        Row::Day(s, ..) => s.0,
        Row::Attendance(r) => r.student_id,
        Row::Behaviour(r) => r.student_id,
        Row::Mark(r) => r.student_id,
    })
}

/// Loads an indicator file into the actor's district (a district
/// administrator; the caller checks the role). Rows name the student by
/// local or state student id. Any row problem (an unknown student, days
/// absent above days enrolled, a date in the future, a bad number) is
/// reported with its line and column and nothing is written.
pub async fn load(
    app: &App,
    by: &Loader,
    which: Indicator,
    input: impl Read,
) -> Result<Result<LoadReport, FileRefusal>, Error> {
    load_with_progress(app, by, which, input, &|_| {}).await
}

/// How far a load has come, for a progress bar (the CLI's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadProgress {
    /// Every row read and checked; writing starts.
    Checked { rows: usize },
    /// Rows written so far, of those to write.
    Writing { done: usize, total: usize },
    /// Students whose flags are current, of those the load changed.
    Flags { done: usize, total: usize },
}

/// [`load`], telling `progress` how far it has come.
pub async fn load_with_progress(
    app: &App,
    by: &Loader,
    which: Indicator,
    input: impl Read,
    progress: &(dyn Fn(LoadProgress) + Sync),
) -> Result<Result<LoadReport, FileRefusal>, Error> {
    let rows = match csv_file::read(input, which.required()) {
        Ok(r) => r,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let today = app.now().date();
    let columns = which.columns();
    let mut numbers: Vec<&str> = rows
        .iter()
        .map(|r| r.get("studentUniqueId"))
        .filter(|n| !n.is_empty())
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    let mut ids: HashMap<String, uuid::Uuid> = HashMap::new();
    for (number, person) in students::find_by_numbers(app.db(), by.district, &numbers).await? {
        ids.entry(number).or_insert(person);
    }
    let mut report = LoadReport::default();
    let mut good = Vec::new();
    for r in &rows {
        let number = r.get("studentUniqueId");
        let student = ids.get(number).copied().map(StudentId);
        if student.is_none() {
            report.problems.push(RowProblem {
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
        let get = |field: &str| {
            columns
                .iter()
                .find(|(_, f)| *f == field)
                .map_or(String::new(), |(c, _)| r.get(c).to_owned())
        };
        // Parsed even for an unknown student, so every problem of the row
        // is reported at once.
        match parse_row(which, &get, student.unwrap_or(StudentId(uuid::Uuid::nil())), today) {
            Ok(row) if student.is_some() => good.push(row),
            Ok(_) => {}
            Err(rejected) => {
                for f in &rejected.fields {
                    let field = if f.field == "days_absent" {
                        "days_enrolled"
                    } else {
                        f.field
                    };
                    report.problems.push(RowProblem {
                        line: r.line,
                        column: crate::academics::catalog::column_of(columns, field),
                        code: f.code.to_owned(),
                    });
                }
            }
        }
    }
    if !report.problems.is_empty() {
        return Ok(Ok(report));
    }
    if which == Indicator::AttendanceEvents {
        good = add_up_days(good);
    }
    progress(LoadProgress::Checked { rows: rows.len() });
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let mut touched = Vec::new();
    for (i, row) in good.iter().enumerate() {
        if i % 1_000 == 0 {
            progress(LoadProgress::Writing {
                done: i,
                total: good.len(),
            });
        }
        if write(&mut tx, by.district, row, now).await? {
            report.updated += 1;
            touched.push(student_of(row));
        } else {
            report.unchanged += 1;
        }
    }
    touched.sort_unstable_by_key(|s| s.0);
    touched.dedup();
    let mut ev = AuditEvent::new(AuditAction::SupportDataLoaded, now);
    ev.actor = by.person;
    ev.district_id = Some(by.district);
    ev.record_kind = Some(which.key());
    ev.request_id = Some(by.request_id.clone());
    ev.detail = Some(format!("{}; {} students", report.summary(), touched.len()));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    let started = std::time::Instant::now();
    progress(LoadProgress::Writing {
        done: good.len(),
        total: good.len(),
    });
    let changes = super::recompute::students_with_progress(
        app,
        by.district,
        &touched,
        which.flag_kinds(),
        &by.request_id,
        &|done, total| progress(LoadProgress::Flags { done, total }),
    )
    .await?;
    tracing::info!(
        file = which.key(),
        students = touched.len(),
        opened = changes.opened,
        moved = changes.moved,
        refreshed = changes.refreshed,
        ms = started.elapsed().as_millis() as u64,
        "flags current after a load"
    );
    Ok(Ok(report))
}

/// One student's reading pushed through the API by a student information
/// system (staff who may create the student's support records; a district
/// administrator's account in practice). Written, audited, and the
/// student's flags recomputed. `fields` maps the domain's field names to
/// the values sent.
pub async fn push(
    app: &App,
    access: &StudentAccess,
    which: Indicator,
    fields: &HashMap<&str, String>,
) -> Result<(), Error> {
    access.require(app, super::FLAG, Action::Create).await?;
    let get = |f: &str| fields.get(f).map(|v| v.trim().to_owned()).unwrap_or_default();
    let row = parse_row(which, &get, access.student(), app.now().date())?;
    let now = app.now();
    let district = access.facts.district_id;
    let mut tx = app.db().begin().await?;
    let changed = write(&mut tx, district, &row, now).await?;
    let mut ev = access.event(app, AuditAction::SupportDataLoaded, super::FLAG);
    ev.at = now;
    ev.record_id = Some(which.key().to_owned());
    ev.detail = Some(if changed { "changed" } else { "unchanged" }.to_owned());
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    if changed {
        let request_id = access.caller().request_id;
        super::recompute::students(app, district, &[access.student()], which.flag_kinds(), &request_id).await?;
    }
    Ok(())
}
