//! Authors correct or delete their own check-ins and reflections for a
//! week after writing them; the old value is kept and the change audited.

use ssp_testkit::{TestApp, TestClient};
use time::Duration;
use uuid::Uuid;

use crate::support::percent_goal;

async fn count(app: &TestApp, sql: &str, id: Uuid) -> i64 {
    ssp_db::with_reader!(&app.db, |p| sqlx::query_scalar(sql).bind(id).fetch_one(p).await).unwrap()
}

/// The student's goal (percent, 71 → 85) with one check-in of 74 by her.
async fn goal_with_check_in(app: &TestApp, c: &TestClient, me: Uuid) -> (Uuid, Uuid) {
    let goal = percent_goal(c, me, "academic", "Raise my math grade to a B").await;
    let r = c
        .post_form(
            &format!("/students/{me}/goals/{goal}/check-ins"),
            &[("on_date", "2026-11-02"), ("value", "74"), ("note", "First quiz")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    let check_in = app
        .query_id("SELECT id FROM goal_check_ins WHERE goal_id = $1", &[goal])
        .await
        .unwrap();
    (goal, check_in)
}

#[tokio::test]
async fn a_student_corrects_her_check_in_and_the_old_value_is_kept() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let (goal, check_in) = goal_with_check_in(&app, &c, me).await;
    let page = c.get(&format!("/students/{me}/goals/{goal}")).await;
    let edit = format!("/students/{me}/goals/{goal}/check-ins/{check_in}/edit");
    assert!(page.body.contains(&edit), "her check-in offers a correction");
    let form = c.get(&edit).await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("value=\"74\""), "the form holds what she wrote");
    assert!(form.text.contains("First quiz"));
    let r = c
        .post_form(
            &format!("/students/{me}/goals/{goal}/check-ins/{check_in}"),
            &[
                ("on_date", "2026-11-02"),
                ("value", "78"),
                ("note", "First quiz, regraded"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    let page = c.get(&format!("/students/{me}/goals/{goal}")).await;
    assert!(page.text.contains("First quiz, regraded"));
    assert!(page.text.contains("(edited)"), "{}", page.text);
    assert!(
        page.text.contains("50% of the way"),
        "71 → 78 of 71 → 85: {}",
        page.text
    );
    assert_eq!(app.count_audit("check_in_corrected").await, 1);
    let kept = ssp_db::repo::corrections::revisions(&app.db, check_in).await.unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].0, "edited");
    assert!(kept[0].1.contains("\"note\":\"First quiz\""), "{}", kept[0].1);
    assert!(kept[0].1.contains("\"value\":74.0"), "{}", kept[0].1);
}

#[tokio::test]
async fn a_bad_correction_is_refused_with_what_was_typed_and_changes_nothing() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let (goal, check_in) = goal_with_check_in(&app, &c, me).await;
    c.get(&format!("/students/{me}/goals/{goal}/check-ins/{check_in}/edit"))
        .await;
    let r = c
        .post_form(
            &format!("/students/{me}/goals/{goal}/check-ins/{check_in}"),
            &[("on_date", "2026-11-02"), ("value", "140"), ("note", "typo here")],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.text.contains("That value doesn't fit this goal"), "{}", r.text);
    assert!(r.body.contains("value=\"140\""), "what she typed is still there");
    assert!(r.text.contains("typo here"));
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM plan_revisions WHERE record_id = $1",
            check_in
        )
        .await,
        0
    );
    assert_eq!(app.count_audit("check_in_corrected").await, 0);
}

#[tokio::test]
async fn a_student_deletes_her_check_in_and_a_copy_is_kept() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let (goal, check_in) = goal_with_check_in(&app, &c, me).await;
    c.get(&format!("/students/{me}/goals/{goal}/check-ins/{check_in}/edit"))
        .await;
    let r = c
        .post_form(&format!("/students/{me}/goals/{goal}/check-ins/{check_in}/delete"), &[])
        .await;
    assert_eq!(r.status, 303);
    let page = c.get(&format!("/students/{me}/goals/{goal}")).await;
    assert!(!page.text.contains("First quiz"));
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM goal_check_ins WHERE goal_id = $1", goal).await,
        0
    );
    let kept = ssp_db::repo::corrections::revisions(&app.db, check_in).await.unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].0, "deleted");
    assert_eq!(app.count_audit("check_in_deleted").await, 1);
}

#[tokio::test]
async fn only_the_author_within_the_week_may_correct_a_check_in() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let (goal, check_in) = goal_with_check_in(&app, &c, me).await;
    let edit = format!("/students/{me}/goals/{goal}/check-ins/{check_in}/edit");
    let save = format!("/students/{me}/goals/{goal}/check-ins/{check_in}");
    let fields = [("on_date", "2026-11-02"), ("value", "80")];

    // The plan manager may read the goal, but the check-in is not hers.
    let pm = app.signed_in("demo.counselor").await;
    let page = pm.get(&format!("/students/{me}/goals/{goal}")).await;
    assert_eq!(page.status, 200);
    assert!(
        !page.body.contains(&edit),
        "no correction link for someone else's check-in"
    );
    assert_eq!(pm.get(&edit).await.status, 403);
    assert_eq!(pm.post_form(&save, &fields).await.status, 403);
    assert_eq!(pm.post_form(&format!("{save}/delete"), &[]).await.status, 403);

    // Eight days later the author may not either.
    app.clock.advance(Duration::days(8));
    let c = app.signed_in("demo.student").await; // (a new session: the old one timed out)
    let page = c.get(&format!("/students/{me}/goals/{goal}")).await;
    assert!(!page.body.contains(&edit), "the week is over");
    assert_eq!(c.get(&edit).await.status, 403);
    assert_eq!(c.post_form(&save, &fields).await.status, 403);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM goal_check_ins WHERE value = 80 AND id = $1",
            check_in
        )
        .await,
        0,
        "nothing changed"
    );
    // And someone with no access gets the usual 404.
    let (_, other) = crate::support::unrelated_teacher_at_school(&app, me).await;
    other.get("/").await;
    assert_eq!(other.get(&edit).await.status, 404);
}

#[tokio::test]
async fn a_student_corrects_and_deletes_her_reflection_unless_someone_commented() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    c.get(&format!("/students/{me}")).await;
    for body in ["I help my clasmates", "I like robotics"] {
        let r = c
            .post_form(
                &format!("/students/{me}/reflections"),
                &[("prompt", "strengths"), ("body", body)],
            )
            .await;
        assert_eq!(r.status, 303);
    }
    let typo = app
        .query_id(
            "SELECT id FROM reflections WHERE student_id = $1 AND body = 'I help my clasmates'",
            &[me],
        )
        .await
        .unwrap();
    let robotics = app
        .query_id(
            "SELECT id FROM reflections WHERE student_id = $1 AND body = 'I like robotics'",
            &[me],
        )
        .await
        .unwrap();
    let plan = c.get(&format!("/students/{me}")).await;
    assert!(plan.body.contains(&format!("/students/{me}/reflections/{typo}/edit")));
    let form = c.get(&format!("/students/{me}/reflections/{typo}/edit")).await;
    assert!(form.text.contains("I help my clasmates"));
    let blank = c
        .post_form(
            &format!("/students/{me}/reflections/{typo}"),
            &[("prompt", "strengths"), ("body", "   ")],
        )
        .await;
    assert_eq!(blank.status, 422);
    assert!(blank.text.contains("can't be empty or only spaces"), "{}", blank.text);
    let r = c
        .post_form(
            &format!("/students/{me}/reflections/{typo}"),
            &[("prompt", "strengths"), ("body", "I help my classmates")],
        )
        .await;
    assert_eq!(r.status, 303);
    let plan = c.get(&format!("/students/{me}")).await;
    assert!(plan.text.contains("I help my classmates"));
    assert!(!plan.text.contains("clasmates"));
    assert_eq!(app.count_audit("reflection_corrected").await, 1);

    // Her guardian comments on the other one: it can be corrected, not deleted.
    let guardian = app.signed_in("demo.guardian").await;
    guardian.get(&format!("/students/{me}")).await;
    let r = guardian
        .post_form(
            &format!("/students/{me}/reflections/{robotics}/comments"),
            &[("body", "Proud of you")],
        )
        .await;
    assert_eq!(r.status, 303);
    let form = c.get(&format!("/students/{me}/reflections/{robotics}/edit")).await;
    assert!(form.text.contains("can be corrected but not deleted"), "{}", form.text);
    let r = c
        .post_form(&format!("/students/{me}/reflections/{robotics}/delete"), &[])
        .await;
    assert_eq!(r.status, 409);
    assert!(c.get(&format!("/students/{me}")).await.text.contains("I like robotics"));

    // The corrected one has no comments: she deletes it; a copy is kept.
    c.get(&format!("/students/{me}/reflections/{typo}/edit")).await;
    let r = c
        .post_form(&format!("/students/{me}/reflections/{typo}/delete"), &[])
        .await;
    assert_eq!(r.status, 303);
    assert!(!c
        .get(&format!("/students/{me}"))
        .await
        .text
        .contains("I help my classmates"));
    let kept = ssp_db::repo::corrections::revisions(&app.db, typo).await.unwrap();
    let changes: Vec<&str> = kept.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(changes, ["edited", "deleted"]);
    assert!(kept[0].1.contains("clasmates"), "the first version is kept");

    // The guardian can't correct the student's words (families write
    // nothing in the plan: the usual 404).
    guardian.get("/").await;
    assert_eq!(
        guardian
            .post_form(
                &format!("/students/{me}/reflections/{robotics}"),
                &[("prompt", "strengths"), ("body", "Changed")],
            )
            .await
            .status,
        404
    );
    assert!(c.get(&format!("/students/{me}")).await.text.contains("I like robotics"));
}
