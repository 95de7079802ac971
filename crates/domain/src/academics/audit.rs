//! The graduation-requirement audit: transcript + course plan → each
//! requirement met, in progress, planned or missing, with the courses
//! counted toward it, the credits, and why. One pure function, [`audit`].
//!
//! How courses are counted:
//! - **Earned**: a transcript entry with credits earned (a passing mark).
//!   A failing, withdrawn or incomplete mark earns nothing and counts
//!   nowhere.
//! - **In progress**: a transcript entry without a mark yet, for its
//!   credits attempted.
//! - **Planned**: a course of the plan in the school year of `as_of` or
//!   later, unless the transcript already has it that year (the transcript
//!   wins) or it was passed or is under way and is not repeatable (a
//!   failed course planned again counts). Earlier plan years are
//!   history: the transcript tells what happened. Unknown codes are skipped
//!   (the plan check reports them).
//! - Each course counts toward **one** primary category. The most specific
//!   categories are filled first (tags, then areas, then "any course"),
//!   earned credit before in-progress before planned; a course beyond a
//!   category's minimum overflows into the electives. Past every minimum,
//!   a course counts toward a parent of a sub-requirement it meets (so the
//!   sub-requirement is met), else toward its most specific category
//!   (beyond the minimum); only a course no category matches counts toward
//!   the total alone (`extra`).
//! - A sub-requirement (personal finance) counts the matching courses
//!   already counted toward one of its parent categories — the one double
//!   counting a rule allows. A matching course counted elsewhere does not
//!   count, and is listed in `elsewhere`.
//! - A passed capstone meets a `met_by_capstone` category (the
//!   mastery-based diploma assessment) whatever its credits.

use time::Date;

use super::course::{Catalog, CourseCode, CourseTag, SubjectArea};
use super::course_plan::CoursePlan;
use super::credits::Credits;
use super::keyed_enum;
use super::requirements::{RequirementCategory, RequirementSet};
use super::transcript::TranscriptEntry;
use crate::SchoolYear;

keyed_enum!(
    /// Where a requirement stands, best first.
    RequirementStatus, "unknown_requirement_status", {
        /// Met by earned credit (or a passed capstone).
        Met => "met",
        /// Met once the courses under way are passed.
        InProgress => "in_progress",
        /// Met only if the plan's courses are taken and passed.
        Planned => "planned",
        /// Not covered even by the plan.
        Missing => "missing",
    }
);

keyed_enum!(
    /// How a course counts.
    CourseState, "unknown_course_state", {
        Earned => "earned",
        InProgress => "in_progress",
        Planned => "planned",
    }
);

/// What the audit reads.
#[derive(Debug, Clone, Copy)]
pub struct AuditInput<'a> {
    pub set: &'a RequirementSet,
    pub catalog: &'a Catalog,
    pub transcript: &'a [TranscriptEntry],
    /// The student's current course plan, if any.
    pub plan: Option<&'a CoursePlan>,
    /// The student's capstone (mastery-based diploma assessment) is passed.
    pub capstone_passed: bool,
    /// The date the transcript data is as of (shown with the audit; the
    /// school year containing it separates past plan years from the rest).
    pub as_of: Date,
}

/// A course counted toward a requirement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountedCourse {
    pub code: CourseCode,
    /// The transcript's title, else the catalog's, else blank.
    pub title: String,
    pub credits: Credits,
    pub state: CourseState,
    pub school_year: SchoolYear,
}

/// Why a requirement has its status, with the numbers for the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Explanation {
    /// "Met by the passed capstone."
    MetByCapstone,
    /// "{earned} of {min} credits earned."
    Met { earned: Credits, min: Credits },
    /// "{earned} earned and {in_progress} under way of {min}."
    InProgress {
        earned: Credits,
        in_progress: Credits,
        min: Credits,
    },
    /// "{earned} earned, {in_progress} under way and {planned} planned of {min}."
    Planned {
        earned: Credits,
        in_progress: Credits,
        planned: Credits,
        min: Credits,
    },
    /// "{remaining} more credits needed: nothing on the transcript or the plan covers them."
    Missing { remaining: Credits, min: Credits },
}

impl Explanation {
    /// The stable key (the Fluent id's tail: `academics-why-met_by_capstone`).
    pub fn key(self) -> &'static str {
        match self {
            Explanation::MetByCapstone => "met_by_capstone",
            Explanation::Met { .. } => "met",
            Explanation::InProgress { .. } => "in_progress",
            Explanation::Planned { .. } => "planned",
            Explanation::Missing { .. } => "missing",
        }
    }

    /// The sentence in plain English (logs, the CLI, tests; pages use the
    /// key and the numbers through Fluent).
    pub fn english(self) -> String {
        match self {
            Explanation::MetByCapstone => "Met by the passed capstone.".into(),
            Explanation::Met { earned, min } => format!("{earned} of {min} credits earned."),
            Explanation::InProgress {
                earned,
                in_progress,
                min,
            } => {
                format!("{earned} earned and {in_progress} under way, of {min} credits.")
            }
            Explanation::Planned {
                earned,
                in_progress,
                planned,
                min,
            } => {
                format!("{earned} earned, {in_progress} under way and {planned} planned, of {min} credits.")
            }
            Explanation::Missing { remaining, min } => {
                format!("{remaining} of {min} credits not yet on the transcript or the plan.")
            }
        }
    }
}

/// One requirement's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequirementAudit {
    pub key: String,
    pub name: String,
    pub min_credits: Credits,
    pub status: RequirementStatus,
    pub earned: Credits,
    pub in_progress: Credits,
    pub planned: Credits,
    /// What neither the transcript nor the plan covers yet.
    pub remaining: Credits,
    /// The courses counted, earned first.
    pub courses: Vec<CountedCourse>,
    /// Courses that match but were counted toward another requirement
    /// (no double counting), with the key of that requirement.
    pub elsewhere: Vec<(CourseCode, String)>,
    /// For a sub-requirement, the categories it is counted inside.
    pub counted_inside: Vec<String>,
    pub explanation: Explanation,
}

/// The total-credit requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TotalAudit {
    pub required: Credits,
    pub status: RequirementStatus,
    pub earned: Credits,
    pub in_progress: Credits,
    pub planned: Credits,
    pub remaining: Credits,
    pub explanation: Explanation,
}

/// The whole audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audit {
    pub set_name: String,
    /// The date of the transcript data.
    pub as_of: Date,
    /// In the set's order.
    pub requirements: Vec<RequirementAudit>,
    pub total: TotalAudit,
    /// Courses no category matches: they count toward the total only
    /// (never with a set that has an "any course" category).
    pub extra: Vec<CountedCourse>,
}

impl Audit {
    /// Every requirement and the total met by earned credit: the student
    /// has met the graduation requirements.
    pub fn complete(&self) -> bool {
        self.total.status == RequirementStatus::Met
            && self.requirements.iter().all(|r| r.status == RequirementStatus::Met)
    }

    /// Nothing missing: the transcript and the plan together cover every
    /// requirement and the total.
    pub fn covered(&self) -> bool {
        self.total.status != RequirementStatus::Missing
            && self.requirements.iter().all(|r| r.status != RequirementStatus::Missing)
    }

    /// The keys of what is missing (`total` for the total).
    pub fn missing(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .requirements
            .iter()
            .filter(|r| r.status == RequirementStatus::Missing)
            .map(|r| r.key.as_str())
            .collect();
        if self.total.status == RequirementStatus::Missing {
            out.push("total");
        }
        out
    }

    pub fn requirement(&self, key: &str) -> Option<&RequirementAudit> {
        self.requirements.iter().find(|r| r.key == key)
    }
}

/// A course the audit may count.
struct Unit<'a> {
    course: CountedCourse,
    area: SubjectArea,
    tags: &'a [CourseTag],
    /// Index of the primary category it was counted toward, or `None`.
    counted: Option<usize>,
}

fn status_of(
    min: Credits,
    earned: Credits,
    in_progress: Credits,
    planned: Credits,
    capstone: bool,
) -> (RequirementStatus, Explanation) {
    if capstone {
        (RequirementStatus::Met, Explanation::MetByCapstone)
    } else if earned >= min {
        (RequirementStatus::Met, Explanation::Met { earned, min })
    } else if earned + in_progress >= min {
        (
            RequirementStatus::InProgress,
            Explanation::InProgress {
                earned,
                in_progress,
                min,
            },
        )
    } else if earned + in_progress + planned >= min {
        (
            RequirementStatus::Planned,
            Explanation::Planned {
                earned,
                in_progress,
                planned,
                min,
            },
        )
    } else {
        let remaining = min.saturating_sub(earned + in_progress + planned);
        (RequirementStatus::Missing, Explanation::Missing { remaining, min })
    }
}

/// The courses the audit may count, earned first, then in progress, then
/// planned; within each, by school year and code.
fn units<'a>(input: &AuditInput<'a>) -> Vec<Unit<'a>> {
    const NO_TAGS: &[CourseTag] = &[];
    let catalog = input.catalog;
    let mut out = Vec::new();
    for e in input.transcript {
        let (state, credits) = if e.in_progress() {
            (CourseState::InProgress, e.credits_attempted)
        } else {
            (CourseState::Earned, e.credits_earned)
        };
        if credits.is_zero() {
            continue;
        }
        let cat = catalog.get(&e.course_code);
        let title = if e.title.is_empty() {
            cat.map(|c| c.title.clone()).unwrap_or_default()
        } else {
            e.title.clone()
        };
        out.push(Unit {
            course: CountedCourse {
                code: e.course_code.clone(),
                title,
                credits,
                state,
                school_year: e.school_year,
            },
            area: e
                .subject_area
                .or(cat.map(|c| c.subject_area))
                .unwrap_or(SubjectArea::Elective),
            tags: cat.map(|c| c.tags.as_slice()).unwrap_or(NO_TAGS),
            counted: None,
        });
    }
    if let Some(plan) = input.plan {
        let now = SchoolYear::containing(input.as_of);
        let mut taken: Vec<&CourseCode> = Vec::new();
        for (grade, code) in plan.courses() {
            let year = plan.school_year(grade);
            let Some(c) = catalog.get(code) else { continue };
            if year < now
                || input
                    .transcript
                    .iter()
                    .any(|e| &e.course_code == code && e.school_year == year)
            {
                continue;
            }
            let passed_or_taking = input
                .transcript
                .iter()
                .any(|e| &e.course_code == code && (!e.credits_earned.is_zero() || e.in_progress()));
            if !c.repeatable && (passed_or_taking || taken.contains(&code)) {
                continue;
            }
            taken.push(code);
            out.push(Unit {
                course: CountedCourse {
                    code: code.clone(),
                    title: c.title.clone(),
                    credits: c.credits,
                    state: CourseState::Planned,
                    school_year: year,
                },
                area: c.subject_area,
                tags: &c.tags,
                counted: None,
            });
        }
    }
    out.sort_by(|a, b| {
        (a.course.state, a.course.school_year, &a.course.code).cmp(&(
            b.course.state,
            b.course.school_year,
            &b.course.code,
        ))
    });
    out
}

/// Audits a student's transcript and plan against a requirement set.
pub fn audit(input: &AuditInput<'_>) -> Audit {
    let set = input.set;
    let cats = &set.categories;
    let mut units = units(input);
    let matches = |c: &RequirementCategory, u: &Unit| c.matches.matches(u.area, u.tags);

    // Primary categories, most specific first (ties: the set's order).
    let mut order: Vec<usize> = (0..cats.len()).filter(|&i| !cats[i].is_sub_requirement()).collect();
    order.sort_by_key(|&i| (cats[i].matches.specificity(), i));

    let subs: Vec<usize> = (0..cats.len()).filter(|&i| cats[i].is_sub_requirement()).collect();
    // Credits a sub-requirement has so far: matching units counted inside a parent.
    let sub_filled = |units: &[Unit], si: usize| -> Credits {
        units
            .iter()
            .filter(|u| matches(&cats[si], u))
            .filter(|u| {
                u.counted
                    .is_some_and(|k| cats[si].counted_inside.contains(&cats[k].key))
            })
            .map(|u| u.course.credits)
            .sum()
    };

    // 1. Fill each primary category to its minimum, most specific first.
    let mut filled = vec![Credits::ZERO; cats.len()];
    for (pos, &ci) in order.iter().enumerate() {
        let later = &order[pos + 1..];
        while filled[ci] < cats[ci].min_credits {
            let unmet_subs: Vec<usize> = subs
                .iter()
                .copied()
                .filter(|&si| sub_filled(&units, si) < cats[si].min_credits)
                .collect();
            // Best state first (earned, under way, planned); then the
            // course that costs least elsewhere: the fewest later specific
            // categories that could use it, and the fewest unmet
            // sub-requirements it would no longer count toward; then the
            // fixed unit order.
            let pick = units
                .iter()
                .enumerate()
                .filter(|(_, u)| u.counted.is_none() && matches(&cats[ci], u))
                .min_by_key(|(i, u)| {
                    let others = later
                        .iter()
                        .filter(|&&o| !cats[o].matches.is_any() && matches(&cats[o], u))
                        .count();
                    let wasted = unmet_subs
                        .iter()
                        .filter(|&&si| matches(&cats[si], u) && !cats[si].counted_inside.contains(&cats[ci].key))
                        .count();
                    (u.course.state, others + wasted, *i)
                })
                .map(|(i, _)| i);
            let Some(i) = pick else { break };
            units[i].counted = Some(ci);
            filled[ci] += units[i].course.credits;
        }
    }

    // 2. Courses beyond every minimum: toward a parent of an unmet
    // sub-requirement they match (so it counts inside), else their most
    // specific category; with no category matching, the total only.
    for i in 0..units.len() {
        if units[i].counted.is_some() {
            continue;
        }
        let parent = subs
            .iter()
            .filter(|&&si| matches(&cats[si], &units[i]) && sub_filled(&units, si) < cats[si].min_credits)
            .flat_map(|&si| {
                order
                    .iter()
                    .copied()
                    .filter(move |&k| cats[si].counted_inside.contains(&cats[k].key))
            })
            .find(|&k| matches(&cats[k], &units[i]));
        units[i].counted = parent.or_else(|| order.iter().copied().find(|&k| matches(&cats[k], &units[i])));
    }

    // Per requirement: its courses, the numbers, the status.
    let sum = |list: &[CountedCourse], s: CourseState| {
        list.iter().filter(|c| c.state == s).map(|c| c.credits).sum::<Credits>()
    };
    let requirements = cats
        .iter()
        .enumerate()
        .map(|(ci, cat)| {
            let counts_here = |u: &Unit| match u.counted {
                Some(k) if cat.is_sub_requirement() => {
                    cats[k].key != cat.key && cat.counted_inside.contains(&cats[k].key)
                }
                Some(k) => k == ci,
                None => false,
            };
            let courses: Vec<CountedCourse> = units
                .iter()
                .filter(|u| matches(cat, u) && counts_here(u))
                .map(|u| u.course.clone())
                .collect();
            let elsewhere = if cat.matches.is_any() {
                vec![]
            } else {
                units
                    .iter()
                    .filter(|u| matches(cat, u) && !counts_here(u))
                    .filter_map(|u| u.counted.map(|k| (u.course.code.clone(), cats[k].key.clone())))
                    .collect()
            };
            let (earned, in_progress, planned) = (
                sum(&courses, CourseState::Earned),
                sum(&courses, CourseState::InProgress),
                sum(&courses, CourseState::Planned),
            );
            let capstone = cat.met_by_capstone && input.capstone_passed;
            let (status, explanation) = status_of(cat.min_credits, earned, in_progress, planned, capstone);
            let remaining = if capstone {
                Credits::ZERO
            } else {
                cat.min_credits.saturating_sub(earned + in_progress + planned)
            };
            RequirementAudit {
                key: cat.key.clone(),
                name: cat.name.clone(),
                min_credits: cat.min_credits,
                status,
                earned,
                in_progress,
                planned,
                remaining,
                courses,
                elsewhere,
                counted_inside: cat.counted_inside.clone(),
                explanation,
            }
        })
        .collect();

    let all: Vec<CountedCourse> = units.iter().map(|u| u.course.clone()).collect();
    let (earned, in_progress, planned) = (
        sum(&all, CourseState::Earned),
        sum(&all, CourseState::InProgress),
        sum(&all, CourseState::Planned),
    );
    let (status, explanation) = status_of(set.total_credits, earned, in_progress, planned, false);
    Audit {
        set_name: set.name.clone(),
        as_of: input.as_of,
        requirements,
        total: TotalAudit {
            required: set.total_credits,
            status,
            earned,
            in_progress,
            planned,
            remaining: set.total_credits.saturating_sub(earned + in_progress + planned),
            explanation,
        },
        extra: units
            .into_iter()
            .filter(|u| u.counted.is_none())
            .map(|u| u.course)
            .collect(),
    }
}

#[cfg(test)]
#[path = "audit_tests.rs"]
mod tests;
