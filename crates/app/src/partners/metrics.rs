//! Loop metrics per school and per partner: referrals by status, median
//! days to acceptance and to first service, the share closed with an
//! outcome ([`ssp_domain::partners::metrics::loop_metrics`]). For the
//! directory's maintainers (community school coordinators, district
//! administrators); aggregate, no student named.

use std::collections::BTreeMap;

use ssp_db::repo::partners as repo;
use ssp_domain::partners::metrics::{loop_metrics, LoopMetrics};
use ssp_domain::partners::Referral;

use super::referrals::rule;
use super::require_maintainer;
use crate::error::Error;
use crate::{Actor, App};

/// The metrics of one group: a school's or a partner's name.
#[derive(Debug, Clone)]
pub struct Group {
    pub name: String,
    pub metrics: LoopMetrics,
}

/// Per school, per partner, and the district's total.
#[derive(Debug, Clone)]
pub struct Metrics {
    pub schools: Vec<Group>,
    pub partners: Vec<Group>,
    pub total: LoopMetrics,
}

pub async fn metrics(app: &App, actor: &Actor) -> Result<Metrics, Error> {
    require_maintainer(app, actor).await?;
    let rows = repo::referrals_of_district(app.db(), actor.district).await?;
    let mut by_school: BTreeMap<uuid::Uuid, Vec<Referral>> = BTreeMap::new();
    let mut by_partner: BTreeMap<String, Vec<Referral>> = BTreeMap::new();
    let mut all = Vec::new();
    for row in &rows {
        let r = rule(row)?;
        if let Some(s) = row.school_id {
            by_school.entry(s).or_default().push(r);
        }
        by_partner
            .entry(row.partner_name.clone().unwrap_or_default())
            .or_default()
            .push(r);
        all.push(r);
    }
    let mut schools = Vec::new();
    for (id, rs) in by_school {
        let name = repo::org_name(app.db(), id).await?.unwrap_or_default();
        schools.push(Group {
            name,
            metrics: loop_metrics(&rs),
        });
    }
    schools.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(Metrics {
        schools,
        partners: by_partner
            .into_iter()
            .map(|(name, rs)| Group {
                name,
                metrics: loop_metrics(&rs),
            })
            .collect(),
        total: loop_metrics(&all),
    })
}
