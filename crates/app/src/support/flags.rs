//! A student's flags as staff see and work them: the page's read (each
//! flag with its numbers and history), acknowledge, start work, set a next
//! step (text and a date), reassign the owner (to staff who may work the
//! student's flags), resolve with a note; and a staff member's own open
//! flags, overdue first. Every action requires `Support(Staff)`/`Edit` —
//! students and families get the audited not-found.

use ssp_db::repo::access as facts_repo;
use ssp_db::repo::support::flags::{self as repo, EventRow, FlagRow, ListedFlag};
use ssp_domain::access::{decide, Action, Decision};
use ssp_domain::audit::AuditAction;
use ssp_domain::support::flag::{overdue, transition, FlagEvent, FlagKind, FlagStatus, NextStep, ResolutionNote};
use ssp_domain::support::indicators::is_stale;
use ssp_domain::PersonId;
use time::Date;
use uuid::Uuid;

use crate::access::StudentAccess;
use crate::actor::Actor;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::{App, Parsed};

/// One flag with its history.
#[derive(Debug, Clone)]
pub struct Flag {
    pub row: FlagRow,
    pub kind: FlagKind,
    pub status: FlagStatus,
    pub owner_name: String,
    /// The next step is past its due date and the flag still active.
    pub overdue: bool,
    pub history: Vec<EventRow>,
}

/// The student's flags, active first (a staff read, audited).
pub async fn of_student(app: &App, access: &StudentAccess) -> Result<Vec<Flag>, Error> {
    access.require(app, super::FLAG, Action::View).await?;
    let db = app.db();
    let kinds: Vec<&str> = FlagKind::ALL.iter().map(|k| k.key()).collect();
    let rows = repo::for_students(db, &[access.student()], &kinds).await?;
    let mut events = repo::events(db, access.student()).await?;
    let names = repo::names(db, &rows.iter().map(|r| r.owner_id).collect::<Vec<_>>()).await?;
    let today = app.now().date();
    let stale_after = super::settings::of(app, access.facts.district_id)
        .await?
        .thresholds
        .stale_after_days;
    let mut out: Vec<Flag> = rows
        .into_iter()
        .filter_map(|mut row| {
            // Data ages without changing: stale is judged on reading.
            row.stale = is_stale(row.as_of, today, stale_after);
            let kind = FlagKind::parse(&row.kind).ok()?;
            let status = FlagStatus::parse(&row.status).ok()?;
            let history = events
                .iter_mut()
                .filter(|(f, _)| *f == row.id)
                .map(|(_, e)| e.clone())
                .collect();
            Some(Flag {
                owner_name: names.get(&row.owner_id).cloned().unwrap_or_default(),
                overdue: status.is_active() && overdue(row.next_step_due, today),
                kind,
                status,
                history,
                row,
            })
        })
        .collect();
    out.sort_by_key(|f| (!f.status.is_active(), f.kind));
    Ok(out)
}

/// What staff do to a flag.
#[derive(Debug, Clone)]
pub enum Move {
    Acknowledge,
    StartWork,
    Resolve(Parsed<ResolutionNote>),
    NextStep(Parsed<NextStep>),
    /// To a person by id (as typed or chosen).
    Reassign(String),
}

/// Applies `m` to the student's flag `flag_id` (a malformed or unknown id
/// is not found). Refusals: the input's rejection (`invalid_next_step`
/// with `next_step_without_date`, `invalid_flag_resolution`), a move the
/// status does not allow (`illegal_flag_move`), a new owner who may not
/// work this student's flags (`flag_owner_without_access`).
pub async fn act(app: &App, access: &StudentAccess, flag_id: &str, m: Move) -> Result<(), Error> {
    access.require(app, super::FLAG, Action::Edit).await?;
    let id: Uuid = flag_id.parse().map_err(|_| Error::NotFound)?;
    let mut row = repo::get(app.db(), access.student(), id)
        .await?
        .ok_or(Error::NotFound)?;
    let status = FlagStatus::parse(&row.status).map_err(|_| Error::NotFound)?;
    let (key, detail) = match m {
        Move::Acknowledge | Move::StartWork | Move::Resolve(_) => {
            let event = match m {
                Move::Acknowledge => FlagEvent::Acknowledge,
                Move::StartWork => FlagEvent::StartWork,
                Move::Resolve(note) => FlagEvent::Resolve(note?),
                _ => unreachable!("matched above"),
            };
            let to = transition(status, &event).map_err(|_| Error::Conflict("illegal_flag_move"))?;
            row.status = to.key().to_owned();
            if let FlagEvent::Resolve(note) = &event {
                row.resolved_note = Some(note.0.clone());
            }
            (event.key(), String::new())
        }
        Move::NextStep(step) => {
            let step = step?;
            if !status.is_active() {
                return Err(Error::Conflict("illegal_flag_move"));
            }
            row.next_step = step.text;
            row.next_step_due = step.due_on;
            ("next_step", row.next_step_due.to_string())
        }
        Move::Reassign(raw) => {
            if !status.is_active() {
                return Err(Error::Conflict("illegal_flag_move"));
            }
            let to: Uuid = raw
                .trim()
                .parse()
                .map_err(|_| Error::Conflict("flag_owner_without_access"))?;
            let person = PersonId(to);
            let may = facts_repo::facts(app.db(), person, access.student(), app.now().date())
                .await?
                .is_some_and(|f| {
                    !f.relationship.is_self
                        && f.relationship.guardian_with_rights.is_none()
                        && matches!(
                            decide(&f.relationship, f.facts, super::FLAG, Action::Edit),
                            Decision::Allow(_)
                        )
                });
            if !may {
                return Err(Error::Conflict("flag_owner_without_access"));
            }
            row.owner_id = person.0;
            row.owner_basis = "reassigned".into();
            ("reassign", person.0.to_string())
        }
    };
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    row.updated_at = now;
    repo::update(w.tx(), &row).await?;
    repo::add_event(w.tx(), row.id, now, Some(access.actor), key, &row.status, &detail).await?;
    let mut ev = w.event(AuditAction::FlagChanged, super::FLAG);
    ev.record_id = Some(row.id.to_string());
    ev.detail = Some(format!("{} {key}", row.kind));
    w.commit_with(ev).await
}

/// A flag on the owner's list.
#[derive(Debug, Clone)]
pub struct Listed {
    pub flag: ListedFlag,
    pub kind: FlagKind,
    pub status: FlagStatus,
    pub overdue: bool,
}

/// The signed-in staff member's active flags, overdue first (then by due
/// date). Each is theirs to work: the list shows what the flag table says
/// they own, and opening one goes through the access module.
pub async fn mine(app: &App, actor: &Actor) -> Result<Vec<Listed>, Error> {
    let today: Date = app.now().date();
    let stale_after = super::settings::of(app, actor.district)
        .await?
        .thresholds
        .stale_after_days;
    let mut out: Vec<Listed> = repo::open_for_owner(app.db(), actor.person)
        .await?
        .into_iter()
        .filter_map(|mut flag| {
            flag.stale = is_stale(flag.as_of, today, stale_after);
            Some(Listed {
                kind: FlagKind::parse(&flag.kind).ok()?,
                status: FlagStatus::parse(&flag.status).ok()?,
                overdue: overdue(flag.next_step_due, today),
                flag,
            })
        })
        .collect();
    out.sort_by_key(|l| (!l.overdue, l.flag.next_step_due));
    Ok(out)
}
