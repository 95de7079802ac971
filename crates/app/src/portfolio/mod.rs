//! The portfolio's use cases: artifacts, best work, collections, showcases
//! and the zip export (`artifacts.rs`); experiences outside the classroom
//! with hours and their verification (`experiences.rs`); the capstone
//! (`capstone.rs`); where files are kept (`files.rs`); the district's
//! best-work maximum and own competencies (`settings.rs`). Portfolio records are plan records (`RecordKind::Plan`):
//! the student's own, read by whoever may read the plan (audited for anyone
//! but the student).

pub mod artifacts;
pub mod capstone;
pub mod experiences;
pub mod files;
pub mod settings;
