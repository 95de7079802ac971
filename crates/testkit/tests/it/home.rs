//! Each role gets a home page that fits it.

use ssp_testkit::TestApp;

#[tokio::test]
async fn a_student_sees_their_school_grade_and_family_contacts() {
    let app = TestApp::with_demo().await;
    let body = app.signed_in("demo.student").await.get("/").await.body;
    assert!(body.contains("Expected graduation"));
    assert!(body.contains("<dd>10</dd>"), "grade 10");
    assert!(body.contains("Your family contacts"));
    assert!(body.contains("Holds educational rights"));
}

#[tokio::test]
async fn a_guardian_sees_their_children() {
    let app = TestApp::with_demo().await;
    let body = app.signed_in("demo.guardian").await.get("/").await.body;
    assert!(body.contains("Here are the students linked to your account"));
    assert!(body.contains("Grade 10 at"), "{body}");
}

#[tokio::test]
async fn a_spanish_speaking_guardian_gets_spanish_pages() {
    let app = TestApp::with_demo().await;
    let body = app.signed_in("demo.guardian.es").await.get("/").await.body;
    assert!(body.contains("<html lang=\"es\">"));
    assert!(body.contains("Grado 10 en"), "{body}");
}

#[tokio::test]
async fn a_teacher_sees_their_classes_with_sizes() {
    let app = TestApp::with_demo().await;
    let body = app.signed_in("demo.teacher").await.get("/").await.body;
    assert!(body.contains("Your classes"));
    assert!(body.contains(" students</p>"), "{body}");
}

#[tokio::test]
async fn a_counselor_sees_their_school_by_grade() {
    let app = TestApp::with_demo().await;
    let body = app.signed_in("demo.counselor").await.get("/").await.body;
    assert!(body.contains("Your schools"));
    assert!(body.contains("Students by grade"));
    assert!(body.contains("(Counselor)"));
}

#[tokio::test]
async fn a_school_admin_also_sees_staff_by_role() {
    let app = TestApp::with_demo().await;
    let body = app.signed_in("demo.schooladmin").await.get("/").await.body;
    assert!(body.contains("Staff by role"));
    assert!(body.contains("Nurse"));
}

#[tokio::test]
async fn a_district_admin_sees_every_school_of_the_district() {
    let app = TestApp::with_demo().await;
    let body = app.signed_in("demo.districtadmin").await.get("/").await.body;
    assert!(body.contains("Schools in your district"));
    assert!(body.contains("Middle school") && body.contains("High school"), "{body}");
}

#[tokio::test]
async fn other_team_roles_get_the_school_view() {
    let app = TestApp::with_demo().await;
    for user in ["demo.nurse", "demo.socialworker"] {
        let body = app.signed_in(user).await.get("/").await.body;
        assert!(body.contains("Your schools"), "{user}");
    }
}
