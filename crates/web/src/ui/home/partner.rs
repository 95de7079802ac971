//! A partner organisation's user's home page: what waits for their
//! organisation — new referrals to accept or decline, accepted ones waiting
//! for a first service, those waiting too long, those receiving services —
//! as counts that link to the lists on `/partner`. No student is named
//! here, so opening the home page discloses nothing; the lists do, and
//! each view is written to the record of disclosures.

use askama::Template;
use axum::response::Response;
use ssp_app::partners::partner_users;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

#[derive(Template)]
#[template(path = "home_partner.html")]
struct PartnerHome {
    page: Page,
    greeting: String,
    role_line: String,
    /// (text, link)
    waiting: Vec<(String, String)>,
}

pub async fn show(state: &AppState, ctx: &Ctx, page: Page, greeting: String) -> Result<Response, AppError> {
    let w = partner_users::waiting(state, &ctx.actor()?).await?;
    let mut waiting = Vec::new();
    for (count, key, show) in [
        (w.new, "home-partner-new", "new"),
        (w.to_first_service, "home-partner-to-first-service", "to_first_service"),
        (w.too_long, "home-partner-too-long", "too_long"),
        (w.in_service, "home-partner-in-service", "in_service"),
    ] {
        if count > 0 {
            waiting.push((page.t1(key, "count", count), format!("/partner?show={show}")));
        }
    }
    render(&PartnerHome {
        role_line: page.t1("home-partner-role", "partner", &w.partner_name),
        greeting,
        waiting,
        page,
    })
}
