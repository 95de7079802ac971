//! The importer against the hand-written packages in `tests/fixtures`
//! (see its README for what each must do), on the engine under test
//! (SQLite, or PostgreSQL when SSP_TEST_DATABASE_URL is set).

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use ssp_db::{with_reader, Db};
use ssp_roster::{import, Deactivations, ImportError, ImportOptions, Refusal, Report, Severity};
use time::macros::datetime;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn options() -> ImportOptions {
    ImportOptions {
        district: None,
        expected_district: None,
        dry_run: false,
        confirm_deactivations: false,
        now: datetime!(2026-11-02 08:00 UTC),
        import_id: None,
        started_by: None,
        source_name: "test".to_owned(),
    }
}

async fn fresh() -> (Db, Option<tempfile::TempDir>) {
    let (db, dir) = ssp_testkit::fresh_db().await;
    db.migrate().await.expect("migrations apply");
    (db, dir)
}

async fn run(db: &Db, path: &Path) -> Report {
    import(db, path, &options(), &|_| {})
        .await
        .expect("the package imports")
}

async fn refused(db: &Db, path: &Path) -> Refusal {
    match import(db, path, &options(), &|_| {}).await {
        Err(ImportError::Refused(r)) => r,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

async fn count(db: &Db, sql: &str) -> i64 {
    let (n,): (i64,) = with_reader!(db, |pool| sqlx::query_as(sql).fetch_one(pool).await.expect(sql));
    n
}

async fn id(db: &Db, sql: &str) -> uuid::Uuid {
    let (id,): (uuid::Uuid,) = with_reader!(db, |pool| sqlx::query_as(sql).fetch_one(pool).await.expect(sql));
    id
}

async fn text(db: &Db, sql: &str) -> String {
    let (s,): (String,) = with_reader!(db, |pool| sqlx::query_as(sql).fetch_one(pool).await.expect(sql));
    s
}

/// (created, updated, unchanged, deactivated) for a kind.
fn tally(r: &Report, kind: &str) -> (u64, u64, u64, u64) {
    let c = r.counts(kind);
    (c.created, c.updated, c.unchanged, c.deactivated)
}

fn errors(r: &Report) -> BTreeSet<(String, u64, String)> {
    r.issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| (i.file.clone(), i.line, i.column.clone().unwrap_or_default()))
        .collect()
}

async fn active_students(db: &Db) -> i64 {
    count(db, "SELECT COUNT(*) FROM students WHERE status = 'active'").await
}

#[tokio::test]
async fn a_1_1_package_loads_students_guardians_staff_and_classes() {
    let (db, _dir) = fresh().await;
    let r = run(&db, &fixture("v1_1-bulk")).await;
    assert_eq!(r.version, "1.1");
    assert_eq!(r.district_source_id, "dist-1");
    assert_eq!(
        tally(&r, "orgs"),
        (3, 0, 0, 0),
        "district and two schools; the department is skipped"
    );
    assert_eq!(tally(&r, "academic sessions"), (3, 0, 0, 0));
    assert_eq!(tally(&r, "courses"), (4, 0, 0, 0));
    assert_eq!(tally(&r, "classes"), (5, 0, 0, 0));
    assert_eq!(tally(&r, "students"), (8, 0, 0, 0), "the grade-05 student is skipped");
    assert_eq!(tally(&r, "staff"), (5, 0, 0, 0));
    assert_eq!(tally(&r, "guardian links"), (7, 0, 0, 0));
    assert_eq!(tally(&r, "staff roles"), (5, 0, 0, 0), "the aide gets no role");
    assert_eq!(tally(&r, "enrollments"), (15, 0, 0, 0));
    assert_eq!(r.errors_total, 0, "{:?}", r.issues);
    let skipped: Vec<_> = r.issues.iter().map(|i| (i.file.as_str(), i.line)).collect();
    assert!(
        skipped.contains(&("users.csv", 10)),
        "grade 05 is reported as skipped: {skipped:?}"
    );
    assert!(skipped.contains(&("enrollments.csv", 10)));

    assert_eq!(active_students(&db).await, 8);
    // demographics.csv gives the birth date the 18+ rule needs.
    let born = text(&db, "SELECT CAST(s.birth_date AS TEXT) FROM students s JOIN persons p ON p.id = s.person_id WHERE p.source_id = 'stu-07'").await;
    assert_eq!(born, "2008-05-02");
    // Parents and guardians hold educational rights, other relatives not.
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM guardian_links WHERE relationship = 'relative' AND educational_rights"
        )
        .await,
        0
    );
    assert!(
        count(
            &db,
            "SELECT COUNT(*) FROM guardian_links WHERE relationship = 'parent' AND educational_rights"
        )
        .await
            >= 1
    );
    // 1.1 administrator at the district is a district admin.
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM staff_assignments WHERE role = 'district_admin' AND status = 'active'"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn a_1_2_package_with_bom_and_crlf_loads_and_reimporting_changes_nothing() {
    let (db, _dir) = fresh().await;
    let first = run(&db, &fixture("v1_2-bulk")).await;
    assert_eq!(first.version, "1.2");
    assert_eq!(tally(&first, "students"), (8, 0, 0, 0));
    assert_eq!(tally(&first, "staff"), (6, 0, 0, 0), "1.2 adds the counselor");
    assert_eq!(tally(&first, "staff roles"), (6, 0, 0, 0));
    assert_eq!(tally(&first, "enrollments"), (15, 0, 0, 0));
    assert_eq!(first.errors_total, 0, "{:?}", first.issues);
    assert!(first.changed());
    // Non-ASCII names survive the BOM and CRLF files.
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM persons WHERE family_name = 'Nguyễn'").await,
        2
    );
    // A guardian linked only to a skipped (grade 5) student is skipped too.
    assert_eq!(tally(&first, "guardians"), (7, 0, 0, 0));
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM persons WHERE source_id = 'par-08'").await,
        0
    );
    let skipped: Vec<(String, u64)> = first
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Skipped && i.file == "users.csv")
        .map(|i| (i.reason.clone(), i.line))
        .collect();
    assert_eq!(skipped.iter().map(|s| s.1).collect::<Vec<_>>(), [10, 18], "{skipped:?}");
    // Their roles and demographics rows are skipped with them.
    let skipped_in = |file: &str| -> Vec<u64> {
        let mut lines: Vec<u64> = first
            .issues
            .iter()
            .filter(|i| i.severity == Severity::Skipped && i.file == file)
            .map(|i| i.line)
            .collect();
        lines.sort_unstable();
        lines
    };
    assert_eq!(skipped_in("roles.csv"), [10, 18]);
    assert_eq!(skipped_in("demographics.csv"), [10]);
    assert_eq!(skipped_in("enrollments.csv"), [10]);
    let pronouns = text(&db, "SELECT pronouns FROM persons WHERE source_id = 'stu-08'").await;
    assert_eq!(pronouns, "they/them");
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM staff_assignments WHERE role = 'counselor' AND status = 'active'"
        )
        .await,
        1
    );

    let again = run(&db, &fixture("v1_2-bulk")).await;
    assert!(
        !again.changed(),
        "re-importing the same package changes nothing: {:?}",
        again.kinds
    );
    assert_eq!(tally(&again, "students"), (0, 0, 8, 0));
    assert_eq!(tally(&again, "enrollments"), (0, 0, 15, 0));
    let history = count(&db, "SELECT COUNT(*) FROM roster_imports WHERE state = 'succeeded'").await;
    assert_eq!(history, 2, "both imports are in the history");
    let said = text(
        &db,
        "SELECT message FROM roster_imports ORDER BY created_at DESC, id DESC LIMIT 1",
    )
    .await;
    assert!(said.contains("nothing changed"), "{said}");
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM audit_events WHERE action = 'roster_imported'"
        )
        .await,
        2
    );
}

#[tokio::test]
async fn bulk_deactivates_who_left_and_keeps_their_records() {
    let (db, _dir) = fresh().await;
    run(&db, &fixture("v1_2-bulk")).await;
    let left = id(&db, "SELECT id FROM persons WHERE source_id = 'stu-05'").await;
    let r = run(&db, &fixture("v1_2-bulk-changed")).await;
    assert_eq!(tally(&r, "students"), (1, 1, 6, 1), "{:?}", r.kinds);
    assert_eq!(tally(&r, "staff"), (0, 0, 5, 1));
    assert_eq!(tally(&r, "staff roles"), (0, 0, 5, 1));
    assert_eq!(tally(&r, "enrollments"), (2, 0, 10, 5));
    assert_eq!(tally(&r, "guardians"), (0, 0, 7, 0), "par-08 stays skipped");
    // The student who left is inactive, not deleted.
    assert_eq!(
        text(&db, "SELECT status FROM persons WHERE source_id = 'stu-05'").await,
        "inactive"
    );
    assert_eq!(
        text(
            &db,
            "SELECT s.status FROM students s JOIN persons p ON p.id = s.person_id WHERE p.source_id = 'stu-05'"
        )
        .await,
        "inactive"
    );
    assert_eq!(
        id(&db, "SELECT id FROM persons WHERE source_id = 'stu-05'").await,
        left,
        "same row"
    );
    assert_eq!(
        text(&db, "SELECT family_name FROM persons WHERE source_id = 'stu-03'").await,
        "Bianchi"
    );
    assert_eq!(
        text(&db, "SELECT status FROM persons WHERE source_id = 't-01'").await,
        "inactive"
    );
    assert_eq!(active_students(&db).await, 8);
}

/// Sets the district's deactivation limit, as its administrator would.
async fn set_limit(db: &Db, percent: u8) {
    let district = id(db, "SELECT id FROM orgs WHERE source_id = 'dist-1'").await;
    let by = id(db, "SELECT id FROM persons WHERE source_id = 'c-01'").await;
    let mut tx = db.begin().await.unwrap();
    ssp_db::repo::roster_safety::set_deactivation_limit(
        &mut tx,
        ssp_domain::OrgId(district),
        percent,
        ssp_domain::PersonId(by),
        options().now,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

async fn status_of(db: &Db, source_id: &str) -> String {
    text(
        db,
        &format!("SELECT status FROM persons WHERE source_id = '{source_id}'"),
    )
    .await
}

#[tokio::test]
async fn an_import_deactivating_more_than_the_districts_limit_is_refused_with_the_figures_and_changes_nothing() {
    let (db, _dir) = fresh().await;
    run(&db, &fixture("v1_2-bulk")).await;
    set_limit(&db, 5).await;
    let people_before = count(&db, "SELECT COUNT(*) FROM persons WHERE status = 'active'").await;
    assert_eq!(people_before, 21, "8 students, 7 guardians, 6 staff");

    // The changed package drops stu-05 and t-01: 2 of 21 (9.5 %) > 5 %.
    let r = refused(&db, &fixture("v1_2-bulk-changed")).await;
    assert_eq!(
        r,
        Refusal::TooManyDeactivations(Deactivations {
            people: 2,
            active: 21,
            limit_percent: 5
        })
    );
    assert_eq!(
        r.to_string(),
        "the import would deactivate 2 of 21 active people (9.5 %), above the district's 5 % limit"
    );
    // Nothing of the package was applied: not the deactivations, not the rest.
    assert_eq!(status_of(&db, "stu-05").await, "active");
    assert_eq!(status_of(&db, "t-01").await, "active");
    assert_eq!(
        text(&db, "SELECT family_name FROM persons WHERE source_id = 'stu-03'").await,
        "Rossi",
        "the changed name waits too"
    );
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM persons WHERE status = 'active'").await,
        people_before
    );
    // The history keeps the refusal with the figures a page can show.
    let message = text(&db, "SELECT message FROM roster_imports WHERE state = 'refused'").await;
    assert!(message.starts_with("too-many-deactivations: "), "{message}");
    let summary = text(&db, "SELECT summary FROM roster_imports WHERE state = 'refused'").await;
    let summary = ssp_roster::import::parse_summary(&summary).expect("a summary");
    assert_eq!(summary.deactivations.people, 2);
    assert_eq!(tally(&summary, "students").3, 1);

    // A dry run is never refused: it reports that a real import would ask.
    let dry = ImportOptions {
        dry_run: true,
        ..options()
    };
    let r = import(&db, &fixture("v1_2-bulk-changed"), &dry, &|_| {}).await.unwrap();
    assert!(r.deactivations.over_limit());
    assert_eq!(status_of(&db, "stu-05").await, "active");
}

#[tokio::test]
async fn confirming_the_deactivations_applies_an_import_above_the_limit() {
    let (db, _dir) = fresh().await;
    run(&db, &fixture("v1_2-bulk")).await;
    set_limit(&db, 5).await;
    let confirmed = ImportOptions {
        confirm_deactivations: true,
        ..options()
    };
    let r = import(&db, &fixture("v1_2-bulk-changed"), &confirmed, &|_| {})
        .await
        .expect("a confirmed import goes ahead");
    assert_eq!(r.deactivations.people, 2);
    assert_eq!(status_of(&db, "stu-05").await, "inactive");
    assert_eq!(status_of(&db, "t-01").await, "inactive");
    assert_eq!(
        text(&db, "SELECT family_name FROM persons WHERE source_id = 'stu-03'").await,
        "Bianchi"
    );
    // A limit the import stays within needs no confirmation.
    let (db, _dir2) = fresh().await;
    run(&db, &fixture("v1_2-bulk")).await;
    set_limit(&db, 20).await;
    run(&db, &fixture("v1_2-bulk-changed")).await;
    assert_eq!(status_of(&db, "stu-05").await, "inactive");
}

#[tokio::test]
async fn without_a_district_setting_the_limit_is_ten_percent() {
    let (db, _dir) = fresh().await;
    run(&db, &fixture("v1_2-bulk")).await;
    // 2 of 21 (9.5 %) is within the default 10 %.
    run(&db, &fixture("v1_2-bulk-changed")).await;
    assert_eq!(status_of(&db, "stu-05").await, "inactive");

    // A truncated export that drops three more students: 3 of 19 (15.8 %).
    let dir = tempfile::tempdir().unwrap();
    let copy = copy_fixture("v1_2-bulk-changed", dir.path());
    let users = std::fs::read_to_string(copy.join("users.csv")).unwrap();
    let kept: Vec<&str> = users
        .lines()
        .filter(|l| !["stu-01,", "stu-02,", "stu-03,"].iter().any(|s| l.starts_with(s)))
        .collect();
    std::fs::write(copy.join("users.csv"), kept.join("\n") + "\n").unwrap();
    let r = refused(&db, &copy).await;
    assert!(
        matches!(r, Refusal::TooManyDeactivations(d) if d.people == 3 && d.limit_percent == 10),
        "{r:?}"
    );
    assert_eq!(status_of(&db, "stu-01").await, "active");
}

#[tokio::test]
async fn delta_applies_changes_and_deletions_and_ignores_stale_rows() {
    let (db, _dir) = fresh().await;
    run(&db, &fixture("v1_2-bulk")).await;
    let email_before = text(&db, "SELECT email FROM persons WHERE source_id = 'stu-04'").await;
    let family_before = text(&db, "SELECT family_name FROM persons WHERE source_id = 'stu-04'").await;
    // The delta has no orgs.csv: ssp has one district, so it is that one.
    let r = run(&db, &fixture("v1_2-delta")).await;
    assert_eq!(tally(&r, "students").0, 1, "stu-11 is new: {:?}", r.kinds);
    assert_eq!(tally(&r, "students").1, 1, "stu-04's email changed");
    assert_eq!(tally(&r, "guardians").3, 1, "par-04 is to be deleted");
    assert_eq!(tally(&r, "enrollments"), (1, 0, 0, 1));
    let stale: Vec<_> = r
        .issues
        .iter()
        .filter(|i| i.column.as_deref() == Some("dateLastModified"))
        .collect();
    assert_eq!(stale.len(), 1, "the stale row is reported as skipped: {:?}", r.issues);
    assert_eq!(stale[0].severity, Severity::Skipped);

    let email_after = text(&db, "SELECT email FROM persons WHERE source_id = 'stu-04'").await;
    assert_ne!(email_after, email_before);
    assert_eq!(
        text(&db, "SELECT family_name FROM persons WHERE source_id = 'stu-04'").await,
        family_before,
        "the older row's rename was ignored"
    );
    assert_eq!(
        text(&db, "SELECT status FROM persons WHERE source_id = 'par-04'").await,
        "inactive"
    );
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM guardian_links g JOIN persons p ON p.id = g.guardian_id WHERE p.source_id = 'par-04' AND g.status = 'active'").await,
        0,
        "a deleted guardian loses their links"
    );
    assert_eq!(
        text(&db, "SELECT status FROM enrollments WHERE source_id = 'enr-013'").await,
        "inactive"
    );
    assert_eq!(active_students(&db).await, 9);

    let again = run(&db, &fixture("v1_2-delta")).await;
    assert!(
        !again.changed(),
        "the same delta twice changes nothing: {:?}",
        again.kinds
    );
}

#[tokio::test]
async fn bad_rows_are_reported_with_file_line_and_column_and_good_rows_load() {
    let (db, _dir) = fresh().await;
    let r = run(&db, &fixture("v1_2-errors")).await;
    let expected: BTreeSet<(String, u64, String)> = [
        ("academicSessions.csv", 5, "endDate"),
        ("courses.csv", 4, "orgSourcedId"),
        ("classes.csv", 5, "classType"),
        ("users.csv", 8, "agentSourcedIds"),
        ("users.csv", 19, "sourcedId"),
        ("users.csv", 26, "givenName"),
        ("roles.csv", 22, "role"),
        ("enrollments.csv", 12, "classSourcedId"),
    ]
    .into_iter()
    .map(|(f, l, c)| (f.to_owned(), l, c.to_owned()))
    .collect();
    assert_eq!(errors(&r), expected);
    assert_eq!(r.errors_total, 8);
    assert_eq!(r.file("users.csv").errors, 3);
    assert_eq!(tally(&r, "students"), (8, 0, 0, 0));
    assert_eq!(tally(&r, "enrollments"), (15, 0, 0, 0));
    let dup = r.issues.iter().find(|i| i.line == 19 && i.file == "users.csv").unwrap();
    assert!(dup.reason.contains("more than once"), "{}", dup.reason);
    assert_eq!(
        count(&db, "SELECT issues_total FROM roster_imports").await,
        r.issues_total as i64
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM roster_import_issues WHERE severity = 'error'"
        )
        .await,
        8,
        "the downloadable report keeps every error"
    );
}

#[tokio::test]
async fn one_bad_utf8_field_fails_only_its_row() {
    let (db, _dir) = fresh().await;
    let r = run(&db, &fixture("v1_2-bad-utf8")).await;
    let expected: BTreeSet<_> = [("users.csv".to_owned(), 19, "familyName".to_owned())].into();
    assert_eq!(errors(&r), expected);
    assert_eq!(tally(&r, "students"), (8, 0, 0, 0));
}

#[tokio::test]
async fn a_dry_run_reports_everything_and_changes_nothing() {
    let (db, _dir) = fresh().await;
    let opts = ImportOptions {
        dry_run: true,
        ..options()
    };
    let r = import(&db, &fixture("v1_2-bulk"), &opts, &|_| {}).await.unwrap();
    assert!(r.dry_run);
    assert_eq!(tally(&r, "students"), (8, 0, 0, 0));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM orgs").await, 0);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM persons").await, 0);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM roster_imports WHERE dry_run").await, 1);
}

#[tokio::test]
async fn broken_packages_are_refused_whole_and_change_nothing() {
    let (db, _dir) = fresh().await;
    let r = refused(&db, &fixture("v1_1-missing-column")).await;
    assert_eq!(
        r,
        Refusal::MissingColumn {
            file: "users.csv".to_owned(),
            column: "username".to_owned()
        }
    );
    let r = refused(&db, &fixture("v1_2-no-manifest-file")).await;
    assert!(
        matches!(r, Refusal::MissingFile { ref file, line: 11, .. } if file == "enrollments.csv"),
        "{r:?}"
    );

    let dir = tempfile::tempdir().unwrap();
    let copy = copy_fixture("v1_2-bulk", dir.path());
    std::fs::remove_file(copy.join("manifest.csv")).unwrap();
    assert_eq!(refused(&db, &copy).await, Refusal::NoManifest);

    let wrong = ImportOptions {
        district: Some("dist-9".to_owned()),
        ..options()
    };
    let r = import(&db, &fixture("v1_2-bulk"), &wrong, &|_| {}).await.unwrap_err();
    assert!(r.to_string().contains("dist-1"), "{r}");

    for table in ["orgs", "persons", "enrollments"] {
        assert_eq!(
            count(&db, &format!("SELECT COUNT(*) FROM {table}")).await,
            0,
            "{table} untouched"
        );
    }
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM roster_imports WHERE state = 'refused'").await,
        4
    );
}

fn copy_fixture(name: &str, to: &Path) -> PathBuf {
    let dest = to.join(name);
    std::fs::create_dir_all(&dest).unwrap();
    for entry in std::fs::read_dir(fixture(name)).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dest.join(entry.file_name())).unwrap();
    }
    dest
}

/// Zips `files` (name, bytes) with deflate.
fn zip(path: &Path, files: &[(&str, Vec<u8>)]) {
    let mut w = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (name, bytes) in files {
        w.start_file(*name, opts).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap();
}

fn fixture_files(name: &str) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(fixture(name))
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[tokio::test]
async fn a_zipped_package_imports_like_the_folder() {
    let (db, _dir) = fresh().await;
    let dir = tempfile::tempdir().unwrap();
    let files = fixture_files("v1_2-bulk");
    let path = dir.path().join("roster.zip");
    // Some exports put the files in a folder inside the zip.
    let named: Vec<(String, Vec<u8>)> = files.into_iter().map(|(n, b)| (format!("export/{n}"), b)).collect();
    let refs: Vec<(&str, Vec<u8>)> = named.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    zip(&path, &refs);
    let r = run(&db, &path).await;
    assert_eq!(tally(&r, "students"), (8, 0, 0, 0));
    let again = run(&db, &fixture("v1_2-bulk")).await;
    assert!(!again.changed());
}

#[tokio::test]
async fn hostile_packages_are_refused_with_a_clear_message_and_bounded_memory() {
    let (db, _dir) = fresh().await;
    let dir = tempfile::tempdir().unwrap();
    let base = fixture_files("v1_2-bulk");
    let with = |name: &str, bytes: Vec<u8>| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<_> = base.iter().filter(|(n, _)| n != name).cloned().collect();
        files.push((name.to_owned(), bytes));
        files
    };
    let write_zip = |file: &str, files: &[(String, Vec<u8>)]| {
        let path = dir.path().join(file);
        let refs: Vec<(&str, Vec<u8>)> = files.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
        zip(&path, &refs);
        path
    };

    // A zip bomb: 200 MB of one byte packs to a few hundred KB.
    let mut bomb = b"sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName\n".to_vec();
    bomb.resize(200 << 20, b'a');
    let path = write_zip("bomb.zip", &with("users.csv", bomb));
    assert!(matches!(refused(&db, &path).await, Refusal::Bomb { .. }));

    // A name that climbs out of the package.
    let mut files = base.clone();
    files.push(("../../etc/users.csv".to_owned(), b"x".to_vec()));
    let path = write_zip("climb.zip", &files);
    let r = refused(&db, &path).await;
    assert_eq!(r, Refusal::UnsafeName("../../etc/users.csv".to_owned()));
    assert!(r.to_string().contains("outside the package"));

    // 10,000 columns.
    let header: Vec<String> = (0..10_000).map(|i| format!("c{i}")).collect();
    let path = write_zip(
        "wide.zip",
        &with("users.csv", format!("{}\n", header.join(",")).into_bytes()),
    );
    let r = refused(&db, &path).await;
    assert!(matches!(r, Refusal::TooManyColumns { columns: 10_000, .. }), "{r:?}");

    // One enormous field (8 MiB in one quoted cell), in a folder.
    let folder = copy_fixture("v1_2-bulk", &dir.path().join("huge"));
    let mut users = std::fs::read(folder.join("users.csv")).unwrap();
    users.extend_from_slice(b"stu-99,,,true,huge,,\"");
    users.extend(std::iter::repeat_n(b'x', 8 << 20));
    users.extend_from_slice(b"\",Doe\r\n");
    std::fs::write(folder.join("users.csv"), users).unwrap();
    let r = refused(&db, &folder).await;
    assert!(
        matches!(r, Refusal::RowTooLong { ref file, .. } if file == "users.csv"),
        "{r:?}"
    );
    assert!(r.to_string().contains("longer than 1 MiB"), "{r}");

    // A 2 GB file (sparse: no disk used) and a 2 GB CSV in a folder.
    let big = dir.path().join("big.zip");
    std::fs::File::create(&big).unwrap().set_len(2 << 30).unwrap();
    assert!(matches!(refused(&db, &big).await, Refusal::TooLarge { .. }));
    let folder = copy_fixture("v1_2-bulk", dir.path());
    std::fs::OpenOptions::new()
        .write(true)
        .open(folder.join("enrollments.csv"))
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    let r = refused(&db, &folder).await;
    assert!(
        matches!(r, Refusal::TooLarge { ref what, .. } if what == "enrollments.csv"),
        "{r:?}"
    );

    // Not a zip at all.
    let junk = dir.path().join("junk.zip");
    std::fs::write(&junk, b"this is not a zip file").unwrap();
    assert!(matches!(refused(&db, &junk).await, Refusal::BadZip(_)));

    for table in ["orgs", "persons", "enrollments"] {
        assert_eq!(
            count(&db, &format!("SELECT COUNT(*) FROM {table}")).await,
            0,
            "{table} untouched"
        );
    }
}

#[tokio::test]
async fn the_demo_district_exported_and_imported_back_changes_nothing() {
    let (db, _dir) = fresh().await;
    let mut opts = ssp_demo::DemoOptions::new(400);
    opts.districts = Some(1);
    ssp_demo::generate(&db, &opts, &|_| {}).await.unwrap();
    let district = id(&db, "SELECT id FROM orgs WHERE kind = 'district'").await;
    let out = tempfile::tempdir().unwrap();
    let package = out.path().join("dst-01.zip");
    ssp_roster::export::export_district(&db, district, &package, &|_| {})
        .await
        .unwrap();
    let students = active_students(&db).await;

    // The demo's people came without a roster username; the first import
    // of the export records the usernames it carries (issue 12: the export
    // keeps them) and changes nothing else. After that it changes nothing.
    let r = run(&db, &package).await;
    assert_eq!(r.errors_total, 0, "{:?}", r.issues);
    for (kind, c) in &r.kinds {
        let people = ["students", "guardians", "staff"].contains(&kind.as_str());
        assert_eq!(c.created + c.deactivated, 0, "{kind}: {c:?}");
        assert!(
            people || c.updated == 0,
            "only people record their username: {kind}: {c:?}"
        );
    }
    let r = run(&db, &package).await;
    assert_eq!(r.errors_total, 0, "{:?}", r.issues);
    assert!(
        !r.changed(),
        "a district's own export is already what ssp holds: {:?}",
        r.kinds
    );
    assert_eq!(r.counts("students").unchanged as i64, students);

    // Into an empty database, it makes the same district again.
    let (other, _other_dir) = fresh().await;
    let r = run(&other, &package).await;
    assert_eq!(r.counts("students").created as i64, students);
    assert_eq!(active_students(&other).await, students);
    assert_eq!(
        count(&other, "SELECT COUNT(*) FROM enrollments").await,
        count(&db, "SELECT COUNT(*) FROM enrollments WHERE role <> 'aide'").await
    );
}

/// A batch big enough for PostgreSQL's COPY path (and SQLite's many-row
/// INSERTs) keeps every character a name can hold: tabs, line breaks,
/// backslashes, a literal `\N`, emoji — and an unchanged re-import still
/// finds nothing to change.
#[tokio::test]
async fn large_batches_keep_every_character() {
    let (db, _dir) = fresh().await;
    let tmp = tempfile::tempdir().unwrap();
    let dir = copy_fixture("v1_2-bulk", tmp.path());
    let mut users = std::fs::OpenOptions::new()
        .append(true)
        .open(dir.join("users.csv"))
        .unwrap();
    let mut roles = std::fs::OpenOptions::new()
        .append(true)
        .open(dir.join("roles.csv"))
        .unwrap();
    let odd = [
        "Tab\there",
        "Back\\slash",
        "\\N",
        "Line\nbreak",
        "Carriage\r\nreturn",
        "Zoë 😀",
        "\"Quoted\"",
    ];
    let n = 4_500; // more than one page of SQLite digests (4,096)
    for i in 0..n {
        let given = odd[i % odd.len()];
        let family = format!("{}-{i}", odd[(i + 3) % odd.len()]);
        let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        writeln!(
            users,
            "bulk-{i},,,true,bulk{i},,{},{},,9{i:05},,,,,08,,,,,,,sch-ms,",
            q(given),
            q(&family)
        )
        .unwrap();
        writeln!(roles, "rol-bulk-{i},,,bulk-{i},primary,student,,,sch-ms,").unwrap();
    }
    drop((users, roles));

    let first = run(&db, &dir).await;
    assert_eq!(first.errors_total, 0, "{:?}", first.issues.first());
    assert_eq!(tally(&first, "students").0, 8 + n as u64);
    for i in [0, 1, 2, 3, 4, 5, 6, 700, 4_200, n - 1] {
        let given = text(
            &db,
            &format!("SELECT given_name FROM persons WHERE source_id = 'bulk-{i}'"),
        )
        .await;
        let family = text(
            &db,
            &format!("SELECT family_name FROM persons WHERE source_id = 'bulk-{i}'"),
        )
        .await;
        assert_eq!(given, odd[i % odd.len()], "given name of bulk-{i}");
        assert_eq!(
            family,
            format!("{}-{i}", odd[(i + 3) % odd.len()]),
            "family name of bulk-{i}"
        );
    }
    let none = count(
        &db,
        "SELECT COUNT(*) FROM persons WHERE source_id LIKE 'bulk-%' AND email IS NULL AND preferred_name IS NULL",
    )
    .await;
    assert_eq!(none, n as i64, "empty fields are stored as no value");

    let again = run(&db, &dir).await;
    assert!(!again.changed(), "{:?}", again.kinds);
    assert_eq!(tally(&again, "students"), (0, 0, 8 + n as u64, 0));
}
