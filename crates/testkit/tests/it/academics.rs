//! Academic planning as a district and a counselor use it: the course
//! catalog and transcripts loaded from CSV (row problems with line and
//! column, nothing half-saved, a second load changing nothing), a student's
//! transcript with GPA, the graduation-requirement audit and on-track, and
//! transfer credit typed by staff.

use ssp_testkit::TestApp;
use uuid::Uuid;

pub(crate) const CATALOG: &str =
    "courseCode,courseTitle,credits,termLength,subjectArea,tags,rigor,minGrade,maxGrade,prerequisites,core,repeatable
ENG9,English 9,1,year,humanities,english,standard,9,9,,true,false
ALG1,Algebra I,1,year,stem,mathematics,standard,8,10,,true,false
GEO,Geometry,1,year,stem,mathematics,honors,9,11,ALG1,true,false
BIO,Biology,1,year,stem,science,standard,9,10,,true,false
WH,World History,1,year,humanities,social_studies,standard,9,10,,true,false
SPA1,Spanish I,1,year,world_language,,standard,9,12,,false,false
PE9,Physical Education,0.5,semester,pe_wellness,,standard,9,12,,false,true
HLT,Health,0.5,semester,health_safety,,standard,9,12,,false,false
BAD1,Broken,-1,year,math,,standard,9,12,,false,false
";

pub(crate) fn transcript(local_id: &str) -> String {
    format!(
        "studentUniqueId,courseCode,courseTitle,schoolYear,term,whenTakenGradeLevel,finalLetterGradeEarned,attemptedCredits,earnedCredits,courseLevelCharacteristic
{local_id},ENG9,English 9,2025-2026,year,9,B+,1,1,standard
{local_id},ALG1,Algebra I,2025-2026,year,9,A,1,1,standard
{local_id},BIO,Biology,2025-2026,year,9,C,1,1,standard
{local_id},WH,World History,2025-2026,year,9,B,1,1,standard
{local_id},PE9,Physical Education,2025-2026,semester_1,9,A,0.5,0.5,standard
{local_id},SPA1,Spanish I,2025-2026,year,9,F,1,0,standard
{local_id},GEO,Geometry,2026-2027,year,10,,1,,honors
NOBODY-1,ENG9,English 9,2025-2026,year,9,A,1,1,standard
{local_id},HLT,Health,2025-2026,semester_2,9,Z,0.5,0.5,standard
{local_id},WH,World History,2025-2026,semester_1,9,B,1,2,standard
"
    )
}

pub(crate) async fn local_id(app: &TestApp, student: Uuid) -> String {
    app.texts("SELECT local_id FROM students WHERE person_id = $1", &[student])
        .await
        .remove(0)
}

pub(crate) async fn load(app: &TestApp, kind: &str, csv: &str) -> ssp_testkit::TestResponse {
    let admin = app.signed_in("demo.districtadmin").await;
    let token = admin.get("/admin/catalog").await.csrf().expect("the page's form token");
    admin
        .post_multipart(
            &format!("/admin/catalog/upload?csrf={token}"),
            &[("kind", kind)],
            &[("file", "file.csv", csv.as_bytes())],
        )
        .await
}

#[tokio::test]
async fn a_district_loads_its_catalog_and_every_bad_row_is_named() {
    let app = TestApp::with_demo().await;
    let res = load(&app, "catalog", CATALOG).await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert!(
        res.text
            .contains("8 created, 0 written or changed, 0 unchanged, 2 row(s) with problems"),
        "{}",
        res.text
    );
    assert!(
        res.text
            .contains("Line 10, column credits: credits cannot be negative."),
        "{}",
        res.text
    );
    assert!(res
        .text
        .contains("Line 10, column subjectArea: not one of the choices."));
    assert!(res.text.contains("Geometry"));
    // The same file again changes nothing.
    let again = load(&app, "catalog", CATALOG).await;
    assert!(
        again.text.contains("0 created, 0 written or changed, 8 unchanged"),
        "{}",
        again.text
    );
    // A file without its required columns is refused, every one named.
    let refused = load(&app, "catalog", "courseCode,title\nX,Y\n").await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .text
            .contains("courseTitle, credits, termLength, subjectArea, minGrade, maxGrade"),
        "{}",
        refused.text
    );
    // Only a district administrator loads files.
    let counselor = app.signed_in("demo.counselor").await;
    assert_eq!(counselor.get("/admin/catalog").await.status, 404);
}

#[tokio::test]
async fn a_transcript_load_feeds_the_students_gpa_audit_and_on_track() {
    let app = TestApp::with_demo().await;
    load(&app, "catalog", CATALOG).await;
    let me = app.person("demo.student").await;
    let id = local_id(&app, me).await;
    let res = load(&app, "transcripts", &transcript(&id)).await;
    assert_eq!(res.status, 200, "{}", res.text);
    assert!(res.text.contains("7 written or changed"), "{}", res.text);
    assert!(
        res.text
            .contains("Line 9, column studentUniqueId: no student with that number in the district."),
        "{}",
        res.text
    );
    assert!(res
        .text
        .contains("Line 10, column finalLetterGradeEarned: not a mark on the grade scale."));
    assert!(
        res.text
            .contains("Line 11, column earnedCredits: more credits earned than attempted."),
        "{}",
        res.text
    );
    let again = load(&app, "transcripts", &transcript(&id)).await;
    assert!(
        again.text.contains("0 written or changed, 7 unchanged"),
        "{}",
        again.text
    );

    let student = app.signed_in("demo.student").await;
    let page = student.get(&format!("/students/{me}/academics")).await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("English 9"));
    assert!(page.text.contains("Under way"), "Geometry has no mark yet");
    // GPA: B+ 3.33, A 4, C 2, B 3, A 4 (0.5 credit), F 0 over 5.5 credits
    // attempted = 2.61; Geometry (honors) is under way and not counted yet.
    assert!(
        page.text
            .contains("GPA: <strong>2.61</strong> · Weighted GPA: <strong>2.61</strong>"),
        "{}",
        page.text
    );
    // Humanities: English 9 + World History = 2 of 9 earned.
    assert!(
        page.text.contains("2 of 9 credits not yet") || page.text.contains("7 of 9 credits not yet"),
        "{}",
        page.text
    );
    assert!(page.text.contains("World language"));
    assert!(page.text.contains("Missing"));
    assert!(page.text.contains("transcript data as of"));
    // Grade 10 now: grade 9 had 4.5 credits earned, so not on track then.
    assert!(
        page.text
            .contains("Not on track in grade 9: 4.5 of 5 credits, 2 semester F(s) in core courses.")
            || page.text.contains("Not on track in grade 9: 4.5 of 5 credits"),
        "{}",
        page.text
    );
}

#[tokio::test]
async fn staff_record_transfer_credit_and_only_staff_do() {
    let app = TestApp::with_demo().await;
    let me = app.person("demo.student").await;
    let url = format!("/students/{me}/academics/transcript");
    let fields = [
        ("course_code", "XFER-ALG2"),
        ("title", "Algebra II (from Hartford Public)"),
        ("school_year", "2025-2026"),
        ("term", "year"),
        ("mark", "B"),
        ("credits_attempted", "1"),
        ("credits_earned", "1"),
        ("rigor", "standard"),
        ("subject_area", "stem"),
    ];
    let counselor = app.signed_in("demo.counselor").await;
    counselor.get(&format!("/students/{me}/academics")).await;
    let bad = counselor
        .post_form(
            &url,
            &[
                ("course_code", "X"),
                ("school_year", "soon"),
                ("term", "year"),
                ("credits_attempted", "-1"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text.contains("School year: not a school year"), "{}", bad.text);
    counselor.get(&format!("/students/{me}/academics")).await;
    let ok = counselor.post_form(&url, &fields).await;
    assert_eq!(ok.status, 303, "{}", ok.text);
    let student = app.signed_in("demo.student").await;
    let page = student.get(&format!("/students/{me}/academics")).await;
    assert!(page.text.contains("Algebra II (from Hartford Public)"));
    assert!(page.text.contains("Transfer"));
    assert!(
        !page.text.contains("Record transfer credit"),
        "the student is not offered the form"
    );
    student.get(&format!("/students/{me}/academics")).await;
    assert_eq!(student.post_form(&url, &fields).await.status, 403);
    let guardian = app.signed_in("demo.guardian").await;
    assert_eq!(guardian.get(&format!("/students/{me}/academics")).await.status, 200);
    guardian.get("/").await;
    assert_eq!(guardian.post_form(&url, &fields).await.status, 404);
    assert_eq!(
        app.texts(
            "SELECT course_code FROM transcript_entries WHERE student_id = $1",
            &[me]
        )
        .await,
        vec!["XFER-ALG2".to_owned()]
    );
    assert_eq!(app.count_audit("transcript_entry_recorded").await, 1);
}

#[tokio::test]
async fn a_course_plan_is_checked_as_it_is_built_approved_acknowledged_and_versioned() {
    let app = TestApp::with_demo().await;
    load(&app, "catalog", CATALOG).await;
    let me = app.person("demo.student").await;
    let url = format!("/students/{me}/course-plan");
    let student = app.signed_in("demo.student").await;
    let add = |grade: &'static str, course: &'static str| {
        let student = &student;
        let url = url.clone();
        async move {
            student.get(&url).await;
            student.post_form(&url, &[("grade", grade), ("course", course)]).await
        }
    };
    // Geometry needs Algebra I first: refused, nothing saved.
    let refused = add("11", "GEO").await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.text.contains("Grade 11: GEO needs ALG1 first."),
        "{}",
        refused.text
    );
    assert!(app
        .texts("SELECT years FROM course_plans WHERE student_id = $1", &[me])
        .await
        .is_empty());
    // A course not offered in that grade.
    let refused = add("12", "ENG9").await;
    assert!(
        refused.text.contains("Grade 12: ENG9 is not offered in this grade."),
        "{}",
        refused.text
    );
    assert_eq!(add("10", "ALG1").await.status, 303);
    assert_eq!(add("11", "GEO").await.status, 303);
    assert_eq!(add("11", "SPA1").await.status, 303);
    let page = student.get(&url).await;
    assert!(page.text.contains("Draft"));
    assert!(page.text.contains("Geometry"));
    assert!(page.text.contains("If the plan is followed"));
    student.get(&url).await;
    assert_eq!(student.post_form(&format!("{url}/submit"), &[]).await.status, 303);
    // The counselor returns it (a comment is needed), then approves it.
    let counselor = app.signed_in("demo.counselor").await;
    let seen = counselor.get(&url).await;
    assert!(seen.text.contains("Waiting for approval"));
    let r = counselor
        .post_form(&format!("{url}/decision"), &[("decision", "return"), ("comment", "")])
        .await;
    assert_eq!(r.status, 422);
    counselor.get(&url).await;
    let r = counselor
        .post_form(
            &format!("{url}/decision"),
            &[("decision", "return"), ("comment", "Add a science course in grade 11.")],
        )
        .await;
    assert_eq!(r.status, 303);
    let returned = student.get(&url).await;
    assert!(returned.text.contains("Add a science course in grade 11."));
    student.get(&url).await;
    assert_eq!(student.post_form(&format!("{url}/submit"), &[]).await.status, 303);
    counselor.get(&url).await;
    let r = counselor
        .post_form(&format!("{url}/decision"), &[("decision", "approve"), ("comment", "")])
        .await;
    assert_eq!(r.status, 303);
    // The student cannot approve; the guardian acknowledges.
    student.get(&url).await;
    assert_eq!(
        student
            .post_form(&format!("{url}/decision"), &[("decision", "approve")])
            .await
            .status,
        403
    );
    let guardian = app.signed_in("demo.guardian").await;
    let g = guardian.get(&url).await;
    assert!(g.text.contains("Approved"));
    assert_eq!(guardian.post_form(&format!("{url}/acknowledge"), &[]).await.status, 303);
    assert!(guardian.get(&url).await.text.contains("acknowledged by a guardian"));
    // A change after approval is the next version, showing what changed.
    assert_eq!(add("12", "PE9").await.status, 303);
    let v2 = student.get(&url).await;
    assert!(v2.text.contains("version 2"), "{}", v2.text);
    assert!(v2.text.contains("Grade 12: added PE9"), "{}", v2.text);
    assert_eq!(app.count_audit("course_plan_decided").await, 2);
}

#[tokio::test]
async fn the_course_plan_suggests_courses_of_the_pathways_of_saved_careers() {
    let app = TestApp::with_demo().await;
    app.load_occupations().await;
    let admin = app.signed_in("demo.districtadmin").await;
    admin.get("/admin/pathways").await;
    admin
        .post_form(
            "/admin/pathways",
            &[
                ("name", "Health Academy"),
                ("cluster_2024", "healthcare_human_services"),
            ],
        )
        .await;
    let pathway = app.query_id("SELECT id FROM career_pathways", &[]).await.unwrap();
    let catalog = format!(
        "courseCode,courseTitle,credits,termLength,subjectArea,minGrade,maxGrade,pathways\nANAT,Anatomy and Physiology,1,year,stem,10,12,{pathway}\nART1,Studio Art,1,year,humanities,9,12,\n"
    );
    load(&app, "catalog", &catalog).await;
    let me = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let before = student.get(&format!("/students/{me}/course-plan")).await;
    assert!(
        !before.text.contains("Suggested by the pathways"),
        "nothing saved yet, nothing suggested"
    );
    student.get("/careers/29-1141.00").await;
    student
        .post_form(
            &format!("/students/{me}/career/saved"),
            &[("code", "29-1141.00"), ("note", "")],
        )
        .await;
    let after = student.get(&format!("/students/{me}/course-plan")).await;
    assert!(
        after.text.contains("Suggested by the pathways of your saved careers"),
        "{}",
        after.text
    );
    assert!(after.text.contains("ANAT Anatomy and Physiology"));
}

#[tokio::test]
async fn the_academic_record_and_the_course_plan_through_the_api() {
    let app = TestApp::with_demo().await;
    load(&app, "catalog", CATALOG).await;
    let me = app.person("demo.student").await;
    let counselor = app.signed_in("demo.counselor").await;
    let t = api_token(&counselor).await;
    let r = counselor
        .post_json(
            &format!("/api/v1/students/{me}/academics/transcript"),
            r#"{"course_code":"ENG9","school_year":"2025-2026","term":"year","mark":"A","credits_attempted":"1","credits_earned":"1"}"#,
            Some(&t),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    let bad = counselor
        .post_json(
            &format!("/api/v1/students/{me}/academics/transcript"),
            r#"{"course_code":"ENG9","school_year":"2025-2026","term":"year","mark":"Q","credits_attempted":"-1"}"#,
            Some(&t),
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.body.contains("unknown_mark") && bad.body.contains("credits_attempted"),
        "{}",
        bad.body
    );

    let student = app.signed_in("demo.student").await;
    let rec = student.get_json(&format!("/api/v1/students/{me}/academics")).await;
    assert_eq!(rec.status, 200);
    let v: serde_json::Value = serde_json::from_str(&rec.body).unwrap();
    assert_eq!(v["transcript"][0]["course_code"], "ENG9");
    assert_eq!(v["transcript"][0]["source"], "transfer");
    assert_eq!(v["gpa_unweighted"], "4.00");
    let humanities = v["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["key"] == "humanities")
        .unwrap();
    assert_eq!(humanities["earned"], "1");
    assert_eq!(humanities["status"], "missing");

    let t = api_token(&student).await;
    let url = format!("/api/v1/students/{me}/course-plan/courses");
    let refused = student
        .post_json(&url, r#"{"grade":"11","course":"GEO"}"#, Some(&t))
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("prerequisite_missing") && refused.body.contains("ALG1"),
        "{}",
        refused.body
    );
    assert_eq!(
        student
            .post_json(&url, r#"{"grade":"10","course":"ALG1"}"#, Some(&t))
            .await
            .status,
        204
    );
    let plan = student.get_json(&format!("/api/v1/students/{me}/course-plan")).await;
    let v: serde_json::Value = serde_json::from_str(&plan.body).unwrap();
    assert_eq!(v["status"], "draft");
    assert_eq!(v["years"][0]["courses"][0], "ALG1");
    assert_eq!(
        student
            .post_json(&format!("/api/v1/students/{me}/academics/transcript"), "{}", Some(&t))
            .await
            .status,
        403,
        "only staff record transfer credit"
    );
}

pub(crate) async fn api_token(c: &ssp_testkit::TestClient) -> String {
    let s = c.get_json("/api/v1/session").await.body;
    let v: serde_json::Value = serde_json::from_str(&s).unwrap();
    v["csrf_token"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_district_administrator_edits_one_catalog_course_on_the_page() {
    let app = TestApp::with_demo().await;
    load(&app, "catalog", CATALOG).await;
    let admin = app.signed_in("demo.districtadmin").await;
    let edit = admin.get("/admin/catalog?edit=GEO").await;
    assert_eq!(edit.status, 200);
    assert!(
        edit.text.contains("value=\"Geometry\""),
        "the form is filled with the course"
    );
    let fields = [
        ("code", "GEO"),
        ("title", "Geometry (honors)"),
        ("credits", "1"),
        ("term_length", "year"),
        ("subject_area", "stem"),
        ("rigor", "honors"),
        ("grade_min", "9"),
        ("grade_max", "12"),
        ("tags", "mathematics"),
        ("prerequisites", "ALG1"),
        ("core", "yes"),
    ];
    let ok = admin.post_form("/admin/catalog/course", &fields).await;
    assert_eq!(ok.status, 303, "{}", ok.text);
    let page = admin.get("/admin/catalog").await;
    assert!(page.text.contains("Geometry (honors)"));
    let mut bad = fields.to_vec();
    bad[2] = ("credits", "-1");
    bad[6] = ("grade_min", "13");
    let refused = admin.post_form("/admin/catalog/course", &bad).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.text.contains("Credits: credits cannot be negative"),
        "{}",
        refused.text
    );
    assert!(refused.text.contains("value=\"-1\""), "what was typed is kept");
    assert_eq!(app.count_audit("catalog_course_saved").await, 1);
    let counselor = app.signed_in("demo.counselor").await;
    counselor.get("/").await;
    assert_eq!(counselor.post_form("/admin/catalog/course", &fields).await.status, 404);
}
