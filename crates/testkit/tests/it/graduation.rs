//! A district's own graduation rules as its administrator keeps them: a
//! requirement set of its own that every audit and the stored standing then
//! follow, its grade scale (a mark on transcripts can never be dropped) and
//! the course plan's credits a year — on `/admin/graduation` and through
//! the API; refused forms name each problem and change nothing; only
//! district administrators may.

use ssp_app::academics::standing;
use ssp_domain::OrgId;
use ssp_testkit::TestApp;
use uuid::Uuid;

use crate::academics::{api_token, load, local_id, transcript, CATALOG};

async fn district_of(app: &TestApp, student: Uuid) -> OrgId {
    OrgId(
        app.query_id("SELECT district_id FROM students WHERE person_id = $1", &[student])
            .await
            .expect("the student's district"),
    )
}

async fn on_track(app: &TestApp, student: Uuid) -> Vec<String> {
    standing::wait_idle(&app.state, district_of(app, student).await).await;
    app.texts(
        "SELECT CASE WHEN on_track THEN 'yes' ELSE 'no' END FROM academic_status WHERE student_id = $1",
        &[student],
    )
    .await
}

const SHORT_RULE: [(&str, &str); 10] = [
    ("name", "Lakeside short rule"),
    ("first_class", ""),
    ("last_class", ""),
    ("total_credits", "4"),
    ("c0_key", "humanities"),
    ("c0_name", "Humanities"),
    ("c0_min_credits", "2"),
    ("c0_areas", "humanities"),
    ("c1_key", "elective"),
    ("c1_name", "Electives"),
];

fn short_rule() -> Vec<(&'static str, &'static str)> {
    let mut v = SHORT_RULE.to_vec();
    v.push(("c1_min_credits", "2"));
    v
}

#[tokio::test]
async fn a_district_rule_of_its_own_drives_every_audit_and_the_stored_standing() {
    let app = TestApp::with_demo().await;
    load(&app, "catalog", CATALOG).await;
    let me = app.person("demo.student").await;
    let id = local_id(&app, me).await;
    load(&app, "transcripts", &transcript(&id)).await;
    assert_eq!(on_track(&app, me).await, ["no"], "far from Connecticut's 25 credits");

    let admin = app.signed_in("demo.districtadmin").await;
    let page = admin.get("/admin/graduation").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Connecticut, class of 2027 onward"));
    assert!(page.text.contains("no requirement sets of its own"));
    let from = admin.get("/admin/graduation?from=2027").await;
    assert!(
        from.text.contains("value=\"personal_finance\""),
        "a new set can start from Connecticut's rule"
    );

    let ok = admin.post_form("/admin/graduation/sets", &short_rule()).await;
    assert_eq!(ok.status, 303, "{}", ok.text);
    assert_eq!(app.count_audit("requirement_set_saved").await, 1);
    assert_eq!(
        on_track(&app, me).await,
        ["yes"],
        "the district's standings are recomputed with its rule"
    );
    let student = app.signed_in("demo.student").await;
    let record = student.get(&format!("/students/{me}/academics")).await;
    assert!(record.text.contains("Lakeside short rule"), "{}", record.text);
    assert!(
        !record.text.contains("World language"),
        "only the district's categories"
    );

    // A refused set names each problem, keeps what was typed, saves nothing.
    let mut bad = short_rule();
    bad.retain(|(k, _)| *k != "c1_min_credits");
    bad.push(("c1_min_credits", "-1"));
    bad.push(("c2_key", "humanities"));
    bad.push(("c2_name", "Again"));
    bad.push(("c2_min_credits", "1"));
    bad[3] = ("total_credits", "2");
    let refused = admin.post_form("/admin/graduation/sets", &bad).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .text
            .contains("Category row 2 — Minimum credits: credits cannot be negative"),
        "{}",
        refused.text
    );
    assert!(refused.text.contains("value=\"-1\""), "what was typed is kept");
    let listed = admin.get("/admin/graduation").await;
    assert_eq!(
        listed.text.matches("/admin/graduation/sets/").count(),
        1,
        "still one set: its remove form"
    );
    let mut dup = short_rule();
    dup.push(("c2_key", "humanities"));
    dup.push(("c2_name", "Again"));
    dup.push(("c2_min_credits", "1"));
    let refused = admin.post_form("/admin/graduation/sets", &dup).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.text.contains("two categories have the same key"),
        "{}",
        refused.text
    );
    let mut over = short_rule();
    over[3] = ("total_credits", "3");
    let refused = admin.post_form("/admin/graduation/sets", &over).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .text
            .contains("minimums add up to more than the credits to graduate"),
        "{}",
        refused.text
    );

    // Removing it brings Connecticut's rule back.
    let set_id = app
        .query_id("SELECT id FROM graduation_requirement_sets", &[])
        .await
        .expect("the set");
    let counselor = app.signed_in("demo.counselor").await;
    counselor.get("/").await;
    assert_eq!(counselor.get("/admin/graduation").await.status, 404);
    assert_eq!(
        counselor
            .post_form(&format!("/admin/graduation/sets/{set_id}/remove"), &[])
            .await
            .status,
        404
    );
    assert_eq!(
        counselor
            .post_form("/admin/graduation/sets", &short_rule())
            .await
            .status,
        404
    );
    let gone = admin
        .post_form(&format!("/admin/graduation/sets/{set_id}/remove"), &[])
        .await;
    assert_eq!(gone.status, 303);
    assert_eq!(app.count_audit("requirement_set_removed").await, 1);
    assert_eq!(on_track(&app, me).await, ["no"]);
    let record = student.get(&format!("/students/{me}/academics")).await;
    assert!(record.text.contains("Connecticut"));
}

#[tokio::test]
async fn a_district_grade_scale_and_plan_limit_and_marks_in_use_stay() {
    let app = TestApp::with_demo().await;
    load(&app, "catalog", CATALOG).await;
    let me = app.person("demo.student").await;
    let id = local_id(&app, me).await;
    load(&app, "transcripts", &transcript(&id)).await;
    let admin = app.signed_in("demo.districtadmin").await;
    let page = admin.get("/admin/graduation").await;
    assert!(page.text.contains("default letter scale"));
    assert!(page.text.contains("name=\"m12_mark\" value=\"F\""), "{}", page.text);

    // A scale without A+…D- (A, B, C, F are on the transcripts) is refused.
    let scale = [
        ("m0_mark", "E"),
        ("m0_points", "4"),
        ("m0_earns_credit", "true"),
        ("m1_mark", "F"),
        ("m1_points", "0"),
        ("m1_failing", "true"),
        ("weighted_max", "5"),
        ("year_credit_limit", "8"),
    ];
    let refused = admin.post_form("/admin/graduation/scale", &scale).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .text
            .contains("Marks already on your transcripts must stay on the scale: A, B, B+, C"),
        "{}",
        refused.text
    );
    // The default scale with an E added and a 2-credit yearly limit.
    let mut with_e: Vec<(String, String)> = Vec::new();
    for (i, (m, p, earns, fails)) in [
        ("A+", "4", true, false),
        ("A", "4", true, false),
        ("B+", "3.33", true, false),
        ("B", "3", true, false),
        ("C", "2", true, false),
        ("E", "0.5", false, true),
        ("F", "0", false, true),
    ]
    .iter()
    .enumerate()
    {
        with_e.push((format!("m{i}_mark"), m.to_string()));
        with_e.push((format!("m{i}_points"), p.to_string()));
        if *earns {
            with_e.push((format!("m{i}_earns_credit"), "true".into()));
        }
        if *fails {
            with_e.push((format!("m{i}_failing"), "true".into()));
        }
    }
    with_e.push(("weighted_max".into(), "5".into()));
    with_e.push(("year_credit_limit".into(), "2".into()));
    let fields: Vec<(&str, &str)> = with_e.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let ok = admin.post_form("/admin/graduation/scale", &fields).await;
    assert_eq!(ok.status, 303, "{}", ok.text);
    assert_eq!(app.count_audit("academic_settings_saved").await, 1);
    assert!(admin
        .get("/admin/graduation")
        .await
        .text
        .contains("its own grade scale"));

    // A transcript with the new mark loads; one with a dropped mark does not.
    let rows = format!(
        "studentUniqueId,courseCode,schoolYear,term,finalLetterGradeEarned,attemptedCredits,earnedCredits\n\
         {id},SPA1,2025-2026,semester_2,E,0.5,0\n\
         {id},HLT,2025-2026,semester_2,D-,0.5,0.5\n"
    );
    let res = load(&app, "transcripts", &rows).await;
    assert!(res.text.contains("1 written or changed"), "{}", res.text);
    assert!(
        res.text
            .contains("Line 3, column finalLetterGradeEarned: not a mark on the grade scale."),
        "{}",
        res.text
    );

    // The plan's yearly limit is now 2 credits.
    let student = app.signed_in("demo.student").await;
    let t = api_token(&student).await;
    let url = format!("/api/v1/students/{me}/course-plan/courses");
    for course in ["SPA1", "PE9", "HLT"] {
        let r = student
            .post_json(&url, &format!(r#"{{"grade":"11","course":"{course}"}}"#), Some(&t))
            .await;
        assert_eq!(r.status, 204, "{course}: {}", r.body);
    }
    let third = student
        .post_json(&url, r#"{"grade":"11","course":"GEO"}"#, Some(&t))
        .await;
    assert_eq!(third.status, 422, "{}", third.body);
    assert!(third.body.contains("too_many_credits"), "{}", third.body);
}

#[tokio::test]
async fn the_catalog_and_the_graduation_rules_through_the_api() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    let t = api_token(&admin).await;
    let loaded = admin
        .send_text("POST", "/api/v1/catalog/loads", "text/csv", CATALOG, Some(&t))
        .await;
    assert_eq!(loaded.status, 200, "{}", loaded.body);
    let v: serde_json::Value = serde_json::from_str(&loaded.body).unwrap();
    assert_eq!(v["created"], 8);
    assert_eq!(v["problems"][0]["line"], 10);
    assert_eq!(v["problems"][0]["column"], "credits");
    let refused = admin
        .send_text("POST", "/api/v1/catalog/loads", "text/csv", "courseCode\nX\n", Some(&t))
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("file_refused") && refused.body.contains("courseTitle"));

    let saved = admin
        .send_json(
            "PUT",
            "/api/v1/catalog/courses/PF",
            r#"{"title":"Personal Finance","credits":"0.5","term_length":"semester","subject_area":"elective","tags":"personal_finance","grade_min":"10","grade_max":"12"}"#,
            Some(&t),
        )
        .await;
    assert_eq!(saved.status, 204, "{}", saved.body);
    let bad = admin
        .send_json(
            "PUT",
            "/api/v1/catalog/courses/PF",
            r#"{"title":"Personal Finance","credits":"-0.5","term_length":"semester","subject_area":"elective","grade_min":"10","grade_max":"12"}"#,
            Some(&t),
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("negative_credits"), "{}", bad.body);

    // Everyone signed in reads the catalog (students plan from it).
    let student = app.signed_in("demo.student").await;
    let list = student.get_json("/api/v1/catalog").await;
    assert_eq!(list.status, 200);
    let courses: serde_json::Value = serde_json::from_str(&list.body).unwrap();
    let pf = courses
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "PF")
        .expect("the course saved");
    assert_eq!(pf["credits"], "0.5");
    assert_eq!(pf["tags"][0], "personal_finance");
    let st = api_token(&student).await;
    assert_eq!(
        student
            .send_text("POST", "/api/v1/catalog/loads", "text/csv", CATALOG, Some(&st))
            .await
            .status,
        404
    );
    assert_eq!(student.get_json("/api/v1/graduation-rules").await.status, 404);

    let set = r#"{"name":"Our rule","first_class":"2028","total_credits":"26","categories":[
        {"key":"humanities","name":"Humanities","min_credits":"10","areas":"humanities"},
        {"key":"elective","name":"Electives","min_credits":"3"}]}"#;
    let added = admin.post_json("/api/v1/graduation-rules/sets", set, Some(&t)).await;
    assert_eq!(added.status, 201, "{}", added.body);
    let rejected = admin
        .post_json(
            "/api/v1/graduation-rules/sets",
            r#"{"name":"Bad","first_class":"1999","total_credits":"5","categories":[{"key":"x","name":"X","min_credits":"9"},{"key":"Y Z","name":"Y","min_credits":"1"}]}"#,
            Some(&t),
        )
        .await;
    assert_eq!(rejected.status, 422);
    let r: serde_json::Value = serde_json::from_str(&rejected.body).unwrap();
    assert_eq!(r["error"], "invalid_requirement_set");
    assert_eq!(r["rows"][0]["row"], 2);
    assert_eq!(r["rows"][0]["field"], "key");
    assert_eq!(r["rows"][0]["code"], "invalid_key");
    assert!(rejected.body.contains("invalid_class_year"), "{}", rejected.body);
    let rules = admin.get_json("/api/v1/graduation-rules").await;
    let v: serde_json::Value = serde_json::from_str(&rules.body).unwrap();
    assert_eq!(v["sets"].as_array().unwrap().len(), 1, "the refused set saved nothing");
    assert_eq!(v["sets"][0]["name"], "Our rule");
    assert_eq!(v["sets"][0]["categories"][0]["min_credits"], "10");
    assert_eq!(v["default_scale"], true);
    assert_eq!(v["settings"]["year_credit_limit"], "8");
    let id = v["sets"][0]["id"].as_str().unwrap().to_owned();
    let scale = admin
        .send_json(
            "PUT",
            "/api/v1/graduation-rules/scale",
            r#"{"marks":[],"weighted_max":"5","year_credit_limit":"13"}"#,
            Some(&t),
        )
        .await;
    assert_eq!(scale.status, 422);
    assert!(scale.body.contains("year_credit_limit") && scale.body.contains("too_many"));
    assert_eq!(
        admin
            .send_json("DELETE", &format!("/api/v1/graduation-rules/sets/{id}"), "", Some(&t))
            .await
            .status,
        204
    );
    assert_eq!(
        admin
            .send_json("DELETE", &format!("/api/v1/graduation-rules/sets/{id}"), "", Some(&t))
            .await
            .status,
        404
    );
}
