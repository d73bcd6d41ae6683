//! Waiting for the data behind the loading message. A million people take
//! seconds to load, so the work runs on a thread of its own and the keys
//! still work meanwhile: quit at once, or suspend.

use std::io;
use std::thread::JoinHandle;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;

use super::EventSource;
use crate::keys::{self, LoadingKey};

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
}
