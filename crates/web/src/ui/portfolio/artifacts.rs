//! The student's portfolio page (`/students/{id}/portfolio`): their work
//! — files, links and texts — with thumbnails of images, best work per
//! year, private items, the storage used, the form to add work (phone
//! first; a file upload is streamed to disk, never held in memory), the
//! showcases shared by link with their views, and the zip download. The
//! public showcase page (`/showcase/{token}`) shows only what was shared.
//! Files are served from a path the access module guards, with their
//! detected type, `nosniff`, a sandboxing CSP and a download disposition
//! for anything that is not safe to show inline.

use super::competencies::Competencies;
use askama::Template;
use axum::body::Body;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use ssp_app::portfolio::artifacts::{self, Artifact, Download};
use ssp_app::StudentAccess;
use ssp_db::repo::students;
use ssp_domain::portfolio::artifact::ArtifactRaw;
use ssp_domain::portfolio::content::{ContentRefusal, Disposition};
use ssp_domain::SchoolYear;
use uuid::Uuid;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Draft, Page};
use crate::ui::plan::page::display_name;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/students/{id}/portfolio",
            get(show).post(add).layer(DefaultBodyLimit::disable()),
        )
        .route("/students/{id}/portfolio/export.zip", get(export))
        .route("/students/{id}/portfolio/showcases", post(create_showcase))
        .route("/students/{id}/portfolio/collections", post(create_collection))
        .route(
            "/students/{id}/portfolio/collections/{collection}",
            post(change_collection),
        )
        .route(
            "/students/{id}/portfolio/showcases/{showcase}/revoke",
            post(revoke_showcase),
        )
        .route("/students/{id}/portfolio/{artifact}/flags", post(set_flags))
        .route("/students/{id}/portfolio/{artifact}/remove", post(remove))
        .route("/students/{id}/portfolio/{artifact}/file", get(file))
        .route("/students/{id}/portfolio/{artifact}/thumbnail", get(thumbnail))
        .route("/showcase/{token}", get(showcase))
        .route("/showcase/{token}/{artifact}/file", get(showcase_file))
        .route("/showcase/{token}/{artifact}/thumbnail", get(showcase_thumbnail))
}

struct Item {
    id: String,
    kind_label: String,
    title: String,
    description: String,
    reflection: String,
    meta: String,
    competencies: Vec<String>,
    url: Option<String>,
    body: Option<String>,
    file_label: Option<String>,
    thumbnail: bool,
    best_work: bool,
    private: bool,
}

struct CollectionLine {
    id: String,
    name: String,
    /// (artifact id, title) in the student's order.
    items: Vec<(String, String)>,
}

struct ShowcaseLine {
    id: String,
    title: String,
    status: String,
    views: String,
    live: bool,
}

#[derive(Template)]
#[template(path = "portfolio.html")]
struct PortfolioPage {
    page: Page,
    /// Where the student's files are served from.
    base: String,
    student_id: String,
    student_name: String,
    is_self: bool,
    items: Vec<Item>,
    best: Vec<Item>,
    usage: String,
    domains: Vec<(&'static str, String)>,
    years: Vec<(String, String)>,
    frameworks: Vec<(String, Vec<(String, String)>)>,
    goals: Vec<(String, String)>,
    showcases: Vec<ShowcaseLine>,
    collections: Vec<CollectionLine>,
    shareable: Vec<(String, String)>,
    new_link: Option<String>,
    error: Option<String>,
    draft: Draft,
    max_mb: u64,
    best_max: u32,
}

fn mb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

fn item_of(page: &Page, names: &Competencies, student: &str, a: &Artifact) -> Item {
    let r = &a.row;
    Item {
        id: r.id.to_string(),
        kind_label: page.t(&format!("portfolio-kind-{}", r.kind)),
        title: r.title.clone(),
        description: r.description.clone(),
        reflection: r.reflection.clone(),
        meta: format!(
            "{} · {}–{}",
            page.t(&format!("domain-{}", r.domain)),
            r.school_year - 1,
            r.school_year
        ),
        competencies: a.competencies.iter().map(|c| names.label(c)).collect(),
        url: r.url.clone(),
        body: r.body.clone(),
        file_label: r
            .file_name
            .as_ref()
            .map(|n| format!("{n} ({} MB)", mb(r.file_bytes.unwrap_or(0).max(0) as u64))),
        thumbnail: r.has_thumbnail && !student.is_empty(),
        best_work: r.best_work,
        private: r.private,
    }
}

#[derive(Default)]
struct Extra {
    new_link: Option<String>,
    error: Option<String>,
    draft: Draft,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    render_page(&state, &ctx, &access, Extra::default(), StatusCode::OK).await
}

async fn render_page(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    extra: Extra,
    status: StatusCode,
) -> Result<Response, AppError> {
    let list = artifacts::list(state, access).await?;
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "portfolio-title");
    let sid = access.student().to_string();
    let now_year = SchoolYear::containing(state.now().date()).0;
    let names = Competencies::load(state, access.facts.district_id, page.lang).await?;
    let items: Vec<Item> = list.iter().map(|a| item_of(&page, &names, &sid, a)).collect();
    let best = list
        .iter()
        .filter(|a| a.row.best_work && a.row.school_year == now_year)
        .map(|a| item_of(&page, &names, &sid, a))
        .collect();
    let (used, quota) = artifacts::usage(state, access.student()).await?;
    let is_self = access.is_self();
    let showcases = if is_self {
        artifacts::showcases(state, access)
            .await?
            .into_iter()
            .map(|s| ShowcaseLine {
                id: s.row.id.to_string(),
                title: s.row.title.clone(),
                status: if s.row.revoked_at.is_some() {
                    page.t("showcase-revoked")
                } else if s.live {
                    page.t1("showcase-until", "date", page.date(s.row.expires_at.date()))
                } else {
                    page.t("showcase-expired")
                },
                views: match s.last_view {
                    Some(at) => page.t_args(
                        "showcase-views",
                        &[("count", s.views.to_string()), ("when", page.when(at))],
                    ),
                    None => page.t("showcase-no-views"),
                },
                live: s.live,
            })
            .collect()
    } else {
        Vec::new()
    };
    let goals = if is_self {
        ssp_db::repo::plan::goals(state.db(), access.student())
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|g| (g.id.to_string(), g.statement))
            .collect()
    } else {
        Vec::new()
    };
    let frameworks = names.choices();
    let visible: Vec<Uuid> = list.iter().map(|a| a.row.id).collect();
    let collections = artifacts::collections(state, access, &visible)
        .await?
        .into_iter()
        .map(|c| CollectionLine {
            id: c.id.to_string(),
            name: c.name,
            items: c
                .items
                .iter()
                .filter_map(|i| list.iter().find(|a| a.row.id == *i))
                .map(|a| (a.row.id.to_string(), a.row.title.clone()))
                .collect(),
        })
        .collect();
    let html = render(&PortfolioPage {
        collections,
        base: format!("/students/{sid}/portfolio"),
        student_id: sid,
        student_name: display_name(&h),
        is_self,
        shareable: items
            .iter()
            .filter(|i| !i.private)
            .map(|i| (i.id.clone(), i.title.clone()))
            .collect(),
        items,
        best,
        usage: page.t_args("portfolio-usage", &[("used", mb(used)), ("quota", mb(quota))]),
        domains: ssp_domain::plan::PlanDomain::ALL
            .iter()
            .map(|d| (d.as_str(), page.t(&format!("domain-{}", d.as_str()))))
            .collect(),
        years: (0..4)
            .map(|i| {
                let y = now_year - i;
                (y.to_string(), format!("{}–{}", y - 1, y))
            })
            .collect(),
        frameworks,
        goals,
        showcases,
        new_link: extra.new_link,
        error: extra.error,
        draft: extra.draft,
        max_mb: state.config().upload_limit >> 20,
        best_max: names.settings().max_best_work,
        page,
    })?;
    Ok((status, html).into_response())
}

/// The add form, read field by field; the file is streamed to a staged
/// file on disk and refused as soon as it passes the limit.
pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    if !access.is_self() {
        // Answered before a byte of the upload is read, as the use case
        // would: not found for those who may not change the plan.
        access
            .require(
                &state,
                ssp_domain::access::RecordKind::Plan,
                ssp_domain::access::Action::Edit,
            )
            .await?;
        return Err(AppError::Forbidden("portfolio_by_student_only"));
    }
    let form = form.map_err(|_| AppError::BadRequest("malformed_form"))?;
    let up = crate::upload::read(&state, form).await?;
    let get = |k: &str| up.get(k);
    let competencies = up.all("competencies");
    let lang = ctx.lang;
    let draft = || {
        Draft::new(
            "artifact",
            [
                "kind",
                "title",
                "description",
                "reflection",
                "domain",
                "school_year",
                "url",
                "body",
            ]
            .iter()
            .map(|k| (*k, get(k).to_owned()))
            .collect(),
        )
    };
    let result = if up.too_big {
        Err(ssp_app::Error::Rejected(ssp_domain::input::Rejected::one(
            "invalid_artifact",
            "file",
            ContentRefusal::TooLarge.code(),
        )))
    } else {
        let raw = ArtifactRaw {
            kind: get("kind"),
            title: get("title"),
            description: get("description"),
            reflection: get("reflection"),
            domain: get("domain"),
            school_year: get("school_year"),
            competencies: &competencies,
            url: get("url"),
            body: get("body"),
        };
        let goal = get("goal");
        artifacts::add(
            &state,
            &access,
            &raw,
            up.staged.as_ref(),
            (!goal.is_empty()).then_some(goal),
        )
        .await
        .map(|_| ())
    };
    up.discard().await;
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/students/{}/portfolio#work", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let msg = r
                .fields
                .iter()
                .map(|f| {
                    let what = crate::i18n::t(lang, &format!("portfolio-problem-{}", f.code.replace('_', "-")));
                    format!(
                        "{}: {}",
                        crate::i18n::t(lang, &format!("portfolio-field-{}", f.field.replace('_', "-"))),
                        what
                    )
                })
                .collect::<Vec<_>>()
                .join(" ");
            let extra = Extra {
                new_link: None,
                error: Some(crate::i18n::t_args(lang, "portfolio-refused", &[("why", msg)])),
                draft: draft(),
            };
            render_page(&state, &ctx, &access, extra, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FlagsForm {
    best_work: String,
    private: String,
}

pub async fn set_flags(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, artifact)): Path<(String, String)>,
    Form(f): Form<FlagsForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let artifact = Uuid::parse_str(&artifact).map_err(|_| AppError::NotFound)?;
    match artifacts::set_flags(&state, &access, artifact, f.best_work == "true", f.private == "true").await {
        Ok(()) => Ok(Redirect::to(&format!("/students/{}/portfolio#a-{artifact}", access.student())).into_response()),
        Err(ssp_app::Error::Conflict(code)) => {
            let extra = Extra {
                error: Some(crate::i18n::t(ctx.lang, &format!("error-{}", code.replace('_', "-")))),
                ..Extra::default()
            };
            render_page(&state, &ctx, &access, extra, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, artifact)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let artifact = Uuid::parse_str(&artifact).map_err(|_| AppError::NotFound)?;
    artifacts::remove(&state, &access, artifact).await?;
    Ok(Redirect::to(&format!("/students/{}/portfolio#work", access.student())).into_response())
}

/// A file response with safe headers: the detected type (never the
/// name's), `nosniff`, a CSP that sandboxes it, no caching by shared
/// caches, and `attachment` for anything not safe to show inline.
pub fn send(d: Download) -> Response {
    let disposition = match d.disposition {
        Disposition::Inline => "inline",
        Disposition::Attachment => "attachment",
    };
    let ascii: String = d
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_. ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut res = Response::new(Body::from_stream(d.stream));
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(d.file_type.mime()));
    if let Ok(v) = HeaderValue::from_str(&d.size.to_string()) {
        h.insert(header::CONTENT_LENGTH, v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!("{disposition}; filename=\"{ascii}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; img-src 'self'; media-src 'self'; sandbox"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    res
}

/// A student's file or its thumbnail, through the access module.
async fn stored(state: &AppState, ctx: &Ctx, id: &str, artifact: &str, thumb: bool) -> Result<Response, AppError> {
    let access = StudentAccess::load(state, &ctx.actor()?, id).await?;
    let artifact = Uuid::parse_str(artifact).map_err(|_| AppError::NotFound)?;
    Ok(send(artifacts::file(state, &access, artifact, thumb).await?))
}

pub async fn file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, artifact)): Path<(String, String)>,
) -> Result<Response, AppError> {
    stored(&state, &ctx, &id, &artifact, false).await
}

pub async fn thumbnail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, artifact)): Path<(String, String)>,
) -> Result<Response, AppError> {
    stored(&state, &ctx, &id, &artifact, true).await
}

pub async fn export(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let dir = state.config().data_dir.join("uploads").join("exports");
    let names = Competencies::load(&state, access.facts.district_id, ctx.lang).await?;
    let first = students::header(state.db(), access.student())
        .await?
        .map(|h| h.given_name)
        .unwrap_or_default();
    let lang = ctx.lang;
    let text = artifacts::ZipText {
        lang: lang.code().to_owned(),
        title: crate::i18n::t_args(lang, "portfolio-zip-title", &[("name", first)]),
        best_work: crate::i18n::t(lang, "portfolio-best-work"),
        domain: Box::new(move |d| crate::i18n::t(lang, &format!("domain-{d}"))),
        competency: Box::new(move |c| names.label(c)),
    };
    let path = artifacts::export_zip(&state, &access, &dir, &text).await?;
    let file = tokio::fs::File::open(&path)
        .await
        .map_err(|e| AppError::Internal(e.into()))?;
    let size = file.metadata().await.map(|m| m.len()).unwrap_or(0);
    // The open handle keeps the bytes readable after the name is gone.
    let _ = tokio::fs::remove_file(&path).await;
    let mut res = Response::new(Body::from_stream(tokio_util::io::ReaderStream::new(file)));
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/zip"));
    if let Ok(v) = HeaderValue::from_str(&size.to_string()) {
        h.insert(header::CONTENT_LENGTH, v);
    }
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"portfolio.zip\""),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    Ok(res)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShowcaseForm {
    title: String,
    days: String,
}

pub async fn create_showcase(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let mut f = ShowcaseForm::default();
    let mut items = Vec::new();
    for (k, v) in pairs {
        match k.as_str() {
            "title" => f.title = v,
            "days" => f.days = v,
            "items" => items.push(v),
            _ => {}
        }
    }
    match artifacts::create_showcase(&state, &access, &f.title, &items, &f.days).await {
        Ok(token) => {
            let link = format!(
                "{}/showcase/{token}",
                state.config().public_url.as_str().trim_end_matches('/')
            );
            let extra = Extra {
                new_link: Some(link),
                ..Extra::default()
            };
            render_page(&state, &ctx, &access, extra, StatusCode::OK).await
        }
        Err(ssp_app::Error::Rejected(r)) => {
            let lang = ctx.lang;
            let msg = r
                .fields
                .iter()
                .map(|f| {
                    crate::i18n::t(
                        lang,
                        &format!("showcase-problem-{}-{}", f.field, f.code).replace('_', "-"),
                    )
                })
                .collect::<Vec<_>>()
                .join(" ");
            let extra = Extra {
                error: Some(msg),
                ..Extra::default()
            };
            render_page(&state, &ctx, &access, extra, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn revoke_showcase(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, showcase)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let showcase = Uuid::parse_str(&showcase).map_err(|_| AppError::NotFound)?;
    artifacts::revoke_showcase(&state, &access, showcase).await?;
    Ok(Redirect::to(&format!("/students/{}/portfolio#showcases", access.student())).into_response())
}

#[derive(Template)]
#[template(path = "showcase.html")]
struct ShowcasePage {
    page: Page,
    base: String,
    title: String,
    student: String,
    items: Vec<Item>,
}

/// The public page of a showcase link (no account).
pub async fn showcase(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let shared = match artifacts::view_showcase(&state, &token).await {
        Ok(s) => s,
        Err(ssp_app::Error::Forbidden(_)) => return Err(AppError::Forbidden("showcase_closed")),
        Err(e) => return Err(e.into()),
    };
    let mut page = Page::new(&ctx, "showcase-title");
    page.title = shared.title.clone();
    let names = match shared.district {
        Some(d) => Some(Competencies::load(&state, d, page.lang).await?),
        None => None,
    };
    let items = match &names {
        Some(n) => shared.items.iter().map(|a| item_of(&page, n, "shared", a)).collect(),
        None => Vec::new(),
    };
    let html = render(&ShowcasePage {
        base: format!("/showcase/{token}"),
        title: shared.title,
        student: shared.student_first_name,
        items,
        page,
    })?;
    let mut res = html.into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    res.headers_mut()
        .insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    Ok(res)
}

/// A file (or thumbnail) of a live showcase; a closed link is not found.
async fn shared(state: &AppState, token: &str, artifact: &str, thumb: bool) -> Result<Response, AppError> {
    let artifact = Uuid::parse_str(artifact).map_err(|_| AppError::NotFound)?;
    match artifacts::showcase_file(state, token, artifact, thumb).await {
        Ok(d) => Ok(send(d)),
        Err(ssp_app::Error::Forbidden(_)) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

pub async fn showcase_file(
    State(state): State<AppState>,
    Path((token, artifact)): Path<(String, String)>,
) -> Result<Response, AppError> {
    shared(&state, &token, &artifact, false).await
}

pub async fn showcase_thumbnail(
    State(state): State<AppState>,
    Path((token, artifact)): Path<(String, String)>,
) -> Result<Response, AppError> {
    shared(&state, &token, &artifact, true).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CollectionForm {
    name: String,
    /// `add`, `up`, `down`, `take_out`, `remove`.
    action: String,
    artifact: String,
}

pub async fn create_collection(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<CollectionForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    match artifacts::create_collection(&state, &access, &f.name).await {
        Ok(_) => Ok(Redirect::to(&format!("/students/{}/portfolio#collections", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let lang = ctx.lang;
            let msg = r
                .fields
                .iter()
                .map(|x| crate::i18n::t(lang, &format!("collection-problem-{}", x.code.replace('_', "-"))))
                .collect::<Vec<_>>()
                .join(" ");
            let extra = Extra {
                error: Some(msg),
                ..Extra::default()
            };
            render_page(&state, &ctx, &access, extra, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn change_collection(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, collection)): Path<(String, String)>,
    Form(f): Form<CollectionForm>,
) -> Result<Response, AppError> {
    use ssp_app::portfolio::artifacts::CollectionChange as C;
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let collection = Uuid::parse_str(&collection).map_err(|_| AppError::NotFound)?;
    let artifact = Uuid::parse_str(f.artifact.trim()).ok();
    let change = match (f.action.as_str(), artifact) {
        ("remove", _) => C::Remove,
        ("add", Some(a)) => C::Add(a),
        ("up", Some(a)) => C::Up(a),
        ("down", Some(a)) => C::Down(a),
        ("take_out", Some(a)) => C::TakeOut(a),
        _ => {
            // Nothing chosen: still only for those who may change it.
            access
                .require(
                    &state,
                    ssp_domain::access::RecordKind::Plan,
                    ssp_domain::access::Action::Edit,
                )
                .await?;
            return Err(AppError::BadRequest("malformed_form"));
        }
    };
    match artifacts::change_collection(&state, &access, collection, change).await {
        Ok(()) => Ok(Redirect::to(&format!("/students/{}/portfolio#c-{collection}", access.student())).into_response()),
        Err(ssp_app::Error::Conflict(code)) => {
            let extra = Extra {
                error: Some(crate::i18n::t(ctx.lang, &format!("error-{}", code.replace('_', "-")))),
                ..Extra::default()
            };
            render_page(&state, &ctx, &access, extra, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}
