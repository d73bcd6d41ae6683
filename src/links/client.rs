//! One URL checked: HEAD first, GET when HEAD is refused, redirects
//! followed by hand (so that each hop is judged by the open policy, loops
//! are seen and permanent ones told from temporary ones), retries on 429,
//! 503 and resets. No body is read: a status is all a check needs.

use std::collections::HashSet;
use std::io;
use std::time::{Duration, Instant};

use ::url::Url;
use ureq::Agent;

use super::pool::{Limiter, Turn};
use super::{Limits, Outcome, State, now, origin};

/// What a checker says it is, to every server it asks.
pub const USER_AGENT: &str = concat!("profdex/", env!("CARGO_PKG_VERSION"), " (link checker)");

/// An HTTP client set up for checking: statuses as answers, no redirects
/// of its own, no cookies, the proxy of the environment.
pub struct Client {
    agent: Agent,
    limits: Limits,
}

/// What one request came to.
enum Answer {
    Status {
        status: u16,
        location: Option<String>,
    },
    Failed(Outcome),
}

impl Client {
    pub fn new(limits: Limits) -> Client {
        let agent = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(USER_AGENT)
            .timeout_global(Some(limits.timeout))
            .timeout_connect(Some(limits.timeout))
            .max_idle_connections_per_host(limits.host_concurrency.max(1))
            .build()
            .new_agent();
        Client { agent, limits }
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Checks `url`; `first` is the turn already taken for its first request.
    pub fn check(&self, url: &str, first: Option<Turn<'_>>, limiter: &Limiter) -> Outcome {
        let started = Instant::now();
        let mut outcome = self.follow(url, first, limiter);
        outcome.elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        outcome.checked_at = now();
        outcome
    }

    fn follow(&self, url: &str, mut first: Option<Turn<'_>>, limiter: &Limiter) -> Outcome {
        let Some(start) = openable(url) else {
            return Outcome::new(State::Invalid, "not an absolute http(s) URL; not checked");
        };
        let mut current = start.clone();
        let mut seen = HashSet::from([current.as_str().to_owned()]);
        let mut permanent = true;
        let mut hops = 0;
        loop {
            let (status, location) = match self.fetch(current.as_str(), first.take(), limiter) {
                Answer::Status { status, location } => (status, location),
                Answer::Failed(mut failed) => {
                    if hops > 0 {
                        failed.final_url = Some(current.to_string());
                    }
                    return failed;
                }
            };
            let finish = |state: State, detail: String, hops: usize, at: &Url| Outcome {
                status: Some(status),
                final_url: (hops > 0).then(|| at.to_string()),
                ..Outcome::new(state, detail)
            };
            if is_redirect(status)
                && let Some(location) = location
            {
                let Ok(next) = current.join(&location) else {
                    return finish(
                        State::Dead,
                        format!("{status} to a malformed Location"),
                        hops,
                        &current,
                    );
                };
                if openable(next.as_str()).is_none() {
                    return Outcome {
                        status: Some(status),
                        final_url: Some(next.to_string()),
                        ..Outcome::new(
                            State::Invalid,
                            format!("redirects to {next}, which is not opened; not followed"),
                        )
                    };
                }
                hops += 1;
                if hops > self.limits.max_redirects {
                    return finish(
                        State::Dead,
                        format!("more than {} redirects", self.limits.max_redirects),
                        hops,
                        &next,
                    );
                }
                if !seen.insert(next.as_str().to_owned()) {
                    return finish(State::Dead, format!("redirect loop at {next}"), hops, &next);
                }
                permanent &= matches!(status, 301 | 308);
                current = next;
                continue;
            }
            if !self.limits.accept.contains(status) {
                let state = if status == 429 {
                    State::RateLimited
                } else {
                    State::Dead
                };
                return finish(state, reason(status), hops, &current);
            }
            if hops == 0 {
                return finish(State::Ok, reason(status), hops, &current);
            }
            let (state, detail) = if let Some(why) = suspicious(&start, &current) {
                (State::Suspicious, format!("redirected to {current}, {why}"))
            } else if permanent {
                (State::Moved, format!("moved permanently to {current}"))
            } else {
                (State::Redirected, format!("redirected to {current}"))
            };
            return finish(state, detail, hops, &current);
        }
    }

    /// One URL asked for, HEAD then GET, with the retries.
    fn fetch(&self, url: &str, mut first: Option<Turn<'_>>, limiter: &Limiter) -> Answer {
        let origin = origin(url).unwrap_or_default();
        let mut head = true;
        let mut tries = 0;
        loop {
            let turn = first.take().unwrap_or_else(|| limiter.turn(&origin));
            let result = if head {
                self.agent.head(url).call()
            } else {
                self.agent.get(url).call()
            };
            // The connection (and any body) is let go before the turn is.
            let answer = result.map(|response| {
                let status = response.status().as_u16();
                let header = |name: &str| {
                    response
                        .headers()
                        .get(name)
                        .and_then(|value| value.to_str().ok())
                        .map(str::to_owned)
                };
                (status, header("location"), header("retry-after"))
            });
            drop(turn);
            let again = tries < self.limits.retries;
            match answer {
                Ok((status, ..)) if head && matches!(status, 403 | 405 | 501) => head = false,
                Ok((429 | 503, _, retry_after)) if again => {
                    let wait = retry_after
                        .as_deref()
                        .and_then(retry_after_seconds)
                        .map_or_else(|| self.backoff(tries), Duration::from_secs);
                    std::thread::sleep(wait.min(self.limits.retry_cap));
                    tries += 1;
                }
                Ok((status, location, _)) => return Answer::Status { status, location },
                Err(error) => match classify(&error, self.limits.timeout) {
                    Failure::Retry(_) if again => {
                        std::thread::sleep(self.backoff(tries));
                        tries += 1;
                    }
                    Failure::Retry(outcome) | Failure::Final(outcome) => {
                        return Answer::Failed(outcome);
                    }
                },
            }
        }
    }

    fn backoff(&self, tries: u32) -> Duration {
        self.limits.backoff * 2u32.saturating_pow(tries)
    }
}

enum Failure {
    /// Worth another try (a reset).
    Retry(Outcome),
    Final(Outcome),
}

fn classify(error: &ureq::Error, timeout: Duration) -> Failure {
    let dead = |detail: String| Failure::Final(Outcome::new(State::Dead, detail));
    match error {
        ureq::Error::Timeout(_) => Failure::Final(Outcome::new(
            State::Timeout,
            format!("no answer within {} s", timeout.as_secs_f32()),
        )),
        ureq::Error::HostNotFound => dead("host not found".into()),
        ureq::Error::Tls(why) => Failure::Final(Outcome::new(State::Tls, *why)),
        ureq::Error::Rustls(why) => Failure::Final(Outcome::new(State::Tls, why.to_string())),
        ureq::Error::Io(io) => match io.kind() {
            io::ErrorKind::ConnectionRefused => dead("connection refused".into()),
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => Failure::Final(Outcome::new(
                State::Timeout,
                format!("no answer within {} s", timeout.as_secs_f32()),
            )),
            io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::BrokenPipe
            | io::ErrorKind::UnexpectedEof => {
                Failure::Retry(Outcome::new(State::Dead, "connection reset"))
            }
            _ if io.to_string().contains("failed to lookup") => dead("host not found".into()),
            _ => dead(io.to_string()),
        },
        ureq::Error::ConnectionFailed => dead("connection failed".into()),
        other => dead(other.to_string()),
    }
}

/// `url` parsed, when it is one profdex would open.
fn openable(url: &str) -> Option<Url> {
    if crate::url::refusal(url).is_some() {
        return None;
    }
    Url::parse(url)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
}

fn is_redirect(status: u16) -> bool {
    matches!(status, 301 | 302 | 303 | 307 | 308)
}

/// Why a redirect from `from` to `to` looks like a removed page.
fn suspicious(from: &Url, to: &Url) -> Option<&'static str> {
    let front = |u: &Url| u.path() == "/" || u.path().is_empty();
    let host = |u: &Url| {
        let name = u
            .host_str()
            .map(|h| h.trim_start_matches("www.").to_ascii_lowercase());
        (name, u.port_or_known_default())
    };
    if host(from) != host(to) && front(to) && !front(from) {
        return Some("another host's front page");
    }
    let path = to.path().to_ascii_lowercase();
    let login = [
        "login", "signin", "sign-in", "sign_in", "logon", "/cas/", "/sso", "/auth",
    ];
    if login.iter().any(|word| path.contains(word)) {
        return Some("a login page");
    }
    None
}

/// `Retry-After` as seconds: a number, or an HTTP date from now.
fn retry_after_seconds(value: &str) -> Option<u64> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(seconds);
    }
    let then = jiff::fmt::rfc2822::parse(value).ok()?.timestamp();
    let seconds = then.as_second().saturating_sub(now());
    u64::try_from(seconds).ok()
}

/// `404 Not Found`: the status with its usual reason.
pub fn reason(status: u16) -> String {
    let phrase = match status {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        203 => "Non-Authoritative Information",
        204 => "No Content",
        206 => "Partial Content",
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        410 => "Gone",
        418 => "I'm a teapot",
        429 => "Too Many Requests",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    };
    if phrase.is_empty() {
        status.to_string()
    } else {
        format!("{status} {phrase}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).expect("a URL")
    }

    #[test]
    fn removed_pages_look_removed() {
        let from = url("https://u.example/~ada/");
        assert_eq!(
            suspicious(&from, &url("https://other.example/")),
            Some("another host's front page")
        );
        assert_eq!(suspicious(&from, &url("https://u.example/")), None);
        assert_eq!(suspicious(&from, &url("https://www.u.example/~ada/")), None);
        assert_eq!(
            suspicious(&from, &url("https://u.example:8443/")),
            Some("another host's front page")
        );
        assert_eq!(
            suspicious(&from, &url("https://idp.u.example/cas/login?x")),
            Some("a login page")
        );
        assert_eq!(
            suspicious(&url("https://u.example/"), &url("https://v.example/")),
            None
        );
    }

    #[test]
    fn retry_after_as_seconds_or_a_date() {
        assert_eq!(retry_after_seconds(" 7 "), Some(7));
        assert_eq!(retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT"), None);
        assert_eq!(retry_after_seconds("soon"), None);
        assert_eq!(reason(404), "404 Not Found");
        assert_eq!(reason(299), "299");
    }

    #[test]
    fn only_openable_urls_are_fetched() {
        assert!(openable("https://u.example/").is_some());
        for bad in [
            "file:///etc/passwd",
            "www.u.example",
            "javascript:alert(1)",
            "",
        ] {
            assert!(openable(bad).is_none(), "{bad}");
        }
    }
}
