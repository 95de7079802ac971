//! Occupations: search by title or alternate title ("nurse", "coder",
//! "vet") with filters for interest area, job zone and cluster; one
//! occupation's page with its interest profile, preparation and related
//! occupations; and the career clusters. Reference data, open to everyone
//! signed in; the O*NET attribution is on every page that shows it.

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use ssp_app::career::occupations::{self, PAGE_SIZE};
use ssp_db::repo::career::occupations::Search;
use ssp_domain::career::cluster::{Cluster2024, LegacyCluster};
use ssp_domain::career::matching::top_areas;
use ssp_domain::career::Area;

use super::area_name;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

struct Row {
    code: String,
    title: String,
    zone: String,
    areas: String,
    cluster: String,
}

#[derive(Template)]
#[template(path = "occupations.html")]
struct SearchPage {
    page: Page,
    q: String,
    zone: String,
    area: String,
    cluster: String,
    zones: Vec<(String, String)>,
    areas: Vec<(String, String)>,
    clusters: Vec<(String, String)>,
    rows: Vec<Row>,
    total: i64,
    from: i64,
    to: i64,
    prev: Option<String>,
    next: Option<String>,
    attribution: String,
}

fn cluster_name(page: &Page, key: &str) -> String {
    if key.is_empty() {
        return String::new();
    }
    page.t(&format!("cluster-2024-{key}"))
}

pub async fn search(State(state): State<AppState>, ctx: Ctx, RawQuery(query): RawQuery) -> Result<Response, AppError> {
    ctx.session()?;
    let (mut q, mut zone, mut area, mut cluster, mut offset) =
        (String::new(), String::new(), String::new(), String::new(), 0i64);
    for (k, v) in url::form_urlencoded::parse(query.as_deref().unwrap_or("").as_bytes()) {
        match k.as_ref() {
            "q" => q = v.chars().take(100).collect(),
            "zone" => zone = v.into_owned(),
            "area" => area = v.into_owned(),
            "cluster" => cluster = v.into_owned(),
            "offset" => offset = v.parse().unwrap_or(0),
            _ => {}
        }
    }
    let mut s = Search {
        query: q.clone(),
        limit: PAGE_SIZE,
        offset: offset.max(0),
        ..Search::default()
    };
    if let Ok(z @ 1..=5) = zone.parse::<i32>() {
        s.zones = vec![z];
    } else {
        zone.clear();
    }
    match Area::parse(&area) {
        Ok(a) if !area.is_empty() => s.area = Some(a.letter()),
        _ => area.clear(),
    }
    if let Some(rest) = cluster.strip_prefix("legacy:") {
        match LegacyCluster::parse(rest) {
            Ok(c) => s.legacy_cluster = Some(c.key().to_owned()),
            Err(_) => cluster.clear(),
        }
    } else if !cluster.is_empty() {
        match Cluster2024::parse(&cluster) {
            Ok(c) => s.cluster_2024 = Some(c.key().to_owned()),
            Err(_) => cluster.clear(),
        }
    }
    let result = occupations::search(&state, &s).await?;
    let page = Page::new(&ctx, "occupations-title");
    let rows = result
        .rows
        .into_iter()
        .map(|o| Row {
            zone: match o.job_zone {
                Some(z) => page.t(&format!("job-zone-{z}")),
                None => page.t("job-zone-none"),
            },
            areas: match o.interests() {
                Some(i) => top_areas(&i)
                    .into_iter()
                    .map(|a| area_name(&page, a))
                    .collect::<Vec<_>>()
                    .join(", "),
                None => page.t("occupation-no-interest-data"),
            },
            cluster: cluster_name(&page, &o.cluster_2024),
            code: o.code,
            title: o.title,
        })
        .collect::<Vec<_>>();
    let link = |off: i64| {
        let mut u = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in [("q", &q), ("zone", &zone), ("area", &area), ("cluster", &cluster)] {
            if !v.is_empty() {
                u.append_pair(k, v);
            }
        }
        u.append_pair("offset", &off.to_string());
        format!("/careers?{}", u.finish())
    };
    let from = if result.total == 0 { 0 } else { s.offset + 1 };
    let to = s.offset + rows.len() as i64;
    let html = render(&SearchPage {
        zones: (1..=5)
            .map(|z| (z.to_string(), page.t(&format!("job-zone-{z}"))))
            .collect(),
        areas: Area::ALL
            .iter()
            .map(|a| (a.key().to_owned(), area_name(&page, *a)))
            .collect(),
        clusters: Cluster2024::ALL
            .iter()
            .map(|c| (c.key().to_owned(), page.t(&format!("cluster-2024-{}", c.key()))))
            .chain(LegacyCluster::ALL.iter().map(|c| {
                (
                    format!("legacy:{}", c.key()),
                    format!(
                        "{} ({})",
                        page.t(&format!("cluster-legacy-{}", c.key())),
                        page.t("clusters-legacy-short")
                    ),
                )
            }))
            .collect(),
        prev: (s.offset > 0).then(|| link((s.offset - PAGE_SIZE).max(0))),
        next: (to < result.total).then(|| link(to)),
        total: result.total,
        from,
        to,
        rows,
        q,
        zone,
        area,
        cluster,
        attribution: page.t("onet-attribution"),
        page,
    })?;
    Ok(html)
}

#[derive(Template)]
#[template(path = "occupation.html")]
struct OccupationTemplate {
    page: Page,
    code: String,
    title: String,
    description: String,
    chart: String,
    high_points: String,
    zone: Option<(String, String, String, String)>,
    legacy_cluster: String,
    cluster_2024: String,
    alternate_titles: Vec<String>,
    related: Vec<(String, String)>,
    /// The signed-in student's id, who may save it.
    student: Option<String>,
    attribution: String,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(code): Path<String>) -> Result<Response, AppError> {
    let session = ctx.session()?;
    let student = session.facts.is_student.then(|| session.person_id.to_string());
    let p = occupations::page(&state, &code).await?;
    let page = Page::new(&ctx, "occupations-title");
    let o = &p.occupation;
    let chart = match o.interests() {
        Some(i) => {
            let bars: Vec<(String, f64)> = Area::ALL.iter().map(|a| (area_name(&page, *a), i[a.index()])).collect();
            let label = format!(
                "{}: {}",
                page.t("occupation-chart-label"),
                bars.iter()
                    .map(|(n, v)| format!("{n} {v:.1}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            crate::chart::bars(&label, &bars, 7.0)
        }
        None => String::new(),
    };
    let html = render(&OccupationTemplate {
        code: o.code.clone(),
        title: o.title.clone(),
        description: o.description.clone(),
        chart,
        high_points: o
            .high_points
            .chars()
            .filter_map(|c| Area::parse(&c.to_string()).ok())
            .map(|a| area_name(&page, a))
            .collect::<Vec<_>>()
            .join(", "),
        zone: p.job_zone.as_ref().map(|z| {
            (
                page.t(&format!("job-zone-{}", z.zone)),
                z.education.clone(),
                z.experience.clone(),
                z.training.clone(),
            )
        }),
        legacy_cluster: if o.legacy_cluster.is_empty() {
            String::new()
        } else {
            page.t(&format!("cluster-legacy-{}", o.legacy_cluster))
        },
        cluster_2024: cluster_name(&page, &o.cluster_2024),
        alternate_titles: p.alternate_titles.clone(),
        related: p.related.iter().map(|(c, t, _)| (c.clone(), t.clone())).collect(),
        student,
        attribution: page.t("onet-attribution"),
        page,
    })?;
    Ok(html)
}

#[derive(Template)]
#[template(path = "clusters.html")]
struct ClustersPage {
    page: Page,
    modern: Vec<(String, String)>,
    legacy: Vec<(String, String)>,
    pathways: Vec<PathwayLinks>,
}

/// A district pathway: name, description, and (filter, cluster name) links.
type PathwayLinks = (String, String, Vec<(String, String)>);

/// The 14 clusters of the 2024 framework and the 16 legacy ones, each a
/// link to its occupations.
pub async fn clusters(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let district = ctx.session()?.district_id;
    let page = Page::new(&ctx, "clusters-title");
    let pathways = ssp_app::career::pathways::list(&state, district)
        .await?
        .into_iter()
        .map(|p| {
            let mut links = Vec::new();
            if let Some(k) = p.cluster_2024 {
                links.push((k.clone(), page.t(&format!("cluster-2024-{k}"))));
            }
            if let Some(k) = p.legacy_cluster {
                links.push((format!("legacy:{k}"), page.t(&format!("cluster-legacy-{k}"))));
            }
            (p.name, p.description, links)
        })
        .collect();
    render(&ClustersPage {
        pathways,
        modern: Cluster2024::ALL
            .iter()
            .map(|c| (c.key().to_owned(), page.t(&format!("cluster-2024-{}", c.key()))))
            .collect(),
        legacy: LegacyCluster::ALL
            .iter()
            .map(|c| (c.key().to_owned(), page.t(&format!("cluster-legacy-{}", c.key()))))
            .collect(),
        page,
    })
}
