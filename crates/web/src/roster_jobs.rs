//! The roster import a district administrator starts from the admin page:
//! one at a time (SQLite has one writer), run in the background so it
//! outlives the request, its progress kept in memory for the page, and its
//! uploaded package deleted as soon as it ends — unless the import stopped
//! to ask for a confirmation (too many deactivations): then the package is
//! kept until an administrator confirms or discards it.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use futures::FutureExt;
use ssp_db::repo::roster::{self, Finished};
use ssp_db::repo::roster_safety;
use ssp_roster::{ImportError, ImportOptions, Progress, Refusal};
use tokio::io::AsyncWriteExt;
use uuid::Uuid;

use crate::state::AppState;

/// The largest package the page accepts by default (as the importer does).
pub const MAX_UPLOAD: u64 = 1 << 30;

/// The upload route's body limit: the package plus the form around it.
pub const UPLOAD_BODY_LIMIT: usize = (MAX_UPLOAD as usize) + (1 << 20);

/// What a zip file starts with (a local file header).
pub const ZIP_MAGIC: [u8; 4] = *b"PK\x03\x04";

/// The import being uploaded or run, with its progress. At most one entry.
#[derive(Debug, Default)]
pub struct ImportJobs {
    running: Arc<Mutex<HashMap<Uuid, Progress>>>,
}

fn lock(m: &Mutex<HashMap<Uuid, Progress>>) -> MutexGuard<'_, HashMap<Uuid, Progress>> {
    // A panic while holding this lock left a plain map behind: keep using it.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl ImportJobs {
    /// Takes the one slot for import `id`, or `None` while another import
    /// is being uploaded or run. The slot is given back when dropped.
    pub fn reserve(&self, id: Uuid) -> Option<JobSlot> {
        let mut map = lock(&self.running);
        if !map.is_empty() {
            return None;
        }
        map.insert(
            id,
            Progress {
                step: "queued".to_owned(),
                done: 0,
                total: 0,
            },
        );
        Some(JobSlot {
            id,
            running: self.running.clone(),
        })
    }

    /// Where import `id` is, while it runs in this process.
    pub fn progress(&self, id: Uuid) -> Option<Progress> {
        lock(&self.running).get(&id).cloned()
    }
}

/// The right to run one import; dropping it frees the slot and forgets
/// the progress.
#[derive(Debug)]
pub struct JobSlot {
    id: Uuid,
    running: Arc<Mutex<HashMap<Uuid, Progress>>>,
}

impl JobSlot {
    pub(crate) fn report(&self, p: Progress) {
        lock(&self.running).insert(self.id, p);
    }
}

impl Drop for JobSlot {
    fn drop(&mut self) {
        lock(&self.running).remove(&self.id);
    }
}

/// Where uploaded packages wait for their import.
pub fn uploads_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("uploads").join("imports")
}

/// An uploaded package on disk. It is removed when dropped: after its
/// import, or when the upload is refused or broken off half-way.
#[derive(Debug)]
pub struct UploadedPackage {
    path: PathBuf,
    file: Option<tokio::fs::File>,
    /// Left on disk when dropped (kept for a confirmation).
    kept: bool,
}

/// Where import `id`'s package waits.
pub fn package_path(data_dir: &Path, id: Uuid) -> PathBuf {
    uploads_dir(data_dir).join(format!("{id}.zip"))
}

impl UploadedPackage {
    /// Creates `<uploads>/<id>.zip` (only this process's user may read it).
    pub async fn create(data_dir: &Path, id: Uuid) -> std::io::Result<Self> {
        let dir = uploads_dir(data_dir);
        tokio::fs::create_dir_all(&dir).await?;
        let path = package_path(data_dir, id);
        let mut options = tokio::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        options.mode(0o600);
        let file = options.open(&path).await?;
        Ok(Self {
            path,
            file: Some(file),
            kept: false,
        })
    }

    /// The package kept for import `id`, if it is still on disk.
    pub fn kept_for(data_dir: &Path, id: Uuid) -> Option<Self> {
        let path = package_path(data_dir, id);
        path.is_file().then_some(Self {
            path,
            file: None,
            kept: false,
        })
    }

    /// Leaves the package on disk when dropped.
    fn keep(mut self) {
        self.file.take();
        self.kept = true;
    }

    pub async fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match &mut self.file {
            Some(f) => f.write_all(bytes).await,
            None => Err(std::io::Error::other("the package is already closed")),
        }
    }

    /// Flushes the package to disk and closes it for the importer.
    pub async fn finish(&mut self) -> std::io::Result<()> {
        if let Some(mut f) = self.file.take() {
            f.flush().await?;
            f.sync_all().await?;
        }
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for UploadedPackage {
    fn drop(&mut self) {
        // Student data stays on disk no longer than the import needs it.
        self.file.take();
        if self.kept {
            return;
        }
        match std::fs::remove_file(&self.path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => tracing::warn!(path = %self.path.display(), error = %e, "could not remove an uploaded package"),
        }
    }
}

/// One import to run, as the history row says.
#[derive(Debug, Clone)]
pub struct Job {
    pub id: Uuid,
    pub district_id: Uuid,
    pub started_by: Uuid,
    pub dry_run: bool,
    /// The administrator confirmed the deactivations of this package.
    pub confirm_deactivations: bool,
    pub source_name: String,
}

/// Runs `job` in the background: the request that started it may end,
/// the page may be closed; the history row records how it ended.
pub fn spawn(state: AppState, job: Job, slot: JobSlot, package: UploadedPackage) {
    tokio::spawn(run(state, job, slot, package));
}

async fn run(state: AppState, job: Job, slot: JobSlot, package: UploadedPackage) {
    let opts = ImportOptions {
        district: None,
        expected_district: Some(job.district_id),
        dry_run: job.dry_run,
        confirm_deactivations: job.confirm_deactivations,
        now: state.now(),
        import_id: Some(job.id),
        started_by: Some(job.started_by),
        source_name: job.source_name.clone(),
    };
    let progress = |p: Progress| slot.report(p);
    let outcome = AssertUnwindSafe(ssp_roster::import(state.db(), package.path(), &opts, &progress))
        .catch_unwind()
        .await;
    match outcome {
        Ok(Ok(report)) => {
            if !job.dry_run && report.counts("students").changed() {
                if let Err(e) = state.db().analyze().await {
                    tracing::warn!(import = %job.id, error = %e, "could not update planner statistics");
                }
            }
            if !job.dry_run {
                prepare_accounts(&state, &job, package.path()).await;
            }
        }
        // Too many deactivations: the package waits for a confirmation.
        Ok(Err(ImportError::Refused(Refusal::TooManyDeactivations(_)))) => {
            if hold(&state, job.id).await {
                settle(&state, job.id).await;
                package.keep();
                drop(slot);
                return;
            }
        }
        // The importer wrote the refusal to the history.
        Ok(Err(ImportError::Refused(_))) => {}
        Ok(Err(e)) => tracing::error!(import = %job.id, error = %e, "roster import failed"),
        Err(_) => tracing::error!(import = %job.id, "roster import panicked"),
    }
    settle(&state, job.id).await;
    drop(package);
    drop(slot);
}

/// After an import: an account (no password, roster username) for every
/// active rostered person who has none. A failure here leaves the import
/// in place; the accounts page's button runs the same step again.
async fn prepare_accounts(state: &AppState, job: &Job, path: &std::path::Path) {
    let path = path.to_owned();
    let usernames = tokio::task::spawn_blocking(move || ssp_roster::usernames::usernames(&path))
        .await
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
    let by = ssp_app::accounts::prepare::PreparedBy {
        person: Some(ssp_domain::PersonId(job.started_by)),
        request_id: None,
    };
    match ssp_app::accounts::prepare::prepare(state, ssp_domain::OrgId(job.district_id), &by, &usernames).await {
        Ok(n) => tracing::info!(import = %job.id, prepared = n, "accounts prepared for rostered people"),
        Err(e) => tracing::error!(import = %job.id, error = %e, "could not prepare accounts after the import"),
    }
}

/// Marks import `id` as waiting for a confirmation with its package kept.
async fn hold(state: &AppState, id: Uuid) -> bool {
    let result = async {
        let mut tx = state.db().begin().await?;
        roster_safety::set_awaiting_confirmation(&mut tx, id, true).await?;
        tx.commit().await
    }
    .await;
    match result {
        Ok(()) => true,
        Err(e) => {
            tracing::error!(import = %id, error = %e, "could not keep a package for its confirmation");
            false
        }
    }
}

/// An import that ended without recording how (a panic, or the database
/// failing at the very end) must not stay "running" in the history.
pub(crate) async fn settle(state: &AppState, id: Uuid) {
    let row = match roster::get_import(state.db(), id).await {
        Ok(Some(row)) => row,
        Ok(None) => return,
        Err(e) => {
            tracing::error!(import = %id, error = %e, "could not check how an import ended");
            return;
        }
    };
    if row.state != "queued" && row.state != "running" {
        return;
    }
    let finished = Finished {
        id,
        district_id: None,
        state: "failed",
        version: None,
        message: Some("failed: the import stopped unexpectedly; nothing was changed"),
        summary: None,
        issues_total: 0,
        issues: &[],
    };
    let result = async {
        let mut tx = state.db().begin().await?;
        roster::finish_import(&mut tx, &finished, state.now()).await?;
        tx.commit().await
    }
    .await;
    if let Err(e) = result {
        tracing::error!(import = %id, error = %e, "could not record that an import failed");
    }
}

/// At startup: imports a crash or restart cut short are marked interrupted
/// (their transaction was rolled back), and their packages are deleted;
/// packages kept for a confirmation stay.
pub async fn recover(state: &AppState) {
    match roster::fail_interrupted(state.db(), state.now()).await {
        Ok(n) if n > 0 => tracing::warn!(imports = n, "roster imports interrupted by a restart"),
        Ok(_) => {}
        Err(e) => tracing::error!(error = %e, "could not mark interrupted roster imports"),
    }
    let kept: Vec<PathBuf> = match roster_safety::imports_awaiting_confirmation(state.db()).await {
        Ok(ids) => ids
            .into_iter()
            .map(|id| package_path(&state.config().data_dir, id))
            .collect(),
        Err(e) => {
            tracing::error!(error = %e, "could not list packages kept for a confirmation; leaving uploads alone");
            return;
        }
    };
    let dir = uploads_dir(&state.config().data_dir);
    let mut entries = match tokio::fs::read_dir(&dir).await {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
        Err(e) => {
            tracing::warn!(dir = %dir.display(), error = %e, "could not list leftover uploads");
            return;
        }
    };
    while let Ok(Some(entry)) = entries.next_entry().await {
        let path = entry.path();
        if kept.contains(&path) {
            continue;
        }
        if entry.file_type().await.is_ok_and(|t| t.is_file()) {
            if let Err(e) = tokio::fs::remove_file(&path).await {
                tracing::warn!(path = %path.display(), error = %e, "could not remove a leftover upload");
            }
        }
    }
}
