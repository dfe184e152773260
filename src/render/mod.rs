//! From the library to files: plan the jobs, render each with Tera.
//!
//! A [`Job`] is one HTML file to produce. Rendering a job is a pure function
//! of the library, the config and the theme; the caller decides where the
//! bytes go. Views are typed structs serialised into the template context.
//! The renderer also says which jobs are public pages, for the sitemap, with
//! the same hreflang alternates as the pages' own `<link>` tags.

mod views;

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;

use crate::config::{Config, Fallback};
use crate::content::{Doc, DocKind, Library};
use crate::diagnostics::Diagnostic;
use crate::output::feed::{feed_path, last_change};
use crate::output::sitemap;
use crate::templates::Theme;
use views::{
    Alternate, Card, Common, Crumb, LangLink, MenuItem, PageLink, PageView, Paginator, SectionLink, SectionView,
    ShareView,
};

/// How many cases the home page shows.
const HOME_LATEST: usize = 6;

/// One file to produce.
#[derive(Debug, Clone, Copy)]
pub enum Job {
    /// A page (a case or any other page).
    Page(usize),
    /// One page of a section's list (1-based), in the section doc's language.
    List { section: usize, number: usize },
    /// The home page of a language.
    Home { lang: usize },
    /// A redirect from an old path (the doc's alias number) to the doc.
    Alias { doc: usize, alias: usize },
    /// The site's 404 page.
    NotFound,
}

/// One rendered file.
pub struct Output {
    /// Its site path: `/en/cases/a/` (index.html implied) or `/404.html`.
    pub path: String,
    pub html: String,
    /// The language whose page count it adds to, if it is a page.
    pub lang: Option<usize>,
}

/// The renderer: what every job reads.
pub struct Renderer<'a> {
    config: &'a Config,
    library: &'a Library,
    theme: &'a Theme,
    /// Section doc → the pages its list shows, in order; computed once.
    lists: HashMap<usize, Vec<usize>>,
}

impl<'a> Renderer<'a> {
    pub fn new(config: &'a Config, library: &'a Library, theme: &'a Theme) -> Self {
        let sections: Vec<usize> = (0..library.docs.len())
            .filter(|&i| library.docs[i].kind == DocKind::Section)
            .collect();
        let lists = sections
            .par_iter()
            .map(|&s| (s, list_items(config, library, s)))
            .collect();
        Renderer {
            config,
            library,
            theme,
            lists,
        }
    }

    /// Every file of the site, in a stable order.
    pub fn plan(&self) -> Vec<Job> {
        let mut jobs = Vec::new();
        for lang in 0..self.config.languages.len() {
            jobs.push(Job::Home { lang });
        }
        for (i, doc) in self.library.docs.iter().enumerate() {
            jobs.extend((0..doc.fm.aliases.len()).map(|alias| Job::Alias { doc: i, alias }));
            match doc.kind {
                DocKind::Page => jobs.push(Job::Page(i)),
                DocKind::Section if !doc.is_home() => {
                    for number in 1..=self.list_pages(i) {
                        jobs.push(Job::List { section: i, number });
                    }
                }
                DocKind::Section => {}
            }
        }
        jobs.push(Job::NotFound);
        jobs
    }

    pub fn render(&self, job: Job) -> Result<Output, Diagnostic> {
        match job {
            Job::Page(doc) => self.page(doc),
            Job::List { section, number } => self.list(section, number),
            Job::Home { lang } => self.home(lang),
            Job::Alias { doc, alias } => Ok(self.alias(doc, alias)),
            Job::NotFound => self.not_found(),
        }
    }

    // ---- the jobs ----

    fn page(&self, i: usize) -> Result<Output, Diagnostic> {
        let doc = &self.library.docs[i];
        let siblings = doc
            .parent
            .and_then(|p| self.library.pages_of.get(&p))
            .map_or(&[][..], Vec::as_slice);
        let at = siblings.iter().position(|&s| s == i);
        let neighbour = |j: Option<usize>| j.and_then(|j| siblings.get(j)).map(|&d| self.link_of(d));
        let mut context = self.common(doc.lang, &doc.key, Some(i), &self.crumbs(doc), &doc.path)?;
        context.insert("page", &PageView::new(self, doc));
        context.insert("section", &doc.parent.map(|p| self.link_of(p)));
        context.insert("previous", &neighbour(at.and_then(|a| a.checked_sub(1))));
        context.insert("next", &neighbour(at.map(|a| a + 1)));
        let html = self.theme.render("page.html", &context, &doc.source)?;
        Ok(Output {
            path: doc.path.clone(),
            html,
            lang: Some(doc.lang),
        })
    }

    fn list(&self, i: usize, number: usize) -> Result<Output, Diagnostic> {
        let doc = &self.library.docs[i];
        let items = self.list_items(i);
        let total = self.list_pages(i);
        let cards: Vec<Card<'_>> = self
            .list_slice(i, number)
            .iter()
            .map(|&d| Card::new(self, &self.library.docs[d], doc.lang))
            .collect();
        let path = list_path(&doc.path, number);
        let mut context = self.common(doc.lang, &doc.key, Some(i), &self.crumbs(doc), &path)?;
        context.insert("section", &SectionView::new(self, doc, number == 1));
        context.insert("pages", &cards);
        context.insert("subsections", &self.subsections(i));
        context.insert("paginator", &self.paginator(&doc.path, number, total, items.len()));
        // The other languages' versions of this list page, where they have as many pages.
        let html = self.theme.render("section.html", &context, &doc.source)?;
        Ok(Output {
            path,
            html,
            lang: Some(doc.lang),
        })
    }

    fn home(&self, lang: usize) -> Result<Output, Diagnostic> {
        let home = self.library.home(lang);
        let language = &self.config.languages[lang];
        let path = format!("{}/", language.url_prefix);
        let mut context = self.common(lang, "", home, &[], &path)?;
        let section = match home {
            Some(h) => SectionView::new(self, &self.library.docs[h], true),
            None => SectionView::bare(language.title.as_str(), self.config.link(&path)),
        };
        context.insert("section", &section);
        // The newest cases of the whole site, translated or shown with a notice.
        let mut cases: Vec<usize> = self.cases_in(lang);
        cases.sort_by(|&a, &b| {
            let (a, b) = (&self.library.docs[a], &self.library.docs[b]);
            b.fm.date
                .cmp(&a.fm.date)
                .then_with(|| a.fm.title.cmp(&b.fm.title))
                .then_with(|| a.rel.cmp(&b.rel))
        });
        let latest: Vec<Card<'_>> = cases
            .iter()
            .take(HOME_LATEST)
            .map(|&d| Card::new(self, &self.library.docs[d], lang))
            .collect();
        context.insert("latest", &latest);
        context.insert("sections", &home.map(|h| self.subsections(h)).unwrap_or_default());
        context.insert("case_count", &cases.len());
        let source = home.map_or_else(
            || Path::new("content/_index.md").to_path_buf(),
            |h| self.library.docs[h].source.clone(),
        );
        let html = self.theme.render("index.html", &context, &source)?;
        Ok(Output {
            path,
            html,
            lang: Some(lang),
        })
    }

    /// A small page that sends readers and search engines on to the page's address.
    fn alias(&self, i: usize, alias: usize) -> Output {
        let doc = &self.library.docs[i];
        let esc = crate::markdown::highlight::escape_attr;
        let (link, permalink) = (
            esc(&self.config.link(&doc.path)),
            esc(&self.config.permalink(&doc.path)),
        );
        let title = esc(&doc.fm.title);
        let tag = &self.config.languages[doc.lang].tag;
        let html = format!(
            "<!DOCTYPE html>\n<html lang=\"{tag}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
             <link rel=\"canonical\" href=\"{permalink}\">\n<meta name=\"robots\" content=\"noindex\">\n\
             <meta http-equiv=\"refresh\" content=\"0; url={link}\">\n</head>\n<body>\n<p><a href=\"{link}\">{title}</a></p>\n</body>\n</html>\n"
        );
        Output {
            path: doc.fm.aliases[alias].clone(),
            html,
            lang: None,
        }
    }

    fn not_found(&self) -> Result<Output, Diagnostic> {
        let mut context = self.common(0, "", None, &[], "/404.html")?;
        context.insert("noindex", &true);
        let html = self.theme.render("404.html", &context, Path::new("404.html"))?;
        Ok(Output {
            path: "/404.html".into(),
            html,
            lang: None,
        })
    }

    /// The sitemap's entry for a job: public HTML pages only, not the 404 page nor redirects.
    pub fn sitemap_entry(&self, job: Job) -> Option<sitemap::Entry> {
        let docs = &self.library.docs;
        let newest = |own: Option<usize>, items: &[usize]| {
            own.and_then(|d| last_change(&docs[d]))
                .into_iter()
                .chain(items.iter().filter_map(|&d| last_change(&docs[d])))
                .max()
        };
        let (lang, key, path, lastmod) = match job {
            Job::Page(i) => (
                docs[i].lang,
                docs[i].key.as_str(),
                docs[i].path.clone(),
                last_change(&docs[i]),
            ),
            Job::List { section, number } => {
                let doc = &docs[section];
                let lastmod = newest(Some(section), self.list_slice(section, number));
                (doc.lang, doc.key.as_str(), list_path(&doc.path, number), lastmod)
            }
            Job::Home { lang } => {
                let path = format!("{}/", self.config.languages[lang].url_prefix);
                (lang, "", path, newest(self.library.home(lang), &self.cases_in(lang)))
            }
            Job::Alias { .. } | Job::NotFound => return None,
        };
        let versions = self.versions(lang, key, &path);
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

    // ---- shared pieces ----

    /// This page's path in every language, as the switcher and hreflang use them: `None`
    /// where it has no version (or, for a list page, not as many pages).
    fn versions(&self, lang: usize, key: &str, path: &str) -> Vec<Option<String>> {
        let config = self.config;
        let versions = self.library.translations.get(key);
        let list_number = list_number(path);
        let is_home = key.is_empty() && path == format!("{}/", config.languages[lang].url_prefix);
        (0..config.languages.len())
            .map(|l| {
                if is_home {
                    return Some(format!("{}/", config.languages[l].url_prefix));
                }
                let doc = versions.and_then(|v| v[l]).map(|d| &self.library.docs[d])?;
                if doc.kind == DocKind::Section && !doc.is_home() && list_number > 1 {
                    (self.list_pages(self.library.translations[key][l]?) >= list_number)
                        .then(|| list_path(&doc.path, list_number))
                } else {
                    Some(doc.path.clone())
                }
            })
            .collect()
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
    fn cover_permalink(&self, doc: &Doc) -> Option<String> {
        let link = doc.cover_url.as_deref()?;
        Some(if let Some(rest) = link.strip_prefix("//") {
            format!("https://{rest}")
        } else if link.starts_with('/') {
            self.config.absolute(link)
        } else {
            link.to_string()
        })
    }

    /// What every template gets: language, site, switcher, alternates, menu, breadcrumbs.
    fn common(
        &self,
        lang: usize,
        key: &str,
        current: Option<usize>,
        crumbs: &[Crumb<'_>],
        path: &str,
    ) -> Result<tera::Context, Diagnostic> {
        let config = self.config;
        let language = &config.languages[lang];
        let list_number = list_number(path);
        let versions = self.versions(lang, key, path);
        let languages: Vec<LangLink<'_>> = config
            .languages
            .iter()
            .enumerate()
            .map(|(l, other)| {
                let exact = versions[l].clone();
                LangLink {
                    code: &other.code,
                    name: &other.name,
                    tag: &other.tag,
                    url: config.link(&exact.clone().unwrap_or_else(|| format!("{}/", other.url_prefix))),
                    current: l == lang,
                    exact: exact.is_some(),
                }
            })
            .collect();
        // hreflang alternates, when the page exists in more than one language.
        let alternates = if path == "/404.html" {
            Vec::new()
        } else {
            self.alternates(&versions)
        };
        let og_locale_alternates = config
            .languages
            .iter()
            .enumerate()
            .filter(|(l, _)| *l != lang && versions[*l].is_some() && path != "/404.html")
            .map(|(_, other)| og_locale(&other.tag))
            .collect();
        let menu: Vec<MenuItem<'_>> = self
            .library
            .home(lang)
            .map(|h| self.library.sections_of.get(&h).map_or(&[][..], Vec::as_slice))
            .unwrap_or(&[])
            .iter()
            .map(|&s| {
                let doc = &self.library.docs[s];
                MenuItem {
                    title: &doc.fm.title,
                    url: config.link(&doc.path),
                    current: current == Some(s) && list_number == 1,
                    active: current.is_some_and(|c| c == s || self.is_ancestor(s, c)),
                }
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
            },
            languages,
            alternates,
            menu,
            canonical: config.permalink(path),
            breadcrumbs: crumbs.to_vec(),
            og_locale: og_locale(&language.tag),
            og_locale_alternates,
            share: self.share(lang, current),
        };
        tera::Context::from_serialize(&common).map_err(|e| Diagnostic::file_error("templates", e.to_string()))
    }

    fn is_ancestor(&self, ancestor: usize, mut doc: usize) -> bool {
        while let Some(parent) = self.library.docs[doc].parent {
            if parent == ancestor {
                return true;
            }
            doc = parent;
        }
        false
    }

    /// Home → sections → this doc (the last without a link).
    fn crumbs(&self, doc: &'a Doc) -> Vec<Crumb<'a>> {
        let mut chain = vec![Crumb {
            title: &doc.fm.title,
            url: None,
        }];
        let mut parent = doc.parent;
        while let Some(p) = parent {
            let d = &self.library.docs[p];
            chain.push(Crumb {
                title: &d.fm.title,
                url: Some(self.config.link(&d.path)),
            });
            parent = d.parent;
        }
        if self.library.home(doc.lang).is_none() {
            // A language without a home page file: the site title stands for home.
            let language = &self.config.languages[doc.lang];
            chain.push(Crumb {
                title: &language.title,
                url: Some(self.config.link(&format!("{}/", language.url_prefix))),
            });
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
                let cases = self
                    .list_items(s)
                    .iter()
                    .filter(|&&d| self.library.docs[d].is_case())
                    .count();
                link.count = Some(cases);
                link
            })
            .collect()
    }

    /// A section's list: its pages in listing order (see [`list_items`]).
    pub fn list_items(&self, section: usize) -> &[usize] {
        self.lists.get(&section).map_or(&[], Vec::as_slice)
    }

    /// The items on one page (1-based) of a section's list.
    fn list_slice(&self, section: usize, number: usize) -> &[usize] {
        let items = self.list_items(section);
        let per_page = self.config.paginate_by;
        let start = ((number - 1) * per_page).min(items.len());
        &items[start..(start + per_page).min(items.len())]
    }

    /// All cases shown in a language: its own and, with `notice`, untranslated originals.
    fn cases_in(&self, lang: usize) -> Vec<usize> {
        let fallback = lang != 0 && self.config.languages[lang].fallback == Fallback::Notice;
        self.library
            .docs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.is_case())
            .filter(|(_, d)| {
                d.lang == lang || (fallback && d.lang == 0 && self.library.translations[&d.key][lang].is_none())
            })
            .map(|(i, _)| i)
            .collect()
    }

    fn list_pages(&self, section: usize) -> usize {
        self.list_items(section).len().div_ceil(self.config.paginate_by).max(1)
    }

    fn paginator(&self, base: &str, current: usize, total: usize, items: usize) -> Paginator {
        let link = |n: usize| self.config.link(&list_path(base, n));
        Paginator {
            current,
            total,
            items,
            previous: (current > 1).then(|| link(current - 1)),
            next: (current < total).then(|| link(current + 1)),
            pages: (1..=total)
                .map(|n| PageLink {
                    number: n,
                    url: link(n),
                    current: n == current,
                })
                .collect(),
        }
    }
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

/// The page number in a list path, 1 when there is none.
fn list_number(path: &str) -> usize {
    path.trim_end_matches('/')
        .rsplit_once("/page/")
        .and_then(|(_, n)| n.parse().ok())
        .unwrap_or(1)
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
    fn list_paths() {
        assert_eq!(list_path("/cases/", 1), "/cases/");
        assert_eq!(list_path("/en/cases/", 3), "/en/cases/page/3/");
        assert_eq!(list_number("/en/cases/page/3/"), 3);
        assert_eq!(list_number("/en/cases/"), 1);
    }

    #[test]
    fn og_locales() {
        assert_eq!(og_locale("zh-CN"), "zh_CN");
        assert_eq!(og_locale("en"), "en");
    }
}
