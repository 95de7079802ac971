//! The interactions log: meetings and contacts between mentor/advisor,
//! student and family, per student or for the whole family (the student and
//! siblings who share a guardian), each visible by its sensitivity class,
//! with follow-up tasks that have an owner and a due date.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_db::repo::interactions;
use ssp_db::repo::{students, team};
use ssp_domain::access::{Action, RecordKind, Sensitivity};
use ssp_domain::person::PersonName;
use ssp_domain::records::{InteractionFields, NewInteraction, INTERACTION_KINDS};
use ssp_domain::StudentId;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};
use crate::ui::plan::page::display_name;
use crate::ui::records::notes::{class_choices, ClassChoice};
use ssp_app::StudentAccess;

struct Row {
    class: &'static str,
    meta: String,
    participants: String,
    notes: String,
}

#[derive(Template)]
#[template(path = "interactions.html")]
struct InteractionsPage {
    page: Page,
    student_id: String,
    student_name: String,
    family: bool,
    error: Option<String>,
    writable: Vec<ClassChoice>,
    kinds: Vec<(&'static str, String)>,
    owners: Vec<(String, String)>,
    today: String,
    can_write: bool,
    follow_ups: Vec<(String, String, bool)>,
    rows: Vec<Row>,
}

#[derive(Deserialize)]
pub struct LogQuery {
    family: Option<String>,
}

fn readable(access: &StudentAccess) -> Vec<Sensitivity> {
    Sensitivity::ALL
        .into_iter()
        .filter(|s| access.decide(RecordKind::Note(*s), Action::View).is_allowed())
        .collect()
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<LogQuery>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    render_log(&state, &ctx, &access, q.family.is_some(), None).await
}

async fn render_log(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    family: bool,
    error: Option<String>,
) -> Result<Response, AppError> {
    let classes = readable(access);
    if classes.is_empty() {
        access
            .require(state, RecordKind::Note(Sensitivity::Shared), Action::View)
            .await?;
    }
    for s in &classes {
        if let ssp_domain::access::Decision::Allow(r) = access.decide(RecordKind::Note(*s), Action::View) {
            access.audit_view(state, RecordKind::Note(*s), r).await?;
        }
    }
    let db = state.db();
    let mut rows = interactions::list(db, &[access.student()], &classes, family).await?;
    if family {
        // Siblings' contacts with the family, each only as far as the actor
        // may see that sibling's records.
        for sibling in interactions::family_of(db, access.student()).await? {
            if sibling == access.student().0 {
                continue;
            }
            let Some(sib) = StudentAccess::load_related(state, &ctx.actor()?, StudentId(sibling)).await? else {
                continue;
            };
            let sib_classes = readable(&sib);
            if sib_classes.is_empty() {
                continue;
            }
            for s in &sib_classes {
                if let ssp_domain::access::Decision::Allow(r) = sib.decide(RecordKind::Note(*s), Action::View) {
                    sib.audit_view(state, RecordKind::Note(*s), r).await?;
                }
            }
            rows.extend(interactions::list(db, &[sib.student()], &sib_classes, true).await?);
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.occurred_on));
    }
    let h = students::header(db, access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "interactions-title");
    let class_key = |s: &str| format!("sensitivity-{}", s.replace('_', "-"));
    let rows = rows
        .into_iter()
        .map(|r| {
            let class = Sensitivity::parse(&r.sensitivity).unwrap_or(Sensitivity::Staff);
            Row {
                class: class.as_str(),
                meta: format!(
                    "{} · {} · {} · {}{}",
                    page.date(r.occurred_on),
                    page.t(&format!("interaction-kind-{}", r.kind.replace('_', "-"))),
                    PersonName {
                        given: r.given_name,
                        family: r.family_name,
                        preferred: r.preferred_name,
                    }
                    .display(),
                    page.t(&class_key(&r.sensitivity)),
                    if family {
                        let student = PersonName {
                            given: r.student_given,
                            family: String::new(),
                            preferred: r.student_preferred,
                        };
                        format!(" · {}", student.first())
                    } else {
                        String::new()
                    }
                ),
                participants: r.participants,
                notes: r.notes,
            }
        })
        .collect();
    let writable = if access.is_self() {
        vec![]
    } else {
        class_choices(access, &page)
    };
    let owners = if writable.is_empty() {
        vec![]
    } else {
        team::members(db, access.student())
            .await?
            .into_iter()
            .map(|m| {
                let name = PersonName {
                    given: m.given_name,
                    family: m.family_name,
                    preferred: m.preferred_name,
                };
                (m.staff_id.to_string(), name.display())
            })
            .collect()
    };
    let follow_ups = if classes.contains(&Sensitivity::Staff) {
        interactions::follow_ups(db, access.student())
            .await?
            .into_iter()
            .map(|f| {
                let owner = match (f.owner_given, f.owner_family) {
                    (Some(g), Some(fam)) => format!(" · {g} {fam}"),
                    _ => String::new(),
                };
                let due = f.due_on.map(|d| format!(" · {d}")).unwrap_or_default();
                (
                    f.id.to_string(),
                    format!("{}{owner}{due}", f.description),
                    f.done_at.is_some(),
                )
            })
            .collect()
    } else {
        vec![]
    };
    let kinds = INTERACTION_KINDS
        .iter()
        .map(|k| (*k, page.t(&format!("interaction-kind-{}", k.replace('_', "-")))))
        .collect();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = render(&InteractionsPage {
        student_id: access.student().to_string(),
        student_name: display_name(&h),
        family,
        error,
        can_write: !writable.is_empty(),
        writable,
        kinds,
        owners,
        today: state.now().date().to_string(),
        follow_ups,
        rows,
        page,
    })?;
    Ok((status, html).into_response())
}

#[derive(Deserialize)]
pub struct InteractionForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    occurred_on: String,
    #[serde(default)]
    participants: String,
    #[serde(default)]
    family_present: Option<String>,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    sensitivity: String,
    #[serde(default)]
    follow_up: String,
    #[serde(default)]
    follow_up_owner: String,
    #[serde(default)]
    follow_up_due: String,
}

impl InteractionForm {
    fn fields(&self) -> InteractionFields<'_> {
        InteractionFields {
            sensitivity: &self.sensitivity,
            kind: &self.kind,
            occurred_on: &self.occurred_on,
            participants: &self.participants,
            family_present: self.family_present.is_some(),
            notes: &self.notes,
            follow_up: &self.follow_up,
            follow_up_owner: &self.follow_up_owner,
            follow_up_due: &self.follow_up_due,
        }
    }
}

/// The form's message for a refused interaction (one per form).
fn refusal_key(field: &str) -> &'static str {
    match field {
        "kind" => "interaction-error-kind",
        "occurred_on" => "interaction-error-date",
        "notes" => "interaction-error-notes",
        "participants" => "interaction-error-long",
        "follow_up" => "interaction-error-long",
        _ => "interaction-error-follow-up",
    }
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<InteractionForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = NewInteraction::parse(&form.fields(), state.now().date());
    match ssp_app::records::interactions::create(&state, &access, input).await {
        Ok(_) => Ok(Redirect::to(&format!("/students/{}/interactions", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(r)) => match r.first() {
            Some(f) if f.field == "sensitivity" => Err(AppError::BadRequest("malformed_form")),
            f => {
                let msg = crate::i18n::t(ctx.lang, refusal_key(f.map_or("", |f| f.field)));
                render_log(&state, &ctx, &access, false, Some(msg)).await
            }
        },
        Err(e) => Err(e.into()),
    }
}

pub async fn follow_up_done(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, follow_up)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    ssp_app::records::interactions::follow_up_done(&state, &access, &follow_up).await?;
    Ok(Redirect::to(&format!("/students/{}/interactions", access.student())).into_response())
}
