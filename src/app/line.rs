//! A one-line text editor with a cursor, as a shell's line editor has:
//! the filters of the lists are one of these, and so is the note editor,
//! whose line keeps the line breaks of a note written on several.

/// How the cursor moves within the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    Left,
    Right,
    Start,
    End,
    WordLeft,
    WordRight,
}

/// The text typed and where the cursor is in it: a byte index that always
/// sits on a character boundary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    cursor: usize,
}

impl LineEdit {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor's byte offset into `text`, on a character boundary.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Inserts `text` at the cursor, as far as `max_chars` characters
    /// allow in all: line breaks and tabs become spaces, other controls go.
    /// False when some of it did not fit.
    pub fn insert(&mut self, text: &str, max_chars: usize) -> bool {
        self.insert_keeping(text, max_chars, false)
    }

    /// Like [`LineEdit::insert`], but line breaks (`\n`, `\r\n`, `\r`)
    /// are kept, as `\n`.
    pub fn insert_lines(&mut self, text: &str, max_chars: usize) -> bool {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        self.insert_keeping(&text, max_chars, true)
    }

    /// The line holding `text` (line breaks kept), the cursor at its end;
    /// `None` when it holds more than `max_chars` characters.
    pub fn with_lines(text: &str, max_chars: usize) -> Option<LineEdit> {
        let mut line = LineEdit::default();
        line.insert_lines(text, max_chars).then_some(line)
    }

    fn insert_keeping(&mut self, text: &str, max_chars: usize, breaks: bool) -> bool {
        let room = max_chars.saturating_sub(self.text.chars().count());
        let kept = |c: char| breaks && c == '\n';
        let mut text = text
            .chars()
            .map(|c| {
                if c.is_whitespace() && !kept(c) {
                    ' '
                } else {
                    c
                }
            })
            .filter(|&c| kept(c) || !c.is_control());
        let inserted: String = text.by_ref().take(room).collect();
        self.text.insert_str(self.cursor, &inserted);
        self.cursor += inserted.len();
        text.next().is_none()
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        if let Some((at, _)) = self.text[..self.cursor].char_indices().next_back() {
            self.text.drain(at..self.cursor);
            self.cursor = at;
        }
    }

    /// Deletes the word before the cursor and the white space after it,
    /// as `Ctrl-w` does in a shell.
    pub fn delete_word(&mut self) {
        let start = self.word_start();
        self.text.drain(start..self.cursor);
        self.cursor = start;
    }

    pub fn move_cursor(&mut self, motion: Motion) {
        self.cursor = match motion {
            Motion::Left => self.text[..self.cursor]
                .char_indices()
                .next_back()
                .map_or(0, |(at, _)| at),
            Motion::Right => self.text[self.cursor..]
                .chars()
                .next()
                .map_or(self.cursor, |c| self.cursor + c.len_utf8()),
            Motion::Start => 0,
            Motion::End => self.text.len(),
            Motion::WordLeft => self.word_start(),
            Motion::WordRight => self.word_end(),
        };
    }

    /// Clears the line; false when it was already empty.
    pub fn clear(&mut self) -> bool {
        let had_text = !self.text.is_empty();
        self.text.clear();
        self.cursor = 0;
        had_text
    }

    /// Where the word before the cursor starts, skipping the white space
    /// between it and the cursor. White space may be several bytes long
    /// (a no-break space), so the cut is after the whole character.
    fn word_start(&self) -> usize {
        self.text[..self.cursor]
            .trim_end()
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(at, c)| at + c.len_utf8())
    }

    /// Where the word after the cursor ends, past the white space before it.
    fn word_end(&self) -> usize {
        let rest = &self.text[self.cursor..];
        let word = rest.len() - rest.trim_start().len();
        rest[word..]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(self.text.len(), |(at, _)| self.cursor + word + at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> LineEdit {
        let mut line = LineEdit::default();
        line.insert(text, 1000);
        line
    }

    #[test]
    fn ctrl_w_deletes_the_word_before_the_cursor_after_any_space() {
        for space in [" ", "\u{A0}", "\u{3000}", "\t"] {
            let mut edit = LineEdit {
                text: format!("ion{space}stoica"),
                cursor: 3 + space.len() + 6,
            };
            edit.delete_word();
            assert_eq!(edit.text(), format!("ion{space}"), "{space:?}");
            edit.delete_word();
            assert_eq!(edit.text(), "");
        }
        let mut edit = line("machine learning  ");
        edit.delete_word();
        assert_eq!(edit.text(), "machine ");
        // Right after a no-break space, the cut is still on a boundary.
        let mut edit = LineEdit {
            text: "a\u{A0}".into(),
            cursor: 3,
        };
        edit.delete_word();
        assert_eq!(edit.text(), "");
    }

    #[test]
    fn typing_and_deleting_happen_at_the_cursor() {
        let mut edit = line("ion stoica");
        edit.move_cursor(Motion::WordLeft);
        assert_eq!(edit.cursor(), 4);
        edit.insert("é", 1000);
        assert_eq!(edit.text(), "ion éstoica");
        edit.backspace();
        edit.backspace();
        assert_eq!(edit.text(), "ionstoica");
        edit.move_cursor(Motion::Start);
        edit.backspace();
        assert_eq!(edit.text(), "ionstoica", "nothing before the start");
        edit.move_cursor(Motion::Right);
        edit.move_cursor(Motion::End);
        assert_eq!(edit.cursor(), edit.text().len());
        edit.move_cursor(Motion::Right);
        assert_eq!(edit.cursor(), edit.text().len());
    }

    #[test]
    fn word_motions_skip_spaces_then_a_word() {
        let mut edit = line("東京 大学  robotics");
        edit.move_cursor(Motion::Start);
        edit.move_cursor(Motion::WordRight);
        assert_eq!(&edit.text()[..edit.cursor()], "東京");
        edit.move_cursor(Motion::WordRight);
        assert_eq!(&edit.text()[..edit.cursor()], "東京 大学");
        edit.move_cursor(Motion::WordRight);
        assert_eq!(edit.cursor(), edit.text().len());
        edit.move_cursor(Motion::WordLeft);
        assert_eq!(&edit.text()[edit.cursor()..], "robotics");
        edit.move_cursor(Motion::Left);
        edit.move_cursor(Motion::Left);
        edit.delete_word();
        assert_eq!(edit.text(), "東京   robotics");
    }

    #[test]
    fn the_line_holds_at_most_max_chars() {
        let mut edit = line("");
        assert!(!edit.insert("abcdef", 4));
        assert_eq!(edit.text(), "abcd");
        edit.move_cursor(Motion::Start);
        assert!(!edit.insert("x", 4));
        assert_eq!(edit.text(), "abcd");
        assert_eq!(line("sto\nica\u{1b}\t!").text(), "sto ica !");
    }

    #[test]
    fn a_note_keeps_its_line_breaks_and_loses_other_controls() {
        let mut edit = LineEdit::with_lines("first\r\nsecond\rthird", 100).unwrap();
        assert_eq!(edit.text(), "first\nsecond\nthird");
        assert_eq!(edit.cursor(), edit.text().len());
        edit.move_cursor(Motion::WordLeft);
        edit.backspace();
        assert_eq!(edit.text(), "first\nsecondthird");
        assert!(edit.insert_lines("\u{1b}[2J\t\n", 100));
        assert_eq!(edit.text(), "first\nsecond[2J \nthird");
        assert!(LineEdit::with_lines("abc", 2).is_none());
    }
}
