//! Real-browser journeys: headless Chromium, driven through chromedriver,
//! against the app served on a local port. Each test asserts what a person
//! sees. How the harness works, and when these tests are skipped (never
//! silently; never in CI), is in `ssp_testkit::browser`.
//!
//! Run: `cargo test -p ssp-testkit --test browser`. Failure screenshots are
//! written under `target/tmp/browser/` (or `$SSP_BROWSER_ARTIFACTS`).

mod a11y;
mod uploads;

use ssp_testkit::browser::{Browser, LiveServer, ARTIFACTS_ENV};
use ssp_testkit::TestApp;

/// A demo district served on a local port, and a browser pointed at it.
/// `None` (after printing why) when the browser is not installed.
async fn journey(test: &str) -> Option<(TestApp, LiveServer, Browser)> {
    journey_in(test, false).await
}

/// The same, on the demo as `serve --demo` fills it (`living`) or with
/// empty plans.
async fn journey_in(test: &str, living: bool) -> Option<(TestApp, LiveServer, Browser)> {
    // Check the browser first: a skipped test should not build a district.
    let browser = Browser::start(test).await?;
    let browser = if std::env::var_os(ARTIFACTS_ENV).is_some() {
        browser
    } else {
        browser.artifacts_in(std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser"))
    };
    let app = if living {
        TestApp::with_living_demo().await
    } else {
        TestApp::with_demo().await
    };
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_students_goal_and_check_in_reach_the_counselors_caseload() {
    let test = "a_students_goal_and_check_in_reach_the_counselors_caseload";
    let Some((app, server, student)) = journey(test).await else {
        return;
    };
    let camila = app.person("demo.student").await;

    // The student opens her plan and adds a goal.
    sign_in(&student, &server, "demo.student", ssp_demo::DEMO_PASSWORD).await;
    student.link("Open the plan").await.click_and_wait_for_page().await;
    student.wait_for_text("This plan is not up to date yet").await;
    student.link("Add a goal").await.click_and_wait_for_page().await;
    student.find("#goal-domain").await.select_by_value("academic").await;
    student
        .find("#goal-statement")
        .await
        .send_keys("Raise my math grade to a B")
        .await;
    student
        .find("#goal-why_it_matters")
        .await
        .send_keys("I want to take physics next year")
        .await;
    student
        .find("#goal-measure_kind")
        .await
        .select_by_value("percent")
        .await;
    student.find("#goal-baseline").await.send_keys("71").await;
    student.find("#goal-target").await.send_keys("85").await;
    student.find("#goal-due_date").await.send_keys("06152027").await;
    student.button("Save goal").await.click_and_wait_for_page().await;
    student.wait_for_text("Raise my math grade to a B").await;
    assert!(student.text().await.contains("Active"));

    // A first try with a value that is not a percentage is refused next to the form.
    student.find("#ci-value").await.send_keys("abc").await;
    student.button("Save check-in").await.click_and_wait_for_page().await;
    student.wait_for_text("That value doesn't fit this goal").await;
    // Then a real check-in.
    student.find("#ci-value").await.fill("78").await;
    student
        .find("#ci-reflection")
        .await
        .send_keys("Quizzes went better")
        .await;
    student.button("Save check-in").await.click_and_wait_for_page().await;
    student.wait_for_text("50% of the way").await;
    assert!(student.has("svg.chart polyline").await, "the chart shows the check-in");

    // The counselor (her plan manager) sees her on the caseload, not up to
    // date, and the goal with its check-in on her plan.
    let Some(counselor) = Browser::start(test).await else {
        return;
    };
    sign_in(&counselor, &server, "demo.counselor", ssp_demo::DEMO_PASSWORD).await;
    counselor
        .goto(&server.url("/students?grade=10&status=not_up_to_date"))
        .await;
    let row = counselor
        .find_xpath(&format!("//tr[td/a[@href='/students/{camila}']]"))
        .await
        .text()
        .await;
    assert!(row.contains("Reyes"), "{row}");
    assert!(row.contains("Not up to date"), "{row}");
    counselor
        .goto(&server.url("/students?grade=10&status=up_to_date"))
        .await;
    assert!(
        !counselor.has(&format!("a[href='/students/{camila}']")).await,
        "not listed as up to date"
    );
    counselor.goto(&server.url(&format!("/students/{camila}"))).await;
    counselor.wait_for_text("Raise my math grade to a B").await;
    let text = counselor.text().await;
    assert!(
        text.contains("There is no active or met goal in Career"),
        "the reasons are shown"
    );
    counselor
        .link("Raise my math grade to a B")
        .await
        .click_and_wait_for_page()
        .await;
    counselor.wait_for_text("Quizzes went better").await;
}
