//! The `ssp` binary.

use std::process::ExitCode;

use clap::Parser;

#[tokio::main]
async fn main() -> ExitCode {
    ssp_cli::run(ssp_cli::Cli::parse()).await
}
