//! Roster sync over the OneRoster 1.2 REST API: pull `orgs`,
//! `academicSessions`, `courses`, `classes`, `users`, `enrollments` and
//! (where the server shares them) `demographics` from a rostering endpoint,
//! page by page, into a temporary CSV package — bulk for a full pull,
//! delta (`status`, `dateLastModified`) for the changes since the last
//! applied pull — then apply it with [`crate::import`], so a sync has the
//! CSV import's semantics: one transaction, row problems, history,
//! idempotence, the deactivation limit. Everything is fetched before
//! anything is applied: a page that fails for good changes nothing.
//!
//! - [`client`]: OAuth 2.0 client credentials, paging, retries;
//! - [`json`]: the JSON binding's records and their CSV rows.

pub mod client;
pub mod json;

use std::collections::HashSet;
use std::fs::File;
use std::hash::{BuildHasher, RandomState};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::repo::roster::{self as history, Finished, NewImport};
use ssp_db::repo::roster_sync;
use ssp_db::{Db, DbError};
use ssp_domain::audit::AuditAction;
use ssp_domain::{OrgId, PersonId};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use url::Url;
use uuid::Uuid;

pub use client::{Credentials, Tuning};
use json::Record;

use crate::{ImportError, ImportOptions, Mode, Progress, Report};

/// The collections ssp pulls, in the order they are fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Orgs,
    AcademicSessions,
    Courses,
    Classes,
    Users,
    Enrollments,
    Demographics,
}

impl Endpoint {
    pub const ALL: [Endpoint; 7] = [
        Endpoint::Orgs,
        Endpoint::AcademicSessions,
        Endpoint::Courses,
        Endpoint::Classes,
        Endpoint::Users,
        Endpoint::Enrollments,
        Endpoint::Demographics,
    ];

    /// The path under the rostering root, which is also the JSON key.
    pub fn path(self) -> &'static str {
        match self {
            Endpoint::Orgs => "orgs",
            Endpoint::AcademicSessions => "academicSessions",
            Endpoint::Courses => "courses",
            Endpoint::Classes => "classes",
            Endpoint::Users => "users",
            Endpoint::Enrollments => "enrollments",
            Endpoint::Demographics => "demographics",
        }
    }
}

/// Why a pull stopped before anything was applied. Each has a stable code
/// (pages translate `roster-refusal-<code>`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyncFailure {
    #[error("the sync settings cannot be used: {0}")]
    Config(String),
    #[error("{0}")]
    Credentials(String),
    #[error("{0}")]
    Unreachable(String),
    #[error("{0}")]
    Timeout(String),
    #[error("{0}")]
    PageFailed(String),
    #[error("{0}")]
    Garbage(String),
    #[error("{0}")]
    Duplicate(String),
}

impl SyncFailure {
    /// Every code [`SyncFailure::code`] returns.
    pub const CODES: [&'static str; 7] = [
        "sync-config",
        "sync-credentials",
        "sync-unreachable",
        "sync-timeout",
        "sync-page-failed",
        "sync-garbage",
        "sync-duplicate",
    ];

    pub fn code(&self) -> &'static str {
        match self {
            SyncFailure::Config(_) => "sync-config",
            SyncFailure::Credentials(_) => "sync-credentials",
            SyncFailure::Unreachable(_) => "sync-unreachable",
            SyncFailure::Timeout(_) => "sync-timeout",
            SyncFailure::PageFailed(_) => "sync-page-failed",
            SyncFailure::Garbage(_) => "sync-garbage",
            SyncFailure::Duplicate(_) => "sync-duplicate",
        }
    }

    fn after_tries(self, tries: u32) -> SyncFailure {
        let note = |s: String| format!("{s} ({tries} tries)");
        match self {
            SyncFailure::Timeout(s) => SyncFailure::Timeout(note(s)),
            SyncFailure::PageFailed(s) => SyncFailure::PageFailed(note(s)),
            SyncFailure::Unreachable(s) => SyncFailure::Unreachable(note(s)),
            other => other,
        }
    }
}

/// A sync that did not apply anything.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The pull stopped (recorded in the history as a refusal).
    #[error("{0}; nothing was changed")]
    Failed(SyncFailure),
    /// The pulled package was refused or the database failed (the importer
    /// recorded it).
    #[error("{0}")]
    Import(#[from] ImportError),
    #[error("database error: {0}")]
    Db(#[from] DbError),
    /// The district has no sync settings.
    #[error("the district has no OneRoster sync settings; set them on /admin/roster/sync")]
    NotConfigured,
}

/// One pull.
#[derive(Debug, Clone)]
pub struct SyncRequest {
    pub creds: Credentials,
    pub tuning: Tuning,
    /// The ssp district and its sourcedId.
    pub district_id: Uuid,
    pub district_source_id: String,
    /// Only records changed after this `dateLastModified` (a delta pull);
    /// `None`: everything (a bulk pull).
    pub since: Option<String>,
    pub dry_run: bool,
    pub confirm_deactivations: bool,
    pub now: OffsetDateTime,
    /// The history row to complete (queued by the page); `None` makes one.
    pub import_id: Option<Uuid>,
    pub started_by: Option<Uuid>,
    /// Where the temporary package is written (deleted afterwards).
    pub work_dir: Option<PathBuf>,
}

/// What a pull fetched and what its import did.
#[derive(Debug, Clone)]
pub struct SyncOutcome {
    pub import_id: Uuid,
    pub mode: Mode,
    pub report: Report,
    /// The latest `dateLastModified` fetched (the next delta starts there).
    pub watermark: Option<String>,
    pub records: u64,
    pub pages: u64,
    pub tokens: u32,
    pub retries: u32,
}

/// What the history shows as the "file" of a pull.
pub fn source_name(base: &Url, since: Option<&str>) -> String {
    let host = base.host_str().unwrap_or("?");
    match since {
        None => format!("OneRoster API {host}: full pull"),
        Some(s) => format!("OneRoster API {host}: changes since {s}"),
    }
}

/// The rostering root from what an administrator typed: a URL that names
/// no `/ims/oneroster/` path gets the 1.2 rostering path appended.
pub fn rostering_root(base: &str) -> Result<Url, SyncFailure> {
    let mut url = Url::parse(base.trim()).map_err(|e| SyncFailure::Config(format!("base URL: {e}")))?;
    if !matches!(url.scheme(), "https" | "http") {
        return Err(SyncFailure::Config("base URL: not http(s)".to_owned()));
    }
    if !url.path().contains("/ims/oneroster/") {
        let path = format!("{}/ims/oneroster/rostering/v1p2", url.path().trim_end_matches('/'));
        url.set_path(&path);
    }
    url.set_query(None);
    url.set_fragment(None);
    Ok(url)
}

/// Pulls everything (or the changes since `req.since`) and imports it.
/// The history row records the outcome either way.
pub async fn sync(db: &Db, req: &SyncRequest, progress: &(dyn Fn(Progress) + Sync)) -> Result<SyncOutcome, SyncError> {
    let name = source_name(&req.creds.base_url, req.since.as_deref());
    let import_id = match req.import_id {
        Some(id) => id,
        None => {
            let id = Uuid::now_v7();
            let new = NewImport {
                id,
                district_id: Some(req.district_id),
                started_by: req.started_by,
                source_name: &name,
                dry_run: req.dry_run,
            };
            history::create_import(db, &new, req.now).await?;
            id
        }
    };
    history::mark_running(db, import_id).await?;
    let mode = if req.since.is_some() { Mode::Delta } else { Mode::Bulk };
    let fetched = match work_folder(req.work_dir.as_deref()) {
        Ok(dir) => fetch(req, mode, dir.path(), progress).await.map(|f| (f, dir)),
        Err(f) => Err(f),
    };
    let (fetched, dir) = match fetched {
        Ok(f) => f,
        Err(failure) => {
            record_failure(db, req.district_id, req.started_by, import_id, req.now, &failure).await?;
            tracing::warn!(import = %import_id, code = failure.code(), "roster sync stopped: {failure}");
            return Err(SyncError::Failed(failure));
        }
    };
    let opts = ImportOptions {
        district: Some(req.district_source_id.clone()),
        expected_district: Some(req.district_id),
        dry_run: req.dry_run,
        confirm_deactivations: req.confirm_deactivations,
        now: req.now,
        import_id: Some(import_id),
        started_by: req.started_by,
        source_name: name,
    };
    let report = crate::import(db, dir.path(), &opts, progress).await?;
    drop(dir);
    Ok(SyncOutcome {
        import_id,
        mode,
        report,
        watermark: fetched.watermark.map(|w| w.format(&Rfc3339).unwrap_or_default()),
        records: fetched.records,
        pages: fetched.pages,
        tokens: fetched.tokens,
        retries: fetched.retries,
    })
}

/// The temporary folder the pulled package is written to.
fn work_folder(dir: Option<&Path>) -> Result<tempfile::TempDir, SyncFailure> {
    let b = tempfile::Builder::new().prefix("ssp-sync-").to_owned();
    match dir {
        Some(d) => std::fs::create_dir_all(d).and_then(|()| b.tempdir_in(d)),
        None => b.tempdir(),
    }
    .map_err(|e| SyncFailure::Config(format!("cannot create a folder for the pulled roster: {e}")))
}

/// Completes history row `import_id` as a refusal with the failure's code.
pub async fn record_failure(
    db: &Db,
    district: Uuid,
    started_by: Option<Uuid>,
    import_id: Uuid,
    now: OffsetDateTime,
    failure: &SyncFailure,
) -> Result<(), DbError> {
    let message = format!("{}: {failure}; nothing was changed", failure.code());
    let finished = Finished {
        id: import_id,
        district_id: Some(district),
        state: "refused",
        version: Some("1.2"),
        message: Some(&message),
        summary: None,
        issues_total: 0,
        issues: &[],
    };
    let mut ev = AuditEvent::new(AuditAction::RosterImported, now);
    ev.district_id = Some(OrgId(district));
    ev.actor = started_by.map(PersonId);
    ev.record_kind = Some("roster_import");
    ev.detail = Some(serde_json::json!({ "state": "refused", "message": message }).to_string());
    let mut tx = db.begin().await?;
    history::finish_import(&mut tx, &finished, now).await?;
    audit::record(&mut tx, &ev).await?;
    tx.commit().await
}

/// What the pull wrote into the package folder.
struct Fetched {
    watermark: Option<OffsetDateTime>,
    records: u64,
    pages: u64,
    tokens: u32,
    retries: u32,
}

/// One CSV file of the package being written.
struct CsvOut {
    w: csv::Writer<BufWriter<File>>,
    name: &'static str,
}

impl CsvOut {
    fn create(dir: &Path, name: &'static str, header: &[&str]) -> Result<CsvOut, SyncFailure> {
        let file = File::create(dir.join(format!("{name}.csv")))
            .map_err(|e| SyncFailure::Config(format!("cannot write the pulled roster: {e}")))?;
        let mut w = csv::WriterBuilder::new().from_writer(BufWriter::with_capacity(1 << 16, file));
        w.write_record(header).map_err(io_failure)?;
        Ok(CsvOut { w, name })
    }
    fn row(&mut self, base: [&str; 3], rest: &[String]) -> Result<(), SyncFailure> {
        for f in base {
            self.w.write_field(f).map_err(io_failure)?;
        }
        for f in rest {
            self.w.write_field(f).map_err(io_failure)?;
        }
        self.w.write_record(None::<&[u8]>).map_err(io_failure)
    }
    fn finish(self) -> Result<(), SyncFailure> {
        let name = self.name;
        let mut inner = self
            .w
            .into_inner()
            .map_err(|e| SyncFailure::Config(format!("cannot write {name}.csv: {e}")))?;
        inner
            .flush()
            .map_err(|e| SyncFailure::Config(format!("cannot write {name}.csv: {e}")))
    }
}

fn io_failure(e: csv::Error) -> SyncFailure {
    SyncFailure::Config(format!("cannot write the pulled roster: {e}"))
}

/// The CSV binding's headers (1.2) of the files a pull writes.
mod headers {
    pub const ORGS: &[&str] = &[
        "sourcedId",
        "status",
        "dateLastModified",
        "name",
        "type",
        "identifier",
        "parentSourcedId",
    ];
    pub const SESSIONS: &[&str] = &[
        "sourcedId",
        "status",
        "dateLastModified",
        "title",
        "type",
        "startDate",
        "endDate",
        "parentSourcedId",
        "schoolYear",
    ];
    pub const COURSES: &[&str] = &[
        "sourcedId",
        "status",
        "dateLastModified",
        "schoolYearSourcedId",
        "title",
        "courseCode",
        "grades",
        "orgSourcedId",
        "subjects",
        "subjectCodes",
    ];
    pub const CLASSES: &[&str] = &[
        "sourcedId",
        "status",
        "dateLastModified",
        "title",
        "grades",
        "courseSourcedId",
        "classCode",
        "classType",
        "location",
        "schoolSourcedId",
        "termSourcedIds",
        "subjects",
        "subjectCodes",
        "periods",
    ];
    pub const USERS: &[&str] = &[
        "sourcedId",
        "status",
        "dateLastModified",
        "enabledUser",
        "username",
        "userIds",
        "givenName",
        "familyName",
        "middleName",
        "identifier",
        "email",
        "sms",
        "phone",
        "agentSourcedIds",
        "grades",
        "password",
        "userMasterIdentifier",
        "resourceSourcedIds",
        "preferredGivenName",
        "preferredMiddleName",
        "preferredFamilyName",
        "primaryOrgSourcedId",
        "pronouns",
    ];
    pub const ROLES: &[&str] = &[
        "sourcedId",
        "status",
        "dateLastModified",
        "userSourcedId",
        "roleType",
        "role",
        "beginDate",
        "endDate",
        "orgSourcedId",
        "userProfileSourcedId",
    ];
    pub const ENROLLMENTS: &[&str] = &[
        "sourcedId",
        "status",
        "dateLastModified",
        "classSourcedId",
        "schoolSourcedId",
        "userSourcedId",
        "role",
        "primary",
        "beginDate",
        "endDate",
    ];
    pub const DEMOGRAPHICS: &[&str] = &[
        "sourcedId",
        "status",
        "dateLastModified",
        "birthDate",
        "sex",
        "americanIndianOrAlaskaNative",
        "asian",
        "blackOrAfricanAmerican",
        "nativeHawaiianOrOtherPacificIslander",
        "white",
        "demographicRaceTwoOrMoreRaces",
        "hispanicOrLatinoEthnicity",
        "countryOfBirthCode",
        "stateOfBirthAbbreviation",
        "cityOfBirth",
        "publicSchoolResidenceStatus",
    ];
}

/// Counts and checks across the pull.
struct Tally {
    watermark: Option<OffsetDateTime>,
    records: u64,
    pages: u64,
    /// sourcedIds seen per collection, as 128-bit hashes (two keyed hashes).
    seen: HashSet<u128>,
    keys: (RandomState, RandomState),
}

impl Tally {
    fn id_hash(&self, s: &str) -> u128 {
        (u128::from(self.keys.0.hash_one(s)) << 64) | u128::from(self.keys.1.hash_one(s))
    }
}

async fn fetch(
    req: &SyncRequest,
    mode: Mode,
    dir: &Path,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Fetched, SyncFailure> {
    let mut client = client::Client::new(req.creds.clone(), req.tuning.clone())?;
    let filter = req.since.as_ref().map(|s| format!("dateLastModified>'{s}'"));
    let mut tally = Tally {
        watermark: None,
        records: 0,
        pages: 0,
        seen: HashSet::new(),
        keys: (RandomState::new(), RandomState::new()),
    };
    let mut files = Vec::new();

    let mut orgs = CsvOut::create(dir, "orgs", headers::ORGS)?;
    pull::<json::Org>(
        &mut client,
        Endpoint::Orgs,
        filter.as_deref(),
        mode,
        &mut tally,
        progress,
        |r, b| orgs.row(b, &r.row()),
    )
    .await?;
    orgs.finish()?;
    files.push("orgs");

    let mut sessions = CsvOut::create(dir, "academicSessions", headers::SESSIONS)?;
    pull::<json::AcademicSession>(
        &mut client,
        Endpoint::AcademicSessions,
        filter.as_deref(),
        mode,
        &mut tally,
        progress,
        |r, b| sessions.row(b, &r.row()),
    )
    .await?;
    sessions.finish()?;
    files.push("academicSessions");

    let mut courses = CsvOut::create(dir, "courses", headers::COURSES)?;
    pull::<json::Course>(
        &mut client,
        Endpoint::Courses,
        filter.as_deref(),
        mode,
        &mut tally,
        progress,
        |r, b| courses.row(b, &r.row()),
    )
    .await?;
    courses.finish()?;
    files.push("courses");

    let mut classes = CsvOut::create(dir, "classes", headers::CLASSES)?;
    pull::<json::Class>(
        &mut client,
        Endpoint::Classes,
        filter.as_deref(),
        mode,
        &mut tally,
        progress,
        |r, b| classes.row(b, &r.row()),
    )
    .await?;
    classes.finish()?;
    files.push("classes");

    let mut users = CsvOut::create(dir, "users", headers::USERS)?;
    let mut roles = CsvOut::create(dir, "roles", headers::ROLES)?;
    pull::<json::User>(
        &mut client,
        Endpoint::Users,
        filter.as_deref(),
        mode,
        &mut tally,
        progress,
        |r, b| {
            users.row(b, &r.row())?;
            let mut ids = HashSet::new();
            for (id, row) in r.role_rows() {
                // The same role at the same org twice says nothing new.
                if ids.insert(id.clone()) {
                    roles.row([&id, b[1], b[2]], &row)?;
                }
            }
            Ok(())
        },
    )
    .await?;
    users.finish()?;
    roles.finish()?;
    files.extend(["users", "roles"]);

    let mut enrollments = CsvOut::create(dir, "enrollments", headers::ENROLLMENTS)?;
    pull::<json::Enrollment>(
        &mut client,
        Endpoint::Enrollments,
        filter.as_deref(),
        mode,
        &mut tally,
        progress,
        |r, b| enrollments.row(b, &r.row()),
    )
    .await?;
    enrollments.finish()?;
    files.push("enrollments");

    let mut demographics = CsvOut::create(dir, "demographics", headers::DEMOGRAPHICS)?;
    let shared = pull::<json::Demographics>(
        &mut client,
        Endpoint::Demographics,
        filter.as_deref(),
        mode,
        &mut tally,
        progress,
        |r, b| demographics.row(b, &r.row()),
    )
    .await?;
    demographics.finish()?;
    if shared {
        files.push("demographics");
    } else {
        let _ = std::fs::remove_file(dir.join("demographics.csv"));
    }

    let mut manifest = String::from("propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\n");
    for f in crate::package::FILES {
        let m = if files.contains(&f) { mode.as_str() } else { "absent" };
        manifest.push_str(&format!("file.{f},{m}\n"));
    }
    manifest.push_str("source.systemName,OneRoster REST API\n");
    std::fs::write(dir.join("manifest.csv"), manifest)
        .map_err(|e| SyncFailure::Config(format!("cannot write the pulled roster: {e}")))?;

    Ok(Fetched {
        watermark: tally.watermark,
        records: tally.records,
        pages: tally.pages,
        tokens: client.tokens_fetched,
        retries: client.retries_used,
    })
}

/// Pulls every page of one collection, handing each record to `write`
/// with its sourcedId, status and dateLastModified as the file writes them.
/// `false` when the server does not share the collection (demographics).
async fn pull<T: Record>(
    client: &mut client::Client,
    endpoint: Endpoint,
    filter: Option<&str>,
    mode: Mode,
    tally: &mut Tally,
    progress: &(dyn Fn(Progress) + Sync),
    mut write: impl FnMut(&T, [&str; 3]) -> Result<(), SyncFailure>,
) -> Result<bool, SyncFailure> {
    let step = format!("{} (API)", endpoint.path());
    progress(Progress {
        step: step.clone(),
        done: 0,
        total: 0,
    });
    tally.seen.clear();
    let mut url = client.first_page(endpoint, filter);
    let mut offset = 0u64;
    loop {
        let Some(page) = client.page(endpoint, &url).await? else {
            return Ok(false);
        };
        tally.pages += 1;
        let where_ = || format!("{} at offset {offset}", endpoint.path());
        let records: Vec<T> = match json::parse_collection(&page.body, endpoint.path()) {
            Ok(Some(r)) => r,
            Ok(None) => {
                return Err(SyncFailure::Garbage(format!(
                    "{}: the answer has no \"{}\" list",
                    where_(),
                    endpoint.path()
                )))
            }
            Err(e) => {
                return Err(SyncFailure::Garbage(format!("{}: not OneRoster JSON ({e})", where_())));
            }
        };
        let n = records.len() as u64;
        for r in &records {
            let b = r.base();
            if b.sourced_id.is_empty() {
                return Err(SyncFailure::Garbage(format!(
                    "{}: a record without a sourcedId",
                    where_()
                )));
            }
            if !tally.seen.insert(tally.id_hash(&b.sourced_id)) {
                return Err(SyncFailure::Duplicate(format!(
                    "{} sent {:?} twice; the server's paging is not stable, so the pull cannot be trusted",
                    endpoint.path(),
                    b.sourced_id
                )));
            }
            let modified = b.date_last_modified.as_str();
            if let Ok(t) = OffsetDateTime::parse(modified, &Rfc3339) {
                if tally.watermark.is_none_or(|w| t > w) {
                    tally.watermark = Some(t);
                }
            }
            let status = b.status.as_str();
            match mode {
                // A bulk file is the whole truth: a record the server marks
                // deleted is left out, so the import deactivates it.
                Mode::Bulk if status == "tobedeleted" => continue,
                Mode::Bulk => write(r, [&b.sourced_id, "", ""])?,
                Mode::Delta => write(r, [&b.sourced_id, status, modified])?,
            }
        }
        tally.records += n;
        offset += n;
        progress(Progress {
            step: step.clone(),
            done: offset,
            total: page.total.unwrap_or(0).max(offset),
        });
        let next = match (page.next, page.total) {
            _ if n == 0 => None,
            (Some(link), _) => Some(link),
            (None, Some(total)) => (offset < total).then(|| client::Client::with_offset(&url, offset)),
            (None, None) => (n >= u64::from(client.page_size())).then(|| client::Client::with_offset(&url, offset)),
        };
        match next {
            Some(u) => url = u,
            None => return Ok(true),
        }
    }
}

/// How a caller runs a district's configured sync.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Pull everything even when an earlier pull left a watermark.
    pub full: bool,
    pub dry_run: bool,
    pub confirm_deactivations: bool,
    pub now: OffsetDateTime,
    pub import_id: Option<Uuid>,
    pub started_by: Option<Uuid>,
    pub tuning: Tuning,
    pub work_dir: Option<PathBuf>,
}

/// Runs district `district`'s sync as configured, and records where it
/// left off: the watermark moves only when a pull was applied.
pub async fn run_district(
    db: &Db,
    district: Uuid,
    opts: &RunOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<SyncOutcome, SyncError> {
    let settings = roster_sync::get(db, district).await?.ok_or(SyncError::NotConfigured)?;
    let (_, source_id) = history::district(db, district).await?.ok_or(SyncError::NotConfigured)?;
    let creds = (|| {
        Ok::<_, SyncFailure>(Credentials {
            base_url: rostering_root(&settings.base_url)?,
            token_url: Url::parse(settings.token_url.trim())
                .map_err(|e| SyncFailure::Config(format!("token URL: {e}")))?,
            client_id: settings.client_id.clone(),
            client_secret: settings.client_secret.clone(),
        })
    })();
    let since = if opts.full { None } else { settings.watermark.clone() };
    let creds = match (creds, source_id) {
        (Ok(c), Some(sid)) => (c, sid),
        (Err(f), _) => return Err(config_failure(db, district, opts, f).await?),
        (_, None) => {
            let f = SyncFailure::Config(
                "the district has no OneRoster sourcedId; import a package for it first".to_owned(),
            );
            return Err(config_failure(db, district, opts, f).await?);
        }
    };
    let req = SyncRequest {
        creds: creds.0,
        tuning: opts.tuning.clone(),
        district_id: district,
        district_source_id: creds.1,
        since,
        dry_run: opts.dry_run,
        confirm_deactivations: opts.confirm_deactivations,
        now: opts.now,
        import_id: opts.import_id,
        started_by: opts.started_by,
        work_dir: opts.work_dir.clone(),
    };
    let result = sync(db, &req, progress).await;
    let applied = match &result {
        Ok(o) if !opts.dry_run => o.watermark.clone().or(settings.watermark.clone()),
        _ => None,
    };
    let import_id = match &result {
        Ok(o) => Some(o.import_id),
        Err(_) => opts.import_id.or(last_import_of(db, district).await?),
    };
    if let Some(id) = import_id {
        roster_sync::record_run(db, district, id, opts.now, applied.as_deref()).await?;
    }
    result
}

/// Settings that cannot be used: recorded in the history like a failed pull.
async fn config_failure(db: &Db, district: Uuid, opts: &RunOptions, f: SyncFailure) -> Result<SyncError, DbError> {
    let id = match opts.import_id {
        Some(id) => id,
        None => {
            let id = Uuid::now_v7();
            let name = "OneRoster API: settings".to_owned();
            let new = NewImport {
                id,
                district_id: Some(district),
                started_by: opts.started_by,
                source_name: &name,
                dry_run: opts.dry_run,
            };
            history::create_import(db, &new, opts.now).await?;
            id
        }
    };
    record_failure(db, district, opts.started_by, id, opts.now, &f).await?;
    roster_sync::record_run(db, district, id, opts.now, None).await?;
    Ok(SyncError::Failed(f))
}

async fn last_import_of(db: &Db, district: Uuid) -> Result<Option<Uuid>, DbError> {
    Ok(history::list_imports(db, district, 1).await?.first().map(|r| r.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_host_gets_the_rostering_path() {
        assert_eq!(
            rostering_root("https://sis.example").unwrap().as_str(),
            "https://sis.example/ims/oneroster/rostering/v1p2"
        );
        assert_eq!(
            rostering_root("https://sis.example/api/ims/oneroster/rostering/v1p2/")
                .unwrap()
                .as_str(),
            "https://sis.example/api/ims/oneroster/rostering/v1p2/"
        );
        assert!(rostering_root("ftp://sis.example").is_err());
        assert!(rostering_root("not a url").is_err());
    }

    #[test]
    fn every_failure_code_is_listed() {
        let s = String::new;
        let all = [
            SyncFailure::Config(s()),
            SyncFailure::Credentials(s()),
            SyncFailure::Unreachable(s()),
            SyncFailure::Timeout(s()),
            SyncFailure::PageFailed(s()),
            SyncFailure::Garbage(s()),
            SyncFailure::Duplicate(s()),
        ];
        let codes: Vec<_> = all.iter().map(SyncFailure::code).collect();
        assert_eq!(codes, SyncFailure::CODES);
    }
}
