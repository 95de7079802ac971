//! The six Holland (RIASEC) interest areas.

use crate::ParseError;

/// One of the six interest areas, in RIASEC order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Area {
    Realistic,
    Investigative,
    Artistic,
    Social,
    Enterprising,
    Conventional,
}

impl Area {
    /// In RIASEC order (the order of scores everywhere in ssp).
    pub const ALL: [Area; 6] = [
        Area::Realistic,
        Area::Investigative,
        Area::Artistic,
        Area::Social,
        Area::Enterprising,
        Area::Conventional,
    ];

    /// The stored key, also the Fluent id's tail (`riasec-realistic`).
    pub fn key(self) -> &'static str {
        match self {
            Area::Realistic => "realistic",
            Area::Investigative => "investigative",
            Area::Artistic => "artistic",
            Area::Social => "social",
            Area::Enterprising => "enterprising",
            Area::Conventional => "conventional",
        }
    }

    /// The letter of the interest code (`R` … `C`).
    pub fn letter(self) -> char {
        match self {
            Area::Realistic => 'R',
            Area::Investigative => 'I',
            Area::Artistic => 'A',
            Area::Social => 'S',
            Area::Enterprising => 'E',
            Area::Conventional => 'C',
        }
    }

    /// Position in RIASEC order (0–5).
    pub fn index(self) -> usize {
        self as usize
    }

    /// From a key (`realistic`) or a letter (`R`, any case).
    pub fn parse(s: &str) -> Result<Self, ParseError> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|a| {
                a.key().eq_ignore_ascii_case(s) || (s.len() == 1 && s.eq_ignore_ascii_case(&a.letter().to_string()))
            })
            .ok_or_else(|| ParseError::new("unknown_interest_area", format!("unknown interest area {s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_parse_from_key_or_letter() {
        for a in Area::ALL {
            assert_eq!(Area::parse(a.key()), Ok(a));
            assert_eq!(Area::parse(&a.letter().to_ascii_lowercase().to_string()), Ok(a));
        }
        assert!(Area::parse("X").is_err());
        assert_eq!(Area::ALL.map(Area::letter).iter().collect::<String>(), "RIASEC");
    }
}
