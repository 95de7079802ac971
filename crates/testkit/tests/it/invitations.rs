//! Family invitations: accepted once, reused, expired, forged, a weak
//! password refused with nothing changed, the printed letter's code, the
//! team page's status per guardian, who may invite whom, and inviting every
//! family of a school with progress.

use ssp_testkit::smtp::SmtpServer;
use ssp_testkit::{TestApp, TestClient};
use time::Duration;
use uuid::Uuid;

use super::mail::{app_mailing_to, invite, link_in, link_of, lucia_not_signed_up};

const STRONG: &str = "marigold harbor lantern 58";

struct Invited {
    app: TestApp,
    camila: Uuid,
    lucia: Uuid,
    /// The path of the link (shown to copy: no SMTP in these tests).
    path: String,
}

async fn invited() -> Invited {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let lucia = lucia_not_signed_up(&app).await;
    let link = link_of(&app, camila, lucia).await;
    let counselor = app.signed_in("demo.counselor").await;
    let res = invite(&counselor, camila, link, "email").await;
    assert_eq!(res.status, 200, "{}", res.text);
    let path = link_in(&res.text, "/invitation/");
    Invited {
        app,
        camila,
        lucia,
        path,
    }
}

async fn password_hash(app: &TestApp, person: Uuid) -> String {
    app.texts("SELECT password_hash FROM accounts WHERE person_id = $1", &[person])
        .await
        .remove(0)
}

async fn set_password(c: &TestClient, path: &str, pw: &str) -> ssp_testkit::TestResponse {
    c.get(path).await;
    c.post_form(path, &[("new", pw), ("confirm", pw)]).await
}

#[tokio::test]
async fn a_guardian_accepts_an_invitation_once_then_signs_in_and_a_reuse_is_refused() {
    let w = invited().await;
    let guardian = w.app.client();
    let res = set_password(&guardian, &w.path, STRONG).await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_eq!(res.location(), Some("/sign-in?done=invitation"));
    // She signs in with her email (confirmed by the invitation) and sees Camila.
    let c = w.app.client();
    assert_eq!(c.sign_in("lucia.morales@familia.example", STRONG).await.status, 303);
    assert_eq!(c.get(&format!("/students/{}", w.camila)).await.status, 200);
    let confirmed = w
        .app
        .texts(
            "SELECT CASE WHEN email_confirmed_at IS NULL THEN 'no' ELSE 'yes' END FROM accounts WHERE person_id = $1",
            &[w.lucia],
        )
        .await;
    assert_eq!(confirmed, vec!["yes"]);
    assert_eq!(w.app.count_audit("invitation_accepted").await, 1);

    // The same link again: a clear message, nothing changed.
    let before = password_hash(&w.app, w.lucia).await;
    let again = w.app.client().get(&w.path).await;
    assert_eq!(again.status, 410);
    assert!(again.text.contains("already been used"), "{}", again.text);
    let posted = set_password(&w.app.client(), &w.path, "another fine passphrase 77").await;
    assert_eq!(posted.status, 410);
    assert_eq!(password_hash(&w.app, w.lucia).await, before);
}

#[tokio::test]
async fn a_weak_password_is_refused_and_the_invitation_still_works() {
    let w = invited().await;
    let guardian = w.app.client();
    for weak in ["aaaaaaaaaaaa", "password1234", "lucia.morales@familia.example"] {
        let res = set_password(&guardian, &w.path, weak).await;
        assert_eq!(res.status, 422, "{weak}: {}", res.text);
        assert!(res.text.contains("aria-invalid=\"true\""));
    }
    let res = set_password(&guardian, &w.path, "password1234").await;
    assert!(res.text.contains("most common"), "{}", res.text);
    assert_eq!(password_hash(&w.app, w.lucia).await, "!", "nothing changed");
    assert_eq!(w.app.count_audit("invitation_accepted").await, 0);
    // Then a strong one works.
    assert_eq!(set_password(&guardian, &w.path, STRONG).await.status, 303);
}

#[tokio::test]
async fn an_expired_invitation_is_refused() {
    let w = invited().await;
    w.app.clock.advance(Duration::days(14) + Duration::minutes(1));
    let page = w.app.client().get(&w.path).await;
    assert_eq!(page.status, 410);
    assert!(page.text.contains("has expired"), "{}", page.text);
    assert_eq!(set_password(&w.app.client(), &w.path, STRONG).await.status, 410);
    assert_eq!(password_hash(&w.app, w.lucia).await, "!");
}

#[tokio::test]
async fn a_forged_invitation_link_or_code_is_refused() {
    let w = invited().await;
    let c = w.app.client();
    let forged = format!("/invitation/{}", "A".repeat(43));
    let page = c.get(&forged).await;
    assert_eq!(page.status, 410);
    assert!(page.text.contains("is not valid"), "{}", page.text);
    assert_eq!(c.get("/invitation/not-even-a-token").await.status, 410);
    c.get("/invitation").await;
    let typed = c.post_form("/invitation", &[("code", "ABCD-EFGH-JKMN-PQRS")]).await;
    assert_eq!(typed.status, 422);
    assert!(typed.text.contains("is not valid"));
    assert_eq!(password_hash(&w.app, w.lucia).await, "!");
}

#[tokio::test]
async fn a_printed_letter_carries_a_code_that_works_typed_loosely_in_the_familys_language() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let lucia = lucia_not_signed_up(&app).await;
    let link = link_of(&app, camila, lucia).await;
    let admin = app.signed_in("demo.schooladmin").await;
    let letter = invite(&admin, camila, link, "letter").await;
    assert_eq!(letter.status, 200, "{}", letter.text);
    // The letter is in Spanish (her language), the page around it in English.
    assert!(letter.text.contains("Estimado/a Lucía"), "{}", letter.text);
    assert!(letter.text.contains("lang=\"es\""));
    let marker = "class=\"letter-code\">";
    let start = letter.body.find(marker).expect("a code on the letter") + marker.len();
    let code = &letter.body[start..start + 19];
    assert_eq!(code.matches('-').count(), 3, "{code}");

    // Typed in lower case with spaces instead of dashes.
    let typed = code.replace('-', " ").to_lowercase();
    let c = app.client();
    c.get("/invitation").await;
    let form = c.post_form("/invitation", &[("code", &typed)]).await;
    assert_eq!(form.status, 200, "{}", form.text);
    let action = {
        let m = "action=\"/invitation/";
        let s = form.body.find(m).expect("form action") + m.len() - "/invitation/".len();
        let e = form.body[s..].find('"').unwrap() + s;
        form.body[s..e].to_owned()
    };
    let done = c.post_form(&action, &[("new", STRONG), ("confirm", STRONG)]).await;
    assert_eq!(done.status, 303, "{}", done.text);
    assert_ne!(password_hash(&app, lucia).await, "!");
}

#[tokio::test]
async fn the_team_page_shows_never_invited_invited_and_joined() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let lucia = lucia_not_signed_up(&app).await;
    let link = link_of(&app, camila, lucia).await;
    let counselor = app.signed_in("demo.counselor").await;
    let team = format!("/students/{camila}/team");
    let page = counselor.get(&team).await;
    assert!(page.text.contains("Never invited"), "{}", page.text);
    assert!(page.text.contains("Signed up"), "Camila's father has an account");
    let res = invite(&counselor, camila, link, "email").await;
    let path = link_in(&res.text, "/invitation/");
    assert!(counselor.get(&team).await.text.contains("Invited "));
    set_password(&app.client(), &path, STRONG).await;
    let page = counselor.get(&team).await;
    assert!(
        !page.text.contains("Never invited") && !page.text.contains("Invited "),
        "{}",
        page.text
    );
    // A guardian who joined gets no invite buttons.
    assert!(!page.body.contains(&format!("guardians/{link}/invite")));
}

#[tokio::test]
async fn who_may_invite_a_guardian() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let lucia = lucia_not_signed_up(&app).await;
    let link = link_of(&app, camila, lucia).await;
    // (persona, allowed, how a refusal looks: 403 = the team page with the
    // message, for those who may see the team; 404 = the audited not-found)
    let table = [
        ("demo.counselor", true, 0),     // her plan manager
        ("demo.schooladmin", true, 0),   // school administrator of her school
        ("demo.districtadmin", true, 0), // district administrator
        ("demo.mentor", false, 403),     // on her team, sees the team page
        ("demo.teacher", false, 403),    // teaches her: sees the team page, may not invite
        ("demo.nurse", false, 403),      // school-wide: sees the team page
        ("demo.fps", false, 403),
        ("demo.guardian", false, 403), // her father
        ("demo.student", false, 403),  // Camila herself
    ];
    for (who, allowed, refused) in table {
        let before = app.count_audit("invitation_sent").await;
        let c = app.signed_in(who).await;
        let res = invite(&c, camila, link, "letter").await;
        let after = app.count_audit("invitation_sent").await;
        if allowed {
            assert_eq!(res.status, 200, "{who} may invite: {}", res.text);
            assert_eq!(after, before + 1, "{who}");
        } else {
            assert_ne!(res.status, 200, "{who} may not invite");
            if refused == 403 {
                assert!(
                    res.text.contains("Only the plan manager or a school administrator"),
                    "{who}: {}",
                    res.text
                );
            } else {
                assert_eq!(res.status, refused, "{who}");
            }
            assert_eq!(after, before, "{who}: nothing written");
        }
    }
    // Staff outside her circle get the audited not-found.
    let denied = app.count_audit("access_denied").await;
    let stranger = super::access::outsider(&app).await;
    assert_eq!(invite(&stranger, camila, link, "letter").await.status, 404);
    assert_eq!(
        app.count_audit("access_denied").await,
        denied + 2,
        "the team page and the invitation"
    );
}

#[tokio::test]
async fn inviting_every_family_of_a_school_runs_in_the_background_with_progress() {
    let Some(server) = SmtpServer::start("invitations::bulk") else {
        return;
    };
    let app = app_mailing_to(&server).await;
    let camila = app.person("demo.student").await;
    let school = app
        .query_id("SELECT school_id FROM students WHERE person_id = $1", &[camila])
        .await
        .unwrap();
    // Nobody at Riverside has signed up yet; each has an address.
    app.execute(
        "UPDATE accounts SET password_hash = '!' WHERE person_id IN (SELECT g.guardian_id FROM guardian_links g \
         JOIN students s ON s.person_id = g.student_id WHERE s.school_id = $1)",
        &[school],
    )
    .await;
    let families: i64 = app
        .texts(
            "SELECT CAST(COUNT(DISTINCT g.guardian_id) AS TEXT) FROM guardian_links g JOIN students s ON s.person_id = g.student_id \
             JOIN persons p ON p.id = g.guardian_id WHERE s.school_id = $1 AND g.status = 'active' AND p.email IS NOT NULL",
            &[school],
        )
        .await[0]
        .parse()
        .unwrap();
    assert!(families > 50, "more than one page of families: {families}");
    let url = format!("/schools/{school}/invitations");

    // A counselor may not; the school administrator may.
    let counselor = app.signed_in("demo.counselor").await;
    assert_eq!(counselor.get(&url).await.status, 404);
    let admin = app.signed_in("demo.schooladmin").await;
    let page = admin.get(&url).await;
    assert_eq!(page.status, 200);
    let started = admin.post_form(&url, &[]).await;
    assert_eq!(started.status, 303, "{}", started.text);
    let running = admin.get(&url).await;
    assert!(
        running.body.contains("http-equiv=\"refresh\""),
        "the page refreshes itself while it runs"
    );
    assert!(running.text.contains("Inviting: 0 of"), "{}", running.text);

    // One worker round works four pages of 50.
    let mut rounds = 0;
    loop {
        ssp_web::mail_jobs::tick_once(&app.state).await;
        rounds += 1;
        let p = admin.get(&url).await;
        if p.text.contains("Done:") {
            assert!(!p.body.contains("http-equiv=\"refresh\""));
            break;
        }
        assert!(rounds < 20, "the batch finishes");
    }
    // The outbox drains over the next rounds.
    while ssp_web::mail_jobs::tick_once(&app.state).await.sent > 0 {}
    // Every family with an address got one email, once.
    let sent = server.messages();
    let mut to: Vec<&str> = sent.iter().map(|m| m.to.as_str()).collect();
    to.sort();
    to.dedup();
    assert_eq!(to.len() as i64, families);
    assert_eq!(sent.len() as i64, families);
    assert_eq!(app.count_audit("invitation_batch_started").await, 1);
}
