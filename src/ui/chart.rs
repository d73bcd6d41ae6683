//! The research profile of the scope (a school, the favorites, everyone)
//! as a bar chart of its most common topics, in the detail pane's place
//! while the schools or the topics pane has the focus: a school's profile
//! is easier to see than to read.

use ratatui::buffer::Buffer;
use ratatui::layout::{Direction, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};

use super::{columns, fit, key_hints, pane_block, safe, scope_name};
use crate::app::{Action, App, Mode, Pane};

/// At most this many topics: the chart is a profile, the pane the list.
const MAX_BARS: usize = 20;

/// Narrower than this inside, the chart would say nothing.
const MIN_INNER_WIDTH: u16 = 12;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.screen.theme();
    let scope = scope_name(app, app.scope());
    let title_room = usize::from(area.width).saturating_sub(14);
    let title = Line::from(format!(" Research · {} ", fit(&scope, title_room))).style(theme.title);
    let mut block = pane_block(app, title, false);
    let profile = app.topics.profile();
    let other = match app.screen.focus() {
        Pane::Topics => "schools",
        _ => "topics",
    };
    let hints = key_hints(app, Mode::Browse, &[(Action::ToggleTopics, other)]);
    if usize::from(area.width) > 30 {
        block = block.title_bottom(Line::from(hints).left_aligned());
    }
    let inner = block.inner(area);
    let bars = if inner.height > 0 {
        profile.len().min(MAX_BARS).min(usize::from(inner.height))
    } else {
        0
    };
    if bars > 0 {
        let position = format!(" top {bars} of {} ", profile.len());
        block = block.title_bottom(Line::styled(position, theme.dim).right_aligned());
    }
    block.render(area, buf);
    if profile.is_empty() {
        Line::styled(" No research topics listed", theme.dim).render(inner, buf);
        return;
    }
    if inner.width < MIN_INNER_WIDTH || bars == 0 {
        return;
    }
    let shown = &profile[..bars];
    let topics = app.catalogue.topics();
    let chosen = app.topics.chosen(app.search.filter());
    let widest_count = shown
        .iter()
        .map(|count| count.people.to_string().len())
        .max()
        .unwrap_or(1);
    // Labels take up to two fifths, and always leave the bars room for
    // their counts.
    let labels: Vec<String> = shown
        .iter()
        .map(|count| safe(&topics.get(count.topic).label))
        .collect();
    let longest = labels.iter().map(|label| columns(label)).max().unwrap_or(0);
    let width = usize::from(inner.width);
    let room = longest
        .min(width * 2 / 5)
        .min(width.saturating_sub(widest_count + 3));
    // Spread out when there is room: a blank row between bars.
    let gap = u16::from(bars * 2 <= usize::from(inner.height));
    let bars: Vec<Bar> = shown
        .iter()
        .zip(&labels)
        .map(|(count, label)| {
            let style = if chosen == Some(count.topic) {
                theme.matched
            } else {
                theme.bar
            };
            Bar::default()
                .value(u64::try_from(count.people).unwrap_or(u64::MAX))
                .text_value(count.people.to_string())
                .label(Line::raw(pad(&fit(label, room), room)))
                .style(style)
                .value_style(theme.bar_value)
        })
        .collect();
    let top = shown.first().map_or(1, |count| count.people.max(1));
    BarChart::default()
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(gap)
        .max(u64::try_from(top).unwrap_or(u64::MAX))
        .data(BarGroup::default().bars(&bars))
        .render(inner, buf);
}

/// `label` padded with spaces to `width` columns, so that every label
/// measures the same to the chart, whatever the characters.
fn pad(label: &str, width: usize) -> String {
    let mut padded = label.to_string();
    padded.extend(std::iter::repeat_n(
        ' ',
        width.saturating_sub(columns(label)),
    ));
    padded
}
