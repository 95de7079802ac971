//! A student's portfolio of work: artifacts (a file, a link or a text with
//! its description, reflection, domain, school year and competencies),
//! best work per year (at most the district's maximum a year, 5 by default), private
//! items (the student and staff only, never in a showcase), showcases
//! shared through a revocable, expiring link, and the whole portfolio as a
//! zip with an HTML index.
//!
//! Only the student adds, changes and removes their work; whoever may read
//! the plan reads it (audited for anyone but the student), guardians
//! without the private items. A file is staged on disk by the caller, then
//! checked here — type from the content, never the name (a name claiming
//! another type is refused), active content in SVG or HTML, zip bombs, the
//! size limit and the student's quota — before it is stored; images get a
//! thumbnail.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use rand::RngCore;
use ssp_db::repo::plan as plan_repo;
use ssp_db::repo::portfolio::artifacts::{self as repo, ArtifactRow, ShowcaseRow};
use ssp_domain::access::{Action, Reason, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::input::{FieldError, Rejected};
use ssp_domain::portfolio::artifact::{ArtifactContent, ArtifactRaw};
use ssp_domain::portfolio::best_work::may_mark_best_work;
use ssp_domain::portfolio::content::{self, ContentRefusal, Disposition, FileType};
use ssp_domain::portfolio::showcase::{is_viewable, visible_items, ShowcaseLink, ShowcaseRaw};
use ssp_domain::portfolio::verification::{TokenHash, TOKEN_BYTES};
use ssp_domain::{ArtifactId, StudentId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::App;

/// The thumbnail's longest side, in pixels.
const THUMB_PX: u32 = 320;

/// A file the caller has written to disk (the upload, streamed), with the
/// name it came with.
#[derive(Debug, Clone)]
pub struct StagedFile {
    pub path: PathBuf,
    pub name: String,
    pub bytes: u64,
}

/// One artifact as the pages show it.
#[derive(Debug, Clone)]
pub struct Artifact {
    pub row: ArtifactRow,
    pub file_type: Option<FileType>,
    pub competencies: Vec<String>,
}

impl Artifact {
    fn of(row: ArtifactRow) -> Self {
        let file_type = row.file_type.as_deref().and_then(|t| FileType::parse(t).ok());
        let competencies = row
            .competencies
            .split(',')
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect();
        Artifact {
            row,
            file_type,
            competencies,
        }
    }
}

fn student_only(access: &StudentAccess) -> Result<(), Error> {
    if access.is_self() {
        Ok(())
    } else {
        Err(Error::Forbidden("portfolio_by_student_only"))
    }
}

/// The student's portfolio, newest first; a guardian does not see the
/// private items.
pub async fn list(app: &App, access: &StudentAccess) -> Result<Vec<Artifact>, Error> {
    let reason = access.require(app, RecordKind::Plan, Action::View).await?;
    let rows = repo::for_student(app.db(), access.student()).await?;
    Ok(rows
        .into_iter()
        .filter(|r| !r.private || reason != Reason::Guardian)
        .map(Artifact::of)
        .collect())
}

/// Bytes the student's files take, and the quota.
pub async fn usage(app: &App, student: StudentId) -> Result<(u64, u64), Error> {
    let used = repo::bytes_used(app.db(), student).await?.max(0) as u64;
    Ok((used, app.files()?.quota))
}

fn refused(field: &'static str, r: ContentRefusal) -> Error {
    Error::Rejected(Rejected::new(
        "invalid_artifact",
        vec![FieldError::new(field, r.code())],
    ))
}

/// Checks a staged file: size, quota, type from the content, the name.
async fn check_file(app: &App, student: StudentId, f: &StagedFile) -> Result<FileType, Error> {
    let files = app.files()?;
    content::check_size(f.bytes, files.limits.max_file_bytes).map_err(|r| refused("file", r))?;
    let (used, quota) = usage(app, student).await?;
    content::check_quota(used, f.bytes, quota).map_err(|r| refused("file", r))?;
    let path = f.path.clone();
    let limits = files.limits;
    let detected = tokio::task::spawn_blocking(move || {
        let file = std::fs::File::open(&path)?;
        content::detect(std::io::BufReader::new(file), &limits)
    })
    .await
    .map_err(|e| Error::Internal(e.into()))?
    .map_err(|e| Error::Internal(e.into()))?;
    let t = detected.map_err(|r| refused("file", r))?;
    content::check_name(&f.name, t).map_err(|r| refused("file", r))?;
    Ok(t)
}

/// A JPEG thumbnail of an image file (None when it cannot be decoded
/// within the memory limit).
async fn thumbnail(path: &Path) -> Option<Vec<u8>> {
    let path = path.to_owned();
    tokio::task::spawn_blocking(move || {
        let mut reader = image::ImageReader::open(&path).ok()?.with_guessed_format().ok()?;
        let mut limits = image::Limits::default();
        limits.max_alloc = Some(256 << 20);
        reader.limits(limits);
        let img = reader.decode().ok()?;
        let thumb = img.thumbnail(THUMB_PX, THUMB_PX).to_rgb8();
        let mut out = std::io::Cursor::new(Vec::new());
        thumb.write_to(&mut out, image::ImageFormat::Jpeg).ok()?;
        Some(out.into_inner())
    })
    .await
    .ok()
    .flatten()
}

fn file_key(student: StudentId, id: Uuid) -> String {
    format!("artifacts/{}/{id}", student.0)
}

fn thumb_key(student: StudentId, id: Uuid) -> String {
    format!("artifacts/{}/{id}.thumb.jpg", student.0)
}

/// The student adds a piece of work. A file kind needs `file`; `goal` (an
/// id of one of the student's goals) makes it evidence for that goal.
pub async fn add(
    app: &App,
    access: &StudentAccess,
    raw: &ArtifactRaw<'_>,
    file: Option<&StagedFile>,
    goal: Option<&str>,
) -> Result<Uuid, Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    student_only(access)?;
    let offered = super::settings::of_district(app, access.facts.district_id)
        .await?
        .offered();
    let new = raw.parse(&offered)?;
    let goal_id = match goal.map(str::trim).filter(|g| !g.is_empty()) {
        Some(g) => {
            let id: Uuid = g.parse().map_err(|_| Error::InvalidReference)?;
            plan_repo::goal(app.db(), access.student(), id)
                .await?
                .ok_or(Error::InvalidReference)?;
            Some(id)
        }
        None => None,
    };
    let id = Uuid::now_v7();
    let now = app.now();
    let mut row = ArtifactRow {
        id,
        student_id: access.student().0,
        kind: new.content.kind().key().to_owned(),
        title: new.title.clone(),
        description: new.description.clone(),
        reflection: new.reflection.clone(),
        domain: new.domain.as_str().to_owned(),
        school_year: new.school_year.0,
        competencies: new
            .competencies
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(","),
        url: None,
        body: None,
        file_key: None,
        file_name: None,
        file_type: None,
        file_bytes: None,
        has_thumbnail: false,
        private: false,
        best_work: false,
        goal_id,
        created_at: now,
    };
    let mut stored: Vec<String> = Vec::new();
    match &new.content {
        ArtifactContent::Link(url) => row.url = Some(url.to_string()),
        ArtifactContent::Text(body) => row.body = Some(body.clone()),
        ArtifactContent::File => {
            let f = file.ok_or_else(|| {
                Error::Rejected(Rejected::new(
                    "invalid_artifact",
                    vec![FieldError::new("file", "required")],
                ))
            })?;
            let t = check_file(app, access.student(), f).await?;
            let files = app.files()?;
            let key = file_key(access.student(), id);
            files.put_file(&key, &f.path).await?;
            stored.push(key.clone());
            if t.is_thumbnailed() {
                if let Some(jpeg) = thumbnail(&f.path).await {
                    let tk = thumb_key(access.student(), id);
                    files.put_bytes(&tk, jpeg).await?;
                    stored.push(tk);
                    row.has_thumbnail = true;
                }
            }
            row.file_key = Some(key);
            row.file_name = Some(safe_name(&f.name, t));
            row.file_type = Some(t.key().to_owned());
            row.file_bytes = Some(f.bytes as i64);
        }
    }
    let result = async {
        let mut w = PlanWrite::begin(app, access).await?;
        repo::insert(w.tx(), access.facts.district_id, &row).await?;
        let mut ev = w.event(AuditAction::ArtifactAdded, RecordKind::Plan);
        ev.record_id = Some(id.to_string());
        ev.detail = Some(row.kind.clone());
        w.commit_with(ev).await
    }
    .await;
    if let Err(e) = result {
        // Nothing half-saved: the stored file goes if the row did not land.
        for key in &stored {
            let _ = app.files()?.delete(key).await;
        }
        return Err(e);
    }
    Ok(id)
}

/// The name a download gets: the uploaded name's stem (letters, digits,
/// `-`, `_`, spaces; at most 80) with the detected type's extension.
fn safe_name(uploaded: &str, t: FileType) -> String {
    let base = uploaded.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    let clean: String = stem
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
        .take(80)
        .collect();
    let clean = clean.trim();
    format!("{}.{}", if clean.is_empty() { "file" } else { clean }, t.extension())
}

/// The student marks or unmarks best work and private. Best work is at
/// most the district's number a school year (`best_work_limit`); a
/// private item is taken out of the student's showcases' views.
pub async fn set_flags(
    app: &App,
    access: &StudentAccess,
    id: Uuid,
    best_work: bool,
    private: bool,
) -> Result<(), Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    student_only(access)?;
    let a = repo::get(app.db(), access.student(), id)
        .await?
        .ok_or(Error::NotFound)?;
    let max = super::settings::of_district(app, access.facts.district_id)
        .await?
        .max_best_work;
    let mut w = PlanWrite::begin(app, access).await?;
    if best_work && !a.best_work {
        let already: Vec<ArtifactId> = repo::best_work_of_year(w.tx(), access.student(), a.school_year)
            .await?
            .into_iter()
            .map(ArtifactId)
            .collect();
        may_mark_best_work(&already, ArtifactId(id), max).map_err(|r| Error::Conflict(r.code()))?;
    }
    let now = w.now();
    repo::set_flags(w.tx(), access.student(), id, best_work, private, now).await?;
    let mut ev = w.event(AuditAction::ArtifactChanged, RecordKind::Plan);
    ev.record_id = Some(id.to_string());
    ev.detail = Some(format!("best_work={best_work} private={private}"));
    w.commit_with(ev).await
}

/// The student removes a piece of work (and its file).
pub async fn remove(app: &App, access: &StudentAccess, id: Uuid) -> Result<(), Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    student_only(access)?;
    let a = repo::get(app.db(), access.student(), id)
        .await?
        .ok_or(Error::NotFound)?;
    let mut w = PlanWrite::begin(app, access).await?;
    ssp_db::repo::portfolio::settings::detach_artifact(w.tx(), id).await?;
    repo::delete(w.tx(), access.student(), id).await?;
    let mut ev = w.event(AuditAction::ArtifactRemoved, RecordKind::Plan);
    ev.record_id = Some(id.to_string());
    w.commit_with(ev).await?;
    if a.file_key.is_some() {
        let files = app.files()?;
        files.delete(&file_key(access.student(), id)).await?;
        files.delete(&thumb_key(access.student(), id)).await?;
    }
    Ok(())
}

/// A stored file ready to send: its type, download name, size and bytes.
pub struct Download {
    pub file_type: FileType,
    pub name: String,
    pub size: u64,
    pub disposition: Disposition,
    pub stream: futures::stream::BoxStream<'static, Result<bytes::Bytes, std::io::Error>>,
}

impl std::fmt::Debug for Download {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Download").field("name", &self.name).finish()
    }
}

async fn download_of(app: &App, a: &ArtifactRow, thumb: bool) -> Result<Download, Error> {
    let t = a
        .file_type
        .as_deref()
        .and_then(|t| FileType::parse(t).ok())
        .ok_or(Error::NotFound)?;
    let student = StudentId(a.student_id);
    let files = app.files()?;
    if thumb {
        if !a.has_thumbnail {
            return Err(Error::NotFound);
        }
        let (size, stream) = files.get(&thumb_key(student, a.id)).await?;
        return Ok(Download {
            file_type: FileType::Jpeg,
            name: "thumbnail.jpg".into(),
            size,
            disposition: Disposition::Inline,
            stream,
        });
    }
    let (size, stream) = files.get(&file_key(student, a.id)).await?;
    Ok(Download {
        file_type: t,
        name: a.file_name.clone().unwrap_or_else(|| format!("file.{}", t.extension())),
        size,
        disposition: t.disposition(),
        stream,
    })
}

/// An artifact's file (or its thumbnail) for whoever may read the plan
/// (audited; a guardian never gets a private item).
pub async fn file(app: &App, access: &StudentAccess, id: Uuid, thumb: bool) -> Result<Download, Error> {
    let reason = access.require(app, RecordKind::Plan, Action::View).await?;
    let a = repo::get(app.db(), access.student(), id)
        .await?
        .ok_or(Error::NotFound)?;
    if a.private && reason == Reason::Guardian {
        return Err(Error::NotFound);
    }
    download_of(app, &a, thumb).await
}

fn hex(h: &TokenHash) -> String {
    h.0.iter().map(|b| format!("{b:02x}")).collect()
}

/// A showcase as its student sees it.
#[derive(Debug, Clone)]
pub struct Showcase {
    pub row: ShowcaseRow,
    pub views: i64,
    pub last_view: Option<OffsetDateTime>,
    pub live: bool,
}

/// The student's showcases with how often and when they were viewed.
pub async fn showcases(app: &App, access: &StudentAccess) -> Result<Vec<Showcase>, Error> {
    access.require(app, RecordKind::Plan, Action::View).await?;
    let now = app.now();
    Ok(repo::showcases_of(app.db(), access.student())
        .await?
        .into_iter()
        .map(|(row, views, last_view)| Showcase {
            live: row.revoked_at.is_none() && now < row.expires_at,
            row,
            views,
            last_view,
        })
        .collect())
}

/// The student shares selected work through a new link; returns the
/// token for the URL (shown once; only its hash is kept).
pub async fn create_showcase(
    app: &App,
    access: &StudentAccess,
    title: &str,
    items: &[String],
    days: &str,
) -> Result<String, Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    student_only(access)?;
    let title =
        ssp_domain::input::text("title", title, 1..=120).map_err(|f| Rejected::new("invalid_showcase", vec![f]))?;
    let mine = repo::for_student(app.db(), access.student()).await?;
    let restricted: Vec<ArtifactId> = mine.iter().filter(|a| a.private).map(|a| ArtifactId(a.id)).collect();
    let new = ShowcaseRaw {
        items,
        expires_in_days: days,
    }
    .parse(&restricted)?;
    if new.items.iter().any(|i| !mine.iter().any(|a| a.id == i.0)) {
        return Err(Error::InvalidReference);
    }
    let mut random = [0u8; TOKEN_BYTES];
    rand::thread_rng().fill_bytes(&mut random);
    let now = app.now();
    let (token, link) = ShowcaseLink::issue(random, now, new.days);
    let row = ShowcaseRow {
        id: Uuid::now_v7(),
        student_id: access.student().0,
        title,
        token_hash: hex(&link.hash),
        expires_at: link.expires_at,
        revoked_at: None,
        created_at: now,
    };
    let ids: Vec<Uuid> = new.items.iter().map(|i| i.0).collect();
    let mut w = PlanWrite::begin(app, access).await?;
    repo::insert_showcase(w.tx(), &row, &ids).await?;
    let mut ev = w.event(AuditAction::ShowcaseCreated, RecordKind::Plan);
    ev.record_id = Some(row.id.to_string());
    ev.detail = Some(format!("{} items, {} days", ids.len(), new.days));
    w.commit_with(ev).await?;
    Ok(token)
}

/// The student revokes a showcase link (it stops working at once).
pub async fn revoke_showcase(app: &App, access: &StudentAccess, id: Uuid) -> Result<(), Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    student_only(access)?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    if !repo::revoke_showcase(w.tx(), access.student(), id, now).await? {
        return Err(Error::NotFound);
    }
    let mut ev = w.event(AuditAction::ShowcaseRevoked, RecordKind::Plan);
    ev.record_id = Some(id.to_string());
    w.commit_with(ev).await
}

/// What a visitor of a showcase link sees.
#[derive(Debug, Clone)]
pub struct SharedShowcase {
    pub id: Uuid,
    pub title: String,
    pub student_first_name: String,
    /// The student's district (whose own competency names the page shows).
    pub district: Option<ssp_domain::OrgId>,
    pub items: Vec<Artifact>,
}

async fn live_showcase(app: &App, token: &str) -> Result<ShowcaseRow, Error> {
    let hash = TokenHash::of_presented(token).ok_or(Error::NotFound)?;
    let row = repo::showcase_by_hash(app.db(), &hex(&hash))
        .await?
        .ok_or(Error::NotFound)?;
    let link = ShowcaseLink {
        hash,
        expires_at: row.expires_at,
        revoked_at: row.revoked_at,
    };
    if !is_viewable(&link, app.now()) {
        return Err(Error::Forbidden("showcase_closed"));
    }
    Ok(row)
}

async fn shared_items(app: &App, row: &ShowcaseRow) -> Result<Vec<ArtifactRow>, Error> {
    let ids = repo::showcase_items(app.db(), row.id).await?;
    let rows = repo::by_ids(app.db(), &ids).await?;
    let restricted: Vec<ArtifactId> = rows.iter().filter(|a| a.private).map(|a| ArtifactId(a.id)).collect();
    let shared: Vec<ArtifactId> = ids.iter().copied().map(ArtifactId).collect();
    Ok(visible_items(&shared, &restricted)
        .into_iter()
        .filter_map(|id| rows.iter().find(|r| r.id == id.0).cloned())
        .collect())
}

/// A visitor opens a showcase link (no account): only the selected,
/// non-private work; each view is recorded and audited, and the student
/// sees it. A revoked or expired link: `Forbidden("showcase_closed")`.
pub async fn view_showcase(app: &App, token: &str) -> Result<SharedShowcase, Error> {
    let row = live_showcase(app, token).await?;
    let items = shared_items(app, &row).await?;
    let first = ssp_db::repo::students::header(app.db(), StudentId(row.student_id))
        .await?
        .map(|h| h.given_name)
        .unwrap_or_default();
    let now = app.now();
    let mut tx = app.db().begin().await?;
    repo::record_view(&mut tx, row.id, now).await?;
    let mut ev = ssp_db::repo::audit::AuditEvent::new(AuditAction::ShowcaseViewed, now);
    ev.student = Some(StudentId(row.student_id));
    let district = repo::district_of(app.db(), StudentId(row.student_id))
        .await?
        .map(ssp_domain::OrgId);
    ev.district_id = district;
    ev.record_kind = Some("showcase");
    ev.record_id = Some(row.id.to_string());
    ssp_db::repo::audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(SharedShowcase {
        id: row.id,
        title: row.title,
        student_first_name: first,
        district,
        items: items.into_iter().map(Artifact::of).collect(),
    })
}

/// A file of a live showcase (only one of its items).
pub async fn showcase_file(app: &App, token: &str, id: Uuid, thumb: bool) -> Result<Download, Error> {
    let row = live_showcase(app, token).await?;
    let items = shared_items(app, &row).await?;
    let a = items.iter().find(|a| a.id == id).ok_or(Error::NotFound)?;
    download_of(app, a, thumb).await
}

/// The whole portfolio (what the reader may see) as a zip file with an
/// HTML index, written to a temporary file the caller streams and removes.
/// The words of the zip's `index.html`, in the reader's language (the
/// caller translates; this module has no translations).
pub struct ZipText {
    /// The page's language tag (`en`, `es`).
    pub lang: String,
    /// The page's title and heading ("Maya's portfolio").
    pub title: String,
    /// "Best work".
    pub best_work: String,
    /// A domain key's name (`academic` → "Academic").
    pub domain: Box<dyn Fn(&str) -> String + Send + Sync>,
    /// A competency key's name.
    pub competency: Box<dyn Fn(&str) -> String + Send + Sync>,
}

impl std::fmt::Debug for ZipText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ZipText").field("lang", &self.lang).finish()
    }
}

pub async fn export_zip(app: &App, access: &StudentAccess, dir: &Path, text: &ZipText) -> Result<PathBuf, Error> {
    let items = list(app, access).await?;
    std::fs::create_dir_all(dir).map_err(|e| Error::Internal(e.into()))?;
    let path = dir.join(format!("portfolio-{}.zip", Uuid::now_v7()));
    let file = std::fs::File::create(&path).map_err(|e| Error::Internal(e.into()))?;
    let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut index = format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title></head><body><main><h1>{}</h1><ul>",
        esc(&text.lang),
        esc(&text.title),
        esc(&text.title)
    );
    let files = app.files()?;
    for a in &items {
        let r = &a.row;
        let mut entry = format!(
            "<li><h2>{}</h2><p>{} · {}–{}{}</p>",
            esc(&r.title),
            esc(&(text.domain)(&r.domain)),
            r.school_year - 1,
            r.school_year,
            if r.best_work {
                format!(" · <strong>{}</strong>", esc(&text.best_work))
            } else {
                String::new()
            }
        );
        if !a.competencies.is_empty() {
            let names: Vec<String> = a.competencies.iter().map(|c| esc(&(text.competency)(c))).collect();
            entry.push_str(&format!("<p>{}</p>", names.join(" · ")));
        }
        if !r.description.is_empty() {
            entry.push_str(&format!("<p>{}</p>", esc(&r.description)));
        }
        if !r.reflection.is_empty() {
            entry.push_str(&format!("<blockquote>{}</blockquote>", esc(&r.reflection)));
        }
        if let Some(u) = &r.url {
            entry.push_str(&format!("<p><a href=\"{}\">{}</a></p>", esc(u), esc(u)));
        }
        if let Some(b) = &r.body {
            entry.push_str(&format!("<pre>{}</pre>", esc(b)));
        }
        if let (Some(key), Some(name)) = (&r.file_key, &r.file_name) {
            let inner = format!("files/{}-{}", &r.id.to_string()[..8], name);
            zip.start_file(inner.as_str(), opts)
                .map_err(|e| Error::Internal(e.into()))?;
            let (_, mut stream) = files.get(key).await?;
            use futures::StreamExt;
            while let Some(chunk) = stream.next().await {
                let chunk = chunk.map_err(|e| Error::Internal(e.into()))?;
                zip.write_all(&chunk).map_err(|e| Error::Internal(e.into()))?;
            }
            entry.push_str(&format!("<p><a href=\"{}\">{}</a></p>", esc(&inner), esc(name)));
        }
        entry.push_str("</li>");
        index.push_str(&entry);
    }
    index.push_str("</ul></main></body></html>\n");
    zip.start_file("index.html", opts)
        .map_err(|e| Error::Internal(e.into()))?;
    zip.write_all(index.as_bytes()).map_err(|e| Error::Internal(e.into()))?;
    zip.finish().map_err(|e| Error::Internal(e.into()))?;
    let ev = access.event(app, AuditAction::PortfolioExported, RecordKind::Plan);
    let mut tx = app.db().begin().await?;
    ssp_db::repo::audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(path)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A collection with its work in the student's order (work removed from
/// the portfolio, or private work for a guardian, is left out).
#[derive(Debug, Clone)]
pub struct Collection {
    pub id: Uuid,
    pub name: String,
    pub items: Vec<Uuid>,
}

fn ids_of(items: &str) -> Vec<ArtifactId> {
    items
        .split(',')
        .filter_map(|s| s.trim().parse::<Uuid>().ok())
        .map(ArtifactId)
        .collect()
}

fn text_of(items: &[ArtifactId]) -> String {
    items.iter().map(|a| a.0.to_string()).collect::<Vec<_>>().join(",")
}

/// The student's collections; `visible` are the artifact ids the reader
/// may see (from [`list`]).
pub async fn collections(app: &App, access: &StudentAccess, visible: &[Uuid]) -> Result<Vec<Collection>, Error> {
    Ok(repo::collections_of(app.db(), access.student())
        .await?
        .into_iter()
        .map(|c| Collection {
            id: c.id,
            name: c.name,
            items: ids_of(&c.items)
                .into_iter()
                .map(|a| a.0)
                .filter(|a| visible.contains(a))
                .collect(),
        })
        .collect())
}

/// What the student does to a collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CollectionChange {
    Add(Uuid),
    Up(Uuid),
    Down(Uuid),
    TakeOut(Uuid),
    Remove,
}

/// The student makes a collection (a name, 1–120 characters).
pub async fn create_collection(app: &App, access: &StudentAccess, name: &str) -> Result<Uuid, Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    student_only(access)?;
    let name = ssp_domain::portfolio::best_work::CollectionName::parse(name)?;
    let id = Uuid::now_v7();
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    repo::insert_collection(w.tx(), access.student(), id, &name.0, now).await?;
    let mut ev = w.event(AuditAction::CollectionChanged, RecordKind::Plan);
    ev.record_id = Some(id.to_string());
    ev.detail = Some("created".into());
    w.commit_with(ev).await?;
    Ok(id)
}

/// The student adds work to a collection, moves it up or down, takes it
/// out, or removes the collection (the work stays in the portfolio).
pub async fn change_collection(
    app: &App,
    access: &StudentAccess,
    id: Uuid,
    change: CollectionChange,
) -> Result<(), Error> {
    use ssp_domain::portfolio::best_work::{add_item, move_item, Move};
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    student_only(access)?;
    if let CollectionChange::Add(a) = change {
        repo::get(app.db(), access.student(), a)
            .await?
            .ok_or(Error::InvalidReference)?;
    }
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let c = repo::collection(w.tx(), access.student(), id)
        .await?
        .ok_or(Error::NotFound)?;
    let items = ids_of(&c.items);
    let refused = |r: ssp_domain::portfolio::best_work::BestWorkRefusal| Error::Conflict(r.code());
    let (next, detail) = match change {
        CollectionChange::Add(a) => (Some(add_item(&items, ArtifactId(a)).map_err(refused)?), "added"),
        CollectionChange::Up(a) => (
            Some(move_item(&items, ArtifactId(a), Move::Up).map_err(refused)?),
            "moved",
        ),
        CollectionChange::Down(a) => (
            Some(move_item(&items, ArtifactId(a), Move::Down).map_err(refused)?),
            "moved",
        ),
        CollectionChange::TakeOut(a) => {
            if !items.contains(&ArtifactId(a)) {
                return Err(refused(
                    ssp_domain::portfolio::best_work::BestWorkRefusal::NotInCollection,
                ));
            }
            (Some(items.iter().copied().filter(|x| x.0 != a).collect()), "taken_out")
        }
        CollectionChange::Remove => (None, "removed"),
    };
    match next {
        Some(items) => repo::set_collection_items(w.tx(), id, &text_of(&items), now).await?,
        None => {
            repo::delete_collection(w.tx(), access.student(), id).await?;
        }
    }
    let mut ev = w.event(AuditAction::CollectionChanged, RecordKind::Plan);
    ev.record_id = Some(id.to_string());
    ev.detail = Some(detail.into());
    w.commit_with(ev).await
}
