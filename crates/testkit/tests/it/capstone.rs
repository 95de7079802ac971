//! The capstone as a student, the staff and a district use it: proposal,
//! approval (or a return with a comment), milestones with the mentor's
//! feedback, final products, the presentation and its panel, each
//! panelist's sheet on the district's rubric, the result — and a passed
//! capstone meeting the mastery-based diploma assessment in the graduation
//! audit. Illegal moves are refused and change nothing.

use ssp_testkit::{TestApp, TestClient};
use time::Duration;
use uuid::Uuid;

use crate::academics::api_token;

fn page(me: Uuid) -> String {
    format!("/students/{me}/capstone")
}

fn url(me: Uuid, tail: &str) -> String {
    format!("/students/{me}/capstone/{tail}")
}

/// Posts a form after opening the capstone page (for its CSRF token).
async fn post(c: &TestClient, me: Uuid, tail: &str, fields: &[(&str, &str)]) -> ssp_testkit::TestResponse {
    c.get(&page(me)).await;
    c.post_form(&url(me, tail), fields).await
}

fn in_days(app: &TestApp, days: i64) -> String {
    (app.state.now().date() + Duration::days(days)).to_string()
}

async fn status(app: &TestApp, me: Uuid) -> Vec<String> {
    app.texts(
        "SELECT status FROM capstones WHERE student_id = $1 ORDER BY created_at DESC",
        &[me],
    )
    .await
}

async fn capstone_json(c: &TestClient, me: Uuid) -> serde_json::Value {
    let r = c.get_json(&format!("/api/v1/students/{me}/capstone")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    serde_json::from_str(&r.body).unwrap()
}

async fn panel_ids(c: &TestClient, me: Uuid) -> Vec<String> {
    capstone_json(c, me).await["capstone"]["panel"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

const PROPOSAL: [(&str, &str); 4] = [
    ("question", "How can our school cut cafeteria food waste?"),
    (
        "plan",
        "Weigh waste for two weeks, interview staff, pilot compost bins.",
    ),
    ("mentor_name", "Dr. Rosa Vega"),
    ("mentor_email", "rosa.vega@example.org"),
];

fn submitted() -> Vec<(&'static str, &'static str)> {
    let mut v = PROPOSAL.to_vec();
    v.push(("submit", "1"));
    v
}

/// Proposal submitted and approved, a product attached, presented with a
/// panel of two: ready for the sheets.
async fn presented(app: &TestApp, me: Uuid) -> (TestClient, TestClient) {
    let student = app.signed_in("demo.student").await;
    let counselor = app.signed_in("demo.counselor").await;
    assert_eq!(post(&student, me, "proposal", &submitted()).await.status, 303);
    assert_eq!(post(&counselor, me, "approve", &[]).await.status, 303);
    let r = post(
        &student,
        me,
        "products",
        &[("title", "Waste report"), ("url", "https://example.org/report")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text);
    let on = in_days(app, 14);
    let r = post(
        &counselor,
        me,
        "presentation",
        &[("presentation_on", &on), ("panel", "Ms. Rivera\nMr. Chen")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text);
    assert_eq!(status(app, me).await, ["ready_to_present"]);
    assert_eq!(post(&counselor, me, "presented", &[]).await.status, 303);
    (student, counselor)
}

async fn sheet(c: &TestClient, me: Uuid, panelist: &str, levels: [&str; 4]) -> ssp_testkit::TestResponse {
    post(
        c,
        me,
        &format!("panel/{panelist}/sheet"),
        &[
            ("c0", levels[0]),
            ("c1", levels[1]),
            ("c2", levels[2]),
            ("c3", levels[3]),
        ],
    )
    .await
}

async fn mastery(c: &TestClient, me: Uuid) -> String {
    let r = c.get_json(&format!("/api/v1/students/{me}/academics")).await;
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    v["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["key"] == "mastery_assessment")
        .map(|q| q["status"].as_str().unwrap().to_owned())
        .expect("Connecticut's mastery-based diploma assessment")
}

#[tokio::test]
async fn a_capstone_goes_from_proposal_to_passed_and_meets_the_mastery_assessment() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    assert_eq!(mastery(&student, me).await, "missing");

    let first = student.get(&page(me)).await;
    assert_eq!(first.status, 200);
    assert!(first.text.contains("Your question"), "spoken to the student");
    assert!(first.text.contains("No capstone yet."));
    let r = post(&student, me, "proposal", &submitted()).await;
    assert_eq!(r.status, 303, "{}", r.text);
    assert!(student.get(&page(me)).await.text.contains("Waiting for approval"));

    let counselor = app.signed_in("demo.counselor").await;
    let seen = counselor.get(&page(me)).await;
    assert!(seen.text.contains("Dr. Rosa Vega") && seen.text.contains("Approve the proposal"));
    assert_eq!(post(&counselor, me, "approve", &[]).await.status, 303);

    let due = in_days(&app, 7);
    let r = post(
        &student,
        me,
        "milestones",
        &[("title", "Two weeks of waste data"), ("due_on", &due)],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text);
    let v = capstone_json(&student, me).await;
    let milestone = v["capstone"]["milestones"][0]["id"].as_str().unwrap().to_owned();
    let r = post(
        &counselor,
        me,
        &format!("milestones/{milestone}/feedback"),
        &[("feedback", "Weigh trays, not bins.")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text);
    assert_eq!(
        post(
            &student,
            me,
            &format!("milestones/{milestone}/done"),
            &[("done", "yes")]
        )
        .await
        .status,
        303
    );
    let shown = student.get(&page(me)).await;
    assert!(
        shown.text.contains("Weigh trays, not bins."),
        "the student reads the mentor's feedback"
    );
    assert!(shown.text.contains("In progress"));

    let r = post(
        &student,
        me,
        "products",
        &[("title", "Waste report"), ("url", "https://example.org/report")],
    )
    .await;
    assert_eq!(r.status, 303);
    let on = in_days(&app, 14);
    let r = post(
        &counselor,
        me,
        "presentation",
        &[("presentation_on", &on), ("panel", "Ms. Rivera\nMr. Chen")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text);
    assert!(student.get(&page(me)).await.text.contains("Ready to present"));
    assert_eq!(post(&counselor, me, "presented", &[]).await.status, 303);

    let scoring = counselor.get(&page(me)).await;
    assert!(
        scoring.text.contains("Ms. Rivera") && scoring.text.contains(">Research "),
        "{}",
        scoring.text
    );
    let panel = panel_ids(&counselor, me).await;
    assert_eq!(sheet(&counselor, me, &panel[0], ["3", "3", "3", "4"]).await.status, 303);
    assert_eq!(sheet(&counselor, me, &panel[1], ["3", "2", "3", "3"]).await.status, 303);
    let r = post(&counselor, me, "result", &[]).await;
    assert_eq!(r.status, 303, "{}", r.text);

    assert_eq!(status(&app, me).await, ["passed"]);
    let done = student.get(&page(me)).await;
    assert!(done.text.contains("Passed"));
    assert!(done.text.contains("Attempt 1: passed — average 3.00"), "{}", done.text);
    assert_eq!(mastery(&student, me).await, "met");
    let record = student.get(&format!("/students/{me}/academics")).await;
    assert!(record.text.contains("Met by the passed capstone."), "{}", record.text);
    assert_eq!(
        app.count_audit("capstone_moved").await,
        5,
        "submit, approve, schedule, present, score"
    );
    assert_eq!(app.count_audit("capstone_sheet_entered").await, 2);
}

#[tokio::test]
async fn illegal_moves_are_refused_with_a_reason_and_change_nothing() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let counselor = app.signed_in("demo.counselor").await;

    // Submitting without a mentor: refused, nothing started.
    let mut no_mentor = submitted();
    no_mentor.retain(|(k, _)| *k != "mentor_name");
    let r = post(&student, me, "proposal", &no_mentor).await;
    assert_eq!(r.status, 422);
    assert!(
        r.text.contains("Mentor&#x27;s name: required") || r.text.contains("Mentor's name: required"),
        "{}",
        r.text
    );
    assert!(
        r.text.contains("Dr. Rosa Vega") || r.text.contains("cafeteria"),
        "what was typed is kept"
    );
    assert!(status(&app, me).await.is_empty());

    // A draft saved without a mentor is kept; approving a draft is refused.
    assert_eq!(post(&student, me, "proposal", &no_mentor[..2]).await.status, 303);
    assert_eq!(status(&app, me).await, ["draft"]);
    let r = post(&counselor, me, "approve", &[]).await;
    assert_eq!(r.status, 409);
    assert!(r
        .text
        .contains("Only a submitted proposal can be approved or returned."));
    assert_eq!(status(&app, me).await, ["draft"]);

    assert_eq!(post(&student, me, "proposal", &submitted()).await.status, 303);
    let r = post(&counselor, me, "presented", &[]).await;
    assert_eq!(r.status, 409, "not ready: no product, no date");
    assert_eq!(post(&counselor, me, "approve", &[]).await.status, 303);

    // A presentation date in the past.
    let past = in_days(&app, -1);
    let r = post(
        &counselor,
        me,
        "presentation",
        &[("presentation_on", &past), ("panel", "Ms. Rivera")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text.contains("Presentation date: in the past"), "{}", r.text);

    // Scoring before the presentation.
    let t = api_token(&counselor).await;
    let r = counselor
        .post_json(&format!("/api/v1/students/{me}/capstone/result"), "{}", Some(&t))
        .await;
    assert_eq!(r.status, 409);
    assert!(r.body.contains("capstone_not_presented"), "{}", r.body);
    assert_eq!(status(&app, me).await, ["approved"]);
    let before = app.count_audit("capstone_moved").await;
    let r = post(&counselor, me, "presented", &[]).await;
    assert_eq!(r.status, 409);
    assert_eq!(
        app.count_audit("capstone_moved").await,
        before,
        "a refused move is not recorded"
    );
}

#[tokio::test]
async fn a_returned_proposal_is_revised_and_resubmitted() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let counselor = app.signed_in("demo.counselor").await;
    post(&student, me, "proposal", &submitted()).await;
    let r = post(&counselor, me, "return", &[("comment", "")]).await;
    assert_eq!(r.status, 422, "a return needs a comment");
    let r = post(&counselor, me, "return", &[("comment", "Narrow it to one cafeteria.")]).await;
    assert_eq!(r.status, 303);
    let back = student.get(&page(me)).await;
    assert!(back.text.contains("Returned for changes"));
    assert!(back.text.contains("Narrow it to one cafeteria."));
    let mut revised = submitted();
    revised[0] = ("question", "How can our cafeteria cut food waste?");
    assert_eq!(post(&student, me, "proposal", &revised).await.status, 303);
    assert_eq!(status(&app, me).await, ["proposed"]);
    assert_eq!(post(&counselor, me, "approve", &[]).await.status, 303);
    // Once approved, the proposal no longer changes.
    let r = post(&student, me, "proposal", &revised).await;
    assert_eq!(r.status, 409);
    assert_eq!(status(&app, me).await, ["approved"]);
}

#[tokio::test]
async fn an_incomplete_panel_is_refused_then_not_passed_is_reopened_as_attempt_2() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let (student, counselor) = presented(&app, me).await;
    let panel = panel_ids(&counselor, me).await;
    // A sheet with a criterion left blank.
    let r = sheet(&counselor, me, &panel[0], ["1", "", "1", "1"]).await;
    assert_eq!(r.status, 422);
    assert!(r.text.contains("every criterion needs a level"), "{}", r.text);
    assert_eq!(sheet(&counselor, me, &panel[0], ["1", "2", "1", "1"]).await.status, 303);
    // One panelist of two: no result yet.
    let r = post(&counselor, me, "result", &[]).await;
    assert_eq!(r.status, 409);
    assert!(r.text.contains("Every panel member"), "{}", r.text);
    assert_eq!(status(&app, me).await, ["presented"]);
    assert_eq!(sheet(&counselor, me, &panel[1], ["2", "2", "1", "2"]).await.status, 303);
    assert_eq!(post(&counselor, me, "result", &[]).await.status, 303);
    assert_eq!(status(&app, me).await, ["not_passed"]);
    assert_eq!(mastery(&student, me).await, "missing");

    // The student cannot reopen it; staff can: attempt 2, products kept.
    assert_eq!(post(&student, me, "reopen", &[]).await.status, 403);
    assert_eq!(post(&counselor, me, "reopen", &[]).await.status, 303);
    let v = capstone_json(&student, me).await;
    assert_eq!(v["capstone"]["status"], "approved");
    assert_eq!(v["capstone"]["attempt"], 2);
    assert_eq!(v["capstone"]["presentation_on"], serde_json::Value::Null);
    assert_eq!(v["capstone"]["products"].as_array().unwrap().len(), 1);
    assert_eq!(v["capstone"]["results"][0]["passed"], false);
    assert!(student.get(&page(me)).await.text.contains("Attempt 2"));
}

#[tokio::test]
async fn the_district_edits_its_rubric_and_a_bad_one_is_refused_with_each_problem() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    let shown = admin.get("/admin/capstone-rubric").await;
    assert_eq!(shown.status, 200);
    assert!(
        shown.text.contains("value=\"Research "),
        "the default rubric: {}",
        shown.text
    );
    let bad = admin
        .post_form(
            "/admin/capstone-rubric",
            &[
                ("c0_name", "Craft"),
                ("c1_name", "craft"),
                ("l0_name", "Low"),
                ("l0_points", "3"),
                ("l1_name", "High"),
                ("l1_points", "2"),
                ("min_average", "9"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text.contains("Criteria: the same name twice"), "{}", bad.text);
    assert!(
        bad.text.contains("points must rise from the lowest level"),
        "{}",
        bad.text
    );
    assert!(bad.text.contains("value=\"craft\""), "what was typed is kept");
    let before = app.count_audit("capstone_rubric_saved").await;
    assert_eq!(before, 0);

    let good = admin
        .post_form(
            "/admin/capstone-rubric",
            &[
                ("c0_name", "Inquiry"),
                ("c1_name", "Product"),
                ("c2_name", "Presentation"),
                ("l0_name", "Not yet"),
                ("l0_points", "0"),
                ("l1_name", "Meets"),
                ("l1_points", "1"),
                ("l2_name", "Exceeds"),
                ("l2_points", "2"),
                ("min_average", "1"),
            ],
        )
        .await;
    assert_eq!(good.status, 303, "{}", good.text);
    assert_eq!(app.count_audit("capstone_rubric_saved").await, 1);
    let me = app.person("demo.student").await;
    let v = capstone_json(&app.signed_in("demo.student").await, me).await;
    assert_eq!(v["rubric"]["criteria"][0]["name"], "Inquiry");
    assert_eq!(v["rubric"]["levels"].as_array().unwrap().len(), 3);

    // Only a district administrator.
    for who in ["demo.counselor", "demo.student"] {
        let c = app.signed_in(who).await;
        assert_eq!(c.get("/admin/capstone-rubric").await.status, 404, "{who}");
        assert_eq!(c.get_json("/api/v1/capstone-rubric").await.status, 404, "{who}");
    }
    let t = api_token(&admin).await;
    let r = admin
        .send_json(
            "PUT",
            "/api/v1/capstone-rubric",
            r#"{"criteria":[],"levels":[],"min_average":""}"#,
            Some(&t),
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(
        r.body.contains("invalid_rubric") && r.body.contains("too_few"),
        "{}",
        r.body
    );
}

#[tokio::test]
async fn who_may_view_propose_approve_and_score() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let other_school = app
        .query_id(
            "SELECT a.person_id FROM staff_assignments a JOIN orgs o ON o.id = a.org_id \
             WHERE a.role = 'counselor' AND o.id <> (SELECT school_id FROM students WHERE person_id = $1) \
             ORDER BY a.person_id LIMIT 1",
            &[me],
        )
        .await
        .expect("a counselor at another school");
    let other_school = app.username_of(other_school).await;
    // (persona, view, propose, approve)
    let table: [(&str, u16, u16, u16); 5] = [
        ("demo.student", 200, 303, 403),
        ("demo.guardian", 200, 404, 404),
        ("demo.counselor", 200, 403, 303),
        (other_school.as_str(), 404, 404, 404),
        ("outsider", 404, 404, 404),
    ];
    for (who, view, propose, approve) in table {
        let c = if who == "outsider" {
            super::access::outsider(&app).await
        } else {
            app.signed_in(who).await
        };
        assert_eq!(c.get(&page(me)).await.status, view, "{who} views");
        c.get("/").await;
        assert_eq!(
            c.post_form(&url(me, "proposal"), &submitted()).await.status,
            propose,
            "{who} proposes"
        );
        c.get("/").await;
        assert_eq!(
            c.post_form(&url(me, "approve"), &[]).await.status,
            approve,
            "{who} approves"
        );
        if who == "demo.counselor" {
            // Put it back for the next persona.
            app.execute("UPDATE capstones SET status = 'proposed' WHERE student_id = $1", &[me])
                .await;
        }
    }
    // Scoring: staff only, once presented.
    app.execute("DELETE FROM capstones WHERE student_id = $1", &[me]).await;
    let (student, counselor) = presented(&app, me).await;
    let panel = panel_ids(&counselor, me).await;
    assert_eq!(sheet(&student, me, &panel[0], ["4", "4", "4", "4"]).await.status, 403);
    let guardian = app.signed_in("demo.guardian").await;
    assert_eq!(sheet(&guardian, me, &panel[0], ["4", "4", "4", "4"]).await.status, 404);
    assert_eq!(sheet(&counselor, me, &panel[0], ["4", "4", "4", "4"]).await.status, 303);
    let views = app.count_audit("record_viewed").await;
    guardian.get(&page(me)).await;
    assert!(
        app.count_audit("record_viewed").await > views,
        "a guardian's read is audited"
    );
}

#[tokio::test]
async fn a_final_product_comes_from_the_students_own_portfolio() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let counselor = app.signed_in("demo.counselor").await;
    assert_eq!(post(&student, me, "proposal", &submitted()).await.status, 303);
    assert_eq!(post(&counselor, me, "approve", &[]).await.status, 303);
    let t = crate::academics::api_token(&student).await;
    let added = student
        .post_json(
            &format!("/api/v1/students/{me}/portfolio"),
            r#"{"kind":"text","title":"Final paper","domain":"academic","school_year":"2027","body":"My findings."}"#,
            Some(&t),
        )
        .await;
    assert_eq!(added.status, 201, "{}", added.body);
    let v: serde_json::Value = serde_json::from_str(&added.body).unwrap();
    let artifact = v["id"].as_str().unwrap().to_owned();
    let shown = student.get(&page(me)).await;
    assert!(shown.text.contains("Work from my portfolio") && shown.text.contains("Final paper"));
    // Someone else's work (or none) is not accepted.
    let stranger = Uuid::now_v7().to_string();
    let r = post(&student, me, "products", &[("artifact_id", &stranger)]).await;
    assert_ne!(r.status, 303);
    let r = post(&student, me, "products", &[("artifact_id", &artifact)]).await;
    assert_eq!(r.status, 303, "{}", r.text);
    let shown = counselor.get(&page(me)).await;
    assert!(
        shown.text.contains(&format!("/portfolio#a-{artifact}")) && shown.text.contains("Final paper"),
        "the product names the work and links to it"
    );
}
