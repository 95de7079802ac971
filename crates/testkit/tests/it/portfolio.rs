//! The portfolio as a student, their family and their counselor use it:
//! work added as a file (type judged from the content, images with a
//! thumbnail), a link or a text; refusals that store nothing; best work
//! with its yearly limit; private work; files served with safe headers
//! from a guarded path; showcases shared by link (only what was chosen,
//! each view recorded, revocable, expiring); the whole portfolio as a zip.

use std::io::Read as _;

use base64::Engine as _;
use ssp_testkit::{TestApp, TestClient};
use ssp_web::WebConfig;
use uuid::Uuid;

/// A real 1×1 PNG.
fn png() -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
        .expect("png")
}

async fn add(
    c: &TestClient,
    me: Uuid,
    fields: &[(&str, &str)],
    file: Option<(&str, &[u8])>,
) -> ssp_testkit::TestResponse {
    let token = c.get(&format!("/students/{me}/portfolio")).await.csrf().expect("token");
    let files: Vec<(&str, &str, &[u8])> = file.map(|(n, b)| vec![("file", n, b)]).unwrap_or_default();
    c.post_multipart(&format!("/students/{me}/portfolio?csrf={token}"), fields, &files)
        .await
}

fn work<'a>(kind: &'a str, title: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("kind", kind),
        ("title", title),
        ("domain", "academic"),
        ("school_year", "2027"),
        ("reflection", "I learned to revise."),
    ]
}

async fn count(app: &TestApp, me: Uuid) -> usize {
    app.texts("SELECT title FROM artifacts WHERE student_id = $1", &[me])
        .await
        .len()
}

#[tokio::test]
async fn a_student_adds_files_links_and_texts_and_bad_files_store_nothing() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;

    let mut link = work("link", "My podcast");
    link.push(("url", "https://example.org/podcast"));
    link.push(("competencies", "casel:self_awareness"));
    link.push(("competencies", "p21:communication"));
    assert_eq!(add(&student, me, &link, None).await.status, 303);
    let mut text = work("text", "A poem");
    text.push(("body", "Roses are red"));
    assert_eq!(add(&student, me, &text, None).await.status, 303);
    let ok = add(&student, me, &work("file", "My chart"), Some(("chart.png", &png()))).await;
    assert_eq!(ok.status, 303, "{}", ok.text);

    let page = student.get(&format!("/students/{me}/portfolio")).await;
    assert!(page.text.contains("My podcast") && page.text.contains("A poem") && page.text.contains("My chart"));
    assert!(page.text.contains("Self-awareness") && page.text.contains("Communication"));
    assert!(page.text.contains("/thumbnail"), "an image gets a thumbnail");
    let id = app
        .query_id("SELECT id FROM artifacts WHERE title = 'My chart'", &[])
        .await
        .unwrap();
    let thumb = student.get(&format!("/students/{me}/portfolio/{id}/thumbnail")).await;
    assert_eq!(thumb.status, 200);
    assert_eq!(thumb.header("content-type"), Some("image/jpeg"));
    assert_eq!(&thumb.bytes[..2], &[0xFF, 0xD8], "a JPEG");
    let file = student.get(&format!("/students/{me}/portfolio/{id}/file")).await;
    assert_eq!(file.bytes, png());
    assert_eq!(file.header("content-type"), Some("image/png"));
    assert_eq!(file.header("x-content-type-options"), Some("nosniff"));
    assert!(file.header("content-security-policy").unwrap().contains("sandbox"));

    // Refused, each with its reason, and nothing stored.
    let before = count(&app, me).await;
    let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();
    let r = add(&student, me, &work("file", "Fake picture"), Some(("photo.png", &pdf))).await;
    assert_eq!(r.status, 422);
    assert!(r.text.contains("the file's name says a different type"), "{}", r.text);
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".to_vec();
    let r = add(&student, me, &work("file", "Drawing"), Some(("drawing.svg", &svg))).await;
    assert_eq!(r.status, 422);
    assert!(r.text.contains("contains scripts or macros"), "{}", r.text);
    let r = add(&student, me, &work("file", "Nothing"), None).await;
    assert!(r.text.contains("File (for a file): this is needed."), "{}", r.text);
    let mut bad = work("link", "Trick");
    bad.push(("url", "javascript:alert(1)"));
    let r = add(&student, me, &bad, None).await;
    assert_eq!(r.status, 422);
    assert!(r.text.contains("only web links"), "{}", r.text);
    assert!(r.text.contains("value=\"Trick\""), "what was typed is kept");
    assert_eq!(count(&app, me).await, before);
    assert_eq!(app.count_audit("artifact_added").await, 3);
}

#[tokio::test]
async fn a_file_over_the_limit_is_refused_while_it_streams() {
    let app = TestApp::with_demo_config(WebConfig {
        upload_limit: 1024,
        ..WebConfig::default()
    })
    .await;
    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let big = vec![b'a'; 4096];
    let r = add(&student, me, &work("file", "Big notes"), Some(("notes.txt", &big))).await;
    assert_eq!(r.status, 422);
    assert!(r.text.contains("the file is larger than the limit"), "{}", r.text);
    assert_eq!(count(&app, me).await, 0);
    let staged = app.data_dir().join("uploads").join("portfolio");
    let left = std::fs::read_dir(&staged).map(|d| d.count()).unwrap_or(0);
    assert_eq!(left, 0, "no staged file is left behind");
}

#[tokio::test]
async fn who_sees_the_portfolio_and_who_may_change_it() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let mut open = work("text", "Open essay");
    open.push(("body", "Everyone may read this."));
    add(&student, me, &open, None).await;
    let mut secret = work("text", "Private journal");
    secret.push(("body", "Only me and staff."));
    add(&student, me, &secret, None).await;
    let journal = app
        .query_id("SELECT id FROM artifacts WHERE title = 'Private journal'", &[])
        .await
        .unwrap();
    let r = student
        .post_form(
            &format!("/students/{me}/portfolio/{journal}/flags"),
            &[("private", "true")],
        )
        .await;
    assert_eq!(r.status, 303);

    // (persona, page, sees the private item, adding, removing): a guardian
    // may not change the plan at all (not found); staff may, but the
    // portfolio is the student's own (forbidden).
    let cases = [
        ("demo.guardian", 200, false, 404, 404),
        ("demo.counselor", 200, true, 403, 403),
    ];
    for (who, status, private, add_status, remove_status) in cases {
        let c = app.signed_in(who).await;
        let page = c.get(&format!("/students/{me}/portfolio")).await;
        assert_eq!(page.status, status, "{who}");
        assert!(page.text.contains("Open essay"), "{who}");
        assert_eq!(page.text.contains("Private journal"), private, "{who}");
        let mut t = work("text", "Not theirs");
        t.push(("body", "x"));
        assert_eq!(add(&c, me, &t, None).await.status, add_status, "{who}");
        assert_eq!(
            c.post_form(&format!("/students/{me}/portfolio/{journal}/remove"), &[])
                .await
                .status,
            remove_status,
            "{who}"
        );
    }
    let outsider = crate::access::outsider(&app).await;
    assert_eq!(outsider.get(&format!("/students/{me}/portfolio")).await.status, 404);
    assert_eq!(
        outsider
            .get(&format!("/students/{me}/portfolio/{journal}/file"))
            .await
            .status,
        404
    );
    assert!(
        app.count_audit("record_viewed").await >= 2,
        "staff and family views are audited"
    );
    assert_eq!(count(&app, me).await, 2);
}

#[tokio::test]
async fn best_work_has_a_yearly_limit_and_shows_on_the_portfolio() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let mut ids = Vec::new();
    for i in 0..6 {
        let title = format!("Piece {i}");
        let mut t = work("text", &title);
        t.push(("body", "work"));
        add(&student, me, &t, None).await;
        ids.push(
            app.query_id(&format!("SELECT id FROM artifacts WHERE title = '{title}'"), &[])
                .await
                .unwrap(),
        );
    }
    for id in &ids[..5] {
        let r = student
            .post_form(
                &format!("/students/{me}/portfolio/{id}/flags"),
                &[("best_work", "true")],
            )
            .await;
        assert_eq!(r.status, 303);
    }
    let sixth = student
        .post_form(
            &format!("/students/{me}/portfolio/{}/flags", ids[5]),
            &[("best_work", "true")],
        )
        .await;
    assert_eq!(sixth.status, 409);
    assert!(
        sixth.text.contains("already has the most pieces of best work"),
        "{}",
        sixth.text
    );
    let page = student.get(&format!("/students/{me}/portfolio")).await;
    let best = page.text.split("Best work this year").nth(1).unwrap();
    let best = best.split("</section>").next().unwrap();
    assert_eq!(best.matches("Piece ").count(), 5);
}

#[tokio::test]
async fn a_showcase_shares_only_what_was_chosen_and_each_view_is_seen() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    for (title, body) in [("Lab report", "Findings"), ("Diary", "Secret")] {
        let mut t = work("text", title);
        t.push(("body", body));
        add(&student, me, &t, None).await;
    }
    add(&student, me, &work("file", "Chart"), Some(("chart.png", &png()))).await;
    let lab = app
        .query_id("SELECT id FROM artifacts WHERE title = 'Lab report'", &[])
        .await
        .unwrap();
    let chart = app
        .query_id("SELECT id FROM artifacts WHERE title = 'Chart'", &[])
        .await
        .unwrap();
    let diary = app
        .query_id("SELECT id FROM artifacts WHERE title = 'Diary'", &[])
        .await
        .unwrap();
    student
        .post_form(
            &format!("/students/{me}/portfolio/{diary}/flags"),
            &[("private", "true")],
        )
        .await;
    // A private item cannot be chosen.
    let refused = student
        .post_form(
            &format!("/students/{me}/portfolio/showcases"),
            &[("title", "For colleges"), ("items", &diary.to_string()), ("days", "30")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.text.contains("Private work cannot be shared"),
        "{}",
        refused.text
    );
    let made = student
        .post_form(
            &format!("/students/{me}/portfolio/showcases"),
            &[
                ("title", "For colleges"),
                ("items", &lab.to_string()),
                ("items", &chart.to_string()),
                ("days", "7"),
            ],
        )
        .await;
    assert_eq!(made.status, 200, "{}", made.text);
    let link = made
        .text
        .split("value=\"")
        .find(|s| s.contains("/showcase/"))
        .and_then(|s| s.split('"').next())
        .expect("the link is shown once")
        .to_owned();
    let path = &link[link.find("/showcase/").unwrap()..];

    let visitor = app.client();
    let view = visitor.get(path).await;
    assert_eq!(view.status, 200, "{}", view.text);
    assert!(view.text.contains("Lab report") && view.text.contains("Chart"));
    assert!(!view.text.contains("Diary") && !view.text.contains("Secret"));
    let file = visitor.get(&format!("{path}/{chart}/file")).await;
    assert_eq!(file.bytes, png());
    assert_eq!(
        visitor.get(&format!("{path}/{diary}/file")).await.status,
        404,
        "only what was shared"
    );
    assert_eq!(app.count_audit("showcase_viewed").await, 1);
    let page = student.get(&format!("/students/{me}/portfolio")).await;
    assert!(page.text.contains("opened 1 time(s)"), "{}", page.text);

    // Revoked: the link stops working at once.
    let sid = app.query_id("SELECT id FROM showcases", &[]).await.unwrap();
    let r = student
        .post_form(&format!("/students/{me}/portfolio/showcases/{sid}/revoke"), &[])
        .await;
    assert_eq!(r.status, 303);
    let closed = visitor.get(path).await;
    assert_eq!(closed.status, 403);
    assert!(closed.text.contains("expired or was turned off"), "{}", closed.text);
    assert!(!closed.text.contains("Lab report"));
    assert_eq!(visitor.get("/showcase/not-a-token").await.status, 404);

    // Another link expires after its days.
    let made = student
        .post_form(
            &format!("/students/{me}/portfolio/showcases"),
            &[("title", "Short"), ("items", &lab.to_string()), ("days", "1")],
        )
        .await;
    let link = made
        .text
        .split("value=\"")
        .find(|s| s.contains("/showcase/"))
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_owned();
    let path = &link[link.find("/showcase/").unwrap()..];
    assert_eq!(visitor.get(path).await.status, 200);
    app.clock.advance(time::Duration::days(2));
    assert_eq!(visitor.get(path).await.status, 403);
}

#[tokio::test]
async fn the_whole_portfolio_downloads_as_a_zip_with_an_index() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let mut t = work("text", "Essay <one>");
    t.push(("body", "Body"));
    add(&student, me, &t, None).await;
    add(&student, me, &work("file", "Chart"), Some(("chart.png", &png()))).await;
    let zip = student.get(&format!("/students/{me}/portfolio/export.zip")).await;
    assert_eq!(zip.status, 200);
    assert_eq!(zip.header("content-type"), Some("application/zip"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.bytes)).expect("a zip");
    let mut index = String::new();
    archive
        .by_name("index.html")
        .expect("an index")
        .read_to_string(&mut index)
        .unwrap();
    assert!(index.contains("Essay &lt;one&gt;"), "{index}");
    assert!(index.contains("files/") && index.contains("chart.png"));
    let names: Vec<String> = archive
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    let png_name = names.iter().find(|n| n.ends_with("chart.png")).expect("the file");
    let mut bytes = Vec::new();
    archive.by_name(png_name).unwrap().read_to_end(&mut bytes).unwrap();
    assert_eq!(bytes, png());
    assert_eq!(app.count_audit("portfolio_exported").await, 1);
    assert!(
        index.contains("Academic") && !index.contains("· academic"),
        "domains named, not keys"
    );

    // In the reader's language.
    student
        .post_form("/language", &[("lang", "es"), ("return_to", "/")])
        .await;
    let zip = student.get(&format!("/students/{me}/portfolio/export.zip")).await;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.bytes)).expect("a zip");
    let mut index = String::new();
    archive
        .by_name("index.html")
        .unwrap()
        .read_to_string(&mut index)
        .unwrap();
    assert!(
        index.contains("lang=\"es\"") && index.contains("Portafolio de"),
        "{index}"
    );
    assert!(index.contains("Académico"), "{index}");
}

#[tokio::test]
async fn work_given_as_evidence_shows_on_the_goal() {
    let app = TestApp::with_living_demo().await;
    let me = app.person("demo.student").await;
    let goal = app
        .query_id("SELECT id FROM goals WHERE student_id = $1 ORDER BY id LIMIT 1", &[me])
        .await
        .expect("the demo student has goals");
    let student = app.signed_in("demo.student").await;
    let mut t = work("text", "Practice log");
    t.push(("body", "Every day this week"));
    t.push(("reflection", "I kept going."));
    let goal_s = goal.to_string();
    t.push(("goal", &goal_s));
    assert_eq!(add(&student, me, &t, None).await.status, 303);
    let page = student.get(&format!("/students/{me}/goals/{goal}")).await;
    assert!(
        page.text.contains("Work in the portfolio") && page.text.contains("Practice log"),
        "{}",
        page.text
    );
    // A goal of another student is not accepted.
    let other = app
        .query_id("SELECT id FROM goals WHERE student_id <> $1 LIMIT 1", &[me])
        .await
        .expect("another student's goal");
    let mut t = work("text", "Wrong goal");
    t.push(("body", "x"));
    let other_s = other.to_string();
    t.push(("goal", &other_s));
    assert_ne!(add(&student, me, &t, None).await.status, 303);
    assert_eq!(count(&app, me).await, 1);
}

#[tokio::test]
async fn the_portfolio_through_the_api() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let t = crate::academics::api_token(&student).await;
    let url = format!("/api/v1/students/{me}/portfolio");
    let added = student
        .post_json(
            &url,
            r#"{"kind":"link","title":"My site","domain":"career","school_year":"2026-2027","url":"https://example.org","competencies":["p21:collaboration"]}"#,
            Some(&t),
        )
        .await;
    assert_eq!(added.status, 201, "{}", added.body);
    let bad = student
        .post_json(
            &url,
            r#"{"kind":"link","title":"","domain":"career","school_year":"2027","url":"ftp://x"}"#,
            Some(&t),
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.body.contains("not_http") && bad.body.contains("title"),
        "{}",
        bad.body
    );
    let id: serde_json::Value = serde_json::from_str(&added.body).unwrap();
    let id = id["id"].as_str().unwrap().to_owned();
    assert_eq!(
        student
            .send_json(
                "PUT",
                &format!("{url}/{id}"),
                r#"{"best_work":true,"private":true}"#,
                Some(&t)
            )
            .await
            .status,
        204
    );
    let list: serde_json::Value = serde_json::from_str(&student.get_json(&url).await.body).unwrap();
    assert_eq!(list[0]["title"], "My site");
    assert_eq!(list[0]["best_work"], true);
    assert_eq!(list[0]["competencies"][0], "p21:collaboration");
    let guardian = app.signed_in("demo.guardian").await;
    let seen: serde_json::Value = serde_json::from_str(&guardian.get_json(&url).await.body).unwrap();
    assert_eq!(seen.as_array().unwrap().len(), 0, "private work is not the family's");
    let counselor = app.signed_in("demo.counselor").await;
    let ct = crate::academics::api_token(&counselor).await;
    assert_eq!(
        counselor
            .send_json("DELETE", &format!("{url}/{id}"), "", Some(&ct))
            .await
            .status,
        403
    );
    assert_eq!(
        student
            .send_json("DELETE", &format!("{url}/{id}"), "", Some(&t))
            .await
            .status,
        204
    );
    assert_eq!(count(&app, me).await, 0);
}

#[tokio::test]
async fn a_student_groups_work_into_ordered_collections() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let mut ids = Vec::new();
    for title in ["Sketch", "Model", "Poster"] {
        let mut t = work("text", title);
        t.push(("body", "x"));
        add(&student, me, &t, None).await;
        ids.push(
            app.query_id(&format!("SELECT id FROM artifacts WHERE title = '{title}'"), &[])
                .await
                .unwrap()
                .to_string(),
        );
    }
    let base = format!("/students/{me}/portfolio/collections");
    let refused = student.post_form(&base, &[("name", "")]).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text.contains("Give the collection a name."));
    assert_eq!(
        student.post_form(&base, &[("name", "Design project")]).await.status,
        303
    );
    let c = app.query_id("SELECT id FROM portfolio_collections", &[]).await.unwrap();
    let change = |action: &'static str, artifact: String| {
        let student = &student;
        let url = format!("{base}/{c}");
        async move {
            student
                .post_form(&url, &[("action", action), ("artifact", &artifact)])
                .await
        }
    };
    for id in &ids {
        assert_eq!(change("add", id.clone()).await.status, 303);
    }
    let twice = change("add", ids[0].clone()).await;
    assert_eq!(twice.status, 409);
    assert!(twice.text.contains("already in the collection"));
    assert_eq!(change("up", ids[2].clone()).await.status, 303);
    let page = student.get(&format!("/students/{me}/portfolio")).await;
    let section = page.text.split("Design project").nth(1).unwrap();
    let order: Vec<usize> = ["Sketch", "Poster", "Model"]
        .iter()
        .map(|t| section.find(&format!(">{t}</a>")).unwrap())
        .collect();
    assert!(order[0] < order[1] && order[1] < order[2], "Sketch, Poster, Model");
    assert_eq!(change("take_out", ids[0].clone()).await.status, 303);
    let counselor = app.signed_in("demo.counselor").await;
    let seen = counselor.get(&format!("/students/{me}/portfolio")).await;
    assert!(seen.text.contains("Design project"), "staff see the collections");
    assert_eq!(
        counselor
            .post_form(&format!("{base}/{c}"), &[("action", "remove")])
            .await
            .status,
        403
    );
    assert_eq!(change("remove", String::new()).await.status, 303);
    assert!(app
        .query_id("SELECT id FROM portfolio_collections", &[])
        .await
        .is_none());
    assert_eq!(count(&app, me).await, 3, "the work stays in the portfolio");
}
