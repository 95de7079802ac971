//! The fairness audit as a district administrator reads it: the share of
//! students with an active flag by sex and by race/ethnicity, from the
//! demographics the roster keeps apart, with small groups — and groups that
//! would reveal them — not shown; nobody else may see it.

use ssp_testkit::TestApp;
use uuid::Uuid;

use crate::academics::local_id;
use crate::support_flags::upload;

async fn students(app: &TestApp, n: usize) -> Vec<Uuid> {
    let mut ids = Vec::new();
    for i in 0..n {
        let id = app
            .query_id(
                &format!(
                    "SELECT person_id FROM students WHERE status = 'active' ORDER BY person_id LIMIT 1 OFFSET {i}"
                ),
                &[],
            )
            .await
            .expect("the demo has enough students");
        ids.push(id);
    }
    ids
}

async fn keep(app: &TestApp, student: Uuid, sex: &str, race: &str) {
    let sql = format!(
        "INSERT INTO student_demographics (student_id, district_id, sex, race_ethnicity, updated_at) \
         SELECT person_id, district_id, '{sex}', '{race}', CURRENT_TIMESTAMP FROM students WHERE person_id = $1"
    );
    assert_eq!(app.execute(&sql, &[student]).await, 1);
}

#[tokio::test]
async fn flag_rates_by_group_hide_small_groups_and_what_would_reveal_them() {
    let app = TestApp::with_demo().await;
    // The demo keeps demographics for every student: start from none.
    app.execute("DELETE FROM student_demographics", &[]).await;
    let all = students(&app, 25).await;
    for s in &all[..12] {
        keep(&app, *s, "female", "white").await;
    }
    for s in &all[12..24] {
        keep(&app, *s, "male", "white").await;
    }
    keep(&app, all[24], "male", "asian").await;
    // Three of the girls are chronically absent (14 of 120 days).
    let mut csv = String::from(
        "studentUniqueId,daysEnrolled,excusedAbsences,unexcusedAbsences,disciplinaryAbsences,asOfDate,sourceSystem\n",
    );
    for s in &all[..3] {
        csv.push_str(&format!("{},120,7,7,0,2026-10-30,sis\n", local_id(&app, *s).await));
    }
    let r = upload(&app, "attendance", &csv).await;
    assert!(r.status < 400, "{}", r.text);

    let admin = app.signed_in("demo.districtadmin").await;
    let page = admin.get("/admin/support/fairness").await;
    assert_eq!(page.status, 200);
    let by_sex = page
        .text
        .split("By sex")
        .nth(1)
        .unwrap()
        .split("</table>")
        .next()
        .unwrap();
    assert!(
        by_sex.contains("<th scope=\"row\">Female</th><td>12</td><td>3</td><td>25.0 %</td>"),
        "{by_sex}"
    );
    assert!(by_sex.contains("<th scope=\"row\">Male</th><td>13</td><td>0</td><td>0.0 %</td>"));
    let by_race = page
        .text
        .split("By race and ethnicity")
        .nth(1)
        .unwrap()
        .split("</table>")
        .next()
        .unwrap();
    assert!(
        by_race.contains("fewer than 10 students"),
        "the one Asian student: {by_race}"
    );
    assert!(
        by_race.contains("would reveal a small group"),
        "white would reveal it by subtraction from the total: {by_race}"
    );
    assert!(
        by_race.contains("<td>25</td><td>3</td><td>12.0 %</td>"),
        "the total stays"
    );
    // One kind only.
    let page = admin.get("/admin/support/fairness?kind=suspension").await;
    assert!(page
        .text
        .contains("<th scope=\"row\">Female</th><td>12</td><td>0</td><td>0.0 %</td>"));
    assert_eq!(app.count_audit("fairness_report_viewed").await, 2);

    for who in ["demo.counselor", "demo.schooladmin", "demo.student"] {
        let c = app.signed_in(who).await;
        assert_eq!(c.get("/admin/support/fairness").await.status, 404, "{who}");
    }

    // The API gives the same report, audited too; nobody else gets it.
    let api = admin.get_json("/api/v1/admin/support/fairness").await;
    assert_eq!(api.status, 200, "{}", api.body);
    assert!(api.body.contains("\"kind\":\"any\""), "{}", api.body);
    assert!(
        api.body
            .contains("{\"group\":\"female\",\"students\":12,\"flagged\":3,\"percent\":\"25.0\",\"suppressed\":null}"),
        "{}",
        api.body
    );
    assert!(api.body.contains("\"suppressed\":\"small_group\""), "{}", api.body);
    assert!(!api.body.contains(&local_id(&app, all[0]).await), "no student is named");
    assert_eq!(app.count_audit("fairness_report_viewed").await, 3);
    let one_kind = admin.get_json("/api/v1/admin/support/fairness?kind=suspension").await;
    assert!(one_kind.body.contains("\"kind\":\"suspension\""));
    assert_eq!(
        admin
            .get_json("/api/v1/admin/support/fairness?kind=height")
            .await
            .status,
        400
    );
    assert_eq!(
        app.count_audit("fairness_report_viewed").await,
        4,
        "a refused query reads nothing"
    );
    for who in ["demo.counselor", "demo.schooladmin", "demo.student"] {
        let c = app.signed_in(who).await;
        assert_eq!(c.get_json("/api/v1/admin/support/fairness").await.status, 404, "{who}");
    }
    assert_eq!(
        app.client().get_json("/api/v1/admin/support/fairness").await.status,
        401
    );
}

/// The session's CSRF token, for JSON writes.
async fn token(c: &ssp_testkit::TestClient) -> String {
    c.get_json("/api/v1/session")
        .await
        .body
        .split("\"csrf_token\":\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .map(str::to_owned)
        .expect("the session's token")
}

#[tokio::test]
async fn a_district_keeps_its_strategy_library_through_the_api() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    let t = token(&admin).await;
    let listed = admin.get_json("/api/v1/admin/support/strategies").await;
    assert_eq!(listed.status, 200);
    assert!(
        listed.body.contains(
            "{\"key\":\"check_and_connect\",\"tier\":\"tier_2\",\"name\":null,\"own\":false,\"retired\":false}"
        ),
        "{}",
        listed.body
    );

    let added = admin
        .post_json(
            "/api/v1/admin/support/strategies",
            r#"{"key":"walking_school_bus","name":"Walking school bus","tier":"tier_1"}"#,
            Some(&t),
        )
        .await;
    assert_eq!(added.status, 201, "{}", added.body);
    assert!(added.body.contains("walking_school_bus"));
    // Bad input: a duplicate key, a bad tier; nothing added.
    for bad in [
        r#"{"key":"walking_school_bus","name":"Again","tier":"tier_1"}"#,
        r#"{"key":"check_and_connect","name":"Shipped","tier":"tier_2"}"#,
        r#"{"key":"new_one","name":"New","tier":"tier_9"}"#,
        r#"{"key":"","name":"","tier":""}"#,
    ] {
        let r = admin.post_json("/api/v1/admin/support/strategies", bad, Some(&t)).await;
        assert_eq!(r.status, 422, "{bad}: {}", r.body);
    }
    let listed = admin.get_json("/api/v1/admin/support/strategies").await;
    assert_eq!(listed.body.matches("\"own\":true").count(), 1, "{}", listed.body);
    assert!(listed
        .body
        .contains("\"name\":\"Walking school bus\",\"own\":true,\"retired\":false"));

    let retired = admin
        .send_json(
            "PUT",
            "/api/v1/admin/support/strategies/walking_school_bus",
            r#"{"retired":true}"#,
            Some(&t),
        )
        .await;
    assert_eq!(retired.status, 204, "{}", retired.body);
    assert!(admin
        .get_json("/api/v1/admin/support/strategies")
        .await
        .body
        .contains("\"own\":true,\"retired\":true"));
    // The strategies page agrees.
    let page = admin.get("/admin/strategies").await;
    assert!(page.text.contains("Walking school bus"));
    let missing = admin
        .send_json(
            "PUT",
            "/api/v1/admin/support/strategies/check_and_connect",
            r#"{"retired":true}"#,
            Some(&t),
        )
        .await;
    assert_eq!(
        missing.status, 404,
        "a shipped strategy is not the district's to retire"
    );
    assert_eq!(app.count_audit("support_strategy_changed").await, 2);

    for who in ["demo.counselor", "demo.schooladmin", "demo.student"] {
        let c = app.signed_in(who).await;
        let t = token(&c).await;
        assert_eq!(
            c.get_json("/api/v1/admin/support/strategies").await.status,
            404,
            "{who}"
        );
        let r = c
            .post_json(
                "/api/v1/admin/support/strategies",
                r#"{"key":"sneaky","name":"Sneaky","tier":"tier_1"}"#,
                Some(&t),
            )
            .await;
        assert_eq!(r.status, 404, "{who}");
    }
    assert_eq!(
        app.client().get_json("/api/v1/admin/support/strategies").await.status,
        401
    );
}

#[tokio::test]
async fn the_caseload_lists_students_who_need_support_by_flag_overdue_step_and_tier() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let peers: Vec<Uuid> = {
        let mut v = Vec::new();
        for i in 0..2 {
            v.push(
                app.query_id(
                    &format!(
                        "SELECT person_id FROM students WHERE status = 'active' AND school_id = \
                         (SELECT school_id FROM students WHERE person_id = $1) ORDER BY person_id LIMIT 1 OFFSET {i}"
                    ),
                    &[me],
                )
                .await
                .unwrap(),
            );
        }
        v
    };
    let mut csv = String::from(
        "studentUniqueId,daysEnrolled,excusedAbsences,unexcusedAbsences,disciplinaryAbsences,asOfDate,sourceSystem\n",
    );
    for s in &peers {
        csv.push_str(&format!("{},120,7,7,0,2026-10-30,sis\n", local_id(&app, *s).await));
    }
    assert!(upload(&app, "attendance", &csv).await.status < 400);
    let names: Vec<String> = {
        let mut v = Vec::new();
        for s in &peers {
            v.push(
                app.texts("SELECT family_name FROM persons WHERE id = $1", &[*s])
                    .await
                    .remove(0),
            );
        }
        v
    };
    let counselor = app.signed_in("demo.counselor").await;
    let listed = |body: &str| names.iter().filter(|n| body.contains(n.as_str())).count();
    let page = counselor.get("/students?view=all&support=needs_support").await;
    assert_eq!(page.status, 200, "{}", page.text);
    assert_eq!(listed(&page.text), 2, "{}", page.text);
    assert!(page.text.contains("Students who need support"));
    let page = counselor.get("/students?view=all&support=chronic_absence").await;
    assert_eq!(listed(&page.text), 2);
    let page = counselor.get("/students?view=all&support=suspension").await;
    assert_eq!(listed(&page.text), 0);
    let page = counselor.get("/students?view=all&support=overdue_next_step").await;
    assert_eq!(listed(&page.text), 0, "the next step is due in 7 days");
    assert_eq!(counselor.get("/students?support=nonsense").await.status, 400);

    // Eight days on, the default next steps are overdue.
    app.clock.advance(time::Duration::days(8));
    let counselor = app.signed_in("demo.counselor").await;
    let page = counselor.get("/students?view=all&support=overdue_next_step").await;
    assert_eq!(listed(&page.text), 2, "{}", page.text);
    let api = counselor.get_json("/api/v1/students?support=overdue_next_step").await;
    let v: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    assert_eq!(v["total"], 2, "{}", api.body);
    let bad = counselor.get_json("/api/v1/students?support=nope").await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("support"));
}

/// The demo district's audit has something to show: every demo student
/// has a sex and a race/ethnicity kept, so the groups are large enough to
/// be shown rather than all "not reported".
#[tokio::test]
async fn the_demo_districts_audit_shows_its_groups() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    let page = admin.get("/admin/support/fairness").await;
    assert_eq!(page.status, 200);
    let row = |label: &str| -> Option<u32> {
        let after = page.text.split(&format!("<th scope=\"row\">{label}</th><td>")).nth(1)?;
        after.split('<').next()?.parse().ok()
    };
    let (female, male) = (row("Female").expect("a female row"), row("Male").expect("a male row"));
    assert!(female >= 10 && male >= 10, "female {female}, male {male}");
    assert!(row("White").is_some_and(|n| n >= 10), "{}", page.text);
    assert!(row("Hispanic or Latino").is_some_and(|n| n >= 10), "{}", page.text);
}
