//! Small steps several test files take the way a person would.

use ssp_testkit::TestClient;
use uuid::Uuid;

/// The student (or a staff member for them) sets a percent goal,
/// 71 → 85 by June, through the goal form; returns its id.
pub async fn percent_goal(c: &TestClient, student: Uuid, domain: &str, statement: &str) -> Uuid {
    c.get(&format!("/students/{student}/goals/new")).await;
    let res = c
        .post_form(
            &format!("/students/{student}/goals"),
            &[
                ("domain", domain),
                ("statement", statement),
                ("why_it_matters", "It matters to me"),
                ("measure_kind", "percent"),
                ("baseline", "71"),
                ("target", "85"),
                ("due_date", "2027-06-15"),
                ("cadence", "every_two_weeks"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    res.location()
        .and_then(|l| l.rsplit('/').next())
        .and_then(|id| id.parse().ok())
        .expect("redirect to the goal")
}

/// A teacher at the student's school who does not teach her, is on no
/// team of hers and holds no school-wide role: staff with no access to her
/// plan, but one the school may make her plan manager.
pub async fn unrelated_teacher_at_school(app: &ssp_testkit::TestApp, student: Uuid) -> (Uuid, TestClient) {
    let teacher = app
        .query_id(
            "SELECT a.person_id FROM staff_assignments a \
             WHERE a.role = 'teacher' AND a.status = 'active' \
               AND a.org_id = (SELECT school_id FROM students WHERE person_id = $1) \
               AND NOT EXISTS (SELECT 1 FROM staff_assignments b WHERE b.person_id = a.person_id AND b.role <> 'teacher') \
               AND NOT EXISTS (SELECT 1 FROM enrollments t JOIN enrollments s ON s.class_id = t.class_id \
                               WHERE t.person_id = a.person_id AND s.person_id = $1) \
               AND NOT EXISTS (SELECT 1 FROM team_members m WHERE m.staff_id = a.person_id AND m.student_id = $1) \
             ORDER BY a.person_id LIMIT 1",
            &[student],
        )
        .await
        .expect("a teacher at the school who does not teach her");
    let username = app.username_of(teacher).await;
    (teacher, app.signed_in(&username).await)
}

/// The showcase family's 18-year-old (a student who chooses whether the
/// plan is shared with guardians).
pub async fn adult_child(app: &ssp_testkit::TestApp) -> Uuid {
    let guardian = app.person("demo.guardian").await;
    app.query_id(
        "SELECT g.student_id FROM guardian_links g JOIN students s ON s.person_id = g.student_id \
         WHERE g.guardian_id = $1 AND s.grade_level = 12",
        &[guardian],
    )
    .await
    .expect("the showcase family has an 18-year-old")
}

/// What one action left behind: the rows `sql` reads (ids and times left
/// out by the query) and the audit rows it wrote.
#[derive(Debug, PartialEq, Eq)]
pub struct Effect {
    pub rows: Vec<String>,
    pub audit: Vec<String>,
}

/// Runs `act` in a fresh demo district and reads its effect; a page action
/// and its API twin, each run this way, must give the same [`Effect`]
/// (the demo's people have the same ids in every run).
pub async fn effect_of<F, Fut>(sql: &str, act: F) -> Effect
where
    F: FnOnce(std::sync::Arc<ssp_testkit::TestApp>) -> Fut,
    Fut: std::future::Future<Output = Vec<Uuid>>,
{
    let app = std::sync::Arc::new(ssp_testkit::TestApp::with_demo().await);
    let before = app.audit_len().await;
    let args = act(app.clone()).await;
    let audit = app
        .audit_after(before)
        .await
        .into_iter()
        // Signing in and reading the page are not the action.
        .filter(|a| !a.starts_with("record_viewed") && !a.starts_with("sign_in"))
        .collect();
    Effect {
        rows: app.texts(sql, &args).await,
        audit,
    }
}

/// The session's CSRF token for API writes.
pub async fn api_token(c: &TestClient) -> String {
    let body = c.get_json("/api/v1/session").await.body;
    body.split("\"csrf_token\":\"")
        .nth(1)
        .and_then(|t| t.split('"').next())
        .expect("the session has a token")
        .to_owned()
}
