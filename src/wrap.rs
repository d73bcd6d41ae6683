//! Wrapping styled text to a width in terminal cells.
//!
//! The detail pane and the help overlay wrap text from data, and ratatui's
//! own `Paragraph::wrap` can emit a row wider than its area for some wide
//! grapheme clusters (runs of Hangul jamo, say), which then writes outside
//! the buffer. Everything that wraps goes through `wrap`, and `Paragraph`
//! is only ever given rows that already fit.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// `spans` as rows of at most `width` cells, broken at spaces where it can
/// and inside a word (a URL, say) only when the word is wider than a row.
/// Rows after the first start with `indent` spaces, for hanging indents.
/// The spaces at a break are dropped. A single grapheme wider than `width`
/// gets a row of its own, which the renderer cuts.
pub fn wrap(spans: &[Span<'_>], width: usize, indent: usize) -> Vec<Line<'static>> {
    let indent = if indent < width { indent } else { 0 };
    let mut rows = Rows {
        width: width.max(1),
        indent,
        done: Vec::new(),
        row: Vec::new(),
        used: 0,
        fresh: true,
    };
    let mut spaces: Vec<(&str, Style)> = Vec::new();
    let mut word: Vec<(&str, Style)> = Vec::new();
    let graphemes = spans
        .iter()
        .flat_map(|span| span.content.graphemes(true).map(move |g| (g, span.style)));
    for (grapheme, style) in graphemes {
        if grapheme.chars().all(char::is_whitespace) {
            if !word.is_empty() {
                rows.place(&spaces, &word);
                spaces.clear();
                word.clear();
            }
            spaces.push((grapheme, style));
        } else {
            word.push((grapheme, style));
        }
    }
    rows.place(&spaces, &word);
    rows.finish()
}

/// The rows built so far and the one being filled.
struct Rows {
    width: usize,
    indent: usize,
    done: Vec<Line<'static>>,
    row: Vec<Span<'static>>,
    used: usize,
    /// Nothing but the indent on the row yet.
    fresh: bool,
}

fn cells(graphemes: &[(&str, Style)]) -> usize {
    graphemes.iter().map(|(g, _)| g.width()).sum()
}

impl Rows {
    /// Places `word` after `spaces` on this row, or on the next one when
    /// it does not fit, breaking it only when no row could hold it.
    fn place(&mut self, spaces: &[(&str, Style)], word: &[(&str, Style)]) {
        let gap = cells(spaces);
        let wide = cells(word);
        if self.used + gap + wide <= self.width {
            self.push_all(spaces);
            self.push_all(word);
            return;
        }
        if !self.fresh {
            self.break_row();
        } else if self.done.is_empty() && self.used == 0 {
            // Spaces that open the text are kept, as far as they fit.
            for &(g, style) in spaces {
                if self.used + g.width() <= self.width {
                    self.push(g, style);
                }
            }
        }
        for &(g, style) in word {
            if self.used + g.width() > self.width && !self.fresh {
                self.break_row();
            }
            if self.used + g.width() > self.width && self.fresh {
                // Too wide even after the indent: a row of its own.
                self.row.clear();
                self.used = 0;
            }
            self.push(g, style);
        }
    }

    fn push_all(&mut self, graphemes: &[(&str, Style)]) {
        for &(g, style) in graphemes {
            self.push(g, style);
        }
    }

    fn push(&mut self, grapheme: &str, style: Style) {
        self.used += grapheme.width();
        if !grapheme.chars().all(char::is_whitespace) {
            self.fresh = false;
        }
        match self.row.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(grapheme),
            _ => self.row.push(Span::styled(grapheme.to_string(), style)),
        }
    }

    fn break_row(&mut self) {
        let row = std::mem::take(&mut self.row);
        self.done.push(Line::from(row));
        self.used = 0;
        self.fresh = true;
        if self.indent > 0 {
            self.row.push(Span::raw(" ".repeat(self.indent)));
            self.used = self.indent;
        }
    }

    fn finish(mut self) -> Vec<Line<'static>> {
        if !self.fresh || self.done.is_empty() {
            self.done.push(Line::from(self.row));
        }
        self.done
    }
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Color;
    use ratatui::widgets::{Paragraph, Widget};

    use super::*;

    fn plain(rows: &[Line]) -> Vec<String> {
        rows.iter().map(ToString::to_string).collect()
    }

    fn wrap_str(text: &str, width: usize, indent: usize) -> Vec<String> {
        plain(&wrap(&[Span::raw(text)], width, indent))
    }

    #[test]
    fn breaks_at_spaces_and_drops_them() {
        assert_eq!(
            wrap_str("machine learning systems", 10, 0),
            ["machine", "learning", "systems"]
        );
        assert_eq!(wrap_str("a b c d", 3, 0), ["a b", "c d"]);
        assert_eq!(wrap_str("fits", 10, 0), ["fits"]);
        assert_eq!(wrap_str("", 10, 0), [""]);
    }

    #[test]
    fn continuation_rows_hang_under_the_first() {
        assert_eq!(
            wrap_str("• efficient deep learning", 12, 2),
            ["• efficient", "  deep", "  learning"]
        );
        // An indent as wide as the row would leave no room: none is used.
        assert_eq!(wrap_str("ab cd", 2, 2), ["ab", "cd"]);
    }

    #[test]
    fn a_url_moves_to_its_own_row_and_breaks_only_when_longer() {
        assert_eq!(
            wrap_str("Website https://x.org/a/b", 20, 2),
            ["Website", "  https://x.org/a/b"]
        );
        assert_eq!(
            wrap_str("https://example.org/path", 10, 0),
            ["https://ex", "ample.org/", "path"]
        );
    }

    #[test]
    fn measures_in_cells_and_keeps_styles() {
        assert_eq!(wrap_str("東京大学 本郷", 5, 0), ["東京", "大学", "本郷"]);
        let red = Style::new().fg(Color::Red);
        let rows = wrap(&[Span::raw("Ion "), Span::styled("Stoica", red)], 4, 0);
        assert_eq!(plain(&rows), ["Ion", "Stoi", "ca"]);
        assert_eq!(rows[1].spans[0].style, red);
    }

    #[test]
    fn leading_spaces_of_the_text_stay() {
        assert_eq!(wrap_str("  ★", 10, 0), ["  ★"]);
    }

    /// Text that broke ratatui's own wrapping, and other shapes that are
    /// hard to measure: every row must fit, at every width, and drawing it
    /// must stay inside the buffer.
    #[test]
    fn hostile_text_fits_at_every_width() {
        let corpus = [
            "\u{1100}\u{1100}\u{1161}".repeat(40),
            "\u{115F}".repeat(30),
            "\u{115F}\u{1161} \u{1100}\u{1100}\u{1100}\u{1161}\u{11A8} ".repeat(10),
            "東京大学の機械学習システム研究室 ".repeat(5),
            "naïve👩‍🔬scientist🏳️‍🌈withemojiinsidealongword".repeat(3),
            "\u{301}\u{301}leading combining marks \u{20DD}x".into(),
            "https://example.org/~user/a-very-long-path/with/many/parts?q=1".into(),
            "a\u{200B}b\u{FEFF}c  spaces   between".into(),
        ];
        for text in &corpus {
            let total: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            for width in 1..=200u16 {
                let rows = wrap(&[Span::raw(text.as_str())], usize::from(width), 2);
                for row in &rows {
                    let graphemes = row.spans.iter().flat_map(|s| s.content.graphemes(true));
                    let alone = graphemes.count() <= 1;
                    assert!(
                        row.width() <= usize::from(width) || alone,
                        "{text:?} at {width}: {row:?}"
                    );
                }
                let kept: String = plain(&rows)
                    .concat()
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                assert_eq!(kept, total, "nothing is lost at width {width}");
                let area = Rect::new(0, 0, width, 6);
                let mut buf = Buffer::empty(area);
                Paragraph::new(rows).scroll((1, 0)).render(area, &mut buf);
            }
        }
    }
}
