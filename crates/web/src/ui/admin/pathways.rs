//! The district's own career pathways and academies, each linked to a
//! career cluster (2024 framework or legacy), kept by district
//! administrators; students see the occupations of a pathway's cluster.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_app::career::pathways;
use ssp_domain::career::cluster::{Cluster2024, LegacyCluster};
use ssp_domain::career::input::PathwayInput;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Draft, Page};

struct Row {
    id: String,
    name: String,
    description: String,
    clusters: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "pathways.html")]
struct PathwaysPage {
    page: Page,
    rows: Vec<Row>,
    modern: Vec<(String, String)>,
    legacy: Vec<(String, String)>,
    error: Option<String>,
    draft: Draft,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.district_admin()?;
    render_page(&state, &ctx, None, Draft::default()).await
}

async fn render_page(state: &AppState, ctx: &Ctx, error: Option<String>, draft: Draft) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let page = Page::new(ctx, "pathways-title");
    let rows = pathways::list(state, actor.district)
        .await?
        .into_iter()
        .map(|p| {
            let mut clusters = Vec::new();
            if let Some(k) = p.cluster_2024 {
                clusters.push((k.clone(), page.t(&format!("cluster-2024-{k}"))));
            }
            if let Some(k) = p.legacy_cluster {
                clusters.push((format!("legacy:{k}"), page.t(&format!("cluster-legacy-{k}"))));
            }
            Row {
                id: p.id.to_string(),
                name: p.name,
                description: p.description,
                clusters,
            }
        })
        .collect();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = render(&PathwaysPage {
        rows,
        modern: Cluster2024::ALL
            .iter()
            .map(|c| (c.key().to_owned(), page.t(&format!("cluster-2024-{}", c.key()))))
            .collect(),
        legacy: LegacyCluster::ALL
            .iter()
            .map(|c| (c.key().to_owned(), page.t(&format!("cluster-legacy-{}", c.key()))))
            .collect(),
        error,
        draft,
        page,
    })?;
    Ok((status, html).into_response())
}

#[derive(Deserialize)]
pub struct PathwayForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    legacy_cluster: String,
    #[serde(default)]
    cluster_2024: String,
}

pub async fn add(State(state): State<AppState>, ctx: Ctx, Form(f): Form<PathwayForm>) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let input = PathwayInput::parse(&f.name, &f.description, &f.legacy_cluster, &f.cluster_2024);
    let draft = || {
        Draft::new(
            "pathway",
            vec![
                ("name", f.name.clone()),
                ("description", f.description.clone()),
                ("legacy_cluster", f.legacy_cluster.clone()),
                ("cluster_2024", f.cluster_2024.clone()),
            ],
        )
    };
    match pathways::add(&state, &ctx.actor()?, input).await {
        Ok(_) => Ok(Redirect::to("/admin/pathways").into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let key = match r.first().map(|f| f.field) {
                Some("name") => "pathway-error-name",
                Some("description") => "pathway-error-description",
                _ => "pathway-error-cluster",
            };
            render_page(&state, &ctx, Some(crate::i18n::t(ctx.lang, key)), draft()).await
        }
        Err(ssp_app::Error::Conflict("pathway_name_taken")) => {
            render_page(
                &state,
                &ctx,
                Some(crate::i18n::t(ctx.lang, "pathway-error-taken")),
                draft(),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    ctx.district_admin()?;
    pathways::remove(&state, &ctx.actor()?, &id).await?;
    Ok(Redirect::to("/admin/pathways").into_response())
}
