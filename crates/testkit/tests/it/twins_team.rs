//! The team and records actions: each page action has a JSON twin under
//! `/api/v1/students/{id}/…` calling the same use case (done once each way
//! in two fresh demo districts, they leave the same rows and audit rows);
//! the API's refusals (422 with the field's code and nothing stored, the
//! audited 404, the 403 without the CSRF token); and who may read what
//! through the new API reads, persona by persona.

use ssp_testkit::{TestApp, TestClient};
use std::sync::Arc;
use uuid::Uuid;

use crate::support::{api_token, effect_of, unrelated_teacher_at_school};

const TEAM: &str = "SELECT t.team_role || '|' || p.given_name || ' ' || p.family_name || '|' || t.status \
                    FROM team_members t JOIN persons p ON p.id = t.staff_id \
                    WHERE t.student_id = $1 ORDER BY p.family_name, t.team_role, t.status";

/// A page form posted after reading `page` (for its form token).
async fn form(c: &TestClient, page: &str, path: &str, fields: &[(&str, &str)]) -> ssp_testkit::TestResponse {
    c.get(page).await;
    c.post_form(path, fields).await
}

/// An API write with the session's token.
async fn api(c: &TestClient, method: &str, path: &str, body: &str) -> ssp_testkit::TestResponse {
    let token = api_token(c).await;
    c.send_json(method, path, body, Some(&token)).await
}

/// The counselor (Camila's plan manager) adds the nurse to her team.
async fn add_nurse_on_page(app: &TestApp, camila: Uuid) {
    let nurse = app.person("demo.nurse").await.to_string();
    let c = app.signed_in("demo.counselor").await;
    let team = format!("/students/{camila}/team");
    let res = form(&c, &team, &team, &[("staff_id", &nurse), ("team_role", "nurse")]).await;
    assert_eq!(res.status, 303, "{}", res.text);
}

#[tokio::test]
async fn a_team_member_added_on_the_page_and_through_the_api_is_the_same() {
    let page = effect_of(TEAM, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        add_nurse_on_page(&app, camila).await;
        vec![camila]
    })
    .await;
    let api_effect = effect_of(TEAM, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        let nurse = app.person("demo.nurse").await;
        let c = app.signed_in("demo.counselor").await;
        let body = format!(r#"{{"staff_id":"{nurse}","team_role":"nurse"}}"#);
        let res = api(&c, "POST", &format!("/api/v1/students/{camila}/team"), &body).await;
        assert_eq!(res.status, 201, "{}", res.body);
        let again = api(&c, "POST", &format!("/api/v1/students/{camila}/team"), &body).await;
        assert_eq!(again.status, 409, "already on the team: {}", again.body);
        vec![camila]
    })
    .await;
    assert!(page.rows.iter().any(|r| r.starts_with("nurse|")), "{:?}", page.rows);
    assert_eq!(page, api_effect);
    assert!(
        page.audit.iter().any(|a| a.starts_with("team_member_added")),
        "{:?}",
        page.audit
    );
}

async fn nurse_membership(app: &TestApp, camila: Uuid) -> Uuid {
    let nurse = app.person("demo.nurse").await;
    app.query_id(
        "SELECT id FROM team_members WHERE student_id = $1 AND staff_id = $2 AND status = 'active'",
        &[camila, nurse],
    )
    .await
    .expect("the nurse is on the team")
}

#[tokio::test]
async fn a_team_member_removed_on_the_page_and_through_the_api_is_the_same() {
    let page = effect_of(TEAM, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        add_nurse_on_page(&app, camila).await;
        let member = nurse_membership(&app, camila).await;
        let c = app.signed_in("demo.counselor").await;
        let res = form(
            &c,
            &format!("/students/{camila}/team"),
            &format!("/students/{camila}/team/{member}/remove"),
            &[],
        )
        .await;
        assert_eq!(res.status, 303, "{}", res.text);
        vec![camila]
    })
    .await;
    let api_effect = effect_of(TEAM, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        add_nurse_on_page(&app, camila).await;
        let member = nurse_membership(&app, camila).await;
        let c = app.signed_in("demo.counselor").await;
        let res = api(&c, "DELETE", &format!("/api/v1/students/{camila}/team/{member}"), "").await;
        assert_eq!(res.status, 204, "{}", res.body);
        let again = api(&c, "DELETE", &format!("/api/v1/students/{camila}/team/{member}"), "").await;
        assert_eq!(again.status, 404, "no longer a member");
        vec![camila]
    })
    .await;
    assert!(
        page.rows
            .iter()
            .any(|r| r.starts_with("nurse|") && r.ends_with("|inactive")),
        "{:?}",
        page.rows
    );
    assert_eq!(page, api_effect);
    assert!(
        page.audit.iter().any(|a| a.starts_with("team_member_removed")),
        "{:?}",
        page.audit
    );
}

const PLAN_MANAGERS: &str = "SELECT p.given_name || ' ' || p.family_name || '|' \
                             || CASE WHEN m.ended_at IS NULL THEN 'current' ELSE 'past' END \
                             FROM plan_managers m JOIN persons p ON p.id = m.staff_id \
                             WHERE m.student_id = $1 ORDER BY p.family_name, p.given_name";

#[tokio::test]
async fn a_plan_manager_reassigned_on_the_page_and_through_the_api_is_the_same() {
    let page = effect_of(PLAN_MANAGERS, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        let (teacher, _) = unrelated_teacher_at_school(&app, camila).await;
        let c = app.signed_in("demo.counselor").await;
        let res = form(
            &c,
            &format!("/students/{camila}/team"),
            &format!("/students/{camila}/plan-manager"),
            &[("staff_id", &teacher.to_string())],
        )
        .await;
        assert_eq!(res.status, 303, "{}", res.text);
        vec![camila]
    })
    .await;
    let api_effect = effect_of(PLAN_MANAGERS, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        let (teacher, _) = unrelated_teacher_at_school(&app, camila).await;
        let c = app.signed_in("demo.counselor").await;
        let body = format!(r#"{{"staff_id":"{teacher}"}}"#);
        let res = api(&c, "PUT", &format!("/api/v1/students/{camila}/plan-manager"), &body).await;
        assert_eq!(res.status, 204, "{}", res.body);
        vec![camila]
    })
    .await;
    assert_eq!(
        page.rows.iter().filter(|r| r.ends_with("|current")).count(),
        1,
        "{:?}",
        page.rows
    );
    assert!(
        page.rows.iter().any(|r| r.ends_with("|past")),
        "the history is kept: {:?}",
        page.rows
    );
    assert_eq!(page, api_effect);
    assert!(
        page.audit.iter().any(|a| a.starts_with("plan_manager_assigned")),
        "{:?}",
        page.audit
    );
}

const RIGHTS: &str = "SELECT g.relationship || '|' || CASE WHEN g.educational_rights THEN 'rights' ELSE 'none' END \
                      FROM guardian_links g WHERE g.student_id = $1 ORDER BY g.relationship";

async fn guardian_link(app: &TestApp, camila: Uuid) -> Uuid {
    let g = app.person("demo.guardian").await;
    app.query_id(
        "SELECT id FROM guardian_links WHERE guardian_id = $1 AND student_id = $2",
        &[g, camila],
    )
    .await
    .expect("the guardian's link")
}

#[tokio::test]
async fn guardian_rights_changed_on_the_page_and_through_the_api_are_the_same() {
    let page = effect_of(RIGHTS, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        let link = guardian_link(&app, camila).await;
        let c = app.signed_in("demo.schooladmin").await;
        let res = form(
            &c,
            &format!("/students/{camila}/team"),
            &format!("/students/{camila}/guardians/{link}/rights"),
            &[("rights", "no")],
        )
        .await;
        assert_eq!(res.status, 303, "{}", res.text);
        vec![camila]
    })
    .await;
    let api_effect = effect_of(RIGHTS, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        let link = guardian_link(&app, camila).await;
        let c = app.signed_in("demo.schooladmin").await;
        let path = format!("/api/v1/students/{camila}/guardians/{link}/rights");
        let res = api(&c, "PUT", &path, r#"{"educational_rights":false}"#).await;
        assert_eq!(res.status, 204, "{}", res.body);
        vec![camila]
    })
    .await;
    assert!(page.rows.iter().any(|r| r.ends_with("|none")), "{:?}", page.rows);
    assert_eq!(page, api_effect);
    assert!(
        page.audit.iter().any(|a| a.starts_with("guardian_rights_changed")),
        "{:?}",
        page.audit
    );
}

const NOTES: &str = "SELECT sensitivity || '|' || body FROM notes WHERE student_id = $1 ORDER BY body";

#[tokio::test]
async fn a_note_written_on_the_page_and_through_the_api_is_the_same() {
    let page = effect_of(NOTES, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        let c = app.signed_in("demo.counselor").await;
        let notes = format!("/students/{camila}/notes");
        let res = form(
            &c,
            &notes,
            &notes,
            &[("body", "  Called home about the fair "), ("sensitivity", "shared")],
        )
        .await;
        assert_eq!(res.status, 303, "{}", res.text);
        vec![camila]
    })
    .await;
    let api_effect = effect_of(NOTES, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        let c = app.signed_in("demo.counselor").await;
        let body = r#"{"body":"  Called home about the fair ","sensitivity":"shared"}"#;
        let res = api(&c, "POST", &format!("/api/v1/students/{camila}/notes"), body).await;
        assert_eq!(res.status, 201, "{}", res.body);
        let listed = c
            .get_json(&format!("/api/v1/students/{camila}/notes?class=shared"))
            .await;
        assert_eq!(listed.status, 200);
        assert!(listed.body.contains("Called home about the fair"), "{}", listed.body);
        vec![camila]
    })
    .await;
    assert!(
        page.rows.contains(&"shared|Called home about the fair".to_owned()),
        "{:?}",
        page.rows
    );
    assert_eq!(page, api_effect);
    assert!(
        page.audit.iter().any(|a| a.starts_with("note_created")),
        "{:?}",
        page.audit
    );
}

const SECRET: &str = "Takes an inhaler before PE";
const REASON: &str = "Student unwell in class, nurse is out";
const GLASS: &str =
    "SELECT kind || '|' || COALESCE(detail, '') FROM notices WHERE student_id = $1 ORDER BY kind, detail";

async fn nurse_writes_a_health_note(app: &TestApp, camila: Uuid) {
    let nurse = app.signed_in("demo.nurse").await;
    let notes = format!("/students/{camila}/notes");
    let res = form(
        &nurse,
        &notes,
        &notes,
        &[("body", SECRET), ("sensitivity", "restricted_health")],
    )
    .await;
    assert_eq!(res.status, 303, "{}", res.text);
}

#[tokio::test]
async fn break_glass_on_the_page_and_through_the_api_is_the_same() {
    let page = effect_of(GLASS, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        nurse_writes_a_health_note(&app, camila).await;
        let admin = app.signed_in("demo.schooladmin").await;
        let res = form(
            &admin,
            &format!("/students/{camila}/notes"),
            &format!("/students/{camila}/notes/break-glass"),
            &[("sensitivity", "restricted_health"), ("reason", REASON)],
        )
        .await;
        assert_eq!(res.status, 200, "{}", res.text);
        assert!(res.text.contains(SECRET));
        vec![camila]
    })
    .await;
    let api_effect = effect_of(GLASS, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        nurse_writes_a_health_note(&app, camila).await;
        let admin = app.signed_in("demo.schooladmin").await;
        let hidden = admin
            .get_json(&format!("/api/v1/students/{camila}/notes?class=restricted_health"))
            .await;
        assert_eq!(hidden.status, 404, "a restricted class needs break-glass first");
        let all = admin.get_json(&format!("/api/v1/students/{camila}/notes")).await;
        assert_eq!(all.status, 200);
        assert!(!all.body.contains(SECRET), "{}", all.body);
        let body = format!(r#"{{"sensitivity":"restricted_health","reason":"{REASON}"}}"#);
        let res = api(
            &admin,
            "POST",
            &format!("/api/v1/students/{camila}/notes/break-glass"),
            &body,
        )
        .await;
        assert_eq!(res.status, 200, "{}", res.body);
        assert!(res.body.contains(SECRET), "{}", res.body);
        vec![camila]
    })
    .await;
    assert_eq!(
        page.rows,
        vec![format!("break_glass|{REASON}")],
        "the plan manager is told"
    );
    // The API run also has the audited denial of the GET before break-glass.
    let api_audit: Vec<&String> = api_effect
        .audit
        .iter()
        .filter(|a| !a.starts_with("access_denied"))
        .collect();
    assert_eq!(page.rows, api_effect.rows);
    assert_eq!(page.audit.iter().collect::<Vec<_>>(), api_audit);
    assert!(
        page.audit.iter().any(|a| a.starts_with("break_glass")),
        "{:?}",
        page.audit
    );
}

const INTERACTIONS: &str = "SELECT i.kind || '|' || CAST(i.occurred_on AS TEXT) || '|' || i.participants || '|' \
                            || CASE WHEN i.family_present THEN 'family' ELSE 'staff' END || '|' || i.notes || '|' \
                            || i.sensitivity || '|' || COALESCE(f.description, '') || '|' \
                            || COALESCE(CAST(f.due_on AS TEXT), '') || '|' || COALESCE(p.given_name, '') || '|' \
                            || CASE WHEN f.done_at IS NULL THEN 'open' ELSE 'done' END \
                            FROM interactions i LEFT JOIN interaction_follow_ups f ON f.interaction_id = i.id \
                            LEFT JOIN persons p ON p.id = f.owner_id \
                            WHERE i.student_id = $1 AND i.notes LIKE 'Twin:%' ORDER BY i.notes";

async fn conference_on_page(app: &TestApp, camila: Uuid) {
    let owner = app.person("demo.counselor").await.to_string();
    let c = app.signed_in("demo.counselor").await;
    let log = format!("/students/{camila}/interactions");
    let res = form(
        &c,
        &log,
        &log,
        &[
            ("kind", "family_conference"),
            ("occurred_on", "2026-10-30"),
            ("participants", "Camila, her father, counselor"),
            ("family_present", "yes"),
            ("notes", "Twin: talked about summer programs"),
            ("sensitivity", "shared"),
            ("follow_up", "Send the summer program list"),
            ("follow_up_owner", &owner),
            ("follow_up_due", "2026-11-10"),
        ],
    )
    .await;
    assert_eq!(res.status, 303, "{}", res.text);
}

#[tokio::test]
async fn an_interaction_logged_on_the_page_and_through_the_api_is_the_same() {
    let page = effect_of(INTERACTIONS, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        conference_on_page(&app, camila).await;
        vec![camila]
    })
    .await;
    let api_effect = effect_of(INTERACTIONS, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        let owner = app.person("demo.counselor").await;
        let c = app.signed_in("demo.counselor").await;
        let body = format!(
            r#"{{"kind":"family_conference","occurred_on":"2026-10-30","participants":"Camila, her father, counselor",
                "family_present":true,"notes":"Twin: talked about summer programs","sensitivity":"shared",
                "follow_up":"Send the summer program list","follow_up_owner":"{owner}","follow_up_due":"2026-11-10"}}"#
        );
        let res = api(&c, "POST", &format!("/api/v1/students/{camila}/interactions"), &body).await;
        assert_eq!(res.status, 201, "{}", res.body);
        vec![camila]
    })
    .await;
    assert_eq!(page.rows.len(), 1, "{:?}", page.rows);
    assert!(
        page.rows[0].contains("Send the summer program list|2026-11-10|"),
        "{:?}",
        page.rows
    );
    assert_eq!(page, api_effect);
    assert!(
        page.audit.iter().any(|a| a.starts_with("interaction_logged")),
        "{:?}",
        page.audit
    );
}

async fn twin_follow_up(app: &TestApp, camila: Uuid) -> Uuid {
    app.query_id(
        "SELECT f.id FROM interaction_follow_ups f JOIN interactions i ON i.id = f.interaction_id \
         WHERE f.student_id = $1 AND i.notes LIKE 'Twin:%'",
        &[camila],
    )
    .await
    .expect("the follow-up")
}

#[tokio::test]
async fn a_follow_up_done_on_the_page_and_through_the_api_is_the_same() {
    let page = effect_of(INTERACTIONS, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        conference_on_page(&app, camila).await;
        let f = twin_follow_up(&app, camila).await;
        let c = app.signed_in("demo.counselor").await;
        let res = form(
            &c,
            &format!("/students/{camila}/interactions"),
            &format!("/students/{camila}/follow-ups/{f}/done"),
            &[],
        )
        .await;
        assert_eq!(res.status, 303, "{}", res.text);
        vec![camila]
    })
    .await;
    let api_effect = effect_of(INTERACTIONS, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        conference_on_page(&app, camila).await;
        let f = twin_follow_up(&app, camila).await;
        let c = app.signed_in("demo.counselor").await;
        let listed = c.get_json(&format!("/api/v1/students/{camila}/follow-ups")).await;
        assert_eq!(listed.status, 200);
        assert!(listed.body.contains(&f.to_string()), "{}", listed.body);
        let res = api(
            &c,
            "POST",
            &format!("/api/v1/students/{camila}/follow-ups/{f}/done"),
            "{}",
        )
        .await;
        assert_eq!(res.status, 204, "{}", res.body);
        vec![camila]
    })
    .await;
    assert!(page.rows[0].ends_with("|done"), "{:?}", page.rows);
    assert_eq!(page, api_effect);
    assert!(
        page.audit.iter().any(|a| a.starts_with("follow_up_done")),
        "{:?}",
        page.audit
    );
}

/// A 422 whose body names `field` with `code`.
fn assert_refused(res: &ssp_testkit::TestResponse, field: &str, code: &str) {
    assert_eq!(res.status, 422, "{}", res.body);
    assert!(
        res.body.contains(&format!(r#""field":"{field}""#)) && res.body.contains(&format!(r#""code":"{code}""#)),
        "{field}={code}: {}",
        res.body
    );
}

#[tokio::test]
async fn bad_input_to_the_api_is_a_422_with_the_fields_code_and_nothing_is_stored() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let nurse = app.person("demo.nurse").await;
    let link = guardian_link(&app, camila).await;
    let c = app.signed_in("demo.counselor").await;
    let s = format!("/api/v1/students/{camila}");
    let before = app.audit_len().await;

    let res = api(
        &c,
        "POST",
        &format!("{s}/team"),
        r#"{"staff_id":"x","team_role":"nurse"}"#,
    )
    .await;
    assert_refused(&res, "staff_id", "invalid");
    let res = api(
        &c,
        "POST",
        &format!("{s}/team"),
        r#"{"staff_id":"","team_role":"principal"}"#,
    )
    .await;
    assert_refused(&res, "team_role", "unknown_choice");
    let wrong_role = format!(r#"{{"staff_id":"{nurse}","team_role":"teacher"}}"#);
    assert_refused(
        &api(&c, "POST", &format!("{s}/team"), &wrong_role).await,
        "staff_id",
        "not_at_school",
    );
    assert_refused(
        &api(&c, "PUT", &format!("{s}/plan-manager"), "{}").await,
        "staff_id",
        "required",
    );
    let stranger = format!(r#"{{"staff_id":"{}"}}"#, Uuid::now_v7());
    assert_refused(
        &api(&c, "PUT", &format!("{s}/plan-manager"), &stranger).await,
        "staff_id",
        "not_at_school",
    );
    let admin = app.signed_in("demo.schooladmin").await;
    let rights = format!("{s}/guardians/{link}/rights");
    assert_refused(
        &api(&admin, "PUT", &rights, "{}").await,
        "educational_rights",
        "required",
    );
    assert_refused(
        &api(&c, "POST", &format!("{s}/notes"), r#"{"body":"  "}"#).await,
        "body",
        "required",
    );
    let long = format!(r#"{{"body":"{}"}}"#, "x".repeat(4001));
    assert_refused(&api(&c, "POST", &format!("{s}/notes"), &long).await, "body", "too_long");
    let secret = r#"{"body":"x","sensitivity":"secret"}"#;
    assert_refused(
        &api(&c, "POST", &format!("{s}/notes"), secret).await,
        "sensitivity",
        "unknown_choice",
    );
    let short = r#"{"sensitivity":"restricted_health","reason":"need"}"#;
    assert_refused(
        &api(&admin, "POST", &format!("{s}/notes/break-glass"), short).await,
        "reason",
        "too_short",
    );
    let long_reason = format!(
        r#"{{"sensitivity":"restricted_health","reason":"{}"}}"#,
        "r".repeat(501)
    );
    assert_refused(
        &api(&admin, "POST", &format!("{s}/notes/break-glass"), &long_reason).await,
        "reason",
        "too_long",
    );
    let seance = r#"{"kind":"seance","notes":"x"}"#;
    assert_refused(
        &api(&c, "POST", &format!("{s}/interactions"), seance).await,
        "kind",
        "unknown_choice",
    );
    let future = r#"{"kind":"phone_call","notes":"x","occurred_on":"2999-01-01"}"#;
    assert_refused(
        &api(&c, "POST", &format!("{s}/interactions"), future).await,
        "occurred_on",
        "in_future",
    );
    let owner = format!(
        r#"{{"kind":"phone_call","notes":"x","follow_up":"Call back","follow_up_owner":"{}"}}"#,
        Uuid::now_v7()
    );
    assert_refused(
        &api(&c, "POST", &format!("{s}/interactions"), &owner).await,
        "follow_up_owner",
        "not_on_team",
    );
    let bad_due = r#"{"kind":"phone_call","notes":"x","follow_up":"Call back","follow_up_due":"soon"}"#;
    assert_refused(
        &api(&c, "POST", &format!("{s}/interactions"), bad_due).await,
        "follow_up_due",
        "invalid_date",
    );
    assert_refused(
        &c.get_json(&format!("{s}/notes?class=secret")).await,
        "class",
        "unknown_choice",
    );

    let writes: Vec<String> = app
        .audit_after(before)
        .await
        .into_iter()
        .filter(|a| !a.starts_with("record_viewed") && !a.starts_with("sign_in"))
        .collect();
    assert!(
        writes
            .iter()
            .all(|a| !a.contains("_added") && !a.contains("_created") && !a.contains("_logged")),
        "nothing written: {writes:?}"
    );
    for action in [
        "team_member_added",
        "plan_manager_assigned",
        "guardian_rights_changed",
        "note_created",
        "break_glass",
        "interaction_logged",
    ] {
        assert_eq!(app.count_audit(action).await, 0, "{action}");
    }
    let nurse_rows = app
        .texts(
            "SELECT team_role FROM team_members WHERE student_id = $1 AND staff_id = $2",
            &[camila, nurse],
        )
        .await;
    assert!(nurse_rows.is_empty(), "{nurse_rows:?}");
}

#[tokio::test]
async fn an_outsider_gets_an_audited_404_and_no_token_a_403() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let nurse = app.person("demo.nurse").await;
    let link = guardian_link(&app, camila).await;
    let (_, outsider) = unrelated_teacher_at_school(&app, camila).await;
    let s = format!("/api/v1/students/{camila}");
    let member = Uuid::now_v7();
    let follow_up = Uuid::now_v7();
    let add = format!(r#"{{"staff_id":"{nurse}","team_role":"nurse"}}"#);
    let writes: Vec<(&str, String, String)> = vec![
        ("POST", format!("{s}/team"), add.clone()),
        ("POST", format!("{s}/team"), r#"{"staff_id":"x"}"#.into()),
        ("DELETE", format!("{s}/team/{member}"), String::new()),
        (
            "PUT",
            format!("{s}/plan-manager"),
            format!(r#"{{"staff_id":"{nurse}"}}"#),
        ),
        (
            "PUT",
            format!("{s}/guardians/{link}/rights"),
            r#"{"educational_rights":false}"#.into(),
        ),
        ("PUT", format!("{s}/guardians/{link}/rights"), "{}".into()),
        ("POST", format!("{s}/notes"), r#"{"body":"x"}"#.into()),
        ("POST", format!("{s}/notes"), r#"{"body":""}"#.into()),
        (
            "POST",
            format!("{s}/notes/break-glass"),
            r#"{"sensitivity":"restricted_health","reason":"a long enough reason"}"#.into(),
        ),
        ("POST", format!("{s}/notes/break-glass"), r#"{"reason":"x"}"#.into()),
        (
            "POST",
            format!("{s}/interactions"),
            r#"{"kind":"phone_call","notes":"x"}"#.into(),
        ),
        ("POST", format!("{s}/interactions"), r#"{"kind":"seance"}"#.into()),
        ("POST", format!("{s}/follow-ups/{follow_up}/done"), "{}".into()),
    ];
    for (method, path, body) in &writes {
        let before = app.count_audit("access_denied").await;
        let res = api(&outsider, method, path, body).await;
        assert_eq!(res.status, 404, "{method} {path} {body}: {}", res.body);
        assert_eq!(
            app.count_audit("access_denied").await,
            before + 1,
            "{method} {path} {body}"
        );
    }
    for path in [
        "team",
        "plan-manager",
        "guardians",
        "notes",
        "notes?class=staff",
        "follow-ups",
    ] {
        let before = app.count_audit("access_denied").await;
        let res = outsider.get_json(&format!("{s}/{path}")).await;
        assert_eq!(res.status, 404, "GET {path}");
        assert_eq!(app.count_audit("access_denied").await, before + 1, "GET {path}");
    }
    // The counselor, without the token: refused before the handler.
    let c = app.signed_in("demo.counselor").await;
    for (method, path, body) in &writes {
        let res = c.send_json(method, path, body, None).await;
        assert_eq!(res.status, 403, "{method} {path}: {}", res.body);
        assert!(res.body.contains("csrf_failed"), "{}", res.body);
    }
    assert_eq!(app.count_audit("team_member_added").await, 0);
    assert_eq!(app.count_audit("note_created").await, 0);
}

/// What each persona gets from the new API reads: the same answer as the
/// page that shows the same records.
#[tokio::test]
async fn the_api_reads_answer_each_persona_as_the_pages_do() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    nurse_writes_a_health_note(&app, camila).await;
    let (_, outsider) = unrelated_teacher_at_school(&app, camila).await;
    let s = format!("/api/v1/students/{camila}");
    let guardian = app.signed_in("demo.guardian").await;
    let teacher = app.signed_in("demo.teacher").await;
    let counselor = app.signed_in("demo.counselor").await;
    let admin = app.signed_in("demo.schooladmin").await;
    let nurse = app.signed_in("demo.nurse").await;
    // (persona, api path, expected status)
    let table: Vec<(&str, &TestClient, &str, u16)> = vec![
        ("guardian", &guardian, "team", 200),
        ("guardian", &guardian, "plan-manager", 200),
        ("guardian", &guardian, "guardians", 200),
        ("guardian", &guardian, "notes", 200),
        ("guardian", &guardian, "notes?class=shared", 200),
        ("guardian", &guardian, "notes?class=staff", 404),
        ("guardian", &guardian, "notes?class=restricted_health", 404),
        ("guardian", &guardian, "follow-ups", 404),
        ("teacher", &teacher, "team", 200),
        ("teacher", &teacher, "guardians", 200),
        ("teacher", &teacher, "notes?class=staff", 200),
        ("teacher", &teacher, "notes?class=restricted_health", 404),
        ("teacher", &teacher, "follow-ups", 200),
        ("counselor", &counselor, "team", 200),
        ("counselor", &counselor, "plan-manager", 200),
        ("counselor", &counselor, "guardians", 200),
        ("counselor", &counselor, "notes?class=restricted_health", 200),
        ("counselor", &counselor, "follow-ups", 200),
        ("school admin", &admin, "notes?class=restricted_health", 404),
        ("nurse", &nurse, "notes?class=restricted_health", 200),
        ("outsider", &outsider, "team", 404),
        ("outsider", &outsider, "guardians", 404),
        ("outsider", &outsider, "notes", 404),
        ("outsider", &outsider, "follow-ups", 404),
    ];
    for (who, c, path, status) in table {
        let res = c.get_json(&format!("{s}/{path}")).await;
        assert_eq!(res.status, status, "{who} GET {path}: {}", res.body);
        if path == "notes?class=restricted_health" && status == 200 {
            assert!(res.body.contains(SECRET), "{who}");
        }
        if path == "notes" && status == 200 {
            assert!(!res.body.contains(SECRET), "{who}: restricted notes only by class");
        }
    }
    // The page agrees on the team and the notes.
    for (who, c, page, api_path) in [
        ("guardian", &guardian, "team", "team"),
        ("teacher", &teacher, "team", "team"),
        ("outsider", &outsider, "team", "team"),
        ("guardian", &guardian, "notes", "notes"),
        ("outsider", &outsider, "notes", "notes"),
    ] {
        let p = c.get(&format!("/students/{camila}/{page}")).await.status;
        let a = c.get_json(&format!("{s}/{api_path}")).await.status;
        assert_eq!(p, a, "{who}: page /{page} and API {api_path}");
    }
    let team = counselor.get_json(&format!("{s}/plan-manager")).await;
    assert!(team.body.contains("\"current\":{"), "{}", team.body);
    assert!(
        team.body.contains("\"started_at\":\"20"),
        "RFC 3339 times: {}",
        team.body
    );
}
