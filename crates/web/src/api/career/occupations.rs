//! JSON handlers for occupations: search with filters and one occupation.
//! Reference data from O*NET, open to everyone signed in and not audited;
//! every answer carries the O*NET attribution it is shown under.

use axum::extract::{Path, Query, State};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_app::career::occupations::{self, PAGE_SIZE};
use ssp_app::career::onet::ATTRIBUTION;
use ssp_db::repo::career::occupations::{OccupationRow, Search};
use ssp_domain::career::cluster::{Cluster2024, LegacyCluster};
use ssp_domain::career::Area;
use ssp_domain::input::{FieldError, Rejected};
use utoipa::openapi::schema::Schema;
use utoipa::{IntoParams, ToSchema};

use super::{areas, array_of};
use crate::api::openapi::{one_of, RejectedJson};
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;

fn area_list() -> Schema {
    array_of(areas())
}
fn legacy_clusters() -> Schema {
    one_of(std::iter::once("").chain(LegacyCluster::ALL.map(LegacyCluster::key)))
}
fn clusters_2024() -> Schema {
    one_of(std::iter::once("").chain(Cluster2024::ALL.map(Cluster2024::key)))
}

/// O*NET's six occupational-interest ratings (1–7).
#[derive(Serialize, ToSchema)]
#[schema(as = InterestRatings)]
pub struct InterestsJson {
    pub realistic: f64,
    pub investigative: f64,
    pub artistic: f64,
    pub social: f64,
    pub enterprising: f64,
    pub conventional: f64,
}

/// An occupation as search lists it.
#[derive(Serialize, ToSchema)]
#[schema(as = Occupation)]
pub struct OccupationJson {
    /// The O*NET-SOC code.
    pub code: String,
    pub title: String,
    /// Job zone 1–5 (preparation needed); None when O*NET has none.
    pub job_zone: Option<i32>,
    /// None when O*NET has no interest ratings for it.
    pub interests: Option<InterestsJson>,
    /// O*NET's high-point areas, strongest first.
    #[schema(schema_with = area_list)]
    pub high_points: Vec<&'static str>,
    /// ssp's crosswalk to the legacy (16) clusters.
    #[schema(schema_with = legacy_clusters)]
    pub legacy_cluster: String,
    /// ssp's crosswalk to the 2024 (14) clusters.
    #[schema(schema_with = clusters_2024)]
    pub cluster_2024: String,
}

impl From<OccupationRow> for OccupationJson {
    fn from(o: OccupationRow) -> Self {
        OccupationJson {
            interests: o.interests().map(|i| InterestsJson {
                realistic: i[0],
                investigative: i[1],
                artistic: i[2],
                social: i[3],
                enterprising: i[4],
                conventional: i[5],
            }),
            high_points: o
                .high_points
                .chars()
                .filter_map(|c| Area::parse(&c.to_string()).ok())
                .map(Area::key)
                .collect(),
            code: o.code,
            title: o.title,
            job_zone: o.job_zone,
            legacy_cluster: o.legacy_cluster,
            cluster_2024: o.cluster_2024,
        }
    }
}

/// A search of occupations.
#[derive(Deserialize, Default, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default, deny_unknown_fields)]
pub struct OccupationQuery {
    /// Words of a title or alternate title ("nurse", "coder"), or a code; blank: every occupation.
    pub q: Option<String>,
    /// A job zone, 1–5.
    pub zone: Option<String>,
    /// An interest area (key or letter): occupations with it among their high points.
    pub area: Option<String>,
    /// A 2024 cluster key, or `legacy:` and a legacy cluster key.
    pub cluster: Option<String>,
    /// Results to skip (default 0).
    pub offset: Option<String>,
    /// Results to give, 1–100 (default 25).
    pub limit: Option<String>,
}

/// A parameter given with something in it.
fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl OccupationQuery {
    /// The search, or every filter at fault (`invalid_occupation_search`).
    fn parse(&self) -> Result<Search, Rejected> {
        let mut s = Search {
            query: self.q.as_deref().unwrap_or("").chars().take(100).collect(),
            limit: PAGE_SIZE,
            ..Search::default()
        };
        let mut bad = Vec::new();
        if let Some(z) = given(&self.zone) {
            match z.parse::<i32>() {
                Ok(z @ 1..=5) => s.zones = vec![z],
                _ => bad.push(FieldError::new("zone", "unknown_choice")),
            }
        }
        if let Some(a) = given(&self.area) {
            match Area::parse(a) {
                Ok(a) => s.area = Some(a.letter()),
                Err(_) => bad.push(FieldError::new("area", "unknown_choice")),
            }
        }
        if let Some(c) = given(&self.cluster) {
            let found = match c.strip_prefix("legacy:") {
                Some(rest) => LegacyCluster::parse(rest)
                    .map(|c| s.legacy_cluster = Some(c.key().to_owned()))
                    .is_ok(),
                None => Cluster2024::parse(c)
                    .map(|c| s.cluster_2024 = Some(c.key().to_owned()))
                    .is_ok(),
            };
            if !found {
                bad.push(FieldError::new("cluster", "unknown_choice"));
            }
        }
        if let Some(o) = given(&self.offset) {
            match o.parse::<i64>() {
                Ok(o) if o >= 0 => s.offset = o,
                _ => bad.push(FieldError::new("offset", "invalid")),
            }
        }
        if let Some(l) = given(&self.limit) {
            match l.parse::<i64>() {
                Ok(l @ 1..=100) => s.limit = l,
                _ => bad.push(FieldError::new("limit", "invalid")),
            }
        }
        if bad.is_empty() {
            Ok(s)
        } else {
            Err(Rejected::new("invalid_occupation_search", bad))
        }
    }
}

/// One page of a search.
#[derive(Serialize, ToSchema)]
#[schema(as = OccupationSearch)]
pub struct SearchJson {
    /// How many occupations match in all.
    pub total: i64,
    pub offset: i64,
    pub limit: i64,
    /// Titles that start with the words first, then titles that hold them, then alternate-title matches.
    pub occupations: Vec<OccupationJson>,
    pub attribution: &'static str,
}

/// Searches occupations by title or alternate title, with filters.
#[utoipa::path(
    get,
    path = "/api/v1/occupations",
    operation_id = "searchOccupations",
    summary = "Search occupations (O*NET) by title or alternate title, with job zone, interest area and cluster filters",
    params(OccupationQuery),
    responses(
        (status = 200, description = "OK", body = SearchJson),
        (status = 422, description = "invalid_occupation_search: zone, area, cluster (unknown_choice), offset, limit (invalid).", body = RejectedJson),
    )
)]
pub async fn search(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<OccupationQuery>,
) -> Result<Json<SearchJson>, AppError> {
    ctx.session().map_err(|_| AppError::Unauthenticated)?;
    let s = q.parse().map_err(AppError::Rejected)?;
    let page = occupations::search(&state, &s).await?;
    Ok(Json(SearchJson {
        total: page.total,
        offset: s.offset,
        limit: s.limit,
        occupations: page.rows.into_iter().map(OccupationJson::from).collect(),
        attribution: ATTRIBUTION,
    }))
}

/// What a job zone asks of a worker.
#[derive(Serialize, ToSchema)]
#[schema(as = JobZone)]
pub struct JobZoneJson {
    pub zone: i32,
    pub name: String,
    pub education: String,
    pub experience: String,
    pub training: String,
    pub examples: String,
}

/// A related occupation.
#[derive(Serialize, ToSchema)]
#[schema(as = RelatedOccupation)]
pub struct RelatedJson {
    pub code: String,
    pub title: String,
    /// O*NET's relatedness tier.
    pub tier: String,
}

/// One occupation with what its page shows.
#[derive(Serialize, ToSchema)]
#[schema(as = OccupationDetail)]
pub struct DetailJson {
    #[serde(flatten)]
    pub occupation: OccupationJson,
    pub description: String,
    pub job_zone_detail: Option<JobZoneJson>,
    /// Up to 12 other titles it goes by.
    pub alternate_titles: Vec<String>,
    pub related: Vec<RelatedJson>,
    pub attribution: &'static str,
}

/// An occupation.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct OccupationPath {
    /// The O*NET-SOC code (e.g. `29-1141.00`).
    code: String,
}

/// One occupation: description, interests, preparation, other titles,
/// related occupations.
#[utoipa::path(
    get,
    path = "/api/v1/occupations/{code}",
    operation_id = "getOccupation",
    summary = "One occupation (O*NET): description, interest ratings, job zone, clusters, other titles, related occupations (404: no such code)",
    params(OccupationPath),
    responses((status = 200, description = "OK", body = DetailJson))
)]
pub async fn occupation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
) -> Result<Json<DetailJson>, AppError> {
    ctx.session().map_err(|_| AppError::Unauthenticated)?;
    let p = occupations::page(&state, &code).await?;
    let description = p.occupation.description.clone();
    Ok(Json(DetailJson {
        occupation: p.occupation.into(),
        description,
        job_zone_detail: p.job_zone.map(|z| JobZoneJson {
            zone: z.zone,
            name: z.name,
            education: z.education,
            experience: z.experience,
            training: z.training,
            examples: z.examples,
        }),
        alternate_titles: p.alternate_titles,
        related: p
            .related
            .into_iter()
            .map(|(code, title, tier)| RelatedJson { code, title, tier })
            .collect(),
        attribution: ATTRIBUTION,
    }))
}

/// One item of the interest inventory.
#[derive(Serialize, ToSchema)]
#[schema(as = InventoryItem)]
pub struct ItemJson {
    /// 0–59: the `item` to answer with.
    pub item: usize,
    /// The RIASEC area it counts toward.
    #[schema(schema_with = super::areas)]
    pub area: &'static str,
    pub en: &'static str,
    pub es: &'static str,
}

/// The inventory's items and answer scale.
#[derive(Serialize, ToSchema)]
#[schema(as = InventoryItems)]
pub struct ItemsJson {
    pub items: Vec<ItemJson>,
    /// The answers, 0 (strongly dislike) to 4 (strongly like).
    pub scale: Vec<ScalePoint>,
}

#[derive(Serialize, ToSchema)]
pub struct ScalePoint {
    pub value: u8,
    pub en: String,
    pub es: String,
}

#[utoipa::path(
    get,
    path = "/api/v1/career/inventory/items",
    operation_id = "listInventoryItems",
    summary = "The interest inventory's 60 items (ssp's own wording, English and Spanish) and its five-point answer scale",
    responses((status = 200, description = "OK", body = ItemsJson))
)]
pub async fn inventory_items(ctx: Ctx) -> Result<Json<ItemsJson>, AppError> {
    ctx.session().map_err(|_| AppError::Unauthenticated)?;
    use ssp_domain::Language;
    Ok(Json(ItemsJson {
        items: ssp_domain::career::items::ITEMS
            .iter()
            .enumerate()
            .map(|(item, i)| ItemJson {
                item,
                area: i.area.key(),
                en: i.en,
                es: i.es,
            })
            .collect(),
        scale: (0..=ssp_domain::career::inventory::MAX_ANSWER)
            .map(|value| ScalePoint {
                value,
                en: crate::i18n::t(Language::En, &format!("inventory-answer-{value}")),
                es: crate::i18n::t(Language::Es, &format!("inventory-answer-{value}")),
            })
            .collect(),
    }))
}
