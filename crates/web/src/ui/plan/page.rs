//! One student's page: who they are, links to the parts the actor may see,
//! and an eligible student's choice to share the plan with their family.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_db::repo::plan::{self, GoalRow, SignatureSlot};
use ssp_db::repo::students::{self, StudentHeader};
use ssp_domain::access::{Action, Decision, RecordKind, Sensitivity};
use ssp_domain::person::PersonName;
use ssp_domain::plan::activity::status as activity_status;
use ssp_domain::plan::correction::may_correct;
use ssp_domain::plan::goal::{next_check_in_due, progress};
use ssp_domain::plan::{ActivityState, CheckInCadence, Failure, GoalStatus, MeasureKind, PlanDomain};
use ssp_domain::{PersonId, SchoolYear};

use crate::chart;
use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Draft, Page};
use ssp_app::status as plan_service;
use ssp_app::StudentAccess;
use ssp_domain::plan::sharing::SharingChoice;

struct Sharing {
    state: String,
    can_change: bool,
    next_value: &'static str,
    button: String,
}

struct GoalCard {
    /// For paper: the goal's chart and check-ins (the screen links to them).
    print: GoalPrint,
    id: String,
    statement: String,
    status: String,
    status_key: &'static str,
    percent: i64,
    progress_label: String,
    next: Option<String>,
}

struct GoalPrint {
    summary: String,
    chart: String,
    /// (date, value, note)
    check_ins: Vec<(String, String, String)>,
}

struct DomainView {
    key: &'static str,
    title: String,
    goals: Vec<GoalCard>,
}

struct ReflectionView {
    id: String,
    title: String,
    when: String,
    body: String,
    edited: bool,
    /// The student's link to correct it, while the window is open.
    edit_href: Option<String>,
    /// (author and date, text)
    comments: Vec<(String, String)>,
}

struct ActivityView {
    key: &'static str,
    title: String,
    status: String,
    status_key: &'static str,
    due: String,
    exempt_reason: Option<String>,
    can_record: bool,
}

#[derive(Template)]
#[template(path = "student.html")]
struct StudentPage {
    page: Page,
    /// The message for a refused form, shown beside it.
    error: Option<String>,
    /// What was typed into the refused form.
    draft: Draft,
    name: String,
    h: StudentHeader,
    show_local_id: bool,
    can_notes: bool,
    /// Staff who may read the student's needs (students and families never do).
    can_needs: bool,
    can_log: bool,
    /// Staff who may read the student's early-warning flags.
    can_flags: bool,
    sharing: Option<Sharing>,
    back_href: &'static str,
    back_label: String,
    up_to_date: bool,
    reasons: Vec<String>,
    freshness: String,
    domains: Vec<DomainView>,
    can_add_goal: bool,
    activities: Vec<ActivityView>,
    can_exempt: bool,
    can_reflect: bool,
    prompts: Vec<(&'static str, String)>,
    reflections: Vec<ReflectionView>,
    can_comment: bool,
    review_title: String,
    signatures: Vec<String>,
    sign_as: Option<(&'static str, String)>,
    can_log_attempt: bool,
    changes: Vec<String>,
    profile_fields: Vec<(&'static str, String, String)>,
    /// From the career pages: the interest code, top work values and
    /// strengths (label, value), which feed the profile.
    career_profile: Vec<(String, String)>,
    /// "On track to graduate" as last computed, when it was.
    on_track: Option<String>,
    can_edit_profile: bool,
    observations: Vec<(String, String, String)>,
    can_observe: bool,
    /// Whether the page speaks to the student or about them.
    reader: crate::i18n::Reader,
}

pub fn display_name(h: &StudentHeader) -> String {
    PersonName {
        given: h.given_name.clone(),
        family: h.family_name.clone(),
        preferred: h.preferred_name.clone(),
    }
    .display()
}

pub use ssp_app::plan::review::{signature_slot, slot_name};

/// The plan: who the student is, whether the plan is up to date and why
/// not, goals by domain, activities, reflections and the annual review.
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    access.require(&state, RecordKind::Plan, Action::View).await?;
    plan_page(&state, &ctx, &access, None, Draft::default()).await
}

/// The plan page. When a form on it was refused, `error` is the message
/// shown beside that form and `draft` what was typed into it (answered 422).
pub async fn plan_page(
    state: &AppState,
    ctx: &Ctx,
    access: &StudentAccess,
    error: Option<String>,
    draft: Draft,
) -> Result<Response, AppError> {
    let db = state.db();
    let student = access.student();
    let h = students::header(db, student).await?.ok_or(AppError::NotFound)?;
    let now = state.now();
    let today = now.date();
    let year = SchoolYear::containing(today);
    let goals = plan::goals(db, student).await?;
    let records = plan::activity_records(db, student).await?;
    let review = plan::latest_review(db, student).await?;
    let settings = ssp_db::repo::settings::get(db, access.facts.district_id).await?;
    let activities = plan_service::activities_for(h.grade_level, year, &records, &settings);
    let verdict =
        plan_service::rule_for(&settings).evaluate(&plan_service::facts(&goals, &activities, review.as_ref(), today));
    let page = Page::new(ctx, "student-title");
    let lang = page.lang;
    let t = |k: &str| page.t(k);
    let targs = |k: &str, a: &[(&'static str, String)]| crate::i18n::t_args(lang, k, a);
    let reader = crate::i18n::Reader::of(access.is_self());

    let reasons = verdict
        .failures
        .iter()
        .map(|f| match f {
            Failure::NotReviewedThisYear { .. } => t("failure-not-reviewed-this-year"),
            Failure::MissingSignature { who } => targs(
                "failure-missing-signature",
                &[("who", t(&format!("signer-{}", who.as_str().replace('_', "-"))))],
            ),
            Failure::NoGoalInDomain(d) => targs(
                "failure-no-goal-in-domain",
                &[("domain", t(&format!("domain-{}", d.as_str())))],
            ),
            Failure::CheckInOverdue {
                goal,
                days_since,
                allowed,
            } => {
                let statement = goals
                    .iter()
                    .find(|g| g.id == *goal)
                    .map(|g| g.statement.clone())
                    .unwrap_or_default();
                targs(
                    "failure-check-in-overdue",
                    &[
                        ("goal", statement),
                        ("days", days_since.to_string()),
                        ("allowed", allowed.to_string()),
                    ],
                )
            }
            Failure::ActivityOverdue { key, due } => {
                let title = default_title(key).map(&t).unwrap_or_else(|| key.clone());
                targs(
                    "failure-activity-overdue",
                    &[("activity", title), ("due", page.date(*due))],
                )
            }
        })
        .collect();
    let freshness = targs("plan-status-as-of", &[("when", page.when(now))]);

    let all_check_ins = plan::check_ins_of_student(db, student).await?;
    let domains = PlanDomain::ALL
        .iter()
        .map(|d| DomainView {
            key: d.as_str(),
            title: t(&format!("domain-{}", d.as_str())),
            goals: goals
                .iter()
                .filter(|g| g.domain == d.as_str())
                .map(|g| {
                    let check_ins: Vec<&plan::CheckInRow> = all_check_ins
                        .iter()
                        .filter(|(id, _)| *id == g.id)
                        .map(|(_, c)| c)
                        .collect();
                    goal_card(&page, g, &check_ins, today)
                })
                .collect(),
        })
        .collect();

    let rel = &access.facts.relationship;
    let can_create = access.decide(RecordKind::Plan, Action::Create).is_allowed();
    let can_edit = access.decide(RecordKind::Plan, Action::Edit).is_allowed();
    let staff_editor = can_edit && !rel.is_self;
    let activities = activities
        .iter()
        .map(|a| {
            let st = activity_status(a.state, a.due, today);
            ActivityView {
                key: a.template.key,
                title: t(a.template.title_key),
                status: t(&format!("activity-status-{}", st.as_str())),
                status_key: st.as_str(),
                due: targs("activity-due", &[("date", page.date(a.due))]),
                exempt_reason: a.exempt_reason.clone(),
                can_record: can_edit && a.state == ActivityState::Pending,
            }
        })
        .collect();

    let comments = if access.decide(RecordKind::Comment, Action::View).is_allowed() {
        plan::reflection_comments(db, student).await?
    } else {
        vec![]
    };
    let reflections = plan::reflections(db, student)
        .await?
        .into_iter()
        .map(|r| ReflectionView {
            edited: r.edited_at.is_some(),
            edit_href: (rel.is_self && may_correct(PersonId(student.0), access.actor, r.created_at, now))
                .then(|| format!("/students/{student}/reflections/{}/edit", r.id)),
            id: r.id.to_string(),
            title: t(&reader.key(&format!("prompt-{}", r.prompt))),
            when: page.when(r.created_at),
            comments: comments
                .iter()
                .filter(|c| c.reflection_id == r.id)
                .map(|c| {
                    let name = PersonName {
                        given: c.given_name.clone(),
                        family: c.family_name.clone(),
                        preferred: c.preferred_name.clone(),
                    };
                    (
                        format!("{}, {}", name.display(), page.when(c.created_at)),
                        c.body.clone(),
                    )
                })
                .collect(),
            body: r.body,
        })
        .collect();
    let prompts = ["strengths", "improve", "next"]
        .into_iter()
        .map(|p| (p, t(&format!("prompt-{p}"))))
        .collect();

    let this_year = review.as_ref().filter(|r| r.school_year == year.0);
    let signed = |at: Option<time::OffsetDateTime>| match at {
        Some(at) => targs("review-signed-on", &[("when", page.when(at))]),
        None => t("review-not-signed"),
    };
    let mut signatures = vec![
        format!(
            "{}: {}",
            t("signer-student"),
            signed(this_year.and_then(|r| r.student_signed_at))
        ),
        format!(
            "{}: {}",
            t("signer-plan-manager"),
            signed(this_year.and_then(|r| r.manager_signed_at))
        ),
        format!(
            "{}: {}",
            t("signer-guardian"),
            signed(this_year.and_then(|r| r.guardian_signed_at))
        ),
    ];
    if let Some(r) = this_year.filter(|r| r.guardian_attempts > 0) {
        signatures.push(targs("review-attempts", &[("count", r.guardian_attempts.to_string())]));
    }
    let ready = goals.iter().any(|g| g.status == "active" || g.status == "met");
    let can_sign = access.decide(RecordKind::Plan, Action::Sign).is_allowed();
    let sign_as = signature_slot(access).filter(|_| can_sign && ready).and_then(|slot| {
        let done = match slot {
            SignatureSlot::Student => this_year.and_then(|r| r.student_signed_at).is_some(),
            SignatureSlot::Manager => this_year.and_then(|r| r.manager_signed_at).is_some(),
            SignatureSlot::Guardian => this_year.and_then(|r| r.guardian_signed_at).is_some(),
            SignatureSlot::GuardianAttempt => true,
        };
        (!done).then(|| (slot_name(slot), t("review-sign")))
    });
    let can_log_attempt = rel.is_plan_manager && this_year.and_then(|r| r.guardian_signed_at).is_none();
    let changes = changes_since_last_year(state, &page, student, year, &goals).await?;

    let can_notes = Sensitivity::ALL
        .iter()
        .any(|s| access.decide(RecordKind::Note(*s), Action::View) != Decision::Deny);
    let can_log = access.decide(RecordKind::AccessLog, Action::View).is_allowed();
    let can_flags = access.decide(ssp_app::support::FLAG, Action::View).is_allowed();
    let sharing = access.facts.facts.eligible.then(|| {
        let shares = access.facts.facts.shares_with_guardians;
        let can_change = access.decide(RecordKind::SharingChoice, Action::Edit).is_allowed();
        Sharing {
            state: t(&reader.key(if shares { "sharing-on" } else { "sharing-off" })),
            can_change,
            next_value: if shares { "no" } else { "yes" },
            button: t(if shares { "sharing-stop" } else { "sharing-start" }),
        }
    });
    let profile = ssp_db::repo::profile::get(db, student).await?.unwrap_or_default();
    let profile_fields = vec![
        ("strengths", t(&reader.key("profile-strengths")), profile.strengths),
        ("interests", t(&reader.key("profile-interests")), profile.interests),
        ("needs", t(&reader.key("profile-needs")), profile.needs),
        ("activities", t(&reader.key("profile-activities")), profile.activities),
    ];
    let career_profile = career_profile(db, student, &page).await?;
    let on_track = ssp_db::repo::academics::plans::statuses_of(db, &[student.0])
        .await?
        .into_iter()
        .find_map(|(_, on, _)| on)
        .map(|on| t(if on { "plan-on-track-yes" } else { "plan-on-track-no" }));
    let observations = ssp_db::repo::profile::observations(db, student)
        .await?
        .into_iter()
        .map(|o| {
            (
                t(&format!("observation-{}", o.kind)),
                format!(
                    "{}, {}",
                    PersonName {
                        given: o.given_name,
                        family: o.family_name,
                        preferred: o.preferred_name,
                    }
                    .display(),
                    page.when(o.created_at)
                ),
                o.body,
            )
        })
        .collect();
    let staff = ctx.session.as_ref().is_some_and(|s| s.is_staff());
    let review_title = targs("review-title", &[("year", year.to_string())]);
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = render(&StudentPage {
        error,
        draft,
        name: display_name(&h),
        show_local_id: staff,
        back_href: if staff { "/students" } else { "/" },
        back_label: t(if staff { "nav-students" } else { "nav-home" }),
        up_to_date: verdict.up_to_date,
        reasons,
        freshness,
        domains,
        can_add_goal: can_create,
        activities,
        can_exempt: staff_editor,
        can_reflect: rel.is_self,
        can_comment: !rel.is_self && access.decide(RecordKind::Comment, Action::Create).is_allowed(),
        prompts,
        reflections,
        review_title,
        signatures,
        sign_as,
        can_log_attempt,
        changes,
        profile_fields,
        career_profile,
        on_track,
        can_edit_profile: rel.is_self,
        observations,
        can_observe: staff_editor,
        reader,
        page,
        h,
        can_notes,
        can_needs: access
            .decide(RecordKind::Support(Sensitivity::Staff), Action::View)
            .is_allowed(),
        can_log,
        can_flags,
        sharing,
    })?;
    Ok((status, html).into_response())
}

fn default_title(key: &str) -> Option<&'static str> {
    ssp_domain::plan::activity::default_scope_and_sequence()
        .into_iter()
        .find(|t| t.key == key)
        .map(|t| t.title_key)
}

fn goal_card(page: &Page, g: &GoalRow, check_ins: &[&plan::CheckInRow], today: time::Date) -> GoalCard {
    let measure = MeasureKind::parse(&g.measure_kind).unwrap_or(MeasureKind::Count);
    let points: Vec<(time::Date, f64)> = check_ins.iter().map(|c| (c.on_date, c.value)).collect();
    let start = g.activated_on.unwrap_or(g.created_at.date());
    let print = GoalPrint {
        summary: crate::i18n::t_args(
            page.lang,
            "goal-print-summary",
            &[
                ("baseline", chart::format_value(measure, g.baseline)),
                ("target", chart::format_value(measure, g.target)),
                ("due", page.date(g.due_date)),
            ],
        ),
        chart: chart::goal_chart(page, measure, g.baseline, g.target, start, g.due_date, &points),
        check_ins: check_ins
            .iter()
            .map(|c| {
                (
                    page.date(c.on_date),
                    chart::format_value(measure, c.value),
                    c.note.clone(),
                )
            })
            .collect(),
    };
    let fraction = progress(g.baseline, g.target, g.last_value);
    let status_key = GoalStatus::parse(&g.status).map(|s| s.as_str()).unwrap_or("draft");
    let next = CheckInCadence::parse(&g.cadence)
        .ok()
        .filter(|_| g.status == "active")
        .and_then(|c| g.activated_on.map(|a| next_check_in_due(c, a, g.last_check_in)))
        .map(|due| {
            let key = if due < today {
                "goal-check-in-overdue"
            } else {
                "goal-next-check-in"
            };
            crate::i18n::t_args(page.lang, key, &[("date", page.date(due))])
        });
    GoalCard {
        print,
        id: g.id.to_string(),
        statement: g.statement.clone(),
        status: page.t(&format!("goal-status-{}", status_key.replace('_', "-"))),
        status_key,
        percent: (fraction * 100.0).round() as i64,
        progress_label: crate::i18n::t_args(
            page.lang,
            "goal-progress-label",
            &[("percent", ((fraction * 100.0).round() as i64).to_string())],
        ),
        next,
    }
}

/// Goals added and statuses changed since last year's snapshot.
async fn changes_since_last_year(
    state: &AppState,
    page: &Page,
    student: ssp_domain::StudentId,
    year: SchoolYear,
    goals: &[GoalRow],
) -> Result<Vec<String>, AppError> {
    let Some(raw) = plan::snapshot(state.db(), student, year.0 - 1).await? else {
        return Ok(vec![]);
    };
    let Ok(before) = serde_json::from_str::<ssp_app::status::Snapshot>(&raw) else {
        return Ok(vec![]);
    };
    let mut out = Vec::new();
    for g in goals {
        match before.goals.iter().find(|b| b.id == g.id) {
            None => out.push(crate::i18n::t_args(
                page.lang,
                "change-goal-added",
                &[("goal", g.statement.clone())],
            )),
            Some(b) if b.status != g.status => out.push(crate::i18n::t_args(
                page.lang,
                "change-goal-status",
                &[
                    ("goal", g.statement.clone()),
                    ("from", page.t(&format!("goal-status-{}", b.status.replace('_', "-")))),
                    ("to", page.t(&format!("goal-status-{}", g.status.replace('_', "-")))),
                ],
            )),
            Some(_) => {}
        }
    }
    Ok(out)
}

#[derive(Deserialize)]
pub struct SharingForm {
    share: String,
}

/// An eligible student (18+) shares the plan with their guardians, or
/// stops sharing it.
pub async fn set_sharing(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<SharingForm>,
) -> Result<Response, AppError> {
    let access = StudentAccess::load(&state, &ctx.actor()?, &id).await?;
    match ssp_app::plan::sharing::set(&state, &access, SharingChoice::parse(&form.share)).await {
        Err(ssp_app::Error::Rejected(_)) => return Err(AppError::BadRequest("malformed_form")),
        r => r?,
    }
    Ok(Redirect::to(&format!("/students/{}", access.student())).into_response())
}

/// The career pages' part of the profile: the latest completed interest
/// inventory's code, the top work values and the strengths rated highest.
async fn career_profile(
    db: &ssp_db::Db,
    student: ssp_domain::StudentId,
    page: &Page,
) -> Result<Vec<(String, String)>, AppError> {
    use ssp_db::repo::career::inventories;
    use ssp_domain::career::inventory::Answers;
    use ssp_domain::career::self_ratings::{ranked_values, top_strengths, Ratings};
    use ssp_domain::career::values::{STRENGTHS, VALUE_ITEMS};
    let mut out = Vec::new();
    let completed = inventories::for_student(db, student)
        .await?
        .into_iter()
        .find(|i| i.completed_at.is_some())
        .and_then(|i| Answers::from_stored(&i.answers).ok());
    if let Some(a) = completed {
        let s = a.scores();
        let names: Vec<String> = s
            .code()
            .into_iter()
            .map(|x| page.t(&format!("riasec-{}", x.key())))
            .collect();
        if !names.is_empty() {
            out.push((
                page.t("inventory-code-title"),
                format!("{} ({})", s.code_letters(), names.join(", ")),
            ));
        }
    }
    if let Some(r) = inventories::self_ratings(db, student).await? {
        let values: Vec<String> = ranked_values(&Ratings::from_stored(&r.work_values, VALUE_ITEMS.len()))
            .into_iter()
            .take(3)
            .map(|(v, _)| page.t(&format!("value-{}", v.key())))
            .collect();
        if !values.is_empty() {
            out.push((page.t("values-title"), values.join(", ")));
        }
        let strengths: Vec<String> = top_strengths(&Ratings::from_stored(&r.strengths, STRENGTHS.len()))
            .into_iter()
            .map(|(k, _)| page.t(&format!("strength-{k}")))
            .collect();
        if !strengths.is_empty() {
            out.push((page.t("strengths-title"), strengths.join(", ")));
        }
    }
    Ok(out)
}
