//! The words on the pages: staff-facing forms speak about "the student",
//! the student's own pages speak to the student; Spanish keeps one register
//! per audience (tú for the student, usted for families and staff, an
//! impersonal wording where everyone reads the same message); no English
//! is left on Spanish pages; every error code has a message.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use ssp_testkit::{TestApp, TestClient, TestResponse};
use uuid::Uuid;

fn web_crate() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../web")
}

/// A catalogue's single-line messages and the first line of multi-line ones,
/// over every `.ftl` file of the language (an area may keep its own file).
fn catalogue(lang: &str) -> BTreeMap<String, String> {
    let dir = web_crate().join(format!("locales/{lang}"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("locale folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    let src: String = files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("catalogue") + "\n")
        .collect();
    src.lines()
        .filter(|l| !l.starts_with([' ', '#', '\t', '}']) && l.contains(" = "))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim().to_owned(), v.to_owned()))
        .collect()
}

/// The words of a message, lowercased, without placeables or quoted
/// examples (“Raise my math grade” is the student's voice on purpose).
fn words(message: &str) -> BTreeSet<String> {
    let mut text = String::new();
    let mut depth = 0;
    for ch in message.chars() {
        match ch {
            '{' | '“' => depth += 1,
            '}' | '”' => depth -= 1,
            _ if depth == 0 => text.push(ch),
            _ => {}
        }
    }
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Spanish words that address the reader as tú (only unambiguous ones: a tú
/// imperative such as "escribe" is also "he or she writes").
const TU: &[&str] = &[
    "tu",
    "tus",
    "tú",
    "te",
    "ti",
    "tuyo",
    "tienes",
    "quieres",
    "estás",
    "puedes",
    "compartes",
    "compartas",
    "midas",
    "empiézala",
    "haz",
    "avísale",
    "escríbela",
];
/// Spanish words that address the reader as usted.
const USTED: &[&str] = &[
    "usted",
    "su",
    "sus",
    "escriba",
    "elija",
    "revise",
    "complete",
    "indique",
    "describa",
    "use",
    "regrese",
    "espere",
    "pida",
    "asigne",
    "recargue",
    "comuníquese",
    "inténtelo",
];

fn offending<'a>(message: &str, markers: &[&'a str]) -> Vec<&'a str> {
    let w = words(message);
    markers.iter().copied().filter(|m| w.contains(*m)).collect()
}

/// The message ids a template asks for with `page.t("…")`.
fn template_keys(template: &str) -> BTreeSet<String> {
    let src = std::fs::read_to_string(web_crate().join("templates").join(template)).expect("template");
    src.split("t(\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(k, _)| k.to_owned()))
        .collect()
}

fn staff_siblings(messages: &BTreeMap<String, String>) -> Vec<(String, String)> {
    messages
        .keys()
        .filter_map(|k| k.strip_suffix("-staff").map(|base| (base.to_owned(), k.clone())))
        .filter(|(base, _)| messages.contains_key(base)) // not "kind-note-staff"
        .collect()
}

fn goal_fields<'a>(measure: &'a str, baseline: &'a str, target: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("domain", "academic"),
        ("statement", "Raise my math grade to a B"),
        ("why_it_matters", "It matters to me"),
        ("measure_kind", measure),
        ("baseline", baseline),
        ("target", target),
        ("due_date", "2027-06-15"),
        ("cadence", "every_two_weeks"),
    ]
}

async fn new_goal(c: &TestClient, student: Uuid, fields: &[(&str, &str)]) -> Uuid {
    c.get(&format!("/students/{student}/goals/new")).await;
    let res = c.post_form(&format!("/students/{student}/goals"), fields).await;
    assert_eq!(res.status, 303, "{}", res.text);
    res.location()
        .and_then(|l| l.rsplit('/').next())
        .and_then(|id| id.parse().ok())
        .expect("redirect to the goal")
}

async fn in_spanish(c: &TestClient) {
    c.get("/").await;
    let r = c.post_form("/language", &[("lang", "es"), ("return_to", "/")]).await;
    assert_eq!(r.status, 303);
}

fn has_all(res: &TestResponse, needles: &[&str]) {
    for n in needles {
        assert!(res.text.contains(n), "missing {n:?}: {}", res.text);
    }
}

fn has_none(res: &TestResponse, needles: &[&str]) {
    for n in needles {
        assert!(!res.text.contains(n), "unexpected {n:?}: {}", res.text);
    }
}

#[tokio::test]
async fn counselor_goal_form_speaks_about_the_student() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let counselor = app.signed_in("demo.counselor").await;
    let form = counselor.get(&format!("/students/{camila}/goals/new")).await;
    assert_eq!(form.status, 200);
    has_all(
        &form,
        &[
            "The student's goal",
            "Why it matters to the student",
            "How the student will measure progress",
            "Where the student is now",
            "Word it as the student would",
            "Suggest a goal",
        ],
    );
    has_none(
        &form,
        &[
            "My goal",
            "Why it matters to me",
            "How I'll measure it",
            "Where I am now",
        ],
    );
    // A refused suggestion keeps speaking about the student.
    let mut same = goal_fields("count", "2", "2");
    same.retain(|(k, _)| *k != "why_it_matters");
    let res = counselor.post_form(&format!("/students/{camila}/goals"), &same).await;
    assert_eq!(res.status, 422);
    has_all(&res, &["The target must differ from where the student is now"]);
}

#[tokio::test]
async fn student_goal_form_speaks_to_the_student() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let form = student.get(&format!("/students/{camila}/goals/new")).await;
    assert_eq!(form.status, 200);
    has_all(&form, &["My goal", "Why it matters to me", "How I'll measure it"]);
    has_none(&form, &["The student's goal", "Why it matters to the student"]);
}

#[tokio::test]
async fn the_plan_page_speaks_to_the_student_and_about_them_to_staff() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let plan = format!("/students/{camila}");
    let student = app.signed_in("demo.student").await;
    student.get(&plan).await;
    let r = student
        .post_form(
            &format!("{plan}/reflections"),
            &[("prompt", "improve"), ("body", "Asking for help sooner")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    let own = student.get(&plan).await;
    has_all(
        &own,
        &["About me", "My strengths", "What I want to improve", "Add a goal"],
    );
    has_none(&own, &["About the student", "Suggest a goal", "What the student wants"]);
    let staff = app.signed_in("demo.counselor").await.get(&plan).await;
    has_all(
        &staff,
        &[
            "About the student",
            "The student's strengths",
            "What helps the student",
            "What the student wants to improve",
            "Suggest a goal",
        ],
    );
    has_none(
        &staff,
        &["About me", "My strengths", "What helps me", "What I want to improve"],
    );
}

#[tokio::test]
async fn a_staff_check_in_asks_where_the_student_is() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    let goal = new_goal(&student, camila, &goal_fields("percent", "71", "85")).await;
    let url = format!("/students/{camila}/goals/{goal}");
    has_all(
        &student.get(&url).await,
        &["Where are you now (percent)?", "My reflection"],
    );
    let counselor = app.signed_in("demo.counselor").await.get(&url).await;
    has_all(
        &counselor,
        &["Where is the student now (percent)?", "The student's reflection"],
    );
    has_none(&counselor, &["Where are you now", "My reflection"]);
}

#[tokio::test]
async fn spanish_check_in_range_error_has_no_english() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    in_spanish(&student).await;
    for (measure, baseline, target, bad, range) in [
        ("percent", "71", "85", "140", "debe ser un número del 0 al 100"),
        ("scale", "2", "4", "9", "debe ser un número entero del 1 al 5"),
        ("yes_no", "no", "sí", "quizás", "la respuesta debe ser sí o no"),
    ] {
        let goal = new_goal(&student, camila, &goal_fields(measure, baseline, target)).await;
        let res = student
            .post_form(
                &format!("/students/{camila}/goals/{goal}/check-ins"),
                &[("on_date", ""), ("value", bad), ("note", ""), ("reflection", "")],
            )
            .await;
        assert_eq!(res.status, 422, "{}", res.text);
        has_all(&res, &["Ese valor no corresponde con esta meta", range]);
        has_none(&res, &["a number from", "whole number", "yes or no", "That value"]);
    }
}

#[tokio::test]
async fn a_spanish_goal_form_says_the_range_of_its_measure() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    in_spanish(&student).await;
    student.get(&format!("/students/{camila}/goals/new")).await;
    let res = student
        .post_form(&format!("/students/{camila}/goals"), &goal_fields("scale", "0", "4"))
        .await;
    assert_eq!(res.status, 422);
    has_all(
        &res,
        &[
            "No corresponde con la forma de medir la meta: debe ser un número entero del 1 al 5",
            "Mi meta",
        ],
    );
    has_none(&res, &["whole number", "doesn't fit"]);
}

#[tokio::test]
async fn spanish_yes_no_goals_take_and_show_si() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    in_spanish(&student).await;
    let goal = new_goal(&student, camila, &goal_fields("yes_no", "no", "sí")).await;
    let res = student
        .post_form(
            &format!("/students/{camila}/goals/{goal}/check-ins"),
            &[("on_date", ""), ("value", "Sí"), ("note", ""), ("reflection", "")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let edit = student.get(&format!("/students/{camila}/goals/{goal}/edit")).await;
    assert!(edit.body.contains("value=\"sí\""), "the target reads sí: {}", edit.body);
}

#[tokio::test]
async fn the_family_reads_about_the_student_in_spanish() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let plan = app
        .signed_in("demo.guardian.es")
        .await
        .get(&format!("/students/{camila}"))
        .await;
    assert_eq!(plan.status, 200);
    has_all(&plan, &["Sobre el estudiante", "Fortalezas del estudiante"]);
    has_none(&plan, &["Sobre mí", "Mis fortalezas", "About"]);
}

/// The codes a source file passes to the error constructors; in the error
/// module, also the codes it names itself (`=> "not_found"`).
fn codes_in(src: &str, error_module: bool) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut needles = vec![
        "AppError::Forbidden(",
        "AppError::BadRequest(",
        "AppError::Conflict(",
        "ParseError::new(",
        // The use cases' own (ssp-app).
        "Error::Forbidden(",
        "Error::Conflict(",
        "Error::invalid(",
    ];
    if error_module {
        needles.push("=> \"");
    }
    for needle in needles {
        for rest in src.split(needle).skip(1) {
            let rest = if needle.ends_with('"') {
                rest
            } else {
                match rest.trim_start().strip_prefix('"') {
                    Some(r) => r,
                    None => continue,
                }
            };
            let code: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !code.is_empty() && rest[code.len()..].starts_with('"') {
                out.insert(code);
            }
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[tokio::test]
async fn every_error_code_used_has_a_message_in_both_languages() {
    let mut files = vec![];
    rust_files(&web_crate().join("src"), &mut files);
    // The use cases answer with codes the pages show too.
    rust_files(&web_crate().join("../app/src"), &mut files);
    let mut codes = BTreeSet::new();
    for f in &files {
        let src = std::fs::read_to_string(f).expect("source");
        codes.extend(codes_in(&src, f.ends_with("src/error.rs")));
    }
    // Domain parse errors the pages turn into AppError::Invalid.
    codes.insert("unsupported_language".into());
    for must in [
        "cannot_sign",
        "correction_not_allowed",
        "csrf_failed",
        "not_found",
        "review_not_ready",
    ] {
        assert!(codes.contains(must), "the scan finds {must}: {codes:?}");
    }
    let en = catalogue("en");
    let es = catalogue("es");
    let missing: Vec<_> = codes
        .iter()
        .map(|c| format!("error-{}", c.replace('_', "-")))
        .filter(|k| !en.contains_key(k) || !es.contains_key(k))
        .collect();
    assert!(missing.is_empty(), "error codes without a message: {missing:?}");
}

#[tokio::test]
async fn staff_wordings_do_not_speak_as_the_student() {
    let en = catalogue("en");
    let es = catalogue("es");
    let siblings = staff_siblings(&en);
    assert!(siblings.len() >= 15, "{siblings:?}");
    let first_person: &[&str] = &["i", "i'll", "me", "my", "you", "your", "yours"];
    for (_, staff) in &siblings {
        let bad = offending(&en[staff], first_person);
        assert!(bad.is_empty(), "{staff} = {:?} uses {bad:?}", en[staff]);
        let bad = offending(&es[staff], TU);
        assert!(bad.is_empty(), "es {staff} = {:?} uses tú: {bad:?}", es[staff]);
    }
}

#[tokio::test]
async fn student_facing_spanish_uses_tu_not_usted() {
    let es = catalogue("es");
    let mut keys = template_keys("home_student.html");
    keys.extend(staff_siblings(&es).into_iter().map(|(base, _)| base));
    keys.extend(
        [
            "goal-suggested",
            "goal-accept",
            "reflection-body",
            "reflection-save",
            "sharing-start",
            "sharing-stop",
            "home-due-check-in",
            "home-due-check-in-overdue",
            "goal-error-measure-locked",
        ]
        .map(String::from),
    );
    for k in &keys {
        let Some(message) = es.get(k) else { continue }; // an id built in the template
        let bad = offending(message, USTED);
        assert!(bad.is_empty(), "student-facing {k} = {message:?} uses usted: {bad:?}");
    }
    // The student's own home page does speak to them.
    assert!(!offending(&es["home-student-intro"], TU).is_empty());
}

#[tokio::test]
async fn family_and_staff_spanish_uses_usted_not_tu() {
    let es = catalogue("es");
    let mut keys = template_keys("home_guardian.html");
    for t in [
        "home_staff.html",
        "home_teacher.html",
        "team.html",
        "notes.html",
        "access_log.html",
        "interactions.html",
        "roster.html",
        "roster_import.html",
        "plan_settings.html",
        "students.html",
        "audit.html",
    ] {
        keys.extend(template_keys(t));
    }
    let mut checked = 0;
    for k in &keys {
        let Some(message) = es.get(k) else { continue };
        checked += 1;
        let bad = offending(message, TU);
        assert!(bad.is_empty(), "family/staff {k} = {message:?} uses tú: {bad:?}");
    }
    assert!(checked > 40, "{checked} messages checked");
}

#[tokio::test]
async fn activity_names_belong_to_nobody_in_particular() {
    // The same list is the student's to-do list and the counselor's view of it.
    let en = catalogue("en");
    let names: Vec<_> = en.iter().filter(|(k, _)| k.starts_with("activity-g")).collect();
    assert!(names.len() >= 18);
    for (k, v) in names {
        let bad = offending(v, &["my", "your", "their", "you"]);
        assert!(bad.is_empty(), "{k} = {v:?} uses {bad:?}");
    }
}

#[tokio::test]
async fn messages_everyone_reads_are_impersonal_in_spanish() {
    let es = catalogue("es");
    // Shown to the student and to staff alike (goal and check-in errors,
    // activity names, the notes list, refusals).
    let shared: Vec<&String> = es
        .keys()
        .filter(|k| {
            let split = k.ends_with("-staff") || es.contains_key(&format!("{k}-staff"));
            (k.starts_with("goal-error-") && *k != "goal-error-measure-locked" && !split)
                || k.starts_with("checkin-error-")
                || k.starts_with("step-error-")
                || k.starts_with("activity-g")
        })
        .chain(
            [
                "support-error",
                "notes-none",
                "error-not-found",
                "error-cannot-sign",
                "form-has-errors",
                "team-no-plan-manager",
            ]
            .iter()
            .map(|k| es.get_key_value(*k).expect("message").0),
        )
        .collect();
    assert!(shared.len() > 30);
    for k in shared {
        let message = &es[k];
        let bad: Vec<_> = offending(message, TU)
            .into_iter()
            .chain(offending(message, USTED))
            .collect();
        assert!(bad.is_empty(), "{k} = {message:?} is read by everyone but uses {bad:?}");
    }
}

/// Which register markers a rendered page uses (its visible text).
fn page_markers(res: &TestResponse, markers: &[&'static str]) -> Vec<&'static str> {
    let w = words(&res.text);
    markers.iter().copied().filter(|m| w.contains(*m)).collect()
}

#[tokio::test]
async fn spanish_pages_keep_one_register_per_reader() {
    let app = TestApp::with_demo().await;
    let camila = app.person("demo.student").await;
    let student = app.signed_in("demo.student").await;
    in_spanish(&student).await;
    let goal = new_goal(&student, camila, &goal_fields("percent", "71", "85")).await;
    let pages = [
        "/".to_owned(),
        format!("/students/{camila}"),
        format!("/students/{camila}/goals/new"),
        format!("/students/{camila}/goals/{goal}"),
        format!("/students/{camila}/goals/{goal}/edit"),
        format!("/students/{camila}/team"),
        format!("/students/{camila}/notes"),
        format!("/students/{camila}/access-log"),
    ];
    for path in &pages {
        let res = student.get(path).await;
        assert_eq!(res.status, 200, "{path}");
        let bad = page_markers(&res, USTED);
        assert!(bad.is_empty(), "the student's {path} uses usted: {bad:?}\n{}", res.text);
    }
    // Refused forms too: every goal-form error, and a check-in error.
    let bad_goal = [
        ("domain", "x"),
        ("statement", "B"),
        ("measure_kind", "percent"),
        ("baseline", "150"),
        ("target", ""),
        ("due_date", "ayer"),
        ("cadence", "x"),
    ];
    let check_in = format!("/students/{camila}/goals/{goal}/check-ins");
    let bad_check_in = [("on_date", "ayer"), ("value", "80"), ("note", ""), ("reflection", "")];
    let res = student.post_form(&format!("/students/{camila}/goals"), &bad_goal).await;
    assert_eq!(res.status, 422);
    assert!(page_markers(&res, USTED).is_empty(), "{}", res.text);
    let res = student.post_form(&check_in, &bad_check_in).await;
    assert_eq!(res.status, 422);
    assert!(page_markers(&res, USTED).is_empty(), "{}", res.text);

    let counselor = app.signed_in("demo.counselor").await;
    in_spanish(&counselor).await;
    let res = counselor
        .post_form(&format!("/students/{camila}/goals"), &bad_goal)
        .await;
    assert_eq!(res.status, 422);
    assert!(page_markers(&res, TU).is_empty(), "{}", res.text);
    let res = counselor.post_form(&check_in, &bad_check_in).await;
    assert_eq!(res.status, 422);
    assert!(page_markers(&res, TU).is_empty(), "{}", res.text);
    let guardian = app.signed_in("demo.guardian.es").await;
    for (who, c) in [("counselor", &counselor), ("guardian", &guardian)] {
        // Staff and families do not reword the student's goal; families suggest none.
        let reads = |p: &&String| !p.ends_with("/edit") && (who == "counselor" || !p.ends_with("/new"));
        for path in pages.iter().filter(reads) {
            let res = c.get(path).await;
            assert_eq!(res.status, 200, "{who} {path}");
            let bad = page_markers(&res, TU);
            assert!(bad.is_empty(), "the {who}'s {path} uses tú: {bad:?}\n{}", res.text);
        }
    }
}

#[tokio::test]
async fn an_adult_students_sharing_choice_is_told_to_them_and_about_them() {
    let app = TestApp::with_demo().await;
    let guardian = app.person("demo.guardian").await;
    let adult = app
        .query_id(
            "SELECT g.student_id FROM guardian_links g JOIN students s ON s.person_id = g.student_id \
             WHERE g.guardian_id = $1 AND s.grade_level = 12",
            &[guardian],
        )
        .await
        .expect("the showcase family has an 18-year-old");
    let plan = format!("/students/{adult}");
    let student = app.signed_in(&app.username_of(adult).await).await;
    has_all(&student.get(&plan).await, &["You are 18 or older"]);
    let counselor = app.signed_in("demo.counselor").await.get(&plan).await;
    assert_eq!(counselor.status, 200);
    has_all(&counselor, &["The student is 18 or older"]);
    has_none(&counselor, &["You are 18", "your plan"]);
    let r = student.post_form(&format!("{plan}/sharing"), &[("share", "yes")]).await;
    assert_eq!(r.status, 303);
    has_all(&student.get(&plan).await, &["You share your plan"]);
    let family = app.signed_in("demo.guardian.es").await.get(&plan).await;
    assert_eq!(family.status, 200);
    has_all(&family, &["El estudiante comparte su plan con sus padres o tutores"]);
    has_none(&family, &["Compartes tu plan"]);
}
