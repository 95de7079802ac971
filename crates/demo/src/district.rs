//! The shape of the generated state: how many districts, which schools each
//! has (level, name, size) and how many students sit in each grade. Planned
//! up front from the seed; the rows themselves are made school by school.

use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::names::{ascii_slug, DISTRICT_TOWNS, PLACE_PREFIXES, SCHOOL_PLACES};

/// About this many students per district; a state gets several.
pub(crate) const STUDENTS_PER_DISTRICT: u32 = 45_000;
const MIDDLE_SCHOOL_SIZE: u32 = 600;
const HIGH_SCHOOL_SIZE: u32 = 1_200;

/// The first district (Harbor City, the first of `DISTRICT_TOWNS`) and its
/// first high school hold the showcase people; their names are fixed so the
/// sign-in notes can say where they are.
pub(crate) const SHOWCASE_PLACE: &str = "Riverside";
pub(crate) const STATE_NAME: &str = "State of Nutmeg";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    Middle,
    High,
}

impl Level {
    pub(crate) fn grades(self) -> std::ops::RangeInclusive<i32> {
        match self {
            Level::Middle => 6..=8,
            Level::High => 9..=12,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Level::Middle => "middle",
            Level::High => "high",
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            Level::Middle => "Middle School",
            Level::High => "High School",
        }
    }
}

pub(crate) struct StatePlan {
    pub districts: Vec<DistrictPlan>,
}

pub(crate) struct DistrictPlan {
    /// 1-based.
    pub number: u32,
    pub name: String,
    /// Domain of staff email addresses, e.g. `harborcityschools.example.org`.
    pub email_domain: String,
    pub students: u32,
    pub schools: Vec<SchoolPlan>,
}

pub(crate) struct SchoolPlan {
    /// 1-based within the district.
    pub number: u32,
    pub name: String,
    pub level: Level,
    /// Students per grade, lowest grade first.
    pub grade_sizes: Vec<(i32, u32)>,
}

impl SchoolPlan {
    pub(crate) fn students(&self) -> u32 {
        self.grade_sizes.iter().map(|(_, n)| n).sum()
    }
}

/// Splits `students` into districts of about 45,000, or into at most
/// `max_districts` larger ones.
pub(crate) fn plan_state(students: u32, max_districts: Option<u32>, rng: &mut ChaCha8Rng) -> StatePlan {
    let by_size = (students as f64 / STUDENTS_PER_DISTRICT as f64).round() as u32;
    let district_count = by_size.min(max_districts.unwrap_or(u32::MAX)).max(1);
    let sizes = split_evenly(students, district_count);
    let districts = sizes
        .into_iter()
        .enumerate()
        .map(|(i, size)| plan_district(i as u32 + 1, size, rng))
        .collect();
    StatePlan { districts }
}

fn plan_district(number: u32, students: u32, rng: &mut ChaCha8Rng) -> DistrictPlan {
    let (town, name) = match DISTRICT_TOWNS.get(number as usize - 1) {
        Some(town) => ((*town).to_owned(), format!("{town} Public Schools")),
        None => (format!("Region {number}"), format!("Regional School District {number}")),
    };
    let email_domain = format!("{}schools.example.org", ascii_slug(&town, 40).replace('-', ""));

    // Three middle grades to four high-school grades.
    let middle_students = (students as f64 * 3.0 / 7.0).round() as u32;
    let high_students = students - middle_students;
    let mut schools = Vec::new();
    for (level, level_students, size) in [
        (Level::High, high_students, HIGH_SCHOOL_SIZE),
        (Level::Middle, middle_students, MIDDLE_SCHOOL_SIZE),
    ] {
        if level_students == 0 {
            continue;
        }
        let count = ((level_students as f64 / size as f64).round() as u32).max(1);
        let weights: Vec<f64> = (0..count).map(|_| rng.gen_range(0.8..1.2)).collect();
        let school_sizes = split_by_weight(level_students, &weights);
        let places = school_places(count as usize, number == 1, rng);
        for (school_size, place) in school_sizes.into_iter().zip(places) {
            let grade_weights: Vec<f64> = level.grades().map(|_| rng.gen_range(0.94..1.06)).collect();
            let grade_sizes = level
                .grades()
                .zip(split_by_weight(school_size, &grade_weights))
                .collect();
            schools.push(SchoolPlan {
                number: schools.len() as u32 + 1,
                name: format!("{place} {}", level.suffix()),
                level,
                grade_sizes,
            });
        }
    }
    DistrictPlan {
        number,
        name,
        email_domain,
        students,
        schools,
    }
}

/// `count` distinct place names in seeded order; the showcase district's
/// first one is always Riverside.
fn school_places(count: usize, showcase: bool, rng: &mut ChaCha8Rng) -> Vec<String> {
    let mut places: Vec<&str> = SCHOOL_PLACES.to_vec();
    places.shuffle(rng);
    if showcase {
        if let Some(at) = places.iter().position(|p| *p == SHOWCASE_PLACE) {
            places.swap(0, at);
        }
    }
    (0..count)
        .map(|i| {
            let place = places[i % places.len()];
            match i / places.len() {
                0 => place.to_owned(),
                round => format!("{} {place}", PLACE_PREFIXES[(round - 1) % PLACE_PREFIXES.len()]),
            }
        })
        .collect()
}

fn split_evenly(total: u32, parts: u32) -> Vec<u32> {
    (0..parts)
        .map(|i| total / parts + u32::from(i < total % parts))
        .collect()
}

/// Splits `total` in proportion to `weights` (largest remainders get the
/// leftovers), so the parts always add up to `total`.
fn split_by_weight(total: u32, weights: &[f64]) -> Vec<u32> {
    let sum: f64 = weights.iter().sum();
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut parts: Vec<u32> = exact.iter().map(|x| x.floor() as u32).collect();
    let mut short = total - parts.iter().sum::<u32>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        (exact[b] - exact[b].floor())
            .total_cmp(&(exact[a] - exact[a].floor()))
            .then(a.cmp(&b))
    });
    for i in order.into_iter().cycle() {
        if short == 0 {
            break;
        }
        parts[i] += 1;
        short -= 1;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn plan(students: u32) -> StatePlan {
        plan_state(students, None, &mut ChaCha8Rng::seed_from_u64(1))
    }

    #[test]
    fn a_state_is_split_into_districts_of_about_45000() {
        assert_eq!(plan(2_000_000).districts[43].name, "Regional School District 44");
        assert_eq!(plan(2_000).districts.len(), 1);
        assert_eq!(plan(300_000).districts.len(), 7);
        let state = plan(300_000);
        let total: u32 = state
            .districts
            .iter()
            .flat_map(|d| &d.schools)
            .map(SchoolPlan::students)
            .sum();
        assert_eq!(total, 300_000);
    }

    #[test]
    fn a_maximum_number_of_districts_makes_them_bigger() {
        let one = plan_state(300_000, Some(1), &mut ChaCha8Rng::seed_from_u64(1));
        assert_eq!(one.districts.len(), 1);
        let district = &one.districts[0];
        assert_eq!(
            (district.name.as_str(), district.students),
            ("Harbor City Public Schools", 300_000)
        );
        assert_eq!(district.schools.iter().map(SchoolPlan::students).sum::<u32>(), 300_000);
        assert!(district.schools.len() < 1_000, "school source ids have three digits");
        let mut names: Vec<&str> = district.schools.iter().map(|s| s.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), district.schools.len());

        let capped = plan_state(300_000, Some(3), &mut ChaCha8Rng::seed_from_u64(1));
        assert_eq!(capped.districts.len(), 3);
        // A cap above what the size asks for changes nothing.
        let same = plan_state(300_000, Some(50), &mut ChaCha8Rng::seed_from_u64(1));
        assert_eq!(same.districts.len(), 7);
    }

    #[test]
    fn schools_have_plausible_sizes_and_unique_names() {
        let state = plan(45_000);
        let district = &state.districts[0];
        assert_eq!(district.name, "Harbor City Public Schools");
        assert_eq!(district.schools[0].name, "Riverside High School");
        for school in &district.schools {
            let (lo, hi) = match school.level {
                Level::Middle => (400, 800),
                Level::High => (850, 1_600),
            };
            assert!(
                (lo..=hi).contains(&school.students()),
                "{} has {}",
                school.name,
                school.students()
            );
        }
        let mut names: Vec<&str> = district.schools.iter().map(|s| s.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), district.schools.len());
    }

    #[test]
    fn weighted_split_adds_up() {
        assert_eq!(split_by_weight(10, &[1.0, 1.0, 1.0]).iter().sum::<u32>(), 10);
        assert_eq!(split_by_weight(0, &[1.0, 2.0]), vec![0, 0]);
        assert_eq!(split_evenly(7, 3), vec![3, 2, 2]);
    }
}
