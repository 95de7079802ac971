//! Career development through the JSON API: the interest inventory answered
//! to completion (scored only then), refusals that store nothing, who may
//! read and write (the student writes; the team and guardians read; an
//! unrelated teacher gets the audited 404), matches and occupations with
//! the O*NET attribution, the postsecondary plan, and a page action and its
//! API twin leaving the same rows and audit rows.

use serde_json::Value;
use ssp_domain::career::items::ITEMS;
use ssp_domain::career::Area;
use ssp_testkit::{TestApp, TestClient, TestResponse};
use std::sync::Arc;
use uuid::Uuid;

use crate::support::{api_token, effect_of, unrelated_teacher_at_school};

fn json(res: &TestResponse) -> Value {
    serde_json::from_str(&res.body).unwrap_or_else(|e| panic!("{e}: {}", res.body))
}

async fn send(c: &TestClient, method: &str, path: &str, body: &str) -> TestResponse {
    let token = api_token(c).await;
    c.send_json(method, path, body, Some(&token)).await
}

/// The answer that gives a clear SIA code: 4 to every Social item, 3 to
/// Investigative, 2 to Artistic, 0 to the rest.
fn answer_for(item: usize) -> u8 {
    match ITEMS[item].area {
        Area::Social => 4,
        Area::Investigative => 3,
        Area::Artistic => 2,
        _ => 0,
    }
}

/// Answers `items` of the student's inventory through the API; the last
/// response.
async fn answer_items(c: &TestClient, student: Uuid, items: std::ops::Range<usize>) -> Value {
    let token = api_token(c).await;
    let url = format!("/api/v1/students/{student}/career/inventory/answers");
    let mut last = Value::Null;
    for item in items {
        let body = format!(r#"{{"item":{item},"answer":{}}}"#, answer_for(item));
        let res = c.send_json("POST", &url, &body, Some(&token)).await;
        assert_eq!(res.status, 200, "item {item}: {}", res.body);
        last = json(&res);
    }
    last
}

async fn stored_answers(app: &TestApp, student: Uuid) -> Vec<String> {
    app.texts(
        "SELECT answers FROM career_inventories WHERE student_id = $1",
        &[student],
    )
    .await
}

#[tokio::test]
async fn a_student_answers_the_inventory_through_the_api_and_it_is_scored_only_when_complete() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let career = format!("/api/v1/students/{camila}/career");

    let progress = answer_items(&c, camila, 0..30).await;
    assert_eq!(progress["answered"], 30);
    assert_eq!(progress["complete"], false);
    assert_eq!(progress["next_item"], 30);
    let half = json(&c.get_json(&career).await);
    let year = &half["inventories"][0];
    assert_eq!(year["answered"], 30, "{half}");
    assert!(year["completed_at"].is_null());
    assert!(
        year["scores"].is_null() && year["interest_code"].is_null(),
        "a half-finished inventory is never scored: {year}"
    );
    let matches = json(&c.get_json(&format!("{career}/matches")).await);
    assert_eq!(matches["state"], "not_taken", "{matches}");

    // Answers off the scale or past the last item: refused, nothing stored.
    let before = stored_answers(&app, camila).await;
    for body in [
        r#"{"item":30,"answer":5}"#,
        r#"{"item":60,"answer":2}"#,
        r#"{"item":-1,"answer":2}"#,
        r#"{"item":30}"#,
    ] {
        let res = send(&c, "POST", &format!("{career}/inventory/answers"), body).await;
        assert_eq!(res.status, 422, "{body}: {}", res.body);
        assert_eq!(json(&res)["error"], "invalid_answer", "{body}");
    }
    assert_eq!(stored_answers(&app, camila).await, before, "nothing stored");
    assert_eq!(json(&c.get_json(&career).await)["inventories"][0]["answered"], 30);

    let done = answer_items(&c, camila, 30..60).await;
    assert_eq!(done["answered"], 60);
    assert_eq!(done["complete"], true);
    assert!(done["next_item"].is_null());
    let full = json(&c.get_json(&career).await);
    let year = &full["inventories"][0];
    assert!(year["completed_at"].is_string(), "{year}");
    assert_eq!(year["interest_code"], "SIA");
    assert_eq!(
        year["interest_areas"],
        serde_json::json!(["social", "investigative", "artistic"])
    );
    assert_eq!(year["scores"]["social"], 40);
    assert_eq!(year["scores"]["investigative"], 30);
    assert_eq!(year["scores"]["artistic"], 20);
    assert_eq!(year["scores"]["realistic"], 0);
    assert_eq!(app.count_audit("career_inventory_completed").await, 1);
}

#[tokio::test]
async fn work_values_and_strengths_are_saved_with_nulls_for_unanswered_and_bad_ratings_store_nothing() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let career = format!("/api/v1/students/{camila}/career");

    let mut values = vec!["2"; 18];
    values[3] = "null";
    values[0] = "4";
    let body = format!(r#"{{"ratings":[{}]}}"#, values.join(","));
    let res = send(&c, "PUT", &format!("{career}/values"), &body).await;
    assert_eq!(res.status, 204, "{}", res.body);
    let mut strengths = ["null"; 12];
    strengths[6] = "4";
    strengths[1] = "3";
    let body = format!(r#"{{"ratings":[{}]}}"#, strengths.join(","));
    assert_eq!(send(&c, "PUT", &format!("{career}/strengths"), &body).await.status, 204);

    for bad in [
        format!(r#"{{"ratings":[{}]}}"#, ["5"; 12].join(",")),
        format!(r#"{{"ratings":[{}]}}"#, ["1"; 11].join(",")),
    ] {
        let res = send(&c, "PUT", &format!("{career}/strengths"), &bad).await;
        assert_eq!(res.status, 422, "{}", res.body);
        let body = json(&res);
        assert_eq!(body["error"], "invalid_ratings");
        assert_eq!(body["fields"][0]["field"], "ratings");
    }

    let record = json(&c.get_json(&career).await);
    let r = &record["self_ratings"];
    assert_eq!(r["work_values"][0], 4);
    assert!(r["work_values"][3].is_null(), "{r}");
    assert_eq!(r["strengths"][6], 4, "the bad saves changed nothing: {r}");
    assert_eq!(r["strength_keys"][6], "helping_people");
    assert_eq!(r["top_strengths"][0]["strength"], "helping_people");
    assert_eq!(r["top_strengths"][1]["strength"], "math");
    assert_eq!(r["ranked_values"][0]["value"], "achievement", "{r}");
}

#[tokio::test]
async fn an_unknown_occupation_code_is_refused_and_nothing_is_saved() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let career = format!("/api/v1/students/{camila}/career");
    let res = send(
        &c,
        "POST",
        &format!("{career}/saved"),
        r#"{"code":"99-9999.99","note":"Sounds fun"}"#,
    )
    .await;
    assert_eq!(res.status, 400, "{}", res.body);
    assert_eq!(json(&res)["error"], "invalid_reference");
    let body = r#"{"kind":"research","occurred_on":"2026-11-01","title":"Read about it","reflection":"Interesting","code":"99-9999.99"}"#;
    let res = send(&c, "POST", &format!("{career}/explorations"), body).await;
    assert_eq!(res.status, 400, "{}", res.body);
    let count = |table: &'static str| {
        let app = &app;
        async move {
            app.texts(
                &format!("SELECT CAST(COUNT(*) AS TEXT) FROM {table} WHERE student_id = $1"),
                &[camila],
            )
            .await
        }
    };
    assert_eq!(count("saved_careers").await, ["0"]);
    assert_eq!(count("career_explorations").await, ["0"]);
    let record = json(&c.get_json(&career).await);
    assert_eq!(record["saved"], serde_json::json!([]));
    assert_eq!(record["explorations"], serde_json::json!([]));
    assert_eq!(
        send(&c, "DELETE", &format!("{career}/saved/99-9999.99"), "")
            .await
            .status,
        404,
        "not on the list"
    );
}

#[tokio::test]
async fn a_guardian_reads_the_career_record_but_only_the_student_writes_it() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let career = format!("/api/v1/students/{camila}/career");
    let student = app.signed_in("demo.student").await;
    answer_items(&student, camila, 0..5).await;

    let guardian = app.signed_in("demo.guardian").await;
    let read = guardian.get_json(&career).await;
    assert_eq!(read.status, 200, "{}", read.body);
    assert_eq!(json(&read)["inventories"][0]["answered"], 5);
    assert_eq!(
        guardian
            .get_json(&format!("/api/v1/students/{camila}/postsecondary"))
            .await
            .status,
        200
    );
    let before = stored_answers(&app, camila).await;
    // A guardian may not edit the plan at all: the access module's 404.
    let res = send(
        &guardian,
        "POST",
        &format!("{career}/inventory/answers"),
        r#"{"item":10,"answer":4}"#,
    )
    .await;
    assert_eq!(res.status, 404, "{}", res.body);
    assert_eq!(json(&res)["error"], "not_found");

    // The counselor may edit the plan, but these are the student's own.
    let counselor = app.signed_in("demo.counselor").await;
    assert_eq!(counselor.get_json(&career).await.status, 200);
    let refusals = [
        (
            "POST",
            format!("{career}/inventory/answers"),
            r#"{"item":10,"answer":4}"#,
            "inventory_by_student_only",
        ),
        (
            "PUT",
            format!("{career}/values"),
            r#"{"ratings":[]}"#,
            "ratings_by_student_only",
        ),
        (
            "POST",
            format!("{career}/saved"),
            r#"{"code":"29-1141.00"}"#,
            "career_list_by_student_only",
        ),
        (
            "POST",
            format!("{career}/explorations"),
            r#"{"kind":"research"}"#,
            "exploration_by_student_only",
        ),
        (
            "PUT",
            format!("/api/v1/students/{camila}/postsecondary/paths"),
            r#"{"paths":["four_year"]}"#,
            "postsecondary_by_student_only",
        ),
    ];
    for (method, url, body, code) in refusals {
        let res = send(&counselor, method, &url, body).await;
        assert_eq!(res.status, 403, "{method} {url}: {}", res.body);
        assert_eq!(json(&res)["error"], code, "{method} {url}");
    }
    assert_eq!(stored_answers(&app, camila).await, before, "nothing stored");
    assert_eq!(
        app.texts("SELECT paths FROM postsecondary_plans WHERE student_id = $1", &[camila])
            .await
            .len(),
        0
    );
}

#[tokio::test]
async fn an_unrelated_teacher_gets_the_audited_404() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let (_, teacher) = unrelated_teacher_at_school(&app, camila).await;
    for (method, url, body) in [
        ("GET", format!("/api/v1/students/{camila}/career"), ""),
        ("GET", format!("/api/v1/students/{camila}/career/matches"), ""),
        ("GET", format!("/api/v1/students/{camila}/postsecondary"), ""),
        (
            "POST",
            format!("/api/v1/students/{camila}/postsecondary/comments"),
            r#"{"body":"Apply early"}"#,
        ),
    ] {
        let before = app.count_audit("access_denied").await;
        let res = if method == "GET" {
            teacher.get_json(&url).await
        } else {
            send(&teacher, method, &url, body).await
        };
        assert_eq!(res.status, 404, "{method} {url}: {}", res.body);
        assert_eq!(json(&res)["error"], "not_found");
        assert_eq!(
            app.count_audit("access_denied").await,
            before + 1,
            "{method} {url} audits the refusal"
        );
    }
    let comments = app
        .texts(
            "SELECT body FROM postsecondary_comments WHERE student_id = $1",
            &[camila],
        )
        .await;
    assert!(comments.is_empty(), "{comments:?}");
}

#[tokio::test]
async fn the_postsecondary_plan_is_kept_by_the_student_and_commented_on_by_the_team() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let plan = format!("/api/v1/students/{camila}/postsecondary");

    let res = send(&c, "PUT", &format!("{plan}/paths"), r#"{"paths":["college"]}"#).await;
    assert_eq!(res.status, 422);
    assert_eq!(json(&res)["fields"][0]["code"], "unknown_choice");
    let res = send(
        &c,
        "PUT",
        &format!("{plan}/paths"),
        r#"{"paths":["four_year","two_year"]}"#,
    )
    .await;
    assert_eq!(res.status, 204, "{}", res.body);
    let res = send(
        &c,
        "POST",
        &format!("{plan}/programs"),
        r#"{"name":"State University nursing","path":"four_year","status":"researching"}"#,
    )
    .await;
    assert_eq!(res.status, 201, "{}", res.body);
    let program = json(&res)["id"].as_str().unwrap().to_owned();
    let status = format!("{plan}/programs/{program}/status");
    let res = send(&c, "PUT", &status, r#"{"status":"maybe"}"#).await;
    assert_eq!(res.status, 422);
    assert_eq!(json(&res)["error"], "unknown_program_status");
    assert_eq!(send(&c, "PUT", &status, r#"{"status":"applying"}"#).await.status, 204);
    let res = send(
        &c,
        "POST",
        &format!("{plan}/steps"),
        r#"{"title":"Ask for a recommendation","due_on":"2027-10-01"}"#,
    )
    .await;
    assert_eq!(res.status, 201, "{}", res.body);

    let shown = json(&c.get_json(&plan).await);
    assert_eq!(shown["started"], true);
    assert_eq!(shown["paths"], serde_json::json!(["four_year", "two_year"]));
    assert_eq!(shown["programs"][0]["status"], "applying");
    let steps = shown["steps"].as_array().unwrap();
    let own = steps
        .iter()
        .find(|s| s["title"] == "Ask for a recommendation")
        .expect("the student's own step");
    assert!(own["key"].is_null());
    let shipped = steps.iter().find(|s| s["key"].is_string()).expect("shipped steps");
    assert!(!shipped["title"].as_str().unwrap().is_empty(), "translated: {shipped}");
    let done = format!("{plan}/steps/{}/done", shipped["step"].as_str().unwrap());
    assert_eq!(send(&c, "PUT", &done, "{}").await.status, 422, "done is required");
    assert_eq!(send(&c, "PUT", &done, r#"{"done":true}"#).await.status, 204);
    let shown = json(&c.get_json(&plan).await);
    let marked = shown["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["step"] == shipped["step"])
        .unwrap();
    assert_eq!(marked["done_on"], "2026-11-02", "{marked}");

    let res = send(&c, "POST", &format!("{plan}/comments"), r#"{"body":"My own note"}"#).await;
    assert_eq!(res.status, 403);
    assert_eq!(json(&res)["error"], "postsecondary_comment_by_staff_only");
    let counselor = app.signed_in("demo.counselor").await;
    let res = send(
        &counselor,
        "POST",
        &format!("{plan}/comments"),
        r#"{"body":"Look at the nursing open day"}"#,
    )
    .await;
    assert_eq!(res.status, 201, "{}", res.body);
    let shown = json(&c.get_json(&plan).await);
    assert_eq!(shown["comments"][0]["body"], "Look at the nursing open day");
}

#[tokio::test]
async fn matches_and_occupations_come_from_the_loaded_release_with_its_attribution() {
    let app = TestApp::with_demo().await;
    assert!(ssp_app::career::onet::load_shipped_if_empty(&app.state).await.unwrap());
    let camila = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let career = format!("/api/v1/students/{camila}/career");
    let attribution = ssp_app::career::onet::ATTRIBUTION;

    let found = json(&c.get_json("/api/v1/occupations?q=nurse&limit=100").await);
    assert_eq!(found["attribution"], attribution);
    assert!(found["total"].as_i64().unwrap() >= 1);
    let nurse = found["occupations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["code"] == "29-1141.00")
        .expect("registered nurses are found by 'nurse'");
    assert_eq!(nurse["high_points"][0], "social");
    let res = c.get_json("/api/v1/occupations?zone=9&area=x").await;
    assert_eq!(res.status, 422);
    let fields: Vec<String> = json(&res)["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["zone", "area"]);
    let one = json(&c.get_json("/api/v1/occupations/29-1141.00").await);
    assert_eq!(one["title"], "Registered Nurses");
    assert_eq!(one["attribution"], attribution);
    assert!(one["job_zone_detail"]["zone"].is_number(), "{one}");
    assert_eq!(c.get_json("/api/v1/occupations/00-0000.00").await.status, 404);
    assert_eq!(app.client().get_json("/api/v1/occupations").await.status, 401);

    answer_items(&c, camila, 0..60).await;
    let m = json(&c.get_json(&format!("{career}/matches")).await);
    assert_eq!(m["state"], "ranked");
    assert_eq!(m["interest_code"], "SIA");
    assert_eq!(m["attribution"], attribution);
    let ranked = m["matches"].as_array().unwrap();
    assert!(ranked.len() > 100, "{}", ranked.len());
    assert!(ranked.windows(2).all(|w| w[0]["fit"].as_u64() >= w[1]["fit"].as_u64()));
    assert!(
        ranked[0]["shared_areas"]
            .as_array()
            .is_some_and(|a| a.contains(&Value::from("social"))),
        "{}",
        ranked[0]
    );
    let unscored = m["unscored"].as_array().unwrap();
    assert!(!unscored.is_empty(), "occupations without interest data are listed");
    assert_eq!(ranked.len() + unscored.len(), 1016, "none dropped");
    let zoned = json(&c.get_json(&format!("{career}/matches?zone=4&zone=5")).await);
    assert!(zoned["matches"]
        .as_array()
        .unwrap()
        .iter()
        .all(|o| o["job_zone"] == 4 || o["job_zone"] == 5));
    assert_eq!(c.get_json(&format!("{career}/matches?zone=7")).await.status, 422);

    let res = send(
        &c,
        "POST",
        &format!("{career}/saved"),
        r#"{"code":"29-1141.00","note":"I like helping people"}"#,
    )
    .await;
    assert_eq!(res.status, 201, "{}", res.body);
    let record = json(&c.get_json(&career).await);
    assert_eq!(record["saved"][0]["title"], "Registered Nurses");
    assert_eq!(record["saved"][0]["note"], "I like helping people");
    let one = format!("{career}/saved/29-1141.00");
    assert_eq!(send(&c, "DELETE", &one, "").await.status, 204);
    assert_eq!(send(&c, "DELETE", &one, "").await.status, 404);
    assert_eq!(json(&c.get_json(&career).await)["saved"], serde_json::json!([]));
}

const EXPLORATIONS: &str = "SELECT kind || '|' || CAST(occurred_on AS TEXT) || '|' || title || '|' \
                            || COALESCE(code, '') || '|' || reflection FROM career_explorations \
                            WHERE student_id = $1 ORDER BY occurred_on";

#[tokio::test]
async fn an_exploration_logged_on_the_page_and_through_the_api_is_the_same() {
    let page = effect_of(EXPLORATIONS, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        let c = app.signed_in("demo.student").await;
        c.get(&format!("/students/{camila}/career")).await;
        let res = c
            .post_form(
                &format!("/students/{camila}/career/explorations"),
                &[
                    ("kind", "job_shadow"),
                    ("occurred_on", "2026-10-20"),
                    ("title", "Shadowed a vet tech"),
                    ("reflection", "I liked the animals."),
                    ("code", ""),
                    ("goal", ""),
                ],
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.text);
        vec![camila]
    })
    .await;
    let api = effect_of(EXPLORATIONS, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        let c = app.signed_in("demo.student").await;
        let url = format!("/api/v1/students/{camila}/career/explorations");
        let bad = r#"{"kind":"job_shadow","occurred_on":"2026-12-20","title":"Shadowed a vet tech","reflection":""}"#;
        let res = send(&c, "POST", &url, bad).await;
        assert_eq!(res.status, 422, "{}", res.body);
        let codes: Vec<(String, String)> = json(&res)["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["field"].to_string(), f["code"].to_string()))
            .collect();
        assert_eq!(
            codes,
            [
                ("\"occurred_on\"".into(), "\"in_future\"".into()),
                ("\"reflection\"".into(), "\"required\"".into())
            ]
        );
        let body = r#"{"kind":"job_shadow","occurred_on":"2026-10-20","title":"Shadowed a vet tech","reflection":"I liked the animals."}"#;
        let res = send(&c, "POST", &url, body).await;
        assert_eq!(res.status, 201, "{}", res.body);
        vec![camila]
    })
    .await;
    assert_eq!(
        page.rows,
        ["job_shadow|2026-10-20|Shadowed a vet tech||I liked the animals."]
    );
    assert_eq!(page, api);
    assert!(
        page.audit.iter().any(|a| a.starts_with("exploration_logged")),
        "{:?}",
        page.audit
    );
}

#[tokio::test]
async fn an_api_client_gets_the_inventory_items_in_both_languages() {
    let app = TestApp::with_demo().await;
    let c = app.signed_in("demo.student").await;
    let res = c.get_json("/api/v1/career/inventory/items").await;
    assert_eq!(res.status, 200);
    let v: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 60);
    assert_eq!(items[0]["en"], ssp_domain::career::items::ITEMS[0].en);
    assert_eq!(items[0]["es"], ssp_domain::career::items::ITEMS[0].es);
    assert_eq!(items[3]["area"], "social");
    assert_eq!(v["scale"][4]["en"], "Strongly like");
    assert_eq!(
        app.client().get_json("/api/v1/career/inventory/items").await.status,
        401
    );
}

#[tokio::test]
async fn the_students_api_gives_interest_codes_and_the_cluster_filter_within_the_callers_scope() {
    let app = TestApp::with_demo().await;
    app.load_occupations().await;
    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    for i in 0..60 {
        student.get(&format!("/students/{me}/career/inventory?item={i}")).await;
        let v = if ssp_domain::career::items::ITEMS[i].area == ssp_domain::career::Area::Enterprising {
            "4"
        } else {
            "1"
        };
        student
            .post_form(
                &format!("/students/{me}/career/inventory"),
                &[("item", &i.to_string()), ("answer", v)],
            )
            .await;
    }
    student.get("/careers/11-1021.00").await;
    student
        .post_form(
            &format!("/students/{me}/career/saved"),
            &[("code", "11-1021.00"), ("note", "")],
        )
        .await;
    assert_eq!(
        student.get_json("/api/v1/students").await.status,
        403,
        "students reach their own plan directly"
    );

    let counselor = app.signed_in("demo.counselor").await;
    let all = counselor.get_json("/api/v1/students?limit=200").await;
    assert_eq!(all.status, 200, "{}", all.body);
    let v: serde_json::Value = serde_json::from_str(&all.body).unwrap();
    let mine = v["students"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == me.to_string())
        .expect("the showcase student is listed");
    assert_eq!(mine["interest_inventory"]["state"], "done");
    assert_eq!(mine["interest_inventory"]["code"], "ERI");
    let cluster = counselor
        .get_json("/api/v1/students?cluster=management_entrepreneurship")
        .await;
    let v: serde_json::Value = serde_json::from_str(&cluster.body).unwrap();
    assert_eq!(v["total"], 1, "{}", cluster.body);
    assert_eq!(v["students"][0]["id"], me.to_string());
    let bad = counselor.get_json("/api/v1/students?cluster=astrology&limit=0").await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.body.contains("\"cluster\"") && bad.body.contains("\"limit\""),
        "{}",
        bad.body
    );
    // Someone with no tie to the student does not see them.
    let stranger = super::access::outsider(&app).await;
    let theirs = stranger
        .get_json("/api/v1/students?cluster=management_entrepreneurship")
        .await;
    let v: serde_json::Value = serde_json::from_str(&theirs.body).unwrap();
    assert_eq!(v["total"], 0, "{}", theirs.body);
}

#[tokio::test]
async fn district_pathways_through_the_api() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    let token = {
        let s = admin.get_json("/api/v1/session").await.body;
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        v["csrf_token"].as_str().unwrap().to_owned()
    };
    let created = admin
        .post_json(
            "/api/v1/pathways",
            r#"{"name":"Health Academy","cluster_2024":"healthcare_human_services"}"#,
            Some(&token),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let again = admin
        .post_json(
            "/api/v1/pathways",
            r#"{"name":"Health Academy","cluster_2024":"healthcare_human_services"}"#,
            Some(&token),
        )
        .await;
    assert_eq!(again.status, 409);
    let none = admin
        .post_json("/api/v1/pathways", r#"{"name":"Nowhere"}"#, Some(&token))
        .await;
    assert_eq!(none.status, 422);
    let student = app.signed_in("demo.student").await;
    let list = student.get_json("/api/v1/pathways").await;
    assert_eq!(list.status, 200);
    let v: serde_json::Value = serde_json::from_str(&list.body).unwrap();
    assert_eq!(v[0]["name"], "Health Academy");
    let id = v[0]["id"].as_str().unwrap().to_owned();
    let st = {
        let s = student.get_json("/api/v1/session").await.body;
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        v["csrf_token"].as_str().unwrap().to_owned()
    };
    assert_eq!(
        student
            .send_json("DELETE", &format!("/api/v1/pathways/{id}"), "", Some(&st))
            .await
            .status,
        404
    );
    assert_eq!(
        admin
            .send_json("DELETE", &format!("/api/v1/pathways/{id}"), "", Some(&token))
            .await
            .status,
        204
    );
    assert_eq!(app.count_audit("pathway_removed").await, 1);
}
