//! A large file's load, as a district administrator sends it from the page:
//! the file goes up in the background with a progress bar and the result
//! replaces the page (app.js); the data is loaded and the flags follow.

use crate::{journey, sign_in};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_administrator_sends_an_indicator_file_and_sees_the_result_without_leaving() {
    let Some((app, server, browser)) =
        journey("an_administrator_sends_an_indicator_file_and_sees_the_result_without_leaving").await
    else {
        return;
    };
    let ids = app
        .texts(
            "SELECT COALESCE(local_id, state_student_id) FROM students WHERE status = 'active' \
             ORDER BY person_id LIMIT 2",
            &[],
        )
        .await;
    assert_eq!(ids.len(), 2);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("attendance.csv");
    let mut csv = String::from(
        "studentUniqueId,daysEnrolled,excusedAbsences,unexcusedAbsences,disciplinaryAbsences,asOfDate,sourceSystem\n",
    );
    for id in &ids {
        csv.push_str(&format!("{id},45,3,4,0,2026-10-30,district SIS\n"));
    }
    std::fs::write(&file, csv).unwrap();

    sign_in(&browser, &server, "demo.districtadmin", ssp_demo::DEMO_PASSWORD).await;
    browser.goto(&server.url("/admin/support")).await;
    // The window outlives the background send; a normal post would not.
    browser.execute("window.__sspSameWindow = true;", vec![]).await;
    browser
        .find("#s-file")
        .await
        .send_keys(&file.display().to_string())
        .await;
    browser.button("Load the file").await.click().await;
    browser.wait_for_text("Loaded: 2 row(s) new or changed").await;
    let same = browser.execute("return window.__sspSameWindow === true;", vec![]).await;
    assert_eq!(same.as_bool(), Some(true), "the result came back to the same window");
    assert_eq!(browser.path().await, "/admin/support", "the address stays the page's");
    let flagged: Vec<String> = app
        .texts(
            "SELECT f.kind FROM flags f JOIN students s ON s.person_id = f.student_id \
             WHERE COALESCE(s.local_id, s.state_student_id) IN (SELECT COALESCE(local_id, state_student_id) \
             FROM students WHERE status = 'active' ORDER BY person_id LIMIT 2)",
            &[],
        )
        .await;
    assert_eq!(
        flagged,
        vec!["chronic_absence", "chronic_absence"],
        "7 of 45 days is 15.6 %"
    );
    browser.close().await;
    server.stop().await;
}
