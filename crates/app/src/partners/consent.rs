//! Family consent to share with a partner. A guardian with educational
//! rights (or the eligible student at 18) grants it on a page in their
//! language; staff record a signed paper consent with its scan; either the
//! family or staff revoke it, at once. Consents are part of the record:
//! the family and the staff who may see the plan list them.

use ssp_db::repo::partners::{self as repo, ConsentRow, ConsentWrite};
use ssp_domain::access::{Action, RecordKind, Sensitivity};
use ssp_domain::audit::AuditAction;
use ssp_domain::input::{self, Rejected};
use ssp_domain::partners::category;
use ssp_domain::partners::consent::{Consent, ConsentMethod, ConsentState, Grantor, NewConsent};
use ssp_domain::partners::ServiceCategory;
use ssp_domain::Language;
use uuid::Uuid;

use crate::access::StudentAccess;
use crate::error::Error;
use crate::write::PlanWrite;
use crate::App;

/// The record kind of consents: shared (the family reads them).
pub const KIND: RecordKind = RecordKind::Plan;
/// Staff who record paper consents and revoke on the family's word: those
/// who may write the student's staff-only support records.
const STAFF_KIND: RecordKind = RecordKind::Support(Sensitivity::Staff);

/// A consent as typed on the page or in the API.
#[derive(Debug, Clone, Default)]
pub struct ConsentForm {
    pub partner: String,
    pub categories: String,
    pub purpose: String,
    pub expires_on: String,
}

/// The largest consent scan kept (10 MiB).
pub const MAX_SCAN_BYTES: u64 = 10 << 20;

/// The scan's type from its first bytes: PDF, JPEG or PNG only.
pub fn scan_extension(head: &[u8]) -> Option<&'static str> {
    if head.starts_with(b"%PDF-") {
        Some("pdf")
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("jpg")
    } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("png")
    } else {
        None
    }
}

/// The categories a partner serves (every service's categories).
pub async fn served(app: &App, partner: Uuid) -> Result<Vec<ServiceCategory>, Error> {
    let mut all = Vec::new();
    for stored in repo::served(app.db(), partner).await? {
        all.extend(category::split(&stored).map_err(|e| Error::Internal(e.into()))?);
    }
    all.sort();
    all.dedup();
    Ok(all)
}

fn grantor(access: &StudentAccess) -> Grantor {
    let rel = &access.facts.relationship;
    Grantor {
        is_self: rel.is_self,
        student_eligible: access.facts.facts.eligible,
        guardian_with_rights: rel.guardian_with_rights == Some(true),
    }
}

/// Whether the actor may grant consent for this student electronically.
pub fn may_grant(access: &StudentAccess) -> bool {
    grantor(access).may_grant()
}

/// Whether the actor may record a paper consent or revoke for the family.
pub fn staff_may_record(access: &StudentAccess) -> bool {
    !access.is_self() && access.decide(STAFF_KIND, Action::Create).is_allowed()
}

/// Parses the form against the partner's services; unknown partner is the
/// field `partner` `unknown_choice`.
async fn parse(app: &App, access: &StudentAccess, form: &ConsentForm) -> Result<(Uuid, NewConsent), Error> {
    let partner = form
        .partner
        .trim()
        .parse::<Uuid>()
        .ok()
        .filter(|_| !form.partner.trim().is_empty());
    let partner = match partner {
        Some(id) => repo::partner(app.db(), access.facts.district_id, id)
            .await?
            .map(|p| p.id),
        None => None,
    };
    let Some(partner) = partner else {
        let mut fields = vec![input::FieldError::new(
            "partner",
            if form.partner.trim().is_empty() {
                "required"
            } else {
                "unknown_choice"
            },
        )];
        if let Err(r) = NewConsent::parse(
            &form.categories,
            &form.purpose,
            &form.expires_on,
            ServiceCategory::ALL,
            app.now().date(),
        ) {
            fields.extend(r.fields);
        }
        return Err(Rejected::new("invalid_consent", fields).into());
    };
    let served = served(app, partner).await?;
    let c = NewConsent::parse(
        &form.categories,
        &form.purpose,
        &form.expires_on,
        &served,
        app.now().date(),
    )?;
    Ok((partner, c))
}

/// The guardian with rights (or the eligible student) grants consent.
/// Anyone else who may see the plan is `Forbidden("may_not_grant_consent")`;
/// others the audited not-found.
pub async fn grant(app: &App, access: &StudentAccess, form: &ConsentForm, language: Language) -> Result<Uuid, Error> {
    if !may_grant(access) {
        access.require(app, KIND, Action::View).await?;
        return Err(Error::Forbidden("may_not_grant_consent"));
    }
    let (partner, c) = parse(app, access, form).await?;
    write(app, access, partner, &c, ConsentMethod::Electronic, None, language).await
}

/// Staff record a signed paper consent with its scan (a PDF, JPEG or PNG
/// staged by the upload reader; `too_big` when it passed the limit).
/// Fields beyond the form's: `signer_name` (1–200), `scan` (`required`,
/// `too_large`, `unknown_type`).
pub async fn record_paper(
    app: &App,
    access: &StudentAccess,
    form: &ConsentForm,
    signer_name: &str,
    scan: Option<&crate::portfolio::artifacts::StagedFile>,
    too_big: bool,
) -> Result<Uuid, Error> {
    access.require(app, STAFF_KIND, Action::Create).await?;
    if access.is_self() {
        return Err(Error::NotFound);
    }
    let parsed = parse(app, access, form).await;
    let mut fields = Vec::new();
    let signer = input::text("signer_name", signer_name, 1..=200);
    if let Err(e) = &signer {
        fields.push(*e);
    }
    let mut bytes = Vec::new();
    let mut extension = None;
    match scan {
        _ if too_big => fields.push(input::FieldError::new("scan", "too_large")),
        None => fields.push(input::FieldError::new("scan", "required")),
        Some(f) if f.bytes > MAX_SCAN_BYTES => fields.push(input::FieldError::new("scan", "too_large")),
        Some(f) => {
            bytes = tokio::fs::read(&f.path).await.map_err(|e| Error::Internal(e.into()))?;
            extension = scan_extension(&bytes);
            if extension.is_none() {
                fields.push(input::FieldError::new("scan", "unknown_type"));
            }
        }
    }
    let (partner, c) = match parsed {
        Ok(v) if fields.is_empty() => v,
        Ok(_) => return Err(Rejected::new("invalid_consent", fields).into()),
        Err(Error::Rejected(mut r)) => {
            r.fields.extend(fields);
            return Err(r.into());
        }
        Err(e) => return Err(e),
    };
    let key = format!(
        "consents/{}/{}.{}",
        access.student(),
        Uuid::now_v7(),
        extension.expect("checked")
    );
    app.files()?.put_bytes(&key, bytes).await?;
    let signer = signer.unwrap_or_default();
    write(
        app,
        access,
        partner,
        &c,
        ConsentMethod::Paper,
        Some((signer.as_str(), key.as_str())),
        Language::En,
    )
    .await
}

async fn write(
    app: &App,
    access: &StudentAccess,
    partner: Uuid,
    c: &NewConsent,
    method: ConsentMethod,
    paper: Option<(&str, &str)>,
    language: Language,
) -> Result<Uuid, Error> {
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    let id = repo::insert_consent(
        w.tx(),
        &ConsentWrite {
            id: Uuid::now_v7(),
            district: access.facts.district_id,
            student: access.student(),
            partner,
            categories: &category::join(&c.categories),
            purpose: &c.purpose,
            granted_on: now.date(),
            expires_on: c.expires_on,
            method: method.key(),
            granted_by: (method == ConsentMethod::Electronic).then_some(access.actor),
            signer_name: paper.map(|p| p.0),
            scan_key: paper.map(|p| p.1),
            language: language.code(),
            recorded_by: access.actor,
        },
        now,
    )
    .await?;
    let mut ev = w.event(AuditAction::ConsentGranted, KIND);
    ev.record_id = Some(id.to_string());
    ev.detail = Some(format!(
        "partner={partner} categories={} method={}",
        category::join(&c.categories),
        method.key()
    ));
    w.commit_with(ev).await?;
    Ok(id)
}

/// Revokes a consent at once: the family (who may grant) or staff on the
/// family's word. An unknown consent is the audited not-found; one already
/// revoked is the conflict `consent_already_revoked`.
pub async fn revoke(app: &App, access: &StudentAccess, consent: &str) -> Result<(), Error> {
    if !may_grant(access) && !staff_may_record(access) {
        access.require(app, STAFF_KIND, Action::Edit).await?;
        return Err(Error::NotFound);
    }
    let Some(row) = find(app, access, consent).await? else {
        access.refuse(app, KIND, Action::Edit).await?;
        return Err(Error::NotFound);
    };
    if row.revoked_at.is_some() {
        return Err(Error::Conflict("consent_already_revoked"));
    }
    let mut w = PlanWrite::begin(app, access).await?;
    let now = w.now();
    if !repo::revoke_consent(w.tx(), access.student(), row.id, access.actor, now).await? {
        return Err(Error::Conflict("consent_already_revoked"));
    }
    let mut ev = w.event(AuditAction::ConsentRevoked, KIND);
    ev.record_id = Some(row.id.to_string());
    w.commit_with(ev).await
}

async fn find(app: &App, access: &StudentAccess, id: &str) -> Result<Option<ConsentRow>, Error> {
    let Ok(id) = id.trim().parse::<Uuid>() else {
        return Ok(None);
    };
    Ok(repo::consent(app.db(), access.student(), id).await?)
}

/// A consent with its state today.
#[derive(Debug, Clone)]
pub struct ConsentView {
    pub row: ConsentRow,
    pub categories: Vec<ServiceCategory>,
    pub state: ConsentState,
}

/// The rule's view of a stored consent.
pub fn rule(row: &ConsentRow) -> Consent {
    Consent {
        categories: category::split(&row.categories).unwrap_or_default(),
        granted_on: row.granted_on,
        expires_on: row.expires_on,
        revoked: row.revoked_at.is_some(),
    }
}

/// The student's consents, for the family and for staff who may see the
/// plan (audited).
pub async fn list(app: &App, access: &StudentAccess) -> Result<Vec<ConsentView>, Error> {
    access.require(app, KIND, Action::View).await?;
    let today = app.now().date();
    Ok(repo::consents(app.db(), access.student(), None)
        .await?
        .into_iter()
        .map(|row| {
            let c = rule(&row);
            ConsentView {
                state: c.state_on(today),
                categories: c.categories,
                row,
            }
        })
        .collect())
}

/// The consent active today for `partner` that covers `category`, if any.
pub async fn active_for(
    app: &App,
    student: ssp_domain::StudentId,
    partner: Uuid,
    category: ServiceCategory,
) -> Result<Option<ConsentRow>, Error> {
    let today = app.now().date();
    Ok(repo::consents(app.db(), student, Some(partner))
        .await?
        .into_iter()
        .find(|row| rule(row).covers(category, today)))
}
