//! Flags follow their data: after a load (the students it changed), an API
//! push (that student), a transcript change (the GPA and grade-9 flags) or
//! a change of the district's thresholds (every student with data, in the
//! background), each student's [`FlagInput`] is built from the stored
//! readings and transcript, [`evaluate`]d with the district's thresholds,
//! and the result applied for the kinds the change feeds — a flag of
//! another kind is neither read nor touched: a new finding opens a flag
//! assigned at once ([`choose_owner`]) with the default next step due in
//! [`super::DEFAULT_NEXT_STEP_DAYS`] days; an existing flag gets the
//! system's move ([`system_move`]: clear, reopen) and its evidence, as-of
//! date and stale mark refreshed. Every change is audited with no actor
//! (the system) and the request that caused it.
//!
//! Reads are batched: three or four statements for up to [`BATCH`]
//! students (and the staff of a school once, when a new flag needs an
//! owner there), one transaction for their writes. A refresh writes only
//! the columns the system owns, so an owner's concurrent edit stands; a
//! system move applies only to a flag still as it was read.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use futures::{StreamExt, TryStreamExt};
use serde_json::json;
use ssp_db::repo::academics::catalog as catalog_repo;
use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::repo::support::flags::{self as flags_repo, FlagRow};
use ssp_db::repo::support::readings::{self, StudentFacts};
use ssp_domain::academics::on_track::grade9_on_track;
use ssp_domain::academics::transcript::gpa;
use ssp_domain::audit::AuditAction;
use ssp_domain::support::flag::{choose_owner, system_move, transition, FlagKind, FlagStatus, OwnerBasis};
use ssp_domain::support::indicators::{Attendance, Behaviour, CourseMark, CourseMarkRaw, DataSource, Reading};
use ssp_domain::support::rules::{evaluate, Evidence, Finding, FlagInput, Rule};
use ssp_domain::{GradeLevel, OrgId, PersonId, StaffRole, StudentId};
use time::Duration;
use uuid::Uuid;

use crate::error::Error;
use crate::App;

/// The flags a transcript feeds (a transcript load or a hand-entered
/// entry recomputes just these).
pub const FROM_TRANSCRIPT: &[FlagKind] = &[FlagKind::LowGpa, FlagKind::Grade9OffTrack];

/// Students read and written together.
pub const BATCH: usize = 200;

/// What a recomputation changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    pub opened: usize,
    pub moved: usize,
    pub refreshed: usize,
    /// Findings no one could own (no plan manager, nobody at the school):
    /// logged, not stored.
    pub unowned: usize,
}

/// The owner basis as stored: `plan_manager`, `routed:<role>`,
/// `fallback:<role>`, `reassigned`.
pub fn basis_key(b: OwnerBasis) -> String {
    match b {
        OwnerBasis::PlanManager => "plan_manager".into(),
        OwnerBasis::Routed(r) => format!("routed:{}", r.as_str()),
        OwnerBasis::Fallback(r) => format!("fallback:{}", r.as_str()),
    }
}

/// The numbers behind a finding and its rule's threshold, as the flag
/// stores them (JSON; every value a string the page puts in the sentence).
pub fn evidence_json(f: &Finding) -> String {
    let mut v = match &f.evidence {
        Evidence::Absence { attendance: a, percent } => json!({
            "days_enrolled": a.days_enrolled.to_string(),
            "days_absent": a.days_absent().to_string(),
            "excused": a.excused.to_string(),
            "unexcused": a.unexcused.to_string(),
            "disciplinary": a.disciplinary.to_string(),
            "percent": percent.to_string(),
        }),
        Evidence::Suspension(b) => json!({
            "incidents": b.incidents.to_string(),
            "iss_days": b.in_school_suspension_days.to_string(),
            "oss_days": b.out_of_school_suspension_days.to_string(),
            "days": b.suspension_days().to_string(),
        }),
        Evidence::FailedCourses(c) => json!({
            "count": c.len().to_string(),
            "courses": c.iter().map(|m| m.course_code.as_str()).collect::<Vec<_>>().join(", "),
        }),
        Evidence::Gpa(p) => json!({ "gpa": p.to_string() }),
        Evidence::Grade9(g) => json!({
            "credits_earned": g.credits_earned.to_string(),
            "credits_needed": g.credits_needed.to_string(),
            "core_fs": g.core_semester_fs.to_string(),
            "core_fs_allowed": g.core_fs_allowed.to_string(),
        }),
    };
    let rule = match f.rule {
        Rule::ChronicAbsence {
            percent,
            min_days_enrolled,
        } => json!({ "threshold_percent": percent.to_string(), "threshold_min_days": min_days_enrolled.to_string() }),
        Rule::Suspension { min_days } => json!({ "threshold_days": min_days.to_string() }),
        Rule::LowGpa { at_most } => json!({ "threshold_gpa": at_most.to_string() }),
        Rule::Grade9OffTrack {
            min_credits,
            max_core_semester_fs,
        } => json!({ "threshold_credits": min_credits.to_string(), "threshold_fs": max_core_semester_fs.to_string() }),
        Rule::HighSchoolCourseFailure | Rule::MiddleGradesCourseFailure => json!({}),
    };
    if let (Some(o), Some(r)) = (v.as_object_mut(), rule.as_object()) {
        o.extend(r.clone());
    }
    v.to_string()
}

fn source(s: &str) -> DataSource {
    DataSource::parse(s).unwrap_or_else(|_| DataSource::parse("unknown").expect("a valid source"))
}

/// Everything the rules see about one student, from the batch's rows.
struct Batch {
    facts: Vec<StudentFacts>,
    attendance: HashMap<Uuid, Reading<Attendance>>,
    behaviour: HashMap<Uuid, Reading<Behaviour>>,
    marks: HashMap<Uuid, Reading<Vec<CourseMark>>>,
    transcripts: HashMap<Uuid, Vec<ssp_db::repo::academics::transcripts::EntryRow>>,
    flags: HashMap<(Uuid, String), FlagRow>,
}

/// What a recomputation reads for the kinds it recomputes: a load of
/// attendance reads no transcript.
#[derive(Debug, Clone, Copy)]
struct Needs {
    attendance: bool,
    behaviour: bool,
    marks: bool,
    transcript: bool,
}

impl Needs {
    fn of(kinds: &[FlagKind]) -> Self {
        let has = |k| kinds.contains(&k);
        Needs {
            attendance: has(FlagKind::ChronicAbsence),
            behaviour: has(FlagKind::Suspension),
            marks: has(FlagKind::CourseFailure),
            transcript: has(FlagKind::LowGpa) || has(FlagKind::Grade9OffTrack),
        }
    }
}

async fn read_batch(app: &App, students: &[StudentId], kinds: &[FlagKind]) -> Result<Batch, Error> {
    let db = app.db();
    let needs = Needs::of(kinds);
    let facts = readings::student_facts(db, students).await?;
    let r = readings::for_students(db, students, needs.attendance, needs.behaviour, needs.marks).await?;
    let mut attendance = HashMap::new();
    // Rows come oldest school year first: the last one is current.
    for a in r.attendance {
        let value = Attendance {
            days_enrolled: a.days_enrolled.max(0) as u32,
            excused: a.excused.max(0) as u32,
            unexcused: a.unexcused.max(0) as u32,
            disciplinary: a.disciplinary.max(0) as u32,
        };
        attendance.insert(
            a.student_id,
            Reading {
                value,
                as_of: a.as_of,
                source: source(&a.source),
            },
        );
    }
    let mut behaviour = HashMap::new();
    for b in r.behaviour {
        let value = Behaviour {
            incidents: b.incidents.max(0) as u32,
            in_school_suspension_days: b.iss_days.max(0) as u32,
            out_of_school_suspension_days: b.oss_days.max(0) as u32,
        };
        behaviour.insert(
            b.student_id,
            Reading {
                value,
                as_of: b.as_of,
                source: source(&b.source),
            },
        );
    }
    let mut marks: HashMap<Uuid, Reading<Vec<CourseMark>>> = HashMap::new();
    for m in r.marks {
        let ends = m.term_ends_on.to_string();
        let Ok(mark) = (CourseMarkRaw {
            course_code: &m.course_code,
            subject: &m.subject,
            term_length: &m.term_length,
            failing: if m.failing { "yes" } else { "no" },
            term_ends_on: &ends,
        })
        .parse() else {
            continue;
        };
        let e = marks.entry(m.student_id).or_insert_with(|| Reading {
            value: Vec::new(),
            as_of: m.as_of,
            source: source(&m.source),
        });
        // The marks are as of their newest date, from its source.
        if m.as_of > e.as_of {
            e.as_of = m.as_of;
            e.source = source(&m.source);
        }
        e.value.push(mark);
    }
    let mut transcripts: HashMap<Uuid, Vec<_>> = HashMap::new();
    if needs.transcript {
        for (s, row) in readings::transcripts(db, students).await? {
            transcripts.entry(s).or_default().push(row);
        }
    }
    let kind_keys: Vec<&str> = kinds.iter().map(|k| k.key()).collect();
    let flags = flags_repo::for_students(db, students, &kind_keys)
        .await?
        .into_iter()
        .map(|f| ((f.student_id, f.kind.clone()), f))
        .collect();
    Ok(Batch {
        facts,
        attendance,
        behaviour,
        marks,
        transcripts,
        flags,
    })
}

/// The staff of each school who may own a routed or fallback flag, read
/// once per school per recomputation (only when a new flag needs them).
#[derive(Default)]
struct Holders(Mutex<HashMap<Uuid, Vec<(StaffRole, PersonId)>>>);

impl Holders {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Uuid, Vec<(StaffRole, PersonId)>>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Reads the schools not read yet.
    async fn load(&self, app: &App, schools: &HashSet<Uuid>) -> Result<(), Error> {
        let missing: Vec<Uuid> = {
            let have = self.lock();
            schools.iter().filter(|s| !have.contains_key(*s)).copied().collect()
        };
        if missing.is_empty() {
            return Ok(());
        }
        let mut found: HashMap<Uuid, Vec<(StaffRole, PersonId)>> = missing.iter().map(|s| (*s, Vec::new())).collect();
        for (school, role, person) in readings::role_holders(app.db(), &missing).await? {
            if let Ok(role) = StaffRole::parse(&role) {
                found.entry(school).or_default().push((role, PersonId(person)));
            }
        }
        self.lock().extend(found);
        Ok(())
    }
}

/// The district's settings, and (for the GPA and grade-9 rules only) its
/// graduation rules and catalog.
struct Context {
    settings: super::settings::SupportSettings,
    academics: Option<(
        crate::academics::rules::DistrictRules,
        ssp_domain::academics::course::Catalog,
    )>,
    holders: Holders,
}

/// Recomputes the flags of `kinds` (those the changed data feeds; every
/// kind after a change of thresholds) of `students` of `district` now.
/// `request_id` ties the audit rows to what caused it.
pub async fn students(
    app: &App,
    district: OrgId,
    students: &[StudentId],
    kinds: &[FlagKind],
    request_id: &str,
) -> Result<Changes, Error> {
    students_with_progress(app, district, students, kinds, request_id, &|_, _| {}).await
}

/// [`students`] after the data was committed by the caller: a failure is
/// retried once (a recomputation running at the same time may have opened
/// the same flag), then logged rather than returned — the data is saved,
/// and failing the request would not bring the flags back.
pub async fn after_commit(app: &App, district: OrgId, students: &[StudentId], kinds: &[FlagKind], request_id: &str) {
    for attempt in 1..=2 {
        match self::students(app, district, students, kinds, request_id).await {
            Ok(_) => return,
            Err(e) if attempt == 1 => tracing::warn!(request_id, error = %e, "recomputing flags failed; retrying"),
            Err(e) => tracing::error!(request_id, error = %e, "recomputing flags failed"),
        }
    }
}

/// [`students`], telling `progress(done, total)` after each batch.
pub async fn students_with_progress(
    app: &App,
    district: OrgId,
    students: &[StudentId],
    kinds: &[FlagKind],
    request_id: &str,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Changes, Error> {
    let mut total = Changes::default();
    if students.is_empty() || kinds.is_empty() {
        return Ok(total);
    }
    let settings = super::settings::of(app, district).await?;
    let academics = if Needs::of(kinds).transcript {
        let rules = crate::academics::rules::of(app, district).await?;
        let catalog = crate::academics::catalog_of(&catalog_repo::list(app.db(), district).await?);
        Some((rules, catalog))
    } else {
        None
    };
    let cx = &Context {
        settings,
        academics,
        holders: Holders::default(),
    };
    // Two batches side by side: one's reads run while the other computes
    // and writes (the students are disjoint; SQLite's writes still queue
    // for its one writer).
    let mut batches = futures::stream::iter((0..students.len()).step_by(BATCH))
        .map(|from| async move {
            let part = &students[from..(from + BATCH).min(students.len())];
            let b = read_batch(app, part, kinds).await?;
            let c = apply(app, district, cx, kinds, &b, request_id).await?;
            Ok::<_, Error>((part.len(), c))
        })
        .buffered(SIDE_BY_SIDE);
    let mut done = 0;
    while let Some((n, c)) = batches.try_next().await? {
        total.opened += c.opened;
        total.moved += c.moved;
        total.refreshed += c.refreshed;
        total.unowned += c.unowned;
        done += n;
        progress(done.min(students.len()), students.len());
    }
    Ok(total)
}

/// Batches read and applied at the same time.
const SIDE_BY_SIDE: usize = 2;

async fn apply(
    app: &App,
    district: OrgId,
    cx: &Context,
    kinds: &[FlagKind],
    b: &Batch,
    request_id: &str,
) -> Result<Changes, Error> {
    let now = app.now();
    let today = now.date();
    let settings = &cx.settings;
    let t = &settings.thresholds;
    let mut changes = Changes::default();
    // Evaluated first, written after: new flags need their school's staff
    // (read once per school), and every write goes many rows per statement.
    let mut evaluated = Vec::with_capacity(b.facts.len());
    for s in b.facts.iter().filter(|s| s.district_id == district.0) {
        let Ok(grade_level) = GradeLevel::new(i64::from(s.grade_level)) else {
            continue;
        };
        let (gpa_reading, grade9) = match (&cx.academics, b.transcripts.get(&s.person_id)) {
            (Some((rules, catalog)), Some(rows)) => {
                let entries: Vec<_> = rows
                    .iter()
                    .filter_map(|r| crate::academics::entry_of(r, &rules.scale))
                    .collect();
                let as_of = rows.iter().map(|r| r.updated_at.date()).max();
                let transcript_source = source("transcript");
                (
                    as_of.and_then(|as_of| {
                        gpa(&entries, &rules.scale).unweighted.map(|value| Reading {
                            value,
                            as_of,
                            source: transcript_source.clone(),
                        })
                    }),
                    as_of.filter(|_| grade_level.is_high_school()).map(|as_of| Reading {
                        value: grade9_on_track(&entries, catalog, &rules.scale, s.graduation_year, today, &t.grade9),
                        as_of,
                        source: transcript_source.clone(),
                    }),
                )
            }
            _ => (None, None),
        };
        let input = FlagInput {
            grade_level,
            attendance: b.attendance.get(&s.person_id).cloned(),
            behaviour: b.behaviour.get(&s.person_id).cloned(),
            marks: b.marks.get(&s.person_id).cloned(),
            gpa: gpa_reading,
            grade9,
        };
        // Only the kinds recomputed: the others' data was not read.
        let findings: Vec<Finding> = evaluate(&input, t, today)
            .into_iter()
            .filter(|f| kinds.contains(&f.kind))
            .collect();
        evaluated.push((s, findings));
    }
    let new_at: HashSet<Uuid> = evaluated
        .iter()
        .filter(|(s, findings)| {
            findings
                .iter()
                .any(|f| !b.flags.contains_key(&(s.person_id, f.kind.key().to_owned())))
        })
        .map(|(s, _)| s.school_id)
        .collect();
    cx.holders.load(app, &new_at).await?;
    // Only the schools where a flag opens (a copy: the lock is not held
    // across the writes' awaits).
    let holders: HashMap<Uuid, Vec<(StaffRole, PersonId)>> = {
        let all = cx.holders.lock();
        new_at
            .iter()
            .filter_map(|s| all.get(s).map(|h| (*s, h.clone())))
            .collect()
    };
    let (mut opened, mut refreshed, mut moves, mut events, mut audits) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    // The history line and audit row of each move, kept only if it applies.
    let (mut move_events, mut move_audits) = (Vec::new(), Vec::new());
    for (s, findings) in &evaluated {
        let student = StudentId(s.person_id);
        for kind in kinds {
            let finding = findings.iter().find(|f| f.kind == *kind);
            let existing = b.flags.get(&(s.person_id, kind.key().to_owned()));
            let event = |action: AuditAction, flag: Uuid, detail: String| {
                let mut ev = AuditEvent::new(action, now);
                ev.district_id = Some(district);
                ev.student = Some(student);
                ev.record_kind = Some(super::FLAG.as_str());
                ev.record_id = Some(flag.to_string());
                ev.request_id = Some(request_id.to_owned());
                ev.detail = Some(detail);
                ev
            };
            match (existing, finding) {
                (None, None) => {}
                (None, Some(f)) => {
                    let holders = holders.get(&s.school_id).map(Vec::as_slice).unwrap_or(&[]);
                    let Some(owner) = choose_owner(*kind, &settings.routing, s.plan_manager.map(PersonId), holders)
                    else {
                        tracing::warn!(kind = kind.key(), "a flag with no one to own it was not stored");
                        changes.unowned += 1;
                        continue;
                    };
                    let row = FlagRow {
                        id: Uuid::now_v7(),
                        district_id: district.0,
                        school_id: s.school_id,
                        student_id: s.person_id,
                        kind: kind.key().to_owned(),
                        status: FlagStatus::Open.key().to_owned(),
                        rule: f.rule.key().to_owned(),
                        evidence: evidence_json(f),
                        as_of: f.as_of,
                        source: f.source.as_str().to_owned(),
                        stale: f.stale,
                        owner_id: owner.person.0,
                        owner_basis: basis_key(owner.basis),
                        next_step: String::new(),
                        next_step_due: today + Duration::days(super::DEFAULT_NEXT_STEP_DAYS),
                        resolved_note: None,
                        opened_at: now,
                        updated_at: now,
                    };
                    events.push(flags_repo::NewEvent {
                        flag: row.id,
                        at: now,
                        actor: None,
                        event: "raise",
                        status: row.status.clone(),
                        detail: row.owner_basis.clone(),
                    });
                    audits.push(event(
                        AuditAction::FlagRaised,
                        row.id,
                        format!("{} owner={} {}", kind.key(), owner.person.0, row.owner_basis),
                    ));
                    opened.push(row);
                    changes.opened += 1;
                }
                (Some(flag), finding) => {
                    let mut row = flag.clone();
                    let Ok(status) = FlagStatus::parse(&row.status) else {
                        continue;
                    };
                    let mut moved = None;
                    if let Some(ev) = system_move(status, finding.is_some()) {
                        if let Ok(to) = transition(status, &ev) {
                            row.status = to.key().to_owned();
                            if to == FlagStatus::Open {
                                // A relapse starts over: a fresh default
                                // next step, the note of the last round gone.
                                row.next_step = String::new();
                                row.next_step_due = today + Duration::days(super::DEFAULT_NEXT_STEP_DAYS);
                                row.resolved_note = None;
                            }
                            moved = Some(ev.key());
                        }
                    }
                    if let Some(f) = finding {
                        row.rule = f.rule.key().to_owned();
                        row.evidence = evidence_json(f);
                        row.as_of = f.as_of;
                        row.source = f.source.as_str().to_owned();
                        row.stale = f.stale;
                    }
                    row.school_id = s.school_id;
                    if row == *flag {
                        continue;
                    }
                    row.updated_at = now;
                    if let Some(key) = moved {
                        move_events.push(flags_repo::NewEvent {
                            flag: row.id,
                            at: now,
                            actor: None,
                            event: key,
                            status: row.status.clone(),
                            detail: String::new(),
                        });
                        move_audits.push(event(AuditAction::FlagChanged, row.id, format!("{} {key}", kind.key())));
                        moves.push((row, flag.clone()));
                    } else {
                        changes.refreshed += 1;
                        refreshed.push(row);
                    }
                }
            }
        }
    }
    if opened.is_empty() && refreshed.is_empty() && moves.is_empty() {
        return Ok(changes);
    }
    let mut tx = app.db().begin().await?;
    flags_repo::insert_many(&mut tx, &opened).await?;
    flags_repo::refresh_many(&mut tx, &refreshed).await?;
    let applied: HashSet<Uuid> = flags_repo::move_many(&mut tx, &moves).await?.into_iter().collect();
    changes.moved += applied.len();
    events.extend(move_events.into_iter().filter(|e| applied.contains(&e.flag)));
    let applied_ids: HashSet<String> = applied.iter().map(Uuid::to_string).collect();
    audits.extend(
        move_audits
            .into_iter()
            .filter(|a| a.record_id.as_ref().is_some_and(|id| applied_ids.contains(id))),
    );
    flags_repo::add_events(&mut tx, &events).await?;
    audit::record_many(&mut tx, &audits).await?;
    tx.commit().await?;
    Ok(changes)
}

/// The districts being recomputed in the background.
#[derive(Debug, Default)]
pub struct Registry(Mutex<HashMap<OrgId, bool>>);

impl Registry {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<OrgId, bool>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Recomputes every student of the district with data or a flag, now.
pub async fn district(app: &App, district: OrgId, request_id: &str) -> Result<Changes, Error> {
    district_of(app, district, FlagKind::ALL, request_id).await
}

/// [`district`] for some kinds only.
pub async fn district_of(app: &App, district: OrgId, kinds: &[FlagKind], request_id: &str) -> Result<Changes, Error> {
    let ids: Vec<StudentId> = flags_repo::students_with_data(app.db(), district)
        .await?
        .into_iter()
        .map(StudentId)
        .collect();
    students(app, district, &ids, kinds, request_id).await
}

/// Starts recomputing the district in the background (after its thresholds
/// or routing changed); a change while one runs makes it run once more.
pub fn refresh_district_in_background(app: &App, d: OrgId) {
    {
        let mut running = app.flag_refresh().lock();
        if let Some(again) = running.get_mut(&d) {
            *again = true;
            return;
        }
        running.insert(d, false);
    }
    let app = app.clone();
    tokio::spawn(async move {
        loop {
            let started = std::time::Instant::now();
            match district(&app, d, "support-settings").await {
                Ok(c) => tracing::info!(
                    district = %d.0,
                    opened = c.opened,
                    moved = c.moved,
                    ms = started.elapsed().as_millis() as u64,
                    "flags recomputed"
                ),
                Err(e) => tracing::error!(district = %d.0, error = %e, "recomputing flags failed"),
            }
            let mut running = app.flag_refresh().lock();
            match running.get_mut(&d) {
                Some(again) if *again => *again = false,
                _ => {
                    running.remove(&d);
                    return;
                }
            }
        }
    });
}

/// Whether the district's flags are being recomputed now.
pub fn running(app: &App, district: OrgId) -> bool {
    app.flag_refresh().lock().contains_key(&district)
}

/// Waits until the district's background recomputation has finished.
pub async fn wait_idle(app: &App, district: OrgId) {
    while running(app, district) {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// Recomputes every district's flags now, one district after another (after
/// `ssp demo` writes its indicator data, or a full load of every district).
pub async fn every_district(app: &App, request_id: &str) -> Result<Changes, Error> {
    every_district_of(app, FlagKind::ALL, request_id).await
}

/// [`every_district`] for some kinds only: the server's daily sweep
/// recomputes [`FROM_TRANSCRIPT`], whose grade-9 rule moves with the
/// calendar (a grade-9 year ending) and the roster (a student moving up
/// into high school) with no transcript change.
pub async fn every_district_of(app: &App, kinds: &[FlagKind], request_id: &str) -> Result<Changes, Error> {
    let mut total = Changes::default();
    for d in ssp_db::repo::orgs::districts(app.db()).await? {
        let c = district_of(app, OrgId(d.id), kinds, request_id).await?;
        total.opened += c.opened;
        total.moved += c.moved;
        total.refreshed += c.refreshed;
        total.unowned += c.unowned;
    }
    Ok(total)
}
