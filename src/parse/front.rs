//! YAML front matter, as static-site generators write it at the top of a
//! page: a `---` line, the YAML, and a closing `---` (or `...`) line. It is
//! not markdown (its closing `---` would make the lines above it a
//! heading), so it is blanked before parsing; its `title:` may name the
//! school.

/// Where front matter ends (after its closing line), and its title.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct FrontMatter {
    pub(super) end: usize,
    pub(super) title: Option<String>,
}

/// Lines as `CommonMark` ends them (LF, CRLF, a lone CR): each line's
/// text and where the next one starts.
fn lines(text: &str) -> impl Iterator<Item = (&str, usize)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        if from >= bytes.len() {
            return None;
        }
        let start = from;
        let end =
            memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(bytes.len(), |at| start + at);
        from = match bytes.get(end) {
            Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => end + 2,
            Some(_) => end + 1,
            None => end,
        };
        // Line ends are ASCII, so these are character boundaries.
        Some((&text[start..end], from))
    })
}

pub(super) fn front_matter(text: &str) -> Option<FrontMatter> {
    let mut lines = lines(text);
    let (first, _) = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut title = None;
    for (line, next) in lines {
        let line = line.trim_end();
        if line == "---" || line == "..." {
            return Some(FrontMatter { end: next, title });
        }
        if title.is_none()
            && let Some(value) = line.strip_prefix("title:")
        {
            title = scalar(value);
        }
    }
    None
}

/// A YAML scalar as written on one line: quotes removed, and nothing for
/// a block scalar (`|`, `>`) or an empty value.
fn scalar(value: &str) -> Option<String> {
    let value = value.trim();
    let unquoted = match value.chars().next() {
        Some('"') => {
            // Up to the first quote that no backslash escapes.
            let mut out = String::new();
            let mut chars = value[1..].chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => out.extend(chars.next()),
                    '"' => break,
                    c => out.push(c),
                }
            }
            out
        }
        Some('\'') => {
            // Up to the first quote that is not doubled.
            let mut out = String::new();
            let mut chars = value[1..].chars().peekable();
            while let Some(c) = chars.next() {
                if c == '\'' {
                    if chars.peek() != Some(&'\'') {
                        break;
                    }
                    chars.next();
                }
                out.push(c);
            }
            out
        }
        Some('|' | '>') | None => return None,
        // A comment ends a plain scalar.
        Some(_) => value.split(" #").next().unwrap_or(value).to_string(),
    };
    let unquoted = unquoted.trim().to_string();
    (!unquoted.is_empty()).then_some(unquoted)
}

/// `text` with its front matter's bytes made spaces, line ends kept, so
/// that offsets and line numbers still refer to the file.
pub(super) fn blank(text: &str, end: usize) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for byte in bytes.iter_mut().take(end) {
        if !matches!(*byte, b'\n' | b'\r') {
            *byte = b' ';
        }
    }
    // Whole characters became ASCII; falling back keeps it panic-free.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_its_title() {
        let text =
            "---\r\nlayout: page\r\ntitle: \"Example U - ML Faculty\"\r\n---\r\n# Not front\n";
        let front = front_matter(text).expect("front matter");
        assert_eq!(front.title.as_deref(), Some("Example U - ML Faculty"));
        assert_eq!(&text[front.end..], "# Not front\n");
        let blanked = blank(text, front.end);
        assert_eq!(blanked.len(), text.len());
        assert!(blanked[..front.end].trim().is_empty());
        assert_eq!(
            front_matter("---\ntitle: 'O''Brien Lab' # hi\n...\n").map(|f| f.title),
            Some(Some("O'Brien Lab".into()))
        );
        assert_eq!(
            front_matter("---\ntitle: Robotics # the group\n---").map(|f| f.title),
            Some(Some("Robotics".into()))
        );
        assert_eq!(
            front_matter("---\ntitle: >\n  x\n---\n").map(|f| f.title),
            Some(None)
        );
    }

    #[test]
    fn only_at_the_top_and_only_when_closed() {
        assert_eq!(front_matter("\n---\ntitle: x\n---\n"), None);
        assert_eq!(front_matter("---\ntitle: x\n"), None);
        assert_eq!(
            front_matter("--- \ntitle: x\n--- \n").map(|f| f.end),
            Some(19)
        );
        assert_eq!(front_matter(""), None);
        assert_eq!(front_matter("---"), None);
    }
}
