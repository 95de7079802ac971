//! Students who need support as a district, a counselor and a family meet
//! it: indicator files loaded all or nothing with every row problem named,
//! flags raised at once with an owner, the numbers and the as-of date,
//! routed by kind, cleared when the data drops below the rule; thresholds
//! and next steps refused with a clear message; flags hidden from anyone
//! outside the staff circle.

use ssp_testkit::{TestApp, TestResponse};
use uuid::Uuid;

use crate::academics::{api_token, local_id};

pub(crate) async fn upload(app: &TestApp, kind: &str, csv: &str) -> TestResponse {
    let admin = app.signed_in("demo.districtadmin").await;
    let token = admin.get("/admin/support").await.csrf().expect("the page's form token");
    admin
        .post_multipart(
            &format!("/admin/support/upload?csrf={token}"),
            &[("kind", kind)],
            &[("file", "file.csv", csv.as_bytes())],
        )
        .await
}

fn attendance(local: &str, enrolled: u32, absent: u32) -> String {
    format!(
        "studentUniqueId,daysEnrolled,excusedAbsences,unexcusedAbsences,disciplinaryAbsences,asOfDate,sourceSystem\n\
         {local},{enrolled},{},{},0,2026-10-30,sis nightly\n",
        absent / 2,
        absent - absent / 2
    )
}

async fn flag_of(app: &TestApp, student: Uuid, kind: &str) -> Option<(String, Uuid, String)> {
    let status = app
        .texts(
            &format!("SELECT status FROM flags WHERE student_id = $1 AND kind = '{kind}'"),
            &[student],
        )
        .await;
    let owner = app
        .query_id(
            &format!("SELECT owner_id FROM flags WHERE student_id = $1 AND kind = '{kind}'"),
            &[student],
        )
        .await;
    let basis = app
        .texts(
            &format!("SELECT owner_basis FROM flags WHERE student_id = $1 AND kind = '{kind}'"),
            &[student],
        )
        .await;
    Some((status.first()?.clone(), owner?, basis.first()?.clone()))
}

#[tokio::test]
async fn an_attendance_file_with_row_problems_names_each_and_applies_nothing() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let local = local_id(&app, me).await;
    let csv = format!(
        "studentUniqueId,daysEnrolled,excusedAbsences,unexcusedAbsences,disciplinaryAbsences,asOfDate\n\
         {local},120,3,2,0,2026-10-30\n\
         NOBODY-9,120,0,0,0,2026-10-30\n\
         {local},10,6,6,0,2026-10-30\n\
         {local},120,0,0,0,2027-01-15\n\
         {local},ten,0,-1,0,2026-10-30\n"
    );
    let res = upload(&app, "attendance", &csv).await;
    assert_eq!(res.status, 422, "{}", res.text);
    for want in [
        "Line 3, column studentUniqueId: no student in this district has this id.",
        "Line 4, column daysEnrolled: the days absent add up to more than the days enrolled.",
        "Line 5, column asOfDate: the date is in the future.",
        "Line 6, column daysEnrolled: this is not a whole number.",
        "Line 6, column unexcusedAbsences: the number cannot be negative.",
        "Nothing was loaded: 5 problem(s) in the file.",
    ] {
        assert!(res.text.contains(want), "{want} in {}", res.text);
    }
    let rows = app.texts("SELECT source FROM attendance_readings", &[]).await;
    assert!(rows.is_empty(), "the good row was not applied either: {rows:?}");
    assert_eq!(app.count_audit("support_data_loaded").await, 0);
}

#[tokio::test]
async fn a_load_opens_a_chronic_absence_flag_owned_by_the_plan_manager_with_its_numbers() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let local = local_id(&app, me).await;
    let res = upload(&app, "attendance", &attendance(&local, 120, 14)).await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert!(res.text.contains("1 row(s) new or changed"), "{}", res.text);
    let (status, owner, basis) = flag_of(&app, me, "chronic_absence").await.expect("a flag");
    assert_eq!(status, "open");
    assert_eq!(owner, app.person("demo.counselor").await, "the plan manager owns it");
    assert_eq!(basis, "plan_manager");
    assert_eq!(app.count_audit("flag_raised").await, 1);

    let counselor = app.signed_in("demo.counselor").await;
    let page = counselor.get(&format!("/students/{me}/flags")).await;
    assert_eq!(page.status, 200);
    for want in [
        "Chronic absence",
        "Rule: missed at least 10 % of enrolled days, once enrolled 20 days or more.",
        "Absent 14 of 120 days (11.7 %): 7 excused, 7 unexcused, 0 disciplinary.",
        "Data as of",
        "sis nightly",
        "plan manager",
        "Review the data and contact the student and family.",
    ] {
        assert!(page.text.contains(want), "{want} in {}", page.text);
    }
    let mine = counselor.get("/flags").await;
    assert!(
        mine.text.contains(&format!("/students/{me}/flags#flag-")),
        "{}",
        mine.text
    );

    // The same file again changes nothing.
    let again = upload(&app, "attendance", &attendance(&local, 120, 14)).await;
    assert!(
        again.text.contains("0 row(s) new or changed, 1 unchanged"),
        "{}",
        again.text
    );
    assert_eq!(app.count_audit("flag_raised").await, 1);
}

#[tokio::test]
async fn routing_sends_attendance_flags_to_the_family_partnership_specialist() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    admin.get("/admin/support").await;
    let res = admin
        .post_form(
            "/admin/support/settings",
            &[
                ("chronic_absence_percent", "10"),
                ("min_days_enrolled", "20"),
                ("suspension_days", "1"),
                ("low_gpa", "2.00"),
                ("stale_after_days", "45"),
                ("grade9_min_credits", "5"),
                ("grade9_max_core_fs", "1"),
                ("route_chronic_absence", "family_partnership_specialist"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let me = app.person("demo.student").await;
    let local = local_id(&app, me).await;
    upload(&app, "attendance", &attendance(&local, 120, 14)).await;
    let (_, owner, basis) = flag_of(&app, me, "chronic_absence").await.expect("a flag");
    assert_eq!(basis, "routed:family_partnership_specialist");
    let is_fps = app
        .query_id(
            "SELECT a.person_id FROM staff_assignments a JOIN students s ON s.school_id = a.org_id \
             WHERE s.person_id = $1 AND a.person_id = $2 AND a.role = 'family_partnership_specialist'",
            &[me, owner],
        )
        .await;
    assert_eq!(
        is_fps,
        Some(owner),
        "a family partnership specialist at the student's school owns it"
    );
}

#[tokio::test]
async fn new_data_below_the_threshold_clears_the_flag() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let local = local_id(&app, me).await;
    upload(&app, "attendance", &attendance(&local, 120, 14)).await;
    let counselor = app.signed_in("demo.counselor").await;
    let t = api_token(&counselor).await;
    // The student information system pushes the corrected numbers.
    let r = counselor
        .post_json(
            &format!("/api/v1/students/{me}/attendance"),
            r#"{"days_enrolled":"125","excused":"4","unexcused":"4","as_of":"2026-11-02","source":"sis push"}"#,
            Some(&t),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    let (status, ..) = flag_of(&app, me, "chronic_absence")
        .await
        .expect("the flag stays, cleared");
    assert_eq!(status, "cleared");
    let flags = counselor.get_json(&format!("/api/v1/students/{me}/flags")).await;
    let v: serde_json::Value = serde_json::from_str(&flags.body).unwrap();
    let events: Vec<&str> = v[0]["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(events, ["raise", "clear"]);
}

#[tokio::test]
async fn thresholds_out_of_range_are_refused_with_their_range_and_nothing_is_saved() {
    let app = TestApp::with_demo().await;
    let admin = app.signed_in("demo.districtadmin").await;
    admin.get("/admin/support").await;
    let res = admin
        .post_form(
            "/admin/support/settings",
            &[
                ("chronic_absence_percent", "75"),
                ("min_days_enrolled", "20"),
                ("suspension_days", "0"),
                ("low_gpa", "2.00"),
                ("stale_after_days", "45"),
                ("grade9_min_credits", "5"),
                ("grade9_max_core_fs", "1"),
                ("route_low_gpa", "district_admin"),
            ],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    for want in [
        "Chronic absence: percent of enrolled days missed: must be from 1 to 50.",
        "Suspension days (in or out of school) that raise a flag: must be from 1 to 30.",
        "a district administrator cannot own a school",
    ] {
        assert!(res.text.contains(want), "{want} in {}", res.text);
    }
    assert!(res.text.contains("value=\"75\""), "what was typed is kept");
    assert!(app.texts("SELECT routing FROM support_settings", &[]).await.is_empty());
    assert_eq!(app.count_audit("support_settings_saved").await, 0);
}

#[tokio::test]
async fn a_next_step_without_a_date_is_refused() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let local = local_id(&app, me).await;
    upload(&app, "attendance", &attendance(&local, 120, 14)).await;
    let flag = app
        .query_id("SELECT id FROM flags WHERE student_id = $1", &[me])
        .await
        .expect("a flag");
    let counselor = app.signed_in("demo.counselor").await;
    counselor.get(&format!("/students/{me}/flags")).await;
    let res = counselor
        .post_form(
            &format!("/students/{me}/flags/{flag}/next-step"),
            &[("text", "Call home"), ("due_on", "")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("A next step needs a due date."), "{}", res.text);
    assert!(app
        .texts("SELECT next_step FROM flags WHERE next_step = 'Call home'", &[])
        .await
        .is_empty());
    let t = api_token(&counselor).await;
    let api = counselor
        .post_json(
            &format!("/api/v1/students/{me}/flags/{flag}/next-step"),
            r#"{"text":"Call home"}"#,
            Some(&t),
        )
        .await;
    assert_eq!(api.status, 422);
    assert!(api.body.contains("next_step_without_date"), "{}", api.body);
    // With a date it is set, and the flag is worked and resolved.
    let ok = counselor
        .post_form(
            &format!("/students/{me}/flags/{flag}/next-step"),
            &[("text", "Call home"), ("due_on", "2026-11-09")],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.text);
    counselor.get(&format!("/students/{me}/flags")).await;
    assert_eq!(
        counselor
            .post_form(&format!("/students/{me}/flags/{flag}/start"), &[])
            .await
            .status,
        303
    );
    counselor.get(&format!("/students/{me}/flags")).await;
    let resolved = counselor
        .post_form(
            &format!("/students/{me}/flags/{flag}/resolve"),
            &[("note", "Family meeting held; attendance plan agreed.")],
        )
        .await;
    assert_eq!(resolved.status, 303, "{}", resolved.text);
    assert_eq!(flag_of(&app, me, "chronic_absence").await.unwrap().0, "resolved");
}

#[tokio::test]
async fn unrelated_staff_get_not_found_and_an_audited_denial() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let local = local_id(&app, me).await;
    upload(&app, "attendance", &attendance(&local, 120, 14)).await;
    let other = crate::access::outsider(&app).await;
    let before = app.count_audit("access_denied").await;
    assert_eq!(other.get(&format!("/students/{me}/flags")).await.status, 404);
    assert_eq!(app.count_audit("access_denied").await, before + 1);
    assert_eq!(
        other.get_json(&format!("/api/v1/students/{me}/flags")).await.status,
        404
    );
}

#[tokio::test]
async fn the_guardian_and_the_student_cannot_see_flags() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let local = local_id(&app, me).await;
    upload(&app, "attendance", &attendance(&local, 120, 14)).await;
    for who in ["demo.student", "demo.guardian"] {
        let c = app.signed_in(who).await;
        assert_eq!(c.get(&format!("/students/{me}/flags")).await.status, 404, "{who}");
        assert_eq!(
            c.get_json(&format!("/api/v1/students/{me}/flags")).await.status,
            404,
            "{who}"
        );
        let plan = c.get(&format!("/students/{me}")).await;
        assert!(
            !plan.text.contains(&format!("/students/{me}/flags")),
            "{who} is not shown the link"
        );
    }
    let counselor = app.signed_in("demo.counselor").await;
    let plan = counselor.get(&format!("/students/{me}")).await;
    assert!(plan.text.contains(&format!("/students/{me}/flags")), "staff are");
}

#[tokio::test]
async fn lowering_a_threshold_raises_flags_in_the_background() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let local = local_id(&app, me).await;
    upload(&app, "attendance", &attendance(&local, 120, 8)).await;
    assert!(
        flag_of(&app, me, "chronic_absence").await.is_none(),
        "6.7 % is below 10 %"
    );
    let admin = app.signed_in("demo.districtadmin").await;
    admin.get("/admin/support").await;
    let res = admin
        .post_form(
            "/admin/support/settings",
            &[
                ("chronic_absence_percent", "5"),
                ("min_days_enrolled", "20"),
                ("suspension_days", "1"),
                ("low_gpa", "2.00"),
                ("stale_after_days", "45"),
                ("grade9_min_credits", "5"),
                ("grade9_max_core_fs", "1"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let district = ssp_domain::OrgId(
        app.query_id("SELECT district_id FROM students WHERE person_id = $1", &[me])
            .await
            .unwrap(),
    );
    ssp_app::support::recompute::wait_idle(&app.state, district).await;
    assert_eq!(flag_of(&app, me, "chronic_absence").await.expect("a flag").0, "open");
}

#[tokio::test]
async fn data_older_than_the_districts_stale_age_is_marked_stale() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let local = local_id(&app, me).await;
    upload(&app, "attendance", &attendance(&local, 120, 14)).await;
    let counselor = app.signed_in("demo.counselor").await;
    let fresh = counselor.get(&format!("/students/{me}/flags")).await;
    assert!(!fresh.text.contains("Stale data"), "3 days old is fresh");
    app.clock.advance(time::Duration::days(50));
    // A new sign-in (the first session has long expired).
    let counselor = app.signed_in("demo.counselor").await;
    let stale = counselor.get(&format!("/students/{me}/flags")).await;
    assert!(stale.text.contains("Stale data"), "53 days old is past the default 45");
}

/// `ssp import attendance FILE`: on a SQLite file of its own whatever
/// engine the suite runs on (the command opens the database its settings
/// name).
#[tokio::test]
async fn the_command_loads_attendance_all_or_nothing_and_fails_on_a_row_problem() {
    use ssp_cli::commands::import::{run, AcademicArgs, ImportCommand};
    use ssp_db::{with_reader, Db, DbOptions};
    use std::io::Write;

    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("ssp.db").display());
    let mut file = tempfile::NamedTempFile::new_in(dir.path()).unwrap();
    writeln!(file, "database_url = {url:?}").unwrap();
    let settings = ssp_cli::Settings::load(
        Some(file.path()),
        &std::collections::BTreeMap::new(),
        &ssp_cli::Overrides::default(),
    )
    .unwrap();
    let pkg = tempfile::tempdir().unwrap();
    for (name, body) in [
        (
            "manifest",
            "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.orgs,bulk\nfile.users,bulk\n",
        ),
        (
            "orgs",
            "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\nd1,,,Lakeside,district,,\ns1,,,Lakeside High,school,,d1\n",
        ),
        (
            "users",
            "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,givenName,familyName,grades,identifier\nu1,,,true,s1,student,u1,Ana,Diaz,10,S-1\n",
        ),
    ] {
        std::fs::write(pkg.path().join(format!("{name}.csv")), body).unwrap();
    }
    let roster = ssp_cli::commands::import::OneRosterArgs {
        path: pkg.path().to_owned(),
        district: None,
        district_name: None,
        dry_run: false,
        confirm_deactivations: false,
        report: None,
    };
    run(&settings, ImportCommand::Oneroster(roster))
        .await
        .expect("the roster");
    let csv = dir.path().join("attendance.csv");
    let import = |body: &str| {
        std::fs::write(&csv, body).unwrap();
        run(
            &settings,
            ImportCommand::Attendance(AcademicArgs {
                path: csv.clone(),
                district: None,
            }),
        )
    };
    let header = "studentUniqueId,daysEnrolled,unexcusedAbsences,asOfDate\n";
    let err = import(&format!("{header}S-1,40,2,2026-10-01\nS-2,40,2,2026-10-01\n"))
        .await
        .unwrap_err();
    assert!(format!("{err:#}").contains("nothing was loaded"), "{err:#}");
    let count = || async {
        let db = Db::connect(&url, &DbOptions::default()).await.unwrap();
        let n: i64 = with_reader!(&db, |p| sqlx::query_scalar("SELECT COUNT(*) FROM attendance_readings")
            .fetch_one(p)
            .await
            .unwrap());
        db.close().await;
        n
    };
    assert_eq!(count().await, 0, "the good row was not applied");
    import(&format!("{header}S-1,40,2,2026-10-01\n"))
        .await
        .expect("a good file");
    assert_eq!(count().await, 1);
}

#[tokio::test]
async fn a_flag_is_reassigned_only_to_staff_who_may_work_it() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let local = local_id(&app, me).await;
    upload(&app, "attendance", &attendance(&local, 120, 14)).await;
    let flag = app
        .query_id("SELECT id FROM flags WHERE student_id = $1", &[me])
        .await
        .expect("a flag");
    let counselor = app.signed_in("demo.counselor").await;
    let t = api_token(&counselor).await;
    let url = format!("/api/v1/students/{me}/flags/{flag}/reassign");
    let guardian = app.person("demo.guardian").await;
    let refused = counselor
        .post_json(&url, &format!(r#"{{"owner":"{guardian}"}}"#), Some(&t))
        .await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert!(refused.body.contains("flag_owner_without_access"), "{}", refused.body);
    let fps = app.person("demo.fps").await;
    let ok = counselor
        .post_json(&url, &format!(r#"{{"owner":"{fps}"}}"#), Some(&t))
        .await;
    assert_eq!(ok.status, 204, "{}", ok.body);
    let (_, owner, basis) = flag_of(&app, me, "chronic_absence").await.unwrap();
    assert_eq!((owner, basis.as_str()), (fps, "reassigned"));
    let mine = app.signed_in("demo.fps").await.get_json("/api/v1/flags").await;
    assert!(
        mine.body.contains(&flag.to_string()),
        "the new owner sees it: {}",
        mine.body
    );
}

#[tokio::test]
async fn daily_attendance_events_add_up_to_the_years_attendance_and_raise_the_flag() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let local = local_id(&app, me).await;
    // 22 school days in September and October: 3 unexcused absences, one
    // excused, a tardy day (present) and a day with two events (counted
    // once, as the absence).
    let mut csv = String::from("studentUniqueId,eventDate,attendanceEventCategory,sourceSystem\n");
    let mut day = time::macros::date!(2026 - 09 - 01);
    let mut n = 0;
    while n < 22 {
        if !matches!(day.weekday(), time::Weekday::Saturday | time::Weekday::Sunday) {
            let category = match n {
                3 | 7 | 11 => "Unexcused Absence",
                5 => "Excused Absence",
                9 => "Tardy",
                _ => "In Attendance",
            };
            csv.push_str(&format!("{local},{day},{category},sis daily\n"));
            if n == 11 {
                csv.push_str(&format!("{local},{day},In Attendance,sis daily\n"));
            }
            n += 1;
        }
        day = day.next_day().unwrap();
    }
    let res = upload(&app, "attendance-events", &csv).await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert!(res.text.contains("1 row(s) new or changed"), "{}", res.text);
    let stored: Vec<String> = app
        .texts(
            "SELECT days_enrolled || ' ' || excused || ' ' || unexcused || ' ' || disciplinary || ' ' || source \
             FROM attendance_readings WHERE student_id = $1",
            &[me],
        )
        .await;
    assert_eq!(stored, vec!["22 1 3 0 sis daily".to_owned()]);
    // 4 of 22 days (18.2 %), enrolled 20 days or more: chronic absence.
    let (status, _, _) = flag_of(&app, me, "chronic_absence").await.expect("a flag");
    assert_eq!(status, "open");

    // A file with a bad category or a future date changes nothing.
    let bad = format!(
        "studentUniqueId,eventDate,attendanceEventCategory\n\
         {local},2026-10-29,In Attendance\n\
         {local},2026-10-30,Sick-ish\n\
         {local},2027-01-04,In Attendance\n\
         NOBODY-9,2026-10-30,In Attendance\n"
    );
    let res = upload(&app, "attendance-events", &bad).await;
    assert_eq!(res.status, 422, "{}", res.text);
    for want in [
        "Line 3, column attendanceEventCategory:",
        "Line 4, column eventDate: the date is in the future.",
        "Line 5, column studentUniqueId: no student in this district has this id.",
        "Nothing was loaded: 3 problem(s) in the file.",
    ] {
        assert!(res.text.contains(want), "{want} in {}", res.text);
    }
    let stored_after: Vec<String> = app
        .texts(
            "SELECT days_enrolled || ' ' || excused || ' ' || unexcused FROM attendance_readings WHERE student_id = $1",
            &[me],
        )
        .await;
    assert_eq!(stored_after, vec!["22 1 3".to_owned()]);
}

/// The GPA flag follows the transcript: a load that sinks the GPA raises
/// it at once, owned by the plan manager; a load that lifts it clears it.
#[tokio::test]
async fn a_transcript_load_raises_and_then_clears_the_low_gpa_flag() {
    use crate::academics::{load, CATALOG};
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let local = local_id(&app, me).await;
    assert_eq!(load(&app, "catalog", CATALOG).await.status, 200);
    // Twenty credits of one mark outweigh whatever else the demo's tenth
    // grader has on record (As to Cs, about a dozen credits).
    let transcript = |mark: &str, earned: &str| {
        let mut csv = String::from(
            "studentUniqueId,courseCode,courseTitle,schoolYear,term,whenTakenGradeLevel,finalLetterGradeEarned,\
             attemptedCredits,earnedCredits,courseLevelCharacteristic\n",
        );
        for (code, title) in [
            ("ENG9", "English 9"),
            ("ALG1", "Algebra I"),
            ("BIO", "Biology"),
            ("WH", "World History"),
            ("SPA1", "Spanish I"),
        ] {
            csv.push_str(&format!(
                "{local},{code},{title},2025-2026,year,9,{mark},4,{earned},standard\n"
            ));
        }
        csv
    };
    assert!(flag_of(&app, me, "low_gpa").await.is_none());
    let res = load(&app, "transcripts", &transcript("F", "0")).await;
    assert_eq!(res.status, 200, "{}", res.text);
    let (status, owner, basis) = flag_of(&app, me, "low_gpa").await.expect("a low GPA flag");
    assert_eq!(status, "open");
    assert_eq!(owner, app.person("demo.counselor").await, "the plan manager owns it");
    assert_eq!(basis, "plan_manager");
    let counselor = app.signed_in("demo.counselor").await;
    let page = counselor.get(&format!("/students/{me}/flags")).await;
    assert!(page.text.contains("transcript"), "its source: {}", page.text);

    let res = load(&app, "transcripts", &transcript("A", "4")).await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert_eq!(flag_of(&app, me, "low_gpa").await.expect("the flag").0, "cleared");
    // The attendance flag was not touched by a transcript load.
    assert!(flag_of(&app, me, "chronic_absence").await.is_none());
}

/// A recomputation never undoes an owner's edit made while it ran: its
/// refresh writes only the columns the system owns, and its move (clear,
/// reopen) applies only to a flag still as it was read.
#[tokio::test]
async fn a_recomputation_never_undoes_an_owners_edit_made_meanwhile() {
    use ssp_db::repo::support::flags as repo;
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let local = local_id(&app, me).await;
    upload(&app, "attendance", &attendance(&local, 120, 14)).await;
    let read = repo::for_students(&app.db, &[ssp_domain::StudentId(me)], &["chronic_absence"])
        .await
        .unwrap()
        .remove(0);
    assert_eq!(read.status, "open");
    // Meanwhile the owner acknowledges it with a next step.
    app.execute(
        "UPDATE flags SET status = 'acknowledged', next_step = 'Call home' WHERE id = $1",
        &[read.id],
    )
    .await;
    async fn status(app: &TestApp, id: Uuid) -> String {
        app.texts(
            "SELECT status || '|' || next_step || '|' || evidence FROM flags WHERE id = $1",
            &[id],
        )
        .await
        .remove(0)
    }
    // The system's refresh, from what it read before the edit.
    let mut refreshed = read.clone();
    refreshed.evidence = "{\"percent\":\"12.0\"}".into();
    let mut tx = app.db.begin().await.unwrap();
    repo::refresh_many(&mut tx, &[refreshed]).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        status(&app, read.id).await,
        "acknowledged|Call home|{\"percent\":\"12.0\"}"
    );
    // The system's move from the stale read does not apply…
    let mut cleared = read.clone();
    cleared.status = "cleared".into();
    let mut tx = app.db.begin().await.unwrap();
    let moved = repo::move_many(&mut tx, &[(cleared.clone(), read.clone())])
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert!(moved.is_empty());
    assert!(status(&app, read.id).await.starts_with("acknowledged|Call home|"));
    // …one from a fresh read does.
    let fresh = repo::for_students(&app.db, &[ssp_domain::StudentId(me)], &["chronic_absence"])
        .await
        .unwrap()
        .remove(0);
    let mut tx = app.db.begin().await.unwrap();
    let moved = repo::move_many(&mut tx, &[(cleared, fresh)]).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(moved, vec![read.id]);
    assert!(status(&app, read.id).await.starts_with("cleared|"));
}
