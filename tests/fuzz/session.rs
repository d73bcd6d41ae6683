//! One case, start to finish, as the browser runs it: files written to
//! disk, loaded and merged by `sources::load`, an `App`, then user events
//! turned into actions by the key table, effects carried out by a fake
//! host (searches answered by the real index, saves and launches that
//! succeed or fail), and a frame drawn after the events like the event
//! loop does, each one checked.

use std::collections::{BTreeSet, VecDeque};
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use profdex::app::{Action, App, Effect, update};
use profdex::favorites::{FavoriteKey, Favorites};
use profdex::keys;
use profdex::model::Directory;
use profdex::sources::{self, Input};
use profdex::theme::Theme;
use profdex::worker::{SearchRequest, SearchResult};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use crate::docs::{self, Cast, Document, Limits};
use crate::events;
use crate::rng::{Rng, mix};
use crate::text;
use crate::{census, checks, live};

/// How a case runs, beyond its seed.
pub struct Options<'a> {
    /// Where the case writes its files.
    pub scratch: &'a Path,
    /// At most this many user events.
    pub max_events: usize,
    /// Print every event and action.
    pub trace: bool,
    /// Record which actions happened.
    pub census: bool,
    /// How large the case may grow.
    pub limits: Limits,
}

/// What a case did.
#[derive(Debug, Default)]
pub struct Outcome {
    pub events: u64,
    pub actions: u64,
    pub frames: u64,
    pub people: usize,
    /// A digest of the last frame, to tell that a replay went the same way.
    pub last_frame: u64,
    /// Time spent loading (writing, reading, parsing, merging, `App::new`)
    /// and drawing; the rest is `update` and the fake host.
    pub loading: Duration,
    pub drawing: Duration,
    /// The longest one event (with its effects) or one frame took.
    pub slowest: Duration,
    /// The actions that happened, by name, when `Options::census` is set.
    pub census: BTreeSet<&'static str>,
}

/// The names and documents of case `seed`: its first stream, so that
/// they do not depend on how the case goes on.
pub fn generate(seed: u64, limits: Limits) -> (Cast, Vec<Document>) {
    let mut rng = Rng::new(mix(seed, 1));
    let cast = Cast::new(&mut rng, limits);
    let documents = (0..rng.range(1, 3))
        .map(|_| docs::document(&mut rng, &cast))
        .collect();
    (cast, documents)
}

/// Runs the case `seed`. `Err` is a broken invariant; a panic propagates.
pub fn run(seed: u64, options: &Options) -> Result<Outcome, String> {
    let (cast, documents) = generate(seed, options.limits);
    let started = Instant::now();
    let mut rng = Rng::new(mix(seed, 2));
    let inputs = write_inputs(&mut rng, options.scratch, &documents);
    let loaded = sources::load(&inputs);
    let directory = loaded.directory;
    let outcome = Outcome {
        people: directory.people.len(),
        ..Outcome::default()
    };

    let favorites = favorites(&mut rng, &directory, &cast);
    let (width, height) = events::size(&mut rng);
    let theme = if rng.percent(70) {
        Theme::colored()
    } else {
        Theme::monochrome()
    };
    let mut runner = Runner {
        app: App::new(
            directory,
            favorites.clone(),
            theme,
            Rect::new(0, 0, width, height),
        ),
        disk: favorites,
        searches: match rng.below(20) {
            0..=11 => Searches::AtOnce,
            12..=18 => Searches::Later(VecDeque::new()),
            _ => Searches::Failing,
        },
        rng: rng.fork(),
        inputs,
        scratch: options.scratch.to_path_buf(),
        reload_asked: false,
        trace: options.trace,
        census: options.census,
        outcome,
    };
    runner.outcome.loading = started.elapsed();
    let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    if !loaded.diagnostics.is_empty() {
        // What loading found reaches the status line as the runner says it.
        let text = format!("{} diagnostics ({errors} errors)", loaded.diagnostics.len());
        runner.dispatch(Action::Notice {
            text,
            is_error: errors > 0,
        });
    }
    if rng.percent(30) {
        // Where a last run left off, which may not fit this data.
        let place = live::place(&mut rng, &runner.app, &cast);
        runner.dispatch(place);
    }
    runner.frame()?;
    let count = rng.range(1, options.max_events.max(1));
    for _ in 0..count {
        runner.finish_a_search();
        runner.files_change(&cast);
        let burst = events::next(&mut rng, &runner.app, &cast);
        for event in &burst {
            runner.timed(|runner| runner.event(event, false));
            checks::state(&runner.app)?;
        }
        // Events that arrive together are applied before the next frame.
        if !rng.one_in(5) {
            runner.frame()?;
        }
    }
    let buffer = runner.frame()?;
    runner.outcome.last_frame = digest(&buffer);
    if rng.percent(40) {
        // Ctrl-c quits in every mode.
        let quit = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        runner.event(&Event::Key(quit), true);
        if !runner.app.screen.should_quit() {
            return Err("Ctrl-c did not quit: in every mode it should".into());
        }
    }
    let _ = fs::remove_dir_all(options.scratch.join("case"));
    Ok(runner.outcome)
}

/// The favorites a case starts with: people of the data, names of the
/// cast and odd text, some with a status, a note of several lines and a
/// date, as the shortlist keeps them, and odd text in each.
fn favorites(rng: &mut Rng, directory: &Directory, cast: &Cast) -> Favorites {
    let mut favorites = Favorites::default();
    for _ in 0..rng.size(8) {
        let key = match rng.below(3) {
            0 if !directory.people.is_empty() => {
                let person = &directory.people[rng.below(directory.people.len())];
                FavoriteKey::of(directory, person)
            }
            0 | 1 => FavoriteKey {
                school: rng.pick(&cast.schools).clone(),
                name: rng.pick(&cast.people).clone(),
                website: None,
            },
            _ => FavoriteKey {
                school: text::text(rng, 3),
                name: text::text(rng, 3),
                website: None,
            },
        };
        let day = match rng.below(3) {
            0 => None,
            1 => Some("2025-03-01".to_string()),
            _ => Some(text::text(rng, 2)),
        };
        let status = match rng.below(4) {
            0 => None,
            1 => Some(text::text(rng, 3)),
            _ => Some((*rng.pick(&profdex::favorites::STATUSES)).to_string()),
        };
        let note = rng
            .percent(40)
            .then(|| format!("{}\n{}", text::text(rng, 10), text::text(rng, 40)));
        favorites.edit(&key, day.as_deref(), |details| {
            details.status = status;
            details.note = note;
        });
    }
    favorites
}

/// Writes each document into a folder of its own (names may repeat) and
/// lists the inputs: now and then the built-in schools before them, a
/// folder that cannot be listed, or a path that is no file.
fn write_inputs(rng: &mut Rng, scratch: &Path, documents: &[Document]) -> Vec<Input> {
    let case = scratch.join("case");
    let _ = fs::remove_dir_all(&case);
    let mut inputs = Vec::new();
    if rng.one_in(4) {
        inputs.extend(
            sources::BUILTIN
                .iter()
                .map(|&(name, text)| Input::Builtin { name, text }),
        );
    }
    for (i, document) in documents.iter().enumerate() {
        let folder = case.join(i.to_string());
        fs::create_dir_all(&folder).expect("a folder for the case");
        let path = folder.join(&document.name);
        fs::write(&path, &document.bytes).expect("write a document");
        inputs.push(Input::File(path));
    }
    if rng.one_in(30) {
        inputs.push(Input::Unlistable {
            path: case.join("unlistable"),
            reason: text::text(rng, 4),
        });
    }
    if rng.one_in(30) {
        let odd: PathBuf = if rng.percent(50) {
            case.clone()
        } else {
            case.join("missing.md")
        };
        inputs.push(Input::File(odd));
    }
    inputs
}

/// How the fake host answers a background search.
enum Searches {
    /// Synchronously, as soon as it is asked.
    AtOnce,
    /// Later, between events, the newest request first as the worker does;
    /// a cancelled one answered with nothing or in full.
    Later(VecDeque<(SearchRequest, bool)>),
    /// The worker is gone: every request fails.
    Failing,
}

struct Runner {
    app: App,
    /// The favorites file as the fake disk holds it.
    disk: Favorites,
    searches: Searches,
    rng: Rng,
    /// The case's files, for reloads to read again.
    inputs: Vec<Input>,
    scratch: PathBuf,
    /// `Ctrl-r` asked for a reload, answered between events.
    reload_asked: bool,
    trace: bool,
    census: bool,
    outcome: Outcome,
}

impl Runner {
    /// Applies what `event` stands for. Quitting would end the case, so
    /// it happens only at the end, unless `may_quit`.
    fn event(&mut self, event: &Event, may_quit: bool) {
        self.outcome.events += 1;
        let Some(action) = keys::action_for_event(self.app.screen.mode(), event) else {
            return;
        };
        if action == Action::Quit && !may_quit {
            return;
        }
        if self.trace {
            println!("event {}", short(&format!("{event:?}")));
        }
        self.dispatch(action);
    }

    /// Runs `work`, keeping the longest it took.
    fn timed<T>(&mut self, work: impl FnOnce(&mut Runner) -> T) -> T {
        let started = Instant::now();
        let result = work(self);
        let took = started.elapsed();
        if self.trace && took > Duration::from_millis(100) {
            println!("slow: {took:.2?} for the step above");
        }
        self.outcome.slowest = self.outcome.slowest.max(took);
        result
    }

    /// As the event loop does: effects in order, what they report in turn.
    fn dispatch(&mut self, action: Action) {
        let mut actions = VecDeque::from([action]);
        while let Some(action) = actions.pop_front() {
            self.outcome.actions += 1;
            if self.census {
                self.outcome.census.insert(census::name(&action));
            }
            if self.trace {
                println!("  action {}", short(&format!("{action:?}")));
            }
            for effect in update(&mut self.app, action) {
                if self.trace {
                    println!("    effect {}", short(&format!("{effect:?}")));
                }
                actions.extend(self.perform(effect));
            }
        }
    }

    fn perform(&mut self, effect: Effect) -> Option<Action> {
        let rng = &mut self.rng;
        Some(match effect {
            Effect::Open(url) if rng.percent(80) => Action::Opened(Ok(url)),
            Effect::Open(url) => {
                Action::Opened(Err(format!("cannot open {url}: {}", text::text(rng, 3))))
            }
            Effect::SaveFavorite(..) if rng.one_in(4) => {
                Action::Saved(Err(format!("{}: No space left", text::text(rng, 2))))
            }
            Effect::SaveFavorite(key, add) => {
                if add {
                    self.disk.add(key);
                } else {
                    self.disk.remove(&key);
                }
                if rng.one_in(5) {
                    // Another profdex changed the file meanwhile.
                    self.disk.add(FavoriteKey {
                        school: text::words(rng, 2),
                        name: text::words(rng, 2),
                        website: None,
                    });
                }
                Action::Saved(Ok(self.disk.clone()))
            }
            Effect::EditFavorite(..) if rng.one_in(4) => {
                Action::Saved(Err(format!("{}: No space left", text::text(rng, 2))))
            }
            Effect::EditFavorite(edit) => {
                edit.apply(&mut self.disk, "2025-03-01");
                Action::Saved(Ok(self.disk.clone()))
            }
            // The editor leaves a note of any text, or fails.
            Effect::EditNote { key, note } => Action::Edited {
                key,
                result: match rng.below(4) {
                    0 => Err(format!("The editor failed: {}", text::text(rng, 2))),
                    1 => Ok(note),
                    _ => Ok(text::text(rng, 30)),
                },
            },
            Effect::OpenMail(address) if rng.percent(80) => {
                Action::Opened(Ok(format!("mailto:{address}")))
            }
            Effect::OpenMail(address) => Action::Opened(Err(format!("cannot open {address}"))),
            Effect::Copy(text) if rng.percent(90) => Action::Copied(text),
            Effect::Copy(_) => Action::Opened(Err("Cannot copy: broken pipe".into())),
            Effect::Search(request) => match &mut self.searches {
                Searches::AtOnce => Action::Searched(answer(&self.app, request)),
                Searches::Later(waiting) => {
                    waiting.push_back((request, false));
                    return None;
                }
                Searches::Failing => Action::SearchFailed("the search stopped".into()),
            },
            Effect::CancelSearch => {
                if let Searches::Later(waiting) = &mut self.searches {
                    for (_, cancelled) in waiting {
                        *cancelled = true;
                    }
                }
                return None;
            }
            // The time is up at once, or never comes (the case ends first).
            Effect::ExpireStatus { seq, .. } if rng.percent(50) => Action::StatusExpired(seq),
            Effect::ExpireStatus { .. } => return None,
            // Suspending stops the process; on return the screen is redrawn.
            Effect::Suspend => return None,
            Effect::Reload => {
                self.reload_asked = true;
                return None;
            }
            Effect::CheckLinks(urls) => {
                let checked = urls
                    .into_iter()
                    .map(|url| (url, live::outcome(rng)))
                    .collect();
                Action::LinksChecked(checked)
            }
        })
    }

    /// Between events, the files may have changed under the browser, or
    /// the reload asked for may be done.
    fn files_change(&mut self, cast: &Cast) {
        if std::mem::take(&mut self.reload_asked) || self.rng.one_in(40) {
            let reloaded =
                live::reloaded(&mut self.rng, &self.app, &self.inputs, cast, &self.scratch);
            // The runner searches the new index with a new worker: what
            // was asked of the old one is never answered.
            if let Searches::Later(waiting) = &mut self.searches {
                waiting.clear();
            }
            self.dispatch(reloaded);
        }
        if self.rng.one_in(40) {
            let changed = live::favorites_changed(&mut self.rng, &self.app, cast);
            self.dispatch(changed);
        }
        if self.rng.one_in(200) {
            let place = live::place(&mut self.rng, &self.app, cast);
            self.dispatch(place);
        }
        if self.rng.one_in(60) {
            let known = live::links_known(&mut self.rng, &self.app);
            self.dispatch(known);
        }
    }

    /// Between events, the background search may have answered.
    fn finish_a_search(&mut self) {
        let Searches::Later(waiting) = &mut self.searches else {
            return;
        };
        if waiting.is_empty() || self.rng.percent(40) {
            return;
        }
        // Only the newest waiting request is worked on.
        let skip = self.rng.below(waiting.len());
        let Some((request, cancelled)) = waiting.drain(..=skip).next_back() else {
            return;
        };
        let result = if cancelled && self.rng.percent(50) {
            SearchResult {
                generation: request.generation,
                query: request.query,
                hits: Vec::new(),
            }
        } else {
            answer(&self.app, request)
        };
        self.dispatch(Action::Searched(result));
    }

    /// Draws a frame as the event loop does, checks it, and hands back
    /// what it measured.
    fn frame(&mut self) -> Result<Buffer, String> {
        let area = self.app.screen.area();
        let mut buffer = Buffer::empty(Rect::new(0, 0, area.width, area.height));
        let started = Instant::now();
        let drawn = self.timed(|runner| profdex::ui::draw(&runner.app, buffer.area, &mut buffer));
        self.outcome.drawing += started.elapsed();
        self.outcome.frames += 1;
        checks::frame(&buffer)?;
        checks::cursor(&self.app, &buffer)?;
        self.dispatch(Action::Drawn(drawn));
        checks::state(&self.app)?;
        Ok(buffer)
    }
}

fn answer(app: &App, request: SearchRequest) -> SearchResult {
    let catalogue = &app.catalogue;
    let hits = catalogue
        .index()
        .search(catalogue.directory(), &request.query, &request.candidates);
    SearchResult {
        generation: request.generation,
        query: request.query,
        hits,
    }
}

fn digest(buffer: &Buffer) -> u64 {
    let mut hasher = DefaultHasher::new();
    for cell in &buffer.content {
        cell.symbol().hash(&mut hasher);
    }
    hasher.finish()
}

/// A trace line of bounded length.
fn short(text: &str) -> String {
    const MAX: usize = 300;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX).collect();
    format!("{cut}… ({} bytes)", text.len())
}
