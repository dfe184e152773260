//! Atom feeds: one per language, `/feed.xml` and `/en/feed.xml`, and one per
//! section and per term that lists cases (`/enterprises/feed.xml`,
//! `/en/industry/smart-software/feed.xml`).
//!
//! Steps: take the cases a feed covers in its language, newest first (by
//! `date`, then title), keep the first `feed_limit` of them, and write each as
//! an entry whose id is its permalink, with its summary (and its whole text
//! with `[feeds] full_text = true`) and its `updated` date (or `date`). Every
//! date comes from front matter, never from the clock, so two builds of the
//! same content give the same bytes. URLs are absolute and honour the base
//! URL, path included.

use std::fmt::Write;

use jiff::civil::Date;

use crate::config::Config;
use crate::content::{Doc, Library};
use crate::markdown::Rendered;
use crate::text::escape_xml as esc;

/// The feed's site path in a language: `/feed.xml`, `/en/feed.xml`.
pub fn feed_path(config: &Config, lang: usize) -> String {
    format!("{}/feed.xml", config.languages[lang].url_prefix)
}

/// The cases a language's feed lists, newest first, at most `feed_limit`.
pub fn entries(config: &Config, library: &Library, lang: usize) -> Vec<usize> {
    let mut cases: Vec<usize> = (0..library.docs.len())
        .filter(|&i| library.docs[i].lang == lang && library.docs[i].is_case())
        .collect();
    cases.sort_by(|&a, &b| crate::content::taxonomy::newest_first(&library.docs[a], &library.docs[b]));
    cases.truncate(config.feed_limit);
    cases
}

/// The last change of a doc as front matter tells it: `updated`, else `date`.
pub fn last_change(doc: &Doc) -> Option<Date> {
    doc.fm.updated.or(doc.fm.date)
}

/// An Atom date for a calendar day.
fn atom_date(date: Date) -> String {
    format!("{date}T00:00:00Z")
}

/// The cases of `docs` that a feed of language `lang` lists: the language's own,
/// newest first, at most `feed_limit`.
pub fn entries_of(config: &Config, library: &Library, docs: &[usize], lang: usize) -> Vec<usize> {
    let mut cases: Vec<usize> = docs
        .iter()
        .copied()
        .filter(|&i| library.docs[i].lang == lang && library.docs[i].is_case())
        .collect();
    cases.sort_by(|&a, &b| crate::content::taxonomy::newest_first(&library.docs[a], &library.docs[b]));
    cases.truncate(config.feed_limit);
    cases
}

/// One feed: what it is called, where it is, and what it lists.
pub struct Feed {
    pub lang: usize,
    /// Its title: the site's, or a section's or term's with the site's.
    pub title: String,
    /// Its site path (`/enterprises/feed.xml`) and the page it is the feed of (`/enterprises/`).
    pub path: String,
    pub page: String,
    /// The entries, newest first (see [`entries_of`]).
    pub entries: Vec<usize>,
}

/// The Atom document of a language.
pub fn atom(config: &Config, library: &Library, rendered: &[Rendered], lang: usize) -> String {
    let language = &config.languages[lang];
    let feed = Feed {
        lang,
        title: language.title.clone(),
        path: feed_path(config, lang),
        page: format!("{}/", language.url_prefix),
        entries: entries(config, library, lang),
    };
    atom_of(config, library, rendered, &feed)
}

/// The Atom document of a feed.
pub fn atom_of(config: &Config, library: &Library, rendered: &[Rendered], feed: &Feed) -> String {
    let lang = feed.lang;
    let language = &config.languages[lang];
    let cases = &feed.entries;
    // The feed changed when its newest entry did; with no entries, when the language's content did.
    let updated = cases
        .iter()
        .filter_map(|&i| last_change(&library.docs[i]))
        .max()
        .or_else(|| {
            library
                .docs
                .iter()
                .filter(|d| d.lang == lang)
                .filter_map(last_change)
                .max()
        })
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), atom_date);
    let self_url = config.permalink(&feed.path);
    let home = config.permalink(&feed.page);

    let mut xml = String::with_capacity(1024 + cases.len() * 600);
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        esc(&language.tag)
    );
    let _ = writeln!(xml, "  <title>{}</title>", esc(&feed.title));
    if !language.description.is_empty() {
        let _ = writeln!(xml, "  <subtitle>{}</subtitle>", esc(&language.description));
    }
    let _ = writeln!(
        xml,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        esc(&self_url)
    );
    let _ = writeln!(
        xml,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        esc(&home)
    );
    let _ = writeln!(xml, "  <id>{}</id>", esc(&self_url));
    let _ = writeln!(xml, "  <updated>{updated}</updated>");
    let _ = writeln!(xml, "  <author><name>{}</name></author>", esc(&config.publisher[lang]));
    xml.push_str("  <generator>showcase</generator>\n");
    for &i in cases {
        entry(&mut xml, config, &library.docs[i], &rendered[i]);
    }
    xml.push_str("</feed>\n");
    xml
}

fn entry(xml: &mut String, config: &Config, doc: &Doc, rendered: &Rendered) {
    let permalink = esc(&config.permalink(&doc.path));
    xml.push_str("  <entry>\n");
    let _ = writeln!(xml, "    <title>{}</title>", esc(&doc.fm.title));
    let _ = writeln!(
        xml,
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{permalink}\"/>"
    );
    let _ = writeln!(xml, "    <id>{permalink}</id>");
    if let Some(date) = doc.fm.date {
        let _ = writeln!(xml, "    <published>{}</published>", atom_date(date));
    }
    let updated = last_change(doc).map_or_else(|| "1970-01-01T00:00:00Z".to_string(), atom_date);
    let _ = writeln!(xml, "    <updated>{updated}</updated>");
    // No entry author: the organisation a case is about did not write it, so every
    // entry has the feed's author, the site's publisher.
    for tax in &config.taxonomies {
        for key in doc.fm.terms.get(&tax.name).map_or(&[][..], Vec::as_slice) {
            if let Some(term) = tax.term(key) {
                let _ = writeln!(
                    xml,
                    "    <category term=\"{}\" label=\"{}\"/>",
                    esc(&term.key),
                    esc(&term.labels[doc.lang])
                );
            }
        }
    }
    let summary = rendered.summary(doc);
    if !summary.is_empty() {
        let _ = writeln!(xml, "    <summary>{}</summary>", esc(summary));
    }
    if config.feed_full_text {
        // The text's links are site paths (`/cases/a/`): the base URL resolves them.
        let _ = writeln!(
            xml,
            "    <content type=\"html\" xml:base=\"{}\">{}</content>",
            esc(&config.permalink("/")),
            esc(&rendered.html.unpack())
        );
    }
    xml.push_str("  </entry>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_midnight_utc() {
        assert_eq!(atom_date(jiff::civil::date(2024, 5, 1)), "2024-05-01T00:00:00Z");
    }
}
