//! Deterministic identifiers: UUIDv7 values whose timestamps count up from
//! a fixed base and whose random bits come from the seeded generator, and
//! the `source_id` strings the roster importer will match on later.

use rand::RngCore;
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

/// Hands out UUIDv7 ids: the n-th id carries `base_ms + n` as its time,
/// so ids sort in the order they were made and never repeat.
pub(crate) struct IdGen {
    rng: ChaCha8Rng,
    base_ms: u64,
    issued: u64,
}

impl IdGen {
    pub(crate) fn new(rng: ChaCha8Rng, base_ms: u64) -> Self {
        Self {
            rng,
            base_ms,
            issued: 0,
        }
    }

    pub(crate) fn next(&mut self) -> Uuid {
        let mut random = [0u8; 10];
        self.rng.fill_bytes(&mut random);
        let id = uuid::Builder::from_unix_timestamp_millis(self.base_ms + self.issued, &random).into_uuid();
        self.issued += 1;
        id
    }
}

/// Per-district counters behind `source_id`s such as `stu-000123`. Zero
/// padding keeps them in insertion order, which keeps index inserts cheap.
#[derive(Default)]
pub(crate) struct SourceIds {
    students: u64,
    guardians: u64,
    staff: u64,
    courses: u64,
    classes: u64,
    enrollments: u64,
}

impl SourceIds {
    /// The next student's source id and their number in the district.
    pub(crate) fn student(&mut self) -> (String, u64) {
        (next_source("stu", 6, &mut self.students), self.students)
    }
    pub(crate) fn guardian(&mut self) -> String {
        next_source("gdn", 6, &mut self.guardians)
    }
    pub(crate) fn staff(&mut self) -> String {
        next_source("stf", 5, &mut self.staff)
    }
    pub(crate) fn course(&mut self) -> String {
        next_source("crs", 5, &mut self.courses)
    }
    pub(crate) fn class(&mut self) -> String {
        next_source("cls", 6, &mut self.classes)
    }
    pub(crate) fn enrollment(&mut self) -> String {
        next_source("enr", 7, &mut self.enrollments)
    }
}

fn next_source(prefix: &str, width: usize, counter: &mut u64) -> String {
    *counter += 1;
    format!("{prefix}-{:0width$}", *counter)
}

/// A ten-digit state student id, unique across the state: the student's
/// state-wide number pushed through a bijection of 0..10^10 so the ids look
/// scattered rather than sequential.
pub(crate) fn state_student_id(number: u64, seed: u64) -> String {
    const MODULUS: u64 = 10_000_000_000;
    // 7_919_731 shares no factor with 10^10 (not 2, not 5), so this is a
    // permutation of 0..10^10.
    const MULTIPLIER: u64 = 7_919_731;
    let offset = seed % MODULUS;
    let scattered = ((number as u128 * MULTIPLIER as u128 + offset as u128) % MODULUS as u128) as u64;
    format!("{scattered:010}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn ids_are_v7_ordered_and_repeatable() {
        let make = || {
            let mut ids = IdGen::new(ChaCha8Rng::seed_from_u64(7), 1_800_000_000_000);
            (0..100).map(|_| ids.next()).collect::<Vec<_>>()
        };
        let a = make();
        assert_eq!(a, make());
        assert!(a.iter().all(|id| id.get_version_num() == 7));
        assert!(a.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn state_ids_do_not_repeat() {
        let mut seen: Vec<String> = (0..50_000).map(|n| state_student_id(n, 2026)).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 50_000);
        assert!(seen.iter().all(|s| s.len() == 10));
    }

    #[test]
    fn source_ids_are_padded() {
        let mut s = SourceIds::default();
        assert_eq!(s.student(), ("stu-000001".to_owned(), 1));
        assert_eq!(s.enrollment(), "enr-0000001");
    }
}
