//! Real-browser end-to-end tests: headless Chromium driven from Rust.
//!
//! [`TestClient`](crate::TestClient) calls the router in-process and is the
//! right tool for almost every test. This module is for the few journeys
//! where what matters is what a *person* sees in a real browser: the HTML
//! is parsed, the CSS and the page's JavaScript run, forms are submitted by
//! clicking, cookies and `Origin` headers are the browser's own.
//!
//! # Pieces
//!
//! * [`LiveServer`] serves a [`TestApp`] on a real TCP port
//!   (`http://127.0.0.1:<port>`), on the test's tokio runtime. Use a
//!   multi-threaded runtime: `#[tokio::test(flavor = "multi_thread", worker_threads = 2)]`.
//! * [`Browser`] is a minimal W3C WebDriver client (over `reqwest`, no TLS)
//!   talking to a `chromedriver` child process on a free local port, which
//!   runs headless Chromium with a fresh profile in a temporary directory.
//!   Dropping the `Browser` ends the session and kills chromedriver.
//! * [`Element`] is one element of the current page.
//!
//! The high-level methods (`goto`, `find`, `click`, `wait_for_text`, …)
//! **panic** with a useful message when something goes wrong, as a test
//! would: the message carries the current URL and the path of a screenshot
//! taken at the moment of failure (see [`Browser::artifacts_in`]). Lookups
//! wait: [`Browser::find`] and the `wait_for_*` methods poll until
//! [`Browser::set_wait`] (10 s by default) has passed, because a click that
//! submits a form returns before the next page has arrived.
//!
//! # Skipping
//!
//! The tests need `/usr/bin/chromium` (or `$SSP_CHROMIUM`) and
//! `chromedriver` on `PATH` (or `$SSP_CHROMEDRIVER`). [`Browser::start`]
//! returns `None` when either is missing, after printing a line that starts
//! with `SKIPPED browser tests:` and says how to install them; the test then
//! returns early. It never skips silently, and in CI (`CI=true` or `CI=1`)
//! a missing browser is a failure instead, since `.ci/run` installs it.
//!
//! # Example
//!
//! ```no_run
//! # async fn demo() {
//! use ssp_testkit::{browser::{Browser, LiveServer}, TestApp};
//!
//! let app = TestApp::with_demo().await;
//! let server = LiveServer::start(&app).await;
//! let Some(browser) = Browser::start("my_test").await else { return };
//! browser.goto(&server.url("/sign-in")).await;
//! browser.find("#login").await.send_keys("demo.student").await;
//! browser.find("#password").await.send_keys(ssp_demo::DEMO_PASSWORD).await;
//! browser.find("form.stack button[type=submit]").await.click().await;
//! browser.wait_for_text("Hello, Cami").await;
//! browser.close().await;
//! # }
//! ```
//!
//! A journey with two people (a student, then a counselor) simply starts
//! two `Browser`s against the same `LiveServer`: each has its own profile,
//! so its own cookies.

use std::fmt;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{json, Value};
use tokio::sync::oneshot;

use crate::TestApp;

/// Where Chromium is unless `$SSP_CHROMIUM` says otherwise.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Overrides the Chromium binary.
pub const CHROMIUM_ENV: &str = "SSP_CHROMIUM";
/// Overrides the chromedriver binary (otherwise looked up on `PATH`).
pub const CHROMEDRIVER_ENV: &str = "SSP_CHROMEDRIVER";
/// Where failure screenshots go (otherwise `$TMPDIR/ssp-browser`).
pub const ARTIFACTS_ENV: &str = "SSP_BROWSER_ARTIFACTS";
/// How to get the browser on Debian, for messages.
pub const INSTALL_HINT: &str = "apt-get install chromium chromium-driver";

/// How long lookups and waits poll by default.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);
/// How long chromedriver may take to answer `/status`.
const DRIVER_START: Duration = Duration::from_secs(20);
/// The longest a single WebDriver command may take (page loads included).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);
/// The key under which WebDriver returns an element reference.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// The Chromium flags of every session (a fresh `--user-data-dir` is added).
pub const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--window-size=1280,900",
];

// ---------------------------------------------------------------------------
// Finding the tools, and the skip rule

/// The two programs a browser test needs.
#[derive(Debug, Clone)]
pub struct Tools {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
}

impl Tools {
    /// Finds Chromium and chromedriver, or says which is missing.
    pub fn find() -> Result<Tools, String> {
        let chromium = match env_path(CHROMIUM_ENV) {
            Some(p) => p,
            None => PathBuf::from(CHROMIUM),
        };
        let chromedriver = match env_path(CHROMEDRIVER_ENV) {
            Some(p) => Some(p),
            None => on_path("chromedriver"),
        };
        let mut missing = Vec::new();
        if !is_executable(&chromium) {
            missing.push(format!("chromium ({})", chromium.display()));
        }
        match &chromedriver {
            Some(p) if is_executable(p) => {}
            Some(p) => missing.push(format!("chromedriver ({})", p.display())),
            None => missing.push("chromedriver (not on PATH)".to_owned()),
        }
        if missing.is_empty() {
            Ok(Tools {
                chromium,
                chromedriver: chromedriver.expect("checked above"),
            })
        } else {
            Err(format!("{} not installed", missing.join(" and ")))
        }
    }

    /// The tools, or `None` after printing why the test is skipped.
    /// Panics instead when running in CI, where the browser must exist.
    pub fn or_skip(test: &str) -> Option<Tools> {
        match Tools::find() {
            Ok(t) => Some(t),
            Err(why) if in_ci() => {
                panic!("browser test {test}: {why}, and CI=true requires it ({INSTALL_HINT}; .ci/run does this)")
            }
            Err(why) => {
                // Straight to the process's stderr: libtest captures
                // `eprintln!` of passing tests, and a skip must be seen.
                let _ = writeln!(
                    std::io::stderr(),
                    "SKIPPED browser tests ({test}): {why} ({INSTALL_HINT})"
                );
                None
            }
        }
    }
}

/// Whether we run in CI, where a missing browser is a failure.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| {
        let v = v.trim();
        v == "1" || v.eq_ignore_ascii_case("true")
    })
}

fn env_path(var: &str) -> Option<PathBuf> {
    std::env::var_os(var).filter(|v| !v.is_empty()).map(PathBuf::from)
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

// ---------------------------------------------------------------------------
// The app on a real port

/// A [`TestApp`] served over TCP on `127.0.0.1`, for a real browser.
///
/// The server shares the app's state (database, fake clock), so a test can
/// still arrange and inspect data through the `TestApp`. Stopping the
/// server closes the database pool, so inspect before [`LiveServer::stop`].
pub struct LiveServer {
    addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl LiveServer {
    /// Binds a free port and starts serving on the current tokio runtime.
    pub async fn start(app: &TestApp) -> LiveServer {
        let bind: SocketAddr = "127.0.0.1:0".parse().expect("literal address");
        let server = ssp_web::Application::bind(bind, app.state.clone())
            .await
            .expect("bind a local port for the live server");
        let addr = server.local_addr().expect("bound address");
        let (tx, rx) = oneshot::channel::<()>();
        let task = tokio::spawn(server.run_until(async move {
            let _ = rx.await;
        }));
        LiveServer {
            addr,
            shutdown: Some(tx),
            task: Some(task),
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:<port>`, with no trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The absolute URL of a path on this server (`/sign-in` → `http://…/sign-in`).
    pub fn url(&self, path: &str) -> String {
        if path.starts_with('/') {
            format!("{}{path}", self.base_url())
        } else {
            format!("{}/{path}", self.base_url())
        }
    }

    /// Stops accepting, finishes in-flight requests and waits for the
    /// server to end (this closes the app's database pool).
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            match tokio::time::timeout(Duration::from_secs(10), task).await {
                Ok(Ok(Ok(()))) => {}
                Ok(Ok(Err(e))) => panic!("live server failed: {e}"),
                Ok(Err(e)) => panic!("live server task failed: {e}"),
                Err(_) => eprintln!("live server did not stop within 10 s; leaving it to the runtime"),
            }
        }
    }
}

impl Drop for LiveServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

// ---------------------------------------------------------------------------
// WebDriver errors

/// A failed WebDriver command.
#[derive(Debug)]
pub enum WebDriverError {
    /// The HTTP exchange with chromedriver failed.
    Http(reqwest::Error),
    /// chromedriver answered with a W3C error (`no such element`, …).
    Driver {
        status: u16,
        error: String,
        message: String,
    },
    /// The answer was not what the protocol promises.
    Protocol(String),
    /// chromedriver could not be started.
    Launch(String),
}

impl WebDriverError {
    /// The W3C error code, such as `no such element`.
    pub fn code(&self) -> Option<&str> {
        match self {
            WebDriverError::Driver { error, .. } => Some(error),
            _ => None,
        }
    }

    pub fn is_no_such_element(&self) -> bool {
        self.code() == Some("no such element")
    }
}

impl fmt::Display for WebDriverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WebDriverError::Http(e) => write!(f, "talking to chromedriver: {e}"),
            WebDriverError::Driver { status, error, message } => {
                // chromedriver appends a long native stack to some messages.
                let first = message.lines().next().unwrap_or_default();
                write!(f, "{error} (HTTP {status}): {first}")
            }
            WebDriverError::Protocol(m) => write!(f, "unexpected WebDriver answer: {m}"),
            WebDriverError::Launch(m) => write!(f, "starting chromedriver: {m}"),
        }
    }
}

impl std::error::Error for WebDriverError {}

impl From<reqwest::Error> for WebDriverError {
    fn from(e: reqwest::Error) -> Self {
        WebDriverError::Http(e)
    }
}

// ---------------------------------------------------------------------------
// chromedriver, the process

/// A running chromedriver; killed when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    async fn spawn(http: &reqwest::Client, tools: &Tools) -> Result<Driver, WebDriverError> {
        let mut last = String::new();
        // The port is free when we ask, but another process may take it
        // before chromedriver binds it: then try another.
        for _ in 0..3 {
            let port = free_port().map_err(|e| WebDriverError::Launch(format!("no free port: {e}")))?;
            let child = Command::new(&tools.chromedriver)
                .arg(format!("--port={port}"))
                .arg("--allowed-ips=127.0.0.1")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| WebDriverError::Launch(format!("{}: {e}", tools.chromedriver.display())))?;
            let mut driver = Driver { child, port };
            match driver.wait_ready(http).await {
                Ok(()) => return Ok(driver),
                Err(e) => last = e,
            }
        }
        Err(WebDriverError::Launch(last))
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    async fn wait_ready(&mut self, http: &reqwest::Client) -> Result<(), String> {
        let deadline = Instant::now() + DRIVER_START;
        let status = format!("{}/status", self.url());
        loop {
            if let Ok(Some(code)) = self.child.try_wait() {
                return Err(format!("chromedriver exited at start ({code})"));
            }
            if let Ok(res) = http.get(&status).timeout(Duration::from_secs(2)).send().await {
                if let Ok(v) = res.json_value().await {
                    if v["value"]["ready"].as_bool() == Some(true) {
                        return Ok(());
                    }
                }
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "chromedriver not ready on port {} after {DRIVER_START:?}",
                    self.port
                ));
            }
            tokio::time::sleep(POLL).await;
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// reqwest is built without its `json` feature here; decode by hand.
trait JsonValue {
    async fn json_value(self) -> Result<Value, WebDriverError>;
}

impl JsonValue for reqwest::Response {
    async fn json_value(self) -> Result<Value, WebDriverError> {
        let bytes = self.bytes().await?;
        serde_json::from_slice(&bytes).map_err(|e| {
            WebDriverError::Protocol(format!(
                "{e}: {}",
                String::from_utf8_lossy(&bytes[..bytes.len().min(300)])
            ))
        })
    }
}

// ---------------------------------------------------------------------------
// The browser

/// One headless Chromium session. See the [module documentation](self).
pub struct Browser {
    http: reqwest::Client,
    driver: Driver,
    session: String,
    closed: bool,
    name: String,
    wait: Duration,
    artifacts: PathBuf,
    shots: std::sync::atomic::AtomicU32,
    // Last, so the profile is removed after chromedriver has been killed.
    _profile: tempfile::TempDir,
}

impl Browser {
    /// A browser for the test `name`, or `None` (with a printed reason)
    /// when Chromium or chromedriver is not installed; see [Skipping](self#skipping).
    /// Panics when the tools exist but the browser does not start.
    pub async fn start(name: &str) -> Option<Browser> {
        let tools = Tools::or_skip(name)?;
        match Browser::launch(&tools, name).await {
            Ok(b) => Some(b),
            Err(e) => panic!("browser test {name}: could not start headless Chromium: {e}"),
        }
    }

    /// Starts chromedriver and a new headless Chromium session.
    pub async fn launch(tools: &Tools, name: &str) -> Result<Browser, WebDriverError> {
        let http = reqwest::Client::builder().no_proxy().timeout(COMMAND_TIMEOUT).build()?;
        let profile = tempfile::Builder::new()
            .prefix("ssp-chromium-")
            .tempdir()
            .map_err(|e| WebDriverError::Launch(format!("profile dir: {e}")))?;
        let driver = Driver::spawn(&http, tools).await?;

        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|a| (*a).to_owned()).collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        let caps = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "pageLoadStrategy": "normal",
                    "timeouts": { "implicit": 0, "pageLoad": 30_000, "script": 10_000 },
                    "goog:chromeOptions": {
                        "binary": tools.chromium.display().to_string(),
                        "args": args,
                    }
                }
            }
        });
        let res = http
            .post(format!("{}/session", driver.url()))
            .json_body(&caps)
            .send()
            .await?;
        let value = unwrap_value(res).await?;
        let session = value["sessionId"]
            .as_str()
            .ok_or_else(|| WebDriverError::Protocol(format!("no sessionId in {value}")))?
            .to_owned();
        let artifacts = env_path(ARTIFACTS_ENV).unwrap_or_else(|| std::env::temp_dir().join("ssp-browser"));
        Ok(Browser {
            http,
            driver,
            session,
            closed: false,
            name: name.to_owned(),
            wait: DEFAULT_WAIT,
            artifacts,
            shots: std::sync::atomic::AtomicU32::new(0),
            _profile: profile,
        })
    }

    /// How long lookups and `wait_for_*` poll before failing.
    pub fn set_wait(&mut self, wait: Duration) {
        self.wait = wait;
    }

    /// Where failure screenshots are written (created when needed), for
    /// example `env!("CARGO_TARGET_TMPDIR")` from an integration test.
    pub fn artifacts_in(mut self, dir: impl Into<PathBuf>) -> Browser {
        self.artifacts = dir.into();
        self
    }

    // -- raw protocol ------------------------------------------------------

    /// Sends one WebDriver command (`path` is relative to the session, e.g.
    /// `"/url"`) and returns its `value`. `body: None` makes a GET.
    pub async fn command(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value, WebDriverError> {
        let url = format!("{}/session/{}{path}", self.driver.url(), self.session);
        let req = self.http.request(method, url);
        let req = match body {
            Some(b) => req.json_body(&b),
            None => req,
        };
        unwrap_value(req.send().await?).await
    }

    async fn get(&self, path: &str) -> Result<Value, WebDriverError> {
        self.command(reqwest::Method::GET, path, None).await
    }

    async fn post(&self, path: &str, body: Value) -> Result<Value, WebDriverError> {
        self.command(reqwest::Method::POST, path, Some(body)).await
    }

    /// Finds the first element matching a CSS selector, now (no waiting).
    pub async fn try_find(&self, css: &str) -> Result<Element<'_>, WebDriverError> {
        self.try_find_by("css selector", css).await
    }

    async fn try_find_by(&self, using: &str, value: &str) -> Result<Element<'_>, WebDriverError> {
        let v = self.post("/element", json!({ "using": using, "value": value })).await?;
        Ok(Element {
            browser: self,
            id: element_id(&v)?,
            what: value.to_owned(),
        })
    }

    // -- navigation and page -----------------------------------------------

    /// Opens a URL and waits for the page to load.
    pub async fn goto(&self, url: &str) {
        if let Err(e) = self.post("/url", json!({ "url": url })).await {
            self.fail(format!("navigate to {url}: {e}")).await
        }
    }

    /// The address bar.
    pub async fn current_url(&self) -> String {
        match self.get("/url").await {
            Ok(v) => v.as_str().unwrap_or_default().to_owned(),
            Err(e) => self.fail(format!("read the current URL: {e}")).await,
        }
    }

    /// The current URL's path (and query, if any), such as `/sign-in`.
    pub async fn path(&self) -> String {
        path_of(&self.current_url().await)
    }

    pub async fn title(&self) -> String {
        match self.get("/title").await {
            Ok(v) => v.as_str().unwrap_or_default().to_owned(),
            Err(e) => self.fail(format!("read the title: {e}")).await,
        }
    }

    /// The current DOM serialized as HTML.
    pub async fn source(&self) -> String {
        match self.get("/source").await {
            Ok(v) => v.as_str().unwrap_or_default().to_owned(),
            Err(e) => self.fail(format!("read the page source: {e}")).await,
        }
    }

    /// The text a person sees on the page (`document.body.innerText`).
    pub async fn text(&self) -> String {
        match self.try_text().await {
            Ok(t) => t,
            Err(e) => self.fail(format!("read the page text: {e}")).await,
        }
    }

    async fn try_text(&self) -> Result<String, WebDriverError> {
        let v = self
            .execute_raw("return document.body ? document.body.innerText : '';", vec![])
            .await?;
        Ok(v.as_str().unwrap_or_default().to_owned())
    }

    /// Runs JavaScript (a function body; `arguments[i]` are `args`) and
    /// returns its result. Elements can be passed with [`Element::to_arg`].
    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        match self.execute_raw(script, args).await {
            Ok(v) => v,
            Err(e) => self.fail(format!("run script `{script}`: {e}")).await,
        }
    }

    async fn execute_raw(&self, script: &str, args: Vec<Value>) -> Result<Value, WebDriverError> {
        self.post("/execute/sync", json!({ "script": script, "args": args }))
            .await
    }

    /// Runs axe-core (`source`: the text of `axe.min.js`) on the page for
    /// WCAG 2.0/2.1 A and AA and returns the violations (axe's JSON:
    /// `id`, `impact`, `help`, `nodes[].target`). Injected through
    /// WebDriver, so the page's Content-Security-Policy stays as it is.
    pub async fn axe_violations(&self, source: &str) -> Result<Vec<Value>, WebDriverError> {
        let start = format!(
            "{source}\n;window.__sspAxe = null;\n\
             axe.run(document, {{ runOnly: {{ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }} }})\n\
             .then(r => {{ window.__sspAxe = JSON.stringify(r.violations); }},\n\
                   e => {{ window.__sspAxe = JSON.stringify([{{ id: 'axe-error', help: String(e) }}]); }});\n\
             return true;"
        );
        self.execute_raw(&start, vec![]).await?;
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let v = self.execute_raw("return window.__sspAxe;", vec![]).await?;
            if let Some(text) = v.as_str() {
                let parsed: Vec<Value> = serde_json::from_str(text).unwrap_or_default();
                return Ok(parsed);
            }
            if Instant::now() > deadline {
                return Ok(vec![
                    json!({ "id": "axe-timeout", "help": "axe did not finish in 60 s" }),
                ]);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Saves a PNG of the viewport to `path` (parent directories are created).
    pub async fn screenshot(&self, path: &Path) -> Result<(), WebDriverError> {
        let v = self.get("/screenshot").await?;
        let b64 = v
            .as_str()
            .ok_or_else(|| WebDriverError::Protocol("screenshot is not a string".into()))?;
        let png = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .map_err(|e| WebDriverError::Protocol(format!("screenshot base64: {e}")))?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| WebDriverError::Protocol(format!("{}: {e}", dir.display())))?;
        }
        std::fs::write(path, png).map_err(|e| WebDriverError::Protocol(format!("{}: {e}", path.display())))
    }

    /// Saves a screenshot as `<artifacts>/<test name>-<n>-<label>.png` and
    /// returns its path; handy while writing a test.
    pub async fn snapshot(&self, label: &str) -> PathBuf {
        let path = self.next_shot_path(label);
        if let Err(e) = self.screenshot(&path).await {
            self.fail(format!("screenshot: {e}")).await
        }
        path
    }

    fn next_shot_path(&self, label: &str) -> PathBuf {
        let n = self.shots.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.artifacts
            .join(format!("{}-{n:02}-{}.png", file_safe(&self.name), file_safe(label)))
    }

    // -- finding and waiting -----------------------------------------------

    /// The first element matching a CSS selector, waiting for it to appear.
    pub async fn find(&self, css: &str) -> Element<'_> {
        self.find_by("css selector", css).await
    }

    /// The first element matching an XPath expression, waiting for it.
    pub async fn find_xpath(&self, xpath: &str) -> Element<'_> {
        self.find_by("xpath", xpath).await
    }

    async fn find_by(&self, using: &str, value: &str) -> Element<'_> {
        let deadline = Instant::now() + self.wait;
        loop {
            match self.try_find_by(using, value).await {
                Ok(el) => return el,
                Err(e) if Instant::now() < deadline && retryable(&e) => tokio::time::sleep(POLL).await,
                Err(e) => self.fail(format!("find `{value}` within {:?}: {e}", self.wait)).await,
            }
        }
    }

    /// Every element matching a CSS selector now (possibly none; no waiting).
    pub async fn find_all(&self, css: &str) -> Vec<Element<'_>> {
        let v = match self
            .post("/elements", json!({ "using": "css selector", "value": css }))
            .await
        {
            Ok(v) => v,
            Err(e) => self.fail(format!("find all `{css}`: {e}")).await,
        };
        let refs = v.as_array().cloned().unwrap_or_default();
        let mut out = Vec::with_capacity(refs.len());
        for r in &refs {
            match element_id(r) {
                Ok(id) => out.push(Element {
                    browser: self,
                    id,
                    what: css.to_owned(),
                }),
                Err(e) => self.fail(format!("find all `{css}`: {e}")).await,
            }
        }
        out
    }

    /// Whether something matches the CSS selector right now (no waiting).
    pub async fn has(&self, css: &str) -> bool {
        match self.try_find(css).await {
            Ok(_) => true,
            Err(e) if e.is_no_such_element() => false,
            Err(e) => self.fail(format!("look for `{css}`: {e}")).await,
        }
    }

    /// A `<button>` (or submit input) whose visible label is exactly `label`
    /// (ignoring surrounding spaces), waiting for it: how a person finds it.
    pub async fn button(&self, label: &str) -> Element<'_> {
        let l = xpath_literal(label);
        self.find_xpath(&format!(
            "//button[normalize-space(.)={l}] | //input[(@type='submit' or @type='button') and normalize-space(@value)={l}]"
        ))
        .await
    }

    /// A link whose visible text is exactly `label`, waiting for it.
    pub async fn link(&self, label: &str) -> Element<'_> {
        self.find_xpath(&format!("//a[normalize-space(.)={}]", xpath_literal(label)))
            .await
    }

    /// Waits until the page text contains `needle`; returns the page text.
    pub async fn wait_for_text(&self, needle: &str) -> String {
        let deadline = Instant::now() + self.wait;
        let mut last = String::new();
        loop {
            if let Ok(t) = self.try_text().await {
                if t.contains(needle) {
                    return t;
                }
                last = t;
            }
            if Instant::now() > deadline {
                self.fail(format!(
                    "the page did not show {needle:?} within {:?}; it shows:\n{}",
                    self.wait,
                    excerpt(&last)
                ))
                .await
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the current URL's path (and query) is `path`.
    pub async fn wait_for_path(&self, path: &str) {
        let deadline = Instant::now() + self.wait;
        let mut last = String::new();
        loop {
            if let Ok(v) = self.get("/url").await {
                last = path_of(v.as_str().unwrap_or_default());
                if last == path {
                    return;
                }
            }
            if Instant::now() > deadline {
                self.fail(format!(
                    "the browser did not reach {path} within {:?} (at {last})",
                    self.wait
                ))
                .await
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Marks the document now showing, so that [`Browser::wait_for_new_page`]
    /// can tell when another one has replaced it (same URL or not).
    pub async fn mark_page(&self) {
        self.execute("window.__sspOldPage = true;", vec![]).await;
    }

    /// Waits until the document marked by [`Browser::mark_page`] is gone
    /// and its successor has finished loading.
    pub async fn wait_for_new_page(&self) {
        let deadline = Instant::now() + self.wait;
        let script = "return window.__sspOldPage === true ? 'old' : document.readyState;";
        loop {
            if let Ok(v) = self.execute_raw(script, vec![]).await {
                if v.as_str() == Some("complete") {
                    return;
                }
            }
            if Instant::now() > deadline {
                self.fail(format!("no new page within {:?}", self.wait)).await
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until nothing matches the CSS selector.
    pub async fn wait_gone(&self, css: &str) {
        let deadline = Instant::now() + self.wait;
        loop {
            match self.try_find(css).await {
                Err(e) if e.is_no_such_element() => return,
                _ if Instant::now() > deadline => {
                    self.fail(format!("`{css}` was still on the page after {:?}", self.wait))
                        .await
                }
                _ => tokio::time::sleep(POLL).await,
            }
        }
    }

    // -- ending --------------------------------------------------------------

    /// Ends the session (Chromium quits) and stops chromedriver.
    pub async fn close(mut self) {
        if !self.closed {
            self.closed = true;
            let _ = self.command(reqwest::Method::DELETE, "", None).await;
        }
    }

    /// Fails the test: takes a screenshot, then panics with `what`, the
    /// current URL and the screenshot's path.
    pub async fn fail<T>(&self, what: String) -> T {
        let url = match self.get("/url").await {
            Ok(v) => v.as_str().unwrap_or("?").to_owned(),
            Err(_) => "?".to_owned(),
        };
        let path = self.next_shot_path("failure");
        let shot = match self.screenshot(&path).await {
            Ok(()) => format!("screenshot: {}", path.display()),
            Err(e) => format!("no screenshot ({e})"),
        };
        panic!("browser test {}: {what}\n  at {url}\n  {shot}", self.name)
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // A panicking test never reaches `close`: end the session here so
        // chromedriver quits Chromium (killing chromedriver alone would
        // leave Chromium running). Drop cannot await, so this is a plain
        // blocking HTTP/1.1 request with a short timeout.
        if !self.closed {
            self.closed = true;
            let _ = blocking_delete(self.driver.port, &format!("/session/{}", self.session));
        }
    }
}

fn blocking_delete(port: u16, path: &str) -> std::io::Result<()> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(2))?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    s.set_write_timeout(Some(Duration::from_secs(2)))?;
    write!(
        s,
        "DELETE {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )?;
    let mut sink = Vec::new();
    s.read_to_end(&mut sink)?;
    Ok(())
}

// ---------------------------------------------------------------------------
// Elements

/// One element of the page the [`Browser`] is on. After the page changes
/// it goes stale: find it again.
pub struct Element<'b> {
    browser: &'b Browser,
    id: String,
    /// The selector it was found with, for messages.
    what: String,
}

impl fmt::Debug for Element<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Element({})", self.what)
    }
}

impl<'b> Element<'b> {
    fn path(&self, rest: &str) -> String {
        format!("/element/{}{rest}", self.id)
    }

    async fn fail<T>(&self, doing: &str, e: WebDriverError) -> T {
        self.browser.fail(format!("{doing} `{}`: {e}", self.what)).await
    }

    /// The element as a script argument for [`Browser::execute`].
    pub fn to_arg(&self) -> Value {
        json!({ ELEMENT_KEY: self.id })
    }

    /// Types text into the element, as keystrokes.
    pub async fn send_keys(&self, text: &str) -> &Self {
        if let Err(e) = self.browser.post(&self.path("/value"), json!({ "text": text })).await {
            self.fail("type into", e).await
        }
        self
    }

    /// Empties an input or textarea.
    pub async fn clear(&self) -> &Self {
        if let Err(e) = self.browser.post(&self.path("/clear"), json!({})).await {
            self.fail("clear", e).await
        }
        self
    }

    /// Clears, then types `text`.
    pub async fn fill(&self, text: &str) -> &Self {
        self.clear().await;
        self.send_keys(text).await
    }

    /// Clicks the element's centre, as a person would (it must be visible
    /// and not covered).
    pub async fn click(&self) {
        if let Err(e) = self.browser.post(&self.path("/click"), json!({})).await {
            self.fail("click", e).await
        }
    }

    /// Clicks, then waits for the page this leads to (a submitted form, a
    /// link) to have replaced the current one and finished loading.
    pub async fn click_and_wait_for_page(&self) {
        self.browser.mark_page().await;
        self.click().await;
        self.browser.wait_for_new_page().await;
    }

    /// The element's rendered text.
    pub async fn text(&self) -> String {
        match self.browser.get(&self.path("/text")).await {
            Ok(v) => v.as_str().unwrap_or_default().to_owned(),
            Err(e) => self.fail("read the text of", e).await,
        }
    }

    /// An HTML attribute, as written in the page (`None` when absent).
    pub async fn attr(&self, name: &str) -> Option<String> {
        match self.browser.get(&self.path(&format!("/attribute/{name}"))).await {
            Ok(v) => v.as_str().map(str::to_owned),
            Err(e) => self.fail(&format!("read attribute {name} of"), e).await,
        }
    }

    /// A DOM property (`value`, `checked`, …) as JSON.
    pub async fn property(&self, name: &str) -> Value {
        match self.browser.get(&self.path(&format!("/property/{name}"))).await {
            Ok(v) => v,
            Err(e) => self.fail(&format!("read property {name} of"), e).await,
        }
    }

    /// The current value of a form control.
    pub async fn value(&self) -> String {
        self.property("value").await.as_str().unwrap_or_default().to_owned()
    }

    /// Whether the element is rendered visibly.
    pub async fn is_displayed(&self) -> bool {
        match self.browser.get(&self.path("/displayed")).await {
            Ok(v) => v.as_bool().unwrap_or(false),
            Err(e) => self.fail("check visibility of", e).await,
        }
    }

    /// The first descendant matching a CSS selector (no waiting).
    pub async fn find(&self, css: &str) -> Element<'b> {
        let v = match self
            .browser
            .post(&self.path("/element"), json!({ "using": "css selector", "value": css }))
            .await
        {
            Ok(v) => v,
            Err(e) => self.fail(&format!("find `{css}` inside"), e).await,
        };
        match element_id(&v) {
            Ok(id) => Element {
                browser: self.browser,
                id,
                what: format!("{} {css}", self.what),
            },
            Err(e) => self.fail(&format!("find `{css}` inside"), e).await,
        }
    }

    /// Chooses the `<option>` with this `value` in a `<select>` by clicking
    /// it, which fires `input` and `change` like a person's choice does.
    pub async fn select_by_value(&self, value: &str) {
        let option = self.find(&format!("option[value={}]", css_string(value))).await;
        option.click().await;
    }
}

// ---------------------------------------------------------------------------
// Helpers

/// Turns a WebDriver HTTP answer into its `value`, or the W3C error.
async fn unwrap_value(res: reqwest::Response) -> Result<Value, WebDriverError> {
    let status = res.status();
    let mut body = res.json_value().await?;
    let value = body.get_mut("value").map(Value::take).unwrap_or(Value::Null);
    if status.is_success() {
        return Ok(value);
    }
    Err(WebDriverError::Driver {
        status: status.as_u16(),
        error: value["error"].as_str().unwrap_or("unknown error").to_owned(),
        message: value["message"].as_str().unwrap_or_default().to_owned(),
    })
}

fn element_id(v: &Value) -> Result<String, WebDriverError> {
    v[ELEMENT_KEY]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| WebDriverError::Protocol(format!("not an element reference: {v}")))
}

/// Errors worth polling through while a page is changing.
fn retryable(e: &WebDriverError) -> bool {
    matches!(
        e.code(),
        Some("no such element" | "stale element reference" | "javascript error" | "no such window")
    )
}

/// reqwest is built without its `json` feature; serialize by hand.
trait JsonBody {
    fn json_body(self, v: &Value) -> Self;
}

impl JsonBody for reqwest::RequestBuilder {
    fn json_body(self, v: &Value) -> Self {
        self.header(reqwest::header::CONTENT_TYPE, "application/json; charset=utf-8")
            .body(v.to_string())
    }
}

fn path_of(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => match u.query() {
            Some(q) => format!("{}?{q}", u.path()),
            None => u.path().to_owned(),
        },
        Err(_) => url.to_owned(),
    }
}

/// A string as a CSS string literal.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\a "),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A string as an XPath 1.0 literal (which has no escapes).
fn xpath_literal(s: &str) -> String {
    if !s.contains('\'') {
        format!("'{s}'")
    } else if !s.contains('"') {
        format!("\"{s}\"")
    } else {
        let parts: Vec<String> = s.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

fn file_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn excerpt(s: &str) -> String {
    const MAX: usize = 1500;
    if s.len() <= MAX {
        return s.to_owned();
    }
    let mut end = MAX;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_quoted() {
        assert_eq!(css_string(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(xpath_literal("Sign out"), "'Sign out'");
        assert_eq!(xpath_literal("it's"), "\"it's\"");
        assert_eq!(xpath_literal(r#"it's "x""#), r#"concat('it', "'", 's "x"')"#);
    }

    #[test]
    fn paths_keep_the_query() {
        assert_eq!(path_of("http://127.0.0.1:1/sign-in?x=1"), "/sign-in?x=1");
        assert_eq!(path_of("http://127.0.0.1:1/"), "/");
    }
}
