//! The one shape of a plan write, so no use case repeats it: open the
//! transaction ([`PlanWrite::begin`]), write through the repositories
//! ([`PlanWrite::tx`]), then [`PlanWrite::commit`]: the audit row, the
//! plan's stored up-to-date status refreshed, committed together. Dropped
//! without `commit` (an error on the way), nothing is kept.

use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::repo::students;
use ssp_db::Tx;
use ssp_domain::access::RecordKind;
use ssp_domain::audit::AuditAction;
use ssp_domain::plan::UpToDate;
use time::OffsetDateTime;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::{status, App};

pub struct PlanWrite<'a> {
    app: &'a App,
    access: &'a StudentAccess,
    tx: Tx,
    grade: i32,
    now: OffsetDateTime,
}

impl<'a> PlanWrite<'a> {
    /// Opens the write's transaction (access already required).
    pub async fn begin(app: &'a App, access: &'a StudentAccess) -> Result<Self, Error> {
        let header = students::header(app.db(), access.student())
            .await?
            .ok_or(Error::NotFound)?;
        let tx = app.db().begin().await?;
        Ok(Self {
            app,
            access,
            tx,
            grade: header.grade_level,
            now: app.now(),
        })
    }

    pub fn tx(&mut self) -> &mut Tx {
        &mut self.tx
    }

    /// The write's time (the same in its rows, audit and status).
    pub fn now(&self) -> OffsetDateTime {
        self.now
    }

    /// The student's grade this year.
    pub fn grade(&self) -> i32 {
        self.grade
    }

    /// An audit event for this write, to fill in before [`Self::commit_with`].
    pub fn event(&self, action: AuditAction, kind: RecordKind) -> AuditEvent {
        let mut ev = self.access.event(self.app, action, kind);
        ev.at = self.now;
        ev
    }

    /// Records `action` on the record `record_id`, refreshes the plan's
    /// status and commits.
    pub async fn commit(self, action: AuditAction, kind: RecordKind, record_id: impl ToString) -> Result<(), Error> {
        let mut ev = self.event(action, kind);
        ev.record_id = Some(record_id.to_string());
        self.commit_with(ev).await
    }

    /// The same with an event the caller filled in (a detail, say).
    pub async fn commit_with(mut self, ev: AuditEvent) -> Result<(), Error> {
        self.record(&ev).await?;
        self.finish().await
    }

    /// Writes an audit row now, for a write that records more than one
    /// event (then [`Self::finish`]).
    pub async fn record(&mut self, ev: &AuditEvent) -> Result<(), Error> {
        audit::record(&mut self.tx, ev).await?;
        Ok(())
    }

    /// Refreshes the plan's stored status within the write and returns it,
    /// for a write that goes on depending on it.
    pub async fn refresh(&mut self) -> Result<UpToDate, Error> {
        let district = self.access.facts.district_id;
        Ok(status::recompute(&mut self.tx, district, self.access.student(), self.grade, self.now).await?)
    }

    /// Refreshes the status and commits (the audit rows already recorded).
    pub async fn finish(mut self) -> Result<(), Error> {
        self.refresh().await?;
        self.tx.commit().await?;
        Ok(())
    }
}
