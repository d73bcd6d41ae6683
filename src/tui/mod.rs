//! Running the browser: the terminal, the event loop and the side effects.
//!
//! The loop is generic over the ratatui backend, the event source and the
//! host that carries out effects, so tests drive it with a `TestBackend`
//! and scripted events.

use std::collections::VecDeque;
use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event};

use crate::app::{Action, App, Drawn, Effect, update};
use crate::clipboard::{self, Copied, Surroundings};
use crate::favorites::{Favorites, Store};
use crate::keys;
use crate::open::{open_mail, open_url};
use crate::setup::{Failure, Setup};
use crate::sources;
use crate::watch;
use crate::worker::{self, Answer, SearchWorker};

mod editor;
mod links;
mod live;
mod loading;
mod pick;
mod reload;
pub mod resume;
mod screen;
mod signals;
mod start;

use live::{Live, News};
pub use pick::{PickStart, pick, terminal_device};
pub use start::Start;

/// Where events come from: the terminal, or a script in tests.
pub trait EventSource {
    /// The next event, waiting for it; `None` when there will be no more.
    fn next_event(&mut self) -> io::Result<Option<Event>>;
    /// Whether an event is ready within `timeout`. With a zero timeout this
    /// lets bursts (fast typing, pastes, wheel scrolling) be applied before
    /// the next frame is drawn.
    fn ready(&mut self, timeout: Duration) -> io::Result<bool>;
    /// Whether the screen was given back to the shell and taken again
    /// since the last call (the program was stopped and continued): the
    /// next frame is drawn whole. An event follows, so the loop wakes.
    fn screen_returned(&mut self) -> bool {
        false
    }
}

/// Carries out what `update` asks for and reports back with an action.
pub trait Host {
    fn perform<B: Backend>(&mut self, terminal: &mut Terminal<B>, effect: Effect) -> Option<Action>
    where
        B::Error: std::error::Error + Send + Sync + 'static;

    /// Work finished in the background since the last call, as an action.
    fn finished(&mut self) -> Option<Action> {
        None
    }

    /// Whether background work is under way, so the loop should look for
    /// its answer instead of only waiting for the next key.
    fn busy(&self) -> bool {
        false
    }

    /// When the host will next have something to report with no event to
    /// wake the loop (a status message expiring).
    fn next_deadline(&self) -> Option<Instant> {
        None
    }
}

/// How often the loop looks for a background answer while one is due.
const BACKGROUND_POLL: Duration = Duration::from_millis(10);

pub fn run_loop<B, E, H>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut E,
    host: &mut H,
) -> io::Result<()>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
    E: EventSource,
    H: Host,
{
    // Mouse motion and other events that map to no action leave the
    // screen as it is: only draw after something happened.
    let mut changed = true;
    // Keys that came while an action waits for the background search:
    // applied in order once it has acted, mapped in the mode it leaves.
    let mut held = VecDeque::new();
    while !app.screen.should_quit() {
        if events.screen_returned() {
            redraw_whole(terminal).map_err(io::Error::other)?;
            changed = true;
        }
        if changed {
            let mut drawn = Drawn::default();
            terminal
                .draw(|frame| drawn = crate::ui::draw(app, frame.area(), frame.buffer_mut()))
                .map_err(io::Error::other)?;
            dispatch(terminal, app, host, Action::Drawn(drawn));
        }
        // Wait for a key (or a background answer), then apply everything
        // already waiting before drawing again.
        changed = loop {
            if let Some(action) = host.finished() {
                dispatch(terminal, app, host, action);
                release(terminal, app, host, &mut held);
                break true;
            }
            let wait = if host.busy() {
                Some(BACKGROUND_POLL)
            } else {
                host.next_deadline()
                    .map(|at| at.saturating_duration_since(Instant::now()))
            };
            if wait.map_or(Ok(true), |wait| events.ready(wait))? {
                let Some(event) = events.next_event()? else {
                    return Ok(());
                };
                break handle(terminal, app, host, &mut held, event);
            }
        };
        while !app.screen.should_quit() && events.ready(Duration::ZERO)? {
            let Some(event) = events.next_event()? else {
                return Ok(());
            };
            changed |= handle(terminal, app, host, &mut held, event);
        }
    }
    Ok(())
}

/// Applies the action an event stands for, if any; true when there was
/// one. While an action waits for the background search, the user's keys
/// wait behind it, except those that quit or suspend.
fn handle<B, H>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    host: &mut H,
    held: &mut VecDeque<Event>,
    event: Event,
) -> bool
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
    H: Host,
{
    let Some(action) = keys::action_for_event(app.screen.mode(), &event) else {
        return false;
    };
    let urgent =
        matches!(action, Action::Quit | Action::Suspend | Action::Abort) || !action.is_input();
    if app.search.is_awaiting() && !urgent {
        held.push_back(event);
        return false;
    }
    dispatch(terminal, app, host, action);
    true
}

/// Applies the keys held while an action waited, until one waits again.
fn release<B, H>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    host: &mut H,
    held: &mut VecDeque<Event>,
) where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
    H: Host,
{
    while !app.search.is_awaiting() {
        let Some(event) = held.pop_front() else {
            return;
        };
        handle(terminal, app, host, held, event);
    }
}

fn dispatch<B, H>(terminal: &mut Terminal<B>, app: &mut App, host: &mut H, action: Action)
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
    H: Host,
{
    // Effects are carried out in order; what they report is applied in
    // turn, with the effects it asks for.
    let mut actions = VecDeque::from([action]);
    while let Some(action) = actions.pop_front() {
        for effect in update(app, action) {
            actions.extend(host.perform(terminal, effect));
        }
    }
}

/// Key presses, mouse and resizes from the real terminal.
pub struct TerminalEvents;

impl EventSource for TerminalEvents {
    fn next_event(&mut self) -> io::Result<Option<Event>> {
        event::read().map(Some)
    }

    fn ready(&mut self, timeout: Duration) -> io::Result<bool> {
        event::poll(timeout)
    }

    fn screen_returned(&mut self) -> bool {
        signals::screen_returned()
    }
}

/// The real side effects: a browser, the favorites file, the clipboard.
pub struct SystemHost {
    store: Store,
    browser: Option<String>,
    search: SearchWorker,
    /// The status message to expire, and when.
    expiry: Option<(Instant, u64)>,
    /// Watching and reloading the files; `None` keeps the data as loaded.
    live: Option<Live>,
    /// The link store read, and the checks `L` asked for.
    links: links::Checks,
}

impl SystemHost {
    pub fn new(store: Store, browser: Option<String>, search: SearchWorker) -> SystemHost {
        SystemHost {
            store,
            browser,
            search,
            expiry: None,
            live: None,
            links: links::Checks::start(),
        }
    }

    /// Reloads the data when its files change, and on `Ctrl-r`.
    fn with_live(self, live: Live) -> SystemHost {
        SystemHost {
            live: Some(live),
            ..self
        }
    }
}

impl SystemHost {
    /// Applies `change` to the favorites file under its lock; a favorite
    /// it adds is added today.
    fn save(&self, change: impl FnOnce(&mut Favorites, &str)) -> Action {
        // A save of this browser's own is no news from elsewhere.
        if let Some(live) = &self.live {
            live.saving();
        }
        let day = crate::favorites::today();
        let saved = self.store.update(|favorites| change(favorites, &day));
        Action::Saved(
            saved
                .map(|(favorites, ())| favorites)
                .map_err(|e| e.to_string()),
        )
    }
}

impl Host for SystemHost {
    fn perform<B: Backend>(&mut self, terminal: &mut Terminal<B>, effect: Effect) -> Option<Action>
    where
        B::Error: std::error::Error + Send + Sync + 'static,
    {
        Some(match effect {
            Effect::Open(url) => Action::Opened(open(terminal, &url, self.browser.as_deref())),
            Effect::SaveFavorite(key, add) => self.save(|favorites, day| {
                if add {
                    favorites.add_on(key, Some(day));
                } else {
                    favorites.remove(&key);
                }
            }),
            Effect::EditFavorite(edit) => self.save(|favorites, day| edit.apply(favorites, day)),
            Effect::EditNote { key, note } => Action::Edited {
                key,
                result: editor::edit_note(&note, |command| screen::lend(terminal, command)),
            },
            Effect::OpenMail(address) => Action::Opened(
                open_mail(&address)
                    .map(|()| format!("mailto:{address}"))
                    .map_err(|error| error.to_string()),
            ),
            Effect::Copy(text) => {
                let around = Surroundings::of_this_process();
                match clipboard::copy(&text, &around, &mut screen::out()) {
                    Ok(Copied::Clipboard) => Action::Copied(text),
                    // Said as it is: a copy that may not have arrived is no "Copied".
                    Ok(copied) => Action::Notice {
                        text: copied.message(&text),
                        is_error: false,
                    },
                    Err(error) => Action::Opened(Err(format!("Cannot copy: {error}"))),
                }
            }
            Effect::Search(request) => {
                self.search.submit(request);
                return None;
            }
            Effect::CancelSearch => {
                self.search.cancel();
                return None;
            }
            Effect::ExpireStatus { seq, after } => {
                self.expiry = Some((Instant::now() + after, seq));
                return None;
            }
            Effect::Suspend => return suspend(terminal),
            Effect::Reload => match &mut self.live {
                Some(live) => {
                    live.reload(true);
                    return None;
                }
                None => Action::Notice {
                    text: "This browser does not reload its data".into(),
                    is_error: true,
                },
            },
            Effect::CheckLinks(urls) => {
                self.links.check(urls);
                return None;
            }
        })
    }

    fn finished(&mut self) -> Option<Action> {
        match self.search.try_result() {
            Some(Ok(Answer::Final(result))) => return Some(Action::Searched(result)),
            Some(Ok(Answer::Early(result))) => return Some(Action::SearchProgress(result)),
            Some(Err(error)) => return Some(Action::SearchFailed(error)),
            None => {}
        }
        match self.live.as_mut().and_then(Live::news) {
            Some(News::Reloaded(reloaded)) => {
                // The app takes the new catalogue with this action: the
                // searches it asks for from now on are in the new index.
                let catalogue = reloaded.catalogue();
                self.search = SearchWorker::spawn(
                    Arc::clone(catalogue.directory()),
                    Arc::clone(catalogue.index()),
                );
                return Some(Action::Reloaded(reloaded));
            }
            Some(News::Action(action)) => return Some(action),
            None => {}
        }
        if let Some(action) = self.links.news() {
            return Some(action);
        }
        let (at, seq) = self.expiry?;
        (Instant::now() >= at).then(|| {
            self.expiry = None;
            Action::StatusExpired(seq)
        })
    }

    fn busy(&self) -> bool {
        self.search.busy() || self.live.as_ref().is_some_and(Live::busy) || self.links.busy()
    }

    fn next_deadline(&self) -> Option<Instant> {
        let watching = self.live.as_ref().map(|_| Instant::now() + live::POLL);
        [self.expiry.map(|(at, _)| at), watching]
            .into_iter()
            .flatten()
            .min()
    }
}

fn open<B: Backend>(
    terminal: &mut Terminal<B>,
    url: &str,
    browser: Option<&str>,
) -> Result<String, String>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let opened = open_url(url, browser, |command| screen::lend(terminal, command));
    opened
        .map(|()| url.to_string())
        .map_err(|error| error.to_string())
}

/// `Ctrl-z`. The screen is drawn whole when the program continues, over
/// what the shell printed meanwhile.
fn suspend<B: Backend>(terminal: &mut Terminal<B>) -> Option<Action>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    #[cfg(unix)]
    if let Err(error) = screen::suspend() {
        return Some(Action::Opened(Err(format!("Cannot suspend: {error}"))));
    }
    let _ = redraw_whole(terminal);
    None
}

/// Clears the screen so that the next frame is drawn whole. Not
/// `Terminal::clear`: that asks the terminal where its cursor is, through
/// standard output, which `profdex pick` keeps for its data.
fn redraw_whole<B: Backend>(terminal: &mut Terminal<B>) -> Result<(), B::Error> {
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

/// The terminal goes back to normal on a panic too, before the message is
/// printed, so the message is readable and the shell usable. Only a panic
/// of the main thread ends the program; one elsewhere (the background
/// search, reloading) is reported by the main thread, which keeps the screen.
pub(super) fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let background = [
            worker::THREAD_NAME,
            reload::THREAD_NAME,
            watch::THREAD_NAME,
            links::THREAD_NAME,
        ];
        if !thread::current()
            .name()
            .is_some_and(|name| background.contains(&name))
        {
            let _ = screen::leave();
            previous(info);
        }
    }));
}

/// For the test that a panic on the browser's screen leaves it once, so
/// that its message stays readable; debug builds only.
#[cfg(debug_assertions)]
fn panic_if_asked() {
    assert!(
        std::env::var_os("PROFDEX_INTERNAL_TEST_PANIC").is_none(),
        "PROFDEX_INTERNAL_TEST_PANIC is set"
    );
}

/// `profdex` with no command: load, then browse until the user quits.
pub fn run(setup: &Setup, start: &Start) -> Result<(), Failure> {
    // With `--schools -` the keys come from the terminal itself.
    let reads_stdin = setup
        .options
        .schools
        .iter()
        .any(|path| sources::is_stdin(path));
    let keys =
        io::stdin().is_terminal() || (reads_stdin && std::fs::File::open("/dev/tty").is_ok());
    if !keys || !io::stdout().is_terminal() {
        return Err(Failure::Usage(
            "the browser needs a terminal; for scripts use `profdex list`, `profdex search QUERY` or `--help`".into(),
        ));
    }
    let inputs = sources::discover(&setup.options)?;
    install_panic_hook();
    signals::install();
    screen::enter()?;
    let saved = {
        let _screen = screen::Guard;
        #[cfg(debug_assertions)]
        panic_if_asked();
        start::browse(setup, &inputs, start)?
    };
    // Said once the terminal is back, where it can be read; quitting
    // went ahead all the same.
    if let Err(error) = saved {
        crate::cli::tell(&format!("profdex: {}", crate::sanitize::sanitize(&error)));
    }
    Ok(())
}
