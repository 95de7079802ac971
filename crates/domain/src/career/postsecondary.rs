//! The postsecondary plan's reference data: the paths after high school, a
//! program's status, the kinds of career exploration, and the default key
//! steps by grade (a district may change them).

use time::{Date, Month};

use crate::ParseError;

/// A path a student may take after high school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PostsecondaryPath {
    /// A four-year college or university.
    FourYear,
    /// A two-year (community or technical) college.
    TwoYear,
    /// A registered apprenticeship.
    Apprenticeship,
    /// Military service.
    Military,
    /// A short certificate or licence program.
    Certificate,
    /// Going straight to work.
    Work,
}

impl PostsecondaryPath {
    /// All six, in the order above.
    pub const ALL: [PostsecondaryPath; 6] = [
        PostsecondaryPath::FourYear,
        PostsecondaryPath::TwoYear,
        PostsecondaryPath::Apprenticeship,
        PostsecondaryPath::Military,
        PostsecondaryPath::Certificate,
        PostsecondaryPath::Work,
    ];

    /// The stored key, also the Fluent id's tail (`postsec-path-four_year`).
    pub fn key(self) -> &'static str {
        match self {
            PostsecondaryPath::FourYear => "four_year",
            PostsecondaryPath::TwoYear => "two_year",
            PostsecondaryPath::Apprenticeship => "apprenticeship",
            PostsecondaryPath::Military => "military",
            PostsecondaryPath::Certificate => "certificate",
            PostsecondaryPath::Work => "work",
        }
    }

    /// From a key (`four_year`, any case).
    pub fn parse(s: &str) -> Result<Self, ParseError> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|p| p.key().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                ParseError::new(
                    "unknown_postsecondary_path",
                    format!("unknown postsecondary path {s:?}"),
                )
            })
    }
}

/// Where a student stands with one program (a college, an apprenticeship, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProgramStatus {
    Researching,
    Applying,
    Applied,
    Accepted,
    Enrolled,
}

impl ProgramStatus {
    /// All five, in the order a student moves through them.
    pub const ALL: [ProgramStatus; 5] = [
        ProgramStatus::Researching,
        ProgramStatus::Applying,
        ProgramStatus::Applied,
        ProgramStatus::Accepted,
        ProgramStatus::Enrolled,
    ];

    /// The stored key, also the Fluent id's tail (`postsec-status-applied`).
    pub fn key(self) -> &'static str {
        match self {
            ProgramStatus::Researching => "researching",
            ProgramStatus::Applying => "applying",
            ProgramStatus::Applied => "applied",
            ProgramStatus::Accepted => "accepted",
            ProgramStatus::Enrolled => "enrolled",
        }
    }

    /// From a key (`applied`, any case).
    pub fn parse(s: &str) -> Result<Self, ParseError> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|p| p.key().eq_ignore_ascii_case(s))
            .ok_or_else(|| ParseError::new("unknown_program_status", format!("unknown program status {s:?}")))
    }
}

/// A kind of career exploration a student records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ExplorationKind {
    CareerFair,
    JobShadow,
    InformationalInterview,
    Research,
    Visit,
}

impl ExplorationKind {
    /// All five, in the order above.
    pub const ALL: [ExplorationKind; 5] = [
        ExplorationKind::CareerFair,
        ExplorationKind::JobShadow,
        ExplorationKind::InformationalInterview,
        ExplorationKind::Research,
        ExplorationKind::Visit,
    ];

    /// The stored key, also the Fluent id's tail (`exploration-job_shadow`).
    pub fn key(self) -> &'static str {
        match self {
            ExplorationKind::CareerFair => "career_fair",
            ExplorationKind::JobShadow => "job_shadow",
            ExplorationKind::InformationalInterview => "informational_interview",
            ExplorationKind::Research => "research",
            ExplorationKind::Visit => "visit",
        }
    }

    /// From a key (`job_shadow`, any case).
    pub fn parse(s: &str) -> Result<Self, ParseError> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|p| p.key().eq_ignore_ascii_case(s))
            .ok_or_else(|| ParseError::new("unknown_exploration_kind", format!("unknown exploration kind {s:?}")))
    }
}

/// Key steps by grade: (key, grade 9..=12, month, day, paths it applies to — empty slice = all paths).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepTemplate {
    /// Stable snake_case key, also the Fluent id's tail (`postsec-step-submit_fafsa`).
    pub key: &'static str,
    /// The grade the student is in when the step is due (9–12).
    pub grade: u8,
    /// Month the step is due (1–12).
    pub month: u8,
    /// Day of the month the step is due.
    pub day: u8,
    /// The paths the step belongs to; empty means every path.
    pub paths: &'static [PostsecondaryPath],
}

impl StepTemplate {
    /// Whether the step belongs on a plan aiming at `path`.
    pub fn applies_to(&self, path: PostsecondaryPath) -> bool {
        self.paths.is_empty() || self.paths.contains(&path)
    }

    /// The due date for a student graduating in spring of `class_of`.
    ///
    /// A school year runs August to July: a grade-12 step in October falls in
    /// `class_of - 1`, one in May in `class_of`; each grade below moves a year
    /// earlier. `None` only if the template's month or day is invalid.
    pub fn due_date(&self, class_of: i32) -> Option<Date> {
        let spring_year = class_of - (12 - i32::from(self.grade));
        let year = if self.month >= 8 { spring_year - 1 } else { spring_year };
        Date::from_calendar_date(year, Month::try_from(self.month).ok()?, self.day).ok()
    }
}

use PostsecondaryPath::{Apprenticeship, Certificate, FourYear, Military, TwoYear, Work};

const fn step(key: &'static str, grade: u8, month: u8, day: u8, paths: &'static [PostsecondaryPath]) -> StepTemplate {
    StepTemplate {
        key,
        grade,
        month,
        day,
        paths,
    }
}

/// The default key steps of grades 9–12 (common US dates; a district edits
/// them), in date order.
pub const DEFAULT_STEPS: [StepTemplate; 17] = [
    // Grade 9: find out what is out there, and plan the courses to get there.
    step("explore_careers", 9, 10, 15, &[]),
    step("four_year_course_plan", 9, 2, 1, &[]),
    // Grade 10: a practice test for the college-bound; try out a workplace.
    step("take_psat_or_preact", 10, 10, 15, &[FourYear, TwoYear]),
    step("job_shadow", 10, 4, 15, &[]),
    // Grade 11: tests, visits and research.
    step("take_psat_nmsqt", 11, 10, 15, &[FourYear]),
    step("take_asvab", 11, 11, 15, &[Military]),
    step("visit_colleges", 11, 3, 15, &[FourYear, TwoYear, Certificate]),
    step("take_sat_act", 11, 4, 15, &[FourYear]),
    step("research_apprenticeships", 11, 5, 1, &[Apprenticeship]),
    step("write_resume", 11, 6, 1, &[Apprenticeship, Military, Certificate, Work]),
    // Grade 12: apply, pay for it, decide.
    step("meet_military_recruiter", 12, 10, 1, &[Military]),
    step("apply_early", 12, 11, 1, &[FourYear]),
    step("submit_css_profile", 12, 11, 15, &[FourYear]),
    step("submit_fafsa", 12, 12, 1, &[FourYear, TwoYear, Certificate]),
    step("apply_regular", 12, 1, 1, &[FourYear, TwoYear, Certificate]),
    step("apply_apprenticeships", 12, 2, 1, &[Apprenticeship]),
    step("decide_by_may_1", 12, 5, 1, &[FourYear]),
];

/// The final step every plan shares: the school sends the final transcript
/// to the college, program, employer or recruiter.
pub const FINAL_TRANSCRIPT_STEP: StepTemplate = step("request_final_transcript", 12, 6, 1, &[]);

/// The steps for a plan aiming at `path`, in date order, the final
/// transcript request last.
pub fn steps_for(path: PostsecondaryPath) -> impl Iterator<Item = &'static StepTemplate> {
    DEFAULT_STEPS
        .iter()
        .chain(std::iter::once(&FINAL_TRANSCRIPT_STEP))
        .filter(move |s| s.applies_to(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn postsecondary_keys_parse_back() {
        for p in PostsecondaryPath::ALL {
            assert_eq!(PostsecondaryPath::parse(p.key()), Ok(p));
        }
        for s in ProgramStatus::ALL {
            assert_eq!(ProgramStatus::parse(s.key()), Ok(s));
        }
        for k in ExplorationKind::ALL {
            assert_eq!(ExplorationKind::parse(k.key()), Ok(k));
        }
        assert_eq!(
            PostsecondaryPath::parse("gap_year").unwrap_err().code,
            "unknown_postsecondary_path"
        );
        assert_eq!(
            ProgramStatus::parse("rejected").unwrap_err().code,
            "unknown_program_status"
        );
        assert_eq!(
            ExplorationKind::parse("camp").unwrap_err().code,
            "unknown_exploration_kind"
        );
    }

    #[test]
    fn postsecondary_steps_are_valid_unique_and_in_date_order() {
        let all: Vec<_> = DEFAULT_STEPS.iter().chain([&FINAL_TRANSCRIPT_STEP]).collect();
        assert_eq!(all.iter().map(|s| s.key).collect::<HashSet<_>>().len(), all.len());
        for s in &all {
            assert!((9..=12).contains(&s.grade), "{}", s.key);
            assert!(s.due_date(2030).is_some(), "{}", s.key);
            assert!(s
                .key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
        }
        let dates: Vec<_> = all.iter().map(|s| s.due_date(2030).unwrap()).collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "steps in date order");
    }

    #[test]
    fn postsecondary_due_dates_follow_the_school_year() {
        let fafsa = DEFAULT_STEPS.iter().find(|s| s.key == "submit_fafsa").unwrap();
        assert_eq!(
            fafsa.due_date(2030),
            Date::from_calendar_date(2029, Month::December, 1).ok()
        );
        let decide = DEFAULT_STEPS.iter().find(|s| s.key == "decide_by_may_1").unwrap();
        assert_eq!(
            decide.due_date(2030),
            Date::from_calendar_date(2030, Month::May, 1).ok()
        );
        let explore = &DEFAULT_STEPS[0];
        assert_eq!(
            explore.due_date(2030),
            Date::from_calendar_date(2026, Month::October, 15).ok()
        );
        let plan = &DEFAULT_STEPS[1];
        assert_eq!(
            plan.due_date(2030),
            Date::from_calendar_date(2027, Month::February, 1).ok()
        );
    }

    #[test]
    fn postsecondary_every_path_has_its_own_steps() {
        for p in PostsecondaryPath::ALL {
            let steps: Vec<_> = steps_for(p).collect();
            assert!(steps.iter().any(|s| !s.paths.is_empty()), "{p:?} has only shared steps");
            assert_eq!(steps.last().map(|s| s.key), Some("request_final_transcript"));
        }
        assert!(steps_for(PostsecondaryPath::Military).any(|s| s.key == "take_asvab"));
        assert!(!steps_for(PostsecondaryPath::Work).any(|s| s.key == "submit_fafsa"));
    }
}
