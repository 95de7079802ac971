//! What people noticed in a district's first week: a refused form keeps what
//! was typed and says why beside it, error pages keep the site around them,
//! the last review signature completes the "annual review" activity, and a
//! person's preferred name is the one shown.

use ssp_testkit::TestApp;
use uuid::Uuid;

use crate::support::percent_goal as goal;

#[tokio::test]
async fn a_whitespace_only_reflection_gets_the_same_inline_message_as_an_empty_one() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    c.get(&format!("/students/{me}")).await;
    for body in ["", "   \n\t  "] {
        let r = c
            .post_form(
                &format!("/students/{me}/reflections"),
                &[("prompt", "next"), ("body", body)],
            )
            .await;
        assert_eq!(r.status, 422);
        assert!(
            r.text
                .contains("Write your reflection first: it can't be empty or only spaces."),
            "{:?}: {}",
            body,
            r.text
        );
        assert!(r.body.contains("id=\"reflection-error\""), "beside the form");
        assert!(
            r.body.contains("<option value=\"next\" selected>"),
            "the prompt stays chosen"
        );
        assert!(
            r.text.contains("About me"),
            "it is the plan page, not a bare error page"
        );
    }
    let long = "word ".repeat(900);
    let r = c
        .post_form(
            &format!("/students/{me}/reflections"),
            &[("prompt", "improve"), ("body", &long)],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.text.contains("at most 4000 characters"), "{}", r.text);
    assert!(r.body.contains("word word word"), "what she wrote is still in the box");
    assert_eq!(app.count_audit("reflection_created").await, 0, "nothing saved");
}

#[tokio::test]
async fn refused_staff_forms_on_the_plan_keep_what_was_typed() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let pm = app.signed_in("demo.counselor").await;
    pm.get(&format!("/students/{camila}")).await;

    let r = pm
        .post_form(
            &format!("/students/{camila}/activities/g10_work_based_learning"),
            &[("state", "exempt"), ("reason", "no")],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(
        r.text
            .contains("Give a reason for the exemption (3 to 300 characters)."),
        "{}",
        r.text
    );
    assert!(r.body.contains("value=\"no\""), "the reason typed is kept");

    let r = pm
        .post_form(
            &format!("/students/{camila}/observations"),
            &[("kind", "interest"), ("body", "  ")],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.text.contains("Write what you noticed first"), "{}", r.text);
    assert!(r.body.contains("<option value=\"interest\" selected>"));
    let long = "y".repeat(2001);
    let r = pm
        .post_form(
            &format!("/students/{camila}/observations"),
            &[("kind", "need"), ("body", &long)],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains(&long), "a long observation is kept to be shortened");
    assert_eq!(app.count_audit("observation_added").await, 0);
}

#[tokio::test]
async fn a_refused_comment_and_check_in_keep_what_was_typed() {
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
    let reflection = app
        .query_id("SELECT id FROM reflections WHERE student_id = $1", &[camila])
        .await
        .unwrap();
    let guardian = app.signed_in("demo.guardian").await;
    guardian.get(&format!("/students/{camila}")).await;
    let long = "z".repeat(1001);
    let r = guardian
        .post_form(
            &format!("/students/{camila}/reflections/{reflection}/comments"),
            &[("body", &long)],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("id=\"comment-error\""), "{}", r.text);
    assert!(r.body.contains(&long));

    let g = goal(&student, camila, "academic", "Raise my math grade to a B").await;
    let r = student
        .post_form(
            &format!("/students/{camila}/goals/{g}/check-ins"),
            &[
                ("on_date", "2026-11-02"),
                ("value", "140"),
                ("note", "Big test this week"),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("value=\"140\""));
    assert!(r.text.contains("Big test this week"), "the note is kept");
}

#[tokio::test]
async fn error_pages_keep_the_header_navigation_sign_out_and_language_menu() {
    let app = TestApp::with_demo().await;
    let pm = app.signed_in("demo.counselor").await;
    for url in [format!("/students/{}", Uuid::now_v7()), "/no-such-page".to_owned()] {
        let r = pm.get(&url).await;
        assert_eq!(r.status, 404);
        assert!(r.text.contains("That page doesn't exist"), "{}", r.text);
        assert!(r.body.contains("action=\"/sign-out\""), "sign-out is there: {}", r.body);
        assert!(r.body.contains("class=\"site-nav\""), "so is the navigation");
        assert!(r.body.contains("href=\"/students\""));
        assert!(r.body.contains("id=\"lang-select\""), "and the language menu");
    }
    // A refused action (403) too, in the person's language.
    let es = app.signed_in("demo.guardian.es").await;
    let camila = app.person("demo.student").await;
    es.get(&format!("/students/{camila}")).await;
    let r = es
        .post_form(
            &format!("/students/{camila}/reflections"),
            &[("prompt", "next"), ("body", "Hola")],
        )
        .await;
    assert!(r.status == 403 || r.status == 404, "{}", r.status);
    assert!(r.body.contains("action=\"/sign-out\""));
    assert!(r.body.contains("lang=\"es\""));
    // A visitor who is not signed in sees no sign-out.
    let anon = app.client();
    let r = anon.get("/no-such-page").await;
    assert_eq!(r.status, 404);
    assert!(!r.body.contains("action=\"/sign-out\""));
}

#[tokio::test]
async fn the_last_required_signature_completes_the_annual_review_activity() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    for (domain, statement) in [
        ("academic", "Raise my math grade to a B"),
        ("career", "Job-shadow two careers"),
        ("sep", "Join a club"),
    ] {
        goal(&student, camila, domain, statement).await;
    }
    let plan = student.get(&format!("/students/{camila}")).await;
    assert!(plan.text.contains("was due on Oct 31, 2026"), "{}", plan.text);
    student
        .post_form(&format!("/students/{camila}/review/sign"), &[("as", "student")])
        .await;
    let plan = student.get(&format!("/students/{camila}")).await;
    assert!(
        plan.text.contains("was due on Oct 31, 2026"),
        "one signature is not the review"
    );
    let pm = app.signed_in("demo.counselor").await;
    pm.get(&format!("/students/{camila}")).await;
    pm.post_form(&format!("/students/{camila}/review/sign"), &[("as", "plan_manager")])
        .await;
    let r = pm
        .post_form(
            &format!("/students/{camila}/review/sign"),
            &[("as", "guardian_attempt")],
        )
        .await;
    assert_eq!(r.status, 303);
    let plan = student.get(&format!("/students/{camila}")).await;
    assert!(!plan.text.contains("was due on Oct 31, 2026"), "{}", plan.text);
    assert!(plan.text.contains("This plan is up to date"), "{}", plan.text);
    let done = app
        .query_id(
            "SELECT id FROM student_activities WHERE student_id = $1 AND activity_key = 'g10_annual_review' AND state = 'done'",
            &[camila],
        )
        .await;
    assert!(done.is_some(), "the activity is recorded done");
}

#[tokio::test]
async fn a_preferred_name_is_the_one_shown_on_check_ins_and_comments() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let pm_id = app.person("demo.counselor").await;
    app.execute("UPDATE persons SET preferred_name = 'Dani' WHERE id = $1", &[pm_id])
        .await;
    let student = app.signed_in("demo.student").await;
    let g = goal(&student, camila, "academic", "Raise my math grade to a B").await;
    student.get(&format!("/students/{camila}")).await;
    student
        .post_form(
            &format!("/students/{camila}/reflections"),
            &[("prompt", "strengths"), ("body", "I help my classmates")],
        )
        .await;
    let reflection = app
        .query_id("SELECT id FROM reflections WHERE student_id = $1", &[camila])
        .await
        .unwrap();
    let pm = app.signed_in("demo.counselor").await;
    let header = pm.get("/").await;
    let shown = header
        .body
        .split("<span class=\"who\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .unwrap()
        .to_owned();
    assert!(shown.starts_with("Dani "), "the header: {shown}");
    pm.get(&format!("/students/{camila}")).await;
    pm.post_form(
        &format!("/students/{camila}/reflections/{reflection}/comments"),
        &[("body", "Let's build on this")],
    )
    .await;
    pm.post_form(
        &format!("/students/{camila}/goals/{g}/check-ins"),
        &[("on_date", "2026-11-02"), ("value", "75")],
    )
    .await;
    let plan = student.get(&format!("/students/{camila}")).await;
    assert!(
        plan.text.contains(&shown),
        "the comment is signed {shown}: {}",
        plan.text
    );
    let page = student.get(&format!("/students/{camila}/goals/{g}")).await;
    assert!(page.text.contains(&shown), "the check-in is by {shown}: {}", page.text);
}

#[tokio::test]
async fn the_printed_plan_carries_the_profile_text_and_each_goals_check_ins_and_chart() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    student.get(&format!("/students/{camila}")).await;
    student
        .post_form(
            &format!("/students/{camila}/profile"),
            &[
                ("strengths", "I keep going when it gets hard"),
                ("interests", "Robotics"),
            ],
        )
        .await;
    let g = goal(&student, camila, "academic", "Raise my math grade to a B").await;
    student
        .post_form(
            &format!("/students/{camila}/goals/{g}/check-ins"),
            &[("on_date", "2026-11-02"), ("value", "75"), ("note", "Quiz went well")],
        )
        .await;
    let plan = student.get(&format!("/students/{camila}")).await;
    // On screen the student's profile is a form, which paper leaves out:
    // the same words are there for print.
    let printed: String = plan
        .body
        .split("class=\"profile print-only\"")
        .nth(1)
        .and_then(|s| s.split("</dl>").next())
        .unwrap_or_default()
        .to_owned();
    assert!(printed.contains("I keep going when it gets hard"), "{}", plan.body);
    assert!(printed.contains("Robotics"));
    let goal_print: String = plan
        .body
        .split("class=\"print-only goal-print\"")
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    assert!(goal_print.contains("<svg class=\"chart\""), "the chart is printed");
    assert!(goal_print.contains("Quiz went well"), "with the check-ins");
    let css = app.client().get("/static/print.css").await;
    assert!(css.body.contains(".print-only { display: block"), "{}", css.body);
    let screen = app.client().get("/static/app.css").await;
    assert!(screen.body.contains(".print-only { display: none; }"));
}

#[tokio::test]
async fn dates_and_times_are_shown_in_the_districts_time_zone_and_the_readers_way() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    student.get(&format!("/students/{camila}")).await;
    // Written at 2026-11-02 08:00 UTC (the test clock).
    student
        .post_form(
            &format!("/students/{camila}/reflections"),
            &[("prompt", "strengths"), ("body", "I help my classmates")],
        )
        .await;
    let plan = student.get(&format!("/students/{camila}")).await;
    assert!(
        plan.text.contains("Nov 2, 2026, 3:00 AM EST"),
        "the default zone: {}",
        plan.text
    );

    let admin = app.signed_in("demo.districtadmin").await;
    let page = admin.get("/admin/plan-settings").await;
    assert!(page.body.contains("<option value=\"America/New_York\" selected>"));
    let bad = admin
        .post_form("/admin/time-zone", &[("time_zone", "Mars/Olympus")])
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text.contains("Choose one of the time zones in the list."));
    let r = admin
        .post_form("/admin/time-zone", &[("time_zone", "America/Los_Angeles")])
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(app.count_audit("settings_changed").await, 1);

    let plan = student.get(&format!("/students/{camila}")).await;
    assert!(plan.text.contains("Nov 2, 2026, 12:00 AM PST"), "{}", plan.text);
    assert!(plan.text.contains("was due on Oct 31, 2026"));
    let es = app.signed_in("demo.guardian.es").await;
    let plan = es.get(&format!("/students/{camila}")).await;
    assert!(plan.text.contains("2 nov 2026, 0:00 PST"), "{}", plan.text);
    assert!(plan.text.contains("31 oct 2026"), "{}", plan.text);

    // Staff pages too: a note's time, an interaction's date.
    let pm = app.signed_in("demo.counselor").await;
    pm.get(&format!("/students/{camila}/notes")).await;
    pm.post_form(
        &format!("/students/{camila}/notes"),
        &[("body", "Met with Camila about her schedule"), ("sensitivity", "staff")],
    )
    .await;
    let notes = pm.get(&format!("/students/{camila}/notes")).await;
    assert!(notes.text.contains("Nov 2, 2026, 12:00 AM PST"), "{}", notes.text);

    // Another district's administrator cannot set it (404), nor can staff.
    pm.get("/").await;
    assert_eq!(
        pm.post_form("/admin/time-zone", &[("time_zone", "UTC")]).await.status,
        404
    );
}
