//! "Careers that fit my interests": occupations ranked by how closely the
//! student's six scores fit their interest ratings, within the job zones
//! (preparation levels) the student chooses, each with why it matched.
//! Occupations without interest ratings are listed, not hidden.

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use ssp_app::career::occupations;
use ssp_app::StudentAccess;
use ssp_db::repo::students;
use ssp_domain::career::Area;

use super::area_name;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};
use crate::ui::plan::page::display_name;

/// How many matches the page lists before "show all".
const SHOWN: usize = 30;

struct MatchRow {
    code: String,
    title: String,
    fit: u8,
    why: String,
    zone: String,
}

#[derive(Template)]
#[template(path = "career_matches.html")]
struct MatchesPage {
    page: Page,
    student_id: String,
    student_name: String,
    is_self: bool,
    taken: bool,
    flat: bool,
    code: String,
    zones: Vec<(i32, String, bool)>,
    rows: Vec<MatchRow>,
    total: usize,
    all: bool,
    zone_query: String,
    unscored: Vec<(String, String)>,
    attribution: String,
    back: String,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let mut chosen: Vec<i32> = Vec::new();
    let mut all = false;
    for (k, v) in url::form_urlencoded::parse(query.as_deref().unwrap_or("").as_bytes()) {
        match (k.as_ref(), v.parse::<i32>()) {
            ("zone", Ok(z @ 1..=5)) if !chosen.contains(&z) => chosen.push(z),
            ("all", _) => all = true,
            _ => {}
        }
    }
    chosen.sort();
    let m = occupations::matches(&state, &access, &chosen).await?;
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(&ctx, "matches-title");
    let zone_name = |z: Option<i32>| match z {
        Some(z) => page.t(&format!("job-zone-{z}")),
        None => page.t("job-zone-none"),
    };
    let names = |areas: &[Area]| {
        areas
            .iter()
            .map(|a| area_name(&page, *a))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let ranked = m.ranked.clone().unwrap_or_default();
    let total = ranked.len();
    let rows = ranked
        .into_iter()
        .take(if all { usize::MAX } else { SHOWN })
        .map(|(mt, o)| MatchRow {
            why: if mt.shared.is_empty() {
                page.t1("matches-why-shape", "areas", names(&mt.occupation_top))
            } else {
                page.t1("matches-why-shared", "areas", names(&mt.shared))
            },
            code: o.code,
            title: o.title,
            fit: mt.fit,
            zone: zone_name(o.job_zone),
        })
        .collect();
    let zone_query = chosen.iter().map(|z| format!("zone={z}&")).collect::<String>();
    let html = render(&MatchesPage {
        student_id: access.student().to_string(),
        student_name: display_name(&h),
        is_self: access.is_self(),
        taken: m.inventory.is_some(),
        flat: m.inventory.is_some() && m.ranked.is_none(),
        code: m
            .inventory
            .as_ref()
            .map(|y| y.scores().code_letters())
            .unwrap_or_default(),
        zones: (1..=5)
            .map(|z| (z, page.t(&format!("job-zone-{z}")), chosen.contains(&z)))
            .collect(),
        rows,
        total,
        all,
        back: format!("/students/{}/career/matches?{zone_query}", access.student()),
        zone_query,
        unscored: m.unscored.into_iter().map(|o| (o.code, o.title)).collect(),
        attribution: page.t("onet-attribution"),
        page,
    })?;
    Ok(html)
}
