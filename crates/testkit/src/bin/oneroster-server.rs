//! `oneroster-server PACKAGE_DIR [ADDR]`: serves a OneRoster 1.2 CSV
//! package folder as a OneRoster 1.2 REST rostering endpoint (the test
//! server of `ssp_testkit::oneroster`), for the sync benchmark
//! (`bench/roster-sync.sh`). Prints the base and token URLs, then serves
//! until killed.

use std::path::PathBuf;

use ssp_testkit::oneroster::{OneRosterServer, CLIENT_ID, CLIENT_SECRET};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: oneroster-server PACKAGE_DIR [ADDR]");
        std::process::exit(2);
    };
    let addr = args
        .next()
        .unwrap_or_else(|| "127.0.0.1:0".to_owned())
        .parse()
        .map_err(std::io::Error::other)?;
    let started = std::time::Instant::now();
    let server = OneRosterServer::start_on(addr, &dir).await?;
    eprintln!(
        "loaded {} users and {} enrollments in {:.1} s",
        server.len("users"),
        server.len("enrollments"),
        started.elapsed().as_secs_f64()
    );
    println!("base_url={}", server.base_url());
    println!("token_url={}", server.token_url());
    println!("client_id={CLIENT_ID}");
    println!("client_secret={CLIENT_SECRET}");
    tokio::signal::ctrl_c().await?;
    drop(server);
    Ok(())
}
