//! Generates a demo into a database and reports how long it took:
//! `cargo run --release -p ssp-demo --example generate -- --students 300000 --db sqlite:///tmp/demo.db`

use std::time::Instant;

use ssp_demo::{generate, DemoOptions, Progress};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut students = 2_000u32;
    let mut url = String::from("sqlite://demo.db");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--students" => students = args.next().ok_or("--students needs a number")?.parse()?,
            "--db" => url = args.next().ok_or("--db needs a URL")?,
            other => return Err(format!("unknown argument {other:?}; use --students N --db URL").into()),
        }
    }
    let started = Instant::now();
    let db = ssp_db::Db::connect(&url, &Default::default()).await?;
    db.migrate().await?;
    let report = |p: Progress| match p {
        Progress::Stage(stage) => eprintln!("[{:7.2}s] {stage}", started.elapsed().as_secs_f64()),
        Progress::Students { done, total } if done == total || done % 50_000 < 1_300 => {
            eprintln!("[{:7.2}s] {done}/{total} students", started.elapsed().as_secs_f64())
        }
        Progress::Students { .. } => {}
    };
    let summary = generate(&db, &DemoOptions::new(students), &report).await?;
    db.close().await;
    println!("{summary:#?}");
    println!(
        "engine: {}, elapsed: {:.1} s",
        if url.starts_with("sqlite") {
            "sqlite"
        } else {
            "postgres"
        },
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
