//! `ssp career load DIR`: replace the O*NET occupation data with a newer
//! official release (DIR holds its text files: `Occupation Data.txt`,
//! `Interests.txt`, `Job Zones.txt`, `Job Zone Reference.txt`,
//! `Related Occupations.txt`, `Alternate Titles.txt`). Files are read by
//! header name; any problem refuses the load and changes nothing; the report
//! says what was added, removed and changed.

use std::path::PathBuf;

use anyhow::bail;
use clap::{Args, Subcommand};
use ssp_app::career::onet::{self, OnetFiles};

use crate::Settings;

#[derive(Debug, Subcommand)]
pub enum CareerCommand {
    /// Load an O*NET release's text files from DIR, replacing the occupations.
    Load(LoadArgs),
}

#[derive(Debug, Args)]
pub struct LoadArgs {
    /// The folder of the release's text files.
    pub dir: PathBuf,
    /// The release's name as shown with the attribution (default: the folder's name).
    #[arg(long)]
    pub release: Option<String>,
}

pub async fn run(settings: &Settings, cmd: CareerCommand) -> anyhow::Result<()> {
    match cmd {
        CareerCommand::Load(args) => load(settings, args).await,
    }
}

async fn load(settings: &Settings, args: LoadArgs) -> anyhow::Result<()> {
    let files = match OnetFiles::read_dir(&args.dir) {
        Ok(f) => f,
        Err(problems) => {
            for p in &problems {
                eprintln!("  {p}");
            }
            bail!(
                "{} cannot be loaded: {} problem(s); nothing was changed",
                args.dir.display(),
                problems.len()
            );
        }
    };
    let release = args.release.unwrap_or_else(|| {
        args.dir
            .file_name()
            .map_or_else(|| "O*NET".to_owned(), |n| n.to_string_lossy().into_owned())
    });
    let db = super::open_migrated(settings).await?;
    let app = ssp_app::App::new(db.clone(), std::sync::Arc::new(ssp_app::SystemClock));
    let result = onet::load(&app, &files, &release, "cli").await?;
    db.close().await;
    match result {
        Ok(report) => {
            println!("{}", report.summary());
            Ok(())
        }
        Err(problems) => {
            for p in &problems {
                eprintln!("  {p}");
            }
            bail!(
                "{} was refused: {} problem(s); nothing was changed",
                args.dir.display(),
                problems.len()
            )
        }
    }
}
