//! The data layer: one [`Db`] type over SQLite (the embedded default) and
//! PostgreSQL (the scale path), their migrations, and the repositories.
//!
//! SQL lives only in this crate. Most statements are written once and run
//! on both engines through [`with_reader!`] and [`with_tx!`]; where the
//! dialects differ, the repository function holds both bodies side by side.

mod connect;
mod error;
pub mod repo;
pub mod schema;

pub use connect::{redact_url, Db, DbOptions, SqliteDb, Tx};
pub use error::DbError;

/// Runs `$body` with `$pool` bound to a read pool of either engine.
#[macro_export]
macro_rules! with_reader {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::Db::Sqlite(s) => {
                let $pool = &s.readers;
                $body
            }
            $crate::Db::Postgres(p) => {
                let $pool = p;
                $body
            }
        }
    };
}

/// Runs `$body` with `$conn` bound to the transaction's connection
/// (`&mut SqliteConnection` or `&mut PgConnection`). Use `&mut *$conn`
/// as the executor so the body can run several statements.
#[macro_export]
macro_rules! with_tx {
    ($tx:expr, |$conn:ident| $body:expr) => {
        match $tx {
            $crate::Tx::Sqlite(t) => {
                let $conn: &mut sqlx::SqliteConnection = &mut *t;
                $body
            }
            $crate::Tx::Postgres(t) => {
                let $conn: &mut sqlx::PgConnection = &mut *t;
                $body
            }
        }
    };
}
