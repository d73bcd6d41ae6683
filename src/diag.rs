//! Diagnostics: what the reader could not use, with where it was.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::sanitize::sanitize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    /// Something skipped on purpose, such as a section that names no people.
    Note,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The file as the user named it, or `builtin:<name>` for built-in data.
    pub path: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based, counted in characters.
    pub column: usize,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn file_error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            line: 0,
            column: 0,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

impl fmt::Display for Diagnostic {
    /// `path:line:col: severity: message`, the form editors and CI logs link.
    /// Messages quote data as written and paths are whatever the user's files
    /// are called, so both are made safe here, where text is made of them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (path, message) = (sanitize(&self.path), sanitize(&self.message));
        if self.line == 0 {
            write!(f, "{path}: {}: {message}", self.severity)
        } else {
            write!(
                f,
                "{path}:{}:{}: {}: {message}",
                self.line, self.column, self.severity
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_form_shows_control_characters_as_stand_ins() {
        let diagnostic = Diagnostic {
            path: "evil\u{1b}[2J.md".to_string(),
            line: 3,
            column: 7,
            severity: Severity::Warning,
            message: "website \"https://x.org/\u{1b}]0;pwned\u{7}\" is not an absolute http(s) URL"
                .to_string(),
        };
        assert_eq!(
            diagnostic.to_string(),
            "evil\u{241b}[2J.md:3:7: warning: website \"https://x.org/\u{241b}]0;pwned\u{2407}\" is not an absolute http(s) URL"
        );
        let note = Diagnostic {
            severity: Severity::Note,
            ..diagnostic.clone()
        };
        assert!(note.to_string().contains(":3:7: note: website"), "{note}");
        assert!(!note.is_error());
        assert!(
            Severity::Note < Severity::Warning,
            "notes sort below warnings"
        );
        let whole_file = Diagnostic::file_error("a\nb.md", "cannot read: x");
        assert_eq!(
            whole_file.to_string(),
            "a\u{240a}b.md: error: cannot read: x"
        );
    }
}
