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
