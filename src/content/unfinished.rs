//! Pages that are not finished: what `showcase new case` leaves for the author
//! to replace, still there in a page that is no draft.
//!
//! Steps, each an error at its line and column, for pages not marked
//! `draft: true`: the placeholder title (`placeholder`); a hint of the standard case outline (see
//! [`archetype::OUTLINE_ZH`], [`archetype::OUTLINE_EN`]) still in the body, in
//! either language, whatever its brackets and however its lines are wrapped
//! (`placeholder`); a case whose `summary:` line is left empty
//! (`empty-summary`). A case with no `summary:` line at all is fine: its first
//! paragraph serves as its summary. A case without a date is refused where
//! the library is linked (`missing-date`), drafts included. `build` and `check`
//! share these errors, like every other error in the content.

use crate::content::Doc;
use crate::content::archetype::{OUTLINE_EN, OUTLINE_ZH};
use crate::content::front_matter::is_placeholder_title;
use crate::diagnostics::{Diagnostic, LineIndex};

/// The problems of a doc that is not finished; none for a draft.
pub fn problems(doc: &Doc) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if doc.fm.draft {
        return out;
    }
    if is_placeholder_title(&doc.fm.title) {
        out.push(
            Diagnostic::error_keyed(
                doc.source.clone(),
                doc.fm.title_line,
                1,
                crate::keyed!("unfinished-title", title = doc.fm.title.trim()),
            )
            .rule("placeholder"),
        );
    }
    placeholders(doc, &mut out);
    if doc.is_case() {
        empty_summary(doc, &mut out);
    }
    out
}

/// The hint's words, without its brackets and without whitespace.
fn core(hint: &str) -> String {
    hint.trim_matches(|c: char| matches!(c, '(' | ')' | '（' | '）'))
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Hints of the outline still in the body.
fn placeholders(doc: &Doc, out: &mut Vec<Diagnostic>) {
    let body = doc.body.as_str();
    // The body without whitespace, and the byte offset in the body of each byte kept.
    let mut squeezed = String::with_capacity(body.len());
    let mut offsets = Vec::with_capacity(body.len());
    for (offset, c) in body.char_indices() {
        if !c.is_whitespace() {
            squeezed.push(c);
            offsets.extend((0..c.len_utf8()).map(|i| offset + i));
        }
    }
    let mut lines = None;
    for (_, hint) in OUTLINE_ZH.iter().chain(OUTLINE_EN) {
        let needle = core(hint);
        let mut from = 0;
        while let Some(found) = squeezed[from..].find(&needle) {
            let at = from + found;
            from = at + needle.len();
            let mut start = offsets[at];
            // Point at the opening bracket when there is one.
            if let Some(bracket) = body[..start].chars().next_back().filter(|c| matches!(c, '(' | '（')) {
                start -= bracket.len_utf8();
            }
            let lines = lines.get_or_insert_with(|| LineIndex::new(body));
            let (line, col) = lines.line_col(start);
            out.push(
                Diagnostic::error_keyed(
                    doc.source.clone(),
                    doc.body_line + line - 1,
                    col,
                    crate::keyed!("unfinished-outline", hint = hint),
                )
                .rule("placeholder"),
            );
        }
    }
}

/// A `summary:` line with nothing after it.
fn empty_summary(doc: &Doc, out: &mut Vec<Diagnostic>) {
    if doc.fm.summary.as_deref().is_some_and(|s| !s.trim().is_empty()) {
        return;
    }
    let Some(index) = doc.yaml.lines().position(|l| l.starts_with("summary:")) else {
        return;
    };
    out.push(
        Diagnostic::error_keyed(
            doc.source.clone(),
            doc.yaml_line + index,
            1,
            crate::keyed!("unfinished-summary"),
        )
        .rule("empty-summary"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter::FrontMatter;

    fn doc(body: &str, draft: bool) -> Doc {
        Doc {
            kind: crate::content::DocKind::Page,
            source: "content/cases/a.md".into(),
            rel: "cases/a.md".into(),
            key: "cases/a".into(),
            dir: "cases".into(),
            lang: 0,
            bundle: false,
            fm: FrontMatter {
                draft,
                ..FrontMatter::default()
            },
            body: body.into(),
            body_line: 5,
            path: String::new(),
            parent: None,
            hash: String::new(),
            yaml: String::new(),
            yaml_line: 2,
            stamp: 0,
            fallbacks: Vec::new(),
            withheld: None,
        }
    }

    #[test]
    fn finds_hints_wrapped_or_with_other_brackets() {
        let body = "\n## 基本情况\n\n（单位概况，以及参与\n产教融合的背景。）\n\n## Results\n\nWhat has been achieved, with facts\n  and figures that can be checked.\n";
        let found = problems(&doc(body, false));
        let at: Vec<(usize, usize)> = found.iter().map(|d| (d.line, d.col)).collect();
        assert_eq!(at, [(8, 1), (13, 1)], "{found:?}");
        assert!(problems(&doc(body, true)).is_empty(), "drafts are exempt");
        assert!(problems(&doc("\n## 基本情况\n\n单位成立于2001年。\n", false)).is_empty());
    }
}
