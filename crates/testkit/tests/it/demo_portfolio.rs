//! The living demo's portfolios, experiences and capstones: the showcase
//! family's pages show their story, the district's rates are realistic,
//! every stored capstone is a state the state machine reaches, and hours
//! fit the rules the app applies when they are logged.

use ssp_domain::portfolio::capstone::{
    transition, CapstoneEvent, CapstoneState, CapstoneStatus, PresentationDate, ProposalRaw, ReturnComment,
};
use ssp_testkit::TestApp;
use time::Date;
use uuid::Uuid;

async fn number(app: &TestApp, sql: &str) -> i64 {
    ssp_db::with_reader!(&app.db, |p| sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// A count with `$1` bound to `id`.
async fn number_of(app: &TestApp, sql: &str, id: Uuid) -> i64 {
    ssp_db::with_reader!(&app.db, |p| sqlx::query_scalar::<_, i64>(sql)
        .bind(id)
        .fetch_one(p)
        .await)
    .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// This school year (July–June) as the demo has it.
fn this_year() -> i32 {
    ssp_domain::SchoolYear::containing(ssp_demo::DemoOptions::new(120).today).0
}

/// demo.student's brother Mateo, a senior: his id and username.
async fn mateo(app: &TestApp) -> (Uuid, String) {
    let father = app.person("demo.guardian").await;
    let id = app
        .query_id(
            "SELECT s.person_id FROM students s JOIN guardian_links g ON g.student_id = s.person_id \
             WHERE g.guardian_id = $1 AND s.grade_level = 12",
            &[father],
        )
        .await
        .expect("the showcase family has a senior");
    let username: String = ssp_db::with_reader!(&app.db, |p| sqlx::query_scalar(
        "SELECT username FROM accounts WHERE person_id = $1"
    )
    .bind(id)
    .fetch_one(p)
    .await)
    .expect("he has an account");
    (id, username)
}

#[tokio::test]
async fn the_showcase_students_portfolio_shows_her_work_and_her_files_open() {
    let app = TestApp::with_living_demo().await;
    let camila = app.signed_in("demo.student").await;
    let id = app.person("demo.student").await;

    let page = camila.get(&format!("/students/{id}/portfolio")).await;
    assert_eq!(page.status, 200);
    for shown in [
        "Algebra I: my quiz corrections",
        "Personal narrative: Saturdays at the bakery",
        "Interview with my aunt, an ER nurse",
        "Biology: animal cell diagram",
        "Lab report: temperature and enzyme activity",
        "Health careers",
        "Best work",
        "Drawing it myself helped me remember the organelles",
    ] {
        assert!(page.text.contains(shown), "{shown}: {}", page.text);
    }

    // Her drawing and lab report are real files in the file store.
    for (title, content_type, magic) in [
        ("Biology: animal cell diagram", "image/png", &b"\x89PNG"[..]),
        (
            "Lab report: temperature and enzyme activity",
            "application/pdf",
            &b"%PDF-"[..],
        ),
    ] {
        let artifact: Uuid = ssp_db::with_reader!(&app.db, |p| sqlx::query_scalar(
            "SELECT id FROM artifacts WHERE student_id = $1 AND title = $2"
        )
        .bind(id)
        .bind(title)
        .fetch_one(p)
        .await)
        .expect("the piece is stored");
        let file = camila.get(&format!("/students/{id}/portfolio/{artifact}/file")).await;
        assert_eq!(file.status, 200, "{title}");
        assert_eq!(file.header("content-type"), Some(content_type), "{title}");
        assert!(file.bytes.starts_with(magic), "{title}");
    }

    // Her first piece is evidence for her met Algebra I goal.
    let evidence = number_of(
        &app,
        "SELECT COUNT(*) FROM artifacts a JOIN goals g ON g.id = a.goal_id \
         WHERE a.student_id = $1 AND g.statement = 'Pass Algebra I with a 75 or better'",
        id,
    )
    .await;
    assert_eq!(evidence, 1);
}

#[tokio::test]
async fn the_showcase_students_experiences_show_her_verified_hours() {
    let app = TestApp::with_living_demo().await;
    let camila = app.signed_in("demo.student").await;
    let id = app.person("demo.student").await;

    let page = camila.get(&format!("/students/{id}/experiences")).await;
    assert_eq!(page.status, 200);
    for shown in [
        "Riverside Public Library",
        "Girls' Soccer (JV)",
        "Dana Okafor",
        "Verified by supervisor",
        "Not verified",
    ] {
        assert!(page.text.contains(shown), "{shown}: {}", page.text);
    }
    // Eight reading-buddy afternoons of an hour and a half, all confirmed;
    // the soccer season confirmed through September, October's waiting.
    assert!(page.body.contains("<strong>12</strong> verified"), "{}", page.text);
    assert!(page.body.contains("<strong>15</strong> verified"), "{}", page.text);
    assert!(
        page.body.contains("<strong>9</strong> not verified yet"),
        "{}",
        page.text
    );
}

#[tokio::test]
async fn the_showcase_seniors_capstone_page_shows_his_work_in_progress() {
    let app = TestApp::with_living_demo().await;
    let (id, username) = mateo(&app).await;
    let student = app.signed_in(&username).await;

    let page = student.get(&format!("/students/{id}/capstone")).await;
    assert_eq!(page.status, 200);
    for shown in [
        "Why do new nurses leave their first job, and what helps them stay?",
        "Denise Carter, RN",
        "Interview four nurses in their first two years",
        "Strong sources. Add one that disagrees with you and answer it.",
        "First draft of the paper",
        "Capstone interviews: four nurses on their first year",
    ] {
        assert!(page.text.contains(shown), "{shown}: {}", page.text);
    }
    assert!(page.body.contains("id=\"capstone-status\""), "{}", page.text);

    // His hours: the food drive confirmed, the park cleanup waiting, the
    // job shadow confirmed by his counselor.
    let hours = student.get(&format!("/students/{id}/experiences")).await;
    for shown in [
        "Harbor City Food Bank",
        "Harbor County Parks Volunteers",
        "Verified by school staff",
    ] {
        assert!(hours.text.contains(shown), "{shown}: {}", hours.text);
    }
}

#[tokio::test]
async fn the_living_demo_carries_portfolios_at_realistic_rates() {
    let app = TestApp::with_living_demo().await;
    let year = this_year();

    // About one student in seven has no work yet.
    let students = number(&app, "SELECT COUNT(*) FROM students").await;
    let without = number(
        &app,
        "SELECT COUNT(*) FROM students s WHERE NOT EXISTS (SELECT 1 FROM artifacts a WHERE a.student_id = s.person_id)",
    )
    .await;
    let share = without as f64 / students as f64;
    assert!((0.04..=0.3).contains(&share), "without artifacts: {share}");

    // Per student and school year: 0–3 in grades 6–8 and 2–6 in 9–12 for
    // a finished year; this year so far 0–2 and 1–3 (and a senior's
    // capstone products, at most two).
    let per_year: Vec<(i32, i32, i64)> = ssp_db::with_reader!(&app.db, |p| {
        sqlx::query_as(
        "SELECT s.grade_level, a.school_year, COUNT(*) FROM artifacts a JOIN students s ON s.person_id = a.student_id \
         GROUP BY a.student_id, s.grade_level, a.school_year"
    )
    .fetch_all(p)
    .await
    })
    .unwrap();
    assert!(per_year.len() > 100);
    for &(grade, school_year, n) in &per_year {
        let then = grade - (year - school_year);
        let range = match (school_year == year, then >= 9) {
            (false, false) => 1..=3,
            (false, true) => 2..=6,
            (true, false) => 1..=2,
            (true, true) => 1..=5,
        };
        assert!((6..=12).contains(&then), "grade {then} in {school_year}");
        assert!(range.contains(&n), "{n} pieces in grade {then} ({school_year})");
    }
    // Mostly texts and links, every domain, best work within the limit.
    assert!(number(&app, "SELECT COUNT(*) FROM artifacts WHERE kind = 'file'").await <= 2);
    for domain in ["academic", "career", "sep"] {
        let n = number(
            &app,
            &format!("SELECT COUNT(*) FROM artifacts WHERE domain = '{domain}'"),
        )
        .await;
        assert!(n > 20, "{domain}: {n}");
    }
    let most_best = number(
        &app,
        "SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM artifacts WHERE best_work = TRUE \
         GROUP BY student_id, school_year) x",
    )
    .await;
    assert!((1..=5).contains(&most_best), "{most_best}");
    assert!(number(&app, "SELECT COUNT(*) FROM artifacts WHERE competencies = ''").await == 0);
    assert!(number(&app, "SELECT COUNT(*) FROM portfolio_collections").await > 0);

    // Experiences: most high-school students, few in middle school;
    // community service the most common.
    let with = |grades: &'static str| {
        format!(
            "SELECT COUNT(*) FROM students s WHERE s.grade_level IN ({grades}) \
             AND EXISTS (SELECT 1 FROM experiences e WHERE e.student_id = s.person_id)"
        )
    };
    let all = |grades: &'static str| format!("SELECT COUNT(*) FROM students WHERE grade_level IN ({grades})");
    let high = number(&app, &with("9, 10, 11, 12")).await as f64 / number(&app, &all("9, 10, 11, 12")).await as f64;
    assert!((0.45..=0.95).contains(&high), "grades 9–12: {high}");
    let middle = number(&app, &with("6, 7, 8")).await as f64 / number(&app, &all("6, 7, 8")).await as f64;
    assert!(middle <= 0.3, "grades 6–8: {middle}");
    let top: String = ssp_db::with_reader!(&app.db, |p| sqlx::query_scalar(
        "SELECT kind FROM experiences GROUP BY kind ORDER BY COUNT(*) DESC, kind LIMIT 1"
    )
    .fetch_one(p)
    .await)
    .unwrap();
    assert_eq!(top, "community_service");

    // Hours verified by supervisors and by staff, and some waiting.
    for (who, sql) in [
        (
            "supervisor",
            "verified_by = 'supervisor' AND verifier_email IS NOT NULL",
        ),
        ("staff", "verified_by = 'staff' AND verifier_id IS NOT NULL"),
        ("nobody", "verified_by IS NULL AND verified_at IS NULL"),
    ] {
        let n = number(&app, &format!("SELECT COUNT(*) FROM experience_hours WHERE {sql}")).await;
        assert!(n > 0, "{who}");
    }

    // Capstones: most seniors, a few juniors, nobody younger.
    let seniors = number(&app, &all("12")).await as f64;
    let with_capstone = number(
        &app,
        "SELECT COUNT(DISTINCT c.student_id) FROM capstones c JOIN students s ON s.person_id = c.student_id \
         WHERE s.grade_level = 12",
    )
    .await as f64;
    assert!(with_capstone / seniors >= 0.6, "{with_capstone} of {seniors} seniors");
    let younger =
        "SELECT COUNT(*) FROM capstones c JOIN students s ON s.person_id = c.student_id WHERE s.grade_level < 11";
    assert_eq!(number(&app, younger).await, 0);
}

#[tokio::test]
async fn every_hours_entry_fits_its_experience_and_the_day() {
    let app = TestApp::with_living_demo().await;
    let today = ssp_demo::DemoOptions::new(120).today;
    let entries: Vec<(Uuid, Date, i32, Date, Option<Date>)> = ssp_db::with_reader!(&app.db, |p| sqlx::query_as(
        "SELECT h.student_id, h.worked_on, h.hundredths, e.start_on, e.end_on FROM experience_hours h \
         JOIN experiences e ON e.id = h.experience_id"
    )
    .fetch_all(p)
    .await)
    .unwrap();
    assert!(entries.len() > 50, "{}", entries.len());
    let mut per_day = std::collections::HashMap::new();
    for &(student, on, hundredths, start, end) in &entries {
        assert!(
            on >= start && on <= today && end.is_none_or(|e| on <= e),
            "{on} outside {start}..{end:?}"
        );
        assert!(
            hundredths > 0 && hundredths % 25 == 0 && hundredths <= 2400,
            "{hundredths}"
        );
        *per_day.entry((student, on)).or_insert(0) += hundredths;
    }
    assert!(per_day.values().all(|&h| h <= 2400), "a day holds at most 24 hours");
    // Verified after they were logged.
    let early = number(
        &app,
        "SELECT COUNT(*) FROM experience_hours WHERE verified_at IS NOT NULL AND verified_at < created_at",
    )
    .await;
    assert_eq!(early, 0);
}

/// A capstone's stored facts.
#[derive(sqlx::FromRow)]
struct Stored {
    id: Uuid,
    student_id: Uuid,
    status: String,
    attempt: i32,
    presentation_on: Option<Date>,
    rubric: Option<String>,
    question: String,
    plan: String,
    mentor_name: String,
}

#[tokio::test]
async fn every_stored_capstone_is_a_state_the_state_machine_reaches() {
    let app = TestApp::with_living_demo().await;
    let rows: Vec<Stored> = ssp_db::with_reader!(&app.db, |p| {
        sqlx::query_as(
        "SELECT id, student_id, status, attempt, presentation_on, rubric, question, plan, mentor_name FROM capstones"
    )
    .fetch_all(p)
    .await
    })
    .unwrap();
    assert!(rows.len() >= 5, "{} capstones", rows.len());
    let today = ssp_demo::DemoOptions::new(120).today;
    let mut statuses = std::collections::BTreeSet::new();
    for c in &rows {
        let status = CapstoneStatus::parse(&c.status).expect("a known status");
        statuses.insert(c.status.clone());
        let products = number_of(
            &app,
            "SELECT COUNT(*) FROM capstone_products WHERE capstone_id = $1",
            c.id,
        )
        .await;
        let milestones = number_of(
            &app,
            "SELECT COUNT(*) FROM capstone_milestones WHERE capstone_id = $1",
            c.id,
        )
        .await;

        // Replay the moves that lead to the stored state; each must be legal.
        let proposal = ProposalRaw {
            question: &c.question,
            plan: &c.plan,
            mentor_name: &c.mentor_name,
            mentor_email: "",
        };
        let mut state = CapstoneState::new();
        let go = |state: &mut CapstoneState, event: CapstoneEvent| {
            *state = transition(state, &event).unwrap_or_else(|e| panic!("{}: {e}", c.id));
        };
        use CapstoneStatus as S;
        if status != S::Draft {
            go(
                &mut state,
                CapstoneEvent::SubmitProposal(proposal.parse().expect("a submitted proposal is complete")),
            );
        }
        let returned = ReturnComment::parse("Narrow it.").unwrap();
        match status {
            S::Draft | S::Proposed => {}
            S::Returned => go(&mut state, CapstoneEvent::Return(returned)),
            S::Withdrawn => go(&mut state, CapstoneEvent::Withdraw),
            _ => {
                go(&mut state, CapstoneEvent::Approve);
                let date = |d: Option<Date>| PresentationDate(d.unwrap_or(today));
                for _ in 1..c.attempt {
                    // An earlier attempt that did not pass, then a reopen.
                    if state.final_products == 0 {
                        go(&mut state, CapstoneEvent::AttachFinalProduct);
                    }
                    go(&mut state, CapstoneEvent::SchedulePresentation(date(None)));
                    go(&mut state, CapstoneEvent::MarkPresented);
                    go(&mut state, CapstoneEvent::Score { passed: false });
                    go(&mut state, CapstoneEvent::Reopen);
                }
                for _ in state.final_products..products as u32 {
                    go(&mut state, CapstoneEvent::AttachFinalProduct);
                }
                if c.presentation_on.is_some() {
                    go(&mut state, CapstoneEvent::SchedulePresentation(date(c.presentation_on)));
                }
                if matches!(status, S::Presented | S::Passed | S::NotPassed) {
                    go(&mut state, CapstoneEvent::MarkPresented);
                }
                if matches!(status, S::Passed | S::NotPassed) {
                    go(
                        &mut state,
                        CapstoneEvent::Score {
                            passed: status == S::Passed,
                        },
                    );
                }
            }
        }
        assert_eq!(state.status, status, "{}", c.id);
        assert_eq!(state.presentation_on, c.presentation_on, "{}", c.id);
        assert_eq!(state.attempt as i32, c.attempt, "{}", c.id);
        if matches!(status, S::Draft | S::Proposed | S::Returned) {
            assert_eq!((milestones, products), (0, 0), "no work before approval: {}", c.id);
        }

        // Presented capstones keep the rubric they were scored with; a
        // result is the panel's sheets on that rubric.
        let presented = matches!(status, S::Presented | S::Passed | S::NotPassed) || c.attempt > 1;
        assert_eq!(c.rubric.is_some(), presented, "{}", c.id);
        if matches!(status, S::Passed | S::NotPassed) {
            let sheets_missing = number_of(
                &app,
                &format!(
                    "SELECT COUNT(*) FROM capstone_panelists WHERE capstone_id = $1 AND attempt = {} AND levels IS NULL",
                    c.attempt
                ),
                c.id,
            )
            .await;
            assert_eq!(sheets_missing, 0, "{}", c.id);
            let agreeing = number_of(
                &app,
                &format!(
                    "SELECT COUNT(*) FROM capstone_results WHERE capstone_id = $1 AND attempt = {} AND passed = {}",
                    c.attempt,
                    if status == S::Passed { "TRUE" } else { "FALSE" }
                ),
                c.id,
            )
            .await;
            assert_eq!(agreeing, 1, "{}", c.id);
        }
    }
    assert!(statuses.len() >= 3, "{statuses:?}");

    // One open capstone a student at most.
    let open = number(
        &app,
        "SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM capstones \
         WHERE status NOT IN ('passed', 'withdrawn') GROUP BY student_id) x",
    )
    .await;
    assert!(open <= 1, "{open}");

    // The graduation audit counts a passed capstone: the app agrees.
    let passed: Vec<Uuid> = rows
        .iter()
        .filter(|c| c.status == "passed")
        .map(|c| c.student_id)
        .collect();
    for student in passed {
        assert!(
            ssp_app::portfolio::capstone::passed(app.state.app(), ssp_domain::StudentId(student))
                .await
                .unwrap()
        );
    }
}
