//! Grade-level activities: recording one done (student or staff) or exempt
//! with a reason (staff only), and the student's checklist.

use ssp_db::repo::{plan, settings, students};
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::plan::activity::{default_scope_and_sequence, ActivityEntry};
use ssp_domain::SchoolYear;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::status::{self, StudentActivity};
use crate::write::PlanWrite;
use crate::{App, Parsed};

/// Records the activity `key` of the student's grade this school year. An
/// activity not in the grade's scope and sequence is not found; only staff
/// exempt one.
pub async fn record(app: &App, access: &StudentAccess, key: &str, input: Parsed<ActivityEntry>) -> Result<(), Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    let h = students::header(app.db(), access.student())
        .await?
        .ok_or(Error::NotFound)?;
    let template = default_scope_and_sequence()
        .into_iter()
        .find(|t| t.key == key && t.grade.get() as i32 == h.grade_level)
        .ok_or(Error::NotFound)?;
    // Only an exemption's reason is ever at fault, so a refused reason is an
    // exemption too: the student hears it is not theirs to ask.
    let exempting = match &input {
        Ok(entry) => entry.exempt_reason().is_some(),
        Err(r) => r.fields.iter().any(|f| f.field == "reason"),
    };
    if exempting && access.is_self() {
        return Err(Error::Forbidden("exempt_by_staff_only"));
    }
    let entry = input?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    plan::record_activity(
        w.tx(),
        access.facts.district_id,
        access.student(),
        template.key,
        SchoolYear::containing(now.date()).0,
        entry.state().as_str(),
        entry.exempt_reason(),
        access.actor,
        now,
    )
    .await?;
    let mut ev = w.event(AuditAction::ActivityRecorded, RecordKind::Plan);
    ev.record_id = Some(template.key.to_owned());
    ev.detail = Some(entry.state().as_str().to_owned());
    w.commit_with(ev).await
}

/// The student's grade-level activities this school year (a read, audited).
pub async fn list(app: &App, access: &StudentAccess) -> Result<Vec<StudentActivity>, Error> {
    access.require(app, RecordKind::Plan, Action::View).await?;
    let db = app.db();
    let h = students::header(db, access.student()).await?.ok_or(Error::NotFound)?;
    let records = plan::activity_records(db, access.student()).await?;
    let settings = settings::get(db, access.facts.district_id).await?;
    let year = SchoolYear::containing(app.now().date());
    Ok(status::activities_for(h.grade_level, year, &records, &settings))
}
