//! The home page, built for the person's role: a student sees their own
//! record, a guardian their children, a teacher their classes, counselors
//! and school staff their schools, a district administrator the district,
//! a partner organisation's user their referrals (`partner.rs`).

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use ssp_db::repo::home;
use ssp_domain::person::PersonName;
use ssp_domain::{HomeRole, OrgId, StaffRole};

use crate::context::{Ctx, Session};
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::home::work_queue::{staff_queues, QueueView};
use crate::ui::pages::{render, Page};

#[derive(Template)]
#[template(path = "home_student.html")]
struct StudentHome {
    page: Page,
    greeting: String,
    student: home::StudentCard,
    guardians: Vec<GuardianView>,
    /// (goal id, statement, status line)
    goals: Vec<(String, String, String)>,
    /// What needs doing: overdue or soon-due check-ins and activities.
    due: Vec<String>,
    reflections: Vec<(String, String)>,
}

struct GuardianView {
    name: String,
    relationship: String,
    rights: String,
    language: String,
}

#[derive(Template)]
#[template(path = "home_guardian.html")]
struct GuardianHome {
    page: Page,
    greeting: String,
    children: Vec<ChildView>,
    /// Children who are 18 or older and have not shared: why nothing shows.
    not_shared: Vec<String>,
}

struct ChildView {
    id: String,
    name: String,
    grade_school: String,
    graduation: String,
    /// What waits for the guardian on this plan: (text, link).
    waiting: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "home_teacher.html")]
struct TeacherHome {
    page: Page,
    greeting: String,
    role_line: String,
    notices: Vec<NoticeView>,
    queues: Vec<QueueView>,
    classes: Vec<ClassView>,
}

struct NoticeView {
    id: String,
    when: String,
    text: String,
    link: String,
}

struct ClassView {
    id: String,
    title: String,
    period: String,
    school: String,
    students: String,
}

#[derive(Template)]
#[template(path = "home_staff.html")]
struct StaffHome {
    page: Page,
    greeting: String,
    role_line: String,
    notices: Vec<NoticeView>,
    queues: Vec<QueueView>,
    heading: String,
    empty_message: String,
    district_totals: Option<String>,
    schools: Vec<SchoolView>,
}

struct SchoolView {
    name: String,
    level: String,
    students: i64,
    staff: i64,
    grades: Vec<(String, i64)>,
    roles: Vec<(String, i64)>,
}

#[derive(Template)]
#[template(path = "home_no_role.html")]
struct NoRoleHome {
    page: Page,
    greeting: String,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let session = ctx.session()?;
    let db = state.db();
    let facts = &session.facts;
    let roles: Vec<StaffRole> = facts
        .staff
        .iter()
        .filter_map(|f| StaffRole::parse(&f.role).ok())
        .collect();
    let page = Page::new(&ctx, "home-title");
    let greeting = page.t1("welcome", "name", session.name.first());
    // A partner organisation's user is no one to the school (issue 18).
    if facts.is_partner_user && roles.is_empty() && !facts.is_guardian && !facts.is_student {
        return super::partner::show(&state, &ctx, page, greeting).await;
    }
    match HomeRole::choose(&roles, facts.is_guardian, facts.is_student) {
        Some(HomeRole::Student) => student_home(&state, &ctx, session, page, greeting).await,
        Some(HomeRole::Guardian) => guardian_home(&state, session, page, greeting).await,
        Some(HomeRole::Teacher) => {
            let classes = home::classes_taught(db, session.person_id)
                .await?
                .into_iter()
                .map(|c| ClassView {
                    period: c
                        .periods
                        .as_deref()
                        .map(|p| page.t1("class-period", "period", p))
                        .unwrap_or_default(),
                    students: page.t1("class-students", "count", c.students),
                    id: c.id.to_string(),
                    title: c.title,
                    school: c.school_name,
                })
                .collect();
            let role_line = role_line(&page, session, "teacher");
            let notices = notices(&state, session, &page).await?;
            let queues = staff_queues(&state, session, &page).await?;
            render(&TeacherHome {
                page,
                greeting,
                role_line,
                notices,
                queues,
                classes,
            })
        }
        Some(HomeRole::DistrictAdmin) => {
            let schools = home::schools_of_district(db, session.district_id).await?;
            let total: i64 = schools.iter().map(|s| s.students).sum();
            let district_totals = Some(i18n_totals(&page, schools.len(), total));
            let schools = schools
                .into_iter()
                .map(|s| school_view(&page, s, vec![], vec![]))
                .collect();
            let role_line = role_line(&page, session, "district_admin");
            let notices = notices(&state, session, &page).await?;
            let queues = staff_queues(&state, session, &page).await?;
            render(&StaffHome {
                notices,
                queues,
                heading: page.t("home-district-schools"),
                empty_message: page.t("home-no-schools"),
                page,
                greeting,
                role_line,
                district_totals,
                schools,
            })
        }
        Some(role @ (HomeRole::SchoolAdmin | HomeRole::Counselor | HomeRole::SupportStaff)) => {
            let mut school_ids: Vec<OrgId> = facts
                .staff
                .iter()
                .filter(|f| f.org_kind == "school")
                .map(|f| OrgId(f.org_id))
                .collect();
            school_ids.dedup();
            let mut schools = Vec::with_capacity(school_ids.len());
            for id in school_ids {
                if let Some(card) = home::school(db, id).await? {
                    let grades = home::grade_counts(db, id)
                        .await?
                        .into_iter()
                        .map(|(g, n)| (page.t1("grade-n", "grade", g), n))
                        .collect();
                    let roles = if role == HomeRole::SchoolAdmin {
                        home::staff_counts(db, id)
                            .await?
                            .into_iter()
                            .map(|(r, n)| (page.t(&role_key(&r)), n))
                            .collect()
                    } else {
                        vec![]
                    };
                    schools.push(school_view(&page, card, grades, roles));
                }
            }
            let main_role = roles.iter().min().map(|r| r.as_str()).unwrap_or("support_staff");
            let role_line = role_line(&page, session, main_role);
            let notices = notices(&state, session, &page).await?;
            let queues = staff_queues(&state, session, &page).await?;
            render(&StaffHome {
                notices,
                queues,
                heading: page.t("home-schools"),
                empty_message: page.t("home-no-schools"),
                page,
                greeting,
                role_line,
                district_totals: None,
                schools,
            })
        }
        None => render(&NoRoleHome { page, greeting }),
    }
}

async fn student_home(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    page: Page,
    greeting: String,
) -> Result<Response, AppError> {
    // The student's own records, read through the access module like any other.
    let access = ssp_app::StudentAccess::load(state, &ctx.actor()?, &session.person_id.to_string()).await?;
    access
        .require(
            state,
            ssp_domain::access::RecordKind::Plan,
            ssp_domain::access::Action::View,
        )
        .await?;
    let db = state.db();
    let student = home::student_card(db, session.person_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let guardians = home::guardians_of(db, session.person_id)
        .await?
        .into_iter()
        .map(|g| GuardianView {
            name: PersonName {
                given: g.given_name,
                family: g.family_name,
                preferred: g.preferred_name,
            }
            .display(),
            relationship: page.t(&format!("relationship-{}", g.relationship)),
            rights: page.t(if g.educational_rights {
                "educational-rights-yes"
            } else {
                "educational-rights-no"
            }),
            language: page.t1("contact-language", "language", language_name(&g.contact_language)),
        })
        .collect();
    let me = ssp_domain::StudentId(session.person_id.0);
    let today = state.now().date();
    let goals_rows = ssp_db::repo::plan::goals(db, me).await?;
    let mut due = Vec::new();
    let goals = goals_rows
        .iter()
        .filter(|g| g.status == "active" || g.status == "draft")
        .map(|g| {
            let next = ssp_domain::plan::CheckInCadence::parse(&g.cadence)
                .ok()
                .filter(|_| g.status == "active")
                .and_then(|c| {
                    g.activated_on
                        .map(|a| ssp_domain::plan::goal::next_check_in_due(c, a, g.last_check_in))
                });
            if let Some(n) = next {
                if n <= today + time::Duration::days(7) {
                    let key = if n < today {
                        "home-due-check-in-overdue"
                    } else {
                        "home-due-check-in"
                    };
                    due.push(crate::i18n::t_args(
                        page.lang,
                        key,
                        &[("goal", g.statement.clone()), ("date", page.date(n))],
                    ));
                }
            }
            let status = page.t(&format!("goal-status-{}", g.status.replace('_', "-")));
            (g.id.to_string(), g.statement.clone(), status)
        })
        .collect();
    let records = ssp_db::repo::plan::activity_records(db, me).await?;
    let year = ssp_domain::SchoolYear::containing(today);
    let settings = ssp_db::repo::settings::get(db, session.district_id).await?;
    for a in ssp_app::status::activities_for(student.grade_level, year, &records, &settings) {
        let st = ssp_domain::plan::activity::status(a.state, a.due, today);
        if matches!(
            st,
            ssp_domain::plan::ActivityStatus::Overdue | ssp_domain::plan::ActivityStatus::Due
        ) {
            let key = if st == ssp_domain::plan::ActivityStatus::Overdue {
                "home-due-activity-overdue"
            } else {
                "home-due-activity"
            };
            due.push(crate::i18n::t_args(
                page.lang,
                key,
                &[("activity", page.t(a.template.title_key)), ("date", page.date(a.due))],
            ));
        }
    }
    let reflections = ssp_db::repo::plan::reflections(db, me)
        .await?
        .into_iter()
        .take(3)
        .map(|r| (page.t(&format!("prompt-{}", r.prompt)), r.body))
        .collect();
    render(&StudentHome {
        page,
        greeting,
        student,
        guardians,
        goals,
        due,
        reflections,
    })
}

async fn guardian_home(
    state: &AppState,
    session: &Session,
    page: Page,
    greeting: String,
) -> Result<Response, AppError> {
    let mut children = Vec::new();
    for c in home::children_of(state.db(), session.person_id, state.now().date()).await? {
        let waiting = crate::ui::home::work_queue::for_child(state, session, &page, c.person_id).await?;
        let args = [("grade", c.grade_level.to_string()), ("school", c.school_name.clone())];
        children.push(ChildView {
            waiting,
            id: c.person_id.to_string(),
            name: PersonName {
                given: c.given_name,
                family: c.family_name,
                preferred: c.preferred_name,
            }
            .display(),
            grade_school: crate::i18n::t_args(page.lang, "child-grade-school", &args),
            graduation: page.t1("child-graduation", "year", c.graduation_year),
        });
    }
    // An adult child who has not shared: the guardian learns why the plan is
    // not here, and nothing else about it.
    let not_shared =
        ssp_db::repo::queues::adult_children_not_sharing(state.db(), session.person_id, state.now().date())
            .await?
            .into_iter()
            .map(|(_, given, family, preferred)| {
                let name = PersonName {
                    given,
                    family,
                    preferred,
                };
                page.t1("home-guardian-not-shared", "name", name.first())
            })
            .collect();
    render(&GuardianHome {
        page,
        greeting,
        children,
        not_shared,
    })
}

/// The newest notices a staff member has not dismissed.
async fn notices(state: &AppState, session: &Session, page: &Page) -> Result<Vec<NoticeView>, AppError> {
    let rows = ssp_db::repo::notices::for_person(state.db(), session.person_id, 10).await?;
    Ok(rows
        .into_iter()
        .map(|n| {
            let who =
                |g: Option<String>, f: Option<String>| format!("{} {}", g.unwrap_or_default(), f.unwrap_or_default());
            let args = [
                ("actor", who(n.actor_given, n.actor_family)),
                ("student", who(n.student_given, n.student_family)),
                ("reason", n.detail.unwrap_or_default()),
            ];
            let text = crate::i18n::t_args(page.lang, &format!("notice-{}", n.kind.replace('_', "-")), &args);
            let link = n
                .student_id
                .map(|s| format!("/students/{s}/notes"))
                .unwrap_or_else(|| "/".into());
            NoticeView {
                id: n.id.to_string(),
                when: page.when(n.created_at),
                text,
                link,
            }
        })
        .collect())
}

fn school_view(page: &Page, s: home::SchoolCard, grades: Vec<(String, i64)>, roles: Vec<(String, i64)>) -> SchoolView {
    SchoolView {
        level: s
            .school_level
            .as_deref()
            .map(|l| page.t(&format!("level-{l}")))
            .unwrap_or_default(),
        name: s.name,
        students: s.students,
        staff: s.staff,
        grades,
        roles,
    }
}

fn role_key(role: &str) -> String {
    format!("role-{}", role.replace('_', "-"))
}

fn role_line(page: &Page, session: &Session, role: &str) -> String {
    let args = [("name", session.name.display()), ("role", page.t(&role_key(role)))];
    crate::i18n::t_args(page.lang, "signed-in-as", &args)
}

fn i18n_totals(page: &Page, schools: usize, students: i64) -> String {
    let args = [("schools", schools.to_string()), ("students", students.to_string())];
    crate::i18n::t_args(page.lang, "district-totals", &args)
}

/// A family's contact language by its own name where we know it.
fn language_name(tag: &str) -> String {
    match ssp_domain::Language::parse(tag) {
        Ok(l) => l.endonym().to_owned(),
        Err(_) => tag.to_owned(),
    }
}
