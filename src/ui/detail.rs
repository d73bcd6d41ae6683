//! The detail pane: everything about the selected person and their school.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{cells, highlighted, key_hints, pane_block, safe, shortlist, topic_highlights};
use crate::app::{Action, App, LinkStates, Mode, NOBODY_SELECTED, Pane};
use crate::keys;
use crate::links::State;
use crate::model::{Person, School};
use crate::search::Highlights;
use crate::theme::Theme;
use crate::url;
use crate::wrap::wrap;

/// Shared topics shown beside a related person: the most common first,
/// enough to say why without pushing the links out of sight.
const SHARED_SHOWN: usize = 3;

/// Rows after the first of a wrapped topic, field or lab hang this far in.
const HANG: usize = 2;

/// Draws the pane and returns how far it can scroll and how far it is
/// scrolled.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> (usize, usize) {
    let theme = app.screen.theme();
    let focused = app.screen.focus() == Pane::Detail;
    let (hint_mode, mut hints) = if app.screen.mode() == Mode::Related {
        let hints = vec![
            (Action::JumpToRelated(0), "go"),
            (Action::LeaveRelated, "leave"),
        ];
        (Mode::Related, hints)
    } else {
        // Each shows where its key is bound: the picker's first, the browser's after.
        let hints = vec![
            (Action::Accept, "choose"),
            (Action::OpenWebsite, "website"),
            (Action::OpenLab(1), "labs"),
            (Action::CopyUrl, "copy"),
        ];
        (Mode::Browse, hints)
    };
    // The last hints give way in a narrow pane; the help lists them all.
    let room = usize::from(area.width.saturating_sub(4));
    let mut hint_line = Line::from(key_hints(app, hint_mode, &hints));
    while hint_line.width() > room && hints.len() > 1 {
        hints.pop();
        hint_line = Line::from(key_hints(app, hint_mode, &hints));
    }
    let mut block = pane_block(app, Line::from(" Detail ").style(theme.title), focused)
        .title_bottom(hint_line.right_aligned());
    let inner = block.inner(area);
    let width = usize::from(inner.width);
    let (lines, cursor) = lines(app);
    let mut rows: Vec<Line> = Vec::new();
    // The wrapped rows of the related person under the cursor.
    let mut cursor_rows = None;
    for (at, (spans, indent)) in lines.into_iter().enumerate() {
        let start = rows.len();
        rows.extend(wrap(&spans, width, indent));
        if Some(at) == cursor {
            cursor_rows = Some((start, rows.len()));
        }
    }
    let height = usize::from(inner.height);
    let limit = rows.len().saturating_sub(height);
    let mut scroll = app.screen.detail_scroll().min(limit);
    if let Some((start, end)) = cursor_rows {
        // The cursor in sight, from its first row down as far as fits.
        scroll = scroll.max(end.saturating_sub(height)).min(start);
    }
    if scroll < limit {
        // More text than fits: say so where the eye stops.
        let more = format!(" ↓ {} more ", limit - scroll);
        block = block.title(Line::styled(more, theme.key).right_aligned());
    }
    block.render(area, buf);
    Paragraph::new(rows)
        .scroll((cells(scroll), 0))
        .render(inner, buf);
    (limit, scroll)
}

/// A logical line of the pane and the indent of its wrapped rows.
type Text = (Vec<Span<'static>>, usize);

/// The pane's lines, and which of them is the related person under the
/// cursor while the related list has the keys.
fn lines(app: &App) -> (Vec<Text>, Option<usize>) {
    let theme = app.screen.theme();
    if let Some(key) = app.selected_missing() {
        let remove = keys::primary(Mode::Browse, &Action::ToggleFavorite);
        let missing = if app.screen.picking() {
            "A favorite missing from the data".to_string()
        } else {
            format!("A favorite missing from the data: {remove} removes it")
        };
        let lines = vec![
            (vec![Span::styled(safe(&key.name), theme.heading)], 0),
            (vec![Span::styled(safe(&key.school), theme.dim)], 0),
            (Vec::new(), 0),
            (vec![Span::styled(missing, theme.error)], 0),
        ];
        let mut lines = lines;
        if let Some(details) = app.shortlist.details_of_key(key) {
            lines.extend(shortlist::detail_lines(app, details));
        }
        return (lines, None);
    }
    let Some(id) = app.selected_person() else {
        return (
            vec![(vec![Span::styled(NOBODY_SELECTED, theme.dim)], 0)],
            None,
        );
    };
    let catalogue = &app.catalogue;
    let directory = catalogue.directory();
    let person = catalogue.person(id);
    let school = directory.school_of(person);
    let query = app.search.query();
    let found = if query.is_empty() {
        Highlights::default()
    } else {
        catalogue.index().highlights(directory, query, id)
    };
    let blank = || (Vec::new(), 0);
    let mut lines: Vec<Text> = Vec::new();
    let mut name = highlighted(person.name(), &found.name, theme.heading, theme.matched);
    if app.shortlist.contains(id) {
        name.push(Span::styled("  ★", theme.star));
    }
    lines.push((name, 0));
    if let Some(title) = &person.title() {
        let title = highlighted(title, &found.title, theme.text, theme.matched);
        lines.push((title, 0));
    }
    let mut school_line = highlighted(&school.name, &found.school, theme.dim, theme.matched);
    if let Some(title) = &school.directory_title {
        school_line.push(Span::styled(format!(" · {}", safe(title)), theme.dim));
    }
    lines.push((school_line, 0));
    if let Some(details) = app.shortlist.details_of(id) {
        lines.extend(shortlist::detail_lines(app, details));
    }

    if person.has_research() {
        lines.push(blank());
        lines.push((vec![Span::styled("Research", theme.title)], 0));
        for (topic, positions) in topic_highlights(person, &found.research) {
            let mut spans = vec![Span::styled("• ", theme.dim)];
            spans.extend(highlighted(topic, &positions, theme.text, theme.matched));
            lines.push((spans, HANG));
        }
    }

    let related = related(app);
    // The related list is a blank, its heading, then one line a person.
    let cursor = (app.screen.mode() == Mode::Related && !related.is_empty())
        .then(|| lines.len() + 2 + app.related.cursor());
    lines.extend(related);
    lines.push(blank());
    lines.extend(links(person, theme, &app.links));
    lines.extend(about_school(school, theme, &app.links));
    (lines, cursor)
}

/// The people whose research is most like theirs: number, name, school,
/// and the topics they share, dimmed; the cursor's row while it has the keys.
fn related(app: &App) -> Vec<Text> {
    let theme = app.screen.theme();
    let people = app.related.people();
    if people.is_empty() {
        return Vec::new();
    }
    let catalogue = &app.catalogue;
    let directory = catalogue.directory();
    let moving = app.screen.mode() == Mode::Related;
    let mut heading = vec![Span::styled("Related", theme.title)];
    if !moving && !app.screen.picking() {
        let key = keys::primary(Mode::Browse, &Action::FocusRelated);
        heading.push(Span::styled(format!("  {key}"), theme.key));
        heading.push(Span::styled(" to choose", theme.dim));
    }
    let mut lines = vec![(Vec::new(), 0), (heading, 0)];
    for (row, related) in people.iter().enumerate() {
        let person = catalogue.person(related.person);
        let school = directory.school_of(person);
        let under_cursor = moving && row == app.related.cursor();
        let shared: Vec<&str> = related
            .shared
            .iter()
            .take(SHARED_SHOWN)
            .map(|&topic| catalogue.topics().get(topic).label.as_str())
            .collect();
        let mut spans = vec![
            Span::styled(format!("{} ", row + 1), theme.key),
            Span::styled(safe(person.name()), theme.row(under_cursor, true)),
            Span::styled(format!(" · {}", safe(&school.name)), theme.text),
        ];
        if !shared.is_empty() {
            spans.push(Span::styled(
                format!("  {}", safe(&shared.join(", "))),
                theme.dim,
            ));
        }
        lines.push((spans, HANG));
    }
    lines
}

/// The person's website and other fields.
fn links(person: &Person, theme: &Theme, known: &LinkStates) -> Vec<Text> {
    let mut lines = Vec::new();
    // A website that cannot be opened is kept as an extra field of that
    // name (see docs/format.md); say that it will not open, and where the
    // reason is told.
    let unusable_website =
        |key: &str| person.website().is_none() && key.eq_ignore_ascii_case("website");
    match &person.website() {
        Some(url) => {
            let mut spans = vec![
                Span::styled("Website ", theme.title),
                Span::styled(safe(url), theme.link),
            ];
            spans.extend(real_host(url, theme));
            spans.extend(link_state(url, theme, known));
            lines.push((spans, HANG));
        }
        None if person.extra().any(|f| unusable_website(f.key)) => {}
        None => lines.push((vec![Span::styled("No website listed", theme.dim)], 0)),
    }
    for field in person.extra() {
        let mut spans = vec![
            Span::styled(format!("{} ", safe(field.key)), theme.title),
            Span::styled(safe(field.value), theme.text),
        ];
        spans.extend(real_host(field.value, theme));
        spans.extend(link_state(field.value, theme, known));
        if unusable_website(field.key) {
            spans.push(Span::styled(
                "  (not opened: profdex check says why)",
                theme.dim,
            ));
        }
        lines.push((spans, HANG));
    }

    lines
}

/// The last check of `url`, when there was one: `✗ 404, 3 days ago`,
/// `→ moved to …`, `✓ 2 hours ago`.
fn link_state(url: &str, theme: &Theme, known: &LinkStates) -> Option<Span<'static>> {
    if known.is_checking(url) {
        return Some(Span::styled("  … checking", theme.dim));
    }
    let outcome = known.of(url)?;
    let ago = crate::links::ago(outcome.checked_at, crate::links::now());
    let (text, style) = match (outcome.state, &outcome.final_url) {
        (State::Ok | State::Redirected, _) => (format!("✓ {ago}"), theme.dim),
        (State::Moved, Some(to)) => (format!("→ moved to {}", safe(to)), theme.error),
        (State::Dead, _) => {
            let what = outcome
                .status
                .map_or_else(|| safe(&outcome.detail), |status| status.to_string());
            (format!("✗ {what}, {ago}"), theme.error)
        }
        (State::Excluded, _) => return None,
        (state, _) => (
            format!("? {}: {}, {ago}", state.name(), safe(&outcome.detail)),
            theme.error,
        ),
    };
    Some(Span::styled(format!("  {text}"), style))
}

/// Where `url` really goes, after it, when that could be mistaken
/// (`https://www.google.com@evil.example/  (opens evil.example)`).
fn real_host(text: &str, theme: &Theme) -> Option<Span<'static>> {
    let note = url::note(text)?;
    Some(Span::styled(format!("  {}", safe(&note)), theme.error))
}

/// The school's labs, focus and description.
fn about_school(school: &School, theme: &Theme, known: &LinkStates) -> Vec<Text> {
    let blank = || (Vec::new(), 0);
    let mut lines = Vec::new();
    if !school.labs.is_empty() {
        lines.push(blank());
        let heading = format!("Labs at {}", safe(&school.name));
        lines.push((vec![Span::styled(heading, theme.title)], 0));
        for (number, lab) in school.labs.iter().enumerate() {
            let key = if number < 9 {
                format!("{} ", number + 1)
            } else {
                "  ".to_string()
            };
            let mut spans = vec![
                Span::styled(key, theme.key),
                Span::styled(safe(&lab.name), theme.text),
                Span::styled(format!("  {}", safe(&lab.url)), theme.dim),
            ];
            spans.extend(real_host(&lab.url, theme));
            spans.extend(link_state(&lab.url, theme, known));
            lines.push((spans, HANG));
        }
    }
    if let Some(focus) = &school.research_focus {
        lines.push(blank());
        let spans = vec![
            Span::styled("Research focus ", theme.title),
            Span::styled(safe(focus), theme.text),
        ];
        lines.push((spans, 0));
    }
    for paragraph in &school.description {
        lines.push(blank());
        lines.push((vec![Span::styled(safe(paragraph), theme.dim)], 0));
    }
    lines
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;

    use super::*;
    use crate::favorites::Favorites;
    use crate::fixture::{lab, professor, school};
    use crate::model::{Directory, Field};

    /// The pane's lines as plain text, and the style of each line's last span.
    fn shown(directory: Directory) -> Vec<(String, Option<ratatui::style::Style>)> {
        let app = App::new(
            directory,
            Favorites::default(),
            Theme::colored(),
            Rect::new(0, 0, 120, 40),
        );
        lines(&app)
            .0
            .into_iter()
            .map(|(spans, _)| {
                let text: String = spans.iter().map(|span| span.content.as_ref()).collect();
                (text, spans.last().map(|span| span.style))
            })
            .collect()
    }

    #[test]
    fn each_link_shows_its_last_check() {
        use crate::app::{Action, update};
        use crate::links::{Outcome, State, Stored};
        let directory = Directory {
            schools: vec![school(
                "U",
                vec![
                    lab("Gone", "https://gone.example/"),
                    lab("Fine", "https://fine.example/"),
                ],
            )],
            people: vec![professor(0, "Ada", Some("https://u.example/~ada"))],
        };
        let mut app = App::new(
            directory,
            Favorites::default(),
            Theme::colored(),
            Rect::new(0, 0, 120, 40),
        );
        let dead = Outcome {
            status: Some(404),
            ..Outcome::new(State::Dead, "404 Not Found")
        };
        let moved = Outcome {
            final_url: Some("https://new.example/ada".into()),
            ..Outcome::new(State::Moved, "moved")
        };
        let known = Stored::from([
            ("https://u.example/~ada".to_string(), moved),
            ("https://gone.example/".to_string(), dead),
        ]);
        update(&mut app, Action::LinksKnown(known));
        let texts: Vec<String> = lines(&app)
            .0
            .into_iter()
            .map(|(spans, _)| spans.iter().map(|span| span.content.as_ref()).collect())
            .collect();
        for want in [
            "Website https://u.example/~ada  → moved to https://new.example/ada",
            "1 Gone  https://gone.example/  ✗ 404, just now",
            "2 Fine  https://fine.example/",
        ] {
            assert!(texts.iter().any(|t| t == want), "{want:?} in {texts:#?}");
        }
    }

    #[test]
    fn a_url_that_goes_elsewhere_says_where() {
        let mut ada = professor(0, "Ada", Some("https://www.google.com@evil.example/"));
        ada.edit(|p| {
            p.extra.push(Field {
                key: "Scholar".into(),
                value: "https://scholar.example@evil.example/ada".into(),
            });
        });
        let directory = Directory {
            schools: vec![school(
                "U",
                vec![
                    lab("Books", "https://bücher.example/"),
                    lab("Plain", "https://plain.example/"),
                ],
            )],
            people: vec![ada],
        };
        let lines = shown(directory);
        let error = Some(Theme::colored().error);
        for want in [
            "Website https://www.google.com@evil.example/  (opens evil.example)",
            "Scholar https://scholar.example@evil.example/ada  (opens evil.example)",
            "1 Books  https://bücher.example/  (opens xn--bcher-kva.example)",
        ] {
            assert!(
                lines.contains(&(want.to_string(), error)),
                "{want:?} in {lines:#?}"
            );
        }
        assert!(
            lines
                .iter()
                .any(|(text, _)| text == "2 Plain  https://plain.example/"),
            "{lines:#?}"
        );
    }

    #[test]
    fn a_website_that_cannot_open_says_so() {
        let mut ada = professor(0, "Ada", None);
        ada.edit(|p| {
            p.extra.push(Field {
                key: "Website".into(),
                value: "https://ex*am*ple.org".into(),
            });
        });
        let directory = Directory {
            schools: vec![school("U", Vec::new())],
            people: vec![ada],
        };
        let lines = shown(directory);
        let want = "Website https://ex*am*ple.org  (not opened: profdex check says why)";
        assert!(lines.iter().any(|(text, _)| text == want), "{lines:#?}");
        assert!(!lines.iter().any(|(text, _)| text == "No website listed"));
    }
}
