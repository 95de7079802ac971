//! `ssp import oneroster PATH`: load a OneRoster 1.1/1.2 CSV package (zip
//! or folder) into one district, with a progress bar and a summary.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use ssp_app::support::loads::Indicator;
use ssp_roster::{ImportError, ImportOptions, MoreOptions, Progress, Refusal, Report};
use time::OffsetDateTime;

use crate::Settings;

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// A OneRoster 1.1 or 1.2 CSV package: a .zip file or a folder.
    Oneroster(OneRosterArgs),
    /// The district's course catalog (CSV; columns in docs/ACADEMICS.md).
    Catalog(AcademicArgs),
    /// Transcripts from the student information system (CSV shaped like
    /// Ed-Fi's CourseTranscript; columns in docs/ACADEMICS.md).
    Transcripts(AcademicArgs),
    /// Attendance (CSV; days enrolled and absent by kind, as of a date;
    /// columns in docs/SUPPORT.md). All or nothing; flags recomputed.
    Attendance(AcademicArgs),
    /// Attendance as daily events (CSV; one row per student and school
    /// day, Ed-Fi's StudentSchoolAttendanceEvent; docs/SUPPORT.md), added up
    /// into each school year's attendance. All or nothing; flags recomputed.
    AttendanceEvents(AcademicArgs),
    /// Behaviour (CSV; incidents and suspension days; docs/SUPPORT.md).
    Behaviour(AcademicArgs),
    /// Course marks by term (CSV; docs/SUPPORT.md).
    Marks(AcademicArgs),
}

/// What an academic or support file holds.
#[derive(Debug, Clone, Copy)]
enum FileKind {
    Catalog,
    Transcripts,
    Support(ssp_app::support::loads::Indicator),
}

#[derive(Debug, Args)]
pub struct AcademicArgs {
    /// The CSV file.
    pub path: PathBuf,
    /// The district's sourcedId (may be left out when there is one district).
    #[arg(long, value_name = "SOURCEDID")]
    pub district: Option<String>,
}

#[derive(Debug, Args)]
pub struct OneRosterArgs {
    /// The package: a .zip file or a folder holding manifest.csv.
    pub path: PathBuf,
    /// The district's sourcedId, when the package has no district row
    /// (delta packages) or several; if the package has one it must match.
    #[arg(long, value_name = "SOURCEDID")]
    pub district: Option<String>,
    /// The district's name, to create the district named by --district
    /// when the package has no district row and ssp does not have it yet
    /// (packages that stop at schools).
    #[arg(long, value_name = "NAME", requires = "district")]
    pub district_name: Option<String>,
    /// Check and count everything, then change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Import even when the package deactivates more of the district's
    /// active people than its limit (10 % unless the district set another);
    /// without it such an import is refused and nothing changes.
    #[arg(long)]
    pub confirm_deactivations: bool,
    /// Write every row problem (file, line, column, reason) to this CSV file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
}

pub async fn run(settings: &Settings, cmd: ImportCommand) -> anyhow::Result<()> {
    let args = match cmd {
        ImportCommand::Oneroster(args) => args,
        ImportCommand::Catalog(args) => return academic(settings, args, FileKind::Catalog).await,
        ImportCommand::Transcripts(args) => return academic(settings, args, FileKind::Transcripts).await,
        ImportCommand::Attendance(args) => {
            return academic(settings, args, FileKind::Support(Indicator::Attendance)).await
        }
        ImportCommand::AttendanceEvents(args) => {
            return academic(settings, args, FileKind::Support(Indicator::AttendanceEvents)).await
        }
        ImportCommand::Behaviour(args) => {
            return academic(settings, args, FileKind::Support(Indicator::Behaviour)).await
        }
        ImportCommand::Marks(args) => return academic(settings, args, FileKind::Support(Indicator::Marks)).await,
    };
    let db = super::open_migrated(settings).await?;
    let opts = ImportOptions {
        district: args.district.clone(),
        expected_district: None,
        dry_run: args.dry_run,
        confirm_deactivations: args.confirm_deactivations,
        now: OffsetDateTime::now_utc(),
        import_id: None,
        started_by: None,
        source_name: args
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| args.path.display().to_string()),
    };
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg:24} [{bar:40}] {bytes}/{total_bytes} ({elapsed})")
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
    let more = MoreOptions {
        district_name: args.district_name.clone(),
    };
    let result = ssp_roster::import_with(&db, &args.path, &opts, &more, &progress).await;
    bar.finish_and_clear();
    let report = match result {
        Ok(report) => report,
        Err(ImportError::Refused(why)) => {
            db.close().await;
            anyhow::bail!("{}", refused(&why));
        }
        Err(e) => {
            db.close().await;
            return Err(e).context("importing the roster; nothing was changed");
        }
    };
    if matches!(report.kinds.iter().find(|(k, _)| k == "students"), Some((_, c)) if c.changed()) {
        db.analyze().await.context("updating planner statistics")?;
    }
    if !report.dry_run {
        let prepared = prepare_accounts(&db, &args.path, &report.district_source_id).await?;
        println!("Accounts prepared for rostered people who had none: {prepared}.");
    }
    print!("{}", render(&report));
    if let Some(path) = &args.report {
        let file = std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
        ssp_roster::report::write_issues_csv(std::io::BufWriter::new(file), &report.issues)
            .with_context(|| format!("cannot write {}", path.display()))?;
        println!("Row problems written to {}.", path.display());
    }
    db.close().await;
    let failed = report.failed_files();
    if !failed.is_empty() {
        anyhow::bail!(
            "nothing was loaded from {} because of errors; fix the rows listed above and import again",
            failed.join(", ")
        );
    }
    Ok(())
}

/// An account (no password, roster username) for every active rostered
/// person of the imported district who has none.
async fn prepare_accounts(db: &ssp_db::Db, path: &std::path::Path, district_source_id: &str) -> anyhow::Result<usize> {
    let Some((district, _)) = ssp_db::repo::roster::district_by_source(db, district_source_id).await? else {
        return Ok(0);
    };
    let usernames = ssp_roster::usernames::usernames(path).unwrap_or_default();
    let app = ssp_app::App::new(db.clone(), std::sync::Arc::new(ssp_app::SystemClock));
    let by = ssp_app::accounts::prepare::PreparedBy::default();
    ssp_app::accounts::prepare::prepare(&app, ssp_domain::OrgId(district), &by, &usernames)
        .await
        .context("preparing accounts for rostered people")
}

/// What the command says (and exits non-zero with) when a package is refused.
pub fn refused(why: &Refusal) -> String {
    match why {
        Refusal::TooManyDeactivations(_) => format!(
            "the package was refused and nothing was changed: {why}; rerun with --confirm-deactivations to proceed"
        ),
        _ => format!("the package was refused and nothing was changed: {why}"),
    }
}

/// The summary as printed: per file, per kind, then the first problems.
pub fn render(r: &Report) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let verb = if r.dry_run {
        "Dry run (nothing saved)"
    } else {
        "Imported"
    };
    let _ = writeln!(
        out,
        "{verb}: OneRoster {} package for {} ({}) in {:.1} s.",
        r.version, r.district_name, r.district_source_id, r.seconds
    );
    let _ = writeln!(
        out,
        "\n{:<22} {:>6} {:>10} {:>8} {:>8}",
        "file", "mode", "rows", "errors", "skipped"
    );
    for f in &r.files {
        let _ = writeln!(
            out,
            "{:<22} {:>6} {:>10} {:>8} {:>8}",
            f.file, f.mode, f.rows, f.errors, f.skipped
        );
    }
    let _ = writeln!(
        out,
        "\n{:<18} {:>9} {:>9} {:>10} {:>11}",
        "records", "created", "updated", "unchanged", "deactivated"
    );
    for (kind, c) in &r.kinds {
        let _ = writeln!(
            out,
            "{:<18} {:>9} {:>9} {:>10} {:>11}",
            kind, c.created, c.updated, c.unchanged, c.deactivated
        );
    }
    let loaded = r.loaded_anything();
    if !loaded && r.errors_total > 0 {
        let _ = writeln!(out, "\nNothing was loaded: every row had a problem (see below).");
    } else if !r.changed() {
        let _ = writeln!(out, "\nNothing changed: the package matches what ssp holds.");
    }
    let d = &r.deactivations;
    if r.dry_run && d.over_limit() {
        let _ = writeln!(
            out,
            "\nThe import would deactivate {} of {} active people ({} %), above the district's {} % limit: \
             a real import needs --confirm-deactivations.",
            d.people,
            d.active,
            d.percent_text(),
            d.limit_percent
        );
    }
    if r.issues_total > 0 {
        let outcome = if !loaded {
            "no row was loaded"
        } else if r.errors_total > 0 {
            "the rows without errors were loaded"
        } else {
            "every row was loaded or skipped as listed"
        };
        let _ = writeln!(
            out,
            "\n{} row problem(s) ({} error(s), {} warning(s)); {outcome}.",
            r.issues_total, r.errors_total, r.warnings_total
        );
        for i in r.issues.iter().take(20) {
            let _ = writeln!(
                out,
                "  {} line {}{}: {} — {}",
                i.file,
                i.line,
                i.column.as_deref().map(|c| format!(", {c}")).unwrap_or_default(),
                i.severity.as_str(),
                i.reason
            );
        }
        if r.issues_total > 20 {
            let _ = writeln!(out, "  … and {} more (use --report FILE for all).", r.issues_total - 20);
        }
    }
    out
}

/// `ssp import catalog|transcripts|attendance|behaviour|marks FILE`: one
/// transaction; every row problem printed with its line and column; exits
/// non-zero when the file is refused or nothing could be loaded (a support
/// file with any row problem loads nothing).
async fn academic(settings: &Settings, args: AcademicArgs, kind: FileKind) -> anyhow::Result<()> {
    let catalog = matches!(kind, FileKind::Catalog);
    use ssp_app::academics::catalog::Loader;
    let db = super::open_migrated(settings).await?;
    let district = match &args.district {
        Some(sid) => match ssp_db::repo::roster::district_by_source(&db, sid).await? {
            Some((id, _)) => ssp_domain::OrgId(id),
            None => anyhow::bail!("no district with sourcedId {sid:?}; nothing was changed"),
        },
        None => {
            let all = ssp_db::repo::orgs::districts(&db).await?;
            match all.as_slice() {
                [one] => ssp_domain::OrgId(one.id),
                [] => anyhow::bail!("there is no district yet: import the roster first"),
                _ => anyhow::bail!("there are several districts: name one with --district SOURCEDID"),
            }
        }
    };
    let file = std::fs::File::open(&args.path).with_context(|| format!("cannot read {}", args.path.display()))?;
    let app = ssp_app::App::new(db.clone(), std::sync::Arc::new(ssp_app::SystemClock));
    let by = Loader {
        district,
        person: None,
        request_id: "cli".into(),
    };
    let input = std::io::BufReader::new(file);
    let result = match kind {
        FileKind::Catalog => ssp_app::academics::catalog::load(&app, &by, input).await?,
        FileKind::Transcripts => ssp_app::academics::transcript::load(&app, &by, input).await?,
        FileKind::Support(which) => {
            use ssp_app::support::loads::{load_with_progress, LoadProgress};
            let bar = ProgressBar::new(0);
            bar.set_style(
                ProgressStyle::with_template("{msg:24} [{bar:40}] {pos}/{len} ({elapsed})")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
            );
            bar.set_message("reading and checking");
            let started = std::time::Instant::now();
            let flags_started = std::sync::Mutex::new(None);
            let progress = |p: LoadProgress| match p {
                LoadProgress::Checked { rows } => {
                    bar.set_message("writing");
                    bar.set_length(rows as u64);
                }
                LoadProgress::Writing { done, total } => {
                    bar.set_length(total as u64);
                    bar.set_position(done as u64);
                    if done == total {
                        if let Ok(mut s) = flags_started.lock() {
                            s.get_or_insert_with(std::time::Instant::now);
                        }
                    }
                }
                LoadProgress::Flags { done, total } => {
                    bar.set_message("flags (students)");
                    bar.set_length(total as u64);
                    bar.set_position(done as u64);
                }
            };
            let result = load_with_progress(&app, &by, which, input, &progress).await?;
            bar.finish_and_clear();
            if result.as_ref().is_ok_and(|r| r.problems.is_empty()) {
                let flags = flags_started
                    .lock()
                    .ok()
                    .and_then(|s| *s)
                    .map(|s| {
                        format!(
                            ", the flags current {:.1} s after its rows were written",
                            s.elapsed().as_secs_f64()
                        )
                    })
                    .unwrap_or_default();
                println!("Loaded in {:.1} s{flags}.", started.elapsed().as_secs_f64());
            }
            result
        }
    };
    // Every audit depends on the catalog: recompute the district's stored
    // standings when a load changed it (a transcript load already did its
    // own students).
    if let Ok(r) = &result {
        if catalog && r.created + r.updated > 0 {
            let started = std::time::Instant::now();
            let mut last = std::time::Instant::now();
            let n = ssp_app::academics::standing::refresh_district(&app, by.district, |done, total| {
                if last.elapsed().as_secs() >= 2 {
                    eprintln!("  recomputing academic standings: {done} of {total} students");
                    last = std::time::Instant::now();
                }
            })
            .await?;
            println!(
                "Academic standings recomputed for {n} students in {:.1} s.",
                started.elapsed().as_secs_f64()
            );
        }
    }
    db.close().await;
    let name = args.path.display();
    let report = match result {
        Ok(r) => r,
        Err(refusal) => anyhow::bail!("{name} was refused and nothing was changed: {refusal}"),
    };
    for p in &report.problems {
        match &p.column {
            Some(c) => eprintln!("  {name}: line {}: column {c}: {}", p.line, p.code),
            None => eprintln!("  {name}: line {}: {}", p.line, p.code),
        }
    }
    println!("{name}: {}.", report.summary());
    if matches!(kind, FileKind::Support(_)) && !report.problems.is_empty() {
        anyhow::bail!("nothing was loaded from {name}: correct the rows listed above and load it again");
    }
    if !report.problems.is_empty() && report.created + report.updated + report.unchanged == 0 {
        anyhow::bail!("nothing was loaded from {name}: every row has a problem (listed above)");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use ssp_roster::{Counts, Deactivations, FileSummary, Issue, Refusal, Report};

    fn report(loaded: bool) -> Report {
        let users = Counts {
            created: u64::from(loaded),
            ..Counts::default()
        };
        Report {
            version: "1.2".to_owned(),
            district_source_id: "d1".to_owned(),
            district_name: "Lakeside".to_owned(),
            files: vec![FileSummary {
                file: "users.csv".to_owned(),
                mode: "delta".to_owned(),
                rows: 2,
                errors: 1,
                ..FileSummary::default()
            }],
            kinds: vec![("students".to_owned(), users)],
            issues: vec![Issue::error(
                "users",
                2,
                Some("enabledUser"),
                "\"yes\" is not one of true, false".to_owned(),
            )],
            issues_total: 1,
            errors_total: 1,
            ..Report::default()
        }
    }

    #[test]
    fn the_summary_of_an_import_that_loaded_nothing_says_so_and_not_that_nothing_changed() {
        let text = super::render(&report(false));
        assert!(text.contains("Nothing was loaded: every row had a problem"), "{text}");
        assert!(text.contains("no row was loaded"), "{text}");
        assert!(!text.contains("Nothing changed"), "{text}");
        assert!(!text.contains("were loaded"), "{text}");

        let text = super::render(&report(true));
        assert!(text.contains("the rows without errors were loaded"), "{text}");
        assert!(!text.contains("Nothing was loaded"), "{text}");
    }

    #[test]
    fn a_refusal_for_too_many_deactivations_gives_the_figures_and_the_flag() {
        let why = Refusal::TooManyDeactivations(Deactivations {
            people: 2_400,
            active: 20_000,
            limit_percent: 10,
        });
        assert_eq!(
            super::refused(&why),
            "the package was refused and nothing was changed: the import would deactivate 2400 of 20000 \
             active people (12 %), above the district's 10 % limit; rerun with --confirm-deactivations to proceed"
        );
    }
}
