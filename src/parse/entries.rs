//! List entries: one person a list item, as published lists write them.
//!
//! ```text
//! * [Ada Quill](https://example.edu/~ada/) [**Stat, Math**]: program analysis, and compilers.
//! - **Bo Reyes** (Robotics Institute) – legged locomotion; reinforcement learning
//! ```
//!
//! The link text or the bold text is the name, the link the website; a
//! tag in brackets or parentheses right after the name is the person's
//! `Affiliation`; the text after the first `:`, ` - `, ` – ` or ` — ` is
//! research topics; anything between the name and that is kept as `About`.

use std::ops::Range;

use super::blocks::{Block, Inline};
use super::fields::{FieldKind, field_kind, read_field, website_verdict};
use super::inline::{collapse, quote, render, split_key, split_topics};
use super::positions::Reporter;
use crate::model::{Field, PersonDraft};
use crate::url::is_openable_url;

/// What a list item (or a paragraph line) is, for deciding what a
/// heading above such items is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// `Key: value` with a key the canonical form knows (`Title`,
    /// `Research`, `Website` or an alias).
    KnownField,
    /// A list entry. `weak` when its name is bold and followed at once by
    /// a colon (`**Email**: …`), which is also how a canonical field with
    /// another key is written.
    Entry {
        weak: bool,
    },
    /// `Key: value` with any other key.
    Field,
    Text,
}

pub(super) fn shape(block: &Block) -> Shape {
    if field_kind(&block.inlines).is_some_and(|kind| kind != FieldKind::Extra) {
        return Shape::KnownField;
    }
    if let Some(lead) = lead(block) {
        return Shape::Entry { weak: lead.weak };
    }
    if split_key(&block.inlines).is_some() {
        Shape::Field
    } else {
        Shape::Text
    }
}

/// How an entry begins: its name, its link, and the inlines after them.
pub(super) struct Lead<'a> {
    pub(super) name: String,
    pub(super) url: Option<&'a str>,
    /// Text of a bold name's first inline after the name.
    after_bold: Option<&'a str>,
    rest: &'a [Inline],
    /// The bold name ended in a colon or was followed by one.
    pub(super) weak: bool,
}

/// Text that is an address rather than a name.
pub(super) fn looks_like_url(text: &str) -> bool {
    let text = text.trim();
    text.contains("://")
        || text
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("www."))
        || (text.contains('@') && !text.contains(char::is_whitespace))
}

fn is_blank(inline: &Inline) -> bool {
    match inline {
        Inline::Text(text) => text.trim().is_empty(),
        Inline::Break(_) | Inline::Sep => true,
        Inline::Link { .. } => false,
    }
}

pub(super) fn lead(block: &Block) -> Option<Lead<'_>> {
    let first = block.inlines.iter().position(|inline| !is_blank(inline))?;
    match &block.inlines[first] {
        Inline::Link { text, url } => {
            let name = collapse(text);
            (!name.is_empty() && !looks_like_url(&name)).then(|| Lead {
                name,
                url: Some(url.as_str()),
                after_bold: None,
                rest: &block.inlines[first + 1..],
                weak: false,
            })
        }
        Inline::Text(text) => {
            let bold = block.bold().filter(|_| first == 0)?;
            let name = collapse(text.get(bold.clone())?);
            let after = text.get(bold.end..)?;
            let weak = name.ends_with(':') || after.trim_start().starts_with(':');
            let name = name.trim_end_matches(':').trim_end().to_string();
            (!name.is_empty() && !looks_like_url(&name)).then(|| Lead {
                name,
                url: None,
                after_bold: Some(after),
                rest: &block.inlines[1..],
                weak,
            })
        }
        _ => None,
    }
}

/// What follows an entry's name.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Rest {
    pub(super) tag: Option<String>,
    pub(super) about: Option<String>,
    pub(super) topics: Vec<String>,
    /// Links after the name worth opening, in order.
    pub(super) links: Vec<String>,
}

pub(super) fn rest(lead: &Lead) -> Rest {
    let mut inlines = Vec::with_capacity(lead.rest.len() + 1);
    if let Some(after) = lead.after_bold {
        inlines.push(Inline::Text(after.to_string()));
    }
    inlines.extend(lead.rest.iter().cloned());
    let links = inlines
        .iter()
        .filter_map(|inline| match inline {
            Inline::Link { url, .. } if is_openable_url(url) => Some(url.clone()),
            _ => None,
        })
        .collect();
    let text = render(&inlines);
    let mut rest = Rest {
        links,
        ..Rest::default()
    };
    // `**Bo Reyes:** topics`: the colon was inside the bold name.
    let text = if lead.weak && !text.starts_with(':') {
        format!(":{text}")
    } else {
        text
    };
    let mut text = text.as_str().trim_start();
    if let Some((tag, after)) = leading_tag(text) {
        rest.tag = Some(tag);
        text = after;
    }
    let (about, topics) = match separator(text) {
        Some(cut) => (&text[..cut.start], Some(&text[cut.end..])),
        None => (text, None),
    };
    let about = about.trim().trim_matches([',', ';']).trim();
    if about.chars().any(char::is_alphanumeric) {
        rest.about = Some(about.to_string());
    }
    if let Some(topics) = topics {
        rest.topics = entry_topics(topics);
    }
    rest
}

/// A `(…)` or `[…]` at the start of `text`, with what follows it.
fn leading_tag(text: &str) -> Option<(String, &str)> {
    let close = match text.chars().next()? {
        '(' => ')',
        '[' => ']',
        _ => return None,
    };
    let open = text.chars().next()?;
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                let tag = collapse(&text[1..at]);
                return (!tag.is_empty()).then(|| (tag, &text[at + 1..]));
            }
        }
    }
    None
}

/// Where the first `:` (not the one of `://`), ` - `, ` – ` or ` — ` is.
fn separator(text: &str) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    for (at, c) in text.char_indices() {
        match c {
            ':' if !text[at + 1..].starts_with("//") => return Some(at..at + 1),
            '-' | '–' | '—' => {
                let before = at == 0 || bytes[at - 1] == b' ';
                let end = at + c.len_utf8();
                let after = end == text.len() || bytes[end] == b' ';
                if before && after {
                    return Some(at..end);
                }
            }
            _ => {}
        }
    }
    None
}

/// Topics as lists write them: `program analysis, type systems, and compilers.`
fn entry_topics(text: &str) -> Vec<String> {
    let text = text.trim();
    let text = text.strip_suffix('.').unwrap_or(text);
    split_topics(text)
        .into_iter()
        .map(|topic| {
            let cut = topic
                .get(..4)
                .filter(|head| head.eq_ignore_ascii_case("and "))
                .map_or(topic.as_str(), |_| &topic[4..]);
            cut.trim().to_string()
        })
        .filter(|topic| !topic.is_empty())
        .collect()
}

/// The text of a group line (`**Statistics**`, `- Computer Science:`).
pub(super) fn group_label(block: &Block) -> String {
    render(&block.inlines)
        .trim_end_matches(':')
        .trim_end()
        .to_string()
}

/// Builds the person an entry names. `children` are the items nested in
/// it, as lines with their sources, each read as a field when it is
/// `Key: value`, otherwise kept in `About`.
pub(super) fn person(
    rep: &mut Reporter,
    block: &Block,
    lead: &Lead,
    department: Option<&str>,
    children: Vec<(Range<usize>, Vec<Inline>)>,
) -> PersonDraft {
    let rest = rest(lead);
    let mut person = PersonDraft {
        name: lead.name.clone(),
        research: rest.topics,
        ..PersonDraft::default()
    };
    if let Some(tag) = rest.tag {
        person.extra.push(field("Affiliation", tag));
    }
    if let Some(department) = department.filter(|d| !d.is_empty()) {
        person
            .extra
            .push(field("Department", department.to_string()));
    }
    let mut about: Vec<String> = rest.about.into_iter().collect();
    if let Some(url) = lead.url {
        website(rep, block.start, &mut person, url);
    }
    for link in rest.links {
        rep.spot(block.start, &link);
        person.extra.push(field("Link", link));
    }
    for (source, line) in children {
        if split_key(&line).is_some() {
            read_field(&mut person, rep, source, &line);
        } else {
            let text = render(&line);
            if !text.is_empty() {
                about.push(text);
            }
        }
    }
    if !about.is_empty() {
        // Kept before the links, where it was written.
        let at = person
            .extra
            .iter()
            .position(|f| f.key == "Link")
            .unwrap_or(person.extra.len());
        person.extra.insert(at, field("About", about.join("; ")));
    }
    person
}

/// A link as a person's website, as the reader takes one: a link that is
/// not opened is kept as `Link`, an email link as `Email`.
pub(super) fn website(rep: &mut Reporter, start: usize, person: &mut PersonDraft, url: &str) {
    let url = url.trim();
    if let Some(address) = url.strip_prefix("mailto:") {
        person.extra.push(field("Email", address.to_string()));
        return;
    }
    rep.spot(start, url);
    match website_verdict(url) {
        Ok(warning) => {
            if let Some(warning) = warning {
                rep.warn(start, warning);
            }
            person.website = Some(url.to_string());
        }
        Err(warning) => {
            rep.warn(
                start,
                format!("{warning}; {} keeps it as \"Link\"", quote(&person.name)),
            );
            person.extra.push(field("Link", url.to_string()));
        }
    }
}

pub(super) fn field(key: &str, value: String) -> Field {
    Field {
        key: key.to_string(),
        value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_tags() {
        assert_eq!(separator(": x"), Some(0..1));
        assert_eq!(separator("see https://x.org: y"), Some(17..18));
        assert_eq!(separator("co-founder - ML"), Some(11..12));
        assert_eq!(separator("– legged"), Some(0..3));
        assert_eq!(separator("a—b"), None);
        assert_eq!(separator("a —"), Some(2..5));
        assert_eq!(
            leading_tag("(Robotics (CMU)) – x"),
            Some(("Robotics (CMU)".into(), " – x"))
        );
        assert_eq!(
            leading_tag("[Stat, Math]: x"),
            Some(("Stat, Math".into(), ": x"))
        );
        assert_eq!(leading_tag("(open"), None);
        assert_eq!(leading_tag("()"), None);
    }

    #[test]
    fn topics_drop_a_leading_and_and_a_final_stop() {
        assert_eq!(
            entry_topics(" program analysis, type systems, and compilers. "),
            ["program analysis", "type systems", "compilers"]
        );
        assert_eq!(
            entry_topics("legged locomotion; reinforcement learning"),
            ["legged locomotion", "reinforcement learning"]
        );
        assert_eq!(
            entry_topics("Andes geology, ML (vision, and text)"),
            ["Andes geology", "ML (vision, and text)"]
        );
    }

    #[test]
    fn addresses_are_not_names() {
        for text in ["https://x.org", "www.x.org", "ada@x.org", " HTTP://X "] {
            assert!(looks_like_url(text), "{text}");
        }
        for text in ["Ada Quill", "Zoë O'Brien", "王小明", "Ada @ MIT"] {
            assert!(!looks_like_url(text), "{text}");
        }
    }
}
