//! A real OpenID provider for the tests: `crates/testkit/oidc/provider.mjs`
//! (the certified `oidc-provider` npm package, pinned in `package-lock.json`,
//! installed by `.ci/run` with `npm ci`) started under Node on a free port,
//! reached as `http://localhost:<port>` so its cookies never mix with ssp's
//! on 127.0.0.1. [`ProviderBrowser`] is the person at the provider: it
//! follows the redirects and fills the provider's login and consent forms
//! with a cookie jar, until the provider sends it back to ssp.
//!
//! Without Node or the package the tests are skipped with a printed reason,
//! except under `CI=true`, where that is a failure.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

/// The running provider; stopped when dropped.
pub struct OidcProvider {
    child: Child,
    pub issuer: String,
}

impl Drop for OidcProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn testkit_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn unavailable(reason: &str) -> Option<OidcProvider> {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("the OpenID provider is required under CI=true: {reason}");
    }
    eprintln!("skipped: no OpenID provider for this test ({reason}); run `npm ci --prefix crates/testkit`");
    None
}

impl OidcProvider {
    /// Starts the provider with `config` (clients and accounts, see the
    /// script's header). `None` (after printing why) when Node or the
    /// package is missing outside CI.
    pub fn start(config: &serde_json::Value) -> Option<OidcProvider> {
        let dir = testkit_dir();
        if !dir.join("node_modules/oidc-provider/package.json").exists() {
            return unavailable("crates/testkit/node_modules/oidc-provider is not installed");
        }
        let child = Command::new("node")
            .arg(dir.join("oidc/provider.mjs"))
            .current_dir(&dir)
            .env("OIDC_TEST_CONFIG", config.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn();
        let mut child = match child {
            Ok(c) => c,
            Err(e) => return unavailable(&format!("cannot run node: {e}")),
        };
        let stdout = child.stdout.take().expect("piped stdout");
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        let read = reader.read_line(&mut line);
        // Keep draining: the provider prints notices later, and a closed
        // pipe would end it.
        std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
        let issuer = match (read, line.trim().strip_prefix("ready ")) {
            (Ok(_), Some(issuer)) => issuer.to_owned(),
            _ => {
                let _ = child.kill();
                panic!("the OpenID provider did not start: {line:?}");
            }
        };
        Some(OidcProvider { child, issuer })
    }

    /// Stops the provider now (to test a provider that is down).
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The person's browser at the provider: cookies kept, redirects followed
/// by hand so the last one (back to ssp) can be handed to the test.
pub struct ProviderBrowser {
    http: reqwest::Client,
}

impl Default for ProviderBrowser {
    fn default() -> Self {
        Self::new()
    }
}

impl ProviderBrowser {
    pub fn new() -> Self {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("http client");
        Self { http }
    }

    /// Starting at the provider's authorization URL, signs in as `login`,
    /// gives consent, and returns the address the provider sends the
    /// browser back to (the ssp callback with `code` and `state`).
    pub async fn sign_in(&self, authorize_url: &str, login: &str, back_to: &str) -> String {
        let mut next = authorize_url.to_owned();
        let mut form: Option<(String, Vec<(String, String)>)> = None;
        for _ in 0..20 {
            let res = match form.take() {
                Some((action, fields)) => self.http.post(next_url(&next, &action)).form(&fields).send().await,
                None => self.http.get(&next).send().await,
            }
            .expect("the provider answers");
            let status = res.status();
            if status.is_redirection() {
                let location = res
                    .headers()
                    .get("location")
                    .and_then(|v| v.to_str().ok())
                    .expect("a redirect has a location")
                    .to_owned();
                let target = next_url(&next, &location);
                if target.starts_with(back_to) {
                    return target;
                }
                next = target;
                continue;
            }
            let url = res.url().to_string();
            let body = res.text().await.unwrap_or_default();
            assert!(status.is_success(), "provider answered {status}: {body}");
            let action = attribute_after(&body, "<form", "action").expect("a provider page with a form");
            let fields = if body.contains("name=\"login\"") {
                vec![
                    ("prompt".to_owned(), "login".to_owned()),
                    ("login".to_owned(), login.to_owned()),
                    ("password".to_owned(), "any password".to_owned()),
                ]
            } else {
                vec![("prompt".to_owned(), "consent".to_owned())]
            };
            next = url;
            form = Some((action, fields));
        }
        panic!("the provider never sent the browser back");
    }
}

fn next_url(base: &str, location: &str) -> String {
    url::Url::parse(base)
        .and_then(|b| b.join(location))
        .map(String::from)
        .unwrap_or_else(|_| location.to_owned())
}

fn attribute_after(html: &str, tag: &str, attr: &str) -> Option<String> {
    let start = html.find(tag)?;
    let rest = &html[start..];
    let marker = format!("{attr}=\"");
    let a = rest.find(&marker)? + marker.len();
    let b = rest[a..].find('"')? + a;
    Some(rest[a..b].replace("&amp;", "&"))
}
