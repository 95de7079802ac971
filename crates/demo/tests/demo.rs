//! The demo generator as a user meets it: the same seed gives the same
//! district, the district looks like a real one, the showcase accounts are
//! wired together, and a database that already holds data is left alone.

use std::path::Path;
use std::sync::Mutex;

use sqlx::SqlitePool;
use ssp_db::{with_reader, Db, DbOptions};
use ssp_demo::{demo_sign_ins, generate, DemoError, DemoOptions, DemoSummary, Progress};
use ssp_domain::plan::{GoalStatus, MeasureKind};
use ssp_domain::{OrgId, SchoolYear, StudentId};
use tempfile::TempDir;

/// Set (as the CI's PostgreSQL run does) to run these tests on PostgreSQL,
/// each in a schema of its own.
const PG_ENV: &str = "SSP_TEST_DATABASE_URL";

async fn sqlite_db(dir: &Path, name: &str) -> Db {
    let db = Db::connect(&format!("sqlite://{}/{name}", dir.display()), &Default::default())
        .await
        .unwrap();
    db.migrate().await.unwrap();
    db
}

/// A fresh, migrated database on the engine under test.
async fn fresh_db() -> (Db, TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let db = match std::env::var(PG_ENV) {
        Ok(url) if !url.is_empty() => {
            let schema = format!("demo_{}", uuid::Uuid::new_v4().simple());
            let admin = Db::connect(
                &url,
                &DbOptions {
                    max_connections: Some(1),
                    pg_search_path: None,
                },
            )
            .await
            .unwrap();
            if let Db::Postgres(pool) = &admin {
                sqlx::query(&format!("CREATE SCHEMA {schema}"))
                    .execute(pool)
                    .await
                    .unwrap();
            }
            admin.close().await;
            let opts = DbOptions {
                max_connections: Some(4),
                pg_search_path: Some(schema),
            };
            let db = Db::connect(&url, &opts).await.unwrap();
            db.migrate().await.unwrap();
            db
        }
        _ => sqlite_db(dir.path(), "ssp.db").await,
    };
    (db, dir)
}

fn sqlite_readers(db: &Db) -> &SqlitePool {
    match db {
        Db::Sqlite(s) => &s.readers,
        Db::Postgres(_) => panic!("this test compares SQLite files"),
    }
}

async fn count(db: &Db, sql: &str) -> i64 {
    with_reader!(db, |p| sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn strings(db: &Db, sql: &str) -> Vec<String> {
    with_reader!(db, |p| sqlx::query_scalar::<_, String>(sql).fetch_all(p).await)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Every row of every table the demo fills, each column quoted, in id
/// order: equal dumps mean byte-identical data.
async fn dump(db: &Db) -> Vec<String> {
    let tables = [
        "orgs",
        "academic_sessions",
        "courses",
        "classes",
        "class_sessions",
        "persons",
        "students",
        "guardian_links",
        "staff_assignments",
        "enrollments",
        "accounts",
        "plan_managers",
        "team_members",
        "plan_profiles",
        "goals",
        "goal_check_ins",
        "goal_action_steps",
        "goal_supports",
        "reflections",
        "reflection_comments",
        "student_activities",
        "plan_reviews",
        "plan_year_snapshots",
        "plan_status",
        "interactions",
        "interaction_follow_ups",
        "notes",
        "career_pathways",
        "career_inventories",
        "career_self_ratings",
        "saved_careers",
        "career_explorations",
        "postsecondary_plans",
        "postsecondary_programs",
        "postsecondary_steps",
        "catalog_courses",
        "transcript_entries",
        "course_plans",
        "academic_status",
        "artifacts",
        "portfolio_collections",
        "experiences",
        "experience_hours",
        "capstones",
        "capstone_milestones",
        "capstone_products",
        "capstone_panelists",
        "capstone_results",
        "partners",
        "resources",
        "partner_users",
        "consents",
        "referrals",
        "referral_steps",
    ];
    let mut out = Vec::new();
    for table in tables {
        let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
            .bind(table)
            .fetch_all(sqlite_readers(db))
            .await
            .unwrap();
        let row = columns
            .iter()
            .map(|c| format!("quote({c})"))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        let sql = format!("SELECT '{table}|' || {row} FROM {table} ORDER BY 1");
        out.extend(strings(db, &sql).await);
    }
    out
}

fn quiet(_: Progress) {}

#[tokio::test]
async fn the_same_seed_gives_the_same_district_and_another_seed_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        sqlite_db(dir.path(), "a.db").await,
        sqlite_db(dir.path(), "b.db").await,
        sqlite_db(dir.path(), "c.db").await,
    );
    let opts = DemoOptions::new(400);
    let summary_a = generate(&a, &opts, &quiet).await.unwrap();
    let summary_b = generate(&b, &opts, &quiet).await.unwrap();
    generate(
        &c,
        &DemoOptions {
            seed: 7,
            ..opts.clone()
        },
        &quiet,
    )
    .await
    .unwrap();

    assert_eq!(summary_a, summary_b);
    let (dump_a, dump_b, dump_c) = (dump(&a).await, dump(&b).await, dump(&c).await);
    assert!(dump_a.len() > 4_000, "only {} rows", dump_a.len());
    assert!(dump_a == dump_b, "same seed, different data");
    assert!(dump_a != dump_c, "different seeds, same data");
    let persons = |d: &[String]| {
        d.iter()
            .filter(|r| r.starts_with("persons|"))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_ne!(
        persons(&dump_a),
        persons(&dump_c),
        "a different seed should make different people"
    );
}

#[tokio::test]
async fn a_district_of_2000_looks_like_a_real_one() {
    let (db, _dir) = fresh_db().await;
    let reports = Mutex::new(Vec::new());
    let summary = generate(&db, &DemoOptions::new(2_000), &|p| reports.lock().unwrap().push(p))
        .await
        .unwrap();

    // The summary is what is in the database.
    let counted = DemoSummary {
        districts: count(&db, "SELECT COUNT(*) FROM orgs WHERE kind = 'district'").await as u64,
        schools: count(&db, "SELECT COUNT(*) FROM orgs WHERE kind = 'school'").await as u64,
        students: count(&db, "SELECT COUNT(*) FROM students").await as u64,
        guardians: count(&db, "SELECT COUNT(DISTINCT guardian_id) FROM guardian_links").await as u64,
        staff: count(&db, "SELECT COUNT(DISTINCT person_id) FROM staff_assignments").await as u64,
        classes: count(&db, "SELECT COUNT(*) FROM classes").await as u64,
        enrollments: count(&db, "SELECT COUNT(*) FROM enrollments").await as u64,
        accounts: count(&db, "SELECT COUNT(*) FROM accounts").await as u64,
        goals: count(&db, "SELECT COUNT(*) FROM goals").await as u64,
        check_ins: count(&db, "SELECT COUNT(*) FROM goal_check_ins").await as u64,
        reflections: count(&db, "SELECT COUNT(*) FROM reflections").await as u64,
        reviews: count(&db, "SELECT COUNT(*) FROM plan_reviews").await as u64,
        interactions: count(&db, "SELECT COUNT(*) FROM interactions").await as u64,
        notes: count(&db, "SELECT COUNT(*) FROM notes").await as u64,
        plans_up_to_date: count(&db, "SELECT COUNT(*) FROM plan_status WHERE up_to_date").await as u64,
        inventories_completed: count(
            &db,
            "SELECT COUNT(*) FROM career_inventories WHERE completed_at IS NOT NULL",
        )
        .await as u64,
        saved_careers: count(&db, "SELECT COUNT(*) FROM saved_careers").await as u64,
        explorations: count(&db, "SELECT COUNT(*) FROM career_explorations").await as u64,
        postsecondary_plans: count(&db, "SELECT COUNT(*) FROM postsecondary_plans").await as u64,
        catalog_courses: count(&db, "SELECT COUNT(*) FROM catalog_courses").await as u64,
        transcript_entries: count(&db, "SELECT COUNT(*) FROM transcript_entries").await as u64,
        course_plans: count(&db, "SELECT COUNT(DISTINCT student_id) FROM course_plans").await as u64,
        course_plans_approved: count(
            &db,
            "SELECT COUNT(*) FROM academic_status WHERE plan_status = 'approved'",
        )
        .await as u64,
        not_on_track: count(&db, "SELECT COUNT(*) FROM academic_status WHERE on_track = FALSE").await as u64,
        grade9_off_track: count(
            &db,
            "SELECT COUNT(*) FROM academic_status WHERE grade9_on_track = FALSE",
        )
        .await as u64,
        artifacts: count(&db, "SELECT COUNT(*) FROM artifacts").await as u64,
        best_work: count(&db, "SELECT COUNT(*) FROM artifacts WHERE best_work = TRUE").await as u64,
        collections: count(&db, "SELECT COUNT(*) FROM portfolio_collections").await as u64,
        experiences: count(&db, "SELECT COUNT(*) FROM experiences").await as u64,
        hours_entries: count(&db, "SELECT COUNT(*) FROM experience_hours").await as u64,
        verified_hundredths: count(
            &db,
            "SELECT CAST(COALESCE(SUM(hundredths), 0) AS BIGINT) FROM experience_hours WHERE verified_by IS NOT NULL",
        )
        .await as u64,
        capstones: count(&db, "SELECT COUNT(*) FROM capstones").await as u64,
        capstones_passed: count(
            &db,
            "SELECT COUNT(DISTINCT student_id) FROM capstones WHERE status = 'passed'",
        )
        .await as u64,
        attendance_readings: count(&db, "SELECT COUNT(*) FROM attendance_readings").await as u64,
        behaviour_readings: count(&db, "SELECT COUNT(*) FROM behaviour_readings").await as u64,
        course_marks: count(&db, "SELECT COUNT(*) FROM course_marks").await as u64,
        chronically_absent: count(
            &db,
            "SELECT COUNT(*) FROM attendance_readings WHERE days_enrolled >= 20 \
             AND 10 * (excused + unexcused + disciplinary) >= days_enrolled",
        )
        .await as u64,
        suspended: count(
            &db,
            "SELECT COUNT(*) FROM behaviour_readings WHERE iss_days + oss_days >= 1",
        )
        .await as u64,
        needs: count(&db, "SELECT COUNT(*) FROM needs").await as u64,
        interventions: count(&db, "SELECT COUNT(*) FROM interventions").await as u64,
        intervention_points: count(&db, "SELECT COUNT(*) FROM intervention_points").await as u64,
        // The files' bytes are not in the database; their rows are.
        files: summary.files.clone(),
    };
    assert_eq!(
        summary.files.len() as i64,
        count(&db, "SELECT COUNT(*) FROM artifacts WHERE kind = 'file'").await
    );
    assert_eq!(summary, counted);
    assert_eq!((summary.districts, summary.students), (1, 2_000));
    // Support data at realistic rates: attendance for everyone, about one
    // student in six chronically absent, a few percent suspended, needs and
    // interventions for a minority.
    assert_eq!(summary.attendance_readings, 2_000);
    assert!((240..=400).contains(&summary.chronically_absent), "{summary:?}");
    assert!((20..=120).contains(&summary.suspended), "{summary:?}");
    assert!(summary.course_marks > 2_000 * 4, "{summary:?}");
    assert!((100..=350).contains(&summary.needs), "{summary:?}");
    assert!((100..=350).contains(&summary.interventions), "{summary:?}");
    assert!(summary.intervention_points > summary.interventions, "{summary:?}");
    assert!(summary.schools >= 2, "{summary:?}");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM orgs WHERE kind = 'state'").await, 1);
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM persons").await as u64,
        summary.accounts,
        "everyone can sign in"
    );
    assert_eq!(
        reports.lock().unwrap().iter().rev().find_map(|p| match p {
            Progress::Students { done, total } => Some((*done, *total)),
            Progress::Stage(_) => None,
        }),
        Some((2_000, 2_000))
    );

    // Grades match the school's level.
    let misplaced = "SELECT COUNT(*) FROM students s JOIN orgs o ON o.id = s.school_id \
                     WHERE NOT ((o.school_level = 'middle' AND s.grade_level BETWEEN 6 AND 8) \
                             OR (o.school_level = 'high' AND s.grade_level BETWEEN 9 AND 12))";
    assert_eq!(count(&db, misplaced).await, 0);
    assert_eq!(count(&db, "SELECT COUNT(DISTINCT grade_level) FROM students").await, 7);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM students WHERE graduation_year != 2027 + 12 - grade_level"
        )
        .await,
        0
    );

    // Every student has one or two guardians; families vary.
    let odd_families = "SELECT COUNT(*) FROM students s WHERE (SELECT COUNT(*) FROM guardian_links g \
                        WHERE g.student_id = s.person_id AND g.status = 'active') NOT BETWEEN 1 AND 2";
    assert_eq!(count(&db, odd_families).await, 0);
    let spanish = count(
        &db,
        "SELECT COUNT(DISTINCT student_id) FROM guardian_links WHERE contact_language = 'es'",
    )
    .await;
    assert!(
        (200..=600).contains(&spanish),
        "{spanish} students with Spanish-speaking family"
    );
    let two_homes = count(
        &db,
        "SELECT COUNT(DISTINCT student_id) FROM guardian_links WHERE household = 2",
    )
    .await;
    assert!(
        (150..=500).contains(&two_homes),
        "{two_homes} students with two households"
    );
    assert!(count(&db, "SELECT COUNT(*) FROM guardian_links WHERE NOT educational_rights").await > 0);
    let shared =
        "SELECT COUNT(*) FROM (SELECT guardian_id FROM guardian_links GROUP BY guardian_id HAVING COUNT(*) > 1) AS shared";
    assert!(count(&db, shared).await > 20, "some siblings share guardians");
    assert!(count(&db, "SELECT COUNT(*) FROM persons WHERE preferred_name IS NOT NULL").await > 50);
    assert!(count(&db, "SELECT COUNT(*) FROM persons WHERE pronouns = 'they/them'").await > 0);

    // Some seniors are already adults on 2026-11-02.
    let adults = count(
        &db,
        "SELECT COUNT(*) FROM students WHERE grade_level = 12 AND birth_date <= '2008-11-02'",
    )
    .await;
    assert!(adults > 10, "{adults} seniors are 18");

    // Timetables: seven classes in seven periods; one teacher per class.
    let schedules = "SELECT COUNT(*) FROM (SELECT e.person_id FROM enrollments e JOIN classes c ON c.id = e.class_id \
                     WHERE e.role = 'student' GROUP BY e.person_id HAVING COUNT(DISTINCT c.periods) != 7 OR COUNT(*) != 7) AS odd";
    assert_eq!(count(&db, schedules).await, 0);
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM enrollments WHERE role = 'student'").await,
        14_000
    );
    let teachers = "SELECT COUNT(*) FROM classes c WHERE (SELECT COUNT(*) FROM enrollments e \
                    WHERE e.class_id = c.id AND e.role = 'teacher' AND e.is_primary) != 1";
    assert_eq!(count(&db, teachers).await, 0);
    let double_booked =
        "SELECT COUNT(*) FROM (SELECT e.person_id, c.periods FROM enrollments e JOIN classes c ON c.id = e.class_id \
                         WHERE e.role = 'teacher' GROUP BY e.person_id, c.periods HAVING COUNT(*) > 1) AS clash";
    assert_eq!(count(&db, double_booked).await, 0);
    let avg_size = "SELECT CAST(AVG(n) AS DOUBLE PRECISION) FROM \
                    (SELECT COUNT(*) AS n FROM enrollments WHERE role = 'student' GROUP BY class_id) AS sizes";
    let avg_size: f64 = with_reader!(&db, |p| sqlx::query_scalar(avg_size).fetch_one(p).await).unwrap();
    assert!((20.0..=32.0).contains(&avg_size), "classes average {avg_size} students");
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM classes c LEFT JOIN class_sessions s ON s.class_id = c.id WHERE s.class_id IS NULL"
        )
        .await,
        0
    );

    // Usernames are plain, and the shared password works.
    for username in strings(&db, "SELECT username FROM accounts").await {
        let parsed = ssp_domain::person::Username::parse(&username).unwrap_or_else(|e| panic!("{username:?}: {e:?}"));
        assert_eq!(parsed.as_str(), username);
    }
    assert_eq!(
        count(&db, "SELECT COUNT(DISTINCT password_hash) FROM accounts").await,
        1
    );
}

#[tokio::test]
async fn the_showcase_accounts_are_wired_together() {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};

    let (db, _dir) = fresh_db().await;
    generate(&db, &DemoOptions::new(600), &quiet).await.unwrap();

    for sign_in in demo_sign_ins() {
        let account = ssp_db::repo::accounts::find_by_login(&db, sign_in.username)
            .await
            .unwrap();
        let account = account.unwrap_or_else(|| panic!("{} is missing", sign_in.username));
        let hash = PasswordHash::new(&account.password_hash).unwrap();
        assert!(argon2::Argon2::default()
            .verify_password(ssp_demo::DEMO_PASSWORD.as_bytes(), &hash)
            .is_ok());
        let role_sql = match sign_in.role {
            "student" => "SELECT COUNT(*) FROM students s JOIN accounts a ON a.person_id = s.person_id WHERE a.username = $1".to_owned(),
            "guardian" => "SELECT COUNT(*) FROM guardian_links g JOIN accounts a ON a.person_id = g.guardian_id WHERE a.username = $1".to_owned(),
            "partner_user" => "SELECT COUNT(*) FROM partner_users u JOIN accounts a ON a.person_id = u.person_id WHERE a.username = $1".to_owned(),
            staff => format!(
                "SELECT COUNT(*) FROM staff_assignments s JOIN accounts a ON a.person_id = s.person_id \
                 WHERE a.username = $1 AND s.role = '{staff}'"
            ),
        };
        let n: i64 = with_reader!(&db, |p| sqlx::query_scalar(&role_sql)
            .bind(sign_in.username)
            .fetch_one(p)
            .await)
        .unwrap();
        assert!(n >= 1, "{} is not a {}", sign_in.username, sign_in.role);
        assert!(!sign_in.note.is_empty());
    }

    let student_school = "(SELECT s.school_id FROM students s JOIN accounts a ON a.person_id = s.person_id WHERE a.username = 'demo.student')";
    let at_school = |username: &str, role: &str| {
        format!(
            "SELECT COUNT(*) FROM staff_assignments s JOIN accounts a ON a.person_id = s.person_id \
             WHERE a.username = '{username}' AND s.role = '{role}' AND s.org_id = {student_school}"
        )
    };
    for (username, role) in [
        ("demo.counselor", "counselor"),
        ("demo.schooladmin", "school_admin"),
        ("demo.nurse", "nurse"),
        ("demo.socialworker", "social_worker"),
        ("demo.fps", "family_partnership_specialist"),
        ("demo.csc", "community_school_coordinator"),
        ("demo.mentor", "mentor_advisor"),
        ("demo.teacher", "teacher"),
    ] {
        assert_eq!(
            count(&db, &at_school(username, role)).await,
            1,
            "{username} is not a {role} at demo.student's school"
        );
    }
    let school = "SELECT o.name, o.school_level, s.grade_level FROM orgs o JOIN students s ON s.school_id = o.id \
                  JOIN accounts a ON a.person_id = s.person_id WHERE a.username = 'demo.student'";
    let school: (String, Option<String>, i32) =
        with_reader!(&db, |p| sqlx::query_as(school).fetch_one(p).await).unwrap();
    assert_eq!(
        school,
        ("Riverside High School".to_owned(), Some("high".to_owned()), 10)
    );

    let teaches_her = "SELECT COUNT(*) FROM enrollments t JOIN enrollments s ON s.class_id = t.class_id \
                       JOIN accounts ta ON ta.person_id = t.person_id JOIN accounts sa ON sa.person_id = s.person_id \
                       JOIN classes c ON c.id = t.class_id \
                       WHERE ta.username = 'demo.teacher' AND t.role = 'teacher' AND sa.username = 'demo.student' \
                       AND s.role = 'student' AND c.title = 'English 10'";
    assert_eq!(count(&db, teaches_her).await, 1);

    let district_admin = "SELECT COUNT(*) FROM staff_assignments s JOIN accounts a ON a.person_id = s.person_id \
                          JOIN orgs o ON o.id = s.org_id WHERE a.username = 'demo.districtadmin' \
                          AND o.kind = 'district' AND o.name = 'Harbor City Public Schools'";
    assert_eq!(count(&db, district_admin).await, 1);

    // Two parents in two households, one Spanish-speaking; a brother who is 18.
    let parents = "SELECT ga.username, g.contact_language, g.household, g.educational_rights, p.preferred_language, \
                   ga.ui_language FROM guardian_links g JOIN accounts sa ON sa.person_id = g.student_id \
                   JOIN accounts ga ON ga.person_id = g.guardian_id JOIN persons p ON p.id = g.guardian_id \
                   WHERE sa.username = 'demo.student' ORDER BY g.household";
    let parents: Vec<(String, String, i32, bool, String, Option<String>)> =
        with_reader!(&db, |p| sqlx::query_as(parents).fetch_all(p).await).unwrap();
    assert_eq!(
        parents,
        vec![
            (
                "demo.guardian".to_owned(),
                "en".to_owned(),
                1,
                true,
                "en".to_owned(),
                Some("en".to_owned())
            ),
            (
                "demo.guardian.es".to_owned(),
                "es".to_owned(),
                2,
                true,
                "es".to_owned(),
                Some("es".to_owned())
            ),
        ]
    );
    let children = "SELECT COUNT(*) FROM guardian_links g JOIN accounts a ON a.person_id = g.guardian_id \
                    JOIN students s ON s.person_id = g.student_id WHERE a.username = 'demo.guardian.es'";
    assert_eq!(count(&db, children).await, 2);
    let adult_brother = "SELECT COUNT(*) FROM guardian_links g JOIN accounts a ON a.person_id = g.guardian_id \
                         JOIN students s ON s.person_id = g.student_id \
                         WHERE a.username = 'demo.guardian' AND s.grade_level = 12 AND s.birth_date <= '2008-11-02'";
    assert_eq!(count(&db, adult_brother).await, 1);
}

#[tokio::test]
async fn a_database_with_data_is_refused() {
    let (db, _dir) = fresh_db().await;
    generate(&db, &DemoOptions::new(60), &quiet).await.unwrap();
    let before = count(&db, "SELECT COUNT(*) FROM persons").await;
    let err = generate(&db, &DemoOptions::new(60), &quiet).await.unwrap_err();
    assert!(matches!(err, DemoError::NotEmpty), "{err}");
    assert_eq!(
        err.to_string(),
        "the database already holds data; the demo only fills an empty database"
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM persons").await, before);
}

#[tokio::test]
async fn too_few_students_is_a_clear_error() {
    let (db, _dir) = fresh_db().await;
    let err = generate(&db, &DemoOptions::new(10), &quiet).await.unwrap_err();
    assert!(matches!(err, DemoError::TooFewStudents { minimum: 50 }), "{err}");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM orgs").await, 0);
}

/// The stored status of every plan is the app's own verdict on the stored
/// rows (gathered and judged by `ssp_app::status`, as a plan write
/// would); returns the share of plans up to date.
async fn up_to_date_share_by_the_rule(db: &Db, today: time::Date) -> f64 {
    let students: Vec<(uuid::Uuid, uuid::Uuid, i32)> = with_reader!(db, |p| sqlx::query_as(
        "SELECT person_id, district_id, grade_level FROM students ORDER BY person_id"
    )
    .fetch_all(p)
    .await)
    .unwrap();
    let mut up_to_date = 0;
    for &(student, district, grade) in &students {
        let id = StudentId(student);
        let settings = ssp_db::repo::settings::get(db, OrgId(district)).await.unwrap();
        let goals = ssp_db::repo::plan::goals(db, id).await.unwrap();
        let records = ssp_db::repo::plan::activity_records(db, id).await.unwrap();
        let review = ssp_db::repo::plan::latest_review(db, id).await.unwrap();
        let activities = ssp_app::status::activities_for(grade, SchoolYear::containing(today), &records, &settings);
        let facts = ssp_app::status::facts(&goals, &activities, review.as_ref(), today);
        let verdict = ssp_app::status::rule_for(&settings).evaluate(&facts);
        let stored = ssp_db::repo::plan::status(db, id)
            .await
            .unwrap()
            .expect("every plan has a status");
        let codes: Vec<&str> = verdict.failures.iter().map(|f| f.code()).collect();
        assert_eq!(
            (stored.up_to_date, stored.failures.as_str()),
            (verdict.up_to_date, codes.join(",").as_str()),
            "student {student}"
        );
        up_to_date += usize::from(verdict.up_to_date);
    }
    up_to_date as f64 / students.len() as f64
}

#[tokio::test]
async fn plans_of_2000_students_hold_the_districts_rates() {
    let (db, _dir) = fresh_db().await;
    let opts = DemoOptions::new(2_000);
    let summary = generate(&db, &opts, &quiet).await.unwrap();

    // About 2.4 goals in this year's plan: the goals the students set (not
    // staff suggestions still waiting) that are open or closed this school
    // year; last year's closed goals are history.
    let this_year = "SELECT COUNT(*) FROM goals WHERE status <> 'draft' \
                     AND (status IN ('active', 'revised') OR updated_at >= '2026-07-01')";
    let per_plan = count(&db, this_year).await as f64 / 2_000.0;
    eprintln!("{per_plan:.2} goals per plan");
    assert!((2.0..=2.8).contains(&per_plan), "{per_plan:.2} goals per plan");

    // About seven plans in ten are up to date, by the rule on the stored rows.
    let share = up_to_date_share_by_the_rule(&db, opts.today).await;
    eprintln!("{share:.3} of plans up to date");
    assert!((0.6..=0.8).contains(&share), "{share:.3} of plans up to date");
    assert_eq!(summary.plans_up_to_date as f64 / 2_000.0, share);

    // Every goal status, every domain, every measure, every note class.
    let statuses = strings(&db, "SELECT DISTINCT status FROM goals ORDER BY status").await;
    let mut all: Vec<&str> = GoalStatus::ALL.iter().map(|s| s.as_str()).collect();
    all.sort_unstable();
    assert_eq!(statuses, all);
    assert_eq!(
        strings(&db, "SELECT DISTINCT domain FROM goals ORDER BY domain").await,
        ["academic", "career", "sep"]
    );
    assert_eq!(count(&db, "SELECT COUNT(DISTINCT measure_kind) FROM goals").await, 4);
    assert_eq!(
        strings(&db, "SELECT DISTINCT sensitivity FROM notes ORDER BY sensitivity").await,
        ["restricted_health", "restricted_social", "shared", "staff"]
    );
    for (class, role) in [("restricted_health", "nurse"), ("restricted_social", "social_worker")] {
        let by_others = format!(
            "SELECT COUNT(*) FROM notes n WHERE n.sensitivity = '{class}' AND NOT EXISTS \
             (SELECT 1 FROM staff_assignments a JOIN students s ON s.school_id = a.org_id \
              WHERE a.person_id = n.author_id AND a.role = '{role}' AND s.person_id = n.student_id)"
        );
        assert_eq!(
            count(&db, &by_others).await,
            0,
            "{class} notes are written by the school's {role}"
        );
    }

    // Check-ins: inside the measure's range, never before the goal started,
    // over months; staff suggestions have none and name who suggested them.
    let values: Vec<(f64, String)> = with_reader!(&db, |p| sqlx::query_as(
        "SELECT c.value, g.measure_kind FROM goal_check_ins c JOIN goals g ON g.id = c.goal_id"
    )
    .fetch_all(p)
    .await)
    .unwrap();
    assert!(values.len() > 8_000, "{} check-ins", values.len());
    for (value, kind) in &values {
        let kind = MeasureKind::parse(kind).unwrap();
        assert_eq!(
            kind.parse_value(&value.to_string()).ok(),
            Some(*value),
            "{value} for {kind:?}"
        );
    }
    let early = "SELECT COUNT(*) FROM goal_check_ins c JOIN goals g ON g.id = c.goal_id \
                 WHERE g.activated_on IS NULL OR c.on_date < g.activated_on OR c.on_date >= '2026-11-02'";
    assert_eq!(count(&db, early).await, 0);
    let months = "SELECT COUNT(DISTINCT SUBSTR(CAST(on_date AS TEXT), 1, 7)) FROM goal_check_ins";
    assert!(count(&db, months).await >= 12, "check-ins over two school years");
    let drafts = "SELECT COUNT(*) FROM goals g WHERE g.status = 'draft' AND (g.suggested_by IS NULL OR g.activated_on IS NOT NULL \
                  OR EXISTS (SELECT 1 FROM goal_check_ins c WHERE c.goal_id = g.id))";
    assert_eq!(count(&db, drafts).await, 0);
    assert!(count(&db, "SELECT COUNT(*) FROM goals WHERE status = 'draft'").await > 50);
    assert!(count(&db, "SELECT COUNT(*) FROM goal_action_steps WHERE done_at IS NOT NULL").await > 100);
    assert!(count(&db, "SELECT COUNT(*) FROM goal_action_steps WHERE done_at IS NULL").await > 100);
    assert!(count(&db, "SELECT COUNT(*) FROM goal_supports").await > 100);

    // Reflections on all three prompts, some with comments; interactions
    // with follow-ups done, open and overdue.
    assert_eq!(count(&db, "SELECT COUNT(DISTINCT prompt) FROM reflections").await, 3);
    assert!(count(&db, "SELECT COUNT(*) FROM reflection_comments").await > 100);
    assert!(count(&db, "SELECT COUNT(DISTINCT kind) FROM interactions").await >= 6);
    assert!(
        count(
            &db,
            "SELECT COUNT(*) FROM interaction_follow_ups WHERE done_at IS NOT NULL"
        )
        .await
            > 50
    );
    let overdue = "SELECT COUNT(*) FROM interaction_follow_ups WHERE done_at IS NULL AND due_on < '2026-11-02'";
    assert!(count(&db, overdue).await > 20);
    let upcoming = "SELECT COUNT(*) FROM interaction_follow_ups WHERE done_at IS NULL AND due_on >= '2026-11-02'";
    assert!(count(&db, upcoming).await > 20);

    // Reviews of both years, signed and not; a snapshot wherever a review
    // holds every required signature (where the app writes one).
    for year in [2026, 2027] {
        let complete = format!(
            "SELECT COUNT(*) FROM plan_reviews WHERE school_year = {year} AND student_signed_at IS NOT NULL \
             AND manager_signed_at IS NOT NULL AND (guardian_signed_at IS NOT NULL OR guardian_attempts > 0)"
        );
        let snapshots = format!("SELECT COUNT(*) FROM plan_year_snapshots WHERE school_year = {year}");
        let (complete, snapshots) = (count(&db, &complete).await, count(&db, &snapshots).await);
        assert!(complete > 500, "{complete} complete reviews in {year}");
        assert_eq!(complete, snapshots, "{year}");
        let unsigned = format!(
            "SELECT COUNT(*) FROM plan_reviews WHERE school_year = {year} AND (student_signed_at IS NULL OR manager_signed_at IS NULL)"
        );
        assert!(count(&db, &unsigned).await > 20, "{year}");
    }
    let snapshot = strings(
        &db,
        "SELECT snapshot FROM plan_year_snapshots WHERE school_year = 2027 LIMIT 1",
    )
    .await;
    let snapshot: ssp_app::status::Snapshot = serde_json::from_str(&snapshot[0]).expect("the app reads the snapshot");
    assert_eq!(snapshot.school_year, 2027);
    assert!(!snapshot.goals.is_empty());
}

#[tokio::test]
async fn the_showcase_accounts_each_have_something_to_do() {
    let (db, _dir) = fresh_db().await;
    generate(&db, &DemoOptions::new(600), &quiet).await.unwrap();
    let student = "(SELECT person_id FROM accounts WHERE username = 'demo.student')";
    let person = |username: &str| format!("(SELECT person_id FROM accounts WHERE username = '{username}')");

    // demo.student: an overdue check-in, a career goal suggested by her
    // counselor (so far no career goal of her own), this year's review
    // waiting for her signature.
    let failures = strings(
        &db,
        &format!("SELECT failures FROM plan_status WHERE student_id = {student}"),
    )
    .await;
    assert!(failures[0].contains("check_in_overdue"), "{failures:?}");
    assert!(failures[0].contains("no_goal_in_domain"), "{failures:?}");
    let suggested = format!(
        "SELECT COUNT(*) FROM goals WHERE student_id = {student} AND status = 'draft' AND domain = 'career' \
         AND suggested_by = {}",
        person("demo.counselor")
    );
    assert_eq!(count(&db, &suggested).await, 1);
    let waiting = format!(
        "SELECT COUNT(*) FROM plan_reviews WHERE student_id = {student} AND school_year = 2027 \
         AND student_signed_at IS NULL AND guardian_signed_at IS NULL AND manager_signed_at IS NOT NULL"
    );
    assert_eq!(count(&db, &waiting).await, 1, "her review waits for her and a parent");
    let goals = format!("SELECT COUNT(DISTINCT domain) FROM goals WHERE student_id = {student} AND status = 'active'");
    assert_eq!(count(&db, &goals).await, 2);

    // Both parents may sign it (educational rights); her brother's plan is up
    // to date and not shared with them.
    for parent in ["demo.guardian", "demo.guardian.es"] {
        let rights = format!(
            "SELECT COUNT(*) FROM guardian_links WHERE student_id = {student} AND guardian_id = {} AND educational_rights",
            person(parent)
        );
        assert_eq!(count(&db, &rights).await, 1, "{parent}");
    }
    let brother = "SELECT ps.up_to_date, s.shares_with_guardians FROM plan_status ps JOIN students s ON s.person_id = ps.student_id \
                   JOIN guardian_links g ON g.student_id = s.person_id JOIN accounts a ON a.person_id = g.guardian_id \
                   WHERE a.username = 'demo.guardian' AND s.grade_level = 12";
    let brother: (bool, bool) = with_reader!(&db, |p| sqlx::query_as(brother).fetch_one(p).await).unwrap();
    assert_eq!(brother, (true, false));

    // Her team, as the README's account table says (the roster's: the
    // integration tests add the other roles themselves).
    let team = format!(
        "SELECT a.username || ':' || t.team_role FROM team_members t JOIN accounts a ON a.person_id = t.staff_id \
         WHERE t.student_id = {student} ORDER BY 1"
    );
    assert_eq!(
        strings(&db, &team).await,
        ["demo.counselor:counselor", "demo.mentor:mentor_advisor"]
    );
    let csc_on_brother = "SELECT COUNT(*) FROM team_members t JOIN accounts a ON a.person_id = t.staff_id \
                          JOIN students s ON s.person_id = t.student_id \
                          JOIN guardian_links g ON g.student_id = s.person_id JOIN accounts ga ON ga.person_id = g.guardian_id \
                          WHERE a.username = 'demo.csc' AND ga.username = 'demo.guardian' AND s.grade_level = 12";
    assert_eq!(count(&db, csc_on_brother).await, 1);

    // demo.counselor manages ~a caseload with overdue check-ins, overdue
    // follow-ups and reviews waiting for the plan manager's signature.
    let counselor = person("demo.counselor");
    let managed = format!("SELECT COUNT(*) FROM plan_managers WHERE staff_id = {counselor} AND ended_at IS NULL");
    assert!(count(&db, &managed).await >= 100);
    let late = format!(
        "SELECT COUNT(*) FROM plan_status ps JOIN plan_managers pm ON pm.student_id = ps.student_id \
         WHERE pm.staff_id = {counselor} AND ps.overdue_check_ins > 0"
    );
    assert!(count(&db, &late).await >= 3);
    let follow_ups = format!(
        "SELECT COUNT(*) FROM interaction_follow_ups WHERE owner_id = {counselor} AND done_at IS NULL AND due_on < '2026-11-02'"
    );
    assert!(count(&db, &follow_ups).await >= 2);
    let to_sign = format!(
        "SELECT COUNT(*) FROM plan_reviews r JOIN plan_managers pm ON pm.student_id = r.student_id \
         WHERE pm.staff_id = {counselor} AND r.school_year = 2027 AND r.student_signed_at IS NOT NULL AND r.manager_signed_at IS NULL"
    );
    assert!(count(&db, &to_sign).await >= 1);

    // The nurse and the social worker have restricted notes on students of
    // their team; the teacher's students have academic goals.
    for (username, class, role) in [
        ("demo.nurse", "restricted_health", "nurse"),
        ("demo.socialworker", "restricted_social", "social_worker"),
    ] {
        let notes = format!(
            "SELECT COUNT(*) FROM notes n JOIN team_members t ON t.student_id = n.student_id AND t.staff_id = n.author_id \
             WHERE n.author_id = {} AND n.sensitivity = '{class}' AND t.team_role = '{role}'",
            person(username)
        );
        assert!(count(&db, &notes).await >= 1, "{username}");
    }
    let taught = format!(
        "SELECT COUNT(DISTINCT s.person_id) FROM enrollments t JOIN enrollments s ON s.class_id = t.class_id AND s.role = 'student' \
         JOIN goals g ON g.student_id = s.person_id WHERE t.person_id = {} AND t.role = 'teacher' \
         AND g.domain = 'academic' AND g.status = 'active'",
        person("demo.teacher")
    );
    assert!(count(&db, &taught).await >= 20);
    for username in ["demo.mentor", "demo.fps", "demo.csc"] {
        let wrote = format!(
            "SELECT COUNT(*) FROM interactions WHERE author_id = {}",
            person(username)
        );
        assert!(count(&db, &wrote).await >= 1, "{username}");
    }
    // demo.partner: referrals to the clinic at every step, under consents
    // in force, one revoked and one expired.
    let clinic = format!(
        "(SELECT partner_id FROM partner_users WHERE person_id = {})",
        person("demo.partner")
    );
    for status in ["sent", "accepted", "declined", "in_service", "closed"] {
        let n = count(
            &db,
            &format!("SELECT COUNT(*) FROM referrals WHERE partner_id = {clinic} AND status = '{status}'"),
        )
        .await;
        assert!(n >= 1, "{status}");
    }
    let revoked = format!("SELECT COUNT(*) FROM consents WHERE partner_id = {clinic} AND revoked_at IS NOT NULL");
    assert_eq!(count(&db, &revoked).await, 1);
    let expired = format!("SELECT COUNT(*) FROM consents WHERE partner_id = {clinic} AND expires_on < '2026-11-02'");
    assert_eq!(count(&db, &expired).await, 1);
}

/// The app's clock, stopped at the demo's morning.
struct DemoMorning(time::OffsetDateTime);

impl ssp_app::Clock for DemoMorning {
    fn now(&self) -> time::OffsetDateTime {
        self.0
    }
}

#[tokio::test]
async fn academic_records_of_2000_students_hold_realistic_rates() {
    let (db, _dir) = fresh_db().await;
    let opts = DemoOptions::new(2_000);
    generate(&db, &opts, &quiet).await.unwrap();

    // A catalog of a real program of studies, every requirement category in it.
    let courses = count(&db, "SELECT COUNT(*) FROM catalog_courses").await;
    assert!((150..=250).contains(&courses), "{courses} courses");
    assert_eq!(
        count(&db, "SELECT COUNT(DISTINCT subject_area) FROM catalog_courses").await,
        7
    );
    for rigor in ["honors", "ap", "dual_credit", "cte"] {
        let n = count(
            &db,
            &format!("SELECT COUNT(*) FROM catalog_courses WHERE rigor = '{rigor}'"),
        )
        .await;
        assert!(n >= 5, "{rigor}: {n}");
    }
    assert_eq!(
        strings(&db, "SELECT prerequisites FROM catalog_courses WHERE code = 'APCALCAB'").await,
        ["PREC"]
    );
    assert!(count(&db, "SELECT COUNT(*) FROM catalog_courses WHERE pathways <> ''").await >= 20);

    // Every high-school student has a transcript: this year's courses under
    // way without a mark, earlier years marked; middle schoolers none.
    let hs = count(&db, "SELECT COUNT(*) FROM students WHERE grade_level >= 9").await as f64;
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(DISTINCT student_id) FROM transcript_entries WHERE school_year = 2027 AND mark IS NULL"
        )
        .await as f64,
        hs
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM transcript_entries WHERE school_year = 2027 AND mark IS NOT NULL"
        )
        .await,
        0
    );
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM transcript_entries t JOIN students s ON s.person_id = t.student_id WHERE s.grade_level < 8").await,
        0
    );
    // Marks: mostly As to Cs, a few Fs; some failed semesters recovered in summer.
    let marked = count(
        &db,
        "SELECT COUNT(*) FROM transcript_entries WHERE mark IS NOT NULL AND term <> 'summer'",
    )
    .await as f64;
    let share = |n: i64| n as f64 / marked;
    let f = share(count(&db, "SELECT COUNT(*) FROM transcript_entries WHERE mark = 'F'").await);
    let a_to_c = share(
        count(
            &db,
            "SELECT COUNT(*) FROM transcript_entries WHERE substr(mark, 1, 1) IN ('A', 'B', 'C')",
        )
        .await,
    );
    assert!((0.01..0.06).contains(&f), "F share {f:.3}");
    assert!(a_to_c > 0.8, "A–C share {a_to_c:.3}");
    assert!(
        count(
            &db,
            "SELECT COUNT(*) FROM transcript_entries WHERE term = 'summer' AND mark = 'P'"
        )
        .await
            >= 5
    );
    // Some ninth-grade semester Fs in core courses.
    let core_f = "SELECT COUNT(DISTINCT t.student_id) FROM transcript_entries t JOIN catalog_courses c ON c.code = t.course_code \
                  AND c.district_id = t.district_id WHERE t.grade_level = 9 AND t.mark = 'F' AND c.core";
    assert!(count(&db, core_f).await >= 10);

    // Course plans: most of grades 8–12, in every status.
    let planned = count(
        &db,
        "SELECT COUNT(*) FROM academic_status a JOIN students s ON s.person_id = a.student_id \
                              WHERE s.grade_level >= 9 AND a.plan_status <> 'none'",
    )
    .await as f64;
    assert!(planned / hs > 0.85, "plans {:.2}", planned / hs);
    for status in ["draft", "submitted", "returned", "approved"] {
        let n = count(
            &db,
            &format!("SELECT COUNT(*) FROM academic_status WHERE plan_status = '{status}'"),
        )
        .await;
        assert!(n >= 10, "{status}: {n}");
    }
    assert!(
        count(
            &db,
            "SELECT COUNT(*) FROM course_plans WHERE acknowledged_at IS NOT NULL"
        )
        .await
            >= 50
    );
    assert!(
        count(
            &db,
            "SELECT COUNT(*) FROM course_plans WHERE status = 'returned' AND comment = ''"
        )
        .await
            == 0
    );
    assert!(count(&db, "SELECT COUNT(*) FROM course_plans WHERE version = 2").await >= 10);

    // Standing: one row a student; 10–20 % of high schoolers not on track.
    assert_eq!(count(&db, "SELECT COUNT(*) FROM academic_status").await, 2_000);
    let off = count(&db, "SELECT COUNT(*) FROM academic_status WHERE on_track = FALSE").await as f64 / hs;
    assert!((0.10..=0.20).contains(&off), "not on track {off:.3}");
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM academic_status a JOIN students s ON s.person_id = a.student_id \
                    WHERE s.grade_level < 9 AND a.on_track IS NOT NULL"
        )
        .await,
        0
    );
}

/// Every stored standing, in student order (portable: read typed, not as
/// engine-specific text).
async fn standings(db: &Db) -> Vec<(uuid::Uuid, Option<bool>, Option<bool>, String)> {
    let mut rows: Vec<(uuid::Uuid, Option<bool>, Option<bool>, String)> = with_reader!(db, |p| sqlx::query_as(
        "SELECT student_id, on_track, grade9_on_track, plan_status FROM academic_status"
    )
    .fetch_all(p)
    .await)
    .unwrap();
    rows.sort();
    rows
}

#[tokio::test]
async fn the_stored_standing_is_what_the_app_computes() {
    let (db, _dir) = fresh_db().await;
    let opts = DemoOptions::new(400);
    generate(&db, &opts, &quiet).await.unwrap();
    let before = standings(&db).await;
    let morning = time::PrimitiveDateTime::new(opts.today, time::macros::time!(08:00)).assume_utc();
    let app = ssp_app::App::new(db.clone(), std::sync::Arc::new(DemoMorning(morning)));
    let students: Vec<(uuid::Uuid, uuid::Uuid)> =
        with_reader!(&db, |p| sqlx::query_as("SELECT person_id, district_id FROM students")
            .fetch_all(p)
            .await)
        .unwrap();
    // Some seniors passed their capstone: the audit counts it.
    assert!(count(&db, "SELECT COUNT(*) FROM capstones WHERE status = 'passed'").await > 0);
    for (student, district) in students {
        ssp_app::academics::course_plan::refresh_status(&app, OrgId(district), StudentId(student))
            .await
            .unwrap();
    }
    let after = standings(&db).await;
    let differ: Vec<_> = before.iter().zip(&after).filter(|(b, a)| b != a).collect();
    assert!(
        differ.is_empty(),
        "{} of {} differ: {:?}",
        differ.len(),
        before.len(),
        &differ[..differ.len().min(5)]
    );
}

#[tokio::test]
async fn the_showcase_student_has_an_academic_record_to_look_at() {
    let (db, _dir) = fresh_db().await;
    generate(&db, &DemoOptions::new(400), &quiet).await.unwrap();
    let camila = "(SELECT person_id FROM accounts WHERE username = 'demo.student')";
    let mateo = "(SELECT student_id FROM guardian_links WHERE guardian_id = (SELECT person_id FROM accounts WHERE username = 'demo.guardian') \
                 AND student_id <> (SELECT person_id FROM accounts WHERE username = 'demo.student'))";
    // Grade 9 marked, grade 10 under way, no failure.
    assert!(count(&db, &format!("SELECT COUNT(*) FROM transcript_entries WHERE student_id = {camila} AND grade_level = 9 AND mark IS NOT NULL")).await >= 7);
    assert!(
        count(
            &db,
            &format!("SELECT COUNT(*) FROM transcript_entries WHERE student_id = {camila} AND mark IS NULL")
        )
        .await
            >= 5
    );
    assert_eq!(
        count(
            &db,
            &format!("SELECT COUNT(*) FROM transcript_entries WHERE student_id = {camila} AND mark = 'F'")
        )
        .await,
        0
    );
    // An approved, acknowledged plan and a changed version waiting for her counselor.
    assert_eq!(
        strings(&db, &format!("SELECT version || ' ' || status || ' ' || CASE WHEN acknowledged_at IS NOT NULL THEN 'acknowledged' ELSE 'not acknowledged' END FROM course_plans WHERE student_id = {camila} ORDER BY version")).await,
        ["1 approved acknowledged", "2 submitted not acknowledged"]
    );
    assert_eq!(
        strings(
            &db,
            &format!("SELECT CASE WHEN on_track THEN 'on track' WHEN NOT on_track THEN 'not on track' ELSE 'none' END || ' ' || plan_status FROM academic_status WHERE student_id = {camila}")
        )
        .await,
        ["on track submitted"]
    );
    assert_eq!(
        strings(
            &db,
            &format!("SELECT plan_status FROM academic_status WHERE student_id = {mateo}")
        )
        .await,
        ["approved"]
    );
}

/// The share of the students of `grades` for whom `condition` (SQL over
/// `s`, the students row) holds.
async fn share(db: &Db, grades: &str, condition: &str) -> f64 {
    let all = count(
        db,
        &format!("SELECT COUNT(*) FROM students s WHERE s.grade_level IN ({grades})"),
    )
    .await;
    let with = count(
        db,
        &format!("SELECT COUNT(*) FROM students s WHERE s.grade_level IN ({grades}) AND {condition}"),
    )
    .await;
    with as f64 / all.max(1) as f64
}

#[tokio::test]
async fn portfolios_of_2000_students_hold_realistic_rates() {
    let (db, _dir) = fresh_db().await;
    generate(&db, &DemoOptions::new(2_000), &quiet).await.unwrap();
    let all_grades = "6, 7, 8, 9, 10, 11, 12";

    // About one student in seven has no work; the rest a few pieces a year.
    let none = share(
        &db,
        all_grades,
        "NOT EXISTS (SELECT 1 FROM artifacts a WHERE a.student_id = s.person_id)",
    )
    .await;
    assert!((0.08..=0.2).contains(&none), "without artifacts: {none}");
    let best_share = count(&db, "SELECT COUNT(*) FROM artifacts WHERE best_work = TRUE").await as f64
        / count(&db, "SELECT COUNT(*) FROM artifacts").await as f64;
    assert!((0.1..=0.35).contains(&best_share), "best work: {best_share}");
    let texts_and_links = count(&db, "SELECT COUNT(*) FROM artifacts WHERE kind IN ('text', 'link')").await as f64
        / count(&db, "SELECT COUNT(*) FROM artifacts").await as f64;
    assert!(texts_and_links > 0.99, "{texts_and_links}");
    let evidence = count(&db, "SELECT COUNT(*) FROM artifacts WHERE goal_id IS NOT NULL").await;
    assert!(evidence > 100, "{evidence} pieces are evidence for a goal");

    // Experiences: most of grades 9–12, few of 6–8.
    let experienced = "EXISTS (SELECT 1 FROM experiences e WHERE e.student_id = s.person_id)";
    let high = share(&db, "9, 10, 11, 12", experienced).await;
    assert!((0.55..=0.85).contains(&high), "grades 9–12: {high}");
    let middle = share(&db, "6, 7, 8", experienced).await;
    assert!(middle <= 0.2, "grades 6–8: {middle}");
    // A done grade-10 work-based learning activity has its experience.
    let missing = count(
        &db,
        "SELECT COUNT(*) FROM student_activities a WHERE a.activity_key = 'g10_work_based_learning' \
         AND a.state = 'done' AND NOT EXISTS (SELECT 1 FROM experiences e WHERE e.student_id = a.student_id \
         AND e.kind = 'job_shadow')",
    )
    .await;
    assert_eq!(missing, 0);

    // Capstones: nine seniors in ten, one junior in ten; a done capstone
    // activity is a passed capstone.
    let started = "EXISTS (SELECT 1 FROM capstones c WHERE c.student_id = s.person_id)";
    let seniors = share(&db, "12", started).await;
    assert!((0.8..=0.97).contains(&seniors), "seniors: {seniors}");
    let juniors = share(&db, "11", started).await;
    assert!((0.04..=0.2).contains(&juniors), "juniors: {juniors}");
    let unpassed = count(
        &db,
        "SELECT COUNT(*) FROM student_activities a WHERE a.activity_key = 'g12_capstone' AND a.state = 'done' \
         AND NOT EXISTS (SELECT 1 FROM capstones c WHERE c.student_id = a.student_id AND c.status = 'passed')",
    )
    .await;
    assert_eq!(unpassed, 0);
    let stages = count(&db, "SELECT COUNT(DISTINCT status) FROM capstones").await;
    assert!(stages >= 8, "{stages} stages");
    // Final products are the students' own work.
    let foreign = count(
        &db,
        "SELECT COUNT(*) FROM capstone_products p JOIN capstones c ON c.id = p.capstone_id \
         WHERE p.artifact_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM artifacts a \
         WHERE a.id = p.artifact_id AND a.student_id = c.student_id)",
    )
    .await;
    assert_eq!(foreign, 0);
}
