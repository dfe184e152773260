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

/// The outline's hints (see [`core`]) in the order [`placeholders`] reports
/// them, sought in one pass: every page is searched, in every build.
fn hints() -> &'static (aho_corasick::AhoCorasick, Vec<(&'static str, usize)>) {
    static HINTS: std::sync::OnceLock<(aho_corasick::AhoCorasick, Vec<(&'static str, usize)>)> =
        std::sync::OnceLock::new();
    HINTS.get_or_init(|| {
        let hints: Vec<&str> = OUTLINE_ZH.iter().chain(OUTLINE_EN).map(|(_, hint)| *hint).collect();
        let cores: Vec<String> = hints.iter().map(|hint| core(hint)).collect();
        let searcher = aho_corasick::AhoCorasick::new(&cores).expect("the outline's hints make a searcher");
        let hints = hints.into_iter().zip(cores.iter().map(String::len)).collect();
        (searcher, hints)
    })
}

/// Hints of the outline still in the body.
fn placeholders(doc: &Doc, out: &mut Vec<Diagnostic>) {
    let body = doc.body.as_str();
    // The body without whitespace.
    let mut squeezed = String::with_capacity(body.len());
    for piece in body.split(char::is_whitespace) {
        squeezed.push_str(piece);
    }
    let (searcher, hints) = hints();
    // Each hint's places, in the order of the hints; a hint found again only after
    // its last place ends.
    let mut found: Vec<(usize, usize)> = searcher
        .find_overlapping_iter(&squeezed)
        .map(|m| (m.pattern().as_usize(), m.start()))
        .collect();
    if found.is_empty() {
        return;
    }
    found.sort_unstable();
    let mut taken_until = vec![0; hints.len()];
    found.retain(|&(hint, at)| {
        let keep = at >= taken_until[hint];
        if keep {
            taken_until[hint] = at + hints[hint].1;
        }
        keep
    });
    // The byte offset in the body of each byte of the squeezed body.
    let mut offsets = Vec::with_capacity(squeezed.len());
    for (offset, c) in body.char_indices() {
        if !c.is_whitespace() {
            offsets.extend((0..c.len_utf8()).map(|i| offset + i));
        }
    }
    let lines = LineIndex::new(body);
    for (hint, at) in found {
        let mut start = offsets[at];
        // Point at the opening bracket when there is one.
        if let Some(bracket) = body[..start].chars().next_back().filter(|c| matches!(c, '(' | '（')) {
            start -= bracket.len_utf8();
        }
        let (line, col) = lines.line_col(start);
        out.push(
            Diagnostic::error_keyed(
                doc.source.clone(),
                doc.body_line + line - 1,
                col,
                crate::keyed!("unfinished-outline", hint = hints[hint].0),
            )
            .rule("placeholder"),
        );
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
            unfinished: Vec::new(),
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

    #[test]
    fn reports_every_place_of_every_hint_in_the_outline_order() {
        // The English hint first in the text, a Chinese one twice (once wrapped).
        let body = "(Its partners, what they do together, and the responsible departments.)\n\n\
                    （经验启示）（可复制、可推广的经验。）\n\n（可复制、\n可推广的经验。）\n";
        let found = problems(&doc(body, false));
        let said: Vec<(usize, usize)> = found.iter().map(|d| (d.line, d.col)).collect();
        assert_eq!(said.len(), 3, "{found:?}");
        assert_eq!(
            said,
            [(7, 7), (9, 1), (5, 1)],
            "the Chinese hint comes first: {found:?}"
        );
    }
}
