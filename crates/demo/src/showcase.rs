//! The showcase people: fixed usernames in the first district's first high
//! school, each a real, properly linked member of the generated data, and
//! the one-line notes a sign-in page shows about them.

/// The showcase student's grade, and her older brother's.
pub(crate) const GRADE: i32 = 10;
pub(crate) const SIBLING_GRADE: i32 = 12;

pub(crate) const STUDENT: &str = "demo.student";
pub(crate) const GUARDIAN: &str = "demo.guardian";
pub(crate) const GUARDIAN_ES: &str = "demo.guardian.es";
pub(crate) const COUNSELOR: &str = "demo.counselor";
pub(crate) const TEACHER: &str = "demo.teacher";
pub(crate) const SCHOOL_ADMIN: &str = "demo.schooladmin";
pub(crate) const DISTRICT_ADMIN: &str = "demo.districtadmin";
pub(crate) const NURSE: &str = "demo.nurse";
pub(crate) const SOCIAL_WORKER: &str = "demo.socialworker";
pub(crate) const FPS: &str = "demo.fps";
pub(crate) const CSC: &str = "demo.csc";
pub(crate) const MENTOR: &str = "demo.mentor";

/// A showcase account to sign in as (all share [`crate::DEMO_PASSWORD`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSignIn {
    /// The role key: `student`, `guardian`, or a staff role as stored in
    /// `staff_assignments.role`.
    pub role: &'static str,
    pub username: &'static str,
    /// One short English line about who this is.
    pub note: &'static str,
}

/// The showcase accounts, student and family first, then staff, then the
/// community partner's user.
pub fn demo_sign_ins() -> Vec<DemoSignIn> {
    let s = |role, username, note| DemoSignIn { role, username, note };
    vec![
        s(
            "student",
            STUDENT,
            "Camila Reyes, grade 10 at Riverside High School; parents in two households",
        ),
        s(
            "guardian",
            GUARDIAN,
            "Michael Reyes, parent of Camila and of Mateo (grade 12, already 18); English",
        ),
        s(
            "guardian",
            GUARDIAN_ES,
            "Lucía Morales, Camila's and Mateo's parent in a second household; Spanish",
        ),
        s(
            "counselor",
            COUNSELOR,
            "counselor at Riverside High School; plan manager of Camila and ~350 others",
        ),
        s(
            "teacher",
            TEACHER,
            "English teacher at Riverside High School; teaches Camila's English 10 class",
        ),
        s(
            "school_admin",
            SCHOOL_ADMIN,
            "school administrator of Riverside High School",
        ),
        s(
            "district_admin",
            DISTRICT_ADMIN,
            "district administrator of Harbor City Public Schools",
        ),
        s("nurse", NURSE, "school nurse at Riverside High School"),
        s("social_worker", SOCIAL_WORKER, "social worker at Riverside High School"),
        s(
            "family_partnership_specialist",
            FPS,
            "family partnership specialist at Riverside High School",
        ),
        s(
            "community_school_coordinator",
            CSC,
            "community school coordinator at Riverside High School",
        ),
        s("mentor_advisor", MENTOR, "mentor/advisor at Riverside High School"),
        s(
            "partner_user",
            crate::partners::PARTNER_USER,
            "Ana Lopez, staff of the Clear Sight Vision Clinic, a community partner",
        ),
    ]
}
