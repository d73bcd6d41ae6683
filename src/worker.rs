//! The background search: a thread that answers the latest search request
//! and drops the ones overtaken by typing, so keystrokes never wait for the
//! matcher on large directories.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

use crate::model::{Directory, PersonId};
use crate::search::{Hit, Index, Query};

/// A search for the worker: `query` over `candidates`, numbered so that an
/// answer overtaken by typing can be told from the latest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    pub generation: u64,
    pub query: Query,
    pub candidates: Vec<PersonId>,
}

/// What the worker has to say about a request: its best hits so far, when
/// the search takes a while, then its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Early(SearchResult),
    Final(SearchResult),
}

/// The worker's answer to the request of the same generation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchResult {
    pub generation: u64,
    pub query: Query,
    pub hits: Vec<Hit>,
}

pub struct SearchWorker {
    requests: Sender<SearchRequest>,
    results: Receiver<Answer>,
    /// The newest generation asked for; older searches stop early.
    latest: Arc<AtomicU64>,
    /// The newest generation answered: the newest request is always
    /// answered, while waiting ones it overtook may be skipped.
    answered: u64,
    /// The thread is gone (or never started): the next poll says so.
    broken: bool,
}

const STOPPED: &str = "the background search stopped; searching in the foreground from now on";

/// The search thread's name.
pub const THREAD_NAME: &str = "search";

impl SearchWorker {
    pub fn spawn(directory: Arc<Directory>, index: Arc<Index>) -> SearchWorker {
        let (requests, incoming) = mpsc::channel::<SearchRequest>();
        let (answers, results) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let wanted = Arc::clone(&latest);
        // Named so the panic hook can tell it from the main thread.
        let spawned = thread::Builder::new()
            .name(THREAD_NAME.into())
            .spawn(move || {
                // The index answers for this directory alone.
                debug_assert_eq!(directory.people.len(), index.people());
                while let Ok(mut request) = incoming.recv() {
                    // Only the newest of the waiting requests matters.
                    while let Ok(newer) = incoming.try_recv() {
                        request = newer;
                    }
                    let current = || wanted.load(Ordering::Relaxed) == request.generation;
                    let answer = |hits| SearchResult {
                        generation: request.generation,
                        query: request.query.clone(),
                        hits,
                    };
                    let hits = index.search_streaming(
                        &request.query,
                        &request.candidates,
                        &current,
                        &mut |early| {
                            // A closed channel ends the loop below.
                            let _ = answers.send(Answer::Early(answer(early)));
                        },
                    );
                    let result = answer(hits.unwrap_or_default());
                    if answers.send(Answer::Final(result)).is_err() {
                        return;
                    }
                }
            });
        SearchWorker {
            requests,
            results,
            latest,
            answered: 0,
            broken: spawned.is_err(),
        }
    }

    pub fn submit(&mut self, request: SearchRequest) {
        self.latest.store(request.generation, Ordering::Relaxed);
        if self.requests.send(request).is_err() {
            self.broken = true;
        }
    }

    /// Stops the search under way: its answer is no longer wanted.
    pub fn cancel(&mut self) {
        // No request has generation 0, so the running search stops, and
        // nothing is awaited until the next request.
        self.latest.store(0, Ordering::Relaxed);
        self.answered = 0;
    }

    /// Whether an answer is still to come.
    pub fn busy(&self) -> bool {
        self.broken || self.answered < self.latest.load(Ordering::Relaxed)
    }

    /// The next answer, if one is ready, or why none will come. Answers to
    /// superseded requests come back too (empty or complete); the app
    /// ignores them by generation.
    pub fn try_result(&mut self) -> Option<Result<Answer, String>> {
        if self.broken {
            self.broken = false;
            self.answered = self.latest.load(Ordering::Relaxed);
            return Some(Err(STOPPED.into()));
        }
        match self.results.try_recv() {
            Ok(Answer::Final(result)) => {
                self.answered = self.answered.max(result.generation);
                Some(Ok(Answer::Final(result)))
            }
            Ok(early) => Some(Ok(early)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) if self.busy() => {
                self.answered = self.latest.load(Ordering::Relaxed);
                Some(Err(STOPPED.into()))
            }
            Err(TryRecvError::Disconnected) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::fixture::{professor, school};

    fn worker() -> SearchWorker {
        let directory = Directory {
            schools: vec![school("MIT", vec![])],
            people: ["Song Han", "Tim Kraska", "Yoon Kim"]
                .iter()
                .map(|name| professor(0, name, None))
                .collect(),
        };
        let index = Arc::new(Index::build(&directory));
        SearchWorker::spawn(Arc::new(directory), index)
    }

    fn wait(worker: &mut SearchWorker) -> Vec<SearchResult> {
        let start = Instant::now();
        let mut results = Vec::new();
        while worker.busy() {
            assert!(start.elapsed() < Duration::from_secs(20), "no answer");
            if let Some(Answer::Final(result)) =
                worker.try_result().map(|r| r.expect("search works"))
            {
                results.push(result);
            }
            std::thread::yield_now();
        }
        results
    }

    #[test]
    fn a_cancelled_search_is_not_awaited_and_the_next_one_is() {
        let mut worker = worker();
        let request = |generation, text: &str| SearchRequest {
            generation,
            query: Query::new(text),
            candidates: vec![0, 1, 2],
        };
        worker.submit(request(1, "k"));
        worker.cancel();
        assert!(!worker.busy());
        worker.submit(request(2, "han"));
        assert!(worker.busy());
        let results = wait(&mut worker);
        assert_eq!(results.last().map(|r| r.generation), Some(2));
    }

    #[test]
    fn the_newest_request_is_answered() {
        let mut worker = worker();
        assert!(!worker.busy());
        for (generation, text) in [(1, "k"), (2, "ki"), (3, "kim")] {
            worker.submit(SearchRequest {
                generation,
                query: Query::new(text),
                candidates: vec![0, 1, 2],
            });
        }
        assert!(worker.busy());
        let results = wait(&mut worker);
        let last = results.last().expect("an answer");
        assert_eq!(last.generation, 3);
        assert_eq!(last.query, Query::new("kim"));
        let people: Vec<_> = last.hits.iter().map(|hit| hit.person).collect();
        assert_eq!(people, [2]);
    }
}
