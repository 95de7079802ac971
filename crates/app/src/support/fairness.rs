//! The fairness audit (issue 17): flag rates by sex and by race/ethnicity
//! for a district, from the demographics the roster import keeps apart —
//! in aggregate only, groups under 10 students suppressed (with
//! complementary suppression, `ssp_domain::support::fairness`). A district
//! administrator's report (the caller checks the role); each run audited.

use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::repo::support::fairness as repo;
use ssp_domain::audit::AuditAction;
use ssp_domain::support::fairness::{audit_dimension, DimensionAudit};
use ssp_domain::support::flag::FlagKind;

use crate::actor::Actor;
use crate::error::Error;
use crate::App;

/// The two dimensions' audits, `sex` then `race_ethnicity`; `kind` limits
/// "flagged" to one kind of flag.
pub async fn report(app: &App, actor: &Actor, kind: Option<FlagKind>) -> Result<Vec<DimensionAudit>, Error> {
    let rows = repo::rows(app.db(), actor.district, kind.map(|k| k.key())).await?;
    let sex = audit_dimension(
        "sex",
        rows.iter()
            .map(|(sex, _, flagged)| (sex.as_deref().unwrap_or("not_reported"), *flagged)),
    );
    let race = audit_dimension(
        "race_ethnicity",
        rows.iter().map(|(_, race, flagged)| (race.as_str(), *flagged)),
    );
    let now = app.now();
    let mut tx = app.db().begin().await?;
    let mut ev = AuditEvent::new(AuditAction::FairnessReportViewed, now);
    ev.actor = Some(actor.person);
    ev.district_id = Some(actor.district);
    ev.record_kind = Some("fairness_report");
    ev.request_id = Some(actor.request_id.clone());
    ev.detail = Some(format!("kind={}", kind.map_or("any", |k| k.key())));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(vec![sex, race])
}
