//! One typed settings struct, from defaults, an optional TOML file,
//! `SSP_*` environment variables and command-line flags (later wins),
//! validated before anything starts. Secrets are never printed.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use ssp_domain::auth::SessionLifetime;
use time::Duration;

/// The settings file's shape. Unknown keys are an error, so a typo is
/// caught at start instead of silently ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileSettings {
    pub database_url: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub listen: Option<String>,
    pub public_url: Option<String>,
    pub log: Option<String>,
    pub log_format: Option<String>,
    pub session_idle_minutes: Option<i64>,
    pub session_max_hours: Option<i64>,
    pub max_db_connections: Option<u32>,
    /// Outgoing mail (see docs/EMAIL.md); no host, no mail.
    pub smtp_host: Option<String>,
    pub smtp_port: Option<u16>,
    /// `starttls` (default), `tls`, or `none` (only for a relay on this machine).
    pub smtp_tls: Option<String>,
    pub smtp_from: Option<String>,
    pub smtp_username: Option<String>,
    pub smtp_password: Option<String>,
    /// Largest portfolio file, in MB (default 50).
    pub upload_limit_mb: Option<u64>,
    /// Portfolio storage each student may use, in MB (default 1024).
    pub student_quota_mb: Option<u64>,
}

/// The environment variables ssp reads, with the file key each sets.
pub const ENV_VARS: [(&str, &str); 17] = [
    ("SSP_DATABASE_URL", "database_url"),
    ("SSP_DATA_DIR", "data_dir"),
    ("SSP_LISTEN", "listen"),
    ("SSP_PUBLIC_URL", "public_url"),
    ("SSP_LOG", "log"),
    ("SSP_LOG_FORMAT", "log_format"),
    ("SSP_SESSION_IDLE_MINUTES", "session_idle_minutes"),
    ("SSP_SESSION_MAX_HOURS", "session_max_hours"),
    ("SSP_MAX_DB_CONNECTIONS", "max_db_connections"),
    ("SSP_SMTP_HOST", "smtp_host"),
    ("SSP_SMTP_PORT", "smtp_port"),
    ("SSP_SMTP_TLS", "smtp_tls"),
    ("SSP_SMTP_FROM", "smtp_from"),
    ("SSP_SMTP_USERNAME", "smtp_username"),
    ("SSP_SMTP_PASSWORD", "smtp_password"),
    ("SSP_UPLOAD_LIMIT_MB", "upload_limit_mb"),
    ("SSP_STUDENT_QUOTA_MB", "student_quota_mb"),
];

/// Variables with the prefix that are not settings but are expected.
const OTHER_ENV: [&str; 3] = ["SSP_CONFIG", "SSP_NEW_PASSWORD", "SSP_TEST_DATABASE_URL"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: String,
    pub data_dir: PathBuf,
    pub listen: SocketAddr,
    pub public_url: url::Url,
    pub log: String,
    pub log_format: LogFormat,
    pub session: SessionLifetime,
    pub max_db_connections: u32,
    /// Largest portfolio file and each student's storage, in bytes.
    pub upload_limit: u64,
    pub student_quota: u64,
    /// Where email goes; `None` sends nothing (invitation links are shown).
    pub smtp: Option<ssp_app::mail::SmtpSettings>,
    /// Where the settings file was read from, if any.
    pub source_file: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

/// Flags given on the command line (they win over everything else).
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub database_url: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub listen: Option<String>,
}

impl Settings {
    /// Loads settings. `config` is the file named by `--config` or
    /// `SSP_CONFIG`; without one, `./ssp.toml` is read if present.
    pub fn load(
        config: Option<&Path>,
        env: &BTreeMap<String, String>,
        overrides: &Overrides,
    ) -> Result<Settings, ConfigError> {
        let named = config
            .map(Path::to_path_buf)
            .or_else(|| env.get("SSP_CONFIG").map(PathBuf::from));
        let (file, source_file) = match named {
            Some(path) => (read_file(&path)?, Some(path)),
            None if Path::new("ssp.toml").is_file() => {
                let p = PathBuf::from("ssp.toml");
                (read_file(&p)?, Some(p))
            }
            None => (FileSettings::default(), None),
        };
        Self::from_parts(file, source_file, env, overrides)
    }

    pub fn from_parts(
        mut file: FileSettings,
        source_file: Option<PathBuf>,
        env: &BTreeMap<String, String>,
        overrides: &Overrides,
    ) -> Result<Settings, ConfigError> {
        for key in env.keys().filter(|k| k.starts_with("SSP_")) {
            let known = ENV_VARS.iter().any(|(v, _)| v == key) || OTHER_ENV.contains(&key.as_str());
            if !known {
                let names: Vec<&str> = ENV_VARS.iter().map(|(v, _)| *v).collect();
                return Err(ConfigError(format!(
                    "unknown environment variable {key}; ssp reads {}",
                    names.join(", ")
                )));
            }
        }
        let get = |k: &str| env.get(k).filter(|v| !v.is_empty()).cloned();
        if let Some(v) = get("SSP_DATABASE_URL") {
            file.database_url = Some(v);
        }
        if let Some(v) = get("SSP_DATA_DIR") {
            file.data_dir = Some(v.into());
        }
        if let Some(v) = get("SSP_LISTEN") {
            file.listen = Some(v);
        }
        if let Some(v) = get("SSP_PUBLIC_URL") {
            file.public_url = Some(v);
        }
        if let Some(v) = get("SSP_LOG") {
            file.log = Some(v);
        }
        if let Some(v) = get("SSP_LOG_FORMAT") {
            file.log_format = Some(v);
        }
        if let Some(v) = get("SSP_SESSION_IDLE_MINUTES") {
            file.session_idle_minutes = Some(parse_number("SSP_SESSION_IDLE_MINUTES", &v)?);
        }
        if let Some(v) = get("SSP_SESSION_MAX_HOURS") {
            file.session_max_hours = Some(parse_number("SSP_SESSION_MAX_HOURS", &v)?);
        }
        if let Some(v) = get("SSP_UPLOAD_LIMIT_MB") {
            file.upload_limit_mb = Some(parse_number("SSP_UPLOAD_LIMIT_MB", &v)?);
        }
        if let Some(v) = get("SSP_STUDENT_QUOTA_MB") {
            file.student_quota_mb = Some(parse_number("SSP_STUDENT_QUOTA_MB", &v)?);
        }
        if let Some(v) = get("SSP_MAX_DB_CONNECTIONS") {
            file.max_db_connections = Some(parse_number("SSP_MAX_DB_CONNECTIONS", &v)?);
        }
        for (var, slot) in [
            ("SSP_SMTP_HOST", &mut file.smtp_host),
            ("SSP_SMTP_TLS", &mut file.smtp_tls),
            ("SSP_SMTP_FROM", &mut file.smtp_from),
            ("SSP_SMTP_USERNAME", &mut file.smtp_username),
            ("SSP_SMTP_PASSWORD", &mut file.smtp_password),
        ] {
            if let Some(v) = get(var) {
                *slot = Some(v);
            }
        }
        if let Some(v) = get("SSP_SMTP_PORT") {
            file.smtp_port = Some(parse_number("SSP_SMTP_PORT", &v)?);
        }
        if let Some(v) = &overrides.database_url {
            file.database_url = Some(v.clone());
        }
        if let Some(v) = &overrides.data_dir {
            file.data_dir = Some(v.clone());
        }
        if let Some(v) = &overrides.listen {
            file.listen = Some(v.clone());
        }

        let smtp = smtp_settings(&file)?;
        let data_dir = file.data_dir.unwrap_or_else(|| PathBuf::from("./ssp-data"));
        let database_url = match file.database_url {
            Some(u) => {
                let scheme = u.split(':').next().unwrap_or("");
                if !matches!(scheme, "sqlite" | "postgres" | "postgresql") {
                    return Err(ConfigError(format!(
                        "database_url {:?} is not supported: use sqlite://PATH or postgres://USER@HOST/DATABASE",
                        ssp_db::redact_url(&u)
                    )));
                }
                u
            }
            None => format!("sqlite://{}", data_dir.join("ssp.db").display()),
        };
        let listen_raw = file.listen.unwrap_or_else(|| "127.0.0.1:8080".into());
        let listen: SocketAddr = listen_raw.parse().map_err(|_| {
            ConfigError(format!(
                "listen {listen_raw:?} is not an address and port, for example 127.0.0.1:8080"
            ))
        })?;
        let public_raw = file.public_url.unwrap_or_else(|| format!("http://{listen}"));
        let public_url = url::Url::parse(&public_raw)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
            .ok_or_else(|| ConfigError(format!("public_url {public_raw:?} is not an http:// or https:// URL")))?;
        let log_format = match file.log_format.as_deref().unwrap_or("text") {
            "text" => LogFormat::Text,
            "json" => LogFormat::Json,
            other => {
                return Err(ConfigError(format!(
                    "log_format {other:?} must be \"text\" or \"json\""
                )))
            }
        };
        let idle = file.session_idle_minutes.unwrap_or(60);
        let max = file.session_max_hours.unwrap_or(12);
        if !(5..=24 * 60).contains(&idle) {
            return Err(ConfigError(format!(
                "session_idle_minutes {idle} must be between 5 and 1440"
            )));
        }
        if !(1..=24 * 7).contains(&max) {
            return Err(ConfigError(format!(
                "session_max_hours {max} must be between 1 and 168"
            )));
        }
        let max_db_connections = file.max_db_connections.unwrap_or(10);
        if !(1..=500).contains(&max_db_connections) {
            return Err(ConfigError(format!(
                "max_db_connections {max_db_connections} must be between 1 and 500"
            )));
        }
        let upload_mb = file.upload_limit_mb.unwrap_or(50);
        if !(1..=10_240).contains(&upload_mb) {
            return Err(ConfigError(format!(
                "upload_limit_mb {upload_mb} must be between 1 and 10240"
            )));
        }
        let quota_mb = file.student_quota_mb.unwrap_or(1024);
        if !(1..=1_048_576).contains(&quota_mb) {
            return Err(ConfigError(format!(
                "student_quota_mb {quota_mb} must be between 1 and 1048576"
            )));
        }
        Ok(Settings {
            upload_limit: upload_mb << 20,
            student_quota: quota_mb << 20,
            smtp,
            database_url,
            data_dir,
            listen,
            public_url,
            log: file.log.unwrap_or_else(|| "info,sqlx=warn".into()),
            log_format,
            session: SessionLifetime {
                idle: Duration::minutes(idle),
                absolute: Duration::hours(max),
            },
            max_db_connections,
            source_file,
        })
    }

    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }

    /// The effective settings as `key = value` lines, password hidden.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        let source = match &self.source_file {
            Some(p) => p.display().to_string(),
            None => "(none; defaults and environment)".into(),
        };
        let lines = [
            ("settings file", source),
            ("database_url", ssp_db::redact_url(&self.database_url)),
            ("data_dir", self.data_dir.display().to_string()),
            ("listen", self.listen.to_string()),
            ("public_url", self.public_url.to_string()),
            ("secure cookies", (self.public_url.scheme() == "https").to_string()),
            ("log", self.log.clone()),
            ("log_format", format!("{:?}", self.log_format).to_lowercase()),
            ("session_idle_minutes", self.session.idle.whole_minutes().to_string()),
            ("session_max_hours", self.session.absolute.whole_hours().to_string()),
            ("max_db_connections", self.max_db_connections.to_string()),
            ("upload_limit_mb", (self.upload_limit >> 20).to_string()),
            ("student_quota_mb", (self.student_quota >> 20).to_string()),
            (
                "smtp",
                match &self.smtp {
                    Some(m) => format!(
                        "{}:{} tls={:?} from={} user={} password={}",
                        m.host,
                        m.port,
                        m.tls,
                        m.from,
                        m.username.as_deref().unwrap_or("-"),
                        if m.password.is_some() { "(set)" } else { "-" }
                    ),
                    None => "(not configured: nothing is mailed)".into(),
                },
            ),
        ];
        for (k, v) in lines {
            out.push_str(&format!("{k:<22} {v}\n"));
        }
        out
    }
}

/// The SMTP settings: none without a host; a host needs a sender address.
/// Plain SMTP (`smtp_tls = "none"`) is only for a relay on this machine.
fn smtp_settings(file: &FileSettings) -> Result<Option<ssp_app::mail::SmtpSettings>, ConfigError> {
    use ssp_app::mail::{SmtpSettings, SmtpTls};
    let Some(host) = file.smtp_host.as_deref().map(str::trim).filter(|h| !h.is_empty()) else {
        return Ok(None);
    };
    let tls_raw = file.smtp_tls.as_deref().unwrap_or("starttls");
    let tls = SmtpTls::parse(tls_raw).ok_or_else(|| {
        ConfigError(format!(
            "smtp_tls {tls_raw:?} must be \"starttls\", \"tls\" or \"none\""
        ))
    })?;
    let loopback = matches!(host, "localhost" | "127.0.0.1" | "::1") || host.starts_with("127.");
    if tls == SmtpTls::None && !loopback {
        return Err(ConfigError(format!(
            "smtp_tls = \"none\" sends mail unencrypted: it is only allowed for a relay on this machine, not {host:?}"
        )));
    }
    let port = file.smtp_port.unwrap_or(match tls {
        SmtpTls::None => 25,
        SmtpTls::StartTls => 587,
        SmtpTls::Tls => 465,
    });
    let from = file.smtp_from.clone().filter(|f| f.contains('@')).ok_or_else(|| {
        ConfigError(
            "smtp_from (the sender, such as \"Schools <no-reply@example.org>\") is required with smtp_host".into(),
        )
    })?;
    Ok(Some(SmtpSettings {
        host: host.to_owned(),
        port,
        tls,
        from,
        username: file.smtp_username.clone(),
        password: file.smtp_password.clone(),
    }))
}

fn read_file(path: &Path) -> Result<FileSettings, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError(format!("cannot read settings file {}: {e}", path.display())))?;
    toml::from_str(&text).map_err(|e| ConfigError(format!("settings file {}: {e}", path.display())))
}

fn parse_number<T: std::str::FromStr>(name: &str, v: &str) -> Result<T, ConfigError> {
    v.trim()
        .parse()
        .map_err(|_| ConfigError(format!("{name}={v:?} is not a whole number")))
}
