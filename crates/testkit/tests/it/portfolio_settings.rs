//! The district's portfolio settings as a district administrator keeps them
//! — the best-work maximum and the district's own competencies — and what
//! students see of them; portfolio work attached to a goal's check-in; and
//! showcases and collections through the API.

use ssp_testkit::{TestApp, TestClient};
use uuid::Uuid;

async fn add_text(c: &TestClient, me: Uuid, title: &str, competencies: &[&str]) -> ssp_testkit::TestResponse {
    let token = c.get(&format!("/students/{me}/portfolio")).await.csrf().expect("token");
    let mut fields = vec![
        ("kind", "text"),
        ("title", title),
        ("domain", "academic"),
        ("school_year", "2027"),
        ("body", "work"),
    ];
    for k in competencies {
        fields.push(("competencies", k));
    }
    c.post_multipart(&format!("/students/{me}/portfolio?csrf={token}"), &fields, &[])
        .await
}

async fn artifact(app: &TestApp, title: &str) -> Uuid {
    app.query_id(&format!("SELECT id FROM artifacts WHERE title = '{title}'"), &[])
        .await
        .expect("stored")
}

#[tokio::test]
async fn the_district_sets_its_own_best_work_maximum() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    let page = admin.get("/admin/portfolio").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("ssp's default (5)"), "{}", page.text);
    let saved = admin
        .post_form("/admin/portfolio/best-work", &[("max_best_work", "2")])
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text);
    assert_eq!(app.count_audit("portfolio_settings_saved").await, 1);

    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    for t in ["One", "Two", "Three"] {
        assert_eq!(add_text(&student, me, t, &[]).await.status, 303);
    }
    let page = student.get(&format!("/students/{me}/portfolio")).await;
    assert!(page.text.contains("Up to 2 pieces of work"), "{}", page.text);
    for t in ["One", "Two"] {
        let id = artifact(&app, t).await;
        let r = student
            .post_form(
                &format!("/students/{me}/portfolio/{id}/flags"),
                &[("best_work", "true")],
            )
            .await;
        assert_eq!(r.status, 303);
    }
    let id = artifact(&app, "Three").await;
    let third = student
        .post_form(
            &format!("/students/{me}/portfolio/{id}/flags"),
            &[("best_work", "true")],
        )
        .await;
    assert_eq!(third.status, 409, "the district's 2, not ssp's 5");
}

#[tokio::test]
async fn a_bad_best_work_maximum_is_refused_and_changes_nothing() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    admin.get("/admin/portfolio").await;
    for (raw, says) in [("0", "from 1 to 50"), ("51", "from 1 to 50"), ("two", "whole number")] {
        let r = admin
            .post_form("/admin/portfolio/best-work", &[("max_best_work", raw)])
            .await;
        assert_eq!(r.status, 422, "{raw}");
        assert!(r.text.contains(says), "{raw}: {}", r.text);
        assert!(
            r.text.contains(&format!("value=\"{raw}\"")),
            "what was typed is shown again"
        );
    }
    assert_eq!(app.count_audit("portfolio_settings_saved").await, 0);
    let es = app.signed_in("demo.districtadmin").await;
    es.get("/admin/portfolio").await;
    es.post_form("/language", &[("lang", "es"), ("return_to", "/")]).await;
    let r = es
        .post_form("/admin/portfolio/best-work", &[("max_best_work", "0")])
        .await;
    assert!(r.text.contains("del 1 al 50"), "{}", r.text);
}

#[tokio::test]
async fn the_districts_own_competencies_are_offered_named_and_retired() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    admin.get("/admin/portfolio").await;
    let r = admin
        .post_form(
            "/admin/portfolio/competencies",
            &[("key", "shop_safety"), ("name", "Shop safety")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    let dup = admin
        .post_form(
            "/admin/portfolio/competencies",
            &[("key", "district:shop_safety"), ("name", "Again")],
        )
        .await;
    assert_eq!(dup.status, 422);
    assert!(
        dup.text.contains("already has a competency with this key"),
        "{}",
        dup.text
    );
    let bad = admin
        .post_form(
            "/admin/portfolio/competencies",
            &[("key", "Shop Safety!"), ("name", "")],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(app.count_audit("district_competency_changed").await, 1);

    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let form = student.get(&format!("/students/{me}/portfolio")).await;
    assert!(
        form.text.contains("value=\"district:shop_safety\"") && form.text.contains("Our district's competencies"),
        "the form offers it"
    );
    assert_eq!(
        add_text(&student, me, "Lathe project", &["district:shop_safety"])
            .await
            .status,
        303
    );
    let exp = student.get(&format!("/students/{me}/experiences")).await;
    assert!(
        exp.text.contains("value=\"district:shop_safety\""),
        "experiences offer it too"
    );

    let retired = admin
        .post_form("/admin/portfolio/competencies/district:shop_safety/retire", &[])
        .await;
    assert_eq!(retired.status, 303);
    let page = student.get(&format!("/students/{me}/portfolio")).await;
    assert!(
        !page.text.contains("value=\"district:shop_safety\""),
        "no longer offered"
    );
    assert!(
        page.text.contains("Shop safety"),
        "still named on the work tagged with it"
    );
    let refused = add_text(&student, me, "Another", &["district:shop_safety"]).await;
    assert_eq!(refused.status, 422);

    // Not for anyone but a district administrator.
    let counselor = app.signed_in("demo.counselor").await;
    counselor.get("/students").await;
    assert_eq!(counselor.get("/admin/portfolio").await.status, 404);
    assert_eq!(
        counselor
            .post_form("/admin/portfolio/competencies", &[("key", "x"), ("name", "X")])
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn portfolio_settings_through_the_api() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    let t = crate::academics::api_token(&admin).await;
    let put = admin
        .send_json("PUT", "/api/v1/portfolio/settings", r#"{"max_best_work":3}"#, Some(&t))
        .await;
    assert_eq!(put.status, 204, "{}", put.body);
    let bad = admin
        .send_json(
            "PUT",
            "/api/v1/portfolio/settings",
            r#"{"max_best_work":"lots"}"#,
            Some(&t),
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("invalid_number"), "{}", bad.body);
    let added = admin
        .post_json(
            "/api/v1/portfolio/competencies",
            r#"{"key":"welding","name":"Welding"}"#,
            Some(&t),
        )
        .await;
    assert_eq!(added.status, 201, "{}", added.body);
    assert!(added.body.contains("district:welding"));

    let student = app.signed_in("demo.student").await;
    let st = crate::academics::api_token(&student).await;
    let got: serde_json::Value =
        serde_json::from_str(&student.get_json("/api/v1/portfolio/settings").await.body).unwrap();
    assert_eq!(got["max_best_work"], 3);
    assert_eq!(got["competencies"][0]["key"], "district:welding");
    let denied = student
        .send_json("PUT", "/api/v1/portfolio/settings", r#"{"max_best_work":9}"#, Some(&st))
        .await;
    assert_eq!(denied.status, 404);
}

#[tokio::test]
async fn a_student_attaches_work_to_a_check_in_and_the_goal_shows_it() {
    let app = TestApp::with_living_demo().await;
    let me = app.person("demo.student").await;
    let goal = app
        .query_id(
            "SELECT id FROM goals WHERE student_id = $1 AND status = 'active' ORDER BY id LIMIT 1",
            &[me],
        )
        .await
        .expect("the demo student has an active goal");
    let student = app.signed_in("demo.student").await;
    assert_eq!(add_text(&student, me, "Quiz corrections", &[]).await.status, 303);
    let work = artifact(&app, "Quiz corrections").await;
    let page = student.get(&format!("/students/{me}/goals/{goal}")).await;
    assert!(
        page.text.contains("Evidence from my portfolio"),
        "the form offers the student's work"
    );
    let value = app
        .texts("SELECT measure_kind FROM goals WHERE id = $1", &[goal])
        .await
        .remove(0);
    let v = if value == "yes_no" { "yes" } else { "3" };
    let before = app
        .texts("SELECT note FROM goal_check_ins WHERE goal_id = $1", &[goal])
        .await
        .len();
    let work_s = work.to_string();
    let r = student
        .post_form(
            &format!("/students/{me}/goals/{goal}/check-ins"),
            &[
                ("on_date", ""),
                ("value", v),
                ("note", ""),
                ("reflection", "Better"),
                ("evidence", &work_s),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    let page = student.get(&format!("/students/{me}/goals/{goal}")).await;
    assert!(
        page.text.contains(&format!("/students/{me}/portfolio#a-{work}")) && page.text.contains("Quiz corrections"),
        "{}",
        page.text
    );
    // The family sees it on the goal too (the work is not private).
    let guardian = app.signed_in("demo.guardian").await;
    assert!(guardian
        .get(&format!("/students/{me}/goals/{goal}"))
        .await
        .text
        .contains("Quiz corrections"));

    // Another student's work, or staff attaching the student's work: refused, nothing saved.
    let other = app
        .query_id("SELECT person_id FROM students WHERE person_id <> $1 LIMIT 1", &[me])
        .await
        .unwrap();
    let foreign = Uuid::now_v7().to_string();
    let r = student
        .post_form(
            &format!("/students/{me}/goals/{goal}/check-ins"),
            &[("on_date", ""), ("value", v), ("evidence", &foreign)],
        )
        .await;
    assert_eq!(r.status, 400, "{other}");
    let counselor = app.signed_in("demo.counselor").await;
    let ct = crate::academics::api_token(&counselor).await;
    let body = format!(r#"{{"value":"{v}","evidence":["{work}"]}}"#);
    let r = counselor
        .post_json(
            &format!("/api/v1/students/{me}/goals/{goal}/check-ins"),
            &body,
            Some(&ct),
        )
        .await;
    assert_eq!(r.status, 403, "{}", r.body);
    let after = app
        .texts("SELECT note FROM goal_check_ins WHERE goal_id = $1", &[goal])
        .await
        .len();
    assert_eq!(after, before + 1, "only the good check-in was kept");
    let listed = student
        .get_json(&format!("/api/v1/students/{me}/goals/{goal}/check-ins"))
        .await;
    assert!(listed.body.contains(&work.to_string()), "{}", listed.body);
}

#[tokio::test]
async fn showcases_and_collections_through_the_api() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    assert_eq!(add_text(&student, me, "Essay", &[]).await.status, 303);
    assert_eq!(add_text(&student, me, "Poster", &[]).await.status, 303);
    let essay = artifact(&app, "Essay").await;
    let poster = artifact(&app, "Poster").await;
    let t = crate::academics::api_token(&student).await;

    let made = student
        .post_json(
            &format!("/api/v1/students/{me}/showcases"),
            &format!(r#"{{"title":"For my internship","items":["{essay}"],"days":"7"}}"#),
            Some(&t),
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let link: serde_json::Value = serde_json::from_str(&made.body).unwrap();
    let link = link["link"].as_str().unwrap().to_owned();
    let visitor = app.client();
    let shown = visitor.get(&link).await;
    assert!(shown.text.contains("Essay") && !shown.text.contains("Poster"));
    let list: serde_json::Value =
        serde_json::from_str(&student.get_json(&format!("/api/v1/students/{me}/showcases")).await.body).unwrap();
    assert_eq!(list[0]["state"], "live");
    assert_eq!(list[0]["views"], 1);
    let id = list[0]["id"].as_str().unwrap().to_owned();
    let revoked = student
        .send_json("DELETE", &format!("/api/v1/students/{me}/showcases/{id}"), "", Some(&t))
        .await;
    assert_eq!(revoked.status, 204);
    assert_ne!(visitor.get(&link).await.status, 200, "revoked at once");

    let made = student
        .post_json(
            &format!("/api/v1/students/{me}/collections"),
            r#"{"name":"Senior showcase"}"#,
            Some(&t),
        )
        .await;
    assert_eq!(made.status, 201);
    let cid: serde_json::Value = serde_json::from_str(&made.body).unwrap();
    let cid = cid["id"].as_str().unwrap().to_owned();
    let url = format!("/api/v1/students/{me}/collections/{cid}");
    for a in [essay, poster] {
        let r = student
            .post_json(&url, &format!(r#"{{"change":"add","artifact":"{a}"}}"#), Some(&t))
            .await;
        assert_eq!(r.status, 204, "{}", r.body);
    }
    let r = student
        .post_json(&url, &format!(r#"{{"change":"up","artifact":"{poster}"}}"#), Some(&t))
        .await;
    assert_eq!(r.status, 204);
    let again = student
        .post_json(&url, &format!(r#"{{"change":"add","artifact":"{poster}"}}"#), Some(&t))
        .await;
    assert_eq!(again.status, 409);
    let list: serde_json::Value = serde_json::from_str(
        &student
            .get_json(&format!("/api/v1/students/{me}/collections"))
            .await
            .body,
    )
    .unwrap();
    assert_eq!(list[0]["items"][0], poster.to_string());
    assert_eq!(list[0]["items"][1], essay.to_string());
    let counselor = app.signed_in("demo.counselor").await;
    let ct = crate::academics::api_token(&counselor).await;
    let r = counselor
        .post_json(
            &url,
            &format!(r#"{{"change":"down","artifact":"{poster}"}}"#),
            Some(&ct),
        )
        .await;
    assert_eq!(r.status, 403, "the student's own");
}

#[tokio::test]
async fn a_file_is_uploaded_through_the_api_and_bad_files_store_nothing() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let t = crate::academics::api_token(&student).await;
    let url = format!("/api/v1/students/{me}/portfolio/files?csrf={t}");
    let pdf = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
    let fields = [
        ("title", "Lab report"),
        ("domain", "academic"),
        ("school_year", "2027"),
        ("competencies", "p21:critical_thinking"),
    ];
    let ok = student
        .post_multipart(&url, &fields, &[("file", "lab.pdf", pdf.as_slice())])
        .await;
    assert_eq!(ok.status, 201, "{}", ok.text);
    let id: serde_json::Value = serde_json::from_str(&ok.text).unwrap();
    let id = id["id"].as_str().unwrap().to_owned();
    let file = student.get(&format!("/students/{me}/portfolio/{id}/file")).await;
    assert_eq!(file.bytes, pdf.to_vec());
    assert_eq!(file.header("content-type"), Some("application/pdf"));

    // A name that lies about the content, and an HTML file with a script.
    let lie = student
        .post_multipart(&url, &fields, &[("file", "photo.png", pdf.as_slice())])
        .await;
    assert_eq!(lie.status, 422);
    assert!(lie.text.contains("type_mismatch"), "{}", lie.text);
    let script = b"<html><body><script>alert(1)</script></body></html>";
    let active = student
        .post_multipart(&url, &fields, &[("file", "page.html", script.as_slice())])
        .await;
    assert_eq!(active.status, 422, "{}", active.text);
    let stored = app
        .texts("SELECT title FROM artifacts WHERE student_id = $1", &[me])
        .await;
    assert_eq!(stored, vec!["Lab report".to_owned()]);

    // Only the student uploads.
    let counselor = app.signed_in("demo.counselor").await;
    let ct = crate::academics::api_token(&counselor).await;
    let r = counselor
        .post_multipart(
            &format!("/api/v1/students/{me}/portfolio/files?csrf={ct}"),
            &fields,
            &[("file", "lab.pdf", pdf.as_slice())],
        )
        .await;
    assert_eq!(r.status, 403);
}
