//! Demographics kept from the roster for one purpose only: the fairness
//! audit of flag rates by subgroup (in aggregate, small groups suppressed —
//! see [`super::fairness`]). They are stored apart from the student record,
//! never shown on a student's page, and no rule reads them
//! ([`super::rules::FlagInput`] has no field for them).
//!
//! Race and ethnicity are reported in the federal seven categories: anyone
//! Hispanic or Latino is counted there; otherwise two or more races when
//! more than one race (or the roster's "two or more" flag) is given; else
//! the one race; else not reported.

use std::fmt;

/// Sex as the roster gives it (OneRoster 1.1: male, female; 1.2 adds
/// unspecified and other).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sex {
    Female,
    Male,
    Unspecified,
    Other,
}

impl Sex {
    pub const ALL: [Sex; 4] = [Sex::Female, Sex::Male, Sex::Unspecified, Sex::Other];

    pub fn key(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
            Sex::Unspecified => "unspecified",
            Sex::Other => "other",
        }
    }

    /// The roster's value (`male`, `female`, `unspecified`, `other`); blank
    /// or anything else is `None`.
    pub fn parse(raw: &str) -> Option<Sex> {
        Sex::ALL.into_iter().find(|s| s.key() == raw.trim())
    }
}

/// The federal race and ethnicity reporting category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RaceEthnicity {
    HispanicLatino,
    AmericanIndianAlaskaNative,
    Asian,
    BlackAfricanAmerican,
    NativeHawaiianPacificIslander,
    White,
    TwoOrMore,
    NotReported,
}

impl RaceEthnicity {
    pub const ALL: [RaceEthnicity; 8] = [
        RaceEthnicity::HispanicLatino,
        RaceEthnicity::AmericanIndianAlaskaNative,
        RaceEthnicity::Asian,
        RaceEthnicity::BlackAfricanAmerican,
        RaceEthnicity::NativeHawaiianPacificIslander,
        RaceEthnicity::White,
        RaceEthnicity::TwoOrMore,
        RaceEthnicity::NotReported,
    ];

    pub fn key(self) -> &'static str {
        match self {
            RaceEthnicity::HispanicLatino => "hispanic_latino",
            RaceEthnicity::AmericanIndianAlaskaNative => "american_indian_alaska_native",
            RaceEthnicity::Asian => "asian",
            RaceEthnicity::BlackAfricanAmerican => "black_african_american",
            RaceEthnicity::NativeHawaiianPacificIslander => "native_hawaiian_pacific_islander",
            RaceEthnicity::White => "white",
            RaceEthnicity::TwoOrMore => "two_or_more",
            RaceEthnicity::NotReported => "not_reported",
        }
    }

    pub fn parse(raw: &str) -> Option<RaceEthnicity> {
        RaceEthnicity::ALL.into_iter().find(|r| r.key() == raw)
    }
}

impl fmt::Display for RaceEthnicity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The roster's race and ethnicity flags for one person (absent = not
/// given).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RaceFlags {
    pub american_indian_alaska_native: bool,
    pub asian: bool,
    pub black_african_american: bool,
    pub native_hawaiian_pacific_islander: bool,
    pub white: bool,
    pub two_or_more: bool,
    pub hispanic_latino: bool,
}

impl RaceFlags {
    /// The reporting category these flags fall in.
    pub fn category(&self) -> RaceEthnicity {
        if self.hispanic_latino {
            return RaceEthnicity::HispanicLatino;
        }
        let races = [
            (
                self.american_indian_alaska_native,
                RaceEthnicity::AmericanIndianAlaskaNative,
            ),
            (self.asian, RaceEthnicity::Asian),
            (self.black_african_american, RaceEthnicity::BlackAfricanAmerican),
            (
                self.native_hawaiian_pacific_islander,
                RaceEthnicity::NativeHawaiianPacificIslander,
            ),
            (self.white, RaceEthnicity::White),
        ];
        let given: Vec<RaceEthnicity> = races.iter().filter(|(on, _)| *on).map(|(_, r)| *r).collect();
        match (self.two_or_more, given.as_slice()) {
            (true, _) => RaceEthnicity::TwoOrMore,
            (false, [one]) => *one,
            (false, []) => RaceEthnicity::NotReported,
            (false, _) => RaceEthnicity::TwoOrMore,
        }
    }
}

/// What is kept for one student.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StudentDemographics {
    pub sex: Option<Sex>,
    pub race_ethnicity: RaceEthnicity,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn race_and_ethnicity_fall_in_the_federal_categories() {
        let none = RaceFlags::default();
        for (flags, want) in [
            (none, RaceEthnicity::NotReported),
            (RaceFlags { asian: true, ..none }, RaceEthnicity::Asian),
            (RaceFlags { white: true, ..none }, RaceEthnicity::White),
            (
                RaceFlags {
                    white: true,
                    black_african_american: true,
                    ..none
                },
                RaceEthnicity::TwoOrMore,
            ),
            (
                RaceFlags {
                    two_or_more: true,
                    ..none
                },
                RaceEthnicity::TwoOrMore,
            ),
            (
                RaceFlags {
                    hispanic_latino: true,
                    white: true,
                    ..none
                },
                RaceEthnicity::HispanicLatino,
            ),
            (
                RaceFlags {
                    native_hawaiian_pacific_islander: true,
                    ..none
                },
                RaceEthnicity::NativeHawaiianPacificIslander,
            ),
        ] {
            assert_eq!(flags.category(), want, "{flags:?}");
        }
    }

    #[test]
    fn sex_reads_the_rosters_values_only() {
        assert_eq!(Sex::parse("female"), Some(Sex::Female));
        assert_eq!(Sex::parse(" other "), Some(Sex::Other));
        assert_eq!(Sex::parse(""), None);
        assert_eq!(Sex::parse("F"), None);
    }

    #[test]
    fn keys_round_trip() {
        for r in RaceEthnicity::ALL {
            assert_eq!(RaceEthnicity::parse(r.key()), Some(r));
        }
    }
}
