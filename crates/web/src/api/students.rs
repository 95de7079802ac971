//! The students list as JSON: the staff member's caseload or everyone they
//! may see (the access module's list scope, filtered in the database), with
//! each student's plan status and interest-inventory standing, and the
//! career-cluster filter ("students interested in …": who saved a career in
//! the cluster).

use axum::extract::{Query, State};
use axum::Json;
use serde::{Deserialize, Serialize};
use ssp_app::career::inventory::Standing;
use ssp_db::repo::students::{self, ListFilter, PageStart, SortBy, StatusFilter};
use ssp_domain::access::{list_scope, ListScope, ScopePart};
use ssp_domain::career::cluster::Cluster2024;
use ssp_domain::input::{FieldError, Rejected};
use ssp_domain::person::PersonName;
use ssp_domain::GradeLevel;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::api::openapi::RejectedJson;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// `caseload` (students one manages or is on the team of) or `all`
    /// (everyone one may see; the default).
    view: Option<String>,
    /// A grade, 6–12.
    grade: Option<String>,
    /// A 2024 career-cluster key: students who saved a career in it.
    cluster: Option<String>,
    /// `needs_support` (an active flag or a tier 2–3 intervention), a flag
    /// kind (`chronic_absence`, `suspension`, `course_failure`, `low_gpa`,
    /// `grade9_off_track`), `overdue_next_step`, `unowned`, or `tier_1`…`tier_3`.
    support: Option<String>,
    /// Students to skip (name order).
    offset: Option<i64>,
    /// At most 200; 50 by default.
    limit: Option<i64>,
}

/// Where a student's interest inventory stands.
#[derive(Serialize, ToSchema)]
#[schema(as = InventoryStanding)]
pub struct InventoryJson {
    /// `not_taken`, `in_progress` or `done`.
    pub state: &'static str,
    /// The latest completed inventory's interest code (e.g. `SIA`), when done.
    pub code: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = StudentListEntry)]
pub struct StudentJson {
    pub id: Uuid,
    pub name: String,
    pub grade: i32,
    pub school: String,
    pub up_to_date: bool,
    pub interest_inventory: InventoryJson,
}

#[derive(Serialize, ToSchema)]
#[schema(as = StudentList)]
pub struct ListJson {
    pub total: i64,
    pub students: Vec<StudentJson>,
}

#[utoipa::path(
    get,
    path = "/api/v1/students",
    operation_id = "listStudents",
    summary = "The caller's caseload or everyone they may see (staff only), with plan status and interest inventory; filter by grade, career cluster of interest and support (flags, overdue next steps, intervention tier)",
    params(ListParams),
    responses(
        (status = 200, description = "OK", body = ListJson),
        (status = 403, description = "students_list_staff_only: students and families reach their plans directly.", body = crate::api::openapi::ErrorJson),
        (status = 422, description = "invalid_student_list: view, grade, cluster, support (unknown_choice), offset, limit (invalid).", body = RejectedJson),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListParams>,
) -> Result<Json<ListJson>, AppError> {
    let session = ctx.session().map_err(|_| AppError::Unauthenticated)?;
    if !session.is_staff() {
        return Err(AppError::Forbidden("students_list_staff_only"));
    }
    let mut bad = Vec::new();
    let full = list_scope(&session.standing());
    let scope = match q.view.as_deref() {
        None | Some("") | Some("all") => full,
        Some("caseload") => ListScope {
            parts: full
                .parts
                .into_iter()
                .filter(|p| matches!(p, ScopePart::ManagedBy(_) | ScopePart::TeamOf(_)))
                .collect(),
        },
        Some(_) => {
            bad.push(FieldError::new("view", "unknown_choice"));
            ListScope::default()
        }
    };
    let grade = match q.grade.as_deref() {
        None | Some("") => 0,
        Some(g) => GradeLevel::parse(g).map(|g| g.get() as i32).unwrap_or_else(|_| {
            bad.push(FieldError::new("grade", "unknown_choice"));
            0
        }),
    };
    let cluster = match q.cluster.as_deref() {
        None | Some("") => None,
        Some(c) => match Cluster2024::parse(c) {
            Ok(c) => Some(c.key().to_owned()),
            Err(_) => {
                bad.push(FieldError::new("cluster", "unknown_choice"));
                None
            }
        },
    };
    let support = crate::ui::students::list::support_filter(q.support.as_deref().unwrap_or("")).unwrap_or_else(|| {
        bad.push(FieldError::new("support", "unknown_choice"));
        ssp_db::repo::students::SupportFilter::All
    });
    let offset = q.offset.unwrap_or(0);
    if offset < 0 {
        bad.push(FieldError::new("offset", "invalid"));
    }
    let limit = q.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        bad.push(FieldError::new("limit", "invalid"));
    }
    if !bad.is_empty() {
        return Err(AppError::Rejected(Rejected::new("invalid_student_list", bad)));
    }
    let filter = ListFilter {
        status: StatusFilter::All,
        grade,
        school: None,
        sort: SortBy::Name,
        search: None,
        interest_cluster: cluster,
        academic: ssp_db::repo::students::AcademicFilter::All,
        support,
    };
    let db = state.db();
    let today = state.now().date();
    let total = students::count(db, &scope, &filter, today, session.district_id).await?;
    let rows = students::page(
        db,
        &scope,
        &filter,
        today,
        session.district_id,
        limit,
        PageStart::Offset(offset),
    )
    .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.person_id).collect();
    let mut standings = ssp_app::career::inventory::standings(&state, &ids).await?;
    let students = rows
        .into_iter()
        .map(|r| {
            let interest_inventory = match standings.remove(&r.person_id).unwrap_or(Standing::NotTaken) {
                Standing::NotTaken => InventoryJson {
                    state: "not_taken",
                    code: None,
                },
                Standing::InProgress => InventoryJson {
                    state: "in_progress",
                    code: None,
                },
                Standing::Code(c) => InventoryJson {
                    state: "done",
                    code: Some(c),
                },
            };
            StudentJson {
                id: r.person_id,
                name: PersonName {
                    given: r.given_name,
                    family: r.family_name,
                    preferred: r.preferred_name,
                }
                .sortable(),
                grade: r.grade_level,
                school: r.school_name,
                up_to_date: r.up_to_date == Some(true),
                interest_inventory,
            }
        })
        .collect();
    Ok(Json(ListJson { total, students }))
}
