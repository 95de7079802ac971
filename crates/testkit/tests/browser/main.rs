//! Real-browser journeys: headless Chromium, driven through chromedriver,
//! against the app served on a local port. Each test asserts what a person
//! sees. How the harness works, and when these tests are skipped (never
//! silently; never in CI), is in `ssp_testkit::browser`.
//!
//! Run: `cargo test -p ssp-testkit --test browser`. Failure screenshots are
//! written under `target/tmp/browser/` (or `$SSP_BROWSER_ARTIFACTS`).

use ssp_testkit::browser::{Browser, LiveServer, ARTIFACTS_ENV};
use ssp_testkit::TestApp;

/// A demo district served on a local port, and a browser pointed at it.
/// `None` (after printing why) when the browser is not installed.
async fn journey(test: &str) -> Option<(TestApp, LiveServer, Browser)> {
    // Check the browser first: a skipped test should not build a district.
    let browser = Browser::start(test).await?;
    let browser = if std::env::var_os(ARTIFACTS_ENV).is_some() {
        browser
    } else {
        browser.artifacts_in(std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser"))
    };
    let app = TestApp::with_demo().await;
    let server = LiveServer::start(&app).await;
    Some((app, server, browser))
}

/// Fills in the sign-in form and presses its button, as a person would,
/// then waits for the page that answers.
async fn sign_in(browser: &Browser, server: &LiveServer, login: &str, password: &str) {
    browser.goto(&server.url("/sign-in")).await;
    browser.find("#login").await.send_keys(login).await;
    browser.find("#password").await.send_keys(password).await;
    browser
        .find("form.stack button[type=submit]")
        .await
        .click_and_wait_for_page()
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_student_signs_in_and_sees_their_home_page() {
    let Some((_app, server, browser)) = journey("a_student_signs_in_and_sees_their_home_page").await else {
        return;
    };

    sign_in(&browser, &server, "demo.student", ssp_demo::DEMO_PASSWORD).await;

    // The showcase student goes by her preferred name.
    browser.wait_for_text("Hello, Cami").await;
    browser.wait_for_path("/").await;
    assert_eq!(browser.find("main h1").await.text().await, "Hello, Cami");
    assert!(browser.button("Sign out").await.is_displayed().await);
    assert!(!browser.has("#login").await, "no sign-in form once signed in");

    browser.button("Sign out").await.click_and_wait_for_page().await;

    browser.wait_for_text("You have signed out.").await;
    browser.wait_for_path("/sign-in?signed_out=1").await;
    assert_eq!(browser.find("main h1").await.text().await, "Sign in to ssp");
    assert!(browser.find("#login").await.is_displayed().await);
    assert!(
        !browser.has("form.sign-out").await,
        "no sign-out button once signed out"
    );

    // Signed out for real: the home page sends us back to sign in.
    browser.goto(&server.url("/")).await;
    browser.find("#login").await;
    assert!(!browser.text().await.contains("Hello, Cami"));

    browser.close().await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_family_switches_the_page_to_spanish() {
    let Some((_app, server, browser)) = journey("a_family_switches_the_page_to_spanish").await else {
        return;
    };

    sign_in(&browser, &server, "demo.guardian", ssp_demo::DEMO_PASSWORD).await;
    browser.wait_for_text("Hello, ").await;
    assert_eq!(browser.find("html").await.attr("lang").await.as_deref(), Some("en"));

    // The page's JavaScript hides the no-JS "Change language" button and
    // submits the form as soon as another language is chosen.
    // (Visually hidden: still 1 px, so WebDriver would call it "displayed".)
    let class = browser
        .find("form.lang-switch button[type=submit]")
        .await
        .attr("class")
        .await
        .unwrap_or_default();
    assert!(
        class.split_whitespace().any(|c| c == "visually-hidden"),
        "app.js should hide the language button when scripts run (class {class:?})"
    );
    browser.mark_page().await;
    browser.find("#lang-select").await.select_by_value("es").await;
    browser.wait_for_new_page().await;

    let text = browser.wait_for_text("Hola, ").await;
    assert!(
        text.contains("Cerrar sesión"),
        "the sign-out button is in Spanish:\n{text}"
    );
    assert!(!text.contains("Hello, "), "no English greeting left:\n{text}");
    assert_eq!(browser.find("html").await.attr("lang").await.as_deref(), Some("es"));
    assert_eq!(browser.find("#lang-select").await.value().await, "es");
    browser.wait_for_path("/").await;

    // The choice sticks: the next page is in Spanish too.
    browser.goto(&server.url("/")).await;
    browser.wait_for_text("Hola, ").await;
    assert_eq!(browser.find("html").await.attr("lang").await.as_deref(), Some("es"));

    browser.close().await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_shows_the_generic_message() {
    let Some((_app, server, browser)) = journey("a_wrong_password_shows_the_generic_message").await else {
        return;
    };
    const GENERIC: &str = "We couldn't sign you in. Check your username or email and your password, then try again.";

    sign_in(&browser, &server, "demo.student", "not-the-password").await;

    browser.wait_for_text(GENERIC).await;
    assert_eq!(browser.find("#sign-in-error").await.text().await, GENERIC);
    assert_eq!(browser.path().await, "/sign-in");
    assert!(!browser.has("form.sign-out").await, "not signed in");
    // The login name stays filled in; the password does not.
    assert_eq!(browser.find("#login").await.value().await, "demo.student");
    assert_eq!(browser.find("#password").await.value().await, "");
    assert_eq!(
        browser.find("#login").await.attr("aria-invalid").await.as_deref(),
        Some("true")
    );

    // A name with no account gets exactly the same words.
    browser.find("#login").await.fill("nobody.here").await;
    browser.find("#password").await.send_keys("not-the-password").await;
    browser
        .find("form.stack button[type=submit]")
        .await
        .click_and_wait_for_page()
        .await;
    assert_eq!(browser.find("#login").await.value().await, "nobody.here");
    assert_eq!(browser.find("#sign-in-error").await.text().await, GENERIC);

    browser.close().await;
    server.stop().await;
}
