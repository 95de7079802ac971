//! Community partners (issue 18) end to end through the JSON API: the
//! directory and its all-or-nothing CSV import, the matcher's proposals,
//! family consent, referrals and their state machine, partner users who see
//! only what an active consent covers (every view in the record of
//! disclosures), revocation and expiry, the loop metrics — and each bad
//! input refused with nothing disclosed.

use ssp_testkit::{TestApp, TestClient, TestResponse};
use time::Duration;
use uuid::Uuid;

pub(crate) async fn token(c: &TestClient) -> String {
    let v: serde_json::Value = serde_json::from_str(&c.get_json("/api/v1/session").await.body).unwrap();
    v["csrf_token"].as_str().unwrap().to_owned()
}

pub(crate) async fn post(c: &TestClient, path: &str, body: serde_json::Value) -> TestResponse {
    let t = token(c).await;
    c.post_json(path, &body.to_string(), Some(&t)).await
}

pub(crate) fn json(res: &TestResponse) -> serde_json::Value {
    serde_json::from_str(&res.body).unwrap_or_else(|e| panic!("{e}: {}", res.body))
}

pub(crate) fn id_of(res: &TestResponse) -> Uuid {
    assert_eq!(res.status, 201, "{}", res.body);
    json(res)["id"].as_str().unwrap().parse().unwrap()
}

const DIRECTORY: &str = "kind,name,partner,categories,grade_min,grade_max,languages,capacity,interest_areas,keywords,hours,cost,contact\n\
school_opportunity,Lego club,,enrichment,6,12,,12,RI,lego building robots,Tue 3-4:30pm,free,Room 114\n\
school_opportunity,Volleyball team,,enrichment,9,12,,,S,volleyball sports,Mon/Wed 3-5pm,free,Gym\n\
partner_service,Clear Sight eye exams,Clear Sight Clinic,vision_dental,6,12,\"en,es\",,,glasses eyes,Sat 9-12,free,555-0100\n";

pub(crate) struct World {
    pub app: TestApp,
    pub camila: Uuid,
    pub partner: Uuid,
    pub need: Uuid,
    pub csc: TestClient,
}

impl World {
    pub async fn resource(&self, name: &str) -> Uuid {
        let list = json(&self.csc.get_json("/api/v1/resources").await);
        list.as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .and_then(|r| r["id"].as_str())
            .unwrap()
            .parse()
            .unwrap()
    }

    pub async fn partner_user(&self) -> TestClient {
        self.app
            .execute(
                "UPDATE accounts SET password_hash = (SELECT password_hash FROM accounts WHERE username = 'demo.counselor') \
                 WHERE person_id IN (SELECT person_id FROM partner_users WHERE partner_id = $1)",
                &[self.partner],
            )
            .await;
        let c = self.app.client();
        let res = c.sign_in("clearsight.ana", ssp_demo::DEMO_PASSWORD).await;
        assert_eq!(res.status, 303, "{}", res.body);
        c
    }

    pub fn path(&self, tail: &str) -> String {
        format!("/api/v1/students/{}/{tail}", self.camila)
    }

    pub async fn grant(&self, categories: &str) -> TestResponse {
        let guardian = self.app.signed_in("demo.guardian").await;
        post(
            &guardian,
            &self.path("consents"),
            serde_json::json!({
                "partner": self.partner.to_string(),
                "categories": categories,
                "purpose": "Eye exam and glasses",
                "expires_on": "2027-06-30",
            }),
        )
        .await
    }

    pub async fn refer(&self) -> TestResponse {
        let counselor = self.app.signed_in("demo.counselor").await;
        let resource = self.resource("Clear Sight eye exams").await;
        post(
            &counselor,
            &self.path("referrals"),
            serde_json::json!({"resource": resource.to_string(), "need": self.need.to_string(), "reason": "needs glasses"}),
        )
        .await
    }
}

pub(crate) async fn world() -> World {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let csc = app.signed_in("demo.csc").await;
    let partner = id_of(
        &post(
            &csc,
            "/api/v1/partners",
            serde_json::json!({"name": "Clear Sight Clinic", "contact": "555-0100"}),
        )
        .await,
    );
    let res = post(
        &csc,
        "/api/v1/resources/import",
        serde_json::json!({ "csv": DIRECTORY }),
    )
    .await;
    assert_eq!(res.status, 200, "{}", res.body);
    assert_eq!(json(&res)["saved"], 3);
    id_of(
        &post(
            &csc,
            &format!("/api/v1/partners/{partner}/users"),
            serde_json::json!({"given_name": "Ana", "family_name": "Lopez", "username": "clearsight.ana"}),
        )
        .await,
    );
    let nurse = app.signed_in("demo.nurse").await;
    let need = id_of(
        &post(
            &nurse,
            &format!("/api/v1/students/{camila}/needs"),
            serde_json::json!({"kind": "vision_dental", "description": "Needs glasses: cannot read the board"}),
        )
        .await,
    );
    World {
        app,
        camila,
        partner,
        need,
        csc,
    }
}

#[tokio::test]
async fn a_bad_directory_file_applies_nothing_and_names_line_and_column() {
    let w = world().await;
    let before = json(&w.csc.get_json("/api/v1/resources").await)
        .as_array()
        .unwrap()
        .len();
    let bad = "kind,name,partner,categories,grade_min\n\
               school_opportunity,Chess club,,enrichment,6\n\
               partner_service,Dental van,Nobody Inc,vision_dental,6\n\
               club,Robotics,,enrichment,13\n";
    let res = post(&w.csc, "/api/v1/resources/import", serde_json::json!({ "csv": bad })).await;
    assert_eq!(res.status, 422, "{}", res.body);
    let problems = json(&res)["problems"].clone();
    assert_eq!(
        problems,
        serde_json::json!([
            {"line": 4, "column": "kind", "code": "unknown_choice"},
            {"line": 4, "column": "grade_min", "code": "out_of_range"},
        ]),
    );
    // The unknown partner is found only at the write, and still nothing applies.
    let bad = "kind,name,partner,categories\nschool_opportunity,Chess club,,enrichment\npartner_service,Dental van,Nobody Inc,vision_dental\n";
    let res = post(&w.csc, "/api/v1/resources/import", serde_json::json!({ "csv": bad })).await;
    assert_eq!(res.status, 422, "{}", res.body);
    assert_eq!(json(&res)["problems"][0]["code"], "unknown_partner");
    assert_eq!(json(&res)["problems"][0]["line"], 3);
    let after = json(&w.csc.get_json("/api/v1/resources").await)
        .as_array()
        .unwrap()
        .len();
    assert_eq!(before, after, "nothing applied");
    // Only coordinators and district administrators maintain it.
    let teacher = w.app.signed_in("demo.teacher").await;
    let res = post(
        &teacher,
        "/api/v1/resources/import",
        serde_json::json!({ "csv": DIRECTORY }),
    )
    .await;
    assert_eq!(res.status, 403, "{}", res.body);
    assert_eq!(
        json(&teacher.get_json("/api/v1/resources?q=lego").await)
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn the_matcher_proposes_the_vision_partner_for_glasses_and_the_lego_club_for_building() {
    let w = world().await;
    let student = w.app.signed_in("demo.student").await;
    let t = token(&student).await;
    let res = student
        .send_json(
            "PUT",
            &w.path("profile"),
            &serde_json::json!({"strengths": "Patient", "interests": "I like building things with Lego", "needs": "", "activities": ""}).to_string(),
            Some(&t),
        )
        .await;
    assert!(res.status < 300, "{}", res.body);
    let counselor = w.app.signed_in("demo.counselor").await;
    let res = counselor.get_json(&w.path("proposals")).await;
    assert_eq!(res.status, 200, "{}", res.body);
    let list = json(&res);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["resource"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.first(), Some(&"Clear Sight eye exams"), "{names:?}");
    assert!(names.contains(&"Lego club"), "{names:?}");
    assert_eq!(list[0]["reasons"][0]["kind"], "need");
    assert_eq!(list[0]["reasons"][0]["value"], "vision_dental");
    assert_eq!(list[0]["need_id"], w.need.to_string());
    let lego = list
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["resource"]["name"] == "Lego club")
        .unwrap();
    assert!(
        lego["reasons"].as_array().unwrap().iter().any(|r| r["value"] == "lego"),
        "{lego}"
    );
    // A teacher does not see the health need, so the matcher does not use it.
    let teacher = w.app.signed_in("demo.teacher").await;
    let list = json(&teacher.get_json(&w.path("proposals")).await);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|p| p["resource"]["name"] != "Clear Sight eye exams"),
        "{list}"
    );
    // The plan manager accepts the Lego club as an enrolment: no consent needed.
    let lego = w.resource("Lego club").await;
    let res = post(
        &counselor,
        &w.path("referrals"),
        serde_json::json!({"resource": lego.to_string(), "reason": "likes building"}),
    )
    .await;
    assert_eq!(res.status, 201, "{}", res.body);
    let mine = json(&counselor.get_json(&w.path("referrals")).await);
    assert_eq!(mine[0]["kind"], "enrolment");
}

#[tokio::test]
async fn no_referral_to_a_partner_without_consent_and_no_consent_for_what_it_does_not_serve() {
    let w = world().await;
    let res = w.refer().await;
    assert_eq!(res.status, 409, "{}", res.body);
    assert!(res.body.contains("consent_required"), "{}", res.body);
    let res = w.grant("vision_dental,health").await;
    assert_eq!(res.status, 422, "{}", res.body);
    assert!(res.body.contains("not_served"), "{}", res.body);
    // Only the guardian with rights (or the eligible student) grants it.
    let teacher = w.app.signed_in("demo.teacher").await;
    let res = post(
        &teacher,
        &w.path("consents"),
        serde_json::json!({"partner": w.partner.to_string(), "categories": "vision_dental", "purpose": "x", "expires_on": "2027-06-30"}),
    )
    .await;
    assert_eq!(res.status, 403, "{}", res.body);
    let student = w.app.signed_in("demo.student").await;
    let res = post(
        &student,
        &w.path("consents"),
        serde_json::json!({"partner": w.partner.to_string(), "categories": "vision_dental", "purpose": "x", "expires_on": "2027-06-30"}),
    )
    .await;
    assert_eq!(res.status, 403, "a minor does not grant: {}", res.body);
    assert_eq!(w.app.count_audit("referral_made").await, 0);
    assert_eq!(w.app.count_audit("consent_granted").await, 0);
}

#[tokio::test]
async fn the_loop_closes_and_every_partner_view_is_a_disclosure_the_family_reads() {
    let w = world().await;
    id_of(&w.grant("vision_dental").await);
    let referral = id_of(&w.refer().await);
    let partner = w.partner_user().await;
    let list = json(&partner.get_json("/api/v1/partner/referrals").await);
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    assert_eq!(list[0]["need"], "Needs glasses: cannot read the board");
    assert_eq!(list[0]["referral"]["status"], "sent");
    let t = token(&partner).await;
    let step = |event: &str, outcome: &str| serde_json::json!({"event": event, "outcome": outcome}).to_string();
    let url = format!("/api/v1/partner/referrals/{referral}/steps");
    for (event, outcome) in [("accept", ""), ("record_service", ""), ("close", "need_met")] {
        let res = partner.post_json(&url, &step(event, outcome), Some(&t)).await;
        assert_eq!(res.status, 204, "{event}: {}", res.body);
    }
    // A move the machine does not allow.
    let res = partner.post_json(&url, &step("accept", ""), Some(&t)).await;
    assert_eq!(res.status, 409, "{}", res.body);
    assert!(res.body.contains("illegal_referral_move"), "{}", res.body);
    // The family sees what was referred, to whom and its status, and the
    // record of disclosures.
    let guardian = w.app.signed_in("demo.guardian").await;
    let mine = json(&guardian.get_json(&w.path("referrals")).await);
    assert_eq!(mine[0]["partner"], "Clear Sight Clinic");
    assert_eq!(mine[0]["status"], "closed");
    assert_eq!(mine[0]["outcome"], "need_met");
    assert_eq!(mine[0]["sent_on"], "2026-11-02");
    assert_eq!(mine[0]["first_service_on"], "2026-11-02");
    let log = json(&guardian.get_json(&w.path("disclosures")).await);
    assert_eq!(log.as_array().unwrap().len(), 1, "{log}");
    assert_eq!(log[0]["partner"], "Clear Sight Clinic");
    assert_eq!(log[0]["categories"], serde_json::json!(["vision_dental"]));
    assert_eq!(w.app.count_audit("partner_disclosure").await, 1);
    // The metrics count it (the demo's own clinic has referrals too).
    let m = json(&w.csc.get_json("/api/v1/referral-metrics").await);
    let mine = m["partners"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "Clear Sight Clinic")
        .unwrap_or_else(|| panic!("{m}"));
    assert_eq!(mine["total"], 1);
    assert_eq!(mine["by_status"]["closed"], 1);
    assert_eq!(mine["median_days_to_acceptance"], 0);
    assert_eq!(mine["closed_with_outcome_percent"], "100.0");
}

#[tokio::test]
async fn revocation_takes_effect_at_once_and_the_partner_sees_nothing_after() {
    let w = world().await;
    let consent = id_of(&w.grant("vision_dental").await);
    let referral = id_of(&w.refer().await);
    let partner = w.partner_user().await;
    assert_eq!(
        partner
            .get_json(&format!("/api/v1/partner/referrals/{referral}"))
            .await
            .status,
        200
    );
    let guardian = w.app.signed_in("demo.guardian").await;
    let t = token(&guardian).await;
    let res = guardian
        .post_json(&w.path(&format!("consents/{consent}/revoke")), "{}", Some(&t))
        .await;
    assert_eq!(res.status, 204, "{}", res.body);
    let denied = w.app.count_audit("access_denied").await;
    assert_eq!(
        partner
            .get_json(&format!("/api/v1/partner/referrals/{referral}"))
            .await
            .status,
        404
    );
    assert_eq!(w.app.count_audit("access_denied").await, denied + 1);
    let list = json(&partner.get_json("/api/v1/partner/referrals").await);
    assert!(list.as_array().unwrap().is_empty(), "{list}");
    let t = token(&partner).await;
    let res = partner
        .post_json(
            &format!("/api/v1/partner/referrals/{referral}/steps"),
            r#"{"event":"accept"}"#,
            Some(&t),
        )
        .await;
    assert_eq!(res.status, 404);
    let states = json(&guardian.get_json(&w.path("consents")).await);
    assert_eq!(states[0]["state"], "revoked");
    // One disclosure only: the view before revocation.
    assert_eq!(
        json(&guardian.get_json(&w.path("disclosures")).await)
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn an_expired_consent_discloses_nothing() {
    let w = world().await;
    id_of(&w.grant("vision_dental").await);
    let referral = id_of(&w.refer().await);
    w.app.clock.advance(Duration::days(250)); // past 2027-06-30
    let partner = w.partner_user().await;
    assert_eq!(
        partner
            .get_json(&format!("/api/v1/partner/referrals/{referral}"))
            .await
            .status,
        404
    );
    assert!(json(&partner.get_json("/api/v1/partner/referrals").await)
        .as_array()
        .unwrap()
        .is_empty());
    let guardian = w.app.signed_in("demo.guardian").await;
    assert_eq!(
        json(&guardian.get_json(&w.path("consents")).await)[0]["state"],
        "expired"
    );
    assert!(json(&guardian.get_json(&w.path("disclosures")).await)
        .as_array()
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn a_partner_user_guessing_a_student_or_referral_gets_an_audited_not_found() {
    let w = world().await;
    id_of(&w.grant("vision_dental").await);
    id_of(&w.refer().await);
    let partner = w.partner_user().await;
    for path in [
        w.path("plan"),
        w.path("needs"),
        w.path("referrals"),
        w.path("consents"),
        format!("/api/v1/partner/referrals/{}", Uuid::now_v7()),
        "/api/v1/partner/referrals/not-an-id".to_owned(),
    ] {
        let before = w.app.count_audit("access_denied").await;
        let res = partner.get_json(&path).await;
        assert_eq!(res.status, 404, "{path}: {}", res.body);
        assert_eq!(w.app.count_audit("access_denied").await, before + 1, "{path} audited");
    }
    // Another organisation's user sees nothing of it.
    let other = id_of(&post(&w.csc, "/api/v1/partners", serde_json::json!({"name": "Food Bank"})).await);
    id_of(
        &post(
            &w.csc,
            &format!("/api/v1/partners/{other}/users"),
            serde_json::json!({"given_name": "Bo", "family_name": "Kim", "username": "foodbank.bo"}),
        )
        .await,
    );
    w.app
        .execute(
            "UPDATE accounts SET password_hash = (SELECT password_hash FROM accounts WHERE username = 'demo.counselor') \
             WHERE person_id IN (SELECT person_id FROM partner_users WHERE partner_id = $1)",
            &[other],
        )
        .await;
    let bo = w.app.client();
    assert_eq!(bo.sign_in("foodbank.bo", ssp_demo::DEMO_PASSWORD).await.status, 303);
    assert!(json(&bo.get_json("/api/v1/partner/referrals").await)
        .as_array()
        .unwrap()
        .is_empty());
    assert!(json(
        &w.app
            .signed_in("demo.guardian")
            .await
            .get_json(&w.path("disclosures"))
            .await
    )
    .as_array()
    .unwrap()
    .is_empty());
}

#[tokio::test]
async fn staff_record_a_paper_consent_with_its_scan() {
    let w = world().await;
    let counselor = w.app.signed_in("demo.counselor").await;
    let t = token(&counselor).await;
    let url = format!("{}?csrf={t}", w.path("consents/paper"));
    let fields = [
        ("partner", w.partner.to_string()),
        ("categories", "vision_dental".to_owned()),
        ("purpose", "Eye exam (signed at the open house)".to_owned()),
        ("expires_on", "2027-06-30".to_owned()),
        ("signer_name", "Michael Reyes".to_owned()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = counselor
        .post_multipart(&url, &fields, &[("file", "consent.pdf", b"%PDF-1.4 signed".as_slice())])
        .await;
    assert_eq!(res.status, 201, "{}", res.body);
    let list = json(&counselor.get_json(&w.path("consents")).await);
    assert_eq!(list[0]["method"], "paper");
    assert_eq!(list[0]["signer_name"], "Michael Reyes");
    assert_eq!(list[0]["state"], "active");
    // Not a scan: refused, nothing recorded.
    let res = counselor
        .post_multipart(&url, &fields, &[("file", "consent.txt", b"hello".as_slice())])
        .await;
    assert_eq!(res.status, 422, "{}", res.body);
    assert!(res.body.contains("unknown_type"));
    assert_eq!(
        json(&counselor.get_json(&w.path("consents")).await)
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // With it the referral goes.
    assert_eq!(w.refer().await.status, 201);
    // The same on the page; the student may not record one.
    let page = counselor.get(&format!("/students/{}/partners", w.camila)).await;
    assert!(page.text.contains("Record a signed paper consent"), "{}", page.text);
    let t = page.csrf().unwrap();
    let res = counselor
        .post_multipart(
            &format!("/students/{}/partners/consents/paper?csrf={t}", w.camila),
            &fields,
            &[("file", "consent.png", b"\x89PNG\r\n\x1a\n....".as_slice())],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_eq!(
        json(&counselor.get_json(&w.path("consents")).await)
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let student = w.app.signed_in("demo.student").await;
    let t = student
        .get(&format!("/students/{}/partners", w.camila))
        .await
        .csrf()
        .unwrap();
    let res = student
        .post_multipart(
            &format!("/students/{}/partners/consents/paper?csrf={t}", w.camila),
            &fields,
            &[("file", "consent.pdf", b"%PDF-1.4".as_slice())],
        )
        .await;
    assert_eq!(res.status, 404, "{}", res.text);
}

#[tokio::test]
async fn the_district_sets_the_reminder_age_and_an_old_referral_shows_overdue() {
    let w = world().await;
    id_of(&w.grant("vision_dental").await);
    id_of(&w.refer().await);
    let admin = w.app.signed_in("demo.districtadmin").await;
    let res = post(
        &admin,
        "/api/v1/partner-settings",
        serde_json::json!({"reminder_days": "5"}),
    )
    .await;
    assert_eq!(res.status, 204, "{}", res.body);
    let res = post(
        &admin,
        "/api/v1/partner-settings",
        serde_json::json!({"reminder_days": "0"}),
    )
    .await;
    assert_eq!(res.status, 422, "{}", res.body);
    let res = post(
        &w.csc,
        "/api/v1/partner-settings",
        serde_json::json!({"reminder_days": "9"}),
    )
    .await;
    assert_eq!(res.status, 403, "{}", res.body);
    let counselor = w.app.signed_in("demo.counselor").await;
    assert_eq!(
        json(&counselor.get_json(&w.path("referrals")).await)[0]["overdue"],
        false
    );
    w.app.clock.advance(Duration::days(6));
    let counselor = w.app.signed_in("demo.counselor").await;
    assert_eq!(
        json(&counselor.get_json(&w.path("referrals")).await)[0]["overdue"],
        true
    );
}

// ---- the pages ------------------------------------------------------------

#[tokio::test]
async fn the_pages_propose_refer_consent_and_close_the_loop() {
    let w = world().await;
    let page = format!("/students/{}/partners", w.camila);
    // The plan manager sees the proposal with its reason, and no consent yet
    // refuses the referral with a clear message.
    let counselor = w.app.signed_in("demo.counselor").await;
    let res = counselor.get(&page).await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert!(res.text.contains("Clear Sight eye exams"), "{}", res.text);
    assert!(res.text.contains("Serves a need: Vision or dental"), "{}", res.text);
    let resource = w.resource("Clear Sight eye exams").await.to_string();
    let need = w.need.to_string();
    let res = counselor
        .post_form(
            &format!("{page}/referrals"),
            &[
                ("resource", resource.as_str()),
                ("need", need.as_str()),
                ("reason", "needs glasses"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text.contains("a parent or guardian must first give consent"),
        "{}",
        res.text
    );
    // The Spanish-speaking parent grants consent on the page, in Spanish.
    let guardian = w.app.signed_in("demo.guardian.es").await;
    let res = guardian.get(&page).await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert!(res.text.contains("Dar consentimiento para compartir"), "{}", res.text);
    assert!(
        !res.text.contains("Clear Sight eye exams"),
        "the family sees no proposals"
    );
    let partner = w.partner.to_string();
    let res = guardian
        .post_form(
            &format!("{page}/consents"),
            &[
                ("partner", partner.as_str()),
                ("categories", "vision_dental"),
                ("categories", "food"),
                ("purpose", "Examen de la vista"),
                ("expires_on", "2027-06-30"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text.contains("esta organización no ofrece ese tipo de ayuda"),
        "{}",
        res.text
    );
    let res = guardian
        .post_form(
            &format!("{page}/consents"),
            &[
                ("partner", partner.as_str()),
                ("categories", "vision_dental"),
                ("purpose", "Examen de la vista"),
                ("expires_on", "2027-06-30"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let consents = json(&guardian.get_json(&w.path("consents")).await);
    assert_eq!(consents[0]["language"], "es");
    // Now the referral goes; the partner user moves it on their page.
    counselor.get(&page).await;
    let res = counselor
        .post_form(
            &format!("{page}/referrals"),
            &[
                ("resource", resource.as_str()),
                ("need", need.as_str()),
                ("reason", "needs glasses"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let referral = json(&counselor.get_json(&w.path("referrals")).await)[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let ana = w.partner_user().await;
    let res = ana.get("/partner").await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert!(
        res.text.contains("Needs glasses: cannot read the board"),
        "{}",
        res.text
    );
    let res = ana
        .post_form(
            &format!("/partner/referrals/{referral}"),
            &[("event", "record_service")],
        )
        .await;
    assert_eq!(res.status, 422, "a service before acceptance: {}", res.text);
    assert!(res.text.contains("cannot move to that step"), "{}", res.text);
    for (event, outcome) in [("accept", ""), ("record_service", ""), ("close", "need_met")] {
        ana.get("/partner").await;
        let res = ana
            .post_form(
                &format!("/partner/referrals/{referral}"),
                &[("event", event), ("outcome", outcome)],
            )
            .await;
        assert_eq!(res.status, 303, "{event}: {}", res.text);
    }
    // The family reads the status and the record of disclosures.
    let res = guardian.get(&page).await;
    assert!(res.text.contains("Cerrada · necesidad atendida"), "{}", res.text);
    assert!(res.text.contains("Ana Lopez"), "{}", res.text);
    // The directory page, with the loop metrics for the coordinator.
    let res = w.csc.get("/partners").await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert!(
        res.text.contains("Lego club") && res.text.contains("Median days to acceptance"),
        "{}",
        res.text
    );
    let teacher = w.app.signed_in("demo.teacher").await;
    let res = teacher.get("/partners").await;
    assert_eq!(res.status, 200);
    assert!(
        !res.text.contains("Median days to acceptance"),
        "metrics are the maintainers'"
    );
}

#[tokio::test]
async fn the_import_page_lists_every_problem_and_applies_nothing() {
    let w = world().await;
    let page = w.csc.get("/partners").await;
    let t = page.csrf().unwrap();
    let bad = b"kind,name,categories,grade_max\nschool_opportunity,Chess club,enrichment,5\n";
    let res = w
        .csc
        .post_multipart(
            &format!("/partners/import?csrf={t}"),
            &[],
            &[("file", "dir.csv", bad.as_slice())],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(res.text.contains("Nothing was imported"), "{}", res.text);
    assert!(res.text.contains("grade_max"), "{}", res.text);
    assert!(!w.csc.get("/partners?q=chess").await.text.contains("Chess club"));
    let good = b"kind,name,categories\nschool_opportunity,Chess club,enrichment\n";
    let res = w
        .csc
        .post_multipart(
            &format!("/partners/import?csrf={t}"),
            &[],
            &[("file", "dir.csv", good.as_slice())],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert!(w.csc.get("/partners?q=chess").await.text.contains("Chess club"));
    let teacher = w.app.signed_in("demo.teacher").await;
    let t = teacher.get("/partners").await.csrf().unwrap();
    let res = teacher
        .post_multipart(
            &format!("/partners/import?csrf={t}"),
            &[],
            &[("file", "dir.csv", good.as_slice())],
        )
        .await;
    assert_eq!(res.status, 403, "{}", res.text);
}

#[tokio::test]
async fn the_demo_has_the_clubs_the_partners_and_a_partner_user() {
    let app = TestApp::with_demo().await;
    let ana = app.signed_in("demo.partner").await;
    let list = json(&ana.get_json("/api/v1/resources?q=volleyball").await);
    assert_eq!(list[0]["name"], "Volleyball team", "{list}");
    let list = json(&ana.get_json("/api/v1/resources?category=vision_dental").await);
    assert_eq!(list[0]["partner"], "Clear Sight Vision Clinic", "{list}");
    // Real work: referrals at every step under consents in force; the
    // revoked and the expired consents' referrals are not shown.
    let list = json(&ana.get_json("/api/v1/partner/referrals").await);
    let statuses: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["referral"]["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses.len(), 7, "{list}");
    for status in ["sent", "accepted", "declined", "in_service", "closed"] {
        assert!(statuses.contains(&status), "{status}: {statuses:?}");
    }
    let home = ana.get("/").await;
    assert!(
        home.text.contains("2 new referrals to accept or decline"),
        "{}",
        home.text
    );
    assert!(home.text.contains("Referrals waiting too long: 2"), "{}", home.text);
    // The consents' three states, on the students' records.
    let states = app
        .texts(
            "SELECT CASE WHEN revoked_at IS NOT NULL THEN 'revoked' WHEN expires_on < '2026-11-02' THEN 'expired' \
             ELSE 'active' END FROM consents ORDER BY 1",
            &[],
        )
        .await;
    assert_eq!(states.iter().filter(|s| *s == "active").count(), 7, "{states:?}");
    assert!(states.contains(&"revoked".to_owned()) && states.contains(&"expired".to_owned()));
    // The loop metrics, counted by the database.
    let csc = app.signed_in("demo.csc").await;
    let m = json(&csc.get_json("/api/v1/referral-metrics").await);
    let clinic = m["partners"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "Clear Sight Vision Clinic")
        .unwrap_or_else(|| panic!("{m}"));
    assert_eq!(clinic["total"], 9, "{clinic}");
    assert_eq!(clinic["by_status"]["sent"], 2, "{clinic}");
    assert_eq!(clinic["by_status"]["closed"], 3, "{clinic}");
    assert_eq!(clinic["median_days_to_acceptance"], 3, "{clinic}");
    assert_eq!(clinic["median_days_to_first_service"], 15, "{clinic}");
    assert_eq!(clinic["closed_with_outcome_percent"], "33.3", "{clinic}");
    assert_eq!(m["district"]["total"], 9, "{m}");
    let schools: u64 = m["schools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["total"].as_u64().unwrap())
        .sum();
    assert_eq!(schools, 9, "every referral counts in its school: {m}");
    // A partner user is no one to the school.
    let camila = app.person("demo.student").await;
    assert_eq!(ana.get(&format!("/students/{camila}")).await.status, 404);
}

/// A service's partner cannot change once students were referred to it,
/// through the import as through the page: the referrals were made, and
/// consented to, for that organisation.
#[tokio::test]
async fn a_referred_services_partner_cannot_change_through_the_import() {
    let w = world().await;
    let csv = "kind,name,partner,categories\npartner_service,Eye exams and glasses,Clear Sight Clinic,vision_dental\n";
    let res = post(&w.csc, "/api/v1/resources/import", serde_json::json!({ "csv": csv })).await;
    assert_eq!(res.status, 422, "{}", res.body);
    assert_eq!(
        json(&res)["problems"],
        serde_json::json!([{"line": 2, "column": "partner", "code": "has_referrals"}])
    );
    let partner = w
        .app
        .texts(
            "SELECT p.name FROM resources r JOIN partners p ON p.id = r.partner_id WHERE r.name = 'Eye exams and glasses'",
            &[],
        )
        .await;
    assert_eq!(partner, vec!["Clear Sight Vision Clinic".to_owned()], "unchanged");
}

/// What the pages maintain one entry at a time, the API does too, through
/// the same use cases: a partner user's names changed and the account
/// ended, a resource and a partner removed — refused for other staff and
/// for what a student's record names.
#[tokio::test]
async fn the_api_changes_and_removes_one_directory_entry() {
    let w = world().await;
    async fn send(c: &TestClient, method: &str, path: String, body: serde_json::Value) -> TestResponse {
        let t = token(c).await;
        c.send_json(method, &path, &body.to_string(), Some(&t)).await
    }
    let lee = id_of(
        &post(
            &w.csc,
            &format!("/api/v1/partners/{}/users", w.partner),
            serde_json::json!({"given_name": "Lee", "family_name": "Park", "username": "lee.park"}),
        )
        .await,
    );
    let user = format!("/api/v1/partners/{}/users/{lee}", w.partner);
    let res = send(
        &w.csc,
        "PUT",
        user.clone(),
        serde_json::json!({"given_name": "Lee", "family_name": "Parker"}),
    )
    .await;
    assert_eq!(res.status, 204, "{}", res.body);
    assert_eq!(
        w.app
            .texts("SELECT family_name FROM persons WHERE id = $1", &[lee])
            .await,
        vec!["Parker".to_owned()]
    );
    let res = send(
        &w.csc,
        "PUT",
        user.clone(),
        serde_json::json!({"given_name": "", "family_name": "Parker"}),
    )
    .await;
    assert_eq!(res.status, 422, "{}", res.body);
    let teacher = w.app.signed_in("demo.teacher").await;
    assert_eq!(
        send(&teacher, "DELETE", user.clone(), serde_json::json!({}))
            .await
            .status,
        403
    );
    let res = send(&w.csc, "DELETE", user.clone(), serde_json::json!({})).await;
    assert_eq!(res.status, 204, "{}", res.body);
    assert_eq!(
        w.app
            .texts(
                "SELECT CASE WHEN disabled THEN 'yes' ELSE 'no' END FROM accounts WHERE username = 'lee.park'",
                &[]
            )
            .await,
        vec!["yes".to_owned()],
        "the account is disabled"
    );
    assert_eq!(w.app.count_audit("partner_user_removed").await, 1);
    assert_eq!(send(&w.csc, "DELETE", user, serde_json::json!({})).await.status, 404);

    // A resource nobody was referred to goes; one the demo clinic's
    // referrals name stays.
    let lego = w.resource("Lego club").await;
    assert_eq!(
        send(
            &teacher,
            "DELETE",
            format!("/api/v1/resources/{lego}"),
            serde_json::json!({})
        )
        .await
        .status,
        403
    );
    let res = send(
        &w.csc,
        "DELETE",
        format!("/api/v1/resources/{lego}"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(res.status, 204, "{}", res.body);
    assert!(!w.csc.get_json("/api/v1/resources").await.body.contains("Lego club"));
    let eye = w.resource("Eye exams and glasses").await;
    let res = send(
        &w.csc,
        "DELETE",
        format!("/api/v1/resources/{eye}"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(res.status, 409, "{}", res.body);
    assert!(res.body.contains("resource_has_referrals"), "{}", res.body);

    // A new partner with nothing tied to it goes, once.
    let temp = id_of(&post(&w.csc, "/api/v1/partners", serde_json::json!({"name": "Pop-up Pantry"})).await);
    let res = send(
        &w.csc,
        "DELETE",
        format!("/api/v1/partners/{temp}"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(res.status, 204, "{}", res.body);
    assert_eq!(
        send(
            &w.csc,
            "DELETE",
            format!("/api/v1/partners/{temp}"),
            serde_json::json!({})
        )
        .await
        .status,
        404
    );
    assert_eq!(w.app.count_audit("partner_removed").await, 1);
}
