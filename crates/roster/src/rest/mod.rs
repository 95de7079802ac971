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
mod fetch;
mod headers;
pub mod json;

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
        Ok(dir) => fetch::fetch(req, mode, dir.path(), progress).await.map(|f| (f, dir)),
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
