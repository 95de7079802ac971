//! Every role has a place to start: finding a student, class rosters, and
//! the work queues on the home pages.

use ssp_testkit::{TestApp, TestClient};
use uuid::Uuid;

fn plan(id: Uuid) -> String {
    format!("/students/{id}")
}

/// A student of a middle school: outside the high-school showcase staff's scope.
async fn middle_school_student(app: &TestApp) -> Uuid {
    app.query_id(
        "SELECT s.person_id FROM students s JOIN orgs o ON o.id = s.school_id \
         WHERE o.school_level = 'middle' ORDER BY s.person_id LIMIT 1",
        &[],
    )
    .await
    .expect("a middle-school student")
}

/// The `page N of M` line of a students list.
fn summary(body: &str) -> String {
    body.split("<p class=\"muted\">")
        .find(|s| s.contains(" students · page ") || s.contains(" student · page "))
        .and_then(|s| s.split("</p>").next())
        .unwrap_or("")
        .to_owned()
}

/// The plan links of a students list, in order.
fn listed(body: &str) -> Vec<String> {
    body.split("<td><a href=\"/students/")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn name_search_finds_student_by_preferred_name() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let outside = middle_school_student(&app).await;
    for id in [camila, outside] {
        app.execute("UPDATE persons SET preferred_name = 'Zuzu' WHERE id = $1", &[id])
            .await;
    }
    let counselor = app.signed_in("demo.counselor").await;
    let res = counselor.get("/students?view=all&q=zUz").await;
    assert_eq!(res.status, 200);
    assert_eq!(listed(&res.body), vec![camila.to_string()], "{}", res.text);
    assert!(
        res.body.contains("value=\"zUz\""),
        "the search box keeps what was typed"
    );
    assert!(
        !res.body.contains(&plan(outside)),
        "a student outside the counselor's schools is never found"
    );
}

#[tokio::test]
async fn name_search_needs_every_word_and_finds_student_numbers() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    app.execute(
        "UPDATE persons SET given_name = 'Camila', family_name = 'Quintanilla' WHERE id = $1",
        &[camila],
    )
    .await;
    app.execute(
        "UPDATE students SET local_id = 'S-778899' WHERE person_id = $1",
        &[camila],
    )
    .await;
    let counselor = app.signed_in("demo.counselor").await;
    let both = counselor.get("/students?view=all&q=quint+cam").await;
    assert_eq!(listed(&both.body), vec![camila.to_string()], "{}", both.text);
    let wrong = counselor.get("/students?view=all&q=quint+zz").await;
    assert!(listed(&wrong.body).is_empty(), "every word must match");
    let number = counselor.get("/students?view=all&q=S-778899").await;
    assert_eq!(listed(&number.body), vec![camila.to_string()]);
}

#[tokio::test]
async fn page_beyond_last_shows_last_page() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    let res = admin.get("/students?view=all&page=99").await;
    assert_eq!(res.status, 200);
    let line = summary(&res.body);
    let pages: Vec<&str> = line.split("page ").nth(1).unwrap_or("").split(" of ").collect();
    assert_eq!(pages.len(), 2, "{line}");
    assert_eq!(pages[0], pages[1], "the last page: {line}");
    assert!(!listed(&res.body).is_empty(), "with its students");
}

#[tokio::test]
async fn next_page_continues_the_name_order() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    let first = admin.get("/students?view=all").await;
    let next = first
        .body
        .split("rel=\"next\"")
        .next()
        .and_then(|s| s.rsplit("href=\"").next())
        .map(|h| h.trim_end_matches("\" ").replace("&#38;", "&").replace("&amp;", "&"))
        .expect("a next link");
    assert!(
        next.contains("after="),
        "the next page continues from a student: {next}"
    );
    let cur = admin.get(&next).await.body;
    let by_cursor = listed(&cur);
    let by_number = listed(&admin.get("/students?view=all&page=2").await.body);
    assert_eq!(by_cursor.len(), 50);
    assert_eq!(by_cursor, by_number, "the same second page either way");
    assert!(!listed(&first.body).contains(&by_cursor[0]));
}

#[tokio::test]
async fn grade_filter_offers_only_grades_of_my_schools() {
    let app = TestApp::with_demo().await;
    let counselor = app.signed_in("demo.counselor").await;
    let body = counselor.get("/students?view=all").await.body;
    assert!(body.contains("<option value=\"10\""), "a high school's grades");
    assert!(
        !body.contains("<option value=\"6\""),
        "no middle-school grades at a high school"
    );
}

#[tokio::test]
async fn nurse_starts_on_students_at_my_school() {
    let app = TestApp::with_demo().await;
    let nurse = app.signed_in("demo.nurse").await;
    let res = nurse.get("/students").await;
    assert_eq!(res.status, 200);
    assert!(
        res.body.contains("aria-current=\"page\">Students at my school"),
        "{}",
        res.text
    );
    assert!(
        listed(&res.body).len() > 1,
        "the school's students, not an empty caseload"
    );
    let counselor: TestClient = app.signed_in("demo.counselor").await;
    let own = counselor.get("/students").await;
    assert!(
        own.body.contains("aria-current=\"page\">My caseload"),
        "a counselor starts on their caseload"
    );
}
