//! The district's headline metric (DESIGN §4, "Up-to-date plan"): whether a
//! plan is up to date this school year, and if not, which of conditions
//! (a)–(d) fail and why. The whole rule lives in [`UpToDateRule::evaluate`].

use time::Date;
use uuid::Uuid;

use super::activity::{self, ActivityState, ActivityStatus};
use super::goal::{days_since_check_in, CheckInCadence, GoalStatus};
use super::{PlanDomain, Signer};
use crate::SchoolYear;

/// The district's thresholds for the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UpToDateRule {
    /// Days a check-in may run late beyond the goal's cadence.
    pub grace_days: i64,
    /// Whether the review needs a guardian's signature (or a logged attempt
    /// to reach one). Districts serving only adult students may turn it off.
    pub require_guardian_signature: bool,
}

impl Default for UpToDateRule {
    fn default() -> Self {
        Self {
            grace_days: 7,
            require_guardian_signature: true,
        }
    }
}

/// What the rule needs to know about one student's plan, gathered by the
/// caller.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanFacts {
    pub today: Date,
    /// The most recent annual review, whatever its year.
    pub review: Option<ReviewFacts>,
    /// The plan's goals in this school year's plan: every active goal, and the
    /// goals met this year (a goal met in an earlier year does not count).
    pub goals: Vec<GoalFacts>,
    /// The student's activities; those due before this school year are ignored.
    pub activities: Vec<ActivityFacts>,
}

/// The annual review and who signed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewFacts {
    pub school_year: SchoolYear,
    pub student_signed: bool,
    pub manager_signed: bool,
    pub guardian_signed: bool,
    /// Staff logged an attempt to reach a guardian for a signature.
    pub guardian_attempt_logged: bool,
}

/// One goal, as far as the rule cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoalFacts {
    pub id: Uuid,
    pub domain: PlanDomain,
    pub status: GoalStatus,
    pub cadence: CheckInCadence,
    pub activated_on: Option<Date>,
    pub last_check_in: Option<Date>,
}

/// One of the student's grade-level activities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityFacts {
    pub key: String,
    pub due: Date,
    pub state: ActivityState,
    /// Only required activities count toward the rule.
    pub required: bool,
}

/// The four conditions of the rule, as the plan page lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Condition {
    /// (a) Reviewed and signed this school year.
    Reviewed,
    /// (b) An active or met goal in each domain.
    GoalsInEveryDomain,
    /// (c) No active goal's check-in is overdue.
    CheckInsCurrent,
    /// (d) Every required activity due so far is done or exempt.
    ActivitiesDone,
}

impl Condition {
    pub const ALL: [Condition; 4] = [
        Condition::Reviewed,
        Condition::GoalsInEveryDomain,
        Condition::CheckInsCurrent,
        Condition::ActivitiesDone,
    ];

    /// The translated key.
    pub fn as_str(self) -> &'static str {
        match self {
            Condition::Reviewed => "reviewed",
            Condition::GoalsInEveryDomain => "goals_in_every_domain",
            Condition::CheckInsCurrent => "check_ins_current",
            Condition::ActivitiesDone => "activities_done",
        }
    }

    /// The condition's letter in DESIGN §4: `a` to `d`.
    pub fn letter(self) -> char {
        match self {
            Condition::Reviewed => 'a',
            Condition::GoalsInEveryDomain => 'b',
            Condition::CheckInsCurrent => 'c',
            Condition::ActivitiesDone => 'd',
        }
    }
}

/// One reason a plan is not up to date, with the data the page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// (a) No review in the current school year.
    NotReviewedThisYear { last_reviewed: Option<SchoolYear> },
    /// (a) This year's review lacks a signature.
    MissingSignature { who: Signer },
    /// (b) No active or met goal in this domain.
    NoGoalInDomain(PlanDomain),
    /// (c) An active goal went longer than `allowed` days without a check-in.
    CheckInOverdue { goal: Uuid, days_since: i64, allowed: i64 },
    /// (d) A required activity is past due and neither done nor exempt.
    ActivityOverdue { key: String, due: Date },
}

impl Failure {
    /// Stable snake_case key, used as the translation key.
    pub fn code(&self) -> &'static str {
        match self {
            Failure::NotReviewedThisYear { .. } => "not_reviewed_this_year",
            Failure::MissingSignature { .. } => "missing_signature",
            Failure::NoGoalInDomain(_) => "no_goal_in_domain",
            Failure::CheckInOverdue { .. } => "check_in_overdue",
            Failure::ActivityOverdue { .. } => "activity_overdue",
        }
    }

    /// Which of (a)–(d) this failure belongs to.
    pub fn condition(&self) -> Condition {
        match self {
            Failure::NotReviewedThisYear { .. } | Failure::MissingSignature { .. } => Condition::Reviewed,
            Failure::NoGoalInDomain(_) => Condition::GoalsInEveryDomain,
            Failure::CheckInOverdue { .. } => Condition::CheckInsCurrent,
            Failure::ActivityOverdue { .. } => Condition::ActivitiesDone,
        }
    }
}

/// The verdict: up to date, or the failures in condition order (a)–(d).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpToDate {
    pub up_to_date: bool,
    pub failures: Vec<Failure>,
}

impl UpToDate {
    /// Whether `condition` holds.
    pub fn holds(&self, condition: Condition) -> bool {
        !self.failures.iter().any(|f| f.condition() == condition)
    }
}

impl UpToDateRule {
    /// A plan is up to date when, in the current school year (the one
    /// containing `facts.today`):
    ///
    /// - (a) it was reviewed and signed by the student and the plan manager,
    ///   and by a guardian or an attempt to reach one is logged;
    /// - (b) it holds at least one active or met goal in each of the three
    ///   domains;
    /// - (c) no active goal has gone more than its cadence plus
    ///   `grace_days` without a check-in, counting from its activation when
    ///   it has none yet (exactly cadence + grace is still on time);
    /// - (d) every required activity due this school year before today is
    ///   done or exempt (one due today is not yet late, matching
    ///   [`activity::status`]).
    pub fn evaluate(&self, facts: &PlanFacts) -> UpToDate {
        let year = SchoolYear::containing(facts.today);
        let mut failures = Vec::new();
        self.review_failures(facts.review.as_ref(), year, &mut failures);
        goal_coverage_failures(&facts.goals, &mut failures);
        self.check_in_failures(&facts.goals, facts.today, year, &mut failures);
        activity_failures(&facts.activities, facts.today, year, &mut failures);
        UpToDate {
            up_to_date: failures.is_empty(),
            failures,
        }
    }

    /// Days an active goal on `cadence` may go without a check-in.
    pub fn allowed_days(&self, cadence: CheckInCadence) -> i64 {
        cadence.days() + self.grace_days.max(0)
    }

    fn review_failures(&self, review: Option<&ReviewFacts>, year: SchoolYear, out: &mut Vec<Failure>) {
        let review = match review {
            Some(r) if r.school_year == year => r,
            other => {
                out.push(Failure::NotReviewedThisYear {
                    last_reviewed: other.map(|r| r.school_year),
                });
                return;
            }
        };
        let guardian_ok = !self.require_guardian_signature || review.guardian_signed || review.guardian_attempt_logged;
        for (signed, who) in [
            (review.student_signed, Signer::Student),
            (review.manager_signed, Signer::PlanManager),
            (guardian_ok, Signer::Guardian),
        ] {
            if !signed {
                out.push(Failure::MissingSignature { who });
            }
        }
    }

    fn check_in_failures(&self, goals: &[GoalFacts], today: Date, year: SchoolYear, out: &mut Vec<Failure>) {
        for goal in goals.iter().filter(|g| g.status == GoalStatus::Active) {
            // An active goal with neither date (incomplete legacy data) counts
            // from the start of the school year rather than being skipped.
            let days_since = days_since_check_in(goal.activated_on, goal.last_check_in, today)
                .unwrap_or_else(|| (today - year.start()).whole_days());
            let allowed = self.allowed_days(goal.cadence);
            if days_since > allowed {
                out.push(Failure::CheckInOverdue {
                    goal: goal.id,
                    days_since,
                    allowed,
                });
            }
        }
    }
}

fn goal_coverage_failures(goals: &[GoalFacts], out: &mut Vec<Failure>) {
    for domain in PlanDomain::ALL {
        let covered = goals
            .iter()
            .any(|g| g.domain == domain && matches!(g.status, GoalStatus::Active | GoalStatus::Met));
        if !covered {
            out.push(Failure::NoGoalInDomain(domain));
        }
    }
}

fn activity_failures(activities: &[ActivityFacts], today: Date, year: SchoolYear, out: &mut Vec<Failure>) {
    for a in activities {
        let this_year = a.due >= year.start();
        if a.required && this_year && activity::status(a.state, a.due, today) == ActivityStatus::Overdue {
            out.push(Failure::ActivityOverdue {
                key: a.key.clone(),
                due: a.due,
            });
        }
    }
}

#[cfg(test)]
#[path = "up_to_date_tests.rs"]
mod tests;
