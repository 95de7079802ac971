//! Every plan action a page offers has a JSON twin under `/api/v1` that
//! calls the same use case: done once each way, in two fresh demo
//! districts, they leave the same stored rows and the same audit rows.

use ssp_testkit::TestApp;
use std::sync::Arc;
use uuid::Uuid;

use crate::support::{api_token, effect_of, percent_goal};

const GOALS: &str = "SELECT domain || '|' || statement || '|' || why_it_matters || '|' || measure_kind || '|' \
                     || CAST(baseline AS TEXT) || '|' || CAST(target AS TEXT) || '|' || CAST(due_date AS TEXT) \
                     || '|' || cadence || '|' || status \
                     FROM goals WHERE student_id = $1 ORDER BY statement";

#[tokio::test]
async fn a_goal_created_on_the_page_and_through_the_api_is_the_same_goal() {
    let page = effect_of(GOALS, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        let c = app.signed_in("demo.student").await;
        percent_goal(&c, camila, "academic", "Raise my math grade").await;
        vec![camila]
    })
    .await;
    let api = effect_of(GOALS, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        let c = app.signed_in("demo.student").await;
        let token = api_token(&c).await;
        let body = r#"{"domain":"academic","statement":"Raise my math grade","why_it_matters":"It matters to me",
                       "measure_kind":"percent","baseline":"71","target":"85","due_date":"2027-06-15",
                       "cadence":"every_two_weeks"}"#;
        let res = c
            .send_json("POST", &format!("/api/v1/students/{camila}/goals"), body, Some(&token))
            .await;
        assert_eq!(res.status, 201, "{}", res.body);
        vec![camila]
    })
    .await;
    assert_eq!(page.rows.len(), 1, "one goal: {:?}", page.rows);
    assert_eq!(page, api);
    assert!(page.audit[0].starts_with("goal_created"), "{:?}", page.audit);
}

const CHECK_INS: &str = "SELECT CAST(c.on_date AS TEXT) || '|' || CAST(c.value AS TEXT) || '|' || c.note || '|' \
                         || c.reflection FROM goal_check_ins c JOIN goals g ON g.id = c.goal_id \
                         WHERE g.student_id = $1 ORDER BY c.on_date";

/// The student's goal, and a check-in on it through `check_in`.
async fn goal_then<F, Fut>(check_in: F) -> crate::support::Effect
where
    F: FnOnce(Arc<TestApp>, Uuid, Uuid) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    effect_of(CHECK_INS, |app: Arc<TestApp>| async move {
        let camila = app.person("demo.student").await;
        let c = app.signed_in("demo.student").await;
        let goal = percent_goal(&c, camila, "academic", "Raise my math grade").await;
        check_in(app.clone(), camila, goal).await;
        vec![camila]
    })
    .await
}

#[tokio::test]
async fn a_check_in_on_the_page_and_through_the_api_is_the_same_check_in() {
    let page = goal_then(|app, camila, goal| async move {
        let c = app.signed_in("demo.student").await;
        c.get(&format!("/students/{camila}/goals/{goal}")).await;
        let res = c
            .post_form(
                &format!("/students/{camila}/goals/{goal}/check-ins"),
                &[
                    ("value", "74"),
                    ("note", "Quiz went well"),
                    ("reflection", "Practice helps"),
                ],
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.text);
    })
    .await;
    let api = goal_then(|app, camila, goal| async move {
        let c = app.signed_in("demo.student").await;
        let token = api_token(&c).await;
        let body = r#"{"value":"74","note":"Quiz went well","reflection":"Practice helps"}"#;
        let res = c
            .send_json(
                "POST",
                &format!("/api/v1/students/{camila}/goals/{goal}/check-ins"),
                body,
                Some(&token),
            )
            .await;
        assert_eq!(res.status, 201, "{}", res.body);
    })
    .await;
    assert_eq!(page.rows.len(), 1, "one check-in: {:?}", page.rows);
    assert_eq!(page, api);
    assert!(
        page.audit.iter().any(|a| a.starts_with("check_in_created")),
        "{:?}",
        page.audit
    );
}
