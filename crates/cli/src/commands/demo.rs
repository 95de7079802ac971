//! `ssp demo`: fill an empty database with a generated demo district (or,
//! at large sizes, a state of districts), with a progress bar.

use std::time::Instant;

use anyhow::Context;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use ssp_db::Db;
use ssp_demo::{DemoOptions, DemoSummary, Progress};

use crate::Settings;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many students (grades 6–12) to generate.
    #[arg(long, default_value_t = 2_000, value_parser = clap::value_parser!(u32).range(50..=2_000_000))]
    pub students: u32,
    /// Random seed: the same seed and size always give the same district.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
}

pub async fn run(settings: &Settings, args: DemoArgs) -> anyhow::Result<()> {
    let db = super::open_migrated(settings).await?;
    let started = Instant::now();
    let summary = generate(&db, args.students, args.seed).await?;
    let secs = started.elapsed().as_secs_f64();
    print_summary(&summary, secs);
    print_sign_ins();
    db.close().await;
    Ok(())
}

/// Generates with a progress bar on the terminal.
pub async fn generate(db: &Db, students: u32, seed: u64) -> anyhow::Result<DemoSummary> {
    let mut opts = DemoOptions::new(students);
    opts.seed = seed;
    let bar = ProgressBar::new(students as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg:24} [{bar:40}] {pos}/{len} students ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message("generating");
    let progress = |p: Progress| match p {
        Progress::Stage(s) => bar.set_message(s),
        Progress::Students { done, total } => {
            bar.set_length(total);
            bar.set_position(done);
        }
    };
    let result = ssp_demo::generate(db, &opts, &progress).await;
    if result.is_ok() {
        bar.set_message("updating planner statistics");
        db.analyze().await.context("updating planner statistics")?;
    }
    bar.finish_and_clear();
    result.context("generating the demo district")
}

pub fn print_summary(s: &DemoSummary, secs: f64) {
    println!(
        "Demo data: {} district(s), {} schools, {} students, {} guardians, {} staff, {} classes, {} enrollments, {} accounts in {secs:.1} s.",
        s.districts, s.schools, s.students, s.guardians, s.staff, s.classes, s.enrollments, s.accounts
    );
}

pub fn print_sign_ins() {
    println!("\nDemo sign-ins (password for all: {}):", ssp_demo::DEMO_PASSWORD);
    for s in ssp_demo::demo_sign_ins() {
        println!("  {:<20} {:<30} {}", s.username, s.role, s.note);
    }
}
