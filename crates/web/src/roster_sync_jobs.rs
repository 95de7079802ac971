//! Roster syncs over the OneRoster 1.2 REST API, run in the background
//! like an uploaded package (`crate::roster_jobs`): they take the same one
//! import slot, show their progress the same way and land in the same
//! history. Started from the admin page ("run now") or by the schedule: a
//! loop that every minute queues the districts whose next pull is due.

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::time::Duration;

use futures::FutureExt;
use ssp_db::repo::roster::{self as history, NewImport};
use ssp_db::repo::roster_sync;
use ssp_roster::rest::{self, RunOptions};
use ssp_roster::Progress;
use uuid::Uuid;

use crate::roster_jobs::{self, JobSlot};
use crate::state::AppState;

/// Why a sync was not started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotStarted {
    /// Another import or sync is queued or running.
    Busy,
    /// The district has no sync settings.
    NotConfigured,
}

/// Where pulled rosters are written while they are imported (each in its
/// own temporary folder, deleted when the sync ends).
pub fn work_dir(state: &AppState) -> PathBuf {
    state.config().data_dir.join("uploads").join("sync")
}

/// Queues district `district`'s sync and starts it in the background;
/// returns its history id.
pub async fn start(
    state: &AppState,
    district: Uuid,
    started_by: Option<Uuid>,
    full: bool,
) -> Result<Result<Uuid, NotStarted>, ssp_db::DbError> {
    let Some(settings) = roster_sync::get(state.db(), district).await? else {
        return Ok(Err(NotStarted::NotConfigured));
    };
    let id = Uuid::now_v7();
    let Some(slot) = state.imports().reserve(id) else {
        return Ok(Err(NotStarted::Busy));
    };
    // An import started elsewhere (the command line, another server).
    if history::active_import(state.db()).await?.is_some() {
        return Ok(Err(NotStarted::Busy));
    }
    let since = if full { None } else { settings.watermark.as_deref() };
    let name = match rest::rostering_root(&settings.base_url) {
        Ok(url) => rest::source_name(&url, since),
        Err(_) => "OneRoster API: settings".to_owned(),
    };
    let new = NewImport {
        id,
        district_id: Some(district),
        started_by,
        source_name: &name,
        dry_run: false,
    };
    history::create_import(state.db(), &new, state.now()).await?;
    tokio::spawn(run(state.clone(), id, district, started_by, full, slot));
    Ok(Ok(id))
}

async fn run(state: AppState, id: Uuid, district: Uuid, started_by: Option<Uuid>, full: bool, slot: JobSlot) {
    let opts = RunOptions {
        full,
        dry_run: false,
        confirm_deactivations: false,
        now: state.now(),
        import_id: Some(id),
        started_by,
        tuning: state.config().roster_sync_tuning.clone(),
        work_dir: Some(work_dir(&state)),
    };
    let progress = |p: Progress| slot.report(p);
    let outcome = AssertUnwindSafe(rest::run_district(state.db(), district, &opts, &progress))
        .catch_unwind()
        .await;
    match outcome {
        Ok(Ok(o)) => {
            if o.report.counts("students").changed() {
                if let Err(e) = state.db().analyze().await {
                    tracing::warn!(import = %id, error = %e, "could not update planner statistics");
                }
            }
            // As after a file import: an account (no password, the roster
            // username the import kept) for every rostered person without one.
            let by = ssp_app::accounts::prepare::PreparedBy {
                person: started_by.map(ssp_domain::PersonId),
                request_id: None,
            };
            let none = std::collections::HashMap::new();
            match ssp_app::accounts::prepare::prepare(&state, ssp_domain::OrgId(district), &by, &none).await {
                Ok(n) => tracing::info!(import = %id, prepared = n, "accounts prepared for rostered people"),
                Err(e) => tracing::error!(import = %id, error = %e, "could not prepare accounts after the sync"),
            }
        }
        // Recorded in the history by the sync or the importer.
        Ok(Err(rest::SyncError::Failed(_) | rest::SyncError::Import(ssp_roster::ImportError::Refused(_)))) => {}
        Ok(Err(e)) => tracing::error!(import = %id, error = %e, "roster sync failed"),
        Err(_) => tracing::error!(import = %id, "roster sync panicked"),
    }
    roster_jobs::settle(&state, id).await;
    drop(slot);
}

/// Queues every district whose scheduled pull is due (one at a time: the
/// others wait for the next round). Returns the syncs started.
pub async fn run_due(state: &AppState) -> Vec<Uuid> {
    let due = match roster_sync::due(state.db(), state.now()).await {
        Ok(d) => d,
        Err(e) => {
            tracing::warn!(error = %e, "could not read the roster sync schedule");
            return Vec::new();
        }
    };
    let mut started = Vec::new();
    for district in due {
        match start(state, district, None, false).await {
            Ok(Ok(id)) => started.push(id),
            Ok(Err(_)) => break,
            Err(e) => {
                tracing::warn!(error = %e, "could not queue a scheduled roster sync");
                break;
            }
        }
    }
    started
}

/// The schedule: every minute, queue the syncs that are due. Folders a
/// crash left behind are deleted first (their sync was rolled back).
pub async fn schedule(state: AppState) {
    let dir = work_dir(&state);
    if dir.is_dir() {
        if let Err(e) = std::fs::remove_dir_all(&dir) {
            tracing::warn!(dir = %dir.display(), error = %e, "could not remove leftover pulled rosters");
        }
    }
    let mut tick = tokio::time::interval(Duration::from_secs(60));
    loop {
        tick.tick().await;
        run_due(&state).await;
    }
}
