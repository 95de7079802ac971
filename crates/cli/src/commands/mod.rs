//! One module per command.

pub mod admin;
pub mod career;
pub mod config;
pub mod demo;
pub mod export;
pub mod import;
pub mod migrate;
pub mod roster;
pub mod serve;

use anyhow::Context;
use ssp_db::{Db, DbOptions};

use crate::Settings;

/// Opens the configured database, creating the data folder for SQLite.
pub async fn open_db(settings: &Settings) -> anyhow::Result<Db> {
    if settings.is_sqlite() {
        if let Some(parent) = sqlite_path(&settings.database_url).and_then(|p| p.parent().map(|p| p.to_path_buf())) {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(&parent)
                    .with_context(|| format!("cannot create the data folder {}", parent.display()))?;
            }
        }
    }
    let opts = DbOptions {
        max_connections: Some(settings.max_db_connections),
        pg_search_path: None,
    };
    Ok(Db::connect(&settings.database_url, &opts).await?)
}

fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && path != ":memory:").then(|| path.into())
}

/// Opens the database and applies pending migrations.
pub async fn open_migrated(settings: &Settings) -> anyhow::Result<Db> {
    let db = open_db(settings).await?;
    let applied = db.migrate().await.context("applying migrations")?;
    if applied > 0 {
        tracing::info!(applied, engine = db.engine(), "migrations applied");
    }
    ensure_occupations(&db).await?;
    Ok(db)
}

/// Loads the O*NET occupations shipped in the binary when the database has
/// none, so career exploration works with no setup.
pub async fn ensure_occupations(db: &Db) -> anyhow::Result<()> {
    let app = ssp_app::App::new(db.clone(), std::sync::Arc::new(ssp_app::SystemClock));
    if ssp_app::career::onet::load_shipped_if_empty(&app)
        .await
        .context("loading the shipped O*NET occupations")?
    {
        tracing::info!(release = ssp_app::career::onet::SHIPPED_RELEASE, "occupations loaded");
    }
    Ok(())
}

/// Sets up logging: human-readable or JSON lines, filtered by `log`.
pub fn init_logging(settings: &Settings) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_new(&settings.log).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    let _ = match settings.log_format {
        crate::settings::LogFormat::Json => builder.json().try_init(),
        crate::settings::LogFormat::Text => builder.try_init(),
    };
}
