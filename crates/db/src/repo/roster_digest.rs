//! The roster importer's view of the two biggest tables (persons and
//! enrollments): per record its id, sourcedId, whether it is active, its
//! `dateLastModified`, and a *canonical text* of the fields a OneRoster row
//! sets. The importer hashes that text, so it compares a million stored
//! records with the file without holding them.
//!
//! The text is built in Rust ([`PersonRec::canon`], [`EnrollmentRec::canon`])
//! for rows of the file and for PostgreSQL reads, and in SQL for SQLite
//! reads, where thousands of records come back as one value: SQLite hands a
//! client each value of each row separately, and at two million rows of ten
//! columns that, not the query, was most of a re-import. Every part of the
//! text carries its length in characters, so any name fits and the two
//! builders can be checked against each other (the importer's tests
//! re-import packages with tabs, line breaks, backslashes and emoji and
//! must find nothing changed).

use std::fmt::Write as _;

use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::roster::{EnrollmentRec, PersonRec};
use crate::{DbError, Tx};

/// A stored record as the importer compares it.
#[derive(Debug, Clone)]
pub struct Digest {
    pub id: Uuid,
    pub source_id: String,
    pub active: bool,
    pub modified: Option<OffsetDateTime>,
    /// The canonical text of the record's fields.
    pub canon: String,
}

fn text(out: &mut String, s: &str) {
    let _ = write!(out, "{}:{s}", s.chars().count());
}

fn opt_text(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) if !s.is_empty() => text(out, s),
        _ => out.push('-'),
    }
}

fn uuid(out: &mut String, u: Uuid) {
    out.push_str(u.simple().encode_lower(&mut Uuid::encode_buffer()));
}

fn date(out: &mut String, d: Option<Date>) {
    match d {
        Some(d) => {
            let _ = write!(out, "{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day());
        }
        None => out.push('-'),
    }
}

impl PersonRec {
    /// The canonical text of a person's roster fields (see the module).
    pub fn canon(&self) -> String {
        let mut out = String::with_capacity(64);
        text(&mut out, &self.given_name);
        text(&mut out, &self.family_name);
        opt_text(&mut out, self.preferred_name.as_deref());
        opt_text(&mut out, self.pronouns.as_deref());
        opt_text(&mut out, self.email.as_deref());
        opt_text(&mut out, self.phone.as_deref());
        opt_text(&mut out, self.username.as_deref());
        opt_text(&mut out, self.middle_name.as_deref());
        opt_text(&mut out, self.user_ids.as_deref());
        out
    }
}

impl EnrollmentRec {
    /// The canonical text of an enrollment's roster fields (see the module).
    pub fn canon(&self) -> String {
        let mut out = String::with_capacity(96);
        uuid(&mut out, self.class_id);
        uuid(&mut out, self.person_id);
        text(&mut out, self.role);
        out.push(if self.is_primary { '1' } else { '0' });
        date(&mut out, self.begin_date);
        date(&mut out, self.end_date);
        out
    }
}

/// SQL for a text column as [`text`] writes it.
fn sql_text(col: &str) -> String {
    format!("length({col}) || ':' || {col}")
}

/// SQL for an optional text column as [`opt_text`] writes it.
fn sql_opt_text(col: &str) -> String {
    format!("CASE WHEN {col} IS NULL OR {col} = '' THEN '-' ELSE length({col}) || ':' || {col} END")
}

const PERSON_CANON: &str = "persons";
const ENROLLMENT_CANON: &str = "enrollments";

fn canon_sql(table: &str) -> String {
    match table {
        PERSON_CANON => [
            sql_text("given_name"),
            sql_text("family_name"),
            sql_opt_text("preferred_name"),
            sql_opt_text("pronouns"),
            sql_opt_text("email"),
            sql_opt_text("phone"),
            sql_opt_text("roster_username"),
            sql_opt_text("middle_name"),
            sql_opt_text("user_ids"),
        ]
        .join(" || "),
        _ => [
            "lower(hex(class_id))".to_owned(),
            "lower(hex(person_id))".to_owned(),
            // As the typed read: a role ssp does not know reads as "".
            "CASE WHEN role IN ('student', 'teacher', 'aide') THEN length(role) || ':' || role ELSE '0:' END"
                .to_owned(),
            "CASE WHEN is_primary THEN '1' ELSE '0' END".to_owned(),
            "coalesce(begin_date, '-')".to_owned(),
            "coalesce(end_date, '-')".to_owned(),
        ]
        .join(" || "),
    }
}

/// Records per value SQLite sends back.
const PER_VALUE: i64 = 4096;

/// SQLite: the next (up to) [`PER_VALUE`] of the district's records of
/// `table` in sourcedId order, as one value of back-to-back records
/// `id(32 hex) active(0|1) len:sourcedId (-|len:modified) len:canon`, and
/// the last sourcedId (where the next page starts). Paging by the
/// `(district_id, source_id)` index keeps SQLite from buffering the table.
fn sqlite_sql(table: &str, first: bool) -> String {
    let canon = canon_sql(table);
    let after = if first { "" } else { "AND source_id > $2" };
    format!(
        "SELECT group_concat(line, ''), max(sid) FROM ( \
           SELECT source_id AS sid, \
                  lower(hex(id)) || (status = 'active') || {source} || \
                  CASE WHEN roster_modified_at IS NULL THEN '-' ELSE {modified} END || {c} AS line \
           FROM (SELECT id, status, source_id, roster_modified_at, {canon} AS c \
                 FROM {table} WHERE district_id = $1 AND source_id IS NOT NULL {after} \
                 ORDER BY source_id LIMIT {PER_VALUE}))",
        source = sql_text("source_id"),
        modified = sql_text("roster_modified_at"),
        c = sql_text("c"),
    )
}

fn bad(what: &str) -> DbError {
    DbError::Sqlx(sqlx::Error::Decode(
        format!("unexpected roster record text ({what})").into(),
    ))
}

/// `len:text` at the start of `s`: the text and the rest.
fn take_text(s: &str) -> Result<(&str, &str), DbError> {
    let colon = s.find(':').ok_or_else(|| bad("no length"))?;
    let chars: usize = s[..colon].parse().map_err(|_| bad("length"))?;
    let body = &s[colon + 1..];
    let end = match body.char_indices().nth(chars) {
        Some((i, _)) => i,
        None if body.chars().count() == chars => body.len(),
        None => return Err(bad("short text")),
    };
    Ok((&body[..end], &body[end..]))
}

/// Splits one SQLite value into its records.
fn parse_value(mut s: &str, each: &mut (dyn FnMut(Digest) + Send)) -> Result<(), DbError> {
    while !s.is_empty() {
        let id = s.get(..32).ok_or_else(|| bad("id"))?;
        let id = Uuid::try_parse(id).map_err(|_| bad("id"))?;
        let active = match s.as_bytes().get(32) {
            Some(b'1') => true,
            Some(b'0') => false,
            _ => return Err(bad("status")),
        };
        let (source_id, rest) = take_text(&s[33..])?;
        let (modified, rest) = match rest.strip_prefix('-') {
            Some(rest) => (None, rest),
            None => {
                let (m, rest) = take_text(rest)?;
                (
                    Some(OffsetDateTime::parse(m, &Rfc3339).map_err(|_| bad("dateLastModified"))?),
                    rest,
                )
            }
        };
        let (canon, rest) = take_text(rest)?;
        each(Digest {
            id,
            source_id: source_id.to_owned(),
            active,
            modified,
            canon: canon.to_owned(),
        });
        s = rest;
    }
    Ok(())
}

async fn sqlite_digests(
    tx: &mut Tx,
    table: &str,
    district_id: Uuid,
    each: &mut (dyn FnMut(Digest) + Send),
) -> Result<bool, DbError> {
    let Tx::Sqlite(t) = tx else { return Ok(false) };
    let (first, next) = (sqlite_sql(table, true), sqlite_sql(table, false));
    let mut last: Option<String> = None;
    loop {
        let query = match &last {
            None => sqlx::query_as::<_, (Option<String>, Option<String>)>(&first).bind(district_id),
            Some(after) => sqlx::query_as(&next).bind(district_id).bind(after.as_str()),
        };
        let (value, end) = query.fetch_one(&mut **t).await?;
        let (Some(value), Some(end)) = (value, end) else { break };
        parse_value(&value, each)?;
        last = Some(end);
    }
    Ok(true)
}

/// A typed record read (PostgreSQL) as the importer compares it.
fn typed<R>(s: super::roster::Stored<R>, canon: impl Fn(&R) -> String) -> Digest {
    Digest {
        canon: canon(&s.rec),
        id: s.id,
        source_id: s.source_id,
        active: s.active,
        modified: s.modified,
    }
}

/// Streams the district's roster persons, as the importer compares them.
pub async fn persons(tx: &mut Tx, district_id: Uuid, each: &mut (dyn FnMut(Digest) + Send)) -> Result<(), DbError> {
    if sqlite_digests(tx, PERSON_CANON, district_id, each).await? {
        return Ok(());
    }
    super::roster::load_persons(tx, district_id, &mut |s| each(typed(s, PersonRec::canon))).await
}

/// Streams the district's roster enrollments, as the importer compares them.
pub async fn enrollments(tx: &mut Tx, district_id: Uuid, each: &mut (dyn FnMut(Digest) + Send)) -> Result<(), DbError> {
    if sqlite_digests(tx, ENROLLMENT_CANON, district_id, each).await? {
        return Ok(());
    }
    super::roster::load_enrollments(tx, district_id, &mut |s| each(typed(s, EnrollmentRec::canon))).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_count_characters_so_any_text_splits_back() {
        let mut s = String::new();
        text(&mut s, "Zoë 😀:1:");
        text(&mut s, "");
        assert_eq!(s, "8:Zoë 😀:1:0:");
        let (a, rest) = take_text(&s).unwrap();
        assert_eq!(a, "Zoë 😀:1:");
        let (b, rest) = take_text(rest).unwrap();
        assert_eq!((b, rest), ("", ""));
        assert!(take_text("5:abc").is_err(), "a short text is an error, not a guess");
    }

    #[test]
    fn a_value_of_several_records_parses_back() {
        let id = Uuid::now_v7();
        let line = |active: char, sid: &str, modified: &str, canon: &str| {
            let mut s = id.simple().to_string();
            s.push(active);
            text(&mut s, sid);
            if modified.is_empty() {
                s.push('-');
            } else {
                text(&mut s, modified);
            }
            text(&mut s, canon);
            s
        };
        let value = line('1', "u-1", "", "3:Ana") + &line('0', "u:2", "2026-11-02T08:00:00Z", "");
        let mut got = Vec::new();
        parse_value(&value, &mut |d| got.push(d)).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].id, got[0].active, got[0].source_id.as_str()), (id, true, "u-1"));
        assert_eq!(got[0].canon, "3:Ana");
        assert!(got[0].modified.is_none());
        assert_eq!(
            (got[1].active, got[1].source_id.as_str(), got[1].canon.as_str()),
            (false, "u:2", "")
        );
        assert_eq!(got[1].modified.map(|m| m.unix_timestamp()), Some(1_793_606_400));
        assert!(parse_value(&value[..value.len() - 2], &mut |_| {}).is_err());
    }
}
