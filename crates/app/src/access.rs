//! Access control as the use cases and pages meet it: every action on a
//! student's records starts with [`StudentAccess::load`] and asks
//! [`StudentAccess::require`] (pages that show some parts and not others
//! read [`StudentAccess::decide`]). The decision is
//! `ssp_domain::access::decide`; this file gathers the facts, answers
//! not-found for anything out of scope, and audits denials and every read by
//! someone other than the student.

use ssp_db::repo::access::{self as facts_repo, AccessFacts};
use ssp_db::repo::audit::AuditEvent;
use ssp_domain::access::{decide, Action, Decision, Reason, RecordKind};
use ssp_domain::audit::AuditAction;
use ssp_domain::{PersonId, StudentId};

use crate::actor::Actor;
use crate::error::Error;
use crate::App;

pub struct StudentAccess {
    pub actor: PersonId,
    pub facts: AccessFacts,
    /// Ties the audit rows written for this access to the request.
    request_id: String,
}

impl StudentAccess {
    /// Loads what the actor is to the student. An unknown or malformed id
    /// is a 404 and an audited denial.
    pub async fn load(app: &App, actor: &Actor, raw_id: &str) -> Result<Self, Error> {
        let Ok(student) = raw_id.parse::<StudentId>() else {
            deny(app, actor, None, raw_id, "malformed_id").await?;
            return Err(Error::NotFound);
        };
        match Self::load_related(app, actor, student).await? {
            Some(access) => Ok(access),
            None => {
                deny(app, actor, None, raw_id, "unknown_student").await?;
                Err(Error::NotFound)
            }
        }
    }

    /// Loads without auditing a miss: for related students shown alongside
    /// one already authorized (siblings in the family view), where each is
    /// still checked with `decide` before anything of theirs is shown.
    pub async fn load_related(app: &App, actor: &Actor, student: StudentId) -> Result<Option<Self>, Error> {
        let today = app.now().date();
        Ok(facts_repo::facts(app.db(), actor.person, student, today)
            .await?
            .map(|facts| Self {
                actor: actor.person,
                facts,
                request_id: actor.request_id.clone(),
            }))
    }

    /// The caller, for use cases that act on more than this student.
    pub fn caller(&self) -> Actor {
        Actor {
            person: self.actor,
            district: self.facts.district_id,
            request_id: self.request_id.clone(),
        }
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
    pub async fn require(&self, app: &App, kind: RecordKind, action: Action) -> Result<Reason, Error> {
        match self.decide(kind, action) {
            Decision::Allow(reason) => {
                if action == Action::View {
                    self.audit_view(app, kind, reason).await?;
                }
                Ok(reason)
            }
            Decision::BreakGlass | Decision::Deny => {
                self.refuse(app, kind, action).await?;
                Err(Error::NotFound)
            }
        }
    }

    /// Audits a refusal of `action` on `kind` (for rules beyond `decide`
    /// that still answer not-found).
    pub async fn refuse(&self, app: &App, kind: RecordKind, action: Action) -> Result<(), Error> {
        let detail = format!("{}:{}", kind.as_str(), action.as_str());
        deny(
            app,
            &self.caller(),
            Some(self.student()),
            &self.student().to_string(),
            &detail,
        )
        .await
    }

    /// Audits a read (no row when students read their own records).
    pub async fn audit_view(&self, app: &App, kind: RecordKind, reason: Reason) -> Result<(), Error> {
        if self.is_self() {
            return Ok(());
        }
        let mut ev = AuditEvent::new(AuditAction::RecordViewed, app.now());
        ev.actor = Some(self.actor);
        ev.district_id = Some(self.facts.district_id);
        ev.student = Some(self.student());
        ev.record_kind = Some(kind.as_str());
        ev.request_id = Some(self.request_id.clone());
        ev.detail = Some(format!("reason={}", reason.as_str()));
        app.audit().write(ev).await.map_err(Error::Internal)
    }

    /// An audit event about this student by this actor, for writes that
    /// record it in their own transaction.
    pub fn event(&self, app: &App, action: AuditAction, kind: RecordKind) -> AuditEvent {
        let mut ev = AuditEvent::new(action, app.now());
        ev.actor = Some(self.actor);
        ev.district_id = Some(self.facts.district_id);
        ev.student = Some(self.student());
        ev.record_kind = Some(kind.as_str());
        ev.request_id = Some(self.request_id.clone());
        ev
    }
}

/// Audits an access denial (the caller sees not-found).
pub async fn deny(
    app: &App,
    actor: &Actor,
    student: Option<StudentId>,
    raw_id: &str,
    detail: &str,
) -> Result<(), Error> {
    let mut ev = AuditEvent::new(AuditAction::AccessDenied, app.now());
    ev.actor = Some(actor.person);
    ev.district_id = Some(actor.district);
    ev.student = student;
    ev.record_kind = Some("student");
    ev.record_id = Some(raw_id.chars().take(64).collect());
    ev.request_id = Some(actor.request_id.clone());
    ev.detail = Some(detail.to_owned());
    tracing::info!(request_id = %actor.request_id, detail, "access denied");
    app.audit().write(ev).await.map_err(Error::Internal)
}
