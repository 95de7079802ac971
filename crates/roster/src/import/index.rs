//! The district's records of one kind by sourcedId, as they stand and as
//! the package wants them, and the writes that close the gap.

use std::collections::HashMap;
use std::future::Future;
use std::hash::{Hash, Hasher};

use ssp_db::repo::roster::{
    self as repo, ClassRec, CourseRec, EnrollmentRec, OrgRec, PersonRec, SessionRec, Stored, Table,
};
use ssp_db::repo::roster_digest::Digest;
use ssp_db::{DbError, Tx};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::package::Mode;
use crate::table::Bad;

/// What one row did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Created,
    Updated,
    Unchanged,
    Deactivated,
    /// A delta row older than what ssp holds.
    Stale,
    /// `tobedeleted` for a record ssp does not have (or already inactive).
    Nothing,
}

/// What the importer keeps of a stored record: enough to tell whether a row
/// changes it (a 64-bit hash of the record, not the record — a million
/// people and two million enrollments stay well under the memory budget),
/// its id, and the few fields later files look up (`Kind::Kept`).
pub struct Slot<R: Kind> {
    pub id: Uuid,
    hash: u64,
    pub kept: R::Kept,
    modified: Stamp,
    pub active: bool,
    pub seen: bool,
}

/// A `dateLastModified` in eight bytes (nanoseconds since 1970; `i64::MIN`
/// for none), ordered like the time it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Stamp(i64);

impl Stamp {
    const NONE: Stamp = Stamp(i64::MIN);

    fn of(t: Option<OffsetDateTime>) -> Stamp {
        match t {
            Some(t) => Stamp(i64::try_from(t.unix_timestamp_nanos()).unwrap_or(if t.year() < 1970 {
                i64::MIN + 1
            } else {
                i64::MAX
            })),
            None => Stamp::NONE,
        }
    }

    fn get(self) -> Option<i64> {
        (self != Stamp::NONE).then_some(self.0)
    }

    fn time(self) -> Option<OffsetDateTime> {
        self.get()
            .and_then(|n| OffsetDateTime::from_unix_timestamp_nanos(i128::from(n)).ok())
    }
}

/// The hash that stands for a record when comparing it with a row. A
/// fixed-key SipHash: equal records always hash alike; a changed record
/// goes unnoticed only on a 64-bit collision between its two versions.
fn sip<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Records of one kind keyed by sourcedId.
pub struct Index<R: Kind> {
    pub map: HashMap<Box<str>, Slot<R>>,
}

impl<R: Kind> Index<R> {
    pub fn new() -> Self {
        Index { map: HashMap::new() }
    }

    pub fn load(&mut self, s: Stored<R>) {
        self.map.insert(
            s.source_id.into_boxed_str(),
            Slot {
                id: s.id,
                hash: s.rec.digest(),
                kept: s.rec.kept(),
                modified: Stamp::of(s.modified),
                active: s.active,
                seen: false,
            },
        );
    }

    /// A stored record read as its canonical text (persons, enrollments).
    pub fn load_digest(&mut self, d: Digest)
    where
        R::Kept: Default,
    {
        self.map.insert(
            d.source_id.into_boxed_str(),
            Slot {
                id: d.id,
                hash: sip(d.canon.as_str()),
                kept: R::Kept::default(),
                modified: Stamp::of(d.modified),
                active: d.active,
                seen: false,
            },
        );
    }

    pub fn from_stored(rows: Vec<Stored<R>>) -> Self {
        let mut index = Index::new();
        for r in rows {
            index.load(r);
        }
        index
    }

    pub fn id(&self, sid: &str) -> Option<Uuid> {
        self.map.get(sid).map(|s| s.id)
    }

    /// Applies one row; `rec` is what the row wants (ignored for a
    /// `tobedeleted` row). Returns the change and the write it needs.
    pub fn apply(
        &mut self,
        sid: &str,
        rec: R,
        active: bool,
        modified: Option<OffsetDateTime>,
        mode: Mode,
    ) -> Result<(Change, Option<Write<R>>), Bad> {
        let stamp = Stamp::of(modified);
        let Some(slot) = self.map.get_mut(sid) else {
            if !active {
                return Ok((Change::Nothing, None));
            }
            let id = Uuid::now_v7();
            self.map.insert(
                sid.into(),
                Slot {
                    id,
                    hash: rec.digest(),
                    kept: rec.kept(),
                    modified: stamp,
                    active: true,
                    seen: true,
                },
            );
            let row = Stored {
                id,
                source_id: sid.to_owned(),
                rec,
                active: true,
                modified,
            };
            return Ok((Change::Created, Some(Write::Insert(row))));
        };
        if slot.seen && mode == Mode::Bulk {
            return Err((
                Some("sourcedId"),
                format!("sourcedId {sid:?} appears more than once in this file; the first row was kept"),
            ));
        }
        if let (Some(held), Some(new)) = (slot.modified.get(), stamp.get()) {
            if mode == Mode::Delta && new < held {
                slot.seen = true;
                return Ok((Change::Stale, None));
            }
        }
        slot.seen = true;
        if !active {
            if !slot.active {
                return Ok((Change::Nothing, None));
            }
            slot.active = false;
            if modified.is_some() {
                slot.modified = stamp;
            }
            let write = Write::Deactivate { id: slot.id, modified };
            return Ok((Change::Deactivated, Some(write)));
        }
        let hash = rec.digest();
        if slot.active && slot.hash == hash {
            return Ok((Change::Unchanged, None));
        }
        slot.hash = hash;
        slot.kept = rec.kept();
        slot.active = true;
        if modified.is_some() {
            slot.modified = stamp;
        }
        let row = Stored {
            id: slot.id,
            source_id: sid.to_owned(),
            rec,
            active: true,
            modified: slot.modified.time(),
        };
        Ok((Change::Updated, Some(Write::Update(row))))
    }

    /// Bulk mode: the active records the file did not name; they are
    /// marked inactive here and their ids returned for the database.
    pub fn unseen_active(&mut self) -> Vec<Uuid> {
        self.map
            .values_mut()
            .filter(|s| !s.seen && s.active)
            .map(|s| {
                s.active = false;
                s.id
            })
            .collect()
    }

    /// Just sourcedId → id, for the files that refer to these records.
    pub fn ids(self) -> HashMap<Box<str>, Uuid> {
        self.map.into_iter().map(|(k, s)| (k, s.id)).collect()
    }
}

pub enum Write<R> {
    Insert(Stored<R>),
    Update(Stored<R>),
    /// A `tobedeleted` row: the record goes inactive, its fields stay.
    Deactivate {
        id: Uuid,
        modified: Option<OffsetDateTime>,
    },
}

/// A roster table the importer writes: many-row inserts, one-row updates.
pub trait Kind: Hash + Send + Sync + Sized + 'static {
    /// The table, for deactivation by id.
    const TABLE: Table;
    /// What later files need to know of a record besides its id.
    type Kept: Send + Sync;
    fn kept(&self) -> Self::Kept;
    /// The hash compared with the stored record's.
    fn digest(&self) -> u64;
    fn insert<'a>(
        tx: &'a mut Tx,
        district: Uuid,
        rows: &'a [Stored<Self>],
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<(), DbError>> + Send + 'a;
    fn update<'a>(
        tx: &'a mut Tx,
        row: &'a Stored<Self>,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<(), DbError>> + Send + 'a;
}

macro_rules! kind {
    ($rec:ty, $table:expr, $insert:path, $update:path, |$r:ident| -> $kept:ty { $keep:expr }, $digest:expr) => {
        impl Kind for $rec {
            const TABLE: Table = $table;
            type Kept = $kept;
            fn kept(&self) -> $kept {
                let $r = self;
                $keep
            }
            fn digest(&self) -> u64 {
                ($digest)(self)
            }
            fn insert<'a>(
                tx: &'a mut Tx,
                district: Uuid,
                rows: &'a [Stored<Self>],
                now: OffsetDateTime,
            ) -> impl Future<Output = Result<(), DbError>> + Send + 'a {
                $insert(tx, district, rows, now)
            }
            fn update<'a>(
                tx: &'a mut Tx,
                row: &'a Stored<Self>,
                now: OffsetDateTime,
            ) -> impl Future<Output = Result<(), DbError>> + Send + 'a {
                $update(tx, row, now)
            }
        }
    };
}

kind!(
    OrgRec,
    Table::Orgs,
    repo::insert_orgs,
    repo::update_org,
    |r| -> (&'static str, Option<Uuid>) { (r.kind, r.parent_id) },
    sip::<OrgRec>
);
kind!(
    SessionRec,
    Table::AcademicSessions,
    repo::insert_sessions,
    repo::update_session,
    |_r| -> () { () },
    sip::<SessionRec>
);
kind!(
    CourseRec,
    Table::Courses,
    repo::insert_courses,
    repo::update_course,
    |_r| -> () { () },
    sip::<CourseRec>
);
kind!(
    ClassRec,
    Table::Classes,
    repo::insert_classes,
    repo::update_class,
    |r| -> Uuid { r.school_id },
    sip::<ClassRec>
);
// The two big tables compare by canonical text, read cheaply from SQLite
// (`repo::roster_digest`).
kind!(
    PersonRec,
    Table::Persons,
    repo::insert_persons,
    repo::update_person,
    |_r| -> () { () },
    |r: &PersonRec| sip(r.canon().as_str())
);
kind!(
    EnrollmentRec,
    Table::Enrollments,
    repo::insert_enrollments,
    repo::update_enrollment,
    |_r| -> () { () },
    |r: &EnrollmentRec| sip(r.canon().as_str())
);

/// Writes waiting to go out, flushed in order: inserts first (so an update
/// of a record created in the same batch finds it), then updates and
/// deactivations.
pub struct Pending<R> {
    inserts: Vec<Stored<R>>,
    updates: Vec<Stored<R>>,
    deactivations: Vec<(Uuid, Option<OffsetDateTime>)>,
}

/// Rows per flush: big enough for few statements, small enough to keep
/// memory flat.
const FLUSH_AT: usize = 5_000;

impl<R: Kind> Pending<R> {
    pub fn new() -> Self {
        Pending {
            inserts: Vec::new(),
            updates: Vec::new(),
            deactivations: Vec::new(),
        }
    }

    pub async fn push(
        &mut self,
        tx: &mut Tx,
        district: Uuid,
        write: Write<R>,
        now: OffsetDateTime,
    ) -> Result<(), DbError> {
        match write {
            Write::Insert(r) => self.inserts.push(r),
            Write::Update(r) => self.updates.push(r),
            Write::Deactivate { id, modified } => self.deactivations.push((id, modified)),
        }
        if self.inserts.len() + self.updates.len() + self.deactivations.len() >= FLUSH_AT {
            self.flush(tx, district, now).await?;
        }
        Ok(())
    }

    pub async fn flush(&mut self, tx: &mut Tx, district: Uuid, now: OffsetDateTime) -> Result<(), DbError> {
        if !self.inserts.is_empty() {
            R::insert(tx, district, &self.inserts, now).await?;
            self.inserts.clear();
        }
        for row in self.updates.drain(..) {
            R::update(tx, &row, now).await?;
        }
        for (id, modified) in self.deactivations.drain(..) {
            repo::deactivate_row(tx, R::TABLE, id, modified, now).await?;
        }
        Ok(())
    }
}
