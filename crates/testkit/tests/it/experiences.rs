//! Experiences outside the classroom as students, supervisors, staff and
//! families meet them: logging an experience and hours, bad hours refused
//! with nothing stored, a verification link emailed or shown to copy, the
//! supervisor confirming or declining without an account, a reused or
//! expired link, staff verifying directly, totals by kind and school year,
//! and who may read or write. (The clock starts on 2026-11-02.)

use ssp_db::repo::outbox;
use ssp_testkit::smtp::{free_port, settings_for_port};
use ssp_testkit::{TestApp, TestClient};
use ssp_web::WebConfig;
use time::Duration;
use uuid::Uuid;

use super::mail::link_in;

const RIVERSIDE: &str = "Riverside Animal Hospital";

fn page(me: Uuid) -> String {
    format!("/students/{me}/experiences")
}

/// The student adds an internship from `start` with a supervisor's email;
/// its id.
async fn add_internship(app: &TestApp, c: &TestClient, me: Uuid, start: &str) -> Uuid {
    c.get(&page(me)).await;
    let res = c
        .post_form(
            &page(me),
            &[
                ("kind", "internship"),
                ("organisation", RIVERSIDE),
                ("supervisor_name", "Dr. Amal Haddad"),
                ("supervisor_email", "ahaddad@riverside.example"),
                ("start_on", start),
                ("end_on", ""),
                ("reflection", "I learned to read charts."),
                ("competency", "casel:self_management"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    app.query_id(
        "SELECT id FROM experiences WHERE student_id = $1 ORDER BY created_at DESC LIMIT 1",
        &[me],
    )
    .await
    .expect("the experience is stored")
}

async fn log(c: &TestClient, me: Uuid, exp: Uuid, date: &str, hours: &str) -> ssp_testkit::TestResponse {
    c.get(&page(me)).await;
    c.post_form(
        &format!("/students/{me}/experiences/{exp}/hours"),
        &[("date", date), ("hours", hours), ("note", "")],
    )
    .await
}

async fn hours_rows(app: &TestApp, me: Uuid) -> usize {
    app.texts("SELECT note FROM experience_hours WHERE student_id = $1", &[me])
        .await
        .len()
}

/// Sends a verification link (no SMTP: shown to copy); its path.
async fn send_link(c: &TestClient, me: Uuid, exp: Uuid) -> String {
    c.get(&page(me)).await;
    let res = c
        .post_form(&format!("/students/{me}/experiences/{exp}/verification"), &[])
        .await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert!(res.text.contains("copy this link"), "{}", res.text);
    link_in(&res.text, "/verify-hours/")
}

#[tokio::test]
async fn a_student_logs_an_experience_and_hours_and_sees_them_unverified() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let exp = add_internship(&app, &c, me, "2026-09-01").await;
    let res = log(&c, me, exp, "2026-10-15", "3.5").await;
    assert_eq!(res.status, 303, "{}", res.text);
    let p = c.get(&page(me)).await;
    assert_eq!(p.status, 200);
    assert!(p.text.contains(RIVERSIDE), "{}", p.text);
    assert!(p.text.contains("Internship"));
    assert!(p.text.contains("I learned to read charts."));
    assert!(p.text.contains("3.5 h"), "{}", p.text);
    assert!(p.text.contains("Not verified"));
    assert!(p
        .text
        .contains("<strong>0</strong> verified · <strong>3.5</strong> not verified yet"));
    assert_eq!(app.count_audit("experience_logged").await, 1);
    assert_eq!(app.count_audit("hours_logged").await, 1);
}

#[tokio::test]
async fn negative_zero_too_many_or_out_of_date_hours_are_refused_and_nothing_is_stored() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let exp = add_internship(&app, &c, me, "2026-09-01").await;
    for (date, hours, message) in [
        ("2026-10-01", "-2", "Hours: hours cannot be negative."),
        ("2026-10-01", "0", "Hours: this is needed."),
        ("2026-10-01", "25", "Hours: a day has at most 24 hours."),
        ("2026-10-01", "1.1", "Hours: use quarter hours"),
        (
            "2026-08-31",
            "2",
            "Date: the date is outside the experience's dates, or in the future.",
        ),
        ("2026-11-03", "2", "Date: the date is outside"),
        ("someday", "2", "Date: this is not a date."),
    ] {
        let res = log(&c, me, exp, date, hours).await;
        assert_eq!(res.status, 422, "{date} {hours}");
        assert!(res.text.contains(message), "{date} {hours}: {}", res.text);
        assert!(
            res.text.contains(&format!("value=\"{hours}\"")),
            "what was typed comes back"
        );
    }
    assert_eq!(hours_rows(&app, me).await, 0, "nothing stored");
    // A day holds at most 24 hours, across the student's experiences.
    assert_eq!(log(&c, me, exp, "2026-10-01", "20").await.status, 303);
    let res = log(&c, me, exp, "2026-10-01", "5").await;
    assert_eq!(res.status, 422);
    assert!(
        res.text.contains("that day would have more than 24 hours logged"),
        "{}",
        res.text
    );
    assert_eq!(hours_rows(&app, me).await, 1);
    assert_eq!(app.count_audit("hours_logged").await, 1);
}

#[tokio::test]
async fn a_bad_experience_names_its_fields_and_is_not_stored() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    c.get(&page(me)).await;
    let res = c
        .post_form(
            &page(me),
            &[
                ("kind", "internship"),
                ("organisation", RIVERSIDE),
                ("supervisor_name", ""),
                ("supervisor_email", "not an email"),
                ("start_on", "2026-10-01"),
                ("end_on", "2026-09-01"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("Supervisor's name: this is needed."), "{}", res.text);
    assert!(res.text.contains("Supervisor's email: this is not an email address."));
    assert!(res.text.contains("End date: the end is before the start."));
    assert!(res.text.contains(RIVERSIDE), "what was typed comes back");
    assert!(app
        .texts("SELECT kind FROM experiences WHERE student_id = $1", &[me])
        .await
        .is_empty());
}

#[tokio::test]
async fn the_supervisor_confirms_through_the_link_without_an_account_once() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let exp = add_internship(&app, &c, me, "2026-09-01").await;
    log(&c, me, exp, "2026-10-15", "3").await;
    log(&c, me, exp, "2026-10-16", "2.5").await;
    let link = send_link(&c, me, exp).await;
    assert_eq!(app.count_audit("hours_verification_sent").await, 1);
    let token = link.trim_start_matches("/verify-hours/");
    let stored = app
        .texts(
            "SELECT token_hash FROM hours_verification_links WHERE student_id = $1",
            &[me],
        )
        .await;
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], token, "only the hash is stored");

    // The supervisor: no account, no session.
    let sup = app.client();
    let p = sup.get(&link).await;
    assert_eq!(p.status, 200, "{}", p.text);
    assert!(p.text.contains("Cami R."), "{}", p.text);
    assert!(!p.text.contains("Reyes"), "only the last initial");
    assert!(p.text.contains(RIVERSIDE));
    assert!(p.text.contains("<td>5.5</td>"), "the total: {}", p.text);
    let done = sup.post_form(&link, &[("action", "confirm")]).await;
    assert_eq!(done.status, 200, "{}", done.text);
    assert!(done.text.contains("The hours are confirmed."));

    let mine = c.get(&page(me)).await;
    assert_eq!(mine.text.matches("Verified by supervisor").count(), 2, "{}", mine.text);
    assert!(mine
        .text
        .contains("<strong>5.5</strong> verified · <strong>0</strong> not verified yet"));
    assert!(mine.text.contains("ahaddad@riverside.example confirmed the hours."));
    let audit = app.audit_actions(5).await;
    let verified = audit.iter().find(|a| a.action == "hours_verified").expect("audited");
    assert_eq!(verified.actor_person_id, None, "no account acted");
    assert!(
        verified
            .detail
            .as_deref()
            .unwrap_or("")
            .contains("ahaddad@riverside.example"),
        "{verified:?}"
    );

    // The same link again: used, nothing changes.
    let again = app.client();
    let p = again.get(&link).await;
    assert_eq!(p.status, 410);
    assert!(p.text.contains("This link has already been used."), "{}", p.text);
    assert!(!p.text.contains(RIVERSIDE), "a used link shows no data");
    let r = again.post_form(&link, &[("action", "decline"), ("note", "No.")]).await;
    assert_eq!(r.status, 410);
    assert_eq!(app.count_audit("hours_declined").await, 0);
    assert_eq!(app.count_audit("hours_verified").await, 1);
    // A forged token.
    let forged = app
        .client()
        .get("/verify-hours/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        .await;
    assert_eq!(forged.status, 410);
    assert!(forged.text.contains("This link is not valid."));
}

#[tokio::test]
async fn an_expired_link_shows_the_expired_page_and_verifies_nothing() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let exp = add_internship(&app, &c, me, "2026-09-01").await;
    log(&c, me, exp, "2026-10-15", "3").await;
    let link = send_link(&c, me, exp).await;
    app.clock.advance(Duration::days(14));
    let c = app.signed_in("demo.student").await;
    let sup = app.client();
    let p = sup.get(&link).await;
    assert_eq!(p.status, 410);
    assert!(p.text.contains("This link has expired."), "{}", p.text);
    let r = sup.post_form(&link, &[("action", "confirm")]).await;
    assert_eq!(r.status, 410);
    assert_eq!(app.count_audit("hours_verified").await, 0);
    let mine = c.get(&page(me)).await;
    assert!(mine.text.contains("Not verified"));
    assert!(mine.text.contains("expired. Send a new one."), "{}", mine.text);
}

#[tokio::test]
async fn the_supervisor_declines_with_a_note_the_student_sees() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let exp = add_internship(&app, &c, me, "2026-09-01").await;
    log(&c, me, exp, "2026-10-15", "8").await;
    let link = send_link(&c, me, exp).await;
    let sup = app.client();
    sup.get(&link).await;
    let r = sup.post_form(&link, &[("action", "decline"), ("note", "")]).await;
    assert_eq!(r.status, 422, "a decline needs a note");
    assert!(r.text.contains("write a short note"));
    let r = sup
        .post_form(&link, &[("action", "decline"), ("note", "Only 6 hours on Oct 15.")])
        .await;
    assert_eq!(r.status, 200);
    assert!(r.text.contains("The student will see your note."));
    let mine = c.get(&page(me)).await;
    assert!(mine.text.contains("Only 6 hours on Oct 15."), "{}", mine.text);
    assert!(mine.text.contains("Not verified"));
    assert_eq!(app.count_audit("hours_declined").await, 1);
}

#[tokio::test]
async fn with_email_set_up_the_link_is_mailed_through_the_outbox() {
    let app = TestApp::with_demo_config(WebConfig {
        smtp: Some(settings_for_port(free_port())),
        ..WebConfig::default()
    })
    .await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let exp = add_internship(&app, &c, me, "2026-09-01").await;
    log(&c, me, exp, "2026-10-15", "3").await;
    c.get(&page(me)).await;
    let res = c
        .post_form(&format!("/students/{me}/experiences/{exp}/verification"), &[])
        .await;
    assert_eq!(res.status, 200);
    assert!(
        res.text.contains("We emailed ahaddad@riverside.example a link"),
        "{}",
        res.text
    );
    assert!(!res.text.contains("/verify-hours/"), "not shown when mailed");
    let mail = outbox::all(&app.db).await.unwrap();
    let m = mail.iter().find(|m| m.kind == "hours_verification").expect("queued");
    assert_eq!(m.to_address, "ahaddad@riverside.example");
    assert!(m.subject.contains("Cami R."), "{}", m.subject);
    let link = link_in(&m.body_text, "/verify-hours/");
    let p = app.client().get(&link).await;
    assert_eq!(p.status, 200, "the mailed link opens");
}

#[tokio::test]
async fn a_link_needs_a_supervisor_email_and_unverified_hours() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let exp = add_internship(&app, &c, me, "2026-09-01").await;
    c.get(&page(me)).await;
    let r = c
        .post_form(&format!("/students/{me}/experiences/{exp}/verification"), &[])
        .await;
    assert_eq!(r.status, 409);
    assert!(
        r.text.contains("There are no hours waiting to be verified."),
        "{}",
        r.text
    );
    assert!(app
        .texts(
            "SELECT sent_to FROM hours_verification_links WHERE student_id = $1",
            &[me]
        )
        .await
        .is_empty());
}

#[tokio::test]
async fn staff_verify_hours_directly_and_the_student_cannot() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let exp = add_internship(&app, &c, me, "2026-09-01").await;
    log(&c, me, exp, "2026-10-15", "4").await;
    let verify = format!("/students/{me}/experiences/{exp}/verify");
    c.get(&page(me)).await;
    assert_eq!(c.post_form(&verify, &[]).await.status, 403);
    let counselor = app.signed_in("demo.counselor").await;
    let p = counselor.get(&page(me)).await;
    assert!(p.text.contains("Verify these hours"), "{}", p.text);
    assert!(!p.text.contains("Log hours"), "staff do not log the student's hours");
    let r = counselor.post_form(&verify, &[]).await;
    assert_eq!(r.status, 303, "{}", r.text);
    let mine = c.get(&page(me)).await;
    assert!(mine.text.contains("Verified by school staff"), "{}", mine.text);
    let r = counselor.post_form(&verify, &[]).await;
    assert_eq!(r.status, 409, "nothing left to verify");
    assert_eq!(app.count_audit("hours_verified").await, 1);
}

#[tokio::test]
async fn totals_split_by_school_year_and_kind_verified_and_not() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let exp = add_internship(&app, &c, me, "2026-05-01").await;
    log(&c, me, exp, "2026-06-10", "4").await; // 2025–26
    log(&c, me, exp, "2026-10-01", "3").await; // 2026–27
    let counselor = app.signed_in("demo.counselor").await;
    counselor.get(&page(me)).await;
    counselor
        .post_form(&format!("/students/{me}/experiences/{exp}/verify"), &[])
        .await;
    log(&c, me, exp, "2026-10-02", "1.5").await;
    c.get(&page(me)).await;
    c.post_form(
        &page(me),
        &[
            ("kind", "community_service"),
            ("organisation", "Harbor Food Bank"),
            ("supervisor_name", "Ms. Lee"),
            ("supervisor_email", ""),
            ("start_on", "2026-10-01"),
        ],
    )
    .await;
    let food = app
        .query_id(
            "SELECT id FROM experiences WHERE student_id = $1 AND kind = 'community_service'",
            &[me],
        )
        .await
        .unwrap();
    log(&c, me, food, "2026-10-03", "2").await;
    let json: serde_json::Value =
        serde_json::from_str(&c.get_json(&format!("/api/v1/students/{me}/experiences")).await.body).unwrap();
    let totals: Vec<(i64, String, String, String)> = json["totals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["school_year"].as_i64().unwrap(),
                t["kind"].as_str().unwrap().to_owned(),
                t["verified_hours"].as_str().unwrap().to_owned(),
                t["unverified_hours"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        totals,
        vec![
            (2027, "community_service".into(), "0".into(), "2".into()),
            (2027, "internship".into(), "3".into(), "1.5".into()),
            (2026, "internship".into(), "4".into(), "0".into()),
        ],
        "{json}"
    );
    assert_eq!(json["work_based_learning_verified"], "7");
    let p = c.get(&page(me)).await;
    assert!(
        p.text
            .contains("<td>2026–27</td><td>Community service</td><td>0</td><td>2</td>"),
        "{}",
        p.text
    );
    assert!(p
        .text
        .contains("<td>2025–26</td><td>Internship</td><td>4</td><td>0</td>"));
}

#[tokio::test]
async fn who_may_read_add_and_verify_experiences() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let exp = add_internship(&app, &student, me, "2026-09-01").await;
    let list = page(me);
    let verify = format!("/students/{me}/experiences/{exp}/verify");
    // (persona, read, add an experience, verify hours)
    let table: [(&str, u16, u16, u16); 6] = [
        ("demo.student", 200, 303, 403),
        ("demo.guardian", 200, 404, 404),
        ("demo.counselor", 200, 403, 409),
        ("demo.teacher", 200, 404, 404),
        ("demo.districtadmin", 200, 404, 404),
        ("outsider", 404, 404, 404),
    ];
    for (who, read, add, check) in table {
        let c = if who == "outsider" {
            super::access::outsider(&app).await
        } else {
            app.signed_in(who).await
        };
        let p = c.get(&list).await;
        assert_eq!(p.status, read, "{who} reads");
        if read == 200 && who != "demo.student" {
            assert!(p.text.contains(RIVERSIDE), "{who} sees the experience");
            assert!(!p.text.contains("Add experience"), "{who} has no form to add");
        }
        c.get("/").await;
        let r = c
            .post_form(
                &list,
                &[
                    ("kind", "extracurricular"),
                    ("organisation", "Robotics club"),
                    ("supervisor_name", "Mr. Diaz"),
                    ("start_on", "2026-09-01"),
                ],
            )
            .await;
        assert_eq!(r.status, add, "{who} adds");
        c.get("/").await;
        assert_eq!(c.post_form(&verify, &[]).await.status, check, "{who} verifies");
    }
    assert_eq!(
        app.texts(
            "SELECT organisation FROM experiences WHERE student_id = $1 ORDER BY organisation",
            &[me]
        )
        .await,
        vec![RIVERSIDE.to_owned(), "Robotics club".to_owned()]
    );
}

#[tokio::test]
async fn a_student_changes_an_experience_and_removes_unverified_hours() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let exp = add_internship(&app, &c, me, "2026-09-01").await;
    assert_eq!(log(&c, me, exp, "2026-09-10", "2").await.status, 303);
    assert_eq!(log(&c, me, exp, "2026-10-15", "3").await.status, 303);
    let edit = format!("/students/{me}/experiences/{exp}/edit");
    let form = c.get(&edit).await;
    assert_eq!(form.status, 200);
    assert!(
        form.text.contains(RIVERSIDE) && form.text.contains("checked"),
        "filled in"
    );
    let fields = |start: &'static str, org: &'static str| {
        vec![
            ("kind", "internship"),
            ("organisation", org),
            ("supervisor_name", "Dr. Amal Haddad"),
            ("supervisor_email", "ahaddad@riverside.example"),
            ("start_on", start),
            ("end_on", ""),
            ("reflection", "I learned to read charts and talk to owners."),
            ("competency", "p21:communication"),
        ]
    };
    // Dates that would leave logged hours outside: refused, nothing changed.
    let r = c.post_form(&edit, &fields("2026-10-01", RIVERSIDE)).await;
    assert_eq!(r.status, 422);
    assert!(r.text.contains("outside these dates"), "{}", r.text);
    assert!(r.text.contains("talk to owners"), "what was typed stays");
    let stored = app
        .texts("SELECT reflection FROM experiences WHERE student_id = $1", &[me])
        .await;
    assert_eq!(stored, vec!["I learned to read charts.".to_owned()]);
    let r = c.post_form(&edit, &fields("2026-09-01", "Riverside Vet Clinic")).await;
    assert_eq!(r.status, 303, "{}", r.text);
    let page_now = c.get(&page(me)).await;
    assert!(page_now.text.contains("Riverside Vet Clinic") && page_now.text.contains("talk to owners"));
    assert_eq!(app.count_audit("experience_changed").await, 1);

    // An unverified entry is removed; once verified, entries stay and the
    // organisation cannot change.
    let first = app
        .query_id(
            "SELECT id FROM experience_hours WHERE student_id = $1 ORDER BY worked_on LIMIT 1",
            &[me],
        )
        .await
        .unwrap();
    c.get(&page(me)).await;
    let r = c
        .post_form(&format!("/students/{me}/experiences/{exp}/hours/{first}/remove"), &[])
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(hours_rows(&app, me).await, 1);
    let counselor = app.signed_in("demo.counselor").await;
    counselor.get(&page(me)).await;
    assert_eq!(
        counselor
            .post_form(&format!("/students/{me}/experiences/{exp}/verify"), &[])
            .await
            .status,
        303
    );
    let verified = app
        .query_id("SELECT id FROM experience_hours WHERE student_id = $1", &[me])
        .await
        .unwrap();
    c.get(&page(me)).await;
    let r = c
        .post_form(
            &format!("/students/{me}/experiences/{exp}/hours/{verified}/remove"),
            &[],
        )
        .await;
    assert_eq!(r.status, 409);
    assert!(r.text.contains("Verified hours cannot be removed"), "{}", r.text);
    let form = c.get(&edit).await;
    assert!(form.text.contains("Some hours are verified"), "{}", form.text);
    let r = c.post_form(&edit, &fields("2026-09-01", "Someone Else")).await;
    assert_eq!(r.status, 422);
    assert!(r.text.contains("cannot change"), "{}", r.text);
    // Staff do not change the student's experience.
    assert_eq!(counselor.get(&edit).await.status, 404);
    let t = crate::academics::api_token(&counselor).await;
    let body = r#"{"kind":"internship","organisation":"X","supervisor_name":"Y","start_on":"2026-09-01"}"#;
    let r = counselor
        .send_json(
            "PUT",
            &format!("/api/v1/students/{me}/experiences/{exp}"),
            body,
            Some(&t),
        )
        .await;
    assert_eq!(r.status, 403, "{}", r.body);
}
