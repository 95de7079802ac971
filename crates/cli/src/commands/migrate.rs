//! `ssp migrate`: apply pending migrations to SQLite or PostgreSQL.

use crate::Settings;

pub async fn run(settings: &Settings) -> anyhow::Result<()> {
    let db = super::open_db(settings).await?;
    let applied = db.migrate().await?;
    super::ensure_occupations(&db).await?;
    println!(
        "{} database at {}: {applied} migration(s) applied, schema up to date.",
        db.engine(),
        ssp_db::redact_url(&settings.database_url)
    );
    db.close().await;
    Ok(())
}
