//! Access control as people meet it: who may open which student's pages,
//! what is audited, and what changes when relationships change.

use ssp_testkit::{TestApp, TestClient};
use uuid::Uuid;

struct World {
    app: TestApp,
    camila: Uuid,
    mateo: Uuid,
}

async fn world() -> World {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let guardian = app.person("demo.guardian").await;
    let mateo = app
        .query_id(
            "SELECT g.student_id FROM guardian_links g JOIN students s ON s.person_id = g.student_id \
             WHERE g.guardian_id = $1 AND s.grade_level = 12",
            &[guardian],
        )
        .await
        .expect("the showcase family has an 18-year-old");
    World { app, camila, mateo }
}

/// A teacher at a middle school: no relationship to the high-school showcase student.
pub(crate) async fn outsider(app: &TestApp) -> TestClient {
    let teacher = app
        .query_id(
            "SELECT a.person_id FROM staff_assignments a JOIN orgs o ON o.id = a.org_id \
             WHERE a.role = 'teacher' AND o.school_level = 'middle' ORDER BY a.person_id LIMIT 1",
            &[],
        )
        .await
        .expect("a middle-school teacher");
    let username = app.username_of(teacher).await;
    app.signed_in(&username).await
}

fn plan(id: Uuid) -> String {
    format!("/students/{id}")
}

#[tokio::test]
async fn staff_views_are_audited_and_shown_on_who_viewed_my_plan() {
    let w = world().await;
    let before = w.app.count_audit("record_viewed").await;
    let counselor = w.app.signed_in("demo.counselor").await;
    assert_eq!(counselor.get(&plan(w.camila)).await.status, 200);
    assert_eq!(w.app.count_audit("record_viewed").await, before + 1);

    let student = w.app.signed_in("demo.student").await;
    assert_eq!(student.get(&plan(w.camila)).await.status, 200);
    assert_eq!(
        w.app.count_audit("record_viewed").await,
        before + 1,
        "a student reading their own plan is not logged"
    );
    let log = student.get(&format!("{}/access-log", plan(w.camila))).await;
    assert_eq!(log.status, 200);
    assert!(log.text.contains("Plan manager"), "{}", log.text);

    let guardian = w.app.signed_in("demo.guardian").await;
    let log = guardian.get(&format!("{}/access-log", plan(w.camila))).await;
    assert_eq!(log.status, 200);
    assert!(log.text.contains("Plan manager"));
}

#[tokio::test]
async fn a_teacher_sees_students_of_current_classes_and_nobody_else() {
    let w = world().await;
    let teacher = w.app.signed_in("demo.teacher").await;
    assert_eq!(teacher.get(&plan(w.camila)).await.status, 200);
    let denied_before = w.app.count_audit("access_denied").await;
    let other = outsider(&w.app).await;
    let res = other.get(&plan(w.camila)).await;
    assert_eq!(res.status, 404, "out of scope answers 404, not 403");
    assert_eq!(
        w.app.count_audit("access_denied").await,
        denied_before + 1,
        "the attempt is audited"
    );
}

#[tokio::test]
async fn a_teacher_loses_access_when_the_class_enrollment_ends() {
    let w = world().await;
    let teacher = w.app.signed_in("demo.teacher").await;
    assert_eq!(teacher.get(&plan(w.camila)).await.status, 200);
    w.app
        .execute(
            "UPDATE enrollments SET end_date = '2026-10-31' WHERE person_id = $1",
            &[w.camila],
        )
        .await;
    assert_eq!(teacher.get(&plan(w.camila)).await.status, 404);
}

#[tokio::test]
async fn a_guardian_without_educational_rights_sees_nothing() {
    let w = world().await;
    let guardian = w.app.signed_in("demo.guardian").await;
    assert_eq!(guardian.get(&plan(w.camila)).await.status, 200);
    let g = w.app.person("demo.guardian").await;
    w.app
        .execute(
            "UPDATE guardian_links SET educational_rights = FALSE WHERE guardian_id = $1",
            &[g],
        )
        .await;
    assert_eq!(guardian.get(&plan(w.camila)).await.status, 404);
    assert_eq!(guardian.get(&format!("{}/team", plan(w.camila))).await.status, 404);
    let home = guardian.get("/").await;
    assert!(home.text.contains("No students are linked"), "{}", home.text);
}

#[tokio::test]
async fn a_former_plan_manager_loses_access_on_reassignment() {
    let w = world().await;
    // Staff of her school with no tie to her yet.
    let (fps, fps_client) = crate::support::unrelated_teacher_at_school(&w.app, w.camila).await;
    let counselor_id = w.app.person("demo.counselor").await;
    let counselor = w.app.signed_in("demo.counselor").await;
    assert_eq!(fps_client.get(&plan(w.camila)).await.status, 404, "not on the team yet");

    counselor.get(&format!("{}/team", plan(w.camila))).await;
    let res = counselor
        .post_form(
            &format!("{}/plan-manager", plan(w.camila)),
            &[("staff_id", &fps.to_string())],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_eq!(
        fps_client.get(&plan(w.camila)).await.status,
        200,
        "the new plan manager sees the plan"
    );

    counselor.get(&format!("{}/team", plan(w.camila))).await;
    let res = counselor
        .post_form(
            &format!("{}/plan-manager", plan(w.camila)),
            &[("staff_id", &counselor_id.to_string())],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(
        fps_client.get(&plan(w.camila)).await.status,
        404,
        "the former plan manager lost access"
    );
    let team = counselor.get(&format!("{}/team", plan(w.camila))).await;
    assert!(team.text.contains("Earlier plan managers"), "history is kept");
    assert_eq!(w.app.count_audit("plan_manager_assigned").await, 2);
}

#[tokio::test]
async fn an_adult_student_hides_the_plan_from_guardians_until_sharing() {
    let w = world().await;
    let guardian = w.app.signed_in("demo.guardian").await;
    assert_eq!(guardian.get(&plan(w.mateo)).await.status, 404, "18+: hidden by default");
    let home = guardian.get("/").await;
    assert!(
        !home.text.contains("Grade 12"),
        "the adult child is not listed: {}",
        home.text
    );

    let mateo_user = w.app.username_of(w.mateo).await;
    let mateo = w.app.signed_in(&mateo_user).await;
    let page = mateo.get(&plan(w.mateo)).await;
    assert!(page.text.contains("Share my plan with my family"), "{}", page.text);
    let res = mateo
        .post_form(&format!("{}/sharing", plan(w.mateo)), &[("share", "yes")])
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(guardian.get(&plan(w.mateo)).await.status, 200, "shared");
    mateo.get(&plan(w.mateo)).await;
    mateo
        .post_form(&format!("{}/sharing", plan(w.mateo)), &[("share", "no")])
        .await;
    assert_eq!(guardian.get(&plan(w.mateo)).await.status, 404, "sharing stopped");

    // A minor cannot flip the switch, and a guardian cannot flip it for them.
    let camila = w.app.signed_in("demo.student").await;
    camila.get(&plan(w.camila)).await;
    let res = camila
        .post_form(&format!("{}/sharing", plan(w.camila)), &[("share", "no")])
        .await;
    assert_eq!(res.status, 404);
}

#[tokio::test]
async fn break_glass_needs_a_reason_is_audited_and_tells_the_plan_manager() {
    let w = world().await;
    let nurse = w.app.signed_in("demo.nurse").await;
    nurse.get(&format!("{}/notes", plan(w.camila))).await;
    let secret = "Takes an inhaler before PE";
    let res = nurse
        .post_form(
            &format!("{}/notes", plan(w.camila)),
            &[("body", secret), ("sensitivity", "restricted_health")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);

    let admin = w.app.signed_in("demo.schooladmin").await;
    let notes = admin.get(&format!("{}/notes", plan(w.camila))).await;
    assert_eq!(notes.status, 200);
    assert!(!notes.text.contains(secret), "hidden without a reason");
    assert!(notes.text.contains("1 note is restricted"), "{}", notes.text);

    let too_short = admin
        .post_form(
            &format!("{}/notes/break-glass", plan(w.camila)),
            &[("sensitivity", "restricted_health"), ("reason", "need")],
        )
        .await;
    assert_eq!(too_short.status, 422);
    assert!(!too_short.text.contains(secret));
    assert_eq!(w.app.count_audit("break_glass").await, 0);

    let opened = admin
        .post_form(
            &format!("{}/notes/break-glass", plan(w.camila)),
            &[
                ("sensitivity", "restricted_health"),
                ("reason", "Student unwell in class, nurse is out"),
            ],
        )
        .await;
    assert_eq!(opened.status, 200);
    assert!(opened.text.contains(secret));
    assert_eq!(w.app.count_audit("break_glass").await, 1);

    let pm_home = w.app.signed_in("demo.counselor").await.get("/").await;
    assert!(pm_home.text.contains("opened restricted notes"), "{}", pm_home.text);
    assert!(pm_home.text.contains("Student unwell in class"));

    // A guardian is never offered break-glass and never sees the note.
    let guardian = w.app.signed_in("demo.guardian").await;
    let g_notes = guardian.get(&format!("{}/notes", plan(w.camila))).await;
    assert!(!g_notes.text.contains(secret));
    assert!(!g_notes.text.contains("restricted"));
    let forced = guardian
        .post_form(
            &format!("{}/notes/break-glass", plan(w.camila)),
            &[
                ("sensitivity", "restricted_health"),
                ("reason", "I am her parent and want to see"),
            ],
        )
        .await;
    assert_eq!(forced.status, 404);
}

#[tokio::test]
async fn team_changes_need_the_right_role() {
    let w = world().await;
    let nurse = w.app.person("demo.nurse").await.to_string();
    let team_url = format!("{}/team", plan(w.camila));

    let teacher = w.app.signed_in("demo.teacher").await;
    assert_eq!(teacher.get(&team_url).await.status, 200, "teachers may see the team");
    let res = teacher
        .post_form(&team_url, &[("staff_id", &nurse), ("team_role", "nurse")])
        .await;
    assert_eq!(res.status, 404, "but not change it");
    assert_eq!(w.app.count_audit("team_member_added").await, 0);

    let counselor = w.app.signed_in("demo.counselor").await;
    counselor.get(&team_url).await;
    let res = counselor
        .post_form(&team_url, &[("staff_id", &nurse), ("team_role", "nurse")])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let page = counselor.get(res.location().unwrap()).await;
    assert!(page.text.contains("Added to the team"));
    assert!(page.text.contains("(Nurse on the SSP team)"), "{}", page.text);

    let again = counselor
        .post_form(&team_url, &[("staff_id", &nurse), ("team_role", "nurse")])
        .await;
    assert_eq!(again.status, 422);
    assert!(again.text.contains("already on the team"));

    let wrong_role = counselor
        .post_form(&team_url, &[("staff_id", &nurse), ("team_role", "teacher")])
        .await;
    assert_eq!(wrong_role.status, 422);
    assert!(wrong_role
        .text
        .contains("doesn't work at this student's school in that role"));
}

#[tokio::test]
async fn forged_and_guessed_ids_are_404_and_audited() {
    let w = world().await;
    let counselor = w.app.signed_in("demo.counselor").await;
    let before = w.app.count_audit("access_denied").await;
    for path in [
        format!("/students/{}", Uuid::now_v7()),
        "/students/not-a-uuid".to_owned(),
        "/students/%27%20OR%201%3D1".to_owned(),
    ] {
        assert_eq!(counselor.get(&path).await.status, 404, "{path}");
    }
    assert_eq!(w.app.count_audit("access_denied").await, before + 3);
    // A middle-school student is outside a high-school counselor's scope.
    let middle = w
        .app
        .query_id(
            "SELECT s.person_id FROM students s JOIN orgs o ON o.id = s.school_id WHERE o.school_level = 'middle' LIMIT 1",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(counselor.get(&plan(middle)).await.status, 404);
}

#[tokio::test]
async fn every_student_route_goes_through_the_access_module() {
    // The routes as declared (every `.route(` under web/src/ui and
    // web/src/api, so a new area's routes are found too); a new route must
    // be classified here.
    let src = route_sources();
    let not_student_data = [
        "/",
        "/sign-in",
        "/sign-out",
        "/language",
        "/students",
        "/api/openapi.json",
        "/api/v1/session",
        // The person's own notices (no student data; another's id is 404).
        "/notices/{id}/dismiss",
        // Single sign-on (sso.rs has the flow and its refusals).
        "/sign-in/sso/{provider}",
        "/sign-in/sso/callback",
        // One's own credentials, and the one-time links that set them.
        "/sign-in/code",
        "/sign-in/enrol",
        "/account/two-factor",
        "/account/password",
        "/password/forgot",
        "/password/reset/{token}",
        "/invitation",
        "/invitation/{token}",
        // A supervisor's single-use link to confirm a student's hours: no
        // session; it shows only the student's first name and last initial
        // (experiences.rs has used, expired and forged links).
        "/verify-hours/{token}",
        // Occupations and career clusters: O*NET reference data, open to
        // everyone signed in (the API's are classified in api.rs).
        "/careers",
        "/careers/clusters",
        "/careers/{code}",
        // The signed-in staff member's own flags (only rows they own).
        "/flags",
        // The district's resource directory (reference data for staff and
        // partner users; the import, metrics and settings are the
        // maintainers' — partners.rs checks a teacher is refused).
        "/partners",
        "/partners/import",
        "/partners/settings",
        // One directory entry or partner-user account at a time: the
        // maintainers' (others 403 or 404: partners_pages.rs).
        "/partners/organisations",
        "/partners/organisations/{id}",
        "/partners/organisations/{id}/remove",
        "/partners/organisations/{id}/users",
        "/partners/organisations/{id}/users/{person}",
        "/partners/organisations/{id}/users/{person}/remove",
        "/partners/resources",
        "/partners/resources/new",
        "/partners/resources/{id}",
        "/partners/resources/{id}/remove",
        // A partner user's own referrals: only those to their organisation
        // under an active consent; others 404 and are audited (partners.rs).
        "/partner",
        "/partner/referrals/{referral}",
    ];
    // A class roster: filtered by the reader's list scope; 404 to anyone who
    // neither teaches the class nor may see any of its students
    // (queues.rs::a_class_page_is_404_to_staff_outside_it has the real case).
    let class_pages = ["/classes/{id}"];
    // A school's page for inviting all its families: its school
    // administrators and district administrators only (others: 404).
    let school_pages = ["/schools/{id}/invitations"];
    // District-wide pages: a district administrator's only (others: 404).
    let district_admin_only = [
        "/admin/audit",
        "/admin/audit.csv",
        "/admin/plan-settings",
        "/admin/time-zone",
        "/admin/sign-in-settings",
        "/admin/roster",
        "/admin/roster/{id}",
        "/admin/roster/{id}/issues.csv",
        "/admin/roster/limit",
        "/admin/roster/sync",
        "/admin/roster/sync/run",
        "/admin/people/deactivated",
        "/admin/accounts",
        "/admin/accounts/prepare",
        "/admin/accounts/{id}",
        "/admin/sign-in-providers",
        "/admin/sign-in-providers/{id}/remove",
        "/admin/pathways",
        "/admin/pathways/{id}/remove",
        "/admin/catalog",
        "/admin/catalog/upload",
        "/admin/catalog/course",
        // District rules, not student data (tested in graduation.rs: 404
        // for anyone but a district administrator).
        "/admin/graduation",
        "/admin/graduation/sets",
        "/admin/graduation/sets/{id}",
        "/admin/graduation/sets/{id}/remove",
        "/admin/graduation/scale",
        // The district's early-warning settings and indicator uploads
        // (support_flags.rs checks the refusals and the all-or-nothing load).
        "/admin/support",
        "/admin/support/settings",
        "/admin/support/upload",
        // A showcase link: no account; the token is the key (portfolio.rs
        // checks only the chosen work shows and a closed link shows none).
        "/showcase/{token}",
        "/showcase/{token}/{artifact}/file",
        "/showcase/{token}/{artifact}/thumbnail",
        // The district's capstone rubric, not student data (capstone.rs
        // checks 404 for anyone but a district administrator).
        "/admin/capstone-rubric",
        // The district's own intervention strategies, not student data
        // (support_needs.rs: 404 for anyone but a district administrator).
        "/admin/strategies",
        "/admin/strategies/retire",
        // The fairness audit: aggregates for a district administrator only
        // (support_fairness.rs checks 404 for anyone else).
        "/admin/support/fairness",
        // The district's portfolio settings, not student data
        // (portfolio_settings.rs checks 404 for anyone but a district
        // administrator).
        "/admin/portfolio",
        "/admin/portfolio/best-work",
        "/admin/portfolio/competencies",
        "/admin/portfolio/competencies/{key}/retire",
        "/admin/portfolio/competencies/{key}/restore",
    ];
    let w = world().await;
    let other = outsider(&w.app).await;
    let mut checked = 0;
    for (path, line) in declared_routes(&src) {
        let path = path.as_str();
        let methods: Vec<&str> = ["get(", "post(", "put(", "delete("]
            .into_iter()
            .filter(|m| line.contains(m))
            .collect();
        if not_student_data.contains(&path) {
            continue;
        }
        if class_pages.contains(&path) {
            let url = path.replace("{id}", &Uuid::now_v7().to_string());
            assert_eq!(other.get(&url).await.status, 404, "{path}: an unknown class");
            continue;
        }
        if school_pages.contains(&path) {
            let url = path.replace("{id}", &Uuid::now_v7().to_string());
            assert_eq!(other.get(&url).await.status, 404, "{path}: an unknown school");
            other.get("/").await;
            assert_eq!(
                other.post_form(&url, &[]).await.status,
                404,
                "{path}: an unknown school"
            );
            continue;
        }
        if district_admin_only.contains(&path) {
            let url = path.replace("{id}", &Uuid::now_v7().to_string());
            let status = if methods.contains(&"get(") {
                other.get(&url).await.status
            } else {
                other.get("/").await; // a fresh form token
                other.post_form(&url, &[("time_zone", "UTC")]).await.status
            };
            assert_eq!(status, 404, "{path} is for district administrators");
            continue;
        }
        let api = path.starts_with("/api/v1/students/{id}");
        assert!(
            path.starts_with("/students/{id}") || api,
            "route {path} touches student data? classify it in this test"
        );
        let url = path
            .replace("{id}", &w.camila.to_string())
            .replace("{member}", &Uuid::now_v7().to_string())
            .replace("{goal}", &Uuid::now_v7().to_string())
            .replace("{key}", "g10_annual_review")
            .replace("{follow_up}", &Uuid::now_v7().to_string())
            .replace("{step}", &Uuid::now_v7().to_string())
            .replace("{check_in}", &Uuid::now_v7().to_string())
            .replace("{reflection}", &Uuid::now_v7().to_string())
            .replace("{link}", &Uuid::now_v7().to_string())
            .replace("{code}", "29-1141.00")
            .replace("{program}", &Uuid::now_v7().to_string())
            .replace("{artifact}", &Uuid::now_v7().to_string())
            .replace("{showcase}", &Uuid::now_v7().to_string())
            .replace("{collection}", &Uuid::now_v7().to_string())
            .replace("{flag}", &Uuid::now_v7().to_string())
            .replace("{entry}", &Uuid::now_v7().to_string())
            .replace("{need}", &Uuid::now_v7().to_string())
            .replace("{consent}", &Uuid::now_v7().to_string())
            .replace("{referral}", &Uuid::now_v7().to_string())
            .replace("{intervention}", &Uuid::now_v7().to_string());
        for m in methods {
            let before = w.app.count_audit("access_denied").await;
            other.get("/").await; // a fresh form token
            let res = if m == "get(" {
                other.get(&url).await
            } else if api {
                let token = other.get_json("/api/v1/session").await.body;
                let token = token
                    .split("\"csrf_token\":\"")
                    .nth(1)
                    .and_then(|t| t.split('"').next())
                    .unwrap()
                    .to_owned();
                let method = m.trim_end_matches('(').to_uppercase();
                other.send_json(&method, &url, "{}", Some(&token)).await
            } else {
                other
                    .post_form(
                        &url,
                        &[
                            ("share", "yes"),
                            ("body", "x"),
                            ("sensitivity", "shared"),
                            ("staff_id", "x"),
                            ("team_role", "nurse"),
                            ("reason", "a long enough reason"),
                        ],
                    )
                    .await
            };
            assert_eq!(res.status, 404, "{m} {path} must answer 404 to an unrelated actor");
            assert_eq!(
                w.app.count_audit("access_denied").await,
                before + 1,
                "{m} {path} must audit the refusal"
            );
            checked += 1;
        }
    }
    assert!(checked >= 30, "all student routes were exercised ({checked})");
}

/// The text of every web source file that declares routes.
fn route_sources() -> String {
    fn walk(dir: &std::path::Path, out: &mut String) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                if text.contains(".route(") {
                    out.push_str(&text);
                    out.push('\n');
                }
            }
        }
    }
    let web = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/src");
    let mut src = String::new();
    walk(&web.join("ui"), &mut src);
    walk(&web.join("api"), &mut src);
    assert!(src.contains("\"/students/{id}\""), "the plan's routes were found");
    src
}

/// Each `.route(…)` in `src` as (path, its whole declaration), also when
/// rustfmt spreads one over several lines.
fn declared_routes(src: &str) -> Vec<(String, String)> {
    src.split(".route(")
        .skip(1)
        .map(|rest| {
            let mut depth = 1;
            let end = rest
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map_or(rest.len(), |(i, _)| i);
            let decl = &rest[..end];
            (decl.split('"').nth(1).unwrap_or_default().to_owned(), decl.to_owned())
        })
        .collect()
}

#[tokio::test]
async fn the_caseload_is_filtered_in_the_database() {
    let w = world().await;
    let counselor_id = w.app.person("demo.counselor").await;
    let managed: i64 = {
        let n = w
            .app
            .query_id(
                "SELECT staff_id FROM plan_managers WHERE staff_id = $1 LIMIT 1",
                &[counselor_id],
            )
            .await;
        assert!(n.is_some());
        ssp_db::with_reader!(&w.app.db, |p| sqlx::query_scalar(
            "SELECT COUNT(*) FROM plan_managers WHERE staff_id = $1 AND ended_at IS NULL"
        )
        .bind(counselor_id)
        .fetch_one(p)
        .await)
        .unwrap()
    };
    let c = w.app.signed_in("demo.counselor").await;
    let page = c.get("/students").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains(&format!("{managed} students")), "{}", page.text);
    let camila_link = format!("/students/{}\"", w.camila);
    let page2 = c.get("/students?page=2").await;
    assert!(
        page.text.contains(&camila_link) || page2.text.contains(&camila_link),
        "Camila is in the caseload"
    );
    let all = c.get("/students?view=all").await;
    let school_total: i64 = ssp_db::with_reader!(&w.app.db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM students s JOIN orgs o ON o.id = s.school_id WHERE o.name = 'Riverside High School'"
    )
    .fetch_one(p)
    .await)
    .unwrap();
    assert!(all.text.contains(&format!("{school_total} students")), "{}", all.text);
    assert_eq!(c.get("/students?page=0").await.status, 400);
    assert_eq!(c.get("/students?view=everything").await.status, 400);

    let teacher = w.app.signed_in("demo.teacher").await;
    let mine = teacher.get("/students?view=all").await;
    let mut found = false;
    for n in 1..=10 {
        found |= teacher
            .get(&format!("/students?view=all&page={n}"))
            .await
            .text
            .contains(&camila_link);
    }
    assert!(found, "Camila is in the teacher's list");
    assert!(
        !mine.text.contains(&format!("{school_total} students")),
        "a teacher sees only their classes"
    );
}

#[tokio::test]
async fn the_team_page_shows_who_can_see_what() {
    let w = world().await;
    let guardian = w.app.signed_in("demo.guardian").await;
    let team = guardian.get(&format!("{}/team", plan(w.camila))).await;
    assert_eq!(team.status, 200);
    for text in [
        "Who can see what",
        "Plan manager",
        "With a reason",
        "Teacher of a current class",
        "District administrators (1)",
        "Health notes",
    ] {
        assert!(team.text.contains(text), "{text}");
    }
    assert!(
        !team.text.contains("Add to the team"),
        "a guardian cannot change the team"
    );
}

#[tokio::test]
async fn the_district_admin_searches_and_exports_the_audit_log() {
    let w = world().await;
    w.app.signed_in("demo.counselor").await.get(&plan(w.camila)).await;
    let local_id: String = ssp_db::with_reader!(&w.app.db, |p| sqlx::query_scalar(
        "SELECT local_id FROM students WHERE person_id = $1"
    )
    .bind(w.camila)
    .fetch_one(p)
    .await)
    .unwrap();
    let admin = w.app.signed_in("demo.districtadmin").await;
    let res = admin
        .get(&format!("/admin/audit?student={local_id}&actor=demo.counselor"))
        .await;
    assert_eq!(res.status, 200);
    assert!(res.text.contains("Viewed a record"), "{}", res.text);
    assert!(res.text.contains("(demo.counselor)"));
    let csv = admin.get(&format!("/admin/audit.csv?student={local_id}")).await;
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    assert!(csv.body.starts_with("at,action,actor_username"));
    assert!(csv.body.contains("record_viewed,demo.counselor"), "{}", csv.body);
    assert_eq!(w.app.count_audit("audit_exported").await, 1);

    let bad = admin.get("/admin/audit?from=yesterday").await;
    assert_eq!(bad.status, 422);
    assert!(bad.text.contains("Dates must look like"));
    let unknown = admin.get("/admin/audit?student=NOPE-0000").await;
    assert!(unknown.text.contains("No student in your district has that ID"));

    for user in ["demo.counselor", "demo.schooladmin", "demo.student"] {
        let c = w.app.signed_in(user).await;
        assert_eq!(c.get("/admin/audit").await.status, 404, "{user}");
        assert_eq!(c.get("/admin/audit.csv").await.status, 404, "{user}");
    }
}

#[tokio::test]
async fn school_staff_change_a_guardians_educational_rights_and_it_takes_effect() {
    let w = world().await;
    let guardian = w.app.signed_in("demo.guardian").await;
    assert_eq!(guardian.get(&plan(w.camila)).await.status, 200);
    let admin = w.app.signed_in("demo.schooladmin").await;
    let team = admin.get(&format!("{}/team", plan(w.camila))).await;
    assert!(team.text.contains("Withdraw educational rights"));
    let g = w.app.person("demo.guardian").await;
    let link = w
        .app
        .query_id(
            "SELECT id FROM guardian_links WHERE guardian_id = $1 AND student_id = $2",
            &[g, w.camila],
        )
        .await
        .unwrap();
    let url = format!("{}/guardians/{link}/rights", plan(w.camila));
    let teacher = w.app.signed_in("demo.teacher").await;
    teacher.get("/").await;
    assert_eq!(
        teacher.post_form(&url, &[("rights", "no")]).await.status,
        404,
        "a teacher cannot"
    );
    assert_eq!(admin.post_form(&url, &[("rights", "no")]).await.status, 303);
    assert_eq!(
        guardian.get(&plan(w.camila)).await.status,
        404,
        "rights withdrawn: the plan is hidden"
    );
    admin.get(&format!("{}/team", plan(w.camila))).await;
    assert_eq!(admin.post_form(&url, &[("rights", "yes")]).await.status, 303);
    assert_eq!(guardian.get(&plan(w.camila)).await.status, 200);
    assert_eq!(w.app.count_audit("guardian_rights_changed").await, 2);
}
