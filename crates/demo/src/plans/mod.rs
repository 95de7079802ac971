//! Plan content for one school's students, as a district in its second
//! year would have it: last year's goals (met, not met, discontinued),
//! review and snapshot; this year's goals in the three domains with
//! check-ins over the months, action steps and supports, staff-suggested
//! drafts waiting for the student, activities, this year's review (signed
//! or waiting), reflections with comments, interactions with follow-ups,
//! notes of every sensitivity class, and each plan's stored up-to-date
//! status, decided by the domain's rule ([`status`]).
//!
//! Built in memory for one school (a [`PlanBatch`]) from its own random
//! stream and id range, so the people generated before it do not change.

mod showcase;
mod status;
mod story;
mod texts;

use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use ssp_db::repo::bulk::{
    self, ActionStepBulkRow, ActivityBulkRow, CheckInBulkRow, CommentBulkRow, FollowUpBulkRow, GoalBulkRow,
    InteractionBulkRow, NoteBulkRow, PlanProfileRow, PlanStatusBulkRow, ReflectionBulkRow, ReviewBulkRow,
    SnapshotBulkRow, SupportBulkRow,
};
use ssp_db::repo::team::{self, TeamRow};
use ssp_db::{DbError, Tx};
use ssp_domain::plan::{CheckInCadence, GoalStatus, MeasureKind, PlanDomain};
use ssp_domain::SchoolYear;
use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time};
use uuid::Uuid;

use crate::ids::IdGen;
use crate::DemoSummary;
use texts::GoalText;

pub(crate) use showcase::ShowcaseRole;

/// The seeded state of one district's plan content.
pub(crate) struct PlanGen {
    pub rng: ChaCha8Rng,
    pub ids: IdGen,
    /// `false`: people only, no plan content (`DemoOptions::plans`).
    pub enabled: bool,
}

/// A guardian as the plan content needs them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PlanGuardian {
    pub id: Uuid,
    pub educational_rights: bool,
    pub spanish: bool,
}

/// A student as the plan content needs them.
pub(crate) struct PlanStudent {
    pub id: Uuid,
    pub grade: i32,
    /// Writes in Spanish (their preferred language).
    pub spanish: bool,
    /// 18 or older on `today`.
    pub adult: bool,
    pub manager: Uuid,
    pub mentor: Option<Uuid>,
    /// The teacher of one of their academic classes.
    pub teacher: Option<Uuid>,
    pub guardians: Vec<PlanGuardian>,
    pub showcase: Option<ShowcaseRole>,
}

/// The school-wide staff who write into plans.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SchoolStaff {
    pub nurse: Uuid,
    pub social_worker: Uuid,
    pub fps: Uuid,
    pub csc: Uuid,
}

/// The district and the day the demo is generated for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PlanCtx {
    pub district_id: Uuid,
    pub today: Date,
    pub now: OffsetDateTime,
}

/// Rows ready for the bulk inserts, in foreign-key order.
#[derive(Default)]
pub(crate) struct PlanBatch {
    pub profiles: Vec<PlanProfileRow>,
    pub goals: Vec<GoalBulkRow>,
    pub check_ins: Vec<CheckInBulkRow>,
    pub action_steps: Vec<ActionStepBulkRow>,
    pub supports: Vec<SupportBulkRow>,
    pub reflections: Vec<ReflectionBulkRow>,
    pub comments: Vec<CommentBulkRow>,
    pub activities: Vec<ActivityBulkRow>,
    pub reviews: Vec<ReviewBulkRow>,
    pub snapshots: Vec<SnapshotBulkRow>,
    pub statuses: Vec<PlanStatusBulkRow>,
    pub interactions: Vec<InteractionBulkRow>,
    pub follow_ups: Vec<FollowUpBulkRow>,
    pub notes: Vec<NoteBulkRow>,
    /// Specialists who joined a student's team (nurse, social worker,
    /// family partnership specialist, community school coordinator, teacher).
    pub team: Vec<TeamRow>,
}

impl PlanBatch {
    pub(crate) async fn insert(&self, tx: &mut Tx, now: OffsetDateTime) -> Result<(), DbError> {
        team::bulk_team(tx, &self.team, now).await?;
        bulk::plan_profiles(tx, &self.profiles).await?;
        bulk::goals(tx, &self.goals).await?;
        bulk::check_ins(tx, &self.check_ins).await?;
        bulk::action_steps(tx, &self.action_steps).await?;
        bulk::supports(tx, &self.supports).await?;
        bulk::reflections(tx, &self.reflections).await?;
        bulk::reflection_comments(tx, &self.comments).await?;
        bulk::student_activities(tx, &self.activities).await?;
        bulk::plan_reviews(tx, &self.reviews).await?;
        bulk::plan_year_snapshots(tx, &self.snapshots).await?;
        bulk::plan_statuses(tx, &self.statuses).await?;
        bulk::interactions(tx, &self.interactions).await?;
        bulk::follow_ups(tx, &self.follow_ups).await?;
        bulk::notes(tx, &self.notes).await
    }

    pub(crate) fn tally(&self, summary: &mut DemoSummary) {
        summary.goals += self.goals.len() as u64;
        summary.check_ins += self.check_ins.len() as u64;
        summary.reflections += self.reflections.len() as u64;
        summary.reviews += self.reviews.len() as u64;
        summary.interactions += self.interactions.len() as u64;
        summary.notes += self.notes.len() as u64;
        summary.plans_up_to_date += self.statuses.iter().filter(|s| s.up_to_date).count() as u64;
    }
}

/// Builds the plan content of one school's students.
pub(crate) fn build_plans(
    gen: &mut PlanGen,
    ctx: &PlanCtx,
    staff: &SchoolStaff,
    students: &[PlanStudent],
) -> PlanBatch {
    let mut batch = PlanBatch::default();
    if !gen.enabled {
        return batch;
    }
    let per = students.len();
    batch.goals.reserve(per * 5);
    batch.check_ins.reserve(per * 11);
    for student in students {
        let mut plan = PlanBuilder::new(gen, ctx, staff, student, &mut batch);
        match student.showcase {
            Some(role) => plan.showcase(role),
            None => plan.story(),
        }
        plan.finish();
    }
    batch
}

/// The calendar of the demo's two school years.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Calendar {
    pub today: Date,
    /// The last day anything happened (yesterday).
    pub latest: Date,
    pub year: SchoolYear,
    /// This school year's first day.
    pub fall: Date,
    /// Last school year's first and last days.
    pub last_fall: Date,
    pub last_june: Date,
}

impl Calendar {
    fn new(today: Date) -> Calendar {
        let year = SchoolYear::containing(today);
        let day = |y: i32, m: Month, d: u8| Date::from_calendar_date(y, m, d).unwrap_or(today);
        Calendar {
            today,
            latest: today - Duration::days(1),
            year,
            fall: day(year.0 - 1, Month::August, 27),
            last_fall: day(year.0 - 2, Month::August, 27),
            last_june: day(year.0 - 1, Month::June, 18),
        }
    }

    /// A day of this school year, clamped to have happened already.
    fn this_year(&self, m: Month, d: u8) -> Date {
        let y = if m as u8 >= 7 { self.year.0 - 1 } else { self.year.0 };
        Date::from_calendar_date(y, m, d)
            .unwrap_or(self.latest)
            .min(self.latest)
    }

    /// A day of last school year.
    fn last_year(&self, m: Month, d: u8) -> Date {
        let y = if m as u8 >= 7 { self.year.0 - 2 } else { self.year.0 - 1 };
        Date::from_calendar_date(y, m, d).unwrap_or(self.last_june)
    }
}

/// What happened to a goal, as the rows need it.
pub(crate) struct GoalSpec {
    pub domain: PlanDomain,
    pub text: GoalText,
    pub status: GoalStatus,
    pub cadence: CheckInCadence,
    pub created: Date,
    /// When it became active (`None` for a draft).
    pub activated: Option<Date>,
    /// When its status last changed (its creation for a draft or an open goal).
    pub changed: Date,
    pub due: Date,
    /// A staff member's suggestion (drafts and goals that started as one).
    pub suggested_by: Option<Uuid>,
}

/// One student's plan under construction; remembers where its rows start
/// in the batch so the status can be computed from them at the end.
pub(crate) struct PlanBuilder<'a> {
    gen: &'a mut PlanGen,
    ctx: &'a PlanCtx,
    staff: &'a SchoolStaff,
    s: &'a PlanStudent,
    batch: &'a mut PlanBatch,
    cal: Calendar,
    first_goal: usize,
    first_check_in: usize,
    first_activity: usize,
    first_review: usize,
}

impl<'a> PlanBuilder<'a> {
    fn new(
        gen: &'a mut PlanGen,
        ctx: &'a PlanCtx,
        staff: &'a SchoolStaff,
        s: &'a PlanStudent,
        batch: &'a mut PlanBatch,
    ) -> Self {
        PlanBuilder {
            first_goal: batch.goals.len(),
            first_check_in: batch.check_ins.len(),
            first_activity: batch.activities.len(),
            first_review: batch.reviews.len(),
            cal: Calendar::new(ctx.today),
            gen,
            ctx,
            staff,
            s,
            batch,
        }
    }

    fn chance(&mut self, p: f64) -> bool {
        self.gen.rng.gen_bool(p.clamp(0.0, 1.0))
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        *items.choose(&mut self.gen.rng).expect("phrase tables are not empty")
    }

    /// A day from `a` to `b` (or `a` when the span is empty).
    fn day_between(&mut self, a: Date, b: Date) -> Date {
        let span = (b - a).whole_days();
        if span <= 0 {
            return a;
        }
        a + Duration::days(self.gen.rng.gen_range(0..=span))
    }

    /// A moment in the school day of `day`.
    fn at(&mut self, day: Date) -> OffsetDateTime {
        // 07:30 to 16:29.
        let minutes = 450 + self.gen.rng.gen_range(0..540u16);
        let time = Time::from_hms((minutes / 60) as u8, (minutes % 60) as u8, 0).unwrap_or(Time::MIDNIGHT);
        let stamp = PrimitiveDateTime::new(day, time).assume_utc();
        stamp.min(self.ctx.now)
    }

    fn id(&mut self) -> Uuid {
        self.gen.ids.next()
    }

    fn district(&self) -> Uuid {
        self.ctx.district_id
    }

    /// A guardian who may sign (educational rights), if any.
    fn signing_guardian(&self) -> Option<PlanGuardian> {
        self.s.guardians.iter().copied().find(|g| g.educational_rights)
    }

    /// Adds a goal; returns its index in the batch.
    fn add_goal(&mut self, g: &GoalSpec) -> usize {
        let creator = g.suggested_by.unwrap_or(self.s.id);
        let created_at = self.at(g.created);
        let updated_at = if g.changed > g.created {
            self.at(g.changed)
        } else {
            created_at
        };
        let id = self.id();
        self.batch.goals.push(GoalBulkRow {
            id,
            district_id: self.district(),
            student_id: self.s.id,
            domain: g.domain.as_str(),
            statement: g.text.statement,
            why_it_matters: g.text.why,
            measure_kind: g.text.kind.as_str(),
            baseline: g.text.baseline,
            target: g.text.target,
            due_date: g.due,
            cadence: g.cadence.as_str(),
            status: g.status.as_str(),
            suggested_by: g.suggested_by,
            created_by: creator,
            activated_on: g.activated,
            created_at,
            updated_at,
        });
        self.batch.goals.len() - 1
    }

    /// A check-in on `goal` with `value` (kept inside the measure's range).
    fn add_check_in(
        &mut self,
        goal: usize,
        on: Date,
        value: f64,
        author: Uuid,
        note: &'static str,
        reflection: &'static str,
    ) {
        let (goal_id, kind, baseline) = {
            let g = &self.batch.goals[goal];
            (
                g.id,
                MeasureKind::parse(g.measure_kind).unwrap_or(MeasureKind::Count),
                g.baseline,
            )
        };
        let value = fit(kind, value).unwrap_or(baseline);
        let id = self.id();
        let created_at = self.at(on);
        self.batch.check_ins.push(CheckInBulkRow {
            id,
            district_id: self.district(),
            goal_id,
            student_id: self.s.id,
            on_date: on,
            value,
            note,
            reflection,
            author_id: author,
            created_at,
        });
    }

    fn add_action_step(
        &mut self,
        goal: usize,
        description: &'static str,
        owner: Uuid,
        due: Date,
        done: Option<Date>,
        by: Uuid,
    ) {
        let goal_id = self.batch.goals[goal].id;
        let created_at = self.batch.goals[goal].created_at;
        let id = self.id();
        let done_at = done.map(|d| self.at(d));
        self.batch.action_steps.push(ActionStepBulkRow {
            id,
            district_id: self.district(),
            goal_id,
            student_id: self.s.id,
            description,
            owner_id: Some(owner),
            due_on: Some(due),
            done_at,
            created_by: by,
            created_at,
        });
    }

    fn add_support(&mut self, goal: usize, (description, provider): (&'static str, &'static str), by: Uuid) {
        let goal_id = self.batch.goals[goal].id;
        let created_at = self.batch.goals[goal].created_at;
        let id = self.id();
        self.batch.supports.push(SupportBulkRow {
            id,
            district_id: self.district(),
            goal_id,
            student_id: self.s.id,
            description,
            provider,
            created_by: by,
            created_at,
        });
    }

    /// A reflection; returns its id.
    fn add_reflection(&mut self, (prompt, body): (&'static str, &'static str), on: Date) -> Uuid {
        let id = self.id();
        let created_at = self.at(on);
        self.batch.reflections.push(ReflectionBulkRow {
            id,
            district_id: self.district(),
            student_id: self.s.id,
            prompt,
            body,
            created_at,
        });
        id
    }

    fn add_comment(&mut self, reflection: Uuid, author: Uuid, body: &'static str, on: Date) {
        let id = self.id();
        let created_at = self.at(on);
        self.batch.comments.push(CommentBulkRow {
            id,
            district_id: self.district(),
            reflection_id: reflection,
            student_id: self.s.id,
            author_id: author,
            body,
            created_at,
        });
    }

    fn add_activity(
        &mut self,
        key: &'static str,
        year: SchoolYear,
        state: &'static str,
        reason: Option<&'static str>,
        by: Uuid,
        at: OffsetDateTime,
    ) {
        let id = self.id();
        self.batch.activities.push(ActivityBulkRow {
            id,
            district_id: self.district(),
            student_id: self.s.id,
            activity_key: key,
            school_year: year.0,
            state,
            exempt_reason: reason,
            recorded_by: by,
            recorded_at: at,
        });
    }

    /// An interaction; returns its id.
    #[allow(clippy::too_many_arguments)]
    fn add_interaction(
        &mut self,
        (kind, participants, notes, family_present): (&'static str, &'static str, &'static str, bool),
        on: Date,
        sensitivity: &'static str,
        author: Uuid,
    ) -> Uuid {
        let id = self.id();
        let created_at = self.at(on);
        self.batch.interactions.push(InteractionBulkRow {
            id,
            district_id: self.district(),
            student_id: self.s.id,
            kind,
            occurred_on: on,
            participants,
            family_present,
            notes,
            sensitivity,
            author_id: author,
            created_at,
        });
        id
    }

    fn add_follow_up(
        &mut self,
        interaction: Uuid,
        description: &'static str,
        owner: Uuid,
        created: Date,
        due: Date,
        done: Option<Date>,
    ) {
        let id = self.id();
        let created_at = self.at(created);
        let done_at = done.map(|d| self.at(d));
        self.batch.follow_ups.push(FollowUpBulkRow {
            id,
            district_id: self.district(),
            interaction_id: interaction,
            student_id: self.s.id,
            description,
            owner_id: Some(owner),
            due_on: Some(due),
            done_at,
            created_at,
        });
    }

    fn add_note(&mut self, sensitivity: &'static str, body: &'static str, author: Uuid, on: Date) {
        let id = self.id();
        let created_at = self.at(on);
        self.batch.notes.push(NoteBulkRow {
            id,
            district_id: self.district(),
            student_id: self.s.id,
            author_id: author,
            sensitivity,
            body,
            created_at,
        });
    }

    fn add_team(&mut self, staff: Uuid, team_role: &'static str) {
        let id = self.id();
        self.batch.team.push(TeamRow {
            id,
            district_id: self.district(),
            student_id: self.s.id,
            staff_id: staff,
            team_role,
        });
    }

    fn add_profile(
        &mut self,
        strengths: &'static str,
        interests: &'static str,
        needs: &'static str,
        activities: &'static str,
        on: Date,
    ) {
        let updated_at = self.at(on);
        self.batch.profiles.push(PlanProfileRow {
            student_id: self.s.id,
            district_id: self.district(),
            strengths,
            interests,
            needs,
            activities,
            updated_at,
        });
    }

    /// A review of `year` with whichever signatures are given; when it is
    /// complete (student, plan manager, and a guardian or a logged
    /// attempt), also the year's snapshot and the completed annual-review
    /// activity, as the app writes them at the last signature.
    fn add_review(&mut self, year: SchoolYear, signatures: Signatures) {
        let student_at = signatures.student.map(|d| self.at(d));
        let manager_at = signatures.manager.map(|d| self.at(d));
        let guardian_at = signatures.guardian.map(|(_, d)| self.at(d));
        let first = [student_at, manager_at, guardian_at].into_iter().flatten().min();
        let Some(created_at) = first else { return };
        let id = self.id();
        self.batch.reviews.push(ReviewBulkRow {
            id,
            district_id: self.district(),
            student_id: self.s.id,
            school_year: year.0,
            student_signed_at: student_at,
            manager_id: manager_at.map(|_| self.s.manager),
            manager_signed_at: manager_at,
            guardian_id: signatures.guardian.map(|(g, _)| g),
            guardian_signed_at: guardian_at,
            guardian_attempts: signatures.guardian_attempts,
            created_at,
        });
        let complete =
            student_at.is_some() && manager_at.is_some() && (guardian_at.is_some() || signatures.guardian_attempts > 0);
        if complete {
            let last = [student_at, manager_at, guardian_at]
                .into_iter()
                .flatten()
                .max()
                .unwrap_or(created_at);
            let grade = self.s.grade - (self.cal.year.0 - year.0);
            let key = annual_review_key(grade);
            if let Some(key) = key {
                let manager = self.s.manager;
                self.add_activity(key, year, "done", None, manager, last);
            }
            self.add_snapshot(year, last);
        }
    }

    /// The plan as it stood at `at`, in the app's snapshot format.
    fn add_snapshot(&mut self, year: SchoolYear, at: OffsetDateTime) {
        let goals = &self.batch.goals[self.first_goal..];
        let check_ins = &self.batch.check_ins[self.first_check_in..];
        let mut snap_goals = Vec::new();
        let mut ordered: Vec<&GoalBulkRow> = goals.iter().filter(|g| g.created_at <= at).collect();
        ordered.sort_by(|a, b| (a.domain, a.created_at).cmp(&(b.domain, b.created_at)));
        for g in ordered {
            let status = if g.updated_at <= at {
                g.status
            } else if g.activated_on.is_some_and(|d| d <= at.date()) {
                GoalStatus::Active.as_str()
            } else {
                GoalStatus::Draft.as_str()
            };
            let last_value = check_ins
                .iter()
                .filter(|c| c.goal_id == g.id && c.created_at <= at)
                .max_by_key(|c| (c.on_date, c.created_at))
                .map(|c| c.value);
            snap_goals.push(SnapshotGoal {
                id: g.id,
                domain: g.domain,
                statement: g.statement,
                status,
                last_value,
            });
        }
        let activities_done: Vec<&str> = self.batch.activities[self.first_activity..]
            .iter()
            .filter(|a| a.school_year == year.0 && a.recorded_at <= at)
            .map(|a| a.activity_key)
            .collect();
        let snapshot = Snapshot {
            school_year: year.0,
            goals: snap_goals,
            activities_done,
        };
        let json = serde_json::to_string(&snapshot).unwrap_or_default();
        let id = self.id();
        self.batch.snapshots.push(SnapshotBulkRow {
            id,
            district_id: self.district(),
            student_id: self.s.id,
            school_year: year.0,
            snapshot: json,
            created_at: at,
        });
    }

    /// Stores the plan's status as the up-to-date rule decides it.
    fn finish(self) {
        let goals = &self.batch.goals[self.first_goal..];
        let check_ins = &self.batch.check_ins[self.first_check_in..];
        let with_last: Vec<status::GoalWithLast<'_>> = goals
            .iter()
            .map(|goal| status::GoalWithLast {
                goal,
                last_check_in: check_ins
                    .iter()
                    .filter(|c| c.goal_id == goal.id)
                    .map(|c| c.on_date)
                    .max(),
            })
            .collect();
        let records: Vec<&ActivityBulkRow> = self.batch.activities[self.first_activity..].iter().collect();
        let review = self.batch.reviews[self.first_review..]
            .iter()
            .max_by_key(|r| r.school_year);
        let verdict = status::verdict(self.s.grade, self.ctx.today, &with_last, &records, review);
        let (failures, overdue_check_ins) = status::stored_form(&verdict);
        self.batch.statuses.push(PlanStatusBulkRow {
            student_id: self.s.id,
            district_id: self.ctx.district_id,
            up_to_date: verdict.up_to_date,
            failures,
            overdue_check_ins,
            computed_at: self.ctx.now,
        });
    }
}

/// Who signed a review, and when.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Signatures {
    pub student: Option<Date>,
    pub manager: Option<Date>,
    pub guardian: Option<(Uuid, Date)>,
    pub guardian_attempts: i32,
}

/// The annual-review activity of a grade in the shipped scope and sequence.
fn annual_review_key(grade: i32) -> Option<&'static str> {
    ssp_domain::plan::activity::default_scope_and_sequence()
        .into_iter()
        .find(|t| i32::from(t.grade.get()) == grade && t.key.ends_with("_annual_review"))
        .map(|t| t.key)
}

/// `value` rounded as the measure records it, if the measure accepts it.
fn fit(kind: MeasureKind, value: f64) -> Option<f64> {
    let (lo, hi) = match kind {
        MeasureKind::Percent => (0.0, 100.0),
        MeasureKind::Count => (0.0, MeasureKind::MAX_COUNT as f64),
        MeasureKind::Scale => (1.0, 5.0),
        MeasureKind::YesNo => (0.0, 1.0),
    };
    let rounded = value.clamp(lo, hi).round();
    // The domain's own parser is the judge of what a check-in may hold.
    kind.parse_value(&format!("{rounded}")).ok()
}

/// The app's plan-year snapshot (`ssp_app::status::Snapshot`), field
/// for field.
#[derive(serde::Serialize)]
struct Snapshot<'a> {
    school_year: i32,
    goals: Vec<SnapshotGoal<'a>>,
    activities_done: Vec<&'a str>,
}

#[derive(serde::Serialize)]
struct SnapshotGoal<'a> {
    id: Uuid,
    domain: &'a str,
    statement: &'a str,
    status: &'a str,
    last_value: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_rounded_into_the_measure_range() {
        assert_eq!(fit(MeasureKind::Percent, 101.4), Some(100.0));
        assert_eq!(fit(MeasureKind::Percent, 72.6), Some(73.0));
        assert_eq!(fit(MeasureKind::Scale, 0.2), Some(1.0));
        assert_eq!(fit(MeasureKind::Scale, 6.0), Some(5.0));
        assert_eq!(fit(MeasureKind::YesNo, 0.7), Some(1.0));
        assert_eq!(fit(MeasureKind::Count, -3.0), Some(0.0));
    }

    #[test]
    fn every_grade_has_an_annual_review_activity() {
        for grade in 6..=12 {
            assert_eq!(
                annual_review_key(grade).map(str::to_owned),
                Some(format!("g{grade}_annual_review"))
            );
        }
        assert_eq!(annual_review_key(5), None);
    }
}
