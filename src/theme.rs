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
    /// The bars of the research chart, and the counts written on them.
    pub bar: Style,
    pub bar_value: Style,
    /// A favorite's status: still to do (to contact), waiting (contacted),
    /// answered (replied), closed (declined), and the user's own words.
    pub todo: Style,
    pub waiting: Style,
    pub answered: Style,
    pub closed: Style,
    pub own_status: Style,
}

impl Theme {
    /// The theme for a terminal, colours or not. `NO_COLOR` makes the
    /// terminal library drop every colour it writes, even when colour was
    /// asked for (`--color always`): a selection shown by its colours alone
    /// would vanish, so the monochrome theme marks it then.
    pub fn new(color: bool) -> Theme {
        Theme::for_output(color, colors_dropped())
    }

    /// `color` as asked for; `dropped` when colours never reach the screen.
    pub fn for_output(color: bool, dropped: bool) -> Theme {
        if color && !dropped {
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

    /// Whether the selected row stands out without colour: what a
    /// terminal that shows no colours still draws.
    pub fn marks_selection(&self) -> bool {
        let marked = |style: Style| !style.add_modifier.is_empty();
        marked(self.selected) && marked(self.selected_unfocused)
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
            bar: Style::new().fg(accent),
            bar_value: Style::new().fg(Color::Black).bg(accent),
            todo: Style::new().fg(Color::Yellow),
            waiting: Style::new().fg(Color::LightBlue),
            answered: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            closed: Style::new().fg(Color::DarkGray),
            own_status: Style::new().fg(Color::Magenta),
        }
    }

    /// For terminals with a light background: RGB colours only, each
    /// readable on white (a test checks their contrast), as the named
    /// colours' shades differ from one terminal to the next.
    pub fn light() -> Theme {
        let accent = Color::Rgb(0x00, 0x5f, 0x87);
        let dim = Color::Rgb(0x5f, 0x5f, 0x5f);
        let amber = Color::Rgb(0x87, 0x50, 0x00);
        let white = Color::Rgb(0xff, 0xff, 0xff);
        Theme {
            text: Style::new(),
            dim: Style::new().fg(dim),
            heading: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::Rgb(0x76, 0x76, 0x76)),
            border_focused: Style::new().fg(accent),
            title: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(accent)
                .fg(white)
                .add_modifier(Modifier::BOLD),
            selected_unfocused: Style::new()
                .bg(Color::Rgb(0xd0, 0xd0, 0xd0))
                .fg(Color::Rgb(0x1c, 0x1c, 0x1c)),
            matched: Style::new()
                .fg(Color::Rgb(0xaf, 0x00, 0x5f))
                .add_modifier(Modifier::BOLD),
            star: Style::new().fg(amber),
            link: Style::new().fg(accent).add_modifier(Modifier::UNDERLINED),
            key: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            error: Style::new()
                .fg(Color::Rgb(0xaf, 0x00, 0x00))
                .add_modifier(Modifier::BOLD),
            status: Style::new(),
            bar: Style::new().fg(accent),
            bar_value: Style::new().fg(white).bg(accent),
            todo: Style::new().fg(amber),
            waiting: Style::new().fg(Color::Rgb(0x00, 0x4f, 0xa0)),
            answered: Style::new()
                .fg(Color::Rgb(0x00, 0x6b, 0x00))
                .add_modifier(Modifier::BOLD),
            closed: Style::new().fg(dim),
            own_status: Style::new().fg(Color::Rgb(0x87, 0x00, 0xaf)),
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
            bar: Style::new(),
            bar_value: Style::new().add_modifier(Modifier::REVERSED),
            todo: Style::new().add_modifier(Modifier::BOLD),
            waiting: Style::new(),
            answered: Style::new().add_modifier(Modifier::BOLD),
            closed: Style::new(),
            own_status: Style::new(),
        }
    }
}

/// Whether the terminal library leaves colours out of what it writes: it
/// does when `NO_COLOR` is set to anything but the empty string.
fn colors_dropped() -> bool {
    ratatui::crossterm::style::Colored::ansi_color_disabled()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selection_is_marked_when_colours_are_dropped() {
        assert!(Theme::for_output(true, true).marks_selection());
        assert!(Theme::for_output(false, false).marks_selection());
        assert_eq!(Theme::for_output(true, false), Theme::colored());
    }

    /// WCAG 2 relative luminance of an sRGB colour.
    fn luminance(color: Color) -> f64 {
        let Color::Rgb(r, g, b) = color else {
            panic!("{color:?} is not RGB");
        };
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    fn contrast(a: Color, b: Color) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn the_light_theme_is_readable_on_its_backgrounds() {
        let white = Color::Rgb(0xff, 0xff, 0xff);
        let theme = Theme::light();
        let mut roles = 0;
        for (name, role) in crate::config::names::ROLES {
            let mut copy = theme;
            let style = *role(&mut copy);
            if let Some(bg) = style.bg {
                assert!(matches!(bg, Color::Rgb(..)), "{name}: {bg:?}");
            }
            let Some(fg) = style.fg else {
                continue;
            };
            let ratio = contrast(fg, style.bg.unwrap_or(white));
            assert!(ratio >= 4.5, "{name}: {ratio:.2}");
            roles += 1;
        }
        assert!(roles > 10);
        // The check itself: black on white is 21:1, white on white 1:1.
        assert!((contrast(Color::Rgb(0, 0, 0), white) - 21.0).abs() < 1e-9);
        assert!((contrast(white, white) - 1.0).abs() < 1e-9);
    }
}
