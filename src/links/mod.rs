//! Whether the directory's links still lead somewhere: every URL checked
//! once over HTTP, politely (`pool`), each ending in one [`State`]
//! (`client`), remembered between runs (`store`), found in the files with
//! where each is written (`uses`), and moved ones changed in place (`fix`).
//!
//! Nothing here runs unless asked: `profdex check --links` and the
//! browser's `L` are the only callers.

pub mod client;
pub mod fix;
pub mod pool;
pub mod store;
pub mod uses;

use std::ops::RangeInclusive;
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use client::Client;
pub use pool::{Progress, check_all};
pub use store::{Store, StoreError, Stored};

/// What became of one URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Ok,
    /// Every redirect permanent, and the end ok: the file can be updated.
    Moved,
    /// A temporary redirect on the way to an ok page: as good as ok.
    Redirected,
    /// Redirected to another host's front page or to a login page, the
    /// usual sign that a personal page was removed.
    Suspicious,
    Dead,
    RateLimited,
    Timeout,
    Tls,
    /// Not fetched: not an absolute http(s) URL profdex would open, or a
    /// redirect to one.
    Invalid,
    Excluded,
}

impl State {
    pub const ALL: [State; 10] = [
        State::Ok,
        State::Moved,
        State::Redirected,
        State::Suspicious,
        State::Dead,
        State::RateLimited,
        State::Timeout,
        State::Tls,
        State::Invalid,
        State::Excluded,
    ];

    pub fn name(self) -> &'static str {
        match self {
            State::Ok => "ok",
            State::Moved => "moved",
            State::Redirected => "redirected",
            State::Suspicious => "suspicious",
            State::Dead => "dead",
            State::RateLimited => "rate-limited",
            State::Timeout => "timeout",
            State::Tls => "tls",
            State::Invalid => "invalid",
            State::Excluded => "excluded",
        }
    }

    /// Whether the link leads to a page as good as the one meant.
    pub fn is_fine(self) -> bool {
        matches!(self, State::Ok | State::Redirected)
    }
}

/// One URL's check: how it ended and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub state: State,
    /// The last HTTP status seen, when there was an answer.
    pub status: Option<u16>,
    /// Where the redirects ended, when there were any.
    pub final_url: Option<String>,
    /// What went wrong, in words: "404 Not Found", "connection refused".
    pub detail: String,
    /// Seconds since the Unix epoch.
    pub checked_at: i64,
    pub elapsed_ms: u64,
}

impl Outcome {
    pub fn new(state: State, detail: impl Into<String>) -> Outcome {
        Outcome {
            state,
            status: None,
            final_url: None,
            detail: detail.into(),
            checked_at: now(),
            elapsed_ms: 0,
        }
    }
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

/// How hard and how fast to check.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Requests in flight at once, overall.
    pub concurrency: usize,
    /// Requests in flight at once to one origin (scheme, host and port).
    pub host_concurrency: usize,
    /// The least time between the starts of two requests to one origin.
    pub host_interval: Duration,
    /// For connecting, and for a whole request.
    pub timeout: Duration,
    pub max_redirects: usize,
    /// Tries after the first on 429, 503 and connection resets.
    pub retries: u32,
    /// The longest a `Retry-After` is waited for.
    pub retry_cap: Duration,
    /// The first wait between tries without a `Retry-After`; doubled each time.
    pub backoff: Duration,
    pub accept: Accept,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            concurrency: 16,
            host_concurrency: 2,
            host_interval: Duration::from_millis(100),
            timeout: Duration::from_secs(20),
            max_redirects: 10,
            retries: 2,
            retry_cap: Duration::from_mins(1),
            backoff: Duration::from_secs(1),
            accept: Accept::default(),
        }
    }
}

/// The HTTP statuses that count as ok at the end of a chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accept(Vec<RangeInclusive<u16>>);

impl Default for Accept {
    fn default() -> Accept {
        Accept(vec![200..=299])
    }
}

impl Accept {
    /// `200..=299,403`: codes and ranges (`a..=b`, `a..b`, `a-b`), comma-separated.
    pub fn parse(text: &str) -> Result<Accept, String> {
        let code = |s: &str| {
            s.trim()
                .parse::<u16>()
                .ok()
                .filter(|c| (100..=999).contains(c))
                .ok_or_else(|| format!("\"{}\" is not an HTTP status code", s.trim()))
        };
        let mut ranges = Vec::new();
        for part in text.split(',').filter(|p| !p.trim().is_empty()) {
            let range = if let Some((a, b)) = part.split_once("..=") {
                code(a)?..=code(b)?
            } else if let Some((a, b)) = part.split_once("..") {
                code(a)?..=code(b)?.saturating_sub(1)
            } else if let Some((a, b)) = part.split_once('-') {
                code(a)?..=code(b)?
            } else {
                let c = code(part)?;
                c..=c
            };
            if range.is_empty() {
                return Err(format!("\"{}\" is an empty range", part.trim()));
            }
            ranges.push(range);
        }
        if ranges.is_empty() {
            return Err("no status codes given".into());
        }
        Ok(Accept(ranges))
    }

    pub fn contains(&self, status: u16) -> bool {
        self.0.iter().any(|range| range.contains(&status))
    }
}

/// `1d`, `12h`, `30m`, `45s` or `0`, as a duration.
pub fn parse_age(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("\"{text}\" is not an age such as 1d, 12h, 30m or 45s"))?;
    let seconds = match unit {
        "" if n == 0 => 0,
        "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        "d" => n * 86_400,
        "w" => n * 7 * 86_400,
        _ => {
            return Err(format!(
                "\"{text}\" is not an age such as 1d, 12h, 30m or 45s"
            ));
        }
    };
    Ok(Duration::from_secs(seconds))
}

/// `https://a.example:8080`: what politeness limits are kept per.
pub fn origin(url: &str) -> Option<String> {
    let parsed = ::url::Url::parse(url).ok()?;
    let origin = parsed.origin();
    origin.is_tuple().then(|| origin.ascii_serialization())
}

/// How long ago `then` was, in the largest whole unit: "3 days ago".
pub fn ago(then: i64, now: i64) -> String {
    let seconds = now.saturating_sub(then).max(0);
    let (n, unit) = match seconds {
        0..60 => return "just now".into(),
        60..3600 => (seconds / 60, "minute"),
        3600..86_400 => (seconds / 3600, "hour"),
        _ => (seconds / 86_400, "day"),
    };
    format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_codes_read_as_written() {
        let accept = Accept::parse("200..=299,403").expect("valid");
        assert!(accept.contains(200) && accept.contains(299) && accept.contains(403));
        assert!(!accept.contains(404) && !accept.contains(300));
        let accept = Accept::parse("200..300, 401-403").expect("valid");
        assert!(!accept.contains(300) && accept.contains(402));
        for bad in ["", "ok", "200..=abc", "300..=200", "99999"] {
            assert!(Accept::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ages_in_their_units() {
        assert_eq!(parse_age("1d"), Ok(Duration::from_hours(24)));
        assert_eq!(parse_age("12h"), Ok(Duration::from_hours(12)));
        assert_eq!(parse_age("30m"), Ok(Duration::from_mins(30)));
        assert_eq!(parse_age("0"), Ok(Duration::ZERO));
        assert!(parse_age("1y").is_err() && parse_age("d").is_err() && parse_age("5").is_err());
    }

    #[test]
    fn origins_and_ages() {
        assert_eq!(
            origin("https://A.example/x?y").as_deref(),
            Some("https://a.example")
        );
        assert_eq!(
            origin("http://a.example:8080/").as_deref(),
            Some("http://a.example:8080")
        );
        assert_eq!(origin("file:///etc/passwd"), None);
        assert_eq!(ago(0, 30), "just now");
        assert_eq!(ago(0, 3 * 86_400 + 5), "3 days ago");
        assert_eq!(ago(0, 3600), "1 hour ago");
    }
}
