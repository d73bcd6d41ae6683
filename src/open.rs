//! Opening a URL in the user's browser, without ever going through a shell.
//!
//! `$BROWSER`, when set, is a command line split into words the way a shell
//! would split it (quotes respected) but run directly; `%s` in it is
//! replaced by the URL, otherwise the URL is the last argument. Without it
//! the platform's opener is used. Only absolute http(s) URLs are opened, so
//! a data file cannot make profdex run `file://` or `javascript:` links.
//!
//! The command line and the browser both open links with `open_url`, so
//! they launch the same way and fail with the same words: `OpenError`'s.
//!
//! An email address opens as a `mailto:` URL with the platform's opener
//! (which hands it to the mail program; `$BROWSER` is for web pages), and
//! only a plain address does: ASCII letters, digits and `._+-` before the
//! `@`, a domain of such labels after it, so that nothing in it can add
//! headers, recipients or a body to the mail (`?cc=`, `&body=`).

use std::io;
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::sanitize::sanitize;
use crate::url::{CodePoint, Refusal, refusal, shown};

/// Why a URL was not opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("refused to open \"{0}\": only absolute http(s) URLs are opened")]
    NotHttp(String),
    #[error("refused to open \"{0}\": it holds an invisible character, {1}")]
    Invisible(String, CodePoint),
    #[error(
        "refused to open \"{0}\" as an email: only plain addresses (letters, digits, ._+- and one @) are opened"
    )]
    NotMail(String),
    #[error("cannot understand $BROWSER ({0})")]
    BadBrowser(String),
    #[error("cannot start {program}: {error}")]
    CannotStart { program: String, error: io::Error },
    #[error("{program} failed ({status})")]
    Failed { program: String, status: ExitStatus },
}

/// What is said once `url` has been opened, by the command line and the
/// browser alike: the URL, and where it really went when that could be
/// mistaken. Made safe for a terminal by whoever prints it.
pub fn opened_message(url: &str) -> String {
    format!("Opened {}", shown(url))
}

/// Opens `url` with `browser` (the value of `$BROWSER`), or the platform's
/// opener when there is none.
///
/// A text-mode browser needs the terminal while it runs: `run_in_terminal`
/// runs the command it is given with the terminal handed over, takes the
/// terminal back, and returns the browser's exit status. Anything else is
/// started in the background and not waited for.
pub fn open_url(
    url: &str,
    browser: Option<&str>,
    run_in_terminal: impl FnOnce(&mut Command) -> io::Result<ExitStatus>,
) -> Result<(), OpenError> {
    let launch = Launch::plan(url, browser)?;
    if !launch.needs_terminal {
        return launch.start_in_background();
    }
    let status =
        run_in_terminal(&mut launch.command()).map_err(|error| launch.cannot_start(error))?;
    launch.succeeded(status)
}

/// The email address `text` holds (as written, or after `mailto:`), when
/// it is one profdex opens.
pub fn mail_address(text: &str) -> Option<&str> {
    let text = text.trim();
    let address = match text.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => &text[7..],
        _ => text,
    };
    let (local, domain) = address.split_once('@')?;
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '+' | '-'));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().any(|c| c.is_ascii_alphabetic()));
    (local_ok && domain_ok && address.len() <= 254).then_some(address)
}

/// Opens `address` in the user's mail program: `mailto:` through the
/// platform's opener, in the background.
pub fn open_mail(address: &str) -> Result<(), OpenError> {
    let Some(address) = mail_address(address) else {
        return Err(OpenError::NotMail(sanitize(address).into_owned()));
    };
    let (program, mut args) = platform_opener();
    args.push(format!("mailto:{address}"));
    Launch {
        program: program.to_string(),
        args,
        needs_terminal: false,
    }
    .start_in_background()
}

/// How a URL will be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Launch {
    program: String,
    args: Vec<String>,
    /// A text-mode browser (lynx, w3m, …) needs the terminal, so it runs in
    /// the foreground; anything else (a desktop browser, the platform
    /// opener) is started in the background, so profdex does not wait for
    /// the browser window to close.
    needs_terminal: bool,
}

impl Launch {
    /// Plans how to open `url`, with `browser` the value of `$BROWSER`.
    fn plan(url: &str, browser: Option<&str>) -> Result<Launch, OpenError> {
        match refusal(url) {
            Some(Refusal::NotHttp) => return Err(OpenError::NotHttp(sanitize(url).into_owned())),
            Some(Refusal::Invisible(c)) => {
                return Err(OpenError::Invisible(
                    sanitize(url).into_owned(),
                    CodePoint(c),
                ));
            }
            None => {}
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
    fn start_in_background(&self) -> Result<(), OpenError> {
        let mut child = self
            .command()
            .spawn()
            .map_err(|error| self.cannot_start(error))?;
        let deadline = Instant::now() + QUICK_FAILURE;
        while Instant::now() < deadline {
            match child.try_wait() {
                Ok(Some(status)) => return self.succeeded(status),
                Ok(None) => thread::sleep(Duration::from_millis(10)),
                Err(_) => break,
            }
        }
        // Still running: a browser window. Reap it whenever it closes.
        thread::spawn(move || child.wait());
        Ok(())
    }

    fn succeeded(&self, status: ExitStatus) -> Result<(), OpenError> {
        if status.success() {
            Ok(())
        } else {
            Err(OpenError::Failed {
                program: self.program.clone(),
                status,
            })
        }
    }

    fn cannot_start(&self, error: io::Error) -> OpenError {
        OpenError::CannotStart {
            program: self.program.clone(),
            error,
        }
    }

    fn command(&self) -> Command {
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
        let error = Launch::plan("https://goo\u{AD}gle.com/", Some("lynx"))
            .unwrap_err()
            .to_string();
        assert_eq!(
            error,
            "refused to open \"https://goo\u{AD}gle.com/\": it holds an invisible character, U+00AD"
        );
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
        assert!(launch("true").start_in_background().is_ok());
        let error = launch("false").start_in_background().unwrap_err();
        assert_eq!(error.to_string(), "false failed (exit status: 1)");
        let error = launch("/no/such/browser")
            .start_in_background()
            .unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("cannot start /no/such/browser: "),
            "{error}"
        );
    }

    /// What `run_in_terminal` was asked to run: the program and its arguments.
    #[cfg(unix)]
    fn ran_in_terminal(
        url: &str,
        browser: &str,
        code: i32,
    ) -> (Option<Vec<String>>, Result<(), OpenError>) {
        use std::os::unix::process::ExitStatusExt;
        let mut ran = None;
        let result = open_url(url, Some(browser), |command| {
            let mut words = vec![command.get_program().to_string_lossy().into_owned()];
            words.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
            ran = Some(words);
            Ok(ExitStatus::from_raw(code << 8))
        });
        (ran, result)
    }

    #[cfg(unix)]
    #[test]
    fn a_text_browser_is_given_the_terminal_and_its_failure_reported() {
        let (ran, result) = ran_in_terminal(URL, "w3m -no-mouse", 0);
        assert_eq!(ran.unwrap(), ["w3m", "-no-mouse", URL]);
        assert!(result.is_ok());
        let odd = "https://x.org/a;b?q='1'&&rm$(id)%s";
        let (ran, _) = ran_in_terminal(odd, "lynx", 0);
        assert_eq!(ran.unwrap(), ["lynx", odd], "the URL is one argument");
        let (_, result) = ran_in_terminal(URL, "lynx", 3);
        assert_eq!(
            result.unwrap_err().to_string(),
            "lynx failed (exit status: 3)"
        );
        // Desktop browsers and refused URLs never reach the terminal.
        let (ran, result) = ran_in_terminal(URL, "true", 0);
        assert!(ran.is_none() && result.is_ok());
        let (ran, result) = ran_in_terminal("file:///etc/passwd", "lynx", 0);
        assert!(ran.is_none());
        assert!(matches!(result, Err(OpenError::NotHttp(_))));
    }

    #[test]
    fn a_text_browser_that_cannot_start_is_reported() {
        let error = open_url(URL, Some("lynx"), |_| {
            Err(io::Error::from(io::ErrorKind::NotFound))
        })
        .unwrap_err();
        assert!(
            error.to_string().starts_with("cannot start lynx: "),
            "{error}"
        );
    }

    #[test]
    fn the_opened_message_names_the_real_host() {
        assert_eq!(opened_message(URL), format!("Opened {URL}"));
        assert_eq!(
            opened_message("https://www.google.com@evil.example/"),
            "Opened https://www.google.com@evil.example/  (opens evil.example)"
        );
        assert_eq!(
            opened_message("https://bücher.example/"),
            "Opened https://bücher.example/  (opens xn--bcher-kva.example)"
        );
    }

    /// The command line prints these after `profdex: `, the browser shows
    /// them on its status line: one wording, lower case, for both.
    #[test]
    fn every_launch_message_comes_from_open_error() {
        let messages = [
            OpenError::NotHttp("ftp://x".into()).to_string(),
            OpenError::BadBrowser("missing closing quote".into()).to_string(),
            OpenError::CannotStart {
                program: "lynx".into(),
                error: io::Error::from(io::ErrorKind::NotFound),
            }
            .to_string(),
        ];
        assert_eq!(
            messages[0],
            "refused to open \"ftp://x\": only absolute http(s) URLs are opened"
        );
        assert_eq!(
            messages[1],
            "cannot understand $BROWSER (missing closing quote)"
        );
        assert!(
            messages[2].starts_with("cannot start lynx: "),
            "{}",
            messages[2]
        );
        for message in &messages {
            assert!(message.starts_with(char::is_lowercase), "{message}");
        }
    }

    #[test]
    fn only_plain_email_addresses_open() {
        for (text, address) in [
            ("ada@mit.edu", "ada@mit.edu"),
            (
                "  Jane.Doe+phd@cs.example-u.ac.uk ",
                "Jane.Doe+phd@cs.example-u.ac.uk",
            ),
            ("MAILTO:ada@mit.edu", "ada@mit.edu"),
        ] {
            assert_eq!(mail_address(text), Some(address), "{text}");
        }
        for text in [
            "ada@mit.edu?cc=boss@evil.example",
            "ada@mit.edu&body=hi",
            "ada%40mit.edu",
            "a?b@mit.edu",
            "ada [at] mit.edu",
            "ada@localhost",
            "ada@mit.123",
            "@mit.edu",
            "ada@@mit.edu",
            "ada@-mit.edu",
            "josé@uni.es",
            "ada@mit.edu\u{1b}]",
            "https://scholar.google.com/citations?user=x",
        ] {
            assert_eq!(mail_address(text), None, "{text:?}");
        }
        let error = open_mail("a?cc=x@evil.example").unwrap_err().to_string();
        assert!(
            error.starts_with("refused to open \"a?cc=x@evil.example\" as an email"),
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
