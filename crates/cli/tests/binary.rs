//! The `ssp` binary as an operator runs it: exit codes and console messages.

use std::process::{Command, Output};

fn ssp(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ssp"));
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("ssp runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn config_check_prints_settings_with_the_password_hidden() {
    let out = ssp(
        &["config", "check"],
        &[("SSP_DATABASE_URL", "postgres://ssp:s3cret@db.internal:5432/ssp")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("postgres://ssp:***@db.internal:5432/ssp"), "{text}");
    assert!(!text.contains("s3cret"));
    assert!(text.contains("settings are valid"));
}

#[test]
fn a_typo_in_the_config_file_stops_ssp_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ssp.toml");
    std::fs::write(&file, "lisen = \"127.0.0.1:8080\"\n").unwrap();
    let out = ssp(&["--config", file.to_str().unwrap(), "config", "check"], &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("configuration error"), "{err}");
    assert!(err.contains("unknown field `lisen`"), "{err}");
}

#[test]
fn an_unsupported_database_url_is_refused() {
    let out = ssp(&["--database-url", "mysql://root@localhost/ssp", "migrate"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is not supported"), "{}", stderr(&out));
}

#[test]
fn a_data_folder_that_cannot_be_created_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("plain-file");
    std::fs::write(&blocker, "x").unwrap();
    let data_dir = blocker.join("ssp-data");
    let out = ssp(&["--data-dir", data_dir.to_str().unwrap(), "migrate"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot create the data folder"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn migrate_creates_the_database_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let first = ssp(&["--data-dir", data, "migrate"], &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    let known = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../migrations/sqlite"))
        .unwrap()
        .count();
    let out = String::from_utf8_lossy(&first.stdout).into_owned();
    assert!(out.contains(&format!("{known} migration(s) applied")), "{out}");
    assert!(dir.path().join("ssp.db").is_file());
    let again = ssp(&["--data-dir", data, "migrate"], &[]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("0 migration(s) applied"));
}

#[test]
fn create_user_then_a_duplicate_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let args = [
        "--data-dir",
        data,
        "admin",
        "create-user",
        "--username",
        "first.admin",
        "--given-name",
        "First",
        "--family-name",
        "Admin",
        "--district",
        "Lakeside Schools",
    ];
    let out = ssp(&args, &[("SSP_NEW_PASSWORD", "a long enough passphrase")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Created first.admin (district admin) in Lakeside Schools"));
    let again = ssp(&args, &[("SSP_NEW_PASSWORD", "a long enough passphrase")]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("already taken"), "{}", stderr(&again));
}

#[test]
fn the_demo_writes_its_district_as_a_oneroster_zip() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let zip = dir.path().join("out").join("harbor-city.zip");
    let out = ssp(
        &[
            "--data-dir",
            data.to_str().unwrap(),
            "demo",
            "--students",
            "60",
            "--districts",
            "1",
            "--oneroster",
            zip.to_str().unwrap(),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!(
            "OneRoster 1.2 package of Harbor City Public Schools (dst-01) written to {}",
            zip.display()
        )),
        "{text}"
    );
    let students = text
        .lines()
        .find(|l| l.trim_start().starts_with("demographics.csv"))
        .unwrap_or_else(|| panic!("no demographics.csv count in {text}"));
    assert!(students.ends_with(" 60 rows"), "{students}");
    assert!(zip.is_file());
}

#[test]
fn export_oneroster_names_the_districts_when_the_one_asked_for_is_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let demo = ssp(&["--data-dir", data, "demo", "--students", "60"], &[]);
    assert!(demo.status.success(), "{}", stderr(&demo));
    let folder = dir.path().join("roster");

    let unknown = ssp(
        &[
            "--data-dir",
            data,
            "export",
            "oneroster",
            "--district",
            "dst-99",
            folder.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        stderr(&unknown).contains(
            "no district has the source id \"dst-99\"; the districts are: dst-01 (Harbor City Public Schools)"
        ),
        "{}",
        stderr(&unknown)
    );
    assert!(!folder.exists(), "nothing is written");

    // With one district, --district may be left out.
    let only = ssp(
        &["--data-dir", data, "export", "oneroster", folder.to_str().unwrap()],
        &[],
    );
    assert!(only.status.success(), "{}", stderr(&only));
    let text = String::from_utf8_lossy(&only.stdout);
    assert!(text.contains("(dst-01) written to"), "{text}");
    assert!(text.contains("users.csv"), "{text}");
    let users = std::fs::read_to_string(folder.join("users.csv")).unwrap();
    assert!(users.lines().any(|l| l.contains(",demo.student,")), "{users}");
}
