//! A small OneRoster 1.2 rostering server on 127.0.0.1 for tests and the
//! sync benchmark: it serves a OneRoster CSV package (a folder, 1.2) in the
//! spec's JSON shapes — `{"users": […]}` with `sourcedId`, `status`,
//! `dateLastModified` and nested `GUIDRef`s — with `limit`/`offset` paging
//! (`X-Total-Count`, `Link: rel="next"`), the `dateLastModified>'…'`
//! filter, and OAuth 2.0 client credentials with expiring tokens. Switches
//! make it misbehave the ways real endpoints do: a token that lapses
//! mid-pull, a page that fails once or always, garbage, a page that never
//! answers in time, a user sent twice.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Map, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// The client the server accepts.
pub const CLIENT_ID: &str = "ssp-test-client";
pub const CLIENT_SECRET: &str = "a-test-secret-never-shown";

/// `dateLastModified` of a fixture row that has none.
pub const DEFAULT_MODIFIED: &str = "2026-09-01T00:00:00Z";

const ROOT: &str = "/ims/oneroster/rostering/v1p2";

/// How the server misbehaves. `(collection, offset)` names one page.
#[derive(Debug, Clone, Default)]
pub struct Switches {
    /// Seconds a token is valid for (default one hour).
    pub token_seconds: Option<u64>,
    /// A token answers 401 after this many pages (a token that lapses mid-pull).
    pub token_pages: Option<u32>,
    /// This page answers 500 the first time only.
    pub fail_once: Option<(String, u64)>,
    /// This page always answers 500.
    pub fail_always: Option<(String, u64)>,
    /// This page answers 200 with something that is not JSON.
    pub garbage: Option<(String, u64)>,
    /// This page waits this long before answering.
    pub slow: Option<(String, u64, Duration)>,
    /// The first user comes again at the end of the list.
    pub duplicate_user: bool,
    /// Demographics answer 403 (not shared with this client).
    pub demographics_forbidden: bool,
    /// No `Link` header (the client must page by `X-Total-Count`).
    pub no_links: bool,
    /// The most records a page holds, whatever `limit` asks.
    pub max_limit: Option<u64>,
}

struct Rec {
    sid: String,
    modified: OffsetDateTime,
    json: String,
}

#[derive(Default)]
struct Inner {
    data: HashMap<&'static str, Vec<Rec>>,
    switches: Switches,
    /// token → (issued at, pages served).
    tokens: HashMap<String, (OffsetDateTime, u32)>,
    tokens_issued: u32,
    failed_once: bool,
    requests: Vec<String>,
}

#[derive(Clone)]
struct Shared(Arc<Mutex<Inner>>);

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A running server; it stops when dropped.
pub struct OneRosterServer {
    addr: SocketAddr,
    shared: Shared,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for OneRosterServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

pub const COLLECTIONS: [&str; 7] = [
    "orgs",
    "academicSessions",
    "courses",
    "classes",
    "users",
    "enrollments",
    "demographics",
];

impl OneRosterServer {
    /// Serves the CSV package in folder `package` on a free local port.
    pub async fn start(package: &Path) -> OneRosterServer {
        Self::start_on("127.0.0.1:0".parse().expect("address"), package)
            .await
            .expect("the OneRoster test server starts")
    }

    pub async fn start_on(addr: SocketAddr, package: &Path) -> std::io::Result<OneRosterServer> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let data = load_package(package, &format!("http://{addr}{ROOT}"))?;
        let shared = Shared(Arc::new(Mutex::new(Inner {
            data,
            ..Inner::default()
        })));
        let app = Router::new()
            .route("/oauth/token", post(token))
            .route(&format!("{ROOT}/{{collection}}"), get(collection))
            .with_state(shared.clone());
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(OneRosterServer { addr, shared, task })
    }

    /// The rostering service root.
    pub fn base_url(&self) -> String {
        format!("http://{}{ROOT}", self.addr)
    }

    pub fn token_url(&self) -> String {
        format!("http://{}/oauth/token", self.addr)
    }

    /// Changes how the server behaves from the next request on.
    pub fn set(&self, f: impl FnOnce(&mut Switches)) {
        let mut inner = self.shared.lock();
        f(&mut inner.switches);
        inner.failed_once = false;
    }

    /// The collection pages asked for, as `collection?query`, in order.
    pub fn requests(&self) -> Vec<String> {
        self.shared.lock().requests.clone()
    }

    pub fn forget_requests(&self) {
        self.shared.lock().requests.clear();
    }

    pub fn tokens_issued(&self) -> u32 {
        self.shared.lock().tokens_issued
    }

    /// Changes (or adds) one record of a collection: `edit` gets its JSON
    /// object; the record's `dateLastModified` becomes `modified`.
    pub fn edit(&self, collection: &str, sid: &str, modified: &str, edit: impl FnOnce(&mut Map<String, Value>)) {
        let at = OffsetDateTime::parse(modified, &Rfc3339).expect("an RFC 3339 time");
        let mut inner = self.shared.lock();
        let list = inner
            .data
            .iter_mut()
            .find(|(k, _)| **k == collection)
            .map(|(_, v)| v)
            .expect("a known collection");
        let pos = list.iter().position(|r| r.sid == sid);
        let mut obj: Map<String, Value> = match pos {
            Some(i) => serde_json::from_str(&list[i].json).expect("stored JSON"),
            None => {
                let mut m = Map::new();
                m.insert("sourcedId".into(), json!(sid));
                m.insert("status".into(), json!("active"));
                m
            }
        };
        edit(&mut obj);
        obj.insert("dateLastModified".into(), json!(modified));
        let rec = Rec {
            sid: sid.to_owned(),
            modified: at,
            json: Value::Object(obj).to_string(),
        };
        match pos {
            Some(i) => list[i] = rec,
            None => list.push(rec),
        }
    }

    /// Records in a collection.
    pub fn len(&self, collection: &str) -> usize {
        self.shared.lock().data.get(collection).map_or(0, Vec::len)
    }
}

#[derive(serde::Deserialize)]
struct TokenForm {
    #[serde(default)]
    grant_type: String,
    #[serde(default)]
    client_id: Option<String>,
    #[serde(default)]
    client_secret: Option<String>,
}

fn basic_auth(headers: &HeaderMap) -> Option<(String, String)> {
    use base64::Engine;
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let encoded = value.strip_prefix("Basic ")?;
    let decoded = base64::engine::general_purpose::STANDARD.decode(encoded).ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

async fn token(State(s): State<Shared>, headers: HeaderMap, axum::Form(form): axum::Form<TokenForm>) -> Response {
    let (id, secret) = basic_auth(&headers)
        .or_else(|| Some((form.client_id.clone()?, form.client_secret.clone()?)))
        .unwrap_or_default();
    if form.grant_type != "client_credentials" || id != CLIENT_ID || secret != CLIENT_SECRET {
        return (StatusCode::UNAUTHORIZED, axum::Json(json!({"error": "invalid_client"}))).into_response();
    }
    let mut inner = s.lock();
    inner.tokens_issued += 1;
    let value = format!("token-{}-{}", inner.tokens_issued, uuid::Uuid::new_v4().simple());
    inner.tokens.insert(value.clone(), (OffsetDateTime::now_utc(), 0));
    let expires_in = inner.switches.token_seconds.unwrap_or(3600);
    axum::Json(json!({"access_token": value, "token_type": "bearer", "expires_in": expires_in})).into_response()
}

#[derive(serde::Deserialize)]
struct PageQuery {
    limit: Option<u64>,
    offset: Option<u64>,
    filter: Option<String>,
}

/// `dateLastModified>'2026-…'` → the moment; any other filter is refused.
fn parse_filter(f: &str) -> Result<OffsetDateTime, ()> {
    let rest = f.trim().strip_prefix("dateLastModified>").ok_or(())?;
    let value = rest
        .trim()
        .strip_prefix('\'')
        .and_then(|v| v.strip_suffix('\''))
        .ok_or(())?;
    OffsetDateTime::parse(value, &Rfc3339).map_err(|_| ())
}

fn error(status: StatusCode, description: &str) -> Response {
    let body = json!({"imsx_codeMajor": "failure", "imsx_severity": "error", "imsx_description": description});
    (status, axum::Json(body)).into_response()
}

async fn collection(
    State(s): State<Shared>,
    UrlPath(name): UrlPath<String>,
    headers: HeaderMap,
    Query(q): Query<PageQuery>,
    uri: axum::http::Uri,
) -> Response {
    let offset = q.offset.unwrap_or(0);
    let slow = {
        let mut inner = s.lock();
        inner
            .requests
            .push(format!("{name}?{}", uri.query().unwrap_or_default()));
        let here = |p: &Option<(String, u64)>| p.as_ref().is_some_and(|(c, o)| *c == name && *o == offset);
        let bearer = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::to_owned)
            .unwrap_or_default();
        let seconds = inner.switches.token_seconds.unwrap_or(3600);
        let pages = inner.switches.token_pages;
        match inner.tokens.get_mut(&bearer) {
            Some((issued, served))
                if (OffsetDateTime::now_utc() - *issued).whole_seconds() < seconds as i64
                    && pages.is_none_or(|p| *served < p) =>
            {
                *served += 1;
            }
            _ => {
                return error(
                    StatusCode::UNAUTHORIZED,
                    "the access token is missing, unknown or expired",
                )
            }
        }
        if !inner.data.contains_key(name.as_str()) {
            return error(StatusCode::NOT_FOUND, "unknown collection");
        }
        if name == "demographics" && inner.switches.demographics_forbidden {
            return error(StatusCode::FORBIDDEN, "demographics are not shared with this client");
        }
        if here(&inner.switches.fail_always) {
            return error(StatusCode::INTERNAL_SERVER_ERROR, "this page always fails");
        }
        if here(&inner.switches.fail_once) && !inner.failed_once {
            inner.failed_once = true;
            return error(StatusCode::BAD_GATEWAY, "this page fails once");
        }
        if here(&inner.switches.garbage) {
            return (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/json")],
                "<html><body>Service Unavailable</body></html>",
            )
                .into_response();
        }
        inner
            .switches
            .slow
            .as_ref()
            .filter(|(c, o, _)| *c == name && *o == offset)
            .map(|(_, _, d)| *d)
    };
    if let Some(d) = slow {
        tokio::time::sleep(d).await;
    }
    let since = match q.filter.as_deref().map(parse_filter) {
        None => None,
        Some(Ok(t)) => Some(t),
        Some(Err(())) => return error(StatusCode::BAD_REQUEST, "unsupported filter"),
    };
    let inner = s.lock();
    let list = &inner.data[name.as_str()];
    let max = inner.switches.max_limit.unwrap_or(10_000);
    let limit = q.limit.unwrap_or(100).clamp(1, max);
    let mut chosen: Vec<&Rec> = list.iter().filter(|r| since.is_none_or(|t| r.modified > t)).collect();
    if name == "users" && inner.switches.duplicate_user {
        if let Some(first) = chosen.first().copied() {
            chosen.push(first);
        }
    }
    let total = chosen.len() as u64;
    let start = offset.min(total) as usize;
    let end = (offset.saturating_add(limit)).min(total) as usize;
    let mut body = String::with_capacity(64 + chosen[start..end].iter().map(|r| r.json.len() + 1).sum::<usize>());
    body.push_str("{\"");
    body.push_str(&name);
    body.push_str("\":[");
    for (i, r) in chosen[start..end].iter().enumerate() {
        if i > 0 {
            body.push(',');
        }
        body.push_str(&r.json);
    }
    body.push_str("]}");
    let mut response = (StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], body).into_response();
    let h = response.headers_mut();
    h.insert("x-total-count", total.into());
    if (end as u64) < total && !inner.switches.no_links {
        let mut next = format!("<{ROOT}/{name}?limit={limit}&offset={end}");
        if let Some(f) = &q.filter {
            next.push_str("&filter=");
            next.push_str(&url::form_urlencoded::byte_serialize(f.as_bytes()).collect::<String>());
        }
        next.push_str(">; rel=\"next\"");
        if let Ok(v) = next.parse() {
            h.insert(header::LINK, v);
        }
    }
    response
}

// ------------------------------------------------------- the fixture package

/// Reads a OneRoster 1.2 CSV folder into each collection's JSON records.
fn load_package(dir: &Path, root: &str) -> std::io::Result<HashMap<&'static str, Vec<Rec>>> {
    let mut data: HashMap<&'static str, Vec<Rec>> = COLLECTIONS.iter().map(|c| (*c, Vec::new())).collect();
    let guid = |collection: &str, kind: &str, sid: &str| -> Value {
        if sid.is_empty() {
            Value::Null
        } else {
            json!({"href": format!("{root}/{collection}/{sid}"), "sourcedId": sid, "type": kind})
        }
    };
    let list = |s: &str| -> Value {
        Value::Array(
            s.split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(|p| json!(p))
                .collect(),
        )
    };
    let guids = |collection: &str, kind: &str, s: &str| -> Value {
        Value::Array(
            s.split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(|p| guid(collection, kind, p))
                .collect(),
        )
    };

    // roles.csv, grouped by user, nest into the users.
    let mut roles: HashMap<String, Vec<Value>> = HashMap::new();
    read_csv(&dir.join("roles.csv"), |r| {
        roles.entry(r.get("userSourcedId").to_owned()).or_default().push(json!({
            "roleType": r.get("roleType"),
            "role": r.get("role"),
            "org": guid("orgs", "org", r.get("orgSourcedId")),
            "beginDate": none_if_empty(r.get("beginDate")),
            "endDate": none_if_empty(r.get("endDate")),
        }));
    })?;

    let mut put = |collection: &'static str, r: &CsvRow, fields: Vec<(&str, Value)>| {
        let mut obj = Map::new();
        obj.insert("sourcedId".into(), json!(r.get("sourcedId")));
        let status = r.get("status");
        obj.insert(
            "status".into(),
            json!(if status.is_empty() { "active" } else { status }),
        );
        let modified = match r.get("dateLastModified") {
            "" => DEFAULT_MODIFIED,
            m => m,
        };
        obj.insert("dateLastModified".into(), json!(modified));
        for (k, v) in fields {
            if !v.is_null() {
                obj.insert(k.to_owned(), v);
            }
        }
        let at = OffsetDateTime::parse(modified, &Rfc3339)
            .or_else(|_| OffsetDateTime::parse(DEFAULT_MODIFIED, &Rfc3339))
            .expect("default time");
        data.get_mut(collection).expect("collection").push(Rec {
            sid: r.get("sourcedId").to_owned(),
            modified: at,
            json: Value::Object(obj).to_string(),
        });
    };

    read_csv(&dir.join("orgs.csv"), |r| {
        put(
            "orgs",
            r,
            vec![
                ("name", json!(r.get("name"))),
                ("type", json!(r.get("type"))),
                ("identifier", none_if_empty(r.get("identifier"))),
                ("parent", guid("orgs", "org", r.get("parentSourcedId"))),
            ],
        )
    })?;
    read_csv(&dir.join("academicSessions.csv"), |r| {
        put(
            "academicSessions",
            r,
            vec![
                ("title", json!(r.get("title"))),
                ("type", json!(r.get("type"))),
                ("startDate", json!(r.get("startDate"))),
                ("endDate", json!(r.get("endDate"))),
                (
                    "parent",
                    guid("academicSessions", "academicSession", r.get("parentSourcedId")),
                ),
                ("schoolYear", json!(r.get("schoolYear"))),
            ],
        )
    })?;
    read_csv(&dir.join("courses.csv"), |r| {
        put(
            "courses",
            r,
            vec![
                ("title", json!(r.get("title"))),
                (
                    "schoolYear",
                    guid("academicSessions", "academicSession", r.get("schoolYearSourcedId")),
                ),
                ("courseCode", none_if_empty(r.get("courseCode"))),
                ("grades", list(r.get("grades"))),
                ("subjects", list(r.get("subjects"))),
                ("org", guid("orgs", "org", r.get("orgSourcedId"))),
                ("subjectCodes", list(r.get("subjectCodes"))),
            ],
        )
    })?;
    read_csv(&dir.join("classes.csv"), |r| {
        put(
            "classes",
            r,
            vec![
                ("title", json!(r.get("title"))),
                ("classCode", none_if_empty(r.get("classCode"))),
                ("classType", json!(r.get("classType"))),
                ("location", none_if_empty(r.get("location"))),
                ("grades", list(r.get("grades"))),
                ("subjects", list(r.get("subjects"))),
                ("course", guid("courses", "course", r.get("courseSourcedId"))),
                ("school", guid("orgs", "org", r.get("schoolSourcedId"))),
                (
                    "terms",
                    guids("academicSessions", "academicSession", r.get("termSourcedIds")),
                ),
                ("subjectCodes", list(r.get("subjectCodes"))),
                ("periods", list(r.get("periods"))),
            ],
        )
    })?;
    read_csv(&dir.join("users.csv"), |r| {
        let user_ids: Vec<Value> = r
            .get("userIds")
            .split(',')
            .filter_map(|p| {
                let p = p.trim().strip_prefix('{')?.strip_suffix('}')?;
                let (t, i) = p.split_once(':')?;
                Some(json!({"type": t, "identifier": i}))
            })
            .collect();
        let sid = r.get("sourcedId").to_owned();
        put(
            "users",
            r,
            vec![
                ("userMasterIdentifier", none_if_empty(r.get("userMasterIdentifier"))),
                ("username", json!(r.get("username"))),
                ("userIds", Value::Array(user_ids)),
                // A JSON boolean, as the 1.2 binding has it (CSV: "true").
                (
                    "enabledUser",
                    json!(!r.get("enabledUser").eq_ignore_ascii_case("false")),
                ),
                ("givenName", json!(r.get("givenName"))),
                ("familyName", json!(r.get("familyName"))),
                ("middleName", none_if_empty(r.get("middleName"))),
                ("preferredFirstName", none_if_empty(r.get("preferredGivenName"))),
                ("preferredMiddleName", none_if_empty(r.get("preferredMiddleName"))),
                ("preferredLastName", none_if_empty(r.get("preferredFamilyName"))),
                ("pronouns", none_if_empty(r.get("pronouns"))),
                ("roles", Value::Array(roles.remove(&sid).unwrap_or_default())),
                ("primaryOrg", guid("orgs", "org", r.get("primaryOrgSourcedId"))),
                ("identifier", none_if_empty(r.get("identifier"))),
                ("email", none_if_empty(r.get("email"))),
                ("sms", none_if_empty(r.get("sms"))),
                ("phone", none_if_empty(r.get("phone"))),
                ("agents", guids("users", "user", r.get("agentSourcedIds"))),
                ("grades", list(r.get("grades"))),
            ],
        )
    })?;
    read_csv(&dir.join("enrollments.csv"), |r| {
        put(
            "enrollments",
            r,
            vec![
                ("user", guid("users", "user", r.get("userSourcedId"))),
                ("class", guid("classes", "class", r.get("classSourcedId"))),
                ("school", guid("orgs", "org", r.get("schoolSourcedId"))),
                ("role", json!(r.get("role"))),
                ("primary", json!(r.get("primary").eq_ignore_ascii_case("true"))),
                ("beginDate", none_if_empty(r.get("beginDate"))),
                ("endDate", none_if_empty(r.get("endDate"))),
            ],
        )
    })?;
    read_csv(&dir.join("demographics.csv"), |r| {
        let mut fields = Vec::new();
        for k in [
            "birthDate",
            "sex",
            "americanIndianOrAlaskaNative",
            "asian",
            "blackOrAfricanAmerican",
            "nativeHawaiianOrOtherPacificIslander",
            "white",
            "demographicRaceTwoOrMoreRaces",
            "hispanicOrLatinoEthnicity",
            "countryOfBirthCode",
            "stateOfBirthAbbreviation",
            "cityOfBirth",
            "publicSchoolResidenceStatus",
        ] {
            fields.push((k, none_if_empty(r.get(k))));
        }
        put("demographics", r, fields)
    })?;
    Ok(data)
}

fn none_if_empty(s: &str) -> Value {
    if s.is_empty() {
        Value::Null
    } else {
        json!(s)
    }
}

struct CsvRow<'a> {
    header: &'a HashMap<String, usize>,
    record: &'a csv::StringRecord,
}

impl CsvRow<'_> {
    fn get(&self, column: &str) -> &str {
        self.header.get(column).and_then(|i| self.record.get(*i)).unwrap_or("")
    }
}

/// Calls `each` for every row of `path` (a missing file has no rows).
fn read_csv(path: &Path, mut each: impl FnMut(&CsvRow<'_>)) -> std::io::Result<()> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(std::io::BufReader::with_capacity(1 << 16, file));
    let header: HashMap<String, usize> = reader
        .headers()
        .map_err(std::io::Error::other)?
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim_start_matches('\u{feff}').to_owned(), i))
        .collect();
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(std::io::Error::other)? {
        each(&CsvRow {
            header: &header,
            record: &record,
        });
    }
    Ok(())
}
