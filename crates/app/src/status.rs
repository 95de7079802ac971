//! Gathers a plan's facts for the up-to-date rule (`ssp_domain::plan`) and
//! keeps each plan's stored status current: every write to a plan calls
//! [`recompute`] in its own transaction, and a daily sweep catches plans
//! that went stale only because time passed (a check-in became overdue).

use ssp_db::repo::plan::{self, ActivityRecord, GoalRow, ReviewRow};
use ssp_db::repo::settings::PlanSettings;
use ssp_db::{DbError, Tx};
use ssp_domain::plan::activity::default_scope_and_sequence;
use ssp_domain::plan::{
    ActivityFacts, ActivityState, ActivityTemplate, CheckInCadence, GoalFacts, GoalStatus, PlanDomain, PlanFacts,
    ReviewFacts, UpToDate, UpToDateRule,
};
use ssp_domain::{OrgId, SchoolYear, StudentId};
use time::{Date, OffsetDateTime};

/// One grade-level activity as the student's checklist shows it.
#[derive(Debug, Clone)]
pub struct StudentActivity {
    pub template: ActivityTemplate,
    pub state: ActivityState,
    pub exempt_reason: Option<String>,
    pub due: Date,
}

/// The district's rule: its grace period and whether a guardian must sign.
pub fn rule_for(settings: &PlanSettings) -> UpToDateRule {
    UpToDateRule {
        grace_days: settings.grace_days as i64,
        require_guardian_signature: settings.require_guardian_signature,
    }
}

/// The activities of the student's grade in `year` under the district's
/// scope and sequence (the shipped default less what the district left out,
/// with what it made optional), with what is recorded.
pub fn activities_for(
    grade: i32,
    year: SchoolYear,
    records: &[ActivityRecord],
    settings: &PlanSettings,
) -> Vec<StudentActivity> {
    default_scope_and_sequence()
        .into_iter()
        .filter(|t| t.grade.get() as i32 == grade && !settings.is_disabled(t.key))
        .map(|mut t| {
            t.required = t.required && !settings.is_optional(t.key);
            let rec = records.iter().find(|r| r.activity_key == t.key);
            let state = rec
                .and_then(|r| ActivityState::parse(&r.state).ok())
                .unwrap_or(ActivityState::Pending);
            StudentActivity {
                due: t.due_date(year),
                exempt_reason: rec.and_then(|r| r.exempt_reason.clone()),
                template: t,
                state,
            }
        })
        .collect()
}

/// The rule's inputs from the stored rows.
pub fn facts(goals: &[GoalRow], activities: &[StudentActivity], review: Option<&ReviewRow>, today: Date) -> PlanFacts {
    PlanFacts {
        today,
        review: review.map(|r| ReviewFacts {
            school_year: SchoolYear(r.school_year),
            student_signed: r.student_signed_at.is_some(),
            manager_signed: r.manager_signed_at.is_some(),
            guardian_signed: r.guardian_signed_at.is_some(),
            guardian_attempt_logged: r.guardian_attempts > 0,
        }),
        goals: goals
            .iter()
            .filter_map(|g| {
                let status = GoalStatus::parse(&g.status).ok()?;
                if !matches!(status, GoalStatus::Active | GoalStatus::Met) {
                    return None;
                }
                Some(GoalFacts {
                    id: g.id,
                    domain: PlanDomain::parse(&g.domain).ok()?,
                    status,
                    cadence: CheckInCadence::parse(&g.cadence).ok()?,
                    activated_on: g.activated_on,
                    last_check_in: g.last_check_in,
                })
            })
            .collect(),
        activities: activities
            .iter()
            .map(|a| ActivityFacts {
                key: a.template.key.to_owned(),
                due: a.due,
                state: a.state,
                required: a.template.required,
            })
            .collect(),
    }
}

/// Recomputes and stores the plan's status inside the caller's transaction.
pub async fn recompute(
    tx: &mut Tx,
    district: OrgId,
    student: StudentId,
    grade: i32,
    now: OffsetDateTime,
) -> Result<UpToDate, DbError> {
    let today = now.date();
    let settings = ssp_db::repo::settings::get_in_tx(tx, district).await?;
    let rule = rule_for(&settings);
    let goals = plan::goals_in_tx(tx, student).await?;
    let records = plan::activity_records_in_tx(tx, student).await?;
    let review = plan::latest_review_in_tx(tx, student).await?;
    let activities = activities_for(grade, SchoolYear::containing(today), &records, &settings);
    let verdict = rule.evaluate(&facts(&goals, &activities, review.as_ref(), today));
    let codes: Vec<&str> = verdict.failures.iter().map(|f| f.code()).collect();
    let overdue = verdict
        .failures
        .iter()
        .filter(|f| f.code() == "check_in_overdue")
        .count() as i32;
    plan::put_status(
        tx,
        district,
        student,
        verdict.up_to_date,
        &codes.join(","),
        overdue,
        now,
    )
    .await?;
    Ok(verdict)
}

/// What a plan-year snapshot keeps: enough to say what changed since.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Snapshot {
    pub school_year: i32,
    pub goals: Vec<SnapshotGoal>,
    pub activities_done: Vec<String>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SnapshotGoal {
    pub id: uuid::Uuid,
    pub domain: String,
    pub statement: String,
    pub status: String,
    pub last_value: Option<f64>,
}

/// The plan as it stands, for the year's snapshot.
pub fn snapshot(year: SchoolYear, goals: &[GoalRow], records: &[ActivityRecord]) -> Snapshot {
    Snapshot {
        school_year: year.0,
        goals: goals
            .iter()
            .map(|g| SnapshotGoal {
                id: g.id,
                domain: g.domain.clone(),
                statement: g.statement.clone(),
                status: g.status.clone(),
                last_value: g.last_value,
            })
            .collect(),
        activities_done: records
            .iter()
            .filter(|r| r.school_year == year.0)
            .map(|r| r.activity_key.clone())
            .collect(),
    }
}

/// Recomputes up to `limit` plans whose status is from before today, so
/// statuses that went stale only because time passed are caught within a
/// day. Returns how many were refreshed.
pub async fn refresh_stale(db: &ssp_db::Db, now: OffsetDateTime, limit: i64) -> Result<usize, DbError> {
    let midnight = now.replace_time(time::Time::MIDNIGHT);
    let stale = plan::stale_statuses(db, midnight, limit).await?;
    for (student, district, grade) in &stale {
        let mut tx = db.begin().await?;
        recompute(&mut tx, OrgId(*district), StudentId(*student), *grade, now).await?;
        tx.commit().await?;
    }
    Ok(stale.len())
}
