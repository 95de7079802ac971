//! `ssp export oneroster`: write one district's roster as a OneRoster 1.2
//! CSV package (a folder, or a `.zip` file), with a progress bar. `ssp demo
//! --oneroster OUT` uses the same writer for the demo's first district.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use ssp_db::repo::roster_export::{self, DistrictRef};
use ssp_db::{Db, DbError};
use ssp_roster::export::{export_district, ExportProgress, ExportSummary};

use crate::Settings;

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Write one district as a OneRoster 1.2 bulk CSV package.
    Oneroster(OnerosterArgs),
}

#[derive(Debug, Args)]
pub struct OnerosterArgs {
    /// The district's roster source id (such as dst-01). May be left out
    /// when the database holds one district.
    #[arg(long, value_name = "SOURCEID")]
    pub district: Option<String>,
    /// Where to write: a folder of CSV files, or a file ending in .zip.
    #[arg(value_name = "OUT")]
    pub out: PathBuf,
}

pub async fn run(settings: &Settings, cmd: ExportCommand) -> anyhow::Result<()> {
    match cmd {
        ExportCommand::Oneroster(args) => {
            let db = super::open_migrated(settings).await?;
            let result = match choose_district(&db, args.district.as_deref()).await {
                Ok(district) => write_oneroster(&db, &district, &args.out).await,
                Err(e) => Err(e.into()),
            };
            db.close().await;
            result
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ChooseDistrictError {
    #[error("no district has the source id {wanted:?}; {}", known_districts(.known))]
    Unknown { wanted: String, known: Vec<DistrictRef> },
    #[error("the database holds {} districts; choose one with --district: {}", .known.len(), source_ids(.known))]
    Ambiguous { known: Vec<DistrictRef> },
    #[error("the database holds no district to export")]
    NoDistricts,
    #[error(transparent)]
    Db(#[from] DbError),
}

fn known_districts(known: &[DistrictRef]) -> String {
    match known.len() {
        0 => "the database holds no districts".to_owned(),
        _ => format!("the districts are: {}", source_ids(known)),
    }
}

fn source_ids(known: &[DistrictRef]) -> String {
    known
        .iter()
        .map(|d| match &d.source_id {
            Some(id) => format!("{id} ({})", d.name),
            None => format!("{} (no source id)", d.name),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The district named by its roster source id or, when none is named, the
/// only district in the database.
pub async fn choose_district(db: &Db, source_id: Option<&str>) -> Result<DistrictRef, ChooseDistrictError> {
    let mut known = roster_export::districts(db).await?;
    match source_id {
        Some(wanted) => match known.iter().position(|d| d.source_id.as_deref() == Some(wanted)) {
            Some(at) => Ok(known.swap_remove(at)),
            None => Err(ChooseDistrictError::Unknown {
                wanted: wanted.to_owned(),
                known,
            }),
        },
        None if known.len() == 1 => Ok(known.remove(0)),
        None if known.is_empty() => Err(ChooseDistrictError::NoDistricts),
        None => Err(ChooseDistrictError::Ambiguous { known }),
    }
}

/// Writes `district` to `out` with a progress bar on the terminal, then
/// prints where it went and how many rows each file holds.
pub async fn write_oneroster(db: &Db, district: &DistrictRef, out: &Path) -> anyhow::Result<()> {
    let started = Instant::now();
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg:24} [{bar:40}] {pos}/{len} rows ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message("counting rows");
    let progress = |p: ExportProgress| match p {
        ExportProgress::Estimated { rows } => bar.set_length(rows),
        ExportProgress::File(name) => bar.set_message(name),
        ExportProgress::Rows { written } => {
            if bar.length().is_some_and(|len| written > len) {
                bar.set_length(written);
            }
            bar.set_position(written);
        }
    };
    let result = export_district(db, district.id, out, &progress).await;
    bar.finish_and_clear();
    let summary = result?;
    print!("{}", report(district, out, &summary, started.elapsed().as_secs_f64()));
    Ok(())
}

/// What the console shows once a package is written.
pub fn report(district: &DistrictRef, out: &Path, summary: &ExportSummary, secs: f64) -> String {
    let mut text = format!(
        "OneRoster 1.2 package of {} ({}) written to {} in {secs:.1} s:\n",
        district.name,
        district.source_id.as_deref().unwrap_or("no source id"),
        out.display()
    );
    for (file, rows) in summary.files() {
        text.push_str(&format!("  {file:<22}{rows:>10} rows\n"));
    }
    text
}
