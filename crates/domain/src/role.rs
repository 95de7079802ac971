//! Staff roles and the role a home page is built for.

use crate::ParseError;

/// A staff member's role at a school or district (DESIGN §4, §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StaffRole {
    Counselor,
    SocialWorker,
    Nurse,
    FamilyPartnershipSpecialist,
    CommunitySchoolCoordinator,
    Teacher,
    MentorAdvisor,
    SchoolAdmin,
    DistrictAdmin,
}

impl StaffRole {
    pub const ALL: [StaffRole; 9] = [
        StaffRole::Counselor,
        StaffRole::SocialWorker,
        StaffRole::Nurse,
        StaffRole::FamilyPartnershipSpecialist,
        StaffRole::CommunitySchoolCoordinator,
        StaffRole::Teacher,
        StaffRole::MentorAdvisor,
        StaffRole::SchoolAdmin,
        StaffRole::DistrictAdmin,
    ];

    /// The stored and translated key, e.g. `family_partnership_specialist`.
    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::Counselor => "counselor",
            StaffRole::SocialWorker => "social_worker",
            StaffRole::Nurse => "nurse",
            StaffRole::FamilyPartnershipSpecialist => "family_partnership_specialist",
            StaffRole::CommunitySchoolCoordinator => "community_school_coordinator",
            StaffRole::Teacher => "teacher",
            StaffRole::MentorAdvisor => "mentor_advisor",
            StaffRole::SchoolAdmin => "school_admin",
            StaffRole::DistrictAdmin => "district_admin",
        }
    }

    pub fn parse(s: &str) -> Result<Self, ParseError> {
        let s = s.trim().replace('-', "_");
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| ParseError::new("invalid_staff_role", format!("unknown staff role {s:?}")))
    }

    /// Whether the role is assigned at the district rather than a school.
    pub fn is_district_wide(self) -> bool {
        matches!(self, StaffRole::DistrictAdmin)
    }
}

/// Which home page a signed-in person gets. A person with several roles
/// gets the most senior one (a counselor who is also a guardian sees the
/// counselor home, with a link to their children).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HomeRole {
    DistrictAdmin,
    SchoolAdmin,
    Counselor,
    /// Social workers, nurses, family partnership specialists, community
    /// school coordinators and mentors: SSP team roles.
    SupportStaff,
    Teacher,
    Guardian,
    Student,
}

impl HomeRole {
    pub fn as_str(self) -> &'static str {
        match self {
            HomeRole::DistrictAdmin => "district_admin",
            HomeRole::SchoolAdmin => "school_admin",
            HomeRole::Counselor => "counselor",
            HomeRole::SupportStaff => "support_staff",
            HomeRole::Teacher => "teacher",
            HomeRole::Guardian => "guardian",
            HomeRole::Student => "student",
        }
    }

    /// The home role for a person's set of facts. `None` means the account
    /// has no role yet (a person with an account and no assignment).
    pub fn choose(staff_roles: &[StaffRole], is_guardian: bool, is_student: bool) -> Option<Self> {
        let from_staff = staff_roles.iter().map(|r| match r {
            StaffRole::DistrictAdmin => HomeRole::DistrictAdmin,
            StaffRole::SchoolAdmin => HomeRole::SchoolAdmin,
            StaffRole::Counselor => HomeRole::Counselor,
            StaffRole::Teacher => HomeRole::Teacher,
            _ => HomeRole::SupportStaff,
        });
        from_staff
            .chain(is_guardian.then_some(HomeRole::Guardian))
            .chain(is_student.then_some(HomeRole::Student))
            .min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips() {
        for r in StaffRole::ALL {
            assert_eq!(StaffRole::parse(r.as_str()).unwrap(), r);
        }
        assert_eq!(StaffRole::parse("school-admin").unwrap(), StaffRole::SchoolAdmin);
        assert_eq!(StaffRole::parse("janitor").unwrap_err().code, "invalid_staff_role");
    }

    #[test]
    fn home_role_table() {
        use HomeRole::*;
        let cases: [(&[StaffRole], bool, bool, Option<HomeRole>); 7] = [
            (&[], false, true, Some(Student)),
            (&[], true, false, Some(Guardian)),
            (&[StaffRole::Teacher], true, false, Some(Teacher)),
            (&[StaffRole::Nurse], false, false, Some(SupportStaff)),
            (
                &[StaffRole::Teacher, StaffRole::Counselor],
                false,
                false,
                Some(Counselor),
            ),
            (
                &[StaffRole::SchoolAdmin, StaffRole::DistrictAdmin],
                false,
                false,
                Some(DistrictAdmin),
            ),
            (&[], false, false, None),
        ];
        for (roles, guardian, student, want) in cases {
            assert_eq!(
                HomeRole::choose(roles, guardian, student),
                want,
                "{roles:?} {guardian} {student}"
            );
        }
    }
}
