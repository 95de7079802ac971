//! Changes to a student's SSP team, as parsed input: a member to add, a
//! new plan manager, a guardian's educational rights.

use crate::access::TeamRole;
use crate::input::{self, FieldError, Fields, Rejected};
use crate::PersonId;

/// A staff member's id as posted: a UUID. Codes: `required`, `invalid`.
fn staff_id(raw: &str) -> Result<PersonId, FieldError> {
    match raw.trim() {
        "" => Err(FieldError::new("staff_id", "required")),
        s => s
            .parse::<PersonId>()
            .map_err(|_| FieldError::new("staff_id", "invalid")),
    }
}

fn role_choices() -> [(&'static str, TeamRole); 7] {
    TeamRole::ALL.map(|r| (r.as_str(), r))
}

/// A staff member to add to the team in one of the team roles. Whether
/// they hold that role at the student's school is the use case's to check
/// (`staff_id` `not_at_school`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewMember {
    pub staff: PersonId,
    pub role: TeamRole,
}

impl NewMember {
    /// Fields `staff_id` and `team_role`; the input's code is `invalid_team_member`.
    pub fn parse(staff: &str, role: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let staff = f.check(staff_id(staff));
        let role = f.check(input::choice("team_role", role, &role_choices()));
        f.finish("invalid_team_member", || NewMember {
            staff: staff.expect("checked"),
            role: role.expect("checked"),
        })
    }
}

/// The staff member who becomes the plan manager (one of the school's staff,
/// which the use case checks: `staff_id` `not_at_school`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewPlanManager {
    pub staff: PersonId,
}

impl NewPlanManager {
    /// Field `staff_id`; the input's code is `invalid_plan_manager`.
    pub fn parse(staff: &str) -> Result<Self, Rejected> {
        staff_id(staff)
            .map(|staff| NewPlanManager { staff })
            .map_err(|e| Rejected::new("invalid_plan_manager", vec![e]))
    }
}

/// Whether a guardian holds educational rights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuardianRights {
    pub educational_rights: bool,
}

impl GuardianRights {
    const ERROR: &'static str = "invalid_guardian_rights";

    /// The form's `rights`: `yes` or `no`.
    pub fn parse_form(rights: &str) -> Result<Self, Rejected> {
        input::choice("rights", rights, &[("yes", true), ("no", false)])
            .map(|educational_rights| GuardianRights { educational_rights })
            .map_err(|e| Rejected::new(Self::ERROR, vec![e]))
    }

    /// The JSON body's `educational_rights`, which is required.
    pub fn parse(educational_rights: Option<bool>) -> Result<Self, Rejected> {
        educational_rights
            .map(|educational_rights| GuardianRights { educational_rights })
            .ok_or_else(|| Rejected::one(Self::ERROR, "educational_rights", "required"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_member_needs_a_staff_id_and_a_team_role() {
        let id = uuid::Uuid::now_v7();
        let m = NewMember::parse(&format!(" {id} "), "nurse").unwrap();
        assert_eq!((m.staff, m.role), (PersonId(id), TeamRole::Nurse));
        let bad = NewMember::parse("x", "principal").unwrap_err();
        assert_eq!(bad.error, "invalid_team_member");
        assert_eq!(
            bad.fields,
            vec![
                FieldError::new("staff_id", "invalid"),
                FieldError::new("team_role", "unknown_choice")
            ]
        );
        assert_eq!(
            NewMember::parse("", "").unwrap_err().fields,
            vec![
                FieldError::new("staff_id", "required"),
                FieldError::new("team_role", "required")
            ]
        );
    }

    #[test]
    fn a_plan_manager_is_a_staff_id() {
        let id = uuid::Uuid::now_v7();
        assert_eq!(NewPlanManager::parse(&id.to_string()).unwrap().staff, PersonId(id));
        let bad = NewPlanManager::parse("nobody").unwrap_err();
        assert_eq!(bad.error, "invalid_plan_manager");
        assert_eq!(bad.first(), Some(FieldError::new("staff_id", "invalid")));
    }

    #[test]
    fn rights_are_yes_or_no_on_the_form_and_a_boolean_in_json() {
        assert!(GuardianRights::parse_form("yes").unwrap().educational_rights);
        assert!(!GuardianRights::parse_form("no").unwrap().educational_rights);
        assert_eq!(
            GuardianRights::parse_form("maybe").unwrap_err().first(),
            Some(FieldError::new("rights", "unknown_choice"))
        );
        assert!(GuardianRights::parse(Some(true)).unwrap().educational_rights);
        assert_eq!(
            GuardianRights::parse(None).unwrap_err().first(),
            Some(FieldError::new("educational_rights", "required"))
        );
    }
}
