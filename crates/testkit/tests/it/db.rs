//! The data layer on the engine under test.

use ssp_db::repo::{accounts, audit, people};
use ssp_db::{Db, DbError};
use ssp_domain::audit::AuditAction;
use ssp_domain::{AccountId, OrgId, PersonId};
use ssp_testkit::TestApp;

#[tokio::test]
async fn both_migration_trees_have_the_same_files() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../migrations");
    let names = |dir: &str| {
        let mut v: Vec<String> = std::fs::read_dir(format!("{root}/{dir}"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(names("sqlite"), names("postgres"));
    assert!(!names("sqlite").is_empty());
}

#[tokio::test]
async fn both_migration_trees_create_the_same_tables_columns_and_indexes() {
    let (sqlite, _dir) = ssp_testkit::fresh_sqlite().await;
    sqlite.migrate().await.unwrap();
    let Ok(url) = std::env::var(ssp_testkit::PG_ENV) else {
        eprintln!("SKIPPED both_migration_trees_create_the_same_tables_columns_and_indexes: set {} to a PostgreSQL URL to compare (CI does)", ssp_testkit::PG_ENV);
        return;
    };
    let pg = ssp_testkit::fresh_pg(&url).await;
    pg.migrate().await.unwrap();
    let a = ssp_db::schema::tables_and_columns(&sqlite).await.unwrap();
    let b = ssp_db::schema::tables_and_columns(&pg).await.unwrap();
    assert!(a.len() >= 12, "{a:?}");
    assert_eq!(a, b);
    assert_eq!(
        ssp_db::schema::index_names(&sqlite).await.unwrap(),
        ssp_db::schema::index_names(&pg).await.unwrap()
    );
}

/// Tables with a `student_id` whose reads never go by student (so an index
/// on it would only slow the writes down), with the reason.
const NOT_READ_BY_STUDENT: &[(&str, &str)] = &[
    ("notices", "read by recipient (notices_recipient_idx)"),
    ("goal_action_steps", "read by goal and by owner"),
    ("goal_supports", "read by goal"),
];

/// A page that reads one student's rows must not scan the table: every
/// table with a `student_id` column has an index that starts with it (a
/// primary key or unique constraint counts), unless it is listed above.
/// The plan page once scanned all 2.6 million check-ins of the state demo.
#[tokio::test]
async fn every_table_read_by_student_has_an_index_on_the_student() {
    let (db, _dir) = ssp_testkit::fresh_sqlite().await;
    db.migrate().await.unwrap();
    let Db::Sqlite(s) = &db else {
        unreachable!("fresh_sqlite")
    };
    let missing: Vec<String> = sqlx::query_scalar(
        "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c ON c.name = 'student_id' \
         WHERE m.type = 'table' AND NOT EXISTS ( \
           SELECT 1 FROM pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii \
           WHERE ii.seqno = 0 AND ii.name = 'student_id') \
         ORDER BY m.name",
    )
    .fetch_all(&s.readers)
    .await
    .unwrap();
    let missing: Vec<&String> = missing
        .iter()
        .filter(|t| !NOT_READ_BY_STUDENT.iter().any(|(n, _)| n == t))
        .collect();
    assert!(
        missing.is_empty(),
        "tables with student_id but no index starting with it: {missing:?} (add one, or list the table in NOT_READ_BY_STUDENT with the reason)"
    );
    let tables: Vec<String> = sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
        .fetch_all(&s.readers)
        .await
        .unwrap();
    for (t, _) in NOT_READ_BY_STUDENT {
        assert!(tables.iter().any(|n| n == t), "{t} is listed but no longer exists");
    }
}

async fn some_person(db: &Db) -> (OrgId, PersonId) {
    let district = OrgId::new();
    let now = time::OffsetDateTime::now_utc();
    let mut tx = db.begin().await.unwrap();
    let org = ssp_db::repo::orgs::NewOrg {
        id: district,
        kind: ssp_domain::org::OrgKind::District,
        parent_id: None,
        district_id: Some(district),
        name: "Test District".into(),
        identifier: None,
        school_level: None,
        source_id: None,
    };
    ssp_db::repo::orgs::insert(&mut tx, &org, now).await.unwrap();
    let person = PersonId::new();
    let p = people::NewPerson {
        id: person,
        district_id: district,
        source_id: None,
        given_name: "Test",
        family_name: "Person",
        preferred_name: None,
        email: None,
        preferred_language: "en",
    };
    people::insert_person(&mut tx, &p, now).await.unwrap();
    tx.commit().await.unwrap();
    (district, person)
}

#[tokio::test]
async fn a_taken_username_is_a_named_conflict_not_a_crash() {
    let app = TestApp::new().await;
    let (_, p1) = some_person(&app.db).await;
    let (_, p2) = some_person(&app.db).await;
    let now = time::OffsetDateTime::now_utc();
    for (person, expect_ok) in [(p1, true), (p2, false)] {
        let mut tx = app.db.begin().await.unwrap();
        let a = accounts::NewAccount {
            id: AccountId::new(),
            person_id: person,
            username: "same.name",
            email: None,
            password_hash: "x",
            ui_language: None,
            now,
        };
        let r = accounts::insert(&mut tx, &a).await;
        match (r, expect_ok) {
            (Ok(()), true) => tx.commit().await.unwrap(),
            (Err(DbError::Conflict { constraint }), false) => assert_eq!(constraint, "accounts_username_uq"),
            (other, _) => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(
        accounts::count(&app.db).await.unwrap(),
        1,
        "the refused insert left nothing"
    );
    let web_error = ssp_web::AppError::from(DbError::Conflict {
        constraint: "accounts_username_uq".into(),
    });
    assert_eq!(web_error.status().as_u16(), 409);
    assert_eq!(web_error.code(), "username_taken");
}

#[tokio::test]
async fn the_audit_log_is_append_only() {
    let app = TestApp::new().await;
    let mut tx = app.db.begin().await.unwrap();
    audit::record(
        &mut tx,
        &audit::AuditEvent::new(AuditAction::SignIn, time::OffsetDateTime::now_utc()),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let mut tx = app.db.begin().await.unwrap();
    let r = ssp_db::with_tx!(&mut tx, |c| sqlx::query("UPDATE audit_events SET action = 'x'")
        .execute(&mut *c)
        .await
        .map(|_| ()));
    assert!(r.is_err(), "update refused");
    drop(tx);
    let mut tx = app.db.begin().await.unwrap();
    let r = ssp_db::with_tx!(&mut tx, |c| sqlx::query("DELETE FROM audit_events")
        .execute(&mut *c)
        .await
        .map(|_| ()));
    assert!(r.is_err(), "delete refused");
    drop(tx);
    assert_eq!(audit::recent(&app.db, 5).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_failed_transaction_leaves_nothing_behind() {
    let app = TestApp::new().await;
    let (_, person) = some_person(&app.db).await;
    let mut tx = app.db.begin().await.unwrap();
    let a = accounts::NewAccount {
        id: AccountId::new(),
        person_id: person,
        username: "half.done",
        email: None,
        password_hash: "x",
        ui_language: None,
        now: time::OffsetDateTime::now_utc(),
    };
    accounts::insert(&mut tx, &a).await.unwrap();
    drop(tx); // never committed, as after a crash
    assert_eq!(accounts::count(&app.db).await.unwrap(), 0);
}
