//! Reading a CSV file by header name for the academic loads: a missing
//! required column refuses the file (every missing column named); each
//! row's problems are reported with its line and column, and the row is
//! skipped.

use std::collections::HashMap;
use std::io::Read;

/// The most rows one file may hold (a state's transcripts fit well under).
pub const MAX_ROWS: usize = 5_000_000;

/// A problem of one row: the line (1 is the header), the CSV column when
/// known, and the stable code (a translation key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub line: u64,
    pub column: Option<String>,
    pub code: String,
}

/// Why a whole file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileRefusal {
    MissingColumns(Vec<String>),
    /// Not CSV text (line and the parser's words).
    Unreadable {
        line: u64,
        why: String,
    },
    TooManyRows,
}

impl std::fmt::Display for FileRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileRefusal::MissingColumns(c) => write!(f, "missing required column(s): {}", c.join(", ")),
            FileRefusal::Unreadable { line, why } => write!(f, "line {line}: not readable as CSV ({why})"),
            FileRefusal::TooManyRows => write!(f, "more than {MAX_ROWS} rows"),
        }
    }
}

/// One row: its line and its fields by column name.
pub struct CsvRow {
    pub line: u64,
    fields: Vec<String>,
    columns: std::sync::Arc<HashMap<String, usize>>,
}

impl CsvRow {
    /// The field of `column`, trimmed ("" when the file has no such column).
    pub fn get(&self, column: &str) -> &str {
        self.columns
            .get(column)
            .and_then(|i| self.fields.get(*i))
            .map_or("", |s| s.trim())
    }
}

/// Reads every row of a CSV file whose header holds `required` (by exact
/// name, any order; other columns are ignored).
pub fn read(mut input: impl Read, required: &[&str]) -> Result<Vec<CsvRow>, FileRefusal> {
    // Read whole (the page caps uploads; the CLI reads a local file), so a
    // row's line is counted from its byte offset: the CSV reader's own line
    // numbers skip blank lines, which would point a person at the wrong one.
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes).map_err(|e| FileRefusal::Unreadable {
        line: 0,
        why: e.to_string(),
    })?;
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes.as_slice());
    let headers = reader.headers().map_err(|e| FileRefusal::Unreadable {
        line: 1,
        why: e.to_string(),
    })?;
    let columns: HashMap<String, usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim().trim_start_matches('\u{feff}').to_owned(), i))
        .collect();
    let missing: Vec<String> = required
        .iter()
        .filter(|c| !columns.contains_key(**c))
        .map(|c| (*c).to_owned())
        .collect();
    if !missing.is_empty() {
        return Err(FileRefusal::MissingColumns(missing));
    }
    let columns = std::sync::Arc::new(columns);
    let mut rows = Vec::new();
    let (mut seen_byte, mut seen_lines) = (0usize, 0u64);
    let mut line_at = |byte: usize| {
        // A record's position may be the blank lines before it: skip them.
        let mut byte = byte.min(bytes.len());
        while byte < bytes.len() && (bytes[byte] == b'\n' || bytes[byte] == b'\r') {
            byte += 1;
        }
        if byte >= seen_byte {
            seen_lines += bytes[seen_byte..byte].iter().filter(|b| **b == b'\n').count() as u64;
            seen_byte = byte;
        }
        seen_lines + 1
    };
    for record in reader.records() {
        let record = record.map_err(|e| FileRefusal::Unreadable {
            line: e.position().map_or(0, |p| p.line()),
            why: e.to_string(),
        })?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if rows.len() >= MAX_ROWS {
            return Err(FileRefusal::TooManyRows);
        }
        rows.push(CsvRow {
            line: record.position().map_or(0, |p| line_at(p.byte() as usize)),
            fields: record.iter().map(str::to_owned).collect(),
            columns: columns.clone(),
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_found_by_name_and_every_missing_one_is_named() {
        let rows = read("b,a\n2,1\n\n4,3\n".as_bytes(), &["a", "b"]).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].get("a"), rows[0].get("b"), rows[0].line), ("1", "2", 2));
        assert_eq!(rows[1].line, 4);
        assert_eq!(
            read("x\n1\n".as_bytes(), &["a", "b"]).err(),
            Some(FileRefusal::MissingColumns(vec!["a".into(), "b".into()]))
        );
    }
}
