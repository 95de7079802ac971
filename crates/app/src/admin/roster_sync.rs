//! The district's roster sync settings (OneRoster 1.2 REST): saved with an
//! audit row that says what changed — never the secret, only whether a new
//! one was given.

use ssp_db::repo::roster_sync::{self, SettingsInput};
use ssp_domain::audit::AuditAction;
use ssp_domain::roster_sync::NewRosterSync;
use time::Duration;

use crate::actor::Actor;
use crate::admin::DistrictWrite;
use crate::error::Error;
use crate::{App, Parsed};

/// Saves the settings; a schedule's first pull is due one interval from now.
pub async fn save(app: &App, actor: &Actor, input: Parsed<NewRosterSync>) -> Result<(), Error> {
    let input = input?;
    let before = roster_sync::get(app.db(), actor.district.0).await?;
    let mut w = DistrictWrite::begin(app, actor).await?;
    let now = w.now();
    let next = input.every_hours.map(|h| {
        // Keep a pending run time when the interval did not change.
        match &before {
            Some(b) if b.every_hours == Some(h) && b.next_run_at.is_some() => b.next_run_at.unwrap_or(now),
            _ => now + Duration::hours(i64::from(h)),
        }
    });
    let stored = SettingsInput {
        base_url: &input.base_url,
        token_url: &input.token_url,
        client_id: &input.client_id,
        client_secret: input.client_secret.as_deref(),
        every_hours: input.every_hours,
    };
    roster_sync::save(w.tx(), actor.district.0, &stored, next, Some(actor.person.0), now).await?;
    let schedule = |h: Option<i32>| h.map_or_else(|| "off".to_owned(), |h| format!("every {h} h"));
    let detail = match &before {
        None => format!(
            "roster sync set up: base_url {}, token_url {}, client_id {}, secret set, schedule {}",
            input.base_url,
            input.token_url,
            input.client_id,
            schedule(input.every_hours)
        ),
        Some(b) => {
            let mut changes = Vec::new();
            if b.base_url != input.base_url {
                changes.push(format!("base_url: {} -> {}", b.base_url, input.base_url));
            }
            if b.token_url != input.token_url {
                changes.push(format!("token_url: {} -> {}", b.token_url, input.token_url));
            }
            if b.client_id != input.client_id {
                changes.push(format!("client_id: {} -> {}", b.client_id, input.client_id));
            }
            if input.client_secret.is_some() {
                changes.push("client_secret: replaced".to_owned());
            }
            if b.every_hours != input.every_hours {
                changes.push(format!(
                    "schedule: {} -> {}",
                    schedule(b.every_hours),
                    schedule(input.every_hours)
                ));
            }
            if changes.is_empty() {
                "roster sync: no change".to_owned()
            } else {
                format!("roster sync: {}", changes.join(", "))
            }
        }
    };
    w.commit(AuditAction::SettingsChanged, "roster_sync_settings", detail)
        .await
}
