use ssp_db::repo::{audit, sessions};
use ssp_domain::AccountId;
use ssp_testkit::TestApp;
use time::Duration;

const PW: &str = ssp_demo::DEMO_PASSWORD;

#[tokio::test]
async fn signing_in_with_username_opens_the_home_page() {
    let app = TestApp::with_demo().await;
    let c = app.client();
    let res = c.sign_in("demo.student", PW).await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), Some("/"));
    let home = c.get("/").await;
    assert_eq!(home.status, 200);
    assert!(home.body.contains("Student Success Plan"), "{}", home.body);
    assert!(home.body.contains("Sign out"));
}

#[tokio::test]
async fn signing_in_with_email_works_and_ignores_case() {
    let app = TestApp::with_demo().await;
    let email: String = match &app.db {
        ssp_db::Db::Sqlite(s) => sqlx::query_scalar("SELECT email FROM accounts WHERE username = 'demo.counselor'")
            .fetch_one(&s.readers)
            .await
            .unwrap(),
        ssp_db::Db::Postgres(p) => sqlx::query_scalar("SELECT email FROM accounts WHERE username = 'demo.counselor'")
            .fetch_one(p)
            .await
            .unwrap(),
    };
    let c = app.client();
    let res = c.sign_in(&format!("  {}  ", email.to_uppercase()), PW).await;
    assert_eq!(res.status, 303, "{}", res.body);
}

#[tokio::test]
async fn wrong_password_and_unknown_user_get_the_same_generic_message() {
    let app = TestApp::with_demo().await;
    let c = app.client();
    let wrong = c.sign_in("demo.student", "not the password").await;
    let unknown = c.sign_in("nobody.at.all", "not the password").await;
    for res in [&wrong, &unknown] {
        assert_eq!(res.status, 401);
        assert!(res.text.contains("We couldn't sign you in"), "{}", res.body);
        assert!(c.cookie("ssp_session").is_none(), "no session is created");
    }
    let strip = |b: &str| b.replace("demo.student", "X").replace("nobody.at.all", "X");
    let csrf_free = |b: String| {
        b.lines()
            .filter(|l| !l.contains("name=\"csrf\""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        csrf_free(strip(&wrong.body)),
        csrf_free(strip(&unknown.body)),
        "the pages do not tell the cases apart"
    );
}

#[tokio::test]
async fn empty_fields_are_refused_with_a_message() {
    let app = TestApp::with_demo().await;
    let c = app.client();
    let res = c.sign_in("", "").await;
    assert_eq!(res.status, 422);
    assert!(res.body.contains("Enter your username or email and your password"));
    let long = "x".repeat(300);
    let res = c.sign_in(&long, "pw").await;
    assert_eq!(res.status, 422);
    assert!(res.body.contains("too long"));
}

#[tokio::test]
async fn five_failures_lock_the_login_even_for_the_right_password() {
    let app = TestApp::with_demo().await;
    let c = app.client();
    for _ in 0..4 {
        assert_eq!(c.sign_in("demo.teacher", "wrong password").await.status, 401);
    }
    let fifth = c.sign_in("demo.teacher", "wrong password").await;
    assert_eq!(fifth.status, 429);
    assert!(fifth.body.contains("Too many failed sign-ins"), "{}", fifth.body);
    assert!(fifth.header("retry-after").is_some());
    let right = c.sign_in("demo.teacher", PW).await;
    assert_eq!(right.status, 429, "locked even with the right password");
    // Other people are not affected.
    assert_eq!(app.client().sign_in("demo.student", PW).await.status, 303);
    app.clock.advance(Duration::minutes(16));
    assert_eq!(c.sign_in("demo.teacher", PW).await.status, 303, "the lock expires");
}

#[tokio::test]
async fn unknown_logins_are_locked_too_so_lockout_reveals_nothing() {
    let app = TestApp::with_demo().await;
    let c = app.client();
    let mut last = 0;
    for _ in 0..5 {
        last = c.sign_in("ghost.user", "whatever").await.status;
    }
    assert_eq!(last, 429);
}

#[tokio::test]
async fn signing_in_rotates_the_session_id() {
    let app = TestApp::with_demo().await;
    let c = app.client();
    c.sign_in("demo.student", PW).await;
    let first = c.cookie("ssp_session").expect("session cookie");
    c.get("/").await; // a page with the signed-in form token
    let again = c
        .post_form("/sign-in", &[("login", "demo.student"), ("password", PW)])
        .await;
    assert_eq!(again.status, 303);
    let second = c.cookie("ssp_session").expect("session cookie");
    assert_ne!(first, second);
    let replay = app.client();
    replay.set_cookie("ssp_session", &first);
    let res = replay.get("/").await;
    assert_eq!(res.status, 303, "the old session id no longer works");
    assert_eq!(res.location(), Some("/sign-in"));
}

#[tokio::test]
async fn session_cookie_has_safe_flags() {
    let app = TestApp::with_demo().await;
    let c = app.client();
    c.get("/sign-in").await;
    let res = c
        .post_form("/sign-in", &[("login", "demo.student"), ("password", PW)])
        .await;
    let cookie = res
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("ssp_session="))
        .expect("session cookie set")
        .to_owned();
    assert!(cookie.contains("HttpOnly"));
    assert!(cookie.contains("SameSite=Lax"));
    assert!(cookie.contains("Path=/"));
}

#[tokio::test]
async fn secure_cookies_and_hsts_on_https() {
    let config = ssp_web::WebConfig {
        public_url: url::Url::parse("https://ssp.example.org").unwrap(),
        ..Default::default()
    };
    let app = TestApp::with_config(config).await;
    let res = app.client().get("/sign-in").await;
    let csrf_cookie = res.header("set-cookie").unwrap_or_default().to_owned();
    assert!(csrf_cookie.contains("Secure"), "{csrf_cookie}");
    assert!(res.header("strict-transport-security").is_some());
}

#[tokio::test]
async fn sign_out_ends_the_session_on_the_server() {
    let app = TestApp::with_demo().await;
    let c = app.signed_in("demo.guardian").await;
    let token = c.cookie("ssp_session").unwrap();
    c.get("/").await;
    let res = c.post_form("/sign-out", &[]).await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), Some("/sign-in?signed_out=1"));
    assert!(c.cookie("ssp_session").is_none(), "cookie cleared");
    assert!(c
        .get("/sign-in?signed_out=1")
        .await
        .body
        .contains("You have signed out"));
    let thief = app.client();
    thief.set_cookie("ssp_session", &token);
    assert_eq!(thief.get("/").await.status, 303, "a copied cookie is dead too");
}

#[tokio::test]
async fn sessions_end_after_an_hour_idle() {
    let app = TestApp::with_demo().await;
    let c = app.signed_in("demo.student").await;
    app.clock.advance(Duration::minutes(50));
    assert_eq!(c.get("/").await.status, 200, "still live after 50 idle minutes");
    app.clock.advance(Duration::minutes(50));
    assert_eq!(c.get("/").await.status, 200, "activity moved the idle clock");
    app.clock.advance(Duration::minutes(61));
    let res = c.get("/").await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), Some("/sign-in"));
}

#[tokio::test]
async fn sessions_end_after_twelve_hours_however_active() {
    let app = TestApp::with_demo().await;
    let c = app.signed_in("demo.student").await;
    for _ in 0..13 {
        app.clock.advance(Duration::minutes(59));
        c.get("/").await;
    }
    assert_eq!(c.get("/").await.status, 303);
}

#[tokio::test]
async fn sign_ins_and_failures_are_audited_without_names() {
    let app = TestApp::with_demo().await;
    let c = app.client();
    c.sign_in("demo.student", "wrong").await;
    c.sign_in("demo.student", PW).await;
    let rows = audit::recent(&app.db, 10).await.unwrap();
    let actions: Vec<&str> = rows.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(&actions[..2], &["sign_in", "sign_in_failed"], "{actions:?}");
    assert!(rows[0].actor_person_id.is_some());
    assert!(rows[0].request_id.is_some());
    assert!(rows.iter().all(|r| r.detail.as_deref().unwrap_or("").is_empty()));
}

#[tokio::test]
async fn the_home_page_requires_sign_in() {
    let app = TestApp::with_demo().await;
    let res = app.client().get("/").await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), Some("/sign-in"));
}

#[tokio::test]
async fn a_signed_in_person_visiting_sign_in_goes_home() {
    let app = TestApp::with_demo().await;
    let c = app.signed_in("demo.student").await;
    assert_eq!(c.get("/sign-in").await.location(), Some("/"));
}

#[tokio::test]
async fn sessions_are_shared_through_the_database() {
    // A session made by one process works in another: both read the table.
    let app = TestApp::with_demo().await;
    let c = app.signed_in("demo.student").await;
    let token = c.cookie("ssp_session").unwrap();
    let other_process = ssp_web::app::router(ssp_web::AppState::with_clock(
        app.db.clone(),
        Default::default(),
        app.clock.clone(),
    ));
    let other = ssp_testkit::TestClient::new(other_process);
    other.set_cookie("ssp_session", &token);
    assert_eq!(other.get("/").await.status, 200);
    let person = ssp_db::repo::people::person_by_username(&app.db, "demo.student")
        .await
        .unwrap()
        .unwrap();
    let account: uuid::Uuid = match &app.db {
        ssp_db::Db::Sqlite(s) => sqlx::query_scalar("SELECT id FROM accounts WHERE person_id = $1")
            .bind(person)
            .fetch_one(&s.readers)
            .await
            .unwrap(),
        ssp_db::Db::Postgres(p) => sqlx::query_scalar("SELECT id FROM accounts WHERE person_id = $1")
            .bind(person)
            .fetch_one(p)
            .await
            .unwrap(),
    };
    assert_eq!(
        sessions::count_for_account(&app.db, AccountId(account)).await.unwrap(),
        1
    );
}
