//! The feeds as jobs: the site's feed of each language, and a feed of each
//! section and each term that lists cases, beside its list
//! (`/enterprises/feed.xml`, `/en/industry/smart-software/feed.xml`).
//!
//! Steps: [`Renderer::feed_jobs`] plans a job for each feed that has entries;
//! a job writes the Atom document ([`crate::output::feed`]) and keys it by its
//! bytes, so `serve` and an incremental build rewrite a feed exactly when it
//! changed. The lists link their feed from `<head>` ([`Renderer::list_feed`]).
//! Feeds are not pages: they count as other files and stay out of the sitemap.

use serde::Serialize;

use super::*;
use crate::output::feed::{self, Feed};

/// A list's feed, for `<link rel="alternate" type="application/atom+xml">` in its head.
#[derive(Serialize)]
pub struct FeedLink {
    pub title: String,
    pub url: String,
}

impl<'a> Renderer<'a> {
    /// The feed jobs of a language: the site's, then each section's and term's that lists cases.
    pub(super) fn feed_jobs(&self, lang: usize) -> Vec<Job> {
        let mut jobs = vec![Job::Feed { lang }];
        for (i, doc) in self.library.docs.iter().enumerate() {
            if doc.lang == lang && doc.kind == DocKind::Section && !doc.is_home() && self.section_feed(i).is_some() {
                jobs.push(Job::SectionFeed { section: i });
            }
        }
        for (t, tax) in self.catalogue.taxonomies.iter().enumerate() {
            for term in 0..tax.terms.len() {
                if self.term_feed(t, term, lang).is_some() {
                    jobs.push(Job::TermFeed { tax: t, term, lang });
                }
            }
        }
        jobs
    }

    /// A section's feed, if it lists cases of its language.
    pub(super) fn section_feed(&self, section: usize) -> Option<Feed> {
        let doc = &self.library.docs[section];
        let entries = feed::entries_of(self.config, self.library, self.list_items(section), doc.lang);
        (!entries.is_empty()).then(|| Feed {
            lang: doc.lang,
            title: self.feed_title(&doc.fm.title, doc.lang),
            path: format!("{}feed.xml", doc.path),
            page: doc.path.clone(),
            entries,
        })
    }

    /// A term's feed in a language, if the term has cases of that language.
    pub(super) fn term_feed(&self, tax: usize, term: usize, lang: usize) -> Option<Feed> {
        let taxonomy = &self.catalogue.taxonomies[tax];
        let index = &taxonomy.terms[term];
        let entries = feed::entries_of(self.config, self.library, &index.pages[lang], lang);
        let page = self.term_path(&taxonomy.name, &index.key, lang);
        (!entries.is_empty()).then(|| Feed {
            lang,
            title: self.feed_title(&self.term_label(tax, term, lang), lang),
            path: format!("{page}feed.xml"),
            page,
            entries,
        })
    }

    /// `智能软件 - 普陀区产教融合典型案例`.
    fn feed_title(&self, what: &str, lang: usize) -> String {
        format!("{what} - {}", self.config.languages[lang].title)
    }

    /// The site's feed of a language.
    pub(super) fn site_feed(&self, lang: usize) -> Option<Feed> {
        let language = &self.config.languages[lang];
        Some(Feed {
            lang,
            title: language.title.clone(),
            path: feed::feed_path(self.config, lang),
            page: format!("{}/", language.url_prefix),
            entries: feed::entries(self.config, self.library, lang),
        })
    }

    /// A feed job's file: its Atom document, keyed by its bytes. `feed` is `None`
    /// only for a job planned over another site.
    pub(super) fn feed(&self, mode: Mode, feed: Option<Feed>) -> Result<Made, Diagnostic> {
        let feed = feed.ok_or_else(|| {
            Diagnostic::file_error(crate::config::CONFIG_FILE, "a feed was planned that has no entries")
        })?;
        let text = feed::atom_of(self.config, self.library, self.rendered, &feed);
        let key = (mode != Mode::Render).then(|| xxhash_rust::xxh3::xxh3_64(text.as_bytes()));
        Ok(Made {
            path: feed.path,
            key,
            text: (mode != Mode::Key).then(|| text.into_bytes()),
            lang: None,
        })
    }

    /// The feed a section's list links from its head, if it has one.
    pub(super) fn section_feed_link(&self, section: usize) -> Option<FeedLink> {
        let doc = &self.library.docs[section];
        self.has_cases(self.list_items(section), doc.lang).then(|| FeedLink {
            title: self.feed_title(&doc.fm.title, doc.lang),
            url: self.config.link(&format!("{}feed.xml", doc.path)),
        })
    }

    /// The feed a term's list links from its head, if it has one.
    pub(super) fn term_feed_link(&self, tax: usize, term: usize, lang: usize) -> Option<FeedLink> {
        let taxonomy = &self.catalogue.taxonomies[tax];
        let index = &taxonomy.terms[term];
        self.has_cases(&index.pages[lang], lang).then(|| FeedLink {
            title: self.feed_title(&self.term_label(tax, term, lang), lang),
            url: self
                .config
                .link(&format!("{}feed.xml", self.term_path(&taxonomy.name, &index.key, lang))),
        })
    }

    /// Whether a list has cases of its language: whether its feed has entries,
    /// without sorting them.
    fn has_cases(&self, docs: &[usize], lang: usize) -> bool {
        docs.iter()
            .any(|&i| self.library.docs[i].lang == lang && self.library.docs[i].is_case())
    }
}
