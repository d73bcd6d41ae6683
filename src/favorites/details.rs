//! What a favorite carries besides whom it finds: where getting in touch
//! stands (its status), the user's note, and the day it was added.

/// The statuses `c` steps through, in the order getting in touch goes.
/// Any other text is a status too, the user's own.
pub const STATUSES: [&str; 4] = ["to contact", "contacted", "replied", "declined"];

/// A favorite's shortlist fields. Text is kept as the user wrote it, but
/// never empty: no status, no note and no date are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Details {
    /// One of [`STATUSES`], or the user's own words on one line.
    pub status: Option<String>,
    /// Lines separated by `\n`.
    pub note: Option<String>,
    /// The day it was added, `YYYY-MM-DD` in the user's time zone. Files
    /// written before there were dates have none.
    pub added: Option<String>,
}

impl Details {
    /// Whether the user wrote anything on it: removing it loses work.
    pub fn has_work(&self) -> bool {
        self.status.is_some() || self.note.is_some()
    }

    /// The day it was added, when that is a date profdex can sort by.
    pub fn added_date(&self) -> Option<&str> {
        self.added.as_deref().filter(|added| is_date(added))
    }
}

/// A status as typed: white space (line breaks too) folded to single
/// spaces, the statuses profdex knows in their own spelling whatever the
/// case (`Contacted` is `contacted`); `None` when nothing is left.
pub fn status(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    let text = words.join(" ");
    let known = STATUSES
        .iter()
        .find(|known| known.eq_ignore_ascii_case(&text));
    Some(known.map_or(text, |known| (*known).to_string()))
}

/// A note as written: line breaks made `\n` (a file edited on Windows has
/// `\r\n`), white space around the whole note taken off; `None` when
/// nothing is left.
pub fn note(text: &str) -> Option<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The status after `current` as `c` steps: none, then each of
/// [`STATUSES`] in turn, then none again. A status of the user's own
/// steps to the first.
pub fn next_status(current: Option<&str>) -> Option<&'static str> {
    match current {
        None => Some(STATUSES[0]),
        Some(status) => match STATUSES.iter().position(|known| *known == status) {
            Some(last) if last + 1 == STATUSES.len() => None,
            Some(at) => Some(STATUSES[at + 1]),
            None => Some(STATUSES[0]),
        },
    }
}

/// Where a status sorts: the known ones in their order, then the user's
/// own, then none.
pub fn status_rank(status: Option<&str>) -> usize {
    match status {
        Some(status) => STATUSES
            .iter()
            .position(|known| *known == status)
            .unwrap_or(STATUSES.len()),
        None => STATUSES.len() + 1,
    }
}

/// Whether the person has been written to: a checklist ticks them off.
pub fn is_done(status: Option<&str>) -> bool {
    matches!(status, Some("contacted" | "replied" | "declined"))
}

/// The note's first line, what a list row has room for.
pub fn first_line(note: &str) -> &str {
    note.lines().next().unwrap_or("")
}

/// Whether `text` starts with a date, `YYYY-MM-DD`: the dates sort as
/// text then, and anything after the day (a time, as a later version
/// might write) sorts too.
pub fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 10
        && bytes[..10].iter().enumerate().all(|(at, &b)| match at {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        })
}

/// Today in the user's time zone, `YYYY-MM-DD`: the day a person was
/// added, as the user's calendar has it. Where no time zone can be found,
/// UTC's day.
pub fn today() -> String {
    jiff::ZonedDateTime::now().date().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_statuses_take_their_own_spelling_and_others_are_kept() {
        assert_eq!(status("Contacted").as_deref(), Some("contacted"));
        assert_eq!(status("  TO   contact\n").as_deref(), Some("to contact"));
        assert_eq!(
            status("waiting for\nfunding").as_deref(),
            Some("waiting for funding")
        );
        assert_eq!(
            status("Rencontré à NeurIPS").as_deref(),
            Some("Rencontré à NeurIPS")
        );
        assert_eq!(status(" \n\t"), None);
    }

    #[test]
    fn notes_keep_their_lines_and_lose_the_space_around_them() {
        assert_eq!(
            note("\n  Ask about RA\r\nposition.\r\n\n").as_deref(),
            Some("Ask about RA\nposition.")
        );
        assert_eq!(note("a\rb").as_deref(), Some("a\nb"));
        assert_eq!(note(" \r\n "), None);
        assert_eq!(first_line("first\nsecond"), "first");
        assert_eq!(first_line(""), "");
    }

    #[test]
    fn c_steps_through_the_statuses_and_back_to_none() {
        let mut status = None;
        let mut seen = Vec::new();
        for _ in 0..5 {
            status = next_status(status);
            seen.push(status);
        }
        assert_eq!(
            seen,
            [
                Some("to contact"),
                Some("contacted"),
                Some("replied"),
                Some("declined"),
                None
            ]
        );
        assert_eq!(next_status(Some("waiting")), Some("to contact"));
    }

    #[test]
    fn statuses_sort_in_the_order_of_the_work_then_others_then_none() {
        let mut statuses = [None, Some("replied"), Some("own words"), Some("to contact")];
        statuses.sort_by_key(|s| status_rank(*s));
        assert_eq!(
            statuses,
            [Some("to contact"), Some("replied"), Some("own words"), None]
        );
        assert!(is_done(Some("replied")) && !is_done(Some("to contact")) && !is_done(None));
    }

    #[test]
    fn dates_are_told_from_other_text() {
        assert!(is_date("2025-03-01"));
        assert!(is_date("2025-03-01T10:00:00Z"));
        for text in ["2025-3-1", "yesterday", "", "2025/03/01", "２０２５-03-01"] {
            assert!(!is_date(text), "{text}");
        }
        assert!(is_date(&today()));
        let details = Details {
            added: Some("last week".into()),
            ..Details::default()
        };
        assert_eq!(details.added_date(), None);
    }
}
