//! Reading the data again in the background: the files listed anew, read
//! and merged, and the catalogue (the search index, the topics, related
//! people) built, which takes seconds at a million people, while the old
//! list stays in use. A reload overtaken by a newer one is dropped.

use crate::topics::Synonyms;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

use crate::app::{Catalogue, ReloadSummary, Reloaded};
use crate::diag::Diagnostic;
use crate::model::{Directory, identity_key};
use crate::sources::{self, Input, SourceOptions};

/// What the data on screen was read from: what a reload is compared with.
#[derive(Debug, Clone)]
pub struct Baseline {
    pub directory: Arc<Directory>,
    /// The labels of the files read.
    pub files: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Baseline {
    pub fn new(directory: Arc<Directory>, inputs: &[Input], diagnostics: Vec<Diagnostic>) -> Self {
        Baseline {
            directory,
            files: file_labels(inputs),
            diagnostics,
        }
    }
}

fn file_labels(inputs: &[Input]) -> Vec<String> {
    inputs
        .iter()
        .filter(|input| matches!(input, Input::File(_)))
        .map(Input::label)
        .collect()
}

/// The reloading thread's name.
pub const THREAD_NAME: &str = "reload";

struct Request {
    generation: u64,
    by_hand: bool,
    baseline: Arc<Baseline>,
}

/// A reload's answer: `None` when it was overtaken, or found nothing
/// changed that was not asked for by hand.
struct Done {
    generation: u64,
    reloaded: Option<(Reloaded, Baseline)>,
}

pub struct Reloader {
    requests: Sender<Request>,
    results: Receiver<Done>,
    /// The newest reload asked for; older ones stop early.
    latest: Arc<AtomicU64>,
    answered: u64,
    /// Whether a reload asked for by hand is still unanswered: the one
    /// that overtakes it answers for it.
    by_hand: bool,
    broken: bool,
}

impl Reloader {
    /// A reloader of the sources `options` names, counting topics with
    /// `synonyms`.
    pub fn spawn(options: SourceOptions, cache: Option<PathBuf>, synonyms: Synonyms) -> Reloader {
        let (requests, incoming) = mpsc::channel::<Request>();
        let (answers, results) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let wanted = Arc::clone(&latest);
        let spawned = thread::Builder::new()
            .name(THREAD_NAME.into())
            .spawn(move || {
                while let Ok(mut request) = incoming.recv() {
                    while let Ok(newer) = incoming.try_recv() {
                        request = newer;
                    }
                    let current = || wanted.load(Ordering::SeqCst) == request.generation;
                    let (reloaded, keep) =
                        reload(&options, cache.as_deref(), &synonyms, &request, &current);
                    let done = Done {
                        generation: request.generation,
                        reloaded: reloaded.filter(|_| current()),
                    };
                    if answers.send(done).is_err() {
                        return;
                    }
                    // Once the new data is on its way to the screen.
                    if let Some(keep) = keep {
                        keep();
                    }
                }
            });
        Reloader {
            requests,
            results,
            latest,
            answered: 0,
            by_hand: false,
            broken: spawned.is_err(),
        }
    }

    /// Asks for the data to be read again, compared with `baseline`.
    pub fn request(&mut self, by_hand: bool, baseline: Arc<Baseline>) {
        self.by_hand |= by_hand;
        let generation = self.latest.fetch_add(1, Ordering::SeqCst) + 1;
        let request = Request {
            generation,
            by_hand: self.by_hand,
            baseline,
        };
        if self.requests.send(request).is_err() {
            self.broken = true;
        }
    }

    /// Whether a reload is under way.
    pub fn busy(&self) -> bool {
        !self.broken && self.answered < self.latest.load(Ordering::SeqCst)
    }

    /// The newest reload, once it is done, with what it was read from;
    /// `Err` once when the reloading thread is gone.
    pub fn try_result(&mut self) -> Option<Result<(Reloaded, Baseline), String>> {
        if self.broken {
            self.broken = false;
            self.answered = self.latest.load(Ordering::SeqCst);
            return Some(Err(
                "the data cannot be read again: the reloading thread stopped".into(),
            ));
        }
        loop {
            match self.results.try_recv() {
                Ok(done) => {
                    self.answered = self.answered.max(done.generation);
                    if done.generation == self.latest.load(Ordering::SeqCst) {
                        self.by_hand = false;
                        if let Some(reloaded) = done.reloaded {
                            return Some(Ok(reloaded));
                        }
                    }
                }
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    self.broken = self.busy();
                    return None;
                }
            }
        }
    }
}

/// Writing the parsed directory to the cache, left for after the reload
/// is answered.
type Keep = Box<dyn FnOnce()>;

/// Reads the sources again and builds the catalogue, unless the reload is
/// overtaken meanwhile (`current` turns false) or nothing changed that
/// was not asked for by hand.
fn reload(
    options: &SourceOptions,
    cache: Option<&Path>,
    synonyms: &Synonyms,
    request: &Request,
    current: &dyn Fn() -> bool,
) -> (Option<(Reloaded, Baseline)>, Option<Keep>) {
    let (inputs, _) = sources::discover_present(options);
    let (loaded, write) = crate::cache::load_then_write(&inputs, cache);
    let keep = |directory: Arc<Directory>, diagnostics: Vec<Diagnostic>| {
        write.map(|write| -> Keep {
            Box::new(move || {
                // A cache that cannot be written costs the next start speed.
                let _ = write.write(&directory, &diagnostics);
            })
        })
    };
    if !current() {
        return (None, None);
    }
    let before = &request.baseline;
    let files = file_labels(&inputs);
    let mut summary = summarize(before, &loaded.directory, &files, &loaded.diagnostics);
    summary.by_hand = request.by_hand;
    summary.unchanged = summary.new_diagnostics == 0 && loaded.directory == *before.directory;
    if summary.unchanged && !request.by_hand {
        return (None, keep(Arc::new(loaded.directory), loaded.diagnostics));
    }
    let catalogue = Catalogue::new(loaded.directory, synonyms);
    let keep = keep(
        Arc::clone(catalogue.directory()),
        loaded.diagnostics.clone(),
    );
    let baseline = Baseline {
        directory: Arc::clone(catalogue.directory()),
        files,
        diagnostics: loaded.diagnostics,
    };
    (Some((Reloaded::new(catalogue, summary), baseline)), keep)
}

/// What changed from `before` to the directory `after` read from `files`
/// with `diagnostics`.
fn summarize(
    before: &Baseline,
    after: &Directory,
    files: &[String],
    diagnostics: &[Diagnostic],
) -> ReloadSummary {
    let files_now: HashSet<&str> = files.iter().map(String::as_str).collect();
    let files_gone = before
        .files
        .iter()
        .filter(|file| !files_now.contains(file.as_str()))
        .map(|file| {
            Path::new(file)
                .file_name()
                .map_or_else(|| file.clone(), |name| name.to_string_lossy().into_owned())
        })
        .collect();
    let schools_now: HashSet<String> = after
        .schools
        .iter()
        .map(|school| identity_key(&school.name))
        .collect();
    let schools_gone = before
        .directory
        .schools
        .iter()
        .filter(|school| !schools_now.contains(&identity_key(&school.name)))
        .map(|school| school.name.clone())
        .collect();
    // A diagnostic that moved to another line is not new: what it says
    // and of which file is what is compared, counting repeats.
    let key = |d: &Diagnostic| (d.path.clone(), d.is_error(), d.message.clone());
    let mut known: HashMap<(String, bool, String), usize> = HashMap::new();
    for diagnostic in &before.diagnostics {
        *known.entry(key(diagnostic)).or_default() += 1;
    }
    let mut new = Vec::new();
    for diagnostic in diagnostics {
        match known.get_mut(&key(diagnostic)) {
            Some(count) if *count > 0 => *count -= 1,
            _ => new.push(diagnostic),
        }
    }
    let new_errors = new.iter().filter(|d| d.is_error()).count();
    // The first error, else the first warning: what most needs reading.
    let first_new = new
        .iter()
        .find(|d| d.is_error())
        .or(new.first())
        .map(|d| (*d).clone());
    ReloadSummary {
        people_before: before.directory.people.len(),
        files_gone,
        schools_gone,
        new_diagnostics: new.len(),
        new_errors,
        first_new,
        ..ReloadSummary::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;
    use crate::fixture::{directory, professor, school};

    fn warning(path: &str, line: usize, message: &str) -> Diagnostic {
        Diagnostic {
            path: path.into(),
            line,
            column: 1,
            severity: Severity::Warning,
            message: message.into(),
        }
    }

    #[test]
    fn a_summary_names_what_went_and_what_is_new() {
        let before = Baseline {
            directory: Arc::new(directory()),
            files: vec!["/d/schools/mit.md".into(), "/d/schools/berkeley.md".into()],
            diagnostics: vec![warning("/d/schools/mit.md", 3, "a field without a value")],
        };
        let mut after = directory();
        after.schools.truncate(1);
        after.people.retain(|person| person.school == 0);
        after.people.push(professor(0, "Ada Lee", None));
        let diagnostics = vec![
            // Moved down a line as the file was edited: not new.
            warning("/d/schools/mit.md", 4, "a field without a value"),
            warning("/d/schools/mit.md", 9, "a duplicate person"),
            Diagnostic::file_error("/d/schools/odd.md", "cannot read: permission denied"),
        ];
        let files = vec!["/d/schools/mit.md".to_string(), "/d/schools/odd.md".into()];
        let summary = summarize(&before, &after, &files, &diagnostics);
        assert_eq!(summary.people_before, 4);
        assert_eq!(summary.files_gone, ["berkeley.md"]);
        assert_eq!(summary.schools_gone, ["UC Berkeley"]);
        assert_eq!((summary.new_diagnostics, summary.new_errors), (2, 1));
        assert_eq!(summary.first_new.as_ref(), Some(&diagnostics[2]));

        let same = summarize(&before, &directory(), &before.files, &before.diagnostics);
        assert_eq!(same.new_diagnostics, 0);
        assert!(same.files_gone.is_empty() && same.schools_gone.is_empty());
        // A school renamed in its file is a school gone.
        let mut renamed = directory();
        renamed.schools[0] = school("Massachusetts Institute of Technology", vec![]);
        let summary = summarize(&before, &renamed, &before.files, &[]);
        assert_eq!(summary.schools_gone, ["MIT"]);
    }
}
