//! Blocks: the markdown reduced to what a directory needs.
//!
//! pulldown-cmark's events are gathered into a flat list of headings,
//! paragraphs, list items and rules, each carrying just its text and links.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::inline::quote;
use super::positions::Reporter;

/// Inline content with all emphasis and markup stripped.
#[derive(Debug, Clone)]
pub(super) enum Inline {
    Text(String),
    Link {
        text: String,
        url: String,
    },
    /// A line break; the offset is where the next line starts.
    Break(usize),
    /// Between the text of an item and that of a nested item.
    Sep,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BlockKind {
    Heading(HeadingLevel),
    Para,
    /// A list item; depth 0 is a top-level item.
    Item(usize),
    Rule,
}

#[derive(Debug)]
pub(super) struct Block {
    pub(super) kind: BlockKind,
    pub(super) start: usize,
    /// Where the block's own source ends (before any item nested in it),
    /// so that its text can be compared with what was written. Nested
    /// items have sources of their own, so no byte is in two of them and
    /// comparing every block is linear, however deep the nesting.
    pub(super) end: usize,
    pub(super) inlines: Vec<Inline>,
}

impl Block {
    fn new(kind: BlockKind, range: &Range<usize>) -> Self {
        Block {
            kind,
            start: range.start,
            end: range.end,
            inlines: Vec::new(),
        }
    }

    pub(super) fn source(&self) -> Range<usize> {
        self.start..self.end
    }
}

#[derive(Default)]
struct Collector {
    blocks: Vec<Block>,
    /// A top-level heading or paragraph being read.
    open: Option<Block>,
    /// Open list items, innermost last. Items own everything inside them
    /// (paragraphs, headings, quotes), except nested items.
    items: Vec<Block>,
    /// Inside code, HTML or anything else whose text is not directory data.
    skip: usize,
    in_link: bool,
}

impl Collector {
    fn target(&mut self) -> Option<&mut Vec<Inline>> {
        if self.skip > 0 {
            return None;
        }
        match self.items.last_mut() {
            Some(item) => Some(&mut item.inlines),
            None => self.open.as_mut().map(|block| &mut block.inlines),
        }
    }

    fn push_text(&mut self, s: &str) {
        let in_link = self.in_link;
        let Some(target) = self.target() else { return };
        match target.last_mut() {
            Some(Inline::Link { text, .. }) if in_link => text.push_str(s),
            Some(Inline::Text(prev)) if !in_link => prev.push_str(s),
            _ => target.push(Inline::Text(s.to_string())),
        }
    }

    fn push_break(&mut self, next_line: usize) {
        if self.in_link {
            self.push_text(" ");
        } else if let Some(target) = self.target()
            && !target.is_empty()
        {
            target.push(Inline::Break(next_line));
        }
    }

    /// Headings and paragraphs at top level become blocks of their own;
    /// inside an item they only separate the item's text.
    fn start_block(&mut self, kind: BlockKind, range: &Range<usize>) {
        if self.items.is_empty() && self.open.is_none() {
            self.open = Some(Block::new(kind, range));
        } else {
            self.push_break(range.start);
        }
    }

    fn end_block(&mut self) {
        if self.items.is_empty()
            && let Some(block) = self.open.take()
        {
            self.blocks.push(block);
        }
    }
}

pub(super) fn collect_blocks(text: &str, rep: &mut Reporter) -> Vec<Block> {
    let mut c = Collector::default();
    // Tables are recognised only so that their cells are not read as fields.
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES);
    for (event, mut range) in parser.into_offset_iter() {
        // Block ranges include indentation; diagnostics should point at the marker.
        let indent = text.get(range.start..).map_or(0, |rest| {
            rest.len() - rest.trim_start_matches([' ', '\t']).len()
        });
        range.start = (range.start + indent).min(range.end);
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                c.start_block(BlockKind::Heading(level), &range);
            }
            Event::Start(Tag::Paragraph) => c.start_block(BlockKind::Para, &range),
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph) => c.end_block(),
            Event::Start(Tag::Item) => {
                if let Some(parent) = c.items.last_mut() {
                    parent.end = parent.end.min(range.start);
                }
                let depth = c.items.len();
                c.items.push(Block::new(BlockKind::Item(depth), &range));
            }
            Event::End(TagEnd::Item) => {
                if let Some(item) = c.items.pop() {
                    c.blocks.push(item);
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                if matches!(kind, CodeBlockKind::Fenced(_)) {
                    check_closed(text, &range, true, rep);
                }
                c.skip += 1;
            }
            Event::Start(Tag::HtmlBlock) => {
                check_closed(text, &range, false, rep);
                c.skip += 1;
            }
            Event::Start(Tag::Table(_) | Tag::MetadataBlock(_) | Tag::FootnoteDefinition(_)) => {
                c.skip += 1;
            }
            Event::End(
                TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::Table
                | TagEnd::MetadataBlock(_)
                | TagEnd::FootnoteDefinition,
            ) => c.skip = c.skip.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(target) = c.target() {
                    target.push(Inline::Link {
                        text: String::new(),
                        url: dest_url.to_string(),
                    });
                }
                c.in_link = true;
            }
            Event::End(TagEnd::Link) => c.in_link = false,
            Event::Text(s) | Event::Code(s) => c.push_text(&s),
            // `<br>` and the like separate words; the markup itself is dropped.
            Event::InlineHtml(_) => c.push_text(" "),
            Event::SoftBreak | Event::HardBreak => c.push_break(range.end),
            Event::Rule if c.items.is_empty() && c.open.is_none() => {
                c.blocks.push(Block::new(BlockKind::Rule, &range));
            }
            _ => {}
        }
    }
    // Items are finished after the items nested in them; the state machine
    // wants them in the order they start.
    c.blocks.sort_by_key(|block| block.start);
    c.blocks
}

/// A fence or an HTML block left open turns the rest of the file into
/// something that is not data; `CommonMark` says so, but a reader of a
/// directory deserves to be told why people vanished.
fn check_closed(text: &str, range: &Range<usize>, code: bool, rep: &mut Reporter) {
    if range.end < text.trim_end().len() {
        return;
    }
    let block = text.get(range.clone()).unwrap_or("");
    // Not `str::lines`: a lone CR ends a line in CommonMark too.
    let mut lines = block
        .split(['\r', '\n'])
        .map(str::trim)
        .filter(|line| !line.is_empty());
    let opening = lines.next().unwrap_or("");
    let last = lines.next_back();
    let closed = if code {
        fence_closes(opening, last)
    } else {
        html_closes(opening, last)
    };
    if !closed {
        rep.warn(
            range.start,
            format!(
                "{} is never closed; the rest of the file is ignored",
                quote(opening)
            ),
        );
    }
}

fn fence_closes(opening: &str, last: Option<&str>) -> bool {
    let Some(fence) = opening.chars().next().filter(|c| matches!(c, '`' | '~')) else {
        return true; // indented code ends by itself
    };
    let len = opening.chars().take_while(|&c| c == fence).count();
    // Quote markers are dropped so that a fence inside `>` can close.
    let last = last.map(|line| line.trim_start_matches(['>', ' ', '\t']));
    last.is_some_and(|last| last.chars().all(|c| c == fence) && last.chars().count() >= len)
}

/// Only the HTML blocks that wait for an end marker (comments, `<?`, `<!X`,
/// CDATA, `<pre>`, `<script>`, `<style>`, `<textarea>`) can run to the end
/// of the file; the others end at a blank line.
fn html_closes(opening: &str, last: Option<&str>) -> bool {
    let lower = opening.to_ascii_lowercase();
    let raw_text_tag = ["pre", "script", "style", "textarea"]
        .into_iter()
        .find(|tag| {
            lower
                .strip_prefix('<')
                .and_then(|rest| rest.strip_prefix(tag))
                .is_some_and(|rest| rest.starts_with(['>', ' ', '\t']) || rest.is_empty())
        });
    let end = if lower.starts_with("<!--") {
        "-->".to_string()
    } else if lower.starts_with("<?") {
        "?>".to_string()
    } else if lower.starts_with("<![cdata[") {
        "]]>".to_string()
    } else if lower.starts_with("<!") {
        ">".to_string()
    } else if let Some(tag) = raw_text_tag {
        format!("</{tag}>")
    } else {
        return true;
    };
    // The block ends on the line holding the marker; on the opening line the
    // marker must come after the opener itself (`<!--` is no `>`, `<?` no `?>`).
    match last {
        Some(last) => last.to_ascii_lowercase().contains(&end),
        None => lower.get(2..).is_some_and(|rest| rest.contains(&end)),
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Severity;
    use crate::parse::tests::{HEAD, only_diag, person, read};

    #[test]
    fn nested_and_loose_items_join_their_parent() {
        let p = person(
            "### J\n- **Research**:\n  - ML\n  - systems\n- **Title**: Professor\n\n  Emeritus\n",
        );
        assert_eq!(p.research().collect::<Vec<_>>(), ["ML", "systems"]);
        assert_eq!(p.title(), Some("Professor Emeritus"));
    }

    #[test]
    fn soft_breaks_in_items_are_spaces() {
        let p = person("### J\n- **Title**: Professor of\n  Computer Science\n");
        assert_eq!(p.title(), Some("Professor of Computer Science"));
    }

    #[test]
    fn horizontal_rules_are_ignored() {
        let p = person("### J\n- Title: T\n\n---\n\n***\n");
        assert_eq!(p.title(), Some("T"));
    }

    #[test]
    fn code_html_and_tables_are_not_data() {
        let p = person(
            "### J\n- Title: T\n\n```\n- Research: no\n```\n\n<div>\n- Research: no\n</div>\n\n| a | b |\n|---|---|\n",
        );
        assert_eq!(p.research().collect::<Vec<_>>(), Vec::<String>::new());
    }

    #[test]
    fn diag_unclosed_code_block() {
        let src = format!("{HEAD}### J\n\n ```rust\n### Lost\n");
        assert_eq!(
            only_diag(&src),
            (
                7,
                2,
                Severity::Warning,
                "\"```rust\" is never closed; the rest of the file is ignored".into()
            )
        );
        // A shorter fence does not close a longer one.
        assert_eq!(read(&format!("{HEAD}````\n```\n")).diagnostics.len(), 1);
        assert_eq!(read(&format!("{HEAD}~~~\r~~~~\r")).diagnostics, []);
        assert_eq!(read(&format!("{HEAD}> ```\n> x\n> ```")).diagnostics, []);
        assert_eq!(read(&src).people.len(), 1);
        let closed = read(&format!("{HEAD}```\ncode\n```"));
        assert_eq!(closed.diagnostics, []);
    }

    #[test]
    fn diag_unclosed_html_block() {
        let src = format!("{HEAD}<!-- hidden\n### Lost\n");
        assert_eq!(
            only_diag(&src),
            (
                5,
                1,
                Severity::Warning,
                "\"<!-- hidden\" is never closed; the rest of the file is ignored".into()
            )
        );
        for open in [
            "<!--",
            "<?php",
            "<!DOCTYPE",
            "<![CDATA[",
            "<PRE>",
            "<script",
        ] {
            let file = read(&format!("{HEAD}{open}\n\n### Lost\n"));
            assert_eq!(file.diagnostics.len(), 1, "{open}");
            assert!(
                file.diagnostics[0]
                    .message
                    .ends_with("is never closed; the rest of the file is ignored")
            );
        }
        for closed in [
            "<!-- x -->",
            "<!--\nx\n-->",
            "<?x?>",
            "<!X\n>",
            "<pre>\n</PRE>",
            "<div>\n\nx",
        ] {
            assert_eq!(
                read(&format!("{HEAD}{closed}\n")).diagnostics,
                [],
                "{closed}"
            );
        }
    }
}
