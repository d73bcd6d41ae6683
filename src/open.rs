//! Opening a URL in the user's browser, without ever going through a shell.
//!
//! `$BROWSER`, when set, is a command line split into words the way a shell
//! would split it (quotes respected) but run directly; `%s` in it is
//! replaced by the URL, otherwise the URL is the last argument. Without it
//! the platform's opener is used. Only absolute http(s) URLs are opened, so
//! a data file cannot make profdex run `file://` or `javascript:` links.

use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::model::is_openable_url;
use crate::sanitize::sanitize;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum OpenError {
    #[error("refused to open \"{0}\": only absolute http(s) URLs are opened")]
    NotHttp(String),
    #[error("cannot understand $BROWSER ({0})")]
    BadBrowser(String),
}

/// How a URL will be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Launch {
    pub program: String,
    pub args: Vec<String>,
    /// A text-mode browser (lynx, w3m, …) needs the terminal, so it runs in
    /// the foreground; anything else (a desktop browser, the platform
    /// opener) is started in the background, so profdex does not wait for
    /// the browser window to close.
    pub needs_terminal: bool,
}

impl Launch {
    /// Plans how to open `url`, with `browser` the value of `$BROWSER`.
    pub fn plan(url: &str, browser: Option<&str>) -> Result<Launch, OpenError> {
        if !is_openable_url(url) {
            return Err(OpenError::NotHttp(sanitize(url).into_owned()));
        }
        let browser = browser.map(str::trim).filter(|b| !b.is_empty());
        let Some(browser) = browser else {
            let (program, mut args) = platform_opener();
            args.push(url.to_string());
            return Ok(Launch {
                program: program.to_string(),
                args,
                needs_terminal: false,
            });
        };
        let mut words = shell_words::split(browser)
            .map_err(|error| OpenError::BadBrowser(error.to_string()))?;
        if words.is_empty() {
            return Err(OpenError::BadBrowser("it is empty".into()));
        }
        let program = words.remove(0);
        let needs_terminal = is_text_browser(&program);
        let mut args = words;
        if args.iter().any(|arg| arg.contains("%s")) {
            for arg in &mut args {
                *arg = arg.replace("%s", url);
            }
        } else {
            args.push(url.to_string());
        }
        Ok(Launch {
            program,
            args,
            needs_terminal,
        })
    }

    /// Starts a browser that does not need the terminal and leaves it
    /// running. It has no terminal to complain on, so a browser that gives
    /// up at once (a text browser behind a wrapper, say) is reported by its
    /// exit status rather than silently taken for opened.
    pub fn start_in_background(&self) -> Result<(), String> {
        let mut child = self
            .command()
            .spawn()
            .map_err(|error| format!("cannot start {}: {error}", self.program))?;
        let deadline = Instant::now() + QUICK_FAILURE;
        while Instant::now() < deadline {
            match child.try_wait() {
                Ok(Some(status)) if status.success() => return Ok(()),
                Ok(Some(status)) => return Err(format!("{} failed ({status})", self.program)),
                Ok(None) => thread::sleep(Duration::from_millis(10)),
                Err(_) => break,
            }
        }
        // Still running: a browser window. Reap it whenever it closes.
        thread::spawn(move || child.wait());
        Ok(())
    }

    pub fn command(&self) -> Command {
        let mut command = Command::new(&self.program);
        command.args(&self.args);
        if !self.needs_terminal {
            command
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
        }
        command
    }
}

/// How long a browser started in the background is watched for failing.
const QUICK_FAILURE: Duration = Duration::from_millis(300);

/// Browsers that draw in the terminal, by program name.
const TEXT_BROWSERS: &[&str] = &[
    "lynx",
    "links",
    "links2",
    "elinks",
    "w3m",
    "browsh",
    "carbonyl",
    "edbrowse",
    "www-browser",
];

fn is_text_browser(program: &str) -> bool {
    let name = std::path::Path::new(program)
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or(program);
    TEXT_BROWSERS.contains(&name)
}

fn platform_opener() -> (&'static str, Vec<String>) {
    if cfg!(target_os = "macos") {
        ("open", Vec::new())
    } else if cfg!(windows) {
        // `start` is a cmd built-in, which would mean a shell; this is not.
        ("rundll32", vec!["url.dll,FileProtocolHandler".to_string()])
    } else {
        ("xdg-open", Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://sky.cs.berkeley.edu/";

    #[test]
    fn browser_gets_the_url_as_last_argument() {
        let launch = Launch::plan(URL, Some("firefox --new-tab")).unwrap();
        assert_eq!(launch.program, "firefox");
        assert_eq!(launch.args, ["--new-tab", URL]);
        assert!(
            !launch.needs_terminal,
            "a desktop browser runs in the background"
        );
        for text_browser in ["lynx", "/usr/bin/w3m -no-mouse", "elinks"] {
            assert!(
                Launch::plan(URL, Some(text_browser))
                    .unwrap()
                    .needs_terminal,
                "{text_browser}"
            );
        }
    }

    #[test]
    fn percent_s_is_replaced_and_quotes_are_respected() {
        let launch = Launch::plan(URL, Some("'/opt/My Browser/run' --url=%s --x")).unwrap();
        assert_eq!(launch.program, "/opt/My Browser/run");
        assert_eq!(launch.args, [format!("--url={URL}"), "--x".to_string()]);
    }

    #[test]
    fn shell_syntax_is_not_interpreted() {
        let launch = Launch::plan(URL, Some("echo hi; rm -rf ~")).unwrap();
        assert_eq!(launch.program, "echo");
        assert_eq!(launch.args, ["hi;", "rm", "-rf", "~", URL]);
    }

    #[test]
    fn without_browser_the_platform_opener_is_used() {
        for browser in [None, Some(""), Some("   ")] {
            let launch = Launch::plan(URL, browser).unwrap();
            assert!(!launch.needs_terminal);
            assert_eq!(launch.args.last().map(String::as_str), Some(URL));
        }
    }

    #[test]
    fn only_http_urls_are_opened() {
        for url in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "hanlab.mit.edu",
            "https://x.org/\u{1b}]",
        ] {
            assert!(
                matches!(Launch::plan(url, Some("lynx")), Err(OpenError::NotHttp(_))),
                "{url:?}"
            );
        }
        let error = Launch::plan("ftp://a\u{1b}b", None)
            .unwrap_err()
            .to_string();
        assert!(!error.contains('\u{1b}'), "{error:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_background_browser_that_fails_at_once_is_reported() {
        let launch = |program: &str| Launch {
            program: program.into(),
            args: Vec::new(),
            needs_terminal: false,
        };
        assert_eq!(launch("true").start_in_background(), Ok(()));
        let error = launch("false").start_in_background().unwrap_err();
        assert!(error.starts_with("false failed"), "{error}");
        let error = launch("/no/such/browser")
            .start_in_background()
            .unwrap_err();
        assert!(
            error.starts_with("cannot start /no/such/browser"),
            "{error}"
        );
    }

    #[test]
    fn an_unbalanced_browser_command_is_an_error() {
        assert!(matches!(
            Launch::plan(URL, Some("'lynx")),
            Err(OpenError::BadBrowser(_))
        ));
    }
}
