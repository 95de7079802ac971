//! Early-warning flags' routes: the district's settings and indicator
//! uploads (`settings.rs`, `/admin/support`), a student's flags and their
//! actions (`flags.rs`, `/students/{id}/flags`) and a staff member's own
//! open flags (`/flags`); and a flag's rule and numbers in words.

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

use super::{flags, settings};
use crate::state::AppState;
use crate::ui::academics::UPLOAD_LIMIT;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/support", get(settings::show))
        .route("/admin/support/settings", post(settings::save))
        .route(
            "/admin/support/upload",
            post(settings::upload).layer(DefaultBodyLimit::max(UPLOAD_LIMIT + (64 << 10))),
        )
        .route("/flags", get(flags::mine))
        .route("/students/{id}/flags", get(flags::show))
        .route("/students/{id}/flags/{flag}/acknowledge", post(flags::acknowledge))
        .route("/students/{id}/flags/{flag}/start", post(flags::start))
        .route("/students/{id}/flags/{flag}/resolve", post(flags::resolve))
        .route("/students/{id}/flags/{flag}/next-step", post(flags::next_step))
        .route("/students/{id}/flags/{flag}/reassign", post(flags::reassign))
}

/// A flag's rule in words: the rule key's message with the thresholds, and
/// the numbers behind it: the kind's message with the evidence.
pub fn rule_and_numbers(lang: ssp_domain::Language, rule: &str, kind: &str, evidence: &str) -> (String, String) {
    const KEYS: [&str; 18] = [
        "days_enrolled",
        "days_absent",
        "excused",
        "unexcused",
        "disciplinary",
        "percent",
        "incidents",
        "iss_days",
        "oss_days",
        "days",
        "count",
        "courses",
        "gpa",
        "credits_earned",
        "credits_needed",
        "core_fs",
        "core_fs_allowed",
        "threshold_percent",
    ];
    const MORE: [&str; 5] = [
        "threshold_min_days",
        "threshold_days",
        "threshold_gpa",
        "threshold_credits",
        "threshold_fs",
    ];
    let v: serde_json::Value = serde_json::from_str(evidence).unwrap_or_default();
    let args: Vec<(&'static str, String)> = KEYS
        .iter()
        .chain(MORE.iter())
        .filter_map(|k| v.get(*k).and_then(|x| x.as_str()).map(|s| (*k, s.to_owned())))
        .collect();
    (
        crate::i18n::t_args(lang, &format!("support-rule-{}", rule.replace('_', "-")), &args),
        crate::i18n::t_args(lang, &format!("support-evidence-{}", kind.replace('_', "-")), &args),
    )
}
