//! `profdex check --links` against servers on 127.0.0.1, never anything else.

mod common;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::http::{Reply, Server, closed_port};
use common::{Run, Sandbox};
use serde_json::Value;

const PROXIES: [&str; 8] = [
    "http_proxy",
    "https_proxy",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "all_proxy",
    "ALL_PROXY",
    "no_proxy",
    "NO_PROXY",
];

/// `profdex ARGS` in the sandbox, with no proxy from the environment.
fn run(sandbox: &Sandbox, args: &[&str]) -> Run {
    let mut command = sandbox.command();
    for name in PROXIES {
        command.env_remove(name);
    }
    command.env_remove("CI");
    Run::from(command.args(args).output().expect("run profdex"))
}

/// A school file with one person per `(name, url)`.
fn school(sandbox: &Sandbox, file: &str, people: &[(&str, &str)]) -> PathBuf {
    let mut text = String::from("# Link U\n\n## Faculty\n\n");
    for (name, url) in people {
        let _ = write!(
            text,
            "### {name}\n- **Title**: Professor\n- **Website**: {url}\n\n"
        );
    }
    sandbox.write(file, text)
}

fn check(sandbox: &Sandbox, file: &Path, extra: &[&str]) -> Run {
    let path = file.to_str().expect("a UTF-8 path");
    let mut args = vec!["check", "--links", "--host-interval", "0"];
    args.extend_from_slice(extra);
    args.push(path);
    run(sandbox, &args)
}

fn by_url<'a>(rows: &'a [Value], url: &str) -> &'a Value {
    rows.iter()
        .find(|row| row["url"] == url)
        .unwrap_or_else(|| panic!("{url} not in {rows:#?}"))
}

struct States {
    server: Server,
    other: Server,
    sandbox: Sandbox,
    file: PathBuf,
    refused: String,
}

/// A server answering in every way a link can end, and a file using each.
fn states() -> States {
    let other = Server::start(|_| Reply::status(200));
    let other_front = other.url("/");
    let tries = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&tries);
    let server = Server::start(move |hit| match hit.path.as_str() {
        "/ok" => Reply::status(200),
        "/gone404" => Reply::status(404),
        "/gone410" => Reply::status(410),
        "/old" => Reply::redirect(301, "/new"),
        "/new" => Reply::status(200),
        "/hop1" => Reply::redirect(302, "/hop2"),
        "/hop2" => Reply::redirect(302, "/hop3"),
        "/hop3" => Reply::redirect(302, "/ok"),
        "/loop-a" => Reply::redirect(302, "/loop-b"),
        "/loop-b" => Reply::redirect(302, "/loop-a"),
        "/~removed" => Reply::redirect(302, &other_front),
        "/to-file" => Reply::redirect(302, "file:///etc/passwd"),
        "/no-head" if hit.method == "HEAD" => Reply::status(405),
        "/no-head" => Reply::status(200),
        "/endless" if hit.method == "HEAD" => Reply::status(405),
        "/endless" => Reply::status(200).endless(),
        "/busy" if seen.fetch_add(1, Ordering::SeqCst) == 0 => {
            Reply::status(429).header("Retry-After", "1")
        }
        "/busy" => Reply::status(200),
        _ => Reply::status(500),
    });
    let sandbox = Sandbox::new();
    let refused = format!("http://127.0.0.1:{}/", closed_port());
    let cases: Vec<(&str, String)> = vec![
        ("Ok Person", server.url("/ok")),
        ("Four Oh Four", server.url("/gone404")),
        ("Four Ten", server.url("/gone410")),
        ("Moved Person", server.url("/old")),
        ("Hopping Person", server.url("/hop1")),
        ("Looping Person", server.url("/loop-a")),
        ("Removed Person", server.url("/~removed")),
        ("File Person", server.url("/to-file")),
        ("Headless Person", server.url("/no-head")),
        ("Endless Person", server.url("/endless")),
        ("Busy Person", server.url("/busy")),
        ("Refused Person", refused.clone()),
        ("Skipped Person", server.url("/skip-me")),
    ];
    let people: Vec<(&str, &str)> = cases.iter().map(|(n, u)| (*n, u.as_str())).collect();
    let file = school(&sandbox, "link-u.md", &people);
    States {
        server,
        other,
        sandbox,
        file,
        refused,
    }
}

#[test]
fn every_state_from_one_run() {
    let States {
        server,
        other,
        sandbox,
        file,
        refused,
    } = states();
    let out = check(&sandbox, &file, &["--json", "--exclude", "skip-me"]);
    out.assert_code(1);
    let rows = out.json();
    let state = |url: &str| {
        by_url(&rows, url)["state"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(state(&server.url("/ok")), "ok");
    assert_eq!(state(&server.url("/gone404")), "dead");
    assert_eq!(by_url(&rows, &server.url("/gone404"))["status"], 404);
    assert_eq!(state(&server.url("/gone410")), "dead");
    assert_eq!(state(&server.url("/old")), "moved");
    assert_eq!(
        by_url(&rows, &server.url("/old"))["final_url"],
        server.url("/new")
    );
    assert_eq!(state(&server.url("/hop1")), "redirected");
    assert_eq!(
        by_url(&rows, &server.url("/hop1"))["final_url"],
        server.url("/ok")
    );
    assert_eq!(state(&server.url("/loop-a")), "dead");
    assert_eq!(state(&server.url("/~removed")), "suspicious");
    assert_eq!(state(&server.url("/to-file")), "invalid");
    assert_eq!(state(&server.url("/no-head")), "ok");
    assert_eq!(state(&server.url("/endless")), "ok");
    assert_eq!(state(&server.url("/busy")), "ok");
    assert_eq!(state(&refused), "dead");
    assert_eq!(state(&server.url("/skip-me")), "excluded");
    assert_eq!(
        server.count("GET", "/skip-me") + server.count("HEAD", "/skip-me"),
        0
    );
    // The file: URL was never fetched, the 429 was tried again.
    assert_eq!(server.count("HEAD", "/busy"), 2);
    assert_eq!(server.count("HEAD", "/no-head"), 1);
    assert_eq!(server.count("GET", "/no-head"), 1);
    let used = &by_url(&rows, &server.url("/gone404"))["used_by"][0];
    assert_eq!(used["person"], "Four Oh Four");
    assert_eq!(used["school"], "Link U");
    assert_eq!(used["line"], 11);
    let agent = server.hits()[0]
        .header("user-agent")
        .unwrap_or("")
        .to_string();
    assert!(agent.starts_with("profdex/"), "{agent}");
    assert!(
        server
            .hits()
            .iter()
            .all(|hit| hit.header("cookie").is_none())
    );
    assert_eq!(other.count("HEAD", "/"), 1, "the front page was looked at");
}

#[test]
fn findings_are_listed_in_file_order_then_summed_up() {
    let States {
        server,
        sandbox,
        file,
        ..
    } = states();
    // The text form: one line per finding, in file order, then the summary.
    let text = check(&sandbox, &file, &["--exclude", "skip-me"]);
    text.assert_code(1);
    let shown = file.display().to_string();
    let lines: Vec<&str> = text.stdout.lines().collect();
    assert_eq!(
        lines[0],
        format!("{shown}:11:16: error: website of Four Oh Four: 404 Not Found")
    );
    assert_eq!(
        lines[2],
        format!(
            "{shown}:19:16: warning: website of Moved Person: moved permanently to {}",
            server.url("/new")
        )
    );
    assert!(
        text.stdout
            .lines()
            .all(|l| !l.contains("Ok Person") && !l.contains("Hopping")),
        "{}",
        text.stdout
    );
    let summary = lines.last().copied().unwrap_or("");
    assert!(
        summary.starts_with("checked 13 URLs on 2 hosts in ")
            && summary.contains(
                ": 4 ok, 1 moved, 1 redirected, 1 suspicious, 4 dead, 1 invalid, 1 excluded"
            ),
        "{summary}"
    );
    let verbose = check(&sandbox, &file, &["--exclude", "skip-me", "--verbose"]);
    assert!(
        verbose
            .stdout
            .contains("note: website of Hopping Person: redirected to")
    );
}

#[test]
fn a_slow_answer_is_a_timeout() {
    let server = Server::start(|_| Reply::status(200).after(Duration::from_secs(4)));
    let sandbox = Sandbox::new();
    let file = school(
        &sandbox,
        "slow.md",
        &[("Slow Person", &server.url("/slow"))],
    );
    let out = check(&sandbox, &file, &["--json", "--timeout", "1"]);
    out.assert_code(0);
    assert_eq!(out.json()[0]["state"], "timeout");
}

#[test]
fn one_host_is_never_asked_more_than_its_limit_at_once() {
    let server = Server::start(|_| Reply::status(200).after(Duration::from_millis(200)));
    let sandbox = Sandbox::new();
    let urls: Vec<String> = (0..20).map(|n| server.url(&format!("/p{n}"))).collect();
    let names: Vec<String> = (0..20).map(|n| format!("Person {n}")).collect();
    let people: Vec<(&str, &str)> = names
        .iter()
        .map(String::as_str)
        .zip(urls.iter().map(String::as_str))
        .collect();
    let file = school(&sandbox, "many.md", &people);
    let out = check(&sandbox, &file, &["--json"]);
    out.assert_code(0);
    assert!(out.json().iter().all(|row| row["state"] == "ok"));
    assert_eq!(server.hits().len(), 20);
    assert!(server.most_in_flight() <= 2, "{}", server.most_in_flight());
}

#[test]
fn a_shared_url_is_asked_once_and_remembered() {
    let server = Server::start(|hit| match hit.path.as_str() {
        "/shared" => Reply::status(200),
        _ => Reply::status(404),
    });
    let sandbox = Sandbox::new();
    let shared = server.url("/shared");
    let dead = server.url("/dead");
    let mut people: Vec<(String, &str)> = (0..5)
        .map(|n| (format!("Sharer {n}"), shared.as_str()))
        .collect();
    people.push(("Dead Person".into(), dead.as_str()));
    let people: Vec<(&str, &str)> = people.iter().map(|(n, u)| (n.as_str(), *u)).collect();
    let file = school(&sandbox, "shared.md", &people);
    let out = check(&sandbox, &file, &["--json"]);
    out.assert_code(1);
    assert_eq!(server.count("HEAD", "/shared"), 1);
    assert_eq!(server.count("GET", "/shared"), 0);
    assert_eq!(
        by_url(&out.json(), &shared)["used_by"]
            .as_array()
            .map(Vec::len),
        Some(5)
    );
    // The second run asks nothing, and a dead link from the store still fails.
    let before = server.hits().len();
    let again = check(&sandbox, &file, &[]);
    again.assert_code(1);
    assert_eq!(server.hits().len(), before, "nothing asked again");
    assert!(
        again.stdout.contains("(2 from the store)"),
        "{}",
        again.stdout
    );
    let rechecked = check(&sandbox, &file, &["--recheck"]);
    rechecked.assert_code(1);
    assert_eq!(server.hits().len(), before + 2);
    let stale = check(&sandbox, &file, &["--max-age", "0"]);
    stale.assert_code(1);
    assert_eq!(server.hits().len(), before + 4);
}

#[test]
fn fix_moved_changes_exactly_the_moved_urls() {
    let server = Server::start(|hit| match hit.path.as_str() {
        "/old-a" => Reply::redirect(301, "/new-a"),
        "/temp" => Reply::redirect(302, "/ok"),
        _ => Reply::status(200),
    });
    let sandbox = Sandbox::new();
    let (a, temp, ok) = (server.url("/old-a"), server.url("/temp"), server.url("/ok"));
    let text = format!(
        "# Fix U\r\n\r\n## Faculty\r\n\r\n### Ann\r\n- **Website**: [{a}]({a})\r\n- **Scholar**: <{a}>\r\n\r\n### Ben\r\n- **Website**: {temp}\r\n\r\n### Cy\r\n- **Website**: {ok}\r\n\r\n## Labs\r\n- **Old Lab**: {a}\r\n"
    );
    let file = sandbox.write("fix.md", &text);
    let diff = check(&sandbox, &file, &["--fix-moved"]);
    diff.assert_code(0);
    let new_a = server.url("/new-a");
    let shown = file.display().to_string();
    assert!(
        diff.stdout
            .starts_with(&format!("--- {shown}\n+++ {shown}\n@@ ")),
        "{}",
        diff.stdout
    );
    assert_eq!(
        diff.stdout
            .lines()
            .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
            .count(),
        3
    );
    assert_eq!(
        fs::read_to_string(&file).expect("read"),
        text,
        "a diff changes nothing"
    );
    let written = check(&sandbox, &file, &["--fix-moved", "--write"]);
    written.assert_code(0);
    let expected = format!(
        "# Fix U\r\n\r\n## Faculty\r\n\r\n### Ann\r\n- **Website**: [{a}]({new_a})\r\n- **Scholar**: <{new_a}>\r\n\r\n### Ben\r\n- **Website**: {temp}\r\n\r\n### Cy\r\n- **Website**: {ok}\r\n\r\n## Labs\r\n- **Old Lab**: {new_a}\r\n"
    );
    assert_eq!(fs::read_to_string(&file).expect("read"), expected);
    assert!(
        written.stdout.contains("3 moved links updated"),
        "{}",
        written.stdout
    );
}

#[test]
fn bad_options_are_usage_errors() {
    let sandbox = Sandbox::new();
    let file = school(&sandbox, "a.md", &[("A", "https://a.invalid/")]);
    let path = file.to_str().expect("utf-8");
    let bad = run(&sandbox, &["check", "--links", "--accept", "lots", path]);
    bad.assert_code(2);
    assert!(bad.stderr.contains("--accept"), "{}", bad.stderr);
    let bad = run(&sandbox, &["check", "--links", "--max-age", "soon", path]);
    bad.assert_code(2);
    let without = run(&sandbox, &["check", "--recheck", path]);
    without.assert_code(2);
}
