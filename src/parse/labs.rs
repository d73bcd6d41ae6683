//! Labs: one a list item of a labs section, or a row of a table.

use std::ops::Range;

use super::blocks::Inline;
use super::fields::{fault, misleading};
use super::inline::{collapse, first_link, markup_changed, quote, render, split_key};
use super::positions::Reporter;
use crate::model::Lab;
use crate::url::refusal;

/// Whether a line of a labs section has anything to open: a link, or a
/// URL in its text.
pub(super) fn has_url(line: &[Inline]) -> bool {
    line.iter().any(|inline| match inline {
        Inline::Link { .. } => true,
        Inline::Text(text) => text.contains("://"),
        Inline::Break(_) | Inline::Sep => false,
    })
}

/// A lab is `Name: url`, `[Name](url)`, or `**[Name](url)**: words`.
/// Returns it, or says why there is none.
pub(super) fn lab(rep: &mut Reporter, source: Range<usize>, line: &[Inline]) -> Option<Lab> {
    let start = source.start;
    // A URL read from the text rather than from a link, which markup
    // in it may have changed.
    let mut bare = false;
    let (name, url) = match split_key(line) {
        Some((key, key_url, value)) => {
            let link_url = key_url.or_else(|| first_link(&value).map(|(_, url)| url.to_string()));
            bare = link_url.is_none();
            (key, link_url.unwrap_or_else(|| render(&value)))
        }
        None => match first_link(line) {
            Some((text, url)) if !text.trim().is_empty() => (collapse(text), url.to_string()),
            Some((_, url)) => (url.to_string(), url.to_string()),
            None => {
                unlinked(rep, start, &render(line));
                return None;
            }
        },
    };
    let url = url.trim().to_string();
    if bare
        && refusal(&url).is_none()
        && let Some((at, written)) = markup_changed(rep.index.source(source), &url)
    {
        rep.warn(
            start + at,
            format!(
                "lab {}: {} reads as {} in markdown; skipped (<…> keeps a URL as written)",
                quote(&name),
                quote(&written),
                quote(&url)
            ),
        );
        return None;
    }
    checked(rep, start, name, url)
}

/// A lab with `url`, when the URL can be opened; otherwise why not.
pub(super) fn checked(rep: &mut Reporter, start: usize, name: String, url: String) -> Option<Lab> {
    if url.is_empty() {
        rep.warn(start, format!("lab {} has no URL; skipped", quote(&name)));
        return None;
    }
    if let Some(why) = refusal(&url) {
        rep.warn(
            start,
            format!(
                "lab {}: {} {}; skipped",
                quote(&name),
                quote(&url),
                fault(why)
            ),
        );
        return None;
    }
    if let Some(why) = misleading(&url) {
        rep.warn(
            start,
            format!("lab {}: {} {why}", quote(&name), quote(&url)),
        );
    }
    rep.spot(start, &url);
    Some(Lab { name, url })
}

/// A lab line with neither a link nor a `Name:` key is skipped; what it
/// lacks is told by whether a bare URL (markdown links those only in
/// `<…>`) is in it, and whether anything else is.
fn unlinked(rep: &mut Reporter, start: usize, text: &str) {
    let url = text.split_whitespace().find(|word| word.contains("://"));
    let message = match url {
        None => format!("lab {} has no URL; skipped", quote(text)),
        Some(url)
            if text
                .replacen(url, "", 1)
                .trim_matches(|c: char| c == ':' || c.is_whitespace())
                .is_empty() =>
        {
            format!("lab {} has no name; skipped", quote(url))
        }
        Some(_) => format!(
            "lab {} has no \":\" between its name and URL; skipped",
            quote(text)
        ),
    };
    rep.warn(start, message);
}
