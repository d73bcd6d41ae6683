//! Inline flattening: the text a reader sees in a block, and the cuts
//! (key and value, lines, topics) the section reader makes in it.

use std::ops::Range;

use super::blocks::Inline;

/// Quoted text in diagnostics is cut here so one huge value stays readable.
const QUOTE_CHARS: usize = 60;

/// The text a reader sees: links give their text (their URL when the text is
/// empty), breaks and runs of white space become one space.
pub(super) fn render(inlines: &[Inline]) -> String {
    // Most values are one run of text: no need to gather the pieces first.
    if let [Inline::Text(s)] = inlines {
        return collapse(s);
    }
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

pub(super) fn collapse(s: &str) -> String {
    if is_collapsed(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `s` is already as [`collapse`] leaves it: trimmed, with white
/// space only as single spaces between words. Checking is cheaper than
/// rebuilding, and nearly every value is.
fn is_collapsed(s: &str) -> bool {
    let mut after_space = true;
    for c in s.chars() {
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    !after_space || s.is_empty()
}

pub(super) fn first_link(inlines: &[Inline]) -> Option<(&str, &str)> {
    inlines.iter().find_map(|inline| match inline {
        Inline::Link { text, url } => Some((text.as_str(), url.as_str())),
        _ => None,
    })
}

/// The URL of a value that is nothing but one link.
pub(super) fn only_link(inlines: &[Inline]) -> Option<&str> {
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
pub(super) fn split_key(line: &[Inline]) -> Option<(String, Option<String>, Vec<Inline>)> {
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
            let key = if key.is_empty() {
                // The usual `Key: value`, with nothing before it to render.
                collapse(&s[..colon])
            } else {
                key.push(Inline::Text(s[..colon].to_string()));
                render(&key).trim().to_string()
            };
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

/// How a bare URL was written in `source`, when markdown read it as
/// another URL: `https://ex*am*ple.org` as `https://example.org`, or a
/// code span, an escape or an entity inside it. The written form is the
/// word that holds `://`, to the end of its line (the whole source when
/// even that was marked up), with the offset where it starts in `source`.
/// `None` when the URL is in `source` as it is.
pub(super) fn markup_changed(source: &str, url: &str) -> Option<(usize, String)> {
    if source.contains(url) {
        return None;
    }
    let Some(scheme_end) = source.find("://") else {
        return Some((0, collapse(source)));
    };
    let word_start = source[..scheme_end]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == ':')
        .map_or(0, |(at, c)| at + c.len_utf8());
    let rest = &source[word_start..];
    let line = rest.split(['\r', '\n']).next().unwrap_or(rest);
    Some((word_start, line.trim_end().to_string()))
}

/// Splits a paragraph at its line breaks, each part with its source.
pub(super) fn split_lines(
    source: Range<usize>,
    inlines: &[Inline],
) -> Vec<(Range<usize>, &[Inline])> {
    let mut lines = Vec::new();
    let (mut from, mut offset) = (0, source.start);
    for (i, inline) in inlines.iter().enumerate() {
        if let Inline::Break(next) = inline {
            lines.push((offset..*next, &inlines[from..i]));
            (from, offset) = (i + 1, *next);
        }
    }
    lines.push((offset..source.end, &inlines[from..]));
    lines
}

/// Research topics: split on `,` and `;` outside parentheses, so
/// "ML (training, inference)" stays one topic. Unbalanced brackets would
/// hide every later separator, so then every separator counts.
pub fn split_topics(value: &str) -> Vec<String> {
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

/// `"text"`, cut to [`QUOTE_CHARS`] characters. The text stays as written,
/// like the model: a diagnostic is made safe where it is printed.
pub(super) fn quote(s: &str) -> String {
    let mut out = String::from('"');
    for (i, c) in s.chars().enumerate() {
        if i == QUOTE_CHARS {
            out.push('…');
            break;
        }
        out.push(c);
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::tests::person;

    #[test]
    fn colon_inside_the_bold_key() {
        let p = person("### J\n- **Title:** T\n- *research*: a\n- __Website:__ https://x.org\n");
        assert_eq!(p.title(), Some("T"));
        assert_eq!(p.research().collect::<Vec<_>>(), ["a"]);
        assert_eq!(p.website(), Some("https://x.org"));
    }

    #[test]
    fn emphasis_is_stripped_from_values() {
        let p = person(
            "### *Jane* **Doe**\n- **Title**: *Associate* **Professor** of `EECS`\n- **Research**: _ML_, **systems**\n",
        );
        assert_eq!(p.name(), "Jane Doe");
        assert_eq!(p.title(), Some("Associate Professor of EECS"));
        assert_eq!(p.research().collect::<Vec<_>>(), ["ML", "systems"]);
    }

    #[test]
    fn research_splits_on_commas_and_semicolons() {
        let p = person("### J\n- **Research**: a, b; c ;; d,, ML (training, inference)\n");
        assert_eq!(
            p.research().collect::<Vec<_>>(),
            ["a", "b", "c", "d", "ML (training, inference)"]
        );
        assert_eq!(split_topics("a (b, c"), ["a (b", "c"]);
    }

    #[test]
    fn collapsing_leaves_clean_text_alone_and_cleans_the_rest() {
        for clean in ["", "a", "a b", "é ü"] {
            assert!(is_collapsed(clean), "{clean:?}");
            assert_eq!(collapse(clean), clean);
        }
        for (messy, want) in [
            (" a", "a"),
            ("a ", "a"),
            ("a  b", "a b"),
            ("a\tb", "a b"),
            ("a\u{a0}b", "a b"),
            ("\n", ""),
            (" ", ""),
        ] {
            assert!(!is_collapsed(messy), "{messy:?}");
            assert_eq!(collapse(messy), want, "{messy:?}");
        }
    }

    #[test]
    fn quotes_are_truncated() {
        let long = "é".repeat(70);
        assert_eq!(quote(&long), format!("\"{}…\"", "é".repeat(60)));
        assert_eq!(quote(&"a".repeat(60)), format!("\"{}\"", "a".repeat(60)));
    }

    #[test]
    fn markup_inside_a_bare_url_is_caught() {
        for (source, url, written) in [
            (
                "- Website: https://ex*am*ple.org\n",
                "https://example.org",
                "https://ex*am*ple.org",
            ),
            (
                "Web:https://x.org/`a`b`",
                "https://x.org/ab`",
                "https://x.org/`a`b`",
            ),
            (
                "- **URL**: **https://x.org/a\\_b**",
                "https://x.org/a_b",
                "**https://x.org/a\\_b**",
            ),
            (
                "- Website:\n  https://x.org/_a_\n",
                "https://x.org/a",
                "https://x.org/_a_",
            ),
            (
                "- Website:\u{3000}https://é.org/*a*",
                "https://é.org/a",
                "https://é.org/*a*",
            ),
            (
                "- Website: https:*//*x.org",
                "https://x.org",
                "- Website: https:*//*x.org",
            ),
        ] {
            let (at, found) = markup_changed(source, url).unwrap_or_default();
            assert_eq!(found, written, "{source:?}");
            assert!(source[at..].starts_with(written), "{source:?}");
        }
        for (source, url) in [
            ("- Website: https://x.org/a_b_c\n", "https://x.org/a_b_c"),
            ("- **Website**: **https://x.org/**", "https://x.org/"),
        ] {
            assert_eq!(markup_changed(source, url), None, "{source:?}");
        }
    }
}
