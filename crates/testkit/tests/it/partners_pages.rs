//! Community partners (issue 18) on the pages, as their users use them:
//! the coordinator's forms for one partner organisation, one resource and
//! one partner-user account (each refusal clear, nothing changed); the
//! partner user's home and menu; and referrals waiting too long on the home
//! work queues of the people who should act.

use time::Duration;

use super::partners::{id_of, json, post, world, World};

async fn names_in_directory(w: &World, q: &str) -> String {
    w.csc.get(&format!("/partners?q={q}")).await.text
}

#[tokio::test]
async fn a_coordinator_adds_changes_and_removes_a_partner_and_its_service_on_the_pages() {
    let w = world().await;
    let page = w.csc.get("/partners").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Add a partner organisation"), "{}", page.text);
    // A partner with no name: refused, what was typed kept, nothing added.
    let res = w
        .csc
        .post_form("/partners/organisations", &[("name", " "), ("contact", "555-0199")])
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text.contains("Check the partner&#x27;s fields") || res.text.contains("Check the partner's fields"),
        "{}",
        res.text
    );
    assert!(res.text.contains("Name: required."), "{}", res.text);
    assert!(res.text.contains("555-0199"), "the form keeps what was typed");
    // A name the district has: refused, not silently merged.
    let res = w
        .csc
        .post_form("/partners/organisations", &[("name", "Clear Sight Clinic")])
        .await;
    assert_eq!(res.status, 409, "{}", res.text);
    assert!(
        res.text.contains("already has a partner organisation with that name"),
        "{}",
        res.text
    );
    // Added, then renamed on its own page.
    let res = w
        .csc
        .post_form(
            "/partners/organisations",
            &[
                ("name", "Northside Dental"),
                ("description", "Checkups"),
                ("contact", "555-0123"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let org = res.location().unwrap().to_owned();
    assert!(org.starts_with("/partners/organisations/"), "{org}");
    let res = w.csc.get(&org).await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert!(res.text.contains("Northside Dental") && res.text.contains("555-0123"));
    let res = w
        .csc
        .post_form(&org, &[("name", "Northside Dental Care"), ("contact", "555-0123")])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert!(w.csc.get("/partners").await.text.contains("Northside Dental Care"));
    // Its service: the new-resource form names the partner already.
    let res = w
        .csc
        .get("/partners/resources/new?partner=Northside%20Dental%20Care")
        .await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert!(
        res.text.contains(r#"<option value="Northside Dental Care" selected>"#),
        "{}",
        res.text
    );
    let service = |grade_max: &'static str, name: &'static str| {
        vec![
            ("kind", "partner_service"),
            ("name", name),
            ("partner", "Northside Dental Care"),
            ("categories", "vision_dental"),
            ("categories", "health"),
            ("grade_min", "6"),
            ("grade_max", grade_max),
            ("languages", "en, es"),
            ("interest_areas", ""),
            ("keywords", "teeth dentist"),
        ]
    };
    let res = w
        .csc
        .post_form("/partners/resources", &service("5", "Dental checkups"))
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(res.text.contains("Highest grade"), "{}", res.text);
    assert!(res.text.contains("teeth dentist"), "the form keeps what was typed");
    assert!(!names_in_directory(&w, "dental").await.contains("Dental checkups"));
    let res = w
        .csc
        .post_form("/partners/resources", &service("12", "Lego club"))
        .await;
    assert_eq!(res.status, 409, "{}", res.text);
    assert!(
        res.text.contains("already has a resource with that name"),
        "{}",
        res.text
    );
    let res = w
        .csc
        .post_form("/partners/resources", &service("12", "Dental checkups"))
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let resource = res.location().unwrap().split('?').next().unwrap().to_owned();
    let res = w.csc.get(&format!("{resource}?saved=1")).await;
    assert!(res.text.contains("Saved."), "{}", res.text);
    assert!(res.text.contains(r#"value="vision_dental" checked"#), "{}", res.text);
    // Changed: places now limited.
    let mut changed = service("12", "Dental checkups");
    changed.push(("capacity", "10"));
    let res = w.csc.post_form(&resource, &changed).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let list = json(&w.csc.get_json("/api/v1/resources?q=checkups").await);
    assert_eq!(list[0]["name"], "Dental checkups", "{list}");
    assert_eq!(list[0]["partner"], "Northside Dental Care", "{list}");
    assert_eq!(list[0]["capacity"], 10, "{list}");
    assert_eq!(list[0]["languages"], serde_json::json!(["en", "es"]), "{list}");
    // The organisation page lists it; removing the organisation removes
    // its services (nothing refers to them).
    assert!(w.csc.get(&org).await.text.contains("Dental checkups"));
    // A removal cannot be undone: without the box ticked nothing goes.
    let res = w.csc.post_form(&format!("{org}/remove"), &[]).await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text
            .contains("Nothing was removed: tick the box to confirm the removal."),
        "{}",
        res.text
    );
    assert!(res.text.contains("Dental checkups"), "still there");
    assert_eq!(w.app.count_audit("partner_removed").await, 0);
    let res = w.csc.post_form(&format!("{org}/remove"), &[("confirm", "yes")]).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let page = w.csc.get("/partners?removed=1").await.text;
    assert!(page.contains("Removed from the directory."), "{page}");
    assert!(
        !page.contains("Northside Dental") && !page.contains("Dental checkups"),
        "{page}"
    );
    assert_eq!(w.csc.get(&org).await.status, 404);
    assert_eq!(w.app.count_audit("partner_removed").await, 1);
}

#[tokio::test]
async fn a_coordinator_removes_a_resource_nobody_was_referred_to() {
    let w = world().await;
    w.csc.get("/partners/resources/new").await;
    let chess = w
        .csc
        .post_form(
            "/partners/resources",
            &[
                ("kind", "school_opportunity"),
                ("name", "Chess club"),
                ("categories", "enrichment"),
            ],
        )
        .await;
    assert_eq!(chess.status, 303, "{}", chess.text);
    let chess = chess.location().unwrap().split('?').next().unwrap().to_owned();
    assert!(names_in_directory(&w, "chess").await.contains("Chess club"));
    let res = w.csc.post_form(&format!("{chess}/remove"), &[("confirm", "yes")]).await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert!(!names_in_directory(&w, "chess").await.contains("Chess club"));
    assert_eq!(w.app.count_audit("resource_removed").await, 1);
}

#[tokio::test]
async fn nothing_a_students_record_refers_to_is_removed_or_moved() {
    let w = world().await;
    id_of(&w.grant("vision_dental").await);
    id_of(&w.refer().await);
    let org = format!("/partners/organisations/{}", w.partner);
    w.csc.get(&org).await;
    let res = w.csc.post_form(&format!("{org}/remove"), &[("confirm", "yes")]).await;
    assert_eq!(res.status, 409, "{}", res.text);
    assert!(res.text.contains("This partner cannot be removed"), "{}", res.text);
    let eye = format!("/partners/resources/{}", w.resource("Clear Sight eye exams").await);
    let res = w.csc.post_form(&format!("{eye}/remove"), &[("confirm", "yes")]).await;
    assert_eq!(res.status, 409, "{}", res.text);
    assert!(res.text.contains("This resource cannot be removed"), "{}", res.text);
    // Its partner cannot change under the referral either.
    let res = w
        .csc
        .post_form(
            &eye,
            &[
                ("kind", "school_opportunity"),
                ("name", "Clear Sight eye exams"),
                ("categories", "vision_dental"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(res.text.contains("students were already referred"), "{}", res.text);
    let list = json(&w.csc.get_json("/api/v1/resources?q=clear").await);
    assert_eq!(list[0]["partner"], "Clear Sight Clinic", "nothing changed: {list}");
    // In Spanish too.
    w.csc.set_accept_language("es");
    let res = w.csc.post_form(&format!("{org}/remove"), &[("confirm", "yes")]).await;
    assert!(
        res.text.contains("No se puede eliminar esta organización"),
        "{}",
        res.text
    );
}

#[tokio::test]
async fn a_coordinator_adds_changes_and_ends_a_partner_user_account_on_the_pages() {
    let w = world().await;
    let org = format!("/partners/organisations/{}", w.partner);
    let page = w.csc.get(&org).await;
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(page.text.contains("clearsight.ana"), "{}", page.text);
    let res = w
        .csc
        .post_form(
            &format!("{org}/users"),
            &[
                ("given_name", "Lee"),
                ("family_name", "Park"),
                ("username", "lee park!"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(res.text.contains("use letters, digits and . _ - @"), "{}", res.text);
    assert!(res.text.contains(r#"value="Park""#), "the form keeps what was typed");
    let res = w
        .csc
        .post_form(
            &format!("{org}/users"),
            &[
                ("given_name", "Lee"),
                ("family_name", "Park"),
                ("username", "clearsight.ana"),
            ],
        )
        .await;
    assert_eq!(res.status, 409, "{}", res.text);
    assert!(res.text.contains("That username is already taken"), "{}", res.text);
    let res = w
        .csc
        .post_form(
            &format!("{org}/users"),
            &[
                ("given_name", "Lee"),
                ("family_name", "Park"),
                ("username", "clearsight.lee"),
                ("email", "lee@clearsight.example.org"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let lee = w.app.person("clearsight.lee").await;
    assert!(w.csc.get(&org).await.text.contains("clearsight.lee"));
    let res = w
        .csc
        .post_form(
            &format!("{org}/users/{lee}"),
            &[("given_name", "Leigh"), ("family_name", "Park"), ("email", "")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert!(w.csc.get(&org).await.text.contains("Leigh Park"));
    // Ended: the account is disabled and the organisation page says so by
    // no longer listing it; the partner cannot be removed while Ana's
    // account remains.
    let res = w
        .csc
        .post_form(&format!("{org}/users/{lee}/remove"), &[("confirm", "yes")])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert!(!w.csc.get(&org).await.text.contains("clearsight.lee"));
    let disabled = w
        .app
        .texts(
            "SELECT CAST(disabled AS TEXT) FROM accounts WHERE person_id = $1",
            &[lee],
        )
        .await;
    assert!(matches!(disabled[0].as_str(), "1" | "true"), "{disabled:?}");
    assert_eq!(w.app.count_audit("partner_user_removed").await, 1);
    let res = w.csc.post_form(&format!("{org}/remove"), &[("confirm", "yes")]).await;
    assert_eq!(res.status, 409, "{}", res.text);
    assert!(res.text.contains("still has user accounts"), "{}", res.text);
}

#[tokio::test]
async fn only_maintainers_use_the_directory_forms_and_every_form_needs_its_token() {
    let w = world().await;
    let teacher = w.app.signed_in("demo.teacher").await;
    teacher.get("/partners").await;
    let org = format!("/partners/organisations/{}", w.partner);
    assert_eq!(teacher.get(&org).await.status, 403);
    assert_eq!(teacher.get("/partners/resources/new").await.status, 403);
    let res = teacher
        .post_form("/partners/organisations", &[("name", "Teacher's own partner")])
        .await;
    assert_eq!(res.status, 403, "{}", res.text);
    let page = teacher.get("/partners").await.text;
    assert!(!page.contains("Add a partner organisation") && !page.contains("Teacher&#x27;s own"));
    // A guardian is no one to the directory: not found.
    let guardian = w.app.signed_in("demo.guardian").await;
    assert_eq!(guardian.get(&org).await.status, 404);
    // Without the form's token, nothing happens.
    let res = w
        .csc
        .post_raw(
            "/partners/organisations",
            "name=Forged",
            Some(ssp_testkit::client_origin()),
        )
        .await;
    assert_eq!(res.status, 403, "{}", res.text);
    assert!(!w.csc.get("/partners").await.text.contains("Forged"));
}

#[tokio::test]
async fn a_partner_user_lands_on_their_referrals_with_only_their_menu() {
    let w = world().await;
    id_of(&w.grant("vision_dental").await);
    let referral = id_of(&w.refer().await);
    let ana = w.partner_user().await;
    let home = ana.get("/").await;
    assert_eq!(home.status, 200, "{}", home.text);
    assert!(home.text.contains("Signed in for Clear Sight Clinic"), "{}", home.text);
    assert!(
        home.text
            .contains(r#"<a href="/partner?show=new">A new referral to accept or decline</a>"#),
        "{}",
        home.text
    );
    // The menu: home, their referrals, the directory — nothing of the school's.
    for link in [r#"href="/partner""#, r#"href="/partners""#] {
        assert!(home.text.contains(link), "{link}: {}", home.text);
    }
    for link in [r#"href="/students""#, r#"href="/careers""#, r#"href="/flags""#] {
        assert!(!home.text.contains(link), "{link}: {}", home.text);
    }
    // The home names no student, so it discloses nothing; the list does.
    assert!(!home.text.contains("Camila"), "{}", home.text);
    assert_eq!(w.app.count_audit("partner_disclosure").await, 0);
    let list = ana.get("/partner?show=new").await;
    assert_eq!(list.status, 200, "{}", list.text);
    assert!(list.text.contains(&format!("referral-{referral}")), "{}", list.text);
    assert_eq!(w.app.count_audit("partner_disclosure").await, 1);
    let other = ana.get("/partner?show=in_service").await;
    assert!(!other.text.contains(&format!("referral-{referral}")), "{}", other.text);
    // Accepted: it moves to "waiting for a first service".
    ana.get("/partner").await;
    let res = ana
        .post_form(&format!("/partner/referrals/{referral}"), &[("event", "accept")])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let home = ana.get("/").await.text;
    assert!(!home.contains("new referral"), "{home}");
    assert!(
        home.contains(
            r#"<a href="/partner?show=to_first_service">An accepted referral waiting for a first service</a>"#
        ),
        "{home}"
    );
    // In Spanish.
    let res = ana.post_form("/language", &[("lang", "es"), ("return_to", "/")]).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let home = ana.get("/").await.text;
    assert!(
        home.contains("Una derivación aceptada en espera del primer servicio"),
        "{home}"
    );
}

#[tokio::test]
async fn a_referral_waiting_too_long_is_on_the_home_of_its_referrer_and_of_the_partner() {
    let w = world().await;
    id_of(&w.grant("vision_dental").await);
    let referral = id_of(&w.refer().await);
    let item = format!("/students/{}/partners#referral-{referral}", w.camila);
    let counselor = w.app.signed_in("demo.counselor").await;
    let ana = w.partner_user().await;
    // Fresh: on nobody's queue.
    assert!(!counselor.get("/").await.text.contains(&item));
    assert!(!ana.get("/").await.text.contains("Referrals waiting too long"));
    // Fifteen days at "sent", past the district's fourteen (a new day, a
    // new sign-in).
    w.app.clock.advance(Duration::days(15));
    let counselor = w.app.signed_in("demo.counselor").await;
    let ana = w.partner_user().await;
    let home = counselor.get("/").await.text;
    assert!(home.contains("Referrals waiting too long"), "{home}");
    assert!(home.contains(&item), "{home}");
    assert!(home.contains("Clear Sight eye exams · Sent"), "{home}");
    assert!(home.contains("overdue since"), "{home}");
    let home = ana.get("/").await.text;
    assert!(
        home.contains(r#"<a href="/partner?show=too_long">Referrals waiting too long: 1</a>"#),
        "{home}"
    );
    let list = ana.get("/partner?show=too_long").await.text;
    assert!(
        list.contains(&format!("referral-{referral}")) && list.contains("Waiting too long"),
        "{list}"
    );
    // Someone who neither made it nor manages the plan: not on their queue.
    let teacher = w.app.signed_in("demo.teacher").await;
    assert!(!teacher.get("/").await.text.contains(&item));
    // The district allows thirty days: no longer waiting too long.
    let admin = w.app.signed_in("demo.districtadmin").await;
    let res = post(
        &admin,
        "/api/v1/partner-settings",
        serde_json::json!({"reminder_days": "30"}),
    )
    .await;
    assert_eq!(res.status, 204, "{}", res.body);
    assert!(!counselor.get("/").await.text.contains(&item));
    assert!(!ana.get("/").await.text.contains("Referrals waiting too long"));
    // Back to fourteen; once the partner accepts, the step is new again.
    let res = post(
        &admin,
        "/api/v1/partner-settings",
        serde_json::json!({"reminder_days": "14"}),
    )
    .await;
    assert_eq!(res.status, 204, "{}", res.body);
    assert!(counselor.get("/").await.text.contains(&item));
    ana.get("/partner").await;
    let res = ana
        .post_form(&format!("/partner/referrals/{referral}"), &[("event", "accept")])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert!(!counselor.get("/").await.text.contains(&item));
}
