//! Settings and console administration.

use std::collections::BTreeMap;
use std::io::Write;

use ssp_cli::commands::admin::{create_user, CreateUserError, NewUser};
use ssp_cli::{Overrides, Settings};
use ssp_testkit::TestApp;

fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn settings_file(text: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(text.as_bytes()).unwrap();
    f
}

#[test]
fn defaults_use_sqlite_in_ssp_data_on_port_8080() {
    let s = Settings::load(Some(settings_file("").path()), &env(&[]), &Overrides::default()).unwrap();
    assert_eq!(s.database_url, "sqlite://./ssp-data/ssp.db");
    assert_eq!(s.listen.to_string(), "127.0.0.1:8080");
    assert_eq!(s.public_url.as_str(), "http://127.0.0.1:8080/");
}

#[test]
fn a_typo_in_the_settings_file_is_named() {
    let f = settings_file("databse_url = \"sqlite://x.db\"\n");
    let err = Settings::load(Some(f.path()), &env(&[]), &Overrides::default()).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("unknown field `databse_url`"), "{msg}");
    assert!(msg.contains("database_url"), "suggests the known keys: {msg}");
}

#[test]
fn an_unknown_environment_variable_is_named() {
    let err = Settings::load(
        Some(settings_file("").path()),
        &env(&[("SSP_DATABSE_URL", "x")]),
        &Overrides::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("SSP_DATABSE_URL"));
}

#[test]
fn bad_values_get_clear_messages() {
    let cases = [
        ("listen = \"localhost\"", "is not an address and port"),
        ("database_url = \"mysql://root@db/ssp\"", "is not supported"),
        ("public_url = \"ftp://x\"", "is not an http:// or https:// URL"),
        ("session_idle_minutes = 0", "between 5 and 1440"),
        ("log_format = \"xml\"", "must be \"text\" or \"json\""),
        ("listen = 8080", "invalid type"),
    ];
    for (text, want) in cases {
        let err = Settings::load(Some(settings_file(text).path()), &env(&[]), &Overrides::default()).unwrap_err();
        assert!(err.to_string().contains(want), "{text}: {err}");
    }
    let err = Settings::load(
        None,
        &env(&[("SSP_CONFIG", "/no/such/ssp.toml")]),
        &Overrides::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("cannot read settings file /no/such/ssp.toml"));
}

#[test]
fn environment_beats_file_and_flags_beat_environment() {
    let f = settings_file("listen = \"127.0.0.1:9000\"\n");
    let e = env(&[
        ("SSP_LISTEN", "127.0.0.1:9100"),
        ("SSP_DATABASE_URL", "postgres://ssp:s3cret@db.internal/ssp"),
    ]);
    let s = Settings::load(Some(f.path()), &e, &Overrides::default()).unwrap();
    assert_eq!(s.listen.to_string(), "127.0.0.1:9100");
    let flags = Overrides {
        listen: Some("0.0.0.0:9200".into()),
        ..Default::default()
    };
    let s = Settings::load(Some(f.path()), &e, &flags).unwrap();
    assert_eq!(s.listen.to_string(), "0.0.0.0:9200");
    let shown = s.describe();
    assert!(shown.contains("postgres://ssp:***@db.internal/ssp"), "{shown}");
    assert!(!shown.contains("s3cret"), "the password is never printed");
}

#[tokio::test]
async fn a_bad_postgres_address_is_a_clear_error_without_the_password() {
    let err = ssp_db::Db::connect("postgres://ssp:s3cret@127.0.0.1:1/ssp", &Default::default())
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("cannot connect to PostgreSQL"), "{err}");
    assert!(!err.contains("s3cret"), "{err}");
}

fn first_admin() -> NewUser {
    NewUser {
        username: "Ana.Admin".into(),
        given_name: "Ana".into(),
        family_name: "Admin".into(),
        email: Some("ana@district.example.org".into()),
        district: Some("Riverside Unified".into()),
        password: "a long enough passphrase".into(),
    }
}

#[tokio::test]
async fn the_first_district_admin_is_created_on_an_empty_database_and_can_sign_in() {
    let app = TestApp::new().await;
    let created = create_user(&app.db, &first_admin(), time::OffsetDateTime::now_utc())
        .await
        .unwrap();
    assert_eq!(created.username, "ana.admin");
    assert_eq!(created.district_name, "Riverside Unified");
    let c = app.client();
    assert_eq!(
        c.sign_in("ana@district.example.org", "a long enough passphrase")
            .await
            .status,
        303
    );
    let home = c.get("/").await.body;
    assert!(home.contains("Schools in your district"), "{home}");
    let rows = ssp_db::repo::audit::recent(&app.db, 5).await.unwrap();
    assert!(rows.iter().any(|r| r.action == "user_created"));
}

#[tokio::test]
async fn create_user_refuses_bad_input_and_writes_nothing() {
    let app = TestApp::new().await;
    let mut short = first_admin();
    short.password = "short".into();
    let mut bad_email = first_admin();
    bad_email.email = Some("not-an-email".into());
    let mut bad_name = first_admin();
    bad_name.username = "a b".into();
    let mut no_district = first_admin();
    no_district.district = None;
    for (input, want) in [
        (short, "password"),
        (bad_email, "email"),
        (bad_name, "username"),
        (no_district, "no district yet"),
    ] {
        let err = create_user(&app.db, &input, time::OffsetDateTime::now_utc())
            .await
            .unwrap_err();
        assert!(err.to_string().contains(want), "{err}");
    }
    assert_eq!(ssp_db::repo::accounts::count(&app.db).await.unwrap(), 0);
    assert_eq!(ssp_db::repo::orgs::count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn a_taken_username_is_refused_by_name() {
    let app = TestApp::new().await;
    create_user(&app.db, &first_admin(), time::OffsetDateTime::now_utc())
        .await
        .unwrap();
    let mut again = first_admin();
    again.email = None;
    again.district = None; // the only district is used
    let err = create_user(&app.db, &again, time::OffsetDateTime::now_utc())
        .await
        .unwrap_err();
    assert!(
        matches!(err, CreateUserError::UsernameTaken(ref u) if u == "ana.admin"),
        "{err}"
    );
    assert_eq!(ssp_db::repo::accounts::count(&app.db).await.unwrap(), 1);
}

#[tokio::test]
async fn the_district_to_export_must_be_named_when_there_are_several() {
    use ssp_cli::commands::export::choose_district;
    use ssp_db::repo::orgs::{self, NewOrg};
    use ssp_domain::org::OrgKind;
    use ssp_domain::OrgId;

    let app = TestApp::with_demo().await;
    let only = choose_district(&app.db, None).await.unwrap();
    assert_eq!(only.source_id.as_deref(), Some("dst-01"));

    let second = OrgId::new();
    let mut tx = app.db.begin().await.unwrap();
    let district = NewOrg {
        id: second,
        kind: OrgKind::District,
        parent_id: None,
        district_id: Some(second),
        name: "Lakeside Schools".into(),
        identifier: None,
        school_level: None,
        source_id: Some("dst-02".into()),
    };
    orgs::insert(&mut tx, &district, time::OffsetDateTime::now_utc())
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let err = choose_district(&app.db, None).await.unwrap_err().to_string();
    assert_eq!(
        err,
        "the database holds 2 districts; choose one with --district: \
         dst-01 (Harbor City Public Schools), dst-02 (Lakeside Schools)"
    );
    let chosen = choose_district(&app.db, Some("dst-02")).await.unwrap();
    assert_eq!(chosen.id, second.0);
    let err = choose_district(&app.db, Some("DST-02")).await.unwrap_err().to_string();
    assert!(err.starts_with("no district has the source id \"DST-02\""), "{err}");
}
