//! The requirement audit alone, over a demo database's real transcripts
//! and course plans: reads N high-school students (transcript, newest plan,
//! the district's catalog) as the app does, then times `audit` +
//! `on_track_to_graduate` + `grade9_on_track` per student, many rounds, and
//! prints p50/p95/p99. Run by `bench/academics.sh`:
//!
//!   cargo run --release -p ssp-demo --example academic_audit -- \
//!       --database-url sqlite:///tmp/ssp-bench-academics-2000.db --students 2000

use std::time::Instant;

use ssp_app::academics::course_plan::from_stored;
use ssp_app::academics::{catalog_of, entry_of};
use ssp_db::repo::academics::{catalog, plans, transcripts};
use ssp_db::Db;
use ssp_domain::academics::audit::{audit, AuditInput};
use ssp_domain::academics::on_track::{grade9_on_track, on_track_to_graduate, Grade9Rule};
use ssp_domain::academics::requirements::connecticut_default;
use ssp_domain::academics::transcript::GradeScale;
use ssp_domain::{OrgId, StudentId};
use time::macros::date;
use uuid::Uuid;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut url = String::from("sqlite:///tmp/ssp-bench-academics-2000.db");
    let mut students: i64 = 2000;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--database-url" => url = args.next().ok_or("--database-url needs a value")?,
            "--students" => students = args.next().ok_or("--students needs a value")?.parse()?,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let db = Db::connect(&url, &Default::default()).await?;
    // The demo's "today" (the audit's as-of date).
    let today = date!(2026 - 11 - 02);
    let Db::Sqlite(_) = &db else {
        return Err("a SQLite demo database, please".into());
    };
    let rows: Vec<(Uuid, Uuid, i32)> = sqlx_rows(&db, students).await?;
    let scale = GradeScale::default_letter();
    let mut catalogs = std::collections::HashMap::new();
    let mut inputs = Vec::with_capacity(rows.len());
    for (student, district, class_of) in rows {
        if let std::collections::hash_map::Entry::Vacant(e) = catalogs.entry(district) {
            e.insert(catalog_of(&catalog::list(&db, OrgId(district)).await?));
        }
        let transcript: Vec<_> = transcripts::for_student(&db, StudentId(student))
            .await?
            .iter()
            .filter_map(|r| entry_of(r, &scale))
            .collect();
        let plan = plans::versions(&db, StudentId(student))
            .await?
            .first()
            .map(|v| from_stored(class_of, &v.years));
        inputs.push((district, class_of, transcript, plan));
    }
    let entries: usize = inputs.iter().map(|i| i.2.len()).sum();
    let mut times = Vec::new();
    let mut not_on_track = 0;
    let rounds = (20_000 / inputs.len().max(1)).max(3);
    for round in 0..rounds {
        for (district, class_of, transcript, plan) in &inputs {
            let catalog = &catalogs[district];
            let started = Instant::now();
            let set = connecticut_default(*class_of);
            let a = audit(&AuditInput {
                set: &set,
                catalog,
                transcript,
                plan: plan.as_ref(),
                capstone_passed: false,
                as_of: today,
            });
            let g = on_track_to_graduate(&a, *class_of, today);
            let g9 = grade9_on_track(transcript, catalog, &scale, *class_of, today, &Grade9Rule::default());
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            if round == 0 && !g.on_track {
                not_on_track += 1;
            }
            std::hint::black_box(g9);
        }
    }
    times.sort_by(f64::total_cmp);
    let p = |q: f64| times[((times.len() - 1) as f64 * q / 100.0).round() as usize];
    println!(
        "audit alone ({} students, {:.1} transcript entries each, {} not on track; {} runs): p50 {:.3} ms  p95 {:.3} ms  p99 {:.3} ms  max {:.3} ms",
        inputs.len(),
        entries as f64 / inputs.len().max(1) as f64,
        not_on_track,
        times.len(),
        p(50.0),
        p(95.0),
        p(99.0),
        times.last().copied().unwrap_or_default()
    );
    Ok(())
}

/// High-school students with a transcript: (student, district, class of).
async fn sqlx_rows(db: &Db, limit: i64) -> Result<Vec<(Uuid, Uuid, i32)>, Box<dyn std::error::Error>> {
    let Db::Sqlite(s) = db else { unreachable!() };
    Ok(sqlx::query_as(
        "SELECT s.person_id, s.district_id, s.graduation_year FROM students s \
         WHERE s.grade_level >= 9 AND EXISTS (SELECT 1 FROM transcript_entries t WHERE t.student_id = s.person_id) \
         ORDER BY s.person_id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&s.readers)
    .await?)
}
