//! Every style the screen uses, in one place, with a monochrome twin for
//! `NO_COLOR` and `--color never` that relies on bold, reverse and underline.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub heading: Style,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub selected: Style,
    /// The selection of a pane that does not have the focus.
    pub selected_unfocused: Style,
    pub matched: Style,
    pub star: Style,
    pub link: Style,
    pub key: Style,
    pub error: Style,
    pub status: Style,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        if color {
            Theme::colored()
        } else {
            Theme::monochrome()
        }
    }

    /// The style of a list row: highlighted when selected, less so when
    /// its pane does not have the focus.
    pub fn row(&self, selected: bool, focused: bool) -> Style {
        match (selected, focused) {
            (true, true) => self.selected,
            (true, false) => self.selected_unfocused,
            (false, _) => self.text,
        }
    }

    pub fn colored() -> Theme {
        let accent = Color::Cyan;
        Theme {
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            heading: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(accent),
            title: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            selected_unfocused: Style::new().bg(Color::DarkGray).fg(Color::White),
            matched: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            star: Style::new().fg(Color::Yellow),
            link: Style::new().fg(accent).add_modifier(Modifier::UNDERLINED),
            key: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            status: Style::new(),
        }
    }

    pub fn monochrome() -> Theme {
        Theme {
            text: Style::new(),
            dim: Style::new(),
            heading: Style::new().add_modifier(Modifier::BOLD),
            border: Style::new(),
            border_focused: Style::new().add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            matched: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            star: Style::new(),
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            key: Style::new().add_modifier(Modifier::BOLD),
            error: Style::new().add_modifier(Modifier::BOLD),
            status: Style::new(),
        }
    }
}
