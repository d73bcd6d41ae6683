//! Waiting for the data behind the loading message. A million people take
//! seconds to load, so the work runs on a thread of its own and the keys
//! still work meanwhile: quit at once, or suspend.

use std::io;
use std::path::Path;
use std::thread::JoinHandle;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;

use super::EventSource;
use crate::app::{Action, App, Catalogue};
use crate::diag::{Diagnostic, Severity};
use crate::favorites::{Favorites, Store};
use crate::keys::{self, LoadingKey};
use crate::sources::Input;
use crate::theme::Theme;
use crate::topics::Synonyms;

/// How often the loading screen looks whether the data is there.
const POLL: Duration = Duration::from_millis(20);

/// How waiting for the data ended.
#[derive(Debug)]
pub(super) enum Waited<T> {
    Loaded(T),
    /// `q` or `Esc`.
    Quit,
    /// `Ctrl-c`.
    Interrupted,
}

/// Shows the loading message for `files` files until `loading` finishes,
/// or a key quits. A panic while loading is re-raised here.
pub(super) fn wait<B, E, T>(
    terminal: &mut Terminal<B>,
    events: &mut E,
    files: usize,
    loading: JoinHandle<T>,
) -> io::Result<Waited<T>>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
    E: EventSource,
{
    let mut draw = true;
    let mut events_ended = false;
    while !loading.is_finished() {
        if events.screen_returned() {
            terminal.clear().map_err(io::Error::other)?;
            draw = true;
        }
        if draw {
            terminal
                .draw(|frame| crate::ui::render_loading(files, frame.area(), frame.buffer_mut()))
                .map_err(io::Error::other)?;
            draw = false;
        }
        if events_ended {
            std::thread::sleep(POLL);
            continue;
        }
        if !events.ready(POLL)? {
            continue;
        }
        let Some(event) = events.next_event()? else {
            events_ended = true;
            continue;
        };
        match keys::loading_key(&event) {
            Some(LoadingKey::Quit) => return Ok(Waited::Quit),
            Some(LoadingKey::Interrupt) => return Ok(Waited::Interrupted),
            Some(LoadingKey::Suspend) => {
                #[cfg(unix)]
                let _ = super::screen::suspend();
                terminal.clear().map_err(io::Error::other)?;
                draw = true;
            }
            None => draw |= matches!(event, Event::Resize(..)),
        }
    }
    let loaded = loading
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    Ok(Waited::Loaded(loaded))
}

/// What loading made: the browser's state, what loading has to say for
/// the status line, and its diagnostics, for a reload to compare with.
pub(super) struct Prepared {
    pub app: App,
    pub said: Option<Action>,
    pub diagnostics: Vec<Diagnostic>,
}

/// How many errors and warnings loading found, pointing at `check` for
/// them. Notes (parts of a published list skipped on purpose) say nothing
/// is wrong, so they alone leave the status line quiet.
fn problems_notice(
    diagnostics: &[Diagnostic],
    files: usize,
    check: &str,
) -> Option<(String, bool)> {
    let count = |severity| {
        diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let counted = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let found = match (errors, warnings) {
        (0, 0) => return None,
        (0, _) => counted(warnings, "warning"),
        (_, 0) => counted(errors, "error"),
        _ => format!(
            "{} and {}",
            counted(errors, "error"),
            counted(warnings, "warning")
        ),
    };
    let files = counted(files, "file");
    Some((
        format!("{found} in {files}: run `{check}` to see them"),
        errors > 0,
    ))
}

/// What the browser's state is built from.
pub(super) struct Sources<'a> {
    pub inputs: &'a [Input],
    pub cache: Option<&'a Path>,
    pub store: &'a Store,
    /// The topic synonyms, with what in the user's file could not be used.
    pub synonyms: (Synonyms, Vec<Diagnostic>),
}

/// Reads every input and the favorites, and builds the browser's state
/// with its search index and topics: the work behind the loading message.
/// What it says points at `check`, the command that lists the diagnostics
/// of the same sources.
pub(super) fn prepare(sources: Sources, theme: &Theme, area: Rect, check: &str) -> Prepared {
    let Sources {
        inputs,
        cache,
        store,
        synonyms: (synonyms, synonym_warnings),
    } = sources;
    let loaded = crate::cache::load(inputs, cache);
    let (favorites, favorites_error) = match store.load() {
        Ok(favorites) => (favorites, None),
        Err(error) => (Favorites::default(), Some(error.to_string())),
    };
    let catalogue = Catalogue::new(loaded.directory, &synonyms);
    let app = App::with_catalogue(catalogue, favorites, *theme, area);
    let said = match favorites_error {
        Some(error) => Some((error, true)),
        None => problems_notice(&loaded.diagnostics, inputs.len(), check),
    };
    let said = match (said, synonyms_notice(&synonym_warnings)) {
        (Some((text, is_error)), Some(more)) => Some((format!("{text}; {more}"), is_error)),
        (said, more) => said.or(more.map(|more| (more, false))),
    };
    Prepared {
        app,
        said: said.map(|(text, is_error)| Action::Notice { text, is_error }),
        diagnostics: loaded.diagnostics,
    }
}

/// What the user's synonyms file could not give, for the status line: the
/// first problem and how many more (their topics are counted without
/// those lines, never an error screen).
fn synonyms_notice(warnings: &[Diagnostic]) -> Option<String> {
    let first = warnings.first()?;
    Some(match warnings.len() {
        1 => first.to_string(),
        n => format!("{first} (and {} more)", n - 1),
    })
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;
    use std::sync::mpsc;
    use std::thread;

    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;

    struct Script(VecDeque<Event>);

    impl EventSource for Script {
        fn next_event(&mut self) -> io::Result<Option<Event>> {
            Ok(self.0.pop_front())
        }

        fn ready(&mut self, _: Duration) -> io::Result<bool> {
            Ok(true)
        }
    }

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    /// Waits with `events` for a load that finishes only once `wait` has
    /// returned, and says how the wait ended.
    fn wait_with(events: Vec<Event>) -> (Waited<u32>, String) {
        let (done, finish) = mpsc::channel::<()>();
        let loading = thread::spawn(move || {
            let _ = finish.recv();
            7
        });
        let mut terminal = Terminal::new(TestBackend::new(40, 5)).unwrap();
        let waited = wait(&mut terminal, &mut Script(events.into()), 3, loading).unwrap();
        drop(done);
        let screen = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect();
        (waited, screen)
    }

    #[test]
    fn q_and_esc_quit_while_loading() {
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        for quit in [KeyCode::Char('q'), KeyCode::Esc] {
            let events = vec![j.clone(), key(quit, KeyModifiers::NONE)];
            let (waited, screen) = wait_with(events);
            assert!(matches!(waited, Waited::Quit), "{quit:?}: {waited:?}");
            assert!(screen.contains("Loading 3 directory files"), "{screen}");
        }
    }

    #[test]
    fn ctrl_c_interrupts_loading() {
        let events = vec![key(KeyCode::Char('c'), KeyModifiers::CONTROL)];
        assert!(matches!(wait_with(events).0, Waited::Interrupted));
    }

    #[test]
    fn the_data_is_waited_for_when_no_key_quits() {
        let (done, finish) = mpsc::channel();
        let loading = thread::spawn(move || finish.recv().unwrap_or(0));
        let mut terminal = Terminal::new(TestBackend::new(40, 5)).unwrap();
        let events = vec![key(KeyCode::Char('j'), KeyModifiers::NONE)];
        thread::spawn(move || done.send(42));
        let waited = wait(&mut terminal, &mut Script(events.into()), 1, loading).unwrap();
        assert!(matches!(waited, Waited::Loaded(42)), "{waited:?}");
    }

    fn found(severity: Severity) -> Diagnostic {
        Diagnostic {
            severity,
            ..Diagnostic::file_error("u.md", "something")
        }
    }

    #[test]
    fn the_status_counts_errors_and_warnings_but_not_notes() {
        let check = "profdex check";
        let of = |severities: &[Severity]| -> Vec<Diagnostic> {
            severities.iter().copied().map(found).collect()
        };
        let notes = of(&[Severity::Note, Severity::Note]);
        assert_eq!(problems_notice(&notes, 1, check), None, "notes alone");
        let mixed = of(&[
            Severity::Note,
            Severity::Warning,
            Severity::Error,
            Severity::Warning,
        ]);
        assert_eq!(
            problems_notice(&mixed, 2, check),
            Some((
                "1 error and 2 warnings in 2 files: run `profdex check` to see them".into(),
                true
            ))
        );
        let warned = of(&[Severity::Warning, Severity::Note]);
        assert_eq!(
            problems_notice(&warned, 1, check),
            Some((
                "1 warning in 1 file: run `profdex check` to see them".into(),
                false
            ))
        );
    }
}
