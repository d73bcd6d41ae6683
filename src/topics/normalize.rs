//! What makes two ways of writing a research topic the same topic.

use std::collections::HashMap;

use crate::diag::{Diagnostic, Severity};
use crate::fold::fold;

/// The built-in synonym groups; the file's first lines describe the format.
pub const BUILTIN_SYNONYMS: &str = include_str!("../../assets/topic-synonyms.txt");

/// Words too common to tell two people's research apart.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "for", "in", "of", "on", "the", "to", "with",
];

/// The form a topic is compared by: accents folded, lower case, `&` read as
/// `and`, surrounding punctuation and repeated spaces dropped, each word's
/// simple plural made singular. "Operating Systems.", "operating system"
/// and "OPERATING  SYSTEMS" are one form. A `"` inside reads as a space, so
/// that a topic holding one can be written inside a quoted query phrase.
pub fn normalize(topic: &str) -> String {
    let folded = fold(topic);
    let text = folded
        .as_deref()
        .unwrap_or(topic)
        .replace('&', " and ")
        .replace('"', " ");
    let text = trim_edges(&text);
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        // "GPUs", "LLMs": an acronym's plural, which "corpus" is not.
        if let Some(acronym) = word.strip_suffix('s')
            && acronym.chars().count() >= 2
            && acronym
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            out.push_str(&acronym.to_lowercase());
            continue;
        }
        push_singular(&word.to_lowercase(), &mut out);
    }
    out
}

/// A topic without the spaces and punctuation around it.
pub fn trim_edges(topic: &str) -> &str {
    topic.trim_matches(|c: char| c.is_whitespace() || is_edge_punctuation(c))
}

/// The words of a normalized topic that say something about it.
pub fn words(normalized: &str) -> impl Iterator<Item = &str> {
    normalized
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.len() > 1 && !STOPWORDS.contains(word))
}

fn is_edge_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '\''
            | '*'
            | '_'
            | '-'
            | '–'
            | '—'
            | '•'
            | '·'
    )
}

/// "systems" → "system", "studies" → "study", "searches" → "search"; words
/// that only look plural ("robotics", "analysis", "corpus", "os") stay.
fn push_singular(word: &str, out: &mut String) {
    let keeps = ["ss", "us", "is", "as", "os", "ics"];
    if word.chars().count() <= 3 || !word.ends_with('s') || keeps.iter().any(|k| word.ends_with(k))
    {
        return out.push_str(word);
    }
    if let Some(stem) = word.strip_suffix("ies") {
        out.push_str(stem);
        return out.push('y');
    }
    let cut = if ["sses", "ches", "shes", "xes"]
        .iter()
        .any(|end| word.ends_with(end))
    {
        2
    } else {
        1
    };
    out.push_str(&word[..word.len() - cut]);
}

/// Forms this short are abbreviations, spelled out inside longer topics too.
const MAX_ABBREVIATION: usize = 4;

/// Which normalized forms stand for which: each form of a group maps to
/// the group's first, canonical form.
#[derive(Debug, Clone, Default)]
pub struct Synonyms {
    canonical: HashMap<String, String>,
}

impl Synonyms {
    /// The built-in groups.
    pub fn builtin() -> Synonyms {
        let mut synonyms = Synonyms::default();
        // The built-in table is part of the program; its lines are tested.
        let _ = synonyms.add_groups("builtin:topic-synonyms.txt", BUILTIN_SYNONYMS);
        synonyms
    }

    /// Adds the groups in `text` (lines of `canonical: form, form`; `#`
    /// starts a comment), saying what in it could not be read. A form
    /// already in a group joins the new one's canonical form.
    pub fn add_groups(&mut self, label: &str, text: &str) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let Some((head, forms)) = line.split_once(':') else {
                diagnostics.push(Diagnostic {
                    path: label.to_string(),
                    line: number + 1,
                    column: 1,
                    severity: Severity::Warning,
                    message: "expected \"topic: synonym, synonym\"; the line is ignored"
                        .to_string(),
                });
                continue;
            };
            let canonical = normalize(head);
            if canonical.is_empty() {
                continue;
            }
            for form in forms.split(',').map(normalize).filter(|f| !f.is_empty()) {
                if form != canonical {
                    self.canonical.insert(form, canonical.clone());
                }
            }
        }
        diagnostics
    }

    /// The key a topic is counted under: its normalized form, or the
    /// canonical form of the group that form is in.
    pub fn key(&self, topic: &str) -> String {
        let form = normalize(topic);
        if let Some(canonical) = self.canonical.get(&form) {
            return canonical.clone();
        }
        // An abbreviation inside a longer topic ("ML systems") is spelled
        // out, so it meets "machine learning systems". Only short ones:
        // "architecture" stands for "computer architecture" alone, not
        // inside "software architecture".
        let mut spelled = String::with_capacity(form.len());
        for word in form.split(' ') {
            if !spelled.is_empty() {
                spelled.push(' ');
            }
            match self.canonical.get(word) {
                Some(long) if word.chars().count() <= MAX_ABBREVIATION => spelled.push_str(long),
                _ => spelled.push_str(word),
            }
        }
        spelled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_punctuation_spacing_accents_and_plurals_do_not_matter() {
        let one = normalize("operating system");
        for form in [
            "Operating Systems.",
            "OPERATING  SYSTEMS",
            " operating systems; ",
            "(Operating system)",
        ] {
            assert_eq!(normalize(form), one, "{form}");
        }
        assert_eq!(normalize("Théorie des Graphes"), "theorie des graphe");
        assert_eq!(normalize("Systems & Networks"), "system and network");
        assert_eq!(normalize("Case studies"), "case study");
        assert_eq!(normalize("Graph searches"), "graph search");
        assert_eq!(normalize("Processes"), "process");
        assert_eq!(
            normalize("The \"small\" model problem"),
            normalize("the small model problem")
        );
        assert_eq!(normalize("a\"b"), "a b");
    }

    #[test]
    fn words_that_only_look_plural_stay() {
        for word in [
            "robotics",
            "analysis",
            "corpus",
            "os",
            "gas",
            "logistics",
            "bus",
        ] {
            assert_eq!(normalize(word), word);
        }
        assert_eq!(normalize("C++"), "c++", "a trailing + is part of the name");
        assert_eq!(normalize("GPUs"), "gpu");
        assert_eq!(normalize("LLMs"), "llm");
    }

    #[test]
    fn synonyms_map_to_their_group() {
        let synonyms = Synonyms::builtin();
        assert_eq!(synonyms.key("ML"), "machine learning");
        assert_eq!(synonyms.key("Machine Learning."), "machine learning");
        assert_eq!(synonyms.key("LLMs"), "large language model");
        assert_eq!(synonyms.key("NLP"), "natural language processing");
        assert_eq!(synonyms.key("HCI"), "human-computer interaction");
        assert_eq!(
            synonyms.key("Human-computer interaction"),
            "human-computer interaction"
        );
        assert_eq!(synonyms.key("PL"), "programming language");
        assert_eq!(synonyms.key("OS"), "operating system");
        assert_eq!(synonyms.key("Databases"), "database");
        assert_eq!(synonyms.key("Quantum optics"), "quantum optics");
        assert_eq!(synonyms.key("ML systems"), "machine learning system");
        assert_eq!(synonyms.key("Efficient ML"), "efficient machine learning");
        assert_eq!(
            synonyms.key("Software architecture"),
            "software architecture",
            "only abbreviations are spelled out inside a topic"
        );
    }

    #[test]
    fn the_builtin_table_reads_cleanly_and_a_user_file_extends_it() {
        let mut synonyms = Synonyms::default();
        assert_eq!(synonyms.add_groups("builtin", BUILTIN_SYNONYMS), Vec::new());
        let found = synonyms.add_groups(
            "topic-synonyms.txt",
            "# mine\nsystems for ml: mlsys, ml systems\nnot a group\n",
        );
        assert_eq!(synonyms.key("MLSys"), "system for ml");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].to_string(),
            "topic-synonyms.txt:3:1: warning: expected \"topic: synonym, synonym\"; the line is ignored"
        );
    }

    #[test]
    fn words_leave_out_stopwords_and_single_letters() {
        let found: Vec<_> = words("computational biology and bioinformatics").collect();
        assert_eq!(found, ["computational", "biology", "bioinformatics"]);
        let found: Vec<_> = words("human-computer interaction").collect();
        assert_eq!(found, ["human", "computer", "interaction"]);
    }
}
