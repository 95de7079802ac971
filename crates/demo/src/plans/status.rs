//! Each generated plan's stored up-to-date status, decided by the domain's
//! [`UpToDateRule`] over the facts the app would gather from the same rows
//! (the mirror of `ssp_app::status::{activities_for, facts}`, which
//! this crate cannot depend on): active and met goals, the student's
//! grade-level activities under the shipped scope and sequence, and the
//! latest review. The demo writes no district settings, so the rule runs
//! with its defaults, as the app's does.

use ssp_db::repo::bulk::{ActivityBulkRow, GoalBulkRow, ReviewBulkRow};
use ssp_domain::plan::activity::default_scope_and_sequence;
use ssp_domain::plan::{
    ActivityFacts, ActivityState, CheckInCadence, GoalFacts, GoalStatus, PlanDomain, PlanFacts, ReviewFacts, UpToDate,
    UpToDateRule,
};
use ssp_domain::SchoolYear;
use time::Date;

/// One goal with the date of its latest check-in.
pub(crate) struct GoalWithLast<'a> {
    pub goal: &'a GoalBulkRow,
    pub last_check_in: Option<Date>,
}

/// The rule's verdict on one student's generated plan.
pub(crate) fn verdict(
    grade: i32,
    today: Date,
    goals: &[GoalWithLast<'_>],
    records: &[&ActivityBulkRow],
    latest_review: Option<&ReviewBulkRow>,
) -> UpToDate {
    let year = SchoolYear::containing(today);
    let activities = default_scope_and_sequence()
        .into_iter()
        .filter(|t| i32::from(t.grade.get()) == grade)
        .map(|t| {
            let state = records
                .iter()
                .find(|r| r.activity_key == t.key)
                .and_then(|r| ActivityState::parse(r.state).ok())
                .unwrap_or(ActivityState::Pending);
            ActivityFacts {
                key: t.key.to_owned(),
                due: t.due_date(year),
                state,
                required: t.required,
            }
        })
        .collect();
    let facts = PlanFacts {
        today,
        review: latest_review.map(|r| ReviewFacts {
            school_year: SchoolYear(r.school_year),
            student_signed: r.student_signed_at.is_some(),
            manager_signed: r.manager_signed_at.is_some(),
            guardian_signed: r.guardian_signed_at.is_some(),
            guardian_attempt_logged: r.guardian_attempts > 0,
        }),
        goals: goals
            .iter()
            .filter_map(|g| {
                let status = GoalStatus::parse(g.goal.status).ok()?;
                if !matches!(status, GoalStatus::Active | GoalStatus::Met) {
                    return None;
                }
                Some(GoalFacts {
                    id: g.goal.id,
                    domain: PlanDomain::parse(g.goal.domain).ok()?,
                    status,
                    cadence: CheckInCadence::parse(g.goal.cadence).ok()?,
                    activated_on: g.goal.activated_on,
                    last_check_in: g.last_check_in,
                })
            })
            .collect(),
        activities,
    };
    UpToDateRule::default().evaluate(&facts)
}

/// The failure codes and overdue count as `plan_service::recompute` stores them.
pub(crate) fn stored_form(verdict: &UpToDate) -> (String, i32) {
    let codes: Vec<&str> = verdict.failures.iter().map(|f| f.code()).collect();
    let overdue = verdict
        .failures
        .iter()
        .filter(|f| f.code() == "check_in_overdue")
        .count() as i32;
    (codes.join(","), overdue)
}
