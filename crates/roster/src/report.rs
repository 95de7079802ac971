//! What an import did: counts per file and kind, and every row problem
//! with file, line, column and reason.

use serde::{Deserialize, Serialize};

/// Row problems kept in full; past this only the count goes on.
pub const MAX_ISSUES: usize = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The row was not loaded.
    Error,
    /// The row is fine but describes something ssp does not keep (a
    /// grade-5 student, a department).
    Skipped,
    /// The row was loaded, but read leniently (`TRUE` for `true`, a
    /// malformed `dateLastModified` in bulk mode), or the package has
    /// something ssp ignores (an unknown manifest property).
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Skipped => "skipped",
            Severity::Warning => "warning",
        }
    }

    /// The severity stored as [`Severity::as_str`].
    pub fn parse(s: &str) -> Severity {
        match s {
            "skipped" => Severity::Skipped,
            "warning" => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    pub file: String,
    pub line: u64,
    pub column: Option<String>,
    pub severity: Severity,
    pub reason: String,
}

impl Issue {
    pub fn error(file: &str, line: u64, column: Option<&str>, reason: String) -> Issue {
        Issue {
            file: format!("{file}.csv"),
            line,
            column: column.map(str::to_owned),
            severity: Severity::Error,
            reason,
        }
    }
    pub fn skipped(file: &str, line: u64, column: Option<&str>, reason: String) -> Issue {
        Issue {
            severity: Severity::Skipped,
            ..Issue::error(file, line, column, reason)
        }
    }
    pub fn warning(file: &str, line: u64, column: Option<&str>, reason: String) -> Issue {
        Issue {
            severity: Severity::Warning,
            ..Issue::error(file, line, column, reason)
        }
    }
}

/// Counts for one kind of record (students, enrollments, …).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub deactivated: u64,
}

impl Counts {
    pub fn changed(&self) -> bool {
        self.created + self.updated + self.deactivated > 0
    }
}

/// One file of the package.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSummary {
    pub file: String,
    pub mode: String,
    pub rows: u64,
    pub errors: u64,
    pub skipped: u64,
    #[serde(default)]
    pub warnings: u64,
}

/// The whole import.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub version: String,
    pub district_source_id: String,
    pub district_name: String,
    pub dry_run: bool,
    pub files: Vec<FileSummary>,
    /// Per kind, in a fixed order: orgs, sessions, courses, classes,
    /// students, guardians, staff, guardian links, staff roles, enrollments.
    pub kinds: Vec<(String, Counts)>,
    pub issues: Vec<Issue>,
    /// All issues, including those past [`MAX_ISSUES`].
    pub issues_total: u64,
    pub errors_total: u64,
    #[serde(default)]
    pub warnings_total: u64,
    pub seconds: f64,
    /// People deactivated out of those active, against the district's
    /// limit (absent in summaries written before the limit existed).
    #[serde(default)]
    pub deactivations: crate::Deactivations,
}

impl Report {
    pub fn changed(&self) -> bool {
        self.kinds.iter().any(|(_, c)| c.changed())
    }

    /// Whether any row was loaded: a record created, updated, found
    /// unchanged or deactivated.
    pub fn loaded_anything(&self) -> bool {
        self.kinds.iter().any(|(_, c)| loaded(c) > 0)
    }

    /// The files that had errors and from which nothing was loaded (the
    /// command line exits non-zero for these). roles.csv and
    /// demographics.csv only add to users.csv's people, so they count
    /// with users.csv.
    pub fn failed_files(&self) -> Vec<&str> {
        self.files
            .iter()
            .filter(|f| f.errors > 0)
            .filter(|f| {
                let kinds = file_kinds(&f.file);
                !kinds.is_empty() && kinds.iter().map(|k| loaded(&self.counts(k))).sum::<u64>() == 0
            })
            .map(|f| f.file.as_str())
            .collect()
    }

    pub fn counts(&self, kind: &str) -> Counts {
        self.kinds
            .iter()
            .find(|(k, _)| k == kind)
            .map(|(_, c)| c.clone())
            .unwrap_or_default()
    }

    pub fn file(&self, file: &str) -> FileSummary {
        self.files.iter().find(|f| f.file == file).cloned().unwrap_or_default()
    }

    pub(crate) fn push(&mut self, issue: Issue) {
        self.issues_total += 1;
        match issue.severity {
            Severity::Error => self.errors_total += 1,
            Severity::Warning => self.warnings_total += 1,
            Severity::Skipped => {}
        }
        if let Some(f) = self.files.iter_mut().find(|f| f.file == issue.file) {
            match issue.severity {
                Severity::Error => f.errors += 1,
                Severity::Skipped => f.skipped += 1,
                Severity::Warning => f.warnings += 1,
            }
        }
        if self.issues.len() < MAX_ISSUES {
            self.issues.push(issue);
        }
    }
}

fn loaded(c: &Counts) -> u64 {
    c.created + c.updated + c.unchanged + c.deactivated
}

/// The kinds of record each file loads.
fn file_kinds(file: &str) -> &'static [&'static str] {
    match file {
        "orgs.csv" => &["orgs"],
        "academicSessions.csv" => &["academic sessions"],
        "courses.csv" => &["courses"],
        "classes.csv" => &["classes"],
        "users.csv" => &["students", "guardians", "staff"],
        "enrollments.csv" => &["enrollments"],
        _ => &[],
    }
}

/// Writes issues as CSV (file, line, column, severity, reason), with
/// cells that a spreadsheet would run as a formula made inert.
pub fn write_issues_csv<W: std::io::Write>(out: W, issues: &[Issue]) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["file", "line", "column", "severity", "reason"])?;
    for i in issues {
        w.write_record([
            inert(&i.file).as_str(),
            &i.line.to_string(),
            inert(i.column.as_deref().unwrap_or("")).as_str(),
            i.severity.as_str(),
            inert(&i.reason).as_str(),
        ])?;
    }
    w.flush()
}

fn inert(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}
