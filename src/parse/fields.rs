//! Fields: one `Key: value` line of a person, checked and stored.

use std::ops::Range;

use super::blocks::Inline;
use super::inline::{
    first_link, markup_changed, only_link, quote, render, split_key, split_topics,
};
use super::positions::Reporter;
use crate::model::{Field, PersonDraft};
use crate::url::{CodePoint, Disguise, RealHost, Refusal, is_openable_url, judge, real_host};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FieldKind {
    Title,
    Research,
    Website,
    Extra,
}

#[inline]
fn classify(key: &str) -> FieldKind {
    // ASCII case suffices: no other letter lower-cases into these words.
    let is = |word: &str| key.eq_ignore_ascii_case(word);
    if is("title") {
        FieldKind::Title
    } else if is("research") {
        FieldKind::Research
    } else if is("website") || is("homepage") || is("url") || is("web") {
        FieldKind::Website
    } else {
        FieldKind::Extra
    }
}

/// Whether a field written under `key` is read as the title, the research
/// or the website, rather than kept as an extra field under its key.
pub fn is_field_key(key: &str) -> bool {
    classify(key.trim()) != FieldKind::Extra
}

/// The kind of field a line is, when it is `Key: value`. Cheap in the
/// usual case, a key in the line's first text: it is asked of a line
/// before it is read, to tell a person's fields from other items.
pub(super) fn field_kind(line: &[Inline]) -> Option<FieldKind> {
    if let Some(Inline::Text(text)) = line.first()
        && let Some(colon) = text
            .match_indices(':')
            .map(|(at, _)| at)
            .find(|&at| !text[at + 1..].starts_with("//"))
    {
        let key = text[..colon].trim();
        return (!key.is_empty()).then(|| classify(key));
    }
    split_key(line).map(|(key, _, _)| classify(&key))
}

/// What is wrong with a URL that is not opened, for a diagnostic.
pub(super) fn fault(why: Refusal) -> String {
    match why {
        Refusal::NotHttp => "is not an absolute http(s) URL".to_string(),
        Refusal::Invisible(c) => format!("holds an invisible character, {}", CodePoint(c)),
    }
}

/// What a diagnostic says of a URL that is opened but goes elsewhere than
/// it seems to. A host in other letters is not worth a warning: it is
/// shown with its punycode wherever it is shown.
pub(super) fn misleading(url: &str) -> Option<String> {
    disguise(&real_host(url)?)
}

fn disguise(real: &RealHost) -> Option<String> {
    match real.disguise {
        Disguise::UserInfo => Some(format!(
            "opens {}; what comes before \"@\" is a user name",
            real.host
        )),
        Disguise::Spelled => Some(format!("opens {}", real.host)),
        Disguise::International => None,
    }
}

/// What the reader says of a website: `Err` with the warning when it is
/// not opened (it is then kept as a `Website` extra field, shown but never
/// opened), `Ok` with one when it is opened but goes elsewhere than it
/// seems. For anything that takes websites from elsewhere, to take them
/// as the reader does.
pub fn website_verdict(url: &str) -> Result<Option<String>, String> {
    match judge(url) {
        Err(why) => Err(format!("website {} {}", quote(url), fault(why))),
        Ok(real) => Ok(real
            .as_ref()
            .and_then(disguise)
            .map(|why| format!("website {} {why}", quote(url)))),
    }
}

/// Stores one field line in `person`, or says why it cannot.
pub(super) fn read_field(
    person: &mut PersonDraft,
    rep: &mut Reporter,
    source: Range<usize>,
    line: &[Inline],
) {
    let start = source.start;
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
    let link_url = first_link(&value).map(|(_, url)| url.trim().to_string());
    // Read from the text rather than from a link, so markup may have changed it.
    let bare = link_url.is_none();
    // Only a website is a URL; other kinds keep `text` without a copy.
    let url = match kind {
        FieldKind::Website => link_url.unwrap_or_else(|| text.clone()),
        _ => String::new(),
    };
    // Read once: what is wrong with it, or where it really goes.
    let judged = (kind == FieldKind::Website).then(|| website_verdict(&url));
    if let Some(Err(warning)) = judged {
        rep.warn(start, warning);
        rep.spot(start, &url);
        // Kept where it is shown but never opened.
        let key = "Website".to_string();
        person.extra.push(Field { key, value: url });
        return;
    }
    // Neither what was written nor what markdown made of it is surely the
    // page meant, so neither is opened; what was written is what is shown.
    if kind == FieldKind::Website
        && bare
        && let Some((at, written)) = markup_changed(rep.index.source(source), &url)
    {
        rep.warn(
            start + at,
            format!(
                "website {} reads as {} in markdown; not opened (<…> keeps a URL as written)",
                quote(&written),
                quote(&url)
            ),
        );
        let key = "Website".to_string();
        person.extra.push(Field {
            key,
            value: written,
        });
        return;
    }
    if let Some(Ok(Some(warning))) = judged {
        rep.warn(start, warning);
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
        FieldKind::Website => {
            rep.spot(start, &url);
            person.website = Some(url);
        }
        // Repeated extra keys are all kept: two `Email` lines are two
        // addresses, not a mistake. A value that is only a link keeps
        // its URL when it is one worth opening (`Scholar: [profile](https://…)`);
        // otherwise the text wins (`Email: <jane@example.org>` stays an
        // address, not `mailto:`).
        FieldKind::Extra => {
            let value = match only_link(&value) {
                Some(url) if is_openable_url(url) => {
                    rep.spot(start, url);
                    url.to_string()
                }
                _ => {
                    // A URL written plainly is checked and fixed where it
                    // is written, as a link's is.
                    if is_openable_url(&text) {
                        rep.spot(start, &text);
                    }
                    text
                }
            };
            person.extra.push(Field { key, value });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Severity;
    use crate::parse::tests::{HEAD, field, only_diag, person, read};

    #[test]
    fn lower_case_keys() {
        let p = person("### J\n- **title**: T\n- **RESEARCH**: a\n- **website**: https://x.org\n");
        assert_eq!(p.title(), Some("T"));
        assert_eq!(p.research().collect::<Vec<_>>(), ["a"]);
        assert_eq!(p.website(), Some("https://x.org"));
    }

    #[test]
    fn keys_without_bold() {
        let p = person("### J\n- Title: T\n- Research: a\n- Website: https://x.org\n");
        assert_eq!(p.title(), Some("T"));
        assert_eq!(p.research().collect::<Vec<_>>(), ["a"]);
        assert_eq!(p.website(), Some("https://x.org"));
    }

    #[test]
    fn website_aliases() {
        for alias in ["Homepage", "URL", "web", "WEBSITE"] {
            let p = person(&format!("### J\n- **{alias}**: https://x.org/\n"));
            assert_eq!(p.website(), Some("https://x.org/"), "{alias}");
            assert_eq!(p.to_draft().extra, [], "{alias}");
        }
    }

    #[test]
    fn autolink_values() {
        let p = person("### J\n- **Website**: <https://x.org/a>\n- **Email**: <j@x.org>\n");
        assert_eq!(p.website(), Some("https://x.org/a"));
        assert_eq!(p.to_draft().extra, [field("Email", "j@x.org")]);
    }

    #[test]
    fn markdown_link_values() {
        let p = person(
            "### J\n- **Website**: [home page](https://x.org/j)\n- **Title**: Chair of [EECS](https://eecs.x.org)\n- **Scholar**: [profile](https://scholar.x.org/j)\n",
        );
        assert_eq!(p.website(), Some("https://x.org/j"));
        assert_eq!(p.title(), Some("Chair of EECS"));
        assert_eq!(
            p.to_draft().extra,
            [field("Scholar", "https://scholar.x.org/j")]
        );
    }

    #[test]
    fn extra_fields_are_kept_in_order() {
        let p = person(
            "### J\n- **Office**: 32-G\n- **Title**: T\n- **Email**: j@x.org\n- **Office**: 32-H\n",
        );
        assert_eq!(
            p.to_draft().extra,
            [
                field("Office", "32-G"),
                field("Email", "j@x.org"),
                field("Office", "32-H")
            ]
        );
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
            assert_eq!(read(&src).people[0].person.title(), None);
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
        assert_eq!(file.people[0].person.title(), Some("T"));
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
        assert_eq!(read(&src).people[0].person.title(), Some("Second"));
        let src = format!("{HEAD}### J\n- Website: https://a.org\n- URL: https://b.org\n");
        assert_eq!(
            only_diag(&src).3,
            "duplicate field \"URL\"; the later value is used"
        );
        assert_eq!(read(&src).people[0].person.website(), Some("https://b.org"));
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
        assert_eq!(file.people[0].person.website(), Some("https://a.org"));
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
        assert_eq!(p.website(), None);
        assert_eq!(p.to_draft().extra, [field("Website", "www.x.org/j")]);
    }

    #[test]
    fn diag_website_with_an_invisible_character() {
        for (c, name) in [
            ('\u{AD}', "U+00AD"),
            ('\u{2800}', "U+2800"),
            ('\u{E0041}', "U+E0041"),
        ] {
            let url = format!("https://exam{c}ple.org/");
            let src = format!("{HEAD}### J\n- Title: T\n- **Website**: {url}\n");
            assert_eq!(
                only_diag(&src),
                (
                    7,
                    1,
                    Severity::Warning,
                    format!("website \"{url}\" holds an invisible character, {name}")
                )
            );
            let p = &read(&src).people[0].person;
            assert_eq!(p.website(), None, "never opened");
            assert_eq!(p.to_draft().extra, [field("Website", &url)]);
        }
    }

    #[test]
    fn diag_website_that_opens_another_host() {
        let src = format!("{HEAD}### J\n- Website: https://www.google.com@evil.example/\n");
        assert_eq!(
            only_diag(&src),
            (
                6,
                1,
                Severity::Warning,
                "website \"https://www.google.com@evil.example/\" opens evil.example; what comes before \"@\" is a user name".into()
            )
        );
        let p = &read(&src).people[0].person;
        assert_eq!(
            p.website(),
            Some("https://www.google.com@evil.example/"),
            "kept as written, and shown with its host"
        );
        assert_eq!(
            only_diag(&format!("{HEAD}### J\n- Website: http://0x7f.1/\n")).3,
            "website \"http://0x7f.1/\" opens 127.0.0.1"
        );
        // Another script is shown with its punycode, and is no mistake.
        person("### J\n- Website: https://bücher.example/\n");
    }

    #[test]
    fn diag_website_changed_by_markup() {
        for (written, read_as) in [
            ("https://ex*am*ple.org", "https://example.org"),
            ("https://example.org/`a`b`", "https://example.org/ab`"),
            ("https://x.org/a\\_b", "https://x.org/a_b"),
        ] {
            let src = format!("{HEAD}### J\n- Title: T\n- **Website**: {written}\n");
            assert_eq!(
                only_diag(&src),
                (
                    7,
                    16,
                    Severity::Warning,
                    format!(
                        "website \"{written}\" reads as \"{read_as}\" in markdown; not opened (<…> keeps a URL as written)"
                    )
                )
            );
            let p = &read(&src).people[0].person;
            assert_eq!(p.website(), None, "{written}: neither form is opened");
            assert_eq!(
                p.to_draft().extra,
                [field("Website", written)],
                "shown as written"
            );
        }
        // Plain lines, and a URL on the line after its key.
        let file = read(&format!(
            "{HEAD}### J\nTitle: T\nWebsite: https://x.org/*a*\n\n### K\n- Website:\n  https://k.org/_k_\n"
        ));
        let at: Vec<_> = file
            .diagnostics
            .iter()
            .map(|d| (d.line, d.column))
            .collect();
        assert_eq!(at, [(7, 10), (11, 3)], "{:?}", file.diagnostics);
        assert_eq!(
            file.people[1].person.to_draft().extra,
            [field("Website", "https://k.org/_k_")]
        );
        // A URL in an item nested under its key is compared with that item.
        let p = person("### J\n- Website:\n  - https://x.org/a_b\n");
        assert_eq!(p.website(), Some("https://x.org/a_b"));
        // Markup around the whole URL, an autolink and a link change nothing.
        for value in [
            "**https://x.org/a_b_c**",
            "<https://x.org/*a*>",
            "[home](https://x.org/*a*)",
        ] {
            let p = person(&format!("### J\n- Website: {value}\n"));
            assert!(p.website().is_some(), "{value}");
        }
    }
}
