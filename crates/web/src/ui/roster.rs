//! The district administrator's roster import page: upload a OneRoster
//! package (it is imported in the background by `crate::roster_jobs`),
//! follow its progress, read the summary and the row problems, and the
//! history of the district's imports.

use askama::Template;
use axum::extract::multipart::{Multipart, MultipartError, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use ssp_db::repo::audit::AuditEvent;
use ssp_db::repo::roster::{self as history, ImportRow, NewImport};
use ssp_domain::audit::AuditAction;
use ssp_roster::import::{parse_summary, KINDS};
use ssp_roster::{Issue, Progress, Refusal, Report, Severity};
use uuid::Uuid;

use super::access_log::format_when;
use super::pages::{render, Page};
use crate::app::AppState;
use crate::context::{Ctx, Session};
use crate::error::AppError;
use crate::roster_jobs::{self, Job, UploadedPackage, ZIP_MAGIC};

/// History rows shown on the page.
const HISTORY_ROWS: i64 = 50;
/// Row problems shown on the detail page (all of them are in the CSV).
const ISSUES_SHOWN: usize = 100;

fn require_admin(ctx: &Ctx) -> Result<&Session, AppError> {
    let session = ctx.session()?;
    if session.is_district_admin() {
        Ok(session)
    } else {
        Err(AppError::NotFound)
    }
}

/// The import, if it belongs to the administrator's district (else 404).
async fn load_import(state: &AppState, session: &Session, id: &str) -> Result<ImportRow, AppError> {
    let id = Uuid::parse_str(id).map_err(|_| AppError::NotFound)?;
    match history::get_import(state.db(), id).await? {
        Some(row) if row.district_id == Some(session.district_id.0) => Ok(row),
        _ => Err(AppError::NotFound),
    }
}

fn is_active(state: &str) -> bool {
    state == "queued" || state == "running"
}

/// The state as shown: a failure a restart caused reads "interrupted".
fn shown_state(row: &ImportRow) -> &'static str {
    match row.state.as_str() {
        "queued" => "queued",
        "running" => "running",
        "succeeded" => "succeeded",
        "refused" => "refused",
        _ if row.message.as_deref().is_some_and(|m| m.starts_with("interrupted:")) => "interrupted",
        _ => "failed",
    }
}

struct ProgressView {
    percent: u64,
    step: String,
}

fn progress_view(page: &Page, p: Option<Progress>) -> ProgressView {
    let p = p.unwrap_or(Progress {
        step: "queued".to_owned(),
        done: 0,
        total: 0,
    });
    let percent = (p.done.min(p.total) * 100).checked_div(p.total).unwrap_or(0);
    let step = match p.step.as_str() {
        "queued" | "opening" | "saving" => page.t(&format!("roster-step-{}", p.step)),
        file => page.t1("roster-step-file", "file", file),
    };
    ProgressView { percent, step }
}

// ------------------------------------------------------------------ the page

struct HistoryRow {
    href: String,
    when: String,
    who: String,
    file: String,
    dry_run: bool,
    state: &'static str,
    state_label: String,
    /// created, updated, deactivated, errors; empty when nothing was counted.
    totals: Option<(u64, u64, u64, u64)>,
}

struct Current {
    href: String,
    file: String,
    state_label: String,
    progress: ProgressView,
}

#[derive(Template)]
#[template(path = "roster.html")]
struct RosterPage {
    page: Page,
    action: String,
    max_mib: u64,
    error: Option<String>,
    refresh: bool,
    current: Option<Current>,
    history: Vec<HistoryRow>,
}

fn totals(report: &Report) -> (u64, u64, u64, u64) {
    report.kinds.iter().fold((0, 0, 0, report.errors_total), |t, (_, c)| {
        (t.0 + c.created, t.1 + c.updated, t.2 + c.deactivated, t.3)
    })
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let session = require_admin(&ctx)?;
    render_index(&state, &ctx, session, None, StatusCode::OK).await
}

async fn render_index(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let page = Page::new(ctx, "roster-title");
    let rows = history::list_imports(state.db(), session.district_id.0, HISTORY_ROWS).await?;
    let current = rows.iter().find(|r| is_active(&r.state)).map(|r| Current {
        href: format!("/admin/roster/{}", r.id),
        file: r.source_name.clone(),
        state_label: page.t(&format!("roster-state-{}", shown_state(r))),
        progress: progress_view(&page, state.imports().progress(r.id)),
    });
    let history = rows
        .iter()
        .map(|r| {
            let state = shown_state(r);
            HistoryRow {
                href: format!("/admin/roster/{}", r.id),
                when: format_when(r.created_at),
                who: r.started_by_name.clone().unwrap_or_default(),
                file: r.source_name.clone(),
                dry_run: r.dry_run,
                state,
                state_label: page.t(&format!("roster-state-{state}")),
                totals: r.summary.as_deref().and_then(parse_summary).map(|s| totals(&s)),
            }
        })
        .collect();
    let html = render(&RosterPage {
        action: format!("/admin/roster?csrf={}", page.csrf),
        max_mib: state.config().roster_upload_limit >> 20,
        refresh: current.is_some(),
        page,
        error,
        current,
        history,
    })?;
    Ok((status, html).into_response())
}

// ----------------------------------------------------------------- uploading

/// Why an upload was not accepted; nothing was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UploadRefusal {
    NoFile,
    Empty,
    NotZip,
    TooLarge,
    Busy,
    Broken,
}

impl UploadRefusal {
    fn key(self) -> &'static str {
        match self {
            UploadRefusal::NoFile => "roster-upload-no-file",
            UploadRefusal::Empty => "roster-upload-empty",
            UploadRefusal::NotZip => "roster-upload-not-zip",
            UploadRefusal::TooLarge => "roster-upload-too-large",
            UploadRefusal::Busy => "roster-upload-busy",
            UploadRefusal::Broken => "roster-upload-broken",
        }
    }

    fn status(self) -> StatusCode {
        match self {
            UploadRefusal::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            UploadRefusal::Busy => StatusCode::CONFLICT,
            UploadRefusal::Broken => StatusCode::BAD_REQUEST,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }
}

enum Refused {
    Upload(UploadRefusal),
    Io(std::io::Error),
}

impl From<UploadRefusal> for Refused {
    fn from(r: UploadRefusal) -> Self {
        Refused::Upload(r)
    }
}

impl From<MultipartError> for Refused {
    fn from(e: MultipartError) -> Self {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Refused::Upload(UploadRefusal::TooLarge)
        } else {
            Refused::Upload(UploadRefusal::Broken)
        }
    }
}

/// What came with the package.
struct Received {
    dry_run: bool,
    source_name: String,
}

/// Streams the form's `package` file into `package` chunk by chunk,
/// checking the zip signature on the first bytes and the size as it goes.
async fn receive(multipart: &mut Multipart, package: &mut UploadedPackage, limit: u64) -> Result<Received, Refused> {
    let mut dry_run = false;
    let mut source_name = None;
    let mut size = 0u64;
    while let Some(mut field) = multipart.next_field().await? {
        let name = field.name().map(str::to_owned);
        match name.as_deref() {
            Some("dry_run") => dry_run = true,
            Some("package") if source_name.is_none() => {
                let name = clean_file_name(field.file_name().unwrap_or(""));
                let mut head: Vec<u8> = Vec::with_capacity(ZIP_MAGIC.len());
                // A file that is not a zip is still read to its end (and
                // dropped), so the browser gets the page that says so
                // instead of a reset connection.
                let mut not_zip = false;
                while let Some(chunk) = field.chunk().await? {
                    size += chunk.len() as u64;
                    if size > limit {
                        return Err(UploadRefusal::TooLarge.into());
                    }
                    if not_zip {
                        continue;
                    }
                    if head.len() < ZIP_MAGIC.len() {
                        let take = (ZIP_MAGIC.len() - head.len()).min(chunk.len());
                        head.extend_from_slice(&chunk[..take]);
                        if head.len() == ZIP_MAGIC.len() && head != ZIP_MAGIC {
                            not_zip = true;
                            continue;
                        }
                    }
                    package.write(&chunk).await.map_err(Refused::Io)?;
                }
                if not_zip {
                    return Err(UploadRefusal::NotZip.into());
                }
                if size == 0 {
                    return Err(if name.is_empty() {
                        UploadRefusal::NoFile
                    } else {
                        UploadRefusal::Empty
                    }
                    .into());
                }
                if head.len() < ZIP_MAGIC.len() {
                    return Err(UploadRefusal::NotZip.into());
                }
                source_name = Some(if name.is_empty() {
                    "package.zip".to_owned()
                } else {
                    name
                });
            }
            // The rest (a second file, unknown fields) is skipped unread.
            _ => {}
        }
    }
    let source_name = source_name.ok_or(UploadRefusal::NoFile)?;
    package.finish().await.map_err(Refused::Io)?;
    Ok(Received { dry_run, source_name })
}

/// Reads a refused upload to its end (up to `limit`) without keeping it,
/// so the browser shows the refusal rather than a reset connection.
async fn drain(multipart: &mut Multipart, limit: u64) {
    let mut size = 0u64;
    while let Ok(Some(mut field)) = multipart.next_field().await {
        while let Ok(Some(chunk)) = field.chunk().await {
            size += chunk.len() as u64;
            if size > limit {
                return;
            }
        }
    }
}

/// The name the history shows: the last part of what the browser sent,
/// without control characters, at most 200 characters.
fn clean_file_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    last.chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect::<String>()
        .trim()
        .to_owned()
}

/// `POST /admin/roster` (multipart; the CSRF token comes in the query):
/// keeps the package on disk, queues the import and starts it.
pub async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    let session = require_admin(&ctx)?;
    let limit = state.config().roster_upload_limit;
    let refuse = |r: UploadRefusal| {
        let msg = crate::i18n::t_args(ctx.lang, r.key(), &[("mib", (limit >> 20).to_string())]);
        render_index(&state, &ctx, session, Some(msg), r.status())
    };
    let Ok(mut multipart) = multipart else {
        return refuse(UploadRefusal::NoFile).await;
    };
    let id = Uuid::now_v7();
    let Some(slot) = state.imports().reserve(id) else {
        drain(&mut multipart, limit).await;
        return refuse(UploadRefusal::Busy).await;
    };
    // An import started elsewhere (the command line, another server).
    if history::active_import(state.db()).await?.is_some() {
        drain(&mut multipart, limit).await;
        return refuse(UploadRefusal::Busy).await;
    }
    let mut package = UploadedPackage::create(&state.config().data_dir, id)
        .await
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("creating the upload file")))?;
    let received = match receive(&mut multipart, &mut package, limit).await {
        Ok(r) => r,
        Err(Refused::Upload(r)) => return refuse(r).await,
        Err(Refused::Io(e)) => {
            return Err(AppError::Internal(anyhow::Error::new(e).context("writing the upload")));
        }
    };
    let new = NewImport {
        id,
        district_id: Some(session.district_id.0),
        started_by: Some(session.person_id.0),
        source_name: &received.source_name,
        dry_run: received.dry_run,
    };
    history::create_import(state.db(), &new, state.now()).await?;
    let job = Job {
        id,
        district_id: session.district_id.0,
        started_by: session.person_id.0,
        dry_run: received.dry_run,
        confirm_deactivations: false,
        source_name: received.source_name,
    };
    roster_jobs::spawn(state.clone(), job, slot, package);
    Ok(Redirect::to(&format!("/admin/roster/{id}")).into_response())
}

// ----------------------------------------------------------- one import

struct KindRow {
    label: String,
    created: u64,
    updated: u64,
    unchanged: u64,
    deactivated: u64,
}

struct SummaryView {
    version: String,
    district: String,
    nothing_changed: bool,
    kinds: Vec<KindRow>,
    files: Vec<ssp_roster::FileSummary>,
    errors_total: u64,
    issues_total: u64,
}

struct IssueView {
    file: String,
    line: i64,
    column: String,
    severity: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "roster_import.html")]
struct ImportPage {
    page: Page,
    refresh: bool,
    file: String,
    when: String,
    finished: Option<String>,
    who: String,
    dry_run: bool,
    state: &'static str,
    state_label: String,
    progress: Option<ProgressView>,
    /// The outcome in the reader's language, for refused and failed imports.
    message: Option<String>,
    /// The importer's own words (English), naming the file and line.
    detail: Option<String>,
    summary: Option<SummaryView>,
    issues: Vec<IssueView>,
    issues_total: i64,
    csv_href: String,
}

/// The refusal's translated message and the importer's detail, from a
/// message stored as `<code>: <English message>`.
fn refusal_message(page: &Page, message: &str) -> (String, Option<String>) {
    match message.split_once(": ") {
        Some((code, detail)) if Refusal::CODES.contains(&code) => {
            (page.t(&format!("roster-refusal-{code}")), Some(detail.to_owned()))
        }
        _ => (page.t("roster-refused"), Some(message.to_owned())),
    }
}

fn summary_view(page: &Page, report: &Report) -> SummaryView {
    SummaryView {
        version: report.version.clone(),
        district: if report.district_name.is_empty() {
            report.district_source_id.clone()
        } else {
            format!("{} ({})", report.district_name, report.district_source_id)
        },
        nothing_changed: !report.changed(),
        kinds: KINDS
            .iter()
            .map(|k| {
                let c = report.counts(k);
                KindRow {
                    label: page.t(&format!("roster-kind-{}", k.replace(' ', "-"))),
                    created: c.created,
                    updated: c.updated,
                    unchanged: c.unchanged,
                    deactivated: c.deactivated,
                }
            })
            .collect(),
        files: report.files.clone(),
        errors_total: report.errors_total,
        issues_total: report.issues_total,
    }
}

pub async fn detail(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let session = require_admin(&ctx)?;
    let row = load_import(&state, session, &id).await?;
    let page = Page::new(&ctx, "roster-import-title");
    let shown = shown_state(&row);
    let active = is_active(&row.state);
    let (message, detail) = match shown {
        "refused" => {
            let (m, d) = refusal_message(&page, row.message.as_deref().unwrap_or(""));
            (Some(m), d)
        }
        "interrupted" => (Some(page.t("roster-interrupted")), None),
        "failed" => (Some(page.t("roster-failed")), None),
        _ => (None, None),
    };
    let summary = row
        .summary
        .as_deref()
        .and_then(parse_summary)
        .map(|r| summary_view(&page, &r));
    let issues = if row.issues_total > 0 {
        history::import_issues(state.db(), row.id).await?
    } else {
        Vec::new()
    };
    let issues = issues
        .into_iter()
        .take(ISSUES_SHOWN)
        .map(|i| IssueView {
            file: i.file,
            line: i.line,
            column: i.column.unwrap_or_default(),
            severity: page.t(&format!("roster-severity-{}", i.severity)),
            reason: i.reason,
        })
        .collect();
    let html = render(&ImportPage {
        refresh: active,
        file: row.source_name.clone(),
        when: format_when(row.created_at),
        finished: row.finished_at.map(format_when),
        who: row.started_by_name.clone().unwrap_or_default(),
        dry_run: row.dry_run,
        state: shown,
        state_label: page.t(&format!("roster-state-{shown}")),
        progress: active.then(|| progress_view(&page, state.imports().progress(row.id))),
        message,
        detail,
        summary,
        issues,
        issues_total: row.issues_total,
        csv_href: format!("/admin/roster/{}/issues.csv", row.id),
        page,
    })?;
    Ok(html)
}

/// `GET /admin/roster/{id}/issues.csv`: every kept row problem, audited.
pub async fn issues_csv(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let session = require_admin(&ctx)?;
    let row = load_import(&state, session, &id).await?;
    let issues: Vec<Issue> = history::import_issues(state.db(), row.id)
        .await?
        .into_iter()
        .map(|i| Issue {
            file: i.file,
            line: u64::try_from(i.line).unwrap_or(0),
            column: i.column,
            severity: if i.severity == "skipped" {
                Severity::Skipped
            } else {
                Severity::Error
            },
            reason: i.reason,
        })
        .collect();
    let mut body = Vec::new();
    ssp_roster::report::write_issues_csv(&mut body, &issues)
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("writing the issues CSV")))?;
    let mut ev = AuditEvent::new(AuditAction::RosterIssuesExported, state.now());
    ev.actor = Some(session.person_id);
    ev.district_id = Some(session.district_id);
    ev.request_id = Some(ctx.request_id.0.clone());
    ev.record_kind = Some("roster_import");
    ev.record_id = Some(row.id.to_string());
    ev.detail = Some(format!("rows={}", issues.len()));
    state.audit().write(ev).await.map_err(AppError::Internal)?;
    let filename = format!("ssp-roster-issues-{}.csv", row.created_at.date());
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::clean_file_name;

    #[test]
    fn file_names_keep_only_their_last_part() {
        assert_eq!(clean_file_name("C:\\Users\\x\\district.zip"), "district.zip");
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("ro\u{7}ster.zip"), "roster.zip");
        assert_eq!(clean_file_name(""), "");
    }
}
