//! Applying a package to one district: the files in foreign-key order,
//! all in one transaction, so the database holds either the previous
//! roster or the new one — never half of it. Each file is read and parsed
//! on its own thread while this task writes what the previous rows asked.

mod files;
mod index;
mod rows;
mod users;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::repo::roster::{self as repo, Finished, IssueRow, NewImport, OrgRec, Table};
use ssp_db::{Db, DbError, Tx};
use ssp_domain::audit::AuditAction;
use ssp_domain::{OrgId, PersonId, SchoolYear};
use time::OffsetDateTime;
use tokio::sync::mpsc;
use uuid::Uuid;

use crate::package::{Mode, Package, Version};
use crate::report::{Counts, FileSummary, Issue, Report};
use crate::safety::{DeactivationLimit, Deactivations};
use crate::table::{Bad, Problems, Row, Table as CsvTable};
use crate::{ImportError, Refusal};
use index::{Change, Index, Kind, Pending, Write};

/// How to run an import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The district's sourcedId, when the package's orgs.csv does not say
    /// (delta packages) or holds several districts; if both say, they must
    /// agree.
    pub district: Option<String>,
    /// The ssp district the package must be for (a district administrator
    /// imports into their own district only).
    pub expected_district: Option<Uuid>,
    /// Do everything, report it, then roll back.
    pub dry_run: bool,
    /// Apply the package even when it deactivates more of the district's
    /// active people than the district's limit (otherwise such an import
    /// is refused after counting, and nothing changes).
    pub confirm_deactivations: bool,
    pub now: OffsetDateTime,
    /// The history row to complete (made when the upload was queued);
    /// `None` makes a new one.
    pub import_id: Option<Uuid>,
    pub started_by: Option<Uuid>,
    /// What the history shows as the package (the uploaded file's name).
    pub source_name: String,
}

/// Options added after [`ImportOptions`] (which other code builds field by
/// field, so it keeps its shape); see [`import_with`].
#[derive(Debug, Clone, Default)]
pub struct MoreOptions {
    /// The name of the district to create when the package has no
    /// district row and ssp does not have the district `ImportOptions::district`
    /// names yet (packages that stop at schools).
    pub district_name: Option<String>,
}

/// Where an import is, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// The file being read (`users.csv`), or a stage.
    pub step: String,
    /// Bytes read across all files, out of `total`.
    pub done: u64,
    pub total: u64,
}

/// The kinds counted in a report, in the order shown.
pub const KINDS: [&str; 11] = [
    "orgs",
    "academic sessions",
    "courses",
    "classes",
    "students",
    "guardians",
    "staff",
    "guardian links",
    "staff roles",
    "enrollments",
    "other roles",
];

/// Imports the package at `path`: refused as a whole (nothing changed)
/// when it cannot be used, otherwise every good row applied and every bad
/// row reported. The history row is written either way.
pub async fn import(
    db: &Db,
    path: &Path,
    opts: &ImportOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Report, ImportError> {
    import_with(db, path, opts, &MoreOptions::default(), progress).await
}

/// [`import`] with the options of [`MoreOptions`].
pub async fn import_with(
    db: &Db,
    path: &Path,
    opts: &ImportOptions,
    more: &MoreOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Report, ImportError> {
    let import_id = match opts.import_id {
        Some(id) => id,
        None => {
            let id = Uuid::now_v7();
            let new = NewImport {
                id,
                district_id: opts.expected_district,
                started_by: opts.started_by,
                source_name: &opts.source_name,
                dry_run: opts.dry_run,
            };
            repo::create_import(db, &new, opts.now).await?;
            id
        }
    };
    repo::mark_running(db, import_id).await?;
    let started = Instant::now();
    let outcome = run(db, path, opts, more, progress).await;
    let mut finished = Finished {
        id: import_id,
        district_id: None,
        state: "succeeded",
        version: None,
        message: None,
        summary: None,
        issues_total: 0,
        issues: &[],
    };
    match outcome {
        Ok((mut report, mut tx, district_id)) => {
            report.seconds = started.elapsed().as_secs_f64();
            let summary = summary_json(&report);
            let issues: Vec<IssueRow> = report.issues.iter().map(issue_row).collect();
            if report.deactivations.over_limit() && !opts.dry_run && !opts.confirm_deactivations {
                // Stop with the figures: nothing of the package is kept.
                drop(tx);
                let refusal = Refusal::TooManyDeactivations(report.deactivations);
                let message = format!("{}: {refusal}", refusal.code());
                finished.state = "refused";
                finished.district_id = Some(district_id);
                finished.version = Some(report.version.as_str());
                finished.summary = Some(summary.as_str());
                finished.issues_total = report.issues_total as i64;
                finished.issues = &issues;
                finished.message = Some(message.as_str());
                let detail = serde_json::json!({ "state": "refused", "message": message }).to_string();
                let event = audit_event(opts, Some(district_id), &detail);
                let mut tx = db.begin().await?;
                repo::finish_import(&mut tx, &finished, opts.now).await?;
                audit::record(&mut tx, &event).await?;
                tx.commit().await?;
                tracing::warn!(import = %import_id, people = report.deactivations.people, "roster import needs a confirmation");
                return Err(refusal.into());
            }
            let message = if !report.loaded_anything() && report.errors_total > 0 {
                Some("nothing was loaded: every row of the package had a problem")
            } else if report.changed() {
                None
            } else {
                Some("nothing changed: the package matches what ssp holds")
            };
            finished.district_id = Some(district_id);
            finished.version = Some(report.version.as_str());
            finished.summary = Some(summary.as_str());
            finished.issues_total = report.issues_total as i64;
            finished.issues = &issues;
            finished.message = message;
            let event = audit_event(opts, Some(district_id), &summary);
            if opts.dry_run {
                drop(tx);
                // A new district was rolled back with everything else.
                if repo::district(db, district_id).await?.is_none() {
                    finished.district_id = opts.expected_district;
                }
                let mut tx = db.begin().await?;
                repo::finish_import(&mut tx, &finished, opts.now).await?;
                audit::record(&mut tx, &event).await?;
                tx.commit().await?;
            } else {
                progress(Progress {
                    step: "saving".to_owned(),
                    done: 0,
                    total: 0,
                });
                repo::finish_import(&mut tx, &finished, opts.now).await?;
                audit::record(&mut tx, &event).await?;
                tx.commit().await?;
            }
            tracing::info!(
                import = %import_id,
                seconds = report.seconds,
                errors = report.errors_total,
                dry_run = opts.dry_run,
                "roster import finished"
            );
            Ok(report)
        }
        Err(e) => {
            let (state, message) = match &e {
                // The code leads, so a page can show the message in the reader's language.
                ImportError::Refused(r) => ("refused", format!("{}: {r}", r.code())),
                ImportError::Db(d) => ("failed", format!("database error; nothing was changed ({d})")),
            };
            finished.state = state;
            finished.message = Some(message.as_str());
            let detail = serde_json::json!({ "state": state, "message": message }).to_string();
            let event = audit_event(opts, opts.expected_district, &detail);
            let mut tx = db.begin().await?;
            repo::finish_import(&mut tx, &finished, opts.now).await?;
            audit::record(&mut tx, &event).await?;
            tx.commit().await?;
            tracing::warn!(import = %import_id, state, "roster import did not complete: {message}");
            Err(e)
        }
    }
}

fn audit_event(opts: &ImportOptions, district: Option<Uuid>, detail: &str) -> AuditEvent {
    let mut ev = AuditEvent::new(AuditAction::RosterImported, opts.now);
    ev.district_id = district.map(OrgId);
    ev.actor = opts.started_by.map(PersonId);
    ev.record_kind = Some("roster_import");
    ev.detail = Some(detail.chars().take(2_000).collect());
    ev
}

fn issue_row(i: &Issue) -> IssueRow {
    IssueRow {
        file: i.file.clone(),
        line: i.line as i64,
        column: i.column.clone(),
        severity: i.severity.as_str(),
        reason: i.reason.clone(),
    }
}

/// The report without its issue list (kept in its own table).
pub fn summary_json(report: &Report) -> String {
    let mut r = report.clone();
    r.issues = Vec::new();
    serde_json::to_string(&r).unwrap_or_default()
}

/// Reads a summary written by [`summary_json`].
pub fn parse_summary(text: &str) -> Option<Report> {
    serde_json::from_str(text).ok()
}

/// Everything one import run carries around.
struct Run<'a> {
    pkg: Arc<Package>,
    tx: Tx,
    district: Uuid,
    now: OffsetDateTime,
    school_year: i32,
    report: Report,
    counts: BTreeMap<&'static str, Counts>,
    progress: &'a (dyn Fn(Progress) + Sync),
    done_before: u64,
    total: u64,
    look: Lookups,
}

async fn run(
    db: &Db,
    path: &Path,
    opts: &ImportOptions,
    more: &MoreOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<(Report, Tx, Uuid), ImportError> {
    progress(Progress {
        step: "opening".to_owned(),
        done: 0,
        total: 0,
    });
    let owned = path.to_owned();
    let (pkg, manifest_problems) = tokio::task::spawn_blocking(move || Package::open_with_problems(&owned))
        .await
        .map_err(|e| Refusal::Unreadable {
            what: "the package".to_owned(),
            why: e.to_string(),
        })??;
    let pkg = Arc::new(pkg);
    // A bad manifest and bad headers are refused together, so one fix of
    // the package is enough.
    let header_warnings = match (manifest_problems, check_headers(&pkg).await) {
        (None, headers) => headers?,
        (Some(manifest), Ok(_)) => return Err(manifest.into()),
        (Some(manifest), Err(headers)) => {
            return Err(Refusal::all(vec![manifest, headers])
                .unwrap_or(Refusal::NoManifest)
                .into())
        }
    };

    let (orgs, org_warnings) = if pkg.modes.contains_key("orgs") {
        collect(&pkg, "orgs", rows::org).await?
    } else {
        (Vec::new(), Vec::new())
    };
    let (district_sid, mut district_row) = match pick_district(&orgs, opts) {
        Err(Refusal::NoDistrict) => match repo::only_district(db).await? {
            Some(sid) => (sid, None),
            None => return Err(Refusal::NoDistrict.into()),
        },
        other => other?,
    };
    let existing = repo::district_by_source(db, &district_sid).await?;
    if let Some(expected) = opts.expected_district {
        if existing.as_ref().map(|e| e.0) != Some(expected) {
            let (name, sid) = repo::district(db, expected).await?.unwrap_or_default();
            return Err(Refusal::WrongDistrict {
                package: district_sid,
                expected: sid.map_or(name.clone(), |s| format!("{name} ({s})")),
            }
            .into());
        }
    }
    if existing.is_none() && district_row.is_none() {
        // A package that stops at schools: the district is made from the
        // name the importer was given, or the import is refused.
        match more.district_name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            Some(name) if opts.expected_district.is_none() => {
                district_row = Some(rows::OrgRow {
                    head: rows::Head {
                        sid: district_sid.clone(),
                        active: true,
                        modified: None,
                    },
                    kind: Some("district"),
                    type_name: "district".to_owned(),
                    name: name.to_owned(),
                    identifier: None,
                });
            }
            _ => return Err(Refusal::UnknownDistrict(district_sid).into()),
        }
    }

    let total = pkg.modes.keys().map(|f| pkg.sizes.get(f).copied().unwrap_or(0)).sum();
    let mut tx = db.begin().await?;
    let deactivations = match &existing {
        Some((id, _)) => Deactivations {
            people: 0,
            active: u64::try_from(ssp_db::repo::roster_safety::active_people(&mut tx, *id).await?).unwrap_or(0),
            limit_percent: ssp_db::repo::roster_safety::deactivation_limit_in_tx(&mut tx, *id)
                .await?
                .map_or_else(DeactivationLimit::default, DeactivationLimit::from_stored)
                .percent(),
        },
        None => Deactivations::default(),
    };
    let mut run = Run {
        pkg: pkg.clone(),
        tx,
        district: existing.as_ref().map_or_else(Uuid::now_v7, |e| e.0),
        now: opts.now,
        school_year: SchoolYear::containing(opts.now.date()).0,
        report: Report {
            version: pkg.version.as_str().to_owned(),
            district_source_id: district_sid.clone(),
            district_name: existing.as_ref().map(|e| e.1.clone()).unwrap_or_default(),
            dry_run: opts.dry_run,
            files: pkg
                .modes
                .iter()
                .map(|(f, m)| FileSummary {
                    file: format!("{f}.csv"),
                    mode: m.as_str().to_owned(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        },
        counts: KINDS.iter().map(|k| (*k, Counts::default())).collect(),
        progress,
        done_before: 0,
        total,
        look: Lookups::default(),
    };
    for w in &pkg.warnings {
        run.report.push(w.clone());
    }
    for (file, bad) in header_warnings {
        run.warn(file, 1, bad);
    }
    for (line, bad) in org_warnings {
        run.warn("orgs", line, bad);
    }

    run.orgs(orgs, &district_sid, district_row).await?;
    run.sessions().await?;
    run.courses().await?;
    run.classes().await?;
    run.users().await?;
    run.enrollments().await?;

    let Run {
        mut report,
        counts,
        tx,
        district,
        ..
    } = run;
    report.kinds = KINDS.iter().map(|k| ((*k).to_owned(), counts[k].clone())).collect();
    report.deactivations = Deactivations {
        people: ["students", "guardians", "staff"]
            .iter()
            .map(|k| counts[k].deactivated)
            .sum(),
        ..deactivations
    };
    Ok((report, tx, district))
}

/// Opens every listed file's header first, so a missing required column
/// refuses the package before anything is written — every such problem of
/// every file at once. Returns the headers' warnings.
async fn check_headers(pkg: &Arc<Package>) -> Result<Vec<(&'static str, Bad)>, Refusal> {
    let pkg = pkg.clone();
    tokio::task::spawn_blocking(move || {
        let mut refusals = Vec::new();
        let mut warnings = Vec::new();
        let unlisted = pkg.unlisted.iter().map(|f| (f, &Mode::Bulk));
        for (file, mode) in pkg.modes.iter().chain(unlisted) {
            let file: &'static str = crate::package::FILES.iter().copied().find(|f| f == file).unwrap_or("");
            let required = rows::required_columns(file, pkg.version);
            let opened = pkg.read_file(file, |input| {
                CsvTable::open(file, *mode, input, required).map(|t| t.header_warnings)
            });
            match opened {
                Ok(Ok(w)) => warnings.extend(w.into_iter().map(|b| (file, b))),
                Ok(Err(r)) | Err(r) => refusals.push(r),
            }
        }
        match Refusal::all(refusals) {
            Some(r) => Err(r),
            None => Ok(warnings),
        }
    })
    .await
    .map_err(|e| Refusal::Unreadable {
        what: "the package".to_owned(),
        why: e.to_string(),
    })?
}

type Parser<T> = fn(&Row<'_>, Mode, Version) -> Result<T, Problems>;

/// Rows as parsed, with their lines.
type Parsed<T> = Vec<(u64, Result<T, Problems>)>;
/// Lenient readings (line, problem): the rows were loaded.
type Warnings = Vec<(u64, Bad)>;

enum Msg<T> {
    Rows(Parsed<T>, Warnings, u64),
    End(Result<(), Refusal>),
}

/// Reads and parses `file` on its own thread; rows arrive in batches.
fn stream<T: Send + 'static>(pkg: &Arc<Package>, file: &'static str, parse: Parser<T>) -> mpsc::Receiver<Msg<T>> {
    let (tx, rx) = mpsc::channel(4);
    let pkg = pkg.clone();
    let mode = pkg.modes.get(file).copied().unwrap_or(Mode::Bulk);
    std::thread::Builder::new()
        .name(format!("ssp-read-{file}"))
        .spawn(move || {
            let version = pkg.version;
            let required = rows::required_columns(file, version);
            let result = pkg
                .read_file(file, |input| -> Result<(), Refusal> {
                    let mut table = CsvTable::open(file, mode, input, required)?;
                    let mut batch = Vec::with_capacity(2_000);
                    let mut warnings = Vec::new();
                    while let Some(row) = table.next_row()? {
                        let line = row.line;
                        let parsed = parse(&row, mode, version).map_err(|mut p| {
                            p.sid = row.text("sourcedId").ok().filter(|s| !s.is_empty()).map(Box::from);
                            p
                        });
                        for w in row.take_warnings() {
                            warnings.push((line, w));
                        }
                        batch.push((line, parsed));
                        if batch.len() == 2_000 {
                            let full = std::mem::replace(&mut batch, Vec::with_capacity(2_000));
                            let w = std::mem::take(&mut warnings);
                            if tx.blocking_send(Msg::Rows(full, w, table.bytes_read())).is_err() {
                                return Ok(());
                            }
                        }
                    }
                    if !batch.is_empty() || !warnings.is_empty() {
                        let _ = tx.blocking_send(Msg::Rows(batch, warnings, table.bytes_read()));
                    }
                    Ok(())
                })
                .and_then(|r| r);
            let _ = tx.blocking_send(Msg::End(result));
        })
        .expect("spawning a reader thread");
    rx
}

/// All rows of a small file (orgs, sessions, …), with their lines, and
/// the file's warnings.
async fn collect<T: Send + 'static>(
    pkg: &Arc<Package>,
    file: &'static str,
    parse: Parser<T>,
) -> Result<(Parsed<T>, Warnings), Refusal> {
    let mut rx = stream(pkg, file, parse);
    let mut all = Vec::new();
    let mut warnings = Vec::new();
    while let Some(msg) = rx.recv().await {
        match msg {
            Msg::Rows(rows, w, _) => {
                all.extend(rows);
                warnings.extend(w);
            }
            Msg::End(result) => {
                result?;
                break;
            }
        }
    }
    Ok((all, warnings))
}

type OrgRows = Parsed<rows::OrgRow>;

/// The district the package is for: its district row, or `--district`.
fn pick_district(orgs: &OrgRows, opts: &ImportOptions) -> Result<(String, Option<rows::OrgRow>), Refusal> {
    let districts: Vec<&rows::OrgRow> = orgs
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok())
        .filter(|r| r.kind == Some("district"))
        .collect();
    match (&opts.district, districts.as_slice()) {
        (Some(wanted), rows) => {
            let row = rows.iter().find(|r| &r.head.sid == wanted).map(|r| (*r).clone());
            if row.is_none() && rows.len() == 1 {
                return Err(Refusal::WrongDistrict {
                    package: rows[0].head.sid.clone(),
                    expected: wanted.clone(),
                });
            }
            Ok((wanted.clone(), row))
        }
        (None, [one]) => Ok((one.head.sid.clone(), Some((*one).clone()))),
        (None, []) => Err(Refusal::NoDistrict),
        (None, many) => Err(Refusal::ManyDistricts(
            many.len(),
            many.iter().map(|r| r.head.sid.as_str()).collect::<Vec<_>>().join(", "),
        )),
    }
}

impl Run<'_> {
    fn mode(&self, file: &str) -> Option<Mode> {
        self.pkg.modes.get(file).copied()
    }

    fn count(&mut self, kind: &'static str, change: Change) {
        let c = self.counts.entry(kind).or_default();
        match change {
            Change::Created => c.created += 1,
            Change::Updated => c.updated += 1,
            Change::Unchanged => c.unchanged += 1,
            Change::Deactivated => c.deactivated += 1,
            Change::Stale | Change::Nothing => {}
        }
    }

    /// The next batch of `file`'s rows, `None` at its end (the batch's
    /// warnings are reported here).
    async fn next_batch<T>(
        &mut self,
        rx: &mut mpsc::Receiver<Msg<T>>,
        file: &str,
    ) -> Result<Option<Parsed<T>>, Refusal> {
        match rx.recv().await {
            Some(Msg::Rows(batch, warnings, bytes)) => {
                self.tick(file, bytes);
                for (line, w) in warnings {
                    self.warn(file, line, w);
                }
                Ok(Some(batch))
            }
            Some(Msg::End(result)) => result.map(|()| None),
            None => Ok(None),
        }
    }

    /// A parsed row, or `None` after reporting every problem it has (and
    /// noting why its record is missing, for the rows that refer to it).
    fn good<T>(&mut self, file: &'static str, line: u64, row: Result<T, Problems>) -> Option<T> {
        row.map_err(|p| self.rejected(file, line, p)).ok()
    }

    fn rejected(&mut self, file: &'static str, line: u64, p: Problems) {
        if let Some(sid) = &p.sid {
            let why = Why::Rejected(p.first_column());
            self.look.note(file, sid, Cause { file, line, why });
        }
        for bad in p.list {
            self.bad(file, line, bad);
        }
    }

    /// A row refused for `bad` after it parsed: reported, and its record
    /// noted as missing.
    fn reject(&mut self, file: &'static str, line: u64, sid: &str, bad: Bad) {
        let why = Why::Rejected(bad.0);
        self.look.note(file, sid, Cause { file, line, why });
        self.bad(file, line, bad);
    }

    fn bad(&mut self, file: &str, line: u64, (column, reason): Bad) {
        self.report.push(Issue::error(file, line, column, reason));
    }

    fn warn(&mut self, file: &str, line: u64, (column, reason): Bad) {
        self.report.push(Issue::warning(file, line, column, reason));
    }

    /// A reference to a `what` (`org`, `course`, …) of `file` that ssp does
    /// not have: skipped, naming why, when the package has that record but
    /// it was not loaded; an error when the package does not have it.
    fn missing(&mut self, at: (&str, u64, &'static str), what: &str, file: &str, sid: &str) {
        let (here, line, column) = at;
        match self.look.cause(file, sid) {
            Some(cause) => {
                let why = cause.describe(what, sid);
                self.skip(here, line, Some(column), why);
            }
            None => self.bad(here, line, (Some(column), format!("unknown {what} {sid:?}"))),
        }
    }

    fn skip(&mut self, file: &str, line: u64, column: Option<&str>, reason: String) {
        self.report.push(Issue::skipped(file, line, column, reason));
    }

    fn row_read(&mut self, file: &str) {
        let name = format!("{file}.csv");
        if let Some(f) = self.report.files.iter_mut().find(|f| f.file == name) {
            f.rows += 1;
        }
    }

    fn tick(&self, file: &str, bytes: u64) {
        (self.progress)(Progress {
            step: format!("{file}.csv"),
            done: self.done_before + bytes,
            total: self.total,
        });
    }

    fn file_done(&mut self, file: &str) {
        self.done_before += self.pkg.sizes.get(file).copied().unwrap_or(0);
        self.tick(file, 0);
    }

    async fn deactivate(&mut self, table: Table, ids: &[Uuid], kind: &'static str) -> Result<(), DbError> {
        if ids.is_empty() {
            return Ok(());
        }
        repo::deactivate(&mut self.tx, table, ids, self.now).await?;
        self.counts.entry(kind).or_default().deactivated += ids.len() as u64;
        Ok(())
    }

    /// Applies one row of `at.0` to `index`: counts it as `kind`, reports
    /// it if bad or stale, and queues its write.
    #[allow(clippy::too_many_arguments)]
    async fn upsert<R: Kind>(
        &mut self,
        index: &mut Index<R>,
        pending: &mut Pending<R>,
        at: (&'static str, u64),
        kind: &'static str,
        head: &rows::Head,
        rec: R,
        mode: Mode,
    ) -> Result<(), DbError> {
        let (file, line) = at;
        if !head.active {
            let why = Why::Skipped("marked tobedeleted");
            self.look.note(file, &head.sid, Cause { file, line, why });
        }
        match index.apply(&head.sid, rec, head.active, head.modified, mode) {
            Ok((change, write)) => {
                self.count(kind, change);
                self.stale(file, line, change);
                if change == Change::Nothing && mode == Mode::Bulk {
                    self.skip(file, line, Some("status"), TOBEDELETED.to_owned());
                }
                self.write(pending, write).await
            }
            Err(bad) => {
                self.bad(file, line, bad);
                Ok(())
            }
        }
    }

    /// After a file: the queued writes go out and, in bulk mode, the
    /// records the file did not name go inactive.
    async fn close<R: Kind>(
        &mut self,
        index: &mut Index<R>,
        pending: &mut Pending<R>,
        mode: Mode,
        kind: &'static str,
    ) -> Result<(), DbError> {
        pending.flush(&mut self.tx, self.district, self.now).await?;
        if mode == Mode::Bulk {
            let gone = index.unseen_active();
            self.deactivate(R::TABLE, &gone, kind).await?;
        }
        Ok(())
    }

    async fn write<R: Kind>(&mut self, pending: &mut Pending<R>, write: Option<Write<R>>) -> Result<(), DbError> {
        if let Some(w) = write {
            pending.push(&mut self.tx, self.district, w, self.now).await?;
        }
        Ok(())
    }

    // ------------------------------------------------------------------ orgs

    async fn orgs(
        &mut self,
        rows: OrgRows,
        district_sid: &str,
        district_row: Option<rows::OrgRow>,
    ) -> Result<(), ImportError> {
        let mut index = Index::from_stored(repo::load_orgs(&mut self.tx, self.district).await?);
        let mut pending = Pending::<OrgRec>::new();
        // The district first: schools hang under it.
        let state = match index.map.get(district_sid) {
            Some(slot) => slot.kept.1,
            None => repo::only_state(&mut self.tx).await?,
        };
        if let Some(d) = &district_row {
            let rec = OrgRec {
                kind: "district",
                name: d.name.clone(),
                identifier: d.identifier.clone(),
                parent_id: state,
            };
            let is_new = !index.map.contains_key(district_sid);
            let (change, write) = index
                .apply(district_sid, rec, true, d.head.modified, Mode::Bulk)
                .unwrap_or((Change::Unchanged, None));
            // The district keeps the id chosen for this run.
            let write = match write {
                Some(Write::Insert(mut r)) if is_new => {
                    r.id = self.district;
                    if let Some(slot) = index.map.get_mut(district_sid) {
                        slot.id = self.district;
                    }
                    Some(Write::Insert(r))
                }
                other => other,
            };
            self.count("orgs", change);
            self.write(&mut pending, write).await?;
            pending.flush(&mut self.tx, self.district, self.now).await?;
            if self.report.district_name.is_empty() {
                self.report.district_name = d.name.clone();
            }
        }
        let mode = self.mode("orgs");
        for (line, row) in rows {
            self.row_read("orgs");
            let Some(row) = self.good("orgs", line, row) else {
                continue;
            };
            match row.kind {
                Some("district") if row.head.sid == district_sid => {
                    index.map.entry(district_sid.into()).and_modify(|s| s.seen = true);
                }
                Some("district") => {
                    self.skip(
                        "orgs",
                        line,
                        Some("sourcedId"),
                        format!("district {:?} is not the one being imported", row.head.sid),
                    );
                }
                Some(_) => {
                    let rec = OrgRec {
                        kind: "school",
                        name: row.name,
                        identifier: row.identifier,
                        parent_id: Some(self.district),
                    };
                    let mode = mode.unwrap_or(Mode::Bulk);
                    self.upsert(&mut index, &mut pending, ("orgs", line), "orgs", &row.head, rec, mode)
                        .await?;
                }
                None => {
                    let why = if row.type_name.starts_with("ext:") {
                        format!("is of the extension type {}, which ssp does not keep", row.type_name)
                    } else {
                        format!("is a {}, which ssp does not keep", row.type_name)
                    };
                    self.skip(
                        "orgs",
                        line,
                        Some("type"),
                        format!("ssp keeps districts and schools; org {:?} {why}", row.head.sid),
                    );
                    let cause = Cause {
                        file: "orgs",
                        line,
                        why: Why::Is(why.into()),
                    };
                    self.look.note("orgs", &row.head.sid, cause);
                }
            }
        }
        if let Some(slot) = index.map.get_mut(district_sid) {
            slot.seen = true; // the district itself never goes inactive
        }
        self.close(&mut index, &mut pending, mode.unwrap_or(Mode::Delta), "orgs")
            .await?;
        self.look.orgs = index.map.iter().map(|(k, s)| (k.clone(), (s.id, s.kept.0))).collect();
        self.file_done("orgs");
        Ok(())
    }

    fn stale(&mut self, file: &str, line: u64, change: Change) {
        if change == Change::Stale {
            self.skip(
                file,
                line,
                Some("dateLastModified"),
                "older than what ssp already holds for this record; ignored".to_owned(),
            );
        }
    }
}

const TOBEDELETED: &str =
    "the row is marked tobedeleted, so it was not loaded (in bulk mode that is the same as leaving it out)";

/// Why a record the package has is not in ssp, for the rows that name it.
#[derive(Debug, Clone)]
struct Cause {
    file: &'static str,
    line: u64,
    why: Why,
}

#[derive(Debug, Clone)]
enum Why {
    /// The row had an error (in this column).
    Rejected(Option<&'static str>),
    /// The row was skipped for this reason.
    Skipped(&'static str),
    /// The record is something ssp does not keep (`is a department, …`).
    Is(Box<str>),
}

impl Cause {
    /// `user "u-1" was rejected at users.csv line 2 (enabledUser)`.
    fn describe(&self, what: &str, sid: &str) -> String {
        let (file, line) = (self.file, self.line);
        match &self.why {
            Why::Rejected(Some(column)) => format!("{what} {sid:?} was rejected at {file}.csv line {line} ({column})"),
            Why::Rejected(None) => format!("{what} {sid:?} was rejected at {file}.csv line {line}"),
            Why::Skipped(why) => format!("{what} {sid:?} was skipped at {file}.csv line {line} ({why})"),
            Why::Is(text) => format!("{what} {sid:?} {text} (see {file}.csv line {line})"),
        }
    }
}

/// What later files look up.
#[derive(Default)]
struct Lookups {
    orgs: HashMap<Box<str>, (Uuid, &'static str)>,
    sessions: HashMap<Box<str>, Uuid>,
    courses: HashMap<Box<str>, Uuid>,
    classes: HashMap<Box<str>, (Uuid, Uuid)>,
    persons: HashMap<Box<str>, Uuid>,
    /// Users the package has but ssp does not keep (grade 3, a row with
    /// an error): rows that point at them are skipped, not errors, and
    /// say why.
    not_loaded: HashMap<Box<str>, Cause>,
    /// The same for orgs, sessions, courses and classes.
    orgs_missing: HashMap<Box<str>, Cause>,
    sessions_missing: HashMap<Box<str>, Cause>,
    courses_missing: HashMap<Box<str>, Cause>,
    classes_missing: HashMap<Box<str>, Cause>,
}

impl Lookups {
    fn missing_of(&mut self, file: &str) -> Option<&mut HashMap<Box<str>, Cause>> {
        match file {
            "users" => Some(&mut self.not_loaded),
            "orgs" => Some(&mut self.orgs_missing),
            "academicSessions" => Some(&mut self.sessions_missing),
            "courses" => Some(&mut self.courses_missing),
            "classes" => Some(&mut self.classes_missing),
            _ => None,
        }
    }

    /// Notes why `sid` of `file` is not loaded (the first reason stays).
    fn note(&mut self, file: &str, sid: &str, cause: Cause) {
        if let Some(map) = self.missing_of(file) {
            map.entry(sid.into()).or_insert(cause);
        }
    }

    fn cause(&mut self, file: &str, sid: &str) -> Option<Cause> {
        self.missing_of(file).and_then(|m| m.get(sid).cloned())
    }

    fn is_not_loaded(&self, sid: &str) -> bool {
        self.not_loaded.contains_key(sid)
    }
}
