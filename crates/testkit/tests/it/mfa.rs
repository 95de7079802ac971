//! Two-factor sign-in for staff with district- or school-wide roles: the
//! district setting, enrolment (QR code as inline SVG and the otpauth URI as
//! text), sign-in with a code, a wrong code, a replayed code, recovery
//! codes used once, too many wrong codes, and who is asked.

use ssp_app::accounts::mfa::code_at;
use ssp_app::Clock as _;
use ssp_testkit::{TestApp, TestClient};
use time::Duration;

const PW: &str = ssp_demo::DEMO_PASSWORD;

async fn require_two_factor(app: &TestApp) {
    let admin = app.signed_in("demo.districtadmin").await;
    admin.get("/admin/plan-settings").await;
    let res = admin
        .post_form(
            "/admin/sign-in-settings",
            &[("require_staff_mfa", "yes"), ("invitation_days", "14")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
}

/// The base32 secret shown on the enrolment page.
fn secret_on(page: &str) -> String {
    let marker = "<code class=\"secret\">";
    let start = page.find(marker).expect("secret shown") + marker.len();
    page[start..start + 32].to_owned()
}

/// Signs in with the password and enrols; returns the client, the secret
/// and the recovery codes.
async fn enrolled(app: &TestApp, who: &str) -> (TestClient, String, Vec<String>) {
    let c = app.client();
    let res = c.sign_in(who, PW).await;
    assert_eq!(res.location(), Some("/sign-in/enrol"), "{who}: {}", res.text);
    let page = c.get("/sign-in/enrol").await;
    let secret = secret_on(&page.body);
    let code = code_at(&secret, app.clock.now()).unwrap();
    let done = c.post_form("/sign-in/enrol", &[("code", &code)]).await;
    assert_eq!(done.status, 200, "{}", done.text);
    let codes: Vec<String> = done
        .body
        .split("<li><code>")
        .skip(1)
        .map(|s| s.split('<').next().unwrap().to_owned())
        .collect();
    assert_eq!(codes.len(), 10);
    (c, secret, codes)
}

#[tokio::test]
async fn a_required_enrolment_shows_a_qr_code_and_the_uri_then_signs_in() {
    let app = TestApp::with_demo().await;
    require_two_factor(&app).await;
    let c = app.client();
    let res = c.sign_in("demo.counselor", PW).await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), Some("/sign-in/enrol"));
    assert_eq!(
        c.get("/").await.location(),
        Some("/sign-in"),
        "no session before the second step"
    );
    let page = c.get("/sign-in/enrol").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<svg"), "the QR code is inline SVG");
    assert!(!page.body.contains("src=\"http"), "no third-party request");
    assert!(
        page.text.contains("otpauth://totp/ssp:demo.counselor?secret="),
        "the URI as text"
    );
    let secret = secret_on(&page.body);

    let wrong = c.post_form("/sign-in/enrol", &[("code", "000000")]).await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.text.contains("That code is not right"));
    let code = code_at(&secret, app.clock.now()).unwrap();
    let done = c.post_form("/sign-in/enrol", &[("code", &code)]).await;
    assert_eq!(done.status, 200);
    assert!(done.text.contains("recovery codes"), "{}", done.text);
    assert_eq!(c.get("/").await.status, 200, "signed in");
    assert_eq!(app.count_audit("mfa_enrolled").await, 1);
}

#[tokio::test]
async fn an_enrolled_counselor_signs_in_with_a_code_and_a_wrong_or_replayed_code_is_refused() {
    let app = TestApp::with_demo().await;
    require_two_factor(&app).await;
    let (_, secret, _) = enrolled(&app, "demo.counselor").await;
    let used = code_at(&secret, app.clock.now()).unwrap();

    let c = app.client();
    assert_eq!(c.sign_in("demo.counselor", PW).await.location(), Some("/sign-in/code"));
    let wrong = c.post_form("/sign-in/code", &[("code", "123456")]).await;
    assert_eq!(wrong.status, 401);
    assert!(wrong.text.contains("That code is not right"));
    // The code used at enrolment cannot be used again (same time step).
    assert_eq!(c.post_form("/sign-in/code", &[("code", &used)]).await.status, 401);
    assert_eq!(c.get("/").await.location(), Some("/sign-in"));
    // The next step's code gets in.
    app.clock.advance(Duration::seconds(30));
    let fresh = code_at(&secret, app.clock.now()).unwrap();
    let ok = c.post_form("/sign-in/code", &[("code", &fresh)]).await;
    assert_eq!(ok.status, 303, "{}", ok.text);
    assert_eq!(c.get("/").await.status, 200);
    assert!(app.count_audit("mfa_failed").await >= 2);
}

#[tokio::test]
async fn a_recovery_code_signs_in_once() {
    let app = TestApp::with_demo().await;
    require_two_factor(&app).await;
    let (_, _, codes) = enrolled(&app, "demo.schooladmin").await;
    let c = app.client();
    assert_eq!(
        c.sign_in("demo.schooladmin", PW).await.location(),
        Some("/sign-in/code")
    );
    let typed = codes[3].to_lowercase().replace('-', " ");
    assert_eq!(c.post_form("/sign-in/code", &[("code", &typed)]).await.status, 303);
    assert_eq!(app.count_audit("mfa_recovery_code_used").await, 1);
    // The same code a second time is refused.
    let again = app.client();
    again.sign_in("demo.schooladmin", PW).await;
    assert_eq!(
        again.post_form("/sign-in/code", &[("code", &codes[3])]).await.status,
        401
    );
    assert_eq!(again.get("/").await.location(), Some("/sign-in"));
    let page = c.get("/account/two-factor").await;
    assert!(page.text.contains("9 unused recovery codes"), "{}", page.text);
}

#[tokio::test]
async fn five_wrong_codes_start_the_sign_in_over() {
    let app = TestApp::with_demo().await;
    require_two_factor(&app).await;
    enrolled(&app, "demo.counselor").await;
    let c = app.client();
    c.sign_in("demo.counselor", PW).await;
    for _ in 0..4 {
        assert_eq!(c.post_form("/sign-in/code", &[("code", "111111")]).await.status, 401);
    }
    let last = c.post_form("/sign-in/code", &[("code", "111111")]).await;
    assert_eq!(last.location(), Some("/sign-in?done=mfa-restart"));
    assert_eq!(
        c.get("/sign-in/code").await.location(),
        Some("/sign-in?done=mfa-restart")
    );
}

#[tokio::test]
async fn only_district_admins_school_admins_and_counselors_are_asked() {
    let app = TestApp::with_demo().await;
    // Off by default: a counselor signs straight in.
    assert_eq!(app.client().sign_in("demo.counselor", PW).await.location(), Some("/"));
    require_two_factor(&app).await;
    for (who, asked) in [
        ("demo.districtadmin", true),
        ("demo.schooladmin", true),
        ("demo.counselor", true),
        ("demo.teacher", false),
        ("demo.nurse", false),
        ("demo.guardian", false),
        ("demo.student", false),
    ] {
        let to = app.client().sign_in(who, PW).await;
        let expected = if asked { "/sign-in/enrol" } else { "/" };
        assert_eq!(to.location(), Some(expected), "{who}");
    }
}

#[tokio::test]
async fn anyone_may_turn_on_two_factor_from_the_account_page() {
    let app = TestApp::with_demo().await;
    let c = app.signed_in("demo.guardian").await;
    let page = c.get("/account/two-factor").await;
    assert_eq!(page.status, 200);
    let secret = secret_on(&page.body);
    let code = code_at(&secret, app.clock.now()).unwrap();
    let done = c
        .post_form("/account/two-factor", &[("secret", &secret), ("code", &code)])
        .await;
    assert_eq!(done.status, 200, "{}", done.text);
    // From now on the password alone is not enough.
    assert_eq!(
        app.client().sign_in("demo.guardian", PW).await.location(),
        Some("/sign-in/code")
    );
}

#[tokio::test]
async fn only_a_district_administrator_changes_the_sign_in_settings() {
    let app = TestApp::with_demo().await;
    let counselor = app.signed_in("demo.counselor").await;
    counselor.get("/").await;
    let res = counselor
        .post_form(
            "/admin/sign-in-settings",
            &[("require_staff_mfa", "yes"), ("invitation_days", "14")],
        )
        .await;
    assert_eq!(res.status, 404);
    let admin = app.signed_in("demo.districtadmin").await;
    admin.get("/admin/plan-settings").await;
    let bad = admin
        .post_form("/admin/sign-in-settings", &[("invitation_days", "500")])
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text.contains("from 1 to 90"));
    assert_eq!(app.count_audit("settings_changed").await, 0);
}
