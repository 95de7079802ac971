//! School years, named by the calendar year in which they end (OneRoster's
//! `schoolYear`): the 2026–27 school year is `SchoolYear(2027)`.

use std::fmt;

use time::{Date, Month};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SchoolYear(pub i32);

impl SchoolYear {
    /// The school year a date falls in; a year runs July 1 to June 30.
    pub fn containing(date: Date) -> Self {
        if date.month() as u8 >= Month::July as u8 {
            SchoolYear(date.year() + 1)
        } else {
            SchoolYear(date.year())
        }
    }

    pub fn start(self) -> Date {
        Date::from_calendar_date(self.0 - 1, Month::July, 1).expect("valid date")
    }

    pub fn end(self) -> Date {
        Date::from_calendar_date(self.0, Month::June, 30).expect("valid date")
    }

    /// The graduation year of a student in `grade` during this school year.
    pub fn graduation_year_for(self, grade: crate::GradeLevel) -> i32 {
        self.0 + (12 - grade.get() as i32)
    }
}

impl fmt::Display for SchoolYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{:02}", self.0 - 1, self.0 % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn school_year_boundaries() {
        assert_eq!(SchoolYear::containing(date!(2026 - 06 - 30)), SchoolYear(2026));
        assert_eq!(SchoolYear::containing(date!(2026 - 07 - 01)), SchoolYear(2027));
        assert_eq!(SchoolYear(2027).to_string(), "2026–27");
        assert_eq!(
            SchoolYear(2027).graduation_year_for(crate::GradeLevel::new(9).unwrap()),
            2030
        );
    }
}
