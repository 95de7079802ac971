use ssp_testkit::TestApp;

#[tokio::test]
async fn not_found_is_a_friendly_page_with_a_request_id() {
    let app = TestApp::new().await;
    let res = app.client().get("/no/such/page").await;
    assert_eq!(res.status, 404);
    assert!(res.text.contains("That page doesn't exist"));
    let id = res.header("x-request-id").expect("request id header").to_owned();
    assert!(res.body.contains(&id), "the page shows the id to quote");
}

#[tokio::test]
async fn error_pages_speak_the_visitors_language() {
    let app = TestApp::new().await;
    let c = app.client();
    c.set_accept_language("es");
    let res = c.get("/nada").await;
    assert_eq!(res.status, 404);
    assert!(res.body.contains("Esa página no existe"));
}

#[tokio::test]
async fn an_oversized_body_is_refused() {
    let app = TestApp::new().await;
    let c = app.client();
    c.get("/sign-in").await;
    let huge = "x".repeat(200 * 1024);
    let res = c.post_form("/sign-in", &[("login", &huge), ("password", "x")]).await;
    assert_eq!(res.status, 413);
    assert!(res.body.contains("too large"));
}

#[tokio::test]
async fn a_malformed_form_gets_a_clear_page_not_a_crash() {
    let app = TestApp::new().await;
    let c = app.client();
    c.get("/sign-in").await;
    let res = c.post_form("/language", &[("return_to", "/")]).await; // no lang field
    assert!(res.status == 422 || res.status == 400, "{}", res.status);
    assert!(
        res.body.contains("The form was incomplete or malformed"),
        "{}",
        res.body
    );
}

#[tokio::test]
async fn wrong_method_is_a_clear_page() {
    let app = TestApp::new().await;
    let res = app.client().get("/sign-out").await;
    assert_eq!(res.status, 405);
    assert!(res.body.contains("That action isn"));
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::new().await;
    let c = app.client();
    for path in ["/sign-in", "/nope", "/static/app.css", "/healthz"] {
        let res = c.get(path).await;
        let csp = res
            .header("content-security-policy")
            .unwrap_or_else(|| panic!("CSP on {path}"));
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(csp.contains("script-src 'self'"));
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(res.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(res.header("referrer-policy"), Some("same-origin"));
        assert_eq!(res.header("x-frame-options"), Some("DENY"));
    }
}

#[tokio::test]
async fn pages_have_no_inline_script_and_no_third_party_urls() {
    let app = TestApp::with_demo().await;
    let c = app.signed_in("demo.districtadmin").await;
    for path in ["/", "/sign-in", "/missing"] {
        let body = c.get(path).await.body;
        assert!(!body.contains("<script>"), "inline script on {path}");
        assert!(!body.contains(" style="), "inline style on {path}");
        for attr in ["src=\"http", "href=\"http", "src=\"//", "href=\"//"] {
            assert!(!body.contains(attr), "third-party reference {attr} on {path}");
        }
    }
}

#[tokio::test]
async fn health_and_readiness() {
    let app = TestApp::new().await;
    let c = app.client();
    let h = c.get("/healthz").await;
    assert_eq!((h.status, h.body.as_str()), (200, "ok"));
    let r = c.get("/readyz").await;
    assert_eq!((r.status, r.body.as_str()), (200, "ready"));
}

#[tokio::test]
async fn readiness_fails_when_the_schema_is_behind() {
    let (db, _dir) = ssp_testkit::fresh_db().await; // not migrated
    let state = ssp_web::AppState::new(db, Default::default());
    let c = ssp_testkit::TestClient::new(ssp_web::app::router(state));
    assert_eq!(c.get("/readyz").await.status, 503);
    assert_eq!(c.get("/healthz").await.status, 200);
}

#[tokio::test]
async fn stylesheets_and_script_are_served_from_here() {
    let app = TestApp::new().await;
    let c = app.client();
    let css = c.get("/static/app.css").await;
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").unwrap().starts_with("text/css"));
    assert!(css.body.contains("@media"), "responsive rules present");
    assert!(c.get("/static/print.css").await.body.contains("display: none"));
    assert!(c
        .get("/static/app.js")
        .await
        .header("content-type")
        .unwrap()
        .contains("javascript"));
}

#[tokio::test]
async fn a_nul_character_is_refused_everywhere_on_both_engines_and_nothing_is_saved() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let csrf = c.get(&format!("/students/{camila}")).await.csrf().unwrap();
    let form = c
        .post_raw(
            &format!("/students/{camila}/reflections"),
            &format!("csrf={csrf}&prompt=next&body=a%00b"),
            Some(ssp_testkit::client_origin()),
        )
        .await;
    assert_eq!(form.status, 422, "{}", form.text);
    assert!(form.text.contains("a character that can't be saved"), "{}", form.text);
    assert_eq!(app.count_audit("reflection_created").await, 0);

    let session = c.get_json("/api/v1/session").await.body;
    let token: serde_json::Value = serde_json::from_str(&session).unwrap();
    let token = token["csrf_token"].as_str().unwrap().to_owned();
    let body = r#"{"domain":"academic","statement":"Read\u0000 more","measure_kind":"count","baseline":"0","target":"20","due_date":"2027-05-01","cadence":"weekly"}"#;
    let res = c
        .post_json(&format!("/api/v1/students/{camila}/goals"), body, Some(&token))
        .await;
    assert_eq!(res.status, 422, "{}", res.body);
    assert!(res.body.contains("\"error\":\"text_has_nul\""), "{}", res.body);
    assert_eq!(app.count_audit("goal_created").await, 0);

    let pm = app.signed_in("demo.counselor").await;
    let res = pm.get("/students?q=Rey%00es").await;
    assert_eq!(res.status, 422, "a search too, not a 500 on PostgreSQL");
}

#[tokio::test]
async fn refused_actions_on_a_students_record_and_refused_admin_pages_are_audited() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let pm = app.signed_in("demo.counselor").await;
    pm.get(&format!("/students/{camila}")).await;
    let before = app.count_audit("access_denied").await;
    // Reflections are the student's own words: a 403 for her counselor.
    let r = pm
        .post_form(
            &format!("/students/{camila}/reflections"),
            &[("prompt", "next"), ("body", "x")],
        )
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(app.count_audit("access_denied").await, before + 1, "the 403 is audited");
    for page in ["/admin/audit", "/admin/roster", "/admin/plan-settings"] {
        assert_eq!(pm.get(page).await.status, 404);
    }
    assert_eq!(
        app.count_audit("access_denied").await,
        before + 4,
        "so are refused admin pages"
    );
    let rows = app.audit_actions(4).await;
    assert!(rows.iter().all(|r| r.action == "access_denied"), "{rows:?}");
    // An ordinary missing page is not a refusal.
    assert_eq!(pm.get("/no-such-page").await.status, 404);
    assert_eq!(app.count_audit("access_denied").await, before + 4);
}
