//! What can happen to the browser (`Action`) and what it asks the runner to
//! do about it (`Effect`). Each action describes itself, so the help and
//! every hint read the same words the key table binds.

use std::time::Duration;

use ratatui::layout::Position;

use super::line::Motion;
use super::{Place, Reloaded};
use crate::favorites::{Edit, FavoriteKey, Favorites};
use crate::worker::{SearchRequest, SearchResult};

/// What the keys are doing: browsing, typing a filter, or reading the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Browse,
    /// Typing into the filter line.
    Filter,
    Help,
    /// Moving in the detail pane's list of related people (after `r`).
    Related,
    /// Typing a favorite's note or status on the status line (after `n`, `C`).
    Note,
    /// Asked whether to remove a favorite with a note or status (after `b`).
    Confirm,
    /// Choosing one of the person's fields to copy (after `Y`).
    Choose,
    /// `profdex pick`: typing filters at once, `Enter` chooses.
    Pick,
    /// The help overlay over `profdex pick`.
    PickHelp,
}

impl Mode {
    /// Whether the help overlay is open, over the browser or the picker.
    pub fn is_help(self) -> bool {
        matches!(self, Mode::Help | Mode::PickHelp)
    }

    /// Whether the keys type into the focused pane's filter.
    pub fn is_typing(self) -> bool {
        matches!(self, Mode::Filter | Mode::Pick)
    }
}

/// Everything that can change the browser: keys, the mouse, the terminal,
/// and the runner reporting on the effects it carried out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    FocusNext,
    FocusPrevious,
    FocusLeft,
    FocusRight,
    StartFilter,
    FilterInput(char),
    /// Pasted text: typed into the filter at once, one search.
    FilterPaste(String),
    FilterBackspace,
    FilterDeleteWord,
    /// Moves the cursor within the filter line.
    FilterCursor(Motion),
    /// `Enter` while filtering: keep the filter, back to browsing (from the
    /// schools' filter, into the school's list).
    FilterAccept,
    /// `Esc` while filtering: keep the filter, leave the editor.
    LeaveFilter,
    /// `Esc` while browsing: clear the focused list's filter (or close help).
    Cancel,
    ClearFilter,
    /// `s`: the selected person's school, in the schools pane.
    JumpToSchool,
    /// `t`: the topics on the left instead of the schools, or back.
    ToggleTopics,
    /// `r`: into the detail pane's list of related people.
    FocusRelated,
    /// Related person `n` (from 1), or the one under the cursor for 0,
    /// selected in the faculty list.
    JumpToRelated(usize),
    /// Out of the related people, back to browsing.
    LeaveRelated,
    /// `Backspace`: the person, filter, scope and pane before the last jump.
    Back,
    OpenWebsite,
    /// Lab `n` (from 1) of the selected person's school.
    OpenLab(usize),
    ToggleFavorite,
    CopyUrl,
    /// `n`: edit the note of the selected person's favorite on the status line.
    EditNote,
    /// `N`: edit that note in `$VISUAL` or `$EDITOR`.
    EditNoteExternally,
    /// `c`: the favorite's next status.
    CycleStatus,
    /// `C`: type a status of one's own on the status line.
    EditStatus,
    /// `Enter` in the note editor: save what it holds.
    SaveText,
    /// `u`: the last change to the favorites undone (a removal, a note, a status).
    Undo,
    /// `Y`: choose another of the person's fields to copy.
    CopyOther,
    /// Field `n` (from 1) of the chooser copied, or the one under its
    /// cursor for 0.
    CopyField(usize),
    /// `o` in the chooser: open the field under the cursor (an email
    /// address as `mailto:`).
    OpenField,
    /// `S`: the favorites view sorted the next way.
    SortFavorites,
    /// `F`: the favorites view showing the favorites of the next status.
    FilterStatus,
    ToggleHelp,
    /// `Ctrl-z`: stop, back to the shell until `fg`.
    Suspend,
    /// `Enter` in the picker: the marked people, or the selected one, chosen.
    Accept,
    /// `Esc` in the picker: nothing chosen.
    Abort,
    /// `Tab` in the picker: mark or unmark the selected person, then down.
    MarkDown,
    /// `Shift-Tab` in the picker: mark or unmark, then up.
    MarkUp,
    Click(Position),
    ScrollUp(Position),
    ScrollDown(Position),
    Resize(u16, u16),
    /// The view drew a frame and measured how far its text can scroll.
    Drawn(Drawn),
    /// Reports from the runner.
    Opened(Result<String, String>),
    Saved(Result<Favorites, String>),
    /// The editor `N` started has ended: the text it left, or why not.
    Edited {
        key: FavoriteKey,
        result: Result<String, String>,
    },
    Copied(String),
    Searched(SearchResult),
    /// The best hits a long background search has found so far.
    SearchProgress(SearchResult),
    SearchFailed(String),
    /// The status message numbered so has been shown long enough.
    StatusExpired(u64),
    /// Something the runner found to say, such as what loading reported.
    Notice {
        text: String,
        is_error: bool,
    },
    /// `Ctrl-r`: read the data files again.
    Reload,
    /// The data files were read again, by `Ctrl-r` or because they changed.
    Reloaded(Reloaded),
    /// Another process changed the favorites file: what it holds now, or
    /// why it cannot be read.
    FavoritesChanged(Result<Favorites, String>),
    /// Back to where the browser was when it last quit.
    Restore(Place),
    /// `L`: check the selected person's links now, in the background.
    CheckLinks,
    /// What the link store held when the browser started.
    LinksKnown(crate::links::Stored),
    /// The links `L` asked for, checked.
    LinksChecked(Vec<(String, crate::links::Outcome)>),
}

/// What the last frame measured, for the next `update` to clamp scrolling
/// with: the view lays text out, the state machine never asks it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Drawn {
    /// The detail pane's last scroll offset; `None` when it was not drawn,
    /// so nothing is known of it.
    pub detail_scroll_limit: Option<usize>,
    /// The detail pane's scroll offset as drawn: while the related list
    /// has the keys, the frame scrolls to keep its cursor in sight.
    pub detail_scroll_shown: Option<usize>,
    /// The help overlay's last scroll offset; `None` when it was closed.
    pub help_scroll_limit: Option<usize>,
}

/// A side effect `update` asks for. The runner carries it out and reports
/// back with an action (`Opened`, `Saved`, `Copied`, `Searched`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Open(String),
    /// Add (true) or remove (false) a favorite on disk.
    SaveFavorite(FavoriteKey, bool),
    /// Change a favorite's note or status on disk, or put one back.
    EditFavorite(Edit),
    /// Edit `note` in the user's editor, the terminal handed over while it
    /// runs; answered by `Action::Edited`.
    EditNote {
        key: FavoriteKey,
        note: String,
    },
    /// Open an email address with the platform opener, as `mailto:`.
    OpenMail(String),
    Copy(String),
    /// Search a large list in the background; answered by `Action::Searched`.
    Search(SearchRequest),
    /// The background search under way is no longer wanted.
    CancelSearch,
    /// Report back with `Action::StatusExpired(seq)` after `after`.
    ExpireStatus {
        seq: u64,
        after: Duration,
    },
    /// Give the terminal to the shell and stop until continued.
    Suspend,
    /// Read the data files again; answered by `Action::Reloaded`.
    Reload,
    /// Check these URLs in the background; answered by `Action::LinksChecked`.
    CheckLinks(Vec<String>),
}

impl Action {
    /// What the action does, as the help overlay says it in `mode`.
    pub fn description(&self, mode: Mode) -> &'static str {
        let help = mode.is_help();
        match self {
            Action::Quit => "quit",
            Action::Up if help => "scroll up",
            Action::Up => "move up",
            Action::Down if help => "scroll down",
            Action::Down => "move down",
            Action::Top => "go to the top",
            Action::Bottom => "go to the bottom",
            Action::PageUp if help => "scroll a page up",
            Action::PageUp => "move a page up",
            Action::PageDown if help => "scroll a page down",
            Action::PageDown => "move a page down",
            Action::FocusNext => "next pane",
            Action::FocusPrevious => "previous pane",
            Action::FocusLeft => "pane to the left",
            Action::FocusRight => "pane to the right",
            Action::StartFilter => {
                "filter the focused list (people, schools or topics) as you type"
            }
            Action::FilterInput(_) | Action::FilterPaste(_) if mode == Mode::Note => {
                "type (a line break pasted in is kept, shown as ↵)"
            }
            Action::FilterInput(_) | Action::FilterPaste(_) => {
                "narrow the list as you type (every word must match)"
            }
            Action::FilterBackspace => "delete a character",
            Action::FilterDeleteWord => "delete a word",
            Action::FilterCursor(Motion::Left | Motion::Right) => "move the cursor",
            Action::FilterCursor(Motion::Start | Motion::End) => "cursor to the start or end",
            Action::FilterCursor(Motion::WordLeft | Motion::WordRight) => "cursor a word along",
            Action::FilterAccept => "keep the filter and browse (schools, topics: show the list)",
            Action::LeaveFilter => "keep the filter and browse",
            Action::Cancel if mode == Mode::Note => "cancel: leave it as it was",
            Action::Cancel if mode == Mode::Confirm => "keep the favorite",
            Action::Cancel if mode == Mode::Choose => "close",
            Action::ClearFilter if mode == Mode::Note => "clear the line",
            Action::Cancel | Action::ClearFilter => "clear the filter",
            Action::JumpToSchool => "go to the person's school",
            Action::ToggleTopics => {
                "research topics in the left pane (from there: back to the schools)"
            }
            Action::FocusRelated => "choose among the people with related research",
            Action::JumpToRelated(_) => "go to the person (under the cursor, or by number)",
            Action::LeaveRelated => "leave the related people",
            Action::Back => "back to the person, filter and school before the jump",
            Action::OpenWebsite => {
                "open the person's website (on a school or topic: show its list)"
            }
            Action::OpenLab(_) => "open lab N of the person's school",
            Action::ToggleFavorite if mode == Mode::Confirm => {
                "remove it, with its note and status (undo brings them back)"
            }
            Action::ToggleFavorite => "bookmark: add or remove a favorite (saved at once)",
            Action::CopyUrl => "copy the website to the clipboard",
            Action::CheckLinks => "check the person's links now, in the background",
            Action::EditNote => "edit the favorite's note here (bookmarks them if need be)",
            Action::EditNoteExternally => "edit the note in $VISUAL or $EDITOR",
            Action::CycleStatus => "next status: to contact, contacted, replied, declined, none",
            Action::EditStatus => "type a status of your own",
            Action::SaveText => "save (empty removes it)",
            Action::Undo => "undo the last change to the favorites: a removal, a note, a status",
            Action::CopyOther => "copy another field: an email, a Scholar link, the name…",
            Action::CopyField(_) => "copy that field (under the cursor, or by number)",
            Action::OpenField => "open it: a web link, or an email address as mailto:",
            Action::SortFavorites => "sort the favorites by date added, status, name or school",
            Action::FilterStatus => "show the favorites of one status, then the next",
            Action::ToggleHelp if help => "close",
            Action::ToggleHelp => "this help",
            Action::Suspend => "suspend: back to the shell until fg",
            Action::Accept => {
                "print the marked people, or the selected one (on a school: show its list)"
            }
            Action::Abort => "abort: print nothing",
            Action::MarkDown => "mark or unmark the person, then down (with --multi)",
            Action::MarkUp => "mark or unmark the person, then up (with --multi)",
            Action::Click(_) => "select what is clicked",
            Action::Reload => "reload the data files (done by itself too when they change)",
            Action::ScrollUp(_) | Action::ScrollDown(_) => "scroll",
            Action::Resize(..)
            | Action::Drawn(_)
            | Action::Opened(_)
            | Action::Saved(_)
            | Action::Edited { .. }
            | Action::Copied(_)
            | Action::Searched(_)
            | Action::SearchProgress(_)
            | Action::SearchFailed(_)
            | Action::StatusExpired(_)
            | Action::Notice { .. }
            | Action::Reloaded(_)
            | Action::FavoritesChanged(_)
            | Action::Restore(_)
            | Action::LinksKnown(_)
            | Action::LinksChecked(_) => "",
        }
    }

    /// The description of a help row that lists this action and `next`
    /// together (the two directions of one move), if they pair.
    pub fn pair_description(&self, next: &Action, mode: Mode) -> Option<&'static str> {
        match (self, next) {
            (Action::PageUp, Action::PageDown) if mode.is_help() => Some("scroll a page up / down"),
            (Action::PageUp, Action::PageDown) => Some("move a page up / down"),
            (Action::Down, Action::Up) if mode.is_help() => Some("scroll down / up"),
            (Action::Down, Action::Up) => Some("move down / up"),
            (Action::Top, Action::Bottom) => Some("go to the top / bottom"),
            (Action::FocusNext, Action::FocusPrevious) => Some("next / previous pane"),
            (Action::MarkDown, Action::MarkUp) => {
                Some("mark or unmark the person, then down / up (with --multi)")
            }
            (Action::FocusLeft, Action::FocusRight) => Some("pane to the left / right"),
            (Action::FilterCursor(Motion::Left), Action::FilterCursor(Motion::Right)) => {
                Some("cursor left / right")
            }
            (Action::FilterCursor(Motion::Start), Action::FilterCursor(Motion::End)) => {
                Some("cursor to the start / end")
            }
            (Action::FilterCursor(Motion::WordLeft), Action::FilterCursor(Motion::WordRight)) => {
                Some("cursor a word left / right")
            }
            _ => None,
        }
    }

    /// The word the status line shows beside the key, for the main actions
    /// of each mode.
    pub fn hint(&self, mode: Mode) -> Option<&'static str> {
        match (mode, self) {
            (Mode::Browse, Action::StartFilter) => Some("filter"),
            (Mode::Browse, Action::OpenWebsite) => Some("open"),
            (Mode::Browse, Action::ToggleFavorite) => Some("★"),
            (Mode::Browse, Action::ToggleHelp) => Some("help"),
            (Mode::Browse, Action::Quit) => Some("quit"),
            (Mode::Filter, Action::FilterAccept | Action::LeaveFilter) => Some("keep"),
            (Mode::Filter, Action::ClearFilter) => Some("clear"),
            (Mode::Filter, Action::Down | Action::Up) => Some("move"),
            (Mode::Help, Action::ToggleHelp) => Some("close"),
            (Mode::Related, Action::JumpToRelated(_)) => Some("go"),
            (Mode::Related, Action::Down | Action::Up) => Some("move"),
            (Mode::Related, Action::LeaveRelated) => Some("leave"),
            (Mode::Related, Action::Back) => Some("back"),
            (Mode::Related, Action::ToggleHelp) => Some("help"),
            (Mode::Note, Action::SaveText) => Some("save"),
            (Mode::Note, Action::Cancel) => Some("cancel"),
            (Mode::Confirm, Action::ToggleFavorite) => Some("remove"),
            (Mode::Confirm, Action::Cancel) => Some("keep"),
            (Mode::Choose, Action::CopyField(_)) => Some("copy"),
            (Mode::Choose, Action::OpenField) => Some("open"),
            (Mode::Choose, Action::Cancel) => Some("close"),
            (Mode::Pick, Action::Accept) => Some("choose"),
            (Mode::Pick, Action::Abort) => Some("abort"),
            (Mode::Pick, Action::ToggleHelp) => Some("help"),
            (Mode::PickHelp, Action::ToggleHelp) => Some("close"),
            _ => None,
        }
    }

    /// Whether the user did this (a key, the mouse, a paste), rather than
    /// the terminal or the runner: an error message has been seen then.
    pub(crate) fn is_input(&self) -> bool {
        !matches!(
            self,
            Action::Resize(..)
                | Action::Drawn(_)
                | Action::Opened(_)
                | Action::Saved(_)
                | Action::Edited { .. }
                | Action::Copied(_)
                | Action::Searched(_)
                | Action::SearchProgress(_)
                | Action::SearchFailed(_)
                | Action::StatusExpired(_)
                | Action::Notice { .. }
                | Action::Reloaded(_)
                | Action::FavoritesChanged(_)
                | Action::Restore(_)
                | Action::LinksKnown(_)
                | Action::LinksChecked(_)
        )
    }

    /// Keys that act on the selected person or move the selection: they
    /// must see the list the user asked for, so while a search is under way
    /// in the background they wait for its answer. In the help and the
    /// chooser, moving moves there and waits for nothing.
    pub(crate) fn acts_on_selection(&self, mode: Mode) -> bool {
        let moves = matches!(
            self,
            Action::Up
                | Action::Down
                | Action::Top
                | Action::Bottom
                | Action::PageUp
                | Action::PageDown
                | Action::ScrollUp(_)
                | Action::ScrollDown(_)
        );
        let acts = matches!(
            self,
            Action::OpenWebsite
                | Action::OpenLab(_)
                | Action::ToggleFavorite
                | Action::CopyUrl
                | Action::EditNote
                | Action::EditNoteExternally
                | Action::CycleStatus
                | Action::EditStatus
                | Action::CopyOther
                | Action::JumpToSchool
                | Action::FocusRelated
                | Action::JumpToRelated(_)
                | Action::Back
                | Action::Click(_)
                | Action::Accept
                | Action::MarkDown
                | Action::MarkUp
        );
        acts || (moves && !matches!(mode, Mode::Help | Mode::Choose | Mode::PickHelp))
    }
}
