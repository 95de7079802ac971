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

async fn number(app: &TestApp, sql: &str) -> f64 {
    let n: i64 = ssp_db::with_reader!(&app.db, |p| sqlx::query_scalar(sql).fetch_one(p).await).expect("query runs");
    n as f64
}

async fn texts(app: &TestApp, sql: &str) -> Vec<String> {
    ssp_db::with_reader!(&app.db, |p| sqlx::query_scalar(sql).fetch_all(p).await).expect("query runs")
}

/// A share of a grade's students that satisfy `condition` (SQL over `s`, the
/// students row).
async fn share(app: &TestApp, grades: &str, condition: &str) -> f64 {
    let all = number(
        app,
        &format!("SELECT COUNT(*) FROM students s WHERE s.grade_level IN ({grades})"),
    )
    .await;
    let with = number(
        app,
        &format!("SELECT COUNT(*) FROM students s WHERE s.grade_level IN ({grades}) AND {condition}"),
    )
    .await;
    assert!(all > 0.0, "no students in grades {grades}");
    with / all
}

#[tokio::test]
async fn the_living_demo_carries_career_records_at_realistic_rates() {
    let app = TestApp::with_living_demo().await;
    let year = ssp_domain::SchoolYear::containing(ssp_demo::DemoOptions::new(120).today).0;
    let completed = |y: i32| {
        format!(
            "EXISTS (SELECT 1 FROM career_inventories i WHERE i.student_id = s.person_id \
             AND i.school_year = {y} AND i.completed_at IS NOT NULL)"
        )
    };

    // Grades 6 and 8 take the inventory in September: most are done.
    let g6 = share(&app, "6", &completed(year)).await;
    assert!((0.6..=0.98).contains(&g6), "grade 6 this year: {g6}");
    let g8 = share(&app, "8", &completed(year)).await;
    assert!((0.5..=0.98).contains(&g8), "grade 8 this year: {g8}");
    // Last year's grade 6 (this year's grade 7) took theirs then.
    let g7_last = share(&app, "7", &completed(year - 1)).await;
    assert!((0.6..=0.98).contains(&g7_last), "grade 7, last year: {g7_last}");
    // Older students took it again now and then, not every year.
    let others = share(&app, "9, 10, 11, 12", &completed(year)).await;
    assert!((0.02..=0.35).contains(&others), "grades 9–12 this year: {others}");

    // Completed inventories have every answer; a few are half done.
    let answers = texts(
        &app,
        "SELECT answers FROM career_inventories WHERE completed_at IS NOT NULL",
    )
    .await;
    assert!(answers.iter().all(|a| a.len() == 60 && !a.contains('-')));
    let drafts = texts(
        &app,
        "SELECT answers FROM career_inventories WHERE completed_at IS NULL",
    )
    .await;
    assert!(!drafts.is_empty(), "a few inventories are in progress");
    assert!(drafts.iter().all(|a| a.len() == 60 && a.contains('-')));
    // A grade-6 inventory completed means the grade's activity is done.
    let undone = number(
        &app,
        "SELECT COUNT(*) FROM career_inventories i JOIN students s ON s.person_id = i.student_id \
         WHERE s.grade_level = 6 AND i.completed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM student_activities a \
         WHERE a.student_id = i.student_id AND a.activity_key = 'g6_interest_inventory' AND a.state = 'done' \
         AND a.school_year = i.school_year)",
    )
    .await;
    assert_eq!(undone, 0.0);

    // Interest codes vary as a school's would: every area leads for someone,
    // none for more than two in five.
    let mut first = std::collections::HashMap::new();
    for a in &answers {
        let code = ssp_domain::career::inventory::Answers::from_stored(a)
            .expect("stored answers parse")
            .scores()
            .code_letters();
        *first.entry(code.chars().next().unwrap_or('-')).or_insert(0usize) += 1;
    }
    assert!(first.len() >= 5, "{first:?}");
    let most = first.values().copied().max().unwrap_or(0) as f64 / answers.len() as f64;
    assert!(most <= 0.4, "{first:?}");

    // Work values and strengths for about half.
    let rated = share(
        &app,
        "6, 7, 8, 9, 10, 11, 12",
        "EXISTS (SELECT 1 FROM career_self_ratings r WHERE r.student_id = s.person_id)",
    )
    .await;
    assert!((0.35..=0.65).contains(&rated), "self-ratings: {rated}");

    // Saved careers: real occupations, at most five a student.
    assert!(number(&app, "SELECT COUNT(*) FROM saved_careers").await > 20.0);
    let unknown =
        "SELECT COUNT(*) FROM saved_careers c WHERE NOT EXISTS (SELECT 1 FROM occupations o WHERE o.code = c.code)";
    assert_eq!(number(&app, unknown).await, 0.0);
    let explored_unknown = "SELECT COUNT(*) FROM career_explorations e \
                            WHERE e.code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM occupations o WHERE o.code = e.code)";
    assert_eq!(number(&app, explored_unknown).await, 0.0);
    let most_saved = number(
        &app,
        "SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM saved_careers GROUP BY student_id) x",
    )
    .await;
    assert!((1.0..=5.0).contains(&most_saved), "{most_saved}");

    // Explorations with reflections for about two in five.
    let explored = share(
        &app,
        "6, 7, 8, 9, 10, 11, 12",
        "EXISTS (SELECT 1 FROM career_explorations e WHERE e.student_id = s.person_id AND e.reflection <> '')",
    )
    .await;
    assert!((0.25..=0.6).contains(&explored), "explorations: {explored}");

    // Postsecondary plans in grades 11–12 (and the showcase's grade 10).
    let planned = "EXISTS (SELECT 1 FROM postsecondary_plans p WHERE p.student_id = s.person_id)";
    let seniors = share(&app, "11, 12", planned).await;
    assert!((0.5..=0.95).contains(&seniors), "grades 11–12: {seniors}");
    assert_eq!(share(&app, "6, 7, 8, 9", planned).await, 0.0);
    assert!(number(&app, "SELECT COUNT(*) FROM postsecondary_programs").await > 0.0);
    assert!(
        number(
            &app,
            "SELECT COUNT(*) FROM postsecondary_steps WHERE done_on IS NOT NULL"
        )
        .await
            > 0.0
    );

    // A handful of district pathways.
    let pathways = number(&app, "SELECT COUNT(*) FROM career_pathways").await;
    assert!((3.0..=10.0).contains(&pathways), "{pathways}");
}

#[tokio::test]
async fn the_showcase_student_has_believable_career_records() {
    let app = TestApp::with_living_demo().await;
    let camila = app.signed_in("demo.student").await;
    let id = app.person("demo.student").await;

    // Two years of inventories, so the results page compares them.
    let results = camila.get(&format!("/students/{id}/career/results")).await;
    assert_eq!(results.status, 200);
    assert!(results.text.contains("Compare years"), "{}", results.text);

    // Her saved careers, with her notes.
    let career = camila.get(&format!("/students/{id}/career")).await;
    assert_eq!(career.status, 200);
    for shown in [
        "Registered Nurses",
        "Physical Therapists",
        "My aunt is an ER nurse",
        "Interviewed my aunt about being an ER nurse",
    ] {
        assert!(career.text.contains(shown), "{shown}: {}", career.text);
    }

    // Careers that fit her code: nursing among the first.
    let matches = camila.get(&format!("/students/{id}/career/matches")).await;
    assert_eq!(matches.status, 200);
    assert!(matches.text.contains("SIA"), "{}", matches.text);

    // Search finds careers by title and by alternate title ("coder" is a
    // medical records specialist's), from the occupations held in memory.
    let vet = camila.get("/careers?q=vet").await;
    assert!(vet.text.contains("Veterinarians"), "{}", vet.text);
    let coder = camila.get("/careers?q=coder").await;
    assert!(coder.text.contains("Medical Records Specialists"), "{}", coder.text);
    let nothing = camila.get("/careers?q=zzzqx").await;
    assert!(!nothing.text.contains("Veterinarians"));

    // A first postsecondary plan in grade 10.
    let plan = camila.get(&format!("/students/{id}/postsecondary")).await;
    assert_eq!(plan.status, 200);
    assert!(plan.text.contains("University of Nutmeg"), "{}", plan.text);
}
