//! What the jobs share: the navigation, language switcher, alternates,
//! breadcrumbs, sharing data, lists with their paginators, and the sitemap's
//! entries.

use std::borrow::Cow;

use super::ctx::Ctx;
use super::views::{
    self, Alternate, Cards, Common, Crumb, LangLink, MenuItem, PageLink, Paginator, SectionLink, ShareView,
};
use super::*;

impl<'a> Renderer<'a> {
    /// What every template gets: language, site, switcher, alternates, navigation, breadcrumbs.
    /// `versions` is this page's path in each language, where it has one.
    pub(super) fn common(
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
    ///
    /// The chrome is a function of these arguments and of what every page of the
    /// language shares (its navigation, footer, site data), so its part of the key
    /// is a hash of the arguments and of that shared part, hashed once per
    /// language ([`Renderer::chrome_key`]): the chrome itself is made only when
    /// rendering.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn common_at(
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
        let mut ctx = Ctx::new(mode, path);
        let share = self.share(lang, current);
        let chrome = self.chrome_key(lang);
        if chrome.is_none() {
            ctx.unkeyed();
        }
        let key = (chrome, versions, stand_ins, crumbs, canonical, &share);
        ctx.extend_keyed(&key, || {
            self.common_view(lang, versions, stand_ins, crumbs, path, canonical, share.clone())
        })?;
        Ok(ctx)
    }

    /// A hash of the chrome every page of `lang` shares: the chrome of no page in
    /// particular (no versions, no breadcrumbs, no path), whose navigation,
    /// footer and site data are every page's. Made once; `None` if it cannot be hashed.
    fn chrome_key(&self, lang: usize) -> Option<u64> {
        *self.chrome_keys[lang].get_or_init(|| {
            let none = vec![None; self.config.languages.len()];
            let common = self.common_view(lang, &none, &[], &[], "", "", self.share(lang, None));
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            crate::cache::hash_value(&mut h, &common).then(|| h.digest())
        })
    }

    /// The chrome of a page (see [`Renderer::common_at`]).
    #[allow(clippy::too_many_arguments)]
    fn common_view(
        &self,
        lang: usize,
        versions: &[Option<String>],
        stand_ins: &[Option<String>],
        crumbs: &[Crumb<'a>],
        path: &str,
        canonical: &str,
        share: ShareView<'a>,
    ) -> Common<'a> {
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
                external: false,
            }
        };
        // site.toml's `[[menu]]` replaces the theme's navigation, sections and progress page included.
        let mut menu: Vec<MenuItem<'_>> = if config.menu.is_empty() {
            vec![nav_link(self.catalogue_title(lang).into(), self.catalogue_path(lang))]
        } else {
            config
                .menu
                .iter()
                .map(|entry| match entry.path(&language.url_prefix) {
                    Some(target) => nav_link(entry.labels[lang].as_str().into(), target),
                    None => MenuItem {
                        title: entry.labels[lang].as_str().into(),
                        url: match &entry.url {
                            crate::config::menu::MenuUrl::External(url) => url.clone(),
                            crate::config::menu::MenuUrl::Internal(_) => String::new(),
                        },
                        current: false,
                        active: false,
                        external: true,
                    },
                })
                .collect()
        };
        let sections = self.library.home(lang).and_then(|h| self.library.sections_of.get(&h));
        let sections = sections.filter(|_| config.menu.is_empty());
        for &s in sections.map_or(&[][..], Vec::as_slice) {
            if Some(s) != self.catalogue_section[lang] {
                let doc = &self.library.docs[s];
                menu.push(nav_link(doc.fm.title.as_str().into(), doc.path.clone()));
            }
        }
        if !config.targets.is_empty() && config.menu.is_empty() {
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
        Common {
            lang: &language.code,
            lang_tag: &language.tag,
            site: views::SiteView {
                title: &language.title,
                description: &language.description,
                base_url: &config.base_url,
                home: config.link(&format!("{}/", language.url_prefix)),
                feed_url: config.link(&feed_path(config, lang)),
                logo: config.logo.as_ref().map(|l| config.link(l)),
                extra: &config.extra,
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
            share,
        }
    }

    /// The paths of a doc's versions (page `number` of a section's list).
    pub(super) fn doc_versions(&self, key: &str, number: usize) -> Vec<Option<String>> {
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
    pub(super) fn taxonomy_versions(&self, t: usize, term: Option<usize>, number: usize) -> Vec<Option<String>> {
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

    pub(super) fn taxonomy_label(&self, t: usize, lang: usize) -> Cow<'a, str> {
        let tax = &self.catalogue.taxonomies[t];
        match self.config.taxonomy(&tax.name) {
            Some(configured) => configured.labels[lang].as_str().into(),
            None => self
                .theme
                .string(&self.config.languages[lang].code, "taxonomy_year")
                .into(),
        }
    }

    pub(super) fn term_label(&self, t: usize, i: usize, lang: usize) -> Cow<'a, str> {
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
    pub(super) fn taxonomy_links(&self, t: usize, lang: usize, current: Option<usize>) -> views::TaxonomyLinks<'a> {
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

    pub(super) fn catalogue_title(&self, lang: usize) -> String {
        match (&self.config.catalogue.titles, self.catalogue_section[lang]) {
            (_, Some(s)) => self.library.docs[s].fm.title.clone(),
            (Some(titles), None) => titles[lang].clone(),
            (None, None) => self.theme.string(&self.config.languages[lang].code, "catalogue_title"),
        }
    }

    pub(super) fn home_crumb(&self, lang: usize) -> Crumb<'a> {
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
    pub(super) fn insert_list(&self, ctx: &mut Ctx, items: &[usize], base: &str, number: usize, lang: usize) {
        let per_page = self.config.paginate_by;
        let start = ((number - 1) * per_page).min(items.len());
        let cards = Cards::new(self, &items[start..(start + per_page).min(items.len())], lang);
        ctx.insert("pages", &cards);
        ctx.insert(
            "paginator",
            &self.paginator(base, number, pages_for(items.len(), per_page), items.len()),
        );
    }

    /// The catalogue's filters: every taxonomy's terms as links, and where the script finds the data.
    pub(super) fn insert_filters(&self, ctx: &mut Ctx, lang: usize) {
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
    pub(super) fn crumbs(&self, doc: &'a Doc, lang: usize) -> Vec<Crumb<'a>> {
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

    pub(super) fn link_of(&self, d: usize) -> SectionLink<'a> {
        let doc = &self.library.docs[d];
        SectionLink {
            title: &doc.fm.title,
            url: self.config.link(&doc.path),
            count: None,
        }
    }

    pub(super) fn subsections(&self, section: usize) -> Vec<SectionLink<'a>> {
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
    pub(super) fn alternates(&self, versions: &[Option<String>]) -> Vec<Alternate> {
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
    pub(super) fn share(&self, lang: usize, current: Option<usize>) -> ShareView<'a> {
        let language = &self.config.languages[lang];
        let described = |d: usize| match self.summary(d) {
            "" => language.description.as_str(),
            summary => summary,
        };
        match current.map(|c| (c, &self.library.docs[c])) {
            Some((d, doc)) if doc.kind == DocKind::Page => ShareView {
                title: &doc.fm.title,
                description: described(d),
                kind: "article",
                image: self.cover_permalink(d),
                image_alt: doc.fm.cover.as_ref().map(|c| c.alt.as_str()),
            },
            Some((d, doc)) if !doc.is_home() => ShareView {
                title: &doc.fm.title,
                description: described(d),
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
    pub fn cover_permalink(&self, d: usize) -> Option<String> {
        let link = &self.covers[d].as_ref()?.url;
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
            | Job::WeChat { .. }
            | Job::Feed { .. }
            | Job::SectionFeed { .. }
            | Job::TermFeed { .. }
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

    pub(super) fn list_pages(&self, section: usize) -> usize {
        pages_for(self.list_items(section).len(), self.config.paginate_by)
    }

    pub(super) fn paginator(&self, base: &str, current: usize, total: usize, items: usize) -> Paginator {
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
