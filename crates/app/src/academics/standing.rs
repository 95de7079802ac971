//! Recomputing the stored academic standing (`academic_status`) of a whole
//! district after something every student's audit depends on changed: the
//! catalog (a load or one course) or the district's rules. Only students
//! with a transcript or a course plan are recomputed (the others have no
//! standing to change). On a page the work runs in the background, one
//! district at a time, with its progress readable
//! ([`progress`]); a change while it runs makes it start over once more
//! when it finishes, so the last change always wins.

use std::collections::HashMap;
use std::sync::Mutex;

use ssp_db::repo::academics::catalog as catalog_repo;
use ssp_db::repo::academics::rules as rules_repo;
use ssp_domain::{OrgId, StudentId};

use crate::error::Error;
use crate::App;

/// How far a district's recomputation has come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

#[derive(Debug, Default)]
struct Running {
    progress: Progress,
    /// Another change arrived while this run was under way.
    again: bool,
}

/// The districts being recomputed now (one per [`App`]).
#[derive(Debug, Default)]
pub struct Registry(Mutex<HashMap<OrgId, Running>>);

impl Registry {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<OrgId, Running>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Recomputes every student of the district with academic records, now —
/// their standing, then their GPA and grade-9 flags; `on_progress(done,
/// total)` after each student's standing. Returns how many.
pub async fn refresh_district(
    app: &App,
    district: OrgId,
    mut on_progress: impl FnMut(usize, usize),
) -> Result<usize, Error> {
    let catalog = super::catalog_of(&catalog_repo::list(app.db(), district).await?);
    let rules = super::rules::of(app, district).await?;
    let students = rules_repo::students_with_records(app.db(), district).await?;
    let total = students.len();
    for (i, s) in students.iter().enumerate() {
        super::course_plan::refresh_status_with(app, district, StudentId(*s), &catalog, &rules).await?;
        on_progress(i + 1, total);
    }
    // The GPA and grade-9 flags read the same scale and catalog.
    let students: Vec<StudentId> = students.into_iter().map(StudentId).collect();
    crate::support::recompute::students(
        app,
        district,
        &students,
        crate::support::recompute::FROM_TRANSCRIPT,
        "academic-rules",
    )
    .await?;
    Ok(total)
}

/// Starts recomputing the district in the background (or, when a run is
/// under way, asks it to run once more when it ends).
pub fn refresh_district_in_background(app: &App, district: OrgId) {
    {
        let mut running = app.standings().lock();
        if let Some(r) = running.get_mut(&district) {
            r.again = true;
            return;
        }
        running.insert(district, Running::default());
    }
    let app = app.clone();
    tokio::spawn(async move {
        loop {
            let started = std::time::Instant::now();
            let result = refresh_district(&app, district, |done, total| {
                if let Some(r) = app.standings().lock().get_mut(&district) {
                    r.progress = Progress { done, total };
                }
            })
            .await;
            match result {
                Ok(n) => tracing::info!(
                    district = %district.0,
                    students = n,
                    ms = started.elapsed().as_millis() as u64,
                    "academic standings recomputed"
                ),
                Err(e) => tracing::error!(district = %district.0, error = %e, "recomputing academic standings failed"),
            }
            let mut running = app.standings().lock();
            match running.get_mut(&district) {
                Some(r) if r.again => {
                    r.again = false;
                    r.progress = Progress::default();
                }
                _ => {
                    running.remove(&district);
                    return;
                }
            }
        }
    });
}

/// The district's recomputation under way, if any.
pub fn progress(app: &App, district: OrgId) -> Option<Progress> {
    app.standings().lock().get(&district).map(|r| r.progress)
}

/// Waits until the district's recomputation (if any) has finished (for
/// tests and the command line).
pub async fn wait_idle(app: &App, district: OrgId) {
    while progress(app, district).is_some() {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}
