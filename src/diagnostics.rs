//! Errors and warnings that point at a place in the user's files.
//!
//! Every problem found in content, configuration or templates becomes a
//! [`Diagnostic`] naming the file, line and column, in plain words, with a
//! [`Severity`] and a short rule id (`broken-link`, `unknown-term`) that
//! `showcase check` prints and CI can filter on. A build collects all of them
//! and reports them together; [`Failure`] is what a command returns when it
//! cannot go on, and decides the exit code.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::messages::{Keyed, Messages};

/// How bad a problem is: errors stop a build and fail `check`; warnings fail
/// `check` only with `--strict`; notes (`info`) tell what the site will do and never fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One problem at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, relative to the site's root where possible.
    pub file: PathBuf,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based, counted in characters; 0 when unknown.
    pub col: usize,
    pub severity: Severity,
    /// A short id of the kind of problem: `broken-link`, `unknown-term`, `yaml`.
    pub rule: &'static str,
    /// In English (what `check --format json` reports).
    pub message: String,
    /// What was being done when the problem came up, when it is not the file's
    /// own content: `while rendering content/a.md` for an error in a template.
    pub context: Option<Box<Keyed>>,
    /// The message by its id in the catalogs, to be shown in the reader's
    /// language; `None` for a message the catalogs do not hold yet (shown in English).
    pub keyed: Option<Box<Keyed>>,
}

/// A diagnostic travels in the error of most results: it stays under the 128
/// bytes where clippy's `result_large_err` draws the line, on every system (a
/// path takes 8 bytes more on Windows than on Linux).
const _: () = assert!(std::mem::size_of::<Diagnostic>() < 128);

impl Diagnostic {
    /// An error; its rule is the kind of file it is in (`config`, `content`,
    /// `template`, `i18n`) until [`Diagnostic::rule`] names a more precise one.
    pub fn error(file: impl Into<PathBuf>, line: usize, col: usize, message: impl Into<String>) -> Self {
        let file = file.into();
        Diagnostic {
            rule: rule_of_file(&file),
            file,
            line,
            col,
            severity: Severity::Error,
            message: message.into(),
            context: None,
            keyed: None,
        }
    }

    /// An error whose message is in the catalogs ([`crate::keyed!`]).
    pub fn error_keyed(file: impl Into<PathBuf>, line: usize, col: usize, message: Keyed) -> Self {
        Diagnostic {
            keyed: Some(Box::new(message.clone())),
            ..Self::error(file, line, col, message.english())
        }
    }

    /// A warning under a rule whose message is in the catalogs.
    pub fn warning_keyed(
        file: impl Into<PathBuf>,
        line: usize,
        col: usize,
        rule: &'static str,
        message: Keyed,
    ) -> Self {
        Diagnostic {
            keyed: Some(Box::new(message.clone())),
            ..Self::warning(file, line, col, rule, message.english())
        }
    }

    /// The message in the language of `messages`, with its context, if it has one.
    pub fn text_in(&self, messages: &Messages) -> std::borrow::Cow<'_, str> {
        match (&self.keyed, &self.context) {
            (Some(keyed), Some(context)) => crate::msg!(
                messages,
                "with-context",
                message = keyed.text(messages),
                context = context.text(messages)
            )
            .into(),
            (Some(keyed), None) => keyed.text(messages).into(),
            (None, Some(context)) => crate::msg!(
                messages,
                "with-context",
                message = self.message.as_str(),
                context = context.text(messages)
            )
            .into(),
            (None, None) => self.message.as_str().into(),
        }
    }

    /// A diagnostic about a whole file.
    pub fn file_error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::error(file, 0, 0, message)
    }

    /// A warning under a rule.
    pub fn warning(
        file: impl Into<PathBuf>,
        line: usize,
        col: usize,
        rule: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Self::error(file, line, col, message).rule(rule)
        }
    }

    /// A note under a rule: not a problem, what the site will do (a page scheduled).
    pub fn info(
        file: impl Into<PathBuf>,
        line: usize,
        col: usize,
        rule: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Info,
            ..Self::error(file, line, col, message).rule(rule)
        }
    }

    /// A note under a rule whose message is in the catalogs.
    pub fn info_keyed(file: impl Into<PathBuf>, line: usize, col: usize, rule: &'static str, message: Keyed) -> Self {
        Diagnostic {
            keyed: Some(Box::new(message.clone())),
            ..Self::info(file, line, col, rule, message.english())
        }
    }

    /// The same diagnostic under another rule id.
    pub fn rule(mut self, rule: &'static str) -> Self {
        self.rule = rule;
        self
    }

    /// The same diagnostic, found while doing `what` (`while rendering content/a.md`).
    pub fn context(mut self, what: Keyed) -> Self {
        self.context = Some(Box::new(what));
        self
    }

    /// The message as shown: with its context, if it has one, in brackets.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match &self.context {
            Some(context) => format!("{} ({})", self.message, context.english()).into(),
            None => self.message.as_str().into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The rule of a problem that has no more precise one: the kind of file it is in.
fn rule_of_file(file: &Path) -> &'static str {
    let text = file.to_string_lossy().replace('\\', "/");
    let name = text.rsplit('/').next().unwrap_or("");
    if name == "site.toml" || text.starts_with("--") {
        "config"
    } else if text.contains("i18n/") {
        "i18n"
    } else if name.ends_with(".md") {
        "content"
    } else if text == "templates" || text.contains("templates/") || name.ends_with(".html") {
        "template"
    } else {
        "site"
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.place(), self.severity.as_str(), self.text())
    }
}

impl Diagnostic {
    /// `file:line:col`, as far as known.
    pub fn place(&self) -> String {
        let mut place = self.file.display().to_string();
        if self.line > 0 {
            place.push_str(&format!(":{}", self.line));
            if self.col > 0 {
                place.push_str(&format!(":{}", self.col));
            }
        }
        place
    }

    /// The diagnostic as one line, its severity in the language of `messages`:
    /// `content/a.md:4:10: 错误: …`.
    pub fn line(&self, messages: &Messages) -> String {
        format!(
            "{}: {}: {}",
            self.place(),
            self.severity.text(messages),
            self.text_in(messages)
        )
    }
}

impl Severity {
    /// The severity in the language of `messages`: error, 错误.
    pub fn text(self, messages: &Messages) -> String {
        match self {
            Severity::Error => crate::msg!(messages, "severity-error"),
            Severity::Warning => crate::msg!(messages, "severity-warning"),
            Severity::Info => crate::msg!(messages, "severity-info"),
        }
    }
}

/// Sorts diagnostics by file and position, so reports are stable.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.col, a.severity, a.rule, &a.message, &a.context)
            .cmp(&(&b.file, b.line, b.col, b.severity, b.rule, &b.message, &b.context))
    });
}

/// Why a command stopped.
#[derive(Debug)]
pub enum Failure {
    /// Problems in the site's content, configuration or templates (exit 1).
    Content(Vec<Diagnostic>),
    /// The command line or what it names was wrong, in the catalogs' words (exit 2).
    Said(Box<Keyed>),
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

    /// A folder walk that failed, naming the path it failed on (or the folder walked).
    pub fn walk(error: walkdir::Error, root: &Path) -> Self {
        let path = error.path().unwrap_or(root).to_path_buf();
        let source = error
            .into_io_error()
            .unwrap_or_else(|| std::io::Error::other("walk failed"));
        Failure::io("read", &path, source)
    }

    /// What a person reads when the command stops, in the language of `messages`:
    /// each problem on a line and a count, or what was wrong.
    pub fn text(&self, messages: &Messages) -> String {
        match self {
            Failure::Content(diagnostics) => {
                let mut text = String::new();
                for d in diagnostics {
                    text.push_str(&d.line(messages));
                    text.push('\n');
                }
                text + &crate::msg!(messages, "errors-found", count = diagnostics.len())
            }
            Failure::Said(message) => crate::msg!(messages, "usage-problem", message = message.text(messages)),
            Failure::Io { path, action, source } => crate::msg!(
                messages,
                "io-problem",
                action = crate::msg!(messages, "io-action", action = *action),
                path = path.display().to_string(),
                reason = crate::msg!(
                    messages,
                    "io-reason",
                    kind = format!("{:?}", source.kind()),
                    detail = source.to_string()
                ),
            ),
        }
    }

    pub fn exit_code(&self) -> i32 {
        match self {
            Failure::Content(_) => 1,
            Failure::Said(_) | Failure::Io { .. } => 2,
        }
    }
}

impl From<Keyed> for Failure {
    fn from(message: Keyed) -> Self {
        Failure::Said(Box::new(message))
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

/// Line and column of many offsets in one text, each in constant time: the
/// offsets where lines start, found by binary search, and the number of
/// characters before every [`LineIndex::STRIDE`]th byte, so that a column
/// on a long line costs no more than one on a short one.
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
    /// Characters in `text[..k * STRIDE]`, for each k.
    chars: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Bytes between two character counts kept.
    const STRIDE: usize = 256;

    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut chars = Vec::with_capacity(bytes.len() / Self::STRIDE + 1);
        let mut count = 0;
        for chunk in bytes.chunks(Self::STRIDE) {
            chars.push(count);
            count += chars_in(chunk);
        }
        chars.push(count);
        LineIndex { text, starts, chars }
    }

    /// The line and column (both 1-based, column in characters) of a byte offset,
    /// as [`line_col`] gives them.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&start| start <= offset);
        let col = self.chars_before(offset) - self.chars_before(self.starts[line - 1]) + 1;
        (line, col)
    }

    /// Characters in `text[..offset]`; `offset` is on a character boundary.
    fn chars_before(&self, offset: usize) -> usize {
        let k = offset / Self::STRIDE;
        self.chars[k] + chars_in(&self.text.as_bytes()[k * Self::STRIDE..offset])
    }
}

/// Characters starting in a run of UTF-8 bytes: the bytes that do not continue one.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The most names [`did_you_mean`] compares a word with: beyond it, a file
/// with many unknown words against a long list would cost their product.
pub const MAX_SUGGESTION_CANDIDATES: usize = 1000;

/// The known name closest to `unknown`, if one is close enough to be a typo;
/// none among more than [`MAX_SUGGESTION_CANDIDATES`] names.
pub fn did_you_mean<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if unknown.chars().count() > 100 {
        return None;
    }
    let known: Vec<&str> = known.into_iter().take(MAX_SUGGESTION_CANDIDATES + 1).collect();
    if known.len() > MAX_SUGGESTION_CANDIDATES {
        return None;
    }
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

/// The most names a message lists; a longer list ends with how many there are.
pub const MAX_LISTED: usize = 20;

/// Names for a message, comma-separated: `a, b, c`, or the first
/// [`MAX_LISTED`] and `… (250 in all)`.
pub fn listing<'a>(names: impl ExactSizeIterator<Item = &'a str>) -> String {
    let total = names.len();
    let mut text = names.take(MAX_LISTED).collect::<Vec<_>>().join(", ");
    if total > MAX_LISTED {
        text.push_str(&format!(", … ({total} in all)"));
    }
    text
}

/// "Did you mean …?" as a part of a catalog message (`hint-did-you-mean`), when
/// one of `known` is near enough to `unknown`; nothing otherwise.
pub fn hint<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<Keyed> {
    did_you_mean(unknown, known).map(|like| crate::keyed!("hint-did-you-mean", like = like))
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
    fn line_index_agrees_with_line_col_everywhere() {
        let long: String = "中文a，".repeat(200);
        let text = format!("a\n中文x\n\n{long}\n{long}b\nend");
        let index = LineIndex::new(&text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(index.line_col(offset), line_col(&text, offset), "offset {offset}");
        }
        assert_eq!(LineIndex::new("").line_col(0), (1, 1));
    }

    #[test]
    fn long_listings_are_cut() {
        assert_eq!(listing(["a", "b"].into_iter()), "a, b");
        let many: Vec<String> = (0..25).map(|i| i.to_string()).collect();
        let text = listing(many.iter().map(String::as_str));
        assert!(
            text.starts_with("0, 1, 2,") && text.ends_with("19, … (25 in all)"),
            "{text}"
        );
    }

    #[test]
    fn suggests_close_names_only() {
        let known = ["smart-software", "fintech", "life-health"];
        assert_eq!(did_you_mean("smart-sofware", known), Some("smart-software"));
        assert_eq!(did_you_mean("fintec", known), Some("fintech"));
        assert_eq!(did_you_mean("agriculture", known), None);
        let many: Vec<String> = (0..=MAX_SUGGESTION_CANDIDATES).map(|i| format!("term-{i}")).collect();
        assert_eq!(did_you_mean("term-1x", many.iter().map(String::as_str)), None);
        assert_eq!(
            did_you_mean("term-1x", many[..MAX_SUGGESTION_CANDIDATES].iter().map(String::as_str)),
            Some("term-1")
        );
    }

    #[test]
    fn displays_file_line_col() {
        let d = Diagnostic::error("content/a.md", 4, 10, "unknown industry");
        assert_eq!(d.to_string(), "content/a.md:4:10: error: unknown industry");
        assert_eq!(
            Diagnostic::file_error("site.toml", "missing").to_string(),
            "site.toml: error: missing"
        );
        let w = Diagnostic::warning("content/_index.md", 0, 0, "empty-section", "no pages");
        assert_eq!(w.to_string(), "content/_index.md: warning: no pages");
    }

    #[test]
    fn rules_default_to_the_kind_of_file() {
        assert_eq!(Diagnostic::file_error("site.toml", "x").rule, "config");
        assert_eq!(Diagnostic::file_error("content/a.md", "x").rule, "content");
        assert_eq!(
            Diagnostic::file_error("themes/t/templates/page.html", "x").rule,
            "template"
        );
        assert_eq!(Diagnostic::file_error("themes/t/i18n/en.toml", "x").rule, "i18n");
        assert_eq!(Diagnostic::file_error("content/a.md", "x").rule("yaml").rule, "yaml");
    }
}
