//! The one place that decides who may do what to which student's records
//! (DESIGN §5). Pure: handlers gather the facts, this module decides, and
//! the same rules yield the SQL scope for lists (see [`ListScope`]).
//!
//! Every [`RecordKind`] declares its sensitivity here, and the decision is a
//! total function over role × relationship × sensitivity × action, so a new
//! kind cannot be added without its rules (the matrix test enumerates all).

use crate::partners::ServiceCategory;
use crate::{OrgId, PersonId, StaffRole};

/// What is being done to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    View,
    Create,
    Edit,
    Sign,
    Export,
    Disclose,
}

impl Action {
    pub const ALL: [Action; 6] = [
        Action::View,
        Action::Create,
        Action::Edit,
        Action::Sign,
        Action::Export,
        Action::Disclose,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::View => "view",
            Action::Create => "create",
            Action::Edit => "edit",
            Action::Sign => "sign",
            Action::Export => "export",
            Action::Disclose => "disclose",
        }
    }
}

/// Who may see a record, by its class (DESIGN §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sensitivity {
    /// Team, student and guardians.
    Shared,
    /// Staff with access to the student.
    Staff,
    /// Health notes: the nurse and the plan manager.
    RestrictedHealth,
    /// Social-services notes: the social worker and the plan manager.
    RestrictedSocial,
}

impl Sensitivity {
    pub const ALL: [Sensitivity; 4] = [
        Sensitivity::Shared,
        Sensitivity::Staff,
        Sensitivity::RestrictedHealth,
        Sensitivity::RestrictedSocial,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Sensitivity::Shared => "shared",
            Sensitivity::Staff => "staff",
            Sensitivity::RestrictedHealth => "restricted_health",
            Sensitivity::RestrictedSocial => "restricted_social",
        }
    }

    pub fn parse(s: &str) -> Result<Self, crate::ParseError> {
        Self::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| crate::ParseError::new("invalid_sensitivity", s))
    }

    pub fn is_restricted(self) -> bool {
        matches!(self, Sensitivity::RestrictedHealth | Sensitivity::RestrictedSocial)
    }

    /// The class a new note or interaction gets when its author chooses
    /// none: staff only. Every staff member who may write a note may write
    /// this class, and sharing with the family, or restricting to one
    /// specialist, is a choice the author makes on purpose.
    pub const DEFAULT_FOR_NEW: Sensitivity = Sensitivity::Staff;

    /// The order a form offers the classes in: the default first, sharing
    /// with the student and family last.
    pub const CHOICE_ORDER: [Sensitivity; 4] = [
        Sensitivity::Staff,
        Sensitivity::RestrictedHealth,
        Sensitivity::RestrictedSocial,
        Sensitivity::Shared,
    ];

    /// The class posted by a form: none (or blank) is [`Self::DEFAULT_FOR_NEW`].
    pub fn from_form(s: &str) -> Result<Self, crate::ParseError> {
        match s.trim() {
            "" => Ok(Self::DEFAULT_FOR_NEW),
            s => Self::parse(s),
        }
    }
}

/// The kinds of records about a student. Adding one means adding it to
/// `ALL` and to the matches below; the matrix test covers it from then on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    /// The plan and its parts (profile, goals, reflections…): shared.
    Plan,
    /// Who is on the SSP team, the plan manager, the guardians.
    Team,
    /// The "who viewed my plan" log for one student.
    AccessLog,
    /// An eligible student's choice to share the plan with guardians.
    SharingChoice,
    /// A comment on a reflection: anyone who may read the plan may add one.
    Comment,
    /// A note about the student, with its own sensitivity class.
    Note(Sensitivity),
    /// Support records — early-warning flags, needs, interventions — with
    /// their sensitivity class (a flag is staff-only; a health need is
    /// restricted to the nurse and plan manager; an intervention shared with
    /// the family is shared). Decided as notes of the same class are.
    Support(Sensitivity),
}

impl RecordKind {
    pub const ALL: [RecordKind; 13] = [
        RecordKind::Plan,
        RecordKind::Team,
        RecordKind::AccessLog,
        RecordKind::SharingChoice,
        RecordKind::Comment,
        RecordKind::Note(Sensitivity::Shared),
        RecordKind::Note(Sensitivity::Staff),
        RecordKind::Note(Sensitivity::RestrictedHealth),
        RecordKind::Note(Sensitivity::RestrictedSocial),
        RecordKind::Support(Sensitivity::Shared),
        RecordKind::Support(Sensitivity::Staff),
        RecordKind::Support(Sensitivity::RestrictedHealth),
        RecordKind::Support(Sensitivity::RestrictedSocial),
    ];

    pub fn sensitivity(self) -> Sensitivity {
        match self {
            RecordKind::Plan
            | RecordKind::Team
            | RecordKind::AccessLog
            | RecordKind::SharingChoice
            | RecordKind::Comment => Sensitivity::Shared,
            RecordKind::Note(s) | RecordKind::Support(s) => s,
        }
    }

    /// The name stored in audit rows.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Plan => "plan",
            RecordKind::Team => "team",
            RecordKind::AccessLog => "access_log",
            RecordKind::SharingChoice => "sharing_choice",
            RecordKind::Comment => "comment",
            RecordKind::Note(Sensitivity::Shared) => "note_shared",
            RecordKind::Note(Sensitivity::Staff) => "note_staff",
            RecordKind::Note(Sensitivity::RestrictedHealth) => "note_restricted_health",
            RecordKind::Note(Sensitivity::RestrictedSocial) => "note_restricted_social",
            RecordKind::Support(Sensitivity::Shared) => "support_shared",
            RecordKind::Support(Sensitivity::Staff) => "support_staff",
            RecordKind::Support(Sensitivity::RestrictedHealth) => "support_restricted_health",
            RecordKind::Support(Sensitivity::RestrictedSocial) => "support_restricted_social",
        }
    }
}

/// A team role on one student's SSP team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TeamRole {
    Counselor,
    SocialWorker,
    Nurse,
    FamilyPartnershipSpecialist,
    CommunitySchoolCoordinator,
    Teacher,
    MentorAdvisor,
}

impl TeamRole {
    pub const ALL: [TeamRole; 7] = [
        TeamRole::Counselor,
        TeamRole::SocialWorker,
        TeamRole::Nurse,
        TeamRole::FamilyPartnershipSpecialist,
        TeamRole::CommunitySchoolCoordinator,
        TeamRole::Teacher,
        TeamRole::MentorAdvisor,
    ];

    pub fn as_str(self) -> &'static str {
        self.staff_role().as_str()
    }

    pub fn staff_role(self) -> StaffRole {
        match self {
            TeamRole::Counselor => StaffRole::Counselor,
            TeamRole::SocialWorker => StaffRole::SocialWorker,
            TeamRole::Nurse => StaffRole::Nurse,
            TeamRole::FamilyPartnershipSpecialist => StaffRole::FamilyPartnershipSpecialist,
            TeamRole::CommunitySchoolCoordinator => StaffRole::CommunitySchoolCoordinator,
            TeamRole::Teacher => StaffRole::Teacher,
            TeamRole::MentorAdvisor => StaffRole::MentorAdvisor,
        }
    }

    pub fn parse(s: &str) -> Result<Self, crate::ParseError> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or_else(|| crate::ParseError::new("invalid_team_role", s))
    }
}

/// What the actor is to this student. Gathered from the database by the
/// caller; every field is about *this* student.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Relationship {
    /// The actor is the student.
    pub is_self: bool,
    /// The actor has an active guardian link; `Some(true)` with educational rights.
    pub guardian_with_rights: Option<bool>,
    /// The actor's active team roles for this student.
    pub team_roles: Vec<TeamRole>,
    /// The actor is the current plan manager.
    pub is_plan_manager: bool,
    /// The actor teaches a current class the student is enrolled in.
    pub teaches_student: bool,
    /// The actor's staff roles at the student's current school.
    pub school_roles: Vec<StaffRole>,
    /// The actor is a district administrator of the student's district.
    pub district_admin: bool,
}

/// Facts about the student that change the rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StudentFacts {
    /// 18 or older: an eligible student under FERPA.
    pub eligible: bool,
    /// An eligible student chose to share the plan with guardians.
    pub shares_with_guardians: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow(Reason),
    /// Allowed only after the actor gives a reason; audited as break-glass
    /// and the plan manager is told.
    BreakGlass,
    Deny,
}

impl Decision {
    pub fn is_allowed(self) -> bool {
        matches!(self, Decision::Allow(_))
    }
}

/// Why access was allowed, recorded in the audit row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    OwnRecord,
    Guardian,
    PlanManager,
    TeamMember,
    Teacher,
    SchoolStaff,
    DistrictAdmin,
    BreakGlass,
    /// A partner user, under an active consent for the category.
    Partner,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::OwnRecord => "own_record",
            Reason::Guardian => "guardian",
            Reason::PlanManager => "plan_manager",
            Reason::TeamMember => "team_member",
            Reason::Teacher => "teacher",
            Reason::SchoolStaff => "school_staff",
            Reason::DistrictAdmin => "district_admin",
            Reason::BreakGlass => "break_glass",
            Reason::Partner => "partner",
        }
    }
}

/// Staff roles that serve a whole school: they see the plans of every
/// student there (not the restricted notes) and start on "students at my
/// school". Family partnership specialists and community school
/// coordinators work with any family of the school, as nurses do.
pub fn is_school_wide(role: StaffRole) -> bool {
    matches!(
        role,
        StaffRole::Counselor
            | StaffRole::SchoolAdmin
            | StaffRole::Nurse
            | StaffRole::SocialWorker
            | StaffRole::FamilyPartnershipSpecialist
            | StaffRole::CommunitySchoolCoordinator
    )
}

/// School-wide roles that may break glass to read a restricted note at
/// their school (with a stated reason); the family partnership specialist
/// and community school coordinator may not.
pub fn may_break_glass(role: StaffRole) -> bool {
    matches!(
        role,
        StaffRole::Counselor | StaffRole::SchoolAdmin | StaffRole::Nurse | StaffRole::SocialWorker
    )
}

/// The decision for one actor, student, record kind and action.
pub fn decide(rel: &Relationship, student: StudentFacts, kind: RecordKind, action: Action) -> Decision {
    use Action::*;
    use Decision::{Allow, Deny};
    let sensitivity = kind.sensitivity();

    // The plan manager is accountable for the whole plan.
    if rel.is_plan_manager {
        return match (kind, action) {
            (RecordKind::Plan, _) => Allow(Reason::PlanManager),
            (RecordKind::Team, View | Create | Edit | Export) => Allow(Reason::PlanManager),
            // The log is written by the system and the sharing choice is the
            // student's own: the plan manager reads them.
            (RecordKind::AccessLog | RecordKind::SharingChoice, View | Export) => Allow(Reason::PlanManager),
            (RecordKind::Note(_) | RecordKind::Support(_), View | Create | Edit | Export | Disclose) => {
                Allow(Reason::PlanManager)
            }
            (RecordKind::Comment, View | Create) => Allow(Reason::PlanManager),
            _ => Deny,
        };
    }

    if rel.is_self {
        return match (kind, action) {
            (RecordKind::Plan, View | Create | Edit | Sign | Export) => Allow(Reason::OwnRecord),
            (RecordKind::Team | RecordKind::AccessLog, View | Export) => Allow(Reason::OwnRecord),
            (RecordKind::SharingChoice, View) => Allow(Reason::OwnRecord),
            (RecordKind::SharingChoice, Edit) if student.eligible => Allow(Reason::OwnRecord),
            (RecordKind::Note(Sensitivity::Shared) | RecordKind::Support(Sensitivity::Shared), View) => {
                Allow(Reason::OwnRecord)
            }
            (RecordKind::Comment, View | Create) => Allow(Reason::OwnRecord),
            _ => Deny,
        };
    }

    let staff = staff_decision(rel, kind, sensitivity, action);
    if staff != Deny {
        return staff;
    }

    if rel.guardian_with_rights == Some(true) && (!student.eligible || student.shares_with_guardians) {
        return match (kind, action) {
            (RecordKind::Plan, View | Sign | Export) => Allow(Reason::Guardian),
            (RecordKind::Team | RecordKind::AccessLog, View) => Allow(Reason::Guardian),
            (RecordKind::Note(Sensitivity::Shared) | RecordKind::Support(Sensitivity::Shared), View) => {
                Allow(Reason::Guardian)
            }
            (RecordKind::Comment, View | Create) => Allow(Reason::Guardian),
            _ => Deny,
        };
    }
    Deny
}

fn staff_decision(rel: &Relationship, kind: RecordKind, sensitivity: Sensitivity, action: Action) -> Decision {
    use Action::*;
    use Decision::{Allow, BreakGlass, Deny};

    let on_team = !rel.team_roles.is_empty();
    let school_wide = rel.school_roles.iter().copied().any(is_school_wide);
    let school_admin = rel.school_roles.contains(&StaffRole::SchoolAdmin);
    let counselor_here = rel.school_roles.contains(&StaffRole::Counselor);
    let holds =
        |team: TeamRole, school: StaffRole| rel.team_roles.contains(&team) || rel.school_roles.contains(&school);

    // Restricted notes: only the matching specialist (or the plan manager,
    // handled above); others with school- or district-wide access may break
    // glass to read, never to write.
    if sensitivity.is_restricted() {
        let specialist = match sensitivity {
            Sensitivity::RestrictedHealth => holds(TeamRole::Nurse, StaffRole::Nurse),
            _ => holds(TeamRole::SocialWorker, StaffRole::SocialWorker),
        };
        if specialist {
            return match action {
                View | Create | Edit => Allow(if on_team {
                    Reason::TeamMember
                } else {
                    Reason::SchoolStaff
                }),
                _ => Deny,
            };
        }
        if action == View && (rel.school_roles.iter().copied().any(may_break_glass) || rel.district_admin) {
            return BreakGlass;
        }
        return Deny;
    }

    let reason = if on_team {
        Reason::TeamMember
    } else if school_wide {
        Reason::SchoolStaff
    } else if rel.teaches_student {
        Reason::Teacher
    } else if rel.district_admin {
        Reason::DistrictAdmin
    } else {
        return Deny;
    };

    match kind {
        RecordKind::Plan => match action {
            View | Create => Allow(reason),
            // Staff edit the plan's staff-side parts (suggested goals, check-in
            // notes) but the student owns it; teachers add check-ins only.
            Edit if reason != Reason::Teacher && reason != Reason::DistrictAdmin => Allow(reason),
            Export if school_admin || counselor_here || rel.district_admin => Allow(reason),
            _ => Deny,
        },
        RecordKind::Team => match action {
            View => Allow(reason),
            Create | Edit if school_admin || counselor_here || rel.district_admin => Allow(reason),
            _ => Deny,
        },
        RecordKind::AccessLog => match action {
            View if school_admin || rel.district_admin => Allow(reason),
            Export if rel.district_admin => Allow(reason),
            _ => Deny,
        },
        RecordKind::SharingChoice => match action {
            View => Allow(reason),
            _ => Deny,
        },
        RecordKind::Comment => match action {
            View | Create => Allow(reason),
            _ => Deny,
        },
        RecordKind::Note(_) | RecordKind::Support(_) => match action {
            View | Create => Allow(reason),
            Edit if reason != Reason::DistrictAdmin => Allow(reason),
            _ => Deny,
        },
    }
}

/// What a partner organisation's user is to one student: gathered by the
/// caller from the referrals to the user's organisation and the consents
/// for it, on today's date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartnerTie {
    /// The student has been referred to the user's organisation.
    pub referred: bool,
    /// The categories of an active consent (granted, not expired, not
    /// revoked) for the organisation; empty when none is active.
    pub consented: Vec<ServiceCategory>,
}

/// The decision for a partner user about a referred student's records in
/// one service category (DESIGN §5): only students referred to their
/// organisation, only while consent is active, only the consented
/// categories. They view the referral and what it carries, and move it
/// (accept, decline, record a service, close): `Edit`. Nothing else — no
/// plan, no team, no notes, no export, no further disclosure.
pub fn decide_partner(tie: &PartnerTie, category: ServiceCategory, action: Action) -> Decision {
    if !tie.referred || !tie.consented.contains(&category) {
        return Decision::Deny;
    }
    match action {
        Action::View | Action::Edit => Decision::Allow(Reason::Partner),
        _ => Decision::Deny,
    }
}

/// The break-glass decision once a reason is given.
pub fn after_break_glass(decision: Decision, reason_given: bool) -> Decision {
    match decision {
        Decision::BreakGlass if reason_given => Decision::Allow(Reason::BreakGlass),
        other => other,
    }
}

/// Which students an actor may list: a union of parts, each one turned into
/// an indexed SQL filter by the database layer, so a caseload of 400 among
/// 300,000 is filtered in the database.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListScope {
    pub parts: Vec<ScopePart>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopePart {
    /// The student themself.
    Student(PersonId),
    /// Children of a guardian with educational rights (eligible students
    /// only when they share).
    ChildrenOf(PersonId),
    /// Students whose plan the staff member manages.
    ManagedBy(PersonId),
    /// Students whose team the staff member is on.
    TeamOf(PersonId),
    /// Students in the teacher's current classes.
    TaughtBy(PersonId),
    /// All students of a school.
    School(OrgId),
    /// All students of a district.
    District(OrgId),
}

/// The actor's standing outside any one student: what a list can show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorStanding {
    pub person: Option<PersonId>,
    pub is_student: bool,
    pub is_guardian: bool,
    /// (role, org) for each active staff assignment.
    pub staff: Vec<(StaffRole, OrgId)>,
}

/// The list scope that matches [`decide`] for `RecordKind::Plan` / `View`.
pub fn list_scope(actor: &ActorStanding) -> ListScope {
    let Some(me) = actor.person else {
        return ListScope::default();
    };
    let mut parts = Vec::new();
    if actor.is_student {
        parts.push(ScopePart::Student(me));
    }
    if actor.is_guardian {
        parts.push(ScopePart::ChildrenOf(me));
    }
    if !actor.staff.is_empty() {
        parts.push(ScopePart::ManagedBy(me));
        parts.push(ScopePart::TeamOf(me));
    }
    for (role, org) in &actor.staff {
        match role {
            StaffRole::DistrictAdmin => parts.push(ScopePart::District(*org)),
            r if is_school_wide(*r) => parts.push(ScopePart::School(*org)),
            StaffRole::Teacher => parts.push(ScopePart::TaughtBy(me)),
            _ => {}
        }
    }
    parts.dedup();
    ListScope { parts }
}

#[cfg(test)]
#[path = "access_tests.rs"]
mod tests;
