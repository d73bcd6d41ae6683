//! `profdex pick`: the browser drawn on the controlling terminal, so that
//! standard output carries only what was chosen.

use std::fs::{File, OpenOptions};
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use super::{SystemHost, TerminalEvents, dispatch, run_loop, screen, signals};
use crate::app::{Action, App, Catalogue, Picked, Place, ScopeName};
use crate::favorites::Favorites;
use crate::model::Directory;
use crate::setup::{Failure, Setup};
use crate::theme::Theme;
use crate::worker::SearchWorker;

/// How the picker starts.
#[derive(Debug, Clone, Default)]
pub struct PickStart {
    /// Tab and Shift-Tab mark people (`--multi`).
    pub multi: bool,
    /// The filter to start with (`--query`).
    pub query: Option<String>,
    /// The school to start in, by its name as the data writes it.
    pub school: Option<String>,
}

/// The controlling terminal, or why `pick` cannot run.
pub fn terminal_device() -> Result<File, Failure> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .map_err(|_| {
            Failure::Usage(
                "pick needs a terminal (/dev/tty); without one use --select-1, or `profdex search QUERY --json`".into(),
            )
        })
}

/// Runs the picker on `device` over `directory` until the user chooses or
/// gives up; returns the directory with what was chosen in it. Where the
/// browser last was is neither read nor written: a picker starts afresh.
pub fn pick(
    setup: &Setup,
    device: File,
    directory: Directory,
    favorites: Favorites,
    start: PickStart,
) -> Result<(Arc<Directory>, Picked), Failure> {
    screen::draw_on(device);
    super::install_panic_hook();
    signals::install();
    let (synonyms, _) = setup.synonyms();
    let catalogue = Catalogue::new(directory, &synonyms);
    screen::enter()?;
    let _screen = screen::Guard;
    let mut terminal = Terminal::new(CrosstermBackend::new(screen::Frames::default()))?;
    let size = terminal.size()?;
    let area = Rect::new(0, 0, size.width, size.height);
    let theme = Theme::new(setup.color.enabled(true));
    let mut app = App::with_catalogue(catalogue, favorites, theme, area).into_picker(start.multi);
    let search = SearchWorker::spawn(
        Arc::clone(app.catalogue.directory()),
        Arc::clone(app.catalogue.index()),
    );
    let mut host = SystemHost::new(setup.store(), None, search);
    if start.query.is_some() || start.school.is_some() {
        let place = Place {
            scope: start.school.map(ScopeName::School),
            filter: start.query,
            ..Place::default()
        };
        dispatch(&mut terminal, &mut app, &mut host, Action::Restore(place));
    }
    run_loop(&mut terminal, &mut app, &mut TerminalEvents, &mut host)?;
    let picked = app
        .pick
        .as_ref()
        .and_then(|picker| picker.outcome().cloned())
        .unwrap_or(Picked::Aborted);
    Ok((Arc::clone(app.catalogue.directory()), picked))
}
