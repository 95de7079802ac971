//! `ssp demo`: fill an empty database with a generated demo district (or,
//! at large sizes, a state of districts), with a progress bar; optionally
//! write the first district as a OneRoster package.

use std::path::PathBuf;
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
    /// At most this many districts (by default one per ~45,000 students).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub districts: Option<u32>,
    /// Then write the first district (dst-01) as a OneRoster 1.2 package:
    /// a folder, or a file ending in .zip.
    #[arg(long, value_name = "OUT")]
    pub oneroster: Option<PathBuf>,
}

pub async fn run(settings: &Settings, args: DemoArgs) -> anyhow::Result<()> {
    let db = super::open_migrated(settings).await?;
    let started = Instant::now();
    let opts = DemoOptions {
        seed: args.seed,
        districts: args.districts,
        ..DemoOptions::new(args.students)
    };
    let summary = generate(settings, &db, &opts).await?;
    let secs = started.elapsed().as_secs_f64();
    print_summary(&summary, secs);
    print_sign_ins();
    let exported = match &args.oneroster {
        Some(out) => export_first_district(&db, out).await,
        None => Ok(()),
    };
    db.close().await;
    exported
}

/// Writes the district with the lowest source id (`dst-01`).
async fn export_first_district(db: &Db, out: &std::path::Path) -> anyhow::Result<()> {
    let districts = ssp_db::repo::roster_export::districts(db).await?;
    let first = districts
        .into_iter()
        .find(|d| d.source_id.is_some())
        .context("the demo made no district to export")?;
    println!();
    super::export::write_oneroster(db, &first, out).await
}

/// Generates with a progress bar on the terminal, then puts the showcase
/// student's portfolio files in the file store under the data directory.
pub async fn generate(settings: &Settings, db: &Db, opts: &DemoOptions) -> anyhow::Result<DemoSummary> {
    let bar = ProgressBar::new(u64::from(opts.students));
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
    let result = ssp_demo::generate(db, opts, &progress).await;
    let mut flags_line = None;
    if let Some(summary) = result.as_ref().ok().filter(|s| s.attendance_readings > 0) {
        bar.set_message("raising early-warning flags");
        let started = Instant::now();
        let flags = raise_flags(db, opts).await?;
        flags_line = Some(format!(
            "Flags: {} raised by the app's rules from the indicator data of {} students in {:.1} s.",
            flags.opened,
            summary.attendance_readings,
            started.elapsed().as_secs_f64()
        ));
    }
    if result.is_ok() {
        bar.set_message("updating planner statistics");
        db.analyze().await.context("updating planner statistics")?;
    }
    bar.finish_and_clear();
    if let Some(line) = flags_line {
        println!("{line}");
    }
    let summary = result.context("generating the demo district")?;
    store_files(&settings.data_dir, &summary.files).await?;
    Ok(summary)
}

/// The app's rules raise the flags of the demo's indicator data, every
/// district in turn, as a load of every district's files would; then the
/// demo's team works them ([`ssp_demo::work_flags`]).
pub async fn raise_flags(db: &Db, opts: &DemoOptions) -> anyhow::Result<ssp_app::support::recompute::Changes> {
    let app = ssp_app::App::new(db.clone(), std::sync::Arc::new(ssp_app::SystemClock));
    let changes = ssp_app::support::recompute::every_district(&app, "demo")
        .await
        .context("raising the demo's early-warning flags")?;
    ssp_demo::work_flags(db, opts, app.now())
        .await
        .context("working the demo's flags")?;
    Ok(changes)
}

/// Writes the demo's portfolio files where `ssp serve` reads them
/// (`data_dir/files`).
async fn store_files(data_dir: &std::path::Path, files: &[ssp_demo::DemoFile]) -> anyhow::Result<()> {
    if files.is_empty() {
        return Ok(());
    }
    let store = ssp_app::portfolio::files::Files::local(&data_dir.join("files"))
        .with_context(|| format!("the file directory under {}", data_dir.display()))?;
    for f in files {
        store
            .put_bytes(&f.key, f.bytes.clone())
            .await
            .context("storing a demo file")?;
    }
    Ok(())
}

pub fn print_summary(s: &DemoSummary, secs: f64) {
    println!(
        "Demo data: {} district(s), {} schools, {} students, {} guardians, {} staff, {} classes, {} enrollments, {} accounts in {secs:.1} s.",
        s.districts, s.schools, s.students, s.guardians, s.staff, s.classes, s.enrollments, s.accounts
    );
    if s.goals > 0 {
        let share = 100.0 * s.plans_up_to_date as f64 / s.students.max(1) as f64;
        println!(
            "Plans: {} goals, {} check-ins, {} reflections, {} reviews, {} interactions, {} notes; {} plans up to date ({share:.0} %).",
            s.goals, s.check_ins, s.reflections, s.reviews, s.interactions, s.notes, s.plans_up_to_date
        );
        println!(
            "Careers: {} interest inventories completed, {} saved careers, {} explorations, {} postsecondary plans.",
            s.inventories_completed, s.saved_careers, s.explorations, s.postsecondary_plans
        );
        println!(
            "Academics: {} catalog courses, {} transcript entries, {} course plans ({} approved); {} students not on track to graduate, {} off track in grade 9.",
            s.catalog_courses, s.transcript_entries, s.course_plans, s.course_plans_approved, s.not_on_track, s.grade9_off_track
        );
        println!(
            "Portfolios: {} artifacts ({} best work), {} collections, {} experiences with {} hours entries ({} hours verified), {} capstones ({} passed).",
            s.artifacts,
            s.best_work,
            s.collections,
            s.experiences,
            s.hours_entries,
            s.verified_hundredths / 100,
            s.capstones,
            s.capstones_passed
        );
        println!(
            "Support: attendance for {} students ({} chronically absent), {} behaviour records ({} suspended), {} course marks, {} needs, {} interventions with {} progress points; flags raised by the rules.",
            s.attendance_readings,
            s.chronically_absent,
            s.behaviour_readings,
            s.suspended,
            s.course_marks,
            s.needs,
            s.interventions,
            s.intervention_points
        );
    }
}

pub fn print_sign_ins() {
    println!("\nDemo sign-ins (password for all: {}):", ssp_demo::DEMO_PASSWORD);
    for s in ssp_demo::demo_sign_ins() {
        println!("  {:<20} {:<30} {}", s.username, s.role, s.note);
    }
}
