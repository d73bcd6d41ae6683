//! How fast profdex is on a large directory, in figures:
//!
//! ```sh
//! cargo run --release --example bench -- /tmp/csrankings
//! ```
//!
//! Loads every `*.md` under the given folders, then times the work behind
//! each keystroke of typing a few queries into the browser's filter (search
//! plus drawing a 160x48 frame), the way the browser does it: per query,
//! then over all keystrokes of the five queries, the mean and worst time
//! until the results are shown, and until a first screenful is (the
//! background search's early hits, when it takes long enough to send them).
//! Last, choosing the most common research topic: its filter text
//! `topic:"…"` written at once, as the topics pane writes it, and the
//! search alone, by the topics the index has and by reading text.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use profdex::app::{Action, App, Effect, update};
use profdex::favorites::Favorites;
use profdex::query::topic_term;
use profdex::screenshot::render;
use profdex::search::{Index, Query};
use profdex::sources::{self, SourceOptions};
use profdex::theme::Theme;
use profdex::topics::Topic;
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

    // Each move finds the newly selected person's related people.
    let moves = 200u32;
    let mut worst = Duration::ZERO;
    let total = time(|| {
        for _ in 0..moves {
            let one = time(|| {
                update(&mut app, Action::Down);
            });
            worst = worst.max(one);
        }
    });
    println!(
        "moving down the list ({moves} moves, related people found for each): mean {:.2?}, worst {worst:.2?}",
        total / moves
    );
    update(&mut app, Action::Top);

    let mut all = Figures::default();
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
            let figures = keystroke(&mut app, Action::FilterInput(c));
            typing.add(figures);
            all.add(figures);
        }
        let hits = app.search.hits().len();
        let mut deleting = Figures::default();
        for _ in query.chars() {
            deleting.add(keystroke(&mut app, Action::FilterBackspace));
        }
        println!(
            "typing {query:?} ({hits} hits): frame after a key worst {:.2?}; results shown mean {:.2?}, worst {:.2?}; backspace results worst {:.2?}",
            typing.worst_frame,
            typing.mean(),
            typing.worst,
            deleting.worst,
        );
    }
    println!(
        "per keystroke over the five queries ({} keys): results shown mean {:.2?}, worst {:.2?}; first screenful mean {:.2?}, worst {:.2?}",
        all.keys,
        all.mean(),
        all.worst,
        all.first_total / all.keys.max(1),
        all.worst_first,
    );
    choosing_a_topic(&mut app);
}

/// A topic chosen (the most common, and machine learning): the filter
/// written whole, then the search alone with the topics attached (as the
/// browser and `search` run it) and without them (text read under the
/// built-in synonyms).
fn choosing_a_topic(app: &mut App) {
    let topics = app.catalogue.topics();
    let mut chosen: Vec<Topic> = topics.all().first().cloned().into_iter().collect();
    if let Some(ml) = topics
        .find("machine learning")
        .map(|id| topics.get(id).clone())
        && !chosen.contains(&ml)
    {
        chosen.push(ml);
    }
    let directory = std::sync::Arc::clone(app.catalogue.directory());
    let everyone = app.catalogue.everyone().to_vec();
    let attached = std::sync::Arc::clone(app.catalogue.index());
    let plain = Index::build(&directory);
    for topic in chosen {
        let text = topic_term(&topic.label);
        update(app, Action::Cancel);
        update(app, Action::ClearFilter);
        update(app, Action::StartFilter);
        let key = keystroke(app, Action::FilterPaste(text.clone()));
        println!(
            "choosing the topic {text} ({} people; {} hits): results shown {:.2?}, first screenful {:.2?}",
            topic.count,
            app.search.hits().len(),
            key.results,
            key.first,
        );
        let query = Query::new(&text);
        let runs = 20u32;
        let (mean, worst) = repeated(runs, || {
            attached.search(&directory, &query, &everyone).len()
        });
        println!("  search by topic ids, {runs} runs: mean {mean:.2?}, worst {worst:.2?}");
        let (mean, worst) = repeated(3, || plain.search(&directory, &query, &everyone).len());
        println!(
            "  search reading text (no topics attached), 3 runs: mean {mean:.2?}, worst {worst:.2?}"
        );
    }
}

/// The mean and worst time of `runs` calls of `work`.
fn repeated(runs: u32, mut work: impl FnMut() -> usize) -> (Duration, Duration) {
    let mut worst = Duration::ZERO;
    let total = time(|| {
        for _ in 0..runs {
            let one = time(|| {
                std::hint::black_box(work());
            });
            worst = worst.max(one);
        }
    });
    (total / runs, worst)
}

#[derive(Default)]
struct Figures {
    keys: u32,
    total: Duration,
    worst: Duration,
    worst_frame: Duration,
    first_total: Duration,
    worst_first: Duration,
}

/// Times from a key press: the frame after it, a first screenful of
/// results, all results.
#[derive(Clone, Copy)]
struct Key {
    frame: Duration,
    first: Duration,
    results: Duration,
}

impl Figures {
    fn add(&mut self, key: Key) {
        self.keys += 1;
        self.total += key.results;
        self.worst = self.worst.max(key.results);
        self.worst_frame = self.worst_frame.max(key.frame);
        self.first_total += key.first;
        self.worst_first = self.worst_first.max(key.first);
    }

    fn mean(&self) -> Duration {
        self.total / self.keys.max(1)
    }
}

/// One key as the browser handles it: the frame drawn right after the key
/// (the filter line answers at once), then, when the search runs in the
/// background, its early hits if it sends any (shown and drawn as the
/// browser would, though here on the same thread, so they count in the
/// total), the rest of the search and the frame showing all results.
fn keystroke(app: &mut App, action: Action) -> Key {
    let start = Instant::now();
    let effects = update(app, action);
    render(app);
    let frame = start.elapsed();
    let request = effects.into_iter().find_map(|effect| match effect {
        Effect::Search(request) => Some(request),
        _ => None,
    });
    let mut first = None;
    if let Some(request) = request {
        let index = std::sync::Arc::clone(app.catalogue.index());
        let mut early_hits = None;
        let hits = index
            .search_streaming(&request.query, &request.candidates, &|| true, &mut |hits| {
                early_hits = Some((hits, start.elapsed()));
            })
            .unwrap_or_default();
        if let Some((hits, found)) = early_hits {
            let drawing = Instant::now();
            update(
                app,
                Action::SearchProgress(SearchResult {
                    generation: request.generation,
                    query: request.query.clone(),
                    hits,
                }),
            );
            render(app);
            first = Some(found + drawing.elapsed());
        }
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
    let results = start.elapsed();
    Key {
        frame,
        first: first.unwrap_or(results),
        results,
    }
}

fn time(work: impl FnOnce()) -> Duration {
    let start = Instant::now();
    work();
    start.elapsed()
}
