//! The state of the screen itself: the mode, the focused pane, the size,
//! the status message and how far the detail pane and the help scroll.

use ratatui::layout::Rect;

use super::{Drawn, Mode};
use crate::layout::{self, Pane, Panes};
use crate::theme::Theme;

/// The message at the left of the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

pub struct Screen {
    mode: Mode,
    focus: Pane,
    /// The pane on the left: the schools or the topics.
    left: Pane,
    area: Rect,
    theme: Theme,
    status: Option<Status>,
    /// Counts every status set, so an expiry meant for one message never
    /// clears the next.
    status_seq: u64,
    /// The number of the message that is news from elsewhere, which the
    /// next news may replace.
    news_seq: Option<u64>,
    /// News that came while the user's own message was shown: it follows
    /// once that has been shown long enough.
    news_waiting: Option<String>,
    detail_scroll: usize,
    help_scroll: usize,
    /// What the last frame measured; `None` before the first one.
    drawn: Option<Drawn>,
    quit: bool,
    /// `profdex pick`: browsing and filtering are one mode, the picker's.
    picking: bool,
}

impl Screen {
    pub(super) fn new(theme: &Theme, area: Rect) -> Screen {
        Screen {
            mode: Mode::Browse,
            focus: Pane::Faculty,
            left: Pane::Schools,
            area,
            theme: *theme,
            status: None,
            status_seq: 0,
            news_seq: None,
            news_waiting: None,
            detail_scroll: 0,
            help_scroll: 0,
            drawn: None,
            quit: false,
            picking: false,
        }
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The pane that takes the keys.
    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// The pane on the left, focused or not: the schools or the topics.
    pub fn left(&self) -> Pane {
        self.left
    }

    /// The size of the terminal.
    pub fn area(&self) -> Rect {
        self.area
    }

    pub fn panes(&self) -> Panes {
        layout::layout(self.area, self.focus, self.left)
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// Rows of the detail pane scrolled off the top.
    pub fn detail_scroll(&self) -> usize {
        self.detail_scroll
    }

    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub(super) fn quit(&mut self) {
        self.quit = true;
    }

    /// Whether this is `profdex pick`'s screen.
    pub fn picking(&self) -> bool {
        self.picking
    }

    /// Makes this the picker's screen: the filter has the keys at once.
    pub(super) fn pick(&mut self) {
        self.picking = true;
        self.mode = Mode::Pick;
    }

    pub(super) fn set_mode(&mut self, mode: Mode) {
        // The picker has no browsing apart from filtering: what would go
        // back to either goes back to picking, and its help is its own.
        let mode = match mode {
            Mode::Browse | Mode::Filter if self.picking => Mode::Pick,
            Mode::Help if self.picking => Mode::PickHelp,
            mode => mode,
        };
        if mode.is_help() && !self.mode.is_help() {
            self.help_scroll = 0;
        }
        self.mode = mode;
    }

    /// Focuses `focus`; a left pane takes the left's place.
    pub(super) fn set_focus(&mut self, focus: Pane) {
        self.focus = focus;
        if focus.is_left() {
            self.left = focus;
        }
    }

    pub(super) fn resize(&mut self, width: u16, height: u16) {
        self.area = Rect::new(0, 0, width, height);
    }

    pub(super) fn set_status(&mut self, text: String, is_error: bool) {
        self.status = Some(Status { text, is_error });
        self.status_seq += 1;
    }

    /// News from elsewhere (another process changed a file): shown unless
    /// the status line holds what the user's own last key said.
    pub(super) fn set_news(&mut self, text: String) {
        if self.status.is_none() || self.news_seq == Some(self.status_seq) {
            self.set_status(text, false);
            self.news_seq = Some(self.status_seq);
        } else {
            self.news_waiting = Some(text);
        }
    }

    pub(super) fn status_seq(&self) -> u64 {
        self.status_seq
    }

    /// A message stays until the user acts (or, unless an error, until it
    /// expires): then it has been seen.
    pub(super) fn clear_status(&mut self) {
        self.status = None;
        // The user has moved on; the screen shows what changed anyway.
        self.news_waiting = None;
    }

    /// The message numbered `seq` has been shown long enough.
    pub(super) fn expire_status(&mut self, seq: u64) {
        let current = self.status.as_ref().is_some_and(|s| !s.is_error);
        if current && seq == self.status_seq {
            self.status = None;
            if let Some(news) = self.news_waiting.take() {
                self.set_news(news);
            }
        }
    }

    /// A message set since `seq` that is to expire: not an error.
    pub(super) fn expiring_since(&self, seq: u64) -> Option<u64> {
        let fresh = self.status_seq != seq && self.status.as_ref().is_some_and(|s| !s.is_error);
        fresh.then_some(self.status_seq)
    }

    pub(super) fn reset_detail_scroll(&mut self) {
        self.detail_scroll = 0;
    }

    /// Scrolls the detail pane, as far as the last frame showed there is
    /// text (unbounded before the first frame: drawing clamps it too).
    pub(super) fn scroll_detail(&mut self, delta: isize) {
        let limit = self
            .drawn
            .and_then(|d| d.detail_scroll_limit)
            .unwrap_or(usize::MAX);
        self.detail_scroll = self.detail_scroll.saturating_add_signed(delta).min(limit);
    }

    pub(super) fn scroll_help(&mut self, delta: isize) {
        let limit = self
            .drawn
            .and_then(|d| d.help_scroll_limit)
            .unwrap_or(usize::MAX);
        self.help_scroll = self.help_scroll.saturating_add_signed(delta).min(limit);
    }

    /// A frame was drawn: scrolling stops at what it showed.
    pub(super) fn drawn(&mut self, drawn: Drawn) {
        if let Some(limit) = drawn.detail_scroll_limit {
            self.detail_scroll = self.detail_scroll.min(limit);
        }
        if let Some(shown) = drawn.detail_scroll_shown
            && self.mode == Mode::Related
        {
            self.detail_scroll = shown;
        }
        if let Some(limit) = drawn.help_scroll_limit {
            self.help_scroll = self.help_scroll.min(limit);
        }
        self.drawn = Some(drawn);
    }

    /// Rows of the faculty list on screen.
    pub(super) fn list_height(&self) -> usize {
        usize::from(self.panes().faculty_rows.height)
    }

    /// Rows of the left pane on screen.
    pub(super) fn left_height(&self) -> usize {
        usize::from(self.panes().left_rows.height)
    }
}
