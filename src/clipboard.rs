//! Copying a URL to the clipboard from the browser, and saying truly where
//! it went.
//!
//! OSC 52 asks the terminal itself to set the clipboard, which works over
//! SSH and needs no tool. A multiplexer stands in between: tmux, with its
//! default `set-clipboard external`, drops an application's OSC 52, and
//! screen passes none on. Inside one, a system clipboard tool does the
//! copying when one is installed and has a display to reach; failing that,
//! tmux's own paste buffer; failing that, OSC 52 is still sent, and the
//! status line says it may not arrive.

use std::ffi::OsStr;
use std::io::{self, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::clipboard::CopyToClipboard;
use crossterm::execute;

use crate::url::shown;

/// What the copying can rely on, read from the environment once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Surroundings {
    /// The multiplexer the browser runs in, if any.
    pub multiplexer: Option<Multiplexer>,
    pub wayland: bool,
    pub x11: bool,
    pub macos: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Multiplexer {
    Tmux,
    Screen,
}

impl Multiplexer {
    fn name(self) -> &'static str {
        match self {
            Multiplexer::Tmux => "tmux",
            Multiplexer::Screen => "screen",
        }
    }
}

impl Surroundings {
    pub fn of_this_process() -> Surroundings {
        let set = |name: &str| std::env::var_os(name).is_some_and(|value| !value.is_empty());
        Surroundings {
            multiplexer: if set("TMUX") {
                Some(Multiplexer::Tmux)
            } else if set("STY") {
                Some(Multiplexer::Screen)
            } else {
                None
            },
            wayland: set("WAYLAND_DISPLAY"),
            x11: set("DISPLAY"),
            macos: cfg!(target_os = "macos"),
        }
    }
}

/// One way of copying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    /// A system clipboard tool, reading the text on its standard input.
    Tool(&'static str, &'static [&'static str]),
    /// `tmux load-buffer`: tmux's paste buffer, and the terminal's
    /// clipboard too when tmux can set it.
    TmuxBuffer,
    /// The OSC 52 escape sequence, to the terminal.
    Osc52,
}

/// The system clipboard tools, each with what it needs to work.
const TOOLS: [(Way, Needs); 4] = [
    (Way::Tool("wl-copy", &[]), Needs::Wayland),
    (Way::Tool("xclip", &["-selection", "clipboard"]), Needs::X11),
    (Way::Tool("xsel", &["--clipboard", "--input"]), Needs::X11),
    (Way::Tool("pbcopy", &[]), Needs::MacOs),
];

#[derive(Debug, Clone, Copy)]
enum Needs {
    Wayland,
    X11,
    MacOs,
}

/// The ways to try, in order, given the surroundings and which programs
/// are installed. Outside a multiplexer OSC 52 alone: it is what reaches
/// the user's own machine over SSH, where a tool would fill a remote
/// clipboard.
pub fn ways(around: &Surroundings, installed: impl Fn(&str) -> bool) -> Vec<Way> {
    let Some(multiplexer) = around.multiplexer else {
        return vec![Way::Osc52];
    };
    let mut ways: Vec<Way> = TOOLS
        .iter()
        .filter(|(_, needs)| match needs {
            Needs::Wayland => around.wayland,
            Needs::X11 => around.x11,
            Needs::MacOs => around.macos,
        })
        .map(|&(way, _)| way)
        .filter(|way| matches!(way, Way::Tool(program, _) if installed(program)))
        .take(1)
        .collect();
    if multiplexer == Multiplexer::Tmux {
        ways.push(Way::TmuxBuffer);
    }
    ways.push(Way::Osc52);
    ways
}

/// Where a copy went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Copied {
    /// To the clipboard, by a tool or by a terminal with nothing between.
    Clipboard,
    /// To tmux's paste buffer.
    TmuxBuffer,
    /// Sent as OSC 52 through a multiplexer that may well drop it.
    Unsure(Multiplexer),
}

impl Copied {
    /// The status line's words for copying `url` so, for the runner to show.
    pub fn message(&self, url: &str) -> String {
        let url = shown(url);
        match self {
            Copied::Clipboard => format!("Copied {url}"),
            Copied::TmuxBuffer => format!("Copied to the tmux buffer (no clipboard tool): {url}"),
            Copied::Unsure(multiplexer) => format!(
                "Sent {url} to the terminal, but {} may not pass it on: install wl-copy, xclip or xsel",
                multiplexer.name()
            ),
        }
    }
}

/// Copies `text` the first way that works, writing OSC 52 to `terminal`.
pub fn copy(text: &str, around: &Surroundings, terminal: &mut impl Write) -> io::Result<Copied> {
    let mut failed = None;
    for way in ways(around, installed) {
        let done = match way {
            Way::Tool(program, args) => run(program, args, text).map(|()| Copied::Clipboard),
            Way::TmuxBuffer => run("tmux", &["load-buffer", "-w", "-"], text)
                // tmux before 3.2 has no -w: the buffer alone, then.
                .or_else(|_| run("tmux", &["load-buffer", "-"], text))
                .map(|()| Copied::TmuxBuffer),
            Way::Osc52 => osc52(terminal, text).map(|()| match around.multiplexer {
                Some(multiplexer) => Copied::Unsure(multiplexer),
                None => Copied::Clipboard,
            }),
        };
        match done {
            Ok(copied) => return Ok(copied),
            Err(error) => failed = Some(error),
        }
    }
    Err(failed.unwrap_or_else(|| io::Error::other("no way to copy")))
}

/// OSC 52 for `text`.
pub fn osc52(out: &mut impl Write, text: &str) -> io::Result<()> {
    execute!(out, CopyToClipboard::to_clipboard_from(text))
}

/// Whether `program` is an executable file on `$PATH`.
fn installed(program: &str) -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|dir| is_executable(&dir.join(program)))
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// How long a tool may take to read the text and exit. X11 and Wayland
/// tools stay behind to serve the selection, in a child of their own, so
/// one still running after this is taken to be serving it.
const TOOL_TIME: Duration = Duration::from_secs(2);

/// Runs `program` with `text` on its standard input, never through a shell;
/// fails when it cannot start or exits unsuccessfully.
fn run(program: &str, args: &[&str], text: &str) -> io::Result<()> {
    let mut child = Command::new(program)
        .args(args.iter().map(OsStr::new))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(text.as_bytes())?;
    }
    let start = Instant::now();
    while start.elapsed() < TOOL_TIME {
        if let Some(status) = child.try_wait()? {
            return if status.success() {
                Ok(())
            } else {
                Err(io::Error::other(format!("{program} failed ({status})")))
            };
        }
        thread::sleep(Duration::from_millis(10));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const XCLIP: Way = Way::Tool("xclip", &["-selection", "clipboard"]);
    const WL_COPY: Way = Way::Tool("wl-copy", &[]);

    fn inside(multiplexer: Multiplexer) -> Surroundings {
        Surroundings {
            multiplexer: Some(multiplexer),
            ..Surroundings::default()
        }
    }

    #[test]
    fn outside_a_multiplexer_the_terminal_is_asked() {
        let around = Surroundings {
            x11: true,
            ..Surroundings::default()
        };
        assert_eq!(ways(&around, |_| true), [Way::Osc52]);
    }

    #[test]
    fn inside_tmux_a_tool_then_tmux_then_the_terminal() {
        let with_x = Surroundings {
            x11: true,
            ..inside(Multiplexer::Tmux)
        };
        assert_eq!(
            ways(&with_x, |_| true),
            [XCLIP, Way::TmuxBuffer, Way::Osc52]
        );
        let xsel_only = ways(&with_x, |program| program == "xsel");
        assert_eq!(xsel_only[0], Way::Tool("xsel", &["--clipboard", "--input"]));
        // No tool, or no display for one: tmux's buffer.
        assert_eq!(ways(&with_x, |_| false), [Way::TmuxBuffer, Way::Osc52]);
        assert_eq!(
            ways(&inside(Multiplexer::Tmux), |_| true),
            [Way::TmuxBuffer, Way::Osc52]
        );
        let wayland = Surroundings {
            wayland: true,
            x11: true,
            ..inside(Multiplexer::Tmux)
        };
        assert_eq!(ways(&wayland, |_| true)[0], WL_COPY);
        let mac = Surroundings {
            macos: true,
            ..inside(Multiplexer::Tmux)
        };
        assert_eq!(ways(&mac, |_| true)[0], Way::Tool("pbcopy", &[]));
    }

    #[test]
    fn inside_screen_a_tool_then_the_terminal() {
        let around = Surroundings {
            wayland: true,
            ..inside(Multiplexer::Screen)
        };
        assert_eq!(ways(&around, |_| true), [WL_COPY, Way::Osc52]);
        assert_eq!(ways(&around, |_| false), [Way::Osc52]);
    }

    #[test]
    fn the_status_says_where_the_url_went() {
        let url = "https://people.eecs.berkeley.edu/~istoica/";
        assert_eq!(Copied::Clipboard.message(url), format!("Copied {url}"));
        assert_eq!(
            Copied::TmuxBuffer.message(url),
            format!("Copied to the tmux buffer (no clipboard tool): {url}")
        );
        let unsure = Copied::Unsure(Multiplexer::Tmux).message(url);
        assert!(unsure.starts_with(&format!("Sent {url} to the terminal, but tmux may not")));
        assert!(!unsure.contains("Copied"), "{unsure}");
    }

    #[test]
    fn with_nothing_else_inside_a_multiplexer_osc_52_is_sent_but_unsure() {
        let mut out = Vec::new();
        let copied = copy("https://a.example/", &inside(Multiplexer::Screen), &mut out);
        assert_eq!(copied.unwrap(), Copied::Unsure(Multiplexer::Screen));
        assert!(out.starts_with(b"\x1b]52;c;"), "{out:?}");
        let mut out = Vec::new();
        let copied = copy("https://a.example/", &Surroundings::default(), &mut out);
        assert_eq!(copied.unwrap(), Copied::Clipboard);
    }

    #[test]
    fn copying_writes_one_osc_52_sequence() {
        let mut out = Vec::new();
        osc52(&mut out, "https://people.eecs.berkeley.edu/~istoica/").unwrap();
        let expected = "\x1b]52;c;aHR0cHM6Ly9wZW9wbGUuZWVjcy5iZXJrZWxleS5lZHUvfmlzdG9pY2Ev\x1b\\";
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}
