//! The district's records of one kind by sourcedId, as they stand and as
//! the package wants them, and the writes that close the gap.

use std::collections::HashMap;
use std::future::Future;

use ssp_db::repo::roster::{self as repo, ClassRec, CourseRec, EnrollmentRec, OrgRec, PersonRec, SessionRec, Stored};
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

pub struct Slot<R> {
    pub id: Uuid,
    pub rec: R,
    pub active: bool,
    pub modified: Option<OffsetDateTime>,
    pub seen: bool,
}

/// Records of one kind keyed by sourcedId.
pub struct Index<R> {
    pub map: HashMap<Box<str>, Slot<R>>,
}

impl<R: Clone + PartialEq> Index<R> {
    pub fn new() -> Self {
        Index { map: HashMap::new() }
    }

    pub fn load(&mut self, s: Stored<R>) {
        self.map.insert(
            s.source_id.into_boxed_str(),
            Slot {
                id: s.id,
                rec: s.rec,
                active: s.active,
                modified: s.modified,
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
        let Some(slot) = self.map.get_mut(sid) else {
            if !active {
                return Ok((Change::Nothing, None));
            }
            let id = Uuid::now_v7();
            self.map.insert(
                sid.into(),
                Slot {
                    id,
                    rec: rec.clone(),
                    active: true,
                    modified,
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
        if let (Some(held), Some(new)) = (slot.modified, modified) {
            if mode == Mode::Delta && new < held {
                slot.seen = true;
                return Ok((Change::Stale, None));
            }
        }
        slot.seen = true;
        let change = if !active {
            if !slot.active {
                return Ok((Change::Nothing, None));
            }
            slot.active = false;
            Change::Deactivated
        } else if slot.active && slot.rec == rec {
            return Ok((Change::Unchanged, None));
        } else {
            slot.rec = rec;
            slot.active = true;
            Change::Updated
        };
        if modified.is_some() {
            slot.modified = modified;
        }
        let row = Stored {
            id: slot.id,
            source_id: sid.to_owned(),
            rec: slot.rec.clone(),
            active: slot.active,
            modified: slot.modified,
        };
        Ok((change, Some(Write::Update(row))))
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
}

/// A roster table the importer writes: many-row inserts, one-row updates.
pub trait Kind: Clone + PartialEq + Send + Sync + 'static {
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
    ($rec:ty, $insert:path, $update:path) => {
        impl Kind for $rec {
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

kind!(OrgRec, repo::insert_orgs, repo::update_org);
kind!(SessionRec, repo::insert_sessions, repo::update_session);
kind!(CourseRec, repo::insert_courses, repo::update_course);
kind!(ClassRec, repo::insert_classes, repo::update_class);
kind!(PersonRec, repo::insert_persons, repo::update_person);
kind!(EnrollmentRec, repo::insert_enrollments, repo::update_enrollment);

/// Writes waiting to go out, flushed in order: inserts first (so an update
/// of a record created in the same batch finds it), then updates.
pub struct Pending<R> {
    inserts: Vec<Stored<R>>,
    updates: Vec<Stored<R>>,
}

/// Rows per flush: big enough for few statements, small enough to keep
/// memory flat.
const FLUSH_AT: usize = 5_000;

impl<R: Kind> Pending<R> {
    pub fn new() -> Self {
        Pending {
            inserts: Vec::new(),
            updates: Vec::new(),
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
        }
        if self.inserts.len() + self.updates.len() >= FLUSH_AT {
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
        Ok(())
    }
}
