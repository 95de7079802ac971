//! Career content for one school's students, at the rates a district in
//! its second year would see: interest inventories (this year's for most
//! of grades 6 and 8, last year's for those who took one then, a few left
//! half-answered), work values and strengths for about half, saved careers
//! that fit each student's interest code, exploration activities with
//! short reflections, and postsecondary plans with programs and a few key
//! steps done in grades 11–12. Also a district's pathways.
//!
//! Drawn from its own random stream and id range (a [`CareerGen`]), so the
//! people and plans generated before it do not change. Follows the plan
//! content's grade-level activities: an inventory whose activity is done
//! is complete, and one completed without the activity records it, as the
//! app does.

mod showcase;
mod texts;

use std::collections::HashMap;

use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use ssp_db::repo::bulk::{
    self, ActivityBulkRow, CareerExplorationBulkRow, CareerInventoryBulkRow, CareerPathwayBulkRow,
    CareerSelfRatingBulkRow, PostsecondaryPlanBulkRow, PostsecondaryProgramBulkRow, PostsecondaryStepBulkRow,
    SavedCareerBulkRow,
};
use ssp_db::{DbError, Tx};
use ssp_domain::career::inventory::{Answers, ITEM_COUNT};
use ssp_domain::career::postsecondary::{steps_for, PostsecondaryPath, ProgramStatus};
use ssp_domain::career::values::{STRENGTHS, VALUE_ITEMS};
use ssp_domain::{GradeLevel, SchoolYear};
use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time};
use uuid::Uuid;

use crate::ids::IdGen;
use crate::plans::{PlanCtx, PlanStudent, ShowcaseRole};
use crate::DemoSummary;

/// The seeded state of one district's career content.
pub(crate) struct CareerGen {
    pub rng: ChaCha8Rng,
    pub ids: IdGen,
    /// `false`: no career content (`DemoOptions::plans`).
    pub enabled: bool,
}

/// Rows ready for the bulk inserts.
#[derive(Default)]
pub(crate) struct CareerBatch {
    pub inventories: Vec<CareerInventoryBulkRow>,
    pub ratings: Vec<CareerSelfRatingBulkRow>,
    pub saved: Vec<SavedCareerBulkRow>,
    pub explorations: Vec<CareerExplorationBulkRow>,
    pub plans: Vec<PostsecondaryPlanBulkRow>,
    pub programs: Vec<PostsecondaryProgramBulkRow>,
    pub steps: Vec<PostsecondaryStepBulkRow>,
    /// Grade-level inventory activities an inventory completed without
    /// the plan content having recorded them.
    pub activities: Vec<ActivityBulkRow>,
}

impl CareerBatch {
    pub(crate) async fn insert(&self, tx: &mut Tx) -> Result<(), DbError> {
        bulk::career_inventories(tx, &self.inventories).await?;
        bulk::career_self_ratings(tx, &self.ratings).await?;
        bulk::saved_careers(tx, &self.saved).await?;
        bulk::career_explorations(tx, &self.explorations).await?;
        bulk::postsecondary_plans(tx, &self.plans).await?;
        bulk::postsecondary_programs(tx, &self.programs).await?;
        bulk::postsecondary_steps(tx, &self.steps).await?;
        bulk::student_activities(tx, &self.activities).await
    }

    pub(crate) fn tally(&self, summary: &mut DemoSummary) {
        summary.inventories_completed += self.inventories.iter().filter(|i| i.completed_at.is_some()).count() as u64;
        summary.saved_careers += self.saved.len() as u64;
        summary.explorations += self.explorations.len() as u64;
        summary.postsecondary_plans += self.plans.len() as u64;
    }
}

/// The district's pathways (a handful, each linked to both cluster
/// frameworks).
pub(crate) fn pathways(gen: &mut CareerGen, district_id: Uuid, now: OffsetDateTime) -> Vec<CareerPathwayBulkRow> {
    if !gen.enabled {
        return Vec::new();
    }
    let created_at = now - Duration::days(400);
    texts::PATHWAYS
        .iter()
        .map(|&(name, description, legacy, modern)| CareerPathwayBulkRow {
            id: gen.ids.next(),
            district_id,
            name,
            description,
            legacy_cluster: Some(legacy),
            cluster_2024: Some(modern),
            created_at,
        })
        .collect()
}

/// The grade-level activities the career content follows.
const G6_INVENTORY: &str = "g6_interest_inventory";
const G8_INVENTORY: &str = "g8_interest_inventory_update";
const G7_EXPLORATION: &str = "g7_career_exploration";

/// Builds the career content of one school's students; `activities` are
/// the school's plan activities (the career content follows them).
pub(crate) fn build_career(
    gen: &mut CareerGen,
    ctx: &PlanCtx,
    students: &[PlanStudent],
    activities: &[ActivityBulkRow],
) -> CareerBatch {
    let mut batch = CareerBatch::default();
    if !gen.enabled {
        return batch;
    }
    let mut followed: HashMap<Uuid, Vec<&ActivityBulkRow>> = HashMap::new();
    for a in activities {
        if matches!(a.activity_key, G6_INVENTORY | G8_INVENTORY | G7_EXPLORATION) {
            followed.entry(a.student_id).or_default().push(a);
        }
    }
    let cal = Cal::new(ctx.today, ctx.now);
    for s in students {
        let mut c = StudentCareer {
            gen,
            ctx,
            cal,
            s,
            batch: &mut batch,
            activities: followed.get(&s.id).map(Vec::as_slice).unwrap_or(&[]),
        };
        match s.showcase {
            Some(ShowcaseRole::Student) => c.showcase(),
            _ => c.story(),
        }
    }
    batch
}

/// The two school years the demo covers.
#[derive(Debug, Clone, Copy)]
struct Cal {
    today: Date,
    latest: Date,
    now: OffsetDateTime,
    year: SchoolYear,
    /// This school year's first day.
    fall: Date,
    /// Last school year's first and last days.
    last_fall: Date,
    last_june: Date,
}

impl Cal {
    fn new(today: Date, now: OffsetDateTime) -> Cal {
        let year = SchoolYear::containing(today);
        let day = |y: i32, m: Month, d: u8| Date::from_calendar_date(y, m, d).unwrap_or(today);
        Cal {
            today,
            latest: today - Duration::days(1),
            now,
            year,
            fall: day(year.0 - 1, Month::August, 27),
            last_fall: day(year.0 - 2, Month::August, 27),
            last_june: day(year.0 - 1, Month::June, 18),
        }
    }

    /// The first and last school days of `year` (this year: up to yesterday).
    fn span(&self, year: SchoolYear) -> (Date, Date) {
        if year == self.year {
            (self.fall, self.latest)
        } else {
            (self.last_fall, self.last_june)
        }
    }
}

/// A student's six area preferences (answer level 0–4, R I A S E C order).
type Prefs = [f64; 6];

/// How often each area comes first among teenagers (R I A S E C): social
/// and artistic most, conventional least.
const AREA_WEIGHTS: [f64; 6] = [1.0, 0.9, 1.2, 1.3, 0.8, 0.5];
/// How far above or below a student's general liking each area sits, from
/// their favourite to their least favourite.
const AREA_OFFSETS: [f64; 6] = [1.3, 0.8, 0.3, -0.2, -0.6, -1.0];

struct StudentCareer<'a> {
    gen: &'a mut CareerGen,
    ctx: &'a PlanCtx,
    cal: Cal,
    s: &'a PlanStudent,
    batch: &'a mut CareerBatch,
    activities: &'a [&'a ActivityBulkRow],
}

impl StudentCareer<'_> {
    fn chance(&mut self, p: f64) -> bool {
        self.gen.rng.gen_bool(p.clamp(0.0, 1.0))
    }

    fn id(&mut self) -> Uuid {
        self.gen.ids.next()
    }

    fn district(&self) -> Uuid {
        self.ctx.district_id
    }

    /// A day from `a` to `b` (or `a` when the span is empty).
    fn day_between(&mut self, a: Date, b: Date) -> Date {
        let span = (b - a).whole_days();
        if span <= 0 {
            return a;
        }
        a + Duration::days(self.gen.rng.gen_range(0..=span))
    }

    /// A moment in the afternoon or evening of `day` (never after now).
    fn at(&mut self, day: Date) -> OffsetDateTime {
        // 08:00 to 21:59.
        let minutes = 480 + self.gen.rng.gen_range(0..840u16);
        let time = Time::from_hms((minutes / 60) as u8, (minutes % 60) as u8, 0).unwrap_or(Time::MIDNIGHT);
        PrimitiveDateTime::new(day, time).assume_utc().min(self.cal.now)
    }

    /// The recorded state of a followed activity in `year`.
    fn activity(&self, key: &str, year: SchoolYear) -> Option<&ActivityBulkRow> {
        self.activities
            .iter()
            .copied()
            .find(|a| a.activity_key == key && a.school_year == year.0)
    }

    /// The student's general liking and their areas' order, drawn so some
    /// areas come first more often than others.
    fn prefs(&mut self) -> Prefs {
        let base = self.gen.rng.gen_range(1.3..2.7);
        let mut order: Vec<(f64, usize)> = AREA_WEIGHTS
            .iter()
            .enumerate()
            .map(|(area, w)| (self.gen.rng.gen::<f64>().powf(1.0 / w), area))
            .collect();
        order.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut prefs = [0.0; 6];
        for (rank, &(_, area)) in order.iter().enumerate() {
            prefs[area] = base + AREA_OFFSETS[rank] + self.gen.rng.gen_range(-0.25..0.25);
        }
        prefs
    }

    /// Answers around `prefs`: the first `answered` items, the rest blank.
    fn answers(&mut self, prefs: &Prefs, answered: usize) -> String {
        (0..ITEM_COUNT)
            .map(|i| {
                if i < answered {
                    let v = prefs[i % 6] + self.gen.rng.gen_range(-1.1..1.1);
                    char::from(b'0' + v.round().clamp(0.0, 4.0) as u8)
                } else {
                    '-'
                }
            })
            .collect()
    }

    fn push_inventory(
        &mut self,
        year: SchoolYear,
        answers: String,
        started_at: OffsetDateTime,
        updated_at: OffsetDateTime,
        completed_at: Option<OffsetDateTime>,
    ) {
        let id = self.id();
        self.batch.inventories.push(CareerInventoryBulkRow {
            id,
            district_id: self.district(),
            student_id: self.s.id,
            school_year: year.0,
            answers,
            started_at,
            updated_at,
            completed_at,
        });
    }

    /// A completed inventory finished at `done`: most in one sitting, some
    /// over a few days.
    fn completed(&mut self, year: SchoolYear, prefs: &Prefs, done: OffsetDateTime) {
        let answers = self.answers(prefs, ITEM_COUNT);
        let started = if self.chance(0.7) {
            done - Duration::minutes(self.gen.rng.gen_range(8..35))
        } else {
            let (first, _) = self.cal.span(year);
            let day = (done.date() - Duration::days(self.gen.rng.gen_range(1..8))).max(first);
            self.at(day).min(done)
        };
        self.push_inventory(year, answers, started, done, Some(done));
    }

    /// A half-answered inventory, begun in `year`.
    fn in_progress(&mut self, year: SchoolYear, prefs: &Prefs) {
        let answered = self.gen.rng.gen_range(3..=55);
        let answers = self.answers(prefs, answered);
        let (first, last) = self.cal.span(year);
        let day = self.day_between(first + Duration::days(10), last);
        let started = self.at(day);
        let later = (day + Duration::days(self.gen.rng.gen_range(0..10))).min(last);
        let updated = self.at(later).max(started);
        self.push_inventory(year, answers, started, updated, None);
    }

    /// Records a grade-level inventory activity done by the student.
    fn record_activity(&mut self, key: &'static str, year: SchoolYear, at: OffsetDateTime) {
        let id = self.id();
        self.batch.activities.push(ActivityBulkRow {
            id,
            district_id: self.district(),
            student_id: self.s.id,
            activity_key: key,
            school_year: year.0,
            state: "done",
            exempt_reason: None,
            recorded_by: self.s.id,
            recorded_at: at,
        });
    }

    /// One school year's inventory: the grade's inventory activity decides
    /// it where there is one; otherwise a few students take it anyway.
    /// Returns whether it was completed.
    fn inventory_for(&mut self, year: SchoolYear, grade: i32, prefs: &Prefs) -> bool {
        let this_year = year == self.cal.year;
        let key = match grade {
            6 => Some(G6_INVENTORY),
            8 => Some(G8_INVENTORY),
            _ => None,
        };
        let (first, last) = self.cal.span(year);
        // Due the end of September.
        let due = Date::from_calendar_date(year.0 - 1, Month::September, 30).unwrap_or(last);
        if let Some(key) = key {
            match self.activity(key, year).map(|a| (a.state, a.recorded_at)) {
                Some(("done", at)) => {
                    self.completed(year, prefs, at);
                    return true;
                }
                Some(_) => return false,
                None => {}
            }
            // Grade 8's update is optional, so the plan content rarely
            // records it: most take it anyway (and the app records it).
            let (complete, partial) = match (key, this_year) {
                (G8_INVENTORY, true) => (0.62, 0.5),
                (G8_INVENTORY, false) => (0.55, 0.1),
                (_, true) => (0.0, 0.45),
                (_, false) => (0.0, 0.1),
            };
            if self.chance(complete) {
                let day = self.day_between(first + Duration::days(7), due.min(last));
                let at = self.at(day);
                self.completed(year, prefs, at);
                self.record_activity(key, year, at);
                return true;
            }
            if self.chance(partial) {
                self.in_progress(year, prefs);
            }
            return false;
        }
        if self.chance(0.12) {
            let day = self.day_between(first + Duration::days(7), last);
            let at = self.at(day);
            self.completed(year, prefs, at);
            true
        } else {
            if this_year && self.chance(0.04) {
                self.in_progress(year, prefs);
            }
            false
        }
    }

    /// The student's inventories, last year's then this year's; returns
    /// the latest completed one's ranked areas (R I A S E C indices).
    fn inventories(&mut self, prefs: &Prefs) -> Option<[usize; 6]> {
        let this = self.cal.year;
        let last = SchoolYear(this.0 - 1);
        let mut latest = None;
        if self.s.grade > 6 && self.inventory_for(last, self.s.grade - 1, prefs) {
            latest = self.batch.inventories.last().map(|i| i.answers.clone());
        }
        // A year later the preferences have moved a little.
        let mut drifted = *prefs;
        for p in &mut drifted {
            *p += self.gen.rng.gen_range(-0.35..0.35);
        }
        if self.inventory_for(this, self.s.grade, &drifted) {
            latest = self.batch.inventories.last().map(|i| i.answers.clone());
        }
        latest.and_then(|a| ranked(&a))
    }

    fn story(&mut self) {
        let prefs = self.prefs();
        let ranked = self.inventories(&prefs);
        if self.chance(0.5) {
            self.ratings(&prefs);
        }
        // Without an inventory, the student's own sense of what they like.
        let areas = ranked.unwrap_or_else(|| order_of(&prefs));
        let saved = match (ranked.is_some(), self.gen.rng.gen_range(0..100)) {
            (true, 0..=34) => 0,
            (true, 35..=54) => 1,
            (true, 55..=74) => 2,
            (true, 75..=87) => 3,
            (true, 88..=95) => 4,
            (true, _) => 5,
            (false, 0..=84) => 0,
            (false, 85..=94) => 1,
            (false, _) => 2,
        };
        let saved = self.saved(&areas, saved);
        self.explorations(&areas, &saved);
        if self.s.grade >= 11 {
            let p = if self.s.grade == 12 { 0.85 } else { 0.55 };
            if self.chance(p) {
                self.postsecondary();
            }
        }
    }

    /// Work values and strengths, leaning the way the student's interests do.
    fn ratings(&mut self, prefs: &Prefs) {
        // Strength → the area it goes with (STRENGTHS order).
        const STRENGTH_AREA: [usize; 12] = [0, 1, 2, 1, 2, 2, 3, 4, 5, 1, 4, 0];
        let base = prefs.iter().sum::<f64>() / 6.0;
        let value_prefs: Vec<f64> = (0..6).map(|_| self.gen.rng.gen_range(1.5..3.8)).collect();
        let blank = self.chance(0.08);
        let rate = |rng: &mut ChaCha8Rng, level: f64| {
            if blank && rng.gen_bool(0.12) {
                '-'
            } else {
                let v = level + rng.gen_range(-0.8..0.8);
                char::from(b'0' + v.round().clamp(1.0, 4.0) as u8)
            }
        };
        let rng = &mut self.gen.rng;
        let work_values: String = VALUE_ITEMS
            .iter()
            .map(|item| rate(rng, value_prefs[item.value.index()]))
            .collect();
        let strengths: String = STRENGTHS
            .iter()
            .enumerate()
            .map(|(i, _)| rate(rng, 2.5 + 0.7 * (prefs[STRENGTH_AREA[i]] - base)))
            .collect();
        let (first, last) = self.cal.span(self.cal.year);
        let day = self.day_between(first + Duration::days(14), last);
        let updated_at = self.at(day);
        self.batch.ratings.push(CareerSelfRatingBulkRow {
            student_id: self.s.id,
            district_id: self.district(),
            work_values,
            strengths,
            updated_at,
        });
    }

    /// `n` careers that fit the top areas, mostly the first; returns their codes.
    fn saved(&mut self, areas: &[usize; 6], n: usize) -> Vec<&'static str> {
        let mut codes: Vec<&'static str> = Vec::with_capacity(n);
        for _ in 0..n * 3 {
            if codes.len() == n {
                break;
            }
            let area = match self.gen.rng.gen_range(0..100) {
                0..=59 => areas[0],
                60..=89 => areas[1],
                _ => areas[2],
            };
            let code = *texts::BY_AREA[area]
                .choose(&mut self.gen.rng)
                .expect("lists are not empty");
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        let (first, _) = self.cal.span(SchoolYear(self.cal.year.0 - i32::from(self.s.grade > 6)));
        for &code in &codes {
            let note = if self.chance(0.3) {
                let (en, es) = *texts::SAVED_NOTES.choose(&mut self.gen.rng).expect("not empty");
                if self.s.spanish && self.chance(0.5) {
                    es
                } else {
                    en
                }
            } else {
                ""
            };
            let day = self.day_between(first + Duration::days(10), self.cal.latest);
            let saved_at = self.at(day);
            let id = self.id();
            self.batch.saved.push(SavedCareerBulkRow {
                id,
                district_id: self.district(),
                student_id: self.s.id,
                code,
                note,
                saved_at,
            });
        }
        codes
    }

    /// Exploration activities: one for grade 7's career-exploration
    /// activity when it is done, and more for about a third of students.
    fn explorations(&mut self, areas: &[usize; 6], saved: &[&'static str]) {
        let mut days = Vec::new();
        for year in [SchoolYear(self.cal.year.0 - 1), self.cal.year] {
            if let Some(a) = self.activity(G7_EXPLORATION, year) {
                if a.state == "done" {
                    days.push(a.recorded_at.date());
                }
            }
        }
        if self.chance(0.32) {
            let n = match self.gen.rng.gen_range(0..100) {
                0..=54 => 1,
                55..=84 => 2,
                _ => 3,
            };
            let from = if self.s.grade > 6 {
                self.cal.last_fall
            } else {
                self.cal.fall
            };
            for _ in 0..n {
                let mut day = self.day_between(from + Duration::days(20), self.cal.latest);
                if day > self.cal.last_june && day < self.cal.fall {
                    // Summer: moved into the school year.
                    day = self.cal.fall + Duration::days(self.gen.rng.gen_range(14..40));
                }
                days.push(day.min(self.cal.latest));
            }
        }
        for day in days {
            let fitting: Vec<&texts::Exploration> = texts::EXPLORATIONS
                .iter()
                .filter(|e| e.area == areas[0] || e.area == areas[1] || e.code.is_some_and(|c| saved.contains(&c)))
                .collect();
            let e = if !fitting.is_empty() && self.chance(0.75) {
                *fitting.choose(&mut self.gen.rng).expect("not empty")
            } else {
                texts::EXPLORATIONS.choose(&mut self.gen.rng).expect("not empty")
            };
            let spanish = self.s.spanish && self.chance(0.5);
            let pick = |(en, es): (&'static str, &'static str)| if spanish { es } else { en };
            let later = Duration::days(self.gen.rng.gen_range(0..4));
            let created = self.at(day + later);
            let id = self.id();
            self.batch.explorations.push(CareerExplorationBulkRow {
                id,
                district_id: self.district(),
                student_id: self.s.id,
                kind: e.kind,
                occurred_on: day,
                title: pick(e.title),
                code: e.code,
                reflection: pick(e.reflection),
                created_at: created,
            });
        }
    }

    /// Intended paths, programs with where the student stands, and the
    /// key steps done so far.
    fn postsecondary(&mut self) {
        const PATHS: [(PostsecondaryPath, u32); 6] = [
            (PostsecondaryPath::FourYear, 50),
            (PostsecondaryPath::TwoYear, 25),
            (PostsecondaryPath::Apprenticeship, 7),
            (PostsecondaryPath::Military, 6),
            (PostsecondaryPath::Certificate, 6),
            (PostsecondaryPath::Work, 6),
        ];
        let pick_path = |rng: &mut ChaCha8Rng| {
            PATHS
                .choose_weighted(rng, |p| p.1)
                .map(|p| p.0)
                .unwrap_or(PostsecondaryPath::FourYear)
        };
        let first = pick_path(&mut self.gen.rng);
        let mut paths = vec![first];
        if self.chance(0.3) {
            let second = pick_path(&mut self.gen.rng);
            if second != first {
                paths.push(second);
            }
        }
        paths.sort();
        let day = self.day_between(self.cal.fall + Duration::days(14), self.cal.latest);
        let updated_at = self.at(day);
        self.batch.plans.push(PostsecondaryPlanBulkRow {
            student_id: self.s.id,
            district_id: self.district(),
            paths: paths.iter().map(|p| p.key()).collect::<Vec<_>>().join(","),
            updated_at,
        });

        // Programs: seniors are applying, juniors looking.
        let senior = self.s.grade == 12;
        for &path in &paths {
            let options = texts::programs_for(path);
            let n = match (senior, path) {
                (_, PostsecondaryPath::Work | PostsecondaryPath::Military) => self.gen.rng.gen_range(0..=1),
                (true, _) => self.gen.rng.gen_range(1..=4),
                (false, _) => self.gen.rng.gen_range(0..=2),
            };
            let chosen: Vec<&(&str, &str)> = options.choose_multiple(&mut self.gen.rng, n).collect();
            for &(name, note) in chosen {
                let status = match (senior, self.gen.rng.gen_range(0..100)) {
                    (true, 0..=34) => ProgramStatus::Researching,
                    (true, 35..=64) => ProgramStatus::Applying,
                    (true, 65..=94) => ProgramStatus::Applied,
                    (true, _) => ProgramStatus::Accepted,
                    (false, 0..=89) => ProgramStatus::Researching,
                    (false, _) => ProgramStatus::Applying,
                };
                let note = if self.chance(0.4) { note } else { "" };
                let day = self.day_between(self.cal.fall + Duration::days(10), self.cal.latest);
                let updated_at = self.at(day);
                let id = self.id();
                self.batch.programs.push(PostsecondaryProgramBulkRow {
                    id,
                    district_id: self.district(),
                    student_id: self.s.id,
                    name,
                    path: path.key(),
                    status: status.key(),
                    note,
                    updated_at,
                });
            }
        }

        // Key steps done: most of those already due, a few early.
        let graduation = self.graduation_year();
        let mut keys: Vec<&'static str> = Vec::new();
        let templates: Vec<_> = paths.iter().flat_map(|&p| steps_for(p)).collect();
        for t in templates {
            if keys.contains(&t.key) {
                continue;
            }
            keys.push(t.key);
            let Some(due) = t.due_date(graduation) else { continue };
            let p = if due < self.cal.today { 0.7 } else { 0.04 };
            if !self.chance(p) {
                continue;
            }
            let done = self.day_between(due - Duration::days(30), due).min(self.cal.latest);
            let updated_at = self.at(done);
            let id = self.id();
            self.batch.steps.push(PostsecondaryStepBulkRow {
                id,
                district_id: self.district(),
                student_id: self.s.id,
                step_key: Some(t.key),
                title: "",
                due_on: due,
                done_on: Some(done),
                updated_at,
            });
        }
        if self.chance(0.12) {
            let title = *texts::OWN_STEPS.choose(&mut self.gen.rng).expect("not empty");
            let due = self.cal.today + Duration::days(self.gen.rng.gen_range(7..90));
            let updated_at = self.at(self.cal.latest);
            let id = self.id();
            self.batch.steps.push(PostsecondaryStepBulkRow {
                id,
                district_id: self.district(),
                student_id: self.s.id,
                step_key: None,
                title,
                due_on: due,
                done_on: None,
                updated_at,
            });
        }
    }

    fn graduation_year(&self) -> i32 {
        GradeLevel::new(self.s.grade.into())
            .map(|g| self.cal.year.graduation_year_for(g))
            .unwrap_or(self.cal.year.0 + 12 - self.s.grade)
    }
}

/// The areas (R I A S E C indices) from the highest score down, as the
/// app ranks a completed inventory.
fn ranked(answers: &str) -> Option<[usize; 6]> {
    let ranked = Answers::from_stored(answers).ok()?.scores().ranked();
    Some(ranked.map(|a| a.index()))
}

/// Areas from the strongest preference down.
fn order_of(prefs: &Prefs) -> [usize; 6] {
    let mut order = [0, 1, 2, 3, 4, 5];
    order.sort_by(|&a, &b| prefs[b].total_cmp(&prefs[a]));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_curated_code_is_in_the_shipped_occupations() {
        let data = include_str!("../../../app/data/onet/Occupation Data.txt");
        let known: HashSet<&str> = data.lines().filter_map(|l| l.split('\t').next()).collect();
        let explored = texts::EXPLORATIONS.iter().filter_map(|e| e.code);
        for code in texts::BY_AREA.iter().flat_map(|l| l.iter().copied()).chain(explored) {
            assert!(known.contains(code), "{code} is not a shipped occupation");
        }
        for code in showcase::SAVED.iter().map(|s| s.0) {
            assert!(known.contains(code), "{code} is not a shipped occupation");
        }
    }

    #[test]
    fn pathway_clusters_are_known_keys() {
        use ssp_domain::career::cluster::{Cluster2024, LegacyCluster};
        for &(_, _, legacy, modern) in texts::PATHWAYS {
            assert!(LegacyCluster::parse(legacy).is_ok(), "{legacy}");
            assert!(Cluster2024::parse(modern).is_ok(), "{modern}");
        }
    }
}
