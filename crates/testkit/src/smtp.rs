//! A real SMTP server for the mail tests: `aiosmtpd` (PyPI, pinned in
//! `crates/testkit/requirements.txt`) on a free port of 127.0.0.1, writing
//! every message it accepts to a Maildir that [`SmtpServer::messages`]
//! reads back (parsed by Python's `mailbox` and `email` modules, which
//! decode the MIME encodings a Spanish subject and body arrive in).
//!
//! Without aiosmtpd, [`SmtpServer::start`] prints why and returns `None`
//! (the test then skips), except under `CI=true`, where it panics.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use ssp_app::mail::{SmtpSettings, SmtpTls};

pub struct SmtpServer {
    child: Option<Child>,
    pub port: u16,
    dir: tempfile::TempDir,
}

/// A delivered message, decoded.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Delivered {
    pub to: String,
    pub from: String,
    pub subject: String,
    pub body: String,
}

fn aiosmtpd_available() -> bool {
    Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl SmtpServer {
    /// Starts a server on a free port, or says why it cannot.
    pub fn start(test: &str) -> Option<SmtpServer> {
        Self::start_on(test, free_port())
    }

    /// Starts a server on `port` (to bring one up where a test said mail
    /// would go).
    pub fn start_on(test: &str, port: u16) -> Option<SmtpServer> {
        if !aiosmtpd_available() {
            let why = "python3 -m aiosmtpd is not installed (python3 -m pip install --require-hashes -r crates/testkit/requirements.txt)";
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("{test}: {why}");
            }
            println!("SKIPPED {test}: {why}");
            return None;
        }
        let dir = tempfile::tempdir().expect("maildir");
        let mut server = SmtpServer { child: None, port, dir };
        server.spawn();
        Some(server)
    }

    fn maildir(&self) -> PathBuf {
        self.dir.path().join("mail")
    }

    fn spawn(&mut self) {
        let child = Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{}", self.port))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(self.maildir())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd starts");
        self.child = Some(child);
        let addr = SocketAddr::from(([127, 0, 0, 1], self.port));
        let deadline = Instant::now() + Duration::from_secs(15);
        while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            assert!(Instant::now() < deadline, "aiosmtpd did not start listening on {addr}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Stops the server (mail sent now fails to connect).
    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// The settings that send mail here (plain SMTP on loopback).
    pub fn settings(&self) -> SmtpSettings {
        settings_for_port(self.port)
    }

    /// Every message in the Maildir, oldest first.
    pub fn messages(&self) -> Vec<Delivered> {
        let script = r#"
import json, mailbox, sys
from email import policy
from email.parser import BytesParser
box = mailbox.Maildir(sys.argv[1], factory=None, create=False)
out = []
for key in box.keys():
    raw = box.get_bytes(key)
    m = BytesParser(policy=policy.default).parsebytes(raw)
    body = m.get_body(preferencelist=("plain",))
    out.append({"to": str(m["To"]), "from": str(m["From"]), "subject": str(m["Subject"]),
                "body": body.get_content() if body is not None else "", "date": str(m["Date"])})
print(json.dumps(out))
"#;
        if !self.maildir().join("new").exists() {
            return vec![];
        }
        let out = Command::new("python3")
            .args(["-c", script])
            .arg(self.maildir())
            .output()
            .expect("python3 reads the maildir");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("maildir JSON")
    }
}

/// Plain SMTP to 127.0.0.1:`port` (nothing may listen there).
pub fn settings_for_port(port: u16) -> SmtpSettings {
    SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        tls: SmtpTls::None,
        from: "Harbor City Schools <no-reply@harbor.example>".into(),
        username: None,
        password: None,
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop();
    }
}
