//! Reflections: the student writes one to a prompt; anyone who may read
//! the plan comments on one.

use ssp_db::repo::plan;
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::plan::reflection::{NewComment, NewReflection};
use uuid::Uuid;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::{App, Parsed};

/// The student writes a prompted reflection (their own words only).
pub async fn add(app: &App, access: &StudentAccess, input: Parsed<NewReflection>) -> Result<Uuid, Error> {
    access.require(app, RecordKind::Plan, Action::Create).await?;
    if !access.is_self() {
        return Err(Error::Forbidden("reflection_by_student_only"));
    }
    let input = input?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let id = plan::insert_reflection(
        w.tx(),
        access.facts.district_id,
        access.student(),
        input.prompt.as_str(),
        &input.body,
        now,
    )
    .await?;
    w.commit(AuditAction::ReflectionCreated, RecordKind::Plan, id).await?;
    Ok(id)
}

/// A comment on one of the student's reflections; an unknown reflection
/// (or another student's) is not found.
pub async fn comment(
    app: &App,
    access: &StudentAccess,
    reflection: Uuid,
    input: Parsed<NewComment>,
) -> Result<(), Error> {
    access.require(app, RecordKind::Comment, Action::Create).await?;
    let input = input?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let found = plan::add_comment(
        w.tx(),
        access.facts.district_id,
        access.student(),
        reflection,
        access.actor,
        &input.body,
        now,
    )
    .await?;
    if !found {
        return Err(Error::NotFound);
    }
    w.commit(AuditAction::CommentAdded, RecordKind::Comment, reflection)
        .await
}

/// The comments on one of the student's reflections, oldest first (a read,
/// audited); an unknown reflection is not found.
pub async fn comments(app: &App, access: &StudentAccess, reflection: &str) -> Result<Vec<plan::CommentRow>, Error> {
    access.require(app, RecordKind::Comment, Action::View).await?;
    let reflection: Uuid = reflection.parse().map_err(|_| Error::NotFound)?;
    let student = access.student();
    if !plan::reflections(app.db(), student)
        .await?
        .iter()
        .any(|r| r.id == reflection)
    {
        return Err(Error::NotFound);
    }
    let all = plan::reflection_comments(app.db(), student).await?;
    Ok(all.into_iter().filter(|c| c.reflection_id == reflection).collect())
}
