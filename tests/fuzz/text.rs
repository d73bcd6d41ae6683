//! Text that is hard to measure, wrap, search or print: wide glyphs, emoji
//! sequences, Hangul jamo, combining marks, bidi and other controls,
//! invisible characters, markdown punctuation and odd URLs, mixed with
//! ordinary words so that searches still find something.

use crate::rng::Rng;

/// Pieces that have broken, or could break, a terminal program.
pub const HOSTILE: &[&str] = &[
    // Wide glyphs.
    "東京大学",
    "한국어",
    "ｆｕｌｌｗｉｄｔｈ",
    "中",
    "\u{3000}",
    // Emoji, ZWJ sequences, flags, modifiers, variation selectors.
    "👨\u{200D}👩\u{200D}👧\u{200D}👦",
    "🏳\u{FE0F}\u{200D}🌈",
    "👩🏽\u{200D}💻",
    "🧑\u{200D}🤝\u{200D}🧑",
    "🇯🇵",
    "🇦",
    "❤\u{FE0F}",
    "☺\u{FE0E}",
    "🫠",
    "#\u{FE0F}\u{20E3}",
    // Hangul jamo runs: clusters wider than two cells.
    "\u{1100}\u{1100}\u{1161}",
    "\u{115F}",
    "\u{115F}\u{1160}",
    "\u{1160}",
    "\u{1100}\u{1161}\u{11A8}",
    "\u{11A8}\u{11A8}",
    "\u{1100}\u{1100}\u{1100}\u{1100}\u{1161}\u{1161}",
    // Combining marks, on their own (a line or field may start with one).
    "\u{0301}",
    "\u{0301}\u{0301}\u{0301}\u{0301}",
    "e\u{0301}",
    "\u{20DD}",
    "\u{0489}",
    "Z\u{0336}\u{0337}a\u{0338}\u{0335}l\u{0334}g\u{0321}o",
    "\u{3099}",
    // Halfwidth katakana with sound marks ratatui counts as cells.
    "ｶﾞｷﾞﾊﾟ",
    "\u{FF9E}",
    "\u{FF9F}\u{FF9F}",
    // Bidi controls and right-to-left text.
    "\u{202E}",
    "\u{202D}",
    "\u{202A}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{200F}",
    "\u{200E}",
    "\u{061C}",
    "שלום",
    "مرحبا",
    // Invisible and default-ignorable characters.
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{00AD}",
    "\u{2060}",
    "\u{2800}",
    "\u{FE0F}",
    "\u{E0041}",
    "\u{180E}",
    "\u{034F}",
    // Controls: C0, C1, escape sequences, line and paragraph separators.
    "\u{1b}[31m",
    "\u{1b}]0;title\u{7}",
    "\u{1b}[2J",
    "\u{7}",
    "\u{8}",
    "\u{0}",
    "\u{7f}",
    "\u{85}",
    "\u{9b}",
    "\r",
    "\t",
    "\u{c}",
    "\u{b}",
    "\u{2028}",
    "\u{2029}",
    // Spaces that are not ASCII spaces.
    "\u{A0}",
    "\u{2003}",
    "\u{202F}",
    "\u{1680}",
    // Wide or complex shaping.
    "\u{FDFD}",
    "\u{2E3B}",
    "\u{12219}",
    "क्षि",
    "ฏ๎๎",
    "\u{1F1E6}\u{1F1E6}\u{1F1E6}",
    "\u{10FFFF}",
    "\u{FFFD}",
    // Markdown punctuation and entities.
    "*",
    "**",
    "_",
    "__",
    "`",
    "``",
    "[",
    "]",
    "(",
    ")",
    "<",
    ">",
    "#",
    ":",
    ";",
    ",",
    "|",
    "\\",
    "!",
    "~~",
    "&amp;",
    "&#27;",
    "&#x202E;",
    "&#0;",
    "&nbsp;",
    "<br>",
    "<span>",
    "</span>",
    "://",
    "- ",
    "1. ",
    // URLs, openable and not.
    "https://example.edu/",
    "http://a.example/~x",
    "https://www.google.com@evil.example/",
    "https://xn--80ak6aa92e.com/",
    "https://пример.рф/",
    "javascript:alert(1)",
    "https://a.example/\u{AD}x",
    "<https://x.example>",
    "[x](https://y.example/)",
    "ftp://files.example/",
    "https://",
    "HTTPS://UPPER.EXAMPLE",
];

/// Ordinary words, so that typed filters find people.
pub const WORDS: &[&str] = &[
    "Ada",
    "Lovelace",
    "Alan",
    "Turing",
    "Ion",
    "Stoica",
    "Song",
    "Han",
    "machine",
    "learning",
    "systems",
    "distributed",
    "compilers",
    "databases",
    "robotics",
    "Professor",
    "Assistant",
    "José",
    "Søren",
    "Ångström",
    "张伟",
    "Иван",
    "Müller",
    "O'Brien",
    "van",
    "der",
    "Berg",
    "ML",
    "(training,",
    "inference)",
];

/// One piece: a word, a hostile piece, or a random character.
pub fn piece(rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=3 => (*rng.pick(WORDS)).to_string(),
        4..=7 => (*rng.pick(HOSTILE)).to_string(),
        8 => any_char(rng).to_string(),
        _ => run(rng),
    }
}

/// Up to `pieces` pieces, mostly separated by spaces.
pub fn text(rng: &mut Rng, pieces: usize) -> String {
    let count = rng.range(1, pieces.max(1));
    let mut out = String::new();
    for i in 0..count {
        if i > 0 && rng.percent(70) {
            out.push(' ');
        }
        out.push_str(&piece(rng));
    }
    out
}

/// Mostly words, now and then something hostile: a plausible field value.
pub fn words(rng: &mut Rng, count: usize) -> String {
    let count = rng.range(1, count.max(1));
    let mut out = Vec::new();
    for _ in 0..count {
        if rng.one_in(6) {
            out.push(piece(rng));
        } else {
            out.push((*rng.pick(WORDS)).to_string());
        }
    }
    out.join(" ")
}

/// One piece many times over: a long word, a run of jamo or marks.
pub fn run(rng: &mut Rng) -> String {
    let unit = if rng.percent(60) {
        *rng.pick(HOSTILE)
    } else {
        *rng.pick(&["a", "x", "-", "a ", "\u{1100}", "東", "👩\u{200D}💻"])
    };
    unit.repeat(rng.range(2, 300))
}

/// Any Unicode scalar value, the Basic Multilingual Plane more often.
pub fn any_char(rng: &mut Rng) -> char {
    let limit = if rng.percent(80) { 0x1_0000 } else { 0x11_0000 };
    loop {
        let code = u32::try_from(rng.below(limit)).unwrap_or(0);
        if let Some(c) = char::from_u32(code) {
            return c;
        }
    }
}

/// A character to type: ASCII, a character of a hostile piece, or any.
pub fn typed_char(rng: &mut Rng) -> char {
    match rng.below(4) {
        0 => char::from(u8::try_from(rng.range(0x20, 0x7E)).unwrap_or(b'a')),
        1 => {
            let chars: Vec<char> = rng.pick(HOSTILE).chars().collect();
            *rng.pick(&chars)
        }
        2 => any_char(rng),
        _ => rng.pick(WORDS).chars().next().unwrap_or('a'),
    }
}
