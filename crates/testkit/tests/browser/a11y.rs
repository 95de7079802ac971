//! axe-core (npm `axe-core`, pinned in `crates/testkit/package-lock.json`,
//! installed by `.ci/run`) checks the pages each kind of person uses for
//! WCAG 2.1 A and AA violations, in the real browser: the student's plan
//! with a refused form, a goal and its correction page, the staff and
//! family pages, the district settings and an error page — on the demo as
//! `serve --demo` fills it, so the work queues and plans have content.

use serde_json::Value;
use ssp_testkit::browser::in_ci;
use uuid::Uuid;

use super::{journey_in, sign_in};

/// The text of axe.min.js, or `None` after saying why the test is skipped.
fn axe_source() -> Option<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/node_modules/axe-core/axe.min.js");
    match std::fs::read_to_string(path) {
        Ok(s) => Some(s),
        Err(e) if in_ci() => panic!("{path}: {e}; CI=true requires it (.ci/run runs npm ci in crates/testkit)"),
        Err(e) => {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED accessibility test: {path}: {e} (run `npm ci --prefix crates/testkit`)"
            );
            None
        }
    }
}

fn describe(page: &str, violations: &[Value]) -> Vec<String> {
    violations
        .iter()
        .map(|v| {
            let targets: Vec<String> = v["nodes"]
                .as_array()
                .map(|n| n.iter().take(3).map(|n| n["target"].to_string()).collect())
                .unwrap_or_default();
            format!(
                "{page}: {} ({}) — {} at {}",
                v["id"],
                v["impact"],
                v["help"],
                targets.join(", ")
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pages_people_use_have_no_axe_violations() {
    let Some(axe) = axe_source() else { return };
    let Some((app, server, browser)) = journey_in("the_pages_people_use_have_no_axe_violations", true).await else {
        return;
    };
    // Something on each page: a goal with a check-in and a reflection.
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    c.get(&format!("/students/{me}/goals/new")).await;
    let res = c
        .post_form(
            &format!("/students/{me}/goals"),
            &[
                ("domain", "academic"),
                ("statement", "Raise my math grade to a B"),
                ("why_it_matters", "I want to take physics"),
                ("measure_kind", "percent"),
                ("baseline", "71"),
                ("target", "85"),
                ("due_date", "2027-06-15"),
                ("cadence", "every_two_weeks"),
            ],
        )
        .await;
    let goal: Uuid = res.location().unwrap().rsplit('/').next().unwrap().parse().unwrap();
    c.post_form(
        &format!("/students/{me}/goals/{goal}/check-ins"),
        &[("on_date", "2026-11-02"), ("value", "74"), ("note", "First quiz")],
    )
    .await;
    c.get(&format!("/students/{me}")).await;
    c.post_form(
        &format!("/students/{me}/reflections"),
        &[("prompt", "strengths"), ("body", "I keep going")],
    )
    .await;
    let check_in = app
        .query_id("SELECT id FROM goal_check_ins WHERE goal_id = $1", &[goal])
        .await
        .unwrap();
    let reflection = app
        .query_id(
            "SELECT id FROM reflections WHERE student_id = $1 AND body = 'I keep going'",
            &[me],
        )
        .await
        .unwrap();

    // The career pages: a finished interest inventory and a saved career.
    app.load_occupations().await;
    for (i, item) in ssp_domain::career::items::ITEMS.iter().enumerate() {
        let v = if item.area == ssp_domain::career::Area::Artistic {
            "4"
        } else {
            "2"
        };
        c.get(&format!("/students/{me}/career/inventory?item={i}")).await;
        c.post_form(
            &format!("/students/{me}/career/inventory"),
            &[("item", &i.to_string()), ("answer", v)],
        )
        .await;
    }
    c.get("/careers/27-1024.00").await;
    c.post_form(
        &format!("/students/{me}/career/saved"),
        &[("code", "27-1024.00"), ("note", "I draw every day")],
    )
    .await;

    // The partners' pages: a partner, the directory, a need it serves.
    let csc = app.signed_in("demo.csc").await;
    let session = csc.get_json("/api/v1/session").await.body;
    let t = session
        .split("\"csrf_token\":\"")
        .nth(1)
        .and_then(|t| t.split('"').next())
        .unwrap()
        .to_owned();
    csc.post_json("/api/v1/partners", r#"{"name":"Clear Sight Clinic"}"#, Some(&t))
        .await;
    let csv = "kind,name,partner,categories,keywords\nschool_opportunity,Lego club,,enrichment,lego building\n\
               partner_service,Clear Sight eye exams,Clear Sight Clinic,vision_dental,glasses\n";
    csc.post_json(
        "/api/v1/resources/import",
        &serde_json::json!({ "csv": csv }).to_string(),
        Some(&t),
    )
    .await;

    let mut problems = Vec::new();
    let mut checked = 0;
    let visits: [(&str, Vec<String>); 4] = [
        (
            "demo.student",
            vec![
                "/".into(),
                format!("/students/{me}"),
                format!("/students/{me}/goals/{goal}"),
                format!("/students/{me}/goals/{goal}/check-ins/{check_in}/edit"),
                format!("/students/{me}/reflections/{reflection}/edit"),
                format!("/students/{me}/goals/new"),
                format!("/students/{me}/access-log"),
                format!("/students/{}", Uuid::now_v7()),
                format!("/students/{me}/career"),
                format!("/students/{me}/career/inventory?item=3"),
                format!("/students/{me}/career/results"),
                format!("/students/{me}/career/matches"),
                format!("/students/{me}/career/values"),
                format!("/students/{me}/postsecondary"),
                "/careers?q=nurse".into(),
                "/careers/27-1024.00".into(),
                "/careers/clusters".into(),
                format!("/students/{me}/academics"),
                format!("/students/{me}/course-plan"),
                format!("/students/{me}/experiences"),
                format!("/students/{me}/portfolio"),
                // A supervisor's verification link that does not work.
                "/verify-hours/not-a-token".into(),
                format!("/students/{me}/capstone"),
            ],
        ),
        (
            "demo.counselor",
            vec![
                "/".into(),
                "/students".into(),
                format!("/students/{me}"),
                format!("/students/{me}/goals/{goal}"),
                format!("/students/{me}/team"),
                format!("/students/{me}/notes"),
                format!("/students/{me}/interactions"),
                format!("/students/{me}/career"),
                format!("/students/{me}/postsecondary"),
                format!("/students/{me}/academics"),
                format!("/students/{me}/course-plan"),
                format!("/students/{me}/experiences"),
                format!("/students/{me}/portfolio"),
                format!("/students/{me}/capstone"),
                format!("/students/{me}/flags"),
                format!("/students/{me}/needs"),
                format!("/students/{me}/interventions"),
                "/flags".into(),
                format!("/students/{me}/partners"),
                "/partners".into(),
            ],
        ),
        (
            "demo.guardian.es",
            vec![
                "/".into(),
                format!("/students/{me}"),
                format!("/students/{me}/career/results"),
                format!("/students/{me}/capstone"),
                format!("/students/{me}/partners"),
            ],
        ),
        (
            "demo.districtadmin",
            vec![
                "/".into(),
                "/admin/plan-settings".into(),
                "/admin/roster".into(),
                "/admin/audit".into(),
                "/admin/pathways".into(),
                "/admin/catalog".into(),
                "/admin/graduation".into(),
                "/admin/graduation?from=2027".into(),
                "/admin/capstone-rubric".into(),
                "/admin/portfolio".into(),
                "/admin/support".into(),
                "/admin/strategies".into(),
                "/admin/support/fairness".into(),
                "/partners".into(),
            ],
        ),
    ];
    for (who, paths) in visits {
        sign_in(&browser, &server, who, ssp_demo::DEMO_PASSWORD).await;
        for path in paths {
            browser.goto(&server.url(&path)).await;
            let v = browser.axe_violations(&axe).await.expect("axe runs");
            problems.extend(describe(&format!("{who} {path}"), &v));
            checked += 1;
        }
        if who == "demo.student" {
            // A refused form, with its message beside it.
            browser.goto(&server.url(&format!("/students/{me}"))).await;
            browser.find("#reflection-body").await.send_keys("   ").await;
            browser
                .find("form[action$='/reflections'] button[type=submit]")
                .await
                .click_and_wait_for_page()
                .await;
            browser.wait_for_text("can't be empty or only spaces").await;
            let v = browser.axe_violations(&axe).await.expect("axe runs");
            problems.extend(describe("demo.student refused reflection", &v));
            checked += 1;
        }
        browser
            .find("form.sign-out button[type=submit]")
            .await
            .click_and_wait_for_page()
            .await;
    }
    browser.close().await;
    server.stop().await;
    assert!(checked >= 20, "{checked} pages checked");
    assert!(problems.is_empty(), "axe-core found:\n{}", problems.join("\n"));
}
