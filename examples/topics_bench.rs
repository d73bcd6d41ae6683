//! How long understanding a directory takes, in figures:
//!
//! ```sh
//! cargo run --release --example topics_bench -- DIR...
//! ```
//!
//! Loads every `*.md` under the given folders, then times building the
//! topic catalogue and the related-people index (done once, on first use),
//! and finding the people related to each of a spread of people (done for
//! every person the user selects).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use profdex::sources::{self, SourceOptions};
use profdex::topics::related::Features;
use profdex::topics::{Synonyms, Topics};

fn main() {
    let folders: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if folders.is_empty() {
        eprintln!("usage: topics_bench FOLDER...  (directory files to load)");
        std::process::exit(2);
    }
    let options = SourceOptions {
        builtin: true,
        data_dir: None,
        schools: folders,
    };
    let inputs = match sources::discover(&options) {
        Ok(inputs) => inputs,
        Err(error) => {
            eprintln!("topics_bench: {error}");
            std::process::exit(2);
        }
    };
    let directory = sources::load(&inputs).directory;
    let people = directory.people.len();
    let synonyms = Synonyms::builtin();
    let start = Instant::now();
    let topics = Topics::build(&directory, &synonyms);
    let catalogue = start.elapsed();
    let start = Instant::now();
    let features = Features::build(&topics);
    let index = start.elapsed();
    println!(
        "{people} people, {} topics: catalogue {catalogue:.1?}, related index {index:.1?}",
        topics.all().len()
    );
    let step = (people / 200).max(1);
    let mut times: Vec<Duration> = (0..people)
        .step_by(step)
        .map(|person| {
            let start = Instant::now();
            let found = features.related(&topics, person, 5);
            std::hint::black_box(found);
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    if let (Some(median), Some(worst)) = (times.get(times.len() / 2), times.last()) {
        println!(
            "related people for {} people: median {median:.1?}, worst {worst:.1?}",
            times.len()
        );
    }
}
