//! Academic records for one school's students, as a district in its second
//! year of academic planning would have them: each high-school student's
//! transcript (the completed years with marks — mostly As to Cs, a few Ds
//! and Fs concentrated among weaker students, some failed semesters made
//! up in summer credit recovery, a failed core course retaken the next
//! year — and this school year's courses under way, without a mark), a
//! multi-year course plan for most students of grades 8–12 (draft,
//! submitted, returned with a comment, approved, acknowledged by a
//! parent), and every student's stored academic standing, computed by the
//! domain's own rules (`audit`, `on_track_to_graduate`, `grade9_on_track`)
//! exactly as the app's status refresh does — a capstone the portfolio
//! content (built first) marks passed counts. Also the district's catalog.
//!
//! Drawn from its own random stream and id range (an [`AcademicGen`]), so
//! the people, plans and careers generated before it do not change.

mod catalog;
mod schedule;

use std::collections::HashSet;

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use ssp_db::repo::bulk::{
    self, AcademicStatusBulkRow, CatalogCourseBulkRow, CoursePlanBulkRow, TranscriptEntryBulkRow,
};
use ssp_db::{DbError, Tx};
use ssp_domain::academics::audit::{audit, AuditInput};
use ssp_domain::academics::course::{Rigor, SubjectArea, TermLength};
use ssp_domain::academics::course_plan::{CoursePlan, PlanYear};
use ssp_domain::academics::credits::Credits;
use ssp_domain::academics::on_track::{grade9_on_track, on_track_to_graduate, Grade9Rule};
use ssp_domain::academics::requirements::connecticut_default;
use ssp_domain::academics::transcript::{GradeScale, Term, TranscriptEntry};
use ssp_domain::SchoolYear;
use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time};
use uuid::Uuid;

use crate::ids::IdGen;
use crate::plans::{PlanCtx, PlanStudent, ShowcaseRole};
use crate::DemoSummary;
pub(crate) use catalog::DemoCatalog;
use schedule::{Planner, Profile, Record};

/// The seeded state of one district's academic records.
pub(crate) struct AcademicGen {
    pub rng: ChaCha8Rng,
    pub ids: IdGen,
    /// `false`: no academic records (`DemoOptions::plans`).
    pub enabled: bool,
}

/// Rows ready for the bulk inserts.
#[derive(Default)]
pub(crate) struct AcademicBatch {
    pub transcript: Vec<TranscriptEntryBulkRow>,
    pub plans: Vec<CoursePlanBulkRow>,
    pub statuses: Vec<AcademicStatusBulkRow>,
}

impl AcademicBatch {
    pub(crate) async fn insert(&self, tx: &mut Tx) -> Result<(), DbError> {
        bulk::transcript_entries(tx, &self.transcript).await?;
        bulk::course_plans(tx, &self.plans).await?;
        bulk::academic_statuses(tx, &self.statuses).await
    }

    pub(crate) fn tally(&self, summary: &mut DemoSummary) {
        summary.transcript_entries += self.transcript.len() as u64;
        summary.course_plans += self.statuses.iter().filter(|s| s.plan_status != "none").count() as u64;
        summary.course_plans_approved += self.statuses.iter().filter(|s| s.plan_status == "approved").count() as u64;
        summary.not_on_track += self.statuses.iter().filter(|s| s.on_track == Some(false)).count() as u64;
        summary.grade9_off_track += self
            .statuses
            .iter()
            .filter(|s| s.grade9_on_track == Some(false))
            .count() as u64;
    }
}

/// The district's catalog rows, its CTE courses linked to `pathways` (the
/// district's pathway ids, in the demo's order).
pub(crate) fn catalog_rows(
    gen: &mut AcademicGen,
    catalog: &DemoCatalog,
    district_id: Uuid,
    pathways: &[Uuid],
    now: OffsetDateTime,
) -> Vec<CatalogCourseBulkRow> {
    if !gen.enabled {
        return Vec::new();
    }
    let updated_at = now - Duration::days(120);
    catalog
        .courses
        .iter()
        .map(|c| {
            let list = |v: &[String]| v.join(",");
            CatalogCourseBulkRow {
                id: gen.ids.next(),
                district_id,
                code: c.code,
                title: c.title,
                credits: c.course.credits.hundredths() as i32,
                term_length: c.term_length,
                subject_area: c.area,
                tags: list(&c.course.tags.iter().map(|t| t.as_str().to_owned()).collect::<Vec<_>>()),
                sced: None,
                rigor: c.rigor,
                grade_min: i32::from(c.course.grades.0),
                grade_max: i32::from(c.course.grades.1),
                prerequisites: list(
                    &c.course
                        .prerequisites
                        .iter()
                        .map(|p| p.as_str().to_owned())
                        .collect::<Vec<_>>(),
                ),
                pathways: DemoCatalog::pathway_ids(c, pathways),
                core: c.course.core,
                repeatable: c.course.repeatable,
                updated_at,
            }
        })
        .collect()
}

/// Builds the academic records of one school's students; `capstone_passed`
/// holds those whose capstone passed (the audit counts it).
pub(crate) fn build_academics(
    gen: &mut AcademicGen,
    catalog: &DemoCatalog,
    ctx: &PlanCtx,
    students: &[PlanStudent],
    capstone_passed: &HashSet<Uuid>,
) -> AcademicBatch {
    let mut batch = AcademicBatch::default();
    if !gen.enabled {
        return batch;
    }
    let cal = Cal::new(ctx.today, ctx.now);
    let scale = GradeScale::default_letter();
    for s in students {
        let mut a = StudentAcademics {
            gen,
            catalog,
            ctx,
            cal,
            scale: &scale,
            s,
            batch: &mut batch,
            entries: Vec::new(),
            capstone_passed: capstone_passed.contains(&s.id),
        };
        a.build();
    }
    batch
}

#[derive(Debug, Clone, Copy)]
struct Cal {
    today: Date,
    now: OffsetDateTime,
    year: SchoolYear,
}

impl Cal {
    fn new(today: Date, now: OffsetDateTime) -> Cal {
        Cal {
            today,
            now,
            year: SchoolYear::containing(today),
        }
    }

    fn day(&self, y: i32, m: Month, d: u8) -> Date {
        Date::from_calendar_date(y, m, d).unwrap_or(self.today)
    }

    /// A moment on `day` during the school day (never after now).
    fn at(&self, day: Date, minutes: u16) -> OffsetDateTime {
        let minutes = 450 + minutes % 600;
        let time = Time::from_hms((minutes / 60) as u8, (minutes % 60) as u8, 0).unwrap_or(Time::MIDNIGHT);
        PrimitiveDateTime::new(day.min(self.today), time)
            .assume_utc()
            .min(self.now - Duration::minutes(5))
    }
}

/// Returned plans' comments, English and Spanish.
const RETURN_COMMENTS: &[(&str, &str)] = &[
    (
        "Please add a science for grade 11 — you need three lab sciences for most four-year colleges.",
        "Agrega una ciencia para el grado 11: la mayoría de las universidades piden tres ciencias de laboratorio.",
    ),
    (
        "Grade 12 is light. Let's talk about the capstone and one more elective.",
        "El grado 12 está incompleto. Hablemos del proyecto final y de una optativa más.",
    ),
    (
        "Check the Algebra II prerequisite before Precalculus; see me this week.",
        "Revisa el requisito de Álgebra II antes de Precálculo; ven a verme esta semana.",
    ),
    (
        "Your world language stops after one year — the colleges on your list expect two or three.",
        "El idioma se acaba después de un año; las universidades de tu lista esperan dos o tres.",
    ),
];

const APPROVE_COMMENTS: &[&str] = &[
    "",
    "",
    "",
    "Looks good.",
    "Approved — strong schedule.",
    "Approved. Remember the AP exam registration in the fall.",
];

struct StudentAcademics<'a> {
    gen: &'a mut AcademicGen,
    catalog: &'a DemoCatalog,
    ctx: &'a PlanCtx,
    cal: Cal,
    scale: &'a GradeScale,
    s: &'a PlanStudent,
    batch: &'a mut AcademicBatch,
    /// The transcript as the domain reads it.
    entries: Vec<TranscriptEntry>,
    /// The student's capstone passed.
    capstone_passed: bool,
}

impl StudentAcademics<'_> {
    fn chance(&mut self, p: f64) -> bool {
        self.gen.rng.gen_bool(p.clamp(0.0, 1.0))
    }

    fn class_of(&self) -> i32 {
        self.cal.year.0 + 12 - self.s.grade
    }

    fn school_year_of(&self, grade: u8) -> SchoolYear {
        SchoolYear(self.cal.year.0 - (self.s.grade - i32::from(grade)))
    }

    fn profile(&mut self) -> Profile {
        let showcase = self.s.showcase == Some(ShowcaseRole::Student);
        let rng = &mut self.gen.rng;
        // A sum of uniforms: close enough to normal, and cheap.
        let ability = if showcase {
            1.1
        } else {
            (0..4).map(|_| rng.gen_range(-1.0..1.0)).sum::<f64>() * 0.87
        };
        let language = if showcase {
            0
        } else if self.s.spanish && rng.gen_bool(0.5) {
            1
        } else {
            *[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 3, 3, 4, 5, 5, 6]
                .choose(rng)
                .unwrap_or(&0)
        };
        let language_years = if showcase {
            4
        } else {
            match rng.gen_range(0.0..1.0) + ability * 0.15 {
                x if x < 0.22 => 1,
                x if x < 0.6 => 2,
                x if x < 0.85 => 3,
                _ => 4,
            }
        };
        Profile {
            ability,
            accelerated: !showcase && ability > 0.8 && rng.gen_bool(0.55),
            language,
            language_years,
            pathway: if showcase {
                Some(0)
            } else {
                rng.gen_bool(0.3).then(|| rng.gen_range(0..6))
            },
            arts: if showcase { 1 } else { rng.gen_range(0..3) },
            ensemble: ["BAND", "CHORUS", "ORCH"].choose(rng).unwrap_or(&"BAND"),
            fourth_math: showcase || rng.gen_bool((0.7 + ability * 0.15).clamp(0.4, 0.97)),
        }
    }

    fn build(&mut self) {
        let grade = self.s.grade;
        if grade < 8 {
            self.status(None, "none");
            return;
        }
        let profile = self.profile();
        let seed: u64 = self.gen.rng.gen();
        let planner = |catalog| Planner {
            catalog,
            profile,
            rng: ChaCha8Rng::seed_from_u64(seed),
        };
        // What actually happened (and the plan kept up with it).
        let mut p = planner(self.catalog);
        let mut record = Record::default();
        let mut years: Vec<(u8, Vec<&'static str>)> = Vec::with_capacity(5);
        let mut failed = false;
        let g8 = p.grade8(&mut record);
        if grade > 8 && !g8.is_empty() {
            failed |= self.complete_year(8, &g8, profile, &mut record);
        }
        years.push((8, g8));
        for g in 9..=12u8 {
            let courses = p.year(g, &mut record);
            match i32::from(g).cmp(&grade) {
                std::cmp::Ordering::Less => failed |= self.complete_year(g, &courses, profile, &mut record),
                std::cmp::Ordering::Equal => self.under_way(g, &courses),
                std::cmp::Ordering::Greater => {}
            }
            years.push((g, courses));
        }
        // The plan as first laid out, before any failure.
        let original = if failed {
            let mut p = planner(self.catalog);
            let mut record = Record::default();
            let mut years = vec![(8, p.grade8(&mut record))];
            years.extend((9..=12u8).map(|g| (g, p.year(g, &mut record))));
            Some(years)
        } else {
            None
        };
        self.plan(&years, original.as_deref());
    }

    /// Marks for a completed year; returns whether a course was failed.
    fn complete_year(&mut self, grade: u8, courses: &[&'static str], profile: Profile, record: &mut Record) -> bool {
        let year = self.school_year_of(grade);
        let june = self.cal.day(year.0, Month::June, 22);
        let mut failed = false;
        let mut semester = 0;
        let no_fail = self.s.showcase.is_some();
        // A year's swing: some years go better than others, grade 9 is
        // hard, and about one student in six struggles for a year.
        let struggling = if self.chance(0.16) {
            self.gen.rng.gen_range(0.3..1.3)
        } else {
            0.0
        };
        let swing = self.gen.rng.gen_range(-0.3..0.3) - struggling - if grade == 9 { 0.3 } else { 0.0 };
        for &code in courses {
            let Some(c) = self.catalog.get(code) else { continue };
            let credits = c.course.credits.hundredths();
            let rigor = c.course.rigor;
            let term = match c.course.term_length {
                TermLength::Year => Term::Year,
                TermLength::Quarter => Term::Quarter1,
                TermLength::Semester => {
                    semester += 1;
                    if semester % 2 == 1 {
                        Term::Semester1
                    } else {
                        Term::Semester2
                    }
                }
            };
            let penalty = match rigor {
                Rigor::Honors => 0.15,
                Rigor::Ap | Rigor::Ib | Rigor::DualCredit | Rigor::EarlyCollege => 0.3,
                Rigor::Standard | Rigor::Cte => 0.0,
            };
            let score = 2.95 + 0.8 * profile.ability + swing - penalty + self.gen.rng.gen_range(-1.0..1.0) * 0.9;
            let mark = letter(if no_fail { score.max(1.9) } else { score });
            let at = self.cal.at(june, self.gen.rng.gen_range(0..600));
            if mark != "F" {
                self.entry(code, year, term, grade, Some(mark), credits, credits, at);
                continue;
            }
            failed = true;
            let lost = if term == Term::Year && self.chance(0.5) {
                // One semester failed, the other passed: half the credit.
                let pass = letter(self.gen.rng.gen_range(1.0..2.4));
                let (s1, s2) = if self.chance(0.5) { ("F", pass) } else { (pass, "F") };
                let earned = |m: &str| if m == "F" { 0 } else { credits / 2 };
                self.entry(
                    code,
                    year,
                    Term::Semester1,
                    grade,
                    Some(s1),
                    credits / 2,
                    earned(s1),
                    at,
                );
                self.entry(
                    code,
                    year,
                    Term::Semester2,
                    grade,
                    Some(s2),
                    credits / 2,
                    earned(s2),
                    at,
                );
                credits / 2
            } else {
                self.entry(code, year, term, grade, Some("F"), credits, 0, at);
                credits
            };
            let english = c.course.has_tag("english") && c.course.core;
            let recovery = if english {
                0.7
            } else if c.course.core {
                0.45
            } else {
                0.15
            };
            if self.chance(recovery) {
                // Summer credit recovery: pass/fail, the credit made up.
                let july = self.cal.day(year.0, Month::August, 4);
                let at = self.cal.at(july, self.gen.rng.gen_range(0..600));
                self.entry(code, year, Term::Summer, grade, Some("P"), lost, lost, at);
                continue;
            }
            if lost == credits {
                // Not passed: to be taken again.
                record.met.remove(code);
                record.taken.remove(schedule::base(code));
            }
            match c.course.subject_area {
                SubjectArea::Humanities => record.lost_humanities += lost,
                SubjectArea::Stem => record.lost_stem += lost,
                _ => {}
            }
        }
        failed
    }

    /// This year's courses: the year-long and first-semester ones under way.
    fn under_way(&mut self, grade: u8, courses: &[&'static str]) {
        let year = self.cal.year;
        let fall = self.cal.day(year.0 - 1, Month::August, 27);
        let mut semester = 0;
        for &code in courses {
            let Some(c) = self.catalog.get(code) else { continue };
            let term = match c.course.term_length {
                TermLength::Year => Term::Year,
                TermLength::Quarter => Term::Quarter1,
                TermLength::Semester => {
                    semester += 1;
                    if semester % 2 == 0 {
                        // Spring's: not on the transcript yet.
                        continue;
                    }
                    Term::Semester1
                }
            };
            let credits = c.course.credits.hundredths();
            let at = self.cal.at(fall, self.gen.rng.gen_range(0..600));
            self.entry(code, year, term, grade, None, credits, 0, at);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn entry(
        &mut self,
        code: &'static str,
        year: SchoolYear,
        term: Term,
        grade: u8,
        mark: Option<&'static str>,
        attempted: u32,
        earned: u32,
        at: OffsetDateTime,
    ) {
        let Some(c) = self.catalog.get(code) else { return };
        let id = self.gen.ids.next();
        self.batch.transcript.push(TranscriptEntryBulkRow {
            id,
            district_id: self.ctx.district_id,
            student_id: self.s.id,
            course_code: code,
            title: c.title,
            school_year: year.0,
            term: term.key(),
            grade_level: Some(i32::from(grade)),
            mark,
            credits_attempted: attempted as i32,
            credits_earned: earned as i32,
            rigor: c.rigor,
            updated_at: at,
        });
        self.entries.push(TranscriptEntry {
            course_code: c.course.code.clone(),
            title: c.title.to_owned(),
            school_year: year,
            term,
            grade_level: Some(grade),
            mark: mark.map(str::to_owned),
            credits_attempted: Credits(attempted),
            credits_earned: Credits(earned),
            rigor: c.course.rigor,
            subject_area: None,
        });
    }

    /// The course plan's versions and the stored standing.
    fn plan(&mut self, years: &[(u8, Vec<&'static str>)], original: Option<&[(u8, Vec<&'static str>)]>) {
        let grade = self.s.grade;
        let showcase = self.s.showcase;
        let has_plan = showcase.is_some()
            || self.chance(match grade {
                8 => 0.72,
                9 => 0.9,
                10 => 0.93,
                11 => 0.95,
                _ => 0.96,
            });
        if !has_plan {
            self.status(None, "none");
            return;
        }
        // The years the plan covers: from grade 8 on for this year's
        // eighth graders; upper classes started theirs in grade 8 or 9.
        let first = if grade <= 9 || self.chance(0.6) { 8 } else { 9 };
        let mut current = stored(years, first);
        // A plan not brought up to date after a failure still shows the
        // courses as first laid out.
        let stale = original.is_some() && self.chance(0.45);
        if let (true, Some(o)) = (stale, original) {
            current = stored(o, first);
        }
        let mut status = match (grade, self.gen.rng.gen_range(0..100)) {
            (8, 0..=44) | (9..=12, 0..=21) => "draft",
            (8, 45..=69) | (9..=12, 22..=33) => "submitted",
            (8, 70..=74) | (9..=12, 34..=40) => "returned",
            _ => "approved",
        };
        match showcase {
            Some(ShowcaseRole::Student) => status = "submitted",
            Some(ShowcaseRole::Sibling) => status = "approved",
            None => {}
        }
        // A draft the student has not finished: the last year still empty.
        if status == "draft" && grade <= 9 && self.chance(0.15) {
            current = current
                .lines()
                .filter(|l| !l.starts_with("12="))
                .collect::<Vec<_>>()
                .join("\n");
        }
        // An earlier approved version: a plan changed since its approval.
        let earlier_approved =
            showcase == Some(ShowcaseRole::Student) || (status != "approved" && grade >= 10 && self.chance(0.35));
        let created = {
            let y = if grade <= 9 {
                self.cal.year.0 - 1
            } else {
                self.cal.year.0 - 1 - (grade - 9).min(1)
            };
            let day = self.cal.day(y, Month::February, 1) + Duration::days(self.gen.rng.gen_range(0..90));
            self.cal.at(day, self.gen.rng.gen_range(0..600))
        };
        let mut version = 1;
        if earlier_approved {
            let old = match (showcase, original) {
                (Some(ShowcaseRole::Student), _) => {
                    // Camila swapped a grade-12 elective since approval.
                    let mut years = years.to_vec();
                    if let Some((_, y12)) = years.iter_mut().find(|(g, _)| *g == 12) {
                        y12.pop();
                        y12.push("LEAD");
                    }
                    stored(&years, first)
                }
                (_, Some(o)) if !stale => stored(o, first),
                _ => current.clone(),
            };
            let decided = created + Duration::days(self.gen.rng.gen_range(10..40));
            let acknowledged = decided + Duration::days(self.gen.rng.gen_range(1..20));
            let guardian = self.s.guardians.iter().find(|g| g.educational_rights).map(|g| g.id);
            self.push_plan(
                version,
                "approved",
                old,
                "",
                created,
                Some(decided),
                guardian.map(|g| (g, acknowledged)),
            );
            version += 1;
        }
        let since = if earlier_approved {
            self.cal.day(self.cal.year.0 - 1, Month::September, 10)
        } else {
            created.date()
        };
        let updated_day = since
            + Duration::days(
                self.gen
                    .rng
                    .gen_range(0..((self.cal.today - since).whole_days().max(1))),
            );
        let updated = self.cal.at(updated_day, self.gen.rng.gen_range(0..600));
        let created_at = if earlier_approved { updated } else { created };
        let (comment, decided) = match status {
            "returned" => {
                let (en, es) = *RETURN_COMMENTS.choose(&mut self.gen.rng).unwrap_or(&RETURN_COMMENTS[0]);
                (if self.s.spanish && self.chance(0.5) { es } else { en }, true)
            }
            "approved" => (*APPROVE_COMMENTS.choose(&mut self.gen.rng).unwrap_or(&""), true),
            _ => ("", false),
        };
        let decided_at = decided
            .then(|| (updated + Duration::days(self.gen.rng.gen_range(2..20))).min(self.cal.now - Duration::hours(1)));
        let acknowledgement = if status == "approved" && self.chance(0.6) {
            self.s
                .guardians
                .iter()
                .find(|g| g.educational_rights)
                .zip(decided_at)
                .map(|(g, d)| {
                    (
                        g.id,
                        (d + Duration::days(self.gen.rng.gen_range(1..15))).min(self.cal.now - Duration::minutes(30)),
                    )
                })
        } else {
            None
        };
        self.push_plan_full(
            version,
            status,
            current.clone(),
            comment,
            created_at,
            updated,
            decided_at,
            acknowledgement,
        );
        self.status(Some(&current), status);
    }

    #[allow(clippy::too_many_arguments)]
    fn push_plan(
        &mut self,
        version: i32,
        status: &'static str,
        years: String,
        comment: &'static str,
        created: OffsetDateTime,
        decided: Option<OffsetDateTime>,
        acknowledged: Option<(Uuid, OffsetDateTime)>,
    ) {
        let updated = decided.unwrap_or(created);
        self.push_plan_full(version, status, years, comment, created, updated, decided, acknowledged);
    }

    #[allow(clippy::too_many_arguments)]
    fn push_plan_full(
        &mut self,
        version: i32,
        status: &'static str,
        years: String,
        comment: &'static str,
        created_at: OffsetDateTime,
        updated_at: OffsetDateTime,
        decided_at: Option<OffsetDateTime>,
        acknowledged: Option<(Uuid, OffsetDateTime)>,
    ) {
        let id = self.gen.ids.next();
        self.batch.plans.push(CoursePlanBulkRow {
            id,
            district_id: self.ctx.district_id,
            student_id: self.s.id,
            version,
            status,
            years,
            comment,
            decided_by: decided_at.map(|_| self.s.manager),
            decided_at,
            acknowledged_by: acknowledged.map(|a| a.0),
            acknowledged_at: acknowledged.map(|a| a.1),
            created_at,
            updated_at: updated_at.max(created_at),
        });
    }

    /// The stored standing, as the app's status refresh computes it: for a
    /// high-school student with a transcript, the audit of transcript and
    /// newest plan, on track to graduate and grade-9 on track.
    fn status(&mut self, plan: Option<&str>, plan_status: &'static str) {
        let class_of = self.class_of();
        let (on_track, grade9) = if self.s.grade >= 9 && !self.entries.is_empty() {
            // In the order the app reads the transcript.
            self.entries.sort_by(|a, b| {
                (a.school_year, a.term.key(), &a.course_code).cmp(&(b.school_year, b.term.key(), &b.course_code))
            });
            let plan = plan.map(|p| from_stored(class_of, p));
            let set = connecticut_default(class_of);
            let a = audit(&AuditInput {
                set: &set,
                catalog: &self.catalog.catalog,
                transcript: &self.entries,
                plan: plan.as_ref(),
                capstone_passed: self.capstone_passed,
                as_of: self.cal.today,
            });
            let g9 = grade9_on_track(
                &self.entries,
                &self.catalog.catalog,
                self.scale,
                class_of,
                self.cal.today,
                &Grade9Rule::default(),
            );
            (
                Some(on_track_to_graduate(&a, class_of, self.cal.today).on_track),
                Some(g9.on_track),
            )
        } else {
            (None, None)
        };
        self.batch.statuses.push(AcademicStatusBulkRow {
            student_id: self.s.id,
            district_id: self.ctx.district_id,
            on_track,
            grade9_on_track: grade9,
            plan_status,
            refreshed_at: self.cal.now,
        });
    }
}

/// A letter mark from a score on the 4-point scale.
fn letter(score: f64) -> &'static str {
    match score {
        s if s >= 4.25 => "A+",
        s if s >= 3.8 => "A",
        s if s >= 3.5 => "A-",
        s if s >= 3.2 => "B+",
        s if s >= 2.85 => "B",
        s if s >= 2.5 => "B-",
        s if s >= 2.2 => "C+",
        s if s >= 1.85 => "C",
        s if s >= 1.5 => "C-",
        s if s >= 1.25 => "D+",
        s if s >= 1.0 => "D",
        s if s >= 0.8 => "D-",
        _ => "F",
    }
}

/// The plan's stored form (the app's `to_stored`): one line per grade from
/// `first` on, `9=ENG9,ALG1`; a year without courses is left out.
fn stored(years: &[(u8, Vec<&'static str>)], first: u8) -> String {
    years
        .iter()
        .filter(|(g, c)| *g >= first && !c.is_empty())
        .map(|(g, c)| format!("{g}={}", c.join(",")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The stored form read back as the app reads it (`from_stored`).
fn from_stored(class_of: i32, s: &str) -> CoursePlan {
    CoursePlan {
        class_of,
        years: s
            .lines()
            .filter_map(|l| l.split_once('='))
            .filter_map(|(g, c)| PlanYear::parse(g, c).ok())
            .collect(),
    }
}
