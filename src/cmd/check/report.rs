//! Printing what `check` found: text grouped by file for people, or one JSON
//! document for CI.
//!
//! Text: a heading per file, then one line per problem with its line:column,
//! severity, message and rule id, then a summary line. JSON:
//! `{"errors": n, "warnings": n, "diagnostics": [{"file", "line", "column",
//! "severity", "rule", "message"}]}`; line and column are 0 when a problem
//! concerns a whole file.

use std::io::{self, Write};

use serde::Serialize;

use crate::content::translation::Status;
use crate::diagnostics::{Diagnostic, Severity};
use crate::messages::Messages;
use crate::msg;

#[derive(Serialize)]
struct Report<'a> {
    errors: usize,
    warnings: usize,
    diagnostics: Vec<Entry<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    translations: Option<&'a Status>,
}

#[derive(Serialize)]
struct Entry<'a> {
    file: String,
    line: usize,
    column: usize,
    severity: &'static str,
    rule: &'a str,
    message: std::borrow::Cow<'a, str>,
}

/// How many errors and warnings there are (notes are neither).
pub fn counts(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let notes = diagnostics
        .iter()
        .filter(|d| d.severity == crate::diagnostics::Severity::Info)
        .count();
    (errors, diagnostics.len() - errors - notes)
}

/// The JSON document.
pub fn json(diagnostics: &[Diagnostic], translations: Option<&Status>, out: &mut impl Write) -> io::Result<()> {
    let (errors, warnings) = counts(diagnostics);
    let report = Report {
        errors,
        warnings,
        diagnostics: diagnostics
            .iter()
            .map(|d| Entry {
                file: shown(d),
                line: d.line,
                column: d.col,
                severity: d.severity.as_str(),
                rule: d.rule,
                message: d.text(),
            })
            .collect(),
        translations,
    };
    let text = serde_json::to_string_pretty(&report).map_err(io::Error::other)?;
    writeln!(out, "{text}")
}

/// The text report: problems grouped by file (in the order given), then
/// `summary`; severities in the language of `messages`.
pub fn text(diagnostics: &[Diagnostic], summary: &str, messages: &Messages, out: &mut impl Write) -> io::Result<()> {
    let severities = [Severity::Error, Severity::Warning, Severity::Info].map(|s| s.text(messages));
    // Padded to the widest, counted in columns (a Chinese character takes two).
    let columns = |s: &str| {
        s.chars()
            .map(|c| if crate::text::is_wide(c) { 2 } else { 1 })
            .sum::<usize>()
    };
    let widest = severities.iter().map(|s| columns(s)).max().unwrap_or(0);
    let mut start = 0;
    while start < diagnostics.len() {
        let file = &diagnostics[start].file;
        let end = start + diagnostics[start..].iter().take_while(|d| d.file == *file).count();
        let group = &diagnostics[start..end];
        let positions: Vec<String> = group.iter().map(position).collect();
        let width = positions.iter().map(String::len).max().unwrap_or(0);
        writeln!(out, "{}", shown(&group[0]))?;
        for (d, at) in group.iter().zip(&positions) {
            let severity = &severities[d.severity as usize];
            let pad = " ".repeat(widest - columns(severity));
            writeln!(
                out,
                "  {at:<width$}  {severity}{pad}  {}  [{}]",
                d.text_in(messages),
                d.rule
            )?;
        }
        writeln!(out)?;
        start = end;
    }
    writeln!(out, "{summary}")
}

fn shown(d: &Diagnostic) -> String {
    d.file.to_string_lossy().replace('\\', "/")
}

/// `12:5`, `12`, or `-` for the whole file.
fn position(d: &Diagnostic) -> String {
    match (d.line, d.col) {
        (0, _) => "-".to_string(),
        (line, 0) => line.to_string(),
        (line, col) => format!("{line}:{col}"),
    }
}

/// "2 errors and 1 warning", "no problems", in the language of `messages`.
pub fn tally(diagnostics: &[Diagnostic], messages: &Messages) -> String {
    let errors = |count: usize| msg!(messages, "check-errors", count = count);
    let warnings = |count: usize| msg!(messages, "check-warnings", count = count);
    let problems = match counts(diagnostics) {
        (0, 0) => msg!(messages, "check-no-problems"),
        (e, 0) => errors(e),
        (0, w) => warnings(w),
        (e, w) => msg!(
            messages,
            "check-errors-and-warnings",
            errors = errors(e),
            warnings = warnings(w)
        ),
    };
    let (errors, warnings) = counts(diagnostics);
    match diagnostics.len() - errors - warnings {
        0 => problems,
        notes => msg!(messages, "check-notes", problems = problems, count = notes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Diagnostic> {
        vec![
            Diagnostic::error("content/a.md", 9, 2, "links to /x/").rule("broken-link"),
            Diagnostic::warning("content/a.md", 0, 0, "untranslated", "no English version"),
            Diagnostic::error("site.toml", 3, 0, "bad"),
        ]
    }

    #[test]
    fn text_groups_by_file() {
        let mut out = Vec::new();
        let en = Messages::new(crate::messages::Lang::En);
        text(&sample(), "showcase: 2 errors and 1 warning", &en, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "content/a.md\n  9:2  error    links to /x/  [broken-link]\n  -    warning  no English version  [untranslated]\n\n\
             site.toml\n  3  error    bad  [config]\n\nshowcase: 2 errors and 1 warning\n"
        );
        assert_eq!(tally(&sample(), &en), "2 errors and 1 warning");
        let zh = Messages::new(crate::messages::Lang::Zh);
        let mut out = Vec::new();
        text(&sample(), "showcase：2 个错误、1 个警告", &zh, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "content/a.md\n  9:2  错误  links to /x/  [broken-link]\n  -    警告  no English version  [untranslated]\n\n\
             site.toml\n  3  错误  bad  [config]\n\nshowcase：2 个错误、1 个警告\n"
        );
        assert_eq!(tally(&sample(), &zh), "2 个错误、1 个警告");
    }

    #[test]
    fn json_has_the_documented_shape() {
        let mut out = Vec::new();
        json(&sample(), None, &mut out).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["errors"], 2);
        assert_eq!(value["warnings"], 1);
        assert_eq!(
            value["diagnostics"][0],
            serde_json::json!({"file": "content/a.md", "line": 9, "column": 2, "severity": "error", "rule": "broken-link", "message": "links to /x/"})
        );
    }
}
