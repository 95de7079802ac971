//! Reading one CSV file of a package row by row with bounded memory:
//! columns are found by header name, a row may not grow past
//! [`MAX_ROW_BYTES`], a header past [`MAX_COLUMNS`], and every field is
//! checked to be UTF-8 on its own so one bad byte fails one row.

use std::cell::Cell;
use std::collections::HashMap;
use std::io::{self, Read};
use std::rc::Rc;

use time::{Date, OffsetDateTime};

use crate::package::Mode;
use crate::Refusal;

pub const MAX_ROW_BYTES: u64 = 1 << 20;
pub const MAX_COLUMNS: usize = 256;

/// Counts bytes handed to the CSV parser since the current row began.
struct Guard<'a> {
    inner: &'a mut dyn Read,
    total: u64,
    row_start: Rc<Cell<u64>>,
    read_total: Rc<Cell<u64>>,
}

impl Read for Guard<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.total.saturating_sub(self.row_start.get()) > MAX_ROW_BYTES + (64 << 10) {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "row too long"));
        }
        let n = self.inner.read(buf)?;
        self.total += n as u64;
        self.read_total.set(self.total);
        Ok(n)
    }
}

/// One CSV file being read.
pub struct Table<'a> {
    pub file: &'static str,
    pub mode: Mode,
    reader: csv::Reader<Guard<'a>>,
    columns: HashMap<String, usize>,
    pub headers: Vec<String>,
    row_start: Rc<Cell<u64>>,
    read_total: Rc<Cell<u64>>,
    record: csv::ByteRecord,
}

impl<'a> Table<'a> {
    /// Reads the header and checks the required columns are there
    /// (`status` and `dateLastModified` too in delta mode).
    pub fn open(file: &'static str, mode: Mode, input: &'a mut dyn Read, required: &[&str]) -> Result<Self, Refusal> {
        let row_start = Rc::new(Cell::new(0));
        let read_total = Rc::new(Cell::new(0));
        let guard = Guard {
            inner: input,
            total: 0,
            row_start: row_start.clone(),
            read_total: read_total.clone(),
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            // Rows end at LF only, so line numbers count physical lines for
            // CRLF files too; the CR left on the last field is trimmed.
            .terminator(csv::Terminator::Any(b'\n'))
            .buffer_capacity(64 << 10)
            .from_reader(guard);
        let mut record = csv::ByteRecord::new();
        let name = format!("{file}.csv");
        let got = reader
            .read_byte_record(&mut record)
            .map_err(|e| csv_refusal(&name, 1, &e))?;
        if !got {
            return Err(Refusal::Empty(name));
        }
        if record.len() > MAX_COLUMNS {
            return Err(Refusal::TooManyColumns {
                file: name,
                columns: record.len(),
                limit: MAX_COLUMNS,
            });
        }
        let mut headers = Vec::with_capacity(record.len());
        for (i, raw) in record.iter().enumerate() {
            let text = std::str::from_utf8(raw).map_err(|_| Refusal::BadHeader {
                file: name.clone(),
                why: format!("column {} of the header is not UTF-8", i + 1),
            })?;
            let text = if i == 0 {
                text.trim_start_matches('\u{feff}')
            } else {
                text
            };
            headers.push(text.trim().to_owned());
        }
        let mut columns = HashMap::new();
        for (i, h) in headers.iter().enumerate() {
            columns.entry(h.clone()).or_insert(i);
        }
        let delta_required: &[&str] = if mode == Mode::Delta {
            &["status", "dateLastModified"]
        } else {
            &[]
        };
        for col in required.iter().chain(delta_required) {
            if !columns.contains_key(*col) {
                return Err(Refusal::MissingColumn {
                    file: name,
                    column: (*col).to_owned(),
                });
            }
        }
        row_start.set(reader.position().byte());
        Ok(Table {
            file,
            mode,
            reader,
            columns,
            headers,
            row_start,
            read_total,
            record,
        })
    }

    /// Bytes read from the file so far.
    pub fn bytes_read(&self) -> u64 {
        self.read_total.get()
    }

    /// The next row, or `None` at the end. A row that breaks the CSV
    /// syntax or the size limit ends the file with a refusal.
    pub fn next_row(&mut self) -> Result<Option<Row<'_>>, Refusal> {
        let name = self.file;
        loop {
            let line = self.reader.position().line() + 1;
            let got = match self.reader.read_byte_record(&mut self.record) {
                Ok(got) => got,
                Err(e) => return Err(csv_refusal(&format!("{name}.csv"), line, &e)),
            };
            self.row_start.set(self.reader.position().byte());
            if !got {
                return Ok(None);
            }
            let line = self.record.position().map_or(line, |p| p.line());
            // A blank line (one empty field) is not a row.
            if self.record.len() == 1
                && self
                    .record
                    .get(0)
                    .is_some_and(|f| f.iter().all(u8::is_ascii_whitespace))
            {
                continue;
            }
            return Ok(Some(Row {
                file: self.file,
                line,
                record: &self.record,
                columns: &self.columns,
                headers: &self.headers,
            }));
        }
    }
}

fn csv_refusal(file: &str, line: u64, e: &csv::Error) -> Refusal {
    match e.kind() {
        csv::ErrorKind::Io(io) if io.to_string() == "row too long" => Refusal::RowTooLong {
            file: file.to_owned(),
            line,
            limit: MAX_ROW_BYTES,
        },
        csv::ErrorKind::Io(io) => Refusal::Unreadable {
            what: file.to_owned(),
            why: io.to_string(),
        },
        _ => Refusal::BadCsv {
            file: file.to_owned(),
            line,
            why: e.to_string(),
        },
    }
}

/// One row, read by column name.
pub struct Row<'t> {
    pub file: &'static str,
    pub line: u64,
    record: &'t csv::ByteRecord,
    columns: &'t HashMap<String, usize>,
    headers: &'t [String],
}

/// A row problem (column, reason) before it becomes a report issue.
pub type Bad = (Option<&'static str>, String);

impl<'t> Row<'t> {
    /// Checks the row has as many fields as the header.
    pub fn check_width(&self) -> Result<(), Bad> {
        if self.record.len() != self.headers.len() {
            return Err((
                None,
                format!(
                    "the row has {} fields; the header has {}",
                    self.record.len(),
                    self.headers.len()
                ),
            ));
        }
        Ok(())
    }

    /// The trimmed text of `column`, empty if the column is absent.
    pub fn text(&self, column: &'static str) -> Result<&'t str, Bad> {
        let Some(&i) = self.columns.get(column) else {
            return Ok("");
        };
        let raw = self.record.get(i).unwrap_or(b"");
        std::str::from_utf8(raw)
            .map(str::trim)
            .map_err(|_| (Some(column), "the value is not valid UTF-8 text".to_owned()))
    }

    pub fn required(&self, column: &'static str) -> Result<&'t str, Bad> {
        let v = self.text(column)?;
        if v.is_empty() {
            Err((Some(column), "a value is required".to_owned()))
        } else {
            Ok(v)
        }
    }

    pub fn optional(&self, column: &'static str) -> Result<Option<String>, Bad> {
        let v = self.text(column)?;
        Ok((!v.is_empty()).then(|| v.to_owned()))
    }

    pub fn date(&self, column: &'static str) -> Result<Option<Date>, Bad> {
        let v = self.text(column)?;
        if v.is_empty() {
            return Ok(None);
        }
        parse_date(v)
            .map(Some)
            .ok_or_else(|| (Some(column), format!("{v:?} is not a date (YYYY-MM-DD)")))
    }

    pub fn required_date(&self, column: &'static str) -> Result<Date, Bad> {
        self.date(column)?
            .ok_or_else(|| (Some(column), "a date is required (YYYY-MM-DD)".to_owned()))
    }

    /// One of `options` (case-sensitive, as the standard says).
    pub fn choice(&self, column: &'static str, options: &[&'static str]) -> Result<&'static str, Bad> {
        let v = self.required(column)?;
        options
            .iter()
            .copied()
            .find(|o| *o == v)
            .ok_or_else(|| (Some(column), format!("{v:?} is not one of {}", options.join(", "))))
    }

    /// A comma-separated list (quoted in the file), empty items dropped.
    pub fn list(&self, column: &'static str) -> Result<Vec<&'t str>, Bad> {
        Ok(self
            .text(column)?
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect())
    }

    pub fn boolean(&self, column: &'static str) -> Result<Option<bool>, Bad> {
        match self.text(column)? {
            "" => Ok(None),
            "true" | "TRUE" | "True" => Ok(Some(true)),
            "false" | "FALSE" | "False" => Ok(Some(false)),
            v => Err((Some(column), format!("{v:?} is not true or false"))),
        }
    }

    /// Delta rows: `status` and `dateLastModified`. Bulk rows: active,
    /// with the modification time if the file gives one.
    pub fn delta(&self, mode: Mode) -> Result<(bool, Option<OffsetDateTime>), Bad> {
        let modified = match self.text("dateLastModified")? {
            "" => None,
            v => Some(parse_datetime(v).ok_or_else(|| {
                (
                    Some("dateLastModified"),
                    format!("{v:?} is not a date and time (ISO 8601)"),
                )
            })?),
        };
        if mode == Mode::Bulk {
            return Ok((true, modified));
        }
        let active = self.choice("status", &["active", "tobedeleted"])? == "active";
        let modified =
            modified.ok_or_else(|| (Some("dateLastModified"), "a value is required in delta mode".to_owned()))?;
        Ok((active, Some(modified)))
    }
}

pub fn parse_date(v: &str) -> Option<Date> {
    Date::parse(v, time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// ISO 8601 date-time (with `Z` or an offset), or a plain date (midnight UTC).
pub fn parse_datetime(v: &str) -> Option<OffsetDateTime> {
    if let Ok(t) = OffsetDateTime::parse(v, &time::format_description::well_known::Rfc3339) {
        return Some(t);
    }
    if let Ok(t) = OffsetDateTime::parse(v, &time::format_description::well_known::Iso8601::DEFAULT) {
        return Some(t);
    }
    parse_date(v).map(|d| d.midnight().assume_utc())
}
