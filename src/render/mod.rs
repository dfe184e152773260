//! From the site's stages to files: plan the jobs, key them, render each with Tera.
//!
//! A [`Job`] is one file to produce. Rendering a job is a pure function of the
//! site's stages ([`Sources`]: config, library, rendered Markdown, covers,
//! catalogue, theme); the caller decides where the bytes go. Each job also has
//! a key, a hash of all its template reads ([`ctx`]), so a build or a rebuild
//! keeps the file it made before when the key is the same. The jobs are in
//! [`jobs`], what they share (navigation, switcher, breadcrumbs, lists) in
//! [`chrome`], and the typed views serialised into the context in [`views`].
//! The renderer also says which jobs are public pages, for the sitemap, with
//! the same hreflang alternates as the pages' own `<link>` tags.

pub mod addresses;
mod chrome;
mod cover;
mod ctx;
mod feeds;
mod jobs;
pub mod toc;
mod views;
pub mod wechat;

use std::collections::HashMap;

use rayon::prelude::*;

use crate::config::{Config, Fallback};
use crate::content::taxonomy::{self, Catalogue};
use crate::content::{Doc, DocKind, Library};
use crate::diagnostics::Diagnostic;
use crate::markdown::Rendered;
use crate::output::feed::{feed_path, last_change};
use crate::output::images::Cover;
use crate::output::sitemap;
use crate::templates::Theme;
use views::{Card, MenuItem};

/// How many of the newest cases the home page shows.
const HOME_LATEST: usize = 6;
/// How many featured cases the home page shows.
const HOME_FEATURED: usize = 6;
/// The theme template that draws a case's typographic cover; a theme without it draws none.
pub const COVER_TEMPLATE: &str = "cover.svg";
/// The file name of a case's typographic cover, beside its page.
const COVER_FILE: &str = "case-cover.svg";

/// One file to produce.
#[derive(Debug, Clone, Copy)]
pub enum Job {
    /// A page (a case or any other page).
    Page(usize),
    /// One page of a section's list (1-based), in the section doc's language.
    List { section: usize, number: usize },
    /// The home page of a language.
    Home { lang: usize },
    /// One page of the list of every case, where no section stands in for it.
    Catalogue { lang: usize, number: usize },
    /// The data the catalogue's filters load: every case with its terms and card.
    FilterData { lang: usize },
    /// A taxonomy's overview: its terms and how many cases each has.
    Taxonomy { tax: usize, lang: usize },
    /// One page of a term's list.
    Term {
        tax: usize,
        term: usize,
        lang: usize,
        number: usize,
    },
    /// The plan's targets and how far the cases have got.
    Progress { lang: usize },
    /// The search page (its index is written by `search`).
    Search { lang: usize },
    /// The site map for readers: every section, page and taxonomy.
    SiteMap { lang: usize },
    /// A redirect from an old path (the doc's alias number) to the doc.
    Alias { doc: usize, alias: usize },
    /// An untranslated page of the default language shown in another language, with a
    /// notice (its language's `fallback = "notice"`).
    Fallback { doc: usize, lang: usize },
    /// The typographic cover the theme draws for a case that has no cover image.
    Cover { doc: usize },
    /// A language's 404 page (the default language's at `/404.html`).
    NotFound { lang: usize },
    /// A case's WeChat article (see [`wechat`]).
    WeChat { doc: usize },
    /// A language's Atom feed (see [`feeds`]).
    Feed { lang: usize },
    /// The Atom feed of a section that lists cases, beside its list.
    SectionFeed { section: usize },
    /// The Atom feed of a term in a language, beside its list.
    TermFeed { tax: usize, term: usize, lang: usize },
}

/// One rendered file.
pub struct Output {
    /// Its site path: `/en/cases/a/` (index.html implied) or `/404.html`.
    pub path: String,
    /// The file's bytes (UTF-8 text).
    pub text: Vec<u8>,
    /// The language whose page count it adds to, if it is an HTML page.
    pub lang: Option<usize>,
    /// The hash of what it was made from; `None` if that could not be hashed.
    pub key: Option<u64>,
}

/// A file's path and key, for [`Renderer::key`].
pub struct Keyed {
    pub path: String,
    pub key: Option<u64>,
    pub lang: Option<usize>,
}

/// Whether a job is rendered, rendered and keyed, or only keyed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Render,
    RenderKeyed,
    Key,
}

/// What a job made: the text only when rendering.
struct Made {
    path: String,
    key: Option<u64>,
    /// The file's bytes, when rendering: UTF-8 text, kept as bytes from the
    /// template engine to the file (checking them again cost 3 % of a build).
    text: Option<Vec<u8>>,
    lang: Option<usize>,
}

/// What a renderer renders from: the stages of a site.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    pub config: &'a Config,
    pub library: &'a Library,
    /// Each doc's rendered Markdown, indexed like the library's docs.
    pub rendered: &'a [Rendered],
    /// Each doc's cover image, indexed like the library's docs.
    pub covers: &'a [Option<Cover>],
    pub catalogue: &'a Catalogue,
    pub theme: &'a Theme,
}

/// The renderer: what every job reads.
pub struct Renderer<'a> {
    config: &'a Config,
    library: &'a Library,
    /// Each doc's rendered Markdown, indexed like the library's docs.
    rendered: &'a [Rendered],
    /// Each doc's cover image, indexed like the library's docs.
    covers: &'a [Option<Cover>],
    catalogue: &'a Catalogue,
    theme: &'a Theme,
    /// Section doc → the pages its list shows, in order; computed once.
    lists: HashMap<usize, Vec<usize>>,
    /// Per language: the section that is the catalogue, if there is one.
    catalogue_section: Vec<Option<usize>>,
    /// Per language: the footer's links (found once: finding one searches every doc).
    footer: Vec<Vec<MenuItem<'a>>>,
    /// Each doc's place among its section's pages (`Library::pages_of`), for its
    /// neighbours: looking it up there took a section's length for every page.
    place: Vec<Option<usize>>,
    /// Per taxonomy of the catalogue and language: its terms that have pages there.
    listed_terms: Vec<Vec<Vec<usize>>>,
    /// Each doc's card in each language, hashed once (see [`Cards`]): indexed by doc
    /// and then language.
    card_keys: Vec<std::sync::OnceLock<u64>>,
    /// Per language: the hash of the chrome its pages share (see `chrome_key`), made once.
    chrome_keys: Vec<std::sync::OnceLock<Option<u64>>>,
    /// Each doc's page view in each language, hashed once: a case's page and its
    /// WeChat article show the same view. Indexed like `card_keys`.
    page_keys: Vec<std::sync::OnceLock<Option<u64>>>,
    /// The theme's `wechat.css`, rendered once for every article.
    wechat_css: std::sync::OnceLock<Result<String, Diagnostic>>,
}

/// The most terms a term page's navigation lists: with more, it lists those
/// nearest the page's own term, and the taxonomy's overview lists them all.
/// Listing every term on every term page would cost the square of their number.
pub const TERM_NAV_TERMS: usize = 100;

impl<'a> Renderer<'a> {
    pub fn new(sources: Sources<'a>) -> Self {
        let Sources {
            config,
            library,
            rendered,
            covers,
            catalogue,
            theme,
        } = sources;
        let catalogue_section: Vec<Option<usize>> = (0..config.languages.len())
            .map(|lang| {
                library
                    .translations
                    .get(&config.catalogue.key)
                    .and_then(|v| v[lang])
                    .filter(|&d| library.docs[d].kind == DocKind::Section)
            })
            .collect();
        let sections: Vec<usize> = (0..library.docs.len())
            .filter(|&i| library.docs[i].kind == DocKind::Section)
            .collect();
        let lists = sections
            .par_iter()
            .map(|&s| {
                let doc = &library.docs[s];
                let list = if catalogue_section[doc.lang] == Some(s) {
                    catalogue.cases[doc.lang].clone()
                } else {
                    list_items(config, library, s)
                };
                (s, list)
            })
            .collect();
        let mut place = vec![None; library.docs.len()];
        for siblings in library.pages_of.values() {
            for (at, &d) in siblings.iter().enumerate() {
                place[d] = Some(at);
            }
        }
        let listed_terms = catalogue
            .taxonomies
            .iter()
            .map(|tax| {
                (0..config.languages.len())
                    .map(|lang| {
                        (0..tax.terms.len())
                            .filter(|&i| !tax.terms[i].pages[lang].is_empty())
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let mut renderer = Renderer {
            config,
            library,
            rendered,
            covers,
            catalogue,
            theme,
            lists,
            catalogue_section,
            footer: Vec::new(),
            place,
            listed_terms,
            card_keys: (0..library.docs.len() * config.languages.len())
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            chrome_keys: (0..config.languages.len())
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            page_keys: (0..library.docs.len() * config.languages.len())
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            wechat_css: std::sync::OnceLock::new(),
        };
        renderer.footer = (0..config.languages.len())
            .map(|lang| {
                config
                    .footer_links
                    .iter()
                    .filter_map(|l| renderer.footer_link(l, lang))
                    .collect()
            })
            .collect();
        renderer
    }

    /// Every file of the site, in a stable order.
    pub fn plan(&self) -> Vec<Job> {
        let mut jobs = Vec::new();
        let per_page = self.config.paginate_by;
        for lang in 0..self.config.languages.len() {
            jobs.push(Job::Home { lang });
            if self.catalogue_section[lang].is_none() {
                let pages = pages_for(self.catalogue.cases[lang].len(), per_page);
                jobs.extend((1..=pages).map(|number| Job::Catalogue { lang, number }));
            }
            jobs.push(Job::FilterData { lang });
            for (t, tax) in self.catalogue.taxonomies.iter().enumerate() {
                if tax.terms.iter().all(|term| term.pages[lang].is_empty()) {
                    continue;
                }
                jobs.push(Job::Taxonomy { tax: t, lang });
                for (i, term) in tax.terms.iter().enumerate() {
                    if !term.pages[lang].is_empty() {
                        let pages = pages_for(term.pages[lang].len(), per_page);
                        jobs.extend((1..=pages).map(|number| Job::Term {
                            tax: t,
                            term: i,
                            lang,
                            number,
                        }));
                    }
                }
            }
            if !self.config.targets.is_empty() {
                jobs.push(Job::Progress { lang });
            }
            jobs.push(Job::Search { lang });
            jobs.push(Job::SiteMap { lang });
            jobs.extend(self.feed_jobs(lang));
        }
        for (i, doc) in self.library.docs.iter().enumerate() {
            jobs.extend((0..doc.fm.aliases.len()).map(|alias| Job::Alias { doc: i, alias }));
            match doc.kind {
                DocKind::Page => {
                    jobs.push(Job::Page(i));
                    if self.cover_art_path(doc).is_some() {
                        jobs.push(Job::Cover { doc: i });
                    }
                    jobs.extend(wechat::has_article(self.theme, doc).then_some(Job::WeChat { doc: i }));
                    jobs.extend(
                        (0..doc.fallbacks.len())
                            .filter(|&lang| doc.fallbacks[lang].is_some())
                            .map(|lang| Job::Fallback { doc: i, lang }),
                    );
                }
                DocKind::Section if !doc.is_home() => {
                    for number in 1..=self.list_pages(i) {
                        jobs.push(Job::List { section: i, number });
                    }
                }
                DocKind::Section => {}
            }
        }
        jobs.extend((0..self.config.languages.len()).map(|lang| Job::NotFound { lang }));
        jobs
    }

    /// Content pages whose address a generated page (catalogue, taxonomy, progress) takes.
    pub fn check_paths(&self) -> Vec<Diagnostic> {
        let mut generated: Vec<(String, String)> = Vec::new();
        for lang in 0..self.config.languages.len() {
            if self.catalogue_section[lang].is_none() {
                generated.push((
                    self.catalogue_path(lang),
                    "the list of every case (the catalogue in site.toml)".into(),
                ));
            }
            for tax in &self.catalogue.taxonomies {
                generated.push((
                    self.taxonomy_path(&tax.name, lang),
                    format!("the {} taxonomy's pages", tax.name),
                ));
            }
            if !self.config.targets.is_empty() {
                generated.push((
                    self.progress_path(lang),
                    "the progress page of the targets in site.toml".into(),
                ));
            }
            generated.push((self.search_path(lang), "the search page and its index".into()));
            generated.push((self.sitemap_path(lang), "the site map".into()));
        }
        let mut errors = Vec::new();
        for link in &self.config.footer_links {
            if self.footer_link(link, 0).is_none() {
                errors.push(Diagnostic::file_error(
                    crate::content::display_path(self.config, crate::config::CONFIG_FILE),
                    format!("footer_links names {link}, which is not a page in content/; correct the path"),
                ));
            }
        }
        for doc in &self.library.docs {
            for (path, what) in &generated {
                if doc.path.starts_with(path.as_str()) && doc.path.len() >= path.len() {
                    errors.push(Diagnostic::file_error(
                        doc.source.clone(),
                        format!(
                            "this page's address {} is taken by {what}; move the file or set slug: to another name",
                            doc.path
                        ),
                    ));
                    break;
                }
            }
        }
        errors
    }

    /// Renders a job (without a key).
    pub fn render(&self, job: Job) -> Result<Output, Diagnostic> {
        self.output(job, Mode::Render)
    }

    /// Renders a job with its key: a hash of all the page is made from (see [`Ctx`]).
    pub fn render_keyed(&self, job: Job) -> Result<Output, Diagnostic> {
        self.output(job, Mode::RenderKeyed)
    }

    fn output(&self, job: Job, mode: Mode) -> Result<Output, Diagnostic> {
        let made = self.run(job, mode)?;
        Ok(Output {
            path: made.path,
            text: made.text.unwrap_or_default(),
            lang: made.lang,
            key: made.key,
        })
    }

    /// A job's path and key, without rendering it: what a build compares with the
    /// keys of the pages it made last time, to keep those that are the same.
    pub fn key(&self, job: Job) -> Result<Keyed, Diagnostic> {
        let made = self.run(job, Mode::Key)?;
        Ok(Keyed {
            path: made.path,
            key: made.key,
            lang: made.lang,
        })
    }

    fn run(&self, job: Job, mode: Mode) -> Result<Made, Diagnostic> {
        match job {
            Job::Page(doc) => self.page(mode, doc, self.library.docs[doc].lang),
            Job::Fallback { doc, lang } => self.page(mode, doc, lang),
            Job::List { section, number } => self.list(mode, section, number),
            Job::Home { lang } => self.home(mode, lang),
            Job::Catalogue { lang, number } => self.generated_catalogue(mode, lang, number),
            Job::FilterData { lang } => self.filter_data(mode, lang),
            Job::Taxonomy { tax, lang } => self.taxonomy(mode, tax, lang),
            Job::Term {
                tax,
                term,
                lang,
                number,
            } => self.term(mode, tax, term, lang, number),
            Job::Progress { lang } => self.progress(mode, lang),
            Job::Search { lang } => self.search(mode, lang),
            Job::SiteMap { lang } => self.site_map(mode, lang),
            Job::Alias { doc, alias } => Ok(self.alias(mode, doc, alias)),
            Job::Cover { doc } => self.cover(mode, doc),
            Job::NotFound { lang } => self.not_found(mode, lang),
            Job::WeChat { doc } => self.wechat(mode, doc),
            Job::Feed { lang } => self.feed(mode, self.site_feed(lang)),
            Job::SectionFeed { section } => self.feed(mode, self.section_feed(section)),
            Job::TermFeed { tax, term, lang } => self.feed(mode, self.term_feed(tax, term, lang)),
        }
    }

    /// The hash of doc `d`'s card in a list of language `lang`, made once.
    fn card_key(&self, d: usize, lang: usize) -> u64 {
        *self.card_keys[d * self.config.languages.len() + lang].get_or_init(|| {
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            // A card that cannot be hashed gets a key no other card has: its pages are
            // then kept only while it is the same card of the same doc, as it was.
            if !crate::cache::hash_value(&mut h, &Card::new(self, d, lang)) {
                return u64::MAX - d as u64;
            }
            h.digest()
        })
    }

    /// The hash of doc `d`'s page view in language `lang` (`None` if it cannot
    /// be hashed), made once: of `made` when the caller has made the view.
    fn page_key(&self, d: usize, lang: usize, made: Option<&views::PageView<'_>>) -> Option<u64> {
        *self.page_keys[d * self.config.languages.len() + lang].get_or_init(|| {
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            let hashed = match made {
                Some(view) => crate::cache::hash_value(&mut h, view),
                None => crate::cache::hash_value(&mut h, &views::PageView::new(self, d, lang)),
            };
            hashed.then(|| h.digest())
        })
    }

    /// A doc's summary: its front matter's, or else its first paragraph.
    fn summary(&self, d: usize) -> &'a str {
        self.rendered[d].summary(&self.library.docs[d])
    }

    // ---- addresses of generated pages ----

    fn prefix(&self, lang: usize) -> &str {
        &self.config.languages[lang].url_prefix
    }

    fn catalogue_path(&self, lang: usize) -> String {
        match self.catalogue_section[lang] {
            Some(s) => self.library.docs[s].path.clone(),
            None => format!("{}/{}/", self.prefix(lang), self.config.catalogue.key),
        }
    }

    fn taxonomy_path(&self, name: &str, lang: usize) -> String {
        format!("{}/{name}/", self.prefix(lang))
    }

    fn term_path(&self, name: &str, term: &str, lang: usize) -> String {
        format!("{}/{name}/{term}/", self.prefix(lang))
    }

    fn progress_path(&self, lang: usize) -> String {
        format!("{}/progress/", self.prefix(lang))
    }

    fn sitemap_path(&self, lang: usize) -> String {
        format!("{}/sitemap/", self.prefix(lang))
    }

    /// A footer link's page in a language (the original where it has no translation).
    fn footer_link(&self, content_path: &str, lang: usize) -> Option<MenuItem<'a>> {
        let neutral = crate::content::neutral_path(content_path, self.config);
        let doc = self
            .library
            .docs
            .iter()
            .find(|d| crate::content::neutral_path(&d.rel, self.config) == neutral)?;
        let d = &self.library.docs[self.library.version(&doc.key, lang)?];
        Some(MenuItem {
            title: d.fm.title.as_str().into(),
            url: self.config.link(&d.path),
            current: false,
            active: false,
            external: false,
        })
    }

    fn search_path(&self, lang: usize) -> String {
        format!("{}/search/", self.prefix(lang))
    }
}

/// The page numbers a paginator shows: the first, the last, and two either side of
/// the current one; `None` where numbers are left out. A list of hundreds of pages
/// would otherwise repeat hundreds of links on each of them.
fn page_window(current: usize, total: usize) -> Vec<Option<usize>> {
    let mut shown = Vec::new();
    for n in 1..=total {
        let near = n + 2 >= current && n <= current + 2;
        if n == 1 || n == total || near {
            if shown
                .last()
                .is_some_and(|last: &Option<usize>| last.is_some_and(|l| l + 1 < n))
            {
                shown.push(None);
            }
            shown.push(Some(n));
        } else if n > current + 2 {
            // Jump to the last page: nothing between is shown.
            if shown.last().is_some_and(|l| l.is_some()) {
                shown.push(None);
            }
            shown.push(Some(total));
            break;
        }
    }
    shown
}

/// How many list pages `items` entries fill (at least one).
fn pages_for(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page).max(1)
}

/// A section's pages in its language, with untranslated ones of the default language
/// where the language's fallback is `notice`; in listing order.
fn list_items(config: &Config, library: &Library, section: usize) -> Vec<usize> {
    let doc = &library.docs[section];
    let mut items: Vec<usize> = library.pages_of.get(&section).cloned().unwrap_or_default();
    let fallback = doc.lang != 0 && config.languages[doc.lang].fallback == Fallback::Notice;
    if fallback && let Some(original) = library.translations[&doc.key][0] {
        for &p in library.pages_of.get(&original).map_or(&[][..], Vec::as_slice) {
            if library.translations[&library.docs[p].key][doc.lang].is_none() {
                items.push(p);
            }
        }
        items.sort_by(|&a, &b| crate::content::listing_order(&library.docs[a], &library.docs[b]));
    }
    items
}

/// `/cases/` page 1 → `/cases/`; page 3 → `/cases/page/3/`.
pub fn list_path(section_path: &str, number: usize) -> String {
    if number <= 1 {
        section_path.to_string()
    } else {
        format!("{section_path}page/{number}/")
    }
}

/// The Open Graph locale of a language tag: `zh-CN` → `zh_CN`.
pub fn og_locale(tag: &str) -> String {
    tag.replace('-', "_")
}

/// Formats a date in a language's format.
pub fn format_date(date: jiff::civil::Date, format: &str) -> String {
    jiff::fmt::strtime::format(format, date).unwrap_or_else(|_| date.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_shows_a_window() {
        let w = |c, t| {
            page_window(c, t)
                .iter()
                .map(|n| n.map_or("…".to_string(), |n| n.to_string()))
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(w(1, 3), "1 2 3");
        assert_eq!(w(1, 500), "1 2 3 … 500");
        assert_eq!(w(250, 500), "1 … 248 249 250 251 252 … 500");
        assert_eq!(w(500, 500), "1 … 498 499 500");
        assert_eq!(w(4, 9), "1 2 3 4 5 6 … 9");
        assert_eq!(w(1, 1), "1");
    }

    #[test]
    fn og_locales() {
        assert_eq!(og_locale("zh-CN"), "zh_CN");
        assert_eq!(og_locale("en"), "en");
    }

    #[test]
    fn list_paths() {
        assert_eq!(list_path("/cases/", 1), "/cases/");
        assert_eq!(list_path("/en/cases/", 3), "/en/cases/page/3/");
    }
}
