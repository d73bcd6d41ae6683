//! Directory files for the fuzzer: the shapes docs/format.md describes, in
//! the forms the reader accepts and many it must refuse, filled with text
//! that is hard to measure, wrap or print, at sizes from nothing to tens of
//! thousands of people. The published shapes (list entries, tables, front
//! matter) are in `shapes`.

use crate::rng::Rng;
use crate::{shapes, text};

/// How large a case may grow. The fuzz loop uses `FULL`; the quick tests
/// of the fuzzer itself, in a debug build, use `SMALL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// People in a crowd: from 10,000 the list is searched in the
    /// background.
    pub crowd: usize,
    /// Fields of one person.
    pub fields: usize,
    /// Bytes of a long line: past 65,536 the reader ignores it.
    pub line: usize,
    /// Characters of a long paste or a run of markup.
    pub paste: usize,
    /// Bytes after which a file gets no more sections (files over 64 MiB
    /// are refused whole, and writing them would only cost time).
    pub bytes: usize,
}

pub const FULL: Limits = Limits {
    crowd: 12_000,
    fields: 5_000,
    line: 70_000,
    paste: 20_000,
    bytes: 16 << 20,
};

pub const SMALL: Limits = Limits {
    crowd: 40,
    fields: 40,
    line: 2_000,
    paste: 400,
    bytes: 256 << 10,
};

/// Names shared by the files of one case, so that schools and people
/// recur across files and merge (or must be kept apart), and the limits
/// of the case.
pub struct Cast {
    pub schools: Vec<String>,
    pub people: Vec<String>,
    pub urls: Vec<String>,
    pub limits: Limits,
}

impl Cast {
    pub fn new(rng: &mut Rng, limits: Limits) -> Cast {
        let schools = (0..rng.range(1, 4)).map(|_| school_name(rng)).collect();
        let people = (0..rng.range(1, 12)).map(|_| person_name(rng)).collect();
        let urls = (0..rng.range(1, 6)).map(|_| url(rng)).collect();
        Cast {
            schools,
            people,
            urls,
            limits,
        }
    }

    pub fn school(&self, rng: &mut Rng) -> String {
        if rng.one_in(8) {
            school_name(rng)
        } else {
            rng.pick(&self.schools).clone()
        }
    }

    pub fn person(&self, rng: &mut Rng) -> String {
        if rng.one_in(6) {
            person_name(rng)
        } else {
            rng.pick(&self.people).clone()
        }
    }

    pub fn url(&self, rng: &mut Rng) -> String {
        if rng.one_in(4) {
            url(rng)
        } else {
            rng.pick(&self.urls).clone()
        }
    }
}

fn school_name(rng: &mut Rng) -> String {
    match rng.below(8) {
        0 => "MIT".into(),
        1 => "UC Berkeley".into(),
        2 => "uc  BERKELEY".into(),
        3 => "Univ. of California - Berkeley".into(),
        4 | 5 => text::words(rng, 4),
        _ => text::text(rng, 6),
    }
}

fn person_name(rng: &mut Rng) -> String {
    match rng.below(8) {
        0 => (*rng.pick(&["Ion Stoica", "Song Han", "Matei Zaharia", "ion  STOICA"])).into(),
        1..=3 => text::words(rng, 3),
        4 => text::run(rng),
        _ => text::text(rng, 5),
    }
}

fn url(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => {
            let urls: Vec<&str> = text::HOSTILE
                .iter()
                .copied()
                .filter(|piece| piece.contains("://"))
                .collect();
            (*rng.pick(&urls)).to_string()
        }
        1 => format!(
            "https://{}.example.edu/",
            text::words(rng, 1).to_lowercase()
        ),
        2 => format!("HTTP://Host.Example.EDU/~{}", rng.below(5)),
        3 => format!("http://host.example.edu/~{}/", rng.below(5)),
        4 => format!("https://x.example/{}", text::text(rng, 3)),
        _ => text::text(rng, 2),
    }
}

/// One file: where it is named from (the school, when it has no `#`
/// heading) and its bytes.
pub struct Document {
    pub name: String,
    pub bytes: Vec<u8>,
}

const FILE_NAMES: &[&str] = &[
    "a.md",
    "mit.md",
    "berkeley.md",
    ".md",
    "\u{1100}\u{1100}\u{1161}.md",
    "\u{1b}[31mred.md",
    "two words.md",
    "👩\u{200D}💻.md",
    "  .md",
    "x.y.md",
    "\u{202E}dm.txt.md",
];

pub fn document(rng: &mut Rng, cast: &Cast) -> Document {
    let mut lines = Vec::new();
    if rng.one_in(6) {
        shapes::front_matter(rng, cast, &mut lines);
    }
    if !rng.one_in(8) {
        school_heading(rng, cast, &mut lines);
    }
    // The first faculty section may be a crowd.
    let mut people = if rng.one_in(150) {
        // Enough people to be searched in the background.
        rng.range(cast.limits.crowd * 5 / 6, cast.limits.crowd)
    } else if rng.one_in(40) {
        rng.range(200, 3_000).min(cast.limits.crowd)
    } else {
        rng.size(12)
    };
    for _ in 0..rng.range(1, 6) {
        if lines.iter().map(String::len).sum::<usize>() > cast.limits.bytes {
            break;
        }
        match rng.below(14) {
            0..=4 => {
                faculty(rng, cast, &mut lines, people);
                people = rng.size(12);
            }
            // The shapes people publish: entries, tables, both.
            10 if people > 100 => {
                shapes::crowd(rng, cast, &mut lines, people);
                people = rng.size(12);
            }
            10 | 11 => {
                let count = rng.size(12);
                shapes::entries(rng, cast, &mut lines, count);
            }
            12 => {
                let rows = if rng.one_in(100) {
                    rng.range(cast.limits.crowd / 2, cast.limits.crowd)
                } else {
                    rng.size(10)
                };
                shapes::table(rng, cast, &mut lines, rows);
            }
            13 => {
                let (count, rows) = (rng.size(6), rng.size(6));
                shapes::entries(rng, cast, &mut lines, count);
                shapes::table(rng, cast, &mut lines, rows);
            }
            5 | 6 => labs(rng, cast, &mut lines),
            7 => focus(rng, &mut lines),
            8 => {
                lines.push(format!("## {}", text::text(rng, 3)));
                let people = rng.size(5);
                faculty_people(rng, cast, &mut lines, people);
            }
            _ => junk(rng, cast.limits, &mut lines),
        }
        if rng.one_in(3) {
            lines.push((*rng.pick(&["---", "***", "___", "- - -"])).into());
        }
        if rng.one_in(4) {
            junk(rng, cast.limits, &mut lines);
        }
    }
    Document {
        name: (*rng.pick(FILE_NAMES)).to_string(),
        bytes: encode(rng, &lines),
    }
}

fn school_heading(rng: &mut Rng, cast: &Cast, lines: &mut Vec<String>) {
    let school = cast.school(rng);
    let line = match rng.below(8) {
        0..=3 => format!("# {school} - {}", text::words(rng, 5)),
        4 => format!("# {school}"),
        5 => format!("# - {}", text::words(rng, 3)),
        6 => "#".into(),
        _ => format!("# {school} - "),
    };
    lines.push(line);
    if rng.one_in(10) {
        lines.push(format!("# {}", text::text(rng, 4)));
    }
    for _ in 0..rng.size(3) {
        lines.push(String::new());
        lines.push(text::text(rng, 12));
    }
}

fn focus(rng: &mut Rng, lines: &mut Vec<String>) {
    match rng.below(3) {
        0 => lines.push(format!("## Research Focus: {}", text::words(rng, 6))),
        1 => lines.push("## Research Focus:".into()),
        _ => lines.push("## research focus".into()),
    }
    for _ in 0..rng.size(4) {
        lines.push(String::new());
        lines.push(text::text(rng, 20));
    }
}

fn faculty(rng: &mut Rng, cast: &Cast, lines: &mut Vec<String>, people: usize) {
    let heading = *rng.pick(&[
        "## Faculty",
        "## faculty:",
        "## FACULTY",
        "##Faculty",
        "Faculty\n-------",
        "",
    ]);
    if people > 100 {
        // A crowd is to be read: under a heading that opens the faculty.
        lines.push("## Faculty".into());
    } else if !heading.is_empty() {
        lines.push(heading.into());
    }
    if rng.one_in(10) {
        // Items before the first person.
        field(rng, cast, lines, 0);
    }
    faculty_people(rng, cast, lines, people);
}

fn faculty_people(rng: &mut Rng, cast: &Cast, lines: &mut Vec<String>, people: usize) {
    if people <= 100 {
        for _ in 0..people {
            let name = cast.person(rng);
            person(rng, cast, lines, &name, 8);
        }
        return;
    }
    // A crowd is there for its size: many people, not one person many
    // times, in the canonical form, so that they are all read (a stray
    // `-` under a paragraph would make it a heading that hides the rest).
    for i in 0..people {
        let name = if rng.one_in(20) {
            format!("{} {i}", cast.person(rng))
        } else {
            format!("{} {} {i}", rng.pick(text::WORDS), rng.pick(text::WORDS))
        };
        lines.push(format!("### {name}"));
        if rng.percent(50) {
            lines.push(format!("- **Title**: {}", text::words(rng, 3)));
        }
        if rng.percent(50) {
            lines.push(format!("- **Research**: {}", topics(rng)));
        }
        if rng.percent(30) {
            lines.push(format!("- **Website**: {}", cast.url(rng)));
        }
    }
}

fn person(rng: &mut Rng, cast: &Cast, lines: &mut Vec<String>, name: &str, fields: usize) {
    let heading = match rng.below(20) {
        0 => "###".to_string(),
        1 => "### ".to_string(),
        2 => format!("### [{name}]({})", cast.url(rng)),
        3 => format!("#### {name}"),
        4 => format!("   ### {name}   ###"),
        5 => format!("###{name}"),
        6 => format!("### **{name}**"),
        _ => format!("### {name}"),
    };
    lines.push(heading);
    let count = if rng.one_in(100) {
        // Huge field counts.
        rng.range(cast.limits.fields / 10, cast.limits.fields)
    } else {
        rng.size(fields)
    };
    for _ in 0..count {
        field(rng, cast, lines, 0);
    }
    if rng.one_in(3) {
        lines.push(String::new());
    }
}

const KEYS: &[&str] = &[
    "Title", "Research", "Website", "Homepage", "URL", "Web", "Email", "Office", "Scholar",
    "title", "RESEARCH", "website",
];

fn field(rng: &mut Rng, cast: &Cast, lines: &mut Vec<String>, depth: usize) {
    let key = if rng.one_in(8) {
        text::text(rng, 2)
    } else {
        (*rng.pick(KEYS)).to_string()
    };
    let value = match key.to_lowercase().as_str() {
        "website" | "homepage" | "url" | "web" => website(rng, cast),
        "research" => topics(rng),
        _ if rng.one_in(3) => text::text(rng, 10),
        _ => text::words(rng, 6),
    };
    let bullet = *rng.pick(&[
        "- ", "- ", "- ", "* ", "+ ", "1. ", "2) ", "", "> - ", "   - ", "-\t", "-",
    ]);
    let indent = "  ".repeat(depth);
    let line = match rng.below(12) {
        0..=4 => format!("{indent}{bullet}**{key}**: {value}"),
        5 => format!("{indent}{bullet}**{key}:** {value}"),
        6 | 7 => format!("{indent}{bullet}{key}: {value}"),
        8 => format!("{indent}{bullet}__{key}:__ {value}"),
        9 => format!("{indent}{bullet}**{key}**:"),
        10 => format!("{indent}{bullet}{value}"),
        _ => format!("{indent}{bullet}*{key}*: {value}"),
    };
    lines.push(line);
    if rng.one_in(8) {
        // Nested items join the value.
        for _ in 0..rng.size(6) {
            lines.push(format!("{indent}  - {}", text::words(rng, 3)));
        }
    }
    if rng.one_in(12) {
        // A continuation, lazy or indented after a blank line.
        if rng.percent(50) {
            lines.push(String::new());
        }
        lines.push(format!("{indent}  {}", text::text(rng, 6)));
    }
    if rng.one_in(200) && depth < 300 {
        let deeper = depth + rng.range(1, 60);
        field(rng, cast, lines, deeper);
    }
}

fn website(rng: &mut Rng, cast: &Cast) -> String {
    let url = cast.url(rng);
    match rng.below(6) {
        0 => format!("<{url}>"),
        1 => format!("[{}]({url})", text::words(rng, 2)),
        2 => format!("`{url}`"),
        3 => format!("{url} {}", text::words(rng, 2)),
        _ => url,
    }
}

fn topics(rng: &mut Rng) -> String {
    let separators = [", ", "; ", ",", " , ", ";;", ", (", ") ", "[", "]"];
    let mut out = String::new();
    for i in 0..rng.range(1, 8) {
        if i > 0 {
            let separator = *rng.pick(&separators);
            out.push_str(separator);
        }
        out.push_str(&text::words(rng, 3));
    }
    out
}

fn labs(rng: &mut Rng, cast: &Cast, lines: &mut Vec<String>) {
    lines.push((*rng.pick(&["## Notable Labs", "## Labs", "## labs:", "## NOTABLE LABS"])).into());
    for _ in 0..rng.size(12) {
        let name = text::words(rng, 3);
        let url = cast.url(rng);
        let line = match rng.below(12) {
            0..=3 => format!("- **{name}**: {url}"),
            4 => format!("- {name}: <{url}>"),
            5 => format!("- [{name}]({url})"),
            6 => format!("- **[{name}]({url})**: {}", text::words(rng, 3)),
            7 => format!("### [{name}]({url})"),
            8 => format!("- [](<{url}>)"),
            9 => format!("- {url}"),
            10 => format!("- {name} {url}"),
            _ => format!("  - {}: {}", text::text(rng, 3), text::text(rng, 2)),
        };
        lines.push(line);
    }
}

/// Everything around and between the data: code, HTML, tables, front
/// matter, deep nesting, lines around the length limit, markup bombs.
fn junk(rng: &mut Rng, limits: Limits, lines: &mut Vec<String>) {
    match rng.below(12) {
        0 => {
            let fence = *rng.pick(&["```", "~~~", "````"]);
            lines.push(format!("{fence}{}", text::words(rng, 1)));
            lines.push("- **Title**: inside a fence".into());
            if rng.percent(70) {
                lines.push(fence.into());
            }
        }
        1 => {
            let (open, close) = *rng.pick(&[
                ("<!--", "-->"),
                ("<pre>", "</pre>"),
                ("<div>", "</div>"),
                ("<script>", "</script>"),
                ("<?", "?>"),
            ]);
            lines.push(open.into());
            lines.push(text::text(rng, 5));
            if rng.percent(70) {
                lines.push(close.into());
            }
        }
        2 => {
            lines.push("| Name | Title |".into());
            lines.push("|---|---|".into());
            for _ in 0..rng.size(5) {
                lines.push(format!(
                    "| {} | {} |",
                    text::text(rng, 2),
                    text::text(rng, 2)
                ));
            }
        }
        3 => {
            lines.push("---".into());
            lines.push(format!("title: {}", text::words(rng, 2)));
            lines.push("---".into());
        }
        4 => {
            for depth in 0..rng.range(2, 120) {
                lines.push(format!(
                    "{}- Title: {}",
                    "  ".repeat(depth),
                    text::words(rng, 1)
                ));
            }
        }
        5 => lines.push(format!("{} - Research: x", ">".repeat(rng.range(1, 400)))),
        6 => {
            // Around the 65,536-byte line limit.
            let unit = text::piece(rng);
            let target = rng.range(limits.line * 6 / 7, limits.line);
            let long = unit.repeat(target / unit.len().max(1) + 1);
            let prefix = *rng.pick(&["- **Research**: ", "### ", "- **Title**: ", ""]);
            lines.push(format!("{prefix}{long}"));
        }
        7 => {
            let unit = *rng.pick(&["*", "_", "[", "<", "`", "(", "![", "&#"]);
            lines.push(unit.repeat(rng.range(10, limits.paste / 4)));
        }
        8 => lines.push(format!("#### {}", text::text(rng, 3))),
        9 => lines.push(format!(
            "{}\n{}",
            text::words(rng, 2),
            "=".repeat(rng.range(1, 9))
        )),
        10 => lines.push(format!(
            "- **Title**: &#27;[31m{}&#x202E;",
            text::words(rng, 2)
        )),
        _ => lines.push(text::text(rng, 30)),
    }
}

/// The lines as bytes: LF, CRLF, lone CR or a mix; now and then a
/// byte-order mark, no final line ending, or bytes that are not UTF-8.
fn encode(rng: &mut Rng, lines: &[String]) -> Vec<u8> {
    let style = rng.below(5);
    let mut out = Vec::new();
    if rng.one_in(8) {
        out.extend_from_slice("\u{FEFF}".as_bytes());
    }
    for (i, line) in lines.iter().enumerate() {
        out.extend_from_slice(line.as_bytes());
        let ending: &[u8] = match style {
            0 | 1 => b"\n",
            2 => b"\r\n",
            3 => b"\r",
            _ => rng.pick::<&[u8]>(&[b"\n", b"\r\n", b"\r", b"\n\n"]),
        };
        if i + 1 < lines.len() || rng.percent(70) {
            out.extend_from_slice(ending);
        }
    }
    if rng.one_in(40) && !out.is_empty() {
        let at = rng.below(out.len());
        let bad: &[u8] = rng.pick::<&[u8]>(&[b"\xFF", b"\xC3", b"\xED\xA0\x80", b"\x80\x80"]);
        out.splice(at..at, bad.iter().copied());
    }
    out
}
