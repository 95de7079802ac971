//! The web side of access control: every handler that touches a student's
//! records calls [`StudentAccess::load`] and then [`StudentAccess::require`]
//! (or reads [`StudentAccess::decide`] for pages that show some parts and
//! not others). The decision is `ssp_domain::access::decide`; this file
//! gathers the facts, answers 404 for anything out of scope, and audits
//! denials and every read by someone other than the student.

use ssp_db::repo::access::{self as facts_repo, AccessFacts};
use ssp_db::repo::audit::AuditEvent;
use ssp_domain::access::{decide, Action, Decision, Reason, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::{PersonId, StudentId};

use crate::app::AppState;
use crate::context::Ctx;
use crate::error::AppError;

pub struct StudentAccess {
    pub actor: PersonId,
    pub facts: AccessFacts,
}

impl StudentAccess {
    /// Loads what the actor is to the student. An unknown or malformed id
    /// is a 404 and an audited denial.
    pub async fn load(state: &AppState, ctx: &Ctx, raw_id: &str) -> Result<Self, AppError> {
        let session = ctx.session()?;
        let Ok(student) = raw_id.parse::<StudentId>() else {
            deny(state, ctx, None, raw_id, "malformed_id").await?;
            return Err(AppError::NotFound);
        };
        let today = state.now().date();
        match facts_repo::facts(state.db(), session.person_id, student, today).await? {
            Some(facts) => Ok(Self {
                actor: session.person_id,
                facts,
            }),
            None => {
                deny(state, ctx, None, raw_id, "unknown_student").await?;
                Err(AppError::NotFound)
            }
        }
    }

    /// Loads without auditing a miss: for related students shown alongside
    /// one already authorized (siblings in the family view), where each is
    /// still checked with `decide` before anything of theirs is shown.
    pub async fn load_related(state: &AppState, ctx: &Ctx, student: StudentId) -> Result<Option<Self>, AppError> {
        let session = ctx.session()?;
        let today = state.now().date();
        Ok(facts_repo::facts(state.db(), session.person_id, student, today)
            .await?
            .map(|facts| Self {
                actor: session.person_id,
                facts,
            }))
    }

    pub fn student(&self) -> StudentId {
        self.facts.student
    }

    pub fn is_self(&self) -> bool {
        self.facts.relationship.is_self
    }

    pub fn decide(&self, kind: RecordKind, action: Action) -> Decision {
        decide(&self.facts.relationship, self.facts.facts, kind, action)
    }

    /// Requires `action` on `kind`. A denial (or a break-glass case reached
    /// without a reason) answers 404 and is audited; an allowed view by
    /// anyone but the student is audited before the page is shown.
    pub async fn require(
        &self,
        state: &AppState,
        ctx: &Ctx,
        kind: RecordKind,
        action: Action,
    ) -> Result<Reason, AppError> {
        match self.decide(kind, action) {
            Decision::Allow(reason) => {
                if action == Action::View {
                    self.audit_view(state, ctx, kind, reason).await?;
                }
                Ok(reason)
            }
            Decision::BreakGlass | Decision::Deny => {
                let detail = format!("{}:{}", kind.as_str(), action.as_str());
                deny(state, ctx, Some(self.student()), &self.student().to_string(), &detail).await?;
                Err(AppError::NotFound)
            }
        }
    }

    /// Audits a read (no row when students read their own records).
    pub async fn audit_view(
        &self,
        state: &AppState,
        ctx: &Ctx,
        kind: RecordKind,
        reason: Reason,
    ) -> Result<(), AppError> {
        if self.is_self() {
            return Ok(());
        }
        let mut ev = AuditEvent::new(AuditAction::RecordViewed, state.now());
        ev.actor = Some(self.actor);
        ev.district_id = Some(self.facts.district_id);
        ev.student = Some(self.student());
        ev.record_kind = Some(kind.as_str());
        ev.request_id = Some(ctx.request_id.0.clone());
        ev.detail = Some(format!("reason={}", reason.as_str()));
        state.audit().write(ev).await.map_err(AppError::Internal)
    }

    /// An audit event about this student by this actor, for writes that
    /// record it in their own transaction.
    pub fn event(&self, state: &AppState, ctx: &Ctx, action: AuditAction, kind: RecordKind) -> AuditEvent {
        let mut ev = AuditEvent::new(action, state.now());
        ev.actor = Some(self.actor);
        ev.district_id = Some(self.facts.district_id);
        ev.student = Some(self.student());
        ev.record_kind = Some(kind.as_str());
        ev.request_id = Some(ctx.request_id.0.clone());
        ev
    }
}

async fn deny(
    state: &AppState,
    ctx: &Ctx,
    student: Option<StudentId>,
    raw_id: &str,
    detail: &str,
) -> Result<(), AppError> {
    let session = ctx.session()?;
    let mut ev = AuditEvent::new(AuditAction::AccessDenied, state.now());
    ev.actor = Some(session.person_id);
    ev.district_id = Some(session.district_id);
    ev.student = student;
    ev.record_kind = Some("student");
    ev.record_id = Some(raw_id.chars().take(64).collect());
    ev.request_id = Some(ctx.request_id.0.clone());
    ev.detail = Some(detail.to_owned());
    tracing::info!(request_id = %ctx.request_id.0, detail, "access denied");
    state.audit().write(ev).await.map_err(AppError::Internal)
}
