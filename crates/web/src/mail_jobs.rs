//! The background mail worker, started beside the session sweeper: every
//! few seconds it works the bulk invitation batches a page at a time and
//! sends the outbox's due rows over SMTP. Both live in tables, so a
//! restart loses nothing and several `ssp serve` processes share the work
//! (see `docs/EMAIL.md`).

use std::time::Duration as StdDuration;

use ssp_app::mail::{sender, Mail, Messages};
use ssp_domain::Language;

use crate::i18n;
use crate::state::AppState;

/// Mail texts come from the Fluent catalogue, like the pages.
pub struct FluentMessages;

impl Messages for FluentMessages {
    fn text(&self, lang: Language, key: &str, args: &[(&'static str, String)]) -> String {
        i18n::t_args(lang, key, args)
    }
}

/// What the use cases that send mail need, from the settings.
pub fn mail(state: &AppState) -> Mail<'_> {
    Mail {
        messages: &FluentMessages,
        public_url: state.config().public_url.as_str().trim_end_matches('/'),
        smtp_configured: state.config().smtp.is_some(),
    }
}

/// How often the worker looks for work.
const EVERY: StdDuration = StdDuration::from_secs(5);
/// Batch pages worked per round, so sending is never starved.
const PAGES_PER_ROUND: usize = 4;

pub async fn run(state: AppState) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        tick_once(&state).await;
    }
}

/// One round: batch pages, then the outbox. Errors are logged and retried
/// next round.
pub async fn tick_once(state: &AppState) -> sender::Round {
    let m = mail(state);
    for _ in 0..PAGES_PER_ROUND {
        match ssp_app::accounts::invitations::run_batch_step(state.app(), &m).await {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                tracing::warn!(error = %e, "invitation batch step failed");
                break;
            }
        }
    }
    let Some(smtp) = &state.config().smtp else {
        return sender::Round::default();
    };
    match sender::send_due(state.app(), smtp).await {
        Ok(r) => {
            if r.sent + r.failed > 0 {
                tracing::info!(sent = r.sent, failed = r.failed, "outbox round");
            }
            r
        }
        Err(e) => {
            tracing::warn!(error = %e, "outbox round failed");
            sender::Round::default()
        }
    }
}
