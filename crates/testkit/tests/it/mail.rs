//! Email through the outbox and a real SMTP server (aiosmtpd on 127.0.0.1):
//! delivery in the family's language, retry while the server is down,
//! resend after a crash mid-send, and links shown to copy without SMTP.

use ssp_app::Clock as _;
use ssp_db::repo::outbox;
use ssp_testkit::smtp::{free_port, settings_for_port, SmtpServer};
use ssp_testkit::{TestApp, TestClient};
use ssp_web::WebConfig;
use time::Duration;
use uuid::Uuid;

/// A demo district whose mail goes to `server`.
pub(crate) async fn app_mailing_to(server: &SmtpServer) -> TestApp {
    TestApp::with_demo_config(WebConfig {
        smtp: Some(server.settings()),
        ..WebConfig::default()
    })
    .await
}

/// Makes demo.guardian.es (Lucía Morales, Camila's mother) a guardian who
/// has not signed up: no password, an email address on file.
pub(crate) async fn lucia_not_signed_up(app: &TestApp) -> Uuid {
    let lucia = app.person("demo.guardian.es").await;
    app.execute(
        "UPDATE accounts SET password_hash = '!', email = NULL WHERE person_id = $1",
        &[lucia],
    )
    .await;
    app.execute(
        "UPDATE persons SET email = 'lucia.morales@familia.example' WHERE id = $1",
        &[lucia],
    )
    .await;
    lucia
}

/// The guardian link id of `guardian` to `student`.
pub(crate) async fn link_of(app: &TestApp, student: Uuid, guardian: Uuid) -> Uuid {
    app.query_id(
        "SELECT id FROM guardian_links WHERE student_id = $1 AND guardian_id = $2",
        &[student, guardian],
    )
    .await
    .expect("guardian link")
}

/// Invites by `how` ("email" or "letter") as `staff`.
pub(crate) async fn invite(staff: &TestClient, student: Uuid, link: Uuid, how: &str) -> ssp_testkit::TestResponse {
    staff.get(&format!("/students/{student}/team")).await;
    staff
        .post_form(&format!("/students/{student}/guardians/{link}/invite"), &[("how", how)])
        .await
}

/// The first `http://127.0.0.1:8080/<prefix>…` link in a text.
pub(crate) fn link_in(text: &str, prefix: &str) -> String {
    let start = text
        .find(&format!("http://127.0.0.1:8080{prefix}"))
        .unwrap_or_else(|| panic!("no {prefix} link in {text}"));
    text[start..]
        .split(|c: char| c.is_whitespace() || c == '<' || c == '"')
        .next()
        .unwrap()
        .trim_start_matches("http://127.0.0.1:8080")
        .to_owned()
}

#[tokio::test]
async fn an_invitation_is_delivered_by_the_real_smtp_server_in_the_familys_language() {
    let Some(server) = SmtpServer::start("mail::delivery") else {
        return;
    };
    let app = app_mailing_to(&server).await;
    let camila = app.person("demo.student").await;
    let lucia = lucia_not_signed_up(&app).await;
    let link = link_of(&app, camila, lucia).await;
    let counselor = app.signed_in("demo.counselor").await;

    let res = invite(&counselor, camila, link, "email").await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert!(server.messages().is_empty(), "nothing is sent before the worker runs");
    let queued = outbox::all(&app.db).await.unwrap();
    assert_eq!(queued.len(), 1);
    assert!(queued[0].sent_at.is_none());

    let round = ssp_web::mail_jobs::tick_once(&app.state).await;
    assert_eq!((round.sent, round.failed), (1, 0));
    let got = server.messages();
    assert_eq!(got.len(), 1, "{got:?}");
    let m = &got[0];
    assert!(m.to.contains("lucia.morales@familia.example"), "{m:?}");
    assert!(m.from.contains("no-reply@harbor.example"), "{m:?}");
    assert_eq!(m.subject, "Su invitación al plan de éxito de su hijo o hija");
    assert!(m.body.contains("Hola, Lucía"), "{}", m.body);
    assert!(m.body.contains("caduca en 14 días"), "{}", m.body);
    // The emailed link opens the page where she chooses a password.
    let path = link_in(&m.body, "/invitation/");
    let page = app.client().get(&path).await;
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(page.text.contains("Lucía"), "{}", page.text);
    // Sent once: another round sends nothing more.
    assert_eq!(ssp_web::mail_jobs::tick_once(&app.state).await.sent, 0);
    assert!(outbox::all(&app.db).await.unwrap()[0].sent_at.is_some());
}

#[tokio::test]
async fn the_outbox_keeps_a_message_while_the_server_is_down_and_sends_it_when_it_is_up() {
    // Check for aiosmtpd first, so a skip happens before anything else.
    let Some(probe) = SmtpServer::start("mail::retry") else {
        return;
    };
    drop(probe);
    let port = free_port();
    let app = TestApp::with_demo_config(WebConfig {
        smtp: Some(settings_for_port(port)),
        ..WebConfig::default()
    })
    .await;
    let camila = app.person("demo.student").await;
    let lucia = lucia_not_signed_up(&app).await;
    let link = link_of(&app, camila, lucia).await;
    let counselor = app.signed_in("demo.counselor").await;
    assert_eq!(invite(&counselor, camila, link, "email").await.status, 303);

    // Nobody listens on the port: the attempt fails, the row stays.
    let round = ssp_web::mail_jobs::tick_once(&app.state).await;
    assert_eq!((round.sent, round.failed), (0, 1));
    let row = outbox::all(&app.db).await.unwrap().remove(0);
    assert_eq!(row.attempts, 1);
    assert!(row.sent_at.is_none());
    assert!(row.last_error.is_some());
    assert_eq!(
        row.next_attempt_at,
        app.clock.now() + Duration::minutes(1),
        "first back-off: a minute"
    );
    // Not due yet: the next round leaves it alone.
    assert_eq!(ssp_web::mail_jobs::tick_once(&app.state).await, Default::default());

    // The server comes up; a minute later the message goes out.
    let server = SmtpServer::start_on("mail::retry", port).expect("aiosmtpd");
    app.clock.advance(Duration::minutes(1));
    let round = ssp_web::mail_jobs::tick_once(&app.state).await;
    assert_eq!((round.sent, round.failed), (1, 0));
    let got = server.messages();
    assert_eq!(got.len(), 1);
    assert!(got[0].to.contains("lucia.morales@familia.example"));
    let row = outbox::all(&app.db).await.unwrap().remove(0);
    assert_eq!(row.attempts, 2);
    assert!(row.sent_at.is_some());
}

#[tokio::test]
async fn a_message_claimed_by_a_sender_that_crashed_is_sent_when_its_lease_runs_out() {
    let Some(server) = SmtpServer::start("mail::crash") else {
        return;
    };
    let app = app_mailing_to(&server).await;
    let camila = app.person("demo.student").await;
    let lucia = lucia_not_signed_up(&app).await;
    let link = link_of(&app, camila, lucia).await;
    let counselor = app.signed_in("demo.counselor").await;
    assert_eq!(invite(&counselor, camila, link, "email").await.status, 303);

    // A sender claims the row and dies before sending (nothing marks it).
    let claimed = outbox::claim_due(&app.db, app.clock.now(), ssp_app::mail::sender::LEASE, 10)
        .await
        .unwrap();
    assert_eq!(claimed.len(), 1);
    // While the lease runs, no other sender takes it.
    assert_eq!(ssp_web::mail_jobs::tick_once(&app.state).await.sent, 0);
    assert!(server.messages().is_empty());
    // After the lease, the message goes out: never lost.
    app.clock.advance(Duration::minutes(6));
    assert_eq!(ssp_web::mail_jobs::tick_once(&app.state).await.sent, 1);
    assert_eq!(server.messages().len(), 1);
}

#[tokio::test]
async fn without_an_smtp_server_the_invitation_link_is_shown_to_copy() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let lucia = lucia_not_signed_up(&app).await;
    let link = link_of(&app, camila, lucia).await;
    let counselor = app.signed_in("demo.counselor").await;
    let res = invite(&counselor, camila, link, "email").await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert!(res.text.contains("No email server is set up"), "{}", res.text);
    let path = link_in(&res.text, "/invitation/");
    assert!(
        outbox::all(&app.db).await.unwrap().is_empty(),
        "nothing is queued without SMTP"
    );
    assert_eq!(app.client().get(&path).await.status, 200);
}

#[test]
fn smtp_settings_need_a_sender_refuse_plain_smtp_off_this_machine_and_hide_the_password() {
    use ssp_cli::{Overrides, Settings};
    let load = |pairs: &[(&str, &str)]| {
        let env = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Settings::from_parts(Default::default(), None, &env, &Overrides::default())
    };
    assert!(load(&[]).unwrap().smtp.is_none(), "no host, no mail");
    let err = load(&[("SSP_SMTP_HOST", "smtp.example.org")]).unwrap_err();
    assert!(err.to_string().contains("smtp_from"), "{err}");
    let err = load(&[
        ("SSP_SMTP_HOST", "smtp.example.org"),
        ("SSP_SMTP_TLS", "none"),
        ("SSP_SMTP_FROM", "no-reply@example.org"),
    ])
    .unwrap_err();
    assert!(err.to_string().contains("unencrypted"), "{err}");
    let s = load(&[
        ("SSP_SMTP_HOST", "smtp.example.org"),
        ("SSP_SMTP_FROM", "Schools <no-reply@example.org>"),
        ("SSP_SMTP_USERNAME", "mailer"),
        ("SSP_SMTP_PASSWORD", "s3cret-smtp"),
    ])
    .unwrap();
    let smtp = s.smtp.clone().unwrap();
    assert_eq!((smtp.port, smtp.tls), (587, ssp_app::mail::SmtpTls::StartTls));
    let shown = format!("{} {:?}", s.describe(), smtp);
    assert!(!shown.contains("s3cret-smtp"), "the password is never printed: {shown}");
    assert!(load(&[
        ("SSP_SMTP_HOST", "127.0.0.1"),
        ("SSP_SMTP_TLS", "none"),
        ("SSP_SMTP_PORT", "2525"),
        ("SSP_SMTP_FROM", "no-reply@example.org"),
    ])
    .unwrap()
    .smtp
    .is_some_and(|m| m.port == 2525));
}
