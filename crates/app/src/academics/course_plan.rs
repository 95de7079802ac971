//! The multi-year course plan (grade 8 through 12): the student builds it
//! year by year from the catalog; every change is checked (prerequisites,
//! a year's credit limit, a course twice or already passed) and a change
//! that breaks a rule is refused with every problem, saving nothing. The
//! student submits it; staff who may edit the plan's staff side approve it
//! or return it with a comment; a guardian with rights acknowledges the
//! approved plan. A change after approval starts the next version.

use ssp_db::repo::academics::catalog as catalog_repo;
use ssp_db::repo::academics::plans::{self, PlanRow};
use ssp_db::repo::academics::transcripts;
use ssp_db::repo::students;
use ssp_domain::academics::audit::{audit, Audit, AuditInput};
use ssp_domain::academics::course::{Catalog, CourseCode};
use ssp_domain::academics::course_plan::{check_plan, diff, CoursePlan, PlanProblem, PlanYear, YearChange};
use ssp_domain::academics::transcript::{GradeScale, TranscriptEntry};
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::{PersonId, StudentId};

use super::rules::DistrictRules;
use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::App;

/// The grades a plan covers.
pub const GRADES: std::ops::RangeInclusive<u8> = 8..=12;

/// The stored form: one line per grade, `9=ENG9,ALG1`.
pub fn to_stored(p: &CoursePlan) -> String {
    let mut years: Vec<&PlanYear> = p.years.iter().collect();
    years.sort_by_key(|y| y.grade);
    years
        .iter()
        .map(|y| {
            format!(
                "{}={}",
                y.grade,
                y.courses.iter().map(CourseCode::as_str).collect::<Vec<_>>().join(",")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// From the stored form (a line that no longer parses is skipped).
pub fn from_stored(class_of: i32, s: &str) -> CoursePlan {
    CoursePlan {
        class_of,
        years: s
            .lines()
            .filter_map(|l| l.split_once('='))
            .filter_map(|(g, c)| PlanYear::parse(g, c).ok())
            .collect(),
    }
}

/// A plan as the page shows it.
#[derive(Debug, Clone)]
pub struct PlanView {
    pub grade: i32,
    pub class_of: i32,
    /// The newest version (None: no plan yet).
    pub latest: Option<PlanRow>,
    pub plan: CoursePlan,
    pub problems: Vec<PlanProblem>,
    /// The audit with the plan's courses counted as planned.
    pub projected: Audit,
    /// What changed since the last approved version (when the newest is
    /// not it).
    pub changes: Vec<YearChange>,
    pub approved_version: Option<i32>,
    pub catalog: Catalog,
    pub transcript: Vec<TranscriptEntry>,
    /// The district pathways whose clusters hold a career the student
    /// saved: their courses are suggested year by year.
    pub pathways: Vec<uuid::Uuid>,
}

/// The district's pathways linked to a cluster of one of the student's
/// saved careers (2024 or legacy).
async fn saved_career_pathways(
    app: &App,
    student: StudentId,
    district: ssp_domain::OrgId,
) -> Result<Vec<uuid::Uuid>, Error> {
    let saved = ssp_db::repo::career::saved::list(app.db(), student).await?;
    if saved.is_empty() {
        return Ok(Vec::new());
    }
    let mut clusters = std::collections::HashSet::new();
    for s in &saved {
        if let Some(o) = ssp_db::repo::career::occupations::get(app.db(), &s.code).await? {
            clusters.insert(o.cluster_2024);
            clusters.insert(o.legacy_cluster);
        }
    }
    Ok(ssp_db::repo::career::pathways::list(app.db(), district)
        .await?
        .into_iter()
        .filter(|p| {
            p.cluster_2024.as_ref().is_some_and(|c| clusters.contains(c))
                || p.legacy_cluster.as_ref().is_some_and(|c| clusters.contains(c))
        })
        .map(|p| p.id)
        .collect())
}

async fn inputs(
    app: &App,
    student: StudentId,
    district: ssp_domain::OrgId,
) -> Result<(Catalog, Vec<TranscriptEntry>, DistrictRules), Error> {
    let catalog = super::catalog_of(&catalog_repo::list(app.db(), district).await?);
    let rules = super::rules::of(app, district).await?;
    let transcript = transcript_of(app, student, &rules.scale).await?;
    Ok((catalog, transcript, rules))
}

async fn transcript_of(app: &App, student: StudentId, scale: &GradeScale) -> Result<Vec<TranscriptEntry>, Error> {
    Ok(transcripts::for_student(app.db(), student)
        .await?
        .iter()
        .filter_map(|r| super::entry_of(r, scale))
        .collect())
}

/// The plan with its checks, projected audit and changes (a read of the
/// plan, audited for anyone but the student).
pub async fn show(app: &App, access: &StudentAccess) -> Result<PlanView, Error> {
    access.require(app, RecordKind::Plan, Action::View).await?;
    let h = students::header(app.db(), access.student())
        .await?
        .ok_or(Error::NotFound)?;
    let versions = plans::versions(app.db(), access.student()).await?;
    let (catalog, transcript, rules) = inputs(app, access.student(), access.facts.district_id).await?;
    let latest = versions.first().cloned();
    let plan = latest
        .as_ref()
        .map(|r| from_stored(h.graduation_year, &r.years))
        .unwrap_or(CoursePlan {
            class_of: h.graduation_year,
            years: Vec::new(),
        });
    let approved = versions.iter().find(|v| v.status == "approved");
    let changes = match (approved, &latest) {
        (Some(a), Some(l)) if a.version != l.version => diff(&from_stored(h.graduation_year, &a.years), &plan),
        _ => Vec::new(),
    };
    let set = rules.requirement_set(h.graduation_year);
    let capstone_passed = crate::portfolio::capstone::passed(app, access.student()).await?;
    let projected = audit(&AuditInput {
        set: &set,
        catalog: &catalog,
        transcript: &transcript,
        plan: Some(&plan),
        capstone_passed,
        as_of: app.now().date(),
    });
    let pathways = saved_career_pathways(app, access.student(), access.facts.district_id).await?;
    Ok(PlanView {
        pathways,
        grade: h.grade_level,
        class_of: h.graduation_year,
        problems: check_plan(&plan, &catalog, &transcript, &rules.plan),
        approved_version: approved.map(|a| a.version),
        latest,
        plan,
        projected,
        changes,
        catalog,
        transcript,
    })
}

/// Why a change was refused: every problem of the plan it would make.
#[derive(Debug, Clone)]
pub struct Refused(pub Vec<PlanProblem>);

/// The student adds (`add = true`) or removes a course in a grade's year.
/// A change that would leave the plan breaking a rule is refused with the
/// problems and saves nothing.
pub async fn change(
    app: &App,
    access: &StudentAccess,
    grade: &str,
    course: &str,
    add: bool,
) -> Result<Result<(), Refused>, Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    if !access.is_self() {
        return Err(Error::Forbidden("course_plan_by_student_only"));
    }
    let grade: u8 = grade
        .trim()
        .parse()
        .ok()
        .filter(|g| GRADES.contains(g))
        .ok_or_else(|| Error::invalid("invalid_grade", format!("grade {grade:?}")))?;
    let code = CourseCode::parse(course)?;
    let h = students::header(app.db(), access.student())
        .await?
        .ok_or(Error::NotFound)?;
    if i32::from(grade) < h.grade_level {
        return Err(Error::Conflict("course_plan_past_year"));
    }
    let (catalog, transcript, rules) = inputs(app, access.student(), access.facts.district_id).await?;
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let latest = plans::latest_in_tx(w.tx(), access.student()).await?;
    let mut plan = latest
        .as_ref()
        .map(|r| from_stored(h.graduation_year, &r.years))
        .unwrap_or(CoursePlan {
            class_of: h.graduation_year,
            years: Vec::new(),
        });
    let before = check_plan(&plan, &catalog, &transcript, &rules.plan);
    match plan.years.iter_mut().find(|y| y.grade == grade) {
        Some(y) if add => y.courses.push(code.clone()),
        Some(y) => y.courses.retain(|c| c != &code),
        None if add => plan.years.push(PlanYear {
            grade,
            courses: vec![code.clone()],
        }),
        None => return Err(Error::NotFound),
    }
    // Only problems this change brings are refused: a catalog change may
    // already have made an old plan break a rule, and removing a course
    // must stay possible then.
    let after = check_plan(&plan, &catalog, &transcript, &rules.plan);
    let new: Vec<PlanProblem> = after.into_iter().filter(|p| !before.contains(p)).collect();
    if add && !new.is_empty() {
        return Ok(Err(Refused(new)));
    }
    let stored = to_stored(&plan);
    let id = match &latest {
        Some(r) if r.status != "approved" => {
            plans::set_years(w.tx(), r.id, &stored, now).await?;
            r.id
        }
        // A change to the approved plan starts the next version.
        Some(r) => {
            plans::insert(
                w.tx(),
                access.facts.district_id,
                access.student(),
                r.version + 1,
                &stored,
                now,
            )
            .await?
        }
        None => plans::insert(w.tx(), access.facts.district_id, access.student(), 1, &stored, now).await?,
    };
    let mut ev = w.event(AuditAction::CoursePlanChanged, RecordKind::Plan);
    ev.record_id = Some(id.to_string());
    ev.detail = Some(format!("{}{} {}", if add { "+" } else { "-" }, code.as_str(), grade));
    w.commit_with(ev).await?;
    refresh_status(app, access.facts.district_id, access.student()).await?;
    Ok(Ok(()))
}

/// The student submits the newest version for approval (a plan that
/// breaks a rule cannot be submitted).
pub async fn submit(app: &App, access: &StudentAccess) -> Result<(), Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    if !access.is_self() {
        return Err(Error::Forbidden("course_plan_by_student_only"));
    }
    let view = show(app, access).await?;
    let latest = view.latest.ok_or(Error::Conflict("course_plan_empty"))?;
    if !matches!(latest.status.as_str(), "draft" | "returned") {
        return Err(Error::Conflict("course_plan_not_a_draft"));
    }
    if !view.problems.is_empty() {
        return Err(Error::Conflict("course_plan_has_problems"));
    }
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    plans::set_status(w.tx(), latest.id, "submitted", now).await?;
    w.commit(AuditAction::CoursePlanSubmitted, RecordKind::Plan, latest.id)
        .await
}

/// Staff who may edit the plan's staff side approve the submitted plan or
/// return it with a comment (required when returning).
pub async fn decide(app: &App, access: &StudentAccess, approve: bool, comment: &str) -> Result<(), Error> {
    access.require(app, RecordKind::Plan, Action::Edit).await?;
    if access.is_self() {
        return Err(Error::Forbidden("course_plan_decided_by_staff"));
    }
    let comment = comment.trim();
    if comment.chars().count() > 2000 || (!approve && comment.is_empty()) {
        return Err(Error::Rejected(ssp_domain::input::Rejected::one(
            "invalid_plan_decision",
            "comment",
            if comment.is_empty() { "required" } else { "too_long" },
        )));
    }
    let versions = plans::versions(app.db(), access.student()).await?;
    let latest = versions.first().ok_or(Error::Conflict("course_plan_empty"))?;
    if latest.status != "submitted" {
        return Err(Error::Conflict("course_plan_not_submitted"));
    }
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let status = if approve { "approved" } else { "returned" };
    plans::decide(w.tx(), latest.id, status, comment, PersonId(access.actor.0), now).await?;
    let mut ev = w.event(AuditAction::CoursePlanDecided, RecordKind::Plan);
    ev.record_id = Some(latest.id.to_string());
    ev.detail = Some(status.to_owned());
    w.commit_with(ev).await?;
    refresh_status(app, access.facts.district_id, access.student()).await
}

/// A guardian with educational rights acknowledges the approved plan.
pub async fn acknowledge(app: &App, access: &StudentAccess) -> Result<(), Error> {
    access.require(app, RecordKind::Plan, Action::Sign).await?;
    if access.facts.relationship.guardian_with_rights != Some(true) {
        return Err(Error::Forbidden("course_plan_acknowledged_by_guardian"));
    }
    let versions = plans::versions(app.db(), access.student()).await?;
    let latest = versions.first().ok_or(Error::Conflict("course_plan_empty"))?;
    if latest.status != "approved" {
        return Err(Error::Conflict("course_plan_not_approved"));
    }
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    plans::acknowledge(w.tx(), latest.id, PersonId(access.actor.0), now).await?;
    w.commit(AuditAction::CoursePlanAcknowledged, RecordKind::Plan, latest.id)
        .await
}

/// Recomputes and stores a student's academic standing (on track to
/// graduate, grade-9 on track, where the course plan stands) from what is
/// committed, for the caseload's filters. Called after every change that
/// moves it; a system write, not a person's read, so not audited as a view.
pub async fn refresh_status(app: &App, district: ssp_domain::OrgId, student: StudentId) -> Result<(), Error> {
    let catalog = super::catalog_of(&catalog_repo::list(app.db(), district).await?);
    let rules = super::rules::of(app, district).await?;
    refresh_status_with(app, district, student, &catalog, &rules).await
}

/// The same with the district's catalog already read (a transcript load
/// refreshes many students with one catalog).
pub async fn refresh_status_with(
    app: &App,
    district: ssp_domain::OrgId,
    student: StudentId,
    catalog: &Catalog,
    rules: &DistrictRules,
) -> Result<(), Error> {
    use ssp_domain::academics::on_track::{grade9_on_track, on_track_to_graduate, Grade9Rule};
    let Some(h) = students::header(app.db(), student).await? else {
        return Ok(());
    };
    let transcript = transcript_of(app, student, &rules.scale).await?;
    let versions = plans::versions(app.db(), student).await?;
    let plan_status = versions.first().map_or("none", |v| v.status.as_str()).to_owned();
    let plan = versions.first().map(|v| from_stored(h.graduation_year, &v.years));
    let today = app.now().date();
    let high_school = h.grade_level >= 9;
    let (on_track, grade9) = if high_school && !transcript.is_empty() {
        let set = rules.requirement_set(h.graduation_year);
        let capstone_passed = crate::portfolio::capstone::passed(app, student).await?;
        let a = audit(&AuditInput {
            set: &set,
            catalog,
            transcript: &transcript,
            plan: plan.as_ref(),
            capstone_passed,
            as_of: today,
        });
        let g9 = grade9_on_track(
            &transcript,
            catalog,
            &rules.scale,
            h.graduation_year,
            today,
            &Grade9Rule::default(),
        );
        (
            Some(on_track_to_graduate(&a, h.graduation_year, today).on_track),
            Some(g9.on_track),
        )
    } else {
        (None, None)
    };
    let mut tx = app.db().begin().await?;
    plans::put_status(&mut tx, district, student, on_track, grade9, &plan_status, app.now()).await?;
    tx.commit().await?;
    Ok(())
}
