//! The directory's entries one at a time, for its maintainers (community
//! school coordinators, district administrators): a partner organisation's
//! page (change it, remove it, its services, its user accounts) and a
//! resource's form (add, change, remove). A refusal shows on the same form
//! with what was typed; nothing changes.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use ssp_app::partners::partner_users::{self, PartnerUserForm};
use ssp_app::partners::{directory, maintain};
use ssp_db::repo::partners::ResourceRow;
use ssp_domain::career::riasec::Area;
use ssp_domain::partners::directory::{NewPartner, NewResource, ResourceKind};
use ssp_domain::partners::ServiceCategory;

use super::{label, rejected_message};
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/partners/organisations", post(add_partner))
        .route("/partners/organisations/{id}", get(show_partner).post(update_partner))
        .route("/partners/organisations/{id}/remove", post(remove_partner))
        .route("/partners/organisations/{id}/users", post(add_user))
        .route("/partners/organisations/{id}/users/{person}", post(update_user))
        .route("/partners/organisations/{id}/users/{person}/remove", post(remove_user))
        .route("/partners/resources", post(add_resource))
        .route("/partners/resources/new", get(new_resource))
        .route("/partners/resources/{id}", get(show_resource).post(update_resource))
        .route("/partners/resources/{id}/remove", post(remove_resource))
}

/// A refusal the form shows, with its status; anything else is the usual
/// error page.
fn refusal(ctx: &Ctx, e: ssp_app::Error) -> Result<(StatusCode, String), AppError> {
    match e {
        ssp_app::Error::Rejected(r) => Ok((StatusCode::UNPROCESSABLE_ENTITY, rejected_message(ctx.lang, &r))),
        ssp_app::Error::Conflict(code) => Ok((StatusCode::CONFLICT, crate::error::error_message(ctx.lang, code))),
        e => Err(e.into()),
    }
}

/// Whether a removal form's box was ticked (a removal cannot be undone;
/// the form asks for it, and a post without it removes nothing).
fn confirmed(f: &Fields) -> bool {
    f.map().get("confirm").is_some_and(|v| v == "yes")
}

fn unconfirmed(ctx: &Ctx) -> (StatusCode, String) {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        crate::i18n::t(ctx.lang, "partners-remove-unconfirmed"),
    )
}

/// "Saved." after a change (the redirect carries `saved=1`).
fn page_notice(ctx: &Ctx) -> String {
    crate::i18n::t(ctx.lang, "partners-saved")
}

/// The fields of a posted form; a field sent more than once (checkboxes)
/// comma-joined.
#[derive(Deserialize, Default)]
#[serde(transparent)]
pub struct Fields(Vec<(String, String)>);

impl Fields {
    fn map(&self) -> HashMap<String, String> {
        let mut m: HashMap<String, String> = HashMap::new();
        for (k, v) in &self.0 {
            if k == "csrf" {
                continue;
            }
            m.entry(k.clone())
                .and_modify(|old| {
                    old.push(',');
                    old.push_str(v);
                })
                .or_insert_with(|| v.clone());
        }
        m
    }
}

fn field(m: &HashMap<String, String>, k: &str) -> String {
    m.get(k).cloned().unwrap_or_default()
}

// ---- a partner organisation -----------------------------------------------

struct ServiceView {
    id: String,
    name: String,
}

struct UserView {
    id: String,
    given_name: String,
    family_name: String,
    email: String,
    username: String,
}

#[derive(Template)]
#[template(path = "partners_organisation.html")]
struct OrganisationPage {
    page: Page,
    id: String,
    /// The name as stored (the heading) and the form's values.
    heading: String,
    values: HashMap<String, String>,
    /// The new user form's values (kept after a refusal).
    new_user: HashMap<String, String>,
    error: Option<String>,
    notice: Option<String>,
    services: Vec<ServiceView>,
    users: Vec<UserView>,
}

impl OrganisationPage {
    fn v(&self, k: &str) -> String {
        field(&self.values, k)
    }
    fn u(&self, k: &str) -> String {
        field(&self.new_user, k)
    }
}

async fn partner_page(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    values: Option<HashMap<String, String>>,
    new_user: HashMap<String, String>,
    error: Option<(StatusCode, String)>,
) -> Result<Response, AppError> {
    let saved = error.is_none() && ctx.path.contains("saved=1");
    let actor = ctx.actor()?;
    let p = maintain::partner(state, &actor, id).await?;
    let services = directory::list(state, &actor, "", "")
        .await?
        .into_iter()
        .filter(|r| r.partner_id == Some(p.id))
        .map(|r| ServiceView {
            id: r.id.to_string(),
            name: r.name,
        })
        .collect();
    let users = partner_users::users(state, &actor, p.id)
        .await?
        .into_iter()
        .map(|u| UserView {
            id: u.person_id.to_string(),
            given_name: u.given_name,
            family_name: u.family_name,
            email: u.email.unwrap_or_default(),
            username: u.username.unwrap_or_default(),
        })
        .collect();
    let values = values.unwrap_or_else(|| {
        HashMap::from([
            ("name".to_owned(), p.name.clone()),
            ("description".to_owned(), p.description.clone()),
            ("contact".to_owned(), p.contact.clone()),
        ])
    });
    let mut page = Page::new(ctx, "partners-organisation-title");
    page.title = format!("{} · {}", p.name, page.title);
    let (code, error) = match error {
        Some((code, message)) => (code, Some(message)),
        None => (StatusCode::OK, None),
    };
    let html = render(&OrganisationPage {
        page,
        id: p.id.to_string(),
        heading: p.name,
        values,
        new_user,
        error,
        notice: saved.then(|| page_notice(ctx)),
        services,
        users,
    })?;
    Ok((code, html).into_response())
}

pub async fn show_partner(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    partner_page(&state, &ctx, &id, None, HashMap::new(), None).await
}

fn new_partner(m: &HashMap<String, String>) -> ssp_app::Parsed<NewPartner> {
    NewPartner::parse(&field(m, "name"), &field(m, "description"), &field(m, "contact"))
}

pub async fn add_partner(State(state): State<AppState>, ctx: Ctx, Form(f): Form<Fields>) -> Result<Response, AppError> {
    let m = f.map();
    match maintain::add_partner(&state, &ctx.actor()?, new_partner(&m)).await {
        Ok(id) => Ok(Redirect::to(&format!("/partners/organisations/{id}")).into_response()),
        Err(e) => {
            let refused = refusal(&ctx, e)?;
            super::directory::render_with_partner_form(&state, &ctx, m, refused).await
        }
    }
}

pub async fn update_partner(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<Fields>,
) -> Result<Response, AppError> {
    let m = f.map();
    match maintain::update_partner(&state, &ctx.actor()?, &id, new_partner(&m)).await {
        Ok(()) => Ok(Redirect::to(&format!("/partners/organisations/{id}?saved=1")).into_response()),
        Err(e) => {
            let refused = refusal(&ctx, e)?;
            partner_page(&state, &ctx, &id, Some(m), HashMap::new(), Some(refused)).await
        }
    }
}

pub async fn remove_partner(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<Fields>,
) -> Result<Response, AppError> {
    if !confirmed(&f) {
        return partner_page(&state, &ctx, &id, None, HashMap::new(), Some(unconfirmed(&ctx))).await;
    }
    match maintain::remove_partner(&state, &ctx.actor()?, &id).await {
        Ok(()) => Ok(Redirect::to("/partners?removed=1").into_response()),
        Err(e) => {
            let refused = refusal(&ctx, e)?;
            partner_page(&state, &ctx, &id, None, HashMap::new(), Some(refused)).await
        }
    }
}

fn user_form(m: &HashMap<String, String>) -> PartnerUserForm {
    PartnerUserForm {
        given_name: field(m, "given_name"),
        family_name: field(m, "family_name"),
        username: field(m, "username"),
        email: field(m, "email"),
    }
}

pub async fn add_user(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<Fields>,
) -> Result<Response, AppError> {
    let m = f.map();
    match partner_users::create(&state, &ctx.actor()?, &id, &user_form(&m)).await {
        Ok(_) => Ok(Redirect::to(&format!("/partners/organisations/{id}#users")).into_response()),
        Err(e) => {
            let refused = refusal(&ctx, e)?;
            partner_page(&state, &ctx, &id, None, m, Some(refused)).await
        }
    }
}

pub async fn update_user(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, person)): Path<(String, String)>,
    Form(f): Form<Fields>,
) -> Result<Response, AppError> {
    let m = f.map();
    match partner_users::update(&state, &ctx.actor()?, &id, &person, &user_form(&m)).await {
        Ok(()) => Ok(Redirect::to(&format!("/partners/organisations/{id}#users")).into_response()),
        Err(e) => {
            let refused = refusal(&ctx, e)?;
            partner_page(&state, &ctx, &id, None, HashMap::new(), Some(refused)).await
        }
    }
}

pub async fn remove_user(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, person)): Path<(String, String)>,
    Form(f): Form<Fields>,
) -> Result<Response, AppError> {
    if !confirmed(&f) {
        return partner_page(&state, &ctx, &id, None, HashMap::new(), Some(unconfirmed(&ctx))).await;
    }
    partner_users::remove(&state, &ctx.actor()?, &id, &person).await?;
    Ok(Redirect::to(&format!("/partners/organisations/{id}#users")).into_response())
}

// ---- a resource -------------------------------------------------------------

#[derive(Template)]
#[template(path = "partners_resource.html")]
struct ResourcePage {
    page: Page,
    /// None for a new resource.
    id: Option<String>,
    values: HashMap<String, String>,
    error: Option<String>,
    notice: Option<String>,
    kinds: Vec<(&'static str, String)>,
    partners: Vec<String>,
    categories: Vec<(&'static str, String)>,
    areas: Vec<(String, String)>,
}

impl ResourcePage {
    fn v(&self, k: &str) -> String {
        field(&self.values, k)
    }
    fn has(&self, k: &str, item: &str) -> bool {
        let v = field(&self.values, k);
        if k == "interest_areas" {
            v.contains(item)
        } else {
            v.split(',').any(|x| x.trim() == item)
        }
    }
}

fn values_of(r: &ResourceRow) -> HashMap<String, String> {
    let pairs = [
        ("kind", r.kind.clone()),
        ("name", r.name.clone()),
        ("partner", r.partner_name.clone().unwrap_or_default()),
        ("categories", r.categories.clone()),
        ("description", r.description.clone()),
        ("eligibility", r.eligibility.clone()),
        ("grade_min", r.grade_min.to_string()),
        ("grade_max", r.grade_max.to_string()),
        ("languages", r.languages.replace(',', ", ")),
        ("location", r.location.clone()),
        ("hours", r.hours.clone()),
        ("cost", r.cost.clone()),
        ("capacity", r.capacity.map(|c| c.to_string()).unwrap_or_default()),
        ("contact", r.contact.clone()),
        ("interest_areas", r.interest_areas.clone()),
        ("keywords", r.keywords.replace(',', " ")),
    ];
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

async fn resource_page(
    state: &AppState,
    ctx: &Ctx,
    id: Option<String>,
    values: HashMap<String, String>,
    error: Option<(StatusCode, String)>,
) -> Result<Response, AppError> {
    let saved = error.is_none() && ctx.path.contains("saved=1");
    let actor = ctx.actor()?;
    ssp_app::partners::require_maintainer(state, &actor).await?;
    let partners = directory::partners(state, &actor)
        .await?
        .into_iter()
        .map(|p| p.name)
        .collect();
    let page = Page::new(
        ctx,
        if id.is_some() {
            "partners-resource-edit-title"
        } else {
            "partners-resource-new-title"
        },
    );
    let (code, error) = match error {
        Some((code, message)) => (code, Some(message)),
        None => (StatusCode::OK, None),
    };
    let html = render(&ResourcePage {
        id,
        values,
        error,
        notice: saved.then(|| page_notice(ctx)),
        kinds: ResourceKind::ALL
            .iter()
            .map(|k| (k.key(), label(page.lang, "partners-kind", k.key())))
            .collect(),
        partners,
        categories: ServiceCategory::ALL
            .iter()
            .map(|c| (c.key(), label(page.lang, "partner-category", c.key())))
            .collect(),
        areas: Area::ALL
            .iter()
            .map(|a| (a.letter().to_string(), page.t(&format!("riasec-{}", a.key()))))
            .collect(),
        page,
    })?;
    Ok((code, html).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    partner: String,
}

pub async fn new_resource(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NewQuery>,
) -> Result<Response, AppError> {
    let mut values = HashMap::from([
        ("grade_min".to_owned(), "6".to_owned()),
        ("grade_max".to_owned(), "12".to_owned()),
    ]);
    if !q.partner.is_empty() {
        values.insert("kind".to_owned(), "partner_service".to_owned());
        values.insert("partner".to_owned(), q.partner);
    }
    resource_page(&state, &ctx, None, values, None).await
}

pub async fn show_resource(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let r = maintain::resource(&state, &ctx.actor()?, &id).await?;
    resource_page(&state, &ctx, Some(r.id.to_string()), values_of(&r), None).await
}

fn new_resource_of(m: &HashMap<String, String>) -> ssp_app::Parsed<NewResource> {
    NewResource::parse(|k| field(m, k))
}

pub async fn add_resource(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(f): Form<Fields>,
) -> Result<Response, AppError> {
    let m = f.map();
    match maintain::add_resource(&state, &ctx.actor()?, new_resource_of(&m)).await {
        Ok(id) => Ok(Redirect::to(&format!("/partners/resources/{id}?saved=1")).into_response()),
        Err(e) => {
            let refused = refusal(&ctx, e)?;
            resource_page(&state, &ctx, None, m, Some(refused)).await
        }
    }
}

pub async fn update_resource(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<Fields>,
) -> Result<Response, AppError> {
    let m = f.map();
    match maintain::update_resource(&state, &ctx.actor()?, &id, new_resource_of(&m)).await {
        Ok(()) => Ok(Redirect::to(&format!("/partners/resources/{id}?saved=1")).into_response()),
        Err(e) => {
            let refused = refusal(&ctx, e)?;
            resource_page(&state, &ctx, Some(id), m, Some(refused)).await
        }
    }
}

pub async fn remove_resource(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<Fields>,
) -> Result<Response, AppError> {
    if !confirmed(&f) {
        let r = maintain::resource(&state, &ctx.actor()?, &id).await?;
        return resource_page(
            &state,
            &ctx,
            Some(r.id.to_string()),
            values_of(&r),
            Some(unconfirmed(&ctx)),
        )
        .await;
    }
    match maintain::remove_resource(&state, &ctx.actor()?, &id).await {
        Ok(()) => Ok(Redirect::to("/partners?removed=1").into_response()),
        Err(e) => {
            let refused = refusal(&ctx, e)?;
            let r = maintain::resource(&state, &ctx.actor()?, &id).await?;
            resource_page(&state, &ctx, Some(r.id.to_string()), values_of(&r), Some(refused)).await
        }
    }
}
