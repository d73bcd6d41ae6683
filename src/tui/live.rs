//! Keeping a running browser's data live: the watcher says which files
//! changed, data files are read again in the background, and the favorites
//! file is read again when another process wrote it.

use std::sync::Arc;
use std::time::Duration;

use super::reload::{Baseline, Reloader};
use crate::app::{Action, Reloaded};
use crate::watch::Watcher;

/// How often the event loop looks for news from the watcher while it
/// waits for keys: often enough that a change shows well within a second.
pub const POLL: Duration = Duration::from_millis(50);

pub struct Live {
    /// `None` where the files are not watched: `Ctrl-r` still reloads.
    watcher: Option<Watcher>,
    reloader: Reloader,
    /// What the data on screen was read from.
    baseline: Arc<Baseline>,
}

/// News for the event loop.
pub enum News {
    /// The data read again, to be swapped in.
    Reloaded(Reloaded),
    /// Anything else to hand to `update`.
    Action(Action),
}

impl Live {
    pub fn new(watcher: Option<Watcher>, reloader: Reloader, baseline: Baseline) -> Live {
        Live {
            watcher,
            reloader,
            baseline: Arc::new(baseline),
        }
    }

    /// Reads the data again; `by_hand` for `Ctrl-r`, which is answered
    /// even when nothing changed.
    pub fn reload(&mut self, by_hand: bool) {
        self.reloader.request(by_hand, Arc::clone(&self.baseline));
    }

    /// Call before saving the favorites.
    pub fn saving(&self) {
        if let Some(watcher) = &self.watcher {
            watcher.saving();
        }
    }

    pub fn busy(&self) -> bool {
        self.reloader.busy()
    }

    /// A reload that finished, or a change the watcher saw.
    pub fn news(&mut self) -> Option<News> {
        match self.reloader.try_result() {
            Some(Ok((reloaded, baseline))) => {
                self.baseline = Arc::new(baseline);
                return Some(News::Reloaded(reloaded));
            }
            Some(Err(error)) => {
                return Some(News::Action(Action::Notice {
                    text: error,
                    is_error: true,
                }));
            }
            None => {}
        }
        let changes = self.watcher.as_ref()?.try_changes()?;
        if changes.data {
            self.reload(false);
        }
        let read = changes.favorites?;
        // Read before a save of this browser began: the save's own answer
        // is newer, and what the file holds since is read again anyway.
        let saves = self.watcher.as_ref().map_or(0, Watcher::saves);
        (read.saves == saves).then_some(News::Action(Action::FavoritesChanged(read.favorites)))
    }
}
