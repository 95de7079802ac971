//! Fetching a pull: every page of every collection, in order, streamed
//! into the CSV files of a temporary package (one page in memory at a
//! time), with the checks that decide whether the answer can be trusted.

use std::collections::HashSet;
use std::fs::File;
use std::hash::{BuildHasher, RandomState};
use std::io::{BufWriter, Write};
use std::path::Path;

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::json::{self, Record};
use super::{client, headers, Endpoint, SyncFailure, SyncRequest};
use crate::{Mode, Progress};

/// What the pull wrote into the package folder.
pub(super) struct Fetched {
    pub(super) watermark: Option<OffsetDateTime>,
    pub(super) records: u64,
    pub(super) pages: u64,
    pub(super) tokens: u32,
    pub(super) retries: u32,
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

pub(super) async fn fetch(
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
