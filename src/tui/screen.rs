//! Who has the terminal: the browser (raw mode, the alternate screen, mouse
//! and paste reporting) or the shell. The event loop, the panic hook and the
//! signal thread all switch it, so every switch goes through one lock and
//! happens once, whoever asks first.

use std::io::{self, Write};
use std::sync::{Mutex, MutexGuard, PoisonError};

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

/// The terminal profdex runs in.
struct Stdout(io::Stdout);

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
        if *holder == Holder::Browser {
            return Ok(());
        }
        let entered = take(tty);
        if entered.is_err() {
            let _ = give(tty);
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
        if *holder == Holder::Shell {
            return Ok(());
        }
        *holder = Holder::Shell;
        give(tty)
    }
}

fn take(tty: &mut impl Tty) -> io::Result<()> {
    tty.raw(true)?;
    execute!(
        tty,
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
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
    SCREEN.enter(&mut Stdout(io::stdout()))
}

pub(super) fn leave() -> io::Result<()> {
    SCREEN.leave(&mut Stdout(io::stdout()))
}

/// Leaves the browser's screen when dropped: on return, and while a panic
/// (one re-raised from a loading thread, say) unwinds through `run`.
pub(super) struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = leave();
    }
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
}
