//! How fast profdex is on a large directory, in figures:
//!
//! ```sh
//! cargo run --release --example bench -- /tmp/csrankings
//! ```
//!
//! Loads every `*.md` under the given folders, then times the work behind
//! each keystroke of typing a few queries into the browser's filter (search
//! plus drawing a 160x48 frame), the way the browser does it.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use profdex::app::{Action, App, update};
use profdex::favorites::Favorites;
use profdex::screenshot::render;
use profdex::sources::{self, SourceOptions};
use profdex::ui::Theme;
use ratatui::layout::Rect;

fn main() {
    let folders: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if folders.is_empty() {
        eprintln!("usage: bench FOLDER...  (directory files to load)");
        std::process::exit(2);
    }
    let options = SourceOptions {
        builtin: true,
        data_dir: PathBuf::from("/nonexistent"),
        schools: folders,
    };
    let start = Instant::now();
    let inputs = match sources::discover(&options) {
        Ok(inputs) => inputs,
        Err(error) => {
            eprintln!("bench: {error}");
            std::process::exit(2);
        }
    };
    let loaded = sources::load(&inputs);
    let load = start.elapsed();
    let people = loaded.directory.faculty.len();
    let start = Instant::now();
    let mut app = App::new(
        loaded.directory,
        Favorites::default(),
        Theme::colored(),
        Rect::new(0, 0, 160, 48),
    );
    let index = start.elapsed();
    println!(
        "loaded {} files, {people} people, {} diagnostics in {load:.2?}; index and first list in {index:.2?}",
        inputs.len(),
        loaded.diagnostics.len()
    );
    let frame = time(|| {
        render(&app);
    });
    println!("one 160x48 frame: {frame:.2?}");

    for query in [
        "wang",
        "machine learning",
        "zhang wei",
        "stanford robotics",
        "xqzj",
    ] {
        update(&mut app, Action::Cancel);
        update(&mut app, Action::StartFilter);
        let mut worst = Duration::ZERO;
        let mut total = Duration::ZERO;
        for c in query.chars() {
            let took = time(|| {
                update(&mut app, Action::FilterInput(c));
                render(&app);
            });
            worst = worst.max(took);
            total += took;
        }
        let hits = app.hits.len();
        let mut widen = Duration::ZERO;
        for _ in query.chars() {
            widen = widen.max(time(|| {
                update(&mut app, Action::FilterBackspace);
                render(&app);
            }));
        }
        println!(
            "typing {query:?}: {hits} hits at the end; per keystroke mean {:.2?}, worst {worst:.2?}; worst backspace {widen:.2?}",
            total / query.chars().count() as u32,
        );
    }
}

fn time(work: impl FnOnce()) -> Duration {
    let start = Instant::now();
    work();
    start.elapsed()
}
