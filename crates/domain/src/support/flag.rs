//! A flag's life: its kind, its status machine (staff acknowledge, work and
//! resolve it; the system clears it when the data no longer meets the rule
//! and reopens it when the rule fires again), its next step with a due
//! date, and who owns it — so nothing sits unowned.

use std::collections::BTreeMap;

use time::Date;

use super::IllegalMove;
use crate::academics::keyed_enum;
use crate::input::{self, FieldError, Fields, Rejected};
use crate::{PersonId, StaffRole};

keyed_enum!(
    /// Which early-warning rule raised a flag (see [`super::rules`]).
    FlagKind, "unknown_flag_kind", {
        /// Missed at least the district's share of enrolled days.
        ChronicAbsence => "chronic_absence",
        /// At least the district's number of suspension days.
        Suspension => "suspension",
        /// A failed course (high school: semester or longer; middle
        /// grades: mathematics or English/ELA).
        CourseFailure => "course_failure",
        /// An unweighted GPA at or below the district's line.
        LowGpa => "low_gpa",
        /// Off track at (or by the end of) grade 9.
        Grade9OffTrack => "grade9_off_track",
    }
);

keyed_enum!(
    /// Where a flag stands. Moves go through [`transition`].
    FlagStatus, "unknown_flag_status", {
        /// Raised and assigned, not yet seen by its owner.
        Open => "open",
        /// The owner has seen it.
        Acknowledged => "acknowledged",
        /// Someone is working on it.
        InProgress => "in_progress",
        /// Closed by staff with a note.
        Resolved => "resolved",
        /// Closed by the system: the data no longer meets the rule.
        Cleared => "cleared",
    }
);

impl FlagStatus {
    /// Open, acknowledged or in progress: it needs its owner, its next
    /// step counts toward "overdue".
    pub fn is_active(self) -> bool {
        matches!(
            self,
            FlagStatus::Open | FlagStatus::Acknowledged | FlagStatus::InProgress
        )
    }
}

/// Who makes a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mover {
    /// The owner or another staff member with access.
    Staff,
    /// The rules, when the indicator data changes.
    System,
}

/// Something that happens to a flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlagEvent {
    Acknowledge,
    StartWork,
    Resolve(ResolutionNote),
    /// The data no longer meets the rule.
    Clear,
    /// The rule fires again.
    Reopen,
}

impl FlagEvent {
    /// The stable key: `acknowledge`, `start_work`, `resolve`, `clear`,
    /// `reopen`.
    pub fn key(&self) -> &'static str {
        match self {
            FlagEvent::Acknowledge => "acknowledge",
            FlagEvent::StartWork => "start_work",
            FlagEvent::Resolve(_) => "resolve",
            FlagEvent::Clear => "clear",
            FlagEvent::Reopen => "reopen",
        }
    }

    /// Staff acknowledge, start work and resolve; the system clears and
    /// reopens.
    pub fn by(&self) -> Mover {
        match self {
            FlagEvent::Acknowledge | FlagEvent::StartWork | FlagEvent::Resolve(_) => Mover::Staff,
            FlagEvent::Clear | FlagEvent::Reopen => Mover::System,
        }
    }
}

/// The code of a refused flag move.
pub const ILLEGAL_FLAG_MOVE: &str = "illegal_flag_move";

/// The status after `event`, or an [`IllegalMove`] (`illegal_flag_move`):
///
/// | from | event | to |
/// |---|---|---|
/// | open | acknowledge | acknowledged |
/// | open, acknowledged | start_work (starting work acknowledges) | in_progress |
/// | acknowledged, in_progress | resolve (with a note) | resolved |
/// | open, acknowledged, in_progress, resolved | clear | cleared |
/// | cleared | reopen | open |
///
/// A resolved flag stays resolved while its rule keeps firing (the team
/// decided, with a note); once the data drops below the rule it is
/// cleared, so a relapse reopens it.
pub fn transition(from: FlagStatus, event: &FlagEvent) -> Result<FlagStatus, IllegalMove> {
    use FlagEvent as E;
    use FlagStatus as S;
    let to = match (from, event) {
        (S::Open, E::Acknowledge) => S::Acknowledged,
        (S::Open | S::Acknowledged, E::StartWork) => S::InProgress,
        (S::Acknowledged | S::InProgress, E::Resolve(_)) => S::Resolved,
        (S::Open | S::Acknowledged | S::InProgress | S::Resolved, E::Clear) => S::Cleared,
        (S::Cleared, E::Reopen) => S::Open,
        _ => {
            return Err(IllegalMove {
                code: ILLEGAL_FLAG_MOVE,
                from: from.key(),
                event: event.key(),
            })
        }
    };
    Ok(to)
}

/// The system's move for a flag whose rule does (`fires`) or does not fire
/// on the latest data: clear what no longer fires, reopen a cleared flag
/// that fires again, leave everything else as it is.
pub fn system_move(status: FlagStatus, fires: bool) -> Option<FlagEvent> {
    match (status, fires) {
        (FlagStatus::Cleared, true) => Some(FlagEvent::Reopen),
        (FlagStatus::Cleared, false) | (_, true) => None,
        (_, false) => Some(FlagEvent::Clear),
    }
}

/// The longest resolution note.
pub const NOTE_MAX_CHARS: usize = 2_000;
/// The longest next step.
pub const NEXT_STEP_MAX_CHARS: usize = 500;

/// Why staff resolved a flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolutionNote(pub String);

impl ResolutionNote {
    /// Field `note` (1–2,000: `required`, `too_long`); the input's code is
    /// `invalid_flag_resolution`.
    pub fn parse(raw: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let note = f.check(input::text("note", raw, 1..=NOTE_MAX_CHARS));
        f.finish("invalid_flag_resolution", || ResolutionNote(note.expect("checked")))
    }
}

/// What happens next on a flag, and by when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStep {
    pub text: String,
    pub due_on: Date,
}

impl NextStep {
    /// Fields `text` (1–500: `required`, `too_long`) and `due_on`
    /// (`next_step_without_date` when blank, `invalid_date`,
    /// `date_in_past`: before `today`). The input's code is
    /// `invalid_next_step`.
    pub fn parse(text: &str, due_on: &str, today: Date) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let text = f.check(input::text("text", text, 1..=NEXT_STEP_MAX_CHARS));
        let due = f.check(if due_on.trim().is_empty() {
            Err(FieldError::new("due_on", "next_step_without_date"))
        } else {
            crate::portfolio::date_field("due_on", due_on).and_then(|d| {
                if d < today {
                    Err(FieldError::new("due_on", "date_in_past"))
                } else {
                    Ok(d)
                }
            })
        });
        f.finish("invalid_next_step", || NextStep {
            text: text.expect("checked"),
            due_on: due.expect("checked"),
        })
    }
}

/// A next step is overdue the day after its due date.
pub fn overdue(next_step_due: Date, today: Date) -> bool {
    today > next_step_due
}

/// The district's routing: which staff role owns a kind of flag. A kind
/// not routed goes to the student's plan manager.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Routing(BTreeMap<FlagKind, StaffRole>);

impl Routing {
    /// Every kind to the plan manager.
    pub fn new() -> Self {
        Self::default()
    }

    /// This routing with `kind` sent to `role`.
    pub fn route(mut self, kind: FlagKind, role: StaffRole) -> Self {
        self.0.insert(kind, role);
        self
    }

    /// The role `kind` is routed to; `None` for the plan manager.
    pub fn role_for(&self, kind: FlagKind) -> Option<StaffRole> {
        self.0.get(&kind).copied()
    }

    /// The routed kinds, in [`FlagKind`] order.
    pub fn routes(&self) -> impl Iterator<Item = (FlagKind, StaffRole)> + '_ {
        self.0.iter().map(|(k, r)| (*k, *r))
    }

    /// From the settings form: one `(flag kind key, role key)` pair per
    /// kind, a blank role meaning the plan manager. Field `kind`
    /// `unknown_choice`; the field named by the kind's key:
    /// `unknown_choice`, `not_a_school_role` (district administrators
    /// hold no school's flags), `duplicate`. The input's code is
    /// `invalid_flag_routing`.
    pub fn parse(pairs: &[(&str, &str)]) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let mut routing = Routing::new();
        let mut seen = Vec::new();
        for (kind, role) in pairs {
            let Some(kind) = f.check(input::choice("kind", kind, &FlagKind::choices())) else {
                continue;
            };
            if seen.contains(&kind) {
                f.push(kind.key(), "duplicate");
                continue;
            }
            seen.push(kind);
            if role.trim().is_empty() {
                continue;
            }
            match StaffRole::parse(role) {
                Ok(StaffRole::DistrictAdmin) => f.push(kind.key(), "not_a_school_role"),
                Ok(r) => routing = routing.route(kind, r),
                Err(_) => f.push(kind.key(), "unknown_choice"),
            }
        }
        f.finish("invalid_flag_routing", || routing)
    }
}

/// Why someone owns a flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnerBasis {
    /// The district routes this kind to the role they hold at the school.
    Routed(StaffRole),
    /// The student's plan manager (the default).
    PlanManager,
    /// Neither was available; the first holder in [`FALLBACK_ORDER`].
    Fallback(StaffRole),
}

/// Who owns a flag, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Owner {
    pub person: PersonId,
    pub basis: OwnerBasis,
}

/// Who takes a flag when neither its routed role nor a plan manager is
/// there: the counselor (who usually manages plans), the school
/// administrator (accountable for the school), then every other role.
pub const FALLBACK_ORDER: [StaffRole; 9] = [
    StaffRole::Counselor,
    StaffRole::SchoolAdmin,
    StaffRole::SocialWorker,
    StaffRole::MentorAdvisor,
    StaffRole::CommunitySchoolCoordinator,
    StaffRole::FamilyPartnershipSpecialist,
    StaffRole::Nurse,
    StaffRole::Teacher,
    StaffRole::DistrictAdmin,
];

/// The owner of a new flag of `kind`: the first holder of the routed role
/// at the student's school; else the plan manager; else the first holder of
/// the first role in [`FALLBACK_ORDER`] — so a flag is owned whenever
/// anyone is. `role_holders_at_school` is in the caller's order of
/// preference (the student's own team members first); among holders of a
/// role the first listed wins. `None` only when there is no plan manager
/// and nobody at the school: the use case must say so, not store an
/// unowned flag.
pub fn choose_owner(
    kind: FlagKind,
    routing: &Routing,
    plan_manager: Option<PersonId>,
    role_holders_at_school: &[(StaffRole, PersonId)],
) -> Option<Owner> {
    let holder = |role: StaffRole| role_holders_at_school.iter().find(|(r, _)| *r == role).map(|(_, p)| *p);
    let routed = routing.role_for(kind).and_then(|role| {
        holder(role).map(|person| Owner {
            person,
            basis: OwnerBasis::Routed(role),
        })
    });
    routed
        .or_else(|| {
            plan_manager.map(|person| Owner {
                person,
                basis: OwnerBasis::PlanManager,
            })
        })
        .or_else(|| {
            FALLBACK_ORDER.iter().find_map(|&role| {
                holder(role).map(|person| Owner {
                    person,
                    basis: OwnerBasis::Fallback(role),
                })
            })
        })
}

#[cfg(test)]
#[path = "flag_tests.rs"]
mod tests;
