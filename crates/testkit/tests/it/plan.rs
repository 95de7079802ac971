//! The plan as students, families and staff use it: goals, check-ins, the
//! status rule, reflections, activities, the annual review and the
//! up-to-date status the caseload filters on.

use ssp_testkit::{TestApp, TestClient, TestResponse};
use uuid::Uuid;

async fn count(app: &TestApp, sql: &str, id: Uuid) -> i64 {
    ssp_db::with_reader!(&app.db, |p| sqlx::query_scalar(sql).bind(id).fetch_one(p).await).unwrap()
}

fn goal_fields<'a>(domain: &'a str, statement: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("domain", domain),
        ("statement", statement),
        ("why_it_matters", "It matters to me"),
        ("measure_kind", "percent"),
        ("baseline", "71"),
        ("target", "85"),
        ("due_date", "2027-06-15"),
        ("cadence", "every_two_weeks"),
    ]
}

/// Creates a goal through the form; returns the goal page response.
async fn create_goal(c: &TestClient, student: Uuid, fields: &[(&str, &str)]) -> TestResponse {
    c.get(&format!("/students/{student}/goals/new")).await;
    c.post_form(&format!("/students/{student}/goals"), fields).await
}

fn goal_id(res: &TestResponse) -> Uuid {
    res.location()
        .and_then(|l| l.rsplit('/').next())
        .and_then(|id| id.parse().ok())
        .expect("redirect to the goal")
}

#[tokio::test]
async fn a_student_sets_a_goal_and_checks_in_and_sees_progress() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let res = create_goal(&c, me, &goal_fields("academic", "Raise my math grade to a B")).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let goal = goal_id(&res);
    let page = c.get(&format!("/students/{me}/goals/{goal}")).await;
    assert!(page.text.contains("Raise my math grade to a B"));
    assert!(page.text.contains("Active"), "a student's own goal starts active");
    // The goal started on 2026-11-02; check in over the next weeks.
    app.clock.advance(time::Duration::days(20));
    let c = app.signed_in("demo.student").await; // (the old session timed out)
    c.get(&format!("/students/{me}/goals/{goal}")).await;
    for (date, value) in [("2026-11-10", "74"), ("2026-11-20", "78")] {
        let r = c
            .post_form(
                &format!("/students/{me}/goals/{goal}/check-ins"),
                &[
                    ("on_date", date),
                    ("value", value),
                    ("note", ""),
                    ("reflection", "Quizzes went better"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.text);
    }
    let page = c.get(&format!("/students/{me}/goals/{goal}")).await;
    assert!(page.body.contains("<svg class=\"chart\""), "a chart is drawn");
    assert!(page.body.contains("<polyline"), "with a line through the check-ins");
    assert!(
        page.text.contains("50% of the way"),
        "71 → 78 of 71 → 85: {}",
        page.text
    );
    assert!(page.text.contains("Quizzes went better"));
    let plan = c.get(&format!("/students/{me}")).await;
    assert!(plan.text.contains("Raise my math grade to a B"));
    assert!(
        plan.text.contains("There is no active or met goal in Career"),
        "the reasons are shown"
    );
    assert_eq!(app.count_audit("goal_created").await, 1);
    assert_eq!(app.count_audit("check_in_created").await, 2);
}

#[tokio::test]
async fn a_bad_goal_form_shows_every_problem_and_saves_nothing() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let bad = [
        ("domain", "academic"),
        ("statement", "B"),
        ("why_it_matters", ""),
        ("measure_kind", "percent"),
        ("baseline", "150"),
        ("target", "abc"),
        ("due_date", "2020-01-01"),
        ("cadence", "hourly"),
    ];
    let res = create_goal(&c, me, &bad).await;
    assert_eq!(res.status, 422);
    for msg in [
        "This is too short",
        "This doesn't fit how the goal is measured",
        "The date can't be in the past",
        "Choose one of the options",
    ] {
        assert!(res.text.contains(msg), "missing {msg:?}: {}", res.text);
    }
    assert!(res.body.contains("aria-invalid=\"true\""));
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM goals WHERE student_id = $1", me).await,
        0
    );
    let same = create_goal(
        &c,
        me,
        &[
            ("domain", "career"),
            ("statement", "Visit two workplaces"),
            ("measure_kind", "count"),
            ("baseline", "2"),
            ("target", "2"),
            ("due_date", "2027-01-01"),
            ("cadence", "monthly"),
        ],
    )
    .await;
    assert!(same.text.contains("The target must differ from where you are now"));
}

#[tokio::test]
async fn check_ins_of_the_wrong_kind_or_date_are_refused() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let goal = goal_id(&create_goal(&c, me, &goal_fields("academic", "Raise my math grade to a B")).await);
    let url = format!("/students/{me}/goals/{goal}/check-ins");
    for (date, value, msg) in [
        ("2026-11-02", "abc", "That value doesn't fit this goal"),
        ("2026-11-02", "140", "That value doesn't fit this goal"),
        ("2027-01-01", "80", "A check-in can't be in the future"),
        ("yesterday", "80", "Use a date like"),
        (
            "2026-11-01",
            "80",
            "A check-in can't be dated before the goal started (Nov 2, 2026)",
        ),
    ] {
        let r = c.post_form(&url, &[("on_date", date), ("value", value)]).await;
        assert_eq!(r.status, 422, "{date} {value}");
        assert!(r.text.contains(msg), "{msg}: {}", r.text);
    }
    let long = "x".repeat(2001);
    let r = c.post_form(&url, &[("value", "80"), ("note", &long)]).await;
    assert_eq!(r.status, 422);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM goal_check_ins WHERE goal_id = $1", goal).await,
        0
    );
}

#[tokio::test]
async fn illegal_status_changes_are_refused() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let goal = goal_id(&create_goal(&c, me, &goal_fields("academic", "Raise my math grade to a B")).await);
    let url = format!("/students/{me}/goals/{goal}/status");
    let r = c.post_form(&url, &[("status", "draft")]).await;
    assert_eq!(r.status, 422);
    assert!(r.text.contains("A goal can't move to that status"));
    assert_eq!(c.post_form(&url, &[("status", "met")]).await.status, 303);
    let r = c.post_form(&url, &[("status", "active")]).await;
    assert_eq!(r.status, 422, "met is final");
    let page = c.get(&format!("/students/{me}/goals/{goal}")).await;
    assert!(page.text.contains("Met"));
    assert!(!page.text.contains("Save check-in"), "no check-ins on a finished goal");
}

#[tokio::test]
async fn staff_suggest_goals_that_only_the_student_can_start() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let counselor = app.signed_in("demo.counselor").await;
    let res = create_goal(&counselor, camila, &goal_fields("career", "Job-shadow a nurse")).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let goal = goal_id(&res);
    let page = counselor.get(&format!("/students/{camila}/goals/{goal}")).await;
    assert!(page.text.contains("Suggested"));
    let r = counselor
        .post_form(
            &format!("/students/{camila}/goals/{goal}/status"),
            &[("status", "active")],
        )
        .await;
    assert_eq!(r.status, 422, "the counselor cannot start it for her");
    let student = app.signed_in("demo.student").await;
    let page = student.get(&format!("/students/{camila}/goals/{goal}")).await;
    assert!(page.text.contains("Your team suggested this goal"));
    let r = student
        .post_form(
            &format!("/students/{camila}/goals/{goal}/status"),
            &[("status", "active")],
        )
        .await;
    assert_eq!(r.status, 303);
    assert!(student
        .get(&format!("/students/{camila}/goals/{goal}"))
        .await
        .text
        .contains("Active"));
}

#[tokio::test]
async fn a_goal_id_under_another_students_url_is_not_found() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let goal = goal_id(&create_goal(&c, camila, &goal_fields("academic", "Raise my math grade to a B")).await);
    let counselor = app.signed_in("demo.counselor").await;
    let other = app
        .query_id(
            "SELECT pm.student_id FROM plan_managers pm JOIN persons p ON p.id = pm.staff_id JOIN accounts a ON a.person_id = p.id \
             WHERE a.username = 'demo.counselor' AND pm.student_id <> $1 LIMIT 1",
            &[camila],
        )
        .await
        .unwrap();
    assert_eq!(
        counselor.get(&format!("/students/{other}/goals/{goal}")).await.status,
        404
    );
    assert_eq!(
        counselor.get(&format!("/students/{camila}/goals/{goal}")).await.status,
        200
    );
}

#[tokio::test]
async fn guardians_read_and_sign_but_do_not_write_goals() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    create_goal(&student, camila, &goal_fields("academic", "Raise my math grade to a B")).await;
    let guardian = app.signed_in("demo.guardian.es").await;
    let plan = guardian.get(&format!("/students/{camila}")).await;
    assert_eq!(plan.status, 200);
    assert!(
        plan.text.contains("Este plan todavía no está al día"),
        "in the family's language"
    );
    assert!(plan.text.contains("Raise my math grade to a B"));
    assert!(plan.text.contains("Firmar la revisión de este año"));
    assert_eq!(guardian.get(&format!("/students/{camila}/goals/new")).await.status, 404);
    let r = guardian
        .post_form(&format!("/students/{camila}/review/sign"), &[("as", "guardian")])
        .await;
    assert_eq!(r.status, 303);
    let again = guardian
        .post_form(&format!("/students/{camila}/review/sign"), &[("as", "guardian")])
        .await;
    assert_eq!(again.status, 422, "a signature is given once");
}

#[tokio::test]
async fn a_review_cannot_be_signed_before_the_plan_has_a_goal() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    student.get(&format!("/students/{camila}")).await;
    let r = student
        .post_form(&format!("/students/{camila}/review/sign"), &[("as", "student")])
        .await;
    assert_eq!(r.status, 422);
    assert!(r.text.contains("at least one active goal"));
}

#[tokio::test]
async fn the_plan_is_up_to_date_once_all_four_conditions_hold() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    for (domain, statement) in [
        ("academic", "Raise my math grade to a B"),
        ("career", "Job-shadow two careers"),
        ("sep", "Join a club"),
    ] {
        assert_eq!(
            create_goal(&student, camila, &goal_fields(domain, statement))
                .await
                .status,
            303
        );
    }
    // The grade 10 annual review activity was due on October 31.
    let plan = student.get(&format!("/students/{camila}")).await;
    assert!(plan.text.contains("was due on Oct 31, 2026"), "{}", plan.text);
    let r = student
        .post_form(
            &format!("/students/{camila}/activities/g10_annual_review"),
            &[("state", "done")],
        )
        .await;
    assert_eq!(r.status, 303);
    let r = student
        .post_form(&format!("/students/{camila}/review/sign"), &[("as", "student")])
        .await;
    assert_eq!(r.status, 303);
    let pm = app.signed_in("demo.counselor").await;
    let caseload = pm.get("/students?status=up_to_date").await;
    assert!(caseload.text.contains("0 students"), "not yet: {}", caseload.text);
    pm.get(&format!("/students/{camila}")).await;
    assert_eq!(
        pm.post_form(&format!("/students/{camila}/review/sign"), &[("as", "plan_manager")])
            .await
            .status,
        303
    );
    assert_eq!(
        pm.post_form(
            &format!("/students/{camila}/review/sign"),
            &[("as", "guardian_attempt")]
        )
        .await
        .status,
        303
    );

    let plan = student.get(&format!("/students/{camila}")).await;
    assert!(plan.text.contains("This plan is up to date"), "{}", plan.text);
    let caseload = pm.get("/students?status=up_to_date").await;
    assert!(caseload.text.contains("1 students"), "{}", caseload.text);
    assert!(caseload.body.contains(&format!("/students/{camila}\"")));
    assert!(pm
        .get("/students?status=not_up_to_date")
        .await
        .text
        .contains("students"));
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM plan_year_snapshots WHERE student_id = $1",
            camila
        )
        .await,
        1
    );
}

#[tokio::test]
async fn activities_are_exempted_by_staff_with_a_reason() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let url = format!("/students/{camila}/activities/g10_work_based_learning");
    let student = app.signed_in("demo.student").await;
    student.get(&format!("/students/{camila}")).await;
    assert_eq!(
        student
            .post_form(&url, &[("state", "exempt"), ("reason", "busy")])
            .await
            .status,
        403
    );
    let pm = app.signed_in("demo.counselor").await;
    pm.get(&format!("/students/{camila}")).await;
    assert_eq!(
        pm.post_form(&url, &[("state", "exempt"), ("reason", "")]).await.status,
        422
    );
    assert_eq!(
        pm.post_form(&url, &[("state", "exempt"), ("reason", "Medical leave in spring")])
            .await
            .status,
        303
    );
    let plan = pm.get(&format!("/students/{camila}")).await;
    assert!(plan.text.contains("Medical leave in spring"));
    assert_eq!(
        pm.post_form(
            &format!("/students/{camila}/activities/g6_first_goals"),
            &[("state", "done")]
        )
        .await
        .status,
        404,
        "another grade's activity"
    );
}

#[tokio::test]
async fn reflections_are_the_students_own_words() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    student.get(&format!("/students/{camila}")).await;
    let r = student
        .post_form(
            &format!("/students/{camila}/reflections"),
            &[("prompt", "strengths"), ("body", "I keep going when math gets hard")],
        )
        .await;
    assert_eq!(r.status, 303);
    let empty = student
        .post_form(
            &format!("/students/{camila}/reflections"),
            &[("prompt", "next"), ("body", "  ")],
        )
        .await;
    assert_eq!(empty.status, 422);
    let pm = app.signed_in("demo.counselor").await;
    let plan = pm.get(&format!("/students/{camila}")).await;
    assert!(plan.text.contains("I keep going when math gets hard"));
    let r = pm
        .post_form(
            &format!("/students/{camila}/reflections"),
            &[("prompt", "next"), ("body", "Written for her")],
        )
        .await;
    assert_eq!(r.status, 403);
}

#[tokio::test]
async fn a_teacher_adds_check_ins_but_does_not_change_goals() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let goal = goal_id(&create_goal(&student, camila, &goal_fields("academic", "Raise my math grade to a B")).await);
    let teacher = app.signed_in("demo.teacher").await;
    teacher.get(&format!("/students/{camila}/goals/{goal}")).await;
    let r = teacher
        .post_form(
            &format!("/students/{camila}/goals/{goal}/check-ins"),
            &[("value", "80"), ("note", "Great quiz")],
        )
        .await;
    assert_eq!(r.status, 303);
    let r = teacher
        .post_form(&format!("/students/{camila}/goals/{goal}/status"), &[("status", "met")])
        .await;
    assert_eq!(r.status, 404);
}

#[tokio::test]
async fn caseload_filters_refuse_nonsense() {
    let app = TestApp::with_demo().await;
    let pm = app.signed_in("demo.counselor").await;
    for q in ["status=maybe", "grade=5", "grade=x", "sort=shoe", "school=nope"] {
        assert_eq!(pm.get(&format!("/students?{q}")).await.status, 400, "{q}");
    }
    let g10 = pm.get("/students?grade=10&sort=status").await;
    assert_eq!(g10.status, 200);
    assert!(g10.text.contains("Not up to date"));
}

#[tokio::test]
async fn the_profile_is_in_the_students_words_and_the_team_adds_observations() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    student.get(&format!("/students/{camila}")).await;
    let r = student
        .post_form(
            &format!("/students/{camila}/profile"),
            &[
                ("strengths", "I draw well"),
                ("interests", "Nursing, robotics"),
                ("needs", "Quiet place to study"),
                ("activities", "Robotics club"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let pm = app.signed_in("demo.counselor").await;
    let plan = pm.get(&format!("/students/{camila}")).await;
    assert!(plan.text.contains("Nursing, robotics"));
    let r = pm
        .post_form(
            &format!("/students/{camila}/observations"),
            &[("kind", "strength"), ("body", "Leads her lab group")],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        pm.post_form(&format!("/students/{camila}/profile"), &[("strengths", "x")])
            .await
            .status,
        403
    );
    let plan = student.get(&format!("/students/{camila}")).await;
    assert!(
        plan.text.contains("Leads her lab group"),
        "the student sees what the team noted, and who"
    );
}

#[tokio::test]
async fn interactions_are_logged_with_follow_ups_and_seen_by_class() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let counselor_id = app.person("demo.counselor").await.to_string();
    let pm = app.signed_in("demo.counselor").await;
    pm.get(&format!("/students/{camila}/interactions")).await;
    let r = pm
        .post_form(
            &format!("/students/{camila}/interactions"),
            &[
                ("kind", "family_conference"),
                ("occurred_on", "2026-10-30"),
                ("participants", "Camila, her father, counselor"),
                ("family_present", "yes"),
                ("notes", "Talked about summer programs"),
                ("sensitivity", "shared"),
                ("follow_up", "Send the summer program list"),
                ("follow_up_owner", &counselor_id),
                ("follow_up_due", "2026-11-10"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    pm.get(&format!("/students/{camila}/interactions")).await;
    let r = pm
        .post_form(
            &format!("/students/{camila}/interactions"),
            &[
                ("kind", "phone_call"),
                ("notes", "Discussed a family matter"),
                ("sensitivity", "staff"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let bad = pm
        .post_form(
            &format!("/students/{camila}/interactions"),
            &[("kind", "seance"), ("notes", "x"), ("sensitivity", "staff")],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text.contains("Choose the kind of interaction"));

    let log = pm.get(&format!("/students/{camila}/interactions")).await;
    assert!(
        log.text.contains("Send the summer program list"),
        "the follow-up with its owner"
    );
    assert!(log.text.contains("Discussed a family matter"));

    let guardian = app.signed_in("demo.guardian").await;
    let family_view = guardian.get(&format!("/students/{camila}/interactions?family=1")).await;
    assert_eq!(family_view.status, 200);
    assert!(
        family_view.text.contains("Talked about summer programs"),
        "shared: the family sees it"
    );
    assert!(
        !family_view.text.contains("Discussed a family matter"),
        "staff-only: hidden from the family"
    );
    assert!(
        !family_view.text.contains("Send the summer program list"),
        "follow-ups are staff work"
    );
}

#[tokio::test]
async fn the_student_home_shows_goals_whats_due_and_reflections() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let home = student.get("/").await;
    assert!(home.text.contains("What's due"));
    assert!(
        home.text
            .contains("Annual plan review (grade 10) — was due Oct 31, 2026"),
        "{}",
        home.text
    );
    create_goal(&student, camila, &goal_fields("academic", "Raise my math grade to a B")).await;
    student.get(&format!("/students/{camila}")).await;
    student
        .post_form(
            &format!("/students/{camila}/reflections"),
            &[("prompt", "next"), ("body", "Ask for help earlier")],
        )
        .await;
    let home = student.get("/").await;
    assert!(home.text.contains("Raise my math grade to a B"));
    assert!(home.text.contains("Ask for help earlier"));
}

#[tokio::test]
async fn statuses_that_age_with_the_calendar_are_refreshed() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let res = create_goal(&student, camila, &goal_fields("academic", "Raise my math grade to a B")).await;
    assert_eq!(res.status, 303);
    let overdue = || async {
        ssp_db::with_reader!(&app.db, |p| sqlx::query_scalar::<_, i32>(
            "SELECT overdue_check_ins FROM plan_status WHERE student_id = $1"
        )
        .bind(camila)
        .fetch_one(p)
        .await)
        .unwrap()
    };
    assert_eq!(overdue().await, 0);
    // Three weeks later, with no write at all, the every-two-weeks goal is overdue.
    app.clock.advance(time::Duration::days(22));
    let n = ssp_app::status::refresh_stale(&app.db, app.state.now(), 100)
        .await
        .unwrap();
    assert_eq!(n, 1);
    assert_eq!(overdue().await, 1);
    let pm = app.signed_in("demo.counselor").await;
    let list = pm.get("/students?status=overdue").await;
    assert!(
        list.body.contains(&format!("/students/{camila}\"")),
        "the caseload shows the overdue plan"
    );
}

#[tokio::test]
async fn goals_have_action_steps_with_owners() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let counselor = app.person("demo.counselor").await.to_string();
    let student = app.signed_in("demo.student").await;
    let goal = goal_id(&create_goal(&student, camila, &goal_fields("academic", "Raise my math grade to a B")).await);
    let url = format!("/students/{camila}/goals/{goal}/steps");
    student.get(&format!("/students/{camila}/goals/{goal}")).await;
    let r = student
        .post_form(
            &url,
            &[
                ("description", "Go to tutoring on Tuesdays"),
                ("owner", &camila.to_string()),
                ("due_on", "2026-11-20"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let r = student
        .post_form(
            &url,
            &[
                ("description", "Check progress with me"),
                ("owner", &counselor),
                ("due_on", "2026-12-01"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let outsider = app.person("demo.fps").await.to_string();
    let r = student
        .post_form(&url, &[("description", "Someone else"), ("owner", &outsider)])
        .await;
    assert_eq!(r.status, 422, "an owner must be the student or on the team");
    let r = student
        .post_form(&url, &[("description", "Late"), ("due_on", "2020-01-01")])
        .await;
    assert_eq!(r.status, 422);
    let page = student.get(&format!("/students/{camila}/goals/{goal}")).await;
    assert!(page.text.contains("Go to tutoring on Tuesdays"));
    assert!(page.text.contains("Check progress with me"));
    let step = page
        .body
        .split("/steps/")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .unwrap()
        .to_owned();
    let r = student
        .post_form(&format!("/students/{camila}/goals/{goal}/steps/{step}/done"), &[])
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(app.count_audit("action_step_done").await, 1);
}

#[tokio::test]
async fn staff_and_family_comment_on_reflections() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    student.get(&format!("/students/{camila}")).await;
    student
        .post_form(
            &format!("/students/{camila}/reflections"),
            &[("prompt", "strengths"), ("body", "I help my classmates")],
        )
        .await;
    let plan = student.get(&format!("/students/{camila}")).await;
    // (She may correct it: that link also holds "/reflections/".)
    assert!(
        !plan.body.contains("/comments\""),
        "the student is not offered a comment box on her own reflection"
    );
    let guardian = app.signed_in("demo.guardian").await;
    let page = guardian.get(&format!("/students/{camila}")).await;
    let reflection = page
        .body
        .split("/reflections/")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .unwrap()
        .to_owned();
    let url = format!("/students/{camila}/reflections/{reflection}/comments");
    assert_eq!(
        guardian.post_form(&url, &[("body", "So proud of you")]).await.status,
        303
    );
    let pm = app.signed_in("demo.counselor").await;
    pm.get(&format!("/students/{camila}")).await;
    assert_eq!(pm.post_form(&url, &[("body", "Let's build on this")]).await.status, 303);
    assert_eq!(pm.post_form(&url, &[("body", "")]).await.status, 422);
    let plan = student.get(&format!("/students/{camila}")).await;
    assert!(plan.text.contains("So proud of you"));
    assert!(plan.text.contains("Let's build on this"));
    let (_, other) = crate::support::unrelated_teacher_at_school(&app, camila).await;
    other.get("/").await;
    assert_eq!(
        other.post_form(&url, &[("body", "Hi")]).await.status,
        404,
        "no access, no comment"
    );
}

#[tokio::test]
async fn a_district_sets_its_own_rule_and_scope_and_sequence() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    for user in ["demo.counselor", "demo.student"] {
        assert_eq!(
            app.signed_in(user).await.get("/admin/plan-settings").await.status,
            404,
            "{user}"
        );
    }
    let admin = app.signed_in("demo.districtadmin").await;
    let page = admin.get("/admin/plan-settings").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Grace period for check-ins"));
    let bad = admin.post_form("/admin/plan-settings", &[("grace_days", "90")]).await;
    assert_eq!(bad.status, 422);
    assert!(bad.text.contains("from 0 to 60"));
    admin.get("/admin/plan-settings").await;
    let r = admin
        .post_form(
            "/admin/plan-settings",
            &[
                ("grace_days", "3"),
                ("a_g10_annual_review", "off"),
                ("a_g10_work_based_learning", "optional"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    assert_eq!(app.count_audit("settings_changed").await, 1);

    // The student's plan follows: no annual-review activity, no guardian signature needed.
    let student = app.signed_in("demo.student").await;
    for (domain, statement) in [
        ("academic", "Raise my math grade to a B"),
        ("career", "Job-shadow two careers"),
        ("sep", "Join a club"),
    ] {
        assert_eq!(
            create_goal(&student, camila, &goal_fields(domain, statement))
                .await
                .status,
            303
        );
    }
    let plan = student.get(&format!("/students/{camila}")).await;
    assert!(
        !plan.text.contains("Annual plan review (grade 10)"),
        "left out by the district"
    );
    student
        .post_form(&format!("/students/{camila}/review/sign"), &[("as", "student")])
        .await;
    let pm = app.signed_in("demo.counselor").await;
    pm.get(&format!("/students/{camila}")).await;
    pm.post_form(&format!("/students/{camila}/review/sign"), &[("as", "plan_manager")])
        .await;
    let plan = student.get(&format!("/students/{camila}")).await;
    assert!(plan.text.contains("This plan is up to date"), "{}", plan.text);
}

#[tokio::test]
async fn students_reword_their_goals_but_not_the_measure_once_checked_in() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let goal = goal_id(&create_goal(&student, camila, &goal_fields("academic", "Raise my math grade to a B")).await);
    let edit = student.get(&format!("/students/{camila}/goals/{goal}/edit")).await;
    assert_eq!(edit.status, 200);
    assert!(
        edit.body.contains("Raise my math grade to a B"),
        "the form is filled in"
    );
    let mut fields = goal_fields("academic", "Raise my math grade to a B+");
    let r = student
        .post_form(&format!("/students/{camila}/goals/{goal}"), &fields)
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    assert!(student
        .get(&format!("/students/{camila}/goals/{goal}"))
        .await
        .text
        .contains("Raise my math grade to a B+"));

    student
        .post_form(
            &format!("/students/{camila}/goals/{goal}/check-ins"),
            &[("value", "75")],
        )
        .await;
    fields.retain(|(k, _)| *k != "measure_kind" && *k != "baseline" && *k != "target");
    fields.extend([("measure_kind", "count"), ("baseline", "1"), ("target", "4")]);
    student.get(&format!("/students/{camila}/goals/{goal}/edit")).await;
    let r = student
        .post_form(&format!("/students/{camila}/goals/{goal}"), &fields)
        .await;
    assert_eq!(r.status, 422);
    assert!(r.text.contains("already has check-ins"));

    let counselor = app.signed_in("demo.counselor").await;
    assert_eq!(
        counselor
            .get(&format!("/students/{camila}/goals/{goal}/edit"))
            .await
            .status,
        403,
        "not the counselor's to reword"
    );
}

#[tokio::test]
async fn supports_are_linked_to_goals() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let goal = goal_id(&create_goal(&student, camila, &goal_fields("academic", "Raise my math grade to a B")).await);
    let pm = app.signed_in("demo.counselor").await;
    pm.get(&format!("/students/{camila}/goals/{goal}")).await;
    let url = format!("/students/{camila}/goals/{goal}/supports");
    let r = pm
        .post_form(
            &url,
            &[
                ("description", "After-school math tutoring"),
                ("provider", "Riverside Learning Lab"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let r = pm.post_form(&url, &[("description", ""), ("provider", "x")]).await;
    assert_eq!(r.status, 422);
    let page = student.get(&format!("/students/{camila}/goals/{goal}")).await;
    assert!(page
        .text
        .contains("After-school math tutoring · Riverside Learning Lab"));
    assert_eq!(app.count_audit("support_linked").await, 1);
}
