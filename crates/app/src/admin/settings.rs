//! The district's plan settings and time zone.

use ssp_db::repo::settings::{self, PlanSettings};
use ssp_domain::audit::AuditAction;
use ssp_domain::district::NewPlanSettings;

use crate::actor::Actor;
use crate::admin::DistrictWrite;
use crate::error::Error;
use crate::{App, Parsed};

/// Saves the plan settings; the district's stored plan statuses go stale
/// for the background refresh.
pub async fn save(app: &App, actor: &Actor, input: Parsed<NewPlanSettings>) -> Result<(), Error> {
    let input = input?;
    let new = PlanSettings {
        grace_days: input.grace_days,
        require_guardian_signature: input.require_guardian_signature,
        disabled_activities: input.disabled.join(","),
        optional_activities: input.optional.join(","),
    };
    let mut w = DistrictWrite::begin(app, actor).await?;
    let now = w.now();
    settings::put(w.tx(), actor.district, &new, actor.person, now).await?;
    let detail = format!(
        "grace_days={} guardian={} off={} optional={}",
        new.grace_days, new.require_guardian_signature, new.disabled_activities, new.optional_activities
    );
    w.commit(AuditAction::SettingsChanged, "plan_settings", detail).await
}

/// Sets the district's time zone (an IANA name the caller has checked
/// against the zones it can show).
pub async fn save_time_zone(app: &App, actor: &Actor, zone: &str) -> Result<(), Error> {
    let mut w = DistrictWrite::begin(app, actor).await?;
    let now = w.now();
    ssp_db::repo::orgs::set_time_zone(w.tx(), actor.district, zone, now).await?;
    w.commit(AuditAction::SettingsChanged, "time_zone", format!("time_zone={zone}"))
        .await
}
