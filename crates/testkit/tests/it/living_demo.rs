//! `serve --demo` shows a living product: each showcase account lands on a
//! home page with something to do, and the plans are in every state.

use ssp_testkit::TestApp;

#[tokio::test]
async fn every_showcase_account_lands_on_a_home_page_with_something_to_do() {
    let app = TestApp::with_living_demo().await;

    let student = app.signed_in("demo.student").await;
    let home = student.get("/").await;
    assert!(home.text.contains("What's due"), "{}", home.text);
    assert!(!home.text.contains("Nothing is due right now."), "{}", home.text);
    assert!(!home.text.contains("You have no goals yet."), "she has goals");

    for guardian in ["demo.guardian", "demo.guardian.es"] {
        let c = app.signed_in(guardian).await;
        let home = c.get("/").await;
        let waiting = if guardian == "demo.guardian" {
            "This year's plan review is ready for your signature"
        } else {
            "firma"
        };
        assert!(home.text.contains(waiting), "{guardian}: {}", home.text);
    }

    let pm = app.signed_in("demo.counselor").await;
    let home = pm.get("/").await;
    for queue in [
        "Overdue check-ins on goals I support",
        "Annual reviews waiting for my signature",
        "My follow-ups",
    ] {
        assert!(home.text.contains(queue), "{queue}: {}", home.text);
    }
    assert!(!home.text.contains("Nothing is waiting for you right now."));

    // Roughly seven in ten plans up to date, the rest not, on the caseload.
    let all = pm.get("/students?view=all&status=up_to_date").await;
    let not = pm.get("/students?view=all&status=not_up_to_date").await;
    let count = |t: &str| -> u64 {
        t.split(" students · page")
            .next()
            .and_then(|s| s.rsplit(|c: char| !c.is_ascii_digit()).next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    let (up, down) = (count(&all.text), count(&not.text));
    assert!(up > 0 && down > 0, "up {up}, not {down}: {}", all.text);
    let share = up as f64 / (up + down) as f64;
    assert!((0.5..=0.9).contains(&share), "{share}: up {up}, not {down}");

    // The nurse finds restricted health notes on the students whose team
    // she is on, and reads them without breaking glass.
    let nurse = app.signed_in("demo.nurse").await;
    let nurse_id = app.person("demo.nurse").await;
    let student = app
        .query_id(
            "SELECT n.student_id FROM notes n JOIN team_members t ON t.student_id = n.student_id \
             WHERE n.sensitivity = 'restricted_health' AND t.staff_id = $1 AND t.status = 'active'",
            &[nurse_id],
        )
        .await
        .expect("the demo has health notes on the nurse's students");
    let notes = nurse.get(&format!("/students/{student}/notes")).await;
    assert_eq!(notes.status, 200);
    assert!(notes.body.contains("note-restricted_health"), "{}", notes.text);
}
