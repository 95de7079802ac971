//! The state every request shares: [`AppState`] (the use cases' [`App`],
//! the web settings, the roster import in progress) and [`WebConfig`].
//! Page and API modules import this, never `app.rs`, so the router at the
//! top is the only module that knows every page.

use std::ops::Deref;
use std::path::PathBuf;
use std::sync::Arc;

use axum_extra::extract::cookie::{Cookie, SameSite};
use ssp_app::{App, Clock, SystemClock};
use ssp_db::Db;
use ssp_domain::auth::{SessionLifetime, SignInThrottle};

use crate::roster_jobs::ImportJobs;

/// What the web layer needs from the settings.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// The address people use to reach ssp (for origin checks, cookies and
    /// links). `https://…` turns on Secure cookies and HSTS.
    pub public_url: url::Url,
    pub session: SessionLifetime,
    pub throttle: SignInThrottle,
    /// The back-off per client address (many names tried from one place).
    pub address_throttle: SignInThrottle,
    /// Where email goes; `None`: nothing is mailed and invitation links are
    /// shown to copy (see `docs/EMAIL.md`).
    pub smtp: Option<ssp_app::mail::SmtpSettings>,
    /// Largest request body accepted, in bytes (the roster upload has its own).
    pub body_limit: usize,
    /// Where ssp keeps files: roster uploads wait in `uploads/imports/`
    /// while they are imported, and are deleted after.
    pub data_dir: PathBuf,
    /// Largest roster package accepted on the admin page, in bytes.
    pub roster_upload_limit: u64,
    /// Page size, timeouts and retries of the OneRoster REST sync.
    pub roster_sync_tuning: ssp_roster::rest::Tuning,
    /// Largest portfolio file, in bytes (portfolio files are kept under
    /// `files/` in the data directory).
    pub upload_limit: u64,
    /// Bytes of portfolio files each student may keep.
    pub student_quota: u64,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            public_url: url::Url::parse("http://127.0.0.1:8080").expect("static URL"),
            session: SessionLifetime::default(),
            throttle: SignInThrottle::default(),
            address_throttle: crate::auth::address::ADDRESS_THROTTLE,
            smtp: None,
            body_limit: 64 * 1024,
            data_dir: PathBuf::from("./ssp-data"),
            roster_upload_limit: crate::roster_jobs::MAX_UPLOAD,
            roster_sync_tuning: ssp_roster::rest::Tuning::default(),
            upload_limit: ssp_domain::portfolio::content::DEFAULT_MAX_FILE_BYTES,
            student_quota: ssp_domain::portfolio::content::DEFAULT_QUOTA_BYTES,
        }
    }
}

impl WebConfig {
    pub fn secure_cookies(&self) -> bool {
        self.public_url.scheme() == "https"
    }
}

struct Inner {
    app: App,
    config: WebConfig,
    imports: ImportJobs,
}

/// Shared by every request: the use cases' [`App`] (database, clock, audit
/// writer), the settings and the roster import in progress. Derefs to
/// [`App`], so `&state` is what a use case takes.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

impl Deref for AppState {
    type Target = App;

    fn deref(&self) -> &App {
        &self.0.app
    }
}

impl AppState {
    pub fn new(db: Db, config: WebConfig) -> Self {
        Self::with_clock(db, config, Arc::new(SystemClock))
    }

    pub fn with_clock(db: Db, config: WebConfig, clock: Arc<dyn Clock>) -> Self {
        let app = App::new(db, clock);
        match ssp_app::portfolio::files::Files::local(&config.data_dir.join("files")) {
            Ok(mut files) => {
                files.limits.max_file_bytes = config.upload_limit;
                files.quota = config.student_quota;
                app.set_files(files);
            }
            Err(e) => {
                tracing::error!(error = %e, "the portfolio's file directory could not be made; uploads will fail")
            }
        }
        Self(Arc::new(Inner {
            app,
            config,
            imports: ImportJobs::default(),
        }))
    }

    /// The use cases' handle.
    pub fn app(&self) -> &App {
        &self.0.app
    }

    pub fn config(&self) -> &WebConfig {
        &self.0.config
    }

    /// The roster import running in the background, with its progress.
    pub fn imports(&self) -> &ImportJobs {
        &self.0.imports
    }

    /// A cookie of ours with the right flags.
    pub fn cookie(&self, name: &'static str, value: String) -> Cookie<'static> {
        let mut c = Cookie::new(name, value);
        c.set_http_only(true);
        c.set_same_site(SameSite::Lax);
        c.set_path("/");
        c.set_secure(self.config().secure_cookies());
        c
    }

    pub fn removal_cookie(&self, name: &'static str) -> Cookie<'static> {
        let mut c = self.cookie(name, String::new());
        c.make_removal();
        c
    }
}
