//! Needs and tiered interventions (issue 17) as the team, the family and
//! staff outside the student's circle meet them.

use ssp_testkit::{TestApp, TestClient};
use uuid::Uuid;

struct World {
    app: TestApp,
    camila: Uuid,
}

async fn world() -> World {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    World { app, camila }
}

fn needs(student: Uuid) -> String {
    format!("/students/{student}/needs")
}

fn interventions(student: Uuid) -> String {
    format!("/students/{student}/interventions")
}

/// Records a need through the form; answers the response.
async fn record_need(c: &TestClient, student: Uuid, kind: &str, description: &str) -> ssp_testkit::TestResponse {
    c.get(&needs(student)).await;
    c.post_form(
        &needs(student),
        &[("kind", kind), ("description", description), ("source", "team")],
    )
    .await
}

/// The plan manager (demo.counselor) starts a check-in/check-out
/// intervention from 2026-10-05, six weeks, weekly, days attended per week
/// 2 → 5; answers its id.
async fn start_intervention(w: &World, shared: bool) -> Uuid {
    let counselor = w.app.signed_in("demo.counselor").await;
    let owner = w.app.person("demo.counselor").await.to_string();
    counselor.get(&interventions(w.camila)).await;
    let mut form = vec![
        ("strategy", "check_in_check_out"),
        ("tier", ""),
        ("owner", owner.as_str()),
        ("start_on", "2026-10-05"),
        ("planned_weeks", "6"),
        ("cadence", "weekly"),
        ("measure", "Days attended per week"),
        ("baseline", "2"),
        ("goal", "5"),
    ];
    if shared {
        form.push(("shared_with_family", "yes"));
    }
    let res = counselor.post_form(&interventions(w.camila), &form).await;
    assert_eq!(res.status, 303, "{}", res.text);
    res.location()
        .and_then(|l| l.rsplit('/').next())
        .and_then(|id| id.parse().ok())
        .expect("redirect to the intervention")
}

async fn add_point(c: &TestClient, w: &World, intervention: Uuid, on: &str, value: &str) -> ssp_testkit::TestResponse {
    let page = format!("{}/{intervention}", interventions(w.camila));
    c.get(&page).await;
    c.post_form(&format!("{page}/points"), &[("on", on), ("value", value), ("note", "")])
        .await
}

/// Makes the school administrator Camila's plan manager, so demo.counselor
/// is a counselor at her school like any other: school-wide access,
/// restricted classes only with a reason. Answers (counselor, new plan
/// manager).
async fn counselor_who_is_not_plan_manager(w: &World) -> (TestClient, TestClient) {
    let admin = w.app.person("demo.schooladmin").await;
    w.app
        .execute(
            "UPDATE plan_managers SET staff_id = $1 WHERE student_id = $2 AND ended_at IS NULL",
            &[admin, w.camila],
        )
        .await;
    (
        w.app.signed_in("demo.counselor").await,
        w.app.signed_in("demo.schooladmin").await,
    )
}

#[tokio::test]
async fn a_counselor_records_a_food_need_and_the_team_sees_it() {
    let w = world().await;
    let counselor = w.app.signed_in("demo.counselor").await;
    let res = record_need(&counselor, w.camila, "food", "Often hungry in first period").await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_eq!(w.app.count_audit("need_recorded").await, 1);

    let teacher = w.app.signed_in("demo.teacher").await;
    let page = teacher.get(&needs(w.camila)).await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Often hungry in first period"), "{}", page.text);
    assert!(page.text.contains("Food"));
}

#[tokio::test]
async fn a_health_need_is_read_by_the_nurse_and_the_plan_manager() {
    let w = world().await;
    let nurse = w.app.signed_in("demo.nurse").await;
    let res = record_need(&nurse, w.camila, "health", "Needs glucose checks before lunch").await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert!(nurse
        .get(&needs(w.camila))
        .await
        .text
        .contains("Needs glucose checks before lunch"));
    let pm = w.app.signed_in("demo.counselor").await;
    assert!(pm
        .get(&needs(w.camila))
        .await
        .text
        .contains("Needs glucose checks before lunch"));
}

#[tokio::test]
async fn a_teacher_never_sees_a_health_need_nor_is_offered_to_open_it() {
    let w = world().await;
    let nurse = w.app.signed_in("demo.nurse").await;
    record_need(&nurse, w.camila, "health", "Needs glucose checks before lunch").await;
    let teacher = w.app.signed_in("demo.teacher").await;
    let page = teacher.get(&needs(w.camila)).await;
    assert_eq!(page.status, 200);
    assert!(!page.text.contains("glucose"));
    assert!(!page.text.contains("restricted"), "no break-glass offer for a teacher");
    assert!(
        !page.text.contains("value=\"health\""),
        "a teacher cannot record a health need"
    );
}

#[tokio::test]
async fn a_counselor_opens_a_health_need_only_with_a_reason_and_the_plan_manager_is_told() {
    let w = world().await;
    let nurse = w.app.signed_in("demo.nurse").await;
    record_need(&nurse, w.camila, "health", "Needs glucose checks before lunch").await;
    let (counselor, pm) = counselor_who_is_not_plan_manager(&w).await;
    let page = counselor.get(&needs(w.camila)).await;
    assert_eq!(page.status, 200);
    assert!(!page.text.contains("glucose"), "hidden without a reason");
    assert!(page.text.contains("1 need is restricted"), "{}", page.text);

    let too_short = counselor
        .post_form(
            &format!("{}/break-glass", needs(w.camila)),
            &[("sensitivity", "restricted_health"), ("reason", "need")],
        )
        .await;
    assert_eq!(too_short.status, 422);
    assert!(!too_short.text.contains("glucose"));
    assert_eq!(w.app.count_audit("break_glass").await, 0);

    let opened = counselor
        .post_form(
            &format!("{}/break-glass", needs(w.camila)),
            &[
                ("sensitivity", "restricted_health"),
                ("reason", "Student unwell in class, nurse is out"),
            ],
        )
        .await;
    assert_eq!(opened.status, 200);
    assert!(opened.text.contains("Needs glucose checks before lunch"));
    assert_eq!(w.app.count_audit("break_glass").await, 1);
    let pm_home = pm.get("/").await;
    assert!(pm_home.text.contains("Student unwell in class"), "{}", pm_home.text);
}

#[tokio::test]
async fn a_guardian_sees_a_shared_intervention_but_not_an_unshared_one_and_no_needs() {
    let w = world().await;
    let counselor = w.app.signed_in("demo.counselor").await;
    record_need(&counselor, w.camila, "food", "Often hungry in first period").await;
    let shared = start_intervention(&w, true).await;
    let unshared = start_intervention(&w, false).await;
    w.app
        .execute(
            "UPDATE interventions SET measure = 'Assignments turned in' WHERE id = $1",
            &[unshared],
        )
        .await;

    let guardian = w.app.signed_in("demo.guardian").await;
    let list = guardian.get(&interventions(w.camila)).await;
    assert_eq!(list.status, 200);
    assert!(list.text.contains(&shared.to_string()), "{}", list.text);
    assert!(list.text.contains("Days attended per week"));
    assert!(!list.text.contains(&unshared.to_string()));
    assert!(!list.text.contains("Assignments turned in"));
    let page = guardian.get(&format!("{}/{shared}", interventions(w.camila))).await;
    assert_eq!(page.status, 200);
    let hidden = guardian.get(&format!("{}/{unshared}", interventions(w.camila))).await;
    assert_eq!(hidden.status, 404);
    assert_eq!(guardian.get(&needs(w.camila)).await.status, 404);
}

#[tokio::test]
async fn progress_points_are_drawn_on_the_chart_against_the_goal_line() {
    let w = world().await;
    let id = start_intervention(&w, false).await;
    let counselor = w.app.signed_in("demo.counselor").await;
    for (on, value) in [("2026-10-12", "3"), ("2026-10-19", "4")] {
        let res = add_point(&counselor, &w, id, on, value).await;
        assert_eq!(res.status, 303, "{}", res.text);
    }
    let page = counselor.get(&format!("{}/{id}", interventions(w.camila))).await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("class=\"target goal-line\""), "{}", page.text);
    assert_eq!(page.text.matches("<circle class=\"point\"").count(), 2);
    assert!(page.text.contains("2026-10-19: 4"), "each point has its title");
    assert!(page.text.contains("2 points, baseline 2, goal 5, latest 4"));
    assert!(page.text.contains("<caption>Progress points</caption>"), "and a table");
}

#[tokio::test]
async fn a_progress_point_before_the_start_is_refused_with_a_clear_message() {
    let w = world().await;
    let id = start_intervention(&w, false).await;
    let counselor = w.app.signed_in("demo.counselor").await;
    let res = add_point(&counselor, &w, id, "2026-09-28", "3").await;
    assert_eq!(res.status, 422);
    assert!(
        res.text
            .contains("a progress point can&#x27;t be dated before the intervention started")
            || res
                .text
                .contains("a progress point can't be dated before the intervention started"),
        "{}",
        res.text
    );
    assert_eq!(w.app.count_audit("intervention_progress_recorded").await, 0);
}

#[tokio::test]
async fn an_illegal_need_status_move_is_refused() {
    let w = world().await;
    let counselor = w.app.signed_in("demo.counselor").await;
    record_need(&counselor, w.camila, "housing", "Family staying with relatives").await;
    let need = w
        .app
        .query_id("SELECT id FROM needs WHERE student_id = $1", &[w.camila])
        .await
        .expect("the need");
    let url = format!("{}/{need}", needs(w.camila));
    counselor.get(&needs(w.camila)).await;
    let met = counselor
        .post_form(&url, &[("status", "met"), ("what_is_being_done", "Moved into housing")])
        .await;
    assert_eq!(met.status, 303, "{}", met.text);
    counselor.get(&needs(w.camila)).await;
    let back = counselor
        .post_form(&url, &[("status", "in_progress"), ("what_is_being_done", "")])
        .await;
    assert_eq!(back.status, 422);
    assert!(back.text.contains("A need can"), "{}", back.text);
    let status = w.app.texts("SELECT status FROM needs WHERE id = $1", &[need]).await;
    assert_eq!(status, ["met"]);
}

#[tokio::test]
async fn a_finished_intervention_cannot_be_ended_again() {
    let w = world().await;
    let id = start_intervention(&w, false).await;
    let counselor = w.app.signed_in("demo.counselor").await;
    let page = format!("{}/{id}", interventions(w.camila));
    counselor.get(&page).await;
    let ended = counselor
        .post_form(
            &format!("{page}/end"),
            &[("end", "complete"), ("outcome", "met"), ("note", "")],
        )
        .await;
    assert_eq!(ended.status, 303, "{}", ended.text);
    counselor.get(&page).await;
    let again = counselor
        .post_form(
            &format!("{page}/end"),
            &[("end", "discontinue"), ("outcome", "not_met"), ("note", "")],
        )
        .await;
    assert_eq!(again.status, 422);
    assert!(again.text.contains("already ended"), "{}", again.text);
}

#[tokio::test]
async fn an_intervention_without_a_recent_point_shows_its_check_overdue() {
    let w = world().await;
    start_intervention(&w, false).await;
    let counselor = w.app.signed_in("demo.counselor").await;
    let list = counselor.get(&interventions(w.camila)).await;
    // Started 2026-10-05, weekly, no point yet; today is 2026-11-02.
    assert!(list.text.contains("Progress check overdue since"), "{}", list.text);
}

#[tokio::test]
async fn unrelated_staff_get_not_found_and_an_audited_denial() {
    let w = world().await;
    let id = start_intervention(&w, true).await;
    let other = crate::access::outsider(&w.app).await;
    for url in [
        needs(w.camila),
        interventions(w.camila),
        format!("{}/{id}", interventions(w.camila)),
    ] {
        let before = w.app.count_audit("access_denied").await;
        assert_eq!(other.get(&url).await.status, 404, "{url}");
        assert_eq!(w.app.count_audit("access_denied").await, before + 1, "{url}");
    }
    other.get("/").await;
    let before = w.app.count_audit("access_denied").await;
    let res = record_need(&other, w.camila, "food", "Trying to write").await;
    assert_eq!(res.status, 404);
    assert!(w.app.count_audit("access_denied").await > before);
    assert_eq!(w.app.count_audit("need_recorded").await, 0);
}

#[tokio::test]
async fn a_district_adds_its_own_strategy_and_staff_start_it() {
    let w = world().await;
    let admin = w.app.signed_in("demo.districtadmin").await;
    admin.get("/admin/strategies").await;
    let res = admin
        .post_form(
            "/admin/strategies",
            &[
                ("key", "reading_buddies"),
                ("name", "Reading buddies"),
                ("tier", "tier_2"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let counselor = w.app.signed_in("demo.counselor").await;
    let page = counselor.get(&interventions(w.camila)).await;
    assert!(page.text.contains("value=\"reading_buddies\""), "{}", page.text);
    assert_eq!(counselor.get("/admin/strategies").await.status, 404);

    admin.get("/admin/strategies").await;
    admin
        .post_form(
            "/admin/strategies/retire",
            &[("key", "reading_buddies"), ("retire", "yes")],
        )
        .await;
    let page = counselor.get(&interventions(w.camila)).await;
    assert!(
        !page.text.contains("value=\"reading_buddies\""),
        "a retired one is not offered"
    );
}

#[tokio::test]
async fn the_api_records_a_need_and_a_guardian_reads_only_shared_interventions() {
    let w = world().await;
    let counselor = w.app.signed_in("demo.counselor").await;
    let token = counselor
        .get_json("/api/v1/session")
        .await
        .body
        .split("\"csrf_token\":\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .map(str::to_owned)
        .expect("the session's token");
    let res = counselor
        .post_json(
            &format!("/api/v1/students/{}/needs", w.camila),
            r#"{"kind":"transportation","description":"Misses the bus after practice"}"#,
            Some(&token),
        )
        .await;
    assert_eq!(res.status, 201, "{}", res.body);
    let listed = counselor
        .get_json(&format!("/api/v1/students/{}/needs", w.camila))
        .await;
    assert!(listed.body.contains("\"sensitivity\":\"staff\""), "{}", listed.body);
    assert!(listed.body.contains("Misses the bus after practice"));

    let shared = start_intervention(&w, true).await;
    let unshared = start_intervention(&w, false).await;
    let guardian = w.app.signed_in("demo.guardian").await;
    let list = guardian
        .get_json(&format!("/api/v1/students/{}/interventions", w.camila))
        .await;
    assert_eq!(list.status, 200, "{}", list.body);
    assert!(list.body.contains(&shared.to_string()));
    assert!(!list.body.contains(&unshared.to_string()));
    let needs = guardian.get_json(&format!("/api/v1/students/{}/needs", w.camila)).await;
    assert_eq!(needs.status, 404);
}

#[tokio::test]
async fn the_student_sees_the_interventions_shared_with_the_family_and_a_link_to_them() {
    let w = world().await;
    let shared = start_intervention(&w, true).await;
    let unshared = start_intervention(&w, false).await;
    let camila = w.app.signed_in("demo.student").await;
    let plan = camila.get(&format!("/students/{}", w.camila)).await;
    assert!(plan.text.contains(&interventions(w.camila)), "{}", plan.text);
    assert!(!plan.text.contains(&needs(w.camila)));
    let list = camila.get(&interventions(w.camila)).await;
    assert_eq!(list.status, 200);
    assert!(list.text.contains(&shared.to_string()));
    assert!(!list.text.contains(&unshared.to_string()));
}
