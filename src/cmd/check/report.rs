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
use crate::diagnostics::Diagnostic;

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

/// The text report: problems grouped by file (in the order given), then `summary`.
pub fn text(diagnostics: &[Diagnostic], summary: &str, out: &mut impl Write) -> io::Result<()> {
    let mut start = 0;
    while start < diagnostics.len() {
        let file = &diagnostics[start].file;
        let end = start + diagnostics[start..].iter().take_while(|d| d.file == *file).count();
        let group = &diagnostics[start..end];
        let positions: Vec<String> = group.iter().map(position).collect();
        let width = positions.iter().map(String::len).max().unwrap_or(0);
        writeln!(out, "{}", shown(&group[0]))?;
        for (d, at) in group.iter().zip(&positions) {
            writeln!(
                out,
                "  {at:<width$}  {:<7}  {}  [{}]",
                d.severity.as_str(),
                d.text(),
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

/// "2 errors and 1 warning", "no problems".
pub fn tally(diagnostics: &[Diagnostic]) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let problems = match counts(diagnostics) {
        (0, 0) => "no problems".to_string(),
        (e, 0) => plural(e, "error"),
        (0, w) => plural(w, "warning"),
        (e, w) => format!("{} and {}", plural(e, "error"), plural(w, "warning")),
    };
    let (errors, warnings) = counts(diagnostics);
    match diagnostics.len() - errors - warnings {
        0 => problems,
        notes => format!("{problems} ({})", plural(notes, "note")),
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
        text(&sample(), "showcase: 2 errors and 1 warning", &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "content/a.md\n  9:2  error    links to /x/  [broken-link]\n  -    warning  no English version  [untranslated]\n\n\
             site.toml\n  3  error    bad  [config]\n\nshowcase: 2 errors and 1 warning\n"
        );
        assert_eq!(tally(&sample()), "2 errors and 1 warning");
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
