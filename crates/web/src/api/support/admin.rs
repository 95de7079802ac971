//! JSON handlers for a district administrator's support settings that are
//! not a student's: the fairness audit (flag rates by sex and by
//! race/ethnicity, groups under 10 students suppressed; aggregates only,
//! audited) and the district's strategy library (the shipped defaults and
//! the district's own: add, retire, offer again). The same use cases as
//! `/admin/support/fairness` and `/admin/strategies`.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_app::support::{fairness, interventions};
use ssp_domain::support::fairness::{Cell, Suppression};
use ssp_domain::support::flag::FlagKind;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::openapi::{ErrorJson, RejectedJson};
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_fairness))
        .routes(routes!(list_strategies, add_strategy))
        .routes(routes!(put_strategy))
}

/// One group's (or the total's) line: the numbers, or why they are hidden.
#[derive(Serialize, ToSchema)]
#[schema(as = FairnessCell)]
pub struct CellJson {
    /// Absent when suppressed.
    pub students: Option<u32>,
    pub flagged: Option<u32>,
    /// Share flagged, one decimal, e.g. `"12.5"`.
    pub percent: Option<String>,
    /// `small_group` (under 10 students) or `complementary` (hidden so a
    /// small group cannot be worked out); absent when shown.
    pub suppressed: Option<&'static str>,
}

impl From<Cell> for CellJson {
    fn from(c: Cell) -> Self {
        match c {
            Cell::Shown(r) => CellJson {
                students: Some(r.students),
                flagged: Some(r.flagged),
                percent: Some(r.percent.to_string()),
                suppressed: None,
            },
            Cell::Suppressed(why) => CellJson {
                students: None,
                flagged: None,
                percent: None,
                suppressed: Some(match why {
                    Suppression::SmallGroup => "small_group",
                    Suppression::Complementary => "complementary",
                }),
            },
        }
    }
}

#[derive(Serialize, ToSchema)]
#[schema(as = FairnessGroup)]
pub struct GroupJson {
    /// The roster's code: `F`, `M`, `X`, `not_reported` for sex; a federal
    /// race/ethnicity category, `two_or_more` or `not_reported`.
    pub group: String,
    #[serde(flatten)]
    pub cell: CellJson,
}

#[derive(Serialize, ToSchema)]
#[schema(as = FairnessDimension)]
pub struct DimensionJson {
    /// `sex` or `race_ethnicity`.
    pub dimension: String,
    pub groups: Vec<GroupJson>,
    pub total: CellJson,
}

#[derive(Serialize, ToSchema)]
#[schema(as = FairnessReport)]
pub struct FairnessJson {
    /// The flag kind counted, or `any`.
    pub kind: &'static str,
    pub dimensions: Vec<DimensionJson>,
}

#[derive(Deserialize, Default, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct FairnessQuery {
    /// A flag kind (`chronic_absence`, `suspension`, `course_failure`,
    /// `low_gpa`, `grade9_off_track`); blank: any active flag.
    pub kind: String,
}

#[utoipa::path(
    get,
    path = "/api/v1/admin/support/fairness",
    operation_id = "getFairnessAudit",
    summary = "Flag rates by sex and by race/ethnicity (district administrators; audited)",
    params(FairnessQuery),
    responses(
        (status = 200, description = "OK", body = FairnessJson),
        (status = 404, description = "Not a district administrator.", body = ErrorJson),
        (status = 400, description = "bad_request: kind is not a flag kind.", body = ErrorJson),
    )
)]
pub async fn get_fairness(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<FairnessQuery>,
) -> Result<Response, AppError> {
    ctx.api_district_admin()?;
    let actor = ctx.actor()?;
    let kind = match q.kind.trim() {
        "" | "any" => None,
        k => Some(FlagKind::parse(k).map_err(|_| AppError::BadRequest("bad_request"))?),
    };
    let dimensions = fairness::report(&state, &actor, kind).await?;
    Ok(Json(FairnessJson {
        kind: kind.map_or("any", |k| k.key()),
        dimensions: dimensions
            .into_iter()
            .map(|d| DimensionJson {
                dimension: d.dimension,
                groups: d
                    .groups
                    .into_iter()
                    .map(|g| GroupJson {
                        group: g.label,
                        cell: g.cell.into(),
                    })
                    .collect(),
                total: d.total.into(),
            })
            .collect(),
    })
    .into_response())
}

/// A strategy of the library.
#[derive(Serialize, ToSchema)]
#[schema(as = SupportStrategy)]
pub struct StrategyJson {
    pub key: String,
    /// `tier_1`, `tier_2` or `tier_3`.
    pub tier: &'static str,
    /// The district's name for its own strategy; absent for a shipped one
    /// (named by the translations).
    pub name: Option<String>,
    /// One of the district's own (not shipped).
    pub own: bool,
    /// Retired: kept on interventions that name it, not offered for new ones.
    pub retired: bool,
}

#[utoipa::path(
    get,
    path = "/api/v1/admin/support/strategies",
    operation_id = "listSupportStrategies",
    summary = "The district's strategy library: the shipped defaults, then its own",
    responses(
        (status = 200, description = "OK", body = [StrategyJson]),
        (status = 404, description = "Not a district administrator.", body = ErrorJson),
    )
)]
pub async fn list_strategies(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let district = ctx.api_district_admin()?.district_id;
    let mut out: Vec<StrategyJson> = ssp_domain::support::strategy::default_library()
        .into_iter()
        .map(|s| StrategyJson {
            key: s.key.as_str().to_owned(),
            tier: s.tier.key(),
            name: None,
            own: false,
            retired: false,
        })
        .collect();
    out.extend(
        interventions::own_strategies(&state, district)
            .await?
            .into_iter()
            .map(|o| StrategyJson {
                key: o.strategy.key.as_str().to_owned(),
                tier: o.strategy.tier.key(),
                name: o.strategy.name,
                own: true,
                retired: o.retired,
            }),
    );
    Ok(Json(out).into_response())
}

/// A strategy of the district's own.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = SupportStrategyInput)]
pub struct StrategyBody {
    /// snake_case, not already in the library.
    #[schema(required = true, max_length = 60)]
    pub key: String,
    #[schema(required = true, max_length = 200)]
    pub name: String,
    /// `tier_1`, `tier_2` or `tier_3`.
    #[schema(required = true)]
    pub tier: String,
}

/// The key the strategy was stored under.
#[derive(Serialize, ToSchema)]
#[schema(as = SupportStrategyCreated)]
pub struct StrategyCreated {
    pub key: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/admin/support/strategies",
    operation_id = "addSupportStrategy",
    summary = "A district administrator adds a strategy of the district's own",
    request_body = StrategyBody,
    responses(
        (status = 201, description = "Added.", body = StrategyCreated),
        (status = 404, description = "Not a district administrator.", body = ErrorJson),
        (status = 422, description = "invalid_strategy: key (required, invalid_strategy_key, duplicate), name (required, too_long), tier (required, unknown_choice).", body = RejectedJson),
    )
)]
pub async fn add_strategy(
    State(state): State<AppState>,
    ctx: Ctx,
    Json(b): Json<StrategyBody>,
) -> Result<Response, AppError> {
    ctx.api_district_admin()?;
    let actor = ctx.actor()?;
    let key = interventions::add_strategy(&state, &actor, &b.key, &b.name, &b.tier).await?;
    Ok((
        StatusCode::CREATED,
        Json(StrategyCreated {
            key: key.as_str().to_owned(),
        }),
    )
        .into_response())
}

/// Retire a strategy of the district's own, or offer it again.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = SupportStrategyChange)]
pub struct StrategyChange {
    #[schema(required = true)]
    pub retired: bool,
}

#[utoipa::path(
    put,
    path = "/api/v1/admin/support/strategies/{key}",
    operation_id = "putSupportStrategy",
    summary = "A district administrator retires one of the district's strategies or offers it again",
    params(("key" = String, Path, description = "The strategy's key")),
    request_body = StrategyChange,
    responses(
        (status = 204, description = "Saved."),
        (status = 404, description = "Not a district administrator, or not one of the district's own strategies.", body = ErrorJson),
    )
)]
pub async fn put_strategy(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<String>,
    Json(b): Json<StrategyChange>,
) -> Result<Response, AppError> {
    ctx.api_district_admin()?;
    let actor = ctx.actor()?;
    interventions::set_strategy_retired(&state, &actor, &key, b.retired).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
