//! The district administrator's list of deactivated people (those a
//! roster import turned off), searchable by name or student number, and
//! their reactivation: the person, their sign-in, their student record
//! (so their plan is seen again) and what went inactive with them.
//! District-wide like the roster page: a district administrator of the
//! person's district only; anyone else gets a 404.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::repo::roster_safety::{self, DeactivatedPerson};
use ssp_domain::audit::AuditAction;
use ssp_domain::StudentId;
use uuid::Uuid;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

/// People per page.
const PAGE_SIZE: i64 = 50;
/// The longest search kept (longer input is cut).
const MAX_SEARCH: usize = 100;

struct PersonRow {
    id: Uuid,
    name: String,
    kind: String,
    number: String,
    since: String,
}

#[derive(Template)]
#[template(path = "deactivated.html")]
struct DeactivatedPage {
    page: Page,
    q: String,
    count: String,
    rows: Vec<PersonRow>,
    searched: bool,
    reactivated: bool,
    page_line: Option<String>,
    prev: Option<String>,
    next: Option<String>,
}

#[derive(Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    page: Option<String>,
    reactivated: Option<String>,
}

fn row(page: &Page, p: DeactivatedPerson) -> PersonRow {
    let name = ssp_domain::person::PersonName {
        given: p.given_name,
        family: p.family_name,
        preferred: p.preferred_name,
    };
    PersonRow {
        id: p.id,
        name: name.display(),
        kind: page.t(&format!("deactivated-kind-{}", p.kind)),
        number: p.local_id.unwrap_or_default(),
        since: page.when(p.deactivated_at),
    }
}

fn href(q: &str, page: i64) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    if !q.is_empty() {
        query.append_pair("q", q);
    }
    query.append_pair("page", &page.to_string());
    format!("/admin/people/deactivated?{}", query.finish())
}

/// `GET /admin/people/deactivated?q=&page=`
pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> Result<Response, AppError> {
    let session = ctx.district_admin()?;
    let search: String = q.q.as_deref().unwrap_or("").trim().chars().take(MAX_SEARCH).collect();
    let filter = (!search.is_empty()).then_some(search.as_str());
    let district = session.district_id.0;
    let total = roster_safety::count_deactivated(state.db(), district, filter).await?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    // A page past the last shows the last; anything unreadable the first.
    let current = q
        .page
        .as_deref()
        .and_then(|p| p.trim().parse::<i64>().ok())
        .unwrap_or(1)
        .clamp(1, pages);
    let people = roster_safety::deactivated(state.db(), district, filter, PAGE_SIZE, (current - 1) * PAGE_SIZE).await?;
    let page = Page::new(&ctx, "deactivated-title");
    let rows = people.into_iter().map(|p| row(&page, p)).collect();
    let html = render(&DeactivatedPage {
        q: search.clone(),
        count: page.t1("deactivated-count", "count", total),
        rows,
        searched: filter.is_some(),
        reactivated: q.reactivated.is_some(),
        page_line: (pages > 1).then(|| {
            crate::i18n::t_args(
                ctx.lang,
                "deactivated-page",
                &[("page", current.to_string()), ("pages", pages.to_string())],
            )
        }),
        prev: (current > 1).then(|| href(&search, current - 1)),
        next: (current < pages).then(|| href(&search, current + 1)),
        page,
    })?;
    Ok((StatusCode::OK, html).into_response())
}

#[derive(Deserialize)]
pub struct ReactivateForm {
    #[serde(default)]
    person: String,
}

/// `POST /admin/people/deactivated` with `person=<id>`: reactivates one
/// deactivated person of the administrator's district, audited in the
/// same transaction. Anyone else, or an id that is not such a person: 404.
pub async fn reactivate(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<ReactivateForm>,
) -> Result<Response, AppError> {
    let session = ctx.district_admin()?;
    let person = Uuid::parse_str(form.person.trim()).map_err(|_| AppError::NotFound)?;
    let now = state.now();
    let mut tx = state.db().begin().await?;
    let Some(back) = roster_safety::reactivate(&mut tx, session.district_id, person, now).await? else {
        return Err(AppError::NotFound);
    };
    let mut ev = AuditEvent::new(AuditAction::PersonReactivated, now);
    ev.actor = Some(session.person_id);
    ev.district_id = Some(session.district_id);
    ev.request_id = Some(ctx.request_id.0.clone());
    ev.student = back.student.then_some(StudentId(person));
    ev.record_kind = Some("person");
    ev.record_id = Some(person.to_string());
    ev.detail = Some(format!(
        "student record: {}, family links: {}, staff roles: {}, enrollments: {}",
        back.student, back.guardian_links, back.staff_roles, back.enrollments
    ));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(Redirect::to("/admin/people/deactivated?reactivated=1").into_response())
}
