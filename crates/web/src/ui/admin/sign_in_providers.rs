//! The district administrator's identity providers page: the district's
//! OpenID Connect providers (name, issuer, client id, which claim is
//! matched with which roster field, how many accounts are linked), a form
//! to add one, and removal. The client secret is written once and never
//! shown back. District administrators only; anyone else gets a 404. The
//! changes are `ssp_app::sign_in::providers`, each audited.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_app::sign_in::providers;
use ssp_domain::sign_in::{MatchField, NewIdentityProvider};
use uuid::Uuid;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

struct ProviderRow {
    id: Uuid,
    name: String,
    issuer_url: String,
    client_id: String,
    matching: String,
    links: i64,
}

/// What was typed into the add form (never the secret, which is not sent back).
#[derive(Default)]
struct Typed {
    name: String,
    issuer_url: String,
    client_id: String,
    match_field: String,
    match_claim: String,
}

#[derive(Template)]
#[template(path = "sign_in_providers.html")]
struct ProvidersPage {
    page: Page,
    rows: Vec<ProviderRow>,
    callback_url: String,
    typed: Typed,
    fields: Vec<(&'static str, String)>,
    error: Option<String>,
    error_field: &'static str,
    notice: Option<String>,
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    typed: Typed,
    error: Option<(&'static str, &'static str)>,
    notice: Option<&str>,
) -> Result<ProvidersPage, AppError> {
    let actor = ctx.actor()?;
    let page = Page::new(ctx, "sso-providers-title");
    let rows = providers::list(state, &actor)
        .await?
        .into_iter()
        .map(|p| ProviderRow {
            matching: crate::i18n::t_args(
                ctx.lang,
                "sso-providers-matching",
                &[
                    ("claim", p.match_claim.clone()),
                    (
                        "field",
                        page.t(&format!("sso-match-{}", p.match_field.replace('_', "-"))),
                    ),
                ],
            ),
            id: p.id,
            name: p.name,
            issuer_url: p.issuer_url,
            client_id: p.client_id,
            links: p.links,
        })
        .collect();
    let fields = MatchField::ALL
        .iter()
        .map(|m| {
            (
                m.as_str(),
                page.t(&format!("sso-match-{}", m.as_str().replace('_', "-"))),
            )
        })
        .collect();
    Ok(ProvidersPage {
        rows,
        callback_url: state
            .config()
            .public_url
            .join("/sign-in/sso/callback")
            .map(String::from)
            .unwrap_or_default(),
        typed,
        fields,
        error: error.map(|(_, code)| page.t(&format!("sso-provider-error-{}", code.replace('_', "-")))),
        error_field: error.map(|(f, _)| f).unwrap_or(""),
        notice: notice.map(|k| page.t(k)),
        page,
    })
}

#[derive(Deserialize)]
pub struct ShowQuery {
    added: Option<String>,
    removed: Option<String>,
}

/// `GET /admin/sign-in-providers`
pub async fn show(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ShowQuery>) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let notice = match (q.added.is_some(), q.removed.is_some()) {
        (true, _) => Some("sso-providers-added"),
        (_, true) => Some("sso-providers-removed"),
        _ => None,
    };
    let html = render(&page(&state, &ctx, Typed::default(), None, notice).await?)?;
    Ok((StatusCode::OK, html).into_response())
}

#[derive(Deserialize)]
pub struct AddForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    issuer_url: String,
    #[serde(default)]
    client_id: String,
    #[serde(default)]
    client_secret: String,
    #[serde(default)]
    match_field: String,
    #[serde(default)]
    match_claim: String,
}

/// `POST /admin/sign-in-providers`: adds a provider, or shows the form again
/// with what was typed (but not the secret) and the first problem.
pub async fn add(State(state): State<AppState>, ctx: Ctx, Form(form): Form<AddForm>) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let actor = ctx.actor()?;
    let parsed = NewIdentityProvider::parse(
        &form.name,
        &form.issuer_url,
        &form.client_id,
        &form.client_secret,
        &form.match_field,
        &form.match_claim,
    );
    match providers::add(&state, &actor, parsed).await {
        Ok(_) => Ok(Redirect::to("/admin/sign-in-providers?added=1").into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let first = r.first().map(|f| (f.field, f.code)).unwrap_or(("name", "required"));
            let typed = Typed {
                name: form.name.chars().take(200).collect(),
                issuer_url: form.issuer_url.chars().take(600).collect(),
                client_id: form.client_id.chars().take(600).collect(),
                match_field: form.match_field.chars().take(40).collect(),
                match_claim: form.match_claim.chars().take(120).collect(),
            };
            let html = render(&page(&state, &ctx, typed, Some(first), None).await?)?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /admin/sign-in-providers/{id}/remove`
pub async fn remove(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let actor = ctx.actor()?;
    let id = Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
    providers::remove(&state, &actor, id).await?;
    Ok(Redirect::to("/admin/sign-in-providers?removed=1").into_response())
}
