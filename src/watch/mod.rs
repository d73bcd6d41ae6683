//! Noticing that the files behind a running browser changed: the data
//! files of every source, and the favorites file, which another profdex
//! may write.
//!
//! The folders are watched, not the files, so that an editor that saves by
//! writing a new file and renaming it over the old one is seen, and so are
//! files added and removed. Events come from the platform's file
//! notifications through the `notify` crate (inotify on Linux, `FSEvents` on
//! macOS, kqueue on the BSDs, `ReadDirectoryChangesW` on Windows); a burst of
//! them is acted on once it goes quiet (see `debounce`). Where
//! notifications cannot be set up (no inotify watches left, say), the
//! files' stamps are compared every second instead. Either way a thread of
//! its own does the looking, so the interface never waits for a disk.

mod debounce;
mod stamps;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use notify::event::{EventKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::favorites::{Favorites, Store};
use crate::sources::{self, SourceOptions};

pub use debounce::Debounce;
pub use stamps::{Look, Stamp};

/// How often the files are looked at when there are no notifications.
pub const POLL: Duration = Duration::from_secs(1);

/// The watching thread's name.
pub const THREAD_NAME: &str = "watch";

/// What to watch: the files these sources name, and the favorites.
#[derive(Debug, Clone)]
pub struct Watched {
    pub sources: SourceOptions,
    pub favorites: Store,
}

/// What changed since the last report.
#[derive(Debug, Default)]
pub struct Changes {
    /// A data file changed, came or went.
    pub data: bool,
    /// The favorites file changed, and what it holds now.
    pub favorites: Option<FavoritesRead>,
}

/// The favorites file as read after it changed.
#[derive(Debug)]
pub struct FavoritesRead {
    /// How many saves of this process had begun when it was read: an
    /// older read may predate the latest save, and is not to be shown.
    pub saves: u64,
    pub favorites: Result<Favorites, String>,
}

enum Signal {
    Event(notify::Result<notify::Event>),
    Stop,
}

pub struct Watcher {
    signals: Sender<Signal>,
    changes: Receiver<Changes>,
    saves: Arc<AtomicU64>,
    polling: Arc<AtomicBool>,
}

impl Watcher {
    /// Starts watching; with `poll`, or where notifications cannot be had,
    /// by looking every [`POLL`]. The files as they are now are the
    /// baseline: what changes after this call is reported.
    pub fn start(watched: Watched, poll: bool) -> Watcher {
        let (signals, incoming) = mpsc::channel();
        let (report, changes) = mpsc::channel();
        let notifier = if poll {
            None
        } else {
            let events = signals.clone();
            Notifier::new(move |event| {
                let _ = events.send(Signal::Event(event));
            })
        };
        let polling = Arc::new(AtomicBool::new(notifier.is_none()));
        let saves = Arc::new(AtomicU64::new(0));
        let mut looker = Looker {
            targets: Targets::new(&watched),
            look: Look::take(&watched.sources, watched.favorites.path()),
            watched,
            notifier,
            polling: Arc::clone(&polling),
            saves: Arc::clone(&saves),
        };
        looker.sync_watches();
        let started = thread::Builder::new()
            .name(THREAD_NAME.into())
            .spawn(move || looker.run(&incoming, &report));
        if started.is_err() {
            // Nothing will be reported; `Ctrl-r` still reloads.
            polling.store(true, Ordering::Relaxed);
        }
        Watcher {
            signals,
            changes,
            saves,
            polling,
        }
    }

    /// Everything that changed since the last call, if anything did.
    pub fn try_changes(&self) -> Option<Changes> {
        let mut merged: Option<Changes> = None;
        while let Ok(changes) = self.changes.try_recv() {
            let into = merged.get_or_insert_with(Changes::default);
            into.data |= changes.data;
            if changes.favorites.is_some() {
                into.favorites = changes.favorites;
            }
        }
        merged
    }

    /// Call before each save of the favorites, so that a read from before
    /// it is not taken for the file's news.
    pub fn saving(&self) -> u64 {
        self.saves.fetch_add(1, Ordering::SeqCst) + 1
    }

    /// How many saves have begun.
    pub fn saves(&self) -> u64 {
        self.saves.load(Ordering::SeqCst)
    }

    /// Whether changes are found by polling rather than notifications.
    pub fn polling(&self) -> bool {
        self.polling.load(Ordering::Relaxed)
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.signals.send(Signal::Stop);
    }
}

/// The notifications and the folders they watch, each with its inode, so
/// that a folder removed and made again is watched again.
struct Notifier {
    watcher: RecommendedWatcher,
    watching: HashMap<PathBuf, (u64, u64)>,
}

impl Notifier {
    fn new(handler: impl notify::EventHandler) -> Option<Notifier> {
        let watcher = notify::recommended_watcher(handler).ok()?;
        Some(Notifier {
            watcher,
            watching: HashMap::new(),
        })
    }

    /// Watches each of `folders` that exists and is not watched yet.
    fn sync(&mut self, folders: &[PathBuf]) -> notify::Result<()> {
        for folder in folders {
            let Some(now) = Stamp::of(folder).map(|stamp| stamp.identity()) else {
                continue;
            };
            match self.watching.get(folder) {
                Some(&watched) if watched == now => continue,
                Some(_) => {
                    let _ = self.watcher.unwatch(folder);
                }
                None => {}
            }
            match self.watcher.watch(folder, RecursiveMode::NonRecursive) {
                Ok(()) => {
                    self.watching.insert(folder.clone(), now);
                }
                // Gone since it was looked at: the next event says so.
                Err(error) if matches!(error.kind, notify::ErrorKind::PathNotFound) => {}
                Err(error) => return Err(error),
            }
        }
        Ok(())
    }
}

/// The paths that matter, to tell which events do.
struct Targets {
    favorites: PathBuf,
    /// `--schools` files.
    files: Vec<PathBuf>,
    /// Folders whose `*.md` files are read.
    folders: Vec<PathBuf>,
    /// Every folder to watch: the ones above, the folders of the files,
    /// and, for each that is not there yet, the nearest one above it that is.
    watch: Vec<PathBuf>,
}

impl Targets {
    fn new(watched: &Watched) -> Targets {
        let sources = &watched.sources;
        let favorites = watched.favorites.path().to_path_buf();
        let mut folders: Vec<PathBuf> = sources
            .data_dir
            .as_deref()
            .map(sources::schools_dir)
            .into_iter()
            .collect();
        let mut files = Vec::new();
        for path in &sources.schools {
            if sources::is_stdin(path) {
                continue;
            }
            if path.is_dir() {
                folders.push(path.clone());
            } else {
                files.push(path.clone());
            }
        }
        Targets {
            favorites,
            files,
            folders,
            watch: Vec::new(),
        }
    }

    /// The folders to watch as things are now.
    fn folders_to_watch(&mut self) -> &[PathBuf] {
        let mut watch: Vec<PathBuf> = Vec::new();
        let parents = self
            .files
            .iter()
            .chain([&self.favorites])
            .chain(&self.folders)
            .filter_map(|path| path.parent().map(Path::to_path_buf));
        for folder in self.folders.iter().cloned().chain(parents) {
            let present = folder
                .ancestors()
                .find(|dir| !dir.as_os_str().is_empty() && dir.is_dir())
                .map(Path::to_path_buf);
            if let Some(present) = present
                && !watch.contains(&present)
            {
                watch.push(present);
            }
        }
        self.watch = watch;
        &self.watch
    }

    /// What `event` may have changed: the data, the favorites, and whether
    /// surely (a file written, added, removed or renamed) or possibly (its
    /// mode or times changed, a folder on the way came or went), which a
    /// new look at the stamps decides.
    fn touched(&self, event: &notify::Event) -> Touched {
        let mut touched = Touched::default();
        if matches!(event.kind, EventKind::Access(_)) {
            return touched;
        }
        if event.need_rescan() {
            touched.possibly = true;
            return touched;
        }
        let sure = !matches!(event.kind, EventKind::Modify(ModifyKind::Metadata(_)));
        for path in &event.paths {
            let data_file = self.files.contains(path)
                || (is_markdown(path)
                    && path
                        .parent()
                        .is_some_and(|parent| self.folders.iter().any(|f| f == parent)));
            if *path == self.favorites {
                touched.favorites |= sure;
                touched.possibly |= !sure;
            } else if data_file {
                touched.data |= sure;
                touched.possibly |= !sure;
            } else if self.on_the_way(path) {
                touched.possibly = true;
            }
        }
        touched
    }

    /// Whether `path` is a source folder or one above a target.
    fn on_the_way(&self, path: &Path) -> bool {
        self.folders
            .iter()
            .chain(&self.files)
            .chain([&self.favorites])
            .any(|target| target.starts_with(path))
    }
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("md"))
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Touched {
    data: bool,
    favorites: bool,
    possibly: bool,
}

impl Touched {
    fn any(self) -> bool {
        self.data || self.favorites || self.possibly
    }

    fn add(&mut self, other: Touched) {
        self.data |= other.data;
        self.favorites |= other.favorites;
        self.possibly |= other.possibly;
    }
}

/// The watching thread's state.
struct Looker {
    watched: Watched,
    targets: Targets,
    notifier: Option<Notifier>,
    /// The files as last reported.
    look: Look,
    polling: Arc<AtomicBool>,
    saves: Arc<AtomicU64>,
}

impl Looker {
    fn run(mut self, incoming: &Receiver<Signal>, report: &Sender<Changes>) {
        let mut debounce = Debounce::default();
        let mut touched = Touched::default();
        let mut next_poll = None;
        loop {
            if self.notifier.is_none() {
                next_poll.get_or_insert_with(|| Instant::now() + POLL);
            }
            let wake = [debounce.due_at(), next_poll].into_iter().flatten().min();
            let signal = match wake {
                Some(at) => incoming.recv_timeout(at.saturating_duration_since(Instant::now())),
                None => incoming.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            match signal {
                Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Ok(Signal::Event(Ok(event))) => {
                    let now = self.targets.touched(&event);
                    if now.any() {
                        touched.add(now);
                        debounce.note(Instant::now());
                    }
                }
                // Events were lost (a queue overflowed): look again.
                Ok(Signal::Event(Err(_))) => {
                    touched.possibly = true;
                    debounce.note(Instant::now());
                }
                Err(RecvTimeoutError::Timeout) => {}
            }
            let now = Instant::now();
            let polled = next_poll.is_some_and(|at| now >= at);
            if polled {
                next_poll = None;
            }
            if !debounce.take_due(now) && !polled {
                continue;
            }
            self.sync_watches();
            let changes = self.look_again(std::mem::take(&mut touched));
            if (changes.data || changes.favorites.is_some()) && report.send(changes).is_err() {
                return;
            }
        }
    }

    /// Watches the folders there are now; where that fails, polls instead.
    fn sync_watches(&mut self) {
        let Some(notifier) = &mut self.notifier else {
            return;
        };
        if notifier.sync(self.targets.folders_to_watch()).is_err() {
            self.notifier = None;
            self.polling.store(true, Ordering::Relaxed);
        }
    }

    /// What changed, by the events and by a new look at the files.
    fn look_again(&mut self, touched: Touched) -> Changes {
        let look = Look::take(&self.watched.sources, self.watched.favorites.path());
        let data = touched.data || look.data != self.look.data;
        let favorites = touched.favorites || look.favorites != self.look.favorites;
        let exists = look.favorites.is_some();
        self.look = look;
        let favorites = favorites.then(|| {
            let saves = self.saves.load(Ordering::SeqCst);
            // Read under the lock, as a save reads it; a file that is not
            // there holds no favorites, and reading it makes no lock file.
            let favorites = if exists {
                self.watched
                    .favorites
                    .update(|_| ())
                    .map(|(favorites, ())| favorites)
                    .map_err(|error| error.to_string())
            } else {
                Ok(Favorites::default())
            };
            FavoritesRead { saves, favorites }
        });
        Changes { data, favorites }
    }
}

#[cfg(test)]
mod tests;
