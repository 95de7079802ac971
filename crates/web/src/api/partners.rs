//! JSON handlers for community partners (issue 18): the directory and its
//! CSV import, partner users, the student's proposals, consents, referrals
//! and record of disclosures, the partner user's own referrals, the loop
//! metrics and the reminder age. Each calls the same use case as its page.

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_app::partners::consent::{self as consents, ConsentForm};
use ssp_app::partners::partner_users::{self, PartnerReferral, PartnerUserForm};
use ssp_app::partners::referrals::{self, ReferralForm, StepForm};
use ssp_app::partners::{directory, maintain, matching, metrics};
use ssp_db::repo::partners::{ReferralRow, ResourceRow};
use ssp_domain::partners::directory::{NewPartner, NewResource, ResourceKind};
use ssp_domain::partners::referral::{Outcome, ReferralStatus};
use ssp_domain::partners::ServiceCategory;
use ssp_domain::person::PersonName;
use utoipa::openapi::schema::Schema;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::api::openapi::{one_of, ErrorJson, RejectedJson, StudentPath};
use crate::api::plan::actions::{created, student as access_of};
use crate::api::plan::CreatedJson;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_partners, save_partner))
        .routes(routes!(remove_partner))
        .routes(routes!(add_partner_user))
        .routes(routes!(update_partner_user, remove_partner_user))
        .routes(routes!(list_resources, save_resource))
        .routes(routes!(remove_resource))
        .routes(routes!(import_resources))
        .routes(routes!(proposals))
        .routes(routes!(list_consents, grant_consent))
        .routes(routes!(record_paper_consent))
        .routes(routes!(revoke_consent))
        .routes(routes!(list_referrals, make_referral))
        .routes(routes!(move_referral))
        .routes(routes!(disclosures))
        .routes(routes!(partner_referrals))
        .routes(routes!(partner_referral))
        .routes(routes!(partner_move))
        .routes(routes!(loop_metrics))
        .routes(routes!(save_settings))
}

/// The signed-in caller: 401 when not signed in.
fn api_actor(ctx: &Ctx) -> Result<ssp_app::Actor, AppError> {
    ctx.session().map_err(|_| AppError::Unauthenticated)?;
    ctx.actor()
}

fn categories() -> Schema {
    one_of(ServiceCategory::ALL.iter().map(|c| c.key()))
}
fn kinds() -> Schema {
    one_of(ResourceKind::ALL.iter().map(|c| c.key()))
}
fn statuses() -> Schema {
    one_of(ReferralStatus::ALL.iter().map(|c| c.key()))
}
fn events() -> Schema {
    one_of(["accept", "decline", "record_service", "close"])
}
fn outcomes() -> Schema {
    one_of(std::iter::once("").chain(Outcome::ALL.iter().map(|c| c.key())))
}
fn consent_states() -> Schema {
    one_of(["active", "expired", "revoked"])
}

fn split(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

// ---- the directory --------------------------------------------------------

/// A partner organisation.
#[derive(Serialize, ToSchema)]
#[schema(as = Partner)]
pub struct PartnerJson {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub contact: String,
}

#[utoipa::path(
    get,
    path = "/api/v1/partners",
    operation_id = "listPartners",
    summary = "The district's partner organisations (staff and partner users)",
    responses((status = 200, description = "OK", body = Vec<PartnerJson>))
)]
pub async fn list_partners(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Vec<PartnerJson>>, AppError> {
    let rows = directory::partners(&state, &api_actor(&ctx)?).await?;
    Ok(Json(
        rows.into_iter()
            .map(|p| PartnerJson {
                id: p.id,
                name: p.name,
                description: p.description,
                contact: p.contact,
            })
            .collect(),
    ))
}

#[derive(Deserialize, Default, ToSchema)]
#[schema(as = PartnerBody)]
#[serde(default, deny_unknown_fields)]
pub struct PartnerBody {
    /// 1–120 characters; a partner of that name is updated.
    #[schema(required = true)]
    pub name: String,
    pub description: String,
    pub contact: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/partners",
    operation_id = "savePartner",
    summary = "Add a partner organisation, or update the one of that name (community school coordinators and district administrators)",
    request_body = PartnerBody,
    responses(
        (status = 201, description = "Saved.", body = CreatedJson),
        (status = 403, description = "may_not_maintain_directory.", body = ErrorJson),
        (status = 422, description = "invalid_partner: name (required, too_long), description, contact (too_long).", body = RejectedJson),
    )
)]
pub async fn save_partner(
    State(state): State<AppState>,
    ctx: Ctx,
    Json(b): Json<PartnerBody>,
) -> Result<Response, AppError> {
    let input = NewPartner::parse(&b.name, &b.description, &b.contact);
    let id = directory::save_partner(&state, &api_actor(&ctx)?, input).await?;
    Ok(created(id))
}

#[derive(Deserialize, Default, ToSchema)]
#[schema(as = PartnerUserBody)]
#[serde(default, deny_unknown_fields)]
pub struct PartnerUserBody {
    #[schema(required = true)]
    pub given_name: String,
    #[schema(required = true)]
    pub family_name: String,
    /// 3–64 letters, digits, `.`, `_`, `-`, `@`.
    #[schema(required = true)]
    pub username: String,
    pub email: String,
}

/// A partner organisation of the district.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct PartnerPath {
    /// The partner's id (UUID).
    partner: Uuid,
}

#[utoipa::path(
    delete,
    path = "/api/v1/partners/{partner}",
    operation_id = "removePartner",
    summary = "Remove a partner organisation and its services (community school coordinators and district administrators)",
    params(PartnerPath),
    responses(
        (status = 204, description = "Removed."),
        (status = 403, description = "may_not_maintain_directory.", body = ErrorJson),
        (status = 404, description = "No such partner in the district."),
        (status = 409, description = "partner_has_records (referrals, consents or disclosures name it), partner_has_users.", body = ErrorJson),
    )
)]
pub async fn remove_partner(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(partner): Path<String>,
) -> Result<StatusCode, AppError> {
    maintain::remove_partner(&state, &api_actor(&ctx)?, &partner).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A partner user of a partner organisation.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct PartnerUserPath {
    /// The partner's id (UUID).
    partner: Uuid,
    /// The partner user's person id (UUID).
    person: Uuid,
}

#[utoipa::path(
    put,
    path = "/api/v1/partners/{partner}/users/{person}",
    operation_id = "updatePartnerUser",
    summary = "Change a partner user's names and email (the username stays)",
    params(PartnerUserPath),
    request_body = PartnerUserBody,
    responses(
        (status = 204, description = "Saved."),
        (status = 403, description = "may_not_maintain_directory.", body = ErrorJson),
        (status = 404, description = "No such partner user of this partner."),
        (status = 422, description = "invalid_partner_user: given_name, family_name (required, too_long), email (too_long).", body = RejectedJson),
    )
)]
pub async fn update_partner_user(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((partner, person)): Path<(String, String)>,
    Json(b): Json<PartnerUserBody>,
) -> Result<StatusCode, AppError> {
    let form = PartnerUserForm {
        given_name: b.given_name,
        family_name: b.family_name,
        username: b.username,
        email: b.email,
    };
    partner_users::update(&state, &api_actor(&ctx)?, &partner, &person, &form).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    delete,
    path = "/api/v1/partners/{partner}/users/{person}",
    operation_id = "removePartnerUser",
    summary = "End a partner user: untied from the organisation, the account disabled and signed out everywhere",
    params(PartnerUserPath),
    responses(
        (status = 204, description = "Removed."),
        (status = 403, description = "may_not_maintain_directory.", body = ErrorJson),
        (status = 404, description = "No such partner user of this partner."),
    )
)]
pub async fn remove_partner_user(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((partner, person)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    partner_users::remove(&state, &api_actor(&ctx)?, &partner, &person).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A resource of the district's directory.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct ResourcePath {
    /// The resource's id (UUID).
    resource: Uuid,
}

#[utoipa::path(
    delete,
    path = "/api/v1/resources/{resource}",
    operation_id = "removeResource",
    summary = "Remove a resource nobody was referred to or enrolled in",
    params(ResourcePath),
    responses(
        (status = 204, description = "Removed."),
        (status = 403, description = "may_not_maintain_directory.", body = ErrorJson),
        (status = 404, description = "No such resource in the district."),
        (status = 409, description = "resource_has_referrals.", body = ErrorJson),
    )
)]
pub async fn remove_resource(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(resource): Path<String>,
) -> Result<StatusCode, AppError> {
    maintain::remove_resource(&state, &api_actor(&ctx)?, &resource).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    post,
    path = "/api/v1/partners/{partner}/users",
    operation_id = "addPartnerUser",
    summary = "Create an account for a partner organisation's staff member (no password: they set one through \"forgot password\")",
    params(PartnerPath),
    request_body = PartnerUserBody,
    responses(
        (status = 201, description = "Created; the id is the person's.", body = CreatedJson),
        (status = 403, description = "may_not_maintain_directory.", body = ErrorJson),
        (status = 409, description = "username_taken.", body = ErrorJson),
        (status = 422, description = "invalid_partner_user: given_name, family_name (required, too_long), username (required, too_short, too_long, invalid_username), email (too_long).", body = RejectedJson),
    )
)]
pub async fn add_partner_user(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(partner): Path<String>,
    Json(b): Json<PartnerUserBody>,
) -> Result<Response, AppError> {
    let form = PartnerUserForm {
        given_name: b.given_name,
        family_name: b.family_name,
        username: b.username,
        email: b.email,
    };
    let person = partner_users::create(&state, &api_actor(&ctx)?, &partner, &form).await?;
    Ok(created(person.0))
}

/// A directory entry.
#[derive(Serialize, ToSchema)]
#[schema(as = Resource)]
pub struct ResourceJson {
    pub id: Uuid,
    #[schema(schema_with = kinds)]
    pub kind: String,
    pub name: String,
    pub partner_id: Option<Uuid>,
    pub partner: Option<String>,
    pub categories: Vec<String>,
    pub description: String,
    pub eligibility: String,
    pub grade_min: i32,
    pub grade_max: i32,
    /// Language tags; empty: any.
    pub languages: Vec<String>,
    pub location: String,
    pub hours: String,
    pub cost: String,
    /// Places in all; null: no limit.
    pub capacity: Option<i32>,
    /// Places taken by open referrals and enrolments.
    pub taken: i64,
    pub contact: String,
    /// RIASEC letters.
    pub interest_areas: String,
    pub keywords: Vec<String>,
}

fn resource_json(r: ResourceRow) -> ResourceJson {
    ResourceJson {
        id: r.id,
        kind: r.kind,
        partner_id: r.partner_id,
        partner: r.partner_name,
        categories: split(&r.categories),
        description: r.description,
        eligibility: r.eligibility,
        grade_min: r.grade_min,
        grade_max: r.grade_max,
        languages: split(&r.languages),
        location: r.location,
        hours: r.hours,
        cost: r.cost,
        capacity: r.capacity,
        taken: r.taken,
        contact: r.contact,
        interest_areas: r.interest_areas,
        keywords: split(&r.keywords),
        name: r.name,
    }
}

#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct DirectoryParams {
    /// Words in the name, the partner's name, a category or a keyword.
    q: Option<String>,
    /// One category key.
    category: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/resources",
    operation_id = "listResources",
    summary = "The district's resource directory: school opportunities and partners' services (staff and partner users)",
    params(DirectoryParams),
    responses((status = 200, description = "OK", body = Vec<ResourceJson>))
)]
pub async fn list_resources(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<DirectoryParams>,
) -> Result<Json<Vec<ResourceJson>>, AppError> {
    let rows = directory::list(
        &state,
        &api_actor(&ctx)?,
        q.q.as_deref().unwrap_or(""),
        q.category.as_deref().unwrap_or(""),
    )
    .await?;
    Ok(Json(rows.into_iter().map(resource_json).collect()))
}

#[derive(Deserialize, Default, ToSchema)]
#[schema(as = ResourceBody)]
#[serde(default, deny_unknown_fields)]
pub struct ResourceBody {
    #[schema(required = true, schema_with = kinds)]
    pub kind: String,
    /// 1–120 characters; a resource of that name is updated.
    #[schema(required = true)]
    pub name: String,
    /// The partner's name (a partner service only).
    pub partner: String,
    /// Category keys, comma-separated.
    #[schema(required = true)]
    pub categories: String,
    pub description: String,
    pub eligibility: String,
    /// 6–12; blank: 6.
    pub grade_min: String,
    /// 6–12; blank: 12.
    pub grade_max: String,
    /// Language tags, comma-separated; blank: any.
    pub languages: String,
    pub location: String,
    pub hours: String,
    pub cost: String,
    /// Blank: no limit.
    pub capacity: String,
    pub contact: String,
    /// RIASEC letters, e.g. `RI`.
    pub interest_areas: String,
    /// Words matched against the student's interests, strengths and goals.
    pub keywords: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/resources",
    operation_id = "saveResource",
    summary = "Add a resource to the directory, or update the one of that name (community school coordinators and district administrators)",
    request_body = ResourceBody,
    responses(
        (status = 201, description = "Saved.", body = CreatedJson),
        (status = 403, description = "may_not_maintain_directory.", body = ErrorJson),
        (status = 422, description = "invalid_resource: kind, categories (required, unknown_choice), name (required, too_long), partner (required, not_for_school, unknown_partner), grade_min, grade_max (invalid_number, out_of_range, grades_reversed), languages (invalid_language), capacity (invalid_number, too_large), interest_areas (unknown_choice), keywords (too_many, too_long), texts (too_long).", body = RejectedJson),
    )
)]
pub async fn save_resource(
    State(state): State<AppState>,
    ctx: Ctx,
    Json(b): Json<ResourceBody>,
) -> Result<Response, AppError> {
    let get = |k: &str| -> String {
        match k {
            "kind" => &b.kind,
            "name" => &b.name,
            "partner" => &b.partner,
            "categories" => &b.categories,
            "description" => &b.description,
            "eligibility" => &b.eligibility,
            "grade_min" => &b.grade_min,
            "grade_max" => &b.grade_max,
            "languages" => &b.languages,
            "location" => &b.location,
            "hours" => &b.hours,
            "cost" => &b.cost,
            "capacity" => &b.capacity,
            "contact" => &b.contact,
            "interest_areas" => &b.interest_areas,
            "keywords" => &b.keywords,
            _ => "",
        }
        .to_owned()
    };
    let id = directory::save_resource(&state, &api_actor(&ctx)?, NewResource::parse(get)).await?;
    Ok(created(id))
}

#[derive(Deserialize, Default, ToSchema)]
#[schema(as = ImportBody)]
#[serde(default, deny_unknown_fields)]
pub struct ImportBody {
    /// The CSV file's text: a header row naming the columns (`kind`,
    /// `name`, `categories` required; `partner`, `description`,
    /// `eligibility`, `grade_min`, `grade_max`, `languages`, `location`,
    /// `hours`, `cost`, `capacity`, `contact`, `interest_areas`,
    /// `keywords`), one resource a row.
    #[schema(required = true)]
    pub csv: String,
}

/// One problem of the file: its line (1 is the header), column and code.
#[derive(Serialize, ToSchema)]
#[schema(as = ImportProblem)]
pub struct ProblemJson {
    pub line: u64,
    pub column: Option<String>,
    pub code: String,
}

/// What the import did: every row saved, or every problem and nothing saved.
#[derive(Serialize, ToSchema)]
#[schema(as = ImportResult)]
pub struct ImportJson {
    pub saved: usize,
    pub problems: Vec<ProblemJson>,
}

#[utoipa::path(
    post,
    path = "/api/v1/resources/import",
    operation_id = "importResources",
    summary = "Import directory entries from CSV: all or nothing — one problem anywhere (line, column, code) and no row is applied",
    request_body = ImportBody,
    responses(
        (status = 200, description = "Imported.", body = ImportJson),
        (status = 403, description = "may_not_maintain_directory.", body = ErrorJson),
        (status = 422, description = "Nothing applied; the problems are listed.", body = ImportJson),
    )
)]
pub async fn import_resources(
    State(state): State<AppState>,
    ctx: Ctx,
    Json(b): Json<ImportBody>,
) -> Result<(StatusCode, Json<ImportJson>), AppError> {
    let out = directory::import_csv(&state, &api_actor(&ctx)?, b.csv.as_bytes()).await?;
    let status = if out.problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        Json(ImportJson {
            saved: out.saved,
            problems: out
                .problems
                .into_iter()
                .map(|p| ProblemJson {
                    line: p.line,
                    column: p.column,
                    code: p.code,
                })
                .collect(),
        }),
    ))
}

// ---- one student ----------------------------------------------------------

/// Why a resource was proposed.
#[derive(Serialize, ToSchema)]
#[schema(as = ProposalReason)]
pub struct ReasonJson {
    /// `need`, `interest_area` or `word`.
    pub kind: String,
    /// The need's kind, the interest area, or the word.
    pub value: String,
    pub need_id: Option<Uuid>,
    pub goal_id: Option<Uuid>,
}

/// A proposal of the matcher.
#[derive(Serialize, ToSchema)]
#[schema(as = Proposal)]
pub struct ProposalJson {
    pub resource: ResourceJson,
    pub score: u32,
    pub reasons: Vec<ReasonJson>,
    /// What accepting it links to.
    pub need_id: Option<Uuid>,
    pub goal_id: Option<Uuid>,
}

pub fn reason_json(r: &ssp_domain::partners::ProposalReason) -> ReasonJson {
    use ssp_domain::partners::matcher::WordSource;
    use ssp_domain::partners::ProposalReason as R;
    match r {
        R::MeetsNeed { need, kind } => ReasonJson {
            kind: "need".into(),
            value: kind.key().into(),
            need_id: Some(*need),
            goal_id: None,
        },
        R::InterestArea { area, .. } => ReasonJson {
            kind: "interest_area".into(),
            value: area.key().into(),
            need_id: None,
            goal_id: None,
        },
        R::Word { word, source } => ReasonJson {
            kind: "word".into(),
            value: word.clone(),
            need_id: None,
            goal_id: match source {
                WordSource::Goal(g) => Some(*g),
                _ => None,
            },
        },
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/proposals",
    operation_id = "listProposals",
    summary = "Supports and opportunities proposed for the student from their needs, strengths, interests and goals, best first, each with its reasons; filtered by grade, language and places left (staff)",
    params(StudentPath),
    responses((status = 200, description = "OK", body = Vec<ProposalJson>))
)]
pub async fn proposals(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<ProposalJson>>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let out = matching::proposals(&state, &access).await?;
    Ok(Json(
        out.into_iter()
            .map(|p| {
                let (need_id, goal_id) = p.proposal.serves();
                ProposalJson {
                    score: p.proposal.score,
                    reasons: p.proposal.reasons.iter().map(reason_json).collect(),
                    resource: resource_json(p.resource),
                    need_id,
                    goal_id,
                }
            })
            .collect(),
    ))
}

/// A consent to share with a partner.
#[derive(Serialize, ToSchema)]
#[schema(as = Consent)]
pub struct ConsentJson {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub partner: String,
    pub categories: Vec<String>,
    pub purpose: String,
    /// `YYYY-MM-DD`.
    pub granted_on: String,
    /// The last day it holds, `YYYY-MM-DD`.
    pub expires_on: String,
    /// `electronic` or `paper`.
    pub method: String,
    pub signer_name: Option<String>,
    #[schema(schema_with = consent_states)]
    pub state: String,
    pub language: String,
}

#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/consents",
    operation_id = "listConsents",
    summary = "The student's consents to share with partners, with their state today (the family and staff)",
    params(StudentPath),
    responses((status = 200, description = "OK", body = Vec<ConsentJson>))
)]
pub async fn list_consents(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<ConsentJson>>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let rows = consents::list(&state, &access).await?;
    Ok(Json(
        rows.into_iter()
            .map(|c| ConsentJson {
                id: c.row.id,
                partner_id: c.row.partner_id,
                partner: c.row.partner_name,
                categories: c.categories.iter().map(|k| k.key().to_owned()).collect(),
                purpose: c.row.purpose,
                granted_on: c.row.granted_on.to_string(),
                expires_on: c.row.expires_on.to_string(),
                method: c.row.method,
                signer_name: c.row.signer_name,
                state: c.state.key().into(),
                language: c.row.language,
            })
            .collect(),
    ))
}

#[derive(Deserialize, Default, ToSchema)]
#[schema(as = ConsentBody)]
#[serde(default, deny_unknown_fields)]
pub struct ConsentBody {
    /// The partner's id.
    #[schema(required = true)]
    pub partner: String,
    /// Category keys, comma-separated; each must be one the partner serves.
    #[schema(required = true)]
    pub categories: String,
    /// 1–500 characters.
    #[schema(required = true)]
    pub purpose: String,
    /// The last day, `YYYY-MM-DD`, today to a year from now.
    #[schema(required = true)]
    pub expires_on: String,
}

impl ConsentBody {
    fn form(self) -> ConsentForm {
        ConsentForm {
            partner: self.partner,
            categories: self.categories,
            purpose: self.purpose,
            expires_on: self.expires_on,
        }
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/consents",
    operation_id = "grantConsent",
    summary = "A guardian with educational rights (or the eligible student) grants consent to share with a partner: which categories, for what purpose, until when",
    params(StudentPath),
    request_body = ConsentBody,
    responses(
        (status = 201, description = "Granted.", body = CreatedJson),
        (status = 403, description = "may_not_grant_consent: only a guardian with educational rights, or the student at 18.", body = ErrorJson),
        (status = 422, description = "invalid_consent: partner (required, unknown_choice), categories (required, unknown_choice, not_served), purpose (required, too_long), expires_on (required, invalid_date, in_past, too_far).", body = RejectedJson),
    )
)]
pub async fn grant_consent(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<ConsentBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let id = consents::grant(&state, &access, &b.form(), ctx.lang).await?;
    Ok(created(id))
}

/// The paper consent form's fields.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct PaperConsentForm {
    #[schema(required = true)]
    partner: String,
    #[schema(required = true)]
    categories: String,
    #[schema(required = true)]
    purpose: String,
    #[schema(required = true)]
    expires_on: String,
    /// Who signed the form.
    #[schema(required = true)]
    signer_name: String,
    /// The signed form's scan: PDF, JPEG or PNG, up to 10 MiB.
    #[schema(required = true, value_type = String, format = Binary)]
    file: Vec<u8>,
}

#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/consents/paper",
    operation_id = "recordPaperConsent",
    summary = "Staff record a signed paper consent with its scan",
    params(StudentPath),
    request_body(content = PaperConsentForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Recorded.", body = CreatedJson),
        (status = 400, description = "malformed_form: not a multipart form.", body = ErrorJson),
        (status = 422, description = "invalid_consent: as for grantConsent, and signer_name (required, too_long), scan (required, too_large, unknown_type).", body = RejectedJson),
    )
)]
pub async fn record_paper_consent(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    if !consents::staff_may_record(&access) {
        // Answered before a byte of the upload is read.
        access
            .require(
                &state,
                ssp_domain::access::RecordKind::Support(ssp_domain::access::Sensitivity::Staff),
                ssp_domain::access::Action::Create,
            )
            .await?;
        return Err(AppError::NotFound);
    }
    let form = form.map_err(|_| AppError::BadRequest("malformed_form"))?;
    let up = crate::upload::read(&state, form).await?;
    let consent = ConsentForm {
        partner: up.get("partner").to_owned(),
        categories: up.all("categories").join(","),
        purpose: up.get("purpose").to_owned(),
        expires_on: up.get("expires_on").to_owned(),
    };
    let result = consents::record_paper(
        &state,
        &access,
        &consent,
        up.get("signer_name"),
        up.staged.as_ref(),
        up.too_big,
    )
    .await;
    up.discard().await;
    Ok(created(result?))
}

/// A consent of the student.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct ConsentPath {
    /// The student's id (UUID).
    id: Uuid,
    /// The consent's id (UUID).
    consent: Uuid,
}

#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/consents/{consent}/revoke",
    operation_id = "revokeConsent",
    summary = "Revoke a consent; it takes effect at once (the family, or staff on the family's word)",
    params(ConsentPath),
    responses(
        (status = 204, description = "Revoked."),
        (status = 409, description = "consent_already_revoked.", body = ErrorJson),
    )
)]
pub async fn revoke_consent(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, consent)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    consents::revoke(&state, &access, &consent).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A referral to a partner or an enrolment in a school opportunity.
#[derive(Serialize, ToSchema)]
#[schema(as = Referral)]
pub struct ReferralJson {
    pub id: Uuid,
    pub student_id: Uuid,
    pub student: String,
    /// `referral` (a partner) or `enrolment` (a school opportunity).
    pub kind: String,
    pub resource_id: Uuid,
    pub resource: String,
    pub partner_id: Option<Uuid>,
    pub partner: Option<String>,
    #[schema(schema_with = categories)]
    pub category: String,
    pub need_id: Option<Uuid>,
    pub goal_id: Option<Uuid>,
    pub reason: String,
    #[schema(schema_with = statuses)]
    pub status: String,
    pub sent_on: String,
    pub accepted_on: Option<String>,
    pub declined_on: Option<String>,
    pub first_service_on: Option<String>,
    pub closed_on: Option<String>,
    pub outcome: Option<String>,
    /// Sitting at its step longer than the district's reminder age.
    pub overdue: bool,
    pub steps: Vec<StepJson>,
}

/// A step of a referral.
#[derive(Serialize, ToSchema)]
#[schema(as = ReferralStep)]
pub struct StepJson {
    pub event: String,
    pub on: String,
    /// Empty when the reader may not see it.
    pub note: String,
    pub by: String,
}

fn referral_json(r: ReferralRow, overdue: bool, steps: Vec<ssp_db::repo::partners::StepRow>) -> ReferralJson {
    ReferralJson {
        id: r.id,
        student_id: r.student_id,
        student: PersonName {
            given: r.given_name,
            family: r.family_name,
            preferred: r.preferred_name,
        }
        .display(),
        kind: r.kind,
        resource_id: r.resource_id,
        resource: r.resource_name,
        partner_id: r.partner_id,
        partner: r.partner_name,
        category: r.category,
        need_id: r.need_id,
        goal_id: r.goal_id,
        reason: r.reason,
        status: r.status,
        sent_on: r.sent_on.to_string(),
        accepted_on: r.accepted_on.map(|d| d.to_string()),
        declined_on: r.declined_on.map(|d| d.to_string()),
        first_service_on: r.first_service_on.map(|d| d.to_string()),
        closed_on: r.closed_on.map(|d| d.to_string()),
        outcome: r.outcome,
        overdue,
        steps: steps
            .into_iter()
            .map(|s| StepJson {
                event: s.event,
                on: s.on_date.to_string(),
                note: s.note,
                by: format!("{} {}", s.given_name, s.family_name),
            })
            .collect(),
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/referrals",
    operation_id = "listReferrals",
    summary = "The student's referrals and enrolments: what, to whom, the status and its dates (the family and staff; notes by sensitivity class)",
    params(StudentPath),
    responses((status = 200, description = "OK", body = Vec<ReferralJson>))
)]
pub async fn list_referrals(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<ReferralJson>>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let rows = referrals::list(&state, &access).await?;
    Ok(Json(
        rows.into_iter()
            .map(|v| referral_json(v.row, v.overdue, v.steps))
            .collect(),
    ))
}

#[derive(Deserialize, Default, ToSchema)]
#[schema(as = ReferralBody)]
#[serde(default, deny_unknown_fields)]
pub struct ReferralBody {
    /// The resource's id.
    #[schema(required = true)]
    pub resource: String,
    /// The open need it serves (its category must be one the resource offers).
    pub need: String,
    /// The goal it serves.
    pub goal: String,
    /// Up to 1000 characters, e.g. the matcher's reason.
    pub reason: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/referrals",
    operation_id = "makeReferral",
    summary = "Refer the student to a partner's service (needs an active consent for that partner covering the category) or enrol them in a school opportunity, linked to the need or goal it serves",
    params(StudentPath),
    request_body = ReferralBody,
    responses(
        (status = 201, description = "Sent.", body = CreatedJson),
        (status = 409, description = "consent_required: no active consent for the partner covers the category; resource_full.", body = ErrorJson),
        (status = 422, description = "invalid_referral: resource (required, unknown_choice), need (unknown_choice, not_served), goal (unknown_choice), reason (too_long).", body = RejectedJson),
    )
)]
pub async fn make_referral(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Json(b): Json<ReferralBody>,
) -> Result<Response, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let form = ReferralForm {
        resource: b.resource,
        need: b.need,
        goal: b.goal,
        reason: b.reason,
    };
    Ok(created(referrals::make(&state, &access, &form).await?))
}

#[derive(Deserialize, Default, ToSchema)]
#[schema(as = ReferralStepBody)]
#[serde(default, deny_unknown_fields)]
pub struct StepBody {
    #[schema(required = true, schema_with = events)]
    pub event: String,
    /// `YYYY-MM-DD`; blank: today. Not before the last step, not after today.
    pub on: String,
    /// Required to close.
    #[schema(schema_with = outcomes)]
    pub outcome: String,
    /// Up to 2000 characters.
    pub note: String,
    /// The note's class; blank: staff.
    pub sensitivity: String,
}

impl StepBody {
    fn form(self) -> StepForm {
        StepForm {
            event: self.event,
            on: self.on,
            outcome: self.outcome,
            note: self.note,
            sensitivity: self.sensitivity,
        }
    }
}

/// A referral of the student.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct ReferralPath {
    /// The student's id (UUID).
    id: Uuid,
    /// The referral's id (UUID).
    referral: Uuid,
}

#[utoipa::path(
    post,
    path = "/api/v1/students/{id}/referrals/{referral}/steps",
    operation_id = "moveReferral",
    summary = "Move a referral a step: sent → accepted or declined → record_service (first service) → close with an outcome",
    params(ReferralPath),
    request_body = StepBody,
    responses(
        (status = 204, description = "Moved."),
        (status = 409, description = "illegal_referral_move: the machine does not allow it from where the referral is; referral_date_out_of_order.", body = ErrorJson),
        (status = 422, description = "invalid_referral_step: event (required, unknown_choice), on (invalid_date), outcome (required, unknown_choice), note (too_long), sensitivity (unknown_choice, not_allowed).", body = RejectedJson),
    )
)]
pub async fn move_referral(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, referral)): Path<(String, String)>,
    Json(b): Json<StepBody>,
) -> Result<StatusCode, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let step = b.form().parse(state.now().date());
    referrals::move_step(&state, &access, &referral, step).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A disclosure to a partner (34 CFR 99.32).
#[derive(Serialize, ToSchema)]
#[schema(as = Disclosure)]
pub struct DisclosureJson {
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub at: time::OffsetDateTime,
    pub partner: String,
    /// The partner's staff member who read it.
    pub by: String,
    pub categories: Vec<String>,
    pub purpose: String,
}

#[utoipa::path(
    get,
    path = "/api/v1/students/{id}/disclosures",
    operation_id = "listDisclosures",
    summary = "The record of disclosures: every time a partner read the student's information, what and under which purpose (the family and staff)",
    params(StudentPath),
    responses((status = 200, description = "OK", body = Vec<DisclosureJson>))
)]
pub async fn disclosures(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<DisclosureJson>>, AppError> {
    let access = access_of(&state, &ctx, &id).await?;
    let rows = partner_users::disclosures(&state, &access).await?;
    Ok(Json(
        rows.into_iter()
            .map(|d| DisclosureJson {
                at: d.at,
                partner: d.partner_name,
                by: format!("{} {}", d.given_name, d.family_name),
                categories: split(&d.categories),
                purpose: d.purpose,
            })
            .collect(),
    ))
}

// ---- the partner user's side ----------------------------------------------

/// A referred student as the partner sees them.
#[derive(Serialize, ToSchema)]
#[schema(as = PartnerReferral)]
pub struct PartnerReferralJson {
    pub referral: ReferralJson,
    pub grade: i32,
    pub school: String,
    /// The need it serves, when the consent covers its category.
    pub need: Option<String>,
    /// The consent's purpose and last day.
    pub purpose: String,
    pub consent_expires_on: String,
}

fn partner_json(p: PartnerReferral) -> PartnerReferralJson {
    PartnerReferralJson {
        grade: p.grade,
        school: p.school,
        need: p.need,
        purpose: p.purpose,
        consent_expires_on: p.consent_expires_on.to_string(),
        referral: referral_json(p.row, false, p.steps),
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/partner/referrals",
    operation_id = "partnerReferrals",
    summary = "A partner user's referrals: students referred to their organisation while a consent covers the category (each one shown is written to the student's record of disclosures)",
    responses((status = 200, description = "OK", body = Vec<PartnerReferralJson>))
)]
pub async fn partner_referrals(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<Vec<PartnerReferralJson>>, AppError> {
    let rows = partner_users::referrals(&state, &api_actor(&ctx)?, partner_users::Show::All).await?;
    Ok(Json(rows.into_iter().map(partner_json).collect()))
}

/// A referral to the partner user's organisation.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub struct PartnerReferralPath {
    /// The referral's id (UUID).
    referral: Uuid,
}

#[utoipa::path(
    get,
    path = "/api/v1/partner/referrals/{referral}",
    operation_id = "partnerReferral",
    summary = "One referral to the partner user's organisation (a disclosure); another organisation's, a revoked or expired consent, or a guessed id answers 404 and is audited",
    params(PartnerReferralPath),
    responses((status = 200, description = "OK", body = PartnerReferralJson))
)]
pub async fn partner_referral(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(referral): Path<String>,
) -> Result<Json<PartnerReferralJson>, AppError> {
    let r = partner_users::open(&state, &api_actor(&ctx)?, &referral).await?;
    Ok(Json(partner_json(r)))
}

#[utoipa::path(
    post,
    path = "/api/v1/partner/referrals/{referral}/steps",
    operation_id = "partnerMoveReferral",
    summary = "The partner user accepts or declines a referral, records a service, or closes it with an outcome",
    params(PartnerReferralPath),
    request_body = StepBody,
    responses(
        (status = 204, description = "Moved."),
        (status = 409, description = "illegal_referral_move; referral_date_out_of_order.", body = ErrorJson),
        (status = 422, description = "invalid_referral_step.", body = RejectedJson),
    )
)]
pub async fn partner_move(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(referral): Path<String>,
    Json(b): Json<StepBody>,
) -> Result<StatusCode, AppError> {
    let step = b.form().parse(state.now().date());
    partner_users::move_step(&state, &api_actor(&ctx)?, &referral, step).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---- metrics and settings -------------------------------------------------

/// The loop's figures for one group.
#[derive(Serialize, ToSchema)]
#[schema(as = LoopMetrics)]
pub struct MetricsJson {
    pub name: String,
    pub total: u32,
    /// Count per status.
    pub by_status: std::collections::BTreeMap<String, u32>,
    pub median_days_to_acceptance: Option<i64>,
    pub median_days_to_first_service: Option<i64>,
    /// Percent with one decimal, e.g. `40.0`; null with no referrals.
    pub closed_with_outcome_percent: Option<String>,
}

fn metrics_json(name: String, m: ssp_domain::partners::metrics::LoopMetrics) -> MetricsJson {
    MetricsJson {
        name,
        total: m.total,
        by_status: m.by_status.iter().map(|(s, n)| (s.key().to_owned(), *n)).collect(),
        median_days_to_acceptance: m.median_days_to_acceptance,
        median_days_to_first_service: m.median_days_to_first_service,
        closed_with_outcome_percent: m.closed_with_outcome.map(|p| p.to_string()),
    }
}

/// The loop metrics of the district.
#[derive(Serialize, ToSchema)]
#[schema(as = ReferralMetrics)]
pub struct AllMetricsJson {
    pub district: MetricsJson,
    pub schools: Vec<MetricsJson>,
    pub partners: Vec<MetricsJson>,
}

#[utoipa::path(
    get,
    path = "/api/v1/referral-metrics",
    operation_id = "referralMetrics",
    summary = "Loop metrics per school and partner: referrals by status, median days to acceptance and to first service, share closed with an outcome (community school coordinators and district administrators)",
    responses(
        (status = 200, description = "OK", body = AllMetricsJson),
        (status = 403, description = "may_not_maintain_directory.", body = ErrorJson),
    )
)]
pub async fn loop_metrics(State(state): State<AppState>, ctx: Ctx) -> Result<Json<AllMetricsJson>, AppError> {
    let m = metrics::metrics(&state, &api_actor(&ctx)?).await?;
    Ok(Json(AllMetricsJson {
        district: metrics_json(String::new(), m.total),
        schools: m.schools.into_iter().map(|g| metrics_json(g.name, g.metrics)).collect(),
        partners: m
            .partners
            .into_iter()
            .map(|g| metrics_json(g.name, g.metrics))
            .collect(),
    }))
}

#[derive(Deserialize, Default, ToSchema)]
#[schema(as = PartnerSettingsBody)]
#[serde(default, deny_unknown_fields)]
pub struct SettingsBody {
    /// Days a referral may sit at a step before it shows as overdue, 1–365.
    #[schema(required = true)]
    pub reminder_days: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/partner-settings",
    operation_id = "savePartnerSettings",
    summary = "Set the district's referral reminder age (district administrators)",
    request_body = SettingsBody,
    responses(
        (status = 204, description = "Saved."),
        (status = 403, description = "may_not_change_partner_settings.", body = ErrorJson),
        (status = 422, description = "invalid_partner_settings: reminder_days (out_of_range).", body = RejectedJson),
    )
)]
pub async fn save_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    Json(b): Json<SettingsBody>,
) -> Result<StatusCode, AppError> {
    referrals::set_reminder_days(&state, &api_actor(&ctx)?, &b.reminder_days).await?;
    Ok(StatusCode::NO_CONTENT)
}
