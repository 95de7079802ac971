use ssp_testkit::TestApp;

const PW: &str = ssp_demo::DEMO_PASSWORD;

#[tokio::test]
async fn a_form_without_the_token_is_refused_and_changes_nothing() {
    let app = TestApp::with_demo().await;
    let c = app.signed_in("demo.student").await;
    let res = c.post_raw("/sign-out", "", Some(ssp_testkit::client_origin())).await;
    assert_eq!(res.status, 403);
    assert!(
        res.body.contains("This form has expired or came from another site"),
        "{}",
        res.body
    );
    assert_eq!(c.get("/").await.status, 200, "still signed in");
}

#[tokio::test]
async fn a_forged_token_is_refused() {
    let app = TestApp::with_demo().await;
    let c = app.signed_in("demo.student").await;
    let forged = "csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    assert_eq!(
        c.post_raw("/sign-out", forged, Some(ssp_testkit::client_origin()))
            .await
            .status,
        403
    );
    assert_eq!(c.get("/").await.status, 200, "still signed in");
}

#[tokio::test]
async fn another_sites_origin_is_refused_even_with_the_token() {
    let app = TestApp::with_demo().await;
    let c = app.signed_in("demo.student").await;
    let token = c.get("/").await.csrf().expect("page has a token");
    let body = format!("csrf={token}");
    assert_eq!(
        c.post_raw("/sign-out", &body, Some("https://evil.example"))
            .await
            .status,
        403
    );
    assert_eq!(
        c.post_raw("/sign-out", &body, None).await.status,
        403,
        "no Origin, no Referer"
    );
    assert_eq!(c.get("/").await.status, 200, "still signed in");
    assert_eq!(
        c.post_raw("/sign-out", &body, Some(ssp_testkit::client_origin()))
            .await
            .status,
        303
    );
}

#[tokio::test]
async fn sign_in_form_needs_the_pre_session_token() {
    let app = TestApp::with_demo().await;
    let c = app.client();
    c.get("/sign-in").await;
    let body = format!("login=demo.student&password={}", PW.replace(' ', "+"));
    let res = c.post_raw("/sign-in", &body, Some(ssp_testkit::client_origin())).await;
    assert_eq!(res.status, 403);
    assert!(c.cookie("ssp_session").is_none());
    let rows = ssp_db::repo::audit::recent(&app.db, 10).await.unwrap();
    assert!(rows.iter().all(|r| r.action != "sign_in"), "nothing happened");
}

#[tokio::test]
async fn the_session_token_of_one_person_does_not_work_for_another() {
    let app = TestApp::with_demo().await;
    let a = app.signed_in("demo.student").await;
    let b = app.signed_in("demo.guardian").await;
    let a_token = a.get("/").await.csrf().unwrap();
    b.get("/").await;
    let res = b
        .post_raw(
            "/sign-out",
            &format!("csrf={a_token}"),
            Some(ssp_testkit::client_origin()),
        )
        .await;
    assert_eq!(res.status, 403);
}
