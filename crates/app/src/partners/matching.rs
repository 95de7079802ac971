//! The student's matching page: the matcher's proposals
//! ([`ssp_domain::partners::matcher::propose`]) from what ssp holds about
//! the student — grade, the student's and family's languages, the open
//! needs the reader may see, the interest code of the latest inventory,
//! the profile's interests and strengths, the goals' statements — against
//! the district's directory. Staff only; the plan manager accepts a
//! proposal as a referral or an enrolment ([`super::referrals::make`]).

use ssp_db::repo::career::inventories;
use ssp_db::repo::partners::{self as repo, ResourceRow};
use ssp_db::repo::{plan, profile, students};
use ssp_domain::access::{Action, RecordKind, Sensitivity};
use ssp_domain::career::inventory::Answers;
use ssp_domain::career::riasec::Area;
use ssp_domain::partners::category;
use ssp_domain::partners::directory::ResourceKind;
use ssp_domain::partners::matcher::{propose, Candidate, Proposal, StudentSignals, WordSource};
use ssp_domain::support::need::NeedKind;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::App;

/// A proposal with its directory entry.
#[derive(Debug, Clone)]
pub struct Proposed {
    pub proposal: Proposal,
    pub resource: ResourceRow,
}

/// Turns a stored resource into the matcher's candidate.
pub fn candidate(r: &ResourceRow) -> Candidate {
    let list = |s: &str| -> Vec<String> {
        s.split(',')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(str::to_owned)
            .collect()
    };
    Candidate {
        id: r.id,
        name: r.name.clone(),
        kind: ResourceKind::parse(&r.kind).unwrap_or(ResourceKind::SchoolOpportunity),
        categories: category::split(&r.categories).unwrap_or_default(),
        grade_min: r.grade_min.clamp(0, 255) as u8,
        grade_max: r.grade_max.clamp(0, 255) as u8,
        languages: list(&r.languages),
        places_left: r.capacity.map(|c| (i64::from(c) - r.taken).max(0) as u32),
        interest_areas: r
            .interest_areas
            .chars()
            .filter_map(|c| Area::ALL.into_iter().find(|a| a.letter() == c))
            .collect(),
        keywords: list(&r.keywords),
    }
}

/// What ssp knows about the student that the reader may see.
pub async fn signals(app: &App, access: &StudentAccess) -> Result<StudentSignals, Error> {
    let student = access.student();
    let header = students::header(app.db(), student).await?.ok_or(Error::NotFound)?;
    let mut languages: Vec<String> = repo::family_languages(app.db(), student)
        .await?
        .into_iter()
        .filter_map(|l| l.split(['-', '_']).next().map(str::to_lowercase))
        .collect();
    languages.sort();
    languages.dedup();
    let readable: Vec<&str> = Sensitivity::ALL
        .into_iter()
        .filter(|s| access.decide(RecordKind::Support(*s), Action::View).is_allowed())
        .map(Sensitivity::as_str)
        .collect();
    let needs = repo::open_needs(app.db(), student)
        .await?
        .into_iter()
        .filter(|(_, _, class)| readable.contains(&class.as_str()))
        .filter_map(|(id, kind, _)| NeedKind::parse(&kind).ok().map(|k| (id, k)))
        .collect();
    let interest_code = inventories::for_student(app.db(), student)
        .await?
        .into_iter()
        .find(|i| i.completed_at.is_some())
        .and_then(|i| Answers::from_stored(&i.answers).ok())
        .map(|a| a.scores().code())
        .unwrap_or_default();
    let mut texts = Vec::new();
    if let Some(p) = profile::get(app.db(), student).await? {
        texts.push((WordSource::Interest, p.interests));
        texts.push((WordSource::Interest, p.activities));
        texts.push((WordSource::Strength, p.strengths));
    }
    for g in plan::goals(app.db(), student).await? {
        if matches!(g.status.as_str(), "active" | "draft") {
            texts.push((WordSource::Goal(g.id), g.statement));
        }
    }
    Ok(StudentSignals {
        grade: header.grade_level.clamp(0, 255) as u8,
        languages,
        needs,
        interest_code,
        texts,
    })
}

/// The proposals for the student, best first (staff who may read the
/// student's support records; audited).
pub async fn proposals(app: &App, access: &StudentAccess) -> Result<Vec<Proposed>, Error> {
    access
        .require(app, RecordKind::Support(Sensitivity::Staff), Action::View)
        .await?;
    let signals = signals(app, access).await?;
    let directory = repo::resources(app.db(), access.facts.district_id, "", "").await?;
    let candidates: Vec<Candidate> = directory.iter().map(candidate).collect();
    Ok(propose(&signals, &candidates)
        .into_iter()
        .filter_map(|p| {
            directory
                .iter()
                .find(|r| r.id == p.resource)
                .cloned()
                .map(|resource| Proposed { proposal: p, resource })
        })
        .collect())
}
