//! The shapes people publish, for the fuzzer: list entries under headings
//! that name people, sorted into groups, and tables of names, schools,
//! research and links, written the ways real pages write them (and the
//! ways they get them wrong), filled with text that is hard to measure.

use crate::docs::Cast;
use crate::rng::Rng;
use crate::text;

/// YAML front matter, now and then left open or with an odd title.
pub fn front_matter(rng: &mut Rng, cast: &Cast, lines: &mut Vec<String>) {
    lines.push((*rng.pick(&["---", "---", "--- "])).into());
    if rng.percent(70) {
        let title = match rng.below(4) {
            0 => format!("\"{} - {}\"", cast.school(rng), text::words(rng, 3)),
            1 => format!("'{}'", text::text(rng, 3)),
            2 => ">".into(),
            _ => cast.school(rng),
        };
        lines.push(format!("title: {title}"));
    }
    lines.push(format!("layout: {}", text::words(rng, 1)));
    if rng.percent(85) {
        lines.push((*rng.pick(&["---", "..."])).into());
    }
}

const PEOPLE_HEADINGS: &[&str] = &[
    "### Faculty",
    "## Our People",
    "#### Research Staff",
    "## PROFESSORS:",
    "## Core Faculty Members",
    "### Faculty News",
    "## Courses",
    "## Links",
    "### Advisors",
];

/// A section of list entries, in groups, `count` of them.
pub fn entries(rng: &mut Rng, cast: &Cast, lines: &mut Vec<String>, count: usize) {
    lines.push(if rng.one_in(6) {
        format!("## {}", text::words(rng, 3))
    } else {
        (*rng.pick(PEOPLE_HEADINGS)).to_string()
    });
    for _ in 0..count {
        if rng.one_in(6) {
            group(rng, lines);
        }
        entry(rng, cast, lines, 0);
    }
}

/// A crowd of entries, for size: plain ones, so that they are all read.
pub fn crowd(rng: &mut Rng, cast: &Cast, lines: &mut Vec<String>, count: usize) {
    lines.push("## Faculty".into());
    for i in 0..count {
        if i % 500 == 0 {
            lines.push(format!("\n**{}**\n", text::words(rng, 2)));
        }
        let name = format!("{} {} {i}", rng.pick(text::WORDS), rng.pick(text::WORDS));
        lines.push(format!(
            "- [{name}]({}) ({}) – {}, {}",
            cast.url(rng),
            rng.pick(text::WORDS),
            text::words(rng, 2),
            text::words(rng, 2)
        ));
    }
}

fn group(rng: &mut Rng, lines: &mut Vec<String>) {
    let name = text::words(rng, 3);
    let line = match rng.below(6) {
        0 => format!("**{name}**"),
        1 => format!("**{name}:**"),
        2 => format!("#### {name}"),
        3 => format!("##### {name}"),
        4 => format!("- **{name}**"),
        _ => format!("__{name}__"),
    };
    lines.push(String::new());
    lines.push(line);
}

fn entry(rng: &mut Rng, cast: &Cast, lines: &mut Vec<String>, depth: usize) {
    let name = cast.person(rng);
    let url = cast.url(rng);
    let head = match rng.below(10) {
        0..=3 => format!("[{name}]({url})"),
        4 => format!("[**{name}**]({url})"),
        5 => format!("**[{name}]({url})**"),
        6 | 7 => format!("**{name}**"),
        8 => format!("<img src=\"{url}\"> [{name}](<{url}>)"),
        _ => format!("{name} [{}]({url})", text::words(rng, 1)),
    };
    let tag = match rng.below(5) {
        0 => format!(" [**{}**]", text::words(rng, 2)),
        1 => format!(" ({})", text::text(rng, 2)),
        2 => format!(" ([{}]({}))", text::words(rng, 1), cast.url(rng)),
        _ => String::new(),
    };
    let separator = *rng.pick(&[": ", " - ", " – ", " — ", ", ", " ", ":", " -"]);
    let joint = *rng.pick(&[", ", "; ", ", and ", ","]);
    let topics = (0..rng.size(5))
        .map(|_| text::words(rng, 3))
        .collect::<Vec<_>>()
        .join(joint);
    let end = *rng.pick(&["", "", ".", " <!-- on leave -->", "  ", " <br>"]);
    let bullet = *rng.pick(&["* ", "- ", " * ", "+ ", "1. ", "-\t"]);
    let indent = "  ".repeat(depth);
    lines.push(format!(
        "{indent}{bullet}{head}{tag}{separator}{topics}{end}"
    ));
    if rng.one_in(8) {
        // Fields and notes nested under the entry.
        for _ in 0..rng.size(3) {
            let line = match rng.below(3) {
                0 => format!("Email: {}", text::words(rng, 1)),
                1 => format!("**Research**: {}", text::words(rng, 3)),
                _ => text::text(rng, 3),
            };
            lines.push(format!("{indent}  - {line}"));
        }
    }
    if rng.one_in(10) && depth < 3 {
        entry(rng, cast, lines, depth + 1);
    }
    if rng.one_in(12) {
        // An entry hidden in a comment, on one line or several.
        if rng.percent(50) {
            lines.push(format!(
                "<!-- * [{}]({}) -->",
                cast.person(rng),
                cast.url(rng)
            ));
        } else {
            lines.push("<!--".into());
            lines.push(format!("* [{}]({})", cast.person(rng), cast.url(rng)));
            if rng.percent(80) {
                lines.push("-->".into());
            }
        }
    }
}

const HEADERS: &[&[&str]] = &[
    &[
        "Name",
        "Faculty",
        "Professor",
        "Who",
        "By",
        "Person",
        "Homepage",
        "",
    ],
    &["University", "School", "Affiliation", "Institution", "Org"],
    &["Research", "Areas", "Topics", "Interests", "Field"],
    &["Homepage", "Link", "Website", "URL", "Page"],
    &["Type", "Kind", "Category"],
    &["Email", "Notes", "Scholar", "Title", "Position"],
];

/// A table of `rows` rows under a heading of any kind.
pub fn table(rng: &mut Rng, cast: &Cast, lines: &mut Vec<String>, rows: usize) {
    if rng.percent(60) {
        lines.push(if rng.percent(50) {
            (*rng.pick(PEOPLE_HEADINGS)).to_string()
        } else {
            format!("## {}", text::words(rng, 2))
        });
    }
    let mut columns: Vec<usize> = (0..HEADERS.len()).filter(|_| rng.percent(70)).collect();
    if columns.is_empty() || rng.percent(60) {
        columns.insert(0, 0);
    }
    if rng.one_in(4) {
        let at = rng.below(columns.len());
        columns.swap(0, at);
    }
    let header: Vec<String> = columns
        .iter()
        .map(|&c| {
            if rng.one_in(10) {
                text::text(rng, 2)
            } else {
                (*rng.pick(HEADERS[c])).to_string()
            }
        })
        .collect();
    lines.push(String::new());
    lines.push(format!("| {} |", header.join(" | ")));
    let mut rule: Vec<&str> = header
        .iter()
        .map(|_| *rng.pick(&["---", ":--", ":-:", "--:", "-"]))
        .collect();
    if rng.one_in(15) {
        // A delimiter row that does not match: no table at all.
        rule.push("---");
    }
    lines.push(format!("|{}|", rule.join("|")));
    for _ in 0..rows {
        let mut cells: Vec<String> = columns.iter().map(|&c| cell(rng, cast, c)).collect();
        if rng.one_in(6) {
            // Ragged: fewer cells, or more.
            if rng.percent(50) {
                cells.truncate(rng.below(cells.len() + 1));
            } else {
                for _ in 0..rng.range(1, 3) {
                    cells.push(text::words(rng, 2));
                }
            }
        }
        let edges = rng.percent(85);
        let row = cells.join(*rng.pick(&[" | ", "|", " |  "]));
        lines.push(if edges { format!("| {row} |") } else { row });
    }
}

fn cell(rng: &mut Rng, cast: &Cast, column: usize) -> String {
    if rng.one_in(12) {
        return String::new();
    }
    let url = cast.url(rng);
    match column {
        0 => match rng.below(6) {
            0..=2 => format!("[{}]({url})", cast.person(rng)),
            3 => format!("**{}**", cast.person(rng)),
            4 => format!("[{}][ref]", cast.person(rng)),
            _ => cast.person(rng),
        },
        1 => cast.school(rng),
        2 => {
            let sep = *rng.pick(&["<br>", ", ", "; ", "<br/>", " `a|b` ", " \\| "]);
            (0..rng.range(1, 4))
                .map(|_| text::words(rng, 2))
                .collect::<Vec<_>>()
                .join(sep)
        }
        3 => match rng.below(4) {
            0 => format!("[web]({url})"),
            1 => format!("![photo]({url}) <b>{}</b>", text::words(rng, 1)),
            _ => url,
        },
        4 => (*rng.pick(&[
            "Lab",
            "Faculty",
            "Research Group",
            "Center",
            "",
            "institute",
        ]))
        .into(),
        _ => text::text(rng, 3),
    }
}
