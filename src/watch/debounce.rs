//! Waiting for a burst of file events to end before acting on it: an
//! editor's save is several events (a temporary file written, renamed over
//! the old one, its mode set), and a file written in pieces is many.

use std::time::{Duration, Instant};

/// Quiet this long after the last event ends a burst.
pub const QUIET: Duration = Duration::from_millis(200);
/// A burst that goes on (a file written slowly, a folder copied in) is
/// acted on after this long all the same, so a change shows within a second.
pub const LONGEST: Duration = Duration::from_millis(600);

#[derive(Debug, Clone)]
pub struct Debounce {
    quiet: Duration,
    longest: Duration,
    /// When the burst under way began and when its last event came.
    burst: Option<(Instant, Instant)>,
}

impl Default for Debounce {
    fn default() -> Debounce {
        Debounce::new(QUIET, LONGEST)
    }
}

impl Debounce {
    pub fn new(quiet: Duration, longest: Duration) -> Debounce {
        Debounce {
            quiet,
            longest,
            burst: None,
        }
    }

    /// An event came at `at`.
    pub fn note(&mut self, at: Instant) {
        let first = self.burst.map_or(at, |(first, _)| first);
        self.burst = Some((first, at));
    }

    /// When the burst under way is due to be acted on, if one is.
    pub fn due_at(&self) -> Option<Instant> {
        let (first, last) = self.burst?;
        Some((last + self.quiet).min(first + self.longest))
    }

    /// Whether the burst is due at `now`; if so it is over, and the next
    /// event starts another.
    pub fn take_due(&mut self, now: Instant) -> bool {
        let due = self.due_at().is_some_and(|at| now >= at);
        if due {
            self.burst = None;
        }
        due
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn a_burst_is_acted_on_once_when_it_goes_quiet() {
        let start = Instant::now();
        let mut debounce = Debounce::new(ms(200), ms(600));
        assert!(!debounce.take_due(start + ms(1000)), "nothing happened");
        debounce.note(start);
        debounce.note(start + ms(50));
        debounce.note(start + ms(120));
        assert_eq!(debounce.due_at(), Some(start + ms(320)));
        assert!(!debounce.take_due(start + ms(319)));
        assert!(debounce.take_due(start + ms(320)));
        assert!(!debounce.take_due(start + ms(400)), "once");
        assert_eq!(debounce.due_at(), None);
    }

    #[test]
    fn a_burst_that_goes_on_is_acted_on_all_the_same() {
        let start = Instant::now();
        let mut debounce = Debounce::new(ms(200), ms(600));
        for n in 0..10 {
            debounce.note(start + ms(n * 100));
            if n * 100 >= 600 {
                break;
            }
        }
        assert_eq!(debounce.due_at(), Some(start + ms(600)));
        assert!(debounce.take_due(start + ms(600)));
        // The events after it start a burst of their own.
        debounce.note(start + ms(700));
        assert_eq!(debounce.due_at(), Some(start + ms(900)));
    }
}
