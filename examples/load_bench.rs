//! How long loading takes on inputs that punish a merge that scans, in figures:
//!
//! ```sh
//! cargo run --release --example load_bench
//! ```
//!
//! Each case writes its directory files to a temporary folder, then times
//! discovering, reading, parsing and merging them, the way every command does.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use profdex::sources::{self, SourceOptions};

fn main() {
    for labs in [10_000, 20_000] {
        run(&format!("2 files, one school, {labs} labs each"), |dir| {
            for file in ["a.md", "b.md"] {
                write(dir, file, &school_with_labs(labs, file));
            }
        });
    }
    run("a person twice, 100000 extra fields each", |dir| {
        for file in ["a.md", "b.md"] {
            write(dir, file, &person_with_fields(100_000, file));
        }
    });
    run(
        "a person given 20000 times, each time with a field of its own",
        |dir| {
            write(dir, "a.md", &person_again_and_again(20_000));
        },
    );
    run("20000 namesakes, each with a website of their own", |dir| {
        write(dir, "a.md", &namesakes(20_000));
    });
    run("2 files, one school, 100000 people each", |dir| {
        for file in ["a.md", "b.md"] {
            write(dir, file, &school_with_people(100_000, file));
        }
    });
}

fn run(case: &str, make: impl FnOnce(&Path)) {
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(error) => {
            eprintln!("load_bench: cannot make a temporary folder: {error}");
            std::process::exit(2);
        }
    };
    make(dir.path());
    let options = SourceOptions {
        builtin: false,
        data_dir: None,
        schools: vec![dir.path().to_path_buf()],
    };
    let start = Instant::now();
    let inputs = match sources::discover(&options) {
        Ok(inputs) => inputs,
        Err(error) => {
            eprintln!("load_bench: {error}");
            std::process::exit(2);
        }
    };
    let loaded = sources::load(&inputs);
    let took: Duration = start.elapsed();
    let labs: usize = loaded.directory.schools.iter().map(|s| s.labs.len()).sum();
    println!(
        "{case}: {took:.2?} ({} people, {labs} labs, {} diagnostics)",
        loaded.directory.people.len(),
        loaded.diagnostics.len()
    );
}

fn write(dir: &Path, name: &str, text: &str) {
    if let Err(error) = fs::write(dir.join(name), text) {
        eprintln!("load_bench: cannot write {name}: {error}");
        std::process::exit(2);
    }
}

fn school_with_labs(labs: usize, variant: &str) -> String {
    let mut text = String::from("# Bench U - Labs\n## Faculty\n### Ada Lovelace\n## Labs\n");
    for i in 0..labs {
        let _ = writeln!(text, "- **Lab {i}**: https://lab{i}.example.org/{variant}");
    }
    text
}

fn person_with_fields(fields: usize, variant: &str) -> String {
    let mut text = String::from("# Bench U - Fields\n## Faculty\n### Ada Lovelace\n");
    for i in 0..fields {
        let _ = writeln!(text, "- **Key {i}**: {variant}");
    }
    text
}

fn person_again_and_again(times: usize) -> String {
    let mut text = String::from("# Bench U - Again\n## Faculty\n");
    for i in 0..times {
        let _ = writeln!(text, "### Ada Lovelace\n- **Key {i}**: value");
    }
    text
}

fn namesakes(people: usize) -> String {
    let mut text = String::from("# Bench U - Namesakes\n## Faculty\n");
    for i in 0..people {
        let _ = writeln!(
            text,
            "### Yu Zhang\n- **Website**: https://yu{i}.example.org/"
        );
    }
    text
}

fn school_with_people(people: usize, variant: &str) -> String {
    let mut text = String::from("# Bench U - People\n## Faculty\n");
    for i in 0..people {
        let _ = writeln!(
            text,
            "### Person {i}\n- **Title**: {variant}\n- **Research**: Topic {}, Topic {}",
            i % 97,
            i % 89
        );
    }
    text
}
