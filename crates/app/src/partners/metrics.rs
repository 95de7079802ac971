//! Loop metrics per school and per partner: referrals by status, median
//! days to acceptance and to first service, the share closed with an
//! outcome. The database counts (`repo::partners::loop_counts`: by school,
//! partner and status, and the days as (days, how many)); the groups are
//! added up here and the figures made by [`Counts::metrics`]. For the
//! directory's maintainers (community school coordinators, district
//! administrators); aggregate, no student named.

use std::collections::BTreeMap;

use ssp_db::repo::partners as repo;
use ssp_domain::partners::metrics::{Counts, LoopMetrics};
use ssp_domain::partners::ReferralStatus;
use uuid::Uuid;

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
    let (statuses, days) = repo::loop_counts(app.db(), actor.district).await?;
    // The finest groups the database answers: (school, partner).
    let mut cells: BTreeMap<(Option<Uuid>, Option<Uuid>), Counts> = BTreeMap::new();
    let mut school_names: BTreeMap<Option<Uuid>, String> = BTreeMap::new();
    let mut partner_names: BTreeMap<Option<Uuid>, String> = BTreeMap::new();
    for row in statuses {
        let status = ReferralStatus::parse(&row.status).map_err(|e| Error::Internal(e.into()))?;
        let cell = cells.entry((row.school_id, row.partner_id)).or_default();
        cell.by_status.push((status, row.n as u32));
        cell.closed_with_outcome += row.closed_with_outcome as u32;
        school_names.insert(row.school_id, row.school_name.unwrap_or_default());
        partner_names.insert(row.partner_id, row.partner_name.unwrap_or_default());
    }
    for row in days {
        let cell = cells.entry((row.school_id, row.partner_id)).or_default();
        let pair = (row.days, row.n as u64);
        match row.step.as_str() {
            "acceptance" => cell.to_acceptance.push(pair),
            _ => cell.to_first_service.push(pair),
        }
    }
    let mut by_school: BTreeMap<Option<Uuid>, Counts> = BTreeMap::new();
    let mut by_partner: BTreeMap<Option<Uuid>, Counts> = BTreeMap::new();
    let mut total = Counts::default();
    for ((school, partner), c) in &cells {
        by_school.entry(*school).or_default().add(c);
        by_partner.entry(*partner).or_default().add(c);
        total.add(c);
    }
    let groups = |m: BTreeMap<Option<Uuid>, Counts>, names: &BTreeMap<Option<Uuid>, String>, skip_none: bool| {
        let mut out: Vec<Group> = m
            .into_iter()
            .filter(|(id, _)| !(skip_none && id.is_none()))
            .map(|(id, c)| Group {
                name: names.get(&id).cloned().unwrap_or_default(),
                metrics: c.metrics(),
            })
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        out
    };
    Ok(Metrics {
        // A student with no school counts in the district's total only.
        schools: groups(by_school, &school_names, true),
        partners: groups(by_partner, &partner_names, false),
        total: total.metrics(),
    })
}
