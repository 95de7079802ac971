//! The district administrator's roster import page: upload a OneRoster
//! package (it is imported in the background by `crate::roster_jobs`),
//! follow its progress, read the summary and the row problems, and the
//! history of the district's imports. An import that would deactivate more
//! than the district's limit stops and waits here for a confirmation (its
//! package kept) or a discard; the limit is set on the same page.

use askama::Template;
use axum::extract::multipart::{Multipart, MultipartError, MultipartRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::repo::roster::{self as history, ImportRow, NewImport};
use ssp_db::repo::roster_safety;
use ssp_domain::audit::AuditAction;
use ssp_roster::import::{parse_summary, KINDS};
use ssp_roster::{DeactivationLimit, Deactivations, Issue, Progress, Refusal, Report, Severity};
use uuid::Uuid;

use crate::context::{Ctx, Session};
use crate::error::AppError;
use crate::roster_jobs::{self, Job, UploadedPackage, ZIP_MAGIC};
use crate::state::AppState;
use crate::ui::pages::{render, Page};

/// History rows shown on the page.
const HISTORY_ROWS: i64 = 50;
/// Row problems shown on the detail page (all of them are in the CSV).
const ISSUES_SHOWN: usize = 100;

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

/// The message code of an import stopped for too many deactivations.
const STOPPED: &str = "too-many-deactivations:";

/// The state as shown: a failure a restart caused reads "interrupted", an
/// import stopped for a confirmation "stopped".
fn shown_state(row: &ImportRow) -> &'static str {
    match row.state.as_str() {
        "queued" => "queued",
        "running" => "running",
        "succeeded" => "succeeded",
        "refused" if row.message.as_deref().is_some_and(|m| m.starts_with(STOPPED)) => "stopped",
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

/// The deactivation-limit form: what it shows or what was typed.
struct LimitForm {
    value: String,
    error: Option<String>,
    saved: Option<String>,
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
    limit: LimitForm,
}

fn totals(report: &Report) -> (u64, u64, u64, u64) {
    report.kinds.iter().fold((0, 0, 0, report.errors_total), |t, (_, c)| {
        (t.0 + c.created, t.1 + c.updated, t.2 + c.deactivated, t.3)
    })
}

#[derive(Deserialize)]
pub struct IndexQuery {
    limit_saved: Option<String>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Query(q): Query<IndexQuery>) -> Result<Response, AppError> {
    let session = ctx.district_admin()?;
    let mut limit = stored_limit(&state, session).await?;
    if q.limit_saved.is_some() {
        let value = limit.value.clone();
        limit.saved = Some(crate::i18n::t_args(ctx.lang, "roster-limit-saved", &[("limit", value)]));
    }
    render_index(&state, &ctx, session, None, limit, StatusCode::OK).await
}

async fn district_limit(state: &AppState, session: &Session) -> Result<DeactivationLimit, AppError> {
    Ok(roster_safety::deactivation_limit(state.db(), session.district_id.0)
        .await?
        .map_or_else(DeactivationLimit::default, DeactivationLimit::from_stored))
}

async fn stored_limit(state: &AppState, session: &Session) -> Result<LimitForm, AppError> {
    Ok(LimitForm {
        value: district_limit(state, session).await?.percent().to_string(),
        error: None,
        saved: None,
    })
}

async fn render_index(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    error: Option<String>,
    limit: LimitForm,
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
                when: page.when(r.created_at),
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
        limit,
    })?;
    Ok((status, html).into_response())
}

#[derive(Deserialize)]
pub struct LimitInput {
    #[serde(default)]
    limit: String,
}

/// `GET /admin/roster/limit`: the form lives on the roster page.
pub async fn limit_page(ctx: Ctx) -> Result<Response, AppError> {
    ctx.district_admin()?;
    Ok(Redirect::to("/admin/roster#roster-limit").into_response())
}

/// `POST /admin/roster/limit`: saves the district's deactivation limit
/// (a whole percentage, 0–100), audited.
pub async fn save_limit(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<LimitInput>,
) -> Result<Response, AppError> {
    let session = ctx.district_admin()?;
    let Ok(limit) = DeactivationLimit::parse(&input.limit) else {
        let form = LimitForm {
            value: input.limit.chars().take(20).collect(),
            error: Some(crate::i18n::t(ctx.lang, "roster-limit-error")),
            saved: None,
        };
        return render_index(&state, &ctx, session, None, form, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let now = state.now();
    let before = district_limit(&state, session).await?;
    let mut tx = state.db().begin().await?;
    roster_safety::set_deactivation_limit(&mut tx, session.district_id, limit.percent(), session.person_id, now)
        .await?;
    let mut ev = AuditEvent::new(AuditAction::SettingsChanged, now);
    ev.actor = Some(session.person_id);
    ev.district_id = Some(session.district_id);
    ev.request_id = Some(ctx.request_id.0.clone());
    ev.record_kind = Some("district_roster_settings");
    ev.detail = Some(format!(
        "deactivation_limit_percent: {} -> {}",
        before.percent(),
        limit.percent()
    ));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(Redirect::to("/admin/roster?limit_saved=1#roster-limit").into_response())
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
    let session = ctx.district_admin()?;
    let limit = state.config().roster_upload_limit;
    let (st, cx) = (&state, &ctx);
    let refuse = |r: UploadRefusal| {
        let msg = crate::i18n::t_args(cx.lang, r.key(), &[("mib", (limit >> 20).to_string())]);
        async move {
            let form = stored_limit(st, session).await?;
            render_index(st, cx, session, Some(msg), form, r.status()).await
        }
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
    /// Every row failed: "nothing changed" would hide that.
    nothing_loaded: bool,
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
    /// An import stopped over the district's limit: figures and decision.
    stopped: Option<Stopped>,
    /// A dry run whose real import would stop over the limit.
    over_limit: Option<String>,
    /// Why a decision could not be carried out (another import running).
    error: Option<String>,
    action: String,
    summary: Option<SummaryView>,
    issues: Vec<IssueView>,
    issues_total: i64,
    csv_href: String,
}

/// The refusal's translated message and the importer's detail, from a
/// message stored as `<code>: <English message>`.
fn refusal_message(page: &Page, message: &str) -> (String, Option<String>) {
    match message.split_once(": ") {
        Some((code, detail))
            if Refusal::CODES.contains(&code) || ssp_roster::rest::SyncFailure::CODES.contains(&code) =>
        {
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
        nothing_changed: !report.changed() && (report.loaded_anything() || report.errors_total == 0),
        nothing_loaded: !report.loaded_anything() && report.errors_total > 0,
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
    let session = ctx.district_admin()?;
    let row = load_import(&state, session, &id).await?;
    render_detail(&state, &ctx, &row, None, StatusCode::OK).await
}

/// The figures of an import over the district's limit, and whether its
/// package still waits for a decision.
struct Stopped {
    figures: String,
    waiting: bool,
    confirm_label: String,
}

fn figures(ctx: &Ctx, key: &str, d: &Deactivations) -> String {
    crate::i18n::t_args(
        ctx.lang,
        key,
        &[
            ("people", d.people.to_string()),
            ("active", d.active.to_string()),
            ("percent", d.percent_text()),
            ("limit", d.limit_percent.to_string()),
        ],
    )
}

async fn render_detail(
    state: &AppState,
    ctx: &Ctx,
    row: &ImportRow,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let page = Page::new(ctx, "roster-import-title");
    let shown = shown_state(row);
    let active = is_active(&row.state);
    let (message, detail) = match shown {
        "refused" | "stopped" => {
            let (m, d) = refusal_message(&page, row.message.as_deref().unwrap_or(""));
            (Some(m), d)
        }
        "interrupted" => (Some(page.t("roster-interrupted")), None),
        "failed" => (Some(page.t("roster-failed")), None),
        _ => (None, None),
    };
    let report = row.summary.as_deref().and_then(parse_summary);
    let stopped = match (shown, &report) {
        ("stopped", Some(r)) => {
            let waiting = roster_safety::awaiting_confirmation(state.db(), row.id).await?
                && roster_jobs::package_path(&state.config().data_dir, row.id).is_file();
            Some(Stopped {
                figures: figures(ctx, "roster-confirm-figures", &r.deactivations),
                waiting,
                confirm_label: page.t1("roster-confirm-button", "people", r.deactivations.people),
            })
        }
        _ => None,
    };
    let over_limit = report
        .as_ref()
        .filter(|r| row.dry_run && r.deactivations.over_limit())
        .map(|r| figures(ctx, "roster-dry-run-over-limit", &r.deactivations));
    let summary = report.as_ref().map(|r| summary_view(&page, r));
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
        when: page.when(row.created_at),
        finished: row.finished_at.map(|t| page.when(t)),
        who: row.started_by_name.clone().unwrap_or_default(),
        dry_run: row.dry_run,
        state: shown,
        state_label: page.t(&format!("roster-state-{shown}")),
        progress: active.then(|| progress_view(&page, state.imports().progress(row.id))),
        message,
        detail,
        stopped,
        over_limit,
        error,
        action: format!("/admin/roster/{}", row.id),
        summary,
        issues,
        issues_total: row.issues_total,
        csv_href: format!("/admin/roster/{}/issues.csv", row.id),
        page,
    })?;
    Ok((status, html).into_response())
}

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
}

/// `POST /admin/roster/{id}`: for an import stopped over the district's
/// limit, `decision=confirm` runs the kept package again for real with the
/// deactivations confirmed; `decision=discard` deletes the package.
pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, AppError> {
    let session = ctx.district_admin()?;
    let row = load_import(&state, session, &id).await?;
    let here = format!("/admin/roster/{}", row.id);
    if !matches!(form.decision.as_str(), "confirm" | "discard") {
        return Err(AppError::BadRequest("malformed_form"));
    }
    // Already decided (or never stopped): the page says where it stands.
    if shown_state(&row) != "stopped" || !roster_safety::awaiting_confirmation(state.db(), row.id).await? {
        return Ok(Redirect::to(&here).into_response());
    }
    let data_dir = state.config().data_dir.clone();
    let now = state.now();
    if form.decision == "discard" {
        let mut tx = state.db().begin().await?;
        roster_safety::set_awaiting_confirmation(&mut tx, row.id, false).await?;
        let mut ev = AuditEvent::new(AuditAction::RosterPackageDiscarded, now);
        ev.actor = Some(session.person_id);
        ev.district_id = Some(session.district_id);
        ev.request_id = Some(ctx.request_id.0.clone());
        ev.record_kind = Some("roster_import");
        ev.record_id = Some(row.id.to_string());
        audit::record(&mut tx, &ev).await?;
        tx.commit().await?;
        // Dropping it deletes the file.
        drop(UploadedPackage::kept_for(&data_dir, row.id));
        return Ok(Redirect::to(&here).into_response());
    }

    // A newer import changed the roster since: this package would undo it.
    if roster_safety::imported_since(state.db(), session.district_id.0, row.created_at).await? {
        let mut tx = state.db().begin().await?;
        roster_safety::set_awaiting_confirmation(&mut tx, row.id, false).await?;
        let mut ev = AuditEvent::new(AuditAction::RosterPackageDiscarded, now);
        ev.actor = Some(session.person_id);
        ev.district_id = Some(session.district_id);
        ev.request_id = Some(ctx.request_id.0.clone());
        ev.record_kind = Some("roster_import");
        ev.record_id = Some(row.id.to_string());
        ev.detail = Some("out of date: a newer import was applied".to_owned());
        audit::record(&mut tx, &ev).await?;
        tx.commit().await?;
        drop(UploadedPackage::kept_for(&data_dir, row.id));
        let msg = Some(crate::i18n::t(ctx.lang, "roster-confirm-stale"));
        return render_detail(&state, &ctx, &row, msg, StatusCode::CONFLICT).await;
    }
    let new_id = Uuid::now_v7();
    let busy = Some(crate::i18n::t(ctx.lang, UploadRefusal::Busy.key()));
    let Some(slot) = state.imports().reserve(new_id) else {
        return render_detail(&state, &ctx, &row, busy, StatusCode::CONFLICT).await;
    };
    if history::active_import(state.db()).await?.is_some() {
        return render_detail(&state, &ctx, &row, busy, StatusCode::CONFLICT).await;
    }
    let Some(package) = UploadedPackage::kept_for(&data_dir, row.id) else {
        let mut tx = state.db().begin().await?;
        roster_safety::set_awaiting_confirmation(&mut tx, row.id, false).await?;
        tx.commit().await?;
        return Ok(Redirect::to(&here).into_response());
    };
    let new = NewImport {
        id: new_id,
        district_id: Some(session.district_id.0),
        started_by: Some(session.person_id.0),
        source_name: &row.source_name,
        dry_run: false,
    };
    history::create_import(state.db(), &new, now).await?;
    let mut tx = state.db().begin().await?;
    roster_safety::set_awaiting_confirmation(&mut tx, row.id, false).await?;
    let mut ev = AuditEvent::new(AuditAction::RosterDeactivationsConfirmed, now);
    ev.actor = Some(session.person_id);
    ev.district_id = Some(session.district_id);
    ev.request_id = Some(ctx.request_id.0.clone());
    ev.record_kind = Some("roster_import");
    ev.record_id = Some(row.id.to_string());
    ev.detail = Some(format!("imported again as {new_id}"));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    let job = Job {
        id: new_id,
        district_id: session.district_id.0,
        started_by: session.person_id.0,
        dry_run: false,
        confirm_deactivations: true,
        source_name: row.source_name.clone(),
    };
    roster_jobs::spawn(state.clone(), job, slot, package);
    Ok(Redirect::to(&format!("/admin/roster/{new_id}")).into_response())
}

/// `GET /admin/roster/{id}/issues.csv`: every kept row problem, audited.
pub async fn issues_csv(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let session = ctx.district_admin()?;
    let row = load_import(&state, session, &id).await?;
    let issues: Vec<Issue> = history::import_issues(state.db(), row.id)
        .await?
        .into_iter()
        .map(|i| Issue {
            file: i.file,
            line: u64::try_from(i.line).unwrap_or(0),
            column: i.column,
            severity: Severity::parse(i.severity),
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
