//! Occupations: search and browse (reference data, open to every signed-in
//! person, not audited), one occupation's page, and "careers that fit my
//! interests" for a student.

use ssp_db::repo::career::occupations::{self, JobZoneRow, LoadRow, OccupationRow, Search};
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::career::matching::{rank, Candidate, Match};

use super::catalog;
use super::inventory::{self, InventoryYear};
use crate::access::StudentAccess;
use crate::error::Error;
use crate::App;

/// The most results one page of a search shows.
pub const PAGE_SIZE: i64 = 25;

/// One page of results and the total found.
#[derive(Debug, Clone)]
pub struct SearchPage {
    pub rows: Vec<OccupationRow>,
    pub total: i64,
}

/// A search by title or alternate title with filters (occupations without
/// interest data or a job zone are found like any other).
pub async fn search(app: &App, s: &Search) -> Result<SearchPage, Error> {
    let mut s = s.clone();
    s.query = s.query.trim().to_lowercase();
    s.limit = s.limit.clamp(1, 100);
    s.offset = s.offset.max(0);
    let (rows, total) = catalog::current(app).await?.search(&s);
    Ok(SearchPage { rows, total })
}

/// One occupation with what its page shows.
#[derive(Debug, Clone)]
pub struct OccupationPage {
    pub occupation: OccupationRow,
    pub alternate_titles: Vec<String>,
    pub related: Vec<(String, String, String)>,
    pub job_zone: Option<JobZoneRow>,
}

pub async fn page(app: &App, code: &str) -> Result<OccupationPage, Error> {
    let occupation = occupations::get(app.db(), code.trim()).await?.ok_or(Error::NotFound)?;
    let alternate_titles = occupations::alternate_titles(app.db(), &occupation.code, 12).await?;
    let related = occupations::related(app.db(), &occupation.code).await?;
    let job_zone = match occupation.job_zone {
        Some(z) => occupations::job_zones(app.db())
            .await?
            .into_iter()
            .find(|j| j.zone == z),
        None => None,
    };
    Ok(OccupationPage {
        occupation,
        alternate_titles,
        related,
        job_zone,
    })
}

pub async fn job_zones(app: &App) -> Result<Vec<JobZoneRow>, Error> {
    Ok(occupations::job_zones(app.db()).await?)
}

/// Which release is loaded (for the attribution line).
pub async fn latest_load(app: &App) -> Result<Option<LoadRow>, Error> {
    Ok(occupations::latest_load(app.db()).await?)
}

/// "Careers that fit my interests".
#[derive(Debug, Clone)]
pub struct Matches {
    /// The completed inventory the matches come from (None: not taken yet).
    pub inventory: Option<InventoryYear>,
    /// Ranked matches with their occupation (None: no inventory, or every
    /// score equal, so there is nothing to rank on).
    pub ranked: Option<Vec<(Match, OccupationRow)>>,
    /// Occupations in the chosen job zones that have no interest ratings:
    /// listed, never silently dropped.
    pub unscored: Vec<OccupationRow>,
}

/// Ranks every occupation in `zones` (empty: all) against the student's
/// latest completed inventory (a read of the plan, audited).
pub async fn matches(app: &App, access: &StudentAccess, zones: &[i32]) -> Result<Matches, Error> {
    let history = inventory::history(app, access).await?;
    let Some(latest) = inventory::latest_scores(&history).cloned() else {
        return Ok(Matches {
            inventory: None,
            ranked: None,
            unscored: Vec::new(),
        });
    };
    access.require(app, RecordKind::Plan, Action::View).await?;
    let catalog = catalog::current(app).await?;
    let candidates: Vec<Candidate<'_>> = catalog
        .occupations
        .iter()
        .filter(|o| zones.is_empty() || o.job_zone.is_some_and(|z| zones.contains(&z)) || o.job_zone.is_none())
        .map(|o| Candidate {
            code: &o.code,
            interests: o.interests(),
        })
        .collect();
    let by_code = |code: &str| catalog.get(code).cloned();
    let Some(ranking) = rank(&latest.scores(), &candidates) else {
        return Ok(Matches {
            inventory: Some(latest),
            ranked: None,
            unscored: Vec::new(),
        });
    };
    let ranked = ranking
        .matches
        .into_iter()
        .filter_map(|m| by_code(&m.code).map(|o| (m, o)))
        .collect();
    let unscored = ranking.unscored.iter().filter_map(|c| by_code(c)).collect();
    Ok(Matches {
        inventory: Some(latest),
        ranked: Some(ranked),
        unscored,
    })
}
