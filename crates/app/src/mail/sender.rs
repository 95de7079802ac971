//! Delivers due outbox rows over SMTP. Each row is claimed with a lease
//! (five minutes): a sender that crashes mid-send leaves it to be sent again
//! when the lease runs out, so a message is never lost (it may, rarely,
//! arrive twice). A failure pushes the row back by 1, 2, 4 … minutes, at
//! most six hours; the row stays until it is sent.

use std::time::Duration as StdDuration;

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use ssp_db::repo::outbox::{self, OutboxRow};
use time::Duration;

use super::{SmtpSettings, SmtpTls};
use crate::App;

/// How long a claimed row is left to this sender.
pub const LEASE: Duration = Duration::minutes(5);
/// Rows claimed per round.
const BATCH: i64 = 20;
/// The longest back-off.
const MAX_BACKOFF: Duration = Duration::hours(6);

/// The wait before attempt `attempts + 1`.
pub fn backoff(attempts: i64) -> Duration {
    let exp = (attempts - 1).clamp(0, 20) as u32;
    (Duration::minutes(1) * 2i32.pow(exp.min(16))).min(MAX_BACKOFF)
}

/// What one round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub failed: usize,
}

/// Sends every due row once (up to a batch), marking each sent or failed.
pub async fn send_due(app: &App, smtp: &SmtpSettings) -> anyhow::Result<Round> {
    let rows = outbox::claim_due(app.db(), app.now(), LEASE, BATCH).await?;
    let mut round = Round::default();
    if rows.is_empty() {
        return Ok(round);
    }
    let transport = transport(smtp)?;
    for row in rows {
        match send_one(&transport, smtp, &row).await {
            Ok(()) => {
                outbox::mark_sent(app.db(), row.id, app.now()).await?;
                round.sent += 1;
            }
            Err(e) => {
                // The address is a person's: the log names the row, not them.
                tracing::warn!(outbox_id = %row.id, kind = %row.kind, attempts = row.attempts, error = %e, "email not sent; will retry");
                outbox::mark_failed(app.db(), row.id, app.now() + backoff(row.attempts), &e.to_string()).await?;
                round.failed += 1;
            }
        }
    }
    Ok(round)
}

fn transport(smtp: &SmtpSettings) -> anyhow::Result<AsyncSmtpTransport<Tokio1Executor>> {
    let builder = match smtp.tls {
        SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host),
        SmtpTls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host)?,
        SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host)?,
    };
    let mut builder = builder.port(smtp.port).timeout(Some(StdDuration::from_secs(20)));
    if let (Some(user), Some(pass)) = (&smtp.username, &smtp.password) {
        builder = builder.credentials(Credentials::new(user.clone(), pass.clone()));
    }
    Ok(builder.build())
}

async fn send_one(
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    smtp: &SmtpSettings,
    row: &OutboxRow,
) -> anyhow::Result<()> {
    let from: Mailbox = smtp.from.parse()?;
    let to: Mailbox = row.to_address.parse()?;
    let message = Message::builder()
        .from(from)
        .to(to)
        .subject(row.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(row.body_text.clone())?;
    transport.send(message).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_six_hours() {
        assert_eq!(backoff(1), Duration::minutes(1));
        assert_eq!(backoff(2), Duration::minutes(2));
        assert_eq!(backoff(4), Duration::minutes(8));
        assert_eq!(backoff(30), Duration::hours(6));
    }
}
