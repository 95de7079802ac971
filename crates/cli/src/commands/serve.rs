//! `ssp serve`: run the web application until Ctrl-C or SIGTERM, then
//! finish in-flight requests and close the database.

use clap::Args;
use ssp_web::{AppState, Application, WebConfig};

use crate::Settings;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on (default 127.0.0.1:8080).
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,
    /// Fill an empty database with a demo district first, and print the demo sign-ins.
    #[arg(long)]
    pub demo: bool,
    /// Students in the demo district (with --demo).
    #[arg(long, default_value_t = 5_000, value_parser = clap::value_parser!(u32).range(50..=2_000_000))]
    pub demo_students: u32,
}

pub async fn run(settings: &Settings, args: ServeArgs) -> anyhow::Result<()> {
    super::init_logging(settings);
    let db = super::open_migrated(settings).await?;
    if args.demo {
        if ssp_db::repo::orgs::count(&db).await? == 0 {
            println!("Creating a demo district with {} students…", args.demo_students);
            let started = std::time::Instant::now();
            let summary = super::demo::generate(settings, &db, &ssp_demo::DemoOptions::new(args.demo_students)).await?;
            super::demo::print_summary(&summary, started.elapsed().as_secs_f64());
        } else {
            println!("The database already holds data; keeping it.");
        }
        super::demo::print_sign_ins();
    }
    let config = WebConfig {
        public_url: settings.public_url.clone(),
        session: settings.session,
        data_dir: settings.data_dir.clone(),
        smtp: settings.smtp.clone(),
        upload_limit: settings.upload_limit,
        student_quota: settings.student_quota,
        ..WebConfig::default()
    };
    let app = Application::bind(settings.listen, AppState::new(db, config))
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", settings.listen))?;
    let addr = app.local_addr()?;
    println!(
        "\nssp is running at {} (listening on {addr}; {} database). Press Ctrl-C to stop.",
        settings.public_url,
        if settings.is_sqlite() { "SQLite" } else { "PostgreSQL" }
    );
    tracing::info!(%addr, "listening");
    app.run_until(shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
