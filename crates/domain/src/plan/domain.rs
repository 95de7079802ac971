//! The three domains every plan covers: academic, career, and social,
//! emotional and physical (SEP).

use crate::ParseError;

/// One of the three domains a goal belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlanDomain {
    Academic,
    Career,
    /// Social, emotional and physical.
    Sep,
}

impl PlanDomain {
    pub const ALL: [PlanDomain; 3] = [PlanDomain::Academic, PlanDomain::Career, PlanDomain::Sep];

    /// The stored and translated key.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanDomain::Academic => "academic",
            PlanDomain::Career => "career",
            PlanDomain::Sep => "sep",
        }
    }

    pub fn parse(s: &str) -> Result<Self, ParseError> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|d| d.as_str() == s)
            .ok_or_else(|| ParseError::new("invalid_plan_domain", format!("unknown plan domain {s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_domain_round_trips_and_refuses_unknown() {
        for d in PlanDomain::ALL {
            assert_eq!(PlanDomain::parse(d.as_str()), Ok(d));
        }
        for bad in ["", "Academic", "social", "sel"] {
            assert_eq!(
                PlanDomain::parse(bad).map_err(|e| e.code),
                Err("invalid_plan_domain"),
                "{bad:?}"
            );
        }
        assert_eq!(PlanDomain::parse(" career "), Ok(PlanDomain::Career));
    }
}
