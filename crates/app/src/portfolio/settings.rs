//! The district's portfolio settings: how many pieces of best work a student
//! may mark in a school year, and the district's own competencies beside the
//! built-in frameworks. Read by every portfolio page; changed by a district
//! administrator (the caller has checked the role), audited.

use ssp_db::repo::portfolio::settings as repo;
use ssp_domain::audit::AuditAction;
use ssp_domain::input::Rejected;
use ssp_domain::portfolio::best_work::DEFAULT_MAX_BEST_WORK;
use ssp_domain::portfolio::competency::{CompetencyKey, DistrictCompetency};
use ssp_domain::OrgId;

use crate::actor::Actor;
use crate::admin::DistrictWrite;
use crate::error::Error;
use crate::App;

/// One of the district's own competencies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnCompetency {
    pub key: CompetencyKey,
    pub name: String,
    /// Retired: kept on the work already tagged with it, no longer offered.
    pub retired: bool,
}

/// The district's portfolio settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortfolioSettings {
    pub max_best_work: u32,
    /// Whether `max_best_work` is the shipped default (no row saved).
    pub is_default: bool,
    pub competencies: Vec<OwnCompetency>,
}

impl PortfolioSettings {
    /// The competencies a student may choose now (not retired).
    pub fn offered(&self) -> Vec<CompetencyKey> {
        self.competencies
            .iter()
            .filter(|c| !c.retired)
            .map(|c| c.key.clone())
            .collect()
    }

    /// The name the district gave `key`, retired or not.
    pub fn name_of(&self, key: &str) -> Option<&str> {
        self.competencies
            .iter()
            .find(|c| c.key.as_str() == key)
            .map(|c| c.name.as_str())
    }
}

/// The district's settings, or the defaults.
pub async fn of_district(app: &App, district: OrgId) -> Result<PortfolioSettings, Error> {
    let max = repo::max_best_work(app.db(), district).await?;
    let competencies = repo::competencies(app.db(), district)
        .await?
        .into_iter()
        .filter_map(|r| {
            Some(OwnCompetency {
                key: CompetencyKey::parse(&r.key)?,
                name: r.name,
                retired: r.retired_at.is_some(),
            })
        })
        .collect();
    Ok(PortfolioSettings {
        max_best_work: max.unwrap_or(DEFAULT_MAX_BEST_WORK),
        is_default: max.is_none(),
        competencies,
    })
}

/// The district's best-work maximum (`parse_best_work_limit`).
pub async fn save_max_best_work(app: &App, actor: &Actor, input: Result<u32, Rejected>) -> Result<(), Error> {
    let max = input?;
    let mut w = DistrictWrite::begin(app, actor).await?;
    let now = w.now();
    repo::put_max_best_work(w.tx(), actor.district, max, actor.person, now).await?;
    w.commit(
        AuditAction::PortfolioSettingsSaved,
        "portfolio_settings",
        format!("max_best_work={max}"),
    )
    .await
}

/// Adds a competency of the district's own (`DistrictCompetency::parse`:
/// a new snake_case key and a name). Returns its key.
pub async fn add_competency(app: &App, actor: &Actor, key: &str, name: &str) -> Result<CompetencyKey, Error> {
    let existing: Vec<CompetencyKey> = of_district(app, actor.district)
        .await?
        .competencies
        .into_iter()
        .map(|c| c.key)
        .collect();
    let c = DistrictCompetency::parse(key, name, &existing)?;
    let mut w = DistrictWrite::begin(app, actor).await?;
    let now = w.now();
    repo::insert_competency(w.tx(), actor.district, c.key.as_str(), &c.name, now).await?;
    w.commit(
        AuditAction::DistrictCompetencyChanged,
        "district_competency",
        format!("added {}", c.key),
    )
    .await?;
    Ok(c.key)
}

/// Retires a competency (`retire`) or offers it again; not found when the
/// district has no such key.
pub async fn set_retired(app: &App, actor: &Actor, key: &str, retire: bool) -> Result<(), Error> {
    let mut w = DistrictWrite::begin(app, actor).await?;
    let now = w.now();
    let at = retire.then_some(now);
    if !repo::set_competency_retired(w.tx(), actor.district, key, at).await? {
        return Err(Error::NotFound);
    }
    let verb = if retire { "retired" } else { "restored" };
    w.commit(
        AuditAction::DistrictCompetencyChanged,
        "district_competency",
        format!("{verb} {key}"),
    )
    .await
}
