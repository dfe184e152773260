//! Rebuilding after an edit to pages, in milliseconds rather than seconds.
//!
//! Quick rebuilds take edits to pages the site has already (no file new,
//! deleted or renamed). Each changed file is read and its Markdown rendered
//! again; then:
//! - **Text only** (the front matter and the summary as they were): the text
//!   shows on the page itself and on the pages that stand in for it in other
//!   languages (fallbacks), and its hash decides whether its translations are
//!   stale, so those pages are rendered again and nothing else.
//! - **Front matter** (title, date, terms, summary, weight, organisation…, but
//!   not the address: `slug`, `aliases`, `draft` and `cover` as they were): the
//!   library is linked again and the catalogue rebuilt; every page that is
//!   not a content page (lists, term pages and overviews, the catalogue, home,
//!   progress, the site map, search page, 404) is rendered again, and of the
//!   content pages those of the changed files, their translations, and the
//!   pages whose related cases changed or show one of them; the feeds and
//!   the sitemap are made again; list pages no longer made are removed.
//!
//! The search index holds text and titles: it is rebuilt on another thread
//! once the sources are quiet, and laid over the site with
//! [`search_changes`]. Anything else (a new, deleted or renamed file, a
//! section's text, an address, templates, site.toml, static files, code that
//! needs a new highlight colour) takes a full rebuild.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Component, Path};

use rayon::prelude::*;

use super::watch::Change;
use crate::cmd::build::{Site, Stages};
use crate::content::taxonomy::Catalogue;
use crate::content::{CONTENT_DIR, Doc, DocKind};
use crate::diagnostics::{self, Diagnostic};
use crate::markdown::{self, Links};
use crate::output::memory::{Layers, Memory};
use crate::output::{Sink, feed, file_of, sitemap};
use crate::render::{Job, Renderer};
use crate::search;

/// Files to lay over the site served: new contents, or `None` for removed.
pub type Changes = HashMap<String, Option<Vec<u8>>>;

/// What a quick rebuild gave.
#[derive(Debug)]
pub enum Quick {
    /// The change needs a full rebuild.
    Full,
    /// The changed files have errors; the site is as it was.
    Failed(Vec<Diagnostic>),
    /// The pages rendered again, and the languages whose search index is out of date.
    Done { files: Changes, search: BTreeSet<usize> },
}

/// Renders again what an edit to pages shows on, updating `site`;
/// [`Quick::Full`] when the change is more than that.
pub fn rebuild(site: &mut Site, change: &Change, served: &Layers) -> Quick {
    if change.rescan || change.paths.is_empty() {
        return Quick::Full;
    }
    let mut changed = Vec::new();
    for path in &change.paths {
        let Some(rel) = content_rel(path) else {
            return Quick::Full;
        };
        let Some(index) = site.library.docs.iter().position(|d| d.rel == rel) else {
            return Quick::Full;
        };
        if site.library.docs[index].kind != DocKind::Page || !site.config.root.join(path).is_file() {
            return Quick::Full;
        }
        changed.push(index);
    }

    // Read and render every changed page before the site is touched.
    let classes = site.highlighter.classes_used();
    let mut fresh = Vec::new();
    let mut errors = Vec::new();
    let mut front_matter = false;
    {
        let links = Links::new(&site.config, &site.library, &site.highlighter);
        for &index in &changed {
            let old = &site.library.docs[index];
            let mut doc = match site.library.reread(&site.config, index) {
                Ok(doc) => doc,
                Err(mut problems) => {
                    errors.append(&mut problems);
                    continue;
                }
            };
            if !same_address(old, &doc) {
                return Quick::Full;
            }
            doc.path = old.path.clone();
            doc.parent = old.parent;
            doc.fallbacks = old.fallbacks.clone();
            doc.cover_url = old.cover_url.clone();
            doc.cover_size = old.cover_size.clone();
            let mut out = markdown::render(&doc, &links);
            errors.append(&mut out.problems);
            doc.html = crate::content::Packed::new(&out.html);
            doc.lead = out.lead;
            doc.text = crate::content::Packed::new(&out.text);
            doc.anchors = out.anchors;
            doc.links = out.links;
            // The summary shows in lists, cards and feeds, as the front matter does.
            front_matter |= doc.yaml != old.yaml || doc.summary() != old.summary();
            fresh.push((index, doc));
        }
    }
    if !errors.is_empty() {
        diagnostics::sort(&mut errors);
        return Quick::Failed(errors);
    }
    // New code colours change the stylesheet every page links to.
    if site.highlighter.classes_used() != classes {
        return Quick::Full;
    }

    let mut touched: BTreeSet<usize> = BTreeSet::new();
    let mut search = BTreeSet::new();
    for (index, doc) in fresh {
        search.insert(doc.lang);
        search.extend((0..doc.fallbacks.len()).filter(|&lang| doc.fallbacks[lang].is_some()));
        // A translation says whether its original changed since it was made.
        if let Some(versions) = site.library.translations.get(&doc.key) {
            touched.extend(versions.iter().flatten().copied());
        }
        touched.insert(index);
        site.library.docs[index] = doc;
    }
    let result = if front_matter {
        search.extend(0..site.config.languages.len());
        front_matter_pages(site, &touched, served)
    } else {
        text_pages(site, &touched)
    };
    match result {
        Ok(files) => Quick::Done { files, search },
        Err(mut errors) => {
            diagnostics::sort(&mut errors);
            Quick::Failed(errors)
        }
    }
}

/// Whether a doc read again keeps its address and what is published beside it.
fn same_address(old: &Doc, new: &Doc) -> bool {
    old.fm.slug == new.fm.slug
        && old.fm.aliases == new.fm.aliases
        && old.fm.draft == new.fm.draft
        && old.fm.cover == new.fm.cover
}

/// The pages of `docs` (and their stand-ins in other languages), rendered.
fn text_pages(site: &Site, docs: &BTreeSet<usize>) -> Result<Changes, Vec<Diagnostic>> {
    let renderer = Renderer::new(&site.config, &site.library, &site.catalogue, &site.theme);
    let jobs: Vec<Job> = docs.iter().flat_map(|&d| page_jobs(site, d)).collect();
    render(&renderer, &jobs)
}

/// A content page's jobs: the page, and its fallbacks.
fn page_jobs(site: &Site, doc: usize) -> Vec<Job> {
    let mut jobs = vec![Job::Page(doc)];
    let fallbacks = &site.library.docs[doc].fallbacks;
    jobs.extend(
        (0..fallbacks.len())
            .filter(|&l| fallbacks[l].is_some())
            .map(|lang| Job::Fallback { doc, lang }),
    );
    jobs
}

/// After front matter changed: the library linked again, the catalogue
/// rebuilt, and every page that can show the changed docs rendered.
fn front_matter_pages(site: &mut Site, touched: &BTreeSet<usize>, served: &Layers) -> Result<Changes, Vec<Diagnostic>> {
    let mut stages = Stages::new(std::time::Instant::now());
    let old_neighbours = neighbours(&site.library);
    site.library.relink(&site.config)?;
    stages.mark("link");
    let new_neighbours = neighbours(&site.library);
    let old_related = std::mem::take(&mut site.catalogue.related);
    let old_menus = taxonomy_menus(site);
    site.catalogue = Catalogue::build(&site.config, &site.library);
    stages.mark("catalogue");
    // What every page shows: the taxonomies in the menu, the footer's page titles.
    let config = &site.config;
    let in_footer = touched.iter().any(|&d| {
        let neutral = crate::content::neutral_path(&site.library.docs[d].rel, config);
        config
            .footer_links
            .iter()
            .any(|link| crate::content::neutral_path(link, config) == neutral)
    });
    let every_page = in_footer || taxonomy_menus(site) != old_menus;
    let renderer = Renderer::new(&site.config, &site.library, &site.catalogue, &site.theme);
    let clashes = renderer.check_paths();
    if !clashes.is_empty() {
        return Err(clashes);
    }
    // Content pages whose related cases or neighbours (previous, next) changed,
    // or that show a touched doc as one of them.
    let related = &site.catalogue.related;
    let shows_touched = |d: &usize| {
        related
            .get(d)
            .is_some_and(|list| list.iter().any(|r| touched.contains(r)))
            || new_neighbours
                .get(d)
                .is_some_and(|(p, n)| [p, n].into_iter().flatten().any(|x| touched.contains(x)))
    };
    let affected: HashSet<usize> = (0..site.library.docs.len())
        .filter(|d| {
            every_page
                || touched.contains(d)
                || old_related.get(d) != related.get(d)
                || old_neighbours.get(d) != new_neighbours.get(d)
                || shows_touched(d)
        })
        .collect();
    let plan = renderer.plan();
    let jobs: Vec<Job> = plan
        .iter()
        .copied()
        .filter(|job| match *job {
            Job::Page(d) | Job::Fallback { doc: d, .. } => affected.contains(&d),
            _ => true,
        })
        .collect();
    let mut files = render(&renderer, &jobs)?;
    stages.mark("pages");

    let entries: Vec<sitemap::Entry> = plan.iter().filter_map(|&job| renderer.sitemap_entry(job)).collect();
    let mut made: Vec<(String, String)> = (0..config.languages.len())
        .map(|lang| (feed::feed_path(config, lang), feed::atom(config, &site.library, lang)))
        .collect();
    made.extend(sitemap::sitemaps(config, &entries));
    for (path, text) in made {
        files.insert(file_of(&path), Some(text.into_bytes()));
    }

    // Pages of lists that are shorter now, and of terms no case has any more.
    let mut kept: HashSet<String> = HashSet::new();
    for (d, doc) in site.library.docs.iter().enumerate() {
        if doc.kind == DocKind::Page && !affected.contains(&d) {
            kept.insert(file_of(&doc.path));
            kept.extend(doc.fallbacks.iter().flatten().map(|p| file_of(p)));
        }
    }
    let assets = site
        .assets
        .copies
        .iter()
        .map(|(_, path)| path)
        .chain(site.assets.generated.iter().map(|(path, _)| path))
        .chain(site.library.assets.values().map(|a| &a.path));
    kept.extend(assets.map(|p| file_of(p)));
    // And sitemap files beyond the number needed now.
    let generated = |key: &str| key.ends_with(".html") || (key.starts_with("sitemap") && key.ends_with(".xml"));
    for key in served.keys_under("") {
        if generated(&key) && !kept.contains(&key) && !files.contains_key(&key) {
            files.insert(key, None);
        }
    }
    stages.mark("feeds, sitemap, pages gone");
    stages.report();
    Ok(files)
}

/// Per language, which taxonomies the menu lists (those with a term that has pages).
fn taxonomy_menus(site: &Site) -> Vec<Vec<bool>> {
    (0..site.config.languages.len())
        .map(|lang| {
            site.catalogue
                .taxonomies
                .iter()
                .map(|tax| tax.terms.iter().any(|term| !term.pages[lang].is_empty()))
                .collect()
        })
        .collect()
}

/// Each listed page's previous and next page in its section's list.
fn neighbours(library: &crate::content::Library) -> HashMap<usize, (Option<usize>, Option<usize>)> {
    let mut found = HashMap::new();
    for list in library.pages_of.values() {
        for (at, &doc) in list.iter().enumerate() {
            let previous = at.checked_sub(1).map(|p| list[p]);
            found.insert(doc, (previous, list.get(at + 1).copied()));
        }
    }
    found
}

/// Renders jobs in parallel; every error, each distinct one once.
fn render(renderer: &Renderer<'_>, jobs: &[Job]) -> Result<Changes, Vec<Diagnostic>> {
    let memory = Memory::default();
    let errors: Vec<Diagnostic> = jobs
        .par_iter()
        .filter_map(|&job| match renderer.render(job) {
            Ok(out) => {
                // Memory keeps everything; it cannot fail.
                let _ = memory.write(&out.path, out.text.as_bytes());
                None
            }
            Err(e) => Some(e),
        })
        .collect();
    if !errors.is_empty() {
        let mut seen = HashSet::new();
        return Err(errors.into_iter().filter(|e| seen.insert(e.to_string())).collect());
    }
    Ok(memory.into_files().into_iter().map(|(k, v)| (k, Some(v))).collect())
}

/// The search index of some languages, built again: the new files, and the old
/// shards and fragments (in `served`) that are gone.
pub fn search_changes(indexes: &[(String, Vec<search::IndexFile>)], served: &Layers) -> Changes {
    let mut changes = Changes::new();
    for (base, files) in indexes {
        let memory = Memory::default();
        for file in files {
            // Memory keeps everything; it cannot fail.
            let _ = memory.write(&file.path, &file.bytes);
        }
        let fresh = memory.into_files();
        let folder = base.trim_start_matches('/');
        for old in [format!("{folder}s/"), format!("{folder}f/")]
            .iter()
            .flat_map(|prefix| served.keys_under(prefix))
        {
            if !fresh.contains_key(&old) {
                changes.insert(old, None);
            }
        }
        changes.extend(fresh.into_iter().map(|(k, v)| (k, Some(v))));
    }
    changes
}

/// `content/cases/a.md` → `cases/a.md`; `None` for anything but a Markdown file in content/.
fn content_rel(path: &Path) -> Option<String> {
    let mut parts = Vec::new();
    let mut components = path.components();
    if components.next() != Some(Component::Normal(CONTENT_DIR.as_ref())) {
        return None;
    }
    for component in components {
        match component {
            Component::Normal(part) => parts.push(part.to_str()?),
            _ => return None,
        }
    }
    let rel = parts.join("/");
    rel.ends_with(".md").then_some(rel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_markdown_in_content_can_be_quick() {
        assert_eq!(
            content_rel(Path::new("content/cases/a.md")).as_deref(),
            Some("cases/a.md")
        );
        assert_eq!(content_rel(Path::new("content/a.en.md")).as_deref(), Some("a.en.md"));
        assert_eq!(content_rel(Path::new("content/cases/photo.png")), None);
        assert_eq!(content_rel(Path::new("content")), None);
        assert_eq!(content_rel(Path::new("templates/page.html")), None);
        assert_eq!(content_rel(Path::new("site.toml")), None);
        assert_eq!(content_rel(Path::new("content/../x.md")), None);
    }
}
