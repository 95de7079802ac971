//! `ssp import oneroster` with packages as other systems write them
//! (issue 12): the command's exit status and its district creation.
//!
//! The command opens the database its settings name, so these tests run it
//! on a SQLite file of their own whatever engine the suite runs on; the
//! importer's behaviour on both engines is tested in
//! `crates/roster/tests/real.rs`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use ssp_cli::commands::import::{run, ImportCommand, OneRosterArgs};
use ssp_cli::{Overrides, Settings};
use ssp_db::{with_reader, Db, DbOptions};

fn package(dir: &Path, orgs: &str, users: &str) {
    let files = [
        (
            "manifest",
            "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.orgs,bulk\nfile.users,bulk\n",
        ),
        ("orgs", orgs),
        ("users", users),
    ];
    for (file, body) in files {
        std::fs::write(dir.join(format!("{file}.csv")), body).unwrap();
    }
}

const ORGS_HEADER: &str = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n";
const USERS_HEADER: &str =
    "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,givenName,familyName,grades\n";

struct Cli {
    dir: tempfile::TempDir,
    settings: Settings,
}

impl Cli {
    fn new() -> Cli {
        let dir = tempfile::tempdir().unwrap();
        let mut file = tempfile::NamedTempFile::new_in(dir.path()).unwrap();
        let url = format!("sqlite://{}", dir.path().join("ssp.db").display());
        writeln!(file, "database_url = {url:?}").unwrap();
        let settings = Settings::load(Some(file.path()), &BTreeMap::new(), &Overrides::default()).unwrap();
        Cli { dir, settings }
    }

    async fn import(&self, pkg: &Path, district: Option<&str>, name: Option<&str>) -> Result<(), String> {
        let args = OneRosterArgs {
            path: pkg.to_owned(),
            district: district.map(str::to_owned),
            district_name: name.map(str::to_owned),
            dry_run: false,
            confirm_deactivations: false,
            report: None,
        };
        run(&self.settings, ImportCommand::Oneroster(args))
            .await
            .map_err(|e| format!("{e:#}"))
    }

    async fn count(&self, sql: &str) -> i64 {
        let url = format!("sqlite://{}", self.dir.path().join("ssp.db").display());
        let db = Db::connect(&url, &DbOptions::default()).await.unwrap();
        let n = with_reader!(&db, |p| sqlx::query_scalar(sql).fetch_one(p).await.unwrap());
        db.close().await;
        n
    }
}

#[tokio::test]
async fn the_command_fails_when_a_file_had_errors_and_nothing_was_loaded_from_it() {
    let cli = Cli::new();
    let pkg = tempfile::tempdir().unwrap();
    let orgs = format!("{ORGS_HEADER}d1,,,Lakeside,district,,\ns1,,,Lakeside Middle,school,,d1\n");
    // Every user row is broken: enabledUser is not a boolean.
    let users = format!("{USERS_HEADER}u1,,,yes,s1,student,u1,Ana,Diaz,07\nu2,,,no,s1,student,u2,Omar,Haddad,08\n");
    package(pkg.path(), &orgs, &users);
    let err = cli.import(pkg.path(), None, None).await.unwrap_err();
    assert_eq!(
        err,
        "nothing was loaded from users.csv because of errors; fix the rows listed above and import again"
    );
    assert_eq!(cli.count("SELECT COUNT(*) FROM students").await, 0);

    // One good row is enough for the command to succeed.
    let users = format!("{USERS_HEADER}u1,,,true,s1,student,u1,Ana,Diaz,07\nu2,,,no,s1,student,u2,Omar,Haddad,08\n");
    package(pkg.path(), &orgs, &users);
    cli.import(pkg.path(), None, None).await.expect("some rows loaded");
    assert_eq!(cli.count("SELECT COUNT(*) FROM students").await, 1);
}

#[tokio::test]
async fn the_command_creates_the_district_of_a_package_that_stops_at_schools_when_given_its_name() {
    let cli = Cli::new();
    let pkg = tempfile::tempdir().unwrap();
    let orgs = format!("{ORGS_HEADER}s1,,,Lakeside Middle,school,,d1\n");
    let users = format!("{USERS_HEADER}u1,,,true,s1,student,u1,Ana,Diaz,07\n");
    package(pkg.path(), &orgs, &users);

    let err = cli.import(pkg.path(), None, None).await.unwrap_err();
    assert!(err.contains("--district SOURCEDID (add --district-name NAME"), "{err}");
    let err = cli.import(pkg.path(), Some("d1"), None).await.unwrap_err();
    assert!(
        err.contains("import again with --district d1 --district-name NAME"),
        "{err}"
    );
    assert_eq!(cli.count("SELECT COUNT(*) FROM orgs WHERE kind = 'district'").await, 0);

    // Following the advice works.
    cli.import(pkg.path(), Some("d1"), Some("Lakeside District"))
        .await
        .expect("the district is created");
    assert_eq!(
        cli.count(
            "SELECT COUNT(*) FROM orgs WHERE kind = 'district' AND source_id = 'd1' AND name = 'Lakeside District'"
        )
        .await,
        1
    );
    assert_eq!(cli.count("SELECT COUNT(*) FROM students").await, 1);
    // The next package finds its district without being told.
    cli.import(pkg.path(), None, None).await.expect("imports again");
    assert_eq!(cli.count("SELECT COUNT(*) FROM orgs WHERE kind = 'district'").await, 1);
}

/// The admin page, for an upload whose every row failed: it says nothing
/// was loaded, never "nothing changed", and lists the problems.
#[tokio::test]
async fn the_import_page_says_nothing_was_loaded_when_every_row_failed() {
    use super::roster_page::{upload, wait_for, world};

    let w = world().await;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    let files = [
        (
            "manifest.csv",
            "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.users,delta\n",
        ),
        (
            "users.csv",
            "sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName\n\
             stu-01,active,,true,stu-01,Amara,Okafor\nstu-02,active,last week,true,stu-02,Liam,Nguyen\n",
        ),
    ];
    for (name, body) in files {
        zip.start_file(name, opts).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    let res = upload(&w.admin, "delta.zip", &bytes, false).await;
    assert_eq!(res.status, 303, "{}", res.text);
    let location = res.location().unwrap().to_owned();
    let id = location.trim_start_matches("/admin/roster/").parse().unwrap();
    let row = wait_for(&w.app, id).await;
    assert_eq!(
        row.message.as_deref(),
        Some("nothing was loaded: every row of the package had a problem")
    );
    let page = w.admin.get(&location).await;
    assert_eq!(page.status, 200);
    assert!(
        page.text
            .contains("Nothing was loaded: every row of the package had a problem."),
        "{}",
        page.text
    );
    assert!(!page.text.contains("Nothing changed"), "{}", page.text);
    assert!(
        page.text.contains("dateLastModified"),
        "the problems are listed: {}",
        page.text
    );
}
