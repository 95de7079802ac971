//! A student's artifacts school year by school year since grade 6, the
//! year's best work, work that is evidence for a goal, and collections.
//! Work from before the district's first year was added later (its
//! `created_at` falls in the last two years; its school year is when it
//! was made).

use rand::seq::SliceRandom;
use rand::Rng;
use ssp_db::repo::bulk::{ArtifactBulkRow, PortfolioCollectionBulkRow};
use ssp_domain::portfolio::best_work::DEFAULT_MAX_BEST_WORK;
use ssp_domain::SchoolYear;
use time::{Duration, Month, OffsetDateTime};
use uuid::Uuid;

use super::texts::{self, Content, Work};
use super::{StudentPortfolio, G12_BEST_WORK, G9_FIRST_ARTIFACT};

/// Collection names and which work each gathers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gathers {
    Writing,
    Career,
    Growth,
    College,
    Proud,
    WhoIAm,
}

const COLLECTIONS: [(&str, Gathers); 6] = [
    ("My best writing", Gathers::Writing),
    ("Career exploration", Gathers::Career),
    ("Growth over the years", Gathers::Growth),
    ("For my college applications", Gathers::College),
    ("Projects I'm proud of", Gathers::Proud),
    ("Who I am", Gathers::WhoIAm),
];

impl StudentPortfolio<'_> {
    /// The student's work from grade 6 (or the year they would have been
    /// in it) to this year, then their collections.
    pub(super) fn artifacts(&mut self) {
        let first = self.batch.artifacts.len();
        let from = self.cal.year.0 - (self.s.grade - 6);
        let mut counts: Vec<(SchoolYear, usize)> = (from..=self.cal.year.0)
            .map(|y| {
                let year = SchoolYear(y);
                (year, self.count(year, self.grade_in(year)))
            })
            .collect();
        // A student with a portfolio has put something in it.
        if let (0, Some(now)) = (counts.iter().map(|c| c.1).sum::<usize>(), counts.last_mut()) {
            now.1 = 1;
        }
        for (year, n) in counts {
            let grade = self.grade_in(year);
            let start = self.batch.artifacts.len();
            for i in 0..n {
                let created = self.created(year, i == 0);
                let (domain, work) = self.choose_work(grade, first);
                self.push_work(work, domain, year, created);
            }
            self.mark_best_work(start, year);
        }
        self.collections(first);
    }

    /// How many pieces the student added for `year`, in which they were
    /// in `grade`: 0–3 in grades 6–8, 2–6 in grades 9–12; this year, two
    /// months in, 0–2 and 1–3.
    fn count(&mut self, year: SchoolYear, grade: i32) -> usize {
        let roll = self.gen.rng.gen_range(0..100);
        let high = grade >= 9;
        let n = match (year == self.cal.year, high) {
            (true, false) => [(45, 0), (80, 1), (100, 2)],
            (true, true) => [(40, 1), (75, 2), (100, 3)],
            (false, false) => {
                return match roll {
                    0..=24 => 0,
                    25..=59 => 1,
                    60..=84 => 2,
                    _ => 3,
                }
            }
            (false, true) => {
                return match roll {
                    0..=19 => 2,
                    20..=49 => 3,
                    50..=74 => 4,
                    75..=89 => 5,
                    _ => 6,
                }
            }
        };
        n.iter().find(|(below, _)| roll < *below).map_or(0, |(_, n)| *n)
    }

    /// When a piece for `year` was added: during that school year for the
    /// district's two years (the first piece of the grade-9 year when the
    /// student ticked "first portfolio artifact" just before they did),
    /// later for older work.
    fn created(&mut self, year: SchoolYear, first_of_year: bool) -> OffsetDateTime {
        if first_of_year {
            if let Some(done) = self
                .activity(G9_FIRST_ARTIFACT)
                .filter(|a| a.school_year == year.0)
                .map(|a| a.recorded_at)
            {
                return done - Duration::minutes(self.gen.rng.gen_range(5..90));
            }
        }
        let last = self.cal.last();
        let day = if year >= last {
            let (from, to) = self.cal.span(year);
            self.day_between(from + Duration::days(10), to)
        } else {
            // Older work, added since the district started: outside the
            // summer.
            let (from, _) = self.cal.span(last);
            let day = self.day_between(from + Duration::days(20), self.cal.latest);
            let june = self.cal.day(last, Month::June, 18);
            if day > june && day < self.cal.fall {
                self.cal.fall + Duration::days(self.gen.rng.gen_range(7..40))
            } else {
                day
            }
        };
        self.at(day.min(self.cal.latest))
    }

    /// A domain for the grade (older students add more career work) and a
    /// piece of it that fits the grade and that this student has not
    /// added yet (pieces from `first` on are theirs).
    fn choose_work(&mut self, grade: i32, first: usize) -> (&'static str, &'static Work) {
        let (academic, career) = match grade {
            6..=8 => (50, 70),
            9 | 10 => (50, 75),
            _ => (45, 80),
        };
        let roll = self.gen.rng.gen_range(0..100);
        let (domain, list) = if roll < academic {
            ("academic", texts::ACADEMIC)
        } else if roll < career {
            ("career", texts::CAREER)
        } else {
            ("sep", texts::SEP)
        };
        let fitting: Vec<&'static Work> = list.iter().filter(|w| w.fits(grade)).collect();
        let mut choice = *fitting.choose(&mut self.gen.rng).expect("every grade has work");
        for _ in 0..6 {
            let taken = self.batch.artifacts[first..].iter().any(|a| a.title == choice.title);
            if !taken {
                break;
            }
            choice = *fitting.choose(&mut self.gen.rng).expect("every grade has work");
        }
        (domain, choice)
    }

    /// Adds a piece of work; most have a reflection, a few are private,
    /// some recent ones are evidence for a goal of the same domain.
    pub(super) fn push_work(
        &mut self,
        w: &'static Work,
        domain: &'static str,
        year: SchoolYear,
        created_at: OffsetDateTime,
    ) -> Uuid {
        let reflection = if self.chance(0.82) {
            w.reflections[self.gen.rng.gen_range(0..2)]
        } else {
            ""
        };
        let (kind, url, body) = match w.content {
            Content::Text(b) => ("text", None, Some(b)),
            Content::Link(u) => ("link", Some(u), None),
        };
        let private = self.chance(0.05);
        let goal_id = if year >= self.cal.last() && self.chance(0.22) {
            self.goal_for(domain, created_at)
        } else {
            None
        };
        let updated_at = if self.chance(0.15) {
            (created_at + Duration::days(self.gen.rng.gen_range(1..20))).min(self.cal.now - Duration::minutes(5))
        } else {
            created_at
        };
        let competencies = self.tags(w.tags);
        let id = self.id();
        self.batch.artifacts.push(ArtifactBulkRow {
            id,
            district_id: self.district(),
            student_id: self.s.id,
            kind,
            title: w.title,
            description: w.description,
            reflection,
            domain,
            school_year: year.0,
            competencies,
            url,
            body,
            file_key: None,
            file_name: None,
            file_type: None,
            file_bytes: None,
            private,
            best_work: false,
            goal_id,
            created_at,
            updated_at: updated_at.max(created_at),
        });
        id
    }

    /// A goal of `domain` the student had set by `at` and not long past due.
    fn goal_for(&mut self, domain: &str, at: OffsetDateTime) -> Option<Uuid> {
        let open: Vec<Uuid> = self
            .goals
            .iter()
            .filter(|g| g.domain == domain && g.created_at <= at && g.due_date + Duration::days(30) >= at.date())
            .map(|g| g.id)
            .collect();
        open.choose(&mut self.gen.rng).copied()
    }

    /// Marks a few of the year's pieces (from `start` on) best work: up to
    /// two in a middle-school year, three in a high-school one, at most one
    /// so far this year (one at least for a senior who ticked "best
    /// work"), never over the limit.
    fn mark_best_work(&mut self, start: usize, year: SchoolYear) {
        let candidates: Vec<usize> = (start..self.batch.artifacts.len())
            .filter(|&i| !self.batch.artifacts[i].private)
            .collect();
        let roll = self.gen.rng.gen_range(0..100);
        let mut k = if year == self.cal.year {
            usize::from(roll >= 75)
        } else if self.grade_in(year) <= 8 {
            match roll {
                0..=54 => 0,
                55..=94 => 1,
                _ => 2,
            }
        } else {
            match roll {
                0..=24 => 0,
                25..=69 => 1,
                70..=91 => 2,
                _ => 3,
            }
        };
        if year == self.cal.year && self.s.grade == 12 && self.activity(G12_BEST_WORK).is_some() {
            k = k.max(1);
        }
        let k = k.min(candidates.len()).min(DEFAULT_MAX_BEST_WORK as usize);
        for &i in candidates.choose_multiple(&mut self.gen.rng, k) {
            self.batch.artifacts[i].best_work = true;
        }
    }

    /// About one student in five with five pieces or more gathers some in a
    /// collection or two.
    fn collections(&mut self, first: usize) {
        if self.batch.artifacts.len() - first < 5 || !self.chance(0.22) {
            return;
        }
        let n = if self.chance(0.3) { 2 } else { 1 };
        let mut kinds = COLLECTIONS.to_vec();
        kinds.shuffle(&mut self.gen.rng);
        let mut made = 0;
        for (name, gathers) in kinds {
            if made == n {
                break;
            }
            let mine = &self.batch.artifacts[first..];
            let mut items: Vec<usize> = (0..mine.len())
                .filter(|&i| {
                    let a = &mine[i];
                    match gathers {
                        Gathers::Writing => a.kind == "text" && a.domain == "academic",
                        Gathers::Career => a.domain == "career",
                        Gathers::Growth => i == 0 || mine[i - 1].school_year != a.school_year,
                        Gathers::College => a.best_work && self.s.grade >= 10,
                        Gathers::Proud => true,
                        Gathers::WhoIAm => a.domain == "sep",
                    }
                })
                .collect();
            if items.len() < 2 {
                continue;
            }
            if gathers != Gathers::Growth {
                items.shuffle(&mut self.gen.rng);
            }
            let keep = self.gen.rng.gen_range(2..=items.len().min(6));
            items.truncate(keep);
            let latest = items.iter().map(|&i| mine[i].created_at).max().unwrap_or(self.cal.now);
            let list = items
                .iter()
                .map(|&i| mine[i].id.to_string())
                .collect::<Vec<_>>()
                .join(",");
            let day = latest.date() + Duration::days(self.gen.rng.gen_range(0..10));
            let created_at = self.at(day.min(self.cal.latest)).max(latest);
            let id = self.id();
            self.batch.collections.push(PortfolioCollectionBulkRow {
                id,
                student_id: self.s.id,
                name,
                items: list,
                created_at,
                updated_at: created_at,
            });
            made += 1;
        }
    }
}
