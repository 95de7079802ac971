//! Smaller plan actions: a student's reflection, recording a grade-level
//! activity as done or exempt, and signing the annual review.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_db::repo::plan::{self, SignatureSlot};
use ssp_db::repo::{audit, students};
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::plan::activity::default_scope_and_sequence;
use ssp_domain::SchoolYear;

use super::pages::Draft;
use crate::access::StudentAccess;
use crate::app::AppState;
use crate::context::Ctx;
use crate::error::AppError;
use crate::plan_service;

pub const MAX_REFLECTION_CHARS: usize = 4000;
pub const MAX_COMMENT_CHARS: usize = 1000;

#[derive(Deserialize)]
pub struct ReflectionForm {
    #[serde(default)]
    prompt: String,
    #[serde(default)]
    body: String,
}

/// The reflection prompts a student answers.
pub const PROMPTS: [&str; 3] = ["strengths", "improve", "next"];

/// A reflection as typed: one of the prompts, and 1–4000 characters once
/// blank space is trimmed. The error is the message key to show.
pub fn parse_reflection<'a>(prompt: &'a str, body: &'a str) -> Result<(&'a str, &'a str), &'static str> {
    if !PROMPTS.contains(&prompt) {
        return Err("reflection-error-prompt");
    }
    let body = body.trim();
    if body.is_empty() {
        return Err("reflection-error-empty");
    }
    if body.chars().count() > MAX_REFLECTION_CHARS {
        return Err("reflection-error-long");
    }
    Ok((prompt, body))
}

/// The plan page again, with the message beside the refused form and what
/// was typed still in it.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    key: &str,
    draft: Draft,
) -> Result<Response, AppError> {
    let msg = crate::i18n::t_args(
        ctx.lang,
        key,
        &[
            ("max", MAX_REFLECTION_CHARS.to_string()),
            ("max_profile", MAX_PROFILE_CHARS.to_string()),
        ],
    );
    super::student::plan_page(state, ctx, access, Some(msg), draft).await
}

/// A student writes a prompted reflection (their own words only).
pub async fn add_reflection(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<ReflectionForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx, &id).await?;
    access.require(&state, &ctx, RecordKind::Plan, Action::Create).await?;
    if !access.is_self() {
        return Err(AppError::Forbidden("reflection_by_student_only"));
    }
    let (prompt, body) = match parse_reflection(&form.prompt, &form.body) {
        Ok(parsed) => parsed,
        Err(key) => {
            let draft = Draft::new(
                "reflection",
                vec![("prompt", form.prompt.clone()), ("body", form.body.clone())],
            );
            return refused(&state, &ctx, &access, key, draft).await;
        }
    };
    let now = state.now();
    let mut tx = state.db().begin().await?;
    let rid = plan::insert_reflection(&mut tx, access.facts.district_id, access.student(), prompt, body, now).await?;
    let mut ev = access.event(&state, &ctx, AuditAction::ReflectionCreated, RecordKind::Plan);
    ev.record_id = Some(rid.to_string());
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/students/{}#reflections", access.student())).into_response())
}

#[derive(Deserialize)]
pub struct ActivityForm {
    #[serde(default)]
    state: String,
    #[serde(default)]
    reason: String,
}

/// Marks a grade-level activity done (student or staff) or exempt with a
/// reason (staff only).
pub async fn record_activity(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, key)): Path<(String, String)>,
    Form(form): Form<ActivityForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx, &id).await?;
    access.require(&state, &ctx, RecordKind::Plan, Action::Edit).await?;
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let template = default_scope_and_sequence()
        .into_iter()
        .find(|t| t.key == key && t.grade.get() as i32 == h.grade_level)
        .ok_or(AppError::NotFound)?;
    let reason = form.reason.trim();
    let exempt_reason = match form.state.as_str() {
        "done" => None,
        "exempt" if access.is_self() => return Err(AppError::Forbidden("exempt_by_staff_only")),
        "exempt" if reason.chars().count() < 3 || reason.chars().count() > 300 => {
            let draft = Draft::new("exempt", vec![("key", key.clone()), ("reason", form.reason.clone())]);
            return refused(&state, &ctx, &access, "activity-error-exempt-reason", draft).await;
        }
        "exempt" => Some(reason),
        _ => return Err(AppError::BadRequest("malformed_form")),
    };
    let now = state.now();
    let year = SchoolYear::containing(now.date());
    let mut tx = state.db().begin().await?;
    plan::record_activity(
        &mut tx,
        access.facts.district_id,
        access.student(),
        template.key,
        year.0,
        &form.state,
        exempt_reason,
        access.actor,
        now,
    )
    .await?;
    let mut ev = access.event(&state, &ctx, AuditAction::ActivityRecorded, RecordKind::Plan);
    ev.record_id = Some(template.key.to_owned());
    ev.detail = Some(form.state.clone());
    audit::record(&mut tx, &ev).await?;
    plan_service::recompute(&mut tx, access.facts.district_id, access.student(), h.grade_level, now).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/students/{}#activities", access.student())).into_response())
}

#[derive(Deserialize)]
pub struct SignForm {
    #[serde(default, rename = "as")]
    as_: String,
}

/// Signs this year's review as the student, the plan manager or a guardian
/// (whichever the actor is), or logs the plan manager's attempt to reach a
/// guardian. When the review is complete, the plan-year snapshot is kept.
pub async fn sign_review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<SignForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx, &id).await?;
    access.require(&state, &ctx, RecordKind::Plan, Action::Sign).await?;
    let slot = match form.as_.as_str() {
        "guardian_attempt" if access.facts.relationship.is_plan_manager => SignatureSlot::GuardianAttempt,
        "guardian_attempt" => return Err(AppError::Forbidden("attempt_by_plan_manager_only")),
        _ => super::student::signature_slot(&access).ok_or(AppError::Forbidden("cannot_sign"))?,
    };
    let db = state.db();
    let h = students::header(db, access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let goals = plan::goals(db, access.student()).await?;
    let ready = goals.iter().any(|g| g.status == "active" || g.status == "met");
    if !ready {
        return Err(AppError::Invalid(ssp_domain::ParseError::new(
            "review_not_ready",
            "the plan needs a goal first",
        )));
    }
    let now = state.now();
    let year = SchoolYear::containing(now.date());
    let mut tx = db.begin().await?;
    let changed = plan::sign_review(
        &mut tx,
        access.facts.district_id,
        access.student(),
        year.0,
        slot,
        access.actor,
        now,
    )
    .await?;
    if !changed {
        return Err(AppError::Invalid(ssp_domain::ParseError::new(
            "already_signed",
            "already signed",
        )));
    }
    let mut ev = access.event(&state, &ctx, AuditAction::ReviewSigned, RecordKind::Plan);
    ev.detail = Some(super::student::slot_name(slot).to_owned());
    ev.record_id = Some(year.0.to_string());
    audit::record(&mut tx, &ev).await?;
    let verdict =
        plan_service::recompute(&mut tx, access.facts.district_id, access.student(), h.grade_level, now).await?;
    if verdict.holds(ssp_domain::plan::Condition::Reviewed) {
        // The last required signature completes this grade's "annual
        // review" activity (unless it was already done or exempted).
        let key = format!("g{}_annual_review", h.grade_level);
        let records = plan::activity_records_in_tx(&mut tx, access.student()).await?;
        let in_scope = default_scope_and_sequence().iter().any(|t| t.key == key);
        let recorded = records.iter().any(|r| r.activity_key == key && r.state != "pending");
        if in_scope && !recorded {
            plan::record_activity(
                &mut tx,
                access.facts.district_id,
                access.student(),
                &key,
                year.0,
                "done",
                None,
                access.actor,
                now,
            )
            .await?;
            let mut ev = access.event(&state, &ctx, AuditAction::ActivityRecorded, RecordKind::Plan);
            ev.record_id = Some(key);
            ev.detail = Some("done".to_owned());
            audit::record(&mut tx, &ev).await?;
            plan_service::recompute(&mut tx, access.facts.district_id, access.student(), h.grade_level, now).await?;
        }
        let records = plan::activity_records_in_tx(&mut tx, access.student()).await?;
        let goals = plan::goals_in_tx(&mut tx, access.student()).await?;
        let snap = plan_service::snapshot(year, &goals, &records);
        let json = serde_json::to_string(&snap).map_err(|e| AppError::Internal(e.into()))?;
        plan::save_snapshot(&mut tx, access.facts.district_id, access.student(), year.0, &json, now).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/students/{}#review", access.student())).into_response())
}

pub const MAX_PROFILE_CHARS: usize = 2000;

#[derive(Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    strengths: String,
    #[serde(default)]
    interests: String,
    #[serde(default)]
    needs: String,
    #[serde(default)]
    activities: String,
}

/// The student writes their profile in their own words.
pub async fn update_profile(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<ProfileForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx, &id).await?;
    access.require(&state, &ctx, RecordKind::Plan, Action::Edit).await?;
    if !access.is_self() {
        return Err(AppError::Forbidden("profile_by_student_only"));
    }
    let fields = [&form.strengths, &form.interests, &form.needs, &form.activities];
    if fields.iter().any(|f| f.chars().count() > MAX_PROFILE_CHARS) {
        let draft = Draft::new(
            "profile",
            vec![
                ("strengths", form.strengths.clone()),
                ("interests", form.interests.clone()),
                ("needs", form.needs.clone()),
                ("activities", form.activities.clone()),
            ],
        );
        return refused(&state, &ctx, &access, "profile-error-long", draft).await;
    }
    let profile = ssp_db::repo::profile::ProfileRow {
        strengths: form.strengths.trim().to_owned(),
        interests: form.interests.trim().to_owned(),
        needs: form.needs.trim().to_owned(),
        activities: form.activities.trim().to_owned(),
    };
    let mut tx = state.db().begin().await?;
    ssp_db::repo::profile::put(
        &mut tx,
        access.facts.district_id,
        access.student(),
        &profile,
        state.now(),
    )
    .await?;
    let ev = access.event(&state, &ctx, AuditAction::ProfileUpdated, RecordKind::Plan);
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/students/{}#profile", access.student())).into_response())
}

#[derive(Deserialize)]
pub struct ObservationForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    body: String,
}

/// A team member notes a strength, interest or need (signed with their name).
pub async fn add_observation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<ObservationForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx, &id).await?;
    access.require(&state, &ctx, RecordKind::Plan, Action::Edit).await?;
    if access.is_self() {
        return Err(AppError::Forbidden("observation_by_staff_only"));
    }
    if !["strength", "interest", "need"].contains(&form.kind.as_str()) {
        return Err(AppError::BadRequest("malformed_form"));
    }
    let body = form.body.trim();
    if body.is_empty() || body.chars().count() > MAX_PROFILE_CHARS {
        let draft = Draft::new(
            "observation",
            vec![("kind", form.kind.clone()), ("body", form.body.clone())],
        );
        let key = if body.is_empty() {
            "observation-error-empty"
        } else {
            "observation-error-long"
        };
        return refused(&state, &ctx, &access, key, draft).await;
    }
    let mut tx = state.db().begin().await?;
    let oid = ssp_db::repo::profile::add_observation(
        &mut tx,
        access.facts.district_id,
        access.student(),
        access.actor,
        &form.kind,
        body,
        state.now(),
    )
    .await?;
    let mut ev = access.event(&state, &ctx, AuditAction::ObservationAdded, RecordKind::Plan);
    ev.record_id = Some(oid.to_string());
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/students/{}#profile", access.student())).into_response())
}

#[derive(Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    body: String,
}

/// Staff and family (anyone who may read the plan) comment on a reflection.
pub async fn add_comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, reflection)): Path<(String, String)>,
    Form(form): Form<CommentForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx, &id).await?;
    access
        .require(&state, &ctx, RecordKind::Comment, Action::Create)
        .await?;
    let reflection: uuid::Uuid = reflection.parse().map_err(|_| AppError::NotFound)?;
    let body = form.body.trim();
    if body.is_empty() || body.chars().count() > MAX_COMMENT_CHARS {
        let draft = Draft::new(
            "comment",
            vec![("reflection", reflection.to_string()), ("body", form.body.clone())],
        );
        let key = if body.is_empty() {
            "comment-error-empty"
        } else {
            "comment-error-long"
        };
        return refused(&state, &ctx, &access, key, draft).await;
    }
    let mut tx = state.db().begin().await?;
    if !plan::add_comment(
        &mut tx,
        access.facts.district_id,
        access.student(),
        reflection,
        access.actor,
        body,
        state.now(),
    )
    .await?
    {
        return Err(AppError::NotFound);
    }
    let mut ev = access.event(&state, &ctx, AuditAction::CommentAdded, RecordKind::Comment);
    ev.record_id = Some(reflection.to_string());
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/students/{}#reflections", access.student())).into_response())
}
