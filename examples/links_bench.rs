//! How close the link checker comes to the fastest its politeness limits
//! allow: 2,000 distinct URLs on 20 local hosts (20 ports of 127.0.0.1),
//! each answering after 50 ms, checked with the default limits (16 in
//! flight, 2 per host, 100 ms between two requests to one host).
//!
//! ```sh
//! cargo run --release --example links_bench                        # 2,000 URLs, 3 runs
//! cargo run --release --example links_bench -- --runs 1 --urls 200 # a smoke test
//! ```
//!
//! The bound is the longest of: each host's requests started 100 ms
//! apart, two at a time, the last one's 50 ms answer; and all of them,
//! 16 at a time, 50 ms each. Prints each run's wall time and its ratio to
//! that bound (1.00 would be perfect), and the median. Nothing leaves
//! 127.0.0.1: no proxy from the environment is used.

#[path = "../tests/common/http.rs"]
#[allow(dead_code)]
mod http;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use http::{Reply, Server};
use profdex::links::{Client, Limits, State, check_all};

const ANSWER: Duration = Duration::from_millis(50);

fn main() -> ExitCode {
    let mut runs = 3usize;
    let mut urls = 2000usize;
    let mut hosts = 20usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().and_then(|v| v.parse::<usize>().ok());
        match (arg.as_str(), value) {
            ("--runs", Some(n)) if n > 0 => runs = n,
            ("--urls", Some(n)) if n > 0 => urls = n,
            ("--hosts", Some(n)) if n > 0 => hosts = n,
            _ => {
                eprintln!("usage: links_bench [--runs N] [--urls N] [--hosts N]");
                return ExitCode::from(2);
            }
        }
    }
    for name in [
        "http_proxy",
        "https_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ] {
        refuse_proxy(name);
    }
    let servers: Vec<Server> = (0..hosts)
        .map(|_| Server::start(|_| Reply::status(200).after(ANSWER)))
        .collect();
    let limits = Limits::default();
    let bound = bound(&limits, urls, hosts);
    println!(
        "links_bench: {urls} URLs on {hosts} hosts answering after {} ms; bound {:.2} s",
        ANSWER.as_millis(),
        bound.as_secs_f64()
    );
    let mut times = Vec::new();
    for run in 0..runs {
        // Fresh paths each run: nothing is remembered between runs anyway.
        let list: Vec<String> = (0..urls)
            .map(|n| servers[n % hosts].url(&format!("/r{run}/p{n}")))
            .collect();
        let client = Client::new(limits.clone());
        let started = Instant::now();
        let outcomes = check_all(&client, &list, &|_| {});
        let wall = started.elapsed();
        let ok = outcomes.iter().filter(|o| o.state == State::Ok).count();
        if ok != urls {
            eprintln!("links_bench: only {ok} of {urls} URLs were ok");
            return ExitCode::FAILURE;
        }
        println!(
            "run {}: {:.2} s, {:.2}× the bound",
            run + 1,
            wall.as_secs_f64(),
            wall.as_secs_f64() / bound.as_secs_f64()
        );
        times.push(wall);
    }
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "median {:.2} s, {:.2}× the bound",
        median.as_secs_f64(),
        median.as_secs_f64() / bound.as_secs_f64()
    );
    ExitCode::SUCCESS
}

/// The least time the limits allow for `urls` URLs spread evenly on `hosts`.
fn bound(limits: &Limits, urls: usize, hosts: usize) -> Duration {
    let per_host = urls.div_ceil(hosts);
    let spaced =
        limits.host_interval * u32::try_from(per_host.saturating_sub(1)).unwrap_or(0) + ANSWER;
    let paired = ANSWER * u32::try_from(per_host.div_ceil(limits.host_concurrency)).unwrap_or(0);
    let overall = ANSWER * u32::try_from(urls.div_ceil(limits.concurrency)).unwrap_or(0);
    spaced.max(paired).max(overall)
}

/// The client honours the proxy variables, and this process cannot unset
/// them (`unsafe_code` is forbidden): a set one stops the benchmark
/// rather than send its requests elsewhere.
fn refuse_proxy(name: &str) {
    if std::env::var_os(name).is_some_and(|v| !v.is_empty()) {
        eprintln!("links_bench: unset {name} first: this benchmark talks to 127.0.0.1 only");
        std::process::exit(2);
    }
}
