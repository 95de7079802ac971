//! The work queues on the home pages: for staff, what waits for them to act
//! (each item links to the page where they act); for a guardian, what waits
//! on each child's plan. Dismissing a notice lives here too.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use ssp_db::repo::queues::{self, Queue, QUEUE_LIMIT};
use ssp_domain::access::{list_scope, ListScope, ScopePart};
use ssp_domain::person::PersonName;
use ssp_domain::plan::CheckInCadence;
use ssp_domain::SchoolYear;

use crate::context::{Ctx, Session};
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::Page;

/// One queue as the page shows it.
pub struct QueueView {
    pub id: &'static str,
    pub title: String,
    pub items: Vec<ItemView>,
    /// "20 of 34 shown" when the list is cut.
    pub more: Option<String>,
    /// A link to the whole list, where there is one.
    pub all: Option<String>,
}

pub struct ItemView {
    pub link: String,
    pub student: String,
    pub text: String,
    pub when: String,
    pub overdue: bool,
}

/// How far ahead "due soon" looks.
const HORIZON_DAYS: i64 = 7;

fn name(given: String, family: String, preferred: Option<String>) -> String {
    PersonName {
        given,
        family,
        preferred,
    }
    .display()
}

fn due_line(page: &Page, due: Option<time::Date>, today: time::Date) -> (String, bool) {
    match due {
        Some(d) if d < today => (page.t1("queue-overdue-since", "date", page.date(d)), true),
        Some(d) => (page.t1("queue-due-on", "date", page.date(d)), false),
        None => (String::new(), false),
    }
}

fn view(
    page: &Page,
    id: &'static str,
    key: &str,
    queue: Queue,
    today: time::Date,
    link: impl Fn(&queues::QueueItem) -> String,
) -> QueueView {
    let shown = queue.items.len() as i64;
    let more = (queue.total > shown).then(|| {
        let args = [("shown", shown.to_string()), ("count", queue.total.to_string())];
        crate::i18n::t_args(page.lang, "queue-more", &args)
    });
    let items = queue
        .items
        .into_iter()
        .map(|i| {
            let (when, overdue) = due_line(page, i.due_on, today);
            ItemView {
                link: link(&i),
                text: i.text.clone(),
                student: name(i.given_name, i.family_name, i.preferred_name),
                when,
                overdue,
            }
        })
        .collect();
    QueueView {
        id,
        title: page.t(key),
        items,
        more,
        all: None,
    }
}

/// The scope holds a whole school or district.
fn school_wide(scope: &ListScope) -> bool {
    scope
        .parts
        .iter()
        .any(|p| matches!(p, ScopePart::School(_) | ScopePart::District(_)))
}

/// The queues of a staff member, empty ones left out.
pub async fn staff_queues(state: &AppState, session: &Session, page: &Page) -> Result<Vec<QueueView>, AppError> {
    let db = state.db();
    let me = session.person_id;
    let today = state.now().date();
    let until = today + time::Duration::days(HORIZON_DAYS);
    let full = list_scope(&session.standing());
    let supported = ListScope {
        parts: full
            .parts
            .iter()
            .filter(|p| matches!(p, ScopePart::ManagedBy(_) | ScopePart::TeamOf(_)))
            .cloned()
            .collect(),
    };
    let year = SchoolYear::containing(today);
    let mut out = Vec::new();

    let q = queues::follow_ups(db, me, until, &full, today).await?;
    out.push(view(page, "queue-follow-ups", "queue-follow-ups", q, today, |i| {
        format!("/students/{}/interactions", i.student_id)
    }));
    let q = queues::action_steps(db, me, until, &full, today).await?;
    out.push(view(page, "queue-steps", "queue-steps", q, today, |i| {
        format!("/students/{}/goals/{}", i.student_id, i.record_id)
    }));
    out.push(overdue_check_ins(state, session, page, &supported).await?);
    let kind_name = |text: &mut String| {
        *text = page.t(&format!("support-kind-{}", text.replace('_', "-")));
    };
    let q = queues::flag_next_steps(db, me, until, &full, today).await?;
    let mut flags = view(page, "queue-flags", "queue-flags", q, today, |i| {
        format!("/students/{}/flags#flag-{}", i.student_id, i.record_id)
    });
    flags.items.iter_mut().for_each(|i| kind_name(&mut i.text));
    out.push(flags);
    // A school's (or district's) staff with the whole school in scope also
    // see the next steps others let pass.
    if school_wide(&full) {
        let q = queues::overdue_flags_of_others(db, me, &full, today).await?;
        let mut overdue = view(page, "queue-school-flags", "queue-school-flags", q, today, |i| {
            format!("/students/{}/flags#flag-{}", i.student_id, i.record_id)
        });
        overdue.items.iter_mut().for_each(|i| kind_name(&mut i.text));
        overdue.all = Some("/students?support=overdue_next_step".to_owned());
        out.push(overdue);
    }
    // Referrals the person made, or on plans they manage, sitting at one
    // step longer than the district's reminder age (issue 18).
    let days = ssp_app::partners::referrals::reminder_days(state, session.district_id).await?;
    let age = time::Duration::days(i64::from(days));
    let mut q = queues::referrals_too_long(db, me, today - age, &full, today).await?;
    for i in &mut q.items {
        // Due (and overdue since) the day the step passed the reminder age.
        i.due_on = i.due_on.map(|d| d + age);
    }
    let mut referrals = view(
        page,
        "queue-referrals-too-long",
        "queue-referrals-too-long",
        q,
        today,
        |i| format!("/students/{}/partners#referral-{}", i.student_id, i.record_id),
    );
    for i in &mut referrals.items {
        // "sent|Clear Sight eye exams" → "Clear Sight eye exams · Sent".
        if let Some((status, name)) = i.text.split_once('|') {
            i.text = format!(
                "{name} · {}",
                crate::ui::partners::label(page.lang, "referral-status", status)
            );
        }
    }
    out.push(referrals);
    let q = queues::reviews_to_sign(db, me, year.0).await?;
    let mut reviews = view(page, "queue-reviews", "queue-reviews", q, today, |i| {
        format!("/students/{}#review", i.student_id)
    });
    for i in &mut reviews.items {
        i.text = page.t("queue-review-item");
    }
    out.push(reviews);
    let q = queues::suggested_waiting(db, me, &full, today).await?;
    let mut suggested = view(page, "queue-suggested", "queue-suggested", q, today, |i| {
        format!("/students/{}/goals/{}", i.student_id, i.record_id)
    });
    for i in &mut suggested.items {
        // A suggestion's date is the goal's target date, not a deadline for anyone.
        i.when.clear();
        i.overdue = false;
    }
    out.push(suggested);
    out.retain(|q| !q.items.is_empty());
    Ok(out)
}

/// Active goals of students the person supports (plan manager or team
/// member) whose check-in is past its cadence and the district's grace.
async fn overdue_check_ins(
    state: &AppState,
    session: &Session,
    page: &Page,
    supported: &ListScope,
) -> Result<QueueView, AppError> {
    let today = state.now().date();
    let grace = i64::from(
        ssp_db::repo::settings::get(state.db(), session.district_id)
            .await?
            .grace_days,
    );
    let goals = queues::goals_with_overdue_check_ins(state.db(), supported, today).await?;
    let mut items = Vec::new();
    let mut total = 0_i64;
    for g in goals {
        let (Ok(cadence), Some(activated)) = (CheckInCadence::parse(&g.cadence), g.activated_on) else {
            continue;
        };
        let days = ssp_domain::plan::goal::days_since_check_in(Some(activated), g.last_check_in, today).unwrap_or(0);
        if days <= cadence.days() + grace {
            continue;
        }
        total += 1;
        if items.len() as i64 >= QUEUE_LIMIT {
            continue;
        }
        let due = ssp_domain::plan::goal::next_check_in_due(cadence, activated, g.last_check_in);
        items.push(ItemView {
            link: format!("/students/{}/goals/{}", g.student_id, g.goal_id),
            student: name(g.given_name, g.family_name, g.preferred_name),
            text: g.statement,
            when: page.t1("queue-check-in-due", "date", page.date(due)),
            overdue: true,
        });
    }
    let shown = items.len() as i64;
    Ok(QueueView {
        id: "queue-check-ins",
        title: page.t("queue-check-ins"),
        more: (total > shown).then(|| {
            let args = [("shown", shown.to_string()), ("count", total.to_string())];
            crate::i18n::t_args(page.lang, "queue-more", &args)
        }),
        items,
        all: None,
    })
}

/// What waits for a guardian on one child's plan: (text, link) lines.
pub async fn for_child(
    state: &AppState,
    session: &Session,
    page: &Page,
    child: uuid::Uuid,
) -> Result<Vec<(String, String)>, AppError> {
    let now = state.now();
    let year = SchoolYear::containing(now.date());
    let since = now - time::Duration::days(30);
    let w = queues::waiting_for_guardian(state.db(), session.person_id, child, year.0, since).await?;
    let settings = ssp_db::repo::settings::get(state.db(), session.district_id).await?;
    let mut out = Vec::new();
    if w.review_to_sign && settings.require_guardian_signature {
        out.push((page.t("queue-guardian-review"), format!("/students/{child}#review")));
    }
    if w.new_notes > 0 {
        out.push((
            page.t1("queue-guardian-notes", "count", w.new_notes),
            format!("/students/{child}/notes"),
        ));
    }
    if w.new_comments > 0 {
        out.push((
            page.t1("queue-guardian-comments", "count", w.new_comments),
            format!("/students/{child}#reflections"),
        ));
    }
    Ok(out)
}

/// `POST /notices/{id}/dismiss`: the person's own notice leaves their home
/// page (it stays in the table, marked read).
pub async fn dismiss(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    ctx.session()?;
    ssp_app::home::notices::dismiss(&state, &ctx.actor()?, &id).await?;
    Ok(Redirect::to("/#notices").into_response())
}
