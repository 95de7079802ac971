//! The `ssp` command line: `serve`, `migrate`, `demo`, `export`, `admin`,
//! `config`.
//! `main.rs` only parses arguments and calls [`run`].

pub mod commands;
pub mod settings;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
pub use settings::{ConfigError, Overrides, Settings};

#[derive(Debug, Parser)]
#[command(name = "ssp", version, about = "Student Success Plans for grades 6–12")]
pub struct Cli {
    /// Settings file (TOML). Without it, ./ssp.toml is read if present.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Database: sqlite://PATH (the default is ./ssp-data/ssp.db) or postgres://USER@HOST/DB.
    #[arg(long, global = true, value_name = "URL")]
    pub database_url: Option<String>,
    /// Folder for the SQLite database and uploaded files.
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web application (applies pending migrations first).
    Serve(commands::serve::ServeArgs),
    /// Apply database migrations.
    Migrate,
    /// Fill an empty database with a generated demo district.
    Demo(commands::demo::DemoArgs),
    /// Import rosters from the student information system.
    #[command(subcommand)]
    Import(commands::import::ImportCommand),
    /// Roster sync over the OneRoster 1.2 REST API.
    #[command(subcommand)]
    Roster(commands::roster::RosterCommand),
    /// Write data out in a standard format.
    #[command(subcommand)]
    Export(commands::export::ExportCommand),
    /// Career exploration data (O*NET occupations).
    #[command(subcommand)]
    Career(commands::career::CareerCommand),
    /// Administration tasks.
    #[command(subcommand)]
    Admin(commands::admin::AdminCommand),
    /// Settings.
    #[command(subcommand)]
    Config(commands::config::ConfigCommand),
}

/// Runs a parsed command line; errors are printed for a person.
pub async fn run(cli: Cli) -> ExitCode {
    let env: BTreeMap<String, String> = std::env::vars().collect();
    let listen = match &cli.command {
        Command::Serve(a) => a.listen.clone(),
        _ => None,
    };
    let overrides = Overrides {
        database_url: cli.database_url.clone(),
        data_dir: cli.data_dir.clone(),
        listen,
    };
    let settings = match Settings::load(cli.config.as_deref(), &env, &overrides) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("ssp: configuration error: {e}");
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        Command::Serve(args) => commands::serve::run(&settings, args).await,
        Command::Migrate => commands::migrate::run(&settings).await,
        Command::Demo(args) => commands::demo::run(&settings, args).await,
        Command::Import(cmd) => commands::import::run(&settings, cmd).await,
        Command::Export(cmd) => commands::export::run(&settings, cmd).await,
        Command::Roster(cmd) => commands::roster::run(&settings, cmd).await,
        Command::Career(cmd) => commands::career::run(&settings, cmd).await,
        Command::Admin(cmd) => commands::admin::run(&settings, cmd).await,
        Command::Config(cmd) => commands::config::run(&settings, cmd).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ssp: {e:#}");
            ExitCode::FAILURE
        }
    }
}
