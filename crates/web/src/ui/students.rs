//! The students list: the caseload (students one manages or is on the team
//! of) or everyone the actor may see, filtered in the database by the scope
//! the access module gives.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use ssp_db::repo::students::{self, ListFilter, SortBy, StatusFilter};
use ssp_domain::access::{list_scope, ListScope, ScopePart};
use ssp_domain::person::PersonName;
use ssp_domain::GradeLevel;

use super::pages::{render, Page};
use crate::app::AppState;
use crate::context::Ctx;
use crate::error::AppError;

pub const PAGE_SIZE: i64 = 50;

#[derive(Deserialize)]
pub struct ListQuery {
    view: Option<String>,
    page: Option<String>,
    status: Option<String>,
    grade: Option<String>,
    school: Option<String>,
    sort: Option<String>,
}

struct Row {
    id: String,
    name: String,
    grade: i32,
    school: String,
    local_id: String,
    status: String,
    status_key: &'static str,
}

#[derive(Template)]
#[template(path = "students.html")]
struct StudentsPage {
    page: Page,
    view: &'static str,
    status: &'static str,
    grade: i32,
    school: String,
    sort: &'static str,
    statuses: Vec<(&'static str, String)>,
    grades: Vec<(i32, String)>,
    schools: Vec<(String, String)>,
    sorts: Vec<(&'static str, String)>,
    query: String,
    show_tabs: bool,
    summary: String,
    rows: Vec<Row>,
    prev: Option<i64>,
    next: Option<i64>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> Result<Response, AppError> {
    let session = ctx.session()?;
    if !session.is_staff() {
        // Students and families reach their plans from the home page.
        return Ok(Redirect::to("/").into_response());
    }
    let full = list_scope(&session.standing());
    let caseload = ListScope {
        parts: full
            .parts
            .iter()
            .filter(|p| matches!(p, ScopePart::ManagedBy(_) | ScopePart::TeamOf(_)))
            .cloned()
            .collect(),
    };
    let view = match q.view.as_deref() {
        Some("all") => "all",
        Some("caseload") | None => "caseload",
        Some(_) => return Err(AppError::BadRequest("bad_request")),
    };
    let page_no: i64 = match q.page.as_deref() {
        None => 1,
        Some(p) => p
            .parse()
            .ok()
            .filter(|n| (1..=100_000).contains(n))
            .ok_or(AppError::BadRequest("bad_request"))?,
    };
    let bad = || AppError::BadRequest("bad_request");
    let (status, status_filter) = match q.status.as_deref().unwrap_or("all") {
        "all" | "" => ("all", StatusFilter::All),
        "up_to_date" => ("up_to_date", StatusFilter::UpToDate),
        "not_up_to_date" => ("not_up_to_date", StatusFilter::NotUpToDate),
        "overdue" => ("overdue", StatusFilter::OverdueCheckIns),
        _ => return Err(bad()),
    };
    let (sort, sort_by) = match q.sort.as_deref().unwrap_or("name") {
        "name" | "" => ("name", SortBy::Name),
        "grade" => ("grade", SortBy::Grade),
        "status" => ("status", SortBy::Status),
        _ => return Err(bad()),
    };
    let grade: i32 = match q.grade.as_deref() {
        None | Some("") | Some("0") => 0,
        Some(g) => GradeLevel::parse(g).map_err(|_| bad())?.get() as i32,
    };
    let school = match q.school.as_deref() {
        None | Some("") => None,
        Some(s) => Some(s.parse::<uuid::Uuid>().map_err(|_| bad())?),
    };
    let filter = ListFilter {
        status: status_filter,
        grade,
        school,
        sort: sort_by,
    };
    let scope = if view == "all" { &full } else { &caseload };
    let (rows, total) = students::page(
        state.db(),
        scope,
        &filter,
        state.now().date(),
        PAGE_SIZE,
        (page_no - 1) * PAGE_SIZE,
    )
    .await?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let page = Page::new(&ctx, "students-title");
    let args = [
        ("count", total.to_string()),
        ("page", page_no.to_string()),
        ("pages", pages.to_string()),
    ];
    let summary = crate::i18n::t_args(page.lang, "students-summary", &args);
    let rows = rows
        .into_iter()
        .map(|r| Row {
            status_key: if r.up_to_date == Some(true) {
                "up-to-date"
            } else {
                "not-up-to-date"
            },
            status: match (r.up_to_date, r.overdue_check_ins) {
                (_, Some(n)) if n > 0 => format!(
                    "{} · {}",
                    page.t("status-not-up-to-date"),
                    crate::i18n::t_args(page.lang, "status-overdue", &[("count", n.to_string())])
                ),
                (Some(true), _) => page.t("status-up-to-date"),
                _ => page.t("status-not-up-to-date"),
            },
            id: r.person_id.to_string(),
            name: PersonName {
                given: r.given_name,
                family: r.family_name,
                preferred: r.preferred_name,
            }
            .sortable(),
            grade: r.grade_level,
            school: r.school_name,
            local_id: r.local_id.unwrap_or_default(),
        })
        .collect();
    let statuses = [
        ("all", "students-filter-all"),
        ("not_up_to_date", "students-filter-not-up-to-date"),
        ("up_to_date", "students-filter-up-to-date"),
        ("overdue", "students-filter-overdue"),
    ]
    .into_iter()
    .map(|(v, k)| (v, page.t(k)))
    .collect();
    let mut grades = vec![(0, page.t("students-filter-any-grade"))];
    grades.extend(GradeLevel::all().map(|g| (g.get() as i32, page.t1("grade-n", "grade", g.get()))));
    let mut schools: Vec<(String, String)> = session
        .facts
        .staff
        .iter()
        .filter(|f| f.org_kind == "school")
        .map(|f| (f.org_id.to_string(), f.org_name.clone()))
        .collect();
    if session.is_district_admin() {
        for s in ssp_db::repo::home::schools_of_district(state.db(), session.district_id).await? {
            schools.push((s.id.to_string(), s.name));
        }
    }
    schools.sort_by(|a, b| a.1.cmp(&b.1));
    schools.dedup();
    let sorts = [
        ("name", "students-sort-name"),
        ("grade", "students-sort-grade"),
        ("status", "students-sort-status"),
    ]
    .into_iter()
    .map(|(v, k)| (v, page.t(k)))
    .collect();
    let school_value = school.map(|s| s.to_string()).unwrap_or_default();
    let query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("view", view),
            ("status", status),
            ("grade", &grade.to_string()),
            ("school", &school_value),
            ("sort", sort),
        ])
        .finish();
    render(&StudentsPage {
        page,
        view,
        status,
        grade,
        school: school_value,
        sort,
        statuses,
        grades,
        schools,
        sorts,
        query,
        show_tabs: full.parts.len() > caseload.parts.len(),
        summary,
        rows,
        prev: (page_no > 1).then(|| page_no - 1),
        next: (page_no < pages).then(|| page_no + 1),
    })
}
