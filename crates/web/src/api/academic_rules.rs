//! JSON handlers for the district's academic set-up: the course catalog
//! (everyone signed in reads it; district administrators change a course
//! or load a CSV file), transcript files, and the district's graduation
//! rules — requirement sets, grade scale and plan credit limit (district
//! administrators; others get 404). The same use cases as `/admin/catalog`
//! and `/admin/graduation`; every change is audited and recomputes the
//! district's academic standings in the background.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_app::academics::catalog::{self, LoadReport, Loader};
use ssp_app::academics::rules::{self, CategoryInput, MarkInput, SetInput, SettingsInput};
use ssp_app::academics::{standing, transcript};
use ssp_domain::academics::course::{CatalogCourse, CatalogCourseRaw};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::api::plan::CreatedJson;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;

fn district_of(ctx: &Ctx) -> Result<ssp_domain::OrgId, AppError> {
    Ok(ctx.session().map_err(|_| AppError::Unauthenticated)?.district_id)
}

/// A catalog course; credits as decimals (`0.5`), lists as arrays.
#[derive(Serialize, ToSchema)]
#[schema(as = CatalogCourse)]
pub struct CourseJson {
    pub code: String,
    pub title: String,
    pub credits: String,
    /// `year`, `semester`, `quarter`.
    pub term_length: &'static str,
    /// The requirement category: `humanities`, `stem`, `pe_wellness`, `health_safety`, `world_language`, `mastery_assessment`, `elective`.
    pub subject_area: &'static str,
    pub tags: Vec<String>,
    pub sced: Option<String>,
    /// `standard`, `honors`, `ap`, `ib`, `dual_credit`, `cte`, `early_college`.
    pub rigor: &'static str,
    pub grade_min: u8,
    pub grade_max: u8,
    pub prerequisites: Vec<String>,
    /// Ids of the district's career pathways.
    pub pathways: Vec<String>,
    pub core: bool,
    pub repeatable: bool,
}

fn course_json(c: &CatalogCourse) -> CourseJson {
    CourseJson {
        code: c.code.as_str().to_owned(),
        title: c.title.clone(),
        credits: c.credits.to_string(),
        term_length: c.term_length.key(),
        subject_area: c.subject_area.key(),
        tags: c.tags.iter().map(|t| t.as_str().to_owned()).collect(),
        sced: c.sced.as_ref().map(|s| s.as_str().to_owned()),
        rigor: c.rigor.key(),
        grade_min: c.grades.0,
        grade_max: c.grades.1,
        prerequisites: c.prerequisites.iter().map(|p| p.as_str().to_owned()).collect(),
        pathways: c.pathways.iter().map(|p| p.to_string()).collect(),
        core: c.core,
        repeatable: c.repeatable,
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/catalog",
    operation_id = "listCatalog",
    summary = "The district's course catalog, in code order (everyone signed in)",
    responses((status = 200, description = "OK", body = Vec<CourseJson>))
)]
pub async fn list_catalog(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Vec<CourseJson>>, AppError> {
    let district = district_of(&ctx)?;
    Ok(Json(
        catalog::list(&state, district).await?.iter().map(course_json).collect(),
    ))
}

/// One course as typed (the catalog file's fields; the code is the path's).
#[derive(Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = CatalogCourseInput)]
pub struct CourseBody {
    #[schema(required = true)]
    pub title: String,
    #[schema(required = true)]
    pub credits: String,
    #[schema(required = true)]
    pub term_length: String,
    #[schema(required = true)]
    pub subject_area: String,
    /// Separated by commas.
    pub tags: String,
    pub sced: String,
    pub rigor: String,
    #[schema(required = true)]
    pub grade_min: String,
    #[schema(required = true)]
    pub grade_max: String,
    /// Course codes, separated by commas.
    pub prerequisites: String,
    /// Pathway ids, separated by commas.
    pub pathways: String,
    /// `true` / `false`.
    pub core: String,
    pub repeatable: String,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct CoursePath {
    /// The course code.
    code: String,
}

#[utoipa::path(
    put,
    path = "/api/v1/catalog/courses/{code}",
    operation_id = "saveCatalogCourse",
    summary = "A district administrator adds or changes one course (others: 404)",
    params(CoursePath),
    request_body = CourseBody,
    responses(
        (status = 204, description = "Saved."),
        (status = 422, description = "invalid_course: a field per problem (code, title, credits, term_length, subject_area, tags, sced, rigor, grade_min, grade_max, prerequisites, pathways, core, repeatable).", body = crate::api::openapi::RejectedJson),
    )
)]
pub async fn save_course(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
    Json(b): Json<CourseBody>,
) -> Result<Response, AppError> {
    ctx.api_district_admin()?;
    let raw = CatalogCourseRaw {
        code: &code,
        title: &b.title,
        credits: &b.credits,
        term_length: &b.term_length,
        subject_area: &b.subject_area,
        tags: &b.tags,
        sced: &b.sced,
        rigor: &b.rigor,
        grade_min: &b.grade_min,
        grade_max: &b.grade_max,
        prerequisites: &b.prerequisites,
        pathways: &b.pathways,
        core: &b.core,
        repeatable: &b.repeatable,
    };
    let by = Loader::from(&ctx.actor()?);
    catalog::save_one(&state, &by, CatalogCourse::parse(&raw)).await?;
    standing::refresh_district_in_background(&state, by.district);
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// One row problem of a loaded file.
#[derive(Serialize, ToSchema)]
#[schema(as = RowProblem)]
pub struct RowProblemJson {
    pub line: u64,
    /// The file's column, when one is at fault.
    pub column: Option<String>,
    pub code: String,
}

/// What a file load did: good rows written in one transaction, bad rows
/// listed and skipped.
#[derive(Serialize, ToSchema)]
#[schema(as = LoadReport)]
pub struct LoadJson {
    pub created: usize,
    /// Rows written that were new or changed.
    pub updated: usize,
    pub unchanged: usize,
    pub problems: Vec<RowProblemJson>,
}

/// A whole file refused: nothing changed.
#[derive(Serialize, ToSchema)]
#[schema(as = FileRefused)]
pub struct RefusedJson {
    /// `file_refused`.
    pub error: &'static str,
    /// Why, in English (the missing columns, the unreadable line).
    pub message: String,
}

fn load_answer(result: Result<LoadReport, ssp_app::academics::csv_file::FileRefusal>) -> Response {
    match result {
        Ok(r) => Json(LoadJson {
            created: r.created,
            updated: r.updated,
            unchanged: r.unchanged,
            problems: r
                .problems
                .into_iter()
                .map(|p| RowProblemJson {
                    line: p.line,
                    column: p.column,
                    code: p.code,
                })
                .collect(),
        })
        .into_response(),
        Err(refusal) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(RefusedJson {
                error: "file_refused",
                message: refusal.to_string(),
            }),
        )
            .into_response(),
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/catalog/loads",
    operation_id = "loadCatalog",
    summary = "A district administrator loads a catalog CSV file (columns in docs/ACADEMICS.md; up to 2 MB here, larger through `ssp import catalog`)",
    request_body(content = String, content_type = "text/csv"),
    responses(
        (status = 200, description = "Loaded; row problems listed and skipped.", body = LoadJson),
        (status = 422, description = "The file was refused (a required column missing, not CSV): nothing changed.", body = RefusedJson),
    )
)]
pub async fn load_catalog(State(state): State<AppState>, ctx: Ctx, body: String) -> Result<Response, AppError> {
    ctx.api_district_admin()?;
    let by = Loader::from(&ctx.actor()?);
    let result = catalog::load(&state, &by, body.as_bytes()).await?;
    if result.as_ref().is_ok_and(|r| r.created + r.updated > 0) {
        standing::refresh_district_in_background(&state, by.district);
    }
    Ok(load_answer(result))
}

#[utoipa::path(
    post,
    path = "/api/v1/transcripts/loads",
    operation_id = "loadTranscripts",
    summary = "A district administrator loads a transcript CSV file shaped like Ed-Fi's CourseTranscript (up to 2 MB here, larger through `ssp import transcripts`)",
    request_body(content = String, content_type = "text/csv"),
    responses(
        (status = 200, description = "Loaded; row problems listed and skipped.", body = LoadJson),
        (status = 422, description = "The file was refused: nothing changed.", body = RefusedJson),
    )
)]
pub async fn load_transcripts(State(state): State<AppState>, ctx: Ctx, body: String) -> Result<Response, AppError> {
    ctx.api_district_admin()?;
    let by = Loader::from(&ctx.actor()?);
    Ok(load_answer(transcript::load(&state, &by, body.as_bytes()).await?))
}

/// One category of a requirement set, as the page takes it.
#[derive(Serialize, Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = RequirementCategoryInput)]
pub struct CategoryJson {
    /// snake_case, unique in the set.
    #[schema(required = true)]
    pub key: String,
    #[schema(required = true)]
    pub name: String,
    #[schema(required = true)]
    pub min_credits: String,
    /// Subject areas separated by commas (with `tags` empty too: any course).
    pub areas: String,
    /// Course tags separated by commas.
    pub tags: String,
    /// For a sub-requirement: the primary categories it counts inside.
    pub counted_inside: String,
    /// `true` when a passed capstone meets it.
    pub met_by_capstone: String,
}

/// A requirement set as typed.
#[derive(Serialize, Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = RequirementSetInput)]
pub struct SetJson {
    #[schema(required = true)]
    pub name: String,
    /// The first graduating class it applies to (blank: no limit).
    pub first_class: String,
    pub last_class: String,
    #[schema(required = true)]
    pub total_credits: String,
    pub categories: Vec<CategoryJson>,
}

fn set_json(s: SetInput) -> SetJson {
    SetJson {
        name: s.name,
        first_class: s.first_class,
        last_class: s.last_class,
        total_credits: s.total_credits,
        categories: s
            .categories
            .into_iter()
            .map(|c| CategoryJson {
                key: c.key,
                name: c.name,
                min_credits: c.min_credits,
                areas: c.areas,
                tags: c.tags,
                counted_inside: c.counted_inside,
                met_by_capstone: c.met_by_capstone,
            })
            .collect(),
    }
}

/// One of the district's sets.
#[derive(Serialize, ToSchema)]
#[schema(as = DistrictRequirementSet)]
pub struct DistrictSetJson {
    pub id: Uuid,
    #[serde(flatten)]
    pub set: SetJson,
}

/// One mark of the grade scale.
#[derive(Serialize, Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = GradeMarkInput)]
pub struct MarkJson {
    #[schema(required = true)]
    pub mark: String,
    /// Blank for a mark outside the GPA.
    pub points: String,
    pub earns_credit: String,
    pub failing: String,
}

/// The grade scale and the plan limit.
#[derive(Serialize, Deserialize, Default, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = AcademicSettingsInput)]
pub struct SettingsJson {
    /// Empty: the default letter scale.
    pub marks: Vec<MarkJson>,
    pub weighted_max: String,
    #[schema(required = true)]
    pub year_credit_limit: String,
}

/// The district's graduation rules.
#[derive(Serialize, ToSchema)]
#[schema(as = GraduationRules)]
pub struct RulesJson {
    /// Tried in order; a class none covers uses Connecticut's rule.
    pub sets: Vec<DistrictSetJson>,
    pub default_scale: bool,
    pub settings: SettingsJson,
    /// Students whose standing is being recomputed: [done, total].
    pub refreshing: Option<[usize; 2]>,
}

#[utoipa::path(
    get,
    path = "/api/v1/graduation-rules",
    operation_id = "graduationRules",
    summary = "The district's requirement sets, grade scale and plan credit limit (district administrators; others: 404)",
    responses((status = 200, description = "OK", body = RulesJson))
)]
pub async fn show_rules(State(state): State<AppState>, ctx: Ctx) -> Result<Json<RulesJson>, AppError> {
    ctx.api_district_admin()?;
    let district = district_of(&ctx)?;
    let r = rules::of(&state, district).await?;
    let s = SettingsInput::of(&r);
    Ok(Json(RulesJson {
        sets: r
            .sets
            .iter()
            .map(|d| DistrictSetJson {
                id: d.id,
                set: set_json(SetInput::of(&d.set)),
            })
            .collect(),
        default_scale: r.default_scale,
        settings: SettingsJson {
            marks: s
                .marks
                .into_iter()
                .map(|m| MarkJson {
                    mark: m.mark,
                    points: m.points,
                    earns_credit: m.earns_credit,
                    failing: m.failing,
                })
                .collect(),
            weighted_max: s.weighted_max,
            year_credit_limit: s.year_credit_limit,
        },
        refreshing: standing::progress(&state, district).map(|p| [p.done, p.total]),
    }))
}

/// A refused set or scale: the fields, and rows (1-based) with theirs.
#[derive(Serialize, ToSchema)]
#[schema(as = RulesRejected)]
pub struct RulesRejectedJson {
    /// `invalid_requirement_set` or `invalid_grade_scale`.
    pub error: &'static str,
    pub message: String,
    pub fields: Vec<FieldCodeJson>,
    pub rows: Vec<RowCodeJson>,
    /// For `mark_in_use`: the marks on transcripts the scale leaves out.
    pub marks_in_use: Vec<String>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = FieldCode)]
pub struct FieldCodeJson {
    pub field: &'static str,
    pub code: &'static str,
}

#[derive(Serialize, ToSchema)]
#[schema(as = RowCode)]
pub struct RowCodeJson {
    pub row: usize,
    pub field: &'static str,
    pub code: &'static str,
}

fn rejected(
    ctx: &Ctx,
    error: &'static str,
    fields: &[ssp_domain::input::FieldError],
    rows: &[(usize, ssp_domain::input::FieldError)],
    marks_in_use: Vec<String>,
) -> Response {
    let body = RulesRejectedJson {
        error,
        message: crate::i18n::t(ctx.lang, &format!("error-{}", error.replace('_', "-"))),
        fields: fields
            .iter()
            .map(|f| FieldCodeJson {
                field: f.field,
                code: f.code,
            })
            .collect(),
        rows: rows
            .iter()
            .map(|(row, f)| RowCodeJson {
                row: *row,
                field: f.field,
                code: f.code,
            })
            .collect(),
        marks_in_use,
    };
    (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
}

fn set_input(b: SetJson) -> SetInput {
    SetInput {
        name: b.name,
        first_class: b.first_class,
        last_class: b.last_class,
        total_credits: b.total_credits,
        categories: b
            .categories
            .into_iter()
            .map(|c| CategoryInput {
                key: c.key,
                name: c.name,
                min_credits: c.min_credits,
                areas: c.areas,
                tags: c.tags,
                counted_inside: c.counted_inside,
                met_by_capstone: c.met_by_capstone,
            })
            .collect(),
    }
}

async fn save_set(
    state: &AppState,
    ctx: &Ctx,
    id: Option<Uuid>,
    b: SetJson,
) -> Result<Result<Uuid, Response>, AppError> {
    ctx.api_district_admin()?;
    let by = Loader::from(&ctx.actor()?);
    match rules::save_set(state, &by, id, &set_input(b)).await? {
        Ok(id) => {
            standing::refresh_district_in_background(state, by.district);
            Ok(Ok(id))
        }
        Err(p) => Ok(Err(rejected(
            ctx,
            "invalid_requirement_set",
            &p.fields,
            &p.rows,
            Vec::new(),
        ))),
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/graduation-rules/sets",
    operation_id = "addRequirementSet",
    summary = "A district administrator adds a requirement set (tried after the district's others)",
    request_body = SetJson,
    responses(
        (status = 201, description = "Added.", body = CreatedJson),
        (status = 422, description = "invalid_requirement_set: name, first_class / last_class (invalid_class_year), total_credits, categories (required, duplicate_key, unknown_parent, categories_exceed_total) and category rows (key, name, min_credits, areas, tags, counted_inside, met_by_capstone).", body = RulesRejectedJson),
    )
)]
pub async fn add_set(State(state): State<AppState>, ctx: Ctx, Json(b): Json<SetJson>) -> Result<Response, AppError> {
    Ok(match save_set(&state, &ctx, None, b).await? {
        Ok(id) => (StatusCode::CREATED, Json(CreatedJson { id })).into_response(),
        Err(r) => r,
    })
}

#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct SetPath {
    /// The set's id.
    id: String,
}

#[utoipa::path(
    put,
    path = "/api/v1/graduation-rules/sets/{id}",
    operation_id = "changeRequirementSet",
    summary = "A district administrator changes one of the district's sets (an unknown id: 404)",
    params(SetPath),
    request_body = SetJson,
    responses(
        (status = 204, description = "Saved."),
        (status = 422, description = "invalid_requirement_set (as when adding).", body = RulesRejectedJson),
    )
)]
pub async fn change_set(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<SetJson>,
) -> Result<Response, AppError> {
    let id = Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
    Ok(match save_set(&state, &ctx, Some(id), b).await? {
        Ok(_) => StatusCode::NO_CONTENT.into_response(),
        Err(r) => r,
    })
}

#[utoipa::path(
    delete,
    path = "/api/v1/graduation-rules/sets/{id}",
    operation_id = "removeRequirementSet",
    summary = "A district administrator removes one of the district's sets (an unknown id: 404)",
    params(SetPath),
    responses((status = 204, description = "Removed."))
)]
pub async fn remove_set(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    ctx.api_district_admin()?;
    let id = Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
    let by = Loader::from(&ctx.actor()?);
    rules::remove_set(&state, &by, id).await?;
    standing::refresh_district_in_background(&state, by.district);
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(
    put,
    path = "/api/v1/graduation-rules/scale",
    operation_id = "saveAcademicSettings",
    summary = "A district administrator sets the grade scale (no marks: the default) and the plan's credits a year",
    request_body = SettingsJson,
    responses(
        (status = 204, description = "Saved."),
        (status = 422, description = "invalid_grade_scale: marks (required, duplicate_mark, mark_in_use), weighted_max (below_points, invalid_points, too_many), year_credit_limit (required, invalid_credits, too_precise, too_many) and mark rows (mark, points, earns_credit, failing).", body = RulesRejectedJson),
    )
)]
pub async fn save_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    Json(b): Json<SettingsJson>,
) -> Result<Response, AppError> {
    ctx.api_district_admin()?;
    let by = Loader::from(&ctx.actor()?);
    let input = SettingsInput {
        marks: b
            .marks
            .into_iter()
            .map(|m| MarkInput {
                mark: m.mark,
                points: m.points,
                earns_credit: m.earns_credit,
                failing: m.failing,
            })
            .collect(),
        weighted_max: b.weighted_max,
        year_credit_limit: b.year_credit_limit,
    };
    match rules::save_settings(&state, &by, &input).await? {
        Ok(()) => {
            standing::refresh_district_in_background(&state, by.district);
            Ok(StatusCode::NO_CONTENT.into_response())
        }
        Err(p) => Ok(rejected(&ctx, "invalid_grade_scale", &p.fields, &p.rows, p.in_use)),
    }
}
