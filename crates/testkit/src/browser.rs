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
//! * [`Browser`] is a [`fantoccini`] WebDriver session (plain HTTP, no TLS)
//!   with a `chromedriver` child process on a free local port, which runs
//!   headless Chromium with a fresh profile in a temporary directory.
//!   Dropping the `Browser` ends the session and kills chromedriver. The
//!   protocol is fantoccini's; this module adds the waits, the failure
//!   messages and screenshots, and the skip rule.
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
use std::future::Future;
use std::io::{self, Write};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element as WdElement;
use fantoccini::error::{CmdError, NewSessionError};
use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
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
/// How long chromedriver may take to accept a session after it starts.
const DRIVER_START: Duration = Duration::from_secs(20);
/// How long Chromium may take to load a page, and a script (axe-core) to run.
const PAGE_LOAD_MS: u64 = 30_000;
const SCRIPT_MS: u64 = 60_000;
/// The longest a single WebDriver command may take (page loads included).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(90);

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
// chromedriver, the process

/// A running chromedriver; killed when dropped.
struct Driver {
    child: Child,
}

impl Driver {
    /// Starts chromedriver on a free port and opens a session on it with
    /// fantoccini, retrying until chromedriver listens.
    async fn start(tools: &Tools, caps: &Capabilities) -> Result<(Driver, Client), String> {
        let mut last = String::new();
        // The port is free when we ask, but another process may take it
        // before chromedriver binds it: then chromedriver exits, and we try
        // another.
        for _ in 0..3 {
            let port = free_port().map_err(|e| format!("no free port: {e}"))?;
            let child = Command::new(&tools.chromedriver)
                .arg(format!("--port={port}"))
                .arg("--allowed-ips=127.0.0.1")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| format!("{}: {e}", tools.chromedriver.display()))?;
            let mut driver = Driver { child };
            let url = format!("http://127.0.0.1:{port}");
            let deadline = Instant::now() + DRIVER_START;
            loop {
                let mut builder = ClientBuilder::new(HttpConnector::new());
                let session = builder.capabilities(caps.clone()).connect(&url);
                match tokio::time::timeout(COMMAND_TIMEOUT, session).await {
                    Ok(Ok(client)) => return Ok((driver, client)),
                    // Not listening yet: chromedriver is still starting.
                    Ok(Err(NewSessionError::Failed(_) | NewSessionError::FailedC(_) | NewSessionError::Lost(_))) => {}
                    Ok(Err(e)) => return Err(format!("new session: {e}")),
                    Err(_) => return Err(format!("no new session within {COMMAND_TIMEOUT:?}")),
                }
                if let Ok(Some(code)) = driver.child.try_wait() {
                    last = format!("chromedriver exited at start ({code})");
                    break;
                }
                if Instant::now() > deadline {
                    last = format!("chromedriver not ready on port {port} after {DRIVER_START:?}");
                    break;
                }
                tokio::time::sleep(POLL).await;
            }
        }
        Err(last)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// A command's result, or a "lost" error when chromedriver does not answer
/// within [`COMMAND_TIMEOUT`] (fantoccini itself would wait forever).
async fn timed<T>(cmd: impl Future<Output = Result<T, CmdError>>) -> Result<T, CmdError> {
    match tokio::time::timeout(COMMAND_TIMEOUT, cmd).await {
        Ok(res) => res,
        Err(_) => Err(CmdError::Lost(io::Error::new(
            io::ErrorKind::TimedOut,
            format!("no answer from chromedriver within {COMMAND_TIMEOUT:?}"),
        ))),
    }
}

/// A WebDriver error in one line: chromedriver appends a long native stack
/// to some messages.
fn one_line(e: &CmdError) -> String {
    match e {
        CmdError::Standard(w) => {
            let first = w.message.lines().next().unwrap_or_default();
            format!("{}: {first}", w.error())
        }
        e => e.to_string(),
    }
}

// ---------------------------------------------------------------------------
// The browser

/// One headless Chromium session. See the [module documentation](self).
pub struct Browser {
    client: Client,
    closed: bool,
    name: String,
    wait: Duration,
    artifacts: PathBuf,
    shots: std::sync::atomic::AtomicU32,
    // Dropped after `Drop::drop` has ended the session: chromedriver is
    // killed, then the profile is removed.
    _driver: Driver,
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
    pub async fn launch(tools: &Tools, name: &str) -> Result<Browser, String> {
        let profile = tempfile::Builder::new()
            .prefix("ssp-chromium-")
            .tempdir()
            .map_err(|e| format!("profile dir: {e}"))?;
        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|a| (*a).to_owned()).collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        let mut caps = Capabilities::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert("pageLoadStrategy".into(), json!("normal"));
        caps.insert(
            "timeouts".into(),
            json!({ "implicit": 0, "pageLoad": PAGE_LOAD_MS, "script": SCRIPT_MS }),
        );
        caps.insert(
            "goog:chromeOptions".into(),
            json!({ "binary": tools.chromium.display().to_string(), "args": args }),
        );
        let (driver, client) = Driver::start(tools, &caps).await?;
        let artifacts = env_path(ARTIFACTS_ENV).unwrap_or_else(|| std::env::temp_dir().join("ssp-browser"));
        Ok(Browser {
            client,
            closed: false,
            name: name.to_owned(),
            wait: DEFAULT_WAIT,
            artifacts,
            shots: std::sync::atomic::AtomicU32::new(0),
            _driver: driver,
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

    /// The fantoccini client, for anything this module does not wrap.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Runs one command; fails the test (screenshot, URL) if it fails.
    async fn run<T>(&self, what: impl fmt::Display, cmd: impl Future<Output = Result<T, CmdError>>) -> T {
        match timed(cmd).await {
            Ok(v) => v,
            Err(e) => self.fail(format!("{what}: {}", one_line(&e))).await,
        }
    }

    fn element(&self, el: WdElement, what: &str) -> Element<'_> {
        Element {
            browser: self,
            el,
            what: what.to_owned(),
        }
    }

    /// Finds the first element matching a CSS selector, now (no waiting).
    pub async fn try_find(&self, css: &str) -> Result<Element<'_>, CmdError> {
        let el = timed(self.client.find(Locator::Css(css))).await?;
        Ok(self.element(el, css))
    }

    // -- navigation and page -----------------------------------------------

    /// Opens a URL and waits for the page to load.
    pub async fn goto(&self, url: &str) {
        self.run(format_args!("navigate to {url}"), self.client.goto(url)).await
    }

    /// The address bar.
    pub async fn current_url(&self) -> String {
        self.run("read the current URL", self.client.current_url()).await.into()
    }

    /// The current URL's path (and query, if any), such as `/sign-in`.
    pub async fn path(&self) -> String {
        path_of(&self.run("read the current URL", self.client.current_url()).await)
    }

    pub async fn title(&self) -> String {
        self.run("read the title", self.client.title()).await
    }

    /// The current DOM serialized as HTML.
    pub async fn source(&self) -> String {
        self.run("read the page source", self.client.source()).await
    }

    /// The text a person sees on the page (`document.body.innerText`).
    pub async fn text(&self) -> String {
        self.run("read the page text", self.try_text()).await
    }

    async fn try_text(&self) -> Result<String, CmdError> {
        let v = timed(
            self.client
                .execute("return document.body ? document.body.innerText : '';", vec![]),
        )
        .await?;
        Ok(v.as_str().unwrap_or_default().to_owned())
    }

    /// Runs JavaScript (a function body; `arguments[i]` are `args`) and
    /// returns its result. Elements can be passed with [`Element::to_arg`].
    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.run(format_args!("run script `{script}`"), self.client.execute(script, args))
            .await
    }

    /// Runs axe-core (`source`: the text of `axe.min.js`) on the page for
    /// WCAG 2.0/2.1 A and AA and returns the violations (axe's JSON:
    /// `id`, `impact`, `help`, `nodes[].target`). Injected through
    /// WebDriver, so the page's Content-Security-Policy stays as it is.
    pub async fn axe_violations(&self, source: &str) -> Result<Vec<Value>, CmdError> {
        let script = format!(
            "{source}\n;const done = arguments[arguments.length - 1];\n\
             axe.run(document, {{ runOnly: {{ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }} }})\n\
             .then(r => done(JSON.stringify(r.violations)),\n\
                   e => done(JSON.stringify([{{ id: 'axe-error', help: String(e) }}])));"
        );
        let v = timed(self.client.execute_async(&script, vec![])).await?;
        Ok(v.as_str()
            .and_then(|text| serde_json::from_str(text).ok())
            .unwrap_or_else(|| vec![json!({ "id": "axe-error", "help": format!("not a result: {v}") })]))
    }

    /// Saves a PNG of the viewport to `path` (parent directories are created).
    pub async fn screenshot(&self, path: &Path) -> io::Result<()> {
        let png = timed(self.client.screenshot()).await.map_err(io::Error::other)?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, png)
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
        self.find_by(Locator::Css(css), css).await
    }

    /// The first element matching an XPath expression, waiting for it.
    pub async fn find_xpath(&self, xpath: &str) -> Element<'_> {
        self.find_by(Locator::XPath(xpath), xpath).await
    }

    async fn find_by(&self, locator: Locator<'_>, what: &str) -> Element<'_> {
        let wait = self.client.wait().at_most(self.wait).every(POLL);
        let found = tokio::time::timeout(self.wait + COMMAND_TIMEOUT, wait.for_element(locator)).await;
        match found {
            Ok(Ok(el)) => self.element(el, what),
            Ok(Err(e)) => {
                let why = if matches!(e, CmdError::WaitTimeout) {
                    "not on the page".into()
                } else {
                    one_line(&e)
                };
                self.fail(format!("find `{what}` within {:?}: {why}", self.wait)).await
            }
            Err(_) => self.fail(format!("find `{what}`: no answer from chromedriver")).await,
        }
    }

    /// Every element matching a CSS selector now (possibly none; no waiting).
    pub async fn find_all(&self, css: &str) -> Vec<Element<'_>> {
        let found = self
            .run(
                format_args!("find all `{css}`"),
                self.client.find_all(Locator::Css(css)),
            )
            .await;
        found.into_iter().map(|el| self.element(el, css)).collect()
    }

    /// Whether something matches the CSS selector right now (no waiting).
    pub async fn has(&self, css: &str) -> bool {
        match self.try_find(css).await {
            Ok(_) => true,
            Err(e) if e.is_no_such_element() => false,
            Err(e) => self.fail(format!("look for `{css}`: {}", one_line(&e))).await,
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

    /// Polls `probe` every [`POLL`] until it gives a value; once the wait
    /// (see [`Browser::set_wait`]) is over, fails with its last complaint.
    async fn poll<T>(&self, mut probe: impl AsyncFnMut() -> Result<T, String>) -> T {
        let deadline = Instant::now() + self.wait;
        loop {
            match probe().await {
                Ok(v) => return v,
                Err(why) if Instant::now() > deadline => return self.fail(why).await,
                Err(_) => tokio::time::sleep(POLL).await,
            }
        }
    }

    /// Waits until the page text contains `needle`; returns the page text.
    pub async fn wait_for_text(&self, needle: &str) -> String {
        let wait = self.wait;
        self.poll(async || match self.try_text().await {
            Ok(t) if t.contains(needle) => Ok(t),
            Ok(t) => Err(format!(
                "the page did not show {needle:?} within {wait:?}; it shows:\n{}",
                excerpt(&t)
            )),
            Err(e) => Err(format!(
                "the page did not show {needle:?} within {wait:?}: {}",
                one_line(&e)
            )),
        })
        .await
    }

    /// Waits until the current URL's path (and query) is `path`.
    pub async fn wait_for_path(&self, path: &str) {
        let wait = self.wait;
        self.poll(async || match timed(self.client.current_url()).await {
            Ok(url) if path_of(&url) == path => Ok(()),
            Ok(url) => Err(format!("the browser did not reach {path} within {wait:?} (at {url})")),
            Err(e) => Err(format!(
                "the browser did not reach {path} within {wait:?}: {}",
                one_line(&e)
            )),
        })
        .await
    }

    /// Marks the document now showing, so that [`Browser::wait_for_new_page`]
    /// can tell when another one has replaced it (same URL or not).
    pub async fn mark_page(&self) {
        self.execute("window.__sspOldPage = true;", vec![]).await;
    }

    /// Waits until the document marked by [`Browser::mark_page`] is gone
    /// and its successor has finished loading.
    pub async fn wait_for_new_page(&self) {
        let script = "return window.__sspOldPage === true ? 'old' : document.readyState;";
        self.poll(async || match timed(self.client.execute(script, vec![])).await {
            Ok(v) if v.as_str() == Some("complete") => Ok(()),
            _ => Err(format!("no new page within {:?}", self.wait)),
        })
        .await
    }

    /// Waits until nothing matches the CSS selector.
    pub async fn wait_gone(&self, css: &str) {
        self.poll(async || match self.try_find(css).await {
            Err(e) if e.is_no_such_element() => Ok(()),
            _ => Err(format!("`{css}` was still on the page after {:?}", self.wait)),
        })
        .await
    }

    // -- ending --------------------------------------------------------------

    /// Ends the session (Chromium quits) and stops chromedriver.
    pub async fn close(mut self) {
        self.closed = true;
        let _ = timed(self.client.clone().close()).await;
    }

    /// Fails the test: takes a screenshot, then panics with `what`, the
    /// current URL and the screenshot's path.
    pub async fn fail<T>(&self, what: String) -> T {
        let url = match timed(self.client.current_url()).await {
            Ok(u) => u.to_string(),
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
        // leave Chromium running). Drop cannot await, so a helper thread
        // waits for fantoccini's session task (which runs on the test's
        // runtime) to send the request, with a timeout in case it can't.
        if self.closed {
            return;
        }
        self.closed = true;
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let client = self.client.clone();
        let ended = std::thread::spawn(move || {
            // The timeout is made inside the runtime's context: it needs its timer.
            let _ = runtime.block_on(async { tokio::time::timeout(Duration::from_secs(10), client.close()).await });
        });
        let _ = ended.join();
    }
}

// ---------------------------------------------------------------------------
// Elements

/// One element of the page the [`Browser`] is on. After the page changes
/// it goes stale: find it again.
pub struct Element<'b> {
    browser: &'b Browser,
    el: WdElement,
    /// The selector it was found with, for messages.
    what: String,
}

impl fmt::Debug for Element<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Element({})", self.what)
    }
}

impl<'b> Element<'b> {
    async fn run<T>(&self, doing: &str, cmd: impl Future<Output = Result<T, CmdError>>) -> T {
        self.browser.run(format_args!("{doing} `{}`", self.what), cmd).await
    }

    /// The fantoccini element, for anything this module does not wrap.
    pub fn inner(&self) -> &WdElement {
        &self.el
    }

    /// The element as a script argument for [`Browser::execute`].
    pub fn to_arg(&self) -> Value {
        serde_json::to_value(&self.el).expect("an element reference serializes")
    }

    /// Types text into the element, as keystrokes.
    pub async fn send_keys(&self, text: &str) -> &Self {
        self.run("type into", self.el.send_keys(text)).await;
        self
    }

    /// Empties an input or textarea.
    pub async fn clear(&self) -> &Self {
        self.run("clear", self.el.clear()).await;
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
        self.run("click", self.el.click()).await
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
        self.run("read the text of", self.el.text()).await
    }

    /// An HTML attribute, as written in the page (`None` when absent).
    pub async fn attr(&self, name: &str) -> Option<String> {
        self.run(&format!("read attribute {name} of"), self.el.attr(name)).await
    }

    /// A DOM property (`value`, `checked`, …) as text (`None` when absent).
    pub async fn property(&self, name: &str) -> Option<String> {
        self.run(&format!("read property {name} of"), self.el.prop(name)).await
    }

    /// The current value of a form control.
    pub async fn value(&self) -> String {
        self.property("value").await.unwrap_or_default()
    }

    /// Whether the element is rendered visibly.
    pub async fn is_displayed(&self) -> bool {
        self.run("check visibility of", self.el.is_displayed()).await
    }

    /// The first descendant matching a CSS selector (no waiting).
    pub async fn find(&self, css: &str) -> Element<'b> {
        let el = self
            .run(&format!("find `{css}` inside"), self.el.find(Locator::Css(css)))
            .await;
        Element {
            browser: self.browser,
            el,
            what: format!("{} {css}", self.what),
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

fn path_of(url: &url::Url) -> String {
    match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_owned(),
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
        let path = |u: &str| path_of(&url::Url::parse(u).expect("a URL"));
        assert_eq!(path("http://127.0.0.1:1/sign-in?x=1"), "/sign-in?x=1");
        assert_eq!(path("http://127.0.0.1:1/"), "/");
    }
}
