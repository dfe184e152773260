//! `[extra]` and `[[menu]]` of site.toml: settings for the theme.
//!
//! `[extra]` is a free-form table the templates read as `site.extra`. Each
//! `[[menu]]` entry is a label in every language of the site, a `url` and a
//! `weight`: an internal path (`/cases/`), which each language gets under its
//! own prefix (`/en/cases/`) and `check` follows like any link, or an
//! external `https://` address, which the theme marks as leaving the site.
//! Entries are ordered by weight, then as written. With no `[[menu]]`, the
//! theme's navigation lists the catalogue, the sections and the progress page.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::Diagnostic;

/// A `[[menu]]` entry as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMenuEntry {
    label: Spanned<BTreeMap<String, String>>,
    url: Spanned<String>,
    #[serde(default)]
    weight: i64,
}

/// Where a menu entry leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MenuUrl {
    /// A path on the site, without the language prefix or base path: `/cases/`.
    Internal(String),
    /// An address on another site.
    External(String),
}

/// One entry of the site's navigation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuEntry {
    /// Indexed like [`super::Config::languages`].
    pub labels: Vec<String>,
    pub url: MenuUrl,
    pub weight: i64,
    /// Where the entry's `url` is written in site.toml, for messages.
    pub line: usize,
    pub col: usize,
}

impl MenuEntry {
    /// The entry's site path in a language (`/en/cases/`), or `None` for an external one.
    pub fn path(&self, url_prefix: &str) -> Option<String> {
        match &self.url {
            MenuUrl::Internal(path) => Some(format!("{url_prefix}{path}")),
            MenuUrl::External(_) => None,
        }
    }
}

/// Checks a table of labels in every language: the labels, or problems pushed.
pub(super) type Labels<'a> =
    dyn FnMut(&Spanned<BTreeMap<String, String>>, crate::messages::Keyed, &mut Vec<Diagnostic>) -> Vec<String> + 'a;

/// Checks the `[[menu]]` entries; `labels` checks a label table in every
/// language, `at` turns a span into a diagnostic.
pub(super) fn menu(
    raw: &[Spanned<RawMenuEntry>],
    text: &str,
    labels: &mut Labels<'_>,
    at: &dyn Fn(std::ops::Range<usize>, crate::messages::Keyed) -> Diagnostic,
    errors: &mut Vec<Diagnostic>,
) -> Vec<MenuEntry> {
    let mut entries = Vec::new();
    for (n, spanned) in raw.iter().enumerate() {
        let entry = spanned.get_ref();
        let written = entry.url.get_ref().trim();
        let what = crate::keyed!("config-what-menu", number = n + 1, url = written);
        let labels = labels(&entry.label, what.clone(), errors);
        let url = if written.starts_with("https://") || written.starts_with("http://") {
            let host = written.split_once("://").map_or("", |(_, rest)| rest);
            if host.is_empty() || host.starts_with('/') || written.contains(char::is_whitespace) {
                errors.push(at(
                    entry.url.span(),
                    crate::keyed!("config-menu-not-address", what = what.clone(), url = written),
                ));
            }
            MenuUrl::External(written.to_string())
        } else if written.starts_with('/') && !written.starts_with("//") {
            if written.split('/').any(|part| part == ".." || part == ".")
                || written.contains(char::is_whitespace)
                || written.contains(['?', '#'])
            {
                errors.push(at(
                    entry.url.span(),
                    crate::keyed!("config-menu-plain-path", what = what.clone(), url = written),
                ));
            }
            MenuUrl::Internal(written.to_string())
        } else {
            errors.push(at(
                entry.url.span(),
                crate::keyed!("config-menu-path", what = what, url = written),
            ));
            continue;
        };
        let (line, col) = crate::diagnostics::line_col(text, entry.url.span().start);
        entries.push(MenuEntry {
            labels,
            url,
            weight: entry.weight,
            line,
            col,
        });
    }
    // Stable: entries of one weight stay in the order written.
    entries.sort_by_key(|e| e.weight);
    entries
}
