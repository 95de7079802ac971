//! The portfolio's SQL: artifacts, best work and collections, showcases
//! (`artifacts.rs`); experiences outside the classroom, their hours and
//! verification links (`experiences.rs`); capstones, milestones, rubrics
//! and panel scores (`capstones.rs`); the district's best-work maximum, its
//! own competencies and check-in evidence (`settings.rs`).

pub mod artifacts;
pub mod capstones;
pub mod experiences;
pub mod settings;
