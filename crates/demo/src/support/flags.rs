//! After the app's rules have raised the demo's flags from its indicator
//! data: each active intervention is linked to the flag it answers, and the
//! team has worked its flags as a school two months in would have — those
//! an intervention answers are in progress, about half the rest
//! acknowledged with a next step (some of them overdue), the others still
//! open with the default next step. Every move is in the flag's history.

use std::collections::BTreeMap;

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use ssp_db::repo::support::bulk;
use ssp_db::repo::support::flags::{self as flags_repo, NewEvent};
use ssp_db::Db;
use ssp_domain::PersonId;
use time::{Date, Duration, OffsetDateTime};
use uuid::Uuid;

use crate::DemoError;

/// What [`work_flags`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FlagWork {
    /// Interventions linked to a flag.
    pub linked: u64,
    pub in_progress: u64,
    pub acknowledged: u64,
    pub still_open: u64,
}

/// The next step the owner wrote, by flag kind.
fn next_step(kind: &str) -> &'static str {
    match kind {
        "chronic_absence" => "Call the family about the absences and what gets in the way of mornings.",
        "suspension" => "Meet the student after the suspension to plan the return.",
        "course_failure" => "Talk with the teacher and set up extra help.",
        "low_gpa" => "Review grades with the student and agree on two classes to focus on.",
        "grade9_off_track" => "Plan credit recovery with the student and the family.",
        _ => "Meet the student.",
    }
}

const REVIEW_INTERVENTION: &str = "Review the intervention's progress points with the team.";

/// Links interventions to flags and works the flags (see the module), with
/// `now` the app's clock when the flags were raised.
pub async fn work_flags(db: &Db, rng: &mut ChaCha8Rng, now: OffsetDateTime) -> Result<FlagWork, DemoError> {
    let mut tx = db.begin().await?;
    let mut work = FlagWork {
        linked: bulk::link_interventions_to_flags(&mut tx).await?,
        ..Default::default()
    };
    let opened = now - Duration::days(12);
    bulk::backdate_flags(&mut tx, opened).await?;
    let today = now.date();
    let mut groups: BTreeMap<(&'static str, &'static str, Date), Vec<Uuid>> = BTreeMap::new();
    let mut events = Vec::new();
    for f in bulk::open_flags(&mut tx).await? {
        let (status, event, step, due) = if f.linked {
            (
                "in_progress",
                "start_work",
                REVIEW_INTERVENTION,
                today + Duration::days(rng.gen_range(1..10)),
            )
        } else if rng.gen_bool(0.45) {
            // Some next steps are a few days overdue.
            (
                "acknowledged",
                "acknowledge",
                next_step(&f.kind),
                today + Duration::days(rng.gen_range(-6..12)),
            )
        } else {
            work.still_open += 1;
            continue;
        };
        if f.linked {
            work.in_progress += 1;
        } else {
            work.acknowledged += 1;
        }
        groups.entry((status, step, due)).or_default().push(f.id);
        events.push(NewEvent {
            flag: f.id,
            at: opened + Duration::hours(rng.gen_range(20..200)),
            actor: Some(PersonId(f.owner_id)),
            event,
            status: status.to_owned(),
            detail: step.to_owned(),
        });
    }
    for ((status, step, due), ids) in &groups {
        bulk::set_flags(&mut tx, ids, status, step, *due, now).await?;
    }
    flags_repo::add_events(&mut tx, &events).await?;
    tx.commit().await?;
    Ok(work)
}
