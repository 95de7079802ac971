//! Privacy first: notes default to the staff-only class and say who will
//! read them, the team page lists everyone who can reach the record (one
//! row per person, answered by the access module), and the family's "who
//! viewed this plan" never reveals restricted or staff-only notes nor fills
//! up with the family's own visits to it.

use ssp_domain::person::PersonName;
use ssp_testkit::{TestApp, TestClient};
use uuid::Uuid;

async fn display_name(app: &TestApp, person: Uuid) -> String {
    let (given, family, preferred): (String, String, Option<String>) = ssp_db::with_reader!(&app.db, |p| {
        sqlx::query_as("SELECT given_name, family_name, preferred_name FROM persons WHERE id = $1")
            .bind(person)
            .fetch_one(p)
            .await
    })
    .expect("a person");
    PersonName {
        given,
        family,
        preferred,
    }
    .display()
}

/// The `<option>` values of the `<select id="…">` on a page, in order, and
/// which one is marked selected.
fn options(html: &str, select_id: &str) -> (Vec<String>, Option<String>) {
    let start = html
        .find(&format!("<select id=\"{select_id}\""))
        .unwrap_or_else(|| panic!("no select #{select_id} in {html}"));
    let end = html[start..].find("</select>").expect("closed select") + start;
    let mut values = Vec::new();
    let mut selected = None;
    for opt in html[start..end].split("<option").skip(1) {
        let tag = &opt[..opt.find('>').unwrap_or(opt.len())];
        let value = tag
            .split("value=\"")
            .nth(1)
            .and_then(|v| v.split('"').next())
            .unwrap_or_default()
            .to_owned();
        if tag.contains("selected") {
            selected = Some(value.clone());
        }
        values.push(value);
    }
    (values, selected)
}

async fn note_sensitivity(app: &TestApp, student: Uuid, body: &str) -> Option<String> {
    ssp_db::with_reader!(&app.db, |p| {
        sqlx::query_scalar("SELECT sensitivity FROM notes WHERE student_id = $1 AND body = $2")
            .bind(student)
            .bind(body)
            .fetch_optional(p)
            .await
    })
    .expect("query runs")
}

async fn interaction_sensitivity(app: &TestApp, student: Uuid, notes: &str) -> Option<String> {
    ssp_db::with_reader!(&app.db, |p| {
        sqlx::query_scalar("SELECT sensitivity FROM interactions WHERE student_id = $1 AND notes = $2")
            .bind(student)
            .bind(notes)
            .fetch_optional(p)
            .await
    })
    .expect("query runs")
}

// ---- 1. Notes and interactions default to staff only and say who reads them

const STAFF_HELP: &str = "<dt>Staff only</dt><dd>The plan manager, the SSP team, this student's teachers and other \
                          school staff with access to this student can read it; the student and family cannot.</dd>";

#[tokio::test]
async fn the_note_form_starts_on_staff_only_and_says_who_reads_each_class() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    for user in ["demo.counselor", "demo.nurse", "demo.teacher"] {
        let c = app.signed_in(user).await;
        let page = c.get(&format!("/students/{camila}/notes")).await;
        assert_eq!(page.status, 200, "{user}");
        let (values, selected) = options(&page.body, "note-class");
        assert_eq!(values.first().map(String::as_str), Some("staff"), "{user}: {values:?}");
        assert_eq!(selected.as_deref(), Some("staff"), "{user}: staff only is preselected");
        assert!(values.contains(&"shared".to_owned()), "{user} may still share");
        assert!(
            page.text.contains(STAFF_HELP),
            "{user}: the form says who reads a staff-only note: {}",
            page.text
        );
        assert!(
            page.text
                .contains("<dt>Shared with the student and family</dt><dd>The student and their parents"),
            "{user}: and who reads a shared one"
        );
    }
    // The nurse may also write health notes, and is told who reads those.
    let nurse = app.signed_in("demo.nurse").await;
    let page = nurse.get(&format!("/students/{camila}/notes")).await;
    assert!(
        page.text
            .contains("<dt>Restricted: health</dt><dd>Only the nurse and the plan manager"),
        "{}",
        page.text
    );
    assert!(
        !page.text.contains("Only the social worker"),
        "a class the nurse cannot write is not explained as a choice"
    );
}

#[tokio::test]
async fn a_note_posted_without_a_class_is_staff_only() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let counselor = app.signed_in("demo.counselor").await;
    counselor.get(&format!("/students/{camila}/notes")).await;
    let body = "Mentioned trouble at home during lunch";
    let res = counselor
        .post_form(&format!("/students/{camila}/notes"), &[("body", body)])
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_eq!(note_sensitivity(&app, camila, body).await.as_deref(), Some("staff"));
    let guardian = app.signed_in("demo.guardian").await;
    let notes = guardian.get(&format!("/students/{camila}/notes")).await;
    assert!(!notes.text.contains(body), "the family never sees it");
    let student = app.signed_in("demo.student").await;
    let notes = student.get(&format!("/students/{camila}/notes")).await;
    assert!(!notes.text.contains(body), "nor does the student");
}

#[tokio::test]
async fn the_interaction_form_starts_on_staff_only_and_says_who_reads_each_class() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let counselor = app.signed_in("demo.counselor").await;
    let page = counselor.get(&format!("/students/{camila}/interactions")).await;
    assert_eq!(page.status, 200);
    let (values, selected) = options(&page.body, "i-class");
    assert_eq!(values.first().map(String::as_str), Some("staff"), "{values:?}");
    assert_eq!(selected.as_deref(), Some("staff"));
    assert!(page.text.contains(STAFF_HELP), "{}", page.text);
    assert!(page
        .text
        .contains("<dt>Shared with the student and family</dt><dd>The student and their parents"));

    let notes = "Called about a family matter";
    let res = counselor
        .post_form(
            &format!("/students/{camila}/interactions"),
            &[("kind", "phone_call"), ("notes", notes)],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_eq!(
        interaction_sensitivity(&app, camila, notes).await.as_deref(),
        Some("staff"),
        "no class posted: staff only"
    );
    let guardian = app.signed_in("demo.guardian").await;
    let log = guardian.get(&format!("/students/{camila}/interactions")).await;
    assert!(!log.text.contains(notes));
}

// ---- 2. The team page's "who can see what"

/// The rows of the "who can see what" table: (who, cells).
fn who_sees(text: &str) -> Vec<(String, Vec<String>)> {
    let start = text.find("id=\"who-sees\"").expect("the who-sees section");
    let body = &text[start..];
    let body = &body[body.find("<tbody>").expect("a table body")..body.find("</tbody>").expect("closed")];
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            let who = row
                .split("<th scope=\"row\">")
                .nth(1)
                .and_then(|r| r.split("</th>").next())
                .unwrap_or_default()
                .trim()
                .to_owned();
            let cells = row
                .split("<td>")
                .skip(1)
                .map(|c| c.split("</td>").next().unwrap_or_default().trim().to_owned())
                .collect();
            (who, cells)
        })
        .collect()
}

/// Columns: plan, staff notes, health notes, social-services notes, who viewed.
const ALL: [&str; 5] = ["Yes", "Yes", "Yes", "Yes", "Yes"];
const FAMILY: [&str; 5] = ["Yes", "No", "No", "No", "Yes"];
const NOTHING: [&str; 5] = ["No", "No", "No", "No", "No"];

#[tokio::test]
async fn the_team_page_lists_everyone_who_can_reach_the_record_once() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let counselor = app.signed_in("demo.counselor").await;
    let page = counselor.get(&format!("/students/{camila}/team")).await;
    assert_eq!(page.status, 200);
    let rows = who_sees(&page.text);

    // (persona, expected cells; None: no row at all)
    let table: [(&str, Option<[&str; 5]>); 12] = [
        ("demo.student", Some(FAMILY)),
        ("demo.guardian", Some(FAMILY)),
        ("demo.guardian.es", Some(FAMILY)),
        // Plan manager, counselor on the team and at the school: one row.
        ("demo.counselor", Some(ALL)),
        ("demo.mentor", Some(["Yes", "Yes", "No", "No", "No"])),
        ("demo.teacher", Some(["Yes", "Yes", "No", "No", "No"])),
        ("demo.nurse", Some(["Yes", "Yes", "Yes", "With a reason", "No"])),
        ("demo.socialworker", Some(["Yes", "Yes", "With a reason", "Yes", "No"])),
        (
            "demo.schooladmin",
            Some(["Yes", "Yes", "With a reason", "With a reason", "Yes"]),
        ),
        // School-wide for the plan and staff notes, never restricted ones.
        ("demo.fps", Some(["Yes", "Yes", "No", "No", "No"])),
        ("demo.csc", Some(["Yes", "Yes", "No", "No", "No"])),
        // District administrators are summarised, not named.
        ("demo.districtadmin", None),
    ];
    for (user, expected) in table {
        let name = display_name(&app, app.person(user).await).await;
        let mine: Vec<_> = rows
            .iter()
            .filter(|(who, _)| who.starts_with(&format!("{name} (")))
            .collect();
        match expected {
            Some(cells) => {
                assert_eq!(mine.len(), 1, "{user} ({name}) has exactly one row: {rows:#?}");
                assert_eq!(mine[0].1, cells, "{user}: {:?}", mine[0].0);
            }
            None => assert!(mine.is_empty(), "{user} ({name}) has no row: {mine:?}"),
        }
    }
    let counselor_name = display_name(&app, app.person("demo.counselor").await).await;
    let counselor_row = rows
        .iter()
        .find(|(who, _)| who.starts_with(&format!("{counselor_name} (")))
        .unwrap();
    assert!(counselor_row.0.contains("Plan manager"), "{}", counselor_row.0);
    assert!(counselor_row.0.contains("Counselor"), "{}", counselor_row.0);

    let district: Vec<_> = rows
        .iter()
        .filter(|(who, _)| who.starts_with("District administrators ("))
        .collect();
    assert_eq!(district.len(), 1, "{rows:#?}");
    assert_eq!(district[0].0, "District administrators (1)");
    assert_eq!(district[0].1, ["Yes", "Yes", "With a reason", "With a reason", "Yes"]);

    // No person twice, no row that can see nothing but a family member.
    let mut labels: Vec<&String> = rows.iter().map(|(who, _)| who).collect();
    labels.sort();
    labels.dedup();
    assert_eq!(labels.len(), rows.len(), "one row per person: {rows:#?}");
    assert!(
        rows.iter().all(|(_, cells)| cells.len() == 5),
        "every row answers every column"
    );

    // Every other school-wide staff member of the school has a row too.
    let other_counselor = app
        .query_id(
            "SELECT a.person_id FROM staff_assignments a JOIN students s ON s.school_id = a.org_id \
             WHERE s.person_id = $1 AND a.role = 'counselor' AND a.status = 'active' AND a.person_id <> $2 \
             ORDER BY a.person_id LIMIT 1",
            &[camila, app.person("demo.counselor").await],
        )
        .await;
    if let Some(other) = other_counselor {
        let name = display_name(&app, other).await;
        let theirs: Vec<_> = rows
            .iter()
            .filter(|(who, _)| who.starts_with(&format!("{name} (")))
            .collect();
        assert_eq!(theirs.len(), 1, "{name}: {rows:#?}");
        assert_eq!(
            theirs[0].1,
            ["Yes", "Yes", "With a reason", "With a reason", "No"],
            "{name}"
        );
    }
}

#[tokio::test]
async fn a_new_team_member_and_a_guardian_without_rights_are_answered_on_merged_facts() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let team_url = format!("/students/{camila}/team");
    let fps = app.person("demo.fps").await;
    let nurse = app.person("demo.nurse").await;
    let counselor = app.signed_in("demo.counselor").await;
    for (staff, role) in [(fps, "family_partnership_specialist"), (nurse, "nurse")] {
        counselor.get(&team_url).await;
        let res = counselor
            .post_form(&team_url, &[("staff_id", &staff.to_string()), ("team_role", role)])
            .await;
        assert_eq!(res.status, 303, "{}", res.text);
    }
    let g = app.person("demo.guardian").await;
    app.execute(
        "UPDATE guardian_links SET educational_rights = FALSE WHERE guardian_id = $1 AND student_id = $2",
        &[g, camila],
    )
    .await;
    let rows = who_sees(&counselor.get(&team_url).await.text);
    let table: [(&str, [&str; 5]); 3] = [
        ("demo.fps", ["Yes", "Yes", "No", "No", "No"]),
        // On the team and at the school as nurse: one row, not two.
        ("demo.nurse", ["Yes", "Yes", "Yes", "With a reason", "No"]),
        ("demo.guardian", NOTHING),
    ];
    for (user, cells) in table {
        let name = display_name(&app, app.person(user).await).await;
        let mine: Vec<_> = rows
            .iter()
            .filter(|(who, _)| who.starts_with(&format!("{name} (")))
            .collect();
        assert_eq!(mine.len(), 1, "{user}: {rows:#?}");
        assert_eq!(mine[0].1, cells, "{user}");
    }
}

#[tokio::test]
async fn the_team_page_for_an_adult_student_shows_guardians_cannot_see_until_shared() {
    let app = TestApp::with_demo().await;
    let guardian = app.person("demo.guardian").await;
    let mateo = app
        .query_id(
            "SELECT g.student_id FROM guardian_links g JOIN students s ON s.person_id = g.student_id \
             WHERE g.guardian_id = $1 AND s.grade_level = 12",
            &[guardian],
        )
        .await
        .expect("the showcase family has an 18-year-old");
    let admin = app.signed_in("demo.schooladmin").await;
    let rows = who_sees(&admin.get(&format!("/students/{mateo}/team")).await.text);
    let name = display_name(&app, guardian).await;
    let theirs: Vec<_> = rows
        .iter()
        .filter(|(who, _)| who.starts_with(&format!("{name} (")))
        .collect();
    assert_eq!(theirs.len(), 1, "{rows:#?}");
    assert_eq!(theirs[0].1, NOTHING, "an adult student's plan is not shared by default");
    let mateo_name = display_name(&app, mateo).await;
    let own: Vec<_> = rows
        .iter()
        .filter(|(who, _)| who.starts_with(&format!("{mateo_name} (")))
        .collect();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].1, FAMILY);
}

// ---- 4. Who viewed this plan, as the family sees it

async fn access_log_rows(c: &TestClient, student: Uuid) -> Vec<Vec<String>> {
    let page = c.get(&format!("/students/{student}/access-log")).await;
    assert_eq!(page.status, 200);
    let Some(start) = page.text.find("<tbody>") else {
        return vec![];
    };
    let body = &page.text[start..page.text.find("</tbody>").expect("closed")];
    body.split("<tr>")
        .skip(1)
        .map(|r| {
            r.split("<td>")
                .skip(1)
                .map(|c| c.split("</td>").next().unwrap_or_default().to_owned())
                .collect()
        })
        .collect()
}

/// Signed in and reading English (the second parent's account is Spanish).
async fn in_english(app: &TestApp, user: &str) -> TestClient {
    let c = app.signed_in(user).await;
    c.get("/").await;
    let res = c.post_form("/language", &[("lang", "en"), ("return_to", "/")]).await;
    assert_eq!(res.status, 303);
    c
}

/// Staff open every kind of note about Camila, and one breaks glass.
async fn staff_read_everything(app: &TestApp, camila: Uuid) {
    let nurse = app.signed_in("demo.nurse").await;
    nurse.get(&format!("/students/{camila}/notes")).await;
    let res = nurse
        .post_form(
            &format!("/students/{camila}/notes"),
            &[
                ("body", "Takes an inhaler before PE"),
                ("sensitivity", "restricted_health"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    nurse.get(&format!("/students/{camila}/notes")).await;
    let sw = app.signed_in("demo.socialworker").await;
    sw.get(&format!("/students/{camila}/notes")).await;
    let res = sw
        .post_form(
            &format!("/students/{camila}/notes"),
            &[("body", "Housing referral made"), ("sensitivity", "restricted_social")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    sw.get(&format!("/students/{camila}/interactions")).await;
    let counselor = app.signed_in("demo.counselor").await;
    counselor.get(&format!("/students/{camila}")).await;
    counselor.get(&format!("/students/{camila}/notes")).await;
    let admin = app.signed_in("demo.schooladmin").await;
    admin.get(&format!("/students/{camila}/notes")).await;
    let opened = admin
        .post_form(
            &format!("/students/{camila}/notes/break-glass"),
            &[
                ("sensitivity", "restricted_health"),
                ("reason", "Student unwell in class, nurse is out"),
            ],
        )
        .await;
    assert_eq!(opened.status, 200);
}

#[tokio::test]
async fn the_family_access_log_never_reveals_restricted_or_staff_only_notes() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    staff_read_everything(&app, camila).await;

    // The plan manager sees every row, so the rows are there to hide.
    let pm_rows = access_log_rows(&app.signed_in("demo.counselor").await, camila).await;
    let kinds: Vec<&str> = pm_rows.iter().map(|r| r[3].as_str()).collect();
    for kind in ["Health notes", "Social-services notes", "Staff notes", "Plan"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    assert!(pm_rows.iter().any(|r| r[2] == "Emergency access with a stated reason"));

    for user in ["demo.guardian", "demo.guardian.es", "demo.student"] {
        let c = in_english(&app, user).await;
        let rows = access_log_rows(&c, camila).await;
        assert!(
            rows.iter().any(|r| r[3] == "Plan"),
            "{user} still sees who opened the plan: {rows:?}"
        );
        for r in &rows {
            assert!(
                ["Plan", "Shared notes", "Team", "Comments", "Sharing choice"].contains(&r[3].as_str()),
                "{user} sees only kinds a family may read: {r:?}"
            );
            assert_ne!(r[2], "Emergency access with a stated reason", "{user}: {r:?}");
        }
        let page = c.get(&format!("/students/{camila}/access-log")).await;
        for hidden in ["Health notes", "Social-services notes", "Staff notes", "restricted"] {
            assert!(!page.text.contains(hidden), "{user}: {hidden}");
        }
    }
}

#[tokio::test]
async fn reading_the_access_log_adds_no_row_to_it() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    app.signed_in("demo.counselor")
        .await
        .get(&format!("/students/{camila}"))
        .await;
    let guardian = app.signed_in("demo.guardian").await;
    let other_parent = in_english(&app, "demo.guardian.es").await;
    let first = access_log_rows(&guardian, camila).await;
    assert!(!first.is_empty(), "the counselor's view is listed");
    for _ in 0..3 {
        access_log_rows(&guardian, camila).await;
        access_log_rows(&other_parent, camila).await;
    }
    let again = access_log_rows(&guardian, camila).await;
    assert_eq!(again, first, "the family's own visits to the log are not listed");
    assert_eq!(access_log_rows(&other_parent, camila).await, first);
    assert!(again.iter().all(|r| r[3] != "Who viewed the plan"), "{again:?}");

    // Staff reading someone else's log is still in the audit log.
    let admin_id = app.person("demo.schooladmin").await;
    let before = access_log_audits(&app, camila, admin_id).await;
    let admin = app.signed_in("demo.schooladmin").await;
    access_log_rows(&admin, camila).await;
    assert_eq!(access_log_audits(&app, camila, admin_id).await, before + 1);
    assert_eq!(
        access_log_rows(&guardian, camila).await,
        first,
        "and not shown to the family"
    );
}

async fn access_log_audits(app: &TestApp, student: Uuid, actor: Uuid) -> i64 {
    ssp_db::with_reader!(&app.db, |p| sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'record_viewed' AND record_kind = 'access_log' \
         AND student_id = $1 AND actor_person_id = $2"
    )
    .bind(student)
    .bind(actor)
    .fetch_one(p)
    .await)
    .unwrap()
}
