//! The query language, read into terms: fzf's extended syntax plus field
//! scopes (`../shared/PRODUCT.md` section 5; the README's "Matching").
//!
//! Space-separated terms are AND-ed; `a | b` is OR and binds tighter.
//! A term is fuzzy unless marked: `'exact` (a substring), `^prefix`,
//! `suffix$`, `^whole$`, `"a phrase"` (one exact term, spaces and all);
//! `!term` excludes (an inverse exact match, as in fzf). `name:`,
//! `school:`, `title:` and `topic:` (alias `research:`) scope a term to one
//! field and combine with the rest: `!school:mit`, `topic:^quant`,
//! `title:'assistant`. A quoted phrase under `topic:` is one whole research
//! topic however it is written, as the topics list counts it:
//! `topic:"machine learning"` finds "ML" and not "machine learning systems".
//!
//! Nothing a user types is an error: what cannot be read as syntax (a lone
//! `!`, an unknown field, an unclosed quote) is read as plain text, and
//! [`Parsed::notes`] says how, for the status line.

use crate::fold::fold;

/// Which of a person's fields a term looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Name, research topics, title or school: whichever matches best.
    Any,
    Name,
    School,
    Title,
    Topic,
}

impl Scope {
    /// The field a `word:` prefix names.
    fn named(word: &str) -> Option<Scope> {
        match word.to_lowercase().as_str() {
            "name" => Some(Scope::Name),
            "school" => Some(Scope::School),
            "title" => Some(Scope::Title),
            "topic" | "research" => Some(Scope::Topic),
            _ => None,
        }
    }
}

/// How a term's text must appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Its characters in order, anywhere (the skim matcher).
    Fuzzy,
    /// As a substring: `'term`, `"a phrase"`, and every excluded term.
    Exact,
    /// At the start of the field: `^term`.
    Prefix,
    /// At the end of the field: `term$`.
    Suffix,
    /// The whole field: `^term$`.
    Whole,
    /// One whole research topic, however it is written (case, accents,
    /// punctuation, plurals, synonyms: [`crate::topics::Synonyms::key`]):
    /// `topic:"a phrase"`.
    Topic,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    /// Folded (accents and marks off); matched ignoring case unless
    /// `case_sensitive`.
    pub text: String,
    pub kind: Kind,
    pub scope: Scope,
    /// `!term`: people whose field has it are left out.
    pub negated: bool,
    /// Smart case, per term: an upper-case letter in it makes it exact.
    /// Never for a whole topic, which is compared normalized.
    pub case_sensitive: bool,
}

/// A query read: every group must match, and a group matches when any of
/// its terms does (`a | b` is one group of two).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub groups: Vec<Vec<Term>>,
    /// How input that is not syntax was read, for the status line.
    pub notes: Vec<String>,
}

pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    // Whether the last thing read was `|`, joining the next term to the group before.
    let mut joining = false;
    for token in tokens(text, &mut parsed.notes) {
        if token == Token::Or {
            if joining || parsed.groups.is_empty() {
                parsed
                    .notes
                    .push("\"|\" needs a term on each side; it is left out".into());
            }
            joining = true;
            continue;
        }
        let Token::Word {
            text,
            phrase_from,
            closed,
        } = token
        else {
            continue;
        };
        let term = match phrase_from {
            Some(at) => read_phrase(&text[..at], &text[at..], closed),
            None => read_term(&text, &mut parsed.notes),
        };
        // An empty phrase asks for nothing.
        if term.text.is_empty() {
            continue;
        }
        match parsed.groups.last_mut() {
            Some(group) if joining => group.push(term),
            _ => parsed.groups.push(vec![term]),
        }
        joining = false;
    }
    if joining && !parsed.groups.is_empty() {
        parsed
            .notes
            .push("\"|\" needs a term on each side; it is left out".into());
    }
    parsed
}

#[derive(Debug, PartialEq, Eq)]
enum Token {
    Or,
    /// `phrase_from`: where the part in quotes starts, which is all one
    /// exact term; what is before it is `!` and a field. `closed`: whether
    /// the phrase's closing quote was there.
    Word {
        text: String,
        phrase_from: Option<usize>,
        closed: bool,
    },
}

/// Splits at spaces outside quotes. A quote opens only at the start of a
/// word or after its `field:` and `!`, so `O'Brien` and `5"` are text.
fn tokens(text: &str, notes: &mut Vec<String>) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let Some(&first) = chars.peek() else { break };
        let mut word = String::new();
        let mut phrase_from = None;
        let mut closed = false;
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() {
                break;
            }
            chars.next();
            if c == '"' && opens_quote(&word) {
                phrase_from = Some(word.len());
                for c in chars.by_ref() {
                    if c == '"' {
                        closed = true;
                        break;
                    }
                    word.push(c);
                }
                if !closed {
                    notes.push("a quote is not closed; the phrase runs to the end".into());
                }
                break;
            }
            word.push(c);
        }
        if word == "|" && phrase_from.is_none() && first == '|' {
            tokens.push(Token::Or);
        } else if !word.is_empty() || phrase_from.is_some() {
            tokens.push(Token::Word {
                text: word,
                phrase_from,
                closed,
            });
        }
    }
    tokens
}

/// A quote opens a phrase at the start of a word, or after `!` or a field.
fn opens_quote(before: &str) -> bool {
    let rest = before.strip_prefix('!').unwrap_or(before);
    rest.is_empty()
        || rest
            .strip_suffix(':')
            .is_some_and(|f| Scope::named(f).is_some())
}

/// A quoted phrase, after its `!` and field if any (which `tokens` has
/// checked are only those). Under `topic:` a closed phrase is a whole
/// topic; one still being typed (no closing quote yet) is a substring, so
/// that the list follows the typing until the phrase is closed.
fn read_phrase(before: &str, phrase: &str, closed: bool) -> Term {
    let negated = before.starts_with('!');
    let field = before.trim_start_matches('!').trim_end_matches(':');
    let scope = Scope::named(field).unwrap_or(Scope::Any);
    let kind = if scope == Scope::Topic && closed {
        Kind::Topic
    } else {
        Kind::Exact
    };
    make_term(phrase.to_string(), kind, scope, negated)
}

/// The filter text that finds exactly the people listing the topic
/// `label`: `topic:"label"`. Nothing but a quote ends a phrase, and a
/// quote inside a topic is read as a space, so every label can be written.
pub fn topic_term(label: &str) -> String {
    // A quote reads as a space; the spaces around it are one.
    let words: Vec<&str> = label
        .split(|c: char| c == '"' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    format!("topic:\"{}\"", words.join(" "))
}

fn read_term(word: &str, notes: &mut Vec<String>) -> Term {
    let mut rest = word;
    let mut negated = false;
    if let Some(after) = rest.strip_prefix('!')
        && !after.is_empty()
    {
        negated = true;
        rest = after;
    }
    let mut scope = Scope::Any;
    if let Some((field, after)) = rest.split_once(':')
        && !field.is_empty()
        && field.chars().all(char::is_alphabetic)
    {
        match Scope::named(field) {
            Some(named) if !after.is_empty() => {
                scope = named;
                rest = after;
            }
            Some(_) => notes.push(format!(
                "\"{word}\" has no text after the field; read as text"
            )),
            // A URL's scheme is no field.
            None if after.starts_with("//") => {}
            None => notes.push(format!(
                "\"{field}:\" is not a field (name, school, title, topic); read as text"
            )),
        }
    }
    // `school:!mit` reads as `!school:mit`.
    if !negated
        && scope != Scope::Any
        && let Some(after) = rest.strip_prefix('!')
        && !after.is_empty()
    {
        negated = true;
        rest = after;
    }
    if word == "!" {
        notes.push("a lone \"!\" excludes nothing; read as text".into());
    }
    let (text, kind) = marked(rest, negated);
    make_term(text, kind, scope, negated)
}

fn make_term(text: String, kind: Kind, scope: Scope, negated: bool) -> Term {
    let folded = fold(&text).unwrap_or(text);
    Term {
        case_sensitive: kind != Kind::Topic && folded.chars().any(char::is_uppercase),
        text: folded,
        kind,
        scope,
        negated,
    }
}

/// The kind `'`, `^` and `$` mark, and the text without the marks. A mark
/// with nothing to mark is text.
fn marked(text: &str, negated: bool) -> (String, Kind) {
    let plain = if negated { Kind::Exact } else { Kind::Fuzzy };
    if let Some(exact) = text.strip_prefix('\'')
        && !exact.is_empty()
    {
        return (exact.to_string(), Kind::Exact);
    }
    let prefix = text.strip_prefix('^').filter(|t| !t.is_empty());
    let inner = prefix.unwrap_or(text);
    let suffix = inner.strip_suffix('$').filter(|t| !t.is_empty());
    match (prefix.is_some(), suffix) {
        (true, Some(whole)) => (whole.to_string(), Kind::Whole),
        (true, None) => (inner.to_string(), Kind::Prefix),
        (false, Some(end)) => (end.to_string(), Kind::Suffix),
        (false, None) => (text.to_string(), plain),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(text: &str, kind: Kind, scope: Scope, negated: bool) -> Term {
        Term {
            text: text.into(),
            kind,
            scope,
            negated,
            case_sensitive: kind != Kind::Topic && text.chars().any(char::is_uppercase),
        }
    }

    fn one(query: &str) -> Term {
        let parsed = parse(query);
        assert_eq!(parsed.groups.len(), 1, "{query}: {parsed:?}");
        assert_eq!(parsed.groups[0].len(), 1, "{query}: {parsed:?}");
        parsed.groups[0][0].clone()
    }

    use Kind::{Exact, Fuzzy, Prefix, Suffix, Whole};
    use Scope::{Any, Name, School, Title, Topic};

    #[test]
    fn every_operator() {
        assert_eq!(one("stoica"), term("stoica", Fuzzy, Any, false));
        assert_eq!(one("'stoica"), term("stoica", Exact, Any, false));
        assert_eq!(one("^sto"), term("sto", Prefix, Any, false));
        assert_eq!(one("ica$"), term("ica", Suffix, Any, false));
        assert_eq!(parse("^ion stoica$").groups.len(), 2, "spaces split terms");
        assert_eq!(one("^stoica$"), term("stoica", Whole, Any, false));
        assert_eq!(one("!mit"), term("mit", Exact, Any, true));
        assert_eq!(one("!^mit"), term("mit", Prefix, Any, true));
        assert_eq!(one("!mit$"), term("mit", Suffix, Any, true));
        assert_eq!(
            one("\"machine learning\""),
            term("machine learning", Exact, Any, false)
        );
    }

    #[test]
    fn fields_combine_with_the_operators() {
        assert_eq!(one("topic:^quant"), term("quant", Prefix, Topic, false));
        assert_eq!(one("research:quant"), term("quant", Fuzzy, Topic, false));
        assert_eq!(one("!school:mit"), term("mit", Exact, School, true));
        assert_eq!(one("school:!mit"), term("mit", Exact, School, true));
        assert_eq!(
            one("title:'assistant"),
            term("assistant", Exact, Title, false)
        );
        assert_eq!(one("NAME:han"), term("han", Fuzzy, Name, false));
    }

    #[test]
    fn a_quoted_topic_is_one_whole_topic() {
        assert_eq!(
            one("topic:\"machine learning\""),
            term("machine learning", Kind::Topic, Topic, false)
        );
        assert_eq!(
            one("research:\"ML\""),
            term("ML", Kind::Topic, Topic, false),
            "compared normalized, so never case-sensitive"
        );
        assert_eq!(
            one("!topic:\"machine learning\""),
            term("machine learning", Kind::Topic, Topic, true)
        );
        assert_eq!(
            one("TOPIC:\"Théorie\""),
            term("Theorie", Kind::Topic, Topic, false)
        );
        let either = parse("topic:\"ML\" | topic:\"NLP\" school:mit");
        assert_eq!(
            either.groups[0],
            [
                term("ML", Kind::Topic, Topic, false),
                term("NLP", Kind::Topic, Topic, false)
            ]
        );
        assert_eq!(either.groups[1], [term("mit", Fuzzy, School, false)]);
        // Everything else keeps its meaning.
        assert_eq!(
            one("\"machine learning\""),
            term("machine learning", Exact, Any, false)
        );
        assert_eq!(
            one("title:\"Assistant Professor\""),
            term("Assistant Professor", Exact, Title, false)
        );
        assert_eq!(
            one("topic:'learning"),
            term("learning", Exact, Topic, false)
        );
        assert_eq!(one("topic:^learn"), term("learn", Prefix, Topic, false));
        assert_eq!(
            one("topic:learning$"),
            term("learning", Suffix, Topic, false)
        );
        assert_eq!(one("topic:learn"), term("learn", Fuzzy, Topic, false));
        assert_eq!(
            one("topic:\"machine learn"),
            term("machine learn", Exact, Topic, false),
            "a phrase still being typed is a substring"
        );
    }

    #[test]
    fn a_topic_term_reads_back_as_that_topic() {
        use crate::topics::Synonyms;
        assert_eq!(
            topic_term("The \"big\" data"),
            "topic:\"The big data\"",
            "the filter line shows one space where a quote was"
        );
        let synonyms = Synonyms::builtin();
        for label in [
            "Machine learning",
            "ML",
            "The \"small\" model problem",
            "\"quoted\"",
            "a | b",
            "!important",
            "Systems: theory",
            "^prefix",
            "suffix$",
            "^both$",
            "'exact",
            "Théorie des graphes",
            "Σύστημα, 系统",
            "  spaced   out ",
            "topic:\"nested\"",
            "\"",
        ] {
            let text = topic_term(label);
            let parsed = parse(&text);
            assert!(parsed.notes.is_empty(), "{text}: {parsed:?}");
            let [group] = &parsed.groups[..] else {
                // Only a label of quotes and spaces asks for nothing.
                assert!(label.chars().all(|c| c == '"' || c == ' '), "{text}");
                continue;
            };
            let [found] = &group[..] else {
                panic!("{text}: {parsed:?}");
            };
            assert_eq!((found.kind, found.scope), (Kind::Topic, Topic), "{text}");
            assert!(!found.negated, "{text}");
            assert_eq!(synonyms.key(&found.text), synonyms.key(label), "{text}");
        }
    }

    #[test]
    fn or_binds_tighter_than_and() {
        let parsed = parse("systems | databases berkeley");
        assert_eq!(
            parsed.groups,
            [
                vec![
                    term("systems", Fuzzy, Any, false),
                    term("databases", Fuzzy, Any, false)
                ],
                vec![term("berkeley", Fuzzy, Any, false)],
            ]
        );
        assert!(parsed.notes.is_empty());
        let three = parse("a | b | school:c");
        assert_eq!(three.groups.len(), 1);
        assert_eq!(three.groups[0].len(), 3);
        assert_eq!(three.groups[0][2].scope, School);
    }

    #[test]
    fn smart_case_is_per_term_and_accents_fold() {
        let parsed = parse("Stoica berkeley José");
        let cases: Vec<bool> = parsed.groups.iter().map(|g| g[0].case_sensitive).collect();
        assert_eq!(cases, [true, false, true]);
        assert_eq!(parsed.groups[2][0].text, "Jose");
        assert_eq!(one("'zoë").text, "zoe");
    }

    #[test]
    fn malformed_input_is_read_as_text_and_says_so() {
        let lone = parse("!");
        assert_eq!(lone.groups, [vec![term("!", Fuzzy, Any, false)]]);
        assert_eq!(lone.notes.len(), 1, "{lone:?}");
        let unknown = parse("colour:red");
        assert_eq!(
            unknown.groups,
            [vec![term("colour:red", Fuzzy, Any, false)]]
        );
        assert!(
            unknown.notes[0].contains("\"colour:\" is not a field"),
            "{unknown:?}"
        );
        let empty = parse("school:");
        assert_eq!(empty.groups, [vec![term("school:", Fuzzy, Any, false)]]);
        assert_eq!(empty.notes.len(), 1);
        let open = parse("topic:\"machine learn");
        assert_eq!(
            open.groups,
            [vec![term("machine learn", Exact, Topic, false)]]
        );
        assert!(open.notes[0].contains("not closed"));
        for stray in ["| systems", "systems |", "a | | b"] {
            let parsed = parse(stray);
            assert_eq!(parsed.notes.len(), 1, "{stray}: {parsed:?}");
        }
        assert_eq!(parse("a | | b").groups[0].len(), 2);
        // Marks with nothing to mark are text.
        assert_eq!(one("'"), term("'", Fuzzy, Any, false));
        assert_eq!(one("^"), term("^", Fuzzy, Any, false));
        assert_eq!(one("$"), term("$", Fuzzy, Any, false));
    }

    #[test]
    fn text_that_only_looks_like_syntax_is_text() {
        assert_eq!(one("o'brien"), term("o'brien", Fuzzy, Any, false));
        assert_eq!(one("https://x.org").text, "https://x.org");
        assert!(
            parse("https://x.org").notes.is_empty(),
            "a URL is not a field"
        );
        assert_eq!(one("a|b"), term("a|b", Fuzzy, Any, false));
        assert!(parse("").groups.is_empty());
        assert!(parse("   ").groups.is_empty());
        assert!(
            parse("\"\"").groups.is_empty(),
            "an empty phrase asks for nothing"
        );
        assert_eq!(
            one("\"name: x\""),
            term("name: x", Exact, Any, false),
            "a field inside the quotes is text"
        );
    }
}
