//! Sign-in accounts: accounts prepared for rostered people (no password,
//! roster username), the district administrator's accounts page (search,
//! sign-in methods, disable/enable, end sessions — each audited), and who
//! may open it.

use ssp_testkit::TestApp;

async fn count(app: &TestApp, sql: &str) -> i64 {
    app.texts(&format!("SELECT CAST(({sql}) AS TEXT)"), &[]).await[0]
        .parse()
        .expect("a count")
}

const WITHOUT_ACCOUNT: &str = "SELECT COUNT(*) FROM persons p WHERE p.status = 'active' \
     AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = p.id) \
     AND (EXISTS (SELECT 1 FROM students s WHERE s.person_id = p.id AND s.status = 'active') \
       OR EXISTS (SELECT 1 FROM guardian_links g WHERE g.guardian_id = p.id AND g.status = 'active') \
       OR EXISTS (SELECT 1 FROM staff_assignments t WHERE t.person_id = p.id AND t.status = 'active'))";

#[tokio::test]
async fn preparing_accounts_gives_every_rostered_person_one_without_a_password() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    // Make sure some rostered people have no account.
    let removed = app
        .execute(
            "DELETE FROM accounts WHERE person_id IN (SELECT person_id FROM students) \
             AND username NOT LIKE 'demo.%'",
            &[],
        )
        .await;
    assert!(removed > 0, "the demo has student accounts to remove");
    let missing = count(&app, WITHOUT_ACCOUNT).await;
    assert!(missing >= removed as i64);

    admin.get("/admin/accounts").await;
    let res = admin.post_form("/admin/accounts/prepare", &[("q", "")]).await;
    assert_eq!(res.status, 303);
    let page = admin.get(res.location().unwrap()).await;
    assert!(
        page.text.contains(&format!("{missing} accounts prepared")),
        "{}",
        page.text
    );
    assert_eq!(count(&app, WITHOUT_ACCOUNT).await, 0);
    let no_password = count(&app, "SELECT COUNT(*) FROM accounts WHERE password_hash = '!'").await;
    assert_eq!(no_password, missing);
    assert_eq!(app.count_audit("accounts_prepared").await, 1);

    // Such an account refuses every password, as a wrong password would.
    let username = app
        .texts(
            "SELECT username FROM accounts WHERE password_hash = '!' ORDER BY username LIMIT 1",
            &[],
        )
        .await
        .remove(0);
    for typed in ["!", "", "no account has this password"] {
        let res = app.client().sign_in(&username, typed).await;
        assert!(res.status == 401 || res.status == 422, "refused: {}", res.status);
    }
    let wrong = app.client().sign_in(&username, "some password").await;
    let unknown = app.client().sign_in("nobody.at.all", "some password").await;
    assert_eq!(wrong.status, unknown.status, "no hint that the account exists");

    // Running it again prepares nothing more.
    let res = admin.post_form("/admin/accounts/prepare", &[("q", "")]).await;
    assert_eq!(res.location(), Some("/admin/accounts?prepared=0"));
}

#[tokio::test]
async fn prepared_usernames_are_unique_and_skip_taken_names() {
    let app = TestApp::with_demo().await;
    let student = app.person("demo.student").await;
    let other = app
        .query_id(
            "SELECT s.person_id FROM students s JOIN accounts a ON a.person_id = s.person_id \
             WHERE a.username NOT LIKE 'demo.%' ORDER BY s.person_id LIMIT 1",
            &[],
        )
        .await
        .expect("a non-showcase student");
    // The other student's roster email is the showcase student's username:
    // taken, so the fallback is used.
    app.execute(
        "DELETE FROM sessions WHERE account_id IN (SELECT id FROM accounts WHERE person_id = $1)",
        &[other],
    )
    .await;
    app.execute("DELETE FROM accounts WHERE person_id = $1", &[other]).await;
    app.execute(
        "UPDATE persons SET email = 'demo.student', source_id = NULL WHERE id = $1",
        &[other],
    )
    .await;
    let _ = student;
    let n = ssp_app::accounts::prepare::prepare(
        &app.state,
        ssp_domain::OrgId(
            app.query_id("SELECT district_id FROM persons WHERE id = $1", &[other])
                .await
                .unwrap(),
        ),
        &Default::default(),
        &Default::default(),
    )
    .await
    .expect("prepared");
    assert_eq!(n, 1);
    let name = app.username_of(other).await;
    assert!(name.starts_with("user-"), "fallback username: {name}");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM (SELECT username FROM accounts GROUP BY username HAVING COUNT(*) > 1) d"
        )
        .await,
        0
    );
}

#[tokio::test]
async fn the_accounts_pages_are_for_district_administrators_only() {
    let app = TestApp::with_demo().await;
    let account = app
        .query_id("SELECT id FROM accounts WHERE username = 'demo.student'", &[])
        .await
        .unwrap();
    for (who, allowed) in [
        ("demo.student", false),
        ("demo.guardian", false),
        ("demo.teacher", false),
        ("demo.counselor", false),
        ("demo.nurse", false),
        ("demo.schooladmin", false),
        ("demo.districtadmin", true),
    ] {
        let c = app.signed_in(who).await;
        let expect = if allowed { 200 } else { 404 };
        assert_eq!(
            c.get("/admin/accounts?q=reyes").await.status,
            expect,
            "{who} accounts page"
        );
        assert_eq!(
            c.get("/admin/sign-in-providers").await.status,
            expect,
            "{who} providers page"
        );
        if !allowed {
            let res = c
                .post_form(&format!("/admin/accounts/{account}"), &[("action", "disable")])
                .await;
            assert_eq!(res.status, 404, "{who} cannot disable");
            let res = c.post_form("/admin/accounts/prepare", &[]).await;
            assert_eq!(res.status, 404, "{who} cannot prepare");
            let res = c
                .post_form(
                    "/admin/sign-in-providers",
                    &[
                        ("name", "X"),
                        ("issuer_url", "https://x.example"),
                        ("client_id", "a"),
                        ("client_secret", "b"),
                        ("match_field", "email"),
                    ],
                )
                .await;
            assert_eq!(res.status, 404, "{who} cannot add a provider");
        }
    }
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM accounts WHERE disabled = TRUE").await,
        0
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM identity_providers").await, 0);
}

#[tokio::test]
async fn the_accounts_page_shows_how_a_person_signs_in() {
    let app = TestApp::with_demo().await;
    app.signed_in("demo.student").await;
    let admin = app.signed_in("demo.districtadmin").await;
    let page = admin.get("/admin/accounts?q=demo.student").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("demo.student"), "{}", page.text);
    assert!(page.text.contains("Password"));
    assert!(page.text.contains("Sign out (1 session)"), "{}", page.text);
    let none = admin.get("/admin/accounts?q=zzzznobody").await;
    assert!(none.text.contains("Nobody in the district matches"));
}

#[tokio::test]
async fn disabling_an_account_signs_it_out_everywhere_and_enabling_lets_it_back() {
    let app = TestApp::with_demo().await;
    let student = app.signed_in("demo.student").await;
    let account = app
        .query_id("SELECT id FROM accounts WHERE username = 'demo.student'", &[])
        .await
        .unwrap();
    let admin = app.signed_in("demo.districtadmin").await;
    admin.get("/admin/accounts?q=demo.student").await;
    let res = admin
        .post_form(
            &format!("/admin/accounts/{account}"),
            &[("action", "disable"), ("q", "demo.student")],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), Some("/admin/accounts?q=demo.student&done=disable"));
    assert_eq!(student.get("/").await.status, 303, "signed out");
    let again = app.client().sign_in("demo.student", ssp_demo::DEMO_PASSWORD).await;
    assert_eq!(again.status, 403, "a turned-off account cannot sign in");
    assert_eq!(app.count_audit("account_disabled").await, 1);

    admin
        .post_form(&format!("/admin/accounts/{account}"), &[("action", "enable")])
        .await;
    assert_eq!(app.count_audit("account_enabled").await, 1);
    let back = app.signed_in("demo.student").await;
    assert_eq!(back.get("/").await.status, 200);

    let res = admin
        .post_form(&format!("/admin/accounts/{account}"), &[("action", "end-sessions")])
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(back.get("/").await.status, 303, "signed out by the administrator");
    assert_eq!(app.count_audit("sessions_ended").await, 1);
}

#[tokio::test]
async fn an_unknown_account_or_action_changes_nothing() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    admin.get("/admin/accounts").await;
    let res = admin
        .post_form(
            &format!("/admin/accounts/{}", uuid::Uuid::now_v7()),
            &[("action", "disable")],
        )
        .await;
    assert_eq!(res.status, 404);
    let account = app
        .query_id("SELECT id FROM accounts WHERE username = 'demo.student'", &[])
        .await
        .unwrap();
    let res = admin
        .post_form(
            &format!("/admin/accounts/{account}"),
            &[("action", "delete-everything")],
        )
        .await;
    assert_eq!(res.status, 400);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM accounts WHERE disabled = TRUE").await,
        0
    );
}

#[tokio::test]
async fn a_provider_form_with_bad_input_says_why_and_changes_nothing() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    admin.get("/admin/sign-in-providers").await;
    let res = admin
        .post_form(
            "/admin/sign-in-providers",
            &[
                ("name", "Plain HTTP"),
                ("issuer_url", "http://idp.example.org"),
                ("client_id", "ssp"),
                ("client_secret", "s"),
                ("match_field", "email"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("must be an https:// address"), "{}", res.text);
    assert!(res.body.contains("value=\"Plain HTTP\""), "what was typed is kept");
    assert!(!res.body.contains("value=\"s\""), "the secret is not sent back");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM identity_providers").await, 0);
}

#[tokio::test]
async fn a_person_deactivated_by_the_roster_loses_their_sessions() {
    let app = TestApp::with_demo().await;
    let student = app.signed_in("demo.student").await;
    let person = app.person("demo.student").await;
    let mut tx = app.db.begin().await.unwrap();
    ssp_db::repo::roster::deactivate(
        &mut tx,
        ssp_db::repo::roster::Table::Persons,
        &[person],
        app.state.now(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.username = 'demo.student'"
        )
        .await,
        0
    );
    assert_eq!(student.get("/").await.status, 303);
}

#[tokio::test]
async fn a_roster_import_prepares_accounts_with_roster_usernames_and_no_password() {
    let w = super::roster_page::world().await;
    super::roster_page::import(&w, "v1_2-bulk", false).await;
    let zoe = w
        .app
        .query_id("SELECT id FROM persons WHERE source_id = 'stu-05'", &[])
        .await
        .unwrap();
    assert_eq!(w.app.username_of(zoe).await, "zfischer", "the roster username");
    let hash = w
        .app
        .texts("SELECT password_hash FROM accounts WHERE username = 'zfischer'", &[])
        .await;
    assert_eq!(hash, ["!"]);
    assert_eq!(w.app.count_audit("accounts_prepared").await, 1);
    let res = w.app.client().sign_in("zfischer", "any password at all").await;
    assert_eq!(res.status, 401, "no password until an invitation is accepted");

    // The next import (nothing new) prepares nothing more.
    super::roster_page::import(&w, "v1_2-bulk", false).await;
    assert_eq!(w.app.count_audit("accounts_prepared").await, 1);
}

#[tokio::test]
async fn the_accounts_page_sends_a_guardian_invitation_again_and_refuses_others() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    admin.get("/admin/accounts").await;
    // A family member with an address who has not joined: their account is
    // the one the roster import prepares (no password).
    let removed = app
        .execute(
            "DELETE FROM accounts WHERE username NOT LIKE 'demo.%' AND person_id IN ( \
               SELECT p.id FROM persons p JOIN guardian_links g ON g.guardian_id = p.id \
               WHERE p.email IS NOT NULL AND g.status = 'active')",
            &[],
        )
        .await;
    assert!(removed > 0, "the demo has family accounts to remove");
    admin.post_form("/admin/accounts/prepare", &[("q", "")]).await;
    let account = app
        .query_id(
            "SELECT a.id FROM accounts a JOIN persons p ON p.id = a.person_id \
             WHERE a.password_hash = '!' AND p.email IS NOT NULL \
               AND EXISTS (SELECT 1 FROM guardian_links g WHERE g.guardian_id = p.id AND g.status = 'active') \
             ORDER BY a.username LIMIT 1",
            &[],
        )
        .await
        .expect("a prepared family account");
    let username = app
        .texts("SELECT username FROM accounts WHERE id = $1", &[account])
        .await
        .remove(0);
    let username = username.as_str();

    let page = admin.get(&format!("/admin/accounts?q={username}")).await;
    assert!(page.text.contains("Send the invitation again"), "{}", page.text);
    let res = admin
        .post_form(
            &format!("/admin/accounts/{account}"),
            &[("action", "invite"), ("q", username)],
        )
        .await;
    assert_eq!(res.status, 200);
    assert!(res.text.contains("No email server is set up"), "{}", res.text);
    let path = res.text.split("/invitation/").nth(1).expect("the link is shown");
    let token: String = path
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let family = app.client();
    let open = family.get(&format!("/invitation/{token}")).await;
    assert_eq!(open.status, 200, "the link opens the invitation: {}", open.text);
    assert_eq!(app.count_audit("invitation_sent").await, 1);

    // A student's row has no such button, and posting it anyway finds nothing.
    let student = app
        .query_id("SELECT id FROM accounts WHERE username = 'demo.student'", &[])
        .await
        .unwrap();
    let page = admin.get("/admin/accounts?q=demo.student").await;
    assert!(!page.text.contains("Send the invitation again"));
    let res = admin
        .post_form(&format!("/admin/accounts/{student}"), &[("action", "invite")])
        .await;
    assert_eq!(res.status, 404);
    // A guardian who already set a password is told so.
    let joined = app
        .query_id("SELECT id FROM accounts WHERE username = 'demo.guardian'", &[])
        .await
        .unwrap();
    let res = admin
        .post_form(&format!("/admin/accounts/{joined}"), &[("action", "invite")])
        .await;
    assert!(res.text.contains("already set up an account"), "{}", res.text);
    // Nobody else reaches it.
    let counselor = app.signed_in("demo.counselor").await;
    counselor.get("/").await;
    let res = counselor
        .post_form(&format!("/admin/accounts/{account}"), &[("action", "invite")])
        .await;
    assert_eq!(res.status, 404);
    assert_eq!(app.count_audit("invitation_sent").await, 1, "only the one invitation");
}
