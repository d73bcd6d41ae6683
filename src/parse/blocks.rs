//! Blocks: the markdown reduced to what a directory needs.
//!
//! pulldown-cmark's events are gathered into a flat list of headings,
//! paragraphs, list items, tables and rules, each carrying just its text
//! and links, and where a bold name it begins with is.

use std::ops::Range;

use pulldown_cmark::{
    BrokenLink, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, RefDefs, Tag, TagEnd,
};

use super::inline::quote;
use super::positions::Reporter;
use super::table_rows::split_row;

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
    Item(u32),
    /// A table; its rows are in [`Block::rows`].
    Table,
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
    /// A bold span the block begins with (`**Ada Quill** (Stat)`): where
    /// its text is in the first inline, which is then a `Text`; empty
    /// when there is none. List entries are named by it, and a block that
    /// is nothing else is a group. Kept small, as every block has one.
    bold: (u32, u32),
    /// A table's rows, the header first; each cell is a paragraph. Boxed,
    /// so that the blocks that are no table stay small.
    table: Option<Box<Rows>>,
}

/// A table's rows: where each is in the source until the whole document
/// is read (a cell's reference link may be defined below it), then cut.
#[derive(Debug, Default)]
struct Rows {
    sources: Vec<Range<usize>>,
    rows: Vec<Row>,
}

#[derive(Debug)]
pub(super) struct Row {
    pub(super) start: usize,
    pub(super) cells: Vec<Block>,
}

impl Block {
    fn new(kind: BlockKind, range: &Range<usize>) -> Self {
        Block {
            kind,
            start: range.start,
            end: range.end,
            inlines: Vec::new(),
            bold: (0, 0),
            table: None,
        }
    }

    /// A table's rows, the header first; none for any other block.
    pub(super) fn rows(&self) -> &[Row] {
        self.table.as_ref().map_or(&[], |table| &table.rows)
    }

    /// Where the bold span the block begins with is, in its first inline.
    pub(super) fn bold(&self) -> Option<Range<usize>> {
        let (from, to) = self.bold;
        (from < to).then_some(from as usize..to as usize)
    }

    pub(super) fn source(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether the block holds nothing but its bold text: `**Statistics**`.
    pub(super) fn is_bold_only(&self) -> bool {
        match (self.inlines.as_slice(), self.bold()) {
            ([Inline::Text(text)], Some(range)) => {
                text.get(range.end..)
                    .is_some_and(|rest| rest.trim().is_empty())
                    && text
                        .get(range.clone())
                        .is_some_and(|bold| !bold.trim().is_empty())
            }
            _ => false,
        }
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
    /// Inside code, HTML, images or anything else whose text is not
    /// directory data.
    skip: usize,
    in_link: bool,
    /// Open strong emphasis, and where the text of a leading one began.
    strong: usize,
    bold_from: Option<usize>,
    /// A table being read, and where its row being read starts.
    table: Option<Block>,
    row: Option<Range<usize>>,
    /// Reading a table cell, where `<br>` separates lines (and topics).
    cell: bool,
}

impl Collector {
    fn target_block(&mut self) -> Option<&mut Block> {
        if self.skip > 0 {
            return None;
        }
        match self.items.last_mut() {
            Some(item) => Some(item),
            None => self.open.as_mut(),
        }
    }

    fn target(&mut self) -> Option<&mut Vec<Inline>> {
        self.target_block().map(|block| &mut block.inlines)
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

    /// A strong span opening where nothing but white space came before it
    /// in its block may name an entry; where its text starts is noted.
    fn start_strong(&mut self) {
        self.strong += 1;
        if self.strong > 1 || self.in_link {
            return;
        }
        let Some(block) = self.target_block() else {
            return;
        };
        let from = match block.inlines.as_slice() {
            [] => Some(0),
            [Inline::Text(text)] if text.trim().is_empty() => Some(text.len()),
            _ => None,
        };
        self.bold_from = from.filter(|_| block.bold().is_none());
    }

    fn end_strong(&mut self) {
        self.strong = self.strong.saturating_sub(1);
        if self.strong > 0 {
            return;
        }
        let Some(from) = self.bold_from.take() else {
            return;
        };
        if let Some(block) = self.target_block()
            && let [Inline::Text(text)] = block.inlines.as_slice()
            && from < text.len()
            && let (Ok(from), Ok(to)) = (u32::try_from(from), u32::try_from(text.len()))
        {
            block.bold = (from, to);
        }
    }

    /// Everything but tables and the checks for blocks left open.
    // Inlined into the loops that call it: events are large, there is one
    // for every piece of text in the file, and a call costs a copy of each
    // (measured: some 2% of reading a canonical file).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn event(&mut self, event: Event, range: &Range<usize>) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                self.start_block(BlockKind::Heading(level), range);
            }
            Event::Start(Tag::Paragraph) => self.start_block(BlockKind::Para, range),
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph) => self.end_block(),
            Event::Start(Tag::Item) => {
                if let Some(parent) = self.items.last_mut() {
                    parent.end = parent.end.min(range.start);
                }
                let depth = u32::try_from(self.items.len()).unwrap_or(u32::MAX);
                self.items.push(Block::new(BlockKind::Item(depth), range));
            }
            Event::End(TagEnd::Item) => {
                if let Some(item) = self.items.pop() {
                    self.blocks.push(item);
                }
            }
            // An image is a picture, not text: its alternative text is dropped.
            Event::Start(
                Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::MetadataBlock(_)
                | Tag::FootnoteDefinition(_)
                | Tag::Image { .. },
            ) => self.skip += 1,
            Event::End(
                TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::MetadataBlock(_)
                | TagEnd::FootnoteDefinition
                | TagEnd::Image,
            ) => self.skip = self.skip.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(target) = self.target() {
                    target.push(Inline::Link {
                        text: String::new(),
                        url: dest_url.to_string(),
                    });
                }
                self.in_link = true;
            }
            Event::End(TagEnd::Link) => self.in_link = false,
            Event::Start(Tag::Strong) => self.start_strong(),
            Event::End(TagEnd::Strong) => self.end_strong(),
            Event::Text(s) | Event::Code(s) => self.push_text(&s),
            Event::InlineHtml(html) if self.cell && is_line_break(&html) => {
                self.push_break(range.end);
            }
            // `<br>` and the like separate words; the markup itself is dropped.
            Event::InlineHtml(_) => self.push_text(" "),
            Event::SoftBreak | Event::HardBreak => self.push_break(range.end),
            Event::Rule if self.items.is_empty() && self.open.is_none() && self.skip == 0 => {
                self.blocks.push(Block::new(BlockKind::Rule, range));
            }
            _ => {}
        }
    }

    /// A row of the table being read ends.
    fn end_row(&mut self) {
        if let (Some(table), Some(range)) = (self.table.as_mut(), self.row.take()) {
            table
                .table
                .get_or_insert_with(Box::default)
                .sources
                .push(range);
        }
    }
}

/// Cuts the rows of every table into cells, each read on its own.
fn cut_rows(blocks: &mut [Block], text: &str, refs: &RefDefs) {
    for table in blocks.iter_mut().filter_map(|block| block.table.as_mut()) {
        let sources = std::mem::take(&mut table.sources);
        table.rows = sources
            .into_iter()
            .map(|range| {
                let row = text.get(range.clone()).unwrap_or("");
                let cells = split_row(row)
                    .into_iter()
                    .map(|(at, cell)| read_cell(cell, range.start + at, refs))
                    .collect();
                Row {
                    start: range.start,
                    cells,
                }
            })
            .collect();
    }
}

pub(super) fn collect_blocks(text: &str, rep: &mut Reporter) -> Vec<Block> {
    // A block every 40 bytes or so, in a directory file: room for them
    // all saves copying them as the list grows. Only so much is set aside
    // before a block is seen, whatever the file.
    let mut c = Collector {
        blocks: Vec::with_capacity((text.len() / 40).min(1 << 14)),
        ..Collector::default()
    };
    let mut events = Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter();
    let mut tables = false;
    for (event, mut range) in events.by_ref() {
        // Block ranges include indentation; diagnostics should point at the marker.
        let indent = text.get(range.start..).map_or(0, |rest| {
            rest.len() - rest.trim_start_matches([' ', '\t']).len()
        });
        range.start = (range.start + indent).min(range.end);
        match event {
            Event::Start(Tag::Table(_)) => {
                if c.skip == 0 && c.table.is_none() {
                    c.table = Some(Block::new(BlockKind::Table, &range));
                    tables = true;
                }
                c.skip += 1;
            }
            Event::End(TagEnd::Table) => {
                c.skip = c.skip.saturating_sub(1);
                if c.skip == 0
                    && let Some(table) = c.table.take()
                {
                    c.blocks.push(table);
                }
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => c.row = Some(range),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => c.end_row(),
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
            event => c.event(event, &range),
        }
    }
    if tables {
        cut_rows(&mut c.blocks, text, events.reference_definitions());
    }
    // Items are finished after the items nested in them; the state machine
    // wants them in the order they start.
    c.blocks.sort_by_key(|block| block.start);
    c.blocks
}

/// One table cell, read as the paragraph it is in a table: inline markup
/// only. A no-break space before it keeps `- x`, `# x` or `<p>x` from
/// starting a list, a heading or an HTML block, and counts as white space
/// wherever the text is used. Reference links resolve against the
/// document's definitions.
fn read_cell(cell: &str, start: usize, refs: &RefDefs) -> Block {
    let range = start..start + cell.len();
    // Most cells are plain words: nothing in them for a parser to find.
    if !cell.contains(['\\', '`', '*', '_', '[', ']', '<', '&', '!', '~', '|']) {
        let mut block = Block::new(BlockKind::Para, &range);
        if !cell.is_empty() {
            block.inlines.push(Inline::Text(cell.to_string()));
        }
        return block;
    }
    let source = format!("\u{a0}{cell}");
    let mut resolve = |link: BrokenLink<'_>| {
        refs.get(link.reference.as_ref()).map(|def| {
            let title = def.title.as_deref().unwrap_or("").to_string();
            (CowStr::from(def.dest.to_string()), CowStr::from(title))
        })
    };
    let parser =
        Parser::new_with_broken_link_callback(&source, Options::empty(), Some(&mut resolve));
    let mut c = Collector {
        cell: true,
        ..Collector::default()
    };
    for (event, range) in parser.into_offset_iter() {
        c.event(event, &range);
    }
    c.end_block();
    let mut block = c
        .blocks
        .into_iter()
        .next()
        .unwrap_or_else(|| Block::new(BlockKind::Para, &(0..0)));
    block.kind = BlockKind::Para;
    block.start = start;
    block.end = start + cell.len();
    block
}

/// `<br>`, `<br/>`, `<BR />`.
fn is_line_break(html: &str) -> bool {
    let html = html.trim();
    html.get(..3)
        .is_some_and(|tag| tag.eq_ignore_ascii_case("<br"))
        && html[3..].trim_start().trim_start_matches('/').trim() == ">"
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
