//! `ssp config check`: print the effective settings (secrets hidden).

use clap::Subcommand;

use crate::Settings;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Validate the settings and print them, with secrets hidden.
    Check,
}

pub async fn run(settings: &Settings, cmd: ConfigCommand) -> anyhow::Result<()> {
    match cmd {
        ConfigCommand::Check => {
            print!("{}", settings.describe());
            println!("settings are valid.");
            Ok(())
        }
    }
}
