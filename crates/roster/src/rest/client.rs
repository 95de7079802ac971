//! HTTP to a OneRoster 1.2 rostering endpoint: an OAuth 2.0
//! client-credentials token (renewed before it expires, and once more when
//! the server answers 401 mid-pull), pages with `limit`/`offset`, and
//! retries with back-off when a page fails for a reason that may pass.

use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, AUTHORIZATION, LINK};
use reqwest::StatusCode;
use serde::Deserialize;
use url::Url;

use super::{Endpoint, SyncFailure};

/// The largest page body read (a page of 10,000 enrollments is ~3 MiB).
pub const MAX_PAGE_BYTES: usize = 256 << 20;

/// How the client talks to the server.
#[derive(Debug, Clone)]
pub struct Tuning {
    /// Records asked for per page.
    pub page_size: u32,
    /// One request (connect, send, read the body).
    pub timeout: Duration,
    /// Further tries of a page that failed (connection, timeout, 5xx, 429).
    pub retries: u32,
    /// Wait before the first retry; doubled for each next one.
    pub backoff: Duration,
}

impl Default for Tuning {
    fn default() -> Self {
        Self {
            page_size: 5_000,
            timeout: Duration::from_secs(60),
            retries: 3,
            backoff: Duration::from_millis(500),
        }
    }
}

/// Where and as whom to connect.
#[derive(Clone)]
pub struct Credentials {
    /// The rostering service root, e.g. `https://sis.example/ims/oneroster/rostering/v1p2`.
    pub base_url: Url,
    pub token_url: Url,
    pub client_id: String,
    pub client_secret: String,
}

impl std::fmt::Debug for Credentials {
    // The secret never reaches a log line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("base_url", &self.base_url.as_str())
            .field("token_url", &self.token_url.as_str())
            .field("client_id", &self.client_id)
            .field("client_secret", &"<set>")
            .finish()
    }
}

/// The OAuth scopes of the rostering service (core and demographics).
const SCOPES: &str = "https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly \
                      https://purl.imsglobal.org/spec/or/v1p2/scope/roster-demographics.readonly";

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    #[serde(default)]
    expires_in: Option<u64>,
}

struct Token {
    value: String,
    /// Renewed at this moment (a little before the server's expiry).
    renew_at: Option<Instant>,
}

/// One page as the server sent it.
pub struct Page {
    pub body: Vec<u8>,
    pub total: Option<u64>,
    pub next: Option<Url>,
}

pub struct Client {
    http: reqwest::Client,
    creds: Credentials,
    tuning: Tuning,
    token: Option<Token>,
    pub tokens_fetched: u32,
    pub retries_used: u32,
}

impl Client {
    pub fn new(creds: Credentials, tuning: Tuning) -> Result<Self, SyncFailure> {
        let http = reqwest::Client::builder()
            .timeout(tuning.timeout)
            .connect_timeout(tuning.timeout)
            // A redirect could carry the bearer token to another host.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("ssp/", env!("CARGO_PKG_VERSION"), " (OneRoster sync)"))
            .build()
            .map_err(|e| SyncFailure::Config(format!("cannot start an HTTP client: {e}")))?;
        Ok(Self {
            http,
            creds,
            tuning,
            token: None,
            tokens_fetched: 0,
            retries_used: 0,
        })
    }

    pub fn page_size(&self) -> u32 {
        self.tuning.page_size
    }

    /// The URL of an endpoint's first page.
    pub fn first_page(&self, endpoint: Endpoint, filter: Option<&str>) -> Url {
        let mut url = self.creds.base_url.clone();
        {
            let mut path = url.path().trim_end_matches('/').to_owned();
            path.push('/');
            path.push_str(endpoint.path());
            url.set_path(&path);
        }
        {
            let mut q = url.query_pairs_mut();
            q.append_pair("limit", &self.tuning.page_size.to_string());
            q.append_pair("offset", "0");
            if let Some(f) = filter {
                q.append_pair("filter", f);
            }
        }
        url
    }

    /// The same query with another offset (when the server sends no `Link`).
    pub fn with_offset(url: &Url, offset: u64) -> Url {
        let pairs: Vec<(String, String)> = url
            .query_pairs()
            .filter(|(k, _)| k != "offset")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let mut next = url.clone();
        {
            let mut q = next.query_pairs_mut();
            q.clear();
            for (k, v) in &pairs {
                q.append_pair(k, v);
            }
            q.append_pair("offset", &offset.to_string());
        }
        next
    }

    async fn token(&mut self) -> Result<String, SyncFailure> {
        if let Some(t) = &self.token {
            if t.renew_at.is_none_or(|at| Instant::now() < at) {
                return Ok(t.value.clone());
            }
        }
        self.renew_token().await
    }

    async fn renew_token(&mut self) -> Result<String, SyncFailure> {
        self.token = None;
        let mut attempt = 0;
        let answer = loop {
            let sent = self
                .http
                .post(self.creds.token_url.clone())
                .basic_auth(&self.creds.client_id, Some(&self.creds.client_secret))
                .form(&[("grant_type", "client_credentials"), ("scope", SCOPES)])
                .send()
                .await;
            let failure = match sent {
                Ok(res) if res.status().is_success() => match res.bytes().await {
                    Ok(body) => break body,
                    Err(e) => transport("the token endpoint", &e),
                },
                Ok(res) if matches!(res.status(), StatusCode::BAD_REQUEST | StatusCode::UNAUTHORIZED) => {
                    return Err(SyncFailure::Credentials(format!(
                        "the token endpoint refused the client id and secret (HTTP {})",
                        res.status().as_u16()
                    )));
                }
                Ok(res) if retryable(res.status()) => {
                    SyncFailure::PageFailed(format!("the token endpoint answered HTTP {}", res.status().as_u16()))
                }
                Ok(res) => {
                    return Err(SyncFailure::Credentials(format!(
                        "the token endpoint answered HTTP {}",
                        res.status().as_u16()
                    )))
                }
                Err(e) => transport("the token endpoint", &e),
            };
            if attempt >= self.tuning.retries {
                return Err(failure);
            }
            self.wait(attempt).await;
            attempt += 1;
        };
        let token: TokenAnswer = serde_json::from_slice(&answer)
            .map_err(|e| SyncFailure::Garbage(format!("the token endpoint's answer is not an OAuth token ({e})")))?;
        self.tokens_fetched += 1;
        // Renew 10 % early (at most a minute), so a page is not sent with a
        // token about to lapse.
        let renew_at = token.expires_in.map(|s| {
            let margin = (s / 10).min(60);
            Instant::now() + Duration::from_secs(s.saturating_sub(margin))
        });
        self.token = Some(Token {
            value: token.access_token.clone(),
            renew_at,
        });
        Ok(token.access_token)
    }

    async fn wait(&mut self, attempt: u32) {
        self.retries_used += 1;
        tokio::time::sleep(self.tuning.backoff * 2u32.saturating_pow(attempt)).await;
    }

    /// Fetches one page: retried on failures that may pass, with a new
    /// token once when the server says the token is no longer good.
    pub async fn page(&mut self, endpoint: Endpoint, url: &Url) -> Result<Option<Page>, SyncFailure> {
        let mut attempt = 0;
        let mut renewed = false;
        loop {
            let token = self.token().await?;
            let sent = self
                .http
                .get(url.clone())
                .header(AUTHORIZATION, format!("Bearer {token}"))
                .header(reqwest::header::ACCEPT, "application/json")
                .send()
                .await;
            let failure = match sent {
                Ok(res) if res.status().is_success() => {
                    let total = header_u64(res.headers(), "x-total-count");
                    let next = next_link(res.headers(), url, &self.creds.base_url);
                    match read_body(res).await {
                        Ok(body) => return Ok(Some(Page { body, total, next })),
                        Err(f) => f,
                    }
                }
                Ok(res) if res.status() == StatusCode::UNAUTHORIZED && !renewed => {
                    // The token lapsed mid-pull: a new one, and the same page again.
                    renewed = true;
                    self.renew_token().await?;
                    continue;
                }
                Ok(res) if res.status() == StatusCode::UNAUTHORIZED => {
                    return Err(SyncFailure::Credentials(format!(
                        "{} answered HTTP 401 even with a new token",
                        endpoint.path()
                    )))
                }
                // Demographics are often not shared: the sync goes on without them.
                Ok(res)
                    if endpoint == Endpoint::Demographics
                        && matches!(res.status(), StatusCode::FORBIDDEN | StatusCode::NOT_FOUND) =>
                {
                    return Ok(None)
                }
                Ok(res) if retryable(res.status()) => SyncFailure::PageFailed(format!(
                    "{} at offset {} answered HTTP {}",
                    endpoint.path(),
                    offset_of(url),
                    res.status().as_u16()
                )),
                Ok(res) => {
                    return Err(SyncFailure::PageFailed(format!(
                        "{} at offset {} answered HTTP {}",
                        endpoint.path(),
                        offset_of(url),
                        res.status().as_u16()
                    )))
                }
                Err(e) => transport(&format!("{} at offset {}", endpoint.path(), offset_of(url)), &e),
            };
            if attempt >= self.tuning.retries {
                return Err(failure.after_tries(attempt + 1));
            }
            tracing::info!(
                endpoint = endpoint.path(),
                attempt,
                "OneRoster page failed; retrying: {failure}"
            );
            self.wait(attempt).await;
            attempt += 1;
        }
    }
}

fn retryable(status: StatusCode) -> bool {
    status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::REQUEST_TIMEOUT
}

fn transport(what: &str, e: &reqwest::Error) -> SyncFailure {
    if e.is_timeout() {
        SyncFailure::Timeout(format!("{what} did not answer in time"))
    } else if e.is_connect() {
        SyncFailure::Unreachable(format!("cannot connect to {what}"))
    } else {
        SyncFailure::PageFailed(format!("{what}: the connection broke off"))
    }
}

async fn read_body(mut res: reqwest::Response) -> Result<Vec<u8>, SyncFailure> {
    let mut body = Vec::with_capacity(res.content_length().unwrap_or(0).min(MAX_PAGE_BYTES as u64) as usize);
    loop {
        match res.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > MAX_PAGE_BYTES {
                    return Err(SyncFailure::Garbage(format!(
                        "a page is larger than {} MiB",
                        MAX_PAGE_BYTES >> 20
                    )));
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(body),
            Err(e) => return Err(transport("a page", &e)),
        }
    }
}

fn header_u64(headers: &HeaderMap, name: &str) -> Option<u64> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

fn offset_of(url: &Url) -> String {
    url.query_pairs()
        .find(|(k, _)| k == "offset")
        .map_or_else(|| "0".to_owned(), |(_, v)| v.into_owned())
}

/// The `rel="next"` target of a `Link` header, resolved against the page's
/// URL — only when it stays on the rostering server (the bearer token goes
/// with it).
fn next_link(headers: &HeaderMap, page: &Url, base: &Url) -> Option<Url> {
    for value in headers.get_all(LINK) {
        let Ok(value) = value.to_str() else { continue };
        for part in value.split(',') {
            let mut pieces = part.split(';');
            let target = pieces.next()?.trim();
            let is_next = pieces.any(|p| {
                let p = p.trim().replace(' ', "");
                p == "rel=\"next\"" || p == "rel=next"
            });
            if !is_next {
                continue;
            }
            let target = target.strip_prefix('<')?.strip_suffix('>')?;
            let url = page.join(target).ok()?;
            if url.origin() == base.origin() {
                return Some(url);
            }
            tracing::warn!("a OneRoster Link header points to another server; ignored");
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn a_next_link_is_followed_only_on_the_same_server() {
        let base = Url::parse("http://127.0.0.1:9/ims/oneroster/rostering/v1p2").unwrap();
        let page = Url::parse("http://127.0.0.1:9/ims/oneroster/rostering/v1p2/users?limit=2&offset=0").unwrap();
        let mut h = HeaderMap::new();
        h.insert(
            LINK,
            HeaderValue::from_static(
                "</ims/oneroster/rostering/v1p2/users?limit=2&offset=2>; rel=\"next\", </x?offset=8>; rel=\"last\"",
            ),
        );
        assert_eq!(next_link(&h, &page, &base).unwrap().query(), Some("limit=2&offset=2"));
        h.insert(
            LINK,
            HeaderValue::from_static("<http://elsewhere.invalid/users?offset=2>; rel=\"next\""),
        );
        assert_eq!(next_link(&h, &page, &base), None);
    }

    #[test]
    fn another_offset_keeps_the_filter() {
        let url = Url::parse("http://h/users?limit=2&offset=0&filter=dateLastModified%3E%27x%27").unwrap();
        let next = Client::with_offset(&url, 4);
        assert_eq!(next.query(), Some("limit=2&filter=dateLastModified%3E%27x%27&offset=4"));
    }
}
