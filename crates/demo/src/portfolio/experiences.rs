//! Experiences outside the classroom in the district's two years, with
//! the hours logged on them: community service most of all, then
//! extracurriculars and out-of-school programs, and from grade 10 on job
//! shadows, from grade 11 internships, dual credit, pre-apprenticeships
//! and clinicals. Every entry passes the domain's `check_entry` (within
//! the experience's dates, not after today, at most 24 hours a day across
//! the student's experiences). Older entries are mostly verified — by the
//! supervisor (their email) or by staff (the plan manager) — and recent
//! ones wait. No verification links are made.

use std::collections::HashMap;

use rand::seq::SliceRandom;
use rand::Rng;
use ssp_db::repo::bulk::{ExperienceBulkRow, ExperienceHoursBulkRow};
use ssp_domain::portfolio::experience::{check_entry, ExperienceDates, Hours, HoursEntry};
use ssp_domain::SchoolYear;
use time::{Date, Duration, Month, Weekday};

use super::{StudentPortfolio, G10_WORK_BASED_LEARNING};
use crate::names::ascii_slug;

/// Which days hours fall on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Days {
    Weekends,
    Weekdays,
    Any,
}

/// One kind of experience as students live it.
pub(super) struct Kind {
    key: &'static str,
    orgs: &'static [&'static str],
    reflections: &'static [&'static str],
    notes: &'static [&'static str],
    tags: &'static [&'static str],
    /// How many entries (before the dates cut them short).
    entries: (usize, usize),
    /// Hours an entry, in hundredths (quarter-hour steps).
    hours: (u32, u32),
    days: Days,
}

/// The hours logged so far, by date, across the student's experiences.
pub(super) type DayHours = HashMap<Date, Vec<Hours>>;

/// How an experience's hours were verified, if they were.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Verify {
    Supervisor,
    Staff,
    Not,
}

/// An experience to write: its kind, when it ran, whether the supervisor
/// gave an email and how the hours were verified.
pub(super) struct Plan {
    pub kind: &'static Kind,
    pub organisation: &'static str,
    pub start: Date,
    pub end: Option<Date>,
    pub email: bool,
    pub verify: Verify,
}

impl StudentPortfolio<'_> {
    /// This year's and last year's experiences, and the job shadow a done
    /// grade-10 work-based learning activity stands for.
    pub(super) fn experiences(&mut self) {
        let mut day_hours = DayHours::new();
        if let Some(done) = self.activity(G10_WORK_BASED_LEARNING).map(|a| a.recorded_at.date()) {
            let back = Duration::days(self.gen.rng.gen_range(1..20));
            let on = school_day_before(done - back);
            let kind = &KINDS[JOB_SHADOW];
            let organisation = self.pick(kind.orgs);
            let email = self.chance(0.8);
            let verify = self.verify_mode(email);
            let plan = Plan {
                kind,
                organisation,
                start: on,
                end: Some(on),
                email,
                verify,
            };
            self.experience(&plan, &mut day_hours);
        }
        for year in [self.cal.last(), self.cal.year] {
            let grade = self.grade_in(year);
            let p = match grade {
                ..=5 => continue,
                6 => 0.03,
                7 | 8 => 0.08,
                9 => 0.42,
                10 => 0.5,
                11 => 0.58,
                _ => 0.62,
            };
            if !self.chance(p) {
                continue;
            }
            let n = match (grade >= 9, self.gen.rng.gen_range(0..100)) {
                (false, _) | (true, 0..=64) => 1,
                (true, 65..=92) => 2,
                (true, _) => 3,
            };
            for _ in 0..n {
                let kind = self.kind_for(grade);
                if let Some((start, end)) = self.dates(kind, year) {
                    let organisation = self.pick(kind.orgs);
                    let email = self.chance(0.8);
                    let verify = self.verify_mode(email);
                    let plan = Plan {
                        kind,
                        organisation,
                        start,
                        end,
                        email,
                        verify,
                    };
                    self.experience(&plan, &mut day_hours);
                }
            }
        }
    }

    fn kind_for(&mut self, grade: i32) -> &'static Kind {
        let weights: &[(usize, u32)] = match grade {
            ..=8 => &[(COMMUNITY, 45), (EXTRA, 40), (PROGRAM, 15)],
            9 => &[(COMMUNITY, 42), (EXTRA, 34), (PROGRAM, 14), (JOB_SHADOW, 4)],
            10 => &[(COMMUNITY, 40), (EXTRA, 30), (PROGRAM, 11), (JOB_SHADOW, 12)],
            _ => &[
                (COMMUNITY, 38),
                (EXTRA, 26),
                (PROGRAM, 9),
                (JOB_SHADOW, 9),
                (INTERNSHIP, 7),
                (DUAL_CREDIT, 7),
                (APPRENTICESHIP, 2),
                (CLINICAL, 2),
            ],
        };
        let i = weights
            .choose_weighted(&mut self.gen.rng, |w| w.1)
            .map_or(COMMUNITY, |w| w.0);
        &KINDS[i]
    }

    /// A supervisor with an email is mostly asked to confirm; staff
    /// confirm others; some hours wait.
    fn verify_mode(&mut self, has_email: bool) -> Verify {
        let roll = self.gen.rng.gen_range(0..100);
        match (has_email, roll) {
            (true, 0..=54) => Verify::Supervisor,
            (true, 55..=74) | (false, 0..=59) => Verify::Staff,
            _ => Verify::Not,
        }
    }

    /// When an experience of `kind` in `year` ran (no end while ongoing);
    /// `None` when it would start after yesterday.
    fn dates(&mut self, kind: &Kind, year: SchoolYear) -> Option<(Date, Option<Date>)> {
        let this_year = year == self.cal.year;
        let (first, last) = self.cal.span(year);
        let cal = self.cal;
        let day = |m: Month, d: u8| cal.day(year, m, d);
        let (start, end) = match kind.key {
            "community_service" => {
                let start = self.day_between(first + Duration::days(7), last - Duration::days(2));
                let len = if self.chance(0.6) {
                    self.gen.rng.gen_range(0..=1)
                } else {
                    self.gen.rng.gen_range(14..=84)
                };
                (start, Some(start + Duration::days(len)))
            }
            "extracurricular" => {
                let seasons = [
                    (day(Month::August, 15), day(Month::November, 10)),
                    (day(Month::November, 16), day(Month::February, 25)),
                    (day(Month::March, 2), day(Month::May, 30)),
                    (day(Month::September, 2), day(Month::June, 10)),
                ];
                let (s, e) = *seasons.choose(&mut self.gen.rng)?;
                (s, Some(e))
            }
            "job_shadow" => {
                let on = school_day_before(self.day_between(first + Duration::days(20), last));
                let two = self.chance(0.25);
                (on, Some(on + Duration::days(i64::from(two))))
            }
            "internship" => {
                if this_year {
                    (day(Month::September, 15), Some(day(Month::December, 12)))
                } else if self.chance(0.6) {
                    // The summer after last year.
                    (
                        day(Month::June, 23),
                        Some(self.cal.day(self.cal.year, Month::August, 8)),
                    )
                } else {
                    (day(Month::February, 1), Some(day(Month::April, 30)))
                }
            }
            "out_of_school_program" => {
                let start = self.day_between(first + Duration::days(14), last - Duration::days(7));
                (start, Some(start + Duration::days(self.gen.rng.gen_range(42..=84))))
            }
            // Dual credit, pre-apprenticeships and clinicals run a semester.
            _ => {
                if this_year || self.chance(0.5) {
                    (day(Month::August, 27), Some(day(Month::December, 18)))
                } else {
                    (day(Month::January, 20), Some(day(Month::May, 20)))
                }
            }
        };
        if start > self.cal.latest {
            return None;
        }
        // Open-ended service still going on has no end yet.
        let end = match end {
            Some(e) if e > self.cal.latest && kind.key == "community_service" => None,
            e => e,
        };
        Some((start, end))
    }

    /// Writes one experience and its hours.
    pub(super) fn experience(&mut self, plan: &Plan, day_hours: &mut DayHours) {
        let kind = plan.kind;
        let (given, family) = self.made_up_name();
        let supervisor_name = format!("{given} {family}");
        let supervisor_email = plan
            .email
            .then(|| format!("{}.{}@example.org", ascii_slug(given, 20), ascii_slug(family, 20)));
        let created_at = self.at(plan.start.min(self.cal.latest));
        let ended = plan.end.is_some_and(|e| e <= self.cal.latest);
        let reflection = if self.chance(if ended { 0.75 } else { 0.4 }) {
            self.pick(kind.reflections)
        } else {
            ""
        };
        let competencies = self.tags(kind.tags);
        let experience_id = self.id();
        self.batch.experiences.push(ExperienceBulkRow {
            id: experience_id,
            district_id: self.district(),
            student_id: self.s.id,
            kind: kind.key,
            organisation: plan.organisation,
            supervisor_name,
            supervisor_email: supervisor_email.clone(),
            start_on: plan.start,
            end_on: plan.end,
            reflection,
            competencies,
            created_at,
            updated_at: created_at,
        });

        let dates = ExperienceDates {
            start_on: plan.start,
            end_on: plan.end,
        };
        let last = plan.end.map_or(self.cal.latest, |e| e.min(self.cal.latest));
        // The days the kind's hours usually fall on, or any day of a
        // short one that has none of them.
        let mut all: Vec<Date> = Vec::new();
        let mut d = plan.start;
        while d <= last {
            all.push(d);
            d += Duration::days(1);
        }
        let mut days: Vec<Date> = all
            .iter()
            .copied()
            .filter(|d| {
                let weekend = matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday);
                match kind.days {
                    Days::Weekends => weekend,
                    Days::Weekdays => !weekend,
                    Days::Any => true,
                }
            })
            .collect();
        if days.is_empty() {
            days = all;
        }
        let n = self.gen.rng.gen_range(kind.entries.0..=kind.entries.1).min(days.len());
        let mut chosen: Vec<Date> = days.choose_multiple(&mut self.gen.rng, n).copied().collect();
        chosen.sort_unstable();

        // Verified up to a cutoff: all of a finished experience, the older
        // entries of one still going on.
        let cutoff = match plan.end {
            Some(e) if e + Duration::days(10) <= self.cal.latest => e,
            _ => self.cal.latest - Duration::days(self.gen.rng.gen_range(14..45)),
        };
        let verified_on = self.day_between(
            cutoff + Duration::days(2),
            (cutoff + Duration::days(14)).min(self.cal.latest),
        );
        let manager = self.s.manager;
        for on in chosen {
            let steps = self.gen.rng.gen_range(kind.hours.0 / 25..=kind.hours.1 / 25);
            let hours = Hours(steps * 25);
            let entry = HoursEntry {
                on,
                hours,
                note: String::new(),
            };
            let same_day = day_hours.get(&on).map(Vec::as_slice).unwrap_or(&[]);
            if check_entry(dates, &entry, same_day, self.cal.today).is_err() {
                continue;
            }
            day_hours.entry(on).or_default().push(hours);
            let note = if self.chance(0.4) { self.pick(kind.notes) } else { "" };
            let logged = self.day_between(on, (on + Duration::days(4)).min(self.cal.latest));
            let logged_at = self.at(logged).max(created_at);
            let verified = on <= cutoff && verified_on >= logged;
            let (verified_by, verifier_id, verifier_email) = match (plan.verify, verified) {
                (Verify::Supervisor, true) if supervisor_email.is_some() => {
                    (Some("supervisor"), None, supervisor_email.clone())
                }
                (Verify::Staff, true) => (Some("staff"), Some(manager), None),
                _ => (None, None, None),
            };
            let verified_at = verified_by.map(|_| self.at_school(verified_on).max(logged_at));
            let id = self.id();
            self.batch.hours.push(ExperienceHoursBulkRow {
                id,
                district_id: self.district(),
                student_id: self.s.id,
                experience_id,
                worked_on: on,
                hundredths: hours.0 as i32,
                note,
                verified_by,
                verified_at,
                verifier_id,
                verifier_email,
                created_at: logged_at,
            });
        }
    }
}

/// `day`, or the Friday before it when it is a weekend day.
fn school_day_before(day: Date) -> Date {
    match day.weekday() {
        Weekday::Saturday => day - Duration::days(1),
        Weekday::Sunday => day - Duration::days(2),
        _ => day,
    }
}

const COMMUNITY: usize = 0;
const EXTRA: usize = 1;
const PROGRAM: usize = 2;
pub(super) const JOB_SHADOW: usize = 3;
const INTERNSHIP: usize = 4;
const DUAL_CREDIT: usize = 5;
const APPRENTICESHIP: usize = 6;
const CLINICAL: usize = 7;

pub(super) const KINDS: [Kind; 8] = [
    Kind {
        key: "community_service",
        orgs: &[
            "Harbor City Food Bank",
            "Riverside Public Library",
            "Friends of Mill Creek",
            "St. Anne's Community Kitchen",
            "Harbor County Animal Shelter",
            "Oak Street Senior Center",
            "Harbor County Parks Volunteers",
            "Eastside Community Garden",
            "Harbor City Coat Drive",
        ],
        reflections: &[
            "I thought it would be boring but the people I worked with made it fun. I'm going back next month.",
            "Seeing how many families come every Saturday changed how I think about our town.",
            "I learned to talk to people I would never have met otherwise. One man told me about working on the ships for 40 years.",
            "It felt good to do something with my hands that helped right away.",
            "I was nervous the first day, but by the end I was training the new volunteers.",
        ],
        notes: &[
            "Sorted canned goods",
            "Saturday distribution line",
            "Read to kids at story time",
            "Creek cleanup, 6 bags of trash",
            "Served lunch",
            "Walked dogs and cleaned kennels",
            "Bingo afternoon with residents",
            "Set up and cleaned up",
        ],
        tags: &["casel:social_awareness", "p21:social_cross_cultural", "asca:B-SS-4", "casel:responsible_decision_making"],
        entries: (1, 8),
        hours: (150, 400),
        days: Days::Weekends,
    },
    Kind {
        key: "extracurricular",
        orgs: &[
            "Robotics Team",
            "Drama Club",
            "Marching Band",
            "Student Council",
            "Model UN",
            "Girls' Soccer",
            "Boys' Soccer",
            "Cross-Country Team",
            "Yearbook",
            "Spanish Club",
            "Math League",
            "Art Club",
        ],
        reflections: &[
            "Being on a team taught me to show up even when I'm tired.",
            "I learned more about leadership from running one meeting than from any class.",
            "We lost most of our games but the team got really close.",
            "Opening night was the most nervous and happiest I've ever been.",
            "Balancing practice and homework was hard at first. A planner saved me.",
        ],
        notes: &["Practice", "Rehearsal", "Meeting", "Competition", "Game", "Tournament day", "Build session"],
        tags: &["p21:collaboration", "p21:leadership_responsibility", "casel:relationship_skills", "asca:B-SMS-9"],
        entries: (6, 16),
        hours: (150, 300),
        days: Days::Weekdays,
    },
    Kind {
        key: "out_of_school_program",
        orgs: &[
            "Harbor City Youth Center",
            "Code Harbor after-school coding",
            "Summer Bridge at Harbor Community College",
            "Eastside Teen Leadership Academy",
            "Riverside Museum Teen Guides",
            "Harbor City Youth Orchestra",
        ],
        reflections: &[
            "I met people from other schools who like the same things I do.",
            "The program made college feel possible. I sat in a real lecture hall.",
            "I learned to code a website from scratch. I want to take computer science next year.",
            "The mentors treated us like adults, which made me act like one.",
        ],
        notes: &["Weekly session", "Workshop", "Field trip", "Project work", "Final showcase"],
        tags: &["p21:initiative_self_direction", "asca:M-4", "p21:creativity_innovation"],
        entries: (5, 12),
        hours: (200, 300),
        days: Days::Any,
    },
    Kind {
        key: "job_shadow",
        orgs: &[
            "Harbor City Hospital",
            "Coastal Electric Co.",
            "Morales & Park Law Office",
            "Harbor City Fire Department",
            "Bayview Dental Group",
            "Northpoint Engineering",
            "Harbor County Courthouse",
            "Tidewater Marine Repair",
        ],
        reflections: &[
            "The day went by fast. I could see myself doing this job.",
            "It wasn't what I expected. I'm glad I found out now instead of in college.",
            "The person I shadowed said the most important skill is communication, not anything technical.",
            "I asked a lot of questions and they answered every one. I want to go back.",
        ],
        notes: &["Shadow day", "Morning on the floor, afternoon in meetings", "Site visit", "Followed the day shift"],
        tags: &["casel:self_awareness", "asca:M-6", "p21:information_literacy"],
        entries: (1, 2),
        hours: (400, 700),
        days: Days::Weekdays,
    },
    Kind {
        key: "internship",
        orgs: &[
            "Harbor City Public Works",
            "Bayview Veterinary Clinic",
            "Riverside Credit Union",
            "Harbor City Hospital: patient transport",
            "Northpoint Engineering",
            "Harbor Community Radio",
        ],
        reflections: &[
            "I had real responsibilities and people counted on me. That felt different from school.",
            "My supervisor gave me honest feedback every Friday. I got a lot better at emails.",
            "I learned the job is 20% the thing you studied and 80% working with people.",
            "They offered me a summer job. I'm taking it.",
        ],
        notes: &["Regular shift", "Filed and scanned records", "Helped with the front desk", "Site work", "Team meeting and training"],
        tags: &["p21:productivity_accountability", "p21:communication", "asca:B-SMS-6", "p21:flexibility_adaptability"],
        entries: (8, 20),
        hours: (300, 600),
        days: Days::Weekdays,
    },
    Kind {
        key: "dual_credit",
        orgs: &[
            "Harbor Community College: English Composition I",
            "Harbor Community College: Introduction to Psychology",
            "Harbor Community College: College Algebra",
            "Harbor Community College: Medical Terminology",
        ],
        reflections: &[
            "College classes move faster. I had to learn to study on my own.",
            "Sitting next to adults going back to school made me take it seriously.",
            "The professor doesn't remind you about deadlines. Lesson learned.",
        ],
        notes: &["Class session", "Study group", "Exam"],
        tags: &["asca:B-LS-7", "asca:M-5", "p21:initiative_self_direction"],
        entries: (8, 16),
        hours: (250, 300),
        days: Days::Weekdays,
    },
    Kind {
        key: "apprenticeship",
        orgs: &[
            "Coastal Electric Co.: pre-apprenticeship",
            "Harbor Builders: carpentry pre-apprenticeship",
        ],
        reflections: &[
            "Getting paid to learn a trade is a great deal. I'm applying for the full apprenticeship.",
            "Safety training first, then real work. I framed my first wall last week.",
        ],
        notes: &["Shop day", "Job site", "Safety training"],
        tags: &["p21:productivity_accountability", "asca:B-SMS-6", "casel:responsible_decision_making"],
        entries: (6, 14),
        hours: (400, 800),
        days: Days::Weekdays,
    },
    Kind {
        key: "clinical",
        orgs: &[
            "Oak Street Senior Center: CNA clinical rotation",
            "Harbor City Hospital: CNA clinicals",
        ],
        reflections: &[
            "Clinicals were hard but I know now I want to be a nurse.",
            "Taking care of real patients is nothing like the skills lab. You have to be calm and kind at the same time.",
        ],
        notes: &["Clinical shift", "Skills check-off", "Morning care"],
        tags: &["casel:social_awareness", "p21:productivity_accountability", "asca:B-SS-3"],
        entries: (6, 14),
        hours: (400, 800),
        days: Days::Weekdays,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use ssp_domain::portfolio::competency::CompetencyKey;
    use ssp_domain::portfolio::experience::{ExperienceKind, ExperienceRaw};

    #[test]
    fn every_kind_is_the_domains_and_its_texts_fit_the_form() {
        for (i, k) in KINDS.iter().enumerate() {
            assert!(ExperienceKind::parse(k.key).is_ok(), "{}", k.key);
            assert_eq!(k.key == "job_shadow", i == JOB_SHADOW);
            assert!(k.hours.0 % 25 == 0 && k.hours.1 % 25 == 0 && k.hours.1 <= 2400);
            assert!(k.entries.0 >= 1 && k.entries.0 <= k.entries.1);
            assert!(!k.notes.is_empty() && !k.reflections.is_empty());
            for t in k.tags {
                assert!(CompetencyKey::parse(t).is_some_and(|c| c.is_built_in()), "{t}");
            }
            for org in k.orgs {
                for r in k.reflections {
                    let tags: Vec<String> = k.tags.iter().map(|t| (*t).to_owned()).collect();
                    let raw = ExperienceRaw {
                        kind: k.key,
                        organisation: org,
                        supervisor_name: "Dana Whitfield",
                        supervisor_email: "dana.whitfield@example.org",
                        start_on: "2026-09-01",
                        end_on: "",
                        reflection: r,
                        competencies: &tags,
                    };
                    assert!(raw.parse(&[]).is_ok(), "{org}: {r}");
                }
            }
        }
    }
}
