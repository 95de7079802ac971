//! Single sign-on through a real OpenID provider (`oidc-provider` under
//! Node, started per test on a free port of localhost): a rostered person
//! signs in and is linked, later sign-ins find the link, and every kind of
//! bad answer — an unknown person, a wrong audience, issuer or nonce, an
//! expired or tampered token, a replayed state, a provider that is down —
//! is refused with a clear message, audited, and changes nothing.

use serde_json::{json, Value};
use ssp_testkit::oidc::{OidcProvider, ProviderBrowser};
use ssp_testkit::{TestApp, TestClient, TestResponse};
use uuid::Uuid;

const CALLBACK: &str = "http://127.0.0.1:8080/sign-in/sso/callback";
const SECRET: &str = "test-client-secret-7f3a";
const STUDENT_EMAIL: &str = "camila.reyes@students.harbor.example";

/// A demo district, a provider with `accounts`, and the provider added on
/// the admin page with `match_field`/`claim`. `None` when the provider
/// cannot run here (the reason is printed).
async fn setup(accounts: Value, match_field: &str, claim: &str) -> Option<(TestApp, OidcProvider, Uuid)> {
    let provider = OidcProvider::start(&json!({
        "clients": [{ "client_id": "ssp", "client_secret": SECRET, "redirect_uris": [CALLBACK] }],
        "accounts": accounts,
    }))?;
    let app = TestApp::with_demo().await;
    let student = app.person("demo.student").await;
    app.execute(
        &format!("UPDATE persons SET email = '{STUDENT_EMAIL}' WHERE id = $1"),
        &[student],
    )
    .await;
    let admin = app.signed_in("demo.districtadmin").await;
    admin.get("/admin/sign-in-providers").await;
    let res = admin
        .post_form(
            "/admin/sign-in-providers",
            &[
                ("name", "Harbor City Google"),
                ("issuer_url", &provider.issuer),
                ("client_id", "ssp"),
                ("client_secret", SECRET),
                ("match_field", match_field),
                ("match_claim", claim),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "provider added: {}", res.text);
    let id = app
        .query_id("SELECT id FROM identity_providers", &[])
        .await
        .expect("the provider is stored");
    Some((app, provider, id))
}

fn student_account(extra: Value) -> Value {
    let mut account = json!({ "claims": { "email": STUDENT_EMAIL, "email_verified": true, "name": "Camila Reyes" } });
    if let Some(token) = extra.get("token") {
        account["token"] = token.clone();
    }
    account
}

/// Clicks "Sign in with …", signs in at the provider as `login`, and
/// follows the provider back to ssp's callback.
async fn through_provider(client: &TestClient, provider: Uuid, login: &str) -> (TestResponse, String) {
    let start = client.get(&format!("/sign-in/sso/{provider}")).await;
    assert_eq!(start.status, 303, "off to the provider: {}", start.text);
    let authorize = start.location().expect("provider URL").to_owned();
    assert!(authorize.contains("code_challenge="), "PKCE is used: {authorize}");
    assert!(authorize.contains("nonce="), "a nonce is sent: {authorize}");
    let back = ProviderBrowser::new().sign_in(&authorize, login, CALLBACK).await;
    let path = back
        .strip_prefix("http://127.0.0.1:8080")
        .expect("back to ssp")
        .to_owned();
    (client.get(&path).await, path)
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    app.texts(&format!("SELECT CAST(({sql}) AS TEXT)"), &[]).await[0]
        .parse()
        .expect("a count")
}

#[tokio::test]
async fn a_rostered_student_signs_in_through_the_district_provider_and_is_linked() {
    let Some((app, _provider, id)) = setup(json!({ "camila": student_account(json!({})) }), "email", "").await else {
        return;
    };
    let c = app.client();
    let (res, _) = through_provider(&c, id, "camila").await;
    assert_eq!(res.status, 303, "signed in: {}", res.text);
    assert_eq!(res.location(), Some("/"));
    let home = c.get("/").await;
    assert_eq!(home.status, 200);
    let sessions =
        "SELECT COUNT(*) FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.username = 'demo.student'";
    assert_eq!(count(&app, sessions).await, 1, "the session is the student's");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM identity_links").await, 1);
    assert_eq!(app.count_audit("identity_linked").await, 1);

    // Later sign-ins find the account by the link, even after the roster
    // email changed.
    let student = app.person("demo.student").await;
    app.execute(
        "UPDATE persons SET email = 'new.address@students.harbor.example' WHERE id = $1",
        &[student],
    )
    .await;
    let again = app.client();
    let (res, _) = through_provider(&again, id, "camila").await;
    assert_eq!(res.status, 303, "signed in by the link: {}", res.text);
    assert_eq!(app.count_audit("identity_linked").await, 1, "linked once");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM identity_links").await, 1);
}

#[tokio::test]
async fn a_person_is_matched_by_a_roster_sourced_id_claim() {
    let accounts = json!({ "clever-user-1": { "claims": { "sourcedId": "stu-camila-0001" } } });
    let Some((app, _provider, id)) = setup(accounts, "sourced_id", "sourcedId").await else {
        return;
    };
    let student = app.person("demo.student").await;
    app.execute(
        "UPDATE persons SET source_id = 'stu-camila-0001' WHERE id = $1",
        &[student],
    )
    .await;
    let c = app.client();
    let (res, _) = through_provider(&c, id, "clever-user-1").await;
    assert_eq!(res.status, 303, "signed in: {}", res.text);
    let linked = app
        .query_id(
            "SELECT a.person_id FROM identity_links l JOIN accounts a ON a.id = l.account_id",
            &[],
        )
        .await;
    assert_eq!(linked, Some(student));
}

#[tokio::test]
async fn someone_not_in_the_roster_is_refused_audited_and_gets_no_account() {
    let accounts =
        json!({ "stranger": { "claims": { "email": "stranger@elsewhere.example", "email_verified": true } } });
    let Some((app, _provider, id)) = setup(accounts, "email", "").await else {
        return;
    };
    let before = count(&app, "SELECT COUNT(*) FROM accounts").await;
    let c = app.client();
    let (res, _) = through_provider(&c, id, "stranger").await;
    assert_eq!(res.status, 403);
    assert!(res.text.contains("not in this district's roster"), "{}", res.text);
    assert!(
        res.text.contains("name=\"password\""),
        "the password form is still there"
    );
    assert_eq!(c.get("/").await.status, 303, "not signed in");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM accounts").await,
        before,
        "no account made"
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM identity_links").await, 0);
    assert_eq!(app.count_audit("sso_refused").await, 1);
}

/// One refused sign-in per login whose token the provider changes.
async fn refused_with(token: Value, message: &str) {
    let accounts = json!({ "camila": student_account(json!({ "token": token })) });
    let Some((app, _provider, id)) = setup(accounts, "email", "").await else {
        return;
    };
    let c = app.client();
    let (res, _) = through_provider(&c, id, "camila").await;
    assert_eq!(res.status, 403, "refused: {}", res.text);
    assert!(res.text.contains(message), "{}", res.text);
    assert_eq!(c.get("/").await.status, 303, "not signed in");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM identity_links").await, 0);
    let detail = app
        .texts("SELECT detail FROM audit_events WHERE action = 'sso_refused'", &[])
        .await;
    assert_eq!(detail.len(), 1, "audited once");
    assert!(detail[0].starts_with("invalid-token"), "{detail:?}");
}

const UNTRUSTED: &str = "could not be trusted";

#[tokio::test]
async fn a_token_for_another_audience_is_refused() {
    refused_with(json!({ "set": { "aud": "some-other-app" } }), UNTRUSTED).await;
}

#[tokio::test]
async fn an_expired_token_is_refused() {
    refused_with(json!({ "exp_offset": -120 }), UNTRUSTED).await;
}

#[tokio::test]
async fn a_token_from_another_issuer_is_refused() {
    refused_with(json!({ "set": { "iss": "https://evil.example" } }), UNTRUSTED).await;
}

#[tokio::test]
async fn a_token_with_the_wrong_nonce_is_refused() {
    refused_with(json!({ "set": { "nonce": "not-the-nonce-we-sent" } }), UNTRUSTED).await;
}

#[tokio::test]
async fn a_tampered_token_is_refused() {
    refused_with(json!({ "tamper": true }), UNTRUSTED).await;
}

#[tokio::test]
async fn a_replayed_state_is_refused() {
    let Some((app, _provider, id)) = setup(json!({ "camila": student_account(json!({})) }), "email", "").await else {
        return;
    };
    let c = app.client();
    let (res, path) = through_provider(&c, id, "camila").await;
    assert_eq!(res.status, 303);
    let state = path
        .split("state=")
        .nth(1)
        .unwrap_or("")
        .split('&')
        .next()
        .unwrap_or("")
        .to_owned();
    // The same callback again, from a browser holding the same state cookie.
    let replay = app.client();
    replay.set_cookie("ssp_sso", &state);
    let res = replay.get(&path).await;
    assert_eq!(res.status, 400);
    assert!(res.text.contains("already used"), "{}", res.text);
    assert_eq!(replay.get("/").await.status, 303, "not signed in");
    assert_eq!(app.count_audit("sso_refused").await, 1);
}

#[tokio::test]
async fn a_callback_in_another_browser_is_refused() {
    let Some((app, _provider, id)) = setup(json!({ "camila": student_account(json!({})) }), "email", "").await else {
        return;
    };
    let c = app.client();
    let start = c.get(&format!("/sign-in/sso/{id}")).await;
    let back = ProviderBrowser::new()
        .sign_in(start.location().unwrap(), "camila", CALLBACK)
        .await;
    // Someone else's browser (no state cookie) is handed the callback link.
    let other = app.client();
    let res = other.get(back.strip_prefix("http://127.0.0.1:8080").unwrap()).await;
    assert_eq!(res.status, 400);
    assert_eq!(other.get("/").await.status, 303, "not signed in");
}

#[tokio::test]
async fn a_deactivated_person_cannot_sign_in_through_the_provider() {
    let Some((app, _provider, id)) = setup(json!({ "camila": student_account(json!({})) }), "email", "").await else {
        return;
    };
    let student = app.person("demo.student").await;
    app.execute("UPDATE persons SET status = 'inactive' WHERE id = $1", &[student])
        .await;
    let c = app.client();
    let (res, _) = through_provider(&c, id, "camila").await;
    assert_eq!(res.status, 403);
    assert!(res.text.contains("turned off"), "{}", res.text);
    assert_eq!(c.get("/").await.status, 303);
}

#[tokio::test]
async fn when_the_provider_is_down_the_page_says_so_and_passwords_still_work() {
    let Some((app, mut provider, id)) = setup(json!({}), "email", "").await else {
        return;
    };
    provider.stop();
    let c = app.client();
    let res = c.get(&format!("/sign-in/sso/{id}")).await;
    assert_eq!(res.status, 503);
    assert!(res.text.contains("not answering"), "{}", res.text);
    assert!(
        res.text.contains("name=\"password\""),
        "the password form is on the page"
    );
    let signed_in = c.sign_in("demo.counselor", ssp_demo::DEMO_PASSWORD).await;
    assert_eq!(signed_in.status, 303, "password sign-in works");
}

#[tokio::test]
async fn the_sign_in_page_shows_the_providers_button() {
    let Some((app, _provider, id)) = setup(json!({}), "email", "").await else {
        return;
    };
    let page = app.client().get("/sign-in").await;
    assert!(page.text.contains("Harbor City Google"));
    assert!(page.body.contains(&format!("/sign-in/sso/{id}")));
}

#[tokio::test]
async fn the_client_secret_is_never_shown_back_or_audited() {
    let Some((app, _provider, _id)) = setup(json!({}), "email", "").await else {
        return;
    };
    let admin = app.signed_in("demo.districtadmin").await;
    let page = admin.get("/admin/sign-in-providers").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Harbor City Google"));
    assert!(!page.body.contains(SECRET));
    let details = app.texts("SELECT COALESCE(detail, '') FROM audit_events", &[]).await;
    assert!(details.iter().all(|d| !d.contains(SECRET)));
    assert_eq!(app.count_audit("identity_provider_saved").await, 1);
}

/// The server's own time of the callback (the whole request less the time
/// spent waiting for the provider's discovery, key set and token
/// endpoints), from its `Server-Timing` header. Run by
/// `bench/sso-callback.sh`; ignored in the normal suite.
#[tokio::test]
#[ignore = "a benchmark: bench/sso-callback.sh"]
async fn bench_sso_callback_server_time() {
    let rounds: usize = std::env::var("ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(40);
    let Some((app, _provider, id)) = setup(json!({ "camila": student_account(json!({})) }), "email", "").await else {
        return;
    };
    let mut server = Vec::new();
    for _ in 0..rounds {
        let c = app.client();
        let (res, _) = through_provider(&c, id, "camila").await;
        assert_eq!(res.status, 303);
        let timing = res.header("server-timing").expect("Server-Timing").to_owned();
        let dur = |name: &str| -> f64 {
            timing
                .split(',')
                .find_map(|p| p.trim().strip_prefix(&format!("{name};dur=")))
                .and_then(|v| v.parse().ok())
                .expect("a duration")
        };
        server.push(dur("app") - dur("provider"));
    }
    let first = server[0];
    let mut later = server[1..].to_vec();
    later.sort_by(f64::total_cmp);
    let pct = |p: f64| later[((later.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "sso callback server time on {} ({rounds} sign-ins): first (links the account) {first:.2} ms; \
         later median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        app.engine(),
        pct(0.5),
        pct(0.95),
        later[later.len() - 1]
    );
}
