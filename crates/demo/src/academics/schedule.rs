//! A student's four-year program, year by year, as a counselor would lay it
//! out: seven one-credit slots a year (English, mathematics, science,
//! social studies, a world language or an elective, PE and health, arts or
//! electives), honors and AP where the student's record allows, the
//! prerequisite chains followed, and a pathway's courses for those in one.
//! Without failures the slots meet Connecticut's class-of-2027 rule (9
//! humanities, 9 STEM, 1 PE, 1 health, 1 world language, the capstone,
//! personal finance) with credits to spare; a credit lost to a failure is
//! made up in a later elective slot of the same category.

use std::collections::HashSet;

use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use ssp_domain::academics::course::{Rigor, SubjectArea};

use super::catalog::DemoCatalog;

/// Who the student is, as far as course choices go.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Profile {
    /// Roughly standard normal: decides marks and how often an honors or
    /// AP section is chosen.
    pub ability: f64,
    /// Took Algebra I (and often a language) in grade 8.
    pub accelerated: bool,
    /// Index into [`LANGUAGES`].
    pub language: usize,
    /// Years of the language (1–4).
    pub language_years: usize,
    pub pathway: Option<usize>,
    /// 0 music ensemble, 1 visual arts, 2 theater.
    pub arts: usize,
    /// The ensemble a music student stays in.
    pub ensemble: &'static str,
    pub fourth_math: bool,
}

/// Each language's sequence; at each step the first option the record
/// allows is taken (honors options by chance).
pub(crate) const LANGUAGES: [&[&[&str]]; 7] = [
    &[
        &["SPAN1"],
        &["SPAN2"],
        &["SPAN3H", "SPAN3"],
        &["APSPAN", "SPAN4H", "ECESPAN", "SPAN4"],
    ],
    &[&["SPANHS1"], &["SPANHS2"], &["ECESPAN"]],
    &[&["FREN1"], &["FREN2"], &["FREN3H", "FREN3"], &["APFREN", "FREN4"]],
    &[&["ITAL1"], &["ITAL2"], &["ITAL3"], &["ITAL4"]],
    &[&["CHIN1"], &["CHIN2"], &["CHIN3"], &["CHIN4"]],
    &[&["LAT1"], &["LAT2"], &["LAT3"], &["LAT4"]],
    &[&["ASL1"], &["ASL2"], &["ASL3"]],
];

const MATH: &[&str] = &[
    "MULTIV", "APCALCBC", "APCALCAB", "PRECH", "PREC", "ALG2H", "ALG2", "GEOH", "GEO", "ALG1", "APSTAT", "STAT",
    "ECESTAT", "QR", "FINALG",
];
const MUSIC: &[&str] = &["JAZZ", "MTHEORY", "APMUSIC", "GUITAR", "PIANO", "MUSTECH"];
const VISUAL: &[&str] = &[
    "ART1", "DRAW", "CERAM1", "PHOTO", "DRAW2", "CERAM2", "SCULPT", "PHOTO2", "GRAPHIC", "APART", "APARTH",
];
const THEATER: &[&str] = &["THEAT1", "THEAT2", "TECHTH", "DANCE", "VIDEO", "SPEECH"];
const HUMANITIES: &[&str] = &[
    "PSYCH", "SOCIOL", "AAPLS", "LAW", "GEOG", "HOLO", "CRWRIT", "JOURN", "SPEECH", "FILMLIT", "MYTH", "ECON",
    "APPSYCH", "APMACRO", "APEURO", "APWH", "YEARBK", "APSEM", "ECEHIST",
];
const STEM: &[&str] = &[
    "CS1", "WEBDEV", "ROBOT", "CAD", "ELECTR", "ASTRO", "FOREN", "MARBIO", "APCSP", "APCSA", "APSTAT", "DISCR",
    "GAMEDEV", "APENV", "ENVSCI", "EARTH",
];
const FREE: &[&str] = &[
    "STUDY", "LEAD", "PEER", "WBL", "AUTO1", "AUTO2", "CONST1", "CONST2", "WOOD", "MKTG", "NUTR", "CHILDDEV",
    "HCAREER", "CUL1", "ACCT1", "ENTRE", "STRENGTH", "YOGA", "TEAMSP", "LIFEFIT", "FIRSTAID",
];
/// Each pathway's courses in the order a student takes them.
pub(crate) const PATHWAY_COURSES: [&[&str]; 6] = [
    &["HCAREER", "MEDTERM", "SPMED", "BIOTECH", "FIRSTAID", "CNA"],
    &["IED", "CAD", "POE", "MACH1", "CIM", "EDD", "MACH2"],
    &["CS1", "WEBDEV", "APCSP", "NETW", "GAMEDEV", "APCSA", "ITSUP"],
    &["CHILDDEV", "PSYCH", "EDU1", "EDU2"],
    &["MKTG", "ACCT1", "ENTRE", "ACCT2", "SSTORE", "BUSLAW"],
    &["NUTR", "CUL1", "CUL2", "BAKE", "HOSP"],
];

/// The base course an honors or AP section stands in for: taking one
/// means not taking the other.
pub(crate) fn base(code: &str) -> &str {
    match code {
        "ENG9H" => "ENG9",
        "ENG10H" => "ENG10",
        "ENG11H" | "APLANG" => "ENG11",
        "ENG12H" | "APLIT" | "ECEENG" => "ENG12",
        "WHISTH" => "WHIST",
        "USHISTH" | "APUSH" => "USHIST",
        "APGOV" => "CIVICS",
        "GEOH" => "GEO",
        "ALG2H" => "ALG2",
        "PRECH" => "PREC",
        "APCALCBC" => "APCALCAB",
        "BIOH" => "BIO",
        "CHEMH" => "CHEM",
        "PHYSH" | "APPHYS1" => "PHYS",
        "SPAN3H" => "SPAN3",
        "SPAN4H" | "APSPAN" => "SPAN4",
        "FREN3H" => "FREN3",
        "APFREN" => "FREN4",
        c => c,
    }
}

/// What the record allows when a year is laid out.
#[derive(Default)]
pub(crate) struct Record {
    /// Passed, or scheduled in an earlier year still under way or ahead:
    /// meets a prerequisite.
    pub met: HashSet<&'static str>,
    /// The base codes taken (passed or scheduled): not taken again.
    pub taken: HashSet<&'static str>,
    /// Credits (hundredths) lost to failures and not made up yet.
    pub lost_humanities: u32,
    pub lost_stem: u32,
}

impl Record {
    pub(crate) fn schedule(&mut self, code: &'static str) {
        self.met.insert(code);
        self.taken.insert(base(code));
    }
}

/// Lays out years; its random choices come from its own stream, so the
/// same student laid out twice (with and without failures) chooses alike.
pub(crate) struct Planner<'c> {
    pub catalog: &'c DemoCatalog,
    pub profile: Profile,
    pub rng: ChaCha8Rng,
}

impl Planner<'_> {
    /// The chance of choosing an honors, AP or college section when the
    /// record allows it.
    fn rigor_chance(&self, rigor: Rigor) -> f64 {
        let a = self.profile.ability;
        let p = match rigor {
            Rigor::Honors => 1.0 / (1.0 + (-(a - 0.6) * 2.2).exp()),
            Rigor::Ap | Rigor::Ib | Rigor::DualCredit | Rigor::EarlyCollege => 1.0 / (1.0 + (-(a - 1.0) * 2.2).exp()),
            Rigor::Standard | Rigor::Cte => 1.0,
        };
        p.clamp(0.0, 1.0)
    }

    fn allowed(&self, code: &'static str, grade: u8, record: &Record, year: &[&'static str]) -> bool {
        let Some(c) = self.catalog.get(code) else { return false };
        c.course.open_to_grade(grade)
            && (c.course.repeatable || !record.taken.contains(base(code)))
            && !year.contains(&code)
            && c.course.prerequisites.iter().all(|p| record.met.contains(p.as_str()))
    }

    /// The first option the record allows, an honors or AP one by chance
    /// (and surely when nothing standard is left).
    fn pick(
        &mut self,
        grade: u8,
        options: &[&'static str],
        record: &Record,
        year: &[&'static str],
    ) -> Option<&'static str> {
        let valid: Vec<&'static str> = options
            .iter()
            .copied()
            .filter(|&c| self.allowed(c, grade, record, year))
            .collect();
        for &code in &valid {
            let rigor = self.catalog.get(code).map_or(Rigor::Standard, |c| c.course.rigor);
            let p = self.rigor_chance(rigor);
            if p >= 1.0 || self.rng.gen_bool(p) {
                return Some(code);
            }
        }
        valid.first().copied()
    }

    fn credits(&self, code: &str) -> u32 {
        self.catalog.get(code).map_or(0, |c| c.course.credits.hundredths())
    }

    /// Fills one credit from `pool` (shuffled unless `ordered`): a year
    /// course or two semesters.
    fn fill(
        &mut self,
        grade: u8,
        pool: &[&'static str],
        ordered: bool,
        record: &Record,
        year: &mut Vec<&'static str>,
    ) -> u32 {
        let mut options = pool.to_vec();
        if !ordered {
            options.shuffle(&mut self.rng);
        }
        let mut credits = 0;
        for code in options {
            if credits >= 100 {
                break;
            }
            let c = self.credits(code);
            if c == 0 || c > 100 - credits || !c.is_multiple_of(50) || !self.allowed(code, grade, record, year) {
                continue;
            }
            let rigor = self.catalog.get(code).map_or(Rigor::Standard, |c| c.course.rigor);
            let p = self.rigor_chance(rigor);
            if p < 1.0 && !self.rng.gen_bool(p) {
                continue;
            }
            year.push(code);
            credits += c;
        }
        credits
    }

    /// An elective credit: a lost credit made up first, then the pathway,
    /// then arts, humanities, STEM or anything.
    fn elective(&mut self, grade: u8, record: &mut Record, year: &mut Vec<&'static str>) {
        if record.lost_humanities >= 50 {
            let got = self.fill(grade, HUMANITIES, false, record, year);
            record.lost_humanities = record.lost_humanities.saturating_sub(got);
            return;
        }
        if record.lost_stem >= 50 {
            let got = self.fill(grade, STEM, false, record, year);
            record.lost_stem = record.lost_stem.saturating_sub(got);
            return;
        }
        if let Some(p) = self.profile.pathway {
            if self.rng.gen_bool(0.7) && self.fill(grade, PATHWAY_COURSES[p], true, record, year) > 0 {
                return;
            }
        }
        let got = match self.rng.gen_range(0..100) {
            0..=29 => self.arts(grade, record, year),
            30..=49 => self.fill(grade, HUMANITIES, false, record, year),
            50..=64 => self.fill(grade, STEM, false, record, year),
            _ => self.fill(grade, FREE, false, record, year),
        };
        if got < 100 {
            self.fill(grade, FREE, false, record, year);
        }
    }

    fn arts(&mut self, grade: u8, record: &Record, year: &mut Vec<&'static str>) -> u32 {
        match self.profile.arts {
            0 => {
                let upper = match self.profile.ensemble {
                    "BAND" => "WIND",
                    "CHORUS" => "CHAMB",
                    other => other,
                };
                let options = [upper, self.profile.ensemble];
                match self.pick(grade, &options, record, year) {
                    Some(code) => {
                        year.push(code);
                        100
                    }
                    None => self.fill(grade, MUSIC, false, record, year),
                }
            }
            1 => self.fill(grade, VISUAL, true, record, year),
            _ => self.fill(grade, THEATER, true, record, year),
        }
    }

    /// A one-credit slot from a list of options in order.
    fn one(&mut self, grade: u8, options: &[&'static str], record: &Record, year: &mut Vec<&'static str>) -> bool {
        match self.pick(grade, options, record, year) {
            Some(code) => {
                year.push(code);
                true
            }
            None => false,
        }
    }

    /// The grade-8 high-school courses of an accelerated student.
    pub(crate) fn grade8(&mut self, record: &mut Record) -> Vec<&'static str> {
        let mut year = Vec::new();
        if self.profile.accelerated {
            year.push("ALG1");
            if self.profile.language != 1 && self.profile.language != 6 && self.rng.gen_bool(0.5) {
                year.push(LANGUAGES[self.profile.language][0][0]);
            }
        }
        for &c in &year {
            record.schedule(c);
        }
        year
    }

    /// The world-language step the student is at, or `None` when done.
    fn language(&mut self, grade: u8, record: &Record, year: &mut Vec<&'static str>) -> bool {
        let steps = LANGUAGES[self.profile.language];
        let done = steps
            .iter()
            .take_while(|options| options.iter().any(|c| record.taken.contains(base(c))))
            .count();
        if done >= self.profile.language_years.min(steps.len()) {
            return false;
        }
        self.one(grade, steps[done], record, year)
    }

    /// Lays out one high-school year (9–12) and schedules it in `record`.
    pub(crate) fn year(&mut self, grade: u8, record: &mut Record) -> Vec<&'static str> {
        let mut year: Vec<&'static str> = Vec::with_capacity(10);
        let r = &*record;
        let english: &[&str] = match grade {
            9 => &["ENG9H", "ENG9"],
            10 => &["ENG10H", "ENG10"],
            11 => &["APLANG", "ENG11H", "ENG11"],
            _ => &["APLIT", "ECEENG", "ENG12H", "ENG12"],
        };
        self.one(grade, english, r, &mut year);
        // Mathematics: the next course of the chain (a failed one again).
        let math = grade < 12 || self.profile.fourth_math;
        if !(math && self.one(grade, MATH, r, &mut year)) {
            self.fill(grade, STEM, false, r, &mut year);
        }
        let biology_done = ["BIO", "PHYSCI"].iter().any(|c| r.taken.contains(c));
        let science: &[&str] = match grade {
            9 if self.rng.gen_bool(0.3) => &["PHYSCI"],
            9 => &["BIOH", "BIO"],
            10 if !biology_done => &["BIOH", "BIO"],
            10 => &["CHEMH", "CHEM", "ENVSCI", "EARTH"],
            11 => &[
                "APBIO", "APCHEM", "PHYSH", "APPHYS1", "CHEMH", "CHEM", "PHYS", "ANAT", "ENVSCI", "EARTH",
            ],
            _ => &[
                "APPHYSC", "APENV", "ECEBIO", "APBIO", "APCHEM", "PHYS", "ANAT", "ENVSCI", "EARTH", "CHEM",
            ],
        };
        if !self.one(grade, science, r, &mut year) {
            self.fill(grade, STEM, false, r, &mut year);
        }
        match grade {
            9 => {
                self.one(grade, &["WHISTH", "WHIST"], r, &mut year);
            }
            10 => {
                self.one(grade, &["APUSH", "USHISTH", "USHIST"], r, &mut year);
            }
            11 => {
                // US history again if grade 10's was failed.
                if !r.taken.contains("USHIST") {
                    self.one(grade, &["USHIST"], r, &mut year);
                } else {
                    self.one(grade, &["APGOV", "CIVICS"], r, &mut year);
                    year.push("PFIN");
                }
            }
            _ => {
                if !r.taken.contains("CIVICS") {
                    self.one(grade, &["CIVICS"], r, &mut year);
                }
                if !r.taken.contains("PFIN") {
                    year.push("PFIN");
                }
                // The capstone: a research project after AP Seminar, an
                // internship in a pathway, else the senior project.
                let capstone: &[&str] = if self.profile.pathway.is_some() && self.rng.gen_bool(0.5) {
                    &["APRES", "CAPSTI"]
                } else {
                    &["APRES", "CAPST"]
                };
                self.one(grade, capstone, r, &mut year);
            }
        }
        let mut record_now = std::mem::take(record);
        if !self.language(grade, &record_now, &mut year) {
            self.elective(grade, &mut record_now, &mut year);
        }
        match grade {
            9 => year.extend(["PE9", "HEALTH9"]),
            10 => year.extend(["PE10", "HEALTH10"]),
            _ => {}
        }
        match grade {
            9 => {
                self.arts(grade, &record_now, &mut year);
            }
            10 => {
                // STEM, from the pathway when it has STEM courses.
                let pathway_stem: Vec<&'static str> = self
                    .profile
                    .pathway
                    .map(|p| {
                        PATHWAY_COURSES[p]
                            .iter()
                            .copied()
                            .filter(|c| {
                                self.catalog
                                    .get(c)
                                    .is_some_and(|c| c.course.subject_area == SubjectArea::Stem)
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                if pathway_stem.is_empty() || self.fill(grade, &pathway_stem, true, &record_now, &mut year) < 100 {
                    self.fill(grade, STEM, false, &record_now, &mut year);
                }
            }
            11 => {
                if self.rng.gen_bool(0.5) {
                    self.arts(grade, &record_now, &mut year);
                } else {
                    self.fill(grade, HUMANITIES, false, &record_now, &mut year);
                }
                self.elective(grade, &mut record_now, &mut year);
            }
            _ => {
                self.elective(grade, &mut record_now, &mut year);
                self.elective(grade, &mut record_now, &mut year);
            }
        }
        for &c in &year {
            record_now.schedule(c);
        }
        *record = record_now;
        year
    }
}
