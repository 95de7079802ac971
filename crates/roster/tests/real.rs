//! Packages as other systems write them (issue 12): each test builds a
//! small OneRoster 1.2 package with one reproduced cause and checks what a
//! district would notice — what loaded, and what the report says, where.
//! Runs on the engine under test (SQLite, or PostgreSQL when
//! SSP_TEST_DATABASE_URL is set).

use std::collections::BTreeMap;

use ssp_db::{with_reader, Db};
use ssp_roster::{import, import_with, ImportError, ImportOptions, MoreOptions, Refusal, Report, Severity};
use time::macros::datetime;

/// A package being written: file name (without `.csv`) → content.
#[derive(Clone)]
struct Pkg(BTreeMap<&'static str, String>);

const USERS_HEADER: &str =
    "sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,grades,identifier";

impl Pkg {
    /// One district `d1`, one school `s1`, a year, a course, a class, a
    /// grade-07 student `u1` and a teacher `t1` who both take class `k1`.
    fn district() -> Pkg {
        let mut files = BTreeMap::new();
        files.insert(
            "manifest",
            "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.orgs,bulk\n\
             file.academicSessions,bulk\nfile.courses,bulk\nfile.classes,bulk\nfile.users,bulk\nfile.roles,bulk\n\
             file.enrollments,bulk\nfile.demographics,bulk\n"
                .to_owned(),
        );
        files.insert(
            "orgs",
            "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n\
             d1,,,Lakeside District,district,,\ns1,,,Lakeside Middle,school,,d1\n"
                .to_owned(),
        );
        files.insert(
            "academicSessions",
            "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear\n\
             y,,,2026-27,schoolYear,2026-08-24,2027-06-11,,2027\n"
                .to_owned(),
        );
        files.insert(
            "courses",
            "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes\n\
             c1,,,,Science 7,SCI7,07,s1,,\n"
                .to_owned(),
        );
        files.insert(
            "classes",
            "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\n\
             k1,,,Science 7 A,,c1,,scheduled,,s1,y,,,1\n"
                .to_owned(),
        );
        files.insert(
            "users",
            format!("{USERS_HEADER}\nu1,,,true,u1,Ana,Diaz,07,1001\nt1,,,true,t1,Ben,Ng,,\n"),
        );
        files.insert(
            "roles",
            "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\n\
             r-u1,,,u1,primary,student,s1\nr-t1,,,t1,primary,teacher,s1\n"
                .to_owned(),
        );
        files.insert(
            "enrollments",
            "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\n\
             e1,,,k1,s1,u1,student,false,,\ne2,,,k1,s1,t1,teacher,true,,\n"
                .to_owned(),
        );
        files.insert(
            "demographics",
            "sourcedId,status,dateLastModified,birthDate\nu1,,,2014-03-14\n".to_owned(),
        );
        Pkg(files)
    }

    fn set(mut self, file: &'static str, body: &str) -> Pkg {
        self.0.insert(file, body.to_owned());
        self
    }

    /// Replaces `from` (which must be there) with `to` in `file`.
    fn edit(mut self, file: &'static str, from: &str, to: &str) -> Pkg {
        let body = self.0.get_mut(file).expect("file");
        assert!(body.contains(from), "{file}.csv has no {from:?}");
        *body = body.replacen(from, to, 1);
        self
    }

    /// Appends rows to `file`.
    fn add(mut self, file: &'static str, rows: &str) -> Pkg {
        self.0.get_mut(file).expect("file").push_str(rows);
        self
    }

    fn drop_file(mut self, file: &'static str) -> Pkg {
        self.0.remove(file);
        self
    }

    fn write(&self) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (file, body) in &self.0 {
            std::fs::write(dir.path().join(format!("{file}.csv")), body).unwrap();
        }
        dir
    }
}

fn options() -> ImportOptions {
    ImportOptions {
        district: None,
        expected_district: None,
        dry_run: false,
        confirm_deactivations: true,
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

async fn run(db: &Db, pkg: &Pkg) -> Report {
    let dir = pkg.write();
    import(db, dir.path(), &options(), &|_| {})
        .await
        .expect("the package imports")
}

async fn refused(db: &Db, pkg: &Pkg, opts: &ImportOptions) -> Refusal {
    let dir = pkg.write();
    match import(db, dir.path(), opts, &|_| {}).await {
        Err(ImportError::Refused(r)) => r,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

async fn count(db: &Db, sql: &str) -> i64 {
    let (n,): (i64,) = with_reader!(db, |pool| sqlx::query_as(sql).fetch_one(pool).await.expect(sql));
    n
}

/// (file, line, column) of the issues of one severity.
fn at(r: &Report, severity: Severity) -> Vec<(String, u64, String)> {
    r.issues
        .iter()
        .filter(|i| i.severity == severity)
        .map(|i| (i.file.clone(), i.line, i.column.clone().unwrap_or_default()))
        .collect()
}

fn reason<'r>(r: &'r Report, file: &str, line: u64) -> Vec<&'r str> {
    r.issues
        .iter()
        .filter(|i| i.file == file && i.line == line)
        .map(|i| i.reason.as_str())
        .collect()
}

fn place(file: &str, line: u64, column: &str) -> (String, u64, String) {
    (file.to_owned(), line, column.to_owned())
}

#[tokio::test]
async fn the_baseline_package_loads_without_any_issue() {
    let (db, _dir) = fresh().await;
    let r = run(&db, &Pkg::district()).await;
    assert_eq!(r.issues, vec![], "the other tests change one thing of this package");
    assert_eq!(r.counts("students").created, 1);
    assert_eq!(r.counts("enrollments").created, 2);
}

#[tokio::test]
async fn values_that_differ_only_in_case_load_with_a_warning_naming_file_line_and_column() {
    let (db, _dir) = fresh().await;
    let pkg = Pkg::district()
        .edit("classes", "scheduled", "Scheduled")
        .edit("users", "u1,,,true", "u1,,,TRUE")
        .edit("users", "t1,,,true", "t1,,,True")
        .edit("roles", "primary,student", "primary,Student")
        .edit("enrollments", "teacher,true", "teacher,TRUE")
        .edit("orgs", "Lakeside Middle,school", "Lakeside Middle,School");
    let r = run(&db, &pkg).await;
    assert_eq!(r.errors_total, 0, "{:?}", r.issues);
    assert_eq!(r.counts("students").created, 1);
    assert_eq!(r.counts("classes").created, 1);
    assert_eq!(r.counts("enrollments").created, 2);
    assert_eq!(
        at(&r, Severity::Warning),
        vec![
            place("orgs.csv", 3, "type"),
            place("classes.csv", 2, "classType"),
            place("roles.csv", 2, "role"),
            place("users.csv", 2, "enabledUser"),
            place("users.csv", 3, "enabledUser"),
            place("enrollments.csv", 3, "primary"),
        ]
    );
    assert!(
        reason(&r, "classes.csv", 2)[0].contains("\"Scheduled\" differs from OneRoster's \"scheduled\" only in case"),
        "{:?}",
        r.issues
    );
    assert_eq!(r.warnings_total, 6);
    assert_eq!(r.file("users.csv").warnings, 2);
}

#[tokio::test]
async fn a_value_written_the_same_wrong_way_on_every_row_is_one_warning_not_one_per_row() {
    let (db, _dir) = fresh().await;
    let many: String = (2..=40).map(|i| format!("g{i},,,TRUE,g{i},Gus,Ng,,\n")).collect();
    let roles: String = (2..=40)
        .map(|i| format!("r-g{i},,,g{i},primary,teacher,s1\n"))
        .collect();
    let pkg = Pkg::district()
        .edit("users", "u1,,,true", "u1,,,TRUE")
        .add("users", &many)
        .add("roles", &roles);
    let r = run(&db, &pkg).await;
    assert_eq!(r.errors_total, 0, "{:?}", r.issues);
    assert_eq!(r.counts("staff").created, 40);
    let warnings: Vec<_> = at(&r, Severity::Warning);
    assert_eq!(warnings, vec![place("users.csv", 2, "enabledUser")]);
}

#[tokio::test]
async fn extension_values_for_org_and_session_types_and_roles_are_skipped_with_a_note_never_an_error() {
    let (db, _dir) = fresh().await;
    let pkg = Pkg::district()
        .add("orgs", "reg-1,,,North Region,ext:region,,d1\n")
        .add(
            "academicSessions",
            "q1,,,Quarter 1,ext:quarter,2026-08-24,2026-10-30,y,2027\n",
        )
        .add("users", "x1,,,true,x1,Cleo,Park,,\n")
        .add(
            "roles",
            "r-x1,,,x1,primary,ext:coach,s1\nr-t1-c,,,t1,secondary,ext:coach,s1\n",
        );
    let r = run(&db, &pkg).await;
    assert_eq!(r.errors_total, 0, "{:?}", r.issues);
    assert_eq!(
        at(&r, Severity::Skipped),
        vec![
            place("orgs.csv", 4, "type"),
            place("academicSessions.csv", 3, "type"),
            place("roles.csv", 4, "role"),
            place("roles.csv", 5, "role"),
            place("users.csv", 4, "sourcedId"),
        ]
    );
    assert!(reason(&r, "orgs.csv", 4)[0].contains("extension type ext:region"));
    assert!(reason(&r, "users.csv", 4)[0].contains("only roles are extensions (ext:…, roles.csv line 4)"));
    // The teacher keeps the teacher role; the rest loads as before.
    assert_eq!(r.counts("staff").created, 1);
    assert_eq!(r.counts("staff roles").created, 1);
    assert_eq!(r.counts("orgs").created, 2);
    assert_eq!(r.counts("academic sessions").created, 1);
}

#[tokio::test]
async fn a_malformed_date_last_modified_in_bulk_is_a_warning_and_the_row_still_loads() {
    let (db, _dir) = fresh().await;
    let pkg = Pkg::district()
        .edit("users", "u1,,,true", "u1,,11/02/2026 8:00 AM,true")
        .edit("courses", "c1,,,", "c1,,2026-11-02T08:00:00Z,");
    let r = run(&db, &pkg).await;
    assert_eq!(r.errors_total, 0, "{:?}", r.issues);
    assert_eq!(
        at(&r, Severity::Warning),
        vec![place("users.csv", 2, "dateLastModified")]
    );
    assert!(reason(&r, "users.csv", 2)[0].contains("bulk mode does not use it"));
    assert_eq!(r.counts("students").created, 1);
    assert_eq!(r.counts("enrollments").created, 2);
}

#[tokio::test]
async fn a_bulk_row_marked_tobedeleted_is_not_loaded_as_active() {
    let (db, _dir) = fresh().await;
    run(&db, &Pkg::district()).await;
    let pkg = Pkg::district()
        .edit("users", "u1,,,true", "u1,tobedeleted,,true")
        .add("users", "n1,tobedeleted,,true,n1,Nia,Mensah,08,\n")
        .add("roles", "r-n1,,,n1,primary,student,s1\n")
        .edit("classes", "k1,,,", "k1,tobedeleted,,")
        .add("classes", "k3,tobedeleted,,Art,,c1,,scheduled,,s1,y,,,\n")
        .add("enrollments", "e3,,,k3,s1,t1,teacher,true,,\n");
    let r = run(&db, &pkg).await;
    assert_eq!(r.errors_total, 0, "{:?}", r.issues);
    assert_eq!(r.counts("students").deactivated, 1, "u1 goes inactive");
    assert_eq!(r.counts("classes").deactivated, 1);
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM students WHERE status = 'active'").await,
        0
    );
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM persons WHERE source_id = 'n1'").await,
        0,
        "a new tobedeleted row creates nothing"
    );
    assert!(at(&r, Severity::Skipped).contains(&place("users.csv", 4, "status")));
    assert!(at(&r, Severity::Skipped).contains(&place("classes.csv", 3, "status")));
    // An enrollment in the class that was not loaded says why it is missing.
    assert_eq!(
        reason(&r, "enrollments.csv", 4),
        vec!["class \"k3\" was skipped at classes.csv line 3 (marked tobedeleted)"]
    );
}

#[tokio::test]
async fn a_bulk_status_outside_the_enumeration_is_a_row_problem_not_accepted() {
    let (db, _dir) = fresh().await;
    let pkg = Pkg::district().edit("users", "t1,,,true", "t1,inactive,,true");
    let r = run(&db, &pkg).await;
    assert_eq!(at(&r, Severity::Error), vec![place("users.csv", 3, "status")]);
    assert!(reason(&r, "users.csv", 3)[0].contains("\"inactive\" is not one of active, tobedeleted"));
    assert_eq!(r.counts("staff").created, 0);
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM persons WHERE source_id = 't1'").await,
        0
    );
}

#[tokio::test]
async fn a_student_without_a_grade_is_skipped_like_a_grade_05_student_and_says_so() {
    let (db, _dir) = fresh().await;
    let pkg = Pkg::district()
        .edit("users", "Ana,Diaz,07,", "Ana,Diaz,,")
        .add("users", "u5,,,true,u5,Eli,Walker,05,1005\n")
        .add("roles", "r-u5,,,u5,primary,student,s1\n");
    let r = run(&db, &pkg).await;
    assert_eq!(r.errors_total, 0, "no grade is not an error: {:?}", r.issues);
    let skipped = at(&r, Severity::Skipped);
    assert!(skipped.contains(&place("users.csv", 2, "grades")), "{skipped:?}");
    assert!(skipped.contains(&place("users.csv", 4, "grades")), "{skipped:?}");
    assert!(reason(&r, "users.csv", 2)[0].contains("the student has no grade"));
    // Their roles, enrollment and birth date are skipped with them.
    assert!(skipped.contains(&place("roles.csv", 2, "userSourcedId")));
    assert!(reason(&r, "enrollments.csv", 2)[0].contains("user \"u1\" was skipped at users.csv line 2 (no grade)"));
    assert!(reason(&r, "demographics.csv", 2)[0].contains("user \"u1\" was skipped at users.csv line 2 (no grade)"));
    assert_eq!(r.counts("students").created, 0);
}

#[tokio::test]
async fn a_package_without_a_district_row_creates_the_district_when_given_its_name() {
    let (db, _dir) = fresh().await;
    let schools_only = Pkg::district().edit("orgs", "d1,,,Lakeside District,district,,\n", "");
    let no_district = refused(&db, &schools_only, &options()).await;
    assert_eq!(no_district, Refusal::NoDistrict);
    assert!(
        no_district.to_string().contains("--district-name NAME"),
        "{no_district}"
    );

    let named = ImportOptions {
        district: Some("d1".to_owned()),
        ..options()
    };
    let unknown = refused(&db, &schools_only, &named).await;
    assert_eq!(unknown, Refusal::UnknownDistrict("d1".to_owned()));
    assert!(
        unknown
            .to_string()
            .contains("import again with --district d1 --district-name NAME"),
        "{unknown}"
    );

    let dir = schools_only.write();
    let more = MoreOptions {
        district_name: Some("Lakeside District".to_owned()),
    };
    let r = import_with(&db, dir.path(), &named, &more, &|_| {})
        .await
        .expect("imports");
    assert_eq!(r.errors_total, 0, "{:?}", r.issues);
    assert_eq!(r.district_name, "Lakeside District");
    assert_eq!(r.counts("students").created, 1);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM orgs WHERE kind = 'district' AND source_id = 'd1' AND name = 'Lakeside District'"
        )
        .await,
        1
    );
    // The next package from the same system finds the district.
    let again = run(&db, &schools_only.clone()).await;
    assert!(!again.changed(), "{:?}", again.kinds);
}

#[tokio::test]
async fn when_every_row_fails_the_report_says_nothing_was_loaded_and_names_the_failed_files() {
    let (db, _dir) = fresh().await;
    let pkg = Pkg::district()
        .edit("users", "u1,,,true", "u1,,,yes")
        .edit("users", "t1,,,true", "t1,,,yes");
    let r = run(&db, &pkg).await;
    assert_eq!(r.counts("students").created + r.counts("staff").created, 0);
    assert_eq!(r.failed_files(), vec!["users.csv"]);
    assert!(r.loaded_anything(), "orgs and classes did load");
}

#[tokio::test]
async fn a_delta_whose_every_row_failed_says_nothing_was_loaded_not_nothing_changed() {
    let (db, _dir) = fresh().await;
    run(&db, &Pkg::district()).await;
    let delta = Pkg(BTreeMap::new())
        .set(
            "manifest",
            "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.users,delta\n",
        )
        .set(
            "users",
            &format!("{USERS_HEADER}\nu1,active,,true,u1,Ana,Diaz,07,1001\nt1,active,yesterday,true,t1,Ben,Ng,,\n"),
        );
    let r = run(&db, &delta).await;
    assert_eq!(
        at(&r, Severity::Error),
        vec![
            place("users.csv", 2, "dateLastModified"),
            place("users.csv", 3, "dateLastModified")
        ]
    );
    assert!(!r.loaded_anything());
    assert_eq!(r.failed_files(), vec!["users.csv"]);
    let message: Option<String> = with_reader!(&db, |pool| sqlx::query_scalar(
        "SELECT message FROM roster_imports ORDER BY created_at DESC, id DESC LIMIT 1"
    )
    .fetch_one(pool)
    .await
    .unwrap());
    assert_eq!(
        message.as_deref(),
        Some("nothing was loaded: every row of the package had a problem")
    );
}

#[tokio::test]
async fn a_follow_on_problem_names_its_cause() {
    let (db, _dir) = fresh().await;
    let pkg = Pkg::district()
        .edit("users", "u1,,,true", "u1,,,maybe")
        .add("orgs", "dept-sci,,,Science Department,department,,s1\n")
        .add("courses", "c2,,,,Lab,LAB,,dept-sci,,\n")
        .add("classes", "k2,,,Lab A,,c2,,scheduled,,s1,y,,,\n");
    let r = run(&db, &pkg).await;
    assert_eq!(at(&r, Severity::Error), vec![place("users.csv", 2, "enabledUser")]);
    assert_eq!(
        reason(&r, "enrollments.csv", 2),
        vec!["user \"u1\" was rejected at users.csv line 2 (enabledUser)"]
    );
    assert_eq!(
        reason(&r, "courses.csv", 3),
        vec!["org \"dept-sci\" is a department, which ssp does not keep (see orgs.csv line 4)"]
    );
    assert!(
        reason(&r, "classes.csv", 3)[0].starts_with("course \"c2\" was skipped at courses.csv line 3"),
        "{:?}",
        r.issues
    );
    assert!(!r.issues.iter().any(|i| i.reason.contains("unknown")), "{:?}", r.issues);
}

#[tokio::test]
async fn a_demographics_row_for_a_user_who_was_not_loaded_is_reported_as_skipped() {
    let (db, _dir) = fresh().await;
    let pkg = Pkg::district()
        .edit("users", "Ana,Diaz,07,", "Ana,,07,")
        .add("demographics", "t1,,,1980-01-01\nghost,,,2012-01-01\n");
    let r = run(&db, &pkg).await;
    assert_eq!(at(&r, Severity::Error), vec![place("users.csv", 2, "familyName")]);
    assert_eq!(
        at(&r, Severity::Skipped)
            .into_iter()
            .filter(|(f, _, _)| f == "demographics.csv")
            .collect::<Vec<_>>(),
        vec![
            place("demographics.csv", 2, "sourcedId"),
            place("demographics.csv", 3, "sourcedId"),
            place("demographics.csv", 4, "sourcedId"),
        ]
    );
    assert_eq!(
        reason(&r, "demographics.csv", 2),
        vec!["user \"u1\" was rejected at users.csv line 2 (familyName)"]
    );
    assert!(reason(&r, "demographics.csv", 3)[0].contains("not a student"));
    assert!(reason(&r, "demographics.csv", 4)[0].contains("\"ghost\" is not in users.csv"));
}

#[tokio::test]
async fn a_refusal_lists_every_missing_column_and_every_bad_manifest_line() {
    let (db, _dir) = fresh().await;
    let pkg = Pkg::district()
        .edit(
            "users",
            USERS_HEADER,
            "sourcedId,status,dateLastModified,enabledUser,familyName,grades,identifier",
        )
        .edit("users", "u1,,,true,u1,Ana,Diaz,07,1001", "u1,,,true,Diaz,07,1001")
        .edit("users", "t1,,,true,t1,Ben,Ng,,", "t1,,,true,Ng,,")
        .edit("roles", "roleType,role,", "roleType,");
    let r = refused(&db, &pkg, &options()).await;
    let Refusal::Several(list) = &r else { panic!("{r:?}") };
    let missing: Vec<(String, String)> = list
        .iter()
        .filter_map(|x| match x {
            Refusal::MissingColumn { file, column } => Some((file.clone(), column.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        missing,
        vec![
            ("roles.csv".to_owned(), "role".to_owned()),
            ("users.csv".to_owned(), "username".to_owned()),
            ("users.csv".to_owned(), "givenName".to_owned()),
        ]
    );
    assert_eq!(r.code(), "several-problems");
    let text = r.to_string();
    assert!(text.contains("users.csv has no username column"), "{text}");
    assert!(text.contains("users.csv has no givenName column"), "{text}");
    assert!(text.contains("roles.csv has no role column"), "{text}");

    // A bad manifest and bad headers come in one refusal, including the
    // header of a file whose manifest line is the bad one.
    let manifest = Pkg::district()
        .edit("manifest", "file.courses,bulk", "file.courses,full")
        .edit("manifest", "file.classes,bulk", "file.classes,Bulk!")
        .drop_file("demographics")
        .edit("roles", "roleType,role,", "roleType,")
        .edit("classes", "sourcedId,", "sourcedID,");
    let r = refused(&db, &manifest, &options()).await;
    let text = r.to_string();
    assert!(text.contains("line 6: file.courses is \"full\""), "{text}");
    assert!(text.contains("line 7: file.classes is \"Bulk!\""), "{text}");
    assert!(
        text.contains("line 11 says demographics.csv comes in bulk mode"),
        "{text}"
    );
    assert!(text.contains("roles.csv has no role column"), "{text}");
    assert!(text.contains("classes.csv has no sourcedId column"), "{text}");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM persons").await, 0, "nothing changed");
}

#[tokio::test]
async fn a_row_reports_all_its_problems_not_only_the_first() {
    let (db, _dir) = fresh().await;
    let pkg = Pkg::district()
        .edit(
            "classes",
            "k1,,,Science 7 A,,c1,,scheduled,,s1,y,",
            "k1,,,,,c1,,lecture,,s1,,",
        )
        .edit("enrollments", "e1,,,k1,s1,u1,", "e1,,,k9,s9,u9,");
    let r = run(&db, &pkg).await;
    assert_eq!(
        at(&r, Severity::Error),
        vec![
            place("classes.csv", 2, "title"),
            place("classes.csv", 2, "classType"),
            place("classes.csv", 2, "termSourcedIds"),
            place("enrollments.csv", 2, "classSourcedId"),
            place("enrollments.csv", 2, "schoolSourcedId"),
            place("enrollments.csv", 2, "userSourcedId"),
        ]
    );
}

#[tokio::test]
async fn unknown_manifest_properties_and_unnamed_header_columns_are_warnings_at_the_header() {
    let (db, _dir) = fresh().await;
    let pkg = Pkg::district()
        .edit(
            "manifest",
            "oneroster.version,1.2\n",
            "oneroster.version,1.2\nexport.timestamp,2026-11-02\n",
        )
        .edit("users", USERS_HEADER, &format!("{USERS_HEADER},"))
        .edit(
            "users",
            "u1,,,true,u1,Ana,Diaz,07,1001",
            "u1,,,true,u1,Ana,Diaz,07,1001,x",
        )
        .edit("users", "t1,,,true,t1,Ben,Ng,,", "t1,,,true,t1,Ben,Ng,,,");
    let r = run(&db, &pkg).await;
    assert_eq!(r.errors_total, 0, "{:?}", r.issues);
    assert_eq!(
        at(&r, Severity::Warning),
        vec![place("manifest.csv", 4, "propertyName"), place("users.csv", 1, "")]
    );
    assert!(reason(&r, "manifest.csv", 4)[0].contains("\"export.timestamp\" is not a OneRoster manifest property"));
    assert!(reason(&r, "users.csv", 1)[0].contains("column 10 of the header has no name"));
    assert_eq!(r.counts("students").created, 1);
}

#[tokio::test]
async fn grades_written_without_the_leading_zero_or_in_lower_case_are_read_with_a_warning() {
    let (db, _dir) = fresh().await;
    let pkg = Pkg::district()
        .edit("users", "Ana,Diaz,07,", "Ana,Diaz,7,")
        .add("users", "k0,,,true,k0,Kit,Lee,kg,\n")
        .add("roles", "r-k0,,,k0,primary,student,s1\n");
    let r = run(&db, &pkg).await;
    assert_eq!(r.errors_total, 0, "{:?}", r.issues);
    assert_eq!(
        at(&r, Severity::Warning),
        vec![place("users.csv", 2, "grades"), place("users.csv", 4, "grades")]
    );
    assert_eq!(r.counts("students").created, 1, "grade 7 is kept, KG is skipped");
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM students WHERE grade_level = 7").await,
        1
    );
}

#[tokio::test]
async fn sex_and_race_are_kept_apart_for_the_fairness_audit_and_a_bad_sex_is_only_a_warning() {
    let (db, _dir) = fresh().await;
    let header = "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,\
                  blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,\
                  demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity";
    let pkg = Pkg::district().set(
        "demographics",
        &format!("{header}\nu1,,,2014-03-14,female,false,true,false,false,true,false,false\n"),
    );
    let r = run(&db, &pkg).await;
    assert_eq!(r.errors_total, 0, "{:?}", r.issues);
    let kept = count(
        &db,
        "SELECT COUNT(*) FROM student_demographics WHERE sex = 'female' AND race_ethnicity = 'two_or_more'",
    )
    .await;
    assert_eq!(kept, 1, "asian and white: two or more races");
    // The student record itself carries none of it.
    let columns = count(&db, "SELECT COUNT(*) FROM students WHERE birth_date IS NOT NULL").await;
    assert_eq!(columns, 1);

    // A sex outside the standard's list: a warning; the birth date still counts.
    let pkg = Pkg::district().set(
        "demographics",
        &format!("{header}\nu1,,,2014-03-14,F,false,false,false,false,false,false,true\n"),
    );
    let r = run(&db, &pkg).await;
    assert_eq!(r.errors_total, 0, "{:?}", r.issues);
    assert!(
        at(&r, Severity::Warning).contains(&place("demographics.csv", 2, "sex")),
        "{:?}",
        r.issues
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM student_demographics WHERE sex IS NULL AND race_ethnicity = 'hispanic_latino'"
        )
        .await,
        1,
        "replaced, not added"
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM student_demographics").await, 1);
}
