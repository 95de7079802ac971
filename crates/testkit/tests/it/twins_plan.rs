//! The plan's actions beyond goals and check-ins, each done on its page in
//! one fresh demo district and through its JSON twin in another: the same
//! stored rows and the same audit rows. Then the API's answers to bad
//! input (422 with the field's code, nothing stored), to an outsider (404,
//! audited) and to a write without the CSRF token (403).

use ssp_testkit::{TestApp, TestClient};
use std::future::Future;
use std::sync::Arc;
use uuid::Uuid;

use crate::support::{adult_child, api_token, effect_of, percent_goal, unrelated_teacher_at_school, Effect};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Way {
    Page,
    Api,
}

/// Runs `act` the page's way and the API's way, each in a fresh district;
/// both must leave the same rows and audit rows (returned).
async fn both<F, Fut>(sql: &'static str, act: F) -> Effect
where
    F: Fn(Arc<TestApp>, Way) -> Fut + Clone,
    Fut: Future<Output = Vec<Uuid>>,
{
    let on_page = act.clone();
    let page = effect_of(sql, move |app| on_page(app, Way::Page)).await;
    let api = effect_of(sql, move |app| act(app, Way::Api)).await;
    assert_eq!(page, api, "the page and the API differ");
    page
}

/// Submits the page's form (after reading `from`, for its token) or sends
/// the API's JSON, and expects success (a redirect; 201 or 204).
async fn submit(c: &TestClient, way: Way, from: &str, form: (&str, &[(&str, &str)]), api: (&str, &str, &str)) {
    match way {
        Way::Page => {
            c.get(from).await;
            let res = c.post_form(form.0, form.1).await;
            assert_eq!(res.status, 303, "{} {}", form.0, res.text);
        }
        Way::Api => {
            let token = api_token(c).await;
            let res = c.send_json(api.0, api.1, api.2, Some(&token)).await;
            assert!(
                res.status == 201 || res.status == 204,
                "{} {}: {}",
                api.0,
                api.1,
                res.body
            );
        }
    }
}

fn has(effect: &Effect, action: &str) -> bool {
    effect.audit.iter().any(|a| a.starts_with(action))
}

const ACTIVITIES: &str = "SELECT activity_key || '|' || state || '|' || COALESCE(exempt_reason, '') \
                          FROM student_activities WHERE student_id = $1 ORDER BY activity_key";

#[tokio::test]
async fn an_activity_exempted_on_the_page_and_through_the_api() {
    let e = both(ACTIVITIES, |app, way| async move {
        let camila = app.person("demo.student").await;
        let pm = app.signed_in("demo.counselor").await;
        let key = "g10_work_based_learning";
        submit(
            &pm,
            way,
            &format!("/students/{camila}"),
            (
                &format!("/students/{camila}/activities/{key}"),
                &[("state", "exempt"), ("reason", "Medical leave in spring")],
            ),
            (
                "PUT",
                &format!("/api/v1/students/{camila}/activities/{key}"),
                r#"{"state":"exempt","reason":"Medical leave in spring"}"#,
            ),
        )
        .await;
        vec![camila]
    })
    .await;
    assert!(
        e.rows
            .iter()
            .any(|r| r == "g10_work_based_learning|exempt|Medical leave in spring"),
        "{:?}",
        e.rows
    );
    assert!(has(&e, "activity_recorded"), "{:?}", e.audit);
}

const REVIEWS: &str = "SELECT CAST(school_year AS TEXT) || '|' || CASE WHEN student_signed_at IS NULL THEN '-' ELSE 's' END \
                       || CASE WHEN manager_signed_at IS NULL THEN '-' ELSE 'm' END || '|' || CAST(guardian_attempts AS TEXT) \
                       FROM plan_reviews WHERE student_id = $1 ORDER BY school_year";

#[tokio::test]
async fn a_review_signed_on_the_page_and_through_the_api() {
    let e = both(REVIEWS, |app, way| async move {
        let camila = app.person("demo.student").await;
        let student = app.signed_in("demo.student").await;
        percent_goal(&student, camila, "academic", "Raise my math grade").await;
        submit(
            &student,
            way,
            &format!("/students/{camila}"),
            (&format!("/students/{camila}/review/sign"), &[("as", "student")]),
            (
                "POST",
                &format!("/api/v1/students/{camila}/review/signatures"),
                r#"{"as":"student"}"#,
            ),
        )
        .await;
        vec![camila]
    })
    .await;
    assert!(e.rows.iter().any(|r| r.contains("|s")), "{:?}", e.rows);
    assert!(has(&e, "review_signed"), "{:?}", e.audit);
}

const PROFILE: &str = "SELECT strengths || '|' || interests || '|' || needs || '|' || activities \
                       FROM plan_profiles WHERE student_id = $1";

#[tokio::test]
async fn a_profile_written_on_the_page_and_through_the_api() {
    let e = both(PROFILE, |app, way| async move {
        let camila = app.person("demo.student").await;
        let student = app.signed_in("demo.student").await;
        submit(
            &student,
            way,
            &format!("/students/{camila}"),
            (
                &format!("/students/{camila}/profile"),
                &[
                    ("strengths", " I draw well "),
                    ("interests", "Nursing, robotics"),
                    ("needs", "Quiet place to study"),
                    ("activities", "Robotics club"),
                ],
            ),
            (
                "PUT",
                &format!("/api/v1/students/{camila}/profile"),
                r#"{"strengths":" I draw well ","interests":"Nursing, robotics","needs":"Quiet place to study","activities":"Robotics club"}"#,
            ),
        )
        .await;
        vec![camila]
    })
    .await;
    assert_eq!(
        e.rows,
        vec!["I draw well|Nursing, robotics|Quiet place to study|Robotics club"]
    );
    assert!(has(&e, "profile_updated"), "{:?}", e.audit);
}

const OBSERVATIONS: &str =
    "SELECT kind || '|' || body FROM profile_observations WHERE student_id = $1 ORDER BY kind, body";

#[tokio::test]
async fn an_observation_added_on_the_page_and_through_the_api() {
    let e = both(OBSERVATIONS, |app, way| async move {
        let camila = app.person("demo.student").await;
        let pm = app.signed_in("demo.counselor").await;
        submit(
            &pm,
            way,
            &format!("/students/{camila}"),
            (
                &format!("/students/{camila}/observations"),
                &[("kind", "strength"), ("body", "Leads her lab group")],
            ),
            (
                "POST",
                &format!("/api/v1/students/{camila}/observations"),
                r#"{"kind":"strength","body":"Leads her lab group"}"#,
            ),
        )
        .await;
        vec![camila]
    })
    .await;
    assert!(
        e.rows.iter().any(|r| r == "strength|Leads her lab group"),
        "{:?}",
        e.rows
    );
    assert!(has(&e, "observation_added"), "{:?}", e.audit);
}

const SHARING: &str = "SELECT CASE WHEN shares_with_guardians THEN 'shares' ELSE 'private' END \
                       FROM students WHERE person_id = $1";

/// The showcase family's 18-year-old, signed in.
async fn adult(app: &TestApp) -> (Uuid, TestClient) {
    let mateo = adult_child(app).await;
    let username = app.username_of(mateo).await;
    (mateo, app.signed_in(&username).await)
}

#[tokio::test]
async fn sharing_turned_on_on_the_page_and_through_the_api() {
    let e = both(SHARING, |app, way| async move {
        let (mateo, c) = adult(&app).await;
        submit(
            &c,
            way,
            &format!("/students/{mateo}"),
            (&format!("/students/{mateo}/sharing"), &[("share", "yes")]),
            (
                "PUT",
                &format!("/api/v1/students/{mateo}/sharing"),
                r#"{"share":"yes"}"#,
            ),
        )
        .await;
        vec![mateo]
    })
    .await;
    assert_eq!(e.rows, vec!["shares"]);
    assert!(has(&e, "sharing_changed"), "{:?}", e.audit);
}

const GOALS: &str = "SELECT domain || '|' || statement || '|' || why_it_matters || '|' || measure_kind || '|' \
                     || CAST(baseline AS TEXT) || '|' || CAST(target AS TEXT) || '|' || CAST(due_date AS TEXT) \
                     || '|' || cadence || '|' || status \
                     FROM goals WHERE student_id = $1 ORDER BY statement";

/// The student's goal, made on the goal form, then `act` on it.
async fn on_goal<F, Fut>(sql: &'static str, act: F) -> Effect
where
    F: Fn(Arc<TestApp>, Way, Uuid, Uuid) -> Fut + Clone,
    Fut: Future<Output = ()>,
{
    both(sql, move |app, way| {
        let act = act.clone();
        async move {
            let camila = app.person("demo.student").await;
            let c = app.signed_in("demo.student").await;
            let goal = percent_goal(&c, camila, "academic", "Raise my math grade").await;
            act(app.clone(), way, camila, goal).await;
            vec![camila]
        }
    })
    .await
}

#[tokio::test]
async fn a_goal_reworded_on_the_page_and_through_the_api() {
    let e = on_goal(GOALS, |app, way, camila, goal| async move {
        let c = app.signed_in("demo.student").await;
        let fields: &[(&str, &str)] = &[
            ("domain", "academic"),
            ("statement", "Raise my math grade to a B"),
            ("why_it_matters", "For nursing school"),
            ("measure_kind", "percent"),
            ("baseline", "71"),
            ("target", "80"),
            ("due_date", "2027-06-01"),
            ("cadence", "weekly"),
        ];
        let json = r#"{"domain":"academic","statement":"Raise my math grade to a B","why_it_matters":"For nursing school",
                       "measure_kind":"percent","baseline":"71","target":"80","due_date":"2027-06-01","cadence":"weekly"}"#;
        submit(
            &c,
            way,
            &format!("/students/{camila}/goals/{goal}/edit"),
            (&format!("/students/{camila}/goals/{goal}"), fields),
            ("PUT", &format!("/api/v1/students/{camila}/goals/{goal}"), json),
        )
        .await;
    })
    .await;
    assert_eq!(e.rows.len(), 1, "{:?}", e.rows);
    assert!(
        e.rows[0].starts_with("academic|Raise my math grade to a B|For nursing school"),
        "{:?}",
        e.rows
    );
    assert!(has(&e, "goal_edited"), "{:?}", e.audit);
}

#[tokio::test]
async fn a_goal_marked_met_on_the_page_and_through_the_api() {
    let e = on_goal(GOALS, |app, way, camila, goal| async move {
        let c = app.signed_in("demo.student").await;
        submit(
            &c,
            way,
            &format!("/students/{camila}/goals/{goal}"),
            (&format!("/students/{camila}/goals/{goal}/status"), &[("status", "met")]),
            (
                "PUT",
                &format!("/api/v1/students/{camila}/goals/{goal}/status"),
                r#"{"status":"met"}"#,
            ),
        )
        .await;
    })
    .await;
    assert!(e.rows[0].ends_with("|met"), "{:?}", e.rows);
    assert!(has(&e, "goal_status_changed"), "{:?}", e.audit);
}

const STEPS: &str = "SELECT description || '|' || COALESCE(CAST(due_on AS TEXT), '') || '|' \
                     || CASE WHEN owner_id IS NULL THEN 'nobody' ELSE 'owned' END || '|' \
                     || CASE WHEN done_at IS NULL THEN 'open' ELSE 'done' END \
                     FROM goal_action_steps WHERE student_id = $1 ORDER BY description";

#[tokio::test]
async fn an_action_step_added_on_the_page_and_through_the_api() {
    let e = on_goal(STEPS, |app, way, camila, goal| async move {
        let c = app.signed_in("demo.student").await;
        let me = camila.to_string();
        let json = format!(r#"{{"description":"Go to tutoring on Tuesdays","owner":"{me}","due_on":"2027-05-20"}}"#);
        submit(
            &c,
            way,
            &format!("/students/{camila}/goals/{goal}"),
            (
                &format!("/students/{camila}/goals/{goal}/steps"),
                &[
                    ("description", "Go to tutoring on Tuesdays"),
                    ("owner", &me),
                    ("due_on", "2027-05-20"),
                ],
            ),
            ("POST", &format!("/api/v1/students/{camila}/goals/{goal}/steps"), &json),
        )
        .await;
    })
    .await;
    assert_eq!(e.rows, vec!["Go to tutoring on Tuesdays|2027-05-20|owned|open"]);
    assert!(has(&e, "action_step_added"), "{:?}", e.audit);
}

#[tokio::test]
async fn an_action_step_done_on_the_page_and_through_the_api() {
    let e = on_goal(STEPS, |app, way, camila, goal| async move {
        let c = app.signed_in("demo.student").await;
        c.get(&format!("/students/{camila}/goals/{goal}")).await;
        let res = c
            .post_form(
                &format!("/students/{camila}/goals/{goal}/steps"),
                &[("description", "Ask for a study group")],
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.text);
        let step = app
            .query_id("SELECT id FROM goal_action_steps WHERE goal_id = $1", &[goal])
            .await
            .expect("the step");
        submit(
            &c,
            way,
            &format!("/students/{camila}/goals/{goal}"),
            (&format!("/students/{camila}/goals/{goal}/steps/{step}/done"), &[]),
            (
                "POST",
                &format!("/api/v1/students/{camila}/goals/{goal}/steps/{step}/done"),
                "{}",
            ),
        )
        .await;
    })
    .await;
    assert_eq!(e.rows, vec!["Ask for a study group||nobody|done"]);
    assert!(has(&e, "action_step_done"), "{:?}", e.audit);
}

const SUPPORTS: &str =
    "SELECT description || '|' || provider FROM goal_supports WHERE student_id = $1 ORDER BY description";

#[tokio::test]
async fn a_support_linked_on_the_page_and_through_the_api() {
    let e = on_goal(SUPPORTS, |app, way, camila, goal| async move {
        let c = app.signed_in("demo.counselor").await;
        submit(
            &c,
            way,
            &format!("/students/{camila}/goals/{goal}"),
            (
                &format!("/students/{camila}/goals/{goal}/supports"),
                &[("description", " Weekly tutoring "), ("provider", "Math lab")],
            ),
            (
                "POST",
                &format!("/api/v1/students/{camila}/goals/{goal}/supports"),
                r#"{"description":" Weekly tutoring ","provider":"Math lab"}"#,
            ),
        )
        .await;
    })
    .await;
    assert_eq!(e.rows, vec!["Weekly tutoring|Math lab"]);
    assert!(has(&e, "support_linked"), "{:?}", e.audit);
}

const REFLECTIONS: &str = "SELECT r.prompt || '|' || r.body || '|' || COALESCE(c.body, '') FROM reflections r \
                           LEFT JOIN reflection_comments c ON c.reflection_id = r.id \
                           WHERE r.student_id = $1 ORDER BY r.body, c.body";

#[tokio::test]
async fn a_reflection_written_on_the_page_and_through_the_api() {
    let e = both(REFLECTIONS, |app, way| async move {
        let camila = app.person("demo.student").await;
        let c = app.signed_in("demo.student").await;
        submit(
            &c,
            way,
            &format!("/students/{camila}"),
            (
                &format!("/students/{camila}/reflections"),
                &[("prompt", "next"), ("body", "Find a summer job")],
            ),
            (
                "POST",
                &format!("/api/v1/students/{camila}/reflections"),
                r#"{"prompt":"next","body":"Find a summer job"}"#,
            ),
        )
        .await;
        vec![camila]
    })
    .await;
    assert!(e.rows.iter().any(|r| r == "next|Find a summer job|"), "{:?}", e.rows);
    assert!(has(&e, "reflection_created"), "{:?}", e.audit);
}

#[tokio::test]
async fn a_comment_made_on_the_page_and_through_the_api() {
    let e = both(REFLECTIONS, |app, way| async move {
        let camila = app.person("demo.student").await;
        let student = app.signed_in("demo.student").await;
        student.get(&format!("/students/{camila}")).await;
        let res = student
            .post_form(
                &format!("/students/{camila}/reflections"),
                &[("prompt", "strengths"), ("body", "I kept going")],
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.text);
        let reflection = app
            .query_id(
                "SELECT id FROM reflections WHERE student_id = $1 AND body = 'I kept going'",
                &[camila],
            )
            .await
            .expect("the reflection");
        let pm = app.signed_in("demo.counselor").await;
        submit(
            &pm,
            way,
            &format!("/students/{camila}"),
            (
                &format!("/students/{camila}/reflections/{reflection}/comments"),
                &[("body", "Proud of you")],
            ),
            (
                "POST",
                &format!("/api/v1/students/{camila}/reflections/{reflection}/comments"),
                r#"{"body":"Proud of you"}"#,
            ),
        )
        .await;
        vec![camila]
    })
    .await;
    assert!(
        e.rows.iter().any(|r| r == "strengths|I kept going|Proud of you"),
        "{:?}",
        e.rows
    );
    assert!(has(&e, "comment_added"), "{:?}", e.audit);
}

/// What the API answers bad input with: 422, the input's code and the
/// field's, and nothing stored.
#[tokio::test]
async fn bad_input_is_a_422_with_the_fields_code_and_nothing_is_stored() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let pm = app.signed_in("demo.counselor").await;
    let goal = percent_goal(&student, camila, "academic", "Raise my math grade").await;
    let s = format!("/api/v1/students/{camila}");
    let g = format!("{s}/goals/{goal}");
    let counts = "SELECT (SELECT COUNT(*) FROM student_activities WHERE student_id = $1) || '|' \
                  || (SELECT COUNT(*) FROM plan_profiles WHERE student_id = $1) || '|' \
                  || (SELECT COUNT(*) FROM profile_observations WHERE student_id = $1) || '|' \
                  || (SELECT COUNT(*) FROM goal_action_steps WHERE student_id = $1) || '|' \
                  || (SELECT COUNT(*) FROM goal_supports WHERE student_id = $1) || '|' \
                  || (SELECT COUNT(*) FROM reflections WHERE student_id = $1) || '|' \
                  || (SELECT COUNT(*) FROM plan_reviews WHERE student_id = $1) || '|' \
                  || (SELECT COUNT(*) FROM goals WHERE student_id = $1 AND status = 'active')";
    let before = app.texts(counts, &[camila]).await;
    let long = "x".repeat(2001);
    let cases: Vec<(&TestClient, &str, String, String, &str, &str, &str)> = vec![
        (
            &pm,
            "PUT",
            format!("{s}/activities/g10_work_based_learning"),
            r#"{"state":"exempt","reason":"no"}"#.into(),
            "invalid_activity",
            "reason",
            "too_short",
        ),
        (
            &pm,
            "PUT",
            format!("{s}/activities/g10_work_based_learning"),
            r#"{"state":"skipped"}"#.into(),
            "invalid_activity",
            "state",
            "unknown_choice",
        ),
        (
            &student,
            "PUT",
            format!("{s}/profile"),
            format!(r#"{{"needs":"{long}"}}"#),
            "invalid_profile",
            "needs",
            "too_long",
        ),
        (
            &pm,
            "POST",
            format!("{s}/observations"),
            r#"{"kind":"wish","body":"x"}"#.into(),
            "invalid_observation",
            "kind",
            "unknown_choice",
        ),
        (
            &student,
            "POST",
            format!("{g}/steps"),
            r#"{"description":"Study","due_on":"2020-01-01"}"#.into(),
            "invalid_step",
            "due_on",
            "in_past",
        ),
        (
            &student,
            "POST",
            format!("{g}/steps"),
            format!(r#"{{"description":"Study","owner":"{}"}}"#, Uuid::now_v7()),
            "invalid_step",
            "owner",
            "not_on_team",
        ),
        (
            &student,
            "POST",
            format!("{g}/supports"),
            r#"{"description":" "}"#.into(),
            "invalid_support",
            "description",
            "required",
        ),
        (
            &student,
            "PUT",
            format!("{g}/status"),
            r#"{"status":"draft"}"#.into(),
            "invalid_status",
            "status",
            "illegal_transition",
        ),
        (
            &student,
            "PUT",
            format!("{g}/status"),
            r#"{"status":"won"}"#.into(),
            "invalid_status",
            "status",
            "unknown_choice",
        ),
        (
            &student,
            "PUT",
            g.clone(),
            r#"{"domain":"academic","statement":"Hi","measure_kind":"percent","baseline":"1","target":"2","due_date":"2027-06-01","cadence":"weekly"}"#.into(),
            "invalid_goal",
            "statement",
            "too_short",
        ),
        (
            &student,
            "POST",
            format!("{s}/reflections"),
            r#"{"prompt":"later","body":"x"}"#.into(),
            "invalid_reflection",
            "prompt",
            "unknown_choice",
        ),
        (
            &student,
            "POST",
            format!("{s}/review/signatures"),
            r#"{"as":"principal"}"#.into(),
            "invalid_signature",
            "as",
            "unknown_choice",
        ),
    ];
    for (c, method, url, body, error, field, code) in cases {
        let token = api_token(c).await;
        let res = c.send_json(method, &url, &body, Some(&token)).await;
        assert_eq!(res.status, 422, "{method} {url} {body}: {}", res.body);
        let json: serde_json::Value = serde_json::from_str(&res.body).expect("a JSON error");
        assert_eq!(json["error"], error, "{method} {url}: {}", res.body);
        assert_eq!(json["fields"][0]["field"], field, "{method} {url}: {}", res.body);
        assert_eq!(json["fields"][0]["code"], code, "{method} {url}: {}", res.body);
    }
    // A reflection's comment and the 18+ sharing switch, the same way.
    let (mateo, adult_c) = adult(&app).await;
    let token = api_token(&adult_c).await;
    let res = adult_c
        .send_json(
            "PUT",
            &format!("/api/v1/students/{mateo}/sharing"),
            r#"{"share":"maybe"}"#,
            Some(&token),
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.body);
    assert!(res.body.contains("unknown_choice"), "{}", res.body);
    assert_eq!(app.texts(SHARING, &[mateo]).await, vec!["private"]);
    assert_eq!(app.texts(counts, &[camila]).await, before, "nothing was stored");
}

/// Every new operation, as an outsider sees it: 404 and an audited denial
/// (bad input or good); and without the CSRF token, 403.
#[tokio::test]
async fn outsiders_get_404_and_writes_need_the_token() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let goal = percent_goal(&student, camila, "academic", "Raise my math grade").await;
    let (_, other) = unrelated_teacher_at_school(&app, camila).await;
    let s = format!("/api/v1/students/{camila}");
    let g = format!("{s}/goals/{goal}");
    let step = Uuid::now_v7();
    let reflection = Uuid::now_v7();
    let reads = [
        format!("{s}/activities"),
        format!("{s}/review"),
        format!("{s}/profile"),
        format!("{s}/observations"),
        format!("{s}/sharing"),
        format!("{g}/steps"),
        format!("{g}/supports"),
        format!("{s}/reflections/{reflection}/comments"),
    ];
    for url in &reads {
        let before = app.count_audit("access_denied").await;
        assert_eq!(other.get_json(url).await.status, 404, "GET {url}");
        assert_eq!(app.count_audit("access_denied").await, before + 1, "GET {url} audited");
    }
    let writes = [
        (
            "PUT",
            format!("{s}/activities/g10_work_based_learning"),
            r#"{"state":"done"}"#,
        ),
        (
            "PUT",
            format!("{s}/activities/g10_work_based_learning"),
            r#"{"state":"bogus"}"#,
        ),
        ("POST", format!("{s}/review/signatures"), r#"{"as":""}"#),
        ("PUT", format!("{s}/profile"), r#"{"strengths":"x"}"#),
        ("POST", format!("{s}/observations"), r#"{"kind":"need","body":"x"}"#),
        ("POST", format!("{s}/observations"), r#"{"kind":"","body":""}"#),
        ("PUT", format!("{s}/sharing"), r#"{"share":"yes"}"#),
        ("PUT", g.clone(), r#"{"statement":""}"#),
        ("PUT", format!("{g}/status"), r#"{"status":"met"}"#),
        ("POST", format!("{g}/steps"), r#"{"description":"x"}"#),
        ("POST", format!("{g}/steps/{step}/done"), "{}"),
        ("POST", format!("{g}/supports"), r#"{"description":"x"}"#),
        ("POST", format!("{s}/reflections"), r#"{"prompt":"next","body":"x"}"#),
        (
            "POST",
            format!("{s}/reflections/{reflection}/comments"),
            r#"{"body":""}"#,
        ),
    ];
    let token = api_token(&other).await;
    for (method, url, body) in &writes {
        let before = app.count_audit("access_denied").await;
        let res = other.send_json(method, url, body, Some(&token)).await;
        assert_eq!(res.status, 404, "{method} {url}: {}", res.body);
        assert_eq!(
            app.count_audit("access_denied").await,
            before + 1,
            "{method} {url} audited"
        );
    }
    let pm = app.signed_in("demo.counselor").await;
    for (method, url, body) in &writes {
        let res = pm.send_json(method, url, body, None).await;
        assert_eq!(res.status, 403, "{method} {url} without the token: {}", res.body);
        assert!(res.body.contains("csrf_failed"), "{}", res.body);
    }
}
