//! `ssp roster sync --district SOURCEDID`: pull the district's roster from
//! its OneRoster 1.2 REST endpoint (as configured on `/admin/roster/sync`
//! or with `ssp roster configure-sync`) and apply it like a package, with
//! the import's summary. `configure-sync` sets the endpoint from the
//! command line; the secret comes from an environment variable, never an
//! argument (arguments show in the process list).

use anyhow::Context;
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use ssp_db::repo::audit::{self, AuditEvent};
use ssp_db::repo::roster::district_by_source;
use ssp_db::repo::roster_sync::{self, SettingsInput};
use ssp_domain::audit::AuditAction;
use ssp_domain::roster_sync::NewRosterSync;
use ssp_domain::OrgId;
use ssp_roster::rest::{self, RunOptions, SyncError, Tuning};
use ssp_roster::{ImportError, Progress};
use time::OffsetDateTime;

use crate::Settings;

#[derive(Debug, Subcommand)]
pub enum RosterCommand {
    /// Pull the district's roster from its OneRoster 1.2 API and apply it.
    Sync(SyncArgs),
    /// Set the district's OneRoster 1.2 API (the secret from $ONEROSTER_CLIENT_SECRET).
    ConfigureSync(ConfigureArgs),
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The district's sourcedId.
    #[arg(long, value_name = "SOURCEDID")]
    pub district: String,
    /// Fetch everything, not only the changes since the last pull.
    #[arg(long)]
    pub full: bool,
    /// Fetch, check and count, then change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Apply even above the district's deactivation limit.
    #[arg(long)]
    pub confirm_deactivations: bool,
    /// Records asked for per page.
    #[arg(long, default_value_t = 5_000, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub page_size: u32,
    /// Seconds one request may take.
    #[arg(long, default_value_t = 60)]
    pub timeout: u64,
}

#[derive(Debug, Args)]
pub struct ConfigureArgs {
    #[arg(long, value_name = "SOURCEDID")]
    pub district: String,
    /// The rostering service root (…/ims/oneroster/rostering/v1p2).
    #[arg(long)]
    pub base_url: String,
    #[arg(long)]
    pub token_url: String,
    #[arg(long)]
    pub client_id: String,
    /// Hours between scheduled pulls (off when not given).
    #[arg(long)]
    pub every_hours: Option<u32>,
}

pub async fn run(settings: &Settings, cmd: RosterCommand) -> anyhow::Result<()> {
    let db = super::open_migrated(settings).await?;
    let result = match cmd {
        RosterCommand::Sync(args) => sync(&db, &args).await,
        RosterCommand::ConfigureSync(args) => configure(&db, &args).await,
    };
    db.close().await;
    result
}

async fn district(db: &ssp_db::Db, source_id: &str) -> anyhow::Result<uuid::Uuid> {
    Ok(district_by_source(db, source_id)
        .await?
        .with_context(|| format!("ssp has no district with sourcedId {source_id:?}"))?
        .0)
}

async fn configure(db: &ssp_db::Db, args: &ConfigureArgs) -> anyhow::Result<()> {
    let district = district(db, &args.district).await?;
    let secret = std::env::var("ONEROSTER_CLIENT_SECRET").unwrap_or_default();
    let existing = roster_sync::get(db, district).await?;
    let has_secret = existing.as_ref().is_some_and(|s| !s.client_secret.is_empty());
    let hours = args.every_hours.map(|h| h.to_string()).unwrap_or_default();
    let input = NewRosterSync::parse(
        &args.base_url,
        &args.token_url,
        &args.client_id,
        &secret,
        &hours,
        has_secret,
    )
    .map_err(|r| {
        anyhow::anyhow!("the settings were not saved: {r} (the secret comes from $ONEROSTER_CLIENT_SECRET)")
    })?;
    let now = OffsetDateTime::now_utc();
    let stored = SettingsInput {
        base_url: &input.base_url,
        token_url: &input.token_url,
        client_id: &input.client_id,
        client_secret: input.client_secret.as_deref(),
        every_hours: input.every_hours,
    };
    let next = input.every_hours.map(|h| now + time::Duration::hours(i64::from(h)));
    let mut tx = db.begin().await?;
    roster_sync::save(&mut tx, district, &stored, next, None, now).await?;
    let mut ev = AuditEvent::new(AuditAction::SettingsChanged, now);
    ev.district_id = Some(OrgId(district));
    ev.record_kind = Some("roster_sync_settings");
    ev.detail = Some(format!(
        "roster sync set from the command line: base_url {}, token_url {}, client_id {}{}",
        input.base_url,
        input.token_url,
        input.client_id,
        if input.client_secret.is_some() {
            ", secret replaced"
        } else {
            ""
        }
    ));
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    println!(
        "Roster sync settings saved for {} (the secret is stored, not shown).",
        args.district
    );
    Ok(())
}

async fn sync(db: &ssp_db::Db, args: &SyncArgs) -> anyhow::Result<()> {
    let district = district(db, &args.district).await?;
    let opts = RunOptions {
        full: args.full,
        dry_run: args.dry_run,
        confirm_deactivations: args.confirm_deactivations,
        now: OffsetDateTime::now_utc(),
        import_id: None,
        started_by: None,
        tuning: Tuning {
            page_size: args.page_size,
            timeout: std::time::Duration::from_secs(args.timeout),
            ..Tuning::default()
        },
        work_dir: None,
    };
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg:24} [{bar:40}] {pos}/{len} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let progress = |p: Progress| {
        bar.set_message(p.step);
        if p.total > 0 {
            bar.set_length(p.total);
            bar.set_position(p.done.min(p.total));
        }
    };
    let started = std::time::Instant::now();
    let result = rest::run_district(db, district, &opts, &progress).await;
    bar.finish_and_clear();
    match result {
        Ok(o) => {
            if o.report.counts("students").changed() && !args.dry_run {
                db.analyze().await.context("updating planner statistics")?;
            }
            println!(
                "Pulled {} records in {} pages ({} mode, {} token(s), {} retr{}) in {:.1} s.",
                o.records,
                o.pages,
                o.mode.as_str(),
                o.tokens,
                o.retries,
                if o.retries == 1 { "y" } else { "ies" },
                started.elapsed().as_secs_f64()
            );
            print!("{}", super::import::render(&o.report));
            Ok(())
        }
        Err(SyncError::Import(ImportError::Refused(why))) => anyhow::bail!("{}", super::import::refused(&why)),
        Err(e) => Err(anyhow::anyhow!("the roster sync did not complete: {e}")),
    }
}
