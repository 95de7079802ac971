//! Test harness: [`TestApp`] gives each test its own fresh, migrated
//! database (a temporary SQLite file, or a scratch PostgreSQL schema when
//! `SSP_TEST_DATABASE_URL` is set) and [`TestClient`]s that keep cookies
//! and fill in CSRF tokens like a browser would.

pub mod browser;
mod client;
mod clock;
pub mod oidc;
pub mod oneroster;
pub mod smtp;

use std::sync::Arc;

pub use client::{TestClient, TestResponse};
pub use clock::FakeClock;
use ssp_db::{Db, DbOptions};
use ssp_web::{AppState, WebConfig};

/// The variable that points the suite at PostgreSQL.
pub const PG_ENV: &str = "SSP_TEST_DATABASE_URL";

pub struct TestApp {
    pub db: Db,
    pub state: AppState,
    pub clock: Arc<FakeClock>,
    router: axum::Router,
    _dir: Option<tempfile::TempDir>,
    /// The app's data directory (roster uploads wait here).
    data: tempfile::TempDir,
}

impl TestApp {
    /// A fresh, migrated, empty database.
    pub async fn new() -> TestApp {
        Self::with_config(WebConfig::default()).await
    }

    /// A fresh database and data directory, with these settings.
    pub async fn with_config(mut config: WebConfig) -> TestApp {
        let data = tempfile::tempdir().expect("temp data dir");
        config.data_dir = data.path().to_owned();
        let (db, dir) = fresh_db().await;
        db.migrate().await.expect("migrations apply");
        let clock = Arc::new(FakeClock::default());
        let state = AppState::with_clock(db.clone(), config, clock.clone());
        let router = ssp_web::app::router(state.clone());
        TestApp {
            db,
            state,
            clock,
            router,
            _dir: dir,
            data,
        }
    }

    /// The app's data directory (a temporary one per test).
    pub fn data_dir(&self) -> &std::path::Path {
        self.data.path()
    }

    /// A fresh database holding a small generated demo district, with the
    /// demo sign-ins (`demo.student`, `demo.counselor`, …): its people,
    /// schools, classes and teams, with empty plans for the test to fill.
    pub async fn with_demo() -> TestApp {
        Self::with_demo_options(ssp_demo::DemoOptions {
            plans: false,
            ..ssp_demo::DemoOptions::new(120)
        })
        .await
    }

    /// The same district with its plans filled as `serve --demo` fills them
    /// (goals, check-ins, reviews, notes, interactions in every state).
    /// Also holds the shipped O*NET occupations, as `ssp serve --demo`
    /// does, so the students' saved careers and matches resolve.
    pub async fn with_living_demo() -> TestApp {
        let app = Self::with_demo_options(ssp_demo::DemoOptions::new(120)).await;
        ssp_app::career::onet::load_shipped_if_empty(app.state.app())
            .await
            .expect("the shipped occupations load");
        app
    }

    /// The small demo district with these settings (an SMTP server, …).
    pub async fn with_demo_config(config: WebConfig) -> TestApp {
        let app = Self::with_config(config).await;
        ssp_demo::generate(
            &app.db,
            &ssp_demo::DemoOptions {
                plans: false,
                ..ssp_demo::DemoOptions::new(120)
            },
            &|_| {},
        )
        .await
        .expect("demo generates");
        app
    }

    async fn with_demo_options(opts: ssp_demo::DemoOptions) -> TestApp {
        let app = Self::new().await;
        let summary = ssp_demo::generate(&app.db, &opts, &|_| {})
            .await
            .expect("demo generates");
        // The flags of its indicator data, raised by the app's rules and
        // worked by the demo's team, as `ssp demo` does.
        if summary.attendance_readings > 0 {
            ssp_app::support::recompute::every_district(app.state.app(), "demo")
                .await
                .expect("the demo's flags are raised");
            ssp_demo::work_flags(&app.db, &opts, app.state.app().now())
                .await
                .expect("the demo's flags are worked");
        }
        // The showcase student's portfolio files, as `ssp demo` stores them.
        let files = app.state.app().files().expect("a file store");
        for f in summary.files {
            files.put_bytes(&f.key, f.bytes).await.expect("a demo file stores");
        }
        app
    }

    /// Loads the shipped O*NET occupations. The career pages need them;
    /// most tests do not, so a fresh `TestApp` leaves the 76,000 rows out.
    pub async fn load_occupations(&self) {
        ssp_app::career::onet::load_shipped_if_empty(&self.state)
            .await
            .expect("the shipped occupations load");
    }

    /// A browser with no cookies yet.
    pub fn client(&self) -> TestClient {
        TestClient::new(self.router.clone())
    }

    /// A browser signed in as one of the demo accounts.
    pub async fn signed_in(&self, username: &str) -> TestClient {
        let c = self.client();
        let res = c.sign_in(username, ssp_demo::DEMO_PASSWORD).await;
        assert_eq!(
            res.status, 303,
            "demo sign-in for {username} should succeed: {}",
            res.body
        );
        c
    }

    pub fn engine(&self) -> &'static str {
        self.db.engine()
    }
}

/// Which engine the suite runs on, for messages.
pub fn engine_name() -> &'static str {
    if std::env::var(PG_ENV).is_ok_and(|v| !v.is_empty()) {
        "postgres"
    } else {
        "sqlite"
    }
}

/// A fresh database on the engine under test.
pub async fn fresh_db() -> (Db, Option<tempfile::TempDir>) {
    match std::env::var(PG_ENV) {
        Ok(url) if !url.is_empty() => (fresh_pg(&url).await, None),
        _ => {
            let (db, dir) = fresh_sqlite().await;
            (db, Some(dir))
        }
    }
}

pub async fn fresh_sqlite() -> (Db, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("ssp.db").display());
    let db = Db::connect(&url, &DbOptions::default()).await.expect("sqlite opens");
    (db, dir)
}

/// A new schema in the PostgreSQL database at `url`, so tests never see
/// each other's rows. The CI run drops the whole scratch database after.
pub async fn fresh_pg(url: &str) -> Db {
    let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
    let admin = Db::connect(
        url,
        &DbOptions {
            max_connections: Some(1),
            pg_search_path: None,
        },
    )
    .await
    .expect("PostgreSQL test database reachable");
    if let Db::Postgres(pool) = &admin {
        sqlx::query(&format!("CREATE SCHEMA {schema}"))
            .execute(pool)
            .await
            .expect("create test schema");
    }
    admin.close().await;
    Db::connect(
        url,
        &DbOptions {
            max_connections: Some(4),
            pg_search_path: Some(schema),
        },
    )
    .await
    .expect("PostgreSQL test schema opens")
}

/// The `Origin` the test browser sends (this site).
pub fn client_origin() -> &'static str {
    client::ORIGIN
}

impl TestApp {
    /// The person id behind a username.
    pub async fn person(&self, username: &str) -> uuid::Uuid {
        ssp_db::repo::people::person_by_username(&self.db, username)
            .await
            .expect("lookup")
            .unwrap_or_else(|| panic!("no account {username}"))
    }

    /// Runs a statement with uuid parameters ($1, $2, …), for setting up
    /// situations (an enrollment that ended, a link without rights).
    pub async fn execute(&self, sql: &str, args: &[uuid::Uuid]) -> u64 {
        let mut tx = self.db.begin().await.expect("begin");
        let n = ssp_db::with_tx!(&mut tx, |c| {
            let mut q = sqlx::query(sql);
            for a in args {
                q = q.bind(*a);
            }
            q.execute(&mut *c).await.map(|r| r.rows_affected())
        })
        .expect("statement runs");
        tx.commit().await.expect("commit");
        n
    }

    /// One uuid from a query with uuid parameters.
    pub async fn query_id(&self, sql: &str, args: &[uuid::Uuid]) -> Option<uuid::Uuid> {
        ssp_db::with_reader!(&self.db, |p| {
            let mut q = sqlx::query_scalar(sql);
            for a in args {
                q = q.bind(*a);
            }
            q.fetch_optional(p).await
        })
        .expect("query runs")
    }

    /// Audit rows with this action, newest first.
    pub async fn audit_actions(&self, limit: i64) -> Vec<ssp_db::repo::audit::AuditRow> {
        ssp_db::repo::audit::recent(&self.db, limit).await.expect("audit rows")
    }
}

impl TestApp {
    /// The username of a person.
    pub async fn username_of(&self, person: uuid::Uuid) -> String {
        ssp_db::with_reader!(&self.db, |p| sqlx::query_scalar(
            "SELECT username FROM accounts WHERE person_id = $1"
        )
        .bind(person)
        .fetch_one(p)
        .await)
        .expect("account exists")
    }

    /// How many audit rows have this action.
    pub async fn count_audit(&self, action: &str) -> i64 {
        ssp_db::with_reader!(&self.db, |p| sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_events WHERE action = $1"
        )
        .bind(action)
        .fetch_one(p)
        .await)
        .expect("count")
    }
}

/// action, record kind, actor, student, record id, detail.
type AuditTuple = (
    String,
    Option<String>,
    Option<uuid::Uuid>,
    Option<uuid::Uuid>,
    Option<String>,
    Option<String>,
);

impl TestApp {
    /// One text per row of a query with uuid parameters (the query joins
    /// its columns into one with `||` and `CAST(… AS TEXT)`), for comparing
    /// what two ways of doing an action stored.
    pub async fn texts(&self, sql: &str, args: &[uuid::Uuid]) -> Vec<String> {
        ssp_db::with_reader!(&self.db, |p| {
            let mut q = sqlx::query_scalar(sql);
            for a in args {
                q = q.bind(*a);
            }
            q.fetch_all(p).await
        })
        .expect("query runs")
    }

    /// How many audit rows there are (to read the ones an action adds).
    pub async fn audit_len(&self) -> i64 {
        ssp_db::with_reader!(&self.db, |p| sqlx::query_scalar("SELECT COUNT(*) FROM audit_events")
            .fetch_one(p)
            .await)
        .expect("count")
    }

    /// The audit rows after the first `skip`, oldest first, as
    /// `action kind=… actor=… student=… record=… detail=…`, with record ids
    /// that are uuids written as `<id>` (they differ between two runs).
    pub async fn audit_after(&self, skip: i64) -> Vec<String> {
        let rows: Vec<AuditTuple> = ssp_db::with_reader!(&self.db, |p| sqlx::query_as(
            "SELECT action, record_kind, actor_person_id, student_id, record_id, detail \
                 FROM audit_events ORDER BY id LIMIT 100000 OFFSET $1"
        )
        .bind(skip)
        .fetch_all(p)
        .await)
        .expect("audit rows");
        rows.into_iter()
            .map(|(action, kind, actor, student, record, detail)| {
                let record = record.map(|r| {
                    if r.parse::<uuid::Uuid>().is_ok() {
                        "<id>".to_owned()
                    } else {
                        r
                    }
                });
                format!(
                    "{action} kind={} actor={} student={} record={} detail={}",
                    kind.unwrap_or_default(),
                    actor.map(|a| a.to_string()).unwrap_or_default(),
                    student.map(|a| a.to_string()).unwrap_or_default(),
                    record.unwrap_or_default(),
                    detail.unwrap_or_default()
                )
            })
            .collect()
    }
}
