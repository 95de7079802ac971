//! Group commit for audit rows of reads. Each page view by someone other
//! than the student waits until its audit row is committed (so no read goes
//! unrecorded), but concurrent views share one transaction, so the log does
//! not turn every page view into its own fsync.

use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::Db;
use tokio::sync::{mpsc, oneshot};

const MAX_BATCH: usize = 512;

type Job = (AuditEvent, oneshot::Sender<Result<(), String>>);

#[derive(Clone)]
pub struct AuditWriter {
    jobs: mpsc::Sender<Job>,
}

impl AuditWriter {
    /// Starts the writer task on the current runtime.
    pub fn spawn(db: Db) -> Self {
        let (tx, rx) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(run(db, rx));
        Self { jobs: tx }
    }

    /// Records `ev`; returns once it is committed.
    pub async fn write(&self, ev: AuditEvent) -> anyhow::Result<()> {
        let (done, wait) = oneshot::channel();
        self.jobs
            .send((ev, done))
            .await
            .map_err(|_| anyhow::anyhow!("audit writer stopped"))?;
        wait.await
            .map_err(|_| anyhow::anyhow!("audit writer stopped"))?
            .map_err(|e| anyhow::anyhow!("audit write failed: {e}"))
    }
}

async fn run(db: Db, mut rx: mpsc::Receiver<Job>) {
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let (events, waiters): (Vec<AuditEvent>, Vec<_>) = batch.into_iter().unzip();
        let result = write_batch(&db, &events).await.map_err(|e| e.to_string());
        if let Err(e) = &result {
            tracing::error!(error = %e, rows = events.len(), "audit batch failed");
        }
        for w in waiters {
            let _ = w.send(result.clone());
        }
    }
}

async fn write_batch(db: &Db, events: &[AuditEvent]) -> Result<(), ssp_db::DbError> {
    let mut tx = db.begin().await?;
    audit::record_many(&mut tx, events).await?;
    tx.commit().await
}
