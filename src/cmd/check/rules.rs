//! The editorial rules of `check` that read the library rather than the pages.
//!
//! Steps, each a warning: a section that lists no pages in a language
//! (`empty-section`: inspections of government sites fail empty columns); a
//! term of site.toml that no page uses, so its term page would be empty
//! (`empty-term`) — neither for a section or term that drafts left out use,
//! as their pages are being written; an `updated` after today
//! (`future-date`), and as notes, pages scheduled, expired, or expiring within
//! [`EXPIRING_DAYS`] (`scheduled`, `expired`, `expiring`); a page of the default language with no translation
//! (`untranslated`); a translation whose original changed after it was stamped
//! (`stale-translation`) or that was never stamped (`unstamped-translation`);
//! the editorial rules of `content::lint` (punctuation, glossary); a highlight
//! theme whose colours fail WCAG AA contrast (`highlight-contrast`).

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;

use crate::config::{CONFIG_FILE, Config, Fallback};
use crate::content::lint;
use crate::content::translation::{self, State};
use crate::content::{DocKind, Library, display_path};
use crate::diagnostics::Diagnostic;
use crate::keyed;
use crate::render::Renderer;

/// Runs every rule; `site_toml` is the text of site.toml, to point at terms.
pub fn run(
    config: &Config,
    library: &Library,
    renderer: &Renderer<'_>,
    today: Date,
    site_toml: &str,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    empty_sections(config, library, renderer, &mut out);
    empty_terms(config, library, site_toml, &mut out);
    future_dates(library, today, &mut out);
    translations(config, library, &mut out);
    editorial(config, library, &mut out);
    highlight_contrast(config, site_toml, &mut out);
    out
}

/// A highlight theme whose colours read below WCAG AA on its background
/// (`highlight-contrast`): code in it is hard to read, and audits flag it.
fn highlight_contrast(config: &Config, site_toml: &str, out: &mut Vec<Diagnostic>) {
    use crate::code_themes::{AA_CONTRAST, DEFAULT_THEME, contrast_failures};
    let failures = contrast_failures(&config.highlight_theme);
    let Some((worst, ratio)) = failures.first() else { return };
    let at = site_toml
        .find(&format!("\"{}\"", config.highlight_theme))
        .map_or((0, 0), |offset| crate::diagnostics::line_col(site_toml, offset));
    out.push(Diagnostic::warning_keyed(
        display_path(config, CONFIG_FILE),
        at.0,
        at.1,
        "highlight-contrast",
        keyed!(
            "check-highlight-contrast",
            theme = &config.highlight_theme,
            count = failures.len(),
            wanted = AA_CONTRAST.to_string(),
            worst = worst.to_string(),
            ratio = format!("{ratio:.1}"),
            instead = DEFAULT_THEME
        ),
    ));
}

fn empty_sections(config: &Config, library: &Library, renderer: &Renderer<'_>, out: &mut Vec<Diagnostic>) {
    for (i, doc) in library.docs.iter().enumerate() {
        if doc.kind != DocKind::Section || doc.is_home() {
            continue;
        }
        let has_subsections = library.sections_of.get(&i).is_some_and(|s| !s.is_empty());
        let folder = doc.rel.rsplit_once('/').map_or("", |(folder, _)| folder);
        let has_drafts = library
            .drafts
            .iter()
            .any(|d| folder.is_empty() || d.strip_prefix(folder).is_some_and(|rest| rest.starts_with('/')));
        if renderer.list_items(i).is_empty() && !has_subsections && !has_drafts {
            out.push(Diagnostic::warning_keyed(
                doc.source.clone(),
                0,
                0,
                "empty-section",
                keyed!(
                    "check-empty-section",
                    title = &doc.fm.title,
                    lang = &config.languages[doc.lang].name
                ),
            ));
        }
    }
}

fn empty_terms(config: &Config, library: &Library, site_toml: &str, out: &mut Vec<Diagnostic>) {
    let used: HashSet<(&str, &str)> = library
        .docs
        .iter()
        .flat_map(|d| {
            d.fm.terms
                .iter()
                .flat_map(|(tax, keys)| keys.iter().map(move |k| (tax.as_str(), k.as_str())))
        })
        .collect();
    let positions = term_positions(site_toml);
    for tax in &config.taxonomies {
        for term in &tax.terms {
            let key = (tax.name.clone(), term.key.clone());
            if !used.contains(&(tax.name.as_str(), term.key.as_str())) && !library.draft_terms.contains(&key) {
                let (line, col) = positions.get(&key).copied().unwrap_or((0, 0));
                out.push(Diagnostic::warning_keyed(
                    display_path(config, CONFIG_FILE),
                    line,
                    col,
                    "empty-term",
                    keyed!("check-empty-term", taxonomy = &tax.name, term = &term.key),
                ));
            }
        }
    }
}

/// The line and column of each term's definition in site.toml, by (taxonomy, key):
/// `terms.key = …` in `[taxonomies.name]`, `key = …` in `[taxonomies.name.terms]`,
/// or `taxonomies.name.terms.key = …` before any table; read in one pass.
fn term_positions(text: &str) -> HashMap<(String, String), (usize, usize)> {
    let mut positions = HashMap::new();
    let mut table = String::new();
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(header) = trimmed.strip_prefix('[') {
            table = header
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("")
                .replace([' ', '"'], "");
            continue;
        }
        if !trimmed.contains('=') {
            continue;
        }
        let name = trimmed.split('=').next().unwrap_or("").replace([' ', '"', '\''], "");
        let found = if let Some(taxonomy) = table.strip_prefix("taxonomies.") {
            match taxonomy.strip_suffix(".terms") {
                Some(taxonomy) => Some((taxonomy.to_string(), name)),
                None => name
                    .strip_prefix("terms.")
                    .map(|key| (taxonomy.to_string(), key.to_string())),
            }
        } else if table.is_empty() {
            name.strip_prefix("taxonomies.")
                .and_then(|rest| rest.split_once(".terms."))
                .map(|(taxonomy, key)| (taxonomy.to_string(), key.to_string()))
        } else {
            None
        };
        if let Some(place) = found {
            positions
                .entry(place)
                .or_insert((n + 1, line.len() - trimmed.len() + 1));
        }
    }
    positions
}

/// How many days ahead `check` tells of pages about to expire.
pub const EXPIRING_DAYS: i32 = 14;

/// A `date` after today schedules a page (a note); an `updated` after today is a
/// mistake (a warning). Pages expired, or expiring soon, are noted too.
fn future_dates(library: &Library, today: Date, out: &mut Vec<Diagnostic>) {
    use crate::content::schedule::Withheld;
    let col = |line: usize| if line > 0 { 1 } else { 0 };
    let note = |why: Withheld, file: &std::path::Path, line: usize| match why {
        Withheld::Scheduled(date) => Diagnostic::info_keyed(
            file,
            line,
            col(line),
            "scheduled",
            keyed!("check-scheduled", date = date.to_string(), today = today.to_string()),
        ),
        Withheld::Expired(date) => Diagnostic::info_keyed(
            file,
            line,
            col(line),
            "expired",
            keyed!("check-expired", date = date.to_string()),
        ),
    };
    for held in &library.withheld {
        out.push(note(held.why, &held.source, held.line));
    }
    for doc in &library.docs {
        // Included by --future or serve.
        if let Some(why) = doc.withheld {
            let line = if why.is_scheduled() {
                doc.fm.date_line
            } else {
                doc.fm.expires_line
            };
            out.push(note(why, &doc.source, line));
        }
        if let Some(expires) = doc.fm.expires
            && expires >= today
            && doc.withheld.is_none()
            && (expires - today).get_days() <= EXPIRING_DAYS
        {
            out.push(Diagnostic::info_keyed(
                doc.source.clone(),
                doc.fm.expires_line,
                col(doc.fm.expires_line),
                "expiring",
                keyed!("check-expiring", date = expires.to_string()),
            ));
        }
        if let Some(date) = doc.fm.updated
            && date > today
        {
            let line = doc.fm.updated_line;
            out.push(Diagnostic::warning_keyed(
                doc.source.clone(),
                line,
                col(line),
                "future-date",
                keyed!(
                    "check-future-updated",
                    date = date.to_string(),
                    today = today.to_string()
                ),
            ));
        }
    }
}

fn translations(config: &Config, library: &Library, out: &mut Vec<Diagnostic>) {
    let mut all: Vec<_> = library.translations.iter().collect();
    all.sort_by(|a, b| a.0.cmp(b.0));
    for (key, versions) in all {
        let Some(original) = versions[0].map(|d| &library.docs[d]) else {
            continue;
        };
        for (lang, version) in versions.iter().enumerate().skip(1) {
            let language = &config.languages[lang];
            match version.map(|d| &library.docs[d]) {
                None => {
                    let name = match (original.kind, original.bundle) {
                        (DocKind::Section, _) => format!("_index.{}.md", language.code),
                        (DocKind::Page, true) => format!("index.{}.md", language.code),
                        (DocKind::Page, false) => {
                            format!("{}.{}.md", key.rsplit('/').next().unwrap_or(key), language.code)
                        }
                    };
                    let (lang, file) = (language.code.as_str(), name.as_str());
                    let message = match (original.kind, language.fallback) {
                        (DocKind::Section, _) => {
                            crate::keyed!(
                                "check-untranslated-section",
                                name = &language.name,
                                lang = lang,
                                file = file
                            )
                        }
                        (DocKind::Page, Fallback::Notice) => {
                            crate::keyed!(
                                "check-untranslated-page",
                                name = &language.name,
                                lang = lang,
                                file = file
                            )
                        }
                        (DocKind::Page, Fallback::Skip) => {
                            crate::keyed!(
                                "check-untranslated-skipped",
                                name = &language.name,
                                lang = lang,
                                file = file
                            )
                        }
                    };
                    out.push(Diagnostic::warning_keyed(
                        original.source.clone(),
                        0,
                        0,
                        "untranslated",
                        message,
                    ));
                }
                Some(translation) => {
                    let Some(index) = *version else { continue };
                    let (original_file, translation_file) = (
                        original.source.display().to_string(),
                        translation.source.display().to_string(),
                    );
                    let (line, rule, message) = match translation::state(library, index) {
                        State::Stale => (
                            translation.fm.translated_from_line,
                            "stale-translation",
                            crate::keyed!("check-stale", original = original_file, translation = translation_file),
                        ),
                        State::Unstamped => (
                            0,
                            "unstamped-translation",
                            crate::keyed!(
                                "check-unstamped",
                                original = original_file,
                                translation = translation_file
                            ),
                        ),
                        _ => continue,
                    };
                    out.push(Diagnostic::warning_keyed(
                        translation.source.clone(),
                        line,
                        usize::from(line > 0),
                        rule,
                        message,
                    ));
                }
            }
        }
    }
}

/// The editorial rules of every file: punctuation in Chinese and English text, and the glossary.
fn editorial(config: &Config, library: &Library, out: &mut Vec<Diagnostic>) {
    for doc in &library.docs {
        for finding in lint::lint_doc(config, doc) {
            out.push(Diagnostic::warning_keyed(
                doc.source.clone(),
                finding.line,
                finding.col,
                finding.rule,
                finding.message,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_terms_in_both_table_styles() {
        let text = "[taxonomies.industry]\nlabel = {}\nterms.fintech = { zh = \"科技金融\" }\n\n[taxonomies.kind.terms]\n  park = { zh = \"园区\" }\n";
        let positions = term_positions(text);
        let at = |tax: &str, key: &str| positions.get(&(tax.to_string(), key.to_string())).copied();
        assert_eq!(at("industry", "fintech"), Some((3, 1)));
        assert_eq!(at("kind", "park"), Some((6, 3)));
        assert_eq!(at("kind", "base"), None);
        let dotted = term_positions("taxonomies.kind.terms.base = { zh = \"基地\" }\n");
        assert_eq!(dotted.get(&("kind".to_string(), "base".to_string())), Some(&(1, 1)));
    }
}
