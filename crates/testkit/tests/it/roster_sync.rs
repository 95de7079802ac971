//! Roster sync over the OneRoster 1.2 REST API, against the OneRoster test
//! server (`ssp_testkit::oneroster`) on 127.0.0.1 serving Riverbend
//! Unified: a full pull loads the district, later pulls ask only for what
//! changed, paging and token expiry are followed, a failing page is retried,
//! and a pull that cannot be trusted changes nothing and says why. The
//! admin page keeps the secret to itself and queues runs.

use std::path::{Path, PathBuf};
use std::time::Duration;

use ssp_db::repo::roster as history;
use ssp_db::repo::roster_sync::{self, SettingsInput};
use ssp_roster::rest::{self, RunOptions, SyncError, SyncFailure, SyncOutcome, Tuning};
use ssp_testkit::oneroster::{OneRosterServer, CLIENT_ID, CLIENT_SECRET};
use ssp_testkit::{TestApp, TestClient};
use uuid::Uuid;

use super::roster_page::{count, wait_for, world, World};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/oneroster-rest")
}

/// Short waits, so a failing page costs milliseconds, not seconds.
fn quick() -> Tuning {
    Tuning {
        page_size: 100,
        timeout: Duration::from_secs(10),
        retries: 2,
        backoff: Duration::from_millis(5),
    }
}

async fn configure(app: &TestApp, district: Uuid, server: &OneRosterServer) {
    let input = SettingsInput {
        base_url: &server.base_url(),
        token_url: &server.token_url(),
        client_id: CLIENT_ID,
        client_secret: Some(CLIENT_SECRET),
        every_hours: None,
    };
    let mut tx = app.db.begin().await.unwrap();
    roster_sync::save(&mut tx, district, &input, None, None, app.state.now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

/// Riverbend's administrator (no roster yet) and the test server, connected.
async fn connected() -> (World, OneRosterServer) {
    let w = world().await;
    let server = OneRosterServer::start(&fixture()).await;
    configure(&w.app, w.district, &server).await;
    (w, server)
}

async fn pull(w: &World, tuning: Tuning) -> Result<SyncOutcome, SyncError> {
    let opts = RunOptions {
        full: false,
        dry_run: false,
        confirm_deactivations: false,
        now: w.app.state.now(),
        import_id: None,
        started_by: None,
        tuning,
        work_dir: Some(w.app.data_dir().join("sync")),
    };
    rest::run_district(&w.app.db, w.district, &opts, &|_| {}).await
}

async fn students(w: &World) -> i64 {
    count(&w.app, "SELECT COUNT(*) FROM students WHERE status = 'active'").await
}

async fn family_name(w: &World, source_id: &str) -> String {
    let sql = format!("SELECT family_name FROM persons WHERE source_id = '{source_id}'");
    ssp_db::with_reader!(&w.app.db, |p| sqlx::query_scalar(&sql).fetch_one(p).await).unwrap()
}

async fn person_status(w: &World, source_id: &str) -> String {
    let sql = format!("SELECT status FROM persons WHERE source_id = '{source_id}'");
    ssp_db::with_reader!(&w.app.db, |p| sqlx::query_scalar(&sql).fetch_one(p).await).unwrap()
}

/// The last history row's state and message.
async fn last_history(w: &World) -> (String, String, String) {
    let rows = history::list_imports(&w.app.db, w.district, 1).await.unwrap();
    let r = &rows[0];
    (
        r.state.clone(),
        r.message.clone().unwrap_or_default(),
        r.source_name.clone(),
    )
}

fn failure(result: Result<SyncOutcome, SyncError>) -> SyncFailure {
    match result {
        Err(SyncError::Failed(f)) => f,
        other => panic!("expected a failed pull, got {other:?}"),
    }
}

/// Everything a failed pull must leave alone, as counts.
async fn snapshot(w: &World) -> Vec<i64> {
    let mut v = Vec::new();
    for t in [
        "persons",
        "students",
        "enrollments",
        "classes",
        "courses",
        "guardian_links",
    ] {
        v.push(count(&w.app, &format!("SELECT COUNT(*) FROM {t}")).await);
    }
    v
}

// ------------------------------------------------------------ pulling

#[tokio::test]
async fn a_full_pull_loads_the_district_and_a_second_pull_changes_nothing() {
    let (w, server) = connected().await;
    let o = pull(&w, quick()).await.expect("the first pull");
    assert_eq!(o.mode.as_str(), "bulk");
    assert_eq!(
        o.report.counts("students").created,
        8,
        "stu-01…08 (stu-09 is in grade 5)"
    );
    assert_eq!(o.report.counts("enrollments").created, 15);
    assert_eq!(students(&w).await, 8);
    // The JSON's nested roles, agents and GUIDRefs arrived whole.
    assert_eq!(count(&w.app, "SELECT COUNT(*) FROM guardian_links").await, 7);
    assert_eq!(family_name(&w, "stu-02").await, "Nguyễn");
    let (state, _, source) = last_history(&w).await;
    assert_eq!(state, "succeeded");
    assert!(source.starts_with("OneRoster API 127.0.0.1: full pull"), "{source}");
    // Every collection was asked for, demographics included.
    let asked: Vec<String> = server.requests();
    for c in ssp_testkit::oneroster::COLLECTIONS {
        assert!(asked.iter().any(|r| r.starts_with(&format!("{c}?"))), "{c}: {asked:?}");
    }

    server.forget_requests();
    let again = pull(&w, quick()).await.expect("the second pull");
    assert_eq!(
        again.mode.as_str(),
        "delta",
        "after a full pull only the changes are asked for"
    );
    assert!(
        !again.report.changed(),
        "nothing changed on the server, nothing changes here"
    );
    assert_eq!(again.records, 0);
    let (state, message, _) = last_history(&w).await;
    assert_eq!(
        (state.as_str(), message.starts_with("nothing changed")),
        ("succeeded", true)
    );
}

#[tokio::test]
async fn a_delta_pull_asks_only_for_changes_since_the_last_pull_and_applies_them() {
    let (w, server) = connected().await;
    pull(&w, quick()).await.expect("the full pull");
    server.edit("users", "stu-05", "2026-10-02T08:30:00Z", |u| {
        u.insert("familyName".into(), "Fischer-Lang".into());
    });
    server.edit("users", "stu-06", "2026-10-02T09:00:00Z", |u| {
        u.insert("status".into(), "tobedeleted".into());
    });
    server.forget_requests();
    let o = pull(&w, quick()).await.expect("the delta pull");
    assert_eq!(o.mode.as_str(), "delta");
    assert_eq!(o.records, 2, "only the two changed users were sent");
    for r in server.requests() {
        assert!(
            r.contains("filter=dateLastModified%3E%272026-09-01T00%3A00%3A00Z%27"),
            "every page asks for changes since the last pull's newest record: {r}"
        );
    }
    assert_eq!(family_name(&w, "stu-05").await, "Fischer-Lang");
    assert_eq!(
        person_status(&w, "stu-06").await,
        "inactive",
        "tobedeleted in a delta deactivates"
    );
    assert_eq!(
        person_status(&w, "stu-07").await,
        "active",
        "a user not sent in a delta stays"
    );

    // The next pull starts after the newest change it applied.
    server.forget_requests();
    pull(&w, quick()).await.unwrap();
    assert!(
        server.requests()[0].contains("2026-10-02T09%3A00%3A00Z"),
        "{:?}",
        server.requests()
    );
}

#[tokio::test]
async fn pages_are_followed_by_link_headers_or_by_the_total_count() {
    for no_links in [false, true] {
        let (w, server) = connected().await;
        server.set(|s| s.no_links = no_links);
        let o = pull(
            &w,
            Tuning {
                page_size: 4,
                ..quick()
            },
        )
        .await
        .expect("a paged pull");
        assert_eq!(students(&w).await, 8, "no_links={no_links}");
        let user_pages: Vec<String> = server
            .requests()
            .into_iter()
            .filter(|r| r.starts_with("users?"))
            .collect();
        // 23 users, 4 a page.
        assert_eq!(user_pages.len(), 6, "no_links={no_links}: {user_pages:?}");
        assert!(user_pages[5].contains("offset=20"), "{user_pages:?}");
        assert!(o.pages > 10);
    }
}

#[tokio::test]
async fn a_token_that_expires_mid_pull_is_renewed_and_the_pull_completes() {
    let (w, server) = connected().await;
    // Each token is good for three pages; the pull needs many more.
    server.set(|s| s.token_pages = Some(3));
    let o = pull(
        &w,
        Tuning {
            page_size: 5,
            ..quick()
        },
    )
    .await
    .expect("a pull across token renewals");
    assert!(server.tokens_issued() >= 3, "{} tokens", server.tokens_issued());
    assert_eq!(o.tokens, server.tokens_issued());
    assert_eq!(students(&w).await, 8);
}

#[tokio::test]
async fn a_page_that_fails_once_is_retried() {
    let (w, server) = connected().await;
    server.set(|s| s.fail_once = Some(("users".into(), 5)));
    let o = pull(
        &w,
        Tuning {
            page_size: 5,
            ..quick()
        },
    )
    .await
    .expect("the retried pull");
    assert_eq!(o.retries, 1);
    assert_eq!(students(&w).await, 8);
    let asked = server.requests();
    assert_eq!(
        asked
            .iter()
            .filter(|r| r.starts_with("users?") && r.contains("offset=5"))
            .count(),
        2
    );
}

#[tokio::test]
async fn demographics_that_are_not_shared_are_left_out() {
    let (w, server) = connected().await;
    server.set(|s| s.demographics_forbidden = true);
    let o = pull(&w, quick()).await.expect("a pull without demographics");
    assert!(
        o.report.files.iter().all(|f| f.file != "demographics.csv"),
        "{:?}",
        o.report.files
    );
    assert_eq!(students(&w).await, 8);
}

// ------------------------------------------------ pulls that change nothing

/// Loads the district, changes stu-05 on the server, breaks the server
/// with `breakage`, pulls: the pull fails with `code`, and nothing changed.
async fn a_broken_pull_changes_nothing(code: &str, tuning: Tuning, breakage: impl FnOnce(&OneRosterServer)) -> String {
    let (w, server) = connected().await;
    pull(&w, quick()).await.expect("the full pull");
    server.edit("users", "stu-05", "2026-10-02T08:30:00Z", |u| {
        u.insert("familyName".into(), "Fischer-Lang".into());
    });
    let before = snapshot(&w).await;
    let watermark = roster_sync::get(&w.app.db, w.district)
        .await
        .unwrap()
        .unwrap()
        .watermark;
    breakage(&server);
    let f = failure(pull(&w, tuning).await);
    assert_eq!(f.code(), code, "{f}");
    assert_eq!(snapshot(&w).await, before, "{code}: nothing changed");
    assert_eq!(
        family_name(&w, "stu-05").await,
        "Fischer",
        "{code}: not even the good pages"
    );
    let (state, message, _) = last_history(&w).await;
    assert_eq!(state, "refused");
    assert!(message.starts_with(&format!("{code}: ")), "{message}");
    assert!(message.ends_with("nothing was changed"), "{message}");
    assert!(!message.contains(CLIENT_SECRET));
    let after = roster_sync::get(&w.app.db, w.district)
        .await
        .unwrap()
        .unwrap()
        .watermark;
    assert_eq!(
        after, watermark,
        "{code}: the next pull asks again for the same changes"
    );
    message
}

#[tokio::test]
async fn a_page_that_always_fails_changes_nothing_and_says_which_page() {
    let message = a_broken_pull_changes_nothing("sync-page-failed", quick(), |s| {
        s.set(|s| s.fail_always = Some(("enrollments".into(), 0)));
    })
    .await;
    assert!(
        message.contains("enrollments at offset 0 answered HTTP 500 (3 tries)"),
        "{message}"
    );
}

#[tokio::test]
async fn garbage_instead_of_json_changes_nothing() {
    let message = a_broken_pull_changes_nothing("sync-garbage", quick(), |s| {
        s.set(|s| s.garbage = Some(("classes".into(), 0)));
    })
    .await;
    assert!(message.contains("classes at offset 0: not OneRoster JSON"), "{message}");
}

#[tokio::test]
async fn an_endpoint_that_does_not_answer_in_time_changes_nothing() {
    let tuning = Tuning {
        timeout: Duration::from_millis(300),
        retries: 1,
        ..quick()
    };
    let message = a_broken_pull_changes_nothing("sync-timeout", tuning, |s| {
        s.set(|s| s.slow = Some(("courses".into(), 0, Duration::from_secs(3))));
    })
    .await;
    assert!(
        message.contains("courses at offset 0 did not answer in time (2 tries)"),
        "{message}"
    );
}

#[tokio::test]
async fn a_user_sent_twice_changes_nothing() {
    let message = a_broken_pull_changes_nothing("sync-duplicate", quick(), |s| {
        s.set(|s| s.duplicate_user = true);
    })
    .await;
    assert!(message.contains("users sent \"stu-05\" twice"), "{message}");
}

#[tokio::test]
async fn wrong_credentials_change_nothing_and_say_so() {
    let (w, server) = connected().await;
    let input = SettingsInput {
        base_url: &server.base_url(),
        token_url: &server.token_url(),
        client_id: CLIENT_ID,
        client_secret: Some("not the secret"),
        every_hours: None,
    };
    let mut tx = w.app.db.begin().await.unwrap();
    roster_sync::save(&mut tx, w.district, &input, None, None, w.app.state.now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(failure(pull(&w, quick()).await).code(), "sync-credentials");
    assert_eq!(students(&w).await, 0);
    let (state, message, _) = last_history(&w).await;
    assert_eq!(state, "refused");
    assert!(!message.contains("not the secret"), "{message}");
}

// ------------------------------------------------------------ the page

fn form<'a>(server: &'a OneRosterServer, secret: &'a str, every: &'a str) -> Vec<(&'static str, String)> {
    vec![
        ("base_url", server.base_url()),
        ("token_url", server.token_url()),
        ("client_id", CLIENT_ID.to_owned()),
        ("client_secret", secret.to_owned()),
        ("every_hours", every.to_owned()),
    ]
}

async fn post(c: &TestClient, path: &str, fields: &[(&'static str, String)]) -> ssp_testkit::TestResponse {
    c.get("/admin/roster/sync").await;
    let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    c.post_form(path, &f).await
}

#[tokio::test]
async fn the_page_saves_the_settings_without_ever_showing_the_secret() {
    let w = world().await;
    let server = OneRosterServer::start(&fixture()).await;
    let page = w.admin.get("/admin/roster/sync").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("No secret is set yet."), "{}", page.text);
    assert!(page.text.contains("<label for=\"sync-client-secret\">"));

    let res = post(&w.admin, "/admin/roster/sync", &form(&server, CLIENT_SECRET, "24")).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let page = w.admin.get("/admin/roster/sync?saved=1").await;
    assert!(page.text.contains("A secret is set."), "{}", page.text);
    assert!(page.text.contains(&server.base_url()));
    assert!(!page.text.contains(CLIENT_SECRET), "the secret is never shown back");
    assert!(
        page.text.contains("<option value=\"24\" selected>"),
        "the schedule is shown as saved"
    );
    let stored = roster_sync::get(&w.app.db, w.district).await.unwrap().unwrap();
    assert_eq!(stored.client_secret, CLIENT_SECRET);
    assert_eq!(stored.every_hours, Some(24));
    assert_eq!(stored.next_run_at, Some(w.app.state.now() + time::Duration::hours(24)));
    assert!(!format!("{stored:?}").contains(CLIENT_SECRET));

    // An empty secret keeps the stored one; the audit says what changed, never the secret.
    let res = post(&w.admin, "/admin/roster/sync", &form(&server, "", "")).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let stored = roster_sync::get(&w.app.db, w.district).await.unwrap().unwrap();
    assert_eq!(
        (stored.client_secret.as_str(), stored.every_hours),
        (CLIENT_SECRET, None)
    );
    let audit = w
        .app
        .texts(
            "SELECT detail FROM audit_events WHERE action = 'settings_changed' ORDER BY id",
            &[],
        )
        .await;
    assert_eq!(audit.len(), 2, "{audit:?}");
    assert!(audit[0].contains("roster sync set up"), "{audit:?}");
    assert_eq!(audit[1], "roster sync: schedule: every 24 h -> off");
    assert!(audit.iter().all(|a| !a.contains(CLIENT_SECRET)));

    // A refused form says what to fix, keeps what was typed — but not a secret.
    let mut bad = form(&server, "typed-secret", "9999");
    bad[0].1 = "sis.example.org".to_owned();
    let res = post(&w.admin, "/admin/roster/sync", &bad).await;
    assert_eq!(res.status, 422);
    assert!(
        res.text.contains("Enter the API address as a full https:// address."),
        "{}",
        res.text
    );
    assert!(res.text.contains("Choose one of the schedules offered."));
    assert!(res.text.contains("value=\"sis.example.org\""));
    assert!(!res.text.contains("typed-secret"));
    assert_eq!(
        roster_sync::get(&w.app.db, w.district).await.unwrap().unwrap().base_url,
        server.base_url()
    );
}

#[tokio::test]
async fn only_district_administrators_reach_the_sync_page() {
    let app = TestApp::with_demo().await;
    let cases: Vec<(&str, TestClient, u16)> = vec![
        ("district admin", app.signed_in("demo.districtadmin").await, 200),
        ("counselor", app.signed_in("demo.counselor").await, 404),
        ("teacher", app.signed_in("demo.teacher").await, 404),
        ("school admin", app.signed_in("demo.schooladmin").await, 404),
        ("student", app.signed_in("demo.student").await, 404),
        ("guardian", app.signed_in("demo.guardian").await, 404),
    ];
    for (who, c, want) in &cases {
        assert_eq!(c.get("/admin/roster/sync").await.status, *want, "{who} GET");
        if *want == 404 {
            c.get("/").await;
            let res = c
                .post_form(
                    "/admin/roster/sync",
                    &[
                        ("base_url", "https://x.example"),
                        ("token_url", "https://x.example/t"),
                        ("client_id", "a"),
                        ("client_secret", "b"),
                    ],
                )
                .await;
            assert_eq!(res.status, 404, "{who} POST settings");
            assert_eq!(
                c.post_form("/admin/roster/sync/run", &[]).await.status,
                404,
                "{who} POST run"
            );
        }
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM roster_sync_settings").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM roster_imports").await, 0);
}

#[tokio::test]
async fn run_now_queues_a_sync_that_the_history_shows() {
    let w = world().await;
    let server = OneRosterServer::start(&fixture()).await;
    let page = w.admin.get("/admin/roster/sync").await;
    assert!(
        !page.text.contains("action=\"/admin/roster/sync/run\""),
        "no run before settings"
    );
    assert_eq!(post(&w.admin, "/admin/roster/sync/run", &[]).await.status, 422);
    assert_eq!(
        post(&w.admin, "/admin/roster/sync", &form(&server, CLIENT_SECRET, ""))
            .await
            .status,
        303
    );

    let res = post(&w.admin, "/admin/roster/sync/run", &[]).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let location = res.location().unwrap().to_owned();
    let id: Uuid = location.trim_start_matches("/admin/roster/").parse().unwrap();
    let row = wait_for(&w.app, id).await;
    assert_eq!(row.state, "succeeded", "{:?}", row.message);
    assert_eq!(students(&w).await, 8);
    // As after a file import, the synced people can sign in through the
    // district's provider: each has an account with the roster username and
    // no password.
    let usernames = w
        .app
        .texts(
            "SELECT a.username || ' ' || a.password_hash FROM accounts a JOIN persons p ON p.id = a.person_id \
             WHERE p.source_id = 'stu-01'",
            &[],
        )
        .await;
    assert_eq!(usernames, vec!["aokafor !".to_owned()]);
    let detail = w.admin.get(&location).await;
    assert!(
        detail.text.contains("OneRoster API 127.0.0.1: full pull"),
        "{}",
        detail.text
    );
    assert!(detail.text.contains("Finished"));
    let list = w.admin.get("/admin/roster").await;
    assert!(
        list.text.contains("OneRoster API 127.0.0.1: full pull"),
        "{}",
        list.text
    );
    let page = w.admin.get("/admin/roster/sync").await;
    assert!(
        page.text.contains(&format!("href=\"{location}\"")),
        "the last run links to its history"
    );
    assert_eq!(
        wait_for(&w.app, id).await.started_by_name.as_deref(),
        Some("Rita Admin")
    );
    assert!(
        std::fs::read_dir(w.app.data_dir().join("uploads/sync")).map_or(0, |d| d.count()) == 0,
        "the pulled roster is deleted"
    );

    // A failing run is explained in the reader's language, with the detail.
    server.set(|s| s.garbage = Some(("orgs".into(), 0)));
    let res = post(&w.admin, "/admin/roster/sync/run", &[]).await;
    let location = res.location().unwrap().to_owned();
    let id: Uuid = location.trim_start_matches("/admin/roster/").parse().unwrap();
    assert_eq!(wait_for(&w.app, id).await.state, "refused");
    let detail = w.admin.get(&location).await;
    assert!(
        detail
            .text
            .contains("The OneRoster API answered with something that is not OneRoster data."),
        "{}",
        detail.text
    );
    assert!(detail.text.contains("orgs at offset 0: not OneRoster JSON"));
    w.admin.set_accept_language("es");
    let detail = w.admin.get(&location).await;
    assert!(detail
        .text
        .contains("La API de OneRoster respondió con algo que no son datos de OneRoster."));
}

#[tokio::test]
async fn a_scheduled_sync_runs_when_it_is_due() {
    let w = world().await;
    let server = OneRosterServer::start(&fixture()).await;
    assert_eq!(
        post(&w.admin, "/admin/roster/sync", &form(&server, CLIENT_SECRET, "6"))
            .await
            .status,
        303
    );
    assert!(
        ssp_web::roster_sync_jobs::run_due(&w.app.state).await.is_empty(),
        "not due yet"
    );
    w.app.clock.advance(time::Duration::hours(6));
    let started = ssp_web::roster_sync_jobs::run_due(&w.app.state).await;
    assert_eq!(started.len(), 1);
    assert_eq!(wait_for(&w.app, started[0]).await.state, "succeeded");
    assert_eq!(students(&w).await, 8);
    let stored = roster_sync::get(&w.app.db, w.district).await.unwrap().unwrap();
    assert_eq!(stored.next_run_at, Some(w.app.state.now() + time::Duration::hours(6)));
    assert!(
        ssp_web::roster_sync_jobs::run_due(&w.app.state).await.is_empty(),
        "the next one is 6 h away"
    );
}
