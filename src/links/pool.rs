//! Many URLs checked at once, within the limits: so many requests in
//! flight overall (one per worker thread), so many to one origin, and a
//! least time between two to one origin. Work is handed to a worker only
//! for an origin that may be asked now, so a busy host never holds up the
//! others.

use std::collections::{HashMap, VecDeque};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use super::client::Client;
use super::{Limits, Outcome, State, origin};

/// How far a run has come, for a progress bar.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// Origins with a request in flight now.
    pub hosts_in_flight: usize,
}

/// Checks every URL of `urls` and returns their outcomes in the same
/// order. `progress` is told after each.
pub fn check_all(
    client: &Client,
    urls: &[String],
    progress: &(dyn Fn(Progress) + Sync),
) -> Vec<Outcome> {
    let limits = client.limits();
    let limiter = Limiter::new(limits);
    let mut results: Vec<Option<Outcome>> = vec![None; urls.len()];
    {
        let mut inner = limiter.lock();
        for (job, url) in urls.iter().enumerate() {
            match origin(url) {
                Some(origin) => {
                    let inner = &mut *inner;
                    let queue = inner.queues.entry(origin.clone()).or_default();
                    if queue.is_empty() {
                        inner.order.push_back(origin);
                    }
                    queue.push_back(job);
                }
                None => {
                    results[job] = Some(Outcome::new(
                        State::Invalid,
                        "not an absolute http(s) URL; not checked",
                    ));
                }
            }
        }
    }
    let results = Mutex::new(results);
    let done = Mutex::new(0usize);
    let workers = limits.concurrency.clamp(1, urls.len().max(1));
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some((job, turn)) = limiter.next_job() {
                    let outcome = client.check(&urls[job], Some(turn), &limiter);
                    if let Ok(mut results) = results.lock() {
                        results[job] = Some(outcome);
                    }
                    let done = done.lock().map(|mut done| {
                        *done += 1;
                        *done
                    });
                    progress(Progress {
                        done: done.unwrap_or(0),
                        total: urls.len(),
                        hosts_in_flight: limiter.lock().busy_hosts,
                    });
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .map(|outcome| outcome.unwrap_or_else(|| Outcome::new(State::Dead, "not checked")))
        .collect()
}

/// The per-origin limits, and the work not yet handed out.
pub struct Limiter {
    inner: Mutex<Inner>,
    changed: Condvar,
    per_host: usize,
    interval: Duration,
}

#[derive(Default)]
struct Inner {
    hosts: HashMap<String, Host>,
    /// URLs not yet handed out, by origin.
    queues: HashMap<String, VecDeque<usize>>,
    /// The origins with URLs waiting, the next to look at first.
    order: VecDeque<String>,
    busy_hosts: usize,
}

struct Host {
    in_flight: usize,
    /// When the next request may start.
    next_at: Instant,
}

/// A request's place in its origin's limits, given back when dropped.
pub struct Turn<'a> {
    limiter: &'a Limiter,
    origin: String,
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        let mut inner = self.limiter.lock();
        if let Some(host) = inner.hosts.get_mut(&self.origin) {
            host.in_flight = host.in_flight.saturating_sub(1);
            if host.in_flight == 0 {
                inner.busy_hosts = inner.busy_hosts.saturating_sub(1);
            }
        }
        drop(inner);
        self.limiter.changed.notify_all();
    }
}

impl Limiter {
    pub fn new(limits: &Limits) -> Limiter {
        Limiter {
            inner: Mutex::new(Inner::default()),
            changed: Condvar::new(),
            per_host: limits.host_concurrency.max(1),
            interval: limits.host_interval,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A worker that panicked left the counts as they were: still usable.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Waits until a request to `origin` is within the limits, and takes its turn.
    pub fn turn(&self, origin: &str) -> Turn<'_> {
        let mut inner = self.lock();
        loop {
            let now = Instant::now();
            match self.wait_for(&mut inner, origin, now) {
                None => {
                    self.take(&mut inner, origin, now);
                    return Turn {
                        limiter: self,
                        origin: origin.to_owned(),
                    };
                }
                Some(wait) => inner = self.sleep(inner, wait),
            }
        }
    }

    /// The next URL of an origin that may be asked now, with its turn
    /// taken; `None` when all are handed out.
    fn next_job(&self) -> Option<(usize, Turn<'_>)> {
        let mut inner = self.lock();
        loop {
            if inner.order.is_empty() {
                return None;
            }
            let now = Instant::now();
            let mut soonest: Option<Duration> = None;
            for _ in 0..inner.order.len() {
                let Some(origin) = inner.order.pop_front() else {
                    break;
                };
                match self.wait_for(&mut inner, &origin, now) {
                    None => {
                        let queue = inner.queues.get_mut(&origin);
                        let job = queue.as_ref().and_then(|q| q.front().copied());
                        let Some(job) = job else { continue };
                        let left = inner.queues.get_mut(&origin).map(|queue| {
                            queue.pop_front();
                            queue.len()
                        });
                        if left > Some(0) {
                            inner.order.push_back(origin.clone());
                        } else {
                            inner.queues.remove(&origin);
                        }
                        self.take(&mut inner, &origin, now);
                        return Some((
                            job,
                            Turn {
                                limiter: self,
                                origin,
                            },
                        ));
                    }
                    Some(wait) => {
                        soonest = Some(soonest.map_or(wait, |s| s.min(wait)));
                        inner.order.push_back(origin);
                    }
                }
            }
            inner = self.sleep(inner, soonest.unwrap_or(self.interval));
        }
    }

    /// How long until `origin` may be asked again; `None` when now. An
    /// origin at its limit in flight waits for a turn to be given back.
    fn wait_for(&self, inner: &mut Inner, origin: &str, now: Instant) -> Option<Duration> {
        let host = inner.hosts.get(origin)?;
        if host.in_flight >= self.per_host {
            // Woken by the turn given back; the timeout only bounds the wait.
            return Some(Duration::from_secs(1));
        }
        (host.next_at > now).then(|| host.next_at - now)
    }

    fn take(&self, inner: &mut Inner, origin: &str, now: Instant) {
        let host = inner.hosts.entry(origin.to_owned()).or_insert(Host {
            in_flight: 0,
            next_at: now,
        });
        host.in_flight += 1;
        host.next_at = now + self.interval;
        if host.in_flight == 1 {
            inner.busy_hosts += 1;
        }
    }

    fn sleep<'a>(&self, inner: MutexGuard<'a, Inner>, wait: Duration) -> MutexGuard<'a, Inner> {
        match self.changed.wait_timeout(inner, wait) {
            Ok((inner, _)) => inner,
            Err(poisoned) => poisoned.into_inner().0,
        }
    }
}
