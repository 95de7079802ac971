//! Passwords: reset by email (the same answer for known and unknown
//! addresses, one-hour single-use links, other sessions end, a locked
//! account gets back in), the per-address sign-in limit, the strength rule,
//! and changing one's own password.

use ssp_db::repo::outbox;
use ssp_testkit::smtp::SmtpServer;
use ssp_testkit::{TestApp, TestClient};
use time::Duration;

use super::mail::{app_mailing_to, link_in};

const PW: &str = ssp_demo::DEMO_PASSWORD;
const NEW: &str = "copper meadow violin 31";
const ADMIN_EMAIL: &str = "admin@harbor.example";

/// demo.districtadmin with a known email address.
async fn admin_with_email(app: &TestApp) -> uuid::Uuid {
    let p = app.person("demo.districtadmin").await;
    app.execute(
        &format!("UPDATE accounts SET email = '{ADMIN_EMAIL}' WHERE person_id = $1"),
        &[p],
    )
    .await;
    p
}

async fn ask_reset(c: &TestClient, login: &str) -> ssp_testkit::TestResponse {
    c.get("/password/forgot").await;
    c.post_form("/password/forgot", &[("login", login)]).await
}

fn notice(text: &str) -> String {
    let start = text.find("If an account matches").expect("the answer");
    text[start..start + 120].to_owned()
}

#[tokio::test]
async fn a_reset_request_answers_the_same_for_known_and_unknown_accounts() {
    let Some(server) = SmtpServer::start("reset::same_answer") else {
        return;
    };
    let app = app_mailing_to(&server).await;
    admin_with_email(&app).await;
    let c = app.client();
    let unknown = ask_reset(&c, "nobody@nowhere.example").await;
    let known = ask_reset(&c, ADMIN_EMAIL).await;
    let by_name = ask_reset(&c, "demo.districtadmin").await;
    assert_eq!((unknown.status, known.status, by_name.status), (200, 200, 200));
    assert_eq!(notice(&unknown.text), notice(&known.text));
    assert_eq!(notice(&unknown.text), notice(&by_name.text));
    ssp_web::mail_jobs::tick_once(&app.state).await;
    let got = server.messages();
    assert_eq!(got.len(), 2, "only the real account gets mail: {got:?}");
    assert!(got.iter().all(|m| m.to.contains(ADMIN_EMAIL)));
    assert_eq!(got[0].subject, "Reset your ssp password");
}

#[tokio::test]
async fn a_reset_link_sets_the_password_once_and_ends_every_session() {
    let Some(server) = SmtpServer::start("reset::sessions") else {
        return;
    };
    let app = app_mailing_to(&server).await;
    let admin = admin_with_email(&app).await;
    let elsewhere = app.signed_in("demo.districtadmin").await;
    assert_eq!(elsewhere.get("/").await.status, 200);

    ask_reset(&app.client(), ADMIN_EMAIL).await;
    ssp_web::mail_jobs::tick_once(&app.state).await;
    let path = link_in(&server.messages()[0].body, "/password/reset/");
    let c = app.client();
    assert_eq!(c.get(&path).await.status, 200);
    let weak = c
        .post_form(&path, &[("new", "aaaaaaaaaaaa"), ("confirm", "aaaaaaaaaaaa")])
        .await;
    assert_eq!(weak.status, 422);
    assert!(weak.text.contains("too easy to guess"), "{}", weak.text);
    assert_eq!(app.count_audit("password_reset").await, 0, "nothing changed");
    assert_eq!(
        elsewhere.get("/").await.status,
        200,
        "still signed in after a refused try"
    );

    let done = c.post_form(&path, &[("new", NEW), ("confirm", NEW)]).await;
    assert_eq!(done.status, 303, "{}", done.text);
    // The other session ended; the old password no longer works.
    assert_eq!(elsewhere.get("/").await.location(), Some("/sign-in"));
    let sessions = app
        .texts(
            "SELECT CAST(COUNT(*) AS TEXT) FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.person_id = $1",
            &[admin],
        )
        .await;
    assert_eq!(sessions, vec!["0"]);
    assert_eq!(app.client().sign_in("demo.districtadmin", PW).await.status, 401);
    assert_eq!(app.client().sign_in("demo.districtadmin", NEW).await.status, 303);
    // Used: the link now says so.
    let again = app.client().get(&path).await;
    assert_eq!(again.status, 410);
    assert!(again.text.contains("already been used"));
}

#[tokio::test]
async fn a_reset_link_expires_after_an_hour_and_a_forged_one_is_refused() {
    let Some(server) = SmtpServer::start("reset::expiry") else {
        return;
    };
    let app = app_mailing_to(&server).await;
    admin_with_email(&app).await;
    ask_reset(&app.client(), "demo.districtadmin").await;
    ssp_web::mail_jobs::tick_once(&app.state).await;
    let path = link_in(&server.messages()[0].body, "/password/reset/");
    app.clock.advance(Duration::minutes(61));
    let c = app.client();
    let page = c.get(&path).await;
    assert_eq!(page.status, 410);
    assert!(page.text.contains("has expired"));
    let forged = c.get(&format!("/password/reset/{}", "x".repeat(43))).await;
    assert_eq!(forged.status, 410);
    assert!(forged.text.contains("is not valid"));
}

#[tokio::test]
async fn a_locked_out_administrator_gets_back_in_through_a_reset_link() {
    let Some(server) = SmtpServer::start("reset::locked") else {
        return;
    };
    let app = app_mailing_to(&server).await;
    admin_with_email(&app).await;
    let attacker = app.client();
    attacker.set_address("203.0.113.9:5000");
    for _ in 0..5 {
        attacker.sign_in("demo.districtadmin", "wrong guess").await;
    }
    assert_eq!(
        app.client().sign_in("demo.districtadmin", PW).await.status,
        429,
        "locked"
    );
    ask_reset(&app.client(), ADMIN_EMAIL).await;
    ssp_web::mail_jobs::tick_once(&app.state).await;
    let path = link_in(&server.messages()[0].body, "/password/reset/");
    let c = app.client();
    c.get(&path).await;
    assert_eq!(c.post_form(&path, &[("new", NEW), ("confirm", NEW)]).await.status, 303);
    assert_eq!(app.client().sign_in("demo.districtadmin", NEW).await.status, 303);
}

#[tokio::test]
async fn reset_requests_are_rate_limited_per_address_without_saying_anything_about_accounts() {
    let Some(server) = SmtpServer::start("reset::rate") else {
        return;
    };
    let app = app_mailing_to(&server).await;
    admin_with_email(&app).await;
    let c = app.client();
    c.set_address("198.51.100.7:1000");
    for i in 0..10 {
        assert_eq!(ask_reset(&c, &format!("someone{i}@nowhere.example")).await.status, 200);
    }
    let limited = ask_reset(&c, ADMIN_EMAIL).await;
    assert_eq!(limited.status, 429);
    assert!(limited.text.contains("Too many reset requests"));
    // The account itself gets at most three links an hour.
    let other = app.client();
    for _ in 0..5 {
        ask_reset(&other, ADMIN_EMAIL).await;
    }
    ssp_web::mail_jobs::tick_once(&app.state).await;
    assert_eq!(outbox::all(&app.db).await.unwrap().len(), 3);
    assert_eq!(server.messages().len(), 3);
}

#[tokio::test]
async fn one_address_trying_many_names_is_stopped_but_others_are_not() {
    let app = TestApp::with_demo().await;
    let guesser = app.client();
    guesser.set_address("192.0.2.50:4000");
    // Thirty names, one wrong try each: no name reaches its own limit.
    for i in 0..30 {
        let res = guesser.sign_in(&format!("user{i}"), "Summer2026!").await;
        assert_eq!(res.status, if i < 29 { 401 } else { 429 }, "try {i}");
    }
    // The address is paused, even for a real account with its password…
    assert_eq!(guesser.sign_in("demo.counselor", PW).await.status, 429);
    // …while the same account from another address signs in.
    let other = app.client();
    other.set_address("192.0.2.51:4000");
    assert_eq!(other.sign_in("demo.counselor", PW).await.status, 303);
    app.clock.advance(Duration::minutes(16));
    assert_eq!(
        guesser.sign_in("demo.counselor", PW).await.status,
        303,
        "the pause ends"
    );
}

#[tokio::test]
async fn changing_ones_own_password_needs_the_current_one_and_ends_other_sessions() {
    let app = TestApp::with_demo().await;
    let phone = app.signed_in("demo.guardian").await;
    let laptop = app.signed_in("demo.guardian").await;
    laptop.get("/account/password").await;
    let change = |current: &'static str, new: &'static str| {
        let laptop = &laptop;
        async move {
            laptop.get("/account/password").await;
            laptop
                .post_form(
                    "/account/password",
                    &[("current", current), ("new", new), ("confirm", new)],
                )
                .await
        }
    };
    let wrong = change("not my password", NEW).await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.text.contains("current password is not right"));
    let weak = change(PW, "password1234").await;
    assert_eq!(weak.status, 422);
    assert!(weak.text.contains("most common"));
    assert_eq!(phone.get("/").await.status, 200, "refused changes end nothing");
    assert_eq!(app.count_audit("password_changed").await, 0);

    let ok = change(PW, NEW).await;
    assert_eq!(ok.status, 303, "{}", ok.text);
    assert!(laptop
        .get("/account/password?done=1")
        .await
        .text
        .contains("Your password is changed"));
    assert_eq!(
        phone.get("/").await.location(),
        Some("/sign-in"),
        "the other session ended"
    );
    assert_eq!(app.client().sign_in("demo.guardian", NEW).await.status, 303);
    // Signed out, the page asks to sign in.
    assert_eq!(app.client().get("/account/password").await.location(), Some("/sign-in"));
}

#[tokio::test]
async fn the_console_refuses_a_weak_password_for_a_district_administrator() {
    let app = TestApp::new().await;
    for (pw, detail) in [("aaaaaaaaaaaa", "too easy"), ("password1234", "common")] {
        let input = ssp_cli::commands::admin::NewUser {
            username: "ada.admin".into(),
            given_name: "Ada".into(),
            family_name: "Admin".into(),
            email: None,
            district: Some("Harbor City".into()),
            password: pw.into(),
        };
        let err = ssp_cli::commands::admin::create_user(&app.db, &input, time::OffsetDateTime::now_utc())
            .await
            .unwrap_err();
        assert!(err.to_string().contains(detail), "{pw}: {err}");
    }
    assert_eq!(
        ssp_db::repo::accounts::count(&app.db).await.unwrap(),
        0,
        "nothing created"
    );
}
