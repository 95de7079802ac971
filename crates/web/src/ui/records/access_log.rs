//! "Who viewed my plan": for a student and their family, who (name and
//! role) looked at the plan and when.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use ssp_db::repo::{audit, students};
use ssp_domain::access::{Action, Decision, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::person::PersonName;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};
use crate::ui::plan::page::display_name;
use ssp_app::StudentAccess;

#[derive(Template)]
#[template(path = "access_log.html")]
struct AccessLogPage {
    page: Page,
    student_id: String,
    student_name: String,
    rows: Vec<(String, String, String, String)>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    access.require(&state, RecordKind::AccessLog, Action::View).await?;
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(&ctx, "access-log-title");
    let rows = audit::views_of_student(state.db(), access.student(), &listed_kinds(&access), 500)
        .await?
        .into_iter()
        .map(|r| {
            let who = match (r.given_name, r.family_name) {
                (Some(g), Some(f)) => PersonName {
                    given: g,
                    family: f,
                    preferred: r.preferred_name,
                }
                .display(),
                _ => page.t("access-log-system"),
            };
            // A break-glass row's detail is the reason the person typed:
            // it is for the audit log, never shown here.
            let reason = (r.action != AuditAction::BreakGlass.as_str())
                .then(|| r.detail.as_deref().and_then(|d| d.strip_prefix("reason=")))
                .flatten()
                .filter(|why| crate::i18n::has(page.lang, &reason_key(why)))
                .map(|why| page.t(&reason_key(why)))
                .unwrap_or_else(|| page.t("reason-break-glass"));
            let what = page.t(&format!(
                "kind-{}",
                r.record_kind.as_deref().unwrap_or("plan").replace('_', "-")
            ));
            (page.when(r.at), who, reason, what)
        })
        .collect();
    render(&AccessLogPage {
        page,
        student_id: id,
        student_name: display_name(&h),
        rows,
    })
}

fn reason_key(why: &str) -> String {
    format!("reason-{}", why.replace('_', "-"))
}

/// The record kinds whose views this viewer is shown: those the access
/// module lets them see (or open with a reason), so a family never learns
/// that restricted or staff-only notes exist or were read. Views of the log
/// itself are not listed: reading "who viewed" is not a view of the plan,
/// and a family checking it must not fill it with their own visits (a
/// staff member's reading stays in the audit log).
fn listed_kinds(access: &StudentAccess) -> Vec<&'static str> {
    RecordKind::ALL
        .into_iter()
        .filter(|k| *k != RecordKind::AccessLog)
        .filter(|k| access.decide(*k, Action::View) != Decision::Deny)
        .map(RecordKind::as_str)
        .collect()
}

/// A UTC time as `2026-11-02 08:15 UTC`.
pub fn format_when(at: time::OffsetDateTime) -> String {
    let f = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    at.format(&f).unwrap_or_default()
}
