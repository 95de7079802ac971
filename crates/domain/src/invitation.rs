//! Who may invite a guardian to sign in, and the one-time codes printed on
//! invitation letters. Pure rules; the use cases are in
//! `ssp_app::accounts::invitations`.

use crate::access::Relationship;
use crate::role::StaffRole;

/// Staff who may invite a student's guardians: the student's plan manager,
/// a school administrator of the student's school, and the district's
/// administrators. Teachers, team members, school-wide support staff and
/// families may not (they see the guardian on the team page, but inviting
/// creates a sign-in to the child's plan).
pub fn may_invite_guardian(rel: &Relationship) -> bool {
    rel.is_plan_manager || rel.district_admin || rel.school_roles.contains(&StaffRole::SchoolAdmin)
}

/// Who may invite every family of a school at once: its school
/// administrators and the district's administrators.
pub fn may_invite_school(school_roles: &[StaffRole], district_admin: bool) -> bool {
    district_admin || school_roles.contains(&StaffRole::SchoolAdmin)
}

/// The alphabet of letter codes: no 0/O, 1/I/L, so a code read off paper
/// is typed right (Crockford's base32 without U).
pub const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTVWXYZ0123456789";

/// A letter code as typed, normalised: upper case, without spaces or
/// dashes, with the letters people confuse mapped (O→0, I/L→1 are not in
/// the alphabet, so they are refused). `None` when it cannot be a code.
pub fn normalise_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .map(|c| if c == 'O' { '0' } else { c })
        .collect();
    (code.len() == 16 && code.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(code)
}

/// A code written in groups of four for the letter: `ABCD-EFGH-JKMN-PQRS`.
pub fn format_code(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::TeamRole;

    fn rel() -> Relationship {
        Relationship::default()
    }

    #[test]
    fn who_may_invite_a_guardian() {
        let with = |f: &dyn Fn(&mut Relationship)| {
            let mut r = rel();
            f(&mut r);
            may_invite_guardian(&r)
        };
        // Positive.
        assert!(with(&|r| r.is_plan_manager = true), "plan manager");
        assert!(with(&|r| r.school_roles = vec![StaffRole::SchoolAdmin]), "school admin");
        assert!(with(&|r| r.district_admin = true), "district admin");
        // Negative: every other persona.
        assert!(!with(&|_| {}), "unrelated");
        assert!(!with(&|r| r.is_self = true), "the student");
        assert!(!with(&|r| r.guardian_with_rights = Some(true)), "a guardian");
        assert!(!with(&|r| r.teaches_student = true), "a teacher of the student");
        assert!(!with(&|r| r.team_roles = vec![TeamRole::Counselor]), "a team member");
        for role in [
            StaffRole::Counselor,
            StaffRole::Nurse,
            StaffRole::SocialWorker,
            StaffRole::FamilyPartnershipSpecialist,
            StaffRole::CommunitySchoolCoordinator,
            StaffRole::Teacher,
            StaffRole::MentorAdvisor,
        ] {
            assert!(!with(&|r| r.school_roles = vec![role]), "{role:?} at the school");
        }
    }

    #[test]
    fn who_may_invite_a_whole_school() {
        assert!(may_invite_school(&[StaffRole::SchoolAdmin], false));
        assert!(may_invite_school(&[], true));
        assert!(!may_invite_school(&[StaffRole::Counselor, StaffRole::Teacher], false));
        assert!(!may_invite_school(&[], false));
    }

    #[test]
    fn letter_codes_survive_how_people_type_them() {
        let code = "ABCD0FGH2KMN3QRS";
        assert_eq!(format_code(code), "ABCD-0FGH-2KMN-3QRS");
        assert_eq!(normalise_code("abcd-ofgh 2kmn-3qrs").as_deref(), Some(code));
        assert_eq!(normalise_code("ABCD-0FGH-2KMN"), None, "too short");
        assert_eq!(normalise_code("ABCD-0FGH-2KMN-3QRU"), None, "U is not in the alphabet");
    }
}
