//! `showcase status`: the translation status of the site, section by section.
//!
//! Steps: read the config and the content (as a build would, without
//! rendering), count per language and section the pages translated, stale,
//! unstamped and missing ([`translation::status`]), and print one table per
//! language other than the default, columns aligned for Chinese text too,
//! followed by the files that need a translator; with `--lint`, then every
//! editorial finding of [`lint`].

use std::path::Path;

use crate::cli::StatusArgs;
use crate::config::Config;
use crate::content::lint;
use crate::content::translation::{self, Counts, LanguageStatus};
use crate::content::{Library, LoadOptions};
use crate::diagnostics::Failure;
use crate::messages::Messages;
use crate::msg;

pub fn run(args: &StatusArgs, messages: &Messages) -> Result<String, Failure> {
    let config = Config::load(&args.root, None)?;
    let options = LoadOptions {
        drafts: args.drafts,
        today: Some(crate::content::schedule::today(&config)?),
        ..Default::default()
    };
    let library = Library::load(&config, options)?;
    let status = translation::status(&config, &library);
    let mut out = String::new();
    if status.languages.is_empty() {
        out.push_str(&msg!(messages, "status-one-language"));
        out.push('\n');
    }
    for language in &status.languages {
        out.push_str(&report(language, messages));
    }
    if args.lint {
        out.push_str(&lint_report(&config, &library, messages));
    }
    Ok(out)
}

/// Every editorial finding, one a line, sorted by file and position.
fn lint_report(config: &Config, library: &Library, messages: &Messages) -> String {
    let mut findings: Vec<(&Path, lint::Finding)> = library
        .docs
        .iter()
        .flat_map(|doc| {
            lint::lint_doc(config, doc)
                .into_iter()
                .map(|f| (doc.source.as_path(), f))
        })
        .collect();
    findings.sort_by(|a, b| (a.0, a.1.line, a.1.col, a.1.rule).cmp(&(b.0, b.1.line, b.1.col, b.1.rule)));
    let mut out = msg!(messages, "status-findings", count = findings.len());
    out.push('\n');
    let warning = msg!(messages, "severity-warning");
    for (file, f) in findings {
        out.push_str(&format!(
            "{}:{}:{}: {warning}: {} [{}]\n",
            file.display(),
            f.line,
            f.col,
            f.message.text(messages),
            f.rule
        ));
    }
    out
}

/// The table and the lists of files for one language.
fn report(language: &LanguageStatus, messages: &Messages) -> String {
    let mut out = format!("{} ({})\n", language.name, language.lang);
    let header = [
        msg!(messages, "status-section"),
        msg!(messages, "status-pages"),
        msg!(messages, "status-translated"),
        msg!(messages, "status-stale"),
        msg!(messages, "status-unstamped"),
        msg!(messages, "status-missing"),
    ];
    let mut rows: Vec<Vec<String>> = vec![header.to_vec()];
    let cells = |first: String, c: &Counts| {
        let mut row = vec![first];
        row.extend([c.pages, c.translated, c.stale, c.unstamped, c.missing].map(|n| n.to_string()));
        row
    };
    for section in &language.sections {
        let folder = if section.section.is_empty() {
            "/".to_string()
        } else {
            format!("{}/", section.section)
        };
        let name = if section.title.is_empty() {
            folder
        } else {
            format!("{} ({folder})", section.title)
        };
        rows.push(cells(name, &section.counts));
    }
    rows.push(cells(msg!(messages, "status-total"), &language.totals));
    out.push_str(&table(&rows));

    let list = |out: &mut String, title: &str, hint: &str, entries: Vec<String>| {
        if !entries.is_empty() {
            out.push_str(&format!("\n{title} ({}): {hint}\n", entries.len()));
            for e in entries {
                out.push_str(&format!("  {e}\n"));
            }
        }
    };
    let all = || language.sections.iter();
    let original = |file: String, original: &Path| {
        msg!(
            messages,
            "status-original",
            file = file,
            original = original.display().to_string()
        )
    };
    list(
        &mut out,
        &header[3],
        &msg!(messages, "status-stale-hint"),
        all()
            .flat_map(|s| &s.stale)
            .map(|e| original(format!("{}:{}", e.translation.display(), e.line), &e.original))
            .collect(),
    );
    list(
        &mut out,
        &header[4],
        &msg!(messages, "status-unstamped-hint"),
        all()
            .flat_map(|s| &s.unstamped)
            .map(|e| original(e.translation.display().to_string(), &e.original))
            .collect(),
    );
    list(
        &mut out,
        &header[5],
        &msg!(messages, "status-missing-hint"),
        all()
            .flat_map(|s| &s.missing)
            .map(|e| original(e.translation.display().to_string(), &e.original))
            .collect(),
    );
    out.push('\n');
    out
}

/// Rows as aligned columns: the first left-aligned, the others right-aligned.
fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[c] - width(cell));
            if c == 0 {
                line.push_str(cell);
                line.push_str(&pad);
            } else {
                line.push_str("  ");
                line.push_str(&pad);
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The width of text in a terminal: Chinese characters and full-width forms take two columns.
fn width(text: &str) -> usize {
    text.chars().map(|c| if crate::text::is_wide(c) { 2 } else { 1 }).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_takes_two_columns() {
        assert_eq!(width("cases"), 5);
        assert_eq!(width("案例（cases）"), 4 + 4 + 5);
    }

    #[test]
    fn columns_line_up_with_chinese_titles() {
        let rows = vec![
            vec!["section".to_string(), "pages".to_string()],
            vec!["案例 (cases/)".to_string(), "5".to_string()],
            vec!["total".to_string(), "12".to_string()],
        ];
        assert_eq!(
            table(&rows),
            "section        pages\n案例 (cases/)      5\ntotal             12\n"
        );
    }
}
