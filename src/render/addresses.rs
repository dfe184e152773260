//! The addresses a site publishes, for the ledger ([`crate::site::ledger`]),
//! and the small page that redirects an old address to a new one.
//!
//! A published address is the first (or only) page of an HTML job: a page,
//! its fallback in another language, a section's list, the home page, the
//! catalogue, a taxonomy's overview, a term's list, the progress, search and
//! site map pages. The further pages of a list (`page/2/`) come and go with
//! the number of cases, and are left out; so are the 404 pages, redirects,
//! WeChat articles, covers and data files.

use super::{Job, Renderer};

/// What an address is published for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    /// A content file's page (its doc's index), in the language of [`Published::lang`].
    Doc(usize),
    /// A page the site makes without a content file of its own: `home`,
    /// `catalogue`, `taxonomy industry`, `term industry/smart-software`,
    /// `progress`, `search`, `sitemap`.
    Generated(String),
}

/// One address a site publishes.
#[derive(Debug, Clone)]
pub struct Published {
    /// The site path, without the base path: `/en/cases/a/`.
    pub path: String,
    /// The language it is published in, indexed like `Config::languages`.
    pub lang: usize,
    pub owner: Owner,
}

impl Renderer<'_> {
    /// The address a job publishes, if it is a page the ledger keeps.
    pub fn published(&self, job: Job) -> Option<Published> {
        let generated = |path: String, lang: usize, what: String| Published {
            path,
            lang,
            owner: Owner::Generated(what),
        };
        let docs = &self.library.docs;
        Some(match job {
            Job::Page(i) => Published {
                path: docs[i].path.clone(),
                lang: docs[i].lang,
                owner: Owner::Doc(i),
            },
            Job::Fallback { doc, lang } => Published {
                path: docs[doc].fallbacks.get(lang)?.clone()?,
                lang,
                owner: Owner::Doc(doc),
            },
            Job::List { section, number: 1 } => Published {
                path: docs[section].path.clone(),
                lang: docs[section].lang,
                owner: Owner::Doc(section),
            },
            Job::Home { lang } => generated(format!("{}/", self.prefix(lang)), lang, "home".into()),
            Job::Catalogue { lang, number: 1 } => generated(self.catalogue_path(lang), lang, "catalogue".into()),
            Job::Taxonomy { tax, lang } => {
                let name = &self.catalogue.taxonomies[tax].name;
                generated(self.taxonomy_path(name, lang), lang, format!("taxonomy {name}"))
            }
            Job::Term {
                tax,
                term,
                lang,
                number: 1,
            } => {
                let tax = &self.catalogue.taxonomies[tax];
                let key = &tax.terms[term].key;
                generated(
                    self.term_path(&tax.name, key, lang),
                    lang,
                    format!("term {}/{key}", tax.name),
                )
            }
            Job::Progress { lang } => generated(self.progress_path(lang), lang, "progress".into()),
            Job::Search { lang } => generated(self.search_path(lang), lang, "search".into()),
            Job::SiteMap { lang } => generated(self.sitemap_path(lang), lang, "sitemap".into()),
            _ => return None,
        })
    }
}

/// A small page that sends readers and search engines on from an old address:
/// at once (`refresh`), with the new address as its canonical link, kept out of
/// search engines' indexes, and with a plain link for whoever stays on it,
/// readable on a phone.
/// `link` is the address as linked (with the base path), `permalink` the
/// absolute URL; both are escaped here.
pub fn redirect_page(lang_tag: &str, title: &str, link: &str, permalink: &str) -> String {
    let esc = crate::text::escape_attr;
    let (link, permalink, title) = (esc(link), esc(permalink), esc(title));
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang_tag}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n\
         <link rel=\"canonical\" href=\"{permalink}\">\n<meta name=\"robots\" content=\"noindex\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={link}\">\n</head>\n<body>\n<p><a href=\"{link}\">{title}</a></p>\n</body>\n</html>\n"
    )
}
