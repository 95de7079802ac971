//! The living demo's support data, and what staff see of it: indicator data
//! for every student at realistic rates, flags raised by the app's own rules
//! (exactly the students the rules pick), each with an owner; the team has
//! worked them (in progress where an intervention answers the flag,
//! acknowledged with a next step, some overdue); owners find their next
//! steps on their home page and a school sees the overdue ones of others.

use ssp_testkit::TestApp;

async fn number(app: &TestApp, sql: &str) -> i64 {
    ssp_db::with_reader!(&app.db, |p| sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[tokio::test]
async fn the_demo_flags_are_the_rules_findings_each_owned_and_worked() {
    let app = TestApp::with_living_demo().await;
    let students = number(&app, "SELECT COUNT(*) FROM students").await;
    assert_eq!(number(&app, "SELECT COUNT(*) FROM attendance_readings").await, students);

    // Chronic absence flags are exactly the students at or above 10 % of at
    // least 20 enrolled days (the national default thresholds).
    let meeting_rule = number(
        &app,
        "SELECT COUNT(*) FROM attendance_readings WHERE days_enrolled >= 20 \
         AND 10 * (excused + unexcused + disciplinary) >= days_enrolled",
    )
    .await;
    let flagged = number(&app, "SELECT COUNT(*) FROM flags WHERE kind = 'chronic_absence'").await;
    assert!(meeting_rule > 0);
    assert_eq!(flagged, meeting_rule);
    let suspended = number(
        &app,
        "SELECT COUNT(*) FROM behaviour_readings WHERE iss_days + oss_days >= 1",
    )
    .await;
    assert_eq!(
        number(&app, "SELECT COUNT(*) FROM flags WHERE kind = 'suspension'").await,
        suspended
    );

    // Owned, each with its history; worked as a school would.
    assert_eq!(
        number(
            &app,
            "SELECT COUNT(*) FROM flags f WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = f.owner_id)"
        )
        .await,
        0
    );
    assert_eq!(
        number(&app, "SELECT COUNT(*) FROM flags f WHERE NOT EXISTS (SELECT 1 FROM flag_events e WHERE e.flag_id = f.id AND e.event = 'raise')").await,
        0
    );
    let in_progress = number(&app, "SELECT COUNT(*) FROM flags WHERE status = 'in_progress'").await;
    let answered = number(
        &app,
        "SELECT COUNT(*) FROM flags f WHERE f.status = 'in_progress' AND EXISTS (SELECT 1 FROM intervention_links l \
         WHERE l.target_kind = 'flag' AND l.target_id = f.id)",
    )
    .await;
    assert!(in_progress > 0);
    assert_eq!(
        answered, in_progress,
        "in progress exactly where an intervention answers the flag"
    );
    assert!(
        number(
            &app,
            "SELECT COUNT(*) FROM flags WHERE status = 'acknowledged' AND next_step <> ''"
        )
        .await
            > 0
    );
    assert!(number(&app, "SELECT COUNT(*) FROM flags WHERE status = 'open'").await > 0);
    // Needs and interventions, every intervention with a progress point.
    assert!(number(&app, "SELECT COUNT(*) FROM needs").await > 0);
    assert_eq!(
        number(&app, "SELECT COUNT(*) FROM interventions i WHERE NOT EXISTS (SELECT 1 FROM intervention_points x WHERE x.intervention_id = i.id)").await,
        0
    );
}

#[tokio::test]
async fn owners_find_their_next_steps_at_home_and_the_school_sees_overdue_ones() {
    let app = TestApp::with_living_demo().await;
    let counselor = app.person("demo.counselor").await;
    let owned = app
        .query_id(
            "SELECT id FROM flags WHERE owner_id = $1 AND status IN ('open', 'acknowledged', 'in_progress') \
             ORDER BY next_step_due, id LIMIT 1",
            &[counselor],
        )
        .await
        .expect("the counselor manages plans of flagged students");
    let home = app.signed_in("demo.counselor").await.get("/").await;
    assert_eq!(home.status, 200);
    assert!(home.text.contains("My flags: next steps due"), "{}", home.text);
    assert!(
        home.text.contains(&format!("/flags#flag-{owned}")),
        "the soonest next step is listed"
    );

    // Two weeks on, the school administrator sees the next steps others let
    // pass, with the caseload filter for all of them.
    app.clock.advance(time::Duration::days(14));
    let overdue = number(
        &app,
        "SELECT COUNT(*) FROM flags f JOIN students s ON s.person_id = f.student_id \
         JOIN orgs o ON o.id = s.school_id WHERE o.name = 'Riverside High School' \
         AND f.status IN ('open', 'acknowledged', 'in_progress') AND f.next_step_due < '2026-11-16'",
    )
    .await;
    assert!(overdue > 0, "the demo has overdue next steps");
    let home = app.signed_in("demo.schooladmin").await.get("/").await;
    assert!(home.text.contains("Overdue next steps on others"), "{}", home.text);
    assert!(home.text.contains("/students?support=overdue_next_step"));
    let list = app
        .signed_in("demo.schooladmin")
        .await
        .get("/students?support=overdue_next_step")
        .await;
    assert_eq!(list.status, 200);
    // A teacher (no school-wide scope) does not get the school's queue.
    let teacher = app.signed_in("demo.teacher").await.get("/").await;
    assert!(!teacher.text.contains("Overdue next steps on others"));
}
