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
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Skipped => "skipped",
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
        if issue.severity == Severity::Error {
            self.errors_total += 1;
        }
        if let Some(f) = self.files.iter_mut().find(|f| f.file == issue.file) {
            match issue.severity {
                Severity::Error => f.errors += 1,
                Severity::Skipped => f.skipped += 1,
            }
        }
        if self.issues.len() < MAX_ISSUES {
            self.issues.push(issue);
        }
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
