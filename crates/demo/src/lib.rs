//! `ssp-demo`: a deterministic generator of a realistic demo district — or,
//! at large sizes, a state of several districts — loaded school by school
//! through the bulk inserts, one transaction per district.
//!
//! The same seed, student count and date give byte-identical data.

mod academics;
mod career;
mod district;
mod ids;
mod names;
mod partners;
mod people;
mod plans;
mod portfolio;
mod schedule;
mod school;
mod showcase;
mod support;

use std::sync::atomic::{AtomicU64, Ordering};

use argon2::password_hash::{PasswordHasher, SaltString};
use argon2::Argon2;
use futures::{StreamExt, TryStreamExt};
use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use ssp_db::repo::bulk::{self, AcademicSessionRow, OrgRow};
use ssp_db::Db;
use ssp_domain::SchoolYear;
use time::macros::{date, time};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime};
use uuid::Uuid;

use crate::academics::{AcademicGen, DemoCatalog};
use crate::career::CareerGen;
use crate::district::{plan_state, DistrictPlan, STATE_NAME};
use crate::ids::{IdGen, SourceIds};
use crate::plans::PlanGen;
use crate::portfolio::PortfolioGen;
use crate::school::{build_district_office, build_school, ContentGen, DistrictCtx, Gen, Term};
use crate::support::SupportGen;

pub use crate::showcase::{demo_sign_ins, DemoSignIn};
pub use crate::support::flags::FlagWork;

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "ssp-demo-2026";

/// The smallest demo that still holds every showcase person.
pub const MIN_STUDENTS: u32 = 50;

// Independent random streams, so adding a draw in one place does not
// shift every id elsewhere; district `d` uses `DATA_STREAM + 16 d` and
// `ID_STREAM + 16 d`.
const PLAN_STREAM: u64 = 1;
const SALT_STREAM: u64 = 2;
const DATA_STREAM: u64 = 3;
const ID_STREAM: u64 = 4;
// The plan content: its own streams, so the people stay as they were.
const PLAN_DATA_STREAM: u64 = 5;
const PLAN_ID_STREAM: u64 = 6;
// The career content: its own streams, so the people and plans stay as
// they were.
const CAREER_DATA_STREAM: u64 = 7;
const CAREER_ID_STREAM: u64 = 8;
// The academic records: their own streams, so everything before them
// stays as it was.
const ACADEMIC_DATA_STREAM: u64 = 9;
const ACADEMIC_ID_STREAM: u64 = 10;
// The portfolio: its own streams too.
const PORTFOLIO_DATA_STREAM: u64 = 11;
const PORTFOLIO_ID_STREAM: u64 = 12;
// Support data (indicators, needs, interventions): its own streams too.
const SUPPORT_DATA_STREAM: u64 = 13;
const SUPPORT_ID_STREAM: u64 = 14;
// The team's work on the flags the app raised: its own stream.
const FLAG_WORK_STREAM: u64 = 15;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoOptions {
    pub students: u32,
    pub seed: u64,
    /// Decides the school year (and so the current semester) and ages.
    pub today: Date,
    /// At most this many districts. `None` gives one district per
    /// ~45,000 students; `Some(1)` puts every student in one district.
    pub districts: Option<u32>,
    /// Fill the plans (goals, check-ins, reviews, notes…) as in a second
    /// year; `false` gives the people, schools and classes only (tests
    /// that build their own plan content start from there).
    pub plans: bool,
}

impl DemoOptions {
    /// `students` students, seed 2026, today 2026-11-02 (fixed, so the
    /// output does not depend on when it runs).
    pub fn new(students: u32) -> Self {
        Self {
            students,
            seed: 2026,
            today: date!(2026 - 11 - 02),
            districts: None,
            plans: true,
        }
    }
}

/// How many of each thing the demo created.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoSummary {
    pub districts: u64,
    pub schools: u64,
    pub students: u64,
    pub guardians: u64,
    pub staff: u64,
    pub classes: u64,
    /// Student and teacher enrollments together.
    pub enrollments: u64,
    pub accounts: u64,
    /// Goals of every year and status, drafts included.
    pub goals: u64,
    pub check_ins: u64,
    pub reflections: u64,
    /// Annual reviews, last year's and this year's, signed or not.
    pub reviews: u64,
    pub interactions: u64,
    pub notes: u64,
    /// Plans the up-to-date rule holds true for.
    pub plans_up_to_date: u64,
    /// Interest inventories completed, this year's and last year's.
    pub inventories_completed: u64,
    pub saved_careers: u64,
    pub explorations: u64,
    pub postsecondary_plans: u64,
    /// Courses in the districts' catalogs.
    pub catalog_courses: u64,
    pub transcript_entries: u64,
    /// Students with a course plan (any status).
    pub course_plans: u64,
    /// Students whose newest plan version is approved.
    pub course_plans_approved: u64,
    /// High-school students computed as not on track to graduate.
    pub not_on_track: u64,
    /// Students off track in grade 9 (the grade-9 indicator).
    pub grade9_off_track: u64,
    /// Portfolio artifacts, and those marked best work.
    pub artifacts: u64,
    pub best_work: u64,
    pub collections: u64,
    /// Experiences outside the classroom and their hours entries.
    pub experiences: u64,
    pub hours_entries: u64,
    /// Verified hours, in hundredths of an hour.
    pub verified_hundredths: u64,
    /// Capstones of every stage, and those passed.
    pub capstones: u64,
    pub capstones_passed: u64,
    /// Support data: indicator readings, needs and interventions (flags
    /// are raised by the app's rules afterwards).
    pub attendance_readings: u64,
    pub behaviour_readings: u64,
    pub course_marks: u64,
    /// At or above 10 % of at least 20 enrolled days missed.
    pub chronically_absent: u64,
    /// At least one day of suspension.
    pub suspended: u64,
    pub needs: u64,
    pub interventions: u64,
    pub intervention_points: u64,
    /// Files of the showcase student's portfolio: the demo writes their
    /// rows; the caller puts them in the file store.
    pub files: Vec<DemoFile>,
}

/// A file to put in the portfolio's file store under `key`.
#[derive(Clone, PartialEq, Eq)]
pub struct DemoFile {
    pub key: String,
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for DemoFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DemoFile")
            .field("key", &self.key)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

/// What [`generate`] reports while it works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    Stage(&'static str),
    Students { done: u64, total: u64 },
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("the database already holds data; the demo only fills an empty database")]
    NotEmpty,
    #[error("a demo needs at least {minimum} students")]
    TooFewStudents { minimum: u32 },
    #[error("could not hash the demo password: {0}")]
    Password(String),
    #[error(transparent)]
    Db(#[from] ssp_db::DbError),
}

/// Fills an empty, migrated database with the demo state and returns what
/// it created. Refuses ([`DemoError::NotEmpty`]) a database that already
/// has organisations. Each district is one transaction; on PostgreSQL a
/// few districts load side by side. A failure part-way leaves the state
/// and the districts already committed: start again on a fresh database.
pub async fn generate(
    db: &Db,
    opts: &DemoOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<DemoSummary, DemoError> {
    if opts.students < MIN_STUDENTS {
        return Err(DemoError::TooFewStudents { minimum: MIN_STUDENTS });
    }
    if ssp_db::repo::orgs::count(db).await? > 0 {
        return Err(DemoError::NotEmpty);
    }
    progress(Progress::Stage("hashing the shared demo password"));
    let password_hash = shared_password_hash(opts.seed)?;

    progress(Progress::Stage("planning districts and schools"));
    let plan = plan_state(opts.students, opts.districts, &mut seeded(opts.seed, PLAN_STREAM));
    let ranges = DistrictRanges::for_largest(plan.districts.iter().map(|d| d.students).max().unwrap_or(0));
    let now = PrimitiveDateTime::new(opts.today, time!(08:00)).assume_utc();
    let state_id = IdGen::new(seeded(opts.seed, ID_STREAM), base_ms(opts.today)).next();
    let mut tx = db.begin().await?;
    let state = OrgRow {
        id: state_id,
        kind: "state",
        parent_id: None,
        district_id: None,
        name: STATE_NAME.to_owned(),
        identifier: Some("09".to_owned()),
        school_level: None,
        source_id: "state".to_owned(),
    };
    bulk::orgs(&mut tx, &[state], now).await?;
    tx.commit().await?;

    progress(Progress::Stage("generating and loading schools"));
    let total = u64::from(opts.students);
    progress(Progress::Students { done: 0, total });
    let students_done = AtomicU64::new(0);
    let school_loaded = |students: u64| {
        let done = students_done.fetch_add(students, Ordering::Relaxed) + students;
        progress(Progress::Students { done, total });
    };
    let load = DistrictLoad {
        db,
        opts,
        state_id,
        password_hash: &password_hash,
        now,
        ranges,
        school_loaded: &school_loaded,
    };
    // SQLite has one writer, so its districts go one after another.
    let side_by_side = match db {
        Db::Sqlite(_) => 1,
        Db::Postgres(_) => std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 4)),
    };
    let summary = futures::stream::iter(plan.districts.iter().map(|district| load.district(district)))
        .buffer_unordered(side_by_side)
        .try_fold(
            DemoSummary::default(),
            |sum, district| async move { Ok(sum.add(&district)) },
        )
        .await?;
    progress(Progress::Stage("done"));
    Ok(summary)
}

/// After the app has raised the flags of the demo's indicator data (the
/// caller runs the app's rules, as a load does): links each active
/// intervention to the flag it answers and has the team work the flags
/// (in progress, acknowledged with a next step, some overdue, the rest
/// open). `now` is the app's clock.
pub async fn work_flags(db: &Db, opts: &DemoOptions, now: OffsetDateTime) -> Result<FlagWork, DemoError> {
    let mut rng = seeded(opts.seed, FLAG_WORK_STREAM);
    support::flags::work_flags(db, &mut rng, now).await
}

impl DemoSummary {
    fn add(mut self, other: &DemoSummary) -> DemoSummary {
        self.districts += other.districts;
        self.schools += other.schools;
        self.students += other.students;
        self.guardians += other.guardians;
        self.staff += other.staff;
        self.classes += other.classes;
        self.enrollments += other.enrollments;
        self.accounts += other.accounts;
        self.goals += other.goals;
        self.check_ins += other.check_ins;
        self.reflections += other.reflections;
        self.reviews += other.reviews;
        self.interactions += other.interactions;
        self.notes += other.notes;
        self.plans_up_to_date += other.plans_up_to_date;
        self.inventories_completed += other.inventories_completed;
        self.saved_careers += other.saved_careers;
        self.explorations += other.explorations;
        self.postsecondary_plans += other.postsecondary_plans;
        self.catalog_courses += other.catalog_courses;
        self.transcript_entries += other.transcript_entries;
        self.course_plans += other.course_plans;
        self.course_plans_approved += other.course_plans_approved;
        self.not_on_track += other.not_on_track;
        self.grade9_off_track += other.grade9_off_track;
        self.artifacts += other.artifacts;
        self.best_work += other.best_work;
        self.collections += other.collections;
        self.experiences += other.experiences;
        self.hours_entries += other.hours_entries;
        self.verified_hundredths += other.verified_hundredths;
        self.capstones += other.capstones;
        self.capstones_passed += other.capstones_passed;
        self.attendance_readings += other.attendance_readings;
        self.behaviour_readings += other.behaviour_readings;
        self.course_marks += other.course_marks;
        self.chronically_absent += other.chronically_absent;
        self.suspended += other.suspended;
        self.needs += other.needs;
        self.interventions += other.interventions;
        self.intervention_points += other.intervention_points;
        self.files.extend(other.files.iter().cloned());
        self
    }
}

/// Ids count up from the morning of `today` (midnight UTC, in ms).
fn base_ms(today: Date) -> u64 {
    (today.midnight().assume_utc().unix_timestamp().max(0) as u64) * 1000
}

/// How many ids and how many numbers (usernames, state student ids) each
/// district may use, so no district runs into the next one's range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DistrictRanges {
    ids: u64,
    numbers: u64,
}

impl DistrictRanges {
    /// 2^24 ids and a million numbers per district hold districts of up to
    /// about 250,000 students; only a bigger district (possible with
    /// [`DemoOptions::districts`]) widens them, so every other demo keeps
    /// its exact ids. A student brings fewer than 32 ids (person, account,
    /// up to two guardians with accounts and links, seven enrollments,
    /// plan manager, team, a share of classes and staff) and fewer than 4
    /// accounts.
    const IDS: u64 = 1 << 24;
    const NUMBERS: u64 = 1_000_000;
    const IDS_PER_STUDENT: u64 = 32;
    const NUMBERS_PER_STUDENT: u64 = 4;
    /// The district, its schools, sessions, courses and office.
    const FIXED: u64 = 10_000;

    fn for_largest(students: u32) -> DistrictRanges {
        let students = u64::from(students);
        let ids = (students * Self::IDS_PER_STUDENT + Self::FIXED).next_power_of_two();
        let numbers = (students * Self::NUMBERS_PER_STUDENT + Self::FIXED).div_ceil(Self::NUMBERS) * Self::NUMBERS;
        DistrictRanges {
            ids: ids.max(Self::IDS),
            numbers: numbers.max(Self::NUMBERS),
        }
    }
}

/// The plan content's random stream and ids: its ids count up from
/// `ranges.ids` per district *before* the morning of `today`, so they never
/// meet the people's ids (which count up from it).
fn plan_gen(opts: &DemoOptions, district: u32, ranges: DistrictRanges) -> PlanGen {
    let d = u64::from(district);
    PlanGen {
        rng: seeded(opts.seed, PLAN_DATA_STREAM + 16 * d),
        ids: IdGen::new(
            seeded(opts.seed, PLAN_ID_STREAM + 16 * d),
            base_ms(opts.today) - d * ranges.ids,
        ),
        enabled: opts.plans,
    }
}

/// The career content's random stream and ids: its ids count up from
/// three quarters of the way into the plan content's range, which the
/// plan content does not reach (ids are unique either way: their random
/// bits come from a stream of their own).
fn career_gen(opts: &DemoOptions, district: u32, ranges: DistrictRanges) -> CareerGen {
    let d = u64::from(district);
    CareerGen {
        rng: seeded(opts.seed, CAREER_DATA_STREAM + 16 * d),
        ids: IdGen::new(
            seeded(opts.seed, CAREER_ID_STREAM + 16 * d),
            base_ms(opts.today) - d * ranges.ids + ranges.ids / 4 * 3,
        ),
        enabled: opts.plans,
    }
}

/// The academic records' random stream and ids: from half way into the
/// plan content's range (unique either way: their random bits come from a
/// stream of their own).
fn academic_gen(opts: &DemoOptions, district: u32, ranges: DistrictRanges) -> AcademicGen {
    let d = u64::from(district);
    AcademicGen {
        rng: seeded(opts.seed, ACADEMIC_DATA_STREAM + 16 * d),
        ids: IdGen::new(
            seeded(opts.seed, ACADEMIC_ID_STREAM + 16 * d),
            base_ms(opts.today) - d * ranges.ids + ranges.ids / 2,
        ),
        enabled: opts.plans,
    }
}

/// The portfolio's random stream and ids: from three eighths of the way
/// into the plan content's range, between the plan content and the
/// academic records (unique either way: their random bits come from a
/// stream of their own).
fn portfolio_gen(opts: &DemoOptions, district: u32, ranges: DistrictRanges) -> PortfolioGen {
    let d = u64::from(district);
    PortfolioGen {
        rng: seeded(opts.seed, PORTFOLIO_DATA_STREAM + 16 * d),
        ids: IdGen::new(
            seeded(opts.seed, PORTFOLIO_ID_STREAM + 16 * d),
            base_ms(opts.today) - d * ranges.ids + ranges.ids / 8 * 3,
        ),
        enabled: opts.plans,
    }
}

/// The support data's random stream and ids: from five eighths of the way
/// into the plan content's range (after the portfolio's three eighths).
fn support_gen(opts: &DemoOptions, district: u32, ranges: DistrictRanges) -> SupportGen {
    let d = u64::from(district);
    SupportGen {
        rng: seeded(opts.seed, SUPPORT_DATA_STREAM + 16 * d),
        ids: IdGen::new(
            seeded(opts.seed, SUPPORT_ID_STREAM + 16 * d),
            base_ms(opts.today) - d * ranges.ids + ranges.ids / 8 * 5,
        ),
        enabled: opts.plans,
    }
}

/// Each district draws from its own random streams and numbers (ids,
/// usernames, state student ids) from its own range, so districts can be
/// generated in any order, or side by side, and still come out the same.
fn district_gen(seed: u64, today: Date, district: u32, ranges: DistrictRanges) -> Gen {
    let d = u64::from(district);
    Gen {
        rng: seeded(seed, DATA_STREAM + 16 * d),
        ids: IdGen::new(seeded(seed, ID_STREAM + 16 * d), base_ms(today) + d * ranges.ids),
        seed,
        accounts_made: (d - 1) * ranges.numbers,
        students_made: (d - 1) * ranges.numbers,
    }
}

/// What every district's load shares.
struct DistrictLoad<'a> {
    db: &'a Db,
    opts: &'a DemoOptions,
    state_id: Uuid,
    password_hash: &'a str,
    now: OffsetDateTime,
    ranges: DistrictRanges,
    school_loaded: &'a (dyn Fn(u64) + Sync),
}

impl DistrictLoad<'_> {
    /// Generates and loads one district, school by school, in one
    /// transaction.
    async fn district(&self, district: &DistrictPlan) -> Result<DemoSummary, DemoError> {
        let (now, hash) = (self.now, self.password_hash);
        let mut gen = district_gen(self.opts.seed, self.opts.today, district.number, self.ranges);
        let mut content = ContentGen {
            plans: plan_gen(self.opts, district.number, self.ranges),
            career: career_gen(self.opts, district.number, self.ranges),
            portfolio: portfolio_gen(self.opts, district.number, self.ranges),
            support: support_gen(self.opts, district.number, self.ranges),
            academics: academic_gen(self.opts, district.number, self.ranges),
            catalog: DemoCatalog::new(),
        };
        let mut summary = DemoSummary {
            districts: 1,
            schools: district.schools.len() as u64,
            ..Default::default()
        };
        let mut tx = self.db.begin().await?;

        let district_id = gen.ids.next();
        let mut orgs = vec![OrgRow {
            id: district_id,
            kind: "district",
            parent_id: Some(self.state_id),
            district_id: Some(district_id),
            name: district.name.clone(),
            identifier: Some(format!("09{:05}", district.number)),
            school_level: None,
            source_id: format!("dst-{:02}", district.number),
        }];
        let school_ids: Vec<Uuid> = district.schools.iter().map(|_| gen.ids.next()).collect();
        for (school, &id) in district.schools.iter().zip(&school_ids) {
            orgs.push(OrgRow {
                id,
                kind: "school",
                parent_id: Some(district_id),
                district_id: Some(district_id),
                name: school.name.clone(),
                identifier: Some(format!("09{:05}{:05}", district.number, school.number)),
                school_level: Some(school.level.as_str()),
                source_id: format!("sch-{:03}", school.number),
            });
        }
        bulk::orgs(&mut tx, &orgs, now).await?;

        let school_year = SchoolYear::containing(self.opts.today);
        let (sessions, term) = academic_sessions(&mut gen, district_id, school_year, self.opts.today);
        bulk::academic_sessions(&mut tx, &sessions, now).await?;

        let mut ctx = DistrictCtx {
            plan: district,
            id: district_id,
            school_year,
            today: self.opts.today,
            now,
            term,
            src: SourceIds::default(),
        };
        let office = build_district_office(&mut gen, &mut ctx);
        office.insert(&mut tx, hash, now).await?;
        office.tally(&mut summary);
        let pathways = career::pathways(&mut content.career, district_id, now);
        bulk::career_pathways(&mut tx, &pathways).await?;
        let pathway_ids: Vec<Uuid> = pathways.iter().map(|p| p.id).collect();
        let catalog_rows =
            academics::catalog_rows(&mut content.academics, &content.catalog, district_id, &pathway_ids, now);
        bulk::catalog_courses(&mut tx, &catalog_rows).await?;
        summary.catalog_courses = catalog_rows.len() as u64;

        for (school, &school_id) in district.schools.iter().zip(&school_ids) {
            let batch = build_school(&mut gen, &mut content, &mut ctx, school, school_id);
            batch.insert(&mut tx, hash, now).await?;
            batch.tally(&mut summary);
            (self.school_loaded)(batch.students.len() as u64);
        }
        // The partner user's account counts with the others.
        summary.accounts += partners::seed(
            &mut tx,
            || gen.ids.next(),
            district_id,
            district.number == 1,
            hash,
            self.opts.today,
            now,
        )
        .await?;
        tx.commit().await?;
        tracing::info!(district = %district.name, students = summary.students, "demo district loaded");
        Ok(summary)
    }
}

/// The school year (July–June) and its two semesters; returns them and the
/// semester classes are scheduled in: the one `today` falls in, or the
/// next one.
fn academic_sessions(
    gen: &mut Gen,
    district_id: Uuid,
    year: SchoolYear,
    today: Date,
) -> (Vec<AcademicSessionRow>, Term) {
    let ends = year.0;
    let date = |y: i32, m: Month, d: u8| Date::from_calendar_date(y, m, d).unwrap_or(today);
    let year_id = gen.ids.next();
    let fall = (
        gen.ids.next(),
        date(ends - 1, Month::August, 27),
        date(ends, Month::January, 22),
    );
    let spring = (
        gen.ids.next(),
        date(ends, Month::January, 25),
        date(ends, Month::June, 18),
    );
    let semester = |(id, start, end): (Uuid, Date, Date), number: u8, title: String| AcademicSessionRow {
        id,
        district_id,
        source_id: format!("sem-{ends}-{number}"),
        title,
        session_type: "semester",
        start_date: start,
        end_date: end,
        parent_id: Some(year_id),
        school_year: ends,
    };
    let rows = vec![
        AcademicSessionRow {
            id: year_id,
            district_id,
            source_id: format!("sy-{ends}"),
            title: format!("{year} School Year"),
            session_type: "schoolYear",
            start_date: year.start(),
            end_date: year.end(),
            parent_id: None,
            school_year: ends,
        },
        semester(fall, 1, format!("Fall {}", ends - 1)),
        semester(spring, 2, format!("Spring {ends}")),
    ];
    let (id, start, end) = if today > fall.2 { spring } else { fall };
    (rows, Term { id, start, end })
}

/// One Argon2id hash of [`DEMO_PASSWORD`] for every demo account, salted
/// from the seed so the output is repeatable.
fn shared_password_hash(seed: u64) -> Result<String, DemoError> {
    let mut salt = [0u8; 16];
    seeded(seed, SALT_STREAM).fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| DemoError::Password(e.to_string()))?;
    Argon2::default()
        .hash_password(DEMO_PASSWORD.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| DemoError::Password(e.to_string()))
}

fn seeded(seed: u64, stream: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    rng
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shared_hash_is_repeatable_and_verifies() {
        use argon2::password_hash::{PasswordHash, PasswordVerifier};
        let hash = shared_password_hash(2026).unwrap();
        assert_eq!(hash, shared_password_hash(2026).unwrap());
        assert_ne!(hash, shared_password_hash(2027).unwrap());
        let parsed = PasswordHash::new(&hash).unwrap();
        assert!(Argon2::default()
            .verify_password(DEMO_PASSWORD.as_bytes(), &parsed)
            .is_ok());
    }

    #[test]
    fn only_districts_too_big_for_the_default_ranges_widen_them() {
        let default = DistrictRanges {
            ids: 1 << 24,
            numbers: 1_000_000,
        };
        // Today's demos (about 45,000 students a district) keep their ids.
        assert_eq!(DistrictRanges::for_largest(67_000), default);
        assert_eq!(DistrictRanges::for_largest(245_000), default);
        let one_big = DistrictRanges::for_largest(300_000);
        assert_eq!(one_big.ids, default.ids, "300,000 students fit 2^24 ids");
        assert_eq!(one_big.numbers, 2_000_000);
        let huge = DistrictRanges::for_largest(2_000_000);
        assert!(huge.ids >= 2_000_000 * 32 && huge.numbers >= 8_000_000, "{huge:?}");
    }

    #[test]
    fn the_current_semester_holds_the_classes() {
        let today = DemoOptions::new(100).today;
        let mut gen = district_gen(1, today, 1, DistrictRanges::for_largest(100));
        let year = SchoolYear::containing(today);
        let (rows, term) = academic_sessions(&mut gen, Uuid::nil(), year, today);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].school_year, 2027);
        assert!(term.start <= today && today <= term.end);
        assert_eq!(term.id, rows[1].id);
        let spring_day = Date::from_calendar_date(2027, Month::March, 1).unwrap();
        let (rows, term) = academic_sessions(&mut gen, Uuid::nil(), SchoolYear::containing(spring_day), spring_day);
        assert_eq!(term.id, rows[2].id);
    }
}
