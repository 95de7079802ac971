//! A student's needs. The kind decides the class (health and vision/dental
//! restricted to the nurse, social-emotional to the social worker, the rest
//! staff only), so a reader sees the classes the access module allows and
//! may open a restricted one only with a reason (break-glass, as for notes).

use ssp_db::repo::notices::{self, NewNotice};
use ssp_db::repo::support::needs::{self as repo, NeedRow, NewNeedRow};
use ssp_db::repo::team;
use ssp_domain::access::{after_break_glass, Action, Decision, RecordKind, Sensitivity};
use ssp_domain::audit::AuditAction;
use ssp_domain::records::BreakGlass;
use ssp_domain::support::need::{NeedChange, NeedStatus, NewNeed};
use ssp_domain::PersonId;
use uuid::Uuid;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::{App, Parsed};

fn kind(class: Sensitivity) -> RecordKind {
    RecordKind::Support(class)
}

/// The classes of needs the actor may read without a reason.
pub fn readable(access: &StudentAccess) -> Vec<Sensitivity> {
    Sensitivity::ALL
        .into_iter()
        .filter(|s| access.decide(kind(*s), Action::View).is_allowed())
        .collect()
}

/// The classes the actor may open only with a reason (break-glass).
pub fn behind_glass(access: &StudentAccess) -> Vec<Sensitivity> {
    Sensitivity::ALL
        .into_iter()
        .filter(|s| *s != Sensitivity::Shared)
        .filter(|s| access.decide(kind(*s), Action::View) == Decision::BreakGlass)
        .collect()
}

/// Needs are staff records: someone who may read no staff class (a
/// student, a guardian, unrelated staff) gets the audited not-found.
pub async fn require_staff(app: &App, access: &StudentAccess) -> Result<(), Error> {
    access.require(app, kind(Sensitivity::Staff), Action::View).await?;
    Ok(())
}

/// Someone who may do `action` to no class of needs (not even with a
/// reason) gets the audited not-found before anything else is answered.
async fn require_some(app: &App, access: &StudentAccess, action: Action) -> Result<(), Error> {
    let any = Sensitivity::ALL
        .into_iter()
        .filter(|s| *s != Sensitivity::Shared)
        .any(|s| access.decide(kind(s), action) != Decision::Deny);
    if !any {
        access.require(app, kind(Sensitivity::Staff), action).await?;
    }
    Ok(())
}

/// The student's needs the actor may read (audited per class), plus
/// `opened`, a restricted class just opened with a reason.
pub async fn list(app: &App, access: &StudentAccess, opened: Option<Sensitivity>) -> Result<Vec<NeedRow>, Error> {
    require_staff(app, access).await?;
    let mut classes = readable(access);
    for s in &classes {
        if *s == Sensitivity::Staff {
            continue; // audited by `require_staff`
        }
        if let Decision::Allow(reason) = access.decide(kind(*s), Action::View) {
            access.audit_view(app, kind(*s), reason).await?;
        }
    }
    classes.retain(|s| *s != Sensitivity::Shared);
    classes.extend(opened.filter(|s| !classes.contains(s)));
    Ok(repo::list(app.db(), access.student(), &classes).await?)
}

/// How many needs of each class exist (for "1 need is restricted").
pub async fn counts(app: &App, access: &StudentAccess) -> Result<Vec<(Sensitivity, i64)>, Error> {
    Ok(repo::counts(app.db(), access.student())
        .await?
        .into_iter()
        .filter_map(|(s, n)| Some((Sensitivity::parse(&s).ok()?, n)))
        .collect())
}

/// Records a need; its kind gives its class, and the actor must be allowed
/// to write that class (a teacher may record a food need, only the nurse
/// or the plan manager a health need). The access check is made before the
/// input is answered.
pub async fn record(app: &App, access: &StudentAccess, input: Parsed<NewNeed>) -> Result<Uuid, Error> {
    let class = input.as_ref().map_or(Sensitivity::Staff, |n| n.sensitivity());
    access.require(app, kind(class), Action::Create).await?;
    let input = input?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let id = repo::insert(
        w.tx(),
        &NewNeedRow {
            district: access.facts.district_id,
            student: access.student(),
            kind: input.kind.key(),
            sensitivity: class,
            description: &input.description,
            what_is_being_done: &input.what_is_being_done,
            source: input.source.key(),
            created_by: access.actor,
        },
        now,
    )
    .await?;
    w.commit(AuditAction::NeedRecorded, kind(class), id).await?;
    Ok(id)
}

/// Moves a need's status (through [`NeedStatus::transition`]: an illegal
/// move is the conflict `illegal_need_move`) and sets what is being done.
/// The actor must be allowed to edit the need's class; an unknown need, or
/// one the actor may not edit, is the audited not-found.
pub async fn change(app: &App, access: &StudentAccess, need: &str, input: Parsed<NeedChange>) -> Result<(), Error> {
    require_some(app, access, Action::Edit).await?;
    let Some(row) = find(app, access, need).await? else {
        access.refuse(app, kind(Sensitivity::Staff), Action::Edit).await?;
        return Err(Error::NotFound);
    };
    let class = Sensitivity::parse(&row.sensitivity).map_err(|e| Error::Internal(e.into()))?;
    access.require(app, kind(class), Action::Edit).await?;
    let input = input?;
    let current = NeedStatus::parse(&row.status).map_err(|e| Error::Internal(e.into()))?;
    let status = match input.status {
        Some(to) if to != current => current.transition(to).map_err(|e| Error::Conflict(e.code))?,
        _ => current,
    };
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    if !repo::update(
        w.tx(),
        access.student(),
        row.id,
        status.key(),
        &input.what_is_being_done,
        now,
    )
    .await?
    {
        return Err(Error::NotFound);
    }
    let mut ev = w.event(AuditAction::NeedChanged, kind(class));
    ev.record_id = Some(row.id.to_string());
    ev.detail = Some(format!("status={}", status.key()));
    w.commit_with(ev).await
}

async fn find(app: &App, access: &StudentAccess, need: &str) -> Result<Option<NeedRow>, Error> {
    let Ok(id) = need.trim().parse::<Uuid>() else {
        return Ok(None);
    };
    Ok(repo::get(app.db(), access.student(), id).await?)
}

/// Opens a restricted class of needs with a reason: the reason is audited
/// and the plan manager (when it is someone else) gets a notice. A class
/// that is no break-glass case for the actor is the audited not-found.
/// Returns the class opened.
pub async fn break_glass(app: &App, access: &StudentAccess, input: Parsed<BreakGlass>) -> Result<Sensitivity, Error> {
    require_some(app, access, Action::View).await?;
    let input = input?;
    let k = kind(input.sensitivity);
    if after_break_glass(access.decide(k, Action::View), true) == Decision::Deny {
        access.require(app, k, Action::View).await?;
        return Err(Error::NotFound);
    }
    let plan_manager = team::current_plan_manager(app.db(), access.student()).await?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    if let Some(pm) = plan_manager.filter(|pm| *pm != access.actor.0) {
        notices::add(
            w.tx(),
            &NewNotice {
                district: access.facts.district_id,
                recipient: PersonId(pm),
                kind: "break_glass",
                student: Some(access.student()),
                actor: Some(access.actor),
                detail: Some(&input.reason),
                now,
            },
        )
        .await?;
    }
    let mut ev = w.event(AuditAction::BreakGlass, k);
    ev.detail = Some(format!("reason={}", input.reason_line()));
    w.commit_with(ev).await?;
    tracing::warn!(
        class = input.sensitivity.as_str(),
        "break-glass access to restricted needs"
    );
    Ok(input.sensitivity)
}
