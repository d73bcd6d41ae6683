//! `[theme]`: a preset and per-role overrides, and how colours and
//! modifiers are written.

use ratatui::style::{Color, Modifier, Style};

use super::names;
use crate::theme::Theme;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Preset {
    #[default]
    Dark,
    Light,
    Mono,
}

pub const PRESETS: &[(&str, Preset)] = &[
    ("dark", Preset::Dark),
    ("light", Preset::Light),
    ("mono", Preset::Mono),
];

impl Preset {
    pub fn name(self) -> &'static str {
        PRESETS
            .iter()
            .find(|&&(_, p)| p == self)
            .map_or("dark", |&(n, _)| n)
    }

    pub fn theme(self) -> Theme {
        match self {
            Preset::Dark => Theme::colored(),
            Preset::Light => Theme::light(),
            Preset::Mono => Theme::monochrome(),
        }
    }
}

/// What a `[theme]` line changes in one role; what it leaves `None` stays.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StyleOverride {
    pub fg: Option<Color>,
    pub bg: Option<Color>,
    /// All the role's modifiers, replacing the preset's.
    pub modifiers: Option<Modifier>,
}

impl StyleOverride {
    fn apply(self, style: &mut Style) {
        if let Some(fg) = self.fg {
            style.fg = Some(fg);
        }
        if let Some(bg) = self.bg {
            style.bg = Some(bg);
        }
        if let Some(modifiers) = self.modifiers {
            style.add_modifier = modifiers;
            style.sub_modifier = Modifier::empty();
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThemeSpec {
    pub preset: Preset,
    pub overrides: Vec<(&'static str, StyleOverride)>,
}

impl ThemeSpec {
    pub fn build(&self) -> Theme {
        let mut theme = self.preset.theme();
        for &(name, change) in &self.overrides {
            if let Some(role) = names::role(name) {
                change.apply(role(&mut theme));
            }
        }
        theme
    }
}

pub const COLORS: &[(&str, Color)] = &[
    ("default", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark-gray", Color::DarkGray),
    ("light-red", Color::LightRed),
    ("light-green", Color::LightGreen),
    ("light-yellow", Color::LightYellow),
    ("light-blue", Color::LightBlue),
    ("light-magenta", Color::LightMagenta),
    ("light-cyan", Color::LightCyan),
    ("white", Color::White),
];

pub const MODIFIERS: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underline", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
];

/// A colour name or `#rrggbb`.
pub fn parse_color(text: &str) -> Option<Color> {
    if let Some(hex) = text.strip_prefix('#') {
        let channel = |i: usize| {
            hex.get(i..i + 2)
                .and_then(|digits| u8::from_str_radix(digits, 16).ok())
        };
        return (hex.len() == 6)
            .then(|| Some(Color::Rgb(channel(0)?, channel(2)?, channel(4)?)))
            .flatten();
    }
    COLORS
        .iter()
        .find(|(name, _)| *name == text)
        .map(|&(_, color)| color)
}

/// How a config writes `color`, for `config show` and `config default`.
pub fn color_value(color: Color) -> String {
    match color {
        Color::Rgb(r, g, b) => format!("\"#{r:02x}{g:02x}{b:02x}\""),
        Color::Indexed(n) => n.to_string(),
        named => COLORS
            .iter()
            .find(|&&(_, c)| c == named)
            .map_or_else(|| "\"default\"".into(), |(n, _)| format!("\"{n}\"")),
    }
}

pub fn modifier_names(modifiers: Modifier) -> Vec<&'static str> {
    MODIFIERS
        .iter()
        .filter(|&&(_, m)| modifiers.contains(m))
        .map(|&(n, _)| n)
        .collect()
}

/// A style as an inline table a config can hold.
pub fn style_value(style: Style) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = style.fg {
        parts.push(format!("fg = {}", color_value(fg)));
    }
    if let Some(bg) = style.bg {
        parts.push(format!("bg = {}", color_value(bg)));
    }
    let modifiers: Vec<String> = modifier_names(style.add_modifier)
        .into_iter()
        .map(|m| format!("\"{m}\""))
        .collect();
    parts.push(format!("modifiers = [{}]", modifiers.join(", ")));
    format!("{{ {} }}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_names_or_hex() {
        assert_eq!(parse_color("dark-gray"), Some(Color::DarkGray));
        assert_eq!(parse_color("#0a0B10"), Some(Color::Rgb(10, 11, 16)));
        for wrong in ["#12345", "#gggggg", "grey-ish", "#1234567", "#é12345"] {
            assert_eq!(parse_color(wrong), None, "{wrong}");
        }
        for &(_, color) in COLORS {
            let written = color_value(color);
            assert_eq!(parse_color(written.trim_matches('"')), Some(color));
        }
    }

    #[test]
    fn an_override_changes_only_what_it_names() {
        let spec = ThemeSpec {
            preset: Preset::Dark,
            overrides: vec![(
                "star",
                StyleOverride {
                    fg: Some(Color::Rgb(1, 2, 3)),
                    bg: None,
                    modifiers: Some(Modifier::BOLD | Modifier::ITALIC),
                },
            )],
        };
        let theme = spec.build();
        assert_eq!(
            theme.star,
            Style::new()
                .fg(Color::Rgb(1, 2, 3))
                .add_modifier(Modifier::BOLD | Modifier::ITALIC)
        );
        assert_eq!(theme.link, Theme::colored().link);
    }
}
