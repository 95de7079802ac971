//! Work values and strengths: short self-ratings the student revisits; the
//! latest answers feed the profile and the career pages.

use ssp_db::repo::career::inventories;
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::career::self_ratings::Ratings;
use ssp_domain::career::values::{STRENGTHS, VALUE_ITEMS};
use time::OffsetDateTime;

use super::student_only;
use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::{App, Parsed};

/// The student's latest work values and strengths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelfRatings {
    pub work_values: Ratings,
    pub strengths: Ratings,
    pub updated_at: Option<OffsetDateTime>,
}

/// A read, audited for anyone but the student.
pub async fn show(app: &App, access: &StudentAccess) -> Result<SelfRatings, Error> {
    access.require(app, RecordKind::Plan, Action::View).await?;
    let row = inventories::self_ratings(app.db(), access.student())
        .await?
        .unwrap_or_default();
    Ok(SelfRatings {
        work_values: Ratings::from_stored(&row.work_values, VALUE_ITEMS.len()),
        strengths: Ratings::from_stored(&row.strengths, STRENGTHS.len()),
        updated_at: row.updated_at,
    })
}

/// Which of the two a save is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    WorkValues,
    Strengths,
}

/// The student saves their work values or their strengths.
pub async fn save(app: &App, access: &StudentAccess, which: Which, input: Parsed<Ratings>) -> Result<(), Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    student_only(access, "ratings_by_student_only")?;
    let ratings = input?;
    let stored = ratings.to_stored();
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let (values, strengths) = match which {
        Which::WorkValues => (Some(stored.as_str()), None),
        Which::Strengths => (None, Some(stored.as_str())),
    };
    inventories::put_self_ratings(
        w.tx(),
        access.facts.district_id,
        access.student(),
        values,
        strengths,
        now,
    )
    .await?;
    let mut ev = w.event(AuditAction::CareerRatingsSaved, RecordKind::Plan);
    ev.detail = Some(
        match which {
            Which::WorkValues => "work_values",
            Which::Strengths => "strengths",
        }
        .into(),
    );
    w.commit_with(ev).await
}
