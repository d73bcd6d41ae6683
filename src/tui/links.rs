//! The browser's link checks, off the event loop: the store read when
//! the browser starts, and each `L` checked on a thread of its own, its
//! results kept in the store and reported as an action.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crate::app::Action;
use crate::links::{Client, Limits, Store, Stored, check_all};

pub const THREAD_NAME: &str = "profdex-links";

pub struct Checks {
    sender: Sender<Action>,
    receiver: Receiver<Action>,
    /// Threads started whose answer has not come yet.
    pending: usize,
}

impl Checks {
    /// Starts reading the store in the background.
    pub fn start() -> Checks {
        let (sender, receiver) = mpsc::channel();
        let mut checks = Checks {
            sender,
            receiver,
            pending: 0,
        };
        checks.spawn(|| {
            let stored = Store::in_cache_dir()
                .and_then(|store| store.load().ok())
                .unwrap_or_default();
            Action::LinksKnown(stored)
        });
        checks
    }

    pub fn check(&mut self, urls: Vec<String>) {
        self.spawn(move || {
            let client = Client::new(Limits::default());
            let outcomes = check_all(&client, &urls, &|_| {});
            let fresh: Stored = urls.iter().cloned().zip(outcomes.iter().cloned()).collect();
            // A store that cannot be written loses only the memory of it.
            if let Some(store) = Store::in_cache_dir() {
                let _ = store.save(&fresh);
            }
            Action::LinksChecked(urls.into_iter().zip(outcomes).collect())
        });
    }

    fn spawn(&mut self, work: impl FnOnce() -> Action + Send + 'static) {
        let sender = self.sender.clone();
        let started = thread::Builder::new()
            .name(THREAD_NAME.into())
            .spawn(move || {
                let _ = sender.send(work());
            });
        if started.is_ok() {
            self.pending += 1;
        }
    }

    pub fn news(&mut self) -> Option<Action> {
        let action = self.receiver.try_recv().ok()?;
        self.pending = self.pending.saturating_sub(1);
        Some(action)
    }

    pub fn busy(&self) -> bool {
        self.pending > 0
    }
}
