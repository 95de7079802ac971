//! Every role has a place to start: finding a student, class rosters, and
//! the work queues on the home pages.

use ssp_testkit::{TestApp, TestClient};
use uuid::Uuid;

fn plan(id: Uuid) -> String {
    format!("/students/{id}")
}

/// A student of a middle school: outside the high-school showcase staff's scope.
async fn middle_school_student(app: &TestApp) -> Uuid {
    app.query_id(
        "SELECT s.person_id FROM students s JOIN orgs o ON o.id = s.school_id \
         WHERE o.school_level = 'middle' ORDER BY s.person_id LIMIT 1",
        &[],
    )
    .await
    .expect("a middle-school student")
}

/// The `page N of M` line of a students list.
fn summary(body: &str) -> String {
    body.split("<p class=\"muted\">")
        .find(|s| s.contains(" students · page ") || s.contains(" student · page "))
        .and_then(|s| s.split("</p>").next())
        .unwrap_or("")
        .to_owned()
}

/// The plan links of a students list, in order.
fn listed(body: &str) -> Vec<String> {
    body.split("<td><a href=\"/students/")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn name_search_finds_student_by_preferred_name() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let outside = middle_school_student(&app).await;
    for id in [camila, outside] {
        app.execute("UPDATE persons SET preferred_name = 'Zuzu' WHERE id = $1", &[id])
            .await;
    }
    let counselor = app.signed_in("demo.counselor").await;
    let res = counselor.get("/students?view=all&q=zUz").await;
    assert_eq!(res.status, 200);
    assert_eq!(listed(&res.body), vec![camila.to_string()], "{}", res.text);
    assert!(
        res.body.contains("value=\"zUz\""),
        "the search box keeps what was typed"
    );
    assert!(
        !res.body.contains(&plan(outside)),
        "a student outside the counselor's schools is never found"
    );
}

#[tokio::test]
async fn name_search_needs_every_word_and_finds_student_numbers() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    app.execute(
        "UPDATE persons SET given_name = 'Camila', family_name = 'Quintanilla' WHERE id = $1",
        &[camila],
    )
    .await;
    app.execute(
        "UPDATE students SET local_id = 'S-778899' WHERE person_id = $1",
        &[camila],
    )
    .await;
    let counselor = app.signed_in("demo.counselor").await;
    let both = counselor.get("/students?view=all&q=quint+cam").await;
    assert_eq!(listed(&both.body), vec![camila.to_string()], "{}", both.text);
    let wrong = counselor.get("/students?view=all&q=quint+zz").await;
    assert!(listed(&wrong.body).is_empty(), "every word must match");
    let number = counselor.get("/students?view=all&q=S-778899").await;
    assert_eq!(listed(&number.body), vec![camila.to_string()]);
    // Across a whole district the name indexes pick the candidates: same answers.
    let admin = app.signed_in("demo.districtadmin").await;
    let both = admin.get("/students?view=all&q=Quint+CAM").await;
    assert_eq!(listed(&both.body), vec![camila.to_string()], "{}", both.text);
    assert!(listed(&admin.get("/students?view=all&q=quint+zz").await.body).is_empty());
    let number = admin.get("/students?view=all&q=S-778899").await;
    assert_eq!(listed(&number.body), vec![camila.to_string()]);
}

#[tokio::test]
async fn page_beyond_last_shows_last_page() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    let res = admin.get("/students?view=all&page=99").await;
    assert_eq!(res.status, 200);
    let line = summary(&res.body);
    let pages: Vec<&str> = line.split("page ").nth(1).unwrap_or("").split(" of ").collect();
    assert_eq!(pages.len(), 2, "{line}");
    assert_eq!(pages[0], pages[1], "the last page: {line}");
    assert!(!listed(&res.body).is_empty(), "with its students");
}

#[tokio::test]
async fn next_page_continues_the_name_order() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    let first = admin.get("/students?view=all").await;
    let next = first
        .body
        .split("rel=\"next\"")
        .next()
        .and_then(|s| s.rsplit("href=\"").next())
        .map(|h| h.trim_end_matches("\" ").replace("&#38;", "&").replace("&amp;", "&"))
        .expect("a next link");
    assert!(
        next.contains("after="),
        "the next page continues from a student: {next}"
    );
    let cur = admin.get(&next).await.body;
    let by_cursor = listed(&cur);
    let by_number = listed(&admin.get("/students?view=all&page=2").await.body);
    assert_eq!(by_cursor.len(), 50);
    assert_eq!(by_cursor, by_number, "the same second page either way");
    assert!(!listed(&first.body).contains(&by_cursor[0]));
}

#[tokio::test]
async fn grade_filter_offers_only_grades_of_my_schools() {
    let app = TestApp::with_demo().await;
    let counselor = app.signed_in("demo.counselor").await;
    let body = counselor.get("/students?view=all").await.body;
    assert!(body.contains("<option value=\"10\""), "a high school's grades");
    assert!(
        !body.contains("<option value=\"6\""),
        "no middle-school grades at a high school"
    );
}

#[tokio::test]
async fn nurse_starts_on_students_at_my_school() {
    let app = TestApp::with_demo().await;
    for who in ["demo.nurse", "demo.socialworker", "demo.fps", "demo.csc"] {
        let staff = app.signed_in(who).await;
        let res = staff.get("/students").await;
        assert_eq!(res.status, 200);
        assert!(
            res.body.contains("aria-current=\"page\">Students at my school"),
            "{who}: {}",
            res.text
        );
        assert!(
            listed(&res.body).len() > 1,
            "{who}: the school's students, not an empty caseload"
        );
        // And they open those plans (the list links to what they may read).
        let first = listed(&res.body)[0].clone();
        assert_eq!(staff.get(&format!("/students/{first}")).await.status, 200, "{who}");
    }
    let counselor: TestClient = app.signed_in("demo.counselor").await;
    let own = counselor.get("/students").await;
    assert!(
        own.body.contains("aria-current=\"page\">My caseload"),
        "a counselor starts on their caseload"
    );
}

fn goal_fields<'a>(domain: &'a str, statement: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("domain", domain),
        ("statement", statement),
        ("why_it_matters", "It matters"),
        ("measure_kind", "percent"),
        ("baseline", "71"),
        ("target", "85"),
        ("due_date", "2027-06-15"),
        ("cadence", "every_two_weeks"),
    ]
}

/// Creates a goal through the form; returns its id.
async fn create_goal(c: &TestClient, student: Uuid, statement: &str) -> Uuid {
    c.get(&format!("/students/{student}/goals/new")).await;
    let res = c
        .post_form(
            &format!("/students/{student}/goals"),
            &goal_fields("academic", statement),
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    res.location()
        .and_then(|l| l.rsplit('/').next())
        .and_then(|id| id.parse().ok())
        .expect("redirect to the goal")
}

/// The part of a home page under one queue heading.
fn queue<'a>(body: &'a str, heading: &str) -> &'a str {
    body.split(&format!(">{heading}</h3>"))
        .nth(1)
        .and_then(|s| s.split("</ul>").next())
        .unwrap_or("")
}

#[tokio::test]
async fn counselor_home_lists_overdue_check_ins_of_their_caseload() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let goal = create_goal(&student, camila, "Read twenty minutes a day").await;
    let counselor = app.signed_in("demo.counselor").await;
    let before = counselor.get("/").await.body;
    assert!(
        queue(&before, "Overdue check-ins on goals I support").is_empty(),
        "not yet due"
    );
    // Three weeks without a check-in on an every-two-weeks goal.
    app.clock.advance(time::Duration::days(22));
    ssp_app::status::refresh_stale(&app.db, app.state.now(), 100)
        .await
        .unwrap();
    // (The earlier session has timed out by then.)
    let home = app.signed_in("demo.counselor").await.get("/").await.body;
    let items = queue(&home, "Overdue check-ins on goals I support");
    assert!(items.contains("Read twenty minutes a day"), "{home}");
    assert!(
        items.contains(&format!("href=\"/students/{camila}/goals/{goal}\"")),
        "links to the goal"
    );
    assert!(items.contains("check-in was due Nov 16, 2026"), "{items}");
    // A school administrator is not on the team: no such queue for them.
    let admin = app.signed_in("demo.schooladmin").await.get("/").await.body;
    assert!(!admin.contains("Read twenty minutes a day"));
}

#[tokio::test]
async fn my_follow_ups_and_action_steps_wait_on_my_home() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let me = app.person("demo.counselor").await.to_string();
    let counselor = app.signed_in("demo.counselor").await;
    counselor.get(&format!("/students/{camila}/interactions")).await;
    let r = counselor
        .post_form(
            &format!("/students/{camila}/interactions"),
            &[
                ("kind", "phone_call"),
                ("occurred_on", "2026-10-30"),
                ("notes", "Called about the schedule"),
                ("sensitivity", "staff"),
                ("follow_up", "Email the new schedule"),
                ("follow_up_owner", &me),
                ("follow_up_due", "2026-10-31"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    let student = app.signed_in("demo.student").await;
    let goal = create_goal(&student, camila, "Raise my math grade to a B").await;
    student.get(&format!("/students/{camila}/goals/{goal}")).await;
    let r = student
        .post_form(
            &format!("/students/{camila}/goals/{goal}/steps"),
            &[
                ("description", "Check my grades with me"),
                ("owner", &me),
                ("due_on", "2026-11-05"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text);

    let home = counselor.get("/").await.body;
    let follow_ups = queue(&home, "My follow-ups");
    assert!(follow_ups.contains("Email the new schedule"), "{home}");
    assert!(follow_ups.contains("overdue since Oct 31, 2026"));
    assert!(follow_ups.contains(&format!("href=\"/students/{camila}/interactions\"")));
    let steps = queue(&home, "My action steps");
    assert!(steps.contains("Check my grades with me"));
    assert!(steps.contains("due Nov 5, 2026"));
    assert!(steps.contains(&format!("href=\"/students/{camila}/goals/{goal}\"")));
}

#[tokio::test]
async fn a_queue_never_shows_students_outside_my_scope() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.counselor").await;
    let outside = middle_school_student(&app).await;
    let district = app
        .query_id("SELECT district_id FROM students WHERE person_id = $1", &[outside])
        .await
        .unwrap();
    // A follow-up assigned to the high-school counselor on a middle-school
    // student (say, from before a transfer): the counselor may not see them.
    let interaction = Uuid::now_v7();
    app.execute(
        "INSERT INTO interactions (id, district_id, student_id, kind, occurred_on, notes, sensitivity, author_id, created_at) \
         VALUES ($1, $2, $3, 'phone_call', '2026-10-30', 'x', 'staff', $4, '2026-10-30T10:00:00Z')",
        &[interaction, district, outside, me],
    )
    .await;
    app.execute(
        "INSERT INTO interaction_follow_ups (id, district_id, interaction_id, student_id, description, owner_id, due_on, created_at) \
         VALUES ($1, $2, $3, $4, 'Call the family back', $5, '2026-11-01', '2026-10-30T10:00:00Z')",
        &[Uuid::now_v7(), district, interaction, outside, me],
    )
    .await;
    let home = app.signed_in("demo.counselor").await.get("/").await.body;
    assert!(!home.contains("Call the family back"), "{home}");
    assert!(!home.contains(&plan(outside)));
}

#[tokio::test]
async fn reviews_waiting_for_my_signature_are_on_the_plan_managers_home() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    create_goal(&student, camila, "Raise my math grade to a B").await;
    student.get(&plan(camila)).await;
    let r = student
        .post_form(&format!("/students/{camila}/review/sign"), &[("as", "student")])
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    let counselor = app.signed_in("demo.counselor").await;
    let home = counselor.get("/").await.body;
    let reviews = queue(&home, "Annual reviews waiting for my signature");
    assert!(
        reviews.contains(&format!("href=\"/students/{camila}#review\"")),
        "{home}"
    );
    counselor.get(&plan(camila)).await;
    let r = counselor
        .post_form(&format!("/students/{camila}/review/sign"), &[("as", "plan_manager")])
        .await;
    assert_eq!(r.status, 303);
    let after = counselor.get("/").await.body;
    assert!(
        queue(&after, "Annual reviews waiting for my signature").is_empty(),
        "signed: gone"
    );
}

#[tokio::test]
async fn goals_i_suggested_wait_until_the_student_starts_them() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let counselor = app.signed_in("demo.counselor").await;
    let goal = create_goal(&counselor, camila, "Job-shadow a nurse").await;
    let home = counselor.get("/").await.body;
    let waiting = queue(&home, "Goals I suggested, waiting for the student");
    assert!(waiting.contains("Job-shadow a nurse"), "{home}");
    assert!(waiting.contains(&format!("href=\"/students/{camila}/goals/{goal}\"")));
    let student = app.signed_in("demo.student").await;
    student.get(&format!("/students/{camila}/goals/{goal}")).await;
    let r = student
        .post_form(
            &format!("/students/{camila}/goals/{goal}/status"),
            &[("status", "active")],
        )
        .await;
    assert_eq!(r.status, 303);
    let after = counselor.get("/").await.body;
    assert!(!after.contains("Job-shadow a nurse"), "started: no longer waiting");
}

/// A school administrator breaks the glass on Camila's restricted health notes.
async fn break_glass_on(app: &TestApp, camila: Uuid) {
    let nurse = app.signed_in("demo.nurse").await;
    nurse.get(&format!("{}/notes", plan(camila))).await;
    let r = nurse
        .post_form(
            &format!("{}/notes", plan(camila)),
            &[
                ("body", "Takes an inhaler before PE"),
                ("sensitivity", "restricted_health"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let admin = app.signed_in("demo.schooladmin").await;
    admin.get(&format!("{}/notes", plan(camila))).await;
    let opened = admin
        .post_form(
            &format!("{}/notes/break-glass", plan(camila)),
            &[
                ("sensitivity", "restricted_health"),
                ("reason", "Student unwell in class, nurse is out"),
            ],
        )
        .await;
    assert_eq!(opened.status, 200);
}

#[tokio::test]
async fn plan_manager_sees_break_glass_notice_on_home_until_dismissed() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    break_glass_on(&app, camila).await;
    let counselor = app.signed_in("demo.counselor").await;
    let home = counselor.get("/").await.body;
    assert!(home.contains("opened restricted notes"), "{home}");
    assert!(
        home.contains(&format!("href=\"/students/{camila}/notes\"")),
        "links to the notes"
    );
    let id = home
        .split("action=\"/notices/")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .expect("a dismiss button")
        .to_owned();
    // Nobody else can dismiss it.
    let admin = app.signed_in("demo.schooladmin").await;
    admin.get("/").await;
    assert_eq!(
        admin.post_form(&format!("/notices/{id}/dismiss"), &[]).await.status,
        404
    );
    let r = counselor.post_form(&format!("/notices/{id}/dismiss"), &[]).await;
    assert_eq!(r.status, 303);
    assert!(
        !counselor.get("/").await.body.contains("opened restricted notes"),
        "dismissed"
    );
}

#[tokio::test]
async fn a_teacher_plan_manager_sees_break_glass_notice_on_home() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let teacher = app.person("demo.teacher").await.to_string();
    let counselor = app.signed_in("demo.counselor").await;
    counselor.get(&format!("{}/team", plan(camila))).await;
    let r = counselor
        .post_form(&format!("{}/plan-manager", plan(camila)), &[("staff_id", &teacher)])
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    break_glass_on(&app, camila).await;
    let home = app.signed_in("demo.teacher").await.get("/").await.body;
    assert!(home.contains("Your classes"), "the teacher's home");
    assert!(home.contains("opened restricted notes"), "{home}");
}

#[tokio::test]
async fn guardian_home_shows_review_waiting_for_signature() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let guardian = app.signed_in("demo.guardian").await;
    let before = guardian.get("/").await.body;
    assert!(!before.contains("ready for your signature"));
    let student = app.signed_in("demo.student").await;
    create_goal(&student, camila, "Raise my math grade to a B").await;
    student.get(&plan(camila)).await;
    let r = student
        .post_form(&format!("/students/{camila}/review/sign"), &[("as", "student")])
        .await;
    assert_eq!(r.status, 303);
    let home = guardian.get("/").await.body;
    assert!(
        home.contains(&format!(
            "<a href=\"/students/{camila}#review\">This year&#39;s plan review is ready for your signature</a>"
        )),
        "{home}"
    );
}

#[tokio::test]
async fn guardian_home_shows_new_shared_notes_but_not_staff_ones() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let counselor = app.signed_in("demo.counselor").await;
    for (body, class) in [("Great week in math", "shared"), ("Staff only matter", "staff")] {
        counselor.get(&format!("{}/notes", plan(camila))).await;
        let r = counselor
            .post_form(
                &format!("{}/notes", plan(camila)),
                &[("body", body), ("sensitivity", class)],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.text);
    }
    let home = app.signed_in("demo.guardian").await.get("/").await.body;
    assert!(
        home.contains(&format!(
            "<a href=\"/students/{camila}/notes\">A new note from the school</a>"
        )),
        "one shared note, the staff one not counted: {home}"
    );
}

#[tokio::test]
async fn guardian_home_explains_an_adult_child_who_has_not_shared() {
    let app = TestApp::with_demo().await;
    let home = app.signed_in("demo.guardian").await.get("/").await.body;
    assert!(
        home.contains("is 18 or older and has not chosen to share their plan with you"),
        "{home}"
    );
    assert!(!home.contains("Grade 12"), "no details of the adult child's record");
}

/// A current class of the showcase student and one of its teachers.
async fn camilas_class(app: &TestApp) -> Uuid {
    let camila = app.person("demo.student").await;
    let teacher = app.person("demo.teacher").await;
    app.query_id(
        "SELECT se.class_id FROM enrollments se JOIN enrollments te ON te.class_id = se.class_id \
         WHERE se.person_id = $1 AND se.role = 'student' AND te.person_id = $2 AND te.role = 'teacher' LIMIT 1",
        &[camila, teacher],
    )
    .await
    .expect("the showcase teacher teaches the showcase student")
}

#[tokio::test]
async fn teacher_class_page_lists_roster() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let class = camilas_class(&app).await;
    let teacher = app.signed_in("demo.teacher").await;
    let home = teacher.get("/").await.body;
    assert!(
        home.contains(&format!("href=\"/classes/{class}\"")),
        "classes are links"
    );
    let page = teacher.get(&format!("/classes/{class}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Students in this class"));
    assert!(
        page.body.contains(&format!("href=\"/students/{camila}\"")),
        "linked to the plan"
    );
}

#[tokio::test]
async fn a_class_page_is_404_to_staff_outside_it() {
    let app = TestApp::with_demo().await;
    let class = camilas_class(&app).await;
    let other = app
        .query_id(
            "SELECT a.person_id FROM staff_assignments a JOIN orgs o ON o.id = a.org_id \
             WHERE a.role = 'teacher' AND o.school_level = 'middle' ORDER BY a.person_id LIMIT 1",
            &[],
        )
        .await
        .unwrap();
    let outsider = app.signed_in(&app.username_of(other).await).await;
    assert_eq!(outsider.get(&format!("/classes/{class}")).await.status, 404);
    let counselor = app.signed_in("demo.counselor").await;
    assert_eq!(
        counselor.get(&format!("/classes/{class}")).await.status,
        200,
        "school staff who may see its students"
    );
}
