//! Career development as students, families, counselors and district
//! administrators use it: the interest inventory one question at a time,
//! results and matches, occupation search, the career list and the
//! exploration log, the postsecondary plan, the district's pathways, and
//! O*NET loads that refuse bad files.

use ssp_domain::career::items::ITEMS;
use ssp_domain::career::Area;
use ssp_testkit::{TestApp, TestClient};
use uuid::Uuid;

/// Answers every item: Social 4, Investigative 3, the rest 1 (code "SIR":
/// the four areas tied at 10 fall to RIASEC order).
async fn answer_all(c: &TestClient, me: Uuid) -> Option<String> {
    let mut last = None;
    for (i, item) in ITEMS.iter().enumerate() {
        let v = match item.area {
            Area::Social => "4",
            Area::Investigative => "3",
            _ => "1",
        };
        c.get(&format!("/students/{me}/career/inventory?item={i}")).await;
        let res = c
            .post_form(
                &format!("/students/{me}/career/inventory"),
                &[("item", &i.to_string()), ("answer", v)],
            )
            .await;
        assert_eq!(res.status, 303, "item {i}: {}", res.text);
        last = res.location().map(str::to_owned);
    }
    last
}

#[tokio::test]
async fn a_student_answers_the_inventory_one_question_at_a_time_and_sees_their_code() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let first = c.get(&format!("/students/{me}/career/inventory")).await;
    assert_eq!(first.status, 200);
    assert!(first.text.contains("Question 1 of 60"), "{}", first.text);
    assert!(first.text.contains(ITEMS[0].en));
    assert!(first.text.contains("<progress"), "progress is shown");
    let done = answer_all(&c, me).await;
    assert_eq!(done.as_deref(), Some(format!("/students/{me}/career/results").as_str()));
    let results = c.get(&format!("/students/{me}/career/results")).await;
    assert_eq!(results.status, 200);
    assert!(
        results.text.contains("<span class=\"badge\">SIR</span>"),
        "{}",
        results.text
    );
    assert!(
        results.text.contains("<svg class=\"chart bars\""),
        "an SVG chart of the scores"
    );
    assert!(
        results.text.contains("<strong>Social</strong> — 40 / 40"),
        "{}",
        results.text
    );
    assert!(results.text.contains("<strong>Investigative</strong> — 30 / 40"));
    assert_eq!(app.count_audit("career_inventory_completed").await, 1);
    assert_eq!(app.count_audit("career_inventory_answered").await, 59);
    // In Spanish, the same question in Spanish.
    let es = app.signed_in("demo.student").await;
    es.get("/").await;
    es.post_form("/language", &[("lang", "es"), ("return_to", "/")]).await;
    let q = es.get(&format!("/students/{me}/career/inventory?item=1")).await;
    assert!(q.text.contains(ITEMS[1].es), "{}", q.text);
    assert!(q.text.contains("Pregunta 2 de 60"));
}

#[tokio::test]
async fn a_half_finished_inventory_is_kept_as_a_draft_and_never_scored() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    for i in 0..5 {
        c.get(&format!("/students/{me}/career/inventory?item={i}")).await;
        let r = c
            .post_form(
                &format!("/students/{me}/career/inventory"),
                &[("item", &i.to_string()), ("answer", "4")],
            )
            .await;
        assert_eq!(
            r.location(),
            Some(format!("/students/{me}/career/inventory?item={}", i + 1).as_str())
        );
    }
    // Leave and come back: the next question is the sixth.
    let c = app.signed_in("demo.student").await;
    let back = c.get(&format!("/students/{me}/career/inventory")).await;
    assert!(back.text.contains("Question 6 of 60"), "{}", back.text);
    let career = c.get(&format!("/students/{me}/career")).await;
    assert!(career.text.contains("In progress: 5 answered"), "{}", career.text);
    let results = c.get(&format!("/students/{me}/career/results")).await;
    assert!(results.text.contains("The scores appear when all 60 are answered."));
    assert!(!results.text.contains("chart bars"), "no scores for a draft");
    let matches = c.get(&format!("/students/{me}/career/matches")).await;
    assert!(
        matches.text.contains("Take the interest inventory first"),
        "{}",
        matches.text
    );
}

#[tokio::test]
async fn an_answer_off_the_scale_or_no_answer_changes_nothing() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let url = format!("/students/{me}/career/inventory");
    for (item, answer) in [("0", "7"), ("60", "2"), ("x", "1"), ("0", "-1")] {
        c.get(&url).await;
        let r = c.post_form(&url, &[("item", item), ("answer", answer)]).await;
        assert_eq!(r.status, 422, "{item}/{answer}");
    }
    c.get(&url).await;
    let r = c.post_form(&url, &[("item", "0"), ("answer", "")]).await;
    assert_eq!(r.status, 422);
    assert!(r.text.contains("Choose one answer, then press Next."));
    let rows = app
        .texts("SELECT answers FROM career_inventories WHERE student_id = $1", &[me])
        .await;
    assert!(rows.is_empty(), "nothing was stored: {rows:?}");
}

#[tokio::test]
async fn matches_rank_every_rated_occupation_and_list_the_unrated_ones() {
    let app = TestApp::with_demo().await;
    app.load_occupations().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    answer_all(&c, me).await;
    let all = c.get(&format!("/students/{me}/career/matches")).await;
    assert_eq!(all.status, 200);
    assert!(all.text.contains("923 careers ranked"), "{}", all.text);
    assert!(all.text.contains("93 careers have no interest ratings in O*NET"));
    assert!(all.text.contains("Shares your top interests: Social"));
    assert!(all.text.contains("O*NET 29.3 Database"), "the attribution is shown");
    // Only extensive preparation (job zone 5: 154 occupations).
    let five = c.get(&format!("/students/{me}/career/matches?zone=5")).await;
    assert!(five.text.contains("154 careers ranked"), "{}", five.text);
    assert!(
        five.text.contains("93 careers have no interest ratings"),
        "never silently dropped"
    );
    // The counselor sees the same, audited.
    let before = app.count_audit("record_viewed").await;
    let counselor = app.signed_in("demo.counselor").await;
    assert_eq!(
        counselor.get(&format!("/students/{me}/career/matches")).await.status,
        200
    );
    assert!(app.count_audit("record_viewed").await > before);
}

#[tokio::test]
async fn occupation_search_finds_titles_and_alternate_titles_with_filters() {
    let app = TestApp::with_demo().await;
    app.load_occupations().await;
    let c = app.signed_in("demo.student").await;
    for (q, expect) in [
        ("nurse", "Registered Nurses"),
        ("coder", "Computer Programmers"),
        ("vet", "Veterinarians"),
    ] {
        let page = c.get(&format!("/careers?q={q}")).await;
        assert_eq!(page.status, 200);
        assert!(page.text.contains(expect), "{q}: {}", page.text);
    }
    let none = c.get("/careers?q=zzzzqqq").await;
    assert!(none.text.contains("No careers match"));
    let zone = c.get("/careers?zone=5&area=investigative").await;
    assert!(
        zone.text.contains("Extensive preparation") || zone.text.contains("job-zone-5"),
        "{}",
        zone.text
    );
    assert!(!zone.text.contains("Little or no preparation</td>"));
    // An occupation's page: description, chart, preparation, related, attribution.
    let nurse = c.get("/careers/29-1141.00").await;
    assert_eq!(nurse.status, 200);
    assert!(nurse.text.contains("Registered Nurses"));
    assert!(nurse.text.contains("chart bars"));
    assert!(nurse.text.contains("Related careers"));
    assert!(nurse.text.contains("CC BY 4.0"));
    // An occupation O*NET has no ratings for is found and says so.
    let unrated = c.get("/careers?q=all%20other").await;
    assert!(
        unrated.text.contains("O*NET has no interest ratings for this career."),
        "{}",
        unrated.text
    );
    assert_eq!(c.get("/careers/99-9999.99").await.status, 404);
    assert_eq!(c.get("/careers/clusters").await.status, 200);
}

#[tokio::test]
async fn a_student_keeps_a_career_list_and_logs_explorations_as_goal_evidence() {
    let app = TestApp::with_demo().await;
    app.load_occupations().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    c.get("/careers/29-1131.00").await;
    let r = c
        .post_form(
            &format!("/students/{me}/career/saved"),
            &[
                ("code", "29-1131.00"),
                ("note", "I love animals"),
                ("back", "/careers/29-1131.00"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    assert_eq!(r.location(), Some("/careers/29-1131.00"));
    c.get("/careers").await;
    let bad = c
        .post_form(
            &format!("/students/{me}/career/saved"),
            &[("code", "00-0000.00"), ("note", "")],
        )
        .await;
    assert_eq!(bad.status, 400, "an unknown occupation code is refused");
    let page = c.get(&format!("/students/{me}/career")).await;
    assert!(page.text.contains("Veterinarians"));
    assert!(page.text.contains("I love animals"));
    assert_eq!(
        app.texts("SELECT code FROM saved_careers WHERE student_id = $1", &[me])
            .await,
        vec!["29-1131.00".to_owned()]
    );
    // A career goal, then an exploration as its evidence.
    c.get(&format!("/students/{me}/goals/new")).await;
    let goal = c
        .post_form(
            &format!("/students/{me}/goals"),
            &[
                ("domain", "career"),
                ("statement", "Shadow a veterinarian this year"),
                ("why_it_matters", "To see if it fits me"),
                ("measure_kind", "yes_no"),
                ("baseline", "0"),
                ("target", "1"),
                ("due_date", "2027-06-15"),
                ("cadence", "monthly"),
            ],
        )
        .await;
    assert_eq!(goal.status, 303, "{}", goal.text);
    let goal_id = goal.location().and_then(|l| l.rsplit('/').next()).unwrap().to_owned();
    c.get(&format!("/students/{me}/career")).await;
    let bad = c
        .post_form(
            &format!("/students/{me}/career/explorations"),
            &[
                ("kind", "job_shadow"),
                ("occurred_on", "2026-10-20"),
                ("title", "Clinic visit"),
                ("reflection", ""),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text.contains("Write what you learned"));
    assert!(bad.text.contains("Clinic visit"), "what was typed is kept");
    c.get(&format!("/students/{me}/career")).await;
    let ok = c
        .post_form(
            &format!("/students/{me}/career/explorations"),
            &[
                ("kind", "job_shadow"),
                ("occurred_on", "2026-10-20"),
                ("title", "Clinic visit"),
                ("reflection", "The vet tech did more than I expected."),
                ("code", "29-1131.00"),
                ("goal", &goal_id),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.text);
    let page = c.get(&format!("/students/{me}/career")).await;
    assert!(page.text.contains("The vet tech did more than I expected."));
    assert!(page
        .text
        .contains("Evidence for the goal: Shadow a veterinarian this year"));
    // Removing a saved career.
    c.get(&format!("/students/{me}/career")).await;
    let rm = c
        .post_form(&format!("/students/{me}/career/saved/29-1131.00/remove"), &[])
        .await;
    assert_eq!(rm.status, 303);
    assert!(app
        .texts("SELECT code FROM saved_careers WHERE student_id = $1", &[me])
        .await
        .is_empty());
}

#[tokio::test]
async fn guardians_read_the_career_pages_and_only_the_student_writes_them() {
    let app = TestApp::with_demo().await;
    app.load_occupations().await;
    let me = app.person("demo.student").await;
    let guardian = app.signed_in("demo.guardian").await;
    let before = app.count_audit("record_viewed").await;
    let page = guardian.get(&format!("/students/{me}/career")).await;
    assert_eq!(page.status, 200);
    assert!(page
        .text
        .contains("The student hasn't taken the interest inventory yet."));
    assert!(
        app.count_audit("record_viewed").await > before,
        "a guardian's read is audited"
    );
    // The inventory link takes family to the results, never to answering.
    let inv = guardian.get(&format!("/students/{me}/career/inventory")).await;
    assert_eq!(inv.status, 303);
    for (url, fields) in [
        (
            format!("/students/{me}/career/inventory"),
            vec![("item", "0"), ("answer", "2")],
        ),
        (
            format!("/students/{me}/career/saved"),
            vec![("code", "29-1141.00"), ("note", "")],
        ),
        (
            format!("/students/{me}/postsecondary/paths"),
            vec![("path", "four_year")],
        ),
    ] {
        guardian.get(&format!("/students/{me}/career")).await;
        // A guardian reads the plan but may not edit it: the access module
        // answers not found (and audits it), as for every plan write.
        let r = guardian.post_form(&url, &fields).await;
        assert_eq!(r.status, 404, "{url}");
    }
    assert!(app
        .texts("SELECT code FROM saved_careers WHERE student_id = $1", &[me])
        .await
        .is_empty());
    // Someone with no tie to the student: not found, and the refusal audited.
    let stranger = super::access::outsider(&app).await;
    let denied = app.count_audit("access_denied").await;
    assert_eq!(stranger.get(&format!("/students/{me}/career")).await.status, 404);
    assert_eq!(app.count_audit("access_denied").await, denied + 1);
}

#[tokio::test]
async fn the_postsecondary_plan_is_the_students_with_comments_from_the_counselor() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    let url = format!("/students/{me}/postsecondary");
    let page = c.get(&url).await;
    assert_eq!(page.status, 200);
    assert!(
        page.text.contains("Submit the FAFSA") || page.text.contains("FAFSA"),
        "key steps are listed"
    );
    let r = c
        .post_form(
            &format!("{url}/paths"),
            &[("path", "two_year"), ("path", "apprenticeship")],
        )
        .await;
    assert_eq!(r.status, 303);
    c.get(&url).await;
    let none = c.post_form(&format!("{url}/paths"), &[]).await;
    assert_eq!(none.status, 422);
    assert!(none.text.contains("Choose at least one path."));
    c.get(&url).await;
    let r = c
        .post_form(
            &format!("{url}/programs"),
            &[
                ("name", "Gateway Community College — Nursing"),
                ("path", "two_year"),
                ("status", "researching"),
                ("note", ""),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    let program = app
        .query_id("SELECT id FROM postsecondary_programs WHERE student_id = $1", &[me])
        .await
        .unwrap();
    c.get(&url).await;
    let r = c
        .post_form(&format!("{url}/programs/{program}/status"), &[("status", "applying")])
        .await;
    assert_eq!(r.status, 303);
    c.get(&url).await;
    let bad = c
        .post_form(&format!("{url}/programs/{program}/status"), &[("status", "maybe")])
        .await;
    assert_eq!(bad.status, 422);
    c.get(&url).await;
    let r = c
        .post_form(
            &format!("{url}/steps"),
            &[("title", "Ask Ms. Diaz for a reference"), ("due_on", "2027-03-01")],
        )
        .await;
    assert_eq!(r.status, 303);
    let student_view = c.get(&url).await;
    assert!(
        student_view.text.contains("Working on the application"),
        "{}",
        student_view.text
    );
    assert!(student_view.text.contains("Ask Ms. Diaz for a reference"));
    // The student cannot comment; the counselor can, and cannot change the plan.
    let r = c
        .post_form(&format!("{url}/comments"), &[("body", "note to self")])
        .await;
    assert_eq!(r.status, 403);
    let counselor = app.signed_in("demo.counselor").await;
    counselor.get(&url).await;
    let r = counselor
        .post_form(
            &format!("{url}/comments"),
            &[("body", "Look at the CNA certificate too.")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    counselor.get(&url).await;
    let r = counselor
        .post_form(
            &format!("{url}/programs"),
            &[("name", "X"), ("path", "work"), ("status", "applied")],
        )
        .await;
    assert_eq!(r.status, 403);
    // The guardian sees the plan and the comment.
    let guardian = app.signed_in("demo.guardian").await;
    let g = guardian.get(&url).await;
    assert!(g.text.contains("Gateway Community College"));
    assert!(g.text.contains("Look at the CNA certificate too."));
    assert!(g.text.contains("Two-year community or technical college"), "{}", g.text);
}

#[tokio::test]
async fn a_district_keeps_its_pathways_linked_to_clusters() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    assert_eq!(admin.get("/admin/pathways").await.status, 200);
    let r = admin
        .post_form(
            "/admin/pathways",
            &[
                ("name", "Health Sciences Academy"),
                ("description", "Grades 9–12"),
                ("cluster_2024", "healthcare_human_services"),
                ("legacy_cluster", ""),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    admin.get("/admin/pathways").await;
    let dup = admin
        .post_form(
            "/admin/pathways",
            &[
                ("name", "Health Sciences Academy"),
                ("cluster_2024", "healthcare_human_services"),
            ],
        )
        .await;
    assert_eq!(dup.status, 422);
    assert!(dup.text.contains("already has a pathway with that name"));
    admin.get("/admin/pathways").await;
    let none = admin.post_form("/admin/pathways", &[("name", "Nowhere")]).await;
    assert_eq!(none.status, 422);
    assert!(none.text.contains("Choose at least one career cluster."));
    let page = admin.get("/admin/pathways").await;
    assert!(page.text.contains("Health Sciences Academy"));
    // Students find the district's pathways beside the clusters.
    let student = app.signed_in("demo.student").await;
    let clusters = student.get("/careers/clusters").await;
    assert!(clusters.text.contains("Health Sciences Academy"));
    assert!(clusters.text.contains("/careers?cluster=healthcare_human_services"));
    let counselor = app.signed_in("demo.counselor").await;
    assert_eq!(counselor.get("/admin/pathways").await.status, 404);
}

#[tokio::test]
async fn a_bad_onet_release_is_refused_and_changes_nothing() {
    use ssp_app::career::onet::{self, OnetFiles};
    let app = TestApp::new().await;
    app.load_occupations().await;
    let loads = app.texts("SELECT release FROM occupation_loads", &[]).await;
    assert_eq!(loads.len(), 1);
    let mut files = OnetFiles::shipped();
    files.texts[1] = files.texts[1].replacen("\t1.30\t", "\tlots\t", 1);
    let refused = onet::load(&app.state, &files, "bad", "test").await.unwrap();
    let problems = refused.unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("Interests.txt: line") && p.contains("Data Value")),
        "{problems:?}"
    );
    assert_eq!(app.texts("SELECT release FROM occupation_loads", &[]).await.len(), 1);
    // A newer release with one occupation retitled: reported as changed.
    let mut newer = OnetFiles::shipped();
    newer.texts[0] = newer.texts[0].replacen("Registered Nurses", "Registered Nurses (RN)", 1);
    let report = onet::load(&app.state, &newer, "30.1", "test").await.unwrap().unwrap();
    assert_eq!(report.changed, vec!["29-1141.00".to_owned()]);
    assert!(report.added.is_empty() && report.removed.is_empty());
    assert!(
        report.summary().contains("1 changed (29-1141.00)"),
        "{}",
        report.summary()
    );
}

#[tokio::test]
async fn the_caseload_shows_interest_codes_and_finds_students_interested_in_a_cluster() {
    let app = TestApp::with_demo().await;
    app.load_occupations().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    answer_all(&c, me).await;
    c.get("/careers/29-1141.00").await;
    c.post_form(
        &format!("/students/{me}/career/saved"),
        &[("code", "29-1141.00"), ("note", "")],
    )
    .await;
    let counselor = app.signed_in("demo.counselor").await;
    let family = app
        .texts("SELECT family_name FROM persons WHERE id = $1", &[me])
        .await
        .remove(0);
    let list = counselor.get(&format!("/students?view=all&q={family}")).await;
    assert_eq!(list.status, 200);
    assert!(list.text.contains("Interest inventory"));
    assert!(list.text.contains("<td>SIR</td>"), "{}", list.text);
    let everyone = counselor.get("/students?view=all").await;
    assert!(everyone.text.contains("<td>Not taken</td>"));
    let health = counselor
        .get("/students?view=all&cluster=healthcare_human_services")
        .await;
    assert_eq!(health.status, 200);
    assert!(health.text.contains(&format!("/students/{me}\"")), "{}", health.text);
    assert_eq!(
        health.text.matches("<td><a href=\"/students/").count(),
        1,
        "only the student who saved a health career"
    );
    assert_eq!(counselor.get("/students?view=all&cluster=astrology").await.status, 400);
}

#[tokio::test]
async fn the_interest_code_values_and_strengths_feed_the_plans_profile() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let c = app.signed_in("demo.student").await;
    answer_all(&c, me).await;
    c.get(&format!("/students/{me}/career/strengths")).await;
    let mut fields = vec![("r0".to_owned(), "4".to_owned()), ("r1".to_owned(), "1".to_owned())];
    fields.push(("r11".to_owned(), "9".to_owned()));
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let bad = c.post_form(&format!("/students/{me}/career/strengths"), &refs).await;
    assert_eq!(bad.status, 422, "a rating off the scale refuses the form");
    c.get(&format!("/students/{me}/career/strengths")).await;
    let ok = c
        .post_form(&format!("/students/{me}/career/strengths"), &refs[..2])
        .await;
    assert_eq!(ok.status, 303);
    let plan = c.get(&format!("/students/{me}")).await;
    assert!(
        plan.text.contains("SIR (Social, Investigative, Realistic)"),
        "{}",
        plan.text
    );
    let strength = ssp_domain::career::values::STRENGTHS[0];
    let name = ssp_web::i18n::t(ssp_domain::Language::En, &format!("strength-{strength}"));
    assert!(plan.text.contains(&name), "the top strength is on the profile");
}

#[tokio::test]
async fn completing_the_inventory_marks_the_grade_6_activity_done() {
    let app = TestApp::with_demo().await;
    let sixth = app
        .query_id(
            "SELECT s.person_id FROM students s JOIN accounts a ON a.person_id = s.person_id \
             WHERE s.grade_level = 6 AND s.status = 'active' ORDER BY s.person_id LIMIT 1",
            &[],
        )
        .await
        .expect("a grade-6 student with an account");
    let username = app.username_of(sixth).await;
    let c = app.signed_in(&username).await;
    let before = c.get(&format!("/students/{sixth}")).await;
    assert!(before.text.contains("Take the interest inventory"));
    answer_all(&c, sixth).await;
    let states = app
        .texts(
            "SELECT state FROM student_activities WHERE student_id = $1 AND activity_key = 'g6_interest_inventory'",
            &[sixth],
        )
        .await;
    assert_eq!(states, vec!["done".to_owned()]);
}

#[tokio::test]
async fn who_may_read_write_and_comment_on_career_records() {
    let app = TestApp::with_demo().await;
    app.load_occupations().await;
    let me = app.person("demo.student").await;
    let career = format!("/students/{me}/career");
    let saved = format!("/students/{me}/career/saved");
    let comment = format!("/students/{me}/postsecondary/comments");
    // (persona, read the career page, save a career, comment on the postsecondary plan)
    let table: [(&str, u16, u16, u16); 6] = [
        ("demo.student", 200, 303, 403),
        ("demo.guardian", 200, 404, 404),
        ("demo.counselor", 200, 403, 303),
        ("demo.teacher", 200, 404, 404),
        ("demo.districtadmin", 200, 404, 404),
        ("outsider", 404, 404, 404),
    ];
    for (who, read, save, note) in table {
        let c = if who == "outsider" {
            super::access::outsider(&app).await
        } else {
            app.signed_in(who).await
        };
        assert_eq!(c.get(&career).await.status, read, "{who} reads");
        c.get("/").await;
        let r = c.post_form(&saved, &[("code", "29-1141.00"), ("note", "")]).await;
        assert_eq!(r.status, save, "{who} saves a career");
        c.get("/").await;
        let r = c.post_form(&comment, &[("body", "Looks good.")]).await;
        assert_eq!(r.status, note, "{who} comments");
    }
    assert_eq!(
        app.texts("SELECT code FROM saved_careers WHERE student_id = $1", &[me])
            .await
            .len(),
        1
    );
    assert_eq!(
        app.texts("SELECT body FROM postsecondary_comments WHERE student_id = $1", &[me])
            .await,
        vec!["Looks good.".to_owned()]
    );
}
