//! JSON handlers for career development: the student's career record (the
//! interest inventory by school year, work values and strengths, "my career
//! list", the exploration log) and its writes, "careers that fit my
//! interests" (`mod.rs`), the postsecondary plan (`postsecondary.rs`), and
//! occupation search and pages, which are reference data (`occupations.rs`).
//! Each handler parses its body into the domain's input type and calls the
//! same use case in `ssp_app::career` as the page; the use case asks the
//! access module.

pub mod occupations;
pub mod pathways;
pub mod postsecondary;

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_app::career::inventory::{self, InventoryYear};
use ssp_app::career::occupations::{self as occupation_cases};
use ssp_app::career::onet::ATTRIBUTION;
use ssp_app::career::ratings::{self, Which};
use ssp_app::career::saved;
use ssp_domain::career::input::{NewExploration, SavedCareerNote};
use ssp_domain::career::inventory::{Scores, ITEM_COUNT};
use ssp_domain::career::postsecondary::ExplorationKind;
use ssp_domain::career::self_ratings::{ranked_values, top_strengths, Ratings};
use ssp_domain::career::values::{WorkValue, STRENGTHS, VALUE_ITEMS};
use ssp_domain::career::Area;
use ssp_domain::input::Rejected;
use time::{Date, OffsetDateTime};
use utoipa::openapi::schema::Schema;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::api::openapi::{one_of, ErrorJson, RejectedJson, StudentPath};
use crate::api::plan::actions::student as access_of;
use crate::api::plan::CreatedJson;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;

pub(crate) fn areas() -> Schema {
    one_of(Area::ALL.map(Area::key))
}
fn work_values() -> Schema {
    one_of(WorkValue::ALL.map(WorkValue::key))
}
fn strengths() -> Schema {
    one_of(STRENGTHS)
}
fn exploration_kinds() -> Schema {
    one_of(ExplorationKind::ALL.map(ExplorationKind::key))
}
/// An array of `items` (for `schema_with`).
pub(crate) fn array_of(items: Schema) -> Schema {
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(utoipa::openapi::RefOr::T(items))
        .into()
}
fn match_states() -> Schema {
    one_of(["not_taken", "flat", "ranked"])
}

/// The six interest-area scores of a completed inventory (0–40 each).
#[derive(Serialize, ToSchema)]
#[schema(as = InterestScores)]
pub struct ScoresJson {
    pub realistic: u8,
    pub investigative: u8,
    pub artistic: u8,
    pub social: u8,
    pub enterprising: u8,
    pub conventional: u8,
}

impl From<Scores> for ScoresJson {
    fn from(s: Scores) -> Self {
        ScoresJson {
            realistic: s.of(Area::Realistic),
            investigative: s.of(Area::Investigative),
            artistic: s.of(Area::Artistic),
            social: s.of(Area::Social),
            enterprising: s.of(Area::Enterprising),
            conventional: s.of(Area::Conventional),
        }
    }
}

/// One school year's interest inventory. Scores and the interest code are
/// given only once it is complete: a half-finished inventory is never
/// scored.
#[derive(Serialize, ToSchema)]
#[schema(as = InventoryYear)]
pub struct InventoryYearJson {
    /// The calendar year the school year ends in (2027 for 2026–27).
    pub school_year: i32,
    /// Items answered, of `item_count`.
    pub answered: usize,
    pub item_count: usize,
    /// The first unanswered item (0–59), where answering continues; None when complete.
    pub next_item: Option<usize>,
    #[serde(with = "time::serde::rfc3339")]
    pub started_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub completed_at: Option<OffsetDateTime>,
    pub scores: Option<ScoresJson>,
    /// The top three areas' letters (e.g. `SIA`); areas that scored 0 are left out.
    pub interest_code: Option<String>,
    /// The interest code's areas, highest first.
    #[schema(schema_with = area_list)]
    pub interest_areas: Option<Vec<&'static str>>,
}

fn area_list() -> Schema {
    array_of(areas())
}

impl From<&InventoryYear> for InventoryYearJson {
    fn from(y: &InventoryYear) -> Self {
        let complete = y.completed_at.is_some();
        let scores = y.scores();
        InventoryYearJson {
            school_year: y.school_year.0,
            answered: y.answers.answered(),
            item_count: ITEM_COUNT,
            next_item: y.answers.next_unanswered(),
            started_at: y.started_at,
            completed_at: y.completed_at,
            scores: complete.then(|| scores.into()),
            interest_code: complete.then(|| scores.code_letters()),
            interest_areas: complete.then(|| scores.code().into_iter().map(Area::key).collect()),
        }
    }
}

/// A work value and its score (the sum of its statements' answers, 3–12
/// when all are answered).
#[derive(Serialize, ToSchema)]
#[schema(as = WorkValueScore)]
pub struct ValueScoreJson {
    #[schema(schema_with = work_values)]
    pub value: &'static str,
    pub score: u8,
}

/// A strength the student rated 3 or 4.
#[derive(Serialize, ToSchema)]
#[schema(as = StrengthRating)]
pub struct StrengthJson {
    #[schema(schema_with = strengths)]
    pub strength: &'static str,
    pub rating: u8,
}

/// The work-values inventory and the strengths self-rating as answered.
#[derive(Serialize, ToSchema)]
#[schema(as = SelfRatings)]
pub struct SelfRatingsJson {
    /// One answer (1–4) per work-value statement, in order; null: not answered.
    pub work_values: Vec<Option<u8>>,
    /// The work values from most to least important (unanswered values left out).
    pub ranked_values: Vec<ValueScoreJson>,
    /// One answer (1–4) per strength, in the order of `strength_keys`; null: not answered.
    pub strengths: Vec<Option<u8>>,
    #[schema(schema_with = strength_list)]
    pub strength_keys: Vec<&'static str>,
    /// The strengths rated 4 or 3, best first.
    pub top_strengths: Vec<StrengthJson>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub updated_at: Option<OffsetDateTime>,
}

fn strength_list() -> Schema {
    array_of(strengths())
}

fn answers(r: &Ratings) -> Vec<Option<u8>> {
    (0..r.len()).map(|i| r.get(i)).collect()
}

/// An occupation on the student's career list.
#[derive(Serialize, ToSchema)]
#[schema(as = SavedCareer)]
pub struct SavedCareerJson {
    /// The O*NET-SOC code.
    pub code: String,
    /// None when the occupation is no longer in the loaded O*NET release.
    pub title: Option<String>,
    /// Why the student saved it.
    pub note: String,
    #[serde(with = "time::serde::rfc3339")]
    pub saved_at: OffsetDateTime,
}

/// A logged career exploration activity.
#[derive(Serialize, ToSchema)]
#[schema(as = Exploration)]
pub struct ExplorationJson {
    pub id: Uuid,
    #[schema(schema_with = exploration_kinds)]
    pub kind: String,
    pub occurred_on: Date,
    pub title: String,
    /// The occupation it was about, if any.
    pub code: Option<String>,
    pub reflection: String,
    /// The career goal it is evidence for, if any.
    pub goal_id: Option<Uuid>,
    pub goal_statement: Option<String>,
}

/// The student's career record.
#[derive(Serialize, ToSchema)]
#[schema(as = Career)]
pub struct CareerJson {
    /// Every school year's inventory, the latest first.
    pub inventories: Vec<InventoryYearJson>,
    pub self_ratings: SelfRatingsJson,
    /// "My career list", as saved.
    pub saved: Vec<SavedCareerJson>,
    /// The exploration log.
    pub explorations: Vec<ExplorationJson>,
}

/// The student's career record: inventories, values and strengths, career
/// list, explorations.
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/career",
    operation_id = "getCareer",
    summary = "The student's career record: interest inventories by school year (scored only once complete), work values and strengths, career list, exploration log",
    params(StudentPath),
    responses((status = 200, description = "OK", body = CareerJson))
)]
pub async fn career(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<CareerJson>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let history = inventory::history(&state, &access).await?;
    let r = ratings::show(&state, &access).await?;
    let saved_rows = saved::list(&state, &access).await?;
    let explorations = saved::explorations(&state, &access).await?;
    Ok(Json(CareerJson {
        inventories: history.iter().map(InventoryYearJson::from).collect(),
        self_ratings: SelfRatingsJson {
            work_values: answers(&r.work_values),
            ranked_values: ranked_values(&r.work_values)
                .into_iter()
                .map(|(v, score)| ValueScoreJson { value: v.key(), score })
                .collect(),
            strengths: answers(&r.strengths),
            strength_keys: STRENGTHS.to_vec(),
            top_strengths: top_strengths(&r.strengths)
                .into_iter()
                .map(|(strength, rating)| StrengthJson { strength, rating })
                .collect(),
            updated_at: r.updated_at,
        },
        saved: saved_rows
            .into_iter()
            .map(|s| SavedCareerJson {
                code: s.code,
                title: s.title,
                note: s.note,
                saved_at: s.saved_at,
            })
            .collect(),
        explorations: explorations
            .into_iter()
            .map(|e| ExplorationJson {
                id: e.id,
                kind: e.kind,
                occurred_on: e.occurred_on,
                title: e.title,
                code: e.code,
                reflection: e.reflection,
                goal_id: e.goal_id,
                goal_statement: e.goal_statement,
            })
            .collect(),
    }))
}

/// One answer of the interest inventory.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = InventoryAnswerInput)]
pub struct AnswerBody {
    /// The item, 0–59.
    #[schema(required = true, minimum = 0, maximum = 59)]
    pub item: Option<i64>,
    /// 0 strongly dislike … 4 strongly like.
    #[schema(required = true, minimum = 0, maximum = 4)]
    pub answer: Option<i64>,
}

/// Where this school year's inventory stands after an answer.
#[derive(Serialize, ToSchema)]
#[schema(as = InventoryProgress)]
pub struct ProgressJson {
    pub answered: usize,
    pub item_count: usize,
    /// True once every item is answered (the inventory is then scored).
    pub complete: bool,
    /// The first unanswered item, or None when complete.
    pub next_item: Option<usize>,
}

fn raw(n: Option<i64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// The student answers one item of this school year's inventory (saved as
/// they go; the answer that completes it scores it and marks the grade's
/// inventory activity done).
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/career/inventory/answers",
    operation_id = "answerInventoryItem",
    summary = "The student answers one item of this school year's interest inventory (the last answer completes and scores it)",
    params(StudentPath),
    request_body = AnswerBody,
    responses(
        (status = 200, description = "Saved.", body = ProgressJson),
        (status = 403, description = "inventory_by_student_only: only the student answers.", body = ErrorJson),
        (status = 422, description = "invalid_answer: item outside 0–59 or answer outside 0–4 (or missing).", body = ErrorJson),
    )
)]
pub async fn answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(body): Json<AnswerBody>,
) -> Result<Json<ProgressJson>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let a = inventory::answer(&state, &access, &raw(body.item), &raw(body.answer)).await?;
    Ok(Json(ProgressJson {
        answered: a.answered(),
        item_count: ITEM_COUNT,
        complete: a.is_complete(),
        next_item: a.next_unanswered(),
    }))
}

/// Answers on a 1–4 scale, one per statement or strength.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = RatingsInput)]
pub struct RatingsBody {
    /// One per position (18 work-value statements, or 12 strengths in the
    /// order of `strength_keys`); each 1–4, or null for not answered.
    #[schema(required = true)]
    pub ratings: Vec<Option<i64>>,
}

impl RatingsBody {
    fn parse(&self, n: usize) -> Result<Ratings, Rejected> {
        let raw: Vec<String> = self.ratings.iter().map(|r| raw(*r)).collect();
        let refs: Vec<&str> = raw.iter().map(String::as_str).collect();
        Ratings::parse(&refs, n)
    }
}

/// The student saves their work values (18 statements, each 1–4 or null).
#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/career/values",
    operation_id = "saveWorkValues",
    summary = "The student saves their work values: 18 answers, each 1–4 or null",
    params(StudentPath),
    request_body = RatingsBody,
    responses(
        (status = 204, description = "Saved."),
        (status = 403, description = "ratings_by_student_only: only the student rates.", body = ErrorJson),
        (status = 422, description = "invalid_ratings: ratings (unknown_choice: not 18 answers, or one outside 1–4).", body = RejectedJson),
    )
)]
pub async fn save_values(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(body): Json<RatingsBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let input = body.parse(VALUE_ITEMS.len());
    ratings::save(&state, &access, Which::WorkValues, input).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The student saves their strengths (12, each 1–4 or null).
#[utoipa::path(
    put,
    path = "/api/v1/students/{id}/career/strengths",
    operation_id = "saveStrengths",
    summary = "The student saves their strengths: 12 answers in the order of strength_keys, each 1–4 or null",
    params(StudentPath),
    request_body = RatingsBody,
    responses(
        (status = 204, description = "Saved."),
        (status = 403, description = "ratings_by_student_only: only the student rates.", body = ErrorJson),
        (status = 422, description = "invalid_ratings: ratings (unknown_choice: not 12 answers, or one outside 1–4).", body = RejectedJson),
    )
)]
pub async fn save_strengths(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(body): Json<RatingsBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let input = body.parse(STRENGTHS.len());
    ratings::save(&state, &access, Which::Strengths, input).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The job zones to rank within.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // documents the raw query the handler reads
pub struct MatchesQuery {
    /// A job zone (1–5), repeatable (`zone=2&zone=3`); none: every zone.
    /// Occupations without a job zone are always kept.
    zone: Option<Vec<i32>>,
}

/// An occupation as a list shows it.
#[derive(Serialize, ToSchema)]
#[schema(as = OccupationBrief)]
pub struct OccupationBriefJson {
    pub code: String,
    pub title: String,
    /// O*NET job zone 1–5 (preparation needed); None when O*NET has none.
    pub job_zone: Option<i32>,
}

/// One ranked occupation and why it matched.
#[derive(Serialize, ToSchema)]
#[schema(as = CareerMatch)]
pub struct MatchJson {
    pub code: String,
    pub title: String,
    pub job_zone: Option<i32>,
    /// 0–100: how closely the student's scores fit the occupation's interest ratings.
    pub fit: u8,
    /// The student's top areas that are also among the occupation's top three.
    #[schema(schema_with = area_list)]
    pub shared_areas: Vec<&'static str>,
    /// The occupation's top three areas.
    #[schema(schema_with = area_list)]
    pub occupation_areas: Vec<&'static str>,
}

/// "Careers that fit my interests".
#[derive(Serialize, ToSchema)]
#[schema(as = CareerMatches)]
pub struct MatchesJson {
    /// not_taken: no completed inventory yet; flat: every score equal, nothing to rank on; ranked.
    #[schema(schema_with = match_states)]
    pub state: &'static str,
    /// The school year of the completed inventory the matches come from.
    pub school_year: Option<i32>,
    pub interest_code: Option<String>,
    /// Best fit first.
    pub matches: Vec<MatchJson>,
    /// Occupations in the chosen zones without interest ratings: listed, never dropped.
    pub unscored: Vec<OccupationBriefJson>,
    /// The O*NET attribution the data is shown under.
    pub attribution: &'static str,
}

fn keys(areas: &[Area]) -> Vec<&'static str> {
    areas.iter().map(|a| a.key()).collect()
}

/// Occupations ranked by fit with the student's latest completed inventory,
/// within the chosen job zones.
#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/career/matches",
    operation_id = "getCareerMatches",
    summary = "Careers that fit the student's interests: occupations ranked by fit with the latest completed inventory, within the chosen job zones; occupations without interest data listed apart",
    params(StudentPath, MatchesQuery),
    responses(
        (status = 200, description = "OK", body = MatchesJson),
        (status = 422, description = "invalid_matches: zone (unknown_choice: not 1–5).", body = RejectedJson),
    )
)]
pub async fn matches(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Json<MatchesJson>, AppError> {
    let mut zones: Vec<i32> = Vec::new();
    for (k, v) in url::form_urlencoded::parse(query.as_deref().unwrap_or("").as_bytes()) {
        if k != "zone" {
            continue;
        }
        match v.trim().parse::<i32>() {
            Ok(z @ 1..=5) if !zones.contains(&z) => zones.push(z),
            Ok(1..=5) => {}
            _ => {
                return Err(AppError::Rejected(Rejected::one(
                    "invalid_matches",
                    "zone",
                    "unknown_choice",
                )))
            }
        }
    }
    zones.sort();
    let access = access_of(&state, &ctx, &id).await?;
    let m = occupation_cases::matches(&state, &access, &zones).await?;
    let state_code = match (&m.inventory, &m.ranked) {
        (None, _) => "not_taken",
        (Some(_), None) => "flat",
        (Some(_), Some(_)) => "ranked",
    };
    Ok(Json(MatchesJson {
        state: state_code,
        school_year: m.inventory.as_ref().map(|y| y.school_year.0),
        interest_code: m.inventory.as_ref().map(|y| y.scores().code_letters()),
        matches: m
            .ranked
            .unwrap_or_default()
            .into_iter()
            .map(|(mt, o)| MatchJson {
                code: o.code,
                title: o.title,
                job_zone: o.job_zone,
                fit: mt.fit,
                shared_areas: keys(&mt.shared),
                occupation_areas: keys(&mt.occupation_top),
            })
            .collect(),
        unscored: m
            .unscored
            .into_iter()
            .map(|o| OccupationBriefJson {
                code: o.code,
                title: o.title,
                job_zone: o.job_zone,
            })
            .collect(),
        attribution: ATTRIBUTION,
    }))
}

/// An occupation to put on the career list.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = SavedCareerInput)]
pub struct SaveBody {
    /// An O*NET-SOC code of the loaded release (e.g. `29-1141.00`).
    #[schema(required = true)]
    pub code: String,
    /// Why (0–500 characters).
    pub note: String,
}

/// The student saves an occupation to their career list (saving it again
/// replaces the note).
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/career/saved",
    operation_id = "saveCareer",
    summary = "The student saves an occupation to their career list (again: the note is replaced)",
    params(StudentPath),
    request_body = SaveBody,
    responses(
        (status = 201, description = "Saved.", body = CreatedJson),
        (status = 400, description = "invalid_reference: no occupation has that code.", body = ErrorJson),
        (status = 403, description = "career_list_by_student_only: only the student changes the list.", body = ErrorJson),
        (status = 422, description = "invalid_saved_career: note (too_long).", body = RejectedJson),
    )
)]
pub async fn save_career(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(body): Json<SaveBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let id = saved::save(&state, &access, &body.code, SavedCareerNote::parse(&body.note)).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response())
}

/// An occupation on the student's career list.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct SavedCareerPath {
    /// The student's id (UUID).
    id: Uuid,
    /// The occupation's O*NET-SOC code.
    code: String,
}

/// The student takes an occupation off their career list.
#[utoipa::path(
    delete,
    path = "/api/v1/students/{id}/career/saved/{code}",
    operation_id = "removeSavedCareer",
    summary = "The student takes an occupation off their career list (404: not on it)",
    params(SavedCareerPath),
    responses(
        (status = 204, description = "Removed."),
        (status = 403, description = "career_list_by_student_only: only the student changes the list.", body = ErrorJson),
    )
)]
pub async fn remove_saved(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, code)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    saved::remove(&state, &access, &code).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A career exploration activity with the student's reflection.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = ExplorationInput)]
pub struct ExplorationBody {
    #[schema(required = true, schema_with = exploration_kinds)]
    pub kind: String,
    /// Not after today.
    #[schema(required = true, format = Date)]
    pub occurred_on: String,
    /// 1–200 characters.
    #[schema(required = true)]
    pub title: String,
    /// 1–2000 characters.
    #[schema(required = true)]
    pub reflection: String,
    /// The occupation it was about (an O*NET-SOC code), if any.
    pub code: Option<String>,
    /// One of the student's career goals it is evidence for, if any.
    #[schema(format = Uuid)]
    pub goal_id: Option<String>,
}

/// The student logs an exploration activity with a reflection.
#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/career/explorations",
    operation_id = "logExploration",
    summary = "The student logs a career exploration activity with a reflection, optionally about an occupation and as evidence for a career goal",
    params(StudentPath),
    request_body = ExplorationBody,
    responses(
        (status = 201, description = "Logged.", body = CreatedJson),
        (status = 400, description = "invalid_reference: no occupation has that code, or the goal is not the student's.", body = ErrorJson),
        (status = 403, description = "exploration_by_student_only: only the student logs explorations.", body = ErrorJson),
        (status = 422, description = "invalid_exploration: kind (required, unknown_choice), occurred_on (required, invalid_date, in_future), title and reflection (required, too_long). Or evidence_not_a_career_goal (an Error): the goal is not in the career domain.", body = RejectedJson),
    )
)]
pub async fn log_exploration(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<ExplorationBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let input = NewExploration::parse(&b.kind, &b.occurred_on, &b.title, &b.reflection, state.now().date());
    let id = saved::log_exploration(&state, &access, input, b.code.as_deref(), b.goal_id.as_deref()).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id })).into_response())
}
