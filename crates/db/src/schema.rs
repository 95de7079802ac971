//! Reading back the schema, so a test can prove both migration trees make
//! the same tables and columns.

use std::collections::BTreeMap;

use crate::{with_reader, Db, DbError};

/// Table name → sorted column names, excluding the migrator's own table.
pub async fn tables_and_columns(db: &Db) -> Result<BTreeMap<String, Vec<String>>, DbError> {
    let rows: Vec<(String, String)> = match db {
        Db::Sqlite(s) => {
            sqlx::query_as(
                "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '\\_%' ESCAPE '\\'",
            )
            .fetch_all(&s.readers)
            .await?
        }
        Db::Postgres(p) => {
            sqlx::query_as(
                "SELECT table_name::text, column_name::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_%'",
            )
            .fetch_all(p)
            .await?
        }
    };
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (t, c) in rows {
        map.entry(t).or_default().push(c);
    }
    for cols in map.values_mut() {
        cols.sort();
    }
    Ok(map)
}

/// Index names, sorted (unique indexes carry the constraint names the web
/// edge turns into field messages, so they must match too).
pub async fn index_names(db: &Db) -> Result<Vec<String>, DbError> {
    let sql = match db {
        Db::Sqlite(_) => "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'",
        Db::Postgres(_) => "SELECT indexname::text FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key' AND indexname NOT LIKE '\\_%'",
    };
    let mut names: Vec<String> = with_reader!(db, |p| sqlx::query_scalar(sql).fetch_all(p).await)?;
    names.sort();
    Ok(names)
}
