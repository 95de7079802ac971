//! A class page: the class's current students, each linked to their plan.
//! The roster is filtered by the reader's list scope, so a teacher sees
//! their class and school staff see the students they may see; anyone who
//! teaches no part of it and may see none of its students gets 404.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use ssp_db::repo::home;
use ssp_domain::access::list_scope;
use ssp_domain::person::PersonName;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

struct RosterView {
    id: String,
    name: String,
    grade: i32,
    local_id: String,
    status: String,
    status_key: &'static str,
}

#[derive(Template)]
#[template(path = "class.html")]
struct ClassPage {
    page: Page,
    title: String,
    line: String,
    summary: String,
    rows: Vec<RosterView>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let session = ctx.session()?;
    let id: uuid::Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    let db = state.db();
    let today = state.now().date();
    let class = home::class(db, id).await?.ok_or(AppError::NotFound)?;
    let scope = list_scope(&session.standing());
    let roster = home::class_roster(db, id, &scope, today).await?;
    if roster.is_empty() && !home::teaches_class(db, session.person_id, id).await? {
        return Err(AppError::NotFound);
    }
    let mut page = Page::new(&ctx, "class-title");
    page.title = class.title.clone();
    let line = [
        class.periods.as_deref().map(|p| page.t1("class-period", "period", p)),
        Some(class.school_name.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let summary = page.t1("class-students", "count", roster.len());
    let rows = roster
        .into_iter()
        .map(|r| RosterView {
            status_key: if r.up_to_date == Some(true) {
                "up-to-date"
            } else {
                "not-up-to-date"
            },
            status: match (r.up_to_date, r.overdue_check_ins) {
                (_, Some(n)) if n > 0 => crate::i18n::t_args(page.lang, "status-overdue", &[("count", n.to_string())]),
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
            local_id: r.local_id.unwrap_or_default(),
        })
        .collect();
    render(&ClassPage {
        title: class.title,
        page,
        line,
        summary,
        rows,
    })
}
