//! A school's course catalog and timetable: seven courses per grade, cut
//! into sections of about 28 students so that every student has one class
//! in each of periods 1–7, and teachers given up to five sections each,
//! never two in the same period.

use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

/// Periods in the school day; also the number of courses per grade.
pub(crate) const PERIODS: usize = 7;
const CLASS_SIZE: usize = 28;
const MAX_CLASS_SIZE: usize = 34;
pub(crate) const SECTIONS_PER_TEACHER: usize = 5;
/// The department whose grade-10 section names the showcase teacher.
pub(crate) const ENGLISH: usize = 0;

/// One course of the catalog.
pub(crate) struct CourseSpec {
    pub title: &'static str,
    pub code: &'static str,
}

/// Departments, in the order of the course table's columns.
pub(crate) const DEPARTMENTS: [&str; PERIODS] = [
    "English Language Arts",
    "Mathematics",
    "Science",
    "Social Studies",
    "Health and Physical Education",
    "Fine Arts",
    "World Languages and Technology",
];

macro_rules! c {
    ($title:expr, $code:expr) => {
        CourseSpec {
            title: $title,
            code: $code,
        }
    };
}

/// Seven courses per grade, one per department.
const CATALOG: [[CourseSpec; PERIODS]; 7] = [
    [
        c!("English 6", "ELA6"),
        c!("Math 6", "MATH6"),
        c!("Earth Science", "SCI6"),
        c!("World Geography", "SS6"),
        c!("Health and PE 6", "HPE6"),
        c!("Art 6", "ART6"),
        c!("Exploring Spanish", "WL6"),
    ],
    [
        c!("English 7", "ELA7"),
        c!("Math 7", "MATH7"),
        c!("Life Science", "SCI7"),
        c!("World History and Cultures", "SS7"),
        c!("Health and PE 7", "HPE7"),
        c!("Band and Chorus 7", "MUS7"),
        c!("Computer Science Discoveries", "CS7"),
    ],
    [
        c!("English 8", "ELA8"),
        c!("Pre-Algebra", "MATH8"),
        c!("Physical Science", "SCI8"),
        c!("U.S. History to 1877", "SS8"),
        c!("Health and PE 8", "HPE8"),
        c!("Visual Arts 8", "ART8"),
        c!("Spanish I (Middle School)", "SPA8"),
    ],
    [
        c!("English 9", "ENG9"),
        c!("Algebra I", "ALG1"),
        c!("Biology", "BIO"),
        c!("Civics", "CIV"),
        c!("Physical Education 9", "PE9"),
        c!("Introduction to Art", "ART1"),
        c!("Spanish II", "SPA2"),
    ],
    [
        c!("English 10", "ENG10"),
        c!("Geometry", "GEO"),
        c!("Chemistry", "CHEM"),
        c!("World History", "WHIST"),
        c!("Health 10", "HLTH10"),
        c!("Concert Choir", "CHOIR"),
        c!("Computer Science Principles", "CSP"),
    ],
    [
        c!("American Literature", "ENG11"),
        c!("Algebra II", "ALG2"),
        c!("Physics", "PHYS"),
        c!("U.S. History", "USHIST"),
        c!("Physical Education 11", "PE11"),
        c!("Digital Photography", "PHOTO"),
        c!("Spanish III", "SPA3"),
    ],
    [
        c!("English 12: Writing for College and Careers", "ENG12"),
        c!("Precalculus", "PRECALC"),
        c!("Environmental Science", "ENVSCI"),
        c!("Government and Economics", "GOVECON"),
        c!("Wellness 12", "WELL12"),
        c!("Ceramics", "CERAM"),
        c!("AP Psychology", "APPSYCH"),
    ],
];

pub(crate) fn course(grade: i32, department: usize) -> &'static CourseSpec {
    &CATALOG[(grade - 6) as usize][department]
}

/// A section before it has ids: its course, period and students (indices
/// into the grade's student list).
pub(crate) struct PlannedSection {
    pub department: usize,
    pub period: u8,
    pub members: Vec<u32>,
}

/// Cuts one grade into sections. Students are dealt into up to seven
/// rotations; rotation `r` takes department `d` in period `(d + r) % 7 + 1`,
/// so each student's seven classes fall in seven different periods. Each
/// (department, rotation) group is reshuffled before it is cut, so a
/// student's classmates change from class to class.
pub(crate) fn plan_grade(students: usize, rng: &mut ChaCha8Rng) -> Vec<PlannedSection> {
    if students == 0 {
        return Vec::new();
    }
    let rotations = (students / CLASS_SIZE).clamp(1, PERIODS);
    let mut order: Vec<u32> = (0..students as u32).collect();
    order.shuffle(rng);
    let mut groups: Vec<Vec<u32>> = vec![Vec::with_capacity(students / rotations + 1); rotations];
    for (i, student) in order.into_iter().enumerate() {
        groups[i % rotations].push(student);
    }
    let mut sections = Vec::new();
    for department in 0..PERIODS {
        for (rotation, group) in groups.iter().enumerate() {
            let period = ((department + rotation) % PERIODS + 1) as u8;
            let mut members = group.clone();
            members.shuffle(rng);
            let count = ((members.len() + CLASS_SIZE / 2) / CLASS_SIZE)
                .max(members.len().div_ceil(MAX_CLASS_SIZE))
                .max(1);
            let (base, extra) = (members.len() / count, members.len() % count);
            let mut rest = members.as_slice();
            for i in 0..count {
                let (part, tail) = rest.split_at(base + usize::from(i < extra));
                sections.push(PlannedSection {
                    department,
                    period,
                    members: part.to_vec(),
                });
                rest = tail;
            }
        }
    }
    sections
}

/// Gives each section a teacher from its department. A department hires
/// as few teachers as five-section loads and its busiest period allow, then
/// fills period after period, each section going to the free teacher with
/// the fewest sections, which keeps loads within one of each other. Returns,
/// per section, the index of its teacher, and the number of teachers.
pub(crate) fn assign_teachers(sections: &[(usize, u8)]) -> (Vec<usize>, usize) {
    let mut teacher_of = vec![0; sections.len()];
    let mut hired = 0;
    for department in 0..PERIODS {
        let mut by_period: Vec<Vec<usize>> = vec![Vec::new(); PERIODS];
        for (i, &(dept, period)) in sections.iter().enumerate() {
            if dept == department {
                by_period[usize::from(period) - 1].push(i);
            }
        }
        let total: usize = by_period.iter().map(Vec::len).sum();
        let busiest = by_period.iter().map(Vec::len).max().unwrap_or(0);
        let teachers = total.div_ceil(SECTIONS_PER_TEACHER).max(busiest);
        let mut load = vec![0usize; teachers];
        let mut order: Vec<usize> = (0..teachers).collect();
        for period in &by_period {
            order.sort_by_key(|&t| (load[t], t));
            for (&section, &teacher) in period.iter().zip(&order) {
                load[teacher] += 1;
                teacher_of[section] = hired + teacher;
            }
        }
        hired += teachers;
    }
    (teacher_of, hired)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn every_student_gets_seven_classes_in_seven_periods() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        for size in [1usize, 20, 200, 301] {
            let sections = plan_grade(size, &mut rng);
            let mut periods = vec![Vec::new(); size];
            for s in &sections {
                for &m in &s.members {
                    periods[m as usize].push(s.period);
                }
            }
            for p in &mut periods {
                p.sort_unstable();
                assert_eq!(*p, vec![1, 2, 3, 4, 5, 6, 7]);
            }
            if size >= 200 {
                assert!(sections.iter().all(|s| (18..=40).contains(&s.members.len())));
            }
        }
    }

    #[test]
    fn teachers_never_double_book_and_teach_at_most_five() {
        let mut rng = ChaCha8Rng::seed_from_u64(4);
        let sections: Vec<(usize, u8)> = (0..4)
            .flat_map(|_| plan_grade(300, &mut rng))
            .map(|s| (s.department, s.period))
            .collect();
        let (teacher_of, teachers) = assign_teachers(&sections);
        for t in 0..teachers {
            let mine: Vec<u8> = (0..sections.len())
                .filter(|&i| teacher_of[i] == t)
                .map(|i| sections[i].1)
                .collect();
            assert!(!mine.is_empty() && mine.len() <= SECTIONS_PER_TEACHER);
            let mut distinct = mine.clone();
            distinct.sort_unstable();
            distinct.dedup();
            assert_eq!(distinct.len(), mine.len(), "teacher {t} is double-booked");
        }
        // As few as five-section loads allow, per department.
        assert!(teachers <= sections.len().div_ceil(SECTIONS_PER_TEACHER) + PERIODS);
    }
}
