//! The district administrator's roster import page: who may use it, and
//! what an upload does — imported in the background, summarised, its row
//! problems downloadable, its package deleted, refusals explained.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ssp_db::repo::roster::{self as history, ImportRow, NewImport};
use ssp_db::repo::{accounts, orgs, people};
use ssp_domain::org::OrgKind;
use ssp_domain::person::NewPassword;
use ssp_domain::{AccountId, OrgId, PersonId, StaffRole};
use ssp_testkit::{TestApp, TestClient, TestResponse};
use uuid::Uuid;

pub(crate) const PASSWORD: &str = "a long enough passphrase";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../roster/tests/fixtures")
        .join(name)
}

/// A fixture folder as the zip a student information system exports.
fn zipped(name: &str) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut files: Vec<_> = std::fs::read_dir(fixture(name))
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    for path in files {
        let file_name = path.file_name().unwrap().to_string_lossy().into_owned();
        w.start_file(file_name, opts).unwrap();
        w.write_all(&std::fs::read(&path).unwrap()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A district with its own administrator (`create-user` makes a district
/// only in an empty database, so this builds one the same way).
pub(crate) async fn district_with_admin(app: &TestApp, name: &str, source_id: Option<&str>, username: &str) -> Uuid {
    let now = app.state.now();
    let district = OrgId::new();
    let person = PersonId::new();
    let hash = ssp_web::auth::password::hash(&NewPassword::parse(PASSWORD).unwrap())
        .await
        .unwrap();
    let mut tx = app.db.begin().await.unwrap();
    let org = orgs::NewOrg {
        id: district,
        kind: OrgKind::District,
        parent_id: None,
        district_id: Some(district),
        name: name.to_owned(),
        identifier: None,
        school_level: None,
        source_id: source_id.map(str::to_owned),
    };
    orgs::insert(&mut tx, &org, now).await.unwrap();
    let p = people::NewPerson {
        id: person,
        district_id: district,
        source_id: None,
        given_name: "Rita",
        family_name: "Admin",
        preferred_name: None,
        email: None,
        preferred_language: "en",
    };
    people::insert_person(&mut tx, &p, now).await.unwrap();
    people::insert_staff_assignment(&mut tx, district, person, district, StaffRole::DistrictAdmin, now)
        .await
        .unwrap();
    let account = accounts::NewAccount {
        id: AccountId::new(),
        person_id: person,
        username,
        email: None,
        password_hash: &hash,
        ui_language: None,
        now,
    };
    accounts::insert(&mut tx, &account).await.unwrap();
    tx.commit().await.unwrap();
    district.0
}

pub(crate) async fn sign_in(app: &TestApp, username: &str) -> TestClient {
    let c = app.client();
    assert_eq!(c.sign_in(username, PASSWORD).await.status, 303);
    c
}

/// An empty database with district `dist-1` (the fixtures' Riverbend
/// Unified) and its administrator, signed in.
pub(crate) struct World {
    pub(crate) app: TestApp,
    pub(crate) admin: TestClient,
    pub(crate) district: Uuid,
}

pub(crate) async fn world() -> World {
    world_with(TestApp::new().await).await
}

async fn world_with(app: TestApp) -> World {
    let district = district_with_admin(&app, "Riverbend Unified", Some("dist-1"), "rita.admin").await;
    let admin = sign_in(&app, "rita.admin").await;
    World { app, admin, district }
}

/// The upload form's action (it carries the CSRF token).
fn upload_action(page: &TestResponse) -> String {
    let marker = "action=\"/admin/roster?csrf=";
    let start = page.text.find(marker).expect("the page has the upload form") + "action=\"".len();
    let end = page.text[start..].find('"').unwrap() + start;
    page.text[start..end].to_owned()
}

pub(crate) async fn upload(c: &TestClient, name: &str, bytes: &[u8], dry_run: bool) -> TestResponse {
    let page = c.get("/admin/roster").await;
    assert_eq!(page.status, 200);
    let fields: &[(&str, &str)] = if dry_run { &[("dry_run", "yes")] } else { &[] };
    c.post_multipart(&upload_action(&page), fields, &[("package", name, bytes)])
        .await
}

/// Uploads a fixture, waits for its import and returns its detail page.
pub(crate) async fn import(w: &World, fixture_name: &str, dry_run: bool) -> (Uuid, TestResponse) {
    let res = upload(&w.admin, &format!("{fixture_name}.zip"), &zipped(fixture_name), dry_run).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let location = res.location().unwrap().to_owned();
    let id: Uuid = location.trim_start_matches("/admin/roster/").parse().unwrap();
    wait_for(&w.app, id).await;
    (id, w.admin.get(&location).await)
}

/// Waits until the background import has ended.
pub(crate) async fn wait_for(app: &TestApp, id: Uuid) -> ImportRow {
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        let row = history::get_import(&app.db, id).await.unwrap().expect("history row");
        if row.state != "queued" && row.state != "running" && app.state.imports().progress(id).is_none() {
            return row;
        }
        assert!(std::time::Instant::now() < deadline, "import {id} still {}", row.state);
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

pub(crate) async fn count(app: &TestApp, sql: &str) -> i64 {
    ssp_db::with_reader!(&app.db, |p| sqlx::query_scalar(sql).fetch_one(p).await).unwrap()
}

pub(crate) fn uploads_left(app: &TestApp) -> usize {
    match std::fs::read_dir(app.data_dir().join("uploads/imports")) {
        Ok(entries) => entries.count(),
        Err(_) => 0,
    }
}

/// The table row (`<tr>…</tr>`) whose header cell is `label`, as text.
fn row_of(page: &TestResponse, label: &str) -> String {
    let at = page
        .text
        .find(&format!("<th scope=\"row\">{label}</th>"))
        .unwrap_or_else(|| panic!("no row {label}: {}", page.text));
    let end = page.text[at..].find("</tr>").unwrap() + at;
    page.text[at..end].to_owned()
}

// ----------------------------------------------------------------- access

#[tokio::test]
async fn only_a_district_administrator_of_the_imports_district_may_use_the_page() {
    let app = TestApp::with_demo().await;
    district_with_admin(&app, "Lakeside Unified", None, "lake.admin").await;
    // An import of the demo district: a package for another district,
    // refused, but kept in the history with its (empty) issue list.
    let demo_admin = app.signed_in("demo.districtadmin").await;
    let res = upload(&demo_admin, "other.zip", &zipped("v1_2-bulk"), false).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let detail = res.location().unwrap().to_owned();
    let id: Uuid = detail.trim_start_matches("/admin/roster/").parse().unwrap();
    wait_for(&app, id).await;
    let csv = format!("{detail}/issues.csv");

    let lake = sign_in(&app, "lake.admin").await;
    let cases: Vec<(&str, TestClient, [u16; 3])> = vec![
        ("district admin of the district", demo_admin, [200, 200, 200]),
        ("district admin of another district", lake, [200, 404, 404]),
        ("counselor", app.signed_in("demo.counselor").await, [404; 3]),
        ("teacher", app.signed_in("demo.teacher").await, [404; 3]),
        ("school admin", app.signed_in("demo.schooladmin").await, [404; 3]),
        ("student", app.signed_in("demo.student").await, [404; 3]),
        ("guardian", app.signed_in("demo.guardian").await, [404; 3]),
        ("signed out", app.client(), [303; 3]),
    ];
    for (who, client, expected) in &cases {
        for (path, want) in ["/admin/roster", detail.as_str(), csv.as_str()].iter().zip(expected) {
            let res = client.get(path).await;
            assert_eq!(res.status, *want, "{who} GET {path}");
            if *want == 303 {
                assert_eq!(res.location(), Some("/sign-in"), "{who} GET {path}");
            }
        }
    }
    // Nobody but a district administrator may upload, even with a good token.
    let before = count(&app, "SELECT COUNT(*) FROM roster_imports").await;
    for (who, client, _) in &cases[2..] {
        let token = client
            .get("/")
            .await
            .csrf()
            .or_else(|| client.cookie("ssp_csrf"))
            .unwrap_or_default();
        let res = client
            .post_multipart(
                &format!("/admin/roster?csrf={token}"),
                &[],
                &[("package", "p.zip", &zipped("v1_2-bulk"))],
            )
            .await;
        let want = if *who == "signed out" { 303 } else { 404 };
        assert_eq!(res.status, want, "{who} POST /admin/roster");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM roster_imports").await, before);
    assert_eq!(uploads_left(&app), 0);
    // The other district's history is its own.
    let lake_page = sign_in(&app, "lake.admin").await.get("/admin/roster").await;
    assert!(!lake_page.text.contains("other.zip"), "{}", lake_page.text);
    assert!(lake_page.text.contains("No imports yet"));
}

#[tokio::test]
async fn district_administrators_find_the_page_in_the_navigation() {
    let w = world().await;
    let home = w.admin.get("/").await;
    assert!(home.text.contains("href=\"/admin/roster\""), "{}", home.text);
    let page = w.admin.get("/admin/roster").await;
    assert!(page.text.contains("accept=\".zip"), "a file input for zip files");
    assert!(page.text.contains("Dry run — check only, change nothing"));
    assert!(!page.text.contains("http-equiv=\"refresh\""), "nothing is running");
}

// ------------------------------------------------------------- importing

#[tokio::test]
async fn an_uploaded_package_is_imported_in_the_background_and_summarised() {
    let w = world().await;
    let (id, page) = import(&w, "v1_2-bulk", false).await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Finished"), "{}", page.text);
    assert!(
        !page.text.contains("http-equiv=\"refresh\""),
        "a finished import stops refreshing"
    );
    assert!(page.text.contains("OneRoster 1.2 package"));
    // Per kind: created, updated, unchanged, deactivated.
    assert!(row_of(&page, "Students").contains("<td>8</td><td>0</td><td>0</td><td>0</td>"));
    assert!(row_of(&page, "Enrollments").contains("<td>15</td><td>0</td><td>0</td><td>0</td>"));
    assert!(row_of(&page, "Districts and schools").contains("<td>2</td><td>1</td>"));
    // Per file: mode, rows, skipped, errors.
    let users = row_of(&page, "users.csv");
    assert!(users.contains("<td>bulk</td><td>23</td>"), "{users}");
    assert!(users.ends_with("<td>0</td>"), "no errors: {users}");
    // The grade-5 student is a skipped row, listed with file, line and column.
    assert!(page.text.contains("Row problems"));
    assert!(page.text.contains("<td>users.csv</td><td>10</td>"), "{}", page.text);
    assert!(page.text.contains("Skipped"));
    assert_eq!(
        count(&w.app, "SELECT COUNT(*) FROM students WHERE status = 'active'").await,
        8
    );

    let row = history::get_import(&w.app.db, id).await.unwrap().unwrap();
    assert_eq!(row.state, "succeeded");
    assert_eq!(row.district_id, Some(w.district));
    assert_eq!(row.source_name, "v1_2-bulk.zip");
    assert!(row.started_by.is_some(), "who started it is kept");
    let list = w.admin.get("/admin/roster").await;
    assert!(list.text.contains("v1_2-bulk.zip"));
    assert!(list.text.contains("Rita Admin"));
    assert!(list.text.contains(&format!("href=\"/admin/roster/{id}\"")));
}

#[tokio::test]
async fn the_uploaded_package_is_deleted_when_the_import_ends() {
    let w = world().await;
    import(&w, "v1_2-bulk", false).await;
    assert_eq!(uploads_left(&w.app), 0, "no student data is left on disk");
    let (_, page) = import(&w, "v1_1-missing-column", false).await;
    assert!(page.text.contains("Refused"));
    assert_eq!(uploads_left(&w.app), 0, "nor after a refusal");
}

#[tokio::test]
async fn row_problems_are_listed_and_downloadable_as_csv() {
    let w = world().await;
    let (id, page) = import(&w, "v1_2-errors", false).await;
    assert!(
        page.text.contains("8 rows had errors and were not loaded."),
        "{}",
        page.text
    );
    assert!(page.text.contains("unknown class"), "{}", page.text);
    assert!(page
        .text
        .contains("<td>enrollments.csv</td><td>12</td><td>classSourcedId</td><td>Error</td>"));
    let row = history::get_import(&w.app.db, id).await.unwrap().unwrap();

    let csv = w.admin.get(&format!("/admin/roster/{id}/issues.csv")).await;
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    assert!(csv.header("content-disposition").unwrap().starts_with("attachment;"));
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines[0], "file,line,column,severity,reason");
    assert_eq!(lines.len() as i64, row.issues_total + 1, "every kept problem");
    assert_eq!(lines.iter().filter(|l| l.contains(",error,")).count(), 8);
    assert!(
        csv.body.contains("enrollments.csv,12,classSourcedId,error,"),
        "{}",
        csv.body
    );
    assert_eq!(
        w.app.count_audit("roster_issues_exported").await,
        1,
        "the download is audited"
    );
}

#[tokio::test]
async fn importing_the_same_package_again_changes_nothing() {
    let w = world().await;
    import(&w, "v1_2-bulk", false).await;
    let (_, again) = import(&w, "v1_2-bulk", false).await;
    assert!(
        again
            .text
            .contains("Nothing changed: the package matches what ssp already holds."),
        "{}",
        again.text
    );
    assert!(row_of(&again, "Students").contains("<td>0</td><td>0</td><td>8</td><td>0</td>"));
}

#[tokio::test]
async fn a_dry_run_checks_and_counts_but_changes_nothing() {
    let w = world().await;
    let (id, page) = import(&w, "v1_2-bulk", true).await;
    assert!(page.text.contains("This was a dry run"), "{}", page.text);
    assert!(
        row_of(&page, "Students").contains("<td>8</td>"),
        "counted as if imported"
    );
    assert_eq!(count(&w.app, "SELECT COUNT(*) FROM students").await, 0);
    assert_eq!(
        count(&w.app, "SELECT COUNT(*) FROM orgs WHERE kind = 'school'").await,
        0
    );
    let row = history::get_import(&w.app.db, id).await.unwrap().unwrap();
    assert!(row.dry_run);
    assert_eq!(row.state, "succeeded");
}

#[tokio::test]
async fn a_package_for_another_district_is_refused_with_a_translated_message() {
    let w = world().await;
    w.app
        .execute("UPDATE orgs SET source_id = 'dist-9' WHERE id = $1", &[w.district])
        .await;
    let (id, page) = import(&w, "v1_2-bulk", false).await;
    assert!(page.text.contains("Refused"));
    assert!(
        page.text.contains("The package is for another district than yours."),
        "{}",
        page.text
    );
    assert!(page.text.contains("Nothing was changed."));
    assert_eq!(count(&w.app, "SELECT COUNT(*) FROM students").await, 0);
    let row = history::get_import(&w.app.db, id).await.unwrap().unwrap();
    assert_eq!(row.state, "refused");
    assert!(row.message.unwrap().starts_with("wrong-district: "));

    w.admin.set_accept_language("es");
    let es = w.admin.get(&format!("/admin/roster/{id}")).await;
    assert!(
        es.text.contains("El paquete es de un distrito distinto del suyo."),
        "{}",
        es.text
    );
    assert!(es.text.contains("Rechazada"));
}

#[tokio::test]
async fn the_page_speaks_spanish_to_a_spanish_reader() {
    let w = world().await;
    import(&w, "v1_2-bulk", false).await;
    w.admin.set_accept_language("es-MX,es;q=0.9");
    let page = w.admin.get("/admin/roster").await;
    for text in [
        "Importar la matrícula",
        "Prueba: solo revisar, sin cambiar nada",
        "Historial de importaciones",
        "Terminada",
    ] {
        assert!(page.text.contains(text), "{text}: {}", page.text);
    }
    let id = history::list_imports(&w.app.db, w.district, 1).await.unwrap()[0].id;
    let detail = w.admin.get(&format!("/admin/roster/{id}")).await;
    assert!(detail.text.contains("Estudiantes"));
    assert!(detail.text.contains("Omitida"));
}

// --------------------------------------------------------------- refusals

async fn refused_upload(w: &World, name: &str, bytes: &[u8]) -> TestResponse {
    let res = upload(&w.admin, name, bytes, false).await;
    assert_eq!(
        count(&w.app, "SELECT COUNT(*) FROM roster_imports").await,
        0,
        "no history row"
    );
    assert_eq!(uploads_left(&w.app), 0, "the partial file is removed");
    res
}

#[tokio::test]
async fn a_file_that_is_not_a_zip_is_refused_and_nothing_is_kept() {
    let w = world().await;
    let res = refused_upload(&w, "users.csv", b"sourcedId,givenName\nstu-01,Amara\n").await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("That file is not a zip file."), "{}", res.text);
    let tiny = refused_upload(&w, "x.zip", b"PK").await;
    assert_eq!(tiny.status, 422);
    assert!(tiny.text.contains("That file is not a zip file."));
}

#[tokio::test]
async fn an_empty_file_or_no_file_is_refused() {
    let w = world().await;
    let empty = refused_upload(&w, "district.zip", b"").await;
    assert_eq!(empty.status, 422);
    assert!(empty.text.contains("That file is empty."), "{}", empty.text);
    let none = refused_upload(&w, "", b"").await;
    assert_eq!(none.status, 422);
    assert!(
        none.text.contains("Choose a OneRoster package (.zip) to upload."),
        "{}",
        none.text
    );
    let page = w.admin.get("/admin/roster").await;
    let no_field = w
        .admin
        .post_multipart(&upload_action(&page), &[("dry_run", "yes")], &[])
        .await;
    assert_eq!(no_field.status, 422);
    assert!(no_field.text.contains("Choose a OneRoster package"));
}

#[tokio::test]
async fn a_package_over_the_limit_is_refused() {
    let config = ssp_web::WebConfig {
        roster_upload_limit: 1 << 10,
        ..Default::default()
    };
    let w = world_with(TestApp::with_config(config).await).await;
    let big = zipped("v1_2-bulk");
    assert!(big.len() > 1 << 10);
    let res = refused_upload(&w, "district.zip", &big).await;
    assert_eq!(res.status, 413);
    assert!(
        res.text.contains("That file is larger than ssp accepts"),
        "{}",
        res.text
    );
}

#[tokio::test]
async fn one_import_runs_at_a_time() {
    let w = world().await;
    // An import running in this server…
    let slot = w.app.state.imports().reserve(Uuid::now_v7()).expect("the slot is free");
    let res = refused_upload(&w, "district.zip", &zipped("v1_2-bulk")).await;
    assert_eq!(res.status, 409);
    assert!(res.text.contains("Another roster import is running."), "{}", res.text);
    drop(slot);
    // …or one the history says is queued (started elsewhere), in any district.
    let other = district_with_admin(&w.app, "Lakeside Unified", None, "lake.admin").await;
    let queued = NewImport {
        id: Uuid::now_v7(),
        district_id: Some(other),
        started_by: None,
        source_name: "lakeside.zip",
        dry_run: false,
    };
    history::create_import(&w.app.db, &queued, w.app.state.now())
        .await
        .unwrap();
    let res = upload(&w.admin, "district.zip", &zipped("v1_2-bulk"), false).await;
    assert_eq!(res.status, 409);
    assert_eq!(count(&w.app, "SELECT COUNT(*) FROM roster_imports").await, 1);
    assert_eq!(uploads_left(&w.app), 0);
}

#[tokio::test]
async fn an_upload_without_the_right_csrf_token_is_refused_and_nothing_is_stored() {
    let w = world().await;
    let zip = zipped("v1_2-bulk");
    w.admin.get("/admin/roster").await;
    for path in [
        "/admin/roster",
        "/admin/roster?csrf=",
        "/admin/roster?csrf=forged-token",
    ] {
        let res = w.admin.post_multipart(path, &[], &[("package", "d.zip", &zip)]).await;
        assert_eq!(res.status, 403, "{path}");
        assert!(res.text.contains("This form has expired"), "{}", res.text);
    }
    // A form token in the body is not enough for a multipart post.
    let page = w.admin.get("/admin/roster").await;
    let token = page.csrf().unwrap();
    let res = w
        .admin
        .post_multipart("/admin/roster", &[("csrf", &token)], &[("package", "d.zip", &zip)])
        .await;
    assert_eq!(res.status, 403);
    // The right token from another site is refused too (Origin is checked first).
    let action = upload_action(&w.admin.get("/admin/roster").await);
    let forged = axum::http::Request::post(action.as_str())
        .header("host", "127.0.0.1:8080")
        .header("origin", "https://evil.example")
        .header(
            "cookie",
            format!("ssp_session={}", w.admin.cookie("ssp_session").unwrap()),
        )
        .header("content-type", "multipart/form-data; boundary=x")
        .body(axum::body::Body::from("--x--\r\n"))
        .unwrap();
    assert_eq!(w.admin.send(forged).await.status, 403);
    assert_eq!(count(&w.app, "SELECT COUNT(*) FROM roster_imports").await, 0);
    assert_eq!(uploads_left(&w.app), 0);
}

// ------------------------------------------------------------ progress

#[tokio::test]
async fn a_queued_import_shows_progress_and_refreshes_until_it_ends() {
    let w = world().await;
    let id = Uuid::now_v7();
    let new = NewImport {
        id,
        district_id: Some(w.district),
        started_by: None,
        source_name: "waiting.zip",
        dry_run: false,
    };
    history::create_import(&w.app.db, &new, w.app.state.now())
        .await
        .unwrap();
    for path in ["/admin/roster".to_owned(), format!("/admin/roster/{id}")] {
        let page = w.admin.get(&path).await;
        assert!(
            page.text.contains("<meta http-equiv=\"refresh\" content=\"2\">"),
            "{path}"
        );
        assert!(page.text.contains("<progress"), "{path}");
        assert!(page.text.contains("0 %"), "{path}");
        assert!(page.text.contains("Waiting to start"), "{path}");
        assert!(page.text.contains("you can close this page"), "{path}");
    }
    let list = w.admin.get("/admin/roster").await;
    assert!(
        !list.text.contains("enctype=\"multipart/form-data\""),
        "no second upload while one is queued"
    );
}

#[tokio::test]
async fn an_import_cut_short_by_a_restart_shows_as_interrupted() {
    let w = world().await;
    let id = Uuid::now_v7();
    let new = NewImport {
        id,
        district_id: Some(w.district),
        started_by: None,
        source_name: "cut-short.zip",
        dry_run: false,
    };
    history::create_import(&w.app.db, &new, w.app.state.now())
        .await
        .unwrap();
    history::mark_running(&w.app.db, id).await.unwrap();
    let dir = w.app.data_dir().join("uploads/imports");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{id}.zip")), zipped("v1_2-bulk")).unwrap();

    // Starting the server settles what the last one left behind.
    let server = ssp_testkit::browser::LiveServer::start(&w.app).await;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let row = loop {
        let row = history::get_import(&w.app.db, id).await.unwrap().unwrap();
        if row.state != "running" {
            break row;
        }
        assert!(std::time::Instant::now() < deadline, "still running");
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(row.state, "failed");
    assert!(row.message.unwrap().starts_with("interrupted:"));
    let page = w.admin.get(&format!("/admin/roster/{id}")).await;
    assert!(page.text.contains("Interrupted"), "{}", page.text);
    assert!(page.text.contains("the server stopped while it ran"));
    assert!(!page.text.contains("http-equiv=\"refresh\""));
    assert_eq!(uploads_left(&w.app), 0, "the leftover package is removed");
    server.stop().await;
}
