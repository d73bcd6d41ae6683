//! The parsed-directory cache, end to end: a warm run says exactly what a
//! cold one does, and a cache that no longer fits is never believed.

mod common;

use std::fs;
use std::path::PathBuf;

use common::Sandbox;

const SCHOOL: &str = "# Cache U - Faculty\n\n## Faculty\n\n### Wei Zhang\n- Title: Professor\n- Research: Caching, Storage\n- Website: not a url\n\n### Ada Lovelace\n- Title: Reader\n";

fn sandbox() -> (Sandbox, String) {
    let sandbox = Sandbox::new();
    let school = sandbox.write("schools/cache.md", SCHOOL);
    (sandbox, school.display().to_string())
}

/// The files in the sandbox's cache folder.
fn cached(sandbox: &Sandbox) -> Vec<PathBuf> {
    fs::read_dir(sandbox.path("cache"))
        .map(|entries| {
            entries
                .map(|entry| entry.expect("list the cache").path())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_warm_run_prints_the_same_output_and_the_same_warnings() {
    let (sandbox, school) = sandbox();
    let args = ["--schools", &school, "search", "wei"];
    let cold = sandbox.run(&args);
    cold.assert_code(0);
    assert!(
        cold.stderr.contains("not an absolute http(s) URL"),
        "{}",
        cold.stderr
    );
    assert_eq!(cached(&sandbox).len(), 1);
    let warm = sandbox.run(&args);
    assert_eq!(warm.stdout, cold.stdout);
    assert_eq!(warm.stderr, cold.stderr);
    let json = ["--schools", &school, "list", "--json"];
    assert_eq!(sandbox.run(&json).stdout, sandbox.run(&json).stdout);
}

#[test]
fn an_edited_source_is_read_again() {
    let (sandbox, school) = sandbox();
    let args = ["--schools", &school, "list"];
    assert!(sandbox.run(&args).stdout.contains("Ada Lovelace"));
    sandbox.write(
        "schools/cache.md",
        SCHOOL.replace("Ada Lovelace", "Alan Turing"),
    );
    let run = sandbox.run(&args);
    assert!(run.stdout.contains("Alan Turing"), "{}", run.stdout);
    assert!(!run.stdout.contains("Ada Lovelace"), "{}", run.stdout);
    // A new file in a folder that is read is a new set of sources.
    sandbox.write("schools/more.md", "# More U\n\n### Grace Hopper\n");
    let folder = sandbox.path("schools").display().to_string();
    let run = sandbox.run(&["--schools", &folder, "list"]);
    assert!(run.stdout.contains("Grace Hopper"), "{}", run.stdout);
}

#[test]
fn a_garbage_or_truncated_cache_is_ignored_and_replaced() {
    let (sandbox, school) = sandbox();
    let args = ["--schools", &school, "search", "wei"];
    let cold = sandbox.run(&args);
    let file = cached(&sandbox).pop().expect("a cache file");
    let good = fs::read(&file).unwrap();
    for bad in [
        b"not a cache at all".to_vec(),
        good[..good.len() / 2].to_vec(),
        good[..good.len() - 1].to_vec(),
        Vec::new(),
    ] {
        fs::write(&file, &bad).unwrap();
        let run = sandbox.run(&args);
        assert_eq!(run.stdout, cold.stdout);
        assert_eq!(run.stderr, cold.stderr);
        assert_eq!(fs::read(&file).unwrap(), good, "replaced by a good one");
    }
}

#[test]
fn no_cache_writes_nothing() {
    let (sandbox, school) = sandbox();
    let run = sandbox.run(&["--no-cache", "--schools", &school, "search", "wei"]);
    run.assert_code(0);
    assert!(!sandbox.path("cache").exists());
    let paths = sandbox.run(&["--no-cache", "paths"]);
    assert!(
        paths.stdout.contains("cache           none"),
        "{}",
        paths.stdout
    );
    let paths = sandbox.run(&["paths"]);
    let folder = sandbox.path("cache").display().to_string();
    assert!(paths.stdout.contains(&folder), "{}", paths.stdout);
}
