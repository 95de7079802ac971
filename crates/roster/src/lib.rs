//! `ssp-roster`: OneRoster 1.1 and 1.2 CSV packages in and out.
//!
//! - [`package`] opens a zip or folder with size, ratio and name limits and
//!   reads the manifest;
//! - [`table`] reads one CSV file row by row by header name, bounded;
//! - [`import`] applies a package to one district in one transaction
//!   (bulk: the file is the whole truth; delta: `status` and
//!   `dateLastModified` per row) and reports every row problem;
//! - [`report`] is what an import did, and its downloadable issue list;
//! - [`safety`] is the district's limit on deactivations per import;
//! - [`export`] writes a district as a OneRoster 1.2 bulk package.

pub mod export;
pub mod import;
pub mod package;
pub mod report;
pub mod rest;
pub mod safety;
pub mod table;
pub mod usernames;

pub use import::{import, import_with, ImportOptions, MoreOptions, Progress};
pub use package::{Mode, Package, Version};
pub use report::{Counts, FileSummary, Issue, Report, Severity};
pub use safety::{DeactivationLimit, Deactivations};

/// Why a whole package was refused. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the package has no manifest.csv; a OneRoster package starts with one")]
    NoManifest,
    #[error("manifest.csv: {0}")]
    BadManifest(String),
    #[error("OneRoster version {0:?} is not supported (1.1 and 1.2 are)")]
    UnsupportedVersion(String),
    #[error("manifest.csv line {line} says {file} comes in {mode} mode, but the package has no {file}")]
    MissingFile {
        file: String,
        line: u64,
        mode: &'static str,
    },
    #[error("{file} has no {column} column, which OneRoster requires")]
    MissingColumn { file: String, column: String },
    #[error("{0} is empty: not even a header row")]
    Empty(String),
    #[error("{file}: {why}")]
    BadHeader { file: String, why: String },
    #[error("{file} has {columns} columns; ssp reads at most {limit}")]
    TooManyColumns { file: String, columns: usize, limit: usize },
    #[error("{file} line {line}: a row longer than {} MiB; ssp stops reading there", limit >> 20)]
    RowTooLong { file: String, line: u64, limit: u64 },
    #[error("{file} line {line}: not readable as CSV ({why})")]
    BadCsv { file: String, line: u64, why: String },
    #[error("{what} is {} MiB; the limit is {} MiB", size >> 20, limit >> 20)]
    TooLarge { what: String, size: u64, limit: u64 },
    #[error("{what} would unpack to {ratio} times its packed size; that is a zip bomb, not a roster")]
    Bomb { what: String, ratio: u64 },
    #[error("the zip holds an entry named {0:?}, which points outside the package")]
    UnsafeName(String),
    #[error("not a readable zip file: {0}")]
    BadZip(String),
    #[error("could not read {what}: {why}")]
    Unreadable { what: String, why: String },
    #[error(
        "the package names no district: it has no district row in orgs.csv; name the district with \
         --district SOURCEDID (add --district-name NAME to create it if ssp does not have it yet)"
    )]
    NoDistrict,
    #[error("the package holds {0} districts ({1}); import one at a time with --district")]
    ManyDistricts(usize, String),
    #[error("the package is for district {package:?}, but this import is for {expected:?}")]
    WrongDistrict { package: String, expected: String },
    #[error(
        "district {0:?} is not in orgs.csv and not in ssp; to create it, import again with \
         --district {0} --district-name NAME"
    )]
    UnknownDistrict(String),
    /// The package is fine, but applying it would deactivate more of the
    /// district's people than its limit allows without a confirmation.
    #[error(
        "the import would deactivate {} of {} active people ({} %), above the district's {} % limit",
        .0.people,
        .0.active,
        .0.percent_text(),
        .0.limit_percent
    )]
    TooManyDeactivations(Deactivations),
    /// More than one of the above: every one is listed, so one fix of
    /// the package is enough.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Several(Vec<Refusal>),
}

impl Refusal {
    /// Every value [`Refusal::code`] can return (pages keep a message for each).
    pub const CODES: [&'static str; 21] = [
        "no-manifest",
        "bad-manifest",
        "unsupported-version",
        "missing-file",
        "missing-column",
        "empty-file",
        "bad-header",
        "too-many-columns",
        "row-too-long",
        "bad-csv",
        "too-large",
        "zip-bomb",
        "unsafe-name",
        "bad-zip",
        "unreadable",
        "no-district",
        "many-districts",
        "wrong-district",
        "unknown-district",
        "too-many-deactivations",
        "several-problems",
    ];

    /// A stable code for translating the message on pages.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::NoManifest => "no-manifest",
            Refusal::BadManifest(_) => "bad-manifest",
            Refusal::UnsupportedVersion(_) => "unsupported-version",
            Refusal::MissingFile { .. } => "missing-file",
            Refusal::MissingColumn { .. } => "missing-column",
            Refusal::Empty(_) => "empty-file",
            Refusal::BadHeader { .. } => "bad-header",
            Refusal::TooManyColumns { .. } => "too-many-columns",
            Refusal::RowTooLong { .. } => "row-too-long",
            Refusal::BadCsv { .. } => "bad-csv",
            Refusal::TooLarge { .. } => "too-large",
            Refusal::Bomb { .. } => "zip-bomb",
            Refusal::UnsafeName(_) => "unsafe-name",
            Refusal::BadZip(_) => "bad-zip",
            Refusal::Unreadable { .. } => "unreadable",
            Refusal::NoDistrict => "no-district",
            Refusal::ManyDistricts(..) => "many-districts",
            Refusal::WrongDistrict { .. } => "wrong-district",
            Refusal::UnknownDistrict(_) => "unknown-district",
            Refusal::TooManyDeactivations(_) => "too-many-deactivations",
            Refusal::Several(_) => "several-problems",
        }
    }

    /// One refusal for all of `list`: `None` when it is empty, the one
    /// refusal itself, or [`Refusal::Several`] (nested lists flattened).
    pub fn all(list: Vec<Refusal>) -> Option<Refusal> {
        let mut flat = Vec::with_capacity(list.len());
        for r in list {
            match r {
                Refusal::Several(inner) => flat.extend(inner),
                other => flat.push(other),
            }
        }
        match flat.len() {
            0 => None,
            1 => flat.pop(),
            _ => Some(Refusal::Several(flat)),
        }
    }
}

/// An import that did not complete.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The package as a whole cannot be used; nothing changed.
    #[error("{0}")]
    Refused(#[from] Refusal),
    /// The database failed; the transaction was rolled back.
    #[error("database error: {0}")]
    Db(#[from] ssp_db::DbError),
}

#[cfg(test)]
mod tests {
    use super::Refusal;

    #[test]
    fn every_refusal_code_is_listed() {
        let s = String::new;
        let all = [
            Refusal::NoManifest,
            Refusal::BadManifest(s()),
            Refusal::UnsupportedVersion(s()),
            Refusal::MissingFile {
                file: s(),
                line: 1,
                mode: "bulk",
            },
            Refusal::MissingColumn { file: s(), column: s() },
            Refusal::Empty(s()),
            Refusal::BadHeader { file: s(), why: s() },
            Refusal::TooManyColumns {
                file: s(),
                columns: 1,
                limit: 1,
            },
            Refusal::RowTooLong {
                file: s(),
                line: 1,
                limit: 1,
            },
            Refusal::BadCsv {
                file: s(),
                line: 1,
                why: s(),
            },
            Refusal::TooLarge {
                what: s(),
                size: 1,
                limit: 1,
            },
            Refusal::Bomb { what: s(), ratio: 1 },
            Refusal::UnsafeName(s()),
            Refusal::BadZip(s()),
            Refusal::Unreadable { what: s(), why: s() },
            Refusal::NoDistrict,
            Refusal::ManyDistricts(2, s()),
            Refusal::WrongDistrict {
                package: s(),
                expected: s(),
            },
            Refusal::UnknownDistrict(s()),
            Refusal::TooManyDeactivations(crate::Deactivations::default()),
            Refusal::Several(vec![Refusal::NoManifest, Refusal::NoDistrict]),
        ];
        let codes: Vec<&str> = all.iter().map(Refusal::code).collect();
        assert_eq!(codes, Refusal::CODES);
    }
}
