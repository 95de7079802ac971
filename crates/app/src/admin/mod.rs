//! District-wide writes by a district administrator (the caller has checked
//! the role): each through [`DistrictWrite`], one transaction with its
//! audit row.

pub mod roster_sync;
pub mod settings;

use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::Tx;
use ssp_domain::audit::AuditAction;
use time::OffsetDateTime;

use crate::actor::Actor;
use crate::error::Error;
use crate::App;

/// The shape of a district write: [`DistrictWrite::begin`], write through
/// [`DistrictWrite::tx`], then [`DistrictWrite::commit`] with the audit
/// row. Dropped without `commit`, nothing is kept.
pub struct DistrictWrite<'a> {
    actor: &'a Actor,
    tx: Tx,
    now: OffsetDateTime,
}

impl<'a> DistrictWrite<'a> {
    pub async fn begin(app: &App, actor: &'a Actor) -> Result<Self, Error> {
        Ok(Self {
            actor,
            tx: app.db().begin().await?,
            now: app.now(),
        })
    }

    pub fn tx(&mut self) -> &mut Tx {
        &mut self.tx
    }

    pub fn now(&self) -> OffsetDateTime {
        self.now
    }

    /// Records `action` on the district's `record_kind` with `detail`, and
    /// commits.
    pub async fn commit(mut self, action: AuditAction, record_kind: &'static str, detail: String) -> Result<(), Error> {
        let mut ev = AuditEvent::new(action, self.now);
        ev.actor = Some(self.actor.person);
        ev.district_id = Some(self.actor.district);
        ev.record_kind = Some(record_kind);
        ev.request_id = Some(self.actor.request_id.clone());
        ev.detail = Some(detail);
        audit::record(&mut self.tx, &ev).await?;
        self.tx.commit().await?;
        Ok(())
    }
}
