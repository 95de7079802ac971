use ssp_testkit::TestApp;

#[tokio::test]
async fn the_browser_language_is_the_first_guess() {
    let app = TestApp::new().await;
    let c = app.client();
    c.set_accept_language("es-MX,es;q=0.9,en;q=0.5");
    let res = c.get("/sign-in").await;
    assert!(res.body.contains("<html lang=\"es\">"));
    assert!(res.body.contains("Iniciar sesión"));
    let en = app.client().get("/sign-in").await;
    assert!(en.body.contains("<html lang=\"en\">"));
    assert!(en.body.contains("Sign in to ssp"));
}

#[tokio::test]
async fn switching_language_is_remembered_in_a_cookie() {
    let app = TestApp::new().await;
    let c = app.client();
    c.get("/sign-in").await;
    let res = c
        .post_form("/language", &[("lang", "es"), ("return_to", "/sign-in")])
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), Some("/sign-in"));
    assert_eq!(c.cookie("ssp_lang").as_deref(), Some("es"));
    assert!(c.get("/sign-in").await.body.contains("Usuario o correo electrónico"));
}

#[tokio::test]
async fn a_signed_in_persons_choice_follows_them_to_a_new_device() {
    let app = TestApp::with_demo().await;
    let c = app.signed_in("demo.guardian").await;
    c.get("/").await;
    c.post_form("/language", &[("lang", "es"), ("return_to", "/")]).await;
    assert!(c.get("/").await.body.contains("Hola"));
    let phone = app.signed_in("demo.guardian").await; // no cookies, English browser
    let home = phone.get("/").await;
    assert!(home.body.contains("<html lang=\"es\">"), "remembered on the account");
    assert!(home.body.contains("Estos son los estudiantes vinculados a su cuenta"));
}

#[tokio::test]
async fn an_unsupported_language_is_refused_clearly() {
    let app = TestApp::new().await;
    let c = app.client();
    c.get("/sign-in").await;
    let res = c.post_form("/language", &[("lang", "tlh"), ("return_to", "/")]).await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("That language isn't available"), "{}", res.body);
    assert!(c.cookie("ssp_lang").is_none());
}

#[tokio::test]
async fn the_language_switch_never_redirects_off_site() {
    let app = TestApp::new().await;
    let c = app.client();
    c.get("/sign-in").await;
    let res = c
        .post_form("/language", &[("lang", "en"), ("return_to", "//evil.example/")])
        .await;
    assert_eq!(res.location(), Some("/"));
}
