//! Roster safety as a district sees it: an upload that would deactivate
//! more than the district's limit stops and waits for a confirmation (its
//! package kept), the limit is the district's to set, deactivated people
//! can be found and reactivated with their plan, and a deactivated person
//! who signs in is told to contact the school.

use ssp_db::repo::accounts;
use ssp_domain::person::NewPassword;
use ssp_domain::{AccountId, PersonId};
use ssp_testkit::{TestApp, TestClient, TestResponse};
use uuid::Uuid;

use super::roster_page::{count, district_with_admin, import, sign_in, uploads_left, wait_for, world, World, PASSWORD};

/// The person a roster sourcedId became.
async fn person(app: &TestApp, source_id: &str) -> Uuid {
    let sql = format!("SELECT id FROM persons WHERE source_id = '{source_id}'");
    app.query_id(&sql, &[]).await.expect("person")
}

async fn status(app: &TestApp, source_id: &str) -> String {
    let sql = format!("SELECT status FROM persons WHERE source_id = '{source_id}'");
    ssp_db::with_reader!(&app.db, |p| sqlx::query_scalar(&sql).fetch_one(p).await).unwrap()
}

/// A sign-in for a person the roster brought (imports create no accounts).
async fn account_for(app: &TestApp, source_id: &str, username: &str) {
    let person_id = person(app, source_id).await;
    // The import prepared an account without a password; this one replaces it.
    app.execute("DELETE FROM accounts WHERE person_id = $1", &[person_id])
        .await;
    let hash = ssp_web::auth::password::hash(&NewPassword::parse(PASSWORD).unwrap())
        .await
        .unwrap();
    let mut tx = app.db.begin().await.unwrap();
    let account = accounts::NewAccount {
        id: AccountId::new(),
        person_id: PersonId(person_id),
        username,
        email: None,
        password_hash: &hash,
        ui_language: None,
        now: app.state.now(),
    };
    accounts::insert(&mut tx, &account).await.unwrap();
    tx.commit().await.unwrap();
}

async fn set_limit(w: &World, value: &str) -> TestResponse {
    w.admin.get("/admin/roster").await;
    w.admin.post_form("/admin/roster/limit", &[("limit", value)]).await
}

/// Riverbend as imported from the full package (21 people and the
/// administrator), then the changed package (stu-05 and t-01 gone, 2 of
/// 22) uploaded under a 5 % limit: the import stops.
async fn stopped_upload() -> (World, Uuid, TestResponse) {
    let w = world().await;
    import(&w, "v1_2-bulk", false).await;
    assert_eq!(set_limit(&w, "5").await.status, 303);
    let (id, page) = import(&w, "v1_2-bulk-changed", false).await;
    (w, id, page)
}

#[tokio::test]
async fn an_upload_over_the_limit_stops_with_the_figures_and_imports_only_after_confirmation() {
    let (w, id, page) = stopped_upload().await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Confirm the deactivations"), "{}", page.text);
    assert!(
        page.text.contains(
            "would deactivate 2 of the district's 22 active people (9.1 %), more than the district's limit of 5 %"
        ),
        "{}",
        page.text
    );
    assert!(page.text.contains("Import anyway and deactivate 2 people"));
    assert!(page.text.contains("Nothing was changed."));
    // Nothing happened yet, and the package waits on the server.
    assert_eq!(status(&w.app, "stu-05").await, "active");
    assert_eq!(status(&w.app, "t-01").await, "active");
    assert_eq!(uploads_left(&w.app), 1, "the package is kept for the decision");
    let index = w.admin.get("/admin/roster").await;
    assert!(index.text.contains("Stopped: confirm the deactivations"));

    // Confirming runs the same package for real.
    let res = w
        .admin
        .post_form(&format!("/admin/roster/{id}"), &[("decision", "confirm")])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let next = res.location().unwrap().to_owned();
    assert_ne!(next, format!("/admin/roster/{id}"), "a new import in the history");
    let new_id: Uuid = next.trim_start_matches("/admin/roster/").parse().unwrap();
    let row = wait_for(&w.app, new_id).await;
    assert_eq!(row.state, "succeeded", "{:?}", row.message);
    assert_eq!(status(&w.app, "stu-05").await, "inactive");
    assert_eq!(status(&w.app, "t-01").await, "inactive");
    assert_eq!(uploads_left(&w.app), 0, "the package is deleted after its import");
    assert_eq!(w.app.count_audit("roster_deactivations_confirmed").await, 1);

    // The stopped import no longer offers a decision.
    let again = w.admin.get(&format!("/admin/roster/{id}")).await;
    assert!(!again.text.contains("Import anyway"));
    assert!(again.text.contains("no longer waits for a decision"));
    let twice = w
        .admin
        .post_form(&format!("/admin/roster/{id}"), &[("decision", "confirm")])
        .await;
    assert_eq!(twice.location(), Some(format!("/admin/roster/{id}").as_str()));
    assert_eq!(
        count(&w.app, "SELECT COUNT(*) FROM roster_imports").await,
        3,
        "no third run of the package"
    );
}

#[tokio::test]
async fn a_stopped_upload_can_be_discarded_and_then_nothing_changes() {
    let (w, id, _) = stopped_upload().await;
    let res = w
        .admin
        .post_form(&format!("/admin/roster/{id}"), &[("decision", "discard")])
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(uploads_left(&w.app), 0, "the package is deleted");
    assert_eq!(status(&w.app, "stu-05").await, "active");
    assert_eq!(w.app.count_audit("roster_package_discarded").await, 1);
    let page = w.admin.get(&format!("/admin/roster/{id}")).await;
    assert!(!page.text.contains("Import anyway"));
    // Confirming after a discard runs nothing.
    w.admin
        .post_form(&format!("/admin/roster/{id}"), &[("decision", "confirm")])
        .await;
    assert_eq!(count(&w.app, "SELECT COUNT(*) FROM roster_imports").await, 2);
    assert_eq!(status(&w.app, "stu-05").await, "active");
}

#[tokio::test]
async fn a_package_waiting_for_confirmation_survives_a_restart() {
    let (w, id, _) = stopped_upload().await;
    // What a server start does with leftover uploads.
    ssp_web::roster_jobs::recover(&w.app.state).await;
    assert_eq!(uploads_left(&w.app), 1, "the package still waits for the decision");
    let page = w.admin.get(&format!("/admin/roster/{id}")).await;
    assert!(page.text.contains("Import anyway and deactivate 2 people"));
}

#[tokio::test]
async fn a_kept_package_older_than_the_last_import_cannot_be_confirmed() {
    let (w, id, _) = stopped_upload().await;
    // Meanwhile the full package is imported again (nothing to deactivate).
    w.app.clock.advance(time::Duration::minutes(5));
    import(&w, "v1_2-bulk", false).await;
    let res = w
        .admin
        .post_form(&format!("/admin/roster/{id}"), &[("decision", "confirm")])
        .await;
    assert_eq!(res.status, 409);
    assert!(res.text.contains("could undo what that import did"), "{}", res.text);
    assert_eq!(status(&w.app, "stu-05").await, "active");
    assert_eq!(uploads_left(&w.app), 0, "the out-of-date package is deleted");
}

#[tokio::test]
async fn a_dry_run_over_the_limit_says_a_real_import_would_ask() {
    let w = world().await;
    import(&w, "v1_2-bulk", false).await;
    assert_eq!(set_limit(&w, "5").await.status, 303);
    let (_, page) = import(&w, "v1_2-bulk-changed", true).await;
    assert!(
        page.text.contains("so it would stop and ask you to confirm"),
        "{}",
        page.text
    );
    assert_eq!(uploads_left(&w.app), 0, "a dry run keeps nothing");
}

#[tokio::test]
async fn the_deactivation_limit_is_the_districts_and_bad_values_are_explained() {
    let w = world().await;
    let page = w.admin.get("/admin/roster").await;
    assert!(page.text.contains("name=\"limit\""), "{}", page.text);
    assert!(page.text.contains("value=\"10\""), "the default is 10 %");

    for bad in ["abc", "101", "-3", "7.5", ""] {
        let res = set_limit(&w, bad).await;
        assert_eq!(res.status, 422, "{bad:?}");
        assert!(
            res.text.contains("Enter the limit as a whole number from 0 to 100"),
            "{bad:?}: {}",
            res.text
        );
        assert!(res.text.contains(&format!("value=\"{bad}\"")), "what was typed is kept");
    }
    let res = set_limit(&w, "25").await;
    assert_eq!(res.status, 303);
    let page = w.admin.get(res.location().unwrap()).await;
    assert!(page.text.contains("value=\"25\""));
    assert!(page.text.contains("more than 25 % of the district"), "{}", page.text);
    assert_eq!(w.app.count_audit("settings_changed").await, 1);

    w.admin.set_accept_language("es");
    w.admin.set_cookie("ssp_lang", "es");
    let res = set_limit(&w, "mucho").await;
    assert!(
        res.text.contains("Escriba el límite como un número entero de 0 a 100"),
        "{}",
        res.text
    );
}

/// Riverbend after the changed package (stu-05 Zoë Fischer and t-01
/// Fatima Al-Sayed deactivated), with accounts for the counselor and Zoë,
/// and a goal Zoë wrote before she left.
async fn after_people_left() -> (World, Uuid, TestClient) {
    let w = world().await;
    import(&w, "v1_2-bulk", false).await;
    account_for(&w.app, "c-01", "rafael.ortiz").await;
    account_for(&w.app, "stu-05", "zoe.fischer").await;
    let zoe = person(&w.app, "stu-05").await;
    let student = sign_in(&w.app, "zoe.fischer").await;
    student.get(&format!("/students/{zoe}")).await;
    let goal = [
        ("domain", "academic"),
        ("statement", "Raise my chemistry grade to a B"),
        ("why_it_matters", "I want to study nursing"),
        ("measure_kind", "percent"),
        ("baseline", "71"),
        ("target", "85"),
        ("due_date", "2027-06-15"),
        ("cadence", "every_two_weeks"),
    ];
    let res = student.post_form(&format!("/students/{zoe}/goals"), &goal).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let counselor = sign_in(&w.app, "rafael.ortiz").await;
    let plan = counselor.get(&format!("/students/{zoe}")).await;
    assert!(plan.text.contains("Raise my chemistry grade to a B"));

    let (_, page) = import(&w, "v1_2-bulk-changed", false).await;
    assert!(page.text.contains("Finished"), "within the default 10 %: {}", page.text);
    assert_eq!(status(&w.app, "stu-05").await, "inactive");
    (w, zoe, counselor)
}

#[tokio::test]
async fn deactivated_people_are_listed_searched_and_reactivated_with_their_plan_visible_again() {
    let (w, zoe, counselor) = after_people_left().await;
    assert_eq!(counselor.get(&format!("/students/{zoe}")).await.status, 404);

    let list = w.admin.get("/admin/people/deactivated").await;
    assert_eq!(list.status, 200);
    assert!(list.text.contains("Zoë Fischer"), "{}", list.text);
    assert!(list.text.contains("Fatima Al-Sayed"));
    assert!(list.text.contains("2 deactivated people"));
    assert!(list
        .text
        .contains("deactivates them again if they are still missing from the file"));
    let by_name = w.admin.get("/admin/people/deactivated?q=fisch").await;
    assert!(by_name.text.contains("Zoë Fischer") && !by_name.text.contains("Fatima"));
    let by_number = w.admin.get("/admin/people/deactivated?q=100105").await;
    assert!(by_number.text.contains("Zoë Fischer") && !by_number.text.contains("Fatima"));
    let none = w.admin.get("/admin/people/deactivated?q=nobody").await;
    assert!(none.text.contains("No deactivated person matches your search."));
    let far = w.admin.get("/admin/people/deactivated?page=99").await;
    assert!(far.text.contains("Zoë Fischer"), "a page past the last shows the last");

    let res = w
        .admin
        .post_form("/admin/people/deactivated", &[("person", &zoe.to_string())])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let after = w.admin.get(res.location().unwrap()).await;
    assert!(after.text.contains("The person is active again"));
    assert!(!after.text.contains("Zoë Fischer"));
    assert!(after.text.contains("Fatima Al-Sayed"));
    assert_eq!(w.app.count_audit("person_reactivated").await, 1);

    // The plan was never lost: the counselor sees Zoë's goal again.
    let plan = counselor.get(&format!("/students/{zoe}")).await;
    assert_eq!(plan.status, 200);
    assert!(plan.text.contains("Raise my chemistry grade to a B"), "{}", plan.text);
    // And Zoë can sign in again.
    let back = w.app.client();
    assert_eq!(back.sign_in("zoe.fischer", PASSWORD).await.status, 303);
    // Reactivating an active person is nothing to do.
    let again = w
        .admin
        .post_form("/admin/people/deactivated", &[("person", &zoe.to_string())])
        .await;
    assert_eq!(again.status, 404);
}

#[tokio::test]
async fn only_a_district_administrator_of_the_persons_district_may_list_or_reactivate() {
    let (w, zoe, counselor) = after_people_left().await;
    district_with_admin(&w.app, "Lakeside Unified", None, "lake.admin").await;
    account_for(&w.app, "t-02", "grace.kim").await;
    account_for(&w.app, "stu-01", "amara.okafor").await;
    account_for(&w.app, "par-01", "parent.okafor").await;
    let mut cases: Vec<(&str, TestClient, u16, u16)> = vec![
        (
            "district admin of another district",
            sign_in(&w.app, "lake.admin").await,
            200,
            404,
        ),
        ("counselor", counselor, 404, 404),
        ("teacher", sign_in(&w.app, "grace.kim").await, 404, 404),
        ("student", sign_in(&w.app, "amara.okafor").await, 404, 404),
        ("guardian", sign_in(&w.app, "parent.okafor").await, 404, 404),
        ("signed out", w.app.client(), 303, 303),
    ];
    for (who, c, list_status, post_status) in cases.drain(..) {
        c.get("/").await;
        let list = c.get("/admin/people/deactivated").await;
        assert_eq!(list.status, list_status, "{who}: list");
        assert!(!list.text.contains("Zoë Fischer"), "{who} sees no one of Riverbend");
        let res = c
            .post_form("/admin/people/deactivated", &[("person", &zoe.to_string())])
            .await;
        assert_eq!(res.status, post_status, "{who}: reactivate");
        assert_eq!(status(&w.app, "stu-05").await, "inactive", "{who} changed nothing");
    }
    assert_eq!(w.app.count_audit("person_reactivated").await, 0);
    let res = w
        .admin
        .post_form("/admin/people/deactivated", &[("person", &zoe.to_string())])
        .await;
    assert_eq!(res.status, 303, "the district's own administrator may");
    assert_eq!(status(&w.app, "stu-05").await, "active");
}

#[tokio::test]
async fn a_deactivated_person_with_the_right_password_is_told_to_contact_the_school() {
    let (w, _, _) = after_people_left().await;
    let c = w.app.client();
    let res = c.sign_in("zoe.fischer", PASSWORD).await;
    assert_eq!(res.status, 403);
    assert!(res.text.contains("Please contact your school"), "{}", res.text);
    assert!(c.cookie("ssp_session").is_none_or(|v| v.is_empty()));

    // Without the password nothing reveals the account's state.
    let wrong = w.app.client().sign_in("zoe.fischer", "not the password at all").await;
    assert_eq!(wrong.status, 401);
    assert!(!wrong.text.contains("contact your school"));
    let unknown = w.app.client().sign_in("nobody.here", PASSWORD).await;
    assert_eq!(unknown.status, 401);
    assert_eq!(wrong.text.contains("couldn"), unknown.text.contains("couldn"));

    let es = w.app.client();
    es.set_accept_language("es");
    let res = es.sign_in("zoe.fischer", PASSWORD).await;
    assert!(res.text.contains("Comuníquese con su escuela"), "{}", res.text);
}
