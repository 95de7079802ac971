//! PostgreSQL `COPY … FROM STDIN` for the bulk inserts: rows are written in
//! COPY's text format and streamed to the server, which loads them several
//! times faster than many-row `INSERT`s with bound values. `bulk_insert!`
//! uses it on PostgreSQL for large batches; the same column list and the
//! same `push_bind` calls feed both paths.

use sqlx::PgConnection;
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::DbError;

/// Batches smaller than this go through `INSERT` (a COPY has a fixed cost).
pub(crate) const COPY_FROM: usize = 500;

/// Bytes buffered before a chunk is sent to the server.
const CHUNK: usize = 1 << 20;

/// A value in COPY's text format.
pub(crate) trait CopyValue {
    fn write(&self, out: &mut String);
}

impl<T: CopyValue + ?Sized> CopyValue for &T {
    fn write(&self, out: &mut String) {
        (**self).write(out)
    }
}

impl<T: CopyValue> CopyValue for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            Some(v) => v.write(out),
            None => out.push_str("\\N"),
        }
    }
}

impl CopyValue for str {
    fn write(&self, out: &mut String) {
        for c in self.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c => out.push(c),
            }
        }
    }
}

impl CopyValue for String {
    fn write(&self, out: &mut String) {
        self.as_str().write(out)
    }
}

impl CopyValue for Uuid {
    fn write(&self, out: &mut String) {
        out.push_str(self.hyphenated().encode_lower(&mut Uuid::encode_buffer()))
    }
}

impl CopyValue for bool {
    fn write(&self, out: &mut String) {
        out.push(if *self { 't' } else { 'f' })
    }
}

macro_rules! display {
    ($($t:ty),*) => {$(
        impl CopyValue for $t {
            fn write(&self, out: &mut String) {
                use std::fmt::Write;
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
display!(i16, i32, i64, f64);

impl CopyValue for Date {
    fn write(&self, out: &mut String) {
        use std::fmt::Write;
        let _ = write!(
            out,
            "{:04}-{:02}-{:02}",
            self.year(),
            u8::from(self.month()),
            self.day()
        );
    }
}

impl CopyValue for OffsetDateTime {
    fn write(&self, out: &mut String) {
        // RFC 3339 is an input format PostgreSQL's timestamptz accepts.
        match self.format(&Rfc3339) {
            Ok(s) => out.push_str(&s),
            Err(_) => out.push_str("\\N"),
        }
    }
}

/// The text of a COPY: one row at a time, tab-separated.
pub(crate) struct CopyText {
    statement: String,
    buf: String,
    first: bool,
}

impl CopyText {
    /// `head` is the bulk insert's `INSERT INTO table (columns) `.
    pub(crate) fn new(head: &str) -> CopyText {
        let target = head.trim().strip_prefix("INSERT INTO ").unwrap_or(head.trim());
        CopyText {
            statement: format!("COPY {target} FROM STDIN"),
            buf: String::with_capacity(CHUNK + 4096),
            first: true,
        }
    }

    /// Adds one value to the current row (named like `QueryBuilder`'s, so
    /// the same row closure serves both).
    pub(crate) fn push_bind<T: CopyValue>(&mut self, value: T) -> &mut Self {
        if !self.first {
            self.buf.push('\t');
        }
        self.first = false;
        value.write(&mut self.buf);
        self
    }

    pub(crate) fn end_row(&mut self) {
        self.buf.push('\n');
        self.first = true;
    }

    pub(crate) fn full(&self) -> bool {
        self.buf.len() >= CHUNK
    }
}

/// Streams rows to the server: `fill` is called until it returns `false`,
/// and whatever it wrote is sent in chunks of about a mebibyte.
pub(crate) async fn copy_in(
    conn: &mut PgConnection,
    text: &mut CopyText,
    mut fill: impl FnMut(&mut CopyText) -> bool,
) -> Result<u64, DbError> {
    let mut copy = conn.copy_in_raw(&text.statement).await?;
    loop {
        let more = fill(text);
        if !text.buf.is_empty() {
            copy.send(text.buf.as_bytes()).await?;
            text.buf.clear();
        }
        if !more {
            break;
        }
    }
    Ok(copy.finish().await?)
}
