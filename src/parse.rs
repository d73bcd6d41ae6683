//! Reading one directory file (PRODUCT.md section 1) into the model.
//!
//! The work happens in three passes: the bytes are decoded, pulldown-cmark's
//! events are gathered into a flat list of blocks (headings, paragraphs, list
//! items, rules) carrying just their text and links, and a small section state
//! machine turns those blocks into a school, its labs and its people. Keeping
//! the markdown details out of the last pass is what lets it stay tolerant:
//! every block is judged on its own, so one bad entry cannot disturb the next.

use std::borrow::Cow;
use std::cell::Cell;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::diag::{Diagnostic, Severity};
use crate::model::{Field, Lab, Person, School, is_openable_url};

/// A person plus where its `### Name` heading starts, for duplicate diagnostics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedPerson {
    pub person: Person,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedFile {
    /// None only when the bytes could not be read as text at all (not UTF-8).
    pub school: Option<School>,
    /// In file order. `person.school` is left 0; the caller assigns real ids.
    pub people: Vec<ParsedPerson>,
    pub diagnostics: Vec<Diagnostic>,
}

/// pulldown-cmark is linear but slow on some one-line shapes: 5 MB of `[`
/// takes over a second even in a release build, and the cost grows faster
/// than the input. No directory entry needs a line anywhere near this long,
/// so longer lines are blanked before parsing and reported instead.
const MAX_LINE_BYTES: usize = 64 * 1024;

/// Quoted text in diagnostics is cut here so one huge value stays readable.
const QUOTE_CHARS: usize = 60;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `label` is what diagnostics print as the path (e.g. "schools/mit.md" or "builtin:mit.md").
pub fn parse(label: &str, bytes: &[u8]) -> ParsedFile {
    let (bytes, bom_len) = match bytes.strip_prefix(BOM) {
        Some(rest) => (rest, BOM.len()),
        None => (bytes, 0),
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => return not_utf8(label, bytes, err.valid_up_to(), bom_len),
    };
    let mut rep = Reporter {
        label,
        index: LineIndex::new(text),
        diagnostics: Vec::new(),
    };
    let markdown = blank_long_lines(text, &mut rep);
    let blocks = collect_blocks(&markdown, &mut rep);
    let mut reader = Reader::new(rep);
    for block in blocks {
        reader.block(block);
    }
    reader.finish(label)
}

fn not_utf8(label: &str, bytes: &[u8], valid_up_to: usize, bom_len: usize) -> ParsedFile {
    let prefix = bytes
        .get(..valid_up_to)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("");
    let (line, column) = LineIndex::new(prefix).position(prefix.len());
    let diagnostic = Diagnostic {
        path: label.to_string(),
        line,
        column,
        severity: Severity::Error,
        message: format!(
            "not valid UTF-8 (first bad byte at offset {}); file skipped",
            bom_len + valid_up_to
        ),
    };
    ParsedFile {
        school: None,
        people: Vec::new(),
        diagnostics: vec![diagnostic],
    }
}

// ---------------------------------------------------------------------------
// Positions

/// Byte offset to 1-based line and character column. Line endings are those
/// of CommonMark (LF, CRLF and a lone CR), so lines agree with the parser.
struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The last answer (offset, line index, column index). Diagnostics come
    /// roughly in file order, so counting on from it keeps many diagnostics
    /// on one enormous line linear instead of quadratic.
    memo: Cell<(usize, usize, usize)>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
            }
        }
        LineIndex {
            text,
            starts,
            memo: Cell::new((0, 0, 0)),
        }
    }

    fn line_range(&self, line: usize) -> Range<usize> {
        let start = self.starts.get(line).copied().unwrap_or(self.text.len());
        let end = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        start..end
    }

    fn position(&self, offset: usize) -> (usize, usize) {
        let offset = self.text.floor_char_boundary(offset);
        let line = self
            .starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        let line_start = self.line_range(line).start;
        let (memo_offset, memo_line, memo_col) = self.memo.get();
        let (from, base) = if memo_line == line && (line_start..=offset).contains(&memo_offset) {
            (memo_offset, memo_col)
        } else {
            (line_start, 0)
        };
        let column = base + self.text.get(from..offset).map_or(0, |s| s.chars().count());
        self.memo.set((offset, line, column));
        (line + 1, column + 1)
    }
}

struct Reporter<'a> {
    label: &'a str,
    index: LineIndex<'a>,
    diagnostics: Vec<Diagnostic>,
}

impl Reporter<'_> {
    fn at(&mut self, offset: usize, severity: Severity, message: String) {
        let (line, column) = self.index.position(offset);
        self.push(line, column, severity, message);
    }

    fn push(&mut self, line: usize, column: usize, severity: Severity, message: String) {
        self.diagnostics.push(Diagnostic {
            path: self.label.to_string(),
            line,
            column,
            severity,
            message,
        });
    }

    fn warn(&mut self, offset: usize, message: String) {
        self.at(offset, Severity::Warning, message);
    }
}

/// Replaces every over-long line with spaces of the same length, so offsets
/// (and therefore diagnostics) still refer to the original text.
fn blank_long_lines<'t>(text: &'t str, rep: &mut Reporter) -> Cow<'t, str> {
    let mut blanked: Option<Vec<u8>> = None;
    for line in 0..rep.index.starts.len() {
        let range = rep.index.line_range(line);
        let content = text.get(range.clone()).unwrap_or("");
        let len = content.trim_end_matches(['\r', '\n']).len();
        if len > MAX_LINE_BYTES {
            let bytes = blanked.get_or_insert_with(|| text.as_bytes().to_vec());
            if let Some(slice) = bytes.get_mut(range.start..range.start + len) {
                slice.fill(b' ');
            }
            rep.warn(range.start, format!("line too long ({len} bytes); ignored"));
        }
    }
    match blanked {
        None => Cow::Borrowed(text),
        // Whole lines between ASCII line breaks became ASCII, so this cannot
        // fail; falling back to the original keeps it panic-free regardless.
        Some(bytes) => Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())),
    }
}

// ---------------------------------------------------------------------------
// Blocks: the markdown reduced to what a directory needs

/// Inline content with all emphasis and markup stripped.
#[derive(Debug, Clone)]
enum Inline {
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
enum BlockKind {
    Heading(HeadingLevel),
    Para,
    /// A list item; depth 0 is a top-level item.
    Item(usize),
    Rule,
}

#[derive(Debug)]
struct Block {
    kind: BlockKind,
    start: usize,
    inlines: Vec<Inline>,
}

impl Block {
    fn new(kind: BlockKind, start: usize) -> Self {
        Block {
            kind,
            start,
            inlines: Vec::new(),
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
            self.open = Some(Block::new(kind, range.start));
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

fn collect_blocks(text: &str, rep: &mut Reporter) -> Vec<Block> {
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
                c.start_block(BlockKind::Heading(level), &range)
            }
            Event::Start(Tag::Paragraph) => c.start_block(BlockKind::Para, &range),
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph) => c.end_block(),
            Event::Start(Tag::Item) => {
                let depth = c.items.len();
                c.items
                    .push(Block::new(BlockKind::Item(depth), range.start));
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
                c.skip += 1
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
                c.blocks.push(Block::new(BlockKind::Rule, range.start))
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
/// something that is not data; CommonMark says so, but a reader of a
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

// ---------------------------------------------------------------------------
// Inline flattening

/// The text a reader sees: links give their text (their URL when the text is
/// empty), breaks and runs of white space become one space.
fn render(inlines: &[Inline]) -> String {
    let mut raw = String::new();
    let (mut has_content, mut sep_pending) = (false, false);
    for inline in inlines {
        let piece = match inline {
            Inline::Text(s) => s.as_str(),
            Inline::Link { text, url } if text.trim().is_empty() => url.as_str(),
            Inline::Link { text, .. } => text.as_str(),
            Inline::Break(_) => " ",
            Inline::Sep => {
                sep_pending = true;
                continue;
            }
        };
        if piece.trim().is_empty() {
            raw.push_str(piece);
            continue;
        }
        // Nested items read as a list only once there is something to list after.
        if sep_pending && has_content {
            raw.push_str(", ");
        }
        raw.push_str(piece);
        (has_content, sep_pending) = (true, false);
    }
    collapse(&raw)
}

fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn first_link(inlines: &[Inline]) -> Option<(&str, &str)> {
    inlines.iter().find_map(|inline| match inline {
        Inline::Link { text, url } => Some((text.as_str(), url.as_str())),
        _ => None,
    })
}

/// The URL of a value that is nothing but one link.
fn only_link(inlines: &[Inline]) -> Option<&str> {
    let mut url = None;
    for inline in inlines {
        match inline {
            Inline::Link { url: u, .. } if url.is_none() => url = Some(u.as_str()),
            Inline::Text(s) if s.trim().is_empty() => {}
            Inline::Break(_) | Inline::Sep => {}
            _ => return None,
        }
    }
    url
}

/// Splits `Key: value` at the first colon in plain text. A colon inside link
/// text does not count, nor does the one in `https://`, so a bare URL is not
/// mistaken for a key. Returns the key, the URL of a link inside the key
/// (`**[Lab](url)**: ...`), and the value.
fn split_key(line: &[Inline]) -> Option<(String, Option<String>, Vec<Inline>)> {
    let mut key = Vec::new();
    let mut key_url = None;
    for (i, inline) in line.iter().enumerate() {
        // `:` is ASCII, so cutting next to it stays on character boundaries.
        if let Inline::Text(s) = inline
            && let Some(colon) = s
                .match_indices(':')
                .map(|(at, _)| at)
                .find(|&at| !s[at + 1..].starts_with("//"))
        {
            key.push(Inline::Text(s[..colon].to_string()));
            let key = render(&key).trim().to_string();
            let mut value = vec![Inline::Text(s[colon + 1..].to_string())];
            value.extend(line.iter().skip(i + 1).cloned());
            return (!key.is_empty()).then_some((key, key_url, value));
        }
        if let Inline::Link { url, .. } = inline {
            key_url.get_or_insert_with(|| url.clone());
        }
        key.push(inline.clone());
    }
    None
}

/// Splits a paragraph at its line breaks, each part with the offset where it starts.
fn split_lines(start: usize, inlines: &[Inline]) -> Vec<(usize, &[Inline])> {
    let mut lines = Vec::new();
    let (mut from, mut offset) = (0, start);
    for (i, inline) in inlines.iter().enumerate() {
        if let Inline::Break(next) = inline {
            lines.push((offset, &inlines[from..i]));
            (from, offset) = (i + 1, *next);
        }
    }
    lines.push((offset, &inlines[from..]));
    lines
}

/// Research topics: split on `,` and `;` outside parentheses, so
/// "ML (training, inference)" stays one topic. Unbalanced brackets would
/// hide every later separator, so then every separator counts.
fn split_topics(value: &str) -> Vec<String> {
    let mut depth = 0i32;
    let mut balanced = true;
    let mut cuts = Vec::new();
    for (at, c) in value.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => {
                depth -= 1;
                balanced &= depth >= 0;
            }
            ',' | ';' => cuts.push((at, depth == 0)),
            _ => {}
        }
    }
    balanced &= depth == 0;
    // Cuts sit next to ASCII separators, so they are character boundaries.
    let mut topics = Vec::new();
    let mut from = 0;
    for (at, top_level) in cuts {
        if top_level || !balanced {
            topics.push(&value[from..at]);
            from = at + 1;
        }
    }
    topics.push(&value[from..]);
    topics
        .into_iter()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// `"text"`, cut to [`QUOTE_CHARS`] characters and with control characters
/// made harmless for a terminal.
fn quote(s: &str) -> String {
    let mut out = String::from('"');
    for (i, c) in s.chars().enumerate() {
        if i == QUOTE_CHARS {
            out.push('…');
            break;
        }
        out.push(crate::sanitize::stand_in(c));
    }
    out.push('"');
    out
}

// ---------------------------------------------------------------------------
// Fields

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldKind {
    Title,
    Research,
    Website,
    Extra,
}

fn classify(key: &str) -> FieldKind {
    match key.to_lowercase().as_str() {
        "title" => FieldKind::Title,
        "research" => FieldKind::Research,
        "website" | "homepage" | "url" | "web" => FieldKind::Website,
        _ => FieldKind::Extra,
    }
}

// ---------------------------------------------------------------------------
// Sections

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// Before any `##`: paragraphs describe the directory.
    Preamble,
    /// After a bare `## Research Focus`: the next paragraph is the focus.
    Focus,
    Faculty,
    Labs,
    /// Any other `##`: ignored until the next one.
    Other,
}

struct CurrentPerson {
    parsed: ParsedPerson,
    /// `### [Name](url)` gives a website when no field does.
    heading_url: Option<String>,
}

struct Reader<'a> {
    rep: Reporter<'a>,
    school: School,
    /// Offset of the first `#` heading.
    h1: Option<usize>,
    section: Section,
    person: Option<CurrentPerson>,
    /// After a `###` without a name, until the next heading.
    nameless: bool,
    /// A top-level item, with the text of items nested in it appended.
    pending: Option<(usize, Vec<Inline>)>,
    people: Vec<ParsedPerson>,
}

impl<'a> Reader<'a> {
    fn new(rep: Reporter<'a>) -> Self {
        Reader {
            rep,
            school: School::default(),
            h1: None,
            section: Section::Preamble,
            person: None,
            nameless: false,
            pending: None,
            people: Vec::new(),
        }
    }

    fn block(&mut self, block: Block) {
        if let BlockKind::Item(depth) = block.kind
            && depth > 0
            && let Some((_, inlines)) = &mut self.pending
        {
            inlines.push(Inline::Sep);
            inlines.extend(block.inlines);
            return;
        }
        if let Some((start, inlines)) = self.pending.take() {
            self.field(start, &inlines);
        }
        match block.kind {
            BlockKind::Heading(HeadingLevel::H1) => self.h1(&block),
            BlockKind::Heading(HeadingLevel::H2) => {
                self.end_person();
                self.section = self.h2(&block);
            }
            BlockKind::Heading(HeadingLevel::H3) => match self.section {
                Section::Preamble | Section::Focus | Section::Faculty => {
                    // People listed without a `## Faculty` heading are still people.
                    self.section = Section::Faculty;
                    self.start_person(&block);
                }
                Section::Labs if first_link(&block.inlines).is_some() => {
                    self.lab(block.start, &block.inlines)
                }
                _ => {}
            },
            BlockKind::Heading(_) | BlockKind::Rule => {}
            BlockKind::Para => self.paragraph(&block),
            BlockKind::Item(depth) => match self.section {
                Section::Faculty if self.nameless => {}
                Section::Faculty if self.person.is_some() => {
                    self.pending = Some((block.start, block.inlines))
                }
                Section::Faculty if depth == 0 => self.rep.warn(
                    block.start,
                    format!(
                        "item {} is not under a \"### Name\" heading; skipped",
                        quote(&render(&block.inlines))
                    ),
                ),
                Section::Labs => self.lab(block.start, &block.inlines),
                _ => {}
            },
        }
    }

    fn h1(&mut self, block: &Block) {
        let text = render(&block.inlines);
        if self.h1.is_some() {
            self.rep.warn(
                block.start,
                format!("second \"# School\" heading {} ignored", quote(&text)),
            );
            return;
        }
        self.h1 = Some(block.start);
        // Markdown trims the heading, so pad it: "# - Faculty" has an empty name.
        let (name, title) = match format!(" {text} ").rsplit_once(" - ") {
            Some((name, title)) => (name.trim().to_string(), Some(title.trim().to_string())),
            None => (text, None),
        };
        self.school.name = name;
        self.school.directory_title = title.filter(|t| !t.is_empty());
    }

    fn h2(&mut self, block: &Block) -> Section {
        let text = render(&block.inlines);
        let title = text.trim().trim_end_matches(':').trim_end();
        if title.eq_ignore_ascii_case("faculty") {
            return Section::Faculty;
        }
        if title.eq_ignore_ascii_case("labs") || title.eq_ignore_ascii_case("notable labs") {
            return Section::Labs;
        }
        const FOCUS: &str = "research focus";
        let Some(rest) = text
            .get(..FOCUS.len())
            .filter(|head| head.eq_ignore_ascii_case(FOCUS))
            .and_then(|_| text.get(FOCUS.len()..))
        else {
            return Section::Other;
        };
        let rest = rest.trim();
        match rest.strip_prefix(':').map(str::trim) {
            Some(focus) if !focus.is_empty() => {
                self.school.research_focus = Some(focus.to_string());
                Section::Preamble
            }
            Some(_) => Section::Focus,
            None if rest.is_empty() => Section::Focus,
            None => Section::Other,
        }
    }

    fn paragraph(&mut self, block: &Block) {
        match self.section {
            Section::Preamble => {
                let text = render(&block.inlines);
                if !text.is_empty() {
                    self.school.description.push(text);
                }
            }
            Section::Focus => {
                let text = render(&block.inlines);
                if !text.is_empty() {
                    self.school.research_focus = Some(text);
                    self.section = Section::Preamble;
                }
            }
            // Fields written as plain lines under a person, without bullets.
            Section::Faculty if self.person.is_some() && !self.nameless => {
                for (start, line) in split_lines(block.start, &block.inlines) {
                    if !render(line).is_empty() {
                        self.field(start, line);
                    }
                }
            }
            _ => {}
        }
    }

    fn start_person(&mut self, block: &Block) {
        self.end_person();
        let name = render(&block.inlines);
        if name.is_empty() {
            self.nameless = true;
            self.rep.at(
                block.start,
                Severity::Error,
                "person without a name; its fields are skipped".to_string(),
            );
            return;
        }
        let (line, column) = self.rep.index.position(block.start);
        let person = Person {
            name,
            ..Person::default()
        };
        self.person = Some(CurrentPerson {
            parsed: ParsedPerson {
                person,
                line,
                column,
            },
            heading_url: first_link(&block.inlines).map(|(_, url)| url.to_string()),
        });
    }

    fn end_person(&mut self) {
        self.nameless = false;
        if let Some(current) = self.person.take() {
            let mut parsed = current.parsed;
            if parsed.person.website.is_none() {
                parsed.person.website = current.heading_url.filter(|url| is_openable_url(url));
            }
            self.people.push(parsed);
        }
    }

    fn field(&mut self, start: usize, line: &[Inline]) {
        let Some(current) = self.person.as_mut() else {
            return;
        };
        let person = &mut current.parsed.person;
        let rep = &mut self.rep;
        let Some((key, _, value)) = split_key(line) else {
            rep.warn(
                start,
                format!("expected \"Key: value\", found {}", quote(&render(line))),
            );
            return;
        };
        let kind = classify(&key);
        let text = render(&value);
        let topics = match kind {
            FieldKind::Research => split_topics(&text),
            _ => Vec::new(),
        };
        let empty = match kind {
            FieldKind::Research => topics.is_empty(),
            _ => text.is_empty() && first_link(&value).is_none(),
        };
        if empty {
            rep.warn(start, format!("field {} has no value", quote(&key)));
            return;
        }
        let url = first_link(&value).map_or(text.clone(), |(_, url)| url.trim().to_string());
        if kind == FieldKind::Website && !is_openable_url(&url) {
            rep.warn(
                start,
                format!("website {} is not an absolute http(s) URL", quote(&url)),
            );
            // Kept where it is shown but never opened.
            let key = "Website".to_string();
            person.extra.push(Field { key, value: url });
            return;
        }
        let duplicate = match kind {
            FieldKind::Title => person.title.is_some(),
            FieldKind::Research => !person.research.is_empty(),
            FieldKind::Website => person.website.is_some(),
            FieldKind::Extra => false,
        };
        if duplicate {
            rep.warn(
                start,
                format!("duplicate field {}; the later value is used", quote(&key)),
            );
        }
        match kind {
            FieldKind::Title => person.title = Some(text),
            FieldKind::Research => person.research = topics,
            FieldKind::Website => person.website = Some(url),
            // Repeated extra keys are all kept: two `Email` lines are two
            // addresses, not a mistake. A value that is only a link keeps
            // its URL when it is one worth opening (`Scholar: [profile](https://…)`);
            // otherwise the text wins (`Email: <jane@example.org>` stays an
            // address, not `mailto:`).
            FieldKind::Extra => {
                let value = match only_link(&value) {
                    Some(url) if is_openable_url(url) => url.to_string(),
                    _ => text,
                };
                person.extra.push(Field { key, value });
            }
        }
    }

    /// A lab is `Name: url`, `[Name](url)`, or `**[Name](url)**: words`.
    fn lab(&mut self, start: usize, line: &[Inline]) {
        let (name, url) = match split_key(line) {
            Some((key, key_url, value)) => {
                let url = key_url
                    .or_else(|| first_link(&value).map(|(_, url)| url.to_string()))
                    .unwrap_or_else(|| render(&value));
                (key, url)
            }
            None => match first_link(line) {
                Some((text, url)) if !text.trim().is_empty() => (collapse(text), url.to_string()),
                Some((_, url)) => (url.to_string(), url.to_string()),
                None => (render(line), String::new()),
            },
        };
        let url = url.trim().to_string();
        if url.is_empty() {
            self.rep
                .warn(start, format!("lab {} has no URL; skipped", quote(&name)));
        } else if !is_openable_url(&url) {
            self.rep.warn(
                start,
                format!(
                    "lab {}: {} is not an absolute http(s) URL; skipped",
                    quote(&name),
                    quote(&url)
                ),
            );
        } else {
            self.school.labs.push(Lab { name, url });
        }
    }

    fn finish(mut self, label: &str) -> ParsedFile {
        if let Some((start, inlines)) = self.pending.take() {
            self.field(start, &inlines);
        }
        self.end_person();
        if self.school.name.is_empty() {
            let stem = file_stem(label);
            match self.h1 {
                None => self.rep.push(
                    0,
                    0,
                    Severity::Warning,
                    format!(
                        "no \"# School\" heading; using {} as the school name",
                        quote(&stem)
                    ),
                ),
                Some(start) => self.rep.warn(
                    start,
                    format!(
                        "\"# School\" heading has no school name; using {} as the school name",
                        quote(&stem)
                    ),
                ),
            }
            self.school.name = stem;
        }
        sanitize_school(&mut self.school);
        for parsed in &mut self.people {
            sanitize_person(&mut parsed.person);
        }
        ParsedFile {
            school: Some(self.school),
            people: self.people,
            diagnostics: self.rep.diagnostics,
        }
    }
}

/// The school name for a file without one: its name without directory or extension.
fn file_stem(label: &str) -> String {
    let path = label.strip_prefix("builtin:").unwrap_or(label);
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    };
    if stem.trim().is_empty() {
        "unnamed".to_string()
    } else {
        stem.to_string()
    }
}

// ---------------------------------------------------------------------------
// Output hygiene

/// Everything parsed ends up on a terminal; a stray escape character in a
/// file must not be able to drive it. Done last so that website validation
/// still sees (and rejects) the raw characters.
fn sanitize(s: &mut String) {
    if let std::borrow::Cow::Owned(printable) = crate::sanitize::sanitize(s) {
        *s = printable;
    }
}

fn sanitize_school(school: &mut School) {
    sanitize(&mut school.name);
    school.directory_title.iter_mut().for_each(sanitize);
    school.research_focus.iter_mut().for_each(sanitize);
    school.description.iter_mut().for_each(sanitize);
    for lab in &mut school.labs {
        sanitize(&mut lab.name);
    }
}

fn sanitize_person(person: &mut Person) {
    sanitize(&mut person.name);
    person.title.iter_mut().for_each(sanitize);
    person.research.iter_mut().for_each(sanitize);
    for field in &mut person.extra {
        sanitize(&mut field.key);
        sanitize(&mut field.value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "# MIT - Faculty\n\n## Faculty\n\n";

    fn read(src: &str) -> ParsedFile {
        parse("t.md", src.as_bytes())
    }

    /// The only person of `HEAD` + `body`, with no diagnostics expected.
    fn person(body: &str) -> Person {
        let file = read(&format!("{HEAD}{body}"));
        assert_eq!(file.diagnostics, [], "{body}");
        assert_eq!(file.people.len(), 1, "{body}");
        file.people[0].person.clone()
    }

    /// The single diagnostic of `src` as (line, column, severity, message).
    fn only_diag(src: &str) -> (usize, usize, Severity, String) {
        let file = read(src);
        assert_eq!(file.diagnostics.len(), 1, "{:?}", file.diagnostics);
        let d = &file.diagnostics[0];
        assert_eq!(d.path, "t.md");
        (d.line, d.column, d.severity, d.message.clone())
    }

    fn labs(body: &str) -> Vec<Lab> {
        let file = read(&format!("# X\n\n{body}"));
        assert_eq!(file.diagnostics, [], "{body}");
        file.school.unwrap().labs
    }

    fn lab(name: &str, url: &str) -> Lab {
        Lab {
            name: name.into(),
            url: url.into(),
        }
    }

    fn field(key: &str, value: &str) -> Field {
        Field {
            key: key.into(),
            value: value.into(),
        }
    }

    #[test]
    fn positions_count_characters_and_all_line_endings() {
        let index = LineIndex::new("ab\r\né😀x\rq\ny");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(4), (2, 1));
        assert_eq!(index.position(10), (2, 3));
        assert_eq!(index.position(12), (3, 1));
        assert_eq!(index.position(14), (4, 1));
        // Inside a multi-byte character, and past the end.
        assert_eq!(index.position(6), (2, 2));
        assert_eq!(index.position(99), (4, 2));
        // Going backwards on the same line must not reuse the memo.
        assert_eq!(index.position(9), (2, 2));
    }

    #[test]
    fn crlf_line_endings() {
        let src = "# MIT - Faculty\r\n\r\n## Faculty\r\n\r\n### Jane Doe\r\n- **Title**: Professor\r\n- **Research**: A, B\r\n- **Website**: https://x.org/\r\n";
        let file = read(src);
        assert_eq!(file.diagnostics, []);
        let jane = &file.people[0].person;
        assert_eq!(jane.name, "Jane Doe");
        assert_eq!(jane.title.as_deref(), Some("Professor"));
        assert_eq!(jane.research, ["A", "B"]);
        assert_eq!(jane.website.as_deref(), Some("https://x.org/"));
        assert_eq!((file.people[0].line, file.people[0].column), (5, 1));
    }

    #[test]
    fn byte_order_mark_is_stripped() {
        let mut bytes = BOM.to_vec();
        bytes.extend_from_slice(b"# MIT - Faculty\n\n### Jane\n- Title: x\n");
        let file = parse("t.md", &bytes);
        assert_eq!(file.diagnostics, []);
        assert_eq!(file.school.unwrap().name, "MIT");
        assert_eq!((file.people[0].line, file.people[0].column), (3, 1));
    }

    #[test]
    fn lower_case_keys() {
        let p = person("### J\n- **title**: T\n- **RESEARCH**: a\n- **website**: https://x.org\n");
        assert_eq!(p.title.as_deref(), Some("T"));
        assert_eq!(p.research, ["a"]);
        assert_eq!(p.website.as_deref(), Some("https://x.org"));
    }

    #[test]
    fn keys_without_bold() {
        let p = person("### J\n- Title: T\n- Research: a\n- Website: https://x.org\n");
        assert_eq!(p.title.as_deref(), Some("T"));
        assert_eq!(p.research, ["a"]);
        assert_eq!(p.website.as_deref(), Some("https://x.org"));
    }

    #[test]
    fn colon_inside_the_bold_key() {
        let p = person("### J\n- **Title:** T\n- *research*: a\n- __Website:__ https://x.org\n");
        assert_eq!(p.title.as_deref(), Some("T"));
        assert_eq!(p.research, ["a"]);
        assert_eq!(p.website.as_deref(), Some("https://x.org"));
    }

    #[test]
    fn website_aliases() {
        for alias in ["Homepage", "URL", "web", "WEBSITE"] {
            let p = person(&format!("### J\n- **{alias}**: https://x.org/\n"));
            assert_eq!(p.website.as_deref(), Some("https://x.org/"), "{alias}");
            assert_eq!(p.extra, [], "{alias}");
        }
    }

    #[test]
    fn autolink_values() {
        let p = person("### J\n- **Website**: <https://x.org/a>\n- **Email**: <j@x.org>\n");
        assert_eq!(p.website.as_deref(), Some("https://x.org/a"));
        assert_eq!(p.extra, [field("Email", "j@x.org")]);
    }

    #[test]
    fn markdown_link_values() {
        let p = person(
            "### J\n- **Website**: [home page](https://x.org/j)\n- **Title**: Chair of [EECS](https://eecs.x.org)\n- **Scholar**: [profile](https://scholar.x.org/j)\n",
        );
        assert_eq!(p.website.as_deref(), Some("https://x.org/j"));
        assert_eq!(p.title.as_deref(), Some("Chair of EECS"));
        assert_eq!(p.extra, [field("Scholar", "https://scholar.x.org/j")]);
    }

    #[test]
    fn emphasis_is_stripped_from_values() {
        let p = person(
            "### *Jane* **Doe**\n- **Title**: *Associate* **Professor** of `EECS`\n- **Research**: _ML_, **systems**\n",
        );
        assert_eq!(p.name, "Jane Doe");
        assert_eq!(p.title.as_deref(), Some("Associate Professor of EECS"));
        assert_eq!(p.research, ["ML", "systems"]);
    }

    #[test]
    fn extra_fields_are_kept_in_order() {
        let p = person(
            "### J\n- **Office**: 32-G\n- **Title**: T\n- **Email**: j@x.org\n- **Office**: 32-H\n",
        );
        assert_eq!(
            p.extra,
            [
                field("Office", "32-G"),
                field("Email", "j@x.org"),
                field("Office", "32-H")
            ]
        );
    }

    #[test]
    fn research_splits_on_commas_and_semicolons() {
        let p = person("### J\n- **Research**: a, b; c ;; d,, ML (training, inference)\n");
        assert_eq!(p.research, ["a", "b", "c", "d", "ML (training, inference)"]);
        assert_eq!(split_topics("a (b, c"), ["a (b", "c"]);
    }

    #[test]
    fn nested_and_loose_items_join_their_parent() {
        let p = person(
            "### J\n- **Research**:\n  - ML\n  - systems\n- **Title**: Professor\n\n  Emeritus\n",
        );
        assert_eq!(p.research, ["ML", "systems"]);
        assert_eq!(p.title.as_deref(), Some("Professor Emeritus"));
    }

    #[test]
    fn soft_breaks_in_items_are_spaces() {
        let p = person("### J\n- **Title**: Professor of\n  Computer Science\n");
        assert_eq!(p.title.as_deref(), Some("Professor of Computer Science"));
    }

    #[test]
    fn plain_lines_under_a_person_are_fields() {
        let p = person("### J\nTitle: T\nResearch: a, b\n");
        assert_eq!(p.title.as_deref(), Some("T"));
        assert_eq!(p.research, ["a", "b"]);
    }

    #[test]
    fn linked_person_heading_gives_a_website() {
        let p = person("### [Jane Doe](https://x.org/jane)\n- Title: T\n");
        assert_eq!(p.name, "Jane Doe");
        assert_eq!(p.website.as_deref(), Some("https://x.org/jane"));
    }

    #[test]
    fn h1_splits_at_the_last_dash() {
        let school = read("# Univ. of California - Berkeley - Computer Science Faculty\n")
            .school
            .unwrap();
        assert_eq!(school.name, "Univ. of California - Berkeley");
        assert_eq!(
            school.directory_title.as_deref(),
            Some("Computer Science Faculty")
        );
    }

    #[test]
    fn h1_without_dash_is_all_school_name() {
        let school = read("# Stanford University\n").school.unwrap();
        assert_eq!(school.name, "Stanford University");
        assert_eq!(school.directory_title, None);
    }

    #[test]
    fn focus_and_description() {
        let school = read(
            "# S\n\nIntro\nsecond line.\n\n## research focus: Systems\n\nMore.\n\n## Faculty\n\nNot description.\n",
        )
        .school
        .unwrap();
        assert_eq!(school.research_focus.as_deref(), Some("Systems"));
        assert_eq!(school.description, ["Intro second line.", "More."]);
        let school = read("# S\n\n## Research Focus\n\nSystems\n\nAbout.\n")
            .school
            .unwrap();
        assert_eq!(school.research_focus.as_deref(), Some("Systems"));
        assert_eq!(school.description, ["About."]);
    }

    #[test]
    fn horizontal_rules_are_ignored() {
        let p = person("### J\n- Title: T\n\n---\n\n***\n");
        assert_eq!(p.title.as_deref(), Some("T"));
    }

    #[test]
    fn unknown_sections_are_ignored() {
        let file = read(&format!(
            "{HEAD}### J\n- Title: T\n\n## Contact\n\n- Phone: 555\n\n### Not A Person\n- Title: no\n\nWords.\n"
        ));
        assert_eq!(file.diagnostics, []);
        assert_eq!(file.people.len(), 1);
        assert_eq!(file.people[0].person.extra, []);
        assert_eq!(file.school.unwrap().labs, []);
    }

    #[test]
    fn code_html_and_tables_are_not_data() {
        let p = person(
            "### J\n- Title: T\n\n```\n- Research: no\n```\n\n<div>\n- Research: no\n</div>\n\n| a | b |\n|---|---|\n",
        );
        assert_eq!(p.research, Vec::<String>::new());
    }

    #[test]
    fn labs_section_forms() {
        let want = [
            lab("A", "https://a.org/"),
            lab("B", "https://b.org/"),
            lab("C", "https://c.org/"),
            lab("D", "https://d.org/"),
            lab("E", "https://e.org/"),
            lab("F", "https://f.org/"),
        ];
        let got = labs(
            "## Labs\n\n- **A**: https://a.org/\n- B: <https://b.org/>\n- [C](https://c.org/)\n- **[D](https://d.org/)**\n- **[E](https://e.org/)**: the E lab\n\n### [F](https://f.org/)\n",
        );
        assert_eq!(got, want);
        assert_eq!(
            labs("## notable labs\n\n- **A**: https://a.org/\n"),
            [lab("A", "https://a.org/")]
        );
    }

    #[test]
    fn control_characters_never_reach_the_output() {
        let file =
            read("# M\u{1b}[2J\n\n### J\n- Title: a\u{7}b\n- Website: https://x.org/\u{1b}[2J\n");
        let school = file.school.unwrap();
        assert_eq!(school.name, "M\u{241b}[2J");
        let p = &file.people[0].person;
        assert_eq!(p.title.as_deref(), Some("a\u{2407}b"));
        assert_eq!(p.website, None);
        assert_eq!(p.extra, [field("Website", "https://x.org/\u{241b}[2J")]);
        assert!(file.diagnostics[0].message.contains('\u{241b}'));
    }

    #[test]
    fn file_stem_strips_prefix_directories_and_extension() {
        assert_eq!(file_stem("builtin:mit.md"), "mit");
        assert_eq!(file_stem("a/b\\c.x.md"), "c.x");
        assert_eq!(file_stem(".md"), ".md");
        assert_eq!(file_stem(""), "unnamed");
    }

    #[test]
    fn quotes_are_truncated() {
        let long = "é".repeat(70);
        assert_eq!(quote(&long), format!("\"{}…\"", "é".repeat(60)));
        assert_eq!(quote(&"a".repeat(60)), format!("\"{}\"", "a".repeat(60)));
    }

    // Diagnostics: exact message, line and column.

    #[test]
    fn diag_not_utf8() {
        let file = parse("t.md", b"# MIT\n\nab\xffcd\n");
        assert_eq!(file.school, None);
        assert_eq!(file.people, []);
        let d = &file.diagnostics[..];
        assert_eq!(d.len(), 1);
        assert_eq!(
            (d[0].line, d[0].column, d[0].severity),
            (3, 3, Severity::Error)
        );
        assert_eq!(
            d[0].message,
            "not valid UTF-8 (first bad byte at offset 9); file skipped"
        );
        let with_bom = parse("t.md", b"\xEF\xBB\xBF\xC3");
        assert_eq!(
            with_bom.diagnostics[0].message,
            "not valid UTF-8 (first bad byte at offset 3); file skipped"
        );
        assert_eq!(
            (with_bom.diagnostics[0].line, with_bom.diagnostics[0].column),
            (1, 1)
        );
    }

    #[test]
    fn diag_missing_h1() {
        let file = parse("builtin:stanford.md", b"## Faculty\n\n### J\n- Title: T\n");
        assert_eq!(file.school.unwrap().name, "stanford");
        assert_eq!(file.people.len(), 1);
        let d = &file.diagnostics[0];
        assert_eq!((d.line, d.column, d.severity), (0, 0, Severity::Warning));
        assert_eq!(
            d.message,
            "no \"# School\" heading; using \"stanford\" as the school name"
        );
        assert_eq!(
            d.to_string(),
            format!("builtin:stanford.md: warning: {}", d.message)
        );
    }

    #[test]
    fn diag_h1_without_school_name() {
        assert_eq!(
            only_diag("\n#  - Faculty\n"),
            (
                2,
                1,
                Severity::Warning,
                "\"# School\" heading has no school name; using \"t\" as the school name".into()
            )
        );
    }

    #[test]
    fn diag_second_h1() {
        let src = "# MIT - Faculty\n\n## Faculty\n\n# Other\n\n### J\n- Title: T\n";
        assert_eq!(
            only_diag(src),
            (
                5,
                1,
                Severity::Warning,
                "second \"# School\" heading \"Other\" ignored".into()
            )
        );
        assert_eq!(read(src).school.unwrap().name, "MIT");
    }

    #[test]
    fn diag_nameless_person() {
        let src = format!("{HEAD}###\n- Title: lost\n\n### Kept\n- Title: T\n");
        assert_eq!(
            only_diag(&src),
            (
                5,
                1,
                Severity::Error,
                "person without a name; its fields are skipped".into()
            )
        );
        let file = read(&src);
        assert_eq!(file.people.len(), 1);
        assert_eq!(file.people[0].person.title.as_deref(), Some("T"));
    }

    #[test]
    fn diag_field_without_value() {
        for item in ["- **Title**:", "- **Title**: ", "- Title: <span></span>"] {
            let src = format!("{HEAD}### J\n  {item}\n");
            assert_eq!(
                only_diag(&src),
                (
                    6,
                    3,
                    Severity::Warning,
                    "field \"Title\" has no value".into()
                ),
                "{item}"
            );
            assert_eq!(read(&src).people[0].person.title, None);
        }
        assert_eq!(
            only_diag(&format!("{HEAD}### J\n- Research: , ;\n")).3,
            "field \"Research\" has no value"
        );
    }

    #[test]
    fn diag_item_without_colon() {
        let src = format!("{HEAD}### J\n- Title: T\n- just **words**\n- https://x.org\n");
        let file = read(&src);
        let d = &file.diagnostics;
        assert_eq!(d.len(), 2);
        assert_eq!((d[0].line, d[0].column), (7, 1));
        assert_eq!(
            d[0].message,
            "expected \"Key: value\", found \"just words\""
        );
        assert_eq!(
            d[1].message,
            "expected \"Key: value\", found \"https://x.org\""
        );
        assert_eq!(file.people[0].person.title.as_deref(), Some("T"));
    }

    #[test]
    fn diag_duplicate_field() {
        let src = format!("{HEAD}### J\n- Title: First\n- **title**: Second\n");
        assert_eq!(
            only_diag(&src),
            (
                7,
                1,
                Severity::Warning,
                "duplicate field \"title\"; the later value is used".into()
            )
        );
        assert_eq!(read(&src).people[0].person.title.as_deref(), Some("Second"));
        let src = format!("{HEAD}### J\n- Website: https://a.org\n- URL: https://b.org\n");
        assert_eq!(
            only_diag(&src).3,
            "duplicate field \"URL\"; the later value is used"
        );
        assert_eq!(
            read(&src).people[0].person.website.as_deref(),
            Some("https://b.org")
        );
        // A later value that cannot be used replaces nothing.
        let src = format!(
            "{HEAD}### J\n- Website: https://a.org\n- Web: a.org\n- Research: ,\n- Research: x\n"
        );
        let file = read(&src);
        let messages: Vec<_> = file
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            messages,
            [
                "website \"a.org\" is not an absolute http(s) URL",
                "field \"Research\" has no value"
            ]
        );
        assert_eq!(
            file.people[0].person.website.as_deref(),
            Some("https://a.org")
        );
    }

    #[test]
    fn diag_invalid_website() {
        let src = format!("{HEAD}### J\n- Title: T\n- **Homepage**: www.x.org/j\n");
        assert_eq!(
            only_diag(&src),
            (
                7,
                1,
                Severity::Warning,
                "website \"www.x.org/j\" is not an absolute http(s) URL".into()
            )
        );
        let p = &read(&src).people[0].person;
        assert_eq!(p.website, None);
        assert_eq!(p.extra, [field("Website", "www.x.org/j")]);
    }

    #[test]
    fn diag_lab_without_url() {
        let src = "# X\n\n## Notable Labs\n\n- **A**: https://a.org/\n- **CSAIL**\n- **B**: https://b.org/\n";
        assert_eq!(
            only_diag(src),
            (
                6,
                1,
                Severity::Warning,
                "lab \"CSAIL\" has no URL; skipped".into()
            )
        );
        assert_eq!(
            read(src).school.unwrap().labs,
            [lab("A", "https://a.org/"), lab("B", "https://b.org/")]
        );
    }

    #[test]
    fn diag_lab_with_invalid_url() {
        assert_eq!(
            only_diag("# X\n\n## Labs\n\n- [CSAIL](csail.mit.edu)\n"),
            (
                5,
                1,
                Severity::Warning,
                "lab \"CSAIL\": \"csail.mit.edu\" is not an absolute http(s) URL; skipped".into()
            )
        );
    }

    #[test]
    fn diag_item_before_first_person() {
        assert_eq!(
            only_diag(&format!("{HEAD}- Title: T\n\n### J\n")),
            (
                5,
                1,
                Severity::Warning,
                "item \"Title: T\" is not under a \"### Name\" heading; skipped".into()
            )
        );
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

    #[test]
    fn diag_line_too_long() {
        let src = format!(
            "# X\n\n### J\n- Title: {}\n- Research: a\n",
            "[".repeat(MAX_LINE_BYTES)
        );
        let file = read(&src);
        assert_eq!(file.diagnostics.len(), 1);
        let d = &file.diagnostics[0];
        assert_eq!((d.line, d.column), (4, 1));
        assert_eq!(
            d.message,
            format!("line too long ({} bytes); ignored", MAX_LINE_BYTES + 9)
        );
        assert_eq!(file.people[0].person.title, None);
        assert_eq!(file.people[0].person.research, ["a"]);
    }
}
