//! The team page: who is on a student's SSP team, the plan manager (with
//! history), the guardians, and what each of them can see — worked out by
//! the access module itself. Also the forms that change the team.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_db::repo::access as access_repo;
use ssp_db::repo::{home, students, team};
use ssp_domain::access::{decide, is_school_wide, Action, Decision, RecordKind, Relationship, Sensitivity, TeamRole};
use ssp_domain::person::PersonName;
use ssp_domain::team::{GuardianRights, NewMember, NewPlanManager};
use ssp_domain::PersonId;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};
use crate::ui::plan::page::display_name;
use ssp_app::StudentAccess;

struct Member {
    id: String,
    name: String,
    role: String,
}

struct GuardianLinkView {
    link_id: String,
    name: String,
    detail: String,
    rights: bool,
    /// Invited / joined / never invited (`ui/team/invitations.rs`).
    sign_in: String,
    joined: bool,
}

struct Choice {
    id: String,
    label: String,
}

#[derive(Template)]
#[template(path = "team.html")]
struct TeamPage {
    page: Page,
    student_id: String,
    student_name: String,
    message: Option<String>,
    error: Option<String>,
    plan_manager: Option<String>,
    pm_history: Vec<String>,
    members: Vec<Member>,
    guardian_links: Vec<GuardianLinkView>,
    can_edit: bool,
    can_add: bool,
    choices: Vec<Choice>,
    roles: Vec<(&'static str, String)>,
    columns: Vec<String>,
    matrix: Vec<(String, Vec<String>)>,
    /// The staff member may invite this student's guardians.
    can_invite: bool,
    /// The staff member may invite the whole school: its id.
    school_invite: Option<String>,
}

#[derive(Deserialize)]
pub struct TeamQuery {
    done: Option<String>,
}

/// A person's name as pages and the API show it.
pub(crate) fn name(given: String, family: String, preferred: Option<String>) -> String {
    PersonName {
        given,
        family,
        preferred,
    }
    .display()
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<TeamQuery>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    access.require(&state, RecordKind::Team, Action::View).await?;
    let message = q.done.as_deref().and_then(|d| match d {
        "added" | "removed" | "reassigned" | "rights" | "invited" => Some(format!("team-done-{d}")),
        _ => None,
    });
    let page = Page::new(&ctx, "team-title");
    let message = message.map(|k| page.t(&k));
    page_response(&state, &ctx, &access, page, message, None)
        .await
        .map(IntoResponse::into_response)
}

pub(crate) async fn page_response(
    state: &AppState,
    _ctx: &Ctx,
    access: &StudentAccess,
    page: Page,
    message: Option<String>,
    error: Option<String>,
) -> Result<Response, AppError> {
    let db = state.db();
    let student = access.student();
    let h = students::header(db, student).await?.ok_or(AppError::NotFound)?;
    let history = team::plan_manager_history(db, student).await?;
    let plan_manager = history
        .iter()
        .find(|m| m.ended_at.is_none())
        .map(|m| name(m.given_name.clone(), m.family_name.clone(), m.preferred_name.clone()));
    let pm_history = history
        .iter()
        .filter_map(|m| {
            let ended = m.ended_at?;
            let args = [
                (
                    "name",
                    name(m.given_name.clone(), m.family_name.clone(), m.preferred_name.clone()),
                ),
                ("from", page.when(m.started_at)),
                ("until", page.when(ended)),
            ];
            Some(crate::i18n::t_args(page.lang, "team-pm-term", &args))
        })
        .collect();
    let rows = team::members(db, student).await?;
    let members: Vec<Member> = rows
        .iter()
        .map(|m| Member {
            id: m.id.to_string(),
            name: name(m.given_name.clone(), m.family_name.clone(), m.preferred_name.clone()),
            role: page.t(&role_key(&m.team_role)),
        })
        .collect();
    let guardian_rows = home::guardians_of(db, PersonId(student.0)).await?;
    let guardians: Vec<(String, String)> = guardian_rows
        .iter()
        .map(|g| {
            let rights = page.t(if g.educational_rights {
                "educational-rights-yes"
            } else {
                "educational-rights-no"
            });
            (
                name(g.given_name.clone(), g.family_name.clone(), g.preferred_name.clone()),
                format!("{} · {rights}", page.t(&format!("relationship-{}", g.relationship))),
            )
        })
        .collect();
    let can_edit = access.decide(RecordKind::Team, Action::Edit).is_allowed();
    let can_add = access.decide(RecordKind::Team, Action::Create).is_allowed();
    let choices = if can_edit || can_add {
        team::staff_of_school(db, access.facts.school_id)
            .await?
            .into_iter()
            .map(|c| Choice {
                id: c.person_id.to_string(),
                label: format!(
                    "{} ({})",
                    name(c.given_name, c.family_name, c.preferred_name),
                    page.t(&role_key(&c.role))
                ),
            })
            .collect()
    } else {
        vec![]
    };
    let roles = TeamRole::ALL
        .iter()
        .map(|r| (r.as_str(), page.t(&role_key(r.as_str()))))
        .collect();

    // Who can see what: the access module's answers for each person here
    // and for the roles that reach the student without being on the team.
    let kinds = [
        (RecordKind::Plan, "kind-plan"),
        (RecordKind::Note(Sensitivity::Staff), "kind-note-staff"),
        (
            RecordKind::Note(Sensitivity::RestrictedHealth),
            "kind-note-restricted-health",
        ),
        (
            RecordKind::Note(Sensitivity::RestrictedSocial),
            "kind-note-restricted-social",
        ),
        (RecordKind::AccessLog, "kind-access-log"),
    ];
    let columns = kinds.iter().map(|(_, k)| page.t(k)).collect();
    let sign_in = super::invitations::guardian_statuses(state, access, &page).await?;
    let can_invite = ssp_domain::invitation::may_invite_guardian(&access.facts.relationship);
    let school_invite = super::invitations::school_link(state, access).await?;
    let matrix = who_sees_what(state, access, &page, &kinds).await?;

    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = render(&TeamPage {
        student_id: student.to_string(),
        student_name: display_name(&h),
        page,
        message,
        error,
        plan_manager,
        pm_history,
        members,
        guardian_links: guardian_rows
            .iter()
            .zip(&guardians)
            .map(|(g, (name, detail))| {
                let (status, joined) = sign_in.get(&g.link_id).cloned().unwrap_or_default();
                GuardianLinkView {
                    link_id: g.link_id.to_string(),
                    name: name.clone(),
                    detail: detail.clone(),
                    rights: g.educational_rights,
                    sign_in: status,
                    joined,
                }
            })
            .collect(),
        can_edit,
        can_add,
        choices,
        roles,
        columns,
        matrix,
        can_invite,
        school_invite,
    })?;
    Ok((status, html).into_response())
}

/// "Who can see what": one row for every person who can reach this
/// student's records, each with all of their relationships to the student
/// merged and every answer from `decide` on those merged facts. People the
/// access module lets see nothing are left out, except the student, the
/// guardians and the team, whom the page names anyway. District
/// administrators with no other tie to the student share one row.
async fn who_sees_what(
    state: &AppState,
    access: &StudentAccess,
    page: &Page,
    kinds: &[(RecordKind, &str)],
) -> Result<Vec<(String, Vec<String>)>, AppError> {
    let facts = access.facts.facts;
    let cells = |rel: &Relationship| -> Vec<String> {
        kinds
            .iter()
            .map(|(kind, _)| {
                page.t(match decide(rel, facts, *kind, Action::View) {
                    Decision::Allow(_) => "can-see-yes",
                    Decision::BreakGlass => "can-see-with-reason",
                    Decision::Deny => "can-see-no",
                })
            })
            .collect()
    };
    let district_only = Relationship {
        district_admin: true,
        ..Default::default()
    };
    let mut people = access_repo::related_people(state.db(), &access.facts, state.now().date()).await?;
    people.sort_by_key(|p| {
        let r = &p.relationship;
        let rank = if r.is_self {
            0
        } else if r.guardian_with_rights.is_some() {
            1
        } else if r.is_plan_manager {
            2
        } else if !r.team_roles.is_empty() {
            3
        } else if r.school_roles.iter().copied().any(is_school_wide) {
            4
        } else if r.teaches_student {
            5
        } else {
            6
        };
        (rank, p.family_name.clone(), p.given_name.clone(), p.person.0)
    });
    let mut matrix = Vec::new();
    let mut district_admins = 0usize;
    for p in people {
        let rel = &p.relationship;
        if *rel == district_only {
            district_admins += 1;
            continue;
        }
        let named_here =
            rel.is_self || rel.guardian_with_rights.is_some() || rel.is_plan_manager || !rel.team_roles.is_empty();
        let reaches = RecordKind::ALL
            .iter()
            .any(|k| decide(rel, facts, *k, Action::View) != Decision::Deny);
        if !named_here && !reaches {
            continue;
        }
        let who = name(p.given_name, p.family_name, p.preferred_name);
        matrix.push((
            format!("{who} ({})", relationship_labels(page, rel).join(", ")),
            cells(rel),
        ));
    }
    if district_admins > 0 {
        matrix.push((
            page.t1("who-district-admins", "count", district_admins),
            cells(&district_only),
        ));
    }
    Ok(matrix)
}

/// What a person is to the student, in words, for their row.
fn relationship_labels(page: &Page, rel: &Relationship) -> Vec<String> {
    let mut labels = Vec::new();
    if rel.is_self {
        labels.push(page.t("role-student"));
    }
    if let Some(rights) = rel.guardian_with_rights {
        labels.push(page.t("role-guardian"));
        if !rights {
            labels.push(page.t("educational-rights-no"));
        }
    }
    if rel.is_plan_manager {
        labels.push(page.t("team-plan-manager"));
    }
    for r in &rel.team_roles {
        labels.push(page.t1("who-team-role", "role", page.t(&role_key(r.as_str()))));
    }
    for r in rel.school_roles.iter().copied().filter(|r| is_school_wide(*r)) {
        if !rel.team_roles.iter().any(|t| t.staff_role() == r) {
            labels.push(page.t1("who-school-role", "role", page.t(&role_key(r.as_str()))));
        }
    }
    if rel.teaches_student {
        labels.push(page.t("who-teaches"));
    }
    if rel.district_admin {
        labels.push(page.t("role-district-admin"));
    }
    labels
}

/// Shows the team page again with a message next to the forms; nothing
/// was changed.
async fn refuse(state: &AppState, ctx: &Ctx, access: &StudentAccess, key: &str) -> Result<Response, AppError> {
    let page = Page::new(ctx, "team-title");
    let msg = page.t(key);
    page_response(state, ctx, access, page, None, Some(msg)).await
}

fn role_key(role: &str) -> String {
    format!("role-{}", role.replace('_', "-"))
}

#[derive(Deserialize)]
pub struct AddForm {
    staff_id: String,
    team_role: String,
}

/// The page after a team change: back to the team with `done`, or the
/// team page again with the refusal's message next to the forms.
async fn answer(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    done: &str,
    result: Result<(), ssp_app::Error>,
) -> Result<Response, AppError> {
    use ssp_app::Error as E;
    let key = match result {
        Ok(()) => return Ok(Redirect::to(&format!("/students/{}/team?done={done}", access.student())).into_response()),
        Err(E::Rejected(r)) if r.first().is_some_and(|f| f.code == "not_at_school") => "team-error-not-at-school",
        Err(E::Rejected(r)) if r.first().is_some_and(|f| f.field == "rights") => {
            return Err(AppError::BadRequest("malformed_form"))
        }
        Err(E::Rejected(_)) => "team-error-choice",
        Err(E::Conflict(_)) => "team-error-already",
        Err(e) => return Err(e.into()),
    };
    refuse(state, ctx, access, key).await
}

pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<AddForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = NewMember::parse(&form.staff_id, &form.team_role);
    let result = ssp_app::team::members::add(&state, &access, input).await.map(drop);
    answer(&state, &ctx, &access, "added", result).await
}

pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, member)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let result = ssp_app::team::members::remove(&state, &access, &member).await;
    answer(&state, &ctx, &access, "removed", result).await
}

#[derive(Deserialize)]
pub struct ReassignForm {
    staff_id: String,
}

pub async fn reassign(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<ReassignForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = NewPlanManager::parse(&form.staff_id);
    let result = ssp_app::team::members::reassign(&state, &access, input).await;
    answer(&state, &ctx, &access, "reassigned", result).await
}

#[derive(Deserialize)]
pub struct RightsForm {
    #[serde(default)]
    rights: String,
}

/// Grants or withdraws a guardian's educational rights (school staff who may
/// change the team, and district administrators). Audited.
pub async fn set_rights(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, link)): Path<(String, String)>,
    Form(form): Form<RightsForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = GuardianRights::parse_form(&form.rights);
    let result = ssp_app::team::members::set_rights(&state, &access, &link, input).await;
    answer(&state, &ctx, &access, "rights", result).await
}
