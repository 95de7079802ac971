//! Data-layer errors. Constraint violations are told apart so the web edge
//! can answer 409/422 with a field message instead of a 500.

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// A unique constraint refused the write; `constraint` names the index
    /// (for example `accounts_username_uq`).
    #[error("already exists ({constraint})")]
    Conflict { constraint: String },
    /// A foreign key or check constraint refused the write.
    #[error("refers to something that does not exist or is not allowed ({constraint})")]
    Invalid { constraint: String },
    #[error("not found")]
    NotFound,
    /// The database URL or options are wrong; the message is for a person.
    #[error("{0}")]
    Config(String),
    /// The database could not be opened or reached; the message is for a
    /// person and never holds a password.
    #[error("{0}")]
    Unavailable(String),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Sqlx(sqlx::Error),
}

impl From<sqlx::Error> for DbError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => DbError::NotFound,
            sqlx::Error::Database(d) => {
                let constraint = d
                    .constraint()
                    .map(str::to_owned)
                    .unwrap_or_else(|| sqlite_constraint_name(d.message()));
                if d.is_unique_violation() {
                    DbError::Conflict { constraint }
                } else if d.is_foreign_key_violation() || d.is_check_violation() {
                    DbError::Invalid { constraint }
                } else {
                    DbError::Sqlx(e)
                }
            }
            _ => DbError::Sqlx(e),
        }
    }
}

/// SQLite does not name the violated index; it names the columns
/// ("UNIQUE constraint failed: accounts.username"). Map that to the same
/// name PostgreSQL reports, so callers match one string.
fn sqlite_constraint_name(message: &str) -> String {
    let cols = message.rsplit(": ").next().unwrap_or(message);
    let mut parts = cols.split(", ");
    let first = parts.next().unwrap_or("");
    match first.split_once('.') {
        Some((table, col)) => {
            let mut name = format!("{table}_{col}");
            for extra in parts {
                if let Some((_, c)) = extra.split_once('.') {
                    name.push('_');
                    name.push_str(c);
                }
            }
            name.push_str("_uq");
            name
        }
        None => cols.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sqlite_messages_map_to_index_names() {
        assert_eq!(
            super::sqlite_constraint_name("UNIQUE constraint failed: accounts.username"),
            "accounts_username_uq"
        );
        assert_eq!(
            super::sqlite_constraint_name(
                "UNIQUE constraint failed: guardian_links.student_id, guardian_links.guardian_id"
            ),
            "guardian_links_student_id_guardian_id_uq"
        );
    }
}
