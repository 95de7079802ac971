//! Experiences outside the classroom: work-based learning (internships,
//! job shadows, apprenticeships, clinicals), community service,
//! extracurriculars, dual credit and out-of-school programs — each with an
//! organisation, a supervisor, dates, a reflection and competency tags —
//! and the hours logged against them, with totals by kind and school year.
//! Hours are verified by the supervisor (through a link, see
//! [`super::verification`]) or by staff.

use std::collections::BTreeMap;
use std::fmt;

use time::Date;

use super::competency::{parse_tags, CompetencyKey};
use crate::academics::{keyed_enum, Credits};
use crate::input::{self, FieldError, Fields, Rejected};
use crate::{Email, SchoolYear};

keyed_enum!(
    /// What kind of experience.
    ExperienceKind, "unknown_experience_kind", {
        Internship => "internship",
        JobShadow => "job_shadow",
        Apprenticeship => "apprenticeship",
        /// Clinical placement (health-care pathways).
        Clinical => "clinical",
        CommunityService => "community_service",
        Extracurricular => "extracurricular",
        /// A college course taken for high-school and college credit.
        DualCredit => "dual_credit",
        /// An after-school, weekend or summer program run by a partner.
        OutOfSchoolProgram => "out_of_school_program",
    }
);

impl ExperienceKind {
    /// Internships, job shadows, apprenticeships and clinicals are
    /// work-based learning (the career domain's hours count these).
    pub fn is_work_based_learning(self) -> bool {
        matches!(
            self,
            ExperienceKind::Internship
                | ExperienceKind::JobShadow
                | ExperienceKind::Apprenticeship
                | ExperienceKind::Clinical
        )
    }
}

/// The longest organisation or supervisor name.
pub const NAME_MAX_CHARS: usize = 200;
/// The longest reflection.
pub const REFLECTION_MAX_CHARS: usize = 4_000;
/// The longest note on an hours entry.
pub const NOTE_MAX_CHARS: usize = 500;

/// An experience as the form sends it.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExperienceRaw<'a> {
    pub kind: &'a str,
    pub organisation: &'a str,
    pub supervisor_name: &'a str,
    /// May be blank (then hours are verified by staff).
    pub supervisor_email: &'a str,
    pub start_on: &'a str,
    /// Blank while ongoing.
    pub end_on: &'a str,
    pub reflection: &'a str,
    pub competencies: &'a [String],
}

/// An experience that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewExperience {
    pub kind: ExperienceKind,
    pub organisation: String,
    pub supervisor_name: String,
    pub supervisor_email: Option<Email>,
    pub dates: ExperienceDates,
    /// May be empty.
    pub reflection: String,
    pub competencies: Vec<CompetencyKey>,
}

/// When an experience runs; no end while ongoing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExperienceDates {
    pub start_on: Date,
    pub end_on: Option<Date>,
}

impl ExperienceRaw<'_> {
    /// Fields `kind` (`required`, `unknown_choice`), `organisation` and
    /// `supervisor_name` (1–200: `required`, `too_long`),
    /// `supervisor_email` (blank or valid: `invalid_email`), `start_on`
    /// (`required`, `invalid_date`), `end_on` (blank or a date:
    /// `invalid_date`, `end_before_start`), `reflection` (≤ 4,000:
    /// `too_long`), `competencies` (see [`parse_tags`]). The input's code is
    /// `invalid_experience`.
    pub fn parse(&self, district_competencies: &[CompetencyKey]) -> Result<NewExperience, Rejected> {
        let mut f = Fields::new();
        let kind = f.check(input::choice("kind", self.kind, &ExperienceKind::choices()));
        let organisation = f.check(input::text("organisation", self.organisation, 1..=NAME_MAX_CHARS));
        let supervisor = f.check(input::text("supervisor_name", self.supervisor_name, 1..=NAME_MAX_CHARS));
        let email = f.check(super::optional_email("supervisor_email", self.supervisor_email));
        let start = f.check(super::date_field("start_on", self.start_on));
        let end = f.check(
            super::optional_date_field("end_on", self.end_on).and_then(|end| match (start, end) {
                (Some(s), Some(e)) if e < s => Err(FieldError::new("end_on", "end_before_start")),
                _ => Ok(end),
            }),
        );
        let reflection = f.check(input::text("reflection", self.reflection, 0..=REFLECTION_MAX_CHARS));
        let competencies = f.check(parse_tags("competencies", self.competencies, district_competencies));
        f.finish("invalid_experience", || NewExperience {
            kind: kind.expect("checked"),
            organisation: organisation.expect("checked"),
            supervisor_name: supervisor.expect("checked"),
            supervisor_email: email.expect("checked"),
            dates: ExperienceDates {
                start_on: start.expect("checked"),
                end_on: end.expect("checked"),
            },
            reflection: reflection.expect("checked"),
            competencies: competencies.expect("checked"),
        })
    }
}

/// Hours in quarter-hour steps, kept in hundredths (`Hours(150)` is 1.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Hours(pub u32);

impl Hours {
    pub const ZERO: Hours = Hours(0);
    /// A day's worth: no more can be logged on one date.
    pub const DAY: Hours = Hours(24 * 100);

    /// Hundredths of an hour.
    pub fn hundredths(self) -> u32 {
        self.0
    }
}

/// The shortest form: `3`, `1.5`, `0.25`.
impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Credits(self.0).fmt(f)
    }
}

impl std::ops::Add for Hours {
    type Output = Hours;
    fn add(self, rhs: Hours) -> Hours {
        Hours(self.0.saturating_add(rhs.0))
    }
}

impl std::iter::Sum for Hours {
    fn sum<I: Iterator<Item = Hours>>(iter: I) -> Hours {
        iter.fold(Hours::ZERO, |a, b| a + b)
    }
}

/// An hours entry as the form sends it.
#[derive(Debug, Clone, Copy, Default)]
pub struct HoursRaw<'a> {
    pub date: &'a str,
    /// A decimal in quarter hours: `2`, `1.5`, `0.25`.
    pub hours: &'a str,
    pub note: &'a str,
}

/// Hours logged for one date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoursEntry {
    pub on: Date,
    pub hours: Hours,
    /// May be empty.
    pub note: String,
}

impl HoursRaw<'_> {
    /// Fields `date` (`required`, `invalid_date`), `hours` (`required` when
    /// blank or zero, `negative_hours`, `invalid_number`, `not_quarter_step`,
    /// `too_many` over 24), `note` (≤ 500: `too_long`). Whether the entry
    /// fits the experience is [`check_entry`]. The input's code is
    /// `invalid_hours`.
    pub fn parse(&self) -> Result<HoursEntry, Rejected> {
        let mut f = Fields::new();
        let on = f.check(super::date_field("date", self.date));
        let hours = f.check(parse_hours("hours", self.hours));
        let note = f.check(input::text("note", self.note, 0..=NOTE_MAX_CHARS));
        f.finish("invalid_hours", || HoursEntry {
            on: on.expect("checked"),
            hours: hours.expect("checked"),
            note: note.expect("checked"),
        })
    }
}

fn parse_hours(field: &'static str, raw: &str) -> Result<Hours, FieldError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    let h = Credits::parse(s).map_err(|e| {
        FieldError::new(
            field,
            match e.code {
                "negative_credits" => "negative_hours",
                "too_precise" => "not_quarter_step",
                _ => "invalid_number",
            },
        )
    })?;
    if h.is_zero() {
        Err(FieldError::new(field, "required"))
    } else if !h.in_quarter_steps() {
        Err(FieldError::new(field, "not_quarter_step"))
    } else if h.0 > Hours::DAY.0 {
        Err(FieldError::new(field, "too_many"))
    } else {
        Ok(Hours(h.0))
    }
}

/// Why an hours entry does not fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HoursRefusal {
    /// The date is before the start, after the end, or after today.
    #[error("outside_dates")]
    OutsideDates,
    /// The date would hold more than 24 hours.
    #[error("exceeds_day")]
    ExceedsDay,
}

impl HoursRefusal {
    /// `outside_dates`, `exceeds_day`.
    pub fn code(self) -> &'static str {
        match self {
            HoursRefusal::OutsideDates => "outside_dates",
            HoursRefusal::ExceedsDay => "exceeds_day",
        }
    }
}

/// Whether `entry` fits: its date within the experience's start..=end (and
/// never after `today`, ended or not), and the hours already logged on that
/// date plus this entry at most 24. Pass in `same_day` the student's other
/// entries on that date — across all their experiences, since a day has 24
/// hours however they are split (when editing, leave the edited entry out).
/// Refusals `outside_dates`, `exceeds_day`.
pub fn check_entry(
    dates: ExperienceDates,
    entry: &HoursEntry,
    same_day: &[Hours],
    today: Date,
) -> Result<(), HoursRefusal> {
    let last = dates.end_on.map_or(today, |end| end.min(today));
    if entry.on < dates.start_on || entry.on > last {
        return Err(HoursRefusal::OutsideDates);
    }
    if same_day.iter().copied().sum::<Hours>() + entry.hours > Hours::DAY {
        return Err(HoursRefusal::ExceedsDay);
    }
    Ok(())
}

/// Who verified an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerifiedBy {
    /// The supervisor, through the verification link.
    Supervisor,
    /// A staff member (counselor, work-based learning coordinator).
    Staff,
}

/// One logged entry, as totals need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoggedHours {
    pub kind: ExperienceKind,
    pub on: Date,
    pub hours: Hours,
    /// `None` until verified.
    pub verified_by: Option<VerifiedBy>,
}

/// Verified and unverified hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HoursTotal {
    pub verified: Hours,
    pub unverified: Hours,
}

impl HoursTotal {
    pub fn all(self) -> Hours {
        self.verified + self.unverified
    }

    fn add(&mut self, e: &LoggedHours) {
        if e.verified_by.is_some() {
            self.verified = self.verified + e.hours;
        } else {
            self.unverified = self.unverified + e.hours;
        }
    }
}

/// Totals by school year (July–June, from each entry's date) and kind.
pub fn totals(entries: &[LoggedHours]) -> BTreeMap<(SchoolYear, ExperienceKind), HoursTotal> {
    let mut out: BTreeMap<(SchoolYear, ExperienceKind), HoursTotal> = BTreeMap::new();
    for e in entries {
        out.entry((SchoolYear::containing(e.on), e.kind)).or_default().add(e);
    }
    out
}

/// Work-based learning hours (internships, job shadows, apprenticeships,
/// clinicals) over all years.
pub fn work_based_learning_total(entries: &[LoggedHours]) -> HoursTotal {
    let mut t = HoursTotal::default();
    for e in entries.iter().filter(|e| e.kind.is_work_based_learning()) {
        t.add(e);
    }
    t
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    const TODAY: Date = date!(2027 - 03 - 10);

    fn raw<'a>() -> ExperienceRaw<'a> {
        ExperienceRaw {
            kind: "internship",
            organisation: "Riverside Animal Hospital",
            supervisor_name: "Dr. Amal Haddad",
            supervisor_email: "ahaddad@riverside.example",
            start_on: "2027-01-15",
            end_on: "",
            reflection: "",
            competencies: &[],
        }
    }

    fn codes(r: Rejected) -> Vec<(&'static str, &'static str)> {
        r.fields.iter().map(|f| (f.field, f.code)).collect()
    }

    #[test]
    fn four_kinds_are_work_based_learning() {
        let wbl: Vec<_> = ExperienceKind::ALL
            .iter()
            .filter(|k| k.is_work_based_learning())
            .map(|k| k.key())
            .collect();
        assert_eq!(wbl, ["internship", "job_shadow", "apprenticeship", "clinical"]);
        assert_eq!(ExperienceKind::ALL.len(), 8);
    }

    #[test]
    fn an_experience_parses_ongoing_or_ended() {
        let ongoing = raw().parse(&[]).unwrap();
        assert_eq!(ongoing.kind, ExperienceKind::Internship);
        assert_eq!(ongoing.dates.end_on, None);
        assert_eq!(
            ongoing.supervisor_email.map(|e| e.to_string()).as_deref(),
            Some("ahaddad@riverside.example")
        );
        let ended = ExperienceRaw {
            end_on: "2027-01-15",
            supervisor_email: "",
            ..raw()
        }
        .parse(&[])
        .unwrap();
        assert_eq!(ended.dates.end_on, Some(date!(2027 - 01 - 15)), "one-day job shadow");
        assert_eq!(ended.supervisor_email, None);
    }

    #[test]
    fn an_experience_names_every_bad_field() {
        let long = "o".repeat(201);
        let long_refl = "r".repeat(4_001);
        let tags = vec!["unknown".to_owned()];
        let cases = [
            (
                ExperienceRaw {
                    kind: "",
                    organisation: "",
                    supervisor_name: " ",
                    supervisor_email: "nope",
                    start_on: "",
                    end_on: "someday",
                    reflection: &long_refl,
                    competencies: &tags,
                },
                vec![
                    ("kind", "required"),
                    ("organisation", "required"),
                    ("supervisor_name", "required"),
                    ("supervisor_email", "invalid_email"),
                    ("start_on", "required"),
                    ("end_on", "invalid_date"),
                    ("reflection", "too_long"),
                    ("competencies", "unknown_competency"),
                ],
            ),
            (
                ExperienceRaw {
                    kind: "summer_job",
                    organisation: &long,
                    supervisor_name: &long,
                    start_on: "2027-02-01",
                    end_on: "2027-01-31",
                    ..raw()
                },
                vec![
                    ("kind", "unknown_choice"),
                    ("organisation", "too_long"),
                    ("supervisor_name", "too_long"),
                    ("end_on", "end_before_start"),
                ],
            ),
        ];
        for (r, want) in cases {
            let err = r.parse(&[]).unwrap_err();
            assert_eq!(err.error, "invalid_experience");
            assert_eq!(codes(err), want);
        }
    }

    #[test]
    fn hours_are_positive_quarter_hours_up_to_a_day() {
        for (hours, want) in [
            ("2", Ok(200)),
            (" 1.5 ", Ok(150)),
            ("0.25", Ok(25)),
            ("24", Ok(2400)),
            ("", Err("required")),
            ("0", Err("required")),
            ("0.00", Err("required")),
            ("-1", Err("negative_hours")),
            ("-0.5", Err("negative_hours")),
            ("1.1", Err("not_quarter_step")),
            ("1.125", Err("not_quarter_step")),
            ("24.25", Err("too_many")),
            ("two", Err("invalid_number")),
            ("1,5", Err("invalid_number")),
        ] {
            let got = HoursRaw {
                date: "2027-02-01",
                hours,
                note: "",
            }
            .parse()
            .map(|e| e.hours.0)
            .map_err(|e| {
                assert_eq!(e.error, "invalid_hours");
                e.fields[0].code
            });
            assert_eq!(got, want, "{hours:?}");
        }
        let err = HoursRaw {
            date: "",
            hours: "1",
            note: &"n".repeat(501),
        }
        .parse()
        .unwrap_err();
        assert_eq!(codes(err), vec![("date", "required"), ("note", "too_long")]);
        assert_eq!(Hours(150).to_string(), "1.5");
        assert_eq!(Hours(2400).to_string(), "24");
    }

    fn entry(on: Date, hours: u32) -> HoursEntry {
        HoursEntry {
            on,
            hours: Hours(hours),
            note: String::new(),
        }
    }

    #[test]
    fn hours_fit_the_experiences_dates_and_the_day() {
        let ongoing = ExperienceDates {
            start_on: date!(2027 - 01 - 15),
            end_on: None,
        };
        let ended = ExperienceDates {
            start_on: date!(2027 - 01 - 15),
            end_on: Some(date!(2027 - 02 - 15)),
        };
        let planned = ExperienceDates {
            start_on: date!(2027 - 01 - 15),
            end_on: Some(date!(2027 - 06 - 15)),
        };
        use HoursRefusal::*;
        for (dates, on, hours, same_day, want) in [
            (ongoing, date!(2027 - 01 - 15), 400, vec![], Ok(())),
            (ongoing, TODAY, 400, vec![], Ok(())),
            (ongoing, date!(2027 - 01 - 14), 400, vec![], Err(OutsideDates)),
            (ongoing, date!(2027 - 03 - 11), 400, vec![], Err(OutsideDates)),
            (ended, date!(2027 - 02 - 15), 400, vec![], Ok(())),
            (ended, date!(2027 - 02 - 16), 400, vec![], Err(OutsideDates)),
            (planned, date!(2027 - 03 - 11), 400, vec![], Err(OutsideDates)),
            (ongoing, TODAY, 800, vec![Hours(800), Hours(800)], Ok(())),
            (ongoing, TODAY, 825, vec![Hours(800), Hours(800)], Err(ExceedsDay)),
            (ongoing, TODAY, 2400, vec![], Ok(())),
        ] {
            assert_eq!(
                check_entry(dates, &entry(on, hours), &same_day, TODAY),
                want,
                "{on} {hours}"
            );
        }
        assert_eq!(OutsideDates.code(), "outside_dates");
        assert_eq!(ExceedsDay.code(), "exceeds_day");
    }

    #[test]
    fn totals_split_by_school_year_kind_and_verification() {
        let log = |kind, on, hours, verified_by| LoggedHours {
            kind,
            on,
            hours: Hours(hours),
            verified_by,
        };
        use ExperienceKind::*;
        let entries = [
            log(Internship, date!(2026 - 06 - 30), 400, Some(VerifiedBy::Supervisor)),
            log(Internship, date!(2026 - 07 - 01), 300, Some(VerifiedBy::Staff)),
            log(Internship, date!(2026 - 07 - 02), 150, None),
            log(CommunityService, date!(2026 - 10 - 01), 200, None),
            log(JobShadow, date!(2027 - 01 - 01), 600, Some(VerifiedBy::Supervisor)),
        ];
        let t = totals(&entries);
        let get = |year, kind| t.get(&(SchoolYear(year), kind)).copied();
        assert_eq!(
            get(2026, Internship),
            Some(HoursTotal {
                verified: Hours(400),
                unverified: Hours::ZERO
            })
        );
        assert_eq!(
            get(2027, Internship),
            Some(HoursTotal {
                verified: Hours(300),
                unverified: Hours(150)
            })
        );
        assert_eq!(get(2027, CommunityService).map(HoursTotal::all), Some(Hours(200)));
        assert_eq!(get(2027, Clinical), None);
        assert_eq!(t.len(), 4);
        let wbl = work_based_learning_total(&entries);
        assert_eq!((wbl.verified, wbl.unverified), (Hours(1300), Hours(150)));
    }
}
