//! Signals, handled on a thread of their own that switches the terminal but
//! never draws: the event loop draws, when told the screen came back.

use std::sync::atomic::{AtomicBool, Ordering};

/// Set while a text browser has the terminal.
pub(super) static LENDING_TERMINAL: AtomicBool = AtomicBool::new(false);

/// Set when the program continued and took the screen again.
static RETURNED: AtomicBool = AtomicBool::new(false);

/// Whether the screen came back since the last call, so that the next
/// frame is drawn whole over whatever the shell left on it.
pub(super) fn screen_returned() -> bool {
    RETURNED.swap(false, Ordering::SeqCst)
}

/// `kill`, a closed terminal window or a lost SSH connection end profdex
/// without a key press; the terminal is put back first. Favorites need no
/// saving here: every change was written, atomically, when it was made.
///
/// A stop from outside (`kill -TSTP`, or `Ctrl-z` before the screen is up)
/// gives the screen back before stopping, and a continue takes it again,
/// also after a SIGSTOP, which cannot be caught.
#[cfg(unix)]
pub(super) fn install() {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
    use signal_hook::low_level::{emulate_default_handler, raise};

    use super::screen;

    let Ok(mut signals) =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])
    else {
        return;
    };
    std::thread::spawn(move || {
        for signal in signals.forever() {
            match signal {
                SIGTSTP => {
                    let _ = screen::stop();
                    let _ = emulate_default_handler(SIGTSTP);
                }
                SIGCONT => {
                    if !matches!(screen::resume(), Ok(false)) {
                        RETURNED.store(true, Ordering::SeqCst);
                        // The terminal reports SIGWINCH as a resize event,
                        // which wakes the event loop wherever it waits.
                        let _ = raise(SIGWINCH);
                    }
                }
                _ => {
                    // Ctrl-c or Ctrl-\ typed into a text browser reach profdex too.
                    let keyboard = signal == SIGINT || signal == SIGQUIT;
                    if keyboard && LENDING_TERMINAL.load(Ordering::SeqCst) {
                        continue;
                    }
                    let _ = screen::leave();
                    std::process::exit(128 + signal);
                }
            }
        }
    });
}

#[cfg(not(unix))]
pub(super) fn install() {}
