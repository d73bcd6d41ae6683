//! Who has the terminal: the browser (raw mode, the alternate screen, mouse
//! and paste reporting) or the shell. The event loop, the panic hook and the
//! signal thread all switch it, so every switch goes through one lock and
//! happens once, whoever asks first, and frames are written under the same
//! lock, only while the screen is the browser's.

use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::Ordering;
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use ratatui::Terminal;
use ratatui::backend::Backend;

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// A terminal's two switches: the bytes that enter or leave the screen go
/// to it as a writer, and raw mode is set beside them.
pub(super) trait Tty: Write {
    fn raw(&mut self, on: bool) -> io::Result<()>;
}

/// The controlling terminal, when standard output carries data
/// (`profdex pick`): every byte of the interface goes there instead.
static DEVICE: OnceLock<File> = OnceLock::new();

/// Draws on `device` from now on, for the rest of the process.
pub(super) fn draw_on(device: File) {
    let _ = DEVICE.set(device);
}

/// The one writer of the interface: standard output, or the device.
pub(super) enum Out {
    Stdout(io::Stdout),
    Device(&'static File),
}

pub(super) fn out() -> Out {
    match DEVICE.get() {
        Some(device) => Out::Device(device),
        None => Out::Stdout(io::stdout()),
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Out::Stdout(out) => out.write(buf),
            Out::Device(device) => (&**device).write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Out::Stdout(out) => out.flush(),
            Out::Device(device) => (&**device).flush(),
        }
    }
}

/// The terminal profdex runs in.
struct Stdout(Out);

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

impl Tty for Stdout {
    fn raw(&mut self, on: bool) -> io::Result<()> {
        if on {
            enable_raw_mode()
        } else {
            disable_raw_mode()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holder {
    /// Before the browser starts, after it ends, or while a text browser
    /// has the terminal.
    Shell,
    Browser,
    /// The browser's, given back to the shell while the program is stopped
    /// (`Ctrl-z`, SIGTSTP), to be taken again when it continues.
    Stopped,
    /// The browser's, taken back by `enter` after a stop, before the signal
    /// thread heard of the continue: that only needs to redraw.
    Continued,
}

impl Holder {
    fn is_browser(self) -> bool {
        matches!(self, Holder::Browser | Holder::Continued)
    }
}

pub(super) struct Screen {
    holder: Mutex<Holder>,
}

impl Screen {
    pub(super) const fn new() -> Screen {
        Screen {
            holder: Mutex::new(Holder::Shell),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Holder> {
        // A panic elsewhere must not keep the terminal from being restored.
        self.holder.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Gives the screen to the browser, unless it has it already.
    pub(super) fn enter(&self, tty: &mut impl Tty) -> io::Result<()> {
        let mut holder = self.lock();
        if holder.is_browser() {
            return Ok(());
        }
        let entered = take(tty);
        if entered.is_err() {
            let _ = give(tty);
        } else if *holder == Holder::Stopped {
            *holder = Holder::Continued;
        } else {
            *holder = Holder::Browser;
        }
        entered
    }

    /// Gives the screen back to the shell. Only the first call after
    /// `enter` writes: a panic leaves in its hook, then again as it unwinds
    /// through the guard, and a second `LeaveAlternateScreen` would move the
    /// cursor back up over the panic message.
    pub(super) fn leave(&self, tty: &mut impl Tty) -> io::Result<()> {
        let mut holder = self.lock();
        let was = std::mem::replace(&mut *holder, Holder::Shell);
        if was.is_browser() { give(tty) } else { Ok(()) }
    }

    /// Gives the screen to the shell before the program stops.
    pub(super) fn stop(&self, tty: &mut impl Tty) -> io::Result<()> {
        let mut holder = self.lock();
        if !holder.is_browser() {
            return Ok(());
        }
        *holder = Holder::Stopped;
        give(tty)
    }

    /// Takes the screen back when the program continues, if it is the
    /// browser's; true when it did, and the screen must be drawn whole.
    /// After a stop that could not give the screen back (SIGSTOP cannot be
    /// caught) it is taken again all the same, as the shell may have put the
    /// terminal back in cooked mode meanwhile.
    pub(super) fn resume(&self, tty: &mut impl Tty) -> io::Result<bool> {
        let mut holder = self.lock();
        let was = std::mem::replace(&mut *holder, Holder::Browser);
        match was {
            Holder::Shell => {
                *holder = Holder::Shell;
                Ok(false)
            }
            Holder::Continued => Ok(true),
            Holder::Stopped => take(tty).map(|()| true),
            Holder::Browser => {
                // Raw mode is only set when it is believed off. This leaves
                // it a moment, where a key could act as in a shell (Ctrl-c),
                // so only here, where nothing took the screen back already.
                tty.raw(false)?;
                take(tty).map(|()| true)
            }
        }
    }

    /// Writes one frame whole, or nothing when the screen is not the
    /// browser's: a frame drawn as the screen is given back must not land
    /// on the shell's. The next full redraw makes up for it.
    pub(super) fn frame(&self, out: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
        let holder = self.lock();
        if !holder.is_browser() {
            return Ok(());
        }
        out.write_all(bytes)?;
        out.flush()
    }
}

fn take(tty: &mut impl Tty) -> io::Result<()> {
    tty.raw(true)?;
    execute!(tty, EnterAlternateScreen)?;
    // With the mouse off (`mouse = false`), the terminal keeps it for
    // selecting text.
    if crate::config::screen().mouse {
        execute!(tty, EnableMouseCapture)?;
    }
    execute!(tty, EnableBracketedPaste)
}

fn give(tty: &mut impl Tty) -> io::Result<()> {
    let written = execute!(
        tty,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
    tty.raw(false)?;
    written
}

static SCREEN: Screen = Screen::new();

pub(super) fn enter() -> io::Result<()> {
    SCREEN.enter(&mut Stdout(out()))
}

pub(super) fn leave() -> io::Result<()> {
    SCREEN.leave(&mut Stdout(out()))
}

// Stopping and continuing are Unix's.
#[cfg_attr(not(unix), allow(dead_code))]
pub(super) fn stop() -> io::Result<()> {
    SCREEN.stop(&mut Stdout(out()))
}

// Stopping and continuing are Unix's.
#[cfg_attr(not(unix), allow(dead_code))]
pub(super) fn resume() -> io::Result<bool> {
    SCREEN.resume(&mut Stdout(out()))
}

/// `Ctrl-z`: gives the screen to the shell, stops, and once continued
/// (`fg`) takes the screen again; the caller redraws it whole.
#[cfg(unix)]
pub(super) fn suspend() -> io::Result<()> {
    use signal_hook::consts::SIGTSTP;
    // SIGTSTP's default action, a SIGSTOP: it stops the program before it
    // returns. Raising SIGTSTP itself would reach the signal thread, which
    // stops the program a moment later, after this frame went on.
    let stopped = stop().and_then(|()| signal_hook::low_level::emulate_default_handler(SIGTSTP));
    let entered = enter();
    stopped.and(entered)
}

/// What the browser draws with: it collects a frame and writes it whole
/// when ratatui flushes, under the lock.
#[derive(Default)]
pub(super) struct Frames {
    frame: Vec<u8>,
}

impl Write for Frames {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let written = SCREEN.frame(&mut out(), &self.frame);
        self.frame.clear();
        written
    }
}

/// Leaves the browser's screen when dropped: on return, and while a panic
/// (one re-raised from a loading thread, say) unwinds through `run`.
pub(super) struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = leave();
    }
}

/// Runs `command` (a text browser, an editor) with the terminal handed
/// over, takes it back and redraws. Its Ctrl-c and Ctrl-\\ are its own:
/// profdex ignores those signals meanwhile.
pub(super) fn lend<B: Backend>(
    terminal: &mut Terminal<B>,
    command: &mut Command,
) -> io::Result<ExitStatus>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let _ = leave();
    // The command talks to the terminal too, not to a pipe of data.
    if let Some(device) = DEVICE.get().and_then(|device| device.try_clone().ok()) {
        command.stdout(Stdio::from(device));
    }
    if !io::stdin().is_terminal()
        && let Ok(tty) = File::open("/dev/tty")
    {
        command.stdin(Stdio::from(tty));
    }
    super::signals::LENDING_TERMINAL.store(true, Ordering::SeqCst);
    let status = command.status();
    super::signals::LENDING_TERMINAL.store(false, Ordering::SeqCst);
    let _ = enter();
    let _ = super::redraw_whole(terminal);
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A terminal that records what it is sent.
    #[derive(Default)]
    struct Recorder {
        bytes: Vec<u8>,
        raw: Vec<bool>,
    }

    impl Write for Recorder {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.bytes.extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Tty for Recorder {
        fn raw(&mut self, on: bool) -> io::Result<()> {
            self.raw.push(on);
            Ok(())
        }
    }

    impl Recorder {
        fn count(&self, sequence: &str) -> usize {
            String::from_utf8_lossy(&self.bytes)
                .matches(sequence)
                .count()
        }
    }

    const ENTER: &str = "\x1b[?1049h";
    const LEAVE: &str = "\x1b[?1049l";

    #[test]
    fn the_screen_is_left_once_however_often_it_is_asked() {
        let screen = Screen::new();
        let mut tty = Recorder::default();
        screen.enter(&mut tty).unwrap();
        // The panic hook, then the guard as the panic unwinds.
        screen.leave(&mut tty).unwrap();
        screen.leave(&mut tty).unwrap();
        assert_eq!(tty.count(ENTER), 1);
        assert_eq!(tty.count(LEAVE), 1);
        assert_eq!(tty.raw, [true, false]);
    }

    #[test]
    fn leaving_before_entering_writes_nothing() {
        let screen = Screen::new();
        let mut tty = Recorder::default();
        screen.leave(&mut tty).unwrap();
        assert!(tty.bytes.is_empty());
        assert!(tty.raw.is_empty());
    }

    #[test]
    fn a_text_browser_gets_the_screen_and_gives_it_back() {
        let screen = Screen::new();
        let mut tty = Recorder::default();
        screen.enter(&mut tty).unwrap();
        screen.enter(&mut tty).unwrap();
        screen.leave(&mut tty).unwrap();
        screen.enter(&mut tty).unwrap();
        screen.leave(&mut tty).unwrap();
        assert_eq!((tty.count(ENTER), tty.count(LEAVE)), (2, 2));
    }

    #[test]
    fn a_stop_gives_the_screen_back_and_a_continue_takes_it_again() {
        let screen = Screen::new();
        let mut tty = Recorder::default();
        screen.enter(&mut tty).unwrap();
        screen.stop(&mut tty).unwrap();
        assert_eq!((tty.count(ENTER), tty.count(LEAVE)), (1, 1));
        assert_eq!(tty.raw, [true, false]);
        assert!(screen.resume(&mut tty).unwrap());
        assert_eq!((tty.count(ENTER), tty.count(LEAVE)), (2, 1));
        assert_eq!(tty.raw.last(), Some(&true));
        // The program's own `Ctrl-z` takes the screen itself once continued,
        // and the signal thread comes second: it only asks for a redraw,
        // without leaving raw mode for a moment.
        screen.stop(&mut tty).unwrap();
        screen.enter(&mut tty).unwrap();
        let before = (tty.count(ENTER), tty.raw.len());
        assert!(screen.resume(&mut tty).unwrap());
        assert_eq!((tty.count(ENTER), tty.raw.len()), before);
        screen.leave(&mut tty).unwrap();
        screen.leave(&mut tty).unwrap();
        assert_eq!(tty.count(LEAVE), 3);
        assert_eq!(tty.raw.last(), Some(&false));
    }

    #[test]
    fn after_a_stop_whoever_comes_first_takes_the_screen_once() {
        let screen = Screen::new();
        let mut tty = Recorder::default();
        screen.enter(&mut tty).unwrap();
        screen.stop(&mut tty).unwrap();
        // The signal thread before the program's own `Ctrl-z` returns.
        assert!(screen.resume(&mut tty).unwrap());
        screen.enter(&mut tty).unwrap();
        assert_eq!(tty.count(ENTER), 2);
        assert_eq!(tty.raw, [true, false, true]);
    }

    #[test]
    fn a_continue_after_an_uncaught_stop_takes_the_screen_again() {
        let screen = Screen::new();
        let mut tty = Recorder::default();
        screen.enter(&mut tty).unwrap();
        // SIGSTOP, then SIGCONT: the shell may have reset the terminal.
        assert!(screen.resume(&mut tty).unwrap());
        assert_eq!(tty.count(ENTER), 2);
        assert_eq!(tty.raw, [true, false, true]);
    }

    #[test]
    fn a_continue_leaves_a_screen_that_is_not_the_browsers_alone() {
        let screen = Screen::new();
        let mut tty = Recorder::default();
        assert!(!screen.resume(&mut tty).unwrap());
        screen.enter(&mut tty).unwrap();
        // A text browser has the terminal.
        screen.leave(&mut tty).unwrap();
        assert!(!screen.resume(&mut tty).unwrap());
        assert_eq!(tty.count(ENTER), 1);
    }

    #[test]
    fn frames_are_written_only_on_the_browsers_screen() {
        let screen = Screen::new();
        let mut tty = Recorder::default();
        let mut out = Vec::new();
        screen.frame(&mut out, b"before").unwrap();
        screen.enter(&mut tty).unwrap();
        screen.frame(&mut out, b"on").unwrap();
        screen.stop(&mut tty).unwrap();
        screen.frame(&mut out, b"stopped").unwrap();
        screen.resume(&mut tty).unwrap();
        screen.frame(&mut out, b"back").unwrap();
        screen.leave(&mut tty).unwrap();
        screen.frame(&mut out, b"after").unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "onback");
    }
}
