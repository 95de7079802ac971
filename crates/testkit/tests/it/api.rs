//! The JSON API: same access rules as the pages, JSON errors, and the
//! OpenAPI document kept as a reviewed snapshot.

use ssp_testkit::{TestApp, TestClient};

fn csrf_of(c_body: &str) -> String {
    c_body
        .split("\"csrf_token\":\"")
        .nth(1)
        .and_then(|t| t.split('"').next())
        .expect("token")
        .to_owned()
}

async fn token(c: &TestClient) -> String {
    csrf_of(&c.get_json("/api/v1/session").await.body)
}

#[tokio::test]
async fn the_openapi_document_matches_the_reviewed_snapshot() {
    let app = TestApp::new().await;
    let res = app.client().get("/api/openapi.json").await;
    assert_eq!(res.status, 200);
    let served: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(served["openapi"], "3.1.0");
    let snapshot_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/openapi.json");
    if std::env::var("UPDATE_SNAPSHOTS").is_ok() {
        std::fs::write(snapshot_path, serde_json::to_string_pretty(&served).unwrap() + "\n").unwrap();
    }
    let snapshot: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(snapshot_path).expect("docs/openapi.json exists")).unwrap();
    assert_eq!(
        served, snapshot,
        "the API changed: review it, then rerun with UPDATE_SNAPSHOTS=1"
    );
    let mut refs = Vec::new();
    collect_refs(&served, &mut refs);
    assert!(refs.len() > 10, "{refs:?}");
    for r in refs {
        let name = r.strip_prefix("#/components/schemas/").unwrap_or(&r);
        assert!(
            served["components"]["schemas"].get(name).is_some(),
            "{r} names no schema (list it in ApiDoc's components)"
        );
    }
}

fn collect_refs(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            if let Some(serde_json::Value::String(r)) = m.get("$ref") {
                out.push(r.clone());
            }
            m.values().for_each(|v| collect_refs(v, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/// Each documented path and method reaches a handler, and each documented
/// path answers 405 to the methods it does not document. An anonymous
/// caller that sends the pre-sign-in CSRF token passes the request layers,
/// so a handler answers with its own 401 `unauthenticated` before it reads
/// an id; the router's fallback would answer 404, or 405 for a method the
/// path does not have.
#[tokio::test]
async fn every_documented_operation_reaches_its_handler_and_nothing_else_is_routed_there() {
    let app = TestApp::new().await;
    let c = app.client();
    let doc: serde_json::Value = serde_json::from_str(&c.get("/api/openapi.json").await.body).unwrap();
    let token = c
        .get("/sign-in")
        .await
        .csrf()
        .expect("the sign-in page carries a CSRF token");
    let paths = doc["paths"].as_object().expect("paths");
    assert!(paths.len() >= 7, "{}", paths.len());
    let mut operations = 0;
    for (path, item) in paths {
        assert!(path.starts_with("/api/v1/"), "{path}");
        // A well-formed id nobody has: a handler that looked it up would say 404.
        let url = path
            .split('/')
            .map(|seg| {
                if seg.starts_with('{') {
                    "00000000-0000-7000-8000-000000000000"
                } else {
                    seg
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        for method in METHODS {
            let res = if method == "GET" {
                c.get_json(&url).await
            } else {
                c.send_json(method, &url, "{}", Some(&token)).await
            };
            if item.get(method.to_lowercase()).is_some() {
                operations += 1;
                assert_eq!(
                    res.status, 401,
                    "{method} {path} does not reach its handler: {}",
                    res.body
                );
                assert!(
                    res.body.contains("\"error\":\"unauthenticated\""),
                    "{method} {path}: {}",
                    res.body
                );
            } else {
                assert_eq!(
                    res.status, 405,
                    "{method} {path} is routed but not documented: {}",
                    res.body
                );
            }
        }
    }
    assert!(
        operations >= 10,
        "every operation of the plan API is documented ({operations})"
    );
}

/// The other direction: an `/api` route can only be added undocumented by
/// routing it with plain axum (`.route`, `.nest`, ...) instead of
/// `routes!` in `OpenApiRouter`. No source file of the workspace does, but
/// the one that serves the document.
#[test]
fn no_api_route_is_added_outside_the_documented_router() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = vec![root.join("crates")];
    let mut offenders = Vec::new();
    let mut seen_api = false;
    while let Some(p) = files.pop() {
        if p.is_dir() {
            if p.ends_with("target") || p.ends_with("tests") {
                continue;
            }
            files.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        if p.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        seen_api |= text.contains("OpenApiRouter::with_openapi");
        // Joined so that a call split over lines by rustfmt is still seen.
        let flat: String = text.split_whitespace().collect();
        for call in [".route(", ".route_service(", ".nest(", ".nest_service("] {
            for (at, _) in flat.match_indices(call) {
                let args = &flat[at + call.len()..];
                if args.starts_with("\"/api") && !args.starts_with("\"/api/openapi.json\"") {
                    offenders.push(format!("{}: {}", p.display(), &args[..args.len().min(60)]));
                }
            }
        }
    }
    assert!(seen_api, "the scan found the API router");
    assert!(
        offenders.is_empty(),
        "routed without documentation (register with routes! in api::api_router): {offenders:#?}"
    );
}

#[tokio::test]
async fn the_plan_as_json_follows_the_access_rules() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let res = student.get_json(&format!("/api/v1/students/{camila}/plan")).await;
    assert_eq!(res.status, 200);
    let plan: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(plan["grade_level"], 10);
    assert_eq!(plan["up_to_date"], false);
    assert!(plan["failures"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["code"] == "no_goal_in_domain"));

    let nobody = app.client();
    let res = nobody.get_json(&format!("/api/v1/students/{camila}/plan")).await;
    assert_eq!(res.status, 401);
    assert!(res.body.contains("\"error\":\"unauthenticated\""));

    let guardian = app.signed_in("demo.guardian").await;
    let g = app.person("demo.guardian").await;
    app.execute(
        "UPDATE guardian_links SET educational_rights = FALSE WHERE guardian_id = $1",
        &[g],
    )
    .await;
    let res = guardian.get_json(&format!("/api/v1/students/{camila}/plan")).await;
    assert_eq!(res.status, 404);
    assert!(res.body.contains("\"error\":\"not_found\""));
}

#[tokio::test]
async fn goals_and_check_ins_are_created_through_the_api() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let t = token(&c).await;
    let body = r#"{"domain":"career","statement":"Shadow a nurse for a day","measure_kind":"yes_no","baseline":"no","target":"yes","due_date":"2027-03-01","cadence":"monthly"}"#;
    let res = c
        .post_json(&format!("/api/v1/students/{camila}/goals"), body, Some(&t))
        .await;
    assert_eq!(res.status, 201, "{}", res.body);
    let id = serde_json::from_str::<serde_json::Value>(&res.body).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let res = c
        .post_json(
            &format!("/api/v1/students/{camila}/goals/{id}/check-ins"),
            r#"{"value":"maybe"}"#,
            Some(&t),
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.body.contains("check_in_value"), "{}", res.body);
    let res = c
        .post_json(
            &format!("/api/v1/students/{camila}/goals/{id}/check-ins"),
            r#"{"value":"yes","note":"Went on Friday"}"#,
            Some(&t),
        )
        .await;
    assert_eq!(res.status, 201, "{}", res.body);
    let list = c
        .get_json(&format!("/api/v1/students/{camila}/goals/{id}/check-ins"))
        .await;
    assert!(list.body.contains("Went on Friday"));
    let goals = c.get_json(&format!("/api/v1/students/{camila}/goals")).await;
    assert!(goals.body.contains("\"progress\":1.0"), "{}", goals.body);

    let bad = c
        .post_json(
            &format!("/api/v1/students/{camila}/goals"),
            r#"{"domain":"art","statement":"x"}"#,
            Some(&t),
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("\"field\":\"domain\""));
    assert!(bad.body.contains("\"code\":\"too_short\""));
    let broken = c
        .post_json(&format!("/api/v1/students/{camila}/goals"), "{not json", Some(&t))
        .await;
    assert!(broken.status == 400 || broken.status == 422);
    assert!(broken.body.contains("malformed_json"), "{}", broken.body);
    let unknown = c
        .post_json(&format!("/api/v1/students/{camila}/goals"), r#"{"sneaky":1}"#, Some(&t))
        .await;
    assert!(
        unknown.status == 400 || unknown.status == 422,
        "unknown fields are refused"
    );
    let no_token = c
        .post_json(&format!("/api/v1/students/{camila}/goals"), body, None)
        .await;
    assert_eq!(no_token.status, 403);
    assert!(no_token.body.contains("csrf_failed"));
    let count: i64 = ssp_db::with_reader!(&app.db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM goals WHERE student_id = $1"
    )
    .bind(camila)
    .fetch_one(p)
    .await)
    .unwrap();
    assert_eq!(count, 1, "only the valid goal was saved");
}

#[tokio::test]
async fn the_author_corrects_and_deletes_a_check_in_through_the_api_as_on_the_page() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let t = token(&c).await;
    let body = r#"{"domain":"academic","statement":"Read 20 minutes a day","measure_kind":"count","baseline":"0","target":"20","due_date":"2027-03-01","cadence":"weekly"}"#;
    let res = c
        .post_json(&format!("/api/v1/students/{camila}/goals"), body, Some(&t))
        .await;
    let goal = serde_json::from_str::<serde_json::Value>(&res.body).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let url = format!("/api/v1/students/{camila}/goals/{goal}/check-ins");
    let res = c.post_json(&url, r#"{"value":"5","note":"Started"}"#, Some(&t)).await;
    let check_in = serde_json::from_str::<serde_json::Value>(&res.body).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let one = format!("{url}/{check_in}");

    let res = c.send_json("PUT", &one, r#"{"value":"many"}"#, Some(&t)).await;
    assert_eq!(res.status, 422);
    assert!(res.body.contains("check_in_value"), "{}", res.body);
    let res = c
        .send_json("PUT", &one, r#"{"value":"8","note":"Started, recounted"}"#, Some(&t))
        .await;
    assert_eq!(res.status, 204, "{}", res.body);
    let list = c.get_json(&url).await;
    assert!(list.body.contains("Started, recounted"), "{}", list.body);
    assert_eq!(
        app.count_audit("check_in_corrected").await,
        1,
        "the same audit row as the page"
    );

    // The counselor may add check-ins, but this one is not hers.
    let pm = app.signed_in("demo.counselor").await;
    let pt = token(&pm).await;
    let res = pm.send_json("DELETE", &one, "", Some(&pt)).await;
    assert_eq!(res.status, 403);
    assert!(res.body.contains("correction_not_allowed"));
    let res = c.send_json("DELETE", &one, "", None).await;
    assert_eq!(res.status, 403, "no CSRF token, no deletion");

    let res = c.send_json("DELETE", &one, "", Some(&t)).await;
    assert_eq!(res.status, 204);
    assert_eq!(c.get_json(&url).await.body, "[]");
    assert_eq!(app.count_audit("check_in_deleted").await, 1);
}

#[tokio::test]
async fn dates_in_the_api_are_iso_strings_as_the_document_says() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let t = token(&c).await;
    let body = r#"{"domain":"academic","statement":"Read 20 minutes a day","measure_kind":"count","baseline":"0","target":"20","due_date":"2027-05-01","cadence":"weekly"}"#;
    let res = c
        .post_json(&format!("/api/v1/students/{camila}/goals"), body, Some(&t))
        .await;
    assert_eq!(res.status, 201, "{}", res.body);
    let goal = serde_json::from_str::<serde_json::Value>(&res.body).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    c.post_json(
        &format!("/api/v1/students/{camila}/goals/{goal}/check-ins"),
        r#"{"value":"5","on_date":"2026-11-02"}"#,
        Some(&t),
    )
    .await;
    c.get(&format!("/students/{camila}")).await;
    c.post_form(
        &format!("/students/{camila}/reflections"),
        &[("prompt", "next"), ("body", "Read more")],
    )
    .await;
    let goals: serde_json::Value =
        serde_json::from_str(&c.get_json(&format!("/api/v1/students/{camila}/goals")).await.body).unwrap();
    assert_eq!(goals[0]["due_date"], "2027-05-01", "{goals}");
    assert_eq!(goals[0]["activated_on"], "2026-11-02");
    assert_eq!(goals[0]["last_check_in"], "2026-11-02");
    let check_ins: serde_json::Value = serde_json::from_str(
        &c.get_json(&format!("/api/v1/students/{camila}/goals/{goal}/check-ins"))
            .await
            .body,
    )
    .unwrap();
    assert_eq!(check_ins[0]["on_date"], "2026-11-02");
    let plan: serde_json::Value =
        serde_json::from_str(&c.get_json(&format!("/api/v1/students/{camila}/plan")).await.body).unwrap();
    assert!(
        plan["activities"][0]["due"].as_str().is_some_and(|d| d.len() == 10),
        "{plan}"
    );
    let reflections: serde_json::Value =
        serde_json::from_str(&c.get_json(&format!("/api/v1/students/{camila}/reflections")).await.body).unwrap();
    assert_eq!(reflections[0]["created_at"], "2026-11-02T08:00:00Z", "{reflections}");
}

/// Every documented student operation answers 404 to an unrelated actor and
/// audits the refusal. (`access.rs` checks the routes it reads from
/// `.route(` declarations; the API's are registered with `routes!`, so they
/// are checked here, from the document.)
#[tokio::test]
async fn every_documented_student_operation_refuses_an_unrelated_actor() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let teacher = app
        .query_id(
            "SELECT a.person_id FROM staff_assignments a JOIN orgs o ON o.id = a.org_id \
             WHERE a.role = 'teacher' AND o.school_level = 'middle' ORDER BY a.person_id LIMIT 1",
            &[],
        )
        .await
        .expect("a middle-school teacher");
    let other = app.signed_in(&app.username_of(teacher).await).await;
    let t = token(&other).await;
    let doc: serde_json::Value = serde_json::from_str(&other.get("/api/openapi.json").await.body).unwrap();
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        if !path.starts_with("/api/v1/students/{id}") {
            // The caller's own session, and reference data (occupations)
            // open to everyone signed in.
            assert!(
                path == "/api/v1/session"
                    || path.starts_with("/api/v1/occupations")
                    || path == "/api/v1/career/inventory/items"
                    // The district's pathways (reference data; writes are a
                    // district administrator's, tested in api_career.rs).
                    || path.starts_with("/api/v1/pathways")
                    // The district's catalog (reference data) and its
                    // academic set-up: loads and rules are a district
                    // administrator's (graduation.rs checks others get 404).
                    || path.starts_with("/api/v1/catalog")
                    || path == "/api/v1/transcripts/loads"
                    || path.starts_with("/api/v1/graduation-rules")
                    // The district's capstone rubric: a district
                    // administrator's (capstone.rs checks others get 404).
                    || path == "/api/v1/capstone-rubric"
                    // The district's portfolio settings: everyone signed in
                    // reads them, writes are a district administrator's
                    // (portfolio_settings.rs checks others get 404).
                    || path.starts_with("/api/v1/portfolio/")
                    // The list is filtered by the caller's own scope
                    // (api_career.rs checks an outsider sees no one).
                    || path == "/api/v1/students"
                    // The caller's own open flags (rows they own).
                    || path == "/api/v1/flags"
                    // The district's fairness audit and strategy library: a
                    // district administrator's (support_fairness.rs checks
                    // others get 404).
                    || path.starts_with("/api/v1/admin/support/")
                    // The district's resource directory and partners: staff
                    // and partner users read, maintainers write
                    // (partners.rs checks a teacher gets 403); the loop
                    // metrics and reminder age likewise.
                    || path.starts_with("/api/v1/partners")
                    || path.starts_with("/api/v1/resources")
                    || path == "/api/v1/referral-metrics"
                    || path == "/api/v1/partner-settings"
                    // A partner user's own referrals: only those to their
                    // organisation under an active consent (partners.rs
                    // checks guessed ids, revocation and expiry).
                    || path.starts_with("/api/v1/partner/"),
                "classify {path} here"
            );
            continue;
        }
        let url = path
            .split('/')
            .map(|seg| match seg {
                "{id}" => camila.to_string(),
                s if s.starts_with('{') => uuid::Uuid::now_v7().to_string(),
                s => s.to_owned(),
            })
            .collect::<Vec<_>>()
            .join("/");
        for method in METHODS.into_iter().filter(|m| item.get(m.to_lowercase()).is_some()) {
            let before = app.count_audit("access_denied").await;
            let res = if method == "GET" {
                other.get_json(&url).await
            } else {
                other.send_json(method, &url, "{}", Some(&t)).await
            };
            assert_eq!(res.status, 404, "{method} {path} must answer 404 to an unrelated actor");
            assert_eq!(
                app.count_audit("access_denied").await,
                before + 1,
                "{method} {path} must audit the refusal"
            );
            checked += 1;
        }
    }
    assert!(checked >= 9, "every student operation was tried ({checked})");
}
