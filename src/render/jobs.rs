//! The jobs: each builds its template's context (or only its key) and renders it.

use std::collections::BTreeMap;
use std::path::Path;

use super::ctx::Ctx;
use super::views::{self, Card, Cards, Crumb, PageView, SectionLink, SectionView};
use super::*;

impl<'a> Renderer<'a> {
    /// A page in its own language, or (`lang` another language) its fallback page: the
    /// original's text under that language's navigation, with a notice, its canonical
    /// address the original's, and no hreflang alternate claiming a translation.
    pub(super) fn page(&self, mode: Mode, i: usize, lang: usize) -> Result<Made, Diagnostic> {
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
        ctx.insert_hashed(
            "page",
            |made| self.page_key(i, lang, made),
            || PageView::new(self, i, lang),
        );
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
        let related: Vec<usize> = self
            .catalogue
            .related
            .get(&i)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(|&d| {
                let other = &self.library.docs[d];
                match self.library.translations[&other.key][lang] {
                    Some(t) => Some(t),
                    None => (other.lang == lang || other.fallbacks[lang].is_some()).then_some(d),
                }
            })
            .collect();
        ctx.insert("related", &Cards::new(self, &related, lang));
        ctx.finish(self.theme, "page.html", &doc.source, path, Some(lang))
    }

    pub(super) fn list(&self, mode: Mode, i: usize, number: usize) -> Result<Made, Diagnostic> {
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
        ctx.insert("section", &SectionView::new(self, i, number == 1));
        ctx.insert("list_feed", &self.section_feed_link(i));
        self.insert_list(&mut ctx, self.list_items(i), &doc.path, number, doc.lang);
        ctx.insert("subsections", &self.subsections(i));
        if self.catalogue_section[doc.lang] == Some(i) {
            self.insert_filters(&mut ctx, doc.lang);
        }
        ctx.finish(self.theme, "section.html", &doc.source, path, Some(doc.lang))
    }

    pub(super) fn generated_catalogue(&self, mode: Mode, lang: usize, number: usize) -> Result<Made, Diagnostic> {
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
    pub(super) fn filter_data(&self, mode: Mode, lang: usize) -> Result<Made, Diagnostic> {
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
            card.insert("p", &Card::new(self, d, lang));
            let (key, html) = card.render(self.theme, "partials/card.html", &doc.source)?;
            ctx.insert("terms", &terms);
            ctx.insert("card", &key);
            if let Some(html) = html {
                entries.push(Entry { terms, html });
            }
        }
        let text = match ctx.rendering() {
            true => Some(
                serde_json::to_vec(&serde_json::json!({ "cases": entries }))
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

    pub(super) fn taxonomy(&self, mode: Mode, t: usize, lang: usize) -> Result<Made, Diagnostic> {
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

    pub(super) fn term(&self, mode: Mode, t: usize, i: usize, lang: usize, number: usize) -> Result<Made, Diagnostic> {
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
        ctx.insert("list_feed", &self.term_feed_link(t, i, lang));
        self.insert_list(&mut ctx, &term.pages[lang], &base, number, lang);
        ctx.finish(self.theme, "term.html", Path::new("site.toml"), path, Some(lang))
    }

    pub(super) fn progress(&self, mode: Mode, lang: usize) -> Result<Made, Diagnostic> {
        let (path, mut ctx) = self.one_page(mode, lang, Self::progress_path, "progress_title")?;
        let targets = self.targets(lang);
        ctx.insert("chart", &views::Chart::new(&targets));
        ctx.insert("targets", &targets);
        ctx.finish(self.theme, "progress.html", Path::new("site.toml"), path, Some(lang))
    }

    /// The plan's targets with the cases each counts, in language `lang`.
    pub(super) fn targets(&self, lang: usize) -> Vec<views::TargetView<'a>> {
        self.config
            .targets
            .iter()
            .zip(&self.catalogue.targets)
            .map(|(target, keys)| {
                let cases = keys
                    .iter()
                    .filter_map(|key| self.library.version(key, lang))
                    .map(|d| Card::new(self, d, lang))
                    .collect();
                views::TargetView::new(&target.labels[lang], target.goal, target.year, cases)
            })
            .collect()
    }

    pub(super) fn home(&self, mode: Mode, lang: usize) -> Result<Made, Diagnostic> {
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
            Some(h) => SectionView::new(self, h, true),
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
        let latest: Vec<usize> = cases
            .iter()
            .copied()
            .filter(|d| !featured.contains(d))
            .take(HOME_LATEST)
            .collect();
        ctx.insert("featured", &Cards::new(self, &featured, lang));
        ctx.insert("latest", &Cards::new(self, &latest, lang));
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
        ctx.insert("casebook_url", &crate::config::casebook::home_link(self.config, lang));
        let source = home.map_or_else(
            || Path::new("content/_index.md").to_path_buf(),
            |h| self.library.docs[h].source.clone(),
        );
        ctx.finish(self.theme, "index.html", &source, path, Some(lang))
    }

    pub(super) fn search(&self, mode: Mode, lang: usize) -> Result<Made, Diagnostic> {
        let (path, mut ctx) = self.one_page(mode, lang, Self::search_path, "search_title")?;
        ctx.insert("search_index", &self.config.link(&path));
        ctx.finish(self.theme, "search.html", Path::new("site.toml"), path, Some(lang))
    }

    /// Every section with its pages, the catalogue, the taxonomies, the progress and search pages.
    pub(super) fn site_map(&self, mode: Mode, lang: usize) -> Result<Made, Diagnostic> {
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
    pub(super) fn one_page(
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
    pub(super) fn alias(&self, mode: Mode, i: usize, alias: usize) -> Made {
        let doc = &self.library.docs[i];
        let text = super::addresses::redirect_page(
            &self.config.languages[doc.lang].tag,
            &doc.fm.title,
            &self.config.link(&doc.path),
            &self.config.permalink(&doc.path),
        );
        Made {
            path: doc.fm.aliases[alias].clone(),
            key: (mode != Mode::Render).then(|| xxhash_rust::xxh3::xxh3_64(text.as_bytes())),
            text: (mode != Mode::Key).then(|| text.into_bytes()),
            lang: None,
        }
    }

    /// A language's 404 page: `/404.html` for the default language (the one a static
    /// host serves), `/en/404.html` for the others (hosts that look for the nearest
    /// 404 page up the path serve it under `/en/`).
    pub(super) fn not_found(&self, mode: Mode, lang: usize) -> Result<Made, Diagnostic> {
        let versions: Vec<Option<String>> = vec![None; self.config.languages.len()];
        let path = format!("{}/404.html", self.prefix(lang));
        let mut ctx = self.common(mode, lang, &versions, None, &[], &path)?;
        ctx.insert("noindex", &true);
        ctx.finish(self.theme, "404.html", Path::new("404.html"), path, None)
    }

    /// Where a case without a cover image gets the theme's typographic cover, if it does.
    pub(super) fn cover_art_path(&self, doc: &Doc) -> Option<String> {
        (doc.is_case() && doc.fm.cover.is_none() && self.theme.files.contains_key(COVER_TEMPLATE))
            .then(|| format!("{}{COVER_FILE}", doc.path))
    }

    /// A case's typographic cover: the theme's `cover.svg` with the title laid out in lines.
    pub(super) fn cover(&self, mode: Mode, i: usize) -> Result<Made, Diagnostic> {
        let doc = &self.library.docs[i];
        let path = self.cover_art_path(doc).unwrap_or_default();
        let mut ctx = Ctx::new(mode, &path);
        let language = &self.config.languages[doc.lang];
        ctx.insert("lang", &language.code);
        ctx.insert("lang_tag", &language.tag);
        ctx.insert("cover", &cover::CoverOf { r: self, doc });
        ctx.finish(self.theme, COVER_TEMPLATE, &doc.source, path, None)
    }
}
