//! One school's rows — its students and their families, courses, classes,
//! enrollments and staff — built in memory as a [`Batch`] and then loaded
//! with the bulk inserts, so only one school is ever held at a time.

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use ssp_db::repo::bulk::{
    self, AccountRow, ClassRow, CourseRow, DemographicsRow, EnrollmentRow, GuardianLinkRow, PersonRow, StaffRow,
    StudentRow,
};
use ssp_db::repo::team::{self, PlanManagerBulkRow, TeamRow};
use ssp_db::{DbError, Tx};
use ssp_domain::{GradeLevel, SchoolYear};
use time::{Date, Duration, Month, OffsetDateTime};
use uuid::Uuid;

use crate::academics::{self, AcademicBatch, AcademicGen, DemoCatalog};
use crate::career::{self, CareerBatch, CareerGen};
use crate::district::{DistrictPlan, Level, SchoolPlan};
use crate::ids::{state_student_id, IdGen, SourceIds};
use crate::names::Given;
use crate::people::{family_name, given_name, Culture, Made, NewPerson, Sex};
use crate::plans::{self, PlanBatch, PlanCtx, PlanGen, PlanGuardian, PlanStudent, SchoolStaff, ShowcaseRole};
use crate::portfolio::{self, PortfolioBatch, PortfolioGen};
use crate::schedule::{assign_teachers, course, plan_grade, DEPARTMENTS, ENGLISH, PERIODS};
use crate::showcase;
use crate::support::{self, SupportBatch, SupportGen};
use crate::DemoSummary;

/// Share of families that speak Spanish at home.
const SPANISH_SPEAKING_FAMILIES: f64 = 0.20;
/// Share of students who join an older or younger sibling's family.
const SIBLING_SHARE: f64 = 0.08;
const STUDENTS_PER_COUNSELOR: u32 = 350;
const GUARDIAN_EMAIL_DOMAIN: &str = "example.com";

/// The seeded state that runs through the whole generation.
pub(crate) struct Gen {
    pub rng: ChaCha8Rng,
    pub ids: IdGen,
    pub seed: u64,
    pub accounts_made: u64,
    pub students_made: u64,
}

/// The semester every class is scheduled in: the one `today` falls in (or
/// the coming one), so "current classes" are never empty.
pub(crate) struct Term {
    pub id: Uuid,
    pub start: Date,
    pub end: Date,
}

/// What the schools of one district share.
pub(crate) struct DistrictCtx<'p> {
    pub plan: &'p DistrictPlan,
    pub id: Uuid,
    pub school_year: SchoolYear,
    pub today: Date,
    /// When the demo is generated (`today`, 08:00 UTC).
    pub now: OffsetDateTime,
    pub term: Term,
    pub src: SourceIds,
}

/// Rows ready for the bulk inserts, in foreign-key order.
#[derive(Default)]
pub(crate) struct Batch {
    pub courses: Vec<CourseRow>,
    pub classes: Vec<ClassRow>,
    pub persons: Vec<PersonRow>,
    pub students: Vec<StudentRow>,
    /// Sex and race/ethnicity, kept apart for the fairness audit.
    pub demographics: Vec<DemographicsRow>,
    pub guardian_links: Vec<GuardianLinkRow>,
    pub staff: Vec<StaffRow>,
    pub enrollments: Vec<EnrollmentRow>,
    pub accounts: Vec<AccountRow>,
    pub team: Vec<TeamRow>,
    pub plan_managers: Vec<PlanManagerBulkRow>,
    /// The students' plan content, loaded after the people.
    pub plans: PlanBatch,
    /// Their career content, loaded after the plans.
    pub career: CareerBatch,
    /// Their transcripts, course plans and academic standing.
    pub academics: AcademicBatch,
    /// Their portfolios, experiences and capstones.
    pub portfolio: PortfolioBatch,
    /// Their indicator data, needs and interventions.
    pub support: SupportBatch,
    pub guardian_people: u64,
    pub staff_people: u64,
}

impl Batch {
    pub(crate) async fn insert(&self, tx: &mut Tx, password_hash: &str, now: OffsetDateTime) -> Result<(), DbError> {
        bulk::courses(tx, &self.courses, now).await?;
        bulk::classes(tx, &self.classes, now).await?;
        bulk::persons(tx, &self.persons, now).await?;
        bulk::students(tx, &self.students, now).await?;
        bulk::student_demographics(tx, &self.demographics, now).await?;
        bulk::guardian_links(tx, &self.guardian_links, now).await?;
        bulk::staff_assignments(tx, &self.staff, now).await?;
        bulk::enrollments(tx, &self.enrollments, now).await?;
        team::bulk_plan_managers(tx, &self.plan_managers, now).await?;
        team::bulk_team(tx, &self.team, now).await?;
        bulk::accounts(tx, &self.accounts, password_hash, now).await?;
        self.plans.insert(tx, now).await?;
        self.career.insert(tx).await?;
        self.academics.insert(tx).await?;
        self.portfolio.insert(tx).await?;
        self.support.insert(tx, now).await
    }

    pub(crate) fn tally(&self, summary: &mut DemoSummary) {
        summary.students += self.students.len() as u64;
        summary.guardians += self.guardian_people;
        summary.staff += self.staff_people;
        summary.classes += self.classes.len() as u64;
        summary.enrollments += self.enrollments.len() as u64;
        summary.accounts += self.accounts.len() as u64;
        self.plans.tally(summary);
        self.career.tally(summary);
        self.academics.tally(summary);
        self.portfolio.tally(summary);
        self.support.tally(summary);
    }
}

struct FamilyGuardian {
    id: Uuid,
    relationship: &'static str,
    educational_rights: bool,
    household: i32,
    contact_language: &'static str,
}

struct Family {
    name: &'static str,
    culture: Culture,
    language: &'static str,
    guardians: Vec<FamilyGuardian>,
    /// Bit `g` is set once a child in grade `g` belongs to the family.
    grades: u16,
    showcase: bool,
}

/// A district's content generators, each on its own random stream: plans,
/// career records, portfolios and academic records (with the catalog).
pub(crate) struct ContentGen {
    pub plans: PlanGen,
    pub career: CareerGen,
    pub portfolio: PortfolioGen,
    pub support: SupportGen,
    pub academics: AcademicGen,
    pub catalog: DemoCatalog,
}

/// Builds one school's batch, its students' plans included. Staff
/// assignments point at `school_id`.
pub(crate) fn build_school(
    gen: &mut Gen,
    content: &mut ContentGen,
    ctx: &mut DistrictCtx<'_>,
    school: &SchoolPlan,
    school_id: Uuid,
) -> Batch {
    let showcase = ctx.plan.number == 1 && school.number == 1 && school.level == Level::High;
    let mut b = SchoolBuilder {
        gen,
        ctx,
        school_id,
        batch: Batch::default(),
        families: Vec::new(),
    };
    b.batch.persons.reserve(school.students() as usize * 5 / 2 + 100);
    b.batch.accounts.reserve(school.students() as usize * 5 / 2 + 100);
    b.batch.enrollments.reserve(school.students() as usize * (PERIODS + 1));

    let mut showcase_student: Option<Made> = None;
    let mut showcase_sibling: Option<Uuid> = None;
    let mut grades: Vec<(i32, Vec<Uuid>)> = Vec::with_capacity(school.grade_sizes.len());
    for &(grade, size) in &school.grade_sizes {
        let mut ids = Vec::with_capacity(size as usize);
        for i in 0..size {
            let id = match (showcase, grade, i) {
                (true, showcase::GRADE, 0) => {
                    let made = b.showcase_student();
                    showcase_student = Some(made);
                    made.id
                }
                (true, showcase::SIBLING_GRADE, 0) if showcase_student.is_some() => {
                    let id = b.showcase_sibling();
                    showcase_sibling = Some(id);
                    id
                }
                _ => b.random_student(grade),
            };
            ids.push(id);
        }
        grades.push((grade, ids));
    }

    // Courses, sections and student enrollments; the showcase teacher is
    // whoever gets the English section the showcase student sits in.
    let mut section_slots: Vec<(usize, u8)> = Vec::new();
    let mut showcase_section = None;
    // Each student's English section (by index into the classes), whose
    // teacher writes into their plan.
    let mut english_section: std::collections::HashMap<Uuid, usize> =
        std::collections::HashMap::with_capacity(school.students() as usize);
    for (grade, ids) in &grades {
        let course_ids: Vec<Uuid> = (0..PERIODS).map(|dept| b.add_course(*grade, dept)).collect();
        for section in plan_grade(ids.len(), &mut b.gen.rng) {
            let members = section.members.iter().map(|&m| ids[m as usize]);
            b.add_class(
                *grade,
                section.department,
                course_ids[section.department],
                section.period,
                members,
            );
            if showcase && *grade == showcase::GRADE && section.department == ENGLISH && section.members.contains(&0) {
                showcase_section = Some(section_slots.len());
            }
            if section.department == ENGLISH {
                english_section.extend(section.members.iter().map(|&m| (ids[m as usize], section_slots.len())));
            }
            section_slots.push((section.department, section.period));
        }
    }
    let (teacher_of, teacher_count) = assign_teachers(&section_slots);
    let teachers: Vec<Made> = (0..teacher_count).map(|_| b.add_staff("teacher", 0.72)).collect();
    for (class, &teacher) in teacher_of.iter().enumerate() {
        let class_id = b.batch.classes[class].id;
        b.add_enrollment(class_id, teachers[teacher].id, "teacher");
    }

    let students = school.students();
    let counselor_count = ((students + STUDENTS_PER_COUNSELOR / 2) / STUDENTS_PER_COUNSELOR).max(1);
    let counselors: Vec<Made> = (0..counselor_count).map(|_| b.add_staff("counselor", 0.75)).collect();
    let school_admin = b.add_staff("school_admin", 0.55);
    let social_worker = b.add_staff("social_worker", 0.8);
    let nurse = b.add_staff("nurse", 0.9);
    let fps = b.add_staff("family_partnership_specialist", 0.75);
    let csc = b.add_staff("community_school_coordinator", 0.65);
    let mentors: Vec<Made> = (0..2 + students / 600)
        .map(|_| b.add_staff("mentor_advisor", 0.6))
        .collect();

    // Every student has a plan manager: a counselor of the school, in turn,
    // who is also on the student's SSP team as counselor; about one student
    // in eight also has a mentor on the team.
    let district_id = b.ctx.id;
    let mut n = 0usize;
    let mut plan_team: Vec<(Uuid, i32, Uuid, Option<Uuid>)> = Vec::with_capacity(school.students() as usize);
    for (grade, ids) in &grades {
        for &student in ids {
            let is_showcase = showcase_student.is_some_and(|m| m.id == student);
            let counselor = if is_showcase {
                counselors[0]
            } else {
                counselors[n % counselors.len()]
            };
            n += 1;
            let pm_id = b.gen.ids.next();
            b.batch.plan_managers.push(PlanManagerBulkRow {
                id: pm_id,
                district_id,
                student_id: student,
                staff_id: counselor.id,
            });
            let team_id = b.gen.ids.next();
            b.batch.team.push(TeamRow {
                id: team_id,
                district_id,
                student_id: student,
                staff_id: counselor.id,
                team_role: "counselor",
            });
            let mut student_mentor = None;
            if is_showcase || b.chance(0.125) {
                let mentor = if is_showcase {
                    mentors[0]
                } else {
                    mentors[b.gen.rng.gen_range(0..mentors.len())]
                };
                student_mentor = Some(mentor.id);
                let id = b.gen.ids.next();
                b.batch.team.push(TeamRow {
                    id,
                    district_id,
                    student_id: student,
                    staff_id: mentor.id,
                    team_role: "mentor_advisor",
                });
            }
            plan_team.push((student, *grade, counselor.id, student_mentor));
        }
    }

    let english_teacher = |student: Uuid| {
        english_section
            .get(&student)
            .map(|&class| teachers[teacher_of[class]].id)
    };
    let staff = SchoolStaff {
        nurse: nurse.id,
        social_worker: social_worker.id,
        fps: fps.id,
        csc: csc.id,
    };
    let plan_students = b.plan_students(&plan_team, english_teacher, |id| {
        if showcase_student.is_some_and(|m| m.id == id) {
            Some(ShowcaseRole::Student)
        } else if showcase_sibling == Some(id) {
            Some(ShowcaseRole::Sibling)
        } else {
            None
        }
    });
    let plan_ctx = PlanCtx {
        district_id,
        today: b.ctx.today,
        now: b.ctx.now,
    };
    b.batch.plans = plans::build_plans(&mut content.plans, &plan_ctx, &staff, &plan_students);
    b.batch.career = career::build_career(
        &mut content.career,
        &plan_ctx,
        &plan_students,
        &b.batch.plans.activities,
    );
    // The portfolio before the academic records: a passed capstone counts
    // in the stored standing.
    b.batch.portfolio = portfolio::build_portfolio(&mut content.portfolio, &plan_ctx, &plan_students, &b.batch.plans);
    b.batch.academics = academics::build_academics(
        &mut content.academics,
        &content.catalog,
        &plan_ctx,
        &plan_students,
        &b.batch.portfolio.passed,
    );
    b.batch.support = support::build_support(
        &mut content.support,
        &plan_ctx,
        &staff,
        &plan_students,
        &content.catalog,
        &b.batch.academics.transcript,
    );

    if showcase {
        if let Some(section) = showcase_section {
            b.batch.rename(teachers[teacher_of[section]], showcase::TEACHER);
        }
        b.batch.rename(counselors[0], showcase::COUNSELOR);
        b.batch.rename(school_admin, showcase::SCHOOL_ADMIN);
        b.batch.rename(social_worker, showcase::SOCIAL_WORKER);
        b.batch.rename(nurse, showcase::NURSE);
        b.batch.rename(fps, showcase::FPS);
        b.batch.rename(csc, showcase::CSC);
        b.batch.rename(mentors[0], showcase::MENTOR);
    }
    b.batch
}

/// The district office: its district administrators.
pub(crate) fn build_district_office(gen: &mut Gen, ctx: &mut DistrictCtx<'_>) -> Batch {
    let district_id = ctx.id;
    let mut b = SchoolBuilder {
        gen,
        ctx,
        school_id: district_id,
        batch: Batch::default(),
        families: Vec::new(),
    };
    let admins = if b.ctx.plan.students >= 20_000 { 2 } else { 1 };
    let first = b.add_staff("district_admin", 0.5);
    for _ in 1..admins {
        b.add_staff("district_admin", 0.5);
    }
    if b.ctx.plan.number == 1 {
        b.batch.rename(first, showcase::DISTRICT_ADMIN);
    }
    b.batch
}

struct SchoolBuilder<'g, 'c, 'p> {
    gen: &'g mut Gen,
    ctx: &'c mut DistrictCtx<'p>,
    /// The org staff are assigned to (the district, for the district office).
    school_id: Uuid,
    batch: Batch,
    families: Vec<Family>,
}

impl SchoolBuilder<'_, '_, '_> {
    fn rng(&mut self) -> &mut ChaCha8Rng {
        &mut self.gen.rng
    }

    fn chance(&mut self, p: f64) -> bool {
        self.gen.rng.gen_bool(p)
    }

    /// What the plan content needs to know about each student, from the
    /// rows already built: (student, grade, plan manager, mentor).
    fn plan_students(
        &self,
        team: &[(Uuid, i32, Uuid, Option<Uuid>)],
        teacher: impl Fn(Uuid) -> Option<Uuid>,
        showcase: impl Fn(Uuid) -> Option<ShowcaseRole>,
    ) -> Vec<PlanStudent> {
        use std::collections::HashMap;
        let spanish: HashMap<Uuid, bool> = self
            .batch
            .persons
            .iter()
            .map(|p| (p.id, p.preferred_language == "es"))
            .collect();
        let born: HashMap<Uuid, Date> = self
            .batch
            .students
            .iter()
            .map(|s| (s.person_id, s.birth_date))
            .collect();
        let mut guardians: HashMap<Uuid, Vec<PlanGuardian>> = HashMap::new();
        for link in &self.batch.guardian_links {
            guardians.entry(link.student_id).or_default().push(PlanGuardian {
                id: link.guardian_id,
                educational_rights: link.educational_rights,
                spanish: link.contact_language == "es",
            });
        }
        let today = self.ctx.today;
        let eighteen = today.replace_year(today.year() - 18).unwrap_or(today);
        team.iter()
            .map(|&(id, grade, manager, mentor)| PlanStudent {
                id,
                grade,
                spanish: spanish.get(&id).copied().unwrap_or(false),
                adult: born.get(&id).is_some_and(|&b| b <= eighteen),
                manager,
                mentor,
                teacher: teacher(id),
                guardians: guardians.remove(&id).unwrap_or_default(),
                showcase: showcase(id),
            })
            .collect()
    }

    fn random_student(&mut self, grade: i32) -> Uuid {
        let family = self.pick_or_make_family(grade);
        let (culture, family_language, name) = {
            let f = &self.families[family];
            (f.culture, f.language, f.name)
        };
        let sex = Sex::random(self.rng(), 0.5);
        // Many children of Spanish-named, English-speaking families have
        // English given names.
        let given_culture = if culture == Culture::Spanish && family_language == "en" && self.chance(0.35) {
            Culture::English
        } else {
            culture
        };
        let (given, nickname) = given_name(self.rng(), given_culture, sex);
        let preferred = if self.chance(0.12) { nickname } else { None };
        let pronouns = if self.chance(0.03) {
            Some("they/them")
        } else if self.chance(0.3) {
            Some(sex.pronouns())
        } else {
            None
        };
        let language = if family_language == "es" && self.chance(0.35) {
            "es"
        } else {
            "en"
        };
        let birth_date = self.birth_date(grade);
        let made = self.add_student((given, preferred), name, pronouns, language, grade, birth_date);
        self.add_demographics(made.id, sex, culture);
        self.link_family(family, made.id, grade);
        made.id
    }

    /// The student's sex and race/ethnicity as a roster would carry them,
    /// at about the national public-school shares (NCES). Drawn from the
    /// student's id, not the generator's stream, and never read by
    /// anything but the fairness audit: no flag depends on them.
    fn add_demographics(&mut self, student: Uuid, sex: Sex, culture: Culture) {
        // splitmix64 of the id: a fixed draw in [0, 1) per student and use.
        let draw = |salt: u64| {
            let mut z = (student.as_u128() as u64) ^ ((student.as_u128() >> 64) as u64) ^ salt;
            z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            (z ^ (z >> 31)) as f64 / (u64::MAX as f64 + 1.0)
        };
        let sex = match sex {
            Sex::Female => "female",
            Sex::Male => "male",
        };
        let (race, share) = (draw(2), draw(3));
        let race_ethnicity = if culture == Culture::Spanish && race < 0.92 {
            "hispanic_latino"
        } else {
            // The shares of students who are not Hispanic or Latino.
            [
                (0.615, "white"),
                (0.825, "black_african_american"),
                (0.895, "asian"),
                (0.965, "two_or_more"),
                (0.979, "american_indian_alaska_native"),
                (0.985, "native_hawaiian_pacific_islander"),
                (1.0, "not_reported"),
            ]
            .iter()
            .find(|(upto, _)| share < *upto)
            .map_or("not_reported", |(_, r)| r)
        };
        self.batch.demographics.push(DemographicsRow {
            student_id: student,
            district_id: self.ctx.id,
            sex: Some(sex),
            race_ethnicity,
        });
    }

    fn pick_or_make_family(&mut self, grade: i32) -> usize {
        if !self.families.is_empty() && self.chance(SIBLING_SHARE) {
            let i = self.gen.rng.gen_range(0..self.families.len());
            let f = &self.families[i];
            if !f.showcase && f.grades & (1 << grade) == 0 {
                return i;
            }
        }
        self.make_family()
    }

    fn make_family(&mut self) -> usize {
        let language = if self.chance(SPANISH_SPEAKING_FAMILIES) {
            "es"
        } else {
            "en"
        };
        let culture = if language == "es" || self.chance(0.12) {
            Culture::Spanish
        } else {
            Culture::English
        };
        let name = family_name(self.rng(), culture);
        let shape = self.gen.rng.gen_range(0..100);
        let mut guardians = Vec::with_capacity(2);

        let first_sex = Sex::random(self.rng(), 0.7);
        let first_relationship = match self.gen.rng.gen_range(0..100) {
            0..=87 => "parent",
            88..=94 => "guardian",
            _ => "relative",
        };
        let first_family = if first_relationship == "parent" || self.chance(0.5) {
            name
        } else {
            family_name(self.rng(), culture)
        };
        let first = self.add_guardian(culture, first_sex, first_family, language);
        guardians.push(FamilyGuardian {
            id: first,
            relationship: first_relationship,
            educational_rights: true,
            household: 1,
            contact_language: language,
        });

        if shape >= 30 {
            let two_households = shape >= 85;
            let sex = if self.chance(0.9) { first_sex.other() } else { first_sex };
            let relationship = if two_households || self.chance(0.93) {
                "parent"
            } else {
                "relative"
            };
            let keeps_name = if two_households {
                self.chance(0.4)
            } else {
                self.chance(0.65)
            };
            let family = if keeps_name {
                name
            } else {
                family_name(self.rng(), culture)
            };
            let educational_rights = match relationship {
                "parent" => !two_households || self.chance(0.85),
                _ => false,
            };
            let second = self.add_guardian(culture, sex, family, language);
            guardians.push(FamilyGuardian {
                id: second,
                relationship,
                educational_rights,
                household: if two_households { 2 } else { 1 },
                contact_language: language,
            });
        }
        self.families.push(Family {
            name,
            culture,
            language,
            guardians,
            grades: 0,
            showcase: false,
        });
        self.families.len() - 1
    }

    fn add_guardian(&mut self, culture: Culture, sex: Sex, family: &'static str, language: &'static str) -> Uuid {
        let (given, nickname) = given_name(self.rng(), culture, sex);
        let preferred = if self.chance(0.05) { nickname } else { None };
        let email_domain = self.chance(0.65).then_some(GUARDIAN_EMAIL_DOMAIN);
        let phone = self.chance(0.9);
        let source_id = self.ctx.src.guardian();
        let district_id = self.ctx.id;
        self.batch.guardian_people += 1;
        let made = self.batch.add_person(
            self.gen,
            district_id,
            NewPerson {
                source_id,
                given,
                family,
                preferred,
                pronouns: None,
                language,
                email_domain,
                phone,
                ui_language: (language == "es").then_some("es"),
            },
        );
        made.id
    }

    fn link_family(&mut self, family: usize, student: Uuid, grade: i32) {
        let district_id = self.ctx.id;
        let f = &mut self.families[family];
        f.grades |= 1 << grade;
        for g in &f.guardians {
            self.batch.guardian_links.push(GuardianLinkRow {
                id: self.gen.ids.next(),
                district_id,
                student_id: student,
                guardian_id: g.id,
                relationship: g.relationship,
                educational_rights: g.educational_rights,
                contact_language: g.contact_language,
                household: g.household,
            });
        }
    }

    fn add_student(
        &mut self,
        (given, preferred): Given,
        family: &'static str,
        pronouns: Option<&'static str>,
        language: &'static str,
        grade: i32,
        birth_date: Date,
    ) -> Made {
        let (source_id, number) = self.ctx.src.student();
        let district_id = self.ctx.id;
        let made = self.batch.add_person(
            self.gen,
            district_id,
            NewPerson {
                source_id,
                given,
                family,
                preferred,
                pronouns,
                language,
                email_domain: None,
                phone: false,
                ui_language: None,
            },
        );
        let state_number = self.gen.students_made;
        self.gen.students_made += 1;
        let graduation_year = match GradeLevel::new(grade.into()) {
            Ok(level) => self.ctx.school_year.graduation_year_for(level),
            Err(_) => self.ctx.school_year.0 + 12 - grade,
        };
        self.batch.students.push(StudentRow {
            person_id: made.id,
            district_id,
            school_id: self.school_id,
            state_student_id: state_student_id(state_number, self.gen.seed),
            local_id: format!("{}{number:06}", self.ctx.plan.number),
            grade_level: grade,
            graduation_year,
            birth_date,
        });
        made
    }

    /// A birth date that fits `grade`: old enough by September 1 of the
    /// school year, with a few students a year older (so some seniors are
    /// already 18 early in the year, and a few juniors too).
    fn birth_date(&mut self, grade: i32) -> Date {
        let fall = self.ctx.school_year.0 - 1;
        let youngest = Date::from_calendar_date(fall - (grade + 5), Month::September, 1).unwrap_or(self.ctx.today);
        let held_back = if self.chance(0.04) { 365 } else { 0 };
        youngest - Duration::days(self.gen.rng.gen_range(0..365) + held_back)
    }

    fn add_staff(&mut self, role: &'static str, female_share: f64) -> Made {
        let culture = if self.chance(0.2) {
            Culture::Spanish
        } else {
            Culture::English
        };
        let sex = Sex::random(self.rng(), female_share);
        let (given, nickname) = given_name(self.rng(), culture, sex);
        let family = family_name(self.rng(), culture);
        let preferred = if self.chance(0.1) { nickname } else { None };
        let pronouns = self.chance(0.5).then(|| sex.pronouns());
        let source_id = self.ctx.src.staff();
        let district_id = self.ctx.id;
        let plan = self.ctx.plan;
        let made = self.batch.add_person(
            self.gen,
            district_id,
            NewPerson {
                source_id,
                given,
                family,
                preferred,
                pronouns,
                language: "en",
                email_domain: Some(&plan.email_domain),
                phone: false,
                ui_language: None,
            },
        );
        self.batch.staff.push(StaffRow {
            id: self.gen.ids.next(),
            district_id,
            person_id: made.id,
            org_id: self.school_id,
            role,
        });
        self.batch.staff_people += 1;
        made
    }

    fn add_course(&mut self, grade: i32, department: usize) -> Uuid {
        let spec = course(grade, department);
        let id = self.gen.ids.next();
        self.batch.courses.push(CourseRow {
            id,
            district_id: self.ctx.id,
            source_id: self.ctx.src.course(),
            org_id: self.school_id,
            title: spec.title.to_owned(),
            course_code: spec.code.to_owned(),
            grades: format!("{grade:02}"),
            subjects: DEPARTMENTS[department].to_owned(),
        });
        id
    }

    fn add_class(
        &mut self,
        grade: i32,
        department: usize,
        course_id: Uuid,
        period: u8,
        members: impl Iterator<Item = Uuid>,
    ) {
        let spec = course(grade, department);
        let id = self.gen.ids.next();
        let source_id = self.ctx.src.class();
        let class_code = format!("{}-{}", spec.code, &source_id[4..]);
        self.batch.classes.push(ClassRow {
            id,
            district_id: self.ctx.id,
            source_id,
            course_id,
            school_id: self.school_id,
            title: spec.title.to_owned(),
            class_code,
            periods: period.to_string(),
            term_id: self.ctx.term.id,
        });
        for student in members {
            self.add_enrollment(id, student, "student");
        }
    }

    fn add_enrollment(&mut self, class_id: Uuid, person_id: Uuid, role: &'static str) {
        self.batch.enrollments.push(EnrollmentRow {
            id: self.gen.ids.next(),
            district_id: self.ctx.id,
            source_id: self.ctx.src.enrollment(),
            class_id,
            person_id,
            role,
            is_primary: role == "teacher",
            begin_date: self.ctx.term.start,
            end_date: self.ctx.term.end,
        });
    }

    /// demo.student: a tenth grader with two parents in two households, one
    /// English-speaking and one Spanish-speaking.
    fn showcase_student(&mut self) -> Made {
        let district_id = self.ctx.id;
        let father = self.batch.add_person(
            self.gen,
            district_id,
            NewPerson {
                source_id: self.ctx.src.guardian(),
                given: "Michael",
                family: "Reyes",
                preferred: Some("Mike"),
                pronouns: Some("he/him"),
                language: "en",
                email_domain: Some(GUARDIAN_EMAIL_DOMAIN),
                phone: true,
                ui_language: Some("en"),
            },
        );
        self.batch.rename(father, showcase::GUARDIAN);
        let mother = self.batch.add_person(
            self.gen,
            district_id,
            NewPerson {
                source_id: self.ctx.src.guardian(),
                given: "Lucía",
                family: "Morales",
                preferred: None,
                pronouns: Some("she/her"),
                language: "es",
                email_domain: Some(GUARDIAN_EMAIL_DOMAIN),
                phone: true,
                ui_language: Some("es"),
            },
        );
        self.batch.rename(mother, showcase::GUARDIAN_ES);
        self.batch.guardian_people += 2;
        self.families.push(Family {
            name: "Reyes",
            culture: Culture::Spanish,
            language: "en",
            guardians: vec![
                FamilyGuardian {
                    id: father.id,
                    relationship: "parent",
                    educational_rights: true,
                    household: 1,
                    contact_language: "en",
                },
                FamilyGuardian {
                    id: mother.id,
                    relationship: "parent",
                    educational_rights: true,
                    household: 2,
                    contact_language: "es",
                },
            ],
            grades: 0,
            showcase: true,
        });
        let family = self.families.len() - 1;
        let fall = self.ctx.school_year.0 - 1;
        let birth = Date::from_calendar_date(fall - 16, Month::March, 14).unwrap_or(self.ctx.today);
        let made = self.add_student(
            ("Camila", Some("Cami")),
            "Reyes",
            Some("she/her"),
            "en",
            showcase::GRADE,
            birth,
        );
        self.add_demographics(made.id, Sex::Female, Culture::Spanish);
        self.link_family(family, made.id, showcase::GRADE);
        self.batch.rename(made, showcase::STUDENT);
        made
    }

    /// demo.student's older brother, a senior who is already 18, so the
    /// showcase parents see an adult child as well.
    fn showcase_sibling(&mut self) -> Uuid {
        let Some(family) = self.families.iter().position(|f| f.showcase) else {
            return self.random_student(showcase::SIBLING_GRADE);
        };
        // Eighteen years and about two months.
        let eighteen = self.ctx.today - Duration::days(6_574 + 61);
        let made = self.add_student(
            ("Mateo", None),
            "Reyes",
            Some("he/him"),
            "en",
            showcase::SIBLING_GRADE,
            eighteen,
        );
        self.add_demographics(made.id, Sex::Male, Culture::Spanish);
        self.link_family(family, made.id, showcase::SIBLING_GRADE);
        made.id
    }
}
