//! Smaller plan actions: a student's reflection, recording a grade-level
//! activity as done or exempt, and signing the annual review.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_app::plan::reflections;
use ssp_db::repo::plan::{self, SignatureSlot};
use ssp_db::repo::{audit, students};
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::input::Rejected;
use ssp_domain::plan::activity::default_scope_and_sequence;
use ssp_domain::plan::reflection::{NewComment, NewReflection, REFLECTION_MAX_CHARS};
use ssp_domain::SchoolYear;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::Draft;
use ssp_app::status as plan_service;
use ssp_app::StudentAccess;

#[derive(Deserialize)]
pub struct ReflectionForm {
    #[serde(default)]
    pub prompt: String,
    #[serde(default)]
    pub body: String,
}

/// The message key for a refused reflection or comment.
pub fn reflection_message_key(r: &Rejected) -> &'static str {
    match r.first().map(|f| (f.field, f.code)) {
        Some(("prompt", _)) => "reflection-error-prompt",
        Some((_, "too_long")) if r.error == "invalid_comment" => "comment-error-long",
        Some(_) if r.error == "invalid_comment" => "comment-error-empty",
        Some((_, "too_long")) => "reflection-error-long",
        _ => "reflection-error-empty",
    }
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
            ("max", REFLECTION_MAX_CHARS.to_string()),
            ("max_profile", MAX_PROFILE_CHARS.to_string()),
        ],
    );
    crate::ui::plan::page::plan_page(state, ctx, access, Some(msg), draft).await
}

/// A student writes a prompted reflection (their own words only).
pub async fn add_reflection(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<ReflectionForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = NewReflection::parse(&form.prompt, &form.body);
    match reflections::add(&state, &access, input).await {
        Ok(_) => Ok(Redirect::to(&format!("/students/{}#reflections", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let draft = Draft::new("reflection", vec![("prompt", form.prompt), ("body", form.body)]);
            refused(&state, &ctx, &access, reflection_message_key(&r), draft).await
        }
        Err(e) => Err(e.into()),
    }
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
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    access.require(&state, RecordKind::Plan, Action::Edit).await?;
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
    let mut ev = access.event(&state, AuditAction::ActivityRecorded, RecordKind::Plan);
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
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    access.require(&state, RecordKind::Plan, Action::Sign).await?;
    let slot = match form.as_.as_str() {
        "guardian_attempt" if access.facts.relationship.is_plan_manager => SignatureSlot::GuardianAttempt,
        "guardian_attempt" => return Err(AppError::Forbidden("attempt_by_plan_manager_only")),
        _ => crate::ui::plan::page::signature_slot(&access).ok_or(AppError::Forbidden("cannot_sign"))?,
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
    let mut ev = access.event(&state, AuditAction::ReviewSigned, RecordKind::Plan);
    ev.detail = Some(crate::ui::plan::page::slot_name(slot).to_owned());
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
            let mut ev = access.event(&state, AuditAction::ActivityRecorded, RecordKind::Plan);
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
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    access.require(&state, RecordKind::Plan, Action::Edit).await?;
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
    let ev = access.event(&state, AuditAction::ProfileUpdated, RecordKind::Plan);
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
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    access.require(&state, RecordKind::Plan, Action::Edit).await?;
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
    let mut ev = access.event(&state, AuditAction::ObservationAdded, RecordKind::Plan);
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

/// Anyone who may read the plan comments on a reflection.
pub async fn add_comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, reflection)): Path<(String, String)>,
    Form(form): Form<CommentForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let reflection_id: uuid::Uuid = reflection.parse().map_err(|_| AppError::NotFound)?;
    match reflections::comment(&state, &access, reflection_id, NewComment::parse(&form.body)).await {
        Ok(()) => Ok(Redirect::to(&format!("/students/{}#reflections", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let draft = Draft::new("comment", vec![("reflection", reflection), ("body", form.body)]);
            refused(&state, &ctx, &access, reflection_message_key(&r), draft).await
        }
        Err(e) => Err(e.into()),
    }
}
