//! Portfolio content for one school's students, as a district in its
//! second year would have it: artifacts (texts and links in the student's
//! voice, with competency tags, a few marked best work each year, some
//! evidence for a goal, a collection or two), experiences outside the
//! classroom with logged hours (mostly grades 9–12; verified by the
//! supervisor or staff, or waiting), and capstones for grade 12 (and a few
//! early grade 11s) at every stage of the state machine, some presented
//! and scored by a panel on the default rubric.
//!
//! Rates: about 15 % of students have no artifacts; the others 0–3 a
//! school year in grades 6–8 and 2–6 in grades 9–12 (this year, two months
//! in: 0–2 and 1–3, plus a capstone's final products). Experiences: about
//! 7 in 10 students of grades 9–12 in this or last school year, 1 in 10 in
//! grades 6–8. Capstones: about 9 in 10 seniors, 1 in 10 juniors.
//!
//! Follows the plan content's grade-level activities: a done "first
//! portfolio artifact" has its artifact, a done grade-10 "work-based
//! learning" its job shadow, a done "capstone" a passed capstone, and a
//! done "best work" (grade 12) a piece marked best work. Every capstone's
//! stored state is reached through the domain's `transition`. The students
//! whose capstone passed are reported ([`PortfolioBatch::passed`]) so the
//! academic standing counts it, as the app does.
//!
//! Only rows are written: no file blobs, except a few small generated
//! files for the showcase student ([`PortfolioBatch::files`]), which the
//! caller puts in the file store. Drawn from its own random stream and id
//! range (a [`PortfolioGen`]), so everything generated before it stays the
//! same.

mod artifacts;
mod capstone;
mod experiences;
mod files;
mod showcase;
mod texts;
mod topics;

use std::collections::{HashMap, HashSet};

use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use ssp_db::repo::bulk::{
    self, ActivityBulkRow, ArtifactBulkRow, CapstoneBulkRow, CapstoneMilestoneBulkRow, CapstonePanelistBulkRow,
    CapstoneProductBulkRow, CapstoneResultBulkRow, ExperienceBulkRow, ExperienceHoursBulkRow, GoalBulkRow,
    PortfolioCollectionBulkRow,
};
use ssp_db::{DbError, Tx};
use ssp_domain::SchoolYear;
use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time};
use uuid::Uuid;

use crate::ids::IdGen;
use crate::plans::{PlanBatch, PlanCtx, PlanStudent, ShowcaseRole};
use crate::{DemoFile, DemoSummary};

/// The seeded state of one district's portfolio content.
pub(crate) struct PortfolioGen {
    pub rng: ChaCha8Rng,
    pub ids: IdGen,
    /// `false`: no portfolio content (`DemoOptions::plans`).
    pub enabled: bool,
}

/// Rows ready for the bulk inserts, in foreign-key order.
#[derive(Default)]
pub(crate) struct PortfolioBatch {
    pub artifacts: Vec<ArtifactBulkRow>,
    pub collections: Vec<PortfolioCollectionBulkRow>,
    pub experiences: Vec<ExperienceBulkRow>,
    pub hours: Vec<ExperienceHoursBulkRow>,
    pub capstones: Vec<CapstoneBulkRow>,
    pub milestones: Vec<CapstoneMilestoneBulkRow>,
    pub products: Vec<CapstoneProductBulkRow>,
    pub panelists: Vec<CapstonePanelistBulkRow>,
    pub results: Vec<CapstoneResultBulkRow>,
    /// Students whose capstone passed: the graduation audit counts it.
    pub passed: HashSet<Uuid>,
    /// The showcase student's files, for the file store.
    pub files: Vec<DemoFile>,
}

impl PortfolioBatch {
    pub(crate) async fn insert(&self, tx: &mut Tx) -> Result<(), DbError> {
        bulk::artifacts(tx, &self.artifacts).await?;
        bulk::portfolio_collections(tx, &self.collections).await?;
        bulk::experiences(tx, &self.experiences).await?;
        bulk::experience_hours(tx, &self.hours).await?;
        bulk::capstones(tx, &self.capstones).await?;
        bulk::capstone_milestones(tx, &self.milestones).await?;
        bulk::capstone_products(tx, &self.products).await?;
        bulk::capstone_panelists(tx, &self.panelists).await?;
        bulk::capstone_results(tx, &self.results).await
    }

    pub(crate) fn tally(&self, summary: &mut DemoSummary) {
        summary.artifacts += self.artifacts.len() as u64;
        summary.best_work += self.artifacts.iter().filter(|a| a.best_work).count() as u64;
        summary.collections += self.collections.len() as u64;
        summary.experiences += self.experiences.len() as u64;
        summary.hours_entries += self.hours.len() as u64;
        summary.verified_hundredths += self
            .hours
            .iter()
            .filter(|h| h.verified_by.is_some())
            .map(|h| h.hundredths.max(0) as u64)
            .sum::<u64>();
        summary.capstones += self.capstones.len() as u64;
        summary.capstones_passed += self.passed.len() as u64;
        summary.files.extend(self.files.iter().cloned());
    }
}

/// Builds the portfolio content of one school's students; `plans` is the
/// school's plan content (the portfolio follows its activities and links
/// some work to its goals).
pub(crate) fn build_portfolio(
    gen: &mut PortfolioGen,
    ctx: &PlanCtx,
    students: &[PlanStudent],
    plans: &PlanBatch,
) -> PortfolioBatch {
    let mut batch = PortfolioBatch::default();
    if !gen.enabled {
        return batch;
    }
    let mut goals: HashMap<Uuid, Vec<&GoalBulkRow>> = HashMap::new();
    for g in plans.goals.iter().filter(|g| g.status != "draft") {
        goals.entry(g.student_id).or_default().push(g);
    }
    let mut activities: HashMap<Uuid, Vec<&ActivityBulkRow>> = HashMap::new();
    for a in &plans.activities {
        if FOLLOWED.contains(&a.activity_key) && a.state == "done" {
            activities.entry(a.student_id).or_default().push(a);
        }
    }
    batch.artifacts.reserve(students.len() * 9);
    let cal = Cal::new(ctx.today, ctx.now);
    for s in students {
        let mut p = StudentPortfolio {
            gen,
            ctx,
            cal,
            s,
            batch: &mut batch,
            goals: goals.get(&s.id).map(Vec::as_slice).unwrap_or(&[]),
            activities: activities.get(&s.id).map(Vec::as_slice).unwrap_or(&[]),
        };
        match s.showcase {
            Some(role) => p.showcase(role),
            None => p.story(),
        }
    }
    batch
}

/// The grade-level activities the portfolio follows.
const G9_FIRST_ARTIFACT: &str = "g9_first_portfolio_artifact";
const G10_WORK_BASED_LEARNING: &str = "g10_work_based_learning";
const G12_CAPSTONE: &str = "g12_capstone";
const G12_BEST_WORK: &str = "g12_portfolio_best_work";
const FOLLOWED: [&str; 4] = [G9_FIRST_ARTIFACT, G10_WORK_BASED_LEARNING, G12_CAPSTONE, G12_BEST_WORK];

/// The school years the demo covers: this one (up to yesterday) and the
/// ones before it.
#[derive(Debug, Clone, Copy)]
struct Cal {
    today: Date,
    /// Yesterday: the last day anything happened.
    latest: Date,
    now: OffsetDateTime,
    year: SchoolYear,
    /// This school year's first day.
    fall: Date,
}

impl Cal {
    fn new(today: Date, now: OffsetDateTime) -> Cal {
        let year = SchoolYear::containing(today);
        Cal {
            today,
            latest: today - Duration::days(1),
            now,
            year,
            fall: Date::from_calendar_date(year.0 - 1, Month::August, 27).unwrap_or(today),
        }
    }

    fn last(&self) -> SchoolYear {
        SchoolYear(self.year.0 - 1)
    }

    /// A day of school year `year` (a month from July on falls in its
    /// first calendar year).
    fn day(&self, year: SchoolYear, m: Month, d: u8) -> Date {
        let y = if m as u8 >= 7 { year.0 - 1 } else { year.0 };
        Date::from_calendar_date(y, m, d).unwrap_or(self.latest)
    }

    /// The first and last school days of `year` (this year: up to yesterday).
    fn span(&self, year: SchoolYear) -> (Date, Date) {
        if year == self.year {
            (self.fall, self.latest)
        } else {
            (self.day(year, Month::August, 27), self.day(year, Month::June, 18))
        }
    }
}

/// One student's portfolio under construction.
struct StudentPortfolio<'a> {
    gen: &'a mut PortfolioGen,
    ctx: &'a PlanCtx,
    cal: Cal,
    s: &'a PlanStudent,
    batch: &'a mut PortfolioBatch,
    /// The student's goals, drafts left out.
    goals: &'a [&'a GoalBulkRow],
    /// The student's done grade-level activities the portfolio follows.
    activities: &'a [&'a ActivityBulkRow],
}

impl StudentPortfolio<'_> {
    fn story(&mut self) {
        let has_portfolio = self.chance(0.85) || self.activity(G9_FIRST_ARTIFACT).is_some();
        if has_portfolio {
            self.artifacts();
        }
        self.capstone(has_portfolio);
        self.experiences();
    }

    fn showcase(&mut self, role: ShowcaseRole) {
        match role {
            ShowcaseRole::Student => self.camila(),
            ShowcaseRole::Sibling => self.mateo(),
        }
    }

    fn chance(&mut self, p: f64) -> bool {
        self.gen.rng.gen_bool(p.clamp(0.0, 1.0))
    }

    fn id(&mut self) -> Uuid {
        self.gen.ids.next()
    }

    fn district(&self) -> Uuid {
        self.ctx.district_id
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        *items.choose(&mut self.gen.rng).expect("text tables are not empty")
    }

    /// A day from `a` to `b` (or `a` when the span is empty).
    fn day_between(&mut self, a: Date, b: Date) -> Date {
        let span = (b - a).whole_days();
        if span <= 0 {
            return a;
        }
        a + Duration::days(self.gen.rng.gen_range(0..=span))
    }

    /// A moment in the afternoon or evening of `day`, when students do
    /// their portfolio (never after now).
    fn at(&mut self, day: Date) -> OffsetDateTime {
        // 14:30 to 21:59.
        let minutes = 870 + self.gen.rng.gen_range(0..450u16);
        let time = Time::from_hms((minutes / 60) as u8, (minutes % 60) as u8, 0).unwrap_or(Time::MIDNIGHT);
        PrimitiveDateTime::new(day, time)
            .assume_utc()
            .min(self.cal.now - Duration::minutes(10))
    }

    /// A moment in the school day of `day`, when staff act (never after now).
    fn at_school(&mut self, day: Date) -> OffsetDateTime {
        // 07:30 to 16:29.
        let minutes = 450 + self.gen.rng.gen_range(0..540u16);
        let time = Time::from_hms((minutes / 60) as u8, (minutes % 60) as u8, 0).unwrap_or(Time::MIDNIGHT);
        PrimitiveDateTime::new(day, time)
            .assume_utc()
            .min(self.cal.now - Duration::minutes(10))
    }

    /// The grade the student was in during `year`.
    fn grade_in(&self, year: SchoolYear) -> i32 {
        self.s.grade - (self.cal.year.0 - year.0)
    }

    /// One to three of `tags` (at least the first, the piece's main one),
    /// in their order, as stored: comma-separated.
    fn tags(&mut self, tags: &[&str]) -> String {
        let n = self.gen.rng.gen_range(1..=tags.len().clamp(1, 3));
        let mut picked: Vec<usize> = rand::seq::index::sample(&mut self.gen.rng, tags.len().max(1), n)
            .into_iter()
            .filter(|&i| i > 0)
            .take(n - 1)
            .collect();
        picked.push(0);
        picked.sort_unstable();
        picked
            .iter()
            .filter_map(|&i| tags.get(i).copied())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// When the student recorded a followed activity as done, if they did.
    fn activity(&self, key: &str) -> Option<&ActivityBulkRow> {
        self.activities.iter().copied().find(|a| a.activity_key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_past_school_year_runs_from_august_to_june() {
        let cal = Cal::new(
            time::macros::date!(2026 - 11 - 02),
            time::macros::datetime!(2026-11-02 08:00 UTC),
        );
        assert_eq!(cal.year, SchoolYear(2027));
        assert_eq!(
            cal.span(SchoolYear(2025)),
            (time::macros::date!(2024 - 08 - 27), time::macros::date!(2025 - 06 - 18))
        );
        assert_eq!(
            cal.span(cal.year),
            (time::macros::date!(2026 - 08 - 27), time::macros::date!(2026 - 11 - 01))
        );
    }
}
