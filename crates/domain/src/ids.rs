//! Typed record ids. Every id is a UUIDv7 (time-ordered, so inserts stay
//! local in indexes) and keeps its value when a record moves between
//! districts or instances.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A new time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
            pub fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = crate::ParseError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s.trim())
                    .map(Self)
                    .map_err(|_| crate::ParseError::new("invalid_id", format!("not an id: {s:?}")))
            }
        }

        impl From<Uuid> for $name {
            fn from(u: Uuid) -> Self {
                Self(u)
            }
        }
    )*};
}

id_type! {
    /// An organisation: the state, a district or a school.
    OrgId;
    /// A person: student, guardian or staff member.
    PersonId;
    /// A student; the same value as the student's `PersonId`.
    StudentId;
    /// A sign-in account belonging to one person.
    AccountId;
    /// An academic session: a school year, semester or term.
    AcademicSessionId;
    CourseId;
    /// A class (a section of a course).
    ClassId;
    EnrollmentId;
    GuardianLinkId;
    StaffAssignmentId;
    AuditEventId;
    /// A portfolio artifact (a file, a link or a text).
    ArtifactId;
}

impl From<StudentId> for PersonId {
    fn from(s: StudentId) -> Self {
        PersonId(s.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_time_ordered_v7() {
        let a = StudentId::new();
        let b = StudentId::new();
        assert_eq!(a.0.get_version_num(), 7);
        assert!(a < b, "a later id sorts after an earlier one");
    }

    #[test]
    fn id_parse_rejects_garbage_with_a_code() {
        let err = "not-a-uuid".parse::<OrgId>().unwrap_err();
        assert_eq!(err.code, "invalid_id");
        let id = OrgId::new();
        assert_eq!(id.to_string().parse::<OrgId>().unwrap(), id);
    }
}
