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

use profdex::app::{Action, App, Effect, update};
use profdex::favorites::Favorites;
use profdex::screenshot::render;
use profdex::sources::{self, SourceOptions};
use profdex::theme::Theme;
use profdex::worker::SearchResult;
use ratatui::layout::Rect;

fn main() {
    let folders: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if folders.is_empty() {
        eprintln!("usage: bench FOLDER...  (directory files to load)");
        std::process::exit(2);
    }
    let options = SourceOptions {
        builtin: true,
        data_dir: None,
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
    let people = loaded.directory.people.len();
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
        let mut typing = Figures::default();
        for c in query.chars() {
            typing.add(keystroke(&mut app, Action::FilterInput(c)));
        }
        let hits = app.search.hits().len();
        let mut deleting = Figures::default();
        for _ in query.chars() {
            deleting.add(keystroke(&mut app, Action::FilterBackspace));
        }
        println!(
            "typing {query:?} ({hits} hits): frame after a key worst {:.2?}; results shown mean {:.2?}, worst {:.2?}; backspace results worst {:.2?}",
            typing.worst_frame,
            typing.total / u32::try_from(query.chars().count()).unwrap_or(u32::MAX),
            typing.worst,
            deleting.worst,
        );
    }
}

#[derive(Default)]
struct Figures {
    total: Duration,
    worst: Duration,
    worst_frame: Duration,
}

impl Figures {
    fn add(&mut self, (frame, results): (Duration, Duration)) {
        self.total += results;
        self.worst = self.worst.max(results);
        self.worst_frame = self.worst_frame.max(frame);
    }
}

/// One key as the browser handles it: the frame drawn right after the key
/// (the filter line answers at once), then, when the list is long enough to
/// be searched in the background, the search and the frame showing its
/// results. Returns both times from the key press.
fn keystroke(app: &mut App, action: Action) -> (Duration, Duration) {
    let start = Instant::now();
    let effects = update(app, action);
    render(app);
    let frame = start.elapsed();
    let request = effects.into_iter().find_map(|effect| match effect {
        Effect::Search(request) => Some(request),
        _ => None,
    });
    if let Some(request) = request {
        let catalogue = &app.catalogue;
        let hits =
            catalogue
                .index()
                .search(catalogue.directory(), &request.query, &request.candidates);
        update(
            app,
            Action::Searched(SearchResult {
                generation: request.generation,
                query: request.query,
                hits,
            }),
        );
        render(app);
    }
    (frame, start.elapsed())
}

fn time(work: impl FnOnce()) -> Duration {
    let start = Instant::now();
    work();
    start.elapsed()
}
