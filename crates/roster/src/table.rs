//! Reading one CSV file of a package row by row with bounded memory:
//! columns are found by header name, a row may not grow past
//! [`MAX_ROW_BYTES`], a header past [`MAX_COLUMNS`], and every field is
//! checked to be UTF-8 on its own so one bad byte fails one row.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
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
    warned: RefCell<Warned>,
    /// Problems of the header that do not stop the file (a column without
    /// a name, a name given twice), as (column, reason).
    pub header_warnings: Vec<Bad>,
}

/// Lenient readings already reported in this file, by column and value:
/// each is reported once (its first row), not on every row.
#[derive(Default)]
struct Warned {
    seen: HashSet<(&'static str, Box<str>)>,
    pending: Vec<Bad>,
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
        let mut header_warnings = Vec::new();
        for (i, h) in headers.iter().enumerate() {
            if h.is_empty() {
                header_warnings.push((
                    None,
                    format!("column {} of the header has no name; its values are ignored", i + 1),
                ));
                continue;
            }
            if columns.contains_key(h.as_str()) {
                header_warnings.push((
                    None,
                    format!(
                        "the header names {h:?} twice (columns {} and {}); ssp reads the first",
                        columns[h.as_str()] + 1,
                        i + 1
                    ),
                ));
                continue;
            }
            columns.insert(h.clone(), i);
        }
        let delta_required: &[&str] = if mode == Mode::Delta {
            &["status", "dateLastModified"]
        } else {
            &[]
        };
        let missing: Vec<Refusal> = required
            .iter()
            .chain(delta_required)
            .filter(|col| !columns.contains_key(**col))
            .map(|col| Refusal::MissingColumn {
                file: name.clone(),
                column: (*col).to_owned(),
            })
            .collect();
        if let Some(refusal) = Refusal::all(missing) {
            return Err(refusal);
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
            warned: RefCell::default(),
            header_warnings,
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
                warned: &self.warned,
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
    warned: &'t RefCell<Warned>,
}

/// A row problem (column, reason) before it becomes a report issue.
pub type Bad = (Option<&'static str>, String);

/// Every problem of one row (a row reports all of them, not the first),
/// and the row's sourcedId when it could be read, so rows that refer to
/// it can say why it is missing.
#[derive(Debug, Default)]
pub struct Problems {
    pub list: Vec<Bad>,
    pub sid: Option<Box<str>>,
}

impl From<Bad> for Problems {
    fn from(bad: Bad) -> Self {
        Problems {
            list: vec![bad],
            sid: None,
        }
    }
}

impl Problems {
    /// The value, or its type's default after noting the problem.
    pub fn get<T: Default>(&mut self, r: Result<T, Bad>) -> T {
        self.or(r, T::default())
    }

    /// The value, or `fallback` after noting the problem.
    pub fn or<T>(&mut self, r: Result<T, Bad>, fallback: T) -> T {
        r.unwrap_or_else(|bad| {
            self.list.push(bad);
            fallback
        })
    }

    pub fn push(&mut self, bad: Bad) {
        self.list.push(bad);
    }

    /// `value` if no problem was noted.
    pub fn done<T>(self, value: T) -> Result<T, Problems> {
        if self.list.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// The column of the first problem, to name the cause in later files.
    pub fn first_column(&self) -> Option<&'static str> {
        self.list.first().and_then(|(c, _)| *c)
    }
}

/// A value of an enumeration that allows extensions (`ext:…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice<'t> {
    Known(&'static str),
    Ext(&'t str),
}

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

    /// One of `options`. The standard's spelling is case-sensitive, but a
    /// value that differs only in case (`Scheduled`, `TRUE`) is read as
    /// the option it spells, with a warning.
    pub fn choice(&self, column: &'static str, options: &[&'static str]) -> Result<&'static str, Bad> {
        let v = self.required(column)?;
        self.pick(column, v, options)
            .ok_or_else(|| (Some(column), format!("{v:?} is not one of {}", options.join(", "))))
    }

    fn pick(&self, column: &'static str, v: &str, options: &[&'static str]) -> Option<&'static str> {
        if let Some(o) = options.iter().copied().find(|o| *o == v) {
            return Some(o);
        }
        let o = options.iter().copied().find(|o| o.eq_ignore_ascii_case(v))?;
        self.warn(
            column,
            v,
            format!("{v:?} differs from OneRoster's {o:?} only in case; read as {o:?}"),
        );
        Some(o)
    }

    /// One of `options`, or an extension value (`ext:…`), which the
    /// standard allows for this column.
    pub fn choice_ext(&self, column: &'static str, options: &[&'static str]) -> Result<Choice<'t>, Bad> {
        let v = self.required(column)?;
        if v.len() > 4 && v.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("ext:")) {
            return Ok(Choice::Ext(v));
        }
        self.pick(column, v, options).map(Choice::Known).ok_or_else(|| {
            (
                Some(column),
                format!(
                    "{v:?} is not one of {} (or an extension value ext:…)",
                    options.join(", ")
                ),
            )
        })
    }

    /// Notes a lenient reading of `value` in `column` — once per file for
    /// each column and value, so a whole file written `TRUE` gives one
    /// warning, not one per row.
    pub fn warn(&self, column: &'static str, value: &str, reason: String) {
        let mut w = self.warned.borrow_mut();
        if w.seen.len() < 10_000 && w.seen.insert((column, value.into())) {
            w.pending.push((Some(column), reason));
        }
    }

    /// The warnings this row gave (taken: the next row starts empty).
    pub fn take_warnings(&self) -> Vec<Bad> {
        std::mem::take(&mut self.warned.borrow_mut().pending)
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
            v => self
                .pick(column, v, &["true", "false"])
                .map(|b| Some(b == "true"))
                .ok_or_else(|| (Some(column), format!("{v:?} is not true or false"))),
        }
    }

    /// `status` and `dateLastModified`, with their problems noted in `p`.
    /// Delta rows need both. Bulk rows may leave them empty (active, no
    /// time); a bulk `tobedeleted` row is read as not active, and a
    /// malformed `dateLastModified` — which bulk mode does not use — is a
    /// warning and read as none.
    pub fn delta(&self, mode: Mode, p: &mut Problems) -> (bool, Option<OffsetDateTime>) {
        let modified = match p.get(self.text("dateLastModified")) {
            "" => None,
            v => match parse_datetime(v) {
                Some(t) => Some(t),
                None if mode == Mode::Bulk => {
                    self.warn(
                        "dateLastModified",
                        v,
                        format!(
                            "{v:?} is not a date and time (ISO 8601); bulk mode does not use it, so it was ignored"
                        ),
                    );
                    None
                }
                None => {
                    p.push((
                        Some("dateLastModified"),
                        format!("{v:?} is not a date and time (ISO 8601)"),
                    ));
                    None
                }
            },
        };
        let status = match p.get(self.text("status")) {
            "" if mode == Mode::Bulk => "active",
            _ => p.get(self.choice("status", &["active", "tobedeleted"])),
        };
        if mode == Mode::Delta && modified.is_none() && p.list.iter().all(|(c, _)| *c != Some("dateLastModified")) {
            p.push((Some("dateLastModified"), "a value is required in delta mode".to_owned()));
        }
        (status != "tobedeleted", modified)
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
