//! `ssp-loadtest`: signs in `--concurrency` clients to a running ssp and
//! has them request pages as fast as the server answers, then prints
//! throughput and latency percentiles — both as the client saw them and as
//! the server measured them (its `Server-Timing: app;dur=…` header).
//!
//! Only ever point it at a server you run yourself (loopback by default).

use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use clap::Parser;

#[derive(Debug, Parser)]
#[command(about = "Load-test a running ssp with signed-in clients")]
struct Args {
    /// Base URL of the ssp under test.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// Account to sign in as (repeat for several; clients take them in turn).
    #[arg(long = "user", default_values_t = vec!["demo.counselor".to_owned()])]
    users: Vec<String>,
    #[arg(long, default_value = "ssp-demo-2026")]
    password: String,
    /// Page to request (repeat for several; reported separately). `{plan}` is
    /// replaced by the first `/students/<id>` link on the client's home page;
    /// `{next}` by the "next page" link of the client's `/students?view=all`
    /// (the second page, continued from the first page's last student).
    #[arg(long = "path", default_values_t = vec!["/students".to_owned()])]
    paths: Vec<String>,
    /// Concurrent signed-in clients.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Requests per path, across all clients.
    #[arg(long, default_value_t = 4_000)]
    requests: usize,
    /// Requests per path sent first and not counted.
    #[arg(long, default_value_t = 200)]
    warmup: usize,
    /// Sign in every `--user` (one client each) and send the requests to
    /// them in turn, one at a time, instead of `--concurrency` clients side
    /// by side: many students' own pages (`{plan}/career/matches`) at
    /// concurrency 1.
    #[arg(long)]
    rotate: bool,
}

struct Client {
    http: reqwest::Client,
    base: url::Url,
    cookie: String,
    plan: Option<String>,
    next: Option<String>,
}

#[derive(Default)]
struct Samples {
    client_ms: Vec<f64>,
    server_ms: Vec<f64>,
    errors: usize,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let base = url::Url::parse(&args.url).context("--url")?;
    let host = base.host_str().unwrap_or("");
    if !(host == "127.0.0.1" || host == "localhost" || host == "::1" || host == "[::1]") {
        bail!("refusing to load-test {host}: only servers on this machine (loopback) are allowed");
    }
    if args.concurrency == 0 || args.requests == 0 {
        bail!("--concurrency and --requests must be at least 1");
    }
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(args.concurrency)
        .timeout(Duration::from_secs(30))
        .build()?;
    let signed_in = if args.rotate {
        args.users.len()
    } else {
        args.concurrency
    };
    let mut clients = Vec::with_capacity(signed_in);
    for i in 0..signed_in {
        let user = &args.users[i % args.users.len()];
        clients.push(
            sign_in(&http, &base, user, &args.password)
                .await
                .with_context(|| format!("signing in {user}"))?,
        );
    }
    // Many accounts (students, with --rotate): only how many.
    let who = match args.users.len() {
        0..=4 => args.users.join(", "),
        n => format!("{n} accounts"),
    };
    println!("{} clients signed in as {who} against {base}", clients.len());
    let concurrency = if args.rotate { 1 } else { args.concurrency };
    let mut every = Samples::default();
    for path in &args.paths {
        let (samples, elapsed) = if args.rotate {
            run_rotating(&clients, path, args.warmup).await?;
            let started = Instant::now();
            let samples = run_rotating(&clients, path, args.requests).await?;
            (samples, started.elapsed().as_secs_f64())
        } else {
            run_path(&clients, path, args.warmup, false).await?;
            let started = Instant::now();
            let samples = run_path(&clients, path, args.requests, true).await?;
            (samples, started.elapsed().as_secs_f64())
        };
        report(path, &samples, elapsed, concurrency);
        every.client_ms.extend_from_slice(&samples.client_ms);
        every.server_ms.extend_from_slice(&samples.server_ms);
        every.errors += samples.errors;
    }
    if args.paths.len() > 1 {
        let mut v = every.server_ms;
        v.sort_by(f64::total_cmp);
        println!(
            "all {} paths: server time  p50 {:.2} ms  p95 {:.2} ms  p99 {:.2} ms ({} errors)",
            args.paths.len(),
            percentile(&v, 50.0),
            percentile(&v, 95.0),
            percentile(&v, 99.0),
            every.errors
        );
    }
    Ok(())
}

/// The path for this client (`{plan}` and `{next}` filled in).
fn target(c: &Client, path: &str) -> anyhow::Result<String> {
    Ok(if path.contains("{plan}") {
        let plan = c
            .plan
            .clone()
            .context("{plan}: no /students/<id> link on this user's home page")?;
        path.replace("{plan}", &plan)
    } else if path.contains("{next}") {
        let next = c
            .next
            .clone()
            .context("{next}: no next-page link on this user's /students?view=all")?;
        path.replace("{next}", &next)
    } else {
        path.to_owned()
    })
}

/// One request at a time, the clients in turn.
async fn run_rotating(clients: &[Client], path: &str, total: usize) -> anyhow::Result<Samples> {
    let mut s = Samples::default();
    let urls = clients
        .iter()
        .map(|c| Ok(c.base.join(&target(c, path)?)?))
        .collect::<anyhow::Result<Vec<url::Url>>>()?;
    for i in 0..total {
        let (c, url) = (&clients[i % clients.len()], &urls[i % clients.len()]);
        let t = Instant::now();
        match c.http.get(url.clone()).header("cookie", &c.cookie).send().await {
            Ok(res) if res.status().is_success() => {
                let server = server_ms(&res);
                let _ = res.bytes().await;
                s.client_ms.push(t.elapsed().as_secs_f64() * 1000.0);
                if let Some(ms) = server {
                    s.server_ms.push(ms);
                }
            }
            _ => s.errors += 1,
        }
    }
    Ok(s)
}

/// The server's own time (`Server-Timing: app;dur=…`).
fn server_ms(res: &reqwest::Response) -> Option<f64> {
    res.headers()
        .get("server-timing")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split("dur=").nth(1))
        .and_then(|d| d.parse::<f64>().ok())
}

async fn sign_in(http: &reqwest::Client, base: &url::Url, user: &str, password: &str) -> anyhow::Result<Client> {
    let page = http.get(base.join("/sign-in")?).send().await?;
    let pre = cookies(&page);
    let body = page.text().await?;
    let csrf = body
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .context("no CSRF token on the sign-in page")?
        .to_owned();
    let origin = base.origin().ascii_serialization();
    let form = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([("csrf", csrf.as_str()), ("login", user), ("password", password)])
        .finish();
    let res = http
        .post(base.join("/sign-in")?)
        .header("origin", origin)
        .header("cookie", pre)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form)
        .send()
        .await?;
    if res.status().as_u16() != 303 {
        bail!("sign-in answered {}", res.status());
    }
    let cookie = cookies(&res);
    if !cookie.contains("ssp_session=") {
        bail!("no session cookie after sign-in");
    }
    // The first student page linked from home (a student's own plan, a
    // guardian's child) or, for staff, from the students list.
    let mut plan = None;
    for page in ["/", "/students", "/students?view=all"] {
        let html = http
            .get(base.join(page)?)
            .header("cookie", &cookie)
            .send()
            .await?
            .text()
            .await?;
        plan = html
            .split("href=\"/students/")
            .nth(1)
            .and_then(|r| r.split(|c: char| !(c.is_ascii_hexdigit() || c == '-')).next())
            .filter(|id| !id.is_empty())
            .map(|id| format!("/students/{id}"));
        if plan.is_some() {
            break;
        }
    }
    let list = http
        .get(base.join("/students?view=all")?)
        .header("cookie", &cookie)
        .send()
        .await?
        .text()
        .await?;
    let next = list
        .split("rel=\"next\"")
        .next()
        .filter(|before| before.len() < list.len())
        .and_then(|before| before.rsplit("href=\"").next())
        .and_then(|h| h.split('"').next())
        .map(|h| h.replace("&#38;", "&").replace("&amp;", "&"));
    Ok(Client {
        http: http.clone(),
        base: base.clone(),
        cookie,
        plan,
        next,
    })
}

fn cookies(res: &reqwest::Response) -> String {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .filter(|kv| !kv.ends_with('='))
        .collect::<Vec<_>>()
        .join("; ")
}

async fn run_path(clients: &[Client], path: &str, total: usize, keep: bool) -> anyhow::Result<Samples> {
    let per = total.div_ceil(clients.len());
    let mut tasks = Vec::new();
    for c in clients {
        let url = c.base.join(&target(c, path)?)?;
        let http = c.http.clone();
        let cookie = c.cookie.clone();
        tasks.push(tokio::spawn(async move {
            let mut s = Samples::default();
            for _ in 0..per {
                let t = Instant::now();
                match http.get(url.clone()).header("cookie", &cookie).send().await {
                    Ok(res) if res.status().is_success() => {
                        let server = server_ms(&res);
                        let _ = res.bytes().await;
                        s.client_ms.push(t.elapsed().as_secs_f64() * 1000.0);
                        if let Some(ms) = server {
                            s.server_ms.push(ms);
                        }
                    }
                    _ => s.errors += 1,
                }
            }
            s
        }));
    }
    let mut all = Samples::default();
    for t in tasks {
        let s = t.await?;
        if keep {
            all.client_ms.extend(s.client_ms);
            all.server_ms.extend(s.server_ms);
        }
        all.errors += s.errors;
    }
    Ok(all)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn report(path: &str, s: &Samples, elapsed: f64, concurrency: usize) {
    let mut c = s.client_ms.clone();
    let mut v = s.server_ms.clone();
    c.sort_by(f64::total_cmp);
    v.sort_by(f64::total_cmp);
    println!(
        "{path}: {} ok, {} errors in {elapsed:.1} s = {:.0} req/s with {concurrency} clients",
        c.len(),
        s.errors,
        c.len() as f64 / elapsed
    );
    println!(
        "  server time  p50 {:.2} ms  p95 {:.2} ms  p99 {:.2} ms",
        percentile(&v, 50.0),
        percentile(&v, 95.0),
        percentile(&v, 99.0)
    );
    println!(
        "  client time  p50 {:.2} ms  p95 {:.2} ms  p99 {:.2} ms",
        percentile(&c, 50.0),
        percentile(&c, 95.0),
        percentile(&c, 99.0)
    );
}
