//! A generated student's plan: one of a few stories drawn at the district's
//! rates (seven in ten plans up to date; the rest waiting for a signature,
//! behind on a check-in, missing a domain, or not started), told through
//! last year's goals and review and this year's goals, check-ins,
//! activities, review, reflections, interactions and notes.

use rand::seq::SliceRandom;
use rand::Rng;
use ssp_domain::plan::activity::default_scope_and_sequence;
use ssp_domain::plan::{CheckInCadence, GoalStatus, MeasureKind, PlanDomain, UpToDateRule};
use ssp_domain::SchoolYear;
use time::{Date, Duration, Month};
use uuid::Uuid;

use super::texts::{self, GoalText};
use super::{GoalSpec, PlanBuilder, Signatures};

/// What this year's plan looks like; the stored status is still decided
/// by the rule, these only steer the data toward it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Story {
    /// Reviewed and signed, a goal in each domain, check-ins current.
    UpToDate,
    /// Goals in place, but this year's review is missing a signature.
    ReviewPending,
    /// Reviewed, but one goal's check-in is overdue.
    CheckInLate,
    /// One or two domains without an active goal.
    MissingDomain,
    /// Nothing set yet this year.
    NotStarted,
}

const STORIES: [(Story, f64); 5] = [
    (Story::UpToDate, 0.70),
    (Story::ReviewPending, 0.03),
    (Story::CheckInLate, 0.02),
    (Story::MissingDomain, 0.12),
    (Story::NotStarted, 0.13),
];

/// Share of this year's open goals first set last spring.
const CONTINUING: f64 = 0.2;

impl PlanBuilder<'_> {
    /// A randomly drawn plan.
    pub(super) fn story(&mut self) {
        let story = self.pick_story();
        let history = self.s.grade >= 7 && !(story == Story::NotStarted && self.chance(0.5));
        if history {
            self.last_year();
        }
        let (on_team_fps, on_team_csc) = self.specialists();
        self.this_year(story);
        self.reflections(history, story);
        self.interactions(on_team_fps, on_team_csc);
        self.notes();
        if self.chance(0.55) {
            let (a, b, c, d) = (
                self.pick(texts::STRENGTHS),
                self.pick(texts::INTERESTS),
                self.pick(texts::NEEDS),
                self.pick(texts::OUTSIDE_ACTIVITIES),
            );
            let on = self.day_between(self.cal.fall + Duration::days(3), self.cal.latest);
            self.add_profile(a, b, c, d, on);
        }
    }

    fn pick_story(&mut self) -> Story {
        let mut r: f64 = self.gen.rng.gen();
        for (story, p) in STORIES {
            if r < p {
                return story;
            }
            r -= p;
        }
        Story::UpToDate
    }

    fn goal_text(&mut self, domain: PlanDomain) -> GoalText {
        let spanish = self.s.spanish && self.chance(0.4);
        self.pick(texts::goals_of(domain, spanish))
    }

    fn yes_no_text(&mut self, domain: PlanDomain) -> GoalText {
        let choices: Vec<GoalText> = texts::goals_of(domain, false)
            .iter()
            .copied()
            .filter(|g| g.kind == MeasureKind::YesNo)
            .collect();
        self.pick(&choices)
    }

    fn cadence(&mut self) -> CheckInCadence {
        match self.gen.rng.gen_range(0..100) {
            0..=2 => CheckInCadence::Weekly,
            3..=24 => CheckInCadence::EveryTwoWeeks,
            _ => CheckInCadence::Monthly,
        }
    }

    /// A due date late in this school year (or last year's).
    fn due(&mut self, year: SchoolYear) -> Date {
        let (m, d) = self.pick(&[(Month::January, 22), (Month::May, 28), (Month::June, 10)]);
        Date::from_calendar_date(year.0, m, d).unwrap_or(year.end())
    }

    /// Check-in days after `from` up to `until`, one per cadence or a bit
    /// sooner, skipping the summer.
    fn check_in_days(&mut self, from: Date, until: Date, cadence: CheckInCadence) -> Vec<Date> {
        let days = cadence.days();
        let mut out = Vec::new();
        let mut cur = from;
        loop {
            let step = self.gen.rng.gen_range((days * 7 / 10).max(1)..=days);
            let mut next = cur + Duration::days(step);
            if next > self.cal.last_june && next < self.cal.fall {
                next = self.cal.fall + Duration::days(self.gen.rng.gen_range(3..10));
            }
            if next > until {
                return out;
            }
            out.push(next);
            cur = next;
        }
    }

    /// Check-ins on `days` moving from the baseline toward `reach` (a share
    /// of the way to the target), by the student mostly.
    fn check_ins_toward(&mut self, goal: usize, days: &[Date], reach: f64, domain: PlanDomain) {
        let (baseline, target, kind) = {
            let g = &self.batch.goals[goal];
            (
                g.baseline,
                g.target,
                MeasureKind::parse(g.measure_kind).unwrap_or(MeasureKind::Count),
            )
        };
        let n = days.len();
        for (i, &on) in days.iter().enumerate() {
            let share = reach * (i + 1) as f64 / n as f64;
            let noise = self.gen.rng.gen_range(-0.08..0.08);
            let value = match kind {
                MeasureKind::YesNo => {
                    if share >= 1.0 {
                        1.0
                    } else {
                        0.0
                    }
                }
                _ => baseline + (target - baseline) * (share + noise).clamp(0.0, 1.0),
            };
            let author = self.check_in_author(domain);
            let (note, reflection) = if author == self.s.id {
                let note = if self.s.spanish && self.chance(0.5) {
                    self.pick(texts::CHECK_IN_NOTES_ES)
                } else {
                    self.pick(texts::CHECK_IN_NOTES)
                };
                (note, self.pick(texts::CHECK_IN_REFLECTIONS))
            } else {
                (self.pick(texts::CHECK_IN_NOTES), "")
            };
            self.add_check_in(goal, on, value, author, note, reflection);
        }
    }

    fn check_in_author(&mut self, domain: PlanDomain) -> Uuid {
        match self.gen.rng.gen_range(0..100) {
            0..=71 => self.s.id,
            72..=85 if domain == PlanDomain::Academic => self.s.teacher.unwrap_or(self.s.manager),
            72..=85 if domain == PlanDomain::Career => self.s.mentor.unwrap_or(self.s.manager),
            _ => self.s.manager,
        }
    }

    /// Last school year: a few goals closed by June (or revised this fall),
    /// their check-ins, the year's activities and its review.
    fn last_year(&mut self) {
        let last = SchoolYear(self.cal.year.0 - 1);
        let n = match self.gen.rng.gen_range(0..20) {
            0..=6 => 1,
            7..=18 => 2,
            _ => 3,
        };
        let mut domains = PlanDomain::ALL;
        domains.shuffle(&mut self.gen.rng);
        for &domain in &domains[..n] {
            let text = self.goal_text(domain);
            let created = self.day_between(
                self.cal.last_fall + Duration::days(10),
                self.cal.last_fall + Duration::days(45),
            );
            let cadence = if self.chance(0.7) {
                CheckInCadence::Monthly
            } else {
                CheckInCadence::EveryTwoWeeks
            };
            let closed = self.day_between(self.cal.last_year(Month::February, 1), self.cal.last_june);
            let (status, changed, reach) = match self.gen.rng.gen_range(0..100) {
                0..=54 => (GoalStatus::Met, closed, 1.0),
                55..=79 => (GoalStatus::NotMet, closed, self.gen.rng.gen_range(0.2..0.7)),
                80..=94 => (GoalStatus::Discontinued, closed, self.gen.rng.gen_range(0.0..0.4)),
                // Tried again this fall: active → revised, being reworded.
                _ => {
                    let fall = self.cal.fall;
                    let on = self.day_between(fall + Duration::days(5), fall + Duration::days(30));
                    (
                        GoalStatus::Revised,
                        on.min(self.cal.latest),
                        self.gen.rng.gen_range(0.1..0.6),
                    )
                }
            };
            let due = self.due(last);
            let goal = self.add_goal(&GoalSpec {
                domain,
                text,
                status,
                cadence,
                created,
                activated: Some(created),
                changed,
                due,
                suggested_by: None,
            });
            // History keeps its first and last check-ins.
            let all = self.check_in_days(created, closed.min(self.cal.last_june), cadence);
            let mut kept: Vec<Date> = match all.len() {
                0..=2 => all.clone(),
                len => vec![all[0], all[len - 1]],
            };
            kept.dedup();
            if status == GoalStatus::Met && kept.is_empty() {
                kept.push(closed);
            }
            self.check_ins_toward(goal, &kept, reach, domain);
        }

        // Last year's grade-level activities, then its review (whose last
        // signature completes the annual-review activity and the snapshot).
        let grade = self.s.grade - 1;
        for t in default_scope_and_sequence() {
            if i32::from(t.grade.get()) != grade || t.key.ends_with("_annual_review") {
                continue;
            }
            let due = t.due_date(last);
            let p = if t.required { 0.88 } else { 0.0 };
            if self.chance(p) {
                let on = self.day_between(due - Duration::days(25), due);
                let at = self.at(on);
                let student = self.s.id;
                self.add_activity(t.key, last, "done", None, student, at);
            } else if t.required && self.chance(0.25) {
                let on = self.day_between(due - Duration::days(10), due);
                let at = self.at(on);
                let reason = self.pick(texts::EXEMPT_REASONS);
                let manager = self.s.manager;
                self.add_activity(t.key, last, "exempt", Some(reason), manager, at);
            }
        }
        let signed = self.day_between(
            self.cal.last_fall + Duration::days(40),
            self.cal.last_fall + Duration::days(65),
        );
        match self.gen.rng.gen_range(0..100) {
            0..=84 => {
                let sig = self.complete_signatures(signed, self.cal.last_june);
                self.add_review(last, sig);
            }
            85..=94 => self.add_review(
                last,
                Signatures {
                    manager: Some(signed),
                    ..Default::default()
                },
            ),
            _ => {}
        }
    }

    /// Student, plan manager, and a guardian (or a logged attempt to reach
    /// one), from `first` on, none after `until`.
    fn complete_signatures(&mut self, first: Date, until: Date) -> Signatures {
        let later = |b: &mut Self, days: i64| {
            let d = first + Duration::days(b.gen.rng.gen_range(0..=days));
            d.min(until)
        };
        let manager = later(self, 4);
        let guardian = match self.signing_guardian() {
            Some(g) if !self.s.adult && self.chance(0.85) => Some((g.id, later(self, 7))),
            _ => None,
        };
        Signatures {
            student: Some(first.min(until)),
            manager: Some(manager),
            guardian,
            guardian_attempts: if guardian.is_some() {
                0
            } else {
                self.gen.rng.gen_range(1..=2)
            },
        }
    }

    /// This school year: goals, check-ins, drafts, activities, the review.
    fn this_year(&mut self, story: Story) {
        let set_from = self.cal.fall + Duration::days(5);
        let set_to = (self.cal.fall + Duration::days(40)).min(self.cal.latest);
        let mut domains = PlanDomain::ALL;
        domains.shuffle(&mut self.gen.rng);
        let mut last_activation = set_from;
        let mut set = |b: &mut Self, domain, may_meet, late| {
            let (goal, activated) = b.current_goal(domain, may_meet, late, set_from, set_to);
            last_activation = last_activation.max(activated);
            goal
        };
        match story {
            Story::UpToDate | Story::ReviewPending | Story::CheckInLate => {
                for (i, &domain) in domains.iter().enumerate() {
                    let late = story == Story::CheckInLate && i == 0;
                    set(self, domain, !late, late);
                }
                if self.chance(0.015) {
                    let domain = self.pick(&PlanDomain::ALL);
                    set(self, domain, false, false);
                }
            }
            Story::MissingDomain => {
                let covered = if self.chance(0.4) { 1 } else { 2 };
                let late_one = self.chance(0.3);
                for (i, &domain) in domains.iter().enumerate() {
                    if i < covered {
                        set(self, domain, false, late_one && i == 0);
                    } else {
                        self.closed_this_year(domain, set_from, set_to);
                    }
                }
            }
            Story::NotStarted => {}
        }
        let draft = if story == Story::NotStarted { 0.4 } else { 0.08 };
        if self.chance(draft) {
            self.suggested_draft();
        }

        self.activities_this_year(story);

        let year = self.cal.year;
        let review_by = self.cal.this_year(Month::October, 31);
        let first = self.day_between(
            last_activation + Duration::days(1),
            review_by.max(last_activation + Duration::days(1)),
        );
        let first = first.min(self.cal.latest);
        let pending = |b: &mut Self| match b.gen.rng.gen_range(0..3) {
            // The plan manager signed; the student and family have not.
            0 => Signatures {
                manager: Some(first),
                ..Default::default()
            },
            // The student signed; the plan manager has not yet.
            1 => Signatures {
                student: Some(first),
                ..Default::default()
            },
            // Student and plan manager; nobody has reached a guardian.
            _ => Signatures {
                student: Some(first),
                manager: Some(first),
                ..Default::default()
            },
        };
        match story {
            Story::UpToDate | Story::CheckInLate => {
                let sig = self.complete_signatures(first, self.cal.latest);
                self.add_review(year, sig);
            }
            Story::ReviewPending => {
                let sig = pending(self);
                self.add_review(year, sig);
            }
            Story::MissingDomain if self.chance(0.35) => {
                let sig = pending(self);
                self.add_review(year, sig);
            }
            Story::MissingDomain | Story::NotStarted => {}
        }
    }

    /// One of this year's goals, active (or, if `may_meet`, sometimes met
    /// already); a `late` one has no check-in within its cadence and grace.
    /// Returns its index and activation day.
    fn current_goal(&mut self, domain: PlanDomain, may_meet: bool, late: bool, from: Date, to: Date) -> (usize, Date) {
        let latest = self.cal.latest;
        let year = self.cal.year;
        if may_meet && self.chance(0.12) {
            let text = self.yes_no_text(domain);
            let activated = self.day_between(from, to);
            let met = self.day_between(activated + Duration::days(14), latest).min(latest);
            let due = self.due(year);
            let goal = self.add_goal(&GoalSpec {
                domain,
                text,
                status: GoalStatus::Met,
                cadence: CheckInCadence::Monthly,
                created: activated,
                activated: Some(activated),
                changed: met,
                due,
                suggested_by: None,
            });
            let mut days = self.check_in_days(activated, met - Duration::days(1), CheckInCadence::Monthly);
            days.push(met);
            self.check_ins_toward(goal, &days, 1.0, domain);
            return (goal, activated);
        }
        let text = self.goal_text(domain);
        let cadence = self.cadence();
        let allowed = UpToDateRule::default().allowed_days(cadence);
        let cutoff = self.cal.today - Duration::days(allowed + self.gen.rng.gen_range(1..=20));
        let continuing = self.s.grade >= 7 && self.chance(super::story::CONTINUING);
        let activated = if continuing {
            self.day_between(self.cal.last_year(Month::March, 1), self.cal.last_year(Month::May, 15))
        } else if late {
            self.day_between(from, to.min(cutoff))
        } else {
            self.day_between(from, to)
        };
        let due = self.due(year);
        let goal = self.add_goal(&GoalSpec {
            domain,
            text,
            status: GoalStatus::Active,
            cadence,
            created: activated,
            activated: Some(activated),
            changed: activated,
            due,
            suggested_by: None,
        });
        let mut days = self.check_in_days(activated, latest, cadence);
        if late {
            days.retain(|&d| d <= cutoff);
        } else if continuing {
            // Last spring's check-ins are history; keep two of them.
            let spring: Vec<Date> = days.iter().copied().filter(|&d| d < self.cal.fall).collect();
            if spring.len() > 2 {
                let drop: Vec<Date> = spring[..spring.len() - 2].to_vec();
                days.retain(|d| !drop.contains(d));
            }
        }
        let reach = self.gen.rng.gen_range(0.15..0.8);
        self.check_ins_toward(goal, &days, reach, domain);
        self.action_steps(goal, activated);
        if self.chance(0.25) {
            let support = self.pick(texts::SUPPORTS);
            let manager = self.s.manager;
            self.add_support(goal, support, manager);
        }
        (goal, activated)
    }

    /// A goal set this year and then set aside: revised (being reworded) or
    /// discontinued; sometimes nothing was set in the domain at all.
    fn closed_this_year(&mut self, domain: PlanDomain, from: Date, to: Date) {
        let status = match self.gen.rng.gen_range(0..100) {
            0..=29 => GoalStatus::Revised,
            30..=44 => GoalStatus::Discontinued,
            _ => return,
        };
        let text = self.goal_text(domain);
        let cadence = self.cadence();
        let activated = self.day_between(from, to);
        let changed = self
            .day_between(activated + Duration::days(14), self.cal.latest)
            .min(self.cal.latest);
        let due = self.due(self.cal.year);
        let goal = self.add_goal(&GoalSpec {
            domain,
            text,
            status,
            cadence,
            created: activated,
            activated: Some(activated),
            changed,
            due,
            suggested_by: None,
        });
        let days = self.check_in_days(activated, changed, cadence);
        let days: Vec<Date> = days.into_iter().take(2).collect();
        let reach = self.gen.rng.gen_range(0.0..0.3);
        self.check_ins_toward(goal, &days, reach, domain);
    }

    /// A goal a staff member suggested, waiting for the student to start it.
    fn suggested_draft(&mut self) {
        let (by, domain) = match self.gen.rng.gen_range(0..10) {
            0..=5 => {
                let domain = self.pick(&PlanDomain::ALL);
                (self.s.manager, domain)
            }
            6..=7 => (self.s.mentor.unwrap_or(self.s.manager), PlanDomain::Career),
            _ => (self.s.teacher.unwrap_or(self.s.manager), PlanDomain::Academic),
        };
        let text = self.pick(texts::goals_of(domain, false));
        let created = self.day_between(self.cal.fall + Duration::days(20), self.cal.latest);
        let cadence = self.cadence();
        let due = self.due(self.cal.year);
        let goal = self.add_goal(&GoalSpec {
            domain,
            text,
            status: GoalStatus::Draft,
            cadence,
            created,
            activated: None,
            changed: created,
            due,
            suggested_by: Some(by),
        });
        if self.chance(0.5) {
            let step = self.pick(texts::ACTION_STEPS);
            let due = created + Duration::days(self.gen.rng.gen_range(14..30));
            let student = self.s.id;
            self.add_action_step(goal, step, student, due, None, by);
        }
    }

    /// Zero to two action steps with owners; past-due ones mostly done.
    fn action_steps(&mut self, goal: usize, from: Date) {
        let n = match self.gen.rng.gen_range(0..100) {
            0..=24 => 0,
            25..=89 => 1,
            _ => 2,
        };
        for _ in 0..n {
            let step = self.pick(texts::ACTION_STEPS);
            let owner = match self.gen.rng.gen_range(0..100) {
                0..=59 => self.s.id,
                60..=84 => self.s.manager,
                _ => self.s.mentor.or(self.s.teacher).unwrap_or(self.s.manager),
            };
            let due = from + Duration::days(self.gen.rng.gen_range(7..60));
            let done = if due < self.cal.today && self.chance(0.6) {
                Some(self.day_between(due - Duration::days(6), due).min(self.cal.latest))
            } else {
                None
            };
            self.add_action_step(goal, step, owner, due, done, owner);
        }
    }

    /// This year's grade-level activities other than the annual review
    /// (which its review's last signature completes).
    fn activities_this_year(&mut self, story: Story) {
        let year = self.cal.year;
        let on_track = matches!(story, Story::UpToDate | Story::ReviewPending | Story::CheckInLate);
        for t in default_scope_and_sequence() {
            if i32::from(t.grade.get()) != self.s.grade || t.key.ends_with("_annual_review") {
                continue;
            }
            let due = t.due_date(year);
            let past = due < self.cal.today;
            let (done, exempt) = match (past, t.required) {
                (true, true) if on_track => (0.96, 1.0),
                (true, true) => (0.5, 0.0),
                (true, false) => (0.5, 0.0),
                (false, _) => (0.08, 0.0),
            };
            let window_start = (due - Duration::days(25)).max(self.cal.fall);
            let window_end = due.min(self.cal.latest);
            if self.chance(done) {
                let on = self.day_between(window_start, window_end);
                let at = self.at(on);
                let student = self.s.id;
                self.add_activity(t.key, year, "done", None, student, at);
            } else if self.chance(exempt) {
                let on = self.day_between(window_start, window_end);
                let at = self.at(on);
                let reason = self.pick(texts::EXEMPT_REASONS);
                let manager = self.s.manager;
                self.add_activity(t.key, year, "exempt", Some(reason), manager, at);
            }
        }
    }

    /// Prompted reflections, last year's and this year's, some commented on.
    fn reflections(&mut self, history: bool, story: Story) {
        let this_year = match (story, self.gen.rng.gen_range(0..100)) {
            (Story::MissingDomain | Story::NotStarted, 0..=59) => 0,
            (Story::MissingDomain | Story::NotStarted, 60..=89) => 1,
            (Story::MissingDomain | Story::NotStarted, _) => 2,
            (_, 0..=24) => 0,
            (_, 25..=69) => 1,
            _ => 2,
        };
        let last_year = if history { self.gen.rng.gen_range(0..=2) } else { 0 };
        let (fall, latest) = (self.cal.fall, self.cal.latest);
        let (last_fall, last_june) = (self.cal.last_fall, self.cal.last_june);
        for (n, from, to) in [(last_year, last_fall, last_june), (this_year, fall, latest)] {
            for _ in 0..n {
                let text = if self.s.spanish && self.chance(0.5) {
                    self.pick(texts::REFLECTIONS_ES)
                } else {
                    self.pick(texts::REFLECTIONS)
                };
                let on = self.day_between(from + Duration::days(10), to);
                let reflection = self.add_reflection(text, on);
                if self.chance(0.22) {
                    self.comment_on(reflection, on, to);
                }
            }
        }
    }

    fn comment_on(&mut self, reflection: Uuid, written: Date, until: Date) {
        let on = self
            .day_between(written + Duration::days(1), written + Duration::days(10))
            .min(until);
        let guardian = self.signing_guardian().filter(|_| !self.s.adult);
        match (self.gen.rng.gen_range(0..100), guardian) {
            (0..=29, Some(g)) => {
                let body = if g.spanish {
                    self.pick(texts::FAMILY_COMMENTS_ES)
                } else {
                    self.pick(texts::FAMILY_COMMENTS)
                };
                self.add_comment(reflection, g.id, body, on);
            }
            (30..=44, _) if self.s.mentor.is_some() => {
                let body = self.pick(texts::STAFF_COMMENTS);
                let mentor = self.s.mentor.unwrap_or(self.s.manager);
                self.add_comment(reflection, mentor, body, on);
            }
            _ => {
                let body = self.pick(texts::STAFF_COMMENTS);
                let manager = self.s.manager;
                self.add_comment(reflection, manager, body, on);
            }
        }
    }

    /// Whether the family partnership specialist and the community school
    /// coordinator are on this student's team (they join it when they work
    /// with the family).
    fn specialists(&mut self) -> (bool, bool) {
        let spanish_family = self.s.guardians.iter().any(|g| g.spanish);
        let fps = self.chance(if spanish_family { 0.35 } else { 0.08 });
        let csc = self.chance(0.05);
        if fps {
            let id = self.staff.fps;
            self.add_team(id, "family_partnership_specialist");
        }
        if csc {
            let id = self.staff.csc;
            self.add_team(id, "community_school_coordinator");
        }
        (fps, csc)
    }

    /// Meetings, calls and conferences, each with a sensitivity class and
    /// often a follow-up: some done, some open, some overdue.
    fn interactions(&mut self, fps: bool, csc: bool) {
        let n = match self.gen.rng.gen_range(0..100) {
            0..=34 => 0,
            35..=74 => 1,
            75..=94 => 2,
            _ => 3,
        };
        for _ in 0..n {
            let roll = self.gen.rng.gen_range(0..100);
            let (entry, author) = if fps && roll < 35 {
                (self.pick(texts::FPS_INTERACTIONS), self.staff.fps)
            } else if csc && roll < 50 {
                (self.pick(texts::CSC_INTERACTIONS), self.staff.csc)
            } else if roll >= 80 && self.s.mentor.is_some() {
                (
                    self.pick(texts::MENTOR_INTERACTIONS),
                    self.s.mentor.unwrap_or(self.s.manager),
                )
            } else {
                (self.pick(texts::COUNSELOR_INTERACTIONS), self.s.manager)
            };
            let sensitivity = if self.chance(0.35) { "shared" } else { "staff" };
            let on = if self.s.grade >= 7 && self.chance(0.25) {
                self.day_between(self.cal.last_fall + Duration::days(10), self.cal.last_june)
            } else {
                self.day_between(self.cal.fall + Duration::days(3), self.cal.latest)
            };
            let interaction = self.add_interaction(entry, on, sensitivity, author);
            if self.chance(0.55) {
                self.follow_up(interaction, on, author);
            }
        }
    }

    fn follow_up(&mut self, interaction: Uuid, on: Date, author: Uuid) {
        let description = self.pick(texts::FOLLOW_UPS);
        let owner = if self.chance(0.7) { author } else { self.s.manager };
        let due = on + Duration::days(self.gen.rng.gen_range(5..22));
        let done = if due < self.cal.today && self.chance(0.6) {
            let done = self.day_between(on + Duration::days(1), due + Duration::days(3));
            Some(done.min(self.cal.latest))
        } else {
            None
        };
        self.add_follow_up(interaction, description, owner, on, due, done);
    }

    /// Notes in every class: shared with the family, staff only, and the
    /// restricted health and social-services notes by the nurse and the
    /// social worker, who join the team of the students they write about.
    fn notes(&mut self) {
        let (fall, latest) = (self.cal.fall, self.cal.latest);
        if self.chance(0.3) {
            let body = if self.s.guardians.iter().any(|g| g.spanish) && self.chance(0.4) {
                self.pick(texts::SHARED_NOTES_ES)
            } else {
                self.pick(texts::SHARED_NOTES)
            };
            let author = self.s.teacher.filter(|_| self.chance(0.4)).unwrap_or(self.s.manager);
            let on = self.day_between(fall + Duration::days(5), latest);
            self.add_note("shared", body, author, on);
        }
        if self.chance(0.3) {
            let body = self.pick(texts::STAFF_NOTES);
            let author = self.s.teacher.filter(|_| self.chance(0.5)).unwrap_or(self.s.manager);
            let on = self.day_between(fall + Duration::days(5), latest);
            self.add_note("staff", body, author, on);
        }
        if self.chance(0.08) {
            let nurse = self.staff.nurse;
            self.add_team(nurse, "nurse");
            let body = self.pick(texts::HEALTH_NOTES);
            let on = self.day_between(fall, latest);
            self.add_note("restricted_health", body, nurse, on);
            if self.chance(0.4) {
                let entry = self.pick(texts::NURSE_INTERACTIONS);
                let on = self.day_between(fall + Duration::days(3), latest);
                self.add_interaction(entry, on, "restricted_health", nurse);
            }
        }
        if self.chance(0.06) {
            let social_worker = self.staff.social_worker;
            self.add_team(social_worker, "social_worker");
            let body = self.pick(texts::SOCIAL_NOTES);
            let on = self.day_between(fall, latest);
            self.add_note("restricted_social", body, social_worker, on);
            if self.chance(0.5) {
                let entry = self.pick(texts::SOCIAL_WORKER_INTERACTIONS);
                let on = self.day_between(fall + Duration::days(3), latest);
                let interaction = self.add_interaction(entry, on, "restricted_social", social_worker);
                self.follow_up(interaction, on, social_worker);
            }
        }
    }
}
