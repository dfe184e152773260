//! From the library to files: plan the jobs, render each with Tera.
//!
//! A [`Job`] is one HTML file to produce. Rendering a job is a pure function
//! of the library, the config and the theme; the caller decides where the
//! bytes go. Views are typed structs serialised into the template context.
//! The renderer also says which jobs are public pages, for the sitemap, with
//! the same hreflang alternates as the pages' own `<link>` tags.

mod cover;
mod views;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rayon::prelude::*;

use crate::config::{Config, Fallback};
use crate::content::taxonomy::{self, Catalogue};
use crate::content::{Doc, DocKind, Library};
use crate::diagnostics::Diagnostic;
use crate::output::feed::{feed_path, last_change};
use crate::output::sitemap;
use crate::templates::Theme;
use views::{
    Alternate, Card, Common, Crumb, LangLink, MenuItem, PageLink, PageView, Paginator, SectionLink, SectionView,
    ShareView,
};

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
}

/// One rendered file.
pub struct Output {
    /// Its site path: `/en/cases/a/` (index.html implied) or `/404.html`.
    pub path: String,
    pub text: String,
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
    text: Option<String>,
    lang: Option<usize>,
}

/// A template's context as a job builds it, and a hash of everything put in it.
///
/// A page is a function of its template, the theme and this context alone: the
/// template functions read only the theme's UI strings, its asset links and the
/// base path, which [`Theme::fingerprint`] covers. So the same key under the same
/// theme fingerprint makes the same bytes, and a build can keep a page it made
/// before without rendering it. Views serialise the same way into the hash (as
/// JSON) as into the context; in [`Mode::Key`] the context is not built at all.
struct Ctx {
    context: Option<tera::Context>,
    hasher: xxhash_rust::xxh3::Xxh3,
    /// False when no key is wanted, or once a value could not be hashed (the page
    /// is then always rendered).
    hashable: bool,
}

impl Ctx {
    fn new(mode: Mode, path: &str) -> Ctx {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let hashable = mode != Mode::Render && crate::cache::hash_value(&mut hasher, path);
        Ctx {
            context: (mode != Mode::Key).then(tera::Context::new),
            hasher,
            hashable,
        }
    }

    fn rendering(&self) -> bool {
        self.context.is_some()
    }

    fn insert<T: serde::Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.hashable = self.hashable
            && crate::cache::hash_value(&mut self.hasher, key)
            && crate::cache::hash_value(&mut self.hasher, value);
        if let Some(context) = &mut self.context {
            context.insert(key, value);
        }
    }

    /// Inserts each field of a struct.
    fn extend<T: serde::Serialize>(&mut self, value: &T) -> Result<(), Diagnostic> {
        self.hashable = self.hashable && crate::cache::hash_value(&mut self.hasher, value);
        if let Some(context) = &mut self.context {
            let fields =
                tera::Context::from_serialize(value).map_err(|e| Diagnostic::file_error("templates", e.to_string()))?;
            context.extend(fields);
        }
        Ok(())
    }

    fn key(&self) -> Option<u64> {
        self.hashable.then(|| self.hasher.digest())
    }

    /// The key, and the template rendered with the context when rendering.
    fn render(
        mut self,
        theme: &Theme,
        template: &str,
        source: &Path,
    ) -> Result<(Option<u64>, Option<String>), Diagnostic> {
        self.hashable = self.hashable && crate::cache::hash_value(&mut self.hasher, template);
        let text = match &self.context {
            Some(context) => Some(theme.render(template, context, source)?),
            None => None,
        };
        Ok((self.key(), text))
    }

    fn finish(
        self,
        theme: &Theme,
        template: &str,
        source: &Path,
        path: String,
        lang: Option<usize>,
    ) -> Result<Made, Diagnostic> {
        let (key, text) = self.render(theme, template, source)?;
        Ok(Made { path, key, text, lang })
    }
}

/// The renderer: what every job reads.
pub struct Renderer<'a> {
    config: &'a Config,
    library: &'a Library,
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
}

/// The most terms a term page's navigation lists: with more, it lists those
/// nearest the page's own term, and the taxonomy's overview lists them all.
/// Listing every term on every term page would cost the square of their number.
pub const TERM_NAV_TERMS: usize = 100;

impl<'a> Renderer<'a> {
    pub fn new(config: &'a Config, library: &'a Library, catalogue: &'a Catalogue, theme: &'a Theme) -> Self {
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
            catalogue,
            theme,
            lists,
            catalogue_section,
            footer: Vec::new(),
            place,
            listed_terms,
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
        }
        for (i, doc) in self.library.docs.iter().enumerate() {
            jobs.extend((0..doc.fm.aliases.len()).map(|alias| Job::Alias { doc: i, alias }));
            match doc.kind {
                DocKind::Page => {
                    jobs.push(Job::Page(i));
                    if self.cover_art_path(doc).is_some() {
                        jobs.push(Job::Cover { doc: i });
                    }
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
        }
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
        let versions = &self.library.translations[&doc.key];
        let d = &self.library.docs[versions[lang]
            .or(versions[0])
            .unwrap_or(versions.iter().flatten().next().copied()?)];
        Some(MenuItem {
            title: d.fm.title.as_str().into(),
            url: self.config.link(&d.path),
            current: false,
            active: false,
        })
    }

    fn search_path(&self, lang: usize) -> String {
        format!("{}/search/", self.prefix(lang))
    }

    // ---- the jobs ----

    /// A page in its own language, or (`lang` another language) its fallback page: the
    /// original's text under that language's navigation, with a notice, its canonical
    /// address the original's, and no hreflang alternate claiming a translation.
    fn page(&self, mode: Mode, i: usize, lang: usize) -> Result<Made, Diagnostic> {
        let doc = &self.library.docs[i];
        let fallback = lang != doc.lang;
        let path = if fallback {
            doc.fallbacks[lang].clone().unwrap_or_default()
        } else {
            doc.path.clone()
        };
        let versions = self.doc_versions(&doc.key, 1);
        let stand_ins: Vec<Option<String>> = (0..self.config.languages.len())
            .map(|l| match versions[l] {
                None => doc.fallbacks.get(l).cloned().flatten(),
                Some(_) => None,
            })
            .collect();
        let canonical = if fallback { &doc.path } else { &path };
        let crumbs = self.crumbs(doc, lang);
        let mut ctx = self.common_at(mode, lang, &versions, &stand_ins, Some(i), &crumbs, &path, canonical)?;
        ctx.insert("page", &PageView::new(self, doc, lang));
        let parent = doc.parent.and_then(|p| match fallback {
            false => Some(p),
            true => self.library.translations[&self.library.docs[p].key][lang],
        });
        ctx.insert("section", &parent.map(|p| self.link_of(p)));
        let (previous, next) = match (fallback, parent.and_then(|p| self.library.pages_of.get(&p))) {
            (false, Some(siblings)) => {
                let at = self.place[i].filter(|&at| siblings.get(at) == Some(&i));
                let neighbour = |j: Option<usize>| j.and_then(|j| siblings.get(j)).map(|&d| self.link_of(d));
                (
                    neighbour(at.and_then(|a| a.checked_sub(1))),
                    neighbour(at.map(|a| a + 1)),
                )
            }
            _ => (None, None),
        };
        ctx.insert("previous", &previous);
        ctx.insert("next", &next);
        // Related cases in this page's language: their translations, or their fallback pages.
        let related: Vec<Card<'_>> = self
            .catalogue
            .related
            .get(&i)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(|&d| {
                let other = &self.library.docs[d];
                match self.library.translations[&other.key][lang] {
                    Some(t) => Some(&self.library.docs[t]),
                    None => (other.lang == lang || other.fallbacks[lang].is_some()).then_some(other),
                }
            })
            .map(|d| Card::new(self, d, lang))
            .collect();
        ctx.insert("related", &related);
        ctx.finish(self.theme, "page.html", &doc.source, path, Some(lang))
    }

    fn list(&self, mode: Mode, i: usize, number: usize) -> Result<Made, Diagnostic> {
        let doc = &self.library.docs[i];
        let path = list_path(&doc.path, number);
        let mut ctx = self.common(
            mode,
            doc.lang,
            &self.doc_versions(&doc.key, number),
            Some(i),
            &self.crumbs(doc, doc.lang),
            &path,
        )?;
        ctx.insert("section", &SectionView::new(self, doc, number == 1));
        self.insert_list(&mut ctx, self.list_items(i), &doc.path, number, doc.lang);
        ctx.insert("subsections", &self.subsections(i));
        if self.catalogue_section[doc.lang] == Some(i) {
            self.insert_filters(&mut ctx, doc.lang);
        }
        ctx.finish(self.theme, "section.html", &doc.source, path, Some(doc.lang))
    }

    fn generated_catalogue(&self, mode: Mode, lang: usize, number: usize) -> Result<Made, Diagnostic> {
        let base = self.catalogue_path(lang);
        let path = list_path(&base, number);
        let versions: Vec<Option<String>> = (0..self.config.languages.len())
            .map(|l| {
                let pages = pages_for(self.catalogue.cases[l].len(), self.config.paginate_by);
                (pages >= number).then(|| list_path(&self.catalogue_path(l), number))
            })
            .collect();
        let title = self.catalogue_title(lang);
        let crumbs = [
            self.home_crumb(lang),
            Crumb {
                title: title.clone().into(),
                url: None,
                lang: None,
            },
        ];
        let mut ctx = self.common(mode, lang, &versions, None, &crumbs, &path)?;
        ctx.insert("section", &SectionView::bare(title.into(), self.config.link(&base)));
        self.insert_list(&mut ctx, &self.catalogue.cases[lang], &base, number, lang);
        ctx.insert("subsections", &Vec::<SectionLink<'_>>::new());
        self.insert_filters(&mut ctx, lang);
        ctx.finish(self.theme, "section.html", Path::new("site.toml"), path, Some(lang))
    }

    /// JSON for the catalogue's filters: every case's terms and its card, in list order.
    fn filter_data(&self, mode: Mode, lang: usize) -> Result<Made, Diagnostic> {
        #[derive(serde::Serialize)]
        struct Entry<'e> {
            terms: BTreeMap<&'e str, Vec<String>>,
            html: String,
        }
        let path = format!("{}cases.json", self.catalogue_path(lang));
        // The file's key is made of its entries' terms and their cards' keys.
        let mut ctx = Ctx::new(mode, &path);
        let mut entries = Vec::with_capacity(if ctx.rendering() {
            self.catalogue.cases[lang].len()
        } else {
            0
        });
        let language = &self.config.languages[lang];
        for &d in &self.catalogue.cases[lang] {
            let doc = &self.library.docs[d];
            let mut terms: BTreeMap<&str, Vec<String>> = BTreeMap::new();
            for (tax, term) in taxonomy::terms_of(doc) {
                terms.entry(tax).or_default().push(term);
            }
            let mut card = Ctx::new(mode, "");
            card.insert("lang", &language.code);
            card.insert("lang_tag", &language.tag);
            card.insert("p", &Card::new(self, doc, lang));
            let (key, html) = card.render(self.theme, "partials/card.html", &doc.source)?;
            ctx.insert("terms", &terms);
            ctx.insert("card", &key);
            if let Some(html) = html {
                entries.push(Entry { terms, html });
            }
        }
        let text = match ctx.rendering() {
            true => Some(
                serde_json::to_string(&serde_json::json!({ "cases": entries }))
                    .map_err(|e| Diagnostic::file_error("site.toml", e.to_string()))?,
            ),
            false => None,
        };
        Ok(Made {
            key: ctx.key(),
            path,
            text,
            lang: None,
        })
    }

    fn taxonomy(&self, mode: Mode, t: usize, lang: usize) -> Result<Made, Diagnostic> {
        let tax = &self.catalogue.taxonomies[t];
        let path = self.taxonomy_path(&tax.name, lang);
        let versions = self.taxonomy_versions(t, None, 1);
        let view = self.taxonomy_links(t, lang, None);
        let crumbs = [
            self.home_crumb(lang),
            Crumb {
                title: view.label.clone(),
                url: None,
                lang: None,
            },
        ];
        let mut ctx = self.common(mode, lang, &versions, None, &crumbs, &path)?;
        ctx.insert("taxonomy", &view);
        ctx.finish(self.theme, "taxonomy.html", Path::new("site.toml"), path, Some(lang))
    }

    fn term(&self, mode: Mode, t: usize, i: usize, lang: usize, number: usize) -> Result<Made, Diagnostic> {
        let tax = &self.catalogue.taxonomies[t];
        let term = &tax.terms[i];
        let base = self.term_path(&tax.name, &term.key, lang);
        let path = list_path(&base, number);
        let versions = self.taxonomy_versions(t, Some(i), number);
        let view = self.taxonomy_links(t, lang, Some(i));
        let label = self.term_label(t, i, lang);
        let crumbs = [
            self.home_crumb(lang),
            Crumb {
                title: view.label.clone(),
                url: view.url.clone(),
                lang: None,
            },
            Crumb {
                title: label.clone(),
                url: None,
                lang: None,
            },
        ];
        let mut ctx = self.common(mode, lang, &versions, None, &crumbs, &path)?;
        ctx.insert("taxonomy", &view);
        ctx.insert(
            "term",
            &views::TermLink {
                key: &term.key,
                index: i,
                label,
                url: Some(self.config.link(&base)),
                count: term.pages[lang].len(),
                current: true,
            },
        );
        self.insert_list(&mut ctx, &term.pages[lang], &base, number, lang);
        ctx.finish(self.theme, "term.html", Path::new("site.toml"), path, Some(lang))
    }

    fn progress(&self, mode: Mode, lang: usize) -> Result<Made, Diagnostic> {
        let (path, mut ctx) = self.one_page(mode, lang, Self::progress_path, "progress_title")?;
        let targets = self.targets(lang);
        ctx.insert("chart", &views::Chart::new(&targets));
        ctx.insert("targets", &targets);
        ctx.finish(self.theme, "progress.html", Path::new("site.toml"), path, Some(lang))
    }

    /// The plan's targets with the cases each counts, in language `lang`.
    fn targets(&self, lang: usize) -> Vec<views::TargetView<'a>> {
        self.config
            .targets
            .iter()
            .zip(&self.catalogue.targets)
            .map(|(target, keys)| {
                let cases = keys
                    .iter()
                    .filter_map(|key| {
                        let v = &self.library.translations[key];
                        v[lang].or(v[0]).or_else(|| v.iter().flatten().next().copied())
                    })
                    .map(|d| Card::new(self, &self.library.docs[d], lang))
                    .collect();
                views::TargetView::new(&target.labels[lang], target.goal, target.year, cases)
            })
            .collect()
    }

    fn home(&self, mode: Mode, lang: usize) -> Result<Made, Diagnostic> {
        let home = self.library.home(lang);
        let language = &self.config.languages[lang];
        let path = format!("{}/", language.url_prefix);
        let versions: Vec<Option<String>> = self
            .config
            .languages
            .iter()
            .map(|l| Some(format!("{}/", l.url_prefix)))
            .collect();
        let mut ctx = self.common(mode, lang, &versions, home, &[], &path)?;
        let section = match home {
            Some(h) => SectionView::new(self, &self.library.docs[h], true),
            None => SectionView::bare(language.title.as_str().into(), self.config.link(&path)),
        };
        ctx.insert("section", &section);
        // The featured cases by weight (newest first among equals), then the newest
        // of the rest, translated or shown with a notice.
        let cases = &self.catalogue.cases[lang];
        let docs = &self.library.docs;
        let mut featured: Vec<usize> = cases.iter().copied().filter(|&d| docs[d].fm.featured).collect();
        featured.sort_by_key(|&d| docs[d].fm.weight.unwrap_or(i64::MAX));
        featured.truncate(HOME_FEATURED);
        let card = |&d: &usize| Card::new(self, &docs[d], lang);
        let latest: Vec<Card<'_>> = cases
            .iter()
            .filter(|d| !featured.contains(d))
            .take(HOME_LATEST)
            .map(card)
            .collect();
        ctx.insert("featured", &featured.iter().map(card).collect::<Vec<_>>());
        ctx.insert("latest", &latest);
        let kinds = self
            .catalogue
            .taxonomies
            .iter()
            .position(|t| t.name == "kind")
            .map(|t| self.taxonomy_links(t, lang, None));
        ctx.insert("kinds", &kinds);
        ctx.insert("targets", &self.targets(lang));
        ctx.insert("catalogue_url", &self.config.link(&self.catalogue_path(lang)));
        ctx.insert(
            "progress_url",
            &(!self.config.targets.is_empty()).then(|| self.config.link(&self.progress_path(lang))),
        );
        ctx.insert("sections", &home.map(|h| self.subsections(h)).unwrap_or_default());
        ctx.insert("case_count", &cases.len());
        ctx.insert("casebook_url", &crate::casebook::home_link(self.config, lang));
        let source = home.map_or_else(
            || Path::new("content/_index.md").to_path_buf(),
            |h| self.library.docs[h].source.clone(),
        );
        ctx.finish(self.theme, "index.html", &source, path, Some(lang))
    }

    fn search(&self, mode: Mode, lang: usize) -> Result<Made, Diagnostic> {
        let (path, mut ctx) = self.one_page(mode, lang, Self::search_path, "search_title")?;
        ctx.insert("search_index", &self.config.link(&path));
        ctx.finish(self.theme, "search.html", Path::new("site.toml"), path, Some(lang))
    }

    /// Every section with its pages, the catalogue, the taxonomies, the progress and search pages.
    fn site_map(&self, mode: Mode, lang: usize) -> Result<Made, Diagnostic> {
        let (path, mut ctx) = self.one_page(mode, lang, Self::sitemap_path, "sitemap_title")?;
        let sections: Vec<views::SiteMapSection<'_>> = self
            .library
            .home(lang)
            .and_then(|h| self.library.sections_of.get(&h))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&s| views::SiteMapSection {
                link: self.link_of(s),
                pages: self
                    .library
                    .pages_of
                    .get(&s)
                    .map_or(&[][..], Vec::as_slice)
                    .iter()
                    .map(|&p| self.link_of(p))
                    .collect(),
            })
            .collect();
        let top: Vec<SectionLink<'_>> = self
            .library
            .home(lang)
            .and_then(|h| self.library.pages_of.get(&h))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&p| self.link_of(p))
            .collect();
        ctx.insert("sections", &sections);
        ctx.insert("top_pages", &top);
        ctx.finish(self.theme, "sitemap.html", Path::new("site.toml"), path, Some(lang))
    }

    /// The address and context of a page there is one of per language (progress,
    /// search, site map), titled by a UI string, under the home page.
    fn one_page(
        &self,
        mode: Mode,
        lang: usize,
        path_of: fn(&Self, usize) -> String,
        title_key: &str,
    ) -> Result<(String, Ctx), Diagnostic> {
        let path = path_of(self, lang);
        let versions: Vec<Option<String>> = (0..self.config.languages.len())
            .map(|l| Some(path_of(self, l)))
            .collect();
        let title = self.theme.string(&self.config.languages[lang].code, title_key);
        let crumbs = [
            self.home_crumb(lang),
            Crumb {
                title: title.into(),
                url: None,
                lang: None,
            },
        ];
        let ctx = self.common(mode, lang, &versions, None, &crumbs, &path)?;
        Ok((path, ctx))
    }

    /// A small page that sends readers and search engines on to the page's address.
    fn alias(&self, mode: Mode, i: usize, alias: usize) -> Made {
        let doc = &self.library.docs[i];
        let esc = crate::markdown::highlight::escape_attr;
        let (link, permalink) = (
            esc(&self.config.link(&doc.path)),
            esc(&self.config.permalink(&doc.path)),
        );
        let title = esc(&doc.fm.title);
        let tag = &self.config.languages[doc.lang].tag;
        let text = format!(
            "<!DOCTYPE html>\n<html lang=\"{tag}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
             <link rel=\"canonical\" href=\"{permalink}\">\n<meta name=\"robots\" content=\"noindex\">\n\
             <meta http-equiv=\"refresh\" content=\"0; url={link}\">\n</head>\n<body>\n<p><a href=\"{link}\">{title}</a></p>\n</body>\n</html>\n"
        );
        Made {
            path: doc.fm.aliases[alias].clone(),
            key: (mode != Mode::Render).then(|| xxhash_rust::xxh3::xxh3_64(text.as_bytes())),
            text: (mode != Mode::Key).then_some(text),
            lang: None,
        }
    }

    /// A language's 404 page: `/404.html` for the default language (the one a static
    /// host serves), `/en/404.html` for the others (hosts that look for the nearest
    /// 404 page up the path serve it under `/en/`).
    fn not_found(&self, mode: Mode, lang: usize) -> Result<Made, Diagnostic> {
        let versions: Vec<Option<String>> = vec![None; self.config.languages.len()];
        let path = format!("{}/404.html", self.prefix(lang));
        let mut ctx = self.common(mode, lang, &versions, None, &[], &path)?;
        ctx.insert("noindex", &true);
        ctx.finish(self.theme, "404.html", Path::new("404.html"), path, None)
    }

    /// Where a case without a cover image gets the theme's typographic cover, if it does.
    fn cover_art_path(&self, doc: &Doc) -> Option<String> {
        (doc.is_case() && doc.fm.cover.is_none() && self.theme.files.contains_key(COVER_TEMPLATE))
            .then(|| format!("{}{COVER_FILE}", doc.path))
    }

    /// A case's typographic cover: the theme's `cover.svg` with the title laid out in lines.
    fn cover(&self, mode: Mode, i: usize) -> Result<Made, Diagnostic> {
        let doc = &self.library.docs[i];
        let path = self.cover_art_path(doc).unwrap_or_default();
        let mut ctx = Ctx::new(mode, &path);
        let language = &self.config.languages[doc.lang];
        ctx.insert("lang", &language.code);
        ctx.insert("lang_tag", &language.tag);
        ctx.insert("cover", &cover::CoverArt::new(self, doc));
        ctx.finish(self.theme, COVER_TEMPLATE, &doc.source, path, None)
    }

    // ---- shared pieces ----

    /// What every template gets: language, site, switcher, alternates, navigation, breadcrumbs.
    /// `versions` is this page's path in each language, where it has one.
    fn common(
        &self,
        mode: Mode,
        lang: usize,
        versions: &[Option<String>],
        current: Option<usize>,
        crumbs: &[Crumb<'_>],
        path: &str,
    ) -> Result<Ctx, Diagnostic> {
        self.common_at(mode, lang, versions, &[], current, crumbs, path, path)
    }

    /// [`Renderer::common`] for a page that has `stand_ins` (the path of its fallback page
    /// in languages without a version, for the switcher) and whose canonical address may
    /// be another page's.
    #[allow(clippy::too_many_arguments)]
    fn common_at(
        &self,
        mode: Mode,
        lang: usize,
        versions: &[Option<String>],
        stand_ins: &[Option<String>],
        current: Option<usize>,
        crumbs: &[Crumb<'_>],
        path: &str,
        canonical: &str,
    ) -> Result<Ctx, Diagnostic> {
        let config = self.config;
        let language = &config.languages[lang];
        let languages: Vec<LangLink<'_>> = config
            .languages
            .iter()
            .enumerate()
            .map(|(l, other)| {
                let stand_in = stand_ins.get(l).cloned().flatten();
                let home = format!("{}/", other.url_prefix);
                LangLink {
                    code: &other.code,
                    name: &other.name,
                    tag: &other.tag,
                    url: config.link(versions[l].as_deref().or(stand_in.as_deref()).unwrap_or(&home)),
                    current: l == lang,
                    exact: versions[l].is_some(),
                    fallback: versions[l].is_none() && stand_in.is_some(),
                }
            })
            .collect();
        let alternates = if path == "/404.html" {
            Vec::new()
        } else {
            self.alternates(versions)
        };
        let og_locale_alternates = config
            .languages
            .iter()
            .enumerate()
            .filter(|(l, _)| *l != lang && versions[*l].is_some() && path != "/404.html")
            .map(|(_, other)| og_locale(&other.tag))
            .collect();
        let nav_link = |title: Cow<'a, str>, target: String| {
            let current = target == path;
            let active = !current && path.starts_with(&target) && target != format!("{}/", language.url_prefix);
            MenuItem {
                title,
                url: config.link(&target),
                current,
                active,
            }
        };
        let mut menu: Vec<MenuItem<'_>> = vec![nav_link(self.catalogue_title(lang).into(), self.catalogue_path(lang))];
        let sections = self.library.home(lang).and_then(|h| self.library.sections_of.get(&h));
        for &s in sections.map_or(&[][..], Vec::as_slice) {
            if Some(s) != self.catalogue_section[lang] {
                let doc = &self.library.docs[s];
                menu.push(nav_link(doc.fm.title.as_str().into(), doc.path.clone()));
            }
        }
        if !config.targets.is_empty() {
            let title = self.theme.string(&language.code, "progress_title");
            menu.push(nav_link(title.into(), self.progress_path(lang)));
        }
        let taxonomies: Vec<MenuItem<'_>> = (0..self.catalogue.taxonomies.len())
            .filter(|&t| {
                self.catalogue.taxonomies[t]
                    .terms
                    .iter()
                    .any(|term| !term.pages[lang].is_empty())
            })
            .map(|t| {
                nav_link(
                    self.taxonomy_label(t, lang),
                    self.taxonomy_path(&self.catalogue.taxonomies[t].name, lang),
                )
            })
            .collect();
        let common = Common {
            lang: &language.code,
            lang_tag: &language.tag,
            site: views::SiteView {
                title: &language.title,
                description: &language.description,
                base_url: &config.base_url,
                home: config.link(&format!("{}/", language.url_prefix)),
                feed_url: config.link(&feed_path(config, lang)),
                logo: config.logo.as_ref().map(|l| config.link(l)),
            },
            languages,
            alternates,
            menu,
            taxonomies,
            canonical: config.permalink(canonical),
            breadcrumbs: crumbs.to_vec(),
            search_url: config.link(&self.search_path(lang)),
            og_locale: og_locale(&language.tag),
            og_locale_alternates,
            sitemap_url: config.link(&self.sitemap_path(lang)),
            footer_links: self.footer[lang].clone(),
            government: views::GovernmentView::new(config, lang),
            share: self.share(lang, current),
        };
        let mut ctx = Ctx::new(mode, path);
        ctx.extend(&common)?;
        Ok(ctx)
    }

    /// The paths of a doc's versions (page `number` of a section's list).
    fn doc_versions(&self, key: &str, number: usize) -> Vec<Option<String>> {
        let versions = &self.library.translations[key];
        versions
            .iter()
            .map(|v| {
                let doc = &self.library.docs[(*v)?];
                if doc.kind == DocKind::Section && number > 1 {
                    (self.list_pages((*v)?) >= number).then(|| list_path(&doc.path, number))
                } else {
                    Some(doc.path.clone())
                }
            })
            .collect()
    }

    /// The paths of a taxonomy's overview, or a term's list page, in each language that has it.
    fn taxonomy_versions(&self, t: usize, term: Option<usize>, number: usize) -> Vec<Option<String>> {
        let tax = &self.catalogue.taxonomies[t];
        (0..self.config.languages.len())
            .map(|l| match term {
                None => tax
                    .terms
                    .iter()
                    .any(|e| !e.pages[l].is_empty())
                    .then(|| self.taxonomy_path(&tax.name, l)),
                Some(i) => {
                    let entry = &tax.terms[i];
                    (pages_for(entry.pages[l].len(), self.config.paginate_by) >= number && !entry.pages[l].is_empty())
                        .then(|| list_path(&self.term_path(&tax.name, &entry.key, l), number))
                }
            })
            .collect()
    }

    fn taxonomy_label(&self, t: usize, lang: usize) -> Cow<'a, str> {
        let tax = &self.catalogue.taxonomies[t];
        match self.config.taxonomy(&tax.name) {
            Some(configured) => configured.labels[lang].as_str().into(),
            None => self
                .theme
                .string(&self.config.languages[lang].code, "taxonomy_year")
                .into(),
        }
    }

    fn term_label(&self, t: usize, i: usize, lang: usize) -> Cow<'a, str> {
        let tax = &self.catalogue.taxonomies[t];
        let key = &tax.terms[i].key;
        match self.config.taxonomy(&tax.name).and_then(|c| c.term(key)) {
            Some(term) => term.labels[lang].as_str().into(),
            None => format!(
                "{key}{}",
                self.theme.string(&self.config.languages[lang].code, "year_suffix")
            )
            .into(),
        }
    }

    /// A taxonomy with its terms that have pages in `lang`, for overviews and filters;
    /// on a term's page (`current`), at most [`TERM_NAV_TERMS`] of them, around it.
    fn taxonomy_links(&self, t: usize, lang: usize, current: Option<usize>) -> views::TaxonomyLinks<'a> {
        let tax = &self.catalogue.taxonomies[t];
        let listed = &self.listed_terms[t][lang];
        let shown = match current {
            Some(i) if listed.len() > TERM_NAV_TERMS => {
                let at = listed.partition_point(|&j| j < i);
                let start = at.saturating_sub(TERM_NAV_TERMS / 2).min(listed.len() - TERM_NAV_TERMS);
                &listed[start..start + TERM_NAV_TERMS]
            }
            _ => listed.as_slice(),
        };
        let terms = shown
            .iter()
            .map(|&i| (i, &tax.terms[i]))
            .map(|(i, term)| views::TermLink {
                key: &term.key,
                index: i,
                label: self.term_label(t, i, lang),
                url: Some(self.config.link(&self.term_path(&tax.name, &term.key, lang))),
                count: term.pages[lang].len(),
                current: current == Some(i),
            })
            .collect();
        views::TaxonomyLinks {
            name: &tax.name,
            label: self.taxonomy_label(t, lang),
            url: Some(self.config.link(&self.taxonomy_path(&tax.name, lang))),
            terms,
        }
    }

    fn catalogue_title(&self, lang: usize) -> String {
        match (&self.config.catalogue.titles, self.catalogue_section[lang]) {
            (_, Some(s)) => self.library.docs[s].fm.title.clone(),
            (Some(titles), None) => titles[lang].clone(),
            (None, None) => self.theme.string(&self.config.languages[lang].code, "catalogue_title"),
        }
    }

    fn home_crumb(&self, lang: usize) -> Crumb<'a> {
        let language = &self.config.languages[lang];
        let title = self
            .library
            .home(lang)
            .map_or(language.title.as_str(), |h| self.library.docs[h].fm.title.as_str());
        Crumb {
            title: title.into(),
            url: Some(self.config.link(&format!("{}/", language.url_prefix))),
            lang: None,
        }
    }

    /// Cards and paginator for page `number` of a list.
    fn insert_list(&self, ctx: &mut Ctx, items: &[usize], base: &str, number: usize, lang: usize) {
        let per_page = self.config.paginate_by;
        let start = ((number - 1) * per_page).min(items.len());
        let cards: Vec<Card<'_>> = items[start..(start + per_page).min(items.len())]
            .iter()
            .map(|&d| Card::new(self, &self.library.docs[d], lang))
            .collect();
        ctx.insert("pages", &cards);
        ctx.insert(
            "paginator",
            &self.paginator(base, number, pages_for(items.len(), per_page), items.len()),
        );
    }

    /// The catalogue's filters: every taxonomy's terms as links, and where the script finds the data.
    fn insert_filters(&self, ctx: &mut Ctx, lang: usize) {
        let filters: Vec<views::TaxonomyLinks<'_>> = (0..self.catalogue.taxonomies.len())
            .map(|t| self.taxonomy_links(t, lang, None))
            .filter(|links| !links.terms.is_empty())
            .collect();
        ctx.insert("filters", &filters);
        ctx.insert(
            "filter_data",
            &self.config.link(&format!("{}cases.json", self.catalogue_path(lang))),
        );
    }

    /// Home → sections → this doc (the last without a link), in language `lang`: the
    /// sections of that language above a fallback page.
    fn crumbs(&self, doc: &'a Doc, lang: usize) -> Vec<Crumb<'a>> {
        let mut chain = vec![Crumb {
            title: doc.fm.title.as_str().into(),
            url: None,
            lang: (lang != doc.lang).then(|| self.config.languages[doc.lang].tag.as_str()),
        }];
        let mut parent = match doc.parent {
            Some(p) if lang != doc.lang => self.library.translations[&self.library.docs[p].key][lang],
            other => other,
        };
        let mut reached_home = false;
        while let Some(p) = parent {
            let d = &self.library.docs[p];
            chain.push(Crumb {
                title: d.fm.title.as_str().into(),
                url: Some(self.config.link(&d.path)),
                lang: None,
            });
            reached_home = d.is_home();
            parent = d.parent;
        }
        if !reached_home {
            // A language without a home page file, or a fallback page whose section has no
            // version in its language: the site title stands for home.
            chain.push(self.home_crumb(lang));
        }
        chain.reverse();
        chain
    }

    fn link_of(&self, d: usize) -> SectionLink<'a> {
        let doc = &self.library.docs[d];
        SectionLink {
            title: &doc.fm.title,
            url: self.config.link(&doc.path),
            count: None,
        }
    }

    fn subsections(&self, section: usize) -> Vec<SectionLink<'a>> {
        self.library
            .sections_of
            .get(&section)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&s| {
                let mut link = self.link_of(s);
                link.count = Some(
                    self.list_items(s)
                        .iter()
                        .filter(|&&d| self.library.docs[d].is_case())
                        .count(),
                );
                link
            })
            .collect()
    }

    /// A section's list: its pages in order (see [`list_items`]).
    pub fn list_items(&self, section: usize) -> &[usize] {
        self.lists.get(&section).map_or(&[], Vec::as_slice)
    }

    /// hreflang alternates, when the page exists in more than one language: every
    /// version, then `x-default` (the default language's).
    fn alternates(&self, versions: &[Option<String>]) -> Vec<Alternate> {
        let found: Vec<(usize, &String)> = versions
            .iter()
            .enumerate()
            .filter_map(|(l, p)| p.as_ref().map(|p| (l, p)))
            .collect();
        let mut alternates = Vec::new();
        if found.len() > 1 {
            for (l, p) in &found {
                alternates.push(Alternate {
                    hreflang: self.config.languages[*l].tag.clone(),
                    href: self.config.permalink(p),
                });
            }
            if let Some((_, p)) = found.iter().find(|(l, _)| *l == 0) {
                alternates.push(Alternate {
                    hreflang: "x-default".into(),
                    href: self.config.permalink(p),
                });
            }
        }
        alternates
    }

    /// What sharing and search show for a page: its title, description and picture.
    fn share(&self, lang: usize, current: Option<usize>) -> ShareView<'a> {
        let language = &self.config.languages[lang];
        let described = |doc: &'a Doc| match doc.summary() {
            "" => language.description.as_str(),
            summary => summary,
        };
        match current.map(|c| &self.library.docs[c]) {
            Some(doc) if doc.kind == DocKind::Page => ShareView {
                title: &doc.fm.title,
                description: described(doc),
                kind: "article",
                image: self.cover_permalink(doc),
                image_alt: doc.fm.cover.as_ref().map(|c| c.alt.as_str()),
            },
            Some(doc) if !doc.is_home() => ShareView {
                title: &doc.fm.title,
                description: described(doc),
                kind: "website",
                image: None,
                image_alt: None,
            },
            _ => ShareView {
                title: &language.title,
                description: &language.description,
                kind: "website",
                image: None,
                image_alt: None,
            },
        }
    }

    /// The absolute URL of a page's cover image.
    pub fn cover_permalink(&self, doc: &Doc) -> Option<String> {
        let link = doc.cover_url.as_deref()?;
        Some(if let Some(rest) = link.strip_prefix("//") {
            format!("https://{rest}")
        } else if link.starts_with('/') {
            self.config.absolute(link)
        } else {
            link.to_string()
        })
    }

    /// The sitemap's entry for a job: public HTML pages only — not the 404 page,
    /// redirects, the search page or data files.
    pub fn sitemap_entry(&self, job: Job) -> Option<sitemap::Entry> {
        let docs = &self.library.docs;
        let per_page = self.config.paginate_by;
        fn slice(items: &[usize], number: usize, per_page: usize) -> &[usize] {
            let start = ((number - 1) * per_page).min(items.len());
            &items[start..(start + per_page).min(items.len())]
        }
        let newest = |own: Option<usize>, items: &[usize]| {
            own.and_then(|d| last_change(&docs[d]))
                .into_iter()
                .chain(items.iter().filter_map(|&d| last_change(&docs[d])))
                .max()
        };
        let (path, versions, lastmod) = match job {
            Job::Page(i) => (
                docs[i].path.clone(),
                self.doc_versions(&docs[i].key, 1),
                last_change(&docs[i]),
            ),
            Job::List { section, number } => {
                let doc = &docs[section];
                let lastmod = newest(Some(section), slice(self.list_items(section), number, per_page));
                (
                    list_path(&doc.path, number),
                    self.doc_versions(&doc.key, number),
                    lastmod,
                )
            }
            Job::Home { lang } => {
                let versions = self
                    .config
                    .languages
                    .iter()
                    .map(|l| Some(format!("{}/", l.url_prefix)))
                    .collect();
                let lastmod = newest(self.library.home(lang), &self.catalogue.cases[lang]);
                (format!("{}/", self.prefix(lang)), versions, lastmod)
            }
            Job::Catalogue { lang, number } => {
                let versions = (0..self.config.languages.len())
                    .map(|l| {
                        (pages_for(self.catalogue.cases[l].len(), per_page) >= number)
                            .then(|| list_path(&self.catalogue_path(l), number))
                    })
                    .collect();
                let lastmod = newest(None, slice(&self.catalogue.cases[lang], number, per_page));
                (list_path(&self.catalogue_path(lang), number), versions, lastmod)
            }
            Job::Taxonomy { tax, lang } => {
                let taxonomy = &self.catalogue.taxonomies[tax];
                let all: Vec<usize> = taxonomy
                    .terms
                    .iter()
                    .flat_map(|t| t.pages[lang].iter().copied())
                    .collect();
                (
                    self.taxonomy_path(&taxonomy.name, lang),
                    self.taxonomy_versions(tax, None, 1),
                    newest(None, &all),
                )
            }
            Job::Term {
                tax,
                term,
                lang,
                number,
            } => {
                let taxonomy = &self.catalogue.taxonomies[tax];
                let entry = &taxonomy.terms[term];
                let path = list_path(&self.term_path(&taxonomy.name, &entry.key, lang), number);
                (
                    path,
                    self.taxonomy_versions(tax, Some(term), number),
                    newest(None, slice(&entry.pages[lang], number, per_page)),
                )
            }
            Job::Progress { lang } => {
                let versions = (0..self.config.languages.len())
                    .map(|l| Some(self.progress_path(l)))
                    .collect();
                (self.progress_path(lang), versions, None)
            }
            Job::SiteMap { lang } => {
                let versions = (0..self.config.languages.len())
                    .map(|l| Some(self.sitemap_path(l)))
                    .collect();
                (self.sitemap_path(lang), versions, None)
            }
            Job::Search { .. }
            | Job::FilterData { .. }
            | Job::Fallback { .. }
            | Job::Alias { .. }
            | Job::Cover { .. }
            | Job::NotFound { .. } => {
                return None;
            }
        };
        Some(sitemap::Entry {
            loc: self.config.permalink(&path),
            lastmod,
            alternates: self
                .alternates(&versions)
                .into_iter()
                .map(|a| (a.hreflang, a.href))
                .collect(),
        })
    }

    fn list_pages(&self, section: usize) -> usize {
        pages_for(self.list_items(section).len(), self.config.paginate_by)
    }

    fn paginator(&self, base: &str, current: usize, total: usize, items: usize) -> Paginator {
        let link = |n: usize| self.config.link(&list_path(base, n));
        Paginator {
            current,
            total,
            items,
            previous: (current > 1).then(|| link(current - 1)),
            next: (current < total).then(|| link(current + 1)),
            pages: page_window(current, total)
                .into_iter()
                .map(|n| match n {
                    Some(n) => PageLink {
                        number: n,
                        url: link(n),
                        current: n == current,
                        gap: false,
                    },
                    None => PageLink {
                        number: 0,
                        url: String::new(),
                        current: false,
                        gap: true,
                    },
                })
                .collect(),
        }
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
