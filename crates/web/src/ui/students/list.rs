//! The students list: the caseload (students one manages or is on the team
//! of) or everyone the actor may see, filtered in the database by the scope
//! the access module gives.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use ssp_app::career::inventory::Standing;
use ssp_db::repo::students::{
    self, AcademicFilter, ListFilter, PageStart, Search, SortBy, StatusFilter, SupportFilter,
};
use ssp_domain::access::{list_scope, ListScope, ScopePart};
use ssp_domain::career::cluster::Cluster2024;
use ssp_domain::person::PersonName;
use ssp_domain::{GradeLevel, StaffRole};

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

pub const PAGE_SIZE: i64 = 50;

#[derive(Deserialize)]
pub struct ListQuery {
    view: Option<String>,
    page: Option<String>,
    status: Option<String>,
    grade: Option<String>,
    school: Option<String>,
    sort: Option<String>,
    /// A name or student number.
    q: Option<String>,
    /// The last student of the previous page (name order).
    after: Option<String>,
    /// A 2024 career cluster: students who saved a career in it.
    cluster: Option<String>,
    /// `not_on_track` or `plan_not_approved`.
    academic: Option<String>,
    support: Option<String>,
}

struct Row {
    id: String,
    name: String,
    grade: i32,
    school: String,
    local_id: String,
    status: String,
    status_key: &'static str,
    /// The interest code of the latest completed inventory, or where the
    /// inventory stands ("not taken", "in progress").
    interest: String,
    /// On track to graduate: yes, no, or blank (not computed).
    on_track: String,
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
    search: String,
    show_tabs: bool,
    all_tab: String,
    summary: String,
    rows: Vec<Row>,
    cluster: String,
    clusters: Vec<(String, String)>,
    academic: &'static str,
    academics: Vec<(&'static str, String)>,
    support: &'static str,
    supports: Vec<(&'static str, String)>,
    /// Query strings of the neighbouring pages.
    prev: Option<String>,
    next: Option<String>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> Result<Response, AppError> {
    let session = ctx.session()?;
    if !session.is_staff() {
        // Students and families reach their plans from the home page.
        return Ok(Redirect::to("/").into_response());
    }
    let db = state.db();
    let today = state.now().date();
    let full = list_scope(&session.standing());
    let caseload = ListScope {
        parts: full
            .parts
            .iter()
            .filter(|p| matches!(p, ScopePart::ManagedBy(_) | ScopePart::TeamOf(_)))
            .cloned()
            .collect(),
    };
    let show_tabs = full.parts.len() > caseload.parts.len();
    let bad = || AppError::BadRequest("bad_request");
    let view = match q.view.as_deref() {
        Some("all") => "all",
        Some("caseload") => "caseload",
        None | Some("") => {
            if show_tabs && starts_on_everyone(session, &caseload, &state).await? {
                "all"
            } else {
                "caseload"
            }
        }
        Some(_) => return Err(bad()),
    };
    let page_asked: i64 = match q.page.as_deref() {
        None | Some("") => 1,
        Some(p) => p
            .parse()
            .ok()
            .filter(|n| (1..=100_000).contains(n))
            .ok_or(AppError::BadRequest("bad_request"))?,
    };
    let after = match q.after.as_deref() {
        None | Some("") => None,
        Some(a) => Some(a.parse::<uuid::Uuid>().map_err(|_| bad())?),
    };
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
    let search_text: String = q.q.as_deref().unwrap_or("").trim().chars().take(100).collect();
    let cluster = match q.cluster.as_deref() {
        None | Some("") => None,
        Some(c) => Some(Cluster2024::parse(c).map_err(|_| bad())?.key().to_owned()),
    };
    let (academic, academic_filter) = match q.academic.as_deref().unwrap_or("") {
        "" | "all" => ("all", AcademicFilter::All),
        "not_on_track" => ("not_on_track", AcademicFilter::NotOnTrack),
        "plan_not_approved" => ("plan_not_approved", AcademicFilter::PlanNotApproved),
        _ => return Err(bad()),
    };
    let support_raw = q.support.as_deref().unwrap_or("");
    let support_filter = support_filter(support_raw).ok_or_else(bad)?;
    let support: &'static str = SUPPORT_CHOICES
        .iter()
        .find(|c| **c == support_raw)
        .copied()
        .unwrap_or("all");
    let filter = ListFilter {
        support: support_filter,
        academic: academic_filter,
        interest_cluster: cluster.clone(),
        status: status_filter,
        grade,
        school,
        sort: sort_by,
        search: Search::parse(&search_text, db),
    };
    let scope = if view == "all" { &full } else { &caseload };
    let total = students::count(db, scope, &filter, today, session.district_id).await?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    // A page past the end (an old link, a hand-typed number) shows the last page.
    let page_no = page_asked.min(pages);
    // "Next" links carry the last student shown, so the next page continues
    // the name index from there instead of counting rows to skip.
    let start = match after {
        Some(a) if sort_by == SortBy::Name && page_no == page_asked => PageStart::After(a),
        _ => PageStart::Offset((page_no - 1) * PAGE_SIZE),
    };
    let rows = students::page(db, scope, &filter, today, session.district_id, PAGE_SIZE, start).await?;
    let page = Page::new(&ctx, "students-title");
    let args = [
        ("count", total.to_string()),
        ("page", page_no.to_string()),
        ("pages", pages.to_string()),
    ];
    let summary = crate::i18n::t_args(page.lang, "students-summary", &args);
    let last_id = rows.last().map(|r| r.person_id.to_string());
    let ids: Vec<uuid::Uuid> = rows.iter().map(|r| r.person_id).collect();
    let mut interest: std::collections::HashMap<uuid::Uuid, String> =
        ssp_app::career::inventory::standings(&state, &ids)
            .await?
            .into_iter()
            .map(|(id, standing)| {
                let text = match standing {
                    Standing::Code(code) if !code.is_empty() => code,
                    Standing::Code(_) => page.t("students-inventory-done"),
                    Standing::InProgress => page.t("students-inventory-in-progress"),
                    Standing::NotTaken => page.t("students-inventory-not-taken"),
                };
                (id, text)
            })
            .collect();
    let mut on_track: std::collections::HashMap<uuid::Uuid, Option<bool>> =
        ssp_db::repo::academics::plans::statuses_of(db, &ids)
            .await?
            .into_iter()
            .map(|(id, on, _)| (id, on))
            .collect();
    let rows = rows
        .into_iter()
        .map(|r| Row {
            on_track: match on_track.remove(&r.person_id).flatten() {
                Some(true) => page.t("students-on-track-yes"),
                Some(false) => page.t("students-on-track-no"),
                None => String::new(),
            },
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
            interest: interest
                .remove(&r.person_id)
                .unwrap_or_else(|| page.t("students-inventory-not-taken")),
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
    let mut schools: Vec<(String, String)> = session
        .facts
        .staff
        .iter()
        .filter(|f| f.org_kind == "school")
        .map(|f| (f.org_id.to_string(), f.org_name.clone()))
        .collect();
    if session.is_district_admin() {
        for (id, name) in ssp_db::repo::home::school_names_of_district(db, session.district_id).await? {
            schools.push((id.to_string(), name));
        }
    }
    schools.sort_by(|a, b| a.1.cmp(&b.1));
    schools.dedup();
    // Only the grades taught at the person's schools (or district).
    let offered = if session.is_district_admin() {
        students::grades_offered(db, Some(session.district_id), &[]).await?
    } else {
        let ids: Vec<uuid::Uuid> = session
            .facts
            .staff
            .iter()
            .filter(|f| f.org_kind == "school")
            .map(|f| f.org_id)
            .collect();
        students::grades_offered(db, None, &ids).await?
    };
    let mut grades = vec![(0, page.t("students-filter-any-grade"))];
    grades.extend(
        offered
            .into_iter()
            .chain((grade != 0).then_some(grade))
            .collect::<std::collections::BTreeSet<i32>>()
            .into_iter()
            .map(|g| (g, page.t1("grade-n", "grade", g))),
    );
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
            ("q", &search_text),
            ("status", status),
            ("grade", &grade.to_string()),
            ("school", &school_value),
            ("sort", sort),
            ("cluster", cluster.as_deref().unwrap_or("")),
            ("academic", academic),
            ("support", support),
        ])
        .finish();
    let next = (page_no < pages).then(|| {
        let mut link = format!("{query}&page={}", page_no + 1);
        if let (Some(id), SortBy::Name) = (&last_id, sort_by) {
            link.push_str(&format!("&after={id}"));
        }
        link
    });
    let all_tab = page.t(all_tab_key(&full));
    let clusters = Cluster2024::ALL
        .iter()
        .map(|c| (c.key().to_owned(), page.t(&format!("cluster-2024-{}", c.key()))))
        .collect();
    let academics = [
        ("all", "students-academic-all"),
        ("not_on_track", "students-academic-not-on-track"),
        ("plan_not_approved", "students-academic-plan-not-approved"),
    ]
    .into_iter()
    .map(|(v, k)| (v, page.t(k)))
    .collect();
    let supports = SUPPORT_CHOICES
        .iter()
        .map(|v| (*v, page.t(&format!("students-support-{}", v.replace('_', "-")))))
        .collect();
    render(&StudentsPage {
        support,
        supports,
        academic,
        academics,
        cluster: cluster.unwrap_or_default(),
        clusters,
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
        prev: (page_no > 1).then(|| format!("{query}&page={}", page_no - 1)),
        search: search_text,
        show_tabs,
        all_tab,
        summary,
        rows,
        next,
    })
}

/// Where a person lands on `/students` with no view chosen: the school-wide
/// staff (nurses, social workers, family partnership specialists, community
/// school coordinators) and administrators start on everyone they may see;
/// counselors and others start on their caseload unless it is empty.
async fn starts_on_everyone(
    session: &crate::context::Session,
    caseload: &ListScope,
    state: &AppState,
) -> Result<bool, AppError> {
    let roles = session.staff_roles();
    let wide = roles.iter().any(|r| {
        matches!(
            r,
            StaffRole::Nurse
                | StaffRole::SocialWorker
                | StaffRole::FamilyPartnershipSpecialist
                | StaffRole::CommunitySchoolCoordinator
                | StaffRole::SchoolAdmin
                | StaffRole::DistrictAdmin
        )
    });
    if wide && !roles.contains(&StaffRole::Counselor) {
        return Ok(true);
    }
    let n = students::count(
        state.db(),
        caseload,
        &ListFilter::default(),
        state.now().date(),
        session.district_id,
    )
    .await?;
    Ok(n == 0)
}

/// The name of the "everyone" tab for this scope.
fn all_tab_key(scope: &ListScope) -> &'static str {
    if scope.parts.iter().any(|p| matches!(p, ScopePart::District(_))) {
        "students-all-district"
    } else if scope.parts.iter().any(|p| matches!(p, ScopePart::School(_))) {
        "students-all-school"
    } else if scope.parts.iter().any(|p| matches!(p, ScopePart::TaughtBy(_))) {
        "students-all-classes"
    } else {
        "students-all"
    }
}

/// The support filter's choices, as the form and the API send them.
pub const SUPPORT_CHOICES: [&str; 11] = [
    "all",
    "needs_support",
    "chronic_absence",
    "suspension",
    "course_failure",
    "low_gpa",
    "grade9_off_track",
    "overdue_next_step",
    "unowned",
    "tier_2",
    "tier_3",
];

/// The support filter a choice names (blank is all); `None` for anything else.
pub fn support_filter(raw: &str) -> Option<SupportFilter> {
    use ssp_domain::support::flag::FlagKind;
    Some(match raw {
        "" | "all" => SupportFilter::All,
        "needs_support" => SupportFilter::NeedsSupport,
        "overdue_next_step" => SupportFilter::OverdueNextStep,
        "unowned" => SupportFilter::Unowned,
        "tier_1" => SupportFilter::Tier("tier_1"),
        "tier_2" => SupportFilter::Tier("tier_2"),
        "tier_3" => SupportFilter::Tier("tier_3"),
        other => SupportFilter::Flag(FlagKind::parse(other).ok()?.key()),
    })
}
