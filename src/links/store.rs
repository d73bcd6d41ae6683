//! What the checks found, kept in the cache directory: one JSON file of
//! URL → outcome. Written atomically, under a lock, after reading again
//! what is there: two runs at once each add what they found, and the
//! newer check of a URL wins.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Outcome;
use crate::atomic;

const FILE: &str = "links.json";
const LOCK: &str = "links.lock";
const SCHEMA: u32 = 1;

/// Every URL's last check.
pub type Stored = BTreeMap<String, Outcome>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{} is not a link store this profdex can read ({why}); it will be replaced", path.display())]
    Damaged { path: PathBuf, why: String },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
}

#[derive(Serialize, Deserialize)]
struct Contents {
    schema: u32,
    links: Stored,
}

#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    /// `$PROFDEX_CACHE_DIR` when set and not empty, else the platform's
    /// cache directory; the parse cache's `--no-cache` does not touch it.
    pub fn in_cache_dir() -> Option<Store> {
        std::env::var_os("PROFDEX_CACHE_DIR")
            .filter(|dir| !dir.is_empty())
            .map(PathBuf::from)
            .or_else(crate::cache::default_dir)
            .map(Store::new)
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE)
    }

    /// What is stored; nothing when there is no file yet.
    pub fn load(&self) -> Result<Stored, StoreError> {
        read(&self.path())
    }

    /// Adds `fresh` to what is stored, a URL's newer check winning, and
    /// returns the whole.
    pub fn save(&self, fresh: &Stored) -> Result<Stored, StoreError> {
        let path = self.path();
        let write_error = |source| StoreError::Write {
            path: path.clone(),
            source,
        };
        fs::create_dir_all(&self.dir).map_err(write_error)?;
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join(LOCK))
            .map_err(write_error)?;
        // Held until the new file is in place; released when `lock` closes.
        lock.lock().map_err(write_error)?;
        let mut all = match read(&path) {
            Ok(all) => all,
            // A damaged store is a cache: replaced, not a reason to stop.
            Err(StoreError::Damaged { .. }) => Stored::new(),
            Err(error) => return Err(error),
        };
        for (url, outcome) in fresh {
            let newer = all
                .get(url)
                .is_none_or(|old| old.checked_at <= outcome.checked_at);
            if newer {
                all.insert(url.clone(), outcome.clone());
            }
        }
        let contents = Contents {
            schema: SCHEMA,
            links: all,
        };
        let bytes = serde_json::to_vec(&contents).map_err(|e| write_error(e.into()))?;
        atomic::write(&path, &bytes, atomic::Existing::Replace).map_err(write_error)?;
        Ok(contents.links)
    }
}

fn read(path: &Path) -> Result<Stored, StoreError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Stored::new()),
        Err(source) => {
            return Err(StoreError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let damaged = |why: String| StoreError::Damaged {
        path: path.to_path_buf(),
        why,
    };
    let contents: Contents = serde_json::from_slice(&bytes).map_err(|e| damaged(e.to_string()))?;
    if contents.schema != SCHEMA {
        return Err(damaged(format!("schema {}", contents.schema)));
    }
    Ok(contents.links)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::links::State;

    fn outcome(state: State, at: i64) -> Outcome {
        Outcome {
            checked_at: at,
            ..Outcome::new(state, "")
        }
    }

    #[test]
    fn saves_merge_and_the_newer_check_wins() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::new(dir.path().join("cache"));
        assert!(store.load().expect("no file yet").is_empty());
        let first = Stored::from([
            ("https://a.example/".to_string(), outcome(State::Ok, 10)),
            ("https://b.example/".to_string(), outcome(State::Dead, 10)),
        ]);
        store.save(&first).expect("saved");
        // Another run, with an older check of b and a new URL.
        let second = Stored::from([
            ("https://b.example/".to_string(), outcome(State::Ok, 5)),
            ("https://c.example/".to_string(), outcome(State::Moved, 20)),
        ]);
        let all = store.save(&second).expect("saved");
        assert_eq!(all, store.load().expect("read back"));
        assert_eq!(all.len(), 3);
        assert_eq!(all["https://b.example/"].state, State::Dead);
        assert_eq!(all["https://c.example/"].state, State::Moved);
    }

    #[test]
    fn a_damaged_store_is_said_and_replaced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::new(dir.path());
        fs::write(store.path(), b"{not json").expect("written");
        assert!(matches!(store.load(), Err(StoreError::Damaged { .. })));
        let fresh = Stored::from([("https://a.example/".to_string(), outcome(State::Ok, 1))]);
        assert_eq!(store.save(&fresh).expect("replaced"), fresh);
    }

    #[test]
    fn two_runs_at_once_lose_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::new(dir.path());
        std::thread::scope(|scope| {
            for run in 0..4 {
                let store = store.clone();
                scope.spawn(move || {
                    for n in 0..10 {
                        let url = format!("https://h{run}.example/{n}");
                        let _ = store.save(&Stored::from([(url, outcome(State::Ok, n))]));
                    }
                });
            }
        });
        assert_eq!(store.load().expect("read").len(), 40);
    }
}
