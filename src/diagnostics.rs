//! Errors and warnings that point at a place in the user's files.
//!
//! Every problem found in content, configuration or templates becomes a
//! [`Diagnostic`] naming the file, line and column, in plain words. A build
//! collects all of them and reports them together; [`Failure`] is what a
//! command returns when it cannot go on, and decides the exit code.

use std::fmt;
use std::path::{Path, PathBuf};

/// One error at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, relative to the site's root where possible.
    pub file: PathBuf,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based, counted in characters; 0 when unknown.
    pub col: usize,
    pub message: String,
}

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, line: usize, col: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line,
            col,
            message: message.into(),
        }
    }

    /// A diagnostic about a whole file.
    pub fn file_error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::error(file, 0, 0, message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.col > 0 {
                write!(f, ":{}", self.col)?;
            }
        }
        write!(f, ": error: {}", self.message)
    }
}

/// Sorts diagnostics by file and position, so reports are stable.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| (&a.file, a.line, a.col, &a.message).cmp(&(&b.file, b.line, b.col, &b.message)));
}

/// Why a command stopped.
#[derive(Debug)]
pub enum Failure {
    /// Problems in the site's content, configuration or templates (exit 1).
    Content(Vec<Diagnostic>),
    /// The command line was wrong (exit 2).
    Usage(String),
    /// Reading or writing a file failed (exit 2).
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
}

impl Failure {
    pub fn io(action: &'static str, path: &Path, source: std::io::Error) -> Self {
        Failure::Io {
            path: path.to_path_buf(),
            action,
            source,
        }
    }

    pub fn exit_code(&self) -> i32 {
        match self {
            Failure::Content(_) => 1,
            Failure::Usage(_) | Failure::Io { .. } => 2,
        }
    }
}

impl From<Vec<Diagnostic>> for Failure {
    fn from(diagnostics: Vec<Diagnostic>) -> Self {
        Failure::Content(diagnostics)
    }
}

impl From<Diagnostic> for Failure {
    fn from(diagnostic: Diagnostic) -> Self {
        Failure::Content(vec![diagnostic])
    }
}

/// The line and column (both 1-based, column in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The known name closest to `unknown`, if one is close enough to be a typo.
pub fn did_you_mean<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| {
            (
                strsim::damerau_levenshtein(unknown, k),
                unknown.chars().next() != k.chars().next(),
                k,
            )
        })
        .filter(|&(distance, _, k)| distance <= (k.chars().count().max(3) / 3).max(2))
        .min()
        .map(|(_, _, k)| k)
}

/// " did you mean \"x\"?" or nothing.
pub fn suggestion<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    match did_you_mean(unknown, known) {
        Some(k) => format!("; did you mean \"{k}\"?"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let text = "a\n中文x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 2), (2, 1));
        assert_eq!(line_col(text, 8), (2, 3));
    }

    #[test]
    fn suggests_close_names_only() {
        let known = ["smart-software", "fintech", "life-health"];
        assert_eq!(did_you_mean("smart-sofware", known), Some("smart-software"));
        assert_eq!(did_you_mean("fintec", known), Some("fintech"));
        assert_eq!(did_you_mean("agriculture", known), None);
    }

    #[test]
    fn displays_file_line_col() {
        let d = Diagnostic::error("content/a.md", 4, 10, "unknown industry");
        assert_eq!(d.to_string(), "content/a.md:4:10: error: unknown industry");
        assert_eq!(
            Diagnostic::file_error("site.toml", "missing").to_string(),
            "site.toml: error: missing"
        );
    }
}
