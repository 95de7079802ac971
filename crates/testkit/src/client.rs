//! A test browser: sends requests straight into the router, keeps cookies,
//! sends a same-site `Origin`, and echoes the CSRF token of the last page.

use std::collections::BTreeMap;
use std::sync::Mutex;

use axum::body::Body;
use axum::http::{header, Request};
use http_body_util::BodyExt;
use tower::ServiceExt;

pub const ORIGIN: &str = "http://127.0.0.1:8080";

pub struct TestClient {
    router: axum::Router,
    cookies: Mutex<BTreeMap<String, String>>,
    last_csrf: Mutex<Option<String>>,
    accept_language: Mutex<Option<String>>,
    /// The peer address the server sees (the per-address sign-in limit).
    address: Mutex<std::net::SocketAddr>,
}

#[derive(Debug, Clone)]
pub struct TestResponse {
    pub status: u16,
    pub headers: axum::http::HeaderMap,
    /// The body as sent (HTML-escaped).
    pub body: String,
    /// The body with HTML entities decoded, to compare with what people read.
    pub text: String,
    /// The body's bytes (a file download).
    pub bytes: Vec<u8>,
}

impl TestResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn location(&self) -> Option<&str> {
        self.header("location")
    }

    /// The page's CSRF token (from a hidden `csrf` field).
    pub fn csrf(&self) -> Option<String> {
        let marker = "name=\"csrf\" value=\"";
        let start = self.body.find(marker)? + marker.len();
        let end = self.body[start..].find('"')? + start;
        Some(self.body[start..end].to_owned())
    }
}

impl TestClient {
    pub fn new(router: axum::Router) -> Self {
        Self {
            router,
            cookies: Mutex::new(BTreeMap::new()),
            last_csrf: Mutex::new(None),
            accept_language: Mutex::new(None),
            address: Mutex::new(std::net::SocketAddr::from(([127, 0, 0, 1], 40000))),
        }
    }

    /// Sends requests from this address from now on (as the connection's
    /// peer, like `ssp serve` sees it).
    pub fn set_address(&self, addr: &str) {
        *self.address.lock().expect("lock") = addr.parse().expect("socket address like 10.0.0.1:5000");
    }

    /// Sends this `Accept-Language` from now on.
    pub fn set_accept_language(&self, v: &str) {
        *self.accept_language.lock().expect("lock") = Some(v.to_owned());
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().expect("lock").get(name).cloned()
    }

    pub fn set_cookie(&self, name: &str, value: &str) {
        self.cookies.lock().expect("lock").insert(name.into(), value.into());
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        let req = self.base(Request::get(path)).body(Body::empty()).expect("request");
        self.send(req).await
    }

    /// Posts a form the way the page would: with the CSRF token of the last
    /// page seen (fetching `/sign-in` first if there was none).
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let known = self.last_csrf.lock().expect("lock").clone();
        let token = match known {
            Some(t) => t,
            None => {
                let page = self.get("/sign-in").await;
                page.csrf().unwrap_or_default()
            }
        };
        let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &encode(&all), Some(ORIGIN)).await
    }

    /// Posts a body exactly as given (for forged or malformed requests).
    pub async fn post_raw(&self, path: &str, body: &str, origin: Option<&str>) -> TestResponse {
        let mut b = self
            .base(Request::post(path))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(o) = origin {
            b = b.header(header::ORIGIN, o);
        }
        let req = b.body(Body::from(body.to_owned())).expect("request");
        self.send(req).await
    }

    /// Posts a `multipart/form-data` body the way a browser submits a form
    /// with a file input: `fields` are text fields, `files` are
    /// (field name, file name, content). The CSRF token is not added: a
    /// multipart form carries it in its action URL, so put it in `path`.
    pub async fn post_multipart(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> TestResponse {
        const BOUNDARY: &str = "----ssp-test-boundary-7MA4YWxkTrZu0gW";
        let mut body: Vec<u8> = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        for (name, filename, content) in files {
            body.extend_from_slice(
                format!(
                    "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n\
                     Content-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(content);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        let req = self
            .base(Request::post(path))
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .header(header::ORIGIN, ORIGIN)
            .body(Body::from(body))
            .expect("request");
        self.send(req).await
    }

    /// GETs a JSON resource.
    pub async fn get_json(&self, path: &str) -> TestResponse {
        let req = self
            .base(Request::get(path))
            .header(header::ACCEPT, "application/json")
            .body(Body::empty())
            .expect("request");
        self.send(req).await
    }

    /// POSTs JSON as an API client would: same-site `Origin` and the CSRF
    /// token in the `x-csrf-token` header (`None` leaves it out).
    pub async fn post_json(&self, path: &str, json: &str, csrf: Option<&str>) -> TestResponse {
        self.send_json("POST", path, json, csrf).await
    }

    /// Sends JSON with any method (PUT, DELETE, …) as [`Self::post_json`] does.
    pub async fn send_json(&self, method: &str, path: &str, json: &str, csrf: Option<&str>) -> TestResponse {
        let mut b = self
            .base(Request::builder().method(method).uri(path))
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT, "application/json")
            .header(header::ORIGIN, ORIGIN);
        if let Some(t) = csrf {
            b = b.header("x-csrf-token", t);
        }
        let req = b.body(Body::from(json.to_owned())).expect("request");
        self.send(req).await
    }

    /// Sends a text body of any content type (a CSV file to the API) as
    /// [`Self::post_json`] does.
    pub async fn send_text(
        &self,
        method: &str,
        path: &str,
        content_type: &str,
        body: &str,
        csrf: Option<&str>,
    ) -> TestResponse {
        let mut b = self
            .base(Request::builder().method(method).uri(path))
            .header(header::CONTENT_TYPE, content_type)
            .header(header::ACCEPT, "application/json")
            .header(header::ORIGIN, ORIGIN);
        if let Some(t) = csrf {
            b = b.header("x-csrf-token", t);
        }
        let req = b.body(Body::from(body.to_owned())).expect("request");
        self.send(req).await
    }

    pub async fn sign_in(&self, login: &str, password: &str) -> TestResponse {
        let page = self.get("/sign-in").await;
        if let Some(t) = page.csrf() {
            *self.last_csrf.lock().expect("lock") = Some(t);
        }
        self.post_form("/sign-in", &[("login", login), ("password", password)])
            .await
    }

    fn base(&self, b: axum::http::request::Builder) -> axum::http::request::Builder {
        let mut b = b.header(header::HOST, "127.0.0.1:8080");
        let cookies = self.cookies.lock().expect("lock");
        if !cookies.is_empty() {
            let v: Vec<String> = cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
            b = b.header(header::COOKIE, v.join("; "));
        }
        if let Some(l) = self.accept_language.lock().expect("lock").as_deref() {
            b = b.header(header::ACCEPT_LANGUAGE, l);
        }
        b
    }

    pub async fn send(&self, mut req: Request<Body>) -> TestResponse {
        let peer = *self.address.lock().expect("lock");
        req.extensions_mut().insert(axum::extract::ConnectInfo(peer));
        let res = self.router.clone().oneshot(req).await.expect("router answers");
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        for v in headers.get_all(header::SET_COOKIE) {
            let Ok(s) = v.to_str() else { continue };
            let pair = s.split(';').next().unwrap_or("");
            if let Some((k, val)) = pair.split_once('=') {
                let removal = s.contains("Max-Age=0") || val.is_empty();
                let mut jar = self.cookies.lock().expect("lock");
                if removal {
                    jar.remove(k.trim());
                } else {
                    jar.insert(k.trim().to_owned(), val.to_owned());
                }
            }
        }
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        let body = String::from_utf8_lossy(&bytes).into_owned();
        let text = body
            .replace("&#39;", "'")
            .replace("&#x27;", "'")
            .replace("&quot;", "\"")
            .replace("&#34;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        let out = TestResponse {
            status,
            headers,
            body,
            text,
            bytes: bytes.to_vec(),
        };
        if let Some(t) = out.csrf() {
            *self.last_csrf.lock().expect("lock") = Some(t);
        }
        out
    }
}

fn encode(fields: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields.iter())
        .finish()
}
