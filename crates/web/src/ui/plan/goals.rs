//! Goals: the new-goal form (a student's own goal, or a staff suggestion the
//! student accepts), the goal page with its progress chart and check-ins,
//! check-ins, and status changes (only the moves the status rule allows).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_db::repo::plan::{self, GoalRow};
use ssp_db::repo::students;
use ssp_domain::access::{Action, RecordKind};
use ssp_domain::person::PersonName;
use ssp_domain::plan::correction::may_correct;
use ssp_domain::plan::goal::progress;
use ssp_domain::plan::{CheckInCadence, GoalInput, GoalStatus, MeasureKind, PlanDomain};
use ssp_domain::PersonId;

use crate::chart;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Draft, Page};
use crate::ui::plan::page::display_name;
use ssp_app::plan::check_ins::{self, CheckInProblem};
use ssp_app::plan::goals;
use ssp_app::StudentAccess;
use ssp_domain::input::Rejected;
use ssp_domain::plan::check_in::CheckInInput;
use ssp_domain::plan::steps::{NewStep, NewSupport, StatusChange};

struct Field {
    name: &'static str,
    label: String,
    hint: Option<String>,
    value: String,
    error: Option<String>,
    options: Vec<(String, String)>,
    multiline: bool,
    input_type: &'static str,
}

#[derive(Template)]
#[template(path = "goal_new.html")]
struct NewGoalPage {
    page: Page,
    heading: String,
    action: String,
    student_id: String,
    student_name: String,
    errors: Vec<String>,
    fields: Vec<Field>,
}

#[derive(Deserialize, Default)]
pub struct GoalForm {
    #[serde(default)]
    domain: String,
    #[serde(default)]
    statement: String,
    #[serde(default)]
    why_it_matters: String,
    #[serde(default)]
    measure_kind: String,
    #[serde(default)]
    baseline: String,
    #[serde(default)]
    target: String,
    #[serde(default)]
    due_date: String,
    #[serde(default)]
    cadence: String,
}

impl GoalForm {
    /// The form's raw answers, for the domain's goal validation.
    fn input(&self) -> GoalInput {
        GoalInput {
            domain: self.domain.clone(),
            statement: self.statement.clone(),
            why_it_matters: self.why_it_matters.clone(),
            measure_kind: self.measure_kind.clone(),
            baseline: self.baseline.clone(),
            target: self.target.clone(),
            due_date: self.due_date.clone(),
            cadence: self.cadence.clone(),
        }
    }
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    access.require(&state, RecordKind::Plan, Action::Create).await?;
    let form = GoalForm {
        cadence: "every_two_weeks".into(),
        measure_kind: "percent".into(),
        ..Default::default()
    };
    goal_form_page(&state, &ctx, &access, &form, &[], None).await
}

async fn goal_form_page(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    form: &GoalForm,
    errors: &[ssp_domain::plan::FieldError],
    editing: Option<uuid::Uuid>,
) -> Result<Response, AppError> {
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "goal-new-title");
    // Staff suggesting a goal read about "the student's goal"; the student "my goal".
    let reader = crate::i18n::Reader::of(access.is_self());
    let err = |name: &str| {
        errors
            .iter()
            .find(|e| e.field == name)
            .map(|e| match MeasureKind::parse(&form.measure_kind) {
                // Say the range of the measure chosen.
                Ok(m) if e.code == "invalid_measure_value" => {
                    crate::i18n::value_range_error(page.lang, "goal-error-invalid-measure-value", m)
                }
                _ => page.t(&reader.key(&format!("goal-error-{}", e.code.replace('_', "-")))),
            })
    };
    let opts = |items: Vec<(&str, String)>| items.into_iter().map(|(v, l)| (v.to_owned(), l)).collect::<Vec<_>>();
    let field =
        |name: &'static str, value: &str, options: Vec<(String, String)>, multiline: bool, input_type: &'static str| {
            Field {
                name,
                label: page.t(&reader.key(&format!("goal-field-{}", name.replace('_', "-")))),
                hint: Some(reader.key(&format!("goal-hint-{}", name.replace('_', "-"))))
                    .filter(|k| crate::i18n::has(page.lang, k))
                    .map(|k| page.t(&k)),
                value: value.chars().take(1000).collect(),
                error: err(name),
                options,
                multiline,
                input_type,
            }
        };
    let fields = vec![
        field(
            "domain",
            &form.domain,
            opts(
                PlanDomain::ALL
                    .iter()
                    .map(|d| (d.as_str(), page.t(&format!("domain-{}", d.as_str()))))
                    .collect(),
            ),
            false,
            "text",
        ),
        field("statement", &form.statement, vec![], true, "text"),
        field("why_it_matters", &form.why_it_matters, vec![], true, "text"),
        field(
            "measure_kind",
            &form.measure_kind,
            opts(
                MeasureKind::ALL
                    .iter()
                    .map(|m| (m.as_str(), page.t(&format!("measure-{}", m.as_str().replace('_', "-")))))
                    .collect(),
            ),
            false,
            "text",
        ),
        field("baseline", &form.baseline, vec![], false, "text"),
        field("target", &form.target, vec![], false, "text"),
        field("due_date", &form.due_date, vec![], false, "date"),
        field(
            "cadence",
            &form.cadence,
            opts(
                CheckInCadence::ALL
                    .iter()
                    .map(|c| (c.as_str(), page.t(&format!("cadence-{}", c.as_str().replace('_', "-")))))
                    .collect(),
            ),
            false,
            "text",
        ),
    ];
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let (heading, action) = match editing {
        Some(goal) => (
            page.t("goal-edit-title"),
            format!("/students/{}/goals/{goal}", access.student()),
        ),
        None => (
            page.t(&reader.key("goal-new-title")),
            format!("/students/{}/goals", access.student()),
        ),
    };
    let html = render(&NewGoalPage {
        heading,
        action,
        page,
        student_id: access.student().to_string(),
        student_name: display_name(&h),
        errors: errors.iter().map(|e| e.field.to_owned()).collect(),
        fields,
    })?;
    Ok((status, html).into_response())
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<GoalForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = form.input().parse(state.now().date());
    match goals::create_goal(&state, &access, input).await {
        Ok(goal) => Ok(Redirect::to(&format!("/students/{}/goals/{goal}", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(r)) => goal_form_page(&state, &ctx, &access, &form, &r.fields, None).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "goal.html")]
struct GoalPage {
    page: Page,
    student_id: String,
    student_name: String,
    g: GoalRow,
    status: String,
    status_key: &'static str,
    domain: String,
    summary: String,
    chart: String,
    error: Option<String>,
    can_accept: bool,
    can_reword: bool,
    can_check_in: bool,
    value_label: String,
    reflection_label: String,
    today: String,
    check_ins: Vec<CheckInView>,
    /// What was typed into a refused form on this page.
    draft: Draft,
    next_statuses: Vec<(&'static str, String)>,
    /// (id, text with owner and due date, done)
    steps: Vec<(String, String, bool)>,
    can_add_steps: bool,
    can_edit_steps: bool,
    supports: Vec<String>,
    /// Career exploration activities the student logged as evidence.
    evidence: Vec<(String, String, String)>,
    step_owners: Vec<(String, String)>,
    /// The student's own work they may attach to a new check-in: (id, title).
    own_work: Vec<(String, String)>,
}

struct CheckInView {
    date: String,
    value: String,
    note: String,
    reflection: String,
    by: String,
    edited: bool,
    /// The author's link to correct it, while the window is open.
    edit_href: Option<String>,
    /// Portfolio work attached as evidence: (link, title).
    evidence: Vec<(String, String)>,
}

pub(super) async fn load_goal(state: &AppState, access: &StudentAccess, goal: &str) -> Result<GoalRow, AppError> {
    let goal: uuid::Uuid = goal.parse().map_err(|_| AppError::NotFound)?;
    plan::goal(state.db(), access.student(), goal)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    access.require(&state, RecordKind::Plan, Action::View).await?;
    let g = load_goal(&state, &access, &goal).await?;
    goal_page(&state, &ctx, &access, g, None).await
}

async fn goal_page(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    g: GoalRow,
    error: Option<String>,
) -> Result<Response, AppError> {
    goal_page_with(state, ctx, access, g, error, Draft::default()).await
}

/// The goal page; `draft` is what was typed into the form that was refused.
async fn goal_page_with(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    g: GoalRow,
    error: Option<String>,
    draft: Draft,
) -> Result<Response, AppError> {
    let h = students::header(state.db(), access.student())
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::new(ctx, "goal-title");
    let reader = crate::i18n::Reader::of(access.is_self());
    let status = GoalStatus::parse(&g.status).unwrap_or(GoalStatus::Draft);
    let measure = MeasureKind::parse(&g.measure_kind).unwrap_or(MeasureKind::Count);
    let check_ins = plan::check_ins(state.db(), g.id).await?;
    let fraction = progress(g.baseline, g.target, g.last_value);
    let summary = crate::i18n::t_args(
        page.lang,
        "goal-summary",
        &[
            ("baseline", chart::format_value(measure, g.baseline)),
            ("target", chart::format_value(measure, g.target)),
            ("due", page.date(g.due_date)),
            ("percent", ((fraction * 100.0).round() as i64).to_string()),
        ],
    );
    let points: Vec<(time::Date, f64)> = check_ins.iter().map(|c| (c.on_date, c.value)).collect();
    let start = g.activated_on.unwrap_or(g.created_at.date());
    let chart = chart::goal_chart(&page, measure, g.baseline, g.target, start, g.due_date, &points);
    let can_edit = access.decide(RecordKind::Plan, Action::Edit).is_allowed();
    let can_create = access.decide(RecordKind::Plan, Action::Create).is_allowed();
    let next_statuses = if can_edit {
        GoalStatus::ALL
            .into_iter()
            .filter(|to| status.transition(*to).is_ok())
            .filter(|to| *to != GoalStatus::Active || status != GoalStatus::Draft || access.is_self())
            .map(|to| {
                (
                    to.as_str(),
                    page.t(&format!("goal-status-{}", to.as_str().replace('_', "-"))),
                )
            })
            .collect()
    } else {
        vec![]
    };
    let now = state.now();
    // Portfolio work attached to check-ins; private work only for those who
    // may change the plan (the student and staff, not guardians).
    let sees_private = access
        .decide(ssp_domain::access::RecordKind::Plan, ssp_domain::access::Action::Edit)
        .is_allowed();
    let attached = ssp_db::repo::portfolio::settings::check_in_evidence_for_goal(state.db(), g.id).await?;
    let evidence_of = |check_in: uuid::Uuid| -> Vec<(String, String)> {
        attached
            .iter()
            .filter(|(c, _, _, private)| *c == check_in && (sees_private || !*private))
            .map(|(_, a, title, _)| (format!("/students/{}/portfolio#a-{a}", access.student()), title.clone()))
            .collect()
    };
    let rows = check_ins
        .iter()
        .rev()
        .map(|c| CheckInView {
            evidence: evidence_of(c.id),
            date: page.date(c.on_date),
            value: chart::format_value(measure, c.value),
            note: c.note.clone(),
            reflection: c.reflection.clone(),
            by: PersonName {
                given: c.given_name.clone(),
                family: c.family_name.clone(),
                preferred: c.preferred_name.clone(),
            }
            .display(),
            edited: c.edited_at.is_some(),
            edit_href: may_correct(PersonId(c.author_id), access.actor, c.created_at, now)
                .then(|| format!("/students/{}/goals/{}/check-ins/{}/edit", access.student(), g.id, c.id)),
        })
        .collect();
    let steps = plan::action_steps(state.db(), g.id)
        .await?
        .into_iter()
        .map(|st| {
            let owner = match (st.owner_given, st.owner_family) {
                (Some(given), Some(family)) => {
                    let name = PersonName {
                        given,
                        family,
                        preferred: st.owner_preferred,
                    };
                    format!(" · {}", name.display())
                }
                _ => String::new(),
            };
            let due = st.due_on.map(|d| format!(" · {}", page.date(d))).unwrap_or_default();
            (
                st.id.to_string(),
                format!("{}{owner}{due}", st.description),
                st.done_at.is_some(),
            )
        })
        .collect();
    let can_add_steps = can_create && !status.is_final();
    let step_owners = if can_add_steps {
        let mut owners = vec![(access.student().to_string(), display_name(&h))];
        for m in ssp_db::repo::team::members(state.db(), access.student()).await? {
            let name = PersonName {
                given: m.given_name,
                family: m.family_name,
                preferred: m.preferred_name,
            };
            owners.push((m.staff_id.to_string(), name.display()));
        }
        owners.dedup();
        owners
    } else {
        vec![]
    };
    let supports = plan::supports(state.db(), g.id)
        .await?
        .into_iter()
        .map(|s| {
            if s.provider.is_empty() {
                s.description
            } else {
                format!("{} · {}", s.description, s.provider)
            }
        })
        .collect();
    let mut evidence: Vec<(String, String, String)> =
        ssp_db::repo::career::saved::explorations_for_goal(state.db(), g.id)
            .await?
            .into_iter()
            .map(|e| {
                (
                    format!(
                        "{} · {}",
                        page.date(e.occurred_on),
                        page.t(&format!("exploration-{}", e.kind))
                    ),
                    e.title,
                    e.reflection,
                )
            })
            .collect();
    // Portfolio work the student gave as evidence for the goal.
    let work = ssp_db::repo::portfolio::artifacts::evidence_for_goal(state.db(), g.id).await?;
    evidence.extend(
        work.into_iter()
            .filter(|(_, _, _, private)| sees_private || !*private)
            .map(|(_, title, reflection, _)| (page.t("portfolio-evidence"), title, reflection)),
    );
    let own_work = if access.is_self() {
        ssp_db::repo::portfolio::artifacts::for_student(state.db(), access.student())
            .await?
            .into_iter()
            .map(|a| (a.id.to_string(), a.title))
            .collect()
    } else {
        Vec::new()
    };
    let html = render(&GoalPage {
        own_work,
        supports,
        evidence,
        steps,
        can_add_steps,
        can_edit_steps: can_edit,
        step_owners,
        student_id: access.student().to_string(),
        student_name: display_name(&h),
        status: page.t(&format!("goal-status-{}", status.as_str().replace('_', "-"))),
        status_key: status.as_str(),
        domain: page.t(&format!("domain-{}", g.domain)),
        summary,
        chart,
        error: error.clone(),
        can_accept: status == GoalStatus::Draft && access.is_self(),
        can_reword: can_edit && may_reword(access, &g),
        can_check_in: status == GoalStatus::Active && can_create,
        value_label: page.t(&reader.key(&format!("checkin-value-{}", measure.as_str().replace('_', "-")))),
        reflection_label: page.t(&reader.key("checkin-reflection")),
        today: state.now().date().to_string(),
        check_ins: rows,
        draft,
        next_statuses,
        g,
        page,
    })?;
    let code = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((code, html).into_response())
}

#[derive(Deserialize)]
pub struct CheckInForm {
    #[serde(default)]
    pub(super) on_date: String,
    #[serde(default)]
    pub(super) value: String,
    #[serde(default)]
    pub(super) note: String,
    #[serde(default)]
    pub(super) reflection: String,
    /// One of the student's artifacts attached as evidence (blank: none).
    #[serde(default)]
    pub(super) evidence: String,
}

impl CheckInForm {
    /// The artifact attached as evidence, if one was chosen (a malformed id
    /// is refused by the use case as an unknown reference).
    pub(super) fn evidence(&self) -> Vec<uuid::Uuid> {
        match self.evidence.trim() {
            "" => Vec::new(),
            s => vec![s.parse().unwrap_or_else(|_| uuid::Uuid::nil())],
        }
    }

    /// The check-in as typed, judged against its goal.
    pub(super) fn parse(&self, g: &GoalRow, today: time::Date) -> Result<CheckInInput, Rejected> {
        let goal = check_ins::goal_facts(g);
        CheckInInput::parse(&goal, &self.on_date, &self.value, &self.note, &self.reflection, today)
    }

    /// The typed values, to show again when the check-in is refused.
    pub(super) fn draft(&self) -> Draft {
        Draft::new(
            "check_in",
            vec![
                ("on_date", self.on_date.clone()),
                ("value", self.value.clone()),
                ("note", self.note.clone()),
                ("reflection", self.reflection.clone()),
            ],
        )
    }
}

/// The sentence for a refused check-in, in the reader's language (a date
/// in it written the reader's way).
pub(super) fn check_in_problem_message(ctx: &Ctx, r: &Rejected, g: &GoalRow) -> String {
    let p = CheckInProblem::of(r, g);
    if p.code == "value" {
        // The range from the measure's bounds, not the domain's English detail.
        let measure = MeasureKind::parse(&g.measure_kind).unwrap_or(MeasureKind::Count);
        return crate::i18n::value_range_error(ctx.lang, "checkin-error-value", measure);
    }
    let local = crate::when::Local::of(ctx);
    let key = format!("checkin-error-{}", p.code.replace('_', "-"));
    let detail = match ssp_domain::plan::goal::parse_iso_date(&p.detail) {
        Ok(d) => local.date(d),
        Err(_) => p.detail,
    };
    crate::i18n::t_args(ctx.lang, &key, &[("detail", detail.clone()), ("max", detail)])
}

pub async fn check_in(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
    Form(form): Form<CheckInForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    access.require(&state, RecordKind::Plan, Action::Create).await?;
    let g = load_goal(&state, &access, &goal).await?;
    let input = form.parse(&g, state.now().date());
    match check_ins::add_check_in(&state, &access, &g, input, &form.evidence()).await {
        Ok(_) => Ok(Redirect::to(&format!("/students/{}/goals/{}", access.student(), g.id)).into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let msg = check_in_problem_message(&ctx, &r, &g);
            goal_page_with(&state, &ctx, &access, g, Some(msg), form.draft()).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
}

pub async fn set_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
    Form(form): Form<StatusForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let key = match goals::set_status(&state, &access, &goal, StatusChange::parse(&form.status)).await {
        Ok(()) => return Ok(Redirect::to(&format!("/students/{}/goals/{goal}", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(_)) => "goal-error-illegal-transition",
        Err(ssp_app::Error::Conflict("goal_changed_meanwhile")) => "goal-error-changed-meanwhile",
        Err(e) => return Err(e.into()),
    };
    refuse_on_goal_page(&state, &ctx, &access, &goal, key).await
}

/// The goal page again (as it is now) with the message `key`.
async fn refuse_on_goal_page(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    goal: &str,
    key: &str,
) -> Result<Response, AppError> {
    let g = load_goal(state, access, goal).await?;
    goal_page(state, ctx, access, g, Some(crate::i18n::t(ctx.lang, key))).await
}

#[derive(Deserialize)]
pub struct StepForm {
    #[serde(default)]
    description: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    due_on: String,
}

/// Adds an action step with an owner (the student or a team member) and a due date.
pub async fn add_step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
    Form(form): Form<StepForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = NewStep::parse(&form.description, &form.due_on, &form.owner, state.now().date());
    let r = match goals::add_step(&state, &access, &goal, input).await {
        Ok(_) => return Ok(Redirect::to(&format!("/students/{}/goals/{goal}", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(r)) => r,
        Err(e) => return Err(e.into()),
    };
    let key = match r.first().map(|f| f.field) {
        Some("due_on") => "step-error-due",
        Some("owner") => "step-error-owner",
        _ => "step-error-description",
    };
    refuse_on_goal_page(&state, &ctx, &access, &goal, key).await
}

pub async fn complete_step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal, step)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    goals::complete_step(&state, &access, &goal, &step).await?;
    Ok(Redirect::to(&format!("/students/{}/goals/{goal}", access.student())).into_response())
}

use ssp_app::plan::goals::may_reword;

/// A stored value as a person would type it back into a form: yes/no in
/// the reader's words ("sí" is read back as yes), numbers without "%".
pub(super) fn value_as_typed(lang: ssp_domain::Language, measure: MeasureKind, v: f64) -> String {
    match measure {
        MeasureKind::YesNo => crate::i18n::t(lang, if v >= 0.5 { "value-yes" } else { "value-no" }),
        _ => crate::chart::format_value(measure, v).trim_end_matches('%').to_owned(),
    }
}

fn form_of(g: &GoalRow, lang: ssp_domain::Language) -> GoalForm {
    let measure = MeasureKind::parse(&g.measure_kind).unwrap_or(MeasureKind::Count);
    let value = |v: f64| value_as_typed(lang, measure, v);
    GoalForm {
        domain: g.domain.clone(),
        statement: g.statement.clone(),
        why_it_matters: g.why_it_matters.clone(),
        measure_kind: g.measure_kind.clone(),
        baseline: value(g.baseline),
        target: value(g.target),
        due_date: g.due_date.to_string(),
        cadence: g.cadence.clone(),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    access.require(&state, RecordKind::Plan, Action::Edit).await?;
    let g = load_goal(&state, &access, &goal).await?;
    if !may_reword(&access, &g) {
        return Err(AppError::Forbidden("goal_edit_not_allowed"));
    }
    goal_form_page(&state, &ctx, &access, &form_of(&g, ctx.lang), &[], Some(g.id)).await
}

/// Rewords a goal. Its measure kind cannot change once it has check-ins
/// (their values were taken on the old measure).
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
    Form(form): Form<GoalForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    let input = form.input().parse(state.now().date());
    match goals::update(&state, &access, &goal, &form.measure_kind, input).await {
        Ok(()) => Ok(Redirect::to(&format!("/students/{}/goals/{goal}", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(r)) => {
            let g = load_goal(&state, &access, &goal).await?;
            goal_form_page(&state, &ctx, &access, &form, &r.fields, Some(g.id)).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct SupportForm {
    #[serde(default)]
    description: String,
    #[serde(default)]
    provider: String,
}

/// Links a support to a goal (what helps the student reach it, and who gives it).
pub async fn add_support(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, goal)): Path<(String, String)>,
    Form(form): Form<SupportForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    match goals::add_support(
        &state,
        &access,
        &goal,
        NewSupport::parse(&form.description, &form.provider),
    )
    .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/students/{}/goals/{goal}", access.student())).into_response()),
        Err(ssp_app::Error::Rejected(_)) => refuse_on_goal_page(&state, &ctx, &access, &goal, "support-error").await,
        Err(e) => Err(e.into()),
    }
}
