//! The district's sign-in settings: two-factor for staff with district- or
//! school-wide roles, and how many days an invitation lasts.

use ssp_db::repo::auth_settings::{self, AuthSettings};
use ssp_domain::audit::AuditAction;

use crate::actor::Actor;
use crate::admin::DistrictWrite;
use crate::error::Error;
use crate::App;

/// The longest an invitation may last.
pub const MAX_INVITATION_DAYS: i64 = 90;

/// Saves the settings (the caller has checked the district-admin role).
pub async fn save(app: &App, actor: &Actor, require_staff_mfa: bool, invitation_days: &str) -> Result<(), Error> {
    let days: i64 = invitation_days
        .trim()
        .parse()
        .ok()
        .filter(|d| (1..=MAX_INVITATION_DAYS).contains(d))
        .ok_or_else(|| Error::invalid("invitation_days_invalid", "1 to 90 days"))?;
    let s = AuthSettings {
        require_staff_mfa,
        invitation_days: days,
    };
    let mut w = DistrictWrite::begin(app, actor).await?;
    let now = w.now();
    auth_settings::put(w.tx(), actor.district, &s, actor.person, now).await?;
    w.commit(
        AuditAction::SettingsChanged,
        "sign_in_settings",
        format!("require_staff_mfa={require_staff_mfa} invitation_days={days}"),
    )
    .await
}
