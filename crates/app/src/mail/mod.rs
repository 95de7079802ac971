//! Email: messages are queued in the `outbox` table in the transaction of
//! the change that causes them ([`queue`]); [`sender`] delivers them over
//! SMTP with `lettre`, retrying with back-off. See `docs/EMAIL.md`.

pub mod sender;

use ssp_db::repo::outbox::{self, NewEmail};
use ssp_db::Tx;
use ssp_domain::{Language, OrgId};
use time::OffsetDateTime;

use crate::error::Error;

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain SMTP: only for a relay on the same machine (127.0.0.1).
    None,
    /// STARTTLS on the submission port (587), required.
    StartTls,
    /// TLS from the first byte (SMTPS, port 465).
    Tls,
}

impl SmtpTls {
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "none" | "plain" | "off" => Some(Self::None),
            "starttls" => Some(Self::StartTls),
            "tls" | "smtps" | "wrapper" => Some(Self::Tls),
            _ => None,
        }
    }
}

/// Where mail goes. The password is never printed (see `Debug`).
#[derive(Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub tls: SmtpTls,
    /// The sender, such as `Harbor City Schools <no-reply@harbor.example>`.
    pub from: String,
    pub username: Option<String>,
    pub password: Option<String>,
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("from", &self.from)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .finish()
    }
}

/// The words of a message in a language: the web layer gives its Fluent
/// catalogue, so an email reads like the pages.
pub trait Messages: Send + Sync {
    fn text(&self, lang: Language, key: &str, args: &[(&'static str, String)]) -> String;
}

/// What a use case that sends mail needs from the caller.
pub struct Mail<'a> {
    pub messages: &'a dyn Messages,
    /// The address people use to reach ssp, without a trailing slash.
    pub public_url: &'a str,
    /// Whether an SMTP server is configured (without one, invitation links
    /// are shown to copy instead of mailed).
    pub smtp_configured: bool,
}

/// Queues an email in `tx`: it exists only if `tx` commits.
pub async fn queue(
    tx: &mut Tx,
    district: Option<OrgId>,
    kind: &'static str,
    to: &str,
    subject: &str,
    body: &str,
    now: OffsetDateTime,
) -> Result<(), Error> {
    outbox::enqueue(
        tx,
        &NewEmail {
            district,
            kind,
            to,
            subject,
            body,
        },
        now,
    )
    .await?;
    Ok(())
}
