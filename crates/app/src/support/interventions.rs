//! Tiered interventions: started from the district's library (the shipped
//! defaults and the district's own strategies), owned by someone on the
//! student's team, monitored with progress points at a cadence, ended with
//! an outcome, linked to what they answer (a need, a goal, a flag), and
//! shared with the family when the team chooses (then students and
//! guardians with rights read them; otherwise staff only).

use ssp_db::repo::support::interventions::{self as repo, InterventionRow, NewInterventionRow, PointRow};
use ssp_db::repo::support::needs;
use ssp_db::repo::team;
use ssp_domain::access::{Action, RecordKind, Sensitivity};
use ssp_domain::audit::AuditAction;
use ssp_domain::input::Rejected;
use ssp_domain::support::intervention::Tier;
use ssp_domain::support::intervention::{
    next_check_due, Cadence, CheckDue, Ending, InterventionStatus, Link, LinkKind, NewIntervention, ProgressPoint,
};
use ssp_domain::support::strategy::{default_library, Strategy, StrategyKey};
use ssp_domain::OrgId;
use uuid::Uuid;

use crate::access::StudentAccess;
use crate::actor::Actor;
use crate::admin::DistrictWrite;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::{App, Parsed};

/// The class of an intervention: shared with the family or staff only.
pub fn kind(shared_with_family: bool) -> RecordKind {
    RecordKind::Support(if shared_with_family {
        Sensitivity::Shared
    } else {
        Sensitivity::Staff
    })
}

/// One of the district's own strategies, retired or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnStrategy {
    pub strategy: Strategy,
    pub retired: bool,
}

/// The district's own strategies, retired ones included.
pub async fn own_strategies(app: &App, district: OrgId) -> Result<Vec<OwnStrategy>, Error> {
    Ok(repo::strategies(app.db(), district)
        .await?
        .into_iter()
        .filter_map(|r| {
            Some(OwnStrategy {
                strategy: Strategy {
                    key: StrategyKey::parse(&r.key).ok()?,
                    tier: Tier::parse(&r.tier).ok()?,
                    name: Some(r.name),
                },
                retired: r.retired_at.is_some(),
            })
        })
        .collect())
}

/// The strategies offered for a new intervention: the shipped defaults,
/// then the district's own that are not retired.
pub async fn library(app: &App, district: OrgId) -> Result<Vec<Strategy>, Error> {
    let mut lib = default_library();
    lib.extend(
        own_strategies(app, district)
            .await?
            .into_iter()
            .filter(|s| !s.retired)
            .map(|s| s.strategy),
    );
    Ok(lib)
}

/// Every strategy an intervention of the district may name (retired ones
/// too, so an old intervention keeps its name).
pub async fn every_strategy(app: &App, district: OrgId) -> Result<Vec<Strategy>, Error> {
    let mut lib = default_library();
    lib.extend(own_strategies(app, district).await?.into_iter().map(|s| s.strategy));
    Ok(lib)
}

/// Whether the actor reads staff-only interventions (else only the shared).
pub fn reads_staff(access: &StudentAccess) -> bool {
    access.decide(kind(false), Action::View).is_allowed()
}

/// Whether the actor may start and update interventions.
pub fn may_write(access: &StudentAccess) -> bool {
    access.decide(kind(false), Action::Edit).is_allowed()
}

/// The student's interventions the actor may read: all of them for staff,
/// only those shared with the family for the student and guardians with
/// rights. Anyone else gets the audited not-found.
pub async fn list(app: &App, access: &StudentAccess) -> Result<Vec<InterventionRow>, Error> {
    let staff = require_read(app, access).await?;
    Ok(repo::list(app.db(), access.student(), !staff).await?)
}

/// Requires reading at least shared interventions (audited); true when the
/// actor reads staff-only ones too.
async fn require_read(app: &App, access: &StudentAccess) -> Result<bool, Error> {
    if reads_staff(access) {
        access.require(app, kind(false), Action::View).await?;
        Ok(true)
    } else {
        access.require(app, kind(true), Action::View).await?;
        Ok(false)
    }
}

/// One intervention with its points and links.
pub struct Detail {
    pub row: InterventionRow,
    pub points: Vec<PointRow>,
    pub links: Vec<(String, Uuid)>,
}

/// One intervention the actor may read; an unknown one, or a staff-only
/// one for a family reader, is the audited not-found.
pub async fn get(app: &App, access: &StudentAccess, intervention: &str) -> Result<Detail, Error> {
    let staff = require_read(app, access).await?;
    let row = match find(app, access, intervention).await? {
        Some(row) if staff || row.shared_with_family => row,
        _ => {
            access.refuse(app, kind(false), Action::View).await?;
            return Err(Error::NotFound);
        }
    };
    let points = repo::points(app.db(), row.id).await?;
    let links = if staff {
        repo::links(app.db(), row.id).await?
    } else {
        vec![]
    };
    Ok(Detail { row, points, links })
}

async fn find(app: &App, access: &StudentAccess, intervention: &str) -> Result<Option<InterventionRow>, Error> {
    let Ok(id) = intervention.trim().parse::<Uuid>() else {
        return Ok(None);
    };
    Ok(repo::get(app.db(), access.student(), id).await?)
}

/// Loads an intervention for a write: staff who may edit; unknown is the
/// audited not-found.
async fn for_write(app: &App, access: &StudentAccess, intervention: &str) -> Result<InterventionRow, Error> {
    access.require(app, kind(false), Action::Edit).await?;
    match find(app, access, intervention).await? {
        Some(row) => Ok(row),
        None => {
            access.refuse(app, kind(false), Action::Edit).await?;
            Err(Error::NotFound)
        }
    }
}

/// When the next check of an active intervention is due (`None` once it
/// ended).
pub fn check_due(row: &InterventionRow, today: time::Date) -> Option<CheckDue> {
    if row.status != InterventionStatus::Active.key() {
        return None;
    }
    let cadence = Cadence::parse(&row.cadence).ok()?;
    let last: Vec<ProgressPoint> = row
        .last_point_on
        .map(|on| ProgressPoint {
            on,
            value: 0.0,
            note: String::new(),
        })
        .into_iter()
        .collect();
    Some(next_check_due(row.start_on, cadence, &last, today))
}

/// What a new intervention answers, when the form names it.
#[derive(Debug, Clone, Default)]
pub struct StartLinks {
    pub need: Option<Uuid>,
    pub goal: Option<Uuid>,
    pub flag: Option<Uuid>,
}

/// Starts an intervention (staff who may edit the student's support
/// records). Its owner must be the actor, the plan manager or a team member
/// (`owner` `not_on_team`); a linked need or goal must be the student's
/// (`need`/`goal` `unknown`). Returns its id.
pub async fn start(
    app: &App,
    access: &StudentAccess,
    input: Parsed<NewIntervention>,
    shared_with_family: bool,
    links: StartLinks,
) -> Result<Uuid, Error> {
    access.require(app, kind(false), Action::Edit).await?;
    access.require(app, kind(shared_with_family), Action::Create).await?;
    let input = input?;
    check_owner(app, access, &input).await?;
    for (k, target) in [(LinkKind::Need, links.need), (LinkKind::Goal, links.goal)] {
        if let Some(t) = target {
            check_target(app, access, k, t).await?;
        }
    }
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let id = repo::insert(
        w.tx(),
        &NewInterventionRow {
            district: access.facts.district_id,
            student: access.student(),
            strategy_key: input.strategy.as_str(),
            tier: input.tier.key(),
            owner: input.owner,
            start_on: input.start_on,
            planned_weeks: input.planned_weeks,
            cadence: input.cadence.as_str(),
            measure: &input.measure,
            baseline: input.baseline,
            goal_value: input.goal,
            shared_with_family,
            created_by: access.actor,
        },
        now,
    )
    .await?;
    for (k, target) in [
        (LinkKind::Need, links.need),
        (LinkKind::Goal, links.goal),
        (LinkKind::Flag, links.flag),
    ] {
        if let Some(t) = target {
            repo::add_link(w.tx(), id, k.key(), t, now).await?;
        }
    }
    let mut ev = w.event(AuditAction::InterventionStarted, kind(shared_with_family));
    ev.record_id = Some(id.to_string());
    ev.detail = Some(format!(
        "strategy={} tier={}",
        input.strategy.as_str(),
        input.tier.key()
    ));
    w.commit_with(ev).await?;
    Ok(id)
}

async fn check_owner(app: &App, access: &StudentAccess, input: &NewIntervention) -> Result<(), Error> {
    if input.owner == access.actor {
        return Ok(());
    }
    let pm = team::current_plan_manager(app.db(), access.student()).await?;
    let members = team::members(app.db(), access.student()).await?;
    if pm == Some(input.owner.0) || members.iter().any(|m| m.staff_id == input.owner.0) {
        Ok(())
    } else {
        Err(Rejected::one("invalid_intervention", "owner", "not_on_team").into())
    }
}

async fn check_target(app: &App, access: &StudentAccess, k: LinkKind, target: Uuid) -> Result<(), Error> {
    let known = match k {
        LinkKind::Need => needs::get(app.db(), access.student(), target).await?.is_some(),
        LinkKind::Goal => repo::is_goal_of(app.db(), access.student(), target).await?,
        // Flags are the early-warning area's; the id is kept as given.
        LinkKind::Flag => true,
    };
    if known {
        Ok(())
    } else {
        Err(Rejected::one("invalid_link", "target", "unknown").into())
    }
}

/// Adds a progress point to an active intervention. A point before the
/// start or after today is refused (`ProgressPoint::parse`); an ended
/// intervention takes none (`intervention_ended`).
pub async fn add_point(
    app: &App,
    access: &StudentAccess,
    intervention: &str,
    on: &str,
    value: &str,
    note: &str,
) -> Result<Uuid, Error> {
    let row = for_write(app, access, intervention).await?;
    if row.status != InterventionStatus::Active.key() {
        return Err(Error::Conflict("intervention_ended"));
    }
    let point = ProgressPoint::parse(on, value, note, row.start_on, app.now().date())?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let id = repo::add_point(w.tx(), row.id, point.on, point.value, &point.note, access.actor, now).await?;
    w.commit(
        AuditAction::InterventionProgressRecorded,
        kind(row.shared_with_family),
        row.id,
    )
    .await?;
    Ok(id)
}

/// Completes or discontinues an active intervention with its outcome; an
/// ended one is the conflict `illegal_intervention_move`.
pub async fn end(app: &App, access: &StudentAccess, intervention: &str, input: Parsed<Ending>) -> Result<(), Error> {
    let row = for_write(app, access, intervention).await?;
    let input = input?;
    let current = InterventionStatus::parse(&row.status).map_err(|e| Error::Internal(e.into()))?;
    let next = current.transition(input.event).map_err(|e| Error::Conflict(e.code))?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let outcome = input.event.outcome().key();
    if !repo::end(w.tx(), access.student(), row.id, next.key(), outcome, &input.note, now).await? {
        return Err(Error::Conflict(
            ssp_domain::support::intervention::ILLEGAL_INTERVENTION_MOVE,
        ));
    }
    let mut ev = w.event(AuditAction::InterventionEnded, kind(row.shared_with_family));
    ev.record_id = Some(row.id.to_string());
    ev.detail = Some(format!("status={} outcome={outcome}", next.key()));
    w.commit_with(ev).await
}

/// Links an intervention to a need, a goal or a flag.
pub async fn link(app: &App, access: &StudentAccess, intervention: &str, input: Parsed<Link>) -> Result<(), Error> {
    let row = for_write(app, access, intervention).await?;
    let input = input?;
    check_target(app, access, input.kind, input.target).await?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    repo::add_link(w.tx(), row.id, input.kind.key(), input.target, now).await?;
    let mut ev = w.event(AuditAction::InterventionLinked, kind(row.shared_with_family));
    ev.record_id = Some(row.id.to_string());
    ev.detail = Some(format!("{}={}", input.kind.key(), input.target));
    w.commit_with(ev).await
}

/// Shares an intervention with the family (the student and guardians with
/// rights then read it) or makes it staff only again.
pub async fn set_shared(app: &App, access: &StudentAccess, intervention: &str, shared: bool) -> Result<(), Error> {
    let row = for_write(app, access, intervention).await?;
    access.require(app, kind(shared), Action::Create).await?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    repo::set_shared(w.tx(), access.student(), row.id, shared, now).await?;
    let mut ev = w.event(AuditAction::InterventionSharingChanged, kind(shared));
    ev.record_id = Some(row.id.to_string());
    ev.detail = Some(format!("shared_with_family={shared}"));
    w.commit_with(ev).await
}

/// Adds a strategy of the district's own (a district administrator; the
/// caller checked the role). `Strategy::parse` refuses a key already in the
/// library, retired ones included.
pub async fn add_strategy(app: &App, actor: &Actor, key: &str, name: &str, tier: &str) -> Result<StrategyKey, Error> {
    let existing = every_strategy(app, actor.district).await?;
    let s = Strategy::parse(key, name, tier, &existing)?;
    let mut w = DistrictWrite::begin(app, actor).await?;
    let now = w.now();
    let name = s.name.as_deref().unwrap_or_default();
    repo::insert_strategy(w.tx(), actor.district, s.key.as_str(), name, s.tier.key(), now).await?;
    w.commit(
        AuditAction::SupportStrategyChanged,
        "support_strategy",
        format!("added {}", s.key.as_str()),
    )
    .await?;
    Ok(s.key)
}

/// Retires one of the district's strategies (`retire`) or offers it again;
/// not found when the district has no such key.
pub async fn set_strategy_retired(app: &App, actor: &Actor, key: &str, retire: bool) -> Result<(), Error> {
    let mut w = DistrictWrite::begin(app, actor).await?;
    let now = w.now();
    if !repo::set_strategy_retired(w.tx(), actor.district, key, retire.then_some(now)).await? {
        return Err(Error::NotFound);
    }
    let verb = if retire { "retired" } else { "restored" };
    w.commit(
        AuditAction::SupportStrategyChanged,
        "support_strategy",
        format!("{verb} {key}"),
    )
    .await
}
