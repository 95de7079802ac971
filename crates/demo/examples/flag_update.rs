//! One student's data change, timed: a new attendance reading (one more
//! absence, as a student information system's push sends it) written in its
//! own transaction, then the student's flags recomputed by the app's rules —
//! what `ssp_app::support::loads::push` does after its access check. For
//! many students of a demo database, each changed once; prints p50/p95/p99
//! and how many flags opened or moved. Run by `bench/support.sh`:
//!
//!   cargo run --release -p ssp-demo --example flag_update -- \
//!       --database-url sqlite:///tmp/ssp-bench-support-2000.db --students 500
//!
//! It changes the database (the students' attendance and flags).

use std::sync::Arc;
use std::time::Instant;

use ssp_app::support::loads::Indicator;
use ssp_app::support::recompute;
use ssp_db::repo::orgs;
use ssp_db::repo::support::flags as flags_repo;
use ssp_db::repo::support::readings;
use ssp_db::Db;
use ssp_domain::{OrgId, StudentId};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut url = String::from("sqlite:///tmp/ssp-bench-support-2000.db");
    let mut students: usize = 500;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--database-url" => url = args.next().ok_or("--database-url needs a value")?,
            "--students" => students = args.next().ok_or("--students needs a value")?.parse()?,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let db = Db::connect(&url, &Default::default()).await?;
    let app = ssp_app::App::new(db.clone(), Arc::new(ssp_app::SystemClock));
    // Students spread over every district: every n-th one with data.
    let mut picked: Vec<(OrgId, StudentId)> = Vec::new();
    let districts = orgs::districts(&db).await?;
    let per = students.div_ceil(districts.len().max(1));
    for d in &districts {
        let all = flags_repo::students_with_data(&db, OrgId(d.id)).await?;
        let step = (all.len() / per.max(1)).max(1);
        picked.extend(all.iter().step_by(step).take(per).map(|s| (OrgId(d.id), StudentId(*s))));
    }
    let mut times = Vec::with_capacity(picked.len());
    let (mut opened, mut moved) = (0, 0);
    let now = app.now();
    for (district, student) in &picked {
        let Some(mut row) = readings::for_students(&db, &[*student], true, false, false)
            .await?
            .attendance
            .pop()
        else {
            continue;
        };
        // One more absence, unless that would pass the days enrolled.
        if row.excused + row.unexcused + row.disciplinary < row.days_enrolled {
            row.unexcused += 1;
        } else {
            row.unexcused = 0;
        }
        let started = Instant::now();
        let mut tx = db.begin().await?;
        readings::put_attendance(&mut tx, *district, &row, now).await?;
        tx.commit().await?;
        let c = recompute::students(
            &app,
            *district,
            &[*student],
            Indicator::Attendance.flag_kinds(),
            "bench",
        )
        .await?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        opened += c.opened;
        moved += c.moved;
    }
    if times.is_empty() {
        return Err("no student with attendance data: run `ssp demo` first".into());
    }
    times.sort_by(f64::total_cmp);
    let p = |q: f64| times[((times.len() - 1) as f64 * q / 100.0).round() as usize];
    println!(
        "one student's attendance change, written and their flags recomputed ({} students; {} flags opened, {} moved): \
         p50 {:.2} ms  p95 {:.2} ms  p99 {:.2} ms  max {:.2} ms",
        times.len(),
        opened,
        moved,
        p(50.0),
        p(95.0),
        p(99.0),
        times.last().copied().unwrap_or_default()
    );
    Ok(())
}
