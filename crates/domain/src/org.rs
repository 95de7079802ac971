//! Organisations: the state, its districts, and their schools.

use crate::ParseError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgKind {
    State,
    District,
    School,
}

impl OrgKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::State => "state",
            OrgKind::District => "district",
            OrgKind::School => "school",
        }
    }

    pub fn parse(s: &str) -> Result<Self, ParseError> {
        match s {
            "state" => Ok(OrgKind::State),
            "district" => Ok(OrgKind::District),
            "school" => Ok(OrgKind::School),
            _ => Err(ParseError::new("invalid_org_kind", s)),
        }
    }
}

/// Which grades a school serves, as far as a plan cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SchoolLevel {
    Middle,
    High,
}

impl SchoolLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            SchoolLevel::Middle => "middle",
            SchoolLevel::High => "high",
        }
    }

    pub fn parse(s: &str) -> Result<Self, ParseError> {
        match s {
            "middle" => Ok(SchoolLevel::Middle),
            "high" => Ok(SchoolLevel::High),
            _ => Err(ParseError::new("invalid_school_level", s)),
        }
    }
}

/// The status every rostered record carries. A record missing from a bulk
/// roster becomes `Inactive`; plans are never deleted with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordStatus {
    Active,
    Inactive,
}

impl RecordStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RecordStatus::Active => "active",
            RecordStatus::Inactive => "inactive",
        }
    }
}
